/* likeness.c - how closely the sentences of two claims say the same thing.
 *
 * Two figures whose frames leave a part unknown ("2,029 points" and
 * "2,129 points", no verb; "today" and "last Friday", no event) are about
 * the same thing only when their sentences tell it in the same words:
 * "finished his career with 2,029 points" against "ended his career with
 * 2,129 points". Two measures, the larger counts: the share of content
 * words (no digits, no function words) the two sentences have in common,
 * over the smaller set; and the words right around the claim ("McDermott
 * now has [2,029 points]" against "McDermott now has [2,129 points]").
 * Each claim's words are read once and kept. */
#include "compare/compare.h"

#include <stdlib.h>
#include <string.h>

enum { WORDS_MAX = 40, MIN_WORDS = 4, WORD_MIN_LEN = 3, MANY_COMMON = 8 };
#define MANY_COMMON_LIKENESS 0.7

enum { BEFORE = 3, AFTER = 2, NAMES_MAX = 8 };

typedef struct wordset {
    uint32_t h[WORDS_MAX];
    uint8_t n;
    /* the words right before and after the claim, nearest first (0: none) */
    uint32_t before[BEFORE], after[AFTER];
    bool content_before; /* a content word among them */
    /* name tails: a capitalized word after another ("Orleans", "Ivory" of
     * "New Orleans", "Chris Ivory"), sentence start left out */
    uint32_t names[NAMES_MAX];
    uint8_t nnames;
} wordset;

/* Claims a page of sets covers. */
enum { PAGE_SETS = 256 };

struct claims__likeness {
    const claims_allocator *al;
    /* The sets, by claim index, made on first use. Most claims never need
     * one (none of the 535k of the synthetic 100,000-article story), so a
     * pointer for every claim would be mostly NULLs (4.3 MB there): pages
     * of PAGE_SETS pointers instead, a page made with its first set. */
    wordset ***pages;
    size_t n;       /* claims */
    bool failed;    /* a set could not be allocated */
};

claims__likeness *claims__likeness_new(const claims_allocator *al, size_t nclaims)
{
    claims__likeness *ev = claims__malloc(al, sizeof *ev);
    if (!ev)
        return NULL;
    ev->al = al;
    ev->n = nclaims;
    ev->failed = false;
    size_t npages = nclaims / PAGE_SETS + 1;
    ev->pages = claims__malloc(al, npages * sizeof *ev->pages);
    if (!ev->pages) {
        claims__free(al, ev);
        return NULL;
    }
    memset(ev->pages, 0, npages * sizeof *ev->pages);
    return ev;
}

void claims__likeness_free(claims__likeness *ev)
{
    if (!ev)
        return;
    for (size_t p = 0; p <= ev->n / PAGE_SETS; p++) {
        for (size_t i = 0; ev->pages[p] && i < PAGE_SETS; i++)
            claims__free(ev->al, ev->pages[p][i]);
        claims__free(ev->al, ev->pages[p]);
    }
    claims__free(ev->al, ev->pages);
    claims__free(ev->al, ev);
}

/* Words that carry no content of their own. */
static bool function_word(const char *w, size_t n)
{
    /* each zero-padded to eight bytes, compared as one word with the
     * word's bytes packed the same way (no strlen or memcmp a word) */
    static const char stop[][8] = {
        "the",   "and",   "for",    "with",  "from",  "that", "this", "was",   "were",
        "are",   "has",   "had",    "have",  "been",  "its",  "his",  "her",   "their",
        "they",  "said",  "says",   "who",   "which", "but",  "not",  "will",  "would",
        "into",  "after", "before", "about", "than",  "more", "also", "there", "when",
        "where", "while", "one",    "two",   "three", "four", "five", "six",   "seven",
        "eight", "nine",  "ten",    "told",  "our",   "you",  "she",  "him"};
    if (n >= 8)
        return false;
    char packed[8]; /* eight steps, not n: a loop of n would be a memcpy call */
    for (size_t k = 0; k < 8; k++)
        packed[k] = k < n ? w[k] : 0;
    uint64_t key;
    memcpy(&key, packed, 8);
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++) {
        uint64_t s;
        memcpy(&s, stop[i], 8);
        if (s == key)
            return true;
    }
    return false;
}

/* The hash of the word ending right before byte `end` (skipping spaces
 * and punctuation back to `lo`); 0 when none. Sets *begin to its start. */
static uint32_t word_before(const char *t, size_t lo, size_t end, size_t *begin, bool *content)
{
    size_t i = end;
    while (i > lo && !claims__is_alpha((unsigned char)t[i - 1]) && (unsigned char)t[i - 1] < 0x80)
        i--;
    size_t e = i;
    while (i > lo && (claims__is_alpha((unsigned char)t[i - 1]) ||
                      (unsigned char)t[i - 1] >= 0x80 || t[i - 1] == '\''))
        i--;
    *begin = i;
    if (e == i || e - i >= 32)
        return 0;
    char w[32];
    for (size_t k = i; k < e; k++)
        w[k - i] = (char)claims__to_lower((unsigned char)t[k]);
    *content |= !function_word(w, e - i) && e - i >= WORD_MIN_LEN;
    return claims__hash(CLAIMS__HASH_INIT, w, e - i);
}

static uint32_t word_after(const char *t, size_t start, size_t hi, size_t *end)
{
    size_t i = start;
    while (i < hi && !claims__is_alpha((unsigned char)t[i]) && (unsigned char)t[i] < 0x80)
        i++;
    size_t b = i;
    while (i < hi && (claims__is_alpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80 ||
                      t[i] == '\''))
        i++;
    *end = i;
    if (i == b || i - b >= 32)
        return 0;
    char w[32];
    for (size_t k = b; k < i; k++)
        w[k - b] = (char)claims__to_lower((unsigned char)t[k]);
    return claims__hash(CLAIMS__HASH_INIT, w, i - b);
}

static void make_around(wordset *ws, const claims_claim *c)
{
    const char *t = claims__claim_base(c);
    size_t at = c->start;
    ws->content_before = false;
    for (int k = 0; k < BEFORE; k++)
        ws->before[k] = word_before(t, c->sent_start, at, &at, &ws->content_before);
    at = c->end;
    for (int k = 0; k < AFTER; k++)
        ws->after[k] = word_after(t, at, c->sent_end, &at);
}

/* Likeness of the words around two claims: the three words before alike
 * (one of them a content word) is strong; two of them and one after is
 * fair; else none. */
static double around_likeness(const wordset *a, const wordset *b)
{
    int before = 0, after = 0;
    for (int k = 0; k < BEFORE && a->before[k] && a->before[k] == b->before[k]; k++)
        before++;
    for (int k = 0; k < AFTER; k++)
        after += a->after[k] && a->after[k] == b->after[k];
    if (!a->content_before || !b->content_before)
        return 0;
    if (before == BEFORE)
        return 0.8;
    if (before == 2 && after >= 1)
        return 0.65;
    return 0;
}

static bool upper_ascii(unsigned char ch)
{
    return ch >= 'A' && ch <= 'Z';
}

/* The name tails of c's sentence into ws. A pair whose first word opens
 * the sentence is no name ("The Saints"): that word may be capitalized
 * for its place alone. */
static void make_names(wordset *ws, const claims_claim *c)
{
    const char *t = claims__claim_base(c);
    bool prev_cap = false, prev_first = false, start = true;
    size_t i = c->sent_start;
    while (i < c->sent_end && ws->nnames < NAMES_MAX) {
        unsigned char ch = (unsigned char)t[i];
        if (!(claims__is_alpha(ch) || ch >= 0x80)) {
            /* a name runs over spaces only ("Chris Ivory", not "Ivory, Bell") */
            if (ch != ' ')
                prev_cap = false;
            i++;
            continue;
        }
        size_t b = i;
        while (i < c->sent_end &&
               (claims__is_alpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80))
            i++;
        bool cap = upper_ascii(ch) && i - b >= 2;
        if (cap && prev_cap && !prev_first) {
            uint32_t h = claims__hash(CLAIMS__HASH_INIT, t + b, i - b);
            bool seen = false;
            for (size_t k = 0; k < ws->nnames && !seen; k++)
                seen = ws->names[k] == h;
            if (!seen)
                ws->names[ws->nnames++] = h;
        }
        prev_first = start;
        start = false;
        prev_cap = cap;
    }
}

static void make_set(wordset *ws, const claims_claim *c)
{
    ws->n = 0;
    ws->nnames = 0;
    memset(ws->before, 0, sizeof ws->before);
    memset(ws->after, 0, sizeof ws->after);
    ws->content_before = false;
    const char *t = claims__claim_base(c);
    if (!t)
        return;
    make_around(ws, c);
    make_names(ws, c);
    char w[32];
    size_t i = c->sent_start;
    while (i < c->sent_end && ws->n < WORDS_MAX) {
        unsigned char ch = (unsigned char)t[i];
        if (!(claims__is_alpha(ch) || ch >= 0x80 || claims__is_digit(ch))) {
            i++;
            continue;
        }
        size_t b = i, n = 0;
        bool digit = false;
        while (i < c->sent_end) {
            ch = (unsigned char)t[i];
            if (!(claims__is_alpha(ch) || ch >= 0x80 || claims__is_digit(ch) || ch == '\''))
                break;
            digit |= claims__is_digit(ch);
            if (n < sizeof w)
                w[n++] = (char)claims__to_lower(ch);
            i++;
        }
        if (digit || i - b < WORD_MIN_LEN || n >= sizeof w || function_word(w, n))
            continue;
        uint32_t h = claims__hash(CLAIMS__HASH_INIT, w, n);
        bool seen = false;
        for (size_t k = 0; k < ws->n && !seen; k++)
            seen = ws->h[k] == h;
        if (!seen)
            ws->h[ws->n++] = h;
    }
    /* at most WORDS_MAX hashes: by insertion */
    for (size_t k = 1; k < ws->n; k++) {
        uint32_t v = ws->h[k];
        size_t j = k;
        for (; j > 0 && ws->h[j - 1] > v; j--)
            ws->h[j] = ws->h[j - 1];
        ws->h[j] = v;
    }
}

/* The word set of claim c, made on first use; NULL on OOM (then
 * ev->failed is set) or for a claim out of range. */
static wordset *set_of(claims__likeness *ev, const claims_claim *c)
{
    if (c->index >= ev->n)
        return NULL;
    wordset ***page = &ev->pages[c->index / PAGE_SETS];
    if (!*page) {
        *page = claims__malloc(ev->al, PAGE_SETS * sizeof **page);
        if (!*page) {
            ev->failed = true;
            return NULL;
        }
        memset(*page, 0, PAGE_SETS * sizeof **page);
    }
    wordset **ws = &(*page)[c->index % PAGE_SETS];
    if (!*ws) {
        *ws = claims__malloc(ev->al, sizeof **ws);
        if (!*ws) {
            ev->failed = true;
            return NULL;
        }
        make_set(*ws, c);
    }
    return *ws;
}

/* Both sentences name someone and no name is shared ("placed Pierre
 * Thomas on injured reserve" against "placed Chris Ivory on injured
 * reserve"): alike words about two people are no evidence of one thing. */
static bool other_names(const wordset *a, const wordset *b)
{
    if (!a->nnames || !b->nnames)
        return false;
    for (size_t i = 0; i < a->nnames; i++)
        for (size_t j = 0; j < b->nnames; j++)
            if (a->names[i] == b->names[j])
                return false;
    return true;
}

bool claims__likeness_failed(const claims__likeness *ev)
{
    return ev->failed;
}

double claims__likeness_of(claims__likeness *ev, const claims_claim *a,
                                   const claims_claim *b)
{
    wordset *sa = set_of(ev, a), *sb = set_of(ev, b);
    if (!sa || !sb || other_names(sa, sb))
        return 0;
    double around = around_likeness(sa, sb);
    size_t small = sa->n < sb->n ? sa->n : sb->n;
    if (small < MIN_WORDS)
        return around;
    size_t i = 0, j = 0, common = 0;
    while (i < sa->n && j < sb->n) {
        if (sa->h[i] == sb->h[j]) {
            common++;
            i++;
            j++;
        } else if (sa->h[i] < sb->h[j]) {
            i++;
        } else {
            j++;
        }
    }
    double share = (double)common / (double)small;
    /* two long sentences that share many content words tell one thing */
    if (common >= MANY_COMMON && share < MANY_COMMON_LIKENESS)
        share = MANY_COMMON_LIKENESS;
    return share > around ? share : around;
}
