/* Tests of quotes.c and people.c that need their internals: the flags a
 * quote's claim carries, normalization and alignment. Which quotes,
 * paraphrases and speakers are found in a text is tested as data in
 * tests/cases/extract/ (quotes, paraphrase, speakers) and
 * tests/cases/compare/quotes.txt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"
#include "testutil.h"

/* ---------------------------------------------------------- flags */

/* A quote that is a whole sentence is not partial; one inside a sentence
 * is (the cases "straight marks, said after..." and "a partial quote
 * inside a sentence" in tests/cases/extract/quotes.txt have the rest). */
static void test_quote_partial_flag(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Police searched the area overnight.\n\n"
                                "\"We found the car abandoned near the river,\" Police Chief "
                                "Maria Lopez said on Friday.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "abandoned");
    assert_non_null(q);
    assert_true((q->flags & CLAIMS__CF_PARTIAL) == 0);
    claims_story_free(s);

    s = tu_story1("The governor said the storm caused \"damage on a scale we "
                  "have never seen\" along the coast.\n",
                  NULL);
    q = tu_claim(s, CLAIMS_KIND_QUOTE, "never seen");
    assert_non_null(q);
    assert_true((q->flags & CLAIMS__CF_PARTIAL) != 0);
    claims_story_free(s);
}

/* Organisations and media speak as descriptions, never as persons (the
 * cases "organisations and media are described speakers" in
 * tests/cases/extract/speakers.txt have their speakers and keys). */
static void test_speaker_organisations_are_descriptions(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Interfax reported the tanker had sunk near the coast. Reuters reported the deal "
        "was worth $4 billion. Police said the suspect fled on foot. Sky News reported the "
        "fire had spread overnight. The Washington Post reported the contract was signed "
        "in March. The ministry said the border would stay closed.\n",
        NULL);
    static const char *const needles[] = {"tanker",   "deal was", "suspect fled",
                                          "fire had", "contract", "border"};
    for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++) {
        const claims_claim *c = tu_claim(s, CLAIMS_KIND_PARAPHRASE, needles[i]);
        assert_non_null(c);
        assert_true((c->flags & CLAIMS__CF_SPK_NOMINAL) != 0);
        assert_true((c->flags & CLAIMS__CF_SPK_PERSON) == 0);
    }
    claims_story_free(s);
}

/* "The Post" is a newspaper, not the bare surname of Emily Post (the case
 * "a newspaper is not the bare surname of a person" has the keys). */
static void test_speaker_organisation_not_merged_with_person(void **state)
{
    (void)state;
    const char *texts[2] = {
        "\"The pass is closed to all traffic tonight,\" The Post reported.\n",
        "\"Good manners never go out of fashion,\" Emily Post said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    const claims_claim *a = tu_claim(s, CLAIMS_KIND_QUOTE, "pass is closed");
    assert_non_null(a);
    assert_true((a->flags & CLAIMS__CF_SPK_NOMINAL) != 0);
    claims_story_free(s);
}

/* ---------------------------------------------- normalization, alignment */

static void test_normalize_folds_case_marks_and_punctuation(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *a = claims__quote_normalize(s, "They has,", 9);
    const char *b = claims__quote_normalize(s, " they  has ", 11);
    assert_string_equal(a, "they has");
    assert_string_equal(a, b);
    const char *t = "\xe2\x80\x9cIt\xe2\x80\x99s 7.5 per cent \xe2\x80\x94 Israeli-made!\xe2\x80\x9d";
    /* a hyphen separates words like the dash a dash folds to */
    assert_string_equal(claims__quote_normalize(s, t, strlen(t)),
                        "it's 7.5 per cent israeli made");
    const char *l = "The Harbour Authority SAID, the breakwater's walls  will hold";
    assert_string_equal(claims__quote_normalize(s, l, strlen(l)),
                        "the harbour authority said the breakwater's walls will hold");
    const char *d = "you know what they say\xe2\x80\x94the third time";
    assert_string_equal(claims__quote_normalize(s, d, strlen(d)),
                        "you know what they say the third time");
    claims_story_free(s);
}

/* A quote that is ASCII but for curly quotes, dashes and no-break
 * spaces takes the one-pass path with those folded to ASCII marks: the
 * marks must be what claims__norm_append folds them to, and the words
 * those the general path gives. */
static void test_normalize_common_marks_path_matches_general(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    static const struct {
        const char *utf8;
        char ascii;
    } marks[] = {{"\xe2\x80\x98", '\''}, {"\xe2\x80\x99", '\''}, {"\xe2\x80\x9c", '"'},
                 {"\xe2\x80\x9d", '"'},  {"\xe2\x80\x93", '-'},  {"\xe2\x80\x94", '-'},
                 {"\xc2\xa0", ' '}};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        claims__buf b;
        claims__buf_init(&b, &s->alloc);
        assert_true(claims__norm_append(&b, marks[i].utf8, strlen(marks[i].utf8)));
        assert_int_equal(b.len, 1);
        assert_int_equal(b.data[0], marks[i].ascii);
        claims__buf_free(&b);
        /* the words of a text with the mark, with its ASCII mark, and
         * (general path) with a non-ASCII word after it */
        char t[128], a[128], g[160];
        snprintf(t, sizeof t, "%sDon%st Stop%s 7,5%s now%sit's 1%s2 OK", marks[i].utf8,
                 marks[i].utf8, marks[i].utf8, marks[i].utf8, marks[i].utf8, marks[i].utf8);
        snprintf(a, sizeof a, "%cDon%ct Stop%c 7,5%c now%cit's 1%c2 OK", marks[i].ascii,
                 marks[i].ascii, marks[i].ascii, marks[i].ascii, marks[i].ascii, marks[i].ascii);
        snprintf(g, sizeof g, "%s \xc3\xa9t\xc3\xa9", t);
        const char *wt = claims__quote_normalize(s, t, strlen(t));
        const char *wa = claims__quote_normalize(s, a, strlen(a));
        const char *wg = claims__quote_normalize(s, g, strlen(g));
        assert_non_null(wt);
        assert_non_null(wa);
        assert_non_null(wg);
        assert_string_equal(wt, wa);
        size_t n = strlen(wt);
        assert_memory_equal(wg, wt, n);
        assert_string_equal(wg + n, " \xc3\xa9t\xc3\xa9");
    }
    claims_story_free(s);
}

/* The common-marks path copies the ASCII between two marks sixteen
 * bytes a step: runs of every length from none to past two steps, a mark
 * at each place within a step, give the words the same text with ASCII
 * marks gives; and a non-ASCII byte in the last bytes of a quote (past
 * the last whole sixteen) is seen. */
static void test_normalize_marks_between_long_runs(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *words = "Harbour walls hold, the pier keeps its 12.5 metres of stone";
    for (size_t run = 0; run <= 40; run++) {
        char t[256], a[256];
        size_t nt = 0, na = 0;
        for (int rep = 0; rep < 3; rep++) {
            memcpy(t + nt, "\xe2\x80\x9c", 3); /* a curly opening quote */
            nt += 3;
            a[na++] = '"';
            memcpy(t + nt, words, run);
            memcpy(a + na, words, run);
            nt += run;
            na += run;
        }
        memcpy(t + nt, "\xe2\x80\x94 x", 5); /* a dash, then a word */
        nt += 5;
        memcpy(a + na, "- x", 3);
        na += 3;
        const char *wt = claims__quote_normalize(s, t, nt);
        const char *wa = claims__quote_normalize(s, a, na);
        assert_non_null(wt);
        assert_non_null(wa);
        assert_string_equal(wt, wa);
    }
    for (size_t len = 16; len <= 40; len++) {
        char t[64];
        memset(t, 'a', len - 2);
        memcpy(t + len - 2, "\xc3\xa9", 2); /* "é" ends the word */
        t[len] = 0;
        const char *w = claims__quote_normalize(s, t, len);
        assert_non_null(w);
        assert_string_equal(w, t);
    }
    claims_story_free(s);
}

/* An all-ASCII quote takes a one-pass path: it must give the words the
 * general path gives the same text with a non-ASCII word after it. */
static void test_normalize_ascii_path_matches_general(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    static const char *const cases[] = {
        "We won't sell it for $1,250.50, not in 2024.",
        "  'Twas the O'Brien deal -- 3.5% of it, or 12,000 shares...",
        "Rock-and-roll, 4x4s and the U.S.A.: 7 1/2 inches, 10.",
        "\"Don't,\" she said.\t(Really!)\n'no' ',' . , 5,",
        ".leading,and trailing'",
        /* long runs of plain words go eight bytes a step */
        "The Harbour Authority said the new breakwater will shelter forty boats",
        "SHOUTED WORDS RUN PAST EIGHT BYTES, then quieter words follow them",
        "digits1234 inside5678 longerwordsthanonestep and a tab\tand  two spaces",
        /* and sixteen a step where the machine has them: a space, two
         * spaces, a joiner or a stop at and beside the sixteenth byte */
        "abcdefghijklmno pqrstuvwxyzABCDE FGHIJKLMNOPQRSTUV WXYZ",
        "0123456789abcdef  ghij klmnopqrstu,vwxyz and 0123456789.5 more words",
        "Fifteen letter'sapostrophes ARE joined 1234567890123,456 and a stop.",
        "abcdefghijklmnopqrstuvwxyzabcdef ghijklmnopqrstuvwxyzabcdefghij-klm",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char with[320];
        int n = snprintf(with, sizeof with, "%s \xc3\xa9t\xc3\xa9", cases[i]);
        assert_true(n > 0 && (size_t)n < sizeof with);
        const char *a = claims__quote_normalize(s, cases[i], strlen(cases[i]));
        const char *g = claims__quote_normalize(s, with, (size_t)n);
        assert_non_null(a);
        assert_non_null(g);
        size_t al = strlen(a);
        /* the general path's words are the ASCII path's, then "été" */
        assert_true(strlen(g) >= al);
        assert_memory_equal(a, g, al);
        assert_string_equal(g + al, al ? " \xc3\xa9t\xc3\xa9" : "\xc3\xa9t\xc3\xa9");
    }
    claims_story_free(s);
}

static const char *speaker_of(const claims_claim *c)
{
    assert_non_null(c);
    const char *sp = claims_claim_speaker(c);
    return sp ? sp : "(none)";
}

/* The ASCII pass meets a byte past ASCII wherever it stands (in a plain
 * run of sixteen or eight, in the byte steps, among separators, first
 * or last) and gives the text to the other paths: the words are those
 * of the text with the letter in it. */
static void test_normalize_non_ascii_anywhere(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *base = "the quick harbour pilots say it's 7.5 per cent of all ships";
    size_t n = strlen(base);
    for (size_t k = 0; k <= n; k++) {
        char t[128], want[128];
        /* the letter alone as a word at byte k (a space each side) */
        snprintf(t, sizeof t, "%.*s \xc3\xa9 %s", (int)k, base, base + k);
        const char *w = claims__quote_normalize(s, t, strlen(t));
        assert_non_null(w);
        /* the same words as the letter's stand-in "x" gives */
        snprintf(want, sizeof want, "%.*s x %s", (int)k, base, base + k);
        const char *x = claims__quote_normalize(s, want, strlen(want));
        assert_non_null(x);
        char expect[128];
        size_t e = 0;
        for (const char *c = x; *c; c++) {
            if (*c == 'x' && (c == x || c[-1] == ' ') && (c[1] == ' ' || !c[1])) {
                expect[e++] = '\xc3';
                expect[e++] = '\xa9';
            } else {
                expect[e++] = *c;
            }
        }
        expect[e] = 0;
        assert_string_equal(w, expect);
        /* and right after a comma, on the word after it */
        snprintf(t, sizeof t, "%.*s,\xc3\xa9%s", (int)k, base, base + k);
        snprintf(want, sizeof want, "%.*s,x%s", (int)k, base, base + k);
        w = claims__quote_normalize(s, t, strlen(t));
        x = claims__quote_normalize(s, want, strlen(want));
        assert_non_null(w);
        assert_non_null(x);
        /* the same number of words, one longer by its letter's byte */
        assert_int_equal(strlen(w), strlen(x) + 1);
    }
    claims_story_free(s);
}

/* A speaker's key is the name's norm text with its accents folded, and
 * an ASCII name's as it is: the two ways a name's key is made (a name
 * with a byte beyond ASCII, one without) give one key to one person. */
static void test_speaker_key_folds_accents(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Jos\303\251 N\303\272\303\261ez said \"the new bridge will open "
                                "next spring\".\n\nMaria O'Hara-Lee said \"the old ferry will "
                                "keep running\".\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "bridge");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Jos\303\251 N\303\272\303\261ez");
    assert_string_equal(claims_claim_key(q), "quote/jose nunez");
    q = tu_claim(s, CLAIMS_KIND_QUOTE, "ferry");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Maria O'Hara-Lee");
    assert_string_equal(claims_claim_key(q), "quote/maria o'hara-lee");
    claims_story_free(s);
}

/* ------------------------------------------- bounded names (issue 14) */

/* A run of capitalized words before "said" is capped at its last six
 * words, and a word too long to be a name is none. */
static void test_speaker_name_capped(void **state)
{
    (void)state;
    size_t cap = 64 * 1024, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (int i = 0; i < 2000; i++)
        len += (size_t)snprintf(t + len, cap - len, "Barak ");
    snprintf(t + len, cap - len, "said \"we will buy the drones from them soon\".\n");
    claims_story *s = tu_story1(t, NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "drones");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Barak Barak Barak Barak Barak Barak");
    assert_string_equal(claims_claim_key(q), "quote/barak barak barak barak barak barak");
    claims_story_free(s);

    /* a 100-letter capitalized word is no name word */
    len = (size_t)snprintf(t, cap, "Ana ");
    for (int i = 0; i < 99; i++)
        t[len++] = 'x';
    snprintf(t + len, cap - len, " said \"we will buy the drones from them soon\".\n");
    t[4] = 'X';
    s = tu_story1(t, NULL);
    q = tu_claim(s, CLAIMS_KIND_QUOTE, "drones");
    assert_non_null(q);
    assert_true(claims_claim_speaker(q) == NULL || strlen(claims_claim_speaker(q)) < 64);
    claims_story_free(s);
    free(t);
}

/* A name longer than fold_tokens' room on the stack (five words of sixty
 * letters) is folded whole; a short name that ends the text (its words
 * the last in the norm buffer) too. */
static void test_speaker_fold_long_and_last(void **state)
{
    (void)state;
    char t[1024], key[512];
    size_t len = 0, klen = (size_t)snprintf(key, sizeof key, "quote/");
    for (int w = 0; w < 5; w++) {
        t[len++] = (char)('A' + w);
        key[klen++] = (char)('a' + w);
        for (int i = 0; i < 59; i++) {
            t[len++] = 'q';
            key[klen++] = 'q';
        }
        t[len++] = ' ';
        key[klen++] = w < 4 ? ' ' : '\0';
    }
    snprintf(t + len, sizeof t - len, "said \"the kettle will boil within the hour\".\n");
    claims_story *s = tu_story1(t, NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "kettle");
    assert_non_null(q);
    assert_string_equal(claims_claim_key(q), key);
    claims_story_free(s);

    s = tu_story1("\"The kettle will boil within the hour,\" said Tom Ek", NULL);
    q = tu_claim(s, CLAIMS_KIND_QUOTE, "kettle");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Tom Ek");
    assert_string_equal(claims_claim_key(q), "quote/tom ek");
    claims_story_free(s);
}

/* Many people of one surname: each speaker is still found by its own
 * full name (the name index stays fast and exact for them). */
static void test_speaker_many_people_one_surname(void **state)
{
    (void)state;
    size_t cap = 256 * 1024, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (int i = 0; i < 2000; i++) {
        char first[8] = {(char)('A' + i % 26), (char)('a' + i / 26 % 26), (char)('a' + i / 676),
                         'o', 0};
        len += (size_t)snprintf(t + len, cap - len, "%s Smith said \"we bought %d boats\". ",
                                first, i);
    }
    claims_story *s = tu_story1(t, NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 2000);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "bought 1999 boats");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Xyco Smith");
    claims_story_free(s);
    free(t);
}

/* Asserts that the quote `words` of the article of `pad` filler words
 * and then `rest` has `speaker` for its speaker. */
static void assert_speaker_after(int pad, const char *rest, const char *words, const char *speaker)
{
    char t[1024];
    size_t len = 0;
    for (int i = 0; i < pad; i++)
        len += (size_t)snprintf(t + len, sizeof t - len, "%s ", i % 2 ? "rain" : "fell");
    snprintf(t + len, sizeof t - len, "%s", rest);
    claims_story *s = tu_story1(t, NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, words);
    assert_non_null(q);
    assert_string_equal(speaker_of(q), speaker);
    claims_story_free(s);
}

/* The scan of an article makes its masks sixteen tokens at once, and the
 * last few with the sixteen that end the text: a hyphenated name at
 * every place among the groups, at the end of articles of every length
 * up to past the first 64, is a mention that a bare surname finds. */
static void test_speaker_at_every_scan_offset(void **state)
{
    (void)state;
    /* (the bare surname is the fuller name's, a mention the scan found
     * at the text's end) */
    for (int pad = 0; pad < 80; pad++)
        assert_speaker_after(
            pad, "now.\n\n\"The bridge stays shut,\" Roux said. The engineer is Jean-Pierre Roux",
            "bridge stays shut", "Jean-Pierre Roux");
}

/* The scan keeps the tokens a name may start at as bits, 64 tokens a
 * word, and the walk of the runs passes over the starts inside a run: a
 * name of three words across a word's end at every offset ("Ann" starts
 * no name of its own, "Ann Kell", which would make a bare "Kell" two
 * people's). */
static void test_speaker_run_across_scan_words(void **state)
{
    (void)state;
    for (int pad = 50; pad < 72; pad++)
        assert_speaker_after(pad,
                             "as Mary Ann Kell arrived.\n\n\"The road stays open,\" Kell said.",
                             "road stays open", "Mary Ann Kell");
}

/* ------------------------------------------------------ lexicon values */

/* quotes.c's time_lookup tells whether a value with a code has a ':' by
 * the code alone: of the coded values' texts, the parts' ("part:after")
 * and no others have one. */
static void test_coded_values_with_colon_are_parts(void **state)
{
    (void)state;
#define LV_CASE(name, text)                                                                        \
    {                                                                                              \
        bool part = CLAIMS__LV_##name == CLAIMS__LV_PART_AFTER ||                                  \
                    CLAIMS__LV_##name == CLAIMS__LV_PART_SEVERITY ||                               \
                    CLAIMS__LV_##name == CLAIMS__LV_PART_SUBSET ||                                 \
                    CLAIMS__LV_##name == CLAIMS__LV_PART_INCREMENT;                                \
        assert_int_equal(strchr(text, ':') != NULL, part);                                         \
    }
    CLAIMS__LEX_VALUES(LV_CASE)
#undef LV_CASE
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote_partial_flag),
        cmocka_unit_test(test_speaker_organisations_are_descriptions),
        cmocka_unit_test(test_speaker_organisation_not_merged_with_person),
        cmocka_unit_test(test_normalize_folds_case_marks_and_punctuation),
        cmocka_unit_test(test_normalize_ascii_path_matches_general),
        cmocka_unit_test(test_normalize_common_marks_path_matches_general),
        cmocka_unit_test(test_normalize_marks_between_long_runs),
        cmocka_unit_test(test_normalize_non_ascii_anywhere),
        cmocka_unit_test(test_speaker_key_folds_accents),
        cmocka_unit_test(test_speaker_name_capped),
        cmocka_unit_test(test_speaker_fold_long_and_last),
        cmocka_unit_test(test_speaker_many_people_one_surname),
        cmocka_unit_test(test_speaker_at_every_scan_offset),
        cmocka_unit_test(test_speaker_run_across_scan_words),
        cmocka_unit_test(test_coded_values_with_colon_are_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
