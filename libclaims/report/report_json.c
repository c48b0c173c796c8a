/* report_json.c - the claims-report/1 JSON contract of SPEC.md. One array
 * element per line, so reports diff well; byte-for-byte deterministic. */
#include "report/report.h"

#include <string.h>

/* ,"k": written whole, its length known at compile time (k is always a
 * literal) */
#define key(w, k) claims__w_put((w), ",\"" k "\":", sizeof(",\"" k "\":") - 1)

static void str_or_null(claims__writer *w, const char *s)
{
    if (s)
        claims__w_json_str(w, s, strlen(s));
    else
        claims__w_puts(w, "null");
}

static const char *precision_name(int p)
{
    switch (p) {
    case CLAIMS__PREC_YEAR: return "year";
    case CLAIMS__PREC_MONTH: return "month";
    case CLAIMS__PREC_DAY: return "day";
    default: return NULL;
    }
}

/* The claim's sentence, or the window around the claim that every report
 * shows (claims__evidence_window), marked with "..." at the cut ends.
 * sentence_start/sentence_end keep the full span. */
static void write_sentence(claims__writer *w, const claims__article *art, const claims_claim *c)
{
    claims__evidence ev;
    claims__evidence_window(art, c, &ev);
    if (!ev.cut_before && !ev.cut_after) {
        claims__w_json_str(w, ev.text + ev.start, ev.end - ev.start);
        return;
    }
    claims__buf tmp;
    claims__buf_init(&tmp, w->buf.alloc);
    if (ev.cut_before)
        claims__buf_puts(&tmp, "...");
    claims__buf_put(&tmp, ev.text + ev.start, ev.end - ev.start);
    if (ev.cut_after)
        claims__buf_puts(&tmp, "...");
    if (tmp.failed)
        w->buf.failed = true;
    else
        claims__w_json_str(w, tmp.data, tmp.len);
    claims__buf_free(&tmp);
}

/* The frame fields beyond the key (see SPEC.md): the event a figure
 * speaks of, and its scope, holder and part where known. */
static void write_frame(const claims_claim *c, claims__writer *w)
{
    const char *event = claims__cstr(c, c->frame->event);
    const char *scope = claims__cstr(c, c->frame->scope);
    const char *holder = claims__cstr(c, c->frame->holder);
    if (c->kind == CLAIMS_KIND_COUNT || c->kind == CLAIMS_KIND_MONEY ||
        c->kind == CLAIMS_KIND_PERCENT || c->kind == CLAIMS_KIND_MEASURE) {
        key(w, "event");
        claims__w_puts(w, "{\"id\":\"e");
        claims__w_int(w, c->frame->event_id ? c->frame->event_id : 1);
        claims__w_puts(w, "\",\"label\":");
        if (event)
            claims__w_json_str(w, event, strlen(event));
        else
            claims__w_puts(w, "\"the story's event\"");
        claims__w_puts(w, event ? ",\"background\":true}" : ",\"background\":false}");
    }
    if (scope) {
        key(w, "scope");
        claims__w_json_str(w, scope, strlen(scope));
    }
    if (holder) {
        key(w, "holder");
        claims__w_json_str(w, holder, strlen(holder));
    }
    if (c->frame->part) {
        key(w, "part");
        claims__w_puts(w, c->frame->part == CLAIMS__PART_SUBSET ? "\"subset\"" : "\"increment\"");
    }
}

static void write_claim(const claims_story *s, const claims_claim *c, claims__writer *w)
{
    const claims__article *art = &s->articles[c->article];
    claims__w_puts(w, "{\"id\":");
    const char *id = claims__claim_id(c);
    claims__w_json_str(w, id, strlen(id));
    key(w, "article");
    claims__w_json_str(w, art->id, strlen(art->id));
    key(w, "kind");
    claims__w_json_str(w, claims_kind_name(c->kind), strlen(claims_kind_name(c->kind)));
    key(w, "key");
    str_or_null(w, c->frame->key);
    key(w, "value");
    switch (c->kind) {
    case CLAIMS_KIND_DATE:
    case CLAIMS_KIND_QUOTE:
    case CLAIMS_KIND_PARAPHRASE:
        str_or_null(w, c->str_value);
        break;
    default:
        if (c->has_value)
            claims__w_num(w, c->value);
        else
            claims__w_puts(w, "null");
    }
    if (c->frame->has_low) {
        key(w, "low");
        claims__w_num(w, c->frame->low);
    }
    if (c->frame->has_high) {
        key(w, "high");
        claims__w_num(w, c->frame->high);
    }
    if (c->frame->has_low || c->frame->has_high) {
        key(w, "low_exclusive");
        claims__w_puts(w, (c->flags & CLAIMS__CF_LOW_EXCL) ? "true" : "false");
        key(w, "high_exclusive");
        claims__w_puts(w, (c->flags & CLAIMS__CF_HIGH_EXCL) ? "true" : "false");
    }
    if (c->frame->unit) {
        key(w, "unit");
        str_or_null(w, claims__cstr(c, c->frame->unit));
    }
    if (c->kind == CLAIMS_KIND_DATE && precision_name(c->precision)) {
        key(w, "precision");
        claims__w_puts(w, "\"");
        claims__w_puts(w, precision_name(c->precision));
        claims__w_puts(w, "\"");
        key(w, "inferred");
        claims__w_puts(w, (c->flags & CLAIMS__CF_INFERRED) ? "true" : "false");
    }
    if (c->frame->weak_key) {
        key(w, "weak_key");
        str_or_null(w, claims__cstr(c, c->frame->weak_key));
    }
    write_frame(c, w);
    if (c->frame->linked) {
        key(w, "linked");
        const char *linked = claims__claim_id(c->frame->linked);
        claims__w_json_str(w, linked, strlen(linked));
    }
    if (c->flags & CLAIMS__CF_IN_TITLE) {
        /* offsets into the article's title, not its text (absent: text) */
        key(w, "within");
        claims__w_puts(w, "\"title\"");
    }
    key(w, "text");
    claims__w_json_str(w, claims__claim_base(c) + c->start, c->end - c->start);
    key(w, "start");
    claims__w_int(w, c->start);
    key(w, "end");
    claims__w_int(w, c->end);
    key(w, "sentence");
    write_sentence(w, art, c);
    key(w, "sentence_start");
    claims__w_int(w, c->sent_start);
    key(w, "sentence_end");
    claims__w_int(w, c->sent_end);
    key(w, "speaker");
    str_or_null(w, claims__cstr(c, c->speaker));
    if (c->speaker_desc) {
        key(w, "speaker_text");
        str_or_null(w, claims__cstr(c, c->speaker_desc));
    }
    claims__w_puts(w, "}");
}

claims_status claims__report_json(const claims_story *s, claims__writer *w)
{
    claims__w_puts(w, "{\"schema\":\"claims-report/1\",\n\"articles\":[");
    for (size_t i = 0; i < s->narticles; i++) {
        const claims__article *a = &s->articles[i];
        claims__w_puts(w, i ? ",\n" : "\n");
        claims__w_puts(w, "{\"id\":");
        claims__w_json_str(w, a->id, strlen(a->id));
        key(w, "title");
        str_or_null(w, a->title);
        key(w, "published");
        str_or_null(w, a->published_iso[0] ? a->published_iso : NULL);
        key(w, "published_source");
        claims__w_puts(w, a->published_given ? "\"given\""
                          : a->published_iso[0] ? "\"dateline\"" : "null");
        key(w, "bytes");
        claims__w_int(w, (long long)a->len);
        claims__w_puts(w, "}");
    }
    claims__w_puts(w, "],\n\"rejected\":[");
    for (size_t i = 0; i < s->nrejected; i++) {
        const claims__rejected *r = &s->rejected[i];
        claims__w_puts(w, i ? ",\n" : "\n");
        claims__w_puts(w, "{\"id\":");
        claims__w_json_str(w, r->id, strlen(r->id));
        key(w, "error");
        claims__w_json_str(w, r->message, strlen(r->message));
        key(w, "code");
        claims__w_int(w, (long long)r->code);
        key(w, "offset");
        if (r->offset >= 0)
            claims__w_int(w, r->offset);
        else
            claims__w_puts(w, "null");
        claims__w_puts(w, "}");
    }
    claims__w_puts(w, "],\n\"claims\":[");
    for (size_t i = 0; i < s->nclaims; i++) {
        claims__w_puts(w, i ? ",\n" : "\n");
        write_claim(s, s->claims[i], w);
    }
    claims__w_puts(w, "],\n\"findings\":[");
    bool first = true;
    for (size_t i = 0; i < s->nfindings; i++) {
        const claims_finding *f = &s->findings[i];
        if (!claims__finding_shown(s, f))
            continue;
        claims__w_puts(w, first ? "\n" : ",\n");
        first = false;
        claims__w_puts(w, "{\"id\":");
        claims__w_json_str(w, f->id, strlen(f->id));
        key(w, "type");
        claims__w_json_str(w, claims_finding_type_name(f->type),
                           strlen(claims_finding_type_name(f->type)));
        key(w, "key");
        str_or_null(w, f->key);
        key(w, "claims");
        claims__w_puts(w, "[");
        for (size_t j = 0; j < f->nclaims; j++) {
            if (j)
                claims__w_puts(w, ",");
            const char *cid = claims__claim_id(s->claims[f->claims[j]]);
            claims__w_json_str(w, cid, strlen(cid));
        }
        claims__w_puts(w, "]");
        key(w, "confidence");
        claims__w_num(w, f->confidence);
        key(w, "level");
        claims__w_puts(w, f->confidence < 0.5 ? "\"low\"" : "\"high\"");
        key(w, "summary");
        str_or_null(w, f->summary);
        if (f->label) {
            key(w, "label");
            str_or_null(w, f->label);
        }
        if (f->basis) {
            key(w, "basis");
            str_or_null(w, f->basis);
        }
        if (f->diff) {
            key(w, "diff");
            str_or_null(w, f->diff);
        }
        key(w, "fails");
        claims__w_puts(w, claims__finding_fails(s, f) ? "true" : "false");
        claims__w_puts(w, "}");
    }
    claims__w_puts(w, "]}\n");
    return CLAIMS_OK;
}
