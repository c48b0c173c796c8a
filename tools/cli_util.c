/* cli_util.c - allocation, growable strings, escaping for the terminal,
 * messages, a string map: the claims tool's small tools. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void *xcheck(void *p)
{
    if (!p) {
        fputs("claims: out of memory\n", stderr);
        exit(EXIT_NO_REPORT);
    }
    return p;
}

void *xmalloc(size_t n)
{
    return xcheck(malloc(n ? n : 1));
}

void *xrealloc(void *p, size_t n)
{
    return xcheck(realloc(p, n ? n : 1));
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void sb_grow(sbuf *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + n + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

const char sb_digit_pairs[201] = "00010203040506070809101112131415161718192021222324"
                                 "25262728293031323334353637383940414243444546474849"
                                 "50515253545556575859606162636465666768697071727374"
                                 "75767778798081828384858687888990919293949596979899";

void sb_uint_any(sbuf *b, unsigned long long u)
{
    /* Written in place, two digits a division: sb_uint's numbers of five
     * digits or more (its own inline path takes the rest). */
    const char *pairs = sb_digit_pairs;
    size_t len = 1;
    for (unsigned long long p = 10; u >= p && len < 20; p *= 10)
        len++;
    if (b->n + len + 1 > b->cap)
        sb_grow(b, len);
    char *end = b->p + b->n + len;
    *end = 0;
    /* 32-bit divisions while they will do */
    while (u > UINT32_MAX) {
        unsigned d = (unsigned)(u % 100) * 2;
        u /= 100;
        *--end = pairs[d + 1];
        *--end = pairs[d];
    }
    uint32_t v = (uint32_t)u;
    while (v >= 100) {
        unsigned d = (v % 100) * 2;
        v /= 100;
        *--end = pairs[d + 1];
        *--end = pairs[d];
    }
    if (v >= 10) {
        *--end = pairs[v * 2 + 1];
        *--end = pairs[v * 2];
    } else {
        *--end = (char)('0' + v);
    }
    b->n += len;
}

void sb_vprintf(sbuf *b, const char *fmt, va_list ap)
{
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sb_add(b, tmp, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
}

/* Length of the valid UTF-8 sequence at s (at most n bytes) and its code
 * point, or 0 when the bytes there are not one. */
size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* Characters that must not reach a terminal as they are: C0 and C1
 * controls, DEL, and the bidirectional overrides and isolates (which
 * reorder what follows them on screen). */
int unsafe_cp(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Appends s[0..n) with unsafe characters written as \n, \t, \r, \xNN (for
 * bytes that are not UTF-8) or \u{XXXX}; with `backslash`, "\" itself is
 * doubled so that the escaping can be undone. */
void sb_escaped_from(sbuf *b, const char *s, size_t n, int backslash, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = i;
    while (i < n) {
        /* Printable ASCII, the bulk of any text, needs no decoding: on to
           the next byte that may, 16 bytes at a time. */
        size_t j = special_next(u, i, n);
        run += j - i;
        i = j;
        if (i == n)
            break;
        if (u[i] == '\\' && !backslash) {
            i++;
            run++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_seq(u + i, n - i, &cp);
        if (len && !unsafe_cp(cp) && !(backslash && cp == '\\')) {
            i += len;
            run += len;
            continue;
        }
        sb_add(b, s + i - run, run);
        run = 0;
        if (!len) {
            sb_printf(b, "\\x%02X", u[i]);
            i++;
            continue;
        }
        if (cp == '\n')
            sb_str(b, "\\n");
        else if (cp == '\t')
            sb_str(b, "\\t");
        else if (cp == '\r')
            sb_str(b, "\\r");
        else if (cp == '\\')
            sb_str(b, "\\\\");
        else if (cp < 0x80)
            sb_printf(b, "\\x%02X", (unsigned)cp);
        else
            sb_printf(b, "\\u{%04X}", (unsigned)cp);
        i += len;
    }
    sb_add(b, s + i - run, run);
}

int quiet;
_Thread_local const char *story_prefix = "";

/* Every message to stderr goes through here: the whole message is
 * escaped, since ids, paths and values in it come from the input. */
void vsay(const char *fmt, va_list ap)
{
    sbuf msg = {NULL, 0, 0};
    sb_vprintf(&msg, fmt, ap);
    sbuf b = {NULL, 0, 0};
    sb_str(&b, "claims: ");
    sb_escaped(&b, story_prefix, strlen(story_prefix), 0);
    sb_escaped(&b, msg.p ? msg.p : "", msg.n, 0);
    sb_str(&b, "\n");
    fputs(b.p, stderr);
    free(b.p);
    free(msg.p);
}

void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

/* A note (a skipped file, a dropped date): silenced by --quiet. */
void note(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

/* A key's hash, of its n bytes 8 at a time (an id of a feed's line is
 * hashed twice: looked up, then put). Bytes past the key are not read. */
static size_t str_hash(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;
    uint32_t lo, hi;
    for (; n > 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
    }
    if (n >= 4) {
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        w = (uint64_t)hi << 32 | lo;
    } else {
        w = n ? (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
                    (uint64_t)(unsigned char)s[n - 1] << 16
              : 0;
    }
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    /* a multiply carries bits only upwards: the high half folded down,
       mixed again, so that the last bytes reach the slot's bits */
    h ^= h >> 32;
    h *= 0xc4ceb9fe1a85ec53ull;
    return (size_t)(h ^ h >> 29);
}

/* The slots' hashes, after the keys in their block. */
static size_t *strmap_hashes(const strmap *m)
{
    return (size_t *)(void *)(m->keys + m->nslots);
}

void **strmap_find_n(const strmap *m, const char *key, size_t n)
{
    if (!m->nslots)
        return NULL;
    const size_t *hashes = strmap_hashes(m);
    size_t h = str_hash(key, n), mask = m->nslots - 1;
    for (size_t i = h & mask; m->keys[i]; i = (i + 1) & mask)
        if (hashes[i] == h && strcmp(m->keys[i], key) == 0)
            return &m->vals[i];
    return NULL;
}

void **strmap_find(const strmap *m, const char *key)
{
    return strmap_find_n(m, key, strlen(key));
}

/* Twice the slots; the keys move to their new slots by the hashes kept
 * with them, neither copied nor hashed again. */
static void strmap_grow(strmap *m)
{
    strmap old = *m;
    const size_t *old_hashes = old.nslots ? strmap_hashes(&old) : NULL;
    m->nslots = old.nslots ? old.nslots * 2 : 64;
    m->keys = xmalloc(m->nslots * (sizeof *m->keys + sizeof(size_t)));
    m->vals = xmalloc(m->nslots * sizeof *m->vals);
    memset(m->keys, 0, m->nslots * sizeof *m->keys);
    size_t *hashes = strmap_hashes(m), mask = m->nslots - 1;
    for (size_t i = 0; i < old.nslots; i++) {
        if (old.keys[i]) {
            size_t j = old_hashes[i] & mask;
            while (m->keys[j])
                j = (j + 1) & mask;
            m->keys[j] = old.keys[i];
            m->vals[j] = old.vals[i];
            hashes[j] = old_hashes[i];
        }
    }
    free(old.keys);
    free(old.vals);
}

/* Puts key (n bytes, absent from m) as given, in m's slot for it. */
static void strmap_put(strmap *m, char *key, size_t n, void *val)
{
    if ((m->n + 1) * 2 > m->nslots)
        strmap_grow(m);
    size_t h = str_hash(key, n), mask = m->nslots - 1, i = h & mask;
    while (m->keys[i])
        i = (i + 1) & mask;
    m->keys[i] = key;
    m->vals[i] = val;
    strmap_hashes(m)[i] = h;
    m->n++;
}

/* Adds a key known to be absent. */
void strmap_put_new(strmap *m, const char *key, void *val)
{
    size_t n = strlen(key);
    strmap_put(m, xstrndup(key, n), n, val);
}

void strmap_put_borrowed(strmap *m, const char *key, size_t n, void *val)
{
    strmap_put(m, (char *)key, n, val); /* never freed through the map */
}

void strmap_free_borrowed(strmap *m, void (*free_val)(void *))
{
    if (free_val)
        for (size_t i = 0; i < m->nslots; i++)
            if (m->keys[i])
                free_val(m->vals[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* An article's id and source for every line of a feed: from chunks, a
 * malloc and a free a string saved. */
char *strpool_dup(strpool *p, const char *s, size_t len)
{
    size_t n = len + 1;
    if (n > p->left) {
        enum { CHUNK = 16 * 1024 };
        size_t size = sizeof(char *) + (n > CHUNK ? n : CHUNK);
        char *chunk = xmalloc(size);
        memcpy(chunk, &p->chunk, sizeof(char *));
        p->chunk = chunk;
        p->left = size - sizeof(char *);
    }
    /* the chunk fills from its end down to its link */
    p->left -= n;
    char *d = p->chunk + sizeof(char *) + p->left;
    memcpy(d, s, n);
    return d;
}

void strpool_free(strpool *p)
{
    while (p->chunk) {
        char *before;
        memcpy(&before, p->chunk, sizeof(char *));
        free(p->chunk);
        p->chunk = before;
    }
    p->left = 0;
}

void strmap_free(strmap *m, void (*free_val)(void *))
{
    for (size_t i = 0; i < m->nslots; i++) {
        if (m->keys[i]) {
            free(m->keys[i]);
            if (free_val)
                free_val(m->vals[i]);
        }
    }
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
