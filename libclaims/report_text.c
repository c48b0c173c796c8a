/* report_text.c - the text report. (stub) */
#include "internal.h"

claims_status claims__report_text(const claims_story *s, claims__writer *w)
{
    (void)s;
    (void)w;
    return CLAIMS_OK;
}
