/* report_html.c - one self-contained HTML page for a fact-checker: no
 * network, no scripts, no external style sheet. Each finding shows its
 * sources' sentences side by side (stacked on a phone), with the claim's
 * words marked; in a quote variant only the words that differ are marked.
 * Every piece of input text goes through claims__w_xml_str. */
#include "report/report.h"

#include <string.h>

static const char css[] =
    "*{box-sizing:border-box}"
    "body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
    "margin:0 auto;padding:1rem;max-width:72rem;color:#1d1d1f;background:#f7f7f5}"
    "h1{font-size:1.6rem;margin:.2rem 0 .5rem}"
    "h2{font-size:1.25rem;margin:1.6rem 0 .6rem;border-bottom:1px solid #ccc}"
    "h3{font-size:1rem;margin:0 0 .3rem;overflow-wrap:anywhere}"
    ".stats{color:#555}"
    ".scroll{overflow-x:auto}"
    "table{border-collapse:collapse;width:100%;font-size:.92rem}"
    "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;"
    "vertical-align:top;overflow-wrap:break-word}"
    ".finding{background:#fff;border:1px solid #ddd;border-left:.4rem solid #888;"
    "border-radius:.4rem;padding:.8rem;margin:0 0 1rem}"
    ".contradiction{border-left-color:#c92a2a}.variant{border-left-color:#e67700}"
    ".agreement{border-left-color:#2b8a3e}.compatible{border-left-color:#1971c2}"
    ".update{border-left-color:#868e96}"
    ".badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4rem;"
    "border-radius:.3rem;background:#eee;margin-right:.3rem}"
    ".fail{background:#c92a2a;color:#fff}.low{background:#fff3bf}"
    ".summary{margin:.3rem 0;overflow-wrap:anywhere}"
    ".diff{font-family:ui-monospace,monospace;font-size:.9rem;background:#fff9db;"
    "padding:.1rem .3rem;overflow-wrap:anywhere}"
    ".evidence{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));"
    "gap:.6rem;margin-top:.6rem}"
    ".source{background:#fbfbfb;border:1px solid #e3e3e3;border-radius:.3rem;"
    "padding:.5rem;margin:0}"
    ".source header{font-size:.8rem;color:#555;margin-bottom:.2rem;overflow-wrap:anywhere}"
    ".source blockquote{margin:0;overflow-wrap:anywhere}"
    "mark{background:#ffd43b;padding:0 .1em;border-radius:.15em}"
    ".rejected td:first-child{color:#c92a2a}"
    "@media (max-width:40rem){body{padding:.6rem;font-size:15px}"
    ".evidence{grid-template-columns:1fr}}";

static void xs(claims__writer *w, const char *s)
{
    claims__w_xml_str(w, s, strlen(s));
}

/* ----------------------------------------------- word marks in source */

/* Byte length of the character at t[i] (the text is valid UTF-8). */
static size_t char_len(const char *t, size_t i, size_t end)
{
    unsigned char c = (unsigned char)t[i];
    size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return l <= end - i ? l : end - i;
}

/* Whether the character starting at t[i] belongs to a word: ASCII letters
 * and digits, and any other character but general punctuation
 * (U+2000..U+203F) and U+00A0, U+00AB, U+00BB. Called on character
 * starts only, so a mark never splits a character. */
static bool alnum_at(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return false;
    unsigned char c = (unsigned char)t[i];
    return claims__is_alpha(c) || claims__is_digit(c) ||
           (c >= 0x80 && !(c == 0xE2 && i + 1 < end && (unsigned char)t[i + 1] == 0x80) &&
            !(c == 0xC2 && i + 1 < end &&
              ((unsigned char)t[i + 1] == 0xA0 || (unsigned char)t[i + 1] == 0xAB ||
               (unsigned char)t[i + 1] == 0xBB)));
}

/* Byte length of a joiner at i that stays inside a word ("it's", "know-how",
 * "1,200", "Israel’s"), or 0. */
static size_t joiner_at(const char *t, size_t i, size_t end)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '\'' || c == '-')
        return 1;
    if ((c == '.' || c == ',') && i + 1 < end && claims__is_digit((unsigned char)t[i + 1]))
        return 1;
    if (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
        (unsigned char)t[i + 2] == 0x99)
        return 3;
    return 0;
}

typedef struct span {
    size_t start, end;
} span;

/* Splits text[start, end) into words the way quote normalization does, as
 * closely as a byte scan can. Returns the count (at most max). */
static size_t source_words(const char *t, size_t start, size_t end, span *out, size_t max)
{
    size_t n = 0, i = start;
    while (i < end) {
        if (!alnum_at(t, i, end)) {
            i += char_len(t, i, end);
            continue;
        }
        size_t b = i;
        for (;;) {
            while (i < end && alnum_at(t, i, end))
                i += char_len(t, i, end);
            size_t j = i < end ? joiner_at(t, i, end) : 0;
            if (j && alnum_at(t, i + j, end))
                i += j;
            else
                break;
        }
        if (n == max)
            return max + 1;
        out[n].start = b;
        out[n].end = i;
        n++;
    }
    return n;
}

/* The sentence of claim c with its words marked: the whole claim, or for
 * a variant only the words of the quote that `ref` does not share. */
static void marked_sentence(const claims_story *s, claims__writer *w, const claims_claim *c,
                            const claims_claim *ref)
{
    const claims__article *a = &s->articles[c->article];
    claims__evidence ev;
    claims__evidence_window(a, c, &ev);
    const char *t = ev.text;
    size_t cs = ev.claim_start, ce = ev.claim_end;
    if (ev.cut_before)
        claims__w_puts(w, "...");
    claims__w_xml_str(w, t + ev.start, cs - ev.start);
    bool done = false;
    /* Word marks only for claims shown whole, against a reference of
     * bounded size, so that the work stays proportional to the output;
     * the same alignment, with the same limit, as compare's variants. */
    if (ref && c->str_value && ref->str_value && !ev.claim_cut &&
        ref->end - ref->start <= CLAIMS__SENTENCE_MAX) {
        claims__wordpair wp;
        claims__wordpair_init(&wp, &s->alloc);
        enum { MAXW = 512 };
        span words[MAXW];
        if (claims__wordpair_align(&wp, c->str_value, ref->str_value, CLAIMS__ALIGN_CELLS)) {
            size_t na = wp.na;
            const uint8_t *ma = wp.ma;
            size_t nw = source_words(t, cs, ce, words, MAXW);
            if (nw == na && na) {
                size_t at = cs;
                for (size_t k = 0; k < nw; k++) {
                    claims__w_xml_str(w, t + at, words[k].start - at);
                    if (ma[k])
                        claims__w_puts(w, "<mark>");
                    claims__w_xml_str(w, t + words[k].start, words[k].end - words[k].start);
                    if (ma[k])
                        claims__w_puts(w, "</mark>");
                    at = words[k].end;
                }
                claims__w_xml_str(w, t + at, ce - at);
                done = true;
            }
        }
        claims__wordpair_free(&wp);
    }
    if (!done && ce > cs) {
        claims__w_puts(w, "<mark>");
        claims__w_xml_str(w, t + cs, ce - cs);
        claims__w_puts(w, "</mark>");
    }
    claims__w_xml_str(w, t + ce, ev.end - ce);
    if (ev.cut_after)
        claims__w_puts(w, "...");
}

static void evidence(const claims_story *s, claims__writer *w, const claims_finding *f,
                     const claims_claim *c)
{
    const claims__article *a = &s->articles[c->article];
    const claims_claim *ref = NULL;
    if (f->type == CLAIMS_FINDING_VARIANT && c->str_value) {
        for (size_t j = 0; j < f->nclaims && !ref; j++) {
            const claims_claim *o = s->claims[f->claims[j]];
            if (o->str_value && strcmp(o->str_value, c->str_value) != 0)
                ref = o;
        }
    }
    claims__w_puts(w, "<figure class=\"source\"><header><strong>");
    xs(w, a->id);
    claims__w_puts(w, "</strong> ");
    claims__w_puts(w, a->published_iso[0] ? a->published_iso : "undated");
    claims__w_puts(w, " &middot; ");
    claims__w_puts(w, claims__claim_id(c));
    if (c->speaker) {
        claims__w_puts(w, " &middot; ");
        xs(w, claims__cstr(c, c->speaker));
    }
    claims__w_puts(w, "</header><blockquote>");
    marked_sentence(s, w, c, ref);
    claims__w_puts(w, "</blockquote></figure>\n");
}

static void finding(const claims_story *s, claims__writer *w, const claims_finding *f)
{
    const char *tn = claims_finding_type_name(f->type);
    claims__w_puts(w, "<section class=\"finding ");
    claims__w_puts(w, tn);
    claims__w_puts(w, "\" id=\"");
    claims__w_puts(w, f->id);
    claims__w_puts(w, "\">\n<h3><span class=\"badge\">");
    claims__w_puts(w, tn);
    claims__w_puts(w, "</span>");
    if (claims__finding_fails(s, f))
        claims__w_puts(w, "<span class=\"badge fail\">fails</span>");
    if (f->confidence < 0.5)
        claims__w_puts(w, "<span class=\"badge low\">low confidence</span>");
    claims__w_puts(w, f->id);
    claims__w_puts(w, " &middot; ");
    xs(w, f->label ? f->label : f->key ? f->key : "");
    claims__w_puts(w, "</h3>\n<p class=\"summary\">");
    xs(w, f->summary);
    claims__w_puts(w, "</p>\n<p class=\"stats\">confidence ");
    claims__w_confidence(w, f->confidence);
    if (f->basis) {
        claims__w_puts(w, " &middot; why: ");
        xs(w, f->basis);
    }
    if (f->diff) {
        claims__w_puts(w, " &middot; difference: <span class=\"diff\">");
        xs(w, f->diff);
        claims__w_puts(w, "</span>");
    }
    claims__w_puts(w, "</p>\n<div class=\"evidence\">\n");
    for (size_t j = 0; j < f->nclaims && j < CLAIMS__EVIDENCE_MAX; j++)
        evidence(s, w, f, s->claims[f->claims[j]]);
    claims__w_puts(w, "</div>\n");
    if (f->nclaims > CLAIMS__EVIDENCE_MAX) {
        claims__w_puts(w, "<p class=\"stats\">... and ");
        claims__w_int(w, (long long)(f->nclaims - CLAIMS__EVIDENCE_MAX));
        claims__w_puts(w, " more claims</p>\n");
    }
    claims__w_puts(w, "</section>\n");
}

claims_status claims__report_html(const claims_story *s, claims__writer *w)
{
    claims__w_puts(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>Claims report</title>\n<style>");
    claims__w_puts(w, css);
    claims__w_puts(w, "</style>\n</head>\n<body>\n<h1>Claims report</h1>\n<p class=\"stats\">");
    claims__w_int(w, (long long)s->narticles);
    claims__w_puts(w, " articles &middot; ");
    claims__w_int(w, (long long)s->nrejected);
    claims__w_puts(w, " rejected &middot; ");
    claims__w_int(w, (long long)s->nclaims);
    claims__w_puts(w, " claims &middot; ");
    claims__w_int(w, (long long)claims__shown_count(s, -1));
    claims__w_puts(w, " findings &middot; ");
    claims__w_int(w, (long long)claims__failing_count(s));
    claims__w_puts(w, " failing</p>\n<h2>Articles</h2>\n<div class=\"scroll\"><table>\n"
                      "<tr><th>id</th><th>published</th><th>title</th><th>bytes</th></tr>\n");
    for (size_t i = 0; i < s->narticles; i++) {
        const claims__article *a = &s->articles[i];
        claims__w_puts(w, "<tr><td>");
        xs(w, a->id);
        claims__w_puts(w, "</td><td>");
        claims__w_puts(w, a->published_iso[0] ? a->published_iso : "undated");
        claims__w_puts(w, "</td><td>");
        if (a->title)
            xs(w, a->title);
        claims__w_puts(w, "</td><td>");
        claims__w_int(w, (long long)a->len);
        claims__w_puts(w, "</td></tr>\n");
    }
    claims__w_puts(w, "</table></div>\n");
    if (s->nrejected) {
        claims__w_puts(w, "<h2>Rejected inputs</h2>\n<div class=\"scroll\"><table "
                          "class=\"rejected\">\n<tr><th>input</th><th>error</th>"
                          "<th>offset</th></tr>\n");
        for (size_t i = 0; i < s->nrejected; i++) {
            const claims__rejected *r = &s->rejected[i];
            claims__w_puts(w, "<tr><td>");
            xs(w, r->id);
            claims__w_puts(w, "</td><td>");
            xs(w, r->message);
            claims__w_puts(w, "</td><td>");
            if (r->offset >= 0)
                claims__w_int(w, r->offset);
            claims__w_puts(w, "</td></tr>\n");
        }
        claims__w_puts(w, "</table></div>\n");
    }
    for (int k = 0; k < CLAIMS__FINDING_TYPES; k++) {
        claims_finding_type ty = claims__report_order[k];
        size_t n = claims__shown_count(s, (int)ty);
        if (!n)
            continue;
        claims__w_puts(w, "<h2>");
        claims__w_puts(w, claims__type_heading(ty));
        claims__w_puts(w, " (");
        claims__w_int(w, (long long)n);
        claims__w_puts(w, ")</h2>\n");
        for (size_t i = 0; i < s->nfindings; i++) {
            const claims_finding *f = &s->findings[i];
            if (f->type == ty && claims__finding_shown(s, f))
                finding(s, w, f);
        }
    }
    if (!claims__shown_count(s, -1))
        claims__w_puts(w, "<p>No findings.</p>\n");
    claims__w_puts(w, "</body>\n</html>\n");
    return CLAIMS_OK;
}
