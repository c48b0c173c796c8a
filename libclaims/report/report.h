/*
 * report/report.h - the report writers. Never installed. Includes only the
 * layers below.
 */
#ifndef CLAIMS_REPORT_H
#define CLAIMS_REPORT_H

#include "compare/compare.h"

#include <string.h>

typedef struct claims__writer {
    claims_write_fn fn;
    void *ud;
    claims__buf buf;         /* batches small writes */
    bool failed;             /* fn returned non-zero */
} claims__writer;

/* Hands what is batched to the callback. */
void claims__w_flush(claims__writer *w);
void claims__w_put(claims__writer *w, const char *s, size_t n);
/* Inline, so a literal's length is known at compile time. */
static inline void claims__w_puts(claims__writer *w, const char *s)
{
    claims__w_put(w, s, strlen(s));
}
void claims__w_int(claims__writer *w, long long v);
void claims__w_num(claims__writer *w, double v);
/* Escapers (report_common.c). Input text is valid UTF-8.
 *
 * A JSON string: quotes, backslashes and C0 controls escaped; so are
 * U+2028/U+2029 (they end JavaScript string literals) and the bidi
 * controls below (lossless, and a terminal showing the raw report is
 * not reordered). */
void claims__w_json_str(claims__writer *w, const char *s, size_t n);
/* A YAML double-quoted scalar (TAP's YAML blocks): the JSON escaping,
 * plus C1 controls and noncharacters escaped, so the block holds no
 * character YAML forbids and no raw control character. */
void claims__w_yaml_str(claims__writer *w, const char *s, size_t n);
/* XML / HTML character data or attribute value: markup characters as
 * entities; characters XML 1.0 forbids or discourages (C0 controls but
 * tab and line breaks, DEL, C1 controls) become a space, noncharacters
 * U+FFFE/U+FFFF (and U+FDD0..U+FDEF, U+nFFFE/U+nFFFF) U+FFFD. */
void claims__w_xml_str(claims__writer *w, const char *s, size_t n);
/* Writes s[0..n) for a human reader: each ASCII byte for which `esc`
 * returns a string (tmp is 4 bytes of scratch it may use) is replaced by
 * that string; C1 controls become a space; bidirectional embedding,
 * override and isolate controls (U+202A..U+202E, U+2066..U+2069), which
 * could make shown text read differently from the input, and
 * noncharacters become U+FFFD. Every human-readable writer (text,
 * Markdown, HTML, TAP, JUnit) sends input text through this. `esc` is
 * not asked about ASCII letters, digits and the space: no format escapes
 * them. */
typedef const char *(*claims__escape_fn)(unsigned char c, char tmp[4]);
void claims__w_escaped(claims__writer *w, const char *s, size_t n, claims__escape_fn esc);

/* The evidence a report shows for a claim: its sentence, or, when the
 * sentence is longer than CLAIMS__SENTENCE_MAX bytes (pathological input:
 * a whole article without a full stop), a window of
 * CLAIMS__SENTENCE_CONTEXT bytes either side of the claim, the claim
 * itself cut at CLAIMS__SENTENCE_MAX bytes. Every format uses this one
 * window, so a report stays proportional to its input. Offsets are into
 * `text`: the article's text, or its title for a claim read in a title
 * given apart (CLAIMS__CF_IN_TITLE); on character boundaries, with
 * start <= claim_start <= claim_end <= end. */
enum { CLAIMS__SENTENCE_MAX = 1200, CLAIMS__SENTENCE_CONTEXT = 400 };
typedef struct claims__evidence {
    const char *text;              /* what the offsets are into */
    size_t start, end;             /* the window */
    size_t claim_start, claim_end; /* the claim's words inside it */
    bool cut_before, cut_after;    /* the sentence goes on: show "..." */
    bool claim_cut;                /* the claim itself was cut */
} claims__evidence;
void claims__evidence_window(const claims__article *art, const claims_claim *c,
                             claims__evidence *out);

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
 * escape sequences, DEL, C1) become spaces, bidi controls and
 * noncharacters U+FFFD (claims__w_escaped). */
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
