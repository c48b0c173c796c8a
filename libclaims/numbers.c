/* numbers.c - counts, money, percentages and measures. (stub) */
#include "internal.h"

claims_status claims__extract_quantities(claims_story *s, size_t ai)
{
    (void)s;
    (void)ai;
    return CLAIMS_OK;
}
