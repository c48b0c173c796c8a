/* report_tap.c - the tap report. (stub) */
#include "internal.h"

claims_status claims__report_tap(const claims_story *s, claims__writer *w)
{
    (void)s;
    (void)w;
    return CLAIMS_OK;
}
