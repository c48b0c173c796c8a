/*
 * speech_private.h - what quotes.c and people.c offer to other modules
 * (compare.c) beyond internal.h. Never installed.
 */
#ifndef CLAIMS_SPEECH_PRIVATE_H
#define CLAIMS_SPEECH_PRIVATE_H

#include "internal.h"

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

#endif /* CLAIMS_SPEECH_PRIVATE_H */
