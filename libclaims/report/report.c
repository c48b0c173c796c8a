/* report.c - the table of report formats (name, enum, writer) and the
 * public calls that write a report in one of them. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

/* The one list of formats: the enum order of claims_format. */
static const struct {
    const char *name;
    claims_status (*write)(const claims_story *s, claims__writer *w);
} formats[] = {
    [CLAIMS_FORMAT_TEXT] = {"text", claims__report_text},
    [CLAIMS_FORMAT_JSON] = {"json", claims__report_json},
    [CLAIMS_FORMAT_MARKDOWN] = {"markdown", claims__report_markdown},
    [CLAIMS_FORMAT_HTML] = {"html", claims__report_html},
    [CLAIMS_FORMAT_TAP] = {"tap", claims__report_tap},
    [CLAIMS_FORMAT_JUNIT] = {"junit", claims__report_junit},
};
enum { CLAIMS__FORMAT_COUNT = sizeof formats / sizeof formats[0] };

const char *claims_format_name(claims_format format)
{
    return (unsigned)format < CLAIMS__FORMAT_COUNT ? formats[format].name : NULL;
}

claims_status claims_format_from_name(const char *name, claims_format *out)
{
    if (!name || !out)
        return CLAIMS_ERR_INVALID_ARGUMENT;
    for (size_t i = 0; i < CLAIMS__FORMAT_COUNT; i++) {
        if (strcmp(name, formats[i].name) == 0) {
            *out = (claims_format)i;
            return CLAIMS_OK;
        }
    }
    return CLAIMS_ERR_INVALID_ARGUMENT;
}

claims_status claims_story_write_report(const claims_story *s, claims_format format,
                                        claims_write_fn write, void *user_data,
                                        claims_error *err)
{
    claims_status st;
    if (!s || !write || (unsigned)format >= CLAIMS__FORMAT_COUNT) {
        st = CLAIMS_ERR_INVALID_ARGUMENT;
    } else if (!s->checked) {
        st = CLAIMS_ERR_STATE;
    } else {
        claims__writer w;
        w.fn = write;
        w.ud = user_data;
        w.failed = false;
        claims__buf_init(&w.buf, &s->alloc);
        st = formats[format].write(s, &w);
        claims__w_flush(&w);
        if (st == CLAIMS_OK && w.buf.failed)
            st = CLAIMS_ERR_NOMEM;
        if (st == CLAIMS_OK && w.failed)
            st = CLAIMS_ERR_IO;
        claims__buf_free(&w.buf);
    }
    if (st != CLAIMS_OK && err) {
        err->code = st;
        err->message = claims_status_message(st);
        err->article[0] = 0;
        err->offset = 0;
        err->has_offset = 0;
    }
    return st;
}

static int write_file(void *ud, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)ud) == len ? 0 : 1;
}

claims_status claims_story_write_report_file(const claims_story *s, claims_format format,
                                             FILE *fp, claims_error *err)
{
    if (!fp) {
        if (err) {
            err->code = CLAIMS_ERR_INVALID_ARGUMENT;
            err->message = claims_status_message(err->code);
            err->article[0] = 0;
            err->offset = 0;
            err->has_offset = 0;
        }
        return CLAIMS_ERR_INVALID_ARGUMENT;
    }
    return claims_story_write_report(s, format, write_file, fp, err);
}
