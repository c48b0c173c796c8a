/* report_tap.c - TAP version 13 for pipelines: one test per finding, "not
 * ok" when it fails under the story's fail-on option, with a YAML block of
 * its evidence. Descriptions stay on one line and escape '#', so no input
 * text can read as a directive. */
#include "report/report.h"

#include <string.h>

static const char *desc_escape(unsigned char c, char tmp[4])
{
    (void)tmp;
    if (c == '#')
        return "\\#";
    if (c == '\\')
        return "\\\\";
    return c < 0x20 || c == 0x7f ? " " : NULL;
}

static void desc(claims__writer *w, const char *s)
{
    claims__w_escaped(w, s, strlen(s), desc_escape);
}

/* A YAML double-quoted scalar. */
static void yq(claims__writer *w, const char *s, size_t n)
{
    claims__w_yaml_str(w, s, n);
}

/* A YAML scalar of s[0..n) with "..." at the ends that were cut. */
static void yq_cut(claims__writer *w, const claims_story *s, const char *p, size_t n,
                   bool before, bool after)
{
    if (!before && !after) {
        yq(w, p, n);
        return;
    }
    claims__buf tmp;
    claims__buf_init(&tmp, &s->alloc);
    if (before)
        claims__buf_puts(&tmp, "...");
    claims__buf_put(&tmp, p, n);
    if (after)
        claims__buf_puts(&tmp, "...");
    if (tmp.failed)
        w->buf.failed = true;
    else
        yq(w, tmp.data, tmp.len);
    claims__buf_free(&tmp);
}

claims_status claims__report_tap(const claims_story *s, claims__writer *w)
{
    /* Every rejected input is a failed test, then one test per finding. */
    size_t n = s->nrejected + claims__shown_count(s, -1);
    claims__w_puts(w, "TAP version 13\n1..");
    claims__w_int(w, (long long)n);
    if (!n)
        claims__w_puts(w, " # SKIP no findings");
    claims__w_puts(w, "\n");
    size_t t = 0;
    for (size_t i = 0; i < s->nrejected; i++) {
        const claims__rejected *r = &s->rejected[i];
        claims__w_puts(w, "not ok ");
        claims__w_int(w, (long long)++t);
        claims__w_puts(w, " - rejected input ");
        desc(w, r->id);
        claims__w_puts(w, ": ");
        desc(w, r->message);
        claims__w_puts(w, "\n  ---\n  type: rejected\n  input: ");
        yq(w, r->id, strlen(r->id));
        claims__w_puts(w, "\n  error: ");
        yq(w, r->message, strlen(r->message));
        claims__w_puts(w, "\n  code: ");
        claims__w_int(w, (long long)r->code);
        if (r->offset >= 0) {
            claims__w_puts(w, "\n  offset: ");
            claims__w_int(w, r->offset);
        }
        claims__w_puts(w, "\n  ...\n");
    }
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
            claims__evidence ev;
            claims__evidence_window(a, c, &ev);
            claims__w_puts(w, "    - id: ");
            claims__w_puts(w, claims__claim_id(c));
            claims__w_puts(w, "\n      article: ");
            yq(w, a->id, strlen(a->id));
            claims__w_puts(w, "\n      text: ");
            yq_cut(w, s, ev.text + ev.claim_start, ev.claim_end - ev.claim_start, false,
                   ev.claim_cut);
            claims__w_puts(w, "\n      sentence: ");
            yq_cut(w, s, ev.text + ev.start, ev.end - ev.start, ev.cut_before, ev.cut_after);
            claims__w_puts(w, "\n");
        }
        claims__w_puts(w, "  ...\n");
    }
    return CLAIMS_OK;
}
