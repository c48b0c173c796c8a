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

/* evidence.c: how alike the sentences of two claims are, as the share of
 * content words they have in common (0..1). A cache of word sets by claim
 * index; made with the story's claim count, freed with _free. */
typedef struct claims__evidence claims__evidence;
claims__evidence *claims__evidence_new(const claims_allocator *al, size_t nclaims);
void claims__evidence_free(claims__evidence *ev);
double claims__evidence_similarity(claims__evidence *ev, const claims_claim *a,
                                   const claims_claim *b);
/* True when a word set could not be allocated (its likeness counted 0). */
bool claims__evidence_failed(const claims__evidence *ev);

/* label.c: the finding's heading in words ("people killed", "the year
 * of the offer"), written into b (cleared first). */
void claims__finding_label(const claims_story *s, const claims_finding *f, claims__buf *b);

#endif /* CLAIMS_COMPARE_H */
