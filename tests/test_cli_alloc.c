/* The CLI's story allocator (tools/cli_alloc.c): malloc's blocks, and a
 * story arena's biggest blocks mapped on their own, each kept by realloc
 * with every byte. Built twice: as the C library it is built with has it
 * (glibc: no block kept), and with CLI_KEEPS defined 1, as musl has it
 * (freed blocks kept, big blocks mapped after cli_heap_in_huge_pages). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../tools/cli_alloc.h"
#include "internal.h"

#if defined(CLI_KEEPS) && CLI_KEEPS
#define KEEPS 1
#else
#define KEEPS 0
#endif

/* The heap of every test but those of kept blocks (one test at a time). */
static cli_heap test_heap;

static void *al_malloc(size_t n)
{
    claims_allocator a = cli_heap_allocator(&test_heap);
    return a.malloc_fn(n, a.user_data);
}

static void *al_realloc(void *p, size_t n)
{
    claims_allocator a = cli_heap_allocator(&test_heap);
    return a.realloc_fn(p, n, a.user_data);
}

static void al_free(void *p)
{
    claims_allocator a = cli_heap_allocator(&test_heap);
    a.free_fn(p, a.user_data);
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 131 + seed);
}

static void same(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 131 + seed))
            fail_msg("byte %zu changed", i);
}

static void test_small_and_big_blocks(void **state)
{
    (void)state;
    size_t sizes[] = {1, 24, 4096, 100000, (size_t)2 << 20, CLI_ALLOC_BIG, (size_t)5 << 20};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned char *p = al_malloc(sizes[k]);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
#if defined(__linux__)
        /* a big one is a mapping of its own: its bytes start after the
           16-byte header at a page's start */
        if (sizes[k] == CLI_ALLOC_BIG)
            assert_int_equal((uintptr_t)p % 4096, 16);
#endif
        fill(p, sizes[k], (unsigned)k);
        same(p, sizes[k], (unsigned)k);
        al_free(p);
    }
}

/* Reallocates p (of `have` bytes, filled) to each of steps[0..n) in turn:
 * each step keeps the bytes the smaller of two sizes holds, and a
 * mapped block stays a mapping. Frees the last. */
static void realloc_walk(unsigned char *p, size_t have, const size_t *steps, size_t n,
                         int mapped)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char *q = al_realloc(p, steps[k]);
        assert_non_null(q);
#if defined(__linux__)
        if (mapped)
            assert_int_equal((uintptr_t)q % 4096, 16);
#else
        (void)mapped;
#endif
        same(q, have < steps[k] ? have : steps[k], 7);
        fill(q, steps[k], 7);
        p = q;
        have = steps[k];
    }
    al_free(p);
}

/* a block of malloc's grows and shrinks as malloc's, a mapped one as a
 * mapping */
static void test_realloc_keeps_bytes(void **state)
{
    (void)state;
    const size_t steps[] = {1000, 500000, (size_t)3 << 20, (size_t)9 << 20, 70000, 10};
    realloc_walk(NULL, 0, steps, sizeof steps / sizeof steps[0], 0);
    const size_t big[] = {(size_t)13 << 20, (size_t)6 << 20, 100};
    unsigned char *p = al_malloc(CLI_ALLOC_BIG);
    assert_non_null(p);
    fill(p, CLI_ALLOC_BIG, 7);
    realloc_walk(p, CLI_ALLOC_BIG, big, sizeof big / sizeof big[0], 1);
}

/* A story arena's biggest blocks are what the allocator maps: blocks of
 * exactly CLI_ALLOC_BIG bytes (mem.c sizes them 64 bytes short of 4 MB
 * with their header). */
static void *rec_malloc(size_t n, void *ud)
{
    *(size_t *)ud += n == CLI_ALLOC_BIG; /* the big blocks asked for */
    return al_malloc(n);
}

static void *rec_realloc(void *p, size_t n, void *ud)
{
    (void)ud;
    return al_realloc(p, n);
}

static void rec_free(void *p, void *ud)
{
    (void)ud;
    al_free(p);
}

static void test_arena_asks_for_its_big_blocks(void **state)
{
    (void)state;
    size_t asked_big = 0;
    claims_allocator a = {rec_malloc, rec_realloc, rec_free, &asked_big};
    claims__arena ar;
    claims__arena_init(&ar, &a);
    for (size_t got = 0; got < (size_t)40 << 20; got += 4000) {
        char *p = claims__arena_alloc_raw(&ar, 4000);
        assert_non_null(p);
        memset(p, 1, 4000);
    }
    assert_true(asked_big >= 3);
    claims__arena_release(&ar);
}

/* a story checked with it, as the CLI does */
static void test_story_with_it(void **state)
{
    (void)state;
    claims_story *s = NULL;
    claims_allocator a = cli_heap_allocator(&test_heap);
    assert_int_equal(claims_story_new(&a, &s), CLAIMS_OK);
    static const char text[] = "Rescuers said 14 climbers were missing on Tuesday.\n";
    for (int i = 0; i < 3000; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%d", i);
        assert_int_equal(claims_story_add_article(s, id, NULL, NULL, text, sizeof text - 1, NULL),
                         CLAIMS_OK);
    }
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    assert_true(claims_story_claim_count(s) >= 3000);
    claims_story_free(s);
    cli_heap_release(&test_heap);
    assert_int_equal(test_heap.nkept, 0);
}

/* A freed block of 1 KB to 1 MB is kept for a later request of at least
 * half its size (and grows in its room by realloc), the last
 * CLI_HEAP_KEPT of them and CLI_HEAP_KEPT_BYTES at most; with no
 * keeping, none is. */
static void test_freed_blocks_kept(void **state)
{
    (void)state;
    claims_allocator a = cli_heap_allocator(&test_heap);
    unsigned char *p = a.malloc_fn(5000, a.user_data);
    assert_non_null(p);
    a.free_fn(p, a.user_data);
    assert_int_equal(test_heap.nkept, KEEPS);
    unsigned char *big = a.malloc_fn(20000, a.user_data); /* p too small */
    assert_non_null(big);
    unsigned char *q = a.malloc_fn(4000, a.user_data);
    assert_non_null(q);
    if (KEEPS) {
        assert_ptr_not_equal(big, p);
        assert_ptr_equal(q, p);
        assert_int_equal(test_heap.nkept, 0);
        fill(q, 4000, 3);
        assert_ptr_equal(a.realloc_fn(q, 4980, a.user_data), q); /* in its room */
        same(q, 4000, 3);
    }
    a.free_fn(q, a.user_data);
    a.free_fn(big, a.user_data);
    /* a block smaller than 1 KB is not kept; the oldest go first */
    a.free_fn(a.malloc_fn(100, a.user_data), a.user_data);
    assert_int_equal(test_heap.nkept, 2 * KEEPS);
    void *many[CLI_HEAP_KEPT + 4];
    for (size_t i = 0; i < sizeof many / sizeof many[0]; i++)
        assert_non_null(many[i] = a.malloc_fn(50000 + 64 * i, a.user_data));
    for (size_t i = 0; i < sizeof many / sizeof many[0]; i++)
        a.free_fn(many[i], a.user_data);
    assert_int_equal(test_heap.nkept, KEEPS * CLI_HEAP_KEPT);
    if (KEEPS)
        assert_ptr_equal(test_heap.kept[CLI_HEAP_KEPT - 1],
                         (char *)many[sizeof many / sizeof many[0] - 1] - 16);
    cli_heap_release(&test_heap);
    assert_int_equal(test_heap.nkept, 0);
    /* at most CLI_HEAP_KEPT_BYTES together: blocks of 300 KB, the oldest
     * freed while a new one would pass the bound */
    void *wide[6];
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        assert_non_null(wide[i] = a.malloc_fn(300000 + 64 * i, a.user_data));
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {
        a.free_fn(wide[i], a.user_data);
        assert_true(cli_heap_kept_bytes(&test_heap) <= CLI_HEAP_KEPT_BYTES);
    }
    assert_int_equal(test_heap.nkept, KEEPS * (CLI_HEAP_KEPT_BYTES / 300016));
    if (KEEPS)
        assert_ptr_equal(test_heap.kept[test_heap.nkept - 1],
                         (char *)wide[sizeof wide / sizeof wide[0] - 1] - 16);
    cli_heap_release(&test_heap);
    assert_int_equal(test_heap.nkept, 0);
    assert_int_equal(cli_heap_kept_bytes(&test_heap), 0);
}

/* After cli_heap_in_huge_pages, keeping blocks: a block of 1 MB or more,
 * by malloc or grown by realloc, is a mapping of its own, and a text
 * chunk fills a huge page; the bytes stay. Without keeping: malloc's. */
static void test_big_blocks_mapped_in_huge_mode(void **state)
{
    (void)state;
    cli_heap h;
    memset(&h, 0, sizeof h);
    size_t cap = 0;
    char *chunk = cli_text_chunk(&h, 100, &cap);
    assert_non_null(chunk);
    assert_int_equal(cap, CLI_TEXT_CHUNK);
    cli_text_chunk_free(&h, chunk);
    cli_heap_in_huge_pages(&h, (size_t)1 << 20);
    claims_allocator a = cli_heap_allocator(&h);
    unsigned char *p = a.malloc_fn((size_t)2 << 20, a.user_data);
    assert_non_null(p);
    unsigned char *q = a.malloc_fn(500000, a.user_data);
    assert_non_null(q);
    fill(q, 500000, 5);
    q = a.realloc_fn(q, (size_t)3 << 20, a.user_data);
    assert_non_null(q);
    same(q, 500000, 5);
    chunk = cli_text_chunk(&h, 100, &cap);
    assert_non_null(chunk);
    memset(chunk, 1, cap);
#if defined(__linux__)
    if (KEEPS) {
        assert_int_equal((uintptr_t)p % 4096, 16);
        assert_int_equal((uintptr_t)q % 4096, 16);
        assert_int_equal((uintptr_t)chunk % 4096, 16);
        assert_int_equal(cap, ((size_t)2 << 20) - 16);
    }
#endif
    cli_text_chunk_free(&h, chunk);
    cli_text_chunk_free(NULL, NULL);
    a.free_fn(q, a.user_data);
    a.free_fn(p, a.user_data);
    cli_heap_release(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_and_big_blocks),
        cmocka_unit_test(test_realloc_keeps_bytes),
        cmocka_unit_test(test_arena_asks_for_its_big_blocks),
        cmocka_unit_test(test_story_with_it),
        cmocka_unit_test(test_freed_blocks_kept),
        cmocka_unit_test(test_big_blocks_mapped_in_huge_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
