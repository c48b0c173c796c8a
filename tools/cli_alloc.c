/* cli_alloc.c - the memory `claims check` and `claims extract` give their
 * story: the C library's malloc, but for a story arena's biggest blocks,
 * mapped on their own and marked for huge pages.
 *
 * A story of thousands of articles keeps its claims and strings in its
 * arena, whose blocks grow with it to 4 MB (mem.c), and the kernel took a
 * page fault for every 4 KB of them: about a tenth of the CPU time of
 * `claims extract` on 20 MB of news. Where the system gives transparent
 * huge pages to the memory that asks for them ("madvise", the default of
 * most distributions), a 2 MB page takes one fault. Only those blocks,
 * which the arena fills from end to end: a huge page is resident as a
 * whole once a byte of it is touched, and mapping every block of 4 MB or
 * more (arrays grown by doubling among them) cost the 100,000-article
 * check 9 MB more peak memory (120 -> 129 MB) for no measured speed.
 * Also here: `claims extract`'s heap grown in huge pages at once
 * (cli_heap_in_huge_pages). */
#define _GNU_SOURCE
#include "cli_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#include <unistd.h>
#endif

enum { HUGE_PAGE = 2 * 1024 * 1024 };

#if defined(__linux__) && defined(MREMAP_MAYMOVE)

/* A block of exactly CLI_ALLOC_BIG bytes is mapped, in whole huge pages;
 * a block keeps its kind for life (a realloc of a mapped one stays mapped,
 * by mremap). */

/* Every block starts with this header: whether the block is mapped on
 * its own, and its mapping's size (the header's bytes included); 16
 * bytes, so that the block after it keeps malloc's alignment. */
typedef struct head {
    uint64_t mapped; /* 0: a block of malloc's */
    uint64_t size;
} head;

static size_t round_up(size_t n)
{
    return (n + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
}

static void *big_map(size_t size)
{
    size_t n = round_up(size + sizeof(head));
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, n, MADV_HUGEPAGE); /* a hint: without it, 4 KB pages */
#endif
    head *h = p;
    h->mapped = 1;
    h->size = n;
    return h + 1;
}

static void *cli_malloc(size_t size, void *ud)
{
    (void)ud;
    if (size == CLI_ALLOC_BIG)
        return big_map(size);
    head *h = size + sizeof *h > size ? malloc(size + sizeof *h) : NULL;
    if (!h)
        return NULL;
    h->mapped = 0;
    return h + 1;
}

static void cli_free(void *p, void *ud)
{
    (void)ud;
    head *h = (head *)p - 1;
    if (h->mapped)
        munmap(h, h->size);
    else
        free(h);
}

static void *cli_realloc(void *p, size_t size, void *ud)
{
    if (!p)
        return cli_malloc(size, ud);
    head *h = (head *)p - 1;
    if (size + sizeof *h < size)
        return NULL;
    if (!h->mapped) {
        h = realloc(h, size + sizeof *h);
        return h ? h + 1 : NULL;
    }
    if (size + sizeof *h <= h->size)
        return p;
    size_t n = round_up(size + sizeof *h);
    void *q = mremap(h, h->size, n, MREMAP_MAYMOVE);
    if (q == MAP_FAILED)
        return NULL;
    h = q;
    h->size = n;
    return h + 1;
}

#else /* elsewhere: the C library's, as it is */

static void *cli_malloc(size_t size, void *ud)
{
    (void)ud;
    return malloc(size);
}

static void *cli_realloc(void *p, size_t size, void *ud)
{
    (void)ud;
    return realloc(p, size);
}

static void cli_free(void *p, void *ud)
{
    (void)ud;
    free(p);
}

#endif

const claims_allocator cli_story_allocator = {cli_malloc, cli_realloc, cli_free, NULL};

/* The story's arrays (tokens, claims, keys) grow by realloc from malloc's
 * heap as it is read and checked: a page fault per 4 KB of them. Here the
 * heap grows by `bytes` at once (M_TOP_PAD), keeps them (M_TRIM_THRESHOLD),
 * takes blocks up to 32 MB too (M_MMAP_THRESHOLD: a block mapped apart
 * would have small pages), and that stretch is advised into 2 MB pages. */
void cli_heap_in_huge_pages(size_t bytes)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, (int)bytes * 2);
    mallopt(M_TOP_PAD, (int)bytes);
    void *p = malloc(1 << 20);
    uintptr_t lo = (uintptr_t)p;
    free(p);
    void *hi = sbrk(0);
    uintptr_t a = (lo + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t z = (uintptr_t)hi & ~(uintptr_t)(HUGE_PAGE - 1);
    if (hi != (void *)-1 && z > a)
        madvise((void *)a, z - a, MADV_HUGEPAGE);
#else
    (void)bytes;
#endif
}
