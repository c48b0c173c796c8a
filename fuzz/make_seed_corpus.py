#!/usr/bin/env python3
"""Writes the hand-made seed inputs of fuzz/corpus/ (seed_*).

Input layout (see fuzz_story.c): byte 0 = option bits, byte 1 = parameter,
then chunks separated by 0x1E; with option 0x10 the first chunk is lexicon
text; a chunk starting with 0x1F carries a title up to the next 0x1F.
Crash regressions found by the fuzzer are added next to these as
crash_<name> files and are never regenerated.

Also the seeds of fuzz/corpus_jsonl/ (fuzz_jsonl.c: byte 0 picks JSON Lines
or a *.json file, then the file's bytes).

usage: python3 fuzz/make_seed_corpus.py [OUTDIR [JSONL_OUTDIR]]
"""
import json
import os
import sys

RS = b"\x1e"
TITLE = b"\x1f"
ID = b"\x1d"
REJECT = b"\x1c"

OPT_PUBLISHED, OPT_MIN_CONF, OPT_LEXICON = 0x04, 0x08, 0x10
OPT_DUP_IDS, OPT_FAIL_WRITE, OPT_FAIL_ALLOC = 0x20, 0x40, 0x80


def story(opts, param, *chunks):
    return bytes([opts, param]) + RS.join(chunks)


def t(s):
    return s.encode("utf-8")


QUAKE_A = t("""Coastal towns count the dead after strong quake

PORTO LINDO - Reuters - March 14, 2011
A 7.2-magnitude earthquake struck off the coast early on Monday, killing at least 38 people and leaving more than 1,200 homeless, officials said.
"We have never felt the ground shake like this," said Maria Ortiz, 54, a shopkeeper in the harbour district.
The quake hit 40 km west of the port at a depth of 10 km.
""")

QUAKE_B = t("""PORTO LINDO, March 15 (AP) - The death toll from Monday's magnitude 7.0 quake rose to 41 on Tuesday.
Interior Minister Paulo Reis told reporters: "Rescue teams are still digging through the rubble."
About 1,500 people spent the night in tents, the Red Cross said.
""")

CRIME = t("""Teenager charged over stabbing

A 17-year-old boy was charged on Sunday with the murder of a 24-year-old man outside a nightclub at about 2:30 a.m., police said.
Det. Insp. Claire Booth said: 'We are not looking for anyone else.'
The victim, named as Daniel Price, was 23 according to his family.
""")

BUSINESS = t("""Carmaker to cut 4,000 jobs

The company will invest $2.5 billion (€2.3 billion) in electric models over five years and close two plants, it said on Thursday.
Its shares fell 6.5% in Frankfurt.
"This is the hardest decision we have taken," chief executive Anna Lind told analysts. Revenue rose 12 percent to 48.1 billion euros in 2010.
""")

POLITICS = t("""Prime Minister Jonas Berg said on Wednesday that the coalition would survive the vote.
"We have the numbers, and we will win," Berg said.
His rival, opposition leader Ilse Maren, said that the government had "lost its majority in all but name".
The parliament has 349 seats; the coalition holds 175 of them since the 2006 election.
""")

QUOTES = t("""\u201cNo one will be left behind,\u201d the mayor said.
\u00ab Nous reconstruirons \u00bb, a d\u00e9clar\u00e9 le maire.
\u2018Scare quotes\u2019 and a \u201cYakhont\u201d missile are names, not speech.
"Nested 'inner' quote", she added. "Unclosed quote at the end
""")

UNICODE = t("""Z\u00fcrich \u2014 Die Polizei meldete 12 Verletzte. \u6771\u4eac\u3067\u5730\u9707\u3002 \u041c\u043e\u0441\u043a\u0432\u0430, 6 \u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f 2010.
Full-width digits \uff11\uff12 and one-half \u00bd, Arabic \u0661\u0662\u0663, NBSP\u00a0300\u00a0km.
""")

DATES = t("""Barrow - AFP - Septmerber 6, 2010
Officials met on Sept. 1, 2010, then again yesterday and on Monday.
The 1991 treaty, the 2008 war and the purchase in 2009 were discussed; the talks of August 2010 failed.
""")

BROKEN_UTF8 = b"The toll rose to 17 \xe2\x80 people.\nOverlong \xc0\xaf slash, surrogate \xed\xa0\x80, lone \x80 byte."

NUL_AND_EMPTY = b"Twelve ships sank.\x00 Hidden after NUL."

CRLF = b"\xef\xbb\xbfFloods in the valley\r\n\r\nWater rose 3.5 metres on Friday.\rA lone CR ended that line.\r\n\"We lost everything,\" said Tom Hale, 61.\r\n"

LEXICON = t("""# a newsroom's own words
[concept]
ferry = ferries, passenger boat
[action]
sink = sank, capsized
[speech_verb]
say = stated
""")

BAD_LEXICON = t("""[concept]
this line has no equals sign
[no_such_section]
x = y
""")

# Characters no human-readable report may show as they are: bidi
# overrides and isolates, C1 controls (CSI), DEL, ESC, noncharacters.
UNSAFE = t("Flood \u202edrawkcab\u202c title\n\nThe flood killed 12 people in \u2066Baytown\u2069 "
           "\u009b31m and \x7f \x1b[2J \ufffe \uffff \U0010ffff \ufdd0 villages, officials said.\n"
           "\"We will rebuild every \u202ehouse\u202c,\" Mayor Ines Palma said.\n")
UNSAFE_B = t("Flood\n\nThe flood killed 15 people in Baytown, officials said.\n"
             "\"We will rebuild every house,\" Mayor Ines Palma said.\n")


def long_sentence(base):
    """One sentence of many figures: evidence windows in every format."""
    nouns = ["boats", "houses", "bridges", "schools", "roads", "farms", "shops", "cars"]
    parts = ["the storm destroyed %d %s" % (base + i % 5, nouns[i % 8] + "x" * (i // 8))
             for i in range(70)]
    return t("Storm\n\nOfficials said that " + ", ".join(parts) + " in the town.\n")


# Word marks must not split "\u2013" or "\u00b7" (once they did).
DASH_A = t("\"We owe them x \u2013 a\u00b7b for everything they have done,\" Chief Ana Ruiz said.\n")
DASH_B = t("\"We owe them x \u2013 c\u00b7b for everything they have done,\" Chief Ana Ruiz said.\n")

BOM_LEXICON = b"\xef\xbb\xbf" + t("[concept]\nferry = ferries\n[number]\nseven = 7\n")


SEEDS = {
    "seed_quake_two_sources": story(OPT_PUBLISHED, 13,
                                    TITLE + t("Quake kills dozens") + TITLE + QUAKE_A, QUAKE_B),
    "seed_crime_ages": story(0x01, 0, CRIME, CRIME.replace(b"17-year-old", b"16-year-old")),
    "seed_business_money": story(0x02, 50, BUSINESS),
    "seed_politics_quotes": story(OPT_MIN_CONF, 60, POLITICS,
                                  POLITICS.replace(b"we will win", b"we shall win")),
    "seed_quote_marks": story(0, 0, QUOTES),
    "seed_unicode_scripts": story(OPT_PUBLISHED, 5, UNICODE),
    "seed_datelines": story(0, 0, DATES, DATES.replace(b"2008 war", b"2009 war")),
    "seed_broken_utf8": story(0, 0, BROKEN_UTF8, QUAKE_B),
    "seed_nul_empty_dup": story(OPT_DUP_IDS, 0, NUL_AND_EMPTY, b"", b"   \n\t ", CRIME, BUSINESS),
    "seed_crlf_bom": story(OPT_PUBLISHED, 30, CRLF),
    "seed_lexicon_ferry": story(OPT_LEXICON, 0, LEXICON,
                                t("Two ferries capsized and 14 passenger boats sank, the coastguard stated."),
                                t("Three ferries sank on Friday.")),
    "seed_bad_lexicon": story(OPT_LEXICON, 0, BAD_LEXICON, POLITICS),
    "seed_fail_write": story(OPT_FAIL_WRITE, 7, QUAKE_A, QUAKE_B),
    "seed_fail_alloc": story(OPT_FAIL_ALLOC, 200, CRIME, BUSINESS),
    "seed_fail_alloc_late": story(OPT_FAIL_ALLOC, 255, QUAKE_A),
    "seed_unsafe_chars": story(0x02, 0, UNSAFE, UNSAFE_B),
    "seed_unsafe_chars_color": story(0x01 | OPT_PUBLISHED, 1, UNSAFE_B, UNSAFE),
    "seed_long_sentence": story(0x02, 2, long_sentence(3), long_sentence(4)),
    "seed_variant_dash": story(0x02, 0, DASH_A, DASH_B),
    "seed_rejected_listed": story(0x01, 0, BROKEN_UTF8, UNSAFE_B, b"", UNSAFE_B),
    "seed_bom_lexicon_bad_number": story(OPT_LEXICON, 0, BOM_LEXICON, QUAKE_B),
    "seed_fail_alloc_check_8": story(OPT_FAIL_ALLOC, 8, QUAKE_A, QUAKE_B),
    "seed_fail_alloc_check_12": story(OPT_FAIL_ALLOC, 12, QUAKE_A, QUAKE_B),
    "seed_fail_alloc_check_15": story(OPT_FAIL_ALLOC, 15, QUAKE_A, QUAKE_B),
    "seed_hostile_ids": story(0x01, 200,
                              ID + t("wire \u202eevil\u202c \u0085#1 <x> & \"q\"") + ID + UNSAFE_B,
                              ID + b"bad \xff id" + ID + UNSAFE_B,
                              ID + t("wire \u202eevil\u202c \u0085#1 <x> & \"q\"") + ID + UNSAFE,
                              REJECT + t("feed\u2066.jsonl\x1b[31m") + REJECT
                              + t("bad JSON line 3: \u202e\x7f\ufffe]]> --> \\ #"),
                              REJECT + b"\xc0bad" + REJECT + b"not UTF-8"),
    "seed_numbers_edge": story(0, 0, t("Values: 0, 00012, 1,2,3, 1..2, 99999999999999999999999 drones, "
                                       "-5 degrees, 3.14159265358979 km, $-, 1e308, 12,000,000,000,000,000 dollars, "
                                       "twenty-five thousand six hundred soldiers, dozens of ferries, 40 % and 0.5%.")),
}


# fuzz_jsonl.c: byte 0 bit 0 picks the reader (0: JSON Lines, 1: a *.json
# file), then the bytes of the file.
JSONL, JSON_FILE = b"\x00", b"\x01"


def jl(*objs):
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs).encode() + b"\n"


FERRY = {"id": "wire", "title": "Ferry fire: 41 rescued off the cape",
         "published": "2023-05-02",
         "text": "Coast guard boats rescued 41 passengers on Monday, officials said.\n\n"
                 "\"Everyone got off in time,\" harbour master Lena Berg said."}
FERRY_B = {"id": "daily", "title": None,
           "text": "Ferry fire: 41 rescued off the cape\nThe crew of 12 were also safe."}

SEEDS_JSONL = {
    "seed_feed": JSONL + jl(FERRY, FERRY_B, {"id": 7, "text": "In 2019 the same ferry ran aground."}),
    "seed_title_repeated": JSONL + jl({"id": "r", "title": "Dam breach floods 300 homes",
                                      "text": "Dam breach floods 300 homes\n\nWater rose fast."}),
    "seed_bad_lines": JSONL + b"\xef\xbb\xbf" + jl(
        FERRY, "{not json", "[1, 2]", '{"id": "x"}', '{"id": "n\\u0000", "text": "Six boats."}',
        '{"id": "t", "title": "A\\u0000B", "text": "Six boats."}',
        '{"id": "p", "published": "2023-02-29", "text": "Nine boats sank."}',
        '{"id": "q", "published": 5, "text": "x"}', '{"id": {"a": 1}, "text": "x"}',
        FERRY, "   \t\r", '{"id": "e", "text": ""}', '{"id": "u", "text": "bad \\udc00 pair"}'),
    "seed_crlf": JSONL + jl(FERRY, FERRY_B).replace(b"\n", b"\r\n"),
    "seed_json_array": JSON_FILE + json.dumps([FERRY, FERRY_B, 3], indent=1).encode(),
    "seed_json_object": JSON_FILE + json.dumps(FERRY, indent=2).encode(),
    "seed_json_lines_in_json": JSON_FILE + jl(FERRY, FERRY_B),
    "seed_json_not": JSON_FILE + b"Ferry fire\nNot JSON at all.\n",
    # the flat reader's cases (cli_input.c): what it takes, and what it
    # leaves to yajl and jansson
    "seed_flat_reader": JSONL + jl(
        r'{"id": "f1", "text": "The mill hired 40 workers.\nIt opened in 1998, a year late."}',
        r'{"id":"f2","text":"A \"quoted\" word, a back\\slash, a\/slash, \b\f\r\t and more."}',
        r'{"id":"f3","text":"caf\u00e9 \u2014 \u201cyes\u201d \u0041\u00A9 at 7 p.m."}',
        r'{"id":"f4","text":"Caf\u00e9 owners said \u201cno\u201d to 3 plans."}',
        '{"id":"f4b","text":"Café owners said “no” to 3 plans."}',
        r'{"id":"f5","text":"first","text":"second, with a \n break","title":null,"title":"T"}',
        r'{"id":"f6","title":null,"published":null,"extra":true,"flag":false,"text":"Ten trucks."}',
        r'{"note":"a \"b\" \u00e9","id":"f7","text":"Two trains collided."}',
        r'{"id":"f8","t\u0065xt":"Keyed by an escape."}',
        r'{"id":"f9","meta":{"a":[1,2]},"text":"Nested numbers."}',
        r'{"id":"f10","meta":{"a":["x",null]},"text":"Nested strings."}',
        r'{"id":"f11","text":"x"} y',
        r'{"id":"f12","text":"bad \q escape"}',
        r'{"id":"f13","text":"no end}',
        r'{}', r'{ }',
        r'{"id":"f\u00e915","text":"An id with an escape."}',
        r'{ "id" : "f16" , "text" : "Spaced out, 16 bytes and more." }',
        r'{"id" "f17"}', r'{"id":"f18",}', r'{"id":"f19","title":nul}',
        r'{"id":"f20","text":"a \\u0041 literal"}',
        r'{"id":"","text":""}', r'{"id":"f22","text":"tail \u12"}',
        r'{"id":"f23","text":"\ud83d\ude00 a pair"}', r'{"id":"f24","text":"\u0000"}',
        r'{"id":"f25","text":"x",}', r'{"id":"f26","text":"x"}}', r'{"id":"f27","text":true}'),
}


def write(out, seeds):
    os.makedirs(out, exist_ok=True)
    for name, data in sorted(seeds.items()):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(seeds)} seeds to {out}")


def main():
    here = os.path.dirname(__file__)
    write(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus"), SEEDS)
    write(sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "corpus_jsonl"), SEEDS_JSONL)


if __name__ == "__main__":
    main()
