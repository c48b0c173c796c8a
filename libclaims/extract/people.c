/* people.c - speakers resolved across the story.
 *
 * quotes.c leaves each quote and paraphrase with a speaker that is a
 * person (canonical within its article), a description ("the source"), or
 * nobody. Here, over the whole story:
 *  1. persons merge: the same first and last name is one person (the
 *     longest form wins); a name ending in another full name is that
 *     person under a role ("Ombudsman Jane Roe"); a bare surname joins the
 *     story's single full name ending in it, and stays as it is when two
 *     full names share it ("Smith" beside "John Smith" and "Mary Smith");
 *  2. a described or unknown speaker becomes a person when the same words
 *     (>= 80% of the shorter quote) are attributed to that person
 *     elsewhere. Candidates come from an index of word 4-gram hashes, so
 *     the work grows with the number of quotes, not its square.
 * Then the claims' speaker and key are rewritten. */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

/* Names longer than this many words are not searched for a shorter
 * known name inside them (step 1b). */
enum { SUFFIX_MAX_WORDS = 8 };

typedef struct person {
    const char *fold;    /* "jan novak" */
    const char *display; /* "Jan Novak" */
    size_t nwords;
    size_t first_len;    /* bytes of the first word in fold */
    const char *last;    /* last word in fold */
    size_t canon;        /* index of its canonical person */
} person;

static int cmp_fold(const void *x, const void *y)
{
    return strcmp(((const person *)x)->fold, ((const person *)y)->fold);
}

/* Order by last word, then first word, then the fold itself. */
static int cmp_last(const void *x, const void *y)
{
    const person *a = *(const person *const *)x, *b = *(const person *const *)y;
    int r = strcmp(a->last, b->last);
    if (r)
        return r;
    size_t n = a->first_len < b->first_len ? a->first_len : b->first_len;
    r = memcmp(a->fold, b->fold, n);
    if (r)
        return r;
    if (a->first_len != b->first_len)
        return a->first_len < b->first_len ? -1 : 1;
    return strcmp(a->fold, b->fold);
}

static const char *key_part(const claims_claim *c)
{
    return c->frame.speaker;
}

static bool is_speech(const claims_claim *c)
{
    return c->kind == CLAIMS_KIND_QUOTE || c->kind == CLAIMS_KIND_PARAPHRASE;
}

/* True when p is a better canonical form than q: more words, longer,
 * then alphabetical (deterministic). */
static bool better(const person *p, const person *q)
{
    if (p->nwords != q->nwords)
        return p->nwords > q->nwords;
    size_t lp = strlen(p->display), lq = strlen(q->display);
    if (lp != lq)
        return lp > lq;
    return strcmp(p->fold, q->fold) < 0;
}

static bool same_first_last(const person *a, const person *b)
{
    return a->first_len == b->first_len && memcmp(a->fold, b->fold, a->first_len) == 0 &&
           strcmp(a->last, b->last) == 0;
}

static person *find_person(person *ps, size_t n, const char *fold)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(ps[mid].fold, fold);
        if (r == 0)
            return &ps[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static claims_status set_speaker(claims_story *s, claims_claim *c, const char *display,
                                 const char *fold)
{
    if (!claims__claim_key(s, c, c->kind == CLAIMS_KIND_QUOTE ? "quote" : "paraphrase", fold,
                           NULL, NULL))
        return CLAIMS_ERR_NOMEM;
    c->speaker = display;
    c->flags = (c->flags & ~(uint32_t)CLAIMS__CF_SPK_NOMINAL) | CLAIMS__CF_SPK_PERSON;
    return CLAIMS_OK;
}

static claims_status merge_persons(claims_story *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nclaims; i++)
        if (is_speech(s->claims[i]) && (s->claims[i]->flags & CLAIMS__CF_SPK_PERSON) &&
            key_part(s->claims[i]) && s->claims[i]->speaker)
            n++;
    if (!n)
        return CLAIMS_OK;
    person *ps = claims__malloc(&s->alloc, n * sizeof *ps);
    person **by_last = claims__malloc(&s->alloc, n * sizeof *by_last);
    if (!ps || !by_last) {
        claims__free(&s->alloc, ps);
        claims__free(&s->alloc, by_last);
        return CLAIMS_ERR_NOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < s->nclaims; i++) {
        claims_claim *c = s->claims[i];
        if (!is_speech(c) || !(c->flags & CLAIMS__CF_SPK_PERSON) || !key_part(c) || !c->speaker)
            continue;
        person *p = &ps[m++];
        p->fold = key_part(c);
        p->display = c->speaker;
        p->nwords = 1;
        p->first_len = strlen(p->fold);
        p->last = p->fold;
        const char *sp = strchr(p->fold, ' ');
        if (sp)
            p->first_len = (size_t)(sp - p->fold);
        for (const char *q = p->fold; *q; q++)
            if (*q == ' ') {
                p->nwords++;
                p->last = q + 1;
            }
    }
    qsort(ps, m, sizeof *ps, cmp_fold);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || strcmp(ps[u - 1].fold, ps[i].fold) != 0)
            ps[u++] = ps[i];
        else if (strcmp(ps[i].display, ps[u - 1].display) < 0)
            ps[u - 1].display = ps[i].display; /* deterministic pick */
    for (size_t i = 0; i < u; i++) {
        ps[i].canon = i;
        by_last[i] = &ps[i];
    }
    qsort(by_last, u, sizeof *by_last, cmp_last);
    /* 1. Same first and last word: one person, the fullest form. Runs of
     * by_last share last and first words. */
    for (size_t i = 0; i < u;) {
        size_t j = i + 1;
        while (j < u && same_first_last(by_last[i], by_last[j]))
            j++;
        size_t best = (size_t)(by_last[i] - ps);
        for (size_t k = i + 1; k < j; k++)
            if (better(by_last[k], &ps[best]))
                best = (size_t)(by_last[k] - ps);
        for (size_t k = i; k < j; k++)
            by_last[k]->canon = best;
        i = j;
    }
    /* 1b. A name that ends in another known full name is that person
     * under a title the lexicon does not know ("Ombudsman Jane Roe",
     * "Jane Roe"): the shorter name wins, words before it are a role.
     * quotes.c caps names at a few words; longer ones are not looked
     * into here either, so this stays linear in the names whatever
     * made them. */
    for (size_t i = 0; i < u; i++) {
        person *p = &ps[i];
        if (p->nwords < 3 || p->nwords > SUFFIX_MAX_WORDS)
            continue;
        const char *w = p->fold;
        for (size_t k = 1; k + 1 < p->nwords; k++) {
            w = strchr(w, ' ') + 1;
            person *q = find_person(ps, u, w);
            if (q) {
                p->canon = ps[q->canon].canon;
                break;
            }
        }
    }
    /* 2. A bare surname joins the single full name ending in it. */
    for (size_t i = 0; i < u; i++) {
        person *p = by_last[i];
        if (p->nwords != 1)
            continue;
        size_t lo = 0, hi = u; /* first index whose last word >= p->last */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(by_last[mid]->last, p->last) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t target = (size_t)-1;
        bool ambiguous = false;
        for (size_t k = lo; k < u && strcmp(by_last[k]->last, p->last) == 0; k++) {
            if (by_last[k]->nwords < 2)
                continue;
            size_t cn = by_last[k]->canon;
            if (target == (size_t)-1)
                target = cn;
            else if (target != cn)
                ambiguous = true;
        }
        if (target != (size_t)-1 && !ambiguous)
            p->canon = target;
    }
    claims_status st = CLAIMS_OK;
    for (size_t i = 0; i < s->nclaims && st == CLAIMS_OK; i++) {
        claims_claim *c = s->claims[i];
        if (!is_speech(c) || !(c->flags & CLAIMS__CF_SPK_PERSON) || !key_part(c) ||
            !c->speaker || (c->flags & CLAIMS__CF_SPK_AMBIGUOUS))
            continue;
        person *p = find_person(ps, u, key_part(c));
        if (p && p->canon != (size_t)(p - ps))
            st = set_speaker(s, c, ps[p->canon].display, ps[p->canon].fold);
    }
    claims__free(&s->alloc, ps);
    claims__free(&s->alloc, by_last);
    return st;
}

/* ------------------------------------------- same words, named speaker */

typedef struct gram {
    uint32_t hash;
    uint32_t claim;
} gram;

static int cmp_gram(const void *x, const void *y)
{
    const gram *a = x, *b = y;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->claim < b->claim ? -1 : a->claim > b->claim;
}

enum { GRAM = 4, MIN_WORDS = 5, PROBES = 8, MAX_BUCKET = 32, MAX_CANDIDATES = 64 };

/* Word start offsets of a normalized string; returns the count. */
static size_t word_starts(const char *s, uint32_t *w, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) {
            if (w && n < max)
                w[n] = (uint32_t)i;
            n++;
        }
    return n;
}

/* Hash of GRAM words starting at word k. */
static uint32_t gram_hash(const char *s, const uint32_t *w, size_t nw, size_t k)
{
    size_t b = w[k];
    size_t e = k + GRAM < nw ? w[k + GRAM] - 1 : strlen(s);
    return claims__hash(CLAIMS__HASH_INIT, s + b, e - b);
}

static bool resolvable(const claims_claim *c)
{
    return is_speech(c) && !(c->flags & CLAIMS__CF_SPK_PERSON) && c->str_value;
}

static claims_status resolve_by_words(claims_story *s)
{
    size_t ng = 0, nt = 0, maxw = 0;
    for (size_t i = 0; i < s->nclaims; i++) {
        claims_claim *c = s->claims[i];
        if (!is_speech(c) || !c->str_value)
            continue;
        size_t nw = word_starts(c->str_value, NULL, 0);
        if (nw > maxw)
            maxw = nw;
        if ((c->flags & CLAIMS__CF_SPK_PERSON) && nw >= GRAM)
            ng += nw - GRAM + 1;
        else if (resolvable(c) && nw >= MIN_WORDS)
            nt++;
    }
    if (!ng || !nt)
        return CLAIMS_OK;
    gram *g = claims__malloc(&s->alloc, ng * sizeof *g);
    uint32_t *w = claims__malloc(&s->alloc, (maxw + 1) * sizeof *w);
    if (!g || !w) {
        claims__free(&s->alloc, g);
        claims__free(&s->alloc, w);
        return CLAIMS_ERR_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->nclaims; i++) {
        claims_claim *c = s->claims[i];
        if (!is_speech(c) || !c->str_value || !(c->flags & CLAIMS__CF_SPK_PERSON))
            continue;
        size_t nw = word_starts(c->str_value, w, maxw);
        for (size_t j = 0; j + GRAM <= nw; j++) {
            g[k].hash = gram_hash(c->str_value, w, nw, j);
            g[k].claim = (uint32_t)i;
            k++;
        }
    }
    qsort(g, k, sizeof *g, cmp_gram);
    claims_status st = CLAIMS_OK;
    for (size_t i = 0; i < s->nclaims && st == CLAIMS_OK; i++) {
        claims_claim *c = s->claims[i];
        if (!resolvable(c))
            continue;
        size_t nw = word_starts(c->str_value, w, maxw);
        if (nw < MIN_WORDS)
            continue;
        uint32_t cand[MAX_CANDIDATES];
        size_t nc = 0;
        size_t ngrams = nw - GRAM + 1;
        size_t probes = ngrams < PROBES ? ngrams : PROBES;
        for (size_t p = 0; p < probes; p++) {
            size_t at = probes > 1 ? p * (ngrams - 1) / (probes - 1) : 0;
            uint32_t h = gram_hash(c->str_value, w, nw, at);
            size_t lo = 0, hi = k;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (g[mid].hash < h)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t q = lo, taken = 0; q < k && g[q].hash == h && taken < MAX_BUCKET;
                 q++, taken++) {
                bool seen = false;
                for (size_t r = 0; r < nc && !seen; r++)
                    seen = cand[r] == g[q].claim;
                if (!seen && nc < MAX_CANDIDATES && g[q].claim != i)
                    cand[nc++] = g[q].claim;
            }
        }
        double best = 0;
        const claims_claim *who = NULL;
        for (size_t r = 0; r < nc; r++) {
            const claims_claim *o = s->claims[cand[r]];
            double ov = claims__quote_overlap(s, c->str_value, o->str_value);
            if (ov >= 0.8 && ov > best) {
                who = o;
                best = ov;
            }
        }
        if (who && key_part(who))
            st = set_speaker(s, c, who->speaker, key_part(who));
    }
    claims__free(&s->alloc, g);
    claims__free(&s->alloc, w);
    return st;
}

claims_status claims__resolve_story(claims_story *s)
{
    claims_status st = merge_persons(s);
    if (st == CLAIMS_OK)
        st = resolve_by_words(s);
    return st;
}
