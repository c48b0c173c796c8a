/*
 * dates_private.h - calendar helpers of dates.c, shared with its tests.
 * Never installed.
 */
#ifndef CLAIMS_DATES_PRIVATE_H
#define CLAIMS_DATES_PRIVATE_H

#include "internal.h"

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

#endif /* CLAIMS_DATES_PRIVATE_H */
