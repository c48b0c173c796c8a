/* report_markdown.c - the Markdown report, for a CMS or a code review.
 * CommonMark: every ASCII punctuation character that could start markup
 * is backslash-escaped, so input text never becomes links, HTML or
 * tables of its own. */
#include "report/report.h"

#include <string.h>

static const char *md_escape(unsigned char c, char tmp[4])
{
    switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
    case '|': case '#': case '~': case '!': case '&': case '{': case '}': case '$':
        tmp[0] = '\\';
        tmp[1] = (char)c;
        tmp[2] = 0;
        return tmp;
    default:
        return c < 0x20 || c == 0x7f ? " " : NULL;
    }
}

/* Text for a paragraph or a table cell, on one line. */
static void md(claims__writer *w, const char *s, size_t n)
{
    claims__w_escaped(w, s, n, md_escape);
}

static void mds(claims__writer *w, const char *s)
{
    md(w, s, strlen(s));
}

static void evidence_row(const claims_story *s, claims__writer *w, const claims_claim *c)
{
    const claims__article *a = &s->articles[c->article];
    claims__w_puts(w, "| ");
    mds(w, a->id);
    claims__w_puts(w, " | ");
    claims__w_puts(w, claims__claim_id(c));
    claims__w_puts(w, " | ");
    if (c->speaker)
        mds(w, claims__cstr(c, c->speaker));
    claims__w_puts(w, " | ");
    claims__evidence ev;
    claims__evidence_window(a, c, &ev);
    if (ev.cut_before)
        claims__w_puts(w, "...");
    md(w, ev.text + ev.start, ev.claim_start - ev.start);
    if (ev.claim_end > ev.claim_start) {
        claims__w_puts(w, "**");
        md(w, ev.text + ev.claim_start, ev.claim_end - ev.claim_start);
        claims__w_puts(w, "**");
    }
    md(w, ev.text + ev.claim_end, ev.end - ev.claim_end);
    if (ev.cut_after)
        claims__w_puts(w, "...");
    claims__w_puts(w, " |\n");
}

static void finding(const claims_story *s, claims__writer *w, const claims_finding *f)
{
    claims__w_puts(w, "### ");
    claims__w_puts(w, f->id);
    claims__w_puts(w, ": ");
    mds(w, f->label ? f->label : f->key ? f->key : "");
    claims__w_puts(w, "\n\n");
    mds(w, f->summary);
    claims__w_puts(w, "\n\n- confidence: ");
    claims__w_confidence(w, f->confidence);
    if (f->basis) {
        claims__w_puts(w, "\n- why: ");
        mds(w, f->basis);
    }
    if (claims__finding_fails(s, f))
        claims__w_puts(w, "\n- **fails**");
    if (f->diff) {
        claims__w_puts(w, "\n- difference: ");
        mds(w, f->diff);
    }
    claims__w_puts(w, "\n\n| article | claim | speaker | sentence |\n|---|---|---|---|\n");
    for (size_t j = 0; j < f->nclaims && j < CLAIMS__EVIDENCE_MAX; j++)
        evidence_row(s, w, s->claims[f->claims[j]]);
    if (f->nclaims > CLAIMS__EVIDENCE_MAX) {
        claims__w_puts(w, "\n... and ");
        claims__w_int(w, (long long)(f->nclaims - CLAIMS__EVIDENCE_MAX));
        claims__w_puts(w, " more claims\n");
    }
    claims__w_puts(w, "\n");
}

claims_status claims__report_markdown(const claims_story *s, claims__writer *w)
{
    claims__w_puts(w, "# Claims report\n\n");
    claims__w_int(w, (long long)s->narticles);
    claims__w_puts(w, " articles, ");
    claims__w_int(w, (long long)s->nrejected);
    claims__w_puts(w, " rejected, ");
    claims__w_int(w, (long long)s->nclaims);
    claims__w_puts(w, " claims, ");
    claims__w_int(w, (long long)claims__shown_count(s, -1));
    claims__w_puts(w, " findings, ");
    claims__w_int(w, (long long)claims__failing_count(s));
    claims__w_puts(w, " failing.\n\n## Articles\n\n| id | published | title | bytes |\n"
                      "|---|---|---|---|\n");
    for (size_t i = 0; i < s->narticles; i++) {
        const claims__article *a = &s->articles[i];
        claims__w_puts(w, "| ");
        mds(w, a->id);
        claims__w_puts(w, " | ");
        claims__w_puts(w, a->published_iso[0] ? a->published_iso : "undated");
        claims__w_puts(w, " | ");
        if (a->title)
            mds(w, a->title);
        claims__w_puts(w, " | ");
        claims__w_int(w, (long long)a->len);
        claims__w_puts(w, " |\n");
    }
    if (s->nrejected) {
        claims__w_puts(w, "\n## Rejected inputs\n\n| input | error | offset |\n"
                          "|---|---|---|\n");
        for (size_t i = 0; i < s->nrejected; i++) {
            const claims__rejected *r = &s->rejected[i];
            claims__w_puts(w, "| ");
            mds(w, r->id);
            claims__w_puts(w, " | ");
            mds(w, r->message);
            claims__w_puts(w, " | ");
            if (r->offset >= 0)
                claims__w_int(w, r->offset);
            claims__w_puts(w, " |\n");
        }
    }
    claims__w_puts(w, "\n");
    for (int k = 0; k < CLAIMS__FINDING_TYPES; k++) {
        claims_finding_type ty = claims__report_order[k];
        size_t n = claims__shown_count(s, (int)ty);
        if (!n)
            continue;
        claims__w_puts(w, "## ");
        claims__w_puts(w, claims__type_heading(ty));
        claims__w_puts(w, " (");
        claims__w_int(w, (long long)n);
        claims__w_puts(w, ")\n\n");
        for (size_t i = 0; i < s->nfindings; i++) {
            const claims_finding *f = &s->findings[i];
            if (f->type == ty && claims__finding_shown(s, f))
                finding(s, w, f);
        }
    }
    if (!claims__shown_count(s, -1))
        claims__w_puts(w, "No findings.\n");
    return CLAIMS_OK;
}
