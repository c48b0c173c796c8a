/* Quotes, reported speech and speakers (quotes.c, people.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "speech_private.h"
#include "testutil.h"

static const char *speaker_of(const claims_claim *c)
{
    assert_non_null(c);
    const char *sp = claims_claim_speaker(c);
    return sp ? sp : "(none)";
}

/* ---------------------------------------------------- direct quotes */

static void test_quote_straight_said_after(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Police searched the area overnight.\n\n"
                                "\"We found the car abandoned near the river,\" Police Chief "
                                "Maria Lopez said on Friday.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "abandoned");
    assert_non_null(q);
    assert_string_equal(tu_text(q), "We found the car abandoned near the river");
    assert_string_equal(claims_claim_string_value(q), "we found the car abandoned near the river");
    assert_string_equal(speaker_of(q), "Maria Lopez");
    assert_string_equal(claims_claim_key(q), "quote/maria lopez");
    assert_true((q->flags & CLAIMS__CF_PARTIAL) == 0);
    claims_story_free(s);
}

static void test_quote_curly_continuation(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The river crested at dawn.\n\n"
                                "\xe2\x80\x9cThe dam held through the night,\xe2\x80\x9d Mayor "
                                "Tom Hanley said. \xe2\x80\x9cNobody had to leave their "
                                "homes.\xe2\x80\x9d\n",
                                NULL);
    const claims_claim *a = tu_claim(s, CLAIMS_KIND_QUOTE, "dam held");
    const claims_claim *b = tu_claim(s, CLAIMS_KIND_QUOTE, "Nobody had");
    assert_string_equal(speaker_of(a), "Tom Hanley");
    assert_string_equal(speaker_of(b), "Tom Hanley");
    assert_string_equal(claims_claim_key(b), "quote/tom hanley");
    claims_story_free(s);
}

static void test_quote_colon_and_told_listener(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Finance Minister Ana Ruiz told lawmakers: \"The budget will be balanced by next "
        "spring.\"\n\n"
        "\"Taxes will rise for the largest firms,\" Ruiz told Deputy Speaker Hugo Marin.\n",
        NULL);
    const claims_claim *a = tu_claim(s, CLAIMS_KIND_QUOTE, "balanced");
    const claims_claim *b = tu_claim(s, CLAIMS_KIND_QUOTE, "largest firms");
    assert_string_equal(speaker_of(a), "Ana Ruiz");
    /* the listener of "told" never speaks; the bare surname is the
     * article's full name */
    assert_string_equal(speaker_of(b), "Ana Ruiz");
    claims_story_free(s);
}

static void test_quote_inverted_said_and_appositive(void **state)
{
    (void)state;
    claims_story *s = tu_story1("\"The factory will reopen within a month,\" said Jonas Berg, "
                                "the plant manager.\n",
                                NULL);
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "reopen")), "Jonas Berg");
    claims_story_free(s);
}

static void test_quote_quoted_as_saying(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "\"Two suspects were detained at the border crossing,\" the agency quoted Inspector "
        "Paul Mercer as saying.\n\n"
        "\"The evidence points to a single organized gang,\" Mercer was quoted as saying.\n",
        NULL);
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "detained")), "Paul Mercer");
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "single organized")),
                        "Paul Mercer");
    claims_story_free(s);
}

static void test_quote_according_to_nominal(void **state)
{
    (void)state;
    claims_story *s = tu_story1("\"Rescue teams reached the mountain village before dawn,\" "
                                "according to the regional emergency service.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "village");
    assert_string_equal(speaker_of(q), "the regional emergency service");
    assert_string_equal(claims_claim_key(q), "quote/regional emergency service");
    claims_story_free(s);
}

static void test_quote_pronoun_resolves_to_person(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Senator Lisa Crane spoke after the vote on Tuesday.\n\n"
                                "\"This bill protects small farms from ruin,\" she said.\n",
                                NULL);
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "small farms")), "Lisa Crane");
    claims_story_free(s);
}

static void test_quote_partial_inside_sentence(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The governor said the storm caused \"damage on a scale we "
                                "have never seen\" along the coast.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "never seen");
    assert_non_null(q);
    assert_true((q->flags & CLAIMS__CF_PARTIAL) != 0);
    assert_string_equal(tu_text(q), "damage on a scale we have never seen");
    assert_string_equal(speaker_of(q), "the governor");
    claims_story_free(s);
}

static void test_quote_names_and_scare_quotes_skipped(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The navy launched the frigate \"Resolute\" last week. The "
                                "company's \"restructuring\" cost 400 jobs. Engineers fitted "
                                "the K-9 \"Thunder\" guns in May.\n",
                                NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 0);
    claims_story_free(s);
}

static void test_quote_doubled_opening_mark(void **state)
{
    (void)state;
    claims_story *s = tu_story1("After the final whistle the coach said: \"\"We played "
                                "without fear tonight and deserved the win,\" and left the "
                                "pitch.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "without fear");
    assert_non_null(q);
    assert_string_equal(tu_text(q), "We played without fear tonight and deserved the win");
    assert_string_equal(speaker_of(q), "the coach");
    claims_story_free(s);
}

static void test_quote_runs_over_paragraphs(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "\"The first shipment left the port on Monday,\" the company spokesman said. \"A "
        "second one follows next week.\n\n"
        "\"After that, deliveries will be monthly until the contract ends,\" he added.\n",
        NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "second one");
    assert_non_null(q);
    assert_non_null(strstr(tu_text(q), "deliveries will be monthly"));
    assert_string_equal(claims_claim_string_value(q),
                        "a second one follows next week after that deliveries will be monthly "
                        "until the contract ends");
    assert_string_equal(speaker_of(q), "the company spokesman");
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 2);
    claims_story_free(s);
}

static void test_quote_unbalanced_capped_at_paragraph(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "The night guard said \"the doors were locked from the outside when I arrived.\n\n"
        "Firefighters arrived ten minutes later and the building was evacuated. Officials "
        "said no one was hurt in the blaze.\n",
        NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "doors were locked");
    assert_non_null(q);
    assert_null(strstr(tu_text(q), "Firefighters"));
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 1);
    claims_story_free(s);
}

static void test_quote_nested_single_marks(void **state)
{
    (void)state;
    claims_story *s = tu_story1("\"He told me 'leave the house now' and then drove away,\" "
                                "the neighbour Ruth Adler said.\n",
                                NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 1);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, NULL);
    assert_non_null(strstr(tu_text(q), "'leave the house now'"));
    assert_string_equal(speaker_of(q), "Ruth Adler");
    claims_story_free(s);
}

static void test_quote_single_curly_marks(void **state)
{
    (void)state;
    claims_story *s = tu_story1("\xe2\x80\x98Prices will fall by the end of summer,\xe2\x80\x99 "
                                "the central bank governor said.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "Prices will fall");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "the central bank governor");
    claims_story_free(s);
}

static void test_quote_trailing_dash_credit(void **state)
{
    (void)state;
    claims_story *s = tu_story1("\"We will never stop searching for the missing climbers.\" "
                                "-- Rescue chief Omar Haddad\n",
                                NULL);
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "missing climbers")),
                        "Omar Haddad");
    claims_story_free(s);
}

static void test_quote_office_said_and_added(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "\"The talks with the union were productive and calm,\" Mayor Ellen Bell's office "
        "said.\n\n\"Both sides want the buses running again by Monday,\" Bell added.\n",
        NULL);
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "productive")),
                        "Mayor Ellen Bell's office");
    assert_string_equal(speaker_of(tu_claim(s, CLAIMS_KIND_QUOTE, "buses")), "Ellen Bell");
    claims_story_free(s);
}

static void test_quote_unknown_speaker_key(void **state)
{
    (void)state;
    claims_story *s = tu_story1("The hall was silent.\n\n\"Nothing about this election was "
                                "fair or free,\" read a banner at the gate.\n",
                                NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "election");
    assert_non_null(q);
    assert_null(claims_claim_speaker(q));
    assert_string_equal(claims_claim_key(q), "quote/?");
    claims_story_free(s);
}

/* ---------------------------------------------------- reported speech */

static void test_paraphrase_said_that(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Prosecutor Dana Wells said that the defendant had fled the "
                                "country twice before his arrest.\n",
                                NULL);
    const claims_claim *p = tu_claim(s, CLAIMS_KIND_PARAPHRASE, NULL);
    assert_non_null(p);
    assert_string_equal(tu_text(p), "the defendant had fled the country twice before his arrest");
    assert_string_equal(speaker_of(p), "Dana Wells");
    assert_string_equal(claims_claim_key(p), "paraphrase/dana wells");
    claims_story_free(s);
}

static void test_paraphrase_told_and_parenthetical(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Trade Minister Ivo Saric visited the port on Monday. Saric told reporters that "
        "exports rose sharply in March. Saric said, after touring the new terminal, that "
        "a second terminal would open in 2026.\n",
        NULL);
    const claims_claim *a = tu_claim(s, CLAIMS_KIND_PARAPHRASE, "exports rose");
    const claims_claim *b = tu_claim(s, CLAIMS_KIND_PARAPHRASE, "second terminal");
    assert_string_equal(speaker_of(a), "Ivo Saric");
    assert_string_equal(speaker_of(b), "Ivo Saric");
    assert_string_equal(claims_claim_string_value(b), "a second terminal would open in 2026");
    claims_story_free(s);
}

/* ---------------------------------------------------- people, story */

static void test_people_merge_across_articles(void **state)
{
    (void)state;
    const char *texts[3] = {
        ("Interior Minister Karl \xc3\x96strand visited the flooded town. \"We will rebuild "
         "every bridge that fell,\" \xc3\x96strand said.\n"),
        "\"We will rebuild every bridge that fell,\" Karl Ostrand said on Tuesday.\n",
        "\"The army stays on standby until the water recedes,\" Ostrand said.\n"};
    claims_story *s = tu_story(texts, NULL, 3);
    size_t n = 0;
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_kind(c) != CLAIMS_KIND_QUOTE)
            continue;
        assert_string_equal(claims_claim_key(c), "quote/karl ostrand");
        n++;
    }
    assert_int_equal(n, 3);
    claims_story_free(s);
}

static void test_people_nominal_resolved_by_same_words(void **state)
{
    (void)state;
    const char *texts[2] = {
        ("The energy talks ended late. \"Our gas reserves are sufficient for the whole winter "
         "season,\" his counterpart said.\n"),
        ("\"Our gas reserves are sufficient for the whole winter season,\" Energy Minister "
         "Olga Petrova said.\n")};
    claims_story *s = tu_story(texts, NULL, 2);
    const claims_claim *a = NULL;
    for (size_t i = 0; i < claims_story_claim_count(s); i++)
        if (claims_claim_article(claims_story_claim(s, i)) == 0 &&
            claims_claim_kind(claims_story_claim(s, i)) == CLAIMS_KIND_QUOTE)
            a = claims_story_claim(s, i);
    assert_non_null(a);
    assert_string_equal(speaker_of(a), "Olga Petrova");
    assert_string_equal(claims_claim_key(a), "quote/olga petrova");
    assert_string_equal(a->speaker_desc, "his counterpart");
    claims_story_free(s);
}

static void test_people_nominal_kept_when_words_differ(void **state)
{
    (void)state;
    const char *texts[2] = {
        ("\"The pipeline will be finished ahead of schedule next year,\" a senior official "
         "in the ministry said.\n"),
        ("\"Our gas reserves are sufficient for the whole winter season,\" Energy Minister "
         "Olga Petrova said.\n")};
    claims_story *s = tu_story(texts, NULL, 2);
    const claims_claim *a = tu_claim(s, CLAIMS_KIND_QUOTE, "pipeline");
    assert_string_equal(speaker_of(a), "a senior official in the ministry");
    claims_story_free(s);
}

/* ---------------------------------------------- normalization, alignment */

static void test_normalize_folds_case_marks_and_punctuation(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    const char *a = claims__quote_normalize(s, "They has,", 9);
    const char *b = claims__quote_normalize(s, " they  has ", 11);
    assert_string_equal(a, "they has");
    assert_string_equal(a, b);
    const char *t = "\xe2\x80\x9cIt\xe2\x80\x99s 7.5 per cent \xe2\x80\x94 Israeli-made!\xe2\x80\x9d";
    assert_string_equal(claims__quote_normalize(s, t, strlen(t)),
                        "it's 7.5 per cent israeli-made");
    claims_story_free(s);
}

static void test_align_replacement_and_truncation(void **state)
{
    (void)state;
    claims_story *s = NULL;
    assert_int_equal(claims_story_new(NULL, &s), CLAIMS_OK);
    claims__align al;
    const char *diff = NULL;
    assert_true(claims__quote_align(s, "the crews they have sent", "the crews they has sent",
                                    &al, &diff));
    assert_int_equal(al.common, 4);
    assert_int_equal(al.replaced, 1);
    assert_int_equal(al.inserted, 0);
    assert_int_equal(al.deleted, 0);
    assert_string_equal(diff, "have -> has");
    assert_true(!al.a_in_b && !al.b_in_a);

    assert_true(claims__quote_align(s, "we will not compromise on security",
                                    "not compromise on", &al, &diff));
    assert_true(al.b_in_a);
    assert_true(!al.a_in_b);
    assert_int_equal(al.deleted, 3);
    assert_string_equal(diff, "-we will; -security");

    assert_true(claims__quote_align(s, "prices fell", "prices fell", &al, &diff));
    assert_null(diff);
    assert_true(al.a_in_b && al.b_in_a);

    assert_true(claims__quote_align(s, "a b c", "a x b c", &al, &diff));
    assert_string_equal(diff, "+x");
    assert_int_equal(al.inserted, 1);
    assert_true(claims__quote_overlap(s, "a b c d e", "a b c d f") > 0.79);
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote_straight_said_after),
        cmocka_unit_test(test_quote_curly_continuation),
        cmocka_unit_test(test_quote_colon_and_told_listener),
        cmocka_unit_test(test_quote_inverted_said_and_appositive),
        cmocka_unit_test(test_quote_quoted_as_saying),
        cmocka_unit_test(test_quote_according_to_nominal),
        cmocka_unit_test(test_quote_pronoun_resolves_to_person),
        cmocka_unit_test(test_quote_partial_inside_sentence),
        cmocka_unit_test(test_quote_names_and_scare_quotes_skipped),
        cmocka_unit_test(test_quote_doubled_opening_mark),
        cmocka_unit_test(test_quote_runs_over_paragraphs),
        cmocka_unit_test(test_quote_unbalanced_capped_at_paragraph),
        cmocka_unit_test(test_quote_nested_single_marks),
        cmocka_unit_test(test_quote_single_curly_marks),
        cmocka_unit_test(test_quote_trailing_dash_credit),
        cmocka_unit_test(test_quote_office_said_and_added),
        cmocka_unit_test(test_quote_unknown_speaker_key),
        cmocka_unit_test(test_paraphrase_said_that),
        cmocka_unit_test(test_paraphrase_told_and_parenthetical),
        cmocka_unit_test(test_people_merge_across_articles),
        cmocka_unit_test(test_people_nominal_resolved_by_same_words),
        cmocka_unit_test(test_people_nominal_kept_when_words_differ),
        cmocka_unit_test(test_normalize_folds_case_marks_and_punctuation),
        cmocka_unit_test(test_align_replacement_and_truncation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
