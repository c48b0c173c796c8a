# Concepts lexicon (used by libclaims/numbers.c): what a count counts.
# The value is the concept that goes into the slot key
# count/<concept>/<action>; list singular and plural forms. A noun not
# listed here falls back to a naive singular of itself.
[concept]
drone = drone, drones, uav, uavs, unmanned aerial vehicle, unmanned aerial vehicles
drone = unmanned aircraft, unmanned aircrafts, pilotless aircraft, pilotless aircrafts
drone = pilotless plane, pilotless planes, spy drone, spy drones, drone plane, drone planes
drone = unmanned aerial system, unmanned aerial systems, uas, unmanned plane, unmanned planes
drone = unmanned aerial aircraft, remotely piloted aircraft, surveillance drone
drone = surveillance drones, attack drone, attack drones
soldier = soldier, soldiers, serviceman, servicemen, servicewoman, servicewomen, troop, troops
soldier = personnel, military personnel, service member, service members, servicemember
soldier = servicemembers, army personnel, conscript, conscripts, infantryman, infantrymen
sailor = sailor, sailors, seaman, seamen, navy sailor, navy sailors, crewman, crewmen
pilot = pilot, pilots, aviator, aviators
person = person, persons, people, individual, individuals, nobody, no one, none
person = dead, deaths, death toll, killed, died, injured, wounded, hurt, injuries
person = casualty, casualties, victim, victims, fatalities, fatality, arrested, detained
person = missing, evacuated, evacuees, displaced, rescued, survivors, survivor, others
# verbs whose object, when the noun is left out, is people ("the quake
# killed 40", "40 killed")
person = kill, kills, killing, die, dies, injure, injures, injuring, wound, wounds
person = wounding, hurting, arrest, arresting, detain, detains, detaining, evacuate
person = evacuates, evacuating, rescue, rescues, rescuing, slain, perished
man = man, men
woman = woman, women
boy = boy, boys
girl = girl, girls
child = child, children, kid, kids, minor, minors
civilian = civilian, civilians, noncombatant, noncombatants
police officer = police officer, police officers, policeman, policemen, policewoman
police officer = policewomen, cop, cops, police
suspect = suspect, suspects
worker = worker, workers, employee, employees, staff, staffer, staffers, job, jobs
worker = workforce
resident = resident, residents, inhabitant, inhabitants, population
quake = quake, quakes, earthquake, earthquakes, tremor, tremors, temblor, temblors
quake = aftershock, aftershocks
weapon = weapon, weapons, arms, weaponry
missile = missile, missiles
rocket = rocket, rockets
aircraft = aircraft, plane, planes, airplane, airplanes, jet, jets, warplane, warplanes
aircraft = fighter jet, fighter jets
helicopter = helicopter, helicopters, chopper, choppers
tank = tank, tanks
ship = ship, ships, vessel, vessels, warship, warships, boat, boats
home = home, homes, house, houses, dwelling, dwellings
building = building, buildings
vehicle = vehicle, vehicles, car, cars
refugee = refugee, refugees, asylum seeker, asylum seekers
migrant = migrant, migrants
prisoner = prisoner, prisoners, detainee, detainees, inmate, inmates, captive, captives
hostage = hostage, hostages
militant = militant, militants, insurgent, insurgents, gunman, gunmen
protester = protester, protesters, protestor, protestors, demonstrator, demonstrators
student = student, students, pupil, pupils
minister = minister, ministers
country = country, countries, nation, nations
share = share, shares, stock, stocks
bill = bill, bills, package, packages, legislation, measure, measures

# Word classes around the counted noun (never a concept):
#   _det     skipped between the amount and the noun ("12 of the drones")
#   _stop    ends the noun phrase ("12 drones from Israel")
#   _clause  starts a new clause: ends the noun phrase and the search
#            backwards for the governing verb
#   _pron    a person pronoun ("She was 61": an age)
#   _filler  a word that names no thing of its own before "of" and an
#            amount ("a total of $5m": the thing is looked for elsewhere)

# Headings: the plural of a concept where it is not the concept plus "s"
# ("people killed", "children rescued").
[plural]
people = person
children = child
men = man
women = woman
police officers = police officer
casualties = casualty
aircraft = aircraft

# Word classes the count grammar reads around a number (numbers.c): _det
# (skipped between an amount and its noun), _stop and _clause (end a noun
# phrase), _pron, _filler. Words here are never counted things.
[word_class]
_det = of, the, these, those, its, their, his, her, our, your, my, such, a, an
_stop = from, to, in, on, at, for, with, by, and, or, but, nor, into, onto, than, as, per
_stop = via, over, under, during, against, across, near, last, next, within, among
_stop = including, like, each, apiece, them, us, him, it, they, we, you, i, were, was, are
_stop = is, be, been, being, have, has, had, will, would, could, can, may, might, must
_stop = should, shall, did, do, does, not, also, more, all, both, this, then, now, ago
_stop = out, up, down, off, there, here, later, earlier, so, too, very, only, just, instead
_stop = outside, inside, beyond, behind, beside, along, amid, toward, towards
_clause = that, which, who, whom, whose, while, when, where, because, although, though
_clause = if, unless, whereas, after, before, since, until, till
_pron = he, she
# a parent named by the number of children ("a mother of 12"): no amount
_kin = mother, father, grandmother, grandfather, mom, dad, mum, parent, stepmother, stepfather
_filler = total, sum, amount, combined, figure, tally, record, high, low, value
# the last word of a street address after a house number ("4 Yawkey
# Way", "325 E. Dahlia Ave."): the number is no amount
_street = street, st, avenue, ave, road, rd, boulevard, blvd, lane, ln, drive, way
_street = place, court, terrace, highway, hwy, parkway, pkwy, square, plaza, crescent
# emergency telephone numbers: "911 calls" counts no calls
_phone = 911, 999
# participles that only describe the counted noun ("three leading
# scientific societies", "two remaining hostages"); other participles
# qualify it ("189 rushing yards") and end the noun phrase
_adjective = leading, remaining, existing, surviving, following, outstanding, visiting
_adjective = competing, participating, armed, retired, unnamed, unidentified, masked
_adjective = registered, qualified, skilled, trained, licensed, elected, unarmed

# A counted thing's broader kind: "three climbers", "three co-workers" and
# "three people" may count one group, so a count of the narrower thing also
# meets the broader kind's slot (a back-off: it may agree there, and
# contradicts only a near figure told in alike sentences). Values are
# concepts as they land in keys; phrases are the narrower concepts, or
# the singular of a noun the concept section does not list.
[broader]
person = man, woman, boy, girl, child, civilian, police officer, suspect, worker
person = refugee, migrant, prisoner, hostage, militant, protester, student, soldier
person = sailor, pilot, climber, companion, colleague, passenger, firefighter, miner
person = resident, tourist, hiker, skier, driver, teenager, adult, member, officer
person = doctor, nurse, teacher, patient, guest, visitor, customer, friend, relative
person = neighbor, neighbour, survivor, bystander, shopper, spectator, fan, pedestrian
person = cyclist, swimmer, diver, mountaineer, villager, worshipper, parishioner
person = player, teammate, athlete, coach, referee, rider, runner, lawmaker, senator
person = legislator, voter, delegate, candidate, executive, shareholder, investor
person = juror, witness, defendant, lawyer, attorney, judge, guard, agent, volunteer
person = professor, scientist, researcher, biologist, engineer, technician, staffer
