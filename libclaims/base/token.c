/* token.c - the tokenizer: words, numbers, punctuation and quotation marks
 * with byte spans and normalized text.
 *
 * Tokenization works on the original bytes; each token's normalized text
 * is appended to one buffer per article, so numbers are recognised before
 * any compatibility normalization could change them. */
#include "base/base.h"

#include <string.h>

/* The lexicon's first-token buckets as the tokenizer reads them: a
 * token of hash h has the bucket values[index[h & fmask]] (see
 * claims__lex_tables.bucket_index). */
typedef struct lex_first {
    const uint16_t *index;
    const claims__lex_bucket *values;
} lex_first;

typedef struct tokvec {
    const claims_allocator *a;
    /* One block: room for cap tokens and the one past them, then for
       their cap positions (claims__tok_pos), at p */
    claims__token *v;
    claims__tok_pos *p;
    size_t n, cap;
    /* The lexicon's first-token buckets that give a token its lexmask
     * and drop bits (lex_first); for a bare string, one bucket with
     * every lexmask bit set and no drop bit (every_section, fmask 0): no
     * test a token. */
    lex_first first;
    uint32_t fmask;
    /* claims__seg_scratch's lists of sentence marks and line starts
     * (NULL: none kept, for a bare string), grown as they fill */
    uint32_t *terms, *lines, *parens;
    size_t nterms, nlines, nparens, terms_cap, lines_cap, parens_cap;
} tokvec;

/* The bytes of a token block with room for cap tokens (see tokvec). */
static inline size_t tok_block_bytes(size_t cap)
{
    return (cap + 1) * sizeof(claims__token) + cap * sizeof(claims__tok_pos);
}

/* Room in tv for need tokens (and the one past them): the block grown by
 * doubling, the positions of its n tokens moved up to their new place.
 * One block, not two: a window's buffers are freed and made again, and
 * one allocation of their size keeps the allocator's heap as it was.
 * False on OOM (tv as it was). */
static bool tv_reserve(tokvec *tv, size_t need)
{
    if (need <= tv->cap && tv->v)
        return true;
    size_t cap = tv->cap ? tv->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / (sizeof(claims__token) + sizeof(claims__tok_pos)))
            return false;
        cap *= 2;
    }
    claims__token *v = claims__realloc(tv->a, tv->v, tok_block_bytes(cap));
    if (!v)
        return false;
    claims__tok_pos *p = (claims__tok_pos *)(void *)(v + cap + 1);
    if (tv->n)
        memmove(p, (claims__tok_pos *)(void *)(v + tv->cap + 1), tv->n * sizeof *p);
    tv->v = v;
    tv->p = p;
    tv->cap = cap;
    return true;
}

/* Ends tv's tokens with the one past the last: its norm the end of the
 * last one's norm text, norm_end (claims__tok_len), its other fields 0
 * (tv_reserve left room for it). */
static void tv_seal(tokvec *tv, size_t norm_end)
{
    claims__token *t = &tv->v[tv->n];
    memset(t, 0, sizeof *t);
    t->norm = (uint32_t)norm_end;
}

/* Token tv->n, the next, follows a line break: on the list once. False
 * on OOM. */
static bool note_line(tokvec *tv)
{
    if (!tv->lines || (tv->nlines && tv->lines[tv->nlines - 1] == tv->n))
        return true;
    if (!claims__grow(tv->a, (void **)&tv->lines, &tv->lines_cap, tv->nlines + 1,
                      sizeof *tv->lines))
        return false;
    tv->lines[tv->nlines++] = (uint32_t)tv->n;
    return true;
}

/* Whether a punctuation token's norm text p[0, n) may end a sentence:
 * what segment.c's is_terminal tests. */
static inline bool terminal_norm(const char *p, size_t n)
{
    if (n == 1)
        return p[0] == '.' || p[0] == '!' || p[0] == '?';
    return n == 3 && memcmp(p, "\xe2\x80\xa6", 3) == 0;
}

static const claims__lex_bucket every_section = {.drop = 0, .lexmask = UINT32_MAX};
static const uint16_t every_section_index[1] = {0};
_Static_assert((CLAIMS__LEX_FIRST_BITS & (CLAIMS__LEX_FIRST_BITS - 1)) == 0,
               "the first-token buckets are taken by a mask of the hash");

/* Gives token t its hash h and the lexmask of its bucket in `first`
 * (the hash masked by fmask), and its position p the bucket's drop bits. */
static CLAIMS__ALWAYS_INLINE void put_hash(claims__token *t, claims__tok_pos *p, uint32_t h,
                                           lex_first first, uint32_t fmask)
{
    /* (one 8-byte load, three stores: read field by field, the compiler
       paired the lexmask with the hash in a vector register) */
    _Static_assert(offsetof(claims__lex_bucket, drop) == 0 &&
                       offsetof(claims__lex_bucket, lexmask) == 4 && sizeof *first.values == 8,
                   "a bucket is its drop bits, then its lexmask");
    uint64_t w;
    memcpy(&w, &first.values[first.index[h & fmask]], sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* (the bucket as it is over the hash and the lexmask, then the hash
     * over its drop bits: no shift to take the lexmask out) */
    _Static_assert(offsetof(claims__token, lexmask) == offsetof(claims__token, hash) + 4,
                   "the lexmask follows the hash");
    memcpy((char *)t + offsetof(claims__token, hash), &w, sizeof w);
    t->hash = h;
    p->drop = (uint32_t)w;
#else
    t->hash = h;
    p->drop = (uint32_t)(w >> 32);
    t->lexmask = (uint32_t)w;
#endif
}

static bool is_quote_cp(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: case 0x2039: case 0x203A: case 0x201F:
    case 0x201A: case 0x201B:
        return true;
    default:
        return false;
    }
}

static bool is_single_quote_cp(int32_t cp)
{
    return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x2039 || cp == 0x203A ||
           cp == 0x201A || cp == 0x201B;
}

static bool is_mark_cp(int32_t cp)
{
    /* Combining marks keep a word together ("e" + U+0301). */
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* ASCII fast paths of the utf8.c helpers (same results). */
static inline bool cp_letter(int32_t cp)
{
    return cp < 0x80 ? claims__is_alpha(cp) : claims__cp_is_letter(cp);
}

static inline bool cp_digit(int32_t cp)
{
    return cp < 0x80 ? claims__is_digit(cp) : claims__cp_is_digit(cp);
}

static inline bool cp_space(int32_t cp)
{
    return cp < 0x80 ? claims__is_space(cp) : claims__cp_is_space(cp);
}

static int32_t peek_cp(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return -1;
    return claims__utf8_next_fast(s, n, &i);
}

/* Code point ending just before byte i (i > 0). */
static int32_t prev_cp(const char *s, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    return claims__utf8_next(s, i, &j);
}

static inline bool push_tok(tokvec *tv, claims__buf *norm, const char *s, size_t start,
                            size_t end, uint16_t cls, uint16_t flags)
{
    if (!tv_reserve(tv, tv->n + 1))
        return false;
    claims__tok_pos *p = &tv->p[tv->n];
    claims__token *t = &tv->v[tv->n++];
    size_t n = end - start, len = norm->len;
    p->start = (uint32_t)start;
    p->end = (uint32_t)end;
    t->norm = (uint32_t)len;
    /* ASCII fast path: lower-case and hash in one pass into the space
     * claims__segment reserved; anything else goes through utf8proc. The
     * state is in locals: a char store could alias any field behind a
     * pointer. */
    bool done = false;
    uint32_t h = 0;
    if (norm->cap - len > n) {
        char *d = norm->data + len;
        size_t k = 0;
        for (; k < n; k++) {
            unsigned char c = (unsigned char)s[start + k];
            if (c >= 0x80)
                break;
            c = (unsigned char)claims__to_lower(c);
            d[k] = (char)c;
        }
        if (k == n) {
            norm->len = len + n;
            h = claims__word_hash(d, n);
            done = true;
        }
    }
    if (!done) {
        if (!claims__norm_append(norm, s + start, n))
            return false;
        h = claims__word_hash(norm->data + len, norm->len - len);
    }
    t->cls = cls;
    t->flags = flags;
    put_hash(t, p, h, tv->first, tv->fmask);
    return true;
}

/* Whitespace and line breaks at s[*i]: consumed into *pending (and the
 * count of line breaks in a row) and true; else false, with the code
 * point read into *cp and *i past it. */
static inline bool take_space(const char *s, size_t n, size_t *i, int32_t *cp,
                              uint16_t *pending, unsigned *newlines)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            *pending |= CLAIMS__TF_SPACE_BEFORE;
            (*i)++;
            return true;
        }
        if (c == '\n' || c == '\r') {
            *pending |= CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_LINE_BEFORE;
            if (c == '\r' && *i + 1 < n && s[*i + 1] == '\n')
                (*i)++;
            if (++*newlines >= 2)
                *pending |= CLAIMS__TF_BLANK;
            (*i)++;
            return true;
        }
        *cp = c;
        (*i)++;
        return false;
    }
    *cp = claims__utf8_next(s, n, i);
    if (*cp == 0x2028 || *cp == 0x2029 || *cp == 0x85) {
        *pending |= CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_LINE_BEFORE;
        if (*cp == 0x2029 || ++*newlines >= 2)
            *pending |= CLAIMS__TF_BLANK;
        return true;
    }
    if (*cp == 0xFEFF || *cp == 0x200B || cp_space(*cp)) {
        *pending |= CLAIMS__TF_SPACE_BEFORE;
        return true;
    }
    return false;
}

/* A word being scanned by the general path: its letter counts and flags. */
typedef struct wordscan {
    unsigned letters, uppers;
    uint16_t flags;
    size_t poss;     /* start of a split-off possessive, or 0 */
} wordscan;

/* Plain ASCII letters and digits after a word's first letter. */
static inline void word_ascii(wordscan *w, const char *s, size_t n, size_t *i)
{
    while (*i < n) {
        unsigned char b = (unsigned char)s[*i];
        if (claims__is_lower(b)) {
            w->letters++;
        } else if (claims__is_upper(b)) {
            w->letters++;
            w->uppers++;
        } else if (claims__is_digit(b)) {
            w->flags |= CLAIMS__TF_HAS_DIGIT;
        } else {
            break;
        }
        (*i)++;
    }
}

/* The rest of a word: any letters, digits, combining marks, and an inner
 * apostrophe; a possessive "'s" ends it (w->poss set). */
static inline void word_rest(wordscan *w, const char *s, size_t n, size_t *i)
{
    while (*i < n) {
        unsigned char b0 = (unsigned char)s[*i];
        if (b0 < 0x80 && b0 != '\'' && !claims__is_alpha(b0) && !claims__is_digit(b0))
            break; /* ASCII space or punctuation ends the word */
        size_t j = *i;
        int32_t d = claims__utf8_next_fast(s, n, &j);
        if (cp_letter(d)) {
            w->letters++;
            w->uppers += claims__cp_is_upper(d);
        } else if (cp_digit(d)) {
            w->flags |= CLAIMS__TF_HAS_DIGIT;
        } else if (is_mark_cp(d)) {
            /* part of the letter before */
        } else if ((d == '\'' || d == 0x2019) && cp_letter(peek_cp(s, n, j))) {
            size_t k = j;
            int32_t e = claims__utf8_next_fast(s, n, &k);
            if ((e == 's' || e == 'S') && !cp_letter(peek_cp(s, n, k))) {
                w->poss = *i;
                *i = k;
                break;
            }
        } else {
            break;
        }
        *i = j;
    }
}

/* Scans the word that starts at `start` with letter cp (s[*i] is its next
 * character) and pushes it, with a split-off possessive as a second token.
 * The general path: plain_word takes most words first. Returns CLAIMS_OK
 * or CLAIMS_ERR_NOMEM. */
static claims_status scan_word(tokvec *tv, claims__buf *norm, const char *s, size_t n,
                               size_t start, int32_t cp, size_t *i, uint16_t flags)
{
    wordscan w;
    w.letters = 1;
    w.uppers = (cp < 0x80 ? claims__is_upper(cp) : claims__cp_is_upper(cp));
    w.flags = flags;
    if (w.uppers)
        w.flags |= CLAIMS__TF_CAP;
    w.poss = 0;
    word_ascii(&w, s, n, i);
    word_rest(&w, s, n, i);
    if (w.letters >= 2 && w.uppers == w.letters)
        w.flags |= CLAIMS__TF_ALLCAPS;
    bool ok;
    if (w.poss)
        ok = push_tok(tv, norm, s, start, w.poss, CLAIMS__TOK_WORD, w.flags) &&
             push_tok(tv, norm, s, w.poss, *i, CLAIMS__TOK_WORD, CLAIMS__TF_POSSESSIVE);
    else
        ok = push_tok(tv, norm, s, start, *i, CLAIMS__TOK_WORD, w.flags);
    return ok ? CLAIMS_OK : CLAIMS_ERR_NOMEM;
}

/* ------------------------------------------------------ the plain path */

/* What the plain path takes, one load per byte: a letter starts a word, a
 * digit a number, ASCII punctuation is a token of one byte (a straight
 * quotation mark too, unless a non-ASCII character next to it may tell
 * otherwise), ' ' is a space and '\n' a line break. Anything else (other
 * whitespace, control characters, non-ASCII) is the general path's; a
 * non-ASCII byte in or next to a word makes it the general path's too.
 * The classes from PB_SPACE on are the plain path's. */
enum {
    PB_OTHER = 0,
    PB_HIGH,  /* a byte of a non-ASCII character */
    PB_SPACE, /* ' ' */
    PB_NEWLINE,
    PB_E2,    /* 0xE2, which may begin a mark of e2_mark */
    PB_QUOTE, /* '"' and '\'' */
    PB_PUNCT,
    PB_TERM,  /* '.', '!' and '?': punctuation that may end a sentence */
    PB_PAREN, /* '(' */
    PB_DIGIT, /* from here on: what goes on a word */
    PB_LOWER,
    PB_UPPER
};
/* The classes of ASCII punctuation, as bits (1u << class). */
enum { PB_MARKS = (1u << PB_PUNCT) | (1u << PB_TERM) | (1u << PB_PAREN) };
/* clang-format off */
#define PP PB_PUNCT
#define PD PB_DIGIT
#define PL PB_LOWER
#define PU PB_UPPER
#define PH PB_HIGH
#define PQ PB_QUOTE
#define PT PB_TERM
#define PR PB_PAREN
static const unsigned char plain_byte[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  PB_NEWLINE, 0, 0, 0, 0, 0, /* controls, '\n' */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    PB_SPACE, PT, PQ, PP, PP, PP, PP, PQ, PR, PP, PP, PP, PP, PP, PT, PP, /* ' ' to '/' */
    PD, PD, PD, PD, PD, PD, PD, PD, PD, PD, PP, PP, PP, PP, PP, PT, /* digits, ':' to '?' */
    PP, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, /* '@', 'A' to 'O' */
    PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PP, PP, PP, PP, PP, /* 'P' to 'Z', '[' to '_' */
    PP, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, /* '`', 'a' to 'o' */
    PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PL, PP, PP, PP, PP, 0,  /* 'p' to 'z', '{' to DEL */
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, /* 0x80 to 0xFF */
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH,
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH,
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH,
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH,
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH,
    PH, PH, PB_E2, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, /* 0xE0 to 0xEF */
    PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH, PH,
};
#undef PP
#undef PD
#undef PL
#undef PU
#undef PH
#undef PQ
#undef PT
#undef PR
/* clang-format on */

/* Where the plain path writes: its next token and norm byte. It lives in
 * plain_run's locals, not in tv and norm: a char store may alias anything
 * behind a pointer, so fields updated per byte would be reloaded per byte. */
typedef struct plain_cursor {
    claims__token *t, *tend; /* next token; end of the token room */
    claims__tok_pos *p;      /* next token's position */
    char *norm;              /* the norm buffer (its room: see plain_run) */
    size_t len;              /* its length */
    lex_first first;         /* tokvec.first */
    uint32_t fmask;          /* tokvec.fmask */
} plain_cursor;

/* tokvec's lists as plain_run keeps them: their next entries (NULL: no
 * lists) and ends, the tokens, and the last line start noted (or -1:
 * none). A full list stops the plain path: the general path grows it. */
typedef struct plain_lists {
    uint32_t *term, *line, *paren, *term_end, *line_end, *paren_end;
    const claims__token *v;
    uint32_t last_line;
} plain_lists;

/* The token at the cursor begins at s[start] and at the norm byte there:
 * written before its bytes are scanned, apart from the fields known only
 * after (written as one block, the four offsets are gathered into a
 * vector register first, which costs more instructions). */
static inline void token_begin(plain_cursor *cur, size_t start)
{
    cur->p->start = (uint32_t)start;
    cur->t->norm = (uint32_t)cur->len;
}

/* Pushes the token begun at the cursor, ending at s[end], whose norm
 * text of len bytes (shorter than its source when a typographic mark was
 * folded to ASCII) is at the cursor, with hash h. */
static inline void token_end_folded(plain_cursor *cur, size_t end, uint32_t len, uint32_t h,
                                    uint16_t cls, uint16_t flags)
{
    claims__token *t = cur->t++;
    claims__tok_pos *p = cur->p++;
    p->end = (uint32_t)end;
    put_hash(t, p, h, cur->first, cur->fmask);
    t->cls = cls;
    t->flags = flags;
    cur->len += len;
}

/* token_end_folded of norm text as long as its source. */
static inline void token_end(plain_cursor *cur, size_t end, uint32_t h, uint16_t cls,
                             uint16_t flags)
{
    token_end_folded(cur, end, (uint32_t)end - cur->p->start, h, cls, flags);
}

/* The typographic marks the plain path takes, U+2013 to U+201D: their
 * UTF-8 is E2 80 and this third byte. Each is no letter, digit or space,
 * and claims__norm_append folds it to one ASCII byte. */
enum {
    E2_EN_DASH = 0x93, /* U+2013, folded to '-' */
    E2_EM_DASH = 0x94, /* U+2014, '-' */
    E2_LSQUO = 0x98,   /* U+2018, '\'' */
    E2_RSQUO = 0x99,   /* U+2019, '\'' (an apostrophe in a word) */
    E2_LDQUO = 0x9C,   /* U+201C, '"' */
    E2_RDQUO = 0x9D    /* U+201D, '"' */
};

/* The third byte of the mark of those at s[k] (s[0, n) the text), or 0. */
static inline unsigned char e2_mark(const char *s, size_t n, size_t k)
{
    if (k + 2 >= n || (unsigned char)s[k] != 0xE2 || (unsigned char)s[k + 1] != 0x80)
        return 0;
    unsigned char c = (unsigned char)s[k + 2];
    return c == E2_EN_DASH || c == E2_EM_DASH || c == E2_LSQUO || c == E2_RSQUO || c == E2_LDQUO ||
                   c == E2_RDQUO
               ? c
               : 0;
}

/* What a byte is on a plain word, one load: its norm byte (a letter
 * lower-cased, a digit as it is) in the low eight bits and its class in
 * the WB_* bits; 0 for a byte that is on no plain word. */
enum { WB_LOWER = 0x100, WB_UPPER = 0x200, WB_DIGIT = 0x400 };
/* clang-format off */
#define WB(b) ((b) >= 'a' && (b) <= 'z' ? (b) | WB_LOWER : \
               (b) >= 'A' && (b) <= 'Z' ? ((b) + 32) | WB_UPPER : \
               (b) >= '0' && (b) <= '9' ? (b) | WB_DIGIT : 0)
#define WB4(b) WB(b), WB((b) + 1), WB((b) + 2), WB((b) + 3)
#define WB16(b) WB4(b), WB4((b) + 4), WB4((b) + 8), WB4((b) + 12)
static const uint16_t word_byte_of[256] = {
    WB16(0), WB16(16), WB16(32), WB16(48), WB16(64), WB16(80), WB16(96), WB16(112),
    WB16(128), WB16(144), WB16(160), WB16(176), WB16(192), WB16(208), WB16(224), WB16(240)};
#undef WB16
#undef WB4
#undef WB
/* clang-format on */

/* The CAP, ALLCAPS and HAS_DIGIT flags of the word s[start, k), whose
 * bytes' WB_* classes are `seen`: capitalized, two capitals or more and
 * no lower-case letter, a digit. */
static inline uint16_t word_case_flags(const char *s, size_t start, size_t k, unsigned seen)
{
    uint16_t flags = 0;
    if (word_byte_of[(unsigned char)s[start]] & WB_UPPER)
        flags |= CLAIMS__TF_CAP;
    if (!(seen & WB_LOWER) && (seen & WB_UPPER)) {
        unsigned letters = 0;
        for (size_t j = start; j < k && letters < 2; j++)
            letters += (word_byte_of[(unsigned char)s[j]] & WB_UPPER) != 0;
        if (letters >= 2)
            flags |= CLAIMS__TF_ALLCAPS;
    }
    if (seen & WB_DIGIT)
        flags |= CLAIMS__TF_HAS_DIGIT;
    return flags;
}

/* Whether byte b may go on a plain word: an ASCII letter or digit. */
static inline bool plain_word_byte(unsigned char b)
{
    return word_byte_of[b] != 0;
}

/* claims__word_hash of the one byte b, one load. */
/* clang-format off */
#define F1(b) CLAIMS__HASH1(b)
#define F1_4(b) F1(b), F1((b) + 1), F1((b) + 2), F1((b) + 3)
#define F1_16(b) F1_4(b), F1_4((b) + 4), F1_4((b) + 8), F1_4((b) + 12)
static const uint32_t word_hash1[256] = {
    F1_16(0), F1_16(16), F1_16(32), F1_16(48), F1_16(64), F1_16(80), F1_16(96), F1_16(112),
    F1_16(128), F1_16(144), F1_16(160), F1_16(176), F1_16(192), F1_16(208), F1_16(224), F1_16(240)};
#undef F1_16
#undef F1_4
#undef F1
/* clang-format on */

#ifdef CLAIMS__SSE2
/* The first n bytes of sixteen set, the rest clear (n <= 16): a word's
 * bytes in a vector of its sixteen, with zeros after it for vec_word_hash. */
static const unsigned char prefix_ones[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
static CLAIMS__ALWAYS_INLINE __m128i prefix_mask(unsigned n)
{
    const unsigned char *after = prefix_ones + 16; /* (no subtraction from 16) */
    return _mm_loadu_si128((const __m128i *)(const void *)(after - n));
}

/* The word of plain ASCII letters and digits at p, if it ends within its
 * sixteen bytes (p[0, 16) readable, d[0, 16) writable): true, with its
 * length in *len, its bytes lower-cased to d and in *w (zeros after
 * them), in *keep the bits of a
 * movemask that are its bytes (and the byte after), in *updig those of
 * its capitals and digits, and the compares that tell capitals (*u),
 * lower-case letters (*l) and digits (*g) apart; false for a longer word
 * (the byte loop's). */
static inline bool word16(const char *p, char *d, unsigned *len, unsigned *keep, unsigned *updig,
                          __m128i *u, __m128i *l, __m128i *g, __m128i *w)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    *u = claims__bytes_in(x, 'A', 26);
    *l = claims__bytes_in(x, 'a', 26);
    *g = claims__bytes_in(x, '0', 10);
    __m128i ug = _mm_or_si128(*u, *g);
    unsigned on = (unsigned)_mm_movemask_epi8(_mm_or_si128(ug, *l));
    if (on == 0xFFFF)
        return false;
    unsigned n = (unsigned)__builtin_ctz(~on);
    *w = _mm_and_si128(_mm_or_si128(x, _mm_and_si128(*u, _mm_set1_epi8(0x20))), prefix_mask(n));
    _mm_storeu_si128((__m128i *)(void *)d, *w);
    *len = n;
    /* its bits and the next one's, a byte on no word (no compare has it) */
    *keep = on ^ (on + 1);
    *updig = (unsigned)_mm_movemask_epi8(ug) & *keep;
    return true;
}

/* The CAP, ALLCAPS and HAS_DIGIT flags of a word from its bytes' masks
 * (bit k: its byte k): `bytes` its bytes, `updig` its capitals and
 * digits, `digits` its digits. */
static uint16_t mask_case_flags(unsigned bytes, unsigned updig, unsigned digits)
{
    unsigned caps = updig & ~digits;
    uint16_t flags = 0;
    if (caps & 1)
        flags |= CLAIMS__TF_CAP;
    /* two capitals or more, no lower-case letter */
    if ((caps & (caps - 1)) && !(bytes & ~updig))
        flags |= CLAIMS__TF_ALLCAPS;
    if (digits)
        flags |= CLAIMS__TF_HAS_DIGIT;
    return flags;
}

/* mask_case_flags of a word read sixteen bytes at once (word16): its
 * bytes and the byte after are the bits `keep` of the compares that tell
 * capitals (u), lower-case letters (l) and digits (g); word_case_flags of
 * the byte loop. */
static inline uint16_t vec_case_flags(__m128i u, __m128i l, __m128i g, unsigned keep)
{
    unsigned up = (unsigned)_mm_movemask_epi8(u) & keep;
    unsigned low = (unsigned)_mm_movemask_epi8(l) & keep;
    unsigned dig = (unsigned)_mm_movemask_epi8(g) & keep;
    return mask_case_flags(up | low | dig, up | dig, dig);
}

/* claims__word_hash of the word of n < 16 bytes in v, zeros after it
 * (no branch on n). */
static CLAIMS__ALWAYS_INLINE uint32_t vec_word_hash(__m128i v, size_t n)
{
#if defined(__x86_64__)
    uint64_t a = (uint64_t)_mm_cvtsi128_si64(v);
    uint64_t b = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v));
#else
    unsigned char buf[16];
    _mm_storeu_si128((__m128i *)(void *)buf, v);
    uint64_t a = claims__word_chunk(buf), b = claims__word_chunk(buf + 8);
#endif
    return claims__word_hash16(a, b, n);
}

/* vec_word_hash of the word in v, just stored at d: its second half read
 * back from there, one load, not two moves. */
static CLAIMS__ALWAYS_INLINE uint32_t stored_word_hash(__m128i v, const char *d, size_t n)
{
    const unsigned char *p = (const unsigned char *)d;
#if defined(__x86_64__)
    uint64_t a = (uint64_t)_mm_cvtsi128_si64(v);
#else
    uint64_t a = claims__word_chunk(p);
#endif
    return claims__word_hash16(a, claims__word_chunk(p + 8), n);
}
#endif

/* Pushes the possessive "'s" of n bytes at s[at] (with an apostrophe of
 * one byte, or of three: U+2019), split off the word before it. */
static inline void push_possessive(plain_cursor *cur, size_t at, size_t n)
{
    token_begin(cur, at);
    char *d = cur->norm + cur->len;
    d[0] = '\'';
    d[1] = 's';
    token_end_folded(cur, at + n, 2, CLAIMS__HASH2('\'', 's'), CLAIMS__TOK_WORD,
                     CLAIMS__TF_POSSESSIVE);
}

/* A word of ASCII letters and digits starting with the letter at s[start]
 * and going on with an apostrophe ("don't", "O'Brien", "Barak's",
 * "students'"; ' or U+2019, folded to '), read as word_rest reads it:
 * pushed, with a possessive "'s" split off as a token of its own, and its
 * end returned; 0 when a non-ASCII character other than the marks of
 * e2_mark comes in reach (scan_word's), or there is no room for two
 * tokens. s[0, n) is the whole text. */
static size_t plain_apos_word(plain_cursor *cur, const char *s, size_t n, size_t start,
                              uint16_t flags)
{
    if (cur->tend - cur->t < 2)
        return 0;
    token_begin(cur, start);
    char *d = cur->norm + cur->len;
    unsigned seen = 0; /* the WB_* classes of its bytes */
    size_t k = start, dk = 0, poss = 0, alen = 1;
    while (k < n) {
        unsigned char b = (unsigned char)s[k];
        unsigned v = word_byte_of[b];
        size_t step = 1;
        if (!v) {
            if (b >= 0x80) {
                unsigned char m = e2_mark(s, n, k);
                if (!m)
                    return 0;
                if (m != E2_RSQUO)
                    break; /* a dash or a quotation mark ends the word */
                step = 3;
            } else if (b != '\'') {
                break;
            }
            /* an apostrophe: a letter after it keeps the word going, but
             * for a possessive "'s" */
            if (k + step >= n)
                break;
            unsigned char e = (unsigned char)s[k + step];
            if (e >= 0x80) {
                if (!e2_mark(s, n, k + step))
                    return 0;
                break;
            }
            if (!claims__is_alpha(e))
                break;
            if (e == 's' || e == 'S') {
                size_t fk = k + step + 1;
                unsigned char f = fk < n ? (unsigned char)s[fk] : ' ';
                if (f >= 0x80 && !e2_mark(s, n, fk))
                    return 0;
                if (!claims__is_alpha(f)) {
                    poss = k;
                    alen = step;
                    break;
                }
            }
            v = '\'';
        }
        seen |= v;
        d[dk++] = (char)v;
        k += step;
    }
    flags |= word_case_flags(s, start, k, seen);
    token_end_folded(cur, k, (uint32_t)dk, claims__word_hash(d, dk), CLAIMS__TOK_WORD, flags);
    if (!poss)
        return k;
    push_possessive(cur, poss, alen + 1);
    return poss + alen + 1;
}

/* The typographic mark of e2_mark at s[i], third byte m: pushed, and its
 * end returned; 0 for a doubled single mark (the general path's). */
static size_t plain_mark(plain_cursor *cur, const char *s, size_t n, size_t i, unsigned char m,
                         uint16_t flags)
{
    unsigned char ch = '"';
    uint16_t cls = CLAIMS__TOK_QUOTE;
    switch (m) {
    case E2_EN_DASH:
    case E2_EM_DASH:
        ch = '-';
        cls = CLAIMS__TOK_PUNCT;
        break;
    case E2_LSQUO:
    case E2_RSQUO:
        if (e2_mark(s, n, i + 3) == m)
            return 0;
        ch = '\'';
        flags |= CLAIMS__TF_QUOTE_SINGLE |
                 (m == E2_LSQUO ? CLAIMS__TF_QUOTE_OPEN : CLAIMS__TF_QUOTE_CLOSE);
        break;
    case E2_LDQUO:
        flags |= CLAIMS__TF_QUOTE_OPEN;
        break;
    default:
        flags |= CLAIMS__TF_QUOTE_CLOSE;
        break;
    }
    token_begin(cur, i);
    cur->norm[cur->len] = (char)ch;
    token_end_folded(cur, i + 3, 1, word_hash1[ch], cls, flags);
    return i + 3;
}

/* A straight quotation mark at s[i] ('"' or a lone '\''), whose flags
 * quote_flags guesses from the spacing around it: pushed, and its end
 * returned; 0 when a character next to it is non-ASCII, or it is a
 * doubled single mark (the general path's). s[0, n) is the whole text. */
static size_t plain_quote(plain_cursor *cur, const char *s, size_t n, size_t i, uint16_t flags)
{
    unsigned char c = (unsigned char)s[i];
    unsigned char before = i > 0 ? (unsigned char)s[i - 1] : ' ';
    unsigned char after = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
    if (c == '\'' && after == '\'')
        return 0;
    bool open_ctx;
    if (before < 0x80) {
        open_ctx = claims__is_space(before) || before == '(' || before == '[' || before == '-' ||
                   before == '"' || before == '\'';
    } else {
        /* after a typographic mark: all but the en dash open */
        unsigned char m = i >= 3 ? e2_mark(s, n, i - 3) : 0;
        if (!m)
            return 0;
        open_ctx = m != E2_EN_DASH;
    }
    /* after it, a typographic mark is no space; another non-ASCII
     * character may be */
    if (after >= 0x80 && !e2_mark(s, n, i + 1))
        return 0;
    if (c == '\'')
        flags |= CLAIMS__TF_QUOTE_SINGLE;
    if (open_ctx && !claims__is_space(after))
        flags |= CLAIMS__TF_QUOTE_OPEN;
    else if (!open_ctx)
        flags |= CLAIMS__TF_QUOTE_CLOSE;
    token_begin(cur, i);
    cur->norm[cur->len] = (char)c;
    token_end(cur, i + 1, word_hash1[c], CLAIMS__TOK_QUOTE, flags);
    return i + 1;
}

#ifdef CLAIMS__SSE2

/* The word at s[start] that goes on after an ASCII apostrophe at
 * s[start + len] with a letter ("don't", "they're"), read sixteen bytes
 * at once (start < lim16; s[0, n) the whole text) as plain_apos_word reads
 * it: pushed, and its end returned, when it ends within them at a byte
 * that is no apostrophe and no non-ASCII byte and no possessive "'s" is
 * split off; 0 otherwise (plain_apos_word's). */
static size_t plain_contraction(plain_cursor *cur, const char *s, size_t n, size_t start,
                                unsigned len, uint16_t flags)
{
    if (start + len + 2 >= n || !claims__is_alpha((unsigned char)s[start + len + 1]) ||
        ((s[start + len + 1] | 0x20) == 's' &&
         !claims__is_alpha((unsigned char)s[start + len + 2])))
        return 0;
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + start));
    __m128i u = claims__bytes_in(x, 'A', 26), g = claims__bytes_in(x, '0', 10);
    __m128i ug = _mm_or_si128(u, g);
    unsigned on = (unsigned)_mm_movemask_epi8(_mm_or_si128(ug, claims__bytes_in(x, 'a', 26)));
    unsigned rest = ~on & 0xFFFFu & ~0u << (len + 1);
    if (!rest)
        return 0;
    unsigned k = (unsigned)__builtin_ctz(rest);
    unsigned char f = (unsigned char)s[start + k];
    if (f == '\'' || f >= 0x80)
        return 0;
    /* (a letter, a digit or an apostrophe with bit 5 set is its norm byte) */
    __m128i pm = prefix_mask(k);
    __m128i w = _mm_and_si128(_mm_or_si128(x, _mm_set1_epi8(0x20)), pm);
    token_begin(cur, start);
    _mm_storeu_si128((__m128i *)(void *)(cur->norm + cur->len), w);
    unsigned bytes = (unsigned)_mm_movemask_epi8(pm) & ~(1u << len);
    flags |= mask_case_flags(bytes, (unsigned)_mm_movemask_epi8(ug) & bytes,
                             (unsigned)_mm_movemask_epi8(g) & bytes);
    token_end(cur, start + k, vec_word_hash(w, k), CLAIMS__TOK_WORD, flags);
    return start + k;
}
#endif

/* Whether the byte after "'s" that follows a word, b, ends a possessive
 * as plain_apos_word reads it: no letter (nor a non-ASCII byte, which
 * may begin one; plain_apos_word's). */
static CLAIMS__ALWAYS_INLINE bool run_poss_end(unsigned char b)
{
    return b < 0x80 && !claims__is_alpha(b);
}

/* The length of the possessive "'s" at s[k] (or "'S", or with U+2019
 * for the apostrophe) that plain_apos_word splits off the word before it,
 * when the byte after it is ASCII and no letter; else 0 (plain_apos_word
 * reads it). s[0, n) is the whole text. */
static inline size_t possessive_at(const char *s, size_t n, size_t k)
{
    size_t a = s[k] == '\'' ? 1 : e2_mark(s, n, k) == E2_RSQUO ? 3 : 0;
    if (!a || k + a + 1 >= n || (s[k + a] | 0x20) != 's')
        return 0;
    return run_poss_end((unsigned char)s[k + a + 1]) ? a + 1 : 0;
}

/* Whether a word ends before s[k], an apostrophe or a non-ASCII byte:
 * true before a dash or a quotation mark of e2_mark (other than U+2019,
 * an apostrophe); false when plain_apos_word (or scan_word) reads on. */
static inline bool word_ends(const char *s, size_t n, size_t k)
{
    unsigned char m = e2_mark(s, n, k);
    return m && m != E2_RSQUO;
}

/* A word of plain ASCII letters and digits starting with the letter at
 * s[start]: scanned, lower-cased and hashed straight into the norm buffer
 * in one pass of one table load a byte, and pushed. The bytes plain_run
 * reads never end with a letter or digit, so the scan stops within them
 * with no test of the bound; s[0, n) is the whole text. Returns the word's
 * end; a word that goes on with an apostrophe or a non-ASCII character is
 * plain_apos_word's (which returns 0 when it is scan_word's). */
static inline size_t plain_word(plain_cursor *cur, const char *s, size_t n, size_t start,
                                size_t lim16, uint16_t flags)
{
    token_begin(cur, start);
    char *d = cur->norm + cur->len; /* d[k - start]: the norm byte of s[k] */
#ifdef CLAIMS__SSE2
    if (start < lim16) {
        unsigned len, keep, updig;
        __m128i u, l, g, w;
        if (word16(s + start, d, &len, &keep, &updig, &u, &l, &g, &w)) {
            unsigned char stop = (unsigned char)s[start + len];
            size_t poss = 0; /* a possessive's length */
            if ((stop >= 0x80 || stop == '\'') && !word_ends(s, n, start + len)) {
                if (cur->tend - cur->t >= 2)
                    poss = possessive_at(s, n, start + len);
                if (!poss) {
                    size_t e = stop == '\'' ? plain_contraction(cur, s, n, start, len, flags) : 0;
                    return e ? e : plain_apos_word(cur, s, n, start, flags);
                }
            }
            /* Most words have no capital and no digit: one test. */
            if (updig)
                flags |= vec_case_flags(u, l, g, keep);
            token_end(cur, start + len, vec_word_hash(w, len), CLAIMS__TOK_WORD, flags);
            if (poss)
                push_possessive(cur, start + len, poss);
            return start + len + poss;
        }
    }
#else
    (void)lim16;
#endif
    unsigned seen = 0; /* the WB_* classes of its bytes */
    size_t k = start;
    for (;;) {
        unsigned v = word_byte_of[(unsigned char)s[k]];
        if (!v)
            break;
        d[k - start] = (char)v;
        seen |= v;
        k++;
    }
    unsigned char stop = (unsigned char)s[k];
    if ((stop >= 0x80 || stop == '\'') && !word_ends(s, n, k))
        return plain_apos_word(cur, s, n, start, flags);
    /* Most words have no capital and no digit: one test. */
    if (seen & (WB_UPPER | WB_DIGIT))
        flags |= word_case_flags(s, start, k, seen);
    token_end(cur, k, claims__word_hash(d, k - start), CLAIMS__TOK_WORD, flags);
    return k;
}

/* Notes token t, after a line break, on the list of line starts (once
 * for a run of breaks); false when the list is full (the general path
 * grows it). */
static CLAIMS__ALWAYS_INLINE bool run_note_line(plain_lists *pl, const claims__token *t)
{
    uint32_t at = (uint32_t)(t - pl->v);
    if (pl->line && at != pl->last_line) {
        if (pl->line == pl->line_end)
            return false;
        *pl->line++ = pl->last_line = at;
    }
    return true;
}

#ifdef CLAIMS__SSE2
/* The class and flags of a token as one 32-bit value, cls in the low
 * half: written by one store where the two fields lie so in memory. */
static inline void put_cls_flags(claims__token *t, uint32_t clsfl)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&t->cls, &clsfl, sizeof clsfl);
#else
    t->cls = (uint16_t)clsfl;
    t->flags = (uint16_t)(clsfl >> 16);
#endif
}

/* Ors the flags of put_cls_flags' clsfl into token t's. */
static inline void or_cls_flags(claims__token *t, uint32_t clsfl)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    memcpy(&v, &t->cls, sizeof v);
    v |= clsfl;
    memcpy(&t->cls, &v, sizeof v);
#else
    t->cls |= (uint16_t)clsfl;
    t->flags |= (uint16_t)(clsfl >> 16);
#endif
}

/* The flags of word_run's word, of letters only (as the high half of its
 * cls|flags), from its sixteen bytes x, the first of which are the word's
 * (pm: their prefix_mask): of its bytes, those not above `lower` (0x5F)
 * are its capitals. A capital first costs no branch (a word in five or so
 * has one, as good as at random for a branch; that bit is CAP), the rest
 * is only for a capital after it (rare). */
static CLAIMS__ALWAYS_INLINE uint32_t run_word_flags(__m128i x, __m128i pm, __m128i lower)
{
    unsigned caps = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpgt_epi8(x, lower), pm));
    if (__builtin_expect(caps <= 1, 1))
        return caps * ((uint32_t)CLAIMS__TF_CAP << 16);
    return (uint32_t)mask_case_flags((unsigned)_mm_movemask_epi8(pm), caps, 0) << 16;
}

/* Writes token t and its position p: the n bytes at s[at] whose norm
 * text, as long, the caller wrote at norm[len], with hash h and class
 * and flags clsfl (put_cls_flags'); word_run's marks and possessives. */
static CLAIMS__ALWAYS_INLINE void run_token(claims__token *t, claims__tok_pos *p, lex_first first,
                                            size_t len, size_t at, size_t n, uint32_t h,
                                            uint32_t clsfl)
{
    p->start = (uint32_t)at;
    p->end = (uint32_t)(at + n);
    t->norm = (uint32_t)len;
    put_hash(t, p, h, first, CLAIMS__LEX_FIRST_BITS - 1);
    put_cls_flags(t, clsfl);
}

/* Writes token t: the ASCII punctuation mark c at s[at], with its norm
 * byte at norm[len], after a word (no flags). */
static CLAIMS__ALWAYS_INLINE void run_punct(claims__token *t, claims__tok_pos *p, lex_first first,
                                            char *norm, size_t len, size_t at, unsigned char c)
{
    norm[len] = (char)c;
    run_token(t, p, first, len, at, 1, word_hash1[c], CLAIMS__TOK_PUNCT);
}

/* Whether the straight double quotation mark at s[at] (at < lim), right
 * after the punctuation mark c, is a closing one as plain_quote reads it,
 * with no test of a non-ASCII byte: after a mark other than '-' and '['
 * and before an ASCII byte. */
static CLAIMS__ALWAYS_INLINE bool run_quote_closes(const char *s, size_t at, size_t lim,
                                                   unsigned char c)
{
    return at + 1 < lim && (unsigned char)s[at + 1] < 0x80 && c != '-' && c != '[';
}

/* Writes token t: the closing straight double quotation mark at s[at]
 * (run_quote_closes), with its norm byte at norm[len]. */
static CLAIMS__ALWAYS_INLINE void run_close_quote(claims__token *t, claims__tok_pos *p,
                                                  lex_first first, char *norm, size_t len,
                                                  size_t at)
{
    norm[len] = '"';
    run_token(t, p, first, len, at, 1, word_hash1['"'],
              CLAIMS__TOK_QUOTE | (uint32_t)CLAIMS__TF_QUOTE_CLOSE << 16);
}

/* Writes token t: the possessive "'s" (or "'S") at s[at], split off the
 * word before it, with its norm bytes at norm[len], as plain_apos_word
 * writes it. */
static CLAIMS__ALWAYS_INLINE void run_possessive(claims__token *t, claims__tok_pos *p,
                                                 lex_first first, char *norm, size_t len, size_t at)
{
    norm[len] = '\'';
    norm[len + 1] = 's';
    run_token(t, p, first, len, at, 2, CLAIMS__HASH2('\'', 's'),
              CLAIMS__TOK_WORD | (uint32_t)CLAIMS__TF_POSSESSIVE << 16);
}

/* word_run's constants: what it adds to a byte and compares with to
 * tell the bytes that are no letter (with bit 5 set: no lower-case one;
 * run_bytes_out); bit 5, with which a letter is its norm byte; 0x5F,
 * above the capitals and below the lower-case letters. */
typedef struct run_consts {
    __m128i lo_add, letter_top, case_bit, lower;
} run_consts;

/* The bytes of x outside [lo, lo + n), given add = 128 - lo and
 * top = 128 + n - 1: claims__bytes_in's complement, whose compare
 * overwrites the sum, where claims__bytes_in's overwrites a copy of its
 * bound (SSE2 compares write their first operand). */
static CLAIMS__ALWAYS_INLINE __m128i run_bytes_out(__m128i x, __m128i add, __m128i top)
{
    return _mm_cmpgt_epi8(_mm_add_epi8(x, add), top);
}

static CLAIMS__ALWAYS_INLINE run_consts run_consts_make(void)
{
    run_consts k;
    k.lo_add = _mm_set1_epi8((char)(unsigned char)(128u - 'a'));
    k.letter_top = _mm_set1_epi8((char)(unsigned char)(128u + 25));
#if defined(__GNUC__)
    /* (a bound the compiler cannot see: gcc turned `sum > top` around
     * into `top + 1 > sum` and a compare with zero to negate it, an
     * instruction more a word) */
    __asm__("" : "+x"(k.letter_top));
#endif
    k.case_bit = _mm_set1_epi8(0x20);
    k.lower = _mm_set1_epi8(0x5F);
    return k;
}

/* Writes token t and its position p, the word of wl < 16 letters ending
 * at s[end], whose sixteen bytes are x (y: them with bit 5 set), with its
 * norm text at norm[len]: its class and flags, written at t already, with
 * its capitals or-ed in. */
static CLAIMS__ALWAYS_INLINE void run_word(claims__token *t, claims__tok_pos *p,
                                           const run_consts *k, lex_first first, char *norm,
                                           size_t len, size_t end, __m128i x, __m128i y, size_t wl)
{
    __m128i pm = prefix_mask((unsigned)wl);
    __m128i w = _mm_and_si128(y, pm);
    _mm_storeu_si128((__m128i *)(void *)(norm + len), w);
    p->end = (uint32_t)end;
    put_hash(t, p, stored_word_hash(w, norm + len, wl), first, CLAIMS__LEX_FIRST_BITS - 1);
    or_cls_flags(t, run_word_flags(x, pm, k->lower));
}

/* The class and flags (put_cls_flags') of a word after one space. */
enum { RUN_SPACED = CLAIMS__TOK_WORD | CLAIMS__TF_SPACE_BEFORE << 16 };

static CLAIMS__NOINLINE size_t plain_number(plain_cursor *cur, const char *s, size_t n,
                                            size_t start, bool vec, uint16_t flags);

/* Where word_run goes on after the word ending at the space s[sp] when
 * no word starts after it before lim: 0 (stop) but for a number there
 * ("killed 12 people", "in 2012 the"), the most common of its stops (a
 * stop and the call back cost more than the number): pushed as
 * plain_run pushes it (plain_number), at *t and *len;
 * then the start of a word after one space, if any before lim. (Given
 * lim for the text's end, where that tells it less plain_number leaves
 * the number to plain_run, which reads it again.) */
static CLAIMS__ALWAYS_INLINE size_t run_number(plain_cursor *cur, claims__token **t,
                                               claims__tok_pos **p, size_t *len, const char *s,
                                               size_t sp, size_t lim)
{
    if (sp + 1 >= lim || plain_byte[(unsigned char)s[sp + 1]] != PB_DIGIT)
        return 0;
    cur->t = *t;
    cur->p = *p;
    cur->len = *len;
    size_t ne = plain_number(cur, s, lim, sp + 1, true, CLAIMS__TF_SPACE_BEFORE);
    if (!ne)
        return 0;
    *t = cur->t;
    *p = cur->p;
    *len = cur->len;
    if (s[ne] != ' ' || ne + 1 >= lim || plain_byte[(unsigned char)s[ne + 1]] < PB_LOWER)
        return 0;
    return ne + 1;
}

/* Plain words each followed by one space or line break, or by a
 * punctuation mark and maybe one of these, and the next word ("in the city
 * of", "said, and", "said.\nThe"), the bulk of news text, in one loop
 * that keeps its state in registers (plain_run's dispatch costs about as
 * much as a word, and the compiler spills its state around it): the
 * word at s[start] (a letter, start < lim) and those after it that start
 * before lim, while each is letters that end within its sixteen bytes
 * before a byte that is no digit, no apostrophe and no non-ASCII byte (a
 * word with a digit is rare: no compare for digits). Returns the end of the last
 * token pushed, or 0 when the first word is none of these
 * (plain_word's). lim is at most plain_run's lim16, and no more
 * bytes past the first word's start than there is room for tokens; the
 * cursor has the lexicon's buckets (fmask CLAIMS__LEX_FIRST_BITS - 1).
 * pl is plain_run's lists; *other is set to the start of a word that is
 * plain_word's, where a call would come back at once. Each word's class
 * and flags are written on the way to it, its capitals or-ed in (no
 * register for them; a token's t[1] is in the block). Out of line:
 * inlined into plain_run, whose values took the registers, the norm
 * buffer, the buckets and lim were loaded from the stack on every word
 * (a call per run of about twenty words costs less). */
static CLAIMS__NOINLINE size_t word_run(plain_cursor *cur, const char *s, size_t start, size_t lim,
                                        uint16_t flags, plain_lists *pl, size_t *other)
{
    const run_consts k = run_consts_make();
    claims__token *t = cur->t, *const t0 = t;
    claims__tok_pos *p = cur->p;
    const lex_first first = cur->first;
    char *norm = cur->norm;
    size_t len = cur->len;
    put_cls_flags(t, CLAIMS__TOK_WORD | (uint32_t)flags << 16);
    for (;;) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + start));
        /* (apart: written together, the offsets are gathered first) */
        p->start = (uint32_t)start;
        t->norm = (uint32_t)len;
        /* (a letter with bit 5 set is a lower-case one: one compare) */
        __m128i y = _mm_or_si128(x, k.case_bit);
        unsigned off = (unsigned)_mm_movemask_epi8(run_bytes_out(y, k.lo_add, k.letter_top));
        /* (64 bits: no sign extension of the count; 16 for a word that
         * does not end within them, 0 for no letter) */
        size_t wl = (size_t)__builtin_ctzll(off | 0x10000u);
        if (__builtin_expect(!(wl & 15), 0)) {
            if (wl) {
                *other = start;
                break;
            }
            /* no letter: after a word and one space (the other ways here
             * test for a letter first, this one by the compare), where a
             * number may come first */
            if (!(start = run_number(cur, &t, &p, &len, s, start - 1, lim)))
                break;
            put_cls_flags(t, RUN_SPACED);
            continue;
        }
        size_t end = start + wl;
        /* written before its stop is tested, counted after: one test */
        run_word(t, p, &k, first, norm, len, end, x, y, wl);
        /* (read after the stores: not held through the hash, or spilled) */
        unsigned char stop = (unsigned char)s[end];
        put_cls_flags(t + 1, RUN_SPACED); /* (the other ways on write it over) */
        /* on to the next word after one space (maybe a number first:
         * run_number), or after a possessive and one space */
        if (__builtin_expect(stop == ' ', 1)) {
            t++;
            p++;
            len += wl;
            start = end + 1;
            if (__builtin_expect(start >= lim, 0))
                break;
            continue;
        }
        /* (an apostrophe goes on with the word but for a possessive "'s";
         * a digit does, read by plain_word) */
        if ((stop >= 0x80 || stop == '\'' || claims__is_digit(stop)) &&
            !(stop == '\'' && end + 1 < lim && (s[end + 1] | 0x20) == 's' &&
              run_poss_end((unsigned char)s[end + 2]))) {
            *other = start; /* plain_word's: the token written uncounted */
            break;
        }
        t++;
        p++;
        len += wl;
        if (stop == '\'') {
            run_possessive(t++, p++, first, norm, len, end);
            len += 2;
            end += 2;
            stop = (unsigned char)s[end];
            if (stop == ' ') {
                if (end + 1 >= lim || plain_byte[(unsigned char)s[end + 1]] < PB_LOWER)
                    break;
                start = end + 1;
                put_cls_flags(t, RUN_SPACED);
                continue;
            }
        }
        /* or after a punctuation mark ("city, and", "well-known"), pushed as
         * plain_run would (in the room: see lim), one that ends a sentence listed */
        unsigned pb = plain_byte[stop];
        if (pb == PB_PUNCT || pb == PB_TERM) {
            /* (an entry written for any mark: ',' or '.' is a coin toss) */
            if (end >= lim || pl->term == pl->term_end)
                break;
            *pl->term = (uint32_t)(t - pl->v);
            pl->term += pb == PB_TERM;
            run_punct(t++, p++, first, norm, len++, end, stop);
            start = end + 1;
            unsigned char next = (unsigned char)s[start];
            if (next == '"' && run_quote_closes(s, start, lim, stop)) {
                run_close_quote(t++, p++, first, norm, len++, start);
                next = (unsigned char)s[++start];
            }
            if (next != '\n') {
                /* a space after it taken without a branch, as the mark */
                unsigned sp = next == ' ';
                start += sp;
                if (start >= lim || plain_byte[(unsigned char)s[start]] < PB_LOWER)
                    break;
                put_cls_flags(t, CLAIMS__TOK_WORD | sp * ((uint32_t)CLAIMS__TF_SPACE_BEFORE << 16));
                continue;
            }
            end = start;
            pb = PB_NEWLINE;
        }
        /* or after a line break ("said.\nThe"), noted as plain_run notes it */
        if (pb != PB_NEWLINE)
            break;
        start = end + 1;
        if (start >= lim || plain_byte[(unsigned char)s[start]] < PB_LOWER)
            break;
        if (!run_note_line(pl, t))
            break;
        put_cls_flags(t, CLAIMS__TOK_WORD |
                             (uint32_t)(CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_LINE_BEFORE) << 16);
    }
    size_t e = t != t0 ? p[-1].end : 0; /* (no register for it in the loop) */
    cur->t = t;
    cur->p = p;
    cur->len = len;
    return e;
}
#endif

#ifdef CLAIMS__SSE2
/* The length of the number at p (p[0, 16) readable) as plain_number
 * reads it, if that is less than fifteen bytes: its digits, and ',' or
 * '.' before a digit; its bytes in *w, zeros after them. 15 or 16 when it
 * may go on past them (a ',' or '.' at p[15] is on it if p[16] is a
 * digit). */
static CLAIMS__ALWAYS_INLINE size_t vec_number(const char *p, __m128i *w)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i sep =
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')), _mm_cmpeq_epi8(x, _mm_set1_epi8('.')));
    unsigned dig = (unsigned)_mm_movemask_epi8(claims__bytes_in(x, '0', 10));
    unsigned on = dig | ((unsigned)_mm_movemask_epi8(sep) & dig >> 1);
    unsigned len = (unsigned)__builtin_ctz(~on); /* (bit 16 of ~on is set) */
    *w = _mm_and_si128(x, prefix_mask(len));
    return len;
}
#endif

/* A number of ASCII digits, with ',' or '.' between digits ("1,200",
 * "7.2"), starting at s[start], as number_end reads it: pushed, and its
 * end returned; 0 when the bytes plain_run reads (n of them, never ending
 * with a digit) do not tell where it ends, or a non-ASCII digit may go
 * on with it: the general path then reads it. vec: s[start, start + 16)
 * readable and their norm bytes in the room (a number read sixteen bytes
 * at once, no call for its hash). Out of line: inlined into word_run
 * (run_number), its registers cost the word loop more than the call
 * costs a number. */
static CLAIMS__NOINLINE size_t plain_number(plain_cursor *cur, const char *s, size_t n,
                                            size_t start, bool vec, uint16_t flags)
{
    token_begin(cur, start);
    char *d = cur->norm + cur->len; /* d[k - start]: the norm byte of s[k] */
#ifdef CLAIMS__SSE2
    if (vec) {
        __m128i w;
        size_t len = vec_number(s + start, &w), k = start + len;
        /* (within the n bytes and before an ASCII byte, where the loop
         * below would end it there too; else that loop's) */
        if (len < 15 && k + 1 < n && (unsigned char)s[k] < 0x80) {
            _mm_storeu_si128((__m128i *)(void *)d, w);
            token_end(cur, k, vec_word_hash(w, len), CLAIMS__TOK_NUMBER, flags);
            return k;
        }
    }
#else
    (void)vec;
#endif
    size_t k = start;
    for (;;) {
        while (claims__is_digit((unsigned char)s[k])) {
            d[k - start] = s[k];
            k++;
        }
        if (s[k] != ',' && s[k] != '.')
            break;
        if (k + 1 >= n)
            return 0;
        if (!claims__is_digit((unsigned char)s[k + 1]))
            break;
        d[k - start] = s[k];
        k++;
    }
    if ((unsigned char)s[k] >= 0x80)
        return 0;
    token_end(cur, k, claims__word_hash(d, k - start), CLAIMS__TOK_NUMBER, flags);
    return k;
}

/* Plain words, numbers, ASCII punctuation, single spaces and line breaks
 * from s[i] on, the bulk of news text, with the state in locals; stops at
 * anything else, or when the token room is full, and returns where.
 * *pending and *newlines are the flags of the next token and the line
 * breaks before it, as in tokenize_into. s[n - 1] is no letter or digit
 * (the caller leaves a word at the very end of the text to the general
 * path). The caller made sure the norm buffer has room for the rest of the
 * text (the plain path's norm text is as long as its source). */
static size_t plain_run(tokvec *tv, claims__buf *norm, const char *s, size_t n, size_t full_n,
                        size_t i, uint16_t *pending, unsigned *newlines)
{
    /* A word starting at s[k], k < lim16, may be read sixteen bytes at
     * once: they are in the text, and their norm bytes in the room. */
    size_t lim16 = full_n >= 16 ? full_n - 15 : 0;
    plain_cursor cur = {.t = tv->v + tv->n,
                        .tend = tv->v + tv->cap,
                        .p = tv->p + tv->n,
                        .norm = norm->data,
                        .len = norm->len,
                        .first = tv->first,
                        .fmask = tv->fmask};
    uint16_t flags = *pending;
    unsigned lines = *newlines;
    plain_lists pl = {.term = tv->terms ? tv->terms + tv->nterms : NULL,
                      .line = tv->lines ? tv->lines + tv->nlines : NULL,
                      .paren = tv->parens ? tv->parens + tv->nparens : NULL,
                      .term_end = tv->terms ? tv->terms + tv->terms_cap : NULL,
                      .paren_end = tv->parens ? tv->parens + tv->parens_cap : NULL,
                      .line_end = tv->lines ? tv->lines + tv->lines_cap : NULL,
                      .v = tv->v,
                      .last_line = tv->nlines ? tv->lines[tv->nlines - 1] : UINT32_MAX};
    /* One test a turn for the end of the text and of the token room: a
     * token takes a byte at least (a possessive, two tokens, three; it
     * tests the room itself), so with room for r tokens the bytes up to
     * i + r need no test of the room. */
    size_t lim = i;
#ifdef CLAIMS__SSE2
    size_t other = SIZE_MAX; /* see word_run */
#endif
    for (;;) {
        if (i >= lim) {
            size_t room = (size_t)(cur.tend - cur.t);
            if (i >= n || !room)
                break; /* (a word read on with an apostrophe may end past n) */
            lim = n - i < room ? n : i + room;
        }
        unsigned char c = (unsigned char)s[i];
        unsigned pb = plain_byte[c];
        size_t e;
        if (pb >= PB_LOWER) {
#ifdef CLAIMS__SSE2
            e = i < lim16 && cur.fmask && i != other
                    ? word_run(&cur, s, i, lim < lim16 ? lim : lim16, flags, &pl, &other)
                    : 0;
            if (!e)
#endif
                e = plain_word(&cur, s, full_n, i, lim16, flags);
        } else if ((1u << pb) & PB_MARKS) {
            /* (bit tests, most common first: a jump table's indirect jump
             * mispredicts most turns, the kinds of token coming at random) */
            if (pb != PB_PUNCT && pl.term) {
                uint32_t at = (uint32_t)(cur.t - pl.v);
                if (pb == PB_TERM) {
                    if (pl.term == pl.term_end)
                        break;
                    *pl.term++ = at;
                } else {
                    if (pl.paren == pl.paren_end)
                        break;
                    *pl.paren++ = at;
                }
            }
            token_begin(&cur, i);
            cur.norm[cur.len] = (char)c;
            token_end(&cur, i + 1, word_hash1[c], CLAIMS__TOK_PUNCT, flags);
            e = i + 1;
        } else if (pb == PB_QUOTE) {
            e = plain_quote(&cur, s, full_n, i, flags);
        } else if ((1u << pb) & ((1u << PB_SPACE) | (1u << PB_NEWLINE))) {
            if (pb == PB_NEWLINE) {
                if (!run_note_line(&pl, cur.t))
                    break;
                flags |= CLAIMS__TF_LINE_BEFORE;
                if (++lines >= 2)
                    flags |= CLAIMS__TF_BLANK;
            }
            flags |= CLAIMS__TF_SPACE_BEFORE;
            i++;
            continue;
        } else if (pb == PB_DIGIT) {
            e = plain_number(&cur, s, n, i, i < lim16, flags);
        } else if (pb == PB_E2) {
            unsigned char m = e2_mark(s, full_n, i);
            e = m ? plain_mark(&cur, s, full_n, i, m, flags) : 0;
        } else {
            break;
        }
        if (!e)
            break;
        i = e;
        flags = 0;
        lines = 0;
        /* most tokens end at one space: no trip through the dispatch */
        if (i < n && s[i] == ' ') {
            flags = CLAIMS__TF_SPACE_BEFORE;
            i++;
        }
    }
    tv->n = (size_t)(cur.t - tv->v);
    norm->len = cur.len;
    if (pl.term) {
        tv->nterms = (size_t)(pl.term - tv->terms);
        tv->nlines = (size_t)(pl.line - tv->lines);
        tv->nparens = (size_t)(pl.paren - tv->parens);
    }
    *pending = flags;
    *newlines = lines;
    return i;
}

/* The end of a number whose first digit ends before s[i]: digits, and
 * ',' or '.' between digits ("1,200", "7.2"). */
static inline size_t number_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        size_t j = i;
        int32_t d = claims__utf8_next_fast(s, n, &j);
        if (cp_digit(d)) {
            i = j;
        } else if ((d == ',' || d == '.') && j < n && claims__is_digit((unsigned char)s[j])) {
            i = j;
        } else {
            break;
        }
    }
    return i;
}

/* The flags of quotation mark cp at s[start..i): single or double, and
 * whether it opens or closes; straight marks by the spacing around them. */
/* Two single marks written for one double mark (''like this", ‘‘so’’):
 * one token, read as the double mark; the mark's code point. */
static int32_t doubled_single(const char *s, size_t n, size_t *i, int32_t cp)
{
    if ((cp != '\'' && cp != 0x2018 && cp != 0x2019) || peek_cp(s, n, *i) != cp)
        return cp;
    size_t j = *i;
    claims__utf8_next_fast(s, n, &j);
    *i = j;
    return cp == '\'' ? '"' : cp == 0x2018 ? 0x201C : 0x201D;
}

static uint16_t quote_flags(const char *s, size_t n, size_t start, size_t i, int32_t cp)
{
    uint16_t flags = 0;
    if (is_single_quote_cp(cp))
        flags |= CLAIMS__TF_QUOTE_SINGLE;
    if (cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x2039 || cp == 0x201E ||
        cp == 0x201A) {
        flags |= CLAIMS__TF_QUOTE_OPEN;
    } else if (cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A) {
        flags |= CLAIMS__TF_QUOTE_CLOSE;
    } else {
        /* Straight marks: guess from the spacing around them. */
        int32_t before = start > 0 ? prev_cp(s, start) : ' ';
        int32_t after = i < n ? peek_cp(s, n, i) : ' ';
        bool open_ctx = cp_space(before) || before == '(' || before == '[' || before == '-' ||
                        before == 0x2014 || is_quote_cp(before) || before == 0xFEFF;
        bool space_after = after == -1 || cp_space(after);
        if (open_ctx && !space_after)
            flags |= CLAIMS__TF_QUOTE_OPEN;
        else if (!open_ctx)
            flags |= CLAIMS__TF_QUOTE_CLOSE;
    }
    return flags;
}

static claims_status tokenize_into(const char *s, size_t n, tokvec *tv, claims__buf *norm)
{
    /* The plain path reads s[0, plain_n): without the letters and digits
     * that end the text, its word scans need no test of the bound. */
    size_t plain_n = n;
    while (plain_n > 0 && plain_word_byte((unsigned char)s[plain_n - 1]))
        plain_n--;
    size_t i = 0;
    uint16_t pending = CLAIMS__TF_SPACE_BEFORE;
    unsigned newlines = 0;
    while (i < n) {
        size_t start = i;
        unsigned char c = (unsigned char)s[i];
        /* The common cases first: the plain path. */
        if (plain_byte[c] >= PB_SPACE && i < plain_n && norm->cap - norm->len > n - i) {
            size_t e = plain_run(tv, norm, s, plain_n, n, i, &pending, &newlines);
            if (e != i) {
                i = e;
                continue;
            }
        }
        int32_t cp;
        if (take_space(s, n, &i, &cp, &pending, &newlines)) {
            if ((pending & CLAIMS__TF_LINE_BEFORE) && !note_line(tv))
                return CLAIMS_ERR_NOMEM;
            continue;
        }
        newlines = 0;
        uint16_t flags = pending;
        pending = 0;
        uint16_t cls;
        if (cp_letter(cp)) {
            if (scan_word(tv, norm, s, n, start, cp, &i, flags) != CLAIMS_OK)
                return CLAIMS_ERR_NOMEM;
            continue;
        } else if (cp_digit(cp)) {
            cls = CLAIMS__TOK_NUMBER;
            i = number_end(s, n, i);
        } else if (is_quote_cp(cp)) {
            cls = CLAIMS__TOK_QUOTE;
            cp = doubled_single(s, n, &i, cp);
            flags |= quote_flags(s, n, start, i, cp);
        } else {
            cls = CLAIMS__TOK_PUNCT;
        }
        if (!push_tok(tv, norm, s, start, i, cls, flags))
            return CLAIMS_ERR_NOMEM;
        const claims__token *t = &tv->v[tv->n - 1];
        size_t tlen = norm->len - t->norm; /* (the last token: none after it yet) */
        if (cls == CLAIMS__TOK_PUNCT && tv->terms && terminal_norm(norm->data + t->norm, tlen)) {
            if (!claims__grow(tv->a, (void **)&tv->terms, &tv->terms_cap, tv->nterms + 1,
                              sizeof *tv->terms))
                return CLAIMS_ERR_NOMEM;
            tv->terms[tv->nterms++] = (uint32_t)(tv->n - 1);
        }
        if (cls == CLAIMS__TOK_PUNCT && tv->parens && tlen == 1 && norm->data[t->norm] == '(') {
            if (!claims__grow(tv->a, (void **)&tv->parens, &tv->parens_cap, tv->nparens + 1,
                              sizeof *tv->parens))
                return CLAIMS_ERR_NOMEM;
            tv->parens[tv->nparens++] = (uint32_t)(tv->n - 1);
        }
    }
    /* The fast paths leave the norm text unterminated (they make sure of
     * room for the terminator). */
    if (norm->data)
        norm->data[norm->len] = 0;
    if (!tv_reserve(tv, tv->n))
        return CLAIMS_ERR_NOMEM;
    tv_seal(tv, norm->len);
    return CLAIMS_OK;
}

/* Room in nb for 16 bytes past its text and terminator (claims__article
 * .norm): lexicon lookups compare a token's norm text 16 bytes at once,
 * with no test of where the buffer ends. False on OOM. */
static bool norm_pad(const claims_allocator *a, claims__buf *nb)
{
    return claims__grow(a, (void **)&nb->data, &nb->cap, nb->len + 16, 1);
}

claims_status claims__tokenize(const claims_allocator *a, const char *s, size_t n,
                               claims__token **toks, claims__tok_pos **pos, size_t *ntoks,
                               char **norm, size_t *norm_len)
{
    tokvec tv = {.a = a, .first = {every_section_index, &every_section}, .fmask = 0};
    claims__buf nb;
    claims__buf_init(&nb, a);
    claims_status st = tokenize_into(s, n, &tv, &nb);
    if (st == CLAIMS_OK && !nb.data) {
        /* Always hand back a NUL-terminated buffer, even for no tokens. */
        if (claims__buf_putc(&nb, 0))
            nb.len = 0;
        else
            st = CLAIMS_ERR_NOMEM;
    }
    if (st == CLAIMS_OK && !norm_pad(a, &nb))
        st = CLAIMS_ERR_NOMEM;
    if (st != CLAIMS_OK) {
        claims__free(a, tv.v);
        claims__buf_free(&nb);
        return st;
    }
    for (size_t k = 0; k < tv.n; k++) {
        /* (LEX_PAIR: every lexmask bit is set, no lookup is let through
           untested) */
        tv.v[k].flags = (uint16_t)((tv.v[k].flags & ~CLAIMS__TF_BLANK) | CLAIMS__TF_LEX_PAIR);
        tv.p[k].sentence = 0; /* the plain path leaves it to claims__segment */
    }
    *toks = tv.v;
    *pos = tv.p;
    *ntoks = tv.n;
    *norm = nb.data;
    *norm_len = nb.len;
    return CLAIMS_OK;
}

/* Puts the sentinel UINT32_MAX, past any token, after the n entries of
 * list *v (not counted in n): claims__segment's scans of the lists need
 * no test of their ends. False on OOM. */
static bool end_list(const claims_allocator *a, uint32_t **v, size_t *cap, size_t n)
{
    if (!claims__grow(a, (void **)v, cap, n + 1, sizeof **v))
        return false;
    (*v)[n] = UINT32_MAX;
    return true;
}

claims_status claims__tokenize_article(const claims_allocator *a, const claims__lex_tables *lex,
                                       claims__article *art, claims__seg_scratch *scr)
{
    tokvec tv = {.a = a,
                 .v = scr->toks,
                 .p = scr->pos,
                 .cap = scr->toks_cap,
                 .first = {lex->bucket_index, lex->bucket_values},
                 .fmask = CLAIMS__LEX_FIRST_BITS - 1,
                 .terms = scr->terms,
                 .lines = scr->lines,
                 .parens = scr->parens,
                 .terms_cap = scr->terms_cap,
                 .lines_cap = scr->lines_cap,
                 .parens_cap = scr->parens_cap};
    claims__buf nb;
    claims__buf_init(&nb, a);
    nb.data = scr->norm;
    nb.cap = scr->norm_cap;
    size_t from = art->win_end ? art->win_start : 0;
    size_t n = (art->win_end ? art->win_end : art->len) - from;
    /* News text averages about one token per five bytes. */
    claims_status st = CLAIMS_ERR_NOMEM;
    if (tv_reserve(&tv, n / 5 + 16) &&
        claims__grow(a, (void **)&tv.terms, &tv.terms_cap, n / 64 + 16, sizeof *tv.terms) &&
        claims__grow(a, (void **)&tv.lines, &tv.lines_cap, n / 64 + 16, sizeof *tv.lines) &&
        claims__grow(a, (void **)&tv.parens, &tv.parens_cap, n / 256 + 16, sizeof *tv.parens) &&
        claims__grow(a, (void **)&nb.data, &nb.cap, n + 16, 1)) {
        st = tokenize_into(art->text + from, n, &tv, &nb);
        if (from)
            for (size_t k = 0; k < tv.n; k++) {
                tv.p[k].start += (uint32_t)from;
                tv.p[k].end += (uint32_t)from;
            }
        if (st == CLAIMS_OK && !(claims__buf_putc(&nb, 0) && norm_pad(a, &nb)))
            st = CLAIMS_ERR_NOMEM;
        if (st == CLAIMS_OK && !(end_list(a, &tv.terms, &tv.terms_cap, tv.nterms) &&
                                 end_list(a, &tv.lines, &tv.lines_cap, tv.nlines) &&
                                 end_list(a, &tv.parens, &tv.parens_cap, tv.nparens)))
            st = CLAIMS_ERR_NOMEM;
    }
    scr->toks = tv.v;
    scr->pos = tv.p;
    scr->toks_cap = tv.cap;
    scr->terms = tv.terms;
    scr->terms_cap = tv.terms_cap;
    scr->lines = tv.lines;
    scr->lines_cap = tv.lines_cap;
    scr->nterms = tv.nterms;
    scr->nlines = tv.nlines;
    scr->parens = tv.parens;
    scr->parens_cap = tv.parens_cap;
    scr->nparens = tv.nparens;
    scr->norm = nb.data;
    scr->norm_cap = nb.cap;
    art->toks = tv.v;
    art->pos = tv.p;
    art->ntoks = (uint32_t)tv.n;
    art->norm = nb.data;
    art->norm_len = nb.len ? (uint32_t)(nb.len - 1) : 0;
    return st;
}
