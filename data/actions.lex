# Actions lexicon (used by libclaims/numbers.c): what happens to a counted
# thing. The value is the action class in the slot key
# count/<concept>/<action>; list every inflection that occurs in news.
[action]
buy = bought, buy, buys, buying, purchased, purchase, purchases, purchasing, acquired
buy = acquire, acquires, acquiring, ordered, procured, procure, procures, procuring
pay = paid, pay, pays, paying, spent, spend, spends, spending
sell = sold, sell, sells, selling
supply = supplied, supply, supplies, supplying, delivered, deliver, delivers, delivering
supply = shipped, ship, ships, shipping, provided, provide, provides, providing
supply = transferred, exported, export, exports, exporting
train = trained, train, trains, training, drilled, instructed
operate = operate, operates, operated, operating, fly, flies, flew, flown, flying
kill = killed, kill, kills, killing, died, die, dies, dying, dead, deaths
kill = perished, slain, slew, massacred, executed, drowned, lost their lives
kill = killed in action, fatalities
injure = injured, injure, injures, injuring, wounded, wound, wounds, wounding, hurt
injure = hurting, injuries, hospitalized, hospitalised, maimed
arrest = arrested, arrest, arrests, arresting, detained, detain, detains, detaining
arrest = taken into custody, rounded up, apprehended, nabbed
evacuate = evacuated, evacuate, evacuates, evacuating, evacuees
rescue = rescued, rescue, rescues, rescuing, saved, pulled alive
missing = missing, unaccounted for
displace = displaced, left homeless, homeless, uprooted, fled
deploy = deployed, deploy, deploys, deploying, stationed, sent, send, sends, sending
deploy = dispatched, dispatch, dispatches
build = built, build, builds, building, manufactured, manufacture, manufactures, produced
build = produce, produces, producing, assembled, constructed
fire = fired, fire, fires, firing, launched, launch, launches, launching
destroy = destroyed, destroy, destroys, destroying, shot down, downed, damaged
capture = captured, capture, captures, capturing, seized, seize, seizes, seizing
release = released, release, releases, releasing, freed, free, frees, freeing
raise = raised, raise, raises, raising
earn = earned, earn, earns, earning
employ = employed, employ, employs, employing, hired, hire, hires, hiring
cut = cut, cuts, cutting, laid off, lay off, lays off, eliminated, axed, shed, sheds
charge = charged, charge, charges, charging, indicted, indict, indicts
convict = convicted, convict, convicts, sentenced
steal = stole, stolen, steal, steals, stealing, snatched, looted, swiped
fine = fined, fining
support = voted for, vote for, votes for, voting for, voted in favour, voted in favor
support = voting in favour, voting in favor, vote in favour, vote in favor, in support
support = backed, supported
# Words that name a total rather than a thing: "the death toll rose to 41",
# "a death toll of 41", "raising the number of dead to 41". A bare number
# after one (through to, at, of, an auxiliary or a change verb) counts
# people, with the action after the colon.
# Verbs of change: a total "rose to", a share "fell 6%". The amount after
# one belongs to the subject before it ("profit rose 12% to $2 billion").
# Words that put a price on the noun before them ("watches worth
# £250,000", "the company was valued at 1 billion zlotys").
# Auxiliaries and fillers between a counted noun and its participle
# ("12 people were reportedly killed").

# Headings: the past participle of an action where it is not the action
# plus "ed" ("people killed", "drones bought"). The phrase is the action
# as the [action] section names it.
[participle]
bought = buy
sold = sell
paid = pay
built = build
stolen = steal
cut = cut
raised = raise
fired = fire
charged = charge
released = release

# Word classes around an action (numbers.c, segment.c): _aux (auxiliaries
# before a participle), _toll:<action> ("death toll"), _change ("rose to"),
# _worth ("worth", "valued at"), _weigh ("weighs": N pounds are a mass),
# _age_at ("dies at 75", "retire at 65": an age).
# Words here are never actions themselves.
[action_word]
_toll:kill = death toll, toll, number of dead, number of deaths, number of people killed
_toll:kill = number of people dead, number of fatalities, fatality toll, fatality count
_toll:kill = body count, death count, number of victims, number killed, number of dead people
_toll:injure = number of injured, number of injuries, injury toll, number of wounded
_toll:injure = number of people injured, number of people wounded, number injured
_toll:missing = number of missing, number of people missing, number missing
_toll:evacuate = number of evacuees, number of people evacuated, number evacuated
_toll:displace = number of displaced, number of people displaced
_toll:arrest = number of arrests, number of people arrested, number arrested
_toll:rescue = number of people rescued, number rescued, number of survivors
_change = rose, rise, rises, rising, risen, climbed, climb, climbs, climbing, jumped
_change = jump, jumps, increased, increase, increases, grew, grow, grows, growing, soared
_change = surged, fell, fall, falls, falling, fallen, dropped, drop, drops, declined
_change = decline, declines, slid, slipped, dipped, plunged, gained, gains, reached
_change = reach, reaches, hit, topped, passed, exceeded, stood, stands, stand, totalled
_change = totaled, totals, total, tops, edged, slumped, tumbled, rebounded, doubled
_change = tripled, shrank, widened, narrowed, came, comes, stood at, now stands
_age_at = die, dies, died, dying, retire, retires, retired, retiring
_weigh = weighs, weigh, weighed, weighing, weight, weights
_worth = worth, valued, priced, costing, estimated at, insured for
_aux = was, were, is, are, has, have, had, been, be, being, will, would, reportedly
_aux = also, later, all, reported, confirmed, believed, feared, said, thought, now
_aux = already, allegedly, subsequently, then, initially, each, both, not
_aux = remain, remains, remained, still, currently, officially, so far, yet
