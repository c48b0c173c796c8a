/* Tests of dates.c: calendar helpers, datelines, dates, weekdays, relative
 * days, years, and the events they date. Every sentence here is written
 * for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dates_private.h"
#include "testutil.h"

/* ------------------------------------------------------------ helpers */

static const char *published(const claims_story *s)
{
    return claims_story_article_published(s, 0);
}

/* The date claim whose text contains `needle`; fails the test if none. */
static const claims_claim *date_claim(const claims_story *s, const char *needle)
{
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_DATE, needle);
    if (!c)
        tu_dump(s);
    assert_non_null(c);
    return c;
}

static const claims_claim *year_claim(const claims_story *s, const char *needle)
{
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_YEAR, needle);
    if (!c)
        tu_dump(s);
    assert_non_null(c);
    return c;
}

static double year_of(const claims_claim *c)
{
    double v = 0;
    assert_int_equal(claims_claim_value(c, &v), 1);
    return v;
}

/* ------------------------------------------------------------ calendar */

static void test_calendar_days_round_trip(void **state)
{
    (void)state;
    assert_int_equal(claims__date_to_days(1970, 1, 1), 0);
    assert_int_equal(claims__date_to_days(2000, 3, 1), 11017);
    for (long d = -800000; d < 800000; d += 997) {
        claims__date x = claims__days_to_date(d);
        assert_int_equal(claims__date_to_days(x.year, x.month, x.day), d);
    }
    claims__date leap = claims__days_to_date(claims__date_to_days(2024, 2, 28) + 1);
    assert_int_equal(leap.month, 2);
    assert_int_equal(leap.day, 29);
}

static void test_calendar_weekday_known_days(void **state)
{
    (void)state;
    assert_int_equal(claims__date_weekday(claims__date_to_days(2010, 9, 6)), 1);  /* Mon */
    assert_int_equal(claims__date_weekday(claims__date_to_days(2000, 1, 1)), 6);  /* Sat */
    assert_int_equal(claims__date_weekday(claims__date_to_days(1969, 7, 20)), 7); /* Sun */
    assert_int_equal(claims__date_weekday(claims__date_to_days(2023, 2, 6)), 1);
}

static void test_calendar_month_days(void **state)
{
    (void)state;
    assert_int_equal(claims__date_month_days(2023, 2), 28);
    assert_int_equal(claims__date_month_days(2024, 2), 29);
    assert_int_equal(claims__date_month_days(1900, 2), 28);
    assert_int_equal(claims__date_month_days(2000, 2), 29);
    assert_int_equal(claims__date_month_days(0, 2), 29);
    assert_int_equal(claims__date_month_days(2023, 4), 30);
    assert_int_equal(claims__date_month_days(2023, 13), 0);
}

static void test_calendar_iso_precision(void **state)
{
    (void)state;
    char out[11];
    claims__date d = {2010, 9, 6};
    assert_int_equal(claims__date_iso(&d, CLAIMS__PREC_DAY, out), 10);
    assert_string_equal(out, "2010-09-06");
    assert_int_equal(claims__date_iso(&d, CLAIMS__PREC_MONTH, out), 7);
    assert_string_equal(out, "2010-09");
    assert_int_equal(claims__date_iso(&d, CLAIMS__PREC_YEAR, out), 4);
    assert_string_equal(out, "2010");
    claims__date m = {0, 8, 0};
    claims__date_iso(&m, CLAIMS__PREC_MONTH, out);
    assert_string_equal(out, "XXXX-08");
    assert_int_equal(claims__date_iso(&d, CLAIMS__PREC_NONE, out), 0);
}

static void test_edit_distance_transpositions(void **state)
{
    (void)state;
    assert_int_equal(claims__edit_distance("octobr", 6, "october", 7, 2), 1);
    assert_int_equal(claims__edit_distance("febuary", 7, "february", 8, 2), 1);
    assert_int_equal(claims__edit_distance("agust", 5, "august", 6, 2), 1);
    assert_int_equal(claims__edit_distance("nvoember", 8, "november", 8, 2), 1);
    assert_int_equal(claims__edit_distance("septmerber", 10, "september", 9, 2), 2);
    assert_int_equal(claims__edit_distance("march", 5, "march", 5, 2), 0);
    /* Above the cap: reported as cap + 1. */
    assert_int_equal(claims__edit_distance("number", 6, "november", 8, 2), 3);
    assert_int_equal(claims__edit_distance("a", 1, "december", 8, 2), 3);
}

/* ------------------------------------------------------------ datelines */

static void test_dateline_misspelt_month(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Cairo - Reuters - Octobr 3, 2011\n\n"
                                "The army said it would hand power to civilians within a year.\n",
                                NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2011-10-03");
    /* The dateline dates the article; it is not a claim of its own. */
    assert_null(tu_claim(s, CLAIMS_KIND_DATE, "Octobr"));
    claims_story_free(s);
}

static void test_dateline_wire_forms(void **state)
{
    (void)state;
    claims_story *s = tu_story1("LIMA, Feb. 14, 2019 (AP) - Rescuers kept digging through the "
                                "mud on Thursday as the rain eased over the Andes.\n",
                                NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2019-02-14");
    /* 2019-02-14 is a Thursday: the day itself. */
    const claims_claim *c = date_claim(s, "Thursday");
    assert_string_equal(claims_claim_string_value(c), "2019-02-14");
    claims_story_free(s);

    s = tu_story1("Nairobi\n14 March 2020\n\nThe clinic reopened after the strike.\n", NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2020-03-14");
    claims_story_free(s);

    s = tu_story1("Oslo | 2021-11-30\nThe fjord froze early, residents said.\n", NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2021-11-30");
    claims_story_free(s);
}

static void test_dateline_given_date_wins(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Geneva - AFP - Novembr 2, 2015\n\nDelegates met on Monday to "
                                "draft the text.\n",
                                "2015-11-04");
    assert_string_equal(published(s), "2015-11-04");
    /* Wednesday 2015-11-04: the Monday before is 2015-11-02. */
    const claims_claim *c = date_claim(s, "Monday");
    assert_string_equal(claims_claim_string_value(c), "2015-11-02");
    claims_story_free(s);
}

static void test_dateline_lead_sentence_is_not_one(void **state)
{
    (void)state;
    /* A date inside a long opening sentence is a claim, not a dateline. */
    claims_story *s = tu_story1("A strong earthquake struck the coastal province on March 3, 2021, "
                                "flattening dozens of homes and cutting power to three towns.\n",
                                NULL);
    assert_null(published(s));
    const claims_claim *c = date_claim(s, "March 3, 2021");
    assert_string_equal(claims_claim_string_value(c), "2021-03-03");
    assert_int_equal(c->precision, CLAIMS__PREC_DAY);
    claims_story_free(s);
}

static void test_dateline_absent(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Town reopens its library\n\nThe library reopened its doors after "
                                "repairs to the roof.\n",
                                NULL);
    assert_null(published(s));
    claims_story_free(s);
}

static void test_dateline_in_separate_title(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *text = "The port reopened after the storm passed.\n";
    assert_int_equal(claims_story_add_article(s, "t", "Manila - AFP - Agust 9, 2018", NULL, text,
                                              strlen(text), NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2018-08-09");
    claims_story_free(s);
}

static void test_dateline_headline_date_is_not_one(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Vote set for March 3, 2025\n\nThe electoral board fixed the date "
                                "after weeks of talks.\n",
                                NULL);
    assert_null(published(s));
    const claims_claim *c = date_claim(s, "March 3, 2025");
    assert_string_equal(claims_claim_string_value(c), "2025-03-03");
    assert_string_equal(claims_claim_key(c), "date/election");
    claims_story_free(s);
}

/* ------------------------------------------------------------ weekdays */

static void test_weekday_resolves_to_past_day(void **state)
{
    (void)state;
    /* 2023-02-07 is a Tuesday. */
    claims_story *s = tu_story1("The quake hit the border region on Sunday, residents said.\n",
                                "2023-02-07");
    const claims_claim *c = date_claim(s, "Sunday");
    assert_string_equal(claims_claim_string_value(c), "2023-02-05");
    assert_string_equal(claims_claim_key(c), "date/quake");
    assert_int_equal(c->precision, CLAIMS__PREC_DAY);
    assert_true(c->flags & CLAIMS__CF_INFERRED);
    claims_story_free(s);
}

static void test_weekday_own_day_is_today(void **state)
{
    (void)state;
    /* 2021-06-14 is a Monday. */
    claims_story *s = tu_story1("The city council met Monday behind closed doors.\n", "2021-06-14");
    const claims_claim *c = date_claim(s, "Monday");
    assert_string_equal(claims_claim_string_value(c), "2021-06-14");
    assert_string_equal(claims_claim_key(c), "date/meeting");
    claims_story_free(s);
}

static void test_weekday_unknown_article_date(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The two leaders signed the treaty on Friday in a brief ceremony.\n",
                                NULL);
    const claims_claim *c = date_claim(s, "Friday");
    assert_null(claims_claim_string_value(c));
    assert_string_equal(claims_claim_key(c), "date/signing");
    assert_true(!(c->flags & CLAIMS__CF_INFERRED));
    claims_story_free(s);
}

static void test_weekday_last_next_and_future(void **state)
{
    (void)state;
    /* 2022-05-18 is a Wednesday. */
    claims_story *s = tu_story1("The suspect was arrested last Wednesday. His trial is due to open "
                                "Friday. The board will vote Monday on the merger.\n",
                                "2022-05-18");
    const claims_claim *c = date_claim(s, "last Wednesday");
    assert_string_equal(claims_claim_string_value(c), "2022-05-11");
    assert_string_equal(claims_claim_key(c), "date/arrest");
    c = date_claim(s, "Friday");
    assert_string_equal(claims_claim_string_value(c), "2022-05-20");
    assert_string_equal(claims_claim_key(c), "date/trial");
    c = date_claim(s, "Monday");
    assert_string_equal(claims_claim_string_value(c), "2022-05-23");
    assert_string_equal(claims_claim_key(c), "date/election");
    claims_story_free(s);
}

static void test_weekday_in_full_date_once(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The firm announced the recall on Wednesday, Sept. 1, 2010, after "
                                "a fire at the plant.\n",
                                NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 1);
    const claims_claim *c = date_claim(s, "Sept. 1, 2010");
    assert_string_equal(claims_claim_string_value(c), "2010-09-01");
    assert_string_equal(claims_claim_key(c), "date/announcement");
    assert_true(!(c->flags & CLAIMS__CF_INFERRED));
    assert_null(tu_claim(s, CLAIMS_KIND_YEAR, NULL));
    claims_story_free(s);
}

/* ------------------------------------------------------------ full dates */

static void test_date_forms(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The trial opened on March 3, 2021, in the capital. The verdict "
                                "came on 6 September 2021. Appeals were filed by 2021-10-01. "
                                "Sentencing was set for Febuary 12, 2022. The shop was robbed on "
                                "July 4th.\n",
                                "2022-01-10");
    const claims_claim *c = date_claim(s, "March 3, 2021");
    assert_string_equal(claims_claim_string_value(c), "2021-03-03");
    assert_string_equal(claims_claim_key(c), "date/trial");
    c = date_claim(s, "6 September 2021");
    assert_string_equal(claims_claim_string_value(c), "2021-09-06");
    assert_string_equal(claims_claim_key(c), "date/verdict");
    c = date_claim(s, "2021-10-01");
    assert_string_equal(claims_claim_string_value(c), "2021-10-01");
    c = date_claim(s, "Febuary 12, 2022");
    assert_string_equal(claims_claim_string_value(c), "2022-02-12");
    assert_string_equal(claims_claim_key(c), "date/verdict");
    /* No year: the July 4 nearest the article's date, inferred. */
    c = date_claim(s, "July 4th");
    assert_string_equal(claims_claim_string_value(c), "2021-07-04");
    assert_true(c->flags & CLAIMS__CF_INFERRED);
    assert_string_equal(claims_claim_key(c), "date/robbery");
    claims_story_free(s);
}

static void test_date_follow_up_dateline_and_near_future(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Divers searched the lake all night, police said.\n"
                                "LAKESIDE, June 9 (AP) - The ferry sank on Sunday. The inquiry "
                                "opens on June 20.\n",
                                "2016-06-08");
    /* "LAKESIDE, June 9 (AP) -" opens a follow-up: metadata, not a claim. */
    assert_null(tu_claim(s, CLAIMS_KIND_DATE, "June 9"));
    /* 2016-06-08 is a Wednesday. */
    assert_string_equal(claims_claim_string_value(date_claim(s, "Sunday")), "2016-06-05");
    /* Less than a month ahead: this year's June 20, not last year's. */
    const claims_claim *c = date_claim(s, "June 20");
    assert_string_equal(claims_claim_string_value(c), "2016-06-20");
    assert_true(c->flags & CLAIMS__CF_INFERRED);
    claims_story_free(s);
}

static void test_date_month_precision(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Rivers burst their banks in August 2008. The region never "
                                "recovered from its short October war.\n",
                                "2009-01-01");
    const claims_claim *c = date_claim(s, "August 2008");
    assert_string_equal(claims_claim_string_value(c), "2008-08");
    assert_int_equal(c->precision, CLAIMS__PREC_MONTH);
    c = date_claim(s, "October");
    assert_string_equal(claims_claim_string_value(c), "XXXX-10");
    assert_int_equal(c->precision, CLAIMS__PREC_MONTH);
    assert_string_equal(claims_claim_key(c), "date/war");
    claims_story_free(s);
}

static void test_date_month_words_that_are_not_dates(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Theresa May spoke first. Prices may rise. March organizers "
                                "expect a crowd. The charity Augusta 3 opened.\n",
                                NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 0);
    claims_story_free(s);
}

/* ------------------------------------------------------------ relative days */

static void test_relative_days(void **state)
{
    (void)state;
    /* 2021-03-10 is a Wednesday; last week ran 1-7 March. */
    claims_story *s = tu_story1("Police said the jewellery robbery took place last week. The "
                                "mayor, who was elected earlier this year, visited the shop "
                                "yesterday.\n",
                                "2021-03-10");
    const claims_claim *c = date_claim(s, "last week");
    assert_string_equal(claims_claim_string_value(c), "2021-03");
    assert_int_equal(c->precision, CLAIMS__PREC_MONTH);
    assert_string_equal(claims_claim_key(c), "date/robbery");
    assert_true(c->flags & CLAIMS__CF_INFERRED);
    c = date_claim(s, "earlier this year");
    assert_string_equal(claims_claim_string_value(c), "2021");
    assert_int_equal(c->precision, CLAIMS__PREC_YEAR);
    assert_string_equal(claims_claim_key(c), "date/election");
    c = date_claim(s, "yesterday");
    assert_string_equal(claims_claim_string_value(c), "2021-03-09");
    assert_string_equal(claims_claim_key(c), "date/visit");
    claims_story_free(s);
}

static void test_relative_days_cross_year(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Fireworks were banned yesterday. The ban was announced last month "
                                "and debated last year.\n",
                                "2020-01-01");
    assert_string_equal(claims_claim_string_value(date_claim(s, "yesterday")), "2019-12-31");
    assert_string_equal(claims_claim_string_value(date_claim(s, "last month")), "2019-12");
    assert_string_equal(claims_claim_string_value(date_claim(s, "last year")), "2019");
    claims_story_free(s);
}

static void test_relative_days_without_article_date(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The bridge collapsed yesterday after heavy rain.\n", NULL);
    const claims_claim *c = date_claim(s, "yesterday");
    assert_null(claims_claim_string_value(c));
    assert_string_equal(claims_claim_key(c), "date/collapse");
    claims_story_free(s);
}

/* ------------------------------------------------------------ years */

static void test_year_contexts(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The opposition won the election in 2019. Since 1994 the "
                                "province has held free polls. The 1989 collapse of the old "
                                "regime is still debated.\n",
                                NULL);
    const claims_claim *c = year_claim(s, "2019");
    assert_true(year_of(c) == 2019);
    assert_string_equal(claims_claim_key(c), "year/election");
    c = year_claim(s, "1994");
    assert_true(year_of(c) == 1994);
    c = year_claim(s, "1989");
    assert_string_equal(claims_claim_key(c), "year/collapse");
    assert_int_equal(tu_count(s, CLAIMS_KIND_YEAR), 3);
    claims_story_free(s);

    s = tu_story1("Prices climbed between 2005 and 2008. She joined the class of 2012.\n", NULL);
    assert_true(year_of(year_claim(s, "2005")) == 2005);
    assert_true(year_of(year_claim(s, "2008")) == 2008);
    assert_true(year_of(year_claim(s, "2012")) == 2012);
    claims_story_free(s);
}

static void test_year_clause_and_weak_link(void **state)
{
    (void)state;
    claims_story *s = tu_story1("In 2012, the miner bought two rival pits, a year after a short "
                                "war with its neighbour.\n",
                                NULL);
    const claims_claim *c = year_claim(s, "2012");
    assert_string_equal(claims_claim_key(c), "year/purchase");
    assert_non_null(c->weak_key);
    assert_string_equal(c->weak_key, "year/war");
    claims_story_free(s);
}

static void test_year_named_event(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Her grandfather fought in the 1950 Korean War. In 1944, during "
                                "World War II, the bridge was destroyed. The 1950 war ruined the "
                                "village.\n",
                                NULL);
    const claims_claim *c = year_claim(s, "1950");
    assert_string_equal(claims_claim_key(c), "year/korean war");
    c = year_claim(s, "1944");
    assert_string_equal(claims_claim_key(c), "year/world war ii");
    /* An unnamed war keys apart from the named one. */
    size_t n = 0;
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *x = claims_story_claim(s, i);
        if (claims_claim_kind(x) == CLAIMS_KIND_YEAR &&
            strcmp(claims_claim_key(x), "year/war") == 0)
            n++;
    }
    assert_int_equal(n, 1);
    claims_story_free(s);
}

static void test_year_not_counts_or_models(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The dealer sold 1,200 cars. She drives a 2015 Camry. The 2015 "
                                "model sold well. A Boeing 747 landed at gate 2010. The figure is "
                                "on page 12. Fares rose to $2020 a seat. Sales of the 1990s "
                                "collapsed. A town of 2000 people flooded. Around 1900 "
                                "protesters marched.\n",
                                NULL);
    if (tu_count(s, CLAIMS_KIND_YEAR) != 0)
        tu_dump(s);
    assert_int_equal(tu_count(s, CLAIMS_KIND_YEAR), 0);
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 0);
    claims_story_free(s);
}

static void test_year_spans_and_sentence(void **state)
{
    (void)state;
    const char *text = "Officials said the dam was finished in 1968.\n";
    claims_story *s = tu_story1(text, NULL);
    const claims_claim *c = year_claim(s, "1968");
    size_t b = 0, e = 0;
    claims_claim_span(c, &b, &e);
    assert_int_equal(b, (size_t)(strstr(text, "1968") - text));
    assert_int_equal(e, b + 4);
    claims_claim_sentence_span(c, &b, &e);
    assert_int_equal(b, 0);
    assert_string_equal(claims_claim_key(c), "year/-");
    assert_null(c->weak_key);
    claims_story_free(s);
}

/* Two articles: a year dated to a purchase with a weak link to a war
 * meets a year dated to the war on the key year/war. */
static void test_year_weak_key_meets_strong_key(void **state)
{
    (void)state;
    const char *texts[2] = {
        "In 2011, the navy bought six patrol boats, after the war with its neighbour.\n",
        "The navy lost two boats in their 2010 war.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    const claims_claim *a = year_claim(s, "2011");
    const claims_claim *b = year_claim(s, "2010");
    assert_string_equal(a->weak_key, b->key);
    assert_string_equal(b->key, "year/war");
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar_days_round_trip),
        cmocka_unit_test(test_calendar_weekday_known_days),
        cmocka_unit_test(test_calendar_month_days),
        cmocka_unit_test(test_calendar_iso_precision),
        cmocka_unit_test(test_edit_distance_transpositions),
        cmocka_unit_test(test_dateline_misspelt_month),
        cmocka_unit_test(test_dateline_wire_forms),
        cmocka_unit_test(test_dateline_given_date_wins),
        cmocka_unit_test(test_dateline_lead_sentence_is_not_one),
        cmocka_unit_test(test_dateline_absent),
        cmocka_unit_test(test_dateline_in_separate_title),
        cmocka_unit_test(test_dateline_headline_date_is_not_one),
        cmocka_unit_test(test_weekday_resolves_to_past_day),
        cmocka_unit_test(test_weekday_own_day_is_today),
        cmocka_unit_test(test_weekday_unknown_article_date),
        cmocka_unit_test(test_weekday_last_next_and_future),
        cmocka_unit_test(test_weekday_in_full_date_once),
        cmocka_unit_test(test_date_forms),
        cmocka_unit_test(test_date_follow_up_dateline_and_near_future),
        cmocka_unit_test(test_date_month_precision),
        cmocka_unit_test(test_date_month_words_that_are_not_dates),
        cmocka_unit_test(test_relative_days),
        cmocka_unit_test(test_relative_days_cross_year),
        cmocka_unit_test(test_relative_days_without_article_date),
        cmocka_unit_test(test_year_contexts),
        cmocka_unit_test(test_year_clause_and_weak_link),
        cmocka_unit_test(test_year_named_event),
        cmocka_unit_test(test_year_not_counts_or_models),
        cmocka_unit_test(test_year_spans_and_sentence),
        cmocka_unit_test(test_year_weak_key_meets_strong_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
