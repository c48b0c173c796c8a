# Context lexicon: the words around a figure that say which event it
# belongs to, which place or group it covers, whose it is, and whether it
# is a part of a total. extract/context.c reads them; each value names a
# role, and the phrases are what a newsroom may extend.

[background]
# In the sentence of a figure: it speaks of an earlier or another event
# ("the previous quake killed 74", "a similar attack"). Each phrase starts
# with an uncommon word, since every sentence is searched for them. ("last
# year" is not one: it is resolved against the article's date, and the
# year it names decides.)
background = previous, prior, preceding, earlier this year, earlier this month
background = year ago, years ago, decades ago, months ago, similar
background = last time, once before, history of, back then, year before, formerly

[context]

# Right before a figure: it is one of a larger number ("including 3
# children", "of which $2 million in cash", "among them two boys").
part:subset = including, include, includes, of which, of whom, among them
part:subset = among whom, among those, among the dead, among the injured

# Right before a figure: it adds to an earlier one ("another four died").
part:increment = another, an additional, a further, a new, the other

# Right after a figure: "two more victims", "four additional people". ("Two
# others" is not one: "killed 30 and injured 200 others" counts the hurt.)
part:after = more, additional, further

# Between a figure and its action: a subset of the hurt ("30 seriously injured").
part:severity = seriously, critically, severely, badly, gravely, slightly, lightly
part:severity = moderately, fatally, mortally, minor

# Before a place or group that scopes a figure ("in Dubai", "among the
# soldiers", "65% of traffic to India").
scope = in, among, across, throughout, to

# Near a figure: it is a rate or an average, not a count of one occasion
# ("averaged 22.8 points", "7.2 rebounds a game").
rate = averaged, averaging, average, averages, per game, a game, per season, a season

# Before a figure in its sentence: it is said as a possibility, and
# contradicts nothing ("there might have been two killed").
hedge = might, may, could, possibly, perhaps, as early as, as many as possibly

# In the sentence of a percentage: a poll's or a survey's figure, one
# measurement among many ("68% of voters" in one poll, "83%" in another):
# it may agree, and contradicts nothing.
poll = poll, polls, opinion poll, survey, surveys, surveyed, respondents, pollster

# Before "of" or "from" and a place: a distance measured from that place
# ("13 miles east of Cloverdale").
direction = north, south, east, west, northeast, northwest, southeast, southwest
direction = north-east, north-west, south-east, south-west, northern, southern
direction = eastern, western, outside, away

# After the name that opens a clause, before an amount of money: the name
# is whose amount it is ("the Nationals made a $160 million offer").
holder_verb = made, make, makes, offered, offers, offer, paid, pays, pay, bid, bids
holder_verb = sells, sold, sell, priced, prices, charges, charged, spent, spends
holder_verb = raised, raises, earned, earns, reported, reports, posted, posts
