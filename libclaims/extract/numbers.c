/* numbers.c - counts, money, percentages and measures.
 *
 * One pass over each sentence's tokens. At a token that can start an
 * amount (digits, a number word, a vague or unknown amount) the amount is
 * parsed with its operator, currency and range; numbers that are not
 * quantities (model names, ranks, times, dates, years, phone numbers,
 * caption noise) are skipped; then a unit or currency makes it a measure,
 * percent or money claim, and otherwise it is a count of the noun after
 * it. The counted thing and the action it takes part in come from a small
 * window of tokens around the amount, so the work per token is bounded and
 * nothing is allocated per token. All vocabularies are lexicon sections
 * (data/numbers.lex, quantities.lex, concepts.lex, actions.lex).
 *
 * Beyond "<amount> <noun>": a bare amount after a total ("the death toll
 * rose to 41") counts people with the total's action; an age keeps the
 * person it belongs to (a name, or the noun: measure/age/jane roe) and a
 * listed age its rank (measure/age/man/2-of-2); a count done by an earlier
 * event of the story's kind ("the previous quake killed 74") keys apart
 * (count/person/kill/previous); a sum names what it pays for from a
 * window around it ("a $2bn settlement", "revenue of $3bn", "watches worth
 * £250,000", "profit rose 12% to $2bn", "$80m for the stadium"). */
#include "extract/extract.h"

#include <stddef.h>
#include <string.h>

/* A step that few amounts reach (an age's list, a version, a previous
 * event): kept out of line, in the section of code that runs rarely, and
 * the paths to it laid out apart from the hot ones, so that the code each
 * article runs takes fewer lines of the instruction cache. Not for a step
 * that many articles reach: gcc moves code after a call to one (the rest
 * of a stage) to the rarely run section too. */
#if defined(__GNUC__)
#define RARE __attribute__((cold, noinline))
#else
#define RARE
#endif

/* CLAIMS__ALWAYS_INLINE here: the stages of process, each called once an
 * amount (a call saved and restored six registers, more than some stages
 * cost when they find nothing), and the token tests asked from dozens of
 * places, of which gcc kept out-of-line copies whose calls cost more than
 * the tests. */

enum {
    BACK_WINDOW = 8,    /* tokens searched backwards for a governing verb */
    FWD_AUX = 4,        /* auxiliaries skipped before a participle */
    NP_WORDS = 4,       /* words of a noun phrase after the amount */
    ADDRESS_WORDS = 5,  /* words of a street name after a house number */
    PART_MAX = 64,      /* bytes of one key part built from text */
    CAPTION_TOKENS = 10, /* a line this short without a verb can be a caption */
    TOLL_WINDOW = 16,    /* tokens searched backwards for "the death toll" */
    ASIDE_MAX = 10,      /* tokens of an aside between commas */
    SCORE_MAX = 1000,    /* a score or record's figures stay below this */
    LIST_MAX = 6,        /* amounts of one list ("aged 19, 22 and 25") */
    SUBJ_WINDOW = 8      /* tokens between a change verb and its amount */
};

/* The word classes of the tokens last asked about, by token index modulo
 * WC_MEMO: the windows around amounts ask about the same function words
 * again ("the", "of", "in" before each amount, behind each verb). */
enum { WC_MEMO = 64 };
typedef struct wc_memo {
    uint32_t tag[WC_MEMO]; /* the slot's token index + 1; 0 while empty */
    const claims__lex_entry *e[WC_MEMO];
} wc_memo;

/* Behind it, the story's: the word classes of words of up to seven
 * bytes, by the word's hash modulo its size. A story's articles ask about
 * the same few words ("the", "of", "was"), each article once or twice,
 * and a one-token lookup's answer is its text's (the lexicon does not
 * change while a story is checked). WC_WORDS entries (16 KB), or
 * WC_WORDS_SMALL (2 KB) for a story of less than WC_SMALL_STORY bytes of
 * text: a CMS's one draft asks about a few hundred words, and four pages
 * zeroed for it were four of its page faults at start. */
enum { WC_WORDS = 1024, WC_WORDS_SMALL = 128, WC_SMALL_STORY = 64 * 1024 };
typedef struct wc_word {
    uint64_t key; /* the word's bytes, zero-padded, its length in the top byte; 0: empty */
    const claims__lex_entry *e;
} wc_word;

/* A unit entry's value "quantity:unit[:flag]" in its parts (unit_split):
 * pointers into the lexicon's string, which lives as long as it does. */
typedef struct unit_val {
    const char *q, *u;
    size_t qn, un;
    bool pre;   /* ":pre": may stand before the number ("aged 61") */
    bool spec;  /* ":spec": hyphened to a noun it names a product ("a
                   13-inch model", "a 64GB phone") */
    bool weigh; /* ":weigh": a unit only after a weighing word ("weighs
                   4.5 pounds"), a currency otherwise ("4.5 pounds") */
} unit_val;

/* A unit entry split and its parts. */
typedef struct split_memo {
    const claims__lex_entry *e; /* NULL while empty */
    bool ok;
    unit_val uv;
} split_memo;

/* The story's unit entries split, by the entry's place in its table
 * modulo UNIT_SPLITS (under 1 KB, beside the word classes): the story's
 * articles name the same few units ("%", "years", "km"), and an entry's
 * parts are its value's. */
enum { UNIT_SPLITS = 16 };

/* A unit's text (a lexicon value or a literal: it lives as long as the
 * story's check) and its id in the story's table; 0: none yet. */
typedef struct unit_id_memo {
    const char *p;
    size_t n;
    claims__sid id;
} unit_id_memo;

/* The story's units interned, by the text's address modulo UNIT_IDS:
 * its claims ask for the same few ("%", "years", "USD"). */
enum { UNIT_IDS = 16 };

/* A count's back-off key "count/-/<action>[/previous]" (its action
 * and "previous" are the lexicon's and literals: their texts live as
 * long as the story's check) and its id; 0: none yet. */
typedef struct act_key_memo {
    const char *act, *prev;
    claims__sid id;
} act_key_memo;

/* The story's count back-off keys by their action's address modulo
 * ACT_KEYS: its counts are done by the same few actions ("kill",
 * "injure"), and claims__key joined and looked each up anew. */
enum { ACT_KEYS = 16 };

struct claims__wc_words {
    size_t mask; /* the number of entries less one (a power of two) */
    split_memo units[UNIT_SPLITS];
    unit_id_memo unit_ids[UNIT_IDS];
    act_key_memo act_keys[ACT_KEYS];
    wc_word w[];
};

/* The unit looked up at a token after a number (noise_end's, for "9
 * p.m."), which unit_after asks for again. */
typedef struct unit_memo {
    size_t at; /* the token; SIZE_MAX before the first */
    const claims__lex_entry *e;
    size_t n;
} unit_memo;

typedef struct qctx {
    claims_story *s;
    size_t ai;
    const claims__article *art;
    /* art's tokens and norm text, at hand: the tests below read them a
     * few million times */
    const claims__token *toks;
    const claims__tok_pos *pos;
    const char *norm;
    size_t ntoks;
    const claims__lexicon *lx;
    wc_memo *wc;
    struct claims__wc_words *ww; /* the story's, or NULL (no memory) */
    unit_memo *um;
    /* may_start's lookup of its word in the number section (SIZE_MAX:
     * none yet), which parse_number would repeat */
    size_t num_at, num_n;
    const claims__lex_entry *num_e;
    /* the lexmask bits of the (up to) four tokens before token win_at
     * that an operator or currency may start from (read_amount's): most
     * amounts have neither before them, and one test says so */
    size_t win_at;
    uint32_t win_mask;
    size_t sb, se;   /* the sentence's tokens */
    size_t floor;    /* tokens before this belong to an earlier claim */
    uint16_t sflags; /* CLAIMS__SF_* */
    /* tokens [act_lo, se) were looked at for one that may start an
     * action (its lexmask's bit), act_end one past the last that may (0:
     * none): most amounts have no action token in find_action's reach,
     * and this says so before it looks */
    size_t act_lo, act_end;
    claims_claim *last_money;
    size_t last_money_end; /* token after the last money claim */
    char money_thing[PART_MAX], money_action[PART_MAX];
    /* ids emit made last, asked for again by the article's next claims
     * ("USD" and "USD"): the back-off key "money/-/-/<cur>" of the
     * currency cur; the back-off key of a named age (0: none yet) */
    const char *cur_p;
    claims__sid cur_key;
    claims__sid age_key;
} qctx;

typedef enum op_kind { OP_NONE = 0, OP_GT, OP_GE, OP_LT, OP_LE, OP_ABOUT, OP_NEAR } op_kind;

typedef struct amount {
    size_t b, e;   /* the whole amount, operator and currency included */
    size_t nb, ne; /* the number itself */
    double v, lo, hi, scale;
    bool has_lo, has_hi;
    bool digits, word, zero, one, vague, unknown, range;
    op_kind op;
    bool between; /* "between" / "from" opened a range */
    const char *cur;
} amount;

/* An amount with nothing read. Amounts start as copies of it: gcc makes
 * a memset of one a rep stos, a dozen counted steps. */
static const amount NO_AMOUNT;

/* A noun phrase's head: a lexicon concept or a naive singular. */
typedef struct np_head {
    bool found, known;
    size_t hb, he; /* head tokens */
    const char *concept;
    char naive[PART_MAX];
    size_t naive_n; /* naive's length */
} np_head;

/* ------------------------------------------------------------ tokens */

/* The token and lexicon tests below are asked a dozen times around each
 * amount: inline, since a call cost more than most of them. */

static inline const claims__token *tk(const qctx *c, size_t i)
{
    return &c->toks[i];
}

static inline const claims__tok_pos *tp(const qctx *c, size_t i)
{
    return &c->pos[i];
}

/* How far a backward window from token `from` may reach: `window` tokens,
 * and no further than `lo` (the sentence's start, or a floor). Computed
 * once, the window's loop tests one bound. */
static inline size_t back_reach(size_t from, size_t lo, size_t window)
{
    size_t d = from > lo ? from - lo : 0;
    return d < window ? d : window;
}

/* The normalized text of token i (claims__tok_norm). */
static inline const char *norm_of(const qctx *c, size_t i)
{
    return c->norm + c->toks[i].norm;
}

static inline bool glued(const qctx *c, size_t i)
{
    return !(tk(c, i)->flags & CLAIMS__TF_SPACE_BEFORE);
}

static inline bool is_cls(const qctx *c, size_t i, int cls)
{
    return i < c->se && tk(c, i)->cls == cls && i >= c->sb;
}

static CLAIMS__ALWAYS_INLINE bool is_punct(const qctx *c, size_t i, char ch)
{
    /* the token's hash first: the character asked about is rarely there,
     * where punctuation or not is a toss */
    return i < c->se && tk(c, i)->hash == CLAIMS__HASH1((unsigned char)ch) &&
           tk(c, i)->cls == CLAIMS__TOK_PUNCT && claims__tok_len(tk(c, i)) == 1 &&
           norm_of(c, i)[0] == ch && i >= c->sb;
}

/* The character of token i when it is one punctuation character of the
 * sentence, else 0: one test answers the is_punct() questions that
 * noise_end asks of the same token. */
static inline int punct_ch(const qctx *c, size_t i)
{
    return i < c->se && i >= c->sb && tk(c, i)->cls == CLAIMS__TOK_PUNCT &&
                   claims__tok_len(tk(c, i)) == 1
               ? (unsigned char)norm_of(c, i)[0]
               : 0;
}

/* Token i (in the sentence) is the n bytes of lit, whose hash is h
 * (claims__tok_text_is's, tested first: the literal is rarely there,
 * where a word as long as it is common). */
static CLAIMS__ALWAYS_INLINE bool norm_is_h(const qctx *c, size_t i, const char *lit, size_t n,
                                            uint32_t h)
{
    /* (i below sb is a token of the article: the bound is tested last,
       the hash first) */
    return i < c->se && claims__tok_text_is(tk(c, i), c->norm, lit, n, h) && i >= c->sb;
}

/* Token i's normalized text is the literal `lit` (a connector such as
 * "of" or "to" that the grammar itself names). */
#define norm_is(c, i, lit) norm_is_h((c), (i), "" lit, sizeof(lit) - 1, CLAIMS__LIT_HASH(lit))

/* Copies token i's normalized text to out (NUL-terminated, truncated);
 * returns its length. */
static size_t copy_norm(const qctx *c, size_t i, char *out, size_t cap)
{
    size_t n = claims__tok_len(tk(c, i));
    if (n >= cap)
        n = cap - 1;
    memcpy(out, norm_of(c, i), n);
    out[n] = '\0';
    return n;
}

/* ----------------------------------------------------------- lexicon */

static CLAIMS__ALWAYS_INLINE const claims__lex_entry *lex(const qctx *c, claims__lex_section sec,
                                                          size_t i, size_t end, size_t *n)
{
    size_t dummy;
    /* claims__lex_match, on the tokens at hand: most tokens start no
     * phrase of the section, and their lexmask says so without a call
     * (tested first: the bounds rarely fail) */
    if (i >= c->ntoks || !(c->toks[i].lexmask & (1u << sec)) || i < c->sb || i >= end)
        return NULL;
    return claims__lex_match_at(c->lx, sec, c->art, i, end, n ? n : &dummy);
}

/* lex() for a token the caller knows to lie in the sentence, before
 * `end` (end <= c->se): the lexmask test alone rejects most. */
static inline const claims__lex_entry *lex_in(const qctx *c, claims__lex_section sec, size_t i,
                                              size_t end, size_t *n)
{
    if (!(c->toks[i].lexmask & (1u << sec)))
        return NULL;
    return claims__lex_match_at(c->lx, sec, c->art, i, end, n);
}

/* lex(c, CLAIMS__LEX_UNIT, i, c->se, n), through the unit memo. */
static CLAIMS__ALWAYS_INLINE const claims__lex_entry *unit_at(const qctx *c, size_t i, size_t *n)
{
    unit_memo *m = c->um;
    if (m->at != i) {
        m->n = 0;
        m->e = lex(c, CLAIMS__LEX_UNIT, i, c->se, &m->n);
        m->at = i;
    }
    if (m->e)
        *n = m->n;
    return m->e;
}

/* A one-token entry of `sec` at i whose value is `val`. */
static CLAIMS__ALWAYS_INLINE bool lex_is(const qctx *c, claims__lex_section sec, size_t i,
                                         claims__lex_value val)
{
    return claims__lex_is(lex(c, sec, i, i + 1 < c->se ? i + 1 : c->se, NULL), val);
}

/* The key of the story's memo for token t of n bytes (wc_word.key), read
 * with one load where the article's norm text holds eight bytes from it;
 * 0 when the word is longer or the text ends too soon. */
static inline uint64_t word_key(const qctx *c, const claims__token *t, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n - 1 < 7 && (size_t)t->norm + 8 <= c->art->norm_len) {
        uint64_t x;
        memcpy(&x, c->norm + t->norm, 8);
        return (x & ~UINT64_C(0) >> (64 - 8 * n)) | (uint64_t)n << 56;
    }
#else
    (void)c, (void)t, (void)n;
#endif
    return 0;
}

/* The lookup of cword_fill when the story's memo has no answer, into
 * its entry w (when there is one) and slot `slot`. */
CLAIMS__NOINLINE static void cword_probe(const qctx *c, size_t i, size_t slot, wc_word *w)
{
    size_t n;
    const claims__lex_entry *e =
        claims__lex_match_at(c->lx, CLAIMS__LEX_WORD_CLASS, c->art, i, i + 1, &n);
    if (w)
        w->e = e;
    c->wc->e[slot] = e;
    c->wc->tag[slot] = (uint32_t)(i + 1);
}

/* cword's lookup of token i into slot `slot` of the memo, out of line:
 * the memo answers most calls, the story's most others (without a call:
 * the lookup is cword_probe's). */
CLAIMS__NOINLINE static void cword_fill(const qctx *c, size_t i, size_t slot)
{
    const claims__token *t = tk(c, i);
    uint64_t key = c->ww ? word_key(c, t, claims__tok_len(t)) : 0;
    if (!key) {
        cword_probe(c, i, slot, NULL);
        return;
    }
    wc_word *w = &c->ww->w[t->hash & c->ww->mask];
    if (w->key != key) {
        w->key = key;
        cword_probe(c, i, slot, w);
        return;
    }
    c->wc->e[slot] = w->e;
    c->wc->tag[slot] = (uint32_t)(i + 1);
}

/* The word class entry of the token at i ("_det", "_stop"; [word_class]
 * in concepts.lex), or NULL. One lookup serves every word-class test. */
static inline const claims__lex_entry *cword(const qctx *c, size_t i)
{
    if (i >= c->se || !(c->toks[i].lexmask & (1u << CLAIMS__LEX_WORD_CLASS)) || i < c->sb)
        return NULL;
    size_t slot = i % WC_MEMO;
    if (c->wc->tag[slot] != i + 1)
        cword_fill(c, i, slot);
    return c->wc->e[slot];
}

static CLAIMS__ALWAYS_INLINE bool marker(const qctx *c, size_t i, claims__lex_value name)
{
    return claims__lex_is(cword(c, i), name);
}

/* A concept (not a word-class marker) starting at i, ending by `end`. */
static inline const claims__lex_entry *concept_at(const qctx *c, size_t i, size_t end, size_t *n)
{
    const claims__lex_entry *e = lex(c, CLAIMS__LEX_CONCEPT, i, end, n);
    return e && claims__lex_text(e)[0] != '_' ? e : NULL;
}

static inline const claims__lex_entry *action_at(const qctx *c, size_t i, size_t end, size_t *n)
{
    const claims__lex_entry *e = lex(c, CLAIMS__LEX_ACTION, i, end, n);
    return e && claims__lex_text(e)[0] != '_' ? e : NULL;
}

/* The longest phrase of `sec` of at most `maxk` tokens that ends exactly
 * at token `at` (in the sentence) and starts at c->floor or after it. */
static inline const claims__lex_entry *phrase_before(const qctx *c, claims__lex_section sec,
                                                     size_t maxk, size_t at, size_t *start)
{
    const claims__lex_entry *best = NULL;
    size_t lo = c->sb > c->floor ? c->sb : c->floor;
    size_t kmax = back_reach(at, lo, maxk); /* the phrase starts at lo or after */
    for (size_t k = 1; k <= kmax; k++) {
        size_t j = at - k, n = 0;
        /* the token's own bit first (most of the window's tokens start no
         * phrase of sec); then a phrase of two tokens or more from j has
         * the pair bit of j and j + 1 (a load of the lexicon's tables),
         * without which the lookup tries none ("in", "to" start longer
         * phrases but mostly stand alone) */
        if (!(c->toks[j].lexmask & (1u << sec)) ||
            (k > 1 &&
             !claims__lex_pair_may(c->lx->tables, c->toks[j].hash, c->toks[j + 1].hash, sec)))
            continue;
        const claims__lex_entry *e = claims__lex_match_at(c->lx, sec, c->art, j, at, &n);
        if (e && n == k) {
            best = e;
            *start = j;
        }
    }
    return best;
}

enum { OP_WORDS = 4, CURRENCY_WORDS = 3 }; /* tokens of the longest phrase */

/* Sets c->win_at and c->win_mask for the four tokens before `at` (fewer
 * at the article's start), in the sentence or not: a bit of a token
 * before the sentence or a floor only sends phrase_before to look, and it
 * keeps to its window. Four or-ed, without a loop. */
static inline void window_before(qctx *c, size_t at)
{
    const claims__token *t = c->toks;
    uint32_t m = 0;
    if (at >= OP_WORDS) {
        m = t[at - 1].lexmask | t[at - 2].lexmask | t[at - 3].lexmask | t[at - 4].lexmask;
    } else {
        for (size_t k = 1; k <= at; k++)
            m |= t[at - k].lexmask;
    }
    c->win_at = at;
    c->win_mask = m;
}

/* An operator phrase ending exactly at token `at` ("more than $5"). */
static const claims__lex_entry *op_before(const qctx *c, size_t at, size_t *start)
{
    if (at == c->win_at && !(c->win_mask & (1u << CLAIMS__LEX_OPERATOR)))
        return NULL;
    return phrase_before(c, CLAIMS__LEX_OPERATOR, OP_WORDS, at, start);
}

/* A currency phrase ending exactly at token `at`. */
static const claims__lex_entry *currency_before(const qctx *c, size_t at, size_t *start)
{
    if (at == c->win_at && !(c->win_mask & (1u << CLAIMS__LEX_CURRENCY)))
        return NULL;
    return phrase_before(c, CLAIMS__LEX_CURRENCY, CURRENCY_WORDS, at, start);
}

/* A "low..high" value. */
static bool parse_bounds(const char *v, double *lo, double *hi)
{
    const char *dots = strstr(v, "..");
    if (!dots)
        return false;
    return claims__parse_decimal(v, (size_t)(dots - v), lo) &&
           claims__parse_decimal(dots + 2, strlen(dots + 2), hi);
}

/* Splits "quantity:unit[:pre]" into its parts (pointers into a static-
 * lifetime lexicon string; lengths returned). */
static bool unit_split(const char *v, unit_val *out)
{
    const char *c1 = strchr(v, ':');
    if (!c1)
        return false;
    const char *c2 = strchr(c1 + 1, ':');
    out->q = v;
    out->qn = (size_t)(c1 - v);
    out->u = c1 + 1;
    out->un = c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1);
    out->pre = c2 && strcmp(c2 + 1, "pre") == 0;
    out->spec = c2 && strcmp(c2 + 1, "spec") == 0;
    out->weigh = c2 && strcmp(c2 + 1, "weigh") == 0;
    return true;
}

/* unit_split of entry e's value, through the story's memo (none when
 * there was no memory for it). */
static bool unit_split_entry(const qctx *c, const claims__lex_entry *e, unit_val *out)
{
    if (!c->ww)
        return unit_split(claims__lex_text(e), out);
    split_memo *m = &c->ww->units[(uintptr_t)e / sizeof *e % UNIT_SPLITS];
    if (m->e != e) {
        m->e = e;
        m->ok = unit_split(claims__lex_text(e), &m->uv);
    }
    *out = m->uv;
    return m->ok;
}

/* The unit of an age told without one: unit_split of "age:years". */
static const char years_q[] = "age:years";
static const unit_val years = {years_q, years_q + 4, 3, 5, false, false, false};

static bool unit_is(const unit_val *u, const char *q)
{
    return u->qn == strlen(q) && memcmp(u->q, q, u->qn) == 0;
}

/* ------------------------------------------------------------- words */

/* A key part that is "-", the unknown part, tested without a call. */
static inline bool is_dash(const char *p)
{
    return p[0] == '-' && !p[1];
}

size_t claims__numbers_singular(const char *w, size_t n, char *out, size_t cap)
{
    /* the bytes of w kept, and whether a "y" follows them ("casualties":
     * "casualty"), the only ending added */
    size_t m = n, al = 0;
    if (n >= 5 && memcmp(w + n - 3, "ies", 3) == 0) {
        m = n - 3;
        al = 1;
    } else if (n >= 5 && (memcmp(w + n - 4, "sses", 4) == 0 || memcmp(w + n - 4, "shes", 4) == 0 ||
                          memcmp(w + n - 4, "ches", 4) == 0)) {
        m = n - 2;
    } else if (n >= 4 && (memcmp(w + n - 3, "xes", 3) == 0 || memcmp(w + n - 3, "zes", 3) == 0)) {
        m = n - 2;
    } else if (n >= 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' &&
               w[n - 2] != '\'') {
        m = n - 1;
    }
    if (m + al >= cap) {
        m = cap - 1 > al ? cap - 1 - al : 0;
        if (m + al >= cap)
            al = 0;
    }
    memcpy(out, w, m);
    if (al)
        out[m] = 'y';
    out[m + al] = '\0';
    return m + al;
}

/* A word that looks like an English plural noun ("drones", "casualties"). */
static CLAIMS__ALWAYS_INLINE bool looks_plural(const qctx *c, size_t i)
{
    if (!is_cls(c, i, CLAIMS__TOK_WORD))
        return false;
    const char *w = norm_of(c, i);
    size_t n = claims__tok_len(tk(c, i));
    if (n < 4 || w[n - 1] != 's')
        return false;
    return w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' && w[n - 2] != '\'';
}

/* A verb form or an adverb rather than a noun ("signed", "operating"). */
static CLAIMS__ALWAYS_INLINE bool looks_verbal(const qctx *c, size_t i)
{
    const char *w = norm_of(c, i);
    size_t n = claims__tok_len(tk(c, i));
    if (n >= 5 && memcmp(w + n - 2, "ed", 2) == 0)
        return true;
    if (n >= 6 && memcmp(w + n - 3, "ing", 3) == 0)
        return true;
    return n >= 5 && memcmp(w + n - 2, "ly", 2) == 0;
}

/* Any word-class marker of concepts.lex (_det, _stop, _clause, _pron...);
 * _kin words are nouns all the same ("a 59-year-old grandmother"), and
 * so are _street words ("Preston Crown Court"). */
static inline bool any_marker(const qctx *c, size_t i)
{
    const claims__lex_entry *e = cword(c, i);
    return e && claims__lex_text(e)[0] == '_' && e->code != CLAIMS__LV_W_KIN &&
           e->code != CLAIMS__LV_W_STREET;
}

static CLAIMS__ALWAYS_INLINE bool is_stop(const qctx *c, size_t i)
{
    const claims__lex_entry *e = cword(c, i);
    return e && (e->code == CLAIMS__LV_W_STOP || e->code == CLAIMS__LV_W_CLAUSE);
}

/* A participle used as an adjective (concepts.lex: _adjective) before the
 * noun it describes ("three leading scientific societies", "two remaining
 * hostages"): a plural or a concept within the next two words, no stop
 * word between. Other participles qualify what is counted ("189 rushing
 * yards", "a 2.0-magnitude centered quake") and end the phrase. */
static bool participle_before_noun(const qctx *c, size_t j)
{
    if (!marker(c, j, CLAIMS__LV_W_ADJECTIVE))
        return false;
    for (size_t k = j + 1; k < c->se && k <= j + 2; k++) {
        if (!is_cls(c, k, CLAIMS__TOK_WORD) || is_stop(c, k) || marker(c, k, CLAIMS__LV_W_DET))
            return false;
        if (looks_plural(c, k) || concept_at(c, k, c->se, NULL))
            return true;
    }
    return false;
}

/* The head of the noun phrase starting at k: the concept it names, or a
 * naive singular of its head word. */
static void np_scan(const qctx *c, size_t k, np_head *h)
{
    /* naive is read only once written */
    h->found = h->known = false;
    h->hb = h->he = 0;
    h->concept = NULL;
    h->naive[0] = '\0';
    h->naive_n = 0;
    size_t j = k, last = (size_t)-1;
    int words = 0;
    while (j < c->se && words < NP_WORDS) {
        if (!is_cls(c, j, CLAIMS__TOK_WORD)) {
            /* "Israeli-made drones": a hyphen inside the phrase */
            if (words > 0 && is_punct(c, j, '-') && glued(c, j) && j + 1 < c->se &&
                glued(c, j + 1) && is_cls(c, j + 1, CLAIMS__TOK_WORD)) {
                j++;
                continue;
            }
            break;
        }
        if (tk(c, j)->flags & CLAIMS__TF_POSSESSIVE)
            break;
        /* most words are in none of the sections asked about below (a
         * plain noun or adjective): one test passes them to the plural */
        const uint32_t asked = (1u << CLAIMS__LEX_CONCEPT) | (1u << CLAIMS__LEX_WORD_CLASS) |
                               (1u << CLAIMS__LEX_ACTION) | (1u << CLAIMS__LEX_UNIT) |
                               (1u << CLAIMS__LEX_CURRENCY);
        if (tk(c, j)->lexmask & asked) {
            size_t n = 0;
            const claims__lex_entry *e = concept_at(c, j, c->se, &n);
            if (e) {
                h->found = h->known = true;
                h->concept = claims__lex_text(e);
                h->hb = j;
                h->he = j + n;
                j += n;
                words++;
                /* "drone pilots": a later noun is the head */
                if (j < c->se && is_cls(c, j, CLAIMS__TOK_WORD) && !is_stop(c, j) &&
                    !action_at(c, j, c->se, NULL) &&
                    (concept_at(c, j, c->se, NULL) || looks_plural(c, j)))
                    continue;
                return;
            }
            if (is_stop(c, j) || marker(c, j, CLAIMS__LV_W_DET) || action_at(c, j, c->se, NULL))
                break;
            if (lex(c, CLAIMS__LEX_UNIT, j, c->se, NULL) ||
                lex(c, CLAIMS__LEX_CURRENCY, j, c->se, NULL))
                break;
        }
        if (looks_plural(c, j)) {
            h->found = true;
            h->known = false;
            h->concept = NULL;
            h->naive_n = claims__numbers_singular(norm_of(c, j), claims__tok_len(tk(c, j)),
                                                  h->naive, sizeof h->naive);
            h->hb = j;
            h->he = j + 1;
            return;
        }
        if (looks_verbal(c, j) && !participle_before_noun(c, j))
            break;
        last = j;
        j++;
        words++;
    }
    if (!h->found && last != (size_t)-1) {
        h->found = true;
        h->known = false;
        h->concept = NULL;
        h->naive_n = copy_norm(c, last, h->naive, sizeof h->naive);
        h->hb = last;
        h->he = last + 1;
    }
}

static const char *np_part(const np_head *h)
{
    return h->known ? h->concept : h->naive;
}

/* Skips "of the" between an amount and its noun. */
static CLAIMS__ALWAYS_INLINE size_t skip_det(const qctx *c, size_t k)
{
    for (int n = 0; n < 3 && k < c->se && marker(c, k, CLAIMS__LV_W_DET); n++)
        k++;
    return k;
}

/* The nearest known concept before token `from`, in the same clause. */
static const char *concept_back(const qctx *c, size_t from)
{
    size_t dmax = back_reach(from, c->sb, BACK_WINDOW + 2);
    /* most windows hold no token with the concept bit: their lexmasks
     * or-ed say so before the walk's lookups of the words between */
    if (!(claims__lexmask_or(c->toks, from - dmax, from) & (1u << CLAIMS__LEX_CONCEPT)))
        return NULL;
    for (size_t d = 1; d <= dmax; d++) {
        size_t j = from - d;
        /* a word with no clause, action or concept bit: passed with one test */
        const claims__token *t = tk(c, j);
        if (t->cls == CLAIMS__TOK_WORD &&
            !(t->lexmask & ((1u << CLAIMS__LEX_WORD_CLASS) | (1u << CLAIMS__LEX_ACTION) |
                            (1u << CLAIMS__LEX_CONCEPT))))
            continue;
        if (is_cls(c, j, CLAIMS__TOK_QUOTE) || marker(c, j, CLAIMS__LV_W_CLAUSE) ||
            (is_cls(c, j, CLAIMS__TOK_PUNCT) && !is_punct(c, j, '-')))
            break;
        /* "Police seized 3 kg": the subject of a verb is not the measured thing */
        if (action_at(c, j, from, NULL))
            break;
        const claims__lex_entry *e = concept_at(c, j, from, NULL);
        if (e)
            return claims__lex_text(e);
    }
    return NULL;
}

/* The governing verb before token `from`: the nearest action word within
 * the clause. */
static const claims__lex_entry *action_back(const qctx *c, size_t from, size_t *pos, size_t *len)
{
    size_t dmax = back_reach(from, c->sb, BACK_WINDOW);
    /* bit k: token from - BACK_WINDOW + k is a quote or punctuation mark,
     * or may be a clause word, speech verb or action; the words between
     * (most) are passed without a test each */
    unsigned stops = 0;
#ifdef CLAIMS__SSE2
    if (from >= BACK_WINDOW) {
        const __m128i lmv =
            _mm_set1_epi32((int)((1u << CLAIMS__LEX_WORD_CLASS) | (1u << CLAIMS__LEX_SPEECH_VERB) |
                                 (1u << CLAIMS__LEX_ACTION)));
        const __m128i pq = _mm_set1_epi32(CLAIMS__TOK_PUNCT | CLAIMS__TOK_QUOTE);
        const claims__token *w = tk(c, from - BACK_WINDOW);
        claims__tok_lanes l1 = claims__tok_lanes4(w), l2 = claims__tok_lanes4(w + 4);
        __m128i lm = l1.lexmask, cf = l1.cls_flags, lm2 = l2.lexmask, cf2 = l2.cls_flags;
        __m128i z = _mm_setzero_si128();
        __m128i n0 =
            _mm_cmpeq_epi32(_mm_or_si128(_mm_and_si128(lm, lmv), _mm_and_si128(cf, pq)), z);
        __m128i n1 =
            _mm_cmpeq_epi32(_mm_or_si128(_mm_and_si128(lm2, lmv), _mm_and_si128(cf2, pq)), z);
        unsigned none = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(_mm_packs_epi32(n0, n1), z));
        stops = ~none & (0xFFu << (BACK_WINDOW - dmax)) & 0xFFu;
    } else
#endif
    {
        const uint64_t m =
            claims__tok_bits_of((1u << CLAIMS__LEX_WORD_CLASS) | (1u << CLAIMS__LEX_SPEECH_VERB) |
                                    (1u << CLAIMS__LEX_ACTION),
                                CLAIMS__TOK_PUNCT | CLAIMS__TOK_QUOTE, 0);
        for (size_t d = 1; d <= dmax; d++)
            stops |= (unsigned)((claims__tok_bits(tk(c, from - d)) & m) != 0) << (BACK_WINDOW - d);
    }
    /* the nearest first */
    for (; stops; stops &= ~(0x80000000u >> __builtin_clz(stops))) {
        size_t j = from - BACK_WINDOW + (size_t)(31 - __builtin_clz(stops));
        const claims__token *t = tk(c, j);
        if (t->cls == CLAIMS__TOK_QUOTE)
            break;
        if (t->cls == CLAIMS__TOK_PUNCT) {
            if (is_punct(c, j, '-'))
                continue;
            break;
        }
        size_t n = 0;
        if (marker(c, j, CLAIMS__LV_W_CLAUSE) || lex_in(c, CLAIMS__LEX_SPEECH_VERB, j, j + 1, &n))
            break;
        const claims__lex_entry *e = action_at(c, j, from, &n);
        if (e) {
            *pos = j;
            *len = n;
            return e;
        }
    }
    return NULL;
}

/* A participle after the counted noun, maybe behind auxiliaries
 * ("12 people were killed", "40 dead"). */
static const claims__lex_entry *action_fwd(const qctx *c, size_t k, bool *via_aux, size_t *pos,
                                           size_t *len)
{
    *via_aux = false;
    /* "12 people, including 3 children, were killed": skip an aside
     * between commas that holds no action of its own */
    if (is_punct(c, k, ',')) {
        size_t close = 0;
        for (size_t m = k + 1; m < c->se && m <= k + ASIDE_MAX && !close; m++) {
            if (is_punct(c, m, ','))
                close = m;
            else if (!is_cls(c, m, CLAIMS__TOK_WORD) && !is_cls(c, m, CLAIMS__TOK_NUMBER) &&
                     !is_punct(c, m, '-'))
                break;
        }
        bool plain = close > k + 1;
        for (size_t m = k + 1; plain && m < close; m++)
            if (action_at(c, m, close, NULL))
                plain = false;
        if (plain)
            k = close + 1;
    }
    for (int n = 0; n < FWD_AUX && k < c->se; n++) {
        if (norm_is(c, k, "to") && k + 1 < c->se && action_at(c, k + 1, c->se, NULL)) {
            k++; /* "forced 3,000 residents to evacuate" */
        } else if (lex_is(c, CLAIMS__LEX_ACTION_WORD, k, CLAIMS__LV_W_AUX)) {
            *via_aux = true;
            k++;
        } else if (is_cls(c, k, CLAIMS__TOK_WORD) && looks_verbal(c, k) &&
                   !action_at(c, k, c->se, NULL) && claims__tok_len(tk(c, k)) >= 5 &&
                   memcmp(norm_of(c, k) + claims__tok_len(tk(c, k)) - 2, "ly", 2) == 0) {
            k++; /* an adverb */
        } else {
            break;
        }
    }
    size_t n = 0;
    const claims__lex_entry *e = action_at(c, k, c->se, &n);
    if (e) {
        *pos = k;
        *len = n;
    }
    return e;
}

/* ----------------------------------------------------------- amounts */

enum { P_NONE, P_DIGITS, P_WORD, P_SCALE, P_FRAC };

static bool all_digits(const qctx *c, size_t i)
{
    const char *w = norm_of(c, i);
    size_t n = claims__tok_len(tk(c, i));
    for (size_t k = 0; k < n; k++)
        if (!claims__is_digit((unsigned char)w[k]))
            return false;
    return n > 0 && tk(c, i)->cls == CLAIMS__TOK_NUMBER;
}

/* True when token j is separated from token j - 1 by exactly one no-break
 * space (U+00A0), narrow no-break space (U+202F) or thin space (U+2009),
 * the digit-group separators of "3 000" in many style guides. A plain
 * space is not one: "248 88" is two numbers. */
static bool group_sep(const qctx *c, size_t j)
{
    if (j <= c->sb || j >= c->se)
        return false;
    const unsigned char *t = (const unsigned char *)c->art->text;
    uint32_t a = tp(c, j - 1)->end, b = tp(c, j)->start;
    if (b - a == 2)
        return t[a] == 0xC2 && t[a + 1] == 0xA0;
    if (b - a == 3)
        return t[a] == 0xE2 && t[a + 1] == 0x80 && (t[a + 2] == 0xAF || t[a + 2] == 0x89);
    return false;
}

static bool currency_at(const qctx *c, size_t k)
{
    if (k < c->se && marker(c, k, CLAIMS__LV_W_DET) && norm_is(c, k, "of"))
        k++;
    return lex(c, CLAIMS__LEX_CURRENCY, k, c->se, NULL) != NULL;
}

/* A number being read by parse_number: the sum of completed scale
 * groups, the group in progress, the largest scale, the last number word,
 * what came last (P_*) and the next token. */
typedef struct numread {
    double total, cur, scale, lastw;
    int prev;
    size_t j;
} numread;

/* What one step of parse_number did. */
enum { STEP_NONE, STEP_TAKEN, STEP_STOP };

/* Digits at token i ("1,200", "7.2"), with "3 000 000" groups after no-break
 * or thin spaces. False when token i is a number that does not parse. */
/* The value of the n bytes at w when they are all digits, computed as
 * claims__parse_decimal computes it (the same double); false otherwise
 * ("1,200", "7.2": claims__parse_decimal reads those). */
static inline bool plain_digits(const char *w, size_t n, double *v)
{
    double x = 0;
    for (size_t k = 0; k < n; k++) {
        if (!claims__is_digit((unsigned char)w[k]))
            return false;
        x = x * 10 + (w[k] - '0');
    }
    *v = x;
    return n > 0;
}

/* plain_digits of token i, the one to eight bytes of most numbers read
 * with one load where the article's norm text holds eight bytes from
 * them (little-endian): their digits tested and summed a byte a lane,
 * where the loop's trip count went with the number's length. The sum is
 * exact (below 10^8), so the double is the loop's. */
static inline bool plain_digits_at(const qctx *c, size_t i, double *v)
{
    const claims__token *t = tk(c, i);
    size_t n = claims__tok_len(t);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n - 1 < 8 && (size_t)t->norm + 8 <= c->art->norm_len) {
        const uint64_t ones = UINT64_C(0x0101010101010101);
        uint64_t x;
        memcpy(&x, norm_of(c, i), 8);
        uint64_t keep = ~UINT64_C(0) >> (64 - 8 * n);
        uint64_t d = (x ^ (ones * '0')) & keep; /* '0'..'9' -> 0..9 */
        /* a byte of d at 10 or above sets its top bit here (a carry out
         * of it only reaches later bytes, past a failing one) */
        if (((d + ones * 0x76) | d) & keep & (ones * 0x80))
            return false;
        d <<= 8 * (8 - n); /* the last digit in the top byte */
        d = d * 10 + (d >> 8);
        d = ((d & UINT64_C(0x000000FF000000FF)) * UINT64_C(0x000F424000000064) +
             ((d >> 16) & UINT64_C(0x000000FF000000FF)) * UINT64_C(0x0000271000000001)) >>
            32;
        *v = (double)(uint32_t)d;
        return true;
    }
#endif
    return plain_digits(norm_of(c, i), n, v);
}

static bool read_digits(const qctx *c, size_t i, numread *r, amount *a)
{
    /* most numbers are plain digits: read without claims__parse_decimal */
    bool plain = plain_digits_at(c, i, &r->cur);
    if (!plain && !claims__parse_decimal(norm_of(c, i), claims__tok_len(tk(c, i)), &r->cur))
        return false;
    r->prev = P_DIGITS;
    a->digits = true;
    r->j = i + 1;
    /* a group after a gap of two or three bytes (rare) asked first: the
     * number's length went either way */
    if (r->j < c->se && tp(c, r->j)->start - tp(c, i)->end - 2 <= 1 && plain &&
        claims__tok_len(tk(c, i)) <= 3) {
        while (r->j < c->se && group_sep(c, r->j) && all_digits(c, r->j) &&
               claims__tok_len(tk(c, r->j)) == 3) {
            double g = 0;
            claims__parse_decimal(norm_of(c, r->j), 3, &g);
            r->cur = r->cur * 1000 + g;
            r->j++;
        }
    }
    return true;
}

/* A scale word after a number ("million", "bn"). */
static int read_scale(const qctx *c, numread *r, bool cur_before, const amount *a)
{
    size_t n = 0, j = r->j;
    if (r->prev == P_NONE || a->zero)
        return STEP_NONE;
    const claims__lex_entry *e = lex_in(c, CLAIMS__LEX_SCALE, j, c->se, &n);
    if (!e || !e->has_num || r->cur == 0)
        return STEP_NONE;
    bool abbr = n == 1 && claims__tok_len(tk(c, j)) <= 2;
    /* "1.5bn", "2tn": a glued two-letter scale needs no currency;
     * "12m" may be metres and "10k" a race, "12mm" millimetres but
     * "$160MM" million: a scale that is also a unit needs one */
    bool glued_scale = abbr && r->prev == P_DIGITS && glued(c, j) &&
                       claims__tok_len(tk(c, j)) == 2 && !lex(c, CLAIMS__LEX_UNIT, j, j + 1, NULL);
    if (abbr && !glued_scale && (r->prev != P_DIGITS || (!cur_before && !currency_at(c, j + 1))))
        return STEP_STOP;
    if (e->num < 1000) {
        r->cur *= e->num;
    } else {
        r->total += r->cur * e->num;
        r->cur = 0;
    }
    if (e->num > r->scale)
        r->scale = e->num;
    r->prev = P_SCALE;
    r->j += n;
    return STEP_TAKEN;
}

/* The unit of a hyphenated tens word: "twenty-five". */
static int read_hyphen_unit(const qctx *c, numread *r)
{
    size_t n = 0, j = r->j;
    if (!(r->prev == P_WORD && r->lastw >= 20 && r->lastw <= 90 && is_punct(c, j, '-') &&
          glued(c, j) && j + 1 < c->se && glued(c, j + 1)))
        return STEP_NONE;
    const claims__lex_entry *e = lex(c, CLAIMS__LEX_NUMBER, j + 1, j + 2, &n);
    if (e && e->has_num && e->num >= 1 && e->num <= 9) {
        r->cur += e->num;
        r->lastw = e->num;
        r->j += 2;
        return STEP_TAKEN;
    }
    return STEP_STOP;
}

/* The next number word, taking an "and" before a fraction ("three and a
 * half", *n counts the "and") or after a scale ("two hundred and fifty",
 * r->j moves past it). NULL when the number ends here. */
static const claims__lex_entry *next_number_word(const qctx *c, numread *r, size_t *n)
{
    size_t on = 0;
    const claims__lex_entry *e;
    if (r->prev == P_NONE && r->j == c->num_at) {
        if ((e = c->num_e) != NULL)
            *n = c->num_n;
    } else {
        e = lex_in(c, CLAIMS__LEX_NUMBER, r->j, c->se, n);
    }
    if (!e && r->prev != P_NONE &&
        claims__lex_is(lex_in(c, CLAIMS__LEX_OPERATOR, r->j, r->j + 1, &on), CLAIMS__LV_AND)) {
        size_t n2 = 0;
        const claims__lex_entry *e2 = lex(c, CLAIMS__LEX_NUMBER, r->j + 1, c->se, &n2);
        if (e2 && e2->has_num && e2->num > 0 && e2->num < 1) {
            /* "three and a half": the fraction branch takes "and" too */
            e = e2;
            *n = n2 + 1;
        } else if (r->prev == P_SCALE) {
            /* "two hundred and fifty" */
            if (!e2 || !e2->has_num || e2->num < 1 || e2->num >= 100)
                return NULL;
            e = e2;
            *n = n2;
            r->j++;
        } else {
            return NULL;
        }
    }
    return e && e->has_num ? e : NULL;
}

/* The first number word ("twenty", "a thousand", "zero"). */
static int first_number_word(numread *r, const claims__lex_entry *e, size_t n, amount *a)
{
    if (e->num > 0 && e->num < 1)
        return STEP_STOP; /* "a half" needs a number before it */
    r->cur = e->num;
    a->word = true;
    a->zero = e->num == 0;
    a->one = e->num == 1 && n == 1;
    r->lastw = e->num;
    r->prev = e->num >= 100 ? P_SCALE : P_WORD;
    if (e->num >= 1000) {
        r->total = e->num;
        r->cur = 0;
        r->scale = e->num;
    }
    r->j += n;
    return a->zero ? STEP_STOP : STEP_TAKEN;
}

/* A number word after others: a fraction ("and a half"), the unit of
 * "twenty five", or the tens and units after a scale ("hundred fifty"). */
static int more_number_word(numread *r, const claims__lex_entry *e, size_t n, amount *a)
{
    if (e->num > 0 && e->num < 1) {
        /* "and a half" */
        if (r->prev == P_FRAC || r->cur == 0)
            return STEP_STOP;
        r->cur += e->num;
        r->prev = P_FRAC;
        a->one = false;
        r->j += n;
        return STEP_TAKEN;
    }
    if (r->prev == P_WORD && r->lastw >= 20 && r->lastw <= 90 && e->num >= 1 && e->num <= 9 &&
        n == 1) {
        r->cur += e->num;
        r->lastw = e->num;
        r->j += n;
        return STEP_TAKEN;
    }
    if (r->prev == P_SCALE && e->num >= 1 && e->num < 100 && n == 1) {
        r->cur += e->num;
        r->lastw = e->num;
        r->prev = P_WORD;
        a->one = false;
        r->j += n;
        return STEP_TAKEN;
    }
    return STEP_STOP;
}

/* A fraction written with a slash after whole digits and a space ("2
 * 1/2 inches"): its value, or 0. Not a date ("1/2/2013"). */
static double slash_fraction(const qctx *c, size_t j)
{
    if (j + 2 >= c->se || glued(c, j) || !is_cls(c, j, CLAIMS__TOK_NUMBER) ||
        !is_punct(c, j + 1, '/') || !glued(c, j + 1) || !glued(c, j + 2) ||
        !is_cls(c, j + 2, CLAIMS__TOK_NUMBER) || claims__tok_len(tk(c, j)) > 2 ||
        claims__tok_len(tk(c, j + 2)) > 2 || (j + 3 < c->se && glued(c, j + 3)))
        return 0;
    double n = 0, d = 0;
    claims__parse_decimal(norm_of(c, j), claims__tok_len(tk(c, j)), &n);
    claims__parse_decimal(norm_of(c, j + 2), claims__tok_len(tk(c, j + 2)), &d);
    return n >= 1 && d <= 16 && n < d && n == (double)(long)n && d == (double)(long)d ? n / d : 0;
}

/* Digits or number words with scales from token i: "1,200", "1.5
 * billion", "twenty-five", "two hundred and fifty", "three and a half",
 * "2 1/2". */
static bool parse_number(const qctx *c, size_t i, bool cur_before, amount *a)
{
    numread r = {0, 0, 1, 0, P_NONE, i};
    a->zero = a->one = a->digits = a->word = false;
    if (is_cls(c, i, CLAIMS__TOK_NUMBER) && !read_digits(c, i, &r, a))
        return false;
    while (r.j < c->se) {
        /* most numbers end before a word that starts no scale, number
         * word or "and": no step below can take it (a fraction and a
         * hyphen's unit begin with a number and a "-") */
        const uint64_t m = claims__tok_bits_of(
            (1u << CLAIMS__LEX_SCALE) | (1u << CLAIMS__LEX_NUMBER) | (1u << CLAIMS__LEX_OPERATOR),
            UINT16_MAX, 0);
        if ((claims__tok_bits(tk(c, r.j)) & m) == claims__tok_bits_of(0, CLAIMS__TOK_WORD, 0))
            break;
        double frac = r.prev == P_DIGITS && r.cur > 0 ? slash_fraction(c, r.j) : 0;
        if (frac > 0) {
            r.cur += frac;
            r.prev = P_FRAC;
            a->one = false;
            r.j += 3;
            continue;
        }
        int step = read_scale(c, &r, cur_before, a);
        if (step == STEP_NONE)
            step = read_hyphen_unit(c, &r);
        if (step == STEP_TAKEN)
            continue;
        if (step == STEP_STOP)
            break;
        size_t n = 0;
        const claims__lex_entry *e = next_number_word(c, &r, &n);
        if (!e || (r.prev != P_NONE && a->zero))
            break;
        step = r.prev == P_NONE ? first_number_word(&r, e, n, a) : more_number_word(&r, e, n, a);
        if (step != STEP_TAKEN)
            break;
    }
    if (r.prev == P_NONE)
        return false;
    if (r.j > i + 1)
        a->one = false;
    a->v = r.total + r.cur;
    a->scale = r.scale;
    a->nb = i;
    a->ne = r.j;
    return true;
}

/* parse_number of the amount's first token i: plain digits before a
 * token that starts no scale, number word or "and" and is no number (most
 * amounts: "12 people", "12,") read without the call. After digits no
 * other step can take such a token: a group and a fraction begin with a
 * number, a hyphen's unit follows a number word. */
static CLAIMS__ALWAYS_INLINE bool parse_amount(const qctx *c, size_t i, bool cur_before, amount *a)
{
    const uint64_t m = claims__tok_bits_of((1u << CLAIMS__LEX_SCALE) | (1u << CLAIMS__LEX_NUMBER) |
                                               (1u << CLAIMS__LEX_OPERATOR),
                                           CLAIMS__TOK_NUMBER, 0);
    double v;
    if (tk(c, i)->cls == CLAIMS__TOK_NUMBER &&
        (i + 1 >= c->se || !(claims__tok_bits(tk(c, i + 1)) & m)) && plain_digits_at(c, i, &v)) {
        a->zero = a->one = a->word = false;
        a->digits = true;
        a->v = v;
        a->scale = 1;
        a->nb = i;
        a->ne = i + 1;
        return true;
    }
    return parse_number(c, i, cur_before, a);
}

/* ------------------------------------------------------------- noise */

static inline bool is_month_or_day(const qctx *c, size_t i)
{
    return lex(c, CLAIMS__LEX_MONTH, i, i + 1, NULL) || lex(c, CLAIMS__LEX_WEEKDAY, i, i + 1, NULL);
}

static inline bool is_month(const qctx *c, size_t i)
{
    return lex(c, CLAIMS__LEX_MONTH, i, i + 1, NULL);
}

/* True when the noun phrase at k is counted by a number before it: a
 * known concept or a plural noun ("12 people", "12 drones"). */
static bool counted_noun_at(const qctx *c, size_t k)
{
    if (k >= c->se || !is_cls(c, k, CLAIMS__TOK_WORD) || glued(c, k))
        return false;
    np_head h;
    np_scan(c, k, &h);
    return h.found && (h.known || looks_plural(c, h.hb));
}

/* A word that governs an object after it: a verb ("told", "sold"), a
 * preposition ("in", "from"). */
RARE static bool governs_object(const qctx *c, size_t p)
{
    if (p < c->sb || !is_cls(c, p, CLAIMS__TOK_WORD))
        return false;
    return action_at(c, p, p + 1, NULL) || lex(c, CLAIMS__LEX_SPEECH_VERB, p, p + 1, NULL) ||
           looks_verbal(c, p) ||
           (is_stop(c, p) && !marker(c, p, CLAIMS__LV_W_CLAUSE) &&
            !lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_AUX)) ||
           lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_CHANGE);
}

/* A capitalized word before a number that makes it a model name or label:
 * "Hermes 450", "Boeing 747", "Resolution 1701", "IAF 248". A listed
 * designator head always does; another capitalized word does unless the
 * number counts a noun of its own and the word is an acronym, the first
 * word of the sentence, or (with the capitalized words before it) the
 * object of a verb or preposition: "told CNN 12 people died", "sold
 * Georgia 12 drones", "in South Sudan 40 people died". */
static bool name_before(const qctx *c, size_t nb, size_t ne)
{
    if (nb <= c->sb)
        return false;
    size_t p = nb - 1;
    const claims__token *t = tk(c, p);
    if (t->cls != CLAIMS__TOK_WORD)
        return false;
    if (t->flags & CLAIMS__TF_HAS_DIGIT)
        return true;
    if (!(t->flags & (CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS)))
        return false;
    if (lex_is(c, CLAIMS__LEX_DESIGNATOR, p, CLAIMS__LV_MODEL) &&
        (claims__tok_len(t) > 1 || !(t->flags & CLAIMS__TF_SENT_START)))
        return true;
    /* "HD 4000 graphics", "GT 650M": a model number after an acronym */
    if ((t->flags & CLAIMS__TF_ALLCAPS) && claims__tok_len(t) >= 2 &&
        is_cls(c, nb, CLAIMS__TOK_NUMBER) && claims__tok_len(tk(c, nb)) >= 3 &&
        !memchr(norm_of(c, nb), ',', claims__tok_len(tk(c, nb))))
        return true;
    if ((t->flags & CLAIMS__TF_SENT_START) || p == c->sb)
        return false;
    if (is_month_or_day(c, p) || lex(c, CLAIMS__LEX_OPERATOR, p, p + 1, NULL) ||
        action_at(c, p, p + 1, NULL) || lex(c, CLAIMS__LEX_CURRENCY, p, p + 1, NULL) ||
        lex(c, CLAIMS__LEX_UNIT, p, p + 1, NULL) || marker(c, p, CLAIMS__LV_W_DET) ||
        is_stop(c, p) || lex(c, CLAIMS__LEX_NUMBER, p, p + 1, NULL) ||
        lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_AUX))
        return false;
    if (!counted_noun_at(c, ne))
        return true;
    /* the capitalized words of the name */
    size_t q = p;
    for (int k = 0; k < 3 && q > c->sb; k++) {
        const claims__token *u = tk(c, q - 1);
        if (u->cls != CLAIMS__TOK_WORD || !(u->flags & (CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS)) ||
            (u->flags & CLAIMS__TF_HAS_DIGIT) || any_marker(c, q - 1))
            break;
        if (lex_is(c, CLAIMS__LEX_DESIGNATOR, q - 1, CLAIMS__LV_MODEL) &&
            claims__tok_len(tk(c, q - 1)) > 1)
            return true; /* "Boeing Dreamliner 12 ..." */
        q--;
        if (u->flags & CLAIMS__TF_SENT_START)
            break;
    }
    if ((tk(c, q)->flags & CLAIMS__TF_SENT_START) || q == c->sb)
        return false; /* "Georgia 12 drones ...": its own subject */
    if ((t->flags & CLAIMS__TF_ALLCAPS) && q == p && !marker(c, p - 1, CLAIMS__LV_W_DET))
        return false; /* "CNN 12 people" */
    return !governs_object(c, q - 1);
}

static inline bool year_like(const qctx *c, size_t i)
{
    return is_cls(c, i, CLAIMS__TOK_NUMBER) && claims__tok_year_like(c->art, i);
}

/* Words of a street address after a house number at k ("4 Yawkey Way",
 * "325 E. Dahlia Ave.", "the 12000 block of Main Street"): the token
 * after them, or 0. */
static size_t address_end(const qctx *c, size_t k)
{
    if (k + 1 < c->se && tk(c, k)->hash == CLAIMS__HASH5('b', 'l', 'o', 'c', 'k') &&
        norm_is(c, k, "block") && norm_is(c, k + 1, "of"))
        return k + 2;
    /* a word with a space before it, capitalized, tested first with one
     * masked compare and a flag test (most tokens after a number fail
     * it); a glued "." ("E.") is passed */
    const uint64_t m = claims__tok_bits_of(0, UINT16_MAX, CLAIMS__TF_SPACE_BEFORE);
    const uint64_t word = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_SPACE_BEFORE);
    for (size_t j = k; j < c->se && j < k + ADDRESS_WORDS; j++) {
        const claims__token *w = tk(c, j);
        if ((claims__tok_bits(w) & m) == word && (w->flags & (CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS))) {
            if (j > k && marker(c, j, CLAIMS__LV_W_STREET))
                return j + 1;
            continue;
        }
        if (!(is_punct(c, j, '.') && j > k && glued(c, j)))
            return 0;
    }
    return 0;
}

/* version_number's tests past the number's last figure, out of line:
 * the figures after its point are zeros, and a counted noun follows. */
RARE static bool version_after(const qctx *c, size_t nb, size_t ne)
{
    const claims__token *t = tk(c, nb);
    const char *w = norm_of(c, nb);
    const char *dot = memchr(w, '.', claims__tok_len(t));
    if (!dot)
        return false;
    for (const char *q = dot + 1; q < w + claims__tok_len(t); q++)
        if (*q != '0')
            return false;
    return counted_noun_at(c, ne) && !lex(c, CLAIMS__LEX_UNIT, ne, c->se, NULL) &&
           !lex(c, CLAIMS__LEX_SCALE, ne, c->se, NULL) &&
           !lex(c, CLAIMS__LEX_CURRENCY, ne, c->se, NULL);
}

/* A whole number written with a point and zeros before a counted noun
 * ("USB 3.0 ports"): a version, unless a unit, scale or currency follows
 * ("3.0 magnitude"). */
static inline bool version_number(const qctx *c, size_t nb, size_t ne, bool cur_before)
{
    const claims__token *t = tk(c, nb);
    const char *w = norm_of(c, nb);
    if (cur_before || ne != nb + 1 || ne >= c->se || t->cls != CLAIMS__TOK_NUMBER ||
        claims__tok_len(t) == 0)
        return false;
    /* the figures after a point are all zeros, so the last is a zero (or
     * the point itself): most numbers fail here, before the point is
     * looked for (out of line) */
    if (w[claims__tok_len(t) - 1] != '0' && w[claims__tok_len(t) - 1] != '.')
        return false;
    return version_after(c, nb, ne);
}

/* "a 10U server", "a 4x4", "5G phones": a number glued to a word that is
 * no unit, scale, currency or suffix ("12mm", "1.5bn", "1990s") is part of
 * a model code. */
static bool model_code(const qctx *c, size_t ne, bool cur_before)
{
    /* a word glued on (rare) with one test of its class and flags */
    const uint64_t m = claims__tok_bits_of(0, UINT16_MAX, CLAIMS__TF_SPACE_BEFORE);
    if (cur_before || ne >= c->se ||
        (claims__tok_bits(tk(c, ne)) & m) != claims__tok_bits_of(0, CLAIMS__TOK_WORD, 0) ||
        norm_is(c, ne, "s"))
        return false;
    return !lex(c, CLAIMS__LEX_UNIT, ne, c->se, NULL) && !lex(c, CLAIMS__LEX_SCALE, ne, c->se, NULL) &&
           !lex(c, CLAIMS__LEX_CURRENCY, ne, c->se, NULL) &&
           !lex(c, CLAIMS__LEX_ORDINAL, ne, ne + 1, NULL);
}

/* The sentence ends with . ! ? (before closing quotes and brackets). */
RARE static bool sentence_terminal(const qctx *c)
{
    size_t i = c->se;
    while (i > c->sb) {
        i--;
        const claims__token *t = tk(c, i);
        if (t->cls == CLAIMS__TOK_QUOTE || is_punct(c, i, ')'))
            continue;
        return is_punct(c, i, '.') || is_punct(c, i, '!') || is_punct(c, i, '?');
    }
    return false;
}

/* The "9 p.m.", "10 o'clock" of noise_end: the token after a unit of
 * quantity "clock" (unit_split, unit_is) at ne, or 0. */
static CLAIMS__ALWAYS_INLINE size_t clock_end(const qctx *c, size_t ne)
{
    size_t n = 0;
    const claims__lex_entry *u = unit_at(c, ne, &n);
    if (u && claims__lex_text(u)[0] == 'c' && strncmp(claims__lex_text(u), "clock:", 6) == 0)
        return ne + n;
    return 0;
}

/* noise_end's tests of the tokens around the number, out of line: most
 * numbers stand between plain tokens that none of them can take. */
CLAIMS__NOINLINE static size_t noise_around(const qctx *c, size_t nb, size_t ne, bool cur_before)
{
    const claims__token *t = tk(c, nb);
    const char *w = norm_of(c, nb);
    size_t skip = ne > nb + 1 ? ne : nb + 1;
    bool has_prev = nb > c->sb;
    /* the tokens either side, asked about again and again below */
    const int pprev = has_prev ? punct_ch(c, nb - 1) : 0, pnext = punct_ch(c, ne);
    const bool glued_nb = glued(c, nb), glued_ne = ne < c->se && glued(c, ne);
    /* "+972", "#1" */
    if (glued_nb && (pprev == '+' || pprev == '#'))
        return skip;
    /* "S-300", "MiG-29", "F-16s": a letter word glued to the number by "-" */
    if (pprev == '-' && nb >= c->sb + 2 && glued_nb && glued(c, nb - 1) &&
        is_cls(c, nb - 2, CLAIMS__TOK_WORD)) {
        const claims__lex_entry *u = lex(c, CLAIMS__LEX_UNIT, nb - 2, nb - 1, NULL);
        unit_val uv;
        if (!(u && unit_split_entry(c, u, &uv) && uv.pre)) {
            if (glued_ne && is_cls(c, ne, CLAIMS__TOK_WORD))
                skip = ne + 1;
            return skip;
        }
    }
    /* "No. 1", "page 12", "Sept. 1" */
    if (has_prev) {
        size_t p = nb - 1;
        if (pprev == '.' && p > c->sb)
            p--;
        if (lex_is(c, CLAIMS__LEX_ORDINAL, p, CLAIMS__LV_LABEL) || is_month(c, p))
            return skip;
        if (!cur_before && name_before(c, nb, ne)) {
            if (glued_ne && is_cls(c, ne, CLAIMS__TOK_WORD))
                skip = ne + 1;
            return skip;
        }
    }
    /* "2nd", "21st" */
    if (ne < c->se && (c->toks[ne].lexmask & (1u << CLAIMS__LEX_ORDINAL)) && glued_ne &&
        lex_is(c, CLAIMS__LEX_ORDINAL, ne, CLAIMS__LV_SUFFIX))
        return ne + 1;
    if (model_code(c, ne, cur_before))
        return ne + 1;
    /* a house number, an emergency number ("911 calls"), a version */
    size_t addr = t->cls == CLAIMS__TOK_NUMBER && !cur_before ? address_end(c, ne) : 0;
    if (addr)
        return addr;
    if (!cur_before && marker(c, nb, CLAIMS__LV_W_PHONE) && ne < c->se &&
        is_cls(c, ne, CLAIMS__TOK_WORD) && !concept_at(c, ne, c->se, NULL))
        return ne + 1;
    if (version_number(c, nb, ne, cur_before))
        return ne + 1;
    /* "in his early 30s", "the 1990s": a span of ages or years, no amount */
    if (ne < c->se && tk(c, ne)->hash == CLAIMS__HASH1('s') && glued_ne && norm_is(c, ne, "s") &&
        t->cls == CLAIMS__TOK_NUMBER)
        return ne + 1;
    /* "beat Drake 65-53", "improved to 25-7": a score or a record, the
     * second figure below the first (a range rises: "10-12 people") */
    if (pnext == '-' && ne + 1 < c->se && glued_ne && glued(c, ne + 1) &&
        is_cls(c, ne + 1, CLAIMS__TOK_NUMBER) && t->cls == CLAIMS__TOK_NUMBER) {
        double a = 0, b = 0;
        if (claims__parse_decimal(w, claims__tok_len(t), &a) &&
            claims__parse_decimal(norm_of(c, ne + 1), claims__tok_len(tk(c, ne + 1)), &b) &&
            b < a && a < SCORE_MAX && !(ne + 2 < c->se && is_punct(c, ne + 2, '-')))
            return ne + 2;
    }
    /* times "9:15", ratios, "9/11", "24/7" */
    if ((pnext == ':' || pnext == '/') && ne + 1 < c->se && glued_ne && glued(c, ne + 1) &&
        is_cls(c, ne + 1, CLAIMS__TOK_NUMBER))
        return ne + 2;
    if ((pprev == ':' || pprev == '/') && nb >= c->sb + 2 && glued_nb && glued(c, nb - 1) &&
        is_cls(c, nb - 2, CLAIMS__TOK_NUMBER))
        return skip;
    /* "9 p.m.", "10 o'clock" */
    size_t clock = clock_end(c, ne);
    if (clock)
        return clock;
    /* "6 September" */
    if (ne < c->se && is_month(c, ne))
        return ne + 1;
    /* "248 88": numbers side by side are codes, not amounts */
    if (ne < c->se && is_cls(c, ne, CLAIMS__TOK_NUMBER)) {
        size_t k = ne;
        if (year_like(c, nb))
            return skip; /* "In 2009 12 people died": the year is dates.c's */
        while (k < c->se && is_cls(c, k, CLAIMS__TOK_NUMBER))
            k++;
        return k;
    }
    if (has_prev && is_cls(c, nb - 1, CLAIMS__TOK_NUMBER) && !year_like(c, nb - 1))
        return skip;
    /* "1-800-555", "555-1234" */
    if (pnext == '-' && ne + 1 < c->se && glued_ne && glued(c, ne + 1) &&
        is_cls(c, ne + 1, CLAIMS__TOK_NUMBER)) {
        size_t k = ne + 2;
        if (k + 1 < c->se && is_punct(c, k, '-') && glued(c, k) &&
            is_cls(c, k + 1, CLAIMS__TOK_NUMBER)) {
            while (k + 1 < c->se && is_punct(c, k, '-') && is_cls(c, k + 1, CLAIMS__TOK_NUMBER))
                k += 2;
            return k;
        }
        if (claims__tok_len(t) == 3 && claims__tok_len(tk(c, ne + 1)) == 4)
            return ne + 2;
    }
    /* a bare number closing a short line without a verb: caption noise */
    if (ne >= c->se && c->se - c->sb <= CAPTION_TOKENS && has_prev && !sentence_terminal(c)) {
        size_t p = nb - 1;
        if (!is_stop(c, p) && !marker(c, p, CLAIMS__LV_W_DET) && !action_at(c, p, p + 1, NULL) &&
            !lex(c, CLAIMS__LEX_OPERATOR, p, p + 1, NULL) &&
            !lex(c, CLAIMS__LEX_CURRENCY, p, p + 1, NULL) &&
            !lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_AUX))
            return skip;
    }
    return 0;
}

/* Punctuation before a number that noise_around asks about ("+972",
 * "#1", "S-300", "9/11", "24/7"), bit ch - 32 of a word; a "." ("No. 1")
 * only sends it to the word before it. */
#define NOISE_MARKS                                                                                \
    ((UINT64_C(1) << ('+' - 32)) | (UINT64_C(1) << ('#' - 32)) | (UINT64_C(1) << ('-' - 32)) |     \
     (UINT64_C(1) << (':' - 32)) | (UINT64_C(1) << ('/' - 32)))

/* Returns the token to resume from when the digits at nb (a number token)
 * are not a quantity, or 0 when they may be one. Most numbers stand after
 * a lowercase word or a mark and before a word with a space before it or
 * a mark that no number follows, none of which noise_around's tests of the
 * tokens around can take (no number, capital, digit, month or ordinal
 * among them; a word after no "block", for "the 12000 block of"): a test
 * of each token's bits says so, and the number's own tests are left. */
static CLAIMS__ALWAYS_INLINE size_t noise_end(const qctx *c, size_t nb, size_t ne, bool cur_before)
{
    const char *w = norm_of(c, nb);
    /* leading zeros "02" (the byte first: rarely a '0') */
    if (w[0] == '0' && claims__tok_len(tk(c, nb)) > 1 && w[1] != '.' && w[1] != ',')
        return ne > nb + 1 ? ne : nb + 1;
    const uint32_t dated = (1u << CLAIMS__LEX_ORDINAL) | (1u << CLAIMS__LEX_MONTH);
    bool plain = ne < c->se && !(tk(c, nb)->lexmask & (1u << CLAIMS__LEX_WORD_CLASS));
    if (plain && nb > c->sb) {
        const uint64_t prev_m = claims__tok_bits_of(
            dated, CLAIMS__TOK_NUMBER, CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS | CLAIMS__TF_HAS_DIGIT);
        unsigned ch = (unsigned)punct_ch(c, nb - 1) - 32;
        plain = !(claims__tok_bits(tk(c, nb - 1)) & prev_m) &&
                !(ch < 64 && ((NOISE_MARKS >> ch) & 1)) &&
                (ch != '.' - 32 || nb - 1 == c->sb || !(tk(c, nb - 2)->lexmask & dated));
    }
    if (plain) {
        const claims__token *u = tk(c, ne);
        if (u->cls == CLAIMS__TOK_WORD) {
            const uint64_t m = claims__tok_bits_of(
                dated, UINT16_MAX, CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS | CLAIMS__TF_SPACE_BEFORE);
            plain = (claims__tok_bits(u) & m) ==
                        claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_SPACE_BEFORE) &&
                    u->hash != CLAIMS__HASH5('b', 'l', 'o', 'c', 'k');
        } else {
            plain = u->cls != CLAIMS__TOK_NUMBER && !(u->lexmask & dated) &&
                    (ne + 1 >= c->se || u[1].cls != CLAIMS__TOK_NUMBER);
        }
    }
    if (!plain)
        return noise_around(c, nb, ne, cur_before);
    if (version_number(c, nb, ne, cur_before))
        return ne + 1;
    return clock_end(c, ne);
}

/* --------------------------------------------------------- emitting */

/* Whether the zero-padded chunk x of a text holds a byte other than a-z
 * (its padding aside): eight bytes a test. Bytes below 0x80 are moved so
 * that a byte's top bit says it is 'a' or above, or above 'z'; no move
 * carries into the next byte. */
static inline bool chunk_not_az(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), top = ones * 0x80;
    if (x & top)
        return true;
    uint64_t from_a = (x + ones * (0x80 - 'a')) & top, past_z = (x + ones * (0x80 - 'z' - 1)) & top;
    /* the text's bytes: the nonzero ones (no byte of a key is a NUL) */
    uint64_t used = ((x & ~top) + ~top) & top;
    return (from_a & ~past_z) != used;
}

/* The lexicon's broader kind of concept p2 of n bytes ("climber":
 * "person"), NULL when none or the concept itself. Most concepts have
 * none: a concept of letters a-z alone is one token (the lookup's only
 * cut), and the bucket of its hash mostly starts no key of the section:
 * one load says so, where the lookup hashed it again into a slot and
 * probed. */
static const claims__lex_entry *broader_of(const qctx *c, const char *p2, size_t n)
{
    if (n <= 16) {
        /* its chunks serve both the a-z test and the hash
         * (claims__word_hash16, claims__word_hash's of a short text) */
        const unsigned char *p = (const unsigned char *)p2;
        uint64_t a = 0, b = 0;
        if (n > 8) {
            a = claims__word_chunk(p);
            b = claims__word_tail(p + 8, n - 8);
        } else if (n) {
            a = claims__word_tail(p, n);
        }
        if (!chunk_not_az(a) && !chunk_not_az(b) &&
            !(claims__lex_bucket_of(c->lx->tables, claims__word_hash16(a, b, n))->lexmask &
              (1u << CLAIMS__LEX_BROADER)))
            return NULL;
    }
    const claims__lex_entry *kind_of = claims__lex_get(c->lx, CLAIMS__LEX_BROADER, p2, n);
    if (kind_of && strcmp(claims__lex_text(kind_of), p2) == 0)
        kind_of = NULL;
    return kind_of;
}

/* claims__key(c->s, "count", "-", act, prev), through the story's memo
 * (none when there was no memory for it): a count's action and
 * "previous" are texts that do not change (emit_count's). */
static claims__sid count_action_key(qctx *c, const char *act, const char *prev)
{
    act_key_memo none = {NULL, NULL, 0};
    act_key_memo *m = c->ww ? &c->ww->act_keys[(uintptr_t)act % ACT_KEYS] : &none;
    if (act != m->act || prev != m->prev || !m->id) {
        m->id = claims__key(c->s, "count", "-", act, prev);
        m->act = act;
        m->prev = prev;
    }
    return m->id;
}

/* The slots a count or an amount meets with one known part unknown:
 * "count/drone/buy" also meets "count/-/buy" and "count/drone/-"; an
 * amount of money, named by its currency, also meets "money/-/-/USD". A
 * count of a thing of a broader kind (the lexicon's broader section:
 * "three climbers") also meets that kind's slot ("three people"). A
 * measure of a named thing ("a four-day tour") also meets the measure of
 * nothing named ("four days"). kind_of: a count's broader kind of p2
 * (emit_count's), NULL for other kinds. False on OOM. */
static bool set_backoff(qctx *c, claims_claim *cl, claims_kind kind, const char *p1, const char *p2,
                        const char *p3, const char *p4, const claims__lex_entry *kind_of)
{
    if (kind == CLAIMS_KIND_MEASURE && p3 && !is_dash(p3) && strcmp(p2, "age") != 0) {
        /* "a four-day ski tour" also meets "four days" */
        claims__draft(cl)->backoff[0] = claims__key(c->s, p1, p2, "-", p4);
        return cl->frame->backoff[0] != 0;
    }
    if (kind != CLAIMS_KIND_COUNT && kind != CLAIMS_KIND_MONEY)
        return true;
    bool thing = p2 && !is_dash(p2), action = p3 && !is_dash(p3);
    size_t n = 0;
    if (kind_of && !(claims__draft(cl)->kind_key =
                         claims__key(c->s, p1, claims__lex_text(kind_of), action ? p3 : "-", p4)))
        return false;
    if (thing && action) {
        claims__draft(cl)->backoff[n++] = kind == CLAIMS_KIND_COUNT
                                              ? count_action_key(c, p3, p4)
                                              : claims__key(c->s, p1, "-", p3, p4);
        claims__draft(cl)->backoff[n++] = claims__key(c->s, p1, p2, "-", p4);
    } else if (kind == CLAIMS_KIND_MONEY && (thing || action) && p4 && !is_dash(p4)) {
        if (p4 != c->cur_p || !c->cur_key) {
            c->cur_key = claims__key(c->s, p1, "-", "-", p4);
            c->cur_p = p4;
        }
        claims__draft(cl)->backoff[n++] = c->cur_key;
    }
    for (size_t i = 0; i < n; i++)
        if (!cl->frame->backoff[i])
            return false;
    return true;
}

static claims_status emit(qctx *c, claims_kind kind, size_t tb, size_t te, const amount *a,
                          const char *p1, const char *p2, const char *p3, const char *p4,
                          const claims__lex_entry *kind_of, const char *unit, size_t unit_len,
                          claims_claim **out)
{
    claims_claim *cl = claims__claim_add_tok(c->s, c->ai, kind, tb, te);
    if (!cl)
        return CLAIMS_ERR_NOMEM;
    if (!claims__claim_key(c->s, cl, p2, p3, p4) ||
        !set_backoff(c, cl, kind, p1, p2, p3, p4, kind_of))
        return CLAIMS_ERR_NOMEM;
    if (unit) {
        /* through the story's memo of its units (none when there was no
         * memory for it) */
        unit_id_memo none = {NULL, 0, 0};
        unit_id_memo *m = c->ww ? &c->ww->unit_ids[((uintptr_t)unit ^ unit_len) % UNIT_IDS] : &none;
        if (unit != m->p || unit_len != m->n || !m->id) {
            m->id = claims__intern(c->s, unit, unit_len);
            m->p = unit;
            m->n = unit_len;
        }
        claims__draft(cl)->unit = m->id;
        if (!cl->frame->unit)
            return CLAIMS_ERR_NOMEM;
    }
    if (c->sflags & CLAIMS__SF_TITLE)
        cl->flags |= CLAIMS__CF_TITLE;
    claims__frame *fr = claims__draft(cl);
    if (!a->unknown) {
        if (a->vague || a->range) {
            fr->low = a->lo;
            fr->high = a->hi;
            fr->has_low = fr->has_high = true;
        } else {
            double v = a->v;
            /* the number as written, beside its bounds ("about 50": 50
             * within 45-55; "more than 300": 300, low exclusive) */
            cl->value = v;
            cl->has_value = true;
            switch (a->op) {
            case OP_GT:
                fr->low = v;
                fr->has_low = true;
                cl->flags |= CLAIMS__CF_LOW_EXCL;
                break;
            case OP_GE:
                fr->low = v;
                fr->has_low = true;
                break;
            case OP_LT:
                fr->high = v;
                fr->has_high = true;
                cl->flags |= CLAIMS__CF_HIGH_EXCL;
                break;
            case OP_LE:
                fr->high = v;
                fr->has_high = true;
                break;
            case OP_ABOUT:
                fr->low = v * 0.9;
                fr->high = v * 1.1;
                fr->has_low = fr->has_high = true;
                cl->flags |= CLAIMS__CF_APPROX;
                break;
            case OP_NEAR:
                /* "almost three weeks" and "three weeks" are one span told
                 * twice: the round figure stays inside */
                fr->low = v * 0.9;
                fr->high = v;
                fr->has_low = fr->has_high = true;
                break;
            default:
                cl->value = v;
                cl->has_value = true;
                break;
            }
        }
    }
    if (out)
        *out = cl;
    return CLAIMS_OK;
}

static CLAIMS__ALWAYS_INLINE void set_part(char *dst, const char *src)
{
    size_t n = strlen(src);
    if (n >= PART_MAX)
        n = PART_MAX - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Tokens from an amount's start to its head for the head to be its own
 * participle ("about 50 hurt"). */
enum { OWN_HEAD_WINDOW = 4 };

/* Token i (before c->se) is "and" or "or": its hash is one of theirs
 * (one test, rarely passed), and then its text. */
static inline bool and_or(const qctx *c, size_t i)
{
    uint32_t h = tk(c, i)->hash;
    if (!((h == CLAIMS__HASH3('a', 'n', 'd')) | (h == CLAIMS__HASH2('o', 'r'))))
        return false;
    return norm_is(c, i, "and") || norm_is(c, i, "or");
}

/* Whether a token of [lo, se) may start an action (its lexmask's bit):
 * the tokens not looked at yet for the sentence are, from the last down,
 * till the first that may. */
static bool action_in_reach(qctx *c, size_t lo)
{
    if (c->act_end > lo)
        return true;
    if (c->act_lo <= lo)
        return false;
    const claims__token *t = c->toks;
    const uint32_t bit = 1u << CLAIMS__LEX_ACTION;
    size_t j = c->act_lo;
    /* four tokens a test: most have no bit */
    while (j >= lo + 4 &&
           !((t[j - 1].lexmask | t[j - 2].lexmask | t[j - 3].lexmask | t[j - 4].lexmask) & bit))
        j -= 4;
    for (; j > lo; j--) {
        if (t[j - 1].lexmask & bit) {
            c->act_lo = j - 1;
            c->act_end = j;
            return true;
        }
    }
    c->act_lo = lo;
    return false;
}

/* The action of a counted or priced thing: a participle after it through
 * auxiliaries ("were killed") or right after a bare amount ("40 dead"),
 * else the governing verb before it, else a participle after it, else the
 * noun itself ("deaths"). Sets *apos and *alen to the action's tokens. */
static const claims__lex_entry *find_action(qctx *c, size_t from, size_t after, const np_head *h,
                                            size_t *apos, size_t *alen)
{
    /* every action it may find starts at a token of the window before
     * from (action_back's) or after it: none when no token there has the
     * action bit */
    if (!action_in_reach(c, from - back_reach(from, c->sb, BACK_WINDOW)))
        return NULL;
    bool via_aux = false;
    size_t fp = 0, fl = 0, bp = 0, bl = 0;
    /* "3 soldiers and 2 civilians were killed": the action after a list */
    for (int n = 0; n < LIST_MAX && after + 1 < c->se; n++) {
        size_t m = after;
        if (is_punct(c, m, ','))
            m++;
        if (m < c->se && and_or(c, m))
            m++;
        if (m == after || m >= c->se)
            break;
        amount b = NO_AMOUNT;
        if (!parse_number(c, m, false, &b) || b.zero)
            break;
        np_head h2;
        np_scan(c, skip_det(c, b.ne), &h2);
        if (!h2.found || !(h2.known || looks_plural(c, h2.hb)))
            break;
        after = h2.he;
    }
    /* "12 people, including 3 children, were killed": the amount stands in
     * an aside that closes right after it */
    if (is_punct(c, after, ',') && from > c->sb &&
        (is_punct(c, from - 1, ',') || is_stop(c, from - 1)) && after + 1 < c->se &&
        (lex_is(c, CLAIMS__LEX_ACTION_WORD, after + 1, CLAIMS__LV_W_AUX) ||
         action_at(c, after + 1, c->se, NULL)))
        after++;
    /* "ten dead and about 50 hurt": a participle that stands as the
     * amount's own head is its action, whatever verb came before */
    if (h->found && h->hb > from && h->hb - from <= OWN_HEAD_WINDOW) {
        size_t n = 0;
        const claims__lex_entry *own = action_at(c, h->hb, h->he, &n);
        if (own && claims__lex_text(own)[0] != '_') {
            *apos = h->hb;
            *alen = n;
            return own;
        }
    }
    const claims__lex_entry *fwd = action_fwd(c, after, &via_aux, &fp, &fl);
    /* the verb before is not looked for when the participle after wins
     * whatever it is */
    const claims__lex_entry *back =
        fwd && (via_aux || !h->found) ? NULL : action_back(c, from, &bp, &bl);
    if (fwd && (via_aux || !h->found || back == NULL)) {
        *apos = fp;
        *alen = fl;
        return fwd;
    }
    if (back) {
        *apos = bp;
        *alen = bl;
        return back;
    }
    if (h->found) {
        size_t n = 0;
        const claims__lex_entry *e = action_at(c, h->hb, h->he, &n);
        if (e) {
            *apos = h->hb;
            *alen = n;
            return e;
        }
    }
    return NULL;
}

/* True when the word at i can belong to a person's name. */
static bool name_word(const qctx *c, size_t i)
{
    const claims__token *t = tk(c, i);
    return t->cls == CLAIMS__TOK_WORD && (t->flags & CLAIMS__TF_CAP) &&
           !(t->flags & (CLAIMS__TF_HAS_DIGIT | CLAIMS__TF_POSSESSIVE)) && !any_marker(c, i) &&
           !is_month_or_day(c, i) &&
           !lex(c, CLAIMS__LEX_TITLE, i, i + 1, NULL) &&
           !lex(c, CLAIMS__LEX_RELATIVE_DAY, i, i + 1, NULL) &&
           !lex(c, CLAIMS__LEX_TIME_WORD, i, i + 1, NULL) &&
           !lex(c, CLAIMS__LEX_SPEECH_VERB, i, i + 1, NULL);
}

/* The person an age belongs to, named by the word at p: a name with the
 * capitalized words before it ("Jane Roe"), else the noun ("man",
 * "driver", "victim"; a concept when it is more precise than "person").
 * Writes "-" when p names no one. True when it is a name, false for a
 * noun or no one. */
static bool person_part(const qctx *c, size_t p, char *out)
{
    out[0] = '-';
    out[1] = '\0';
    if (p < c->sb || p >= c->se || !is_cls(c, p, CLAIMS__TOK_WORD) || any_marker(c, p) ||
        is_month_or_day(c, p) || lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_AUX))
        return false;
    size_t cn = 0;
    const claims__lex_entry *ce = concept_at(c, p, p + 1, &cn);
    size_t k = p;
    if (name_word(c, p)) {
        while (k > c->sb && p - k < 3 && !(tk(c, k)->flags & CLAIMS__TF_SENT_START) &&
               name_word(c, k - 1))
            k--;
    }
    /* "Volunteers aged 18": a capitalized first word is a noun unless a
     * comma sets it off like a name ("Jones, 45,") */
    bool first_noun = k == p && (tk(c, p)->flags & CLAIMS__TF_SENT_START) &&
                      !is_punct(c, p + 1, ',');
    if (k == p && (!(tk(c, p)->flags & CLAIMS__TF_CAP) || ce || first_noun)) {
        if (ce && ce->code != CLAIMS__LV_PERSON)
            set_part(out, claims__lex_text(ce));
        else
            claims__numbers_singular(norm_of(c, p), claims__tok_len(tk(c, p)), out, PART_MAX);
        return false;
    }
    size_t n = 0;
    for (size_t j = k; j <= p; j++) {
        size_t w = claims__tok_len(tk(c, j));
        if (n + w + 2 > PART_MAX)
            break;
        if (j > k)
            out[n++] = ' ';
        memcpy(out + n, norm_of(c, j), w);
        n += w;
    }
    out[n] = '\0';
    return true;
}

/* True when the verb at `verb` has for subject an earlier event of the
 * story's kind: "the previous major earthquake, in 2002, killed 74
 * people" counts that quake's dead, not this one's. The qualifiers are
 * time.lex's ("previous", "earlier", "last" before an event noun). */
RARE static bool previous_event_before(const qctx *c, size_t verb)
{
    for (size_t d = 1; d <= TOLL_WINDOW && d <= verb - c->sb; d++) {
        size_t j = verb - d;
        const claims__token *t = tk(c, j);
        if (t->cls == CLAIMS__TOK_QUOTE || is_punct(c, j, ';') || marker(c, j, CLAIMS__LV_W_CLAUSE))
            return false;
        if (t->cls != CLAIMS__TOK_WORD || !lex(c, CLAIMS__LEX_EVENT, j, verb, NULL))
            continue;
        for (size_t q = 1; q <= 3 && q <= j - c->sb; q++) {
            const claims__lex_entry *e = lex(c, CLAIMS__LEX_TIME_WORD, j - q, j, NULL);
            if (e && strstr(claims__lex_text(e), "qual:previous"))
                return true;
            if (!is_cls(c, j - q, CLAIMS__TOK_WORD))
                break;
        }
        return false;
    }
    return false;
}

/* A total named before an amount: "the death toll from the quake rose
 * to 41", "a death toll of 41", "the number of missing stands at 12".
 * The amount must follow a connector (to, at, of, an auxiliary or a
 * change verb). Returns the total's action class, or NULL. */
static const char *toll_before(const qctx *c, size_t b)
{
    if (b <= c->sb)
        return NULL;
    size_t p = b - 1;
    if (!(norm_is(c, p, "to") || norm_is(c, p, "at") || norm_is(c, p, "of") ||
          lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_AUX) ||
          lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_CHANGE)))
        return NULL;
    size_t dmax = back_reach(b, c->sb, TOLL_WINDOW);
    for (size_t d = 1; d <= dmax; d++) {
        size_t j = b - d;
        const claims__token *t = tk(c, j);
        if (t->cls == CLAIMS__TOK_QUOTE || is_punct(c, j, ';'))
            break;
        if (t->cls != CLAIMS__TOK_WORD)
            continue;
        size_t n = 0;
        const claims__lex_entry *e = lex(c, CLAIMS__LEX_ACTION_WORD, j, b, &n);
        if (e && claims__lex_text(e)[0] == '_' && strncmp(claims__lex_text(e), "_toll:", 6) == 0)
            return claims__lex_text(e) + 6;
    }
    return NULL;
}

/* The common noun at p as a key part (its concept, else its naive
 * singular), or false when p is not such a noun. */
RARE static bool noun_part(const qctx *c, size_t p, char *out)
{
    if (p < c->sb || p >= c->se || !is_cls(c, p, CLAIMS__TOK_WORD))
        return false;
    const claims__token *t = tk(c, p);
    if ((t->flags & (CLAIMS__TF_HAS_DIGIT | CLAIMS__TF_POSSESSIVE | CLAIMS__TF_ALLCAPS)) ||
        ((t->flags & CLAIMS__TF_CAP) && !(t->flags & CLAIMS__TF_SENT_START)))
        return false;
    if (any_marker(c, p) || lex(c, CLAIMS__LEX_ACTION, p, p + 1, NULL) ||
        lex(c, CLAIMS__LEX_ACTION_WORD, p, p + 1, NULL) ||
        lex(c, CLAIMS__LEX_UNIT, p, p + 1, NULL) || lex(c, CLAIMS__LEX_CURRENCY, p, p + 1, NULL) ||
        lex(c, CLAIMS__LEX_NUMBER, p, p + 1, NULL) || lex(c, CLAIMS__LEX_OPERATOR, p, p + 1, NULL) ||
        lex(c, CLAIMS__LEX_VAGUE, p, p + 1, NULL) || is_month_or_day(c, p) || looks_verbal(c, p))
        return false;
    size_t n = 0;
    const claims__lex_entry *ce = concept_at(c, p, p + 1, &n);
    if (ce)
        set_part(out, claims__lex_text(ce));
    else
        claims__numbers_singular(norm_of(c, p), claims__tok_len(t), out, PART_MAX);
    return true;
}

/* True when token p may stand between a change or price verb and the
 * amount after it: "rose 12% to $2 billion", "valued at", "from $1bn to". */
static bool change_filler(const qctx *c, size_t p)
{
    const claims__token *t = tk(c, p);
    if (t->cls == CLAIMS__TOK_NUMBER)
        return true;
    if (t->cls == CLAIMS__TOK_PUNCT)
        return is_punct(c, p, '%') || lex(c, CLAIMS__LEX_CURRENCY, p, p + 1, NULL);
    if (t->cls != CLAIMS__TOK_WORD || (t->flags & CLAIMS__TF_CAP))
        return false;
    return norm_is(c, p, "to") || norm_is(c, p, "by") || norm_is(c, p, "at") ||
           norm_is(c, p, "from") || norm_is(c, p, "for") || norm_is(c, p, "cent") ||
           lex(c, CLAIMS__LEX_OPERATOR, p, p + 1, NULL) || lex(c, CLAIMS__LEX_UNIT, p, p + 1, NULL) ||
           lex(c, CLAIMS__LEX_SCALE, p, p + 1, NULL) ||
           lex(c, CLAIMS__LEX_CURRENCY, p, p + 1, NULL);
}

/* The subject of a change or price word before the amount at b: "profit
 * rose 12% to $2 billion" -> profit, "watches worth £250,000" -> watch,
 * "the firm was valued at 1 billion zlotys" -> firm. */
static bool subject_before(const qctx *c, size_t b, char *out)
{
    size_t j = b;
    for (int steps = 0; j > c->sb && steps < SUBJ_WINDOW; steps++) {
        size_t p = j - 1;
        const claims__lex_entry *ae =
            is_cls(c, p, CLAIMS__TOK_WORD) ? lex(c, CLAIMS__LEX_ACTION_WORD, p, p + 1, NULL) : NULL;
        if (ae && (ae->code == CLAIMS__LV_W_CHANGE || ae->code == CLAIMS__LV_W_WORTH)) {
            size_t q = p;
            while (q > c->sb && q + 3 > p &&
                   lex_is(c, CLAIMS__LEX_ACTION_WORD, q - 1, CLAIMS__LV_W_AUX))
                q--;
            /* "the purchase of the jets, valued at ..." */
            if (q > c->sb && is_punct(c, q - 1, ','))
                q--;
            if (q <= c->sb || !noun_part(c, q - 1, out))
                return false;
            /* the head of "the purchase of the unmanned aircraft" */
            for (size_t k = q - 1; k > c->sb && k + NP_WORDS + 1 > q; k--) {
                if (norm_is(c, k - 1, "of") && marker(c, k - 1, CLAIMS__LV_W_DET)) {
                    char head[PART_MAX];
                    if (k - 1 > c->sb && noun_part(c, k - 2, head)) {
                        set_part(out, head);
                    } else if (k - 2 > c->sb && marker(c, k - 3, CLAIMS__LV_W_DET) &&
                               is_cls(c, k - 2, CLAIMS__TOK_WORD) &&
                               !(tk(c, k - 2)->flags & CLAIMS__TF_CAP) && !is_stop(c, k - 2) &&
                               !marker(c, k - 2, CLAIMS__LV_W_FILLER)) {
                        /* "the purchase of": a verb's noun after an article */
                        claims__numbers_singular(norm_of(c, k - 2), claims__tok_len(tk(c, k - 2)),
                                                 out, PART_MAX);
                    }
                    break;
                }
                if (!is_cls(c, k - 1, CLAIMS__TOK_WORD) || is_stop(c, k - 1))
                    break;
            }
            return true;
        }
        if (!change_filler(c, p))
            return false;
        j = p;
    }
    return false;
}

/* The thing a sum pays for, after it: "$X for the power plant", "$20
 * million in funding", also behind a conversion in brackets ("500
 * million shekels ($130 million) for the plant"). */
RARE static bool purpose_after(const qctx *c, size_t k, char *out)
{
    if (is_punct(c, k, '(')) {
        size_t close = 0;
        for (size_t m = k + 1; m < c->se && m <= k + ASIDE_MAX && !close; m++)
            if (is_punct(c, m, ')'))
                close = m;
        if (!close)
            return false;
        k = close + 1;
    }
    if (k + 1 >= c->se || !(norm_is(c, k, "for") || norm_is(c, k, "in")))
        return false;
    size_t m = skip_det(c, k + 1);
    if (m >= c->se || (tk(c, m)->flags & CLAIMS__TF_CAP))
        return false;
    np_head h;
    np_scan(c, m, &h);
    if (h.found) {
        size_t last = h.he - 1;
        if ((tk(c, last)->flags & CLAIMS__TF_CAP) || is_month_or_day(c, last))
            return false;
        if (h.known) {
            set_part(out, h.concept);
            return true;
        }
        return noun_part(c, last, out);
    }
    if (noun_part(c, m, out))
        return true;
    /* "in funding", "in financing": an -ing noun right after "in" */
    if (m == k + 1 && is_cls(c, m, CLAIMS__TOK_WORD) && looks_verbal(c, m)) {
        copy_norm(c, m, out, PART_MAX);
        return true;
    }
    return false;
}

/* The bare numbers listed after an age ("aged 19 and 22", "aged 19, 22
 * and 25"): their tokens go to list[], their number is returned. */
static size_t age_list(const qctx *c, size_t k, size_t *list)
{
    size_t n = 0;
    while (n < LIST_MAX - 1 && k < c->se) {
        size_t m = k;
        if (is_punct(c, m, ','))
            m++;
        if (m < c->se && and_or(c, m))
            m++;
        if (m == k || m >= c->se || !all_digits(c, m) || claims__tok_len(tk(c, m)) > 3)
            break;
        size_t after = m + 1;
        if (after < c->se && !is_punct(c, after, ',') && !is_punct(c, after, '.') &&
            !is_punct(c, after, ')') && !is_punct(c, after, ';') && !is_stop(c, after) &&
            !lex_is(c, CLAIMS__LEX_ACTION_WORD, after, CLAIMS__LV_W_AUX))
            break;
        double v = 0;
        claims__parse_decimal(norm_of(c, m), claims__tok_len(tk(c, m)), &v);
        if (v < 1 || v > 120)
            break;
        list[n++] = m;
        k = m + 1;
    }
    return n;
}

/* Ages of several people in one list: measure/age/<person>/<i>-of-<n>,
 * so that "two men, aged 19 and 22" keeps both and each meets the same
 * rank in another article's list. */
RARE static claims_status emit_age_list(qctx *c, const amount *first, const char *thing,
                                        const size_t *list, size_t nlist, const char *unit,
                                        size_t unit_len)
{
    size_t total = nlist + 1;
    for (size_t i = 0; i < total; i++) {
        char idx[32];
        size_t n = 0;
        size_t vals[2] = {i + 1, total};
        for (int v = 0; v < 2; v++) {
            char tmp[20];
            size_t t = 0, x = vals[v];
            do {
                tmp[t++] = (char)('0' + x % 10);
                x /= 10;
            } while (x && t < sizeof tmp);
            while (t)
                idx[n++] = tmp[--t];
            if (v == 0) {
                memcpy(idx + n, "-of-", 4);
                n += 4;
            }
        }
        idx[n] = '\0';
        amount b = *first;
        size_t tb = first->b, te = first->e;
        if (i > 0) {
            size_t m = list[i - 1];
            memset(&b, 0, sizeof b);
            claims__parse_decimal(norm_of(c, m), claims__tok_len(tk(c, m)), &b.v);
            tb = m;
            te = m + 1;
        }
        claims_status rc = emit(c, CLAIMS_KIND_MEASURE, tb, te, &b, "measure", "age", thing, idx,
                                NULL, unit, unit_len, NULL);
        if (rc != CLAIMS_OK)
            return rc;
    }
    return CLAIMS_OK;
}

/* --------------------------------------------------------- one amount */

/* What stands after (or before) an amount: its unit, and for an age the
 * person it belongs to. Filled by the unit_* steps of process. */
typedef struct unit_info {
    unit_val uv;
    bool has_unit; /* a unit of the lexicon, or an age */
    bool unit_pre; /* the unit stands before the number ("aged 61") */
    bool hyphen;   /* "a 12-member panel" */
    bool age;
    size_t k;              /* the token after the amount (and its hyphen) */
    size_t unit_end;       /* the token after the unit or currency */
    char person[PART_MAX]; /* an age's person, "-" when none */
    bool person_named;     /* person is a name ("jane roe"), not a noun */
} unit_info;

/* The amount at token i: an unknown amount, a vague one ("dozens") or a
 * number, with a currency before it (*cur_e). Returns the token to resume
 * from when there is no amount here or it is noise, else 0. */
static CLAIMS__ALWAYS_INLINE size_t read_amount(qctx *c, size_t i, amount *a,
                                                const claims__lex_entry **cur_e, size_t *cur_start)
{
    size_t n = 0;
    const claims__lex_entry *e;
    *cur_e = NULL;
    *cur_start = i;
    window_before(c, i);
    if (is_cls(c, i, CLAIMS__TOK_NUMBER))
        *cur_e = currency_before(c, i, cur_start);
    if ((e = lex_in(c, CLAIMS__LEX_UNKNOWN_AMOUNT, i, c->se, &n)) != NULL) {
        a->unknown = true;
        a->nb = i;
        a->ne = i + n;
    } else if ((e = lex_in(c, CLAIMS__LEX_VAGUE, i, c->se, &n)) != NULL &&
               parse_bounds(claims__lex_text(e), &a->lo, &a->hi)) {
        a->vague = true;
        a->nb = i;
        a->ne = i + n;
    } else {
        if (!is_cls(c, i, CLAIMS__TOK_NUMBER)) {
            /* "no more than 10" is an operator, not a zero */
            size_t on = 0;
            if (lex(c, CLAIMS__LEX_OPERATOR, i, c->se, &on) && on > 1)
                return i + 1;
        }
        if (!parse_amount(c, i, *cur_e != NULL, a))
            return i + 1;
    }
    a->b = a->nb;
    a->e = a->ne;
    if (a->digits) {
        size_t skip = noise_end(c, a->nb, a->ne, *cur_e != NULL);
        if (skip) {
            c->floor = skip;
            return skip;
        }
    }
    return 0;
}

/* Token i (in the sentence) is "by" or "from": its hash is one of
 * theirs (one test, rarely passed: words of other texts before an
 * amount are many), and then its text. */
static CLAIMS__ALWAYS_INLINE bool by_or_from(const qctx *c, size_t i)
{
    uint32_t h = tk(c, i)->hash;
    if (!((h == CLAIMS__HASH2('b', 'y')) | (h == CLAIMS__HASH4('f', 'r', 'o', 'm'))))
        return false;
    return norm_is(c, i, "by") || norm_is(c, i, "from");
}

/* The operator and currency before the amount ("more than $5"), and the
 * figures that are not one: a ratio, and the change and old value of
 * "rose by 5 to 40". Returns the token to resume from, or 0. */
static CLAIMS__ALWAYS_INLINE size_t read_before(qctx *c, amount *a, const claims__lex_entry *cur_e,
                                                size_t cur_start)
{
    if (cur_e) {
        a->cur = claims__lex_text(cur_e);
        a->b = cur_start;
    }
    size_t os = a->b;
    const claims__lex_entry *op = op_before(c, a->b, &os);
    if (op) {
        const unsigned v = op->code;
        op_kind k = v == CLAIMS__LV_GT      ? OP_GT
                    : v == CLAIMS__LV_GE    ? OP_GE
                    : v == CLAIMS__LV_LT    ? OP_LT
                    : v == CLAIMS__LV_LE    ? OP_LE
                    : v == CLAIMS__LV_ABOUT ? OP_ABOUT
                    : v == CLAIMS__LV_NEAR  ? OP_NEAR
                                            : OP_NONE;
        if (k != OP_NONE && !a->vague && !a->unknown) {
            a->op = k;
            a->b = os;
        } else if (v == CLAIMS__LV_RATIO) {
            c->floor = a->ne;
            return a->ne;
        } else if (v == CLAIMS__LV_BETWEEN || v == CLAIMS__LV_FROM) {
            a->between = true;
            if (v == CLAIMS__LV_BETWEEN)
                a->b = os;
        }
    }
    /* "the toll rose by 5 to 40", "sales fell from $3m to $2m": the change
     * and the old value are not the figure; the amount after "to" is */
    if (a->b >= c->sb + 2 && by_or_from(c, a->b - 1) &&
        lex_is(c, CLAIMS__LEX_ACTION_WORD, a->b - 2, CLAIMS__LV_W_CHANGE)) {
        c->floor = a->ne;
        return a->ne;
    }
    return 0;
}

/* Ranges: "10 to 12", "10-12", "between 10 and 12"; a score or code
 * ("2-1") is no figure. Returns the token to resume from, or 0. */
static CLAIMS__ALWAYS_INLINE size_t read_range(qctx *c, amount *a)
{
    if (!(a->digits || a->word) || a->zero)
        return 0;
    size_t k = a->ne;
    bool dash = false, conn = false;
    if (k < c->se && is_punct(c, k, '-')) {
        dash = true;
        conn = true;
    } else if (lex_is(c, CLAIMS__LEX_OPERATOR, k, CLAIMS__LV_TO) ||
               (a->between && lex_is(c, CLAIMS__LEX_OPERATOR, k, CLAIMS__LV_AND))) {
        conn = true;
    }
    if (!conn || k + 1 >= c->se)
        return 0;
    size_t m = k + 1;
    size_t cn = 0;
    if (a->cur && lex(c, CLAIMS__LEX_CURRENCY, m, c->se, &cn) != NULL)
        m += cn;
    amount b = NO_AMOUNT;
    if ((is_cls(c, m, CLAIMS__TOK_NUMBER) || !dash) && parse_number(c, m, a->cur != NULL, &b) &&
        !b.zero && (b.digits || b.word)) {
        double lo = a->v;
        if (b.scale > 1 && a->scale == 1 && lo * b.scale <= b.v)
            lo *= b.scale;
        if (b.v > lo && a->op == OP_NONE) {
            a->range = true;
            a->lo = lo;
            a->hi = b.v;
            a->ne = b.ne;
            a->e = b.ne;
        } else if (dash && a->digits && b.digits && glued(c, k) && glued(c, m)) {
            /* "2-1", "3-0": scores and codes */
            c->floor = b.ne;
            return b.ne;
        }
    }
    return 0;
}

/* A weighing word (actions.lex: _weigh) shortly before the amount, with
 * no punctuation between: "weighs 4.5", "weighed in at about 300". */
RARE static bool weighed_before(const qctx *c, size_t b)
{
    for (size_t p = b, n = 0; p > c->sb && n < 4; p--, n++) {
        if (!is_cls(c, p - 1, CLAIMS__TOK_WORD))
            return false;
        if (lex_is(c, CLAIMS__LEX_ACTION_WORD, p - 1, CLAIMS__LV_W_WEIGH))
            return true;
    }
    return false;
}

/* A unit after the amount, or a currency ("5 km", "10 million dollars").
 * Returns the token to resume from (a time of day, a hyphenated
 * adjective), or 0. */
static CLAIMS__ALWAYS_INLINE size_t unit_after(qctx *c, amount *a, unit_info *u)
{
    size_t n = 0;
    const claims__lex_entry *e;
    u->k = a->e;
    /* "a 12-member panel", not "$160 million--to": a double hyphen is a dash */
    if (u->k + 1 < c->se && is_punct(c, u->k, '-') && glued(c, u->k) && glued(c, u->k + 1) &&
        !is_punct(c, u->k + 1, '-')) {
        u->hyphen = true;
        u->k++;
    }
    size_t k = u->k;
    u->unit_end = k;
    if (!a->cur && !a->unknown) {
        e = unit_at(c, k, &n);
        /* "the 2006 Second Lebanon War": a capitalized word is a name */
        if (e && (tk(c, k)->flags & (CLAIMS__TF_CAP | CLAIMS__TF_ALLCAPS)) == CLAIMS__TF_CAP &&
            claims__tok_len(tk(c, k)) > 1)
            e = NULL;
        if (e && unit_split_entry(c, e, &u->uv) && (!u->uv.weigh || weighed_before(c, a->b))) {
            if (unit_is(&u->uv, "clock"))
                return k + n;
            u->has_unit = true;
            u->unit_end = k + n;
        }
    }
    if (u->hyphen && !u->has_unit) {
        /* "a two-state solution", "a 12-member panel": an adjective */
        return a->e;
    }
    if (!u->has_unit && !a->cur) {
        size_t m = k;
        if (m < c->se && norm_is(c, m, "of") && marker(c, m, CLAIMS__LV_W_DET))
            m++;
        e = lex(c, CLAIMS__LEX_CURRENCY, m, c->se, &n);
        if (e && (m == k || a->vague || a->unknown || a->scale > 1)) {
            a->cur = claims__lex_text(e);
            u->unit_end = m + n;
        }
    } else if (a->cur) {
        u->unit_end = a->e;
        /* "$1.5 billion dollars" is rare; a repeated currency is harmless */
    }
    return 0;
}

/* A unit before the amount: "magnitude 7.2", "aged 61", "a magnitude-6
 * quake". */
static CLAIMS__ALWAYS_INLINE void unit_before(const qctx *c, amount *a, unit_info *u)
{
    if (u->has_unit || a->cur || !a->digits || a->b < c->sb + 1)
        return;
    size_t p = a->b - 1;
    if (is_punct(c, p, '-') && p > c->sb)
        p--;
    const claims__lex_entry *e = lex(c, CLAIMS__LEX_UNIT, p, p + 1, NULL);
    if (e && unit_split_entry(c, e, &u->uv) && u->uv.pre) {
        u->has_unit = true;
        u->unit_pre = true;
        a->b = p;
        u->unit_end = a->e;
    }
}

/* The subject of an age told by a verb before the number ("Roe turns 40",
 * "who will turn 29", "Roe will be 29 in April"): its token, or SIZE_MAX. */
static size_t age_verb_subject(const qctx *c, size_t nb)
{
    size_t v = nb - 1;
    bool turn = norm_is(c, v, "turn") || norm_is(c, v, "turns") || norm_is(c, v, "turned") ||
                norm_is(c, v, "turning");
    bool be = norm_is(c, v, "be") && v > c->sb && (norm_is(c, v - 1, "will") || norm_is(c, v - 1, "would"));
    if (!turn && !be)
        return SIZE_MAX;
    size_t k = v;
    if (k > c->sb && (norm_is(c, k - 1, "will") || norm_is(c, k - 1, "would")))
        k--;
    if (k <= c->sb)
        return SIZE_MAX;
    size_t s = k - 1;
    if (norm_is(c, s, "who")) {
        /* "Teixeira, who will turn 29", "Teixeira--who will turn 29" */
        for (int n = 0; n < 2 && s > c->sb && is_cls(c, s - 1, CLAIMS__TOK_PUNCT); n++)
            s--;
        if (s == k - 1 || s <= c->sb)
            return SIZE_MAX;
        s--;
    }
    if (!is_cls(c, s, CLAIMS__TOK_WORD))
        return SIZE_MAX;
    /* "the mayor turns 60"; "will be" only after a name or a pronoun
     * ("the vote will be 5 to 4") */
    bool noun = turn && !is_stop(c, s) && !any_marker(c, s) && !looks_plural(c, s);
    return name_word(c, s) || marker(c, s, CLAIMS__LV_W_PRON) || noun ? s : SIZE_MAX;
}

/* An age told by a verb of a life's turn and "at" (actions.lex: _age_at):
 * "Hale dies at 75", "workers retire at 65", "died at the age of 81". The
 * word before the verb (its subject) when it is a word, the verb itself
 * otherwise; SIZE_MAX when the number is no such age. Out of line: gcc
 * inlined it into process or not as other code changed, and inlined it
 * cost the hot path some 40 k more instructions on the slice. */
RARE static size_t age_at_subject(const qctx *c, size_t nb)
{
    size_t p = nb - 1;
    if (p > c->sb + 2 && norm_is(c, p, "of") && norm_is(c, p - 1, "age") && norm_is(c, p - 2, "the"))
        p -= 3;
    if (p <= c->sb || !norm_is(c, p, "at") ||
        !lex_is(c, CLAIMS__LEX_ACTION_WORD, p - 1, CLAIMS__LV_W_AGE_AT))
        return SIZE_MAX;
    size_t v = p - 1;
    return v > c->sb && is_cls(c, v - 1, CLAIMS__TOK_WORD) ? v - 1 : v;
}

/* An age without a unit: "Jane Roe, 34, was ...", "She was 61.", "Roe
 * turns 40 on Friday", with the person when named. */
static CLAIMS__ALWAYS_INLINE void unit_age(const qctx *c, const amount *a, unit_info *u)
{
    u->age = u->has_unit && unit_is(&u->uv, "age");
    u->person[0] = '-';
    u->person[1] = '\0';
    u->person_named = false;
    if (u->has_unit || a->cur || !a->digits || a->range || a->op != OP_NONE || a->v < 1 ||
        a->v > 120 || a->v != (double)(long)a->v || a->nb < c->sb + 2)
        return;
    /* "Jane Roe, 34, was ...", "The suspect, 27, ..." */
    if (is_punct(c, a->nb - 1, ',') && is_cls(c, a->nb - 2, CLAIMS__TOK_WORD) &&
        ((tk(c, a->nb - 2)->flags & CLAIMS__TF_CAP) || concept_at(c, a->nb - 2, a->nb - 1, NULL)) &&
        !is_month_or_day(c, a->nb - 2) && !is_stop(c, a->nb - 2) &&
        (a->ne >= c->se || is_punct(c, a->ne, ',') || is_punct(c, a->ne, ')'))) {
        u->age = true;
        u->person_named = person_part(c, a->nb - 2, u->person);
    }
    /* "She was 61.", "the man, who is 70, ..." */
    else if (lex_is(c, CLAIMS__LEX_ACTION_WORD, a->nb - 1, CLAIMS__LV_W_AUX) &&
             (marker(c, a->nb - 2, CLAIMS__LV_W_PRON) || norm_is(c, a->nb - 2, "who")) &&
             (a->ne >= c->se || is_cls(c, a->ne, CLAIMS__TOK_PUNCT) ||
              marker(c, a->ne, CLAIMS__LV_W_CLAUSE))) {
        u->age = true;
        if (norm_is(c, a->nb - 2, "who") && a->nb >= c->sb + 3) {
            size_t p = a->nb - 3;
            if (is_punct(c, p, ',') && p > c->sb)
                p--;
            u->person_named = person_part(c, p, u->person);
        }
    }
    /* "Roe turns 40 on Friday", "who will be 29 in April", "Hale dies at
     * 75"; not "turned 30 people away", "died at 3 sites" */
    else if ((a->ne >= c->se || is_cls(c, a->ne, CLAIMS__TOK_PUNCT) || is_stop(c, a->ne) ||
              marker(c, a->ne, CLAIMS__LV_W_CLAUSE) || is_month_or_day(c, a->ne))) {
        size_t subj = age_verb_subject(c, a->nb);
        if (subj == SIZE_MAX)
            subj = age_at_subject(c, a->nb);
        if (subj != SIZE_MAX) {
            u->age = true;
            if (!marker(c, subj, CLAIMS__LV_W_PRON))
                u->person_named = person_part(c, subj, u->person);
        }
    }
    if (u->age) {
        u->uv = years;
        u->has_unit = true;
        u->unit_end = a->e;
    }
}

/* Amounts that are no claim: a year (dates.c reads it) unless it counts
 * something, and "one day", "one dollar". */
static CLAIMS__ALWAYS_INLINE bool not_a_figure(const qctx *c, const amount *a, const unit_info *u)
{
    if (a->digits && !a->range && !a->cur && !u->has_unit && year_like(c, a->nb)) {
        np_head h;
        bool det_before =
            a->nb > c->sb && (marker(c, a->nb - 1, CLAIMS__LV_W_DET) || is_stop(c, a->nb - 1));
        if (det_before)
            return true;
        np_scan(c, skip_det(c, a->e), &h);
        /* the noun right after it: "1500 troops", not "2008 war still shapes" */
        bool counts = h.found && h.hb == skip_det(c, a->e) && (h.known || looks_plural(c, h.hb));
        if (det_before || !counts)
            return true;
    }
    /* "the 1999 season": a year before a unit in the singular */
    if (a->digits && !a->range && !a->cur && u->has_unit && year_like(c, a->nb) && a->nb > c->sb &&
        marker(c, a->nb - 1, CLAIMS__LV_W_DET) && u->unit_end > a->e &&
        !looks_plural(c, u->unit_end - 1))
        return true;
    /* "one day", "one dollar": idioms more often than claims */
    return a->one && !(a->cur == NULL && !u->has_unit);
}

/* What a sum of money is for ("a $4.25 billion settlement", "revenue of
 * $3.1 billion", "paid $X for the plant"), into thing; *end_tok may grow
 * over the noun. */
static void money_thing(const qctx *c, const amount *a, size_t *end_tok, char *thing)
{
    np_head h;
    bool adj = a->b > c->sb && marker(c, a->b - 1, CLAIMS__LV_W_DET) && !norm_is(c, a->b - 1, "of");
    /* np_scan sets the rest before anything reads it (a memset of the
     * whole head was a rep stos) */
    h.found = false;
    if (adj) {
        size_t m = *end_tok;
        if (m < c->se && is_punct(c, m, '-') && glued(c, m))
            m++;
        np_scan(c, m, &h);
        if (h.found)
            set_part(thing, np_part(&h));
    }
    bool got = h.found;
    /* "revenue of $3.1 billion", "a fine of €10 million" */
    if (!got && a->b > c->sb + 1 && norm_is(c, a->b - 1, "of"))
        got = noun_part(c, a->b - 2, thing);
    /* "watches worth £250,000", "profit rose 12% to $2 billion" */
    if (!got)
        got = subject_before(c, a->b, thing);
    /* "pay a $4.25 billion opioid settlement" without the article */
    if (!got && *end_tok < c->se && is_cls(c, *end_tok, CLAIMS__TOK_WORD) &&
        !(tk(c, *end_tok)->flags & CLAIMS__TF_CAP) && !glued(c, *end_tok)) {
        np_scan(c, *end_tok, &h);
        if (h.found && h.hb == h.he - 1 && !looks_plural(c, h.hb) &&
            (h.he >= c->se || !is_cls(c, h.he, CLAIMS__TOK_WORD) || is_stop(c, h.he))) {
            set_part(thing, np_part(&h));
            got = true;
        } else {
            h.found = false;
        }
    }
    /* "paid $X for the plant", "raised $20 million in funding",
     * also behind a conversion in brackets */
    if (!got)
        got = purpose_after(c, *end_tok, thing);
    if (!got) {
        const char *cb = concept_back(c, a->b);
        if (cb)
            set_part(thing, cb);
    }
    if (h.found && h.he > *end_tok)
        *end_tok = h.he;
}

/* Records money: money/<thing>/<action>/<currency>. A sum in brackets
 * right after another is its conversion and takes its frame. */
static CLAIMS__ALWAYS_INLINE size_t emit_money(qctx *c, size_t i, amount *a, const unit_info *u,
                                               claims_status *st)
{
    char thing[PART_MAX] = "-", action[PART_MAX] = "-";
    size_t end_tok = u->unit_end > a->e ? u->unit_end : a->e;
    bool linked = c->last_money && a->b > c->sb && is_punct(c, a->b - 1, '(') &&
                  a->b - 1 == c->last_money_end;
    if (linked) {
        set_part(thing, c->money_thing);
        set_part(action, c->money_action);
    } else {
        size_t words_end = end_tok;
        money_thing(c, a, &end_tok, thing);
        size_t ap = 0, al = 0;
        np_head none;
        memset(&none, 0, sizeof none);
        none.found = true;
        const claims__lex_entry *act = find_action(c, a->b, words_end, &none, &ap, &al);
        if (act)
            set_part(action, claims__lex_text(act));
    }
    claims_claim *cl = NULL;
    claims_status rc = emit(c, CLAIMS_KIND_MONEY, a->b, end_tok, a, "money", thing, action, a->cur,
                            NULL, a->cur, strlen(a->cur), &cl);
    if (rc == CLAIMS_OK) {
        if (linked)
            claims__draft(cl)->linked = c->last_money;
        c->last_money = cl;
        c->last_money_end = end_tok;
        set_part(c->money_thing, thing);
        set_part(c->money_action, action);
    }
    c->floor = end_tok;
    *st = rc;
    return end_tok > i ? end_tok : i + 1;
}

/* Whose age it is: the person named beside it, before "aged", or the noun
 * after it ("a 61-year-old man"), into thing; *end_tok may grow. True
 * when thing is a person's name, false for a noun ("man") or no one. */
static bool age_thing(const qctx *c, const amount *a, const unit_info *u, size_t *end_tok,
                      char *thing)
{
    if (!is_dash(u->person)) {
        set_part(thing, u->person);
        return u->person_named;
    }
    if (u->unit_pre) {
        /* "a man aged 61", "Jane Roe, aged 61", "who is aged 61" */
        size_t p = a->b > c->sb ? a->b - 1 : a->b;
        if (p > c->sb + 1 && lex_is(c, CLAIMS__LEX_ACTION_WORD, p, CLAIMS__LV_W_AUX) &&
            norm_is(c, p - 1, "who"))
            p -= 2;
        if (p > c->sb && is_punct(c, p, ','))
            p--;
        return p < a->b && person_part(c, p, thing);
    }
    np_head h;
    np_scan(c, u->unit_end, &h);
    /* "a 40-year-old Ann Hughes": a name ending in s is no plural */
    if (!h.found || (looks_plural(c, h.hb) && !name_word(c, h.hb)))
        return false;
    size_t p = h.he - 1;
    /* "a 40-year-old Thomas Roe": the name goes on after a word in s */
    while (p + 1 < c->se && name_word(c, p) && name_word(c, p + 1) && p - h.hb < 3)
        p++;
    /* "a 40-year-old Jane Roe died", "a 40-year-old climber died": the
     * lowercase verb after the noun is no part of it */
    if (p > u->unit_end && !(tk(c, p)->flags & CLAIMS__TF_CAP) && is_cls(c, p - 1, CLAIMS__TOK_WORD) &&
        (name_word(c, p - 1) || action_at(c, p, p + 1, NULL)))
        p--;
    bool named = person_part(c, p, thing);
    if (!named && p == h.he - 1 && h.known && strcmp(h.concept, "person") != 0)
        set_part(thing, h.concept);
    *end_tok = p + 1;
    return named;
}

/* What a percentage or a measure is of, into thing; *end_tok may grow. */
static void measure_thing(const qctx *c, const amount *a, const unit_info *u, bool percent,
                          size_t *end_tok, char *thing)
{
    np_head h;
    h.found = false; /* the rest set by np_scan before it is read */
    if (percent) {
        np_scan(c, skip_det(c, u->unit_end), &h);
        if (h.found && (h.known || u->unit_end < c->se)) {
            set_part(thing, np_part(&h));
            *end_tok = h.he;
        } else if (!subject_before(c, a->b, thing)) {
            /* "shares rose 6%" gives the share; else a concept before */
            const char *cb = concept_back(c, a->b);
            if (cb)
                set_part(thing, cb);
        }
        return;
    }
    bool det_before = a->b > c->sb && marker(c, a->b - 1, CLAIMS__LV_W_DET);
    if (u->hyphen || det_before || u->unit_pre) {
        size_t m = u->unit_end;
        if (m < c->se && is_punct(c, m, '-') && glued(c, m))
            m++;
        np_scan(c, m, &h);
        if (h.found) {
            set_part(thing, np_part(&h));
            *end_tok = h.he;
        }
    }
    if (!h.found) {
        const char *cb = concept_back(c, a->b);
        if (cb)
            set_part(thing, cb);
    }
}

/* Records one person's age. A noun's age ("a 23-year-old man", "the
 * 23-year-old") goes to the slot of ages of no named person, the noun kept
 * as its holder; a named person's age ("Jane Roe, 23") also meets that
 * slot (a back-off), so that outlets naming the person and outlets that
 * do not are seen to agree. */
static claims_status emit_age(qctx *c, const amount *a, size_t end_tok, const char *thing,
                              bool named, const unit_info *u)
{
    claims_claim *cl = NULL;
    claims_status rc = emit(c, CLAIMS_KIND_MEASURE, a->b, end_tok, a, "measure", "age",
                            named ? thing : "-", NULL, NULL, u->uv.u, u->uv.un, &cl);
    if (rc != CLAIMS_OK)
        return rc;
    if (named) {
        if (!c->age_key)
            c->age_key = claims__key(c->s, "measure", "age", "-", NULL);
        claims__draft(cl)->backoff[0] = c->age_key;
        return cl->frame->backoff[0] ? CLAIMS_OK : CLAIMS_ERR_NOMEM;
    }
    if (!is_dash(thing)) {
        claims__draft(cl)->holder = claims__intern(c->s, thing, strlen(thing));
        if (!cl->frame->holder)
            return CLAIMS_ERR_NOMEM;
    }
    return CLAIMS_OK;
}

/* Records a percentage or a measure (an age list "aged 61 and 58" as one
 * claim per person). */
static CLAIMS__ALWAYS_INLINE size_t emit_measure(qctx *c, size_t i, amount *a, const unit_info *u,
                                                 claims_status *st)
{
    bool percent = unit_is(&u->uv, "percent");
    size_t list[LIST_MAX], nlist = 0;
    char q[PART_MAX], thing[PART_MAX] = "-";
    size_t qn = u->uv.qn < PART_MAX ? u->uv.qn : PART_MAX - 1;
    memcpy(q, u->uv.q, qn);
    q[qn] = '\0';
    size_t end_tok = u->unit_end > a->e ? u->unit_end : a->e;
    bool named = false;
    if (u->age)
        named = age_thing(c, a, u, &end_tok, thing);
    else
        measure_thing(c, a, u, percent, &end_tok, thing);
    if (end_tok < u->unit_end)
        end_tok = u->unit_end;
    claims_status rc;
    if (percent)
        rc = emit(c, CLAIMS_KIND_PERCENT, a->b, end_tok, a, "percent", thing, NULL, NULL, NULL, "%",
                  1, NULL);
    else if (u->age && u->unit_pre && !a->range && a->op == OP_NONE && end_tok == a->e &&
             (nlist = age_list(c, a->e, list)) > 0)
        rc = emit_age_list(c, a, thing, list, nlist, u->uv.u, u->uv.un);
    else if (u->age)
        rc = emit_age(c, a, end_tok, thing, named, u);
    else {
        claims_claim *cl = NULL;
        rc = emit(c, CLAIMS_KIND_MEASURE, a->b, end_tok, a, "measure", q, thing, NULL, NULL,
                  u->uv.u, u->uv.un, &cl);
        /* "a 13-inch model", "a 320GB hard drive": the size names it */
        bool named_by = u->hyphen || (u->unit_end > a->e && glued(c, a->e));
        if (rc == CLAIMS_OK && named_by && u->uv.spec && !is_dash(thing))
            cl->flags |= CLAIMS__CF_NAMING;
    }
    c->floor = u->unit_end > a->e ? u->unit_end : a->e;
    if (nlist > 0)
        c->floor = list[nlist - 1] + 1;
    *st = rc;
    return c->floor > i ? c->floor : i + 1;
}

/* "20 more people", "four additional workers": a word of increment right
 * after the number (context.lex: part:after) comes before the noun;
 * context.c marks the count as a part. */
static size_t skip_part_after(const qctx *c, size_t k)
{
    return lex_is(c, CLAIMS__LEX_CONTEXT, k, CLAIMS__LV_PART_AFTER) ? k + 1 : k;
}

/* "two of them", "three of whom": the end of a partitive pronoun right
 * after the number (context.c marks the count a subset), or k. */
static size_t partitive_end(const qctx *c, size_t k)
{
    if (k + 1 < c->se && norm_is(c, k, "of") &&
        (norm_is(c, k + 1, "them") || norm_is(c, k + 1, "whom") || norm_is(c, k + 1, "those") ||
         norm_is(c, k + 1, "these")))
        return k + 2;
    return k;
}

/* What a partitive pronoun stands for: the nearest counted thing before
 * token b, in its sentence or the one before ("Police caught five
 * inmates. Two of them escaped": inmates), into out; false when none. */
static bool referent_back(const qctx *c, size_t b, char *out)
{
    size_t si = tp(c, c->sb)->sentence;
    size_t lo = si > 0 ? c->art->sents[si - 1].tok_begin : c->sb;
    for (size_t j = b; j > lo;) {
        j--;
        size_t n = 0;
        const claims__lex_entry *e = claims__lex_match(c->lx, CLAIMS__LEX_CONCEPT, c->art, j, j + 1, &n);
        if (e && claims__lex_text(e)[0] != '_') {
            set_part(out, claims__lex_text(e));
            return true;
        }
        /* an unknown plural noun of this sentence ("eight climbers") */
        if (j >= c->sb && is_cls(c, j, CLAIMS__TOK_WORD) && !(tk(c, j)->flags & CLAIMS__TF_CAP) &&
            !cword(c, j) && looks_plural(c, j)) {
            claims__numbers_singular(norm_of(c, j), claims__tok_len(tk(c, j)), out, PART_MAX);
            return true;
        }
    }
    return false;
}

/* "a population of 120,000", "a workforce of 3,000": a singular counted
 * noun right before "of" and the number names what it counts; NULL when
 * there is none. */
static const char *group_of(const qctx *c, size_t b)
{
    if (b < c->sb + 2 || !norm_is(c, b - 1, "of") || looks_plural(c, b - 2))
        return NULL;
    size_t n = 0;
    const claims__lex_entry *e = concept_at(c, b - 2, b - 1, &n);
    return e && n == 1 && e->code != CLAIMS__LV_PERSON ? claims__lex_text(e) : NULL;
}

/* Records a count: count/<concept>/<action>, the concept from the noun
 * after it, the amount's own word ("nobody") or the action's subject
 * ("the quake killed 40"), or a death toll before it. */
static CLAIMS__ALWAYS_INLINE size_t emit_count(qctx *c, size_t i, amount *a, claims_status *st)
{
    /* "a mother of 12", "father of three sons": the number counts the
     * children, told to say who the person is; nothing was done to them */
    bool kin =
        a->b > c->sb + 1 && norm_is(c, a->b - 1, "of") && marker(c, a->b - 2, CLAIMS__LV_W_KIN);
    np_head h;
    np_scan(c, skip_part_after(c, skip_det(c, a->e)), &h);
    size_t pe = h.found ? a->e : partitive_end(c, a->e);
    size_t after = h.found ? h.he : pe;
    /* A zero or a one counts only a known thing ("no deaths"): before its
     * action is looked for, a noun after it that is no concept ("no
     * evidence", "one day") ends it, unless it stands for a death toll
     * before it (known below as people: "the death toll stood at one") */
    if ((a->zero || a->one) && !kin && h.found && !h.known &&
        (looks_plural(c, h.hb) || !toll_before(c, a->b)))
        return a->ne;
    size_t ap = 0, al = 0;
    const claims__lex_entry *act = kin ? NULL : find_action(c, a->b, after, &h, &ap, &al);
    char naive[PART_MAX];
    const char *concept = pe > a->e && referent_back(c, a->b, naive) ? naive : NULL;
    if (!h.found && !concept)
        concept = group_of(c, a->b);
    bool known = concept != NULL;
    if (h.found) {
        known = h.known;
        /* the noun's naive singular is read where it is (h outlives the
         * emit below), not copied */
        concept = h.known ? h.concept : h.naive;
    }
    if (!concept) {
        size_t cn = 0;
        const claims__lex_entry *ce = concept_at(c, a->nb, a->ne, &cn);
        if (ce && cn == a->ne - a->nb) { /* "nobody", "none" */
            concept = claims__lex_text(ce);
            known = true;
        } else if (act) {
            ce = concept_at(c, ap, ap + al, &cn); /* "the quake killed 40" */
            if (ce && cn == al) {
                concept = claims__lex_text(ce);
                known = true;
            }
        }
    }
    const char *action = act ? claims__lex_text(act) : NULL;
    bool counted = h.found && (h.known || looks_plural(c, h.hb));
    /* "a mother of 12 killed in crossfire": the word after is her fate */
    if (kin && (!counted || action_at(c, h.hb, h.he, NULL))) {
        concept = "child";
        known = true;
    } else if (!kin && (!counted || (h.known && !act && strcmp(h.concept, "person") == 0))) {
        /* "the death toll rose to 41", "a death toll of 41 people" */
        const char *tact = toll_before(c, a->b);
        if (tact) {
            concept = "person";
            known = true;
            action = tact;
            if (!counted)
                h.found = false;
        }
    }
    if (!concept && !action)
        return a->ne;
    if ((a->zero || a->one) && !known)
        return a->ne;
    if (a->one && !action)
        return a->ne;
    if ((a->unknown || a->vague) && !h.found && !known)
        return a->ne;
    size_t end_tok = h.found && h.he > a->e ? h.he : pe;
    bool previous = act && ap < a->b && previous_event_before(c, ap);
    /* the broader kind of the thing counted: of the noun's naive
     * singular (most counts' thing) by the length np_scan kept */
    const claims__lex_entry *kind_of = NULL;
    if (concept && !is_dash(concept))
        kind_of = broader_of(c, concept, concept == h.naive ? h.naive_n : strlen(concept));
    *st = emit(c, CLAIMS_KIND_COUNT, a->b, end_tok, a, "count", concept ? concept : "-",
               action ? action : "-", previous ? "previous" : NULL, kind_of, NULL, 0, NULL);
    c->floor = a->e;
    return a->e > i ? a->e : i + 1;
}

/* Parses and records the quantity starting at token i: the amount, what
 * stands before it, a range, its unit; then money, a measure or a count.
 * Returns the token to resume from (> i). */
static size_t process(qctx *c, size_t i, claims_status *st)
{
    amount a = NO_AMOUNT;
    const claims__lex_entry *cur_e;
    size_t cur_start, resume;
    if ((resume = read_amount(c, i, &a, &cur_e, &cur_start)) != 0 ||
        (resume = read_before(c, &a, cur_e, cur_start)) != 0 || (resume = read_range(c, &a)) != 0)
        return resume;
    unit_info u;
    /* unit_age writes the person before anything reads it */
    memset(&u, 0, offsetof(unit_info, person));
    if ((resume = unit_after(c, &a, &u)) != 0)
        return resume;
    unit_before(c, &a, &u);
    unit_age(c, &a, &u);
    if (not_a_figure(c, &a, &u))
        return a.ne;
    if (a.cur)
        return emit_money(c, i, &a, &u, st);
    if (u.has_unit)
        return emit_measure(c, i, &a, &u, st);
    return emit_count(c, i, &a, st);
}

/* The sections whose phrases begin an amount. */
#define AMOUNT_SECTIONS                                                                            \
    ((1u << CLAIMS__LEX_NUMBER) | (1u << CLAIMS__LEX_VAGUE) | (1u << CLAIMS__LEX_UNKNOWN_AMOUNT))

/* The candidates among the tokens t[0 .. len), len at most 64, bit k
 * token k: digits or a lexmask bit of AMOUNT_SECTIONS (a number's class
 * is a bit no other class has, so one test of the token's bits asks
 * both). Without a branch a token: the scan it replaces tested four
 * tokens or-ed a round, and that test went either way about once in six
 * rounds. */
static inline uint64_t candidate_bits(const claims__token *t, size_t len)
{
    _Static_assert((CLAIMS__TOK_NUMBER & (CLAIMS__TOK_PUNCT | CLAIMS__TOK_QUOTE)) == 0,
                   "a number's class bit is its own");
    const uint64_t m = claims__tok_bits_of(AMOUNT_SECTIONS, CLAIMS__TOK_NUMBER, 0);
    uint64_t w = 0;
    /* from the last token down: w's lowest bit is the token last added */
    for (size_t k = len; k > 0; k--)
        w += w + ((claims__tok_bits(t + k - 1) & m) != 0);
    return w;
}

/* candidate_bits of 64 tokens, four a step where there is SSE2: each
 * token's lexmask and its class and flags gathered into a vector each
 * (claims__tok_lanes4, the gather quotes.c's scan_masks64 uses). */
#ifdef CLAIMS__SSE2
/* The tokens of t[0 .. 4) that are no candidate, as -1 lanes. */
static CLAIMS__ALWAYS_INLINE __m128i cand_none4(const claims__token *t, __m128i lmv, __m128i num)
{
    claims__tok_lanes l = claims__tok_lanes4(t);
    return _mm_cmpeq_epi32(_mm_or_si128(_mm_and_si128(l.lexmask, lmv), _mm_and_si128(l.cls_flags, num)),
                           _mm_setzero_si128());
}

/* Bit k: token t[k] of the 16 is no candidate. */
static CLAIMS__ALWAYS_INLINE uint64_t cand_none16(const claims__token *t, __m128i lmv, __m128i num)
{
    return claims__lanes_top16(cand_none4(t, lmv, num), cand_none4(t + 4, lmv, num),
                               cand_none4(t + 8, lmv, num), cand_none4(t + 12, lmv, num));
}
#endif

static uint64_t candidate_mask(const claims__token *t, size_t len)
{
#ifdef CLAIMS__SSE2
    if (len == 64) {
        const __m128i lmv = _mm_set1_epi32((int)AMOUNT_SECTIONS);
        const __m128i num = _mm_set1_epi32(CLAIMS__TOK_NUMBER);
        uint64_t none = cand_none16(t, lmv, num) | cand_none16(t + 16, lmv, num) << 16 |
                        cand_none16(t + 32, lmv, num) << 32 | cand_none16(t + 48, lmv, num) << 48;
        return ~none;
    }
#endif
    return candidate_bits(t, len);
}

/* The candidates of a window of 64 tokens from base (fewer at the end of
 * an article of fewer): the scan walks their bits. */
typedef struct cand_window {
    size_t base;
    uint64_t mask;
} cand_window;

/* Window w made to hold token i (i < n): 64 tokens from i, or the last
 * 64 of the n when fewer follow it. */
static void cand_fill(cand_window *w, const claims__token *t, size_t i, size_t n)
{
    size_t from = n >= 64 ? (i < n - 64 ? i : n - 64) : 0;
    w->base = from;
    w->mask = candidate_mask(t + from, n - from < 64 ? n - from : 64);
}

/* The first candidate from i on (n when none), i at or past the
 * window's base: the lowest set bit of its mask from i, else the next
 * window's. Most tokens start no amount, and a window's mask is all the
 * scan costs them. */
CLAIMS__ALWAYS_INLINE static size_t next_candidate(cand_window *w, const claims__token *t, size_t i,
                                                   size_t n)
{
    for (;;) {
        if (i - w->base < 64) {
            uint64_t m = w->mask >> (i - w->base);
            if (m)
                return i + (size_t)__builtin_ctzll(m);
            i = w->base + 64;
        }
        if (i >= n)
            return n;
        cand_fill(w, t, i, n);
    }
}

/* False when token t, a word candidate of next_candidate (has_next: a
 * token follows it that a phrase may reach), begins no amount for sure:
 * "a" and "an" start "a dozen", "an estimated", but as a rule before a
 * word that goes on no such phrase.
 * The lexicon's single and pair bits (claims__lex_match_at's tests) turn
 * them away for the three sections at once. */
static inline bool word_may_start(const claims__lex_tables *lt, const claims__token *t,
                                  bool has_next)
{
    return (lt->single[t->hash % CLAIMS__LEX_FIRST_BITS] & AMOUNT_SECTIONS) ||
           (has_next &&
            (claims__lex_pair_may(lt, t[0].hash, t[1].hash, CLAIMS__LEX_NUMBER) ||
             claims__lex_pair_may(lt, t[0].hash, t[1].hash, CLAIMS__LEX_VAGUE) ||
             claims__lex_pair_may(lt, t[0].hash, t[1].hash, CLAIMS__LEX_UNKNOWN_AMOUNT)));
}

/* True when token i, a candidate of next_candidate that the scan's
 * word_may_start let by, may begin an amount. */
static bool may_start(qctx *c, size_t i)
{
    const claims__token *t = tk(c, i);
    if (t->cls == CLAIMS__TOK_NUMBER)
        return true;
    if (t->cls != CLAIMS__TOK_WORD)
        return false;
    size_t n;
    c->num_at = i;
    c->num_e = NULL;
    /* asked again only at the sentence's last token: before it, the
     * scan's question had the same next token */
    if (i + 1 >= c->se && !word_may_start(c->lx->tables, t, false))
        return false;
    c->num_e = lex_in(c, CLAIMS__LEX_NUMBER, i, c->se, &c->num_n);
    return c->num_e || lex_in(c, CLAIMS__LEX_VAGUE, i, c->se, &n) ||
           lex_in(c, CLAIMS__LEX_UNKNOWN_AMOUNT, i, c->se, &n);
}

/* The story's word-class memo (see WC_WORDS), sized to its text; NULL
 * when there is no memory for it. */
static struct claims__wc_words *wc_words_new(claims_story *s)
{
    size_t bytes = 0;
    for (size_t i = 0; i < s->narticles && bytes < WC_SMALL_STORY; i++)
        bytes += s->articles[i].len;
    size_t n = bytes < WC_SMALL_STORY ? WC_WORDS_SMALL : WC_WORDS;
    struct claims__wc_words *ww =
        claims__arena_alloc(&s->arena, sizeof *ww + n * sizeof ww->w[0]);
    if (ww)
        ww->mask = n - 1;
    return ww;
}

claims_status claims__extract_quantities(claims_story *s, size_t ai)
{
    if (!s || ai >= s->narticles)
        return CLAIMS_OK;
    qctx c;
    wc_memo wc;
    unit_memo um = {SIZE_MAX, NULL, 0};
    memset(&c, 0, sizeof c);
    memset(wc.tag, 0, sizeof wc.tag);
    c.wc = &wc;
    c.um = &um;
    c.num_at = SIZE_MAX;
    c.win_at = SIZE_MAX;
    c.s = s;
    c.ai = ai;
    c.art = &s->articles[ai];
    c.toks = c.art->toks;
    c.pos = c.art->pos;
    c.norm = c.art->norm;
    c.ntoks = c.art->ntoks;
    c.lx = s->lex;
    if (!c.lx || !c.toks)
        return CLAIMS_OK;
    /* no memory for the story's word classes only means none */
    if (!s->wc_words)
        s->wc_words = wc_words_new(s);
    c.ww = s->wc_words;
    /* One pass over the article's tokens, not one a sentence: most
     * sentences hold no candidate, and a candidate's token names its
     * sentence. A sentence's state is set at its first candidate. */
    const claims__sentence *sents = c.art->sents;
    size_t nsents = c.art->nsents;
    c.sb = c.se = 0;
    cand_window cw = {0, 0};
    if (c.ntoks)
        cand_fill(&cw, c.toks, 0, c.ntoks);
    for (size_t i = next_candidate(&cw, c.toks, 0, c.ntoks); i < c.ntoks;
         i = next_candidate(&cw, c.toks, i, c.ntoks)) {
        /* most word candidates ("a", "an") are turned away here, before
         * their sentence is looked up: may_start would turn them away in
         * it too (a next token of another sentence only lets more by) */
        const claims__token *t = &c.toks[i];
        if (t->cls != CLAIMS__TOK_NUMBER &&
            (t->cls != CLAIMS__TOK_WORD || !word_may_start(c.lx->tables, t, i + 1 < c.ntoks))) {
            i++;
            continue;
        }
        if (i >= c.se) {
            /* a new sentence, or a token in none (then passed) */
            size_t si = c.pos[i].sentence;
            const claims__sentence *sn = si < nsents ? &sents[si] : NULL;
            if (!sn || i < sn->tok_begin || i >= sn->tok_end) {
                i++;
                continue;
            }
            if (sn->flags & CLAIMS__SF_FURNITURE) {
                i = sn->tok_end;
                continue;
            }
            c.sb = sn->tok_begin;
            c.se = sn->tok_end;
            c.floor = c.sb;
            c.sflags = sn->flags;
            c.last_money = NULL;
            c.act_lo = c.se;
            c.act_end = 0;
        }
        if (!may_start(&c, i)) {
            i++;
            continue;
        }
        claims_status st = CLAIMS_OK;
        size_t next = process(&c, i, &st);
        if (st != CLAIMS_OK)
            return st;
        /* the sentence's scan ends at its end: the next starts afresh */
        i = next > i ? (next < c.se ? next : c.se) : i + 1;
    }
    return CLAIMS_OK;
}
