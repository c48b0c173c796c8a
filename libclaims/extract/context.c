/* context.c - the context of each figure of an article, read from its
 * sentence once the extractors are done: the time its clause speaks of
 * and the markers of another event (which the story-level event pass in
 * events.c turns into an event), the place or group it covers (scope),
 * the place a distance is measured from (holder), and whether it is a
 * part of a total or an increment (part). The words are the lexicon's
 * [context] section (data/context.lex). */
#include "extract/extract.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* How far around a figure the context words are looked for, in tokens. */
enum { SCOPE_WINDOW = 6, SEVERITY_WINDOW = 4, HOLDER_WINDOW = 6, NAME_WORDS = 3,
       ASIDE_MAX = 6, FRAME_TEXT_MAX = 64,
       /* tokens looked back for a figure's subject or specification: a
          clause is shorter; a bound keeps a sentence of 10,000 figures
          linear */
       SUBJECT_WINDOW = 40,
       RATE_WINDOW = 3 };
/* The bytes of one article's arrays (claims__extract_context) kept on the
 * stack: those of an article of about a thousand tokens. */
enum { LOCAL_BLOCK = 16384 };
/* Doubles this large are all whole (and past what a long long holds). */
#define WHOLE_MAX 1e15

/* The [context] phrase starting at each token of the article, looked up
 * once: the figures of a sentence ask about the same few words again and
 * again. len[i] is the phrase's length in tokens (a lexicon phrase has at
 * most 255), 0 for none; entry[i] and len[i] are read once word[i] has
 * CX_KNOWN (they are not cleared: only word[] is, a byte a token where
 * len[] was two set to a mark). A phrase never runs past its sentence. */
/* word[i]: besides CX_KNOWN, proper_word, opening_name and
 * opening_subject of token i, asked again for the same tokens by every
 * figure of a sentence (a subject is looked for up to SUBJECT_WINDOW
 * tokens back): two bits each, 0 before the first answer (set with
 * memset). The first two do not depend on the sentence; opening_subject
 * is asked of a sentence's first token only, so of one sentence. */
enum {
    PW_KNOWN = 1,
    PW_YES = 2,
    ON_KNOWN = 4,
    ON_YES = 8,
    CX_KNOWN = 16,
    OS_KNOWN = 32,
    OS_YES = 64
};
typedef struct ctx_memo {
    const claims__lex_entry **entry;
    uint8_t *len;
    uint8_t *word;
    uint32_t per_kb; /* the article's tokens per 1024 bytes (token_in) */
} ctx_memo;

typedef struct cx {
    claims_story *s;
    const claims__article *art;
    size_t sb, se; /* the sentence's tokens */
    ctx_memo *memo;
    uint8_t *caps; /* CAPS_* of the sentence (capitals_name) */
} cx;

/* Whether a sentence is in title case (capitals_name): not read yet, or
 * its answer. */
enum { CAPS_UNREAD, CAPS_NAME, CAPS_TITLE };

/* Whether the sentence of tokens [sb, se) is in title case: of its words
 * of three bytes or more (three or more of them), at least 60% are
 * capitalized. Most prose is decided by 70% of the sentence, as not even
 * all the tokens left, each a capitalized word (adding 10 to caps * 10
 * and 6 to words * 6), could make it title case: counted to there first
 * (any point gives the same answer; that one ends most counts soonest).
 */
#ifdef CLAIMS__SSE2
_Static_assert(sizeof(claims__token) == 16 && offsetof(claims__token, norm) == 0 &&
                   offsetof(claims__token, lexmask) == 8 && offsetof(claims__token, cls) == 12 &&
                   offsetof(claims__token, flags) == 14,
               "title_case: a token is one vector: norm, hash, lexmask, cls and flags");
#endif
static bool title_case(const claims__token *toks, size_t sb, size_t se)
{
    const claims__token *t = toks + sb, *end = toks + se;
    const claims__token *part = toks + sb + (se - sb) * 7 / 10;
    size_t words = 0, caps = 0;
#ifdef CLAIMS__SSE2
    /* Four tokens a step: their norm offsets, and classes and flags
     * gathered into one vector each; the lengths are the next
     * tokens' norm offsets less theirs (the fifth token is at most the
     * one past the last). */
    if (end - t >= 4) {
        const __m128i cls = _mm_set1_epi32(0xFFFF), cap = _mm_set1_epi32(CLAIMS__TF_CAP << 16);
        const __m128i two = _mm_set1_epi32(2), zero = _mm_setzero_si128();
        __m128i vw = zero, vc = zero;
        uint32_t lw[4], lc[4];
        for (; end - t >= 4; t += 4) {
            if (t >= part) {
                _mm_storeu_si128((__m128i *)(void *)lw, vw);
                _mm_storeu_si128((__m128i *)(void *)lc, vc);
                words = (size_t)lw[0] + lw[1] + lw[2] + lw[3];
                caps = (size_t)lc[0] + lc[1] + lc[2] + lc[3];
                if (caps * 10 + (size_t)(end - t) * 4 < words * 6)
                    return false;
                part = end; /* counted to the end */
            }
            claims__tok_lanes l = claims__tok_lanes4(t);
            __m128i next = _mm_or_si128(
                _mm_srli_si128(l.norm, 4),
                _mm_slli_si128(_mm_loadu_si128((const __m128i *)(const void *)(t + 4)), 12));
            __m128i len = _mm_sub_epi32(next, l.norm);
            __m128i cf = l.cls_flags;
            __m128i w = _mm_and_si128(_mm_cmpeq_epi32(_mm_and_si128(cf, cls), zero),
                                      _mm_cmpgt_epi32(len, two));
            vw = _mm_sub_epi32(vw, w);
            vc = _mm_sub_epi32(vc, _mm_and_si128(w, _mm_cmpeq_epi32(_mm_and_si128(cf, cap), cap)));
        }
        _mm_storeu_si128((__m128i *)(void *)lw, vw);
        _mm_storeu_si128((__m128i *)(void *)lc, vc);
        words = (size_t)lw[0] + lw[1] + lw[2] + lw[3];
        caps = (size_t)lc[0] + lc[1] + lc[2] + lc[3];
    }
#endif
    for (; t < end; t++) {
        if (t == part && caps * 10 + (size_t)(end - t) * 4 < words * 6)
            break;
        /* & for &&: no branch on each token's class */
        size_t w = (size_t)(t->cls == CLAIMS__TOK_WORD) & (size_t)(claims__tok_len(t) >= 3);
        words += w;
        caps += w & (size_t)((t->flags & CLAIMS__TF_CAP) != 0);
    }
    return t == end && words >= 3 && caps * 10 >= words * 6;
}

/* Whether the capitals of the figure's sentence name anything: not in a
 * title-case headline. Read when a name is found (name_from), or an
 * answer would change a figure's frame, not for every sentence with a
 * figure: most of their figures find no name. */
static bool capitals_name(const cx *c)
{
    if (*c->caps == CAPS_UNREAD)
        *c->caps = title_case(c->art->toks, c->sb, c->se) ? CAPS_TITLE : CAPS_NAME;
    return *c->caps == CAPS_NAME;
}

/* ctx_at when the memo does not answer: a token outside the sentence, or
 * the first lookup of one in it. */
static const claims__lex_entry *ctx_lookup(const cx *c, size_t i, size_t *np)
{
    const claims__lexicon *lx = c->s->lex;
    if (i < c->sb || i >= c->se) /* outside the sentence: not memoized */
        return claims__lex_match(lx, CLAIMS__LEX_CONTEXT, c->art, i, c->se, np);
    /* straight to the lexicon's out-of-line half: i < c->se, and ctx_at
       found the section's bit in the token's lexmask */
    ctx_memo *m = c->memo;
    size_t len = 0;
    const claims__lex_entry *e =
        claims__lex_match_at(lx, CLAIMS__LEX_CONTEXT, c->art, i, c->se, &len);
    len = e ? len : 0;
    m->entry[i] = e;
    m->len[i] = (uint8_t)len;
    m->word[i] |= CX_KNOWN;
    *np = len;
    return e;
}

/* ctx_at of a token whose lexmask has the section's bit. */
static inline const claims__lex_entry *ctx_known(const cx *c, size_t i, size_t *np)
{
    const ctx_memo *m = c->memo;
    if (m->word[i] & CX_KNOWN) {
        size_t len = m->len[i];
        *np = len;
        return len ? m->entry[i] : NULL;
    }
    return ctx_lookup(c, i, np);
}

/* Inline: the token's lexmask or the memo answers most calls, and a call
 * cost more than either. Every caller asks about a token of the sentence
 * (i in [sb, se)): the memo is read without a test of the bounds. */
static inline const claims__lex_entry *ctx_at(const cx *c, size_t i, size_t *n)
{
    size_t dummy, *np = n ? n : &dummy;
    if (!(c->art->toks[i].lexmask & (1u << CLAIMS__LEX_CONTEXT))) {
        *np = 0; /* as the memo would say */
        return NULL;
    }
    return ctx_known(c, i, np);
}

static inline bool ctx_is(const cx *c, size_t i, claims__lex_value role, size_t *n)
{
    return claims__lex_is(ctx_at(c, i, n), role);
}

static bool word_is(const cx *c, size_t i, const char *w)
{
    return claims__tok_is(c->art, i, w);
}

/* proper_word past its inline tests of the token's class and flags and
 * of the memo. */
static bool proper_word_known(const cx *c, size_t i)
{
    const claims__token *t = &c->art->toks[i];
    uint8_t *w = &c->memo->word[i];
    bool yes = true;
    /* "a GT 650M card", "5G phones": a letter glued to a number is part of
     * a model code, no name */
    if (i > 0 && !(t->flags & CLAIMS__TF_SPACE_BEFORE) &&
        c->art->toks[i - 1].cls == CLAIMS__TOK_NUMBER) {
        yes = false;
    } else if (t->lexmask & (1u << CLAIMS__LEX_MONTH | 1u << CLAIMS__LEX_WEEKDAY |
                             1u << CLAIMS__LEX_RELATIVE_DAY | 1u << CLAIMS__LEX_TIME_WORD |
                             1u << CLAIMS__LEX_TITLE)) {
        /* (one test first: most names start a phrase of none of them) */
        size_t n;
        const claims__lexicon *lx = c->s->lex;
        yes = !claims__lex_match(lx, CLAIMS__LEX_MONTH, c->art, i, i + 1, &n) &&
              !claims__lex_match(lx, CLAIMS__LEX_WEEKDAY, c->art, i, i + 1, &n) &&
              !claims__lex_match(lx, CLAIMS__LEX_RELATIVE_DAY, c->art, i, i + 1, &n) &&
              !claims__lex_match(lx, CLAIMS__LEX_TIME_WORD, c->art, i, i + 1, &n) &&
              !claims__lex_match(lx, CLAIMS__LEX_TITLE, c->art, i, i + 1, &n);
    }
    *w |= (uint8_t)(PW_KNOWN | (yes ? PW_YES : 0));
    return yes;
}

/* A capitalized word that can name a place or group: not the sentence's
 * first word, not a month, weekday, relative day or title. Inline: most
 * tokens asked are no capitalized word. */
static inline bool proper_word(const cx *c, size_t i)
{
    /* a word, capitalized, not first, no digit: the token's class and
     * flags tested as one word (claims__tok_bits), one branch */
    const uint64_t mask = claims__tok_bits_of(
        0, UINT16_MAX, CLAIMS__TF_CAP | CLAIMS__TF_SENT_START | CLAIMS__TF_HAS_DIGIT);
    const uint64_t want = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_CAP);
    if ((claims__tok_bits(&c->art->toks[i]) & mask) != want)
        return false;
    /* asked again by each figure of the sentence: the memo answers most
       (the call and its saved registers cost more than the answer) */
    uint8_t w = c->memo->word[i];
    return w & PW_KNOWN ? (w & PW_YES) != 0 : proper_word_known(c, i);
}

/* The sentence's first word as a name: capitalized, and no word the
 * lexicon knows (a concept, an action, a title, a number...). The
 * sections of a sentence's usual first words ("The", "In", "He") come
 * first: the answer is the same in any order, and is found sooner. One
 * list gives the lookups and KNOWN_MASK, their lexmask bits, tested
 * before any lookup. */
/* clang-format off */
#define KNOWN_SECTIONS(X)                                                          \
    X(WORD_CLASS) X(TIME_WORD) X(ACTION_WORD) X(CONCEPT) X(ACTION) X(TITLE)        \
    X(NOMINAL) X(NUMBER) X(MONTH) X(WEEKDAY) X(RELATIVE_DAY) X(CONTEXT) X(EVENT)   \
    X(SPEECH_VERB) X(OPERATOR)
/* clang-format on */
#define KNOWN_BIT(sec) | (1u << CLAIMS__LEX_##sec)
#define KNOWN_ENUM(sec) CLAIMS__LEX_##sec,
#define KNOWN_MASK (0u KNOWN_SECTIONS(KNOWN_BIT))
static bool opening_name(const cx *c, size_t i)
{
    static const claims__lex_section known[] = {KNOWN_SECTIONS(KNOWN_ENUM)};
    const claims__token *t = &c->art->toks[i];
    const uint64_t mask = claims__tok_bits_of(0, UINT16_MAX, CLAIMS__TF_CAP | CLAIMS__TF_HAS_DIGIT);
    const uint64_t want = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_CAP);
    if ((claims__tok_bits(t) & mask) != want)
        return false;
    if (!(t->lexmask & KNOWN_MASK))
        return true; /* no phrase of any of them starts here */
    uint8_t *w = &c->memo->word[i];
    if (*w & ON_KNOWN)
        return (*w & ON_YES) != 0;
    /* the list's sections in order until the token's bits of them are all
       tried (most first words have one or two of the fifteen) */
    bool yes = true;
    uint32_t m = t->lexmask & KNOWN_MASK;
    for (size_t k = 0; m && yes; k++) {
        uint32_t bit = 1u << known[k];
        if (!(m & bit))
            continue;
        m &= ~bit;
        size_t n;
        /* straight to the lexicon's out-of-line half: the token's lexmask
         * has the section's bit, and i < i + 1 (the claims__lex_match
         * tests) */
        if (claims__lex_match_at(c->s->lex, known[k], c->art, i, i + 1, &n))
            yes = false;
    }
    *w |= (uint8_t)(ON_KNOWN | (yes ? ON_YES : 0));
    return yes;
}

/* The id of the words [b, e) as one lower-case string of the story's
 * table (0 on OOM, and *oom set). The names and scopes are kept as ids
 * to the frame: as strings, each was interned a second time there. */
static claims__sid name_from(const cx *c, size_t b, size_t e, bool *oom)
{
    if (!capitals_name(c))
        return 0; /* a headline's capitals: no name (and none interned) */
    char buf[FRAME_TEXT_MAX];
    size_t n = claims__tok_len(&c->art->toks[b]);
    if (e - b == 1 && n + 1 < sizeof buf) { /* one word (most names): no copy */
        claims__sid id = claims__intern(c->s, claims__tok_norm(c->art, b), n);
        if (!id)
            *oom = true;
        return id;
    }
    n = 0;
    for (size_t k = b; k < e && k - b < NAME_WORDS; k++) {
        size_t w = claims__tok_len(&c->art->toks[k]);
        if (n + w + 1 >= sizeof buf)
            break;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, claims__tok_norm(c->art, k), w);
        n += w;
    }
    claims__sid id = claims__intern(c->s, buf, n);
    if (!id)
        *oom = true;
    return id;
}

/* The capitalized words from i (at most NAME_WORDS) as one lower-case
 * string of the story's table (name_from); 0 when i starts none, or on
 * OOM (then *oom is set). */
static claims__sid proper_name(const cx *c, size_t i, bool *oom)
{
    if (i >= c->se || !proper_word(c, i))
        return 0;
    size_t e = i;
    while (e < c->se && e - i < NAME_WORDS && proper_word(c, e))
        e++;
    return name_from(c, i, e, oom);
}

/* The first token at or after byte `off` among tokens [lo, hi), else hi
 * (binary search): that of the whole article held to [lo, hi], as token
 * starts rise. */
static size_t first_at(const claims__article *art, size_t lo, size_t hi, size_t off)
{
    /* Without a branch on each compare (a conditional move): which half
     * holds the token is a coin toss, a mispredicted branch each step.
     * The token is in [b, b + n]. */
    if (lo >= hi)
        return lo;
    const claims__tok_pos *b = art->pos + lo;
    size_t n = hi - lo;
    while (n > 1) {
        size_t half = n / 2;
        b = b[half - 1].start < off ? b + half : b;
        n -= half;
    }
    return (size_t)(b - art->pos) + (b->start < off);
}

/* How many of the TOKEN_RUN tokens whose positions are t[0, TOKEN_RUN)
 * start before byte off: first_at's search, its steps written out (each
 * adds a compare's 0 or 1 times the step: no branch; as conditional
 * moves, gcc made the last a branch). Five compares; the count of sixteen
 * compares with SSE2 (four starts gathered into a vector a step) took
 * three times the instructions. */
enum { TOKEN_RUN = 16 };
static inline size_t run_before(const claims__tok_pos *t, size_t off)
{
    _Static_assert(TOKEN_RUN == 16, "four steps of a half");
    size_t k = (size_t)(t[7].start < off) * 8;
    k += (size_t)(t[k + 3].start < off) * 4;
    k += (size_t)(t[k + 1].start < off) * 2;
    k += (size_t)(t[k].start < off);
    return k + (t[k].start < off);
}

/* first_at(art, lo, hi, off), found from a guess: the token `per_kb`
 * (the article's tokens per 1024 bytes) says is that far into [lo, hi),
 * then a few steps either way, which find most (a binary search of a
 * sentence took six steps); past TOKEN_STEPS, first_at on what is left.
 * The tokens of a claim's sentence are enough. */
enum { TOKEN_STEPS = 8 };
static size_t token_in(const claims__article *art, size_t lo, size_t hi, size_t off,
                       uint32_t per_kb)
{
    const claims__tok_pos *t = art->pos;
    if (lo >= hi || t[lo].start >= off)
        return lo;
    uint64_t d = ((uint64_t)(off - t[lo].start) * per_kb) >> 10;
    size_t g = d < hi - lo ? lo + (size_t)d : hi - 1;
    /* The tokens of a window of TOKEN_RUN around the guess that start
     * before off, counted without a branch a token (the steps from the
     * guess, their direction and their count, were mispredicted about
     * twice a call): the answer when it lies in the window, as token
     * starts rise (tokens past hi are read, and held to it). */
    if (lo + TOKEN_RUN <= art->ntoks) {
        size_t w = g - lo > TOKEN_RUN / 2 ? g - TOKEN_RUN / 2 : lo;
        size_t top = hi - lo > TOKEN_RUN ? hi - TOKEN_RUN : lo;
        w = w < top ? w : top;
        size_t n = run_before(t + w, off);
        /* n == 0 only when w > lo (t[lo] is before off) */
        if (n == 0)
            return first_at(art, lo, w, off);
        if (n < TOKEN_RUN || w + TOKEN_RUN >= hi)
            return w + n < hi ? w + n : hi;
        return first_at(art, w + TOKEN_RUN, hi, off);
    }
    if (t[g].start < off) { /* in (g, hi] */
        size_t stop = hi - g > TOKEN_STEPS ? g + TOKEN_STEPS : hi;
        for (g++; g < stop; g++)
            if (t[g].start >= off)
                return g;
        return first_at(art, g, hi, off);
    }
    /* in (lo, g]: t[lo] is before off */
    size_t low = g - lo > TOKEN_STEPS ? g - TOKEN_STEPS : lo;
    while (g > low && t[g - 1].start >= off)
        g--;
    return g == low && low > lo ? first_at(art, lo, g, off) : g;
}

/* The boundary words' bits; with "since" (read_window's) in CX_WINDOW. */
#define CX_BOUNDARY(w)                                                                             \
    (CLAIMS__HSET_BIT(CLAIMS__HASH1(','), w) | CLAIMS__HSET_BIT(CLAIMS__HASH1(';'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH1(':'), w) |                       \
     CLAIMS__HSET_BIT(CLAIMS__HASH3('a', 'n', 'd'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH2('o', 'r'), w) |                                \
     CLAIMS__HSET_BIT(CLAIMS__HASH3('b', 'u', 't'), w))
#define CX_WINDOW(w) (CX_BOUNDARY(w) | CLAIMS__HSET_BIT(CLAIMS__HASH5('s', 'i', 'n', 'c', 'e'), w))

/* A clause boundary between two figures: ",", ";", "and", "or", "but". */
static inline bool boundary(const cx *c, size_t i)
{
    /* The token's hash (claims__hash of its norm text) against the set of
     * the boundaries' first: a test mispredicted as rarely as a boundary
     * comes, where the length's was for every short word. */
    static const uint64_t set[4] = {CX_BOUNDARY(0), CX_BOUNDARY(1), CX_BOUNDARY(2), CX_BOUNDARY(3)};
    const claims__token *t = &c->art->toks[i];
    if (!claims__hash_in(set, t->hash))
        return false;
    if (claims__tok_len(t) > 3)
        return false;
    if (t->cls == CLAIMS__TOK_PUNCT)
        return word_is(c, i, ",") || word_is(c, i, ";") || word_is(c, i, ":");
    return word_is(c, i, "and") || word_is(c, i, "or") || word_is(c, i, "but");
}

/* What the windows around a figure (its tokens [tb, te)) read, in one
 * pass each way: each window used to scan its tokens again, with its own
 * tests of the stops. After the figure they read at most SCOPE_WINDOW
 * tokens, each up to some of the first clause boundary, number and
 * quotation mark; before it, three tokens. */
typedef struct fig_window {
    size_t scope;  /* the first scope word before a boundary, number or quotation mark,
                      else SIZE_MAX */
    size_t since;  /* the first "since" before a boundary or quotation mark, else SIZE_MAX */
    int part;      /* CLAIMS__PART_* of a phrase ending right before the figure */
    bool severity; /* a degree of harm in SEVERITY_WINDOW after it, before a boundary or number */
    bool rate;     /* a rate word in RATE_WINDOW either side, before a number (or boundary) */
} fig_window;

static void read_window(const cx *c, size_t tb, size_t te, fig_window *w)
{
    const claims__token *toks = c->art->toks;
    size_t lim = te + SCOPE_WINDOW < c->se ? te + SCOPE_WINDOW : c->se;
    size_t num = lim, quote = lim, k = lim;
    w->since = SIZE_MAX;
    /* A token is read further only when it is a number or a quotation
     * mark, or its hash is a boundary's or "since"'s: rare. Which tokens
     * are is read first as the bits of a mask (bit j: token te + j),
     * without a branch a token: a test of each, and the exit of a loop of
     * a varying count, were mispredicted about once a window. */
    static const uint64_t window_set[4] = {CX_WINDOW(0), CX_WINDOW(1), CX_WINDOW(2), CX_WINDOW(3)};
    _Static_assert(((CLAIMS__TOK_NUMBER | CLAIMS__TOK_QUOTE) & CLAIMS__TOK_PUNCT) == 0,
                   "the classes of numbers and quotation marks are bits of their own");
    const unsigned marks = CLAIMS__TOK_NUMBER | CLAIMS__TOK_QUOTE;
#define CX_READ(t, j)                                                                              \
    (((unsigned)claims__hash_in(window_set, (t).hash) | (unsigned)(((t).cls & marks) != 0)) << (j))
    unsigned rm = 0;
    if (te + SCOPE_WINDOW <= c->art->ntoks) { /* six read, those past lim masked off */
        _Static_assert(SCOPE_WINDOW == 6, "six tokens read");
        const claims__token *t = toks + te;
        rm = (CX_READ(t[0], 0) | CX_READ(t[1], 1) | CX_READ(t[2], 2) | CX_READ(t[3], 3) |
              CX_READ(t[4], 4) | CX_READ(t[5], 5)) &
             ((1u << (lim - te)) - 1);
    } else {
        for (size_t j = te; j < lim; j++)
            rm |= CX_READ(toks[j], j - te);
    }
#undef CX_READ
    for (; rm; rm &= rm - 1) {
        size_t j = te + (size_t)__builtin_ctz(rm);
        uint16_t cls = toks[j].cls;
        if (boundary(c, j)) {
            k = j;
            break;
        }
        if (cls == CLAIMS__TOK_NUMBER && num == lim)
            num = j;
        else if (cls == CLAIMS__TOK_QUOTE && quote == lim)
            quote = j;
        else if (claims__tok_len(&toks[j]) == 5 && quote == lim && w->since == SIZE_MAX &&
                 j + 1 < c->se && word_is(c, j, "since"))
            w->since = j; /* its length first: most words are not */
    }
    /* the first boundary or number after the figure, else the window's
       end; the first boundary, number or quotation mark */
    size_t bn = num < k ? num : k, bnq = bn < quote ? bn : quote;
    /* before the figure: a part phrase ending at it ("including"), a
     * rate word ("averaged"), not past a number */
    w->part = CLAIMS__PART_NONE;
    w->rate = false;
    /* The tokens' context bits (bit `back`, or k - te after it) read first
     * without a branch a token: most of these tokens start no context
     * phrase, and a test of each (ctx_at's) was mispredicted about once a
     * window. */
    const unsigned cbit = CLAIMS__LEX_CONTEXT;
    size_t nback = tb - c->sb < 3 ? tb - c->sb : 3;
    unsigned cm = 0;
#define CX_BIT(t, i) (((t).lexmask >> cbit & 1u) << (i))
    if (tb >= 3) { /* three tokens read, those before sb masked off */
        const claims__token *t = toks + tb;
        cm = (CX_BIT(t[-1], 1) | CX_BIT(t[-2], 2) | CX_BIT(t[-3], 3)) & ((2u << nback) - 1);
    } else {
        for (size_t back = 1; back <= nback; back++)
            cm |= ((toks[tb - back].lexmask >> cbit) & 1u) << back;
    }
    for (; cm; cm &= cm - 1) {
        size_t back = (size_t)__builtin_ctz(cm), n = 0;
        const claims__lex_entry *e = ctx_known(c, tb - back, &n);
        if (!e)
            continue;
        if (w->part == CLAIMS__PART_NONE && n == back) {
            if (e->code == CLAIMS__LV_PART_SUBSET)
                w->part = CLAIMS__PART_SUBSET;
            else if (e->code == CLAIMS__LV_PART_INCREMENT)
                w->part = CLAIMS__PART_INCREMENT;
        }
        if (e->code == CLAIMS__LV_RATE && !w->rate) {
            /* the first rate word with no number between it and the figure */
            bool number = false;
            for (size_t b = 1; b <= back; b++)
                number |= toks[tb - b].cls == CLAIMS__TOK_NUMBER;
            w->rate = !number;
        }
    }
    /* after it, up to SEVERITY_WINDOW tokens before bn (the rate window
     * in them): a degree of harm, a rate word; a scope word before bnq
     * (past SEVERITY_WINDOW too: scope_of read those on in a loop of its
     * own, its exit mispredicted about once a figure) */
    size_t ctx_end = te + SEVERITY_WINDOW < bn ? te + SEVERITY_WINDOW : bn;
    size_t fwd_end = bnq > ctx_end ? bnq : ctx_end; /* bnq <= lim <= te + SCOPE_WINDOW */
    w->scope = SIZE_MAX;
    w->severity = false;
    if (te + SCOPE_WINDOW <= c->art->ntoks) { /* six read, those past fwd_end masked off */
        const claims__token *t = toks + te;
        cm = (CX_BIT(t[0], 0) | CX_BIT(t[1], 1) | CX_BIT(t[2], 2) | CX_BIT(t[3], 3) |
              CX_BIT(t[4], 4) | CX_BIT(t[5], 5)) &
             ((1u << (fwd_end - te)) - 1);
    } else {
        for (k = te; k < fwd_end; k++)
            cm |= ((toks[k].lexmask >> cbit) & 1u) << (k - te);
    }
#undef CX_BIT
    for (size_t n; cm; cm &= cm - 1) {
        k = te + (size_t)__builtin_ctz(cm);
        const claims__lex_entry *e = ctx_known(c, k, &n);
        if (!e)
            continue;
        /* (a token past ctx_end is past RATE_WINDOW too) */
        if (e->code == CLAIMS__LV_PART_SEVERITY)
            w->severity |= k < ctx_end;
        else if (e->code == CLAIMS__LV_RATE && k - te < RATE_WINDOW)
            w->rate = true;
        else if (e->code == CLAIMS__LV_SCOPE && w->scope == SIZE_MAX && k < bnq && k + 1 < c->se)
            w->scope = k;
    }
}

/* ------------------------------------------------------------ parts */

/* Whether the figure whose number starts at token `nb` (its claim's
 * tokens [tb, te)) is a part of a total or an increment:
 *   "including 3 children", "of which $2 million", "another four",
 *   "two more", "three others", "one of the victims", "two of them",
 *   "30 seriously injured".
 * Inlined into its one caller, which grew past what gcc inlines on its
 * own: the call and its saved registers cost more than its first tests,
 * which decide most figures. */
static CLAIMS__ALWAYS_INLINE int part_of(const cx *c, size_t nb, const fig_window *w)
{
    /* a phrase that ends right before the figure */
    if (w->part != CLAIMS__PART_NONE)
        return w->part;
    /* right after the number */
    size_t a = nb + 1;
    if (a < c->se && ctx_is(c, a, CLAIMS__LV_PART_AFTER, NULL))
        return CLAIMS__PART_INCREMENT;
    /* "two of them", "one of the victims", "one of the city's biggest
     * raids" (one member of a group, whoever names it); not "12 of the
     * drones", which counts the drones themselves */
    if (a + 1 < c->se && word_is(c, a, "of") &&
        (word_is(c, a + 1, "them") || word_is(c, a + 1, "whom") || word_is(c, a + 1, "which") ||
         word_is(c, a + 1, "those") || word_is(c, a + 1, "these") || word_is(c, a + 1, "us") ||
         word_is(c, nb, "one")))
        return CLAIMS__PART_SUBSET;
    /* a degree of harm between the figure and its action */
    return w->severity ? CLAIMS__PART_SUBSET : CLAIMS__PART_NONE;
}

/* ----------------------------------------------------- scope, holder */

/* "in Dubai", "among the soldiers" (a proper name only), after the
 * figure and before the next clause: the place or group it covers. A
 * sentence that opens with "In <Name>," scopes its figures too. */
static claims__sid scope_of(const cx *c, const fig_window *w, bool *oom)
{
    size_t at = w->scope; /* read_window's */
    if (at != SIZE_MAX) {
        size_t p = at + 1;
        if (p < c->se && word_is(c, p, "the"))
            p++;
        return proper_name(c, p, oom);
    }
    if (c->sb + 2 < c->se && ctx_is(c, c->sb, CLAIMS__LV_SCOPE, NULL)) {
        size_t p = c->sb + 1;
        claims__sid name = proper_name(c, p, oom);
        size_t k = p;
        while (k < c->se && proper_word(c, k))
            k++;
        if (name && k < c->se && word_is(c, k, ","))
            return name;
    }
    return 0;
}

/* "arrested three times since October": a count bounded by a time is a
 * count of that period, its own scope ("since october"). */
static claims__sid since_scope(const cx *c, const fig_window *w, bool *oom)
{
    size_t k = w->since;
    if (k == SIZE_MAX)
        return 0;
    size_t n = claims__tok_len(&c->art->toks[k + 1]);
    char buf[FRAME_TEXT_MAX];
    if (n + 7 > sizeof buf)
        return 0;
    memcpy(buf, "since ", 6);
    memcpy(buf + 6, claims__tok_norm(c->art, k + 1), n);
    claims__sid id = claims__intern(c->s, buf, n + 6);
    if (!id)
        *oom = true;
    return id;
}

/* "averaged 22.8 points", "7.2 rebounds a game": a rate, not a count of
 * one occasion; its own scope ("average"). */
static const char *rate_scope(const fig_window *w)
{
    /* right before the figure ("averaged 7.2"), or right after its noun
     * ("7.2 rebounds a game"), never past another number (read_window) */
    return w->rate ? "average" : NULL;
}

/* An age whose person is named next to it ("Robert Buckley, 32",
 * "61-year-old Sharron Smith"): two such ages may contradict; "a
 * 15-year-old girl" and "an 11-year-old girl" are two girls. */
static bool named_age(const cx *c, size_t tb, size_t te)
{
    size_t lo = tb > c->sb + 3 ? tb - 3 : c->sb;
    size_t hi = te + 3 < c->se ? te + 3 : c->se;
    for (size_t k = lo; k < hi; k++) {
        if (!(proper_word(c, k) || (k == c->sb && opening_name(c, k))))
            continue;
        /* one capitalized word before a lowercase one is an adjective
         * ("a 36-year-old Australian climber", "the British driver") */
        const claims__token *nx = k + 1 < c->se ? &c->art->toks[k + 1] : NULL;
        bool run = k > c->sb && proper_word(c, k - 1);
        if (!run && nx && nx->cls == CLAIMS__TOK_WORD && !(nx->flags & CLAIMS__TF_CAP) &&
            !proper_word(c, k + 1))
            continue;
        return true;
    }
    return false;
}

/* The person or team a count or a measure belongs to: the name right
 * before the verb of its clause ("Vaughn finished with 16 points",
 * "junior forward Doug McDermott scored ... 2,117 points", "Andy Ryan, who
 * has worked there for 30 years"). */
/* The sentence's first word as a subject's name: opening_name, and not a
 * plural ("Divers rescued 14", "Rebels captured 3 tanks"), unless more of
 * the name follows it ("Ortiz Pena"). */
static bool opening_subject_at(const cx *c, size_t i)
{
    bool yes = opening_name(c, i);
    if (yes) {
        const claims__token *t = &c->art->toks[i];
        const char *w = claims__tok_norm(c->art, i);
        bool plural = claims__tok_len(t) > 3 && w[claims__tok_len(t) - 1] == 's';
        yes = !plural || (i + 1 < c->se && proper_word(c, i + 1));
    }
    c->memo->word[i] |= (uint8_t)(OS_KNOWN | (yes ? OS_YES : 0));
    return yes;
}

/* Inline: it is asked of every word of a clause, and only the sentence's
 * first can be one; asked again by each figure of the sentence, its
 * memo answers (a third of the calls on the slice). */
static inline bool opening_subject(const cx *c, size_t i)
{
    if (i != c->sb)
        return false;
    uint8_t w = c->memo->word[i];
    return w & OS_KNOWN ? (w & OS_YES) != 0 : opening_subject_at(c, i);
}

/* Whether token p, whose hash is a ";"'s or a ","'s, ends the clause
 * before a subject: a ";", or a "," not after a name. */
static inline bool clause_mark(const cx *c, size_t p)
{
    if (claims__tok_len(&c->art->toks[p]) != 1)
        return false; /* another word of the same hash */
    char ch = claims__tok_norm(c->art, p)[0];
    return ch == ';' ||
           (ch == ',' && p > c->sb && !proper_word(c, p - 1) && !opening_subject(c, p - 1));
}

static CLAIMS__ALWAYS_INLINE claims__sid subject_name(const cx *c, size_t tb, bool *oom)
{
    /* back to a clause mark, at most SUBJECT_WINDOW tokens. On the way,
     * which tokens may be a name (proper_word's test of class and flags)
     * go into `cand`, bit j for token stop + j (then lo + j): the walk
     * forward visits those only (a test of each token was mispredicted on
     * every capitalized word). With SSE2 four tokens a step, from tb
     * back: their hashes against a ";"'s and a ","'s and their classes
     * and flags gathered and tested in one vector each (the mask and want
     * of the class and flags lane: the 64-bit word's upper half,
     * little-endian), the marks among them looked at from the last; a
     * token a step cost three times the instructions. Inlined into its
     * one caller: out of line (gcc's choice since the vectors) its call
     * and saved registers cost more than its walk. */
    const uint64_t mask = claims__tok_bits_of(
        0, UINT16_MAX, CLAIMS__TF_CAP | CLAIMS__TF_SENT_START | CLAIMS__TF_HAS_DIGIT);
    const uint64_t want = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_CAP);
    const uint32_t semi = CLAIMS__HASH1(';'), comma = CLAIMS__HASH1(',');
    _Static_assert(SUBJECT_WINDOW < 64, "a bit a token looked back");
    size_t stop = tb - c->sb > SUBJECT_WINDOW ? tb - SUBJECT_WINDOW : c->sb;
    const claims__token *toks = c->art->toks;
    size_t lo = stop, j = tb - stop; /* tokens [stop, stop + j) not read; lo > stop: found */
    uint64_t cand = 0;
#ifdef CLAIMS__SSE2
    const __m128i vsemi = _mm_set1_epi32((int)semi), vcomma = _mm_set1_epi32((int)comma);
    const __m128i vmask = _mm_set1_epi32((int)(uint32_t)(mask >> 32));
    const __m128i vwant = _mm_set1_epi32((int)(uint32_t)(want >> 32));
    while (j >= 4 && lo == stop) {
        j -= 4;
        claims__tok_lanes l = claims__tok_lanes4(toks + stop + j);
        __m128i punct =
            _mm_or_si128(_mm_cmpeq_epi32(l.hash, vsemi), _mm_cmpeq_epi32(l.hash, vcomma));
        __m128i name = _mm_cmpeq_epi32(_mm_and_si128(l.cls_flags, vmask), vwant);
        cand |= (uint64_t)(unsigned)_mm_movemask_ps(_mm_castsi128_ps(name)) << j;
        for (unsigned m = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(punct)); m;) {
            unsigned top = 31u - (unsigned)__builtin_clz(m);
            m &= ~(1u << top);
            if (clause_mark(c, stop + j + top)) {
                lo = stop + j + top + 1;
                break;
            }
        }
    }
#endif
    for (; j > 0 && lo == stop; j--) {
        const claims__token *t = &toks[stop + j - 1];
        if ((t->hash == semi || t->hash == comma) && clause_mark(c, stop + j - 1)) {
            lo = stop + j;
            break;
        }
        cand |= (uint64_t)((claims__tok_bits(t) & mask) == want) << (j - 1);
    }
    cand >>= lo - stop;
    if (lo == c->sb && lo < tb)
        cand |= 1; /* the sentence's first word: opening_subject asks */
    while (cand) {
        size_t k = lo + (size_t)__builtin_ctzll(cand);
        if (!(proper_word(c, k) || opening_subject(c, k))) {
            cand &= cand - 1;
            continue;
        }
        size_t e = k;
        while (e < tb && e - k < NAME_WORDS && (proper_word(c, e) || opening_subject(c, e)))
            e++;
        /* the name is the subject when a verb (a lowercase word) or ",
         * who" follows it */
        const claims__token *nx = e < c->se ? &c->art->toks[e] : NULL;
        bool verb = nx && nx->cls == CLAIMS__TOK_WORD && !(nx->flags & CLAIMS__TF_CAP) &&
                    !word_is(c, e, "of") && !word_is(c, e, "and") && !word_is(c, e, "'s");
        bool who = e + 1 < c->se && word_is(c, e, ",") &&
                   (word_is(c, e + 1, "who") || word_is(c, e + 1, "which"));
        if (verb || who)
            return name_from(c, k, e, oom);
        /* on past e (e - lo < SUBJECT_WINDOW: the shift is defined) */
        cand &= ~(((uint64_t)2 << (e - lo)) - 1);
    }
    return 0;
}

/* "13 miles east of Cloverdale", "four miles from Cobb": the reference
 * place of a distance. */
static claims__sid reference_place(const cx *c, size_t te, bool *oom)
{
    size_t k = te;
    size_t n = 0;
    bool direction = false;
    while (k < c->se && ctx_is(c, k, CLAIMS__LV_DIRECTION, &n)) {
        k += n ? n : 1;
        direction = true;
    }
    if (k + 1 < c->se && ((direction && word_is(c, k, "of")) || word_is(c, k, "from"))) {
        size_t p = k + 1;
        if (word_is(c, p, "the") && p + 1 < c->se)
            p++;
        return proper_name(c, p, oom);
    }
    return 0;
}

/* "Buford's record of 2,116 points", "the company's $4 billion debt": a
 * name with a possessive before the figure, in its clause, holds it. */
static claims__sid possessor(const cx *c, size_t tb, bool *oom)
{
    const claims__token *toks = c->art->toks;
    /* Most figures have no possessive among the tokens looked at (all but
     * a few in a hundred on news): their flags are ORed first, where the
     * walk tested each token for a boundary, a number and a quotation
     * mark, a branch each. */
    unsigned flags = 0;
    if (tb - c->sb > HOLDER_WINDOW) { /* (most: no loop, its exit mispredicted) */
        _Static_assert(HOLDER_WINDOW == 6, "six tokens read");
        const claims__token *t = toks + tb;
        flags = t[-1].flags | t[-2].flags | t[-3].flags | t[-4].flags | t[-5].flags | t[-6].flags;
    } else {
        for (size_t p = c->sb + 1; p < tb; p++)
            flags |= toks[p].flags;
    }
    if (!(flags & CLAIMS__TF_POSSESSIVE))
        return 0;
    for (size_t k = tb; k > c->sb && tb - k < HOLDER_WINDOW; k--) {
        size_t p = k - 1;
        const claims__token *t = &toks[p];
        if (boundary(c, p) || (t->cls & (CLAIMS__TOK_NUMBER | CLAIMS__TOK_QUOTE)))
            return 0; /* (the two classes are bits no other class has) */
        if (!(t->flags & CLAIMS__TF_POSSESSIVE) || p == c->sb)
            continue;
        /* the name before the "'s": back to its first capitalized word
         * (the sentence's first word too: "Dorsey's been there 37 years") */
        size_t e = p, b = p;
        while (b > c->sb && proper_word(c, b - 1) && e - b < NAME_WORDS)
            b--;
        if (b == e && b - 1 == c->sb && opening_name(c, c->sb))
            b--;
        if (b == e)
            return 0;
        return b == c->sb ? name_from(c, b, e, oom) : proper_name(c, b, oom);
    }
    return 0;
}

/* The party whose amount of money it is: the name right before the verb
 * of having or giving that governs the amount, in its clause ("the
 * Washington Nationals made Teixeira a $160 million offer", "The Orioles,
 * according to reports, have offered a $150 million deal", "Apple sells
 * the 13-inch model for $1,199"). Two amounts with different such holders
 * are two parties' amounts. */
/* The words that end subject_of's walk back (";", "but", "while",
 * "whereas"), and spec_holder's clause (";", ",", "while", "but"): their
 * hashes' bits, tested first (one branch a token, rarely taken, where the
 * tests of each word's length were mispredicted on short words). */
#define CX_SUBJECT_STOP(w)                                                                         \
    (CLAIMS__HSET_BIT(CLAIMS__HASH1(';'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH3('b', 'u', 't'), w) | \
     CLAIMS__HSET_BIT(CLAIMS__HASH5('w', 'h', 'i', 'l', 'e'), w) |                                 \
     CLAIMS__HSET_BIT(CLAIMS__HASH7('w', 'h', 'e', 'r', 'e', 'a', 's'), w))
#define CX_CLAUSE_STOP(w)                                                                          \
    (CLAIMS__HSET_BIT(CLAIMS__HASH1(';'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH1(','), w) |           \
     CLAIMS__HSET_BIT(CLAIMS__HASH5('w', 'h', 'i', 'l', 'e'), w) |                                 \
     CLAIMS__HSET_BIT(CLAIMS__HASH3('b', 'u', 't'), w))

static claims__sid subject_of(const cx *c, size_t tb, bool *oom)
{
    static const uint64_t stops[4] = {CX_SUBJECT_STOP(0), CX_SUBJECT_STOP(1), CX_SUBJECT_STOP(2),
                                      CX_SUBJECT_STOP(3)};
    size_t v = tb;
    while (v > c->sb) {
        v--;
        if (tb - v > SUBJECT_WINDOW)
            return 0;
        if (c->art->toks[v].cls == CLAIMS__TOK_QUOTE ||
            (claims__hash_in(stops, c->art->toks[v].hash) &&
             (word_is(c, v, ";") || word_is(c, v, "but") || word_is(c, v, "while") ||
              word_is(c, v, "whereas"))))
            return 0;
        if (ctx_is(c, v, CLAIMS__LV_HOLDER_VERB, NULL))
            break;
    }
    if (v == c->sb && !ctx_is(c, v, CLAIMS__LV_HOLDER_VERB, NULL))
        return 0;
    /* back over auxiliaries and an aside between commas */
    size_t e = v;
    while (e > c->sb && (word_is(c, e - 1, "have") || word_is(c, e - 1, "has") ||
                         word_is(c, e - 1, "had") || word_is(c, e - 1, "will") ||
                         word_is(c, e - 1, "would") || word_is(c, e - 1, "also") ||
                         word_is(c, e - 1, "reportedly")))
        e--;
    if (e > c->sb && word_is(c, e - 1, ",")) {
        size_t k = e - 1;
        while (k > c->sb && !word_is(c, k - 1, ","))
            k--;
        if (k > c->sb && e - k <= ASIDE_MAX)
            e = k - 1;
    }
    size_t b = e;
    while (b > c->sb && e - b < NAME_WORDS && proper_word(c, b - 1))
        b--;
    if (b == e && b - 1 == c->sb && e > c->sb && opening_name(c, c->sb))
        b--;
    if (b == e)
        return 0;
    return name_from(c, b, e, oom);
}

/* A product named by a specification in the clause of a price: a number
 * glued by a hyphen to a word ("the 13-inch model costs $1,199", "$999 for
 * the 11-inch Air", "a 64GB phone"): the nearest one, in the clause. Two
 * prices of differently specified products are two products' prices. */
static claims__sid spec_holder(const cx *c, size_t tb, size_t te, bool *oom)
{
    static const uint64_t stops[4] = {CX_CLAUSE_STOP(0), CX_CLAUSE_STOP(1), CX_CLAUSE_STOP(2),
                                      CX_CLAUSE_STOP(3)};
    const claims__token *toks = c->art->toks;
    size_t best = SIZE_MAX, dist = SIZE_MAX;
    /* the clause: back to a boundary, on past the figure to the next */
    size_t lo = tb, hi = te;
    while (lo > c->sb && tb - lo < SUBJECT_WINDOW &&
           !(claims__hash_in(stops, toks[lo - 1].hash) &&
             (word_is(c, lo - 1, ";") || word_is(c, lo - 1, ",") || word_is(c, lo - 1, "while") ||
              word_is(c, lo - 1, "but"))))
        lo--;
    while (hi < c->se && hi - te < SUBJECT_WINDOW &&
           !(claims__hash_in(stops, toks[hi].hash) &&
             (word_is(c, hi, ";") || word_is(c, hi, ",") || word_is(c, hi, "while") ||
              word_is(c, hi, "but"))))
        hi++;
    for (size_t k = lo; k + 2 < hi; k++) {
        const claims__token *n = &toks[k], *d = &toks[k + 1], *w = &toks[k + 2];
        /* its class first: most tokens are no number */
        if (n->cls != CLAIMS__TOK_NUMBER || (k >= tb && k < te) || !word_is(c, k + 1, "-") ||
            (d->flags & CLAIMS__TF_SPACE_BEFORE) || w->cls != CLAIMS__TOK_WORD ||
            (w->flags & CLAIMS__TF_SPACE_BEFORE))
            continue;
        size_t dd = k < tb ? tb - k : k - te;
        if (dd < dist) {
            dist = dd;
            best = k;
        }
    }
    if (best == SIZE_MAX || !capitals_name(c))
        return 0;
    char buf[FRAME_TEXT_MAX];
    const claims__article *art = c->art;
    size_t ln = claims__tok_len(&art->toks[best]), lw = claims__tok_len(&art->toks[best + 2]);
    if (ln + lw + 2 > sizeof buf)
        return 0;
    memcpy(buf, claims__tok_norm(art, best), ln);
    buf[ln] = '-';
    memcpy(buf + ln + 1, claims__tok_norm(art, best + 2), lw);
    claims__sid id = claims__intern(c->s, buf, ln + 1 + lw);
    if (!id)
        *oom = true;
    return id;
}

/* ------------------------------------------------------------- time */

/* Reads a time claim's value as a date (fields 0 when not stated). */
static bool time_value(const claims_claim *t, claims__date *d, int *prec)
{
    memset(d, 0, sizeof *d);
    if (t->kind == CLAIMS_KIND_YEAR) {
        if (!t->has_value)
            return false;
        d->year = (int)t->value;
        *prec = CLAIMS__PREC_YEAR;
        return true;
    }
    const char *v = t->str_value;
    bool yearless;
    if (!v)
        return false;
    *prec = claims__iso_parse(v, strlen(v), d, &yearless);
    return *prec != CLAIMS__PREC_NONE && !yearless; /* yearless: dates nothing on its own */
}

/* A time that dates its clause: not one that bounds it ("since 2004",
 * "until 2010"), which names another event. */
static bool dating_time(const claims__article *art, const claims_claim *t, size_t sb, size_t se,
                        uint32_t per_kb)
{
    size_t tb = token_in(art, sb, se, t->start, per_kb);
    if (tb <= sb)
        return true;
    return !(claims__tok_is(art, tb - 1, "since") || claims__tok_is(art, tb - 1, "until") ||
             claims__tok_is(art, tb - 1, "till") || claims__tok_is(art, tb - 1, "before") ||
             claims__tok_is(art, tb - 1, "by"));
}

/* ------------------------------------------------------------- driver */

/* What the driver asks of a sentence, read in one pass over its tokens
 * (it was five passes, one a question). */
typedef struct sent_facts {
    /* asked of a sentence that hands its anchor on (NEED_HANDED; future
       only with NEED_FUTURE) */
    bool marker; /* a background marker (background.lex): another event */
    bool future; /* "will", "'ll": a sentence about what will happen is no
                    account of an earlier event: nothing is carried into it */
    /* asked of a sentence with a percentage (NEED_POLL) */
    bool poll; /* it names a poll or a survey (context.lex: poll) */
    /* asked of a sentence with a figure, when one finds a name */
    uint8_t caps; /* CAPS_*: whether it is a headline in title case
                     ("Gunman Kills Two In Plant Shooting"), where capitals
                     name nothing (capitals_name) */
    /* asked of a sentence with a figure or a time (NEED_FIGURE) */
    size_t hedge_at; /* its first modal, or c->se: a figure after it is said
                        as a possibility ("there might have been two people
                        killed", "the deal could reach $2 billion"); only
                        read before its last figure (ctx_lim) when it has
                        no time and no percentage */
    /* asked of a sentence with a time (NEED_TIME) */
    bool ahead; /* its times are told as a plan or a possibility: a future
                   marker of time.lex ("will", "is due", "expected") or a
                   hedge of context.lex ("may come as early as May 14")
                   anywhere in it */
} sent_facts;

enum {
    NEED_FIGURE = 1, /* a figure or a time */
    NEED_TIME = 2,
    /* a figure of the sentence, or of a later sentence of its paragraph,
       reads the anchor the sentence hands on: a sentence with none of
       the three is not read at all */
    NEED_HANDED = 4,
    NEED_POLL = 8,  /* a percentage */
    NEED_CAPS = 16, /* a figure */
    /* no dating time of its own, and the one before in its paragraph:
       whether it says "will" decides what is carried into it */
    NEED_FUTURE = 32
};
/* need[] is followed by NEED_PAD bytes not 0: next_needed's stop. */
enum { NEED_PAD = 8 };

/* Bit j: token k + j of [k, e) (at most 64) has a bit of `bits` in its
 * lexmask; read without a branch a token (a skip token by token, or eight
 * at a time, was mispredicted where the tokens asked about come, and at
 * its loops' exits). */
static uint64_t lexmask_bits(const claims__token *toks, size_t ntoks, size_t k, size_t e,
                             uint32_t bits)
{
    size_t n = e - k < 64 ? e - k : 64, j = 0;
    uint64_t m = 0;
    (void)ntoks; /* (read by the SSE2 steps) */
#ifdef CLAIMS__SSE2
    /* four tokens a step, those past n masked off after (read while they
       are tokens of the article): the lexmask lane of each token gathered
       into one vector. The steps are counted first: one test a step, not
       two (n, and the article's end). */
    const __m128i vb = _mm_set1_epi32((int)bits), zero = _mm_setzero_si128();
    size_t steps = (n + 3) / 4, room = (ntoks - k) / 4;
    const size_t jend = 4 * (steps < room ? steps : room);
    for (const claims__token *t = toks + k; j < jend; j += 4, t += 4) {
        __m128i lm = claims__tok_lanes4(t).lexmask;
        unsigned z = (unsigned)_mm_movemask_ps(
            _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_and_si128(lm, vb), zero)));
        m |= (uint64_t)(z ^ 15u) << j; /* z: four bits, those of no bit */
    }
    if (j > n)
        j = n;
#endif
    for (; j < n; j++)
        m |= (uint64_t)((toks[k + j].lexmask & bits) != 0) << j;
    return n < 64 ? m & (((uint64_t)1 << n) - 1) : m;
}

/* Reads the facts of the sentence. Its context words are looked up only
 * on tokens starting before byte `ctx_lim`: a figure is hedged by a modal
 * before it, so past the sentence's last figure only a time (ahead) or a
 * percentage (poll) needs them; a figure's own window looks up what it
 * reads. */
static void read_sentence(const cx *c, unsigned need, uint32_t ctx_lim, sent_facts *f)
{
    const claims__lexicon *lx = c->s->lex;
    const claims__token *toks = c->art->toks;
    /* a time word is looked up only where a "future" one may start, a
       [context] phrase only where a hedge or a poll word may: no other
       answers the questions (the tokens skipped are looked up when a
       figure's window asks, through ctx_at) */
    const uint32_t bg = 1u << CLAIMS__LEX_BACKGROUND, tw = CLAIMS__LEXMASK_FUTURE,
                   hb = CLAIMS__LEXMASK_HEDGE, pb = CLAIMS__LEXMASK_POLL;
    bool want_poll = (need & NEED_POLL) != 0;
    bool want_future = (need & NEED_FUTURE) != 0;
    /* The values still worth a lookup: a question answered drops its
     * bit, and most tokens start no phrase of any (their lexmask). */
    uint32_t look = (need & NEED_HANDED ? bg : 0) |
                    (need & NEED_FIGURE ? hb | (want_poll ? pb : 0) : 0) |
                    ((need & NEED_TIME) ? tw : 0);
    /* Most sentences asked have no token of any value asked: their
     * lexmasks or-ed (a load and an or a token) say so before the walk
     * below, which reads each token's for a mask (lexmask_bits). */
    if (!want_future)
        look &= claims__lexmask_or(toks, c->sb, c->se);
    size_t hedge_at = c->se;
    bool marker = false, future = false, poll = false, time_future = false;
    /* hashed only for a sentence that asks (few) */
    uint32_t will = want_future ? CLAIMS__HASH4('w', 'i', 'l', 'l') : 0;
    uint32_t ll = want_future ? CLAIMS__HASH3('\'', 'l', 'l') : 0;
    /* "will" is looked for on every token; else only the tokens that
     * start a phrase asked about (most start none) are visited, read 64 at
     * a time as the bits of a mask (lexmask_bits); none asked: all
     * answered */
    size_t next = c->sb, base = 0;
    uint64_t bm = 0;
    for (;;) {
        size_t k;
        if (want_future) {
            if (next >= c->se)
                break;
            k = next++;
        } else {
            while (!bm && look && next < c->se) {
                base = next;
                bm = lexmask_bits(toks, c->art->ntoks, base, c->se, look);
                next = c->se - base > 64 ? base + 64 : c->se;
            }
            if (!bm || !look)
                break;
            k = base + (size_t)__builtin_ctzll(bm);
            bm &= bm - 1;
        }
        const claims__token *t = &toks[k];
        size_t n;
        if (want_future && (t->hash == will || t->hash == ll) &&
            (word_is(c, k, "will") || word_is(c, k, "'ll"))) {
            future = true;
            want_future = false;
        }
        uint32_t m = t->lexmask & look;
        if (!m)
            continue;
        /* The lookups below go straight to the lexicon's out-of-line half:
         * k < c->se and the token's lexmask has the section's bit (m; a
         * value's bit is set with its section's). */
        if ((m & bg) && claims__lex_match_at(lx, CLAIMS__LEX_BACKGROUND, c->art, k, c->se, &n)) {
            marker = true;
            look &= ~bg;
        }
        if ((m & (hb | pb)) && c->art->pos[k].start >= ctx_lim) {
            look &= ~(hb | pb);
            m &= ~(hb | pb);
        }
        if (m & (hb | pb)) {
            /* the token's first lookup: its answer goes into the memo */
            ctx_memo *memo = c->memo;
            size_t len = 0;
            const claims__lex_entry *e =
                claims__lex_match_at(lx, CLAIMS__LEX_CONTEXT, c->art, k, c->se, &len);
            memo->entry[k] = e;
            memo->len[k] = (uint8_t)(e ? len : 0);
            memo->word[k] |= CX_KNOWN;
            if (claims__lex_is(e, CLAIMS__LV_HEDGE) && hedge_at == c->se) {
                hedge_at = k;
                look &= ~(tw | hb); /* ahead already */
                m &= ~tw;
            } else if (claims__lex_is(e, CLAIMS__LV_POLL)) {
                poll = true;
                look &= ~pb;
            }
        }
        if (m & tw) {
            const claims__lex_entry *e =
                claims__lex_match_at(lx, CLAIMS__LEX_TIME_WORD, c->art, k, c->se, &n);
            if (e && !e->has_num && e->code == CLAIMS__LV_FUTURE) {
                time_future = true;
                look &= ~tw;
                /* with no figure, a modal only decides "ahead": decided */
                if (!(need & NEED_CAPS))
                    look &= ~(hb | pb);
            }
        }
    }
    f->marker = marker;
    f->future = future;
    f->poll = poll;
    f->caps = CAPS_UNREAD;
    f->hedge_at = hedge_at;
    f->ahead = hedge_at < c->se || time_future;
}

static bool is_time(const claims_claim *c)
{
    return c->kind == CLAIMS_KIND_YEAR || c->kind == CLAIMS_KIND_DATE;
}

static bool is_figure(const claims_claim *c)
{
    return c->kind == CLAIMS_KIND_COUNT || c->kind == CLAIMS_KIND_MONEY ||
           c->kind == CLAIMS_KIND_PERCENT || c->kind == CLAIMS_KIND_MEASURE;
}

/* The number of the claim's tokens [tb, te): its first digits, else its
 * last number word ("No more than ten climbers": "ten", not "no"); tb
 * when none. */
static size_t number_token(const cx *c, size_t tb, size_t te)
{
    /* The digits first, then the number words from the last back: the
     * first found is the answer. A word is a lexicon lookup: they were
     * looked up from tb on, those before digits too ("more than 300"),
     * and the last one found kept. */
    for (size_t k = tb; k < te; k++)
        if (c->art->toks[k].cls == CLAIMS__TOK_NUMBER)
            return k;
    for (size_t k = te; k > tb; k--) {
        size_t n;
        if (claims__lex_match(c->s->lex, CLAIMS__LEX_NUMBER, c->art, k - 1, te, &n))
            return k - 1 + (n ? n - 1 : 0);
    }
    return tb;
}

/* The end of a figure's tokens from tb: the first token at or past byte
 * `end`, else se. Most figures are a few tokens (a varying count, a
 * mispredicted loop exit): the first eight are counted without a branch
 * a token (token starts rise, so those before `end` are a run from tb;
 * those past se are held to it). */
static inline size_t figure_end(const claims__article *art, size_t tb, size_t se, size_t end)
{
    const claims__tok_pos *t = art->pos + tb;
    size_t te = tb;
    if (tb + 8 <= art->ntoks) {
        te = tb + (size_t)(t[0].start < end) + (size_t)(t[1].start < end) +
             (size_t)(t[2].start < end) + (size_t)(t[3].start < end) + (size_t)(t[4].start < end) +
             (size_t)(t[5].start < end) + (size_t)(t[6].start < end) + (size_t)(t[7].start < end);
        te = te < se ? te : se;
        if (te < tb + 8)
            return te;
    }
    while (te < se && art->pos[te].start < end)
        te++;
    return te;
}

/* What a time claim gives the figures of its sentence, read once per
 * sentence (every figure of it asked again): whether it dates its clause
 * and its value as an anchor. */
typedef struct time_info {
    claims__date date;
    uint8_t precision;
    bool ok; /* a dating time with a value */
    bool inferred;
} time_info;

static void read_times(const cx *c, const claims_claim *const *tv, size_t lo, size_t hi,
                       time_info *ti)
{
    for (size_t j = lo; j < hi; j++) {
        const claims_claim *t = tv[j];
        int prec = 0;
        ti[j].ok = dating_time(c->art, t, c->sb, c->se, c->memo->per_kb) &&
                   time_value(t, &ti[j].date, &prec);
        ti[j].precision = (uint8_t)prec;
        ti[j].inferred = (t->flags & CLAIMS__CF_INFERRED) != 0;
    }
}

/* The anchor of the dating time nearest to [start, end) among tv[lo, hi).
 * Inline: most sentences have no time (lo == hi). */
static inline claims__anchor nearest_time(const claims_claim *const *tv, const time_info *ti,
                                          size_t lo, size_t hi, size_t start, size_t end)
{
    claims__anchor a = {0};
    size_t best = SIZE_MAX;
    for (size_t j = lo; j < hi; j++) {
        if (!ti[j].ok)
            continue;
        const claims_claim *t = tv[j];
        size_t d = t->start >= end ? t->start - end : start >= t->end ? start - t->end : 0;
        if (d < best) {
            best = d;
            a.date = ti[j].date;
            a.precision = ti[j].precision;
            a.inferred = ti[j].inferred;
        }
    }
    return a;
}

/* The figure's scope and holder; with capitals that name nothing (a
 * title-case headline) only a time bound ("since October"). Whether they
 * name anything (capitals_name) is read only when the answer matters: a
 * name found (name_from and spec_holder ask before they intern it), an
 * unnamed age, a holder that would change. */
static void scope_and_holder(const cx *c, claims_claim *cl, size_t tb, size_t te,
                             const fig_window *w, bool *oom)
{
    const char *quantity = claims__cstr(cl, cl->frame->quantity);
    /* byte by byte, each read after the one before was no NUL: most
     * quantities differ at the first or second ("area", "duration"), where
     * a strcmp was a call each (a loop of bytes in some libcs) */
    bool age = quantity && quantity[0] == 'a' && quantity[1] == 'g' && quantity[2] == 'e' &&
               quantity[3] == '\0';
    /* the scope and the holder are found as ids of the story's table
       (a literal scope interned once chosen) */
    claims__sid scope = scope_of(c, w, oom);
    if (!scope)
        scope = since_scope(c, w, oom);
    const char *literal = scope ? NULL : rate_scope(w);
    /* "7.2 rebounds", "2.4 children": a count in parts is an average */
    if (!scope && !literal && cl->kind == CLAIMS_KIND_COUNT && cl->has_value &&
        !(cl->flags & CLAIMS__CF_APPROX) && cl->value > -WHOLE_MAX && cl->value < WHOLE_MAX &&
        cl->value != (double)(long long)cl->value)
        literal = "average";
    claims__frame *f = claims__draft(cl);
    f->scope = scope ? scope : claims__intern_str(c->s, literal, oom);
    if (age && !named_age(c, tb, te) && capitals_name(c))
        f->hedged = true; /* an unnamed person's age contradicts no one */
    /* in a headline the holder is left as it was */
    const claims__sid was = f->holder;
    const uint8_t was_kind = f->holder_kind;
    claims__sid holder = was;
    if (quantity && quantity[0] == 'd' && quantity[1] == 'i' && strcmp(quantity + 2, "stance") == 0) {
        holder = reference_place(c, te, oom);
        f->holder_kind = holder ? CLAIMS__HOLDER_PLACE : CLAIMS__HOLDER_NONE;
    } else if (!age) {
        holder = possessor(c, tb, oom);
        f->holder_kind = holder ? CLAIMS__HOLDER_POSSESSIVE : CLAIMS__HOLDER_NONE;
    }
    if (cl->kind == CLAIMS_KIND_MONEY) {
        claims__sid spec = spec_holder(c, tb, te, oom);
        if (spec) {
            holder = spec;
            f->holder_kind = CLAIMS__HOLDER_SPEC;
        } else if (!holder && (holder = subject_of(c, tb, oom))) {
            f->holder_kind = CLAIMS__HOLDER_PARTY;
        }
    } else if (!holder &&
               (cl->kind == CLAIMS_KIND_COUNT || (cl->kind == CLAIMS_KIND_MEASURE && !age)) &&
               (holder = subject_name(c, tb, oom))) {
        f->holder_kind = CLAIMS__HOLDER_SUBJECT;
    }
    f->holder = holder;
    /* (asked only of a holder changed: a name found has read the answer
     * already, and the few others read it here) */
    if ((holder != was || f->holder_kind != was_kind) && !capitals_name(c)) {
        f->holder = was;
        f->holder_kind = was_kind;
    }
}

/* Gathers the time claims from `first` into tv ordered by position (their
 * count returned), each figure's and time's sentence into csent[i -
 * first], what each sentence will be asked into need (zeroed), with
 * NEED_HANDED carried back through the paragraph, and how far its context
 * words are read into ctx_lim. */
static size_t index_claims(const claims_story *s, const claims__article *art, size_t first,
                           size_t end, const claims_claim **tv, uint32_t *csent, uint8_t *need,
                           uint32_t *ctx_lim)
{
    size_t nt = 0;
    memset(need, 0, art->nsents);
    memset(need + art->nsents, 0xFF, NEED_PAD); /* next_needed's stop */
    for (size_t i = first; i < end; i++) {
        const claims_claim *cl = s->claims[i];
        bool time = is_time(cl), figure = is_figure(cl);
        tv[nt] = cl; /* kept when a time (no branch: tv has room for all) */
        nt += time;
        if (figure || time) {
            /* the sentence the claim was made in (store.c), searched
               only for a claim made without one (or, never so far, one
               this window does not hold) */
            size_t si =
                cl->sentence < art->nsents ? cl->sentence : claims__sentence_of(art, cl->start);
            csent[i - first] = (uint32_t)si;
            /* (conditional moves: which claims come first in a sentence
               is no pattern) */
            uint32_t lim = need[si] & NEED_FIGURE ? ctx_lim[si] : 0;
            /* NEED_HANDED goes back through the paragraph at once, as far
               as a sentence that has it (and so its sentences before):
               no pass over all the sentences */
            if (figure && !(need[si] & NEED_HANDED)) {
                need[si] |= NEED_HANDED;
                for (size_t k = si; k > 0 && !(need[k - 1] & NEED_HANDED) &&
                                    art->sents[k - 1].paragraph == art->sents[k].paragraph;
                     k--)
                    need[k - 1] |= NEED_HANDED;
            }
            need[si] |= (uint8_t)(NEED_FIGURE | (time ? NEED_TIME : 0) |
                                  (figure ? NEED_HANDED | NEED_CAPS : 0) |
                                  (cl->kind == CLAIMS_KIND_PERCENT ? NEED_POLL : 0));
            lim = cl->start >= lim ? cl->start + 1 : lim; /* tokens before the figure's */
            ctx_lim[si] = time || cl->kind == CLAIMS_KIND_PERCENT ? UINT32_MAX : lim;
        }
    }
    /* by position: the time extractor adds them in order, so this is one
     * pass (an insertion sort, as the starts differ: the order qsort gave) */
    for (size_t k = 1; k < nt; k++) {
        const claims_claim *t = tv[k];
        size_t q = k;
        while (q > 0 && tv[q - 1]->start > t->start) {
            tv[q] = tv[q - 1];
            q--;
        }
        tv[q] = t;
    }
    return nt;
}
/* The first sentence from si that is needed (need[] not 0), else n.
 * Most are not: eight a step, need[] followed by NEED_PAD bytes not 0 (a
 * stop: no loop over the last few, its exit mispredicted). */
static size_t next_needed(const uint8_t *need, size_t si, size_t n)
{
#ifdef CLAIMS__SSE2
    for (;; si += 8) {
        uint64_t w;
        memcpy(&w, need + si, sizeof w);
        if (w) {
            /* x86, little-endian: the first byte set is the lowest */
            si += (size_t)__builtin_ctzll(w) / 8;
            return si < n ? si : n;
        }
    }
#else
    while (si < n && !need[si])
        si++;
    return si;
#endif
}

/* Reserves n bytes at *at of a block to be allocated, aligned for any
 * type; returns their offset. */
static size_t carve(size_t *at, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    size_t off = *at;
    *at += (n + align - 1) / align * align;
    return off;
}

/* The arrays of one article's pass, carved from one block. */
typedef struct ctx_pass {
    const claims_claim **tv; /* its time claims by position */
    size_t nt;
    size_t *trange;          /* per sentence si: its times in tv, [2 si] to [2 si + 1] */
    claims__anchor *handed;  /* per sentence: the anchor it hands on */
    const uint8_t *need;     /* per sentence: what is asked of it (NEED_*) */
    sent_facts *facts;       /* per sentence: the answers */
    const uint32_t *ctx_lim; /* per sentence: read_sentence's ctx_lim */
    time_info *ti;           /* per time: what it gives its sentence */
    ctx_memo *memo;
} ctx_pass;

/* Reads the facts of each sentence asked about, and each sentence's
 * anchor, as it goes on into the next sentence of its paragraph when that
 * one has no time of its own: the last dating time, else the one carried
 * in; a background marker goes on too. */
static void read_sentences(claims_story *s, const claims__article *art, const ctx_pass *p)
{
    size_t j = 0;
    for (size_t si = 0; (si = next_needed(p->need, si, art->nsents)) < art->nsents; si++) {
        /* a sentence not needed: nothing reads its facts, its first time
         * or its anchor (a later sentence's carry takes none from it) */
        const claims__sentence *sn = &art->sents[si];
        cx c = {s, art, sn->tok_begin, sn->tok_end, p->memo, &p->facts[si].caps};
        if (!(p->need[si] & NEED_HANDED)) {
            /* times and no figure, in it or after it in its paragraph:
             * only whether its times lie ahead is read, not its anchor
             * (it reaches no figure) nor its times' values (only the
             * figures of their sentence read them) */
            read_sentence(&c, p->need[si], p->ctx_lim[si], &p->facts[si]);
            p->handed[si] = (claims__anchor){0};
            continue;
        }
        while (j < p->nt && p->tv[j]->start < sn->start)
            j++;
        size_t k = j;
        while (k < p->nt && p->tv[k]->start < sn->end)
            k++;
        p->trange[2 * si] = j; /* its figures read them (not searched again) */
        p->trange[2 * si + 1] = k;
        read_times(&c, p->tv, j, k, p->ti);
        claims__anchor a = nearest_time(p->tv, p->ti, j, k, sn->end, sn->end);
        /* "will" matters only where the anchor of the sentence before
         * would be carried in: its figures have no dating time */
        bool carry = !a.precision && si && art->sents[si - 1].paragraph == sn->paragraph;
        read_sentence(&c, p->need[si] | (carry ? NEED_FUTURE : 0),
                      p->need[si] & NEED_FIGURE ? p->ctx_lim[si] : 0, &p->facts[si]);
        a.background = p->facts[si].marker;
        if (carry && !p->facts[si].future) {
            bool marker = a.background;
            a = p->need[si - 1] ? p->handed[si - 1] : (claims__anchor){0};
            a.background |= marker;
        }
        p->handed[si] = a;
    }
}

claims_status claims__extract_context(claims_story *s, size_t ai, size_t first, size_t end)
{
    const claims__article *art = &s->articles[ai];
    const claims_allocator *al = &s->alloc;
    if (!art->nsents || first >= end)
        return CLAIMS_OK;
    /* room for a time per claim from `first` (the times are counted by
     * index_claims, not in a pass of their own) */
    size_t nt = end - first;
    /* per sentence: its time claims (their range), the anchor it hands on, what
     * is asked of it (NEED_*) and the answers; per claim from `first`:
     * its sentence (figures and times only); per token the memo. One
     * allocation carved up (eight were a malloc and a free each, per
     * article). */
    size_t at = 0;
    size_t o_tv = carve(&at, nt * sizeof(const claims_claim *));
    size_t o_trange = carve(&at, 2 * (size_t)art->nsents * sizeof(size_t));
    size_t o_handed = carve(&at, art->nsents * sizeof(claims__anchor));
    size_t o_need = carve(&at, art->nsents + NEED_PAD);
    size_t o_facts = carve(&at, art->nsents * sizeof(sent_facts));
    size_t o_csent = carve(&at, (end - first) * sizeof(uint32_t));
    size_t o_entry = carve(&at, art->ntoks * sizeof(const claims__lex_entry *));
    size_t o_len = carve(&at, art->ntoks);
    size_t o_word = carve(&at, art->ntoks);
    size_t o_lim = carve(&at, art->nsents * sizeof(uint32_t));
    size_t o_ti = carve(&at, nt * sizeof(time_info));
    /* most articles' block fits on the stack: no malloc and free each */
    _Alignas(max_align_t) char local[LOCAL_BLOCK];
    char *block = at <= sizeof local ? local : claims__malloc(al, at);
    if (!block)
        return CLAIMS_ERR_NOMEM;
    const claims_claim **tv = (const claims_claim **)(void *)(block + o_tv);
    size_t *trange = (size_t *)(void *)(block + o_trange);
    claims__anchor *handed = (claims__anchor *)(void *)(block + o_handed);
    uint8_t *need = (uint8_t *)(block + o_need);
    sent_facts *facts = (sent_facts *)(void *)(block + o_facts);
    uint32_t *csent = (uint32_t *)(void *)(block + o_csent);
    uint32_t *ctx_lim = (uint32_t *)(void *)(block + o_lim);
    time_info *ti = (time_info *)(void *)(block + o_ti);
    ctx_memo memo = {(const claims__lex_entry **)(void *)(block + o_entry),
                     (uint8_t *)(block + o_len), (uint8_t *)(block + o_word),
                     art->len ? (uint32_t)((uint64_t)art->ntoks * 1024 / art->len) : 0};
    memset(memo.word, 0, art->ntoks);
    nt = index_claims(s, art, first, end, tv, csent, need, ctx_lim);
    read_sentences(s, art,
                   &(const ctx_pass){tv, nt, trange, handed, need, facts, ctx_lim, ti, &memo});
    bool oom = false;
    for (size_t i = first; i < end && !oom; i++) {
        claims_claim *cl = s->claims[i];
        bool time = cl->kind == CLAIMS_KIND_YEAR || cl->kind == CLAIMS_KIND_DATE;
        if (!is_figure(cl) && !time)
            continue;
        size_t si = csent[i - first];
        const claims__sentence *sn = &art->sents[si];
        sent_facts *f = &facts[si];
        if (time) {
            /* "will play on Saturday", "is expected on June 12": not when
             * something happened, so it contradicts no time */
            claims__draft(cl)->hedged = f->ahead;
            continue;
        }
        cx c = {s, art, sn->tok_begin, sn->tok_end, &memo, &f->caps};
        size_t tb = token_in(art, c.sb, c.se, cl->start, memo.per_kb);
        size_t te = figure_end(art, tb, c.se, cl->end);
        size_t lo = trange[2 * si], hi = trange[2 * si + 1];
        claims__anchor a = nearest_time(tv, ti, lo, hi, cl->start, cl->end);
        if (a.precision) {
            a.background = handed[si].background;
        } else {
            /* no time in its own sentence: what the passage carries */
            a = si && art->sents[si - 1].paragraph == sn->paragraph && !f->future
                    ? handed[si - 1]
                    : (claims__anchor){0};
            a.background |= f->marker;
        }
        claims__frame *fr = claims__draft(cl);
        fr->anchor = a;
        fig_window w;
        read_window(&c, tb, te, &w);
        fr->part = (uint8_t)part_of(&c, number_token(&c, tb, te), &w);
        fr->hedged = f->hedge_at < tb;
        fr->sampled = f->poll && cl->kind == CLAIMS_KIND_PERCENT;
        scope_and_holder(&c, cl, tb, te, &w, &oom);
    }
    if (block != local)
        claims__free(al, block);
    return oom ? CLAIMS_ERR_NOMEM : CLAIMS_OK;
}
