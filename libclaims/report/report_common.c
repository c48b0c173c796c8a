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

void claims__w_puts(claims__writer *w, const char *s)
{
    claims__w_put(w, s, strlen(s));
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

void claims__w_json_str(claims__writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    claims__w_put(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
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
        else if (c < 0x20 || c == 0x7f) {
            u[0] = '\\';
            u[1] = 'u';
            u[2] = '0';
            u[3] = '0';
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = 0;
            esc = u;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            /* U+2028/2029 break JavaScript string literals. */
            esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            claims__w_put(w, s + i - run, run);
            run = 0;
            claims__w_puts(w, esc);
            i += 2;
            continue;
        }
        if (esc) {
            claims__w_put(w, s + i - run, run);
            run = 0;
            claims__w_puts(w, esc);
        } else {
            run++;
        }
    }
    claims__w_put(w, s + n - run, run);
    claims__w_put(w, "\"", 1);
}

void claims__w_escaped(claims__writer *w, const char *s, size_t n, claims__escape_fn esc)
{
    size_t run = 0;
    char tmp[4];
    for (size_t i = 0; i < n; i++) {
        const char *rep = esc((unsigned char)s[i], tmp);
        if (rep) {
            claims__w_put(w, s + i - run, run);
            run = 0;
            claims__w_puts(w, rep);
        } else {
            run++;
        }
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
        return c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? " " : NULL;
    }
}

void claims__w_xml_str(claims__writer *w, const char *s, size_t n)
{
    claims__w_escaped(w, s, n, xml_escape);
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
