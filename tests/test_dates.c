/* Tests of dates.c: calendar helpers, datelines, dates, weekdays, relative
 * days, years, and the events they date. Every sentence here is written
 * for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"
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
    assert_string_equal(claims_claim_key(c), "date/vote");
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
    assert_string_equal(claims_claim_key(c), "date/vote");
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
    assert_string_equal(claims_claim_key(c), "date/sentencing");
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

/* ------------------------------------------------------------ round two */

/* The key of the first date or year claim whose text contains `needle`. */
static const char *time_key(const claims_story *s, const char *needle)
{
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_DATE, needle);
    if (!c)
        c = tu_claim(s, CLAIMS_KIND_YEAR, needle);
    if (!c)
        tu_dump(s);
    assert_non_null(c);
    return claims_claim_key(c);
}

/* Is there any finding naming both claims? */
static bool linked(const claims_story *s, const claims_claim *a, const claims_claim *b)
{
    return tu_finding(s, CLAIMS_FINDING_AGREEMENT, a, b) ||
           tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b) ||
           tu_finding(s, CLAIMS_FINDING_COMPATIBLE, a, b);
}

/* Two reports name the quake before this one by different words and
 * years: one slot of its own, a strong contradiction, and nothing
 * against the date of the quake the story is about. */
static void test_event_previous_is_another_event(void **state)
{
    (void)state;
    const char *texts[2] = {
        "A 6.4-magnitude earthquake shook the valley on Sunday. The last quake this powerful "
        "struck the area in 1987.\n",
        "Officials recalled that the area's previous big earthquake, in 1986, left 300 dead.\n"};
    const char *dates[2] = {"2024-04-09", NULL};
    claims_story *s = tu_story(texts, dates, 2);
    const claims_claim *sun = date_claim(s, "Sunday");
    const claims_claim *a = year_claim(s, "1987");
    const claims_claim *b = year_claim(s, "1986");
    assert_string_equal(claims_claim_key(sun), "date/quake");
    assert_string_equal(claims_claim_key(a), "year/quake:previous");
    assert_string_equal(claims_claim_key(b), "year/quake:previous");
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, b);
    if (!f)
        tu_dump(s);
    assert_non_null(f);
    assert_true(claims_finding_confidence(f) >= 0.5);
    assert_true(!linked(s, sun, a));
    claims_story_free(s);
}

static void test_event_qualifiers(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "An earlier blast at the refinery, in 2011, injured nine workers. "
        "The next election must be held by 2027. "
        "The former ceasefire ended in 2014. "
        "The first tremor struck on Sunday and a second tremor hit on Monday. "
        "Her first trial ended on Tuesday. "
        "It was the first merger of two state banks since 1998. "
        "The prior deadly landslide buried the road in 2005.\n",
        "2024-06-12");
    assert_string_equal(time_key(s, "2011"), "year/explosion:previous");
    assert_string_equal(time_key(s, "2027"), "year/election:next");
    assert_string_equal(time_key(s, "2014"), "year/ceasefire:previous");
    assert_string_equal(time_key(s, "Sunday"), "date/quake:first");
    assert_string_equal(time_key(s, "Monday"), "date/quake:second");
    /* A rank of the story's own event: after a possessive, or scoped. */
    assert_string_equal(time_key(s, "Tuesday"), "date/trial");
    assert_string_equal(time_key(s, "1998"), "year/merger");
    /* Adjectives between the qualifier and the noun are skipped. */
    assert_string_equal(time_key(s, "2005"), "year/landslide:previous");
    claims_story_free(s);

    /* Without a qualifier the same sentence keys the plain event. */
    s = tu_story1("The blast at the refinery, in 2011, injured nine workers.\n", NULL);
    assert_string_equal(time_key(s, "2011"), "year/explosion");
    claims_story_free(s);
}

/* "the 1999 quake" next to "Monday's quake" is another quake; alone, it
 * is the quake the article is about. */
static void test_event_year_names_its_event(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Monday's quake toppled the old bell tower. The 1999 quake had "
                                "spared it. Survivors of the 1999 quake still recall August 17, "
                                "1999.\n",
                                "2023-11-08");
    assert_string_equal(time_key(s, "Monday"), "date/quake");
    size_t n = 0;
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *x = claims_story_claim(s, i);
        if (claims_claim_kind(x) == CLAIMS_KIND_YEAR) {
            assert_string_equal(claims_claim_key(x), "year/quake:1999");
            n++;
        }
    }
    assert_int_equal(n, 2);
    /* A date of that quake keys with it. */
    const claims_claim *aug = date_claim(s, "August 17");
    assert_string_equal(claims_claim_string_value(aug), "1999-08-17");
    assert_string_equal(claims_claim_key(aug), "date/quake:1999");
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL));
    claims_story_free(s);

    s = tu_story1("The 1999 quake toppled the old bell tower.\n", "2023-11-08");
    assert_string_equal(time_key(s, "1999"), "year/quake");
    claims_story_free(s);

    /* A recent date of the same year: the same quake. */
    s = tu_story1("Monday's quake toppled the bell tower. The 2023 quake was the worst in "
                  "memory.\n",
                  "2023-11-08");
    assert_string_equal(time_key(s, "2023"), "year/quake");
    claims_story_free(s);
}

/* The toll of a disaster has dates of its own; a possessive weekday dates
 * the noun phrase it stands in. */
static void test_event_toll_and_possessive_weekday(void **state)
{
    (void)state;
    /* 2023-02-08 is a Wednesday. */
    claims_story *s = tu_story1("Officials said the death toll from Monday's 6.9-magnitude "
                                "tremor near the coast had climbed to 57 on Tuesday.\n",
                                "2023-02-08");
    const claims_claim *mon = date_claim(s, "Monday");
    assert_string_equal(claims_claim_key(mon), "date/quake");
    assert_string_equal(claims_claim_string_value(mon), "2023-02-06");
    const claims_claim *tue = date_claim(s, "Tuesday");
    assert_string_equal(claims_claim_key(tue), "date/toll");
    claims_story_free(s);

    s = tu_story1("The toll rose to 12 on Friday. The quake on Wednesday was shallow.\n", NULL);
    assert_string_equal(time_key(s, "Friday"), "date/toll");
    assert_string_equal(time_key(s, "Wednesday"), "date/quake");
    claims_story_free(s);

    /* After "from" (a preposition) the possessive still determines. */
    s = tu_story1("Smoke from Thursday's blaze at the depot drifted over the port.\n", NULL);
    assert_string_equal(time_key(s, "Thursday"), "date/fire");
    claims_story_free(s);

    /* No event noun after it: no event, not the clause's. */
    s = tu_story1("After the vote, Friday's decision surprised traders.\n", NULL);
    assert_string_equal(time_key(s, "Friday"), "date/-");
    claims_story_free(s);

    /* A participle after a determiner describes a thing: no merger. */
    s = tu_story1("The merged airline will cut 900 jobs by next year.\n", "2023-02-08");
    assert_string_equal(time_key(s, "next year"), "date/-");
    claims_story_free(s);
    s = tu_story1("The two airlines merged in 2019.\n", NULL);
    assert_string_equal(time_key(s, "2019"), "year/merger");
    claims_story_free(s);

    /* The phrase a noun hangs on: "the trial over the shooting". */
    s = tu_story1("The trial over the shooting resumed on Monday.\n", NULL);
    assert_string_equal(time_key(s, "Monday"), "date/trial");
    claims_story_free(s);
}

/* Events of the disaster, crime, business and politics beats. */
static void test_event_beats(void **state)
{
    (void)state;
    static const struct {
        const char *text, *needle, *key;
    } cases[] = {
        {"Crews completed the rescue on Wednesday after a long dig.", "Wednesday", "date/rescue"},
        {"Villagers were evacuated on Thursday as the dam cracked.", "Thursday", "date/evacuation"},
        {"Police arrested the cashier on Friday.", "Friday", "date/arrest"},
        {"Prosecutors charged the pilot on Friday.", "Friday", "date/charge"},
        {"The accused appeared in court on Monday.", "Monday", "date/hearing"},
        {"The trial opened on Monday before a packed gallery.", "Monday", "date/trial"},
        {"Jurors reached a verdict on Tuesday.", "Tuesday", "date/verdict"},
        {"The banker was sentenced on Thursday.", "Thursday", "date/sentencing"},
        {"The heist took place on Saturday night.", "Saturday", "date/robbery"},
        {"A guard opened fire on Sunday.", "Sunday", "date/shooting"},
        {"The murder shocked the suburb in 2019.", "2019", "year/murder"},
        {"The blaze broke out on Monday.", "Monday", "date/fire"},
        {"The jet crashed on Tuesday.", "Tuesday", "date/crash"},
        {"Two ferries collided on Wednesday.", "Wednesday", "date/collision"},
        {"The freight train derailed on Friday.", "Friday", "date/derailment"},
        {"A gas explosion on Saturday wrecked the block.", "Saturday", "date/explosion"},
        {"The volcano erupted on Sunday.", "Sunday", "date/eruption"},
        {"A mudslide cut the highway on Monday.", "Monday", "date/landslide"},
        {"Flash floods on Tuesday swamped the town.", "Tuesday", "date/flood"},
        {"The cyclone made landfall on Wednesday.", "Wednesday", "date/landfall"},
        {"The merger closed in 2018.", "2018", "year/merger"},
        {"The buyout was completed in 2017.", "2017", "year/acquisition"},
        {"The takeover of the brewer closed in 2016.", "2016", "year/acquisition"},
        {"The chipmaker went public in 2014.", "2014", "year/ipo"},
        {"The stock rose in its market debut on Thursday.", "Thursday", "date/listing"},
        {"The lender posts quarterly results on Tuesday.", "Tuesday", "date/earnings"},
        {"The carmaker laid off 900 staff on Friday.", "Friday", "date/layoffs"},
        {"The two sides reached a settlement on Monday.", "Monday", "date/settlement"},
        {"The retailer filed for bankruptcy in 2020.", "2020", "year/bankruptcy"},
        {"The launch slipped to Friday.", "Friday", "date/launch"},
        {"The governor resigned on Sunday.", "Sunday", "date/resignation"},
        {"She was appointed envoy in 2016.", "2016", "year/appointment"},
        {"He was sworn in on Jan. 20, 2009.", "Jan. 20, 2009", "date/inauguration"},
        {"The runoff was held on Sunday.", "Sunday", "date/election"},
        {"Senators voted on Tuesday.", "Tuesday", "date/vote"},
        {"The plebiscite took place in 2016.", "2016", "year/referendum"},
        {"The summit ended on Friday.", "Friday", "date/meeting"},
        {"The truce took hold on Monday.", "Monday", "date/ceasefire"},
        {"Students marched on Saturday.", "Saturday", "date/protest"},
        {"Nurses went on strike on Monday.", "Monday", "date/strike"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        claims_story *s = tu_story1(cases[i].text, NULL);
        const char *k = time_key(s, cases[i].needle);
        if (strcmp(k, cases[i].key) != 0)
            print_error("case %zu: %s -> %s\n", i, cases[i].text, k);
        assert_string_equal(k, cases[i].key);
        claims_story_free(s);
    }
}

/* Lower-case month names date only with a year; ALL-CAPS ones anywhere. */
static void test_date_lowercase_and_allcaps_months(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The pact was signed in march 2021. The firm listed its shares on "
                                "june 3, 2020. Rates may rise in may. Officials may 2 times "
                                "delay it.\n",
                                NULL);
    const claims_claim *c = date_claim(s, "march 2021");
    assert_string_equal(claims_claim_string_value(c), "2021-03");
    c = date_claim(s, "june 3, 2020");
    assert_string_equal(claims_claim_string_value(c), "2020-06-03");
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 2);
    claims_story_free(s);

    s = tu_story1("KRAKOW, OCT 14, 2022 (AP) - The mine reopened on Friday.\n", NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2022-10-14");
    assert_string_equal(claims_claim_string_value(date_claim(s, "Friday")), "2022-10-14");
    claims_story_free(s);
}

static void test_dateline_numeric_and_stamps(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Harbour news\nUpdated: 17/08/2022 09:41\n\nThe ferry sailed on "
                                "Tuesday.\n",
                                NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2022-08-17");
    assert_null(tu_claim(s, CLAIMS_KIND_DATE, "17/08"));
    assert_null(tu_claim(s, CLAIMS_KIND_YEAR, NULL));
    assert_string_equal(claims_claim_string_value(date_claim(s, "Tuesday")), "2022-08-16");
    claims_story_free(s);

    s = tu_story1("2022-08-17T09:41:00Z\nThe ferry sailed on Tuesday.\n", NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2022-08-17");
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 1);
    claims_story_free(s);

    s = tu_story1("Ferries\nPublished 2022-08-17T09:41:00+02:00\nThe ferry sailed on Tuesday.\n",
                  NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2022-08-17");
    claims_story_free(s);

    /* Both numbers could be the month: day-first, in a dateline only. */
    s = tu_story1("Harbour news\nUpdated: 03/04/2022 09:41\n\nThe ferry sailed.\n", NULL);
    assert_non_null(published(s));
    assert_string_equal(published(s), "2022-04-03");
    claims_story_free(s);
}

static void test_date_numeric_in_text(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The ferry was seized on 17/08/2022 and freed on 09/21/2022. It "
                                "was sold on 24.10.2022. The hull was refitted on 03/04/2022. The "
                                "log ends 2022/11/30.\n",
                                NULL);
    assert_string_equal(claims_claim_string_value(date_claim(s, "17/08/2022")), "2022-08-17");
    assert_string_equal(claims_claim_string_value(date_claim(s, "09/21/2022")), "2022-09-21");
    assert_string_equal(claims_claim_string_value(date_claim(s, "24.10.2022")), "2022-10-24");
    assert_string_equal(claims_claim_string_value(date_claim(s, "2022/11/30")), "2022-11-30");
    /* Ambiguous in a sentence: neither a date nor a year. */
    assert_null(tu_claim(s, CLAIMS_KIND_DATE, "03/04"));
    assert_int_equal(tu_count(s, CLAIMS_KIND_YEAR), 0);
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 4);
    claims_story_free(s);
}

static void test_dateline_wire_without_date(void **state)
{
    (void)state;
    claims_story *s = tu_story1("GDANSK (Reuters) - Dock workers walked out on Thursday.\n", NULL);
    assert_null(published(s));
    const claims_claim *c = date_claim(s, "Thursday");
    assert_null(claims_claim_string_value(c));
    assert_string_equal(claims_claim_key(c), "date/strike");
    claims_story_free(s);

    /* No year in the dateline: undated, and the dateline is no claim. */
    s = tu_story1("GDANSK, Sept. 8 (Reuters) - Dock workers walked out on Thursday.\n", NULL);
    assert_null(published(s));
    assert_null(tu_claim(s, CLAIMS_KIND_DATE, "Sept"));
    assert_int_equal(tu_count(s, CLAIMS_KIND_DATE), 1);
    claims_story_free(s);

    /* The given date dates it. 2022-09-08 is a Thursday. */
    s = tu_story1("GDANSK, Sept. 8 (Reuters) - Dock workers walked out on Thursday.\n",
                  "2022-09-08");
    assert_string_equal(published(s), "2022-09-08");
    assert_null(tu_claim(s, CLAIMS_KIND_DATE, "Sept"));
    assert_string_equal(claims_claim_string_value(date_claim(s, "Thursday")), "2022-09-08");
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
        cmocka_unit_test(test_event_previous_is_another_event),
        cmocka_unit_test(test_event_qualifiers),
        cmocka_unit_test(test_event_year_names_its_event),
        cmocka_unit_test(test_event_toll_and_possessive_weekday),
        cmocka_unit_test(test_event_beats),
        cmocka_unit_test(test_date_lowercase_and_allcaps_months),
        cmocka_unit_test(test_dateline_numeric_and_stamps),
        cmocka_unit_test(test_date_numeric_in_text),
        cmocka_unit_test(test_dateline_wire_without_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
