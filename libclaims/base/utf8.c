/* utf8.c - UTF-8 validation, code point classes and normalization for
 * matching. The only file that includes utf8proc.h. */
#include "base/base.h"

#include <string.h>
#include <utf8proc.h>

claims_status claims__utf8_validate(const char *str, size_t n, size_t *offset)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
#ifdef CLAIMS__SSE2
        /* ASCII fast path, sixteen bytes at a time: no byte with the high
         * bit set (movemask) and none zero; sixty-four a test while they
         * last (news runs hundreds of ASCII bytes between its curly marks) */
        const __m128i zero = _mm_setzero_si128();
        while (n - i >= 64) {
            const __m128i *p = (const __m128i *)(const void *)(s + i);
            __m128i a = _mm_loadu_si128(p), b = _mm_loadu_si128(p + 1);
            __m128i c = _mm_loadu_si128(p + 2), d = _mm_loadu_si128(p + 3);
            __m128i bad = _mm_or_si128(_mm_or_si128(_mm_or_si128(a, _mm_cmpeq_epi8(a, zero)),
                                                    _mm_or_si128(b, _mm_cmpeq_epi8(b, zero))),
                                       _mm_or_si128(_mm_or_si128(c, _mm_cmpeq_epi8(c, zero)),
                                                    _mm_or_si128(d, _mm_cmpeq_epi8(d, zero))));
            if (_mm_movemask_epi8(bad))
                break;
            i += 64;
        }
        while (n - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero))))
                break;
            i += 16;
        }
#endif
        /* ASCII fast path, eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            /* A zero byte in w: the classic haszero trick. */
            if ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c == 0) {
            *offset = i;
            return CLAIMS_ERR_NUL_BYTE;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        /* The typographic marks of news (U+2000..U+203F: dashes, curly
         * quotes, the ellipsis) are E2 80 xx or E2 81 xx: valid whenever
         * the third byte continues, with no decoding. */
        if (c == 0xE2 && n - i >= 3 && (s[i + 1] & 0xFE) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            *offset = i; /* continuation byte, overlong lead C0/C1, F5+ */
            return CLAIMS_ERR_INVALID_UTF8;
        }
        if (n - i < len) {
            *offset = i;
            return CLAIMS_ERR_INVALID_UTF8;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *offset = i;
                return CLAIMS_ERR_INVALID_UTF8;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *offset = i; /* overlong form, out of range, surrogate */
            return CLAIMS_ERR_INVALID_UTF8;
        }
        i += len;
    }
    return CLAIMS_OK;
}

int32_t claims__utf8_next(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return (int32_t)c;
    }
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t len = utf8proc_iterate(s + *i, (utf8proc_ssize_t)(n - *i), &cp);
    if (len <= 0) {
        (*i)++;
        return 0xFFFD;
    }
    *i += (size_t)len;
    return cp;
}

bool claims__cp_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return claims__is_alpha(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool claims__cp_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return claims__is_upper(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool claims__cp_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return claims__is_digit(cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool claims__cp_is_space(int32_t cp)
{
    if (cp < 0x80)
        return claims__is_space(cp);
    if (cp == 0x85 || cp == 0xA0 || cp == 0x2028 || cp == 0x2029)
        return true;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Folds that NFKC and case folding leave alone but matching needs:
 * typographic quotes, dashes, no-break spaces. Returns the ASCII
 * replacement or 0. */
static char fold_punct(int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039:
    case 0x203A: case 0x02BC: case 0xFF07:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A:
        return ' ';
    default:
        return 0;
    }
}

bool claims__norm_append(claims__buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII run: lower-case and copy. */
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 0x80)
            j++;
        if (j > i) {
            if (!claims__grow(out->alloc, (void **)&out->data, &out->cap, out->len + (j - i) + 1,
                              1)) {
                out->failed = true;
                return false;
            }
            for (size_t k = i; k < j; k++)
                out->data[out->len++] = (char)claims__to_lower((unsigned char)s[k]);
            out->data[out->len] = 0;
            i = j;
            continue;
        }
        /* A run of non-ASCII code points, normalized together so that
         * combining marks compose with their base. */
        while (j < n && (unsigned char)s[j] >= 0x80)
            j++;
        size_t k = i;
        while (k < j) {
            size_t start = k;
            int32_t cp = claims__utf8_next(s, j, &k);
            char f = fold_punct(cp);
            if (f) {
                if (!claims__buf_putc(out, f))
                    return false;
                continue;
            }
            /* Gather the code points up to the next folded one. */
            size_t end = k;
            while (end < j) {
                size_t t = end;
                int32_t c2 = claims__utf8_next(s, j, &t);
                if (fold_punct(c2))
                    break;
                end = t;
            }
            utf8proc_int32_t stackbuf[64];
            utf8proc_int32_t *buf = stackbuf;
            utf8proc_ssize_t cap = 64;
            int opts = UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STABLE | UTF8PROC_COMPOSE;
            utf8proc_ssize_t got = utf8proc_decompose((const utf8proc_uint8_t *)s + start,
                                                      (utf8proc_ssize_t)(end - start), buf,
                                                      cap, opts);
            if (got > cap) {
                buf = claims__malloc(out->alloc, (size_t)got * sizeof *buf);
                if (!buf) {
                    out->failed = true;
                    return false;
                }
                cap = got;
                got = utf8proc_decompose((const utf8proc_uint8_t *)s + start,
                                         (utf8proc_ssize_t)(end - start), buf, cap, opts);
            }
            if (got >= 0) {
                utf8proc_ssize_t len =
                    utf8proc_reencode(buf, got, (utf8proc_option_t)opts);
                if (len >= 0)
                    claims__buf_put(out, (const char *)buf, (size_t)len);
            } else {
                claims__buf_put(out, s + start, end - start);
            }
            if (buf != stackbuf)
                claims__free(out->alloc, buf);
            if (out->failed)
                return false;
            k = end;
        }
        i = j;
    }
    return !out->failed;
}
