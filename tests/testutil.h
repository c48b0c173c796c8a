/* Helpers shared by the cmocka tests. */
#ifndef CLAIMS_TESTUTIL_H
#define CLAIMS_TESTUTIL_H

#include "internal.h"

/* A checked story of one article (id "a", published date may be NULL).
 * Fails the test on any error. Free with claims_story_free(). */
claims_story *tu_story1(const char *text, const char *published);

/* A checked story of n articles with ids "a0", "a1", ...; dates may be
 * NULL (the whole array or single entries). */
claims_story *tu_story(const char *const *texts, const char *const *published, size_t n);

/* The first claim of `kind` whose source text contains `needle` (NULL:
 * any), or NULL. */
const claims_claim *tu_claim(const claims_story *s, claims_kind kind, const char *needle);

/* Number of claims of `kind` (any kind when kind < 0). */
size_t tu_count(const claims_story *s, int kind);

/* The claim's source text as a static-lifetime copy (valid until the next
 * call). */
const char *tu_text(const claims_claim *c);

/* The first finding of `type` that includes claims a and b (either may be
 * NULL for "any"), or NULL. */
const claims_finding *tu_finding(const claims_story *s, claims_finding_type type,
                                 const claims_claim *a, const claims_claim *b);

/* An allocator that counts what a story asks of it: the bytes live now,
 * their peak, the largest block, and every byte ever asked for
 * (reallocations count their new size). tu_counting_allocator(&k) hands
 * out blocks that remember their size, so frees are counted back. */
typedef struct tu_counter {
    size_t now, peak, largest, total;
} tu_counter;

claims_allocator tu_counting_allocator(tu_counter *k);

/* Prints every claim and finding to stderr (debugging aid). */
void tu_dump(const claims_story *s);

#endif
