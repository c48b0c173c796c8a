/* store.c - the story's store of claims and findings: where extractors and
 * the comparison put what they find. */
#include "base/base.h"

#include <string.h>

/* Room for one more claim in s->claims and in s->claim_kinds, which
 * has at least as much (one test a claim, for both): both grown by the
 * story's allocator (kinds in the arena kept every old block till the
 * story's end: the synthetic 100,000-article story's peak went 3.50x ->
 * 3.57x of its text). False on OOM, when cap_claims may tell less room
 * than the claims have, never more. */
static CLAIMS__NOINLINE bool claims_grow(claims_story *s)
{
    size_t cap = s->cap_claims;
    if (!claims__grow_to(&s->alloc, (void **)&s->claims, &cap, s->nclaims + 1, sizeof *s->claims))
        return false;
    if (cap > s->cap_claim_kinds &&
        !claims__grow_to(&s->alloc, (void **)&s->claim_kinds, &s->cap_claim_kinds, cap, 1))
        return false;
    s->cap_claims = cap;
    return true;
}

/* A claim of `kind` for article ai spanning [start, end) in sentence sn
 * (NULL when the article has none) of index si: made and appended to the
 * story. Inline in both ways of finding the sentence. */
static CLAIMS__ALWAYS_INLINE claims_claim *claim_make(claims_story *s, size_t ai, claims_kind kind,
                                                      size_t start, size_t end,
                                                      const claims__sentence *sn, size_t si)
{
    if (s->nclaims == s->cap_claims && !claims_grow(s))
        return NULL;
    /* zeroed by the assignment, inline (no memset call) */
    claims_claim *c = claims__arena_alloc_raw(&s->arena, sizeof *c);
    if (!c)
        return NULL;
    *c = (claims_claim){.story = s,
                        .article = (uint32_t)ai,
                        .kind = (uint8_t)kind,
                        .start = (uint32_t)start,
                        .end = (uint32_t)end,
                        .sentence = si < CLAIMS__SENT_FAR ? (unsigned)si : CLAIMS__SENT_FAR};
    if (!claims__frame_draft(s, c))
        return NULL;
    if (sn) {
        c->sent_start = sn->start < start ? sn->start : (uint32_t)start;
        c->sent_end = sn->end > end ? sn->end : (uint32_t)end;
        if (sn->flags & CLAIMS__SF_TITLE)
            c->flags |= CLAIMS__CF_TITLE;
    } else {
        c->sent_start = (uint32_t)start;
        c->sent_end = (uint32_t)end;
    }
    s->claim_kinds[s->nclaims] = (uint8_t)kind;
    s->claims[s->nclaims++] = c;
    return c;
}

/* The sentence of art (which has some) that holds byte off, as
 * claims__sentence_of finds it: the first whose end is past off. The
 * claims made by offset (quotes and paraphrases) come in text order,
 * mostly a sentence or three apart: when no sentence before the last
 * claim's, k, is past off, the first of k..k+3 that is, counted without
 * a branch (their ends are in order); else searched. */
static size_t sentence_from(const claims__article *art, size_t off, size_t k)
{
    const claims__sentence *sn = art->sents;
    size_t n = art->nsents;
    if (k + 4 <= n && (k == 0 || sn[k - 1].end <= off)) {
        size_t i = k + (sn[k].end <= off) + (sn[k + 1].end <= off) + (sn[k + 2].end <= off);
        if (sn[i].end > off)
            return i;
    }
    return claims__sentence_of(art, off);
}

claims_claim *claims__claim_add(claims_story *s, size_t ai, claims_kind kind, size_t start,
                                size_t end)
{
    const claims__article *art = &s->articles[ai];
    if (!art->nsents)
        return claim_make(s, ai, kind, start, end, NULL, CLAIMS__SENT_FAR);
    size_t si = sentence_from(art, start,
                              s->nclaims ? s->claims[s->nclaims - 1]->sentence : CLAIMS__SENT_FAR);
    return claim_make(s, ai, kind, start, end, &art->sents[si], si);
}

/* The sentence of the claim's first token, which segmentation wrote: the
 * sentence whose tokens hold the claim's start, as the search by offset
 * finds it (the reports on every story of the tests and of real news are
 * the same either way), without its five or so halving steps. */
claims_claim *claims__claim_add_tok(claims_story *s, size_t ai, claims_kind kind, size_t tb,
                                    size_t te)
{
    const claims__article *art = &s->articles[ai];
    const claims__tok_pos *b = &art->pos[tb];
    size_t start = b->start;
    const claims__sentence *sn = &art->sents[b->sentence];
    return claim_make(s, ai, kind, start, art->pos[te - 1].end, sn, b->sentence);
}

/* Appends part p (n bytes; none when NULL) to the key k of at bytes,
 * after a '/' when k is not empty: the key's new length. */
static CLAIMS__ALWAYS_INLINE size_t put_part(char *k, size_t at, const char *p, size_t n)
{
    if (!p)
        return at;
    if (at)
        k[at++] = '/';
    claims__copy_short(k + at, p, n);
    return at + n;
}

/* The key of parts[0..4) of lengths lens (NULL parts skipped) joined by
 * '/', interned: its id, 0 on OOM. */
static claims__sid key_join(claims_story *s, const char *const parts[4], const size_t lens[4])
{
    /* a NULL part's length is 0: room for every part and its '/' */
    size_t n = lens[0] + lens[1] + lens[2] + lens[3] + 4;
    /* most keys are short: joined on the stack, then looked up */
    char small[256];
    char *k = n <= sizeof small ? small : claims__malloc(&s->alloc, n);
    if (!k)
        return 0;
    size_t at = put_part(k, 0, parts[0], lens[0]);
    at = put_part(k, at, parts[1], lens[1]);
    at = put_part(k, at, parts[2], lens[2]);
    at = put_part(k, at, parts[3], lens[3]);
    claims__sid id = claims__intern(s, k, at);
    if (k != small)
        claims__free(&s->alloc, k);
    return id;
}

claims__sid claims__key(claims_story *s, const char *p1, const char *p2, const char *p3,
                        const char *p4)
{
    const char *const parts[4] = {p1, p2, p3, p4};
    size_t lens[4] = {0, 0, 0, 0};
    /* "-", the unknown part of most back-off keys, measured without a
       call */
    for (int i = 0; i < 4; i++)
        if (parts[i])
            lens[i] = parts[i][0] == '-' && !parts[i][1] ? 1 : strlen(parts[i]);
    return key_join(s, parts, lens);
}

/* The longest key part folded for spelling; longer parts are kept as
 * they are. */
enum { CLAIMS__PART_MAX = 64 };

/* A key part's tag in the key memo: equal tags, equal parts. A part
 * not interned has none: its key is not memoized. */
enum { TAG_ABSENT, TAG_UNKNOWN, TAG_ASKED, TAG_ID0 };
#define TAG_NONE UINT32_MAX /* beyond an enum's int */

/* A memo of `size` entries, all empty, in place of the one before (its
 * entries dropped: it is a cache); false when there is no memory, and
 * then the old one stays. */
static CLAIMS__NOINLINE bool memo_resize(claims_story *s, claims__strtab *t, uint32_t size)
{
    claims__keymemo *m = claims__malloc(&s->alloc, (size_t)size * sizeof *m);
    if (!m)
        return false;
    memset(m, 0, (size_t)size * sizeof *m);
    claims__free(&s->alloc, t->key_memo);
    t->key_memo = m;
    t->memo_size = size;
    return true;
}

/* The memo entry of a key by its kind and tags, or NULL when there is
 * no memo. It grows fourfold while the story's strings outnumber it four
 * to one. */
static claims__keymemo *memo_entry(claims_story *s, claims__strtab *t, unsigned kind,
                                   const uint32_t tags[3])
{
    if (t->memo_size < CLAIMS__KEY_MEMO && t->n >= t->memo_size) {
        uint32_t size = t->memo_size ? t->memo_size * 4 : CLAIMS__KEY_MEMO_FIRST;
        if (!memo_resize(s, t, size < CLAIMS__KEY_MEMO ? size : CLAIMS__KEY_MEMO) &&
            !t->key_memo)
            return NULL;
    }
    uint32_t h = tags[0] * 0x9e3779b1u ^ tags[1] * 0x85ebca77u ^ tags[2] * 0xc2b2ae3du ^ kind;
    return &t->key_memo[(h ^ h >> 15) & (t->memo_size - 1)];
}

/* Whether e is the key of kind and tags. */
static inline bool memo_hit(const claims__keymemo *e, unsigned kind, const uint32_t tags[3])
{
    return e->key && e->tags[0] == tags[0] && e->tags[1] == tags[1] && e->tags[2] == tags[2] &&
           e->kind == kind;
}

/* One of a key's parts p2..p4 at *pp: its length, its tag, and its id
 * when `intern` (the frame names it). "-" and "?" (unknown) and NULL
 * have none. folded, when not NULL, is where its spelling is folded
 * (*pp is then pointed at it). False on OOM. */
static CLAIMS__ALWAYS_INLINE bool key_part(claims_story *s, const char **pp, bool intern,
                                           char *folded, size_t *len, uint32_t *tag,
                                           claims__sid *id)
{
    const char *p = *pp;
    *id = 0;
    if (!p) {
        *len = 0;
        *tag = TAG_ABSENT;
        return true;
    }
    if ((p[0] == '-' || p[0] == '?') && !p[1]) {
        *len = 1;
        *tag = p[0] == '-' ? TAG_UNKNOWN : TAG_ASKED;
        return true;
    }
    size_t n = strlen(p);
    if (folded) {
        size_t m = claims__spelling_fold(p, n, folded, CLAIMS__PART_MAX);
        if (m) {
            *pp = p = folded;
            n = m;
        }
    }
    *len = n;
    if (intern && !(*id = claims__intern(s, p, n)))
        return false;
    *tag = *id && *id < TAG_NONE - TAG_ID0 ? *id + TAG_ID0 : TAG_NONE;
    return true;
}

/* Kinds whose thing (p2) is folded for spelling: what is counted, priced
 * or a share of. */
#define FOLDED_KINDS (1u << CLAIMS_KIND_COUNT | 1u << CLAIMS_KIND_MONEY | 1u << CLAIMS_KIND_PERCENT)
/* Kinds whose frame names p3 (an action, or a measure's thing), and p4
 * (a measure's index); every kind names p2 */
#define NAMES_P3 (1u << CLAIMS_KIND_COUNT | 1u << CLAIMS_KIND_MONEY | 1u << CLAIMS_KIND_MEASURE)
#define NAMES_P4 (1u << CLAIMS_KIND_MEASURE)
/* Kinds whose p4 is interned: a measure's index, and an amount's
 * currency, which the frame does not name but the key memo is tagged
 * by (a key of a part not interned is joined and looked up anew each
 * time: 575 amounts on the news slice) */
#define INTERNS_P4 (NAMES_P4 | 1u << CLAIMS_KIND_MONEY)

const char *claims__claim_key(claims_story *s, claims_claim *cl, const char *p2, const char *p3,
                              const char *p4)
{
    /* a draft is written in place; a shared frame is copied, changed and
       shared again */
    claims__frame copy, *f = claims__draft(cl);
    bool draft = cl->flags & CLAIMS__CF_DRAFT;
    if (!draft) {
        copy = *cl->frame;
        f = &copy;
    }
    unsigned kind = cl->kind, kbit = kind <= CLAIMS_KIND_PARAPHRASE ? 1u << kind : 0;
    /* each part's length taken once, for the fold, the intern and the
       key; one spelling of the thing, British or American. The first
       part, the kind's name, is asked for when the memo has no key. */
    char folded[CLAIMS__PART_MAX];
    const char *parts[4] = {NULL, p2, p3, p4};
    size_t lens[4];
    uint32_t tags[3];
    claims__sid ids[3];
    if (!key_part(s, &parts[1], kbit, FOLDED_KINDS & kbit ? folded : NULL, &lens[1], &tags[0],
                  &ids[0]) ||
        !key_part(s, &parts[2], NAMES_P3 & kbit, NULL, &lens[2], &tags[1], &ids[1]) ||
        !key_part(s, &parts[3], INTERNS_P4 & kbit, NULL, &lens[3], &tags[2], &ids[2]))
        return NULL;
    switch (kind) {
    case CLAIMS_KIND_COUNT:
    case CLAIMS_KIND_MONEY:
        f->thing = ids[0];
        f->action = ids[1];
        break;
    case CLAIMS_KIND_PERCENT:
        f->thing = ids[0];
        break;
    case CLAIMS_KIND_MEASURE:
        f->quantity = ids[0];
        f->thing = ids[1];
        f->index = ids[2];
        break;
    case CLAIMS_KIND_YEAR:
    case CLAIMS_KIND_DATE:
        f->what = ids[0];
        break;
    case CLAIMS_KIND_QUOTE:
    case CLAIMS_KIND_PARAPHRASE:
        f->speaker = ids[0];
        break;
    }
    /* memoized by the kind (the key's first part is its name) and the
       other parts' tags */
    claims__strtab *t = &s->strs;
    claims__keymemo *e = tags[0] != TAG_NONE && tags[1] != TAG_NONE && tags[2] != TAG_NONE
                             ? memo_entry(s, t, kind, tags)
                             : NULL;
    claims__sid key;
    if (e && memo_hit(e, kind, tags)) {
        key = e->key;
    } else {
        parts[0] = claims_kind_name(cl->kind);
        lens[0] = strlen(parts[0]);
        key = key_join(s, parts, lens);
        if (e && key)
            *e = (claims__keymemo){{tags[0], tags[1], tags[2]}, kind, key};
    }
    if (!key)
        return NULL;
    f->key = claims__str(s, key);
    /* a draft is done: written in place */
    return draft || claims__frame_put(s, cl, f) ? f->key : NULL;
}

char *claims__story_strndup(claims_story *s, const char *p, size_t n)
{
    return claims__arena_strndup(&s->arena, p, n);
}

claims_finding *claims__finding_add(claims_story *s, claims_finding_type type,
                                    const char *key, double confidence,
                                    const uint32_t *claims, size_t nclaims)
{
    if (!claims__grow(&s->alloc, (void **)&s->findings, &s->cap_findings, s->nfindings + 1,
                      sizeof *s->findings))
        return NULL;
    uint32_t *ids = claims__arena_alloc_raw(&s->arena, (nclaims ? nclaims : 1) * sizeof *ids);
    if (!ids)
        return NULL;
    if (nclaims)
        memcpy(ids, claims, nclaims * sizeof *ids);
    else
        ids[0] = 0;
    claims_finding *f = &s->findings[s->nfindings++];
    memset(f, 0, sizeof *f);
    f->type = type;
    f->key = key;
    f->confidence = confidence;
    f->claims = ids;
    f->nclaims = nclaims;
    f->summary = "";
    return f;
}

