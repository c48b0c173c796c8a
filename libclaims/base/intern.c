/* intern.c - the story's string table: each distinct string a claim
 * names (slot keys, units, speakers, the parts of its frame) is stored
 * once in the story's arena and named by a 32-bit id, so that a long
 * article's tens of thousands of claims share a few thousand strings. */
#include "base/base.h"

#include <string.h>

/* The table's own hash, 8 bytes a step (a key is hashed on every claim
 * made, most of them found already there). No output depends on it: ids
 * are given in the order strings are first seen. */
static inline uint64_t load64(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static inline uint64_t load32(const char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

/* A word is taken in with an add and a multiply, which carries bits only
 * upwards: the finish folds the high half down. */
static inline uint64_t mix(uint64_t h, uint64_t w)
{
    return (h + w) * 0xff51afd7ed558ccdull;
}

static uint32_t str_hash(const char *p, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    /* the last 8 to 16 bytes by two loads that may overlap: most strings
       (words, names, keys) are 8 to 16 bytes long, and take no loop and
       one branch on their length */
    if (n > 8) {
        const char *end = p + n;
        for (; end - p > 16; p += 8)
            h = mix(h, load64(p));
        h = mix(h, load64(p));
        h = mix(h, load64(end - 8));
    } else if (n >= 4)
        h = mix(h, load32(p) | load32(p + n - 4) << 32);
    else if (n)
        h = mix(h, (uint64_t)(unsigned char)p[0] | (uint64_t)(unsigned char)p[n / 2] << 8 |
                       (uint64_t)(unsigned char)p[n - 1] << 16);
    h ^= h >> 32;
    h *= 0xc4ceb9fe1a85ec53ull;
    return (uint32_t)(h ^ (h >> 29));
}

/* What the table keeps of a string of hash h and length n: 24 bits of
 * the hash (where its slot is) and the length up to 254, so that equal
 * marks of strings shorter than 255 bytes mean equal lengths, and their
 * bytes are compared without memcmp's call or a look past the end. */
static inline uint32_t str_mark(uint32_t h, size_t n)
{
    return h << 8 | (n < 255 ? (uint32_t)n : 255);
}

static bool strtab_rehash(const claims_allocator *a, claims__strtab *t, uint32_t nslots)
{
    uint32_t *slots = claims__malloc(a, (size_t)nslots * sizeof *slots);
    if (!slots)
        return false;
    memset(slots, 0, (size_t)nslots * sizeof *slots);
    uint32_t mask = nslots - 1;
    for (uint32_t id = 1; id < t->n; id++) {
        uint32_t i = (t->hash[id] >> 8) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = id;
    }
    claims__free(a, t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return true;
}

/* The strings' own blocks in the story's arena: a string is looked at
 * on every lookup that reaches it, and strings copied one by one
 * between the claims (about a hundred bytes apart at best) were cache
 * and TLB misses on a long story; side by side, the ones in use share
 * lines and pages (claims__intern's share of the time of `claims extract` on 20 MB of
 * real news about 4.4% -> 3.1%). The block being filled is the table's pool. */
enum { STR_BLOCK = 4096, STR_APART = 512 };

/* A copy of p[0..n) with a NUL in the table's string blocks (a long
 * one in a block of its own); NULL on OOM. */
static char *str_copy(claims_story *s, const char *p, size_t n)
{
    claims__strtab *t = &s->strs;
    if (n >= STR_APART)
        return claims__arena_strndup(&s->arena, p, n);
    char *d = t->pool;
    if (n + 1 > t->pool_left) {
        d = claims__arena_alloc_raw(&s->arena, STR_BLOCK);
        if (!d)
            return NULL;
        t->pool_left = STR_BLOCK;
    }
    claims__copy_short(d, p, n);
    d[n] = 0;
    t->pool = d + n + 1;
    t->pool_left -= (uint32_t)(n + 1);
    return d;
}

/* Stores p[0..n) of mark h as a new string (none equal is there), in
 * slot i of the index unless it must grow first. Apart from
 * claims__intern, which finds most strings there already: its probe then
 * has fewer values live across a call, so fewer registers to save and
 * restore on each of its calls. */
static CLAIMS__NOINLINE claims__sid intern_new(claims_story *s, const char *p, size_t n, uint32_t h,
                                               uint32_t i)
{
    claims__strtab *t = &s->strs;
    /* at most half the slots in use */
    if ((size_t)t->n * 2 + 2 > t->nslots) {
        if (t->nslots > UINT32_MAX / 4 ||
            !strtab_rehash(&s->alloc, t, t->nslots ? t->nslots * 2 : 1024))
            return 0;
        uint32_t mask = t->nslots - 1;
        for (i = (h >> 8) & mask; t->slots[i]; i = (i + 1) & mask)
            ;
    }
    if (t->n + 1 > t->cap || !t->n) {
        size_t need = t->n ? (size_t)t->n + 1 : 2, cap = t->cap, cap2 = t->cap;
        if (!claims__grow(&s->alloc, (void **)&t->str, &cap, need, sizeof *t->str) ||
            !claims__grow(&s->alloc, (void **)&t->hash, &cap2, need, sizeof *t->hash))
            return 0;
        t->cap = (uint32_t)(cap < cap2 ? cap : cap2);
        if (!t->n) {
            t->str[0] = NULL;
            t->hash[0] = 0;
            t->n = 1;
        }
    }
    char *copy = str_copy(s, p, n);
    if (!copy)
        return 0;
    claims__sid id = t->n++;
    t->str[id] = copy;
    t->hash[id] = h;
    t->slots[i] = id;
    return id;
}

/* claims__intern of a string of 255 bytes or more: its mark does not
 * tell its length, so a match is also compared by memcmp (a call). */
static CLAIMS__NOINLINE claims__sid intern_long(claims_story *s, const char *p, size_t n,
                                                uint32_t h)
{
    const claims__strtab *t = &s->strs;
    if (!t->nslots)
        return intern_new(s, p, n, h, 0);
    uint32_t mask = t->nslots - 1, i = (h >> 8) & mask;
    for (uint32_t id; (id = t->slots[i]) != 0; i = (i + 1) & mask) {
        const char *q = t->str[id];
        if (t->hash[id] == h && memcmp(q, p, n) == 0 && q[n] == 0)
            return id;
    }
    return intern_new(s, p, n, h, i);
}

/* The probe of claims__intern past its first slot i, for a string
 * shorter than 255 bytes (its mark tells its length). */
static CLAIMS__NOINLINE claims__sid intern_probe(claims_story *s, const char *p, size_t n,
                                                 uint32_t h, uint32_t i)
{
    const claims__strtab *t = &s->strs;
    uint32_t mask = t->nslots - 1;
    for (uint32_t id; (id = t->slots[i]) != 0; i = (i + 1) & mask)
        if (t->hash[id] == h && claims__same_bytes(t->str[id], p, n))
            return id;
    return intern_new(s, p, n, h, i);
}

claims__sid claims__intern(claims_story *s, const char *p, size_t n)
{
    const claims__strtab *t = &s->strs;
    uint32_t h = str_mark(str_hash(p, n), n);
    if (n >= 255)
        return intern_long(s, p, n, h);
    /* no index yet: made by intern_new */
    if (!t->nslots)
        return intern_new(s, p, n, h, 0);
    /* most strings are found at their first slot: tested here, the rest
       of the probe a tail call, so nothing is saved and restored */
    uint32_t i = (h >> 8) & (t->nslots - 1), id = t->slots[i];
    if (id && t->hash[id] == h && claims__same_bytes(t->str[id], p, n))
        return id;
    return intern_probe(s, p, n, h, i);
}

void claims__strtab_free(const claims_allocator *a, claims__strtab *t)
{
    claims__free(a, t->str);
    claims__free(a, t->hash);
    claims__free(a, t->slots);
    claims__free(a, t->key_memo);
    memset(t, 0, sizeof *t);
}

bool claims__claim_ids(claims_story *s)
{
    /* one slot a claim, as wide as the longest id: "c" + digits + NUL */
    size_t stride = 3;
    for (size_t m = s->nclaims; m >= 10; m /= 10)
        stride++;
    /* each id written with its NUL; the bytes after it are never read,
       so its digits are written 8 at a time (into the next slot, or the
       8 bytes of room after the last) */
    size_t total = s->nclaims * stride + 8;
    char *ids = claims__arena_alloc_raw(&s->arena, total);
    if (!ids)
        return false;
    /* the number counted up in decimal, most significant digit first:
       one add a claim, where printing each took a division a digit */
    char digits[24] = "1";
    size_t nd = 1;
    for (size_t i = 0; i < s->nclaims; i++) {
        char *p = ids + i * stride;
        p[0] = 'c';
        if (nd <= 8)
            memcpy(p + 1, digits, 8);
        else
            memcpy(p + 1, digits, nd);
        p[1 + nd] = 0;
        if (digits[nd - 1] != '9') { /* nine times in ten */
            digits[nd - 1]++;
            continue;
        }
        size_t d = nd;
        while (d > 0 && digits[d - 1] == '9')
            digits[--d] = '0';
        if (d > 0) {
            digits[d - 1]++;
        } else { /* 9..9 + 1: a 1 before the zeros */
            digits[0] = '1';
            digits[nd++] = '0';
        }
    }
    s->claim_ids = ids;
    s->claim_id_stride = (uint32_t)stride;
    return true;
}
