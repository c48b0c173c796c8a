/* sort.c: claims__sort_u64 against qsort on the same keys, at the sizes
 * where a sort's edge cases live (0, 1, 2, a run of one key, the switch
 * from insertion sort to partitioning) and on large arrays. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_small_sizes),
        cmocka_unit_test(test_sort_ties_and_mid_sizes),
        cmocka_unit_test(test_sort_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
