/* numbers_private.h - what numbers.c exposes to its tests. Never installed. */
#ifndef CLAIMS_NUMBERS_PRIVATE_H
#define CLAIMS_NUMBERS_PRIVATE_H

#include <stddef.h>

/* Writes a naive singular of the normalized word w[0..n) ("casualties" ->
 * "casualty", "boxes" -> "box", "drones" -> "drone") to out, NUL-terminated,
 * truncated to cap - 1 bytes. Returns its length. Words that do not look
 * plural are copied unchanged. cap must be at least 1. */
size_t claims__numbers_singular(const char *w, size_t n, char *out, size_t cap);

#endif /* CLAIMS_NUMBERS_PRIVATE_H */
