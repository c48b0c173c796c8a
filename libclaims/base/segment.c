/* segment.c - sentences and paragraphs over the tokens, with byte spans,
 * and the page furniture (captions, credits, bylines) that extractors skip. */
#include "base/base.h"

#include <string.h>

/* ------------------------------------------------------------ sentences */

static inline bool is_terminal(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    if (t->cls != CLAIMS__TOK_PUNCT)
        return false;
    const char *p = claims__tok_norm(art, i);
    if (claims__tok_len(t) == 1)
        return p[0] == '.' || p[0] == '!' || p[0] == '?';
    return claims__tok_len(t) == 3 && memcmp(p, "\xe2\x80\xa6", 3) == 0; /* … */
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
    if (claims__tok_len(w) == 1)
        return true;
    /* Multi-part abbreviations: "e.g", "u.s" are keyed with their dots. */
    size_t b = i - 1;
    while (b >= 2 && claims__tok_is(art, b - 1, ".") && art->toks[b - 2].cls == CLAIMS__TOK_WORD &&
           !(art->toks[b].flags & CLAIMS__TF_SPACE_BEFORE) &&
           !(art->toks[b - 1].flags & CLAIMS__TF_SPACE_BEFORE))
        b -= 2;
    size_t n;
    const claims__lex_entry *e = claims__lex_match(lx, CLAIMS__LEX_ABBREVIATION, art, b, i, &n);
    return e && b + n == i && e->code == CLAIMS__LV_ABBR;
}

static bool ends_with_terminal(const claims__article *art, size_t b, size_t e)
{
    while (e > b && art->toks[e - 1].cls == CLAIMS__TOK_QUOTE)
        e--;
    return e > b && is_terminal(art, e - 1);
}

static const claims__lex_entry *furniture_at(const claims__lexicon *lx,
                                             const claims__article *art, size_t i, size_t end,
                                             size_t *n)
{
    return claims__lex_match(lx, CLAIMS__LEX_FURNITURE, art, i, end, n);
}

/* The tokenizer's lists of the tokens that may end a sentence, of those
 * after a line break and of the "(" tokens (claims__seg_scratch), each
 * read once from the front, as the queries of list_next rise (the first
 * twice: terms by split_paragraph, ends by hard_line_break). */
typedef struct seg_list {
    const uint32_t *at; /* the first entry not yet passed */
} seg_list;
typedef struct seg_lists {
    seg_list terms, lines, parens, ends;
} seg_lists;

static inline size_t list_next(seg_list *l, size_t i, size_t end);

/* Whether paragraph [pb, pe) is page furniture as a whole (all its
 * sentences are). */
static bool furniture_paragraph(const claims__lexicon *lx, const claims__article *art,
                                seg_lists *sl, size_t pb, size_t pe)
{
    size_t ntok = pe - pb, n;
    bool whole = false;
    const claims__lex_entry *e = furniture_at(lx, art, pb, pe, &n);
    /* "RELATED: ...", "Text size" */
    if (e && e->code == CLAIMS__LV_RELATED && pb + n < pe && claims__tok_is(art, pb + n, ":"))
        whole = true;
    if (e && e->code == CLAIMS__LV_PAGE && pb + n == pe)
        whole = true;
    /* "By Jane Doe" bylines: only capitalized words, commas and "and". */
    if (e && e->code == CLAIMS__LV_BYLINE && ntok <= 8 && pb + 1 < pe) {
        bool names = true;
        for (size_t k = pb + 1; k < pe && names; k++) {
            const claims__token *t = &art->toks[k];
            names = (t->cls == CLAIMS__TOK_WORD && (t->flags & CLAIMS__TF_CAP)) ||
                    claims__tok_is(art, k, ",") || claims__tok_is(art, k, "and") ||
                    claims__tok_is(art, k, ".");
        }
        whole = names;
    }
    /* A short caption line ending in a number with no full stop:
     * "Minister and guest 311", "olmert visit 224.88". */
    if (((ntok <= 12) & (art->toks[pe - 1].cls == CLAIMS__TOK_NUMBER)) && /* (one branch) */
        !ends_with_terminal(art, pb, pe) && !claims__tok_year_like(art, pe - 1) &&
        art->pos[pe - 1].end - art->pos[pb].start < 100) {
        /* A headline has a verb ("Ferry sinking kills 31"); a caption
         * names who is in the picture. */
        bool verb = false;
        for (size_t k = pb; k < pe && !verb; k++)
            verb = claims__lex_match(lx, CLAIMS__LEX_ACTION, art, k, pe, &n) != NULL ||
                   claims__lex_match(lx, CLAIMS__LEX_ACTION_WORD, art, k, pe, &n) != NULL;
        whole = !verb;
    }
    /* "(photo credit: ...)" anywhere in a short line (30 tokens at most;
     * a longer one is not scanned for it) makes it a caption. (A longer
     * one's scan ends at once, at pb: a conditional move, not a branch
     * that a line's length decides at random.) */
    size_t ce = ntok <= 30 ? pe : pb;
    for (size_t k = list_next(&sl->parens, pb, ce); k < ce && !whole;
         k = list_next(&sl->parens, k + 1, ce)) {
        e = furniture_at(lx, art, k + 1, pe, &n);
        whole = e && e->code == CLAIMS__LV_CREDIT;
    }
    return whole;
}

/* CLAIMS__SF_FURNITURE when sentence [sb, se) is a credit ("Photo by AP",
 * "AP contributed to this report."): a credit phrase opens a sentence of
 * eight tokens at most, or a report phrase is in its first six tokens;
 * else 0. Out of line: push_sentence calls it only when the lexmasks say
 * a furniture phrase may start there. */
CLAIMS__NOINLINE static uint16_t
furniture_sentence(const claims__lexicon *lx, const claims__article *art, size_t sb, size_t se)
{
    size_t n;
    uint16_t f = 0;
    const claims__lex_entry *e = furniture_at(lx, art, sb, se, &n);
    if (e && e->code == CLAIMS__LV_CREDIT && se - sb <= 8)
        f = CLAIMS__SF_FURNITURE;
    /* a report phrase in the first six tokens; the one at sb is e */
    if (e && e->code == CLAIMS__LV_REPORT)
        f = CLAIMS__SF_FURNITURE;
    for (size_t k = sb + 1; k < se && k < sb + 6; k++) {
        e = furniture_at(lx, art, k, se, &n);
        if (e && e->code == CLAIMS__LV_REPORT)
            f = CLAIMS__SF_FURNITURE;
    }
    return f;
}

/* Sentence index si to the eight tokens from t on. */
#define SENT8(t, si)                                                                               \
    do {                                                                                           \
        claims__tok_pos *t8_ = (t);                                                                \
        t8_[0].sentence = t8_[1].sentence = t8_[2].sentence = t8_[3].sentence = (si);              \
        t8_[4].sentence = t8_[5].sentence = t8_[6].sentence = t8_[7].sentence = (si);              \
    } while (0)
enum { AHEAD = 32 }; /* see push_sentence (four SENT8 there) */

/* Appends sentence [tb, te) of paragraph para (the paragraph's first
 * with para_start; of a furniture paragraph with whole) with its flags,
 * and gives its tokens its index. False on OOM. */
static CLAIMS__ALWAYS_INLINE bool push_sentence(const claims_allocator *a,
                                                const claims__lexicon *lx, claims__article *art,
                                                size_t *cap, size_t tb, size_t te, size_t para,
                                                bool para_start, bool whole)
{
    if (tb >= te)
        return true;
    if (art->nsents >= *cap &&
        !claims__grow(a, (void **)&art->sents, cap, art->nsents + 1, sizeof *art->sents))
        return false;
    claims__sentence *sn = &art->sents[art->nsents];
    claims__tok_pos *toks = art->pos;
    uint32_t si = (uint32_t)art->nsents;
    sn->start = toks[tb].start;
    sn->end = toks[te - 1].end;
    sn->tok_begin = (uint32_t)tb;
    sn->tok_end = (uint32_t)te;
    sn->paragraph = (uint32_t)para;
    uint16_t f = para_start ? CLAIMS__SF_PARA_START : 0;
    /* Most sentences start no furniture phrase in their first six tokens
     * (those furniture_sentence reads): one test of their lexmasks
     * together, the tokens past te (of the next sentence, or the one past
     * the last) making it only stricter. */
    const claims__token *tk = art->toks;
    if (whole)
        f |= CLAIMS__SF_FURNITURE;
    else if (tb + 5 > art->ntoks ||
             ((tk[tb].lexmask | tk[tb + 1].lexmask | tk[tb + 2].lexmask | tk[tb + 3].lexmask |
               tk[tb + 4].lexmask | tk[tb + 5].lexmask) &
              (1u << CLAIMS__LEX_FURNITURE)))
        f |= furniture_sentence(lx, art, tb, te);
    sn->flags = f;
    /* Most sentences run to fewer than AHEAD tokens: AHEAD stores from tb
     * on, whatever the length (the tokens past te are a later sentence's,
     * pushed after this one and stored again: no test of the length, a
     * branch hard to predict). Else eight stores a turn: the loop's test
     * and step cost as much as a store; the last eight are stored again,
     * not left to a loop of 0 to 7 turns. */
    size_t from = tb; /* the stores still to make: [from, te) */
    if (tb + AHEAD <= art->ntoks) {
        SENT8(toks + tb, si);
        SENT8(toks + tb + 8, si);
        SENT8(toks + tb + 16, si);
        SENT8(toks + tb + 24, si);
        if (te - tb <= AHEAD)
            goto stored;
        from = tb + AHEAD;
    }
    if (te - tb >= 8) {
        for (size_t k = from; k + 8 <= te; k += 8)
            SENT8(toks + k, si);
        SENT8(toks + te - 8, si);
    } else {
        for (size_t k = tb; k < te; k++)
            toks[k].sentence = si;
    }
stored:
    art->toks[tb].flags |= CLAIMS__TF_SENT_START;
    art->nsents++;
    return true;
}

/* The first entry in [i, end) of list l, or end; i no less than in the
 * call before. */
static inline size_t list_next(seg_list *l, size_t i, size_t end)
{
    /* (the list ends with UINT32_MAX: see claims__seg_scratch; the walk
     * keeps its pointer in a register and stores it once) */
    const uint32_t *at = l->at;
    while (*at < i)
        at++;
    l->at = at;
    size_t v = *at;
    return v < end ? v : end;
}

/* Whether entry i is in list l, i greater than in the call before. An
 * entry found is passed at once: the next query's walk starts past it
 * (no step over it, a branch each line, most lines ending with one). */
static inline bool list_has(seg_list *l, size_t i)
{
    const uint32_t *at = l->at;
    while (*at < i)
        at++;
    bool has = *at == i;
    l->at = at + has;
    return has;
}

/* The first sentence-ending mark in tokens [i, pe), or pe. */
static size_t next_terminal(seg_lists *sl, size_t i, size_t pe)
{
    return list_next(&sl->terms, i, pe);
}

/* Decides whether a single line break before token t is a hard break
 * (a new paragraph) or a wrapped line. `ls` is the line's first token.
 * Most lines end with a full stop: the tokenizer's list of them (a
 * cursor of its own, sl->ends, as sl->terms is read from the paragraph's
 * start later) says so without a read of the token or its text. */
static bool hard_line_break(const claims__article *art, seg_lists *sl, size_t ls, size_t t)
{
    if (list_has(&sl->ends, t - 1))
        return true;
    const claims__token *last = &art->toks[t - 1];
    if (last->cls == CLAIMS__TOK_QUOTE || claims__tok_is(art, t - 1, ":") ||
        claims__tok_is(art, t - 1, ";") || claims__tok_is(art, t - 1, ")"))
        return true;
    if (art->pos[t - 1].end - art->pos[ls].start < 60)
        return true;
    const claims__token *next = &art->toks[t];
    /* A wrapped line continues with a lower-case word, a number or a
     * designator ("S-300"); a capitalized word starts a new paragraph. */
    if (next->cls == CLAIMS__TOK_WORD && (next->flags & CLAIMS__TF_CAP) &&
        claims__tok_len(next) > 1 && !(next->flags & CLAIMS__TF_HAS_DIGIT))
        return true;
    return false;
}

/* Splits paragraph [pb, pe) into sentences. */
static bool split_paragraph(const claims_allocator *a, const claims__lexicon *lx,
                            claims__article *art, seg_lists *sl, size_t *cap, size_t pb, size_t pe,
                            size_t para, bool whole)
{
    size_t sb = pb;
    bool first = true;
    for (size_t i = next_terminal(sl, pb, pe); i < pe; i = next_terminal(sl, i + 1, pe)) {
        size_t u = i + 1;
        while (u < pe && !(art->toks[u].flags & CLAIMS__TF_SPACE_BEFORE) &&
               (art->toks[u].cls == CLAIMS__TOK_QUOTE || claims__tok_is(art, u, ")") ||
                is_terminal(art, u)))
            u++;
        if (u >= pe)
            break;
        if (!(art->toks[u].flags & CLAIMS__TF_SPACE_BEFORE))
            continue;
        if (is_lowercase_word(art, u))
            continue;
        /* "Sept. 1", "No. 1", "Gen. Smith", "U.N. envoy". */
        if (claims__tok_is(art, i, ".") && abbreviation_dot(lx, art, i))
            continue;
        if (!push_sentence(a, lx, art, cap, sb, u, para, first, whole))
            return false;
        first = false;
        sb = u;
        i = u - 1;
    }
    return push_sentence(a, lx, art, cap, sb, pe, para, first, whole);
}

/* The first token from t on after a line break, or art->ntoks when none
 * is (t itself when beyond); t no less than in the call before. */
static size_t next_line(const claims__article *art, seg_lists *sl, size_t t)
{
    return t >= art->ntoks ? t : list_next(&sl->lines, t, art->ntoks);
}

/* claims__segment_into's sentences and paragraphs, in art->sents of
 * capacity *cap. */
static claims_status split_article(const claims_allocator *a, const claims__lexicon *lx,
                                   claims__article *art, const claims__seg_scratch *scr,
                                   size_t *cap)
{
    seg_lists sl = {{scr->terms}, {scr->lines}, {scr->parens}, {scr->terms}};
    /* Paragraphs: a blank line, or a hard single line break. The pass
     * also clears CLAIMS__TF_BLANK, read only here (the tokenizer sets it
     * with CLAIMS__TF_LINE_BEFORE), once read. */
    size_t para = 0, pb = 0, ls = 0;
    art->nsents = 0;
    /* News sentences run to about 23 tokens: room for one a 16 made at
     * once saves the reallocations of growing from 8 (one at most is
     * left for most articles). */
    if (!claims__grow(a, (void **)&art->sents, cap, art->ntoks / 16 + 1, sizeof *art->sents))
        return CLAIMS_ERR_NOMEM;
    if (art->ntoks)
        art->toks[0].flags &= (uint16_t)~CLAIMS__TF_BLANK;
    for (size_t t = next_line(art, &sl, 1); t <= art->ntoks; t = next_line(art, &sl, t + 1)) {
        bool brk = t == art->ntoks;
        if (!brk) {
            brk = (art->toks[t].flags & CLAIMS__TF_BLANK) || hard_line_break(art, &sl, ls, t);
            art->toks[t].flags &= (uint16_t)~CLAIMS__TF_BLANK;
            ls = t;
        }
        if (!brk)
            continue;
        bool whole = furniture_paragraph(lx, art, &sl, pb, t);
        if (!split_paragraph(a, lx, art, &sl, cap, pb, t, para, whole))
            return CLAIMS_ERR_NOMEM;
        para++;
        pb = t;
    }
    art->nparas = para;

    /* The title line, when the text starts with the given title (a title
     * given apart is read before the text: art->prefix, all of it title). */
    if (art->title && art->nsents && art->win_start == 0 &&
        claims__text_starts_with(art->text, art->len, art->title, strlen(art->title))) {
        uint32_t first_para = art->sents[0].paragraph;
        for (size_t si = 0; si < art->nsents; si++)
            if (art->sents[si].paragraph == first_para || art->sents[si].start < art->prefix)
                art->sents[si].flags |= CLAIMS__SF_TITLE;
    }
    return CLAIMS_OK;
}

#ifdef CLAIMS__SSE2
/* The drops of the four positions (48 bytes) at p: three loads, and the
 * drop lanes (lane 2 of the first, 1 of the second, 0 and 3 of the third:
 * 8, 20, 32 and 44 bytes in) in one vector by two shuffles. */
static CLAIMS__ALWAYS_INLINE __m128i drops4(const __m128i *p)
{
    _Static_assert(offsetof(claims__tok_pos, drop) == 8 && sizeof(claims__tok_pos) == 12,
                   "drops4: a position is 12 bytes, its drop the third lane");
    __m128 a = _mm_castsi128_ps(_mm_loadu_si128(p));
    __m128 b = _mm_castsi128_ps(_mm_loadu_si128(p + 1));
    __m128 c = _mm_castsi128_ps(_mm_loadu_si128(p + 2));
    __m128 ab = _mm_shuffle_ps(a, b, _MM_SHUFFLE(1, 1, 2, 2)); /* a2 a2 b1 b1 */
    return _mm_castps_si128(_mm_shuffle_ps(ab, c, _MM_SHUFFLE(3, 0, 2, 0)));
}
#endif

/* Bit k set: token k of the 64 whose positions are bp[0, 64) has drop
 * bits. */
static CLAIMS__ALWAYS_INLINE uint64_t drop_mask64(const claims__tok_pos *bp)
{
    uint64_t w = 0;
#ifdef CLAIMS__SSE2
    /* sixteen positions a step: their drops packed to bytes (a saturating
     * pack keeps a lane zero or not), one compare and one mask */
    const __m128i *p = (const __m128i *)(const void *)bp;
    for (unsigned q = 0; q < 4; q++, p += 12) {
        __m128i lo = _mm_packs_epi32(drops4(p), drops4(p + 3));
        __m128i hi = _mm_packs_epi32(drops4(p + 6), drops4(p + 9));
        __m128i none = _mm_cmpeq_epi8(_mm_packs_epi16(lo, hi), _mm_setzero_si128());
        w |= (uint64_t)(unsigned)_mm_movemask_epi8(none) << (16 * q);
    }
    w = ~w;
#else
    for (unsigned k = 0; k < 64; k++)
        w |= (uint64_t)(bp[k].drop != 0) << k;
#endif
    return w;
}

/* Clears the lexmask bits of sections a token starts no phrase of: its
 * bucket's drop bits (claims__tok_pos.drop, the tokenizer's copy of
 * claims__lex_bucket.drop: the sections with no phrase of the token
 * alone, and their value bits) when no phrase of any section goes on
 * with the next token (the pair bits of CLAIMS__LEX_PAIR_ANY).
 * claims__lex_may_start turns these tokens away for every bound, so every
 * lookup answers as before, and the extractors' scans ("the", "a",
 * "that", "in" before most words) stop at fewer tokens (in cachegrind's
 * count more instructions here than the extractors save, but their
 * branches mispredicted: `claims extract` on 20 MB of real news runs ~4%
 * faster). A token with drop bits whose pair bits say a phrase may go on
 * is flagged CLAIMS__TF_LEX_PAIR. 64 tokens a turn: a
 * bit mask of those with drop bits (drop_mask64), then each of those (a
 * ninth of the tokens) refined. The drop bits come with the token, in
 * its position: looked up in the lexicon's tables here, a token in five
 * missed the first-level cache. */
static void refine_lexmasks(const claims__lex_tables *lt, claims__token *tk,
                            const claims__tok_pos *pos, size_t n)
{
    /* the tokens before the last, 64 a turn: the last turn's 64 end with
     * the last of them (the bits of those before t0 shifted out), so only
     * a text of fewer takes a loop of a varying count. (t0 and p0 walk:
     * a token's address is t0 and its bit, no add of the turn's start.) */
    claims__token *t0 = tk;
    const claims__tok_pos *p0 = pos;
    for (size_t left = n ? n - 1 : 0; left;) {
        size_t c = left < 64 ? left : 64;
        uint64_t w = 0; /* bit k: token t0 + k has drop bits */
        if (n > 64) {
            w = drop_mask64(p0 + c - 64) >> (64 - c); /* (n > 64: within the tokens) */
        } else {
            for (size_t k = 0; k < c; k++)
                w |= (uint64_t)(p0[k].drop != 0) << k;
        }
        for (; w; w &= w - 1) {
            unsigned k = (unsigned)__builtin_ctzll(w);
            claims__token *t = t0 + k;
            uint32_t pair = claims__lex_pair_may(lt, t->hash, t[1].hash, CLAIMS__LEX_PAIR_ANY);
            t->lexmask &= ~(p0[k].drop & (pair - 1));
            t->flags |= (uint16_t)(pair * CLAIMS__TF_LEX_PAIR);
        }
        t0 += c;
        p0 += c;
        left -= c;
    }
    /* the last token: no next one */
    if (n)
        tk[n - 1].lexmask &= ~pos[n - 1].drop;
}

claims_status claims__segment_into(const claims_allocator *a, const claims__lexicon *lx,
                                   claims__article *art, claims__seg_scratch *scr)
{
    claims_status st = claims__tokenize_article(a, claims__lexicon_tables(lx), art, scr);
    art->sents = scr->sents;
    art->nsents = 0;
    if (st == CLAIMS_OK) {
        refine_lexmasks(claims__lexicon_tables(lx), art->toks, art->pos, art->ntoks);
        st = split_article(a, lx, art, scr, &scr->sents_cap);
    }
    scr->sents = art->sents;
    return st;
}

/* The article no longer has tokens, sentences or norm text (whoever
 * owns the buffers keeps or frees them). */
static void detach_tokens(claims__article *art)
{
    art->toks = NULL;
    art->pos = NULL;
    art->sents = NULL;
    art->norm = NULL;
    art->ntoks = art->nsents = art->norm_len = art->nparas = 0;
}

void claims__segment_release(const claims_allocator *a, claims__article *art,
                             claims__seg_scratch *scr)
{
    /* A long article's windows are few and large: their buffers are let
     * go, as the claims they leave grow (peak memory stays as it was). */
    if (art->win_start > 0 || (art->win_end && art->win_end < art->len))
        claims__seg_scratch_free(a, scr);
    detach_tokens(art);
}

void claims__seg_scratch_free(const claims_allocator *a, claims__seg_scratch *scr)
{
    claims__free(a, scr->toks);
    claims__free(a, scr->norm);
    claims__free(a, scr->sents);
    claims__free(a, scr->terms);
    claims__free(a, scr->lines);
    claims__free(a, scr->parens);
    memset(scr, 0, sizeof *scr);
}

claims_status claims__segment(const claims_allocator *a, const claims__lexicon *lx,
                              claims__article *art)
{
    /* buffers of this article's own, freed with it (but for the lists) */
    claims__seg_scratch scr = {0};
    claims_status st = claims__segment_into(a, lx, art, &scr);
    claims__free(a, scr.terms);
    claims__free(a, scr.lines);
    claims__free(a, scr.parens);
    return st;
}

bool claims__text_starts_with(const char *text, size_t len, const char *title, size_t tl)
{
    size_t p = 0;
    while (p < len && claims__is_space((unsigned char)text[p]))
        p++;
    if (p + 3 <= len && memcmp(text + p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    return tl && p + tl <= len && memcmp(text + p, title, tl) == 0;
}

void claims__article_drop_tokens(const claims_allocator *a, claims__article *art)
{
    claims__free(a, art->toks);
    claims__free(a, art->sents);
    claims__free(a, art->norm);
    detach_tokens(art);
}

void claims__article_free(const claims_allocator *a, claims__article *art)
{
    claims__free(a, art->id);
    claims__free(a, art->title);
    claims__free(a, art->block);
    claims__article_drop_tokens(a, art);
    memset(art, 0, sizeof *art);
}
