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
 * [first, nclaims): the time and event markers of its clause, its scope,
 * holder and part. Needs the article's tokens. */
claims_status claims__extract_context(claims_story *s, size_t ai, size_t first);

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
/*
 * Calendar helpers of dates.c, shared with its tests.
 * Never installed.
 */


/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
long claims__date_to_days(int year, int month, int day);

/* The date of a day number from claims__date_to_days(). */
claims__date claims__days_to_date(long days);

/* ISO weekday of a day number: Monday 1 .. Sunday 7. */
int claims__date_weekday(long days);

/* Days in a month (1..12) of a year; February of year 0 (unknown) has 29. */
int claims__date_month_days(int year, int month);

/* Writes "YYYY-MM-DD", "YYYY-MM" or "YYYY" (CLAIMS__PREC_DAY/MONTH/YEAR)
 * into out (at least 11 bytes), with "XXXX" for an unknown year (0).
 * Returns the length, or 0 for CLAIMS__PREC_NONE. */
size_t claims__date_iso(const claims__date *d, int precision, char out[11]);

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
 * the speaker is unknown. High bits, clear of the CLAIMS__CF_* values. */
enum {
    CLAIMS__CF_SPK_PERSON = 1u << 24,  /* speaker is a person's name */
    CLAIMS__CF_SPK_NOMINAL = 1u << 25,  /* speaker is a description */
    /* a bare surname that two full names of its article share ("Smith"
       beside "John Smith" and "Mary Smith"): never merged with either */
    CLAIMS__CF_SPK_AMBIGUOUS = 1u << 26
};

/* Appends s[0..n) normalized (claims__norm_append) with Latin accents
 * folded to their base letters ("Péres" -> "peres"). False on OOM. */
bool claims__fold_append(claims__buf *out, const char *s, size_t n);

/* Word-level alignment of two normalized quote renderings. */
typedef struct claims__align {
    size_t common;   /* words the two share, in order (LCS length) */
    size_t inserted; /* words only in b (not paired with a word of a) */
    size_t deleted;  /* words only in a (not paired with a word of b) */
    size_t replaced; /* a-words swapped for b-words at the same place */
    bool a_in_b;     /* a is a contiguous run of b's words (prefix, suffix,
                        or contained), or equal to b */
    bool b_in_a;     /* b is a contiguous run of a's words, or equal */
} claims__align;

/* Aligns `a` and `b`, two claims__quote_normalize() strings (words
 * separated by one space), by a longest common subsequence over words.
 * Fills *out. *diff (when diff is not NULL) gets a string in the story's
 * arena describing the differences, e.g. "have -> has", "+word",
 * "-word", joined by "; " (at most a few edits are named, then "..."),
 * or NULL when the word sequences are identical. Returns false on OOM.
 * Quadratic in the word counts of a and b: callers compare two quotes,
 * never whole articles. */
bool claims__quote_align(claims_story *s, const char *a, const char *b, claims__align *out,
                         const char **diff);

/* Word overlap of two normalized quotes: common words (LCS) divided by the
 * shorter quote's word count, in [0, 1]. 0 when either is empty or on
 * OOM. */
double claims__quote_overlap(claims_story *s, const char *a, const char *b);

#endif /* CLAIMS_EXTRACT_H */
