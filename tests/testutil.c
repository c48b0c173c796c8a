#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

claims_story *tu_story(const char *const *texts, const char *const *published, size_t n)
{
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a%zu", i);
        claims_error err;
        claims_status st = claims_story_add_article(
            s, id, NULL, published ? published[i] : NULL, texts[i], strlen(texts[i]), &err);
        if (st != CLAIMS_OK)
            fprintf(stderr, "add_article %s: %s at %zu\n", id, err.message, err.offset);
        assert_int_equal(st, CLAIMS_OK);
    }
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    return s;
}

claims_story *tu_story1(const char *text, const char *published)
{
    const char *texts[1] = {text};
    const char *dates[1] = {published};
    return tu_story(texts, dates, 1);
}

const char *tu_text(const claims_claim *c)
{
    static char buf[4096];
    size_t len = 0;
    const char *p = claims_claim_text(c, &len);
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, p, len);
    buf[len] = 0;
    return buf;
}

const claims_claim *tu_claim(const claims_story *s, claims_kind kind, const char *needle)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_kind(c) != kind)
            continue;
        if (!needle || strstr(tu_text(c), needle))
            return c;
    }
    return NULL;
}

size_t tu_count(const claims_story *s, int kind)
{
    size_t n = 0;
    for (size_t i = 0; i < claims_story_claim_count(s); i++)
        if (kind < 0 || (int)claims_claim_kind(claims_story_claim(s, i)) == kind)
            n++;
    return n;
}

static bool has_claim(const claims_finding *f, const claims_story *s, const claims_claim *c)
{
    if (!c)
        return true;
    for (size_t j = 0; j < claims_finding_claim_count(f); j++)
        if (claims_story_claim(s, claims_finding_claim(f, j)) == c)
            return true;
    return false;
}

const claims_finding *tu_finding(const claims_story *s, claims_finding_type type,
                                 const claims_claim *a, const claims_claim *b)
{
    for (size_t i = 0; i < claims_story_finding_count(s); i++) {
        const claims_finding *f = claims_story_finding(s, i);
        if (claims_finding_type_of(f) == type && has_claim(f, s, a) && has_claim(f, s, b))
            return f;
    }
    return NULL;
}

void tu_dump(const claims_story *s)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        double v = 0;
        int hv = claims_claim_value(c, &v);
        const char *sv = claims_claim_string_value(c);
        const char *sp = claims_claim_speaker(c);
        fprintf(stderr, "  %s %s key=%s value=%s%g str=%s speaker=%s text=[%s]\n",
                claims_claim_id(c), claims_kind_name(claims_claim_kind(c)),
                claims_claim_key(c), hv ? "" : "none:", v, sv ? sv : "-", sp ? sp : "-",
                tu_text(c));
    }
    for (size_t i = 0; i < claims_story_finding_count(s); i++) {
        const claims_finding *f = claims_story_finding(s, i);
        fprintf(stderr, "  %s %s conf=%.2f key=%s: %s\n", claims_finding_id(f),
                claims_finding_type_name(claims_finding_type_of(f)),
                claims_finding_confidence(f), claims_finding_key(f),
                claims_finding_summary(f));
    }
}

/* Each block carries its size in front, so free can count it back. */
enum { HDR = 16 };

static void *count_malloc(size_t n, void *ud)
{
    tu_counter *k = ud;
    unsigned char *p = malloc(n + HDR);
    if (!p)
        return NULL;
    memcpy(p, &n, sizeof n);
    k->now += n;
    k->total += n;
    if (k->now > k->peak)
        k->peak = k->now;
    if (n > k->largest)
        k->largest = n;
    return p + HDR;
}

static void count_free(void *ptr, void *ud)
{
    if (!ptr)
        return;
    tu_counter *k = ud;
    unsigned char *p = (unsigned char *)ptr - HDR;
    size_t n;
    memcpy(&n, p, sizeof n);
    k->now -= n;
    free(p);
}

static void *count_realloc(void *ptr, size_t n, void *ud)
{
    if (!ptr)
        return count_malloc(n, ud);
    unsigned char *q = count_malloc(n, ud);
    if (!q)
        return NULL;
    size_t old;
    memcpy(&old, (unsigned char *)ptr - HDR, sizeof old);
    memcpy(q, ptr, old < n ? old : n);
    count_free(ptr, ud);
    return q;
}

claims_allocator tu_counting_allocator(tu_counter *k)
{
    claims_allocator a = {count_malloc, count_realloc, count_free, k};
    return a;
}
