/*
 * extract/extract.h - the extractors (numbers, dates, quotes) and the
 * story-level resolution of people. Never installed. Includes only the
 * base layer.
 */
#ifndef CLAIMS_EXTRACT_H
#define CLAIMS_EXTRACT_H

#include "base/base.h"

/* numbers.c: counts, money, percentages, measures. */
claims_status claims__extract_quantities(claims_story *s, size_t ai);
/* dates.c: the article's dateline (sets published when not given), then
 * years and dates with the events they date. */
claims_status claims__extract_time(claims_story *s, size_t ai);
/* quotes.c: direct quotes and reported speech with their speakers. */
claims_status claims__extract_speech(claims_story *s, size_t ai);

/* context.c: for each figure of article `ai` among the story's claims
 * [first, end), all of them that article's: the time and event markers
 * of its clause, its scope, holder and part. Needs the article's tokens. */
claims_status claims__extract_context(claims_story *s, size_t ai, size_t first, size_t end);

/* events.c: decides which event each figure speaks of: the story's own
 * (the one most articles date near their publication) or a background
 * event, which gets an id and a label. Runs once all articles are read. */
claims_status claims__resolve_events(claims_story *s);

/* people.c: resolves speakers across the story (merges persons, resolves
 * nominal speakers from identical quotes elsewhere). */
claims_status claims__resolve_story(claims_story *s);

/* Quote normalization shared by quotes.c and compare.c: NFKC, case fold,
 * quote marks and punctuation dropped, whitespace collapsed. Result in the
 * story's arena; NULL on OOM. */
const char *claims__quote_normalize(claims_story *s, const char *text, size_t len);

/* ------------------------------------------------------ numbers.c */
/* What numbers.c exposes to its tests. */


/* Writes a naive singular of the normalized word w[0..n) ("casualties" ->
 * "casualty", "boxes" -> "box", "drones" -> "drone") to out, NUL-terminated,
 * truncated to cap - 1 bytes. Returns its length. Words that do not look
 * plural are copied unchanged. cap must be at least 1. */
size_t claims__numbers_singular(const char *w, size_t n, char *out, size_t cap);

/* -------------------------------------------------------- dates.c */

/* Damerau-Levenshtein distance (optimal string alignment: adjacent
 * transpositions, no substring edited twice) between two byte strings,
 * capped: any distance above `cap` is returned as cap + 1. Strings longer
 * than 32 bytes are "far" (cap + 1). */
size_t claims__edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t cap);

/* ---------------------------------------------- quotes.c, people.c */
/*
 * What quotes.c and people.c offer to other modules
 * (compare.c) beyond internal.h. Never installed.
 */


/* Private claim flags set by quotes.c on quote and paraphrase claims, read
 * by people.c: what kind of speaker the claim has. Neither bit set means
 * the speaker is unknown. Bits 8..10, above the CLAIMS__CF_* values and
 * within the claim's 16-bit flags. */
enum {
    CLAIMS__CF_SPK_PERSON = 1u << 8,   /* speaker is a person's name */
    CLAIMS__CF_SPK_NOMINAL = 1u << 9,   /* speaker is a description */
    /* a bare surname that two full names of its article share ("Smith"
       beside "John Smith" and "Mary Smith"): never merged with either */
    CLAIMS__CF_SPK_AMBIGUOUS = 1u << 10
};
_Static_assert(CLAIMS__CF_SPK_AMBIGUOUS <= UINT16_MAX, "claims_claim.flags is 16 bits");

#endif /* CLAIMS_EXTRACT_H */
