/* Tests of compare.c: the comparison rules on claims built directly (so
 * that each rule is tested apart from the extractors). Findings on stories
 * read from text are tested as data in tests/cases/compare/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "compare/compare.h"
#include "extract/extract.h"
#include "testutil.h"

static const char filler[] = "Words that the claims of these tests point into, nothing more.";

/* A story of n articles ("a0".."a<n-1>") that is never checked: claims
 * are added by hand, then run() compares them. */
static claims_story *mk(size_t n, const char *const *dates)
{
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a%zu", i);
        assert_int_equal(claims_story_add_article(s, id, NULL, dates ? dates[i] : NULL, filler,
                                                  strlen(filler), NULL),
                         CLAIMS_OK);
    }
    return s;
}

/* The id of string p in the story's string table (claims__intern). */
static claims__sid S(claims_story *s, const char *p)
{
    claims__sid id = claims__intern(s, p, strlen(p));
    assert_true(id != 0);
    return id;
}

/* Sets claim c's key, written like the report prints it
 * ("count/drone/buy"); its parts become the frame's named fields. */
static void set_key(claims_story *s, claims_claim *c, const char *key)
{
    char buf[128];
    char *parts[4] = {NULL, NULL, NULL, NULL};
    snprintf(buf, sizeof buf, "%s", key);
    char *p = buf;
    for (int i = 0; i < 4 && p; i++) {
        parts[i] = p;
        p = strchr(p, '/');
        if (p)
            *p++ = '\0';
    }
    /* a key's first part is its claim's kind's name (claims__claim_key) */
    assert_string_equal(parts[0], claims_kind_name(c->kind));
    assert_non_null(claims__claim_key(s, c, parts[1], parts[2], parts[3]));
}

/* A claim of `kind` with the key `key` (see set_key). */
static claims_claim *add(claims_story *s, size_t ai, claims_kind kind, const char *key)
{
    claims_claim *c = claims__claim_add(s, ai, kind, 0, 5);
    assert_non_null(c);
    set_key(s, c, key);
    return c;
}

static claims_claim *num(claims_story *s, size_t ai, claims_kind kind, const char *key,
                         double v)
{
    claims_claim *c = add(s, ai, kind, key);
    c->value = v;
    c->has_value = true;
    return c;
}

static claims_claim *date(claims_story *s, size_t ai, const char *key, const char *iso)
{
    claims_claim *c = add(s, ai, CLAIMS_KIND_DATE, key);
    c->str_value = iso;
    return c;
}

static claims_claim *quote(claims_story *s, size_t ai, const char *speaker, const char *words)
{
    char key[128];
    snprintf(key, sizeof key, "quote/%s", speaker ? speaker : "?");
    claims_claim *c = add(s, ai, CLAIMS_KIND_QUOTE, claims__story_strndup(s, key, strlen(key)));
    c->speaker = speaker ? S(s, speaker) : 0;
    c->str_value = words;
    if (speaker)
        c->flags |= CLAIMS__CF_SPK_PERSON;
    return c;
}

/* A story of n articles with the given texts (and dates, may be NULL),
 * never checked; claims point into the texts with at(). */
static claims_story *mkt(size_t n, const char *const *texts, const char *const *dates)
{
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a%zu", i);
        assert_int_equal(claims_story_add_article(s, id, NULL, dates ? dates[i] : NULL,
                                                  texts[i], strlen(texts[i]), NULL),
                         CLAIMS_OK);
    }
    return s;
}

/* A claim on the first occurrence of `needle` in article ai's text. */
static claims_claim *at(claims_story *s, size_t ai, claims_kind kind, const char *key,
                        const char *needle, double v)
{
    const char *text = s->articles[ai].text;
    const char *p = strstr(text, needle);
    assert_non_null(p);
    size_t start = (size_t)(p - text);
    claims_claim *c = claims__claim_add(s, ai, kind, start, start + strlen(needle));
    assert_non_null(c);
    set_key(s, c, key);
    c->value = v;
    c->has_value = true;
    return c;
}

/* Numbers the claims like claims_story_check() does and compares them. */
static void run(claims_story *s)
{
    for (size_t i = 0; i < s->nclaims; i++) {
        s->claims[i]->index = (uint32_t)i;
    }
    assert_int_equal(claims__compare(s), CLAIMS_OK);
    assert_true(claims__claim_ids(s));
    for (size_t i = 0; i < s->nfindings; i++)
        snprintf(s->findings[i].id, sizeof s->findings[i].id, "f%u", (unsigned)(i + 1));
    s->checked = true;
}

static size_t count_type(const claims_story *s, claims_finding_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nfindings; i++)
        if (s->findings[i].type == t)
            n++;
    return n;
}

/* ------------------------------------------------------------ values */

static void test_compare_equal_counts_agree(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    claims_claim *b = num(s, 1, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_AGREEMENT, a, b);
    assert_non_null(f);
    assert_true(f->confidence >= 0.8);
    assert_string_equal(f->key, "count/drone/buy");
    assert_string_equal(f->summary, "12 (a0) agrees with 12 (a1): count/drone/buy");
    assert_int_equal(s->nfindings, 1);
    claims_story_free(s);
}

static void test_compare_one_agreement_per_value_group(void **state)
{
    (void)state;
    claims_story *s = mk(3, NULL);
    for (size_t i = 0; i < 3; i++)
        num(s, i, CLAIMS_KIND_COUNT, "count/soldier/train", 50);
    run(s);
    assert_int_equal(s->nfindings, 1);
    assert_int_equal(s->findings[0].type, CLAIMS_FINDING_AGREEMENT);
    assert_int_equal(s->findings[0].nclaims, 3);
    claims_story_free(s);
}

static void test_compare_same_article_repeat_is_no_agreement(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);
}

static void test_compare_unknown_amount_is_compatible(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    claims_claim *b = add(s, 1, CLAIMS_KIND_COUNT, "count/drone/buy"); /* no value */
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static void test_compare_more_than_bound_is_compatible(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = add(s, 0, CLAIMS_KIND_COUNT, "count/person/kill");
    claims__draft(a)->low = 10;
    claims__draft(a)->has_low = true;
    a->flags |= CLAIMS__CF_LOW_EXCL;
    claims_claim *b = num(s, 1, CLAIMS_KIND_COUNT, "count/person/kill", 12);
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static void test_compare_at_least_bound_contradicts(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = add(s, 0, CLAIMS_KIND_COUNT, "count/person/injure");
    claims__draft(a)->low = 30;
    claims__draft(a)->has_low = true;
    claims_claim *b = num(s, 1, CLAIMS_KIND_COUNT, "count/person/injure", 20);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    assert_non_null(f);
    assert_true(f->confidence >= 0.8);
    claims_story_free(s);
}

static void test_compare_exclusive_bound_excludes_its_value(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = add(s, 0, CLAIMS_KIND_COUNT, "count/person/kill");
    claims__draft(a)->low = 10;
    claims__draft(a)->has_low = true;
    a->flags |= CLAIMS__CF_LOW_EXCL; /* more than 10 */
    claims_claim *b = num(s, 1, CLAIMS_KIND_COUNT, "count/person/kill", 10);
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    claims_story_free(s);
}

static void test_compare_different_values_one_contradiction(void **state)
{
    (void)state;
    claims_story *s = mk(4, NULL);
    num(s, 0, CLAIMS_KIND_COUNT, "count/person/kill", 4);
    num(s, 1, CLAIMS_KIND_COUNT, "count/person/kill", 4);
    num(s, 2, CLAIMS_KIND_COUNT, "count/person/kill", 5);
    num(s, 3, CLAIMS_KIND_COUNT, "count/person/kill", 5);
    run(s);
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 1);
    assert_int_equal(count_type(s, CLAIMS_FINDING_AGREEMENT), 2);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL);
    assert_int_equal(f->nclaims, 4);
    assert_string_equal(f->summary, "4 (a0; a1) contradicts 5 (a2; a3) for count/person/kill");
    claims_story_free(s);
}

static void test_compare_money_only_in_one_currency(void **state)
{
    (void)state;
    claims_story *s = mk(3, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_MONEY, "money/deal/-", 270e6);
    claims__draft(a)->unit = S(s, "USD");
    claims_claim *b = num(s, 1, CLAIMS_KIND_MONEY, "money/deal/-", 250e6);
    claims__draft(b)->unit = S(s, "EUR");
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);

    s = mk(2, NULL);
    a = num(s, 0, CLAIMS_KIND_MONEY, "money/deal/sign", 270e6);
    claims__draft(a)->unit = S(s, "USD");
    b = num(s, 1, CLAIMS_KIND_MONEY, "money/deal/sign", 300e6);
    claims__draft(b)->unit = S(s, "USD");
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    assert_non_null(f);
    assert_string_equal(f->summary,
                        "$270 million (a0) contradicts $300 million (a1) for money/deal/sign");
    claims_story_free(s);
}

static void test_compare_years_contradict(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_YEAR, "year/flood", 1998);
    claims_claim *b = num(s, 1, CLAIMS_KIND_YEAR, "year/flood", 1999);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    assert_non_null(f);
    assert_true(f->confidence >= 0.8);
    assert_null(strstr(f->summary, "weak"));
    claims_story_free(s);
}

static void test_compare_month_without_year_fits_year(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_YEAR, "year/war", 2008);
    claims_claim *b = date(s, 1, "date/war", "XXXX-08");
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static void test_compare_month_without_year_against_other_month(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = date(s, 0, "date/strike", "2015-03-02");
    claims_claim *b = date(s, 1, "date/strike", "XXXX-04");
    claims_claim *c = date(s, 1, "date/strike", "XXXX-08");
    run(s);
    /* the next month: one strike misdated; five months on: another strike */
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, c));
    claims_story_free(s);
}

static void test_compare_date_precisions_overlap(void **state)
{
    (void)state;
    claims_story *s = mk(3, NULL);
    claims_claim *a = date(s, 0, "date/meeting", "2010-09");
    claims_claim *b = date(s, 1, "date/meeting", "2010-09-06");
    claims_claim *c = date(s, 2, "date/meeting", "2010-09-07");
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, c));
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, b, c));
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    claims_story_free(s);
}

static void test_compare_year_meets_date_of_same_event(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_YEAR, "year/election", 2012);
    claims_claim *b = date(s, 1, "date/election", "2011-12-28");
    claims_claim *c = date(s, 1, "date/election", "2010-11-06");
    run(s);
    /* a few days across the new year: one election; two years off: two */
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, c));
    claims_story_free(s);
}

static void test_compare_weak_link_is_low_confidence(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_YEAR, "year/purchase", 2009);
    claims__draft(a)->weak_key = S(s, "year/war");
    claims_claim *b = num(s, 1, CLAIMS_KIND_YEAR, "year/war", 2008);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    assert_non_null(f);
    assert_true(f->confidence < 0.5);
    assert_string_equal(f->key, "year/war");
    assert_string_equal(f->summary, "2009 (a0) contradicts 2008 (a1) for year/war (weak link)");
    claims_story_free(s);
}

static void test_compare_mirrored_weak_links_report_once(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_YEAR, "year/purchase", 2009);
    claims__draft(a)->weak_key = S(s, "year/war");
    claims_claim *b = num(s, 1, CLAIMS_KIND_YEAR, "year/war", 2008);
    claims__draft(b)->weak_key = S(s, "year/purchase");
    run(s);
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 1);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    claims_story_free(s);
}

static void test_compare_weak_links_never_meet_each_other(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_YEAR, "year/purchase", 2009);
    claims__draft(a)->weak_key = S(s, "year/war");
    claims_claim *b = num(s, 1, CLAIMS_KIND_YEAR, "year/sale", 2008);
    claims__draft(b)->weak_key = S(s, "year/war");
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);
}

static void test_compare_weak_link_to_inferred_date_is_skipped(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    num(s, 0, CLAIMS_KIND_YEAR, "year/purchase", 2009);
    claims_claim *b = date(s, 1, "date/signing", "2010-09-06");
    claims__draft(b)->weak_key = S(s, "date/purchase");
    b->flags |= CLAIMS__CF_INFERRED;
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);
}

static void test_compare_event_less_years_are_not_compared(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    num(s, 0, CLAIMS_KIND_YEAR, "year/-", 2019);
    num(s, 1, CLAIMS_KIND_YEAR, "year/-", 2022);
    claims_claim *c = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/-", 24);
    claims_claim *d = num(s, 1, CLAIMS_KIND_COUNT, "count/drone/-", 6);
    run(s);
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, c, d));
    claims_story_free(s);
}

static void test_compare_summary_names_different_dates(void **state)
{
    (void)state;
    const char *dates[2] = {"2021-03-01", "2021-03-04"};
    claims_story *s = mk(2, dates);
    num(s, 0, CLAIMS_KIND_COUNT, "count/person/kill", 9);
    num(s, 1, CLAIMS_KIND_COUNT, "count/person/kill", 7);
    run(s);
    /* a toll that fell in the later report (one that grew is an update) */
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL);
    assert_non_null(f);
    assert_string_equal(f->summary, "9 (a0, 2021-03-01) contradicts 7 (a1, 2021-03-04) for "
                                    "count/person/kill");
    claims_story_free(s);
}

static void test_compare_findings_sorted_by_type_then_key(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    num(s, 0, CLAIMS_KIND_COUNT, "count/z/-", 3);
    num(s, 0, CLAIMS_KIND_COUNT, "count/b/hit", 1);
    num(s, 0, CLAIMS_KIND_COUNT, "count/a/hit", 1);
    num(s, 1, CLAIMS_KIND_COUNT, "count/z/-", 3);
    num(s, 1, CLAIMS_KIND_COUNT, "count/b/hit", 2);
    num(s, 1, CLAIMS_KIND_COUNT, "count/a/hit", 1);
    run(s);
    assert_int_equal(s->nfindings, 3);
    assert_int_equal(s->findings[0].type, CLAIMS_FINDING_AGREEMENT);
    assert_string_equal(s->findings[0].key, "count/a/hit");
    assert_int_equal(s->findings[1].type, CLAIMS_FINDING_AGREEMENT);
    assert_string_equal(s->findings[1].key, "count/z/-");
    assert_int_equal(s->findings[2].type, CLAIMS_FINDING_CONTRADICTION);
    claims_story_free(s);
}

/* ------------------------------------------------------------ quotes */

static const char q_full[] = "we owe the rescue teams a great deal for the work they have done";
static const char q_has[] = "we owe the rescue teams a great deal for the work they has done";
static const char q_cut[] = "we owe the rescue teams a great deal";

static void test_compare_identical_quotes_agree(void **state)
{
    (void)state;
    claims_story *s = mk(3, NULL);
    claims_claim *a = quote(s, 0, "ana ruiz", q_full);
    claims_claim *b = quote(s, 1, "ana ruiz", q_full);
    claims_claim *c = quote(s, 2, "ana ruiz", q_full);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_AGREEMENT, a, b);
    assert_non_null(f);
    assert_ptr_equal(f, tu_finding(s, CLAIMS_FINDING_AGREEMENT, b, c));
    assert_int_equal(s->nfindings, 1);
    claims_story_free(s);
}

static void test_compare_changed_word_is_variant_with_diff(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = quote(s, 0, "ana ruiz", q_full);
    claims_claim *b = quote(s, 1, "ana ruiz", q_has);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_VARIANT, a, b);
    assert_non_null(f);
    assert_non_null(f->diff);
    assert_string_equal(f->diff, "have -> has");
    assert_non_null(strstr(f->summary, "have -> has"));
    claims_story_free(s);
}

static void test_compare_same_article_quotes_differently(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    claims_claim *a = quote(s, 0, "ana ruiz", q_full);
    claims_claim *b = quote(s, 0, "ana ruiz", q_has);
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_VARIANT, a, b));
    claims_story_free(s);
}

static void test_compare_cut_short_quote_is_compatible(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = quote(s, 0, "ana ruiz", q_full);
    claims_claim *b = quote(s, 1, "ana ruiz", q_cut);
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_int_equal(count_type(s, CLAIMS_FINDING_VARIANT), 0);
    claims_story_free(s);
}

static void test_compare_unrelated_quotes_not_compared(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    quote(s, 0, "ana ruiz", q_full);
    quote(s, 1, "luis ortega", "the bridge will reopen to traffic next spring");
    quote(s, 1, "ana ruiz", "nobody expected the river to rise this fast");
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);
}

static void test_compare_unknown_speaker_meets_named(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = quote(s, 0, "ana ruiz", q_full);
    claims_claim *b = quote(s, 1, NULL, q_full);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_AGREEMENT, a, b);
    assert_non_null(f);
    assert_string_equal(f->key, "quote/ana ruiz");
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static void test_compare_paraphrase_matches_own_quote(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = quote(s, 0, "ana ruiz", q_full);
    claims_claim *p = add(s, 1, CLAIMS_KIND_PARAPHRASE, "paraphrase/ana ruiz");
    p->speaker = S(s, "ana ruiz");
    p->str_value = "they owe the rescue teams a great deal for the work they did";
    claims_claim *o = add(s, 1, CLAIMS_KIND_PARAPHRASE, "paraphrase/ana ruiz");
    o->speaker = S(s, "ana ruiz");
    o->str_value = "the rescue teams would be paid in march";
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, p));
    assert_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, o));
    claims_story_free(s);
}

/* ------------------------------------------------------------ round two */

/* Regression: compare with no value claims, no speech, or nothing at all
 * handed qsort a NULL array (UBSan: null pointer passed as argument 1). */
static void test_compare_empty_lists_are_fine(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);

    s = mk(2, NULL);
    num(s, 0, CLAIMS_KIND_COUNT, "count/boat/sink", 3);
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);

    s = mk(2, NULL);
    quote(s, 0, "ana ruiz", q_full);
    run(s);
    assert_int_equal(s->nfindings, 0);
    claims_story_free(s);
}

static void test_compare_known_action_unknown_thing_contradicts(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_MONEY, "money/-/fine/EUR", 80e6);
    claims__draft(a)->unit = S(s, "EUR");
    claims_claim *b = num(s, 1, CLAIMS_KIND_MONEY, "money/-/fine/EUR", 95e6);
    claims__draft(b)->unit = S(s, "EUR");
    claims_claim *c = num(s, 0, CLAIMS_KIND_COUNT, "count/-/evacuate", 300);
    claims_claim *d = num(s, 1, CLAIMS_KIND_COUNT, "count/-/evacuate", 340);
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    assert_non_null(f);
    assert_true(f->confidence >= 0.5 && f->confidence <= 0.6);
    assert_string_equal(f->summary,
                        "80 million EUR (a0) contradicts 95 million EUR (a1) for money/-/fine/EUR");
    f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, c, d);
    assert_non_null(f);
    assert_true(f->confidence >= 0.5 && f->confidence <= 0.6);
    claims_story_free(s);
}

static void test_compare_unknown_thing_and_action_never_contradict(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_MONEY, "money/-/-/EUR", 80e6);
    claims__draft(a)->unit = S(s, "EUR");
    claims_claim *b = num(s, 1, CLAIMS_KIND_MONEY, "money/-/-/EUR", 95e6);
    claims__draft(b)->unit = S(s, "EUR");
    num(s, 0, CLAIMS_KIND_COUNT, "count/-/-", 300);
    num(s, 1, CLAIMS_KIND_COUNT, "count/-/-", 450);
    num(s, 0, CLAIMS_KIND_PERCENT, "percent/-", 3);
    num(s, 1, CLAIMS_KIND_PERCENT, "percent/-", 9);
    run(s);
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static const char *const price_texts[3] = {
    "The club sold its stadium for $1.8 billion in cash.",
    "The stadium went for $1.75 billion, the buyer confirmed.",
    "A filing put the stadium price at $1.85 billion."};

static void test_compare_rounding_of_last_digit_is_compatible(void **state)
{
    (void)state;
    claims_story *s = mkt(3, price_texts, NULL);
    claims_claim *a = at(s, 0, CLAIMS_KIND_MONEY, "money/stadium/sell/USD", "$1.8 billion",
                         1.8e9);
    claims_claim *b = at(s, 1, CLAIMS_KIND_MONEY, "money/stadium/sell/USD", "$1.75 billion",
                         1.75e9);
    claims_claim *c = at(s, 2, CLAIMS_KIND_MONEY, "money/stadium/sell/USD", "$1.85 billion",
                         1.85e9);
    claims__draft(a)->unit = S(s, "USD");
    claims__draft(b)->unit = claims__draft(a)->unit;
    claims__draft(c)->unit = claims__draft(a)->unit;
    run(s);
    /* 1.8 covers 1.75..1.85; 1.75 and 1.85 cannot both be right */
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, c));
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, b, c);
    assert_non_null(f);
    assert_true(f->confidence >= 0.8);
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, c));
    claims_story_free(s);
}

static void test_compare_neighbouring_whole_numbers_contradict(void **state)
{
    (void)state;
    const char *texts[2] = {"Rescuers counted 27 bodies and a 6.4 tremor.",
                            "Rescuers counted 29 bodies and a 6.5 tremor."};
    claims_story *s = mkt(2, texts, NULL);
    claims_claim *a = at(s, 0, CLAIMS_KIND_COUNT, "count/body/count", "27 bodies", 27);
    claims_claim *b = at(s, 1, CLAIMS_KIND_COUNT, "count/body/count", "29 bodies", 29);
    claims_claim *c = at(s, 0, CLAIMS_KIND_MEASURE, "measure/magnitude/tremor", "6.4", 6.4);
    claims_claim *d = at(s, 1, CLAIMS_KIND_MEASURE, "measure/magnitude/tremor", "6.5", 6.5);
    claims__draft(c)->unit = S(s, "magnitude");
    claims__draft(d)->unit = claims__draft(c)->unit;
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    /* 6.4 covers 6.35..6.45 and 6.5 covers 6.45..6.55: they only touch */
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, c, d));
    assert_int_equal(count_type(s, CLAIMS_FINDING_COMPATIBLE), 0);
    claims_story_free(s);
}

static void test_compare_round_figure_fits_about(void **state)
{
    (void)state;
    const char *texts[2] = {"The bridge will cost $640 million to build.",
                            "The bridge will cost about $640 million."};
    claims_story *s = mkt(2, texts, NULL);
    claims_claim *a =
        at(s, 0, CLAIMS_KIND_MONEY, "money/bridge/cost/USD", "$640 million", 640e6);
    claims_claim *b =
        at(s, 1, CLAIMS_KIND_MONEY, "money/bridge/cost/USD", "about $640 million", 0);
    b->has_value = false;
    claims__draft(b)->low = 576e6;
    claims__draft(b)->high = 704e6;
    claims__draft(b)->has_low = claims__draft(b)->has_high = true;
    claims__draft(a)->unit = S(s, "USD");
    claims__draft(b)->unit = claims__draft(a)->unit;
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b));
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

/* Two articles each name three suspects' ages; they differ on one. */
static void test_compare_values_of_one_article_are_a_set(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    const char *k = "measure/age/woman";
    claims_claim *a51 = num(s, 0, CLAIMS_KIND_MEASURE, k, 51);
    claims_claim *a27 = num(s, 0, CLAIMS_KIND_MEASURE, k, 27);
    claims_claim *a30 = num(s, 0, CLAIMS_KIND_MEASURE, k, 30);
    claims_claim *b52 = num(s, 1, CLAIMS_KIND_MEASURE, k, 52);
    claims_claim *b27 = num(s, 1, CLAIMS_KIND_MEASURE, k, 27);
    claims_claim *b30 = num(s, 1, CLAIMS_KIND_MEASURE, k, 30);
    run(s);
    /* across the two articles only 51 against 52 is a contradiction */
    size_t high = 0;
    for (size_t i = 0; i < s->nfindings; i++) {
        const claims_finding *f = &s->findings[i];
        if (f->type == CLAIMS_FINDING_CONTRADICTION && f->confidence >= 0.5)
            high++;
    }
    assert_int_equal(high, 1);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a51, b52);
    assert_non_null(f);
    assert_true(f->confidence >= 0.8);
    assert_int_equal(f->nclaims, 2);
    f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a51, b27);
    assert_true(!f || f->confidence < 0.5);
    f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a27, b52);
    assert_true(!f || f->confidence < 0.5);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, a27, b27));
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, a30, b30));
    claims_story_free(s);
}

static void test_compare_two_values_in_one_article_are_no_contradiction(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    num(s, 0, CLAIMS_KIND_COUNT, "count/person/rescue", 120);
    num(s, 0, CLAIMS_KIND_COUNT, "count/person/rescue", 165);
    run(s);
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static void test_compare_same_article_year_and_date_are_none(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = date(s, 0, "date/flood", "2024-10-29");
    a->flags |= CLAIMS__CF_INFERRED;
    claims_claim *b = num(s, 0, CLAIMS_KIND_YEAR, "year/flood", 1957);
    claims_claim *c = num(s, 1, CLAIMS_KIND_YEAR, "year/flood", 1958);
    run(s);
    /* within one article: none */
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b));
    /* across articles a year apart the year contradicts with confidence */
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, b, c);
    assert_non_null(f);
    assert_true(f->confidence >= 0.5);
    claims_story_free(s);
}

static const char q_vow[] = "we will rebuild every single house on this street by winter";
static const char q_vow2[] = "we will rebuild every single home on this street by winter";

static void test_compare_titled_name_is_the_same_speaker(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = quote(s, 0, "nora vance", q_vow);
    claims_claim *b = quote(s, 1, "supt nora vance", q_vow2);
    run(s);
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_VARIANT, a, b);
    assert_non_null(f);
    assert_string_equal(f->diff, "house -> home");
    assert_string_equal(f->key, "quote/nora vance");
    assert_true(f->confidence >= 0.8);
    claims_story_free(s);

    /* an initial, and the same words: an agreement */
    s = mk(2, NULL);
    a = quote(s, 0, "n vance", q_vow);
    b = quote(s, 1, "nora vance", q_vow);
    run(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, a, b));
    assert_int_equal(count_type(s, CLAIMS_FINDING_CONTRADICTION), 0);
    claims_story_free(s);
}

static void test_compare_summary_money_and_month_for_people(void **state)
{
    (void)state;
    claims_story *s = mk(2, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_MONEY, "money/loan/grant/ILS", 1e9);
    claims__draft(a)->unit = S(s, "ILS");
    claims_claim *b = num(s, 1, CLAIMS_KIND_MONEY, "money/loan/grant/ILS", 1.2e9);
    claims__draft(b)->unit = S(s, "ILS");
    claims_claim *c = num(s, 0, CLAIMS_KIND_MONEY, "money/fee/pay/GBP", 250000);
    claims__draft(c)->unit = S(s, "GBP");
    claims_claim *d = num(s, 1, CLAIMS_KIND_MONEY, "money/fee/pay/GBP", 275000);
    claims__draft(d)->unit = S(s, "GBP");
    claims_claim *e = date(s, 0, "date/strike", "XXXX-08");
    claims_claim *g = date(s, 1, "date/strike", "XXXX-09-06");
    run(s);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    assert_non_null(f);
    assert_string_equal(f->summary,
                        "1 billion ILS (a0) contradicts 1.2 billion ILS (a1) for "
                        "money/loan/grant/ILS");
    f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, c, d);
    assert_non_null(f);
    assert_string_equal(f->summary,
                        "250,000 GBP (a0) contradicts 275,000 GBP (a1) for money/fee/pay/GBP");
    f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, e, g);
    assert_non_null(f);
    assert_string_equal(f->summary,
                        "August (a0) contradicts September 6 (a1) for date/strike");
    claims_story_free(s);
}

/* ------------------------------------------------------------ scale */

static void test_compare_ten_thousand_articles_near_linear(void **state)
{
    (void)state;
    enum { N = 10000 };
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    for (size_t i = 0; i < N; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%05zu", i);
        assert_int_equal(
            claims_story_add_article(s, id, NULL, NULL, filler, strlen(filler), NULL),
            CLAIMS_OK);
    }
    for (size_t i = 0; i < N; i++) {
        num(s, i, CLAIMS_KIND_COUNT, "count/person/kill", (double)(10 + i % 3));
        num(s, i, CLAIMS_KIND_YEAR, "year/flood", 2000 + (double)(i % 50));
        /* one widely repeated quote, cut short in different places, and
         * one quote of each article's own */
        quote(s, i, "ana ruiz", i % 7 ? q_full : q_cut);
        char buf[128];
        snprintf(buf, sizeof buf, "the levee held firm k%zu l%zu m%zu n%zu o%zu p%zu", i, i, i,
                 i, i, i);
        char *own = claims__story_strndup(s, buf, strlen(buf));
        quote(s, i, "luis ortega", own);
    }
    clock_t t0 = clock();
    run(s);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* 3 count values, 50 year values (compared against the largest
     * only), one quote agreement per text and one compatible pair. */
    if (s->nfindings >= 200 || secs >= 10.0)
        fprintf(stderr, "%zu findings in %.2f s\n", s->nfindings, secs);
    assert_true(s->nfindings < 200);
    assert_true(secs < 10.0);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, NULL, NULL));
    claims_story_free(s);
}

/* The story's string table keeps one copy of a string: equal strings
 * (and keys built from equal parts) get one id and one pointer, across
 * thousands of strings (the table grows), and ids read back. */
static void test_intern_one_copy_per_string(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    claims__sid a = S(s, "drone"), b = S(s, "drones"), e = S(s, "");
    assert_true(a != b && a != e && b != e);
    char buf[32];
    claims__sid ids[5000];
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "thing %d", i);
        ids[i] = S(s, buf);
    }
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "thing %d", i);
        assert_int_equal(S(s, buf), ids[i]);
        assert_string_equal(claims__str(s, ids[i]), buf);
    }
    assert_int_equal(S(s, "drone"), a);
    assert_string_equal(claims__str(s, e), "");
    assert_null(claims__str(s, 0));
    claims__sid k = claims__key(s, "count", "drone", "buy", NULL);
    assert_int_equal(claims__key(s, "count", "drone", "buy", NULL), k);
    assert_string_equal(claims__str(s, k), "count/drone/buy");
    claims_claim *c1 = add(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy");
    claims_claim *c2 = add(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy");
    assert_true(c1->frame->key == c2->frame->key);
    assert_int_equal(c1->frame->thing, a);
    assert_string_equal(claims_claim_key(c1), "count/drone/buy");
    /* keys are memoized by kind and parts: the same parts under another
       kind are another key, and the memo's answer is the key made */
    claims_claim *c3 = claims__claim_add(s, 0, CLAIMS_KIND_PERCENT, 0, 5);
    assert_non_null(c3);
    assert_non_null(claims__claim_key(s, c3, "drone", NULL, NULL));
    assert_string_equal(claims_claim_key(c3), "percent/drone");
    claims_claim *c4 = claims__claim_add(s, 0, CLAIMS_KIND_MONEY, 0, 5);
    assert_non_null(c4);
    assert_non_null(claims__claim_key(s, c4, "drone", "buy", NULL));
    assert_string_equal(claims_claim_key(c4), "money/drone/buy");
    assert_true(c4->frame->key != c1->frame->key);
    claims_claim *c5 = claims__claim_add(s, 0, CLAIMS_KIND_COUNT, 0, 5);
    assert_non_null(c5);
    assert_non_null(claims__claim_key(s, c5, "drone", "buy", NULL));
    assert_true(c5->frame->key == c1->frame->key);
    claims_story_free(s);
}

/* Claims with equal frames share one copy once sealed; a frame changed
 * later is the changed claim's alone; a range or another scope makes
 * another frame. */
static void test_frames_shared_once_sealed(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    claims_claim *a = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    claims_claim *b = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 14);
    claims_claim *c = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    claims__draft(c)->scope = S(s, "dubai");
    claims_claim *d = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
    claims__draft(d)->low = 10;
    claims__draft(d)->has_low = true;
    assert_true(a->frame != b->frame); /* drafts: each claim's own */
    assert_true(a->flags & CLAIMS__CF_DRAFT);
    assert_true(claims__frames_seal(s));
    assert_false(a->flags & CLAIMS__CF_DRAFT);
    assert_true(a->frame == b->frame);
    assert_true(a->frame != c->frame && a->frame != d->frame && c->frame != d->frame);
    assert_true(d->frame->has_low && d->frame->low == 10);
    /* a change after sealing: copied, not written through */
    claims__frame f = *b->frame;
    f.scope = S(s, "dubai");
    assert_true(claims__frame_put(s, b, &f));
    assert_int_equal(a->frame->scope, 0);
    assert_true(b->frame == c->frame);
    /* a key set after sealing goes the same way */
    set_key(s, a, "count/drone/sell");
    assert_string_equal(claims_claim_key(a), "count/drone/sell");
    assert_string_equal(claims_claim_key(c), "count/drone/buy");
    assert_true(claims__frames_seal(s)); /* nothing left to seal */
    claims_story_free(s);
}

/* A seal of many batches of drafts (frames.c hashes each batch a batch
 * ahead of its probes): runs of equal frames, some across a batch's end,
 * and more distinct frames than the table's first size holds, so that it
 * grows between a batch's hashes and their probes; then the same frames
 * again, apart, in a second seal. */
static void test_frames_sealed_across_batches(void **state)
{
    (void)state;
    claims_story *s = mk(1, NULL);
    enum { N = 700, RUN = 3 };
    claims_claim *c[N];
    for (int i = 0; i < N; i++) {
        c[i] = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 12);
        claims__draft(c[i])->event_id = (uint32_t)(i / RUN + 1);
    }
    assert_true(claims__frames_seal(s));
    for (int i = 0; i < N; i++) {
        assert_false(c[i]->flags & CLAIMS__CF_DRAFT);
        assert_int_equal(c[i]->frame->event_id, i / RUN + 1);
        assert_true(c[i]->frame->key == c[0]->frame->key);
        if (i % RUN)
            assert_true(c[i]->frame == c[i - 1]->frame);
        else if (i)
            assert_true(c[i]->frame != c[i - 1]->frame);
    }
    claims_claim *d[N / RUN];
    for (int k = 0; k < N / RUN; k++) {
        d[k] = num(s, 0, CLAIMS_KIND_COUNT, "count/drone/buy", 14);
        claims__draft(d[k])->event_id = (uint32_t)(N / RUN - k);
    }
    assert_true(claims__frames_seal(s));
    for (int k = 0; k < N / RUN; k++)
        assert_true(d[k]->frame == c[(N / RUN - k - 1) * RUN]->frame);
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_intern_one_copy_per_string),
        cmocka_unit_test(test_frames_shared_once_sealed),
        cmocka_unit_test(test_frames_sealed_across_batches),
        cmocka_unit_test(test_compare_equal_counts_agree),
        cmocka_unit_test(test_compare_one_agreement_per_value_group),
        cmocka_unit_test(test_compare_same_article_repeat_is_no_agreement),
        cmocka_unit_test(test_compare_unknown_amount_is_compatible),
        cmocka_unit_test(test_compare_more_than_bound_is_compatible),
        cmocka_unit_test(test_compare_at_least_bound_contradicts),
        cmocka_unit_test(test_compare_exclusive_bound_excludes_its_value),
        cmocka_unit_test(test_compare_different_values_one_contradiction),
        cmocka_unit_test(test_compare_money_only_in_one_currency),
        cmocka_unit_test(test_compare_years_contradict),
        cmocka_unit_test(test_compare_month_without_year_fits_year),
        cmocka_unit_test(test_compare_month_without_year_against_other_month),
        cmocka_unit_test(test_compare_date_precisions_overlap),
        cmocka_unit_test(test_compare_year_meets_date_of_same_event),
        cmocka_unit_test(test_compare_weak_link_is_low_confidence),
        cmocka_unit_test(test_compare_mirrored_weak_links_report_once),
        cmocka_unit_test(test_compare_weak_links_never_meet_each_other),
        cmocka_unit_test(test_compare_weak_link_to_inferred_date_is_skipped),
        cmocka_unit_test(test_compare_event_less_years_are_not_compared),
        cmocka_unit_test(test_compare_summary_names_different_dates),
        cmocka_unit_test(test_compare_findings_sorted_by_type_then_key),
        cmocka_unit_test(test_compare_identical_quotes_agree),
        cmocka_unit_test(test_compare_changed_word_is_variant_with_diff),
        cmocka_unit_test(test_compare_same_article_quotes_differently),
        cmocka_unit_test(test_compare_cut_short_quote_is_compatible),
        cmocka_unit_test(test_compare_unrelated_quotes_not_compared),
        cmocka_unit_test(test_compare_unknown_speaker_meets_named),
        cmocka_unit_test(test_compare_paraphrase_matches_own_quote),
        cmocka_unit_test(test_compare_empty_lists_are_fine),
        cmocka_unit_test(test_compare_known_action_unknown_thing_contradicts),
        cmocka_unit_test(test_compare_unknown_thing_and_action_never_contradict),
        cmocka_unit_test(test_compare_rounding_of_last_digit_is_compatible),
        cmocka_unit_test(test_compare_neighbouring_whole_numbers_contradict),
        cmocka_unit_test(test_compare_round_figure_fits_about),
        cmocka_unit_test(test_compare_values_of_one_article_are_a_set),
        cmocka_unit_test(test_compare_two_values_in_one_article_are_no_contradiction),
        cmocka_unit_test(test_compare_same_article_year_and_date_are_none),
        cmocka_unit_test(test_compare_titled_name_is_the_same_speaker),
        cmocka_unit_test(test_compare_summary_money_and_month_for_people),
        cmocka_unit_test(test_compare_ten_thousand_articles_near_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
