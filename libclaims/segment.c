/* segment.c - tokens, sentences and paragraphs with byte spans, and the
 * page furniture (captions, credits, bylines) that extractors skip.
 *
 * Tokenization works on the original bytes; each token's normalized text
 * is appended to one buffer per article, so numbers are recognised before
 * any compatibility normalization could change them. */
#include "internal.h"

#include <string.h>

/* A blank line precedes the token; private to this file, cleared before
 * claims__segment returns. */
enum { SEG_BLANK = 1 << 15 };

typedef struct tokvec {
    const claims_allocator *a;
    claims__token *v;
    size_t n, cap;
} tokvec;

static bool is_quote_cp(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: case 0x2039: case 0x203A: case 0x201F:
    case 0x201A: case 0x201B:
        return true;
    default:
        return false;
    }
}

static bool is_single_quote_cp(int32_t cp)
{
    return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x2039 || cp == 0x203A ||
           cp == 0x201A || cp == 0x201B;
}

static bool is_mark_cp(int32_t cp)
{
    /* Combining marks keep a word together ("e" + U+0301). */
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* ASCII fast paths of the utf8.c helpers (same results). */
static inline bool cp_letter(int32_t cp)
{
    return cp < 0x80 ? claims__is_alpha(cp) : claims__cp_is_letter(cp);
}

static inline bool cp_digit(int32_t cp)
{
    return cp < 0x80 ? claims__is_digit(cp) : claims__cp_is_digit(cp);
}

static inline bool cp_space(int32_t cp)
{
    return cp < 0x80 ? claims__is_space(cp) : claims__cp_is_space(cp);
}

static int32_t peek_cp(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return -1;
    return claims__utf8_next_fast(s, n, &i);
}

/* Code point ending just before byte i (i > 0). */
static int32_t prev_cp(const char *s, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    return claims__utf8_next(s, i, &j);
}

static inline bool push_tok(tokvec *tv, claims__buf *norm, const char *s, size_t start, size_t end,
                     uint16_t cls, uint16_t flags)
{
    if (tv->n >= tv->cap &&
        !claims__grow(tv->a, (void **)&tv->v, &tv->cap, tv->n + 1, sizeof *tv->v))
        return false;
    claims__token *t = &tv->v[tv->n++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->norm = (uint32_t)norm->len;
    /* ASCII fast path: lower-case and hash in one pass into the space
     * claims__segment reserved; anything else goes through utf8proc. */
    size_t n = end - start;
    bool done = false;
    if (norm->cap - norm->len > n) {
        char *d = norm->data + norm->len;
        uint32_t h = CLAIMS__HASH_INIT;
        size_t k = 0;
        for (; k < n; k++) {
            unsigned char c = (unsigned char)s[start + k];
            if (c >= 0x80)
                break;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            d[k] = (char)c;
            h = (h ^ c) * 16777619u;
        }
        if (k == n) {
            norm->len += n;
            norm->data[norm->len] = 0;
            t->hash = h;
            done = true;
        }
    }
    if (!done) {
        if (!claims__norm_append(norm, s + start, end - start))
            return false;
        t->hash = claims__hash(CLAIMS__HASH_INIT, norm->data + t->norm, norm->len - t->norm);
    }
    t->norm_len = (uint32_t)(norm->len - t->norm);
    t->cls = cls;
    t->flags = flags;
    t->lexmask = UINT32_MAX; /* "maybe" until claims__segment knows the lexicon */
    t->sentence = 0;
    return true;
}

/* push_tok for an ASCII token whose lower-cased text the caller already
 * wrote at the end of the norm buffer, with its hash `h`. */
static inline bool push_tok_ready(tokvec *tv, claims__buf *norm, size_t start, size_t end,
                                  uint16_t cls, uint16_t flags, uint32_t h)
{
    if (tv->n >= tv->cap &&
        !claims__grow(tv->a, (void **)&tv->v, &tv->cap, tv->n + 1, sizeof *tv->v))
        return false;
    claims__token *t = &tv->v[tv->n++];
    size_t n = end - start;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->norm = (uint32_t)norm->len;
    norm->len += n;
    norm->data[norm->len] = 0;
    t->hash = h;
    t->norm_len = (uint32_t)n;
    t->cls = cls;
    t->flags = flags;
    t->lexmask = UINT32_MAX;
    t->sentence = 0;
    return true;
}

static claims_status tokenize_into(const char *s, size_t n, tokvec *tv, claims__buf *norm)
{
    size_t i = 0;
    uint16_t pending = CLAIMS__TF_SPACE_BEFORE;
    unsigned newlines = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t start = i;
        int32_t cp;
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
                pending |= CLAIMS__TF_SPACE_BEFORE;
                i++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                pending |= CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_LINE_BEFORE;
                if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
                    i++;
                if (++newlines >= 2)
                    pending |= SEG_BLANK;
                i++;
                continue;
            }
            cp = c;
            i++;
        } else {
            cp = claims__utf8_next(s, n, &i);
            if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                pending |= CLAIMS__TF_SPACE_BEFORE | CLAIMS__TF_LINE_BEFORE;
                if (cp == 0x2029 || ++newlines >= 2)
                    pending |= SEG_BLANK;
                continue;
            }
            if (cp == 0xFEFF || cp == 0x200B || cp_space(cp)) {
                pending |= CLAIMS__TF_SPACE_BEFORE;
                continue;
            }
        }
        newlines = 0;
        uint16_t flags = pending;
        pending = 0;
        uint16_t cls;
        if (cp_letter(cp)) {
            cls = CLAIMS__TOK_WORD;
            unsigned letters = 1, uppers = (cp < 0x80 ? claims__is_upper(cp) : claims__cp_is_upper(cp));
            if (uppers)
                flags |= CLAIMS__TF_CAP;
            size_t poss = 0; /* start of a split-off possessive */
            /* An ASCII word is lower-cased and hashed into the norm buffer
             * while it is scanned, when the buffer surely has room. */
            bool direct = cp < 0x80 && norm->cap - norm->len > n - start;
            char *nd = direct ? norm->data + norm->len : NULL;
            uint32_t h = CLAIMS__HASH_INIT;
            size_t dk = 0;
            if (direct) {
                unsigned char lc = (unsigned char)claims__to_lower(cp);
                nd[dk++] = (char)lc;
                h = (h ^ lc) * 16777619u;
            }
            /* ASCII fast path over plain letters and digits. */
            while (i < n) {
                unsigned char b = (unsigned char)s[i];
                if (claims__is_lower(b)) {
                    letters++;
                } else if (claims__is_upper(b)) {
                    letters++;
                    uppers++;
                    b = (unsigned char)(b + 32);
                } else if (claims__is_digit(b)) {
                    flags |= CLAIMS__TF_HAS_DIGIT;
                } else {
                    break;
                }
                if (direct) {
                    nd[dk++] = (char)b;
                    h = (h ^ b) * 16777619u;
                }
                i++;
            }
            size_t fast_end = i;
            while (i < n) {
                unsigned char b0 = (unsigned char)s[i];
                if (b0 < 0x80 && b0 != '\'' && !claims__is_alpha(b0) && !claims__is_digit(b0))
                    break; /* ASCII space or punctuation ends the word */
                size_t j = i;
                int32_t d = claims__utf8_next_fast(s, n, &j);
                if (cp_letter(d)) {
                    letters++;
                    uppers += claims__cp_is_upper(d);
                } else if (cp_digit(d)) {
                    flags |= CLAIMS__TF_HAS_DIGIT;
                } else if (is_mark_cp(d)) {
                    /* part of the letter before */
                } else if ((d == '\'' || d == 0x2019) && cp_letter(peek_cp(s, n, j))) {
                    size_t k = j;
                    int32_t e = claims__utf8_next_fast(s, n, &k);
                    if ((e == 's' || e == 'S') && !cp_letter(peek_cp(s, n, k))) {
                        poss = i;
                        i = k;
                        break;
                    }
                } else {
                    break;
                }
                i = j;
            }
            if (letters >= 2 && uppers == letters)
                flags |= CLAIMS__TF_ALLCAPS;
            if (direct && !poss && i == fast_end) {
                if (!push_tok_ready(tv, norm, start, i, cls, flags, h))
                    return CLAIMS_ERR_NOMEM;
                continue;
            }
            if (poss) {
                if (!push_tok(tv, norm, s, start, poss, cls, flags))
                    return CLAIMS_ERR_NOMEM;
                if (!push_tok(tv, norm, s, poss, i, CLAIMS__TOK_WORD, CLAIMS__TF_POSSESSIVE))
                    return CLAIMS_ERR_NOMEM;
                continue;
            }
        } else if (cp_digit(cp)) {
            cls = CLAIMS__TOK_NUMBER;
            while (i < n) {
                size_t j = i;
                int32_t d = claims__utf8_next_fast(s, n, &j);
                if (cp_digit(d)) {
                    i = j;
                } else if ((d == ',' || d == '.') && j < n && claims__is_digit((unsigned char)s[j])) {
                    i = j;
                } else {
                    break;
                }
            }
        } else if (is_quote_cp(cp)) {
            cls = CLAIMS__TOK_QUOTE;
            if (is_single_quote_cp(cp))
                flags |= CLAIMS__TF_QUOTE_SINGLE;
            if (cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x2039 || cp == 0x201E ||
                cp == 0x201A) {
                flags |= CLAIMS__TF_QUOTE_OPEN;
            } else if (cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A) {
                flags |= CLAIMS__TF_QUOTE_CLOSE;
            } else {
                /* Straight marks: guess from the spacing around them. */
                int32_t before = start > 0 ? prev_cp(s, start) : ' ';
                int32_t after = i < n ? peek_cp(s, n, i) : ' ';
                bool open_ctx = cp_space(before) || before == '(' || before == '[' ||
                                before == '-' || before == 0x2014 || is_quote_cp(before) ||
                                before == 0xFEFF;
                bool space_after = after == -1 || cp_space(after);
                if (open_ctx && !space_after)
                    flags |= CLAIMS__TF_QUOTE_OPEN;
                else if (!open_ctx)
                    flags |= CLAIMS__TF_QUOTE_CLOSE;
            }
        } else {
            cls = CLAIMS__TOK_PUNCT;
        }
        if (!push_tok(tv, norm, s, start, i, cls, flags))
            return CLAIMS_ERR_NOMEM;
    }
    return CLAIMS_OK;
}

claims_status claims__tokenize(const claims_allocator *a, const char *s, size_t n,
                               claims__token **toks, size_t *ntoks, char **norm,
                               size_t *norm_len)
{
    tokvec tv = {a, NULL, 0, 0};
    claims__buf nb;
    claims__buf_init(&nb, a);
    claims_status st = tokenize_into(s, n, &tv, &nb);
    if (st == CLAIMS_OK && !nb.data) {
        /* Always hand back a NUL-terminated buffer, even for no tokens. */
        if (claims__buf_putc(&nb, 0))
            nb.len = 0;
        else
            st = CLAIMS_ERR_NOMEM;
    }
    if (st != CLAIMS_OK) {
        claims__free(a, tv.v);
        claims__buf_free(&nb);
        return st;
    }
    for (size_t k = 0; k < tv.n; k++)
        tv.v[k].flags &= (uint16_t)~SEG_BLANK;
    *toks = tv.v;
    *ntoks = tv.n;
    *norm = nb.data;
    *norm_len = nb.len;
    return CLAIMS_OK;
}

/* ------------------------------------------------------------ sentences */

static bool tok_is(const claims__article *art, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return art->toks[i].norm_len == n && memcmp(claims__tok_norm(art, i), lit, n) == 0;
}

static inline bool is_terminal(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    if (t->cls != CLAIMS__TOK_PUNCT)
        return false;
    const char *p = claims__tok_norm(art, i);
    if (t->norm_len == 1)
        return p[0] == '.' || p[0] == '!' || p[0] == '?';
    return t->norm_len == 3 && memcmp(p, "\xe2\x80\xa6", 3) == 0; /* … */
}

static bool is_lowercase_word(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    return t->cls == CLAIMS__TOK_WORD && !(t->flags & CLAIMS__TF_CAP);
}

/* Is the '.' at token i an abbreviation's or an initial's? */
static bool abbreviation_dot(const claims__lexicon *lx, const claims__article *art, size_t i)
{
    if (i == 0 || (art->toks[i].flags & CLAIMS__TF_SPACE_BEFORE))
        return false;
    const claims__token *w = &art->toks[i - 1];
    if (w->cls != CLAIMS__TOK_WORD)
        return false;
    /* Single-letter initials: "J. Smith", "U.N." */
    if (w->norm_len == 1)
        return true;
    /* Multi-part abbreviations: "e.g", "u.s" are keyed with their dots. */
    size_t b = i - 1;
    while (b >= 2 && tok_is(art, b - 1, ".") && art->toks[b - 2].cls == CLAIMS__TOK_WORD &&
           !(art->toks[b].flags & CLAIMS__TF_SPACE_BEFORE) &&
           !(art->toks[b - 1].flags & CLAIMS__TF_SPACE_BEFORE))
        b -= 2;
    size_t n;
    const claims__lex_entry *e = claims__lex_match(lx, CLAIMS__LEX_ABBREVIATION, art, b, i, &n);
    return e && b + n == i && strcmp(e->value, "abbr") == 0;
}

/* Decides whether a single line break before token t is a hard break
 * (a new paragraph) or a wrapped line. `ls` is the line's first token. */
static bool hard_line_break(const claims__article *art, size_t ls, size_t t)
{
    const claims__token *last = &art->toks[t - 1];
    if (last->cls == CLAIMS__TOK_QUOTE || is_terminal(art, t - 1) || tok_is(art, t - 1, ":") ||
        tok_is(art, t - 1, ";") || tok_is(art, t - 1, ")"))
        return true;
    if (last->end - art->toks[ls].start < 60)
        return true;
    const claims__token *next = &art->toks[t];
    /* A wrapped line continues with a lower-case word, a number or a
     * designator ("S-300"); a capitalized word starts a new paragraph. */
    if (next->cls == CLAIMS__TOK_WORD && (next->flags & CLAIMS__TF_CAP) &&
        next->norm_len > 1 && !(next->flags & CLAIMS__TF_HAS_DIGIT))
        return true;
    return false;
}

static bool ends_with_terminal(const claims__article *art, size_t b, size_t e)
{
    while (e > b && art->toks[e - 1].cls == CLAIMS__TOK_QUOTE)
        e--;
    return e > b && is_terminal(art, e - 1);
}

static bool year_like(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    if (t->cls != CLAIMS__TOK_NUMBER || t->norm_len != 4)
        return false;
    double v = 0;
    return claims__parse_decimal(claims__tok_norm(art, i), 4, &v) && v >= 1800 && v <= 2100;
}

static const claims__lex_entry *furniture_at(const claims__lexicon *lx,
                                             const claims__article *art, size_t i, size_t end,
                                             size_t *n)
{
    return claims__lex_match(lx, CLAIMS__LEX_FURNITURE, art, i, end, n);
}

/* Marks page furniture in paragraph [pb, pe) of sentences [sb, se). */
static void mark_furniture(const claims__lexicon *lx, claims__article *art, size_t pb,
                           size_t pe, size_t sb, size_t se)
{
    size_t ntok = pe - pb, n;
    bool whole = false;
    const claims__lex_entry *e = furniture_at(lx, art, pb, pe, &n);
    /* "RELATED: ...", "Text size" */
    if (e && strcmp(e->value, "related") == 0 && pb + n < pe && tok_is(art, pb + n, ":"))
        whole = true;
    if (e && strcmp(e->value, "page") == 0 && pb + n == pe)
        whole = true;
    /* "By Jane Doe" bylines: only capitalized words, commas and "and". */
    if (e && strcmp(e->value, "byline") == 0 && ntok <= 8 && pb + 1 < pe) {
        bool names = true;
        for (size_t k = pb + 1; k < pe && names; k++) {
            const claims__token *t = &art->toks[k];
            names = (t->cls == CLAIMS__TOK_WORD && (t->flags & CLAIMS__TF_CAP)) ||
                    tok_is(art, k, ",") || tok_is(art, k, "and") || tok_is(art, k, ".");
        }
        whole = names;
    }
    /* A short caption line ending in a number with no full stop:
     * "Minister and guest 311", "olmert visit 224.88". */
    if (ntok <= 12 && art->toks[pe - 1].cls == CLAIMS__TOK_NUMBER &&
        !ends_with_terminal(art, pb, pe) && !year_like(art, pe - 1) &&
        art->toks[pe - 1].end - art->toks[pb].start < 100) {
        /* A headline has a verb ("Ferry sinking kills 31"); a caption
         * names who is in the picture. */
        bool verb = false;
        for (size_t k = pb; k < pe && !verb; k++)
            verb = claims__lex_match(lx, CLAIMS__LEX_ACTION, art, k, pe, &n) != NULL;
        whole = !verb;
    }
    /* "(photo credit: ...)" anywhere in a short line makes it a caption. */
    for (size_t k = pb; k < pe && !whole; k++) {
        if (!tok_is(art, k, "("))
            continue;
        e = furniture_at(lx, art, k + 1, pe, &n);
        if (e && strcmp(e->value, "credit") == 0 && ntok <= 30)
            whole = true;
    }
    for (size_t si = sb; si < se; si++) {
        claims__sentence *sn = &art->sents[si];
        if (whole) {
            sn->flags |= CLAIMS__SF_FURNITURE;
            continue;
        }
        /* Sentence-level credits: "Photo by AP", "AP contributed to this
         * report." */
        size_t sbeg = sn->tok_begin, send = sn->tok_end;
        e = furniture_at(lx, art, sbeg, send, &n);
        if (e && strcmp(e->value, "credit") == 0 && send - sbeg <= 8)
            sn->flags |= CLAIMS__SF_FURNITURE;
        for (size_t k = sbeg; k < send && k < sbeg + 6; k++) {
            e = furniture_at(lx, art, k, send, &n);
            if (e && strcmp(e->value, "report") == 0)
                sn->flags |= CLAIMS__SF_FURNITURE;
        }
    }
}

static bool push_sentence(const claims_allocator *a, claims__article *art, size_t *cap,
                          size_t tb, size_t te, size_t para, bool para_start)
{
    if (tb >= te)
        return true;
    if (!claims__grow(a, (void **)&art->sents, cap, art->nsents + 1, sizeof *art->sents))
        return false;
    claims__sentence *sn = &art->sents[art->nsents];
    sn->start = art->toks[tb].start;
    sn->end = art->toks[te - 1].end;
    sn->tok_begin = (uint32_t)tb;
    sn->tok_end = (uint32_t)te;
    sn->paragraph = (uint32_t)para;
    sn->flags = para_start ? CLAIMS__SF_PARA_START : 0;
    for (size_t k = tb; k < te; k++)
        art->toks[k].sentence = (uint32_t)art->nsents;
    art->toks[tb].flags |= CLAIMS__TF_SENT_START;
    art->nsents++;
    return true;
}

/* Splits paragraph [pb, pe) into sentences. */
static bool split_paragraph(const claims_allocator *a, const claims__lexicon *lx,
                            claims__article *art, size_t *cap, size_t pb, size_t pe,
                            size_t para)
{
    size_t sb = pb;
    bool first = true;
    for (size_t i = pb; i < pe; i++) {
        if (!is_terminal(art, i))
            continue;
        size_t u = i + 1;
        while (u < pe && !(art->toks[u].flags & CLAIMS__TF_SPACE_BEFORE) &&
               (art->toks[u].cls == CLAIMS__TOK_QUOTE || tok_is(art, u, ")") ||
                is_terminal(art, u)))
            u++;
        if (u >= pe)
            break;
        if (!(art->toks[u].flags & CLAIMS__TF_SPACE_BEFORE))
            continue;
        if (is_lowercase_word(art, u))
            continue;
        /* "Sept. 1", "No. 1", "Gen. Smith", "U.N. envoy". */
        if (tok_is(art, i, ".") && abbreviation_dot(lx, art, i))
            continue;
        if (!push_sentence(a, art, cap, sb, u, para, first))
            return false;
        first = false;
        sb = u;
        i = u - 1;
    }
    return push_sentence(a, art, cap, sb, pe, para, first);
}

size_t claims__sentence_at(const claims__article *art, size_t off)
{
    size_t lo = 0, hi = art->nsents;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (art->sents[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= art->nsents && art->nsents)
        lo = art->nsents - 1;
    return lo;
}

claims_status claims__segment(const claims_allocator *a, const claims__lexicon *lx,
                              claims__article *art)
{
    tokvec tv = {a, NULL, 0, 0};
    claims__buf nb;
    claims__buf_init(&nb, a);
    /* News text averages about one token per five bytes. */
    if (!claims__grow(a, (void **)&tv.v, &tv.cap, art->len / 5 + 16, sizeof *tv.v) ||
        !claims__grow(a, (void **)&nb.data, &nb.cap, art->len + 16, 1)) {
        claims__free(a, tv.v);
        claims__buf_free(&nb);
        return CLAIMS_ERR_NOMEM;
    }
    claims_status st = tokenize_into(art->text, art->len, &tv, &nb);
    if (st == CLAIMS_OK && !claims__buf_putc(&nb, 0))
        st = CLAIMS_ERR_NOMEM;
    art->toks = tv.v;
    art->ntoks = tv.n;
    art->norm = nb.data;
    art->norm_len = nb.len ? nb.len - 1 : 0;
    if (st != CLAIMS_OK)
        return st;
    for (size_t k = 0; k < art->ntoks; k++)
        art->toks[k].lexmask = claims__lex_first_mask(lx, art->toks[k].hash);

    /* Paragraphs: a blank line, or a hard single line break. */
    size_t cap = 0, para = 0, pb = 0, ls = 0;
    art->nsents = 0;
    for (size_t t = 1; t <= art->ntoks; t++) {
        bool brk = t == art->ntoks;
        if (!brk && (art->toks[t].flags & CLAIMS__TF_LINE_BEFORE)) {
            brk = (art->toks[t].flags & SEG_BLANK) || hard_line_break(art, ls, t);
            ls = t;
        }
        if (!brk)
            continue;
        size_t sb = art->nsents;
        if (!split_paragraph(a, lx, art, &cap, pb, t, para))
            return CLAIMS_ERR_NOMEM;
        mark_furniture(lx, art, pb, t, sb, art->nsents);
        para++;
        pb = t;
    }
    art->nparas = para;
    for (size_t k = 0; k < art->ntoks; k++)
        art->toks[k].flags &= (uint16_t)~SEG_BLANK;

    /* The title line, when the text starts with the given title. */
    if (art->title && art->nsents) {
        size_t tl = strlen(art->title), p = 0;
        while (p < art->len && (claims__is_space((unsigned char)art->text[p])))
            p++;
        if (p + 3 <= art->len && memcmp(art->text + p, "\xef\xbb\xbf", 3) == 0)
            p += 3;
        if (tl && p + tl <= art->len && memcmp(art->text + p, art->title, tl) == 0) {
            uint32_t first_para = art->sents[0].paragraph;
            for (size_t si = 0; si < art->nsents && art->sents[si].paragraph == first_para;
                 si++)
                art->sents[si].flags |= CLAIMS__SF_TITLE;
        }
    }
    return CLAIMS_OK;
}

void claims__article_drop_tokens(const claims_allocator *a, claims__article *art)
{
    claims__free(a, art->toks);
    claims__free(a, art->sents);
    claims__free(a, art->norm);
    art->toks = NULL;
    art->sents = NULL;
    art->norm = NULL;
    art->ntoks = art->nsents = art->norm_len = art->nparas = 0;
}

void claims__article_free(const claims_allocator *a, claims__article *art)
{
    claims__free(a, art->id);
    claims__free(a, art->title);
    claims__free(a, art->text);
    claims__free(a, art->toks);
    claims__free(a, art->sents);
    claims__free(a, art->norm);
    memset(art, 0, sizeof *art);
}
