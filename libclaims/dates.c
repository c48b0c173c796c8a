/* dates.c - datelines, years and dates. (stub) */
#include "internal.h"

claims_status claims__extract_time(claims_story *s, size_t ai)
{
    (void)s;
    (void)ai;
    return CLAIMS_OK;
}
