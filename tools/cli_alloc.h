/* cli_alloc.h - the memory the CLI gives its stories (cli_alloc.c). */
#ifndef CLAIMS_CLI_ALLOC_H
#define CLAIMS_CLI_ALLOC_H

#include <claims.h>

/* The memory the CLI gives its stories (cli_heap_allocator): malloc,
 * realloc and free, but a block of exactly CLI_ALLOC_BIG bytes (a story
 * arena's biggest blocks, 4 MB with their headers: mem.c's
 * ARENA_BLOCK_MAX, ARENA_SLACK) is a mapping of its own, in whole 2 MB
 * pages, marked for transparent huge pages; and, on a C library other
 * than glibc, what cli_alloc.c says of CLI_KEEPS. */
enum { CLI_ALLOC_BIG = 4 * 1024 * 1024 - 64, CLI_HEAP_KEPT = 16 };
/* The most bytes the kept blocks hold together: they count in the peak
 * (one 4.6 MB article's check peaked 4.2 MB higher with 16 blocks of up
 * to 1 MB kept), and an article of news needs far less to reuse. */
enum { CLI_HEAP_KEPT_BYTES = 1 << 20 };

/* What the allocator keeps between calls. Zeroed, it keeps nothing; it
 * must outlive the stories and text chunks made with it, and
 * cli_heap_release frees what it kept. One thread at a time. */
typedef struct cli_heap {
    void *kept[CLI_HEAP_KEPT]; /* freed blocks kept, oldest first (CLI_KEEPS) */
    unsigned nkept;
    int huge; /* cli_heap_in_huge_pages was called */
} cli_heap;

/* The allocator for claims_story_new() over h. */
claims_allocator cli_heap_allocator(cli_heap *h);

/* Frees the blocks h kept; h keeps nothing after. */
void cli_heap_release(cli_heap *h);

/* The bytes of the blocks h keeps (at most CLI_HEAP_KEPT_BYTES). */
size_t cli_heap_kept_bytes(const cli_heap *h);

/* Lets malloc's heap grow by `bytes` (at most 512 MB) at once, in huge
 * pages where glibc and the system have them; elsewhere (musl), h's
 * blocks of 1 MB or more and its text chunks are mapped in huge pages of
 * their own. Peak RSS grows by up to a huge page per block in use. */
void cli_heap_in_huge_pages(cli_heap *h, size_t bytes);

/* A chunk for the text pool (cli_input.c) from h (or, h NULL, from
 * malloc): CLI_TEXT_CHUNK bytes, or `need` when more; after
 * cli_heap_in_huge_pages on a C library other than glibc, a whole huge
 * page. Its size in *cap; NULL when out of memory. Freed by
 * cli_text_chunk_free with the same h (p NULL is fine). */
enum { CLI_TEXT_CHUNK = 1 << 20 };
void *cli_text_chunk(cli_heap *h, size_t need, size_t *cap);
void cli_text_chunk_free(cli_heap *h, void *p);

#endif
