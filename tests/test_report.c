/* Tests of the report writers (text, markdown, html, tap, junit; json via
 * the contract writer) on a small story written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* Two reports of one storm: the toll differs (a contradiction), a quote
 * agrees; the first carries markup characters that must be escaped. */
static const char *const storm[2] = {
    "Storm on the coast\n\nThe storm killed 12 people near <Baytown> & nearby \"villages\", "
    "officials said. \"It was the worst night of my life,\" Mayor Ines Palma said.\n",
    "Coast storm toll\n\nThe storm killed 15 people near Baytown, officials said. \"It was the "
    "worst night of my life,\" Mayor Ines Palma said.\n"};

typedef struct sink {
    char *data;
    size_t len;
    int fail_after; /* calls before failing; < 0 never */
} sink;

static int sink_write(void *ud, const char *data, size_t len)
{
    sink *k = ud;
    if (k->fail_after == 0)
        return 1;
    if (k->fail_after > 0)
        k->fail_after--;
    char *p = realloc(k->data, k->len + len + 1);
    assert_non_null(p);
    memcpy(p + k->len, data, len);
    k->len += len;
    p[k->len] = 0;
    k->data = p;
    return 0;
}

/* The report as a NUL-terminated malloc'ed string. */
static char *report(const claims_story *s, claims_format fmt)
{
    sink k = {NULL, 0, -1};
    assert_int_equal(claims_story_write_report(s, fmt, sink_write, &k, NULL), CLAIMS_OK);
    assert_non_null(k.data);
    return k.data;
}

static claims_story *storm_story(void)
{
    claims_story *s = tu_story(storm, NULL, 2);
    /* the rules these tests rely on */
    if (!tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL) ||
        !tu_finding(s, CLAIMS_FINDING_AGREEMENT, NULL, NULL))
        tu_dump(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL));
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, NULL, NULL));
    return s;
}

static size_t count_str(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static size_t count_lines_starting(const char *text, const char *prefix)
{
    size_t n = 0, pl = strlen(prefix);
    for (const char *p = text; p && *p;) {
        if (strncmp(p, prefix, pl) == 0)
            n++;
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return n;
}

static void test_report_text_lists_findings_with_evidence(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    char *out = report(s, CLAIMS_FORMAT_TEXT);
    assert_non_null(strstr(out, "Contradictions (1)"));
    assert_non_null(strstr(out, "Agreements (1)"));
    assert_non_null(strstr(out, "12 (a0) contradicts 15 (a1) for count/person/kill"));
    /* the evidence: article id, claim id and the sentence */
    assert_non_null(strstr(out, "- a1 "));
    assert_non_null(strstr(out, "The storm killed [15 people] near Baytown, officials said."));
    assert_null(strchr(out, '\x1b'));
    free(out);
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_COLOR, 1), CLAIMS_OK);
    out = report(s, CLAIMS_FORMAT_TEXT);
    assert_non_null(strstr(out, "\x1b[31m"));
    free(out);
    claims_story_free(s);
}

static void test_report_text_strips_control_characters(void **state)
{
    (void)state;
    const char *texts[2] = {"Ten boats sank \x1b[2J in the bay, the navy said.\n",
                            "Ten boats sank in the bay, the navy said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    char *out = report(s, CLAIMS_FORMAT_TEXT);
    assert_null(strchr(out, '\x1b'));
    free(out);
    claims_story_free(s);
}

static void test_report_tap_syntax(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    char *out = report(s, CLAIMS_FORMAT_TAP);
    assert_memory_equal(out, "TAP version 13\n1..", 18);
    long plan = strtol(out + 18, NULL, 10);
    size_t ok = count_lines_starting(out, "ok ");
    size_t not_ok = count_lines_starting(out, "not ok ");
    assert_int_equal(plan, (long)(ok + not_ok));
    assert_int_equal(plan, (long)claims_story_finding_count(s));
    assert_int_equal(not_ok, claims_story_failure_count(s));
    assert_int_equal(not_ok, 1);
    /* tests are numbered 1..N in order */
    size_t next = 1;
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        const char *q = strncmp(p, "ok ", 3) == 0       ? p + 3
                        : strncmp(p, "not ok ", 7) == 0 ? p + 7
                                                        : NULL;
        if (q)
            assert_int_equal(strtol(q, NULL, 10), (long)next++);
    }
    /* the failure's YAML block is indented and closed */
    assert_non_null(strstr(out, "\n  ---\n  type: contradiction\n"));
    assert_non_null(strstr(out, "\n  ...\n"));
    free(out);
    /* fail-on none: everything is ok */
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_FAIL_ON, CLAIMS_FAIL_ON_NONE),
                     CLAIMS_OK);
    out = report(s, CLAIMS_FORMAT_TAP);
    assert_int_equal(count_lines_starting(out, "not ok "), 0);
    free(out);
    claims_story_free(s);
}

static void test_report_tap_escapes_hash(void **state)
{
    (void)state;
    const char *texts[2] = {"\"We are number #1 in the region for rescue work,\" Chief Ana "
                            "Ruiz said.\n",
                            "\"We are number #1 in the region for rescue work,\" Chief Ana "
                            "Ruiz said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    char *out = report(s, CLAIMS_FORMAT_TAP);
    /* no unescaped '#' on a test line could read as a directive */
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (strncmp(p, "ok ", 3) != 0 && strncmp(p, "not ok ", 7) != 0)
            continue;
        const char *end = strchr(p, '\n');
        for (const char *h = p; h < end; h++)
            if (*h == '#')
                assert_true(h > p && h[-1] == '\\');
    }
    free(out);
    claims_story_free(s);
}

static void test_report_junit_well_formed(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    char *out = report(s, CLAIMS_FORMAT_JUNIT);
    assert_memory_equal(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39);
    char want[128];
    snprintf(want, sizeof want, "<testsuite name=\"claims\" tests=\"%zu\" failures=\"%zu\"",
             claims_story_finding_count(s), claims_story_failure_count(s));
    assert_non_null(strstr(out, want));
    assert_int_equal(count_str(out, "<testcase "), claims_story_finding_count(s));
    assert_int_equal(count_str(out, "</testcase>"), claims_story_finding_count(s));
    assert_int_equal(count_str(out, "<failure "), 1);
    assert_int_equal(count_str(out, "</failure>"), 1);
    assert_non_null(strstr(out, "&lt;Baytown&gt; &amp; nearby &quot;villages&quot;"));
    assert_null(strstr(out, "<Baytown>"));
    assert_non_null(strstr(out, "</testsuites>\n"));
    free(out);
    claims_story_free(s);
}

static void test_report_html_self_contained_and_escaped(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    char *out = report(s, CLAIMS_FORMAT_HTML);
    assert_memory_equal(out, "<!DOCTYPE html>", 15);
    assert_non_null(strstr(out, "<meta name=\"viewport\""));
    assert_non_null(strstr(out, "<style>"));
    assert_null(strstr(out, "<script"));
    assert_null(strstr(out, "<link"));
    assert_null(strstr(out, "http://"));
    assert_null(strstr(out, "https://"));
    assert_null(strstr(out, "<Baytown>"));
    assert_non_null(strstr(out, "&lt;Baytown&gt; &amp; nearby &quot;villages&quot;"));
    assert_non_null(strstr(out, "killed <mark>12 people</mark> near"));
    assert_non_null(strstr(out, "class=\"finding contradiction\""));
    assert_non_null(strstr(out, "</html>\n"));
    free(out);
    claims_story_free(s);
}

static void test_report_html_marks_differing_words(void **state)
{
    (void)state;
    const char *texts[2] = {"\"We owe the volunteers everything they have done this week,\" "
                            "Chief Ana Ruiz said.\n",
                            "\"We owe the volunteers everything they did this week,\" Chief "
                            "Ana Ruiz said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    const claims_finding *f = tu_finding(s, CLAIMS_FINDING_VARIANT, NULL, NULL);
    if (!f)
        tu_dump(s);
    assert_non_null(f);
    char *out = report(s, CLAIMS_FORMAT_HTML);
    assert_non_null(strstr(out, "everything they <mark>have</mark> <mark>done</mark> this"));
    assert_non_null(strstr(out, "everything they <mark>did</mark> this"));
    free(out);
    claims_story_free(s);
}

static void test_report_markdown_escapes(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    char *out = report(s, CLAIMS_FORMAT_MARKDOWN);
    assert_memory_equal(out, "# Claims report\n", 16);
    assert_non_null(strstr(out, "## Contradictions (1)"));
    assert_non_null(strstr(out, "\\<Baytown\\> \\& nearby"));
    assert_non_null(strstr(out, "**12 people**"));
    assert_null(strstr(out, "<Baytown>"));
    free(out);
    claims_story_free(s);
}

static void test_report_json_contract(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    char *out = report(s, CLAIMS_FORMAT_JSON);
    assert_memory_equal(out, "{\"schema\":\"claims-report/1\"", 27);
    assert_non_null(strstr(out, "\"type\":\"contradiction\""));
    free(out);
    claims_story_free(s);
}

static void test_report_rejected_inputs_listed(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char bad[] = "Bad \xff byte here.";
    assert_int_equal(claims_story_add_article(s, "broken", NULL, NULL, bad, strlen(bad), NULL),
                     CLAIMS_ERR_INVALID_UTF8);
    const char good[] = "Nine ferries crossed the strait on Sunday.";
    assert_int_equal(claims_story_add_article(s, "fine", NULL, NULL, good, strlen(good), NULL),
                     CLAIMS_OK);
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    const claims_format fmts[3] = {CLAIMS_FORMAT_TEXT, CLAIMS_FORMAT_MARKDOWN,
                                   CLAIMS_FORMAT_HTML};
    /* the byte offset of the bad byte, as each format writes it */
    const char *offsets[3] = {"(byte 4)", "| 4 |", "<td>4</td>"};
    for (int i = 0; i < 3; i++) {
        char *out = report(s, fmts[i]);
        assert_non_null(strstr(out, "Rejected inputs"));
        assert_non_null(strstr(out, "broken"));
        assert_non_null(strstr(out, offsets[i]));
        free(out);
    }
    claims_story_free(s);
}

/* ------------------------------------------------ issue 14: item 1 */

/* A report writes at most a window around each claim: one sentence of
 * ~12 KB gives evidence of a few KB in every format, not the sentence. */
static void test_report_long_sentence_windowed_in_every_format(void **state)
{
    (void)state;
    char *texts[2];
    for (int k = 0; k < 2; k++) {
        size_t cap = 32 * 1024, len = 0;
        char *t = malloc(cap);
        assert_non_null(t);
        len += (size_t)snprintf(t + len, cap - len, "Storm\n\nStartmarker storm, ");
        for (int i = 0; i < 200; i++)
            len += (size_t)snprintf(t + len, cap - len, "which came in from the sea and ");
        len += (size_t)snprintf(t + len, cap - len, "killed %d people in Baytown", k ? 15 : 12);
        for (int i = 0; i < 200; i++)
            len += (size_t)snprintf(t + len, cap - len, ", and the wind blew on");
        snprintf(t + len, cap - len, " until Endmarker, officials said.\n");
        texts[k] = t;
    }
    claims_story *s = tu_story((const char *const *)texts, NULL, 2);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL));
    for (int f = CLAIMS_FORMAT_TEXT; f <= CLAIMS_FORMAT_JUNIT; f++) {
        char *out = report(s, (claims_format)f);
        /* the claim is shown, the far ends of its sentence are not */
        assert_non_null(strstr(out, "12 people"));
        assert_non_null(strstr(out, "..."));
        assert_null(strstr(out, "Startmarker"));
        assert_null(strstr(out, "Endmarker"));
        size_t n = strlen(out);
        size_t per = claims_story_finding_count(s) * 2 * 2100 + 12000;
        if (n > per)
            fprintf(stderr, "format %d: %zu bytes\n", f, n);
        assert_true(n < per);
        free(out);
    }
    claims_story_free(s);
    free(texts[0]);
    free(texts[1]);
}

/* ------------------------------------------------ issue 14: item 6 */

static bool has_bytes(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

/* Bidi overrides and isolates, C1 controls, DEL and noncharacters in the
 * input never reach a human-readable report as they are. */
static void test_report_unsafe_characters_neutralised(void **state)
{
    (void)state;
    const char *texts[2] = {
        "Flood \xE2\x80\xAE" "drawkcab\xE2\x80\xAC title\n\nThe flood killed 12 people near "
        "\xE2\x81\xA6" "Baytown\xE2\x81\xA9 \xC2\x9B" "31m and \x7f \xEF\xBF\xBE \xEF\xBF\xBF "
        "\xF4\x8F\xBF\xBF villages, officials said.\n",
        "Flood\n\nThe flood killed 15 people near Baytown, officials said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, NULL, NULL));
    const char *unsafe[] = {"\xE2\x80\xAE", "\xE2\x80\xAC", "\xE2\x81\xA6", "\xE2\x81\xA9",
                            "\xC2\x9B",     "\x7f",         "\xEF\xBF\xBE", "\xEF\xBF\xBF",
                            "\xF4\x8F\xBF\xBF"};
    for (int f = CLAIMS_FORMAT_TEXT; f <= CLAIMS_FORMAT_JUNIT; f++) {
        char *out = report(s, (claims_format)f);
        size_t n = strlen(out);
        assert_true(has_bytes(out, n, "12 people"));
        for (size_t u = 0; u < sizeof unsafe / sizeof unsafe[0]; u++) {
            /* JSON keeps C1 controls and noncharacters (they are valid
             * JSON text); it escapes the rest */
            if (f == CLAIMS_FORMAT_JSON && u >= 4 && u != 5)
                continue;
            if (has_bytes(out, n, unsafe[u]))
                fprintf(stderr, "format %d has unsafe character %zu\n", f, u);
            assert_false(has_bytes(out, n, unsafe[u]));
        }
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)out[i];
            /* no C0 control but line breaks (and ANSI escapes, off here) */
            assert_false(c < 0x20 && c != '\n');
        }
        if (f == CLAIMS_FORMAT_TAP) {
            /* YAML escapes, lossless; past the BMP as \U */
            assert_non_null(strstr(out, "\\u2066Baytown\\u2069 \\u009b31m and \\u007f "
                                        "\\ufffe \\uffff \\U0010ffff villages"));
        }
        free(out);
    }
    claims_story_free(s);
}

/* A <mark> or </mark> never stands inside a UTF-8 character. */
static void assert_marks_on_boundaries(const char *out)
{
    for (const char *p = strstr(out, "mark>"); p; p = strstr(p + 1, "mark>")) {
        const char *tag = p[-1] == '/' ? p - 2 : p - 1;
        assert_true(*tag == '<');
        unsigned char before = (unsigned char)tag[-1], after = (unsigned char)p[5];
        assert_false(before >= 0xC0);                  /* a lead byte before the tag */
        assert_false(after >= 0x80 && after < 0xC0);   /* a continuation after it */
    }
}

static void test_report_html_marks_never_split_characters(void **state)
{
    (void)state;
    /* "–" and "·" once made the word scan start a word inside the dash
     * and end one inside the dot, so counts matched by accident */
    const char *texts[2] = {"\"We owe them x \xE2\x80\x93 a\xC2\xB7" "b for everything they "
                            "have done this week,\" Chief Ana Ruiz said.\n",
                            "\"We owe them x \xE2\x80\x93 c\xC2\xB7" "b for everything they "
                            "have done this week,\" Chief Ana Ruiz said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    char *out = report(s, CLAIMS_FORMAT_HTML);
    assert_marks_on_boundaries(out);
    free(out);
    claims_story_free(s);
    /* a dash between words no longer hides the word marks */
    const char *texts2[2] = {"\"You know what they say \xE2\x80\x93 the third time is the "
                             "charm,\" Chief Ana Ruiz said.\n",
                             "\"You know what they said \xE2\x80\x93 the third time is the "
                             "charm,\" Chief Ana Ruiz said.\n"};
    s = tu_story(texts2, NULL, 2);
    if (!tu_finding(s, CLAIMS_FINDING_VARIANT, NULL, NULL))
        tu_dump(s);
    assert_non_null(tu_finding(s, CLAIMS_FINDING_VARIANT, NULL, NULL));
    out = report(s, CLAIMS_FORMAT_HTML);
    assert_marks_on_boundaries(out);
    assert_non_null(strstr(out, "they <mark>say</mark> \xE2\x80\x93 the third"));
    assert_non_null(strstr(out, "they <mark>said</mark> \xE2\x80\x93 the third"));
    free(out);
    claims_story_free(s);
}

/* ------------------------------------------------ issue 14: item 9 */

static void test_report_tap_junit_list_rejected_inputs(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char bad[] = "Bad \xff byte here.";
    assert_int_equal(claims_story_add_article(s, "broken", NULL, NULL, bad, strlen(bad), NULL),
                     CLAIMS_ERR_INVALID_UTF8);
    assert_int_equal(claims_story_reject(s, "unreadable#1", CLAIMS_ERR_IO, "cannot read", -1),
                     CLAIMS_OK);
    for (int i = 0; i < 2; i++) {
        const char *good = storm[i];
        char id[4] = {'g', (char)('0' + i), 0};
        assert_int_equal(claims_story_add_article(s, id, NULL, NULL, good, strlen(good), NULL),
                         CLAIMS_OK);
    }
    assert_int_equal(claims_story_check(s, NULL), CLAIMS_OK);
    size_t nf = claims_story_finding_count(s);
    assert_true(nf > 0);

    char *out = report(s, CLAIMS_FORMAT_TAP);
    long plan = strtol(out + 18, NULL, 10);
    assert_int_equal(plan, (long)(nf + 2));
    assert_int_equal(count_lines_starting(out, "ok ") + count_lines_starting(out, "not ok "),
                     nf + 2);
    assert_non_null(strstr(out, "not ok 1 - rejected input broken: "));
    assert_non_null(strstr(out, "not ok 2 - rejected input unreadable\\#1: cannot read\n"));
    assert_non_null(strstr(out, "  offset: 4\n"));
    free(out);

    out = report(s, CLAIMS_FORMAT_JUNIT);
    char want[128];
    snprintf(want, sizeof want, "tests=\"%zu\" failures=\"%zu\" errors=\"2\"", nf + 2,
             claims_story_failure_count(s));
    assert_int_equal(count_str(out, want), 2); /* testsuites and testsuite */
    assert_int_equal(count_str(out, "<testcase "), nf + 2);
    assert_int_equal(count_str(out, "<error "), 2);
    assert_non_null(strstr(out, "<testcase classname=\"claims.rejected\" name=\"broken\">"));
    free(out);
    claims_story_free(s);
}

static void test_report_min_confidence_hides_findings(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    assert_int_equal(claims_story_set_option(s, CLAIMS_OPT_MIN_CONFIDENCE, 100), CLAIMS_OK);
    char *out = report(s, CLAIMS_FORMAT_TAP);
    assert_non_null(strstr(out, "1..0"));
    free(out);
    out = report(s, CLAIMS_FORMAT_JUNIT);
    assert_non_null(strstr(out, "tests=\"0\""));
    assert_null(strstr(out, "<testcase"));
    free(out);
    out = report(s, CLAIMS_FORMAT_TEXT);
    assert_non_null(strstr(out, "No findings."));
    free(out);
    claims_story_free(s);
}

static void test_report_deterministic(void **state)
{
    (void)state;
    for (int f = CLAIMS_FORMAT_TEXT; f <= CLAIMS_FORMAT_JUNIT; f++) {
        claims_story *s1 = storm_story(), *s2 = storm_story();
        char *a = report(s1, (claims_format)f), *b = report(s2, (claims_format)f);
        assert_string_equal(a, b);
        free(a);
        free(b);
        claims_story_free(s1);
        claims_story_free(s2);
    }
}

static void test_report_write_failure_is_io_error(void **state)
{
    (void)state;
    claims_story *s = storm_story();
    for (int f = CLAIMS_FORMAT_TEXT; f <= CLAIMS_FORMAT_JUNIT; f++) {
        sink k = {NULL, 0, 0};
        assert_int_equal(claims_story_write_report(s, (claims_format)f, sink_write, &k, NULL),
                         CLAIMS_ERR_IO);
        free(k.data);
    }
    claims_story_free(s);
}

/* The JSON string writer steps sixteen bytes at a time over plain text:
 * a character to escape (or a multibyte one, kept or escaped) at every
 * position of strings of every length up to 40 comes out as the byte
 * rules say. */
static void test_report_json_string_every_position(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    static const struct {
        const char *in, *out;
    } odd[] = {{"\"", "\\\""},
               {"\\", "\\\\"},
               {"\n", "\\n"},
               {"\x01", "\\u0001"},
               {"\x7f", "\\u007f"},
               {"\xc3\xa9", "\xc3\xa9"},
               {"\xe2\x80\xa8", "\\u2028"}};
    for (size_t o = 0; o < sizeof odd / sizeof odd[0]; o++)
        for (size_t len = 1; len <= 40; len++)
            for (size_t at = 0; at < len; at++) {
                char in[64], want[80];
                size_t n = 0, m = 0;
                want[m++] = '"';
                for (size_t i = 0; i < len; i++) {
                    const char *piece = i == at ? odd[o].in : "x";
                    const char *shown = i == at ? odd[o].out : "x";
                    memcpy(in + n, piece, strlen(piece));
                    n += strlen(piece);
                    memcpy(want + m, shown, strlen(shown));
                    m += strlen(shown);
                }
                want[m++] = '"';
                sink k = {NULL, 0, -1};
                claims__writer w = {sink_write, &k, {0}, false};
                claims__buf_init(&w.buf, &s->alloc);
                claims__w_json_str(&w, in, n);
                claims__w_flush(&w);
                claims__buf_free(&w.buf);
                assert_non_null(k.data);
                assert_int_equal(k.len, m);
                assert_memory_equal(k.data, want, m);
                free(k.data);
            }
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_text_lists_findings_with_evidence),
        cmocka_unit_test(test_report_text_strips_control_characters),
        cmocka_unit_test(test_report_tap_syntax),
        cmocka_unit_test(test_report_tap_escapes_hash),
        cmocka_unit_test(test_report_junit_well_formed),
        cmocka_unit_test(test_report_html_self_contained_and_escaped),
        cmocka_unit_test(test_report_html_marks_differing_words),
        cmocka_unit_test(test_report_markdown_escapes),
        cmocka_unit_test(test_report_json_contract),
        cmocka_unit_test(test_report_rejected_inputs_listed),
        cmocka_unit_test(test_report_min_confidence_hides_findings),
        cmocka_unit_test(test_report_deterministic),
        cmocka_unit_test(test_report_write_failure_is_io_error),
        cmocka_unit_test(test_report_long_sentence_windowed_in_every_format),
        cmocka_unit_test(test_report_unsafe_characters_neutralised),
        cmocka_unit_test(test_report_html_marks_never_split_characters),
        cmocka_unit_test(test_report_tap_junit_list_rejected_inputs),
        cmocka_unit_test(test_report_json_string_every_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
