/* mem.c - allocation through the story's hooks, arenas, buffers, and the
 * small locale-independent helpers every layer needs. */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

void *claims__malloc(const claims_allocator *a, size_t n)
{
    if (n == 0)
        n = 1;
    return a->malloc_fn(n, a->user_data);
}

void *claims__realloc(const claims_allocator *a, void *p, size_t n)
{
    if (n == 0)
        n = 1;
    return a->realloc_fn(p, n, a->user_data);
}

void claims__free_block(const claims_allocator *a, void *p)
{
    a->free_fn(p, a->user_data);
}

bool claims__grow_to(const claims_allocator *a, void **data, size_t *cap, size_t need, size_t elem)
{
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return false;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return false;
    void *p = claims__realloc(a, *data, ncap * elem);
    if (!p)
        return false;
    *data = p;
    *cap = ncap;
    return true;
}

void claims__shrink(const claims_allocator *a, void **data, size_t *cap, size_t n, size_t elem)
{
    if (!*data || n >= *cap || n == 0)
        return;
    void *p = claims__realloc(a, *data, n * elem);
    if (p) {
        *data = p;
        *cap = n;
    }
}

/* ------------------------------------------------------------ arena */

/* An arena's blocks grow with it: 64 KB while it holds less than 256 KB,
 * then a quarter of what it holds, up to 4 MB. A story of thousands of
 * articles then holds its claims and strings in a few blocks of 2 and 4
 * MB, not in hundreds of 64 KB ones: fewer allocations, and blocks that
 * an allocator can give huge pages (the `claims` tool's gives them to the
 * 4 MB ones: tools/cli_alloc.c, which asks for that size exactly), where
 * every 4 KB page of them was a page fault. A block with its header is
 * 64 bytes short of a power of two, room for the allocator's own header
 * within the power of two. */
enum { ARENA_BLOCK = 64 * 1024, ARENA_BLOCK_MAX = 4 * 1024 * 1024, ARENA_SLACK = 64 };

static size_t header_size(void)
{
    return CLAIMS__ARENA_HEADER;
}

static size_t block_size(const claims__arena *ar)
{
    size_t size = ARENA_BLOCK;
    while (size < ARENA_BLOCK_MAX && size * 4 <= ar->held)
        size *= 2;
    return size - header_size() - ARENA_SLACK;
}

void claims__arena_init(claims__arena *ar, const claims_allocator *alloc)
{
    ar->alloc = alloc;
    ar->head = NULL;
    ar->held = 0;
}

/* A new block for n bytes (rounded), and them from it: apart from
 * claims__arena_alloc_raw, whose bump (most calls) is inline. */
CLAIMS__NOINLINE void *claims__arena_alloc_block(claims__arena *ar, size_t n)
{
    claims__arena_block *b = ar->head;
    size_t regular = block_size(ar);
    bool apart = n > regular / 4;
    size_t size = apart ? n : regular;
    if (size > SIZE_MAX - header_size())
        return NULL;
    claims__arena_block *nb = claims__malloc(ar->alloc, header_size() + size);
    if (!nb)
        return NULL;
    nb->used = n;
    nb->size = size;
    nb->apart = apart;
    if (b && apart) {
        /* A big one-off allocation goes behind the current block so
         * the current block's free space stays usable. */
        nb->next = b->next;
        b->next = nb;
    } else {
        nb->next = b;
        ar->head = nb;
    }
    if (!apart)
        ar->held += header_size() + size + ARENA_SLACK;
    return (char *)nb + header_size();
}

void *claims__arena_alloc(claims__arena *ar, size_t n)
{
    void *p = claims__arena_alloc_raw(ar, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *claims__arena_strndup(claims__arena *ar, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    /* every byte written below: not zeroed first */
    char *p = claims__arena_alloc_raw(ar, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void claims__arena_clear(claims__arena *ar)
{
    claims__arena_block *keep = ar->head, *rest = NULL;
    if (keep && !keep->apart) {
        rest = keep->next;
        keep->next = NULL;
        keep->used = 0;
    } else {
        rest = keep;
        keep = NULL;
    }
    ar->head = rest;
    claims__arena_release(ar);
    ar->head = keep;
    ar->held = keep ? header_size() + keep->size + ARENA_SLACK : 0;
}

void claims__arena_release(claims__arena *ar)
{
    claims__arena_block *b = ar->head;
    while (b) {
        claims__arena_block *next = b->next;
        claims__free(ar->alloc, b);
        b = next;
    }
    ar->head = NULL;
    ar->held = 0;
}

/* ------------------------------------------------------------ buffer */

void claims__buf_init(claims__buf *b, const claims_allocator *a)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->alloc = a;
    b->failed = false;
}

bool claims__buf_put(claims__buf *b, const char *s, size_t n)
{
    if (b->failed)
        return false;
    /* The common case: it fits (cap > len whenever data is set). */
    if (b->cap && n < b->cap - b->len) {
        /* a report's pieces are mostly short: no memcpy call for them
         * (musl's costs three times glibc's) */
        claims__copy_short(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = 0;
        return true;
    }
    if (n > SIZE_MAX - b->len - 1 ||
        !claims__grow(b->alloc, (void **)&b->data, &b->cap, b->len + n + 1, 1)) {
        b->failed = true;
        return false;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

bool claims__buf_puts(claims__buf *b, const char *s)
{
    return claims__buf_put(b, s, strlen(s));
}

bool claims__buf_putc(claims__buf *b, char c)
{
    return claims__buf_put(b, &c, 1);
}

bool claims__buf_put_int(claims__buf *b, long long v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    return claims__buf_put(b, tmp + i, sizeof tmp - i);
}

bool claims__buf_put_num(claims__buf *b, double v)
{
    if (v != v)
        return claims__buf_puts(b, "0"); /* NaN never reaches a report */
    bool neg = v < 0;
    double a = neg ? -v : v;
    if (a > 1.7e308)
        return claims__buf_puts(b, neg ? "-1e308" : "1e308"); /* infinity */
    if (a >= 9e15) {
        /* Beyond exact integers: a mantissa and a power of ten, which JSON
         * reads as a number ("1.234567e20"). */
        int e = 0;
        while (a >= 10) {
            a /= 10;
            e++;
        }
        if (neg)
            claims__buf_putc(b, '-');
        claims__buf_put_num(b, a);
        claims__buf_putc(b, 'e');
        return claims__buf_put_int(b, e);
    }
    if (a == (double)(long long)a)
        return claims__buf_put_int(b, (long long)v);
    /* Fixed point with 6 decimals, rounded, trailing zeros trimmed; a is
     * below 9e15 here, so a * 1e6 may not fit a long long: split first. */
    long long ip = (long long)a;
    long long fp = (long long)((a - (double)ip) * 1e6 + 0.5);
    if (fp >= 1000000) {
        ip++;
        fp -= 1000000;
    }
    if (neg)
        claims__buf_putc(b, '-');
    claims__buf_put_int(b, ip);
    if (fp) {
        char frac[7];
        for (int i = 5; i >= 0; i--) {
            frac[i] = (char)('0' + fp % 10);
            fp /= 10;
        }
        size_t n = 6;
        while (n > 0 && frac[n - 1] == '0')
            n--;
        claims__buf_putc(b, '.');
        claims__buf_put(b, frac, n);
    }
    return !b->failed;
}

void claims__buf_free(claims__buf *b)
{
    claims__free(b->alloc, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ------------------------------------------------------------ helpers */

bool claims__parse_decimal(const char *s, size_t n, double *out)
{
    double ip = 0, frac = 0, scale = 1;
    size_t i = 0, digits = 0;
    bool seen_dot = false;
    if (n == 0 || !claims__is_digit((unsigned char)s[0]))
        return false;
    for (; i < n; i++) {
        char c = s[i];
        if (claims__is_digit((unsigned char)c)) {
            if (seen_dot) {
                scale /= 10;
                frac += (c - '0') * scale;
            } else {
                ip = ip * 10 + (c - '0');
            }
            digits++;
        } else if (c == ',' && !seen_dot && i + 1 < n &&
                   claims__is_digit((unsigned char)s[i + 1])) {
            continue;
        } else if (c == '.' && !seen_dot && i + 1 < n &&
                   claims__is_digit((unsigned char)s[i + 1])) {
            seen_dot = true;
        } else {
            return false;
        }
    }
    if (!digits)
        return false;
    *out = ip + frac;
    return true;
}

uint32_t claims__hash(uint32_t h, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    /* Four bytes a round: a byte's xor and multiply cost no more than the
     * loop's own test and step. */
    for (; i + 4 <= n; i += 4) {
        h = (h ^ p[i]) * 16777619u;
        h = (h ^ p[i + 1]) * 16777619u;
        h = (h ^ p[i + 2]) * 16777619u;
        h = (h ^ p[i + 3]) * 16777619u;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}
