/* libc_compat.c - what Debian's static jansson and yajl, built against
 * glibc, need of a C library and musl does not have: the checked forms
 * of snprintf, vsnprintf, sprintf, strncpy and memcpy that glibc's
 * _FORTIFY_SOURCE calls. Linked into `claims-musl` only (meson.build,
 * scripts/musl_cli.py); glibc builds have their own.
 *
 * Each does what glibc's does: the call as written, after checking that
 * the destination's size the compiler knew (`dlen`, `slen`) holds it,
 * and abort() where it does not (glibc's __chk_fail ends the process
 * too). They are not part of libclaims. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int __vsnprintf_chk(char *s, size_t n, int flag, size_t slen, const char *fmt, va_list ap);
int __snprintf_chk(char *s, size_t n, int flag, size_t slen, const char *fmt, ...);
int __sprintf_chk(char *s, int flag, size_t slen, const char *fmt, ...);
char *__strncpy_chk(char *d, const char *s, size_t n, size_t dlen);
void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen);

int __vsnprintf_chk(char *s, size_t n, int flag, size_t slen, const char *fmt, va_list ap)
{
    (void)flag; /* glibc's %n check: musl's printf has no such mode */
    if (n > slen)
        abort();
    return vsnprintf(s, n, fmt, ap);
}

int __snprintf_chk(char *s, size_t n, int flag, size_t slen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __vsnprintf_chk(s, n, flag, slen, fmt, ap);
    va_end(ap);
    return r;
}

int __sprintf_chk(char *s, int flag, size_t slen, const char *fmt, ...)
{
    (void)flag;
    if (slen == 0)
        abort();
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(s, slen, fmt, ap);
    va_end(ap);
    if (r >= 0 && (size_t)r >= slen)
        abort(); /* sprintf would have written past the buffer */
    return r;
}

char *__strncpy_chk(char *d, const char *s, size_t n, size_t dlen)
{
    if (n > dlen)
        abort();
    return strncpy(d, s, n);
}

void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen)
{
    if (n > dlen)
        abort();
    return memcpy(d, s, n);
}
