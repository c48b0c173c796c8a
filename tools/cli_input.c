/* cli_input.c - how the claims tool turns what it read into articles:
 * ids checked, inputs rejected so that nothing vanishes, plain-text
 * articles, and JSON (one object, an array, JSON Lines). The bytes come
 * from claims.c (files, folders, stdin) and cli_batch.c; fuzz/fuzz_jsonl.c
 * drives the JSON readers on arbitrary bytes. No file system here. */
#include "cli.h"

#include <yajl/yajl_parse.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void report_error(const char *what, const claims_error *err)
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

void reject(cli *c, const char *id, claims_status code, const char *message,
                   long long offset)
{
    char *sid = safe_id(id, strlen(id));
    /* a parser's message may quote the bad bytes ("invalid escape near
     * '\xEF'"): escaped, it stays valid UTF-8, so the story records it and
     * the terminal gets no control character */
    sbuf msg = {NULL, 0, 0};
    sb_escaped(&msg, message, strlen(message), 0);
    sb_add(&msg, "", 0);
    const char *m = msg.p ? msg.p : "";
    say("%s: %s", sid, m);
    claims_story_reject(c->story, sid, code, m, offset);
    c->input_errors++;
    free(msg.p);
    free(sid);
}

/* Before an article goes to the library: an id that is not valid UTF-8 or
 * too long, or that another input already has, is rejected here, so that
 * the report lists it and the message names both sources. Returns 1 when
 * the article may be added. */
int id_ok(cli *c, const char *id, size_t idlen, const char *source)
{
    uint32_t cp;
    size_t i = 0;
    while (i < idlen && (unsigned char)id[i] < 0x80) /* ASCII: nothing to decode */
        i++;
    while (i < idlen) {
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
    void **prev = strmap_find_n(&c->sources, id, idlen);
    if (prev) {
        sbuf m = {NULL, 0, 0};
        sb_printf(&m, "duplicate id: %s has the id of %s", source, (const char *)*prev);
        reject(c, id, CLAIMS_ERR_DUPLICATE_ID, m.p, -1);
        free(m.p);
        return 0;
    }
    return 1;
}


void buffer_release(buffer *b, int mapped)
{
    if (!mapped)
        free(b->data);
    else if (b->data)
        munmap(b->data, b->len);
    b->data = NULL;
    b->len = 0;
}

/* Sets the story's CLAIMS_OPT_BORROW_TEXT, unless it is so already (most
 * articles of a feed are lent, one after the other). */
static void lend_texts(cli *c, int on)
{
    if (c->borrowing != on) {
        claims_story_set_option(c->story, CLAIMS_OPT_BORROW_TEXT, on);
        c->borrowing = on;
    }
}

/* Adds one plain-text article with the library's rules for a text file
 * (title line, BOM): see claims_story_add_text(). The story borrows the
 * bytes, so a file is held once, not twice; c keeps them until the story
 * is freed. */
void add_text(cli *c, const char *id, buffer *b, int mapped)
{
    claims_error err;
    size_t before = claims_story_article_count(c->story);
    if (c->nlent == c->cap_lent) {
        c->cap_lent = c->cap_lent ? c->cap_lent * 2 : 16;
        c->lent = xrealloc(c->lent, c->cap_lent * sizeof *c->lent);
    }
    lend_texts(c, 1);
    claims_status st = claims_story_add_text(c->story, id, b->data, b->len, &err);
    if (st != CLAIMS_OK) {
        report_error(id, &err);
        c->input_errors++;
    }
    if (claims_story_article_count(c->story) > before) {
        c->lent[c->nlent].b = *b;
        c->lent[c->nlent].mapped = mapped;
        c->nlent++;
        b->data = NULL;
        b->len = 0;
    } else {
        buffer_release(b, mapped);
    }
}

mark mark_now(const cli *c)
{
    mark m = {claims_story_article_count(c->story), claims_story_rejected_count(c->story)};
    return m;
}

/* After an attempt to add article `id`: remember its source when the
 * library took it; record a rejection the library did not record itself
 * (an id it refused, no memory), so that nothing vanishes from the report. */
void settle(cli *c, mark m, const char *id, size_t idlen, const char *source)
{
    if (claims_story_article_count(c->story) > m.articles) {
        strmap_put_borrowed(&c->sources, strpool_dup(&c->source_strings, id, idlen), idlen,
                            strpool_dup(&c->source_strings, source, strlen(source)));
    } else if (claims_story_rejected_count(c->story) == m.rejected) {
        char *sid = safe_id(id, idlen);
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

static member member_of_jansson(const json_t *v)
{
    member m = {MEMBER_OTHER, NULL, 0, 0};
    if (!v)
        m.kind = MEMBER_ABSENT;
    else if (json_is_null(v))
        m.kind = MEMBER_NULL;
    else if (json_is_string(v))
        m.kind = MEMBER_STRING, m.s = json_string_value(v), m.len = json_string_length(v);
    else if (json_is_integer(v))
        m.kind = MEMBER_INTEGER, m.i = (long long)json_integer_value(v);
    return m;
}

/* One article of a JSON input: {"id", "title", "published", "text"}.
 * `fallback` is the id when there is none (FILE:LINE), `source` says where
 * the object is for messages. The title goes to the library as the title
 * (which reads it for claims as a text file's first line, unless the text
 * begins with it; those claims' offsets count into the title); the text
 * is passed as given, so that the report's byte offsets are offsets into
 * it. `nul_free`: the reader let no NUL into a's strings. */
static void add_article(cli *c, const article_members *a, const char *fallback, const char *source,
                        long long offset, int nul_free)
{
    const char *id = fallback;
    size_t idlen;
    char idbuf[64];
    if (a->id.kind == MEMBER_STRING) {
        id = a->id.s;
        idlen = a->id.len;
        if (!nul_free && strlen(id) != idlen) {
            char *sid = safe_id(id, idlen);
            reject(c, sid, CLAIMS_ERR_INVALID_ID, "the id contains a NUL character (\\u0000)",
                   offset);
            free(sid);
            return;
        }
    } else if (a->id.kind == MEMBER_INTEGER) {
        snprintf(idbuf, sizeof idbuf, "%lld", a->id.i);
        id = idbuf;
        idlen = strlen(id);
    } else if (a->id.kind == MEMBER_ABSENT || a->id.kind == MEMBER_NULL) {
        idlen = strlen(fallback);
    } else {
        reject(c, fallback, CLAIMS_ERR_INVALID_ID, "\"id\" must be a string or an integer",
               offset);
        return;
    }
    if (a->text.kind != MEMBER_STRING) {
        reject(c, id, CLAIMS_ERR_EMPTY_TEXT, "no \"text\" string", offset);
        return;
    }
    if ((a->title.kind != MEMBER_ABSENT && a->title.kind != MEMBER_STRING &&
         a->title.kind != MEMBER_NULL) ||
        (a->published.kind != MEMBER_ABSENT && a->published.kind != MEMBER_STRING &&
         a->published.kind != MEMBER_NULL)) {
        reject(c, id, CLAIMS_ERR_INVALID_ARGUMENT,
               "\"title\" and \"published\" must be strings or null", offset);
        return;
    }
    const char *title = a->title.kind == MEMBER_STRING ? a->title.s : NULL;
    if (title && !nul_free && strlen(title) != a->title.len) {
        reject(c, id, CLAIMS_ERR_NUL_BYTE, "the title contains a NUL character (\\u0000)",
               offset);
        return;
    }
    const char *pub = a->published.kind == MEMBER_STRING ? a->published.s : NULL;
    if (pub && !real_date(pub, a->published.len)) {
        sbuf v = {NULL, 0, 0};
        sb_escaped(&v, pub, a->published.len, 1);
        note("%s: \"published\" value \"%s\" is not a date (YYYY-MM-DD); %s is kept, undated",
             source, v.p ? v.p : "", id);
        free(v.p);
        pub = NULL;
    }
    if (!id_ok(c, id, idlen, source))
        return;
    mark m = mark_now(c);
    claims_error err;
    /* A text the flat reader decoded into c's pool is lent to the story,
     * unless a title read apart makes the library build a text of its own
     * (see CLAIMS_OPT_BORROW_TEXT); the pool keeps it if the story does. */
    text_pool *tp = &c->texts;
    int lend = tp->cur && a->text.s == tp->cur + tp->used && !title;
    lend_texts(c, lend);
    if (claims_story_add_article(c->story, id, title, pub, a->text.s, a->text.len, &err) !=
        CLAIMS_OK) {
        report_error(id, &err);
        c->input_errors++;
    }
    if (lend && claims_story_article_count(c->story) > m.articles)
        tp->used += a->text.len;
    settle(c, m, id, idlen, source);
}

/* An article object read by jansson (a *.json document, `claims batch`,
 * and the JSON Lines that yajl leaves to jansson). */
void add_json_object(cli *c, json_t *obj, const char *fallback, const char *source,
                     long long offset)
{
    article_members a;
    jsonl_members_of_jansson(obj, &a);
    add_article(c, &a, fallback, source, offset, 0);
}

/* Skips a UTF-8 byte-order mark. */
size_t bom_len(const buffer *b)
{
    return b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* ---- JSON Lines through yajl
 * jansson reads a line at about 140 instructions per byte (byte by byte
 * through its stream, checking UTF-8 and copying each byte into a growing
 * buffer); yajl's callbacks at about 16, with no tree and no state beyond
 * its handle. yajl is laxer: it takes \v and \f as whitespace, checks
 * only the shape of UTF-8 (not overlong forms, surrogates or code points
 * past U+10FFFF), reads a lone or mismatched surrogate escape as "?" or a
 * made-up code point, lets \u0000 into object keys, has no depth limit,
 * reads numbers its own way, and ends without a word on an unterminated
 * string after the value ({...} "). So a line goes to yajl only when none of
 * that can matter: valid UTF-8 with no control byte and no \u0000 or
 * surrogate escape (one scan, below), starting with "{", no number, at
 * most 1000 deep; the last of a repeated key is taken, as jansson does.
 * jansson reads every other line, and every line yajl fails on (for the
 * message and the offset): articles, rejections and messages are
 * jansson's on every line. fuzz_jsonl checks that the two agree. */

static int hex_digit(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The first byte of s[i..n) that the scan below must look at: a control
 * byte, a byte beyond ASCII, or a backslash before a "u" (most escapes,
 * \n and \", need no look: both parsers check them alike). 32 bytes at a
 * time. */
static size_t suspect_next(const unsigned char *s, size_t i, size_t n)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), bs = _mm_set1_epi8('\\'), u = _mm_set1_epi8('u');
    /* 32 bytes a turn, the 16-byte halves' marks joined */
    for (; n - i >= 33; i += 32) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i w0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
        __m128i w1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 17));
        /* signed: bytes beyond ASCII are below 0x20 too */
        __m128i m0 = _mm_or_si128(_mm_cmplt_epi8(v0, space),
                                  _mm_and_si128(_mm_cmpeq_epi8(v0, bs), _mm_cmpeq_epi8(w0, u)));
        __m128i m1 = _mm_or_si128(_mm_cmplt_epi8(v1, space),
                                  _mm_and_si128(_mm_cmpeq_epi8(v1, bs), _mm_cmpeq_epi8(w1, u)));
        unsigned mask = (unsigned)_mm_movemask_epi8(m0) | (unsigned)_mm_movemask_epi8(m1) << 16;
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; i < n; i++)
        if (s[i] < 0x20 || s[i] >= 0x80 || (s[i] == '\\' && i + 1 < n && s[i + 1] == 'u'))
            return i;
    return n;
}

/* Valid UTF-8, no control byte, every \u escape four hex digits, neither
 * \u0000 nor a surrogate (\uD800-\uDFFF). A backslash outside a string
 * fails in both parsers, so the scan needs no string state: a backslash
 * before a "u" starts an escape unless an odd run of backslashes comes
 * before it. */
static int yajl_safe(const unsigned char *s, size_t n)
{
    uint32_t cp;
    for (size_t i = 0;;) {
        i = suspect_next(s, i, n);
        if (i == n)
            return 1;
        unsigned char c = s[i];
        if (c == '\\') {
            size_t k = i;
            while (k > 0 && s[k - 1] == '\\')
                k--;
            if ((i - k) % 2) { /* an escaped backslash, then a plain "u" */
                i += 2;
                continue;
            }
            if (n - i < 6 || !hex_digit(s[i + 2]) || !hex_digit(s[i + 3]) || !hex_digit(s[i + 4]) ||
                !hex_digit(s[i + 5]) || memcmp(s + i + 2, "0000", 4) == 0 ||
                ((s[i + 2] == 'd' || s[i + 2] == 'D') && !(s[i + 3] >= '0' && s[i + 3] <= '7')))
                return 0;
            i += 6;
        } else if (c < 0x20) {
            return 0;
        } else {
            size_t len = utf8_seq(s + i, n - i, &cp);
            if (!len)
                return 0;
            i += len;
        }
    }
}

/* ---- JSON Lines of flat objects
 * Nearly every line of an article feed is one flat object of strings:
 * {"id": ..., "text": ...}. yajl lexes a string a byte at a time, then
 * decodes it into a buffer of its own: 17 of the 21 instructions a byte
 * that reading a feed cost. The flat reader finds a string's next byte
 * that needs a look sixteen bytes at a time, and copies the runs between
 * escapes. It takes a line only where it reads it exactly as jansson does:
 * one object ending the line, whose keys have no escape and whose values
 * are strings, null, true or false; valid UTF-8 and no control byte in its
 * strings; no \u escape that is \u0000 or a surrogate (jansson takes a
 * surrogate pair, and that is its to read). The last of a repeated key is
 * taken, as jansson does. It checks all this as it reads, so the line
 * needs no scan before it. Any other line (a number, a nested value, a key
 * with an escape, bad syntax) goes to yajl, after yajl_safe's scan, and
 * then jansson, as before, so that every message and offset is still
 * jansson's. fuzz_jsonl checks each reader against jansson. */

#if defined(__SSE2__)
/* The bytes of v that string_stop stops at, as bytes of ones. */
static inline __m128i stop_look(__m128i v)
{
    /* bit 1 flipped, a quotation mark (0x22) is 0x20 and a control byte
       still below it: one signed compare takes them both, and the bytes
       beyond ASCII (below 0); a backslash is then 0x5E */
    __m128i x = _mm_xor_si128(v, _mm_set1_epi8(2));
    return _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x21)),
                        _mm_cmpeq_epi8(x, _mm_set1_epi8(0x5E)));
}

/* The other bytes of v, as bytes of ones: stop_look turned round, in
 * fewer steps (a signed "below" compiles to "above" and a compare with 0
 * to turn it round; here "above" stays, and the backslash's compare is
 * taken out of it). */
static inline __m128i plain_look(__m128i v)
{
    __m128i x = _mm_xor_si128(v, _mm_set1_epi8(2));
    return _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(0x5E)),
                            _mm_cmpgt_epi8(x, _mm_set1_epi8(0x20)));
}

/* Their movemask. */
static inline unsigned stop_mask(__m128i v)
{
    return (unsigned)_mm_movemask_epi8(stop_look(v));
}

/* The same for the bytes of s[0, 16). */
static inline unsigned stop16(const unsigned char *s)
{
    return stop_mask(_mm_loadu_si128((const __m128i *)(const void *)s));
}
#endif

/* The first byte of s[i, n) that a string reader must look at: a
 * quotation mark, a backslash, a control byte or a byte beyond ASCII; or
 * n. */
static size_t string_stop(const unsigned char *s, size_t i, size_t n)
{
#if defined(__SSE2__)
    /* 32 bytes a turn: a string runs 75 bytes between stops on news
       (a curly quotation mark or an escape), one test for two loads */
    for (; n - i >= 32; i += 32) {
        unsigned m = stop16(s + i) | stop16(s + i + 16) << 16;
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    if (n - i >= 16) {
        unsigned m = stop16(s + i);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
    if (i < n && n >= 16) {
        /* the last bytes (a line's, after its text): the line's last 16,
           those before i shifted out, instead of a byte at a time */
        unsigned m = stop16(s + n - 16) >> (16 - (n - i));
        return m ? i + (size_t)__builtin_ctz(m) : n;
    }
#endif
    for (; i < n; i++)
        if (s[i] == '"' || s[i] == '\\' || s[i] < 0x20 || s[i] >= 0x80)
            return i;
    return n;
}

/* Past the UTF-8 character at s[j] (a byte beyond ASCII): its end, or 0
 * when it is not valid UTF-8. */
static size_t utf8_past(const unsigned char *s, size_t j, size_t n)
{
    uint32_t cp;
    size_t len = utf8_seq(s + j, n - j, &cp);
    return len ? j + len : 0;
}

/* Stores the UTF-8 of code point cp (below U+10000, no surrogate) at d:
 * its length. d has room for three bytes. */
static inline size_t put_utf8_bmp(char *d, unsigned cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | cp >> 6), d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    d[0] = (char)(0xE0 | cp >> 12), d[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    d[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* The byte each one-letter escape stands for, by its letter; 0 for a
 * letter that is none. */
static const char escape_byte[256] = {['"'] = '"',  ['\\'] = '\\', ['/'] = '/',  ['b'] = '\b',
                                      ['f'] = '\f', ['n'] = '\n',  ['r'] = '\r', ['t'] = '\t'};

/* The escape whose backslash is s[j] (j + 1 < n), decoded to b->p + *o,
 * where b has room for three bytes and a NUL: the index after it, or 0 for
 * one the flat reader leaves to the others (not JSON, \u0000, a
 * surrogate). */
static inline size_t decode_escape(const unsigned char *s, size_t j, size_t n, char *d, size_t *o)
{
    /* a hex digit's value plus one; 0 for a byte that is none */
    static const unsigned char hex1[256] = {
        ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,
        ['6'] = 7,  ['7'] = 8,  ['8'] = 9,  ['9'] = 10, ['A'] = 11, ['B'] = 12,
        ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16, ['a'] = 11, ['b'] = 12,
        ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16};
    unsigned char e = s[j + 1];
    if (escape_byte[e]) {
        d[(*o)++] = escape_byte[e];
        return j + 2;
    }
    if (e != 'u' || n - j < 6)
        return 0;
    /* a digit that is none wraps below 0 and sets bits above the four */
    unsigned h0 = hex1[s[j + 2]] - 1u, h1 = hex1[s[j + 3]] - 1u, h2 = hex1[s[j + 4]] - 1u,
             h3 = hex1[s[j + 5]] - 1u;
    unsigned cp = h0 << 12 | h1 << 8 | h2 << 4 | h3;
    if (((h0 | h1 | h2 | h3) & ~15u) || cp == 0 || cp - 0xD800 < 0x800)
        return 0;
    *o += put_utf8_bmp(d + *o, cp);
    return j + 6;
}

/* A string whose opening quote is s[i - 1] and which a reader skips:
 * returns the index after its closing quote, or 0 when the flat reader
 * does not take it. */
static size_t skip_string(const unsigned char *s, size_t i, size_t n)
{
    for (size_t j = i;;) {
        j = string_stop(s, j, n);
        if (j >= n)
            return 0;
        unsigned char c = s[j];
        if (c == '"')
            return j + 1;
        char u[4];
        size_t o = 0;
        if (c == '\\')
            j = n - j >= 2 ? decode_escape(s, j, n, u, &o) : 0;
        else if (c >= 0x80)
            j = utf8_past(s, j, n);
        else
            return 0; /* a control byte */
        if (!j)
            return 0;
    }
}

/* Where flat_decode's copy 32 bytes a turn must stop, j being where it
 * reads and o where it writes: j + 32 <= the limit says that 32 bytes are
 * left in the line and in b beyond o, with room for an escape's bytes and
 * the NUL after them. It stays so as the copy goes on (an escape is
 * shorter decoded), though j may pass it after an escape: hence j + 32 <=
 * lim (as j <= lim - 32, for a lim of 32 or more: the loop's test is then
 * a compare with a bound kept in a register), never lim - j >= 32. */
static inline size_t decode_limit(const sbuf *b, size_t j, size_t o, size_t n)
{
    size_t room = b->cap > o + 5 ? b->cap - o - 5 : 0;
    return n - j < room ? n : j + room;
}

/* The string whose opening quote is s[i - 1], decoded into b
 * (NUL-terminated, b->n its length; *escaped set when it had an escape):
 * returns the index after its closing quote, or 0 when the flat reader
 * does not take it. Its bytes are copied 32 at a time as they are looked
 * at, in one pass (a text of news runs 75 bytes between escapes). */
static size_t flat_decode(const unsigned char *s, size_t i, size_t n, sbuf *b, int *escaped)
{
    size_t o = 0; /* b->p[0, o): decoded so far */
#if defined(__SSE2__)
    size_t lim = decode_limit(b, i, 0, n);
#endif
    for (size_t j = i;;) {
#if defined(__SSE2__)
        unsigned mk = 0;
        /* b->p in a local: the stores through it are bytes, which may
           alias anything, and would have it loaded again after each */
        char *out = b->p;
        while (lim >= 32 && j <= lim - 32) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
            __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + j + 16));
            _mm_storeu_si128((__m128i *)(void *)(out + o), v0);
            _mm_storeu_si128((__m128i *)(void *)(out + o + 16), v1);
            /* one test for the 32 bytes; where the stop is, only when
               there is one (two windows in three of a text of news have
               none: that way is laid out straight, the loop's own jump
               its only one) */
            __m128i p0 = plain_look(v0), p1 = plain_look(v1);
            if (__builtin_expect(_mm_movemask_epi8(_mm_and_si128(p0, p1)) == 0xFFFF, 1)) {
                j += 32, o += 32;
                continue;
            }
            mk = ~((unsigned)_mm_movemask_epi8(p0) | (unsigned)_mm_movemask_epi8(p1) << 16);
            /* a one-letter escape (\n, \", a text's most common stop) is
               decoded here and the copy goes on after it, without the
               way round below */
            size_t k = (size_t)__builtin_ctz(mk);
            unsigned char e = j + k + 1 < n ? s[j + k + 1] : 0;
            if (s[j + k] != '\\' || !escape_byte[e])
                break;
            out[o + k] = escape_byte[e];
            j += k + 2, o += k + 1;
            *escaped = 1;
            mk = 0;
        }
        if (mk) {
            size_t k = (size_t)__builtin_ctz(mk);
            j += k, o += k;
        } else if (n - j >= 32) { /* b is short: it grows, and the copy goes on */
            b->n = o;
            sb_grow(b, 64);
            lim = decode_limit(b, j, o, n);
            continue;
        } else
#endif
        { /* the line's last bytes */
            size_t e = string_stop(s, j, n);
            b->n = o;
            sb_add(b, (const char *)s + j, e - j);
            o = b->n, j = e;
            if (j >= n)
                return 0;
            if (b->cap < o + 5)
                sb_grow(b, 4);
        }
        unsigned char c = s[j];
        if (c == '"') {
            b->n = o;
            b->p[o] = 0;
            return j + 1;
        }
        if (c == '\\') {
            *escaped = 1;
            j = n - j >= 2 ? decode_escape(s, j, n, b->p, &o) : 0;
        } else if (c >= 0x80) {
            size_t e = utf8_past(s, j, n);
            for (size_t k = j; k < e; k++)
                b->p[o++] = (char)s[k];
            j = e;
        } else {
            return 0; /* a control byte */
        }
        if (!j)
            return 0;
    }
}

/* The string whose opening quote is s[i - 1]: returns the index after its
 * closing quote, or 0 when the flat reader does not take it. With m, the
 * string becomes m's value: s[i, end) in place when it has no escape and
 * in_place is set, else its decoded bytes in b, NUL-terminated. */
static size_t flat_string(const unsigned char *s, size_t i, size_t n, member *m, sbuf *b,
                          int in_place)
{
    if (!m)
        return skip_string(s, i, n);
    int escaped = 0;
    size_t end = flat_decode(s, i, n, b, &escaped);
    if (!end)
        return 0;
    member v = {MEMBER_STRING, b->p, b->n, 0};
    if (in_place && !escaped)
        v.s = (const char *)s + i, v.len = end - 1 - i;
    *m = v;
    return end;
}

/* The text pool's chunks: 1 MB, or a text's own when it is longer
 * (cli_text_chunk). On glibc they are malloc's, with small pages: in huge
 * pages (madvise), `claims check` on 100,000 real articles spent 0.2-0.4 s
 * more in the kernel (3.9 -> 4.2-4.6 s), and `claims extract`, whose heap
 * is in huge pages already (cli_heap_in_huge_pages, cli_alloc.c), was no
 * faster. */

/* At least `need` free bytes at the end of p's chunks, as an sbuf that
 * flat_decode fills without growing it (need is more than the rest of the
 * line: a decoded string is never longer than its escaped form). A chunk
 * left for a new one keeps its lent bytes; its free end, never written,
 * costs no memory. */
static sbuf pool_view(text_pool *p, size_t need)
{
    if (p->cap - p->used < need) {
        if (p->cur && p->used == 0) { /* it lends nothing */
            cli_text_chunk_free(p->heap, p->cur);
            p->nchunks--;
        }
        if (p->nchunks == p->cap_chunks) {
            p->cap_chunks = p->cap_chunks ? p->cap_chunks * 2 : 16;
            p->chunks = xrealloc(p->chunks, p->cap_chunks * sizeof *p->chunks);
        }
        size_t cap;
        p->cur = xcheck(cli_text_chunk(p->heap, need, &cap));
        p->chunks[p->nchunks++] = p->cur;
        p->used = 0;
        p->cap = cap;
    }
    sbuf v = {p->cur + p->used, 0, p->cap - p->used};
    return v;
}

static size_t skip_blanks(const unsigned char *s, size_t i, size_t n)
{
    /* a byte above the space (what follows most of these) in one test;
       the four blanks are bits 9, 10, 13 and 32 of the mask */
    while (i < n && s[i] <= ' ' && (0x100002600ull >> s[i] & 1))
        i++;
    return i;
}

/* Whether the n - k bytes at s + k start with the len bytes of key. */
static inline int key_at(const unsigned char *s, size_t k, size_t n, const char *key, size_t len)
{
    return n - k >= len && memcmp(s + k, key, len) == 0;
}

/* The flat object s[0, n) (s[0] is its "{") into a: 1, or 0 when the flat
 * reader leaves the line to the others (a may then hold some members). */
static int jsonl_read_flat(jsonl_fast *f, const unsigned char *s, size_t n, article_members *a)
{
    size_t i = skip_blanks(s, 1, n);
    if (i < n && s[i] == '}')
        return skip_blanks(s, i + 1, n) == n;
    for (;;) {
        if (i >= n || s[i] != '"')
            return 0;
        /* the members read, each found with its closing quote (no look
           for the quote: a call, 32 instructions a key), the member's
           slots set at once */
        size_t k = i + 1, kend;
        member *m = NULL;
        sbuf *b = NULL;
        if (key_at(s, k, n, "text\"", 5)) {
            kend = k + 4, m = &a->text, b = &f->text;
        } else if (key_at(s, k, n, "id\"", 3)) {
            kend = k + 2, m = &a->id, b = &f->id;
        } else if (key_at(s, k, n, "title\"", 6)) {
            kend = k + 5, m = &a->title, b = &f->title;
        } else if (key_at(s, k, n, "published\"", 10)) {
            kend = k + 9, m = &a->published, b = &f->published;
        } else if (key_at(s, k, n, "story\"", 6)) {
            kend = k + 5, m = &a->story, b = &f->story;
        } else {
            /* another key, read past and its value skipped below */
            kend = string_stop(s, k, n);
            while (kend < n && s[kend] >= 0x80) {
                kend = utf8_past(s, kend, n);
                if (!kend)
                    return 0;
                kend = string_stop(s, kend, n);
            }
            if (kend >= n || s[kend] != '"')
                return 0; /* an escape or a control byte in the key: yajl's, or jansson's */
        }
        i = skip_blanks(s, kend + 1, n);
        if (i >= n || s[i] != ':')
            return 0;
        i = skip_blanks(s, i + 1, n);
        if (i >= n)
            return 0;
        if (s[i] == '"') {
            /* the text is passed with its length; the others as C strings */
            sbuf view;
            if (m == &a->text && f->pool) {
                view = pool_view(f->pool, n - i + 64);
                b = &view;
            }
            i = flat_string(s, i + 1, n, m, b, m == &a->text && !f->pool);
            if (!i)
                return 0;
        } else {
            member v = {MEMBER_OTHER, NULL, 0, 0};
            if (n - i >= 4 && memcmp(s + i, "null", 4) == 0)
                v.kind = MEMBER_NULL, i += 4;
            else if (n - i >= 4 && memcmp(s + i, "true", 4) == 0)
                i += 4;
            else if (n - i >= 5 && memcmp(s + i, "false", 5) == 0)
                i += 5;
            else
                return 0; /* a number or a nested value: yajl's */
            if (m)
                *m = v;
        }
        i = skip_blanks(s, i, n);
        if (i >= n)
            return 0;
        if (s[i] == '}')
            return skip_blanks(s, i + 1, n) == n;
        if (s[i] != ',')
            return 0;
        i = skip_blanks(s, i + 1, n);
    }
}

/* What yajl's callbacks see of one line. */
typedef struct fast_read {
    jsonl_fast *f;
    article_members *a;
    const unsigned char *line;
    size_t n;
    yajl_handle h;
    size_t end;  /* where the line's object ends (its "}" read) */
    int depth;   /* 1 inside the line's object */
    member *cur; /* the member the key just read at depth 1 names */
    sbuf *buf;   /* where that member's string is copied when yajl decoded it */
} fast_read;

enum { FAST_MAX_DEPTH = 1000 }; /* jansson's limit is 2048 */

/* A repeated key's value replaces the one before, as in jansson. */
static void set_member(fast_read *r, member_kind kind)
{
    if (r->depth == 1 && r->cur) {
        const member m = {kind, NULL, 0, 0};
        *r->cur = m;
    }
}

static int on_null(void *ctx)
{
    set_member(ctx, MEMBER_NULL);
    return 1;
}

static int on_boolean(void *ctx, int v)
{
    (void)v;
    set_member(ctx, MEMBER_OTHER);
    return 1;
}

static int on_number(void *ctx, const char *v, size_t n)
{
    (void)ctx, (void)v, (void)n;
    return 0; /* numbers are jansson's to read: the line goes to it */
}

static int on_string(void *ctx, const unsigned char *v, size_t n)
{
    fast_read *r = ctx;
    if (r->depth != 1 || !r->cur)
        return 1;
    r->cur->kind = MEMBER_STRING;
    r->cur->len = n;
    /* A text without escapes is passed as it is in the line (the library
     * takes its length). Any other string is copied, NUL-terminated, into
     * a buffer that the next line reuses: yajl decodes escapes into a
     * buffer of its own, which the next string overwrites. */
    uintptr_t p = (uintptr_t)v, line = (uintptr_t)r->line;
    if (r->cur == &r->a->text && p >= line && p - line <= r->n) {
        r->cur->s = (const char *)v;
    } else {
        r->buf->n = 0;
        sb_add(r->buf, (const char *)v, n);
        r->cur->s = r->buf->p;
    }
    return 1;
}

static int on_key(void *ctx, const unsigned char *k, size_t n)
{
    fast_read *r = ctx;
    /* a key deeper down names no member: its values are not at depth 1 */
    r->cur = NULL;
    if (n == 2 && memcmp(k, "id", 2) == 0)
        r->cur = &r->a->id, r->buf = &r->f->id;
    else if (n == 5 && memcmp(k, "title", 5) == 0)
        r->cur = &r->a->title, r->buf = &r->f->title;
    else if (n == 9 && memcmp(k, "published", 9) == 0)
        r->cur = &r->a->published, r->buf = &r->f->published;
    else if (n == 4 && memcmp(k, "text", 4) == 0)
        r->cur = &r->a->text, r->buf = &r->f->text;
    else if (n == 5 && memcmp(k, "story", 5) == 0)
        r->cur = &r->a->story, r->buf = &r->f->story;
    return 1;
}

static int on_open(void *ctx)
{
    fast_read *r = ctx;
    set_member(r, MEMBER_OTHER);
    return ++r->depth <= FAST_MAX_DEPTH;
}

static int on_close(void *ctx)
{
    fast_read *r = ctx;
    if (--r->depth == 0)
        r->end = yajl_get_bytes_consumed(r->h);
    return 1;
}

static const yajl_callbacks fast_callbacks = {
    on_null, on_boolean, NULL,     NULL,    on_number, on_string,
    on_open, on_key,     on_close, on_open, on_close,
};

/* yajl's memory. A handle takes a handful of blocks (the handle, its
 * lexer, buffers that double as a string is decoded) and frees them all
 * with the handle: per line, bumping them from one block kept from line to
 * line costs a fraction of malloc and free. What does not fit comes from
 * malloc, and the block grows for the next line. A block is 16-aligned
 * after a 16-byte head that holds its size. */
typedef struct arena_head {
    size_t size, pad;
} arena_head;

static void *arena_malloc(void *ctx, size_t sz)
{
    jsonl_fast *f = ctx;
    size_t need = sizeof(arena_head) + ((sz + 15) & ~(size_t)15);
    if (f->arena_cap - f->arena_used < need) {
        f->arena_missed += need;
        return malloc(sz);
    }
    arena_head *h = (arena_head *)(void *)(f->arena + f->arena_used);
    h->size = sz;
    f->arena_used += need;
    f->arena_last = h + 1;
    return h + 1;
}

static int in_arena(const jsonl_fast *f, const void *p)
{
    uintptr_t a = (uintptr_t)f->arena, q = (uintptr_t)p;
    return f->arena && q >= a && q - a < f->arena_cap;
}

static void arena_free(void *ctx, void *p)
{
    if (!in_arena(ctx, p))
        free(p);
}

static void *arena_realloc(void *ctx, void *p, size_t sz)
{
    jsonl_fast *f = ctx;
    if (!p)
        return arena_malloc(ctx, sz);
    if (!in_arena(f, p))
        return realloc(p, sz);
    arena_head *h = (arena_head *)p - 1;
    size_t at = (size_t)((char *)p - f->arena), need = (sz + 15) & ~(size_t)15;
    if (p == f->arena_last && f->arena_cap - at >= need) { /* grows in place */
        h->size = sz;
        f->arena_used = at + need;
        return p;
    }
    void *q = arena_malloc(ctx, sz);
    if (q)
        memcpy(q, p, h->size < sz ? h->size : sz);
    return q;
}

/* Empties the arena for the next line, grown when the last one missed. */
static void arena_reset(jsonl_fast *f)
{
    if (f->arena_missed) {
        size_t cap = (f->arena_cap + f->arena_missed) * 2;
        free(f->arena);
        f->arena = malloc(cap);
        f->arena_cap = f->arena ? cap : 0;
        f->arena_missed = 0;
    }
    f->arena_used = 0;
    f->arena_last = NULL;
}

int jsonl_read_fast(jsonl_fast *f, const char *s, size_t n, article_members *a)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (!n || s[0] != '{')
        return 0;
    const member absent = {MEMBER_ABSENT, NULL, 0, 0};
    a->id = a->title = a->published = a->text = a->story = absent;
    if (!f->yajl_only && jsonl_read_flat(f, (const unsigned char *)s, n, a))
        return 1;
    if (!yajl_safe((const unsigned char *)s, n))
        return 0;
    a->id = a->title = a->published = a->text = a->story = absent;
    fast_read r = {f, a, (const unsigned char *)s, n, NULL, 0, 0, NULL, NULL};
    arena_reset(f);
    yajl_alloc_funcs mem = {arena_malloc, arena_realloc, arena_free, f};
    yajl_handle h = yajl_alloc(&fast_callbacks, &mem, &r);
    if (!h)
        return 0;
    r.h = h;
    /* the scan above checked UTF-8, more strictly than yajl would */
    yajl_config(h, yajl_dont_validate_strings, 1);
    int ok = yajl_parse(h, (const unsigned char *)s, n) == yajl_status_ok &&
             yajl_complete_parse(h) == yajl_status_ok;
    yajl_free(h);
    /* yajl takes an unterminated string after the value as the start of
     * one more token, and ends without a word: the object must end the
     * line */
    return ok && r.end == n;
}

void jsonl_fast_free(jsonl_fast *f)
{
    free(f->id.p);
    free(f->title.p);
    free(f->published.p);
    free(f->text.p);
    free(f->story.p);
    free(f->arena);
    memset(f, 0, sizeof *f);
}

void jsonl_members_of_jansson(const json_t *obj, article_members *a)
{
    a->id = member_of_jansson(json_object_get(obj, "id"));
    a->title = member_of_jansson(json_object_get(obj, "title"));
    a->published = member_of_jansson(json_object_get(obj, "published"));
    a->text = member_of_jansson(json_object_get(obj, "text"));
    a->story = member_of_jansson(json_object_get(obj, "story"));
}

void add_jsonl_line(cli *c, jsonl_fast *f, const buffer *b, size_t start, size_t k, size_t eol,
                    const char *fallback, const char *source, size_t line)
{
    article_members a;
    f->pool = &c->texts;
    int fast = jsonl_read_fast(f, b->data + k, eol - k, &a);
    f->pool = NULL;
    if (fast) {
        /* the fast readers take no \u0000 and no control byte: their
           strings have no NUL for add_article to look for */
        add_article(c, &a, fallback, source, (long long)start, 1);
        return;
    }
    json_error_t jerr;
    json_t *obj = json_loadb(b->data + start, eol - start, JSON_ALLOW_NUL, &jerr);
    if (!obj || !json_is_object(obj)) {
        sbuf msg = {NULL, 0, 0};
        sb_printf(&msg, "line %zu: %s", line, obj ? "not a JSON object" : jerr.text);
        long long off = obj ? (long long)start
                            : (long long)start + (jerr.position > 0 ? jerr.position : 0);
        reject(c, fallback, CLAIMS_ERR_IO, msg.p, off);
        free(msg.p);
    } else {
        add_json_object(c, obj, fallback, source, (long long)start);
    }
    json_decref(obj);
}

/* The first '\n' of p[0, n), or NULL: memchr, but 64 bytes a step with
 * SSE2 on a C library other than glibc. musl's memchr reads a word at a
 * time: the line ends of the 2 MB slice of news cost claims-musl 2.9 M
 * instructions, and this loop 0.8 M; glibc's memchr (AVX2) costs 0.26 M,
 * where this loop took 0.7 M. */
static const char *find_newline(const char *p, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__) && !defined(__GLIBC__)
    const __m128i nl = _mm_set1_epi8('\n');
    for (; i + 64 <= n; i += 64) {
        const __m128i *v = (const __m128i *)(const void *)(p + i);
        __m128i a = _mm_or_si128(_mm_cmpeq_epi8(_mm_loadu_si128(v), nl),
                                 _mm_cmpeq_epi8(_mm_loadu_si128(v + 1), nl));
        __m128i b = _mm_or_si128(_mm_cmpeq_epi8(_mm_loadu_si128(v + 2), nl),
                                 _mm_cmpeq_epi8(_mm_loadu_si128(v + 3), nl));
        if (_mm_movemask_epi8(_mm_or_si128(a, b)))
            break; /* in these 64: memchr finds where */
    }
#endif
    return memchr(p + i, '\n', n - i);
}

/* JSON Lines: one article per line; `name` gives fallback ids (NAME:LINE),
 * `path` the messages' FILE:LINE. */
void add_jsonl(cli *c, const char *name, const char *path, const buffer *b)
{
    size_t pos = bom_len(b), line = 0;
    /* NAME:LINE and PATH:LINE, written in two buffers kept from line to
     * line: a printf and two mallocs a line took a tenth of the reading.
     * "NAME:" and "PATH:" are written once, a line's number after them. */
    sbuf fallback = {NULL, 0, 0}, source = {NULL, 0, 0};
    sb_str(&fallback, name);
    sb_add(&fallback, ":", 1);
    sb_str(&source, path);
    sb_add(&source, ":", 1);
    size_t fallback_prefix = fallback.n, source_prefix = source.n;
    jsonl_fast f;
    memset(&f, 0, sizeof f);
    while (pos < b->len) {
        const char *nl = find_newline(b->data + pos, b->len - pos);
        size_t eol = nl ? (size_t)(nl - b->data) : b->len;
        line++;
        size_t start = pos;
        pos = eol + 1;
        size_t k = start;
        while (k < eol && (b->data[k] == ' ' || b->data[k] == '\t' || b->data[k] == '\r'))
            k++;
        if (k == eol)
            continue;
        fallback.n = fallback_prefix;
        sb_uint(&fallback, line);
        source.n = source_prefix;
        sb_uint(&source, line);
        add_jsonl_line(c, &f, b, start, k, eol, fallback.p, source.p, line);
    }
    jsonl_fast_free(&f);
    free(fallback.p);
    free(source.p);
}

/* A file named *.json: one JSON object, an array of them, or JSON Lines;
 * anything else is rejected (never read as a plain-text article). */
void add_json_file(cli *c, const char *name, const char *path, const buffer *b)
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

void cli_forget_sources(cli *c)
{
    strmap_free_borrowed(&c->sources, NULL);
    strpool_free(&c->source_strings);
}

void cli_free(cli *c)
{
    claims_story_free(c->story);
    c->story = NULL;
    strmap_free_borrowed(&c->sources, NULL);
    strpool_free(&c->source_strings);
    for (size_t i = 0; i < c->nlent; i++)
        buffer_release(&c->lent[i].b, c->lent[i].mapped);
    free(c->lent);
    c->lent = NULL;
    c->nlent = c->cap_lent = 0;
    for (size_t i = 0; i < c->texts.nchunks; i++)
        cli_text_chunk_free(c->texts.heap, c->texts.chunks[i]);
    free(c->texts.chunks);
    memset(&c->texts, 0, sizeof c->texts);
    cli_heap_release(&c->heap);
}

