/* spelling.c - British and American spellings of one word folded to one
 * form by rule, not word by word, so that "jewellery" meets "jewelry" and
 * "harbour" meets "harbor" in a claim's frame. Only endings whose fold
 * never joins two different English words are folded:
 *   -our  -> -or    in words of six letters or more ("harbour", "labour";
 *                   not "hour", "four", "tour", nor "detour", "devour",
 *                   "contour", listed)
 *   -tre  -> -ter   in words of five letters or more ("centre", "metre")
 *   -ogue -> -og    in words of seven letters or more ("catalogue")
 *   -isation -> -ization, -yse -> -yze ("organisation", "analyse")
 *   -ellery -> -elry ("jewellery")
 *   defence, offence, licence, pretence -> -ense
 * Also applied to plurals of these ("harbours", "centres"). */
#include "base/base.h"

#include <string.h>

static bool ends(const char *w, size_t n, const char *suffix, size_t *at)
{
    size_t k = strlen(suffix);
    if (n < k || memcmp(w + n - k, suffix, k) != 0)
        return false;
    *at = n - k;
    return true;
}

static bool one_of(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return true;
    return false;
}

size_t claims__spelling_fold(const char *w, size_t n, char *out, size_t cap)
{
    static const char *const our_keep[] = {"detour", "devour", "contour", "paramour",
                                           "troubadour", "velour", NULL};
    static const char *const ence[] = {"defence", "offence", "licence", "pretence", NULL};
    if (n + 1 > cap)
        return 0;
    memcpy(out, w, n);
    out[n] = '\0';
    /* a plural: fold the stem, keep the "s" */
    size_t stem = n, plural = 0;
    if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's') {
        stem = n - 1;
        plural = 1;
    }
    size_t at;
    const char *repl = NULL;
    size_t cut = stem;
    if (ends(w, stem, "our", &at) && stem >= 6 && !one_of(w, stem, our_keep)) {
        cut = at;
        repl = "or";
    } else if (ends(w, stem, "tre", &at) && stem >= 5) {
        cut = at;
        repl = "ter";
    } else if (ends(w, stem, "ogue", &at) && stem >= 7) {
        cut = at;
        repl = "og";
    } else if (ends(w, stem, "isation", &at)) {
        cut = at;
        repl = "ization";
    } else if (ends(w, stem, "yse", &at) && stem >= 6) {
        cut = at;
        repl = "yze";
    } else if (ends(w, stem, "ellery", &at)) {
        cut = at;
        repl = "elry";
    } else if (one_of(w, stem, ence)) {
        cut = stem - 2;
        repl = "se";
    }
    if (!repl)
        return n;
    size_t rl = strlen(repl);
    if (cut + rl + plural + 1 > cap)
        return n;
    memcpy(out + cut, repl, rl);
    if (plural)
        out[cut + rl] = 's';
    out[cut + rl + plural] = '\0';
    return cut + rl + plural;
}
