/* claims - the command-line tool: inputs, `check`, `extract`, options and
 * main (see cli.h for the other files). Uses only the public API
 * (claims.h), jansson for JSON input and the batch summary, and POSIX
 * threads for `claims batch`. The manual is doc/claims.1. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
    "  -j, --jobs N            batch: parallel workers (default: as nproc says)\n"
    "      --fail-on WHAT      contradiction (default), variant, none: exit 1 when\n"
    "                          a finding of that type (or worse) is reported\n"
    "      --min-confidence L  which findings may fail: high (default: only strong\n"
    "                          ones), low (any), or a percent 0-100\n"
    "      --show-confidence L what the report shows: low (default: everything)\n"
    "                          or high (leave out findings below 0.5)\n"
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

/* ---------------------------------------------------------------- input */

int read_stream(FILE *fp, buffer *out)
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

/* read_stream, then fclose, keeping read_stream's errno. */
static int read_and_close(FILE *fp, buffer *out)
{
    int rc = read_stream(fp, out);
    int saved = errno;
    fclose(fp);
    errno = saved;
    return rc;
}

int read_file(const char *path, buffer *out)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    return read_and_close(fp, out);
}

int map_file(const char *path, buffer *out, int *mapped)
{
    *mapped = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    /* An empty file cannot be mapped; a pipe or a device is read. */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size <= SIZE_MAX) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            close(fd); /* the mapping stays */
            out->data = p;
            out->len = (size_t)st.st_size;
            *mapped = 1;
            return 0;
        }
    }
    FILE *fp = fdopen(fd, "rb");
    if (!fp) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return read_and_close(fp, out);
}

/* The id of a file: its base name without the last extension. */
char *file_id(const char *path)
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
int has_ext(const char *path, const char *ext)
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

int is_jsonl_path(const char *path)
{
    return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

static int is_text_path(const char *path)
{
    return has_ext(path, ".txt") || has_ext(path, ".text");
}

/* Reads one file as an article source: JSON by its extension, else text.
 * Every file is mapped, not read (a pipe or a device is read): no copy of
 * its bytes, and a third fewer page faults on 20 MB of JSON Lines. A text
 * file is lent to the story, its bytes held once; JSON's texts are copied
 * (unescaped) into the story before the mapping goes. */
static void add_file(cli *c, const char *path, const char *id)
{
    buffer b = {NULL, 0};
    int mapped = 0;
    if (map_file(path, &b, &mapped) != 0) {
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
        add_text(c, id, &b, mapped);
        settle(c, m, id, strlen(id), path);
    }
    buffer_release(&b, mapped);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in a directory (no "." or ".."); NULL when it cannot be
 * read (errno set). */
char **list_dir(const char *path, size_t *count)
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

void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

char *join_path(const char *dir, const char *name)
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
        add_text(c, "stdin", &b, 0);
        settle(c, m, "stdin", 5, "standard input");
    }
    buffer_release(&b, 0);
}

/* One input as given on the command line. An input that yields neither an
 * article nor a rejection ("nothing read") is itself rejected. */
void add_path(cli *c, const char *path)
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

/* --------------------------------------------------------------- extract */

/* The listing is built in one buffer handed to stdio every 64 KB: one
 * call per 64 KB instead of an fprintf, fputs or malloc per field. */
enum { EXTRACT_FLUSH_AT = 64 * 1024 };

/* A claim's line is written at a cursor into that buffer, with room made
 * once for the whole line (line_room): each piece is then a store or a
 * copy, without sb_add's test of the room and the NUL it puts after every
 * piece (a line has about twenty pieces). LINE_FIXED bounds the line's
 * bytes beyond its strings' own: separators, a kind's name, two offsets,
 * three numbers ("%.15g" prints 24 bytes at most) after " >=" and " <=".
 * LINE_SLACK: the stores and loads that copy a string or look at it, 16
 * bytes at a time, may reach that far past it. */
enum { LINE_FIXED = 192, LINE_SLACK = 32, KIND_NAME_MAX = 16 };

/* A step of a claim's line inlined where it is taken: the tests of the
 * length of a field's string are then told apart by field (a unit is
 * short, a key about 16 bytes, a claim's text longer). */
#if defined(__GNUC__)
#define PUT_INLINE inline __attribute__((always_inline))
#else
#define PUT_INLINE inline
#endif

/* The cursor d, where b's line has come to, with room for `need` more
 * bytes after it (the line's bound, LINE_SLACK included). */
static char *line_room(sbuf *b, char *d, size_t need)
{
    b->n = (size_t)(d - b->p);
    if (b->n + need + 1 > b->cap)
        sb_grow(b, need);
    return b->p + b->n;
}

/* s[0..n) at d, which has room for it (cli_put_bytes, always inlined
 * into the listing's writer). */
static PUT_INLINE char *put_bytes(char *d, const char *s, size_t n)
{
    return cli_put_bytes(d, s, n);
}

/* s[0..n) at the cursor d, escaped as sb_escaped(b, s, n, 1) escapes it:
 * the cursor after it. d has room for n + LINE_SLACK bytes. A string of up
 * to 32 bytes is copied first and looked at where it went, one test of its
 * length for both; a longer one is looked at and copied 32 bytes a turn,
 * in one pass (its last 32 bytes, overlapping, end it). A string with a
 * byte to escape is left to sb_escaped_from, after which room is made
 * again for `need` bytes (the line's bound: what is left of it is less). */
static PUT_INLINE char *put_escaped(sbuf *b, char *d, const char *s, size_t n, size_t need)
{
#if defined(__SSE2__)
    const unsigned char *u = (const unsigned char *)s;
    unsigned char *o = (unsigned char *)d;
    unsigned m;
    if (n <= 32) {
        if (n > 16) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)s);
            __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            _mm_storeu_si128((__m128i *)(void *)o, v0);
            _mm_storeu_si128((__m128i *)(void *)(o + n - 16), v1);
            m = special16(o) | special16(o + n - 16);
        } else {
            put_bytes(d, s, n);
            m = special16(o) & ((1u << n) - 1); /* the bytes after them: not theirs */
        }
    } else {
        size_t k = 0;
        for (m = 0; n - k > 32 && !m; k += 32) {
            m = special16(u + k) | special16(u + k + 16);
            _mm_storeu_si128((__m128i *)(void *)(o + k),
                             _mm_loadu_si128((const __m128i *)(const void *)(u + k)));
            _mm_storeu_si128((__m128i *)(void *)(o + k + 16),
                             _mm_loadu_si128((const __m128i *)(const void *)(u + k + 16)));
        }
        if (!m) {
            k = n - 32;
            m = special16(u + k) | special16(u + k + 16);
            _mm_storeu_si128((__m128i *)(void *)(o + k),
                             _mm_loadu_si128((const __m128i *)(const void *)(u + k)));
            _mm_storeu_si128((__m128i *)(void *)(o + k + 16),
                             _mm_loadu_si128((const __m128i *)(const void *)(u + k + 16)));
        }
    }
    if (!m)
        return d + n;
    b->n = (size_t)(d - b->p);
    sb_escaped_from(b, s, n, 1, 0);
#else
    b->n = (size_t)(d - b->p);
    sb_escaped(b, s, n, 1);
#endif
    return line_room(b, b->p + b->n, need);
}

/* A claim's text s[0..n), escaped as put_escaped escapes it; `wide` says
 * that 32 bytes from s lie in its string (the article's text). A text of
 * up to 32 bytes is then copied and looked at 32 bytes whole, without the
 * tests of its length that put_escaped and put_bytes make (a claim's text
 * runs from 3 bytes to hundreds: those tests were mispredicted on about
 * one line in three). */
static PUT_INLINE char *put_text(sbuf *b, char *d, const char *s, size_t n, int wide, size_t need)
{
#if defined(__SSE2__)
    if (n <= 32 && wide) {
        _mm_storeu_si128((__m128i *)(void *)d, _mm_loadu_si128((const __m128i *)(const void *)s));
        _mm_storeu_si128((__m128i *)(void *)(d + 16),
                         _mm_loadu_si128((const __m128i *)(const void *)(s + 16)));
        const unsigned char *o = (const unsigned char *)d;
        /* the bytes after the text's n: not its own */
        uint64_t m =
            ((uint64_t)special16(o) | (uint64_t)special16(o + 16) << 16) & ((1ull << n) - 1);
        if (!m)
            return d + n;
    }
#endif
    (void)wide;
    return put_escaped(b, d, s, n, need);
}

/* The numbers below 1000 as written (no leading zeros), each in 4 bytes:
 * its 1 to 3 digits, then their count. A line's offsets and most values
 * are such numbers: one 4-byte copy and an add write one, where telling
 * their digits apart took two tests, a division and a remainder. DIG3_1
 * and DIG3_2 are the first and second digits written of 100a + 10b + c. */
#define DIG3_1(a, b, c) ((a) ? '0' + (a) : (b) ? '0' + (b) : '0' + (c))
#define DIG3_2(a, b, c) ((a) ? '0' + (b) : (b) ? '0' + (c) : 0)
#define DIG3(a, b, c)                                                                              \
    {                                                                                              \
        DIG3_1(a, b, c), DIG3_2(a, b, c), (a) ? '0' + (c) : 0, (a) ? 3 : (b) ? 2 : 1               \
    }
#define DIG3_10(a, b)                                                                              \
    DIG3(a, b, 0), DIG3(a, b, 1), DIG3(a, b, 2), DIG3(a, b, 3), DIG3(a, b, 4), DIG3(a, b, 5),      \
        DIG3(a, b, 6), DIG3(a, b, 7), DIG3(a, b, 8), DIG3(a, b, 9)
#define DIG3_100(a)                                                                                \
    DIG3_10(a, 0), DIG3_10(a, 1), DIG3_10(a, 2), DIG3_10(a, 3), DIG3_10(a, 4), DIG3_10(a, 5),      \
        DIG3_10(a, 6), DIG3_10(a, 7), DIG3_10(a, 8), DIG3_10(a, 9)
static const char digits3[1000][4] = {DIG3_100(0), DIG3_100(1), DIG3_100(2), DIG3_100(3),
                                      DIG3_100(4), DIG3_100(5), DIG3_100(6), DIG3_100(7),
                                      DIG3_100(8), DIG3_100(9)};
#undef DIG3_100
#undef DIG3_10
#undef DIG3
#undef DIG3_2
#undef DIG3_1

/* u's decimal digits at d (what "%llu" prints): the cursor after them. d
 * has room for 4 bytes at least (a line's slack). */
static PUT_INLINE char *put_uint(char *d, unsigned long long u)
{
    if (u < 1000) {
        memcpy(d, digits3[u], 4);
        return d + digits3[u][3];
    }
    if (u >= 10000) { /* written backwards, two digits a division */
        char tmp[20], *t = tmp + sizeof tmp;
        for (; u >= 100; u /= 100) {
            t -= 2;
            memcpy(t, sb_digit_pairs + u % 100 * 2, 2);
        }
        if (u >= 10) {
            t -= 2;
            memcpy(t, sb_digit_pairs + u * 2, 2);
        } else {
            *--t = (char)('0' + u);
        }
        return put_bytes(d, t, (size_t)(tmp + sizeof tmp - t));
    }
    unsigned v = (unsigned)u;
    memcpy(d, sb_digit_pairs + v / 100 * 2, 2);
    memcpy(d + 2, sb_digit_pairs + v % 100 * 2, 2);
    return d + 4;
}

/* The decimal digits of u at d, after a '-' when `neg`. */
static PUT_INLINE char *put_digits(char *d, unsigned long long u, int neg)
{
    *d = '-';
    return put_uint(d + (neg != 0), u);
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 g15_wide;

/* v as "%.15g" prints it, at d, for most v from 1e-4 to 1e14 (NULL for the
 * others): %.15g rounds v to a decimal D of 15 significant digits and
 * drops D's trailing zeros. v = 220.00000000000003 (220 in other units,
 * times a factor and back) prints "220". D is taken as dn / 10^q (dn of 15
 * digits, not a power of ten, whose first digit is v's), and kept only
 * when v is nearer to it than half a unit of its last digit (a tie is
 * printf's), tested exactly in 128 bits: v's first digit is then where
 * it was taken to be (else dn would have 14 or 16 digits, or be 10^14),
 * and D is what printf rounds v to. A printf costs some 3,000
 * instructions. */
static char *put_g15_rounded(char *d, double v)
{
    static const double p10[] = {1e-4, 1e-3, 1e-2, 1e-1, 1,    1e1,  1e2,  1e3,
                                 1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
    static const unsigned long long u10[] = {1ULL,
                                             10ULL,
                                             100ULL,
                                             1000ULL,
                                             10000ULL,
                                             100000ULL,
                                             1000000ULL,
                                             10000000ULL,
                                             100000000ULL,
                                             1000000000ULL,
                                             10000000000ULL,
                                             100000000000ULL,
                                             1000000000000ULL,
                                             10000000000000ULL,
                                             100000000000000ULL,
                                             1000000000000000ULL,
                                             10000000000000000ULL,
                                             100000000000000000ULL,
                                             1000000000000000000ULL};
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e14))
        return NULL;
    int x = -4; /* 10^x <= a < 10^(x+1), as doubles */
    while (a >= p10[x + 5])
        x++;
    int q = 14 - x; /* D's digits after the point: 1 to 18 */
    unsigned long long dn = (unsigned long long)(a * p10[q + 4] + 0.5);
    if (dn <= u10[14] || dn >= u10[15])
        return NULL;
    /* a = mant / 2^sh (sh from 6 to 66), and |a * 10^q - dn| < 1/2 */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    unsigned sh = 1075 - (unsigned)(bits >> 52);
    uint64_t mant = (bits & ((1ULL << 52) - 1)) | 1ULL << 52;
    g15_wide twice = (g15_wide)(mant * 2) * u10[q];
    if (twice <= (g15_wide)(2 * dn - 1) << sh || twice >= (g15_wide)(2 * dn + 1) << sh)
        return NULL;
    unsigned long long frac = dn % u10[q];
    d = put_digits(d, dn / u10[q], v < 0);
    if (!frac)
        return d;
    for (; frac % 10 == 0; frac /= 10)
        q--;
    d[0] = '.';
    for (int j = q; j >= 1; j--, frac /= 10)
        d[j] = (char)('0' + frac % 10);
    return d + q + 1;
}
#endif

/* put_g15 of a v that is not a whole number below 1e15. */
static char *put_g15_frac(char *d, double v)
{
    /* v = m / 10^k (k <= 6, |m| < 1e15) from 1e-4 on prints as that
     * decimal, when v is the double nearest it: %.15g rounds v to 15
     * digits, which is the decimal itself (v is within half an ulp of it,
     * far less than half a unit of the 15th digit), and drops trailing
     * zeros, as the smallest such k has none. */
    static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    if (fabs(v) >= 1e-4 && fabs(v) < 1e8) {
        for (int k = 1; k <= 6; k++) {
            double t = v * p10[k];
            long long m = (long long)(t < 0 ? t - 0.5 : t + 0.5);
            if ((double)m / p10[k] != v)
                continue;
            unsigned long long a = m < 0 ? 0ULL - (unsigned long long)m : (unsigned long long)m;
            unsigned long long den = (unsigned long long)p10[k], frac = a % den;
            d = put_digits(d, a / den, m < 0);
            d[0] = '.';
            for (int j = k; j >= 1; j--, frac /= 10)
                d[j] = (char)('0' + frac % 10);
            return d + k + 1;
        }
    }
#if defined(__SIZEOF_INT128__)
    char *e = put_g15_rounded(d, v);
    if (e)
        return e;
#endif
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%.15g", v);
    return put_bytes(d, tmp, n > 0 ? (size_t)n : 0);
}

/* v as "%.15g" prints it, at d (room for 24 bytes): the cursor after it.
 * Whole numbers below 1e15 print their digits under %.15g: skip printf
 * for them (-0 keeps its sign through printf). They are most values (98%
 * on news), written inline: the rest is a call. */
static PUT_INLINE char *put_g15(char *d, double v)
{
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v && !(v == 0 && signbit(v))) {
        long long n = (long long)v;
        return put_digits(d, n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n, n < 0);
    }
    return put_g15_frac(d, v);
}

/* A string of the story, remembered by its address: its length and, when
 * it has up to 32 bytes and none to escape (most keys, units and speakers),
 * a copy of them, written 32 bytes whole (put_shared) without the tests of
 * its length that put_escaped makes (keys run from a few bytes to 30, and
 * those tests were often mispredicted). */
typedef struct shared_str {
    const char *s;
    size_t n;
    int plain; /* bytes[0, n) hold s, which has no byte to escape */
    char bytes[32];
} shared_str;

/* The slots of the keys, and of the units and of the speakers, apart: one
 * field's strings never push out another's, whose slot the line reads
 * again when it writes it. The top bits of a product pick a slot. 512
 * slots for the keys (a slice of news: 1,909 keys), where 256 filled
 * some slots again and again. */
enum { KEY_MEMO_BITS = 9, FIELD_MEMO_BITS = 6 };

/* What the lines of one listing share: the kinds' names (each in
 * KIND_NAME_MAX bytes, copied whole; a longer one is not kept), the article id of the claim
 * before, escaped (an article's claims come together), and the keys,
 * units and speakers seen lately: the story's strings, which claims share
 * (a slice of news: 14,291 claims, 1,909 keys), stay where they are and as
 * they are while it is listed. */
typedef struct listing {
    char kind[CLAIMS_KIND_PARAPHRASE + 1][KIND_NAME_MAX];
    size_t kind_len[CLAIMS_KIND_PARAPHRASE + 1];
    size_t article; /* SIZE_MAX: none yet */
    /* that article has a title, and no claim in its text was listed yet */
    int titled;
    /* the story's copies of that article's text and title (by
       claims_within), once a claim in each gave it: a claim's text is the
       span [start, end) of one (claims.h), at base[within] + start,
       without a call for it */
    const char *base[2];
    /* the bytes of the article's text (a claim's text lies within them);
       0 for its title, which the claims of a title do not look past */
    size_t bytes[2];
    sbuf article_id;
    shared_str keys[1 << KEY_MEMO_BITS];
    shared_str units[1 << FIELD_MEMO_BITS], speakers[1 << FIELD_MEMO_BITS];
} listing;

/* Fills e for s. */
static void shared_fill(shared_str *e, const char *s)
{
    e->s = s;
    e->n = strlen(s);
    e->plain = 0;
    if (e->n <= sizeof e->bytes) {
        /* copied, then looked at in the copy, 32 bytes whole */
        memcpy(e->bytes, s, e->n);
        const unsigned char *u = (const unsigned char *)e->bytes;
        uint64_t m = (uint64_t)special16(u) | (uint64_t)special16(u + 16) << 16;
        e->plain = !(m & ((1ull << e->n) - 1));
    }
}

/* s, a string of the story, in memo (of 1 << bits slots). */
static inline const shared_str *shared(shared_str *memo, unsigned bits, const char *s)
{
    /* the strings lie side by side, a few bytes long: every bit of the
       address mixed into the slot's */
    shared_str *e = &memo[(uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ull >> (64 - bits)];
    if (e->s != s)
        shared_fill(e, s);
    return e;
}

/* s, escaped, at d, which has room for e->n + LINE_SLACK bytes. */
static PUT_INLINE char *put_shared(sbuf *b, char *d, const shared_str *e, const char *s,
                                   size_t need)
{
    if (e->plain) {
        memcpy(d, e->bytes, sizeof e->bytes);
        return d + e->n;
    }
    return put_escaped(b, d, s, e->n, need);
}

/* One claim's line: id, article, kind, key, value, span ([start,end) into
 * the text, title[start,end) into a title given apart), "text", speaker.
 * Every field from the input is escaped (tabs, newlines, controls). The
 * fields all lines have are read first, their lengths bound the line, and
 * room is made for it at once; a kind's own fields (an amount's value,
 * bounds and unit, a date's value, a speaker) are read where the kind is
 * told apart, once, and a string among them makes room for itself. */
static void put_claim_line(sbuf *b, const claims_story *s, listing *l, const claims_claim *c)
{
    size_t start, end;
    claims_claim_span(c, &start, &end);
    size_t len = end - start;
    const char *id = claims_claim_id(c);
    size_t ai = claims_claim_article(c);
    /* an article's claims in a title given apart come before those in its
       text (claims.h): claims_claim_within is asked only while they may */
    if (ai != l->article)
        l->titled = claims_story_article_title(s, ai) != NULL;
    int in_title = l->titled && claims_claim_within(c) == CLAIMS_WITHIN_TITLE;
    l->titled = in_title;
    if (ai != l->article) {
        const char *aid = claims_story_article_id(s, ai);
        l->article = ai;
        /* the article's first claim gives the base of the string it is
           in here, in the branch taken once an article anyway (below, the
           test of a base missing would be mispredicted once an article);
           the other string's base comes from its own first claim */
        l->base[!in_title] = NULL;
        l->base[in_title] = claims_claim_text(c, &len) - start;
        l->bytes[0] = claims_story_article_bytes(s, ai);
        l->article_id.n = 0;
        if (aid)
            sb_escaped(&l->article_id, aid, strlen(aid), 1);
        else
            sb_add(&l->article_id, "-", 1);
    }
    claims_kind kind = claims_claim_kind(c);
    const char *kind_name = NULL;
    size_t kind_len;
    if ((unsigned)kind <= CLAIMS_KIND_PARAPHRASE && l->kind_len[kind] < KIND_NAME_MAX) {
        kind_len = l->kind_len[kind];
    } else {
        kind_name = claims_kind_name(kind);
        kind_len = strlen(kind_name);
    }
    const char *key = claims_claim_key(c);
    const char *text = l->base[in_title];
    if (text) {
        text += start;
    } else {
        text = claims_claim_text(c, &len);
        l->base[in_title] = text - start;
    }
    /* a NULL key is written "-" */
    const shared_str *ks = key ? shared(l->keys, KEY_MEMO_BITS, key) : NULL;
    size_t idlen = strlen(id), keylen = ks ? ks->n : 1;
    size_t need = idlen + l->article_id.n + kind_len + keylen + len + LINE_FIXED + LINE_SLACK;
    char *d = line_room(b, b->p + b->n, need);
    d = put_bytes(d, id, idlen);
    *d++ = '\t';
    /* the listing's own copy, in 64 bytes at least (sb_grow): read and
       written 16 bytes whole, as the kind's name is, when it fits */
    if (l->article_id.n <= 16)
        memcpy(d, l->article_id.p, 16);
    else
        put_bytes(d, l->article_id.p, l->article_id.n);
    d += l->article_id.n;
    *d++ = '\t';
    if (!kind_name)
        memcpy(d, l->kind[kind], KIND_NAME_MAX);
    else
        put_bytes(d, kind_name, kind_len);
    d += kind_len;
    *d++ = '\t';
    if (ks) {
        d = put_shared(b, d, ks, key, need);
    } else {
        *d++ = '-';
    }
    *d++ = '\t';
    /* a value, bounds and a unit are an amount's (claims.h), a string
       value is asked of a date alone, a speaker of a quote or a
       paraphrase alone */
    const char *speaker = NULL;
    const shared_str *ss = NULL;
    if (kind < CLAIMS_KIND_DATE) {
        double v, lo, hi;
        if (claims_claim_value(c, &v))
            d = put_g15(d, v);
        else
            *d++ = '?';
        if (claims_claim_low(c, &lo)) {
            memcpy(d, " >=", 3);
            d = put_g15(d + 3, lo);
        }
        if (claims_claim_high(c, &hi)) {
            memcpy(d, " <=", 3);
            d = put_g15(d + 3, hi);
        }
        const char *unit = claims_claim_unit(c);
        if (unit) {
            const shared_str *us = shared(l->units, FIELD_MEMO_BITS, unit);
            d = line_room(b, d, need + us->n);
            *d++ = ' ';
            d = put_shared(b, d, us, unit, need);
        }
    } else if (kind == CLAIMS_KIND_DATE) {
        const char *sv = claims_claim_string_value(c);
        if (sv) {
            size_t svlen = strlen(sv);
            d = line_room(b, d, need + svlen);
            d = put_escaped(b, d, sv, svlen, need);
        } else {
            *d++ = '?';
        }
    } else {
        *d++ = '-';
        speaker = claims_claim_speaker(c);
        if (speaker)
            ss = shared(l->speakers, FIELD_MEMO_BITS, speaker);
    }
    /* a span in a title given apart from the text is marked */
    if (in_title) {
        memcpy(d, "\ttitle[", 7);
        d += 7;
    } else {
        memcpy(d, "\t[", 2);
        d += 2;
    }
    d = put_uint(d, start);
    *d++ = ',';
    d = put_uint(d, end);
    memcpy(d, ")\t\"", 3);
    d = put_text(b, d + 3, text, len, start + 32 <= l->bytes[in_title], need);
    *d++ = '"';
    if (ss) {
        d = line_room(b, d, need + ss->n);
        memcpy(d, "\tspeaker: ", 10);
        d = put_shared(b, d + 10, ss, speaker, need);
    }
    *d++ = '\n';
    *d = 0;
    b->n = (size_t)(d - b->p);
}

static void print_claims_text(const claims_story *s, FILE *out)
{
    sbuf b = {NULL, 0, 0};
    listing l;
    memset(l.kind, 0, sizeof l.kind);
    for (int k = 0; k <= CLAIMS_KIND_PARAPHRASE; k++) {
        const char *name = claims_kind_name((claims_kind)k);
        l.kind_len[k] = strlen(name);
        if (l.kind_len[k] < KIND_NAME_MAX) /* else the line looks it up */
            memcpy(l.kind[k], name, l.kind_len[k]);
    }
    l.article = SIZE_MAX;
    l.bytes[1] = 0;
    l.article_id = b;
    memset(l.keys, 0, sizeof l.keys);
    memset(l.units, 0, sizeof l.units);
    memset(l.speakers, 0, sizeof l.speakers);
    /* the first line's cursor needs a buffer to point into */
    sb_grow(&b, EXTRACT_FLUSH_AT);
    size_t n = claims_story_claim_count(s);
    for (size_t i = 0; i < n; i++) {
        put_claim_line(&b, s, &l, claims_story_claim(s, i));
        if (b.n >= EXTRACT_FLUSH_AT) {
            fwrite(b.p, 1, b.n, out);
            b.n = 0;
        }
    }
    if (b.n)
        fwrite(b.p, 1, b.n, out);
    free(b.p);
    free(l.article_id.p);
}

/* --------------------------------------------------------------- options */

enum {
    OPT_FAIL_ON = 256,
    OPT_MIN_CONFIDENCE,
    OPT_SHOW_CONFIDENCE,
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
    {"show-confidence", required_argument, NULL, OPT_SHOW_CONFIDENCE},
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
    case OPT_FAIL_ON: case OPT_MIN_CONFIDENCE: case OPT_SHOW_CONFIDENCE:
        return CMD_CHECK | CMD_BATCH;
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

int usage_error(const char *fmt, ...)
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
    o->fail_conf = CLI_FAIL_CONFIDENCE;
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
            if (claims_format_from_name(optarg, &o->format) != CLAIMS_OK) {
                /* the library's one table of formats names them */
                char names[128] = "";
                for (int k = 0; claims_format_name((claims_format)k); k++) {
                    if (k)
                        strncat(names, ", ", sizeof names - strlen(names) - 1);
                    strncat(names, claims_format_name((claims_format)k),
                            sizeof names - strlen(names) - 1);
                }
                return usage_error("unknown format '%s' for --format (%s)", optarg, names);
            }
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
        case OPT_MIN_CONFIDENCE: {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);
            if (strcmp(optarg, "low") == 0)
                o->fail_conf = 0;
            else if (strcmp(optarg, "high") == 0)
                o->fail_conf = CLI_FAIL_CONFIDENCE;
            else if (end != optarg && *end == '\0' && v >= 0 && v <= 100)
                o->fail_conf = (int)v;
            else
                return usage_error("--min-confidence takes low, high or a percent 0-100, "
                                   "not '%s'",
                                   optarg);
            break;
        }
        case OPT_SHOW_CONFIDENCE:
            if (strcmp(optarg, "low") == 0)
                o->show_conf = 0;
            else if (strcmp(optarg, "high") == 0)
                o->show_conf = 50;
            else
                return usage_error("--show-confidence takes low or high, not '%s'", optarg);
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

int report_code(const cli *c, int count_failures)
{
    int rc = EXIT_OK;
    if (count_failures && claims_story_failure_count(c->story))
        rc |= EXIT_FINDINGS;
    if (c->input_errors || claims_story_rejected_count(c->story))
        rc |= EXIT_REJECTED;
    return rc;
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
    /* claims extract on 20 MB of news: page faults 6,200 -> 900, CPU
     * time -2%, peak RSS +9 MB; not for claims check, whose peak RSS on
     * 100,000 articles must not grow */
    if (extract)
        cli_heap_in_huge_pages(&c.heap, (size_t)64 << 20);
    c.texts.heap = &c.heap;
    claims_allocator heap = cli_heap_allocator(&c.heap);
    if (claims_story_new(&heap, &c.story) != CLAIMS_OK) {
        say("out of memory");
        goto done;
    }
    if (lex_apply(&lx, c.story) != 0)
        goto done;
    if (extract) /* the claims only: no findings to make */
        claims_story_set_option(c.story, CLAIMS_OPT_COMPARE, 0);
    for (size_t i = 0; i < o->ninputs; i++)
        add_path(&c, o->inputs[i]);
    if (claims_story_article_count(c.story) == 0)
        say("no article was read");
    /* the inputs' names serve only to tell duplicate ids apart */
    cli_forget_sources(&c);
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
    claims_story_set_option(c.story, CLAIMS_OPT_MIN_CONFIDENCE, o->show_conf);
    claims_story_set_option(c.story, CLAIMS_OPT_FAIL_CONFIDENCE, o->fail_conf);
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
        rc = report_code(&c, !extract);
    }
done:
    cli_free(&c);
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
