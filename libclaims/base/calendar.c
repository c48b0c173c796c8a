/* calendar.c - the one calendar: proleptic Gregorian day numbers,
 * weekdays, month lengths and leap years, ISO 8601 dates read and written,
 * and the one test of whether a number looks like a year. Used by story.c
 * (published dates), extract/ (dates, context, events) and compare/. */
#include "base/base.h"

#include <string.h>

bool claims__is_leap_year(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}


long claims__date_to_days(int year, int month, int day)
{
    long y = (long)year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = month > 2 ? month - 3 : month + 9;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

claims__date claims__days_to_date(long days)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    claims__date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

int claims__date_weekday(long days)
{
    long w = ((days % 7) + 7) % 7; /* 0 = Thursday 1970-01-01 */
    return (int)((w + 3) % 7) + 1;
}

int claims__date_month_days(int year, int month)
{
    static const unsigned char len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2) {
        /* year 0 is unknown: any February 29 may be */
        return year == 0 || claims__is_leap_year(year) ? 29 : 28;
    }
    return len[month - 1];
}

/* Out of line: only a month or day out of its range comes here. */
static CLAIMS__NOINLINE void put_digits(char *out, int v, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        out[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* Two digits of v, 0 to 99, from a table: one load and a store, not two
 * divisions a digit (an article's dates and its published date are
 * written here, a few thousand a megabyte). */
static void put2(char *out, int v)
{
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324"
                                   "25262728293031323334353637383940414243444546474849"
                                   "50515253545556575859606162636465666768697071727374"
                                   "75767778798081828384858687888990919293949596979899";
    memcpy(out, pairs + 2 * v, 2);
}

/* A month or day: two digits, as put_digits writes any int. */
static void put_field(char *out, int v)
{
    if (v >= 0 && v <= 99)
        put2(out, v);
    else
        put_digits(out, v, 2);
}

size_t claims__date_iso(const claims__date *d, int precision, char out[11])
{
    if (precision < CLAIMS__PREC_YEAR || precision > CLAIMS__PREC_DAY) {
        out[0] = 0;
        return 0;
    }
    if (d->year > 0 && d->year <= 9999) {
        put2(out, d->year / 100);
        put2(out + 2, d->year % 100);
    } else {
        memcpy(out, "XXXX", 4);
    }
    size_t n = 4;
    if (precision >= CLAIMS__PREC_MONTH) {
        out[n] = '-';
        put_field(out + n + 1, d->month);
        n += 3;
    }
    if (precision >= CLAIMS__PREC_DAY) {
        out[n] = '-';
        put_field(out + n + 1, d->day);
        n += 3;
    }
    out[n] = 0;
    return n;
}

/* n digits at s as a number; false when one is not a digit. */
static bool read_digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!claims__is_digit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int claims__iso_parse(const char *s, size_t n, claims__date *d, bool *yearless)
{
    memset(d, 0, sizeof *d);
    *yearless = n >= 4 && (s[0] == 'X' || s[0] == 'x');
    if (n != 4 && n != 7 && n != 10)
        return CLAIMS__PREC_NONE;
    if (!*yearless && !read_digits(s, 4, &d->year))
        return CLAIMS__PREC_NONE;
    if (n >= 7 && (s[4] != '-' || !read_digits(s + 5, 2, &d->month) || d->month < 1 ||
                   d->month > 12))
        return CLAIMS__PREC_NONE;
    if (n >= 10 && (s[7] != '-' || !read_digits(s + 8, 2, &d->day) || d->day < 1 ||
                    d->day > 31))
        return CLAIMS__PREC_NONE;
    return n == 4 ? CLAIMS__PREC_YEAR : n == 7 ? CLAIMS__PREC_MONTH : CLAIMS__PREC_DAY;
}

bool claims__year_like(long v)
{
    return v >= CLAIMS__YEAR_LIKE_MIN && v <= CLAIMS__YEAR_LIKE_MAX;
}
