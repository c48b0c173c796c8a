/* story.c - the public API: story lifecycle, articles, the pipeline
 * driver, and read-back of claims and findings. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#ifndef CLAIMS_BUILD_VERSION
#define CLAIMS_BUILD_VERSION CLAIMS_VERSION_STRING
#endif

int claims_version(void)
{
    return CLAIMS_VERSION_MAJOR * 10000 + CLAIMS_VERSION_MINOR * 100 + CLAIMS_VERSION_PATCH;
}

const char *claims_version_string(void)
{
    return CLAIMS_BUILD_VERSION;
}

const char *claims_builtin_lexicon(size_t *len)
{
    if (len)
        *len = claims__builtin_lexicon_len;
    return claims__builtin_lexicon;
}

static claims_status fail(claims_error *err, claims_status code, const char *article,
                          int has_offset, size_t offset)
{
    if (err) {
        err->code = code;
        err->message = claims_status_message(code);
        err->article[0] = 0;
        if (article) {
            size_t n = strlen(article);
            if (n > sizeof err->article - 1)
                n = sizeof err->article - 1;
            /* Do not cut a UTF-8 sequence in half. */
            while (n > 0 && ((unsigned char)article[n] & 0xC0) == 0x80)
                n--;
            memcpy(err->article, article, n);
            err->article[n] = 0;
        }
        err->has_offset = has_offset;
        err->offset = has_offset ? offset : 0;
    }
    return code;
}

/* ------------------------------------------------------------ lifecycle */

/* Frees an article; a borrowed text stays the caller's. */
static void article_free(claims_story *s, claims__article *art)
{
    /* the id, the title and the text's block are in the story's arena
       (or the text is the caller's) */
    art->id = art->title = NULL;
    art->block = NULL;
    claims__article_free(&s->alloc, art);
}

static void *default_malloc(size_t n, void *ud)
{
    (void)ud;
    return malloc(n);
}

static void *default_realloc(void *p, size_t n, void *ud)
{
    (void)ud;
    return realloc(p, n);
}

static void default_free(void *p, void *ud)
{
    (void)ud;
    free(p);
}

claims_status claims_story_new(const claims_allocator *allocator, claims_story **out)
{
    if (!out)
        return CLAIMS_ERR_INVALID_ARGUMENT;
    *out = NULL;
    claims_allocator a = {default_malloc, default_realloc, default_free, NULL};
    if (allocator) {
        if (!allocator->malloc_fn || !allocator->realloc_fn || !allocator->free_fn)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        a = *allocator;
    }
    claims_story *s = a.malloc_fn(sizeof *s, a.user_data);
    if (!s)
        return CLAIMS_ERR_NOMEM;
    memset(s, 0, sizeof *s);
    s->alloc = a;
    claims__arena_init(&s->arena, &s->alloc);
    claims__arena_init(&s->drafts, &s->alloc);
    s->fail_on = CLAIMS_FAIL_ON_CONTRADICTION;
    s->fail_confidence = CLAIMS__FAIL_CONFIDENCE_DEFAULT;
    s->compare = true;
    /* The built-in tables were built from the lexicon text at build time;
     * the story copies them only if a newsroom lexicon is added. */
    claims_status st = claims__lexicon_new_on(&s->alloc, &claims__builtin_lex_tables, &s->lex);
    if (st != CLAIMS_OK) {
        claims_story_free(s);
        return st;
    }
    *out = s;
    return CLAIMS_OK;
}

/* The token buffers of a batch's article k (story.c's batches; base.h). */
static claims__seg_scratch *scratch(claims_story *s, size_t k)
{
    return k ? &s->seg_more[k - 1] : &s->seg;
}

static void free_scratches(claims_story *s)
{
    claims__seg_scratch_free(&s->alloc, &s->seg);
    if (s->seg_more) {
        for (size_t k = 1; k < CLAIMS__BATCH_ARTICLES; k++)
            claims__seg_scratch_free(&s->alloc, scratch(s, k));
        claims__free(&s->alloc, s->seg_more);
        s->seg_more = NULL;
    }
}

void claims_story_free(claims_story *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->narticles; i++)
        article_free(s, &s->articles[i]);
    claims__free(&s->alloc, s->articles);
    free_scratches(s);
    claims__free(&s->alloc, s->id_slots);
    for (size_t i = 0; i < s->nrejected; i++) {
        claims__free(&s->alloc, s->rejected[i].id);
        claims__free(&s->alloc, s->rejected[i].message);
    }
    claims__free(&s->alloc, s->rejected);
    claims__free(&s->alloc, s->claims);
    claims__free(&s->alloc, s->claim_kinds);
    claims__free(&s->alloc, s->findings);
    claims__strtab_free(&s->alloc, &s->strs);
    claims__frames_free(s);
    claims__lexicon_free(s->lex);
    claims__arena_release(&s->arena);
    claims_allocator a = s->alloc;
    a.free_fn(s, a.user_data);
}

claims_status claims_story_set_option(claims_story *s, claims_option option, int value)
{
    if (!s)
        return CLAIMS_ERR_INVALID_ARGUMENT;
    switch (option) {
    case CLAIMS_OPT_FAIL_ON:
        if (value < CLAIMS_FAIL_ON_NONE || value > CLAIMS_FAIL_ON_VARIANT)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        s->fail_on = (claims_fail_on)value;
        return CLAIMS_OK;
    case CLAIMS_OPT_MIN_CONFIDENCE:
        if (value < 0 || value > 100)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        s->min_confidence = value;
        return CLAIMS_OK;
    case CLAIMS_OPT_FAIL_CONFIDENCE:
        if (value < 0 || value > 100)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        s->fail_confidence = value;
        return CLAIMS_OK;
    case CLAIMS_OPT_COMPARE:
        if (value != 0 && value != 1)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        s->compare = value == 1;
        return CLAIMS_OK;
    case CLAIMS_OPT_COLOR:
        if (value != 0 && value != 1)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        s->color = value == 1;
        return CLAIMS_OK;
    case CLAIMS_OPT_BORROW_TEXT:
        if (value != 0 && value != 1)
            return CLAIMS_ERR_INVALID_ARGUMENT;
        s->borrow_text = value == 1;
        return CLAIMS_OK;
    }
    return CLAIMS_ERR_INVALID_ARGUMENT;
}

claims_status claims_story_add_lexicon(claims_story *s, const char *text, size_t len,
                                       claims_error *err)
{
    if (!s || (!text && len))
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, NULL, 0, 0);
    if (s->checked)
        return fail(err, CLAIMS_ERR_STATE, NULL, 0, 0);
    /* Load into a scratch lexicon first so a bad line keeps nothing:
     * validate, then load for real. */
    claims__lexicon *probe = NULL;
    claims_status st = claims__lexicon_new(&s->alloc, &probe);
    if (st != CLAIMS_OK)
        return fail(err, st, NULL, 0, 0);
    size_t bad = 0;
    st = claims__lexicon_load(probe, text ? text : "", len, &bad);
    const char *why = claims__lexicon_error(probe); /* static */
    claims__lexicon_free(probe);
    if (st != CLAIMS_OK) {
        fail(err, st, NULL, st == CLAIMS_ERR_LEXICON, bad);
        if (err && st == CLAIMS_ERR_LEXICON)
            err->message = why;
        return st;
    }
    st = claims__lexicon_load(s->lex, text ? text : "", len, &bad);
    if (st != CLAIMS_OK)
        return fail(err, st, NULL, 0, 0);
    return CLAIMS_OK;
}

/* ------------------------------------------------------------ articles */

static char *dup_str(const claims_allocator *a, const char *p, size_t n)
{
    char *d = claims__malloc(a, n + 1);
    if (d) {
        if (n)
            memcpy(d, p, n);
        d[n] = 0;
    }
    return d;
}

static claims_status record_reject(claims_story *s, const char *id, claims_status code,
                                   const char *message, long long offset)
{
    if (!claims__grow(&s->alloc, (void **)&s->rejected, &s->cap_rejected, s->nrejected + 1,
                      sizeof *s->rejected))
        return CLAIMS_ERR_NOMEM;
    claims__rejected *r = &s->rejected[s->nrejected];
    r->id = dup_str(&s->alloc, id, strlen(id));
    r->message = dup_str(&s->alloc, message, strlen(message));
    if (!r->id || !r->message) {
        claims__free(&s->alloc, r->id);
        claims__free(&s->alloc, r->message);
        return CLAIMS_ERR_NOMEM;
    }
    r->code = code;
    r->offset = offset;
    s->nrejected++;
    return CLAIMS_OK;
}

claims_status claims_story_reject(claims_story *s, const char *id, claims_status code,
                                  const char *message, long long offset)
{
    if (!s || !id || !message)
        return CLAIMS_ERR_INVALID_ARGUMENT;
    if (s->checked)
        return CLAIMS_ERR_STATE;
    size_t bad;
    if (claims__utf8_validate(id, strlen(id), &bad) != CLAIMS_OK ||
        claims__utf8_validate(message, strlen(message), &bad) != CLAIMS_OK)
        return CLAIMS_ERR_INVALID_ARGUMENT;
    return record_reject(s, id, code, message, offset < 0 ? -1 : offset);
}

/* A published date: "YYYY-MM-DD", a day that exists. */
static bool parse_iso_date(const char *p, claims__date *d)
{
    bool yearless;
    claims__date r;
    if (claims__iso_parse(p, strlen(p), &r, &yearless) != CLAIMS__PREC_DAY || yearless ||
        r.day > claims__date_month_days(r.year, r.month))
        return false;
    /* There is no year 0 (0000-01-01 is not a date). */
    if (r.year < 1)
        return false;
    *d = r;
    return true;
}

/* The article-id hash set: open addressing over article indexes + 1,
 * each with its id's hash in the high half (not hashed again as the set
 * grows; a slot of another hash is passed without strcmp). */
static uint32_t id_hash(const char *id, size_t len)
{
    return claims__hash(CLAIMS__HASH_INIT, id, len);
}

static size_t find_id(const claims_story *s, const char *id, uint32_t h)
{
    if (!s->id_nslots)
        return SIZE_MAX;
    size_t mask = s->id_nslots - 1;
    for (size_t i = h & mask; s->id_slots[i]; i = (i + 1) & mask) {
        uint64_t e = s->id_slots[i];
        if ((uint32_t)(e >> 32) == h && strcmp(s->articles[(uint32_t)e - 1].id, id) == 0)
            return (uint32_t)e - 1;
    }
    return SIZE_MAX;
}

static void insert_id(uint64_t *slots, size_t nslots, uint32_t h, size_t index)
{
    size_t mask = nslots - 1;
    size_t i = h & mask;
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = (uint64_t)h << 32 | (uint32_t)(index + 1);
}

static bool grow_ids(claims_story *s)
{
    size_t n = s->id_nslots ? s->id_nslots * 2 : 64;
    if (n > SIZE_MAX / sizeof(uint64_t) || s->narticles >= UINT32_MAX - 1)
        return false;
    uint64_t *slots = claims__malloc(&s->alloc, n * sizeof *slots);
    if (!slots)
        return false;
    memset(slots, 0, n * sizeof *slots);
    for (size_t i = 0; i < s->id_nslots; i++)
        if (s->id_slots[i])
            insert_id(slots, n, (uint32_t)(s->id_slots[i] >> 32), (uint32_t)s->id_slots[i] - 1);
    claims__free(&s->alloc, s->id_slots);
    s->id_slots = slots;
    s->id_nslots = n;
    return true;
}

/* Rejects an article: recorded in the story, reported to the caller. */
static claims_status reject_article(claims_story *s, claims_error *err, const char *id,
                                    claims_status code, int has_offset, size_t offset)
{
    claims_status st = record_reject(s, id, code, claims_status_message(code),
                                     has_offset ? (long long)offset : -1);
    if (st != CLAIMS_OK)
        return fail(err, st, id, 0, 0);
    return fail(err, code, id, has_offset, offset);
}

/* The bytes read before an article's text: a title (of tl bytes) that has
 * a word and that the text does not already begin with (a feed may repeat
 * its title line; read once), then a blank line, so that the title is
 * read as a plain-text file's first line is. 0 when there is no such
 * title. */
static size_t title_prefix(const char *title, size_t tl, const char *text, size_t len)
{
    if (!title)
        return 0;
    bool blank = true;
    for (size_t i = 0; i < tl && blank; i++)
        blank = claims__is_space((unsigned char)title[i]);
    if (blank || claims__text_starts_with(text, len, title, tl) || tl > UINT32_MAX / 2)
        return 0;
    return tl + 2;
}

claims_status claims_story_add_article(claims_story *s, const char *id, const char *title,
                                       const char *published, const char *text, size_t len,
                                       claims_error *err)
{
    if (!s || !id || (!text && len))
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, id, 0, 0);
    if (s->checked)
        return fail(err, CLAIMS_ERR_STATE, id, 0, 0);
    size_t idlen = strlen(id), bad = 0;
    if (idlen == 0)
        return reject_article(s, err, "", CLAIMS_ERR_EMPTY_ID, 0, 0);
    if (idlen > 255 || claims__utf8_validate(id, idlen, &bad) != CLAIMS_OK)
        return fail(err, CLAIMS_ERR_INVALID_ID, NULL, 0, 0);
    uint32_t idh = id_hash(id, idlen);
    if (find_id(s, id, idh) != SIZE_MAX)
        return reject_article(s, err, id, CLAIMS_ERR_DUPLICATE_ID, 0, 0);
    /* Keep the id set at most half full; grown before the article is
     * added so that a failure leaves the story as it was. */
    if ((s->narticles + 1) * 2 > s->id_nslots && !grow_ids(s))
        return fail(err, CLAIMS_ERR_NOMEM, id, 0, 0);
    size_t tl = title ? strlen(title) : 0;
    size_t prefix = title_prefix(title, tl, text ? text : "", len);
    if (len > UINT32_MAX - 1 - prefix)
        return reject_article(s, err, id, CLAIMS_ERR_TOO_LARGE, 0, 0);
    claims_status st = claims__utf8_validate(text ? text : "", len, &bad);
    if (st != CLAIMS_OK)
        return reject_article(s, err, id, st, 1, bad);
    bool blank = true;
    for (size_t i = 0; i < len && blank; i++)
        blank = claims__is_space((unsigned char)text[i]);
    if (blank)
        return reject_article(s, err, id, CLAIMS_ERR_EMPTY_TEXT, 1, 0);
    claims__date date = {0, 0, 0};
    if (published && !parse_iso_date(published, &date))
        return reject_article(s, err, id, CLAIMS_ERR_BAD_DATE, 0, 0);
    if (title && claims__utf8_validate(title, tl, &bad) != CLAIMS_OK)
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, id, 0, 0);

    if (!claims__grow(&s->alloc, (void **)&s->articles, &s->cap_articles, s->narticles + 1,
                      sizeof *s->articles))
        return fail(err, CLAIMS_ERR_NOMEM, id, 0, 0);
    claims__article *art = &s->articles[s->narticles];
    memset(art, 0, sizeof *art);
    /* in the arena: a malloc'd id would take about as much again in the
       allocator's own bookkeeping as a short id's bytes */
    art->id = claims__arena_strndup(&s->arena, id, idlen);
    art->title = title ? claims__arena_strndup(&s->arena, title, tl) : NULL;
    /* A title read apart needs title + blank line + text in one block:
     * only a text read as it is can be borrowed. */
    art->borrowed = s->borrow_text && prefix == 0;
    if (art->borrowed)
        art->block = (char *)(text ? text : ""); /* never written: see base.h */
    else /* in the arena too: most news texts share its blocks, a long
            one has a block of its own, no malloc and free an article */
        art->block = claims__arena_alloc_raw(&s->arena, prefix + len + 1);
    if (!art->id || (title && !art->title) || !art->block) {
        article_free(s, art);
        return fail(err, CLAIMS_ERR_NOMEM, id, 0, 0);
    }
    if (!art->borrowed) {
        if (prefix) {
            memcpy(art->block, title, prefix - 2);
            memcpy(art->block + prefix - 2, "\n\n", 2);
        }
        if (len)
            memcpy(art->block + prefix, text, len);
        /* Nothing reads it (a borrowed text has none); kept so that the
         * copy is a C string in a debugger. */
        art->block[prefix + len] = 0;
    }
    art->text = art->block + prefix;
    art->prefix = prefix;
    art->len = len;
    if (published) {
        art->published = date;
        art->published_given = true;
        memcpy(art->published_iso, published, 10);
        art->published_iso[10] = 0;
    }
    insert_id(s->id_slots, s->id_nslots, idh, s->narticles);
    s->narticles++;
    return CLAIMS_OK;
}

/* The id of a file: its name without the last extension, folders kept
 * ("2024/05/a.txt" -> "2024/05/a"). */
static char *file_id(const claims_allocator *a, const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - name) : strlen(name);
    return dup_str(a, name, n);
}

/* The title line of a plain-text file: the first line (after a BOM) when it
 * is short, holds no NUL, and more text follows. *title is NULL when there
 * is none. Returns false when out of memory. */
static bool file_title(const claims_allocator *a, const char *b, size_t len, char **title)
{
    *title = NULL;
    size_t p = 0;
    if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
        p = 3;
    const char *nl = memchr(b + p, '\n', len - p);
    if (!nl)
        return true;
    size_t tl = (size_t)(nl - (b + p));
    while (tl && (b[p + tl - 1] == '\r' || b[p + tl - 1] == ' '))
        tl--;
    const char *rest = nl + 1;
    size_t restlen = len - (size_t)(rest - b);
    bool more = false;
    for (size_t i = 0; i < restlen && !more; i++)
        more = rest[i] != ' ' && rest[i] != '\n' && rest[i] != '\r' && rest[i] != '\t';
    if (tl == 0 || tl > 150 || !more || memchr(b + p, 0, tl))
        return true;
    *title = dup_str(a, b + p, tl);
    return *title != NULL;
}

claims_status claims_story_add_text(claims_story *s, const char *id, const char *bytes,
                                    size_t len, claims_error *err)
{
    if (!s || !id || (!bytes && len))
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, id, 0, 0);
    char *title = NULL;
    if (!file_title(&s->alloc, bytes ? bytes : "", len, &title))
        return fail(err, CLAIMS_ERR_NOMEM, id, 0, 0);
    claims_status st = claims_story_add_article(s, id, title, NULL, bytes, len, err);
    if (st == CLAIMS_ERR_INVALID_ARGUMENT && title) {
        /* A title that is not valid UTF-8: the text check names the offset. */
        st = claims_story_add_article(s, id, NULL, NULL, bytes, len, err);
    }
    claims__free(&s->alloc, title);
    return st;
}

claims_status claims_story_add_file(claims_story *s, const char *name, const char *bytes,
                                    size_t len, claims_error *err)
{
    if (!s || !name || (!bytes && len))
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, name, 0, 0);
    char *id = file_id(&s->alloc, name);
    if (!id)
        return fail(err, CLAIMS_ERR_NOMEM, name, 0, 0);
    claims_status st = claims_story_add_text(s, id, bytes, len, err);
    claims__free(&s->alloc, id);
    return st;
}

static int kind_order(const claims_claim *c)
{
    return (int)c->kind;
}

/* claim_order of claims of one article (sort_run's). `titled`: whether
 * the article has a title given apart, whose claims alone are
 * CLAIMS__CF_IN_TITLE (split_title_claims); an article without one, as
 * every article of a feed without titles, is sorted without the test. */
static CLAIMS__ALWAYS_INLINE int article_order_of(const claims_claim *a, const claims_claim *b,
                                                  bool titled)
{
    /* a title given apart is read before its text */
    if (titled && ((a->flags ^ b->flags) & CLAIMS__CF_IN_TITLE))
        return a->flags & CLAIMS__CF_IN_TITLE ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if (kind_order(a) != kind_order(b))
        return kind_order(a) < kind_order(b) ? -1 : 1;
    return 0;
}

static inline int article_order(const claims_claim *a, const claims_claim *b)
{
    return article_order_of(a, b, true);
}

static inline int claim_order(const claims_claim *a, const claims_claim *b)
{
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    return article_order(a, b);
}

static int cmp_claims(const void *pa, const void *pb)
{
    return claim_order(*(claims_claim *const *)pa, *(claims_claim *const *)pb);
}

/* Sorts c[0..n), claims of one article, by insertion, stably: few compares on the few runs in
 * order a list of claims is made of (each extractor finds them left to
 * right), and no call per compare. */
static CLAIMS__ALWAYS_INLINE void insertion_sort(claims_claim **c, size_t n, bool titled)
{
    for (size_t i = 1; i < n; i++) {
        claims_claim *x = c[i];
        size_t j = i;
        while (j > 0 && article_order_of(c[j - 1], x, titled) > 0) {
            c[j] = c[j - 1];
            j--;
        }
        c[j] = x;
    }
}

/* Merges the sorted c[0..m) and c[m..n), stably, the first copied to
 * tmp; nothing to do when they are in order already (most of the time:
 * runs of one extractor's claims). */
static CLAIMS__ALWAYS_INLINE void merge(claims_claim **c, size_t m, size_t n, claims_claim **tmp,
                                        bool titled)
{
    if (article_order_of(c[m], c[m - 1], titled) >= 0)
        return;
    memcpy(tmp, c, m * sizeof *c);
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n)
        c[k++] = article_order_of(c[j], tmp[i], titled) < 0 ? c[j++] : tmp[i++];
    while (i < m)
        c[k++] = tmp[i++];
}

enum { SORT_BLOCK = 16, SORT_STACK = 512 };

/* Blocks of c[0..n) by insertion, then merged bottom-up with the compare
 * inline (sort_run's, with tmp its scratch). */
static CLAIMS__ALWAYS_INLINE void sort_blocks(claims_claim **c, size_t n, claims_claim **tmp,
                                              bool titled)
{
    for (size_t i = 0; i < n; i += SORT_BLOCK)
        insertion_sort(c + i, n - i < SORT_BLOCK ? n - i : SORT_BLOCK, titled);
    for (size_t w = SORT_BLOCK; w < n; w *= 2)
        for (size_t i = 0; i + w < n; i += 2 * w)
            merge(c + i, w, n - i < 2 * w ? n - i : 2 * w, tmp, titled);
}

/* Sorts one article's claims, stably (`titled`: article_order_of's):
 * blocks by insertion, then merged bottom-up with the compare inline
 * (qsort called it through a pointer; glibc's is a stable merge sort
 * too, so the order is the same; equal claims are kept in their order of
 * finding either way). A long list whose scratch cannot be had goes to
 * qsort. */
static void sort_run(const claims_allocator *a, claims_claim **c, size_t n, bool titled)
{
    /* the scratch of most articles on the stack (a short one needs none) */
    claims_claim *local[SORT_STACK];
    claims_claim **tmp = n <= SORT_STACK ? local : claims__malloc(a, n * sizeof *tmp);
    if (!tmp) {
        qsort(c, n, sizeof *c, cmp_claims);
        return;
    }
    if (titled)
        sort_blocks(c, n, tmp, true);
    else
        sort_blocks(c, n, tmp, false);
    if (tmp != local)
        claims__free(a, tmp);
}

/* Stable, deterministic numbering: by article, then position, each
 * claim's index set. Articles are read in turn, so each one's claims are
 * one run of the array: each run is sorted apart (a sort's scratch as long
 * as one article's claims, not the story's) and numbered while its claims
 * are at hand (one pass over the story's claims, not three: a long
 * story's do not stay in the caches); the whole array at once if ever
 * they are not in turn (a run sorted already does not change what the
 * stable sort of the whole makes: its claims all come before or after
 * another run's, or tie with none of them). */
static void sort_claims(claims_story *s)
{
    claims_claim **c = s->claims;
    size_t n = s->nclaims;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && c[j]->article == c[i]->article; j++)
            ;
        if (j < n && c[j]->article < c[i]->article) {
            qsort(c, n, sizeof *c, cmp_claims);
            for (size_t k = 0; k < n; k++)
                c[k]->index = (uint32_t)k;
            return;
        }
        sort_run(&s->alloc, c + i, j - i, s->articles[c[i]->article].prefix != 0);
        for (size_t k = i; k < j; k++)
            c[k]->index = (uint32_t)k;
    }
}

static void write_id(char *buf, char prefix, size_t n)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    buf[0] = prefix;
    memcpy(buf + 1, tmp + i, sizeof tmp - i);
    buf[1 + sizeof tmp - i] = 0;
}

/* Clamps [*b, *e) to [lo, hi) and moves it down by lo. */
static void rebase_span(uint32_t *b, uint32_t *e, size_t lo, size_t hi)
{
    size_t nb = *b < lo ? lo : *b > hi ? hi : *b;
    size_t ne = *e < nb ? nb : *e > hi ? hi : *e;
    *b = (uint32_t)(nb - lo);
    *e = (uint32_t)(ne - lo);
}

/* The claims of an article read with its title before the text: those
 * of the title get offsets into the title, the others into the text. A
 * blank line parts the two, so no sentence spans both; spans are clamped
 * all the same, so that an offset never points past its string. */
static void split_title_claims(claims_story *s, size_t ai, size_t first, size_t end)
{
    claims__article *art = &s->articles[ai];
    size_t tl = art->prefix - 2;
    for (size_t i = first; i < end; i++) {
        claims_claim *c = s->claims[i];
        if (c->start < art->prefix) {
            rebase_span(&c->start, &c->end, 0, tl);
            rebase_span(&c->sent_start, &c->sent_end, 0, tl);
            c->flags |= CLAIMS__CF_IN_TITLE;
        } else {
            rebase_span(&c->start, &c->end, art->prefix, art->prefix + art->len);
            rebase_span(&c->sent_start, &c->sent_end, art->prefix, art->prefix + art->len);
        }
        if (c->sent_start > c->start)
            c->sent_start = c->start;
        if (c->sent_end < c->end)
            c->sent_end = c->end;
    }
}

/* A long article is read a window of whole paragraphs at a time, so that
 * its tokens, sentences and the extractors' working arrays stay bounded
 * (about 40 bytes a byte of window) while the text and its claims are
 * what grows. A window is about CLAIMS__WINDOW bytes; an article of up to
 * one and a half windows is read whole, as is every news article of
 * ordinary length. What an extractor carries from one sentence to the
 * next (the date in force, the people a quote may refer back to) starts
 * afresh in each window; the article's date, once read from its
 * dateline, holds for all of them. */
enum { CLAIMS__WINDOW = 256 * 1024 };

/* Where the window that starts at byte `from` of t[0..len) ends: after the
 * first blank line past CLAIMS__WINDOW bytes, else after a line break,
 * else at a space; at worst at a character boundary two windows on. */
static size_t window_end(const char *t, size_t from, size_t len)
{
    if (len - from <= CLAIMS__WINDOW + CLAIMS__WINDOW / 2)
        return len;
    size_t lo = from + CLAIMS__WINDOW, hi = from + 2 * (size_t)CLAIMS__WINDOW;
    if (hi > len)
        hi = len;
    size_t line = 0, space = 0;
    for (size_t p = lo; p < hi; p++) {
        if (t[p] == '\n') {
            size_t q = p + 1;
            while (q < hi && (t[q] == ' ' || t[q] == '\t' || t[q] == '\r'))
                q++;
            if (q < hi && t[q] == '\n')
                return q + 1;
            if (!line)
                line = p + 1;
        } else if (t[p] == ' ' && !space) {
            space = p + 1;
        }
    }
    if (line || space)
        return line ? line : space;
    /* t[len] is not read: a borrowed text has no NUL after it, and the
     * end of the text is a character boundary. */
    while (hi > lo && hi < len && ((unsigned char)t[hi] & 0xC0) == 0x80)
        hi--;
    return hi;
}

/* Reads the window [win_start, win_end) of article ai for claims. */
static claims_status check_window(claims_story *s, size_t ai)
{
    claims__article *art = &s->articles[ai];
    claims_status st = claims__segment_into(&s->alloc, s->lex, art, &s->seg);
    size_t first = s->nclaims;
    if (st == CLAIMS_OK)
        st = claims__extract_time(s, ai);
    if (st == CLAIMS_OK)
        st = claims__extract_quantities(s, ai);
    if (st == CLAIMS_OK)
        st = claims__extract_context(s, ai, first, s->nclaims);
    if (st == CLAIMS_OK)
        st = claims__extract_speech(s, ai);
    /* Tokens are only needed while extracting: the article lets go of
     * them now (the story keeps their buffers for the next article, but
     * a long article's windows': peak memory is the texts and claims plus
     * one window's tokens); and the window's claims share their frames
     * from here on (no extractor writes a frame of an earlier window). */
    claims__segment_release(&s->alloc, art, &s->seg);
    if (st == CLAIMS_OK && !claims__frames_seal(s))
        st = CLAIMS_ERR_NOMEM;
    return st;
}

/* A title given apart is read first, as a text file's first line: the
 * article's text is its whole block while it is read. */
static void open_article(claims__article *art)
{
    art->text = art->block;
    art->len += art->prefix;
}

static void close_article(claims_story *s, size_t ai, size_t first, size_t end)
{
    claims__article *art = &s->articles[ai];
    art->win_start = art->win_end = 0;
    art->text = art->block + art->prefix;
    art->len -= art->prefix;
    if (art->prefix)
        split_title_claims(s, ai, first, end);
}

/* Reads article ai alone, a window at a time. */
static claims_status check_alone(claims_story *s, size_t ai)
{
    claims__article *art = &s->articles[ai];
    open_article(art);
    size_t first = s->nclaims;
    claims_status st;
    size_t from = 0;
    do {
        art->win_start = from;
        art->win_end = from = window_end(art->text, from, art->len);
        st = check_window(s, ai);
    } while (st == CLAIMS_OK && from < art->len);
    close_article(s, ai, first, s->nclaims);
    return st;
}

/* Puts the claims [base, nclaims) of a batch of n articles in article
 * order, each article's in the order they were made, with their kinds
 * beside them. They were made in np passes over the n articles (an
 * extractor each, or a group already in order): end[p * n + k] is where
 * the claims of pass p on article k end, the next piece's start. first[k]
 * is where article k's claims begin once grouped, first[n] = nclaims. */
static inline size_t piece_start(size_t n, size_t base, const size_t *end, size_t p, size_t k)
{
    return p * n + k ? end[p * n + k - 1] : base;
}

static bool group_claims(claims_story *s, size_t n, size_t base, size_t np, const size_t *end,
                         size_t *first)
{
    size_t m = s->nclaims - base, at = base;
    bool in_order = true;
    for (size_t k = 0; k < n; k++) {
        first[k] = at;
        for (size_t p = 0; p < np; p++) {
            size_t from = piece_start(n, base, end, p, k);
            in_order &= from == at;
            at += end[p * n + k] - from;
        }
    }
    first[n] = at;
    if (in_order)
        return true;
    /* (a batch makes some hundred claims: most fit on the stack) */
    enum { LOCAL = 512 };
    claims_claim *local[LOCAL];
    uint8_t local_kinds[LOCAL];
    claims_claim **tmp = m <= LOCAL ? local : claims__malloc(&s->alloc, m * (sizeof *tmp + 1));
    if (!tmp)
        return false;
    uint8_t *kinds = m <= LOCAL ? local_kinds : (uint8_t *)(tmp + m);
    at = 0;
    for (size_t k = 0; k < n; k++) {
        for (size_t p = 0; p < np; p++) {
            size_t from = piece_start(n, base, end, p, k), len = end[p * n + k] - from;
            memcpy(tmp + at, s->claims + from, len * sizeof *tmp);
            memcpy(kinds + at, s->claim_kinds + from, len);
            at += len;
        }
    }
    memcpy(s->claims + base, tmp, m * sizeof *tmp);
    memcpy(s->claim_kinds + base, kinds, m);
    if (tmp != local)
        claims__free(&s->alloc, tmp);
    return true;
}

/* Reads the n articles from a0, each of one window, together: each
 * extractor in turn over all of them, so that its code is read into the
 * instruction cache once for the n (the extractors together are several
 * times its size, and one article at a time each evicted the others).
 * Their claims come out as the articles one at a time make them:
 * grouped by article, each article's in the order they were made. */
static claims_status check_batch(claims_story *s, size_t a0, size_t n, size_t *failed)
{
    size_t first[CLAIMS__BATCH_ARTICLES + 1];
    /* end[p * n + k]: where the claims of pass p on article k end */
    size_t end[2 * CLAIMS__BATCH_ARTICLES] = {0};
    size_t base = s->nclaims, nseg = 0, k = 0;
    if (n > 1 && !s->seg_more) {
        size_t bytes = (CLAIMS__BATCH_ARTICLES - 1) * sizeof *s->seg_more;
        if (!(s->seg_more = claims__malloc(&s->alloc, bytes))) {
            *failed = a0;
            return CLAIMS_ERR_NOMEM;
        }
        memset(s->seg_more, 0, bytes);
    }
    claims_status st = CLAIMS_OK;
    for (size_t j = 0; j < n; j++)
        open_article(&s->articles[a0 + j]);
    for (; nseg < n && st == CLAIMS_OK; nseg++) {
        claims__article *art = &s->articles[a0 + nseg];
        art->win_start = 0;
        art->win_end = art->len;
        st = claims__segment_into(&s->alloc, s->lex, art, scratch(s, nseg));
        k = nseg;
    }
    if (st == CLAIMS_OK)
        for (k = 0; k < n && (st = claims__extract_time(s, a0 + k)) == CLAIMS_OK; k++)
            end[k] = s->nclaims;
    if (st == CLAIMS_OK)
        for (k = 0; k < n && (st = claims__extract_quantities(s, a0 + k)) == CLAIMS_OK; k++)
            end[n + k] = s->nclaims;
    if (st == CLAIMS_OK && !group_claims(s, n, base, 2, end, first)) {
        st = CLAIMS_ERR_NOMEM;
        k = 0;
    }
    if (st == CLAIMS_OK)
        for (k = 0; k < n; k++)
            if ((st = claims__extract_context(s, a0 + k, first[k], first[k + 1])) != CLAIMS_OK)
                break;
    /* the claims so far are in order, a piece an article: then speech's */
    if (st == CLAIMS_OK)
        for (k = 0; k < n && (st = claims__extract_speech(s, a0 + k)) == CLAIMS_OK; k++) {
            end[k] = first[k + 1];
            end[n + k] = s->nclaims;
        }
    if (st == CLAIMS_OK && !group_claims(s, n, base, 2, end, first)) {
        st = CLAIMS_ERR_NOMEM;
        k = 0;
    }
    for (size_t j = 0; j < nseg; j++)
        claims__segment_release(&s->alloc, &s->articles[a0 + j], scratch(s, j));
    if (st == CLAIMS_OK && !claims__frames_seal(s)) {
        st = CLAIMS_ERR_NOMEM;
        k = 0;
    }
    for (size_t j = 0; j < n; j++)
        close_article(s, a0 + j, st == CLAIMS_OK ? first[j] : s->nclaims,
                      st == CLAIMS_OK ? first[j + 1] : s->nclaims);
    if (st != CLAIMS_OK)
        *failed = a0 + k;
    return st;
}

/* The texts a batch holds at most together: the batch's tokens stay in
 * the processor's caches (about 40 bytes a byte of text). */
enum { CLAIMS__BATCH_BYTES = 32 * 1024 };

claims_status claims__check_articles(claims_story *s, size_t from, size_t to, size_t *failed)
{
    size_t ai = from;
    while (ai < to) {
        size_t n = 0, bytes = 0;
        while (ai + n < to && n < CLAIMS__BATCH_ARTICLES) {
            const claims__article *art = &s->articles[ai + n];
            size_t len = art->len + art->prefix;
            if (n && bytes + len > CLAIMS__BATCH_BYTES)
                break;
            if (len > CLAIMS__BATCH_BYTES) /* read alone (a window at a time) */
                break;
            bytes += len;
            n++;
        }
        claims_status st;
        if (!n) {
            if ((st = check_alone(s, ai)) != CLAIMS_OK)
                *failed = ai;
            n = 1;
        } else {
            st = check_batch(s, ai, n, failed);
        }
        if (st != CLAIMS_OK)
            return st;
        ai += n;
    }
    return CLAIMS_OK;
}

claims_status claims__check_finish(claims_story *s)
{
    /* no window is read after the articles' */
    free_scratches(s);
    claims_status st = claims__resolve_story(s);
    if (st == CLAIMS_OK)
        st = claims__resolve_events(s);
    /* the claims' kinds side by side are the resolvers' (store.c) */
    claims__free(&s->alloc, s->claim_kinds);
    s->claim_kinds = NULL;
    s->cap_claim_kinds = 0;
    if (st != CLAIMS_OK)
        return st;
    /* no claim comes after the articles' */
    claims__shrink(&s->alloc, (void **)&s->claims, &s->cap_claims, s->nclaims, sizeof *s->claims);
    sort_claims(s);
    st = s->compare ? claims__compare(s) : CLAIMS_OK;
    /* the claims' ids are made from their indexes, once the comparison's
       scratch is freed (claims__claim_id) */
    if (st == CLAIMS_OK && !claims__claim_ids(s))
        st = CLAIMS_ERR_NOMEM;
    if (st != CLAIMS_OK) {
        s->nfindings = 0;
        return st;
    }
    for (size_t i = 0; i < s->nfindings; i++)
        write_id(s->findings[i].id, 'f', i + 1);
    return CLAIMS_OK;
}

/* After a failed check the story holds what it held before: no claims,
 * no findings, no dates taken from datelines (claims.h promises it). The
 * strings already made stay in the arena until the story is freed. */
static void drop_results(claims_story *s)
{
    s->nclaims = 0;
    s->ndraft_claims = 0;
    s->nfindings = 0;
    for (size_t i = 0; i < s->narticles; i++) {
        claims__article *a = &s->articles[i];
        if (!a->published_given) {
            memset(&a->published, 0, sizeof a->published);
            a->published_iso[0] = 0;
        }
    }
}

claims_status claims_story_check(claims_story *s, claims_error *err)
{
    if (!s)
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, NULL, 0, 0);
    if (s->checked)
        return fail(err, CLAIMS_ERR_STATE, NULL, 0, 0);
    s->checked = true;
    /* no article comes after a check */
    claims__shrink(&s->alloc, (void **)&s->articles, &s->cap_articles, s->narticles,
                   sizeof *s->articles);
    size_t failed = 0;
    claims_status st = claims__check_articles(s, 0, s->narticles, &failed);
    if (st != CLAIMS_OK) {
        drop_results(s);
        return fail(err, st, s->articles[failed].id, 0, 0);
    }
    st = claims__check_finish(s);
    if (st != CLAIMS_OK) {
        drop_results(s);
        return fail(err, st, NULL, 0, 0);
    }
    return CLAIMS_OK;
}

/* ------------------------------------------------------------ read-back */

size_t claims_story_article_count(const claims_story *s)
{
    return s ? s->narticles : 0;
}

const char *claims_story_article_id(const claims_story *s, size_t i)
{
    return s && i < s->narticles ? s->articles[i].id : NULL;
}

const char *claims_story_article_title(const claims_story *s, size_t i)
{
    return s && i < s->narticles ? s->articles[i].title : NULL;
}

const char *claims_story_article_published(const claims_story *s, size_t i)
{
    if (!s || i >= s->narticles || !s->articles[i].published_iso[0])
        return NULL;
    return s->articles[i].published_iso;
}

size_t claims_story_article_bytes(const claims_story *s, size_t i)
{
    return s && i < s->narticles ? s->articles[i].len : 0;
}

size_t claims_story_rejected_count(const claims_story *s)
{
    return s ? s->nrejected : 0;
}

const char *claims_story_rejected_id(const claims_story *s, size_t i)
{
    return s && i < s->nrejected ? s->rejected[i].id : NULL;
}

claims_status claims_story_rejected_code(const claims_story *s, size_t i)
{
    return s && i < s->nrejected ? s->rejected[i].code : CLAIMS_ERR_INVALID_ARGUMENT;
}

const char *claims_story_rejected_message(const claims_story *s, size_t i)
{
    return s && i < s->nrejected ? s->rejected[i].message : NULL;
}

long long claims_story_rejected_offset(const claims_story *s, size_t i)
{
    return s && i < s->nrejected ? s->rejected[i].offset : -1;
}

size_t claims_story_claim_count(const claims_story *s)
{
    return s && s->checked ? s->nclaims : 0;
}

const claims_claim *claims_story_claim(const claims_story *s, size_t i)
{
    return s && s->checked && i < s->nclaims ? s->claims[i] : NULL;
}

const char *claims_claim_id(const claims_claim *c)
{
    return c ? claims__claim_id(c) : NULL;
}

size_t claims_claim_article(const claims_claim *c)
{
    return c ? c->article : 0;
}

claims_kind claims_claim_kind(const claims_claim *c)
{
    return c ? c->kind : CLAIMS_KIND_COUNT;
}

const char *claims_claim_key(const claims_claim *c)
{
    return c ? c->frame->key : NULL;
}

int claims_claim_value(const claims_claim *c, double *value)
{
    if (!c || !c->has_value)
        return 0;
    if (value)
        *value = c->value;
    return 1;
}

int claims_claim_low(const claims_claim *c, double *low)
{
    if (!c || !c->frame->has_low)
        return 0;
    if (low)
        *low = c->frame->low;
    return 1;
}

int claims_claim_high(const claims_claim *c, double *high)
{
    if (!c || !c->frame->has_high)
        return 0;
    if (high)
        *high = c->frame->high;
    return 1;
}

const char *claims_claim_unit(const claims_claim *c)
{
    return c ? claims__cstr(c, c->frame->unit) : NULL;
}

const char *claims_claim_string_value(const claims_claim *c)
{
    return c ? c->str_value : NULL;
}

claims_within claims_claim_within(const claims_claim *c)
{
    return c && (c->flags & CLAIMS__CF_IN_TITLE) ? CLAIMS_WITHIN_TITLE : CLAIMS_WITHIN_TEXT;
}

const char *claims_claim_text(const claims_claim *c, size_t *len)
{
    if (!c) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = c->end - c->start;
    return claims__claim_base(c) + c->start;
}

void claims_claim_span(const claims_claim *c, size_t *start, size_t *end)
{
    if (start)
        *start = c ? c->start : 0;
    if (end)
        *end = c ? c->end : 0;
}

void claims_claim_sentence_span(const claims_claim *c, size_t *start, size_t *end)
{
    if (start)
        *start = c ? c->sent_start : 0;
    if (end)
        *end = c ? c->sent_end : 0;
}

const char *claims_claim_speaker(const claims_claim *c)
{
    return c ? claims__cstr(c, c->speaker) : NULL;
}

size_t claims_story_finding_count(const claims_story *s)
{
    return s && s->checked ? s->nfindings : 0;
}

const claims_finding *claims_story_finding(const claims_story *s, size_t i)
{
    return s && s->checked && i < s->nfindings ? &s->findings[i] : NULL;
}

const char *claims_finding_id(const claims_finding *f)
{
    return f ? f->id : NULL;
}

claims_finding_type claims_finding_type_of(const claims_finding *f)
{
    return f ? f->type : CLAIMS_FINDING_AGREEMENT;
}

const char *claims_finding_key(const claims_finding *f)
{
    return f ? f->key : NULL;
}

double claims_finding_confidence(const claims_finding *f)
{
    return f ? f->confidence : 0;
}

const char *claims_finding_summary(const claims_finding *f)
{
    return f ? f->summary : NULL;
}

size_t claims_finding_claim_count(const claims_finding *f)
{
    return f ? f->nclaims : 0;
}

size_t claims_finding_claim(const claims_finding *f, size_t j)
{
    return f && j < f->nclaims ? f->claims[j] : 0;
}

size_t claims_story_failure_count(const claims_story *s)
{
    size_t n = 0;
    if (!s || !s->checked)
        return 0;
    for (size_t i = 0; i < s->nfindings; i++)
        if (claims__finding_fails(s, &s->findings[i]))
            n++;
    return n;
}

/* ------------------------------------------------------------ report buffers
 * A report buffer carries the allocator that made it just before its
 * bytes, so claims_report_free() needs no story. */

typedef struct report_head {
    claims_allocator alloc;
} report_head;

typedef struct report_sink {
    const claims_allocator *alloc;
    char *block; /* report_head, then the bytes */
    size_t len, cap;
    bool nomem;
} report_sink;

static int sink_write(void *ud, const char *data, size_t n)
{
    report_sink *k = ud;
    size_t need = sizeof(report_head) + k->len + n + 1;
    if (need < k->len || need > SIZE_MAX / 2) {
        k->nomem = true;
        return 1;
    }
    if (need > k->cap) {
        size_t cap = k->cap ? k->cap : 4096;
        while (cap < need)
            cap *= 2;
        char *b = k->block ? claims__realloc(k->alloc, k->block, cap)
                           : claims__malloc(k->alloc, cap);
        if (!b) {
            k->nomem = true;
            return 1;
        }
        k->block = b;
        k->cap = cap;
    }
    memcpy(k->block + sizeof(report_head) + k->len, data, n);
    k->len += n;
    return 0;
}

claims_status claims_story_report_alloc(const claims_story *s, claims_format format,
                                        char **out, size_t *len, claims_error *err)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!s || !out)
        return fail(err, CLAIMS_ERR_INVALID_ARGUMENT, NULL, 0, 0);
    report_sink k = {&s->alloc, NULL, 0, 0, false};
    claims_status st = claims_story_write_report(s, format, sink_write, &k, err);
    if (st == CLAIMS_OK && !k.block)
        st = sink_write(&k, "", 0) ? CLAIMS_ERR_NOMEM : CLAIMS_OK;
    if (st != CLAIMS_OK || k.nomem) {
        claims__free(&s->alloc, k.block);
        return fail(err, k.nomem ? CLAIMS_ERR_NOMEM : st, NULL, 0, 0);
    }
    report_head head = {s->alloc};
    memcpy(k.block, &head, sizeof head);
    char *text = k.block + sizeof(report_head);
    text[k.len] = 0;
    *out = text;
    if (len)
        *len = k.len;
    return CLAIMS_OK;
}

void claims_report_free(char *report)
{
    if (!report)
        return;
    char *block = report - sizeof(report_head);
    report_head head;
    memcpy(&head, block, sizeof head);
    head.alloc.free_fn(block, head.alloc.user_data);
}
