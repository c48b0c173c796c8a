/*
 * report_private.h - helpers shared by the human and pipeline report
 * writers (report_text.c, report_markdown.c, report_html.c, report_tap.c,
 * report_junit.c). Defined in report_text.c. Never installed.
 */
#ifndef CLAIMS_REPORT_PRIVATE_H
#define CLAIMS_REPORT_PRIVATE_H

#include "internal.h"

/* Finding types in the order human reports list them: what needs a
 * reader's attention first. */
extern const claims_finding_type claims__report_order[4];

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

#endif /* CLAIMS_REPORT_PRIVATE_H */
