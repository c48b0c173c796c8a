/* report_common.c - the writer every report format shares: batching,
 * numbers, escaping; and the public report entry points. */
#include "report/report.h"

#include <string.h>

enum { FLUSH_AT = 16 * 1024 };

void claims__w_flush(claims__writer *w)
{
    if (w->buf.len && !w->failed) {
        if (w->fn(w->ud, w->buf.data, w->buf.len) != 0)
            w->failed = true;
    }
    w->buf.len = 0;
}

void claims__w_put(claims__writer *w, const char *s, size_t n)
{
    if (w->failed || w->buf.failed)
        return;
    claims__buf_put(&w->buf, s, n);
    if (w->buf.len >= FLUSH_AT)
        claims__w_flush(w);
}

void claims__w_int(claims__writer *w, long long v)
{
    if (!w->failed)
        claims__buf_put_int(&w->buf, v);
}

void claims__w_num(claims__writer *w, double v)
{
    if (!w->failed)
        claims__buf_put_num(&w->buf, v);
}

/* ------------------------------------------------ unsafe characters */

enum { CH_OK = 0, CH_C1, CH_BIDI, CH_NONCHAR };

/* Classifies the character at s[0..n) (n >= 1, s[0] >= 0x80) and sets *len
 * to its byte length. */
static int classify(const unsigned char *s, size_t n, size_t *len, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (l > n)
        l = n;
    *len = l;
    uint32_t v = l == 4 ? c & 0x07u : l == 3 ? c & 0x0Fu : l == 2 ? c & 0x1Fu : c;
    for (size_t k = 1; k < l; k++)
        v = (v << 6) | (s[k] & 0x3Fu);
    *cp = v;
    if (l == 2 && v >= 0x80 && v <= 0x9F)
        return CH_C1;
    if ((v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069))
        return CH_BIDI;
    if (l >= 3 && ((v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFEu) == 0xFFFEu))
        return CH_NONCHAR;
    return CH_OK;
}

static const char hex[] = "0123456789abcdef";

/* "\\u00XX"; past the BMP (only YAML asks for that) YAML's "\\UXXXXXXXX". */
static void put_u_escape(claims__writer *w, uint32_t cp)
{
    char u[10];
    size_t n = cp > 0xFFFF ? 8 : 4;
    u[0] = '\\';
    u[1] = cp > 0xFFFF ? 'U' : 'u';
    for (size_t k = 0; k < n; k++)
        u[2 + k] = hex[(cp >> (4 * (n - 1 - k))) & 15];
    claims__w_put(w, u, 2 + n);
}

static void json_str(claims__writer *w, const char *s, size_t n, bool yaml)
{
    claims__w_put(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
#ifdef CLAIMS__SSE2
        /* Sixteen bytes a step over printable ASCII but '"' and '\\'
         * (a report's text is mostly that), to the first byte that is not */
        while (i + 16 <= n) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i quote = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                         _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
            unsigned other = (unsigned)_mm_movemask_epi8(
                                 _mm_andnot_si128(quote, claims__bytes_in(x, 0x20, 0x5f))) ^
                             0xFFFFu;
            unsigned k = other ? (unsigned)__builtin_ctz(other) : 16;
            i += k;
            run += k;
            if (other)
                break;
        }
        if (i == n)
            break;
#endif
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        /* Printable ASCII but '"' and '\\': as it is (most bytes). */
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            run++;
            continue;
        }
        if (c >= 0x80) {
            size_t len;
            uint32_t cp;
            int k = classify((const unsigned char *)s + i, n - i, &len, &cp);
            /* U+2028/2029 break JavaScript string literals. */
            if (k == CH_BIDI || cp == 0x2028 || cp == 0x2029 || (yaml && k != CH_OK)) {
                claims__w_put(w, s + i - run, run);
                run = 0;
                put_u_escape(w, cp);
            } else {
                run += len;
            }
            i += len - 1;
            continue;
        }
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        if (esc || c < 0x20 || c == 0x7f) {
            claims__w_put(w, s + i - run, run);
            run = 0;
            if (esc)
                claims__w_puts(w, esc);
            else
                put_u_escape(w, c);
        } else {
            run++;
        }
    }
    claims__w_put(w, s + n - run, run);
    claims__w_put(w, "\"", 1);
}

void claims__w_json_str(claims__writer *w, const char *s, size_t n)
{
    json_str(w, s, n, false);
}

void claims__w_yaml_str(claims__writer *w, const char *s, size_t n)
{
    json_str(w, s, n, true);
}

/* Letters, digits and the space: no format escapes them, so the escaper
 * is not asked (one test instead of an indirect call per byte). */
static inline bool plain_ascii(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c == ' ';
}

void claims__w_escaped(claims__writer *w, const char *s, size_t n, claims__escape_fn esc)
{
    size_t run = 0;
    char tmp[4];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep;
        size_t len = 1;
        if (plain_ascii(c)) {
            run++;
            continue;
        }
        if (c < 0x80) {
            rep = esc(c, tmp);
        } else {
            uint32_t cp;
            int k = classify((const unsigned char *)s + i, n - i, &len, &cp);
            rep = k == CH_OK ? NULL : k == CH_C1 ? " " : "\xEF\xBF\xBD";
        }
        if (rep) {
            claims__w_put(w, s + i - run, run);
            run = 0;
            claims__w_puts(w, rep);
        } else {
            run += len;
        }
        i += len - 1;
    }
    claims__w_put(w, s + n - run, run);
}

static const char *xml_escape(unsigned char c, char tmp[4])
{
    (void)tmp;
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default:
        /* XML 1.0 forbids most control characters even escaped. */
        return (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f ? " " : NULL;
    }
}

void claims__w_xml_str(claims__writer *w, const char *s, size_t n)
{
    claims__w_escaped(w, s, n, xml_escape);
}

/* ------------------------------------------------------------ evidence */

static size_t utf8_back(const char *t, size_t i)
{
    while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

void claims__evidence_window(const claims__article *art, const claims_claim *c,
                             claims__evidence *out)
{
    const char *t = claims__claim_base(c);
    out->text = t;
    size_t b = c->sent_start, e = c->sent_end;
    size_t cs = c->start < b ? b : c->start, ce = c->end > e ? e : c->end;
    if (cs > ce)
        cs = ce;
    out->claim_start = cs;
    out->claim_end = ce;
    out->claim_cut = false;
    out->start = b;
    out->end = e;
    out->cut_before = out->cut_after = false;
    if (e - b <= CLAIMS__SENTENCE_MAX)
        return;
    if (cs > b + CLAIMS__SENTENCE_CONTEXT)
        out->start = utf8_back(t, cs - CLAIMS__SENTENCE_CONTEXT);
    if (ce - cs > CLAIMS__SENTENCE_MAX) {
        out->claim_end = utf8_back(t, cs + CLAIMS__SENTENCE_MAX);
        out->claim_cut = true;
    }
    if (out->claim_end + CLAIMS__SENTENCE_CONTEXT < e)
        out->end = utf8_back(t, out->claim_end + CLAIMS__SENTENCE_CONTEXT);
    out->cut_before = out->start > b;
    out->cut_after = out->end < e;
}

bool claims__finding_shown(const claims_story *s, const claims_finding *f)
{
    return f->confidence * 100.0 + 1e-9 >= (double)s->min_confidence;
}

bool claims__finding_fails(const claims_story *s, const claims_finding *f)
{
    if (!claims__finding_shown(s, f) ||
        f->confidence * 100.0 + 1e-9 < (double)s->fail_confidence)
        return false;
    switch (s->fail_on) {
    case CLAIMS_FAIL_ON_NONE:
        return false;
    case CLAIMS_FAIL_ON_CONTRADICTION:
        return f->type == CLAIMS_FINDING_CONTRADICTION;
    case CLAIMS_FAIL_ON_VARIANT:
        return f->type == CLAIMS_FINDING_CONTRADICTION || f->type == CLAIMS_FINDING_VARIANT;
    }
    return false;
}
