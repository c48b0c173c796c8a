/*
 * bench.c - speed and memory of libclaims on synthetic news text.
 *
 * usage: bench [--quick | --extract-only] CORPUS
 *   CORPUS   articles separated by a line holding only 0x1E, as written by
 *            `bench/gen_story.py --format plain` (meson generates one).
 *   --quick  tiny sizes and one run each (a smoke test, not a measurement)
 *   --extract-only  only the extraction throughput on the whole corpus
 *            (bench/compare_compromise.sh uses it)
 *
 * Reports (medians; nothing here asserts on time):
 *  1. extraction throughput: segmentation plus the three extractors, on
 *     many articles and on one big article, in MB/s and words/s;
 *  2. stories of 1,000, 10,000 and 100,000 articles: time to add the
 *     articles, to extract, and to compare (speaker resolution, claim
 *     ordering, claims__compare), plus the whole claims_story_check();
 *  3. peak memory held by the library (a counting claims_allocator), as a
 *     multiple of the input bytes, and the process's peak RSS.
 *
 * Extraction and comparison are timed apart by running the steps of
 * claims_story_check() (story.c) one by one through the internal API;
 * mirror_check() below must follow story.c. A self-check compares its
 * claim and finding counts with claims_story_check() on the same story.
 */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* ------------------------------------------------------------ corpus */

typedef struct corpus {
    char *data;
    size_t len;
    const char **text;
    size_t *tlen;
    size_t n;
} corpus;

static int load_corpus(const char *path, corpus *c)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "bench: cannot open %s\n", path);
        return -1;
    }
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    if (sz <= 0) {
        fclose(fp);
        fprintf(stderr, "bench: %s is empty\n", path);
        return -1;
    }
    c->data = malloc((size_t)sz + 1);
    if (!c->data || fread(c->data, 1, (size_t)sz, fp) != (size_t)sz) {
        fclose(fp);
        fprintf(stderr, "bench: cannot read %s\n", path);
        return -1;
    }
    fclose(fp);
    c->len = (size_t)sz;
    c->data[c->len] = 0;
    size_t cap = 1024;
    c->text = malloc(cap * sizeof *c->text);
    c->tlen = malloc(cap * sizeof *c->tlen);
    c->n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= c->len; i++) {
        bool sep = i == c->len || (c->data[i] == 0x1E && (i == 0 || c->data[i - 1] == '\n'));
        if (!sep)
            continue;
        if (i > start) {
            if (c->n == cap) {
                cap *= 2;
                c->text = realloc(c->text, cap * sizeof *c->text);
                c->tlen = realloc(c->tlen, cap * sizeof *c->tlen);
            }
            c->text[c->n] = c->data + start;
            c->tlen[c->n] = i - start;
            c->n++;
        }
        start = i + 1;
        if (start < c->len && c->data[start] == '\n')
            start++;
    }
    return c->n ? 0 : -1;
}

/* ----------------------------------------------------- allocator */

typedef struct counter {
    size_t cur, peak, calls;
} counter;

#define HDR 16 /* keeps the 16-byte alignment of malloc */

static void *cnt_malloc(size_t n, void *ud)
{
    counter *k = ud;
    unsigned char *p = malloc(n + HDR);
    if (!p)
        return NULL;
    memcpy(p, &n, sizeof n);
    k->cur += n;
    k->calls++;
    if (k->cur > k->peak)
        k->peak = k->cur;
    return p + HDR;
}

static void cnt_free(void *q, void *ud)
{
    counter *k = ud;
    unsigned char *p = (unsigned char *)q - HDR;
    size_t n;
    memcpy(&n, p, sizeof n);
    k->cur -= n;
    free(p);
}

static void *cnt_realloc(void *q, size_t n, void *ud)
{
    counter *k = ud;
    if (!q)
        return cnt_malloc(n, ud);
    unsigned char *p = (unsigned char *)q - HDR;
    size_t old;
    memcpy(&old, p, sizeof old);
    unsigned char *np = realloc(p, n + HDR);
    if (!np)
        return NULL;
    memcpy(np, &n, sizeof n);
    k->cur = k->cur - old + n;
    k->calls++;
    if (k->cur > k->peak)
        k->peak = k->cur;
    return np + HDR;
}

/* -------------------------------------------------------------- timing */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The process's CPU time: what one core spent, whatever else the machine
 * runs (the wall time of a run on a shared machine counts the time it
 * waited for a core). */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = claims__is_space((unsigned char)s[i]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ------------------------------------------------------- the pipeline */

static claims_story *new_story(counter *k)
{
    claims_allocator a = {cnt_malloc, cnt_realloc, cnt_free, k};
    claims_story *s = NULL;
    if (claims_story_new(&a, &s) != CLAIMS_OK) {
        fprintf(stderr, "bench: claims_story_new failed\n");
        exit(1);
    }
    return s;
}

static void add_articles(claims_story *s, const char *const *text, const size_t *len,
                         size_t n)
{
    char id[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "a%zu", i);
        claims_error err;
        claims_status st = claims_story_add_article(s, id, NULL, NULL, text[i], len[i], &err);
        if (st != CLAIMS_OK) {
            fprintf(stderr, "bench: article %zu rejected: %s at %zu\n", i, err.message,
                    err.offset);
            exit(1);
        }
    }
}

typedef struct phase_times {
    double segment, extract, compare;
    double segment_extract_cpu; /* CPU time of segment + extract */
} phase_times;

static void die_status(const char *what, claims_status st)
{
    fprintf(stderr, "bench: %s failed: %s\n", what, claims_status_message(st));
    exit(1);
}

/* claims_story_check() in its two phases (story.c), timed apart; the
 * segmentation alone is timed on a scratch pass over the same articles.
 * That pass segments each article whole, where the check reads a long
 * one a window at a time: with k (the story's counter), the peak is
 * taken again from after it, so it is the check's own. */
static void mirror_check(claims_story *s, phase_times *pt, counter *k)
{
    s->checked = true;
    double t0 = now();
    for (size_t ai = 0; ai < s->narticles; ai++) {
        claims_status st = claims__segment(&s->alloc, s->lex, &s->articles[ai]);
        if (st != CLAIMS_OK)
            die_status("segment", st);
        claims__article_drop_tokens(&s->alloc, &s->articles[ai]);
    }
    if (k)
        k->peak = k->cur;
    double t1 = now(), c1 = cpu_now();
    size_t failed;
    claims_status st = claims__check_articles(s, 0, s->narticles, &failed);
    if (st != CLAIMS_OK)
        die_status("extract", st);
    double t2 = now(), c2 = cpu_now();
    pt->segment_extract_cpu = c2 - c1;
    st = claims__check_finish(s);
    if (st != CLAIMS_OK)
        die_status("compare", st);
    double t3 = now();
    pt->segment = t1 - t0;
    pt->extract = t2 - t1 - pt->segment; /* so segment + extract = t2 - t1 */
    pt->compare = t3 - t2;
}

/* -------------------------------------------------------- benchmarks */

static int discard(void *ud, const char *data, size_t len)
{
    (void)data;
    *(size_t *)ud += len;
    return 0;
}

/* Checks that the mirrored pipeline finds what claims_story_check() does. */
static void self_check(const corpus *c, size_t n)
{
    counter k1 = {0, 0, 0}, k2 = {0, 0, 0};
    claims_story *a = new_story(&k1), *b = new_story(&k2);
    add_articles(a, c->text, c->tlen, n);
    add_articles(b, c->text, c->tlen, n);
    phase_times pt;
    mirror_check(a, &pt, NULL);
    if (claims_story_check(b, NULL) != CLAIMS_OK)
        die_status("claims_story_check", CLAIMS_ERR_STATE);
    size_t ja = 0, jb = 0;
    claims_story_write_report(a, CLAIMS_FORMAT_JSON, discard, &ja, NULL);
    claims_story_write_report(b, CLAIMS_FORMAT_JSON, discard, &jb, NULL);
    bool same = claims_story_claim_count(a) == claims_story_claim_count(b) &&
                claims_story_finding_count(a) == claims_story_finding_count(b) && ja == jb;
    printf("self-check on %zu articles: %zu claims, %zu findings, JSON %zu bytes: %s\n", n,
           claims_story_claim_count(b), claims_story_finding_count(b), jb,
           same ? "mirror agrees with claims_story_check()"
                : "MIRROR DIFFERS from claims_story_check(): update bench.c from story.c");
    claims_story_free(a);
    claims_story_free(b);
}

static void bench_extraction(const corpus *c, size_t want_bytes, int runs, bool one_article)
{
    /* The first articles up to want_bytes. */
    size_t n = 0, bytes = 0;
    while (n < c->n && bytes + c->tlen[n] <= want_bytes) {
        bytes += c->tlen[n];
        n++;
    }
    if (n == 0)
        return;
    const char **text = (const char **)c->text;
    size_t *len = c->tlen;
    char *big = NULL;
    size_t bigl = 0;
    if (one_article) {
        big = malloc(bytes + 2 * n + 1);
        for (size_t i = 0; i < n; i++) {
            memcpy(big + bigl, c->text[i], c->tlen[i]);
            bigl += c->tlen[i];
            big[bigl++] = '\n'; /* paragraphs stay paragraphs */
        }
        bytes = bigl;
        text = (const char **)&big;
        len = &bigl;
    }
    size_t words = 0, nart = one_article ? 1 : n;
    for (size_t i = 0; i < nart; i++)
        words += count_words(text[i], len[i]);
    double *tseg = malloc((size_t)runs * sizeof *tseg);
    double *tall = malloc((size_t)runs * sizeof *tall);
    double *tcpu = malloc((size_t)runs * sizeof *tcpu);
    size_t nclaims = 0, peak = 0;
    for (int r = 0; r < runs; r++) {
        counter k = {0, 0, 0};
        claims_story *s = new_story(&k);
        add_articles(s, text, len, nart);
        phase_times pt;
        mirror_check(s, &pt, &k);
        tseg[r] = pt.segment;
        tall[r] = pt.segment + pt.extract;
        tcpu[r] = pt.segment_extract_cpu;
        nclaims = s->nclaims;
        peak = k.peak;
        claims_story_free(s);
    }
    double ms = median(tseg, runs), ma = median(tall, runs), mc = median(tcpu, runs);
    double mb = (double)bytes / 1e6;
    printf("extraction, %s: %.1f MB (%zu words, %zu claims), median of %d\n",
           one_article ? "one article" : "many articles", mb, words, nclaims, runs);
    if (one_article)
        printf("  (the %zu articles joined into one text)\n", n);
    else
        printf("  (%zu articles)\n", n);
    printf("  segment only:          %8.3f s  %8.1f MB/s\n", ms, mb / ms);
    printf("  segment + extractors:  %8.3f s  %8.1f MB/s  %10.0f words/s"
           "   [the library alone, target >= 150 MB/s: %s]\n",
           ma, mb / ma, (double)words / ma, mb / ma >= 150 ? "met" : "MISSED");
    printf("    its CPU time:        %8.3f s  %8.1f MB/s  (what one core spent, steady on a"
           " shared machine)\n",
           mc, mb / mc);
    printf("  peak library memory:   %8.1f MB = %.2fx input\n", (double)peak / 1e6,
           (double)peak / (double)bytes);
    free(tseg);
    free(tall);
    free(tcpu);
    free(big);
}

static void bench_story(const corpus *c, size_t n, int runs)
{
    if (n > c->n) {
        printf("story of %zu articles: the corpus has only %zu, skipped\n", n, c->n);
        return;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += c->tlen[i];
    double *tadd = malloc((size_t)runs * sizeof(double));
    double *text = malloc((size_t)runs * sizeof(double));
    double *tcmp = malloc((size_t)runs * sizeof(double));
    double *tchk = malloc((size_t)runs * sizeof(double));
    size_t nclaims = 0, nfind = 0, peak = 0, calls = 0;
    for (int r = 0; r < runs; r++) {
        counter k = {0, 0, 0};
        claims_story *s = new_story(&k);
        double t0 = now();
        add_articles(s, c->text, c->tlen, n);
        tadd[r] = now() - t0;
        phase_times pt;
        mirror_check(s, &pt, &k);
        text[r] = pt.segment + pt.extract;
        tcmp[r] = pt.compare;
        nclaims = s->nclaims;
        nfind = s->nfindings;
        peak = k.peak;
        calls = k.calls;
        claims_story_free(s);
        /* The whole public call, for reference (skipped on the largest
         * story to keep the benchmark short). */
        tchk[r] = -1;
        if (n > 10000)
            continue;
        counter k2 = {0, 0, 0};
        s = new_story(&k2);
        add_articles(s, c->text, c->tlen, n);
        t0 = now();
        claims_status st = claims_story_check(s, NULL);
        tchk[r] = now() - t0;
        if (st != CLAIMS_OK)
            die_status("claims_story_check", st);
        claims_story_free(s);
    }
    double ma = median(tadd, runs), me = median(text, runs), mc = median(tcmp, runs),
           mk = median(tchk, runs);
    printf("story of %zu articles (%.1f MB, %zu claims, %zu findings), median of %d:\n", n,
           (double)bytes / 1e6, nclaims, nfind, runs);
    printf("  add articles:          %8.3f s  (%.1f us/article)\n", ma, ma * 1e6 / (double)n);
    printf("  segment + extractors:  %8.3f s  %8.1f MB/s\n", me, (double)bytes / 1e6 / me);
    printf("  resolve + compare:     %8.3f s", mc);
    if (n >= 100000)
        printf("   [target < 10 s: %s]", mc < 10 ? "met" : "MISSED");
    if (mk >= 0)
        printf("\n  claims_story_check():  %8.3f s\n", mk);
    else
        printf("\n");
    printf("  peak library memory:   %8.1f MB = %.2fx input (%zu allocations)"
           "   [target < 4x: %s]\n",
           (double)peak / 1e6, (double)peak / (double)bytes, calls,
           (double)peak < 4.0 * (double)bytes ? "met" : "MISSED");
    free(tadd);
    free(text);
    free(tcmp);
    free(tchk);
}

int main(int argc, char **argv)
{
    bool quick = false, extract_only = false;
    const char *path = NULL;
    setvbuf(stdout, NULL, _IOLBF, 0); /* show progress under meson */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0)
            quick = true;
        else if (strcmp(argv[i], "--extract-only") == 0)
            extract_only = true;
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: %s [--quick | --extract-only] CORPUS\n", argv[0]);
        return 2;
    }
    corpus c;
    if (load_corpus(path, &c) != 0)
        return 1;
    printf("libclaims %s benchmark: %zu articles, %.1f MB in %s\n", claims_version_string(),
           c.n, (double)c.len / 1e6, path);
    if (extract_only) {
        bench_extraction(&c, c.len, 5, false);
    } else if (quick) {
        self_check(&c, c.n < 50 ? c.n : 50);
        bench_extraction(&c, 256 * 1024, 1, false);
        bench_extraction(&c, 256 * 1024, 1, true);
        bench_story(&c, c.n < 200 ? c.n : 200, 1);
    } else {
        self_check(&c, 1000);
        bench_extraction(&c, 16u << 20, 5, false);
        bench_extraction(&c, 4u << 20, 5, true);
        bench_story(&c, 1000, 5);
        bench_story(&c, 10000, 3);
        bench_story(&c, 100000, 1);
    }
    printf("process peak RSS: %.1f MB\n", (double)peak_rss_kb() / 1024);
    free(c.data);
    free(c.text);
    free(c.tlen);
    return 0;
}
