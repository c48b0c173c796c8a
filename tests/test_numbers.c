/* Tests for numbers.c that need its internals: the singular helper, byte
 * spans, and the title flag. What numbers.c extracts from a sentence is
 * tested as data in tests/cases/extract/ (counts, money, measures,
 * number-formats, not-quantities). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"
#include "testutil.h"

static void test_numbers_singular_helper(void **state)
{
    (void)state;
    char out[32];
    claims__numbers_singular("casualties", 10, out, sizeof out);
    assert_string_equal(out, "casualty");
    claims__numbers_singular("boxes", 5, out, sizeof out);
    assert_string_equal(out, "box");
    claims__numbers_singular("drones", 6, out, sizeof out);
    assert_string_equal(out, "drone");
    claims__numbers_singular("census", 6, out, sizeof out);
    assert_string_equal(out, "census");
    claims__numbers_singular("witnesses", 9, out, sizeof out);
    assert_string_equal(out, "witness");
    claims__numbers_singular("drones", 6, out, 4);
    assert_string_equal(out, "dro");
    /* a "y" ending cut short: the stem gives way to it, and it is
     * dropped only where no stem byte fits before it */
    assert_int_equal(claims__numbers_singular("casualties", 10, out, 5), 4);
    assert_string_equal(out, "casy");
    assert_int_equal(claims__numbers_singular("casualties", 10, out, 2), 1);
    assert_string_equal(out, "y");
    assert_int_equal(claims__numbers_singular("casualties", 10, out, 1), 0);
    assert_string_equal(out, "");
}

static void test_counts_spans_are_source_bytes(void **state)
{
    (void)state;
    const char *text = "Officials confirmed that 3 climbers were rescued.";
    claims_story *s = tu_story1(text, NULL);
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_COUNT, "3 climbers");
    assert_non_null(c);
    size_t b = 0, e = 0;
    claims_claim_span(c, &b, &e);
    assert_int_equal(b, (size_t)(strstr(text, "3 climbers") - text));
    assert_int_equal(e - b, strlen("3 climbers"));
    claims_story_free(s);
}

/* The title line given apart and repeated as the text's first line: the
 * claim there is marked as the title's (the case "the title given apart"
 * in tests/cases/extract/counts.txt has its key and value). */
static void test_counts_title_flag(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *text = "Ferry sinking kills 31 near port\n\nThe ferry sank near the port.\n";
    assert_int_equal(claims_story_add_article(s, "t", "Ferry sinking kills 31 near port", NULL,
                                              text, strlen(text), NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_COUNT, "31");
    assert_non_null(c);
    assert_true(c->flags & CLAIMS__CF_TITLE);
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_singular_helper),
        cmocka_unit_test(test_counts_spans_are_source_bytes),
        cmocka_unit_test(test_counts_title_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
