/* minimal.c - the README's C API example, built and run by `meson test`.
 * Checks a two-article story given on the command line (or a built-in
 * one) and prints the JSON report. */
#include <claims.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    static const char *const texts[] = {
        "Flood hits river town\nRescuers pulled 14 people from the water on Friday, "
        "the fire service said. \"We searched all night,\" fire chief Ana Ruiz said.",
        "River town flood\nFire crews rescued 14 people from the flood on Friday. "
        "\"We searched through the night,\" said Ana Ruiz, the fire chief.",
    };
    claims_story *story = NULL;
    claims_error err;
    if (claims_story_new(NULL, &story) != CLAIMS_OK)
        return 1;
    for (int i = 0; i < 2; i++) {
        char id[8];
        snprintf(id, sizeof id, "a%d", i);
        if (claims_story_add_article(story, id, NULL, "2024-04-12", texts[i], strlen(texts[i]),
                                     &err) != CLAIMS_OK)
            fprintf(stderr, "%s: %s\n", err.article, err.message); /* the story goes on */
    }
    if (claims_story_check(story, &err) != CLAIMS_OK ||
        claims_story_write_report_file(story, CLAIMS_FORMAT_JSON, stdout, &err) != CLAIMS_OK) {
        fprintf(stderr, "claims: %s\n", err.message);
        claims_story_free(story);
        return 1;
    }
    printf("%zu claims, %zu findings\n", claims_story_claim_count(story),
           claims_story_finding_count(story));
    claims_story_free(story);
    return 0;
}
