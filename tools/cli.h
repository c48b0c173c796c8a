/* cli.h - what the files of the claims tool share (private to tools/).
 * claims.c: files, folders, stdin, check, extract, options, main;
 * cli_input.c: ids, rejections, text and JSON articles; cli_util.c: strings,
 * escaping, messages, a string map; cli_lexicon.c: lexicon files, the
 * config, `claims lexicon`; cli_batch.c: `claims batch`. */
#ifndef CLAIMS_CLI_H
#define CLAIMS_CLI_H

#include <claims.h>

#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cli_alloc.h"

/* Exit codes, documented in --help, claims(1) and the README; stable. The
 * report's two conditions are bits, so a pipeline can test them apart. */
enum {
    EXIT_OK = 0,        /* report written, nothing fails, nothing rejected */
    EXIT_FINDINGS = 1,  /* report written, a finding fails (--fail-on) */
    EXIT_NO_REPORT = 2, /* usage error or no report written */
    EXIT_REJECTED = 4   /* report written, an input was rejected */
};

/* ---- cli_util.c */

/* Allocation that ends the program (exit 2) when memory runs out; xcheck
 * ends it when p, an allocation's result, is NULL, else returns p. */
void *xcheck(void *p);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
char *xstrdup(const char *s);

/* A growable string; {NULL, 0, 0} is empty, p is NUL-terminated once
 * something was added; the owner frees p. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

/* Makes room for n more bytes and a NUL (sb_add's slow path). */
void sb_grow(sbuf *b, size_t n);
/* Copies s[0..n) to d, which has room for it, and returns d + n: most
 * fields are short, and take two overlapping fixed-size copies instead of
 * a call to memcpy (s is not read past its end). */
static inline char *cli_put_bytes(char *d, const char *s, size_t n)
{
    if (n >= 8 && n <= 16) {
        memcpy(d, s, 8);
        memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        memcpy(d, s, 4);
        memcpy(d + n - 4, s + n - 4, 4);
    } else if (n && n < 4) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    } else if (n) {
        memcpy(d, s, n);
    }
    return d + n;
}

/* Appends s[0..n), NUL-terminated; inline, as a report's every field
 * goes through it. */
static inline void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap)
        sb_grow(b, n);
    cli_put_bytes(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
void sb_str(sbuf *b, const char *s);
/* "00".."99": two decimal digits a division */
extern const char sb_digit_pairs[201];
/* sb_uint for any u (its slow path). */
void sb_uint_any(sbuf *b, unsigned long long u);
/* Appends u's decimal digits (what "%llu" prints, without printf); inline
 * for an offset below 10000, a listing's every claim has two. */
static inline void sb_uint(sbuf *b, unsigned long long u)
{
    if (u >= 10000 || b->n + 5 > b->cap) {
        sb_uint_any(b, u);
        return;
    }
    char *d = b->p + b->n;
    unsigned v = (unsigned)u;
    if (v < 10) {
        d[0] = (char)('0' + v);
        b->n += 1;
    } else if (v < 100) {
        memcpy(d, sb_digit_pairs + v * 2, 2);
        b->n += 2;
    } else if (v < 1000) {
        d[0] = (char)('0' + v / 100);
        memcpy(d + 1, sb_digit_pairs + v % 100 * 2, 2);
        b->n += 3;
    } else {
        memcpy(d, sb_digit_pairs + v / 100 * 2, 2);
        memcpy(d + 2, sb_digit_pairs + v % 100 * 2, 2);
        b->n += 4;
    }
    b->p[b->n] = 0;
}
void sb_printf(sbuf *b, const char *fmt, ...);
/* sb_printf with a va_list; `ap` is used once (va_copy'd inside). */
void sb_vprintf(sbuf *b, const char *fmt, va_list ap);
/* Length of the valid UTF-8 sequence at s (0 when there is none). */
size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);
/* The bytes among 16 from s that are not printable ASCII other than a
 * backslash (a control byte, DEL, a backslash, a byte beyond ASCII), bit i
 * for s[i]: the scans of strings (escaping for the terminal, the JSON
 * Lines check) go 16 bytes at a time to the next byte that needs a look.
 * Inline, as it runs per 16 bytes of every text. */
static inline unsigned special16(const unsigned char *s)
{
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    /* plus 1, DEL and the bytes beyond ASCII are below 0 signed (0xFF
       wraps to 0) and the control bytes below 0x21: one compare takes
       them all; a backslash is then 0x5D */
    __m128i x = _mm_add_epi8(v, _mm_set1_epi8(1));
    __m128i m = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x21)),
                             _mm_cmpeq_epi8(x, _mm_set1_epi8(0x5D)));
    return (unsigned)_mm_movemask_epi8(m);
#else
    unsigned m = 0;
    for (int i = 0; i < 16; i++)
        m |= (unsigned)(s[i] < 0x20 || s[i] >= 0x7F || s[i] == '\\') << i;
    return m;
#endif
}
/* The index of the first special byte of s[i..n) (special16), or n. */
static inline size_t special_next(const unsigned char *s, size_t i, size_t n)
{
    for (; n - i >= 16; i += 16) {
        unsigned m = special16(s + i);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    if (i == n)
        return n;
    unsigned m;
    if (n >= 16) {
        /* the last 16 bytes, those before i (checked) shifted out */
        m = special16(s + n - 16) >> (16 - (n - i));
    } else {
        /* fewer than 16 bytes in all: a copy padded with plain bytes, in
         * two overlapping fixed-size copies (no call to memcpy) */
        unsigned char pad[16];
        size_t k = n - i;
        memset(pad, 'a', sizeof pad);
        if (k >= 8) {
            memcpy(pad, s + i, 8);
            memcpy(pad + k - 8, s + n - 8, 8);
        } else if (k >= 4) {
            memcpy(pad, s + i, 4);
            memcpy(pad + k - 4, s + n - 4, 4);
        } else {
            pad[0] = s[i];
            pad[k / 2] = s[i + k / 2];
            pad[k - 1] = s[n - 1];
        }
        m = special16(pad);
    }
    return m ? i + (size_t)__builtin_ctz(m) : n;
}
/* Controls, DEL, C1 and bidirectional overrides: never to a terminal. */
int unsafe_cp(uint32_t cp);
/* sb_escaped from s[i], its first special byte (s[0..i) is plain). */
void sb_escaped_from(sbuf *b, const char *s, size_t n, int backslash, size_t i);
/* Appends s[0..n) with unsafe characters escaped (\n, \xNN, \u{XXXX});
 * with `backslash`, "\" is doubled too. Inline: most fields and claims'
 * texts have no byte to look at, and are copied outright. */
static inline void sb_escaped(sbuf *b, const char *s, size_t n, int backslash)
{
    size_t i = special_next((const unsigned char *)s, 0, n);
    if (i == n)
        sb_add(b, s, n);
    else
        sb_escaped_from(b, s, n, backslash, i);
}

/* --quiet */
extern int quiet;
/* "STORY: " while a batch worker reads a story; per thread. */
extern _Thread_local const char *story_prefix;
/* "claims: " + the message, escaped, + "\n" on stderr. */
void vsay(const char *fmt, va_list ap);
void say(const char *fmt, ...);
/* The same, unless --quiet. */
void note(const char *fmt, ...);

/* A string map (open addressing) from a key (copied) to a value the caller
 * owns. Each slot keeps its key's hash (after the keys, in their block): a
 * probe passes a key of another hash without a compare, and the map grows
 * without hashing its keys again. */
typedef struct strmap {
    char **keys;
    void **vals;
    size_t nslots, n;
} strmap;

void **strmap_find(const strmap *m, const char *key);
/* strmap_find of key, a string of n bytes. */
void **strmap_find_n(const strmap *m, const char *key, size_t n);
/* Adds a key known to be absent. */
void strmap_put_new(strmap *m, const char *key, void *val);
void strmap_free(strmap *m, void (*free_val)(void *));
/* Adds a key of n bytes known to be absent, as given (not copied): the
 * caller keeps it alive, and frees the map with strmap_free_borrowed(). */
void strmap_put_borrowed(strmap *m, const char *key, size_t n, void *val);
/* Frees a map whose keys were all put with strmap_put_borrowed(). */
void strmap_free_borrowed(strmap *m, void (*free_val)(void *));

/* Strings copied into chunks that are freed at once; {NULL, 0} is empty. */
typedef struct strpool {
    char *chunk; /* the newest chunk; each begins with a link to the one before */
    size_t left;
} strpool;
/* A copy of s, a string of n bytes, in p. */
char *strpool_dup(strpool *p, const char *s, size_t n);
void strpool_free(strpool *p);

/* ---- claims.c: inputs */

typedef struct buffer {
    char *data;
    size_t len;
} buffer;

int read_stream(FILE *fp, buffer *out);
int read_file(const char *path, buffer *out);
/* read_file, but a regular file that is not empty is mapped read-only
 * instead (*mapped set to 1); a file mmap refuses is read (*mapped 0).
 * Release the bytes with buffer_release(). */
int map_file(const char *path, buffer *out, int *mapped);
/* Unmaps (`mapped`) or frees b's bytes and empties b. */
void buffer_release(buffer *b, int mapped);

/* Bytes of a plain-text article that the story borrows. */
typedef struct lent_bytes {
    buffer b;
    int mapped;
} lent_bytes;
char *file_id(const char *path);
int has_ext(const char *path, const char *ext);
int is_jsonl_path(const char *path);
char *join_path(const char *dir, const char *name);
char **list_dir(const char *path, size_t *count);
void free_names(char **names, size_t n);

/* The texts of JSON Lines articles that the story borrows
 * (CLAIMS_OPT_BORROW_TEXT): the flat reader decodes a text straight into
 * the current chunk's free bytes, and add_article keeps them (used grows)
 * only when the story borrowed them; else the next text takes their
 * place. A text is decoded once, not decoded and then copied by the
 * library. Chunks are freed by cli_free() after the story. */
typedef struct text_pool {
    cli_heap *heap; /* the chunks' (cli_text_chunk); NULL: malloc's */
    char **chunks;
    size_t nchunks, cap_chunks;
    char *cur; /* the last chunk: cur[0, used) lent, cur[used, cap) free */
    size_t used, cap;
} text_pool;

/* One story being read. */
typedef struct cli {
    claims_story *story;
    int input_errors;
    strmap sources; /* article id -> where it came from (a path, FILE:LINE) */
    strpool source_strings; /* the map's keys and values */
    /* the bytes of plain-text articles the story borrows
       (CLAIMS_OPT_BORROW_TEXT): released by cli_free() after the story */
    lent_bytes *lent;
    size_t nlent, cap_lent;
    text_pool texts; /* JSON Lines texts the story borrows */
    /* the memory of the story and of the texts in claims check and
       extract (claims.c gives it to them), released by cli_free() after
       them */
    cli_heap heap;
    /* the story's CLAIMS_OPT_BORROW_TEXT as last set (add_text, add_article
       set it for each article they add) */
    int borrowing;
} cli;

/* Reads one input as given on the command line (a file, a folder, "-"). */
void add_path(cli *c, const char *path);

/* ---- cli_input.c: what was read, as articles */

/* "WHAT: message[ at byte N]" on stderr. */
void report_error(const char *what, const claims_error *err);
/* Lists an input as rejected (escaped id; said on stderr). */
void reject(cli *c, const char *id, claims_status code, const char *message,
            long long offset);
/* 1 when `id` may be added: valid UTF-8, 255 bytes at most, not read
 * before (else the input is rejected, naming both sources). */
int id_ok(cli *c, const char *id, size_t idlen, const char *source);
/* One plain-text article, with the library's rules for a text file. The
 * story borrows the bytes instead of copying them: *b (a mapping when
 * `mapped`, else malloc'd) now belongs to c, which releases it in
 * cli_free() after the story, or at once when the story did not keep the
 * article; *b is emptied. */
void add_text(cli *c, const char *id, buffer *b, int mapped);
/* Counts before an article is added, to see afterwards what became of it. */
typedef struct mark {
    size_t articles, rejected;
} mark;
mark mark_now(const cli *c);
/* After adding article `id` (idlen bytes): remembers its source, or lists
 * a refusal the library did not record, so that nothing vanishes from the
 * report. */
void settle(cli *c, mark m, const char *id, size_t idlen, const char *source);
/* Bytes of a UTF-8 byte order mark at b's start (0 or 3). */
size_t bom_len(const buffer *b);
/* One {"id", "title", "published", "text"} object. */
void add_json_object(cli *c, json_t *obj, const char *fallback, const char *source,
                     long long offset);
/* The members of an article object that add_article reads, whichever
 * parser read them. A string's bytes belong to the parsed document. */
typedef enum {
    MEMBER_ABSENT,
    MEMBER_NULL,
    MEMBER_STRING,
    MEMBER_INTEGER, /* only from jansson: yajl leaves lines with numbers to it */
    MEMBER_OTHER
} member_kind;

typedef struct member {
    member_kind kind;
    const char *s; /* MEMBER_STRING: s[0..len), may hold NUL bytes */
    size_t len;
    long long i; /* MEMBER_INTEGER */
} member;

typedef struct article_members {
    member id, title, published, text;
    member story; /* `claims batch`'s story name; add_article ignores it */
} article_members;

/* The fast JSON Lines readers (a flat object's own reader, then yajl),
 * kept from line to line: the bytes of the members they copied (the id,
 * title and date always, NUL-terminated; a text with escapes; a text
 * without points into the line). Zeroed before the first line. */
typedef struct jsonl_fast {
    sbuf id, title, published, text, story;
    /* yajl's memory for a line, bumped from one block and dropped at once */
    char *arena;
    size_t arena_cap, arena_used, arena_missed;
    void *arena_last; /* the last block handed out (it can grow in place) */
    int yajl_only;    /* for fuzz_jsonl: skip the flat reader, test yajl's path */
    /* set by add_jsonl_line for one line: the flat reader decodes the text
       into pool's free bytes (see text_pool), not into `text` */
    text_pool *pool;
} jsonl_fast;
/* Reads the line [s, s+n) (leading blanks skipped) into `a` when a fast
 * reader reads it exactly as jansson would, and returns 1; a's strings
 * point into the line or into f, until f's next read or jsonl_fast_free().
 * 0 means jansson must read the line. */
int jsonl_read_fast(jsonl_fast *f, const char *s, size_t n, article_members *a);
void jsonl_fast_free(jsonl_fast *f);
/* The members of a jansson object (strings point into obj). */
void jsonl_members_of_jansson(const json_t *obj, article_members *a);
/* One line of JSON Lines, b's bytes [start, eol), not blank, its first
 * byte that is no blank at k: read by a fast reader (f) where one takes
 * it, by jansson otherwise, and added as add_jsonl adds it (`fallback`
 * is the id when it has none, `source` names it in messages, `line` is
 * its number). */
void add_jsonl_line(cli *c, jsonl_fast *f, const buffer *b, size_t start, size_t k, size_t eol,
                    const char *fallback, const char *source, size_t line);
/* JSON Lines in b (a BOM skipped): `name` gives fallback ids NAME:LINE,
 * `path` the messages' PATH:LINE; a bad line is rejected with its line
 * number and byte offset, and the others are read. */
void add_jsonl(cli *c, const char *name, const char *path, const buffer *b);
/* A *.json file: one object, an array of them, or JSON Lines. */
void add_json_file(cli *c, const char *name, const char *path, const buffer *b);
/* Frees the map of the inputs' names (what a duplicate id is told apart
 * by) once every input is read: the map can be freed twice. */
void cli_forget_sources(cli *c);
/* Frees a cli's sources map and story, then the bytes the story
 * borrowed. */
void cli_free(cli *c);
/* The exit code of a report written on c's story. */
int report_code(const cli *c, int count_failures);

/* ---- claims.c: options */

enum { CMD_CHECK = 1, CMD_EXTRACT = 2, CMD_BATCH = 4, CMD_LEXICON = 8, CMD_ALL = 15 };

typedef struct opts {
    int cmd;
    const char *cmd_name;
    claims_format format;
    int format_given;
    const char *output, *output_dir, *color, *section;
    int fail_on, fail_conf, show_conf, jobs, no_config, list, files, check;
    const char **lex;
    size_t nlex;
    char **inputs;
    size_t ninputs;
} opts;

/* Says what is wrong, points at --help; returns EXIT_NO_REPORT. */
int usage_error(const char *fmt, ...);

/* ---- cli_lexicon.c */

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

/* The lexicons of a run: configured ones (unless --no-config), then every
 * --lexicon; read once. Returns -1 on an error (said on stderr). */
int gather_lexicons(const opts *o, lexicons *l);
/* Adds them to a story; -1 on an error (file, line and byte said). */
int lex_apply(const lexicons *l, claims_story *story);
void lex_free(lexicons *l);
int run_lexicon(const opts *o);

/* ---- cli_batch.c */

int run_batch(const opts *o);

/* Finding types the summaries count: agreement .. update. */
enum { FINDING_TYPES = 5 };
/* --min-confidence high, and its default: only strong findings fail. */
enum { CLI_FAIL_CONFIDENCE = 70 };

#endif /* CLAIMS_CLI_H */
