/* compare.c - claims grouped by slot into findings.
 *
 * Two passes, both near-linear in the number of claims:
 *  - values (count, money, percent, measure, year, date): entries (one per
 *    claim key, one more per weak key) are sorted by slot, then by value,
 *    so that each slot is a run and each distinct value a sub-run (a
 *    "class"). Classes of one slot are compared as intervals; a stated
 *    number covers the rounding of its last digit ("4.3 billion" is
 *    4.25..4.35 billion). The values one article gives in a slot are a
 *    set: a contradiction between two articles stands only when neither
 *    article also gives a value that fits the other's ("aged 19 and 22"
 *    in both beside 34 and 35), and two values within one article are at
 *    most a low-confidence finding (an update, or another of the things).
 *  - speech (quote, paraphrase): claims with the same speaker and words
 *    form a class; classes are paired only when they share a 3-word shingle
 *    (an inverted index, sorted), and each pair is aligned word by word.
 *    Two speaker names are one person when one is the other with a title
 *    or first name in front; only different surnames make an attribution
 *    conflict.
 * Findings are sorted at the end (type, key, first claim) so that output
 * never depends on the order of discovery. */
#include "compare/compare.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Confidence levels. Below 0.5 is "low". */
#define CONF_STRONG 0.9
#define CONF_COMPATIBLE 0.8
#define CONF_INFERRED 0.7
#define CONF_WILD_SPEAKER 0.6 /* also: agreement in a slot with an unknown part */
#define CONF_THING_UNKNOWN 0.55 /* contradiction: action known, thing not */
#define CONF_SAME_ARTICLE 0.4 /* two values in one article: maybe an update */
#define CONF_WEAK 0.3
/* Two measures written in different units meet within this share. */
#define CONVERSION_SLACK 0.05
/* The share of a value "about" covers on each side. */
#define APPROX_HEDGE 0.1
/* agreement of a claim that states more with one that states less */
#define CONF_BACKOFF 0.6
/* contradictions of a frame with an unknown part, by sentence evidence */
#define CONF_EVIDENCE_STRONG 0.8
#define CONF_EVIDENCE 0.6
/* a contradiction resting on a date resolved from an article's own date */
#define CONF_INFERRED_GUESS 0.5

/* A slot with more distinct values than this compares each value with the
 * most common one only, so that a slot never costs a square. */
enum { MAX_ALL_PAIRS = 64 };
/* A shingle shared by more classes than this pairs neighbours only. */
enum { MAX_POSTING_PAIRS = 8 };
/* Classes of one speaker paired all with all up to this many. */
enum { SPEAKER_PAIRS_ALL = 24 };
/* Weak contradictions: the claims of each side checked against each
 * other's articles up to this many pairs, none beyond. */
enum { MAX_WEAK_PAIRS = 4096 };
/* A running total grows in the days after an event: two reports further
 * apart than this that disagree on a count are a contradiction. */
enum { TALLY_DAYS = 14 };
/* An age one year more is an update only this many days later or more. */
enum { AGE_UPDATE_DAYS = 30 };
/* Two days of one event further apart than this are two events. */
enum { DAYS_NEAR = 10 };
/* A year this many years before its article's is of the past. */
enum { PAST_YEARS = 2 };
/* Claims named in a summary's article list before "+N more". */
enum { MAX_SUMMARY_ARTICLES = 4 };
/* Values of one article in one slot looked at when deciding whether the
 * article also holds a value that fits another article's. */
enum { MAX_ARTICLE_VALUES = 32 };

/* qsort, except that an empty or one-element array is left alone (qsort
 * must not be given a NULL base, even with no elements). */
static void sort_n(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* ----------------------------------------------------------- values */

enum { V_UNKNOWN = 0, V_RANGE = 1, V_YEARLESS = 2 };

typedef struct val {
    uint8_t type;
    bool lo_inf, hi_inf, lo_ex, hi_ex;
    uint8_t month, day; /* V_YEARLESS ("XXXX-08"); day 0 when unknown */
    double lo, hi;
    const char *unit; /* money and measure compare only in one unit */
    const char *written_unit; /* a measure's unit before to_base_unit */
    double written;   /* and its number as written (the middle of its span) */
    double tol;       /* a point value's rounding: half a unit of its last
                         stated digit; not part of the value's identity */
    double tol_up;    /* more of it above: a price in whole units may drop
                         its cents ("$99" for $99.99) */
} val;

/* Day numbers that keep order; not a calendar. */
static double day_no(int y, int m, int d)
{
    return (double)y * 400.0 + (double)m * 32.0 + (double)d;
}

/* "2010", "2010-09", "2010-09-06", "XXXX-08", "XXXX-08-06" (calendar.c)
 * as the span of ordering day numbers it covers, or a yearless month. */
static bool parse_iso(const char *s, val *v)
{
    claims__date d;
    bool yearless;
    if (claims__iso_parse(s, strlen(s), &d, &yearless) == CLAIMS__PREC_NONE)
        return false;
    int y = d.year, m = d.month;
    if (yearless) {
        if (!m)
            return false;
        v->type = V_YEARLESS;
        v->month = m;
        v->day = d.day;
        return true;
    }
    v->type = V_RANGE;
    v->lo = day_no(y, m ? m : 1, d.day ? d.day : 1);
    v->hi = day_no(y, m ? m : 12, d.day ? d.day : 31);
    return true;
}

/* The rounding a stated number covers: half a unit of its last digit,
 * scaled like the value ("$4.25 billion": 0.005 billion; "38": 0.5). Read
 * from the claim's own text: the first run of digits whose value, times a
 * power of ten, is the claim's value. 0 when the value was not written in
 * digits ("forty") or is not a power-of-ten multiple of them ("half"). */
static double rounding_of(const claims_claim *c)
{
    if (!claims__claim_base(c) || c->end <= c->start || c->value <= 0)
        return 0;
    const char *t = claims__claim_base(c) + c->start;
    size_t n = c->end - c->start;
    for (size_t i = 0; i < n;) {
        if (!claims__is_digit((unsigned char)t[i]) ||
            (i && claims__is_digit((unsigned char)t[i - 1]))) {
            i++;
            continue;
        }
        size_t j = i, decimals = 0;
        bool point = false;
        while (j < n) {
            unsigned char ch = (unsigned char)t[j];
            if (claims__is_digit(ch)) {
                decimals += point;
                j++;
            } else if ((ch == ',' || ch == '.') && j + 1 < n &&
                       claims__is_digit((unsigned char)t[j + 1]) && !(ch == '.' && point)) {
                if (ch == '.')
                    point = true;
                j++;
            } else {
                break;
            }
        }
        double d;
        if (claims__parse_decimal(t + i, j - i, &d) && d > 0 && decimals <= 9) {
            double div = 1;
            for (size_t k = 0; k < decimals; k++)
                div *= 10;
            for (double p = 1; p <= 1e15; p *= 10) {
                double want = d * p, diff = c->value - want;
                if (diff < 0)
                    diff = -diff;
                if (diff <= want * 1e-9)
                    return p / div / 2;
            }
        }
        i = j;
    }
    return 0;
}

/* False when the claim takes no part in value comparison. */
/* Scales a measure's value, bounds and rounding into the base unit of its
 * quantity ("200 ft" as 60.96 in metres), naming the quantity as its unit,
 * when the lexicon's [unit_scale] knows the unit. Months and years are no
 * fixed number of days and are left as they are. */
static void to_base_unit(const claims__lexicon *lx, const claims_claim *c, val *v)
{
    if (c->kind != CLAIMS_KIND_MEASURE || !c->frame->unit || !c->frame->quantity ||
        v->type != V_RANGE)
        return;
    const char *unit = claims__cstr(c, c->frame->unit);
    const claims__lex_entry *e =
        claims__lex_get(lx, CLAIMS__LEX_UNIT_SCALE, unit, strlen(unit));
    if (!e || !e->has_num || e->num <= 0)
        return;
    v->written = (v->lo + v->hi) / 2;
    v->lo *= e->num;
    v->hi *= e->num;
    v->tol *= e->num;
    v->unit = claims__cstr(c, c->frame->quantity);
    v->written_unit = unit;
}

static bool claim_val(const claims__lexicon *lx, const claims_claim *c, val *v)
{
    memset(v, 0, sizeof *v);
    switch (c->kind) {
    case CLAIMS_KIND_DATE:
        return c->str_value && parse_iso(c->str_value, v);
    case CLAIMS_KIND_YEAR:
        if (!c->has_value)
            return false;
        v->type = V_RANGE;
        v->lo = day_no((int)c->value, 1, 1);
        v->hi = day_no((int)c->value, 12, 31);
        return true;
    case CLAIMS_KIND_COUNT:
    case CLAIMS_KIND_MONEY:
    case CLAIMS_KIND_PERCENT:
    case CLAIMS_KIND_MEASURE:
        if (c->kind == CLAIMS_KIND_MONEY || c->kind == CLAIMS_KIND_MEASURE)
            v->unit = claims__cstr(c, c->frame->unit);
        if ((c->flags & CLAIMS__CF_APPROX) && c->has_value) {
            /* "about 50" is 50, hedged: it agrees with "50" and "some 50",
             * is compatible with what its hedge covers, and contradicts
             * what lies beyond it */
            v->type = V_RANGE;
            v->lo = v->hi = c->value;
            double hedge = c->value * APPROX_HEDGE;
            v->tol = rounding_of(c);
            if (v->tol < hedge)
                v->tol = hedge;
        } else if (c->frame->has_low || c->frame->has_high) {
            v->type = V_RANGE;
            v->lo_inf = !c->frame->has_low;
            v->hi_inf = !c->frame->has_high;
            v->lo = c->frame->has_low ? c->frame->low : 0;
            v->hi = c->frame->has_high ? c->frame->high : 0;
            v->lo_ex = c->frame->has_low && (c->flags & CLAIMS__CF_LOW_EXCL);
            v->hi_ex = c->frame->has_high && (c->flags & CLAIMS__CF_HIGH_EXCL);
        } else if (c->has_value) {
            v->type = V_RANGE;
            v->lo = v->hi = c->value;
            v->tol = rounding_of(c);
            if (c->kind == CLAIMS_KIND_MONEY && v->tol == 0.5)
                v->tol_up = 0.5;
        } else {
            v->type = V_UNKNOWN;
        }
        to_base_unit(lx, c, v);
        return true;
    default:
        return false;
    }
}

static int cmp_str0(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return strcmp(a, b);
}

#define CMP(x, y)                                                                          \
    do {                                                                                   \
        if ((x) != (y))                                                                    \
            return (x) < (y) ? -1 : 1;                                                     \
    } while (0)

static int val_cmp(const val *a, const val *b)
{
    CMP(a->type, b->type);
    CMP(a->lo_inf, b->lo_inf);
    if (!a->lo_inf)
        CMP(a->lo, b->lo);
    CMP(a->hi_inf, b->hi_inf);
    if (!a->hi_inf)
        CMP(a->hi, b->hi);
    CMP(a->lo_ex, b->lo_ex);
    CMP(a->hi_ex, b->hi_ex);
    CMP(a->month, b->month);
    CMP(a->day, b->day);
    return cmp_str0(a->unit, b->unit);
}

enum { REL_NONE = -1 };

static int month_of(double dn, int *y)
{
    int yy = (int)(dn / 400.0);
    if (dn < 0)
        yy--;
    *y = yy;
    return (int)((dn - (double)yy * 400.0) / 32.0);
}

/* A point value as the interval its rounding covers. The interval is
 * narrowed by a hair so that neighbours of one precision ("38" and "39",
 * "7.1" and "7.2") never touch through floating-point noise, while
 * values of different precision ("4.3" and "4.25") still overlap. */
static val widened(const val *in)
{
    val v = *in;
    if (v.type == V_RANGE && v.tol > 0 && !v.lo_inf && !v.hi_inf && v.lo == v.hi) {
        double t = v.tol * (1 - 1e-6);
        v.lo -= t;
        v.hi += t + v.tol_up * (1 - 1e-6);
    }
    return v;
}

/* The relation of two different values of one slot: contradiction,
 * compatible, or REL_NONE (not comparable). */
static int val_relation(const val *pa, const val *pb)
{
    val va = widened(pa), vb = widened(pb);
    /* "60 metres (200 feet)": a conversion rounds; units written
     * differently meet within a few percent */
    if (pa->written_unit && pb->written_unit && strcmp(pa->written_unit, pb->written_unit) != 0 &&
        !va.lo_inf && !va.hi_inf && !vb.lo_inf && !vb.hi_inf) {
        double ta = va.hi * CONVERSION_SLACK, tb = vb.hi * CONVERSION_SLACK;
        va.lo -= ta;
        va.hi += ta;
        vb.lo -= tb;
        vb.hi += tb;
    }
    const val *a = &va, *b = &vb;
    if (cmp_str0(a->unit, b->unit) != 0)
        return REL_NONE;
    if (a->type == V_UNKNOWN || b->type == V_UNKNOWN)
        return CLAIMS_FINDING_COMPATIBLE;
    if (a->type == V_YEARLESS && b->type == V_YEARLESS) {
        if (a->month != b->month || (a->day && b->day && a->day != b->day))
            return CLAIMS_FINDING_CONTRADICTION;
        return CLAIMS_FINDING_COMPATIBLE;
    }
    if (a->type == V_YEARLESS || b->type == V_YEARLESS) {
        const val *yl = a->type == V_YEARLESS ? a : b;
        const val *r = a->type == V_YEARLESS ? b : a;
        int y1, y2;
        int m1 = month_of(r->lo, &y1), m2 = month_of(r->hi, &y2);
        if (y1 != y2 || m1 != m2)
            return CLAIMS_FINDING_COMPATIBLE; /* a whole year: any month fits */
        if (m1 != yl->month)
            return CLAIMS_FINDING_CONTRADICTION;
        if (yl->day && r->lo == r->hi) {
            int d = (int)(r->lo - day_no(y1, m1, 0));
            if (d != yl->day)
                return CLAIMS_FINDING_CONTRADICTION;
        }
        return CLAIMS_FINDING_COMPATIBLE;
    }
    /* Two intervals: disjoint means they cannot both be true. */
    const val *lo = a, *hi = b; /* lo starts first */
    if (!a->lo_inf && (b->lo_inf || b->lo < a->lo)) {
        lo = b;
        hi = a;
    }
    if (lo->hi_inf || hi->lo_inf)
        return CLAIMS_FINDING_COMPATIBLE;
    if (lo->hi < hi->lo || (lo->hi == hi->lo && (lo->hi_ex || hi->lo_ex)))
        return CLAIMS_FINDING_CONTRADICTION;
    return CLAIMS_FINDING_COMPATIBLE;
}

/* ------------------------------------------------------------- context */

/* A slot's entries are all kept at once (the largest slot of the
 * synthetic 100k story holds 115k): 80 bytes each on a 64-bit machine. */
typedef struct entry {
    const claims_claim *c;
    uint32_t ci;     /* claim index */
    bool weak;
    bool backoff;    /* a claim that states more, filed under a slot that
                        leaves one of its parts unknown */
    bool kind;       /* a backoff to the thing's broader kind */
    uint8_t sub;     /* which of its claim's filings (file_claim) it is:
                        the key it is filed under is entry_key's */
    val v;
} entry;

/* An article holding a value class of the slot being compared. */
typedef struct artcls {
    uint32_t art, cls;
} artcls;

/* How much of a value slot's key is known. */
enum {
    SLOT_KNOWN = 0,         /* every part known */
    SLOT_THING_UNKNOWN = 1, /* "money/-/pay/USD": the action, not the thing */
    SLOT_VAGUE = 2          /* "count/drone/-", "percent/-": no contradictions */
};

typedef struct ctx {
    claims_story *s;
    claims__buf sum;    /* summary being built */
    uint32_t *tmp;      /* claim indexes of a finding being built */
    int level;          /* SLOT_* of the slot being compared */
    /* a slot whose frame leaves a part unknown: its claims contradict only
     * when their sentences tell the same thing (likeness.c) */
    bool need_evidence;
    bool bare_time;     /* a year or date slot of no known event */
    bool time_slot;     /* a year or date slot */
    const char *basis;  /* what made the next finding's claims comparable */
    bool backoff;       /* pairing claims that state more with a slot's own */
    double best_sim;    /* the best sentence likeness of the pair kept */
    claims__likeness *ev;
    size_t ntmp, captmp;
    claims__wordpair wp; /* words of the speech pair being compared */
    /* the slot being compared: each strong class's value (with the widest
     * rounding of its members) and which articles hold which classes */
    val *cv;
    size_t cvcap;
    artcls *ac;
    size_t nac, accap;
} ctx;

static const char *entry_key(const ctx *x, const entry *e);

/* ------------------------------------------------------------ findings */

static bool tmp_push(ctx *x, uint32_t ci)
{
    if (!claims__grow(&x->s->alloc, (void **)&x->tmp, &x->captmp, x->ntmp + 1,
                      sizeof *x->tmp))
        return false;
    x->tmp[x->ntmp++] = ci;
    return true;
}

static int cmp_u32(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

static const claims_claim *claim_at(const ctx *x, uint32_t ci)
{
    return x->s->claims[ci];
}

/* Adds a finding over the claims in x->tmp (sorted and deduplicated here)
 * with the summary in x->sum. */
static claims_status emit(ctx *x, claims_finding_type type, const char *key, double conf,
                          const char *diff)
{
    sort_n(x->tmp, x->ntmp, sizeof *x->tmp, cmp_u32);
    size_t n = 0;
    for (size_t i = 0; i < x->ntmp; i++)
        if (!n || x->tmp[n - 1] != x->tmp[i])
            x->tmp[n++] = x->tmp[i];
    x->ntmp = n;
    if (x->sum.failed)
        return CLAIMS_ERR_NOMEM;
    char *summary = claims__story_strndup(x->s, x->sum.data ? x->sum.data : "", x->sum.len);
    if (!summary)
        return CLAIMS_ERR_NOMEM;
    claims_finding *f = claims__finding_add(x->s, type, key, conf, x->tmp, x->ntmp);
    if (!f)
        return CLAIMS_ERR_NOMEM;
    f->summary = summary;
    f->diff = diff;
    f->basis = x->basis ? x->basis : "the same slot";
    x->basis = NULL;
    return CLAIMS_OK;
}

/* ------------------------------------------------------------ summaries */

/* An amount of money: "$270 million", "1.5 billion ILS", "250,000 GBP".
 * Dollars take the sign people read; other currencies their ISO code. */
static void put_money(claims__buf *b, double v, const char *unit)
{
    bool usd = unit && strcmp(unit, "USD") == 0;
    if (v < 0) {
        claims__buf_putc(b, '-');
        v = -v;
    }
    if (usd)
        claims__buf_putc(b, '$');
    if (v >= 1e12) {
        claims__buf_put_num(b, v / 1e12);
        claims__buf_puts(b, " trillion");
    } else if (v >= 1e9) {
        claims__buf_put_num(b, v / 1e9);
        claims__buf_puts(b, " billion");
    } else if (v >= 1e6) {
        claims__buf_put_num(b, v / 1e6);
        claims__buf_puts(b, " million");
    } else if (v >= 1e4 && v == (double)(long long)v) {
        /* thousands grouped: 250,000 */
        char dig[24];
        size_t n = 0;
        for (long long k = (long long)v; k > 0 && n < sizeof dig; k /= 10)
            dig[n++] = (char)('0' + k % 10);
        while (n--) {
            claims__buf_putc(b, dig[n]);
            if (n && n % 3 == 0)
                claims__buf_putc(b, ',');
        }
    } else {
        claims__buf_put_num(b, v);
    }
    if (!usd && unit) {
        claims__buf_putc(b, ' ');
        claims__buf_puts(b, unit);
    }
}

static void put_num(claims__buf *b, const claims_claim *c, double v)
{
    if (c->kind == CLAIMS_KIND_MONEY)
        put_money(b, v, claims__cstr(c, c->frame->unit));
    else
        claims__buf_put_num(b, v);
}

/* Up to `max` words of normalized quote text, in double quotes. */
static void put_words(claims__buf *b, const char *s, size_t max)
{
    size_t words = 0, i = 0;
    claims__buf_putc(b, '"');
    while (s[i]) {
        if (s[i] == ' ' && ++words == max) {
            claims__buf_puts(b, "...");
            break;
        }
        claims__buf_putc(b, s[i]);
        i++;
    }
    claims__buf_putc(b, '"');
}

/* A date for people: ISO when the year is known ("2010-09-06"); a month
 * without a year by its name from the lexicon ("XXXX-08" -> "August",
 * "XXXX-08-06" -> "August 6"). */
static void put_date(const ctx *x, claims__buf *b, const char *iso)
{
    val v;
    memset(&v, 0, sizeof v);
    if (!parse_iso(iso, &v) || v.type != V_YEARLESS) {
        claims__buf_puts(b, iso);
        return;
    }
    char key[24] = "name of month ";
    size_t n = strlen(key);
    if (v.month >= 10)
        key[n++] = '1';
    key[n++] = (char)('0' + v.month % 10);
    const claims__lex_entry *e = claims__lex_get(x->s->lex, CLAIMS__LEX_MONTH, key, n);
    if (!e || e->has_num || !claims__lex_text(e)[0]) {
        claims__buf_puts(b, iso);
        return;
    }
    claims__buf_putc(b, (char)(claims__is_lower((unsigned char)claims__lex_text(e)[0])
                                   ? claims__lex_text(e)[0] - 32
                                   : claims__lex_text(e)[0]));
    claims__buf_puts(b, claims__lex_text(e) + 1);
    if (v.day) {
        claims__buf_putc(b, ' ');
        claims__buf_put_int(b, v.day);
    }
}

/* How a claim's value reads in a summary (into x->sum). */
static void put_value(ctx *x, const claims_claim *c)
{
    claims__buf *b = &x->sum;
    switch (c->kind) {
    case CLAIMS_KIND_QUOTE:
    case CLAIMS_KIND_PARAPHRASE:
        put_words(b, c->str_value ? c->str_value : "", 8);
        return;
    case CLAIMS_KIND_DATE:
        if (c->str_value)
            put_date(x, b, c->str_value);
        else
            claims__buf_putc(b, '?');
        return;
    default:
        break;
    }
    if ((c->flags & CLAIMS__CF_APPROX) && c->has_value) {
        claims__buf_puts(b, "about ");
        put_num(b, c, c->value);
    } else if (c->frame->has_low || c->frame->has_high) {
        if (c->frame->has_low && c->frame->has_high) {
            put_num(b, c, c->frame->low);
            claims__buf_puts(b, "..");
            put_num(b, c, c->frame->high);
        } else if (c->frame->has_low) {
            claims__buf_puts(b, (c->flags & CLAIMS__CF_LOW_EXCL) ? ">" : ">=");
            put_num(b, c, c->frame->low);
        } else {
            claims__buf_puts(b, (c->flags & CLAIMS__CF_HIGH_EXCL) ? "<" : "<=");
            put_num(b, c, c->frame->high);
        }
    } else if (c->has_value) {
        put_num(b, c, c->value);
    } else {
        /* No value: the words themselves ("an unspecified number"). */
        claims__buf_putc(b, '"');
        const char *t = claims__claim_base(c) + c->start;
        size_t n = c->end - c->start;
        /* at most 60 bytes, never cutting a UTF-8 sequence */
        for (size_t i = 0; i < n && (i < 60 || ((unsigned char)t[i] & 0xC0) == 0x80); i++)
            claims__buf_putc(b, claims__is_space((unsigned char)t[i]) ? ' ' : t[i]);
        claims__buf_putc(b, '"');
        return;
    }
    if (c->kind == CLAIMS_KIND_PERCENT)
        claims__buf_putc(b, '%');
    else if (c->frame->unit && c->kind != CLAIMS_KIND_MONEY) {
        claims__buf_putc(b, ' ');
        claims__buf_puts(b, claims__cstr(c, c->frame->unit));
    }
}

/* True when the articles of the claims in x->tmp carry at least two
 * different known publication dates. */
static bool dates_differ(const ctx *x)
{
    const char *first = NULL;
    for (size_t i = 0; i < x->ntmp; i++) {
        const claims__article *a = &x->s->articles[claim_at(x, x->tmp[i])->article];
        if (!a->published_iso[0])
            continue;
        if (!first)
            first = a->published_iso;
        else if (strcmp(first, a->published_iso) != 0)
            return true;
    }
    return false;
}

/* "(a0, a1)" for the distinct articles of claims list[0..n), skipping the
 * articles in `skip_article` when it is not UINT32_MAX. */
static void put_articles(ctx *x, const uint32_t *list, size_t n, uint32_t skip_article,
                         bool with_dates)
{
    claims__buf *b = &x->sum;
    size_t shown = 0, more = 0;
    uint32_t last = UINT32_MAX;
    claims__buf_putc(b, '(');
    for (size_t i = 0; i < n; i++) {
        uint32_t ai = claim_at(x, list[i])->article;
        if (ai == last || ai == skip_article)
            continue;
        last = ai;
        if (shown == MAX_SUMMARY_ARTICLES) {
            more++;
            continue;
        }
        const claims__article *a = &x->s->articles[ai];
        if (shown++)
            claims__buf_puts(b, "; ");
        claims__buf_puts(b, a->id);
        if (with_dates) {
            claims__buf_puts(b, ", ");
            claims__buf_puts(b, a->published_iso[0] ? a->published_iso : "undated");
        }
    }
    if (more) {
        claims__buf_puts(b, "; +");
        claims__buf_put_int(b, (long long)more);
        claims__buf_puts(b, " more");
    }
    claims__buf_putc(b, ')');
}

/* Writes "<A> (<arts>) <verb> <B> (<arts>)<tail>" into x->sum. For an
 * agreement B is the same class as A, split by article. */
static void summary_two(ctx *x, const claims_claim *ca, const uint32_t *la, size_t na,
                        const char *verb, const claims_claim *cb, const uint32_t *lb,
                        size_t nb, const char *key, bool weak, bool dates)
{
    claims__buf *b = &x->sum;
    b->len = 0;
    b->failed = false;
    put_value(x, ca);
    claims__buf_putc(b, ' ');
    if (la == lb) {
        /* agreement within one class: first article against the others */
        uint32_t first = ca->article;
        uint32_t one[1] = {la[0]};
        put_articles(x, one, 1, UINT32_MAX, dates);
        claims__buf_putc(b, ' ');
        claims__buf_puts(b, verb);
        claims__buf_putc(b, ' ');
        if (ca->kind == CLAIMS_KIND_QUOTE || ca->kind == CLAIMS_KIND_PARAPHRASE) {
            claims__buf_puts(b, "the same words");
        } else {
            /* as the other side wrote it ("50" against "about 50") */
            const claims_claim *other = ca;
            for (size_t i = 0; i < na && other == ca; i++)
                if (claim_at(x, la[i])->article != first)
                    other = claim_at(x, la[i]);
            put_value(x, other);
        }
        claims__buf_putc(b, ' ');
        put_articles(x, la, na, first, dates);
        claims__buf_puts(b, ": ");
        claims__buf_puts(b, key);
    } else {
        put_articles(x, la, na, UINT32_MAX, dates);
        claims__buf_putc(b, ' ');
        claims__buf_puts(b, verb);
        claims__buf_putc(b, ' ');
        put_value(x, cb);
        claims__buf_putc(b, ' ');
        put_articles(x, lb, nb, UINT32_MAX, dates);
        claims__buf_puts(b, " for ");
        claims__buf_puts(b, key);
    }
    if (weak)
        claims__buf_puts(b, " (weak link)");
}

/* ------------------------------------------------------------ value slots */

/* The slot family: years and dates of one event meet ("year/war" and
 * "date/war"). Both prefixes are 5 bytes, like "time/". */
static bool time_family(const char *k)
{
    /* the first byte first: slot_cmp asks on every comparison of a sort */
    return (k[0] == 'y' && strncmp(k, "year/", 5) == 0) ||
           (k[0] == 'd' && k[1] == 'a' && strncmp(k, "date/", 5) == 0);
}

static bool is_time(const claims_claim *c)
{
    return c->kind == CLAIMS_KIND_YEAR || c->kind == CLAIMS_KIND_DATE;
}

/* How much of a claim's frame is known. A frame with an unknown part
 * ("year/-", "count/drone/-", "percent/-") may stand for different
 * things, so its differences need evidence; except that a count or an
 * amount of money whose action is known but not its thing ("money/-/pay/
 * USD"), or an amount of a named thing in a named currency ("a $4.25
 * billion settlement"), names one deal closely enough to contradict, with
 * less confidence. A count of a thing with no action ("24 drones" and
 * "six drones") more often counts different groups. */
static int slot_level(const claims_claim *c)
{
    const claims__frame *f = c->frame;
    switch (c->kind) {
    case CLAIMS_KIND_COUNT:
        return f->thing && f->action ? SLOT_KNOWN : !f->thing && f->action ? SLOT_THING_UNKNOWN
                                                                          : SLOT_VAGUE;
    case CLAIMS_KIND_MONEY:
        if (f->thing && f->action)
            return SLOT_KNOWN;
        return (f->thing || f->action) && c->frame->unit ? SLOT_THING_UNKNOWN : SLOT_VAGUE;
    case CLAIMS_KIND_PERCENT:
        return f->thing ? SLOT_KNOWN : SLOT_VAGUE;
    case CLAIMS_KIND_MEASURE:
        return f->quantity && f->thing ? SLOT_KNOWN : SLOT_VAGUE;
    case CLAIMS_KIND_YEAR:
    case CLAIMS_KIND_DATE:
        return f->what ? SLOT_KNOWN : SLOT_VAGUE;
    default:
        return SLOT_VAGUE;
    }
}

static int slot_cmp(const char *a, const char *b)
{
    bool ta = time_family(a), tb = time_family(b);
    if (ta == tb) { /* both read from their sixth byte, or neither renamed */
        int c = ta ? strcmp(a + 5, b + 5) : strcmp(a, b);
        return (c > 0) - (c < 0);
    }
    for (size_t i = 0;; i++) {
        unsigned char ca = (unsigned char)((ta && i < 5) ? "time/"[i] : a[i]);
        unsigned char cb = (unsigned char)((tb && i < 5) ? "time/"[i] : b[i]);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
    }
}

/* The frame beyond the key that makes a slot: a part of a total ("two
 * more", "one of them") is never set against a total. The event, scope and
 * holder are weaker: a figure stated with them may agree with the same
 * figure stated without, but contradicts only a figure of the same event,
 * scope and holder (same_frame). A figure with no time of its own counts
 * as the story's event there. */
static uint8_t frame_order(const claims_claim *c)
{
    return c->frame->part;
}

static size_t without_possessive(const char *t, size_t n)
{
    if (n > 2 && t[n - 2] == '\'' && t[n - 1] == 's')
        return n - 2;
    if (n > 4 && memcmp(t + n - 4, "\xe2\x80\x99s", 4) == 0)
        return n - 4;
    return n;
}

/* The same relative words ("Friday", "today") resolved against two
 * articles' own dates: each article's day, not two accounts of one. */
static bool same_relative_words(const claims_claim *a, const claims_claim *b)
{
    if (!(a->flags & CLAIMS__CF_INFERRED) || !(b->flags & CLAIMS__CF_INFERRED) ||
        a->article == b->article)
        return false;
    size_t na = a->end - a->start, nb = b->end - b->start;
    const char *ta = claims__claim_base(a) + a->start;
    const char *tb = claims__claim_base(b) + b->start;
    /* "Friday's" and "Friday" (a straight or a curly apostrophe) */
    na = without_possessive(ta, na);
    nb = without_possessive(tb, nb);
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (claims__to_lower((unsigned char)ta[i]) != claims__to_lower((unsigned char)tb[i]))
            return false;
    return true;
}

/* Two holders name one person or thing: the same last word ("doug
 * mcdermott" and "mcdermott"). */
static bool same_holder(const char *a, const char *b)
{
    const char *la = strrchr(a, ' '), *lb = strrchr(b, ' ');
    return strcmp(la ? la + 1 : a, lb ? lb + 1 : b) == 0;
}

/* A figure that may agree but contradicts nothing: said as a possibility
 * ("might have been two"), a poll's share (one measurement of many), or a
 * size that names its product ("the 13-inch model"). */
static bool contradicts_nothing(const claims_claim *c)
{
    return c->frame->hedged || c->frame->sampled || (c->flags & CLAIMS__CF_NAMING);
}

static bool same_frame(const claims_claim *a, const claims_claim *b)
{
    if (same_relative_words(a, b) || contradicts_nothing(a) || contradicts_nothing(b))
        return false;
    /* a holder left unsaid may be the one the other names */
    return a->frame->event_id == b->frame->event_id &&
           a->frame->scope == b->frame->scope && /* one story's ids: equal strings */
           (!a->frame->holder || !b->frame->holder ||
            same_holder(claims__cstr(a, a->frame->holder), claims__cstr(b, b->frame->holder)));
}

/* A date that only says when something was said ("officials said on
 * Monday", "told reporters Friday"): the report's day, not the event's. */
static bool reporting_date(const claims_claim *c)
{
    static const char *const verbs[] = {"said", "says", "told", "added", "reported", "stated",
                                        "confirmed", "tweeted", "wrote"};
    const char *t = claims__claim_base(c);
    size_t i = c->start;
    /* back over spaces, then an optional "on", then spaces */
    while (i > c->sent_start && t[i - 1] == ' ')
        i--;
    if (i >= c->sent_start + 2 && claims__to_lower((unsigned char)t[i - 2]) == 'o' &&
        claims__to_lower((unsigned char)t[i - 1]) == 'n' &&
        (i - 2 == c->sent_start || t[i - 3] == ' ')) {
        i -= 2;
        while (i > c->sent_start && t[i - 1] == ' ')
            i--;
    }
    /* "told reporters on Monday": one object word between */
    for (int words = 0; words < 2; words++) {
        size_t e = i;
        while (i > c->sent_start && claims__is_alpha((unsigned char)t[i - 1]))
            i--;
        for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
            size_t n = strlen(verbs[k]);
            if (e - i != n)
                continue;
            size_t m = 0;
            while (m < n && claims__to_lower((unsigned char)t[i + m]) == verbs[k][m])
                m++;
            if (m == n)
                return true;
        }
        while (i > c->sent_start && t[i - 1] == ' ')
            i--;
    }
    return false;
}

/* Two times both resolved from their articles' own dates ("Wednesday",
 * "Saturday") in two articles: guesses on both sides, so they differ only
 * when their sentences tell the same thing. A year resolved from "last
 * year" dates no bare event at all. */
/* A year of the past: years before its article's own year
 * (PAST_YEARS or more). A life holds many charges, verdicts, quakes of
 * years gone by ("charged with theft in 2004", "charged with assault in
 * 2005"); two outlets naming two of them are no contradiction unless they
 * tell the same one. A qualified event ("the previous quake") is one. */
static bool past_year(const ctx *x, const claims_claim *c)
{
    /* "the previous quake" (what: quake:previous) names the one before */
    const char *q = c->frame->what ? strchr(claims__cstr(c, c->frame->what), ':') : NULL;
    if (c->kind != CLAIMS_KIND_YEAR || !c->has_value || q)
        return false;
    const claims__date *p = &x->s->articles[c->article].published;
    return p->year > 0 && c->value <= p->year - PAST_YEARS;
}

static bool guess_needs_evidence(const ctx *x, const claims_claim *a, const claims_claim *b)
{
    return ((a->flags & CLAIMS__CF_INFERRED) && (b->flags & CLAIMS__CF_INFERRED)) ||
           past_year(x, a) || past_year(x, b);
}

/* A quote of one named speaker retold: this many words in common, and
 * this share of the shorter quote. */
enum { VARIANT_RETOLD_WORDS = 6 };
#define VARIANT_RETOLD_SHARE 0.55
/* Figures that only their subject ties together this close (a share of
 * the larger): a slip, not two moments of a running total. */
#define SUBJECT_NEAR 0.1
/* Figures of a frame with an unknown part this close (a share of the
 * larger) may be one figure misreported. */
#define VALUE_NEAR 0.25
/* Sentences at least this alike tell the same thing. */
#define EVIDENCE_MIN 0.6
#define EVIDENCE_STRONG 0.75
/* Sentences at least this alike tell the same event of the past. */
#define EVIDENCE_PAST 0.4
/* What made an evidence contradiction, in words (compared by address). */
static const char BASIS_EVIDENCE_STRONG[] =
    "a part of the frame unknown; the sentences tell it in nearly the same words";
static const char BASIS_EVIDENCE[] = "a part of the frame unknown; the sentences tell it in similar words";
/* Neighbours of a finding looked at for one that outtells it. */
enum { OUTTOLD_RUN = 64 };

/* A holder that names the one thing a figure is about: a product
 * specification ("13-inch") or the subject of its clause ("McDermott has
 * ..."); one such holder on both sides is evidence of one thing. */
static bool naming_holder(const claims_claim *c)
{
    return c->frame->holder && (c->frame->holder_kind == CLAIMS__HOLDER_SPEC ||
                                c->frame->holder_kind == CLAIMS__HOLDER_SUBJECT);
}

/* Two stated values within a tenth of the larger. */
static bool close_values(const claims_claim *a, const claims_claim *b)
{
    if (!a->has_value || !b->has_value)
        return false;
    double x = a->value, y = b->value;
    double big = x > y ? x : y, diff = x > y ? x - y : y - x;
    return big > 0 && diff <= big * SUBJECT_NEAR;
}

static bool plain_frame(const claims_claim *c)
{
    return c->frame->event_id <= 1 && !c->frame->scope && !c->frame->holder &&
           !contradicts_nothing(c);
}

typedef struct vclass {
    size_t begin, end; /* entries */
} vclass;

static bool inferred_in(const ctx *x, const uint32_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (claim_at(x, list[i])->flags & CLAIMS__CF_INFERRED)
            return true;
    return false;
}

/* Is the pair (w weak here in slot `slot`, y strong here) also met the
 * other way round, y weakly in w's own slot? Then only one of the two
 * slots reports it: the one that sorts last. */
static bool mirrored(const claims_claim *w, const claims_claim *y, const char *slot)
{
    return y->frame->weak_key &&
           slot_cmp(claims__cstr(y, y->frame->weak_key), w->frame->key) == 0 &&
           slot_cmp(slot, w->frame->key) < 0;
}

/* Whether the word [b, e) of t is one of the span words. */
static bool span_word(const char *t, size_t b, size_t e)
{
    static const char *const words[] = {"to", "through", "until", "till", "and"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]), m = 0;
        while (m < n && b + m < e && claims__to_lower((unsigned char)t[b + m]) == words[k][m])
            m++;
        if (m == n && e - b == n)
            return true;
    }
    return false;
}

static bool four_digits(const char *t, size_t b, size_t e)
{
    if (e - b != 4)
        return false;
    for (size_t i = b; i < e; i++)
        if (!claims__is_digit((unsigned char)t[i]))
            return false;
    return true;
}

/* A year that bounds a span ("from 1990 to 1991", "between 2004 and 2006",
 * "1990-91"): a stretch of time holding many events, not the year of one,
 * so it contradicts no other year. */
static bool year_span(const claims_claim *c)
{
    if (c->kind != CLAIMS_KIND_YEAR || !claims__claim_base(c))
        return false;
    const char *t = claims__claim_base(c);
    size_t lo = c->sent_start, hi = c->sent_end;
    /* after: [spaces] word [spaces] 4 digits, or "-" digit */
    size_t i = c->end;
    if (i + 1 < hi && t[i] == '-' && claims__is_digit((unsigned char)t[i + 1]))
        return true;
    while (i < hi && t[i] == ' ')
        i++;
    size_t wb = i;
    while (i < hi && claims__is_alpha((unsigned char)t[i]))
        i++;
    size_t we = i;
    while (i < hi && t[i] == ' ')
        i++;
    size_t db = i;
    while (i < hi && claims__is_digit((unsigned char)t[i]))
        i++;
    if (span_word(t, wb, we) && four_digits(t, db, i))
        return true;
    /* before: 4 digits [spaces] word [spaces], or digit "-" */
    i = c->start;
    if (i >= lo + 2 && t[i - 1] == '-' && claims__is_digit((unsigned char)t[i - 2]))
        return true;
    while (i > lo && t[i - 1] == ' ')
        i--;
    we = i;
    while (i > lo && claims__is_alpha((unsigned char)t[i - 1]))
        i--;
    wb = i;
    while (i > lo && t[i - 1] == ' ')
        i--;
    size_t de = i;
    while (i > lo && claims__is_digit((unsigned char)t[i - 1]))
        i--;
    return span_word(t, wb, we) && four_digits(t, i, de);
}

/* Does the sentence of claim c also hold a claim of x->tmp[lo, hi) (the
 * other side's value)? Then its article tells both times as two events
 * ("recovered on Sunday after attempts on Saturday failed"). */
static bool sentence_holds(const ctx *x, size_t lo, size_t hi, const claims_claim *c)
{
    for (size_t k = lo; k < hi; k++) {
        const claims_claim *o = claim_at(x, x->tmp[k]);
        if (o->article == c->article && o->sent_start == c->sent_start)
            return true;
    }
    return false;
}

/* Keeps in x->tmp (side a: [0, *a_n), side b: the rest) the claims that
 * meet a claim of the other side with the same event, scope and holder. False
 * when a side is left empty, or the sides are too large to pair. */
static bool keep_same_frame(ctx *x, size_t *a_n)
{
    size_t na = *a_n, nb = x->ntmp - na;
    if (na * nb > MAX_WEAK_PAIRS)
        return false;
    bool any_frame = false;
    for (size_t k = 0; k < x->ntmp && !any_frame; k++) {
        const claims_claim *c = claim_at(x, x->tmp[k]);
        any_frame = !plain_frame(c) || (c->flags & CLAIMS__CF_INFERRED) || past_year(x, c) ||
                    (x->time_slot && year_span(c));
    }
    x->best_sim = 0;
    if (!any_frame && !x->need_evidence)
        return true;
    size_t keep = 0, keep_a = 0;
    for (size_t i = 0; i < x->ntmp; i++) {
        bool side_a = i < na;
        size_t lo = side_a ? na : 0, hi = side_a ? x->ntmp : na;
        bool met = false;
        for (size_t j = lo; j < hi && (!met || x->need_evidence); j++) {
            const claims_claim *ci = claim_at(x, x->tmp[i]), *cj = claim_at(x, x->tmp[j]);
            if (ci->article == cj->article || !same_frame(ci, cj) ||
                (x->bare_time && (sentence_holds(x, side_a ? na : 0, side_a ? x->ntmp : na, ci) ||
                                  sentence_holds(x, side_a ? 0 : na, side_a ? na : x->ntmp, cj))))
                continue;
            /* a bare time: not a year from "last year", not the day
             * something was said, not a plan ("will play on Saturday") */
            if (x->bare_time && ((ci->flags & CLAIMS__CF_INFERRED && ci->precision == CLAIMS__PREC_YEAR) ||
                                 (cj->flags & CLAIMS__CF_INFERRED && cj->precision == CLAIMS__PREC_YEAR) ||
                                 reporting_date(ci) || reporting_date(cj)))
                continue;
            if (x->time_slot && (year_span(ci) || year_span(cj)))
                continue;
            if (x->need_evidence || guess_needs_evidence(x, ci, cj)) {
                double sim = claims__likeness_of(x->ev, ci, cj);
                /* one product specification ("the 13-inch model") or one
                 * subject on both sides is evidence that they speak of one
                 * thing: strong for a specification, enough for a subject */
                if (naming_holder(ci) && naming_holder(cj)) {
                    bool spec = ci->frame->holder_kind == CLAIMS__HOLDER_SPEC &&
                                cj->frame->holder_kind == CLAIMS__HOLDER_SPEC;
                    /* a subject alone: only a slip of a few percent ("105
                     * games" and "106"), not two moments of a total */
                    double h = spec ? EVIDENCE_STRONG
                               : close_values(ci, cj) ? EVIDENCE_MIN : 0;
                    if (sim < h)
                        sim = h;
                }
                /* a year of the past in a known frame: some of the same
                 * words tell the same one ("indicted ... to bribe the
                 * police force of Old Tappan" and "indicted for bribing
                 * the police force of Old Tappan") */
                bool past_only = !x->need_evidence && !((ci->flags & CLAIMS__CF_INFERRED) &&
                                                        (cj->flags & CLAIMS__CF_INFERRED));
                if (sim < (past_only ? EVIDENCE_PAST : EVIDENCE_MIN))
                    continue;
                if (sim > x->best_sim)
                    x->best_sim = sim;
            }
            met = true;
        }
        if (!met)
            continue;
        x->tmp[keep++] = x->tmp[i];
        keep_a += side_a;
    }
    x->ntmp = keep;
    *a_n = keep_a;
    return keep_a && keep > keep_a;
}

/* The first and last publication day of the dated articles of
 * x->tmp[b, e); false when none is dated. */
static bool pub_span(const ctx *x, size_t b, size_t e, long *first, long *last)
{
    *first = LONG_MAX;
    *last = LONG_MIN;
    for (size_t k = b; k < e; k++) {
        const claims__date *d = &x->s->articles[claim_at(x, x->tmp[k])->article].published;
        if (d->year <= 0 || d->day <= 0)
            continue;
        long n = claims__date_to_days(d->year, d->month, d->day);
        if (n < *first)
            *first = n;
        if (n > *last)
            *last = n;
    }
    return *first != LONG_MAX;
}

/* Is the pair in x->tmp (side a: [0, a_n), side b: the rest) a figure that
 * grew: every dated article of the lower side published more than
 * `min_days` before every dated article of the higher side, and (when
 * `max_days` is not 0) all within `max_days`? (`lower_first`: side a holds
 * the lower value.) Undated articles are left aside; each side needs one
 * dated article ("one person arrested" on the 12th, "46 arrested" on the
 * 13th and 14th, a third outlet undated: the total grew). */
static bool grew_later(const ctx *x, size_t a_n, bool lower_first, long min_days,
                       long max_days)
{
    long af, al, bf, bl;
    if (!pub_span(x, 0, a_n, &af, &al) || !pub_span(x, a_n, x->ntmp, &bf, &bl))
        return false;
    long lo_last = lower_first ? al : bl, lo_first = lower_first ? af : bf;
    long hi_first = lower_first ? bf : af, hi_last = lower_first ? bl : al;
    return lo_last + min_days < hi_first && (!max_days || hi_last - lo_first <= max_days);
}

/* Emits a finding over x->tmp, whose first a_n claims are one side and
 * the rest the other (none for an agreement within one class). `tail` is
 * appended to the summary. */
/* What made a value finding's claims comparable, in words. */
static const char *finding_basis(const ctx *x, int type, bool weak)
{
    if (type == CLAIMS_FINDING_UPDATE)
        return "a running total: the later reports give more";
    if (x->backoff)
        return type == CLAIMS_FINDING_CONTRADICTION
                   ? "one side leaves a part of the frame unsaid; the sentences tell it alike"
                   : "one side leaves a part of the frame unsaid; nothing stated differs";
    if (weak)
        return "a weak link: the time only shares a sentence with the event";
    if (x->need_evidence && type == CLAIMS_FINDING_CONTRADICTION)
        return x->best_sim >= EVIDENCE_STRONG ? BASIS_EVIDENCE_STRONG : BASIS_EVIDENCE;
    if (x->level == SLOT_THING_UNKNOWN)
        return "the same action or the same named thing, in one currency";
    if (x->level != SLOT_KNOWN)
        return "the same value where a part of the frame is unknown";
    return "the same frame: what, what was done and which event, stated alike";
}

static claims_status pair_finding(ctx *x, size_t a_n, int type, double conf, bool weak,
                                  const char *slot, const char *tail)
{
    uint32_t *la = x->tmp, *lb = x->tmp + a_n;
    size_t na = a_n, nb = x->ntmp - a_n;
    sort_n(la, na, sizeof *la, cmp_u32);
    sort_n(lb, nb, sizeof *lb, cmp_u32);
    const char *key = claim_at(x, la[0])->frame->key;
    if (weak && nb) {
        /* the strong side's key names the slot */
        key = claim_at(x, lb[0])->frame->key;
    } else if (weak) {
        key = slot;
    }
    /* The side with the earlier claim is named first; for an update, the
     * side of the earlier articles. */
    long af, al, bf, bl;
    bool swap = type == CLAIMS_FINDING_UPDATE
                    ? pub_span(x, 0, a_n, &af, &al) &&
                          pub_span(x, a_n, x->ntmp, &bf, &bl) && bl < af
                    : nb && lb[0] < la[0];
    if (nb && swap) {
        uint32_t *t = la;
        la = lb;
        lb = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    bool dates = dates_differ(x);
    const char *verb = type == CLAIMS_FINDING_AGREEMENT        ? "agrees with"
                       : type == CLAIMS_FINDING_CONTRADICTION ? "contradicts"
                       : type == CLAIMS_FINDING_UPDATE        ? "is updated to"
                                                               : "is compatible with";
    bool link = weak && !x->backoff;
    if (x->backoff && !tail)
        tail = " (one side states less)";
    if (!x->basis)
        x->basis = finding_basis(x, type, weak);
    if (nb)
        summary_two(x, claim_at(x, la[0]), la, na, verb, claim_at(x, lb[0]), lb, nb, key,
                    link, dates);
    else
        summary_two(x, claim_at(x, la[0]), la, na, verb, NULL, la, na, key, link, dates);
    if (tail)
        claims__buf_puts(&x->sum, tail);
    return emit(x, (claims_finding_type)type, key, conf, NULL);
}

/* The confidence of a finding between two strong classes. */
static double strong_conf(const ctx *x, int type)
{
    double conf = type == CLAIMS_FINDING_COMPATIBLE ? CONF_COMPATIBLE : CONF_STRONG;
    if (inferred_in(x, x->tmp, x->ntmp))
        conf = CONF_INFERRED;
    if (x->level != SLOT_KNOWN) {
        double cap = type == CLAIMS_FINDING_CONTRADICTION ? CONF_THING_UNKNOWN
                                                          : CONF_WILD_SPEAKER;
        if (conf > cap)
            conf = cap;
    }
    return conf;
}

/* Agreement within class a (b NULL), compatibility of two strong classes,
 * or any relation of a weak class a with a strong class b. */
static claims_status class_finding(ctx *x, const entry *e, const vclass *a, const vclass *b,
                                   int type, bool weak, const char *slot)
{
    /* Members: a's and b's claims; for a weak pairing, leave out the
     * strong claims that meet every weak one only as a mirror. */
    x->ntmp = 0;
    size_t a_n = 0;
    for (size_t i = a->begin; i < a->end; i++) {
        if (!tmp_push(x, e[i].ci))
            return CLAIMS_ERR_NOMEM;
        a_n++;
    }
    if (b) {
        for (size_t j = b->begin; j < b->end; j++) {
            bool keep = !(weak && (claim_at(x, e[j].ci)->flags & CLAIMS__CF_INFERRED));
            if (keep && weak && (a->end - a->begin) * (b->end - b->begin) <= 4096) {
                keep = false;
                for (size_t i = a->begin; i < a->end && !keep; i++)
                    if (!mirrored(claim_at(x, e[i].ci), claim_at(x, e[j].ci), slot))
                        keep = true;
            }
            if (keep && !tmp_push(x, e[j].ci))
                return CLAIMS_ERR_NOMEM;
        }
        if (x->ntmp == a_n)
            return CLAIMS_OK; /* reported in the other slot */
    }
    if (weak && type == CLAIMS_FINDING_CONTRADICTION) {
        /* A weak contradiction sets one article against another only. */
        if (a_n * (x->ntmp - a_n) > MAX_WEAK_PAIRS)
            return CLAIMS_OK;
        size_t keep = a_n;
        for (size_t j = a_n; j < x->ntmp; j++) {
            uint32_t art = claim_at(x, x->tmp[j])->article;
            bool shared = false;
            for (size_t i = 0; i < a_n && !shared; i++)
                shared = claim_at(x, x->tmp[i])->article == art;
            if (!shared)
                x->tmp[keep++] = x->tmp[j];
        }
        x->ntmp = keep;
        if (x->ntmp == a_n)
            return CLAIMS_OK;
    }
    if (type != CLAIMS_FINDING_CONTRADICTION) {
        /* Agreement and compatibility need two sources. */
        uint32_t first = claim_at(x, x->tmp[0])->article;
        bool other = false;
        for (size_t i = 1; i < x->ntmp && !other; i++)
            other = claim_at(x, x->tmp[i])->article != first;
        if (!other)
            return CLAIMS_OK;
    }
    double conf = weak ? (x->backoff ? CONF_BACKOFF : CONF_WEAK) : strong_conf(x, type);
    return pair_finding(x, a_n, type, conf, weak, slot, NULL);
}

/* ---- the values each article holds in the slot being compared */

static int cmp_artcls(const void *pa, const void *pb)
{
    const artcls *a = pa, *b = pb;
    CMP(a->art, b->art);
    CMP(a->cls, b->cls);
    return 0;
}

/* Two times far apart are two events, not one event misreported:
 * reports that differ on one event's time differ by a day or a few, by a
 * month, by a year ("2008" against "2009"), while "convicted in 1970" and
 * "due out in June 2010", or a hearing in June and one in September, are
 * different events under one event word. Near means: the gap between the
 * two spans is at most a few days between two days, a month when either
 * side is a month, two years when either side is a year. */
/* The calendar day of an ordering day number (day_no). */
static long calendar_days(double dn)
{
    int y;
    int m = month_of(dn, &y);
    int d = (int)(dn - day_no(y, m, 0));
    if (m < 1)
        m = 1;
    if (d < 1)
        d = 1;
    if (d > claims__date_month_days(y, m))
        d = claims__date_month_days(y, m);
    return claims__date_to_days(y, m, d);
}

static bool time_near(const val *a, const val *b)
{
    if (a->type == V_YEARLESS || b->type == V_YEARLESS) {
        const val *y = a->type == V_YEARLESS ? a : b, *o = y == a ? b : a;
        int om = o->month, od = o->day;
        if (o->type != V_YEARLESS) {
            int y1, y2;
            int m1 = month_of(o->lo, &y1), m2 = month_of(o->hi, &y2);
            if (y1 != y2 || m1 != m2)
                return true; /* a whole year: val_relation finds no conflict */
            om = m1;
            od = o->lo == o->hi ? (int)(o->lo - day_no(y1, m1, 0)) : 0;
        }
        int dm = y->month > om ? y->month - om : om - y->month;
        if (dm > 6)
            dm = 12 - dm;
        if (dm > 1)
            return false;
        if (dm == 0 && y->day && od)
            return y->day - od <= DAYS_NEAR && od - y->day <= DAYS_NEAR;
        return true;
    }
    double wa = a->hi - a->lo, wb = b->hi - b->lo;
    /* the finer of the two precisions sets the gap: "2014" against
     * "8 February 2013" is another year's event, not a misreported day */
    double fine = wa < wb ? wa : wb;
    long gap = a->lo > b->hi ? calendar_days(a->lo) - calendar_days(b->hi)
               : b->lo > a->hi ? calendar_days(b->lo) - calendar_days(a->hi)
                               : 0;
    if (fine >= 300) /* two years */
        return gap <= 367; /* years at most two apart ("2008", "2010") */
    if (fine >= 27) /* a month */
        return gap <= 31;
    return gap <= DAYS_NEAR;
}

/* Two figures a quarter apart or closer: what a misreport looks like
 * ("2,029 points" against "2,129", "$1,099" against "$1,199"). Figures
 * further apart in a frame with an unknown part are most often two
 * things ("six shots" and "two shots", "$999" and "$2,199"). */
static bool near_share(double ca, double cb)
{
    double big = ca > cb ? ca : cb, diff = ca > cb ? ca - cb : cb - ca;
    return big > 0 && diff <= big * VALUE_NEAR;
}

static bool value_near(const val *a, const val *b)
{
    if (a->type != V_RANGE || b->type != V_RANGE || a->lo_inf || a->hi_inf || b->lo_inf ||
        b->hi_inf)
        return false;
    double ca = (a->lo + a->hi) / 2, cb = (b->lo + b->hi) / 2;
    /* "200 feet" against "200 metres": one number, its unit confused */
    if (a->written_unit && b->written_unit && strcmp(a->written_unit, b->written_unit) != 0) {
        if (near_share(a->written, b->written))
            return true;
    }
    return near_share(ca, cb);
}

/* Two whole years one apart. */
static bool years_adjacent(const val *a, const val *b)
{
    if (a->type != V_RANGE || b->type != V_RANGE || a->hi - a->lo < 300 || b->hi - b->lo < 300)
        return false;
    long gap = a->lo > b->hi ? calendar_days(a->lo) - calendar_days(b->hi)
                             : calendar_days(b->lo) - calendar_days(a->hi);
    return gap <= 1;
}

/* Fills x->cv (each strong class's value, with the widest rounding of its
 * members) and x->ac (article, class) sorted by article. */
static bool index_slot(ctx *x, const entry *e, const vclass *S, size_t ns)
{
    const claims_allocator *al = &x->s->alloc;
    if (!claims__grow(al, (void **)&x->cv, &x->cvcap, ns, sizeof *x->cv))
        return false;
    x->nac = 0;
    for (size_t k = 0; k < ns; k++) {
        x->cv[k] = e[S[k].begin].v;
        uint32_t last = UINT32_MAX;
        for (size_t i = S[k].begin; i < S[k].end; i++) {
            if (e[i].v.tol > x->cv[k].tol)
                x->cv[k].tol = e[i].v.tol;
            if (e[i].v.tol_up > x->cv[k].tol_up)
                x->cv[k].tol_up = e[i].v.tol_up;
            uint32_t art = claim_at(x, e[i].ci)->article;
            if (art == last)
                continue; /* a class's entries are in claim order */
            last = art;
            if (!claims__grow(al, (void **)&x->ac, &x->accap, x->nac + 1, sizeof *x->ac))
                return false;
            x->ac[x->nac].art = art;
            x->ac[x->nac].cls = (uint32_t)k;
            x->nac++;
        }
    }
    sort_n(x->ac, x->nac, sizeof *x->ac, cmp_artcls);
    return true;
}

/* The first x->ac row of article `art` (x->nac when none). */
static size_t art_first(const ctx *x, uint32_t art)
{
    size_t lo = 0, hi = x->nac;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->ac[mid].art < art)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does article `art` hold class `cls` itself, or a definite value (not an
 * open bound, not an unknown amount) that fits it? */
static bool art_fits(const ctx *x, uint32_t art, uint32_t cls)
{
    size_t seen = 0;
    for (size_t i = art_first(x, art);
         i < x->nac && x->ac[i].art == art && seen < MAX_ARTICLE_VALUES; i++, seen++) {
        uint32_t k = x->ac[i].cls;
        if (k == cls)
            return true;
        const val *v = &x->cv[k];
        if (v->type == V_UNKNOWN || v->lo_inf || v->hi_inf)
            continue;
        if (val_relation(v, &x->cv[cls]) == CLAIMS_FINDING_COMPATIBLE)
            return true;
    }
    return false;
}

/* Words that attribute what a sentence says to a source. */
static size_t attributions(const char *t, size_t b, size_t e)
{
    static const char *const verbs[] = {"said", "says", "reported", "according", "told",
                                        "claimed", "claims", "stated", "insisted"};
    size_t n = 0;
    for (size_t i = b; i < e; i++) {
        if (!claims__is_alpha((unsigned char)t[i]) || (i > b && claims__is_alpha((unsigned char)t[i - 1])))
            continue;
        size_t j = i;
        while (j < e && claims__is_alpha((unsigned char)t[j]))
            j++;
        for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
            if (strlen(verbs[k]) == j - i && memcmp(t + i, verbs[k], j - i) == 0)
                n++;
        i = j;
    }
    return n;
}

/* Within one article: two values of one frame in one sentence that
 * gives them to two sources ("police said no one was hurt; the Post
 * says three were") are a contradiction the article itself reports. */
static claims_status sources_within(ctx *x, const entry *e, const vclass *X, const vclass *Y,
                                    const char *slot)
{
    if ((X->end - X->begin) * (Y->end - Y->begin) > MAX_WEAK_PAIRS || x->time_slot)
        return CLAIMS_OK;
    for (size_t i = X->begin; i < X->end; i++) {
        for (size_t j = Y->begin; j < Y->end; j++) {
            const claims_claim *a = claim_at(x, e[i].ci), *b = claim_at(x, e[j].ci);
            if (a->article != b->article || a->sent_start != b->sent_start || !same_frame(a, b) ||
                attributions(claims__claim_base(a), a->sent_start, a->sent_end) < 2)
                continue;
            x->ntmp = 0;
            if (!tmp_push(x, e[i].ci) || !tmp_push(x, e[j].ci))
                return CLAIMS_ERR_NOMEM;
            x->basis = "one article gives the figure to two sources in one sentence";
            return pair_finding(x, 1, CLAIMS_FINDING_CONTRADICTION, CONF_SAME_ARTICLE, false, slot,
                                " (one article sets two sources against each other)");
        }
    }
    return CLAIMS_OK;
}

/* Two strong classes i and j whose values cannot both be true. Between
 * articles, only the claims of articles that hold nothing fitting the
 * other side's value are a contradiction. */
static claims_status contradiction(ctx *x, const entry *e, const vclass *S, size_t i,
                                   size_t j, const char *slot)
{
    const vclass *X = &S[i], *Y = &S[j];
    /* between articles */
    x->ntmp = 0;
    size_t a_n = 0;
    for (int side = 0; side < 2; side++) {
        const vclass *K = side ? Y : X;
        uint32_t other = (uint32_t)(side ? i : j);
        uint32_t last = UINT32_MAX;
        bool fits = false;
        for (size_t n = K->begin; n < K->end; n++) {
            uint32_t art = claim_at(x, e[n].ci)->article;
            if (art != last) {
                last = art;
                /* a bare time: an article holds many; the pairs decide */
                fits = !x->bare_time && art_fits(x, art, other);
            }
            if (!fits && !tmp_push(x, e[n].ci))
                return CLAIMS_ERR_NOMEM;
        }
        if (!side && !(a_n = x->ntmp))
            break;
    }
    /* Two values within one article are no contradiction: an article
     * that gives two figures for one frame most often speaks of two
     * things, two moments or an update (a part of the real-news false
     * alarms, and the real case, two sources set against each other, is
     * rare). */
    claims_status st = sources_within(x, e, X, Y, slot);
    if (st != CLAIMS_OK || !a_n || x->ntmp <= a_n || !keep_same_frame(x, &a_n))
        return st;
    const claims_claim *c0 = claim_at(x, x->tmp[0]);
    bool lower_first = x->cv[i].hi < x->cv[j].lo;
    /* a toll that grew; an age one year more in an article a month or more
     * later (a birthday between) */
    const char *quantity = claims__cstr(c0, c0->frame->quantity);
    bool age = quantity && strcmp(quantity, "age") == 0;
    double step = lower_first ? x->cv[j].lo - x->cv[i].hi : x->cv[i].lo - x->cv[j].hi;
    if ((c0->kind == CLAIMS_KIND_COUNT && grew_later(x, a_n, lower_first, 0, TALLY_DAYS)) ||
        (age && step <= 1 && grew_later(x, a_n, lower_first, AGE_UPDATE_DAYS, 0)) ||
        (age && step > 1 && grew_later(x, a_n, lower_first, (long)((step - 1) * 365), 0)))
        return pair_finding(x, a_n, CLAIMS_FINDING_UPDATE, CONF_STRONG, false, slot, NULL);
    /* The confidence says how much of the frame and the sentences agree:
     * a known frame is strong; a frame with an unknown part is as strong
     * as its sentences are alike; a date resolved from an article's own
     * date is a guess. */
    double conf = x->level == SLOT_KNOWN ? CONF_STRONG : CONF_THING_UNKNOWN;
    const char *why = NULL;
    if (x->need_evidence) {
        conf = x->best_sim >= EVIDENCE_STRONG ? CONF_EVIDENCE_STRONG : CONF_EVIDENCE;
        why = x->best_sim >= EVIDENCE_STRONG ? " (told in nearly the same words)"
                                             : " (told in similar words)";
    }
    if (inferred_in(x, x->tmp, x->ntmp) && conf > CONF_INFERRED_GUESS)
        conf = CONF_INFERRED_GUESS;
    return pair_finding(x, a_n, CLAIMS_FINDING_CONTRADICTION, conf, false, slot, why);
}

/* A claim that states more (class w, filed here by back-off) against a
 * value of the slot's own (class s): a contradiction only between
 * articles, with the same event, scope and holder, told in alike
 * sentences. */
static claims_status backoff_contradiction(ctx *x, const entry *e, const vclass *w,
                                           const vclass *s, const char *slot)
{
    x->ntmp = 0;
    for (size_t n = w->begin; n < w->end; n++)
        if (!tmp_push(x, e[n].ci))
            return CLAIMS_ERR_NOMEM;
    size_t a_n = x->ntmp;
    for (size_t n = s->begin; n < s->end; n++)
        if (!tmp_push(x, e[n].ci))
            return CLAIMS_ERR_NOMEM;
    bool need = x->need_evidence;
    x->need_evidence = true;
    bool kept = keep_same_frame(x, &a_n);
    x->need_evidence = need;
    if (!kept)
        return CLAIMS_OK;
    double conf = x->best_sim >= EVIDENCE_STRONG ? CONF_EVIDENCE_STRONG : CONF_EVIDENCE;
    return pair_finding(x, a_n, CLAIMS_FINDING_CONTRADICTION, conf, true, slot,
                        x->best_sim >= EVIDENCE_STRONG
                            ? " (one side states less; told in nearly the same words)"
                            : " (one side states less; told in similar words)");
}

/* A measure met in the slot of its quantity with nothing named: a named
 * person's age against the ages of no named person ("the 23-year-old"),
 * "a four-day tour" against "four days". It may agree, but what the other
 * side measures is not known, so it contradicts nothing. */
static bool agree_only(const claims_claim *backed_off)
{
    return backed_off->kind == CLAIMS_KIND_MEASURE;
}

static size_t classes_of(const entry *e, size_t begin, size_t end, vclass **out, size_t *cap,
                         const claims_allocator *al, bool *ok)
{
    size_t n = 0;
    *ok = true;
    for (size_t i = begin; i < end;) {
        size_t j = i + 1;
        while (j < end && val_cmp(&e[i].v, &e[j].v) == 0)
            j++;
        if (!claims__grow(al, (void **)out, cap, n + 1, sizeof **out)) {
            *ok = false;
            return 0;
        }
        (*out)[n].begin = i;
        (*out)[n].end = j;
        n++;
        i = j;
    }
    return n;
}

static size_t largest(const vclass *k, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (k[i].end - k[i].begin > k[best].end - k[best].begin)
            best = i;
    return best;
}

/* A date stated to the day or the month of a known year, not resolved
 * from the article's own date. */
static bool exact_date(const ctx *x, const entry *en)
{
    const claims_claim *c = claim_at(x, en->ci);
    return c->kind == CLAIMS_KIND_DATE && c->precision >= CLAIMS__PREC_MONTH &&
           en->v.type == V_RANGE && !reporting_date(c);
}

/* A year as written ("in 1935"), not resolved from the article's own
 * date ("last year"), not a span's end ("from 2009 to 2010"). */
static bool stated_year(const ctx *x, const entry *en)
{
    const claims_claim *c = claim_at(x, en->ci);
    return c->kind == CLAIMS_KIND_YEAR && !(c->flags & CLAIMS__CF_INFERRED) && !year_span(c);
}

/* One year of no known event in two or more articles whose sentences tell
 * it alike ("built in 1935" and "was built in 1935"): an agreement of the
 * claims that meet an alike claim of another article. Two articles naming
 * one year for two things ("founded in 1935", "a flood in 1935") are no
 * agreement. */
static claims_status told_alike_agreement(ctx *x, const entry *e, const vclass *k,
                                          const char *slot)
{
    size_t n = k->end - k->begin;
    if (n * n > MAX_WEAK_PAIRS)
        return CLAIMS_OK;
    x->ntmp = 0;
    for (size_t i = k->begin; i < k->end; i++) {
        const claims_claim *ci = claim_at(x, e[i].ci);
        bool met = false;
        for (size_t j = k->begin; j < k->end && !met; j++) {
            const claims_claim *cj = claim_at(x, e[j].ci);
            met = ci->article != cj->article && !ci->frame->hedged && !cj->frame->hedged &&
                  claims__likeness_of(x->ev, ci, cj) >= EVIDENCE_PAST;
        }
        if (met && !tmp_push(x, e[i].ci))
            return CLAIMS_ERR_NOMEM;
    }
    if (x->ntmp < 2)
        return CLAIMS_OK;
    x->basis = "a year of no known event; the sentences tell it alike";
    return pair_finding(x, x->ntmp, CLAIMS_FINDING_AGREEMENT, CONF_EVIDENCE, false, slot, NULL);
}

static claims_status compare_slot(ctx *x, const entry *e, size_t begin, size_t end,
                                  vclass **sk, size_t *skcap, vclass **wk, size_t *wkcap)
{
    const claims_allocator *al = &x->s->alloc;
    const char *slot = entry_key(x, &e[begin]);
    /* A year or date of no known event dates nothing in particular: only
     * an exact date (a day, or a month of a year) may agree, and two
     * differ only when their sentences tell the same thing. */
    int level = slot_level(e[begin].c); /* the slot's own claim, never a link */
    x->time_slot = is_time(e[begin].c);
    bool bare_time = level != SLOT_KNOWN && x->time_slot;
    x->level = level;
    /* an amount of a named thing in a named currency with no action
     * ("a $4.25 billion settlement") names one deal closely enough; other
     * frames with an unknown part need their sentences to agree */
    x->need_evidence = level == SLOT_VAGUE || bare_time;
    x->bare_time = bare_time;
    size_t mid = begin;
    while (mid < end && !e[mid].weak)
        mid++;
    bool ok;
    size_t ns = classes_of(e, begin, mid, sk, skcap, al, &ok);
    if (!ok)
        return CLAIMS_ERR_NOMEM;
    size_t nw = classes_of(e, mid, end, wk, wkcap, al, &ok);
    if (!ok)
        return CLAIMS_ERR_NOMEM;
    vclass *S = *sk, *Wc = *wk;
    if (!index_slot(x, e, S, ns))
        return CLAIMS_ERR_NOMEM;
    claims_status st = CLAIMS_OK;
    /* Agreements: one value, two or more articles. */
    for (size_t i = 0; i < ns && st == CLAIMS_OK; i++) {
        if (S[i].end - S[i].begin < 2 || e[S[i].begin].v.type == V_UNKNOWN)
            continue;
        if (!bare_time || exact_date(x, &e[S[i].begin]))
            st = class_finding(x, e, &S[i], NULL, CLAIMS_FINDING_AGREEMENT, false, slot);
        else if (stated_year(x, &e[S[i].begin]))
            st = told_alike_agreement(x, e, &S[i], slot);
    }
    /* Distinct values against each other: every pair of a slot with few
     * values; each value against the most common one when there are many,
     * visiting only those pairs, so a slot costs no square. */
    size_t big = ns ? largest(S, ns) : 0;
    bool all = ns <= MAX_ALL_PAIRS;
    for (size_t i = all ? 0 : big; i < (all ? ns : big + 1) && st == CLAIMS_OK; i++) {
        for (size_t j = all ? i + 1 : 0; j < ns && st == CLAIMS_OK; j++) {
            if (j == i)
                continue;
            int rel = val_relation(&x->cv[i], &x->cv[j]);
            if (rel == CLAIMS_FINDING_CONTRADICTION) {
                if (x->time_slot ? time_near(&x->cv[i], &x->cv[j])
                                      : level == SLOT_KNOWN || value_near(&x->cv[i], &x->cv[j]))
                    st = contradiction(x, e, S, i, j, slot);
            } else if (rel != REL_NONE && !bare_time) {
                st = class_finding(x, e, &S[i], &S[j], rel, false, slot);
            }
        }
    }
    /* Weak links: each weak value against the strong values. */
    bool all_weak = nw * ns <= MAX_ALL_PAIRS * MAX_ALL_PAIRS;
    for (size_t w = 0; w < nw && st == CLAIMS_OK; w++) {
        for (size_t i = all_weak ? 0 : big; i < (all_weak ? ns : big + 1) && st == CLAIMS_OK;
             i++) {
            const val *wv = &e[Wc[w].begin].v, *sv = &x->cv[i];
            int rel = val_cmp(wv, sv) == 0 ? (wv->type == V_UNKNOWN
                                                  ? (int)CLAIMS_FINDING_COMPATIBLE
                                                  : (int)CLAIMS_FINDING_AGREEMENT)
                                           : val_relation(wv, sv);
            /* A weak link is a guess about which event a value dates: it
             * contradicts only a near time (a year apart, not a decade),
             * with low confidence. */
            if (e[Wc[w].begin].backoff) {
                /* one side states more: agreement as it is, contradiction
                 * only on near values told in alike sentences */
                x->backoff = true;
                if (rel == CLAIMS_FINDING_CONTRADICTION)
                    st = value_near(wv, sv) && !agree_only(e[Wc[w].begin].c)
                             ? backoff_contradiction(x, e, &Wc[w], &S[i], slot)
                             : CLAIMS_OK;
                else if (rel != REL_NONE)
                    st = class_finding(x, e, &Wc[w], &S[i], rel, true, slot);
                x->backoff = false;
                continue;
            }
            /* a weak link contradicts only another year one year off ("the
             * war in 2008" against "in 2009, after the war"): days or
             * years further apart under a borrowed event are two events */
            if (rel == CLAIMS_FINDING_CONTRADICTION && (level == SLOT_VAGUE || !years_adjacent(wv, sv)))
                continue;
            if (rel != REL_NONE)
                st = class_finding(x, e, &Wc[w], &S[i], rel, true, slot);
        }
    }
    return st;
}

/* A slot of a broader kind that no claim states as it is ("count/person/-"
 * with "three climbers" and "three companions" only): the narrower kinds
 * with one value in two or more articles agree there. They contradict
 * nothing: what each side counts differs in its words. */
static claims_status kind_agreements(ctx *x, const entry *e, size_t begin, size_t end)
{
    claims_status st = CLAIMS_OK;
    for (size_t i = begin; i < end && st == CLAIMS_OK;) {
        size_t j = i + 1;
        while (j < end && val_cmp(&e[i].v, &e[j].v) == 0)
            j++;
        /* two articles, and two narrower kinds between them: one kind
         * alone agrees in its own slot */
        x->ntmp = 0;
        bool two = false;
        for (size_t k = i; k < j; k++) {
            if (!e[k].kind)
                continue;
            if (!tmp_push(x, e[k].ci))
                return CLAIMS_ERR_NOMEM;
            const claims_claim *first = claim_at(x, x->tmp[0]);
            two = two || (first->article != e[k].c->article &&
                          first->frame->thing != e[k].c->frame->thing);
        }
        if (two && e[i].v.type != V_UNKNOWN) {
            x->backoff = true;
            x->basis = "narrower kinds of one kind (the lexicon's broader section), one value";
            st = pair_finding(x, x->ntmp, CLAIMS_FINDING_AGREEMENT, CONF_BACKOFF, true,
                              entry_key(x, &e[i]), " (each names a narrower kind)");
            x->backoff = false;
        }
        i = j;
    }
    return st;
}

/* Where a claim is filed for compare_values: an entry without its value. */
typedef struct filing {
    const char *key;
    const claims_claim *c;
    uint32_t ci;
    bool weak, backoff, kind;
} filing;

/* Files claim i under its key, its back-off slots, its broader kind's and
 * its weak key: up to FILINGS_MAX filings at f. Returns how many (at
 * least one). */
enum { FILINGS_MAX = CLAIMS__BACKOFF_MAX + 3 };
static size_t file_claim(const claims_claim *c, size_t i, filing *f)
{
    size_t n = 0;
    f[n++] = (filing){c->frame->key, c, (uint32_t)i, false, false, false};
    /* the back-off slots, then (k == CLAIMS__BACKOFF_MAX) the slot of the
     * thing's broader kind */
    for (int k = 0; k <= CLAIMS__BACKOFF_MAX; k++) {
        claims__sid bid = k < CLAIMS__BACKOFF_MAX ? c->frame->backoff[k] : c->frame->kind_key;
        const char *bk = claims__cstr(c, bid);
        if (bk)
            f[n++] = (filing){bk, c, (uint32_t)i, true, true, k == CLAIMS__BACKOFF_MAX};
    }
    /* A weak link on a date inferred from the article's own date is two
     * guesses in a row: not compared. (It takes the flags of the filing
     * before it.) */
    const char *weak = claims__cstr(c, c->frame->weak_key);
    if (weak && slot_cmp(weak, c->frame->key) != 0 && !(c->flags & CLAIMS__CF_INFERRED)) {
        f[n] = f[n - 1];
        f[n].key = weak;
        f[n].weak = true;
        n++;
    }
    return n;
}

/* A filing as one integer, 8 bytes (the filing is 24): its place in
 * slot order within its key's run (the frame's part, then weakness, then
 * claim, then which of the claim's filings it is, so no two are equal and
 * the order is the one a stable sort of the filings by slot, weakness
 * and claim gives), from which file_claim makes the filing again. The
 * values are read one slot at a time, so the working memory is these 8
 * bytes for a batch of filings (FILING_PASSES) plus the largest slot's
 * entries. */
typedef uint64_t filed;
enum { FILED_SUB_BITS = 3, FILED_CI_BITS = 32 };
_Static_assert(FILINGS_MAX <= 1 << FILED_SUB_BITS, "a claim's filings numbered in FILED_SUB_BITS");

static filed filed_of(const filing *f, size_t sub)
{
    return (uint64_t)frame_order(f->c) << (FILED_CI_BITS + FILED_SUB_BITS + 1) |
           (uint64_t)f->weak << (FILED_CI_BITS + FILED_SUB_BITS) |
           (uint64_t)f->ci << FILED_SUB_BITS | sub;
}

/* The part of the frame (frame_order) that makes d's slot beside its key. */
static uint8_t filed_frame(filed d)
{
    return (uint8_t)(d >> (FILED_CI_BITS + FILED_SUB_BITS + 1));
}

/* Where the slot of f[i] ends, within its key's run f[..end). */
static size_t slot_end(const filed *f, size_t i, size_t end)
{
    size_t j = i + 1;
    while (j < end && filed_frame(f[j]) == filed_frame(f[i]))
        j++;
    return j;
}

/* The filing d stands for. */
static filing filing_of(const claims_story *s, filed d)
{
    uint32_t ci = (uint32_t)(d >> FILED_SUB_BITS);
    filing f[FILINGS_MAX];
    file_claim(s->claims[ci], ci, f);
    return f[d & ((1u << FILED_SUB_BITS) - 1)];
}

/* The key entry e is filed under. */
static const char *entry_key(const ctx *x, const entry *e)
{
    return filing_of(x->s, (filed)e->ci << FILED_SUB_BITS | e->sub).key;
}

/* The slot keys of a story's filings, each with its run's place in
 * slot_cmp order: an open-addressing hash set on the key's address (keys
 * are interned: one string, one address; two strings of one slot, as
 * "year/.." and "date/..", share a rank). */
typedef struct keyrank {
    const char *key; /* NULL: an empty place */
    uint32_t n;      /* filings under the key */
    uint32_t rank;
} keyrank;

typedef struct keyranks {
    keyrank *t;
    size_t n, cap; /* keys; places, a power of two */
} keyranks;

static keyrank *keyrank_at(const keyranks *kr, const char *key)
{
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15u;
    size_t i = (size_t)(h >> 32) & (kr->cap - 1);
    while (kr->t[i].key && kr->t[i].key != key)
        i = (i + 1) & (kr->cap - 1);
    return &kr->t[i];
}

/* Counts one filing under key, adding the key on first sight. False on
 * OOM. */
static bool keyrank_count(const claims_allocator *al, keyranks *kr, const char *key)
{
    if (2 * (kr->n + 1) > kr->cap) { /* at most half full: short probes */
        keyranks big = {NULL, 0, kr->cap ? 2 * kr->cap : 64};
        big.t = big.cap <= SIZE_MAX / sizeof *big.t ? claims__malloc(al, big.cap * sizeof *big.t)
                                                    : NULL;
        if (!big.t)
            return false;
        memset(big.t, 0, big.cap * sizeof *big.t);
        for (size_t i = 0; i < kr->cap; i++)
            if (kr->t[i].key)
                *keyrank_at(&big, kr->t[i].key) = kr->t[i];
        big.n = kr->n;
        claims__free(al, kr->t);
        *kr = big;
    }
    keyrank *k = keyrank_at(kr, key);
    if (!k->key) {
        k->key = key;
        kr->n++;
    }
    k->n++;
    return true;
}

static int cmp_key_ptr(const void *pa, const void *pb)
{
    return slot_cmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Ranks the keys in slot_cmp order and turns their counts into where
 * each rank's run of filings ends: ends[r] for rank r (nranks of them,
 * *ends allocated). False on OOM. */
static bool keyrank_order(const claims_allocator *al, keyranks *kr, uint32_t **ends, size_t *nranks)
{
    const char **keys = claims__malloc(al, (kr->n ? kr->n : 1) * sizeof *keys);
    *ends = claims__malloc(al, (kr->n ? kr->n : 1) * sizeof **ends);
    if (!keys || !*ends) {
        claims__free(al, keys);
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < kr->cap; i++)
        if (kr->t[i].key)
            keys[n++] = kr->t[i].key;
    sort_n(keys, n, sizeof *keys, cmp_key_ptr);
    size_t r = 0;
    uint32_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && slot_cmp(keys[i - 1], keys[i]) != 0)
            (*ends)[r++] = at;
        keyrank *k = keyrank_at(kr, keys[i]);
        k->rank = (uint32_t)r;
        at += k->n;
    }
    if (n)
        (*ends)[r++] = at;
    *nranks = r;
    claims__free(al, keys);
    return true;
}

/* cmp_entry within one slot: by weakness, value, claim. */
static int cmp_entry_in_slot(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    CMP(a->weak, b->weak);
    int c = val_cmp(&a->v, &b->v);
    if (c)
        return c;
    CMP(a->ci, b->ci);
    return 0;
}

/* Compares the slot of filings f[0..n): reads their values into e (at
 * least n long) and sorts them by value, as compare_slot and
 * kind_agreements read them. */
static claims_status compare_filed_slot(ctx *x, const filed *f, size_t n, entry *e, vclass **sk,
                                        size_t *skcap, vclass **wk, size_t *wkcap)
{
    for (size_t k = 0; k < n; k++) {
        filing g = filing_of(x->s, f[k]);
        e[k].sub = (uint8_t)(f[k] & ((1u << FILED_SUB_BITS) - 1));
        e[k].c = g.c;
        e[k].ci = g.ci;
        e[k].weak = g.weak;
        e[k].backoff = g.backoff;
        e[k].kind = g.kind;
        claim_val(x->s->lex, g.c, &e[k].v); /* true: only claims with one are filed */
    }
    sort_n(e, n, sizeof *e, cmp_entry_in_slot);
    if (!e[0].weak) /* a slot needs a strong claim */
        return compare_slot(x, e, 0, n, sk, skcap, wk, wkcap);
    return kind_agreements(x, e, 0, n);
}

/* The filings are made a batch of key runs at a time, each batch one pass
 * over the claims, so that they are never all kept at once: a batch holds
 * the largest run or 1/FILING_PASSES of the filings, whichever is more
 * (so at most 2 * FILING_PASSES + 1 batches: two in a row hold more than
 * one). 8 instead of 4 saved 0.6 MB more on the synthetic 100k story and
 * cost 6% more instructions. */
enum { FILING_PASSES = 4 };

/* The filings of a story's claims with a value, counted by key run. */
typedef struct filings {
    uint8_t *nfiled; /* filings of each claim (0: it has no value) */
    keyranks kr;
    /* ends[r]: where the run of key rank r ends, all runs counted in
     * rank order */
    uint32_t *ends;
    size_t nranks, nf, largest; /* runs, filings, the largest run */
} filings;

static void filings_free(const claims_allocator *al, filings *fs)
{
    claims__free(al, fs->nfiled);
    claims__free(al, fs->kr.t);
    claims__free(al, fs->ends);
}

/* Counts the filings of each claim and of each key's run. */
static claims_status filings_count(ctx *x, filings *fs)
{
    claims_story *s = x->s;
    const claims_allocator *al = &s->alloc;
    memset(fs, 0, sizeof *fs);
    /* only claims with a value are filed */
    fs->nfiled = s->nclaims ? claims__malloc(al, s->nclaims) : NULL;
    if (s->nclaims && !fs->nfiled)
        return CLAIMS_ERR_NOMEM;
    for (size_t i = 0; i < s->nclaims; i++) {
        const claims_claim *c = s->claims[i];
        filing one[FILINGS_MAX];
        val v;
        fs->nfiled[i] = (uint8_t)(c->frame->key && claim_val(s->lex, c, &v) ? file_claim(c, i, one) : 0);
        fs->nf += fs->nfiled[i];
        for (size_t k = 0; k < fs->nfiled[i]; k++)
            if (!keyrank_count(al, &fs->kr, one[k].key))
                return CLAIMS_ERR_NOMEM;
    }
    if (!keyrank_order(al, &fs->kr, &fs->ends, &fs->nranks))
        return CLAIMS_ERR_NOMEM;
    for (size_t r = 0, b = 0; r < fs->nranks; b = fs->ends[r++])
        fs->largest = fs->ends[r] - b > fs->largest ? fs->ends[r] - b : fs->largest;
    return CLAIMS_OK;
}

/* Where the run of key rank r begins. */
static size_t run_begin(const filings *fs, size_t r)
{
    return r ? fs->ends[r - 1] : 0;
}

/* Makes the filings of key ranks r0..r1 into f (run r0's first at f[0]),
 * each run in claim order, then sorted (filed_of) within. at: room for
 * the cursors of the runs. */
static void filings_make(ctx *x, const filings *fs, size_t r0, size_t r1, filed *f, uint32_t *at)
{
    claims_story *s = x->s;
    size_t b = run_begin(fs, r0);
    for (size_t r = r0; r < r1; r++)
        at[r - r0] = (uint32_t)(run_begin(fs, r) - b);
    for (size_t i = 0; i < s->nclaims; i++) {
        filing one[FILINGS_MAX];
        size_t n = fs->nfiled[i] ? file_claim(s->claims[i], i, one) : 0;
        for (size_t k = 0; k < n; k++) {
            size_t r = keyrank_at(&fs->kr, one[k].key)->rank;
            if (r >= r0 && r < r1)
                f[at[r - r0]++] = filed_of(&one[k], k);
        }
    }
    for (size_t r = r0; r < r1; r++)
        claims__sort_u64(f + (run_begin(fs, r) - b), fs->ends[r] - run_begin(fs, r));
}

/* Compares the slots of the filings f[0..) of key ranks r0..r1 (a key's
 * run, then one frame within, filed_frame). e: the entries' scratch, as
 * long as the largest run. */
static claims_status compare_runs(ctx *x, const filings *fs, size_t r0, size_t r1, const filed *f,
                                  entry *e, vclass **sk, size_t *skcap, vclass **wk, size_t *wkcap)
{
    size_t b = run_begin(fs, r0);
    claims_status st = CLAIMS_OK;
    for (size_t r = r0, i = 0, j; r < r1 && st == CLAIMS_OK; r++)
        for (; i < fs->ends[r] - b && st == CLAIMS_OK; i = j) {
            j = slot_end(f, i, fs->ends[r] - b);
            if (j - i >= 2)
                st = compare_filed_slot(x, f + i, j - i, e, sk, skcap, wk, wkcap);
        }
    return st;
}

static claims_status compare_values(ctx *x)
{
    const claims_allocator *al = &x->s->alloc;
    filings fs;
    claims_status st = filings_count(x, &fs);
    size_t batch = fs.nf / FILING_PASSES > fs.largest ? fs.nf / FILING_PASSES : fs.largest;
    filed *f = st == CLAIMS_OK && batch && batch <= SIZE_MAX / sizeof *f
                   ? claims__malloc(al, batch * sizeof *f)
                   : NULL;
    uint32_t *at = f ? claims__malloc(al, fs.nranks * sizeof *at) : NULL;
    /* The entries' scratch, as long as the largest run: a run is one
     * slot unless its claims' frames differ in their part (filed_frame),
     * and pages of it never filled are never touched (nor resident). Made
     * once: grown as slots came, it left the smaller ones' space unused
     * (160 KB more resident on the slice). */
    entry *e = at && fs.largest > 1 && fs.largest <= SIZE_MAX / sizeof *e
                   ? claims__malloc(al, fs.largest * sizeof *e)
                   : NULL;
    if (st == CLAIMS_OK && batch && (!at || (fs.largest > 1 && !e)))
        st = CLAIMS_ERR_NOMEM;
    vclass *sk = NULL, *wk = NULL;
    size_t skcap = 0, wkcap = 0;
    for (size_t r0 = 0, r1; r0 < fs.nranks && st == CLAIMS_OK; r0 = r1) {
        for (r1 = r0 + 1; r1 < fs.nranks && fs.ends[r1] - run_begin(&fs, r0) <= batch;)
            r1++;
        filings_make(x, &fs, r0, r1, f, at);
        st = compare_runs(x, &fs, r0, r1, f, e, &sk, &skcap, &wk, &wkcap);
    }
    claims__free(al, sk);
    claims__free(al, wk);
    claims__free(al, e);
    claims__free(al, at);
    claims__free(al, f);
    filings_free(al, &fs);
    return st;
}

/* ------------------------------------------------------------ speech */

typedef struct qclass {
    uint32_t first;   /* index into the sorted claim list */
    uint32_t n;
} qclass;

/* The speaker of a quote or paraphrase, folded ("ehud barak"), "?"
 * when unknown. */
static const char *speaker_of(const claims_claim *c)
{
    return c->frame->speaker ? claims__cstr(c, c->frame->speaker) : "?";
}

/* A speaker that may be anyone: unknown, or only described. */
static bool wild_speaker(const claims_claim *c)
{
    const char *sp = speaker_of(c);
    if (!sp[0] || strcmp(sp, "?") == 0 || !c->speaker)
        return true;
    return (c->flags & CLAIMS__CF_SPK_NOMINAL) && !(c->flags & CLAIMS__CF_SPK_PERSON);
}

/* Whether two speaker keys (folded canonical names, words separated by
 * spaces) name one person. */
enum { SPK_DIFFERENT = 0, SPK_SAME = 1, SPK_MAYBE = 2 };

/* The i-th word from the end of s (0: the last), or false. */
static bool word_from_end(const char *s, size_t i, const char **w, size_t *n)
{
    size_t end = strlen(s);
    for (;;) {
        while (end && s[end - 1] == ' ')
            end--;
        if (!end)
            return false;
        size_t b = end;
        while (b && s[b - 1] != ' ')
            b--;
        if (!i--) {
            *w = s + b;
            *n = end - b;
            return true;
        }
        end = b;
    }
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            n++;
    return n;
}

/* "sarah hale" and "det insp sarah hale" (one is the other's last words),
 * "ana maria ruiz" and "maria ruiz" (the last two words), "s hale" and
 * "sarah hale" (a surname, and a first name that fits): one person.
 * Different surnames: different people. The same surname with first names
 * that do not fit ("ana ruiz", "luis ruiz"): perhaps one person, perhaps
 * not; never an attribution conflict. */
static int speaker_relation(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return SPK_SAME;
    size_t na = word_count(a), nb = word_count(b);
    const char *lng = na >= nb ? a : b, *sht = na >= nb ? b : a;
    size_t ls = strlen(lng), ss = strlen(sht);
    if (ss && ss < ls && strcmp(lng + ls - ss, sht) == 0 && lng[ls - ss - 1] == ' ')
        return SPK_SAME;
    const char *wa, *wb;
    size_t la, lb;
    if (!word_from_end(a, 0, &wa, &la) || !word_from_end(b, 0, &wb, &lb) || la != lb ||
        memcmp(wa, wb, la) != 0)
        return SPK_DIFFERENT;
    /* one surname: the words before it */
    if (!word_from_end(a, 1, &wa, &la) || !word_from_end(b, 1, &wb, &lb))
        return SPK_SAME; /* one of them is the surname alone */
    if (la == lb && memcmp(wa, wb, la) == 0)
        return SPK_SAME;
    if ((la == 1 && wa[0] == wb[0]) || (lb == 1 && wb[0] == wa[0]))
        return SPK_SAME; /* an initial */
    return SPK_MAYBE;
}

static int cmp_speech_ptr(const void *pa, const void *pb)
{
    const claims_claim *a = *(claims_claim *const *)pa, *b = *(claims_claim *const *)pb;
    CMP(a->kind, b->kind);
    int c = strcmp(speaker_of(a), speaker_of(b));
    if (c)
        return c;
    c = strcmp(a->str_value, b->str_value);
    if (c)
        return c;
    CMP(a->index, b->index);
    return 0;
}

typedef struct posting {
    uint32_t hash, cls;
} posting;

static int cmp_posting(const void *pa, const void *pb)
{
    const posting *a = pa, *b = pb;
    CMP(a->hash, b->hash);
    CMP(a->cls, b->cls);
    return 0;
}

typedef struct qpair {
    uint32_t a, b;
} qpair;

static int cmp_qpair(const void *pa, const void *pb)
{
    const qpair *a = pa, *b = pb;
    CMP(a->a, b->a);
    CMP(a->b, b->b);
    return 0;
}

/* The word difference of the aligned variant in x->wp, "have -> has;
 * +word; -word", into the story arena. */
static const char *make_diff(ctx *x)
{
    claims__buf d;
    claims__buf_init(&d, &x->s->alloc);
    claims__wordpair_diff(&x->wp, &d);
    const char *out = NULL;
    if (!d.failed)
        out = claims__story_strndup(x->s, d.data ? d.data : "", d.len);
    claims__buf_free(&d);
    return out;
}

/* Emits a finding over two speech classes. */
static claims_status speech_finding(ctx *x, claims_claim **q, const qclass *A,
                                   const qclass *B, int type, double conf, const char *diff,
                                   bool attribution)
{
    x->ntmp = 0;
    for (uint32_t i = 0; i < A->n; i++)
        if (!tmp_push(x, q[A->first + i]->index))
            return CLAIMS_ERR_NOMEM;
    size_t na = x->ntmp;
    if (B)
        for (uint32_t i = 0; i < B->n; i++)
            if (!tmp_push(x, q[B->first + i]->index))
                return CLAIMS_ERR_NOMEM;
    if (type != CLAIMS_FINDING_CONTRADICTION && type != CLAIMS_FINDING_VARIANT) {
        uint32_t first = claim_at(x, x->tmp[0])->article;
        bool other = false;
        for (size_t i = 1; i < x->ntmp && !other; i++)
            other = claim_at(x, x->tmp[i])->article != first;
        if (!other)
            return CLAIMS_OK;
    }
    uint32_t *la = x->tmp, *lb = x->tmp + na;
    size_t nb = x->ntmp - na;
    sort_n(la, na, sizeof *la, cmp_u32);
    if (nb)
        sort_n(lb, nb, sizeof *lb, cmp_u32);
    const claims_claim *ca = claim_at(x, la[0]);
    const claims_claim *cb = nb ? claim_at(x, lb[0]) : NULL;
    const char *key = ca->frame->key;
    if (cb && wild_speaker(ca) && !wild_speaker(cb))
        key = cb->frame->key;
    else if (cb && !attribution && !wild_speaker(cb) && strlen(cb->frame->key) < strlen(key))
        key = cb->frame->key; /* one person named two ways: the shorter name */
    bool dates = dates_differ(x);
    claims__buf *b = &x->sum;
    if (!B) {
        summary_two(x, ca, la, na, "agrees with", NULL, la, na, key, false, dates);
    } else if (attribution) {
        b->len = 0;
        b->failed = false;
        put_value(x, ca);
        claims__buf_puts(b, " is attributed to ");
        claims__buf_puts(b, ca->speaker ? claims__cstr(ca, ca->speaker) : "?");
        claims__buf_putc(b, ' ');
        put_articles(x, la, na, UINT32_MAX, dates);
        claims__buf_puts(b, " and to ");
        claims__buf_puts(b, cb->speaker ? claims__cstr(cb, cb->speaker) : "?");
        claims__buf_putc(b, ' ');
        put_articles(x, lb, nb, UINT32_MAX, dates);
    } else if (type == CLAIMS_FINDING_VARIANT) {
        b->len = 0;
        b->failed = false;
        put_value(x, ca);
        claims__buf_putc(b, ' ');
        put_articles(x, la, na, UINT32_MAX, dates);
        claims__buf_puts(b, " is worded differently in ");
        put_articles(x, lb, nb, UINT32_MAX, dates);
        claims__buf_puts(b, " for ");
        claims__buf_puts(b, key);
        claims__buf_puts(b, ": ");
        claims__buf_puts(b, diff ? diff : "");
    } else {
        const char *verb = type == CLAIMS_FINDING_AGREEMENT ? "agrees with"
                                                            : "is compatible with";
        summary_two(x, ca, la, na, verb, cb, lb, nb, key, false, dates);
    }
    if (conf < 0.5)
        claims__buf_puts(b, " (weak link)");
    x->basis = attribution ? "the same words, each named at the quote as another person's"
               : type == CLAIMS_FINDING_VARIANT
                   ? (wild_speaker(ca) || (cb && wild_speaker(cb))
                          ? "mostly the same words; one speaker is not named"
                          : "mostly the same words from the same speaker")
                   : (wild_speaker(ca) || (cb && wild_speaker(cb))
                          ? "the same words; one speaker is not named"
                          : "the same words from the same speaker");
    return emit(x, (claims_finding_type)type, key, conf, diff);
}

/* Does the sentence of claim `where` name the speaker of claim `who`
 * outside the quoted words (the last word of the name, any case, as a
 * whole word)? */
static bool names_at_quote(const claims_claim *who, const claims_claim *where)
{
    const char *name = claims__cstr(who, who->speaker);
    if (!name || !claims__claim_base(where))
        return false;
    const char *w = strrchr(name, ' ');
    w = w ? w + 1 : name;
    size_t n = strlen(w);
    if (n < 2)
        return false;
    const char *text = claims__claim_base(where);
    for (size_t i = where->sent_start; i + n <= where->sent_end; i++) {
        if (i >= where->start && i < where->end) {
            i = where->end - 1;
            continue;
        }
        size_t k = 0;
        while (k < n && claims__to_lower((unsigned char)text[i + k]) ==
                            claims__to_lower((unsigned char)w[k]))
            k++;
        if (k < n)
            continue;
        bool left = i == where->sent_start || !claims__is_alpha((unsigned char)text[i - 1]);
        bool right = i + n >= where->sent_end || !claims__is_alpha((unsigned char)text[i + n]);
        if (left && right)
            return true;
    }
    return false;
}

/* Whether all claims of two speech classes stand in one article: one
 * writer naming the same words twice names one person twice ("the
 * showrunner" and his surname, a nickname), not two. */
static bool one_article(claims_claim **q, const qclass *A, const qclass *B)
{
    uint32_t art = q[A->first]->article;
    for (uint32_t i = 0; i < A->n; i++)
        if (q[A->first + i]->article != art)
            return false;
    for (uint32_t i = 0; i < B->n; i++)
        if (q[B->first + i]->article != art)
            return false;
    return true;
}

static claims_status compare_pair(ctx *x, claims_claim **q, const qclass *A,
                                  const qclass *B)
{
    if (q[B->first]->index < q[A->first]->index) {
        /* the class with the earlier claim is the reference */
        const qclass *t = A;
        A = B;
        B = t;
    }
    const claims_claim *ca = q[A->first], *cb = q[B->first];
    bool pa = ca->kind == CLAIMS_KIND_PARAPHRASE, pb = cb->kind == CLAIMS_KIND_PARAPHRASE;
    if (pa && pb)
        return CLAIMS_OK;
    bool wa = wild_speaker(ca), wb = wild_speaker(cb);
    int who = wa || wb ? SPK_MAYBE : speaker_relation(speaker_of(ca), speaker_of(cb));
    bool same = who == SPK_SAME;
    bool named_diff = who == SPK_DIFFERENT;
    if ((pa || pb) && !same)
        return CLAIMS_OK;
    claims__wordpair *wp = &x->wp;
    if (!claims__wordpair_align(wp, ca->str_value, cb->str_value, CLAIMS__ALIGN_CELLS))
        return CLAIMS_ERR_NOMEM;
    size_t na = wp->na, nb = wp->nb;
    if (!na || !nb)
        return CLAIMS_OK;
    size_t common = wp->common;
    size_t shorter = na < nb ? na : nb;
    double overlap = (double)common / (double)shorter;
    bool identical = strcmp(ca->str_value, cb->str_value) == 0;
    bool contained = identical || claims__words_within(ca->str_value, cb->str_value) ||
                     claims__words_within(cb->str_value, ca->str_value);
    if (pa || pb) {
        /* reported speech against the speaker's own words */
        if (common >= 4 && overlap >= 0.6)
            return speech_finding(x, q, A, B, CLAIMS_FINDING_COMPATIBLE, CONF_INFERRED,
                                  NULL, false);
        return CLAIMS_OK;
    }
    if (named_diff) {
        /* Two names for one quote is a finding only when each article
         * names its speaker right at the quote: a pronoun ("he said") or
         * a speaker carried from an earlier paragraph is a guess, and a
         * sentence that names both people may be reporting one to the
         * other. */
        if (!names_at_quote(ca, ca) || !names_at_quote(cb, cb) || names_at_quote(ca, cb) ||
            names_at_quote(cb, ca) || one_article(q, A, B))
            return CLAIMS_OK;
        if (common >= 4 && (contained || overlap >= 0.8))
            return speech_finding(x, q, A, B, CLAIMS_FINDING_CONTRADICTION, CONF_COMPATIBLE,
                                  NULL, true);
        return CLAIMS_OK;
    }
    double conf = same ? CONF_STRONG : CONF_WILD_SPEAKER;
    if (identical)
        return speech_finding(x, q, A, B, CLAIMS_FINDING_AGREEMENT, conf, NULL, false);
    if (contained)
        return speech_finding(x, q, A, B, CLAIMS_FINDING_COMPATIBLE,
                              same ? CONF_COMPATIBLE : CONF_WILD_SPEAKER, NULL, false);
    /* the same named speaker's words retold more freely ("within one
     * minute or two the whole roof was ablaze" against "within a moment or
     * two the entire roof was engulfed") are still a variant of one quote */
    bool retold = same && ca->article != cb->article && common >= VARIANT_RETOLD_WORDS &&
                  overlap >= VARIANT_RETOLD_SHARE;
    if ((common >= 3 && overlap >= 0.7) || retold) {
        const char *diff = make_diff(x);
        if (!diff)
            return CLAIMS_ERR_NOMEM;
        return speech_finding(x, q, A, B, CLAIMS_FINDING_VARIANT,
                              same ? CONF_STRONG : CONF_WILD_SPEAKER, diff, false);
    }
    return CLAIMS_OK;
}

/* The working lists of compare_speech. */
typedef struct speech {
    claims_claim **q; /* quotes and paraphrases, sorted */
    size_t nq, capq;
    qclass *cls;      /* runs of q with one kind, speaker and wording */
    size_t ncls, capcls;
    posting *post;    /* shingle hash -> class */
    size_t npost, cappost;
    qpair *pairs;     /* classes to compare */
    size_t npairs, cappairs;
} speech;

/* Collects the quotes and paraphrases with words, sorted, and groups
 * them into classes of one kind, speaker and wording. False on OOM. */
static bool speech_classes(const claims_story *s, speech *sp)
{
    const claims_allocator *al = &s->alloc;
    for (size_t i = 0; i < s->nclaims; i++) {
        claims_claim *c = s->claims[i];
        if ((c->kind != CLAIMS_KIND_QUOTE && c->kind != CLAIMS_KIND_PARAPHRASE) ||
            !c->str_value || !c->str_value[0])
            continue;
        if (!claims__grow(al, (void **)&sp->q, &sp->capq, sp->nq + 1, sizeof *sp->q))
            return false;
        sp->q[sp->nq++] = c;
    }
    sort_n(sp->q, sp->nq, sizeof *sp->q, cmp_speech_ptr);
    claims_claim **q = sp->q;
    for (size_t i = 0; i < sp->nq;) {
        size_t j = i + 1;
        while (j < sp->nq && q[j]->kind == q[i]->kind &&
               strcmp(speaker_of(q[j]), speaker_of(q[i])) == 0 &&
               strcmp(q[j]->str_value, q[i]->str_value) == 0)
            j++;
        if (!claims__grow(al, (void **)&sp->cls, &sp->capcls, sp->ncls + 1, sizeof *sp->cls))
            return false;
        sp->cls[sp->ncls].first = (uint32_t)i;
        sp->cls[sp->ncls].n = (uint32_t)(j - i);
        sp->ncls++;
        i = j;
    }
    return true;
}

/* The inverted index of each class's 3-word shingles (the whole text when
 * shorter), sorted by hash, without repeats. False on OOM. */
static bool speech_shingles(ctx *x, speech *sp)
{
    const claims_allocator *al = &x->s->alloc;
    for (size_t k = 0; k < sp->ncls; k++) {
        size_t nw;
        if (!claims__words_split(al, sp->q[sp->cls[k].first]->str_value, true, &x->wp.a,
                                 &x->wp.acap, &nw))
            return false;
        size_t shingles = nw >= 3 ? nw - 2 : 1;
        if (!claims__grow(al, (void **)&sp->post, &sp->cappost, sp->npost + shingles,
                          sizeof *sp->post))
            return false;
        for (size_t i = 0; i < shingles; i++) {
            uint32_t h = CLAIMS__HASH_INIT;
            size_t upto = nw >= 3 ? i + 3 : nw;
            for (size_t w = i; w < upto; w++) {
                h = claims__hash(h, x->wp.a[w].p, x->wp.a[w].len);
                h = claims__hash(h, " ", 1);
            }
            sp->post[sp->npost].hash = h;
            sp->post[sp->npost].cls = (uint32_t)k;
            sp->npost++;
        }
    }
    posting *post = sp->post;
    sort_n(post, sp->npost, sizeof *post, cmp_posting);
    size_t w = 0;
    for (size_t i = 0; i < sp->npost; i++)
        if (!w || post[w - 1].hash != post[i].hash || post[w - 1].cls != post[i].cls)
            post[w++] = post[i];
    sp->npost = w;
    return true;
}

static void push_pair(speech *sp, size_t a, size_t b)
{
    sp->pairs[sp->npairs].a = (uint32_t)a;
    sp->pairs[sp->npairs].b = (uint32_t)b;
    sp->npairs++;
}

/* Pairs from each shingle's classes: all of them when few, else each with
 * its neighbour, so that a common phrase never costs a square. */
static bool pairs_by_shingle(const claims_allocator *al, speech *sp)
{
    const posting *post = sp->post;
    for (size_t i = 0; i < sp->npost;) {
        size_t j = i + 1;
        while (j < sp->npost && post[j].hash == post[i].hash)
            j++;
        size_t d = j - i;
        size_t need = d <= MAX_POSTING_PAIRS ? d * (d - 1) / 2 : d - 1;
        if (!claims__grow(al, (void **)&sp->pairs, &sp->cappairs, sp->npairs + need + 1,
                          sizeof *sp->pairs))
            return false;
        for (size_t a = i; a < j; a++) {
            if (d <= MAX_POSTING_PAIRS) {
                for (size_t b = a + 1; b < j; b++)
                    push_pair(sp, post[a].cls, post[b].cls);
            } else if (a > i) {
                push_pair(sp, post[a - 1].cls, post[a].cls);
            }
        }
        i = j;
    }
    return true;
}

/* Short renderings of one speaker may share no 3-word shingle ("we
 * searched all night" / "we searched through the night"): classes of one
 * named speaker are paired too, all of them when few, else each with its
 * neighbour. The classes are sorted by kind and speaker. */
static bool pairs_by_speaker(const claims_allocator *al, speech *sp)
{
    claims_claim **q = sp->q;
    const qclass *cls = sp->cls;
    for (size_t i = 0; i < sp->ncls;) {
        const claims_claim *ci = q[cls[i].first];
        size_t j = i + 1;
        while (j < sp->ncls && q[cls[j].first]->kind == ci->kind &&
               strcmp(speaker_of(q[cls[j].first]), speaker_of(ci)) == 0)
            j++;
        size_t d = j - i;
        if (d > 1 && !wild_speaker(ci)) {
            bool all = d <= SPEAKER_PAIRS_ALL;
            size_t need = all ? d * (d - 1) / 2 : d - 1;
            if (!claims__grow(al, (void **)&sp->pairs, &sp->cappairs, sp->npairs + need + 1,
                              sizeof *sp->pairs))
                return false;
            for (size_t a = i; a < j; a++)
                for (size_t b = a + 1; b < (all ? j : (a + 2 < j ? a + 2 : j)); b++)
                    push_pair(sp, a, b);
        }
        i = j;
    }
    return true;
}

static claims_status compare_speech(ctx *x)
{
    const claims_allocator *al = &x->s->alloc;
    speech sp;
    memset(&sp, 0, sizeof sp);
    claims_status st = CLAIMS_ERR_NOMEM;
    if (!speech_classes(x->s, &sp))
        goto out;
    /* Agreements: the same speaker, the same words, two articles. */
    for (size_t k = 0; k < sp.ncls; k++) {
        if (sp.cls[k].n < 2)
            continue;
        double conf = wild_speaker(sp.q[sp.cls[k].first]) ? CONF_WILD_SPEAKER : CONF_STRONG;
        st = speech_finding(x, sp.q, &sp.cls[k], NULL, CLAIMS_FINDING_AGREEMENT, conf, NULL,
                            false);
        if (st != CLAIMS_OK)
            goto out;
    }
    st = CLAIMS_ERR_NOMEM;
    if (!speech_shingles(x, &sp) || !pairs_by_shingle(al, &sp) || !pairs_by_speaker(al, &sp))
        goto out;
    sort_n(sp.pairs, sp.npairs, sizeof *sp.pairs, cmp_qpair);
    for (size_t i = 0; i < sp.npairs; i++) {
        const qpair *pr = &sp.pairs[i];
        if (i && pr->a == pr[-1].a && pr->b == pr[-1].b)
            continue;
        st = compare_pair(x, sp.q, &sp.cls[pr->a], &sp.cls[pr->b]);
        if (st != CLAIMS_OK)
            goto out;
    }
    st = CLAIMS_OK;
out:
    claims__free(al, sp.q);
    claims__free(al, sp.cls);
    claims__free(al, sp.post);
    claims__free(al, sp.pairs);
    return st;
}

/* ------------------------------------------------------------ driver */

static bool by_evidence(const claims_finding *f)
{
    return f->type == CLAIMS_FINDING_CONTRADICTION &&
           (f->basis == BASIS_EVIDENCE_STRONG || f->basis == BASIS_EVIDENCE);
}

static bool has_claim(const claims_finding *f, uint32_t c)
{
    for (size_t i = 0; i < f->nclaims; i++)
        if (f->claims[i] == c)
            return true;
    return false;
}

static bool has_article(const claims_story *s, const claims_finding *f, uint32_t art)
{
    for (size_t i = 0; i < f->nclaims; i++)
        if (s->claims[f->claims[i]]->article == art)
            return true;
    return false;
}

/* Whether contradiction w is told less alike than g about the same claim
 * against the same articles: one article gives two values ("2,117" before
 * a game, "2,129" after it) and the other's figure is set against the one
 * whose sentence tells it in the same words. */
static bool outtold(const claims_story *s, const claims_finding *w, const claims_finding *g)
{
    if (w->confidence >= g->confidence)
        return false;
    bool shared = false;
    for (size_t i = 0; i < w->nclaims; i++) {
        uint32_t c = w->claims[i];
        if (has_claim(g, c))
            shared = true;
        else if (!has_article(s, g, s->claims[c]->article))
            return false;
    }
    return shared;
}

/* Drops the evidence contradictions another of the same slot outtells.
 * Findings are sorted, so a slot's are adjacent; each is checked against
 * a bounded run of its neighbours. */
static void drop_outtold(claims_story *s)
{
    size_t keep = 0;
    for (size_t i = 0; i < s->nfindings; i++) {
        const claims_finding *f = &s->findings[i];
        bool drop = false;
        if (by_evidence(f)) {
            size_t lo = i > OUTTOLD_RUN ? i - OUTTOLD_RUN : 0;
            for (size_t j = lo; j < s->nfindings && j <= i + OUTTOLD_RUN && !drop; j++) {
                const claims_finding *g = &s->findings[j];
                drop = j != i && by_evidence(g) && cmp_str0(f->key, g->key) == 0 &&
                       outtold(s, f, g);
            }
        }
        if (!drop)
            s->findings[keep++] = *f;
    }
    s->nfindings = keep;
}

static int cmp_finding(const void *pa, const void *pb)
{
    const claims_finding *a = pa, *b = pb;
    CMP(a->type, b->type);
    int c = cmp_str0(a->key, b->key);
    if (c)
        return c;
    size_t n = a->nclaims < b->nclaims ? a->nclaims : b->nclaims;
    for (size_t i = 0; i < n; i++)
        CMP(a->claims[i], b->claims[i]);
    CMP(a->nclaims, b->nclaims);
    CMP(a->confidence, b->confidence);
    return cmp_str0(a->summary, b->summary);
}

claims_status claims__compare(claims_story *s)
{
    ctx x;
    memset(&x, 0, sizeof x);
    x.s = s;
    claims__wordpair_init(&x.wp, &s->alloc);
    x.ev = claims__likeness_new(&s->alloc, s->nclaims);
    if (!x.ev)
        return CLAIMS_ERR_NOMEM;
    claims__buf_init(&x.sum, &s->alloc);
    claims_status st = compare_values(&x);
    if (st == CLAIMS_OK)
        st = compare_speech(&x);
    if (st == CLAIMS_OK && s->nfindings > 1) {
        sort_n(s->findings, s->nfindings, sizeof *s->findings, cmp_finding);
        drop_outtold(s);
    }
    for (size_t i = 0; i < s->nfindings && st == CLAIMS_OK; i++) {
        claims__finding_label(s, &s->findings[i], &x.sum);
        s->findings[i].label =
            x.sum.failed ? NULL : claims__story_strndup(s, x.sum.data ? x.sum.data : "", x.sum.len);
        if (!s->findings[i].label)
            st = CLAIMS_ERR_NOMEM;
    }
    claims__buf_free(&x.sum);
    claims__free(&s->alloc, x.tmp);
    claims__free(&s->alloc, x.cv);
    claims__free(&s->alloc, x.ac);
    claims__wordpair_free(&x.wp);
    if (st == CLAIMS_OK && claims__likeness_failed(x.ev))
        st = CLAIMS_ERR_NOMEM;
    claims__likeness_free(x.ev);
    return st;
}
