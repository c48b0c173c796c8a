#!/usr/bin/env python3
"""Generates synthetic news stories with known facts, for benchmarks and
for measuring the precision and recall of contradiction findings.

A story is one event (a quake, a crime, a takeover, an election, or a
"mixed" event that touches every beat) told by N articles. The event has a
fixed set of facts (a death toll, a magnitude, an age, an amount of money,
a quote...). Each article reports a random subset of them, each in one of
several wordings, between filler sentences. Some facts are contested: a
share of the articles report a different, wrong value. The ground truth
file says, per fact, its true and wrong value and which article says which,
with the byte span of the value in each article's text.

Everything here is synthetic and deterministic for a given --seed.

usage:
  gen_story.py --articles N [--beat B] [--seed S] [--contest P]
               [--format jsonl|plain] [--out FILE] [--truth FILE]
  gen_story.py --stories K --articles N --outdir DIR   (K stories, one
               story_KKK.jsonl + story_KKK.truth.json each)

--format plain writes the articles' texts separated by a line holding only
the byte 0x1E (for bench/bench.c, which has no JSON parser).
"""
import argparse
import datetime
import json
import os
import random
import sys

PLACES = ["Valmora", "Port Essen", "Karavik", "San Teodoro", "Lindqvist Bay", "Oran Hills",
          "Mirefield", "Tesh", "Bellcastle", "Qadim", "Nordhavn", "Alto Verde"]
FIRST = ["Anna", "Pavel", "Marta", "Jonas", "Leila", "Tomas", "Ines", "Omar", "Sofia",
         "Henrik", "Amara", "Diego", "Yuki", "Farid", "Clara", "Viktor"]
LAST = ["Lind", "Okafor", "Reyes", "Brandt", "Haddad", "Novak", "Ferreira", "Kowalski",
        "Adeyemi", "Sato", "Moreau", "Petrov", "Castell", "Rahman", "Quist", "Varga"]
OUTLETS = ["Reuters", "AP", "AFP", "Local Wire", "Harbour Times", "Evening Post"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def money_text(rng, usd):
    """$1.2 billion / 1.2 billion dollars / $850 million / US$40,000."""
    if usd >= 1e9:
        v = f"{usd / 1e9:g}"
        return rng.choice([f"${v} billion", f"{v} billion dollars", f"US${v} billion"])
    if usd >= 1e6:
        v = f"{usd / 1e6:g}"
        return rng.choice([f"${v} million", f"{v} million dollars"])
    return rng.choice([f"${int(usd):,}", f"{int(usd):,} dollars"])


def count_text(rng, n):
    if n <= 12 and rng.random() < 0.5:
        return SMALL[n]
    return f"{n:,}"


# A fact: key (a stable id), kind, how to draw a true value, how to draw a
# wrong one, and templates. In a template {V} is the value as written; the
# generator records the byte span of {V}. Other fields: {place}, {who},
# {day}, {outlet}, {year}.
def _near(v, rng, lo=0.1, hi=0.4):
    d = max(1, int(round(v * rng.uniform(lo, hi))))
    return v + d if rng.random() < 0.5 or v - d <= 0 else v - d


FACTS = {
    "disaster": [
        dict(key="quake_dead", kind="count",
             true=lambda r: r.randint(9, 400), wrong=_near,
             show=count_text,
             t=["The quake killed {V} people in {place} on {day}, officials said.",
                "{V} people were killed when the earthquake struck {place}.",
                "Rescuers said the quake had killed {V} people by {day} evening.",
                "The earthquake in {place} killed {V} people, {outlet} reported."]),
        dict(key="quake_magnitude", kind="measure",
             true=lambda r: round(r.uniform(5.2, 8.4), 1),
             wrong=lambda v, r: round(v + r.choice([-0.4, -0.3, 0.2, 0.3]), 1),
             show=lambda r, v: f"{v:.1f}",
             t=["The {V}-magnitude quake hit {place} shortly after dawn.",
                "A {V}-magnitude earthquake shook {place} on {day}.",
                "Seismologists measured the quake at magnitude {V}."]),
        dict(key="quake_injured", kind="count",
             true=lambda r: r.randint(50, 3000), wrong=_near, show=count_text,
             t=["At the hospital, doctors treated {V} injured people.",
                "The quake injured {V} people, the health ministry said.",
                "{V} people were injured across the region."]),
        dict(key="quake_aid", kind="money",
             true=lambda r: r.choice([5, 10, 20, 35, 50, 120]) * 1e6,
             wrong=lambda v, r: v * r.choice([2, 0.5, 3]), show=money_text,
             t=["The government pledged {V} in emergency aid.",
                "International donors promised {V} for reconstruction in {place}.",
                "The World Bank released {V} to rebuild {place}."]),
    ],
    "crime": [
        dict(key="suspect_age", kind="measure",
             true=lambda r: r.randint(16, 64),
             wrong=lambda v, r: v + r.choice([-2, -1, 1, 2]),
             show=lambda r, v: str(v),
             t=["Police arrested a {V}-year-old man near the station on {day}.",
                "The suspect, a {V}-year-old man from {place}, was charged with murder.",
                "A {V}-year-old man was charged on {day}, police said."]),
        dict(key="arrested", kind="count",
             true=lambda r: r.randint(2, 12), wrong=lambda v, r: v + r.choice([1, 2, 3]),
             show=count_text,
             t=["Officers arrested {V} people in dawn raids on {day}.",
                "Police said {V} people were arrested in {place}.",
                "In all, {V} suspects were detained, {outlet} reported."]),
        dict(key="stolen", kind="money",
             true=lambda r: r.choice([40000, 120000, 2.5e6, 8e6]),
             wrong=lambda v, r: v * r.choice([2, 0.5, 1.5]), show=money_text,
             t=["The gang stole {V} from the bank's vault.",
                "Thieves escaped with {V} in cash and jewellery.",
                "Prosecutors say {V} was stolen over two years."]),
    ],
    "business": [
        dict(key="deal_value", kind="money",
             true=lambda r: r.choice([1.2, 2.5, 4.8, 7, 12.5]) * 1e9,
             wrong=lambda v, r: v * r.choice([1.5, 0.8, 2]), show=money_text,
             t=["The company agreed to buy its rival for {V}.",
                "The takeover values the firm at {V}, people familiar with the deal said.",
                "Shareholders approved the {V} takeover on {day}."]),
        dict(key="jobs_cut", kind="count",
             true=lambda r: r.choice([300, 1200, 4000, 9500]), wrong=_near,
             show=count_text,
             t=["The merged group will cut {V} jobs by the end of next year.",
                "Unions said {V} jobs would be lost in {place}.",
                "The plan eliminates {V} jobs, the chief executive told analysts."]),
        dict(key="share_drop", kind="percent",
             true=lambda r: r.randint(3, 19), wrong=lambda v, r: v + r.choice([-2, 2, 4]),
             show=lambda r, v: rng_choice_pct(r, v),
             t=["Its shares fell {V} in early trading.",
                "The stock dropped {V} after the announcement.",
                "Shares closed down {V} on {day}."]),
    ],
    "politics": [
        dict(key="seats", kind="count",
             true=lambda r: r.randint(60, 210), wrong=lambda v, r: v + r.choice([-6, -3, 3, 5]),
             show=lambda r, v: str(v),
             t=["The ruling party won {V} seats in the election.",
                "Final results gave the ruling party {V} seats in parliament.",
                "With {V} seats, the party lost its outright majority."]),
        dict(key="turnout", kind="percent",
             true=lambda r: r.randint(41, 79), wrong=lambda v, r: v + r.choice([-5, -3, 3, 6]),
             show=lambda r, v: rng_choice_pct(r, v),
             t=["Turnout was {V}, the election commission said.",
                "Officials put turnout at {V}.",
                "The commission said {V} of voters cast a ballot."]),
        dict(key="leader_quote", kind="quote",
             true=lambda r: r.randrange(len(QUOTES)),
             wrong=lambda v, r: v,  # quotes are never contested (variants only)
             show=lambda r, v: QUOTES[v],
             t=["\"{V},\" said Prime Minister {leader}.",
                "Prime Minister {leader} told supporters: \"{V}.\"",
                "\"{V},\" {leader} said on {day}."]),
    ],
}

QUOTES = [
    "We have listened to every voter and we will govern for all of them",
    "This result belongs to the people who queued in the rain",
    "The country asked for change and change is what it will get",
    "Nobody should mistake our patience for weakness",
]

FILLER = [
    "The region has been rebuilding its roads since the floods.",
    "Local radio stations switched to rolling news coverage.",
    "Officials asked residents to avoid the city centre.",
    "The F-16 squadron based nearby was not involved.",
    "Security remains the No. 1 priority, the spokesman said.",
    "It was the first time such measures had been used in {place}.",
    "Schools in {place} will reopen next week.",
    "Photos from the scene showed long queues outside shops.",
    "(photo credit: {outlet})",
    "Traffic on the coastal highway was diverted for several hours.",
    "Analysts said the decision had been expected for months.",
    "The mayor of {place} called for calm.",
]


def rng_choice_pct(r, v):
    return r.choice([f"{v}%", f"{v} percent", f"{v} per cent"])


def fact_list(beat):
    if beat == "mixed":
        out = []
        for b in ("disaster", "crime", "business", "politics"):
            out.extend(FACTS[b])
        return out
    return FACTS[beat]


def make_story(rng, n_articles, beat, contest, story_id="s"):
    place = rng.choice(PLACES)
    leader = person(rng)
    year = rng.randint(2005, 2023)
    month = rng.randint(1, 12)
    day0 = rng.randint(1, 20)
    facts = []
    for f in fact_list(beat):
        v = f["true"](rng)
        contested = f["kind"] != "quote" and rng.random() < contest
        w = f["wrong"](v, rng) if contested else None
        if w == v:
            contested, w = False, None
        facts.append(dict(spec=f, key=f["key"], kind=f["kind"], value=v, wrong=w,
                          contested=contested, true_articles=[], wrong_articles=[],
                          spans={}))
    articles = []
    for i in range(n_articles):
        aid = f"{story_id}-{i:06d}"
        outlet = rng.choice(OUTLETS)
        day = rng.randint(day0, day0 + 2)
        date = f"{year}-{month:02d}-{day:02d}"
        # The event happened on day0; "on Monday" names that day, and every
        # article is published within two days of it.
        weekday = WEEKDAYS[datetime.date(year, month, day0).weekday()]
        ctx = dict(place=place, leader=leader, day=weekday, outlet=outlet, year=year)
        k = rng.randint(2, min(5, len(facts)))
        chosen = rng.sample(facts, k)
        parts = [f"{place.upper()} - {outlet} - {MONTHS[month - 1]} {day}, {year}\n"]
        text = parts[0]
        for fact in chosen:
            if rng.random() < 0.6:
                text += rng.choice(FILLER).format(**ctx) + " "
            wrong = fact["contested"] and rng.random() < 0.25
            v = fact["wrong"] if wrong else fact["value"]
            shown = fact["spec"]["show"](rng, v)
            tpl = rng.choice(fact["spec"]["t"])
            before, after = tpl.split("{V}", 1)
            before = before.format(**ctx)
            after = after.format(**ctx)
            if before == "" or before.endswith("\""):
                shown_cap = shown[:1].upper() + shown[1:]
            else:
                shown_cap = shown
            start = len((text + before).encode("utf-8"))
            text += before + shown_cap
            end = len(text.encode("utf-8"))
            text += after + ("\n\n" if rng.random() < 0.3 else " ")
            (fact["wrong_articles"] if wrong else fact["true_articles"]).append(aid)
            fact["spans"][aid] = [start, end]
        text = text.rstrip() + "\n"
        articles.append(dict(id=aid, title=f"{place}: report {i + 1}", published=date,
                             text=text))
    truth = dict(beat=beat, place=place, facts=[
        dict(key=f["key"], kind=f["kind"],
             value=f["spec"]["show"](random.Random(0), f["value"]) if f["kind"] == "quote"
             else f["value"],
             wrong=f["wrong"], contested=f["contested"] and bool(f["wrong_articles"])
             and bool(f["true_articles"]),
             true_articles=f["true_articles"], wrong_articles=f["wrong_articles"],
             spans=f["spans"]) for f in facts])
    return articles, truth


def write_articles(articles, path, fmt):
    out = sys.stdout if path in (None, "-") else open(path, "w", encoding="utf-8")
    try:
        for a in articles:
            if fmt == "plain":
                out.write(a["text"])
                out.write("\x1e\n")
            else:
                out.write(json.dumps(a, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--stories", type=int, default=0)
    ap.add_argument("--beat", default="mixed",
                    choices=["mixed", "disaster", "crime", "business", "politics", "rotate"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--contest", type=float, default=0.4,
                    help="probability that a fact is contested (default 0.4)")
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "plain"])
    ap.add_argument("--out", default="-")
    ap.add_argument("--truth")
    ap.add_argument("--outdir")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    beats = ["disaster", "crime", "business", "politics"]
    if args.stories:
        if not args.outdir:
            ap.error("--stories needs --outdir")
        os.makedirs(args.outdir, exist_ok=True)
        for k in range(args.stories):
            beat = beats[k % 4] if args.beat == "rotate" else args.beat
            arts, truth = make_story(rng, args.articles, beat, args.contest, f"s{k:03d}")
            base = os.path.join(args.outdir, f"story_{k:03d}")
            write_articles(arts, base + ".jsonl", "jsonl")
            with open(base + ".truth.json", "w", encoding="utf-8") as f:
                json.dump(truth, f, indent=1)
        return
    beat = "mixed" if args.beat == "rotate" else args.beat
    arts, truth = make_story(rng, args.articles, beat, args.contest)
    write_articles(arts, args.out, args.format)
    if args.truth:
        with open(args.truth, "w", encoding="utf-8") as f:
            json.dump(truth, f, indent=1)


if __name__ == "__main__":
    main()
