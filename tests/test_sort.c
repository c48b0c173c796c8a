/* sort.c: claims__sort_u64 and claims__sort against qsort on the same
 * keys, at the sizes where a sort's edge cases live (0, 1, 2, a run of
 * one key, the switch from insertion sort to partitioning) and on large
 * arrays; claims__sort on elements of 4, 8, 12 and 24 bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

static int cmp_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* A deterministic generator (xorshift64), so a failure replays. */
static uint64_t next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

/* Sorts a copy of a[0..n) with claims__sort_u64 and with qsort, and
 * checks that both give the same keys in the same order. */
static void check_sorts(const uint64_t *a, size_t n)
{
    uint64_t *got = malloc((n ? n : 1) * sizeof *got);
    uint64_t *want = malloc((n ? n : 1) * sizeof *want);
    assert_non_null(got);
    assert_non_null(want);
    if (n) {
        memcpy(got, a, n * sizeof *a);
        memcpy(want, a, n * sizeof *a);
    }
    claims__sort_u64(got, n);
    qsort(want, n, sizeof *want, cmp_u64);
    if (n)
        assert_memory_equal(got, want, n * sizeof *got);
    free(got);
    free(want);
}

static void test_sort_small_sizes(void **state)
{
    (void)state;
    claims__sort_u64(NULL, 0); /* no elements: the array is never read */
    uint64_t one[] = {42};
    claims__sort_u64(one, 1);
    assert_int_equal(one[0], 42);
    const uint64_t two[][2] = {{1, 2}, {2, 1}, {7, 7}, {UINT64_MAX, 0}};
    for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
        check_sorts(two[i], 2);
    const uint64_t three[][3] = {{1, 2, 3}, {3, 2, 1}, {2, 3, 1}, {2, 1, 2}, {5, 5, 5}};
    for (size_t i = 0; i < sizeof three / sizeof three[0]; i++)
        check_sorts(three[i], 3);
}

/* Every size around the insertion sort's limit, with many ties (keys
 * drawn from a few values) and without. */
static void test_sort_ties_and_mid_sizes(void **state)
{
    (void)state;
    uint64_t a[100] = {0}, seed = 88172645463325252u;
    for (size_t n = 0; n <= 100; n++) {
        for (size_t i = 0; i < n; i++)
            a[i] = next(&seed) % 3;
        check_sorts(a, n);
        for (size_t i = 0; i < n; i++)
            a[i] = next(&seed);
        check_sorts(a, n);
    }
}

/* Large arrays: random keys, random keys of few values, one key, sorted,
 * reversed and organ-pipe runs (the shapes that make a naive quicksort
 * quadratic). */
static void test_sort_large(void **state)
{
    (void)state;
    enum { N = 200003 };
    uint64_t *a = malloc(N * sizeof *a), seed = 2463534242u;
    assert_non_null(a);
    for (size_t i = 0; i < N; i++)
        a[i] = next(&seed);
    check_sorts(a, N);
    for (size_t i = 0; i < N; i++)
        a[i] = next(&seed) % 17;
    check_sorts(a, N);
    for (size_t i = 0; i < N; i++)
        a[i] = 5;
    check_sorts(a, N);
    for (size_t i = 0; i < N; i++)
        a[i] = i;
    check_sorts(a, N);
    for (size_t i = 0; i < N; i++)
        a[i] = N - i;
    check_sorts(a, N);
    for (size_t i = 0; i < N; i++)
        a[i] = i < N / 2 ? i : N - i;
    check_sorts(a, N);
    free(a);
}

/* Records the way the comparison sorts its own: a key with many ties
 * and a field that makes each record distinct (every caller's compare
 * ends on such a field, as claims__sort is not stable). The 12-byte one
 * is not a multiple of eight, the 24-byte one is several. */
typedef struct {
    uint32_t key, id, pad;
} rec12;
typedef struct {
    uint64_t key, id, pad;
} rec24;

static int cmp_u32(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

static int cmp_rec12(const void *pa, const void *pb)
{
    const rec12 *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static int cmp_rec24(const void *pa, const void *pb)
{
    const rec24 *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* claims__sort and qsort on copies of base[0..n): the same bytes. */
static void check_generic(const void *base, size_t n, size_t size,
                          int (*cmp)(const void *, const void *))
{
    char *got = malloc(n * size + 1), *want = malloc(n * size + 1);
    assert_non_null(got);
    assert_non_null(want);
    if (n) {
        memcpy(got, base, n * size);
        memcpy(want, base, n * size);
    }
    claims__sort(got, n, size, cmp);
    qsort(want, n, size, cmp);
    if (n)
        assert_memory_equal(got, want, n * size);
    free(got);
    free(want);
}

static void test_sort_any_size(void **state)
{
    (void)state;
    claims__sort(NULL, 0, sizeof(uint32_t), cmp_u32); /* never read */
    enum { N = 5003 };
    uint32_t *u = malloc(N * sizeof *u);
    uint64_t *v = malloc(N * sizeof *v);
    rec12 *r12 = malloc(N * sizeof *r12);
    rec24 *r24 = malloc(N * sizeof *r24);
    assert_non_null(u);
    assert_non_null(v);
    assert_non_null(r12);
    assert_non_null(r24);
    uint64_t seed = 1181783497276652981u;
    /* every size up to past the insertion limit, then a large one; keys
     * of few values (ties broken by id), then of many, then sorted and
     * reversed (a naive pivot's square) */
    for (int shape = 0; shape < 4; shape++)
        for (size_t n = 0; n <= N; n = n < 40 ? n + 1 : n == 40 ? N : N + 1) {
            for (size_t i = 0; i < n; i++) {
                uint64_t k = shape == 0   ? next(&seed) % 5
                             : shape == 1 ? next(&seed)
                             : shape == 2 ? i
                                          : n - i;
                u[i] = (uint32_t)k;
                v[i] = k;
                r12[i] = (rec12){(uint32_t)k, (uint32_t)i, 0};
                r24[i] = (rec24){k, i, 0};
            }
            check_generic(u, n, sizeof *u, cmp_u32);
            check_generic(v, n, sizeof *v, cmp_u64);
            check_generic(r12, n, sizeof *r12, cmp_rec12);
            check_generic(r24, n, sizeof *r24, cmp_rec24);
        }
    free(u);
    free(v);
    free(r12);
    free(r24);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_small_sizes),
        cmocka_unit_test(test_sort_ties_and_mid_sizes),
        cmocka_unit_test(test_sort_large),
        cmocka_unit_test(test_sort_any_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
