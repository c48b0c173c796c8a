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

/* Whether w[0..n) ends in suffix (k bytes, at most 7): where it begins
 * in *at. Compared byte by byte, where memcmp was a call. */
static inline bool ends_k(const char *w, size_t n, const char *suffix, size_t k, size_t *at)
{
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (w[n - k + i] != suffix[i])
            return false;
    *at = n - k;
    return true;
}
#define ends(w, n, suffix, at) ends_k(w, n, suffix, sizeof suffix - 1, at)

/* A word of a list, with its length. */
typedef struct listed {
    const char *w;
    size_t n;
} listed;

static bool one_of(const char *w, size_t n, const listed *list)
{
    for (; list->w; list++)
        if (list->n == n && memcmp(list->w, w, n) == 0)
            return true;
    return false;
}

size_t claims__spelling_fold(const char *w, size_t n, char *out, size_t cap)
{
    static const listed our_keep[] = {{"detour", sizeof "detour" - 1},
                                      {"devour", sizeof "devour" - 1},
                                      {"contour", sizeof "contour" - 1},
                                      {"paramour", sizeof "paramour" - 1},
                                      {"troubadour", sizeof "troubadour" - 1},
                                      {"velour", sizeof "velour" - 1},
                                      {NULL, 0}};
    static const listed ence[] = {{"defence", sizeof "defence" - 1},
                                  {"offence", sizeof "offence" - 1},
                                  {"licence", sizeof "licence" - 1},
                                  {"pretence", sizeof "pretence" - 1},
                                  {NULL, 0}};
    if (n + 1 > cap)
        return 0;
    /* a plural: fold the stem, keep the "s" */
    size_t stem = n, plural = 0;
    if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's') {
        stem = n - 1;
        plural = 1;
    }
    /* every rule's ending ends in one of these pairs ("our", "tre",
       "ogue", "yse", "ence", "isation", "ellery"): most words end in
       none and are passed at one look */
    if (stem < 2)
        return 0;
    char last = w[stem - 1], prev = w[stem - 2];
    bool may = last == 'e' ? prev == 'r' || prev == 'u' || prev == 's' || prev == 'c'
                           : (last == 'r' && prev == 'u') || (last == 'n' && prev == 'o') ||
                                 (last == 'y' && prev == 'r');
    if (!may)
        return 0;
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
        return 0;
    size_t rl = strlen(repl);
    if (cut + rl + plural + 1 > cap)
        return 0;
    memcpy(out, w, cut);
    memcpy(out + cut, repl, rl);
    if (plural)
        out[cut + rl] = 's';
    out[cut + rl + plural] = '\0';
    return cut + rl + plural;
}
