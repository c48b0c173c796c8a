/* report_markdown.c - the markdown report. (stub) */
#include "internal.h"

claims_status claims__report_markdown(const claims_story *s, claims__writer *w)
{
    (void)s;
    (void)w;
    return CLAIMS_OK;
}
