/* cli_lexicon.c - the claims tool's lexicons: files given with --lexicon,
 * listed in $CLAIMS_LEXICON or in the config file, and `claims lexicon`. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
int lex_apply(const lexicons *l, claims_story *story)
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

void lex_free(lexicons *l)
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

int gather_lexicons(const opts *o, lexicons *l)
{
    if (!o->no_config && lex_configured(l) != 0)
        return -1;
    for (size_t i = 0; i < o->nlex; i++)
        lex_add(l, o->lex[i], strlen(o->lex[i]), "--lexicon");
    return lex_read(l);
}

/* claims lexicon --list | --files | --check FILE... */
int run_lexicon(const opts *o)
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
