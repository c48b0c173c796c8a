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
 * (cli_heap_in_huge_pages), what stands for that heap on musl (freed
 * blocks kept, big ones mapped: see CLI_KEEPS), and the chunks of the
 * JSON Lines reader's text pool (cli_text_chunk). */
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
 * its own, and its size (the header's bytes included: a mapping's, or
 * the bytes a block of malloc's was asked with); 16 bytes, so that the
 * block after it keeps malloc's alignment. */
typedef struct head {
    uint64_t mapped; /* 0: a block of malloc's */
    uint64_t size;
} head;

#if !defined(CLI_KEEPS) && !defined(__GLIBC__)
/* Elsewhere (musl): malloc's heap does not stay. musl gives a group of
 * small blocks back to the system when its last block is freed, so the
 * few working buffers an article mallocs and frees took a mapping, its
 * page faults and an unmapping every few articles, and its large blocks
 * are mappings with 4 KB pages: `claims extract` on 20 MB of news made
 * 1,226 mmap calls and 16,900 page faults (glibc's heap: 855) and took
 * 1.28x the time of the glibc build. So a freed block of KEPT_MIN bytes
 * up to MAPPED_MIN is kept (the last CLI_HEAP_KEPT of them, of
 * CLI_HEAP_KEPT_BYTES together) for a later request it fits, and after
 * cli_heap_in_huge_pages a block of MAPPED_MIN or more is mapped on its
 * own in huge pages, as glibc's heap then is: 3,490 page faults, peak RSS
 * as glibc's (52 MB; mapped from 256 KB up, 2,100 faults and 70 MB; with
 * no bound on the kept bytes, 3,340 faults, but one 4.6 MB article's
 * check peaked at 17.4 MB against 14.1). (The tests build it on glibc too, with
 * CLI_KEEPS defined 1.) */
#define CLI_KEEPS 1
#elif !defined(CLI_KEEPS)
#define CLI_KEEPS 0
#endif
enum { KEPT_MIN = 1024, MAPPED_MIN = 1 << 20 };

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

#if CLI_KEEPS
/* The newest kept block of n bytes or more, but not more than twice n
 * (its header's size keeps what it holds), taken out; or NULL. */
static head *take_kept(cli_heap *hp, size_t n)
{
    for (unsigned i = hp->nkept; i-- > 0;) {
        head *h = hp->kept[i];
        if (h->size >= n && h->size / 2 <= n) {
            memmove(hp->kept + i, hp->kept + i + 1, (hp->nkept - i - 1) * sizeof *hp->kept);
            hp->nkept--;
            return h;
        }
    }
    return NULL;
}

/* Frees block h of malloc's, or keeps it (the oldest kept ones freed to
 * make room: at most CLI_HEAP_KEPT blocks, of CLI_HEAP_KEPT_BYTES). */
static void keep_or_free(cli_heap *hp, head *h)
{
    if (h->size < KEPT_MIN || h->size >= MAPPED_MIN) {
        free(h);
        return;
    }
    while (hp->nkept && (hp->nkept == CLI_HEAP_KEPT ||
                         cli_heap_kept_bytes(hp) + h->size > CLI_HEAP_KEPT_BYTES)) {
        free(hp->kept[0]);
        memmove(hp->kept, hp->kept + 1, (hp->nkept - 1) * sizeof *hp->kept);
        hp->nkept--;
    }
    hp->kept[hp->nkept++] = h;
}
#endif

static void *cli_malloc(size_t size, void *ud)
{
    cli_heap *hp = ud;
    if (size == CLI_ALLOC_BIG)
        return big_map(size);
    size_t n = size + sizeof(head);
    if (n < size)
        return NULL;
#if CLI_KEEPS
    if (n >= MAPPED_MIN && hp->huge)
        return big_map(size);
    head *kept = n >= KEPT_MIN && n < MAPPED_MIN ? take_kept(hp, n) : NULL;
    if (kept)
        return kept + 1; /* (its size stays what it holds) */
#else
    (void)hp;
#endif
    head *h = malloc(n);
    if (!h)
        return NULL;
    h->mapped = 0;
    h->size = n;
    return h + 1;
}

static void cli_free(void *p, void *ud)
{
    head *h = (head *)p - 1;
    if (h->mapped) {
        munmap(h, h->size);
        return;
    }
#if CLI_KEEPS
    keep_or_free(ud, h);
#else
    (void)ud;
    free(h);
#endif
}

static void *cli_realloc(void *p, size_t size, void *ud)
{
    if (!p)
        return cli_malloc(size, ud);
    head *h = (head *)p - 1;
    size_t n = size + sizeof *h;
    if (n < size)
        return NULL;
    if (!h->mapped) {
#if CLI_KEEPS
        cli_heap *hp = ud;
        if (n <= h->size)
            return p; /* a kept block's room, or a shrink: as it is */
        if (n >= MAPPED_MIN && hp->huge) {
            void *q = big_map(size);
            if (q) {
                memcpy(q, p, h->size - sizeof *h);
                keep_or_free(hp, h);
            }
            return q;
        }
#endif
        h = realloc(h, n);
        if (!h)
            return NULL;
        h->size = n;
        return h + 1;
    }
    if (n <= h->size)
        return p;
    size_t m = round_up(n);
    void *q = mremap(h, h->size, m, MREMAP_MAYMOVE);
    if (q == MAP_FAILED)
        return NULL;
    h = q;
    h->size = m;
    return h + 1;
}

#else /* elsewhere: the C library's, as it is */

#undef CLI_KEEPS
#define CLI_KEEPS 0

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

claims_allocator cli_heap_allocator(cli_heap *h)
{
    claims_allocator a = {cli_malloc, cli_realloc, cli_free, h};
    return a;
}

void cli_heap_release(cli_heap *h)
{
    for (unsigned i = 0; i < h->nkept; i++)
        free(h->kept[i]);
    h->nkept = 0;
}

size_t cli_heap_kept_bytes(const cli_heap *h)
{
    size_t n = 0;
    for (unsigned i = 0; i < h->nkept; i++)
        n += ((const head *)h->kept[i])->size;
    return n;
}

void *cli_text_chunk(cli_heap *h, size_t need, size_t *cap)
{
    size_t n = need > CLI_TEXT_CHUNK ? need : CLI_TEXT_CHUNK;
    *cap = n;
    if (!h)
        return malloc(n);
#if CLI_KEEPS
    /* a huge page of its own, filled */
    if (h->huge && n < HUGE_PAGE - sizeof(head))
        *cap = n = HUGE_PAGE - sizeof(head);
#endif
    return cli_malloc(n, h);
}

void cli_text_chunk_free(cli_heap *h, void *p)
{
    if (!h)
        free(p);
    else if (p)
        cli_free(p, h);
}

/* The story's arrays (tokens, claims, keys) grow by realloc from malloc's
 * heap as it is read and checked: a page fault per 4 KB of them. Here the
 * heap grows by `bytes` at once (M_TOP_PAD), keeps them (M_TRIM_THRESHOLD),
 * takes blocks up to 32 MB too (M_MMAP_THRESHOLD: a block mapped apart
 * would have small pages), and that stretch is advised into 2 MB pages. */
void cli_heap_in_huge_pages(cli_heap *h, size_t bytes)
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
    h->huge = 1;
}
