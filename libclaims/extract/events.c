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

#include <stdlib.h>
#include <string.h>

/* A dated time within this many days of the reference is the story's. */
enum { OWN_DAYS = 45, LABEL_MAX = 16 };

static int cmp_long(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;
    return a < b ? -1 : a > b;
}

static bool is_figure(const claims_claim *c)
{
    return c->kind == CLAIMS_KIND_COUNT || c->kind == CLAIMS_KIND_MONEY ||
           c->kind == CLAIMS_KIND_PERCENT || c->kind == CLAIMS_KIND_MEASURE;
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
    for (size_t i = 0; i < s->narticles; i++) {
        const claims__date *d = &s->articles[i].published;
        if (d->year > 0 && d->day > 0)
            days[n++] = claims__date_to_days(d->year, d->month, d->day);
    }
    qsort(days, n, sizeof *days, cmp_long);
    *out = days[(n - 1) / 2];
    claims__free(&s->alloc, days);
    return true;
}

/* Is the anchor's time the story's own, near the reference day ref (the
 * date r)? */
static bool near_reference(const claims__anchor *a, long ref, const claims__date *rd)
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
        long d = claims__date_to_days(a->date.year, a->date.month, a->date.day) - ref;
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

/* The label of the other event a figure anchored at *a belongs to, written
 * into buf: its year, or "earlier" for a marker; NULL for the story's own.
 * rd is the reference day ref as a date. */
static const char *event_label(const claims__anchor *a, bool dated, long ref,
                               const claims__date *rd, char buf[LABEL_MAX])
{
    /* only the past holds other events: a time after the story's
     * ("deliveries next year") is a plan of this one */
    if (a->precision && dated && !near_reference(a, ref, rd) && before_reference(a, ref, rd))
        return decimal(a->date.year, buf); /* not snprintf: a call a tenth the cost */
    return a->background ? "earlier" : NULL;
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
    claims__sid *labels = NULL;
    size_t nlabels = 0, cap = 0;
    for (size_t i = 0; i < s->nclaims && st == CLAIMS_OK; i++) {
        claims_claim *c = s->claims[i];
        char buf[LABEL_MAX];
        const char *label =
            is_figure(c) ? event_label(&c->frame->anchor, dated, ref, &rd, buf) : NULL;
        size_t k = 0;
        while (label && k < nlabels && strcmp(claims__str(s, labels[k]), label) != 0)
            k++;
        if (label && k == nlabels) {
            claims__sid copy = claims__intern(s, label, strlen(label));
            if (!copy || !claims__grow(&s->alloc, (void **)&labels, &cap, nlabels + 1,
                                       sizeof *labels)) {
                st = CLAIMS_ERR_NOMEM;
                break;
            }
            labels[nlabels++] = copy;
        }
        claims__sid event = label ? labels[k] : 0;
        uint32_t event_id = label ? (uint32_t)k + 2 : 1;
        if (c->frame->event == event && c->frame->event_id == event_id)
            continue; /* as claims__frame_put would leave it, without the copy */
        claims__frame f = *c->frame;
        f.event = event;
        f.event_id = event_id;
        if (!claims__frame_put(s, c, &f))
            st = CLAIMS_ERR_NOMEM;
    }
    claims__free(&s->alloc, labels);
    return st;
}
