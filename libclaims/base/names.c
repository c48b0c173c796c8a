/* names.c - the names of statuses, claim kinds and finding types. */
#include "base/base.h"

const char *claims_status_message(claims_status status)
{
    switch (status) {
    case CLAIMS_OK: return "ok";
    case CLAIMS_ERR_NOMEM: return "out of memory";
    case CLAIMS_ERR_INVALID_ARGUMENT: return "invalid argument";
    case CLAIMS_ERR_INVALID_UTF8: return "invalid UTF-8";
    case CLAIMS_ERR_NUL_BYTE: return "NUL byte in text";
    case CLAIMS_ERR_EMPTY_TEXT: return "empty text";
    case CLAIMS_ERR_DUPLICATE_ID: return "duplicate article id";
    case CLAIMS_ERR_BAD_DATE: return "published date is not YYYY-MM-DD";
    case CLAIMS_ERR_IO: return "write or read failed";
    case CLAIMS_ERR_LEXICON: return "bad lexicon line";
    case CLAIMS_ERR_STATE: return "call not allowed in this state";
    case CLAIMS_ERR_TOO_LARGE: return "text too large";
    case CLAIMS_ERR_EMPTY_ID: return "empty article id";
    case CLAIMS_ERR_INVALID_ID: return "invalid article id";
    }
    return "unknown status";
}

const char *claims_kind_name(claims_kind kind)
{
    static const char *const names[] = {"count", "money", "percent", "measure",
                                        "year", "date", "quote", "paraphrase"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "unknown";
}

const char *claims_finding_type_name(claims_finding_type type)
{
    static const char *const names[] = {"agreement", "contradiction", "variant",
                                        "compatible", "update"};
    return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}
