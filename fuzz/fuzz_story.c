/*
 * fuzz_story.c - libFuzzer target over the whole public pipeline.
 *
 * Input layout (every byte string is a valid input):
 *   byte 0        option bits (see OPT_* below)
 *   byte 1        a parameter: day of the published date, allocation
 *                 budget, write budget, minimum confidence
 *   rest          chunks separated by 0x1E (record separator). When
 *                 OPT_LEXICON is set the first chunk is lexicon text given
 *                 to claims_story_add_lexicon(); every other chunk is an
 *                 article. A chunk that starts with 0x1F has a title: the
 *                 bytes up to the next 0x1F (a title with bad UTF-8 is a
 *                 caller error the API must refuse cleanly).
 *
 * For each input: a story is built (optionally with an allocator that
 * fails after a budget of allocations), the articles are added, the story
 * is checked, every claim and finding is read back, and every report
 * format is written to a discarding callback (optionally one that fails
 * after a budget of bytes). The JSON report is written twice and must be
 * byte-identical (determinism), and must be valid JSON (a strict checker
 * below), whatever the input.
 *
 * Built as a libFuzzer target with -Dfuzzing=true, and always linked into
 * fuzz/replay.c, which replays fuzz/corpus/ as an ordinary meson test.
 */
#include <claims.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

enum {
    OPT_FAIL_ON_MASK = 0x03, /* CLAIMS_OPT_FAIL_ON = bits % 3 */
    OPT_PUBLISHED = 0x04,    /* give every article a published date */
    OPT_MIN_CONF = 0x08,     /* CLAIMS_OPT_MIN_CONFIDENCE = param % 101 */
    OPT_LEXICON = 0x10,      /* the first chunk is lexicon text */
    OPT_DUP_IDS = 0x20,      /* ids repeat: a0 a0 a1 a1 ... */
    OPT_FAIL_WRITE = 0x40,   /* the write callback fails after param*16 bytes */
    OPT_FAIL_ALLOC = 0x80    /* the allocator fails after param*4 allocations */
};

#define CHUNK_SEP 0x1E
#define TITLE_MARK 0x1F
#define MAX_ARTICLES 64

/* ---------------------------------------------------------- allocator */

typedef struct budget_alloc {
    long long left; /* allocations still allowed; < 0: unlimited */
    size_t live;    /* blocks handed out and not yet freed */
} budget_alloc;

static void *b_malloc(size_t n, void *ud)
{
    budget_alloc *b = ud;
    if (b->left == 0)
        return NULL;
    if (b->left > 0)
        b->left--;
    void *p = malloc(n ? n : 1);
    if (p)
        b->live++;
    return p;
}

static void *b_realloc(void *p, size_t n, void *ud)
{
    budget_alloc *b = ud;
    if (b->left == 0)
        return NULL;
    if (b->left > 0)
        b->left--;
    void *q = realloc(p, n ? n : 1);
    if (q && !p)
        b->live++;
    return q;
}

static void b_free(void *p, void *ud)
{
    budget_alloc *b = ud;
    if (!p) {
        /* claims.h promises free_fn never receives NULL. */
        abort();
    }
    b->live--;
    free(p);
}

/* ------------------------------------------------------------- writers */

typedef struct sink {
    long long left; /* bytes accepted before failing; < 0: unlimited */
    size_t total;
    uint32_t hash;
} sink;

static int sink_write(void *ud, const char *data, size_t len)
{
    sink *k = ud;
    if (len && !data)
        abort(); /* the library must never pass NULL with a length */
    for (size_t i = 0; i < len; i++)
        k->hash = (k->hash ^ (unsigned char)data[i]) * 16777619u;
    k->total += len;
    if (k->left >= 0) {
        if ((long long)len > k->left)
            return 1;
        k->left -= (long long)len;
    }
    return 0;
}

/* ------------------------------------------------------------- checks */

static int is_valid_status(claims_status st)
{
    return st >= CLAIMS_OK && st <= CLAIMS_ERR_INVALID_ID;
}

/* Reads back everything the API exposes and checks the invariants the
 * header promises; any violation aborts so libFuzzer records a crash. */
static void read_back(const claims_story *s)
{
    size_t na = claims_story_article_count(s);
    for (size_t i = 0; i < na; i++) {
        const char *id = claims_story_article_id(s, i);
        if (!id || !*id)
            abort();
        const char *pub = claims_story_article_published(s, i);
        if (pub && strlen(pub) != 10)
            abort();
        (void)claims_story_article_title(s, i);
        (void)claims_story_article_bytes(s, i);
    }
    if (claims_story_article_id(s, na) != NULL)
        abort();
    for (size_t i = 0; i < claims_story_rejected_count(s); i++) {
        if (!claims_story_rejected_id(s, i) || !claims_story_rejected_message(s, i))
            abort();
        if (!is_valid_status(claims_story_rejected_code(s, i)))
            abort();
        (void)claims_story_rejected_offset(s, i);
    }
    size_t nc = claims_story_claim_count(s);
    for (size_t i = 0; i < nc; i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (!c || !claims_claim_id(c) || !claims_claim_key(c))
            abort();
        size_t ai = claims_claim_article(c);
        if (ai >= na)
            abort();
        size_t bytes = claims_story_article_bytes(s, ai);
        size_t start, end, ss, se, len;
        claims_claim_span(c, &start, &end);
        claims_claim_sentence_span(c, &ss, &se);
        if (start > end || end > bytes || ss > se || se > bytes)
            abort();
        const char *t = claims_claim_text(c, &len);
        if (len != end - start || (len && !t))
            abort();
        /* Touch the bytes so ASan sees an out-of-bounds span. */
        volatile unsigned char sum = 0;
        for (size_t k = 0; k < len; k++)
            sum = (unsigned char)(sum + (unsigned char)t[k]);
        (void)sum;
        double v;
        (void)claims_claim_value(c, &v);
        (void)claims_claim_low(c, &v);
        (void)claims_claim_high(c, &v);
        const char *u = claims_claim_unit(c);
        const char *sv = claims_claim_string_value(c);
        const char *sp = claims_claim_speaker(c);
        if ((u && strlen(u) > (1u << 20)) || (sv && strlen(sv) > (1u << 30)) ||
            (sp && strlen(sp) > (1u << 30)))
            abort();
        if (strcmp(claims_kind_name(claims_claim_kind(c)), "unknown") == 0)
            abort();
    }
    if (claims_story_claim(s, nc) != NULL)
        abort();
    size_t nf = claims_story_finding_count(s);
    for (size_t i = 0; i < nf; i++) {
        const claims_finding *f = claims_story_finding(s, i);
        if (!f || !claims_finding_id(f) || !claims_finding_summary(f))
            abort();
        double conf = claims_finding_confidence(f);
        if (!(conf >= 0.0 && conf <= 1.0))
            abort();
        if (strcmp(claims_finding_type_name(claims_finding_type_of(f)), "unknown") == 0)
            abort();
        (void)claims_finding_key(f);
        for (size_t j = 0; j < claims_finding_claim_count(f); j++)
            if (claims_finding_claim(f, j) >= nc)
                abort();
    }
    if (claims_story_failure_count(s) > nf)
        abort();
}


/* ------------------------------------------------------ JSON validity */

/* A strict RFC 8259 checker for the JSON report: any byte sequence the
 * writer emits must parse, whatever the input was. */
typedef struct jcur {
    const unsigned char *p, *end;
    int depth;
} jcur;

static void j_ws(jcur *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

static int j_value(jcur *j);

static int j_lit(jcur *j, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
        return 0;
    j->p += n;
    return 1;
}

static int j_string(jcur *j)
{
    if (j->p >= j->end || *j->p != '"')
        return 0;
    j->p++;
    while (j->p < j->end) {
        unsigned c = *j->p++;
        if (c == '"')
            return 1;
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (j->p >= j->end)
                return 0;
            c = *j->p++;
            if (c == 'u') {
                for (int k = 0; k < 4; k++) {
                    if (j->p >= j->end)
                        return 0;
                    unsigned h = *j->p++;
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                          (h >= 'A' && h <= 'F')))
                        return 0;
                }
            } else if (!strchr("\"\\/bfnrt", (int)c) || c == 0) {
                return 0;
            }
        }
    }
    return 0;
}

static int j_digits(jcur *j)
{
    const unsigned char *s = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    return j->p > s;
}

static int j_number(jcur *j)
{
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p < j->end && *j->p == '0')
        j->p++;
    else if (!j_digits(j))
        return 0;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (!j_digits(j))
            return 0;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (!j_digits(j))
            return 0;
    }
    return 1;
}

static int j_value(jcur *j)
{
    j_ws(j);
    if (j->p >= j->end || ++j->depth > 64)
        return 0;
    int ok = 0;
    unsigned c = *j->p;
    if (c == '{' || c == '[') {
        unsigned close = c == '{' ? '}' : ']';
        j->p++;
        j_ws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            ok = 1;
        } else {
            for (;;) {
                if (c == '{') {
                    j_ws(j);
                    if (!j_string(j))
                        break;
                    j_ws(j);
                    if (j->p >= j->end || *j->p != ':')
                        break;
                    j->p++;
                }
                if (!j_value(j))
                    break;
                j_ws(j);
                if (j->p < j->end && *j->p == ',') {
                    j->p++;
                    continue;
                }
                if (j->p < j->end && *j->p == close) {
                    j->p++;
                    ok = 1;
                }
                break;
            }
        }
    } else if (c == '"') {
        ok = j_string(j);
    } else if (c == 't') {
        ok = j_lit(j, "true");
    } else if (c == 'f') {
        ok = j_lit(j, "false");
    } else if (c == 'n') {
        ok = j_lit(j, "null");
    } else {
        ok = j_number(j);
    }
    j->depth--;
    return ok;
}

typedef struct membuf {
    unsigned char *data;
    size_t len, cap;
} membuf;

static int mem_write(void *ud, const char *data, size_t len)
{
    membuf *m = ud;
    if (m->len + len > m->cap) {
        size_t cap = m->cap ? m->cap : 4096;
        while (cap < m->len + len)
            cap *= 2;
        unsigned char *d = realloc(m->data, cap);
        if (!d)
            abort();
        m->data = d;
        m->cap = cap;
    }
    if (len)
        memcpy(m->data + m->len, data, len);
    m->len += len;
    return 0;
}

static void check_json_report(const claims_story *s)
{
    membuf m = {NULL, 0, 0};
    claims_status st = claims_story_write_report(s, CLAIMS_FORMAT_JSON, mem_write, &m, NULL);
    if (st == CLAIMS_OK) {
        jcur j = {m.data, m.data + m.len, 0};
        if (!j_value(&j)) {
            fprintf(stderr, "invalid JSON report near byte %zu: %.60s\n",
                    (size_t)(j.p - m.data), (const char *)j.p);
            abort();
        }
        j_ws(&j);
        if (j.p != j.end)
            abort(); /* trailing bytes after the report */
    } else if (st != CLAIMS_ERR_NOMEM) {
        abort();
    }
    free(m.data);
}

static void write_reports(const claims_story *s, long long write_budget)
{
    static const claims_format formats[] = {CLAIMS_FORMAT_TEXT,     CLAIMS_FORMAT_JSON,
                                            CLAIMS_FORMAT_MARKDOWN, CLAIMS_FORMAT_HTML,
                                            CLAIMS_FORMAT_TAP,      CLAIMS_FORMAT_JUNIT};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        sink k = {write_budget, 0, 2166136261u};
        claims_error err;
        claims_status st = claims_story_write_report(s, formats[i], sink_write, &k, &err);
        if (st != CLAIMS_OK && st != CLAIMS_ERR_IO && st != CLAIMS_ERR_NOMEM)
            abort();
        if (st == CLAIMS_ERR_IO && write_budget < 0)
            abort(); /* the sink never failed */
    }
    /* Determinism: the same story gives the same bytes. */
    sink a = {-1, 0, 2166136261u}, b = {-1, 0, 2166136261u};
    claims_status sa = claims_story_write_report(s, CLAIMS_FORMAT_JSON, sink_write, &a, NULL);
    claims_status sb = claims_story_write_report(s, CLAIMS_FORMAT_JSON, sink_write, &b, NULL);
    if (sa == CLAIMS_OK && sb == CLAIMS_OK && (a.total != b.total || a.hash != b.hash))
        abort();
#ifndef FUZZ_NO_JSON_CHECK /* only to explore past a known, unfixed bug */
    check_json_report(s);
#endif
    /* The same report as one allocated buffer. */
    char *buf = NULL;
    size_t len = 0;
    claims_status sc = claims_story_report_alloc(s, CLAIMS_FORMAT_JSON, &buf, &len, NULL);
    if (sc == CLAIMS_OK) {
        sink c = {-1, 0, 2166136261u};
        sink_write(&c, buf, len);
        if (sa == CLAIMS_OK && (buf[len] != 0 || c.total != a.total || c.hash != a.hash))
            abort();
    } else if (sc != CLAIMS_ERR_NOMEM || buf != NULL) {
        abort();
    }
    claims_report_free(buf);
    /* A bad format is refused, not crashed on. */
    if (claims_story_write_report(s, (claims_format)99, sink_write, &a, NULL) == CLAIMS_OK)
        abort();
}

/* ------------------------------------------------------------- driver */

static char *dup_bytes(const uint8_t *p, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        abort();
    if (n)
        memcpy(d, p, n);
    d[n] = 0;
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const unsigned opts = data[0], param = data[1];
    data += 2;
    size -= 2;

    budget_alloc ba = {(opts & OPT_FAIL_ALLOC) ? (long long)param * 4 : -1, 0};
    claims_allocator alloc = {b_malloc, b_realloc, b_free, &ba};
    claims_story *s = NULL;
    claims_status st = claims_story_new(&alloc, &s);
    if (st != CLAIMS_OK) {
        if (st != CLAIMS_ERR_NOMEM || s != NULL || ba.live != 0)
            abort();
        return 0;
    }
    (void)claims_story_set_option(s, CLAIMS_OPT_FAIL_ON, (int)(opts & OPT_FAIL_ON_MASK) % 3);
    if (opts & OPT_MIN_CONF)
        (void)claims_story_set_option(s, CLAIMS_OPT_MIN_CONFIDENCE, (int)(param % 101));
    (void)claims_story_set_option(s, CLAIMS_OPT_COLOR, (int)(param & 1));

    char published[16];
    snprintf(published, sizeof published, "2011-03-%02u", 1 + param % 31);

    size_t pos = 0, chunk = 0, narticles = 0;
    int nomem = 0;
    while (pos <= size && narticles < MAX_ARTICLES && !nomem) {
        size_t end = pos;
        while (end < size && data[end] != CHUNK_SEP)
            end++;
        const uint8_t *p = data + pos;
        size_t n = end - pos;
        if (chunk == 0 && (opts & OPT_LEXICON)) {
            claims_error err;
            st = claims_story_add_lexicon(s, (const char *)p, n, &err);
            if (st == CLAIMS_ERR_NOMEM)
                nomem = 1;
            else if (st != CLAIMS_OK && st != CLAIMS_ERR_LEXICON)
                abort();
            if (st == CLAIMS_ERR_LEXICON && (!err.has_offset || err.offset > n))
                abort();
        } else {
            char *title = NULL;
            if (n && p[0] == TITLE_MARK) {
                size_t t = 1;
                while (t < n && p[t] != TITLE_MARK)
                    t++;
                title = dup_bytes(p + 1, t - 1);
                if (memchr(title, 0, t - 1)) {
                    free(title);
                    title = NULL;
                }
                if (t < n)
                    t++;
                p += t;
                n -= t;
            }
            char id[32];
            snprintf(id, sizeof id, "a%zu", (opts & OPT_DUP_IDS) ? narticles / 2 : narticles);
            /* A copy of exactly n bytes: ASan catches any read past it. */
            char *text = malloc(n ? n : 1);
            if (!text)
                abort();
            if (n)
                memcpy(text, p, n);
            claims_error err;
            memset(&err, 0, sizeof err);
            if (!title && narticles % 2 == 1) {
                /* Every other untitled chunk as a plain-text file, with the
                 * CLI's rules (title line, BOM); "dir/a1.txt" gives id a1. */
                char name[48];
                snprintf(name, sizeof name, "dir/%s.txt", id);
                st = claims_story_add_file(s, name, text, n, &err);
            } else {
                st = claims_story_add_article(s, id, title,
                                              (opts & OPT_PUBLISHED) ? published : NULL, text,
                                              n, &err);
            }
            free(text);
            free(title);
            if (st == CLAIMS_ERR_NOMEM)
                nomem = 1;
            else if (!is_valid_status(st))
                abort();
            if ((st == CLAIMS_ERR_INVALID_UTF8 || st == CLAIMS_ERR_NUL_BYTE) &&
                (!err.has_offset || err.offset >= n))
                abort();
            narticles++;
        }
        chunk++;
        pos = end + 1;
    }

    if (!nomem) {
        claims_error err;
        st = claims_story_check(s, &err);
        if (st == CLAIMS_OK) {
            read_back(s);
            write_reports(s, (opts & OPT_FAIL_WRITE) ? (long long)param * 16 : -1);
            /* A second check is refused. */
            if (claims_story_check(s, NULL) != CLAIMS_ERR_STATE)
                abort();
        } else if (st != CLAIMS_ERR_NOMEM) {
            abort();
        }
    }
    claims_story_free(s);
    if (ba.live != 0)
        abort(); /* the story leaked blocks through its allocator */
    return 0;
}
