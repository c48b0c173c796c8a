# Events lexicon: the happenings a year or a date can date. The value is
# the event part of a slot key (year/<event>, date/<event>). Nouns and
# verbs both count: "the 2008 war", "In 2009, Russia bought ..." (a
# purchase), "met Monday" (a meeting). A capitalized event word after
# other capitalized words is a named event ("the Second Lebanon War",
# "the Cold War", "World War II") and keys by its name instead.

[event]
war = war, wars, conflict, civil war
invasion = invasion, invaded, invade, invades
attack = attack, attacks, attacked, bombing, bombings, bombed, raid, raids, airstrike, air strike
purchase = purchase, purchases, purchased, bought, buy, buys, buying, acquired, acquisition, acquire
sale = sale, sales, sold, sell, sells, selling
meeting = meeting, meetings, met, meet, meets, talks, summit, session, conference
signing = signing, signed
visit = visit, visits, visited, trip
collapse = collapse, collapsed, breakup, break-up, dissolution, downfall
election = election, elections, elected, vote, voted, polls, ballot, runoff
referendum = referendum, plebiscite
quake = earthquake, earthquakes, quake, quakes, tremor, temblor, aftershock
storm = storm, hurricane, typhoon, cyclone, tornado
flood = flood, floods, flooding, flooded
fire = wildfire, blaze, fire, fires
crash = crash, crashed, derailment, derailed, collision
explosion = explosion, blast, exploded
robbery = robbery, robberies, robbed, heist, hold-up, burglary
shooting = shooting, shot, gunfire
arrest = arrest, arrests, arrested
trial = trial, hearing, hearings, court date
verdict = verdict, convicted, acquitted, sentenced, sentencing
death = death, died, dies, killed, killing, killings
resignation = resignation, resigned, resigns, ouster, ousted
coup = coup, putsch
ceasefire = ceasefire, cease-fire, truce, armistice
independence = independence
founding = founded, founding
launch = launch, launched, launches, unveiled
announcement = announcement, announced, announces
merger = merger, merged, takeover
bankruptcy = bankruptcy, bankrupt
strike = walkout, strike, strikes
protest = protest, protests, demonstration, demonstrations, rally
