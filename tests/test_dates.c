/* Tests of dates.c that need its internals: calendar helpers, the edit
 * distance behind misspelt months, and byte spans. What dates.c extracts
 * from a sentence (datelines, dates, weekdays, relative days, years and
 * their events) is tested as data in tests/cases/extract/ (datelines,
 * dates, years, events, event-beats) and tests/cases/compare/events.txt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"
#include "testutil.h"

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
    /* every digit of the year, and zeros where one is short */
    claims__date early = {987, 12, 31}, late = {9999, 1, 1}, past = {10000, 10, 10};
    claims__date_iso(&early, CLAIMS__PREC_DAY, out);
    assert_string_equal(out, "0987-12-31");
    claims__date_iso(&late, CLAIMS__PREC_DAY, out);
    assert_string_equal(out, "9999-01-01");
    claims__date_iso(&past, CLAIMS__PREC_DAY, out);
    assert_string_equal(out, "XXXX-10-10");
    /* a month or day out of its range is written as before: its last
     * two digits */
    claims__date odd = {2001, 112, 7};
    claims__date_iso(&odd, CLAIMS__PREC_DAY, out);
    assert_string_equal(out, "2001-12-07");
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
    /* Only a band of the table is computed, and a search gives up once two
     * rows are above the cap: the edges of both. */
    assert_int_equal(claims__edit_distance("badcfe", 6, "abcdef", 6, 3), 3);
    assert_int_equal(claims__edit_distance("badcfe", 6, "abcdef", 6, 2), 3);
    assert_int_equal(claims__edit_distance("xyzuly", 6, "july", 4, 2), 3);
    assert_int_equal(claims__edit_distance("xxjuly", 6, "july", 4, 2), 2);
    assert_int_equal(claims__edit_distance("julyxx", 6, "july", 4, 2), 2);
    assert_int_equal(claims__edit_distance("jluy", 4, "july", 4, 0), 1);
    assert_int_equal(claims__edit_distance("july", 4, "july", 4, 0), 0);
}

/* ------------------------------------------------------------ spans */

static void test_year_spans_and_sentence(void **state)
{
    (void)state;
    const char *text = "Officials said the dam was finished in 1968.\n";
    claims_story *s = tu_story1(text, NULL);
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_YEAR, "1968");
    assert_non_null(c);
    size_t b = 0, e = 0;
    claims_claim_span(c, &b, &e);
    assert_int_equal(b, (size_t)(strstr(text, "1968") - text));
    assert_int_equal(e, b + 4);
    claims_claim_sentence_span(c, &b, &e);
    assert_int_equal(b, 0);
    claims_story_free(s);
}

static void test_calendar_iso_parse_and_year_like(void **state)
{
    (void)state;
    claims__date d;
    bool yl;
    assert_int_equal(claims__iso_parse("2010-09-06", 10, &d, &yl), CLAIMS__PREC_DAY);
    assert_false(yl);
    assert_int_equal(d.year * 10000 + d.month * 100 + d.day, 20100906);
    assert_int_equal(claims__iso_parse("2010-09", 7, &d, &yl), CLAIMS__PREC_MONTH);
    assert_int_equal(claims__iso_parse("2010", 4, &d, &yl), CLAIMS__PREC_YEAR);
    assert_int_equal(claims__iso_parse("XXXX-08-06", 10, &d, &yl), CLAIMS__PREC_DAY);
    assert_true(yl);
    assert_int_equal(d.year, 0);
    assert_int_equal(d.month, 8);
    assert_int_equal(claims__iso_parse("2010-13-01", 10, &d, &yl), CLAIMS__PREC_NONE);
    assert_int_equal(claims__iso_parse("2010-02-32", 10, &d, &yl), CLAIMS__PREC_NONE);
    assert_int_equal(claims__iso_parse("2010-2-3", 8, &d, &yl), CLAIMS__PREC_NONE);
    assert_int_equal(claims__iso_parse("20a0", 4, &d, &yl), CLAIMS__PREC_NONE);
    assert_true(claims__is_leap_year(2000));
    assert_false(claims__is_leap_year(1900));
    assert_true(claims__is_leap_year(2024));
    assert_true(claims__year_like(1000) && claims__year_like(2100));
    assert_false(claims__year_like(999) || claims__year_like(2101));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar_days_round_trip),
        cmocka_unit_test(test_calendar_iso_parse_and_year_like),
        cmocka_unit_test(test_calendar_weekday_known_days),
        cmocka_unit_test(test_calendar_month_days),
        cmocka_unit_test(test_calendar_iso_precision),
        cmocka_unit_test(test_edit_distance_transpositions),
        cmocka_unit_test(test_year_spans_and_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
