/* The text layer: UTF-8 validation, normalization, tokens, sentences,
 * paragraphs, furniture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* A story holding one segmented article (not checked), for inspection. */
typedef struct seg {
    claims_story *s;
    claims__article *a;
} seg;

static seg segment(const char *text, size_t len, const char *title)
{
    seg g = {NULL, NULL};
    assert_int_equal(claims_story_new(NULL, &g.s), CLAIMS_OK);
    assert_int_equal(claims_story_add_article(g.s, "t", title, NULL, text, len, NULL), CLAIMS_OK);
    g.a = &g.s->articles[0];
    assert_int_equal(claims__segment(&g.s->alloc, g.s->lex, g.a), CLAIMS_OK);
    return g;
}

/* The one token past the last of toks[0, n): its norm offset the end of
 * the norm text, norm_len, and every other field 0 (the lexicon probe
 * and the date scan read it as a token that matches nothing). */
static void expect_token_past(const claims__token *toks, size_t n, size_t norm_len)
{
    const claims__token *t = &toks[n];
    assert_int_equal(t->norm, norm_len);
    assert_int_equal(t->hash, 0);
    assert_int_equal(t->lexmask, 0);
    assert_int_equal(t->cls, 0);
    assert_int_equal(t->flags, 0);
}

/* The n tokens of text are the spans src[i] of it (NULL: as norm[i]),
 * with norm texts norm[i], their hashes, and flags[i] of those in mask. */
static void expect_tokens(const char *text, size_t n, const char *const *src,
                          const char *const *norm, const uint16_t *flags, uint16_t mask)
{
    seg g = segment(text, strlen(text), NULL);
    assert_int_equal(g.a->ntoks, n);
    for (size_t i = 0; i < n; i++) {
        const claims__token *t = &g.a->toks[i];
        const claims__tok_pos *p = &g.a->pos[i];
        const char *w = src ? src[i] : norm[i];
        size_t len = strlen(norm[i]);
        if (src) {
            assert_int_equal(p->end - p->start, strlen(w));
            assert_memory_equal(text + p->start, w, strlen(w));
        }
        assert_int_equal(claims__tok_len(t), len);
        assert_memory_equal(claims__tok_norm(g.a, i), norm[i], len);
        assert_int_equal(t->hash, claims__word_hash(norm[i], len));
        assert_int_equal(t->flags & mask, flags[i]);
    }
    expect_token_past(g.a->toks, n, g.a->norm_len);
    claims_story_free(g.s);
}

static char *sentence(const seg *g, size_t i)
{
    static char buf[1024];
    assert_true(i < g->a->nsents);
    const claims__sentence *sn = &g->a->sents[i];
    size_t n = sn->end - sn->start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, g->a->text + sn->start, n);
    buf[n] = 0;
    return buf;
}

static void test_utf8_accepts_valid_text(void **state)
{
    (void)state;
    size_t off = 99;
    const char *ok = "plain \xc3\xa9t\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80";
    assert_int_equal(claims__utf8_validate(ok, strlen(ok), &off), CLAIMS_OK);
    assert_int_equal(off, 99);
}

static void test_utf8_rejects_with_offset(void **state)
{
    (void)state;
    size_t off = 0;
    /* a stray continuation byte */
    assert_int_equal(claims__utf8_validate("abc\x80zz", 6, &off), CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(off, 3);
    /* overlong encoding of '/' */
    assert_int_equal(claims__utf8_validate("ab\xc0\xaf", 4, &off), CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(off, 2);
    /* overlong three-byte form */
    assert_int_equal(claims__utf8_validate("\xe0\x80\xaf", 3, &off), CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(off, 0);
    /* a UTF-16 surrogate, U+D800 */
    assert_int_equal(claims__utf8_validate("xx\xed\xa0\x80", 5, &off), CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(off, 2);
    /* truncated at the end */
    assert_int_equal(claims__utf8_validate("long text here \xe2\x80", 17, &off),
                     CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(off, 15);
    /* above U+10FFFF */
    assert_int_equal(claims__utf8_validate("\xf4\x90\x80\x80", 4, &off), CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(off, 0);
    /* NUL, found even after a long ASCII run (the 8-byte fast path) */
    char buf[40];
    memset(buf, 'a', sizeof buf);
    buf[21] = 0;
    assert_int_equal(claims__utf8_validate(buf, sizeof buf, &off), CLAIMS_ERR_NUL_BYTE);
    assert_int_equal(off, 21);
}

static void test_norm_folds_case_quotes_dashes(void **state)
{
    (void)state;
    claims_allocator a = {0};
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    a = s->alloc;
    claims__buf b;
    claims__buf_init(&b, &a);
    const char *in = "\xe2\x80\x9cMOSCOW\xe2\x80\x9d \xe2\x80\x94 Ma\xc3\x9f\xc2\xa0\xef\xbc\xa1";
    assert_true(claims__norm_append(&b, in, strlen(in)));
    /* curly quotes straight, em dash '-', sharp s folded, NBSP a space,
     * fullwidth A to a */
    assert_string_equal(b.data, "\"moscow\" - mass a");
    claims__buf_free(&b);
    claims_story_free(s);
}

static void test_tokens_keep_byte_spans(void **state)
{
    (void)state;
    const char *text = "Caf\xc3\xa9 owners paid $1,200 (about 7.2%) for S-300 parts.";
    seg g = segment(text, strlen(text), NULL);
    const char *want[] = {"Caf\xc3\xa9", "owners", "paid", "$", "1,200", "(", "about", "7.2",
                          "%", ")", "for", "S", "-", "300", "parts", "."};
    assert_int_equal(g.a->ntoks, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < g.a->ntoks; i++) {
        const claims__tok_pos *t = &g.a->pos[i];
        assert_int_equal(t->end - t->start, strlen(want[i]));
        assert_memory_equal(text + t->start, want[i], strlen(want[i]));
    }
    assert_int_equal(g.a->toks[4].cls, CLAIMS__TOK_NUMBER);
    assert_int_equal(g.a->toks[0].cls, CLAIMS__TOK_WORD);
    assert_true(g.a->toks[0].flags & CLAIMS__TF_CAP);
    assert_memory_equal(claims__tok_norm(g.a, 0), "caf\xc3\xa9", 5);
    /* "S-300": no spaces inside the designator */
    assert_false(g.a->toks[12].flags & CLAIMS__TF_SPACE_BEFORE);
    assert_false(g.a->toks[13].flags & CLAIMS__TF_SPACE_BEFORE);
    claims_story_free(g.s);
}

static void test_tokens_split_possessive_and_quotes(void **state)
{
    (void)state;
    const char *text = "The mayor\xe2\x80\x99s aide said \xe2\x80\x9c" "don't panic\xe2\x80\x9d.";
    seg g = segment(text, strlen(text), NULL);
    /* The mayor ’s aide said “ don't panic ” . */
    assert_int_equal(g.a->ntoks, 10);
    assert_true(g.a->toks[2].flags & CLAIMS__TF_POSSESSIVE);
    assert_memory_equal(claims__tok_norm(g.a, 2), "'s", 2);
    assert_int_equal(g.a->toks[5].cls, CLAIMS__TOK_QUOTE);
    assert_true(g.a->toks[5].flags & CLAIMS__TF_QUOTE_OPEN);
    assert_memory_equal(claims__tok_norm(g.a, 6), "don't", 5);
    assert_true(g.a->toks[8].flags & CLAIMS__TF_QUOTE_CLOSE);
    claims_story_free(g.s);
}

/* Plain ASCII words of every length around the sixteen bytes the plain
 * path may read at once: each keeps its span, norm text, hash and flags,
 * and one that goes on with an apostrophe or an accent is still one word. */
static void test_plain_words_by_sixteen(void **state)
{
    (void)state;
    const char *text = "a Ab ABC x9 Q7 AB7 abcdefghijklmno ABCDEFGHIJKLMNO abcdefghijklmnop "
                       "ABCDEFGHIJKLMNOPQ Abcdefghijklmnopq abcdefghijklmno's "
                       "abcdefghijklmn\xc3\xa9 abcdefghijklmn'x tail words to read past.";
    const char *want[] = {"a",
                          "ab",
                          "abc",
                          "x9",
                          "q7",
                          "ab7",
                          "abcdefghijklmno",
                          "abcdefghijklmno",
                          "abcdefghijklmnop",
                          "abcdefghijklmnopq",
                          "abcdefghijklmnopq",
                          "abcdefghijklmno",
                          "'s",
                          "abcdefghijklmn\xc3\xa9",
                          "abcdefghijklmn'x",
                          "tail",
                          "words",
                          "to",
                          "read",
                          "past",
                          "."};
    const uint16_t flags[] = {0,
                              CLAIMS__TF_CAP,
                              CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS,
                              CLAIMS__TF_HAS_DIGIT,
                              CLAIMS__TF_CAP | CLAIMS__TF_HAS_DIGIT,
                              CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS | CLAIMS__TF_HAS_DIGIT,
                              0,
                              CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS,
                              0,
                              CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS,
                              CLAIMS__TF_CAP,
                              0,
                              CLAIMS__TF_POSSESSIVE,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0};
    const uint16_t mask =
        CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS | CLAIMS__TF_HAS_DIGIT | CLAIMS__TF_POSSESSIVE;
    _Static_assert(sizeof want / sizeof want[0] == sizeof flags / sizeof flags[0], "a flag a word");
    expect_tokens(text, sizeof want / sizeof want[0], NULL, want, flags, mask);
}

/* Words with a digit after their first letter, in a run of plain words
 * (after a space, a mark, a line break; before a space, a mark, a
 * possessive): the plain path's word loop hands them on, and each is
 * still one word with its span, norm text, hash and flags. */
static void test_plain_words_with_digits_in_runs(void **state)
{
    (void)state;
    const char *text = "in the A320 and G7, then B2B.\nV8 engines x1y2 run Covid19's tests and "
                       "more words after them.";
    const char *src[] = {"in",  "the",  "A320",    "and",   "G7",   ",",       "then", "B2B",
                         ".",   "V8",   "engines", "x1y2",  "run",  "Covid19", "'s",   "tests",
                         "and", "more", "words",   "after", "them", "."};
    const char *norm[] = {"in",  "the",  "a320",    "and",   "g7",   ",",       "then", "b2b",
                          ".",   "v8",   "engines", "x1y2",  "run",  "covid19", "'s",   "tests",
                          "and", "more", "words",   "after", "them", "."};
    enum { C = CLAIMS__TF_CAP, A = CLAIMS__TF_ALLCAPS, D = CLAIMS__TF_HAS_DIGIT };
    const uint16_t flags[] = {
        0, 0, C | D, 0, C | D, 0, 0, C | A | D, 0, C | D, 0, D, 0, C | D, CLAIMS__TF_POSSESSIVE,
        0, 0, 0,     0, 0,     0, 0};
    const uint16_t mask = C | A | D | CLAIMS__TF_POSSESSIVE;
    _Static_assert(sizeof src / sizeof src[0] == sizeof flags / sizeof flags[0], "a flag a word");
    _Static_assert(sizeof norm / sizeof norm[0] == sizeof flags / sizeof flags[0], "a flag a word");
    expect_tokens(text, sizeof src / sizeof src[0], src, norm, flags, mask);
}

/* Numbers of every length around the sixteen bytes the plain path may
 * read at once, with a ',' or '.' on the last of them or past them, after
 * a word and after a mark: each is one token as long as the general path
 * would read it. */
static void test_plain_numbers_by_sixteen(void **state)
{
    (void)state;
    const char *text =
        "at 12345678901234,5 and 123456789012345,6 and 1234567890123456 or "
        "12,345,678,901,234,567 then 7.5. (123456789012345.6) 4,5,,6 so 12345678901234. "
        "we 1234567890123,4.";
    const char *want[] = {"at",
                          "12345678901234,5",
                          "and",
                          "123456789012345,6",
                          "and",
                          "1234567890123456",
                          "or",
                          "12,345,678,901,234,567",
                          "then",
                          "7.5",
                          ".",
                          "(",
                          "123456789012345.6",
                          ")",
                          "4,5",
                          ",",
                          ",",
                          "6",
                          "so",
                          "12345678901234",
                          ".",
                          "we",
                          "1234567890123,4",
                          "."};
    uint16_t flags[sizeof want / sizeof want[0]] = {0};
    expect_tokens(text, sizeof want / sizeof want[0], NULL, want, flags, 0);
}

/* Words with an apostrophe inside or a possessive after them, ASCII or
 * U+2019, each far enough from the end of the text to be read sixteen
 * bytes at once: their spans, norm texts, hashes and flags. */
static void test_apostrophe_words(void **state)
{
    (void)state;
    const char *text = "They're sure DON'T x9'd O'Brien won't rock'n'roll Ana\xe2\x80\x99s plan "
                       "Bo's UK'S aim can\xe2\x80\x99t wait, ok? and some more words after it.";
    const char *want[] = {"They're",
                          "sure",
                          "DON'T",
                          "x9'd",
                          "O'Brien",
                          "won't",
                          "rock'n'roll",
                          "Ana",
                          "\xe2\x80\x99s",
                          "plan",
                          "Bo",
                          "'s",
                          "UK",
                          "'S",
                          "aim",
                          "can\xe2\x80\x99t",
                          "wait",
                          ",",
                          "ok",
                          "?",
                          "and",
                          "some",
                          "more",
                          "words",
                          "after",
                          "it",
                          "."};
    const char *norm[] = {"they're", "sure",  "don't", "x9'd",  "o'brien", "won't", "rock'n'roll",
                          "ana",     "'s",    "plan",  "bo",    "'s",      "uk",    "'s",
                          "aim",     "can't", "wait",  ",",     "ok",      "?",     "and",
                          "some",    "more",  "words", "after", "it",      "."};
    const uint16_t flags[] = {CLAIMS__TF_CAP,
                              0,
                              CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS,
                              CLAIMS__TF_HAS_DIGIT,
                              CLAIMS__TF_CAP,
                              0,
                              0,
                              CLAIMS__TF_CAP,
                              CLAIMS__TF_POSSESSIVE,
                              0,
                              CLAIMS__TF_CAP,
                              CLAIMS__TF_POSSESSIVE,
                              CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS,
                              CLAIMS__TF_POSSESSIVE,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0,
                              0};
    const uint16_t mask =
        CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS | CLAIMS__TF_HAS_DIGIT | CLAIMS__TF_POSSESSIVE;
    _Static_assert(sizeof want / sizeof want[0] == sizeof norm / sizeof norm[0] &&
                       sizeof want / sizeof want[0] == sizeof flags / sizeof flags[0],
                   "a norm text and a flag a word");
    expect_tokens(text, sizeof want / sizeof want[0], want, norm, flags, mask);
}

/* Every token is in exactly one sentence: the sentences' token ranges
 * run on from one to the next, from the first token to the last, and
 * each token's position names the sentence whose range holds it (the
 * extractors end a walk at its sentence's tok_end and take a token's
 * sentence from its position, not by a search). Texts of several beats,
 * with blank lines, captions, quotes, abbreviations and page furniture. */
static void test_sentences_cover_every_token(void **state)
{
    (void)state;
    const char *texts[] = {
        "Rescuers pulled 14 people from the river on Sunday. \"We kept going,\" said Lt. Ana "
        "Ruiz.\n\nPhoto: Staff\n\nThe ferry (built in 1998) sank near the U.S. border...",
        "SEOUL, March 3 (Reuters) - Shares rose 2.5% on Monday.\nMarkets closed early\n"
        "Reporting by Kim Lee; Editing by Jo Park",
        "The court ruled 5-4. Justice Roe wrote: \"No.\" \"Yes?\" asked Mr. Doe! (He left.)",
        "   \n\n\"Unclosed quote runs on\n\nand on",
        "One",
        ".",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        seg g = segment(texts[k], strlen(texts[k]), NULL);
        size_t next = 0;
        for (size_t si = 0; si < g.a->nsents; si++) {
            const claims__sentence *sn = &g.a->sents[si];
            assert_int_equal(sn->tok_begin, next);
            assert_true(sn->tok_end > sn->tok_begin);
            for (size_t i = sn->tok_begin; i < sn->tok_end; i++)
                assert_int_equal(g.a->pos[i].sentence, si);
            next = sn->tok_end;
        }
        assert_int_equal(next, g.a->ntoks);
        claims_story_free(g.s);
    }
}

/* Straight double quotation marks right after a punctuation mark, far
 * enough from the end of the text to be read sixteen bytes at once: a
 * closing one after most marks, an opening one after '-' and '['. */
static void test_quotes_after_marks(void **state)
{
    (void)state;
    const char *text = "He said \"no.\" Then \"yes,\"\nshe said-\"maybe\" [\"x\"] ok.\" and more "
                       "words to read past the end.";
    seg g = segment(text, strlen(text), NULL);
    const uint16_t qmask = CLAIMS__TF_QUOTE_OPEN | CLAIMS__TF_QUOTE_CLOSE |
                           CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_LINE_BEFORE;
    /* the quotation marks in order, with their flags */
    const uint16_t want[] = {CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_QUOTE_OPEN,
                             CLAIMS__TF_QUOTE_CLOSE,
                             CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_QUOTE_OPEN,
                             CLAIMS__TF_QUOTE_CLOSE,
                             CLAIMS__TF_QUOTE_OPEN,
                             CLAIMS__TF_QUOTE_CLOSE,
                             CLAIMS__TF_QUOTE_OPEN,
                             CLAIMS__TF_QUOTE_CLOSE,
                             CLAIMS__TF_QUOTE_CLOSE};
    size_t q = 0;
    for (size_t i = 0; i < g.a->ntoks; i++) {
        const claims__token *t = &g.a->toks[i];
        if (t->cls != CLAIMS__TOK_QUOTE)
            continue;
        assert_true(q < sizeof want / sizeof want[0]);
        assert_int_equal(t->flags & qmask, want[q]);
        assert_int_equal(t->hash, claims__word_hash("\"", 1));
        assert_int_equal(g.a->pos[i].end - g.a->pos[i].start, 1);
        q++;
    }
    assert_int_equal(q, sizeof want / sizeof want[0]);
    /* the word after "yes," and its line break */
    for (size_t i = 0; i < g.a->ntoks; i++)
        if (claims__tok_len(&g.a->toks[i]) == 3 && !memcmp(claims__tok_norm(g.a, i), "she", 3))
            assert_true(g.a->toks[i].flags & CLAIMS__TF_LINE_BEFORE);
    claims_story_free(g.s);
}

static void test_sentences_respect_abbreviations(void **state)
{
    (void)state;
    const char *text =
        "Gen. Ana Ruiz met Dr. Lee at 9 a.m. on Sept. 3 in the U.N. building. "
        "The No. 2 official, J. R. Smith, was there. Prices rose 3.5 percent! "
        "\"Is it over?\" she asked. Yes.";
    seg g = segment(text, strlen(text), NULL);
    assert_int_equal(g.a->nsents, 5);
    assert_string_equal(sentence(&g, 0),
                        "Gen. Ana Ruiz met Dr. Lee at 9 a.m. on Sept. 3 in the U.N. building.");
    assert_string_equal(sentence(&g, 1), "The No. 2 official, J. R. Smith, was there.");
    assert_string_equal(sentence(&g, 2), "Prices rose 3.5 percent!");
    assert_string_equal(sentence(&g, 3), "\"Is it over?\" she asked.");
    assert_string_equal(sentence(&g, 4), "Yes.");
    claims_story_free(g.s);
}

static void test_sentences_end_after_closing_quote(void **state)
{
    (void)state;
    const char *text = "\xe2\x80\x9cWe will rebuild.\xe2\x80\x9d The work starts today.";
    seg g = segment(text, strlen(text), NULL);
    assert_int_equal(g.a->nsents, 2);
    assert_string_equal(sentence(&g, 0), "\xe2\x80\x9cWe will rebuild.\xe2\x80\x9d");
    claims_story_free(g.s);
}

static void test_paragraphs_and_wrapped_lines(void **state)
{
    (void)state;
    const char *text =
        "A short headline\n"
        "The council voted late on Tuesday to close the old harbour bridge for good\n"
        "after engineers found cracks.\n\n"
        "A second paragraph starts here.\r\nAnd a third, after CRLF.";
    seg g = segment(text, strlen(text), NULL);
    assert_int_equal(g.a->nsents, 4);
    assert_int_equal(g.a->sents[0].paragraph, 0);
    assert_int_equal(g.a->sents[1].paragraph, 1);
    /* the wrapped line joins its sentence */
    assert_non_null(strstr(sentence(&g, 1), "for good\nafter engineers"));
    assert_int_equal(g.a->sents[2].paragraph, 2);
    assert_int_equal(g.a->sents[3].paragraph, 3);
    assert_string_equal(sentence(&g, 3), "And a third, after CRLF.");
    claims_story_free(g.s);
}

static void test_furniture_marked(void **state)
{
    (void)state;
    const char *text =
        "Flood waters rise\n"
        "Mayor and rescuers 512 (photo credit: Reuters)\n"
        "Mayor and rescuers 512\n"
        "(photo credit: Reuters)\n"
        "RELATED: Storm hits coast\n"
        "By Maria Lopez\n"
        "Rescuers pulled 14 people from the water on Friday. Photo by Reuters\n"
        "Reuters contributed to this report.\n"
        "Ferry sinking kills 31";
    seg g = segment(text, strlen(text), "Flood waters rise");
    size_t furniture = 0, content = 0;
    for (size_t i = 0; i < g.a->nsents; i++) {
        if (g.a->sents[i].flags & CLAIMS__SF_FURNITURE)
            furniture++;
        else if (!(g.a->sents[i].flags & CLAIMS__SF_TITLE))
            content++;
    }
    assert_true(g.a->sents[0].flags & CLAIMS__SF_TITLE);
    /* the rescue sentence and the headline-like last line */
    assert_int_equal(content, 2);
    assert_int_equal(furniture, g.a->nsents - 3);
    claims_story_free(g.s);
}

/* A sentence is a credit when a report phrase is in its first six
 * tokens, not later; a credit at the very end of the text, with fewer
 * than six tokens left, is read as well. */
static void test_furniture_report_phrase_in_first_six_tokens(void **state)
{
    (void)state;
    const char *text = "Officials said the bridge reopened on Monday.\n"
                       "Staff writer Jo Kim contributed to this report.\n"
                       "Six of the town council members contributed to this report.\n"
                       "Photo by AP";
    seg g = segment(text, strlen(text), NULL);
    assert_int_equal(g.a->nsents, 4);
    assert_false(g.a->sents[0].flags & CLAIMS__SF_FURNITURE);
    assert_true(g.a->sents[1].flags & CLAIMS__SF_FURNITURE);
    assert_false(g.a->sents[2].flags & CLAIMS__SF_FURNITURE);
    assert_true(g.a->sents[3].flags & CLAIMS__SF_FURNITURE);
    claims_story_free(g.s);
}

static void test_bom_is_skipped_but_offsets_kept(void **state)
{
    (void)state;
    const char *text = "\xef\xbb\xbfHello there.";
    seg g = segment(text, strlen(text), NULL);
    assert_int_equal(g.a->pos[0].start, 3);
    assert_int_equal(g.a->sents[0].start, 3);
    claims_story_free(g.s);
}

static void test_offsets_round_trip(void **state)
{
    (void)state;
    /* the plain path (ASCII words, numbers) and the general one (accents,
       ligatures, fractions, full-width letters, curly apostrophes):
       speakers' folded names are made from these norm texts */
    const char *text =
        "\xc2\xabNo,\xc2\xbb dit-il. Les 3\xe2\x80\xaf"
        "000 soldats \xe2\x80\x94 "
        "\xc3\xa9tonnant! Fin. O\xe2\x80\x99"
        "Brien\xe2\x80\x99s \xef\xac\x81nal "
        "\xc2\xbd mile, \xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3 NATO's 1,250 M\xc3\xbcller "
        "\xc3\x85ngstr\xc3\xb6m said.";
    seg g = segment(text, strlen(text), NULL);
    for (size_t i = 0; i < g.a->ntoks; i++) {
        const claims__tok_pos *t = &g.a->pos[i];
        assert_true(t->start < t->end);
        assert_true(t->end <= g.a->len);
        /* re-normalizing the token's original bytes gives its norm text */
        claims__buf b;
        claims__buf_init(&b, &g.s->alloc);
        assert_true(claims__norm_append(&b, text + t->start, t->end - t->start));
        assert_int_equal(b.len, claims__tok_len(&g.a->toks[i]));
        assert_memory_equal(b.data, claims__tok_norm(g.a, i), b.len);
        claims__buf_free(&b);
    }
    claims_story_free(g.s);
}

static void test_huge_single_line(void **state)
{
    (void)state;
    size_t n = 10u * 1024 * 1024;
    char *text = malloc(n);
    assert_non_null(text);
    const char *unit = "Officials counted 12 boats near the pier and no one was hurt ";
    size_t ul = strlen(unit);
    for (size_t i = 0; i < n; i++)
        text[i] = unit[i % ul];
    seg g = segment(text, n, NULL);
    assert_true(g.a->ntoks > n / 8);
    assert_int_equal(g.a->nsents, 1);
    assert_int_equal(g.a->sents[0].start, 0);
    claims_story_free(g.s);
    free(text);
}

/* A bare string tokenized (claims__tokenize) with a story's allocator. */
typedef struct bare {
    claims_story *s;
    claims__token *toks;
    claims__tok_pos *pos;
    size_t ntoks, nlen;
    char *norm;
} bare;

static bare tokenize_bare(const char *text, size_t n)
{
    bare b = {NULL, NULL, NULL, 9, 9, NULL};
    assert_int_equal(claims_story_new(NULL, &b.s), CLAIMS_OK);
    assert_int_equal(claims__tokenize(&b.s->alloc, text, n, &b.toks, &b.pos, &b.ntoks, &b.norm,
                                      &b.nlen),
                     CLAIMS_OK);
    return b;
}

static void bare_free(bare *b)
{
    claims__free(&b->s->alloc, b->toks);
    claims__free(&b->s->alloc, b->norm);
    claims_story_free(b->s);
}

static void test_empty_and_space_only(void **state)
{
    (void)state;
    bare b = tokenize_bare(" \n\t ", 4);
    assert_int_equal(b.ntoks, 0);
    assert_int_equal(b.nlen, 0);
    assert_non_null(b.toks);
    expect_token_past(b.toks, 0, 0);
    bare_free(&b);
}

/* A bare string's tokens (claims__tokenize: titles, the lexicon loader)
 * may start a phrase of any section: every lexmask bit set, no drop bit
 * to clear, and LEX_PAIR, so that every lookup takes the full tests. */
static void test_bare_string_tokens_may_start_any_phrase(void **state)
{
    (void)state;
    const char *text = "Firefighters said, \"the blaze\" spread";
    bare b = tokenize_bare(text, strlen(text));
    assert_int_equal(b.ntoks, 8);
    for (size_t i = 0; i < b.ntoks; i++) {
        assert_int_equal(b.toks[i].lexmask, UINT32_MAX);
        assert_int_equal(b.pos[i].sentence, 0);
        assert_true(b.toks[i].flags & CLAIMS__TF_LEX_PAIR);
    }
    /* the norm texts run one into the next, to the one past the last */
    assert_int_equal(claims__tok_len(&b.toks[0]), strlen("firefighters"));
    assert_int_equal(claims__tok_len(&b.toks[b.ntoks - 1]), strlen("spread"));
    expect_token_past(b.toks, b.ntoks, b.nlen);
    bare_free(&b);
}

/* ------------------------------------------------------------- words */

/* The diff of a and b aligned by the one word aligner. */
static void words_diff(claims__wordpair *wp, const char *a, const char *b, char *out,
                       size_t cap)
{
    assert_true(claims__wordpair_align(wp, a, b, CLAIMS__ALIGN_CELLS));
    claims__buf d;
    claims__buf_init(&d, wp->al);
    claims__wordpair_diff(wp, &d);
    assert_false(d.failed);
    assert_true(d.len < cap);
    memcpy(out, d.data ? d.data : "", d.len);
    out[d.len] = 0;
    claims__buf_free(&d);
}

static void test_words_marks(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__wordpair wp;
    claims__wordpair_init(&wp, &s->alloc);
    assert_true(claims__wordpair_align(&wp, "a b c d", "a x c d e", CLAIMS__ALIGN_CELLS));
    assert_int_equal(wp.na, 4);
    assert_int_equal(wp.nb, 5);
    assert_int_equal(wp.common, 3);
    const uint8_t wa[4] = {0, 1, 0, 0}, wb[5] = {0, 1, 0, 0, 1};
    assert_memory_equal(wp.ma, wa, 4);
    assert_memory_equal(wp.mb, wb, 5);
    /* a table over the limit is not aligned: every middle word marked */
    assert_true(claims__wordpair_align(&wp, "a b c d", "a x c d e", 4));
    assert_int_equal(wp.common, 1);
    const uint8_t all_a[4] = {0, 1, 1, 1}, all_b[5] = {0, 1, 1, 1, 1};
    assert_memory_equal(wp.ma, all_a, 4);
    assert_memory_equal(wp.mb, all_b, 5);
    claims__wordpair_free(&wp);
    claims_story_free(s);
}

static void test_words_diff_overlap_and_runs(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__wordpair wp;
    claims__wordpair_init(&wp, &s->alloc);
    char d[128];
    words_diff(&wp, "the crews they have sent", "the crews they has sent", d, sizeof d);
    assert_string_equal(d, "have -> has");
    assert_int_equal(wp.common, 4);
    /* words only one side has at the start or end: cut short, no edit */
    words_diff(&wp, "we will not compromise on security", "not compromise on", d, sizeof d);
    assert_string_equal(d, "");
    words_diff(&wp, "prices fell", "prices fell", d, sizeof d);
    assert_string_equal(d, "");
    words_diff(&wp, "a b c", "a x b c", d, sizeof d);
    assert_string_equal(d, "+x");
    words_diff(&wp, "a b c d e f g h i j k", "a 1 b 2 c 3 d 4 e 5 f 6 g", d, sizeof d);
    assert_string_equal(d, "+1; +2; +3; +4; ...");
    assert_true(claims__wordpair_align(&wp, "a b c d e", "a b c d f", CLAIMS__ALIGN_CELLS));
    assert_true(claims__wordpair_overlap(&wp) > 0.79);
    assert_true(claims__wordpair_align(&wp, "", "a b", CLAIMS__ALIGN_CELLS));
    assert_true(claims__wordpair_overlap(&wp) == 0);
    claims__wordpair_free(&wp);
    claims_story_free(s);

    assert_true(claims__words_within("not compromise on", "we will not compromise on it"));
    assert_true(claims__words_within("prices fell", "prices fell"));
    assert_false(claims__words_within("compromise o", "not compromise on"));
    assert_false(claims__words_within("", "a b"));
    /* only at word starts: a word that begins as the phrase does but is
     * longer, a match inside a word, then the phrase itself */
    assert_true(claims__words_within("cut rates", "cutting costs cut rates"));
    assert_false(claims__words_within("rate", "the birthrate rates"));
    assert_true(claims__words_within("rate", "the birthrate rates or rate"));
    assert_false(claims__words_within("a", "banana bread"));
    assert_true(claims__words_within("bread", "banana bread"));
}

/* claims__buf_put copies pieces of up to 16 bytes without memcpy: every
 * length from 0 to 40, at every alignment the buffer reaches, and the
 * text must come out whole and NUL-ended. */
/* claims__lexmask_or: a bit of any token of [lo, hi) is in the answer
 * and none from outside it, at every span up to 24 tokens (the steps of
 * eight from eight up, the last eight read again, and the short loop). */
static void test_lexmask_or_every_span(void **state)
{
    (void)state;
    claims__token t[26];
    memset(t, 0, sizeof t);
    for (size_t lo = 0; lo <= 24; lo++)
        for (size_t hi = lo; hi <= 24; hi++)
            for (size_t p = 0; p < 26; p++) {
                t[p].lexmask = 1u << (p % 31);
                uint32_t m = claims__lexmask_or(t, lo, hi);
                assert_int_equal(m, p >= lo && p < hi ? 1u << (p % 31) : 0u);
                t[p].lexmask = 0;
            }
}

static void test_buf_put_every_length(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char src[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    char want[2048];
    size_t len = 0;
    claims__buf b;
    claims__buf_init(&b, &s->alloc);
    for (size_t n = 0; n <= 40; n++)
        for (size_t off = 0; off < 2; off++) {
            assert_true(claims__buf_put(&b, src + off, n));
            memcpy(want + len, src + off, n);
            len += n;
            assert_int_equal(b.len, len);
            assert_memory_equal(b.data, want, len);
            assert_int_equal(b.data[len], 0);
        }
    claims__buf_free(&b);
    claims_story_free(s);
}

/* claims__wordpair_count counts what claims__wordpair_align counts, on
 * strings of a few repeated words (middles over one and two 64-bit
 * words of bits, either side the shorter), and within the cell limit. */
static void test_words_count_as_align(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__wordpair wp, wc;
    claims__wordpair_init(&wp, &s->alloc);
    claims__wordpair_init(&wc, &s->alloc);
    static const char *const vocab[] = {"al", "bo", "cy", "di", "ed", "fa", "go"};
    char a[1024], b[1024];
    uint32_t r = 12345;
    for (int round = 0; round < 300; round++) {
        char *sides[2] = {a, b};
        for (int k = 0; k < 2; k++) {
            r = r * 1103515245u + 12345u;
            size_t words = (r >> 8) % (round % 3 == 0 ? 150 : 40), len = 0;
            for (size_t w = 0; w < words; w++) {
                r = r * 1103515245u + 12345u;
                len += (size_t)snprintf(sides[k] + len, 8, "%s%s", w ? " " : "",
                                        vocab[(r >> 12) % (3 + (size_t)round % 5)]);
            }
            sides[k][len] = 0;
        }
        size_t cells = round % 7 == 0 ? 64 : CLAIMS__ALIGN_CELLS;
        /* a's bytes changed: a new pair (the old one would keep a's words) */
        claims__wordpair_free(&wc);
        claims__wordpair_init(&wc, &s->alloc);
        assert_true(claims__wordpair_align(&wp, a, b, cells));
        assert_true(claims__wordpair_count(&wc, a, b, cells));
        assert_int_equal(wc.common, wp.common);
        assert_int_equal(wc.na, wp.na);
        assert_int_equal(wc.nb, wp.nb);
        /* a again, with its words kept */
        assert_true(claims__wordpair_count(&wc, a, a, cells));
        assert_int_equal(wc.common, wp.na);
    }
    assert_true(claims__wordpair_count(&wc, NULL, "a b", CLAIMS__ALIGN_CELLS));
    assert_true(claims__wordpair_overlap(&wc) == 0);
    claims__wordpair_free(&wp);
    claims__wordpair_free(&wc);
    claims_story_free(s);
}

static void test_words_split_and_fold(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__word *w = NULL;
    size_t cap = 0, n = 0;
    assert_true(claims__words_split(&s->alloc, "  one two  three ", true, &w, &cap, &n));
    assert_int_equal(n, 3);
    assert_int_equal(w[1].len, 3);
    assert_memory_equal(w[2].p, "three", 5);
    assert_int_equal(w[1].hash, claims__hash(CLAIMS__HASH_INIT, "two", 3));
    /* without hashes: the same words, hash 0 */
    assert_true(claims__words_split(&s->alloc, "  one two  three ", false, &w, &cap, &n));
    assert_int_equal(n, 3);
    assert_memory_equal(w[1].p, "two", 3);
    assert_int_equal(w[1].hash, 0);
    claims__free(&s->alloc, w);
    claims__buf b;
    claims__buf_init(&b, &s->alloc);
    /* normalized text: its accents folded, the rest as it is */
    assert_true(claims__fold_norm_append(&b, "p\xc3\xa9res d\xc3\xbcrer", 13));
    assert_int_equal(b.len, 11);
    assert_memory_equal(b.data, "peres durer", 11);
    claims__buf_free(&b);
    claims_story_free(s);
}

/* An arena's blocks grow with what it holds: 64 KB at first, a quarter
 * of what it holds later, up to 4 MB (mem.c). A big story's memory is
 * then a few big blocks an allocator may give huge pages. An allocation
 * of more than a quarter of a block has a block of its own, behind the
 * current one, whose free space stays in use. */
static void test_arena_blocks_grow_with_it(void **state)
{
    (void)state;
    tu_counter k = {0, 0, 0, 0};
    claims_allocator a = tu_counting_allocator(&k);
    claims__arena ar;
    claims__arena_init(&ar, &a);
    char *first = claims__arena_alloc_raw(&ar, 100);
    assert_non_null(first);
    size_t first_size = ar.head->size;
    assert_true(first_size < 64 * 1024 && first_size > 60 * 1024);
    size_t blocks = 1;
    for (size_t got = 100; got < (size_t)24 << 20; got += 1000) {
        const claims__arena_block *was = ar.head;
        char *p = claims__arena_alloc_raw(&ar, 1000);
        assert_non_null(p);
        memset(p, 7, 1000);
        blocks += ar.head != was;
    }
    /* 24 MB in 64 KB blocks would be 380 of them */
    assert_true(blocks < 40);
    assert_true(ar.head->size > (size_t)3900 * 1024 && ar.head->size < (size_t)4 << 20);
    const claims__arena_block *cur = ar.head;
    size_t used = cur->used;
    size_t room = cur->size - used, n = room + 1024 > 600 * 1024 ? room + 1024 : 600 * 1024;
    char *big = claims__arena_alloc_raw(&ar, n);
    assert_non_null(big);
    assert_ptr_equal(ar.head, cur);
    assert_int_equal(ar.head->used, used);
    assert_true(ar.head->next->apart);
    claims__arena_clear(&ar);
    assert_non_null(ar.head);
    assert_false(ar.head->apart);
    assert_int_equal(ar.head->used, 0);
    assert_null(ar.head->next);
    assert_int_equal(ar.held, CLAIMS__ARENA_HEADER + ar.head->size + 64);
    claims__arena_release(&ar);
    assert_null(ar.head);
    assert_int_equal(ar.held, 0);
    assert_int_equal(k.now, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_accepts_valid_text),
        cmocka_unit_test(test_utf8_rejects_with_offset),
        cmocka_unit_test(test_norm_folds_case_quotes_dashes),
        cmocka_unit_test(test_tokens_keep_byte_spans),
        cmocka_unit_test(test_bare_string_tokens_may_start_any_phrase),
        cmocka_unit_test(test_tokens_split_possessive_and_quotes),
        cmocka_unit_test(test_plain_words_by_sixteen),
        cmocka_unit_test(test_plain_words_with_digits_in_runs),
        cmocka_unit_test(test_plain_numbers_by_sixteen),
        cmocka_unit_test(test_apostrophe_words),
        cmocka_unit_test(test_quotes_after_marks),
        cmocka_unit_test(test_sentences_cover_every_token),
        cmocka_unit_test(test_sentences_respect_abbreviations),
        cmocka_unit_test(test_sentences_end_after_closing_quote),
        cmocka_unit_test(test_paragraphs_and_wrapped_lines),
        cmocka_unit_test(test_furniture_marked),
        cmocka_unit_test(test_furniture_report_phrase_in_first_six_tokens),
        cmocka_unit_test(test_bom_is_skipped_but_offsets_kept),
        cmocka_unit_test(test_offsets_round_trip),
        cmocka_unit_test(test_huge_single_line),
        cmocka_unit_test(test_empty_and_space_only),
        cmocka_unit_test(test_words_marks),
        cmocka_unit_test(test_words_diff_overlap_and_runs),
        cmocka_unit_test(test_words_count_as_align),
        cmocka_unit_test(test_words_split_and_fold),
        cmocka_unit_test(test_lexmask_or_every_span),
        cmocka_unit_test(test_buf_put_every_length),
        cmocka_unit_test(test_arena_blocks_grow_with_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
