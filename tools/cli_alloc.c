/* cli_alloc.c - the memory `claims check` and `claims extract` give their
 * story: the C library's malloc, but blocks of about 4 MB and more mapped
 * on their own and marked for huge pages.
 *
 * A story of thousands of articles keeps its texts, claims and strings in
 * its arena, whose blocks grow with it to 4 MB (mem.c), and the kernel took
 * a page fault for every 4 KB of them: 11 k faults, about a tenth of the
 * CPU time of `claims extract` on 20 MB of news. Where the system gives
 * transparent huge pages to the memory that asks for them ("madvise", the
 * default of most distributions), a 2 MB page takes one fault. */
#define _GNU_SOURCE
#include "cli_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#endif

#if defined(__linux__) && defined(MREMAP_MAYMOVE)

/* A block of BIG bytes or more is mapped, in whole huge pages. Smaller
 * ones (an arena's 2 MB blocks among them) are malloc's: a huge page is
 * resident as a whole once a byte of it is touched, and for a story of a
 * few megabytes (one long article) the last block's unused part in huge
 * pages was a tenth of the peak memory. */
enum { HUGE_PAGE = 2 * 1024 * 1024, BIG = CLI_ALLOC_BIG };

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
    if (n < size)
        return NULL;
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
    if (size >= BIG)
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
    if (h->mapped && size + sizeof *h <= h->size)
        return p;
    if (h->mapped && size >= BIG) {
        size_t n = round_up(size + sizeof *h);
        void *q = mremap(h, h->size, n, MREMAP_MAYMOVE);
        if (q == MAP_FAILED)
            return NULL;
        h = q;
        h->size = n;
        return h + 1;
    }
    if (!h->mapped && size < BIG) {
        h = realloc(h, size + sizeof *h);
        return h ? h + 1 : NULL;
    }
    /* from a block of malloc's to a mapped one (or back) */
    size_t old = h->mapped ? h->size - sizeof *h : malloc_usable_size(h) - sizeof *h;
    void *q = cli_malloc(size, ud);
    if (!q)
        return NULL;
    memcpy(q, p, old < size ? old : size);
    cli_free(p, ud);
    return q;
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
