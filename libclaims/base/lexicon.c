/* lexicon.c - the vocabularies of data/ lexicon files, parsed into hash tables.
 *
 * A phrase's key is its tokens' normalized texts, joined by one space where
 * the phrase had whitespace between them ("pilotless aircraft",
 * "twenty-five", "u.s"). Matching text builds the same string token by
 * token, so the hash is computed incrementally and nothing is allocated
 * per lookup. A per-section bitmap of first-token hashes rejects most
 * tokens before any call; another of phrases of one token, and bits over
 * the first two tokens of longer ones, reject inline most of the rest (a
 * token that only starts phrases, "the", "a", before a word that goes on
 * none). A Bloom filter over (section, tokens so far) says whether those
 * tokens may be a phrase (probe) and whether they may start a longer one
 * (read on).
 *
 * The built-in lexicon's tables are this loader's output, generated at
 * build time (scripts/lexicon_tables.c): a story's lexicon reads them in
 * place and copies them only when a newsroom lexicon is loaded into it. */
#include "base/base.h"

#include <string.h>

enum {
    FIRST_BITS = CLAIMS__LEX_FIRST_BITS,
    BLOOM_CELLS = CLAIMS__LEX_BLOOM_CELLS,
    PAIR_BITS = CLAIMS__LEX_PAIR_BITS
};

typedef claims__lex_slot lex_slot;

/* A lexicon's own tables (made on its first load) and their writable
 * arrays; `view` is what lookups read. */
typedef struct claims__lex_own {
    claims__lex_tables view;
    lex_slot *slots;
    claims__lex_entry *entries;
    size_t entries_cap;
    claims__buf keys;
    uint8_t maxntok[CLAIMS__LEX_SECTION_COUNT];
    claims__lex_bucket buckets[FIRST_BITS]; /* written by loads; read through the index */
    uint16_t bucket_index[FIRST_BITS];
    claims__lex_bucket bucket_values[FIRST_BITS + 1];
    uint32_t single[FIRST_BITS];
    uint32_t bloom[BLOOM_CELLS / 16];
    uint32_t pairs[PAIR_BITS / 32];
} lex_own;

#define CLAIMS__LEX_NAME(name, text) text,
static const char *const section_names[CLAIMS__LEX_SECTION_COUNT] = {
    CLAIMS__LEX_SECTIONS(CLAIMS__LEX_NAME)};
#undef CLAIMS__LEX_NAME

/* FNV-1a continued over n bytes: the same as claims__hash, inlined. A
 * phrase key's hash is its first token's own (claims__word_hash) and
 * FNV-1a on from there over the rest of the key, token by token, so that
 * a lookup at a token starts from the hash the tokenizer made. */
static inline uint32_t fnv(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot hash of a key hashing to h in section sec: a multiplication
 * carries every bit of h and sec into the top bits, which pick the home
 * slot (claims__lex_tables.shift) and the Bloom cell; never 0 (an empty
 * slot). Three instructions: most lookups are of one token. */
static inline uint32_t slot_hash(uint32_t h, unsigned sec)
{
    return ((h + sec + 1) * 0x9E3779B1u) | 1u;
}

/* The home slot of slot hash sh in a table of 2^(32 - shift) slots. */
static inline size_t slot_home(uint32_t sh, unsigned shift)
{
    return sh >> shift;
}

/* The shift (claims__lex_tables.shift) of a table of n slots, a power of
 * two. */
static unsigned shift_of(size_t n)
{
    unsigned bits = 0;
    while (((size_t)1 << bits) < n)
        bits++;
    return 32 - bits;
}

enum { BLOOM_SHIFT = 15 }; /* 32 - log2(BLOOM_CELLS) */
_Static_assert(BLOOM_CELLS == 1 << (32 - BLOOM_SHIFT), "Bloom cells: the top bits of a slot hash");

/* The Bloom cell (CLAIMS__LEX_CELL_* bits) of slot hash sh. */
static inline unsigned bloom_cell(const uint32_t *bloom, uint32_t sh)
{
    uint32_t c = sh >> BLOOM_SHIFT;
    return (bloom[c / 16] >> (c % 16 * 2)) & 3u;
}

static void bloom_set(uint32_t *bloom, uint32_t sh, unsigned bits)
{
    uint32_t c = sh >> BLOOM_SHIFT;
    bloom[c / 16] |= (uint32_t)bits << (c % 16 * 2);
}

claims_status claims__lexicon_new_on(const claims_allocator *a, const claims__lex_tables *base,
                                     claims__lexicon **out)
{
    claims__lexicon *lx = claims__malloc(a, sizeof *lx);
    if (!lx)
        return CLAIMS_ERR_NOMEM;
    memset(lx, 0, sizeof *lx);
    lx->alloc = a;
    claims__arena_init(&lx->arena, a);
    lx->tables = base;
    *out = lx;
    return CLAIMS_OK;
}

static bool own_tables(claims__lexicon *lx);

claims_status claims__lexicon_new(const claims_allocator *a, claims__lexicon **out)
{
    claims__lexicon *lx = NULL;
    claims_status st = claims__lexicon_new_on(a, NULL, &lx);
    if (st != CLAIMS_OK)
        return st;
    if (!own_tables(lx)) {
        claims__lexicon_free(lx);
        return CLAIMS_ERR_NOMEM;
    }
    *out = lx;
    return CLAIMS_OK;
}

static void own_free(const claims_allocator *a, lex_own *own)
{
    if (!own)
        return;
    claims__buf_free(&own->keys);
    claims__free(a, own->slots);
    claims__free(a, own->entries);
    claims__free(a, own);
}

void claims__lexicon_free(claims__lexicon *lx)
{
    if (!lx)
        return;
    claims__arena_release(&lx->arena);
    own_free(lx->alloc, lx->own);
    claims__free(lx->alloc, lx);
}

const claims__lex_tables *claims__lexicon_tables(const claims__lexicon *lx)
{
    return lx->tables;
}

static lex_slot *find_slot(lex_slot *slots, size_t nslots, const char *keys, uint32_t h,
                           unsigned sec, const char *key, size_t keylen)
{
    size_t mask = nslots - 1;
    for (size_t i = slot_home(h, shift_of(nslots));; i = (i + 1) & mask) {
        lex_slot *sl = &slots[i];
        if (!sl->hash)
            return sl;
        if (sl->hash == h && sl->section == sec && sl->keylen == keylen &&
            memcmp(keys + sl->key, key, keylen) == 0)
            return sl;
    }
}

/* An array of n slots holding the keyed slots of src[0..srcn). */
static lex_slot *slots_copy(const claims_allocator *a, const lex_slot *src, size_t srcn,
                            size_t n, const char *keys)
{
    lex_slot *ns = claims__malloc(a, n * sizeof *ns);
    if (!ns)
        return NULL;
    if (n == srcn) {
        memcpy(ns, src, n * sizeof *ns);
        return ns;
    }
    memset(ns, 0, n * sizeof *ns);
    for (size_t i = 0; i < srcn; i++) {
        const lex_slot *o = &src[i];
        if (o->hash)
            *find_slot(ns, n, keys, o->hash, o->section, keys + o->key, o->keylen) = *o;
    }
    return ns;
}

/* Points own's view at its arrays. */
static void own_view(lex_own *own)
{
    own->view.slots = own->slots;
    own->view.keys = own->keys.data ? own->keys.data : "";
    own->view.keys_len = own->keys.len;
    own->view.entries = own->entries;
    own->view.maxntok = own->maxntok;
    own->view.single = own->single;
    own->view.bloom = own->bloom;
    own->view.pairs = own->pairs;
    own->view.bucket_index = own->bucket_index;
    own->view.bucket_values = own->bucket_values;
}

_Static_assert(FIRST_BITS <= UINT16_MAX, "a bucket's index is 16 bits");

/* Makes own's bucket index anew from its buckets (claims__lex_tables.
 * bucket_index): after every change to them, before a lookup. Buckets
 * of equal value share it (the built-in lexicon's 2,000 filled buckets
 * hold about 200 values: a token's bucket is then mostly a line already
 * read); without the memory to find them, each filled bucket has a value
 * of its own, as good for a lookup if not for the cache. */
static void index_buckets(lex_own *own, const claims_allocator *a)
{
    size_t filled = 0;
    for (size_t b = 0; b < FIRST_BITS; b++)
        filled += (own->buckets[b].drop | own->buckets[b].lexmask) != 0;
    /* a set of the values met, at most half full (a few KB: its pages
       are a start-up's page faults) */
    unsigned bits = 4;
    while (((size_t)1 << bits) < 2 * filled + 2)
        bits++;
    size_t nseen = (size_t)1 << bits;
    uint16_t *seen = claims__malloc(a, nseen * sizeof *seen);
    if (seen)
        memset(seen, 0, nseen * sizeof *seen);
    uint16_t n = 0;
    memset(&own->bucket_values[0], 0, sizeof own->bucket_values[0]);
    for (size_t b = 0; b < FIRST_BITS; b++) {
        const claims__lex_bucket *bk = &own->buckets[b];
        uint16_t v = 0;
        if (bk->drop | bk->lexmask) {
            uint16_t *at = NULL;
            if (seen) {
                uint32_t h = (bk->drop * 0x9E3779B1u ^ bk->lexmask) * 0x85EBCA6Bu;
                size_t i = h >> (32 - bits);
                while (seen[i] && (own->bucket_values[seen[i]].drop != bk->drop ||
                                   own->bucket_values[seen[i]].lexmask != bk->lexmask))
                    i = (i + 1) & (nseen - 1);
                at = &seen[i];
                v = *at;
            }
            if (!v) {
                v = ++n;
                own->bucket_values[v] = *bk;
                if (at)
                    *at = v;
            }
        }
        own->bucket_index[b] = v;
    }
    claims__free(a, seen);
}

/* Sixteen bytes readable from every key (zeros past the last): a key of
 * up to 16 bytes is compared with a token's as one 16-byte load each
 * (same16). The generator pads the built-in keys alike. */
enum { KEY_PAD = 16 };

/* Makes KEY_PAD bytes past own's keys readable (the buffer's, not its
 * length: the next key overwrites them, and pads again). */
static bool keys_pad(lex_own *own)
{
    static const char zeros[KEY_PAD];
    if (!claims__buf_put(&own->keys, zeros, KEY_PAD))
        return false;
    own->keys.len -= KEY_PAD;
    return true;
}

/* Copy on write: before the first phrase is loaded, this lexicon's tables
 * become a copy of what it read, or empty ones (no base). Keys and
 * entries' values of the base are copied; its value strings are not (the
 * base outlives the lexicon). */
static bool own_tables(claims__lexicon *lx)
{
    if (lx->own)
        return true;
    const claims__lex_tables *b = lx->tables;
    lex_own *own = claims__malloc(lx->alloc, sizeof *own);
    if (!own)
        return false;
    memset(own, 0, sizeof *own);
    claims__buf_init(&own->keys, lx->alloc);
    size_t n = b && b->nslots > 4096 ? b->nslots : 4096;
    size_t ne = b ? b->nentries : 0;
    own->view.nslots = n;
    own->view.shift = shift_of(n);
    own->slots = b ? slots_copy(lx->alloc, b->slots, b->nslots, n, b->keys)
                   : claims__malloc(lx->alloc, n * sizeof *own->slots);
    own->entries_cap = ne < 128 ? 256 : ne * 2;
    own->entries = claims__malloc(lx->alloc, own->entries_cap * sizeof *own->entries);
    if (!own->slots || !own->entries || (b && !claims__buf_put(&own->keys, b->keys, b->keys_len)) ||
        !keys_pad(own)) {
        own_free(lx->alloc, own);
        return false;
    }
    if (b) {
        own->view.used = b->used;
        own->view.nentries = ne;
        if (ne)
            memcpy(own->entries, b->entries, ne * sizeof *own->entries);
        /* an entry's value is found from the entry: the base's, moved */
        for (size_t i = 0; i < ne; i++)
            claims__lex_set_text(&own->entries[i], claims__lex_text(&b->entries[i]));
        memcpy(own->maxntok, b->maxntok, sizeof own->maxntok);
        for (size_t i = 0; i < FIRST_BITS; i++)
            own->buckets[i] = *claims__lex_bucket_of(b, (uint32_t)i);
        memcpy(own->single, b->single, sizeof own->single);
        memcpy(own->bloom, b->bloom, sizeof own->bloom);
        memcpy(own->pairs, b->pairs, sizeof own->pairs);
    } else {
        memset(own->slots, 0, n * sizeof *own->slots);
    }
    own_view(own);
    lx->own = own;
    lx->tables = &own->view;
    return true;
}

static bool rehash(lex_own *own, const claims_allocator *a)
{
    size_t n = own->view.nslots * 2;
    lex_slot *ns = slots_copy(a, own->slots, own->view.nslots, n, own->view.keys);
    if (!ns)
        return false;
    claims__free(a, own->slots);
    own->slots = ns;
    own->view.nslots = n;
    own->view.shift = shift_of(n);
    own_view(own);
    return true;
}

/* Places own's keys anew, those of phrases of one token first: a lookup
 * of one token compares only the key in its home slot, or leaves it to
 * probe_one (claims__lex_match_probe), and one put there after a longer
 * phrase's key took that slot no longer has to (a tenth of the
 * lookups of the built-in lexicon found their key moved; a third fewer
 * now; longer phrases are looked up slot by slot anyway). When the
 * array cannot be had, the keys stay where they are: found as well. */
static void settle_slots(lex_own *own, const claims_allocator *a)
{
    size_t n = own->view.nslots;
    lex_slot *ns = claims__malloc(a, n * sizeof *ns);
    if (!ns)
        return;
    memset(ns, 0, n * sizeof *ns);
    for (unsigned many = 0; many < 2; many++)
        for (size_t i = 0; i < n; i++) {
            const lex_slot *o = &own->slots[i];
            if (o->hash && (own->entries[o->entry].ntok > 1) == many)
                *find_slot(ns, n, own->view.keys, o->hash, o->section, own->view.keys + o->key,
                           o->keylen) = *o;
        }
    claims__free(a, own->slots);
    own->slots = ns;
    own_view(own);
}

claims__lex_value claims__lex_value_code(const char *value, size_t len)
{
#define LV_TEXT(name, text) text,
    static const char *const texts[] = {CLAIMS__LEX_VALUES(LV_TEXT)};
#undef LV_TEXT
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        if (strlen(texts[k]) == len && memcmp(texts[k], value, len) == 0)
            return (claims__lex_value)(k + 1);
    return CLAIMS__LV_NONE;
}

/* Appends an entry for a phrase of section sec; its index, or -1 on OOM. */
static long add_entry(claims__lexicon *lx, unsigned sec, const char *value, size_t vlen,
                      size_t ntok)
{
    lex_own *own = lx->own;
    size_t i = own->view.nentries;
    /* (an entry finds its value by its distance from it: the entries the
       growth moved are told how far) */
    uintptr_t was = (uintptr_t)own->entries;
    if (i >= UINT32_MAX || !claims__grow(lx->alloc, (void **)&own->entries, &own->entries_cap,
                                         i + 1, sizeof *own->entries))
        return -1;
    if ((uintptr_t)own->entries != was)
        for (size_t k = 0; k < i; k++)
            own->entries[k].value_at += (int64_t)(was - (uintptr_t)own->entries);
    own_view(own);
    char *v = claims__arena_strndup(&lx->arena, value, vlen);
    if (!v)
        return -1;
    claims__lex_entry *e = &own->entries[i];
    memset(e, 0, sizeof *e);
    claims__lex_set_text(e, v);
    e->section = (uint8_t)sec;
    e->ntok = (uint8_t)ntok;
    e->code = (uint8_t)claims__lex_value_code(value, vlen);
    double num = 0;
    bool neg = vlen > 1 && value[0] == '-';
    if (claims__parse_decimal(value + neg, vlen - neg, &num)) {
        e->num = neg ? -num : num;
        e->has_num = true;
    }
    own->view.nentries = i + 1;
    return (long)i;
}

/* Points the slot of (key, sec) at entry `ei`, adding the key if new: a
 * later definition overrides. */
static claims_status put_slot(claims__lexicon *lx, unsigned sec, uint32_t h, const char *key,
                              size_t keylen, long ei)
{
    lex_own *own = lx->own;
    if ((own->view.used + 1) * 4 > own->view.nslots && !rehash(own, lx->alloc))
        return CLAIMS_ERR_NOMEM;
    uint32_t sh = slot_hash(h, sec);
    lex_slot *sl = find_slot(own->slots, own->view.nslots, own->view.keys, sh, sec, key, keylen);
    if (!sl->hash) {
        size_t off = own->keys.len;
        if (off + keylen > UINT32_MAX || !claims__buf_put(&own->keys, key, keylen) ||
            !keys_pad(own))
            return CLAIMS_ERR_NOMEM;
        own_view(own);
        sl->hash = sh;
        sl->section = (uint16_t)sec;
        sl->keylen = (uint16_t)keylen;
        sl->key = (uint32_t)off;
        own->view.used++;
    }
    sl->entry = (uint32_t)ei;
    return CLAIMS_OK;
}

/* Adds one phrase (raw text) to a section. */
static claims_status add_phrase(claims__lexicon *lx, unsigned sec, const char *value,
                                size_t vlen, const char *phrase, size_t plen)
{
    claims__token *toks = NULL;
    claims__tok_pos *pos = NULL;
    size_t ntoks = 0, nlen = 0;
    char *norm = NULL;
    claims_status st = claims__tokenize(lx->alloc, phrase, plen, &toks, &pos, &ntoks, &norm, &nlen);
    if (st != CLAIMS_OK)
        return st;
    if (ntoks == 0 || ntoks > 255) {
        claims__free(lx->alloc, toks);
        claims__free(lx->alloc, norm);
        return CLAIMS_ERR_LEXICON;
    }
    if (!own_tables(lx)) {
        claims__free(lx->alloc, toks);
        claims__free(lx->alloc, norm);
        return CLAIMS_ERR_NOMEM;
    }
    lex_own *own = lx->own;
    /* Build the key exactly as claims__lex_match rebuilds it from text. */
    claims__buf key;
    claims__buf_init(&key, lx->alloc);
    uint32_t h = 0;
    for (size_t i = 0; i < ntoks; i++) {
        if (i > 0 && (toks[i].flags & CLAIMS__TF_SPACE_BEFORE)) {
            claims__buf_putc(&key, ' ');
            h = claims__hash(h, " ", 1);
        }
        claims__buf_put(&key, norm + toks[i].norm, claims__tok_len(&toks[i]));
        h = i ? claims__hash(h, norm + toks[i].norm, claims__tok_len(&toks[i])) : toks[0].hash;
        bloom_set(own->bloom, slot_hash(h, sec),
                  i + 1 < ntoks ? CLAIMS__LEX_CELL_PREFIX : CLAIMS__LEX_CELL_KEY);
    }
    uint32_t first = toks[0].hash;
    if (ntoks >= 2) {
        uint32_t b = claims__lex_pair_bit(toks[0].hash, toks[1].hash, sec);
        own->pairs[b / 32] |= 1u << (b % 32);
        b = claims__lex_pair_bit(toks[0].hash, toks[1].hash, CLAIMS__LEX_PAIR_ANY);
        own->pairs[b / 32] |= 1u << (b % 32);
    }
    size_t nt = ntoks;
    claims__free(lx->alloc, toks);
    claims__free(lx->alloc, norm);
    if (key.failed || key.len > 65535) {
        claims_status e = key.failed ? CLAIMS_ERR_NOMEM : CLAIMS_ERR_LEXICON;
        claims__buf_free(&key);
        return e;
    }
    long ei = add_entry(lx, sec, value, vlen, nt);
    st = ei < 0 ? CLAIMS_ERR_NOMEM : put_slot(lx, sec, h, key.data, key.len, ei);
    claims__buf_free(&key);
    if (st != CLAIMS_OK)
        return st;
    if (nt > own->maxntok[sec])
        own->maxntok[sec] = (uint8_t)nt;
    claims__lex_bucket *bk = &own->buckets[first % FIRST_BITS];
    bk->lexmask |= 1u << sec;
    if (nt == 1)
        own->single[first % FIRST_BITS] |= 1u << sec;
    if (sec == CLAIMS__LEX_TIME_WORD && own->entries[ei].code == CLAIMS__LV_FUTURE)
        bk->lexmask |= CLAIMS__LEXMASK_FUTURE;
    if (sec == CLAIMS__LEX_CONTEXT && own->entries[ei].code == CLAIMS__LV_HEDGE)
        bk->lexmask |= CLAIMS__LEXMASK_HEDGE;
    if (sec == CLAIMS__LEX_CONTEXT && own->entries[ei].code == CLAIMS__LV_POLL)
        bk->lexmask |= CLAIMS__LEXMASK_POLL;
    bk->drop = claims__lex_drop_bits(bk->lexmask, own->single[first % FIRST_BITS]);
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

static claims_status load_text(claims__lexicon *lx, const char *text, size_t len,
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
    if (lx->own)
        settle_slots(lx->own, lx->alloc);
    return CLAIMS_OK;
}

claims_status claims__lexicon_load(claims__lexicon *lx, const char *text, size_t len,
                                   size_t *bad_offset)
{
    claims_status st = load_text(lx, text, len, bad_offset);
    /* the phrases read before an error stay: so do their buckets */
    if (lx->own)
        index_buckets(lx->own, lx->alloc);
    return st;
}

/* The kind of each key byte for key_may_cut: 1 a letter, 2 a digit, 3 a
 * UTF-8 continuation byte, 0 anything else. */
/* clang-format off */
#define KK(c) ((c) >= 0x80 && (c) < 0xC0 ? 3 : \
               ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') ? 1 : \
               (c) >= '0' && (c) <= '9' ? 2 : 0)
#define KK4(c) KK(c), KK((c) + 1), KK((c) + 2), KK((c) + 3)
#define KK16(c) KK4(c), KK4((c) + 4), KK4((c) + 8), KK4((c) + 12)
static const unsigned char key_kind[256] = {
    KK16(0), KK16(16), KK16(32), KK16(48), KK16(64), KK16(80), KK16(96), KK16(112),
    KK16(128), KK16(144), KK16(160), KK16(176), KK16(192), KK16(208), KK16(224), KK16(240)};
#undef KK16
#undef KK4
#undef KK
/* clang-format on */

/* Whether a key's first token may end before key[b] (0 < b): before a
 * space, between bytes of different kinds, or after a byte that is no
 * letter or digit, but never inside a UTF-8 character. */
static inline bool key_may_cut(const char *key, size_t b)
{
    unsigned k0 = key_kind[(unsigned char)key[b - 1]], k1 = key_kind[(unsigned char)key[b]];
    return k1 != 3 && (k0 != k1 || k0 == 0);
}

/* The entry of section sec whose key is norm[0, len) if its first token
 * is norm[0, b), else NULL. */
static const claims__lex_entry *get_cut(const claims__lex_tables *t, unsigned sec, const char *norm,
                                        size_t len, size_t b)
{
    size_t mask = t->nslots - 1;
    uint32_t h = slot_hash(fnv(claims__word_hash(norm, b), norm + b, len - b), sec);
    for (size_t i = slot_home(h, t->shift); t->slots[i].hash; i = (i + 1) & mask) {
        const lex_slot *sl = &t->slots[i];
        if (sl->hash == h && sl->section == sec && sl->keylen == len &&
            memcmp(t->keys + sl->key, norm, len) == 0)
            return &t->entries[sl->entry];
    }
    return NULL;
}

const claims__lex_entry *claims__lex_get(const claims__lexicon *lx, claims__lex_section sec,
                                         const char *norm, size_t len)
{
    if (len > 65535)
        return NULL;
    /* The key's hash starts with its first token's, and where that token
     * ends is the tokenizer's to say. Most keys are one word: the whole
     * key first; then each place the token may end (where a byte's kind
     * changes, up to the first space): the slot holding these bytes in
     * the section is the key's, whatever the place that found it. */
    const claims__lex_tables *t = lx->tables;
    const claims__lex_entry *e = get_cut(t, sec, norm, len, len);
    for (size_t b = 1; !e && b < len; b++) {
        if (!key_may_cut(norm, b))
            continue;
        e = get_cut(t, sec, norm, len, b);
        if (norm[b] == ' ')
            break; /* no token has a space */
    }
    return e;
}

/* Whether the n <= 16 bytes at key and at norm are the same, 16 bytes
 * readable at each: one compare of 16 bytes, masked to n, without the
 * branches on n of claims__same_bytes (most lookups are of words of 2
 * to 9 bytes, and those branches mispredicted). */
static inline bool same16(const char *key, const char *norm, size_t n)
{
#ifdef CLAIMS__SSE2
    __m128i k = _mm_loadu_si128((const __m128i *)(const void *)key);
    __m128i w = _mm_loadu_si128((const __m128i *)(const void *)norm);
    unsigned eq = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(k, w));
    return (~eq & ((1u << n) - 1)) == 0;
#else
    return claims__same_bytes(key, norm, n);
#endif
}

/* Whether the key bytes at `key` are tokens [i, i + ntok) of art joined as
 * add_phrase joins them (the caller checked the length). A token of up to
 * 16 bytes (most) is compared as one vector (same16: the keys are padded,
 * and the norm text has 16 readable bytes past its end), without the
 * branches on its length of claims__same_bytes, which mispredicted here
 * too. */
static inline bool key_is(const char *key, const claims__article *art, size_t i, size_t ntok)
{
    for (size_t m = 0; m < ntok; m++) {
        const claims__token *u = &art->toks[i + m];
        if (m > 0 && (u->flags & CLAIMS__TF_SPACE_BEFORE) && *key++ != ' ')
            return false;
        const char *norm = art->norm + u->norm;
        size_t n = claims__tok_len(u);
        if (n <= 16 ? !same16(key, norm, n) : !claims__same_bytes(key, norm, n))
            return false;
        key += n;
    }
    return true;
}

/* The entry of section sec whose key, keylen bytes hashing to slot hash
 * sh, is tokens [i, i + ntok) of art; NULL when none. */
static inline const claims__lex_entry *probe(const claims__lex_tables *t, uint32_t sh,
                                             unsigned sec, size_t keylen,
                                             const claims__article *art, size_t i, size_t ntok)
{
    const lex_slot *slots = t->slots;
    size_t mask = t->nslots - 1;
    for (size_t j = slot_home(sh, t->shift); slots[j].hash; j = (j + 1) & mask) {
        const lex_slot *sl = &slots[j];
        if (sl->hash == sh && sl->section == sec && sl->keylen == keylen &&
            key_is(t->keys + sl->key, art, i, ntok))
            return &t->entries[sl->entry];
    }
    return NULL;
}

/* The entry of section sec whose key is token tk alone (its norm text
 * at norm), its slot hash sh; NULL when none. Out of line: only a slot
 * hash shared by two keys sends a lookup here. */
CLAIMS__NOINLINE static const claims__lex_entry *probe_one(const claims__lex_tables *t, uint32_t sh,
                                                           unsigned sec, const claims__token *tk,
                                                           const char *norm, size_t *ntok)
{
    const lex_slot *slots = t->slots;
    size_t mask = t->nslots - 1;
    for (size_t j = slot_home(sh, t->shift); slots[j].hash; j = (j + 1) & mask) {
        const lex_slot *sl = &slots[j];
        if (sl->hash == sh && sl->section == sec && sl->keylen == claims__tok_len(tk) &&
            claims__same_bytes(t->keys + sl->key, norm, claims__tok_len(tk))) {
            *ntok = 1;
            return &t->entries[sl->entry];
        }
    }
    return NULL;
}

/* claims__lex_match_at when the tokens from i on may start a phrase of
 * more than one token: the longest match, read on token by token. Kept
 * out of line: inlined, its registers made every lookup save and restore
 * six of them, though most lookups are of one token. */
CLAIMS__NOINLINE static const claims__lex_entry *match_long(const claims__lex_tables *t,
                                                            claims__lex_section sec,
                                                            const claims__article *art, size_t i,
                                                            size_t end, size_t *ntok)
{
    if (end > art->ntoks)
        end = art->ntoks;
    size_t maxn = t->maxntok[sec];
    if (maxn > end - i)
        maxn = end - i;
    const claims__lex_entry *best = NULL;
    const claims__token *tk = &art->toks[i];
    /* A key's hash starts with its first token's own hash, and grows
     * token by token (fnv). */
    uint32_t h = tk->hash;
    size_t keylen = claims__tok_len(tk);
    for (size_t k = 1;; k++) {
        uint32_t sh = slot_hash(h, sec);
        unsigned cell = bloom_cell(t->bloom, sh);
        if (cell & CLAIMS__LEX_CELL_KEY) {
            const claims__lex_entry *e = probe(t, sh, sec, keylen, art, i, k);
            if (e) {
                best = e;
                *ntok = k;
            }
        }
        if (!(cell & CLAIMS__LEX_CELL_PREFIX) || k >= maxn)
            break; /* no longer phrase of the section starts with these tokens */
        tk++;
        if (tk->flags & CLAIMS__TF_SPACE_BEFORE) {
            h = fnv(h, " ", 1);
            keylen++;
        }
        h = fnv(h, art->norm + tk->norm, claims__tok_len(tk));
        keylen += claims__tok_len(tk);
    }
    return best;
}

const claims__lex_entry *claims__lex_match_probe(const claims__lexicon *lx, claims__lex_section sec,
                                                 const claims__article *art, size_t i, size_t end,
                                                 size_t *ntok)
{
    /* claims__lex_match_at let the lookup through: the token is a phrase
     * of the section alone (its single bit), or the pair bits say a
     * longer one may go on with the next token. They say so for few
     * tokens: most lookups here probe for the token alone. */
    const claims__lex_tables *t = lx->tables;
    const claims__token *tk = &art->toks[i];
    uint32_t sh = slot_hash(tk->hash, sec);
    /* (the last token's next is the one past it, hash 0: the pair bits
       may send it on, and match_long, bound by the token count, finds
       what the probe below would) */
    if (i + 1 < end && claims__lex_pair_may(t, tk[0].hash, tk[1].hash, sec))
        return match_long(t, sec, art, i, end, ntok);
    /* The home slot of slot hash sh holds the token's key, if any, as a
     * rule: only it is compared here, with few values live (fewer
     * registers saved on every call) and no loop over slots, whose tests
     * mispredicted; probe_one looks further, and says when none. */
    const lex_slot *sl = &t->slots[slot_home(sh, t->shift)];
    const char *norm = art->norm + tk->norm;
    size_t n = claims__tok_len(tk);
    /* (a token of up to 16 bytes: all but the longest words; the norm
       text has 16 readable bytes past its end) */
    if (sl->hash != sh || n > 16 || ((sl->section ^ sec) | (sl->keylen ^ n)) != 0 ||
        !same16(t->keys + sl->key, norm, n))
        return probe_one(t, sh, sec, tk, norm, ntok);
    *ntok = 1;
    return &t->entries[sl->entry];
}
