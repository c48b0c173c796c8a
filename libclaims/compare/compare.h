/*
 * compare/compare.h - groups claims by frame and makes findings. Never
 * installed. Includes only the layers below (extract, base).
 */
#ifndef CLAIMS_COMPARE_H
#define CLAIMS_COMPARE_H

#include "extract/extract.h"

/* compare.c: groups claims by slot and fills story->findings. */
claims_status claims__compare(claims_story *s);

/*
 * What compare.c offers the report writers beyond
 * internal.h. Never installed.
 */


/* Aligns two normalized quote renderings (words separated by spaces) by a
 * longest common subsequence over words and marks, in *marks_a (one byte
 * per word of a) and *marks_b, the words that are not part of it (1) or
 * are (0). The arrays are allocated with `al` and freed by the caller with
 * claims__free (either may be NULL when its string has no word); *na and
 * *nb get the word counts. Very long middles (after the common prefix and
 * suffix are set aside) are not aligned: all their words are marked.
 * Returns false on OOM. */
bool claims__word_marks(const claims_allocator *al, const char *a, const char *b,
                        uint8_t **marks_a, size_t *na, uint8_t **marks_b, size_t *nb);

#endif /* CLAIMS_COMPARE_H */
