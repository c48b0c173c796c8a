/*
 * internal.h - the top of the library: what story.c (the public API and
 * the driver of the pipeline), the tests and the benchmark see. Never
 * installed; no file under base/, extract/, compare/ or report/ includes it.
 */
#ifndef CLAIMS_INTERNAL_H
#define CLAIMS_INTERNAL_H

#include "report/report.h"

/* The two phases of claims_story_check() (the benchmark times them
 * apart): segment and extract articles [from, to), a few at a time
 * (story.c's batches), letting go of their tokens after each batch, and
 * on failure set *failed to the article that failed (a batch's first
 * when what failed was the batch's own step); then resolve
 * speakers, order and number claims, compare, number findings. */
claims_status claims__check_articles(claims_story *s, size_t from, size_t to, size_t *failed);
claims_status claims__check_finish(claims_story *s);

#endif /* CLAIMS_INTERNAL_H */
