/* report_tap.c - TAP version 13 for pipelines: one test per finding, "not
 * ok" when it fails under the story's fail-on option, with a YAML block of
 * its evidence. Descriptions stay on one line and escape '#', so no input
 * text can read as a directive. */
#include "report/report.h"

#include <string.h>

static void desc(claims__writer *w, const char *s)
{
    size_t n = strlen(s), run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '#' || c == '\\') {
            claims__w_put(w, s + i - run, run);
            run = 0;
            claims__w_puts(w, c == '#' ? "\\#" : "\\\\");
        } else if (c < 0x20 || c == 0x7f) {
            claims__w_put(w, s + i - run, run);
            run = 0;
            claims__w_puts(w, " ");
        } else {
            run++;
        }
    }
    claims__w_put(w, s + n - run, run);
}

/* A YAML double-quoted scalar: JSON string escaping is valid YAML. */
static void yq(claims__writer *w, const char *s, size_t n)
{
    claims__w_json_str(w, s, n);
}

claims_status claims__report_tap(const claims_story *s, claims__writer *w)
{
    size_t n = claims__shown_count(s, -1);
    claims__w_puts(w, "TAP version 13\n1..");
    claims__w_int(w, (long long)n);
    if (!n)
        claims__w_puts(w, " # SKIP no findings");
    claims__w_puts(w, "\n");
    size_t t = 0;
    for (size_t i = 0; i < s->nfindings; i++) {
        const claims_finding *f = &s->findings[i];
        if (!claims__finding_shown(s, f))
            continue;
        bool fails = claims__finding_fails(s, f);
        claims__w_puts(w, fails ? "not ok " : "ok ");
        claims__w_int(w, (long long)++t);
        claims__w_puts(w, " - ");
        claims__w_puts(w, f->id);
        claims__w_puts(w, " ");
        claims__w_puts(w, claims_finding_type_name(f->type));
        claims__w_puts(w, ": ");
        desc(w, f->summary); /* names the key */
        claims__w_puts(w, "\n");
        if (!fails)
            continue;
        claims__w_puts(w, "  ---\n  type: ");
        claims__w_puts(w, claims_finding_type_name(f->type));
        claims__w_puts(w, "\n  key: ");
        yq(w, f->key ? f->key : "", f->key ? strlen(f->key) : 0);
        claims__w_puts(w, "\n  confidence: ");
        claims__w_num(w, f->confidence);
        if (f->diff) {
            claims__w_puts(w, "\n  diff: ");
            yq(w, f->diff, strlen(f->diff));
        }
        claims__w_puts(w, "\n  claims:\n");
        for (size_t j = 0; j < f->nclaims && j < CLAIMS__EVIDENCE_MAX; j++) {
            const claims_claim *c = s->claims[f->claims[j]];
            const claims__article *a = &s->articles[c->article];
            claims__w_puts(w, "    - id: ");
            claims__w_puts(w, c->id);
            claims__w_puts(w, "\n      article: ");
            yq(w, a->id, strlen(a->id));
            claims__w_puts(w, "\n      text: ");
            yq(w, a->text + c->start, c->end - c->start);
            claims__w_puts(w, "\n      sentence: ");
            yq(w, a->text + c->sent_start, c->sent_end - c->sent_start);
            claims__w_puts(w, "\n");
        }
        claims__w_puts(w, "  ...\n");
    }
    return CLAIMS_OK;
}
