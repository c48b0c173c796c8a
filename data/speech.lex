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
# Anne Roux" -> "Anne Roux"). The value is the role.
[title]
minister = minister, defense minister, defence minister, prime minister, foreign minister
minister = finance minister, interior minister, deputy minister, deputy prime minister
minister = vice premier, premier
president = president, vice president, vice-president, chairman, chairwoman, chair
general = gen, general, lt, lieutenant, col, colonel, maj, major, capt, captain, adm, admiral
general = sgt, sergeant, cpl, corporal, brig, brigadier, marshal, commander, cmdr, chief
honorific = mr, mrs, ms, miss, dr, prof, professor, sir, dame, lord, lady, rev, reverend
honorific = hon, sheikh, rabbi, father, sister, judge, justice
office = sen, senator, rep, representative, gov, governor, mayor, ambassador, envoy
office = secretary, secretary of state, secretary-general, chancellor, king, queen, prince
office = princess, pope, ceo, cfo, spokesman, spokeswoman, spokesperson, director, inspector
office = superintendent, sheriff, detective, constable, officer, attorney general, prosecutor
role = coach, head coach, manager, owner, founder, lawyer, attorney, doctor, nurse, teacher
role = guard, neighbour, neighbor, economist, researcher, scientist, pilot, driver, farmer

# Nominal speakers and the small words around them. The value is the
# head's class, or one of these word classes:
#   det          starts a noun phrase ("the", "his", "one")
#   prep         joins a complement to a nominal ("a source in the office")
#   he, it, they pronouns standing for the last fitting speaker
#   adverb       skipped between a subject and its verb ("X also said")
#   aux          "was" in "X was quoted as saying"
#   func         never part of a name, even capitalized ("Following X")
#   statement    a statement, not a speaker: its issuer is the speaker
[nominal]
source = source, sources, official, officials, aide, aides, adviser, advisers, advisor
source = diplomat, diplomats, insider, insiders, analyst, analysts, expert, experts
source = witness, witnesses, resident, residents, survivor, survivors, investigator
source = investigators, spokesman, spokeswoman, spokesperson, spokespeople, representative
counterpart = counterpart, counterparts, colleague, host, hosts, partner
organization = kremlin, ministry, office, government, cabinet, administration, agency
organization = service, department, embassy, army, military, police, command, headquarters
organization = company, firm, group, council, committee, commission, court, union, party
organization = white house, pentagon, downing street, elysee, foreign ministry
statement = statement, communique, announcement, release, press release, report, letter
det = the, a, an, his, her, its, their, our, one, this, these, those, several, some, two
prep = in, of, from, at, for, with, close to, familiar with
he = he, she
it = it
they = they
adverb = also, later, then, again, reportedly, earlier, previously, recently, further
adverb = once, repeatedly, separately, publicly, privately, simply, only, had, has, have
adverb = would, will, has also, had also, would later, not, did not, quickly
aux = was, were, is, are, been, being
func = following, after, before, during, among, according, as, without, by, to, on, and
func = but, or, if, when, while, since, because, although, though, however, meanwhile
func = perhaps, there, what, who, where, why, how, yet, so, thus, still, instead, despite
func = we, i, you, me, us, him, them, that, those, thanks, under, over, into, across
func = stopping, asked, earlier, today, tonight, yesterday, tomorrow, last, next, new
