/* store.c - the story's store of claims and findings: where extractors and
 * the comparison put what they find. */
#include "base/base.h"

#include <string.h>

claims_claim *claims__claim_add(claims_story *s, size_t ai, claims_kind kind, size_t start,
                                size_t end)
{
    if (!claims__grow(&s->alloc, (void **)&s->claims, &s->cap_claims, s->nclaims + 1,
                      sizeof *s->claims))
        return NULL;
    claims_claim *c = claims__arena_alloc(&s->arena, sizeof *c);
    if (!c || !claims__frame_draft(s, c))
        return NULL;
    const claims__article *art = &s->articles[ai];
    c->story = s;
    c->article = (uint32_t)ai;
    c->kind = (uint8_t)kind;
    c->start = (uint32_t)start;
    c->end = (uint32_t)end;
    if (art->nsents) {
        const claims__sentence *sn = &art->sents[claims__sentence_at(art, start)];
        c->sent_start = sn->start < start ? sn->start : (uint32_t)start;
        c->sent_end = sn->end > end ? sn->end : (uint32_t)end;
        if (sn->flags & CLAIMS__SF_TITLE)
            c->flags |= CLAIMS__CF_TITLE;
    } else {
        c->sent_start = (uint32_t)start;
        c->sent_end = (uint32_t)end;
    }
    s->claims[s->nclaims++] = c;
    return c;
}

claims__sid claims__key(claims_story *s, const char *p1, const char *p2, const char *p3,
                        const char *p4)
{
    const char *parts[4] = {p1, p2, p3, p4};
    size_t lens[4] = {0, 0, 0, 0};
    size_t n = 0;
    for (int i = 0; i < 4; i++)
        if (parts[i])
            n += (lens[i] = strlen(parts[i])) + 1;
    /* most keys are short: joined on the stack, then looked up */
    char small[256];
    char *k = n <= sizeof small ? small : claims__malloc(&s->alloc, n);
    if (!k)
        return 0;
    size_t at = 0;
    for (int i = 0; i < 4; i++) {
        if (!parts[i])
            continue;
        if (at)
            k[at++] = '/';
        memcpy(k + at, parts[i], lens[i]);
        at += lens[i];
    }
    claims__sid id = claims__intern(s, k, at);
    if (k != small)
        claims__free(&s->alloc, k);
    return id;
}

/* The longest key part folded for spelling; longer parts are kept as
 * they are. */
enum { CLAIMS__PART_MAX = 64 };

static bool part(claims_story *s, const char *p, claims__sid *out)
{
    *out = 0;
    if (!p || (p[0] == '-' && !p[1]) || (p[0] == '?' && !p[1]))
        return true;
    *out = claims__intern(s, p, strlen(p));
    return *out != 0;
}

const char *claims__claim_key(claims_story *s, claims_claim *cl, const char *p1,
                              const char *p2, const char *p3, const char *p4)
{
    claims__frame f = *cl->frame;
    /* one spelling of the thing, British or American */
    char folded[CLAIMS__PART_MAX];
    if (p2 && cl->kind != CLAIMS_KIND_QUOTE && cl->kind != CLAIMS_KIND_PARAPHRASE &&
        cl->kind != CLAIMS_KIND_MEASURE && cl->kind != CLAIMS_KIND_YEAR &&
        cl->kind != CLAIMS_KIND_DATE && claims__spelling_fold(p2, strlen(p2), folded, sizeof folded))
        p2 = folded;
    bool ok = true;
    switch (cl->kind) {
    case CLAIMS_KIND_COUNT:
    case CLAIMS_KIND_MONEY:
        ok = part(s, p2, &f.thing) && part(s, p3, &f.action);
        break;
    case CLAIMS_KIND_PERCENT:
        ok = part(s, p2, &f.thing);
        break;
    case CLAIMS_KIND_MEASURE:
        ok = part(s, p2, &f.quantity) && part(s, p3, &f.thing) && part(s, p4, &f.index);
        break;
    case CLAIMS_KIND_YEAR:
    case CLAIMS_KIND_DATE:
        ok = part(s, p2, &f.what);
        break;
    case CLAIMS_KIND_QUOTE:
    case CLAIMS_KIND_PARAPHRASE:
        ok = part(s, p2, &f.speaker);
        break;
    }
    claims__sid key = ok ? claims__key(s, p1, p2, p3, p4) : 0;
    f.key = claims__str(s, key);
    return key && claims__frame_put(s, cl, &f) ? f.key : NULL;
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
    uint32_t *ids = claims__arena_alloc(&s->arena, (nclaims ? nclaims : 1) * sizeof *ids);
    if (!ids)
        return NULL;
    if (nclaims)
        memcpy(ids, claims, nclaims * sizeof *ids);
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

