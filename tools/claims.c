/* claims - the command-line tool. Uses only the public API (claims.h) and
 * jansson for JSON Lines input. */
#define _POSIX_C_SOURCE 200809L
#include <claims.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: claims check [options] FILE|DIR|- ...\n"
    "       claims extract [--format text|json] FILE|-\n"
    "       claims --help | --version\n"
    "\n"
    "check: one report on the story told by all inputs.\n"
    "  --format F          text (default), json, markdown, html, tap, junit\n"
    "  --output FILE       write the report to FILE instead of stdout\n"
    "  --fail-on WHAT      contradiction (default), variant, none: exit 1 when\n"
    "                      a finding of that type (or worse) is reported\n"
    "  --min-confidence L  low (default: report all) or high\n"
    "  --lexicon FILE      extra lexicon entries (see data/README.md); repeatable\n"
    "  --color WHEN        auto (default), always, never (text format)\n"
    "\n"
    "extract: the claims of one article.\n"
    "\n"
    "Inputs: plain-text files (the first line is the title when it is a short\n"
    "line followed by more text; the id is the file name without extension),\n"
    "JSON Lines files (*.jsonl, *.ndjson: {\"id\", \"title\", \"published\",\n"
    "\"text\"} per line), directories of them, and - for standard input.\n"
    "\n"
    "Exit status: 0 no failing finding; 1 failing findings; 2 usage error or\n"
    "rejected input (the report still covers every readable article).\n";

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

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcmp(path + n - e, ext) == 0;
}

static int is_jsonl_path(const char *path)
{
    return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

typedef struct cli {
    claims_story *story;
    int input_errors;
    int quiet;
} cli;

static void report_error(const char *what, const claims_error *err)
{
    if (err->has_offset)
        fprintf(stderr, "claims: %s: %s at byte %zu\n", what, err->message, err->offset);
    else
        fprintf(stderr, "claims: %s: %s\n", what, err->message);
}

/* Adds one plain-text article with the library's file rules (title line,
 * BOM, id from the file name): see claims_story_add_file(). */
static void add_text(cli *c, const char *name, const buffer *b)
{
    claims_error err;
    if (claims_story_add_file(c->story, name, b->data, b->len, &err) != CLAIMS_OK) {
        report_error(err.article[0] ? err.article : name, &err);
        c->input_errors++;
    }
}

static void reject(cli *c, const char *id, const char *message, long long offset)
{
    fprintf(stderr, "claims: %s: %s\n", id, message);
    claims_story_reject(c->story, id, CLAIMS_ERR_IO, message, offset);
    c->input_errors++;
}

static void add_jsonl(cli *c, const char *name, const buffer *b)
{
    size_t pos = 0, line = 0;
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
        char fallback[512];
        snprintf(fallback, sizeof fallback, "%s:%zu", name, line);
        json_error_t jerr;
        json_t *obj = json_loadb(b->data + start, eol - start, JSON_ALLOW_NUL, &jerr);
        if (!obj || !json_is_object(obj)) {
            char msg[300];
            snprintf(msg, sizeof msg, "line %zu: %s", line,
                     obj ? "not a JSON object" : jerr.text);
            long long off = obj ? (long long)start : (long long)start + (jerr.position > 0 ? jerr.position : 0);
            json_decref(obj);
            reject(c, fallback, msg, off);
            continue;
        }
        json_t *jid = json_object_get(obj, "id"), *jtext = json_object_get(obj, "text");
        json_t *jtitle = json_object_get(obj, "title"), *jpub = json_object_get(obj, "published");
        const char *id = json_is_string(jid) ? json_string_value(jid) : fallback;
        char idbuf[64];
        if (json_is_integer(jid)) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
            id = idbuf;
        }
        if (!json_is_string(jtext)) {
            reject(c, id, "no \"text\" string", (long long)start);
        } else if ((jtitle && !json_is_string(jtitle) && !json_is_null(jtitle)) ||
                   (jpub && !json_is_string(jpub) && !json_is_null(jpub))) {
            reject(c, id, "\"title\" and \"published\" must be strings or null", (long long)start);
        } else {
            claims_error err;
            claims_status st = claims_story_add_article(
                c->story, id, json_is_string(jtitle) ? json_string_value(jtitle) : NULL,
                json_is_string(jpub) ? json_string_value(jpub) : NULL, json_string_value(jtext),
                json_string_length(jtext), &err);
            if (st != CLAIMS_OK) {
                report_error(id, &err);
                c->input_errors++;
            }
        }
        json_decref(obj);
    }
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(cli *c, const char *path);

static void add_dir(cli *c, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        reject(c, path, strerror(errno), -1);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn)
                break;
            names = nn;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n])
            break;
        snprintf(names[n], len, "%s/%s", path, e->d_name);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names); /* deterministic order */
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) &&
            (has_ext(names[i], ".txt") || has_ext(names[i], ".text") || is_jsonl_path(names[i])))
            add_path(c, names[i]);
        free(names[i]);
    }
    free(names);
}

static void add_path(cli *c, const char *path)
{
    buffer b = {NULL, 0};
    if (strcmp(path, "-") == 0) {
        if (read_stream(stdin, &b) != 0) {
            reject(c, "stdin", "cannot read standard input", -1);
            return;
        }
        size_t k = 0;
        while (k < b.len && (b.data[k] == ' ' || b.data[k] == '\n' || b.data[k] == '\r'))
            k++;
        if (k < b.len && b.data[k] == '{')
            add_jsonl(c, "stdin", &b);
        else
            add_text(c, "stdin", &b);
        free(b.data);
        return;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        add_dir(c, path);
        return;
    }
    char *id = file_id(path);
    if (!id)
        return;
    if (read_file(path, &b) != 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read %s: %s", path, strerror(errno));
        reject(c, id, msg, -1);
    } else if (is_jsonl_path(path)) {
        add_jsonl(c, id, &b);
    } else {
        add_text(c, path, &b);
    }
    free(b.data);
    free(id);
}

static int usage_error(const char *msg)
{
    fprintf(stderr, "claims: %s\n%s", msg, "Try 'claims --help'.\n");
    return EXIT_USAGE;
}

static int load_lexicon(claims_story *story, const char *path)
{
    buffer b;
    if (read_file(path, &b) != 0) {
        fprintf(stderr, "claims: cannot read lexicon %s: %s\n", path, strerror(errno));
        return -1;
    }
    claims_error err;
    claims_status st = claims_story_add_lexicon(story, b.data, b.len, &err);
    free(b.data);
    if (st != CLAIMS_OK) {
        if (err.has_offset)
            fprintf(stderr, "claims: lexicon %s: %s at byte %zu\n", path, err.message, err.offset);
        else
            fprintf(stderr, "claims: lexicon %s: %s\n", path, err.message);
        return -1;
    }
    return 0;
}

static void print_claims_text(const claims_story *s, FILE *out)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        size_t start, end, len;
        claims_claim_span(c, &start, &end);
        const char *text = claims_claim_text(c, &len);
        fprintf(out, "%s\t%s\t%s\t", claims_claim_id(c), claims_kind_name(claims_claim_kind(c)),
                claims_claim_key(c) ? claims_claim_key(c) : "-");
        double v, lo, hi;
        const char *sv = claims_claim_string_value(c);
        if (claims_claim_value(c, &v))
            fprintf(out, "%.15g", v);
        else if (sv && claims_claim_kind(c) == CLAIMS_KIND_DATE)
            fputs(sv, out);
        else if (claims_claim_kind(c) < CLAIMS_KIND_QUOTE)
            fputs("?", out);
        else
            fputs("-", out);
        if (claims_claim_low(c, &lo))
            fprintf(out, " >=%.15g", lo);
        if (claims_claim_high(c, &hi))
            fprintf(out, " <=%.15g", hi);
        if (claims_claim_unit(c))
            fprintf(out, " %s", claims_claim_unit(c));
        fprintf(out, "\t[%zu,%zu)\t\"%.*s\"", start, end, (int)len, text);
        if (claims_claim_speaker(c))
            fprintf(out, "\tspeaker: %s", claims_claim_speaker(c));
        fputc('\n', out);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("claims %s\n", claims_version_string());
        return 0;
    }
    int extract = strcmp(argv[1], "extract") == 0;
    if (!extract && strcmp(argv[1], "check") != 0)
        return usage_error("unknown command (use check or extract)");

    claims_format format = CLAIMS_FORMAT_TEXT;
    const char *output = NULL, *color = "auto";
    const char **lexicons = calloc((size_t)argc, sizeof *lexicons);
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    size_t nlex = 0, nin = 0;
    int fail_on = CLAIMS_FAIL_ON_CONTRADICTION, min_conf = 0, format_given = 0;
    if (!lexicons || !inputs) {
        fprintf(stderr, "claims: out of memory\n");
        return EXIT_USAGE;
    }
    int rc = EXIT_USAGE;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        int takes = strcmp(a, "--format") == 0 || strcmp(a, "--output") == 0 ||
                    strcmp(a, "--fail-on") == 0 || strcmp(a, "--min-confidence") == 0 ||
                    strcmp(a, "--lexicon") == 0 || strcmp(a, "--color") == 0 ||
                    strcmp(a, "-o") == 0 || strcmp(a, "-f") == 0;
        if (takes) {
            if (i + 1 >= argc) {
                rc = usage_error("option needs a value");
                goto done;
            }
            val = argv[++i];
        } else if (strncmp(a, "--", 2) == 0 && strchr(a, '=')) {
            static char opt[64];
            size_t n = (size_t)(strchr(a, '=') - a);
            if (n >= sizeof opt) {
                rc = usage_error("unknown option");
                goto done;
            }
            memcpy(opt, a, n);
            opt[n] = 0;
            a = opt;
            val = argv[i] + n + 1;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            rc = 0;
            goto done;
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) {
            if (claims_format_from_name(val, &format) != CLAIMS_OK) {
                rc = usage_error("unknown format");
                goto done;
            }
            format_given = 1;
        } else if (strcmp(a, "--output") == 0 || strcmp(a, "-o") == 0) {
            output = val;
        } else if (strcmp(a, "--fail-on") == 0) {
            if (strcmp(val, "contradiction") == 0)
                fail_on = CLAIMS_FAIL_ON_CONTRADICTION;
            else if (strcmp(val, "variant") == 0)
                fail_on = CLAIMS_FAIL_ON_VARIANT;
            else if (strcmp(val, "none") == 0)
                fail_on = CLAIMS_FAIL_ON_NONE;
            else {
                rc = usage_error("--fail-on takes contradiction, variant or none");
                goto done;
            }
        } else if (strcmp(a, "--min-confidence") == 0) {
            if (strcmp(val, "low") == 0)
                min_conf = 0;
            else if (strcmp(val, "high") == 0)
                min_conf = 50;
            else {
                rc = usage_error("--min-confidence takes low or high");
                goto done;
            }
        } else if (strcmp(a, "--lexicon") == 0) {
            lexicons[nlex++] = val;
        } else if (strcmp(a, "--color") == 0) {
            if (strcmp(val, "auto") && strcmp(val, "always") && strcmp(val, "never")) {
                rc = usage_error("--color takes auto, always or never");
                goto done;
            }
            color = val;
        } else if (a[0] == '-' && a[1] != 0) {
            rc = usage_error("unknown option");
            goto done;
        } else {
            inputs[nin++] = argv[i];
        }
    }
    if (nin == 0) {
        rc = usage_error("no input given");
        goto done;
    }
    if (extract && nin != 1) {
        rc = usage_error("extract takes exactly one input");
        goto done;
    }
    if (extract && format_given && format != CLAIMS_FORMAT_TEXT && format != CLAIMS_FORMAT_JSON) {
        rc = usage_error("extract writes text or json");
        goto done;
    }

    cli c = {NULL, 0, 0};
    if (claims_story_new(NULL, &c.story) != CLAIMS_OK) {
        fprintf(stderr, "claims: out of memory\n");
        goto done;
    }
    for (size_t i = 0; i < nlex; i++) {
        if (load_lexicon(c.story, lexicons[i]) != 0) {
            claims_story_free(c.story);
            goto done;
        }
    }
    for (size_t i = 0; i < nin; i++)
        add_path(&c, inputs[i]);
    claims_error err;
    if (claims_story_check(c.story, &err) != CLAIMS_OK) {
        report_error("check", &err);
        claims_story_free(c.story);
        goto done;
    }
    FILE *out = stdout;
    if (output && !(out = fopen(output, "wb"))) {
        fprintf(stderr, "claims: cannot write %s: %s\n", output, strerror(errno));
        claims_story_free(c.story);
        goto done;
    }
    int use_color = strcmp(color, "always") == 0 ||
                    (strcmp(color, "auto") == 0 && !output && isatty(STDOUT_FILENO) &&
                     !getenv("NO_COLOR"));
    claims_story_set_option(c.story, CLAIMS_OPT_FAIL_ON, fail_on);
    claims_story_set_option(c.story, CLAIMS_OPT_MIN_CONFIDENCE, min_conf);
    claims_story_set_option(c.story, CLAIMS_OPT_COLOR, use_color);
    claims_status st = CLAIMS_OK;
    if (extract && format != CLAIMS_FORMAT_JSON)
        print_claims_text(c.story, out);
    else
        st = claims_story_write_report_file(c.story, format, out, &err);
    int write_failed = st != CLAIMS_OK || fflush(out) != 0 || ferror(out);
    if (output && fclose(out) != 0)
        write_failed = 1;
    if (write_failed) {
        fprintf(stderr, "claims: cannot write the report: %s\n",
                st != CLAIMS_OK ? err.message : strerror(errno));
        rc = EXIT_USAGE;
    } else if (c.input_errors) {
        rc = EXIT_USAGE;
    } else {
        rc = !extract && claims_story_failure_count(c.story) ? EXIT_FINDINGS : 0;
    }
    claims_story_free(c.story);
done:
    free(lexicons);
    free(inputs);
    return rc;
}
