/* lexicon_tables.c - a build-time program: loads the built-in lexicon text
 * (data/ lexicon files, embedded by embed_lexicon.py) with the library's own
 * loader (libclaims/base/lexicon.c) and writes its tables as a const C
 * source, so a story reads them in place instead of parsing the text at
 * start. Built for the build machine (meson `native: true`).
 *
 * usage: lexicon_tables OUTPUT.c
 * Exits 1, naming the bad line's offset, when the lexicon does not load. */
#include "base/base.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static void *gen_malloc(size_t n, void *ud)
{
    (void)ud;
    return malloc(n);
}

static void *gen_realloc(void *p, size_t n, void *ud)
{
    (void)ud;
    return realloc(p, n);
}

static void gen_free(void *p, void *ud)
{
    (void)ud;
    free(p);
}

/* Bytes as a char array initializer (no string literal: ISO C limits
 * their length), and 16 zero bytes after them (lexicon.c reads a key's
 * bytes 16 at a time: KEY_PAD). */
static void put_bytes(FILE *f, const char *name, const char *p, size_t n)
{
    fprintf(f, "static const unsigned char %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%u,", i % 20 ? "" : "\n    ", (unsigned)(unsigned char)p[i]);
    fprintf(f, "\n    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};\n\n");
}

static void put_words(FILE *f, const char *name, const uint32_t *w, size_t n)
{
    fprintf(f, "static const uint32_t %s[%zu] = {", name, n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s0x%xu,", i % 8 ? "" : "\n    ", (unsigned)w[i]);
    fprintf(f, "\n};\n\n");
}

static bool same_entry(const claims__lex_entry *a, const claims__lex_entry *b)
{
    return strcmp(claims__lex_text(a), claims__lex_text(b)) == 0 && a->num == b->num &&
           a->has_num == b->has_num && a->section == b->section && a->ntok == b->ntok &&
           a->code == b->code;
}

/* The distinct entries the slots use (entries are never written after
 * loading, so equal ones can be one: fewer entries), each value once in a
 * pool.
 * map[i] is slot i's entry in uniq; voff[u] is uniq[u]'s value offset. */
typedef struct dedup {
    const claims__lex_entry **uniq;
    size_t nuniq;
    size_t *map, *voff;
    char *values;
    size_t vlen;
} dedup;

static int dedup_entries(const claims__lex_tables *t, dedup *d)
{
    size_t n = t->nslots;
    d->uniq = calloc(n, sizeof *d->uniq);
    d->map = calloc(n, sizeof *d->map);
    d->voff = calloc(n, sizeof *d->voff);
    d->values = malloc(t->keys_len + 1);
    size_t cap = t->keys_len + 1;
    if (!d->uniq || !d->map || !d->voff || !d->values)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!t->slots[i].hash)
            continue;
        const claims__lex_entry *e = &t->entries[t->slots[i].entry];
        size_t u = 0, v = 0;
        while (u < d->nuniq && !same_entry(d->uniq[u], e))
            u++;
        if (u == d->nuniq) {
            d->uniq[d->nuniq++] = e;
            while (v < u && strcmp(claims__lex_text(d->uniq[v]), claims__lex_text(e)) != 0)
                v++;
            if (v < u) {
                d->voff[u] = d->voff[v];
            } else {
                size_t k = strlen(claims__lex_text(e)) + 1;
                if (d->vlen + k > cap) {
                    cap = (d->vlen + k) * 2;
                    char *nv = realloc(d->values, cap);
                    if (!nv)
                        return -1;
                    d->values = nv;
                }
                d->voff[u] = d->vlen;
                memcpy(d->values + d->vlen, claims__lex_text(e), k);
                d->vlen += k;
            }
        }
        d->map[i] = u;
    }
    return 0;
}

static void dedup_free(dedup *d)
{
    free(d->uniq);
    free(d->map);
    free(d->voff);
    free(d->values);
}

/* The entries and their values' pool, as one constant object: an entry
 * names its value by its distance from the entry (claims__lex_entry), a
 * constant here, where a pointer would be relocated at every start. */
static void put_entries(FILE *f, const dedup *d)
{
    size_t n = d->nuniq ? d->nuniq : 1;
    fprintf(f,
            "struct entries_and_values {\n    claims__lex_entry entries[%zu];\n"
            "    unsigned char values[%zu];\n};\n\n",
            n, d->vlen + 1);
    fprintf(
        f, "#define AT(u, off) ((int64_t)offsetof(struct entries_and_values, values) + (off) - \\\n"
           "                    (int64_t)offsetof(struct entries_and_values, entries[u]))\n");
    fprintf(f, "static const struct entries_and_values ev = {{\n");
    for (size_t u = 0; u < d->nuniq; u++) {
        const claims__lex_entry *e = d->uniq[u];
        fprintf(f, "    {%a, AT(%zu, %zu), %d, %u, %u, %u},\n", e->num, u, d->voff[u],
                e->has_num ? 1 : 0, (unsigned)e->section, (unsigned)e->ntok, (unsigned)e->code);
    }
    fprintf(f, "}, {");
    for (size_t i = 0; i < d->vlen; i++)
        fprintf(f, "%s%u,", i % 20 ? "" : "\n    ", (unsigned)(unsigned char)d->values[i]);
    fprintf(f, "\n    0}};\n#undef AT\n\n");
}

static int write_tables(FILE *f, const claims__lex_tables *t)
{
    dedup d;
    memset(&d, 0, sizeof d);
    if (dedup_entries(t, &d) != 0) {
        dedup_free(&d);
        return -1;
    }
    fprintf(f, "/* generated by scripts/lexicon_tables.c from the data/ lexicon files;"
               " do not edit */\n#include \"base/base.h\"\n\n");
    put_bytes(f, "keys", t->keys, t->keys_len);
    put_entries(f, &d);
    fprintf(f, "static const claims__lex_slot slots[%zu] = {\n", t->nslots);
    for (size_t i = 0; i < t->nslots; i++) {
        const claims__lex_slot *s = &t->slots[i];
        if (s->hash)
            fprintf(f, "    [%zu] = {0x%xu, %u, %u, %u, %zu},\n", i, (unsigned)s->hash,
                    (unsigned)s->section, (unsigned)s->keylen, (unsigned)s->key, d.map[i]);
    }
    fprintf(f, "};\n\nstatic const uint8_t maxntok[%d] = {", (int)CLAIMS__LEX_SECTION_COUNT);
    for (size_t i = 0; i < CLAIMS__LEX_SECTION_COUNT; i++)
        fprintf(f, "%u,", (unsigned)t->maxntok[i]);
    fprintf(f, "};\n\n");
    fprintf(f, "static const uint16_t bucket_index[%d] = {", (int)CLAIMS__LEX_FIRST_BITS);
    size_t nvalues = 1;
    for (size_t i = 0; i < CLAIMS__LEX_FIRST_BITS; i++) {
        fprintf(f, "%s%u,", i % 16 ? "" : "\n    ", (unsigned)t->bucket_index[i]);
        if (t->bucket_index[i] >= nvalues)
            nvalues = t->bucket_index[i] + 1u;
    }
    fprintf(f, "\n};\n\nstatic const claims__lex_bucket bucket_values[%zu] = {", nvalues);
    for (size_t i = 0; i < nvalues; i++)
        fprintf(f, "%s{0x%xu, 0x%xu},", i % 4 ? "" : "\n    ", (unsigned)t->bucket_values[i].drop,
                (unsigned)t->bucket_values[i].lexmask);
    fprintf(f, "\n};\n\n");
    put_words(f, "single", t->single, CLAIMS__LEX_FIRST_BITS);
    put_words(f, "bloom", t->bloom, CLAIMS__LEX_BLOOM_CELLS / 16);
    put_words(f, "pairs", t->pairs, CLAIMS__LEX_PAIR_BITS / 32);
    fprintf(f, "const claims__lex_tables claims__builtin_lex_tables = {\n");
    fprintf(f,
            "    slots, %zu, %u, %zu, (const char *)keys, %zu, ev.entries, %zu, maxntok,\n"
            "    single, bloom, pairs, bucket_index, bucket_values,\n};\n",
            t->nslots, t->shift, t->used, t->keys_len, d.nuniq);
    dedup_free(&d);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: lexicon_tables OUTPUT.c\n");
        return 2;
    }
    claims_allocator a = {gen_malloc, gen_realloc, gen_free, NULL};
    claims__lexicon *lx = NULL;
    size_t bad = 0;
    claims_status st = claims__lexicon_new(&a, &lx);
    if (st == CLAIMS_OK)
        st = claims__lexicon_load(lx, claims__builtin_lexicon, claims__builtin_lexicon_len, &bad);
    if (st != CLAIMS_OK) {
        fprintf(stderr, "lexicon_tables: the built-in lexicon does not load: %s at byte %zu\n",
                lx ? claims__lexicon_error(lx) : "out of memory", bad);
        claims__lexicon_free(lx);
        return 1;
    }
    FILE *f = fopen(argv[1], "w");
    int rc = f ? write_tables(f, claims__lexicon_tables(lx)) : -1;
    if (f && fclose(f) != 0)
        rc = -1;
    claims__lexicon_free(lx);
    if (rc != 0) {
        fprintf(stderr, "lexicon_tables: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
