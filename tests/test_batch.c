/* Articles are read a batch at a time (story.c: each extractor over up
 * to eight articles before the next extractor), and the claims must come
 * out as reading one article at a time made them: the same claims in the
 * same order before the story-level passes, and the same report after.
 *
 * The story mixes beats, titles given apart (whose claims are rebased
 * into the title), an article too long for a batch (read alone), and
 * articles dense with figures, so that a batch makes more claims than
 * story.c puts back in order on the stack. All texts are our own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

typedef struct article {
    const char *id, *title, *published, *text;
} article;

static const article fixed[] = {
    {"flood", "River bursts its banks, 14 dead", "2021-07-16",
     "BAD LANDMARK, Germany (Wire) - The river rose 3 metres overnight and "
     "killed 14 people, the district council said on Friday.\n\n"
     "\"We have never seen water like this,\" said Petra Lang, the mayor. "
     "About 1,300 residents spent the night in two school halls."},
    {"heist", NULL, "2021-07-17",
     "Police arrested three men after thieves took $2.4 million in jewels "
     "from a shop on Main Street on Thursday.\n\n"
     "\"The alarm went off at 2 a.m.,\" Detective Omar Haddad said. The "
     "oldest suspect is 41, he added."},
    {"verdict", "Former treasurer guilty of taking $350,000", "2021-07-18",
     "A jury on Tuesday found the former city treasurer guilty of taking "
     "$350,000 from a pension fund between 2014 and 2017.\n\n"
     "Judge Alice Moreno set sentencing for September 9. \"The trust of "
     "the public was broken,\" she said."},
    {"merger", NULL, "2021-07-19",
     "Northwind Foods will buy Ridge Dairy for $1.2 billion, the companies "
     "said on Monday, and cut 600 jobs within two years.\n\n"
     "Shares of Ridge Dairy rose 18 percent. \"This is a good day for our "
     "farmers,\" chief executive Sam Okafor said."},
    {"final", "Harbour City win the cup before 52,000 fans", "2021-07-20",
     "Harbour City beat the Lakers 3-1 in the final on Sunday before 52,000 "
     "fans, their first title since 1998.\n\n"
     "\"The players gave everything,\" coach Ines Duarte said."},
    {"vote", NULL, "2021-07-21",
     "The governing party won 212 of the 400 seats in Sunday's election, "
     "and turnout was 61 percent, the election board said.\n\n"
     "\"Voters asked for calm,\" party leader Tomas Brenner told reporters."},
    {"quake", NULL, "2021-07-22",
     "A magnitude 6.1 earthquake struck the coast on Wednesday, injuring "
     "at least 80 people and damaging 300 homes.\n\n"
     "\"Aftershocks may follow for days,\" seismologist Mei Chen said."},
    {"fire", "Warehouse fire burns for 9 hours", "2021-07-23",
     "Firefighters needed 9 hours to put out a blaze that destroyed a "
     "warehouse in the port on Saturday. Two workers were hurt.\n\n"
     "\"The roof fell in around noon,\" fire chief Dana Kowalski said."},
};
enum { NFIXED = sizeof fixed / sizeof fixed[0] };

/* Appends to buf (of cap bytes, NUL-terminated) what fmt makes. */
static void append(char *buf, size_t cap, const char *fmt, ...)
{
    size_t n = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + n, cap - n, fmt, ap);
    va_end(ap);
    assert_true(w >= 0 && (size_t)w < cap - n);
}

/* An article of `lines` sentences, each with a figure of its own. */
static char *dense_text(size_t lines, unsigned seed)
{
    size_t cap = lines * 96 + 64;
    char *t = test_malloc(cap);
    t[0] = 0;
    for (size_t i = 0; i < lines; i++)
        append(t, cap, "%sThe depot shipped %u crates of rice on day %u.", i % 6 ? " " : "\n\n",
               (unsigned)(seed * 7 + i * 13 + 2), (unsigned)(i + 1));
    return t;
}

enum { NDENSE = 9, DENSE_LINES = 70, LONG_LINES = 900 };

/* Adds the story's articles: the fixed ones, a long one among them, then
 * the dense ones; the texts stay the caller's (copied by the story). */
static void add_all(claims_story *s, char **dense, char *longer)
{
    for (size_t i = 0; i < NFIXED; i++) {
        const article *a = &fixed[i];
        assert_int_equal(claims_story_add_article(s, a->id, a->title, a->published, a->text,
                                                  strlen(a->text), NULL),
                         CLAIMS_OK);
        if (i == 4)
            assert_int_equal(claims_story_add_article(s, "long", NULL, "2021-07-20", longer,
                                                      strlen(longer), NULL),
                             CLAIMS_OK);
    }
    for (size_t i = 0; i < NDENSE; i++) {
        char id[16];
        snprintf(id, sizeof id, "dense%zu", i);
        assert_int_equal(
            claims_story_add_article(s, id, NULL, "2021-07-24", dense[i], strlen(dense[i]), NULL),
            CLAIMS_OK);
    }
}

/* What a claim is, for comparing two stories' claims in order. */
static void assert_same_claim(const claims_claim *a, const claims_claim *b)
{
    assert_int_equal(claims_claim_article(a), claims_claim_article(b));
    assert_int_equal(claims_claim_kind(a), claims_claim_kind(b));
    size_t as, ae, bs, be;
    claims_claim_span(a, &as, &ae);
    claims_claim_span(b, &bs, &be);
    assert_int_equal(as, bs);
    assert_int_equal(ae, be);
    assert_int_equal(claims_claim_within(a), claims_claim_within(b));
}

static void test_batches_read_as_one_article_at_a_time(void **state)
{
    (void)state;
    char *dense[NDENSE];
    for (size_t i = 0; i < NDENSE; i++)
        dense[i] = dense_text(DENSE_LINES, (unsigned)i);
    char *longer = dense_text(LONG_LINES, 99);
    assert_true(strlen(longer) > 40 * 1024); /* more than a batch holds */

    claims_story *together = NULL, *alone = NULL;
    assert_int_equal(claims_story_new(NULL, &together), CLAIMS_OK);
    assert_int_equal(claims_story_new(NULL, &alone), CLAIMS_OK);
    add_all(together, dense, longer);
    add_all(alone, dense, longer);
    size_t n = claims_story_article_count(together);

    /* the extraction phase only: batches against one article a time */
    size_t failed = SIZE_MAX;
    together->checked = alone->checked = true;
    assert_int_equal(claims__check_articles(together, 0, n, &failed), CLAIMS_OK);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(claims__check_articles(alone, i, i + 1, &failed), CLAIMS_OK);
    assert_int_equal(failed, SIZE_MAX);
    assert_int_equal(claims_story_claim_count(together), claims_story_claim_count(alone));
    size_t per_article[NFIXED + 1 + NDENSE] = {0};
    for (size_t i = 0; i < claims_story_claim_count(alone); i++) {
        const claims_claim *c = together->claims[i];
        assert_same_claim(c, alone->claims[i]);
        /* grouped by article, in the articles' order */
        assert_true(i == 0 ||
                    claims_claim_article(together->claims[i - 1]) <= claims_claim_article(c));
        per_article[claims_claim_article(c)]++;
    }
    /* a batch of dense articles made more claims than the stack holds */
    size_t dense_claims = 0;
    for (size_t k = NFIXED + 1; k < n; k++) {
        assert_true(per_article[k] >= DENSE_LINES / 2);
        dense_claims += per_article[k];
    }
    assert_true(dense_claims > 600);
    for (size_t k = 0; k < NFIXED + 1; k++)
        assert_true(per_article[k] > 0);

    /* then the story-level passes: the same report, byte for byte */
    assert_int_equal(claims__check_finish(together), CLAIMS_OK);
    assert_int_equal(claims__check_finish(alone), CLAIMS_OK);
    char *ra = NULL, *rb = NULL;
    size_t la = 0, lb = 0;
    assert_int_equal(claims_story_report_alloc(together, CLAIMS_FORMAT_JSON, &ra, &la, NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_report_alloc(alone, CLAIMS_FORMAT_JSON, &rb, &lb, NULL),
                     CLAIMS_OK);
    assert_int_equal(la, lb);
    assert_memory_equal(ra, rb, la);
    /* the titles' claims were rebased into their titles */
    size_t in_title = 0;
    for (size_t i = 0; i < claims_story_claim_count(together); i++)
        in_title += claims_claim_within(claims_story_claim(together, i)) == CLAIMS_WITHIN_TITLE;
    assert_true(in_title >= 3);

    claims_report_free(ra);
    claims_report_free(rb);
    claims_story_free(together);
    claims_story_free(alone);
    for (size_t i = 0; i < NDENSE; i++)
        test_free(dense[i]);
    test_free(longer);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batches_read_as_one_article_at_a_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
