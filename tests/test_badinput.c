/*
 * test_badinput.c - hostile, broken and very large input through the
 * public API: every bad article is rejected with the right status and byte
 * offset, every good article around it is still checked and reported, and
 * nothing leaks (each story runs on a counting allocator, and the suite
 * runs under ASan in CI).
 *
 * Sizes: the big-article case uses 8 MB by default so the whole file stays
 * well under a minute in a debug ASan build; CLAIMS_TEST_BIG=1 runs the
 * full 50 MB. The many-articles case always uses 100,000 articles.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* ------------------------------------------------------------ helpers */

/* Counts live blocks so each test can prove the story freed everything. */
typedef struct counting {
    long long live;
    size_t calls;
} counting;

static void *c_malloc(size_t n, void *ud)
{
    counting *c = ud;
    void *p = malloc(n ? n : 1);
    if (p) {
        c->live++;
        c->calls++;
    }
    return p;
}

static void *c_realloc(void *p, size_t n, void *ud)
{
    counting *c = ud;
    void *q = realloc(p, n ? n : 1);
    if (q && !p)
        c->live++;
    if (q)
        c->calls++;
    return q;
}

static void c_free(void *p, void *ud)
{
    counting *c = ud;
    assert_non_null(p); /* claims.h: free_fn never receives NULL */
    c->live--;
    free(p);
}

static claims_story *new_story(counting *cnt)
{
    claims_allocator a = {c_malloc, c_realloc, c_free, cnt};
    claims_story *s = NULL;
    memset(cnt, 0, sizeof *cnt);
    assert_int_equal(claims_story_new(&a, &s), CLAIMS_OK);
    assert_non_null(s);
    return s;
}

static void free_story(claims_story *s, counting *cnt)
{
    claims_story_free(s);
    assert_int_equal(cnt->live, 0);
}

/* A growing buffer for reports. */
typedef struct outbuf {
    char *data;
    size_t len, cap;
} outbuf;

static int out_write(void *ud, const char *data, size_t len)
{
    outbuf *o = ud;
    if (o->len + len + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (o->len + len + 1 > cap)
            cap *= 2;
        char *d = realloc(o->data, cap);
        if (!d)
            return 1;
        o->data = d;
        o->cap = cap;
    }
    memcpy(o->data + o->len, data, len);
    o->len += len;
    o->data[o->len] = 0;
    return 0;
}

/* The JSON report of a checked story, NUL-terminated; free() it. */
static char *json_report(const claims_story *s)
{
    outbuf o = {NULL, 0, 0};
    claims_error err;
    assert_int_equal(claims_story_write_report(s, CLAIMS_FORMAT_JSON, out_write, &o, &err),
                     CLAIMS_OK);
    assert_non_null(o.data);
    assert_true(strncmp(o.data, "{\"schema\":\"claims-report/1\"", 27) == 0);
    assert_true(o.data[o.len - 1] == '}' || o.data[o.len - 1] == '\n');
    return o.data;
}

/* Every report format completes on the story (discarding the bytes). */
static int discard(void *ud, const char *data, size_t len)
{
    (void)data;
    *(size_t *)ud += len;
    return 0;
}

static void all_reports_complete(const claims_story *s)
{
    for (int f = CLAIMS_FORMAT_TEXT; f <= CLAIMS_FORMAT_JUNIT; f++) {
        size_t total = 0;
        assert_int_equal(claims_story_write_report(s, (claims_format)f, discard, &total, NULL),
                         CLAIMS_OK);
        assert_true(total > 0);
    }
}

/* Invariants that hold for every claim of any input: spans inside the
 * text, the claim's text pointer agrees with its span, sentences carry no
 * surrounding line breaks (CR included). */
static void claims_are_sane(const claims_story *s)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        size_t ai = claims_claim_article(c);
        assert_true(ai < claims_story_article_count(s));
        size_t bytes = claims_story_article_bytes(s, ai);
        size_t start, end, ss, se, len;
        claims_claim_span(c, &start, &end);
        claims_claim_sentence_span(c, &ss, &se);
        assert_true(start < end);
        assert_true(end <= bytes);
        assert_true(ss <= start && end <= se && se <= bytes);
        const char *t = claims_claim_text(c, &len);
        assert_int_equal(len, end - start);
        assert_non_null(t);
        const char *base = t - start;
        assert_true(base[ss] != '\r' && base[ss] != '\n');
        assert_true(base[se - 1] != '\r' && base[se - 1] != '\n');
    }
}

static const char GOOD_A[] =
    "Rescuers pulled 14 survivors from the collapsed hotel on Tuesday, the fire "
    "service said.\n\"We are still hearing voices,\" said the fire chief, Rosa Klein.\n";
static const char GOOD_B[] =
    "The hotel collapse killed 9 people, officials said on Wednesday.\n";

/* Adds GOOD_A as "before", the bad text as "bad", GOOD_B as "after";
 * checks the rejection, runs the check and verifies the report. */
static void reject_between_good(const char *bad, size_t len, claims_status want,
                                int want_has_offset, size_t want_offset)
{
    counting cnt;
    claims_story *s = new_story(&cnt);
    claims_error err;
    assert_int_equal(claims_story_add_article(s, "before", NULL, NULL, GOOD_A,
                                              strlen(GOOD_A), &err),
                     CLAIMS_OK);
    memset(&err, 0, sizeof err);
    assert_int_equal(claims_story_add_article(s, "bad", NULL, NULL, bad, len, &err), want);
    assert_int_equal(err.code, want);
    assert_non_null(err.message);
    assert_string_equal(err.article, "bad");
    assert_int_equal(err.has_offset != 0, want_has_offset != 0);
    if (want_has_offset)
        assert_int_equal(err.offset, want_offset);
    assert_int_equal(claims_story_add_article(s, "after", NULL, NULL, GOOD_B,
                                              strlen(GOOD_B), &err),
                     CLAIMS_OK);

    assert_int_equal(claims_story_rejected_count(s), 1);
    assert_string_equal(claims_story_rejected_id(s, 0), "bad");
    assert_int_equal(claims_story_rejected_code(s, 0), want);
    assert_non_null(claims_story_rejected_message(s, 0));
    if (want_has_offset)
        assert_true(claims_story_rejected_offset(s, 0) == (long long)want_offset);
    else
        assert_true(claims_story_rejected_offset(s, 0) == -1);

    assert_int_equal(claims_story_check(s, &err), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 2);
    assert_string_equal(claims_story_article_id(s, 0), "before");
    assert_string_equal(claims_story_article_id(s, 1), "after");
    /* Both good articles still yield claims. */
    int seen[2] = {0, 0};
    for (size_t i = 0; i < claims_story_claim_count(s); i++)
        seen[claims_claim_article(claims_story_claim(s, i))] = 1;
    assert_true(seen[0] && seen[1]);
    claims_are_sane(s);

    char *json = json_report(s);
    assert_non_null(strstr(json, "{\"id\":\"before\""));
    assert_non_null(strstr(json, "{\"id\":\"after\""));
    char *rej = strstr(json, "\"rejected\":[");
    assert_non_null(rej);
    char *bad_entry = strstr(rej, "{\"id\":\"bad\"");
    assert_non_null(bad_entry);
    char want_off[48];
    if (want_has_offset)
        snprintf(want_off, sizeof want_off, "\"offset\":%zu", want_offset);
    else
        snprintf(want_off, sizeof want_off, "\"offset\":null");
    char *eol = strchr(bad_entry, '}');
    assert_non_null(eol);
    *eol = 0;
    assert_non_null(strstr(bad_entry, want_off));
    free(json);
    all_reports_complete(s);
    free_story(s, &cnt);
}

#define REJECT(lit, want, off) reject_between_good(lit, sizeof lit - 1, want, 1, off)

/* ---------------------------------------------------------- UTF-8 */

static void test_utf8_invalid_at_start(void **state)
{
    (void)state;
    REJECT("\xff" "Four boats sank.", CLAIMS_ERR_INVALID_UTF8, 0);
    REJECT("\x80" "Four boats sank.", CLAIMS_ERR_INVALID_UTF8, 0);
}

static void test_utf8_invalid_in_middle(void **state)
{
    (void)state;
    REJECT("Four boats \xfe sank.", CLAIMS_ERR_INVALID_UTF8, 11);
    /* A two-byte lead followed by ASCII: the offset names the lead. */
    REJECT("Caf\xc3" "e owner, 52, said.", CLAIMS_ERR_INVALID_UTF8, 3);
    /* A good multi-byte character before the bad byte counts its bytes. */
    REJECT("Z\xc3\xbcrich \xe2\x80\x94 12 \xbf hurt.", CLAIMS_ERR_INVALID_UTF8, 15);
}

static void test_utf8_truncated_at_end(void **state)
{
    (void)state;
    REJECT("The euro fell 2% to \xe2\x82", CLAIMS_ERR_INVALID_UTF8, 20);
    REJECT("Ends with a lead byte \xf0", CLAIMS_ERR_INVALID_UTF8, 22);
    REJECT("Ends with three of four \xf0\x9f\x98", CLAIMS_ERR_INVALID_UTF8, 24);
}

static void test_utf8_overlong_forms_rejected(void **state)
{
    (void)state;
    REJECT("slash \xc0\xaf here", CLAIMS_ERR_INVALID_UTF8, 6);
    REJECT("nul \xc0\x80 here", CLAIMS_ERR_INVALID_UTF8, 4);
    REJECT("three \xe0\x80\xaf here", CLAIMS_ERR_INVALID_UTF8, 6);
    REJECT("four \xf0\x80\x80\xaf here", CLAIMS_ERR_INVALID_UTF8, 5);
    REJECT("euro \xf0\x82\x82\xac overlong", CLAIMS_ERR_INVALID_UTF8, 5);
}

static void test_utf8_surrogates_and_range_rejected(void **state)
{
    (void)state;
    REJECT("high \xed\xa0\x80 surrogate", CLAIMS_ERR_INVALID_UTF8, 5);
    REJECT("low \xed\xbf\xbf surrogate", CLAIMS_ERR_INVALID_UTF8, 4);
    /* CESU-8 style pair for U+1F600. */
    REJECT("pair \xed\xa0\xbd\xed\xb8\x80.", CLAIMS_ERR_INVALID_UTF8, 5);
    REJECT("beyond \xf4\x90\x80\x80 U+10FFFF", CLAIMS_ERR_INVALID_UTF8, 7);
    REJECT("lead \xf5\x80\x80\x80 F5", CLAIMS_ERR_INVALID_UTF8, 5);
}

static void test_utf8_nul_byte_rejected(void **state)
{
    (void)state;
    REJECT("\0Eight ships.", CLAIMS_ERR_NUL_BYTE, 0);
    REJECT("Eight ships\0 sank.", CLAIMS_ERR_NUL_BYTE, 11);
    REJECT("Eight ships sank.\0", CLAIMS_ERR_NUL_BYTE, 17);
}

/* The validator takes ASCII 64 and 16 bytes a step and the common
 * typographic marks (E2 80 xx) whole: a bad byte is found, and named by
 * its offset, wherever it falls in or across those steps, after a run of
 * marks or of plain bytes. */
static void test_utf8_bad_byte_at_every_offset(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len, off; /* the bad bytes, and the offset named from them */
        claims_status want;
    } bad[] = {
        {"\xff", 1, 0, CLAIMS_ERR_INVALID_UTF8},
        {"\0", 1, 0, CLAIMS_ERR_NUL_BYTE},
        {"\xe2\x80.", 3, 0, CLAIMS_ERR_INVALID_UTF8},     /* a mark cut short */
        {"\xe2\x80\x94\x80", 4, 3, CLAIMS_ERR_INVALID_UTF8}, /* a dash, then a stray byte */
        {"\xed\xa0\x80", 3, 0, CLAIMS_ERR_INVALID_UTF8},  /* a surrogate */
    };
    char text[240];
    counting cnt;
    claims_story *s = new_story(&cnt);
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        for (size_t at = 0; at + bad[b].len + 20 <= sizeof text; at++) {
            /* plain words, or curly quotes every few bytes, before it */
            for (size_t i = 0; i < sizeof text; i++)
                text[i] = (char)('a' + i % 26);
            if (b % 2)
                for (size_t i = 5; i + 3 <= at; i += 9)
                    memcpy(text + i, "\xe2\x80\x9c", 3);
            memcpy(text + at, bad[b].bytes, bad[b].len);
            claims_error err;
            memset(&err, 0, sizeof err);
            assert_int_equal(claims_story_add_article(s, "bad", NULL, NULL, text, sizeof text, &err),
                             bad[b].want);
            assert_int_equal(err.offset, at + bad[b].off);
        }
    }
    assert_int_equal(claims_story_article_count(s), 0);
    free_story(s, &cnt);
}

static void test_text_empty_rejected(void **state)
{
    (void)state;
    reject_between_good("", 0, CLAIMS_ERR_EMPTY_TEXT, 1, 0);
    reject_between_good(" \t\r\n\n  ", 7, CLAIMS_ERR_EMPTY_TEXT, 1, 0);
    /* NULL text with length 0 is an empty article, not a crash. */
    reject_between_good(NULL, 0, CLAIMS_ERR_EMPTY_TEXT, 1, 0);
}

/* Well-formed text that is unusual but valid: accepted, and spans stay
 * byte offsets into the caller's bytes. */
static void test_utf8_unusual_but_valid_accepted(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "\xef\xbb\xbf" "Floods forced 300 families from their homes on Friday.",
        "Noncharacters \xef\xbf\xbf and \xf4\x8f\xbf\xbf are valid UTF-8; 6 roads closed.",
        "Emoji \xf0\x9f\x8c\x8a and combining e\xcc\x81 marks: 45 villages flooded.",
        "Right-to-left \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 and "
        "\xe2\x80\x8f marks; 21 bridges fell.",
    };
    counting cnt;
    claims_story *s = new_story(&cnt);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char id[16];
        snprintf(id, sizeof id, "v%zu", i);
        claims_error err;
        assert_int_equal(
            claims_story_add_article(s, id, NULL, NULL, texts[i], strlen(texts[i]), &err),
            CLAIMS_OK);
    }
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 4);
    assert_int_equal(claims_story_rejected_count(s), 0);
    claims_are_sane(s);
    /* A claim after the BOM points past it: "300" is at byte 17. */
    const claims_claim *c = tu_claim(s, CLAIMS_KIND_COUNT, "300");
    if (c) {
        size_t start;
        claims_claim_span(c, &start, NULL);
        assert_int_equal(start, 17);
    }
    all_reports_complete(s);
    free_story(s, &cnt);
}

/* ------------------------------------------------------ line endings */

static void test_lines_crlf_and_lone_cr(void **state)
{
    (void)state;
    static const char crlf[] =
        "Storm cuts power to 80,000 homes\r\n\r\n"
        "The storm cut power to 80,000 homes on Sunday.\r\n"
        "\"Crews will work through the night,\" the utility said.\r\n";
    static const char cr[] =
        "The storm cut power to 75,000 homes on Sunday.\r"
        "About 200 trees fell across roads.\r";
    counting cnt;
    claims_story *s = new_story(&cnt);
    assert_int_equal(claims_story_add_article(s, "crlf", NULL, "2012-10-29", crlf,
                                              strlen(crlf), NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "cr", NULL, "2012-10-29", cr, strlen(cr),
                                              NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 2);
    assert_true(claims_story_claim_count(s) > 0);
    claims_are_sane(s);
    /* The line break is CR alone: "About 200 trees" must not be glued into
     * the sentence before it. */
    const claims_claim *trees = tu_claim(s, CLAIMS_KIND_COUNT, "200");
    if (trees) {
        size_t ss, se;
        claims_claim_sentence_span(trees, &ss, &se);
        assert_true(ss >= strlen("The storm cut power to 75,000 homes on Sunday.\r"));
    }
    all_reports_complete(s);
    free_story(s, &cnt);
}

/* ------------------------------------------------- pathological text */

static void check_one(const char *id, const char *text, size_t len)
{
    counting cnt;
    claims_story *s = new_story(&cnt);
    claims_error err;
    assert_int_equal(claims_story_add_article(s, id, NULL, NULL, text, len, &err), CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "good", NULL, NULL, GOOD_B, strlen(GOOD_B),
                                              &err),
                     CLAIMS_OK);
    assert_int_equal(claims_story_check(s, &err), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 2);
    assert_int_equal(claims_story_article_bytes(s, 0), len);
    claims_are_sane(s);
    /* The good article is still fully reported. */
    int good_claims = 0;
    for (size_t i = 0; i < claims_story_claim_count(s); i++)
        good_claims += claims_claim_article(claims_story_claim(s, i)) == 1;
    assert_true(good_claims > 0);
    char *json = json_report(s);
    assert_non_null(strstr(json, "{\"id\":\"good\""));
    free(json);
    all_reports_complete(s);
    free_story(s, &cnt);
}

static void test_huge_word_without_space(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *t = malloc(n);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        t[i] = (char)('a' + i % 26);
    check_one("word", t, n);
    /* A 1 MB run of digits: one absurd number, not an overflow. */
    for (size_t i = 0; i < n; i++)
        t[i] = (char)('1' + i % 9);
    memcpy(t + n - 8, " drones.", 8);
    check_one("digits", t, n);
    /* Digits with thousands separators all the way. */
    for (size_t i = 0; i < n; i++)
        t[i] = (i % 4 == 3) ? ',' : '9';
    memcpy(t + n - 8, " people.", 8);
    check_one("grouped", t, n);
    free(t);
}

/* Repeats `unit` until `n` bytes (whole units only); returns the length. */
static size_t fill(char *dst, size_t n, const char *unit)
{
    size_t u = strlen(unit), at = 0;
    while (at + u <= n) {
        memcpy(dst + at, unit, u);
        at += u;
    }
    return at;
}

static void test_quotes_unclosed_openers(void **state)
{
    (void)state;
    size_t cap = 10000 * 4 + 256;
    char *t = malloc(cap);
    assert_non_null(t);
    static const char *const openers[] = {"\xe2\x80\x9c", "\"", "\xc2\xab", " '"};
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++) {
        size_t n = 0;
        n += (size_t)snprintf(t, cap, "The mayor said ");
        size_t ol = strlen(openers[k]);
        for (int i = 0; i < 10000; i++) {
            memcpy(t + n, openers[k], ol);
            n += ol;
        }
        n += (size_t)snprintf(t + n, cap - n, " 3 boats were lost.");
        check_one("openers", t, n);
    }
    free(t);
}

static void test_quotes_deeply_nested(void **state)
{
    (void)state;
    /* 1,000 levels: "Ann said 'Bob said "Cy said '...' ", ..." */
    size_t cap = 1000 * 64 + 256;
    char *t = malloc(cap);
    assert_non_null(t);
    size_t n = (size_t)snprintf(t, cap, "The witness said ");
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(t + n, cap - n, "%s%d people said ",
                              i % 2 ? "\xe2\x80\x98" : "\xe2\x80\x9c", i + 2);
    n += (size_t)snprintf(t + n, cap - n, "nothing");
    for (int i = 999; i >= 0; i--)
        n += (size_t)snprintf(t + n, cap - n, "%s", i % 2 ? "\xe2\x80\x99" : "\xe2\x80\x9d");
    n += (size_t)snprintf(t + n, cap - n, ", she added.\n");
    assert_true(n < cap);
    check_one("nested", t, n);
    /* The same with straight marks, which the segmenter must guess. */
    n = (size_t)snprintf(t, cap, "The witness said ");
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(t + n, cap - n, "%s%d people said ", i % 2 ? "'" : "\"", i + 2);
    for (int i = 999; i >= 0; i--)
        n += (size_t)snprintf(t + n, cap - n, "%s", i % 2 ? "'" : "\"");
    n += (size_t)snprintf(t + n, cap - n, ", she added.\n");
    check_one("nested_straight", t, n);
    free(t);
}

static void test_punctuation_only_and_long_sentences(void **state)
{
    (void)state;
    size_t n = 256 * 1024;
    char *t = malloc(n);
    assert_non_null(t);
    /* No sentence end for 256 KB. */
    size_t m = fill(t, n, "and 4 more trucks arrived ");
    check_one("run_on", t, m);
    /* Only punctuation and symbols. */
    m = fill(t, n, ".,;:!?()[]{}-\xe2\x80\x94%$\xe2\x82\xac/");
    check_one("punct", t, m);
    /* Thousands of one-word sentences and blank lines. */
    m = fill(t, n, "Five.\n\n");
    check_one("tiny_sentences", t, m);
    free(t);
}

/* ------------------------------------------------------- big input */

/* CLAIMS_TEST_BIG=1: the full sizes (see the top of the file). */
static bool test_big(void)
{
    const char *big = getenv("CLAIMS_TEST_BIG");
    return big && big[0] == '1';
}

static void test_big_article(void **state)
{
    (void)state;
    size_t n = test_big() ? (size_t)50 << 20 : (size_t)8 << 20;
    static const char *const sentences[] = {
        "The 6.1-magnitude quake struck at 4:12 a.m. on Saturday, killing at least 27 "
        "people in three villages, officials said. ",
        "\"We need tents, water and doctors,\" said regional governor Elena Ruiz. ",
        "The company paid $1.2 billion (\xe2\x82\xac" "1.1 billion) for the plant in 2014, "
        "up 15% from its first offer. ",
        "Police said a 34-year-old man was arrested near the station on Tuesday night. ",
        "Turnout reached 61 percent in the 2019 election, the commission said.\n\n",
        "Twenty-five soldiers were trained to fly the 12 drones bought last year. ",
    };
    char *t = malloc(n);
    assert_non_null(t);
    size_t at = 0, k = 0;
    for (;;) {
        const char *u = sentences[k++ % (sizeof sentences / sizeof sentences[0])];
        size_t ul = strlen(u);
        if (at + ul > n)
            break;
        memcpy(t + at, u, ul);
        at += ul;
    }
    check_one("big", t, at);
    free(t);
}

static void test_many_tiny_articles(void **state)
{
    (void)state;
    const int N = 100000;
    counting cnt;
    claims_story *s = new_story(&cnt);
    char id[32], text[96];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "t%d", i);
        int len = snprintf(text, sizeof text, "Report %d: %d boats sank near the port.", i,
                           2 + i % 7);
        claims_status st = claims_story_add_article(s, id, NULL, NULL, text, (size_t)len, NULL);
        if (st != CLAIMS_OK)
            fail_msg("article %d: status %d", i, (int)st);
    }
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), (size_t)N);
    snprintf(id, sizeof id, "t%d", N - 1);
    assert_string_equal(claims_story_article_id(s, (size_t)N - 1), id);
    assert_true(claims_story_claim_count(s) >= (size_t)N);
    char *json = json_report(s);
    assert_non_null(strstr(json, "{\"id\":\"t0\""));
    char want[48];
    snprintf(want, sizeof want, "{\"id\":\"t%d\"", N - 1);
    assert_non_null(strstr(json, want));
    free(json);
    free_story(s, &cnt);
}

/* ------------------------------------------------------------- ids */

static void test_ids_duplicate_and_empty(void **state)
{
    (void)state;
    counting cnt;
    claims_story *s = new_story(&cnt);
    claims_error err;
    assert_int_equal(
        claims_story_add_article(s, "wire", NULL, NULL, GOOD_A, strlen(GOOD_A), &err),
        CLAIMS_OK);
    memset(&err, 0, sizeof err);
    assert_int_equal(
        claims_story_add_article(s, "wire", NULL, NULL, GOOD_B, strlen(GOOD_B), &err),
        CLAIMS_ERR_DUPLICATE_ID);
    assert_int_equal(err.code, CLAIMS_ERR_DUPLICATE_ID);
    assert_string_equal(err.article, "wire");
    /* A duplicate of a bad (rejected) article: the id was never taken. */
    assert_int_equal(claims_story_add_article(s, "broken", NULL, NULL, "x\xff", 2, &err),
                     CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(
        claims_story_add_article(s, "broken", NULL, NULL, GOOD_B, strlen(GOOD_B), &err),
        CLAIMS_OK);
    memset(&err, 0, sizeof err);
    assert_int_equal(claims_story_add_article(s, "", NULL, NULL, GOOD_B, strlen(GOOD_B), &err),
                     CLAIMS_ERR_EMPTY_ID);
    assert_int_equal(err.code, CLAIMS_ERR_EMPTY_ID);
    /* Ids that are not UTF-8, or too long, are caller errors. */
    assert_int_equal(
        claims_story_add_article(s, "id\xff", NULL, NULL, GOOD_B, strlen(GOOD_B), &err),
        CLAIMS_ERR_INVALID_ID);
    char longid[300];
    memset(longid, 'x', sizeof longid - 1);
    longid[sizeof longid - 1] = 0;
    assert_int_equal(
        claims_story_add_article(s, longid, NULL, NULL, GOOD_B, strlen(GOOD_B), &err),
        CLAIMS_ERR_INVALID_ID);
    /* A bad published date and a bad title. */
    assert_int_equal(claims_story_add_article(s, "date", NULL, "2011-02-29", GOOD_B,
                                              strlen(GOOD_B), &err),
                     CLAIMS_ERR_BAD_DATE);
    assert_int_equal(claims_story_add_article(s, "title", "T\xc3", NULL, GOOD_B,
                                              strlen(GOOD_B), &err),
                     CLAIMS_ERR_INVALID_ARGUMENT);

    assert_int_equal(claims_story_check(s, &err), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 2);
    assert_string_equal(claims_story_article_id(s, 0), "wire");
    assert_string_equal(claims_story_article_id(s, 1), "broken");
    /* The first "wire" keeps its own text. */
    assert_int_equal(claims_story_article_bytes(s, 0), strlen(GOOD_A));
    size_t nrej = claims_story_rejected_count(s);
    assert_true(nrej >= 4);
    int dup = 0, empty = 0, utf8 = 0, date = 0;
    for (size_t i = 0; i < nrej; i++) {
        claims_status c = claims_story_rejected_code(s, i);
        const char *rid = claims_story_rejected_id(s, i);
        assert_non_null(rid);
        dup += c == CLAIMS_ERR_DUPLICATE_ID && strcmp(rid, "wire") == 0;
        empty += c == CLAIMS_ERR_EMPTY_ID && rid[0] == 0;
        utf8 += c == CLAIMS_ERR_INVALID_UTF8 && strcmp(rid, "broken") == 0 &&
                claims_story_rejected_offset(s, i) == 1;
        date += c == CLAIMS_ERR_BAD_DATE && strcmp(rid, "date") == 0;
    }
    assert_int_equal(dup, 1);
    assert_int_equal(empty, 1);
    assert_int_equal(utf8, 1);
    assert_int_equal(date, 1);
    char *json = json_report(s);
    assert_non_null(strstr(json, "{\"id\":\"wire\""));
    assert_non_null(strstr(json, "{\"id\":\"broken\""));
    assert_non_null(strstr(json, "{\"id\":\"\""));
    free(json);
    all_reports_complete(s);
    free_story(s, &cnt);
}

/* Every article bad: the story still checks and reports, with no claims. */
static void test_story_all_rejected(void **state)
{
    (void)state;
    counting cnt;
    claims_story *s = new_story(&cnt);
    assert_int_equal(claims_story_add_article(s, "a", NULL, NULL, "\xc3", 1, NULL),
                     CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(claims_story_add_article(s, "b", NULL, NULL, "   ", 3, NULL),
                     CLAIMS_ERR_EMPTY_TEXT);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_int_equal(claims_story_article_count(s), 0);
    assert_int_equal(claims_story_claim_count(s), 0);
    assert_int_equal(claims_story_finding_count(s), 0);
    assert_int_equal(claims_story_rejected_count(s), 2);
    char *json = json_report(s);
    assert_non_null(strstr(json, "\"articles\":[]"));
    free(json);
    all_reports_complete(s);
    free_story(s, &cnt);
}

/* An empty story checks and reports too. */
static void test_story_empty(void **state)
{
    (void)state;
    counting cnt;
    claims_story *s = new_story(&cnt);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_int_equal(claims_story_claim_count(s), 0);
    all_reports_complete(s);
    free_story(s, &cnt);
}

/* A bad lexicon names the line's offset and keeps nothing. */
static void test_lexicon_bad_line_offset(void **state)
{
    (void)state;
    counting cnt;
    claims_story *s = new_story(&cnt);
    static const char lex[] = "[concept]\nferry = ferries\nno equals sign here\n";
    claims_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), &err), CLAIMS_ERR_LEXICON);
    assert_true(err.has_offset);
    assert_int_equal(err.offset, strlen("[concept]\nferry = ferries\n"));
    static const char badutf[] = "[concept]\nferry = ferr\xff" "ies\n";
    assert_true(claims_story_add_lexicon(s, badutf, strlen(badutf), &err) != CLAIMS_OK);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    free_story(s, &cnt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_invalid_at_start),
        cmocka_unit_test(test_utf8_invalid_in_middle),
        cmocka_unit_test(test_utf8_truncated_at_end),
        cmocka_unit_test(test_utf8_overlong_forms_rejected),
        cmocka_unit_test(test_utf8_surrogates_and_range_rejected),
        cmocka_unit_test(test_utf8_nul_byte_rejected),
        cmocka_unit_test(test_utf8_bad_byte_at_every_offset),
        cmocka_unit_test(test_text_empty_rejected),
        cmocka_unit_test(test_utf8_unusual_but_valid_accepted),
        cmocka_unit_test(test_lines_crlf_and_lone_cr),
        cmocka_unit_test(test_huge_word_without_space),
        cmocka_unit_test(test_quotes_unclosed_openers),
        cmocka_unit_test(test_quotes_deeply_nested),
        cmocka_unit_test(test_punctuation_only_and_long_sentences),
        cmocka_unit_test(test_big_article),
        cmocka_unit_test(test_many_tiny_articles),
        cmocka_unit_test(test_ids_duplicate_and_empty),
        cmocka_unit_test(test_story_all_rejected),
        cmocka_unit_test(test_story_empty),
        cmocka_unit_test(test_lexicon_bad_line_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
