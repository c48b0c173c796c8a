/* A long article is read a window of paragraphs at a time (issue 12,
 * item 6): its working memory stays bounded while it gives the claims,
 * with offsets into the whole text, that reading it whole gives.
 *
 * The article is one block of paragraphs from several beats, repeated
 * until the text is several windows long. Every copy must give the claims
 * one copy gives, at the same place in its copy; and no single
 * allocation during the check may come near the size the whole text's
 * tokens would take (32 bytes a token, about one token in five bytes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* One copy: figures, dates and quotes from several beats, with prose
 * between them, in paragraphs parted by blank lines. */
static const char BLOCK[] =
    "Crews worked through the night after the storm, and by morning 14 homes on the "
    "east side of the river had been declared unsafe.\n\n"
    "The county will spend $2.5 million on repairs, the council said on Tuesday, and "
    "the work should take about six weeks.\n\n"
    "\"We are not leaving anyone behind on this,\" said Mayor Lena Ortiz, who toured the "
    "damaged streets with two engineers.\n\n"
    "In court, the jury heard that the firm had shipped 480 faulty valves between 2016 "
    "and 2018 before a plant inspector raised the alarm.\n\n"
    "The club finished the season with 87 wins, its best record since 2004, and drew "
    "an average crowd of 31,000 at home.\n\n"
    "Shares of the retailer fell 12% in early trading after it cut its forecast for the "
    "year, the third cut in as many quarters.\n\n"
    "Nobody in the neighbourhood could remember a flood like it, and several people said "
    "they would wait for the insurers before deciding anything at all.\n\n";

static claims_story *check(const char *text, size_t len, tu_counter *c)
{
    claims_allocator al = tu_counting_allocator(c);
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(&al, &s), CLAIMS_OK);
    /* the claims are what is read in windows; 7,000 copies of one figure
     * would only make findings */
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_COMPARE, 0), CLAIMS_OK);
    claims_error err;
    assert_int_equal(claims_story_add_article(s, "long", NULL, NULL, text, len, &err),
                     CLAIMS_OK);
    c->largest = 0;
    assert_int_equal(claims_story_check(s, &err), CLAIMS_OK);
    return s;
}

/* Checks BLOCK with its blank lines written as `sep`, repeated to about
 * 3 MB, against one copy. */
static void long_article(const char *sep)
{
    char block[sizeof BLOCK];
    size_t bl = 0;
    for (const char *p = BLOCK; *p;) {
        if (strncmp(p, "\n\n", 2) == 0) {
            memcpy(block + bl, sep, strlen(sep));
            bl += strlen(sep);
            p += 2;
        } else {
            block[bl++] = *p++;
        }
    }
    block[bl] = 0;
    /* about 3 MB: a dozen windows */
    size_t copies = 3 * 1024 * 1024 / bl + 1;
    char *text = malloc(copies * bl);
    assert_non_null(text);
    for (size_t k = 0; k < copies; k++)
        memcpy(text + k * bl, block, bl);

    tu_counter one = {0, 0, 0, 0};
    claims_story *s1 = check(block, bl, &one);
    size_t per = claims_story_claim_count(s1);
    assert_true(per >= 7);

    tu_counter all = {0, 0, 0, 0};
    claims_story *s = check(text, copies * bl, &all);
    assert_int_equal(claims_story_claim_count(s), copies * per);
    for (size_t i = 0; i < copies * per; i++) {
        const claims_claim *c = claims_story_claim(s, i);
        const claims_claim *c1 = claims_story_claim(s1, i % per);
        size_t b, e, b1, e1;
        claims_claim_span(c, &b, &e);
        claims_claim_span(c1, &b1, &e1);
        size_t base = i / per * bl;
        if (b != base + b1 || e != base + e1 || claims_claim_kind(c) != claims_claim_kind(c1) ||
            strcmp(claims_claim_key(c), claims_claim_key(c1)) != 0)
            fail_msg("claim %zu (copy %zu): %zu-%zu %s, expected %zu-%zu %s", i, i / per, b, e,
                     claims_claim_key(c), base + b1, base + e1, claims_claim_key(c1));
    }
    /* Whole, the text's tokens alone would be one block of about 6.4
     * bytes a byte of text; a window's are a few MB at most. */
    assert_true(all.largest < copies * bl);
    claims_story_free(s1);
    claims_story_free(s);
    free(text);
}

static void test_long_article_reads_in_windows(void **state)
{
    (void)state;
    long_article("\n\n");
}

/* With no blank line, a window ends at a line break. */
static void test_long_article_of_single_lines(void **state)
{
    (void)state;
    long_article("\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_article_reads_in_windows),
        cmocka_unit_test(test_long_article_of_single_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
