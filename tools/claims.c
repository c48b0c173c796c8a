/* claims - the command-line tool. Uses only the public API (claims.h),
 * jansson for JSON input and the batch summary, and POSIX threads for
 * `claims batch`. The manual is doc/claims.1. */
#define _POSIX_C_SOURCE 200809L
#include <claims.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Exit codes, documented in --help, claims(1) and the README; stable. The
 * report's two conditions are bits, so a pipeline can test them apart. */
enum {
    EXIT_OK = 0,        /* report written, nothing fails, nothing rejected */
    EXIT_FINDINGS = 1,  /* report written, a finding fails (--fail-on) */
    EXIT_NO_REPORT = 2, /* usage error or no report written */
    EXIT_REJECTED = 4   /* report written, an input was rejected */
};

static const char usage_text[] =
    "usage: claims check [options] FILE|DIR|- ...\n"
    "       claims extract [options] FILE|DIR|- ...\n"
    "       claims batch [options] --output-dir DIR STORIES-DIR|STORIES.jsonl|-\n"
    "       claims lexicon --list [--section NAME] | --files | --check FILE...\n"
    "       claims --help | --version\n"
    "\n"
    "check: one report on the story told by all inputs.\n"
    "extract: the claims of the inputs, one per line (claim, article, kind, key,\n"
    "  value, byte span, text, speaker), numbered as check numbers them.\n"
    "batch: one report per story, in parallel, plus a summary.\n"
    "lexicon: the built-in entries, the configured lexicon files, or a check.\n"
    "\n"
    "Options:\n"
    "  -f, --format F          text (default), json, markdown, html, tap, junit\n"
    "                          (extract: text or json)\n"
    "  -o, --output FILE       write the report to FILE instead of stdout\n"
    "  -d, --output-dir DIR    batch: where the reports and _summary.json go\n"
    "  -j, --jobs N            batch: parallel workers (default: online cores)\n"
    "      --fail-on WHAT      contradiction (default), variant, none: exit 1 when\n"
    "                          a finding of that type (or worse) is reported\n"
    "      --min-confidence L  low (default: report all) or high\n"
    "  -l, --lexicon FILE      extra lexicon entries; repeatable\n"
    "      --no-config         ignore CLAIMS_LEXICON and the lexicons config file\n"
    "      --color WHEN        auto (default), always, never (text format)\n"
    "  -q, --quiet             no notes on stderr (skipped files, progress)\n"
    "  --                      end of options: every later argument is an input\n"
    "\n"
    "Inputs: plain-text files (*.txt, *.text: the first line is the title when\n"
    "it is a short line followed by more text; the id is the file name without\n"
    "extension), JSON Lines (*.jsonl, *.ndjson, *.json: {\"id\", \"title\",\n"
    "\"published\", \"text\"} per line), directories of them (recursively, in name\n"
    "order; ids relative to the directory, e.g. 2024/05/a), and - for stdin.\n"
    "\n"
    "Lexicons: the files listed in $CLAIMS_LEXICON (colon-separated) or, when\n"
    "it is unset, in $XDG_CONFIG_HOME/claims/lexicons (one path a line), then\n"
    "every --lexicon. The format is in claims(1) and lexicons.md.\n"
    "\n"
    "Exit status: 0 report written, nothing fails; 1 a finding fails;\n"
    "2 usage error or no report; 4 report written but an input was rejected;\n"
    "5 both 4 and 1. See claims(1).\n";

/* ------------------------------------------------------------ utilities */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("claims: out of memory\n", stderr);
        exit(EXIT_NO_REPORT);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("claims: out of memory\n", stderr);
        exit(EXIT_NO_REPORT);
    }
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* A growable string. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sb_add(b, tmp, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* Length of the valid UTF-8 sequence at s (at most n bytes) and its code
 * point, or 0 when the bytes there are not one. */
static size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* Characters that must not reach a terminal as they are: C0 and C1
 * controls, DEL, and the bidirectional overrides and isolates (which
 * reorder what follows them on screen). */
static int unsafe_cp(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Appends s[0..n) with unsafe characters written as \n, \t, \r, \xNN (for
 * bytes that are not UTF-8) or \u{XXXX}; with `backslash`, "\" itself is
 * doubled so that the escaping can be undone. */
static void sb_escaped(sbuf *b, const char *s, size_t n, int backslash)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_seq(u + i, n - i, &cp);
        if (len && !unsafe_cp(cp) && !(backslash && cp == '\\')) {
            i += len;
            run += len;
            continue;
        }
        sb_add(b, s + i - run, run);
        run = 0;
        if (!len) {
            sb_printf(b, "\\x%02X", u[i]);
            i++;
            continue;
        }
        if (cp == '\n')
            sb_str(b, "\\n");
        else if (cp == '\t')
            sb_str(b, "\\t");
        else if (cp == '\r')
            sb_str(b, "\\r");
        else if (cp == '\\')
            sb_str(b, "\\\\");
        else if (cp < 0x80)
            sb_printf(b, "\\x%02X", (unsigned)cp);
        else
            sb_printf(b, "\\u{%04X}", (unsigned)cp);
        i += len;
    }
    sb_add(b, s + i - run, run);
}

static int quiet;
/* "STORY: " while a batch worker reads a story; per thread. */
static _Thread_local const char *story_prefix = "";

/* Every message to stderr goes through here: the whole message is
 * escaped, since ids, paths and values in it come from the input. */
static void vsay(const char *fmt, va_list ap)
{
    char tmp[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    char *msg = tmp;
    if ((size_t)n >= sizeof tmp) {
        msg = xmalloc((size_t)n + 1);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
    }
    sbuf b = {NULL, 0, 0};
    sb_str(&b, "claims: ");
    sb_escaped(&b, story_prefix, strlen(story_prefix), 0);
    sb_escaped(&b, msg, (size_t)n, 0);
    sb_str(&b, "\n");
    fputs(b.p, stderr);
    free(b.p);
    if (msg != tmp)
        free(msg);
}

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

/* A note (a skipped file, a dropped date): silenced by --quiet. */
static void note(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

/* A string map (open addressing) from a key to a value the caller owns. */
typedef struct strmap {
    char **keys;
    void **vals;
    size_t nslots, n;
} strmap;

static size_t str_hash(const char *s)
{
    size_t h = 1469598103934665603ULL & SIZE_MAX;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (1099511628211ULL & SIZE_MAX);
    return h;
}

static void **strmap_find(const strmap *m, const char *key)
{
    if (!m->nslots)
        return NULL;
    for (size_t i = str_hash(key) & (m->nslots - 1); m->keys[i]; i = (i + 1) & (m->nslots - 1))
        if (strcmp(m->keys[i], key) == 0)
            return &m->vals[i];
    return NULL;
}

static void strmap_put_new(strmap *m, const char *key, void *val);

static void strmap_grow(strmap *m)
{
    strmap old = *m;
    m->nslots = old.nslots ? old.nslots * 2 : 64;
    m->keys = xmalloc(m->nslots * sizeof *m->keys);
    m->vals = xmalloc(m->nslots * sizeof *m->vals);
    memset(m->keys, 0, m->nslots * sizeof *m->keys);
    m->n = 0;
    for (size_t i = 0; i < old.nslots; i++) {
        if (old.keys[i]) {
            strmap_put_new(m, old.keys[i], old.vals[i]);
            free(old.keys[i]);
        }
    }
    free(old.keys);
    free(old.vals);
}

/* Adds a key known to be absent. */
static void strmap_put_new(strmap *m, const char *key, void *val)
{
    if ((m->n + 1) * 2 > m->nslots)
        strmap_grow(m);
    size_t i = str_hash(key) & (m->nslots - 1);
    while (m->keys[i])
        i = (i + 1) & (m->nslots - 1);
    m->keys[i] = xstrdup(key);
    m->vals[i] = val;
    m->n++;
}

static void strmap_free(strmap *m, void (*free_val)(void *))
{
    for (size_t i = 0; i < m->nslots; i++) {
        if (m->keys[i]) {
            free(m->keys[i]);
            if (free_val)
                free_val(m->vals[i]);
        }
    }
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---------------------------------------------------------------- input */

typedef struct buffer {
    char *data;
    size_t len;
} buffer;

static int read_stream(FILE *fp, buffer *out)
{
    size_t cap = 65536, len = 0;
    char *data = malloc(cap);
    if (!data)
        return -1;
    for (;;) {
        if (len == cap) {
            char *n = cap > SIZE_MAX / 2 ? NULL : realloc(data, cap * 2);
            if (!n) {
                free(data);
                return -1;
            }
            data = n;
            cap *= 2;
        }
        size_t got = fread(data + len, 1, cap - len, fp);
        len += got;
        if (got == 0) {
            if (ferror(fp)) {
                free(data);
                return -1;
            }
            break;
        }
    }
    out->data = data;
    out->len = len;
    return 0;
}

static int read_file(const char *path, buffer *out)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    int rc = read_stream(fp, out);
    int saved = errno;
    fclose(fp);
    errno = saved;
    return rc;
}

/* The id of a file: its base name without the last extension. */
static char *file_id(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)
        n = (size_t)(dot - base);
    char *id = malloc(n + 1);
    if (id) {
        memcpy(id, base, n);
        id[n] = 0;
    }
    return id;
}

/* Case-insensitive (ASCII) "path ends with ext". */
static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    if (n <= e)
        return 0;
    for (size_t i = 0; i < e; i++) {
        char a = path[n - e + i], b = ext[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

static int is_jsonl_path(const char *path)
{
    return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

static int is_text_path(const char *path)
{
    return has_ext(path, ".txt") || has_ext(path, ".text");
}

typedef struct cli {
    claims_story *story;
    int input_errors;
    strmap sources; /* article id -> where it came from (a path, FILE:LINE) */
} cli;

static void report_error(const char *what, const claims_error *err)
{
    if (err->has_offset)
        say("%s: %s at byte %zu", what, err->message, err->offset);
    else
        say("%s: %s", what, err->message);
}

/* An id safe to print and to store: the id escaped and cut to 200 bytes. */
static char *safe_id(const char *id, size_t len)
{
    sbuf b = {NULL, 0, 0};
    sb_escaped(&b, id, len > 400 ? 400 : len, 0);
    if (b.n > 200 || len > 400) {
        size_t n = b.n > 200 ? 200 : b.n;
        while (n && ((unsigned char)b.p[n] & 0xC0) == 0x80)
            n--;
        b.n = n;
        sb_str(&b, "...");
    }
    return b.p;
}

static void reject(cli *c, const char *id, claims_status code, const char *message,
                   long long offset)
{
    char *sid = safe_id(id, strlen(id));
    say("%s: %s", sid, message);
    claims_story_reject(c->story, sid, code, message, offset);
    c->input_errors++;
    free(sid);
}

/* Before an article goes to the library: an id that is not valid UTF-8 or
 * too long, or that another input already has, is rejected here, so that
 * the report lists it and the message names both sources. Returns 1 when
 * the article may be added. */
static int id_ok(cli *c, const char *id, size_t idlen, const char *source)
{
    uint32_t cp;
    for (size_t i = 0; i < idlen;) {
        size_t n = utf8_seq((const unsigned char *)id + i, idlen - i, &cp);
        if (!n) {
            reject(c, id, CLAIMS_ERR_INVALID_ID, "the id is not valid UTF-8", -1);
            return 0;
        }
        i += n;
    }
    if (idlen > 255) {
        reject(c, id, CLAIMS_ERR_INVALID_ID, "the id is longer than 255 bytes", -1);
        return 0;
    }
    void **prev = strmap_find(&c->sources, id);
    if (prev) {
        sbuf m = {NULL, 0, 0};
        sb_printf(&m, "duplicate id: %s has the id of %s", source, (const char *)*prev);
        reject(c, id, CLAIMS_ERR_DUPLICATE_ID, m.p, -1);
        free(m.p);
        return 0;
    }
    return 1;
}


/* Adds one plain-text article: the whole text, with the first line as its
 * title when it is short and more text follows. */
static void add_text(cli *c, const char *id, const buffer *b)
{
    char *title = NULL;
    size_t p = 0;
    if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0)
        p = 3;
    const char *nl = memchr(b->data + p, '\n', b->len - p);
    if (nl) {
        size_t tl = (size_t)(nl - (b->data + p));
        while (tl && (b->data[p + tl - 1] == '\r' || b->data[p + tl - 1] == ' '))
            tl--;
        const char *rest = nl + 1;
        size_t restlen = b->len - (size_t)(rest - b->data);
        int more = 0;
        for (size_t i = 0; i < restlen && !more; i++)
            more = rest[i] != ' ' && rest[i] != '\n' && rest[i] != '\r' && rest[i] != '\t';
        if (tl > 0 && tl <= 150 && more && !memchr(b->data + p, 0, tl)) {
            title = malloc(tl + 1);
            if (title) {
                memcpy(title, b->data + p, tl);
                title[tl] = 0;
            }
        }
    }
    claims_error err;
    claims_status st = claims_story_add_article(c->story, id, title, NULL, b->data, b->len, &err);
    if (st == CLAIMS_ERR_INVALID_ARGUMENT && title) {
        /* A title that is not valid UTF-8: the text check names the offset. */
        st = claims_story_add_article(c->story, id, NULL, NULL, b->data, b->len, &err);
    }
    if (st != CLAIMS_OK) {
        report_error(id, &err);
        c->input_errors++;
    }
    free(title);
}

/* Counts before an article is added, to see afterwards what became of it. */
typedef struct mark {
    size_t articles, rejected;
} mark;

static mark mark_now(const cli *c)
{
    mark m = {claims_story_article_count(c->story), claims_story_rejected_count(c->story)};
    return m;
}

/* After an attempt to add article `id`: remember its source when the
 * library took it; record a rejection the library did not record itself
 * (an id it refused, no memory), so that nothing vanishes from the report. */
static void settle(cli *c, mark m, const char *id, const char *source)
{
    if (claims_story_article_count(c->story) > m.articles) {
        strmap_put_new(&c->sources, id, xstrdup(source));
    } else if (claims_story_rejected_count(c->story) == m.rejected) {
        char *sid = safe_id(id, strlen(id));
        claims_story_reject(c->story, sid, CLAIMS_ERR_INVALID_ARGUMENT,
                            "the article could not be added", -1);
        free(sid);
    }
}

/* A `published` value the library is given: YYYY-MM-DD naming a real day
 * from 0001-01-01 on. */
static int real_date(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* One article of a JSON input: {"id", "title", "published", "text"}.
 * `fallback` is the id when there is none (FILE:LINE), `source` says where
 * the object is for messages. The title goes to the library as the title;
 * the text is passed as given, so that the report's byte offsets are
 * offsets into it (the library does not read claims in a title the text
 * does not begin with: see the CLI tests). */
static void add_json_object(cli *c, json_t *obj, const char *fallback, const char *source,
                            long long offset)
{
    json_t *jid = json_object_get(obj, "id"), *jtext = json_object_get(obj, "text");
    json_t *jtitle = json_object_get(obj, "title"), *jpub = json_object_get(obj, "published");
    const char *id = fallback;
    size_t idlen = strlen(fallback);
    char idbuf[64];
    if (json_is_string(jid)) {
        id = json_string_value(jid);
        idlen = json_string_length(jid);
        if (strlen(id) != idlen) {
            char *sid = safe_id(id, idlen);
            reject(c, sid, CLAIMS_ERR_INVALID_ID, "the id contains a NUL character (\\u0000)",
                   offset);
            free(sid);
            return;
        }
    } else if (json_is_integer(jid)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
        id = idbuf;
        idlen = strlen(id);
    } else if (jid && !json_is_null(jid)) {
        reject(c, fallback, CLAIMS_ERR_INVALID_ID, "\"id\" must be a string or an integer",
               offset);
        return;
    }
    if (!json_is_string(jtext)) {
        reject(c, id, CLAIMS_ERR_EMPTY_TEXT, "no \"text\" string", offset);
        return;
    }
    if ((jtitle && !json_is_string(jtitle) && !json_is_null(jtitle)) ||
        (jpub && !json_is_string(jpub) && !json_is_null(jpub))) {
        reject(c, id, CLAIMS_ERR_INVALID_ARGUMENT,
               "\"title\" and \"published\" must be strings or null", offset);
        return;
    }
    const char *title = json_is_string(jtitle) ? json_string_value(jtitle) : NULL;
    if (title && strlen(title) != json_string_length(jtitle)) {
        reject(c, id, CLAIMS_ERR_NUL_BYTE, "the title contains a NUL character (\\u0000)",
               offset);
        return;
    }
    const char *pub = json_is_string(jpub) ? json_string_value(jpub) : NULL;
    if (pub && !real_date(pub, json_string_length(jpub))) {
        sbuf v = {NULL, 0, 0};
        sb_escaped(&v, pub, json_string_length(jpub), 1);
        note("%s: \"published\" value \"%s\" is not a date (YYYY-MM-DD); %s is kept, undated",
             source, v.p ? v.p : "", id);
        free(v.p);
        pub = NULL;
    }
    if (!id_ok(c, id, idlen, source))
        return;
    const char *text = json_string_value(jtext);
    size_t len = json_string_length(jtext);
    mark m = mark_now(c);
    claims_error err;
    if (claims_story_add_article(c->story, id, title, pub, text, len, &err) != CLAIMS_OK) {
        report_error(id, &err);
        c->input_errors++;
    }
    settle(c, m, id, source);
}

/* Skips a UTF-8 byte-order mark. */
static size_t bom_len(const buffer *b)
{
    return b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* JSON Lines: one article per line; `name` gives fallback ids (NAME:LINE),
 * `path` the messages' FILE:LINE. */
static void add_jsonl(cli *c, const char *name, const char *path, const buffer *b)
{
    size_t pos = bom_len(b), line = 0;
    while (pos < b->len) {
        size_t eol = pos;
        while (eol < b->len && b->data[eol] != '\n')
            eol++;
        line++;
        size_t start = pos;
        pos = eol + 1;
        size_t k = start;
        while (k < eol && (b->data[k] == ' ' || b->data[k] == '\t' || b->data[k] == '\r'))
            k++;
        if (k == eol)
            continue;
        sbuf fallback = {NULL, 0, 0}, source = {NULL, 0, 0};
        sb_printf(&fallback, "%s:%zu", name, line);
        sb_printf(&source, "%s:%zu", path, line);
        json_error_t jerr;
        json_t *obj = json_loadb(b->data + start, eol - start, JSON_ALLOW_NUL, &jerr);
        if (!obj || !json_is_object(obj)) {
            sbuf msg = {NULL, 0, 0};
            sb_printf(&msg, "line %zu: %s", line, obj ? "not a JSON object" : jerr.text);
            long long off = obj ? (long long)start
                                : (long long)start + (jerr.position > 0 ? jerr.position : 0);
            reject(c, fallback.p, CLAIMS_ERR_IO, msg.p, off);
            free(msg.p);
        } else {
            add_json_object(c, obj, fallback.p, source.p, (long long)start);
        }
        json_decref(obj);
        free(fallback.p);
        free(source.p);
    }
}

/* A file named *.json: one JSON object, an array of them, or JSON Lines;
 * anything else is rejected (never read as a plain-text article). */
static void add_json_file(cli *c, const char *name, const char *path, const buffer *b)
{
    size_t k = bom_len(b);
    while (k < b->len && (b->data[k] == ' ' || b->data[k] == '\t' || b->data[k] == '\n' ||
                          b->data[k] == '\r'))
        k++;
    if (k < b->len && (b->data[k] == '{' || b->data[k] == '[')) {
        json_error_t jerr;
        json_t *doc = json_loadb(b->data + k, b->len - k, JSON_ALLOW_NUL, &jerr);
        if (doc && json_is_object(doc)) {
            add_json_object(c, doc, name, path, (long long)k);
        } else if (doc && json_is_array(doc)) {
            for (size_t i = 0; i < json_array_size(doc); i++) {
                sbuf fallback = {NULL, 0, 0}, source = {NULL, 0, 0};
                sb_printf(&fallback, "%s:%zu", name, i + 1);
                sb_printf(&source, "%s: item %zu", path, i + 1);
                json_t *item = json_array_get(doc, i);
                if (json_is_object(item))
                    add_json_object(c, item, fallback.p, source.p, -1);
                else
                    reject(c, fallback.p, CLAIMS_ERR_IO, "not a JSON object", -1);
                free(fallback.p);
                free(source.p);
            }
        } else if (b->data[k] == '{') {
            add_jsonl(c, name, path, b);
        } else {
            sbuf msg = {NULL, 0, 0};
            sb_printf(&msg, "not JSON: %s", doc ? "not an array of objects" : jerr.text);
            reject(c, name, CLAIMS_ERR_IO, msg.p, doc ? (long long)k : -1);
            free(msg.p);
        }
        json_decref(doc);
        return;
    }
    reject(c, name, CLAIMS_ERR_IO,
           "not JSON (a .json file holds one JSON object, an array of them or JSON Lines)",
           k < b->len ? (long long)k : -1);
}

/* Reads one file as an article source: JSON by its extension, else text. */
static void add_file(cli *c, const char *path, const char *id)
{
    buffer b = {NULL, 0};
    if (read_file(path, &b) != 0) {
        sbuf msg = {NULL, 0, 0};
        sb_printf(&msg, "cannot read %s: %s", path, strerror(errno));
        reject(c, id, CLAIMS_ERR_IO, msg.p, -1);
        free(msg.p);
        return;
    }
    if (is_jsonl_path(path)) {
        add_jsonl(c, id, path, &b);
    } else if (has_ext(path, ".json")) {
        add_json_file(c, id, path, &b);
    } else if (id_ok(c, id, strlen(id), path)) {
        mark m = mark_now(c);
        add_text(c, id, &b);
        settle(c, m, id, path);
    }
    free(b.data);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in a directory (no "." or ".."); NULL when it cannot be
 * read (errno set). */
static char **list_dir(const char *path, size_t *count)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names); /* deterministic order */
    *count = n;
    return names ? names : xmalloc(sizeof *names);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static char *join_path(const char *dir, const char *name)
{
    sbuf b = {NULL, 0, 0};
    if (*dir) {
        sb_str(&b, dir);
        if (dir[strlen(dir) - 1] != '/')
            sb_str(&b, "/");
    }
    sb_str(&b, name);
    return b.p;
}

/* A relative path without its last extension: the id of a file found in a
 * directory ("2024/05/a" for 2024/05/a.txt). */
static char *rel_stem(const char *rel)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
    return xstrndup(rel, n);
}

/* The folders being read, innermost first, to notice a link back up. */
typedef struct walk {
    dev_t dev;
    ino_t ino;
    const struct walk *up;
} walk;

/* Reads every article file under `path` (its id prefix `rel`), in name
 * order, recursively; says on stderr what it skips and why. */
static void add_dir(cli *c, const char *path, const char *rel, const walk *up)
{
    size_t n = 0;
    char **names = list_dir(path, &n);
    if (!names) {
        sbuf msg = {NULL, 0, 0};
        sb_printf(&msg, "cannot read the folder %s: %s", path, strerror(errno));
        reject(c, *rel ? rel : path, CLAIMS_ERR_IO, msg.p, -1);
        free(msg.p);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char *full = join_path(path, names[i]);
        char *r = join_path(rel, names[i]);
        struct stat st;
        if (names[i][0] == '.') {
            note("skipped %s: a hidden file or folder", full);
        } else if (stat(full, &st) != 0) {
            char *id = rel_stem(r);
            sbuf msg = {NULL, 0, 0};
            sb_printf(&msg, "cannot read %s: %s", full, strerror(errno));
            reject(c, id, CLAIMS_ERR_IO, msg.p, -1);
            free(msg.p);
            free(id);
        } else if (S_ISDIR(st.st_mode)) {
            const walk *w = up;
            while (w && !(w->dev == st.st_dev && w->ino == st.st_ino))
                w = w->up;
            if (w) {
                note("skipped %s: a link to a folder it is in", full);
            } else {
                walk here = {st.st_dev, st.st_ino, up};
                add_dir(c, full, r, &here);
            }
        } else if (!S_ISREG(st.st_mode)) {
            note("skipped %s: not a regular file", full);
        } else if (is_text_path(names[i]) || is_jsonl_path(names[i])) {
            char *id = rel_stem(r);
            add_file(c, full, id);
            free(id);
        } else if (has_ext(names[i], ".json")) {
            /* often a story's metadata; read only when given by name */
            note("skipped %s: a .json file is read only when given by name", full);
        } else {
            note("skipped %s: not .txt, .text, .jsonl or .ndjson", full);
        }
        free(full);
        free(r);
    }
    free_names(names, n);
}

/* Reads standard input: JSON Lines when it starts with "{", else text. */
static void add_stdin(cli *c)
{
    buffer b = {NULL, 0};
    if (read_stream(stdin, &b) != 0) {
        reject(c, "stdin", CLAIMS_ERR_IO, "cannot read standard input", -1);
        return;
    }
    size_t k = bom_len(&b);
    while (k < b.len && (b.data[k] == ' ' || b.data[k] == '\n' || b.data[k] == '\r' ||
                         b.data[k] == '\t'))
        k++;
    if (k < b.len && b.data[k] == '{') {
        add_jsonl(c, "stdin", "stdin", &b);
    } else if (id_ok(c, "stdin", 5, "standard input")) {
        mark m = mark_now(c);
        add_text(c, "stdin", &b);
        settle(c, m, "stdin", "standard input");
    }
    free(b.data);
}

/* One input as given on the command line. An input that yields neither an
 * article nor a rejection ("nothing read") is itself rejected. */
static void add_path(cli *c, const char *path)
{
    mark m = mark_now(c);
    struct stat st;
    const char *what = "nothing read";
    char *id = NULL;
    if (strcmp(path, "-") == 0) {
        add_stdin(c);
        id = xstrdup("stdin");
    } else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        walk top = {st.st_dev, st.st_ino, NULL};
        add_dir(c, path, "", &top);
        id = xstrdup(path);
        what = "nothing read: no .txt, .text, .jsonl or .ndjson file in the folder";
    } else {
        id = file_id(path);
        if (!id)
            id = xstrdup(path);
        add_file(c, path, id);
        what = "nothing read: no article in the file";
    }
    mark now = mark_now(c);
    if (now.articles == m.articles && now.rejected == m.rejected)
        reject(c, id, CLAIMS_ERR_EMPTY_TEXT, what, -1);
    free(id);
}

/* ------------------------------------------------------------- lexicons */

typedef struct lexfile {
    char *path;
    const char *from; /* "CLAIMS_LEXICON", the config file's path, "--lexicon" */
    buffer b;
    size_t skipped; /* bytes of a BOM left out */
} lexfile;

typedef struct lexicons {
    lexfile *files;
    size_t n, cap;
    char *config; /* the config file's path */
} lexicons;

static void lex_add(lexicons *l, const char *path, size_t len, const char *from)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->files = xrealloc(l->files, l->cap * sizeof *l->files);
    }
    lexfile *f = &l->files[l->n++];
    memset(f, 0, sizeof *f);
    f->path = xstrndup(path, len);
    f->from = from;
}

/* $XDG_CONFIG_HOME/claims/lexicons, or ~/.config/claims/lexicons. */
static char *config_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    sbuf b = {NULL, 0, 0};
    if (xdg && xdg[0] == '/')
        sb_printf(&b, "%s/claims/lexicons", xdg);
    else if (home && *home)
        sb_printf(&b, "%s/.config/claims/lexicons", home);
    return b.p;
}

/* The lexicon files a newsroom configured once: $CLAIMS_LEXICON (paths
 * separated by ":") when it is set, else the config file (one path a line,
 * "#" comments, relative to the file's folder). Returns -1 on an error. */
static int lex_configured(lexicons *l)
{
    const char *env = getenv("CLAIMS_LEXICON");
    l->config = config_path();
    if (env) {
        for (const char *p = env; *p;) {
            const char *e = strchr(p, ':');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (n)
                lex_add(l, p, n, "CLAIMS_LEXICON");
            p += n + (e ? 1 : 0);
        }
        return 0;
    }
    if (!l->config)
        return 0;
    buffer b;
    if (read_file(l->config, &b) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return 0;
        say("cannot read the lexicon config %s: %s", l->config, strerror(errno));
        return -1;
    }
    const char *slash = strrchr(l->config, '/');
    size_t dirlen = slash ? (size_t)(slash - l->config) : 0;
    for (size_t pos = bom_len(&b); pos < b.len;) {
        size_t eol = pos;
        while (eol < b.len && b.data[eol] != '\n')
            eol++;
        size_t s = pos, e = eol;
        pos = eol + 1;
        while (s < e && (b.data[s] == ' ' || b.data[s] == '\t'))
            s++;
        while (e > s && (b.data[e - 1] == ' ' || b.data[e - 1] == '\t' || b.data[e - 1] == '\r'))
            e--;
        if (s == e || b.data[s] == '#')
            continue;
        if (b.data[s] == '/') {
            lex_add(l, b.data + s, e - s, l->config);
        } else {
            sbuf p = {NULL, 0, 0};
            sb_add(&p, l->config, dirlen);
            sb_str(&p, "/");
            sb_add(&p, b.data + s, e - s);
            lex_add(l, p.p, p.n, l->config);
            free(p.p);
        }
    }
    free(b.data);
    return 0;
}

/* Reads every lexicon file once (a BOM left out). Returns -1 on an error. */
static int lex_read(lexicons *l)
{
    for (size_t i = 0; i < l->n; i++) {
        lexfile *f = &l->files[i];
        if (read_file(f->path, &f->b) != 0) {
            if (strcmp(f->from, "--lexicon") == 0)
                say("cannot read lexicon %s: %s", f->path, strerror(errno));
            else
                say("cannot read lexicon %s (from %s): %s", f->path, f->from, strerror(errno));
            return -1;
        }
        f->skipped = bom_len(&f->b);
    }
    return 0;
}

/* Adds the lexicons to a story; a bad line is named by file, line and
 * byte. Returns -1 on an error. */
static int lex_apply(const lexicons *l, claims_story *story)
{
    for (size_t i = 0; i < l->n; i++) {
        const lexfile *f = &l->files[i];
        claims_error err;
        if (claims_story_add_lexicon(story, f->b.data + f->skipped, f->b.len - f->skipped,
                                     &err) == CLAIMS_OK)
            continue;
        if (err.has_offset) {
            size_t line = 1, off = f->skipped + err.offset;
            for (size_t k = 0; k < off && k < f->b.len; k++)
                line += f->b.data[k] == '\n';
            say("lexicon %s:%zu: %s at byte %zu", f->path, line, err.message, off);
        } else {
            say("lexicon %s: %s", f->path, err.message);
        }
        return -1;
    }
    return 0;
}

static void lex_free(lexicons *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->files[i].path);
        free(l->files[i].b.data);
    }
    free(l->files);
    free(l->config);
}

/* claims lexicon --list: the built-in entries, section by section, each
 * file's part after a "# file:" line; only `section` when it is given. */
static int lexicon_list(const char *section)
{
    size_t len;
    const char *t = claims_builtin_lexicon(&len);
    sbuf out = {NULL, 0, 0};
    const char *cur = NULL;
    size_t curlen = 0;
    int found = 0, shown_header = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(t + pos, '\n', len - pos);
        size_t eol = nl ? (size_t)(nl - t) : len;
        const char *line = t + pos;
        size_t n = eol - pos;
        pos = eol + 1;
        if (n >= 8 && memcmp(line, "# file: ", 8) == 0) {
            if (!section) {
                sb_add(&out, line, n);
                sb_str(&out, "\n");
            }
            cur = NULL;
            continue;
        }
        if (n == 0 || line[0] == '#')
            continue;
        if (line[0] == '[') {
            const char *close = memchr(line, ']', n);
            cur = line + 1;
            curlen = close ? (size_t)(close - cur) : n - 1;
            shown_header = 0;
            if (!section) {
                sb_add(&out, line, n);
                sb_str(&out, "\n");
            }
            continue;
        }
        if (section && !(cur && curlen == strlen(section) && memcmp(cur, section, curlen) == 0))
            continue;
        if (section && !shown_header) {
            sb_printf(&out, "[%s]\n", section);
            shown_header = 1;
        }
        found = 1;
        sb_add(&out, line, n);
        sb_str(&out, "\n");
    }
    if (section && !found) {
        free(out.p);
        say("no built-in lexicon section '%s' (see claims lexicon --list)", section);
        return EXIT_NO_REPORT;
    }
    if (out.p)
        fputs(out.p, stdout);
    free(out.p);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_NO_REPORT;
}

/* --------------------------------------------------------------- extract */

static void put_field(FILE *out, const char *s)
{
    sbuf b = {NULL, 0, 0};
    if (s)
        sb_escaped(&b, s, strlen(s), 1);
    fputs(b.p ? b.p : "-", out);
    free(b.p);
}

/* One line a claim: id, article, kind, key, value, span, "text", speaker.
 * Every field from the input is escaped (tabs, newlines, controls). */
static void print_claims_text(const claims_story *s, FILE *out)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        size_t start, end, len;
        claims_claim_span(c, &start, &end);
        const char *text = claims_claim_text(c, &len);
        fprintf(out, "%s\t", claims_claim_id(c));
        put_field(out, claims_story_article_id(s, claims_claim_article(c)));
        fprintf(out, "\t%s\t", claims_kind_name(claims_claim_kind(c)));
        put_field(out, claims_claim_key(c));
        fputc('\t', out);
        double v, lo, hi;
        const char *sv = claims_claim_string_value(c);
        if (claims_claim_value(c, &v))
            fprintf(out, "%.15g", v);
        else if (sv && claims_claim_kind(c) == CLAIMS_KIND_DATE)
            put_field(out, sv);
        else if (claims_claim_kind(c) < CLAIMS_KIND_QUOTE)
            fputs("?", out);
        else
            fputs("-", out);
        if (claims_claim_low(c, &lo))
            fprintf(out, " >=%.15g", lo);
        if (claims_claim_high(c, &hi))
            fprintf(out, " <=%.15g", hi);
        if (claims_claim_unit(c)) {
            fputc(' ', out);
            put_field(out, claims_claim_unit(c));
        }
        fprintf(out, "\t[%zu,%zu)\t\"", start, end);
        sbuf b = {NULL, 0, 0};
        sb_escaped(&b, text, len, 1);
        if (b.p)
            fputs(b.p, out);
        free(b.p);
        fputc('"', out);
        if (claims_claim_speaker(c)) {
            fputs("\tspeaker: ", out);
            put_field(out, claims_claim_speaker(c));
        }
        fputc('\n', out);
    }
}

/* --------------------------------------------------------------- options */

enum { CMD_CHECK = 1, CMD_EXTRACT = 2, CMD_BATCH = 4, CMD_LEXICON = 8, CMD_ALL = 15 };

enum {
    OPT_FAIL_ON = 256,
    OPT_MIN_CONFIDENCE,
    OPT_COLOR,
    OPT_NO_CONFIG,
    OPT_LIST,
    OPT_FILES,
    OPT_CHECK,
    OPT_SECTION
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"output-dir", required_argument, NULL, 'd'},
    {"jobs", required_argument, NULL, 'j'},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
    {"lexicon", required_argument, NULL, 'l'},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"color", required_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"list", no_argument, NULL, OPT_LIST},
    {"files", no_argument, NULL, OPT_FILES},
    {"check", no_argument, NULL, OPT_CHECK},
    {"section", required_argument, NULL, OPT_SECTION},
    {NULL, 0, NULL, 0},
};

/* Which commands take each option. */
static int option_commands(int val)
{
    switch (val) {
    case 'f': return CMD_CHECK | CMD_EXTRACT | CMD_BATCH;
    case 'o': return CMD_CHECK | CMD_EXTRACT;
    case 'd': case 'j': return CMD_BATCH;
    case OPT_FAIL_ON: case OPT_MIN_CONFIDENCE: return CMD_CHECK | CMD_BATCH;
    case 'l': return CMD_CHECK | CMD_EXTRACT | CMD_BATCH;
    case OPT_COLOR: return CMD_CHECK;
    case OPT_LIST: case OPT_FILES: case OPT_CHECK: case OPT_SECTION: return CMD_LEXICON;
    default: return CMD_ALL;
    }
}

static const char *option_name(int val)
{
    for (const struct option *o = long_options; o->name; o++)
        if (o->val == val)
            return o->name;
    return "?";
}

typedef struct opts {
    int cmd;
    const char *cmd_name;
    claims_format format;
    int format_given;
    const char *output, *output_dir, *color, *section;
    int fail_on, min_conf, jobs, no_config, list, files, check;
    const char **lex;
    size_t nlex;
    char **inputs;
    size_t ninputs;
} opts;

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
    fputs("Try 'claims --help' or 'man claims'.\n", stderr);
    return EXIT_NO_REPORT;
}

/* Parses the options of a command (argv[0] is the command). Returns -1
 * when they are fine, else the exit code (0 after --help). */
static int parse_options(int argc, char **argv, opts *o)
{
    o->format = CLAIMS_FORMAT_TEXT;
    o->color = "auto";
    o->fail_on = CLAIMS_FAIL_ON_CONTRADICTION;
    o->lex = xmalloc((size_t)argc * sizeof *o->lex);
    opterr = 0;
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, ":f:o:d:j:l:qh", long_options, NULL)) != -1) {
        if (ch == '?') {
            if (optopt)
                return usage_error("unknown option '-%c' for %s", optopt, o->cmd_name);
            const char *arg = argv[optind - 1];
            if (strncmp(arg, "--", 2) == 0) {
                size_t n = strcspn(arg + 2, "=");
                sbuf which = {NULL, 0, 0};
                int matches = 0;
                for (const struct option *lo = long_options; n && lo->name; lo++) {
                    if (strncmp(lo->name, arg + 2, n) == 0) {
                        sb_printf(&which, "%s--%s", matches++ ? ", " : "", lo->name);
                    }
                }
                if (matches > 1) {
                    int rc = usage_error("ambiguous option '%.*s' (%s)", (int)n + 2, arg, which.p);
                    free(which.p);
                    return rc;
                }
                free(which.p);
            }
            return usage_error("unknown option '%s' for %s", arg, o->cmd_name);
        }
        if (ch == ':')
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        if (!(option_commands(ch) & o->cmd))
            return usage_error("option '--%s' is not for %s", option_name(ch), o->cmd_name);
        switch (ch) {
        case 'h':
            fputs(usage_text, stdout);
            return EXIT_OK;
        case 'f':
            if (claims_format_from_name(optarg, &o->format) != CLAIMS_OK)
                return usage_error("unknown format '%s' for --format (text, json, markdown, "
                                   "html, tap, junit)", optarg);
            if (o->cmd == CMD_EXTRACT && o->format != CLAIMS_FORMAT_TEXT &&
                o->format != CLAIMS_FORMAT_JSON)
                return usage_error("extract writes text or json, not '%s'", optarg);
            o->format_given = 1;
            break;
        case 'o':
            o->output = optarg;
            break;
        case 'd':
            o->output_dir = optarg;
            break;
        case 'j': {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || n < 1 || n > 1024)
                return usage_error("--jobs takes a number from 1 to 1024, not '%s'", optarg);
            o->jobs = (int)n;
            break;
        }
        case OPT_FAIL_ON:
            if (strcmp(optarg, "contradiction") == 0)
                o->fail_on = CLAIMS_FAIL_ON_CONTRADICTION;
            else if (strcmp(optarg, "variant") == 0)
                o->fail_on = CLAIMS_FAIL_ON_VARIANT;
            else if (strcmp(optarg, "none") == 0)
                o->fail_on = CLAIMS_FAIL_ON_NONE;
            else
                return usage_error("--fail-on takes contradiction, variant or none, not '%s'",
                                   optarg);
            break;
        case OPT_MIN_CONFIDENCE:
            if (strcmp(optarg, "low") == 0)
                o->min_conf = 0;
            else if (strcmp(optarg, "high") == 0)
                o->min_conf = 50;
            else
                return usage_error("--min-confidence takes low or high, not '%s'", optarg);
            break;
        case 'l':
            o->lex[o->nlex++] = optarg;
            break;
        case OPT_NO_CONFIG:
            o->no_config = 1;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return usage_error("--color takes auto, always or never, not '%s'", optarg);
            o->color = optarg;
            break;
        case 'q':
            quiet = 1;
            break;
        case OPT_LIST:
            o->list = 1;
            break;
        case OPT_FILES:
            o->files = 1;
            break;
        case OPT_CHECK:
            o->check = 1;
            break;
        case OPT_SECTION:
            o->section = optarg;
            break;
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->inputs = argv + optind;
    o->ninputs = (size_t)(argc - optind);
    return -1;
}

/* The lexicons of a run: configured ones (unless --no-config), then every
 * --lexicon; read once. Returns -1 on an error. */
static int gather_lexicons(const opts *o, lexicons *l)
{
    if (!o->no_config && lex_configured(l) != 0)
        return -1;
    for (size_t i = 0; i < o->nlex; i++)
        lex_add(l, o->lex[i], strlen(o->lex[i]), "--lexicon");
    return lex_read(l);
}

/* The exit code of a written report. */
static int report_code(const claims_story *s, const cli *c, int count_failures)
{
    int rc = EXIT_OK;
    if (count_failures && claims_story_failure_count(s))
        rc |= EXIT_FINDINGS;
    if (c->input_errors || claims_story_rejected_count(s))
        rc |= EXIT_REJECTED;
    return rc;
}

static void free_source(void *p)
{
    free(p);
}

/* claims check / claims extract. */
static int run_check(const opts *o)
{
    int extract = o->cmd == CMD_EXTRACT;
    if (o->ninputs == 0)
        return usage_error("no input given (a file, a folder, or - for standard input)");
    lexicons lx = {NULL, 0, 0, NULL};
    int rc = EXIT_NO_REPORT;
    cli c;
    memset(&c, 0, sizeof c);
    if (gather_lexicons(o, &lx) != 0)
        goto done;
    if (claims_story_new(NULL, &c.story) != CLAIMS_OK) {
        say("out of memory");
        goto done;
    }
    if (lex_apply(&lx, c.story) != 0)
        goto done;
    for (size_t i = 0; i < o->ninputs; i++)
        add_path(&c, o->inputs[i]);
    if (claims_story_article_count(c.story) == 0)
        say("no article was read");
    claims_error err;
    if (claims_story_check(c.story, &err) != CLAIMS_OK) {
        report_error("check", &err);
        goto done;
    }
    FILE *out = stdout;
    if (o->output && !(out = fopen(o->output, "wb"))) {
        say("cannot write %s: %s", o->output, strerror(errno));
        goto done;
    }
    int use_color = strcmp(o->color, "always") == 0 ||
                    (strcmp(o->color, "auto") == 0 && !o->output && isatty(STDOUT_FILENO) &&
                     !getenv("NO_COLOR"));
    claims_story_set_option(c.story, CLAIMS_OPT_FAIL_ON, o->fail_on);
    claims_story_set_option(c.story, CLAIMS_OPT_MIN_CONFIDENCE, o->min_conf);
    claims_story_set_option(c.story, CLAIMS_OPT_COLOR, use_color);
    claims_status st = CLAIMS_OK;
    if (extract && o->format != CLAIMS_FORMAT_JSON)
        print_claims_text(c.story, out);
    else
        st = claims_story_write_report_file(c.story, o->format, out, &err);
    int write_failed = st != CLAIMS_OK || fflush(out) != 0 || ferror(out);
    if (o->output && fclose(out) != 0)
        write_failed = 1;
    if (write_failed) {
        say("cannot write the report: %s", st != CLAIMS_OK ? err.message : strerror(errno));
        rc = EXIT_NO_REPORT;
    } else {
        rc = report_code(c.story, &c, !extract);
    }
done:
    claims_story_free(c.story);
    strmap_free(&c.sources, free_source);
    lex_free(&lx);
    return rc;
}

/* claims lexicon --list | --files | --check FILE... */
static int run_lexicon(const opts *o)
{
    if (o->list + o->files + o->check != 1)
        return usage_error("lexicon takes one of --list, --files, --check");
    if (o->section && !o->list)
        return usage_error("--section goes with --list");
    if (!o->check && o->ninputs)
        return usage_error("unexpected argument '%s'", o->inputs[0]);
    if (o->list)
        return lexicon_list(o->section);
    lexicons lx = {NULL, 0, 0, NULL};
    int rc = EXIT_OK;
    if (o->files) {
        if (!o->no_config && lex_configured(&lx) != 0)
            rc = EXIT_NO_REPORT;
        const char *env = getenv("CLAIMS_LEXICON");
        if (o->no_config)
            printf("# --no-config: CLAIMS_LEXICON and the config file are ignored\n");
        else if (env)
            printf("# from CLAIMS_LEXICON (the config file %s is not read)\n",
                   lx.config ? lx.config : "-");
        else if (!lx.config)
            printf("# no config file: neither XDG_CONFIG_HOME nor HOME is set\n");
        else
            printf("# from the config file %s%s\n", lx.config,
                   access(lx.config, F_OK) == 0 ? "" : " (there is none)");
        for (size_t i = 0; i < lx.n; i++) {
            sbuf b = {NULL, 0, 0};
            sb_escaped(&b, lx.files[i].path, strlen(lx.files[i].path), 1);
            printf("%s\n", b.p);
            free(b.p);
        }
        lex_free(&lx);
        return rc;
    }
    /* --check: the given files, or the configured ones when none is given;
     * every file is checked, each on its own */
    if (o->ninputs == 0 && !o->no_config && lex_configured(&lx) != 0)
        rc = EXIT_NO_REPORT;
    for (size_t i = 0; i < o->ninputs; i++)
        lex_add(&lx, o->inputs[i], strlen(o->inputs[i]), "--lexicon");
    if (lx.n == 0 && rc == EXIT_OK)
        note("no lexicon file given or configured");
    for (size_t i = 0; i < lx.n; i++) {
        lexicons one = lx;
        one.files = &lx.files[i];
        one.n = 1;
        claims_story *s = NULL;
        if (lex_read(&one) != 0 || claims_story_new(NULL, &s) != CLAIMS_OK ||
            lex_apply(&one, s) != 0)
            rc = EXIT_NO_REPORT;
        else
            note("lexicon %s: fine", lx.files[i].path);
        claims_story_free(s);
    }
    lex_free(&lx);
    return rc;
}

/* ----------------------------------------------------------------- batch */

/* One line of a stories JSON Lines file. */
typedef struct jline {
    json_t *obj;
    size_t line;
    long long offset;
} jline;

typedef struct job {
    char *name;   /* the story: its folder's name or its "story" value */
    char *dir;    /* a story folder, or NULL */
    jline *lines; /* its JSON lines, or NULL */
    size_t nlines, cap;
    /* results */
    char *report; /* file name in the output folder */
    size_t articles, rejected, claims, failing, findings[4];
    int rc;
} job;

typedef struct batch {
    const opts *o;
    const lexicons *lx;
    const char *input; /* the JSON Lines file's path, for fallback ids */
    char *stem;
    job *jobs;
    size_t njobs, cap;
    size_t next, done, failing;
    int progress;
    double last_progress;
    pthread_mutex_t lock;
} batch;

static const char *format_ext(claims_format f)
{
    switch (f) {
    case CLAIMS_FORMAT_JSON: return "json";
    case CLAIMS_FORMAT_MARKDOWN: return "md";
    case CLAIMS_FORMAT_HTML: return "html";
    case CLAIMS_FORMAT_TAP: return "tap";
    case CLAIMS_FORMAT_JUNIT: return "xml";
    default: return "txt";
    }
}

/* A report's file name from a story name: letters, digits, ".", "-", "_"
 * and non-ASCII UTF-8 kept, every other byte (and a leading "." or "_")
 * as %XX, so that distinct stories never share a file and none is hidden
 * or collides with _summary.json. */
static char *report_name(const char *story, claims_format f)
{
    sbuf b = {NULL, 0, 0};
    const unsigned char *u = (const unsigned char *)story;
    size_t n = strlen(story);
    for (size_t i = 0; i < n && b.n < 200;) {
        uint32_t cp;
        size_t len = utf8_seq(u + i, n - i, &cp);
        int keep = len > 1 ? !unsafe_cp(cp)
                           : len == 1 && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                                          (cp >= '0' && cp <= '9') || cp == '-' ||
                                          ((cp == '.' || cp == '_') && i > 0));
        if (keep) {
            sb_add(&b, story + i, len);
            i += len;
        } else {
            sb_printf(&b, "%%%02X", u[i]);
            i++;
        }
    }
    if (!b.p)
        sb_str(&b, "%");
    sb_printf(&b, ".%s", format_ext(f));
    return b.p;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Checks one story and writes its report. Runs on a worker thread: the
 * story, its messages and its file are its own. */
static void run_job(batch *bt, job *j)
{
    const opts *o = bt->o;
    sbuf prefix = {NULL, 0, 0};
    sb_printf(&prefix, "%s: ", j->name);
    story_prefix = prefix.p;
    cli c;
    memset(&c, 0, sizeof c);
    j->rc = EXIT_NO_REPORT;
    if (claims_story_new(NULL, &c.story) != CLAIMS_OK) {
        say("out of memory");
        goto done;
    }
    if (lex_apply(bt->lx, c.story) != 0)
        goto done;
    if (j->dir) {
        add_path(&c, j->dir);
    } else {
        for (size_t i = 0; i < j->nlines; i++) {
            sbuf fallback = {NULL, 0, 0}, source = {NULL, 0, 0};
            sb_printf(&fallback, "%s:%zu", bt->stem, j->lines[i].line);
            sb_printf(&source, "%s:%zu", bt->input, j->lines[i].line);
            add_json_object(&c, j->lines[i].obj, fallback.p, source.p, j->lines[i].offset);
            free(fallback.p);
            free(source.p);
        }
    }
    claims_error err;
    if (claims_story_check(c.story, &err) != CLAIMS_OK) {
        report_error("check", &err);
        goto done;
    }
    claims_story_set_option(c.story, CLAIMS_OPT_FAIL_ON, o->fail_on);
    claims_story_set_option(c.story, CLAIMS_OPT_MIN_CONFIDENCE, o->min_conf);
    char *path = join_path(o->output_dir, j->report);
    FILE *out = fopen(path, "wb");
    claims_status st = CLAIMS_ERR_IO;
    int saved = errno;
    if (out) {
        st = claims_story_write_report_file(c.story, o->format, out, &err);
        saved = errno;
        if (fclose(out) != 0 && st == CLAIMS_OK) {
            st = CLAIMS_ERR_IO;
            saved = errno;
        }
    }
    if (st != CLAIMS_OK) {
        say("cannot write %s: %s", path, out && st != CLAIMS_ERR_IO ? err.message
                                                                      : strerror(saved));
    } else {
        j->rc = report_code(c.story, &c, 1);
        j->articles = claims_story_article_count(c.story);
        j->rejected = claims_story_rejected_count(c.story);
        j->claims = claims_story_claim_count(c.story);
        j->failing = claims_story_failure_count(c.story);
        for (size_t i = 0; i < claims_story_finding_count(c.story); i++) {
            const claims_finding *f = claims_story_finding(c.story, i);
            /* as the reports count: at or above --min-confidence */
            if (claims_finding_confidence(f) * 100.0 + 1e-9 >= (double)o->min_conf) {
                unsigned t = (unsigned)claims_finding_type_of(f);
                if (t < 4)
                    j->findings[t]++;
            }
        }
    }
    free(path);
done:
    claims_story_free(c.story);
    strmap_free(&c.sources, free_source);
    story_prefix = "";
    free(prefix.p);
    pthread_mutex_lock(&bt->lock);
    bt->done++;
    if (j->rc & EXIT_FINDINGS)
        bt->failing++;
    if (bt->progress) {
        double t = now_seconds();
        if (bt->done == bt->njobs || t - bt->last_progress > 0.1) {
            fprintf(stderr, "\rclaims batch: %zu/%zu stories, %zu failing", bt->done,
                    bt->njobs, bt->failing);
            fflush(stderr);
            bt->last_progress = t;
        }
    }
    pthread_mutex_unlock(&bt->lock);
}

static void *worker(void *arg)
{
    batch *bt = arg;
    for (;;) {
        pthread_mutex_lock(&bt->lock);
        size_t i = bt->next < bt->njobs ? bt->next++ : SIZE_MAX;
        pthread_mutex_unlock(&bt->lock);
        if (i == SIZE_MAX)
            return NULL;
        run_job(bt, &bt->jobs[i]);
    }
}

static job *new_job(batch *bt, const char *name)
{
    if (bt->njobs == bt->cap) {
        bt->cap = bt->cap ? bt->cap * 2 : 64;
        bt->jobs = xrealloc(bt->jobs, bt->cap * sizeof *bt->jobs);
    }
    job *j = &bt->jobs[bt->njobs++];
    memset(j, 0, sizeof *j);
    j->name = xstrdup(name);
    return j;
}

/* Stories as the folders of a directory, in name order. */
static int plan_folders(batch *bt, const char *path)
{
    size_t n = 0;
    char **names = list_dir(path, &n);
    if (!names) {
        say("cannot read the folder %s: %s", path, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char *full = join_path(path, names[i]);
        struct stat st;
        if (names[i][0] == '.')
            note("skipped %s: a hidden file or folder", full);
        else if (stat(full, &st) != 0 || !S_ISDIR(st.st_mode))
            note("skipped %s: not a story folder", full);
        else
            new_job(bt, names[i])->dir = xstrdup(full);
        free(full);
    }
    free_names(names, n);
    return 0;
}

/* Stories from JSON Lines with a "story" field, in order of first
 * appearance. Lines that belong to no story are named on stderr and
 * counted in *unassigned. */
static int plan_jsonl(batch *bt, const char *path, size_t *unassigned)
{
    buffer b = {NULL, 0};
    int from_stdin = strcmp(path, "-") == 0;
    if ((from_stdin ? read_stream(stdin, &b) : read_file(path, &b)) != 0) {
        say("cannot read %s: %s", from_stdin ? "standard input" : path, strerror(errno));
        return -1;
    }
    strmap index = {NULL, NULL, 0, 0};
    size_t pos = bom_len(&b), line = 0;
    while (pos < b.len) {
        size_t eol = pos;
        while (eol < b.len && b.data[eol] != '\n')
            eol++;
        line++;
        size_t start = pos;
        pos = eol + 1;
        size_t k = start;
        while (k < eol && (b.data[k] == ' ' || b.data[k] == '\t' || b.data[k] == '\r'))
            k++;
        if (k == eol)
            continue;
        json_error_t jerr;
        json_t *obj = json_loadb(b.data + start, eol - start, JSON_ALLOW_NUL, &jerr);
        json_t *js = obj ? json_object_get(obj, "story") : NULL;
        char num[64];
        const char *story = NULL;
        if (json_is_string(js) && strlen(json_string_value(js)) == json_string_length(js) &&
            json_string_length(js) > 0)
            story = json_string_value(js);
        else if (json_is_integer(js))
            snprintf(num, sizeof num, "%lld", (long long)json_integer_value(js)), story = num;
        if (!story) {
            say("%s:%zu: %s", bt->input, line,
                !obj                  ? jerr.text
                : !json_is_object(obj) ? "not a JSON object"
                : !js                 ? "no \"story\" field"
                                      : "\"story\" must be a non-empty string or an integer");
            (*unassigned)++;
            json_decref(obj);
            continue;
        }
        void **slot = strmap_find(&index, story);
        job *j;
        if (slot) {
            j = &bt->jobs[(size_t)(uintptr_t)*slot];
        } else {
            strmap_put_new(&index, story, (void *)(uintptr_t)bt->njobs);
            j = new_job(bt, story);
        }
        if (j->nlines == j->cap) {
            j->cap = j->cap ? j->cap * 2 : 8;
            j->lines = xrealloc(j->lines, j->cap * sizeof *j->lines);
        }
        j->lines[j->nlines].obj = obj;
        j->lines[j->nlines].line = line;
        j->lines[j->nlines].offset = (long long)start;
        j->nlines++;
    }
    strmap_free(&index, NULL);
    free(b.data);
    return 0;
}

static json_t *findings_json(const size_t f[4])
{
    json_t *o = json_object();
    for (int t = 0; t < 4; t++)
        json_object_set_new(o, claims_finding_type_name((claims_finding_type)t),
                            json_integer((json_int_t)f[t]));
    return o;
}

/* The summary: _summary.json in the output folder and a few lines on
 * stdout. Returns -1 when it cannot be written. */
static int write_summary(const batch *bt, size_t unassigned, int rc)
{
    size_t articles = 0, rejected = 0, claims = 0, findings[4] = {0, 0, 0, 0};
    json_t *failing = json_array(), *with_rejected = json_array(), *failed = json_array();
    json_t *stories = json_array();
    for (size_t i = 0; i < bt->njobs; i++) {
        const job *j = &bt->jobs[i];
        articles += j->articles;
        rejected += j->rejected;
        claims += j->claims;
        for (int t = 0; t < 4; t++)
            findings[t] += j->findings[t];
        if (j->rc == EXIT_NO_REPORT)
            json_array_append_new(failed, json_string(j->name));
        if (j->rc != EXIT_NO_REPORT && (j->rc & EXIT_FINDINGS))
            json_array_append_new(failing, json_string(j->name));
        if (j->rc != EXIT_NO_REPORT && (j->rc & EXIT_REJECTED))
            json_array_append_new(with_rejected, json_string(j->name));
        json_t *s = json_object();
        json_object_set_new(s, "story", json_string(j->name));
        json_object_set_new(s, "report",
                            j->rc == EXIT_NO_REPORT ? json_null() : json_string(j->report));
        json_object_set_new(s, "articles", json_integer((json_int_t)j->articles));
        json_object_set_new(s, "rejected", json_integer((json_int_t)j->rejected));
        json_object_set_new(s, "claims", json_integer((json_int_t)j->claims));
        json_object_set_new(s, "findings", findings_json(j->findings));
        json_object_set_new(s, "failing", json_integer((json_int_t)j->failing));
        json_object_set_new(s, "exit", json_integer(j->rc));
        json_array_append_new(stories, s);
    }
    json_t *sum = json_object();
    json_object_set_new(sum, "schema", json_string("claims-batch/1"));
    json_object_set_new(sum, "format", json_string(format_ext(bt->o->format)));
    json_object_set_new(sum, "stories", json_integer((json_int_t)bt->njobs));
    json_object_set_new(sum, "articles", json_integer((json_int_t)articles));
    json_object_set_new(sum, "rejected", json_integer((json_int_t)rejected));
    json_object_set_new(sum, "unassigned_lines", json_integer((json_int_t)unassigned));
    json_object_set_new(sum, "claims", json_integer((json_int_t)claims));
    json_object_set_new(sum, "findings", findings_json(findings));
    json_object_set_new(sum, "failing_stories", failing);
    json_object_set_new(sum, "stories_with_rejected_inputs", with_rejected);
    json_object_set_new(sum, "stories_without_report", failed);
    json_object_set_new(sum, "exit", json_integer(rc));
    json_object_set_new(sum, "reports", stories);
    char *path = join_path(bt->o->output_dir, "_summary.json");
    char *text = json_dumps(sum, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    FILE *fp = fopen(path, "wb");
    int ok = text && fp && fputs(text, fp) >= 0 && fputc('\n', fp) != EOF;
    if (fp && fclose(fp) != 0)
        ok = 0;
    if (!ok)
        say("cannot write %s: %s", path, strerror(errno));
    free(text);

    printf("claims batch: %zu stories, %zu articles, %zu rejected inputs, %zu claims\n",
           bt->njobs, articles, rejected, claims);
    printf("findings: %zu agreement, %zu contradiction, %zu variant, %zu compatible\n",
           findings[0], findings[1], findings[2], findings[3]);
    size_t nf = json_array_size(failing);
    printf("failing stories: %zu", nf);
    for (size_t i = 0; i < nf && i < 20; i++) {
        sbuf b = {NULL, 0, 0};
        const char *name = json_string_value(json_array_get(failing, i));
        sb_escaped(&b, name, strlen(name), 1);
        printf("%s%s", i ? ", " : " (", b.p);
        free(b.p);
    }
    printf("%s\n", nf > 20 ? ", ...)" : nf ? ")" : "");
    if (json_array_size(with_rejected))
        printf("stories with rejected inputs: %zu\n", json_array_size(with_rejected));
    if (json_array_size(failed))
        printf("stories without a report: %zu\n", json_array_size(failed));
    if (unassigned)
        printf("lines in no story: %zu\n", unassigned);
    sbuf b = {NULL, 0, 0};
    sb_escaped(&b, path, strlen(path), 1);
    printf("summary: %s\n", b.p);
    free(b.p);
    free(path);
    json_decref(sum);
    return ok ? 0 : -1;
}

static int online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

/* claims batch. */
static int run_batch(const opts *o)
{
    if (!o->output_dir)
        return usage_error("batch needs --output-dir DIR");
    if (o->ninputs != 1)
        return usage_error("batch takes one input: a folder of story folders, or a JSON "
                           "Lines file with a \"story\" field");
    const char *input = o->inputs[0];
    lexicons lx = {NULL, 0, 0, NULL};
    batch bt;
    memset(&bt, 0, sizeof bt);
    bt.o = o;
    bt.lx = &lx;
    bt.input = strcmp(input, "-") == 0 ? "stdin" : input;
    int rc = EXIT_NO_REPORT;
    size_t unassigned = 0;
    claims_story *probe = NULL;
    if (gather_lexicons(o, &lx) != 0)
        goto done;
    /* a bad lexicon is one error before any work, not one per story */
    if (claims_story_new(NULL, &probe) != CLAIMS_OK || lex_apply(&lx, probe) != 0)
        goto done;
    struct stat st;
    int is_dir = strcmp(input, "-") != 0 && stat(input, &st) == 0 && S_ISDIR(st.st_mode);
    if (!is_dir && strcmp(input, "-") != 0 && !(is_jsonl_path(input) || has_ext(input, ".json"))) {
        if (stat(input, &st) != 0)
            say("cannot read %s: %s", input, strerror(errno));
        else
            usage_error("batch reads a folder of story folders or a .jsonl/.ndjson/.json file, "
                        "not %s", input);
        goto done;
    }
    bt.stem = is_dir || strcmp(input, "-") == 0 ? xstrdup("stdin") : file_id(input);
    if ((is_dir ? plan_folders(&bt, input) : plan_jsonl(&bt, input, &unassigned)) != 0)
        goto done;
    if (bt.njobs == 0) {
        say("nothing read: no %s in %s", is_dir ? "story folder" : "line with a \"story\"",
            bt.input);
        goto done;
    }
    if (mkdir(o->output_dir, 0777) != 0 && errno != EEXIST) {
        say("cannot create %s: %s", o->output_dir, strerror(errno));
        goto done;
    }
    if (stat(o->output_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        say("%s is not a folder", o->output_dir);
        goto done;
    }
    /* report file names, unique even when two long names share the bytes
     * the name is cut to ("%g" never comes out of the %XX encoding) */
    strmap used = {NULL, NULL, 0, 0};
    for (size_t i = 0; i < bt.njobs; i++) {
        char *name = report_name(bt.jobs[i].name, o->format);
        for (unsigned k = 2; strmap_find(&used, name); k++) {
            free(name);
            char *base = report_name(bt.jobs[i].name, o->format);
            char *dot = strrchr(base, '.');
            sbuf b = {NULL, 0, 0};
            sb_add(&b, base, (size_t)(dot - base));
            sb_printf(&b, "%%g%u%s", k, dot);
            free(base);
            name = b.p;
        }
        strmap_put_new(&used, name, NULL);
        bt.jobs[i].report = name;
    }
    strmap_free(&used, NULL);
    json_object_seed(0); /* before any thread makes a JSON object */
    size_t nthreads = (size_t)(o->jobs ? o->jobs : online_cores());
    if (nthreads > bt.njobs)
        nthreads = bt.njobs;
    bt.progress = !quiet && isatty(STDERR_FILENO);
    pthread_mutex_init(&bt.lock, NULL);
    pthread_t *threads = xmalloc(nthreads * sizeof *threads);
    size_t started = 0;
    for (; started < nthreads; started++)
        if (pthread_create(&threads[started], NULL, worker, &bt) != 0)
            break;
    if (started == 0)
        worker(&bt); /* no thread could start: do the work here */
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    pthread_mutex_destroy(&bt.lock);
    if (bt.progress)
        fputc('\n', stderr);
    rc = unassigned ? EXIT_REJECTED : EXIT_OK;
    for (size_t i = 0; i < bt.njobs; i++)
        rc |= bt.jobs[i].rc;
    if (rc & EXIT_NO_REPORT)
        rc = EXIT_NO_REPORT;
    if (write_summary(&bt, unassigned, rc) != 0)
        rc = EXIT_NO_REPORT;
done:
    for (size_t i = 0; i < bt.njobs; i++) {
        job *j = &bt.jobs[i];
        for (size_t k = 0; k < j->nlines; k++)
            json_decref(j->lines[k].obj);
        free(j->lines);
        free(j->name);
        free(j->dir);
        free(j->report);
    }
    free(bt.jobs);
    free(bt.stem);
    claims_story_free(probe);
    lex_free(&lx);
    return rc;
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("no command given (check, extract, batch or lexicon)");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("claims %s\n", claims_version_string());
        return EXIT_OK;
    }
    opts o;
    memset(&o, 0, sizeof o);
    o.cmd_name = cmd;
    if (strcmp(cmd, "check") == 0)
        o.cmd = CMD_CHECK;
    else if (strcmp(cmd, "extract") == 0)
        o.cmd = CMD_EXTRACT;
    else if (strcmp(cmd, "batch") == 0)
        o.cmd = CMD_BATCH;
    else if (strcmp(cmd, "lexicon") == 0)
        o.cmd = CMD_LEXICON;
    else if (cmd[0] == '-')
        return usage_error("unknown option '%s' (a command comes first: check, extract, "
                           "batch or lexicon)", cmd);
    else
        return usage_error("unknown command '%s' (check, extract, batch or lexicon)", cmd);
    int rc = parse_options(argc - 1, argv + 1, &o);
    if (rc < 0) {
        if (o.cmd == CMD_LEXICON)
            rc = run_lexicon(&o);
        else if (o.cmd == CMD_BATCH)
            rc = run_batch(&o);
        else
            rc = run_check(&o);
    }
    free(o.lex);
    return rc;
}
