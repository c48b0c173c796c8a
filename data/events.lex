# Events lexicon: the happenings a year or a date can date. The value is
# the event part of a slot key (year/<event>, date/<event>): "the 2008
# war" -> year/war, "met Monday" -> date/meeting.
#
# Nouns and verbs both count. A verb dates the clause it stands in ("In
# 2009, Russia bought ..." is a purchase) but never the number right
# before it ("the 2015 model sold well" is no sale in 2015), so verbs sit
# on lines whose value ends in " verb"; the key drops that word.
#
# A capitalized event word after other capitalized words is a named event
# ("the Second Lebanon War", "the Cold War", "World War II") and keys by
# its name instead, so that it never meets an unnamed war.

[event]
war = war, wars, conflict, civil war
invasion = invasion
invasion verb = invaded, invade, invades
attack = attack, attacks, bombing, bombings, raid, raids, airstrike, air strike
attack verb = attacked, bombed
purchase = purchase, purchases, acquisition
purchase verb = purchased, bought, buy, buys, buying, acquired, acquire
sale = sale, sales
sale verb = sold, sell, sells, selling
meeting = meeting, meetings, talks, summit, session, conference
meeting verb = met, meet, meets
signing = signing
signing verb = signed
treaty = treaty, treaties, accord, pact
visit = visit, visits, trip
visit verb = visited
offer = offer, offers, bid
offer verb = offered
deal = deal, contract, agreement, settlement
collapse = collapse, breakup, break-up, dissolution, downfall
collapse verb = collapsed
election = election, elections, vote, polls, ballot, runoff
election verb = elected, voted
referendum = referendum, plebiscite
quake = earthquake, earthquakes, quake, quakes, tremor, temblor, aftershock
storm = storm, hurricane, typhoon, cyclone, tornado
flood = flood, floods, flooding
flood verb = flooded
fire = wildfire, blaze, fire, fires
crash = crash, derailment, collision
crash verb = crashed, derailed
explosion = explosion, blast
explosion verb = exploded
robbery = robbery, robberies, heist, hold-up, burglary
robbery verb = robbed
shooting = shooting, gunfire
arrest = arrest, arrests
arrest verb = arrested
trial = trial, hearing, hearings
verdict = verdict, sentencing
verdict verb = convicted, acquitted, sentenced
death = death, killing, killings
death verb = died, dies, killed
resignation = resignation, ouster
resignation verb = resigned, resigns, ousted
coup = coup, putsch
ceasefire = ceasefire, cease-fire, truce, armistice
independence = independence
founding = founding
founding verb = founded
launch = launch
launch verb = launched, launches, unveiled
announcement = announcement
announcement verb = announced, announces
merger = merger, takeover
merger verb = merged
bankruptcy = bankruptcy
strike = walkout, strike, strikes
protest = protest, protests, demonstration, demonstrations, rally
