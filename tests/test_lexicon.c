/* Lexicon files: parsing, errors with offsets, lookups, overrides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

static claims__lexicon *load(claims_story *s, const char *text, claims_status want,
                             size_t want_off)
{
    claims__lexicon *lx = NULL;
    assert_int_equal(claims__lexicon_new(&s->alloc, &lx), CLAIMS_OK);
    size_t off = 12345;
    assert_int_equal(claims__lexicon_load(lx, text, strlen(text), &off), want);
    if (want != CLAIMS_OK)
        assert_int_equal(off, want_off);
    return lx;
}

static void test_lexicon_parses_sections_and_phrases(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__lexicon *lx = load(s,
                               "# comment\n"
                               "[concept]\n"
                               "ferry = ferry, ferries, passenger boat\n"
                               "\n"
                               "[number]\n"
                               "  25 = twenty-five\n"
                               "-1 = minus one\n",
                               CLAIMS_OK, 0);
    const claims__lex_entry *e = claims__lex_get(lx, CLAIMS__LEX_CONCEPT, "passenger boat", 14);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "ferry");
    assert_int_equal(e->ntok, 2);
    e = claims__lex_get(lx, CLAIMS__LEX_NUMBER, "twenty-five", 11);
    assert_non_null(e);
    assert_true(e->has_num);
    assert_true(e->num == 25);
    e = claims__lex_get(lx, CLAIMS__LEX_NUMBER, "minus one", 9);
    assert_non_null(e);
    assert_true(e->num == -1);
    /* sections are separate namespaces */
    assert_null(claims__lex_get(lx, CLAIMS__LEX_NUMBER, "ferry", 5));
    claims__lexicon_free(lx);
    claims_story_free(s);
}

static void test_lexicon_errors_name_the_line(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__lexicon_free(load(s, "[concept]\nno equals sign here\n", CLAIMS_ERR_LEXICON, 10));
    claims__lexicon_free(load(s, "[nosuchsection]\n", CLAIMS_ERR_LEXICON, 0));
    claims__lexicon_free(load(s, "ship = boat\n", CLAIMS_ERR_LEXICON, 0));
    claims__lexicon_free(load(s, "[unit]\n = km\n", CLAIMS_ERR_LEXICON, 7));
    claims__lexicon_free(load(s, "[unit\n", CLAIMS_ERR_LEXICON, 0));
    claims__lexicon_free(load(s, "[unit]\nkm = k\xffm\n", CLAIMS_ERR_LEXICON, 13));
    /* a number section takes numbers only */
    claims__lexicon_free(load(s, "[number]\n7 = seven\nsix = 6\n", CLAIMS_ERR_LEXICON, 19));
    claims__lexicon_free(load(s, "[scale]\n1e3 = kilo\n", CLAIMS_ERR_LEXICON, 8));
    claims__lexicon_free(load(s, "[number]\n-1 = minus one\n0.5 = a half\n", CLAIMS_OK, 0));
    claims_story_free(s);
}

/* Through the API: the reason as the message, the bad line's offset, a
 * byte order mark skipped. */
static void test_lexicon_api_error_reason_and_bom(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims_error err;
    memset(&err, 0, sizeof err);
    const char bom[] = "\xEF\xBB\xBF[concept]\nferry = ro-ro boat\n";
    assert_int_equal(claims_story_add_lexicon(s, bom, strlen(bom), &err), CLAIMS_OK);
    const char *cases[][2] = {
        {"[concept]\nboat = ship\n[nosuch]\n", "unknown lexicon section"},
        {"[concept]\nboat = ship\nno equals\n", "lexicon entry without '='"},
        {"[concept]\nboat = ship\n[unit\n", "lexicon section line without ']'"},
        {"[concept]\nboat = ship\nten = 10\n", NULL},
        {"[number]\n10 = ten\nten = 10\n", "lexicon value in [number] or [scale] is not a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memset(&err, 0, sizeof err);
        claims_status st = claims_story_add_lexicon(s, cases[i][0], strlen(cases[i][0]), &err);
        if (!cases[i][1]) {
            assert_int_equal(st, CLAIMS_OK);
            continue;
        }
        assert_int_equal(st, CLAIMS_ERR_LEXICON);
        assert_string_equal(err.message, cases[i][1]);
        assert_true(err.has_offset);
        /* the third line */
        size_t lines = 1;
        for (size_t k = 0; k < err.offset; k++)
            lines += cases[i][0][k] == '\n';
        assert_int_equal(lines, 3);
    }
    /* a mark counts in the offsets */
    const char bad[] = "\xEF\xBB\xBF[nosuch]\n";
    memset(&err, 0, sizeof err);
    assert_int_equal(claims_story_add_lexicon(s, bad, strlen(bad), &err), CLAIMS_ERR_LEXICON);
    assert_int_equal(err.offset, 3);
    claims_story_free(s);
}

/* A story with lexicon `lex` added and one article of `text`, segmented
 * (its tokens in *art). Free with claims_story_free(). */
static claims_story *segmented(const char *lex, const char *text, claims__article **art)
{
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), NULL), CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "x", NULL, NULL, text, strlen(text), NULL),
                     CLAIMS_OK);
    *art = &s->articles[0];
    assert_int_equal(claims__segment(&s->alloc, s->lex, *art), CLAIMS_OK);
    return s;
}

static void test_lexicon_match_longest_phrase_in_text(void **state)
{
    (void)state;
    claims__article *a;
    claims_story *s = segmented("[concept]\nzorb = zorb\nbigzorb = blue zorb machine\n",
                                "Three Blue  Zorb Machines and one zorb.", &a);
    size_t n = 0;
    /* plural "machines" is not listed, so the 3-word phrase fails there */
    assert_null(claims__lex_match(s->lex, CLAIMS__LEX_CONCEPT, a, 1, a->ntoks, &n));
    const claims__lex_entry *e = claims__lex_match(s->lex, CLAIMS__LEX_CONCEPT, a, 6, a->ntoks, &n);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "zorb");
    assert_int_equal(n, 1);
    /* the match may not run past `end` */
    const char *lex2 = "[concept]\nbigzorb = blue zorb machines\n";
    assert_int_equal(claims_story_add_lexicon(s, lex2, strlen(lex2), NULL), CLAIMS_OK);
    e = claims__lex_match(s->lex, CLAIMS__LEX_CONCEPT, a, 1, a->ntoks, &n);
    assert_non_null(e);
    assert_int_equal(n, 3);
    assert_null(claims__lex_match(s->lex, CLAIMS__LEX_CONCEPT, a, 1, 3, &n));
    claims_story_free(s);
}

static void test_lexicon_later_entry_overrides(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *lex = "[concept]\nboat = skiff\n[concept]\nship = skiff\n";
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), NULL), CLAIMS_OK);
    const claims__lex_entry *e = claims__lex_get(s->lex, CLAIMS__LEX_CONCEPT, "skiff", 5);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "ship");
    claims_story_free(s);
}

static void test_lexicon_builtin_loads(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_non_null(claims__lex_get(s->lex, CLAIMS__LEX_ABBREVIATION, "sept", 4));
    assert_non_null(claims__lex_get(s->lex, CLAIMS__LEX_FURNITURE, "photo credit", 12));
    claims_story_free(s);
}

static bool same_entry(const claims__lex_entry *a, const claims__lex_entry *b)
{
    return a && b && strcmp(claims__lex_text(a), claims__lex_text(b)) == 0 && a->num == b->num &&
           a->has_num == b->has_num && a->section == b->section && a->ntok == b->ntok &&
           a->code == b->code;
}

/* The tables generated at build time are what loading the built-in text
 * at run time gives: the same slots, keys, bitmaps, and each slot's entry
 * (equal entries may be one in the generated tables). */
/* The buckets' index (claims__lex_tables.bucket_index): index 0 the
 * empty bucket and no other, and no value twice: at most `values`
 * values. */
static void assert_buckets_indexed(const claims__lex_tables *t, size_t values)
{
    size_t most = 0;
    assert_int_equal(t->bucket_values[0].drop | t->bucket_values[0].lexmask, 0);
    for (size_t i = 0; i < CLAIMS__LEX_FIRST_BITS; i++) {
        const claims__lex_bucket *v = claims__lex_bucket_of(t, (uint32_t)i);
        assert_true((t->bucket_index[i] == 0) == ((v->drop | v->lexmask) == 0));
        if (t->bucket_index[i] > most)
            most = t->bucket_index[i];
    }
    for (size_t a = 1; a <= most; a++)
        for (size_t b = a + 1; b <= most; b++)
            assert_false(t->bucket_values[a].drop == t->bucket_values[b].drop &&
                         t->bucket_values[a].lexmask == t->bucket_values[b].lexmask);
    assert_true(most < values);
}

static void test_lexicon_generated_tables_match_a_load(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__lexicon *lx = load(s, claims__builtin_lexicon, CLAIMS_OK, 0);
    const claims__lex_tables *g = &claims__builtin_lex_tables, *r = claims__lexicon_tables(lx);
    assert_int_equal(g->nslots, r->nslots);
    assert_int_equal(g->used, r->used);
    assert_int_equal(g->keys_len, r->keys_len);
    assert_memory_equal(g->keys, r->keys, r->keys_len);
    assert_memory_equal(g->maxntok, r->maxntok, CLAIMS__LEX_SECTION_COUNT);
    /* the same buckets; a bucket's drop bits are what its lexmask and
       single bits give */
    for (size_t i = 0; i < CLAIMS__LEX_FIRST_BITS; i++) {
        const claims__lex_bucket *gb = claims__lex_bucket_of(g, (uint32_t)i),
                                 *rb = claims__lex_bucket_of(r, (uint32_t)i);
        assert_int_equal(gb->lexmask, rb->lexmask);
        assert_int_equal(gb->drop, rb->drop);
        assert_int_equal(gb->drop, claims__lex_drop_bits(gb->lexmask, g->single[i]));
    }
    assert_memory_equal(g->single, r->single, CLAIMS__LEX_FIRST_BITS * sizeof *r->single);
    assert_memory_equal(g->bloom, r->bloom, CLAIMS__LEX_BLOOM_CELLS / 16 * sizeof *r->bloom);
    assert_memory_equal(g->pairs, r->pairs, CLAIMS__LEX_PAIR_BITS / 32 * sizeof *r->pairs);
    /* the built-in buckets hold a few hundred values, the index a byte's
       worth (of some 2,000 filled buckets) */
    assert_buckets_indexed(g, 256);
    assert_buckets_indexed(r, 256);
    assert_memory_equal(g->bucket_index, r->bucket_index,
                        CLAIMS__LEX_FIRST_BITS * sizeof *r->bucket_index);
    assert_true(g->nentries <= r->nentries);
    for (size_t i = 0; i < r->nslots; i++) {
        const claims__lex_slot *a = &g->slots[i], *b = &r->slots[i];
        assert_true(a->hash == b->hash && a->section == b->section && a->keylen == b->keylen &&
                    a->key == b->key);
        if (b->hash)
            assert_true(same_entry(&g->entries[a->entry], &r->entries[b->entry]));
    }
    claims__lexicon_free(lx);
    claims_story_free(s);
}

/* No key of a longer phrase lies between a one-token key and its home
 * slot (the top bits of its slot hash): loading places the one-token keys
 * first (lexicon.c's settle_slots), so that a lookup of one token, which
 * compares its home slot only before looking further, finds it there
 * more often. */
static void assert_one_token_keys_placed_first(const claims__lex_tables *t)
{
    size_t mask = t->nslots - 1, singles = 0;
    for (size_t j = 0; j < t->nslots; j++) {
        const claims__lex_slot *sl = &t->slots[j];
        if (!sl->hash || t->entries[sl->entry].ntok != 1)
            continue;
        singles++;
        for (size_t k = sl->hash >> t->shift; k != j; k = (k + 1) & mask)
            assert_int_equal(t->entries[t->slots[k].entry].ntok, 1);
    }
    assert_true(singles > 0);
}

static void test_lexicon_one_token_keys_placed_first(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_one_token_keys_placed_first(&claims__builtin_lex_tables);
    /* and after a newsroom's phrases, longer ones first, are loaded on
       top of the built-in ones */
    const char *lex = "[context]\nhedge = fairly likely, zorbly\n";
    claims_error err;
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), &err), CLAIMS_OK);
    assert_one_token_keys_placed_first(claims__lexicon_tables(s->lex));
    claims_story_free(s);
}

/* Every phrase of the built-in lexicon, written in a text, is found there
 * whole: none of the filters a lookup passes first (first-token buckets,
 * the Bloom cells, the two-token bits) turns a listed phrase away. The
 * keys are the text, a paragraph each. A key whose text is more tokens
 * than its phrase ("½" is kept as "1⁄2", three tokens as text) is no
 * phrase of text: those few are counted apart. */
/* claims__lex_get finds every built-in key by its bytes alone: a key's
 * hash starts with its first token's (claims__word_hash), and lex_get
 * guesses where that token ends from the bytes (a space, a change between
 * letters, digits and other bytes), which holds while the tokenizer
 * splits no run of letters or of digits. */
static void test_lexicon_get_finds_every_builtin_key(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const claims__lex_tables *t = claims__lexicon_tables(s->lex);
    size_t found = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        const claims__lex_slot *sl = &t->slots[i];
        if (!sl->hash)
            continue;
        const claims__lex_entry *e = claims__lex_get(
            s->lex, (claims__lex_section)sl->section, t->keys + sl->key, sl->keylen);
        if (e != &t->entries[sl->entry])
            fail_msg("key \"%.*s\" of section %u not found by claims__lex_get", (int)sl->keylen,
                     t->keys + sl->key, (unsigned)sl->section);
        found++;
    }
    assert_int_equal(found, t->used);
    claims_story_free(s);
}

static void test_lexicon_every_builtin_phrase_matches(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const claims__lex_tables *t = claims__lexicon_tables(s->lex);
    claims__buf text;
    claims__buf_init(&text, &s->alloc);
    size_t *at = calloc(t->nslots, sizeof *at);
    assert_non_null(at);
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[i].hash)
            continue;
        at[i] = text.len;
        claims__buf_put(&text, t->keys + t->slots[i].key, t->slots[i].keylen);
        claims__buf_puts(&text, "\n\n");
    }
    assert_false(text.failed);
    assert_int_equal(claims_story_add_article(s, "k", NULL, NULL, text.data, text.len, NULL),
                     CLAIMS_OK);
    claims__article *a = &s->articles[0];
    assert_int_equal(claims__segment(&s->alloc, s->lex, a), CLAIMS_OK);
    size_t k = 0, checked = 0, respelt = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        const claims__lex_slot *sl = &t->slots[i];
        if (!sl->hash)
            continue;
        while (k < a->ntoks && a->pos[k].start < at[i])
            k++;
        size_t end = k;
        while (end < a->ntoks && a->pos[end].start < at[i] + sl->keylen)
            end++;
        if (end - k != t->entries[sl->entry].ntok) {
            respelt++;
            continue;
        }
        size_t n = 0;
        const claims__lex_entry *e =
            claims__lex_match(s->lex, (claims__lex_section)sl->section, a, k, end, &n);
        if (!e || n != end - k)
            fail_msg("phrase \"%.*s\" of section %u not found whole", (int)sl->keylen,
                     t->keys + sl->key, (unsigned)sl->section);
        checked++;
    }
    assert_int_equal(checked + respelt, t->used);
    assert_true(respelt * 100 < t->used);
    free(at);
    claims__buf_free(&text);
    claims_story_free(s);
}

/* A newsroom lexicon added to one story copies the built-in tables: the
 * story sees both, another story only the built-in entries. */
/* The lexmask of a token `word` as the tokenizer reads it. */
static uint32_t bucket_bits(const claims_story *s, const char *word)
{
    uint32_t h = claims__word_hash(word, strlen(word));
    return claims__lex_bucket_of(claims__lexicon_tables(s->lex), h)->lexmask;
}

static void test_lexicon_added_copies_builtin(void **state)
{
    (void)state;
    claims_story *s = NULL, *other = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_int_equal(claims_story_new(NULL, &other), CLAIMS_OK);
    const char *lex = "[concept]\nzorb = blue zorb machine\n[abbreviation]\nsept = zzz\n";
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), NULL), CLAIMS_OK);
    const claims__lex_entry *e =
        claims__lex_get(s->lex, CLAIMS__LEX_CONCEPT, "blue zorb machine", 17);
    assert_non_null(e);
    assert_int_equal(e->ntok, 3);
    e = claims__lex_get(s->lex, CLAIMS__LEX_ABBREVIATION, "zzz", 3);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "sept");
    assert_non_null(claims__lex_get(s->lex, CLAIMS__LEX_FURNITURE, "photo credit", 12));
    assert_buckets_indexed(claims__lexicon_tables(s->lex), CLAIMS__LEX_FIRST_BITS + 1);
    /* the tokenizer's view of a phrase's first token has its section, a
       built-in's bucket what it was */
    assert_true(bucket_bits(s, "blue") & (1u << CLAIMS__LEX_CONCEPT));
    assert_true(bucket_bits(s, "zzz") & (1u << CLAIMS__LEX_ABBREVIATION));
    assert_int_equal(bucket_bits(s, "photo"), bucket_bits(other, "photo"));
    assert_true(bucket_bits(other, "photo") & (1u << CLAIMS__LEX_FURNITURE));
    assert_null(claims__lex_get(other->lex, CLAIMS__LEX_CONCEPT, "blue zorb machine", 17));
    assert_null(claims__lex_get(other->lex, CLAIMS__LEX_ABBREVIATION, "zzz", 3));
    assert_true(claims__lexicon_tables(other->lex) == &claims__builtin_lex_tables);
    /* enough phrases to grow the copied tables */
    claims__buf b;
    claims__buf_init(&b, &s->alloc);
    claims__buf_puts(&b, "[concept]\n");
    for (int i = 0; i < 5000; i++) {
        claims__buf_puts(&b, "qq = zorbword");
        claims__buf_put_int(&b, i);
        claims__buf_putc(&b, '\n');
    }
    assert_false(b.failed);
    assert_int_equal(claims_story_add_lexicon(s, b.data, b.len, NULL), CLAIMS_OK);
    claims__buf_free(&b);
    assert_buckets_indexed(claims__lexicon_tables(s->lex), CLAIMS__LEX_FIRST_BITS + 1);
    assert_true(bucket_bits(s, "zorbword4999") & (1u << CLAIMS__LEX_CONCEPT));
    assert_true(bucket_bits(s, "blue") & (1u << CLAIMS__LEX_CONCEPT));
    /* the entries have moved (each finds its value by its distance from
       it): the values are still theirs, a built-in's too */
    e = claims__lex_get(s->lex, CLAIMS__LEX_CONCEPT, "zorbword4999", 12);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "qq");
    e = claims__lex_get(s->lex, CLAIMS__LEX_CONCEPT, "blue zorb machine", 17);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "zorb");
    e = claims__lex_get(s->lex, CLAIMS__LEX_ABBREVIATION, "zzz", 3);
    assert_non_null(e);
    assert_string_equal(claims__lex_text(e), "sept");
    const claims__lex_entry *was =
        claims__lex_get(other->lex, CLAIMS__LEX_FURNITURE, "photo credit", 12);
    e = claims__lex_get(s->lex, CLAIMS__LEX_FURNITURE, "photo credit", 12);
    assert_non_null(was);
    assert_non_null(e);
    assert_ptr_not_equal(e, was);
    assert_string_equal(claims__lex_text(e), claims__lex_text(was));
    claims_story_free(other);
    claims_story_free(s);
}

/* Every entry carries the code of its value, the built-in ones and a
 * newsroom's alike: the extractors test codes, not strings. */
static void test_lexicon_entries_carry_value_codes(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const claims__lex_entry *e = claims__lex_get(s->lex, CLAIMS__LEX_FURNITURE, "photo credit", 12);
    assert_non_null(e);
    assert_int_equal(e->code, CLAIMS__LV_CREDIT);
    const char *lex = "[context]\npoll = straw canvass\n[nominal]\ndet = yon\n"
                      "[concept]\nzorb = zorb machine\n";
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), NULL), CLAIMS_OK);
    e = claims__lex_get(s->lex, CLAIMS__LEX_CONTEXT, "straw canvass", 13);
    assert_non_null(e);
    assert_int_equal(e->code, CLAIMS__LV_POLL);
    e = claims__lex_get(s->lex, CLAIMS__LEX_NOMINAL, "yon", 3);
    assert_non_null(e);
    assert_int_equal(e->code, CLAIMS__LV_DET);
    e = claims__lex_get(s->lex, CLAIMS__LEX_CONCEPT, "zorb machine", 12);
    assert_non_null(e);
    assert_int_equal(e->code, CLAIMS__LV_NONE);
    /* the built-in entries copied with the tables keep theirs */
    e = claims__lex_get(s->lex, CLAIMS__LEX_FURNITURE, "photo credit", 12);
    assert_non_null(e);
    assert_int_equal(e->code, CLAIMS__LV_CREDIT);
    assert_int_equal(claims__lex_value_code("part:after", 10), CLAIMS__LV_PART_AFTER);
    assert_int_equal(claims__lex_value_code("pol", 3), CLAIMS__LV_NONE);
    claims_story_free(s);
}

/* The lexmask bits of a [context] value (CLAIMS__LEXMASK_HEDGE, _POLL)
 * are set for the first token of each phrase of that value, the built-in
 * ones and a newsroom's: context.c reads a sentence's hedge and poll words
 * only where they are set. */

static void test_lexicon_context_value_bits(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    assert_true(bucket_bits(s, "might") & CLAIMS__LEXMASK_HEDGE);
    assert_true(bucket_bits(s, "survey") & CLAIMS__LEXMASK_POLL);
    assert_false(bucket_bits(s, "the") & (CLAIMS__LEXMASK_HEDGE | CLAIMS__LEXMASK_POLL));
    assert_false(bucket_bits(s, "zorbly") & (CLAIMS__LEXMASK_HEDGE | CLAIMS__LEXMASK_POLL));
    assert_false(bucket_bits(s, "straw") & (CLAIMS__LEXMASK_HEDGE | CLAIMS__LEXMASK_POLL));
    const char *lex = "[context]\nhedge = zorbly\npoll = straw canvass\n";
    assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), NULL), CLAIMS_OK);
    assert_true(bucket_bits(s, "zorbly") & CLAIMS__LEXMASK_HEDGE);
    assert_true(bucket_bits(s, "zorbly") & (1u << CLAIMS__LEX_CONTEXT));
    assert_true(bucket_bits(s, "straw") & CLAIMS__LEXMASK_POLL);
    assert_true(bucket_bits(s, "might") & CLAIMS__LEXMASK_HEDGE);
    claims_story_free(s);
}

/* Segmentation clears the bits of sections a token starts no phrase of:
 * "straw" opens a newsroom's two-word poll phrase, so its context and poll
 * bits stay before "canvass" and go before "hat"; a one-word phrase
 * ("zorbly") keeps its bits before any word and at the text's end, and a
 * phrase that starts there still matches whole. */
static const claims__token *token_at(const claims__article *a, const char *text, const char *at)
{
    size_t off = (size_t)(strstr(text, at) - text);
    for (size_t i = 0; i < a->ntoks; i++)
        if (a->pos[i].start == off)
            return &a->toks[i];
    fail_msg("no token at \"%s\"", at);
    return NULL;
}

static void test_lexicon_segment_clears_bits_no_phrase_goes_on_with(void **state)
{
    (void)state;
    const char *text = "A straw canvass found zorbly more support. He wore a straw hat, zorbly";
    claims__article *a;
    claims_story *s = segmented("[context]\nhedge = zorbly\npoll = straw canvass\n", text, &a);
    const uint32_t ctx = 1u << CLAIMS__LEX_CONTEXT;
    const claims__token *canvass = token_at(a, text, "straw canvass");
    assert_true(canvass->lexmask & ctx);
    assert_true(canvass->lexmask & CLAIMS__LEXMASK_POLL);
    const claims__token *hat = token_at(a, text, "straw hat");
    assert_false(hat->lexmask & (ctx | CLAIMS__LEXMASK_POLL));
    assert_true(token_at(a, text, "zorbly more")->lexmask & CLAIMS__LEXMASK_HEDGE);
    /* the lookups' filter: only "straw" before "canvass" keeps bits of a
     * longer phrase alone (LEX_PAIR: claims__lex_may_start decides);
     * elsewhere a lexmask bit is a phrase of the token alone */
    assert_true(canvass->flags & CLAIMS__TF_LEX_PAIR);
    assert_false(hat->flags & CLAIMS__TF_LEX_PAIR);
    assert_false(token_at(a, text, "zorbly more")->flags & CLAIMS__TF_LEX_PAIR);
    const claims__token *last = &a->toks[a->ntoks - 1];
    assert_int_equal(a->pos[a->ntoks - 1].start, strlen(text) - strlen("zorbly"));
    assert_true(last->lexmask & CLAIMS__LEXMASK_HEDGE);
    size_t n = 0;
    const claims__lex_entry *e = claims__lex_match(s->lex, CLAIMS__LEX_CONTEXT, a,
                                                   (size_t)(canvass - a->toks), a->ntoks, &n);
    assert_non_null(e);
    assert_int_equal(n, 2);
    assert_null(
        claims__lex_match(s->lex, CLAIMS__LEX_CONTEXT, a, (size_t)(hat - a->toks), a->ntoks, &n));
    claims_story_free(s);
}

/* A one-word phrase a later lexicon adds keeps the bits of its first
 * token that an earlier two-word phrase set, before any word: the bits
 * segmentation may clear follow every phrase added, not the first only. */
static void test_lexicon_segment_keeps_bits_of_a_later_one_word_phrase(void **state)
{
    (void)state;
    const char *one = "[context]\nhedge = quorbish\n";
    const char *text = "A quorbish hat and a quorbish tally.";
    claims__article *a;
    claims_story *s = segmented("[context]\npoll = quorbish tally\n", text, &a);
    const uint32_t ctx = 1u << CLAIMS__LEX_CONTEXT;
    assert_false(token_at(a, text, "quorbish hat")->lexmask & (ctx | CLAIMS__LEXMASK_POLL));
    assert_true(token_at(a, text, "quorbish tally")->lexmask & CLAIMS__LEXMASK_POLL);
    claims__article_drop_tokens(&s->alloc, a);
    assert_int_equal(claims_story_add_lexicon(s, one, strlen(one), NULL), CLAIMS_OK);
    assert_int_equal(claims__segment(&s->alloc, s->lex, a), CLAIMS_OK);
    const claims__token *hat = token_at(a, text, "quorbish hat");
    assert_true(hat->lexmask & ctx);
    assert_true(hat->lexmask & CLAIMS__LEXMASK_HEDGE);
    assert_true(hat->lexmask & CLAIMS__LEXMASK_POLL);
    size_t n = 0;
    const claims__lex_entry *e =
        claims__lex_match(s->lex, CLAIMS__LEX_CONTEXT, a, (size_t)(hat - a->toks), a->ntoks, &n);
    assert_non_null(e);
    assert_int_equal(n, 1);
    claims_story_free(s);
}

/* A newsroom's hedge word hedges a figure after it, as a built-in one
 * does: two counts of one event that disagree are no finding when one is
 * hedged (read where the lexmask's hedge bit is set). */
static size_t findings_of(const char *lex, const char *second)
{
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    if (lex)
        assert_int_equal(claims_story_add_lexicon(s, lex, strlen(lex), NULL), CLAIMS_OK);
    const char *first = "The flood drowned 12 sheep near Brackwater on Tuesday, farmers said.";
    assert_int_equal(claims_story_add_article(s, "a", NULL, NULL, first, strlen(first), NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_add_article(s, "b", NULL, NULL, second, strlen(second), NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    size_t n = claims_story_finding_count(s);
    claims_story_free(s);
    return n;
}

static void test_lexicon_newsroom_hedge_word_hedges(void **state)
{
    (void)state;
    const char *plain = "The flood drowned 40 sheep near Brackwater on Tuesday, farmers said.";
    const char *modal =
        "The flood might have drowned 40 sheep near Brackwater on Tuesday, farmers said.";
    const char *word =
        "The flood plausibly drowned 40 sheep near Brackwater on Tuesday, farmers said.";
    const char *lex = "[context]\nhedge = plausibly\n";
    assert_true(findings_of(NULL, plain) > 0);
    assert_int_equal(findings_of(NULL, modal), 0);
    assert_true(findings_of(NULL, word) > 0);
    assert_int_equal(findings_of(lex, word), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon_parses_sections_and_phrases),
        cmocka_unit_test(test_lexicon_errors_name_the_line),
        cmocka_unit_test(test_lexicon_api_error_reason_and_bom),
        cmocka_unit_test(test_lexicon_match_longest_phrase_in_text),
        cmocka_unit_test(test_lexicon_later_entry_overrides),
        cmocka_unit_test(test_lexicon_builtin_loads),
        cmocka_unit_test(test_lexicon_generated_tables_match_a_load),
        cmocka_unit_test(test_lexicon_one_token_keys_placed_first),
        cmocka_unit_test(test_lexicon_every_builtin_phrase_matches),
        cmocka_unit_test(test_lexicon_get_finds_every_builtin_key),
        cmocka_unit_test(test_lexicon_added_copies_builtin),
        cmocka_unit_test(test_lexicon_entries_carry_value_codes),
        cmocka_unit_test(test_lexicon_context_value_bits),
        cmocka_unit_test(test_lexicon_segment_clears_bits_no_phrase_goes_on_with),
        cmocka_unit_test(test_lexicon_segment_keeps_bits_of_a_later_one_word_phrase),
        cmocka_unit_test(test_lexicon_newsroom_hedge_word_hedges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
