/* frames.c - the story's table of claim frames.
 *
 * A claim's frame (claims__frame: the slots it is filed under, what it is
 * about, its anchor in time, a range's bounds) took 100 of the claim's 176
 * bytes, and most of a story's claims share a few hundred frames. A claim
 * is made with a draft frame of its own, which the extractors write in
 * place (claims__draft) while its article (or window of a long one) is
 * read; when that is done, claims__frames_seal points each claim at the
 * one shared copy of its frame and the drafts are freed. A frame changed
 * later (a speaker resolved across the story, an event told apart) is
 * copied, changed and shared again (claims__frame_put). No output depends
 * on the table's order: it is only looked up. */
#include "base/base.h"

#include <stddef.h>
#include <string.h>

/* Hashing and equality go field by field: a frame's padding and an
 * anchor copied from a local hold bytes no field owns. A field is taken
 * in with an add and a multiply, half the steps of a full mix (a frame is
 * hashed for every claim when its window is sealed); a multiply carries
 * bits only upwards, so the finish folds the high half down. */
static inline uint64_t take(uint64_t h, uint64_t w)
{
    return (h + w) * 0xff51afd7ed558ccdull;
}

/* A double's bits: equal bounds hash alike (0.0 and -0.0 are told apart,
 * as same_double does). */
static inline uint64_t bits_of(double d)
{
    uint64_t w;
    memcpy(&w, &d, sizeof w);
    return w;
}

/* Bounds are equal when their bits are: a frame is copied, never computed. */
static inline bool same_double(double a, double b)
{
    return bits_of(a) == bits_of(b);
}

/* Equal frames hash alike from any subset of the fields; these are the
 * ones that tell frames of a story apart. The slots derived from the key
 * (backoff, kind_key) and the parts it is made of (thing, action, what,
 * speaker: claims__claim_key sets them with it) are left to frame_eq. */
/* Eight bytes of frame f from byte at. */
static inline uint64_t word_at(const claims__frame *f, size_t at)
{
    uint64_t w;
    memcpy(&w, (const char *)f + at, sizeof w);
    return w;
}

/* Read as eight bytes at a time where fields lie side by side, none of
 * them padding (the asserts at the end): key; weak_key and unit; linked,
 * with has_low and has_high (the top two bytes of the eight from 50);
 * low; high; index and event; event_id and scope; holder and quantity;
 * part, hedged, sampled, holder_kind and the anchor's year; its month
 * and day, with precision, inferred and background (the top three bytes
 * of the eight from 111). */
static inline uint32_t frame_hash(const claims__frame *f)
{
    uint64_t h = 0x9e3779b97f4a7c15ull;
    h = take(h, word_at(f, 0));
    h = take(h, word_at(f, 8));
    h = take(h, word_at(f, 48) + (word_at(f, 50) >> 48));
    h = take(h, word_at(f, 32));
    h = take(h, word_at(f, 40));
    h = take(h, word_at(f, 76));
    h = take(h, word_at(f, 84));
    h = take(h, word_at(f, 92));
    h = take(h, word_at(f, 100));
    h = take(h, word_at(f, 108) + (word_at(f, 111) >> 40));
    h ^= h >> 32;
    h *= 0xc4ceb9fe1a85ec53ull;
    return (uint32_t)(h ^ (h >> 29));
}

static bool frame_eq(const claims__frame *a, const claims__frame *b)
{
    return a->key == b->key && a->weak_key == b->weak_key && a->unit == b->unit &&
           a->backoff[0] == b->backoff[0] && a->backoff[1] == b->backoff[1] &&
           a->kind_key == b->kind_key && a->has_low == b->has_low && a->has_high == b->has_high &&
           same_double(a->low, b->low) && same_double(a->high, b->high) && a->linked == b->linked &&
           a->thing == b->thing && a->action == b->action && a->what == b->what &&
           a->speaker == b->speaker && a->index == b->index && a->event == b->event &&
           a->event_id == b->event_id && a->scope == b->scope && a->holder == b->holder &&
           a->quantity == b->quantity && a->part == b->part && a->hedged == b->hedged &&
           a->sampled == b->sampled && a->holder_kind == b->holder_kind &&
           a->anchor.precision == b->anchor.precision && a->anchor.inferred == b->anchor.inferred &&
           a->anchor.background == b->anchor.background &&
           a->anchor.date.year == b->anchor.date.year &&
           a->anchor.date.month == b->anchor.date.month && a->anchor.date.day == b->anchor.date.day;
}

#ifdef CLAIMS__SSE2
/* Whether the 16 bytes at a + at and b + at are equal, as a mask of ones. */
static inline __m128i same16(const char *a, const char *b, size_t at)
{
    return _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(a + at)),
                          _mm_loadu_si128((const __m128i *)(const void *)(b + at)));
}
#endif

/* frame_eq for frames of one hash, almost always equal: the bytes of
 * the fields compared sixteen at a time, without a branch a field (the
 * padding's, bytes 28..31, 58..59 and 119, left out: see the asserts
 * below). Bools are 0 or 1 and doubles compared by their bits, so equal
 * bytes are equal fields. */
static inline bool frame_same(const claims__frame *fa, const claims__frame *fb)
{
#ifdef CLAIMS__SSE2
    const char *a = (const char *)fa, *b = (const char *)fb;
    __m128i m = _mm_and_si128(same16(a, b, 0), same16(a, b, 12));
    m = _mm_and_si128(m, _mm_and_si128(same16(a, b, 32), same16(a, b, 42)));
    m = _mm_and_si128(m, _mm_and_si128(same16(a, b, 60), same16(a, b, 76)));
    m = _mm_and_si128(m, _mm_and_si128(same16(a, b, 92), same16(a, b, 103)));
    return _mm_movemask_epi8(m) == 0xffff;
#else
    return frame_eq(fa, fb);
#endif
}

/* A shared frame with its hash, kept for the table's probes (a slot's
 * frame of another hash is passed without frame_eq) and its growth (no
 * frame hashed again). Slots point at the frame, its first member. */
typedef struct shared_frame {
    claims__frame f;
    uint32_t hash;
} shared_frame;

/* The shared frames lie side by side, FRAME_BLOCK to a block of the
 * story's arena, not one by one between the claims: the probes of a
 * seal compare drafts with them, and frames in use then share lines and
 * pages. The next one stored goes after the last one (t->last) until
 * its block is full (every FRAME_BLOCK frames: t->n tells). Each block
 * names the one before, so that the table's growth walks the frames,
 * their hashes in order in memory, rather than the old slots (half of
 * them empty) and a frame at random for each one in use. A block's
 * frames begin on a cache line (FRAME_LINE), so that each shared frame
 * is two lines, which a seal asks for before it compares (at the
 * arena's 8 bytes, most were three). */
enum { FRAME_BLOCK = 32, FRAME_LINE = 64 };

typedef struct frame_block {
    shared_frame frames[FRAME_BLOCK];
    struct frame_block *prev; /* NULL: the first */
} frame_block;

/* The block of the frame stored last, or NULL when there is none. */
static frame_block *last_block(const claims__frametab *t)
{
    if (!t->n)
        return NULL;
    const shared_frame *last = (const shared_frame *)(uintptr_t)t->last;
    return (frame_block *)(uintptr_t)(last - (t->n - 1) % FRAME_BLOCK);
}

static bool frametab_rehash(claims_story *s, uint32_t nslots)
{
    claims__frametab *t = &s->frames;
    const claims__frame **slots = claims__malloc(&s->alloc, (size_t)nslots * sizeof *slots);
    uint32_t *hashes = claims__malloc(&s->alloc, (size_t)nslots * sizeof *hashes);
    if (!slots || !hashes) {
        claims__free(&s->alloc, slots);
        claims__free(&s->alloc, hashes);
        return false;
    }
    memset(slots, 0, (size_t)nslots * sizeof *slots);
    uint32_t mask = nslots - 1;
    /* the last block holds the frames past the full ones before it */
    uint32_t m = t->n ? (t->n - 1) % FRAME_BLOCK + 1 : 0;
    for (frame_block *b = last_block(t); b; b = b->prev, m = FRAME_BLOCK)
        for (uint32_t k = 0; k < m; k++) {
            uint32_t h = b->frames[k].hash, i = h & mask;
            while (slots[i])
                i = (i + 1) & mask;
            slots[i] = &b->frames[k].f;
            hashes[i] = h;
        }
    claims__free(&s->alloc, t->slots);
    claims__free(&s->alloc, t->hashes);
    t->slots = slots;
    t->hashes = hashes;
    t->nslots = nslots;
    return true;
}

/* Stores a copy of *f, of hash h, found nowhere in the table, in slot i
 * unless the table must grow first; NULL on OOM. Apart from
 * frame_intern, whose probe then calls nothing: no register saved and
 * restored for the frames found. */
static CLAIMS__NOINLINE claims__frame *frame_store(claims_story *s, const claims__frame *f,
                                                   uint32_t h, uint32_t i)
{
    claims__frametab *t = &s->frames;
    /* at most half the slots in use */
    if ((size_t)t->n * 2 + 2 > t->nslots) {
        if (t->nslots > UINT32_MAX / 4 || !frametab_rehash(s, t->nslots ? t->nslots * 2 : 256))
            return NULL;
        uint32_t mask = t->nslots - 1;
        for (i = h & mask; t->slots[i]; i = (i + 1) & mask)
            ;
    }
    shared_frame *copy;
    if (t->n % FRAME_BLOCK) {
        copy = (shared_frame *)(uintptr_t)t->last + 1;
    } else {
        char *raw = claims__arena_alloc_raw(&s->arena, sizeof(frame_block) + FRAME_LINE - 8);
        if (!raw)
            return NULL;
        /* the arena's 8-byte alignment up to the line's */
        frame_block *b = (frame_block *)(void *)(raw + (-(uintptr_t)raw & (FRAME_LINE - 1)));
        b->prev = last_block(t);
        copy = &b->frames[0];
    }
    t->last = &copy->f;
    memcpy(&copy->f, f, sizeof copy->f);
    copy->hash = h;
    t->slots[i] = &copy->f;
    t->hashes[i] = h;
    t->n++;
    return &copy->f;
}

/* The shared copy of *f, of hash h, stored on first sight; NULL on OOM. */
static inline claims__frame *frame_intern_h(claims_story *s, const claims__frame *f, uint32_t h)
{
    const claims__frametab *t = &s->frames;
    if (!t->nslots)
        return frame_store(s, f, h, 0);
    uint32_t mask = t->nslots - 1, i = h & mask;
    for (const claims__frame *q; (q = t->slots[i]) != NULL; i = (i + 1) & mask)
        if (t->hashes[i] == h && frame_same(q, f))
            return (claims__frame *)q;
    return frame_store(s, f, h, i);
}

/* The shared copy of *f, stored on first sight; NULL on OOM. */
static claims__frame *frame_intern(claims_story *s, const claims__frame *f)
{
    return frame_intern_h(s, f, frame_hash(f));
}

bool claims__frame_put(claims_story *s, claims_claim *cl, const claims__frame *f)
{
    if (cl->flags & CLAIMS__CF_DRAFT) {
        if (cl->frame != f)
            memcpy(claims__draft(cl), f, sizeof *f);
        return true;
    }
    if (frame_eq(cl->frame, f))
        return true; /* most claims of a story pass the event pass unchanged */
    claims__frame *shared = frame_intern(s, f);
    if (!shared)
        return false;
    cl->frame = shared;
    return true;
}

#if defined(__GNUC__)
#define FRAME_PREFETCH(p) __builtin_prefetch(p)
#else
#define FRAME_PREFETCH(p) ((void)(p))
#endif

/* Drafts sealed a batch at a time, in three steps a batch apart: their
 * hashes, with the slots where their probes start asked for; a batch
 * later the frames there asked for; then the probes, which then wait on
 * fewer loads from a table bigger than the caches. (With the steps of
 * a batch in a row, each ask came a few dozen loads before its use: the
 * loads of the slot and of its frame took most of perf's samples of the
 * seal on 20 MB of real news.) */
enum { SEAL_BATCH = 32 };

/* A hash no batch entry has: its claim's frame is the one before's. */
#define SEAL_SAME_AS_LAST UINT64_MAX

/* The hashes hs of the m drafts from k0, and their slots asked for. A
 * claim often has the frame of the one before (one in seven on the news
 * slice): compared first, cheaper than a hash (its key here, without a
 * call, as most differ there); the one before has its draft or its
 * shared copy, equal to it. */
static void seal_hash(const claims_story *s, size_t k0, size_t m, uint64_t *hs)
{
    claims_claim *const *dc = s->draft_claims + k0;
    const claims__frametab *t = &s->frames;
    uint32_t mask = t->nslots ? t->nslots - 1 : 0;
    const claims__frame *prev = k0 ? s->draft_claims[k0 - 1]->frame : NULL;
    for (size_t j = 0; j < m; j++) {
        const claims__frame *f = dc[j]->frame;
        if (prev && prev->key == f->key && frame_same(prev, f)) {
            hs[j] = SEAL_SAME_AS_LAST;
        } else {
            hs[j] = frame_hash(f);
            if (t->nslots) {
                FRAME_PREFETCH(&t->slots[hs[j] & mask]);
                FRAME_PREFETCH(&t->hashes[hs[j] & mask]);
            }
        }
        prev = f;
    }
}

/* The two lines of the frame in the first slot of each of hs[0..m),
 * asked for; without a branch a draft: one the same as the one before
 * asks for the table's last slot (its hash is all ones), an empty slot
 * for the slot itself. */
static void seal_ask(const claims__frametab *t, const uint64_t *hs, size_t m)
{
    if (!t->nslots)
        return;
    uint32_t mask = t->nslots - 1;
    for (size_t j = 0; j < m; j++) {
        const claims__frame *const *sl = &t->slots[hs[j] & mask];
        const char *q = *sl ? (const char *)*sl : (const char *)sl;
        FRAME_PREFETCH(q);
        FRAME_PREFETCH(q + FRAME_LINE);
    }
}

bool claims__frames_seal(claims_story *s)
{
    const claims__frame *last = NULL;
    uint64_t hs[2][SEAL_BATCH];
    size_t n = s->ndraft_claims;
    if (n)
        seal_hash(s, 0, n < SEAL_BATCH ? n : SEAL_BATCH, hs[0]);
    for (size_t k0 = 0, b = 0; k0 < n; k0 += SEAL_BATCH, b ^= 1) {
        size_t m = n - k0 < SEAL_BATCH ? n - k0 : SEAL_BATCH;
        seal_ask(&s->frames, hs[b], m);
        /* the next batch's drafts are not written by this one's probes */
        if (n - k0 > SEAL_BATCH) {
            size_t k1 = k0 + SEAL_BATCH;
            seal_hash(s, k1, n - k1 < SEAL_BATCH ? n - k1 : SEAL_BATCH, hs[b ^ 1]);
        }
        claims_claim **dc = s->draft_claims + k0;
        for (size_t j = 0; j < m; j++) {
            claims_claim *cl = dc[j];
            const claims__frame *shared = hs[b][j] == SEAL_SAME_AS_LAST
                                              ? last
                                              : frame_intern_h(s, cl->frame, (uint32_t)hs[b][j]);
            if (!shared) {
                /* the sealed ones are done; the rest keep their drafts */
                size_t k = k0 + j;
                memmove(s->draft_claims, s->draft_claims + k,
                        (s->ndraft_claims - k) * sizeof *s->draft_claims);
                s->ndraft_claims -= k;
                return false;
            }
            cl->frame = last = shared;
            cl->flags &= (uint16_t)~CLAIMS__CF_DRAFT;
        }
    }
    s->ndraft_claims = 0;
    /* one block kept for the next window's drafts */
    claims__arena_clear(&s->drafts);
    return true;
}

void claims__frames_free(claims_story *s)
{
    claims__free(&s->alloc, s->frames.slots);
    claims__free(&s->alloc, s->frames.hashes);
    s->frames.slots = NULL;
    s->frames.hashes = NULL;
    s->frames.n = s->frames.nslots = 0;
    s->frames.last = NULL;
    claims__free(&s->alloc, s->draft_claims);
    s->draft_claims = NULL;
    s->ndraft_claims = s->cap_draft_claims = 0;
    claims__arena_release(&s->drafts);
}

/* frame_hash reads these fields eight bytes at a time. */
_Static_assert(offsetof(claims__frame, weak_key) == 8 && offsetof(claims__frame, unit) == 12 &&
                   offsetof(claims__frame, linked) == 48 &&
                   offsetof(claims__frame, has_low) == 56 &&
                   offsetof(claims__frame, has_high) == 57 && offsetof(claims__frame, high) == 40 &&
                   offsetof(claims__frame, index) == 76 && offsetof(claims__frame, event) == 80 &&
                   offsetof(claims__frame, event_id) == 84 &&
                   offsetof(claims__frame, scope) == 88 && offsetof(claims__frame, holder) == 92 &&
                   offsetof(claims__frame, quantity) == 96 &&
                   offsetof(claims__frame, part) == 100 &&
                   offsetof(claims__frame, holder_kind) == 103 &&
                   offsetof(claims__frame, anchor.date.year) == 104 &&
                   offsetof(claims__frame, anchor.date.day) == 112 &&
                   offsetof(claims__frame, anchor.precision) == 116,
               "claims__frame's fields moved: update frame_hash");

/* frame_hash and frame_eq name every field: a new one is added there too. */
_Static_assert(sizeof(claims__frame) == 120 && CLAIMS__BACKOFF_MAX == 2,
               "claims__frame changed: update frame_hash and frame_eq");

/* frame_same compares bytes [0, 28), [32, 58) and [60, 119): the
 * fields, without the padding between. */
_Static_assert(offsetof(claims__frame, kind_key) == 24 && offsetof(claims__frame, low) == 32 &&
                   offsetof(claims__frame, has_high) == 57 &&
                   offsetof(claims__frame, thing) == 60 &&
                   offsetof(claims__frame, anchor.background) == 118,
               "claims__frame's padding moved: update frame_same");

/* claims__frame_draft zeroes a frame by 7 stores of 16 bytes and one of 8. */
_Static_assert(sizeof(claims__frame) == 120,
               "claims__frame's size changed: update claims__frame_draft");

/* A shared frame is two cache lines, a block's frames on its lines. */
_Static_assert(sizeof(shared_frame) == 2 * FRAME_LINE && offsetof(frame_block, frames) == 0,
               "shared_frame's size changed: update FRAME_LINE's use in frames_seal");
