/* End-to-end stories across news beats: two short articles each, checked
 * as one story, with the key findings asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* The claim of `kind` in article `art` whose text contains `needle`. */
static const claims_claim *claim_in(const claims_story *s, size_t art, claims_kind kind,
                                    const char *needle)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_article(c) == art && claims_claim_kind(c) == kind &&
            strstr(tu_text(c), needle))
            return c;
    }
    return NULL;
}

static void assert_key_value(const claims_claim *c, const char *key, double want)
{
    assert_non_null(c);
    assert_string_equal(claims_claim_key(c), key);
    double v = 0;
    assert_true(claims_claim_value(c, &v));
    double tol = 1e-9 * (want < 0 ? -want : want) + 1e-6;
    assert_true(v > want - tol && v < want + tol);
}

static void test_beats_disaster_quake(void **state)
{
    (void)state;
    const char *texts[2] = {
        "A magnitude 6.4 earthquake struck the mountain province on Tuesday, flattening "
        "dozens of homes. Officials said 38 people were killed and more than 200 were "
        "injured. The last major quake in the region was in 2001.",
        "The 6.4-magnitude earthquake that hit the province on Tuesday killed 41 people, "
        "the civil defence agency said on Wednesday. Some 230 people were injured. The "
        "previous big earthquake there came in 2002.",
    };
    const char *dates[2] = {"2026-03-04", "2026-03-05"};
    claims_story *s = tu_story(texts, dates, 2);

    const claims_claim *m1 = claim_in(s, 0, CLAIMS_KIND_MEASURE, "6.4");
    const claims_claim *m2 = claim_in(s, 1, CLAIMS_KIND_MEASURE, "6.4");
    assert_key_value(m1, "measure/magnitude/quake", 6.4);
    assert_key_value(m2, "measure/magnitude/quake", 6.4);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, m1, m2));

    const claims_claim *k1 = claim_in(s, 0, CLAIMS_KIND_COUNT, "38");
    const claims_claim *k2 = claim_in(s, 1, CLAIMS_KIND_COUNT, "41");
    assert_key_value(k1, "count/person/kill", 38);
    assert_key_value(k2, "count/person/kill", 41);
    /* the toll grew from one day's report to the next: an update */
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_UPDATE, k1, k2);
    assert_non_null(f);
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, k1, k2));
    assert_true(claims_finding_confidence(f) >= 0.5);
    /* the summary names both articles' published dates */
    assert_non_null(strstr(claims_finding_summary(f), "2026-03-04"));
    assert_non_null(strstr(claims_finding_summary(f), "2026-03-05"));

    const claims_claim *i1 = claim_in(s, 0, CLAIMS_KIND_COUNT, "more than 200");
    const claims_claim *i2 = claim_in(s, 1, CLAIMS_KIND_COUNT, "230");
    assert_non_null(i1);
    assert_non_null(i2);
    assert_string_equal(claims_claim_key(i1), "count/person/injure");
    assert_string_equal(claims_claim_key(i2), "count/person/injure");
    assert_non_null(tu_finding(s, CLAIMS_FINDING_COMPATIBLE, i1, i2));
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, i1, i2));

    const claims_claim *y1 = claim_in(s, 0, CLAIMS_KIND_YEAR, "2001");
    const claims_claim *y2 = claim_in(s, 1, CLAIMS_KIND_YEAR, "2002");
    assert_key_value(y1, "year/quake:previous", 2001);
    assert_key_value(y2, "year/quake:previous", 2002);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, y1, y2));
    claims_story_free(s);
}

static void test_beats_crime_robbery(void **state)
{
    (void)state;
    const char *texts[2] = {
        "Daniel Reeve, 34, has been charged over a jewellery shop raid in which thieves "
        "stole watches worth \xc2\xa3" "250,000. Two other men, aged 19 and 22, were released "
        "without charge. Det Insp Karen Moss said: \"This was a planned and brazen attack "
        "on a family business.\"",
        "Police have charged Daniel Reeve, 35, after robbers stole watches worth "
        "\xc2\xa3" "250,000 from the shop on Saturday. Detective Inspector Karen Moss said: "
        "\"This was a planned, brazen attack on a family business.\" Two men aged 19 and 22 "
        "who were also arrested have been freed.",
    };
    const char *dates[2] = {"2026-05-11", "2026-05-12"};
    claims_story *s = tu_story(texts, dates, 2);

    const claims_claim *a1 = claim_in(s, 0, CLAIMS_KIND_MEASURE, "34");
    const claims_claim *a2 = claim_in(s, 1, CLAIMS_KIND_MEASURE, "35");
    assert_key_value(a1, "measure/age/daniel reeve", 34);
    assert_key_value(a2, "measure/age/daniel reeve", 35);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a1, a2));
    /* the other men's ages agree and contradict nobody's */
    const claims_claim *o1 = claim_in(s, 0, CLAIMS_KIND_MEASURE, "19");
    const claims_claim *o2 = claim_in(s, 1, CLAIMS_KIND_MEASURE, "19");
    assert_non_null(o1);
    assert_non_null(o2);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, o1, o2));
    for (size_t i = 0; i < claims_story_finding_count(s); i++) {
        const claims_finding *f = claims_story_finding(s, i);
        if (claims_finding_type_of(f) == CLAIMS_FINDING_CONTRADICTION)
            assert_string_equal(claims_finding_key(f), "measure/age/daniel reeve");
    }

    const claims_claim *q1 = tu_claim(s, CLAIMS_KIND_QUOTE, "planned and brazen");
    const claims_claim *q2 = tu_claim(s, CLAIMS_KIND_QUOTE, "planned, brazen");
    assert_non_null(q1);
    assert_non_null(q2);
    assert_string_equal(claims_claim_speaker(q1), "Karen Moss");
    assert_string_equal(claims_claim_speaker(q2), "Karen Moss");
    assert_string_equal(claims_claim_key(q1), "quote/karen moss");
    assert_non_null(tu_finding(s, CLAIMS_FINDING_VARIANT, q1, q2));

    const claims_claim *p1 = claim_in(s, 0, CLAIMS_KIND_MONEY, "250,000");
    const claims_claim *p2 = claim_in(s, 1, CLAIMS_KIND_MONEY, "250,000");
    assert_key_value(p1, "money/watch/steal/GBP", 250000);
    assert_key_value(p2, "money/watch/steal/GBP", 250000);
    assert_string_equal(claims_claim_unit(p1), "GBP");
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, p1, p2));
    claims_story_free(s);
}

static void test_beats_business_settlement(void **state)
{
    (void)state;
    const char *texts[2] = {
        "The drugmaker will pay $4.25 billion to settle thousands of lawsuits over its "
        "painkillers, the company said on Monday. Its shares rose 6% after the "
        "announcement. Separately, its Israeli unit was fined 90 million shekels ($24 "
        "million) by regulators.",
        "The company agreed to pay $4.35 billion to end the litigation, according to court "
        "papers. The stock gained 6 percent in New York. Israeli regulators fined the local "
        "subsidiary 90 million shekels.",
    };
    const char *dates[2] = {"2026-06-02", "2026-06-03"};
    claims_story *s = tu_story(texts, dates, 2);

    const claims_claim *m1 = claim_in(s, 0, CLAIMS_KIND_MONEY, "4.25");
    const claims_claim *m2 = claim_in(s, 1, CLAIMS_KIND_MONEY, "4.35");
    assert_key_value(m1, "money/-/pay/USD", 4.25e9);
    assert_key_value(m2, "money/-/pay/USD", 4.35e9);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, m1, m2));

    const claims_claim *ils1 = claim_in(s, 0, CLAIMS_KIND_MONEY, "shekels");
    const claims_claim *usd1 = claim_in(s, 0, CLAIMS_KIND_MONEY, "$24");
    const claims_claim *ils2 = claim_in(s, 1, CLAIMS_KIND_MONEY, "shekels");
    assert_key_value(ils1, "money/-/fine/ILS", 90e6);
    assert_key_value(usd1, "money/-/fine/USD", 24e6);
    assert_key_value(ils2, "money/-/fine/ILS", 90e6);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, ils1, ils2));
    /* the conversion is no rival of the settlement */
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, usd1, NULL));

    const claims_claim *p1 = claim_in(s, 0, CLAIMS_KIND_PERCENT, "6%");
    const claims_claim *p2 = claim_in(s, 1, CLAIMS_KIND_PERCENT, "6 percent");
    assert_key_value(p1, "percent/share", 6);
    assert_key_value(p2, "percent/share", 6);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, p1, p2));
    claims_story_free(s);
}

static void test_beats_politics_senate_vote(void **state)
{
    (void)state;
    const char *texts[2] = {
        "The Senate passed the $1.2 trillion infrastructure bill on Tuesday, with 19 "
        "Republicans voting in favour. Senate Majority Leader Tom Harlan said: \"This is "
        "the biggest investment in our roads and bridges in a generation.\"",
        "The $1.2 trillion package cleared the Senate on Tuesday after 18 Republicans voted "
        "for it. \"This is the largest investment in our roads and bridges in a "
        "generation,\" Majority Leader Tom Harlan said.",
    };
    const char *dates[2] = {"2026-08-06", "2026-08-07"};
    claims_story *s = tu_story(texts, dates, 2);

    const claims_claim *v1 = claim_in(s, 0, CLAIMS_KIND_COUNT, "19");
    const claims_claim *v2 = claim_in(s, 1, CLAIMS_KIND_COUNT, "18");
    assert_key_value(v1, "count/republican/support", 19);
    assert_key_value(v2, "count/republican/support", 18);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, v1, v2));

    const claims_claim *q1 = claim_in(s, 0, CLAIMS_KIND_QUOTE, "biggest");
    const claims_claim *q2 = claim_in(s, 1, CLAIMS_KIND_QUOTE, "largest");
    assert_non_null(q1);
    assert_non_null(q2);
    assert_string_equal(claims_claim_speaker(q1), "Tom Harlan");
    assert_string_equal(claims_claim_key(q1), "quote/tom harlan");
    assert_string_equal(claims_claim_key(q2), "quote/tom harlan");
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_VARIANT, q1, q2);
    assert_non_null(f);
    assert_non_null(f->diff);
    assert_non_null(strstr(f->diff, "biggest -> largest"));

    const claims_claim *b1 = claim_in(s, 0, CLAIMS_KIND_MONEY, "1.2 trillion");
    const claims_claim *b2 = claim_in(s, 1, CLAIMS_KIND_MONEY, "1.2 trillion");
    assert_key_value(b1, "money/bill/-/USD", 1.2e12);
    assert_key_value(b2, "money/bill/-/USD", 1.2e12);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, b1, b2));

    const claims_claim *d1 = claim_in(s, 0, CLAIMS_KIND_DATE, "Tuesday");
    const claims_claim *d2 = claim_in(s, 1, CLAIMS_KIND_DATE, "Tuesday");
    assert_non_null(d1);
    assert_non_null(d2);
    assert_string_equal(claims_claim_key(d1), "date/passage");
    assert_string_equal(claims_claim_string_value(d1), "2026-08-04");
    assert_string_equal(claims_claim_key(d2), "date/passage");
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, d1, d2));
    claims_story_free(s);
}

/* Political titles before a name are stripped from the speaker, so a
 * later "Ms Cole" meets "House Speaker Ann Cole". */
static void test_beats_politics_titles_stripped(void **state)
{
    (void)state;
    const char *texts[2] = {
        "House Speaker Ann Cole said: \"We kept our word.\" Chancellor Olaf Brenner said: "
        "\"It is a good day.\" Attorney General Mark Dunn said: \"The law is clear.\" Chief "
        "Whip Sam Ode said: \"Discipline held.\" Minority Leader Bo Park said: \"Not so "
        "fast.\"",
        "\"We kept our word,\" Ms Cole said. Mr Brenner said: \"It is a good day.\" Mr "
        "Dunn said: \"The law is clear.\" Mr Ode said: \"Discipline held.\" \"Not so fast,\" "
        "Mr Park said.",
    };
    claims_story *s = tu_story(texts, NULL, 2);
    static const char *const speakers[5][3] = {
        {"kept our word", "Ann Cole", "quote/ann cole"},
        {"good day", "Olaf Brenner", "quote/olaf brenner"},
        {"law is clear", "Mark Dunn", "quote/mark dunn"},
        {"Discipline", "Sam Ode", "quote/sam ode"},
        {"Not so fast", "Bo Park", "quote/bo park"},
    };
    for (size_t i = 0; i < 5; i++) {
        const claims_claim *q1 = claim_in(s, 0, CLAIMS_KIND_QUOTE, speakers[i][0]);
        const claims_claim *q2 = claim_in(s, 1, CLAIMS_KIND_QUOTE, speakers[i][0]);
        assert_non_null(q1);
        assert_non_null(q2);
        assert_string_equal(claims_claim_speaker(q1), speakers[i][1]);
        assert_string_equal(claims_claim_key(q1), speakers[i][2]);
        assert_string_equal(claims_claim_key(q2), speakers[i][2]);
        assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, q1, q2));
    }
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_beats_disaster_quake),
        cmocka_unit_test(test_beats_crime_robbery),
        cmocka_unit_test(test_beats_business_settlement),
        cmocka_unit_test(test_beats_politics_senate_vote),
        cmocka_unit_test(test_beats_politics_titles_stripped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
