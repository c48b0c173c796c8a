/* report_junit.c - JUnit XML for pipelines: one testcase per finding, a
 * <failure> for each that fails under the story's fail-on option. Every
 * piece of input text goes through claims__w_xml_str. */
#include "report/report.h"

#include <string.h>

static void xs(claims__writer *w, const char *s)
{
    claims__w_xml_str(w, s, strlen(s));
}

claims_status claims__report_junit(const claims_story *s, claims__writer *w)
{
    /* Every rejected input is a test case in error, then one per finding. */
    size_t errors = s->nrejected;
    size_t n = errors + claims__shown_count(s, -1), failures = claims__failing_count(s);
    claims__w_puts(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claims\" "
                      "tests=\"");
    claims__w_int(w, (long long)n);
    claims__w_puts(w, "\" failures=\"");
    claims__w_int(w, (long long)failures);
    claims__w_puts(w, "\" errors=\"");
    claims__w_int(w, (long long)errors);
    claims__w_puts(w, "\">\n<testsuite name=\"claims\" tests=\"");
    claims__w_int(w, (long long)n);
    claims__w_puts(w, "\" failures=\"");
    claims__w_int(w, (long long)failures);
    claims__w_puts(w, "\" errors=\"");
    claims__w_int(w, (long long)errors);
    claims__w_puts(w, "\" skipped=\"0\">\n");
    for (size_t i = 0; i < s->nrejected; i++) {
        const claims__rejected *r = &s->rejected[i];
        claims__w_puts(w, "<testcase classname=\"claims.rejected\" name=\"");
        xs(w, r->id);
        claims__w_puts(w, "\">\n<error message=\"");
        xs(w, r->message);
        claims__w_puts(w, "\" type=\"rejected\">");
        xs(w, r->message);
        if (r->offset >= 0) {
            claims__w_puts(w, " (byte ");
            claims__w_int(w, r->offset);
            claims__w_puts(w, ")");
        }
        claims__w_puts(w, "</error></testcase>\n");
    }
    for (size_t i = 0; i < s->nfindings; i++) {
        const claims_finding *f = &s->findings[i];
        if (!claims__finding_shown(s, f))
            continue;
        claims__w_puts(w, "<testcase classname=\"claims.");
        claims__w_puts(w, claims_finding_type_name(f->type));
        claims__w_puts(w, "\" name=\"");
        claims__w_puts(w, f->id);
        claims__w_puts(w, " ");
        xs(w, f->key ? f->key : "");
        claims__w_puts(w, "\">");
        if (claims__finding_fails(s, f)) {
            claims__w_puts(w, "\n<failure message=\"");
            xs(w, f->summary);
            claims__w_puts(w, "\" type=\"");
            claims__w_puts(w, claims_finding_type_name(f->type));
            claims__w_puts(w, "\">");
            claims__w_puts(w, "confidence ");
            claims__w_confidence(w, f->confidence);
            claims__w_puts(w, "\n");
            if (f->diff) {
                claims__w_puts(w, "difference: ");
                xs(w, f->diff);
                claims__w_puts(w, "\n");
            }
            for (size_t j = 0; j < f->nclaims && j < CLAIMS__EVIDENCE_MAX; j++) {
                const claims_claim *c = s->claims[f->claims[j]];
                const claims__article *a = &s->articles[c->article];
                xs(w, a->id);
                claims__w_puts(w, " ");
                claims__w_puts(w, claims__claim_id(c));
                claims__w_puts(w, ": ");
                claims__evidence ev;
                claims__evidence_window(a, c, &ev);
                if (ev.cut_before)
                    claims__w_puts(w, "...");
                claims__w_xml_str(w, ev.text + ev.start, ev.end - ev.start);
                if (ev.cut_after)
                    claims__w_puts(w, "...");
                claims__w_puts(w, "\n");
            }
            claims__w_puts(w, "</failure>\n");
        } else {
            claims__w_puts(w, "<system-out>");
            xs(w, f->summary);
            claims__w_puts(w, "</system-out>");
        }
        claims__w_puts(w, "</testcase>\n");
    }
    claims__w_puts(w, "</testsuite>\n</testsuites>\n");
    return CLAIMS_OK;
}
