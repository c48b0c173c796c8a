/* compare.c - claims grouped by slot into findings. (stub) */
#include "internal.h"

claims_status claims__compare(claims_story *s)
{
    (void)s;
    return CLAIMS_OK;
}
