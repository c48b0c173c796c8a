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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
