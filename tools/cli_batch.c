/* cli_batch.c - `claims batch`: many stories, each checked on its own by a
 * pool of threads (the library has no global state; each story is its own
 * claims_story), one report per story and a summary. */
#define _GNU_SOURCE /* sched_getaffinity, where there is one; else POSIX */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* One line of a stories JSON Lines file: where it is in the feed (read
 * again by its story's worker: a parsed tree per line, kept until the
 * worker ran, was most of a big feed's memory). */
typedef struct jline {
    size_t start, k, eol; /* the line [start, eol), its first non-blank byte at k */
    size_t line;
} jline;

typedef struct job {
    char *name;   /* the story: its folder's name or its "story" value */
    char *dir;    /* a story folder, or NULL */
    jline *lines; /* its JSON lines, or NULL */
    size_t nlines, cap;
    /* results */
    char *report; /* file name in the output folder */
    size_t articles, rejected, claims, failing, findings[FINDING_TYPES];
    int rc;
} job;

typedef struct batch {
    const opts *o;
    const lexicons *lx;
    const char *input; /* the JSON Lines file's path, for fallback ids */
    buffer feed;       /* the JSON Lines file's bytes, shared by the workers */
    char *stem;
    job *jobs;
    size_t njobs, cap;
    size_t next, done, failing;
    size_t skipped_stories; /* a second story of one name */
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
        jsonl_fast f;
        memset(&f, 0, sizeof f);
        for (size_t i = 0; i < j->nlines; i++) {
            const jline *l = &j->lines[i];
            sbuf fallback = {NULL, 0, 0}, source = {NULL, 0, 0};
            sb_printf(&fallback, "%s:%zu", bt->stem, l->line);
            sb_printf(&source, "%s:%zu", bt->input, l->line);
            add_jsonl_line(&c, &f, &bt->feed, l->start, l->k, l->eol, fallback.p, source.p,
                           l->line);
            free(fallback.p);
            free(source.p);
        }
        jsonl_fast_free(&f);
    }
    claims_error err;
    if (claims_story_check(c.story, &err) != CLAIMS_OK) {
        report_error("check", &err);
        goto done;
    }
    claims_story_set_option(c.story, CLAIMS_OPT_FAIL_ON, o->fail_on);
    claims_story_set_option(c.story, CLAIMS_OPT_MIN_CONFIDENCE, o->show_conf);
    claims_story_set_option(c.story, CLAIMS_OPT_FAIL_CONFIDENCE, o->fail_conf);
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
        j->rc = report_code(&c, 1);
        j->articles = claims_story_article_count(c.story);
        j->rejected = claims_story_rejected_count(c.story);
        j->claims = claims_story_claim_count(c.story);
        j->failing = claims_story_failure_count(c.story);
        for (size_t i = 0; i < claims_story_finding_count(c.story); i++) {
            const claims_finding *f = claims_story_finding(c.story, i);
            /* as the reports count: at or above --show-confidence */
            if (claims_finding_confidence(f) * 100.0 + 1e-9 >= (double)o->show_conf) {
                unsigned t = (unsigned)claims_finding_type_of(f);
                if (t < FINDING_TYPES)
                    j->findings[t]++;
            }
        }
    }
    free(path);
done:
    cli_free(&c);
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

/* Stories in a directory, in name order: each folder is a story, and so is
 * each JSON Lines file (a story per file, named by its stem). */
static int plan_folders(batch *bt, const char *path)
{
    size_t n = 0;
    char **names = list_dir(path, &n);
    if (!names) {
        say("cannot read the folder %s: %s", path, strerror(errno));
        return -1;
    }
    strmap seen = {NULL, NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        char *full = join_path(path, names[i]);
        struct stat st;
        int ok = names[i][0] != '.' && stat(full, &st) == 0;
        int dir = ok && S_ISDIR(st.st_mode);
        int lines = ok && S_ISREG(st.st_mode) && is_jsonl_path(names[i]);
        char *story = lines ? file_id(names[i]) : xstrdup(names[i]);
        if (names[i][0] == '.') {
            note("skipped %s: a hidden file or folder", full);
        } else if (!dir && !lines) {
            note("skipped %s: neither a story folder nor a .jsonl or .ndjson file", full);
        } else if (!story || strmap_find(&seen, story)) {
            say("skipped %s: the story %s is already read from %s", full, story ? story : "",
                story ? (const char *)*strmap_find(&seen, story) : "");
            bt->skipped_stories++;
        } else {
            strmap_put_new(&seen, story, full);
            new_job(bt, story)->dir = xstrdup(full);
            full = NULL; /* owned by `seen` until the end */
        }
        free(story);
        free(full);
    }
    strmap_free(&seen, free);
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
    bt->feed = b;
    jsonl_fast f;
    memset(&f, 0, sizeof f);
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
        /* the line's "story", by the reader that add_jsonl_line will use */
        article_members a;
        json_error_t jerr;
        json_t *obj = NULL;
        int fast = jsonl_read_fast(&f, b.data + k, eol - k, &a);
        if (!fast) {
            obj = json_loadb(b.data + start, eol - start, JSON_ALLOW_NUL, &jerr);
            if (json_is_object(obj))
                jsonl_members_of_jansson(obj, &a);
        }
        const member *js = fast || json_is_object(obj) ? &a.story : NULL;
        char num[64];
        const char *story = NULL;
        if (js && js->kind == MEMBER_STRING && strlen(js->s) == js->len && js->len > 0)
            story = js->s;
        else if (js && js->kind == MEMBER_INTEGER)
            snprintf(num, sizeof num, "%lld", js->i), story = num;
        if (!story) {
            say("%s:%zu: %s", bt->input, line,
                !js && !obj                 ? jerr.text
                : !js                       ? "not a JSON object"
                : js->kind == MEMBER_ABSENT ? "no \"story\" field"
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
        const jline l = {start, k, eol, line};
        j->lines[j->nlines++] = l;
        json_decref(obj); /* story's bytes were copied into index and job */
    }
    strmap_free(&index, NULL);
    jsonl_fast_free(&f);
    return 0;
}

/* A story name as a JSON string: a folder name that is not UTF-8 is
 * written with its bad bytes as \xNN. */
static json_t *name_json(const char *name)
{
    json_t *j = json_string(name);
    if (!j) {
        sbuf b = {NULL, 0, 0};
        sb_escaped(&b, name, strlen(name), 0);
        j = json_string(b.p);
        free(b.p);
    }
    return j;
}

static json_t *findings_json(const size_t f[FINDING_TYPES])
{
    json_t *o = json_object();
    for (int t = 0; t < FINDING_TYPES; t++)
        json_object_set_new(o, claims_finding_type_name((claims_finding_type)t),
                            json_integer((json_int_t)f[t]));
    return o;
}

/* The summary: _summary.json in the output folder and a few lines on
 * stdout. Returns -1 when it cannot be written. */
static int write_summary(const batch *bt, size_t unassigned, int rc)
{
    size_t articles = 0, rejected = 0, claims = 0, findings[FINDING_TYPES] = {0};
    json_t *failing = json_array(), *with_rejected = json_array(), *failed = json_array();
    json_t *stories = json_array();
    for (size_t i = 0; i < bt->njobs; i++) {
        const job *j = &bt->jobs[i];
        articles += j->articles;
        rejected += j->rejected;
        claims += j->claims;
        for (int t = 0; t < FINDING_TYPES; t++)
            findings[t] += j->findings[t];
        if (j->rc == EXIT_NO_REPORT)
            json_array_append_new(failed, name_json(j->name));
        if (j->rc != EXIT_NO_REPORT && (j->rc & EXIT_FINDINGS))
            json_array_append_new(failing, name_json(j->name));
        if (j->rc != EXIT_NO_REPORT && (j->rc & EXIT_REJECTED))
            json_array_append_new(with_rejected, name_json(j->name));
        json_t *s = json_object();
        json_object_set_new(s, "story", name_json(j->name));
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
    json_object_set_new(sum, "skipped_stories", json_integer((json_int_t)bt->skipped_stories));
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
    printf("findings: %zu agreement, %zu contradiction, %zu variant, %zu compatible, %zu update\n",
           findings[0], findings[1], findings[2], findings[3], findings[4]);
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
    if (bt->skipped_stories)
        printf("stories skipped (a name read twice): %zu\n", bt->skipped_stories);
    sbuf b = {NULL, 0, 0};
    sb_escaped(&b, path, strlen(path), 1);
    printf("summary: %s\n", b.p);
    free(b.p);
    free(path);
    json_decref(sum);
    return ok ? 0 : -1;
}

/* The processors this process may run on, as nproc(1) counts them. */
static int online_cores(void)
{
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set) > 1024 ? 1024 : CPU_COUNT(&set);
#endif
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

/* claims batch. */
int run_batch(const opts *o)
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
    rc = unassigned || bt.skipped_stories ? EXIT_REJECTED : EXIT_OK;
    for (size_t i = 0; i < bt.njobs; i++)
        rc |= bt.jobs[i].rc;
    if (rc & EXIT_NO_REPORT)
        rc = EXIT_NO_REPORT;
    if (write_summary(&bt, unassigned, rc) != 0)
        rc = EXIT_NO_REPORT;
done:
    for (size_t i = 0; i < bt.njobs; i++) {
        job *j = &bt.jobs[i];
        free(j->lines);
        free(j->name);
        free(j->dir);
        free(j->report);
    }
    free(bt.jobs);
    free(bt.stem);
    free(bt.feed.data);
    claims_story_free(probe);
    lex_free(&lx);
    return rc;
}
