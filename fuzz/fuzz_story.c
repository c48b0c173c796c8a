/*
 * fuzz_story.c - libFuzzer target over the whole public pipeline.
 *
 * Input layout (every byte string is a valid input):
 *   byte 0        option bits (see OPT_* below)
 *   byte 1        a parameter: day of the published date, allocation
 *                 budget, write budget, minimum confidence
 *   rest          chunks separated by 0x1E (record separator). When
 *                 OPT_LEXICON is set the first chunk is lexicon text given
 *                 to claims_story_add_lexicon(); every other chunk is an
 *                 article. A chunk that starts with 0x1F has a title: the
 *                 bytes up to the next 0x1F (a title with bad UTF-8 is a
 *                 caller error the API must refuse cleanly). After the
 *                 title, 0x1D id 0x1D gives the article that id instead
 *                 of a0, a1, ... A chunk that starts with 0x1C is no
 *                 article: 0x1C id 0x1C message goes to
 *                 claims_story_reject(), so hostile ids and messages
 *                 reach the rejected lists of every format.
 *
 * For each input: a story is built (optionally with an allocator that
 * fails after a budget of allocations counted from when the story exists,
 * so the failures land in adding, checking and reporting), the articles
 * are added, the story is checked, every claim and finding is read back,
 * and every report format is written to a discarding callback (optionally
 * one that fails after a budget of bytes). After CLAIMS_ERR_NOMEM from the
 * check the story must hold no claims and no findings. Every format must
 * be well formed whatever the input (checkers below): all of them valid
 * UTF-8 without NUL; JSON valid (a strict RFC 8259 parser); JUnit
 * well-formed XML 1.0 (a minimal checker); text, Markdown, TAP and HTML
 * without C0 controls but line breaks (and the text format's own ANSI
 * colour codes); no human-readable format with C1 controls, DEL,
 * bidirectional controls or noncharacters; TAP's plan matching its
 * tests. The JSON report is written twice and must be byte-identical.
 *
 * Built as a libFuzzer target with -Dfuzzing=true, and always linked into
 * fuzz/replay.c, which replays fuzz/corpus/ as an ordinary meson test.
 */
#include <claims.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

enum {
    OPT_FAIL_ON_MASK = 0x03, /* CLAIMS_OPT_FAIL_ON = bits % 3 */
    OPT_PUBLISHED = 0x04,    /* give every article a published date */
    OPT_MIN_CONF = 0x08,     /* CLAIMS_OPT_MIN_CONFIDENCE = param % 101 */
    OPT_LEXICON = 0x10,      /* the first chunk is lexicon text */
    OPT_DUP_IDS = 0x20,      /* ids repeat: a0 a0 a1 a1 ... */
    OPT_FAIL_WRITE = 0x40,   /* the write callback fails after param*16 bytes */
    OPT_FAIL_ALLOC = 0x80    /* the allocator fails after alloc_budget(param)
                                allocations made once the story exists */
};

#define CHUNK_SEP 0x1E
#define TITLE_MARK 0x1F
#define ID_MARK 0x1D
#define REJECT_MARK 0x1C
#define MAX_ARTICLES 64

/* ---------------------------------------------------------- allocator */

/* 0..8415 allocations: fine steps at first, then coarser, so that a
 * budget can reach into checking and reporting of a small story. */
static long long alloc_budget(unsigned param)
{
    return (long long)param * param / 8 + param;
}

typedef struct budget_alloc {
    long long left; /* allocations still allowed; < 0: unlimited */
    size_t live;    /* blocks handed out and not yet freed */
} budget_alloc;

static void *b_malloc(size_t n, void *ud)
{
    budget_alloc *b = ud;
    if (b->left == 0)
        return NULL;
    if (b->left > 0)
        b->left--;
    void *p = malloc(n ? n : 1);
    if (p)
        b->live++;
    return p;
}

static void *b_realloc(void *p, size_t n, void *ud)
{
    budget_alloc *b = ud;
    if (b->left == 0)
        return NULL;
    if (b->left > 0)
        b->left--;
    void *q = realloc(p, n ? n : 1);
    if (q && !p)
        b->live++;
    return q;
}

static void b_free(void *p, void *ud)
{
    budget_alloc *b = ud;
    if (!p) {
        /* claims.h promises free_fn never receives NULL. */
        abort();
    }
    b->live--;
    free(p);
}

/* ------------------------------------------------------------- writers */

typedef struct sink {
    long long left; /* bytes accepted before failing; < 0: unlimited */
    size_t total;
    uint32_t hash;
} sink;

static int sink_write(void *ud, const char *data, size_t len)
{
    sink *k = ud;
    if (len && !data)
        abort(); /* the library must never pass NULL with a length */
    for (size_t i = 0; i < len; i++)
        k->hash = (k->hash ^ (unsigned char)data[i]) * 16777619u;
    k->total += len;
    if (k->left >= 0) {
        if ((long long)len > k->left)
            return 1;
        k->left -= (long long)len;
    }
    return 0;
}

/* ------------------------------------------------------------- checks */

static int is_valid_status(claims_status st)
{
    return st >= CLAIMS_OK && st <= CLAIMS_ERR_INVALID_ID;
}

/* Reads back everything the API exposes and checks the invariants the
 * header promises; any violation aborts so libFuzzer records a crash. */
static void read_back(const claims_story *s)
{
    size_t na = claims_story_article_count(s);
    for (size_t i = 0; i < na; i++) {
        const char *id = claims_story_article_id(s, i);
        if (!id || !*id)
            abort();
        const char *pub = claims_story_article_published(s, i);
        if (pub && strlen(pub) != 10)
            abort();
        (void)claims_story_article_title(s, i);
        (void)claims_story_article_bytes(s, i);
    }
    if (claims_story_article_id(s, na) != NULL)
        abort();
    for (size_t i = 0; i < claims_story_rejected_count(s); i++) {
        if (!claims_story_rejected_id(s, i) || !claims_story_rejected_message(s, i))
            abort();
        if (!is_valid_status(claims_story_rejected_code(s, i)))
            abort();
        (void)claims_story_rejected_offset(s, i);
    }
    size_t nc = claims_story_claim_count(s);
    for (size_t i = 0; i < nc; i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (!c || !claims_claim_id(c) || !claims_claim_key(c))
            abort();
        size_t ai = claims_claim_article(c);
        if (ai >= na)
            abort();
        /* a claim of a title given apart counts its offsets into the title */
        const char *title = claims_story_article_title(s, ai);
        size_t bytes = claims_claim_within(c) == CLAIMS_WITHIN_TITLE
                           ? (title ? strlen(title) : 0)
                           : claims_story_article_bytes(s, ai);
        if (claims_claim_within(c) == CLAIMS_WITHIN_TITLE && !title)
            abort();
        size_t start, end, ss, se, len;
        claims_claim_span(c, &start, &end);
        claims_claim_sentence_span(c, &ss, &se);
        if (start > end || end > bytes || ss > se || se > bytes)
            abort();
        const char *t = claims_claim_text(c, &len);
        if (len != end - start || (len && !t))
            abort();
        /* Touch the bytes so ASan sees an out-of-bounds span. */
        volatile unsigned char sum = 0;
        for (size_t k = 0; k < len; k++)
            sum = (unsigned char)(sum + (unsigned char)t[k]);
        (void)sum;
        double v;
        (void)claims_claim_value(c, &v);
        (void)claims_claim_low(c, &v);
        (void)claims_claim_high(c, &v);
        const char *u = claims_claim_unit(c);
        const char *sv = claims_claim_string_value(c);
        const char *sp = claims_claim_speaker(c);
        if ((u && strlen(u) > (1u << 20)) || (sv && strlen(sv) > (1u << 30)) ||
            (sp && strlen(sp) > (1u << 30)))
            abort();
        if (strcmp(claims_kind_name(claims_claim_kind(c)), "unknown") == 0)
            abort();
    }
    if (claims_story_claim(s, nc) != NULL)
        abort();
    size_t nf = claims_story_finding_count(s);
    for (size_t i = 0; i < nf; i++) {
        const claims_finding *f = claims_story_finding(s, i);
        if (!f || !claims_finding_id(f) || !claims_finding_summary(f))
            abort();
        double conf = claims_finding_confidence(f);
        if (!(conf >= 0.0 && conf <= 1.0))
            abort();
        if (strcmp(claims_finding_type_name(claims_finding_type_of(f)), "unknown") == 0)
            abort();
        (void)claims_finding_key(f);
        for (size_t j = 0; j < claims_finding_claim_count(f); j++)
            if (claims_finding_claim(f, j) >= nc)
                abort();
    }
    if (claims_story_failure_count(s) > nf)
        abort();
}


/* ------------------------------------------------------ JSON validity */

/* A strict RFC 8259 checker for the JSON report: any byte sequence the
 * writer emits must parse, whatever the input was. */
typedef struct jcur {
    const unsigned char *p, *end;
    int depth;
} jcur;

static void j_ws(jcur *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

static int j_value(jcur *j);

static int j_lit(jcur *j, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
        return 0;
    j->p += n;
    return 1;
}

static int j_string(jcur *j)
{
    if (j->p >= j->end || *j->p != '"')
        return 0;
    j->p++;
    while (j->p < j->end) {
        unsigned c = *j->p++;
        if (c == '"')
            return 1;
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (j->p >= j->end)
                return 0;
            c = *j->p++;
            if (c == 'u') {
                for (int k = 0; k < 4; k++) {
                    if (j->p >= j->end)
                        return 0;
                    unsigned h = *j->p++;
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                          (h >= 'A' && h <= 'F')))
                        return 0;
                }
            } else if (!strchr("\"\\/bfnrt", (int)c) || c == 0) {
                return 0;
            }
        }
    }
    return 0;
}

static int j_digits(jcur *j)
{
    const unsigned char *s = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    return j->p > s;
}

static int j_number(jcur *j)
{
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p < j->end && *j->p == '0')
        j->p++;
    else if (!j_digits(j))
        return 0;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (!j_digits(j))
            return 0;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (!j_digits(j))
            return 0;
    }
    return 1;
}

static int j_value(jcur *j)
{
    j_ws(j);
    if (j->p >= j->end || ++j->depth > 64)
        return 0;
    int ok = 0;
    unsigned c = *j->p;
    if (c == '{' || c == '[') {
        unsigned close = c == '{' ? '}' : ']';
        j->p++;
        j_ws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            ok = 1;
        } else {
            for (;;) {
                if (c == '{') {
                    j_ws(j);
                    if (!j_string(j))
                        break;
                    j_ws(j);
                    if (j->p >= j->end || *j->p != ':')
                        break;
                    j->p++;
                }
                if (!j_value(j))
                    break;
                j_ws(j);
                if (j->p < j->end && *j->p == ',') {
                    j->p++;
                    continue;
                }
                if (j->p < j->end && *j->p == close) {
                    j->p++;
                    ok = 1;
                }
                break;
            }
        }
    } else if (c == '"') {
        ok = j_string(j);
    } else if (c == 't') {
        ok = j_lit(j, "true");
    } else if (c == 'f') {
        ok = j_lit(j, "false");
    } else if (c == 'n') {
        ok = j_lit(j, "null");
    } else {
        ok = j_number(j);
    }
    j->depth--;
    return ok;
}

typedef struct membuf {
    unsigned char *data;
    size_t len, cap;
} membuf;

static int mem_write(void *ud, const char *data, size_t len)
{
    membuf *m = ud;
    if (m->len + len > m->cap) {
        size_t cap = m->cap ? m->cap : 4096;
        while (cap < m->len + len)
            cap *= 2;
        unsigned char *d = realloc(m->data, cap);
        if (!d)
            abort();
        m->data = d;
        m->cap = cap;
    }
    if (len)
        memcpy(m->data + m->len, data, len);
    m->len += len;
    return 0;
}

/* ------------------------------------------------ other formats */

/* Decodes one UTF-8 character strictly (no overlong forms, surrogates or
 * values past U+10FFFF); returns its length, 0 when malformed. */
static size_t utf8_char(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
    unsigned c = p[0];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[k] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static int is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static int is_nonchar(uint32_t cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
}

static void bad_report(const char *fmt, const unsigned char *data, size_t at, const char *why)
{
    fprintf(stderr, "%s report: %s at byte %zu\n", fmt, why, at);
    (void)data;
    abort();
}

/* Valid UTF-8 without NUL; when human, no C0 control but '\n' (and '\t',
 * '\r' where allow_tab: XML and HTML keep them from the input; and ANSI "ESC [ digits ; m" where allow_ansi), no DEL,
 * C1 control, bidi control or noncharacter. */
static void check_chars(const char *fmt, const unsigned char *d, size_t n, int human,
                        int allow_tab, int allow_ansi)
{
    const unsigned char *end = d + n;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = utf8_char(d + i, end, &cp);
        if (!l)
            bad_report(fmt, d, i, "invalid UTF-8");
        if (cp == 0)
            bad_report(fmt, d, i, "NUL byte");
        if (human) {
            if (cp == 0x1B && allow_ansi) {
                size_t j = i + 1;
                if (j >= n || d[j] != '[')
                    bad_report(fmt, d, i, "ESC outside an ANSI colour code");
                j++;
                while (j < n && ((d[j] >= '0' && d[j] <= '9') || d[j] == ';'))
                    j++;
                if (j >= n || d[j] != 'm')
                    bad_report(fmt, d, i, "ESC outside an ANSI colour code");
                i = j + 1;
                continue;
            }
            if ((cp < 0x20 && cp != '\n' && !((cp == '\t' || cp == '\r') && allow_tab)) ||
                cp == 0x7F)
                bad_report(fmt, d, i, "control character");
            if (cp >= 0x80 && cp <= 0x9F)
                bad_report(fmt, d, i, "C1 control character");
            if (is_bidi_control(cp))
                bad_report(fmt, d, i, "bidirectional control character");
            if (is_nonchar(cp))
                bad_report(fmt, d, i, "noncharacter");
        }
        i += l;
    }
}

/* A minimal XML 1.0 well-formedness checker, enough for the JUnit
 * report: one root element, balanced tags, quoted attributes, known
 * entities, no '<' or '&' out of place (characters checked apart). */
static int x_name(const unsigned char **p, const unsigned char *end, const unsigned char **name,
                  size_t *len)
{
    const unsigned char *q = *p;
    if (q >= end || !((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || *q == '_' ||
                      *q == ':'))
        return 0;
    while (q < end && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
                       (*q >= '0' && *q <= '9') || *q == '_' || *q == ':' || *q == '-' ||
                       *q == '.'))
        q++;
    *name = *p;
    *len = (size_t)(q - *p);
    *p = q;
    return 1;
}

static int x_entity(const unsigned char **p, const unsigned char *end)
{
    static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (size_t k = 0; k < 5; k++) {
        size_t l = strlen(named[k]);
        if ((size_t)(end - *p) >= l && memcmp(*p, named[k], l) == 0) {
            *p += l;
            return 1;
        }
    }
    const unsigned char *q = *p + 1;
    if (q >= end || *q != '#')
        return 0;
    q++;
    int hexa = q < end && *q == 'x';
    q += hexa;
    uint32_t v = 0;
    const unsigned char *digits = q;
    while (q < end && q - digits < 8 &&
           ((*q >= '0' && *q <= '9') ||
            (hexa && ((*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F'))))) {
        unsigned dv = *q <= '9' ? *q - '0' : (*q | 0x20) - 'a' + 10;
        v = v * (hexa ? 16 : 10) + dv;
        q++;
    }
    if (q == digits || q >= end || *q != ';')
        return 0;
    if (!(v == 9 || v == 10 || v == 13 || (v >= 0x20 && v <= 0xD7FF) ||
          (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)))
        return 0;
    *p = q + 1;
    return 1;
}

static void check_xml(const unsigned char *d, size_t n)
{
    const unsigned char *p = d, *end = d + n;
    enum { MAXDEPTH = 32 };
    const unsigned char *stack[MAXDEPTH];
    size_t stlen[MAXDEPTH], depth = 0;
    int roots = 0;
    if (n < 5 || memcmp(d, "<?xml", 5) != 0)
        bad_report("junit", d, 0, "no XML declaration");
    while (p < end && !(p[0] == '?' && p + 1 < end && p[1] == '>'))
        p++;
    if (p >= end)
        bad_report("junit", d, 0, "unterminated XML declaration");
    p += 2;
    while (p < end) {
        if (*p == '<') {
            p++;
            const unsigned char *name;
            size_t len;
            if (p < end && *p == '/') {
                p++;
                if (!x_name(&p, end, &name, &len) || p >= end || *p != '>' || depth == 0 ||
                    stlen[depth - 1] != len || memcmp(stack[depth - 1], name, len) != 0)
                    bad_report("junit", d, (size_t)(p - d), "bad or unbalanced end tag");
                depth--;
                p++;
                continue;
            }
            if (!x_name(&p, end, &name, &len))
                bad_report("junit", d, (size_t)(p - d), "bad tag name");
            if (depth == 0 && roots++)
                bad_report("junit", d, (size_t)(p - d), "a second root element");
            for (;;) {
                const unsigned char *ws = p;
                while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
                    p++;
                if (p >= end)
                    bad_report("junit", d, n, "unterminated tag");
                if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
                    break;
                const unsigned char *an;
                size_t al;
                if (ws == p || !x_name(&p, end, &an, &al) || p + 1 >= end || p[0] != '=' ||
                    p[1] != '"')
                    bad_report("junit", d, (size_t)(p - d), "bad attribute");
                p += 2;
                while (p < end && *p != '"') {
                    if (*p == '<')
                        bad_report("junit", d, (size_t)(p - d), "'<' in an attribute");
                    if (*p == '&') {
                        if (!x_entity(&p, end))
                            bad_report("junit", d, (size_t)(p - d), "bad entity");
                    } else {
                        p++;
                    }
                }
                if (p >= end)
                    bad_report("junit", d, n, "unterminated attribute");
                p++;
            }
            if (*p == '/') {
                p += 2;
            } else {
                if (depth == MAXDEPTH)
                    bad_report("junit", d, (size_t)(p - d), "too deep");
                stack[depth] = name;
                stlen[depth++] = len;
                p++;
            }
        } else if (*p == '&') {
            if (depth == 0 || !x_entity(&p, end))
                bad_report("junit", d, (size_t)(p - d), "bad entity");
        } else {
            if (depth == 0 && !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
                bad_report("junit", d, (size_t)(p - d), "text outside the root");
            p++;
        }
    }
    if (depth != 0 || roots != 1)
        bad_report("junit", d, n, "unclosed element or no root");
}

/* TAP 13: "TAP version 13", a plan "1..N", then N test lines numbered
 * 1..N in order; YAML blocks indented between "  ---" and "  ...". */
static void check_tap(const unsigned char *d, size_t n, unsigned long want)
{
    const char *t = (const char *)d;
    if (n < 19 || memcmp(t, "TAP version 13\n1..", 18) != 0)
        bad_report("tap", d, 0, "no version and plan");
    unsigned long plan = strtoul(t + 18, NULL, 10), seen = 0;
    int in_yaml = 0;
    for (size_t i = 0; i < n;) {
        const char *line = t + i;
        const char *nl = memchr(line, '\n', n - i);
        if (!nl)
            bad_report("tap", d, i, "last line without a line break");
        size_t len = (size_t)(nl - line);
        if (in_yaml) {
            if (len == 5 && memcmp(line, "  ...", 5) == 0)
                in_yaml = 0;
            else if (len < 2 || memcmp(line, "  ", 2) != 0)
                bad_report("tap", d, i, "YAML line not indented");
        } else if (len == 5 && memcmp(line, "  ---", 5) == 0) {
            in_yaml = 1;
        } else if ((len > 3 && memcmp(line, "ok ", 3) == 0) ||
                   (len > 7 && memcmp(line, "not ok ", 7) == 0)) {
            unsigned long num = strtoul(line + (line[0] == 'o' ? 3 : 7), NULL, 10);
            if (num != ++seen)
                bad_report("tap", d, i, "tests out of order");
        } else if (i > 15) { /* past "TAP version 13\n" and the plan */
            bad_report("tap", d, i, "a line TAP does not know");
        }
        i += len + 1;
    }
    if (in_yaml || seen != plan)
        bad_report("tap", d, n, "plan and tests disagree, or an open YAML block");
    if (plan != want)
        bad_report("tap", d, n, "not one test per rejected input and shown finding");
}

/* Findings shown under a minimum confidence in percent (report.c's rule). */
static size_t shown_findings(const claims_story *s, int min_conf)
{
    size_t n = 0;
    for (size_t i = 0; i < claims_story_finding_count(s); i++)
        if (claims_finding_confidence(claims_story_finding(s, i)) * 100.0 + 1e-9 >= min_conf)
            n++;
    return n;
}

/* Writes the report in format f to memory and checks it is well formed.
 * min_conf: the story's CLAIMS_OPT_MIN_CONFIDENCE. */
static void check_report(const claims_story *s, claims_format f, int color, int min_conf)
{
    membuf m = {NULL, 0, 0};
    claims_status st = claims_story_write_report(s, f, mem_write, &m, NULL);
    if (st == CLAIMS_ERR_NOMEM) {
        free(m.data);
        return;
    }
    if (st != CLAIMS_OK)
        abort();
    const char *name = claims_format_name(f);
    switch (f) {
    case CLAIMS_FORMAT_JSON: {
        check_chars(name, m.data, m.len, 0, 0, 0);
        jcur j = {m.data, m.data + m.len, 0};
        if (!j_value(&j)) {
            fprintf(stderr, "invalid JSON report near byte %zu: %.60s\n",
                    (size_t)(j.p - m.data), (const char *)j.p);
            abort();
        }
        j_ws(&j);
        if (j.p != j.end)
            abort(); /* trailing bytes after the report */
        break;
    }
    case CLAIMS_FORMAT_JUNIT: {
        check_chars(name, m.data, m.len, 1, 1, 0);
        check_xml(m.data, m.len);
        /* every rejected input is an error */
        char want[64];
        snprintf(want, sizeof want, "errors=\"%zu\"", claims_story_rejected_count(s));
        m.data[m.len - 1] = 0; /* the final '\n' */
        if (!strstr((const char *)m.data, want))
            bad_report(name, m.data, 0, "errors= is not the number of rejected inputs");
        break;
    }
    case CLAIMS_FORMAT_TAP:
        check_chars(name, m.data, m.len, 1, 0, 0);
        check_tap(m.data, m.len, claims_story_rejected_count(s) + shown_findings(s, min_conf));
        break;
    case CLAIMS_FORMAT_TEXT:
        check_chars(name, m.data, m.len, 1, 0, color);
        break;
    case CLAIMS_FORMAT_HTML:
        check_chars(name, m.data, m.len, 1, 1, 0);
        break;
    default: /* Markdown */
        check_chars(name, m.data, m.len, 1, 0, 0);
        break;
    }
    free(m.data);
}

static void write_reports(const claims_story *s, long long write_budget, int color,
                          int min_conf)
{
    static const claims_format formats[] = {CLAIMS_FORMAT_TEXT,     CLAIMS_FORMAT_JSON,
                                            CLAIMS_FORMAT_MARKDOWN, CLAIMS_FORMAT_HTML,
                                            CLAIMS_FORMAT_TAP,      CLAIMS_FORMAT_JUNIT};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        sink k = {write_budget, 0, 2166136261u};
        claims_error err;
        claims_status st = claims_story_write_report(s, formats[i], sink_write, &k, &err);
        if (st != CLAIMS_OK && st != CLAIMS_ERR_IO && st != CLAIMS_ERR_NOMEM)
            abort();
        if (st == CLAIMS_ERR_IO && write_budget < 0)
            abort(); /* the sink never failed */
    }
    /* Determinism: the same story gives the same bytes. */
    sink a = {-1, 0, 2166136261u}, b = {-1, 0, 2166136261u};
    claims_status sa = claims_story_write_report(s, CLAIMS_FORMAT_JSON, sink_write, &a, NULL);
    claims_status sb = claims_story_write_report(s, CLAIMS_FORMAT_JSON, sink_write, &b, NULL);
    if (sa == CLAIMS_OK && sb == CLAIMS_OK && (a.total != b.total || a.hash != b.hash))
        abort();
#ifndef FUZZ_NO_FORMAT_CHECK /* only to explore past a known, unfixed bug */
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        check_report(s, formats[i], color, min_conf);
#endif
    /* The same report as one allocated buffer. */
    char *buf = NULL;
    size_t len = 0;
    claims_status sc = claims_story_report_alloc(s, CLAIMS_FORMAT_JSON, &buf, &len, NULL);
    if (sc == CLAIMS_OK) {
        sink c = {-1, 0, 2166136261u};
        sink_write(&c, buf, len);
        if (sa == CLAIMS_OK && (buf[len] != 0 || c.total != a.total || c.hash != a.hash))
            abort();
    } else if (sc != CLAIMS_ERR_NOMEM || buf != NULL) {
        abort();
    }
    claims_report_free(buf);
    /* A bad format is refused, not crashed on. */
    if (claims_story_write_report(s, (claims_format)99, sink_write, &a, NULL) == CLAIMS_OK)
        abort();
}

/* ------------------------------------------------------------- driver */

static char *dup_bytes(const uint8_t *p, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        abort();
    if (n)
        memcpy(d, p, n);
    d[n] = 0;
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const unsigned opts = data[0], param = data[1];
    data += 2;
    size -= 2;

    budget_alloc ba = {-1, 0};
    claims_allocator alloc = {b_malloc, b_realloc, b_free, &ba};
    claims_story *s = NULL;
    claims_status st = claims_story_new(&alloc, &s);
    if (st != CLAIMS_OK)
        abort(); /* nothing fails yet (test_api tries every failure of creation) */
    if (opts & OPT_FAIL_ALLOC)
        ba.left = alloc_budget(param);
    (void)claims_story_set_option(s, CLAIMS_OPT_FAIL_ON, (int)(opts & OPT_FAIL_ON_MASK) % 3);
    int min_conf = (opts & OPT_MIN_CONF) ? (int)(param % 101) : 0;
    (void)claims_story_set_option(s, CLAIMS_OPT_MIN_CONFIDENCE, min_conf);
    (void)claims_story_set_option(s, CLAIMS_OPT_COLOR, (int)(param & 1));

    char published[16];
    snprintf(published, sizeof published, "2011-03-%02u", 1 + param % 31);

    size_t pos = 0, chunk = 0, narticles = 0;
    int nomem = 0;
    while (pos <= size && narticles < MAX_ARTICLES && !nomem) {
        size_t end = pos;
        while (end < size && data[end] != CHUNK_SEP)
            end++;
        const uint8_t *p = data + pos;
        size_t n = end - pos;
        if (chunk == 0 && (opts & OPT_LEXICON)) {
            claims_error err;
            st = claims_story_add_lexicon(s, (const char *)p, n, &err);
            if (st == CLAIMS_ERR_NOMEM)
                nomem = 1;
            else if (st != CLAIMS_OK && st != CLAIMS_ERR_LEXICON)
                abort();
            if (st == CLAIMS_ERR_LEXICON && (!err.has_offset || err.offset > n))
                abort();
        } else if (n && p[0] == REJECT_MARK) {
            size_t t = 1;
            while (t < n && p[t] != REJECT_MARK)
                t++;
            char *rid = dup_bytes(p + 1, t - 1);
            char *msg = dup_bytes(p + (t < n ? t + 1 : t), t < n ? n - t - 1 : 0);
            st = claims_story_reject(s, rid, CLAIMS_ERR_IO, msg, (long long)param - 128);
            free(rid);
            free(msg);
            if (st == CLAIMS_ERR_NOMEM)
                nomem = 1;
            else if (st != CLAIMS_OK && st != CLAIMS_ERR_INVALID_ARGUMENT)
                abort();
        } else {
            char *title = NULL;
            if (n && p[0] == TITLE_MARK) {
                size_t t = 1;
                while (t < n && p[t] != TITLE_MARK)
                    t++;
                title = dup_bytes(p + 1, t - 1);
                if (memchr(title, 0, t - 1)) {
                    free(title);
                    title = NULL;
                }
                if (t < n)
                    t++;
                p += t;
                n -= t;
            }
            char idbuf[32];
            snprintf(idbuf, sizeof idbuf, "a%zu",
                     (opts & OPT_DUP_IDS) ? narticles / 2 : narticles);
            char *own_id = NULL;
            if (n && p[0] == ID_MARK) {
                size_t t = 1;
                while (t < n && p[t] != ID_MARK)
                    t++;
                own_id = dup_bytes(p + 1, t - 1); /* cut at a NUL, like a C caller */
                if (t < n)
                    t++;
                p += t;
                n -= t;
            }
            const char *id = own_id ? own_id : idbuf;
            /* A copy of exactly n bytes: ASan catches any read past it. */
            char *text = malloc(n ? n : 1);
            if (!text)
                abort();
            if (n)
                memcpy(text, p, n);
            claims_error err;
            memset(&err, 0, sizeof err);
            if (!title && narticles % 2 == 1) {
                /* Every other untitled chunk as a plain-text file, with the
                 * CLI's rules (title line, BOM); "dir/a1.txt" gives id a1. */
                char name[48];
                snprintf(name, sizeof name, "dir/%s.txt", id);
                st = claims_story_add_file(s, name, text, n, &err);
            } else {
                st = claims_story_add_article(s, id, title,
                                              (opts & OPT_PUBLISHED) ? published : NULL, text,
                                              n, &err);
            }
            free(text);
            free(title);
            free(own_id);
            if (st == CLAIMS_ERR_NOMEM)
                nomem = 1;
            else if (!is_valid_status(st))
                abort();
            if ((st == CLAIMS_ERR_INVALID_UTF8 || st == CLAIMS_ERR_NUL_BYTE) &&
                (!err.has_offset || err.offset >= n))
                abort();
            narticles++;
        }
        chunk++;
        pos = end + 1;
    }

    if (!nomem) {
        claims_error err;
        st = claims_story_check(s, &err);
        if (st == CLAIMS_OK) {
            read_back(s);
            write_reports(s, (opts & OPT_FAIL_WRITE) ? (long long)param * 16 : -1,
                          (int)(param & 1), min_conf);
            /* A second check is refused. */
            if (claims_story_check(s, NULL) != CLAIMS_ERR_STATE)
                abort();
        } else if (st == CLAIMS_ERR_NOMEM) {
            /* claims.h: the story is then left without claims */
            if (claims_story_claim_count(s) != 0 || claims_story_finding_count(s) != 0 ||
                claims_story_claim(s, 0) != NULL || claims_story_finding(s, 0) != NULL ||
                claims_story_failure_count(s) != 0)
                abort();
            read_back(s);
            write_reports(s, -1, (int)(param & 1), min_conf);
        } else {
            abort();
        }
    }
    claims_story_free(s);
    if (ba.live != 0)
        abort(); /* the story leaked blocks through its allocator */
    return 0;
}
