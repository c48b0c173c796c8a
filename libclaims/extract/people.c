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
 *     elsewhere. Candidates come from an index of word 4-gram hashes (of
 *     the grams some such quote probes for), so the work grows with the
 *     number of quotes, not its square; a copy of a quote (the same
 *     bytes) takes the first one's grams and speaker.
 * Then the claims' speaker and key are rewritten.
 *  3. an age held by a bare surname ("Roe, 34") joins the single full name
 *     ending in it that holds an age or speaks anywhere in the story
 *     ("Jane Roe, 34"), so that two outlets' ages of one person meet. */
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
    claims__sid sid;     /* fold's id in the story's strings */
    /* the first eight bytes of fold and of last, the first the highest
     * (0 past the NUL): compared as numbers they order as strcmp does
     * unless equal, which settles most compares of the sorts */
    uint64_t fold_key, last_key;
} person;

/* The persons by name: an open-addressing table of mask + 1 slots, each 0
 * (empty) or 1 + the index of a person, keyed by the id of its folded
 * name (equal ids are equal strings: no string compare). */
typedef struct person_table {
    uint32_t *slots;
    size_t mask;
} person_table;

/* The slot of the person named by fold id sid among ps, or the empty slot
 * where it goes. */
static uint32_t *person_slot(const person_table *t, const person *ps, claims__sid sid)
{
    size_t i = (sid * 2654435761u) & t->mask;
    while (t->slots[i] && ps[t->slots[i] - 1].sid != sid)
        i = (i + 1) & t->mask;
    return &t->slots[i];
}

/* The first eight bytes of s as a number, the first the highest, 0 past
 * its NUL: numbers ordered as strcmp orders their strings, ties aside. */
static uint64_t prefix_key(const char *s)
{
    uint64_t k = 0;
    for (unsigned i = 0; i < 8 && s[i]; i++)
        k |= (uint64_t)(unsigned char)s[i] << (56 - 8 * i);
    return k;
}

/* Order by last word, then first word, then the fold itself. */
static int cmp_last(const person *a, const person *b)
{
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
    return claims__cstr(c, c->frame->speaker);
}

/* Whether a comes before b: by fold, or (by_last) by cmp_last. */
static inline bool person_less(const person *a, const person *b, bool by_last)
{
    if (by_last)
        return a->last_key != b->last_key ? a->last_key < b->last_key : cmp_last(a, b) < 0;
    return a->fold_key != b->fold_key ? a->fold_key < b->fold_key : strcmp(a->fold, b->fold) < 0;
}

/* Sorts v[0..n) by person_less with tmp[0..n) as scratch: runs of
 * eight by insertion, then merged in rounds. The compare inlines (qsort
 * calls it through a pointer) and mostly stops at the keys; the orders
 * are total, so any sort gives the same array. */
static void sort_persons(person **v, person **tmp, size_t n, bool by_last)
{
    enum { RUN = 8 };
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = n - lo < RUN ? n : lo + RUN;
        for (size_t i = lo + 1; i < hi; i++) {
            person *x = v[i];
            size_t j = i;
            for (; j > lo && person_less(x, v[j - 1], by_last); j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
    }
    person **src = v, **dst = tmp;
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = n - lo < w ? n : lo + w;
            size_t hi = n - mid < w ? n : mid + w;
            size_t i = lo, j = mid, k = lo;
            /* the side taken moves on by the answer, no branch on it
             * (the two runs interleave in no order) */
            while (i < mid && j < hi) {
                size_t right = person_less(src[j], src[i], by_last);
                dst[k++] = right ? src[j] : src[i];
                j += right;
                i += 1 - right;
            }
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        person **x = src;
        src = dst;
        dst = x;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

/* The story's speech claims and its age claims (is_age), by index in
 * claim order, read off one pass over the claims: each step below looks
 * at these alone, not at every claim again (most claims are figures). A
 * step reads their fields when it runs: an earlier step may have changed
 * them. */
/* The ids of "age" and of the last other quantity is_age met: an id is
 * one string, so a quantity is read once, not once a claim. */
typedef struct age_ids {
    claims__sid age, other;
} age_ids;

typedef struct claim_lists {
    size_t *speech, nspeech;
    size_t *ages, nages;
    /* the speech claims of a named speaker (CLAIMS__CF_SPK_PERSON and a
     * folded name), and how many of them have a display name: what
     * merge_persons reads (no step before it changes them) */
    size_t *named, nnamed, nshown;
    /* the quotes resolve_by_words reads: those of a named speaker
     * (quoted) and those it may give one (open); merge_persons changes
     * neither list */
    size_t *quoted, nquoted;
    size_t *open, nopen;
    size_t npersons; /* a bound on the distinct folded names of named
                        speakers (merge_persons): a speaker merged or
                        resolved later takes one of them */
    age_ids age;
} claim_lists;

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
    if (!claims__claim_key(s, c, fold, NULL, NULL))
        return CLAIMS_ERR_NOMEM;
    bool oom = false;
    c->speaker = claims__intern_str(s, display, &oom);
    if (oom)
        return CLAIMS_ERR_NOMEM;
    c->flags = (c->flags & ~(uint32_t)CLAIMS__CF_SPK_NOMINAL) | CLAIMS__CF_SPK_PERSON;
    return CLAIMS_OK;
}

/* A person of each folded name of a named speaker claim (the
 * alphabetically first display form of the name, deterministic), with
 * its word count, first word's length and last word, gathered in ps and
 * copied to `sorted` by folded name (ptr and tmp: n pointers of
 * scratch). Returns how many. */
static size_t gather_persons(const claims_story *s, const claim_lists *l, person *ps,
                             person *sorted, person **ptr, person **tmp, person_table *t,
                             uint32_t *of)
{
    size_t m = 0;
    for (size_t k = 0; k < l->nnamed; k++) {
        const claims_claim *c = s->claims[l->named[k]];
        of[k] = 0;
        if (!c->speaker)
            continue;
        /* a speaker quoted again: one person, however many claims */
        uint32_t *slot = person_slot(t, ps, c->frame->speaker);
        const char *display = claims__cstr(c, c->speaker);
        if (*slot) {
            of[k] = *slot;
            person *p = &ps[*slot - 1];
            if (display != p->display && strcmp(display, p->display) < 0)
                p->display = display;
            continue;
        }
        of[k] = (uint32_t)m + 1;
        *slot = (uint32_t)m + 1;
        person *p = &ps[m++];
        p->sid = c->frame->speaker;
        p->fold = key_part(c);
        p->display = display;
        p->nwords = 1;
        p->last = p->fold;
        /* its words, first word and last in one pass (a name is a few
           bytes: no strlen and strchr calls, each a pass of its own) */
        size_t n = 0, first = SIZE_MAX;
        for (; p->fold[n]; n++)
            if (p->fold[n] == ' ') {
                if (first == SIZE_MAX)
                    first = n;
                p->nwords++;
                p->last = p->fold + n + 1;
            }
        p->first_len = first == SIZE_MAX ? n : first;
        p->fold_key = prefix_key(p->fold);
        p->last_key = prefix_key(p->last);
    }
    for (size_t k = 0; k < m; k++)
        ptr[k] = &ps[k];
    sort_persons(ptr, tmp, m, false);
    /* a gathered person's canon: where it is in `sorted` */
    for (size_t k = 0; k < m; k++) {
        sorted[k] = *ptr[k];
        ptr[k]->canon = k;
    }
    return m;
}

/* 1. Same first and last word: one person, the fullest form. Runs of
 * by_last share last and first words. */
static void join_same_first_last(person *ps, person **by_last, size_t u)
{
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
}

/* 1b. A name that ends in another known full name is that person under a
 * title the lexicon does not know ("Ombudsman Jane Roe", "Jane Roe"): the
 * shorter name wins, words before it are a role. quotes.c caps names at a
 * few words; longer ones are not looked into here either, so this stays
 * linear in the names whatever made them. */
static void join_titled(person *ps, size_t u)
{
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
}

/* 2. A bare surname joins the single full name ending in it. */
static void join_bare_surnames(person **by_last, size_t u)
{
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
}

static claims_status merge_persons(claims_story *s, claim_lists *l)
{
    size_t n = l->nshown;
    l->npersons = l->nnamed - n; /* named speakers with no display name */
    if (!n)
        return CLAIMS_OK;
    /* the persons as gathered, then by fold (ps), and pointers: by_last
     * and the sorts' scratch */
    person *ps =
        n <= SIZE_MAX / (2 * sizeof *ps) ? claims__malloc(&s->alloc, 2 * n * sizeof *ps) : NULL;
    person **by_last = claims__malloc(&s->alloc, 2 * n * sizeof *by_last);
    /* each named speech claim's gathered person, 1 + its index (0: no
     * display name): the last pass looks no name up again */
    uint32_t *of = claims__malloc(&s->alloc, l->nnamed * sizeof *of);
    person_table t = {NULL, 15};
    while (t.mask < 2 * n)
        t.mask = 2 * t.mask + 1;
    if (n < UINT32_MAX / 4)
        t.slots = claims__malloc(&s->alloc, (t.mask + 1) * sizeof *t.slots);
    if (!ps || !by_last || !of || !t.slots) {
        claims__free(&s->alloc, ps);
        claims__free(&s->alloc, by_last);
        claims__free(&s->alloc, of);
        claims__free(&s->alloc, t.slots);
        return CLAIMS_ERR_NOMEM;
    }
    memset(t.slots, 0, (t.mask + 1) * sizeof *t.slots);
    const person *gathered = ps + n;
    size_t u = gather_persons(s, l, ps + n, ps, by_last, by_last + n, &t, of);
    l->npersons += u;
    for (size_t i = 0; i < u; i++) {
        ps[i].canon = i;
        by_last[i] = &ps[i];
    }
    sort_persons(by_last, by_last + n, u, true);
    join_same_first_last(ps, by_last, u);
    join_titled(ps, u);
    join_bare_surnames(by_last, u);
    claims_status st = CLAIMS_OK;
    for (size_t k = 0; k < l->nnamed && st == CLAIMS_OK; k++) {
        if (!of[k])
            continue;
        const person *p = &ps[gathered[of[k] - 1].canon];
        if (p->canon == (size_t)(p - ps))
            continue;
        claims_claim *c = s->claims[l->named[k]];
        if (!(c->flags & CLAIMS__CF_SPK_AMBIGUOUS))
            st = set_speaker(s, c, ps[p->canon].display, ps[p->canon].fold);
    }
    claims__free(&s->alloc, ps);
    claims__free(&s->alloc, by_last);
    claims__free(&s->alloc, of);
    claims__free(&s->alloc, t.slots);
    return st;
}

/* ------------------------------------------- same words, named speaker */

/* The word grams of the quotes with a named speaker that some quote to
 * resolve probes for (the others no lookup would see), chained by hash
 * bucket in text order (the order of claims, then of grams in a quote),
 * so that a lookup sees the grams of one hash as a sorted index would
 * list them. (A sorted index cost a radix sort and a binary search a
 * probe.) */
typedef struct gram {
    uint32_t hash;
    uint32_t claim;
    uint32_t next; /* 1 + the next gram of its bucket, 0 at the end */
} gram;

typedef struct gram_index {
    gram *g;
    uint32_t *head; /* 1 + a bucket's first gram, 0 when none */
    size_t mask;    /* buckets - 1, a power of 2 */
} gram_index;

enum { GRAM = 4, MIN_WORDS = 5, PROBES = 8, MAX_BUCKET = 32, MAX_CANDIDATES = 64 };

/* A gram's hash is of a polynomial in K of its GRAM words' hashes (each
 * word_hashes's), first to last: the polynomial of every gram of every
 * named quote is taken (and hashed when the probe filter passes it), and
 * a word is in GRAM of them, so a word's bytes are read once, not once a
 * gram, and the polynomial of the next gram is this one's, rolled on a
 * word (gram_roll), two multiplies. Only equal grams must
 * hash equal within one run: the chains keep text order whatever the
 * values, so a lookup sees the same grams as with any other hash. */
#define GRAM_K ((uint64_t)0x9e3779b97f4a7c15u)
/* K to the GRAM - 1: the weight of a gram's first word. */
#define GRAM_K3 (GRAM_K * GRAM_K * GRAM_K)

/* The polynomial of GRAM words starting at word k (of their hashes h). */
static inline uint64_t gram_poly(const uint32_t *h, size_t k)
{
    _Static_assert(GRAM == 4, "gram_poly and GRAM_K3 take GRAM words");
    return ((h[k] * GRAM_K + h[k + 1]) * GRAM_K + h[k + 2]) * GRAM_K + h[k + 3];
}

/* The polynomial of the gram at word k + 1 from x, the one at word k. */
static inline uint64_t gram_roll(uint64_t x, const uint32_t *h, size_t k)
{
    return (x - h[k] * GRAM_K3) * GRAM_K + h[k + GRAM];
}

/* The hash of a gram of polynomial x. */
static inline uint32_t gram_mix(uint64_t x)
{
    x ^= x >> 32;
    return (uint32_t)((x * 0xc4ceb9fe1a85ec53u) >> 32);
}

/* A word of the quote being resolved in the table best_overlap counts
 * its words by: how often its hash stands in the quote, and how many of
 * them a candidate's words took. The slot is in use when `quote` is the
 * table's number of the quote (ws->wc_quote), and `used` counts when
 * `cand` is its number of the candidate: no table is zeroed but a new
 * one. */
typedef struct word_count {
    uint32_t hash, count, used;
    uint32_t quote, cand;
} word_count;

/* Word scratch for resolve_by_words: a pair aligner for the overlap of
 * two quotes, whose first side holds the words of the quote being
 * resolved, split again each time they are needed (a story of long
 * quotes has millions of words; holding them all would cost 16 bytes a
 * word); one quote at a time, its bytes padded with spaces; the hashes
 * of the words of each distinct quote (word_hashes), 4 bytes a word, at
 * its entry's hfirst (a candidate's words are counted against the
 * resolved quote's before they are aligned); and the table of the
 * resolved quote's words. */
typedef struct wscratch {
    claims__wordpair pair;
    unsigned char *pad;
    size_t padcap;
    uint32_t *h;
    size_t nh, hcap;
    word_count *wc;
    size_t wc_mask, wccap;
    uint32_t wc_quote, wc_cand;
} wscratch;

/* Bytes p[0..8) as one number, byte k in bits 8k..8k+7 whatever the
 * machine (a compiler makes this one load). */
static inline uint64_t load8(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

/* Copies quote str of n bytes into ws->pad followed by eight spaces, so
 * that every step of eight bytes over it may read eight, and makes room
 * in ws->h after its ws->nh hashes for the quote's words' hashes. False
 * on OOM, or when the hashes would be more than 32-bit offsets count. */
static bool pad_quote(claims_story *s, wscratch *ws, const char *str, size_t n)
{
    if (n > SIZE_MAX - 8 || (n + 1) / 2 > UINT32_MAX - ws->nh ||
        !claims__grow(&s->alloc, (void **)&ws->pad, &ws->padcap, n + 8, 1) ||
        !claims__grow(&s->alloc, (void **)&ws->h, &ws->hcap, ws->nh + (n + 1) / 2, sizeof *ws->h))
        return false;
    memcpy(ws->pad, str, n);
    memset(ws->pad + n, ' ', 8);
    return true;
}

/* Hash of quote str of len bytes: of its length and its first and last
 * 16 bytes (all of it when shorter), read in place, to find a quote of
 * the same bytes for less than its words cost (seen_slot compares the
 * bytes; a copy is neither padded nor split). */
static uint32_t quote_hash(const char *str, size_t len)
{
    const unsigned char *p = (const unsigned char *)str;
    const uint64_t k = 0x9e3779b97f4a7c15u;
    uint64_t x = len;
    if (len >= 16) {
        x = (x ^ load8(p)) * k;
        x = (x ^ load8(p + 8)) * k;
        x = (x ^ load8(p + len - 16)) * k;
        x = (x ^ load8(p + len - 8)) * k;
    } else if (len >= 8) {
        x = (x ^ load8(p)) * k;
        x = (x ^ load8(p + len - 8)) * k;
    } else {
        uint64_t v = 0;
        for (size_t i = 0; i < len; i++)
            v |= (uint64_t)p[i] << (8 * i);
        x = (x ^ v) * k;
    }
    return (uint32_t)(x >> 32);
}

/* The bits before the first space that space (the borrow test's flags,
 * the lowest a true space at bit tz = 8 * its byte + 7) marks in v, at
 * the top of the word: a shift, where masking them took three steps. At
 * least one byte (the shift stays below 64). */
static inline uint64_t before_space(uint64_t v, unsigned tz)
{
    return v << (71 - tz);
}

/* The hashes of the words of the padded quote of len bytes into ws->h
 * from ws->nh on; returns their number. The grams need a hash of each
 * word, not claims__hash (the aligner's, a multiply a byte): a word is
 * read eight bytes a step; its end is its first space, found in the
 * eight (the lowest byte the borrow test flags is a true space), its
 * bytes before the space shifted to the top, each eight multiplied into
 * the hash, whose high half is kept: a word's hash is of its bytes
 * alone, wherever it stands. Most words end in their first eight bytes:
 * that path is straight. */
static size_t word_hashes(wscratch *ws, size_t len)
{
    const unsigned char *p = ws->pad, *end = ws->pad + len;
    uint32_t *out = ws->h + ws->nh, *first = out;
    const uint64_t ones = 0x0101010101010101u, k = 0x9e3779b97f4a7c15u;
    while (p < end) {
        uint64_t v = load8(p);
        if ((v & 0xFF) == ' ') {
            p++;
            continue;
        }
        uint64_t x = v ^ 0x20 * ones; /* 0 where a space is */
        uint64_t space = (x - ones) & ~x & 0x80 * ones;
        uint64_t h;
        if (space) {
            unsigned tz = (unsigned)__builtin_ctzll(space);
            h = before_space(v, tz) * k;
            p += tz / 8 + 1;
        } else {
            h = 0;
            do {
                h = (h ^ v) * k;
                p += 8;
                v = load8(p);
                x = v ^ 0x20 * ones;
                space = (x - ones) & ~x & 0x80 * ones;
            } while (!space);
            /* no byte before the space when a word of 8k bytes ends at
             * a step's start (tz 7): then nothing is taken in but the
             * step. Shifted in two steps, by 1 and 70 - tz, it is
             * before_space for tz 15 and above and 0 for 7 (v's bit 0,
             * moved left by 64 in all): no branch (word lengths come in
             * no order). */
            unsigned tz = (unsigned)__builtin_ctzll(space);
            h = (h ^ ((v << 1) << (70 - tz))) * k;
            p += tz / 8 + 1;
        }
        *out++ = (uint32_t)(h >> 32);
    }
    return (size_t)(out - first);
}

/* A quote seen already, by the hash of its bytes (quote_hash): wire
 * copies repeat quotes, and a copy's grams are the first's (index_grams)
 * and so is the speaker its words find (resolve_with_index: candidates
 * and overlaps are read off the words and the index alone). An entry of
 * a quote_memo. */
typedef struct seen_quote {
    uint32_t hash;
    uint32_t claim; /* 1 + the index of the first */
    union {
        /* index_grams: its grams that are probed, ix->g[first..first +
         * n); a quote to resolve: its probes' polynomials,
         * pp[first..first + n), until it is resolved (its first copy, before the others) */
        uint32_t first;
        /* resolved: 1 + the index of the quote whose speaker it takes, 0
         * for none */
        uint32_t who;
    };
    uint32_t n;
    uint32_t hfirst, hn; /* its words' hashes, ws->h[hfirst..hfirst + hn) */
    uint32_t len;        /* its bytes, up to UINT32_MAX */
    const char *str;     /* the first's words (a copy compares them) */
} seen_quote;

/* The distinct quotes of a list in order of first sight, q[0..nq), found
 * by the hash of their bytes through an open-addressing table of mask +
 * 1 slots (memo_slots), each 0 (empty) or 1 + an index of q: only the
 * slots are zeroed, 4 bytes a slot. */
typedef struct quote_memo {
    uint32_t *slot;
    size_t mask;
    seen_quote *q;
    size_t nq;
} quote_memo;

/* The slots of a table of seen quotes for n quotes: a power of 2, at
 * most three quarters full. */
static size_t memo_slots(size_t n)
{
    size_t m = 16;
    while (m < n + n / 3)
        m *= 2;
    return m;
}

/* The slot of the quote str (hash h) in memo: the one of an earlier
 * quote of the same bytes, or the empty one where it goes. */
static uint32_t *seen_slot(const quote_memo *memo, uint32_t h, const char *str, size_t len)
{
    size_t m = h & memo->mask;
    uint32_t len32 = len < UINT32_MAX ? (uint32_t)len : UINT32_MAX;
    for (uint32_t e; (e = memo->slot[m]) != 0; m = (m + 1) & memo->mask) {
        const seen_quote *q = &memo->q[e - 1];
        /* bytes of one length (strcmp looks for the NUL too), compared
         * inline (a quote met again is almost always a copy, compared to
         * its end: musl's memcmp took a byte a step) */
        if (q->hash == h && q->len == len32 &&
            (len32 == UINT32_MAX ? strcmp(q->str, str) == 0 : claims__same_bytes(q->str, str, len)))
            break;
    }
    return &memo->slot[m];
}

/* Finds the entry of the quote of claim i in memo: an earlier copy's
 * (*copy set), or a new one, now the quote's (its hash and claim, and
 * its words' hashes, from word_hashes over the quote padded into ws;
 * `first` and `n` are the caller's to set). NULL on OOM. */
static seen_quote *quote_slot(claims_story *s, wscratch *ws, size_t i, quote_memo *memo, bool *copy)
{
    const char *str = s->claims[i]->str_value;
    size_t len = strlen(str);
    uint32_t qh = quote_hash(str, len);
    uint32_t *slot = seen_slot(memo, qh, str, len);
    *copy = *slot != 0;
    if (*copy)
        return &memo->q[*slot - 1];
    if (!pad_quote(s, ws, str, len))
        return NULL;
    seen_quote *e = &memo->q[memo->nq++];
    *slot = (uint32_t)memo->nq;
    e->hash = qh;
    e->str = str;
    e->len = len < UINT32_MAX ? (uint32_t)len : UINT32_MAX;
    e->claim = (uint32_t)i + 1;
    e->hfirst = (uint32_t)ws->nh;
    e->hn = (uint32_t)word_hashes(ws, len);
    ws->nh += e->hn;
    return e;
}

/* The number of words of normalized string str: of bytes that are no
 * space after a space (or at the start), counted eight at a time. */
static size_t count_words(const char *str)
{
    const unsigned char *p = (const unsigned char *)str;
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    size_t len = strlen(str), n = 0, i = 0;
    uint64_t before = 0x80; /* a space before byte 0 of the eight */
    for (; i + 8 <= len; i += 8) {
        /* byte k of the eight in bits 8k..8k+7, whatever the machine (a
         * compiler makes this one load) */
        const unsigned char *b = p + i;
        uint64_t v = (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 |
                     (uint64_t)b[3] << 24 | (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 |
                     (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
        uint64_t x = v ^ 0x20 * ones; /* 0 where a space is */
        uint64_t space = ~(((x & ~high) + ~high) | x) & high;
        uint64_t starts = ~space & high & (space << 8 | before);
        n += (size_t)(((starts >> 7) * ones) >> 56);
        before = space >> 56;
    }
    for (bool after_space = before != 0; i < len; i++) {
        n += p[i] != ' ' && after_space;
        after_space = p[i] == ' ';
    }
    return n;
}

/* The probes of a quote of nw >= MIN_WORDS words of hashes w: the
 * polynomials of PROBES evenly spread word grams (all when fewer) into
 * pp; returns their number. */
static size_t quote_probes(const uint32_t *w, size_t nw, uint64_t *pp)
{
    size_t ngrams = nw - GRAM + 1;
    size_t probes = ngrams < PROBES ? ngrams : PROBES;
    for (size_t p = 0; p < probes; p++) {
        size_t at = probes > 1 ? p * (ngrams - 1) / (probes - 1) : 0;
        pp[p] = gram_poly(w, at);
    }
    return probes;
}

/* Slots of the set of candidates gram_candidates keeps: at most half
 * full. */
enum { CAND_SLOTS = 2 * MAX_CANDIDATES };

/* Collects the ids of up to MAX_CANDIDATES claims (not `self`) that share
 * a word gram with a quote, by its np probes' polynomials pp, through the gram
 * index: for each probe the first MAX_BUCKET grams of its hash. Returns
 * their count. set: CAND_SLOTS zeroes, left so; the candidates so far,
 * 1 + each one's id, by which a claim met again (a copy shares every
 * probe) is told in a step or two, not by a look through them all. */
static size_t gram_candidates(const gram_index *ix, const uint64_t *pp, size_t np, size_t self,
                              uint32_t *cand, uint32_t *set)
{
    _Static_assert(CAND_SLOTS <= 256, "a slot of set is a byte");
    size_t nc = 0;
    uint8_t at[MAX_CANDIDATES]; /* each candidate's slot of set */
    for (size_t p = 0; p < np && nc < MAX_CANDIDATES; p++) {
        uint32_t h = gram_mix(pp[p]);
        size_t taken = 0;
        for (uint32_t q = ix->head[h & ix->mask]; q && taken < MAX_BUCKET; q = ix->g[q - 1].next) {
            const gram *e = &ix->g[q - 1];
            if (e->hash != h)
                continue;
            taken++;
            if (e->claim == self)
                continue;
            uint32_t id = e->claim + 1;
            size_t i = ((id * 0x9E3779B1u) >> 16) & (CAND_SLOTS - 1);
            while (set[i] && set[i] != id)
                i = (i + 1) & (CAND_SLOTS - 1);
            if (set[i])
                continue;
            set[i] = id;
            at[nc] = (uint8_t)i;
            cand[nc++] = e->claim;
            if (nc == MAX_CANDIDATES)
                break; /* no more is taken */
        }
    }
    for (size_t r = 0; r < nc; r++)
        set[at[r]] = 0;
    return nc;
}

/* The slot of word hash h in ws->wc: its own, or the empty one where it
 * goes. */
static word_count *word_slot(const wscratch *ws, uint32_t h)
{
    /* from the high half of a product: a short word's hash has low bits
     * 0 (word_hashes) */
    size_t i = (size_t)((h * 0x9E3779B97F4A7C15u) >> 32) & ws->wc_mask;
    while (ws->wc[i].quote == ws->wc_quote && ws->wc[i].hash != h)
        i = (i + 1) & ws->wc_mask;
    return &ws->wc[i];
}

/* Fills ws->wc with the words of quote q, counted by hash (a table at
 * most a quarter full: a word's walk is then mostly its slot alone, and
 * the walks' lengths, in no order, are the branches' to guess). False
 * on OOM. */
static bool count_quote_words(claims_story *s, wscratch *ws, const seen_quote *q)
{
    size_t nslots = 16;
    while (nslots < 4 * (size_t)q->hn)
        nslots *= 2;
    size_t had = ws->wccap;
    if (!claims__grow(&s->alloc, (void **)&ws->wc, &ws->wccap, nslots, sizeof *ws->wc))
        return false;
    if (ws->wccap != had || ws->wc_quote == UINT32_MAX) {
        /* a new table (or numbers run out): no slot holds a number yet */
        memset(ws->wc, 0, ws->wccap * sizeof *ws->wc);
        ws->wc_quote = ws->wc_cand = 0;
    }
    ws->wc_quote++;
    ws->wc_mask = nslots - 1;
    for (size_t k = 0; k < q->hn; k++) {
        word_count *w = word_slot(ws, ws->h[q->hfirst + k]);
        if (w->quote != ws->wc_quote) {
            w->quote = ws->wc_quote;
            w->hash = ws->h[q->hfirst + k];
            w->count = 0;
        }
        w->count++;
    }
    return true;
}

/* Whether quote o's words that the counted quote's (ws->wc) hold, a word
 * as often as both hold it, are `need` or more: a bound of the words in
 * common in order (an equal word hashes equal; a word of another hash
 * only adds). */
static bool shares_words(wscratch *ws, const seen_quote *o, size_t need)
{
    if (need > o->hn)
        return false;
    if (ws->wc_cand == UINT32_MAX) {
        for (size_t i = 0; i <= ws->wc_mask; i++)
            ws->wc[i].cand = 0;
        ws->wc_cand = 0;
    }
    uint32_t cand = ++ws->wc_cand;
    const uint32_t *h = ws->h + o->hfirst;
    size_t n = 0;
    /* stops once it is sure, either way */
    for (size_t k = 0; k < o->hn && n < need && n + (o->hn - k) >= need; k++) {
        word_count *w = word_slot(ws, h[k]);
        if (w->quote != ws->wc_quote)
            continue;
        if (w->cand != cand) {
            w->cand = cand;
            w->used = 0;
        }
        if (w->used < w->count) {
            w->used++;
            n++;
        }
    }
    return n >= need;
}

/* The fewest words in common of m that make an overlap of 0.8 at least
 * and more than best, as best_overlap computes it; m + 1 when none. */
static size_t words_needed(size_t m, double best)
{
    double t = best > 0.8 ? best : 0.8;
    size_t x = (size_t)(t * (double)m);
    x = x > 1 ? x - 1 : 0;
    while (x <= m && !((double)x / (double)m >= 0.8 && (double)x / (double)m > best))
        x++;
    return x;
}

/* 1 + the index of the candidate whose words overlap claim c's (its
 * entry ce) most, at least 0.8 of the shorter quote; 0 when none does.
 * A candidate's entry is named[entry_of[its index]]. *oom set on OOM. */
static uint32_t best_overlap(claims_story *s, wscratch *ws, const claims_claim *c,
                             const seen_quote *ce, const uint32_t *cand, size_t nc,
                             const seen_quote *named, const uint32_t *entry_of, bool *oom)
{
    double best = 0;
    uint32_t who = 0;
    bool counted = false;
    /* A candidate with the words of an earlier one (the same entry)
     * overlaps as much, and so never more: only the first of each is
     * aligned (wire copies repeat quotes word for word). Nothing overlaps
     * more than all. */
    for (size_t r = 0; r < nc && best < 1; r++) {
        const claims_claim *o = s->claims[cand[r]];
        if (!o->str_value)
            continue;
        bool again = false;
        for (size_t e = 0; e < r && !again; e++)
            again = entry_of[cand[e]] == entry_of[cand[r]];
        if (again)
            continue;
        /* the same words (a wire copy named elsewhere) are all in common */
        double ov = 1;
        if (!c->str_value[0] || strcmp(c->str_value, o->str_value) != 0) {
            /* The words in common in order are no more than the words
             * both hold: when those are too few, the alignment (the
             * most of the cost) could not win. The words are split
             * alike (at spaces), so the shorter's count is the same. */
            const seen_quote *oe = &named[entry_of[cand[r]]];
            size_t m = ce->hn < oe->hn ? ce->hn : oe->hn;
            if (!m)
                continue; /* an overlap of 0 */
            if (!counted && !count_quote_words(s, ws, ce)) {
                *oom = true;
                return 0;
            }
            counted = true;
            if (!shares_words(ws, oe, words_needed(m, best)))
                continue;
            if (!claims__wordpair_count(&ws->pair, c->str_value, o->str_value,
                                        CLAIMS__ALIGN_CELLS_WIDE)) {
                *oom = true;
                return 0;
            }
            ov = claims__wordpair_overlap(&ws->pair);
        }
        if (ov >= 0.8 && ov > best) {
            who = cand[r] + 1;
            best = ov;
        }
    }
    return who;
}

/* Whether any quote may take a speaker by its words: one with no named
 * speaker and MIN_WORDS words at least (the others are not counted once
 * one is found). */
static bool any_target(const claims_story *s, const claim_lists *l)
{
    for (size_t k = 0; k < l->nopen; k++)
        if (count_words(s->claims[l->open[k]]->str_value) >= MIN_WORDS)
            return true;
    return false;
}

/* The probes of the quotes to resolve: each distinct quote's in order
 * (by its slot of `memo`, the slot of each quote to resolve in claim
 * order in slot_of), and a filter of their polynomials: a bit for the
 * low bits of each one's high half, set_mask + 1 bits, 16 or more a
 * probe (tested before a gram is hashed). A gram of another hash that
 * passes is indexed and never seen (a lookup takes the grams of its hash
 * alone), so the lookups are as with every gram indexed. */
typedef struct probe_set {
    quote_memo memo;
    uint32_t *slot_of;
    uint64_t *pp; /* the probes, memo's entries' ranges */
    size_t nph, phcap;
    uint64_t *set;
    size_t set_mask;
} probe_set;

/* Fills ps with the probes of the quotes to resolve (those with no named
 * speaker, by index, open[0..nopen)), a copy of a quote seen already
 * taking its slot. False on OOM. */
static bool gather_probes(claims_story *s, const size_t *open, size_t nopen, wscratch *ws,
                          probe_set *ps)
{
    for (size_t li = 0; li < nopen; li++) {
        bool copy;
        seen_quote *e = quote_slot(s, ws, open[li], &ps->memo, &copy);
        if (!e)
            return false;
        ps->slot_of[li] = (uint32_t)(e - ps->memo.q);
        if (copy)
            continue;
        e->first = (uint32_t)ps->nph;
        e->n = 0;
        size_t nw = e->hn;
        if (nw < MIN_WORDS)
            continue;
        if (ps->nph > UINT32_MAX - PROBES || !claims__grow(&s->alloc, (void **)&ps->pp, &ps->phcap,
                                                           ps->nph + PROBES, sizeof *ps->pp))
            return false;
        e->n = (uint32_t)quote_probes(ws->h + e->hfirst, nw, ps->pp + ps->nph);
        ps->nph += e->n;
    }
    /* the filter: 16 bits a probe or more, up to 2^32 */
    size_t bits = 1024;
    while (bits < 16 * ps->nph && bits < ((size_t)1 << 31))
        bits *= 2;
    ps->set = claims__malloc(&s->alloc, bits / 8);
    if (!ps->set)
        return false;
    memset(ps->set, 0, bits / 8);
    ps->set_mask = bits - 1;
    for (size_t k = 0; k < ps->nph; k++) {
        size_t b = (size_t)(ps->pp[k] >> 32) & ps->set_mask;
        ps->set[b / 64] |= (uint64_t)1 << (b % 64);
    }
    return true;
}

/* The grams > 0 of the words of hashes h that the filter (set, set_mask:
 * probe_set's) passes, each as the gram of claim `claim`, into out;
 * returns how many: a loop of few values, with no test of its end but
 * the one that leaves it. */
static size_t probed_grams(const uint32_t *h, size_t grams, const uint64_t *set, size_t set_mask,
                           gram *out, uint32_t claim)
{
    size_t k = 0;
    uint64_t x = gram_poly(h, 0);
    for (size_t q = 0;;) {
        size_t b = (size_t)(x >> 32) & set_mask;
        if ((set[b / 64] >> (b % 64)) & 1) {
            out[k].hash = gram_mix(x);
            out[k].claim = claim;
            k++;
        }
        if (++q == grams)
            return k;
        x = gram_roll(x, h, q - 1);
    }
}

/* Fills ix->g (capacity *cap, grown) with the word grams of every quote
 * with a named speaker (by index, named[0..nnamed)) that ps probes for, *ng of them: no pass ahead
 * counts them. A gram's hash is of its words' hashes (word_hashes, one
 * quote's at a time); a copy of a quote seen already (memo, zeroed)
 * copies its grams. False on OOM, or when the grams are more than 32-bit
 * ids (+ 1) number. */
static bool index_grams(claims_story *s, const size_t *named, size_t nnamed, wscratch *ws,
                        const probe_set *ps, gram_index *ix, size_t *cap, size_t *ng,
                        quote_memo *memo, uint32_t *entry_of)
{
    size_t k = 0;
    *ng = 0;
    for (size_t li = 0; li < nnamed; li++) {
        size_t i = named[li];
        bool copy;
        seen_quote *e = quote_slot(s, ws, i, memo, &copy);
        if (!e)
            return false;
        entry_of[i] = (uint32_t)(e - memo->q);
        if (copy) {
            size_t n = e->n;
            if (n > UINT32_MAX - 1 - k ||
                !claims__grow(&s->alloc, (void **)&ix->g, cap, k + n, sizeof *ix->g))
                return false;
            for (size_t q = 0; q < n; q++) {
                ix->g[k + q].hash = ix->g[e->first + q].hash;
                ix->g[k + q].claim = (uint32_t)i;
            }
            k += n;
            *ng = k;
            continue;
        }
        e->first = (uint32_t)k;
        size_t nw = e->hn;
        size_t grams = nw >= GRAM ? nw - GRAM + 1 : 0;
        if (!grams) {
            e->n = 0;
            continue;
        }
        /* room for all; only the probed are kept */
        if (grams > UINT32_MAX - 1 - k ||
            !claims__grow(&s->alloc, (void **)&ix->g, cap, k + grams, sizeof *ix->g))
            return false;
        k += probed_grams(ws->h + e->hfirst, grams, ps->set, ps->set_mask, ix->g + k, (uint32_t)i);
        e->n = (uint32_t)(k - e->first);
        *ng = k;
    }
    return true;
}

/* Chains the n grams of ix->g by bucket: from the last, so that each
 * chain runs in text order. */
static void chain_grams(gram_index *ix, size_t k)
{
    for (size_t q = k; q-- > 0;) {
        uint32_t *head = &ix->head[ix->g[q].hash & ix->mask];
        ix->g[q].next = *head;
        *head = (uint32_t)q + 1;
    }
}

/* Gives a quote with no named speaker (open[0..nopen)) the speaker of
 * another quote that shares most of its words, found by its probes; a
 * copy of a quote resolved already takes that one's. */
static claims_status resolve_with_index(claims_story *s, const size_t *open, size_t nopen,
                                        wscratch *ws, const gram_index *ix, const probe_set *ps,
                                        const seen_quote *named, const uint32_t *entry_of)
{
    claims_status st = CLAIMS_OK;
    uint32_t set[CAND_SLOTS] = {0};
    for (size_t li = 0; li < nopen && st == CLAIMS_OK; li++) {
        size_t i = open[li];
        claims_claim *c = s->claims[i];
        seen_quote *e = &ps->memo.q[ps->slot_of[li]];
        if (e->claim == i + 1) {
            /* the first of its words: best_overlap splits them (once,
             * for all the candidates) when it has any */
            uint32_t cand[MAX_CANDIDATES];
            size_t nc = e->n ? gram_candidates(ix, ps->pp + e->first, e->n, i, cand, set) : 0;
            bool oom = false;
            e->who = nc ? best_overlap(s, ws, c, e, cand, nc, named, entry_of, &oom) : 0;
            if (oom)
                return CLAIMS_ERR_NOMEM;
        }
        const claims_claim *who = e->who ? s->claims[e->who - 1] : NULL;
        if (who && key_part(who))
            st = set_speaker(s, c, claims__cstr(who, who->speaker), key_part(who));
    }
    return st;
}

static claims_status resolve_by_words(claims_story *s, const claim_lists *l)
{
    if (!any_target(s, l))
        return CLAIMS_OK;
    wscratch ws;
    memset(&ws, 0, sizeof ws);
    claims__wordpair_init(&ws.pair, &s->alloc);
    claims_status st = CLAIMS_ERR_NOMEM;
    gram_index ix = {0};
    size_t gcap = 0, ng = 0;
    /* the quotes each pass reads, by index in claim order (claim_lists).
     * A quote is resolved after the passes that read the lists, so they
     * stay true. */
    const size_t *block = l->quoted, *openl = l->open;
    size_t named = l->nquoted, open = l->nopen;
    probe_set ps = {0};
    size_t nopen_memo = memo_slots(open), nnamed_memo = memo_slots(named);
    /* one block of slots and one of entries: the memo of the quotes to
     * resolve, then of the named */
    uint32_t *memo_slot = claims__malloc(&s->alloc, (nopen_memo + nnamed_memo) * sizeof *memo_slot);
    seen_quote *memo = l->nspeech <= SIZE_MAX / sizeof *memo
                           ? claims__malloc(&s->alloc, (l->nspeech ? l->nspeech : 1) * sizeof *memo)
                           : NULL;
    /* (made once both blocks are there: no offset from a NULL pointer
       when an allocation failed) */
    quote_memo named_memo = {NULL, nnamed_memo - 1, NULL, 0};
    ps.slot_of = claims__malloc(&s->alloc, (open ? open : 1) * sizeof *ps.slot_of);
    /* the named quotes' entries by claim index (set for those alone) */
    uint32_t *entry_of = s->nclaims <= SIZE_MAX / sizeof *entry_of
                             ? claims__malloc(&s->alloc, s->nclaims * sizeof *entry_of)
                             : NULL;
    if (memo_slot && memo) {
        memset(memo_slot, 0, (nopen_memo + nnamed_memo) * sizeof *memo_slot);
        ps.memo = (quote_memo){memo_slot, nopen_memo - 1, memo, 0};
        named_memo.slot = memo_slot + nopen_memo;
        named_memo.q = memo + open;
    }
    if (memo_slot && memo && ps.slot_of && entry_of && gather_probes(s, openl, open, &ws, &ps) &&
        index_grams(s, block, named, &ws, &ps, &ix, &gcap, &ng, &named_memo, entry_of)) {
        /* a bucket a gram or so: a chain is mostly a gram or none, its
         * walk's length (in no order) seldom a guess */
        size_t nbuckets = 16;
        while (nbuckets < ng)
            nbuckets *= 2;
        if (ng)
            ix.head = claims__malloc(&s->alloc, nbuckets * sizeof *ix.head);
        if (!ng) {
            st = CLAIMS_OK;
        } else if (ix.head) {
            memset(ix.head, 0, nbuckets * sizeof *ix.head);
            ix.mask = nbuckets - 1;
            chain_grams(&ix, ng);
            st = resolve_with_index(s, openl, open, &ws, &ix, &ps, named_memo.q, entry_of);
        }
    }
    claims__free(&s->alloc, memo_slot);
    claims__free(&s->alloc, memo);
    claims__free(&s->alloc, ps.slot_of);
    claims__free(&s->alloc, entry_of);
    claims__free(&s->alloc, ps.pp);
    claims__free(&s->alloc, ps.set);
    claims__free(&s->alloc, ix.g);
    claims__free(&s->alloc, ix.head);
    claims__wordpair_free(&ws.pair);
    claims__free(&s->alloc, ws.pad);
    claims__free(&s->alloc, ws.h);
    claims__free(&s->alloc, ws.wc);
    return st;
}

/* ------------------------------------------------ ages of one person */

/* The full names ending in one last word, as the surname's lookup needs
 * them: the alphabetically first, whether it was held once only, and
 * whether another ends in the word too. A slot of an open-addressing
 * table keyed by the last word (NULL: empty). */
typedef struct surname {
    const char *last; /* last word, inside fold */
    const char *fold; /* "jane roe" */
    uint32_t hash;    /* of last */
    bool once, others;
} surname;

/* The slot of last word w (hash h) in table t of mask + 1 slots: its
 * own, or the empty one where it goes. */
static surname *surname_slot(surname *t, size_t mask, const char *w, uint32_t h)
{
    size_t i = h & mask;
    while (t[i].last && (t[i].hash != h || strcmp(t[i].last, w) != 0))
        i = (i + 1) & mask;
    return &t[i];
}

/* Whether measure c is an age held by someone. (Its callers know its
 * kind: read here, it was the claim's one byte past its first line.) */
static inline bool is_age(age_ids *ids, const claims_claim *c)
{
    if (!c->frame->thing)
        return false;
    claims__sid q = c->frame->quantity;
    if (!q || q == ids->other)
        return false;
    if (q == ids->age)
        return true;
    if (strcmp(claims__cstr(c, q), "age") == 0)
        ids->age = q;
    else
        ids->other = q;
    return q == ids->age;
}

/* Counts name id in table seen (mask + 1 slots, each 0 or the id in the
 * high half and its count, up to 2, in the low); false when it had been
 * counted twice: entering a full name again after two leaves its entry
 * as it is (the least name is not again, and its `once` is false; any
 * other has set `others`), so a speaker quoted a hundred times is
 * entered twice. */
static bool count_name(uint64_t *seen, size_t mask, claims__sid id)
{
    size_t i = (id * 2654435761u) & mask;
    while (seen[i] && seen[i] >> 32 != id)
        i = (i + 1) & mask;
    if ((seen[i] & 3) == 2)
        return false;
    seen[i] = ((uint64_t)id << 32) | ((seen[i] & 3) + 1);
    return true;
}

/* The one full name whose last word is w, NULL when none or several;
 * as read off the full names sorted by last word then name, the first
 * two of w told apart: the first name alone when it was held twice. */
static const char *only_full_name(surname *t, size_t mask, const char *w)
{
    const surname *e = surname_slot(t, mask, w, claims__hash(CLAIMS__HASH_INIT, w, strlen(w)));
    return e->last && !(e->once && e->others) ? e->fold : NULL;
}

/* The bare surname an age is held by ("Roe, 34"), else NULL. */
static const char *age_surname(claim_lists *l, const claims_claim *c)
{
    const char *thing = is_age(&l->age, c) ? claims__cstr(c, c->frame->thing) : NULL;
    return thing && !strchr(thing, ' ') && strcmp(thing, "-") != 0 ? thing : NULL;
}

/* Enters full name f, whose last word is last[0..n), in table t of mask
 * + 1 slots. */
static void enter_full_name(surname *t, size_t mask, const char *f, const char *last, size_t n)
{
    uint32_t h = claims__hash(CLAIMS__HASH_INIT, last, n);
    surname *e = surname_slot(t, mask, last, h);
    int r = e->last ? strcmp(f, e->fold) : -1;
    if (e->last && r != 0)
        e->others = true;
    if (r < 0) {
        e->last = last;
        e->hash = h;
        e->fold = f;
        e->once = true;
    } else if (r == 0) {
        e->once = false;
    }
}

/* Enters the name of id (an age's holder or a person speaking, held by
 * claim c; 0 for none) in table t (and in `seen`, both of mask + 1
 * slots) when it is a full name. */
static void enter_name(surname *t, uint64_t *seen, size_t mask, const claims_claim *c,
                       claims__sid id)
{
    if (!id || !count_name(seen, mask, id))
        return;
    const char *f = claims__cstr(c, id);
    /* its last word and its end in one pass (no strchr, strrchr and
       strlen calls, each a pass of its own over a name of a few bytes) */
    const char *last = NULL, *q = f;
    for (; *q; q++)
        if (*q == ' ')
            last = q + 1;
    if (last)
        enter_full_name(t, mask, f, last, (size_t)(q - last));
}

/* 3. An age held by a bare surname takes the single full name ending in
 * it (held ages and speakers); with two such names it stays as it is.
 * (A name's entry is the same in whatever order the names come: the
 * least of them, whether it came once, whether another did.) */
static claims_status join_age_surnames(claims_story *s, claim_lists *l)
{
    /* most stories have none: then the full names are not gathered */
    size_t bare = 0;
    for (size_t k = 0; k < l->nages && !bare; k++)
        bare += age_surname(l, s->claims[l->ages[k]]) != NULL;
    if (!bare)
        return CLAIMS_OK;
    /* a table of the last words, at most half full (no sort: most full
     * names are the same few speakers again): there are no more distinct
     * full names than ages and named speakers' folded names (a speaker
     * merged or resolved since took one of those) */
    size_t n = l->nages + l->npersons;
    size_t nslots = 16;
    while (nslots < 2 * n)
        nslots *= 2;
    surname *t =
        nslots <= SIZE_MAX / sizeof *t ? claims__malloc(&s->alloc, nslots * sizeof *t) : NULL;
    uint64_t *seen = t ? claims__malloc(&s->alloc, nslots * sizeof *seen) : NULL;
    if (!seen) {
        claims__free(&s->alloc, t);
        return CLAIMS_ERR_NOMEM;
    }
    memset(t, 0, nslots * sizeof *t);
    memset(seen, 0, nslots * sizeof *seen);
    /* the ages' holders (each an age when listed, its frame unchanged
       since: no step before this one changes a figure's), then the
       persons speaking: each list's claims are of its kind, not asked
       again */
    for (size_t k = 0; k < l->nages; k++) {
        const claims_claim *c = s->claims[l->ages[k]];
        enter_name(t, seen, nslots - 1, c, c->frame->thing);
    }
    for (size_t k = 0; k < l->nspeech; k++) {
        const claims_claim *c = s->claims[l->speech[k]];
        enter_name(t, seen, nslots - 1, c,
                   c->flags & CLAIMS__CF_SPK_PERSON ? c->frame->speaker : 0);
    }
    claims__free(&s->alloc, seen);
    claims_status st = CLAIMS_OK;
    for (size_t k = 0; k < l->nages && st == CLAIMS_OK; k++) {
        claims_claim *c = s->claims[l->ages[k]];
        const char *thing = age_surname(l, c);
        if (!thing)
            continue;
        const char *full = only_full_name(t, nslots - 1, thing);
        const char *index = claims__cstr(c, c->frame->index);
        if (full && !claims__claim_key(s, c, "age", full, index))
            st = CLAIMS_ERR_NOMEM;
    }
    claims__free(&s->alloc, t);
    return st;
}

claims_status claims__resolve_story(claims_story *s)
{
    if (!s->nclaims)
        return CLAIMS_OK;
    /* one block: the speech claims from its start, the ages from its end
     * down (the k-th age at nclaims - 1 - k); then the named speech
     * claims; then the quoted from the start of a third, the open from
     * its end down */
    size_t n = s->nclaims;
    size_t *block = n <= SIZE_MAX / (3 * sizeof *block)
                        ? claims__malloc(&s->alloc, 3 * n * sizeof *block)
                        : NULL;
    if (!block)
        return CLAIMS_ERR_NOMEM;
    claim_lists l = {block, 0, block, 0, block + n, 0, 0, block + 2 * n, 0, NULL, 0, 0, {0, 0}};
    /* the counts in locals: no store through l's address may touch them */
    size_t top = n, open_top = 3 * n, nspeech = 0, nnamed = 0, nshown = 0, nquoted = 0;
    age_ids ids = {0, 0};
    claims_claim *const *claims = s->claims;
    const uint8_t *kinds = s->claim_kinds;
    size_t *named_list = l.named, *quoted = l.quoted;
    /* by the claims' kinds, side by side: a claim of another kind (most
       are figures) is not read */
    for (size_t i = 0; i < n; i++) {
        unsigned kind = kinds[i];
        if (kind == CLAIMS_KIND_QUOTE || kind == CLAIMS_KIND_PARAPHRASE) {
            const claims_claim *c = claims[i];
            block[nspeech++] = i;
            bool named = (c->flags & CLAIMS__CF_SPK_PERSON) != 0;
            if (named && c->frame->speaker) {
                named_list[nnamed++] = i;
                nshown += c->speaker != 0;
            }
            if (c->str_value) {
                if (named)
                    quoted[nquoted++] = i;
                else
                    block[--open_top] = i;
            }
        } else if (kind == CLAIMS_KIND_MEASURE && is_age(&ids, claims[i])) {
            block[--top] = i;
        }
    }
    l.nspeech = nspeech;
    l.nnamed = nnamed;
    l.nshown = nshown;
    l.nquoted = nquoted;
    l.age = ids;
    /* the open in claim order */
    l.open = block + open_top;
    l.nopen = 3 * n - open_top;
    for (size_t a = 0, b = l.nopen; a + 1 < b; a++, b--) {
        size_t x = l.open[a];
        l.open[a] = l.open[b - 1];
        l.open[b - 1] = x;
    }
    /* the ages in claim order */
    l.ages = block + top;
    l.nages = n - top;
    for (size_t a = 0, b = l.nages; a + 1 < b; a++, b--) {
        size_t x = l.ages[a];
        l.ages[a] = l.ages[b - 1];
        l.ages[b - 1] = x;
    }
    claims_status st = merge_persons(s, &l);
    if (st == CLAIMS_OK)
        st = resolve_by_words(s, &l);
    if (st == CLAIMS_OK)
        st = join_age_surnames(s, &l);
    claims__free(&s->alloc, block);
    return st;
}
