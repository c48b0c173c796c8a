/* words.c - the one toolkit for normalized words: splitting a normalized
 * string into words, folding Latin accents, one word-level LCS aligner
 * that marks the words outside the common subsequence, one diff writer
 * over those marks, overlap, and the contained-run test. Used by quotes
 * and people (extract/), compare/ and the HTML writer. */
#include "base/base.h"

#include <string.h>

/* ------------------------------------------------------------ folding */

/* Base letters of U+00C0..U+017F; 0 keeps the character as it is. */
static const char latin_base[192] = {
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* C0 */
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 't', 's', /* D0 */
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* E0 */
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 't', 'y', /* F0 */
    'a', 'a', 'a', 'a', 'a', 'a', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'd', 'd', /* 100 */
    'd', 'd', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'g', 'g', 'g', 'g', /* 110 */
    'g', 'g', 'g', 'g', 'h', 'h', 'h', 'h', 'i', 'i', 'i', 'i', 'i', 'i', 'i', 'i', /* 120 */
    'i', 'i', 'i', 'i', 'j', 'j', 'k', 'k', 'k', 'l', 'l', 'l', 'l', 'l', 'l', 'l', /* 130 */
    'l', 'l', 'l', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'o', 'o', 'o', 'o', /* 140 */
    'o', 'o', 'o', 'o', 'r', 'r', 'r', 'r', 'r', 'r', 's', 's', 's', 's', 's', 's', /* 150 */
    's', 's', 't', 't', 't', 't', 't', 't', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', /* 160 */
    'u', 'u', 'u', 'u', 'w', 'w', 'y', 'y', 'y', 'z', 'z', 'z', 'z', 'z', 'z', 's', /* 170 */
};

/* Folds the Latin accents of out->data[from..len) in place: a folded
 * letter is never longer than its source. */
static void fold_latin(claims__buf *out, size_t from)
{
    size_t w = from;
    size_t i = from;
    while (i < out->len) {
        unsigned char c = (unsigned char)out->data[i];
        if (c < 0x80) {
            out->data[w++] = (char)c;
            i++;
            continue;
        }
        size_t j = i;
        int32_t cp = claims__utf8_next(out->data, out->len, &j);
        if (cp >= 0xC0 && cp <= 0x17F && latin_base[cp - 0xC0]) {
            out->data[w++] = latin_base[cp - 0xC0];
        } else {
            memmove(out->data + w, out->data + i, j - i);
            w += j - i;
        }
        i = j;
    }
    out->len = w;
}

bool claims__fold_norm_append(claims__buf *out, const char *s, size_t n)
{
    size_t from = out->len;
    if (!claims__buf_put(out, s, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) {
            fold_latin(out, from);
            break;
        }
    return true;
}

/* ---------------------------------------------------------- splitting */

bool claims__words_split(const claims_allocator *al, const char *s, bool hash, claims__word **w,
                         size_t *cap, size_t *n)
{
    /* room for the most words strlen(s) bytes hold, once: no test a word,
     * and the words go through a local pointer that no store aliases */
    *n = 0;
    if (!claims__grow(al, (void **)w, cap, (strlen(s) + 1) / 2, sizeof **w))
        return false;
    claims__word *out = *w;
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const unsigned char *b = p;
        /* a word ends at a space or the NUL: the bytes that are 0 once
         * the space's bit is cleared, one test a byte */
        uint32_t x = 0;
        if (hash) {
            x = CLAIMS__HASH_INIT; /* claims__hash of the word */
            do
                x = (x ^ *p) * 16777619u;
            while ((*++p & 0xDF) != 0);
        } else {
            while ((*++p & 0xDF) != 0)
                ;
        }
        out[k].p = (const char *)b;
        out[k].len = (uint32_t)(p - b);
        out[k].hash = x;
        k++;
    }
    *n = k;
    return true;
}

bool claims__words_within(const char *in, const char *out)
{
    size_t n = strlen(in);
    if (!n)
        return false;
    for (const char *p = strstr(out, in); p; p = strstr(p + 1, in)) {
        bool left = p == out || p[-1] == ' ';
        bool right = p[n] == 0 || p[n] == ' ';
        if (left && right)
            return true;
    }
    return false;
}

/* ---------------------------------------------------------- alignment */

void claims__wordpair_init(claims__wordpair *wp, const claims_allocator *al)
{
    memset(wp, 0, sizeof *wp);
    wp->al = al;
}

void claims__wordpair_free(claims__wordpair *wp)
{
    claims__free(wp->al, wp->dp);
    claims__free(wp->al, wp->a);
    claims__free(wp->al, wp->b);
    claims__free(wp->al, wp->ma);
    claims__free(wp->al, wp->mb);
    claims__free(wp->al, wp->bits);
    memset(wp, 0, sizeof *wp);
}

static bool w_eq(const claims__word *a, const claims__word *b)
{
    return a->hash == b->hash && a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

/* Fills the suffix-form LCS table of a[0..n) and b[0..m): L[i][j] is the
 * LCS length of a[i..] and b[j..], rows of m + 1 cells. */
static void lcs_table(uint32_t *L, const claims__word *a, size_t n, const claims__word *b,
                      size_t m)
{
    size_t W = m + 1;
    for (size_t j = 0; j <= m; j++)
        L[n * W + j] = 0;
    for (size_t i = n; i-- > 0;) {
        L[i * W + m] = 0;
        for (size_t j = m; j-- > 0;) {
            if (w_eq(&a[i], &b[j])) {
                L[i * W + j] = L[(i + 1) * W + j + 1] + 1;
            } else {
                uint32_t x = L[(i + 1) * W + j], y = L[i * W + j + 1];
                L[i * W + j] = x >= y ? x : y;
            }
        }
    }
}

/* Marks the words of a[0..n) and b[0..m) outside one LCS read off table L,
 * preferring to drop a's word on ties; returns the common length. */
static size_t lcs_trace(const uint32_t *L, const claims__word *a, size_t n,
                        const claims__word *b, size_t m, uint8_t *ma, uint8_t *mb)
{
    size_t W = m + 1, i = 0, j = 0, common = 0;
    while (i < n && j < m) {
        if (w_eq(&a[i], &b[j])) {
            i++;
            j++;
            common++;
        } else if (L[(i + 1) * W + j] >= L[i * W + j + 1]) {
            ma[i++] = 1;
        } else {
            mb[j++] = 1;
        }
    }
    while (i < n)
        ma[i++] = 1;
    while (j < m)
        mb[j++] = 1;
    return common;
}

/* Aligns the words already split into wp->a and wp->b. */
static bool align_split(claims__wordpair *wp, size_t max_cells)
{
    size_t na = wp->na, nb = wp->nb;
    if (!claims__grow(wp->al, (void **)&wp->ma, &wp->macap, na + 1, 1) ||
        !claims__grow(wp->al, (void **)&wp->mb, &wp->mbcap, nb + 1, 1))
        return false;
    memset(wp->ma, 0, na);
    memset(wp->mb, 0, nb);
    /* Common prefix and suffix first: most pairs differ in a word or two,
     * so the quadratic part is small. */
    size_t p = 0, q = 0;
    while (p < na && p < nb && w_eq(&wp->a[p], &wp->b[p]))
        p++;
    while (q < na - p && q < nb - p && w_eq(&wp->a[na - 1 - q], &wp->b[nb - 1 - q]))
        q++;
    size_t n = na - p - q, m = nb - p - q;
    wp->common = p + q;
    bool fits = n && m && n + 1 <= max_cells / (m + 1);
    if (!fits) {
        memset(wp->ma + p, 1, n);
        memset(wp->mb + p, 1, m);
        return true;
    }
    if (!claims__grow(wp->al, (void **)&wp->dp, &wp->dpcap, (n + 1) * (m + 1),
                      sizeof *wp->dp))
        return false;
    lcs_table(wp->dp, wp->a + p, n, wp->b + p, m);
    wp->common += lcs_trace(wp->dp, wp->a + p, n, wp->b + p, m, wp->ma + p, wp->mb + p);
    return true;
}

bool claims__wordpair_align(claims__wordpair *wp, const char *a, const char *b,
                            size_t max_cells)
{
    wp->common = 0;
    wp->a_src = NULL;
    if (!claims__words_split(wp->al, a ? a : "", true, &wp->a, &wp->acap, &wp->na) ||
        !claims__words_split(wp->al, b ? b : "", true, &wp->b, &wp->bcap, &wp->nb))
        return false;
    return align_split(wp, max_cells);
}

/* The number of bits set in x. */
static size_t popcount64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555u);
    x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fu;
    return (size_t)((x * 0x0101010101010101u) >> 56);
}

/* The length of a longest common subsequence of words x[0..s) and
 * y[0..l) (s > 0) into *out, bit-parallel (Allison and Dix; Hyyro,
 * "Bit-parallel LCS-length computation revisited", 2004): a bit for each
 * word of x, a row of bits for each distinct word of x (where it
 * stands), and one pass over y that steps a bit vector V by
 * V = (V + (V & M)) | (V & ~M) with the row M of y's word; the length is
 * the count of V's zero bits. The same number lcs_table's corner holds,
 * in s / 64 steps a word of y that x has, and none for a word it has
 * not, instead of s cells. False on OOM. */
static bool lcs_length(claims__wordpair *wp, const claims__word *x, size_t s, const claims__word *y,
                       size_t l, size_t *out)
{
    size_t W = (s + 63) / 64, T = 16;
    while (T < 2 * s)
        T *= 2;
    /* dp: the classes by word (T slots, 0 or 1 + a class), then each
     * class's first word in x; bits: the classes' rows, then V */
    if (!claims__grow(wp->al, (void **)&wp->dp, &wp->dpcap, T + s, sizeof *wp->dp) ||
        !claims__grow(wp->al, (void **)&wp->bits, &wp->bitscap, (s + 1) * W, sizeof *wp->bits))
        return false;
    uint32_t *slot = wp->dp, *first = wp->dp + T;
    uint64_t *rows = wp->bits, *V = wp->bits + s * W;
    memset(slot, 0, T * sizeof *slot);
    size_t nclass = 0;
    for (size_t j = 0; j < s; j++) {
        size_t i = x[j].hash & (T - 1);
        while (slot[i] && !w_eq(&x[first[slot[i] - 1]], &x[j]))
            i = (i + 1) & (T - 1);
        if (!slot[i]) {
            first[nclass] = (uint32_t)j;
            /* a row is a word or two: stores, not a call */
            for (size_t k = 0; k < W; k++)
                rows[nclass * W + k] = 0;
            slot[i] = (uint32_t)++nclass;
        }
        rows[(slot[i] - 1) * W + j / 64] |= (uint64_t)1 << (j % 64);
    }
    for (size_t k = 0; k < W; k++)
        V[k] = ~(uint64_t)0;
    for (size_t t = 0; t < l; t++) {
        size_t i = y[t].hash & (T - 1);
        while (slot[i] && !w_eq(&x[first[slot[i] - 1]], &y[t]))
            i = (i + 1) & (T - 1);
        if (!slot[i])
            continue;
        const uint64_t *M = rows + (slot[i] - 1) * W;
        uint64_t carry = 0;
        for (size_t k = 0; k < W; k++) {
            uint64_t v = V[k], u = v & M[k];
            uint64_t sum = v + u;
            uint64_t c1 = sum < v;
            sum += carry;
            carry = c1 | (sum < carry);
            V[k] = sum | (v & ~M[k]);
        }
    }
    size_t ones = 0;
    for (size_t k = 0; k < W; k++) {
        uint64_t v = V[k];
        if (k == W - 1 && s % 64)
            v &= ((uint64_t)1 << (s % 64)) - 1;
        ones += popcount64(v);
    }
    *out = s - ones;
    return true;
}

bool claims__wordpair_set_a(claims__wordpair *wp, const char *a)
{
    if (!a)
        a = "";
    if (a == wp->a_src)
        return true;
    wp->a_src = NULL;
    if (!claims__words_split(wp->al, a, true, &wp->a, &wp->acap, &wp->na))
        return false;
    wp->a_src = a;
    return true;
}

bool claims__wordpair_count(claims__wordpair *wp, const char *a, const char *b, size_t max_cells)
{
    wp->common = 0;
    if (!claims__wordpair_set_a(wp, a))
        return false;
    if (!claims__words_split(wp->al, b ? b : "", true, &wp->b, &wp->bcap, &wp->nb))
        return false;
    /* the middles as align_split finds them, and the same limit */
    size_t na = wp->na, nb = wp->nb, p = 0, q = 0;
    while (p < na && p < nb && w_eq(&wp->a[p], &wp->b[p]))
        p++;
    while (q < na - p && q < nb - p && w_eq(&wp->a[na - 1 - q], &wp->b[nb - 1 - q]))
        q++;
    size_t n = na - p - q, m = nb - p - q, lcs = 0;
    wp->common = p + q;
    if (!(n && m && n + 1 <= max_cells / (m + 1)))
        return true;
    /* the bits go over the shorter middle */
    if (!(n <= m ? lcs_length(wp, wp->a + p, n, wp->b + p, m, &lcs)
                 : lcs_length(wp, wp->b + p, m, wp->a + p, n, &lcs)))
        return false;
    wp->common += lcs;
    return true;
}

double claims__wordpair_overlap(const claims__wordpair *wp)
{
    size_t m = wp->na < wp->nb ? wp->na : wp->nb;
    return m ? (double)wp->common / (double)m : 0;
}

/* ---------------------------------------------------------------- diff */

static void put_words(claims__buf *d, const claims__word *w, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (k > from)
            claims__buf_putc(d, ' ');
        claims__buf_put(d, w[k].p, w[k].len);
    }
}

/* One edit: a-words [i0, i) replaced by b-words [j0, j), or one side's
 * words dropped ("-") or added ("+"). */
static void put_edit(claims__buf *d, const claims__wordpair *wp, size_t i0, size_t i,
                     size_t j0, size_t j)
{
    if (i > i0 && j > j0) {
        put_words(d, wp->a, i0, i);
        claims__buf_puts(d, " -> ");
        put_words(d, wp->b, j0, j);
    } else if (i > i0) {
        claims__buf_putc(d, '-');
        put_words(d, wp->a, i0, i);
    } else {
        claims__buf_putc(d, '+');
        put_words(d, wp->b, j0, j);
    }
}

void claims__wordpair_diff(const claims__wordpair *wp, claims__buf *d)
{
    size_t na = wp->na, nb = wp->nb;
    size_t i = 0, j = 0, edits = 0;
    while (i < na || j < nb) {
        size_t i0 = i, j0 = j;
        while (i < na && wp->ma[i])
            i++;
        while (j < nb && wp->mb[j])
            j++;
        /* words only one side has at the very start or end: a rendering
         * cut short, not a change of words */
        bool edge = (i0 == 0 && j0 == 0) || (i == na && j == nb);
        bool one_sided = i == i0 || j == j0;
        if ((i > i0 || j > j0) && !(edge && one_sided)) {
            if (edits == CLAIMS__DIFF_MAX_EDITS) {
                claims__buf_puts(d, "; ...");
                break;
            }
            if (edits++)
                claims__buf_puts(d, "; ");
            put_edit(d, wp, i0, i, j0, j);
        }
        /* skip the common word that ends this run */
        if (i < na)
            i++;
        if (j < nb)
            j++;
    }
}
