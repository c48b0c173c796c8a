/* Texts lent to a story (CLAIMS_OPT_BORROW_TEXT): the story keeps the
 * caller's bytes instead of a copy, never reads a byte past them nor
 * writes them, and reports exactly what a copied text gives.
 *
 * A lent text is placed flush against a PROT_NONE page, in read-only
 * memory: a read of text[len] (which a copy's NUL used to make harmless)
 * or any write ends the test with SIGSEGV. CLAIMS_BORROW_STRIDE=k tries
 * every k-th cut of the prefix sweep only (for slow runs: valgrind). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

/* ---------------------------------------------- texts */

/* Written for these tests. Datelines, dates in several spellings, counts,
 * money in three currencies, percentages, measures, ages, digit groups
 * after a no-break space, curly and straight quotes, a quote broken by
 * its attribution, reported speech, abbreviations, non-ASCII letters and
 * fractions; the last sentence ends inside an open quotation. */
static const char rich[] =
    "Harbor council backs $1.5 billion sea wall\n\n"
    "PORTVALE, Sept. 1, 2010 (Wire) \xe2\x80\x94 The harbor council approved a $1.5 billion "
    "sea wall on Monday, with 12 votes in favor and 3 against, after a storm in 2009 "
    "killed four people and damaged more than 300 homes along 25 km of coast.\n\n"
    "\xe2\x80\x9cWe have done what we promised,\xe2\x80\x9d Mayor Lena Ortiz, 52, said. "
    "\"It will take 4\xc2\xbd years,\" she added, \"and about 40% of the work starts in "
    "2011.\"\n\n"
    "Council member Jos\xc3\xa9 Marr\xc3\xb3n said that the U.S. Army Corps of Engineers "
    "would pay 500,000 euros, while the province adds 3\xc2\xa0" "000\xc2\xa0" "000 "
    "pesos. An estimated 1,200 workers will be hired by Jan. 15, officials said.\n\n"
    "Ortiz told reporters on Tuesday: \xe2\x80\x9cIt was the hardest year of my life, and "
    "the 7.2-magnitude quake of 1999";

static const char other[] =
    "PORTVALE, Sept. 2, 2010 \xe2\x80\x94 The harbor council voted 11-4 on Monday for a "
    "$1.4 billion sea wall. The 2009 storm killed five people, officials said.\n\n"
    "\xe2\x80\x9cWe have done what we said,\xe2\x80\x9d Mayor Lena Ortiz said. About 45% "
    "of the work starts in 2011, and 1,100 workers will be hired.";

/* Ends on a number, a quotation mark, a fraction, an abbreviation, a
 * dateline: the cuts where a scan may look one byte too far. */
static const char *const endings[] = {
    "WASHINGTON \xe2\x80\x94 Officials counted 1,200",
    "The fire chief said 14 people were rescued on Sept. 1, 2010",
    "\"We searched all night,\" the chief said. \"",
    "\xe2\x80\x9cWe searched all night,\xe2\x80\x9d",
    "Prices rose by 4\xc2\xbd",
    "The aid came from the U.S.",
    "The deal is worth $",
    "The team's",
    "LONDON (Reuters) -",
    "In 2009",
    "2010-11",
    "A 7.2-magnitude quake struck 300 km east of the city. It was Sept",
    "Ruiz, 52",
    "Rescuers found 3\xc2\xa0\x30\x30\x30", /* "3 000", a no-break space */
    "Rescuers pulled 14 people from the river on Friday.\r\n",
    "x",
};

/* ---------------------------------------------- lent memory */

/* A text in read-only pages whose last byte is the last byte before a
 * PROT_NONE page. */
typedef struct guarded {
    char *map;
    size_t maplen;
    const char *text;
} guarded;

static void guard_place(guarded *g, const char *src, size_t len)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t data = (len + page - 1) / page * page;
    g->maplen = data + page;
    void *m = mmap(NULL, g->maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    g->map = m;
    assert_int_equal(mprotect(g->map + data, page, PROT_NONE), 0);
    char *t = g->map + data - len;
    if (len)
        memcpy(t, src, len);
    if (data)
        assert_int_equal(mprotect(g->map, data, PROT_READ), 0);
    g->text = t;
}

static void guard_free(guarded *g)
{
    munmap(g->map, g->maplen);
}

/* ---------------------------------------------- stories */

typedef struct article {
    const char *id, *title, *published, *text;
    size_t len;
} article;

/* A checked story of the articles, their texts lent or copied. */
static claims_story *story_of(const article *arts, size_t n, int lend)
{
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, lend), CLAIMS_OK);
    for (size_t i = 0; i < n; i++)
        claims_story_add_article(s, arts[i].id, arts[i].title, arts[i].published, arts[i].text,
                                 arts[i].len, NULL);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    return s;
}

static char *report_of(const claims_story *s, claims_format f, size_t *len)
{
    char *r = NULL;
    assert_int_equal(claims_story_report_alloc(s, f, &r, len, NULL), CLAIMS_OK);
    return r;
}

/* The articles' texts lent from guarded pages give, in `formats`
 * formats, the bytes their copies give. */
static void assert_lent_reports_same(const article *arts, size_t n, int formats)
{
    guarded g[4];
    article lent[4];
    assert_true(n <= 4);
    for (size_t i = 0; i < n; i++) {
        guard_place(&g[i], arts[i].text, arts[i].len);
        lent[i] = arts[i];
        lent[i].text = g[i].text;
    }
    claims_story *copied = story_of(arts, n, 0), *borrowed = story_of(lent, n, 1);
    for (int f = 0; f < formats; f++) {
        size_t la, lb;
        char *a = report_of(copied, (claims_format)f, &la);
        char *b = report_of(borrowed, (claims_format)f, &lb);
        assert_int_equal(la, lb);
        assert_memory_equal(a, b, la);
        claims_report_free(a);
        claims_report_free(b);
    }
    claims_story_free(borrowed);
    claims_story_free(copied);
    for (size_t i = 0; i < n; i++)
        guard_free(&g[i]);
}

/* Whether p points into [b, b + n). */
static int within(const char *p, const char *b, size_t n)
{
    return (uintptr_t)p >= (uintptr_t)b && (uintptr_t)p < (uintptr_t)b + n;
}

/* ---------------------------------------------- tests */

static void test_borrow_option_values(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, 1), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, 0), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, 2),
                     CLAIMS_ERR_INVALID_ARGUMENT);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, -1),
                     CLAIMS_ERR_INVALID_ARGUMENT);
    assert_int_equal(claims_story_set_option(NULL, CLAIMS_OPT_BORROW_TEXT, 1),
                     CLAIMS_ERR_INVALID_ARGUMENT);
    claims_story_free(s);
}

/* Claims of a lent text point into the caller's bytes, those of a copied
 * one do not; the option applies to the articles added while it is set;
 * a title read apart makes a copy whatever the option says. */
static void test_borrow_claims_point_into_the_lent_bytes(void **state)
{
    (void)state;
    size_t len = strlen(other);
    char *lent = malloc(len), *copied = malloc(len), *titled = malloc(len);
    char *file = malloc(len), *text = malloc(len);
    assert_true(lent && copied && titled && file && text);
    memcpy(lent, other, len); /* no NUL after any of them */
    memcpy(copied, other, len);
    memcpy(titled, other, len);
    memcpy(file, other, len);
    memcpy(text, other, len);
    claims_story *s = NULL;
    claims_error err;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, 1), CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "lent", NULL, NULL, lent, len, &err),
                     CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "titled", "Sea wall vote", NULL, titled, len,
                                              &err),
                     CLAIMS_OK);
    assert_int_equal(claims_story_add_file(s, "wire.txt", file, len, &err), CLAIMS_OK);
    assert_int_equal(claims_story_add_text(s, "text", text, len, &err), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, 0), CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "copied", NULL, NULL, copied, len, &err),
                     CLAIMS_OK);
    /* The copies are the story's: these buffers may go now. */
    memset(copied, 'x', len);
    memset(titled, 'x', len);
    free(copied);
    free(titled);
    assert_int_equal(claims_story_check(s, &err), CLAIMS_OK);
    const char *const bufs[] = {lent, NULL, file, text, NULL};
    size_t seen[5] = {0};
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        size_t ai = claims_claim_article(c), n;
        const char *p = claims_claim_text(c, &n);
        assert_true(ai < 5);
        seen[ai]++;
        if (bufs[ai])
            assert_true(within(p, bufs[ai], len));
        else
            assert_false(within(p, lent, len) || within(p, file, len) || within(p, text, len));
    }
    for (size_t ai = 0; ai < 5; ai++)
        assert_true(seen[ai] >= 5);
    assert_int_equal(claims_story_article_bytes(s, 0), len);
    assert_string_equal(claims_story_article_id(s, 2), "wire");
    claims_story_free(s);
    free(lent);
    free(file);
    free(text);
}

/* Lending adds no allocation the size of the text: the story's own
 * allocations while adding a 200 KB article stay small. */
static size_t bytes_to_add(const char *text, size_t len, int lend)
{
    tu_counter k = {0, 0, 0, 0};
    claims_allocator a = tu_counting_allocator(&k);
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(&a, &s), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, lend), CLAIMS_OK);
    /* a first article makes what every story makes once (the id set, the
       arena the ids are kept in) */
    assert_int_equal(claims_story_add_text(s, "small", "A line.", 7, NULL), CLAIMS_OK);
    size_t before = k.total;
    assert_int_equal(claims_story_add_text(s, "big", text, len, NULL), CLAIMS_OK);
    size_t used = k.total - before;
    claims_story_free(s);
    return used;
}

static void test_borrow_adds_no_copy(void **state)
{
    (void)state;
    size_t n = strlen(other), reps = 200000 / (n + 2) + 1, len = reps * (n + 2);
    char *big = malloc(len);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++) {
        memcpy(big + i * (n + 2), other, n);
        memcpy(big + i * (n + 2) + n, "\n\n", 2);
    }
    assert_true(bytes_to_add(big, len, 0) > len);
    assert_true(bytes_to_add(big, len, 1) < 4096);
    free(big);
}

/* Whole stories, every report format: lent texts read nothing past
 * their last byte and give the copies' reports. */
static void test_borrow_reports_equal_copies(void **state)
{
    (void)state;
    const article story[] = {
        {"rich", NULL, NULL, rich, sizeof rich - 1},
        {"other", NULL, "2010-09-02", other, sizeof other - 1},
        /* a title apart: copied whatever the option, same report */
        {"titled", "Harbor council backs sea wall", NULL, other, sizeof other - 1},
    };
    assert_lent_reports_same(story, 3, CLAIMS_FORMAT_JUNIT + 1);
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        const article two[] = {
            {"a", NULL, NULL, endings[i], strlen(endings[i])},
            {"b", NULL, NULL, other, sizeof other - 1},
        };
        assert_lent_reports_same(two, 2, CLAIMS_FORMAT_JUNIT + 1);
    }
}

/* Every cut of the rich text, lent flush against the guard page next to
 * the whole other article: whatever byte a text ends on, nothing past it
 * is read, and the report is the copy's. Cuts inside a UTF-8 sequence
 * are rejected texts: also read to their end only. */
static void test_borrow_every_cut_reads_nothing_past_it(void **state)
{
    (void)state;
    const char *stride_env = getenv("CLAIMS_BORROW_STRIDE");
    size_t stride = stride_env && atoi(stride_env) > 0 ? (size_t)atoi(stride_env) : 1;
    for (size_t cut = 1; cut <= sizeof rich - 1; cut += stride) {
        const article two[] = {
            {"cut", NULL, NULL, rich, cut},
            {"other", NULL, NULL, other, sizeof other - 1},
        };
        assert_lent_reports_same(two, 2, CLAIMS_FORMAT_JSON + 1);
    }
}

/* A long article is read a window of paragraphs at a time (story.c,
 * about 256 KiB each). Its last window may have to end where no line
 * break or space is: there the window's end is backed off a UTF-8
 * sequence, and must not look at the byte after the text. A lent text
 * of normal paragraphs, then 200 KB of letters without a space, ending
 * on a two-byte letter, flush against the guard page. */
static void test_borrow_long_text_windows_stop_at_its_end(void **state)
{
    (void)state;
    size_t n = strlen(other), len = 460000, at = 0;
    char *text = malloc(len);
    assert_non_null(text);
    while (at + n + 2 <= 250000) {
        memcpy(text + at, other, n);
        memcpy(text + at + n, "\n\n", 2);
        at += n + 2;
    }
    while (at + 2 <= len) {
        memcpy(text + at, "\xc3\xa9", 2); /* e with an acute accent */
        at += 2;
    }
    len = at;
    const article one[] = {{"long", NULL, NULL, text, len}};
    assert_lent_reports_same(one, 1, CLAIMS_FORMAT_JSON + 1);
    free(text);
}

/* A rejected lent text is not kept: its bytes may go on return. */
static void test_borrow_rejected_text_is_not_kept(void **state)
{
    (void)state;
    claims_story *s = NULL;
    claims_error err;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_BORROW_TEXT, 1), CLAIMS_OK);
    guarded g;
    const char bad[] = "Rescuers pulled 14 people out.\xff";
    guard_place(&g, bad, sizeof bad - 1);
    assert_int_equal(claims_story_add_article(s, "bad", NULL, NULL, g.text, sizeof bad - 1,
                                              &err),
                     CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(err.offset, sizeof bad - 2);
    guard_free(&g); /* unmapped: a kept pointer would fault below */
    guard_place(&g, "   \n", 4);
    assert_int_equal(claims_story_add_article(s, "blank", NULL, NULL, g.text, 4, &err),
                     CLAIMS_ERR_EMPTY_TEXT);
    guard_free(&g);
    assert_int_equal(claims_story_check(s, &err), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 0);
    assert_int_equal(claims_story_rejected_count(s), 2);
    char *r = report_of(s, CLAIMS_FORMAT_JSON, NULL);
    claims_report_free(r);
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_borrow_option_values),
        cmocka_unit_test(test_borrow_claims_point_into_the_lent_bytes),
        cmocka_unit_test(test_borrow_adds_no_copy),
        cmocka_unit_test(test_borrow_reports_equal_copies),
        cmocka_unit_test(test_borrow_every_cut_reads_nothing_past_it),
        cmocka_unit_test(test_borrow_long_text_windows_stop_at_its_end),
        cmocka_unit_test(test_borrow_rejected_text_is_not_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
