/* quotes.c - direct quotes, partial quotes and reported speech, with their
 * speakers, inside one article; plus quote normalization (words are
 * aligned by base/words.c).
 *
 * The pass over an article is linear in its tokens: quote marks are paired
 * in one scan, person names are collected in one scan (indexed by their
 * last word), and every attribution search looks at a bounded window
 * around one quote or one speech verb. */
#include "extract/extract.h"

#include <stddef.h>
#include <string.h>

/* ------------------------------------------------------ normalization */

/* For an ASCII byte: itself in lower case when it is a letter or a digit,
 * else 0; a table, so that the loop below does a load a byte and no
 * branch on the character's class. */
#define LOWER_ALNUM(c)                                                                             \
    ((((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z')) ? (signed char)(c)                 \
     : ((c) >= 'A' && (c) <= 'Z')                               ? (signed char)((c) + 32)          \
                                                                : (signed char)0)
#define LOWER_ALNUM8(c)                                                                            \
    LOWER_ALNUM(c), LOWER_ALNUM(c + 1), LOWER_ALNUM(c + 2), LOWER_ALNUM(c + 3),                    \
        LOWER_ALNUM(c + 4), LOWER_ALNUM(c + 5), LOWER_ALNUM(c + 6), LOWER_ALNUM(c + 7)
#define PAST_ASCII8 -1, -1, -1, -1, -1, -1, -1, -1
#define PAST_ASCII32 PAST_ASCII8, PAST_ASCII8, PAST_ASCII8, PAST_ASCII8
/* (256 entries: a byte past ASCII is -1, neither a letter or digit nor
 * a separator, so that the one pass stops at it and knows it) */
static const signed char lower_alnum[256] = {
    LOWER_ALNUM8(0),   LOWER_ALNUM8(8),  LOWER_ALNUM8(16), LOWER_ALNUM8(24),  LOWER_ALNUM8(32),
    LOWER_ALNUM8(40),  LOWER_ALNUM8(48), LOWER_ALNUM8(56), LOWER_ALNUM8(64),  LOWER_ALNUM8(72),
    LOWER_ALNUM8(80),  LOWER_ALNUM8(88), LOWER_ALNUM8(96), LOWER_ALNUM8(104), LOWER_ALNUM8(112),
    LOWER_ALNUM8(120), PAST_ASCII32,     PAST_ASCII32,     PAST_ASCII32,      PAST_ASCII32};
#undef PAST_ASCII32
#undef PAST_ASCII8
#undef LOWER_ALNUM8
#undef LOWER_ALNUM

/* How many of the eight ASCII bytes at p go on a word being written as
 * they are in lower case: letters and digits, and a single space with a
 * letter or digit after it (the one separator between two words, which
 * folding makes one space); the eight in lower case into *lower (those
 * after that many are written over). Each test is on all eight at once,
 * byte k in bits 8k..8k+7 whatever the machine; no byte's sum carries
 * into the next. */
static size_t plain_prefix8(const unsigned char *p, uint64_t *lower)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t v = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
                 (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
                 (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
    uint64_t lc = v | 0x20 * ones;
    uint64_t letter = (lc + (0x80 - 'a') * ones) & ~(lc + (0x80 - 'z' - 1) * ones);
    uint64_t digit = (v + (0x80 - '0') * ones) & ~(v + (0x80 - '9' - 1) * ones);
    uint64_t x = v ^ 0x20 * ones; /* 0 where a space is */
    uint64_t space = ~(((x & ~high) + ~high) | x) & high;
    uint64_t alnum = (letter | digit) & high;
    /* (a byte past ASCII is bad: its sums above may carry into the
     * bytes after it, never into those before) */
    uint64_t bad = (~(alnum | (space & (alnum >> 8))) | v) & high;
    /* the bytes before the first bad one: their high bits in bad's
     * lowest bit less one (all eight when none is bad), counted */
    uint64_t before = ((bad & (0 - bad)) - 1) & high;
    *lower = lc;
    return (size_t)(((before >> 7) * ones) >> 56);
}

#ifdef CLAIMS__SSE2
/* plain_prefix8 for the sixteen bytes at p, the sixteen in lower case
 * stored at o[0..16) (those after the count are written over). */
static inline size_t plain_prefix16(const unsigned char *p, char *o)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i letter = claims__bytes_in(lc, 'a', 26);
    __m128i digit = claims__bytes_in(v, '0', 10);
    __m128i alnum = _mm_or_si128(letter, digit);
    __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    /* a space goes on when a letter or digit comes after it */
    __m128i good = _mm_or_si128(alnum, _mm_and_si128(space, _mm_srli_si128(alnum, 1)));
    _mm_storeu_si128((__m128i *)(void *)o, lc);
    unsigned bad = ~(unsigned)_mm_movemask_epi8(good) & 0xffffu;
    return bad ? (size_t)__builtin_ctz(bad) : 16;
}

/* plain_prefix16 for the last k < 16 bytes of a text of 16 or more that
 * ends at end (the sixteen bytes before end read, the first 16 - k of
 * them passed over: no byte past the end read, and no loop of up to
 * fifteen steps whose count is the text's), their lower case written at
 * o[0..16) (the caller has that room). */
static inline size_t plain_tail16(const unsigned char *end, size_t k, char *o)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(end - 16));
    __m128i lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i alnum = _mm_or_si128(claims__bytes_in(lc, 'a', 26), claims__bytes_in(v, '0', 10));
    __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    __m128i good = _mm_or_si128(alnum, _mm_and_si128(space, _mm_srli_si128(alnum, 1)));
    /* the sixteen and sixteen zero bytes after them, the k from 16 - k
     * on copied whole */
    _Alignas(16) char tmp[32];
    _mm_store_si128((__m128i *)(void *)tmp, lc);
    _mm_store_si128((__m128i *)(void *)(tmp + 16), _mm_setzero_si128());
    memcpy(o, tmp + 16 - k, 16);
    unsigned bad = (~(unsigned)_mm_movemask_epi8(good) & 0xffffu) >> (16 - k);
    return (size_t)__builtin_ctz(bad | 1u << k);
}
#endif

/* Bytes 0..7 of x (byte k in bits 8k..8k+7) to o[0..8): one store on a
 * little-endian machine (the test is a constant). */
static inline void store8(char *o, uint64_t x)
{
    const union {
        uint16_t u;
        unsigned char b[2];
    } one = {1};
    if (one.b[0]) {
        memcpy(o, &x, 8);
        return;
    }
    for (int k = 0; k < 8; k++)
        o[k] = (char)(x >> (8 * k));
}

/* The bytes ascii_quote_normalize asks beyond its words' len + 1 (for
 * plain_tail16's sixteen), given back after. */
enum { TAIL_ROOM = 16 };

/* claims__quote_normalize for ASCII text, where normalizing is folding
 * case: the same words in one pass, written straight into the arena,
 * eight bytes a step while they are letters, digits and single spaces
 * between words. The output is never ahead of the input (a space stands
 * for one separator byte at least), so eight bytes written at o while
 * eight remain at p stay inside the len + 1 of out. Every byte is
 * written as a letter, digit, joiner or single space of a word, or
 * passed over as a separator: a byte past ASCII is neither (the plain
 * runs' tests take ASCII letters, digits and spaces alone, and the
 * table has -1 for it), so a run or a walk over separators stops at it,
 * and the pass gives up (NULL, *ascii false): the text is not read once
 * before to know it is ASCII. The bytes past the words' NUL are not
 * zeroed (nothing reads them). NULL with *ascii true on OOM. */
static const char *ascii_quote_normalize(claims_story *s, const char *text, size_t len, bool *ascii)
{
    *ascii = true;
    /* TAIL_ROOM bytes more than the words may take (len + 1): room for
     * plain_tail16's sixteen, given back at the end */
    if (len > SIZE_MAX - TAIL_ROOM)
        return NULL;
    char *out = claims__arena_alloc_raw(&s->arena, len + TAIL_ROOM);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    char *o = out;
    while (p < end && !lower_alnum[*p])
        p++;
    if (p == end)
        goto done;
    if (lower_alnum[*p] < 0)
        goto not_ascii;
    /* Words: runs of letters and digits joined by an apostrophe, or by
     * '.' or ',' between digits, one space between two; a space in
     * plain bytes comes after a letter or digit (the one before them, or
     * the first of them) and stays one. One loop for all the words (a
     * word ends where most runs end: no loop to leave and enter again). */
    *o++ = (char)lower_alnum[*p++];
    for (;;) {
        /* (sixteen at a time first where the machine has them; the
         * eight-byte steps then take the rest, not a byte that ends a
         * plain run; a byte at a time the last few) */
        bool stopped = false;
#ifdef CLAIMS__SSE2
        while (end - p >= 16) {
            size_t r = plain_prefix16(p, o);
            o += r;
            p += r;
            if (r < 16) {
                stopped = true;
                break;
            }
        }
        /* the last bytes at once (a text of 16 or more) */
        if (!stopped && len >= 16) {
            size_t r = plain_tail16(end, (size_t)(end - p), o);
            o += r;
            p += r;
            stopped = true;
        }
#endif
        while (!stopped && end - p >= 8) {
            uint64_t lc;
            size_t r = plain_prefix8(p, &lc);
            store8(o, lc);
            o += r;
            p += r;
            if (r < 8)
                stopped = true;
        }
        if (!stopped) {
            signed char ch;
            while (p < end && (ch = lower_alnum[*p]) > 0) {
                *o++ = (char)ch;
                p++;
            }
        }
        /* p is at the end or at a byte that is no letter or digit, after
         * one that is: a joiner goes on the word */
        if (end - p >= 2 && lower_alnum[p[1]] > 0 &&
            (*p == '\'' ||
             ((*p == '.' || *p == ',') && claims__is_digit(p[-1]) && claims__is_digit(p[1])))) {
            *o++ = (char)*p++;
            continue;
        }
        /* the word ends: the next one, after a space */
        while (p < end && !lower_alnum[*p])
            p++;
        if (p == end)
            break;
        if (lower_alnum[*p] < 0)
            goto not_ascii;
        *o++ = ' ';
        *o++ = (char)lower_alnum[*p++];
    }
done:
    *o = 0;
    /* the room past len + 1 back (the newest allocation; 8 bytes at
     * least past len + 1 rounded up) */
    size_t used = (len + 1 + 7) & ~(size_t)7, all = (len + TAIL_ROOM + 7) & ~(size_t)7;
    claims__arena_give_back(&s->arena, out + used, all - used);
    return out;
not_ascii:
    claims__arena_give_back(&s->arena, out, len + TAIL_ROOM);
    *ascii = false;
    return NULL;
}

/* The ASCII mark claims__norm_append folds code point cp to, for the
 * marks news text has most beside ASCII (curly quotes and apostrophes,
 * the two dashes, the no-break space); 0 for any other. (test_quotes
 * checks each against claims__norm_append.) */
static char common_mark(int32_t cp)
{
    switch (cp) {
    case 0x2018:
    case 0x2019:
        return '\'';
    case 0x201C:
    case 0x201D:
        return '"';
    case 0x2013:
    case 0x2014:
        return '-';
    case 0x00A0:
        return ' ';
    default:
        return 0;
    }
}

/* claims__quote_normalize for text that is ASCII but for common marks:
 * claims__norm_append folds each to its ASCII mark and the rest to lower
 * case, code point by code point, so the words are those of the ASCII
 * text with the marks folded. False (*out untouched) when another code
 * point is in the text; else *out is the words, NULL on OOM. */
static bool marks_quote_normalize(claims_story *s, const char *text, size_t len, const char **out)
{
    char *a = claims__malloc(&s->alloc, len);
    if (!a) {
        *out = NULL;
        return true;
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
#ifdef CLAIMS__SSE2
        /* ASCII sixteen bytes a step, up to the next mark (stored at
         * a + n: n is i at most, a mark's bytes folding to one) */
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
            _mm_storeu_si128((__m128i *)(void *)(a + n), v);
            unsigned high = (unsigned)_mm_movemask_epi8(v);
            if (high) {
                unsigned k = (unsigned)__builtin_ctz(high);
                i += k;
                n += k;
                break;
            }
            i += 16;
            n += 16;
        }
        if (i >= len)
            break;
#endif
        if ((unsigned char)text[i] < 0x80) {
            a[n++] = text[i++];
            continue;
        }
        char m = common_mark(claims__utf8_next(text, len, &i));
        if (!m) {
            claims__free(&s->alloc, a);
            return false;
        }
        a[n++] = m;
    }
    bool ascii;
    *out = ascii_quote_normalize(s, a, n, &ascii); /* (ASCII: the marks folded) */
    claims__free(&s->alloc, a);
    return true;
}

const char *claims__quote_normalize(claims_story *s, const char *text, size_t len)
{
    bool ascii;
    const char *words = ascii_quote_normalize(s, text, len, &ascii);
    if (ascii)
        return words;
    if (marks_quote_normalize(s, text, len, &words))
        return words;
    claims__buf b;
    claims__buf_init(&b, &s->alloc);
    if (!claims__norm_append(&b, text, len)) {
        claims__buf_free(&b);
        return NULL;
    }
    /* Keep letters and digits; an apostrophe between letters and '.' or
     * ',' between digits stay; every other character separates words, a
     * hyphen too, since a dash folds to one ("they say-the third time",
     * "vice-presidential" and "vice presidential" are the same words).
     * Written over the same buffer. */
    size_t w = 0;
    size_t i = 0;
    bool pending_space = false;
    int32_t prev = 0; /* previous code point kept (0 after a separator) */
    while (i < b.len) {
        size_t j = i;
        int32_t cp = claims__utf8_next_fast(b.data, b.len, &j);
        bool alnum = cp < 0x80 ? (claims__is_alpha(cp) || claims__is_digit(cp))
                               : (claims__cp_is_letter(cp) || claims__cp_is_digit(cp));
        if (!alnum && prev != 0 && j < b.len) {
            size_t k = j;
            int32_t nx = claims__utf8_next_fast(b.data, b.len, &k);
            bool nx_alnum = nx < 0x80 ? (claims__is_alpha(nx) || claims__is_digit(nx))
                                      : (claims__cp_is_letter(nx) || claims__cp_is_digit(nx));
            bool digits = prev < 0x80 && claims__is_digit(prev) && nx < 0x80 &&
                          claims__is_digit(nx);
            if (nx_alnum && (cp == '\'' || ((cp == '.' || cp == ',') && digits)))
                alnum = true;
        }
        if (!alnum) {
            if (w > 0)
                pending_space = true;
            prev = 0;
            i = j;
            continue;
        }
        if (pending_space) {
            b.data[w++] = ' ';
            pending_space = false;
        }
        if (j - i == 1) {
            b.data[w++] = b.data[i];
        } else {
            memmove(b.data + w, b.data + i, j - i);
            w += j - i;
        }
        prev = cp;
        i = j;
    }
    const char *r = claims__story_strndup(s, b.data ? b.data : "", w);
    claims__buf_free(&b);
    return r;
}

/* ------------------------------------------------------ token helpers */

enum { SPK_NONE = 0, SPK_PERSON, SPK_NOMINAL };

typedef struct speaker {
    int kind;
    /* name's, fold's and desc's bytes (0 for NULL; UINT32_MAX for more):
     * an upper bound of their strlen (a NUL may stand in the text), for
     * emit's test (in the room after kind, the first) */
    uint32_t name_len;
    const char *name; /* display: canonical person or description */
    const char *fold; /* key part */
    const char *desc; /* the words used */
    /* name's and desc's ids in the story's strings, 0 when they have
     * none yet: a claim takes the id, not a second lookup of the text */
    claims__sid name_id, desc_id;
    uint32_t fold_len, desc_len;
    uint32_t head;    /* nominal: hash of the head word */
    bool ambiguous;   /* a bare surname two full names in the article share */
    bool human;       /* nominal: a person ("the governor"), not a body */
} speaker;

typedef struct mention {
    uint32_t a, b;      /* name tokens (titles stripped) */
    uint32_t last_hash; /* hash of the last word's norm */
    uint32_t first_hash;
    uint32_t nwords;
    uint32_t appos;     /* hash of a nominal/title head it stands in
                           apposition to ("his counterpart, X"), or 0 */
    uint32_t title_hash; /* hash of the title word right before the name
                            ("Mayor Ellen Bell": mayor), or 0 */
    const char *title;   /* that word's title class (speech.lex), or NULL */
    int32_t next;       /* next mention with the same last word bucket */
    /* As a speaker: the name as written and folded (interned), once
     * made; NULL before */
    const char *name, *fold;
    uint32_t name_len, fold_len;
    claims__sid name_id;
} mention;

typedef struct qspan {
    uint32_t open, close; /* mark tokens; close == ntoks when capped */
    uint32_t c0, c1;      /* content tokens [c0, c1) */
} qspan;

/* MIN_BUCKETS: the index of names by last word starts at this many
 * buckets and grows with the article (one per TOKS_PER_BUCKET tokens), so
 * chains stay short. (Most articles name a few dozen people at most:
 * more buckets cost their clearing, a store of four bytes each, more
 * than the shorter chains save.) A lookup looks at SAME_LAST_MAX
 * distinct names with the lookup's last word at most (newest first): an
 * article naming more people of one surname than that is a list, not a
 * story, and this keeps the scan linear in it. */
/* The bytes of scratch on the stack (alloc_scratch): an article of 600
 * tokens or so (most) */
enum { SCRATCH_LOCAL = 16384 };
/* The entries of UINT32_MAX after the verb words (alloc_spans), that
 * stop a search of four at once for the first at or after a token */
enum { VERB_STOPS = 4 };
enum { SENT_VERB = 1, SENT_DASH = 2, VERB_SENT_PAD = 8 };
enum {
    MIN_BUCKETS = 64,
    TOKS_PER_BUCKET = 8,
    SAME_LAST_MAX = 64,
    NOMINAL_MEMORY = 16,
    APPOS_LOOKBACK = 32
};
/* The sentences whose speakers wait to be noted (note_sentence_speakers)
 * at most: past them all are noted at once */
enum { NOTES_PENDING = 32 };

/* A sentence whose speakers are noted when a later resolution reads the
 * remembered speakers (most never are: none reads them after it): what
 * the walk knew of it, and the stamp its notes are remembered by. */
typedef struct pending_note {
    uint64_t stamp;
    uint32_t si, sv; /* the sentence, its first verb (c->sent_verb) */
    bool had_speech, has_verb;
} pending_note;

/* A verb word's lookup to the article's end, once made. */
typedef struct verb_memo {
    const claims__lex_entry *e;
    uint32_t n; /* tokens of e */
    bool known;
} verb_memo;

typedef struct ctx {
    claims_story *s;
    size_t ai;
    const claims__article *art;
    /* art's tokens and their count, at hand: a store into a byte memo may
     * alias anything, and reading them through art again costs a load */
    const claims__token *toks;
    const claims__tok_pos *pos; /* art->pos */
    size_t ntoks;
    const char *norm; /* art->norm */
    const claims__sentence *sents;
    const claims__lexicon *lx;
    /* lx's entries, at hand for the codes of nomc and titlec (entry_code) */
    const claims__lex_entry *entries;
    void *block; /* holds inq, memo, nomc, titlec, marks, verbs, bucket and
                    verb_sent (alloc_scratch), when not on the stack */
    uint8_t *inq;
    /* Per-token memos of pure lookups (the text and lexicon never change
     * during one extraction): MEMO_* bits, and the nominal class of a
     * token whose lexicon mask allows one (valid once MEMO_NOM_KNOWN is
     * set; the others have none, known without a lookup). */
    uint8_t *memo;
    uint32_t *nomc; /* entry codes and value codes (nom_lookup) */
    /* the longest title phrase at a token whose lexicon mask allows one
     * (valid once MEMO_TITLE_LONG_KNOWN is set: title_at), its code */
    uint32_t *titlec;
    uint32_t *marks; /* the quotation marks' tokens, in text order */
    size_t nmarks;
    /* the tokens a mention may start at, bit k of word w for token
       64w + k: the scan's bits as they are, walked only when the
       mentions are made (some articles never) */
    uint64_t *starts;
    bool mentions_made; /* collect_mentions ran: most articles need the
                           mentions, some never (no named speaker) */
    uint8_t *verb_sent; /* by sentence: SENT_VERB, a token may start a
                           speech verb; SENT_DASH, it starts with "-"
                           (VERB_SENT_PAD zero bytes after the last) */
    uint32_t *verbs;    /* the words where a speech verb may start (their
                           lexicon mask says so), in text order: the
                           searches for a verb walk only these */
    size_t nverbs;
    verb_memo *vmemo; /* by verb word: its lookup (verb_at_vi) */
    void *block2;     /* holds vmemo and q when the verb words' array has
                         no room for them (alloc_spans), else NULL */
    size_t sent_verb; /* first_verb of the first token of the sentence
                         walked: the sentences go in order */
    qspan *q;
    size_t nq, capq;
    mention *m;
    size_t nm, capm;
    bool m_heap;             /* m was grown out of the scratch block onto the heap */
    uint32_t *ap;            /* mentions in apposition, in text order */
    size_t nap, capap;
    int32_t *bucket;         /* mention index by last word; nbuckets, a power of 2 */
    size_t nbuckets;
    claims__buf tmp;
    /* running state, in text order */
    speaker last_person;
    size_t last_person_para;
    speaker last_nominal;
    speaker last_human;       /* the last nominal speaker that is a person */
    size_t last_person_pos, last_human_pos;
    size_t nnominals;
    /* The order of the remembered speakers' updates: each remember has a
     * stamp (the clock's, counted up by STAMP_UNIT; a pending note's
     * remembers take the ones after its own), and an update older than a
     * speaker's stamp leaves it (a pending note remembered late) */
    uint64_t clock, last_person_at, last_nominal_at, last_human_at;
    /* the nominals older than this are the ones a nominal is resolved
     * against (a pending note's, noted late, sees those before it) */
    uint64_t nominals_before;
    size_t npending;
    speaker last_quote_spk;
    size_t last_quote_para;
    bool has_last_quote;
    bool nomem;
    /* the last nominal speakers, nnominals of them: last, as the one
     * field not zeroed when an extraction starts (most of the context's
     * bytes, and none is read before it is written) */
    speaker nominals[NOMINAL_MEMORY];
    uint64_t nominal_at[NOMINAL_MEMORY]; /* their stamps, in order */
    pending_note pending[NOTES_PENDING];
} ctx;

static inline const claims__token *T(const ctx *c, size_t i)
{
    return &c->toks[i];
}

static inline const claims__tok_pos *P(const ctx *c, size_t i)
{
    return &c->pos[i];
}

/* claims__tok_norm and claims__tok_is through the context. */
static inline const char *tok_norm(const ctx *c, size_t i)
{
    return c->norm + c->toks[i].norm;
}

/* Token i is the n bytes of literal w, whose hash is h
 * (claims__tok_text_is's). */
static CLAIMS__ALWAYS_INLINE bool tok_is_h(const ctx *c, size_t i, const char *w, size_t n,
                                           uint32_t h)
{
    return i < c->ntoks && claims__tok_text_is(&c->toks[i], c->norm, w, n, h);
}

/* Token i's normalized text is the literal `lit`. */
#define tok_is(c, i, lit) tok_is_h((c), (i), "" lit, sizeof(lit) - 1, CLAIMS__LIT_HASH(lit))

/* claims__lex_match through the context. */
static inline const claims__lex_entry *lex_at(const ctx *c, claims__lex_section sec, size_t i,
                                              size_t end, size_t *n)
{
    if (i >= end || i >= c->ntoks || !(c->toks[i].lexmask & (1u << sec)))
        return NULL;
    return claims__lex_match_at(c->lx, sec, c->art, i, end, n);
}

static inline bool is_word(const ctx *c, size_t i)
{
    return i < c->ntoks && T(c, i)->cls == CLAIMS__TOK_WORD;
}

/* A phrase of lexicon section `sec` may start at token i (its mask says
 * so): most tokens start none, and this rejects them before anything
 * else about them is looked at. */
static inline bool may_start(const ctx *c, size_t i, claims__lex_section sec)
{
    return i < c->ntoks && (T(c, i)->lexmask & (1u << sec));
}

/* Memo bits: a test's answer is known (and then its answer, the bit
 * above); the nominal class is known; the longest title is known. */
enum {
    MEMO_NAME_KNOWN = 1,
    MEMO_TITLE_KNOWN = 4,
    MEMO_TIME_KNOWN = 16,
    MEMO_NOM_KNOWN = 64,
    MEMO_TITLE_LONG_KNOWN = 128
};

/* Token i's answer to the pure test `test`, looked up once (memo bit
 * `known`, the answer in the bit above it). */
static inline bool memo_test(const ctx *c, size_t i, unsigned known,
                             bool (*test)(const ctx *, size_t))
{
    unsigned m = c->memo[i];
    if (!(m & known)) {
        m |= known | (test(c, i) ? known << 1 : 0);
        c->memo[i] = (uint8_t)m;
    }
    return (m & known << 1) != 0;
}

/* A lexicon entry as the per-token memos keep it: 0 for none, else its
 * index in the lexicon's entries plus one (the loader keeps them under
 * UINT32_MAX). Four bytes a token where a pointer took eight: the memos
 * span a window's tokens, and a long article's peak memory is its
 * window's arrays. */
static inline uint32_t entry_code(const ctx *c, const claims__lex_entry *e)
{
    return e ? (uint32_t)(e - c->entries) + 1 : 0;
}

static inline const claims__lex_entry *entry_of(const ctx *c, uint32_t code)
{
    return code ? &c->entries[code - 1] : NULL;
}

/* The nominal class's memo (nomc) keeps its entry's value code too, in
 * the low byte: entry_code << 8 | e->code, 0 for none. Then nom_is
 * tests a memo alone, without the entry. An entry whose code does not
 * fit (a lexicon of 2^24 entries or more) is not memoized. */
enum { NOM_CODE_MAX = (1u << 24) - 1 };

static const claims__lex_entry *nom_lookup(const ctx *c, size_t i)
{
    size_t n = 0;
    const claims__lex_entry *e = lex_at(c, CLAIMS__LEX_NOMINAL, i, i + 1, &n);
    uint32_t code = entry_code(c, e);
    if (code <= NOM_CODE_MAX) {
        c->nomc[i] = e ? code << 8 | e->code : 0;
        c->memo[i] |= MEMO_NOM_KNOWN;
    }
    return e;
}

/* The nominal-section entry of the single token i, its class in e->code
 * ("det", "source"...), or NULL. Asked of most tokens many times over:
 * the lexicon mask answers for most without a lookup, the memo for the
 * rest. */
static inline const claims__lex_entry *nom_class(const ctx *c, size_t i)
{
    if (!may_start(c, i, CLAIMS__LEX_NOMINAL))
        return NULL;
    return (c->memo[i] & MEMO_NOM_KNOWN) ? entry_of(c, c->nomc[i] >> 8) : nom_lookup(c, i);
}

static inline bool nom_is(const ctx *c, size_t i, claims__lex_value cls)
{
    if (!may_start(c, i, CLAIMS__LEX_NOMINAL))
        return false;
    if (c->memo[i] & MEMO_NOM_KNOWN) {
        uint32_t k = c->nomc[i];
        return k && (k & 0xff) == (uint32_t)cls;
    }
    return claims__lex_is(nom_lookup(c, i), cls);
}

/* title_at of a token whose mask allows a title. */
static const claims__lex_entry *title_at_slow(const ctx *c, size_t i, size_t end, size_t *n)
{
    const claims__lex_entry *e;
    if (c->memo[i] & MEMO_TITLE_LONG_KNOWN) {
        e = entry_of(c, c->titlec[i]);
    } else {
        size_t k = 0;
        e = claims__lex_match_at(c->lx, CLAIMS__LEX_TITLE, c->art, i, c->ntoks, &k);
        c->titlec[i] = entry_code(c, e);
        c->memo[i] |= MEMO_TITLE_LONG_KNOWN;
    }
    if (!e)
        return NULL;
    if (i + e->ntok <= end) {
        *n = e->ntok;
        return e;
    }
    return claims__lex_match_at(c->lx, CLAIMS__LEX_TITLE, c->art, i, end, n);
}

/* claims__lex_match of a title phrase at token i up to token `end`, for
 * the searches of phrases of more than one token. The same tokens are
 * asked again and again, up to bounds of their own (the name run, the
 * mention's titles, the noun phrase): the longest title to the
 * article's end is looked up once, and it is the answer for `end` too
 * when it ends by `end` (the longest phrase within a bound, when it fits
 * a closer one, is the longest there); none at all is none for any
 * bound. Only a longer one is looked up again. Most tokens' mask says no
 * title starts at them, tested inline. */
static inline const claims__lex_entry *title_at(const ctx *c, size_t i, size_t end, size_t *n)
{
    if (i >= end || !may_start(c, i, CLAIMS__LEX_TITLE))
        return NULL;
    return title_at_slow(c, i, end, n);
}

static bool is_small_word(const claims__lex_entry *v)
{
    if (!v)
        return false;
    switch (v->code) {
    case CLAIMS__LV_DET:
    case CLAIMS__LV_PREP:
    case CLAIMS__LV_HE:
    case CLAIMS__LV_IT:
    case CLAIMS__LV_THEY:
    case CLAIMS__LV_ADVERB:
    case CLAIMS__LV_AUX:
    case CLAIMS__LV_FUNC:
    case CLAIMS__LV_APREP:
    case CLAIMS__LV_WHEN:
    case CLAIMS__LV_SUBJ:
    case CLAIMS__LV_OBJ:
    case CLAIMS__LV_OBJECT:
        return true;
    default:
        return false;
    }
}

static bool is_head_class(const claims__lex_entry *v)
{
    if (!v)
        return false;
    switch (v->code) {
    case CLAIMS__LV_SOURCE:
    case CLAIMS__LV_COUNTERPART:
    case CLAIMS__LV_ORGANIZATION:
    case CLAIMS__LV_STATEMENT:
        return true;
    default:
        return false;
    }
}

/* A word that starts or joins clauses, never a name: "and", "on",
 * "today", "we", "them". */
static bool clause_word(const ctx *c, size_t i)
{
    const claims__lex_entry *v = nom_class(c, i);
    if (!v)
        return false;
    switch (v->code) {
    case CLAIMS__LV_FUNC:
    case CLAIMS__LV_APREP:
    case CLAIMS__LV_WHEN:
    case CLAIMS__LV_SUBJ:
    case CLAIMS__LV_OBJ:
        return true;
    default:
        return false;
    }
}

static bool head_tok_word(const ctx *c, size_t i);

/* Token i heads a nominal speaker: a head-class word ("ministry",
 * "Reuters"), or the capitalized last word of an organisation's name
 * ("Sky News", "The Times", "Washington Post"). */
static inline bool head_tok(const ctx *c, size_t i)
{
    /* both kinds are nominal entries: most tokens' mask says neither */
    return may_start(c, i, CLAIMS__LEX_NOMINAL) && is_word(c, i) && head_tok_word(c, i);
}

/* head_tok of a word whose mask allows a nominal phrase. */
static bool head_tok_word(const ctx *c, size_t i)
{
    const claims__lex_entry *v = nom_class(c, i);
    if (is_head_class(v))
        return true;
    if (!v || v->code != CLAIMS__LV_ORGTAIL || !(T(c, i)->flags & CLAIMS__TF_CAP) || i == 0)
        return false;
    const claims__token *p = T(c, i - 1);
    return p->cls == CLAIMS__TOK_WORD && P(c, i - 1)->sentence == P(c, i)->sentence &&
           ((p->flags & CLAIMS__TF_CAP) != 0 || tok_is(c, i - 1, "the"));
}

static bool title_lookup(const ctx *c, size_t i)
{
    size_t n = 0;
    return lex_at(c, CLAIMS__LEX_TITLE, i, i + 1, &n) != NULL;
}

/* is_title1 of a word whose mask allows a title: out of line, so that
 * is_title1 is its inline test of the mask (most tokens' answer). */
CLAIMS__NOINLINE static bool title1_memo(const ctx *c, size_t i)
{
    return memo_test(c, i, MEMO_TITLE_KNOWN, title_lookup);
}

/* Token i is a title word alone; most tokens' lexicon mask says not,
 * tested here before any call. */
static inline bool is_title1(const ctx *c, size_t i)
{
    return may_start(c, i, CLAIMS__LEX_TITLE) && is_word(c, i) && title1_memo(c, i);
}

static inline const claims__lex_entry *verb_at(const ctx *c, size_t i, size_t end, size_t *n)
{
    if (!may_start(c, i, CLAIMS__LEX_SPEECH_VERB) || !is_word(c, i))
        return NULL;
    return lex_at(c, CLAIMS__LEX_SPEECH_VERB, i, end, n);
}

/* The index in c->verbs of the first word at or after token i where a
 * speech verb may start (c->nverbs when none). */
static inline size_t first_verb(const ctx *c, size_t i)
{
    size_t lo = 0, hi = c->nverbs;
    /* Most searches are for a token of the sentence walked or just
     * after: from its first verb (c->sent_verb) on, by steps that
     * double, the answer is near; before it, a search of all before. */
    size_t from = c->sent_verb;
    if (from < hi && (from == 0 || c->verbs[from - 1] < i)) {
        size_t step = 1;
        lo = from;
        while (from < hi && c->verbs[from] < i) {
            lo = from + 1;
            from += step;
            step *= 2;
        }
        if (from < hi)
            hi = from + 1;
    } else if (from < hi) {
        hi = from;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->verbs[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* verb_at for the word c->verbs[vi], whose lookup to the article's end
 * is made once: each sentence's verbs are looked up again and again
 * (for quotes, reported speech, attributions), up to bounds of their
 * own. A phrase that ends by `end` is the answer for `end` too (the
 * longest phrase within a bound, when it fits a closer one, is the
 * longest there); none at all is none for any bound. */
static const claims__lex_entry *verb_at_vi_slow(const ctx *c, size_t vi, size_t end, size_t *n)
{
    verb_memo *m = &c->vmemo[vi];
    size_t i = c->verbs[vi];
    if (!m->known) {
        size_t k = 0;
        m->e = verb_at(c, i, c->ntoks, &k);
        m->n = (uint32_t)k;
        m->known = true;
    }
    if (!m->e)
        return NULL;
    if (i + m->n <= end) {
        *n = m->n;
        return m->e;
    }
    return verb_at(c, i, end, n);
}

/* verb_at_vi once the lookup is made and answers for `end`: inline. */
static inline const claims__lex_entry *verb_at_vi(const ctx *c, size_t vi, size_t end, size_t *n)
{
    const verb_memo *m = &c->vmemo[vi];
    if (m->known && (!m->e || c->verbs[vi] + m->n <= end)) {
        if (m->e)
            *n = m->n;
        return m->e;
    }
    return verb_at_vi_slow(c, vi, end, n);
}

static bool verb1_lookup(const ctx *c, size_t i)
{
    size_t n = 0;
    return lex_at(c, CLAIMS__LEX_SPEECH_VERB, i, c->ntoks, &n) != NULL;
}

/* Token i starts a speech verb: most words' lexicon mask says not,
 * tested here before any call. */
static inline bool is_verb1(const ctx *c, size_t i)
{
    return may_start(c, i, CLAIMS__LEX_SPEECH_VERB) && is_word(c, i) && verb1_lookup(c, i);
}

/* Names are bounded: a person's name is at most NAME_MAX_WORDS words
 * ("Mohammed bin Rashid Al Maktoum" is five) of at most
 * NAME_WORD_MAX_BYTES bytes each; a longer run of capitalized words keeps
 * its last NAME_MAX_WORDS, the ones next to the verb. A speaker string
 * longer than SPEAKER_MAX_BYTES is not kept at all. The bounds keep
 * speakers, slot keys, reports and the merging of persons (people.c)
 * linear in the input, whatever it repeats. */
enum { NAME_MAX_WORDS = 6, NAME_WORD_MAX_BYTES = 64, SPEAKER_MAX_BYTES = 512 };

/* A capitalized word that may be part of a name. */
static bool name_word_uncached(const ctx *c, size_t i)
{
    if (!is_word(c, i))
        return false;
    if (P(c, i)->end - P(c, i)->start > NAME_WORD_MAX_BYTES)
        return false;
    const claims__token *t = T(c, i);
    if (!(t->flags & CLAIMS__TF_CAP) || (t->flags & (CLAIMS__TF_POSSESSIVE | CLAIMS__TF_HAS_DIGIT)))
        return false;
    /* most capitalized words start no phrase of these sections */
    const uint32_t others = 1u << CLAIMS__LEX_NOMINAL | 1u << CLAIMS__LEX_MONTH |
                            1u << CLAIMS__LEX_WEEKDAY | 1u << CLAIMS__LEX_SPEECH_VERB;
    if (!(t->lexmask & others))
        return true;
    if (is_small_word(nom_class(c, i)))
        return false;
    size_t n = 0;
    if (lex_at(c, CLAIMS__LEX_MONTH, i, i + 1, &n) || lex_at(c, CLAIMS__LEX_WEEKDAY, i, i + 1, &n))
        return false;
    return !is_verb1(c, i);
}

static inline bool name_word(const ctx *c, size_t i)
{
    if (i >= c->ntoks)
        return false;
    /* names are capitalized: most words are not; and most capitalized
     * words are a word with no possessive or digit that starts no phrase
     * of the sections name_word_uncached looks up, a name word by one
     * test of the token's bits, no memo */
    const uint32_t others = 1u << CLAIMS__LEX_NOMINAL | 1u << CLAIMS__LEX_MONTH |
                            1u << CLAIMS__LEX_WEEKDAY | 1u << CLAIMS__LEX_SPEECH_VERB;
    const uint64_t mask = claims__tok_bits_of(
        others, 0xffff, CLAIMS__TF_CAP | CLAIMS__TF_POSSESSIVE | CLAIMS__TF_HAS_DIGIT);
    const uint64_t plain = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_CAP);
    const claims__token *t = T(c, i);
    uint64_t bits = claims__tok_bits(t);
    if (!(bits & claims__tok_bits_of(0, 0, CLAIMS__TF_CAP)))
        return false;
    if ((bits & mask) == plain && P(c, i)->end - P(c, i)->start <= NAME_WORD_MAX_BYTES)
        return true;
    return memo_test(c, i, MEMO_NAME_KNOWN, name_word_uncached);
}

/* title_dot of a "." token. */
CLAIMS__NOINLINE static bool title_dot_rest(const ctx *c, size_t i)
{
    /* "Gen. Smith": a name goes on in the same sentence; not the stop
     * after "said the officer." */
    return i > 0 && !(T(c, i)->flags & CLAIMS__TF_SPACE_BEFORE) && is_title1(c, i - 1) &&
           i + 1 < c->ntoks && is_word(c, i + 1) && (T(c, i + 1)->flags & CLAIMS__TF_CAP) &&
           P(c, i + 1)->sentence == P(c, i)->sentence;
}

/* "." right after a title abbreviation ("Gen."), part of a name run.
 * Most tokens asked are no ".": that test inline, the rest out of line. */
static inline bool title_dot(const ctx *c, size_t i)
{
    return tok_is(c, i, ".") && title_dot_rest(c, i);
}

/* A hyphen joining two capitalized words ("Jean-Pierre"). */
static bool name_hyphen(const ctx *c, size_t i)
{
    return i > 0 && i + 1 < c->ntoks && tok_is(c, i, "-") &&
           !(T(c, i)->flags & CLAIMS__TF_SPACE_BEFORE) &&
           !(T(c, i + 1)->flags & CLAIMS__TF_SPACE_BEFORE) && name_word(c, i - 1) &&
           name_word(c, i + 1);
}

/* Token i joins the words of a name: a '.' after a title abbreviation,
 * a hyphen between two name words. */
static inline bool name_joiner(const ctx *c, size_t i)
{
    /* the two joiners are one byte long: '.' and '-' */
    if (i >= c->ntoks || claims__tok_len(T(c, i)) != 1)
        return false;
    char ch = tok_norm(c, i)[0];
    return (ch == '.' && title_dot(c, i)) || (ch == '-' && name_hyphen(c, i));
}

static inline bool in_name_run(const ctx *c, size_t i)
{
    return name_word(c, i) || name_joiner(c, i);
}

/* Skips the titles at the front of run [a, b): returns the first token of
 * the name after the last run of titles ("French Trade Minister Anne
 * Roux" -> "Anne", "Det. Insp. Sarah Hale" -> "Sarah"). A title word that
 * ends the run after a name is part of the name ("John Major"). Returns b
 * when nothing but titles remains. */
static size_t strip_titles(const ctx *c, size_t a, size_t b)
{
    size_t start = a;
    for (size_t i = a; i < b; i++) {
        size_t n = 0;
        if (title_at(c, i, b, &n) && n) {
            size_t j = i + n;
            while (j < b && (tok_is(c, j, ".") || tok_is(c, j, ",")))
                j++;
            if (j >= b && i > start)
                break; /* "John Major": the name's own last word */
            start = j;
            i = j - 1;
        }
    }
    return start;
}

/* The words of tokens [a, b), counted up to `most` at most: a test of a
 * few words need not count a long quote's all. */
static size_t count_words_upto(const ctx *c, size_t a, size_t b, size_t most)
{
    size_t n = 0;
    /* a word or number (class 0 or 1) counts: no branch a token */
    _Static_assert(CLAIMS__TOK_WORD == 0 && CLAIMS__TOK_NUMBER == 1, "token classes");
    for (size_t i = a; i < b && n < most; i++)
        n += (size_t)(T(c, i)->cls <= CLAIMS__TOK_NUMBER) &
             (size_t)!(T(c, i)->flags & CLAIMS__TF_POSSESSIVE);
    return n;
}

static size_t count_words(const ctx *c, size_t a, size_t b)
{
    return count_words_upto(c, a, b, (size_t)-1);
}

/* The first token of name [na, b) once capped at its last NAME_MAX_WORDS
 * words (a name word, or b). */
static size_t cap_name(const ctx *c, size_t na, size_t b)
{
    size_t words = 0, k = b;
    while (k > na) {
        const claims__token *t = T(c, k - 1);
        if ((t->cls == CLAIMS__TOK_WORD || t->cls == CLAIMS__TOK_NUMBER) &&
            !(t->flags & CLAIMS__TF_POSSESSIVE)) {
            if (words == NAME_MAX_WORDS)
                break;
            words++;
        }
        k--;
    }
    if (k == na)
        return na;
    while (k < b && !name_word(c, k))
        k++;
    return k;
}

/* Folded text of tokens [a, b) (norm texts joined as written), into the
 * story arena. */
static const char *fold_tokens(ctx *c, size_t a, size_t b, bool skip_det, uint32_t *len)
{
    *len = 0;
    if (skip_det)
        while (a < b && nom_is(c, a, CLAIMS__LV_DET))
            a++;
    if (c->tmp.failed) {
        c->nomem = true;
        return NULL;
    }
    /* The norm texts and the spaces between, copied into room made once
     * (on the stack for the most, a name or a description of a few
     * words: no heap buffer, no call to make room); folding the accents
     * of them all (claims__fold_norm_append, into c->tmp) only when a
     * byte is no ASCII, which leaves the rest as it is. */
    char local[256];
    /* (8: a token's eight bytes are copied at once, those past it
     * written over) */
    size_t need = 1 + 8;
    for (size_t i = a; i < b; i++)
        need += claims__tok_len(T(c, i)) + 1;
    char *text = local;
    if (need > sizeof local) {
        if (!claims__grow(c->tmp.alloc, (void **)&c->tmp.data, &c->tmp.cap, need, 1)) {
            c->tmp.failed = true;
            c->nomem = true;
            return NULL;
        }
        text = c->tmp.data;
    }
    char *o = text;
    uint64_t high = 0;
    const size_t norm_end = c->art->norm_len;
    for (size_t i = a; i < b; i++) {
        const claims__token *tk = T(c, i);
        if (i > a && (tk->flags & CLAIMS__TF_SPACE_BEFORE))
            *o++ = ' ';
        const char *t = c->norm + tk->norm;
        size_t n = claims__tok_len(tk);
        if (n <= 8 && tk->norm + (size_t)8 <= norm_end) {
            /* most words: eight bytes at once, the high bits of the
             * word's own */
            static const unsigned char first[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                                    0xff, 0xff};
            uint64_t w, m;
            memcpy(&w, t, 8);
            memcpy(o, &w, 8);
            /* 0xff in the word's n bytes, in memory order */
            memcpy(&m, first + 8 - n, 8);
            high |= w & m;
            o += n;
            continue;
        }
        for (size_t k = 0; k < n; k++) {
            high |= (unsigned char)t[k];
            *o++ = t[k];
        }
    }
    size_t n = (size_t)(o - text);
    if (high & 0x8080808080808080u) {
        c->tmp.len = 0;
        for (size_t i = a; i < b; i++) {
            if (i > a && (T(c, i)->flags & CLAIMS__TF_SPACE_BEFORE))
                claims__buf_putc(&c->tmp, ' ');
            /* a token's norm text is its bytes normalized */
            if (!claims__fold_norm_append(&c->tmp, tok_norm(c, i), claims__tok_len(T(c, i))))
                c->tmp.failed = true;
        }
        if (c->tmp.failed) {
            c->nomem = true;
            return NULL;
        }
        text = c->tmp.data ? c->tmp.data : local;
        n = c->tmp.len;
    }
    /* names recur: one copy of each in the story's table */
    const char *r = claims__str(c->s, claims__intern(c->s, text, n));
    if (!r)
        c->nomem = true;
    else
        *len = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;
    return r;
}

/* The text of tokens [a, b) as written, interned (its id into *id, its
 * bytes into *len), or NULL (id and length 0) when there are none. */
static const char *raw_tokens(ctx *c, size_t a, size_t b, claims__sid *id, uint32_t *len)
{
    *id = 0;
    *len = 0;
    if (a >= b)
        return NULL;
    size_t n = P(c, b - 1)->end - P(c, a)->start;
    *id = claims__intern(c->s, c->art->text + P(c, a)->start, n);
    const char *r = claims__str(c->s, *id);
    if (!r)
        c->nomem = true;
    else
        *len = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;
    return r;
}

/* --------------------------------------------------------- mentions */

static bool same_tok_text(const ctx *c, size_t i, size_t j)
{
    return claims__tok_same_text(T(c, i), T(c, j), c->norm);
}

static bool same_span_text(const ctx *c, size_t a1, size_t b1, size_t a2, size_t b2)
{
    if (b1 - a1 != b2 - a2)
        return false;
    for (size_t k = 0; k < b1 - a1; k++)
        if (!same_tok_text(c, a1 + k, a2 + k))
            return false;
    return true;
}

/* Index of the last mention ending at or before token pos, or -1.
 * Mentions are collected in text order. */
static int32_t mention_before(const ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->m[mid].b <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int32_t)lo - 1;
}

/* What the walk of a name run gathers on the way, so that the mention
 * made of it need not walk it again: whether a token of it may start a
 * title (its lexicon mask says so), its words (run_words), and whether
 * its last token is a name word (name_word). */
typedef struct run_info {
    bool title;
    size_t nw;
    bool last_name;
} run_info;

/* The words token t adds to a run: one when it is a word or number, no
 * possessive. */
static inline size_t run_words(const claims__token *t)
{
    return (t->cls == CLAIMS__TOK_WORD || t->cls == CLAIMS__TOK_NUMBER) &&
           !(t->flags & CLAIMS__TF_POSSESSIVE);
}

/* The end of the name run starting at token a (a + 1 at least), and what
 * the walk gathers in *r; a itself when no run starts there (a is
 * neither a name word nor a title word). Most tokens that go on a run,
 * and most it starts at, are a capitalized word that starts no title and
 * is a name word by its bits alone (name_word's first test): one test
 * takes them. (What it gathers is in locals: a memo's store, a byte, may
 * alias anything.) */
static size_t name_run_end(const ctx *c, size_t a, run_info *r)
{
    const uint32_t others = 1u << CLAIMS__LEX_NOMINAL | 1u << CLAIMS__LEX_MONTH |
                            1u << CLAIMS__LEX_WEEKDAY | 1u << CLAIMS__LEX_SPEECH_VERB |
                            1u << CLAIMS__LEX_TITLE;
    const uint64_t mask = claims__tok_bits_of(
        others, 0xffff, CLAIMS__TF_CAP | CLAIMS__TF_POSSESSIVE | CLAIMS__TF_HAS_DIGIT);
    const uint64_t plain = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_CAP);
    const claims__token *ta = T(c, a);
    /* the end of a's sentence (the sentences' token ranges tile the
     * article's tokens) */
    const size_t se = c->sents[P(c, a)->sentence].tok_end;
    uint32_t masks = 0; /* of the tokens not taken as plain name words */
    size_t nw = 0;
    bool last_name = false;
    size_t b = a;
    if ((claims__tok_bits(ta) & mask) == plain &&
        P(c, a)->end - P(c, a)->start <= NAME_WORD_MAX_BYTES) {
        nw = 1;
        last_name = true;
        b = a + 1;
    } else if (!(name_word(c, a) || is_title1(c, a))) {
        return a;
    }
    /* (a name word or title word at a goes on the run below) */
    while (b < se) {
        const claims__token *t = T(c, b);
        if ((claims__tok_bits(t) & mask) == plain &&
            P(c, b)->end - P(c, b)->start <= NAME_WORD_MAX_BYTES) {
            /* a plain name word, that may start no title */
            nw++;
            last_name = true;
            b++;
            continue;
        }
        /* A title with small words in it ("Secretary of State",
         * "Speaker of the House") stays one piece of the run. */
        size_t tn = 0;
        if (title_at(c, b, c->ntoks, &tn) && tn > 1 && b + tn <= se) {
            for (size_t k = b; k < b + tn; k++) {
                masks |= T(c, k)->lexmask;
                nw += run_words(T(c, k));
            }
            last_name = false;
            b += tn;
            continue;
        }
        bool name = name_word(c, b);
        if (!(name || name_joiner(c, b) || (b == a && is_title1(c, b))))
            break;
        masks |= t->lexmask;
        nw += run_words(t);
        last_name = name;
        b++;
    }
    r->title = (masks & (1u << CLAIMS__LEX_TITLE)) != 0;
    r->nw = nw;
    r->last_name = last_name;
    return b;
}

/* Makes room for one more mention: the first few are in the scratch
 * block; beyond them they move to the heap and grow there. False on
 * OOM. */
static bool grow_mentions(ctx *c)
{
    if (c->m_heap)
        return claims__grow(&c->s->alloc, (void **)&c->m, &c->capm, c->nm + 1, sizeof *c->m);
    mention *m = NULL;
    size_t cap = 0;
    if (!claims__grow(&c->s->alloc, (void **)&m, &cap, 2 * c->nm + 8, sizeof *m))
        return false;
    if (c->nm)
        memcpy(m, c->m, c->nm * sizeof *m);
    c->m = m;
    c->capm = cap;
    c->m_heap = true;
    return true;
}

/* Adds the mention that name run [a, b) of two tokens or more holds, if
 * any; r is what name_run_end gathered of it. False on OOM. */
static bool add_mention(ctx *c, size_t a, size_t b, const run_info *r)
{
    /* Most runs hold no word that may start a title and no more words
     * than a name keeps: then no title is stripped and none capped, and
     * the walk of the run counted the words. Its first token is then a
     * name word (collect_mentions: else it is a title alone), and the
     * walk knows whether the last is. */
    size_t nw = r->nw;
    size_t na = a;
    if (r->title || nw > NAME_MAX_WORDS) {
        na = cap_name(c, strip_titles(c, a, b), b);
        if (na >= b)
            return true;
        nw = count_words(c, na, b);
        if (!name_word(c, na) || !name_word(c, b - 1))
            return true;
    } else if (!r->last_name) {
        return true;
    }
    bool titled = na > a;
    if (nw < 2 && !titled)
        return true;
    if (c->nm == c->capm && !grow_mentions(c))
        return false;
    mention *m = &c->m[c->nm];
    m->a = (uint32_t)na;
    m->b = (uint32_t)b;
    m->last_hash = T(c, b - 1)->hash;
    m->first_hash = T(c, na)->hash;
    m->nwords = (uint32_t)nw;
    m->title_hash = 0;
    m->title = NULL;
    m->name = m->fold = NULL;
    if (na > a) {
        size_t tw = na - 1;
        if (tw > a && tok_is(c, tw, "."))
            tw--;
        size_t tn = 0;
        const claims__lex_entry *te = lex_at(c, CLAIMS__LEX_TITLE, tw, tw + 1, &tn);
        if (te) {
            m->title_hash = T(c, tw)->hash;
            m->title = claims__lex_text(te);
        }
    }
    m->appos = 0;
    /* "her deputy, Jan Novak" */
    if (a >= 2 && tok_is(c, a - 1, ",") && is_word(c, a - 2) &&
        (head_tok(c, a - 2) || is_title1(c, a - 2)))
        m->appos = T(c, a - 2)->hash;
    if (m->appos) {
        if (!claims__grow(&c->s->alloc, (void **)&c->ap, &c->capap, c->nap + 1, sizeof *c->ap))
            return false;
        c->ap[c->nap++] = (uint32_t)c->nm;
    }
    /* Each distinct name is linked once, at its first mention, so
     * that a lookup costs the number of names, not of mentions. */
    size_t bk = m->last_hash & (c->nbuckets - 1);
    bool seen = false;
    size_t same_last = 0;
    for (int32_t k = c->bucket[bk]; k >= 0 && !seen && same_last < SAME_LAST_MAX;
         k = c->m[k].next) {
        if (c->m[k].last_hash != m->last_hash)
            continue;
        same_last++;
        seen = same_span_text(c, c->m[k].a, c->m[k].b, na, b);
    }
    m->next = -1;
    if (!seen) {
        m->next = c->bucket[bk];
        c->bucket[bk] = (int32_t)c->nm;
    }
    c->nm++;
    return true;
}

/* The fullest mention of the person named by tokens [a, b) near token
 * `pos`: the longest name with the same last word (and first word, when
 * the name has two or more words). -1 when none is longer, and for a bare
 * surname that two full names share ("John Smith", "Mary Smith"). nw is
 * the name's words (count_words), which the caller keeps too. */
static int32_t fuller_mention(const ctx *c, size_t a, size_t b, size_t pos, size_t nw,
                              bool *ambiguous)
{
    *ambiguous = false;
    int32_t best = -1;
    size_t best_dist = (size_t)-1;
    uint32_t best_words = (uint32_t)nw;
    uint32_t h = T(c, b - 1)->hash;
    int32_t full = -1; /* a full name ending in the bare surname */
    size_t same_last = 0;
    for (int32_t k = c->bucket[h & (c->nbuckets - 1)]; k >= 0 && same_last < SAME_LAST_MAX;
         k = c->m[k].next) {
        const mention *m = &c->m[k];
        if (m->last_hash != h)
            continue;
        same_last++;
        if (!same_tok_text(c, m->b - 1, b - 1))
            continue;
        if (nw >= 2 && !same_tok_text(c, m->a, a))
            continue;
        if (nw < 2 && m->nwords >= 2) {
            if (full >= 0 && !same_tok_text(c, c->m[full].a, m->a)) {
                *ambiguous = true; /* two people share the surname */
                return -1;
            }
            full = k;
        }
        if (m->nwords < best_words)
            continue;
        size_t dist = m->a <= pos ? pos - m->a : (m->a - pos) * 4; /* prefer earlier */
        if (m->nwords > best_words || dist < best_dist) {
            best = k;
            best_words = m->nwords;
            best_dist = dist;
        }
    }
    if (best >= 0 && c->m[best].nwords <= nw)
        return best;
    return best;
}

/* Tokens [a1, b1) and [a2, b2) are the same text as written (what
 * raw_tokens interns). */
static bool same_raw_text(const ctx *c, size_t a1, size_t b1, size_t a2, size_t b2)
{
    if (a1 >= b1 || a2 >= b2)
        return false;
    size_t s1 = P(c, a1)->start, n1 = P(c, b1 - 1)->end - s1;
    size_t s2 = P(c, a2)->start, n2 = P(c, b2 - 1)->end - s2;
    return n1 == n2 && (s1 == s2 || claims__same_bytes(c->art->text + s1, c->art->text + s2, n1));
}

static speaker person_speaker(ctx *c, size_t a, size_t b, size_t da, size_t db, size_t pos)
{
    speaker sp = {0};
    size_t nw = count_words(c, a, b);
    int32_t k = fuller_mention(c, a, b, pos, nw, &sp.ambiguous);
    sp.kind = SPK_PERSON;
    /* the tokens the name is the text of */
    size_t na = a, nb = b;
    if (k >= 0 && c->m[k].nwords >= nw) {
        /* a person is quoted again and again: the mention keeps its
         * strings */
        mention *m = &c->m[k];
        if (!m->fold) {
            m->name = raw_tokens(c, m->a, m->b, &m->name_id, &m->name_len);
            m->fold = fold_tokens(c, m->a, m->b, false, &m->fold_len);
        }
        sp.name = m->name;
        sp.name_id = m->name_id;
        sp.name_len = m->name_len;
        sp.fold = m->fold;
        sp.fold_len = m->fold_len;
        na = m->a;
        nb = m->b;
    } else {
        sp.name = raw_tokens(c, a, b, &sp.name_id, &sp.name_len);
        sp.fold = fold_tokens(c, a, b, false, &sp.fold_len);
    }
    /* most descriptions are the name as written: its string and id */
    if (sp.name && same_raw_text(c, da, db, na, nb)) {
        sp.desc = sp.name;
        sp.desc_id = sp.name_id;
        sp.desc_len = sp.name_len;
    } else {
        sp.desc = raw_tokens(c, da, db, &sp.desc_id, &sp.desc_len);
    }
    return sp;
}

static size_t para_of(const ctx *c, size_t tok);

/* ------------------------------------------------------- noun phrases */

enum { NP_NONE = 0, NP_NAME, NP_NOMINAL, NP_HE, NP_IT, NP_THEY };

typedef struct np {
    int type;
    size_t a, b;   /* the whole phrase */
    size_t na, nb; /* NAME: the name without titles */
    size_t head;   /* NOMINAL: head token */
} np;

/* Classifies phrase [a, b). */
static bool np_classify(const ctx *c, size_t a, size_t b, np *out)
{
    if (a >= b)
        return false;
    /* The core ends at the first preposition ("a source in the office")
     * that is not inside a title ("Secretary of State Jane Roe"). */
    size_t core = b;
    for (size_t i = a; i < b; i++) {
        size_t tn = 0;
        if (title_at(c, i, b, &tn) && tn > 1) {
            i += tn - 1;
            continue;
        }
        if (i > a && nom_is(c, i, CLAIMS__LV_PREP)) {
            core = i;
            break;
        }
    }
    size_t h = core - 1;
    while (h > a && (tok_is(c, h, ".") || (T(c, h)->flags & CLAIMS__TF_POSSESSIVE)))
        h--;
    if (T(c, h)->flags & CLAIMS__TF_POSSESSIVE)
        return false;
    out->a = a;
    out->b = b;
    /* "Poland's defence minister": an owner works like a determiner */
    bool owned = false;
    for (size_t i = a + 1; i < h && !owned; i++)
        owned = (T(c, i)->flags & CLAIMS__TF_POSSESSIVE) != 0;
    bool det = nom_is(c, a, CLAIMS__LV_DET) || owned;
    if (head_tok(c, h) || (is_title1(c, h) && (det || h == a) &&
                           !(T(c, h)->flags & CLAIMS__TF_CAP && h > a && !det))) {
        /* "the palace", "a senior aide", "the finance minister" */
        if (!head_tok(c, h) && !det)
            return false;
        out->type = NP_NOMINAL;
        out->head = h;
        return true;
    }
    if (!name_word(c, h))
        return false;
    /* A name: titles stripped; a possessive inside makes it an owner's
     * thing ("Novak's aide") which the head check above handled. */
    size_t s0 = a;
    while (s0 < core && nom_is(c, s0, CLAIMS__LV_DET))
        s0++;
    size_t na = cap_name(c, strip_titles(c, s0, core), core);
    if (na >= core)
        return false;
    for (size_t i = na; i < core; i++)
        if (!in_name_run(c, i))
            return false;
    out->type = NP_NAME;
    out->na = na;
    out->nb = core;
    return true;
}

static int pron_type(const ctx *c, size_t i)
{
    const claims__lex_entry *v = nom_class(c, i);
    if (!v)
        return NP_NONE;
    if (v->code == CLAIMS__LV_HE)
        return NP_HE;
    if (v->code == CLAIMS__LV_IT)
        return NP_IT;
    if (v->code == CLAIMS__LV_THEY)
        return NP_THEY;
    return NP_NONE;
}

enum { NP_MAX = 12, WINDOW = 48 /* tokens an attribution search looks back */ };

/* The noun phrase ending right before token e, not reaching before lo. */
static bool np_back_core(const ctx *c, size_t e, size_t lo, np *out)
{
    if (e <= lo)
        return false;
    size_t p = e - 1;
    int pt = pron_type(c, p);
    if (pt) {
        out->type = pt;
        out->a = p;
        out->b = e;
        return true;
    }
    if (!is_word(c, p) && !title_dot(c, p))
        return false;
    bool nominal = head_tok(c, p) || is_title1(c, p);
    if (!nominal && !name_word(c, p) && !title_dot(c, p))
        return false;
    size_t j = e;
    size_t nwords = 0;
    while (j > lo && e - j < NP_MAX) {
        size_t t = j - 1;
        /* most words start no nominal phrase and no title: one test of
         * the mask for both, not one in each lookup */
        const claims__lex_entry *v = NULL;
        bool nominal_word = false;
        if (T(c, t)->lexmask & (1u << CLAIMS__LEX_NOMINAL | 1u << CLAIMS__LEX_TITLE)) {
            v = nom_class(c, t);
            nominal_word = head_tok(c, t) || is_title1(c, t);
        }
        if (nominal_word || in_name_run(c, t)) {
            if (nominal_word)
                nominal = true;
            j--;
            nwords++;
            continue;
        }
        if ((T(c, t)->flags & CLAIMS__TF_POSSESSIVE) && t > lo && is_word(c, t - 1)) {
            j--;
            continue;
        }
        if (v && v->code == CLAIMS__LV_DET) {
            j--;
            /* "an aide in the Mayor's office": go on through
             * the preposition when a nominal stands before it. */
            if (j >= lo + 2 && nom_is(c, j - 1, CLAIMS__LV_PREP) && is_word(c, j - 2) &&
                (head_tok(c, j - 2) || name_word(c, j - 2) || is_title1(c, j - 2))) {
                j--;
                continue;
            }
            break;
        }
        /* "a spokesman for the agency", "Sarah Hale of the city police" */
        if (v && v->code == CLAIMS__LV_PREP && t > lo && is_word(c, t - 1) &&
            (head_tok(c, t - 1) || name_word(c, t - 1) || is_title1(c, t - 1))) {
            j--;
            continue;
        }
        /* Lower-case modifiers of a nominal head ("senior", "defense"). */
        /* ("news" in "the Interfax news agency" is one too) */
        if (nominal && is_word(c, t) && (!v || v->code == CLAIMS__LV_ORGTAIL) && !is_verb1(c, t) &&
            nwords < 6 && !(T(c, t)->flags & CLAIMS__TF_HAS_DIGIT)) {
            /* Only when a determiner or the clause start comes soon:
             * stop at words that look like a predicate. */
            size_t k = t;
            while (k > lo && t - k < 4 && is_word(c, k - 1) &&
                   (!nom_class(c, k - 1) || nom_is(c, k - 1, CLAIMS__LV_ORGTAIL)) &&
                   !is_verb1(c, k - 1))
                k--;
            if (k == lo || !is_word(c, k - 1) || nom_is(c, k - 1, CLAIMS__LV_DET) ||
                name_word(c, k - 1) || clause_word(c, k - 1)) {
                j--;
                nwords++;
                continue;
            }
        }
        break;
    }
    return np_classify(c, j, e, out);
}

/* Entry e's value has a ':' ("unit:N", "qual:previous"). A value with a
 * code is that code's text (CLAIMS__LEX_VALUES), and of those only the
 * parts' have one (test_quotes checks it): most values time_lookup finds
 * are "det" or "prep", told by the code without a call to strchr. */
static bool value_has_colon(const claims__lex_entry *e)
{
    switch (e->code) {
    case CLAIMS__LV_NONE:
        return strchr(claims__lex_text(e), ':') != NULL;
    case CLAIMS__LV_PART_AFTER:
    case CLAIMS__LV_PART_SEVERITY:
    case CLAIMS__LV_PART_SUBSET:
    case CLAIMS__LV_PART_INCREMENT:
        return true;
    default:
        return false;
    }
}

static bool time_lookup(const ctx *c, size_t i)
{
    static const claims__lex_section secs[4] = {CLAIMS__LEX_WEEKDAY, CLAIMS__LEX_MONTH,
                                                CLAIMS__LEX_RELATIVE_DAY, CLAIMS__LEX_TIME_WORD};
    if (nom_is(c, i, CLAIMS__LV_WHEN))
        return true;
    /* only entries that name a time have a number or "unit:N" (and the
     * event qualifiers of [time_word], "qual:previous") */
    for (size_t k = 0; k < 4; k++) {
        size_t n = 0;
        const claims__lex_entry *e = lex_at(c, secs[k], i, i + 1, &n);
        if (e && (e->has_num || value_has_colon(e)))
            return true;
    }
    return false;
}

/* A single-token time word: "today", "late", "Monday", "March". */
enum {
    TIME_SECTIONS = 1u << CLAIMS__LEX_WEEKDAY | 1u << CLAIMS__LEX_MONTH |
                    1u << CLAIMS__LEX_RELATIVE_DAY | 1u << CLAIMS__LEX_TIME_WORD
};

/* time_tok of a word that may start a time phrase (its mask says so). */
static bool time_tok_word(const ctx *c, size_t i)
{
    return memo_test(c, i, MEMO_TIME_KNOWN, time_lookup);
}

/* time_tok of token i, whose nominal class v (nom_class) the caller
 * has at hand. */
static inline bool time_tok_nom(const ctx *c, size_t i, const claims__lex_entry *v)
{
    /* a token that starts no phrase of these sections is none */
    if (i >= c->ntoks || !(T(c, i)->lexmask & (TIME_SECTIONS | 1u << CLAIMS__LEX_NOMINAL)) ||
        !is_word(c, i))
        return false;
    /* most words that may start one start a nominal phrase alone ("the",
     * "that"): then the nominal class answers, and it is memoized */
    if (!(T(c, i)->lexmask & TIME_SECTIONS))
        return claims__lex_is(v, CLAIMS__LV_WHEN);
    return time_tok_word(c, i);
}

static inline bool time_tok(const ctx *c, size_t i)
{
    /* the class only when it is asked for: most tokens are no word that
     * may start a time or nominal phrase */
    if (i >= c->ntoks || !(T(c, i)->lexmask & (TIME_SECTIONS | 1u << CLAIMS__LEX_NOMINAL)) ||
        !is_word(c, i))
        return false;
    if (!(T(c, i)->lexmask & TIME_SECTIONS))
        return nom_is(c, i, CLAIMS__LV_WHEN);
    return time_tok_word(c, i);
}

/* skip_adverbs_back when token i - 1 may be one to skip. */
static size_t skip_adverbs_back_slow(const ctx *c, size_t i, size_t lo)
{
    for (;;) {
        while (i > lo && nom_is(c, i - 1, CLAIMS__LV_ADVERB))
            i--;
        size_t k = i;
        while (k > lo && (time_tok(c, k - 1) ||
                          (T(c, k - 1)->cls == CLAIMS__TOK_NUMBER && k - 1 > lo &&
                           time_tok(c, k - 2))))
            k--;
        if (k == i)
            return i;
        if (k > lo && nom_is(c, k - 1, CLAIMS__LV_APREP))
            k--;
        i = k;
    }
}

/* Skips, backwards from token i, the adverbs and time adjuncts between a
 * subject and its verb ("X also said", "the ministry on Tuesday said").
 * Most tokens before a verb are no adverb, time word or number (the
 * subject's last word): its mask and class say so inline. */
static inline size_t skip_adverbs_back(const ctx *c, size_t i, size_t lo)
{
    if (i <= lo)
        return i;
    const claims__token *t = T(c, i - 1);
    if (!(t->lexmask & (TIME_SECTIONS | 1u << CLAIMS__LEX_NOMINAL)) && t->cls != CLAIMS__TOK_NUMBER)
        return i;
    return skip_adverbs_back_slow(c, i, lo);
}

/* np_back once the adverbs before the verb are skipped: the subject ends
 * before token i (a caller that skipped them already says where). */
static bool np_back_at(const ctx *c, size_t i, size_t lo, np *out)
{
    if (i <= lo)
        return false;
    if (tok_is(c, i - 1, ",")) {
        /* An appositive: the phrase before the comma that opens it. */
        for (size_t k = i - 1; k-- > lo && i - k < 20;) {
            if (T(c, k)->cls == CLAIMS__TOK_QUOTE)
                break;
            if (tok_is(c, k, ",")) {
                np inner;
                if (np_back_core(c, k, lo, &inner) && inner.type != NP_NONE) {
                    *out = inner;
                    return true;
                }
                break;
            }
        }
        return false;
    }
    return np_back_core(c, i, lo, out);
}

/* The subject of the verb at token v: the phrase before it, over an
 * appositive ("X, the chief of staff, said"). */
static bool np_back(const ctx *c, size_t v, size_t lo, np *out)
{
    return np_back_at(c, skip_adverbs_back(c, v, lo), lo, out);
}

/* The end of a compound of a number and words glued by hyphens starting
 * at token i ("45-year-old", "20-year"), or i when there is none. */
static size_t hyphen_compound_end(const ctx *c, size_t i, size_t hi)
{
    if (i >= hi || T(c, i)->cls != CLAIMS__TOK_NUMBER)
        return i;
    size_t k = i + 1;
    while (k + 1 < hi && tok_is(c, k, "-") && !(T(c, k)->flags & CLAIMS__TF_SPACE_BEFORE) &&
           is_word(c, k + 1) && !(T(c, k + 1)->flags & CLAIMS__TF_SPACE_BEFORE))
        k += 2;
    return k > i + 1 ? k : i;
}

/* The noun phrase starting at token i, not reaching hi. */
static bool np_fwd(const ctx *c, size_t i, size_t hi, np *out)
{
    if (i >= hi)
        return false;
    int pt = pron_type(c, i);
    if (pt) {
        out->type = pt;
        out->a = i;
        out->b = i + 1;
        return true;
    }
    size_t a = i;
    if (nom_is(c, i, CLAIMS__LV_DET))
        i++;
    size_t j = i;
    /* "said 45-year-old Jane Roe", "said shopkeeper Jane Roe": an age or
     * a lower-case description right before a name describes it */
    size_t m = hyphen_compound_end(c, i, hi);
    if (m == i && is_word(c, i) && !nom_class(c, i) && !is_verb1(c, i) &&
        !(T(c, i)->flags & CLAIMS__TF_CAP))
        m = i + 1;
    size_t described = m > i && m < hi && name_word(c, m) ? m : a;
    j = described > a ? described : j;
    bool prep_done = false;
    while (j < hi && j - a < NP_MAX) {
        const claims__lex_entry *v = nom_class(c, j);
        if (in_name_run(c, j) || head_tok(c, j) || is_title1(c, j)) {
            j++;
            continue;
        }
        if ((T(c, j)->flags & CLAIMS__TF_POSSESSIVE) && j > i) {
            j++;
            continue;
        }
        if (v && v->code == CLAIMS__LV_PREP && !prep_done && j > i && j + 1 < hi) {
            /* complement: only after a nominal head */
            if (!head_tok(c, j - 1))
                break;
            prep_done = true;
            j++;
            if (nom_is(c, j, CLAIMS__LV_DET))
                j++;
            continue;
        }
        if (v && v->code == CLAIMS__LV_DET && j > i)
            break;
        if (is_word(c, j) && !v && !is_verb1(c, j) && !(T(c, j)->flags & CLAIMS__TF_CAP)) {
            /* a lower-case modifier: keep it only when a head follows */
            size_t k = j;
            while (k < hi && k - j < 4 && is_word(c, k) && !nom_class(c, k) && !is_verb1(c, k) &&
                   !(T(c, k)->flags & CLAIMS__TF_CAP) && !is_title1(c, k))
                k++;
            if (k < hi && (head_tok(c, k) || is_title1(c, k))) {
                j = k;
                continue;
            }
        }
        break;
    }
    /* Trim a trailing preposition or determiner. */
    while (j > i && (nom_is(c, j - 1, CLAIMS__LV_PREP) || nom_is(c, j - 1, CLAIMS__LV_DET)))
        j--;
    if (described > a) {
        if (!np_classify(c, described, j, out) || out->type != NP_NAME)
            return false;
        out->a = a; /* shown with its description */
        return true;
    }
    return np_classify(c, a, j, out);
}

/* ----------------------------------------------------------- speakers */

/* a remember's step of the clock: a pending note's remembers take the
 * stamps between */
static const uint64_t STAMP_UNIT = (uint64_t)1 << 32;

/* Remembers sp, found at token pos, as of stamp `at`: as if in the order
 * of the stamps (a pending note's are older than the speakers remembered
 * after its sentence). */
static void remember_at(ctx *c, const speaker *sp, size_t pos, uint64_t at)
{
    if (sp->kind == SPK_PERSON) {
        if (at < c->last_person_at)
            return;
        c->last_person = *sp;
        c->last_person_para = c->sents[P(c, pos)->sentence].paragraph;
        c->last_person_pos = pos;
        c->last_person_at = at;
    } else if (sp->kind == SPK_NOMINAL) {
        if (at > c->last_nominal_at) {
            c->last_nominal = *sp;
            c->last_nominal_at = at;
        }
        if (sp->human && at > c->last_human_at) {
            c->last_human = *sp;
            c->last_human_pos = pos;
            c->last_human_at = at;
        }
        /* the first NOMINAL_MEMORY by stamp are kept */
        size_t k = c->nnominals;
        while (k > 0 && c->nominal_at[k - 1] > at)
            k--;
        if (k >= NOMINAL_MEMORY)
            return;
        size_t n = c->nnominals < NOMINAL_MEMORY ? c->nnominals : NOMINAL_MEMORY - 1;
        memmove(&c->nominals[k + 1], &c->nominals[k], (n - k) * sizeof *c->nominals);
        memmove(&c->nominal_at[k + 1], &c->nominal_at[k], (n - k) * sizeof *c->nominal_at);
        c->nominals[k] = *sp;
        c->nominal_at[k] = at;
        c->nnominals = n + 1;
    }
}

/* Remembers sp, found at token pos, now. */
static void remember(ctx *c, const speaker *sp, size_t pos)
{
    c->clock += STAMP_UNIT;
    remember_at(c, sp, pos, c->clock);
}

static void note_pending(ctx *c);

/* The nearest person named before pos with a title word that the
 * nominal head h names: the same word ("Mayor Ellen Bell" ... "the
 * mayor"), or a word of the class the head names itself (speech.lex
 * "doctor = dr, doctor": "Dr. Helen Park" ... "the doctor"); -1 when
 * none among the last few mentions. */
static int32_t titled_mention_before(const ctx *c, size_t h, size_t pos)
{
    size_t tn = 0;
    const claims__lex_entry *he = lex_at(c, CLAIMS__LEX_TITLE, h, h + 1, &tn);
    if (!he)
        return -1;
    const char *hw = tok_norm(c, h);
    size_t hl = claims__tok_len(T(c, h));
    bool own_class =
        strlen(claims__lex_text(he)) == hl && memcmp(claims__lex_text(he), hw, hl) == 0;
    uint32_t hh = T(c, h)->hash;
    size_t looked = 0;
    for (size_t k = c->nm; k-- > 0 && looked < APPOS_LOOKBACK;) {
        const mention *m = &c->m[k];
        if (m->a >= pos)
            continue;
        looked++;
        if (m->title_hash == hh ||
            (own_class && m->title && strcmp(m->title, claims__lex_text(he)) == 0))
            return (int32_t)k;
    }
    return -1;
}

static bool collect_mentions(ctx *c);

/* Turns a phrase into a speaker (resolving pronouns, anaphoric "the
 * source" and appositives against what came before). */
static speaker np_speaker(ctx *c, const np *p, size_t pos)
{
    speaker sp = {0};
    const char *desc = NULL;
    claims__sid desc_id = 0;
    uint32_t desc_len = 0;
    switch (p->type) {
    case NP_NAME:
        if (!collect_mentions(c))
            return sp;
        return person_speaker(c, p->na, p->nb, p->a, p->b, pos);
    case NP_HE:
        desc = raw_tokens(c, p->a, p->b, &desc_id, &desc_len);
        if (c->has_last_quote && c->last_quote_spk.kind != SPK_NONE &&
            para_of(c, pos) <= c->last_quote_para + 1) {
            sp = c->last_quote_spk; /* "the spokesman said ... he added" */
        } else if ((note_pending(c), c->last_human.kind == SPK_NOMINAL) &&
                   (c->last_person.kind != SPK_PERSON || c->last_human_pos > c->last_person_pos)) {
            sp = c->last_human; /* "a police spokesman said ... he said" */
        } else if (c->last_person.kind == SPK_PERSON) {
            sp = c->last_person;
        } else {
            /* the last person mentioned before pos */
            int32_t k = collect_mentions(c) ? mention_before(c, pos) : -1;
            if (k >= 0)
                sp = person_speaker(c, c->m[k].a, c->m[k].b, p->a, p->b, pos);
        }
        sp.desc = desc;
        sp.desc_id = desc_id;
        sp.desc_len = desc_len;
        return sp;
    case NP_IT:
    case NP_THEY:
        desc = raw_tokens(c, p->a, p->b, &desc_id, &desc_len);
        note_pending(c);
        if (c->last_nominal.kind == SPK_NOMINAL)
            sp = c->last_nominal;
        sp.desc = desc;
        sp.desc_id = desc_id;
        sp.desc_len = desc_len;
        return sp;
    case NP_NOMINAL: {
        uint32_t hh = T(c, p->head)->hash;
        const char *det = nom_is(c, p->a, CLAIMS__LV_DET) ? tok_norm(c, p->a) : NULL;
        bool definite = det && (claims__tok_len(T(c, p->a)) != 1 || det[0] != 'a') &&
                        !(claims__tok_len(T(c, p->a)) == 2 && memcmp(det, "an", 2) == 0) &&
                        !(claims__tok_len(T(c, p->a)) == 3 && memcmp(det, "one", 3) == 0);
        desc = raw_tokens(c, p->a, p->b, &desc_id, &desc_len);
        if (definite && !collect_mentions(c))
            return sp;
        if (definite) {
            /* "his counterpart, X" earlier in the article (the nearest
             * few appositions are enough) */
            size_t lo = 0, hi = c->nap;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (c->m[c->ap[mid]].a < pos)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t k = lo, looked = 0; k-- > 0 && looked < APPOS_LOOKBACK; looked++) {
                const mention *m = &c->m[c->ap[k]];
                if (m->appos == hh) {
                    sp = person_speaker(c, m->a, m->b, p->a, p->b, pos);
                    return sp;
                }
            }
            /* "the doctor" after "Dr. Helen Park", "the mayor" after
             * "Mayor Ellen Bell" */
            int32_t tm = p->b - p->a == 2 && p->head == p->a + 1 && tok_is(c, p->a, "the")
                             ? titled_mention_before(c, p->head, pos)
                             : -1;
            if (tm >= 0)
                return person_speaker(c, c->m[tm].a, c->m[tm].b, p->a, p->b, pos);
            /* "the source" after "a senior source in ..." */
            note_pending(c);
            for (size_t k = c->nnominals; k-- > 0;)
                if (c->nominals[k].head == hh && c->nominal_at[k] < c->nominals_before) {
                    sp = c->nominals[k];
                    sp.desc = desc;
                    sp.desc_id = desc_id;
                    sp.desc_len = desc_len;
                    return sp;
                }
        }
        sp.kind = SPK_NOMINAL;
        sp.head = hh;
        sp.human = is_title1(c, p->head) || nom_is(c, p->head, CLAIMS__LV_SOURCE) ||
                   nom_is(c, p->head, CLAIMS__LV_COUNTERPART);
        sp.desc = desc;
        sp.desc_id = desc_id;
        sp.desc_len = desc_len;
        /* Shown as written, a sentence-initial "The" lower-cased. */
        if (desc && det && T(c, p->a)->flags & CLAIMS__TF_CAP && p->b - p->a > 1) {
            char *d = claims__story_strndup(c->s, desc, strlen(desc));
            if (!d) {
                c->nomem = true;
                return sp;
            }
            d[0] = (char)claims__to_lower((unsigned char)d[0]);
            sp.name = d;
            sp.name_id = 0;
            sp.name_len = desc_len;
        } else {
            sp.name = desc;
            sp.name_id = desc_id;
            sp.name_len = desc_len;
        }
        sp.fold = fold_tokens(c, p->a, p->b, true, &sp.fold_len);
        return sp;
    }
    default:
        return sp;
    }
}

/* The issuer of a statement the participle at v reports on ("the palace
 * put out a statement saying"): the nearest nominal or name before it. */
static bool statement_agent(const ctx *c, size_t v, size_t lo, np *out)
{
    size_t i = v;
    if (i > lo && tok_is(c, i - 1, ","))
        i--;
    for (size_t k = i; k > lo && i - k < 12; k--) {
        size_t t = k - 1;
        if (T(c, t)->cls == CLAIMS__TOK_QUOTE || tok_is(c, t, ",") || tok_is(c, t, ";"))
            break;
        const claims__lex_entry *v2 = nom_class(c, t);
        if (v2 && v2->code == CLAIMS__LV_STATEMENT)
            continue;
        if ((head_tok(c, t) || name_word(c, t)) && !(t + 1 < v && (T(c, t + 1)->flags &
                                                                     CLAIMS__TF_POSSESSIVE))) {
            if (np_back_core(c, t + 1, lo, out) && (out->type == NP_NAME ||
                                                    out->type == NP_NOMINAL))
                return true;
        }
    }
    return false;
}

/* The speaker of the speech verb at token v (class `cls`), searching no
 * earlier than lo. `allow_inversion`: "said X" is possible (the verb opens
 * the region after a quote). */
static bool verb_speaker(ctx *c, size_t v, size_t vn, unsigned cls, size_t lo, size_t hi,
                         bool allow_inversion, np *out)
{
    if (cls == CLAIMS__LV_ACCORDING)
        return np_fwd(c, v + vn, hi, out) && out->type != NP_NONE;
    if (cls == CLAIMS__LV_QUOTE) {
        size_t b = skip_adverbs_back(c, v, lo);
        if (b > lo && nom_is(c, b - 1, CLAIMS__LV_AUX))
            return np_back(c, b - 1, lo, out); /* "X was quoted as saying" */
        np o;
        if (np_fwd(c, v + vn, hi, &o) && o.type != NP_NONE && o.b < hi && tok_is(c, o.b, "as")) {
            *out = o; /* "it quoted X as saying" */
            return true;
        }
        return np_back_at(c, b, lo, out);
    }
    size_t b = skip_adverbs_back(c, v, lo);
    bool after_and = b > lo && tok_is(c, b - 1, "and");
    if (cls == CLAIMS__LV_SAYING || after_and) {
        /* The clause's earlier speech verb gives the speaker. */
        for (size_t vi = first_verb(c, b); vi-- > 0 && c->verbs[vi] >= lo;) {
            size_t k = c->verbs[vi];
            if (c->inq[k])
                continue;
            size_t n = 0;
            const claims__lex_entry *e = verb_at_vi(c, vi, v, &n);
            if (e && e->code != CLAIMS__LV_ACCORDING && e->code != CLAIMS__LV_SAYING)
                return verb_speaker(c, k, n, e->code, lo, v, false, out);
        }
        if (cls == CLAIMS__LV_SAYING)
            return statement_agent(c, v, lo, out);
        return false;
    }
    if (np_back_at(c, b, lo, out) && out->type != NP_NONE)
        return true;
    if (allow_inversion && b == lo && cls == CLAIMS__LV_SAY)
        return np_fwd(c, v + vn, hi, out) && (out->type == NP_NAME || out->type == NP_NOMINAL);
    return false;
}

/* Looks for an attribution in tokens [lo, hi) outside quotes. `nearest`:
 * take the verb closest to hi (a quote after it), else the first one. */
static bool find_attribution(ctx *c, size_t lo, size_t hi, bool nearest, np *out)
{
    np fallback; /* set with have_fallback */
    bool have_fallback = false;
    size_t best_pos = 0;
    bool found = false;
    np best = {0};
    if (nearest && hi > lo + WINDOW)
        lo = hi - WINDOW; /* the verb nearest the quote is all we want */
    size_t next = lo;     /* the first token after a verb taken */
    /* (the VERB_STOPS after the last verb word end the walks: no test
     * of the count) */
    for (size_t vi = first_verb(c, lo); c->verbs[vi] < hi; vi++) {
        size_t i = c->verbs[vi];
        if (i < next || c->inq[i])
            continue;
        size_t n = 0;
        const claims__lex_entry *e = verb_at_vi(c, vi, hi, &n);
        if (!e)
            continue;
        np o = {0};
        /* "said X" when the verb opens the region (but for adverbs):
         * verb_speaker's own skip back from the verb tells, reaching lo
         * only then (and never when its bound vlo lies past lo) */
        size_t vlo = i > lo + WINDOW ? i - WINDOW : lo;
        if (!verb_speaker(c, i, n, e->code, vlo, hi, true, &o))
            continue;
        if (e->code == CLAIMS__LV_ACCORDING) {
            if (!have_fallback || nearest) {
                fallback = o;
                have_fallback = true;
            }
            continue;
        }
        if (!found || nearest) {
            best = o;
            best_pos = i;
            found = true;
        }
        if (!nearest)
            break;
        next = i + n;
    }
    (void)best_pos;
    /* A trailing "-- X" after the quote. */
    if (!found && !nearest && lo < hi && tok_is(c, lo, "-")) {
        size_t k = lo;
        while (k < hi && tok_is(c, k, "-"))
            k++;
        np o;
        if (np_fwd(c, k, hi, &o) && (o.type == NP_NAME || o.type == NP_NOMINAL)) {
            best = o;
            found = true;
        }
    }
    if (found) {
        *out = best;
        return true;
    }
    if (have_fallback) {
        *out = fallback;
        return true;
    }
    return false;
}

/* ---------------------------------------------------------- quote marks */

static bool is_double_mark(const ctx *c, size_t i)
{
    return T(c, i)->cls == CLAIMS__TOK_QUOTE && !(T(c, i)->flags & CLAIMS__TF_QUOTE_SINGLE);
}

static bool add_span(ctx *c, size_t open, size_t close, size_t c0, size_t c1)
{
    while (c0 < c1 && T(c, c0)->cls == CLAIMS__TOK_QUOTE)
        c0++;
    while (c1 > c0 && (T(c, c1 - 1)->cls == CLAIMS__TOK_QUOTE || tok_is(c, c1 - 1, ",") ||
                       tok_is(c, c1 - 1, ";") || tok_is(c, c1 - 1, ":") ||
                       tok_is(c, c1 - 1, "-")))
        c1--;
    if (c0 >= c1)
        return true;
    if (c->nq == c->capq)
        return false; /* never: a span a mark at most (alloc_spans) */
    qspan *q = &c->q[c->nq++];
    q->open = (uint32_t)open;
    q->close = (uint32_t)close;
    q->c0 = (uint32_t)c0;
    q->c1 = (uint32_t)c1;
    size_t end = close < c->ntoks ? close + 1 : c1;
    if (end > open)
        memset(c->inq + open, 1, end - open);
    return true;
}

static size_t para_of(const ctx *c, size_t tok)
{
    return c->sents[P(c, tok)->sentence].paragraph;
}

/* The last token of the paragraph containing token t. */
static size_t para_last_tok(const ctx *c, size_t t)
{
    size_t si = P(c, t)->sentence;
    size_t p = c->sents[si].paragraph;
    while (si + 1 < c->art->nsents && c->sents[si + 1].paragraph == p)
        si++;
    return c->sents[si].tok_end - 1;
}

/* The first token of the paragraph containing token t. */
static size_t para_first_tok(const ctx *c, size_t t)
{
    size_t si = P(c, t)->sentence;
    size_t p = c->sents[si].paragraph;
    while (si > 0 && c->sents[si - 1].paragraph == p)
        si--;
    return c->sents[si].tok_begin;
}

/* A closing double mark with no opener, in a paragraph that opens with a
 * single mark and holds no other mark between ('I cant speak ..., "the
 * officer said): one quote written with two kinds of mark. The opener's
 * token, or (size_t)-1. */
static size_t mixed_opener(const ctx *c, size_t close)
{
    size_t p0 = para_first_tok(c, close);
    const claims__token *t = T(c, p0);
    if (p0 + 1 >= close || t->cls != CLAIMS__TOK_QUOTE || !(t->flags & CLAIMS__TF_QUOTE_SINGLE) ||
        !(t->flags & CLAIMS__TF_QUOTE_OPEN))
        return (size_t)-1;
    for (size_t k = p0 + 1; k < close; k++)
        if (T(c, k)->cls == CLAIMS__TOK_QUOTE)
            return (size_t)-1;
    return p0;
}

/* Pairs double marks (straight, curly, guillemets) paragraph by paragraph;
 * an unclosed quote runs on only when the next paragraph reopens. */
static bool pair_doubles(ctx *c)
{
    const claims__article *art = c->art;
    size_t open = (size_t)-1;
    size_t open_para = 0; /* paragraph the open quote has reached */
    size_t open_tok = 0;  /* a mark in that paragraph */
    for (size_t mi = 0; mi < c->nmarks; mi++) {
        size_t i = c->marks[mi];
        if (!is_double_mark(c, i))
            continue;
        uint16_t f = T(c, i)->flags;
        bool as_open = (f & CLAIMS__TF_QUOTE_OPEN) && !(f & CLAIMS__TF_QUOTE_CLOSE);
        bool as_close = (f & CLAIMS__TF_QUOTE_CLOSE) && !(f & CLAIMS__TF_QUOTE_OPEN);
        if (open == (size_t)-1) {
            /* a closer, or a mark right after a clause's comma or stop
             * (", "Gaskin told"), may end a quote opened with a single
             * mark */
            bool after_clause = i > 0 && (tok_is(c, i - 1, ",") || tok_is(c, i - 1, ".") ||
                                          tok_is(c, i - 1, "?") || tok_is(c, i - 1, "!"));
            size_t o = as_close || after_clause ? mixed_opener(c, i) : (size_t)-1;
            if (o != (size_t)-1) {
                if (!add_span(c, o, i, o + 1, i))
                    return false;
            } else if (!as_close) {
                open = i;
                open_tok = i;
                open_para = para_of(c, i);
            }
            continue;
        }
        if (i == open + 1 && !(T(c, i)->flags & CLAIMS__TF_SPACE_BEFORE) && !as_close)
            continue; /* a doubled opening mark */
        if (para_of(c, i) != open_para) {
            /* The quote was left open at a paragraph's end: it runs on
             * when the next paragraph opens with a mark, else it is capped
             * at the paragraph's end. */
            size_t plast = para_last_tok(c, open_tok);
            if (i == plast + 1 && !as_close) {
                open_para = para_of(c, i);
                open_tok = i;
                continue;
            }
            /* "...are rare in Cumbria. / We are doing all we can.": the
             * next line closes the quote, with no mark of its own before */
            if (as_close && para_of(c, i) == open_para + 1) {
                if (!add_span(c, open, i, open + 1, i))
                    return false;
                open = (size_t)-1;
                continue;
            }
            if (!add_span(c, open, art->ntoks, open + 1, plast + 1))
                return false;
            open = (size_t)-1;
            if (!as_close) {
                open = i;
                open_tok = i;
                open_para = para_of(c, i);
            }
            continue;
        }
        if (as_open && T(c, i - 1)->cls != CLAIMS__TOK_QUOTE) {
            /* An opener while open: the earlier quote lost its closer.
             * Cap it at its own sentence's end. */
            size_t se = art->sents[P(c, open)->sentence].tok_end;
            if (se > i)
                se = i;
            if (!add_span(c, open, art->ntoks, open + 1, se))
                return false;
            open = i;
            open_tok = i;
            open_para = para_of(c, i);
            continue;
        }
        if (!add_span(c, open, i, open + 1, i))
            return false;
        open = (size_t)-1;
    }
    if (open != (size_t)-1) {
        size_t plast = para_last_tok(c, open_tok);
        if (!add_span(c, open, art->ntoks, open + 1, plast + 1))
            return false;
    }
    return true;
}

/* Paragraphs a quote in single marks may run over when introduced by a
 * colon ("a friend said: 'He ... / ... / ... trouble.'"). */
enum { SINGLE_RUN_PARAS = 8 };

/* Pairs single marks used as quotation marks (‘...’ or '...') outside
 * double quotes, within a sentence's paragraph; a quote introduced by a
 * colon may run over paragraphs up to a closing mark that ends one. */
static bool pair_singles(ctx *c)
{
    size_t open = (size_t)-1;
    size_t nq0 = c->nq;
    for (size_t mi = 0; mi < c->nmarks; mi++) {
        size_t i = c->marks[mi];
        const claims__token *t = T(c, i);
        if (!(t->flags & CLAIMS__TF_QUOTE_SINGLE) || c->inq[i])
            continue;
        bool as_open = (t->flags & CLAIMS__TF_QUOTE_OPEN) && !(t->flags & CLAIMS__TF_QUOTE_CLOSE);
        bool as_close = (t->flags & CLAIMS__TF_QUOTE_CLOSE) && !(t->flags & CLAIMS__TF_QUOTE_OPEN);
        /* a mark that ends its paragraph closes ("trouble. '") */
        if (!as_open && !as_close && i == para_last_tok(c, i))
            as_close = true;
        bool run_on = open != (size_t)-1 && open > 0 && tok_is(c, open - 1, ":") &&
                      para_of(c, i) - para_of(c, open) <= SINGLE_RUN_PARAS && as_close &&
                      i == para_last_tok(c, i);
        if (open != (size_t)-1 && para_of(c, i) != para_of(c, open) && !run_on)
            open = (size_t)-1;
        if (open == (size_t)-1) {
            if (as_open)
                open = i;
            continue;
        }
        if (as_close) {
            bool crosses = false;
            for (size_t k = open + 1; k < i && !crosses; k++)
                crosses = c->inq[k] != 0;
            if (!crosses && !add_span(c, open, i, open + 1, i))
                return false;
            open = (size_t)-1;
        } else if (as_open) {
            open = i;
        }
    }
    /* Keep spans in text order. */
    if (c->nq > nq0) {
        for (size_t k = 1; k < c->nq; k++) {
            qspan x = c->q[k];
            size_t j = k;
            while (j > 0 && c->q[j - 1].open > x.open) {
                c->q[j] = c->q[j - 1];
                j--;
            }
            c->q[j] = x;
        }
    }
    return true;
}

/* ------------------------------------------------------------ claims */

/* Whether NUL-terminated s (NULL: no) is longer than n bytes; looks at
 * n + 1 bytes at most (memchr stops at the first match, C11 7.24.5.1). */
/* String s, of len bytes at most, is longer than n bytes: most are
 * short, known by the bound alone. */
static bool longer_than(const char *s, uint32_t len, size_t n)
{
    return len > n && s && !memchr(s, 0, n + 1);
}

static claims_status emit(ctx *c, claims_kind kind, size_t a, size_t b, const speaker *sp,
                          uint32_t flags)
{
    claims_story *s = c->s;
    const claims__article *art = c->art;
    size_t start = P(c, a)->start, end = P(c, b - 1)->end;
    claims_claim *cl = claims__claim_add(s, c->ai, kind, start, end);
    if (!cl)
        return CLAIMS_ERR_NOMEM;
    cl->flags |= flags;
    cl->str_value = claims__quote_normalize(s, art->text + start, end - start);
    if (!cl->str_value)
        return CLAIMS_ERR_NOMEM;
    const char *desc =
        sp && !longer_than(sp->desc, sp->desc_len, SPEAKER_MAX_BYTES) ? sp->desc : NULL;
    if (sp && sp->kind != SPK_NONE && sp->fold && sp->name &&
        !longer_than(sp->name, sp->name_len, SPEAKER_MAX_BYTES) &&
        !longer_than(sp->fold, sp->fold_len, SPEAKER_MAX_BYTES)) {
        bool oom = false;
        cl->speaker = sp->name_id ? sp->name_id : claims__intern_str(s, sp->name, &oom);
        cl->speaker_desc = desc && sp->desc_id ? sp->desc_id : claims__intern_str(s, desc, &oom);
        if (oom)
            return CLAIMS_ERR_NOMEM;
        cl->flags |= sp->kind == SPK_PERSON ? CLAIMS__CF_SPK_PERSON : CLAIMS__CF_SPK_NOMINAL;
        if (sp->ambiguous)
            cl->flags |= CLAIMS__CF_SPK_AMBIGUOUS;
        claims__claim_key(s, cl, sp->fold, NULL, NULL);
    } else {
        bool oom = false;
        cl->speaker_desc = desc && sp->desc_id ? sp->desc_id : claims__intern_str(s, desc, &oom);
        if (oom)
            return CLAIMS_ERR_NOMEM;
        claims__claim_key(s, cl, "?", NULL, NULL);
    }
    return cl->frame->key ? CLAIMS_OK : CLAIMS_ERR_NOMEM;
}

static bool sentence_skipped(const ctx *c, size_t si)
{
    return (c->sents[si].flags & (CLAIMS__SF_FURNITURE | CLAIMS__SF_TITLE)) != 0;
}

/* Words in quotation marks that name something rather than report
 * speech: few words, all capitalized, no sentence punctuation inside.
 * Most quotes are speech, and the first word that is not capitalized or
 * the ninth word says so. */
static bool name_like(const ctx *c, const qspan *q)
{
    /* a stop ends it: sentence punctuation as its last token (but the
     * '.' of a title, "Gen.") */
    size_t last = q->c1 - 1;
    if (q->c1 > q->c0 && (tok_is(c, last, ".") || tok_is(c, last, "?") || tok_is(c, last, "!")) &&
        !title_dot(c, last))
        return false;
    size_t words = 0;
    for (size_t i = q->c0; i < q->c1; i++) {
        const claims__token *t = T(c, i);
        if (t->cls == CLAIMS__TOK_WORD || t->cls == CLAIMS__TOK_NUMBER) {
            if (t->flags & CLAIMS__TF_POSSESSIVE)
                continue;
            if (++words > 8)
                return false;
            if ((t->flags & (CLAIMS__TF_CAP | CLAIMS__TF_HAS_DIGIT)) ||
                t->cls == CLAIMS__TOK_NUMBER)
                continue;
            const claims__lex_entry *v = nom_class(c, i);
            bool small = v && (v->code == CLAIMS__LV_DET || v->code == CLAIMS__LV_PREP ||
                               tok_is(c, i, "and"));
            if (!small || i == q->c0)
                return false;
        }
    }
    return words > 0;
}

/* A quote embedded in running text rather than opening its sentence or
 * following "X said:". */
static bool is_partial(const ctx *c, const qspan *q)
{
    size_t o = q->open;
    const claims__sentence *sn = &c->sents[P(c, o)->sentence];
    if (o <= sn->tok_begin)
        return false;
    size_t p = o - 1;
    if (tok_is(c, p, ":"))
        return false;
    if (tok_is(c, p, ",") && p > sn->tok_begin && is_verb1(c, p - 1))
        return false;
    if (is_verb1(c, p))
        return false;
    /* after a previous quote in the same sentence ("..." he said. "...") */
    if (T(c, p)->cls == CLAIMS__TOK_QUOTE)
        return false;
    return true;
}

/* ------------------------------------------------------ reported speech */

static bool is_prep_like(const ctx *c, size_t i)
{
    return nom_is(c, i, CLAIMS__LV_PREP) || nom_is(c, i, CLAIMS__LV_APREP);
}

/* A verb form (auxiliary or modal) that a subject comes right before. */
static bool finite_aux(const ctx *c, size_t i)
{
    return nom_is(c, i, CLAIMS__LV_AUX) || nom_is(c, i, CLAIMS__LV_ADVERB);
}

/* The object of a preposition after a speech verb, from token k: "a
 * statement", "Monday", "a news conference in Lima", "its website".
 * Stops where reported content seems to begin: a determiner or pronoun
 * after a word, a capitalized word after a lower-case one. */
static size_t pp_object(const ctx *c, size_t k, size_t hi)
{
    size_t start = k;
    if (k < hi && nom_is(c, k, CLAIMS__LV_DET))
        k++;
    size_t words = 0;
    bool last_lower = false;
    while (k < hi && k - start < 12 && !c->inq[k]) {
        const claims__token *t = T(c, k);
        if (time_tok(c, k)) {
            /* a date ends the phrase: "on Monday", "on March 3" */
            k++;
            words++;
            while (k < hi && (T(c, k)->cls == CLAIMS__TOK_NUMBER || time_tok(c, k)))
                k++;
            if (k < hi && is_prep_like(c, k) && k + 1 < hi && !c->inq[k + 1]) {
                k++;
                if (k < hi && nom_is(c, k, CLAIMS__LV_DET))
                    k++;
                continue;
            }
            break;
        }
        if (t->cls == CLAIMS__TOK_NUMBER && words == 0) {
            k++;
            words++;
            continue;
        }
        if (t->cls != CLAIMS__TOK_WORD || is_verb1(c, k))
            break;
        if (t->flags & CLAIMS__TF_POSSESSIVE) {
            k++;
            continue;
        }
        const claims__lex_entry *v = nom_class(c, k);
        if (v && (v->code == CLAIMS__LV_PREP || v->code == CLAIMS__LV_APREP)) {
            if (words == 0)
                break;
            /* a chained phrase: "in an interview with the BBC" */
            k++;
            if (k < hi && nom_is(c, k, CLAIMS__LV_DET))
                k++;
            last_lower = false;
            continue;
        }
        if (v && is_small_word(v)) {
            /* "said in a statement it would ...", "said after the
             * meeting prices would rise": the last word was the subject */
            if (words >= 2 && finite_aux(c, k) && !nom_is(c, k - 1, CLAIMS__LV_DET))
                k--;
            break;
        }
        bool cap = (t->flags & CLAIMS__TF_CAP) != 0;
        if (cap && words > 0 && last_lower)
            break;
        last_lower = !cap;
        words++;
        k++;
    }
    return words ? k : start;
}

/* Skips adjuncts after a speech verb from token j: adverbs, time words
 * ("late last week", "this week") and prepositional phrases ("on
 * Monday", "in a statement", "at a news conference in Lima"). */
static size_t skip_adjuncts(const ctx *c, size_t j, size_t hi)
{
    for (int round = 0; round < 4 && j < hi && !c->inq[j]; round++) {
        size_t k = j;
        /* (token k's nominal class found once for the tests of it) */
        const claims__lex_entry *v = NULL;
        while (k < hi) {
            v = nom_class(c, k);
            if (!(claims__lex_is(v, CLAIMS__LV_ADVERB) || time_tok_nom(c, k, v) ||
                  (claims__lex_is(v, CLAIMS__LV_DET) && k + 1 < hi && time_tok(c, k + 1)) ||
                  (T(c, k)->cls == CLAIMS__TOK_NUMBER && k > j && time_tok(c, k - 1))))
                break;
            k++;
        }
        if (k == j && (claims__lex_is(v, CLAIMS__LV_PREP) || claims__lex_is(v, CLAIMS__LV_APREP)) &&
            !tok_is(c, j, "of")) {
            size_t e = pp_object(c, j + 1, hi);
            if (e > j + 1)
                k = e;
        }
        if (k == j)
            break;
        j = k;
    }
    return j;
}

/* The listener of "told" from token j: "reporters", "the court",
 * "Reuters", "him", "state television". Returns the token after it (j
 * when there is none). */
static size_t skip_listener(const ctx *c, size_t j, size_t hi)
{
    if (j >= hi || c->inq[j] || !is_word(c, j))
        return j;
    if (nom_is(c, j, CLAIMS__LV_OBJ))
        return j + 1;
    size_t k = j;
    if (nom_is(c, k, CLAIMS__LV_DET)) {
        k++;
        /* "told her the ..." : "her" is the listener */
        if (k < hi && (nom_is(c, k, CLAIMS__LV_DET) || pron_type(c, k) ||
                       nom_is(c, k, CLAIMS__LV_SUBJ) || tok_is(c, k, "that")))
            return k;
    }
    size_t words = 0;
    if (in_name_run(c, k)) {
        while (k < hi && words < 6 && in_name_run(c, k)) {
            k++;
            words++;
        }
        /* "Reuters news agency" */
        while (k < hi && words < 8 && !(T(c, k)->flags & CLAIMS__TF_CAP) && head_tok(c, k)) {
            k++;
            words++;
        }
        return k;
    }
    while (k < hi && words < 3 && is_word(c, k) && !(T(c, k)->flags & CLAIMS__TF_CAP) &&
           !is_verb1(c, k) && !c->inq[k]) {
        const claims__lex_entry *v = nom_class(c, k);
        if (v && is_small_word(v))
            break;
        k++;
        words++;
    }
    if (!words)
        return j;
    /* "told reporters prices would rise": the last word is the subject */
    if (words >= 2 && k < hi && finite_aux(c, k))
        k--;
    return k;
}

/* Token i's norm text is more than a byte longer than the n bytes of
 * suffix and ends with them. */
static bool ends_with_n(const ctx *c, size_t i, const char *suffix, size_t n)
{
    size_t len = claims__tok_len(T(c, i));
    return len > n + 1 && memcmp(tok_norm(c, i) + len - n, suffix, n) == 0;
}

/* ends_with_n of a literal: its length known, no strlen a call. */
#define ends_with(c, i, lit) ends_with_n((c), (i), "" lit, sizeof(lit) - 1)

/* Reported content without "that" may begin at token a: a subject ("the
 * talks", "Russia", "it", "we", "12 people"), not a preposition, a verb,
 * a participle or a quote. */
static bool content_start(const ctx *c, size_t a, size_t hi)
{
    if (a >= hi || c->inq[a])
        return false;
    const claims__token *t = T(c, a);
    if (t->cls == CLAIMS__TOK_NUMBER)
        return true;
    if (t->cls != CLAIMS__TOK_WORD || is_verb1(c, a) || (t->flags & CLAIMS__TF_POSSESSIVE))
        return false;
    const claims__lex_entry *v = nom_class(c, a);
    if (v && v->code == CLAIMS__LV_OBJECT)
        /* "said nothing", "said goodbye to ...", but "said nothing had
         * changed" */
        return a + 1 < hi && finite_aux(c, a + 1);
    if (v && is_small_word(v))
        return v->code == CLAIMS__LV_DET || pron_type(c, a) != NP_NONE ||
               v->code == CLAIMS__LV_SUBJ;
    if (v && v->code == CLAIMS__LV_STATEMENT)
        return false;
    if (t->flags & CLAIMS__TF_CAP)
        return true;
    return !ends_with(c, a, "ed") && !ends_with(c, a, "ing");
}

/* Ends reported content [a, b) before a trailing attribution: "...,
 * Interfax reported", "..., according to the ministry". */
static size_t cut_trailing_attribution(ctx *c, size_t a, size_t b)
{
    /* A verb word comes within ten tokens after the comma: most content
     * has none, and commas before the first one need no look. */
    size_t vi = first_verb(c, a + 2);
    if (vi >= c->nverbs || c->verbs[vi] >= b)
        return b;
    size_t from = c->verbs[vi] > a + 10 ? c->verbs[vi] - 9 : a + 1;
    for (size_t k = from; k < b; k++) {
        if (!tok_is(c, k, ",") || c->inq[k])
            continue;
        for (size_t v = k + 1; v < b && v < k + 10; v++) {
            size_t n = 0;
            if (c->inq[v] || !verb_at(c, v, b, &n))
                continue;
            size_t e = skip_adjuncts(c, v + n, b);
            while (e < b && T(c, e)->cls == CLAIMS__TOK_PUNCT)
                e++;
            if (e == b)
                return k;
            break;
        }
    }
    return b;
}

enum { LEAD_VERB_MAX = 8, SHORT_SENTENCE = 8, MAX_CONTENT = 160 /* tokens */ };

/* The attribution of a quote whose closing mark `close` ends its sentence
 * when the next sentence of the paragraph is one: it opens with the
 * speaker and a speech verb ("He said.", "Ivanov told reporters on
 * Monday.", "She said it twice.") or the inverted form ("Said Ivanov."),
 * and says nothing more than a short sentence can. */
static bool next_sentence_attribution(ctx *c, size_t close, np *out)
{
    const claims__article *art = c->art;
    size_t si = P(c, close)->sentence;
    for (size_t k = close + 1; k < art->sents[si].tok_end; k++)
        if (T(c, k)->cls != CLAIMS__TOK_PUNCT)
            return false;
    if (si + 1 >= art->nsents || art->sents[si + 1].paragraph != art->sents[si].paragraph ||
        sentence_skipped(c, si + 1))
        return false;
    size_t b = art->sents[si + 1].tok_begin, e = art->sents[si + 1].tok_end;
    for (size_t v = b; v < e && v < b + LEAD_VERB_MAX; v++) {
        if (c->inq[v])
            return false;
        size_t n = 0;
        const claims__lex_entry *le = verb_at(c, v, e, &n);
        if (!le)
            continue;
        if (le->code != CLAIMS__LV_SAY && le->code != CLAIMS__LV_TELL)
            return false;
        np o = {0};
        if (!verb_speaker(c, v, n, le->code, b, e, v == b, &o) || o.type == NP_NONE)
            return false;
        if (v != b && o.a != b)
            return false; /* the speaker must open the sentence */
        size_t after = v + n;
        if (v == b)
            after = o.b;
        else if (le->code == CLAIMS__LV_TELL)
            after = skip_listener(c, after, e);
        after = skip_adjuncts(c, after, e);
        while (after < e && T(c, after)->cls == CLAIMS__TOK_PUNCT)
            after++;
        if (after < e && e - b > SHORT_SENTENCE)
            return false;
        *out = o;
        return true;
    }
    return false;
}

static claims_status do_quote(ctx *c, const qspan *q)
{
    const claims__article *art = c->art;
    size_t si_open = P(c, q->open)->sentence;
    if (sentence_skipped(c, si_open))
        return CLAIMS_OK;
    size_t words = count_words_upto(c, q->c0, q->c1, 4); /* none, or up to three */
    if (words == 0 || name_like(c, q))
        return CLAIMS_OK;
    size_t last = q->close < art->ntoks ? q->close : q->c1 - 1;
    size_t si_close = P(c, last)->sentence;
    size_t sb = art->sents[si_open].tok_begin;
    size_t se = art->sents[si_close].tok_end;
    np who = {0};
    bool found = false;
    bool partial = is_partial(c, q);
    /* 1. "X said: "..."" */
    if (q->open > sb && tok_is(c, q->open - 1, ":"))
        found = find_attribution(c, sb, q->open - 1, true, &who);
    /* 2. after the quote, up to the sentence end or the next quote */
    if (!found && q->close < art->ntoks) {
        size_t hi = q->close + 1;
        while (hi < se && !c->inq[hi])
            hi++;
        /* "..." X said: "..." belongs to the next quote */
        size_t h2 = hi;
        while (h2 > q->close + 1 && T(c, h2 - 1)->cls == CLAIMS__TOK_QUOTE)
            h2--;
        /* "... ." -- X: the credit line stands after the sentence end */
        if (hi == se && hi == q->close + 1 && hi < art->ntoks && tok_is(c, hi, "-") &&
            para_of(c, hi) == para_of(c, q->close))
            hi = art->sents[P(c, hi)->sentence].tok_end;
        if (!(h2 > q->close + 1 && tok_is(c, h2 - 1, ":")))
            found = find_attribution(c, q->close + 1, hi, false, &who);
    }
    /* 3. before the quote in its sentence */
    if (!found && q->open > sb)
        found = find_attribution(c, sb, q->open, true, &who);
    /* 4. the quote ends its sentence and the next one attributes it:
     * ""...now." He said." */
    if (!found && !partial && q->close < art->ntoks)
        found = next_sentence_attribution(c, q->close, &who);
    speaker sp = {0};
    bool continued = false;
    if (found) {
        sp = np_speaker(c, &who, q->open);
        if (c->nomem)
            return CLAIMS_ERR_NOMEM;
    } else if (c->has_last_quote && !partial &&
               para_of(c, q->open) <= c->last_quote_para + 1) {
        sp = c->last_quote_spk;
        continued = true;
    }
    /* Short quotes are speech only with an attribution of their own. */
    if (words <= 3 && (!found || sp.kind == SPK_NONE))
        return CLAIMS_OK;
    claims_status st = emit(c, CLAIMS_KIND_QUOTE, q->c0, q->c1, &sp,
                            partial ? CLAIMS__CF_PARTIAL : 0);
    if (st != CLAIMS_OK)
        return st;
    if (sp.kind != SPK_NONE) {
        if (!continued)
            remember(c, &sp, q->open);
        if (!partial) {
            c->last_quote_spk = sp;
            c->last_quote_para = para_of(c, last);
            c->has_last_quote = true;
        }
    }
    return CLAIMS_OK;
}

/* Reported speech in sentence si: "X said (, ...,) that ...", "X told
 * reporters that ...", and without "that" when a subject follows: "X
 * said Russia had bought 12 aircraft", "X told reporters the talks would
 * resume", "X said on Monday the ...". Never "X said on Monday." */

static claims_status do_paraphrases(ctx *c, size_t si)
{
    const claims__sentence *sn = &c->sents[si];
    size_t lo = sn->tok_begin, hi = sn->tok_end;
    size_t used_that = (size_t)-1;
    size_t next = lo; /* the first token after reported speech taken */
    for (size_t vi = c->sent_verb; c->verbs[vi] < hi; vi++) {
        size_t i = c->verbs[vi];
        if (i < next || c->inq[i])
            continue;
        size_t n = 0;
        const claims__lex_entry *e = verb_at_vi(c, vi, hi, &n);
        if (!e)
            continue;
        unsigned cls = e->code;
        if (cls != CLAIMS__LV_SAY && cls != CLAIMS__LV_TELL && cls != CLAIMS__LV_SAYING)
            continue;
        size_t j = i + n;
        if (cls == CLAIMS__LV_TELL) {
            size_t k = skip_listener(c, j, hi);
            if (k == j)
                continue; /* "told of ...": no listener, no report */
            size_t t = k;
            /* a listener of more words: "told a news conference that" */
            while (t < hi && t - j < 6 && is_word(c, t) && !tok_is(c, t, "that") &&
                   !is_verb1(c, t))
                t++;
            j = (t < hi && tok_is(c, t, "that")) ? t : k;
        }
        j = skip_adjuncts(c, j, hi);
        bool paren = false;
        if (j < hi && tok_is(c, j, ",")) {
            size_t k = j + 1;
            while (k < hi && k - j < 16 && !tok_is(c, k, ",") && !c->inq[k])
                k++;
            if (k < hi && tok_is(c, k, ",")) {
                j = k + 1;
                paren = true;
            }
        }
        bool that = j < hi && tok_is(c, j, "that") && !c->inq[j];
        if (that && j == used_that)
            continue;
        if (!that && (paren || !content_start(c, j, hi)))
            continue;
        size_t a = that ? j + 1 : j, b = hi;
        if (b > a + MAX_CONTENT)
            b = a + MAX_CONTENT; /* a run-on sentence: keep the work linear */
        while (b > a && (T(c, b - 1)->cls == CLAIMS__TOK_PUNCT ||
                         (T(c, b - 1)->cls == CLAIMS__TOK_QUOTE && !c->inq[b - 1])))
            b--;
        if (!that && a < b) {
            b = cut_trailing_attribution(c, a, b);
            while (b > a && T(c, b - 1)->cls == CLAIMS__TOK_PUNCT)
                b--;
        }
        if (a >= b || c->inq[a] || count_words_upto(c, a, b, 3) < (that ? 2u : 3u))
            continue;
        np who = {0};
        speaker sp = {0};
        size_t vlo = i > lo + WINDOW ? i - WINDOW : lo;
        bool have = verb_speaker(c, i, n, cls, vlo, hi, false, &who) && who.type != NP_NONE;
        /* Without "that", only a speaker standing before the verb makes
         * it speech ("the money he said was stolen" has none). */
        if (!that && !have)
            continue;
        if (have) {
            sp = np_speaker(c, &who, i);
            if (c->nomem)
                return CLAIMS_ERR_NOMEM;
        }
        if (that)
            used_that = j;
        claims_status st = emit(c, CLAIMS_KIND_PARAPHRASE, a, b, &sp, 0);
        if (st != CLAIMS_OK)
            return st;
        if (sp.kind != SPK_NONE)
            remember(c, &sp, i);
        next = a;
    }
    return CLAIMS_OK;
}

/* Notes attributions that carry no claim ("according to a statement
 * from the office", "the ministry said Tuesday") so that a later "it" or
 * "he" finds them. */
static void note_sentence_speakers(ctx *c, const pending_note *pn)
{
    const claims__sentence *sn = &c->sents[pn->si];
    /* Without a speech verb only a leading dash ("-- X") can attribute. */
    if (!pn->has_verb && !tok_is(c, sn->tok_begin, "-"))
        return;
    /* as of the note's sentence: its first verb, the nominals before */
    c->sent_verb = pn->sv;
    c->nominals_before = pn->stamp;
    uint64_t at = pn->stamp;
    np who;
    if (!pn->had_speech && find_attribution(c, sn->tok_begin, sn->tok_end, false, &who) &&
        (who.type == NP_NAME || who.type == NP_NOMINAL)) {
        speaker sp = np_speaker(c, &who, who.a);
        if (sp.kind != SPK_NONE)
            remember_at(c, &sp, who.a, ++at);
    }
    for (size_t vi = c->sent_verb; c->verbs[vi] < sn->tok_end; vi++) {
        size_t i = c->verbs[vi], n = 0;
        const claims__lex_entry *e = c->inq[i] ? NULL : verb_at_vi(c, vi, sn->tok_end, &n);
        if (e && e->code == CLAIMS__LV_ACCORDING && np_fwd(c, i + n, sn->tok_end, &who) &&
            who.type == NP_NOMINAL) {
            speaker sp = np_speaker(c, &who, who.a);
            if (sp.kind == SPK_NOMINAL)
                remember_at(c, &sp, who.a, ++at);
        }
    }
}

/* Notes the speakers of the sentences waiting (note_sentence_speakers),
 * in order, as of their sentences: before the remembered speakers are
 * read. (A note's own resolution finds none waiting.) */
static void note_pending(ctx *c)
{
    size_t n = c->npending;
    if (!n)
        return;
    c->npending = 0;
    size_t sv = c->sent_verb;
    for (size_t k = 0; k < n && !c->nomem; k++) {
        pending_note pn = c->pending[k];
        note_sentence_speakers(c, &pn);
    }
    c->sent_verb = sv;
    c->nominals_before = UINT64_MAX;
}

/* The speakers sentence si notes wait until a later resolution reads
 * them (most are never read). */
static void defer_note(ctx *c, size_t si, bool had_speech, bool has_verb)
{
    if (c->npending == NOTES_PENDING)
        note_pending(c);
    c->clock += STAMP_UNIT;
    c->pending[c->npending++] =
        (pending_note){c->clock, (uint32_t)si, (uint32_t)c->sent_verb, had_speech, has_verb};
}

/* Capitalized token t, no title word, may start a name run that is a
 * mention: token t + 1 (before end) may go on the run (in_name_run), that
 * is it is in the same sentence, and capitalized, or may start a title,
 * or is a hyphen right after t. (A '.' goes on a run after a title word
 * only; a comma or stop never: most capitalized words stand alone, a run
 * of one word that is no mention, and end here.) */
static inline bool cap_may_start_mention(const ctx *c, size_t i)
{
    if (i + 1 >= c->ntoks)
        return false;
    const claims__token *u = T(c, i + 1);
    bool same = P(c, i + 1)->sentence == P(c, i)->sentence;
    uint64_t bits = claims__tok_bits(u);
    if (bits & claims__tok_bits_of(1u << CLAIMS__LEX_TITLE, 0, CLAIMS__TF_CAP))
        return same;
    return !(bits & claims__tok_bits_of(0, 0, CLAIMS__TF_SPACE_BEFORE)) &&
           claims__tok_len(u) == 1 && c->norm[u->norm] == '-' && same;
}

/* Token u may go on a name run from a capitalized word before it, but
 * for its sentence (cap_may_start_mention's other tests): capitalized,
 * may start a title, or a hyphen with no space before it (one byte whose
 * hash is that of "-": the hash of one byte tells the byte). 1 or 0. */
static inline uint64_t may_go_on(const claims__token *u)
{
    return ((u->flags & CLAIMS__TF_CAP) | (u->lexmask & (1u << CLAIMS__LEX_TITLE))) != 0 ||
           (u->hash == CLAIMS__HASH1('-') && claims__tok_len(u) == 1 &&
            !(u->flags & CLAIMS__TF_SPACE_BEFORE));
}

/* Token u is a "-" that starts its sentence (segment.c: the first token
 * of a sentence has the flag, and its index). 1 or 0. */
static inline uint64_t dash_starts(const claims__token *u)
{
    return (uint64_t)((u->hash == CLAIMS__HASH1('-')) & (claims__tok_len(u) == 1) &
                      ((u->flags & CLAIMS__TF_SENT_START) != 0));
}

/* Title word t (its mask says one may start there; a token follows it)
 * may start a name run of two tokens or more: the next token may go on a
 * run (may_go_on) or is a '.' (after an abbreviation: "Gen. Ana Ruiz"),
 * or a title phrase of more tokens may start at t (the lexicon's pair
 * bits for t and the next token say one may: "Secretary of State Ruiz").
 * Else the run that name_run_end finds there is the title word alone,
 * or none: no mention, and the runs after it start where they would
 * (most title words are lower-case ones before a lower-case word, "the
 * minister said"). */
static inline bool title_may_start_run(const ctx *c, const claims__token *t)
{
    return may_go_on(t + 1) || (t[1].hash == CLAIMS__HASH1('.') && claims__tok_len(t + 1) == 1) ||
           claims__lex_pair_may(c->lx->tables, t->hash, t[1].hash, CLAIMS__LEX_TITLE);
}

#ifdef CLAIMS__SSE2
/* The 32-bit lanes of x moved by `by` bits, left when positive. */
static inline __m128i lanes_moved(__m128i x, int by)
{
    return by >= 0 ? _mm_slli_epi32(x, by) : _mm_srli_epi32(x, -by);
}

/* The masks of scan_group16 for the four tokens t[0 .. 4), as the top
 * bits of their lanes: token k may start neither a speech verb nor a
 * title, is no quotation mark and its hash is not that of "-" (*none,
 * the complement of scan_stops' stops); capitalized; may_go_on but for
 * a hyphen. */
static CLAIMS__ALWAYS_INLINE void scan_lanes4(const claims__token *t, __m128i *none, __m128i *cap,
                                              __m128i *on)
{
    enum { CAP_AT = 16 + 2 }; /* CLAIMS__TF_CAP in the cls and flags lane */
    _Static_assert(CLAIMS__TF_CAP == 1 << 2, "CAP_AT");
    const __m128i vt =
        _mm_set1_epi32((int)(1u << CLAIMS__LEX_TITLE | 1u << CLAIMS__LEX_SPEECH_VERB));
    /* a quotation mark's class is a bit no other class has (and the
     * flags are the lane's top half): one test of the lanes, or-ed */
    _Static_assert((CLAIMS__TOK_QUOTE & (CLAIMS__TOK_NUMBER | CLAIMS__TOK_PUNCT)) == 0 &&
                       CLAIMS__TOK_WORD == 0 && CLAIMS__TOK_QUOTE < 0x10000,
                   "token classes");
    const __m128i quote = _mm_set1_epi32(CLAIMS__TOK_QUOTE);
    claims__tok_lanes l = claims__tok_lanes4(t);
    __m128i h = l.hash, lm = l.lexmask, cf = l.cls_flags;
    __m128i vtq = _mm_or_si128(_mm_and_si128(lm, vt), _mm_and_si128(cf, quote));
    __m128i hyphen = _mm_cmpeq_epi32(h, _mm_set1_epi32((int)CLAIMS__HASH1('-')));
    *none = _mm_andnot_si128(hyphen, _mm_cmpeq_epi32(vtq, _mm_setzero_si128()));
    /* the flag and the mask bit each moved to the top: one shift less
     * than the two or-ed and moved */
    *cap = _mm_slli_epi32(cf, 31 - CAP_AT);
    *on = _mm_or_si128(*cap, lanes_moved(lm, 31 - (int)CLAIMS__LEX_TITLE));
}

/* The masks of the sixteen tokens t[0 .. 16), bit k for token k: four
 * tokens' lanes a vector (scan_lanes4), the top bits of four vectors
 * packed into sixteen bits at once (base.h's claims__lanes_top16). *none
 * is the complement of scan_stops' stops. */
static CLAIMS__ALWAYS_INLINE void scan_group16(const claims__token *t, uint64_t *none,
                                               uint64_t *cap, uint64_t *on)
{
    __m128i n0, n1, n2, n3, c0, c1, c2, c3, g0, g1, g2, g3;
    scan_lanes4(t, &n0, &c0, &g0);
    scan_lanes4(t + 4, &n1, &c1, &g1);
    scan_lanes4(t + 8, &n2, &c2, &g2);
    scan_lanes4(t + 12, &n3, &c3, &g3);
    *none = claims__lanes_top16(n0, n1, n2, n3);
    *cap = claims__lanes_top16(c0, c1, c2, c3);
    *on = claims__lanes_top16(g0, g1, g2, g3);
}
#endif

/* The tokens from toks[b] on (n in all, len of them, no more than 64)
 * that scan_article stops at, bit k for token b + k: those that may
 * start a speech verb or a title, the quotation marks, and the tokens
 * whose hash is that of "-" (few: scan_article asks them whether they go
 * on a name or start a sentence); and into *capon the capitalized words
 * whose next token may go on a name (may_go_on, but for a hyphen of this
 * group: scan_article's; most capitalized words stand alone). Without a
 * branch a token: sixteen at once (scan_group16) in a text of sixteen or
 * more, the last few of it with the sixteen that end it (the bits of
 * those before them, made already or before b, shifted out). */
static uint64_t scan_stops(const claims__token *toks, size_t n, size_t b, size_t len,
                           uint64_t *capon)
{
    uint64_t other = 0, cap = 0, on = 0, next = 0;
#ifdef CLAIMS__SSE2
    if (n >= 16) {
        uint64_t none = 0, gn, gc, gg;
        if (len == 64) {
            for (int k = 0; k < 64; k += 16) {
                scan_group16(toks + b + k, &gn, &gc, &gg);
                none |= gn << k;
                cap |= gc << k;
                on |= gg << k;
            }
        } else {
            for (size_t k = 0; k < len; k += 16) {
                /* (fewer than sixteen left only at the text's end: b +
                 * len is n, and n - 16 tokens are before the sixteen) */
                size_t back = k + 16 <= len ? 0 : k + 16 - len;
                scan_group16(toks + (b + k - back), &gn, &gc, &gg);
                none |= gn >> back << k;
                cap |= gc >> back << k;
                on |= gg >> back << k;
            }
        }
        /* (the bits past len are no token's) */
        other = ~none & (len == 64 ? ~(uint64_t)0 : ((uint64_t)1 << len) - 1);
    } else
#endif
    {
        const uint64_t vt =
            claims__tok_bits_of(1u << CLAIMS__LEX_TITLE | 1u << CLAIMS__LEX_SPEECH_VERB, 0, 0);
        for (size_t k = 0; k < len; k++) {
            const claims__token *t = toks + b + k;
            other |= (uint64_t)((claims__tok_bits(t) & vt) != 0 || t->cls == CLAIMS__TOK_QUOTE ||
                                t->hash == CLAIMS__HASH1('-'))
                     << k;
            cap |= (uint64_t)((t->flags & CLAIMS__TF_CAP) != 0) << k;
            on |= (uint64_t)(((t->flags & CLAIMS__TF_CAP) |
                              (t->lexmask & (1u << CLAIMS__LEX_TITLE))) != 0)
                  << k;
        }
    }
    next = b + len < n ? may_go_on(toks + b + len) : 0;
    *capon = cap & ((on >> 1) | next << (len - 1));
    return other;
}

/* One pass over the article for what the later passes look for among
 * all its tokens: the quotation marks (pairing walks only them), the
 * words where a speech verb may start (the searches for a verb walk only
 * them), the sentences that have one, and the tokens a mention of a
 * person may start at (collect_mentions walks only them): a word that
 * may start a title (title_may_start_run), or a capitalized word that the
 * next token may go on from. Most of those starts are a capitalized word and no more: they
 * are taken by their bits alone, 64 at once, and the scan stops at the
 * others only. The counts are kept in locals (a store into verb_sent, bytes,
 * may alias anything), and the function is out of line (the caller's
 * registers are taken). */
CLAIMS__NOINLINE static void scan_article(ctx *c)
{
    const claims__token *toks = c->toks;
    const claims__tok_pos *pos = c->pos;
    const size_t ntoks = c->ntoks;
    uint32_t *marks = c->marks, *verbs = c->verbs;
    uint64_t *starts = c->starts;
    uint8_t *verb_sent = c->verb_sent;
    size_t nmarks = 0, nverbs = 0;
    const uint64_t verb = claims__tok_bits_of(1u << CLAIMS__LEX_SPEECH_VERB, 0, 0);
    const uint64_t title = claims__tok_bits_of(1u << CLAIMS__LEX_TITLE, 0, 0);
    const uint64_t cap = claims__tok_bits_of(0, 0, CLAIMS__TF_CAP);
    /* a quotation mark's class is a bit no other class has */
    const uint64_t quote = claims__tok_bits_of(0, CLAIMS__TOK_QUOTE, 0);
    _Static_assert((CLAIMS__TOK_QUOTE & (CLAIMS__TOK_NUMBER | CLAIMS__TOK_PUNCT)) == 0,
                   "token classes");
    for (size_t b = 0; b < ntoks; b += 64) {
        uint64_t capon;
        uint64_t stops = scan_stops(toks, ntoks, b, ntoks - b < 64 ? ntoks - b : 64, &capon);
        /* The capitalized words whose next token may go on, and nothing
         * else the scan looks for: the starts, but for the test that the
         * next token is in the same sentence, left to the walk of the
         * run (name_run_end stops at the sentence's end, and a run of
         * one word is no mention). Most stops are these: no branch on
         * their bits. */
        uint64_t start = capon & ~stops;
        for (; stops; stops &= stops - 1) {
            size_t k = (size_t)__builtin_ctzll(stops), i = b + k;
            const claims__token *t = toks + i;
            uint64_t bits = claims__tok_bits(t);
            if (t->hash == CLAIMS__HASH1('-')) {
                /* A hyphen (few; the hash of one byte tells the byte,
                 * and may_go_on and dash_starts test the length): it may
                 * start its sentence, or go on a name from the
                 * capitalized word before it, a start then as capon's
                 * are unless that word is a stop for more than a hyphen
                 * (its own tests below). A stop for its hash alone is
                 * done with: a start if capon has it, as any token that
                 * is no stop. */
                if (dash_starts(t))
                    verb_sent[pos[i].sentence] |= SENT_DASH;
                if (k && may_go_on(t) && (t[-1].flags & CLAIMS__TF_CAP) &&
                    !(claims__tok_bits(t - 1) & (verb | title | quote)))
                    start |= (uint64_t)1 << (k - 1);
                if (!(bits & (verb | title | quote))) {
                    start |= capon & (uint64_t)1 << k;
                    continue;
                }
            }
            /* a quotation mark or not, in no order: the index is stored
             * always, the count goes up by the answer (the slot is past
             * the marks kept: fewer than i so far) */
            marks[nmarks] = (uint32_t)i;
            nmarks += (bits & quote) != 0;
            if (bits & verb) {
                if (t->cls == CLAIMS__TOK_WORD)
                    verbs[nverbs++] = (uint32_t)i;
                /* (every token is in its sentence: segment.c) */
                verb_sent[pos[i].sentence] |= SENT_VERB;
            }
            if (!(bits & quote) && (((bits & title) && title_may_start_run(c, t)) ||
                                    ((bits & cap) && cap_may_start_mention(c, i))))
                start |= (uint64_t)1 << k;
        }
        starts[b / 64] = start;
    }
    c->nmarks = nmarks;
    c->nverbs = nverbs;
}

/* The bits of x from bit k on (none when k is 64 or more). */
static inline uint64_t bits_from(uint64_t x, size_t k)
{
    return k < 64 ? x >> k << k : 0;
}

/* The mentions of persons of the article, from the tokens the scan
 * found they may start at: made when a speaker is first resolved (some
 * articles have none). False (c->nomem set) on OOM. */
static bool collect_mentions(ctx *c)
{
    if (c->mentions_made)
        return !c->nomem;
    c->mentions_made = true;
    /* every bucket -1, none (all bytes 0xff) */
    memset(c->bucket, 0xff, c->nbuckets * sizeof *c->bucket);
    size_t next = 0; /* the first token a name run may start at */
    /* (at hand: a memo's store, a byte, may alias anything) */
    const uint64_t *const starts = c->starts;
    const size_t nwords = (c->ntoks + 63) / 64;
    for (size_t w = 0; w < nwords; w++) {
        const size_t base = 64 * w;
        /* (a start in a run is none: the run may go on from the word
         * before) */
        uint64_t bits = next > base ? bits_from(starts[w], next - base) : starts[w];
        while (bits) {
            size_t i = base + (size_t)__builtin_ctzll(bits);
            run_info r;
            size_t e = name_run_end(c, i, &r);
            /* (e is i when i is neither a name word nor a title word) */
            next = e > i ? e : i + 1;
            /* one word, a title or a name alone, is no mention: most runs */
            if (e > i + 1 && !add_mention(c, i, e, &r)) {
                c->nomem = true;
                return false;
            }
            bits = bits_from(bits, next - base);
        }
    }
    return true;
}

/* The scratch of one extraction by token and by sentence, in one block
 * (on a short article the allocations of one array each cost more than
 * the work): the first mentions, the nominal classes, the longest
 * titles, the quotation
 * marks and the verb words (one a token at most: they never grow), the
 * name buckets, then the bytes (in quotes, memo bits, verb sentences),
 * these zeroed; in the local_size bytes at local when they hold it
 * (c->block NULL then). False on OOM. */
static bool alloc_scratch(ctx *c, unsigned char *local, size_t local_size)
{
    size_t n = c->ntoks, ns = c->art->nsents;
    c->nbuckets = MIN_BUCKETS;
    while (c->nbuckets < n / TOKS_PER_BUCKET && c->nbuckets < ((size_t)1 << 24))
        c->nbuckets *= 2;
    /* no overflow: n and ns are 32-bit, and a token's record, position
     * and text in the text's article (16, 12 and a byte at least) are
     * more than these 26 bytes and its share of the mentions' room and
     * of the start words (under 3) */
    size_t per_tok = sizeof *c->nomc + sizeof *c->titlec + sizeof *c->marks + sizeof *c->verbs + 2;
    /* room for a mention every 32 tokens (most articles name fewer);
     * grow_mentions moves them out beyond */
    c->capm = n / 32 + 4;
    size_t nwords = (n + 63) / 64;
    size_t need = c->capm * sizeof *c->m + nwords * sizeof *c->starts + n * per_tok +
                  VERB_STOPS * sizeof *c->verbs + c->nbuckets * sizeof *c->bucket + ns +
                  VERB_SENT_PAD;
    /* most articles' fit in the caller's room on the stack: no malloc
     * and free an article */
    unsigned char *b = need <= local_size ? local : claims__malloc(&c->s->alloc, need);
    if (!b)
        return false;
    c->block = b == local ? NULL : b;
    c->m = (mention *)(void *)b;
    b += c->capm * sizeof *c->m;
    _Static_assert(sizeof(mention) % _Alignof(uint64_t) == 0, "the start words aligned");
    c->starts = (uint64_t *)(void *)b;
    b += nwords * sizeof *c->starts;
    c->nomc = (uint32_t *)(void *)b;
    b += n * sizeof *c->nomc;
    c->titlec = (uint32_t *)(void *)b;
    b += n * sizeof *c->titlec;
    c->marks = (uint32_t *)(void *)b;
    b += n * sizeof *c->marks;
    c->verbs = (uint32_t *)(void *)b;
    b += (n + VERB_STOPS) * sizeof *c->verbs;
    c->bucket = (int32_t *)(void *)b;
    b += c->nbuckets * sizeof *c->bucket;
    c->inq = b;
    c->memo = b + n;
    c->verb_sent = b + 2 * n;
    memset(b, 0, 2 * n + ns + VERB_SENT_PAD);
    return true;
}

/* The scratch sized by the scan: the verb words' lookups (zeroed) and
 * the quotes' spans, one a quotation mark at most (a span pairs or caps
 * a mark of its own: an opener it resets, or the closer a single opener
 * takes). In the room of the verb words' array past its last word when
 * it fits (most articles: a word in twenty or so may start a speech verb
 * or is a mark, and that room is four bytes a token), else in a block
 * of their own: no allocation for most. False on OOM. */
static bool alloc_spans(ctx *c)
{
    for (size_t k = 0; k < VERB_STOPS; k++)
        c->verbs[c->nverbs + k] = UINT32_MAX;
    size_t vbytes = c->nverbs * sizeof *c->vmemo;
    if (!c->nverbs && !c->nmarks)
        return true;
    size_t need = vbytes + c->nmarks * sizeof *c->q;
    enum { ALIGN = _Alignof(verb_memo) > _Alignof(qspan) ? _Alignof(verb_memo) : _Alignof(qspan) };
    _Static_assert(sizeof(verb_memo) % _Alignof(qspan) == 0, "spans follow the lookups aligned");
    unsigned char *room = (unsigned char *)(c->verbs + c->nverbs + VERB_STOPS);
    size_t pad = (size_t)(-(uintptr_t)room & (ALIGN - 1));
    size_t avail = (size_t)((unsigned char *)(c->verbs + c->ntoks + VERB_STOPS) - room);
    unsigned char *b;
    if (avail >= pad && avail - pad >= need) {
        b = room + pad;
    } else {
        b = claims__malloc(&c->s->alloc, need);
        if (!b)
            return false;
        c->block2 = b;
    }
    memset(b, 0, vbytes);
    c->vmemo = (verb_memo *)(void *)b;
    c->q = (qspan *)(void *)(b + vbytes);
    c->capq = c->nmarks;
    return true;
}

/* The first sentence from si on that the walk has work in: it opens a
 * quote (qsent, the next to), has a speech verb or starts with a dash
 * (a bit of verb_sent); qsent when none before it. Most sentences have
 * none: their bytes are looked at eight at once (read past the last
 * into the padding, zero), no branch a sentence. */
static size_t next_busy_sentence(const ctx *c, size_t si, size_t qsent)
{
    const uint8_t *vs = c->verb_sent;
    for (; si < qsent; si += 8) {
        const uint8_t *p = vs + si;
        /* byte k in bits 8k..8k+7 (one load on a little-endian machine) */
        uint64_t w = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
                     (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
                     (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
        if (w) {
            size_t k = si + (size_t)__builtin_ctzll(w) / 8;
            return k < qsent ? k : qsent;
        }
    }
    return qsent;
}

claims_status claims__extract_speech(claims_story *s, size_t ai)
{
    const claims__article *art = &s->articles[ai];
    if (!art->ntoks || !art->nsents)
        return CLAIMS_OK;
    ctx c;
    memset(&c, 0, offsetof(ctx, nominals));
    c.s = s;
    c.ai = ai;
    c.art = art;
    c.toks = art->toks;
    c.pos = art->pos;
    c.ntoks = art->ntoks;
    c.norm = art->norm;
    c.sents = art->sents;
    c.lx = s->lex;
    c.entries = c.lx->tables->entries;
    c.nominals_before = UINT64_MAX;
    claims__buf_init(&c.tmp, &s->alloc);
    claims_status st = CLAIMS_ERR_NOMEM;
    _Alignas(max_align_t) unsigned char local[SCRATCH_LOCAL];
    if (!alloc_scratch(&c, local, sizeof local))
        goto done;
    scan_article(&c);
    if (!alloc_spans(&c) || !pair_doubles(&c) || !pair_singles(&c))
        goto done;
    /* Walk sentences in order; quotes are handled at their opening
     * sentence, before that sentence's reported speech. */
    size_t qi = 0;
    /* the sentence the next quote opens in (none: past the last) */
    size_t qsent = c.nq ? P(&c, c.q[0].open)->sentence : art->nsents;
    /* The speakers a sentence notes serve the quotes and reported speech
     * of the sentences after it: after the last sentence that opens a
     * quote or may report speech (a speech verb, a leading dash), none
     * is noted. */
    size_t notes_end = c.nq ? P(&c, c.q[c.nq - 1].open)->sentence : 0;
    for (size_t si = art->nsents; si-- > notes_end;) {
        /* a speech verb or a leading dash */
        if (c.verb_sent[si] && !sentence_skipped(&c, si)) {
            notes_end = si;
            break;
        }
    }
    st = CLAIMS_OK;
    for (size_t si = next_busy_sentence(&c, 0, qsent); si < art->nsents && st == CLAIMS_OK;
         si = next_busy_sentence(&c, si + 1, qsent)) {
        size_t nclaims0 = s->nclaims;
        /* the sentence's first verb, for its quotes too (first_verb
         * searches from it) */
        size_t sv = c.sent_verb;
        const uint32_t tb = art->sents[si].tok_begin, *v = c.verbs;
        /* four verb words a step, counted by their tests' answers (the
         * words are in order; the VERB_STOPS after them are none): the
         * step that ends has no branch on how many it passed */
        for (;;) {
            size_t k = (size_t)(v[sv] < tb) + (size_t)(v[sv + 1] < tb) + (size_t)(v[sv + 2] < tb) +
                       (size_t)(v[sv + 3] < tb);
            sv += k;
            if (k < VERB_STOPS)
                break;
        }
        c.sent_verb = sv;
        while (qsent <= si) {
            st = do_quote(&c, &c.q[qi]);
            qi++;
            qsent = qi < c.nq ? P(&c, c.q[qi].open)->sentence : art->nsents;
            if (st != CLAIMS_OK)
                break;
        }
        /* a sentence without a speech verb has no reported speech, and
         * notes a speaker only after a leading dash */
        bool skipped = sentence_skipped(&c, si);
        bool has_verb = !skipped && (c.verb_sent[si] & SENT_VERB);
        /* a speech verb or a leading dash */
        if (st == CLAIMS_OK && !skipped && c.verb_sent[si]) {
            if (has_verb)
                st = do_paraphrases(&c, si);
            bool had_speech = s->nclaims != nclaims0;
            if (st == CLAIMS_OK && si < notes_end)
                defer_note(&c, si, had_speech, has_verb);
        }
        if (c.nomem)
            st = CLAIMS_ERR_NOMEM;
    }
done:
    claims__free(&s->alloc, c.block);
    claims__free(&s->alloc, c.block2);
    if (c.m_heap)
        claims__free(&s->alloc, c.m);
    claims__free(&s->alloc, c.ap);
    claims__buf_free(&c.tmp);
    return st;
}
