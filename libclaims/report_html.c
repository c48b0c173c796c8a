/* report_html.c - the html report. (stub) */
#include "internal.h"

claims_status claims__report_html(const claims_story *s, claims__writer *w)
{
    (void)s;
    (void)w;
    return CLAIMS_OK;
}
