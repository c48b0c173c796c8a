# Numbers lexicon (used by libclaims/numbers.c): number words, scales,
# ranks and labels, vague amounts, operators, unknown amounts.

# Number words. Compounds are composed by the parser ("twenty-five",
# "two hundred and fifty", "1.5 billion", "three and a half"), so only the
# parts are listed. Zero words make a count only when the counted thing is
# a known concept ("no deaths", "nobody was hurt").
[number]
0 = zero, no, none, nobody, no one, no-one
1 = one
2 = two
3 = three
4 = four
5 = five
6 = six
7 = seven
8 = eight
9 = nine
10 = ten
11 = eleven
12 = twelve
13 = thirteen
14 = fourteen
15 = fifteen
16 = sixteen
17 = seventeen
18 = eighteen
19 = nineteen
20 = twenty
30 = thirty
40 = forty, fourty
50 = fifty
60 = sixty
70 = seventy
80 = eighty
90 = ninety
12 = a dozen
100 = a hundred
1000 = a thousand
1000000 = a million
1000000000 = a billion
1000000000000 = a trillion
500000 = half a million
500000000 = half a billion
# "three and a half years": the parser adds it, after "and", to the
# number before it ("and" itself is no number word: it is too frequent)
0.5 = a half
# vulgar fractions after a number ("7 ½ minutes", "3½ minutes")
0.5 = ½
0.25 = ¼
0.75 = ¾
0.125 = ⅛

# Multipliers after a number ("1.5 billion", "two dozen", "$20m"). One- and
# two-letter abbreviations (m, bn, k) count as scales only with a currency.
[scale]
12 = dozen
100 = hundred
1000 = thousand, k
1000000 = million, mln, mn, m, mm
1000000000 = billion, bn
1000000000000 = trillion, tn
# South Asian scales ("Rs 500 crore", "2 lakh people")
100000 = lakh, lakhs
10000000 = crore, crores

# Ranks are never counts. Value `suffix`: glued to digits ("2nd", "21st").
# Value `label`: a word that labels the number after it ("No. 1",
# "page 12", "Resolution 1701", "tel 555").
[ordinal]
1 = first
2 = second
3 = third
4 = fourth
5 = fifth
6 = sixth
7 = seventh
8 = eighth
9 = ninth
10 = tenth
suffix = st, nd, rd, th
label = no, nos, number, nr, #, page, pages, p, pp, section, sec, chapter, article
label = paragraph, para, clause, item, room, flight, route, gate, platform, highway
label = bus, channel, tel, phone, fax, ext, apt, suite, resolution, verse, grade, level
label = rank, ranked, seed, seeded, version, model, bill

# Vague amounts as bounds "low..high".
[vague]
24..144 = dozens
40..199 = scores
200..999 = hundreds
2000..9999 = thousands
20000..99999 = tens of thousands
200000..999999 = hundreds of thousands
2000000..999999999 = millions
20000000..99999999 = tens of millions
200000000..999999999 = hundreds of millions
2000000000..999999999999 = billions
2..6 = a handful of

# Operators before an amount. gt/ge/lt/le bound it on one side; about
# gives +-10%; near is just below ("nearly 100" = 90..100). The connector
# values join two amounts into a range: between/from open it, to/and
# close it. `ratio` before an amount makes it the base of a proportion
# ("two out of three"), which is not a count.
[operator]
gt = more than, over, above, in excess of, upwards of, upward of, exceeding, just over
gt = well over, more then
ge = at least, no fewer than, no less than, not less than, a minimum of, not fewer than
lt = less than, fewer than, under, below, just under
le = up to, at most, no more than, not more than, a maximum of, as many as, a maximum
about = about, around, approximately, roughly, some, an estimated, estimated, approx
about = circa, in the region of
near = nearly, almost, close to, just shy of, not quite
between = between
from = from
to = to, through, till
and = and
ratio = out of, in every, of every

# Amounts stated without a number: kept as claims with no value.
[unknown_amount]
unknown = an unspecified number of, an undisclosed number of, an unknown number of
unknown = an unconfirmed number of, an undetermined number of, unspecified number of
unknown = undisclosed number of, an unspecified quantity of, a number of
unknown = a batch of, batch of, a test batch of, a trial batch of, a first batch of
unknown = a new batch of, a small batch of, a large batch of, a second batch of
unknown = a shipment of, a consignment of, a fleet of, a squadron of
unknown = an unspecified amount of, an undisclosed amount of, an undisclosed sum of
unknown = an undisclosed sum, an undisclosed amount, an unspecified sum

# Model-name prefixes glued to a number ("F-16", "Su-27"). numbers.c also
# treats any letter word glued to a number by "-" as a designator.
# The capitalized heads below name a model with a number after them even
# when a plural noun follows ("Hermes 450 drones", "Boeing 747 jets"). Any
# other capitalized word right before a number is a model name too, unless
# the number counts a noun of its own and the word is an acronym, the
# object of a verb or preposition, or the sentence's first word ("told CNN
# 12 people died", "sold Georgia 12 drones").
[designator]
model = f, su, mig, s, p, ak, m, t, tu, il, an, ka, mi, b, c, kh, boeing, airbus
model = hermes, heron, searcher, harop, orbiter, skylark, predator, reaper, global hawk
model = sukhoi, tupolev, ilyushin, antonov, mikoyan, yakovlev, kamov, embraer, bombardier
model = cessna, lockheed, dassault, apollo, gemini, soyuz, voyager, pioneer, falcon
model = patriot, merkava, leopard, abrams, challenger, iskander, tochka, kalashnikov
model = iphone, ipad, galaxy, pixel, windows, playstation, xbox, macbook, airpods
model = formula, interstate, route, highway, terminal, phase, stage, type, class, mark
model = series, generation, version, vol, volume, part, act, grade, tier, level
