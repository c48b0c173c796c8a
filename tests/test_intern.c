/* intern.c: the story's string table. Ids are given in the order strings
 * are first seen, a string interned again gets its id back, and an id
 * names the same bytes (NUL-terminated) for the story's life, across the
 * index's growth, at every length (the short ones compared by their mark,
 * those of 255 bytes or more by their bytes, those of 512 or more stored
 * apart). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/base.h"
#include "testutil.h"

/* String k of the test: k's digits, then filler letters up to a length
 * that cycles through 1..700, so lengths and prefixes repeat among
 * different strings. Writes it into buf (NUL-terminated); its length. */
static size_t make(char *buf, size_t k)
{
    size_t n = (size_t)snprintf(buf, 32, "%zu", k);
    size_t len = 1 + k * 7 % 700;
    for (size_t i = n; i < len; i++)
        buf[i] = (char)('a' + (k + i) % 26);
    if (len < n)
        len = n;
    buf[len] = 0;
    return len;
}

static void test_ids_and_bytes(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    enum { N = 6000 };
    char buf[800];
    /* the empty string and its one-byte neighbours are strings too */
    claims__sid empty = claims__intern(s, "", 0);
    assert_true(empty != 0);
    assert_string_equal(claims__str(s, empty), "");
    for (size_t k = 0; k < N; k++) {
        size_t n = make(buf, k);
        assert_int_equal(claims__intern(s, buf, n), empty + 1 + k);
    }
    /* every one found again, after the index grew several times */
    for (size_t k = 0; k < N; k++) {
        size_t n = make(buf, k);
        claims__sid id = claims__intern(s, buf, n);
        assert_int_equal(id, empty + 1 + k);
        assert_int_equal(strlen(claims__str(s, id)), n);
        assert_memory_equal(claims__str(s, id), buf, n);
    }
    assert_int_equal(claims__intern(s, "", 0), empty);
    /* a prefix of a stored string, and the string one byte longer, are
       other strings (lengths 254, 255 and 256 about the mark's limit) */
    memset(buf, 'x', 600);
    claims__sid a = claims__intern(s, buf, 254), b = claims__intern(s, buf, 255);
    claims__sid c = claims__intern(s, buf, 256), d = claims__intern(s, buf, 600);
    assert_true(a != b && b != c && c != d && a != d);
    assert_int_equal(claims__intern(s, buf, 255), b);
    assert_int_equal(claims__intern(s, buf, 600), d);
    assert_int_equal(strlen(claims__str(s, c)), 256);
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_and_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
