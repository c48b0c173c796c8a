/* people.c - speakers resolved across the story. (stub) */
#include "internal.h"

claims_status claims__resolve_story(claims_story *s)
{
    (void)s;
    return CLAIMS_OK;
}
