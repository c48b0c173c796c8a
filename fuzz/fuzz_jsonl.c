/*
 * fuzz_jsonl.c - libFuzzer target over the CLI's JSON readers
 * (tools/cli_input.c: add_jsonl, add_json_file, add_json_object), the code
 * that turns a JSON Lines feed or a *.json file into articles.
 *
 * Input layout (every byte string is a valid input):
 *   byte 0   bit 0 clear: the rest is a JSON Lines feed (add_jsonl, as for
 *            *.jsonl and stdin); set: a *.json file (add_json_file: one
 *            object, an array of them, or JSON Lines)
 *   rest     the bytes of the input, as read from the file
 *
 * For each input the readers fill a story exactly as `claims check` does;
 * then the story is checked and its JSON report written. Checked, with
 * abort() on a failure:
 *  - nothing vanishes: in JSON Lines mode every line that is not blank
 *    gives exactly one article or one rejected input;
 *  - a rejected input's offset is -1 or a byte offset inside the input;
 *  - every claim's span and sentence span lie inside the string they count
 *    into (the text, or the title for claims_claim_within() ==
 *    CLAIMS_WITHIN_TITLE, which needs a title), and claims_claim_text()
 *    points at those bytes;
 *  - the JSON report parses (jansson), lists every article, rejected input
 *    and claim, and says "within": "title" exactly for title claims;
 *  - the JSON Lines readers agree: every line that a fast reader takes
 *    (jsonl_read_fast: the flat reader, then yajl; and yajl alone, with
 *    the flat reader off) jansson reads as an object with the same "id",
 *    "title", "published", "text" and "story" (kind and bytes), all but
 *    the text NUL-terminated.
 * The reader's messages go to stderr: fuzz/run.sh passes -close_fd_mask=2.
 *
 * Built as a libFuzzer target with -Dfuzzing=true, and always linked into
 * fuzz/replay.c as fuzz_jsonl_replay, which replays fuzz/corpus_jsonl/ as an
 * ordinary meson test (when jansson is found).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

/* JSON Lines mode: the lines add_jsonl reads (not blank after a BOM). */
static size_t nonblank_lines(const char *d, size_t n)
{
    size_t pos = n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0 ? 3 : 0, lines = 0;
    while (pos < n) {
        size_t eol = pos;
        while (eol < n && d[eol] != '\n')
            eol++;
        size_t k = pos;
        while (k < eol && (d[k] == ' ' || d[k] == '\t' || d[k] == '\r'))
            k++;
        lines += k < eol;
        pos = eol + 1;
    }
    return lines;
}

static int same_member(const member *a, const member *b)
{
    return a->kind == b->kind && a->len == b->len && a->i == b->i &&
           (a->kind != MEMBER_STRING || memcmp(a->s, b->s, a->len) == 0);
}

static int c_string(const member *m)
{
    return m->kind != MEMBER_STRING || m->s[m->len] == 0;
}

/* Each line that a fast reader takes, jansson must read alike; with
 * yajl_only set, yajl is the fast reader that reads it. */
static void check_readers_agree(const char *d, size_t n, int yajl_only)
{
    size_t pos = n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    jsonl_fast f;
    memset(&f, 0, sizeof f);
    f.yajl_only = yajl_only;
    while (pos < n) {
        const char *nl = memchr(d + pos, '\n', n - pos);
        size_t eol = nl ? (size_t)(nl - d) : n, k = pos;
        while (k < eol && (d[k] == ' ' || d[k] == '\t' || d[k] == '\r'))
            k++;
        article_members fast, slow;
        if (k < eol && jsonl_read_fast(&f, d + k, eol - k, &fast)) {
            json_error_t jerr;
            json_t *obj = json_loadb(d + pos, eol - pos, JSON_ALLOW_NUL, &jerr);
            check(json_is_object(obj));
            jsonl_members_of_jansson(obj, &slow);
            /* add_article takes the id, title and date as C strings */
            check(c_string(&fast.id) && c_string(&fast.title) && c_string(&fast.published) &&
                  c_string(&fast.story));
            check(same_member(&fast.id, &slow.id) && same_member(&fast.title, &slow.title) &&
                  same_member(&fast.published, &slow.published) &&
                  same_member(&fast.text, &slow.text) && same_member(&fast.story, &slow.story));
            json_decref(obj);
        }
        pos = eol + 1;
    }
    jsonl_fast_free(&f);
}

static void check_claims(const claims_story *s)
{
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        size_t ai = claims_claim_article(c);
        const char *title = claims_story_article_title(s, ai);
        size_t limit = claims_story_article_bytes(s, ai);
        if (claims_claim_within(c) == CLAIMS_WITHIN_TITLE) {
            check(title != NULL);
            limit = strlen(title);
        }
        size_t start, end, ss, se, len;
        claims_claim_span(c, &start, &end);
        claims_claim_sentence_span(c, &ss, &se);
        check(ss <= start && start <= end && end <= se && se <= limit);
        const char *t = claims_claim_text(c, &len);
        check(t != NULL && len == end - start);
        if (claims_claim_within(c) == CLAIMS_WITHIN_TITLE)
            check(t == title + start);
    }
}

static int to_buffer(void *ud, const char *data, size_t len)
{
    sb_add(ud, data, len);
    return 0;
}

static void check_report(const claims_story *s)
{
    sbuf out = {NULL, 0, 0};
    check(claims_story_write_report(s, CLAIMS_FORMAT_JSON, to_buffer, &out, NULL) == CLAIMS_OK);
    json_error_t jerr;
    json_t *r = json_loadb(out.p, out.n, 0, &jerr);
    check(r != NULL);
    json_t *claims = json_object_get(r, "claims");
    check(json_array_size(json_object_get(r, "articles")) == claims_story_article_count(s));
    check(json_array_size(json_object_get(r, "rejected")) == claims_story_rejected_count(s));
    check(json_array_size(claims) == claims_story_claim_count(s));
    for (size_t i = 0; i < json_array_size(claims); i++) {
        json_t *w = json_object_get(json_array_get(claims, i), "within");
        int in_title = claims_claim_within(claims_story_claim(s, i)) == CLAIMS_WITHIN_TITLE;
        check(in_title ? json_is_string(w) && strcmp(json_string_value(w), "title") == 0
                       : w == NULL);
    }
    json_decref(r);
    free(out.p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int json_file = data[0] & 1;
    quiet = 1;
    /* An exact copy: the readers get the bytes as read_file gives them. */
    buffer b = {xmalloc(size), size - 1};
    memcpy(b.data, data + 1, size - 1);
    cli c;
    memset(&c, 0, sizeof c);
    check(claims_story_new(NULL, &c.story) == CLAIMS_OK);
    if (json_file)
        add_json_file(&c, "feed", "feed.json", &b);
    else
        add_jsonl(&c, "feed", "feed.jsonl", &b);
    size_t narts = claims_story_article_count(c.story);
    size_t nrej = claims_story_rejected_count(c.story);
    if (!json_file)
        check(narts + nrej == nonblank_lines(b.data, b.len));
    check_readers_agree(b.data, b.len, 0);
    check_readers_agree(b.data, b.len, 1);
    for (size_t i = 0; i < nrej; i++) {
        long long off = claims_story_rejected_offset(c.story, i);
        check(off >= -1 && off <= (long long)b.len);
    }
    check(claims_story_check(c.story, NULL) == CLAIMS_OK);
    check_claims(c.story);
    check_report(c.story);
    cli_free(&c);
    free(b.data);
    return 0;
}
