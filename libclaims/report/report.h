/*
 * report/report.h - the report writers. Never installed. Includes only the
 * layers below.
 */
#ifndef CLAIMS_REPORT_H
#define CLAIMS_REPORT_H

#include "compare/compare.h"

typedef struct claims__writer {
    claims_write_fn fn;
    void *ud;
    claims__buf buf;         /* batches small writes */
    bool failed;             /* fn returned non-zero */
} claims__writer;

/* Hands what is batched to the callback. */
void claims__w_flush(claims__writer *w);
void claims__w_put(claims__writer *w, const char *s, size_t n);
void claims__w_puts(claims__writer *w, const char *s);
void claims__w_int(claims__writer *w, long long v);
void claims__w_num(claims__writer *w, double v);
/* Escapers (report_common.c). */
void claims__w_json_str(claims__writer *w, const char *s, size_t n);
void claims__w_xml_str(claims__writer *w, const char *s, size_t n);
/* Writes s[0..n), replacing each byte for which `esc` returns a string
 * (tmp is 4 bytes of scratch it may use) by that string. */
typedef const char *(*claims__escape_fn)(unsigned char c, char tmp[4]);
void claims__w_escaped(claims__writer *w, const char *s, size_t n, claims__escape_fn esc);

/* True when the finding passes CLAIMS_OPT_MIN_CONFIDENCE. */
bool claims__finding_shown(const claims_story *s, const claims_finding *f);
/* True when the finding counts as a failure under CLAIMS_OPT_FAIL_ON. */
bool claims__finding_fails(const claims_story *s, const claims_finding *f);

claims_status claims__report_json(const claims_story *s, claims__writer *w);
claims_status claims__report_text(const claims_story *s, claims__writer *w);
claims_status claims__report_markdown(const claims_story *s, claims__writer *w);
claims_status claims__report_html(const claims_story *s, claims__writer *w);
claims_status claims__report_tap(const claims_story *s, claims__writer *w);
claims_status claims__report_junit(const claims_story *s, claims__writer *w);

/*
 * Helpers shared by the human and pipeline report
 * writers (report_text.c, report_markdown.c, report_html.c, report_tap.c,
 * report_junit.c). Defined in report_text.c. Never installed.
 */


/* Finding types in the order human reports list them: what needs a
 * reader's attention first. */
enum { CLAIMS__FINDING_TYPES = 5 };
extern const claims_finding_type claims__report_order[CLAIMS__FINDING_TYPES];

/* "Contradictions", "Variants", "Agreements", "Compatible". Static. */
const char *claims__type_heading(claims_finding_type t);

/* Writes s[0..n) on one line: control characters (line breaks, tabs,
 * escape sequences) become spaces. */
void claims__w_line(claims__writer *w, const char *s, size_t n);

/* Counts of shown findings, of one type (or every type when t < 0), and
 * of failing ones. */
size_t claims__shown_count(const claims_story *s, int t);
size_t claims__failing_count(const claims_story *s);

/* Claims listed as evidence of one finding before "... and N more". */
enum { CLAIMS__EVIDENCE_MAX = 12 };

/* The confidence as "0.9 (high)" / "0.3 (low)". */
void claims__w_confidence(claims__writer *w, double c);

#endif /* CLAIMS_REPORT_H */
