/*
 * base/base.h - the bottom layer: memory, UTF-8, the lexicon, tokens and
 * sentences, the calendar, and the store of articles, claims and findings.
 * Never installed. Files under base/ include only this header (and the
 * public claims.h); every upper layer includes it.
 *
 * Layers (a folder includes only headers of folders below it):
 *   base/ -> extract/ -> compare/ -> report/ -> story.c (API and driver)
 * Internal functions shared across files are named claims__name.
 */
#ifndef CLAIMS_BASE_H
#define CLAIMS_BASE_H

#define CLAIMS_BUILDING 1
#include "claims.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Sixteen bytes a step where the machine has SSE2 (every x86-64) and the
 * compiler GNU builtins (__builtin_ctz); the byte loops elsewhere. */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CLAIMS__SSE2 1
/* 0xFF where a byte of x is in [lo, lo + n), else 0: the bytes moved by
 * 128 - lo, so that the range starts at -128, and compared signed. */
static inline __m128i claims__bytes_in(__m128i x, unsigned char lo, unsigned char n)
{
    return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(unsigned char)(128u - lo))),
                          _mm_set1_epi8((char)(unsigned char)(128u + n)));
}
#endif

/* A function kept out of line, where the compiler can be told: the rare
 * path of a hot function, whose inlining would cost the common path. */
#if defined(__GNUC__)
#define CLAIMS__NOINLINE __attribute__((noinline))
#else
#define CLAIMS__NOINLINE
#endif

/* A function inlined even where the compiler would not: a hot path's
 * small steps, each called from a few places, whose out-of-line copies
 * cost more in calls (and registers saved) than their tests. */
#if defined(__GNUC__)
#define CLAIMS__ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define CLAIMS__ALWAYS_INLINE inline
#endif

/* ------------------------------------------------------------ mem.c */

void *claims__malloc(const claims_allocator *a, size_t n);
void *claims__realloc(const claims_allocator *a, void *p, size_t n);
/* Frees p (NULL: nothing, without a call: most of the blocks an
 * article may need it never allocates). */
void claims__free_block(const claims_allocator *a, void *p);
static inline void claims__free(const claims_allocator *a, void *p)
{
    if (p)
        claims__free_block(a, p);
}

/* claims__grow when *data must grow (need > *cap). */
bool claims__grow_to(const claims_allocator *a, void **data, size_t *cap, size_t need, size_t elem);
/* Grows *data (elements of `elem` bytes, capacity *cap) to hold `need`.
 * Returns false on overflow or OOM (the old block is kept). The test is
 * inline: most calls (one a claim, a token, a draft) find room. */
static inline bool claims__grow(const claims_allocator *a, void **data, size_t *cap, size_t need,
                                size_t elem)
{
    return need <= *cap || claims__grow_to(a, data, cap, need, elem);
}
/* Gives back the room of a grown array beyond its n elements (of elem
 * bytes), once it grows no more: growth by doubling leaves up to half of
 * it unused. Nothing changes when the allocator can't. */
void claims__shrink(const claims_allocator *a, void **data, size_t *cap, size_t n, size_t elem);

/* A bump arena: many small allocations released at once. */
typedef struct claims__arena_block claims__arena_block;
typedef struct claims__arena {
    const claims_allocator *alloc;
    claims__arena_block *head;
    size_t held; /* bytes of the blocks it holds for small allocations */
} claims__arena;

void claims__arena_init(claims__arena *ar, const claims_allocator *alloc);
/* 8-byte aligned, zeroed memory; NULL on OOM. */
void *claims__arena_alloc(claims__arena *ar, size_t n);
/* A block of an arena: its header, then its bytes from
 * CLAIMS__ARENA_HEADER on, 8-aligned. */
struct claims__arena_block {
    claims__arena_block *next;
    size_t used, size;
    bool apart; /* one big allocation's own block (mem.c) */
};
#define CLAIMS__ARENA_HEADER ((sizeof(claims__arena_block) + 7) & ~(size_t)7)
/* A new block for n bytes (a multiple of 8), and them from it (mem.c). */
void *claims__arena_alloc_block(claims__arena *ar, size_t n);
/* The same, not zeroed: for memory its caller writes whole (a struct
 * assigned at once, a copy), where zeroing first was a memset call. The
 * bump inline (a claim, its draft frame, each new string: a call was
 * as long as the bump). */
static inline void *claims__arena_alloc_raw(claims__arena *ar, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    claims__arena_block *b = ar->head;
    if (!b || b->size - b->used < n)
        return claims__arena_alloc_block(ar, n);
    void *p = (char *)b + CLAIMS__ARENA_HEADER + b->used;
    b->used += n;
    return p;
}
/* Gives back the n bytes at p when they were the last allocation of the
 * arena's newest block (a buffer sized for the worst case that was not
 * used after all); otherwise nothing. */
static inline void claims__arena_give_back(claims__arena *ar, const void *p, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    claims__arena_block *b = ar->head;
    if (b && b->used >= n &&
        (const char *)p + n == (const char *)b + CLAIMS__ARENA_HEADER + b->used)
        b->used -= n;
}
/* Copies n bytes and a terminating NUL; NULL on OOM. */
char *claims__arena_strndup(claims__arena *ar, const char *s, size_t n);
void claims__arena_release(claims__arena *ar);
/* Releases all but one block, kept empty for what comes next: an arena
 * filled and emptied over and over (a window's drafts) mallocs once. */
void claims__arena_clear(claims__arena *ar);

/* A growable byte buffer. After a failed append `failed` is set and later
 * appends are no-ops, so a writer may check once at the end. */
typedef struct claims__buf {
    char *data;
    size_t len, cap;
    const claims_allocator *alloc;
    bool failed;
} claims__buf;

void claims__buf_init(claims__buf *b, const claims_allocator *a);
bool claims__buf_put(claims__buf *b, const char *s, size_t n);
bool claims__buf_puts(claims__buf *b, const char *s);
bool claims__buf_putc(claims__buf *b, char c);
/* Decimal integer, locale-independent. */
bool claims__buf_put_int(claims__buf *b, long long v);
/* A double in the shortest of: integer form when integral and below 1e15,
 * else up to 6 decimals with trailing zeros trimmed. Locale-independent;
 * the same value always prints the same bytes. */
bool claims__buf_put_num(claims__buf *b, double v);
void claims__buf_free(claims__buf *b);

/* Locale-independent ASCII helpers (no <ctype.h> in the library). */
static inline bool claims__is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool claims__is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool claims__is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool claims__is_alpha(int c) { return claims__is_upper(c) || claims__is_lower(c); }
static inline bool claims__is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline int claims__to_lower(int c) { return claims__is_upper(c) ? c + 32 : c; }

/* Copies p[0..n) to d: most strings copied (key parts, new strings of
 * the string table) are a word or two, up to 16 bytes by two loads of 8
 * (or 4, or single bytes) that may overlap and read nothing past p's end,
 * where memcpy was a call; longer ones by memcpy. */
static inline void claims__copy_short(char *d, const char *p, size_t n)
{
    if (n > 16) {
        memcpy(d, p, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, p, 8);
        memcpy(&b, p + n - 8, 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else if (n) {
        /* 1 to 3 bytes: the first, middle and last cover them all */
        char a = p[0], b = p[n / 2], c = p[n - 1];
        d[0] = a;
        d[n / 2] = b;
        d[n - 1] = c;
    }
}

/* Whether a[0..n) and b[0..n) are the same bytes: a word or two at a time
 * (overlapping loads cover any length from 4 up). Words, names and keys
 * are a few bytes long, where memcmp's call and its setup would cost more
 * than the compare. */
static inline bool claims__same_bytes(const char *a, const char *b, size_t n)
{
#ifdef CLAIMS__SSE2
    /* sixteen at a time where long (a quote met again: a copy compared to
     * its end), the last sixteen maybe overlapping the ones before */
    if (n >= 16) {
        for (size_t q = 0; q + 16 < n; q += 16)
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(
                    _mm_loadu_si128((const __m128i *)(const void *)(a + q)),
                    _mm_loadu_si128((const __m128i *)(const void *)(b + q)))) != 0xffff)
                return false;
        return _mm_movemask_epi8(_mm_cmpeq_epi8(
                   _mm_loadu_si128((const __m128i *)(const void *)(a + n - 16)),
                   _mm_loadu_si128((const __m128i *)(const void *)(b + n - 16)))) == 0xffff;
    }
#endif
    if (n >= 8) {
        uint64_t x, y;
        for (size_t q = 0; q + 8 < n; q += 8) {
            memcpy(&x, a + q, 8);
            memcpy(&y, b + q, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, a, 4);
        memcpy(&y0, b, 4);
        memcpy(&x1, a + n - 4, 4);
        memcpy(&y1, b + n - 4, 4);
        /* or-ed differences, one test: most compares are of bytes that
           match (hash and length did), and two tests mispredicted apart */
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    /* 0 to 3 bytes: the first, middle and last cover them all. */
    if (n == 0)
        return true;
    return ((unsigned char)(a[0] ^ b[0]) | (unsigned char)(a[n / 2] ^ b[n / 2]) |
            (unsigned char)(a[n - 1] ^ b[n - 1])) == 0;
}

/* Parses an unsigned decimal with optional ',' thousands groups and one
 * '.' fraction ("1,200", "7.2"), locale-independent. Returns false when
 * the bytes are not such a number. */
bool claims__parse_decimal(const char *s, size_t n, double *out);

/* FNV-1a over bytes, continuing from `h` (start with CLAIMS__HASH_INIT). */
#define CLAIMS__HASH_INIT 2166136261u
uint32_t claims__hash(uint32_t h, const char *s, size_t n);

/* ----------------------------------------------------------- sort.c */

/* Sorts a[0..n) ascending in place, with no allocation (unlike glibc's
 * qsort, a merge sort that mallocs a copy of the array). Not stable:
 * equal keys are indistinguishable anyway. */
void claims__sort_u64(uint64_t *a, size_t n);

/* ----------------------------------------------------------- utf8.c */

/* Checks that s[0..n) is well-formed UTF-8 with no NUL byte. On failure
 * returns CLAIMS_ERR_INVALID_UTF8 or CLAIMS_ERR_NUL_BYTE and sets *offset
 * to the first bad byte. */
claims_status claims__utf8_validate(const char *s, size_t n, size_t *offset);

/* Decodes the code point at s[*i] (text already validated), advancing *i. */
int32_t claims__utf8_next(const char *s, size_t n, size_t *i);

/* claims__utf8_next with its ASCII case inline, for hot loops. */
static inline int32_t claims__utf8_next_fast(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return (int32_t)c;
    }
    return claims__utf8_next(s, n, i);
}

/* Unicode letter / uppercase letter / number, for code points >= 0x80. */
bool claims__cp_is_letter(int32_t cp);
bool claims__cp_is_upper(int32_t cp);
bool claims__cp_is_digit(int32_t cp);
bool claims__cp_is_space(int32_t cp); /* Unicode spaces incl. NBSP */

/* Normalizes s[0..n) for matching and appends it to out: NFKC, case fold,
 * curly quotes to straight, dashes to '-', no-break spaces to ' '. ASCII
 * input takes a fast path (lower-casing only). Returns false on OOM. */
bool claims__norm_append(claims__buf *out, const char *s, size_t n);

/* ---------------------------------------------------------- words.c */

/* Appends s[0..n), normalized already (a token's norm text, which
 * claims__norm_append made of its bytes), with its Latin accents folded to
 * their base letters ("péres" -> "peres"). False on OOM. */
bool claims__fold_norm_append(claims__buf *out, const char *s, size_t n);

/* One word of a normalized string (words separated by spaces). */
typedef struct claims__word {
    const char *p;
    uint32_t len, hash; /* hash: claims__hash of the word */
} claims__word;

/* Splits normalized words (separated by spaces) of s into *w (capacity
 * *cap, grown with al), *n words, each with its claims__hash when `hash`
 * (else 0: a caller that hashes runs of words). False on OOM. */
bool claims__words_split(const claims_allocator *al, const char *s, bool hash, claims__word **w,
                         size_t *cap, size_t *n);

/* True when the words of `in` (not empty) are a contiguous run of the
 * words of `out`. Both are normalized strings, words separated by one space. */
bool claims__words_within(const char *in, const char *out);

/* Largest LCS table (cells) aligned exactly when comparing quotes and
 * marking their words in HTML; and the larger one people resolution
 * affords when it measures the overlap of two quotes. Beyond the limit
 * the middles (after the common prefix and suffix) are not aligned: all
 * their words are marked. */
enum { CLAIMS__ALIGN_CELLS = 1 << 18, CLAIMS__ALIGN_CELLS_WIDE = 4000000 };

/* Edits a diff names before it ends in "; ...". */
enum { CLAIMS__DIFF_MAX_EDITS = 4 };

/* Two normalized strings split into words and aligned by a longest common
 * subsequence over words. Init once, align any number of pairs (buffers
 * are reused), free once. After claims__wordpair_align: a[0..na) and
 * b[0..nb) are the words, ma[k] / mb[k] is 1 when word k is outside the
 * common subsequence, common its length. */
typedef struct claims__wordpair {
    const claims_allocator *al;
    claims__word *a, *b;
    size_t na, nb;
    uint8_t *ma, *mb;
    size_t common;
    size_t acap, bcap, macap, mbcap, dpcap;
    uint32_t *dp;
    /* claims__wordpair_count: a's string when a holds its words (NULL:
     * none), and the bit rows of its word classes */
    const char *a_src;
    uint64_t *bits;
    size_t bitscap;
} claims__wordpair;

void claims__wordpair_init(claims__wordpair *wp, const claims_allocator *al);
void claims__wordpair_free(claims__wordpair *wp);
/* Aligns a and b (NULL is empty). Ties drop a's word first. Tables
 * larger than max_cells ((n + 1) * (m + 1) over the middles) are not
 * aligned. False on OOM. */
bool claims__wordpair_align(claims__wordpair *wp, const char *a, const char *b,
                            size_t max_cells);
/* Counts the words a and b (NULL is empty) have in common as
 * claims__wordpair_align does (wp->common, with the words in wp->a and
 * wp->b), but marks none: for claims__wordpair_overlap alone. Called
 * again with the same a (the same pointer, its bytes unchanged), a's
 * words are not split again. False on OOM. */
bool claims__wordpair_count(claims__wordpair *wp, const char *a, const char *b, size_t max_cells);
/* Splits a (NULL is empty) into wp->a and wp->na, with hashes, as
 * claims__wordpair_count does, which then keeps them while a stays the
 * same pointer. False on OOM. */
bool claims__wordpair_set_a(claims__wordpair *wp, const char *a);
/* Common words divided by the shorter side's word count, in [0, 1]; 0
 * when either side has no word. */
double claims__wordpair_overlap(const claims__wordpair *wp);
/* Appends the word difference of an aligned pair to d: "have -> has",
 * "+word", "-word" joined by "; ", at most CLAIMS__DIFF_MAX_EDITS edits
 * then "; ...". Words only one side has at the very start or end (a
 * rendering cut short) are not edits. Nothing when none differ. */
void claims__wordpair_diff(const claims__wordpair *wp, claims__buf *d);

/* --------------------------------------------------------- lexicon.c */

/* Sections of the lexicon files (data/ lexicon files). */
/* The sections of the lexicon files, declared once: X(ENUM, "name") gives
 * the enum below and lexicon.c's table of names (data/README.md lists
 * them for a newsroom). */
#define CLAIMS__LEX_SECTIONS(X)                                                            \
    X(NUMBER, "number")                 /* one = 1 */                                      \
    X(SCALE, "scale")                   /* million = 1000000 */                            \
    X(ORDINAL, "ordinal")               /* first = 1 (ranks, never counts) */              \
    X(VAGUE, "vague")                   /* dozens = 24..144 style bounds */                \
    X(OPERATOR, "operator")             /* "more than" = gt */                             \
    X(UNKNOWN_AMOUNT, "unknown_amount") /* "an unspecified number of" */                   \
    X(UNIT, "unit")                     /* km = km */                                      \
    X(CURRENCY, "currency")             /* dollars = USD */                                \
    X(CONCEPT, "concept")               /* drone = uav, pilotless aircraft, ... */         \
    X(ACTION, "action")                 /* buy = bought, purchased, ... */                 \
    X(MONTH, "month")                   /* 9 = september, sept, sep */                     \
    X(WEEKDAY, "weekday")               /* 1 = monday (ISO: Monday 1 .. Sunday 7) */       \
    X(RELATIVE_DAY, "relative_day")     /* -1 = yesterday */                               \
    X(EVENT, "event")                   /* war = war, conflict; purchase = ... */          \
    X(SPEECH_VERB, "speech_verb")       /* say = said, says, told, added */                \
    X(TITLE, "title")                   /* minister = defense minister, gen., ... */       \
    X(NOMINAL, "nominal")               /* source = source, official, spokesman */         \
    X(ABBREVIATION, "abbreviation")     /* words whose "." does not end a sentence */      \
    X(DESIGNATOR, "designator")         /* model-name prefixes: f, su, mig, s, p */        \
    X(FURNITURE, "furniture")           /* "photo credit", "contributed to this report" */ \
    X(CONTEXT, "context")               /* scope, holder, part words: "among", "another" */\
    X(BACKGROUND, "background")         /* another, earlier event: "previous" */           \
    X(UNIT_SCALE, "unit_scale")         /* ft = 0.3048: a unit in its quantity's base */   \
    X(PARTICIPLE, "participle")         /* bought = buy: an action's word in a heading */  \
    X(PLURAL, "plural")                 /* people = person: a plural in a heading */       \
    X(WORD_CLASS, "word_class")         /* _det = the, a; _stop, _clause, _pron, _filler, _kin */\
    X(ACTION_WORD, "action_word")       /* _aux = was, were; _change, _worth, _toll:kill */\
    X(TIME_WORD, "time_word")           /* prep = on, until; det, link, stamp, zone ... */\
    X(BROADER, "broader")               /* person = worker, climber: a thing's kind */

#define CLAIMS__LEX_ENUM(name, text) CLAIMS__LEX_##name,
typedef enum claims__lex_section {
    CLAIMS__LEX_SECTIONS(CLAIMS__LEX_ENUM) CLAIMS__LEX_SECTION_COUNT
} claims__lex_section;
#undef CLAIMS__LEX_ENUM

/* The entry values the extractors' grammar tests for ("poll", "det",
 * "_aux", "credit"), declared once: X(NAME, "value") gives the code
 * CLAIMS__LV_NAME. Every entry carries the code of its value (0,
 * CLAIMS__LV_NONE, for any other value), resolved when the entry is made
 * (so also for the built-in tables, made by the same loader at build time,
 * and for a newsroom's files loaded at run time): a test is one compare of
 * small integers instead of a strcmp. A code says nothing about the
 * section: the same value in two sections has the same code, and a test
 * looks the entry up in the section it means, as before. */
/* clang-format off */
#define CLAIMS__LEX_VALUES(X)                                                              \
    /* context.lex roles */                                                                \
    X(POLL, "poll") X(HEDGE, "hedge") X(SCOPE, "scope") X(RATE, "rate")                    \
    X(DIRECTION, "direction") X(HOLDER_VERB, "holder_verb") X(PART_AFTER, "part:after")    \
    X(PART_SEVERITY, "part:severity") X(PART_SUBSET, "part:subset")                        \
    X(PART_INCREMENT, "part:increment")                                                    \
    /* time_word */                                                                        \
    X(FUTURE, "future")                                                                    \
    /* furniture and abbreviations (segment.c) */                                          \
    X(ABBR, "abbr") X(RELATED, "related") X(PAGE, "page") X(BYLINE, "byline")              \
    X(CREDIT, "credit") X(REPORT, "report")                                                \
    /* nominal classes (quotes.c) */                                                       \
    X(DET, "det") X(PREP, "prep") X(HE, "he") X(IT, "it") X(THEY, "they")                  \
    X(ADVERB, "adverb") X(AUX, "aux") X(FUNC, "func") X(APREP, "aprep") X(WHEN, "when")    \
    X(SUBJ, "subj") X(OBJ, "obj") X(OBJECT, "object") X(SOURCE, "source")                  \
    X(COUNTERPART, "counterpart") X(ORGANIZATION, "organization")                          \
    X(STATEMENT, "statement") X(ORGTAIL, "orgtail")                                        \
    /* speech verb classes */                                                              \
    X(SAY, "say") X(TELL, "tell") X(SAYING, "saying") X(ACCORDING, "according")            \
    X(QUOTE, "quote")                                                                      \
    /* word classes and action words (numbers.c) */                                        \
    X(W_DET, "_det") X(W_AUX, "_aux") X(W_CLAUSE, "_clause") X(W_PRON, "_pron")            \
    X(W_STOP, "_stop") X(W_KIN, "_kin") X(W_STREET, "_street") X(W_FILLER, "_filler")      \
    X(W_CHANGE, "_change") X(W_WORTH, "_worth") X(W_WEIGH, "_weigh")                       \
    X(W_PHONE, "_phone") X(W_AGE_AT, "_age_at") X(W_ADJECTIVE, "_adjective")               \
    /* concepts and operators (numbers.c) */                                               \
    X(PERSON, "person") X(GT, "gt") X(GE, "ge") X(LT, "lt") X(LE, "le") X(ABOUT, "about")  \
    X(NEAR, "near") X(RATIO, "ratio") X(BETWEEN, "between") X(FROM, "from")                \
    X(AND, "and") X(TO, "to") X(MODEL, "model") X(LABEL, "label") X(SUFFIX, "suffix")
/* clang-format on */

#define CLAIMS__LV_ENUM(name, text) CLAIMS__LV_##name,
typedef enum claims__lex_value {
    CLAIMS__LV_NONE = 0,
    CLAIMS__LEX_VALUES(CLAIMS__LV_ENUM) CLAIMS__LV_COUNT
} claims__lex_value;
#undef CLAIMS__LV_ENUM

/* The code of an entry value (CLAIMS__LV_NONE when it is none of
 * CLAIMS__LEX_VALUES). */
claims__lex_value claims__lex_value_code(const char *value, size_t len);

/* One phrase of a section, mapped to its canonical value. */
typedef struct claims__lex_entry {
    double num;         /* value as a number when it parses as one, else 0 */
    /* Where its value (the canonical value as written in the file, a C
     * string: claims__lex_text) is, in bytes from the entry itself, not a
     * pointer: the built-in table's entries and values are one constant
     * object, so a process that loads the library relocates none of its
     * hundreds of entries (a pointer each was a relocation, and the table's
     * four pages copied on write, at every start of `claims`). */
    int64_t value_at;
    bool has_num;
    uint8_t section;
    uint8_t ntok;       /* tokens in the phrase */
    uint8_t code;       /* claims__lex_value of its value */
} claims__lex_entry;

/* Entry e's value: a C string that lives as long as the lexicon. (By
 * address arithmetic, as a loaded entry's value is in the lexicon's arena,
 * apart from the entry.) */
static inline const char *claims__lex_text(const claims__lex_entry *e)
{
    return (const char *)((uintptr_t)e + (uintptr_t)e->value_at);
}

/* Sets entry e's value to v. */
static inline void claims__lex_set_text(claims__lex_entry *e, const char *v)
{
    e->value_at = (int64_t)((uintptr_t)v - (uintptr_t)e);
}

/* Entry e (or NULL) has the value of code `code`. */
static inline bool claims__lex_is(const claims__lex_entry *e, claims__lex_value code)
{
    return e && e->code == code;
}

/* A lexicon: its tables are read by the inline half of every lookup
 * (claims__lex_match_at), the rest only by lexicon.c. */
typedef struct claims__lexicon {
    const struct claims__lex_tables *tables; /* a borrowed base, or own's */
    const claims_allocator *alloc;
    claims__arena arena;         /* value strings of loaded phrases */
    struct claims__lex_own *own; /* NULL until text is loaded into a lexicon with a base */
    const char *error;           /* static reason of the last failed load, or NULL */
} claims__lexicon;

/* A lexicon's lookup tables: an open-addressing hash of (section, phrase
 * key) slots, plus the bitmaps that reject tokens before any probe. The
 * built-in lexicon's are generated at build time (scripts/lexicon_tables.c
 * loads data/ with this file's loader and writes them as const C), so a
 * story does not parse text at start. Slots hold offsets, not pointers,
 * so only the (deduplicated) entries' value pointers need relocating when
 * the library is loaded. */
enum {
    CLAIMS__LEX_FIRST_BITS = 1 << 15,  /* buckets of first-token hashes */
    CLAIMS__LEX_BLOOM_CELLS = 1 << 17, /* 2-bit Bloom cells over phrases and prefixes */
    CLAIMS__LEX_PAIR_BITS = 1 << 17    /* bits over the first two tokens of phrases */
};

/* A token's lexmask (claims__token.lexmask, from claims__lex_tables.first)
 * has a bit per section, and above them bits for phrases of one value
 * that extractors ask for on many tokens: a "future" time word ("will",
 * "next week" as a plan). Like the section bits they may be set for a
 * token that starts no such phrase, never clear for one that does. */
#define CLAIMS__LEXMASK_FUTURE (1u << 31) /* a [time_word] phrase of value "future" may start */
/* A [context] phrase of value "hedge" ("might", "as early as"), of value
 * "poll" ("survey"), may start: context.c reads a sentence's first hedge
 * and whether it names a poll on these tokens only, not on every
 * [context] word ("the", "of", "in"). */
#define CLAIMS__LEXMASK_HEDGE (1u << 30)
#define CLAIMS__LEXMASK_POLL (1u << 29)
_Static_assert(CLAIMS__LEX_SECTION_COUNT <= 29, "lexmask: a bit a section, and the value bits");

/* The bits of a Bloom cell (claims__lex_tables.bloom). */
enum {
    CLAIMS__LEX_CELL_KEY = 1,   /* a phrase of the section may be exactly these tokens */
    CLAIMS__LEX_CELL_PREFIX = 2 /* a longer phrase of the section may start with them */
};

typedef struct claims__lex_slot {
    uint32_t hash;    /* slot hash of (key, section); 0 = empty slot */
    uint16_t section;
    uint16_t keylen;
    uint32_t key;     /* offset of the key's bytes in `keys` */
    uint32_t entry;   /* index in `entries` */
} claims__lex_slot;

/* A first-token bucket (claims__lex_bucket_of): what the tokenizer
 * reads for a token of that bucket, in one load. */
typedef struct claims__lex_bucket {
    /* the lexmask bits segmentation clears from such a token when no
       phrase goes on with the next token (claims__lex_drop_bits of its
       first and single bits): 0 for most. The tokenizer leaves them in
       the token's position (claims__tok_pos.drop) for claims__segment, so
       that it need not look the bucket up again. */
    uint32_t drop;
    /* the sections with a phrase starting with a token of the bucket, and
       the value bits (CLAIMS__LEXMASK_*): the token's lexmask */
    uint32_t lexmask;
} claims__lex_bucket;

typedef struct claims__lex_tables {
    const claims__lex_slot *slots;
    size_t nslots;                     /* a power of two */
    unsigned shift;                    /* 32 - log2(nslots): a slot hash's home slot is
                                          its top bits */
    size_t used;                       /* slots holding a key */
    const char *keys;                  /* phrase keys, back to back, followed by 16
                                          readable bytes (claims__lex_match_probe
                                          compares 16 at once) */
    size_t keys_len;
    const claims__lex_entry *entries;
    size_t nentries;
    const uint8_t *maxntok; /* [CLAIMS__LEX_SECTION_COUNT]: longest phrase per section */
    /* [CLAIMS__LEX_FIRST_BITS]: the same buckets, the sections with a
     * phrase of that one token: a token without its section's bit is no
     * phrase alone, and only the pair bits can send its lookup on. */
    const uint32_t *single;
    /* [CLAIMS__LEX_BLOOM_CELLS / 16]: 2-bit cells (CLAIMS__LEX_CELL_*),
     * 16 a word, indexed by the slot hash of (section, tokens so far):
     * the hash table is probed only when the tokens may be a phrase, and
     * a longer match is tried only while they may start one. Most probes
     * of the tables used to fail: a token that only starts longer phrases
     * ("the", "a") was looked up alone first. */
    const uint32_t *bloom;
    /* [CLAIMS__LEX_PAIR_BITS / 32]: a bit per (section, first token's
     * hash, second token's hash) of the phrases of two tokens or more,
     * from the tokens' own hashes: whether a longer phrase may go on with
     * the next token is one load, before that token's bytes are hashed
     * into the key ("the", "a" start phrases of many sections, and
     * "the" + most words starts none). */
    const uint32_t *pairs;
    /* [CLAIMS__LEX_FIRST_BITS]: per first-token hash bucket, the sections
     * with a phrase starting with a token of that bucket (one load
     * rejects most tokens), and the bits segmentation may clear: bucket b
     * is bucket_values[bucket_index[b]] (claims__lex_bucket_of), index 0
     * the empty bucket, the values distinct. Most buckets are empty (the
     * built-in lexicon fills about 2,000 of 32,768, with some 200
     * values), and a token of a word the lexicon lacks read a line of a
     * 256 KB array of buckets, a cache miss more often than not; the
     * index is 64 KB. */
    const uint16_t *bucket_index;
    const claims__lex_bucket *bucket_values; /* [CLAIMS__LEX_FIRST_BITS + 1] at most */
} claims__lex_tables;

/* The first-token bucket of a token of hash h. */
static inline const claims__lex_bucket *claims__lex_bucket_of(const claims__lex_tables *t,
                                                              uint32_t h)
{
    return &t->bucket_values[t->bucket_index[h % CLAIMS__LEX_FIRST_BITS]];
}

/* The bit of claims__lex_tables.pairs for a phrase of section sec whose
 * first two tokens hash to h1 and h2 (their own hashes): the top bits of
 * a product (a multiplication carries every bit of h1 and sec up), plus
 * h2 (a token's hash: its top bits are as mixed as its others). */
static inline uint32_t claims__lex_pair_bit(uint32_t h1, uint32_t h2, unsigned sec)
{
    return ((h1 + sec + 1) * 0x9E3779B1u + h2) >> 15;
}
_Static_assert(CLAIMS__LEX_PAIR_BITS == 1 << 17, "claims__lex_pair_bit: 17 top bits");

/* The pair bit of pseudo-section CLAIMS__LEX_PAIR_ANY is set for the first
 * two tokens of a phrase of any section: segmentation clears a token's
 * lexmask bits of sections it starts no phrase of alone when no phrase
 * at all may go on with the next token (one probe, not one a section). */
#define CLAIMS__LEX_PAIR_ANY ((unsigned)CLAIMS__LEX_SECTION_COUNT)

/* A bucket's drop bits (claims__lex_bucket.drop) from its first and
 * single bits: the sections with no phrase of the token alone, and the
 * value bits of those sections (FUTURE with [time_word], HEDGE and POLL
 * with [context]). */
static inline uint32_t claims__lex_drop_bits(uint32_t first, uint32_t single)
{
    uint32_t d = first & ~single & ((1u << CLAIMS__LEX_SECTION_COUNT) - 1);
    return d | (first &
                ((d >> CLAIMS__LEX_TIME_WORD & 1u) * CLAIMS__LEXMASK_FUTURE |
                 (d >> CLAIMS__LEX_CONTEXT & 1u) * (CLAIMS__LEXMASK_HEDGE | CLAIMS__LEXMASK_POLL)));
}

static inline bool claims__lex_pair_may(const claims__lex_tables *t, uint32_t h1, uint32_t h2,
                                        unsigned sec)
{
    uint32_t b = claims__lex_pair_bit(h1, h2, sec);
    return (t->pairs[b / 32] >> (b % 32)) & 1u;
}

/* The built-in lexicon text (data/ lexicon files concatenated at build
 * time), and its tables (generated from that text at build time). */
extern const char *const claims__builtin_lexicon;
extern const size_t claims__builtin_lexicon_len;
extern const claims__lex_tables claims__builtin_lex_tables;

/* An empty lexicon. */
claims_status claims__lexicon_new(const claims_allocator *a, claims__lexicon **out);
/* A lexicon holding base's phrases without copying them: lookups read
 * base (borrowed: it must outlive the lexicon; the built-in tables are
 * static) until text is loaded into the lexicon, which then copies the
 * tables once (copy on write) and leaves base untouched. */
claims_status claims__lexicon_new_on(const claims_allocator *a, const claims__lex_tables *base,
                                     claims__lexicon **out);
void claims__lexicon_free(claims__lexicon *lx);
/* The tables lookups read (borrowed; valid until the next load into lx
 * or its free). */
const claims__lex_tables *claims__lexicon_tables(const claims__lexicon *lx);
/* Parses lexicon text (see data/README.md for the format) into lx. A
 * UTF-8 byte order mark at the start is skipped. On a bad line returns
 * CLAIMS_ERR_LEXICON with *bad_offset set to the line's first byte (the
 * bad byte for invalid UTF-8), offsets counting the mark if any. Entries
 * returned by lookups before a load may move: look up again after it. */
claims_status claims__lexicon_load(claims__lexicon *lx, const char *text, size_t len,
                                   size_t *bad_offset);
/* Why the last claims__lexicon_load() on lx failed: a static English
 * sentence ("unknown lexicon section"). Never NULL. */
const char *claims__lexicon_error(const claims__lexicon *lx);

/* Looks a normalized phrase up ("unmanned aerial vehicle": tokens' norm
 * texts joined by one space, hyphen tokens as "-" without spaces, e.g.
 * "twenty-five"). NULL when absent. */
const claims__lex_entry *claims__lex_get(const claims__lexicon *lx, claims__lex_section sec,
                                         const char *norm, size_t len);

/* ---------------------------------------------------------- segment.c */

/* Each class but the word is a bit of its own, so a test of the bits of
 * several tokens or-ed (claims__tok_bits) asks for one class exactly: a
 * number's bit is set by no quotation mark. */
typedef enum claims__tok_class {
    CLAIMS__TOK_WORD = 0,   /* letters, maybe digits ("A320"), apostrophes */
    CLAIMS__TOK_NUMBER = 1, /* digits with inner ',' '.' ("1,200", "7.2") */
    CLAIMS__TOK_PUNCT = 2,  /* one punctuation or symbol character */
    CLAIMS__TOK_QUOTE = 4   /* a quotation mark: " “ ” ‘ ’ « » ' */
} claims__tok_class;

enum {
    CLAIMS__TF_SPACE_BEFORE = 1 << 0, /* whitespace precedes the token */
    CLAIMS__TF_LINE_BEFORE = 1 << 1,  /* a line break precedes it */
    CLAIMS__TF_CAP = 1 << 2,          /* starts with an upper-case letter */
    CLAIMS__TF_ALLCAPS = 1 << 3,      /* two or more letters, all upper case */
    CLAIMS__TF_HAS_DIGIT = 1 << 4,    /* a word with a digit in it */
    CLAIMS__TF_QUOTE_OPEN = 1 << 5,   /* quote mark that looks like an opener */
    CLAIMS__TF_QUOTE_CLOSE = 1 << 6,  /* quote mark that looks like a closer */
    CLAIMS__TF_QUOTE_SINGLE = 1 << 7, /* a single quotation mark */
    CLAIMS__TF_POSSESSIVE = 1 << 8,   /* the "'s" split off "Barak's" */
    CLAIMS__TF_SENT_START = 1 << 9,   /* first token of its sentence */
    /* What claims__segment's refine pass learnt of the token's lexicon
     * bucket: the bucket has sections whose phrases only start with such
     * a token, and a phrase of some section may go on with the next token
     * (its lexmask keeps them: claims__lex_may_start decides). Without
     * it, the token's lexmask bits are all sections with a phrase of the
     * token alone (in its bucket). A bare string's tokens
     * (claims__tokenize) have it. */
    CLAIMS__TF_LEX_PAIR = 1 << 10,
    /* a blank line precedes the token; set by the tokenizer for
       claims__segment, cleared before either returns */
    CLAIMS__TF_BLANK = 1 << 15
};

/* A token: the 16 bytes the extractors' scans read (four a cache line,
 * one a vector register: claims__tok_lanes4). Its byte span and sentence
 * are apart, in claims__tok_pos (art->pos[i], the same index). A token
 * array ends with one more token past the last, whose `norm` is the end
 * of the last token's norm text, its other fields 0: a token's norm
 * text runs to where the next one's begins (claims__tok_len). */
typedef struct claims__token {
    uint32_t norm;    /* offset of its text in the article's norm buffer */
    uint32_t hash;    /* claims__word_hash of the norm text */
    uint32_t lexmask; /* bit s: a phrase of lexicon section s may
                         start here (set by the tokenizer, bits no
                         phrase goes on with from the next token
                         cleared by claims__segment) */
    uint16_t cls;     /* claims__tok_class */
    uint16_t flags;   /* CLAIMS__TF_* */
} claims__token;

/* Where token i of an article is (art->pos[i]): read where a claim is
 * made or a span measured, not by the scans. */
typedef struct claims__tok_pos {
    uint32_t start, end; /* byte span in the article's text */
    union {
        uint32_t sentence; /* index of its sentence (claims__segment's) */
        /* before claims__segment gives it its sentence: its bucket's
           drop bits (claims__lex_bucket.drop), put there by the
           tokenizer for claims__segment, which reads them first */
        uint32_t drop;
    };
} claims__tok_pos;

/* The length of token t's norm text (t is in a token array, which has a
 * token past its last). */
static inline uint32_t claims__tok_len(const claims__token *t)
{
    return t[1].norm - t[0].norm;
}

/* Whether tokens x and y, whose norm texts are in norm, are the same word:
 * the hash first, then the length and the bytes. */
static inline bool claims__tok_same_text(const claims__token *x, const claims__token *y,
                                         const char *norm)
{
    uint32_t n = claims__tok_len(x);
    return x->hash == y->hash && claims__tok_len(y) == n &&
           claims__same_bytes(norm + x->norm, norm + y->norm, n);
}

/* The lexmasks of tokens [lo, hi) or-ed: whether any of them may start a
 * phrase of a section, before a walk that looks each up (most windows
 * hold none). Eight a step from eight up, the last eight read again
 * rather than a loop of 0 to 7 turns (an or twice is an or): a
 * sentence's tokens at about one instruction each. */
static inline uint32_t claims__lexmask_or(const claims__token *t, size_t lo, size_t hi)
{
    uint32_t any = 0;
    if (hi > lo && hi - lo >= 8) {
        for (const claims__token *p = t + lo, *last = t + hi - 8;; p += 8) {
            if (p > last)
                p = last;
            any |= p[0].lexmask | p[1].lexmask | p[2].lexmask | p[3].lexmask | p[4].lexmask |
                   p[5].lexmask | p[6].lexmask | p[7].lexmask;
            if (p == last)
                return any;
        }
    }
    for (size_t j = lo; j < hi; j++)
        any |= t[j].lexmask;
    return any;
}

enum {
    CLAIMS__SF_FURNITURE = 1 << 0, /* caption, credit, byline: skip it */
    CLAIMS__SF_TITLE = 1 << 1,     /* the article's title line */
    CLAIMS__SF_PARA_START = 1 << 2 /* first sentence of a paragraph */
};

typedef struct claims__sentence {
    uint32_t start, end;           /* bytes, without surrounding space */
    uint32_t tok_begin, tok_end;   /* token index range [begin, end) */
    uint32_t paragraph;            /* index of its paragraph */
    uint16_t flags;                /* CLAIMS__SF_* */
} claims__sentence;

/* A date with its precision; fields 0 when unknown. */
typedef struct claims__date {
    int year, month, day;
} claims__date;

/* An article: 120 bytes (lengths and counts are 32-bit: an article is
 * under 4 GB, claims_story_add_article sees to it), as a story may hold a
 * hundred thousand. */
typedef struct claims__article {
    char *id;    /* in the story's arena (a story's article) */
    char *title; /* NULL when none; in the arena too */
    /* The caller's bytes: copied into `block` (and then followed by a NUL
     * that nothing reads), or, when `borrowed` (CLAIMS_OPT_BORROW_TEXT),
     * the caller's own buffer, with no NUL after it and never written.
     * Nothing may read text[len] or beyond. */
    const char *text;
    /* A title the text does not begin with is read for claims as a text
     * file's first line is: `block` holds the title, a blank line, then
     * the text, and `text` points `prefix` bytes into it (prefix 0: block
     * is text). claims__check_articles reads the whole block and gives the
     * claims of the title offsets into the title (CLAIMS__CF_IN_TITLE). */
    char *block;
    /* segmentation (segment.c): ntoks tokens and one past them (see
     * claims__token), and the ntoks positions of the same tokens, in the
     * block toks points to (freed with it) */
    claims__token *toks;
    claims__tok_pos *pos;
    claims__sentence *sents;
    char *norm;              /* concatenated normalized token texts, 16
                                readable bytes past norm_len (compared 16
                                at once) */
    uint32_t len;            /* of text */
    uint32_t prefix;
    /* The bytes of `text` that claims__segment reads: all of them, or one
     * window of whole paragraphs of a long article (claims__check_articles
     * reads it a window at a time); win_end 0 is the whole text. Token
     * and sentence offsets are offsets into `text` either way. */
    uint32_t win_start, win_end;
    uint32_t ntoks, nsents, nparas;
    uint32_t norm_len;
    claims__date published; /* given date; else the dateline's (dates.c) */
    char published_iso[11]; /* "YYYY-MM-DD" or "" */
    bool published_given;
    bool borrowed; /* block is the caller's text: not freed */
} claims__article;

/* Splits an article into tokens, sentences and paragraphs, and marks page
 * furniture. Uses the lexicon's abbreviations and furniture phrases.
 * Allocations come from the story's allocator and are freed with the
 * article (claims__article_free). */
claims_status claims__segment(const claims_allocator *a, const claims__lexicon *lx,
                              claims__article *art);

/* The token, norm text and sentence buffers of one window, kept from one
 * article to the next by their owner (the story) so that each does not
 * allocate and free them afresh: they grow to the largest article's
 * needs and no further (a long article's windows are let go of,
 * claims__segment_release). All zero: none yet. */
typedef struct claims__seg_scratch {
    claims__token *toks;  /* one block: the tokens, then their positions */
    claims__tok_pos *pos; /* in the block of toks */
    char *norm;
    claims__sentence *sents;
    size_t toks_cap, norm_cap, sents_cap; /* (toks_cap: tokens) */
    /* What the tokenizer tells claims__segment, so that it need not read
     * every token for them: the indexes, rising, of the tokens that may
     * end a sentence ('.', '!', '?'), of those after a line break
     * (CLAIMS__TF_LINE_BEFORE; the last may be the token count) and of
     * the "(" tokens, each list followed by UINT32_MAX (not counted). */
    uint32_t *terms, *lines, *parens;
    size_t nterms, nlines, nparens, terms_cap, lines_cap, parens_cap;
} claims__seg_scratch;

/* claims__segment into the buffers of `scr` (grown as needed; they stay
 * scr's, success or not): art points into them until
 * claims__segment_release, which must come before scr is used again or
 * freed, and before the article is (claims__article_free must not see
 * them). */
claims_status claims__segment_into(const claims_allocator *a, const claims__lexicon *lx,
                                   claims__article *art, claims__seg_scratch *scr);
/* Detaches art from the buffers claims__segment_into lent it (as
 * claims__article_drop_tokens, but they stay scr's; for a window of a
 * long article they are freed). */
void claims__segment_release(const claims_allocator *a, claims__article *art,
                             claims__seg_scratch *scr);
void claims__seg_scratch_free(const claims_allocator *a, claims__seg_scratch *scr);

/* Tokenizes a bare string the same way (used by the lexicon loader, a
 * title, tests). Its tokens have every lexmask bit set, so lookups on them
 * take the exact, slower path. *toks (*ntoks tokens and the one past
 * them, then their positions, at *pos, sentence 0) and *norm are
 * allocated with `a` and freed by the caller with claims__free (*pos
 * with *toks). */
claims_status claims__tokenize(const claims_allocator *a, const char *s, size_t n,
                               claims__token **toks, claims__tok_pos **pos, size_t *ntoks,
                               char **norm, size_t *norm_len);

/* token.c: tokenizes the bytes [win_start, win_end) of an article's text
 * into art->toks, art->pos and art->norm (each token's lexmask from the first-token
 * buckets of the lexicon tables `lex`, CLAIMS__TF_BLANK marking blank
 * lines, `sentence` not always set: claims__segment sets it), in the
 * buffers of scr (which keeps them, grown or not, success or not); the
 * first step of claims__segment_into. */
claims_status claims__tokenize_article(const claims_allocator *a, const claims__lex_tables *lex,
                                       claims__article *art, claims__seg_scratch *scr);

/* The normalized text of token i. */
static inline const char *claims__tok_norm(const claims__article *art, size_t i)
{
    return art->norm + art->toks[i].norm;
}

/* Token i's normalized text is exactly the n bytes at lit. */
static inline bool claims__tok_is_n(const claims__article *art, size_t i, const char *lit, size_t n)
{
    return claims__tok_len(&art->toks[i]) == n && memcmp(claims__tok_norm(art, i), lit, n) == 0;
}

/* Token i's normalized text is exactly lit ("said", ","). lit is nearly
 * always a literal: inlined, its length is a constant and the compare of
 * lengths (the token's is at hand) rejects most calls before a byte of the
 * text is read. */
static inline bool claims__tok_is(const claims__article *art, size_t i, const char *lit)
{
    return claims__tok_is_n(art, i, lit, strlen(lit));
}

/* A token's lexmask, class and flags (three adjacent fields) read as one
 * 64-bit word, so a scan over many tokens tests all three at once against
 * a mask made by claims__tok_bits_of (the same layout on any byte order:
 * compare only such masks with it, and add only such values, field by
 * field, without carrying out of a field). */
_Static_assert(offsetof(claims__token, cls) == offsetof(claims__token, lexmask) + 4 &&
                   offsetof(claims__token, flags) == offsetof(claims__token, cls) + 2 &&
                   sizeof(((claims__token *)0)->lexmask) == 4 &&
                   sizeof(((claims__token *)0)->cls) == 2 &&
                   sizeof(((claims__token *)0)->flags) == 2,
               "claims__token: lexmask, cls and flags are adjacent fields of 4, 2 and 2 bytes");
static inline uint64_t claims__tok_bits(const claims__token *t)
{
    uint64_t w;
    memcpy(&w, (const unsigned char *)t + offsetof(claims__token, lexmask), sizeof w);
    return w;
}

/* The word claims__tok_bits reads from a token whose lexmask, class and
 * flags are these (a constant where they are). */
static inline uint64_t claims__tok_bits_of(uint32_t lexmask, uint16_t cls, uint16_t flags)
{
    claims__token shape;
    memset(&shape, 0, sizeof shape);
    shape.lexmask = lexmask;
    shape.cls = cls;
    shape.flags = flags;
    return claims__tok_bits(&shape);
}

#ifdef CLAIMS__SSE2
_Static_assert(sizeof(claims__token) == 16 && offsetof(claims__token, hash) == 4 &&
                   offsetof(claims__token, lexmask) == 8 && offsetof(claims__token, cls) == 12 &&
                   offsetof(claims__token, flags) == 14,
               "claims__tok_lanes4: a token is norm, hash, lexmask, cls, flags");
/* The fields of four tokens, lane k of each vector token k's
 * (claims__tok_lanes4); the class is the low half of cls_flags. */
typedef struct claims__tok_lanes {
    __m128i norm, hash, lexmask, cls_flags;
} claims__tok_lanes;

/* The tokens t[0 .. 4) as claims__tok_lanes (four loads, a transpose;
 * inlined, the lanes a caller does not read are not made): the gather of
 * the scans that make bit masks of 64 tokens without a branch a token
 * (a branch a token, taken at the few tokens looked for, mispredicted). */
static CLAIMS__ALWAYS_INLINE claims__tok_lanes claims__tok_lanes4(const claims__token *t)
{
    const __m128i *p = (const __m128i *)(const void *)t;
    __m128i a = _mm_loadu_si128(p), b = _mm_loadu_si128(p + 1);
    __m128i d = _mm_loadu_si128(p + 2), e = _mm_loadu_si128(p + 3);
    __m128i lo_ab = _mm_unpacklo_epi32(a, b), lo_de = _mm_unpacklo_epi32(d, e);
    __m128i hi_ab = _mm_unpackhi_epi32(a, b), hi_de = _mm_unpackhi_epi32(d, e);
    return (claims__tok_lanes){.norm = _mm_unpacklo_epi64(lo_ab, lo_de),
                               .hash = _mm_unpackhi_epi64(lo_ab, lo_de),
                               .lexmask = _mm_unpacklo_epi64(hi_ab, hi_de),
                               .cls_flags = _mm_unpackhi_epi64(hi_ab, hi_de)};
}

/* The top bits of the 32-bit lanes of v0 .. v3 (16 tokens, four a
 * vector: claims__tok_lanes4) as 16 bits in their order (the packs keep
 * a lane's sign). */
static inline uint64_t claims__lanes_top16(__m128i v0, __m128i v1, __m128i v2, __m128i v3)
{
    __m128i b = _mm_packs_epi16(_mm_packs_epi32(v0, v1), _mm_packs_epi32(v2, v3));
    return (uint64_t)(unsigned)_mm_movemask_epi8(b);
}
#endif


/* A token's hash (claims__token.hash), claims__word_hash of its norm
 * text: the text as 8-byte little-endian chunks, zero-padded: the first
 * (a) multiplied, the second (b, 0 past the text) plus the length n
 * xor-ed in (a multiplication of b too cost more instructions and made
 * the lexicon's tables no better), any further chunk mixed by one more
 * multiplication, and the 64 bits folded to 32 by a last one, whose top
 * half is the hash: its low bits (the lexicon's buckets) and its top bits
 * (pair bits, hash sets) carry every byte. A word of up to sixteen bytes is two loads of a register the
 * tokenizer already holds and no branch on its length (FNV-1a was two
 * instructions a byte). Hashes that never meet a token's (phrase keys,
 * interned strings) stay claims__hash's FNV-1a. */
#define CLAIMS__WH_K1 UINT64_C(0x9E3779B97F4A7C15)
#define CLAIMS__WH_K3 UINT64_C(0xD6E8FEB86659FD93)
#define CLAIMS__WH_START(a, b, n)                                                                  \
    ((uint64_t)(a)*CLAIMS__WH_K1 ^ ((uint64_t)(b) + (uint64_t)(n)))
#define CLAIMS__WH_FOLD(h) ((h) ^ ((h) >> 32))
#define CLAIMS__WH_END(h) ((uint32_t)((CLAIMS__WH_FOLD(h) * CLAIMS__WH_K3) >> 32))

/* claims__word_hash of the n <= 16 bytes whose zero-padded chunks are a
 * and b. */
static inline uint32_t claims__word_hash16(uint64_t a, uint64_t b, size_t n)
{
    uint64_t h = CLAIMS__WH_START(a, b, n);
    return CLAIMS__WH_END(h);
}

/* The 1 <= r <= 8 bytes at p as a zero-padded little-endian chunk, read
 * within them (two overlapping loads, or three bytes). */
static inline uint64_t claims__word_tail(const unsigned char *p, size_t r)
{
    if (r >= 4) {
        uint64_t lo =
            (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
        const unsigned char *q = p + r - 4;
        uint64_t hi =
            (uint64_t)q[0] | (uint64_t)q[1] << 8 | (uint64_t)q[2] << 16 | (uint64_t)q[3] << 24;
        return lo | hi << (8 * (r - 4));
    }
    return (uint64_t)p[0] | (uint64_t)p[r >> 1] << (8 * (r >> 1)) |
           (uint64_t)p[r - 1] << (8 * (r - 1));
}

/* The 8 bytes at p as a little-endian chunk. */
static inline uint64_t claims__word_chunk(const unsigned char *p)
{
    return claims__word_tail(p, 8);
}

/* The hash of the n bytes at s as a token's (claims__token.hash): any
 * buffer, any length, no byte read past s[n - 1]. */
static inline uint32_t claims__word_hash(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t a = 0, b = 0;
    if (n > 8) {
        a = claims__word_chunk(p);
        b = claims__word_tail(p + 8, n < 16 ? n - 8 : 8);
    } else if (n) {
        a = claims__word_tail(p, n);
    }
    uint64_t h = CLAIMS__WH_START(a, b, n);
    for (size_t i = 16; i < n; i += 8) {
        h = (h ^ claims__word_tail(p + i, n - i < 8 ? n - i : 8)) * CLAIMS__WH_K1;
        h ^= h >> 29;
    }
    return CLAIMS__WH_END(h);
}

/* claims__word_hash of a word of up to eight bytes as a constant
 * expression, CLAIMS__HASHn of its n bytes, for sets of word hashes made
 * at compile time. */
#define CLAIMS__WB(c, k) ((uint64_t)((unsigned)(c)&0xFFu) << (8 * (k)))
#define CLAIMS__WHC(a, n) CLAIMS__WH_END(CLAIMS__WH_START(a, 0, n))
#define CLAIMS__HASH1(a) CLAIMS__WHC(CLAIMS__WB(a, 0), 1)
#define CLAIMS__HASH2(a, b) CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1), 2)
#define CLAIMS__HASH3(a, b, c)                                                                     \
    CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1) | CLAIMS__WB(c, 2), 3)
#define CLAIMS__HASH4(a, b, c, d)                                                                  \
    CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1) | CLAIMS__WB(c, 2) | CLAIMS__WB(d, 3), 4)
#define CLAIMS__HASH5(a, b, c, d, e)                                                               \
    CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1) | CLAIMS__WB(c, 2) | CLAIMS__WB(d, 3) |        \
                    CLAIMS__WB(e, 4),                                                              \
                5)
#define CLAIMS__HASH6(a, b, c, d, e, f)                                                            \
    CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1) | CLAIMS__WB(c, 2) | CLAIMS__WB(d, 3) |        \
                    CLAIMS__WB(e, 4) | CLAIMS__WB(f, 5),                                           \
                6)
#define CLAIMS__HASH7(a, b, c, d, e, f, g)                                                         \
    CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1) | CLAIMS__WB(c, 2) | CLAIMS__WB(d, 3) |        \
                    CLAIMS__WB(e, 4) | CLAIMS__WB(f, 5) | CLAIMS__WB(g, 6),                        \
                7)
#define CLAIMS__HASH8(a, b, c, d, e, f, g, h)                                                      \
    CLAIMS__WHC(CLAIMS__WB(a, 0) | CLAIMS__WB(b, 1) | CLAIMS__WB(c, 2) | CLAIMS__WB(d, 3) |        \
                    CLAIMS__WB(e, 4) | CLAIMS__WB(f, 5) | CLAIMS__WB(g, 6) | CLAIMS__WB(h, 7),     \
                8)
/* claims__word_hash of a string literal of one to four bytes, a constant
 * (0 when longer: claims__tok_text_is then compares without it). */
#define CLAIMS__LIT_HASH(lit)                                                                      \
    (sizeof(lit) == 2   ? CLAIMS__HASH1((unsigned char)(lit)[0])                                   \
     : sizeof(lit) == 3 ? CLAIMS__HASH2((unsigned char)(lit)[0], (unsigned char)(lit)[1])          \
     : sizeof(lit) == 4 ? CLAIMS__HASH3((unsigned char)(lit)[0], (unsigned char)(lit)[1],          \
                                        (unsigned char)(lit)[2])                                   \
     : sizeof(lit) == 5 ? CLAIMS__HASH4((unsigned char)(lit)[0], (unsigned char)(lit)[1],          \
                                        (unsigned char)(lit)[2], (unsigned char)(lit)[3])          \
                        : 0u)

/* Token t's normalized text (in the norm buffer `norm`) is the n bytes
 * at w, whose claims__word_hash is h when n is four or less
 * (CLAIMS__LIT_HASH): the hash, in the token's record, is tested first
 * (most tokens asked are not the word), not the text's bytes, elsewhere
 * in memory. */
static CLAIMS__ALWAYS_INLINE bool claims__tok_text_is(const claims__token *t, const char *norm,
                                                      const char *w, size_t n, uint32_t h)
{
    return (n > 4 || t->hash == h) && claims__tok_len(t) == n && memcmp(norm + t->norm, w, n) == 0;
}

/* A 256-bit set of word hashes, by their top byte: the bit of hash h in
 * the set's 64-bit word w (0 when h is in another word), to OR into a
 * constant uint64_t set[4] = {S(0), S(1), S(2), S(3)}. */
#define CLAIMS__HSET_BIT(h, w) (((h) >> 30) == (w) ? (uint64_t)1 << (((h) >> 24) & 63) : 0)

/* Whether hash h may be in the set (a word of another hash is none of its
 * words): one load and a branch rarely taken, where tests of a token's
 * length and text were mispredicted on every short word. */
static inline bool claims__hash_in(const uint64_t set[4], uint32_t h)
{
    uint32_t hb = h >> 24;
    return (set[hb >> 6] >> (hb & 63)) & 1;
}

/* The first of tokens [k, e) whose lexmask has a bit of `bits`, else e:
 * the extractors' skip to the next token that may start a phrase they
 * look for (most tokens start none). Eight a step while eight remain,
 * one test of the bound for eight, then one at a time. */
static inline size_t claims__next_lexmask(const claims__token *toks, size_t k, size_t e,
                                          uint32_t bits)
{
    for (; e - k >= 8; k += 8) {
        if (toks[k].lexmask & bits)
            return k;
        if (toks[k + 1].lexmask & bits)
            return k + 1;
        if (toks[k + 2].lexmask & bits)
            return k + 2;
        if (toks[k + 3].lexmask & bits)
            return k + 3;
        if (toks[k + 4].lexmask & bits)
            return k + 4;
        if (toks[k + 5].lexmask & bits)
            return k + 5;
        if (toks[k + 6].lexmask & bits)
            return k + 6;
        if (toks[k + 7].lexmask & bits)
            return k + 7;
    }
    while (k < e && !(toks[k].lexmask & bits))
        k++;
    return k;
}

/* Token i is the one punctuation character ch. */
static inline bool claims__tok_punct(const claims__article *art, size_t i, char ch)
{
    const claims__token *t = &art->toks[i];
    return t->cls == CLAIMS__TOK_PUNCT && claims__tok_len(t) == 1 &&
           claims__tok_norm(art, i)[0] == ch;
}

/* Whether a phrase of section sec may start at token tk: a phrase of
 * that token alone (the single bits), or, with has_next (a token after
 * it within the bound), a longer one going on with the next token (the
 * pair bits). claims__lex_match_at's filter, and that of the scans that
 * skip the tokens it would turn away. */
static inline bool claims__lex_may_start(const claims__lex_tables *t, unsigned sec,
                                         const claims__token *tk, bool has_next)
{
    return (t->single[tk->hash % CLAIMS__LEX_FIRST_BITS] & (1u << sec)) ||
           (has_next && claims__lex_pair_may(t, tk[0].hash, tk[1].hash, sec));
}

/* claims__lex_match_at once the inline tests let the lookup through. */
const claims__lex_entry *claims__lex_match_probe(const claims__lexicon *lx, claims__lex_section sec,
                                                 const claims__article *art, size_t i, size_t end,
                                                 size_t *ntok);

/* Longest lexicon phrase of section `sec` starting at token `i` and not
 * reaching past token `end`. Sets *ntok to its length in tokens. The
 * half of claims__lex_match after its tests, called only with i < end
 * and i < art->ntoks. Half its calls are of a token that is no phrase
 * alone but starts longer ones ("the", "a") before a word that goes on
 * none of them: two loads say so here, before any call. */
static inline const claims__lex_entry *claims__lex_match_at(const claims__lexicon *lx,
                                                            claims__lex_section sec,
                                                            const claims__article *art, size_t i,
                                                            size_t end, size_t *ntok)
{
    const claims__token *tk = &art->toks[i];
    /* A token without LEX_PAIR: a lexmask bit is a section with a phrase
     * of the token alone, which claims__lex_may_start would let through;
     * a clear one, a section none of whose phrases starts here (the
     * lexmask is never clear for one that does). The token's own bits
     * tell, without the two table loads (most of them cache misses). The
     * flag only spares work: the probe is exact, and a lookup answers
     * the same either way (test_lexicon checks the flag itself). */
    if (!(tk->flags & CLAIMS__TF_LEX_PAIR)) {
        if (!(tk->lexmask & (1u << sec)))
            return NULL;
    } else if (!claims__lex_may_start(lx->tables, sec, tk, i + 1 < end && i + 1 < art->ntoks)) {
        return NULL;
    }
    return claims__lex_match_probe(lx, sec, art, i, end, ntok);
}

static inline const claims__lex_entry *claims__lex_match(const claims__lexicon *lx,
                                                         claims__lex_section sec,
                                                         const claims__article *art, size_t i,
                                                         size_t end, size_t *ntok)
{
    /* Most tokens start no phrase of a section: reject them inline. */
    if (i >= end || i >= art->ntoks || !(art->toks[i].lexmask & (1u << sec)))
        return NULL;
    return claims__lex_match_at(lx, sec, art, i, end, ntok);
}

/* Whether text[0..len) begins with title[0..tl) once leading whitespace
 * and a UTF-8 byte order mark are skipped: the text repeats its title
 * line (a plain-text file's first line; a feed that repeats it). */
bool claims__text_starts_with(const char *text, size_t len, const char *title, size_t tl);

/* The index of the sentence of byte `off` in article art (which has
 * sentences): the first sentence ending past off, or the last. By halves
 * of the sentences, each step a conditional move, not a branch: a hint
 * from the claim asked before (the extractors take turns over the text)
 * was a branch mispredicted about every other claim. */
static inline size_t claims__sentence_of(const claims__article *art, size_t off)
{
    const claims__sentence *b = art->sents;
    size_t n = art->nsents;
    while (n > 1) {
        size_t half = n / 2;
        b = b[half - 1].end <= off ? b + half : b;
        n -= half;
    }
    size_t i = (size_t)(b - art->sents) + (b->end <= off);
    return i < art->nsents ? i : art->nsents - 1;
}

/* Frees what claims__segment made (tokens, sentences, norm text). */
void claims__article_drop_tokens(const claims_allocator *a, claims__article *art);
void claims__article_free(const claims_allocator *a, claims__article *art);

/* --------------------------------------------------------- claims */

enum {
    CLAIMS__CF_INFERRED = 1 << 0,  /* date fields inferred, not stated */
    CLAIMS__CF_LOW_EXCL = 1 << 1,  /* low bound exclusive ("more than") */
    CLAIMS__CF_HIGH_EXCL = 1 << 2, /* high bound exclusive ("less than") */
    CLAIMS__CF_TITLE = 1 << 3,     /* stands in the title line */
    CLAIMS__CF_PARTIAL = 1 << 4,   /* a partial quote inside a sentence */
    CLAIMS__CF_APPROX = 1 << 5,    /* "about 50": the value, hedged */
    CLAIMS__CF_NAMING = 1 << 6,    /* a measure that names its thing ("a 13-inch
                                      model", "a 10-mile race"): another
                                      figure names another thing */
    CLAIMS__CF_IN_TITLE = 1 << 7,  /* offsets into a title given apart from
                                      the text (claims_claim_within) */
    /* bits 8..10: extract/extract.h's speaker flags; claims_claim.flags
       holds 16 bits in all */
    CLAIMS__CF_DRAFT = 1 << 15 /* its frame is its own draft, not yet
                                  shared (claims__frames_seal) */
};

/* Date precision for date claims. */
enum { CLAIMS__PREC_NONE = 0, CLAIMS__PREC_YEAR, CLAIMS__PREC_MONTH, CLAIMS__PREC_DAY };

/* ------------------------------------------------------- calendar.c */

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
long claims__date_to_days(int year, int month, int day);

/* The date of a day number from claims__date_to_days(). */
claims__date claims__days_to_date(long days);

/* ISO weekday of a day number: Monday 1 .. Sunday 7. */
int claims__date_weekday(long days);

/* Gregorian leap year. */
bool claims__is_leap_year(int year);

/* Days in a month (1..12) of a year; February of year 0 (unknown) has 29. */
int claims__date_month_days(int year, int month);

/* Writes "YYYY-MM-DD", "YYYY-MM" or "YYYY" (CLAIMS__PREC_DAY/MONTH/YEAR)
 * into out (at least 11 bytes), with "XXXX" for an unknown year (0).
 * Returns the length, or 0 for CLAIMS__PREC_NONE. */
size_t claims__date_iso(const claims__date *d, int precision, char out[11]);

/* Reads s[0..n) as "YYYY", "YYYY-MM" or "YYYY-MM-DD", or with the year
 * unknown as "XXXX-MM" / "XXXX-MM-DD" (*yearless set, year 0; only the
 * first X is looked at). Months 1..12 and days 1..31 are checked, not
 * the length of the month (claims__date_month_days). Returns the
 * precision (CLAIMS__PREC_*), CLAIMS__PREC_NONE when s is no such date. */
int claims__iso_parse(const char *s, size_t n, claims__date *d, bool *yearless);

/* Whether a number looks like a year (1000..2100): a four-digit number
 * in that range is left to the date reader unless it counts something,
 * and does not end a caption line the way a photo number does. The one
 * range for both (numbers.c kept 1000..2100, segment.c had 1800..2100;
 * reports on the example, seed and 76 real-news stories are unchanged). */
enum { CLAIMS__YEAR_LIKE_MIN = 1000, CLAIMS__YEAR_LIKE_MAX = 2100 };
bool claims__year_like(long v);

/* Token i is a four-digit number that looks like a year. */
static inline bool claims__tok_year_like(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    const char *norm = claims__tok_norm(art, i);
    if (t->cls != CLAIMS__TOK_NUMBER || claims__tok_len(t) != 4)
        return false;
    long y = 0;
    for (int k = 0; k < 4; k++) {
        if (!claims__is_digit((unsigned char)norm[k]))
            return false;
        y = y * 10 + (norm[k] - '0');
    }
    return claims__year_like(y);
}

/* What a part of a total is (CLAIMS__PART_*). */
enum {
    CLAIMS__PART_NONE = 0,      /* a total, or nothing says otherwise */
    CLAIMS__PART_SUBSET = 1,    /* "one of them", "including 3", "30 seriously hurt" */
    CLAIMS__PART_INCREMENT = 2  /* "another four", "two more" */
};

/* How a figure's holder was named (claims__frame.holder_kind). A subject
 * or a product specification names the one thing the figure is about; a
 * possessive may name a team or a place the figure only belongs to. */
enum {
    CLAIMS__HOLDER_NONE = 0,
    CLAIMS__HOLDER_POSSESSIVE, /* "Webb's record of 1,904" */
    CLAIMS__HOLDER_SUBJECT,    /* "Vaughn finished with 16 points" */
    CLAIMS__HOLDER_PARTY,      /* "the Nationals made a $160 million offer" */
    CLAIMS__HOLDER_SPEC,       /* "the 13-inch model costs $1,199" */
    CLAIMS__HOLDER_PLACE       /* "13 miles east of Millbrook" */
};

/* The time a figure's clause speaks of, and whether its sentence marks
 * another event ("the previous quake"). precision 0: no time. */
typedef struct claims__anchor {
    claims__date date;
    uint8_t precision;       /* CLAIMS__PREC_* */
    bool inferred;           /* resolved from the article's own date */
    bool background;         /* a marker of another event */
} claims__anchor;

/* A string of the story's string table (claims__intern): each distinct
 * string is stored once in the story's arena and named by its id; 0 is
 * NULL ("not stated"). Ids are per story. Read one with claims__str()
 * or, on a claim, claims__cstr(). */
typedef uint32_t claims__sid;

/* The most back-off keys a claim has (claims__frame.backoff). */
enum { CLAIMS__BACKOFF_MAX = 2 };

/* The named fields of a claim's frame beyond its key, as strings of the
 * story's table (claims__sid, 0 "not stated"). Two claims are about the
 * same thing only when these agree (compare/compare.c); equal ids are
 * equal strings. */
typedef struct claims__frame {
    /* The slots the claim is filed under (claims__claim_key, the
       extractors); a slot is a string of the story's table. */
    const char *key;      /* slot key, interned: equal keys, one pointer */
    claims__sid weak_key; /* a second slot reached only weakly, or 0 */
    claims__sid unit;     /* "USD", "km", "years" or 0 */
    /* slots of the same kind with one known part left unknown, where the
       claim meets claims that state less ("money/deal/-/USD" also meets
       "money/-/-/USD"); 0 when none */
    claims__sid backoff[CLAIMS__BACKOFF_MAX];
    /* the slot of the counted thing's broader kind ("count/person/-" for
       "three climbers"; the lexicon's broader section), 0 when none:
       there it meets claims that state less, and other narrower kinds of
       it ("three companions") to agree with */
    claims__sid kind_key;
    /* A range's bounds ("between 10 and 20", "more than 50"), and the
       claim it restates (a currency conversion's original): rare, so
       kept here, where the claims without them share one copy. */
    double low, high;
    const claims_claim *linked;
    bool has_low, has_high;
    /* the parts the key is made of, by name (0: unknown), set with the
     * key by claims__claim_key; which ones a kind uses is listed there */
    claims__sid thing;       /* what is counted or priced ("drone") */
    claims__sid action;      /* what was done to it ("buy", "kill") */
    claims__sid what;        /* the event a year or date dates ("war") */
    claims__sid speaker;     /* a quote's speaker, folded ("ehud barak") */
    claims__sid index;       /* an age's place in a list ("1-of-2") */
    claims__sid event;       /* 0: the story's own event; else the label
                                of a background event ("2004", "earlier") */
    uint32_t event_id;       /* 1 the story's own, 2.. background events */
    claims__sid scope;       /* place or group the figure covers ("dubai") */
    claims__sid holder;      /* whose value: a named person (ages), the
                                place a distance is measured from */
    claims__sid quantity;    /* a measure's quantity: "distance", "age" */
    uint8_t part;            /* CLAIMS__PART_* */
    bool hedged;             /* said as a possibility ("might have been two") */
    bool sampled;            /* a poll's or a survey's share: one measurement
                                of many, contradicting no other */
    uint8_t holder_kind;     /* CLAIMS__HOLDER_*: how the holder was named */
    claims__anchor anchor;   /* context.c; read by the event pass */
} claims__frame;

/* The story's table of frames: each distinct frame is stored once in the
 * arena, and claims with equal frames point to one copy (most of a
 * story's claims share a few hundred frames). */
typedef struct claims__frametab {
    const claims__frame **slots; /* a power of two of them; NULL empty */
    /* slot -> its frame's hash, so that a probe passes frames of other
       hashes without reading them (each a cache miss on a long story) */
    uint32_t *hashes;
    uint32_t n, nslots;
    const claims__frame *last; /* the frame stored last (frames.c) */
} claims__frametab;

/* A claim: 72 bytes on a 64-bit machine (it was 272, then 176), as a long
 * article holds tens of thousands. What it is about and the slots it is
 * filed under are its frame, shared with every claim of the same frame
 * (claims__frames_seal); its other strings but a quote's words are ids of
 * the story's string table; its id ("c1"..) is made from its index
 * (claims__claim_id) and what its offsets count into from its article and
 * CLAIMS__CF_IN_TITLE (claims__claim_base). Pointers and doubles first,
 * then 4-byte fields, then bytes: no padding but the tail. */
struct claims_claim {
    const claims_story *story; /* the story it belongs to: its strings */
    const char *str_value;     /* ISO date or normalized words, or NULL */
    /* event, scope, holder, part: the story's shared copy (read-only), or
       while its window is read (CLAIMS__CF_DRAFT) the claim's own draft,
       written in place through claims__draft; later changes go through
       claims__frame_put */
    const claims__frame *frame;
    double value;
    uint32_t index;          /* position in story->claims after sorting */
    uint32_t article;        /* article index */
    uint32_t start, end;     /* the claim's text */
    uint32_t sent_start, sent_end;
    claims__sid speaker;     /* canonical person or description, or 0 */
    claims__sid speaker_desc; /* the words that named the speaker, or 0 */
    uint16_t flags;          /* CLAIMS__CF_* */
    uint8_t kind;            /* claims_kind */
    bool has_value;
    uint8_t precision;       /* CLAIMS__PREC_* for dates */
    /* the index in its article of the sentence it was made in, whose
       span widened sent_start..sent_end (store.c), so that a pass over
       the claims need not search for it again; CLAIMS__SENT_FAR when the
       article has no sentences or too many for its 24 bits. In the
       padding the fields before leave: the claim no bigger. */
    unsigned sentence : 24;
};

/* claims_claim.sentence of a claim whose sentence was not kept */
#define CLAIMS__SENT_FAR 0xFFFFFFu

enum { CLAIMS__MAX_FINDING_CLAIMS_INLINE = 4 };

struct claims_finding {
    char id[16];             /* "f1".. */
    claims_finding_type type;
    const char *key;
    double confidence;
    const char *summary;
    const char *diff;        /* word-level difference of a variant, or NULL */
    const char *label;       /* its heading in words ("people killed") */
    const char *basis;       /* what made its claims comparable, in words */
    uint32_t *claims;        /* claim indexes (arena) */
    size_t nclaims;
};

/* ------------------------------------------------- store.c: claims and findings */

/* A slot key claims__claim_key made, found again by its parts: the
 * claim's kind (its first part is the kind's name) and the tags of the
 * others (store.c). */
typedef struct claims__keymemo {
    uint32_t tags[3]; /* p2..p4 */
    uint32_t kind;
    claims__sid key; /* 0: empty */
} claims__keymemo;

/* Entries of the key memo, powers of two: it starts small, so that a
 * story of one short article neither zeroes nor touches 20 KB (start-up),
 * and grows fourfold, emptied, as the story's strings grow, to the most. */
enum { CLAIMS__KEY_MEMO_FIRST = 64, CLAIMS__KEY_MEMO = 1024 };

/* The story's string table (claims__intern): an open-addressing hash
 * set of ids over strings stored once in the arena. */
typedef struct claims__strtab {
    const char **str;          /* id -> string; [0] unused (NULL) */
    uint32_t *hash;            /* id -> the string's mark (intern.c): 24
                                  bits of its hash, its length to 254 */
    uint32_t n, cap;           /* ids in use (with 0), capacity */
    uint32_t *slots;           /* ids; 0 empty; a power of two of them */
    uint32_t nslots;
    /* keys by their parts' ids, so that a key made before is found
       without joining and hashing its string: it names ids of this table,
       so it is freed with it. NULL until the first key; a cache, so a
       failed allocation only means no memo. */
    claims__keymemo *key_memo;
    uint32_t memo_size; /* entries of key_memo */
    /* the free bytes of the block of the story's arena that strings are
       being copied into (intern.c: the strings side by side, apart from
       the claims); NULL and 0 before the first */
    char *pool;
    uint32_t pool_left;
} claims__strtab;

typedef struct claims__rejected {
    char *id;
    claims_status code;
    char *message;
    long long offset;
} claims__rejected;

/* CLAIMS_OPT_FAIL_CONFIDENCE's default, in percent. */
enum { CLAIMS__FAIL_CONFIDENCE_DEFAULT = 70 };

/* How many articles claims_story_check reads together, an extractor at
 * a time over all of them (story.c). */
enum { CLAIMS__BATCH_ARTICLES = 8 };

struct claims_story {
    claims_allocator alloc;
    claims__arena arena;       /* claims, findings, keys, strings */
    claims__lexicon *lex;
    claims__article *articles;
    size_t narticles, cap_articles;
    uint64_t *id_slots; /* hash set of article ids: index + 1, 0
                           empty, the id's hash above (story.c) */
    size_t id_nslots;
    claims__rejected *rejected;
    size_t nrejected, cap_rejected;
    claims_claim **claims;
    size_t nclaims, cap_claims;
    /* claims[i]'s kind at [i] while the claims are in the order they
       were made (until resolved: freed then, before the sort): a pass
       over the claims of a few kinds reads these bytes, not every claim
       (store.c) */
    uint8_t *claim_kinds;
    size_t cap_claim_kinds;
    claims_finding *findings;
    size_t nfindings, cap_findings;
    bool checked;
    claims_fail_on fail_on;
    int min_confidence;        /* percent: findings shown */
    int fail_confidence;       /* percent: findings that may fail */
    bool compare;              /* make findings (CLAIMS_OPT_COMPARE) */
    bool color;
    bool borrow_text;          /* CLAIMS_OPT_BORROW_TEXT */
    claims__strtab strs;       /* the claims' strings (claims__intern) */
    claims__frametab frames;   /* the claims' shared frames */
    claims__arena drafts;      /* draft frames of the claims being read */
    claims_claim **draft_claims; /* the claims whose frame is a draft */
    size_t ndraft_claims, cap_draft_claims;
    char *claim_ids;           /* "c1", "c2", ... (claims__claim_id) */
    uint32_t claim_id_stride;  /* bytes an id takes in claim_ids */
    /* the token buffers of the windows read together (story.c's
       batches), while checking: the first window's, and the others'
       (CLAIMS__BATCH_ARTICLES - 1 of them, allocated with the first batch
       of more than one article: a story of one article, a CMS's draft,
       starts without them) */
    claims__seg_scratch seg;
    claims__seg_scratch *seg_more;
    /* numbers.c's word classes of the story's words, kept from one
       article to the next (arena memory; NULL until first asked) */
    struct claims__wc_words *wc_words;
};

/* The string of id `id` of the story's table; NULL for 0. */
static inline const char *claims__str(const claims_story *s, claims__sid id)
{
    return id ? s->strs.str[id] : NULL;
}

/* A claim's string field (c->unit, c->frame->scope, ...). */
static inline const char *claims__cstr(const claims_claim *c, claims__sid id)
{
    return id ? c->story->strs.str[id] : NULL;
}

/* What a claim's start, end and sentence span are offsets into: its
 * article's title (CLAIMS__CF_IN_TITLE) or its text (while the article is
 * read, the whole block a title given apart begins). */
static inline const char *claims__claim_base(const claims_claim *c)
{
    const claims__article *a = &c->story->articles[c->article];
    return (c->flags & CLAIMS__CF_IN_TITLE) ? a->title : a->text;
}

/* The claim's id, "c1".. (valid after claims__claim_ids). */
static inline const char *claims__claim_id(const claims_claim *c)
{
    return c->story->claim_ids + (size_t)c->index * c->story->claim_id_stride;
}

/* Writes the ids of the story's claims, numbered 0..nclaims-1, into
 * claim_ids, each in a slot as wide as the longest (7 bytes a claim for
 * up to 99,999 claims, where the claim held 16). False on OOM. */
bool claims__claim_ids(claims_story *s);

/* The id of the string p[0..n) in the story's table, stored on first
 * sight (in the arena: it lives as long as the story). 0 on OOM. */
claims__sid claims__intern(claims_story *s, const char *p, size_t n);

/* The same for a NUL-terminated string or NULL (0). Sets *oom on OOM. */
static inline claims__sid claims__intern_str(claims_story *s, const char *p, bool *oom)
{
    if (!p)
        return 0;
    claims__sid id = claims__intern(s, p, strlen(p));
    if (!id)
        *oom = true;
    return id;
}

/* Frees the table's index (its strings are in the arena). */
void claims__strtab_free(const claims_allocator *a, claims__strtab *t);

/* Allocates a claim of `kind` for article `ai` spanning [start, end),
 * fills its sentence span and appends it to the story. Zeroed otherwise.
 * NULL on OOM. */
claims_claim *claims__claim_add(claims_story *s, size_t ai, claims_kind kind, size_t start,
                                size_t end);
/* claims__claim_add of the span of article ai's tokens [tb, te), te > tb:
 * its sentence is its first token's, not searched for. */
claims_claim *claims__claim_add_tok(claims_story *s, size_t ai, claims_kind kind, size_t tb,
                                    size_t te);

/* The draft frame of claim cl, made by claims__claim_add, to write while
 * its window of text is read (cl has CLAIMS__CF_DRAFT until
 * claims__frames_seal); a shared frame is never written through it. */
static inline claims__frame *claims__draft(claims_claim *cl)
{
    return (claims__frame *)cl->frame;
}

/* Gives claim cl the frame *f: copied into its draft while it has one,
 * else shared through the story's frame table. False on OOM. */
bool claims__frame_put(claims_story *s, claims_claim *cl, const claims__frame *f);

/* Gives claim cl a zeroed draft frame of its own (CLAIMS__CF_DRAFT),
 * to be shared by the next claims__frames_seal. NULL on OOM. Inline in
 * claims__claim_add, its one caller, once a claim. */
static inline claims__frame *claims__frame_draft(claims_story *s, claims_claim *cl)
{
    if (!claims__grow(&s->alloc, (void **)&s->draft_claims, &s->cap_draft_claims,
                      s->ndraft_claims + 1, sizeof *s->draft_claims))
        return NULL;
    claims__frame *f = claims__arena_alloc_raw(&s->drafts, sizeof *f);
    if (!f)
        return NULL;
    s->draft_claims[s->ndraft_claims++] = cl;
    /* zeroed (every field's zero is all zero bits here), the story's own
       event unless events.c tells another */
#ifdef CLAIMS__SSE2
    /* by eight stores of a register: the assignment was a "rep stos",
       slow to start for 120 bytes (frames.c asserts the size) */
    __m128i zero = _mm_setzero_si128(), *z = (__m128i *)(void *)f;
    _mm_storeu_si128(z, zero);
    _mm_storeu_si128(z + 1, zero);
    _mm_storeu_si128(z + 2, zero);
    _mm_storeu_si128(z + 3, zero);
    _mm_storeu_si128(z + 4, zero);
    _mm_storeu_si128(z + 5, zero);
    _mm_storeu_si128(z + 6, zero);
    _mm_storel_epi64(z + 7, zero);
    f->event_id = 1;
#else
    *f = (claims__frame){.event_id = 1};
#endif
    cl->frame = f;
    cl->flags |= CLAIMS__CF_DRAFT;
    return f;
}

/* Shares the frames of the claims made or changed since the last call
 * through the story's frame table and frees their drafts: called when a
 * window of an article has been read, so a story's drafts are one
 * window's. False on OOM (the claims keep their drafts). */
bool claims__frames_seal(claims_story *s);

/* Frees the frame table's index and the drafts (frames are in arenas). */
void claims__frames_free(claims_story *s);

/* spelling.c: writes w[0..n) with its British spelling folded to the
 * American one by rule ("harbour" -> "harbor", "centres" -> "centers",
 * "jewellery" -> "jewelry") into out (cap bytes, NUL-terminated); returns
 * its length, or 0 when no rule applies or out is too small (w is then
 * its own fold, and out is not written). */
size_t claims__spelling_fold(const char *w, size_t n, char *out, size_t cap);

/* Sets claim cl's key and its named parts from the key's parts, by kind
 * (a thing's spelling folded by claims__spelling_fold); the key's first
 * part is the kind's name (claims_kind_name):
 *   count:   p2 thing, p3 action
 *   money:   p2 thing, p3 action, p4 currency
 *   percent: p2 thing
 *   measure: p2 quantity, p3 thing (an age: its person), p4 index
 *   year, date: p2 what
 *   quote, paraphrase: p2 speaker
 * "-" (and "?" for a speaker) is unknown: the named part stays NULL. The
 * key is rendered once, for output and grouping. Returns the key (also
 * stored in cl->key), NULL on OOM. */
const char *claims__claim_key(claims_story *s, claims_claim *cl, const char *p2, const char *p3,
                              const char *p4);

/* Builds a slot key from NUL-terminated parts joined by '/' (NULL parts
 * skipped), interned in the story's table: the id, 0 on OOM. */
claims__sid claims__key(claims_story *s, const char *p1, const char *p2, const char *p3,
                        const char *p4);

/* Arena string helpers on the story. */
char *claims__story_strndup(claims_story *s, const char *p, size_t n);

/* Appends a finding (copied; `claims` copied too). NULL on OOM. */
claims_finding *claims__finding_add(claims_story *s, claims_finding_type type,
                                    const char *key, double confidence,
                                    const uint32_t *claims, size_t nclaims);


#endif /* CLAIMS_BASE_H */
