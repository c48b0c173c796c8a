/* lexicon.c - the vocabularies of data/ lexicon files, parsed into hash tables.
 *
 * A phrase's key is its tokens' normalized texts, joined by one space where
 * the phrase had whitespace between them ("pilotless aircraft",
 * "twenty-five", "u.s"). Matching text builds the same string token by
 * token, so the hash is computed incrementally and nothing is allocated
 * per lookup. A per-section bitmap of first-token hashes rejects most
 * tokens before any probe. */
#include "base/base.h"

#include <string.h>

typedef struct lex_slot {
    uint32_t hash;     /* phrase hash (0 = empty slot) */
    uint16_t section;
    uint16_t keylen;
    const char *key;
    claims__lex_entry *entry;
} lex_slot;

enum { FIRST_BITS = 4096, PREFIX_BITS = 1 << 14 };

struct claims__lexicon {
    const claims_allocator *alloc;
    claims__arena arena;
    lex_slot *slots;
    size_t nslots, used;
    uint8_t maxntok[CLAIMS__LEX_SECTION_COUNT];
    /* Per first-token hash bucket, the sections with a phrase starting
     * with a token of that bucket: one load rejects most tokens. */
    uint32_t first[FIRST_BITS];
    /* Bloom bits over (section, proper prefix of a phrase) hashes: a
     * longer match is tried only while the tokens so far may start one. */
    uint32_t prefix[PREFIX_BITS / 32];
    const char *error; /* static reason of the last failed load, or NULL */
};

#define CLAIMS__LEX_NAME(name, text) text,
static const char *const section_names[CLAIMS__LEX_SECTION_COUNT] = {
    CLAIMS__LEX_SECTIONS(CLAIMS__LEX_NAME)};
#undef CLAIMS__LEX_NAME

/* FNV-1a continued over n bytes: the same as claims__hash, inlined. */
static inline uint32_t fnv(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static uint32_t slot_hash(uint32_t h, unsigned sec)
{
    h ^= (sec + 1) * 0x9E3779B1u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    return h ? h : 1;
}

claims_status claims__lexicon_new(const claims_allocator *a, claims__lexicon **out)
{
    claims__lexicon *lx = claims__malloc(a, sizeof *lx);
    if (!lx)
        return CLAIMS_ERR_NOMEM;
    memset(lx, 0, sizeof *lx);
    lx->alloc = a;
    claims__arena_init(&lx->arena, a);
    lx->nslots = 4096;
    lx->slots = claims__malloc(a, lx->nslots * sizeof *lx->slots);
    if (!lx->slots) {
        claims__free(a, lx);
        return CLAIMS_ERR_NOMEM;
    }
    memset(lx->slots, 0, lx->nslots * sizeof *lx->slots);
    *out = lx;
    return CLAIMS_OK;
}

void claims__lexicon_free(claims__lexicon *lx)
{
    if (!lx)
        return;
    claims__arena_release(&lx->arena);
    claims__free(lx->alloc, lx->slots);
    claims__free(lx->alloc, lx);
}

static lex_slot *find_slot(lex_slot *slots, size_t nslots, uint32_t h, unsigned sec,
                           const char *key, size_t keylen)
{
    size_t mask = nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        lex_slot *sl = &slots[i];
        if (!sl->hash)
            return sl;
        if (sl->hash == h && sl->section == sec && sl->keylen == keylen &&
            memcmp(sl->key, key, keylen) == 0)
            return sl;
    }
}

static bool rehash(claims__lexicon *lx)
{
    size_t n = lx->nslots * 2;
    lex_slot *ns = claims__malloc(lx->alloc, n * sizeof *ns);
    if (!ns)
        return false;
    memset(ns, 0, n * sizeof *ns);
    for (size_t i = 0; i < lx->nslots; i++) {
        lex_slot *o = &lx->slots[i];
        if (o->hash)
            *find_slot(ns, n, o->hash, o->section, o->key, o->keylen) = *o;
    }
    claims__free(lx->alloc, lx->slots);
    lx->slots = ns;
    lx->nslots = n;
    return true;
}

/* Adds one phrase (raw text) to a section. */
static claims_status add_phrase(claims__lexicon *lx, unsigned sec, const char *value,
                                size_t vlen, const char *phrase, size_t plen)
{
    claims__token *toks = NULL;
    size_t ntoks = 0, nlen = 0;
    char *norm = NULL;
    claims_status st = claims__tokenize(lx->alloc, phrase, plen, &toks, &ntoks, &norm, &nlen);
    if (st != CLAIMS_OK)
        return st;
    if (ntoks == 0 || ntoks > 255) {
        claims__free(lx->alloc, toks);
        claims__free(lx->alloc, norm);
        return CLAIMS_ERR_LEXICON;
    }
    /* Build the key exactly as claims__lex_match rebuilds it from text. */
    claims__buf key;
    claims__buf_init(&key, lx->alloc);
    uint32_t h = CLAIMS__HASH_INIT;
    for (size_t i = 0; i < ntoks; i++) {
        if (i > 0 && (toks[i].flags & CLAIMS__TF_SPACE_BEFORE)) {
            claims__buf_putc(&key, ' ');
            h = claims__hash(h, " ", 1);
        }
        claims__buf_put(&key, norm + toks[i].norm, toks[i].norm_len);
        h = claims__hash(h, norm + toks[i].norm, toks[i].norm_len);
        if (i + 1 < ntoks) {
            uint32_t ph = slot_hash(h, sec) % PREFIX_BITS;
            lx->prefix[ph / 32] |= 1u << (ph % 32);
        }
    }
    uint32_t first = toks[0].hash;
    size_t nt = ntoks;
    claims__free(lx->alloc, toks);
    claims__free(lx->alloc, norm);
    if (key.failed || key.len > 65535) {
        claims_status e = key.failed ? CLAIMS_ERR_NOMEM : CLAIMS_ERR_LEXICON;
        claims__buf_free(&key);
        return e;
    }
    if ((lx->used + 1) * 2 > lx->nslots && !rehash(lx)) {
        claims__buf_free(&key);
        return CLAIMS_ERR_NOMEM;
    }
    uint32_t sh = slot_hash(h, sec);
    lex_slot *sl = find_slot(lx->slots, lx->nslots, sh, sec, key.data, key.len);
    claims__lex_entry *e = claims__arena_alloc(&lx->arena, sizeof *e);
    char *v = claims__arena_strndup(&lx->arena, value, vlen);
    char *k = sl->hash ? NULL : claims__arena_strndup(&lx->arena, key.data, key.len);
    if (!e || !v || (!sl->hash && !k)) {
        claims__buf_free(&key);
        return CLAIMS_ERR_NOMEM;
    }
    e->value = v;
    e->section = (uint8_t)sec;
    e->ntok = (uint8_t)nt;
    double num = 0;
    bool neg = vlen > 1 && value[0] == '-';
    if (claims__parse_decimal(value + neg, vlen - neg, &num)) {
        e->num = neg ? -num : num;
        e->has_num = true;
    }
    if (!sl->hash) {
        sl->hash = sh;
        sl->section = (uint16_t)sec;
        sl->keylen = (uint16_t)key.len;
        sl->key = k;
        lx->used++;
    }
    sl->entry = e; /* a later definition overrides */
    if (nt > lx->maxntok[sec])
        lx->maxntok[sec] = (uint8_t)nt;
    lx->first[first % FIRST_BITS] |= 1u << sec;
    claims__buf_free(&key);
    return CLAIMS_OK;
}

static size_t trim_left(const char *s, size_t i, size_t end)
{
    while (i < end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

static size_t trim_right(const char *s, size_t start, size_t end)
{
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
        end--;
    return end;
}

const char *claims__lexicon_error(const claims__lexicon *lx)
{
    return lx && lx->error ? lx->error : "a lexicon line could not be read";
}

/* Records why loading failed and where; returns CLAIMS_ERR_LEXICON. */
static claims_status bad_line(claims__lexicon *lx, size_t *bad_offset, size_t at,
                              const char *why)
{
    *bad_offset = at;
    lx->error = why;
    return CLAIMS_ERR_LEXICON;
}

/* Sections whose values are numbers ("12 = dozen"). */
static bool numeric_section(int sec)
{
    return sec == CLAIMS__LEX_NUMBER || sec == CLAIMS__LEX_SCALE;
}

claims_status claims__lexicon_load(claims__lexicon *lx, const char *text, size_t len,
                                   size_t *bad_offset)
{
    int sec = -1;
    size_t pos = 0;
    size_t off;
    lx->error = NULL;
    claims_status st = claims__utf8_validate(text, len, &off);
    if (st != CLAIMS_OK)
        return bad_line(lx, bad_offset, off, "invalid UTF-8 or a NUL byte in a lexicon");
    /* A byte order mark (an editor's) at the start is no part of a line. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        size_t eol = pos;
        while (eol < len && text[eol] != '\n')
            eol++;
        size_t b = trim_left(text, pos, eol), e = trim_right(text, b, eol);
        size_t line = pos;
        pos = eol + 1;
        if (b == e || text[b] == '#')
            continue;
        if (text[b] == '[') {
            if (text[e - 1] != ']')
                return bad_line(lx, bad_offset, line, "lexicon section line without ']'");
            sec = -1;
            for (int k = 0; k < CLAIMS__LEX_SECTION_COUNT; k++) {
                size_t nl = strlen(section_names[k]);
                if (nl == e - b - 2 && memcmp(text + b + 1, section_names[k], nl) == 0)
                    sec = k;
            }
            if (sec < 0)
                return bad_line(lx, bad_offset, line, "unknown lexicon section");
            continue;
        }
        const char *eq = memchr(text + b, '=', e - b);
        if (sec < 0)
            return bad_line(lx, bad_offset, line, "lexicon entry before any [section] line");
        if (!eq)
            return bad_line(lx, bad_offset, line, "lexicon entry without '='");
        size_t ve = trim_right(text, b, (size_t)(eq - text));
        if (ve == b)
            return bad_line(lx, bad_offset, line, "lexicon entry without a value before '='");
        if (numeric_section(sec)) {
            double num;
            bool neg = ve - b > 1 && text[b] == '-';
            if (!claims__parse_decimal(text + b + neg, ve - b - neg, &num))
                return bad_line(lx, bad_offset, line,
                                "lexicon value in [number] or [scale] is not a number");
        }
        size_t p = (size_t)(eq - text) + 1;
        while (p < e) {
            size_t q = p;
            while (q < e && text[q] != ',')
                q++;
            size_t pb = trim_left(text, p, q), pe = trim_right(text, pb, q);
            if (pb < pe) {
                st = add_phrase(lx, (unsigned)sec, text + b, ve - b, text + pb, pe - pb);
                if (st == CLAIMS_ERR_NOMEM) {
                    *bad_offset = line;
                    return st;
                }
                if (st != CLAIMS_OK)
                    return bad_line(lx, bad_offset, line,
                                    "lexicon phrase without words, or too long");
            }
            p = q + 1;
        }
    }
    return CLAIMS_OK;
}

const claims__lex_entry *claims__lex_get(const claims__lexicon *lx, claims__lex_section sec,
                                         const char *norm, size_t len)
{
    if (len > 65535)
        return NULL;
    uint32_t h = slot_hash(claims__hash(CLAIMS__HASH_INIT, norm, len), sec);
    lex_slot *sl = find_slot(lx->slots, lx->nslots, h, sec, norm, len);
    return sl->hash ? sl->entry : NULL;
}

uint32_t claims__lex_first_mask(const claims__lexicon *lx, uint32_t hash)
{
    return lx->first[hash % FIRST_BITS];
}

const claims__lex_entry *claims__lex_match_at(const claims__lexicon *lx,
                                              claims__lex_section sec,
                                              const claims__article *art, size_t i,
                                              size_t end, size_t *ntok)
{
    if (i >= end || i >= art->ntoks)
        return NULL;
    size_t maxn = lx->maxntok[sec];
    if (end > art->ntoks)
        end = art->ntoks;
    if (maxn > end - i)
        maxn = end - i;
    const claims__lex_entry *best = NULL;
    uint32_t h = CLAIMS__HASH_INIT;
    size_t keylen = 0;
    for (size_t k = 0; k < maxn; k++) {
        const claims__token *t = &art->toks[i + k];
        bool space = k > 0 && (t->flags & CLAIMS__TF_SPACE_BEFORE);
        if (space) {
            h = fnv(h, " ", 1);
            keylen++;
        }
        /* A token's own hash is the FNV of its norm text from the start. */
        h = k == 0 ? t->hash : fnv(h, art->norm + t->norm, t->norm_len);
        keylen += t->norm_len;
        uint32_t sh = slot_hash(h, sec);
        size_t mask = lx->nslots - 1;
        for (size_t j = sh & mask; lx->slots[j].hash; j = (j + 1) & mask) {
            const lex_slot *sl = &lx->slots[j];
            if (sl->hash != sh || sl->section != sec || sl->keylen != keylen)
                continue;
            /* Verify against the tokens. */
            const char *key = sl->key;
            bool ok = true;
            for (size_t m = 0; m <= k && ok; m++) {
                const claims__token *u = &art->toks[i + m];
                if (m > 0 && (u->flags & CLAIMS__TF_SPACE_BEFORE)) {
                    ok = *key == ' ';
                    key++;
                }
                /* Token texts are short: compare inline. */
                const char *tx = art->norm + u->norm;
                for (size_t q = 0; ok && q < u->norm_len; q++)
                    ok = key[q] == tx[q];
                key += u->norm_len;
            }
            if (ok) {
                best = sl->entry;
                *ntok = k + 1;
                break;
            }
        }
        if (k + 1 < maxn) {
            uint32_t ph = sh % PREFIX_BITS;
            if (!(lx->prefix[ph / 32] & (1u << (ph % 32))))
                break; /* no phrase of the section starts with these tokens */
        }
    }
    return best;
}
