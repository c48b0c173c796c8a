/* events.c - which event each figure speaks of.
 *
 * A story is about one event, dated near the publication of most of its
 * articles; articles also give the toll of an earlier quake, the year of
 * an earlier conviction, the dead of another attack. context.c gave each
 * figure the time its clause speaks of and whether its sentence marks
 * another event ("previous", "last year"). Here, once every article is
 * read, the story's reference date is the median publication date of its
 * dated articles; a figure whose time is far from it, or whose sentence
 * marks another event, belongs to a background event labelled by its
 * year ("2004") or by "earlier". Figures of different events are never
 * compared (compare/compare.c); two articles that both give the 2004 toll
 * still meet under the same background event. */
#include "extract/extract.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A dated time within this many days of the reference is the story's. */
enum { OWN_DAYS = 45, LABEL_MAX = 16 };

static int cmp_long(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;
    return a < b ? -1 : a > b;
}

static bool is_figure(unsigned kind)
{
    return kind == CLAIMS_KIND_COUNT || kind == CLAIMS_KIND_MONEY || kind == CLAIMS_KIND_PERCENT ||
           kind == CLAIMS_KIND_MEASURE;
}

/* The day count of the day before a month's first (claims__date_to_days
 * of day 0, which is linear in the day): the last month asked for,
 * kept, as most dates of a story fall in a few months (a call is some
 * fifty steps). */
typedef struct month_base {
    int year, month;
    long base;
    bool set;
} month_base;

/* claims__date_to_days(year, month, day), by way of mb. */
static long days_of(month_base *mb, int year, int month, int day)
{
    if (!mb->set || mb->year != year || mb->month != month) {
        mb->year = year;
        mb->month = month;
        mb->base = claims__date_to_days(year, month, 0);
        mb->set = true;
    }
    return mb->base + day;
}

/* The story's reference day: the median publication day of its dated
 * articles. False when no article is dated. */
static bool reference_day(claims_story *s, long *out, claims_status *st)
{
    size_t n = 0;
    for (size_t i = 0; i < s->narticles; i++)
        n += s->articles[i].published.year > 0 && s->articles[i].published.day > 0;
    if (!n)
        return false;
    long *days = claims__malloc(&s->alloc, n * sizeof *days);
    if (!days) {
        *st = CLAIMS_ERR_NOMEM;
        return false;
    }
    n = 0;
    month_base mb = {0, 0, 0, false};
    for (size_t i = 0; i < s->narticles; i++) {
        const claims__date *d = &s->articles[i].published;
        if (d->year > 0 && d->day > 0)
            days[n++] = days_of(&mb, d->year, d->month, d->day);
    }
    qsort(days, n, sizeof *days, cmp_long);
    *out = days[(n - 1) / 2];
    claims__free(&s->alloc, days);
    return true;
}

/* Is the anchor's time the story's own, near the reference day ref (the
 * date r)? */
static bool near_reference(const claims__anchor *a, long ref, const claims__date *rd,
                           month_base *mb)
{
    claims__date r = *rd;
    switch (a->precision) {
    case CLAIMS__PREC_YEAR:
        return a->date.year == r.year;
    case CLAIMS__PREC_MONTH: {
        long m = (long)a->date.year * 12 + a->date.month, rm = (long)r.year * 12 + r.month;
        return m - rm <= 1 && rm - m <= 1;
    }
    case CLAIMS__PREC_DAY: {
        long d = days_of(mb, a->date.year, a->date.month, a->date.day) - ref;
        return d <= OWN_DAYS && -d <= OWN_DAYS;
    }
    default:
        return true;
    }
}

static bool before_reference(const claims__anchor *a, long ref, const claims__date *rd)
{
    claims__date r = *rd;
    if (a->date.year != r.year)
        return a->date.year < r.year;
    if (!a->date.month || a->date.month != r.month)
        return a->date.month < r.month;
    return claims__date_to_days(a->date.year, a->date.month, a->date.day ? a->date.day : 1) < ref;
}

/* v in decimal into buf (as "%d" would write it); buf returned. */
static const char *decimal(int v, char buf[LABEL_MAX])
{
    char tmp[LABEL_MAX];
    size_t n = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t k = 0;
    if (v < 0)
        buf[k++] = '-';
    while (n)
        buf[k++] = tmp[--n];
    buf[k] = 0;
    return buf;
}

/* The key of the label "earlier" (a year's key is the year). */
#define EARLIER_KEY LLONG_MAX

/* Whether a figure anchored at *a belongs to another event, and the key
 * of its label into *key: its year, or EARLIER_KEY for a marker ("earlier").
 * rd is the reference day ref as a date. Labels are told apart by their
 * keys: no label is written until it is new. */
static bool event_key(const claims__anchor *a, bool dated, long ref, const claims__date *rd,
                      month_base *mb, long long *key)
{
    /* only the past holds other events: a time after the story's
     * ("deliveries next year") is a plan of this one */
    if (a->precision && dated && !near_reference(a, ref, rd, mb) && before_reference(a, ref, rd)) {
        *key = a->date.year;
        return true;
    }
    *key = EARLIER_KEY;
    return a->background;
}

/* A background label in order of first use: its key and its string. */
typedef struct event_label {
    long long key;
    claims__sid sid;
} event_label;

/* A frame as changed for an event, by the frame it was and the event's
 * id: claims with one frame share it, and a copy changed the same way is
 * the same shared frame (claims__frame_put would find it again). An
 * open-addressing table of mask + 1 slots; from NULL: empty. */
typedef struct moved_frame {
    const claims__frame *from, *to;
    uint32_t event_id;
} moved_frame;

typedef struct move_table {
    moved_frame *slots;
    size_t mask, n;
} move_table;

static moved_frame *move_slot(const move_table *t, const claims__frame *from, uint32_t event_id)
{
    size_t i =
        (size_t)((((uintptr_t)from >> 4) ^ event_id) * 0x9E3779B97F4A7C15ull >> 32) & t->mask;
    while (t->slots[i].from && (t->slots[i].from != from || t->slots[i].event_id != event_id))
        i = (i + 1) & t->mask;
    return &t->slots[i];
}

/* Enters from -> to for event_id into t, grown to stay at most half
 * full. A table that cannot grow only forgets (a cache). */
static void move_remember(claims_story *s, move_table *t, const claims__frame *from,
                          uint32_t event_id, const claims__frame *to)
{
    if (2 * (t->n + 1) > t->mask + 1) {
        size_t nslots = t->slots ? 2 * (t->mask + 1) : 64;
        moved_frame *slots = claims__malloc(&s->alloc, nslots * sizeof *slots);
        if (!slots)
            return;
        memset(slots, 0, nslots * sizeof *slots);
        move_table grown = {slots, nslots - 1, t->n};
        for (size_t i = 0; t->slots && i <= t->mask; i++)
            if (t->slots[i].from)
                *move_slot(&grown, t->slots[i].from, t->slots[i].event_id) = t->slots[i];
        claims__free(&s->alloc, t->slots);
        *t = grown;
    }
    moved_frame *e = move_slot(t, from, event_id);
    e->from = from;
    e->to = to;
    e->event_id = event_id;
    t->n++;
}

claims_status claims__resolve_events(claims_story *s)
{
    claims_status st = CLAIMS_OK;
    long ref = 0;
    bool dated = reference_day(s, &ref, &st);
    if (st != CLAIMS_OK)
        return st;
    claims__date rd = claims__days_to_date(ref);
    /* Background labels in order of first use get ids 2, 3, ... */
    event_label *labels = NULL;
    size_t nlabels = 0, cap = 0;
    move_table moved = {NULL, 0, 0};
    month_base mb = {0, 0, 0, false};
    for (size_t i = 0; i < s->nclaims; i++) {
        /* Only a figure may belong to another event. Any other claim's
           frame has the story's own, as drafted (claims__frame_draft): it
           is passed by its kind, side by side with the others', unread. */
        if (!is_figure(s->claim_kinds[i]))
            continue;
        claims_claim *c = s->claims[i];
        const claims__frame *from = c->frame;
        /* the story's own event unless its anchor tells another */
        claims__sid event = 0;
        uint32_t event_id = 1;
        long long key = 0;
        if (event_key(&from->anchor, dated, ref, &rd, &mb, &key)) {
            size_t k = 0;
            while (k < nlabels && labels[k].key != key)
                k++;
            if (k == nlabels) {
                char buf[LABEL_MAX];
                /* not snprintf: a call a tenth the cost */
                const char *label = key == EARLIER_KEY ? "earlier" : decimal((int)key, buf);
                claims__sid copy = claims__intern(s, label, strlen(label));
                if (!copy ||
                    !claims__grow(&s->alloc, (void **)&labels, &cap, nlabels + 1, sizeof *labels)) {
                    st = CLAIMS_ERR_NOMEM;
                    break;
                }
                labels[nlabels].key = key;
                labels[nlabels++].sid = copy;
            }
            event = labels[k].sid;
            event_id = (uint32_t)k + 2;
        }
        if (from->event == event && from->event_id == event_id)
            continue; /* as claims__frame_put would leave it, without the copy */
        bool draft = (c->flags & CLAIMS__CF_DRAFT) != 0;
        if (!draft && moved.slots) {
            const moved_frame *e = move_slot(&moved, from, event_id);
            if (e->from) {
                c->frame = e->to;
                continue;
            }
        }
        claims__frame f = *from;
        f.event = event;
        f.event_id = event_id;
        if (!claims__frame_put(s, c, &f)) {
            st = CLAIMS_ERR_NOMEM;
            break;
        }
        if (!draft)
            move_remember(s, &moved, from, event_id, c->frame);
    }
    claims__free(&s->alloc, labels);
    claims__free(&s->alloc, moved.slots);
    return st;
}
