/* case_runner: runs the spec-test cases in tests/cases/STAGE/ files (the
 * format is described in tests/cases/README.md).
 *
 *   case_runner [--stage extract|compare] [--tap] [--update] FILE|DIR ...
 *
 * Each case's input becomes a story built through the public API
 * (include/claims.h) only, so the cases stay valid across internal
 * refactors; what the story gives is rendered as one line per claim
 * (stage "extract") or per finding (stage "compare") and compared with the
 * case's expected lines. Prints TAP on stdout: one "ok"/"not ok" line per
 * case and "N passed, N failed"; and on stderr (which meson shows for a
 * failing test) each failing case's place and a unified-style diff of its
 * expected lines against what the library gave. Exit status 0 when every
 * case passed, 1 when one failed (0 with --tap: the TAP lines say it), 2
 * on a usage, file or syntax error.
 *
 * --update rewrites each FILE's expected sections with what the library
 * gives now, keeping names, inputs and comments byte for byte. It is for
 * accepting an intended change on purpose; read the diff before committing.
 *
 * Facts the read-back API does not expose (exclusive bounds, whether a date
 * was inferred, a year's weak key, a linked conversion, a speaker's own
 * words) are read from the JSON report, whose schema (claims-report/1) is a
 * public contract too. */
#define _XOPEN_SOURCE 700 /* realpath */

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "claims.h"

/* ------------------------------------------------------------- strings */

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

static void die_nomem(void)
{
    fputs("case_runner: out of memory\n", stderr);
    exit(2);
}

static void sb_put(strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p)
            die_nomem();
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static void sb_puts(strbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static void sb_printf(strbuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sb_put(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big)
        die_nomem();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_put(b, big, (size_t)n);
    free(big);
}

/* Hands the buffer's string to the caller ("" when empty). */
static char *sb_take(strbuf *b)
{
    if (!b->data)
        sb_put(b, "", 0);
    char *s = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        die_nomem();
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* A growable array of owned strings. */
typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

static void sl_push(strlist *l, char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->v, cap * sizeof *p);
        if (!p)
            die_nomem();
        l->v = p;
        l->cap = cap;
    }
    l->v[l->n++] = s;
}

static void sl_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static int starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

static int line_is(const char *s, size_t len, const char *word)
{
    return len == strlen(word) && memcmp(s, word, len) == 0;
}

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* ---------------------------------------------------------- case files */

typedef struct article {
    char *id;
    char *published; /* NULL when none given */
    char *title;     /* NULL when none given */
    strbuf text;
} article;

typedef struct test_case {
    char *name;
    size_t line; /* line number of the "===" line */
    strbuf head; /* raw bytes from the "===" line through the separator */
    article *arts;
    size_t narts;
    strlist expected;
    strbuf tail; /* raw blank and comment lines after the expected lines */
    int bad;     /* a syntax error was reported for this case */
} test_case;

typedef struct case_file {
    const char *path;
    char *bytes;
    strbuf preamble; /* raw bytes before the first case */
    test_case *cases;
    size_t ncases;
} case_file;

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    strbuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sb_put(&b, chunk, n);
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        free(b.data);
        return NULL;
    }
    *len = b.len;
    return sb_take(&b);
}

static void free_case(test_case *c)
{
    free(c->name);
    free(c->head.data);
    for (size_t i = 0; i < c->narts; i++) {
        free(c->arts[i].id);
        free(c->arts[i].published);
        free(c->arts[i].title);
        free(c->arts[i].text.data);
    }
    free(c->arts);
    sl_free(&c->expected);
    free(c->tail.data);
}

static void free_file(case_file *f)
{
    for (size_t i = 0; i < f->ncases; i++)
        free_case(&f->cases[i]);
    free(f->cases);
    free(f->preamble.data);
    free(f->bytes);
}

static article *add_article(test_case *c)
{
    article *p = realloc(c->arts, (c->narts + 1) * sizeof *p);
    if (!p)
        die_nomem();
    c->arts = p;
    article *a = &c->arts[c->narts++];
    memset(a, 0, sizeof *a);
    return a;
}

/* Parses "--- article ID [YYYY-MM-DD] [title: TITLE]". Returns 0 on success. */
static int parse_article_header(const char *s, size_t len, article *a)
{
    const char *p = s + strlen("--- article");
    const char *end = s + len;
    while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
        end--;
    while (p < end && *p == ' ')
        p++;
    const char *id = p;
    while (p < end && *p != ' ')
        p++;
    if (p == id)
        return -1;
    a->id = dup_n(id, (size_t)(p - id));
    while (p < end && *p == ' ')
        p++;
    if (p < end && strncmp(p, "title:", 6) != 0) {
        const char *d = p;
        while (p < end && *p != ' ')
            p++;
        a->published = dup_n(d, (size_t)(p - d));
        while (p < end && *p == ' ')
            p++;
    }
    if (p < end) {
        if (strncmp(p, "title:", 6) != 0)
            return -1;
        p += 6;
        while (p < end && *p == ' ')
            p++;
        a->title = dup_n(p, (size_t)(end - p));
    }
    return 0;
}

/* Drops trailing newlines and blank lines of an article's text. */
static void trim_text(strbuf *t)
{
    while (t->len > 0 && (t->data[t->len - 1] == '\n' || t->data[t->len - 1] == '\r'))
        t->data[--t->len] = 0;
}

static void syntax_error(const char *path, size_t line, const char *msg)
{
    fprintf(stderr, "%s:%zu: %s\n", path, line, msg);
}

enum { IN_PREAMBLE, IN_INPUT, IN_EXPECTED };

/* Parses a case file. Returns the number of syntax errors. */
static int parse_file(case_file *f)
{
    size_t len = 0;
    f->bytes = read_all(f->path, &len);
    if (!f->bytes) {
        fprintf(stderr, "case_runner: cannot read %s: %s\n", f->path, strerror(errno));
        return 1;
    }
    int errors = 0, state = IN_PREAMBLE;
    size_t lineno = 0;
    test_case *c = NULL;
    article *a = NULL;
    const char *p = f->bytes, *end = f->bytes + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        size_t raw = nl ? n + 1 : n;
        size_t n_cr = (n > 0 && p[n - 1] == '\r') ? n - 1 : n;
        lineno++;
        if (starts_with(p, n, "=== ")) {
            test_case *cs = realloc(f->cases, (f->ncases + 1) * sizeof *cs);
            if (!cs)
                die_nomem();
            f->cases = cs;
            c = &f->cases[f->ncases++];
            memset(c, 0, sizeof *c);
            c->name = dup_n(p + 4, n_cr - 4);
            c->line = lineno;
            sb_put(&c->head, p, raw);
            a = NULL;
            state = IN_INPUT;
        } else if (state == IN_PREAMBLE) {
            sb_put(&f->preamble, p, raw);
        } else if (state == IN_INPUT) {
            sb_put(&c->head, p, raw);
            if (line_is(p, n_cr, "---")) {
                if (a)
                    trim_text(&a->text);
                if (c->narts == 0 || c->arts[c->narts - 1].text.len == 0) {
                    syntax_error(f->path, lineno, "case without input text");
                    c->bad = 1;
                    errors++;
                }
                state = IN_EXPECTED;
            } else if (starts_with(p, n, "--- article")) {
                if (a)
                    trim_text(&a->text);
                a = add_article(c);
                if (parse_article_header(p, n, a) != 0) {
                    syntax_error(f->path, lineno,
                                 "bad article header (--- article ID [DATE] [title: TITLE])");
                    c->bad = 1;
                    errors++;
                }
            } else {
                if (!a) {
                    if (is_blank(p, n))
                        goto next; /* blank lines after the name line */
                    a = add_article(c);
                    a->id = dup_n("a", 1);
                }
                if (a->text.len == 0 && is_blank(p, n))
                    goto next; /* blank lines before the text */
                sb_put(&a->text, p, n_cr);
                sb_put(&a->text, "\n", 1);
            }
        } else { /* IN_EXPECTED */
            if (is_blank(p, n) || p[0] == '#') {
                sb_put(&c->tail, p, raw);
            } else {
                /* an expected line after blank or comment lines: those
                 * belong inside the section; blank ones are dropped */
                c->tail.len = 0;
                sl_push(&c->expected, dup_n(p, n_cr));
            }
        }
    next:
        p += raw;
    }
    if (state == IN_INPUT) {
        syntax_error(f->path, c->line, "case without a \"---\" line before its expected output");
        c->bad = 1;
        errors++;
    }
    return errors;
}

/* ----------------------------------------------------------- rendering */

static void put_number(strbuf *b, double v)
{
    sb_printf(b, "%.15g", v);
}

/* The claim's source text, newlines shown as a space. */
static void put_text(strbuf *b, const claims_claim *c)
{
    size_t len = 0;
    const char *t = claims_claim_text(c, &len);
    sb_puts(b, "[");
    for (size_t i = 0; i < len; i++)
        sb_put(b, (t[i] == '\n' || t[i] == '\r' || t[i] == '\t') ? " " : t + i, 1);
    sb_puts(b, "]");
}

/* Whether a quote's normalized words are its text in lower case (ASCII
 * letters only; anything else must match byte for byte). */
static int same_words(const claims_claim *c, const char *words)
{
    size_t len = 0;
    const char *t = claims_claim_text(c, &len);
    if (strlen(words) != len)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char ch = t[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != words[i])
            return 0;
    }
    return 1;
}

/* What a claim says: its value, bounds ("LOW..HIGH", an exclusive bound
 * marked ">LOW" or "<HIGH", a missing one left empty), its ISO date, the
 * normalized words of a quote ("~" when they are just the text in lower
 * case), or "?" when it has none. */
static void put_value(strbuf *b, const claims_claim *c, json_t *jc)
{
    claims_kind kind = claims_claim_kind(c);
    double v, lo, hi;
    const char *sv = claims_claim_string_value(c);
    if (kind == CLAIMS_KIND_QUOTE || kind == CLAIMS_KIND_PARAPHRASE) {
        if (sv && same_words(c, sv))
            sb_puts(b, "~");
        else
            sb_printf(b, "\"%s\"", sv ? sv : "");
        return;
    }
    if (kind == CLAIMS_KIND_DATE) {
        sb_puts(b, sv ? sv : "?");
        return;
    }
    int has_v = claims_claim_value(c, &v);
    int has_lo = claims_claim_low(c, &lo), has_hi = claims_claim_high(c, &hi);
    if (has_v) {
        put_number(b, v);
        if (!has_lo && !has_hi)
            return;
        sb_puts(b, " "); /* a hedged number: the number as written, its bounds */
    }
    if (!has_lo && !has_hi) {
        sb_puts(b, "?");
        return;
    }
    if (has_lo) {
        if (json_is_true(json_object_get(jc, "low_exclusive")))
            sb_puts(b, ">");
        put_number(b, lo);
    }
    sb_puts(b, "..");
    if (has_hi) {
        if (json_is_true(json_object_get(jc, "high_exclusive")))
            sb_puts(b, "<");
        put_number(b, hi);
    }
}

/* The text of the claim with id `id`, naming it from another claim's line. */
static void put_claim_ref(strbuf *b, const claims_story *s, const char *id)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (strcmp(claims_claim_id(c), id) == 0) {
            put_text(b, c);
            return;
        }
    }
    sb_puts(b, id);
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One line per claim:
 *   [ARTICLE: ]KIND KEY = VALUE[ UNIT][ inferred][ weak WEAK_KEY]
 *   [ event "LABEL"][ scope "PLACE"][ holder "NAME"][ part subset|increment]
 *   [ linked [TEXT]][ speaker "NAME"][ as "WORDS"][ in title] [TEXT]
 * (event only for a background event; the story's own goes unsaid) */
static void render_claim(strbuf *b, const claims_story *s, const claims_claim *c, json_t *jc,
                         int many_articles)
{
    if (many_articles)
        sb_printf(b, "%s: ", claims_story_article_id(s, claims_claim_article(c)));
    const char *key = claims_claim_key(c);
    sb_printf(b, "%s %s = ", claims_kind_name(claims_claim_kind(c)), key ? key : "-");
    put_value(b, c, jc);
    if (claims_claim_unit(c))
        sb_printf(b, " %s", claims_claim_unit(c));
    if (json_is_true(json_object_get(jc, "inferred")))
        sb_puts(b, " inferred");
    const char *weak = json_str(jc, "weak_key");
    if (weak)
        sb_printf(b, " weak %s", weak);
    json_t *ev = json_object_get(jc, "event");
    if (json_is_object(ev) && json_is_true(json_object_get(ev, "background")))
        sb_printf(b, " event \"%s\"", json_str(ev, "label") ? json_str(ev, "label") : "?");
    const char *frame_fields[] = {"scope", "holder"};
    for (size_t k = 0; k < 2; k++)
        if (json_str(jc, frame_fields[k]))
            sb_printf(b, " %s \"%s\"", frame_fields[k], json_str(jc, frame_fields[k]));
    if (json_str(jc, "part"))
        sb_printf(b, " part %s", json_str(jc, "part"));
    const char *linked = json_str(jc, "linked");
    if (linked) {
        sb_puts(b, " linked ");
        put_claim_ref(b, s, linked);
    }
    const char *sp = claims_claim_speaker(c);
    if (sp)
        sb_printf(b, " speaker \"%s\"", sp);
    const char *words = json_str(jc, "speaker_text");
    if (words && (!sp || strcmp(words, sp) != 0))
        sb_printf(b, " as \"%s\"", words);
    /* the C accessor and the JSON report must say the same */
    int in_title = claims_claim_within(c) == CLAIMS_WITHIN_TITLE;
    const char *within = json_str(jc, "within");
    if (in_title != (within && strcmp(within, "title") == 0))
        sb_puts(b, " within-disagrees");
    if (in_title)
        sb_puts(b, " in title");
    sb_puts(b, " ");
    put_text(b, c);
}

/* One line per finding:
 *   TYPE KEY LEVEL: ARTICLE VALUE [TEXT]; ARTICLE VALUE [TEXT] ...
 * followed by the finding's summary on a line starting "  | ". */
static void render_finding(strbuf *b, const claims_story *s, const claims_finding *f,
                           json_t *jclaims)
{
    double conf = claims_finding_confidence(f);
    sb_printf(b, "%s %s %s:", claims_finding_type_name(claims_finding_type_of(f)),
              claims_finding_key(f) ? claims_finding_key(f) : "-", conf >= 0.5 ? "high" : "low");
    for (size_t j = 0; j < claims_finding_claim_count(f); j++) {
        size_t ci = claims_finding_claim(f, j);
        const claims_claim *c = claims_story_claim(s, ci);
        sb_printf(b, "%s %s ", j ? ";" : "", claims_story_article_id(s, claims_claim_article(c)));
        claims_kind kind = claims_claim_kind(c);
        if (kind != CLAIMS_KIND_QUOTE && kind != CLAIMS_KIND_PARAPHRASE) {
            put_value(b, c, json_array_get(jclaims, ci));
            if (claims_claim_unit(c))
                sb_printf(b, " %s", claims_claim_unit(c));
            sb_puts(b, " ");
        }
        put_text(b, c);
    }
}

static int write_to_sb(void *user, const char *data, size_t len)
{
    sb_put(user, data, len);
    return 0;
}

/* Builds the case's story, and renders it into `got` for `stage`. Returns 0,
 * or -1 with a message in `got` when the story could not be built. */
static int run_case(const test_case *tc, const char *stage, strlist *got)
{
    claims_story *s = NULL;
    claims_error err;
    strbuf b = {0};
    strbuf json = {0};
    json_t *root = NULL;
    int rc = -1;
    if (claims_story_new(NULL, &s) != CLAIMS_OK) {
        sl_push(got, dup_n("error: claims_story_new failed", 30));
        return -1;
    }
    for (size_t i = 0; i < tc->narts; i++) {
        const article *a = &tc->arts[i];
        claims_status st = claims_story_add_article(
            s, a->id, a->title, a->published, a->text.data ? a->text.data : "", a->text.len, &err);
        if (st != CLAIMS_OK) {
            sb_printf(&b, "error: article %s: %s", a->id, claims_status_message(st));
            if (err.has_offset)
                sb_printf(&b, " at byte %zu", err.offset);
            goto done;
        }
    }
    if (claims_story_check(s, &err) != CLAIMS_OK) {
        sb_printf(&b, "error: check: %s", err.message);
        goto done;
    }
    claims_status st = claims_story_write_report(s, CLAIMS_FORMAT_JSON, write_to_sb, &json, &err);
    if (st == CLAIMS_OK)
        root = json_loadb(json.data ? json.data : "", json.len, 0, NULL);
    json_t *jclaims = json_object_get(root, "claims");
    if (!json_is_array(jclaims) || json_array_size(jclaims) != claims_story_claim_count(s)) {
        sb_puts(&b, "error: the JSON report does not list every claim");
        goto done;
    }
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const char *id = json_str(json_array_get(jclaims, i), "id");
        if (!id || strcmp(id, claims_claim_id(claims_story_claim(s, i))) != 0) {
            sb_puts(&b, "error: the JSON report lists the claims in another order");
            goto done;
        }
    }
    if (strcmp(stage, "extract") == 0) {
        for (size_t i = 0; i < claims_story_article_count(s); i++) {
            const char *pub = claims_story_article_published(s, i);
            const char *given = i < tc->narts ? tc->arts[i].published : NULL;
            if (pub && (!given || strcmp(pub, given) != 0)) {
                sb_printf(&b, "dateline %s = %s", claims_story_article_id(s, i), pub);
                sl_push(got, sb_take(&b));
            }
        }
        for (size_t i = 0; i < claims_story_claim_count(s); i++) {
            render_claim(&b, s, claims_story_claim(s, i), json_array_get(jclaims, i),
                         tc->narts > 1);
            sl_push(got, sb_take(&b));
        }
    } else {
        for (size_t i = 0; i < claims_story_finding_count(s); i++) {
            const claims_finding *f = claims_story_finding(s, i);
            render_finding(&b, s, f, jclaims);
            sl_push(got, sb_take(&b));
            sb_printf(&b, "  | %s", claims_finding_summary(f));
            sl_push(got, sb_take(&b));
        }
    }
    rc = 0;
done:
    if (rc != 0)
        sl_push(got, sb_take(&b));
    free(b.data);
    free(json.data);
    json_decref(root);
    claims_story_free(s);
    return rc;
}

/* ---------------------------------------------------------------- diff */

/* Prints a unified-style diff of expected against got on `out`: " " for a
 * line in both, "-" expected only, "+" got only, from the longest common
 * subsequence of lines. */
static void print_diff(FILE *out, const strlist *exp, const strlist *got)
{
    size_t n = exp->n, m = got->n;
    size_t *t = calloc((n + 1) * (m + 1), sizeof *t);
    if (!t)
        die_nomem();
#define T(i, j) t[(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            T(i, j) = strcmp(exp->v[i], got->v[j]) == 0
                          ? T(i + 1, j + 1) + 1
                          : (T(i + 1, j) >= T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
    fputs("--- expected\n+++ got\n", out);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && strcmp(exp->v[i], got->v[j]) == 0) {
            fprintf(out, " %s\n", exp->v[i]);
            i++, j++;
        } else if (i < n && (j == m || T(i + 1, j) >= T(i, j + 1))) {
            fprintf(out, "-%s\n", exp->v[i++]);
        } else {
            fprintf(out, "+%s\n", got->v[j++]);
        }
    }
#undef T
    free(t);
}

static int same_lines(const strlist *a, const strlist *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i], b->v[i]) != 0)
            return 0;
    return 1;
}

/* ------------------------------------------------------------- driving */

typedef struct totals {
    size_t n, passed, failed;
} totals;

/* The stage of a file: the name of the folder it is in. */
static const char *stage_in(const char *path, char *buf, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return NULL;
    const char *start = slash;
    while (start > path && start[-1] != '/')
        start--;
    size_t n = (size_t)(slash - start);
    if (n == 0 || n >= cap)
        return NULL;
    memcpy(buf, start, n);
    buf[n] = 0;
    return buf;
}

static const char *stage_of(const char *given, char *buf, size_t cap)
{
    char *path = realpath(given, NULL);
    if (!path)
        return NULL;
    const char *r = stage_in(path, buf, cap);
    free(path);
    return r;
}

static int write_file(const char *path, const strbuf *b)
{
    strbuf tmp_path = {0};
    sb_printf(&tmp_path, "%s.tmp", path);
    FILE *fp = fopen(tmp_path.data, "wb");
    int ok = fp && fwrite(b->data ? b->data : "", 1, b->len, fp) == b->len;
    if (fp && fclose(fp) != 0)
        ok = 0;
    if (ok && rename(tmp_path.data, path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "case_runner: cannot write %s: %s\n", path, strerror(errno));
        remove(tmp_path.data);
    }
    free(tmp_path.data);
    return ok ? 0 : -1;
}

/* Runs (or, with update, rewrites) one file. Returns 0, or -1 on a file
 * or syntax error. */
static int run_file(const char *path, const char *stage_opt, int update, totals *tot)
{
    char stage_buf[64];
    const char *stage = stage_opt ? stage_opt : stage_of(path, stage_buf, sizeof stage_buf);
    if (!stage || (strcmp(stage, "extract") != 0 && strcmp(stage, "compare") != 0)) {
        fprintf(stderr,
                "case_runner: %s: no stage (put it in a folder named extract or compare, "
                "or give --stage)\n",
                path);
        return -1;
    }
    case_file f = {.path = path};
    int errors = parse_file(&f);
    if (errors && (update || !f.bytes)) {
        free_file(&f);
        return -1;
    }
    strbuf out = {0};
    sb_put(&out, f.preamble.data ? f.preamble.data : "", f.preamble.len);
    size_t changed = 0;
    for (size_t i = 0; i < f.ncases; i++) {
        test_case *tc = &f.cases[i];
        strlist got = {0};
        int ok = 0;
        if (!tc->bad) {
            run_case(tc, stage, &got);
            ok = same_lines(&tc->expected, &got);
        }
        if (update) {
            sb_put(&out, tc->head.data, tc->head.len);
            for (size_t j = 0; j < got.n; j++) {
                sb_puts(&out, got.v[j]);
                sb_puts(&out, "\n");
            }
            if (tc->tail.len)
                sb_put(&out, tc->tail.data, tc->tail.len);
            else if (i + 1 < f.ncases)
                sb_puts(&out, "\n");
            changed += !ok;
        } else {
            tot->n++;
            if (ok)
                tot->passed++;
            else
                tot->failed++;
            printf("%s %zu - %s: %s\n", ok ? "ok" : "not ok", tot->n, path, tc->name);
            if (!ok && !tc->bad) {
                /* on stderr, where meson shows it for a failing TAP test */
                fprintf(stderr, "%s:%zu: %s\n", path, tc->line, tc->name);
                print_diff(stderr, &tc->expected, &got);
                fputc('\n', stderr);
            }
        }
        sl_free(&got);
    }
    int rc = errors ? -1 : 0;
    if (update) {
        if (changed)
            rc = write_file(path, &out);
        fprintf(stderr, "%s: %zu of %zu cases updated\n", path, changed, f.ncases);
    }
    free(out.data);
    free_file(&f);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds `path` to `files`, or every *.txt in it (sorted) when it is a folder. */
static int collect(const char *path, strlist *files)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "case_runner: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        sl_push(files, dup_n(path, strlen(path)));
        return 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "case_runner: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t first = files->n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0 && e->d_name[0] != '.') {
            strbuf p = {0};
            sb_printf(&p, "%s/%s", path, e->d_name);
            sl_push(files, sb_take(&p));
        }
    }
    closedir(d);
    qsort(files->v + first, files->n - first, sizeof *files->v, cmp_str);
    return 0;
}

static int usage(void)
{
    fputs("usage: case_runner [--stage extract|compare] [--tap] [--update] FILE|DIR ...\n"
          "Runs the cases in each FILE (or each DIR/*.txt); the stage is the name of the\n"
          "file's folder unless --stage is given. Prints TAP, and a diff for each failing\n"
          "case on stderr. Exit status 1 when a case failed (0 with --tap, where the\n"
          "\"not ok\" lines say it), 2 on a file or syntax error. --update rewrites the\n"
          "expected output of every case with what the library gives now.\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    int update = 0, tap = 0, rc = 0;
    const char *stage = NULL;
    strlist files = {0};
    /* lines of stdout and stderr keep their order when both go to a pipe */
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--update") == 0) {
            update = 1;
        } else if (strcmp(argv[i], "--tap") == 0) {
            tap = 1;
        } else if (strcmp(argv[i], "--stage") == 0 && i + 1 < argc) {
            stage = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || argv[i][0] == '-') {
            sl_free(&files);
            return usage();
        } else if (collect(argv[i], &files) != 0) {
            rc = 2;
        }
    }
    if (files.n == 0 && (rc || argc == 1 || update)) {
        sl_free(&files);
        return rc ? rc : usage();
    }
    totals tot = {0};
    for (size_t i = 0; i < files.n; i++)
        if (run_file(files.v[i], stage, update, &tot) != 0)
            rc = 2;
    if (!update) {
        printf("1..%zu\n", tot.n);
        printf("# %zu passed, %zu failed\n", tot.passed, tot.failed);
        if (tot.failed && !rc && !tap)
            rc = 1;
    }
    sl_free(&files);
    return rc;
}
