/*
 * claims.h - the public API of libclaims.
 *
 * libclaims reads several news articles about one story, extracts the
 * checkable claims of each (counts, money, percentages, measures, years,
 * dates, quotes and reported speech), puts claims that speak of the same
 * thing into one slot, and reports agreements, contradictions, quote
 * variants and compatible differences, each with its evidence.
 *
 * Conventions (see doc/conventions.md):
 *  - Every exported name starts with `claims_` (types, functions) or
 *    `CLAIMS_` (enum constants). Enum values are pinned and never reused.
 *  - Handles are opaque. `claims_x **out` parameters hand ownership to the
 *    caller, who releases it with the matching `claims_x_free`, which
 *    accepts NULL.
 *  - Anything else returned as a pointer is borrowed: it stays valid until
 *    the named event (usually the story is freed or changed).
 *  - Text is UTF-8 given as pointer + length, never needing a NUL; the
 *    library copies what it keeps, unless the caller lends an article's
 *    text (CLAIMS_OPT_BORROW_TEXT). Positions are half-open byte spans
 *    [start, end) into the caller's original bytes.
 *  - Fallible calls return claims_status and fill an optional caller-owned
 *    claims_error (pass NULL when you do not care).
 *  - No global or thread-local state: distinct stories may be used from
 *    distinct threads at once. One story must not be used from two threads
 *    at the same time without the caller's own locking.
 */
#ifndef CLAIMS_H
#define CLAIMS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The export macro; define CLAIMS_API yourself (even to nothing) to
 * override it, e.g. for a static build on Windows or an FFI parser. */
#ifndef CLAIMS_API
#if defined(_WIN32) && defined(CLAIMS_BUILDING_DLL)
#define CLAIMS_API __declspec(dllexport)
#elif defined(__GNUC__) && defined(CLAIMS_BUILDING)
#define CLAIMS_API __attribute__((visibility("default")))
#else
#define CLAIMS_API
#endif
#endif

/* The version this header describes; claims_version() gives the one the
 * linked library was built as. The two agree unless headers and library
 * were mixed up. */
#define CLAIMS_VERSION_MAJOR 0
#define CLAIMS_VERSION_MINOR 1
#define CLAIMS_VERSION_PATCH 0
#define CLAIMS_VERSION_STRING "0.1.0"

/* Runtime version as MAJOR*10000 + MINOR*100 + PATCH. Thread-safe. */
CLAIMS_API int claims_version(void);
/* Runtime version as a static string, e.g. "0.1.0". Never NULL. */
CLAIMS_API const char *claims_version_string(void);

/* ---------------------------------------------------------------- errors */

/* Status codes. Values are pinned: new codes are appended, none reused. */
typedef enum claims_status {
    CLAIMS_OK = 0,
    CLAIMS_ERR_NOMEM = 1,            /* an allocation failed */
    CLAIMS_ERR_INVALID_ARGUMENT = 2, /* NULL handle, bad enum value, ... */
    CLAIMS_ERR_INVALID_UTF8 = 3,     /* malformed, overlong, surrogate */
    CLAIMS_ERR_NUL_BYTE = 4,         /* a NUL byte inside the text */
    CLAIMS_ERR_EMPTY_TEXT = 5,       /* no text, or only whitespace */
    CLAIMS_ERR_DUPLICATE_ID = 6,     /* an article with this id exists */
    CLAIMS_ERR_BAD_DATE = 7,         /* published date not YYYY-MM-DD */
    CLAIMS_ERR_IO = 8,               /* a write callback or file failed */
    CLAIMS_ERR_LEXICON = 9,          /* a lexicon line could not be read */
    CLAIMS_ERR_STATE = 10,           /* call not allowed in this state */
    CLAIMS_ERR_TOO_LARGE = 11,       /* text over 4 GiB - 1 bytes */
    CLAIMS_ERR_EMPTY_ID = 12,        /* an article id that is empty */
    CLAIMS_ERR_INVALID_ID = 13       /* id not valid UTF-8, or too long */
} claims_status;

/* A static English message for a status; never NULL, never freed. */
CLAIMS_API const char *claims_status_message(claims_status status);

/* Details of a failure, owned by the caller (usually on the stack).
 * Functions that take a `claims_error *err` fill it on failure and leave
 * it untouched on success; passing NULL means "don't care". */
typedef struct claims_error {
    claims_status code;
    const char *message; /* static; never freed */
    char article[64];    /* id of the article concerned ("" when none),
                            truncated to 63 bytes, NUL-terminated */
    size_t offset;       /* byte offset in that article's text */
    int has_offset;      /* non-zero when offset is meaningful */
} claims_error;

/* ------------------------------------------------------------ allocation */

/* Optional allocation hooks for one story. All three functions must be
 * set. `free_fn` receives NULL never; `realloc_fn` behaves like realloc.
 * The struct is copied by claims_story_new(). */
typedef struct claims_allocator {
    void *(*malloc_fn)(size_t size, void *user_data);
    void *(*realloc_fn)(void *ptr, size_t size, void *user_data);
    void (*free_fn)(void *ptr, void *user_data);
    void *user_data;
} claims_allocator;

/* ---------------------------------------------------------------- enums */

typedef enum claims_kind {
    CLAIMS_KIND_COUNT = 0,      /* "12 drones", "killing four sailors" */
    CLAIMS_KIND_MONEY = 1,      /* "$1.5 billion", "500,000 shekels" */
    CLAIMS_KIND_PERCENT = 2,    /* "40%", "12 percent" */
    CLAIMS_KIND_MEASURE = 3,    /* "300 km", "a 7.2-magnitude quake", ages */
    CLAIMS_KIND_YEAR = 4,       /* "In 2009", "the 2008 war" */
    CLAIMS_KIND_DATE = 5,       /* "Sept. 1, 2010", "Monday" */
    CLAIMS_KIND_QUOTE = 6,      /* direct speech */
    CLAIMS_KIND_PARAPHRASE = 7  /* reported speech: "X said that ..." */
} claims_kind;

/* "count", "money", ...; "unknown" for a value out of range. Static. */
CLAIMS_API const char *claims_kind_name(claims_kind kind);

typedef enum claims_finding_type {
    CLAIMS_FINDING_AGREEMENT = 0,
    CLAIMS_FINDING_CONTRADICTION = 1,
    CLAIMS_FINDING_VARIANT = 2,
    CLAIMS_FINDING_COMPATIBLE = 3,
    /* a running total that grew between an earlier and a later article
     * ("at least one dead" on Monday, 11 on Wednesday): not a failure */
    CLAIMS_FINDING_UPDATE = 4
} claims_finding_type;

/* "agreement", "contradiction", "variant", "compatible", "update". Static. */
CLAIMS_API const char *claims_finding_type_name(claims_finding_type type);

typedef enum claims_format {
    CLAIMS_FORMAT_TEXT = 0,
    CLAIMS_FORMAT_JSON = 1,
    CLAIMS_FORMAT_MARKDOWN = 2,
    CLAIMS_FORMAT_HTML = 3,
    CLAIMS_FORMAT_TAP = 4,
    CLAIMS_FORMAT_JUNIT = 5
} claims_format;

/* Parses "text", "json", "markdown", "html", "tap", "junit" (exact,
 * lower case). Returns CLAIMS_ERR_INVALID_ARGUMENT for anything else. */
CLAIMS_API claims_status claims_format_from_name(const char *name, claims_format *out);

/* The name of a format ("text", "json", ...), or NULL past the last one:
 * a caller lists every format by counting up from 0 until NULL. Static
 * storage; never freed. */
CLAIMS_API const char *claims_format_name(claims_format format);

/* Which findings count as failures (exit code 1 in the CLI, "not ok" in
 * TAP, <failure> in JUnit). */
typedef enum claims_fail_on {
    CLAIMS_FAIL_ON_NONE = 0,
    CLAIMS_FAIL_ON_CONTRADICTION = 1, /* the default */
    CLAIMS_FAIL_ON_VARIANT = 2        /* contradictions and variants */
} claims_fail_on;

/* Options of a story, set with claims_story_set_option(). New options are
 * new values here, so the ABI never changes. */
typedef enum claims_option {
    /* claims_fail_on; default CLAIMS_FAIL_ON_CONTRADICTION */
    CLAIMS_OPT_FAIL_ON = 0,
    /* findings below this confidence, in percent 0..100, are left out of
       reports and failure counts; default 0 (report everything) */
    CLAIMS_OPT_MIN_CONFIDENCE = 1,
    /* 1: the text report uses ANSI colours; default 0 */
    CLAIMS_OPT_COLOR = 2,
    /* a finding fails (under CLAIMS_OPT_FAIL_ON) only at or above this
       confidence, in percent 0..100; default 70: only strong findings (a
       known frame, or sentences told in nearly the same words) fail, the
       weaker ones are reported and do not fail */
    CLAIMS_OPT_FAIL_CONFIDENCE = 3,
    /* 0: claims_story_check() extracts and resolves claims but makes no
       findings (what `claims extract` needs, and faster); default 1 */
    CLAIMS_OPT_COMPARE = 4,
    /* 1: an article added afterwards BORROWS its text instead of copying
       it; default 0 (copy). Applies to claims_story_add_article(),
       claims_story_add_text() and claims_story_add_file() calls made while
       it is 1, so it may be turned on and off between articles.
       The contract for a borrowed text: the caller keeps the `len` bytes
       it passed valid, and unchanged, until claims_story_free(); the
       library never writes them and never reads a byte outside them (no
       NUL is needed after them: a read-only mapping of a file ending on a
       page boundary will do). claims_claim_text() then points into the
       caller's bytes. A rejected article keeps nothing, so its bytes may
       be released on return. An article given a title apart that its text
       does not begin with (claims_story_add_article() with such a title)
       is read as title + blank line + text, which the library must build:
       its text is copied whatever this option says. Meant for C callers
       that hold large texts anyway (the CLI maps its files); the bindings
       leave it at 0. */
    CLAIMS_OPT_BORROW_TEXT = 5
} claims_option;

/* ---------------------------------------------------------------- story */

typedef struct claims_story claims_story;
typedef struct claims_claim claims_claim;
typedef struct claims_finding claims_finding;

/* Creates an empty story with the built-in lexicons loaded.
 * `allocator` may be NULL (malloc/realloc/free); it is copied.
 * On success *out owns a story the caller frees with claims_story_free().
 * Errors: CLAIMS_ERR_INVALID_ARGUMENT (out NULL, allocator incomplete),
 * CLAIMS_ERR_NOMEM. */
CLAIMS_API claims_status claims_story_new(const claims_allocator *allocator,
                                          claims_story **out);

/* Frees a story and everything borrowed from it. NULL is a no-op. */
CLAIMS_API void claims_story_free(claims_story *story);

/* Sets an option (see claims_option). May be called at any time; report
 * options take effect at the next report. Errors:
 * CLAIMS_ERR_INVALID_ARGUMENT for an unknown option or value. */
CLAIMS_API claims_status claims_story_set_option(claims_story *story, claims_option option,
                                                 int value);

/* The built-in lexicon text every story starts with: the files of data/
 * concatenated, each after a "# file: NAME" comment line, in the format
 * claims_story_add_lexicon() reads. *len (when len is not NULL) gets its
 * length in bytes; the text is also NUL-terminated. Static: never freed,
 * valid for the life of the program. Thread-safe. */
CLAIMS_API const char *claims_builtin_lexicon(size_t *len);

/* Adds lexicon entries (the format of data/ lexicon files, see README) to this
 * story, on top of the built-in ones. `text` is copied; a UTF-8 byte order
 * mark at its start is skipped. Must be called before claims_story_check().
 * On CLAIMS_ERR_LEXICON nothing of this text is kept, err->message says
 * why (a static sentence such as "unknown lexicon section", or
 * "lexicon value in [number] or [scale] is not a number") and
 * err->offset is the byte offset in `text` of the bad line (of the bad
 * byte for invalid UTF-8): its line number is 1 + the count of '\n' bytes
 * before that offset. */
CLAIMS_API claims_status claims_story_add_lexicon(claims_story *story, const char *text,
                                                  size_t len, claims_error *err);

/* Adds an article. `id` is a NUL-terminated UTF-8 string (1..255 bytes),
 * unique in the story. `title` may be NULL. `published` is NULL or
 * "YYYY-MM-DD". `text` is `len` bytes of UTF-8; it is copied, so the
 * caller's buffer may be freed on return, unless CLAIMS_OPT_BORROW_TEXT is
 * 1 and no title is read apart (see there): the story then keeps `text`
 * itself, which must stay valid and unchanged until claims_story_free().
 * The library never reads text[len]. Byte offsets reported later are
 * offsets into these bytes.
 *
 * An article whose text is bad (invalid UTF-8, NUL byte, empty, too large)
 * or whose id repeats one already added is REJECTED: the call returns the
 * error (with err->article and err->offset filled), the story records it
 * under claims_story_rejected_*() and reports it, and the other articles go
 * on. CLAIMS_ERR_NOMEM, CLAIMS_ERR_INVALID_ARGUMENT and CLAIMS_ERR_STATE
 * (after claims_story_check()) are not recorded. */
CLAIMS_API claims_status claims_story_add_article(claims_story *story, const char *id,
                                                  const char *title, const char *published,
                                                  const char *text, size_t len,
                                                  claims_error *err);

/* Adds an article from the bytes of a plain-text file, with the rules of
 * the `claims` CLI, so that a binding given the same files gives the same
 * report:
 *  - a UTF-8 byte order mark at the start is skipped when reading the title;
 *  - the first line is the title when it is 1..150 bytes (trailing spaces
 *    and CR dropped), holds no NUL, and non-blank text follows it; a title
 *    that is not valid UTF-8 is dropped (the text check then names the
 *    offset);
 *  - the text given to claims_story_add_article() is all `len` bytes
 *    (title line and BOM included), so byte offsets in claims and errors
 *    are offsets into the file as read; no published date is given (a
 *    dateline in the opening lines dates the article at check time).
 * `id` is the article's id, as for claims_story_add_article(). `bytes` are
 * copied and may be freed on return; with CLAIMS_OPT_BORROW_TEXT set to 1
 * they are borrowed instead (always: the title is the text's own first
 * line) and must stay valid and unchanged until claims_story_free(). The
 * title line is copied either way. Returns and records errors exactly as
 * claims_story_add_article() does (a rejected file is listed in the report
 * and the story goes on). */
CLAIMS_API claims_status claims_story_add_text(claims_story *story, const char *id,
                                               const char *bytes, size_t len,
                                               claims_error *err);

/* claims_story_add_text() with the id the CLI gives a file: `name` without
 * its last extension. `name` is a file's name ("wire.txt" -> "wire"; the
 * CLI's id for a file given by path is its base name) or its path relative
 * to a folder being read, folders kept as the CLI keeps them
 * ("2024/05/a.txt" -> "2024/05/a"). A name without an extension, or whose
 * only dot starts it (".txt"), is the id as it is. `name` is a
 * NUL-terminated string, not opened: the caller reads the file. */
CLAIMS_API claims_status claims_story_add_file(claims_story *story, const char *name,
                                               const char *bytes, size_t len,
                                               claims_error *err);

/* Records an input the caller could not even read (an unreadable file, a
 * bad JSON line) so that reports list it among the rejected inputs.
 * `id` and `message` are copied. `offset` < 0 means "no offset". */
CLAIMS_API claims_status claims_story_reject(claims_story *story, const char *id,
                                             claims_status code, const char *message,
                                             long long offset);

/* Runs extraction and comparison over every accepted article. Call once,
 * after adding articles; later additions fail with CLAIMS_ERR_STATE.
 * Claims and findings are readable afterwards. An article longer than
 * about 384 KiB is read 256 KiB of whole paragraphs at a time, so its
 * working memory stays bounded (doc/design.md). Errors: CLAIMS_ERR_NOMEM
 * (the story is then left without claims), CLAIMS_ERR_STATE (already
 * checked). */
CLAIMS_API claims_status claims_story_check(claims_story *story, claims_error *err);

/* ------------------------------------------------------------- read-back
 * Every `const char *` below is borrowed from the story and stays valid
 * until claims_story_free(). Index arguments out of range give NULL / 0. */

/* Accepted articles, in the order added. */
CLAIMS_API size_t claims_story_article_count(const claims_story *story);
CLAIMS_API const char *claims_story_article_id(const claims_story *story, size_t i);
/* The title, or NULL when none was given. */
CLAIMS_API const char *claims_story_article_title(const claims_story *story, size_t i);
/* "YYYY-MM-DD": the given date, else the dateline's (known after
 * claims_story_check()), else NULL. */
CLAIMS_API const char *claims_story_article_published(const claims_story *story, size_t i);
/* The text's length in bytes. */
CLAIMS_API size_t claims_story_article_bytes(const claims_story *story, size_t i);

/* Rejected inputs, in the order rejected. `offset` is -1 when none. */
CLAIMS_API size_t claims_story_rejected_count(const claims_story *story);
CLAIMS_API const char *claims_story_rejected_id(const claims_story *story, size_t i);
CLAIMS_API claims_status claims_story_rejected_code(const claims_story *story, size_t i);
CLAIMS_API const char *claims_story_rejected_message(const claims_story *story, size_t i);
CLAIMS_API long long claims_story_rejected_offset(const claims_story *story, size_t i);

/* Claims, ordered by article then position (the claims of a title given
 * apart before those of the text). Valid after check. */
CLAIMS_API size_t claims_story_claim_count(const claims_story *story);
CLAIMS_API const claims_claim *claims_story_claim(const claims_story *story, size_t i);

/* The claim's id ("c1", "c2", ... unique in the story). */
CLAIMS_API const char *claims_claim_id(const claims_claim *claim);
/* Index of the claim's article (for claims_story_article_*()). */
CLAIMS_API size_t claims_claim_article(const claims_claim *claim);
CLAIMS_API claims_kind claims_claim_kind(const claims_claim *claim);
/* The slot key: claims with equal keys speak of the same thing. */
CLAIMS_API const char *claims_claim_key(const claims_claim *claim);
/* Numeric value. Returns 1 and sets *value when the claim has one (count,
 * money, percent, measure, year), 0 otherwise ("an unspecified number"). */
CLAIMS_API int claims_claim_value(const claims_claim *claim, double *value);
/* Bounds of a vague amount ("more than 10": low 10, exclusive...). Each
 * returns 1 and sets the out value when that bound exists. */
CLAIMS_API int claims_claim_low(const claims_claim *claim, double *low);
CLAIMS_API int claims_claim_high(const claims_claim *claim, double *high);
/* Unit or currency ("USD", "km", "years"), or NULL. */
CLAIMS_API const char *claims_claim_unit(const claims_claim *claim);
/* String value: the ISO date of a date claim ("2010-09-06", "2010-09",
 * "2010"), or the normalized words of a quote or paraphrase; NULL for
 * numeric kinds and for dates that could not be resolved. */
CLAIMS_API const char *claims_claim_string_value(const claims_claim *claim);
/* What a claim's byte offsets count into (claims_claim_within). */
typedef enum claims_within {
    CLAIMS_WITHIN_TEXT = 0, /* the article's text, as given */
    /* the article's title, as given to claims_story_add_article(): a
       title the text does not begin with is read for claims before the
       text, as a plain-text file's first line is (a text that begins
       with its title line is read once, and its claims count into the
       text) */
    CLAIMS_WITHIN_TITLE = 1
} claims_within;

/* Which string the claim's span, sentence span and text are in: the
 * article's text (also for NULL), or its title. Valid after check, as
 * long as the claim is. */
CLAIMS_API claims_within claims_claim_within(const claims_claim *claim);
/* Source text span [start, end) in the article's text, or in its title
 * when claims_claim_within() says so; *len gets its length. The returned
 * pointer is into the story's copy of that string (borrowed: valid until
 * claims_story_free()). */
CLAIMS_API const char *claims_claim_text(const claims_claim *claim, size_t *len);
CLAIMS_API void claims_claim_span(const claims_claim *claim, size_t *start, size_t *end);
/* Span of the sentence the claim stands in (in the same string as the
 * claim's span). */
CLAIMS_API void claims_claim_sentence_span(const claims_claim *claim, size_t *start,
                                           size_t *end);
/* The speaker of a quote or paraphrase: a person's canonical name, or the
 * description ("a senior source ...") when no person is known; else NULL. */
CLAIMS_API const char *claims_claim_speaker(const claims_claim *claim);

/* Findings, in a deterministic order. Valid after check. */
CLAIMS_API size_t claims_story_finding_count(const claims_story *story);
CLAIMS_API const claims_finding *claims_story_finding(const claims_story *story, size_t i);
CLAIMS_API const char *claims_finding_id(const claims_finding *finding);
CLAIMS_API claims_finding_type claims_finding_type_of(const claims_finding *finding);
CLAIMS_API const char *claims_finding_key(const claims_finding *finding);
/* Confidence in [0, 1]; below 0.5 is "low". */
CLAIMS_API double claims_finding_confidence(const claims_finding *finding);
/* A one-line human summary. */
CLAIMS_API const char *claims_finding_summary(const claims_finding *finding);
/* The claims this finding is about, as indexes for claims_story_claim(). */
CLAIMS_API size_t claims_finding_claim_count(const claims_finding *finding);
CLAIMS_API size_t claims_finding_claim(const claims_finding *finding, size_t j);

/* Number of findings that fail under the current CLAIMS_OPT_FAIL_ON and
 * CLAIMS_OPT_MIN_CONFIDENCE (what the CLI turns into exit code 1). */
CLAIMS_API size_t claims_story_failure_count(const claims_story *story);

/* ---------------------------------------------------------------- report */

/* Receives report bytes; returns 0 to go on, non-zero to stop (the report
 * call then returns CLAIMS_ERR_IO). */
typedef int (*claims_write_fn)(void *user_data, const char *data, size_t len);

/* Writes the report on a checked story in `format` through `write`.
 * The output is deterministic: the same story gives the same bytes.
 * Errors: CLAIMS_ERR_STATE (not checked), CLAIMS_ERR_INVALID_ARGUMENT,
 * CLAIMS_ERR_IO (write returned non-zero), CLAIMS_ERR_NOMEM. */
CLAIMS_API claims_status claims_story_write_report(const claims_story *story,
                                                   claims_format format,
                                                   claims_write_fn write, void *user_data,
                                                   claims_error *err);

/* The same, written to an open stdio stream (not closed). */
CLAIMS_API claims_status claims_story_write_report_file(const claims_story *story,
                                                        claims_format format, FILE *fp,
                                                        claims_error *err);

/* The report as one allocated buffer, for callers that find a callback
 * awkward (FFI). On success *out owns `*len` bytes of report followed by a
 * NUL byte (not counted in *len); the caller frees it with
 * claims_report_free(). The buffer comes from the story's allocator but
 * does not depend on the story: it may outlive claims_story_free() (only
 * the allocator's user_data must stay valid). `len` may be NULL. On
 * failure *out is NULL. Errors as claims_story_write_report(), except
 * CLAIMS_ERR_IO, which cannot happen. */
CLAIMS_API claims_status claims_story_report_alloc(const claims_story *story,
                                                   claims_format format, char **out,
                                                   size_t *len, claims_error *err);

/* Frees a buffer from claims_story_report_alloc(). NULL is a no-op. */
CLAIMS_API void claims_report_free(char *report);

#ifdef __cplusplus
}
#endif

#endif /* CLAIMS_H */
