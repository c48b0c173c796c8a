/* dates.c - datelines, years and dates, and the events they date.
 *
 * One pass per article:
 *  1. The dateline: the first full date in the opening lines that looks
 *     like a dateline (a short line, or a date set off by a dash or a
 *     bracket) dates the article when the caller gave no date. A month
 *     name misspelt by up to two edits still counts there and next to any
 *     day or year number ("Septmerber 6, 2010").
 *  2. Dates and years, sentence by sentence: full dates ("Sept. 1, 2010",
 *     "6 September 2010", "2010-09-06"), month-year and bare months,
 *     weekdays and relative days resolved against the article's date,
 *     and four-digit years in a year context.
 *     All-numeric dates ("24/05/2021", "2021-05-24T14:03:00Z") count
 *     when unambiguous; "05/06/2021" only in a dateline (day first).
 *  3. Each is linked to the event it dates (data/events.lex): the event
 *     noun it modifies ("the 2008 war", "Monday's quake"), the noun it is
 *     set off after ("the quake, in 2002, ..."), the verb or noun its
 *     clause is about ("met Monday", "In 2009, Russia bought ..."), or
 *     the noun that noun's phrase hangs on ("the death toll from the
 *     quake rose on Tuesday" dates the toll); and weakly to another event
 *     of its sentence. A qualified noun is another event of its kind
 *     ("the previous quake" keys quake:previous), and so is one named by
 *     a year of its own ("the 1999 quake" keys quake:1999) when the
 *     article also dates a recent one: that is settled once the article
 *     is read.
 *
 * Everything is bounded: per token a few lexicon probes (rejected by the
 * lexicon's first-token bitmap most of the time), per claim a search of
 * at most a dozen tokens, per sentence one scan for events. Nothing is
 * allocated except the claims themselves. */
#include "extract/extract.h"

#include <stddef.h>
#include <string.h>

size_t claims__edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t cap)
{
    enum { MAXLEN = 32 };
    size_t d[MAXLEN + 1][MAXLEN + 1];
    if (na > MAXLEN || nb > MAXLEN)
        return cap + 1;
    if ((na > nb ? na - nb : nb - na) > cap)
        return cap + 1;
    /* Only the band |i - j| <= cap is computed: a cell outside it is at
     * least |i - j| > cap, and reads of it take cap + 1 instead. Every
     * cell then holds its distance or, where that exceeds cap, some value
     * above cap; the answer, capped, is the same (with cap 2, 5 cells a
     * row instead of a month name's 3 to 9). */
    const size_t inf = cap + 1;
    for (size_t i = 0; i <= na; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = j;
    /* A path through the table steps down at most two rows at once (a
     * transposition) and never gets cheaper: once two rows in a row are
     * all above cap, so is the answer. */
    size_t prev_min = 0;
    for (size_t i = 1; i <= na; i++) {
        size_t lo = i > cap ? i - cap : 1, hi = i + cap < nb ? i + cap : nb;
        size_t row_min = i; /* d[i][0] */
        if (lo > 1) {
            d[i][lo - 1] = inf;
            row_min = inf;
        }
        for (size_t j = lo; j <= hi; j++) {
            size_t up = j <= i - 1 + cap ? d[i - 1][j] : inf;
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = up + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min > cap && prev_min > cap)
            return cap + 1;
        prev_min = row_min;
    }
    return d[na][nb] > cap ? cap + 1 : d[na][nb];
}

/* ------------------------------------------------------------ context */

enum {
    DT_MAX_EVENTS = 32, /* event mentions remembered per sentence */
    DT_NAME_MAX = 96,   /* bytes of a named event's key */
    DT_ADJ = 3,         /* an event this many words after a year it modifies */
    DT_BACK = 12,       /* tokens searched back for the clause's event */
    DT_FWD = 12,        /* tokens searched forward from a clause opener */
    DT_FWD_NEAR = 6,    /* ... and from inside a clause */
    DT_FUZZY_MIN = 5,   /* month names this long forgive misspellings */
    DT_FUZZY_MAX = 2,   /* ... of at most this many edits */
    DT_DATELINE_BYTES = 400,
    DT_DATELINE_LINES = 3,
    DT_STAMP_LINES = 7,     /* a stamp line may stand this far down */
    DT_STAMP_BYTES = 1500,
    DT_SHORT_LINE = 14, /* tokens of a line that is a dateline by itself */
    DT_STAMP_LINE = 32, /* tokens of a page's stamp line ("Published ... | Updated ...") */
    DT_NEAR_FUTURE = 31, /* days after the article's date a bare "March 15" may be */
    DT_QUAL_BACK = 6,    /* tokens searched back from an event noun for "previous" */
    DT_QUAL_WORDS = 3,   /* ... of which words (adjectives) skipped */
    DT_HEAD_BACK = 7,    /* tokens from a noun back to the noun its phrase hangs on */
    DT_MAX_PENDING = 64, /* year-named event claims remembered per article */
    DT_MAX_CURRENT = 16  /* recently dated event kinds remembered per article */
};

typedef struct dt_event {
    size_t begin, end; /* tokens of the mention, a name's words included */
    const char *value; /* event key from the lexicon ... */
    size_t vlen;       /* ... without its " verb" */
    const char *qual;  /* "previous" of "the previous quake", or NULL ... */
    size_t qlen;       /* ... its length */
    int year;          /* the year right before the noun ("the 1999 quake") */
    bool verb;         /* a verb: dates its clause, never the noun before */
    bool named;
} dt_event;

/* A claim dated to an event that a year of its own names ("the 1999
 * quake"): it becomes "quake:1999" when the article also dates a recent
 * event of the kind ("Monday's quake"), known only once the article is
 * read. */
typedef struct dt_pending {
    claims_claim *cl;
    bool weak;         /* the weak key, not the key */
    const char *value; /* event key ... */
    size_t vlen;
    int year;
} dt_pending;

/* An event of the article dated recently: a weekday, a relative day, or
 * a date near the article's. */
typedef struct dt_current {
    const char *value;
    size_t vlen;
    int year; /* 0 when unresolved */
} dt_current;

/* Full month names (for misspellings), looked up on first use: most
 * articles never need them. */
typedef struct dt_months {
    bool loaded;
    const char *name[13];
    size_t len[13];
    uint64_t bytes[13]; /* bit b & 63 for each byte b of the name */
} dt_months;

/* Token markers remembered (token_markers), direct-mapped by the
 * token's hash: the markers are the word's, and an article asks the same
 * few words ("on", "in", "since") at many places. Only the article's own
 * tokens are asked (never the title's that dateline_from_title reads).
 * 32 slots: an article asks a few dozen words, and the slots are cleared
 * for each (16 to 64 slots look up as often on the slice). */
enum { DT_MARKS = 32 };
typedef struct dt_marks {
    uint32_t tok[DT_MARKS]; /* 1 + the index of the token whose bits a slot holds, or 0 */
    uint16_t bits[DT_MARKS];
} dt_marks;

typedef struct dt_ctx {
    claims_story *s;
    size_t ai;
    const claims__lexicon *lx;
    dt_months *months;
    dt_marks *marks;
    bool have_pub;
    long pub_days;
    size_t skip_b, skip_e; /* the dateline's tokens: metadata, not a claim */
    size_t ev_sent;        /* sentence whose events are cached, or SIZE_MAX */
    size_t nev, npend, ncur; /* of the arrays below */
    /* the date in force: the last date the text gave, for "the following
     * day" (force_day: it has a day) and "that same year" (its year; 0
     * when none yet). Its day number is counted only when a relative day
     * asks for it: most of the dates put in force are never asked. */
    claims__date force;
    bool force_day;
    /* The ISO text of the last date claimed, interned (0: none yet): an
     * article's dates repeat ("Monday", then "on Monday" again) */
    claims__date iso_date;
    int iso_prec;
    claims__sid iso_sid;
    /* Last: claims__extract_time zeroes only the fields before them (not
     * 5 kB an article), and no more of each is read than its count. */
    dt_event ev[DT_MAX_EVENTS];
    dt_pending pend[DT_MAX_PENDING];
    dt_current cur[DT_MAX_CURRENT];
} dt_ctx;

/* A date expression found in the text. */
typedef struct dt_match {
    size_t begin, end; /* tokens */
    claims__date d;    /* year 0 = unknown */
    int prec;
    bool fuzzy;
    bool ambiguous; /* "05/06/2021": day-first only in a dateline */
    /* The weekday at begin (weekday_at, its end in wd_end), 0 for none:
     * date_from sets it also when it finds no date ("on Monday the"), so
     * that the claim of a bare weekday does not look it up again. */
    int wd;
    size_t wd_end;
} dt_match;

static bool tok_space(const claims__article *art, size_t i)
{
    return (art->toks[i].flags & CLAIMS__TF_SPACE_BEFORE) != 0;
}

static bool tok_cap_word(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    return t->cls == CLAIMS__TOK_WORD && (t->flags & CLAIMS__TF_CAP) &&
           !(t->flags & CLAIMS__TF_POSSESSIVE);
}

/* Punctuation that ends a clause for the event search. */
static inline bool tok_break(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    if (t->cls == CLAIMS__TOK_QUOTE)
        return true;
    if (t->cls != CLAIMS__TOK_PUNCT || claims__tok_len(t) != 1)
        return false;
    char c = claims__tok_norm(art, i)[0];
    if (c == '-')
        return (t->flags & CLAIMS__TF_SPACE_BEFORE) != 0; /* a dash, not a hyphen */
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
           c == ']' || c == '.' || c == '!' || c == '?';
}

/* A number token made only of digits; its value, or -1. */
static inline long tok_digits(const claims__article *art, size_t i, size_t minlen, size_t maxlen)
{
    const claims__token *t = &art->toks[i];
    if (t->cls != CLAIMS__TOK_NUMBER || claims__tok_len(t) < minlen || claims__tok_len(t) > maxlen)
        return -1;
    const char *p = claims__tok_norm(art, i);
    long v = 0;
    for (size_t k = 0; k < claims__tok_len(t); k++) {
        if (!claims__is_digit((unsigned char)p[k]))
            return -1;
        v = v * 10 + (p[k] - '0');
    }
    return v;
}

/* Does the space-separated list `v` hold a word of the space-separated
 * list `ms` ("prep link": either)? */
static bool value_has(const char *v, const char *ms)
{
    for (const char *m = ms; *m;) {
        const char *me = m;
        while (*me && *me != ' ')
            me++;
        size_t n = (size_t)(me - m);
        for (const char *p = v; *p;) {
            const char *q = p;
            while (*q && *q != ' ')
                q++;
            if ((size_t)(q - p) == n && memcmp(p, m, n) == 0)
                return true;
            p = *q ? q + 1 : q;
        }
        m = *me ? me + 1 : me;
    }
    return false;
}

/* The markers of time.lex (time_word) that marker_at tests for, as bits:
 * a token's are read from its entry's value once and remembered. */
enum {
    MK_PREP = 1 << 0,
    MK_LINK = 1 << 1,
    MK_ATTACH = 1 << 2,
    MK_DET = 1 << 3,
    MK_LAST = 1 << 4,
    MK_NEXT = 1 << 5,
    MK_POSS = 1 << 6,
    MK_SCOPE = 1 << 7,
    MK_KNOWN = 1 << 15 /* the token's bits are read */
};

/* The marker bits of the space-separated list v. */
static unsigned marker_bits(const char *v)
{
    unsigned bits = 0;
    for (const char *p = v; *p;) {
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        /* by length, then the bytes: one compare a word */
        switch (q - p) {
        case 3:
            bits |= memcmp(p, "det", 3) == 0 ? MK_DET : 0;
            break;
        case 4:
            bits |= memcmp(p, "prep", 4) == 0   ? MK_PREP
                    : memcmp(p, "link", 4) == 0 ? MK_LINK
                    : memcmp(p, "last", 4) == 0 ? MK_LAST
                    : memcmp(p, "next", 4) == 0 ? MK_NEXT
                    : memcmp(p, "poss", 4) == 0 ? MK_POSS
                                                : 0;
            break;
        case 5:
            bits |= memcmp(p, "scope", 5) == 0 ? MK_SCOPE : 0;
            break;
        case 6:
            bits |= memcmp(p, "attach", 6) == 0 ? MK_ATTACH : 0;
            break;
        default:
            break;
        }
        p = *q ? q + 1 : q;
    }
    return bits;
}

/* token_markers of token i, whose lexmask has the time_word bit, not
 * remembered in `slot` for i itself: those of another token of the same
 * word there, or the lookup, out of line (its registers saved and
 * restored cost the calls that need no lookup more than their tests).
 * The lookup reads the token alone, its word: every token of a word has
 * its markers (a lexmask bit cleared is one of a section with no phrase
 * of the word alone, as the lookup would find). */
static unsigned token_markers_lookup(const dt_ctx *c, const claims__article *art, size_t i,
                                     size_t slot)
{
    const claims__token *t = &art->toks[i];
    dt_marks *mk = c->marks;
    if (mk->tok[slot] && claims__tok_same_text(&art->toks[mk->tok[slot] - 1], t, art->norm)) {
        mk->tok[slot] = (uint32_t)i + 1;
        return mk->bits[slot];
    }
    size_t n = 0; /* its bit set: the lookup's out-of-line half */
    const claims__lex_entry *e =
        claims__lex_match_at(c->lx, CLAIMS__LEX_TIME_WORD, art, i, i + 1, &n);
    unsigned bits = MK_KNOWN;
    if (e && !e->has_num) /* a value of one marker has its code: no words to read */
        bits |= e->code == CLAIMS__LV_PREP  ? MK_PREP
                : e->code == CLAIMS__LV_DET ? MK_DET
                                            : marker_bits(claims__lex_text(e));
    mk->tok[slot] = (uint32_t)i + 1;
    mk->bits[slot] = (uint16_t)bits;
    return bits;
}

/* The marker bits of token i's time_word entry (the token alone), with
 * MK_KNOWN; the claims of a sentence and the event search ask the same
 * few tokens (the word before a date) again and again. Inline: most
 * tokens asked have no entry (their lexmask says so) or are remembered. */
static inline unsigned token_markers(const dt_ctx *c, const claims__article *art, size_t i)
{
    if (i >= art->ntoks)
        return MK_KNOWN;
    const claims__token *t = &art->toks[i];
    if (!(t->lexmask & (1u << CLAIMS__LEX_TIME_WORD)))
        return MK_KNOWN; /* as the lookup would say, without it */
    size_t slot = t->hash & (DT_MARKS - 1);
    if (c->marks->tok[slot] == i + 1)
        return c->marks->bits[slot];
    return token_markers_lookup(c, art, i, slot);
}

/* A relative_day marker (MK_*: "prep", "det", "last", "next", "attach")
 * that is exactly token i; `m` may name several, any of which will do
 * (MK_PREP | MK_LINK: one lookup for the token). A value may list
 * several markers ("link attach"). */
static bool marker_at(const dt_ctx *c, const claims__article *art, size_t i, unsigned m)
{
    return (token_markers(c, art, i) & m) != 0;
}

/* The bytes of s[0..n) as a set, folded into 64 bits (b & 63). */
static uint64_t byte_set(const char *s, size_t n)
{
    uint64_t set = 0;
    for (size_t k = 0; k < n; k++)
        set |= (uint64_t)1 << ((unsigned char)s[k] & 63);
    return set;
}

/* Are more than `cap` bytes of w[0..n) outside `set`? Then w is more than
 * cap edits from the word of `set`: an edit brings in at most one byte
 * (a substitution or an insertion), and folded bytes that share a bit
 * only make the count smaller. */
static bool bytes_outside(const char *w, size_t n, uint64_t set, size_t cap)
{
    size_t out = 0;
    for (size_t k = 0; k < n; k++)
        if (!(set & ((uint64_t)1 << ((unsigned char)w[k] & 63))) && ++out > cap)
            return true;
    return false;
}

static const dt_months *month_names(const dt_ctx *c)
{
    dt_months *mn = c->months;
    if (mn->loaded)
        return mn;
    char key[24] = "name of month ";
    size_t base = strlen(key);
    for (int m = 1; m <= 12; m++) {
        size_t n = base;
        if (m >= 10)
            key[n++] = '1';
        key[n++] = (char)('0' + m % 10);
        const claims__lex_entry *e = claims__lex_get(c->lx, CLAIMS__LEX_MONTH, key, n);
        mn->name[m] = e && !e->has_num ? claims__lex_text(e) : NULL;
        mn->len[m] = mn->name[m] ? strlen(mn->name[m]) : 0;
        mn->bytes[m] = byte_set(mn->name[m], mn->len[m]);
    }
    mn->loaded = true;
    return mn;
}

/* A day of the month at token i ("6", "6th"). */
static int day_at(const claims__article *art, size_t i, size_t end, size_t *after)
{
    if (i >= end)
        return 0;
    long d = tok_digits(art, i, 1, 2);
    if (d < 1 || d > 31)
        return 0;
    size_t k = i + 1;
    if (k < end && art->toks[k].cls == CLAIMS__TOK_WORD && !tok_space(art, k)) {
        /* An ordinal suffix, the one English gives this number. */
        const char *suf = (d % 100 >= 11 && d % 100 <= 13) ? "th"
                          : d % 10 == 1                    ? "st"
                          : d % 10 == 2                    ? "nd"
                          : d % 10 == 3                    ? "rd"
                                                           : "th";
        if (!claims__tok_is_n(art, k, suf, 2))
            return 0;
        k++;
    }
    if (k < end && art->toks[k].cls == CLAIMS__TOK_WORD && !tok_space(art, k))
        return 0;
    *after = k;
    return (int)d;
}

/* A four-digit year at token i, not glued to letters ("1990s"). */
static int year_at(const claims__article *art, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    long y = tok_digits(art, i, 4, 4);
    if (y < 1000 || y > 2199)
        return 0;
    if (i + 1 < end && art->toks[i + 1].cls == CLAIMS__TOK_WORD && !tok_space(art, i + 1))
        return 0;
    return (int)y;
}

/* Where a month's name misspelt or in lower case may stand, date_from
 * takes it only with a year after it: none, "Month [Day[th]][,] Year"
 * (the day may follow) or "Day Month[,] Year" (a day came before). */
enum { DT_MISSPELT_NO, DT_MISSPELT_DAY_NEXT, DT_MISSPELT_DAY_BEFORE };

/* Whether a year follows a month's name ending at token k as date_from
 * reads it (where: DT_MISSPELT_DAY_*). A misspelt or lower-case name
 * without one dates nothing, and this test is cheaper than the names
 * (loaded, then edit distances): most capitalized words before a number
 * ("Windows 8 in 2012") fail it. */
static bool year_follows(const claims__article *art, size_t k, size_t end, int where)
{
    size_t a2 = 0;
    if (where == DT_MISSPELT_DAY_NEXT) {
        if (!day_at(art, k, end, &a2))
            return year_at(art, k, end) != 0;
        k = a2;
    }
    return (k + 1 < end && claims__tok_punct(art, k, ',') && year_at(art, k + 1, end)) ||
           year_at(art, k, end);
}

/* Where a month's name of tokens [.., k) ends: after the "." of "Sept.". */
static size_t name_end(const claims__article *art, size_t k, size_t end)
{
    return k < end && claims__tok_punct(art, k, '.') && !tok_space(art, k) ? k + 1 : k;
}

/* A month name at token i, a capitalized word (month_at below asks that
 * first), with the "." of "Sept.". Misspelt names are tried where
 * `misspelt` says one may stand (DT_MISSPELT_*, with the year that needs):
 * a capitalized word within DT_FUZZY_MAX edits of exactly one full name
 * of DT_FUZZY_MIN letters or more. */
static int month_cap_at(const dt_ctx *c, const claims__article *art, size_t i, size_t end,
                        int misspelt, size_t *after, bool *was_fuzzy)
{
    size_t n = 0;
    int m = 0;
    const claims__lex_entry *e = claims__lex_match(c->lx, CLAIMS__LEX_MONTH, art, i, end, &n);
    *was_fuzzy = false;
    if (e && e->has_num && e->num >= 1 && e->num <= 12) {
        m = (int)e->num;
    } else if (misspelt && claims__tok_len(&art->toks[i]) >= DT_FUZZY_MIN &&
               year_follows(art, name_end(art, i + 1, end), end, misspelt)) {
        size_t best = DT_FUZZY_MAX + 1;
        bool tie = false;
        const char *w = claims__tok_norm(art, i);
        size_t wl = claims__tok_len(&art->toks[i]);
        const dt_months *mn = month_names(c);
        for (int k = 1; k <= 12; k++) {
            if (mn->len[k] < DT_FUZZY_MIN || bytes_outside(w, wl, mn->bytes[k], DT_FUZZY_MAX))
                continue; /* as if more than DT_FUZZY_MAX edits away, without the table */
            size_t dist = claims__edit_distance(w, wl, mn->name[k], mn->len[k], DT_FUZZY_MAX);
            if (dist < best) {
                best = dist;
                m = k;
                tie = false;
            } else if (dist == best && dist <= DT_FUZZY_MAX) {
                tie = true;
            }
        }
        if (best > DT_FUZZY_MAX || tie)
            return 0;
        n = 1;
        *was_fuzzy = true;
    } else {
        return 0;
    }
    *after = name_end(art, i + n, end);
    return m;
}

/* Inline: most tokens asked are no capitalized word, and the call to
 * month_cap_at cost more than the test. */
static inline int month_at(const dt_ctx *c, const claims__article *art, size_t i, size_t end,
                           int misspelt, size_t *after, bool *was_fuzzy)
{
    if (i >= end || art->toks[i].cls != CLAIMS__TOK_WORD || !(art->toks[i].flags & CLAIMS__TF_CAP))
        return 0;
    return month_cap_at(c, art, i, end, misspelt, after, was_fuzzy);
}

/* A month's full name in lower case ("march"), which body text uses
 * rarely and which is often a word ("may", "march"): only dates with a
 * year take it. */
static int month_lower_at(const dt_ctx *c, const claims__article *art, size_t i, size_t end,
                          size_t *after)
{
    if (i >= end || art->toks[i].cls != CLAIMS__TOK_WORD || (art->toks[i].flags & CLAIMS__TF_CAP))
        return 0;
    size_t n = 0;
    const claims__lex_entry *e = claims__lex_match(c->lx, CLAIMS__LEX_MONTH, art, i, i + 1, &n);
    if (!e || !e->has_num || e->num < 1 || e->num > 12)
        return 0;
    int m = (int)e->num;
    const dt_months *mn = month_names(c);
    if (mn->len[m] != claims__tok_len(&art->toks[i]) ||
        memcmp(mn->name[m], claims__tok_norm(art, i), mn->len[m]) != 0)
        return 0;
    *after = i + 1;
    return m;
}

/* Inline, as month_at: most tokens asked are no capitalized word. */
static inline int weekday_at(const dt_ctx *c, const claims__article *art, size_t i, size_t end,
                             size_t *after)
{
    if (i >= end || !tok_cap_word(art, i))
        return 0;
    size_t n = 0;
    const claims__lex_entry *e = claims__lex_match(c->lx, CLAIMS__LEX_WEEKDAY, art, i, end, &n);
    if (!e || !e->has_num || e->num < 1 || e->num > 7)
        return 0;
    *after = i + n;
    return (int)e->num;
}

/* Picks the year of a day-month date without one: the latest such day
 * on or before the article's date (or less than a month after it: a
 * follow-up's dateline, a date just ahead), or the first after it when
 * the clause speaks of the future. */
static int infer_year(const dt_ctx *c, int month, int day, bool future)
{
    claims__date p = claims__days_to_date(c->pub_days);
    int y = p.year;
    if (month == 2 && day == 29) /* only leap years have one */
        return 0;
    long dd = claims__date_to_days(y, month, day) - c->pub_days;
    if (!future && dd > DT_NEAR_FUTURE)
        y--;
    else if (future && dd < 0)
        y++;
    return y;
}

/* Is token i glued to the one before it (no space)? */
static bool glued(const claims__article *art, size_t i, size_t end)
{
    return i < end && !tok_space(art, i);
}

/* The time of an ISO 8601 timestamp after its date, from token i: "T14",
 * then ":MM", ":SS", a zone "Z" or "+02:00". Returns the token after it
 * (i when there is none). */
static size_t iso_time_end(const claims__article *art, size_t i, size_t end)
{
    if (!glued(art, i, end) || art->toks[i].cls != CLAIMS__TOK_WORD)
        return i;
    const char *p = claims__tok_norm(art, i);
    size_t n = claims__tok_len(&art->toks[i]);
    if (n < 2 || n > 3 || p[0] != 't' || !claims__is_digit((unsigned char)p[1]) ||
        (n == 3 && !claims__is_digit((unsigned char)p[2])))
        return i;
    size_t k = i + 1;
    for (int part = 0; part < 2; part++) { /* ":MM", ":SS[.fff]" */
        if (k + 1 < end && glued(art, k, end) && claims__tok_punct(art, k, ':') &&
            glued(art, k + 1, end) && art->toks[k + 1].cls == CLAIMS__TOK_NUMBER)
            k += 2;
    }
    if (glued(art, k, end) && claims__tok_is(art, k, "z"))
        return k + 1;
    if (k + 1 < end && glued(art, k, end) &&
        (claims__tok_punct(art, k, '+') || claims__tok_punct(art, k, '-')) &&
        glued(art, k + 1, end) && tok_digits(art, k + 1, 2, 4) >= 0) {
        k += 2;
        if (k + 1 < end && glued(art, k, end) && claims__tok_punct(art, k, ':') &&
            glued(art, k + 1, end) && tok_digits(art, k + 1, 2, 2) >= 0)
            k += 2;
    }
    return k;
}

/* An all-numeric date: "24/05/2021", "24-05-2021", "24.05.2021" (one
 * token), "2021/05/24". Day-first when the first number cannot be a
 * month; month-first ("05/24/2021") when the second cannot; else
 * ambiguous (read day-first, and only a dateline may use it). */
static bool numeric_date_rest(const claims__article *art, size_t i, size_t end, bool short_year,
                              dt_match *m)
{
    long a = -1, b = -1, y = -1;
    bool ymd = false; /* year first: the order is known */
    size_t k = i;
    const claims__token *t = &art->toks[i];
    if (claims__tok_len(t) >= 8 && claims__tok_len(t) <= 10) {
        /* "24.05.2021": the segmenter keeps it as one number */
        const char *p = claims__tok_norm(art, i);
        size_t n = claims__tok_len(t), q = 0;
        long f[3] = {0, 0, 0};
        size_t len[3] = {0, 0, 0};
        for (int part = 0; part < 3; part++) {
            while (q < n && claims__is_digit((unsigned char)p[q]) && len[part] < 5) {
                f[part] = f[part] * 10 + (p[q] - '0');
                len[part]++;
                q++;
            }
            if (part < 2) {
                if (q >= n || p[q] != '.')
                    return false;
                q++;
            }
        }
        if (q == n && len[0] == 4 && len[1] == 2 && len[2] == 2) {
            /* "2012.08.08": year first */
            ymd = true;
            y = f[0];
            b = f[1];
            a = f[2];
            if (b < 1 || b > 12)
                return false;
        } else if (q != n || len[0] < 1 || len[0] > 2 || len[1] < 1 || len[1] > 2 ||
                   len[2] != 4) {
            return false;
        } else {
            a = f[0];
            b = f[1];
            y = f[2];
        }
        k = i + 1;
    } else if (i + 4 < end && glued(art, i + 1, end) && glued(art, i + 2, end) &&
               glued(art, i + 3, end) && glued(art, i + 4, end) &&
               (claims__tok_punct(art, i + 1, '/') || claims__tok_punct(art, i + 1, '-') ||
                claims__tok_punct(art, i + 1, '.')) &&
               claims__tok_len(&art->toks[i + 3]) == 1 &&
               claims__tok_norm(art, i + 3)[0] == claims__tok_norm(art, i + 1)[0] &&
               art->toks[i + 3].cls == CLAIMS__TOK_PUNCT) {
        long y0 = tok_digits(art, i, 4, 4);
        if (y0 >= 1000 &&
            !claims__tok_punct(art, i + 1, '-')) { /* "2021/05/24" (ISO is elsewhere) */
            ymd = true;
            y = y0;
            b = tok_digits(art, i + 2, 1, 2);
            a = tok_digits(art, i + 4, 1, 2);
            if (b < 1 || b > 12)
                return false;
        } else {
            a = tok_digits(art, i, 1, 2);
            b = tok_digits(art, i + 2, 1, 2);
            y = tok_digits(art, i + 4, 4, 4);
            if (y < 0 && short_year) {
                /* "04/28/09" in a page's stamp line: a two-digit year */
                long yy = tok_digits(art, i + 4, 2, 2);
                if (yy >= 0)
                    y = yy < 70 ? 2000 + yy : 1900 + yy;
            }
        }
        k = i + 5;
    } else {
        return false;
    }
    if (a < 1 || b < 1 || y < 1000 || y > 2199)
        return false;
    /* Not part of a longer run of numbers ("1/2/2021/7") or glued letters. */
    if (glued(art, k, end) && !tok_break(art, k))
        return false;
    long day = a, mon = b;
    bool ambiguous = false;
    if (ymd) {
        /* day a, month b as read */
    } else if (a > 12 && b <= 12) {
        day = a;
        mon = b;
    } else if (b > 12 && a <= 12) {
        day = b;
        mon = a;
    } else if (a <= 12 && b <= 12) {
        ambiguous = a != b;
    } else {
        return false;
    }
    if (day > claims__date_month_days((int)y, (int)mon))
        return false;
    m->d.year = (int)y;
    m->d.month = (int)mon;
    m->d.day = (int)day;
    m->prec = CLAIMS__PREC_DAY;
    m->ambiguous = ambiguous;
    m->end = k;
    return true;
}

/* Inline: most numbers asked are neither one token of 8 to 10 bytes nor
 * glued to a '/', '-' or '.' ("2010," is glued to a comma), which
 * numeric_date_rest needs. */
static inline bool numeric_date_at(const claims__article *art, size_t i, size_t end,
                                   bool short_year, dt_match *m)
{
    const claims__token *t = &art->toks[i];
    if (t->cls != CLAIMS__TOK_NUMBER)
        return false;
    if (!(claims__tok_len(t) >= 8 && claims__tok_len(t) <= 10)) {
        if (!(i + 4 < end && glued(art, i + 1, end)))
            return false;
        const claims__token *s = &t[1];
        char sep = claims__tok_len(s) == 1 ? art->norm[s->norm] : 0;
        if (s->cls != CLAIMS__TOK_PUNCT || (sep != '/' && sep != '-' && sep != '.'))
            return false;
    }
    return numeric_date_rest(art, i, end, short_year, m);
}

/* Is one of the tokens [from, to) (before end) a number of four bytes,
 * as a year (year_at) must be? */
static inline bool year_within(const claims__article *art, size_t from, size_t to, size_t end)
{
    if (to > end)
        to = end;
    for (size_t k = from; k < to; k++)
        if (art->toks[k].cls == CLAIMS__TOK_NUMBER && claims__tok_len(&art->toks[k]) == 4)
            return true;
    return false;
}

/* A date with a month at token i: "[Weekday[,]] Month[.] Day[,] [Year]",
 * "[Weekday[,]] Day Month[.][,] [Year]", "Month[.] Year", "YYYY-MM-DD".
 * A bare month or weekday is not matched here. */
/* A number follows token i, before `end`: "May 5", "Sept. 5". */
static inline bool number_after(const claims__article *art, size_t i, size_t end)
{
    return i + 1 < end && (art->toks[i + 1].cls == CLAIMS__TOK_NUMBER ||
                           (i + 2 < end && claims__tok_punct(art, i + 1, '.') &&
                            art->toks[i + 2].cls == CLAIMS__TOK_NUMBER));
}

/* may_start_date for a number (out of line: numbers are few of the
 * tokens asked). A day needs its month after it; a number glued to a '/',
 * '-' or '.' may start a numeric or ISO date, a day glued to a word its
 * ordinal suffix ("6th"); a day before a spaced word only before a
 * month's name or a capitalized word (a misspelt month). Most numbers
 * ("2010,", "15 people") are none of these. */
static bool number_may_start_date(const claims__article *art, size_t i, size_t end)
{
    const claims__token *t = &art->toks[i];
    if (claims__tok_len(t) >= 8 && claims__tok_len(t) <= 10)
        return true;
    if (i + 1 >= end)
        return false;
    const claims__token *s = t + 1;
    if (!(s->flags & CLAIMS__TF_SPACE_BEFORE)) {
        if (s->cls == CLAIMS__TOK_PUNCT && claims__tok_len(s) == 1) {
            /* a numeric or ISO date goes on with a number and the same
             * mark, all glued ("24/05/2021", "2021-05-24"); not "15.",
             * "10-year", "24/7" (numeric_date_rest, date_from) */
            char sep = art->norm[s->norm];
            if ((sep != '/' && sep != '-' && sep != '.') || i + 4 >= end)
                return false;
            const claims__token *n = t + 2, *p = t + 3;
            return n->cls == CLAIMS__TOK_NUMBER && !(n->flags & CLAIMS__TF_SPACE_BEFORE) &&
                   p->cls == CLAIMS__TOK_PUNCT && claims__tok_len(p) == 1 &&
                   art->norm[p->norm] == sep && !(p->flags & CLAIMS__TF_SPACE_BEFORE);
        }
        /* a day glued to its ordinal suffix ("6th"; day_at), of two
         * bytes (not "3D", "4G") */
        return claims__tok_len(t) <= 2 && s->cls == CLAIMS__TOK_WORD && claims__tok_len(s) == 2;
    }
    /* a day before a month's name, or before a capitalized word with a
     * year after it (a misspelt month, which date_from takes only so) */
    return claims__tok_len(t) <= 2 && s->cls == CLAIMS__TOK_WORD &&
           ((s->lexmask & (1u << CLAIMS__LEX_MONTH)) ||
            ((s->flags & CLAIMS__TF_CAP) && year_within(art, i + 2, i + 5, end)));
}

/* Whether number t (a token after it in the run) may be next_candidate's:
 * the tests of its own (four digits, a relative day's start) and of
 * number_may_start_date that t's length, the next token's class, flags,
 * lexmask and first byte, and the class and flags of the one after it
 * decide, or-ed without a branch (a superset: true asks them all). Most
 * numbers ("15 people", "15%", "2010,", "15." ending a sentence) fail,
 * skipped with one branch instead of the several of
 * number_may_start_date, each of which mispredicts. The token after the
 * next may be the one past the array's last (its fields 0: no number). */
static inline bool number_may_stop(const claims__article *art, const claims__token *t)
{
    const claims__token *s = t + 1;
    unsigned len = claims__tok_len(t);
    unsigned char ch = (unsigned char)art->norm[s->norm];
    unsigned spaced = s->flags & CLAIMS__TF_SPACE_BEFORE;
    unsigned word = s->cls == CLAIMS__TOK_WORD;
    unsigned day = len <= 2;
    /* a mark of a numeric or ISO date, with a number glued after it */
    const uint64_t glued_number = claims__tok_bits_of(0, CLAIMS__TOK_NUMBER, 0);
    const uint64_t shape = claims__tok_bits_of(0, UINT16_MAX, CLAIMS__TF_SPACE_BEFORE);
    unsigned sep = ((ch == '/') | (ch == '-') | (ch == '.')) &
                   ((claims__tok_bits(t + 2) & shape) == glued_number);
    unsigned named = ((s->lexmask & (1u << CLAIMS__LEX_MONTH)) | (s->flags & CLAIMS__TF_CAP)) != 0;
    unsigned glued = (spaced == 0) & ((word & day) | ((word ^ 1u) & sep));
    unsigned own = (len == 4) | ((t->lexmask >> CLAIMS__LEX_RELATIVE_DAY) & 1u) | (len - 8u <= 2u);
    return (own | glued | (spaced & word & day & named)) != 0;
}

/* Most tokens start no date. A date starts with a number, a weekday, a
 * month's name, or a capitalized word right before a number (a misspelt
 * month): the rest are rejected here, inline, before the call and the
 * tries of each form (the scans ask it of the tokens next_start finds,
 * and stamp_run and the fields of date_at of any). A number starts one as a day (one or two
 * digits), as an all-numeric date in one token ("24.05.2021": 8 to 10 bytes), or glued to what
 * follows ("2021-05-24", "24/05/2021"); not "2010 people". */
static inline bool may_start_date(const claims__article *art, size_t i, size_t end)
{
    const claims__token *t = &art->toks[i];
    if (t->cls == CLAIMS__TOK_NUMBER)
        return number_may_start_date(art, i, end);
    uint32_t named = (1u << CLAIMS__LEX_WEEKDAY) | (1u << CLAIMS__LEX_MONTH);
    return t->cls == CLAIMS__TOK_WORD &&
           ((t->lexmask & named) || ((t->flags & CLAIMS__TF_CAP) && number_after(art, i, end)));
}

/* The first token from i on (before te) that may start a date, or a
 * claim of scan_sentences: a number, a word a lexicon section of `named`
 * may start (a weekday, a month, a relative day), or a capitalized word
 * right before a number with a year after it ("Word 5, 2020", "Word. 5
 * 2020": a misspelt month, as number_after reads it). Every token it
 * skips fails may_start_date or date_from (a capitalized word before a
 * number with no year), and the tries of scan_sentences; of those it
 * returns only a number may (number_may_start_date). The scans ask it instead of asking every
 * token: inline, as they call it once per candidate and per line or
 * sentence, and `named` is a constant. */
static CLAIMS__ALWAYS_INLINE size_t next_start_rel(const claims__article *art, size_t i, size_t te,
                                                   uint32_t named,
                                                   const claims__lex_tables *rel_tab, bool sparse);
static CLAIMS__ALWAYS_INLINE size_t next_start(const claims__article *art, size_t i, size_t te,
                                               uint32_t named)
{
    return next_start_rel(art, i, te, named, NULL, false);
}

/* next_start_rel's stop at number k right after a capitalized word
 * (cap1), or after one and a token between: that word when a year
 * follows within five tokens, as date_from takes a misspelt month, else
 * k. Out of line: few numbers have such a word before them. */
static CLAIMS__NOINLINE size_t misspelt_month_before(const claims__article *art, size_t k,
                                                     size_t te, bool cap1)
{
    if (cap1)
        return year_within(art, k, k + 5, te) ? k - 1 : k;
    if (claims__tok_punct(art, k - 1, '.'))
        return year_within(art, k - 1, k + 4, te) ? k - 2 : k;
    return k;
}

/* Whether number t (token k, the scan from i) has a capitalized word right
 * before it (cap1), or one and a token between, a punctuation mark
 * (cap2): the two forms of a misspelt month's, or-ed without a branch, as
 * few numbers have either; a token before i reads as t itself, a number. */
static CLAIMS__ALWAYS_INLINE unsigned cap_before(const claims__token *t, size_t k, size_t i,
                                                 unsigned *cap1)
{
    const claims__token *p1 = k > i ? t - 1 : t, *p2 = k > i + 1 ? t - 2 : t;
    const uint64_t shape = claims__tok_bits_of(0, UINT16_MAX, CLAIMS__TF_CAP);
    const uint64_t cap_word = claims__tok_bits_of(0, CLAIMS__TOK_WORD, CLAIMS__TF_CAP);
    const uint64_t punct = claims__tok_bits_of(0, CLAIMS__TOK_PUNCT, 0);
    const uint64_t cls = claims__tok_bits_of(0, UINT16_MAX, 0);
    uint64_t w1 = claims__tok_bits(p1), w2 = claims__tok_bits(p2);
    *cap1 = (w1 & shape) == cap_word;
    return *cap1 | (((w2 & shape) == cap_word) & ((w1 & cls) == punct));
}

/* next_start; with rel_tab (the lexicon's tables) a lower-case word of
 * `named` but of no month or weekday ("the", "a", "that": only ever a
 * relative day's start) is no stop when the lexicon's inline filter of
 * that lookup rejects it, tested in the loop; nor is a number that
 * number_may_stop rejects, unless a misspelt month before it is the stop
 * (misspelt_month_before): most numbers, which next_candidate passed,
 * each a scan started again after it, that cost more than the test.
 * `sparse` (a constant): the stops are few, as in the body's sentences
 * (about one token in thirty), and the tokens are read four at a time
 * first. */
static CLAIMS__ALWAYS_INLINE size_t next_start_rel(const claims__article *art, size_t i, size_t te,
                                                   uint32_t named,
                                                   const claims__lex_tables *rel_tab, bool sparse)
{
    /* The loop stops at a word or a number (no class bit but the
     * number's) with a bit of `some`: a section asked or the number's
     * class. The two tests are combined without a branch between them:
     * one branch a token, taken for the few candidates, mispredicts less
     * than two (a plain word, a punctuation mark or a quote is skipped).
     * A capitalized word is no stop of its own: it is a candidate only
     * right before a number, found from the number below (a capital is
     * a tenth of the tokens, and a stop at each mispredicted). */
    _Static_assert(CLAIMS__TOK_WORD == 0 && CLAIMS__TOK_NUMBER == 1, "word 0, number 1");
    const uint64_t some = claims__tok_bits_of(named, CLAIMS__TOK_NUMBER, 0);
    const uint64_t other_cls = claims__tok_bits_of(0, (uint16_t)~CLAIMS__TOK_NUMBER, 0);
    /* The tokens counted by a byte offset from the end up to 0: the add
     * that steps it also tests for the end. */
    const unsigned char *endp = (const unsigned char *)(art->toks + te);
    const ptrdiff_t step = (ptrdiff_t)sizeof(claims__token);
    ptrdiff_t off = -(ptrdiff_t)((te - i) * sizeof(claims__token));
    const unsigned rel = CLAIMS__LEX_RELATIVE_DAY;
    const uint64_t not_rel_only = claims__tok_bits_of(
        (1u << CLAIMS__LEX_MONTH) | (1u << CLAIMS__LEX_WEEKDAY), UINT16_MAX, CLAIMS__TF_CAP);
    for (;; off += step) {
        uint64_t w = 0;
        /* Sparse stops: four tokens at a time while four remain, as the
         * words of most fours or-ed have no bit of `some` (one branch
         * for four tokens, not one each). In a four that has one, the
         * token loop below starts at the first token with a bit, counted
         * without a branch (a walk to it, its exit at a place that
         * varies, was mispredicted about once a stop), and stops there
         * (or, after a punctuation mark with a bit, goes on). Where stops
         * are dense (a page's opening lines) a four with one mispredicts
         * more often than the branches it saves are worth. */
        if (sparse) {
            while (off <= -4 * step) {
                const claims__token *g = (const claims__token *)(const void *)(endp + off);
                if ((claims__tok_bits(g) | claims__tok_bits(g + 1) | claims__tok_bits(g + 2) |
                     claims__tok_bits(g + 3)) &
                    some)
                    break;
                off += 4 * step;
            }
            if (off <= -4 * step) {
                const claims__token *g = (const claims__token *)(const void *)(endp + off);
                uint64_t w0 = claims__tok_bits(g) & some, w1 = claims__tok_bits(g + 1) & some,
                         w2 = claims__tok_bits(g + 2) & some;
                off += ((ptrdiff_t)(w0 == 0) + (ptrdiff_t)((w0 | w1) == 0) +
                        (ptrdiff_t)((w0 | w1 | w2) == 0)) *
                       step;
            }
        }
        for (; off != 0; off += step) {
            w = claims__tok_bits((const claims__token *)(const void *)(endp + off));
            if ((int)((w & some) != 0) & (int)((w & other_cls) == 0))
                break;
        }
        if (off == 0 || !rel_tab)
            break;
        const claims__token *r = (const claims__token *)(const void *)(endp + off);
        if (w & claims__tok_bits_of(0, CLAIMS__TOK_NUMBER, 0)) {
            size_t k = (size_t)(r - art->toks);
            unsigned cap1;
            if (cap_before(r, k, i, &cap1)) {
                size_t m = misspelt_month_before(art, k, te, cap1);
                if (m != k)
                    return m;
            }
            if (off == -step || number_may_stop(art, r))
                break;
            continue;
        }
        if ((w & not_rel_only) || claims__lex_may_start(rel_tab, rel, r, off != -step))
            break;
    }
    const claims__token *t = (const claims__token *)(const void *)(endp + off),
                        *end = art->toks + te;
    size_t k = (size_t)(t - art->toks);
    /* The first number or named word: a capitalized word before it from
     * i on is a candidate only before a number (a word of a section
     * asked would have stopped the loop), and only with a year within
     * five tokens after it, as date_from takes a misspelt month (the
     * only date such a word starts). */
    if (!rel_tab && t < end && t->cls == CLAIMS__TOK_NUMBER) { /* (rel_tab: asked above) */
        unsigned cap1;
        if (cap_before(t, k, i, &cap1))
            return misspelt_month_before(art, k, te, cap1);
    }
    return k;
}

/* The date at token i, before end, into m (zeroed first, begin i); i
 * may start one (may_start_date, which the scans ask before: not again). */
static bool date_from(const dt_ctx *c, const claims__article *art, size_t i, size_t end,
                      dt_match *m)
{
    size_t j = i, k = 0, a2 = 0;
    bool fz = false;
    memset(m, 0, sizeof *m);
    m->begin = i;
    /* A word of no month or weekday ("Boeing 747") starts a date only as
     * a misspelt month, which needs a year within five tokens. */
    const claims__token *t = &art->toks[i];
    if (t->cls == CLAIMS__TOK_WORD &&
        !(t->lexmask & ((1u << CLAIMS__LEX_MONTH) | (1u << CLAIMS__LEX_WEEKDAY))) &&
        !year_within(art, i + 1, i + 6, end))
        return false;
    /* ISO 8601 */
    long iy = tok_digits(art, i, 4, 4);
    if (iy >= 1000 && i + 4 < end && claims__tok_punct(art, i + 1, '-') &&
        claims__tok_punct(art, i + 3, '-') && !tok_space(art, i + 1) && !tok_space(art, i + 2) &&
        !tok_space(art, i + 3) && !tok_space(art, i + 4)) {
        long im = tok_digits(art, i + 2, 2, 2), id = tok_digits(art, i + 4, 2, 2);
        size_t te = iso_time_end(art, i + 5, end); /* "2021-05-24T14:03:00Z" */
        if (im >= 1 && im <= 12 && id >= 1 && id <= claims__date_month_days((int)iy, (int)im) &&
            !(te < end && !tok_space(art, te) && !tok_break(art, te))) {
            m->d.year = (int)iy;
            m->d.month = (int)im;
            m->d.day = (int)id;
            m->prec = CLAIMS__PREC_DAY;
            m->end = te;
            return true;
        }
    }
    if (numeric_date_at(art, i, end, false, m))
        return true;
    bool had_wd = false;
    if ((m->wd = weekday_at(c, art, j, end, &k))) {
        m->wd_end = k;
        j = k;
        had_wd = true;
        if (j < end && claims__tok_punct(art, j, ','))
            j++;
    }
    /* Misspelt month names only right before a day or year number, and
     * only with a year (below): "Month[.] [Day[th]][,] Year" puts it
     * within five tokens of the month, a test cheaper than the names. */
    bool num_next = number_after(art, j, end);
    int mon = month_at(c, art, j, end,
                       num_next && year_within(art, j + 1, j + 6, end) ? DT_MISSPELT_DAY_NEXT
                                                                       : DT_MISSPELT_NO,
                       &k, &fz);
    bool lower = false;
    if (!mon && num_next && year_follows(art, j + 1, end, DT_MISSPELT_DAY_NEXT) &&
        (mon = month_lower_at(c, art, j, end, &k)))
        lower = true;
    int day = 0, year = 0;
    if (mon) {
        int d = day_at(art, k, end, &a2);
        if (d) {
            day = d;
            k = a2;
            if (k + 1 < end && claims__tok_punct(art, k, ',') && (year = year_at(art, k + 1, end)))
                k += 2;
            else if ((year = year_at(art, k, end)))
                k++;
        } else if ((year = year_at(art, k, end))) {
            k++;
        } else {
            return false;
        }
    } else {
        int d = day_at(art, j, end, &a2);
        if (!d)
            return false;
        /* "Day Month[.][,] Year": a month's name (a word the month section
         * may start), or a capitalized word misspelling one, only with a
         * year within three tokens ("15 people": neither) */
        const claims__token *w = a2 < end ? &art->toks[a2] : NULL;
        bool misspelt = w && (w->flags & CLAIMS__TF_CAP) && year_within(art, a2 + 1, a2 + 4, end);
        if (!w || w->cls != CLAIMS__TOK_WORD ||
            (!(w->lexmask & (1u << CLAIMS__LEX_MONTH)) && !misspelt))
            return false;
        mon =
            month_at(c, art, a2, end, misspelt ? DT_MISSPELT_DAY_BEFORE : DT_MISSPELT_NO, &k, &fz);
        if (!mon && year_follows(art, a2 + 1, end, DT_MISSPELT_DAY_BEFORE) &&
            (mon = month_lower_at(c, art, a2, end, &k)))
            lower = true;
        if (!mon)
            return false;
        day = d;
        if (k + 1 < end && claims__tok_punct(art, k, ',') && (year = year_at(art, k + 1, end)))
            k += 2;
        else if ((year = year_at(art, k, end)))
            k++;
    }
    if ((fz || lower) && !year)
        return false; /* "Marco 3": a name, not a month; "may 3": a verb */
    if (had_wd && !day)
        return false;
    if (day && day > claims__date_month_days(year, mon))
        return false;
    m->d.year = year;
    m->d.month = mon;
    m->d.day = day;
    m->prec = day ? CLAIMS__PREC_DAY : CLAIMS__PREC_MONTH;
    m->fuzzy = fz;
    m->end = k;
    return true;
}

/* The date at token i, before end, into m (zeroed first, begin i). */
static bool date_at(const dt_ctx *c, const claims__article *art, size_t i, size_t end, dt_match *m)
{
    if (may_start_date(art, i, end))
        return date_from(c, art, i, end, m);
    memset(m, 0, sizeof *m);
    m->begin = i;
    return false;
}

/* ------------------------------------------------------------ dateline */

/* Separators around a dateline's date: "Lima - AP - Sept. 6, 2010",
 * "CAIRO, Oct. 3, 2011 (Reuters) -", "Oslo | 2021-11-30". */
static bool dateline_sep(const claims__article *art, size_t i)
{
    return claims__tok_punct(art, i, '-') || claims__tok_punct(art, i, '|') ||
           claims__tok_punct(art, i, '/') || claims__tok_punct(art, i, ',') ||
           claims__tok_punct(art, i, ':') || claims__tok_punct(art, i, '(');
}

/* "Published 2021-05-24T14:03:00Z", "Last updated on May 24, 2021": a
 * stamp word (time.lex) opening the line or following a separator, then
 * maybe ":" or "on", then the date at token a. */
static bool stamp_before(const dt_ctx *c, const claims__article *art, size_t a, size_t line_b)
{
    size_t k = a;
    if (k > line_b && (claims__tok_punct(art, k - 1, ':') || claims__tok_is(art, k - 1, "on")))
        k--;
    for (size_t j = k > line_b + 3 ? k - 3 : line_b; j < k; j++) {
        if (j != line_b && !dateline_sep(art, j - 1))
            continue;
        size_t n = 0;
        const claims__lex_entry *e =
            claims__lex_match(c->lx, CLAIMS__LEX_TIME_WORD, art, j, k, &n);
        if (e && !e->has_num && j + n == k && value_has(claims__lex_text(e), "stamp"))
            return true;
    }
    return false;
}

/* A token of a page's stamp line: a clock time's pieces ("15:48",
 * "8:56am", "22.34"), a time zone or "a.m." (time.lex: `zone`), a stamp
 * word, a weekday, "at", "on", a separator. */
static bool stamp_token(const dt_ctx *c, const claims__article *art, size_t i, size_t end,
                        size_t *n)
{
    *n = 1;
    const claims__token *t = &art->toks[i];
    if (t->cls == CLAIMS__TOK_NUMBER || dateline_sep(art, i) || claims__tok_punct(art, i, '.') ||
        claims__tok_punct(art, i, '@') ||
        claims__tok_is(art, i, "at") || claims__tok_is(art, i, "on"))
        return true;
    const claims__lex_entry *e = claims__lex_match(c->lx, CLAIMS__LEX_TIME_WORD, art, i, end, n);
    if (e && !e->has_num && value_has(claims__lex_text(e), "zone stamp"))
        return true;
    *n = 1;
    return claims__lex_match(c->lx, CLAIMS__LEX_WEEKDAY, art, i, end, n) != NULL;
}

/* Only stamp tokens between a and b, and the other dates of the line
 * ("Posted on May 2, 2014 | Updated on May 3, 2014"). */
static bool stamp_run(const dt_ctx *c, const claims__article *art, size_t a, size_t b)
{
    while (a < b) {
        size_t n = 1;
        dt_match m;
        if (date_at(c, art, a, b, &m) && m.end > a && m.end <= b) {
            a = m.end;
            continue;
        }
        if (!stamp_token(c, art, a, b, &n))
            return false;
        a += n ? n : 1;
    }
    return true;
}

/* A date is a dateline when it opens its line or follows a separator, and
 * ends its line, is followed by a separator, or stands in a short line.
 * A date inside a sentence ("struck on March 3, 2021, killing") is not.
 * A page's stamp line ("Last updated 15:48 15/09/2013", "14:25 Sun Sep 15
 * 2013", "8:44AM BST 16 Sep 2013") holds nothing but clock times, zones,
 * stamp words and weekdays around its date. */
static bool stamp_line(const dt_ctx *c, const claims__article *art, const dt_match *m,
                       size_t line_b, size_t line_e)
{
    return line_e - line_b <= DT_STAMP_LINE && stamp_run(c, art, line_b, m->begin) &&
           stamp_run(c, art, m->end, line_e);
}

/* is_dateline for a date whose line is no stamp line (find_dateline asks
 * stamp_line first: not again). */
static bool is_dateline(const dt_ctx *c, const claims__article *art, const dt_match *m,
                        size_t line_b, size_t line_e)
{
    bool before = m->begin == line_b || dateline_sep(art, m->begin - 1) ||
                  stamp_before(c, art, m->begin, line_b);
    bool after = m->end >= line_e || claims__tok_punct(art, m->end, '(') ||
                 claims__tok_punct(art, m->end, '-') || claims__tok_punct(art, m->end, '|');
    return before && (after || line_e - line_b <= DT_SHORT_LINE);
}

/* A dateline further down ("PORTO, March 15 (AP) - ..." opening a
 * follow-up): at a line's start after capitalized words and a separator,
 * followed by a bracket or a dash. Metadata, not a claim. */
static bool body_dateline(const claims__article *art, const dt_match *m, size_t tb)
{
    if (!(tb == 0 || (art->toks[tb].flags & CLAIMS__TF_LINE_BEFORE)) || m->begin <= tb ||
        m->begin - tb > 8 || !dateline_sep(art, m->begin - 1) || m->end >= art->ntoks)
        return false;
    if (!(claims__tok_punct(art, m->end, '(') ||
          (claims__tok_punct(art, m->end, '-') && tok_space(art, m->end))))
        return false;
    for (size_t j = tb; j + 1 < m->begin; j++)
        if (!tok_cap_word(art, j) && !dateline_sep(art, j))
            return false;
    return true;
}

/* The ISO weekday named in tokens [b, e) ("Tuesday", or a stamp line's
 * "Tue": time.lex zone weekday:N), or 0. */
static int line_weekday(const dt_ctx *c, const claims__article *art, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++) {
        size_t n = 0;
        const claims__lex_entry *w = claims__lex_match(c->lx, CLAIMS__LEX_WEEKDAY, art, k, k + 1, &n);
        if (w && w->has_num)
            return (int)w->num;
        w = claims__lex_match(c->lx, CLAIMS__LEX_TIME_WORD, art, k, k + 1, &n);
        const char *p = w && !w->has_num ? strstr(claims__lex_text(w), "weekday:") : NULL;
        if (p && p[8] >= '1' && p[8] <= '7')
            return p[8] - '0';
    }
    return 0;
}

/* Swaps an ambiguous date's day and month (read day first, as found):
 * false when the month-first reading is no date. */
static bool month_first(dt_match *m)
{
    int day = m->d.day;
    m->d.day = m->d.month;
    m->d.month = day;
    return m->d.day <= claims__date_month_days(m->d.year, m->d.month);
}

/* "4/9/2007" with a weekday beside it on its line: the reading that falls
 * on that weekday, when exactly one does. 1 day first, 2 month first, 0
 * undecided. */
static int order_by_weekday(const dt_ctx *c, const claims__article *art, const dt_match *m,
                            size_t line_b, size_t line_e)
{
    int wd = line_weekday(c, art, line_b, line_e);
    if (!wd)
        return 0;
    const claims__date *d = &m->d;
    bool df = claims__date_weekday(claims__date_to_days(d->year, d->month, d->day)) == wd;
    bool mf = d->month <= claims__date_month_days(d->year, d->day) &&
              claims__date_weekday(claims__date_to_days(d->year, d->day, d->month)) == wd;
    return df == mf ? 0 : df ? 1 : 2;
}

/* "09/10/10" could be either way round: a weekday beside it says which
 * when only one reading falls on it; else the stamp line's time zone
 * ("ET", "PDT": month first; "BST", "CET": day first, as read); with
 * neither the date is left ambiguous and dates nothing. */
static bool settle_order(const dt_ctx *c, const claims__article *art, dt_match *m, size_t line_b,
                         size_t line_e)
{
    if (!m->ambiguous)
        return true;
    int by_day = order_by_weekday(c, art, m, line_b, line_e);
    if (by_day)
        return by_day == 1 || month_first(m);
    for (size_t k = m->end; k < line_e; k++) {
        size_t n = 0;
        const claims__lex_entry *e = claims__lex_match(c->lx, CLAIMS__LEX_TIME_WORD, art, k,
                                                       line_e, &n);
        if (!e || e->has_num)
            continue;
        if (value_has(claims__lex_text(e), "month_first"))
            return month_first(m);
        if (value_has(claims__lex_text(e), "day_first"))
            return true;
    }
    return false;
}

/* The end of the line starting at token b: the next token after a line
 * break, or the article's end. Lines run to dozens of tokens, and four
 * tokens' flags are tested at once. In *num_end, a token from which on to
 * the line's end no number stands (year_scan_end need not read those):
 * the four after the last four that held one, noted without a branch,
 * or the line's end. */
static size_t line_end(const claims__article *art, size_t b, size_t *num_end)
{
    const claims__token *t = art->toks + b + 1, *end = art->toks + art->ntoks;
    const unsigned lb = CLAIMS__TF_LINE_BEFORE;
    const uint64_t line = claims__tok_bits_of(0, 0, CLAIMS__TF_LINE_BEFORE),
                   num = claims__tok_bits_of(0, CLAIMS__TOK_NUMBER, 0);
    const claims__token *quiet = t; /* no number from here to t */
    if (end - t >= 4) {
        /* the last four's first: one compare a step, not a count */
        const claims__token *last4 = end - 4;
        for (; t <= last4; t += 4) {
            uint64_t w = claims__tok_bits(t) | claims__tok_bits(t + 1) | claims__tok_bits(t + 2) |
                         claims__tok_bits(t + 3);
            if (w & line)
                break;
            quiet = w & num ? t + 4 : quiet;
        }
    }
    if (end - t >= 4) {
        /* The four's bits in one mask: the first token with the bit is
         * its lowest set bit, no loop of a count that varies (a miss a
         * line). */
        _Static_assert(CLAIMS__TF_LINE_BEFORE == 2, "the line bit is bit 1");
        unsigned m = (t[0].flags & lb) | (t[1].flags & lb) << 1 | (t[2].flags & lb) << 2 |
                     (t[3].flags & lb) << 3;
        size_t e = (size_t)(t - art->toks) + (unsigned)__builtin_ctz(m) - 1;
        *num_end = (t[0].cls | t[1].cls | t[2].cls | t[3].cls) & CLAIMS__TOK_NUMBER
                       ? e /* a number may stand before the break */
                       : (size_t)(quiet - art->toks);
        return e;
    }
    while (t < end && !(t->flags & CLAIMS__TF_LINE_BEFORE))
        t++;
    *num_end = (size_t)(t - art->toks); /* the article's last few: not told apart */
    return *num_end;
}

/* Whether the line [b, e) may open as a page's stamp line does: with a
 * date (may_start_date) or a stamp token (stamp_token: a number, a
 * punctuation mark, "at", "on", a time word or a weekday). Past the
 * opening lines only a stamp line dates the article, and stamp_run reads
 * its first token first: a line that opens otherwise ("The", "She") has
 * no date find_dateline would take, and its tries are skipped. */
static bool stamp_may_open(const claims__article *art, size_t b, size_t e)
{
    const claims__token *t = &art->toks[b];
    const uint32_t bits =
        (1u << CLAIMS__LEX_TIME_WORD) | (1u << CLAIMS__LEX_WEEKDAY) | (1u << CLAIMS__LEX_MONTH);
    return t->cls != CLAIMS__TOK_WORD || (t->lexmask & bits) ||
           ((t->flags & CLAIMS__TF_CAP) && number_after(art, b, e)) ||
           claims__tok_is(art, b, "at") || claims__tok_is(art, b, "on");
}

/* Where the tokens of line [b, e) that may start a dateline end: after
 * the last number a year may be read from (four digits; two, the year of
 * a stamp line's "04/28/09"; eight to ten, one token "24.05.2021"). A
 * dateline has a year, at or after its first token: most lines hold no
 * such number, and their other dates ("on Monday", "March 5") are not
 * read. */
static size_t year_scan_end(const claims__article *art, size_t b, size_t e)
{
    /* From the end back, four tokens' classes or-ed at a time (a class
     * but the word is a bit of its own): most hold no number. In a four
     * that holds one, the step to its last number is counted without a
     * branch (a token a step, each testing the four again, was
     * mispredicted where the number stood). */
    const claims__token *t = art->toks + e, *lo = art->toks + b;
    const unsigned num = CLAIMS__TOK_NUMBER;
    while (t > lo) {
        if (t - lo >= 4) {
            unsigned n1 = t[-1].cls & num, n2 = t[-2].cls & num, n3 = t[-3].cls & num;
            if (!(n1 | n2 | n3 | (t[-4].cls & num))) {
                t -= 4;
                continue;
            }
            t -= (size_t)(n1 == 0) + (size_t)((n1 | n2) == 0) + (size_t)((n1 | n2 | n3) == 0);
        } else if (t[-1].cls != CLAIMS__TOK_NUMBER) {
            t--;
            continue;
        }
        if (claims__tok_len(&t[-1]) == 2 || claims__tok_len(&t[-1]) == 4 ||
            claims__tok_len(&t[-1]) - 8u <= 2u)
            break;
        t--;
    }
    return (size_t)(t - art->toks);
}

/* Scans the opening lines of `art` for a dateline. Returns true with the
 * date and, in *skip, the tokens that are metadata: the date, or a stamp
 * line whole (its "Updated on ..." too). */
static bool find_dateline(const dt_ctx *c, const claims__article *art, dt_match *out,
                          size_t skip[2])
{
    const uint32_t named = (1u << CLAIMS__LEX_WEEKDAY) | (1u << CLAIMS__LEX_MONTH);
    size_t lines = 0;
    for (size_t line_b = 0, line_e = 0; line_b < art->ntoks; line_b = line_e) {
        if (art->pos[line_b].start >= DT_STAMP_BYTES || ++lines > DT_STAMP_LINES)
            break;
        size_t num_end = 0;
        line_e = line_end(art, line_b, &num_end);
        /* Past the opening lines only a stamp line dates the article, and
         * a line longer than one is none: the rest of it (a paragraph of
         * the body, most of what this loop would read) is skipped. */
        bool long_line = line_e - line_b > DT_STAMP_LINE;
        if (lines > DT_DATELINE_LINES && (long_line || !stamp_may_open(art, line_b, line_e)))
            continue;
        /* Only the tokens that may start a date are read (next_start),
         * up to the line's last year (year_scan_end, read back from the
         * line's last number line_end saw: a candidate past it,
         * as one of the body's lines without any, dates nothing that
         * counts here, and one at byte DT_STAMP_BYTES or more stands
         * before the next line, which ends the scan as it would); the
         * bytes of those it skips stand before those of the next one read,
         * so the limits in bytes are tested on that one. */
        const size_t scan_e = year_scan_end(art, line_b, num_end);
        for (size_t i = next_start(art, line_b, scan_e, named); i < scan_e;
             i = next_start(art, i + 1, scan_e, named)) {
            if (art->pos[i].start >= DT_STAMP_BYTES)
                return false;
            if (long_line && art->pos[i].start >= DT_DATELINE_BYTES)
                break;
            if (!may_start_date(art, i, line_e))
                continue; /* neither a date nor an all-numeric one */
            dt_match m;
            bool found = date_from(c, art, i, line_e, &m);
            if (!found && numeric_date_at(art, i, line_e, true, &m)) {
                m.begin = i;
                found = true;
            }
            if (!found)
                continue;
            /* a dateline in the first lines; a page's stamp line a little
             * further down too, after a standfirst ("PUBLISHED: 16:05 GMT, 9
             * June 2013 | UPDATED: ...") */
            bool far = lines > DT_DATELINE_LINES || art->pos[i].start >= DT_DATELINE_BYTES;
            bool stamp =
                m.prec == CLAIMS__PREC_DAY && m.d.year && stamp_line(c, art, &m, line_b, line_e);
            if (m.prec == CLAIMS__PREC_DAY && m.d.year &&
                (stamp || (!far && is_dateline(c, art, &m, line_b, line_e))) &&
                settle_order(c, art, &m, line_b, line_e)) {
                *out = m;
                skip[0] = stamp ? line_b : m.begin;
                skip[1] = stamp ? line_e : m.end;
                return true;
            }
            if (m.end >= scan_e)
                break; /* no candidate left before the last year */
            i = m.end - 1;
        }
    }
    return false;
}

static void set_published(claims__article *art, const claims__date *d)
{
    art->published = *d;
    claims__date_iso(d, CLAIMS__PREC_DAY, art->published_iso);
}

/* The title, when the text does not begin with it, is the first line. */
static claims_status dateline_from_title(dt_ctx *c, claims__article *art, bool *found)
{
    *found = false;
    if (!art->title)
        return CLAIMS_OK;
    size_t tl = strlen(art->title), p = 0;
    while (p < art->len && claims__is_space((unsigned char)art->text[p]))
        p++;
    if (tl == 0 || (art->len - p >= tl && memcmp(art->text + p, art->title, tl) == 0))
        return CLAIMS_OK;
    claims__article tmp;
    memset(&tmp, 0, sizeof tmp);
    size_t ntoks, norm_len;
    claims_status st = claims__tokenize(&c->s->alloc, art->title, tl, &tmp.toks, &tmp.pos, &ntoks,
                                        &tmp.norm, &norm_len);
    if (st != CLAIMS_OK)
        return st;
    tmp.ntoks = (uint32_t)ntoks; /* a title is under 4 GB: its story holds it */
    tmp.norm_len = (uint32_t)norm_len;
    tmp.text = art->title;
    tmp.len = (uint32_t)tl;
    dt_match m;
    size_t skip[2];
    if (find_dateline(c, &tmp, &m, skip)) {
        set_published(art, &m.d);
        *found = true;
    }
    claims__free(&c->s->alloc, tmp.toks);
    claims__free(&c->s->alloc, tmp.norm);
    return CLAIMS_OK;
}

/* -------------------------------------------------------------- events */

static bool is_roman(const claims__article *art, size_t i)
{
    const claims__token *t = &art->toks[i];
    if (t->cls != CLAIMS__TOK_WORD || !(t->flags & CLAIMS__TF_CAP) || claims__tok_len(t) > 4)
        return false;
    if (claims__tok_len(t) > 1 && !(t->flags & CLAIMS__TF_ALLCAPS))
        return false;
    const char *p = claims__tok_norm(art, i);
    for (size_t k = 0; k < claims__tok_len(t); k++)
        if (p[k] != 'i' && p[k] != 'v' && p[k] != 'x')
            return false;
    return true;
}

/* The qualifier marker of a relative_day value ("qual:previous", or a
 * "last qual:previous" list): its name after "qual:" and the name's
 * length; NULL when none. */
static const char *qual_of(const char *v, size_t *len)
{
    for (const char *p = v; *p;) {
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q - p > 5 && strncmp(p, "qual:", 5) == 0) {
            *len = (size_t)(q - p) - 5;
            return p + 5;
        }
        p = q;
        while (*p == ' ')
            p++;
    }
    return NULL;
}

/* What stands before the event noun at token b: a qualifier ("the
 * previous major earthquake", "the last quake") or a year of its own
 * ("the 1999 quake"), with at most DT_QUAL_WORDS adjectives between.
 * Stops at punctuation, a possessive, a determiner or another marker. */
static void event_qualifier(const dt_ctx *c, const claims__article *art, size_t b, size_t tb,
                            dt_event *ev)
{
    size_t words = 0;
    size_t floor = c->nev ? c->ev[c->nev - 1].end : tb; /* not into the last mention */
    if (floor < tb)
        floor = tb;
    for (size_t k = b; k > floor && b - k < DT_QUAL_BACK; k--) {
        size_t j = k - 1;
        const claims__token *t = &art->toks[j];
        if (t->cls == CLAIMS__TOK_NUMBER) {
            int y = year_at(art, j, b);
            if (y && tok_space(art, j + 1) &&
                !(j > tb && marker_at(c, art, j - 1, MK_PREP | MK_LINK)))
                ev->year = y;
            if (y)
                return;
            continue; /* "7.1-magnitude" */
        }
        if (t->cls == CLAIMS__TOK_PUNCT && claims__tok_punct(art, j, '-') && !tok_space(art, j))
            continue;
        if (t->cls != CLAIMS__TOK_WORD || (t->flags & CLAIMS__TF_POSSESSIVE))
            return;
        size_t n = 0;
        const claims__lex_entry *e =
            claims__lex_match(c->lx, CLAIMS__LEX_TIME_WORD, art, j, b, &n);
        if (e) {
            size_t ql = 0;
            const char *q = e->has_num ? NULL : qual_of(claims__lex_text(e), &ql);
            if (!q || (ql == 4 && memcmp(q, "none", 4) == 0))
                return;
            if (value_has(claims__lex_text(e), "ranked")) {
                /* "the mayor's first visit", "the first election since":
                 * a rank of the story's own event */
                if (j > tb && ((art->toks[j - 1].flags & CLAIMS__TF_POSSESSIVE) ||
                               marker_at(c, art, j - 1, MK_POSS)))
                    return;
                if (ev->end < art->sents[art->pos[j].sentence].tok_end &&
                    marker_at(c, art, ev->end, MK_SCOPE))
                    return;
            }
            ev->qual = q;
            ev->qlen = ql;
            return;
        }
        if (++words > DT_QUAL_WORDS)
            return;
    }
}

/* Finds the event mentions of sentence si (load_events: not again). */
static void find_events(dt_ctx *c, const claims__article *art, size_t si)
{
    c->ev_sent = si;
    c->nev = 0;
    const claims__sentence *sn = &art->sents[si];
    size_t tb = sn->tok_begin, te = sn->tok_end;
    bool title = (sn->flags & CLAIMS__SF_TITLE) != 0;
    const uint32_t bit = 1u << CLAIMS__LEX_EVENT;
    for (size_t j = tb; j < te && c->nev < DT_MAX_EVENTS; j++) {
        /* most tokens start no event phrase (their lexmask): to the next
         * that may, in a tight loop */
        if ((j = claims__next_lexmask(art->toks, j, te, bit)) == te)
            return;
        size_t n = 0; /* its bit set: the lookup's out-of-line half */
        const claims__lex_entry *e = claims__lex_match_at(c->lx, CLAIMS__LEX_EVENT, art, j, te, &n);
        if (!e)
            continue;
        dt_event ev = {j,     j + n, claims__lex_text(e), strlen(claims__lex_text(e)), NULL, 0, 0,
                       false, false};
        if (ev.vlen > 5 && memcmp(claims__lex_text(e) + ev.vlen - 5, " verb", 5) == 0) {
            ev.vlen -= 5;
            ev.verb = true;
            /* "the merged group", "a stolen car": a participle after a
             * determiner describes a thing; it dates nothing. */
            if (j > tb && marker_at(c, art, j - 1, MK_DET)) {
                j += n - 1;
                continue;
            }
        }
        if (!title && tok_cap_word(art, j)) {
            size_t end = j + n;
            if (end < te && (is_roman(art, end) ||
                             (tok_digits(art, end, 1, 2) > 0 && tok_space(art, end))))
                end++;
            else if (end < te && tok_cap_word(art, end)) {
                j = end - 1; /* part of a longer name: "Election Commission" */
                continue;
            }
            /* The capitalized words before it name it. */
            size_t b = j;
            while (b > tb && j - b < 4 && tok_cap_word(art, b - 1)) {
                size_t nm = 0;
                bool dummy;
                if (weekday_at(c, art, b - 1, te, &nm) ||
                    month_at(c, art, b - 1, te, DT_MISSPELT_NO, &nm, &dummy))
                    break;
                if ((art->toks[b - 1].flags & CLAIMS__TF_SENT_START) &&
                    marker_at(c, art, b - 1, MK_DET | MK_PREP))
                    break;
                b--;
            }
            if (b < j || end > j + n) {
                ev.begin = b;
                ev.end = end;
                ev.named = true;
            }
        }
        if (!ev.verb && !ev.named)
            event_qualifier(c, art, j, tb, &ev);
        c->ev[c->nev++] = ev;
        j = ev.end - 1;
    }
}

/* The event mentions of sentence si, found once per sentence. Inline: a
 * sentence's claims after its first find them found. */
static inline void load_events(dt_ctx *c, const claims__article *art, size_t si)
{
    if (c->ev_sent != si)
        find_events(c, art, si);
}

/* The mention covering token j, or -1. load_events finds them in the
 * order of their first tokens (a name or a qualifier before one never
 * reaches back past the one before's first token): the search ends at
 * the first that begins after j. */
static int event_covering(const dt_ctx *c, size_t j)
{
    for (size_t k = 0; k < c->nev && c->ev[k].begin <= j; k++)
        if (j < c->ev[k].end)
            return (int)k;
    return -1;
}

/* Does a noun's mention (not a verb's) begin in tokens [b, e)? */
static bool noun_begins_in(const dt_ctx *c, size_t b, size_t e)
{
    bool any = false;
    for (size_t k = 0; k < c->nev; k++)
        any |= c->ev[k].begin >= b && c->ev[k].begin < e && !c->ev[k].verb;
    return any;
}

/* Does a mention cover a token of [b, e)? */
static bool mention_covers_in(const dt_ctx *c, size_t b, size_t e)
{
    bool any = false;
    for (size_t k = 0; k < c->nev; k++)
        any |= c->ev[k].begin < e && c->ev[k].end > b;
    return any;
}

/* An event noun starting within `max` words after token b, no
 * punctuation between ("the 2008 war", "the 2008 presidential election",
 * "Monday's meeting"). */
static int event_adjacent(const dt_ctx *c, const claims__article *art, size_t b, size_t te,
                          size_t max)
{
    bool poss = b < te && (art->toks[b].flags & CLAIMS__TF_POSSESSIVE);
    if (poss) {
        /* "Monday's magnitude 7.0 quake": the noun phrase it determines */
        b++;
        max = DT_ADJ + 1;
    }
    /* Only a noun mention that begins in reach is found: with none (most
     * claims), no token is read. */
    size_t lim = b + max < te ? b + max : te;
    if (!noun_begins_in(c, b, lim))
        return -1;
    for (size_t j = b; j < te && j < b + max; j++) {
        int k = event_covering(c, j);
        if (k >= 0 && c->ev[k].begin == j && !c->ev[k].verb)
            return k;
        if (art->toks[j].cls != CLAIMS__TOK_WORD &&
            !(poss && (art->toks[j].cls == CLAIMS__TOK_NUMBER || claims__tok_punct(art, j, '-')) &&
              !tok_break(art, j)))
            return -1;
    }
    return -1;
}

/* The noun event that the phrase of noun event k hangs on: "the death
 * toll from Monday's quake" -> the toll. Walks back from k over its
 * modifiers to an "attach" preposition right after another noun event. */
static int event_head(const dt_ctx *c, const claims__article *art, int k, size_t tb)
{
    size_t b = c->ev[k].begin;
    for (size_t j = b; j > tb && b - j < DT_HEAD_BACK; j--) {
        size_t q = j - 1;
        if (tok_break(art, q) || event_covering(c, q) >= 0)
            return -1;
        if (art->toks[q].cls != CLAIMS__TOK_WORD)
            continue; /* "7.1-magnitude", "'s" */
        if (marker_at(c, art, q, MK_ATTACH)) {
            int h = q > tb ? event_covering(c, q - 1) : -1;
            return h >= 0 && !c->ev[h].verb ? h : -1;
        }
        if (marker_at(c, art, q, MK_PREP | MK_LINK))
            return -1;
    }
    return -1;
}

/* Does the stretch [b, a) between an event noun and a date hold more
 * than prepositions and names ("quake in southern Peru rose to 41 on")?
 * Then the date belongs to the clause, not to the noun right before. */
static bool clause_between(const dt_ctx *c, const claims__article *art, size_t b, size_t a)
{
    for (size_t j = b; j < a; j++) {
        const claims__token *t = &art->toks[j];
        if (t->cls == CLAIMS__TOK_NUMBER)
            return true;
        if (t->cls == CLAIMS__TOK_WORD && !(t->flags & CLAIMS__TF_CAP) &&
            !marker_at(c, art, j, MK_PREP | MK_LINK | MK_ATTACH | MK_DET))
            return true;
    }
    return false;
}

/* The event of the clause before token a. A noun found first yields to
 * the verb a few words before it that governs it: "signed the treaty on
 * Friday" dates the signing; and to the noun its phrase hangs on when a
 * clause stands between: "the toll from the quake rose on Tuesday". */
/* The clause openers' hashes, a 256-bit set (claims__hash_in). */
#define DT_OPENERS(w)                                                                              \
    (CLAIMS__HSET_BIT(CLAIMS__HASH2('i', 'f'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH3('w', 'h', 'o'), w) |                              \
     CLAIMS__HSET_BIT(CLAIMS__HASH4('t', 'h', 'a', 't'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH4('w', 'h', 'o', 'm'), w) |               \
     CLAIMS__HSET_BIT(CLAIMS__HASH5('w', 'h', 'i', 'c', 'h'), w) | CLAIMS__HSET_BIT(CLAIMS__HASH5('w', 'h', 'o', 's', 'e'), w) |     \
     CLAIMS__HSET_BIT(CLAIMS__HASH6('t', 'h', 'o', 'u', 'g', 'h'), w) |                                             \
     CLAIMS__HSET_BIT(CLAIMS__HASH6('u', 'n', 'l', 'e', 's', 's'), w) |                                             \
     CLAIMS__HSET_BIT(CLAIMS__HASH7('b', 'e', 'c', 'a', 'u', 's', 'e'), w) |                                        \
     CLAIMS__HSET_BIT(CLAIMS__HASH7('w', 'h', 'e', 'r', 'e', 'a', 's'), w) |                                        \
     CLAIMS__HSET_BIT(CLAIMS__HASH8('a', 'l', 't', 'h', 'o', 'u', 'g', 'h'), w))

/* A word that opens a subordinate clause ("announced that he would
 * return next year"): a date after it belongs to that clause, whose verb
 * is no event noun before it. */
static bool clause_opener(const claims__article *art, size_t i)
{
    /* The token's hash (claims__hash of its norm text) against a 256-bit
     * set of the openers' hashes first: a word of another hash is none,
     * one load and a branch that is rarely taken, where the switch below
     * on every word's length was an indirect jump mispredicted often. */
    static const uint64_t opener_set[4] = {DT_OPENERS(0), DT_OPENERS(1), DT_OPENERS(2),
                                           DT_OPENERS(3)};
    if (!claims__hash_in(opener_set, art->toks[i].hash))
        return false;
    /* by length: one or two compares a token, not eleven */
    switch (claims__tok_len(&art->toks[i])) {
    case 2:
        return claims__tok_is(art, i, "if");
    case 3:
        return claims__tok_is(art, i, "who");
    case 4:
        return claims__tok_is(art, i, "that") || claims__tok_is(art, i, "whom");
    case 5:
        return claims__tok_is(art, i, "which") || claims__tok_is(art, i, "whose");
    case 6:
        return claims__tok_is(art, i, "though") || claims__tok_is(art, i, "unless");
    case 7:
        return claims__tok_is(art, i, "because") || claims__tok_is(art, i, "whereas");
    case 8:
        return claims__tok_is(art, i, "although");
    default:
        return false;
    }
}

static int event_back(const dt_ctx *c, const claims__article *art, size_t a, size_t tb)
{
    /* The search reads tokens [lo, a) from a down and ends at the first
     * that a break or clause opener is, or that a mention covers. That
     * one is found from the mentions first (a sentence has few, most
     * none): the last token of [lo, a) one covers, and only the tokens
     * from it on are read (none when no mention is in reach). */
    size_t lo = a - tb > DT_BACK ? a - DT_BACK : tb, top = lo;
    for (size_t k = 0; k < c->nev; k++) {
        size_t e = c->ev[k].end < a ? c->ev[k].end : a;
        top = c->ev[k].begin < a && e > top ? e : top;
    }
    if (top == lo)
        return -1;
    for (size_t j = a; j >= top; j--)
        if (tok_break(art, j - 1) || clause_opener(art, j - 1))
            return -1;
    int k = event_covering(c, top - 1);
    /* "the previous earthquake to strike the area was in 2002": an
     * infinitive that hangs on an event noun is that noun's clause */
    size_t vb = c->ev[k].begin;
    if (vb >= tb + 2 && claims__tok_is(art, vb - 1, "to")) {
        int h = event_covering(c, vb - 2);
        if (h >= 0 && h != k)
            return h;
    }
    if (c->ev[k].verb)
        return k;
    for (size_t q = c->ev[k].begin; q > tb && c->ev[k].begin - q < DT_ADJ; q--) {
        if (tok_break(art, q - 1))
            break;
        int v = event_covering(c, q - 1);
        if (v >= 0 && c->ev[v].verb)
            return v;
        if (v >= 0)
            break;
    }
    if (clause_between(c, art, c->ev[k].end, a)) {
        int h = event_head(c, art, k, tb);
        if (h >= 0)
            return h;
    }
    return k;
}

/* Forward in the clause; `cross` lets the search step over the break
 * right after the claim ("In 2009, Russia bought ..."). */
static int event_forward(const dt_ctx *c, const claims__article *art, size_t b, size_t te,
                         bool cross)
{
    size_t j = b;
    if (j + 1 < te && claims__tok_punct(art, j, ',')) {
        /* A participle right after the comma: "on Monday, signing ..." */
        int k = event_covering(c, j + 1);
        if (k >= 0 && c->ev[k].begin == j + 1)
            return k;
    }
    if (cross && j < te && tok_break(art, j) && !claims__tok_punct(art, j, '.'))
        j++;
    /* With no mention in reach (most claims), no token is read. */
    size_t reach = j + (cross ? DT_FWD : DT_FWD_NEAR);
    if (!mention_covers_in(c, j, reach < te ? reach : te))
        return -1;
    for (size_t lim = reach; j < te && j < lim; j++) {
        if (tok_break(art, j))
            return -1;
        int k = event_covering(c, j);
        if (k >= 0)
            return k;
    }
    return -1;
}

/* The key part of event k ("war", or a name "second lebanon war"). */
static const char *event_part(const dt_ctx *c, const claims__article *art, int k, char *buf)
{
    if (k < 0)
        return "-";
    const dt_event *ev = &c->ev[k];
    if (!ev->named) {
        size_t l = ev->vlen < DT_NAME_MAX ? ev->vlen : DT_NAME_MAX - 1;
        memcpy(buf, ev->value, l);
        if (ev->qual) {
            size_t ql = ev->qlen;
            if (l + 1 + ql < DT_NAME_MAX) {
                buf[l++] = ':';
                memcpy(buf + l, ev->qual, ql);
                l += ql;
            }
        }
        buf[l] = 0;
        return buf;
    }
    size_t n = 0;
    for (size_t j = ev->begin; j < ev->end; j++) {
        size_t l = claims__tok_len(&art->toks[j]);
        if (n + l + 2 > DT_NAME_MAX)
            break;
        if (n > 0 && tok_space(art, j))
            buf[n++] = ' ';
        const char *p = claims__tok_norm(art, j);
        for (size_t q = 0; q < l; q++)
            buf[n++] = p[q] == '/' ? ' ' : p[q];
    }
    if (n == 0) {
        size_t l = ev->vlen < DT_NAME_MAX ? ev->vlen : DT_NAME_MAX - 1;
        memcpy(buf, ev->value, l);
        n = l;
    }
    buf[n] = 0;
    return buf;
}

/* "The quake, in 2002, killed ...", "the summit - on Monday - ended":
 * a date set off by commas or dashes right after an event noun dates it. */
static int event_appositive(const dt_ctx *c, const claims__article *art, size_t a, size_t z,
                            size_t tb, size_t te)
{
    size_t p = a;
    if (p > tb && marker_at(c, art, p - 1, MK_PREP | MK_LINK))
        p--;
    if (p < tb + 2 || !(claims__tok_punct(art, p - 1, ',') || claims__tok_punct(art, p - 1, '-')) ||
        !tok_break(art, p - 1))
        return -1;
    if (z < te && !(claims__tok_punct(art, z, ',') || claims__tok_punct(art, z, '-') ||
                    claims__tok_punct(art, z, ')')))
        return -1;
    /* The noun phrase before the comma: "the blast at the refinery". */
    for (size_t j = p - 1; j > tb && p - 1 - j < DT_ADJ + 2; j--) {
        if (tok_break(art, j - 1))
            return -1;
        int k = event_covering(c, j - 1);
        if (k >= 0)
            return c->ev[k].verb ? -1 : k;
    }
    return -1;
}

/* ------------------------------------------------------------ claims */

typedef struct dt_claim {
    claims_kind kind;
    size_t begin, end;   /* tokens */
    const claims__date *d; /* NULL: not resolved */
    int prec;
    bool inferred;
    bool prenominal;     /* may modify the noun after it ("the 2008 war") */
    bool recent;         /* a weekday, relative day or date near the article's */
} dt_claim;

/* Notes what the year-named events need once the article is read: the
 * claims dated to "the 1999 quake", and the kinds of event dated
 * recently ("Monday's quake"). Bounded: what does not fit is not renamed. */
static void remember(dt_ctx *c, claims_claim *cl, int strong, int weak, const dt_claim *dc)
{
    const int ks[2] = {strong, weak};
    for (int w = 0; w < 2; w++) {
        if (ks[w] < 0)
            continue;
        const dt_event *ev = &c->ev[ks[w]];
        if (ev->named || ev->qual || ev->verb)
            continue;
        if (ev->year) {
            if (c->npend < DT_MAX_PENDING) {
                dt_pending *p = &c->pend[c->npend++];
                p->cl = cl;
                p->weak = w == 1;
                p->value = ev->value;
                p->vlen = ev->vlen;
                p->year = ev->year;
            }
            continue;
        }
        if (w != 0 || !dc->recent || dc->kind != CLAIMS_KIND_DATE)
            continue;
        int year = dc->d ? dc->d->year : 0;
        size_t q = 0;
        while (q < c->ncur &&
               !(c->cur[q].vlen == ev->vlen && memcmp(c->cur[q].value, ev->value, ev->vlen) == 0))
            q++;
        if (q < c->ncur) {
            if (!c->cur[q].year)
                c->cur[q].year = year;
        } else if (c->ncur < DT_MAX_CURRENT) {
            c->cur[q].value = ev->value;
            c->cur[q].vlen = ev->vlen;
            c->cur[q].year = year;
            c->ncur++;
        }
    }
}

/* "the 1999 quake" in an article that dates a recent quake (of another
 * year, or of a year unknown) is another quake: its claims key as
 * "quake:1999". */
static claims_status rename_year_named(dt_ctx *c)
{
    for (size_t i = 0; i < c->npend; i++) {
        const dt_pending *p = &c->pend[i];
        bool other = false;
        for (size_t q = 0; q < c->ncur && !other; q++)
            other = c->cur[q].vlen == p->vlen &&
                    memcmp(c->cur[q].value, p->value, p->vlen) == 0 &&
                    c->cur[q].year != p->year;
        if (!other)
            continue;
        char buf[DT_NAME_MAX];
        size_t l = p->vlen < DT_NAME_MAX - 6 ? p->vlen : DT_NAME_MAX - 6;
        memcpy(buf, p->value, l);
        buf[l++] = ':';
        claims__date yd = {p->year, 0, 0};
        char ys[11];
        size_t yl = claims__date_iso(&yd, CLAIMS__PREC_YEAR, ys);
        memcpy(buf + l, ys, yl + 1);
        l += yl;
        const char *kname = p->cl->kind == CLAIMS_KIND_YEAR ? "year" : "date";
        if (p->weak) {
            if (!(claims__draft(p->cl)->weak_key = claims__key(c->s, kname, buf, NULL, NULL)))
                return CLAIMS_ERR_NOMEM;
        } else if (!claims__claim_key(c->s, p->cl, buf, NULL, NULL)) {
            return CLAIMS_ERR_NOMEM;
        }
    }
    return CLAIMS_OK;
}

static claims_status add_claim(dt_ctx *c, const claims__article *art, size_t si,
                               const dt_claim *dc)
{
    const claims__sentence *sn = &art->sents[si];
    size_t tb = sn->tok_begin, te = sn->tok_end;
    load_events(c, art, si);
    int strong = -1;
    bool poss = dc->end < te && (art->toks[dc->end].flags & CLAIMS__TF_POSSESSIVE);
    if (poss) {
        /* "Monday's quake", "last year's election": the noun phrase it
         * determines, or nothing in particular. */
        strong = event_adjacent(c, art, dc->end, te, DT_ADJ);
    } else if (dc->prenominal) {
        strong = event_adjacent(c, art, dc->end, te, dc->kind == CLAIMS_KIND_YEAR ? DT_ADJ : 1);
        if (strong < 0)
            strong = event_back(c, art, dc->begin, tb);
        if (strong < 0)
            strong = event_forward(c, art, dc->end, te, false);
    } else {
        strong = event_appositive(c, art, dc->begin, dc->end, tb, te);
        if (strong < 0)
            strong = event_back(c, art, dc->begin, tb);
        if (strong < 0) {
            /* A clause opener: "In 2009, ...", "On Monday, ...". */
            size_t p = dc->begin > tb ? dc->begin - 1 : tb;
            bool opener = dc->begin == tb || p == tb || tok_break(art, p - 1);
            strong = event_forward(c, art, dc->end, te, opener);
        }
    }
    char sbuf[DT_NAME_MAX], wbuf[2][DT_NAME_MAX];
    const char *sp = event_part(c, art, strong, sbuf);
    /* The weak link: the nearest other event of the sentence. Its text
     * is kept (wp) from the test, not made again: each test writes the
     * buffer the best so far is not in (wi). */
    int weak = -1, wi = 0;
    const char *wp = NULL;
    size_t wdist = (size_t)-1;
    for (size_t k = 0; k < c->nev; k++) {
        if ((int)k == strong)
            continue;
        if (c->ev[k].begin < dc->end && c->ev[k].end > dc->begin)
            continue;
        size_t dist = c->ev[k].begin >= dc->end ? c->ev[k].begin - dc->end
                                                 : dc->begin - c->ev[k].end;
        if (dist < wdist) {
            const char *p = event_part(c, art, (int)k, wbuf[wi]);
            if (strcmp(p, sp) == 0)
                continue;
            wdist = dist;
            weak = (int)k;
            wp = p;
            wi ^= 1;
        }
    }
    const char *kname = dc->kind == CLAIMS_KIND_YEAR ? "year" : "date";
    claims_claim *cl = claims__claim_add_tok(c->s, c->ai, dc->kind, dc->begin, dc->end);
    if (!cl)
        return CLAIMS_ERR_NOMEM;
    if (!claims__claim_key(c->s, cl, sp, NULL, NULL))
        return CLAIMS_ERR_NOMEM;
    if (weak >= 0) {
        claims__draft(cl)->weak_key = claims__key(c->s, kname, wp, NULL, NULL);
        if (!cl->frame->weak_key)
            return CLAIMS_ERR_NOMEM;
    }
    if (sn->flags & CLAIMS__SF_TITLE)
        cl->flags |= CLAIMS__CF_TITLE;
    remember(c, cl, strong, weak, dc);
    cl->precision = (uint8_t)dc->prec;
    if (dc->kind == CLAIMS_KIND_YEAR) {
        cl->value = dc->d->year;
        cl->has_value = true;
        cl->precision = CLAIMS__PREC_YEAR;
    } else if (dc->d) {
        const claims__date *d = dc->d;
        if (!c->iso_sid || dc->prec != c->iso_prec || d->year != c->iso_date.year ||
            d->month != c->iso_date.month || d->day != c->iso_date.day) {
            char iso[11];
            size_t n = claims__date_iso(d, dc->prec, iso);
            /* one copy of each date in the story's table */
            claims__sid sid = n ? claims__intern(c->s, iso, n) : 0;
            if (n && !sid)
                return CLAIMS_ERR_NOMEM;
            c->iso_date = *d;
            c->iso_prec = dc->prec;
            c->iso_sid = sid;
        }
        if (c->iso_sid)
            cl->str_value = claims__str(c->s, c->iso_sid);
        if (dc->inferred)
            cl->flags |= CLAIMS__CF_INFERRED;
    }
    return CLAIMS_OK;
}

/* Is the token before `a` a word that makes the claim adverbial? */
static bool prep_before(const dt_ctx *c, const claims__article *art, size_t a, size_t tb)
{
    return a > tb && marker_at(c, art, a - 1, MK_PREP | MK_LINK);
}

/* A weekday resolved against the article's date. dir: 0 on or before,
 * -1 strictly before, +1 strictly after. */
static long resolve_weekday(long pub, int wd, int dir)
{
    int w = claims__date_weekday(pub);
    if (dir > 0) {
        int delta = (wd - w + 7) % 7;
        return pub + (delta ? delta : 7);
    }
    int delta = (w - wd + 7) % 7;
    if (dir < 0 && delta == 0)
        delta = 7;
    return pub - delta;
}

/* Is a future marker ("will", "is due") in the clause before token a? */
static bool future_before(const dt_ctx *c, const claims__article *art, size_t a, size_t tb)
{
    /* Most reaches hold no token a "future" time word may start: their
     * lexmasks or-ed say so, no break tested. */
    if (!(claims__lexmask_or(art->toks, a - tb > DT_BACK ? a - DT_BACK : tb, a) &
          CLAIMS__LEXMASK_FUTURE))
        return false;
    for (size_t j = a; j > tb && a - j < DT_BACK; j--) {
        if (tok_break(art, j - 1))
            return false;
        if (!(art->toks[j - 1].lexmask & CLAIMS__LEXMASK_FUTURE))
            continue; /* no "future" time word starts there */
        size_t n = 0;
        const claims__lex_entry *e =
            claims__lex_match(c->lx, CLAIMS__LEX_TIME_WORD, art, j - 1, a, &n);
        if (e && !e->has_num && e->code == CLAIMS__LV_FUTURE)
            return true;
    }
    return false;
}

/* Parses a relative_day value: days ("-1"), or "week:N", "month:N",
 * "year:N". Returns false for markers. */
static bool relative_value(const claims__lex_entry *e, char *unit, long *n)
{
    if (e->has_num) {
        *unit = 'd';
        *n = (long)e->num;
        return true;
    }
    const char *v = claims__lex_text(e);
    const char *colon = strchr(v, ':');
    if (!colon || (v[0] != 'w' && v[0] != 'm' && v[0] != 'y' && v[0] != 't'))
        return false;
    char u = v[0];
    /* "then_day:N", "then_year:N": from the date in force */
    if (u == 't') {
        if ((size_t)(colon - v) == 8 && memcmp(v, "then_day", 8) == 0)
            u = 'D';
        else if ((size_t)(colon - v) == 9 && memcmp(v, "then_year", 9) == 0)
            u = 'Y';
        else
            return false;
    }
    const char *p = colon + 1;
    bool neg = *p == '-';
    if (neg || *p == '+')
        p++;
    if (!claims__is_digit((unsigned char)*p))
        return false;
    long x = 0;
    while (claims__is_digit((unsigned char)*p) && x < 100000)
        x = x * 10 + (*p++ - '0');
    *unit = u;
    *n = neg ? -x : x;
    return true;
}

/* Resolves "the following day" ('D') or "that same year" ('Y') against the
 * date in force; false when there is none. */
static bool resolve_then(const dt_ctx *c, char unit, long n, claims__date *d, int *prec)
{
    long force_days = unit == 'D' && c->force_day
                          ? claims__date_to_days(c->force.year, c->force.month, c->force.day)
                          : 0;
    if (unit == 'D' && force_days) {
        *d = claims__days_to_date(force_days + n);
        *prec = CLAIMS__PREC_DAY;
        return true;
    }
    if (unit == 'Y' && c->force.year) {
        d->year = c->force.year + (int)n;
        d->month = d->day = 0;
        *prec = CLAIMS__PREC_YEAR;
        return true;
    }
    return false;
}

/* A date the text gave (not one resolved from it) puts itself in force. */
static void put_in_force(dt_ctx *c, const claims__date *d, int prec)
{
    if (!d || !d->year)
        return;
    c->force = *d;
    c->force_day = prec == CLAIMS__PREC_DAY;
}

/* Resolves a relative day against the article's date. */
static void resolve_relative(long pub, char unit, long n, claims__date *d, int *prec)
{
    /* the article's date as a date only for the units that read it */
    switch (unit) {
    case 'd':
        *d = claims__days_to_date(pub + n);
        *prec = CLAIMS__PREC_DAY;
        break;
    case 'w': {
        long monday = pub - (claims__date_weekday(pub) - 1) + 7 * n;
        claims__date a = claims__days_to_date(monday), b = claims__days_to_date(monday + 6);
        *d = a;
        if (a.year == b.year && a.month == b.month)
            *prec = CLAIMS__PREC_MONTH;
        else if (a.year == b.year)
            *prec = CLAIMS__PREC_YEAR;
        else
            *prec = CLAIMS__PREC_NONE;
        break;
    }
    case 'm': {
        claims__date p = claims__days_to_date(pub);
        long mi = (long)p.year * 12 + (p.month - 1) + n;
        d->year = (int)(mi / 12);
        d->month = (int)(mi % 12) + 1;
        d->day = 0;
        *prec = CLAIMS__PREC_MONTH;
        break;
    }
    default: {
        claims__date p = claims__days_to_date(pub);
        d->year = p.year + (int)n;
        d->month = d->day = 0;
        *prec = CLAIMS__PREC_YEAR;
        break;
    }
    }
}

static int prec_of_unit(char unit)
{
    return unit == 'd' || unit == 'D' ? CLAIMS__PREC_DAY
           : unit == 'm'               ? CLAIMS__PREC_MONTH
           : unit == 'y' || unit == 'Y' ? CLAIMS__PREC_YEAR
                                        : CLAIMS__PREC_NONE;
}

/* Is token i a four-digit number in a year context? */
static bool year_context(dt_ctx *c, const claims__article *art, size_t si, size_t i,
                         bool *prenominal)
{
    const claims__sentence *sn = &art->sents[si];
    size_t tb = sn->tok_begin, te = sn->tok_end;
    int y = year_at(art, i, te);
    if (!y)
        return false;
    size_t nx = i + 1;
    if (nx < te && !tok_space(art, nx) &&
        (claims__tok_punct(art, nx, '-') || claims__tok_punct(art, nx, '%') ||
         claims__tok_punct(art, nx, '/')))
        return false; /* "2008-09", "2009/10" */
    if (i > tb && art->toks[i - 1].cls == CLAIMS__TOK_PUNCT && !tok_space(art, i)) {
        size_t n = 0;
        if (claims__lex_match(c->lx, CLAIMS__LEX_CURRENCY, art, i - 1, i, &n) ||
            claims__tok_punct(art, i - 1, '-') || claims__tok_punct(art, i - 1, '#') ||
            claims__tok_punct(art, i - 1, '/') || claims__tok_punct(art, i - 1, '.'))
            return false; /* "$2009", "S-3000", "#1991", "05/2021" */
    }
    load_events(c, art, si);
    int ev = event_adjacent(c, art, nx, te, DT_ADJ);
    bool poss = nx < te && (art->toks[nx].flags & CLAIMS__TF_POSSESSIVE);
    if (ev < 0 && !poss && nx < te) {
        size_t n = 0;
        const claims__lex_entry *ce =
            claims__lex_match(c->lx, CLAIMS__LEX_CONCEPT, art, nx, te, &n);
        /* Concept values starting with '_' are word classes, not things. */
        if ((ce && claims__lex_text(ce)[0] != '_') ||
            claims__lex_match(c->lx, CLAIMS__LEX_UNIT, art, nx, te, &n) ||
            claims__lex_match(c->lx, CLAIMS__LEX_CURRENCY, art, nx, te, &n))
            return false; /* "in 2000 homes": a count */
    }
    bool prep = i > tb && marker_at(c, art, i - 1, MK_PREP);
    bool link = !prep && i > tb && marker_at(c, art, i - 1, MK_LINK);
    *prenominal = !prep && !link;
    if (ev >= 0 || poss)
        return true;
    if (link && nx < te && art->toks[nx].cls == CLAIMS__TOK_WORD &&
        !(art->toks[nx].flags & CLAIMS__TF_CAP) && !marker_at(c, art, nx, MK_PREP | MK_LINK))
        return false; /* "of 2000 people" */
    return (prep || link) && y >= 1800;
}

/* Bare month ("its August war", "in March"): not "May" the name, not
 * "March" the verb at a sentence's start. */
static bool bare_month(const dt_ctx *c, const claims__article *art, size_t i, size_t tb,
                       size_t te, int *mon, size_t *after)
{
    bool fz = false;
    int m = month_at(c, art, i, te, DT_MISSPELT_NO, after, &fz);
    if (!m || !tok_cap_word(art, i) || *after != i + 1)
        return false;
    bool prep = prep_before(c, art, i, tb);
    if (i == tb || (art->toks[i].flags & CLAIMS__TF_SENT_START))
        return false;
    if (claims__tok_len(&art->toks[i]) < 4 && !prep)
        return false;
    if (!prep && tok_cap_word(art, i - 1))
        return false; /* "Theresa May", "Ides of March" needs "of" */
    if (i + 1 < te && tok_cap_word(art, i + 1) && !prep)
        return false; /* part of a name */
    *mon = m;
    return true;
}

/* A relative day ("yesterday", "last year") resolved against the
 * article's date, or one of the date in force ("the following day"; *then
 * set): its precision, date and whether it was inferred, into dc and d.
 * False when the entry is a marker, no date. */
static bool relative_claim(const dt_ctx *c, const claims__lex_entry *e, dt_claim *dc,
                           claims__date *d, bool *then)
{
    char unit = 0;
    long off = 0;
    if (!relative_value(e, &unit, &off))
        return false;
    dc->prec = prec_of_unit(unit);
    dc->recent = unit == 'd' || unit == 'w';
    *then = unit == 'D' || unit == 'Y';
    int prec = CLAIMS__PREC_NONE;
    if (*then) {
        dc->recent = false;
        dc->inferred = resolve_then(c, unit, off, d, &prec);
        dc->prec = dc->inferred ? prec : dc->prec;
        dc->d = dc->inferred ? d : NULL;
    } else if (c->have_pub) {
        resolve_relative(c->pub_days, unit, off, d, &prec);
        dc->prec = prec;
        dc->d = prec ? d : NULL;
        dc->inferred = true;
    }
    return true;
}

/* The first token from i on (before te) that may start a claim of
 * scan_sentences (next_start): for every other token the tries of
 * scan_sentences would all fail. */
static inline size_t next_candidate(const dt_ctx *c, const claims__article *art, size_t i,
                                    size_t te)
{
    const uint32_t mon_wd = (1u << CLAIMS__LEX_MONTH) | (1u << CLAIMS__LEX_WEEKDAY);
    const unsigned rel = CLAIMS__LEX_RELATIVE_DAY;
    const claims__lex_tables *tab = c->lx->tables;
    for (;; i++) {
        i = next_start_rel(art, i, te, mon_wd | (1u << rel), tab, true);
        if (i >= te)
            return i;
        /* A word of no month or weekday ("the", "that", "a"), not
         * capitalized before a number, is only ever tried as a relative
         * day (scan_sentences' rel_only): the lexicon's inline filter of
         * that lookup rejects most of them here, before the tests of
         * scan_sentences. */
        const claims__token *t = &art->toks[i];
        if (t->cls == CLAIMS__TOK_NUMBER) {
            /* a number is tried as a date's start (may_start_date) and
             * as a year (year_context: four digits); most numbers are
             * neither ("15 people", "2.5"), and next_start_rel passed
             * those number_may_stop rejects */
            if (claims__tok_len(t) == 4 || (t->lexmask & (1u << rel)) ||
                number_may_start_date(art, i, te))
                return i;
            continue;
        }
        /* a capitalized word of no month or weekday before a number
         * starts a date only as a misspelt month, with a year within
         * five tokens (date_from); else it is tried as a relative day
         * alone, as a lower-case word is */
        if ((t->lexmask & mon_wd) || ((t->flags & CLAIMS__TF_CAP) && number_after(art, i, te) &&
                                      year_within(art, i + 1, i + 6, te)))
            return i;
        if (claims__lex_may_start(tab, rel, t, i + 1 < te))
            return i;
    }
}

/* The sentence of token i (a candidate of scan_sentences) and its tokens
 * [*tb, *te): the token's own, read without a branch (a search on from
 * the one before ran a count of sentences that varies). False when it is
 * a furniture sentence, or when i is in none (then *te is i + 1). */
static inline bool candidate_sentence(const claims__article *art, size_t i, size_t *si, size_t *tb,
                                      size_t *te)
{
    *si = art->pos[i].sentence;
    const claims__sentence *sn = *si < art->nsents ? &art->sents[*si] : NULL;
    if (!sn || i < sn->tok_begin || i >= sn->tok_end) {
        *te = i + 1;
        return false;
    }
    *tb = sn->tok_begin;
    *te = sn->tok_end;
    return !(sn->flags & CLAIMS__SF_FURNITURE);
}

/* Scans the article's sentences as one run of tokens, from the first's
 * first to the last's last: a scan a sentence cost more to set up and end
 * than its few candidates (most sentences have none), and so did a scan
 * a run of sentences not furniture, as the runs were found by a test of
 * every sentence. next_candidate reads the run's end, not its
 * candidate's sentence's, so it finds a few more (a capitalized word that
 * ends a sentence before a number, a word whose next token opens the next
 * sentence): every test below is of the candidate's sentence, and finds
 * nothing in those. A candidate in a furniture sentence skips the rest
 * of it, and one in no sentence is passed. */
static claims_status scan_sentences(dt_ctx *c, const claims__article *art)
{
    const size_t run_end = art->sents[art->nsents - 1].tok_end;
    size_t si, tb, te; /* the candidate's sentence and its tokens */
    for (size_t i = art->sents[0].tok_begin;; i++) {
        /* one call of next_candidate, inlined (each `continue` goes on
           from the token after i) */
        if ((i = next_candidate(c, art, i, run_end)) >= run_end)
            break;
        if (i >= c->skip_b && i < c->skip_e) {
            i = c->skip_e - 1;
            continue;
        }
        if (!candidate_sentence(art, i, &si, &tb, &te)) {
            i = te - 1; /* on past a furniture sentence, or a token in none */
            continue;
        }
        const claims__token *t = &art->toks[i];
        bool word = t->cls == CLAIMS__TOK_WORD;
        size_t n = 0;
        const claims__lex_entry *e = NULL;
        /* A word can start a date only as a month or a weekday of date_at,
         * weekday_at and bare_month, which ask a capitalized word with the
         * section's lexmask bit, or a capitalized word before a number (a
         * misspelt month), or a lower-case month with a number after it
         * (month_lower_at). Any other word ("the", "The", "a", "that",
         * "may", "yesterday"), most candidates, can only start a relative
         * day: the lookup first, and nothing else when it fails. */
        const uint32_t mon_wd = (1u << CLAIMS__LEX_MONTH) | (1u << CLAIMS__LEX_WEEKDAY);
        bool rel_only =
            word && ((t->flags & CLAIMS__TF_CAP)
                         ? !(t->lexmask & mon_wd) && !number_after(art, i, te)
                         : !((t->lexmask & (1u << CLAIMS__LEX_MONTH)) && number_after(art, i, te)));
        if (rel_only && !(e = claims__lex_match(c->lx, CLAIMS__LEX_RELATIVE_DAY, art, i, te, &n)))
            continue;
        dt_claim dc;
        memset(&dc, 0, sizeof dc);
        dc.kind = CLAIMS_KIND_DATE;
        dc.begin = i;
        dt_match m;
        claims__date d;
        size_t after = 0;
        int wd = 0, mon = 0;
        bool then = false; /* resolved from the date in force: leaves it */
        claims_status st;
        bool tried = !rel_only && may_start_date(art, i, te); /* then m.wd is read */
        if (tried && date_from(c, art, i, te, &m)) {
            if (m.ambiguous || body_dateline(art, &m, tb)) {
                i = m.end - 1; /* "05/06/2021" in a sentence: either order */
                continue;
            }
            dc.prenominal = !prep_before(c, art, i, tb);
            dc.end = m.end;
            dc.d = &m.d;
            dc.prec = m.prec;
            dc.recent = m.prec == CLAIMS__PREC_DAY && !m.d.year;
            if (m.prec == CLAIMS__PREC_DAY && !m.d.year && c->have_pub) {
                m.d.year = infer_year(c, m.d.month, m.d.day, future_before(c, art, i, tb));
                dc.inferred = m.d.year != 0;
            } else if (m.prec == CLAIMS__PREC_DAY && c->have_pub) {
                long dd = claims__date_to_days(m.d.year, m.d.month, m.d.day) - c->pub_days;
                dc.recent = dd >= -DT_NEAR_FUTURE && dd <= DT_NEAR_FUTURE;
            }
        } else if (!rel_only && word && (wd = tried ? m.wd : weekday_at(c, art, i, te, &after))) {
            after = tried ? m.wd_end : after;
            int dir = 0;
            if (i > tb && marker_at(c, art, i - 1, MK_LAST)) {
                dir = -1;
                dc.begin = i - 1;
            } else if (i > tb && marker_at(c, art, i - 1, MK_NEXT)) {
                dir = 1;
                dc.begin = i - 1;
            } else if (future_before(c, art, i, tb)) {
                dir = 1;
            }
            dc.prenominal = !prep_before(c, art, dc.begin, tb);
            dc.end = after;
            dc.prec = CLAIMS__PREC_DAY;
            dc.recent = true;
            if (c->have_pub) {
                d = claims__days_to_date(resolve_weekday(c->pub_days, wd, dir));
                dc.d = &d;
                dc.inferred = true;
            }
        } else if (rel_only ||
                   (e = claims__lex_match(c->lx, CLAIMS__LEX_RELATIVE_DAY, art, i, te, &n))) {
            if (!relative_claim(c, e, &dc, &d, &then))
                continue;
            dc.prenominal = !prep_before(c, art, i, tb);
            dc.end = i + n;
        } else if (word && bare_month(c, art, i, tb, te, &mon, &after)) {
            d.year = 0;
            d.month = mon;
            d.day = 0;
            dc.prenominal = !prep_before(c, art, i, tb);
            dc.end = after;
            dc.d = &d;
            dc.prec = CLAIMS__PREC_MONTH;
        } else if (t->cls == CLAIMS__TOK_NUMBER && year_context(c, art, si, i, &dc.prenominal)) {
            dc.kind = CLAIMS_KIND_YEAR;
            d.year = year_at(art, i, te);
            d.month = d.day = 0;
            dc.end = i + 1;
            dc.d = &d;
            dc.prec = CLAIMS__PREC_YEAR;
        } else {
            continue;
        }
        st = add_claim(c, art, si, &dc);
        if (st != CLAIMS_OK)
            return st;
        if (!then)
            put_in_force(c, dc.d, dc.prec);
        i = dc.end - 1;
    }
    return CLAIMS_OK;
}

claims_status claims__extract_time(claims_story *s, size_t ai)
{
    if (!s || ai >= s->narticles)
        return CLAIMS_ERR_INVALID_ARGUMENT;
    claims__article *art = &s->articles[ai];
    dt_ctx c;
    memset(&c, 0, offsetof(dt_ctx, ev));
    c.s = s;
    c.ai = ai;
    c.lx = s->lex;
    c.ev_sent = (size_t)-1;
    dt_months months;
    months.loaded = false;
    c.months = &months;
    dt_marks marks;
    memset(marks.tok, 0, sizeof marks.tok);
    c.marks = &marks;

    /* 1. The dateline: metadata, never a claim. */
    bool from_title = false;
    if (!art->published_given) {
        claims_status st = dateline_from_title(&c, art, &from_title);
        if (st != CLAIMS_OK)
            return st;
    }
    dt_match m;
    size_t skip[2];
    if (find_dateline(&c, art, &m, skip)) {
        c.skip_b = skip[0];
        c.skip_e = skip[1];
        if (!art->published_given && !from_title)
            set_published(art, &m.d);
    }
    if (art->published_given || art->published_iso[0]) {
        const claims__date *p = &art->published;
        if (p->year > 0 && p->month >= 1 && p->month <= 12 && p->day >= 1 && p->day <= 31) {
            c.have_pub = true;
            c.pub_days = claims__date_to_days(p->year, p->month, p->day);
        }
    }

    /* 2. Dates and years, in the sentences not furniture. */
    if (art->nsents) {
        claims_status st = scan_sentences(&c, art);
        if (st != CLAIMS_OK)
            return st;
    }
    return rename_year_named(&c);
}
