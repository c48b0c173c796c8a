/* cli_alloc.h - the memory the CLI gives its stories (cli_alloc.c). */
#ifndef CLAIMS_CLI_ALLOC_H
#define CLAIMS_CLI_ALLOC_H

#include <claims.h>

/* malloc, realloc and free, but a block of exactly CLI_ALLOC_BIG bytes (a
 * story arena's biggest blocks, 4 MB with their headers: mem.c's
 * ARENA_BLOCK_MAX, ARENA_SLACK) is a mapping of its own, in whole 2 MB
 * pages, marked for transparent huge pages. For claims_story_new(). */
extern const claims_allocator cli_story_allocator;

enum { CLI_ALLOC_BIG = 4 * 1024 * 1024 - 64 };

/* Lets malloc's heap grow by `bytes` (at most 512 MB) at once, in huge
 * pages where glibc and the system have them; elsewhere (musl), the
 * story's blocks of 1 MB or more and the text chunks are mapped in huge
 * pages of their own. Peak RSS grows by up to a huge page per block in
 * use. */
void cli_heap_in_huge_pages(size_t bytes);

/* The text pool's chunks (cli_input.c): CLI_TEXT_CHUNK bytes, or `need`
 * when more; after cli_heap_in_huge_pages on a C library other than glibc,
 * a whole huge page. Its size in *cap; NULL when out of memory. Freed by
 * cli_text_chunk_free (NULL is fine). */
enum { CLI_TEXT_CHUNK = 1 << 20 };
void *cli_text_chunk(size_t need, size_t *cap);
void cli_text_chunk_free(void *p);

#endif
