/* dump_segments FILE: prints the sentences (with flags) and, with -t, the
 * tokens of one article. A debugging aid for the text layer. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int toks = argc > 2 && strcmp(argv[1], "-t") == 0;
    const char *path = argv[argc - 1];
    if (argc < 2)
        return 2;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 2;
    static char buf[1 << 24];
    size_t n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    claims_story *s = NULL;
    if (claims_story_new(NULL, &s) != CLAIMS_OK)
        return 1;
    const char *nl = memchr(buf, '\n', n);
    char title[200] = "";
    if (nl && nl - buf < 150) {
        memcpy(title, buf, (size_t)(nl - buf));
        title[nl - buf] = 0;
    }
    claims_error err;
    if (claims_story_add_article(s, "x", title[0] ? title : NULL, NULL, buf, n, &err)) {
        fprintf(stderr, "%s at %zu\n", err.message, err.offset);
        return 1;
    }
    claims__article *a = &s->articles[0];
    if (claims__segment(&s->alloc, s->lex, a) != CLAIMS_OK)
        return 1;
    for (size_t i = 0; i < a->nsents; i++) {
        claims__sentence *sn = &a->sents[i];
        printf("S%zu p%u %s%s%s[%u,%u) %.*s\n", i, sn->paragraph,
               sn->flags & CLAIMS__SF_FURNITURE ? "FURN " : "",
               sn->flags & CLAIMS__SF_TITLE ? "TITLE " : "",
               sn->flags & CLAIMS__SF_PARA_START ? "P " : "", sn->start, sn->end,
               (int)(sn->end - sn->start), a->text + sn->start);
        if (!toks)
            continue;
        for (size_t t = sn->tok_begin; t < sn->tok_end; t++) {
            claims__token *k = &a->toks[t];
            printf("   %u:%.*s cls=%u flags=%x\n", (unsigned)t, (int)claims__tok_len(k),
                   claims__tok_norm(a, t), k->cls, k->flags);
        }
    }
    claims_story_free(s);
    return 0;
}
