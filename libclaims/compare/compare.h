/*
 * compare/compare.h - groups claims by frame and makes findings. Never
 * installed. Includes only the layers below (extract, base).
 */
#ifndef CLAIMS_COMPARE_H
#define CLAIMS_COMPARE_H

#include "extract/extract.h"

/* compare.c: groups claims by slot and fills story->findings. */
claims_status claims__compare(claims_story *s);

/* likeness.c: how alike the sentences of two claims are, as the share of
 * content words they have in common (0..1). A cache of word sets by claim
 * index; made with the story's claim count, freed with _free. */
typedef struct claims__likeness claims__likeness;
claims__likeness *claims__likeness_new(const claims_allocator *al, size_t nclaims);
void claims__likeness_free(claims__likeness *ev);
double claims__likeness_of(claims__likeness *ev, const claims_claim *a,
                                   const claims_claim *b);
/* True when a word set could not be allocated (its likeness counted 0). */
bool claims__likeness_failed(const claims__likeness *ev);

/* label.c: the finding's heading in words ("people killed", "the year
 * of the offer"), written into b (cleared first). */
void claims__finding_label(const claims_story *s, const claims_finding *f, claims__buf *b);

#endif /* CLAIMS_COMPARE_H */
