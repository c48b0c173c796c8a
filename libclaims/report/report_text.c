/* report_text.c - the text report (the CLI's default, for a terminal), and
 * the helpers the other human and pipeline writers share
 * (report/report.h). ANSI colours only when the story's colour option is
 * on; input text never reaches the terminal with its control characters. */
#include "report/report.h"

#include <string.h>

const claims_finding_type claims__report_order[CLAIMS__FINDING_TYPES] = {
    CLAIMS_FINDING_CONTRADICTION, CLAIMS_FINDING_VARIANT, CLAIMS_FINDING_UPDATE,
    CLAIMS_FINDING_AGREEMENT, CLAIMS_FINDING_COMPATIBLE};

const char *claims__type_heading(claims_finding_type t)
{
    switch (t) {
    case CLAIMS_FINDING_AGREEMENT: return "Agreements";
    case CLAIMS_FINDING_CONTRADICTION: return "Contradictions";
    case CLAIMS_FINDING_VARIANT: return "Variants";
    case CLAIMS_FINDING_UPDATE: return "Updates";
    default: return "Compatible";
    }
}

static const char *line_escape(unsigned char c, char tmp[4])
{
    (void)tmp;
    return c < 0x20 || c == 0x7f ? " " : NULL;
}

void claims__w_line(claims__writer *w, const char *s, size_t n)
{
    claims__w_escaped(w, s, n, line_escape);
}

size_t claims__shown_count(const claims_story *s, int t)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nfindings; i++)
        if ((t < 0 || (int)s->findings[i].type == t) &&
            claims__finding_shown(s, &s->findings[i]))
            n++;
    return n;
}

size_t claims__failing_count(const claims_story *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nfindings; i++)
        if (claims__finding_fails(s, &s->findings[i]))
            n++;
    return n;
}

void claims__w_confidence(claims__writer *w, double c)
{
    claims__w_num(w, c);
    claims__w_puts(w, c < 0.5 ? " (low)" : " (high)");
}

/* ------------------------------------------------------------ text */

typedef struct tctx {
    const claims_story *s;
    claims__writer *w;
    bool color;
} tctx;

static void ansi(tctx *t, const char *code)
{
    if (t->color)
        claims__w_puts(t->w, code);
}

static const char *type_color(claims_finding_type ty)
{
    switch (ty) {
    case CLAIMS_FINDING_CONTRADICTION: return "\x1b[31m";
    case CLAIMS_FINDING_VARIANT: return "\x1b[33m";
    case CLAIMS_FINDING_AGREEMENT: return "\x1b[32m";
    default: return "\x1b[36m";
    }
}

static void evidence(tctx *t, const claims_claim *c)
{
    const claims__article *a = &t->s->articles[c->article];
    claims__writer *w = t->w;
    claims__w_puts(w, "    - ");
    claims__w_line(w, a->id, strlen(a->id));
    claims__w_puts(w, " ");
    claims__w_puts(w, claims__claim_id(c));
    if (c->speaker) {
        claims__w_puts(w, " (");
        const char *speaker = claims__cstr(c, c->speaker);
        claims__w_line(w, speaker, strlen(speaker));
        claims__w_puts(w, ")");
    }
    claims__w_puts(w, ": ");
    /* the sentence (or its window), with the claim's own words in bold */
    claims__evidence ev;
    claims__evidence_window(a, c, &ev);
    const char *text = ev.text;
    if (ev.cut_before)
        claims__w_puts(w, "...");
    claims__w_line(w, text + ev.start, ev.claim_start - ev.start);
    ansi(t, "\x1b[1m");
    if (!t->color)
        claims__w_puts(w, "[");
    claims__w_line(w, text + ev.claim_start, ev.claim_end - ev.claim_start);
    if (!t->color)
        claims__w_puts(w, "]");
    ansi(t, "\x1b[0m");
    claims__w_line(w, text + ev.claim_end, ev.end - ev.claim_end);
    if (ev.cut_after)
        claims__w_puts(w, "...");
    claims__w_puts(w, "\n");
}

static void finding(tctx *t, const claims_finding *f)
{
    claims__writer *w = t->w;
    claims__w_puts(w, "  ");
    ansi(t, "\x1b[1m");
    claims__w_puts(w, f->id);
    ansi(t, "\x1b[0m");
    claims__w_puts(w, " ");
    const char *head = f->label ? f->label : f->key ? f->key : "";
    claims__w_line(w, head, strlen(head));
    claims__w_puts(w, ", confidence ");
    claims__w_confidence(w, f->confidence);
    if (claims__finding_fails(t->s, f)) {
        claims__w_puts(w, " ");
        ansi(t, "\x1b[1;31m");
        claims__w_puts(w, "FAIL");
        ansi(t, "\x1b[0m");
    }
    claims__w_puts(w, "\n    ");
    claims__w_line(w, f->summary, strlen(f->summary));
    claims__w_puts(w, "\n");
    if (f->basis) {
        claims__w_puts(w, "    why: ");
        claims__w_line(w, f->basis, strlen(f->basis));
        claims__w_puts(w, "\n");
    }
    if (f->diff) {
        claims__w_puts(w, "    difference: ");
        ansi(t, "\x1b[33m");
        claims__w_line(w, f->diff, strlen(f->diff));
        ansi(t, "\x1b[0m");
        claims__w_puts(w, "\n");
    }
    for (size_t j = 0; j < f->nclaims && j < CLAIMS__EVIDENCE_MAX; j++)
        evidence(t, t->s->claims[f->claims[j]]);
    if (f->nclaims > CLAIMS__EVIDENCE_MAX) {
        claims__w_puts(w, "    ... and ");
        claims__w_int(w, (long long)(f->nclaims - CLAIMS__EVIDENCE_MAX));
        claims__w_puts(w, " more claims\n");
    }
}

claims_status claims__report_text(const claims_story *s, claims__writer *w)
{
    tctx t = {s, w, s->color};
    ansi(&t, "\x1b[1m");
    claims__w_puts(w, "claims report: ");
    claims__w_int(w, (long long)s->narticles);
    claims__w_puts(w, s->narticles == 1 ? " article, " : " articles, ");
    claims__w_int(w, (long long)s->nrejected);
    claims__w_puts(w, " rejected, ");
    claims__w_int(w, (long long)s->nclaims);
    claims__w_puts(w, s->nclaims == 1 ? " claim, " : " claims, ");
    claims__w_int(w, (long long)claims__shown_count(s, -1));
    claims__w_puts(w, " findings, ");
    claims__w_int(w, (long long)claims__failing_count(s));
    claims__w_puts(w, " failing");
    ansi(&t, "\x1b[0m");
    claims__w_puts(w, "\n\nArticles\n");
    for (size_t i = 0; i < s->narticles; i++) {
        const claims__article *a = &s->articles[i];
        claims__w_puts(w, "  ");
        claims__w_line(w, a->id, strlen(a->id));
        claims__w_puts(w, "  ");
        claims__w_puts(w, a->published_iso[0] ? a->published_iso : "undated");
        if (a->title) {
            claims__w_puts(w, "  ");
            claims__w_line(w, a->title, strlen(a->title));
        }
        claims__w_puts(w, "\n");
    }
    if (s->nrejected) {
        claims__w_puts(w, "\nRejected inputs\n");
        for (size_t i = 0; i < s->nrejected; i++) {
            const claims__rejected *r = &s->rejected[i];
            claims__w_puts(w, "  ");
            ansi(&t, "\x1b[31m");
            claims__w_line(w, r->id, strlen(r->id));
            ansi(&t, "\x1b[0m");
            claims__w_puts(w, ": ");
            claims__w_line(w, r->message, strlen(r->message));
            if (r->offset >= 0) {
                claims__w_puts(w, " (byte ");
                claims__w_int(w, r->offset);
                claims__w_puts(w, ")");
            }
            claims__w_puts(w, "\n");
        }
    }
    for (int k = 0; k < CLAIMS__FINDING_TYPES; k++) {
        claims_finding_type ty = claims__report_order[k];
        size_t n = claims__shown_count(s, (int)ty);
        if (!n)
            continue;
        claims__w_puts(w, "\n");
        ansi(&t, "\x1b[1m");
        ansi(&t, type_color(ty));
        claims__w_puts(w, claims__type_heading(ty));
        claims__w_puts(w, " (");
        claims__w_int(w, (long long)n);
        claims__w_puts(w, ")");
        ansi(&t, "\x1b[0m");
        claims__w_puts(w, "\n");
        for (size_t i = 0; i < s->nfindings; i++) {
            const claims_finding *f = &s->findings[i];
            if (f->type == ty && claims__finding_shown(s, f))
                finding(&t, f);
        }
    }
    if (!claims__shown_count(s, -1))
        claims__w_puts(w, "\nNo findings.\n");
    return CLAIMS_OK;
}
