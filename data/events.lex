# Events lexicon: the happenings a year or a date can date. The value is
# the event part of a slot key (year/<event>, date/<event>): "the 2008
# war" -> year/war, "met Monday" -> date/meeting.
#
# Nouns and verbs both count. A verb dates the clause it stands in ("In
# 2009, Russia bought ..." is a purchase) but never the number right
# before it ("the 2015 model sold well" is no sale in 2015), so verbs sit
# on lines whose value ends in " verb"; the key drops that word. A verb
# phrase ("appeared in court", "made landfall") is matched as a whole.
#
# A capitalized event word after other capitalized words is a named event
# ("the Second Lebanon War", "the Cold War", "World War II") and keys by
# its name instead, so that it never meets an unnamed war.
#
# A noun after a qualifier ("the previous quake", "the last election",
# data/time.lex) or right after a year of its own ("the 1999 quake", in an
# article that also dates a recent quake) is another event of its kind and
# keys as "quake:previous" or "quake:1999".
#
# Keep a word in one line only: a phrase listed twice takes the last value.
# Words too common to date anything on their own ("results", "sentence",
# "charge" as in "in charge") are listed only inside longer phrases.

[event]
# --- conflict and security
war = war, wars, conflict, civil war
invasion = invasion
invasion verb = invaded, invade, invades
attack = attack, attacks, bombing, bombings, raid, raids, airstrike, airstrikes, air strike, air strikes, ambush
attack verb = attacked, bombed, ambushed
ceasefire = ceasefire, ceasefires, cease-fire, truce, armistice
coup = coup, putsch
independence = independence

# --- disasters and accidents
quake = earthquake, earthquakes, quake, quakes, tremor, temblor, aftershock
eruption = eruption, eruptions
eruption verb = erupted, erupts
landslide = landslide, landslides, mudslide, mudslides, rockslide, rockslides
storm = storm, storms, hurricane, typhoon, cyclone, tornado
landfall = landfall
landfall verb = made landfall, makes landfall, make landfall, came ashore, comes ashore
flood = flood, floods, flooding, flash flood, flash floods
flood verb = flooded
fire = wildfire, wildfires, blaze, fire, fires, bushfire, forest fire
fire verb = caught fire, burned down, burnt down
crash = crash, crashes, plane crash, air crash
crash verb = crashed
collision = collision, collisions, pile-up
collision verb = collided
derailment = derailment, derailments
derailment verb = derailed
explosion = explosion, explosions, blast, blasts
explosion verb = exploded, blew up
# The toll of a disaster is reported, and revised, on its own dates: "the
# death toll rose to 41 on Tuesday" dates the toll, not the quake.
toll = death toll, toll, casualty toll, casualty count
rescue = rescue, rescues, rescue operation
rescue verb = rescued, pulled alive
evacuation = evacuation, evacuations
evacuation verb = evacuated

# --- crime and courts
robbery = robbery, robberies, heist, hold-up, burglary, burglaries, theft, thefts
robbery verb = robbed, stole, stolen
shooting = shooting, shootings, gunfire, shootout
shooting verb = shot dead, opened fire
murder = murder, murders, homicide, stabbing, stabbings
murder verb = murdered, stabbed
death = death, killing, killings
death verb = died, dies, killed
arrest = arrest, arrests
arrest verb = arrested, detained
charge = charges, indictment, criminal charge, criminal charges
charge verb = charged, indicted
hearing = hearing, hearings, court appearance
hearing verb = appeared in court, appears in court, appear in court
trial = trial, trials, retrial
trial verb = went on trial, goes on trial, stood trial, stand trial
verdict = verdict, verdicts, conviction, acquittal
verdict verb = convicted, acquitted, found guilty
sentencing = sentencing, jail sentence, prison sentence, jail term, prison term
sentencing verb = sentenced, jailed

# --- business
purchase = purchase, purchases
purchase verb = purchased, bought, buy, buys, buying
acquisition = acquisition, acquisitions, takeover, takeovers, buyout, buyouts
acquisition verb = acquired, acquire, acquires, took over, bought out
merger = merger, mergers
merger verb = merged
sale = sale, sales
sale verb = sold, sell, sells, selling
offer = offer, offers, bid
offer verb = offered
deal = deal, contract, agreement
settlement = settlement, settlements
settlement verb = settled
ipo = ipo, initial public offering, flotation, stock market flotation
ipo verb = went public
listing = listing, listings, market debut, trading debut, stock market debut
earnings = earnings, quarterly results, annual results, interim results, full-year results, half-year results, financial results, earnings report, quarterly earnings
layoffs = layoffs, layoff, lay-offs, job cuts, redundancies
layoffs verb = laid off, lays off, cut jobs
bankruptcy = bankruptcy, bankruptcies, insolvency
bankruptcy verb = went bankrupt, went bust
launch = launch, launches
launch verb = launched, unveiled
announcement = announcement
announcement verb = announced, announces
signing = signing
signing verb = signed
collapse = collapse, breakup, break-up, dissolution, downfall
collapse verb = collapsed
founding = founding
founding verb = founded
construction = construction
construction verb = built, constructed, erected

# --- sports: the contests a year or a date dates ("the 2007 World Series",
# "the 2010 World Cup"); a bare "game", "series" or "final" (an adjective
# too: "the final decision") dates too much
tournament = world series, world cup, super bowl, stanley cup, grand prix, olympics
tournament = olympic games, winter olympics, summer olympics, championship, championships
tournament = tournament, playoffs, play-offs, finals, cup final, grand final

# --- politics
election = election, elections, polls, runoff, by-election, general election
election verb = elected, re-elected
vote = vote, votes, voting, ballot
vote verb = voted
referendum = referendum, plebiscite
# passage of a bill: bare "passed", "approved", "cleared" date storms,
# mergers and roads too, so only the lawmaking phrases are listed
passage = passage
passage verb = senate passed, house passed, congress passed, parliament passed
passage verb = lawmakers passed, legislators passed, senators passed, mps passed
passage verb = senate approved, house approved, congress approved, parliament approved
passage verb = lawmakers approved, legislators approved, senators approved, mps approved
passage verb = cleared the senate, cleared the house, cleared congress, cleared parliament
passage verb = passed the senate, passed the house, passed congress, passed parliament
passage verb = passed into law, signed into law
# after "the" a verb reads as a participle ("the merged group"), so the
# article is part of these phrases
passage verb = the senate passed, the house passed, the senate approved, the house approved
meeting = meeting, meetings, talks, summit, summits, session, conference
meeting verb = met, meet, meets
visit = visit, visits, trip
visit verb = visited
treaty = treaty, treaties, accord, pact
resignation = resignation, ouster
resignation verb = resigned, resigns, ousted, stepped down, steps down
appointment = appointment, nomination
appointment verb = appointed, nominated
inauguration = inauguration, swearing-in
inauguration verb = inaugurated, sworn in
strike = walkout, strike, strikes
strike verb = went on strike, walked out
protest = protest, protests, demonstration, demonstrations, rally, rallies
protest verb = protested, marched
