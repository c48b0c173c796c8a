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
kill = killed, kill, kills, killing, died, die, dies, dying, dead, deaths, death toll
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
employ = employed, employ, employs, employing, hired, hire, hires, hiring
cut = cut, cuts, cutting, laid off, lay off, lays off, eliminated, axed, shed, sheds
charge = charged, charge, charges, charging, indicted, indict, indicts
convict = convicted, convict, convicts, sentenced
# Auxiliaries and fillers between a counted noun and its participle
# ("12 people were reportedly killed").
_aux = was, were, is, are, has, have, had, been, be, being, will, would, reportedly
_aux = also, later, all, reported, confirmed, believed, feared, said, thought, now
_aux = already, allegedly, subsequently, then, initially, each, both, not
