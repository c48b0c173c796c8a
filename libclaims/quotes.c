/* quotes.c - direct quotes and reported speech. (stub) */
#include "internal.h"

claims_status claims__extract_speech(claims_story *s, size_t ai)
{
    (void)s;
    (void)ai;
    return CLAIMS_OK;
}

const char *claims__quote_normalize(claims_story *s, const char *text, size_t len)
{
    return claims__story_strndup(s, text, len);
}
