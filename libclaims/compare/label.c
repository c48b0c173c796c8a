/* label.c - a finding's heading in words a reader understands, made from
 * the frame of its first claim: "people killed", "drones bought", "money
 * paid for the deal", "the year of the offer", "Mariusz Blaszczak's
 * words", with the event, scope and holder when the frame names them
 * ("people killed, an earlier event (2004)", "people injured in Dubai").
 * The words come from the lexicon: [participle] and [plural] for what the
 * plain rules (add "ed", add "s") get wrong. */
#include "compare/compare.h"

#include <string.h>

static void put_plural(const claims_story *s, claims__buf *b, const char *thing)
{
    size_t n = strlen(thing);
    const claims__lex_entry *e = claims__lex_get(s->lex, CLAIMS__LEX_PLURAL, thing, n);
    if (e) {
        claims__buf_puts(b, claims__lex_text(e));
        return;
    }
    claims__buf_puts(b, thing);
    char last = n ? thing[n - 1] : 0, before = n > 1 ? thing[n - 2] : 0;
    if (last == 'y' && before && !strchr("aeiou", before)) {
        b->len--;
        claims__buf_puts(b, "ies");
    } else if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's'))) {
        claims__buf_puts(b, "es");
    } else {
        claims__buf_putc(b, 's');
    }
}

static void put_participle(const claims_story *s, claims__buf *b, const char *action)
{
    size_t n = strlen(action);
    const claims__lex_entry *e = claims__lex_get(s->lex, CLAIMS__LEX_PARTICIPLE, action, n);
    if (e) {
        claims__buf_puts(b, claims__lex_text(e));
        return;
    }
    claims__buf_puts(b, action);
    if (n && action[n - 1] == 'e')
        claims__buf_putc(b, 'd');
    else if (strcmp(action, "missing") != 0)
        claims__buf_puts(b, "ed");
}

/* A part of a name or a place, capitalized word by word. */
static void put_name(claims__buf *b, const char *s)
{
    bool start = true;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        claims__buf_putc(b, (char)(start && claims__is_lower(c) ? c - 32 : c));
        start = c == ' ' || c == '-';
    }
}

/* "war", "quake:previous" -> "the war", "the previous quake". */
static void put_what(claims__buf *b, const char *what)
{
    const char *colon = strchr(what, ':');
    claims__buf_puts(b, "the ");
    if (colon && colon[1] && !claims__is_digit((unsigned char)colon[1])) {
        claims__buf_puts(b, colon + 1);
        claims__buf_putc(b, ' ');
    }
    claims__buf_put(b, what, colon ? (size_t)(colon - what) : strlen(what));
}

static void put_main(const claims_story *s, const claims_claim *c, claims__buf *b)
{
    const claims__frame *fr = c->frame;
    /* the frame's strings, NULL when not stated */
    const char *thing = claims__str(s, fr->thing), *action = claims__str(s, fr->action);
    const char *quantity = claims__str(s, fr->quantity), *what = claims__str(s, fr->what);
    const char *speaker = claims__str(s, c->speaker);
    switch (c->kind) {
    case CLAIMS_KIND_COUNT:
        if (thing)
            put_plural(s, b, thing);
        else
            claims__buf_puts(b, "how many");
        if (action) {
            claims__buf_puts(b, thing ? " " : " were ");
            put_participle(s, b, action);
        }
        return;
    case CLAIMS_KIND_MONEY:
        claims__buf_puts(b, "money");
        if (action) {
            claims__buf_putc(b, ' ');
            put_participle(s, b, action);
        }
        if (thing) {
            claims__buf_puts(b, action ? " for the " : " of the ");
            claims__buf_puts(b, thing);
        }
        return;
    case CLAIMS_KIND_PERCENT:
        claims__buf_puts(b, "the percentage");
        if (thing) {
            claims__buf_puts(b, " of ");
            put_plural(s, b, thing);
        }
        return;
    case CLAIMS_KIND_MEASURE:
        claims__buf_puts(b, "the ");
        claims__buf_puts(b, quantity ? quantity : "measure");
        if (thing) {
            bool age = quantity && strcmp(quantity, "age") == 0;
            claims__buf_puts(b, age ? " of " : " of the ");
            if (age)
                put_name(b, thing);
            else
                claims__buf_puts(b, thing);
        }
        return;
    case CLAIMS_KIND_YEAR:
    case CLAIMS_KIND_DATE:
        claims__buf_puts(b, c->kind == CLAIMS_KIND_YEAR ? "the year" : "the date");
        if (what) {
            claims__buf_puts(b, " of ");
            put_what(b, what);
        }
        return;
    case CLAIMS_KIND_QUOTE:
    case CLAIMS_KIND_PARAPHRASE:
        if (speaker) {
            claims__buf_puts(b, speaker);
            claims__buf_puts(b, c->kind == CLAIMS_KIND_QUOTE ? "'s words" : "'s account");
        } else {
            claims__buf_puts(b, c->kind == CLAIMS_KIND_QUOTE ? "words of an unnamed speaker"
                                                              : "an unattributed account");
        }
        return;
    }
}

void claims__finding_label(const claims_story *s, const claims_finding *f, claims__buf *b)
{
    b->len = 0;
    b->failed = false;
    if (!f->nclaims || f->claims[0] >= s->nclaims) {
        claims__buf_puts(b, f->key ? f->key : "");
        return;
    }
    const claims_claim *c = s->claims[f->claims[0]];
    put_main(s, c, b);
    const char *quantity = claims__str(s, c->frame->quantity);
    const char *holder = claims__str(s, c->frame->holder);
    if (holder && !(quantity && strcmp(quantity, "age") == 0)) {
        bool distance = quantity && strcmp(quantity, "distance") == 0;
        claims__buf_puts(b, distance ? " from " : ", ");
        put_name(b, holder);
        if (!distance)
            claims__buf_puts(b, "'s");
    }
    if (c->frame->scope) {
        claims__buf_puts(b, " in ");
        put_name(b, claims__str(s, c->frame->scope));
    }
    if (c->frame->part == CLAIMS__PART_SUBSET)
        claims__buf_puts(b, " (a part of a total)");
    else if (c->frame->part == CLAIMS__PART_INCREMENT)
        claims__buf_puts(b, " (an addition to a total)");
    if (c->frame->event) {
        claims__buf_puts(b, ", an earlier event (");
        claims__buf_puts(b, claims__str(s, c->frame->event));
        claims__buf_putc(b, ')');
    }
}
