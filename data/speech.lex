# Speech lexicon: who said what (used by libclaims/quotes.c).

# Speech verbs. The value is the verb's class:
#   say        the subject speaks: "X said", "said X" (inversion allowed)
#   tell       the subject speaks, the object listens: "X told Y"
#   describe   the subject speaks about something: "X called it ..."
#   saying     a participle: its subject is the clause's speaker
#              ("the ministry issued a statement saying ...")
#   quote      "it quoted X as saying", "X was quoted as saying"
#   according  "according to X"
[speech_verb]
say = said, says, say, added, adds, stated, states, declared, declares, announced, announces
say = insisted, insists, stressed, stresses, noted, notes, explained, explains, warned, warns
say = claimed, claims, asserted, asserts, acknowledged, acknowledges, admitted, admits
say = confirmed, confirms, denied, denies, emphasized, emphasised, emphasizes, emphasises
say = continued, continues, remarked, remarks, replied, replies, responded, responds
say = wrote, writes, argued, argues, conceded, concedes, recalled, recalls, predicted
say = observed, commented, comments, cautioned, cautions, vowed, vows, promised, promises
say = estimated, estimates, reported, reports, maintained, maintains, suggested, suggests
tell = told, tells
describe = characterized, characterised, characterizes, characterises, described, describes
describe = called, calls, termed, terms, dubbed
saying = saying, adding, stating, declaring, announcing, insisting, stressing, noting
saying = explaining, warning, claiming, telling, confirming, denying, arguing, emphasizing
quote = quoted
according = according to

# Titles and roles stripped from the front of names ("Trade Minister
# Anne Roux" -> "Anne Roux", "Det Insp Sarah Hale" -> "Sarah Hale"). Any
# run of these words (with or without a dot: "Det. Insp.") before a name
# is stripped; a title word that ends the name ("John Major") is kept.
# Words before the last title ("Home Secretary") need not be listed.
# The value is the role.
[title]
minister = minister, defense minister, defence minister, prime minister, foreign minister
minister = finance minister, interior minister, deputy minister, deputy prime minister
minister = vice premier, premier, pm
president = president, vice president, vice-president, pres
executive = chairman, chairwoman, chairperson, chair, chief executive, chief executive officer
executive = executive, ceo, cfo, coo, cto, founder, co-founder, cofounder, managing director
executive = director, treasurer
general = gen, general, lt, lieutenant, col, colonel, maj, major, capt, captain, adm, admiral
general = sgt, sergeant, cpl, corporal, brig, brigadier, marshal, commander, cmdr, cdr, chief
general = pte, pvt, private first class, lance corporal, commodore, rear admiral, vice admiral
general = field marshal, air marshal, wing commander, squadron leader, warrant officer
police = det, detective, insp, inspector, supt, superintendent, ch supt, chief inspector
police = con, constable, pc, dci, dsi, chief constable, commissioner, deputy commissioner
police = sheriff, deputy sheriff, trooper, patrolman, agent, special agent, marshal
# a class named after a word is that word's synonyms: "the doctor" is
# "Dr. Helen Park" said before (quotes.c)
doctor = dr, doctor
honorific = mr, mrs, ms, mx, miss, prof, professor, sir, dame, lord, lady, rev, reverend
honorific = hon, sheikh, rabbi, imam, father, sister, bishop, archbishop, cardinal
honorific = judge, justice
office = sen, senator, rep, representative, congressman, congresswoman, gov, governor, mayor
office = mp, mep, msp, councillor, cllr, councilman, councilwoman, alderman, speaker
office = ambassador, envoy, secretary, secretary of state, secretary-general, chancellor
office = king, queen, prince, princess, pope, spokesman, spokeswoman, spokesperson
office = officer, attorney general, prosecutor, deputy, acting, interim
office = majority leader, minority leader, senate majority leader, senate minority leader
office = house majority leader, house minority leader, speaker of the house, house speaker
office = whip, chief whip, majority whip, minority whip, first minister, party leader
office = opposition leader, leader of the opposition, state secretary
role = coach, head coach, manager, owner, lawyer, attorney, nurse, teacher
role = guard, neighbour, neighbor, economist, researcher, scientist, pilot, driver, farmer
role = seismologist, geologist, volcanologist, meteorologist, forecaster, engineer, surgeon
role = paramedic, firefighter, coroner, pathologist, historian, strategist, activist

# Title abbreviations whose dot does not end a sentence ("Det. Insp.
# Sarah Hale"); the rest are in text.lex.
[abbreviation]
abbr = det, insp, supt, brig, pte, pvt, cdr, cllr, lieut

# Nominal speakers and the small words around them. The value is the
# head's class, or one of these word classes:
#   det          starts a noun phrase ("the", "his", "one")
#   prep         joins a complement to a nominal ("a source in the office")
#   he, it, they pronouns standing for the last fitting speaker
#   adverb       skipped between a subject and its verb ("X also said")
#   aux          "was" in "X was quoted as saying"
#   func         never part of a name, even capitalized ("Following X")
#   aprep        opens an adjunct after a speech verb ("said on Monday",
#                "told reporters after the meeting"); never part of a name
#   when         a word of a time adjunct ("said late last week")
#   subj         a pronoun that may open reported content ("said we ...")
#   obj          an object pronoun: the listener of "told" ("told them")
#   object       what is said rather than a report: "said nothing", "said
#                goodbye" (reported only before a verb: "said nothing had
#                changed")
#   statement    a statement, not a speaker: its issuer is the speaker
[nominal]
source = source, sources, official, officials, aide, aides, adviser, advisers, advisor
source = diplomat, diplomats, insider, insiders, analyst, analysts, expert, experts
source = witness, witnesses, resident, residents, survivor, survivors, investigator
source = investigators, spokesman, spokeswoman, spokesperson, spokespeople, representative
source = prosecutors, detectives, rescuers, paramedics, firefighters, lawmakers, executives
source = friend, friends, neighbour, neighbours, neighbor, neighbors, relative, relatives
source = classmate, classmates, teammate, teammates, eyewitness, eyewitnesses, lawyer
source = lawyers, attorney, attorneys, doctor, doctors, teacher, teachers, acquaintance
counterpart = counterpart, counterparts, colleague, host, hosts, partner
# Organisations speak for themselves: kept as descriptions, never split
# into first and last names nor merged with persons.
organization = kremlin, ministry, office, government, cabinet, administration, agency
organization = service, department, embassy, army, military, police, command, headquarters
organization = company, firm, group, council, committee, commission, court, union, party
organization = white house, pentagon, downing street, elysee, foreign ministry
organization = news agency, authorities, authority, institute, bureau, directorate
organization = regulator, watchdog, utility, drugmaker, automaker, carmaker, airline
organization = carrier, bank, lender, insurer, retailer, manufacturer, operator, broadcaster
organization = newspaper, association, federation, alliance, coalition, prosecutor's office
organization = inc, corp, ltd, plc, llc
# News agencies and broadcasters that report under their own name.
organization = reuters, interfax, tass, novosti, xinhua, afp, ap, bloomberg
organization = kyodo, yonhap, dpa, efe, ansa, anadolu, bernama, antara
organization = bbc, cnn, nhk, ukrinform, pti, irna
# The last word of an organisation's name, when capitalized after another
# capitalized word or "The" ("Sky News", "The Times", "Washington Post").
orgtail = news, times, post, press, journal, herald, telegraph, tribune, gazette, daily
orgtail = television, tv, radio, presse, jazeera
statement = statement, communique, announcement, release, press release, report, letter
det = the, a, an, his, her, its, their, our, one, this, these, those, several, some, two
prep = in, of, from, at, for, with, close to, familiar with
he = he, she
it = it
they = they
adverb = also, later, then, again, reportedly, earlier, previously, recently, further
adverb = once, repeatedly, separately, publicly, privately, simply, only, had, has, have
adverb = would, will, has also, had also, would later, not, did not, quickly, could
adverb = might, should, must, shall, does, did
aux = was, were, is, are, been, being
func = among, according, as, without, and, what, who, where, why, how
func = but, or, if, when, while, since, because, although, though, however, meanwhile
func = perhaps, yet, thus, still, instead, despite, that, those, into, across
func = stopping, asked, new
aprep = on, after, before, during, to, by, via, through, over, under, amid, following
when = today, tonight, yesterday, tomorrow, last, next, late, early, overnight, earlier
when = week, weekend, month, year, morning, afternoon, evening, night
subj = we, i, you, there
obj = me, us, him, them
object = nothing, something, anything, everything, goodbye, hello, yes, so, sorry
object = otherwise, thanks, grace, prayer
