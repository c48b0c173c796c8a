# Time lexicon: month and weekday names, relative days, and the little
# words around them that dates.c reads (see the markers at the end).

[month]
1 = january, jan
2 = february, feb
3 = march, mar
4 = april, apr
5 = may
6 = june, jun
7 = july, jul
8 = august, aug
9 = september, sept, sep
10 = october, oct
11 = november, nov
12 = december, dec

# The full name of each month, looked up by dates.c as "name of month N"
# to forgive misspellings next to a day or a year ("Septmerber 6, 2010",
# "Octobr 3"). Their value is a word, not a number, so these phrases never
# date anything themselves.
january = name of month 1
february = name of month 2
march = name of month 3
april = name of month 4
may = name of month 5
june = name of month 6
july = name of month 7
august = name of month 8
september = name of month 9
october = name of month 10
november = name of month 11
december = name of month 12

[weekday]
1 = monday
2 = tuesday
3 = wednesday
4 = thursday
5 = friday
6 = saturday
7 = sunday

[relative_day]
# A number is days from the article's date (day precision). "week:N",
# "month:N" and "year:N" name the week, month or year N away from the
# article's (the claim gets the precision that week, month or year allows).
0 = today, tonight, this morning, this afternoon, this evening, earlier today, later today
-1 = yesterday, last night, yesterday morning, yesterday afternoon, yesterday evening
-2 = the day before yesterday
1 = tomorrow, tomorrow morning
2 = the day after tomorrow
week:0 = this week, earlier this week, later this week
week:-1 = last week, a week ago
week:1 = next week
month:0 = this month, earlier this month, later this month
month:-1 = last month, a month ago
month:1 = next month
year:0 = this year, earlier this year, later this year
year:-1 = last year, a year ago
year:1 = next year
# "then_day:N" and "then_year:N" count from the date in force (the last
# date the text gave), not the article's: "the following day" after "on
# June 9, 2011" is 2011-06-10. With no date given yet they stay unresolved.
then_day:0 = that same day, that day, the same day
then_day:1 = the following day, the next day, a day later
then_day:-1 = the day before, the previous day, the preceding day
then_year:0 = that same year, that year, the same year, later that year, later that same year
then_year:1 = the following year, a year later
then_year:-1 = the year before, the previous year, the preceding year

# Markers: words dates.c reads around dates. Their values are not numbers,
# so they are never dates themselves. A value may hold several markers
# separated by spaces ("link attach"): the lexicon gives a phrase one value
# per section, so a word with two roles lists both.
# prep: words that make a following four-digit number a year ("in 2009",
#   "since 1991", "fiscal 2010") and a date adverbial ("on Monday").
# link: like prep, but a count reads as well after these ("of 2000 people",
#   "around 2000 protesters"), so the number is a year only when no plain
#   word follows it ("the class of 2009", "from 1991 to 2008").
# attach: prepositions that hang an event noun on another one ("the death
#   toll from Monday's quake", "the trial over the robbery"): a date later
#   in the clause dates the first noun, the head of the phrase.
# det: words that never start an event's name ("the Cold War").
# (prep words never start one either.)
# poss: the determiners that say whose (after them, or after "the mayor's",
#   "first" is a rank of the event the story is about, not another one).
# last / next: a weekday strictly before or after the article's date
# ("last Monday", "next Friday", "this coming Sunday"). Before an event
# noun they make it another event of the same kind, as the qualifiers
# below do ("the last election" is keyed election:previous).
# ("the coming election" is most often the one the story is about: no
# qualifier.)
# qual:NAME: before an event noun, with at most a few adjectives between
#   ("the previous major earthquake", "the first deadly blast"), these name
#   another event of the same kind, keyed <event>:NAME ("quake:previous"),
#   so its dates never meet those of the event the story is about.
#   qual:none undoes a qualifier inside a longer phrase ("its first-ever
#   purchase" is the purchase the story is about). A "ranked" qualifier
#   is a rank of the story's own event after a possessive ("the mayor's
#   first visit", "its first sale") or before a scope word (below): "the
#   first sale of the jets to a neighbour", "the first election since
#   1990". Only "the first quake ... the second" remains.
# scope: words after an event noun that scope a rank ("of", "since").
# stamp: words that label a date in a page's opening lines ("Published
#   2021-05-24T14:03:00Z", "Updated: 24/05/2021 14:03"): a dateline.
# zone: what stands beside a clock time in a page's stamp line; a zone that
# says which way round a numeric date is written adds month_first (the US)
# or day_first.
# short weekday names (zone weekday:N, N the ISO day), read only in a stamp
# line ("Sun Sep 15 2013", where the day also settles "4/9/2007"): in
# text "sun" and "sat" are words
# future: a weekday after one of these in its clause lies ahead ("will
# meet Wednesday").

# The little words around dates that dates.c reads (see the markers above):
# prep, link, attach, scope, det, poss, last, next, future, the event
# qualifiers (qual:...), stamp and zone words of a page's stamp line.
[time_word]
prep = on, until, till, during, before, after, through, circa
prep scope = since, by
prep = year, fiscal, early, late, mid, spring, summer, autumn, fall, winter
link = to, and, or, around
link scope = between
prep attach = in
link attach scope = of
link attach = from
attach = over, into, for
scope = with
det = the, a, an, this, that, these, those
det poss = its, their, his, her, our, my, your
last qual:previous = last, past
next qual:next = next
next = coming, upcoming
qual:previous = previous, earlier, former, prior, preceding
qual:first ranked = first
qual:second ranked = second
qual:none = first ever, first-ever, second ever
stamp = published, updated, posted, last updated, first published, last modified, date, release, released
zone = a.m, p.m, am, pm, gmt, utc, hrs, hrs gmt, local time
zone month_first = et, est, edt, ct, cst, cdt, mt, mst, mdt, pt, pst, pdt
zone day_first = bst, cet, cest, ist, aest, aedt, nzst, nzdt, wat, eat, sast
zone weekday:1 = mon
zone weekday:2 = tue, tues
zone weekday:3 = wed
zone weekday:4 = thu, thur, thurs
zone weekday:5 = fri
zone weekday:6 = sat
zone weekday:7 = sun
zone = p
future = will, shall, to be held, is due, are due, scheduled, set to, expected, planned
future = is to, are to, is to be, are to be, due to be, going to, plans to, plan to, intends to
