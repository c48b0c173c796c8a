/* Quotes, reported speech and speakers (quotes.c, people.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"
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

/* ------------------------------------------------ titles and roles */

/* The speaker of the first quote or paraphrase whose text holds needle. */
static const char *speaker_with(const claims_story *s, claims_kind kind, const char *needle)
{
    return speaker_of(tu_claim(s, kind, needle));
}

static void test_people_title_runs_stripped(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Two men were held overnight.\n\n"
        "\"We are looking for a third man in a dark van,\" Det Insp Sarah Hale said.\n\n"
        "\"The board backed the settlement without a vote,\" Chief Executive Kare Schultz "
        "said.\n\n"
        "\"The watches were found in a garage,\" Det. Insp. Mark Dean said.\n\n"
        "\"They fled in a blue car after midnight,\" Chief Inspector Ann Cole said.\n\n"
        "\"Our troops have left the valley for good,\" Lt Gen Omar Farid said.\n\n"
        "\"The recount starts on the first of the month,\" Supt. Paul Reyes told "
        "reporters.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "dark van"), "Sarah Hale");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "settlement"), "Kare Schultz");
    assert_string_equal(claims_claim_key(tu_claim(s, CLAIMS_KIND_QUOTE, "settlement")),
                        "quote/kare schultz");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "garage"), "Mark Dean");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "blue car"), "Ann Cole");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "valley"), "Omar Farid");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "recount"), "Paul Reyes");
    claims_story_free(s);
}

static void test_people_title_lowercase_and_name_ending_in_title(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "\"Margins will recover next year,\" chief executive Lena Holt said.\n\n"
        "\"We won that seat back from them,\" former Prime Minister John Major said.\n\n"
        "\"Nobody was hurt in the fire,\" Mr. Tomas Weber said.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "Margins"), "Lena Holt");
    /* a title word that ends a name is the name's own */
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "seat back"), "John Major");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "Nobody"), "Tomas Weber");
    claims_story_free(s);
}

static void test_people_titled_full_and_surname_merge(void **state)
{
    (void)state;
    const char *texts[3] = {
        "\"This was a daring raid in broad daylight,\" Det Insp Sarah Hale said.\n",
        "\"This was a daring raid in broad daylight,\" Sarah Hale said on Monday.\n",
        "\"We expect more arrests in the coming days,\" Hale said.\n"};
    claims_story *s = tu_story(texts, NULL, 3);
    size_t n = 0;
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_kind(c) != CLAIMS_KIND_QUOTE)
            continue;
        assert_string_equal(claims_claim_key(c), "quote/sarah hale");
        assert_string_equal(speaker_of(c), "Sarah Hale");
        n++;
    }
    assert_int_equal(n, 3);
    const claims_claim *a = tu_claim(s, CLAIMS_KIND_QUOTE, "daring");
    assert_non_null(tu_finding(s, CLAIMS_FINDING_AGREEMENT, a, NULL));
    assert_null(tu_finding(s, CLAIMS_FINDING_CONTRADICTION, a, NULL));
    claims_story_free(s);
}

static void test_people_surname_article_first(void **state)
{
    (void)state;
    const char *texts[2] = {
        "\"Our teams are searching the rubble all night,\" Boluarte said.\n",
        "\"Our teams are searching the rubble through the night,\" President Dina Boluarte "
        "told reporters.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 2);
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_kind(c) == CLAIMS_KIND_QUOTE)
            assert_string_equal(claims_claim_key(c), "quote/dina boluarte");
    }
    claims_story_free(s);
}

static void test_people_shared_surname_stays_ambiguous(void **state)
{
    (void)state;
    /* across the story: two Smiths speak elsewhere, a bare Smith here */
    const char *texts[3] = {
        "\"The council will appeal the ruling,\" John Smith said.\n",
        "\"The ruling protects every tenant in town,\" Mary Smith said.\n",
        "\"Nobody expected the court to decide so fast,\" Smith said.\n"};
    claims_story *s = tu_story(texts, NULL, 3);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "appeal"), "John Smith");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "tenant"), "Mary Smith");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "so fast"), "Smith");
    assert_string_equal(claims_claim_key(tu_claim(s, CLAIMS_KIND_QUOTE, "so fast")),
                        "quote/smith");
    claims_story_free(s);

    /* in one article: only Mary Smith speaks, but John Smith is named, so
     * the bare surname is not hers */
    const char *one[2] = {
        ("John Smith and Mary Smith ran the shop for years.\n\n\"We will reopen in the "
         "spring,\" Smith said.\n\n\"The insurance paid for the new roof,\" Mary Smith "
         "said.\n"),
        "\"The shop reopens in the spring,\" Mary Smith said.\n"};
    s = tu_story(one, NULL, 2);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "We will reopen"), "Smith");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "insurance"), "Mary Smith");
    claims_story_free(s);
}

static void test_people_unknown_role_merges_with_name(void **state)
{
    (void)state;
    const char *texts[2] = {
        "\"The complaint will be heard in full next month,\" Ombudsman Jane Roe said.\n",
        "\"The complaint will be heard in full next month,\" Jane Roe said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_kind(c) == CLAIMS_KIND_QUOTE) {
            assert_string_equal(claims_claim_key(c), "quote/jane roe");
            assert_string_equal(speaker_of(c), "Jane Roe");
        }
    }
    claims_story_free(s);
}

static void test_people_of_organisation_is_the_person(void **state)
{
    (void)state;
    claims_story *s = tu_story1("\"We found the stolen watches in a garage,\" Sarah Hale of "
                                "the county police said.\n",
                                NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "garage"), "Sarah Hale");
    claims_story_free(s);
}

/* ------------------------------------------------- organisations */

static void test_speaker_organisations_are_descriptions(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Interfax reported the tanker had sunk near the coast. Reuters reported the deal "
        "was worth $4 billion. Police said the suspect fled on foot. Sky News reported the "
        "fire had spread overnight. The Washington Post reported the contract was signed "
        "in March. The ministry said the border would stay closed.\n",
        NULL);
    static const struct {
        const char *needle, *speaker, *key;
    } want[] = {
        {"tanker", "Interfax", "paraphrase/interfax"},
        {"deal was", "Reuters", "paraphrase/reuters"},
        {"suspect fled", "Police", "paraphrase/police"},
        {"fire had", "Sky News", "paraphrase/sky news"},
        {"contract", "the Washington Post", "paraphrase/washington post"},
        {"border", "the ministry", "paraphrase/ministry"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const claims_claim *c = tu_claim(s, CLAIMS_KIND_PARAPHRASE, want[i].needle);
        assert_non_null(c);
        assert_string_equal(speaker_of(c), want[i].speaker);
        assert_string_equal(claims_claim_key(c), want[i].key);
        assert_true((c->flags & CLAIMS__CF_SPK_NOMINAL) != 0);
        assert_true((c->flags & CLAIMS__CF_SPK_PERSON) == 0);
    }
    claims_story_free(s);
}

static void test_speaker_news_agencies_and_spokesman_of(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "A spokesman of the ministry said the border would reopen. The state news agency "
        "Xinhua reported the dam had burst. \"Rescue work goes on through the night,\" the "
        "Interfax news agency reported.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_PARAPHRASE, "border"),
                        "a spokesman of the ministry");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_PARAPHRASE, "dam"),
                        "the state news agency Xinhua");
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "Rescue");
    assert_string_equal(speaker_of(q), "the Interfax news agency");
    assert_string_equal(claims_claim_key(q), "quote/interfax news agency");
    claims_story_free(s);
}

static void test_speaker_organisation_not_merged_with_person(void **state)
{
    (void)state;
    /* "The Post" is a newspaper, not the bare surname of Emily Post */
    const char *texts[2] = {
        "\"The pass is closed to all traffic tonight,\" The Post reported.\n",
        "\"Good manners never go out of fashion,\" Emily Post said.\n"};
    claims_story *s = tu_story(texts, NULL, 2);
    const claims_claim *a = NULL, *b = NULL;
    for (size_t i = 0; i < claims_story_claim_count(s); i++) {
        const claims_claim *c = claims_story_claim(s, i);
        if (claims_claim_kind(c) != CLAIMS_KIND_QUOTE)
            continue;
        if (claims_claim_article(c) == 0)
            a = c;
        else
            b = c;
    }
    assert_string_equal(claims_claim_key(a), "quote/post");
    assert_true((a->flags & CLAIMS__CF_SPK_NOMINAL) != 0);
    assert_string_equal(claims_claim_key(b), "quote/emily post");
    claims_story_free(s);
}

/* ------------------------------------------ reported speech, no "that" */

static void test_paraphrase_without_that(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "The minister said Russia has bought 12 aircraft from Israel. Ivanov told reporters "
        "the talks would resume next week. The judge told the court the defendant had fled "
        "twice. The ministry said in a statement the company would pay the fine. Mayor Ann "
        "Cole said late on Tuesday the bridge would reopen. The ministry on Friday said "
        "prices would rise sharply. Ivanov said after the meeting wages would rise. The "
        "spokesman said nothing had changed. Officials told state television troops had "
        "crossed the border.\n",
        NULL);
    static const struct {
        const char *text, *speaker;
    } want[] = {
        {"Russia has bought 12 aircraft from Israel", "the minister"},
        {"the talks would resume next week", "Ivanov"},
        {"the defendant had fled twice", "the judge"},
        {"the company would pay the fine", "the ministry"},
        {"the bridge would reopen", "Ann Cole"},
        {"prices would rise sharply", "the ministry"},
        {"wages would rise", "Ivanov"},
        {"nothing had changed", "the spokesman"},
        {"troops had crossed the border", "Officials"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const claims_claim *c = tu_claim(s, CLAIMS_KIND_PARAPHRASE, want[i].text);
        assert_non_null(c);
        assert_string_equal(tu_text(c), want[i].text);
        assert_string_equal(speaker_of(c), want[i].speaker);
    }
    assert_int_equal(tu_count(s, CLAIMS_KIND_PARAPHRASE), 9);
    claims_story_free(s);
}

static void test_paraphrase_adjunct_before_that(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Ivanov said on Monday that the talks would resume. The "
                                "agency said in a statement that it had found the wreck.\n",
                                NULL);
    assert_string_equal(tu_text(tu_claim(s, CLAIMS_KIND_PARAPHRASE, "talks")),
                        "the talks would resume");
    assert_string_equal(tu_text(tu_claim(s, CLAIMS_KIND_PARAPHRASE, "wreck")),
                        "it had found the wreck");
    claims_story_free(s);
}

static void test_paraphrase_not_from_adjuncts_or_clauses(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Ivanov said on Monday. The ministry said in a statement. The agency said in a "
        "statement posted on its website. The man police said was armed fled on foot. "
        "The survivor told of the long night in the rubble. Officials said late on Sunday. "
        "The company said Tuesday, adding nothing more. He said goodbye to his staff. The "
        "spokesman said nothing about the deal.\n",
        NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_PARAPHRASE), 0);
    claims_story_free(s);
}

static void test_paraphrase_trailing_attribution_cut(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Ivanov said Russia had bought 12 drones, Interfax "
                                "reported.\n",
                                NULL);
    const claims_claim *p = tu_claim(s, CLAIMS_KIND_PARAPHRASE, "drones");
    assert_non_null(p);
    assert_string_equal(tu_text(p), "Russia had bought 12 drones");
    assert_string_equal(speaker_of(p), "Ivanov");
    claims_story_free(s);
}

static void test_paraphrase_owner_and_title(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Chile's finance minister said that the budget would be "
                                "balanced next year.\n",
                                NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_PARAPHRASE, "budget"),
                        "Chile's finance minister");
    claims_story_free(s);
}

/* ------------------------------------- attributions, across beats */

static void test_quote_attribution_in_next_sentence(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Rescuers worked through the night.\n\n"
        "\"Every village in the valley has been reached by now.\" Governor Rosa Mendez "
        "said.\n\n"
        "\"The dam will hold until the rain stops.\" Engineer Tomas Ruiz told reporters on "
        "Tuesday.\n\n"
        "\"Aid trucks are stuck at the pass tonight.\" Ivanov said the road would open in "
        "May after repairs.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "Every village"), "Rosa Mendez");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "dam will hold"), "Tomas Ruiz");
    /* a long sentence that reports something else does not attribute */
    assert_true(strcmp(speaker_with(s, CLAIMS_KIND_QUOTE, "Aid trucks"), "Ivanov") != 0);
    claims_story_free(s);
}

static void test_quote_he_after_described_speaker(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "A police spokesman said the road was closed.\n\n"
        "\"Every car will be searched at the checkpoint tonight,\" he said.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "checkpoint"), "a police spokesman");
    claims_story_free(s);
}

static void test_quote_appositives_politics_and_crime(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "\"The coalition will hold together until the election,\" said Peter Novak, the "
        "leader of the Green party.\n\n"
        "\"The suspect is dangerous and should not be approached,\" said Supt John Carr, "
        "head of the county police, on Tuesday.\n\n"
        "\"Nobody has been charged yet,\" police said.\n\n"
        "\"The vote was rigged from the very start,\" opposition leader Ana Ruiz told "
        "supporters on Sunday.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "coalition"), "Peter Novak");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "approached"), "John Carr");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "charged"), "police");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "rigged"), "Ana Ruiz");
    claims_story_free(s);
}

static void test_quote_appositives_disaster_and_business(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "\"The water is still rising in the northern districts,\" a spokeswoman for the "
        "fire service said.\n\n"
        "\"At least 40 people are still missing,\" Interfax quoted the regional governor "
        "as saying.\n\n"
        "\"Our profits will recover by the end of next year,\" said Maria Gomez, chief "
        "executive of Alta Bank, in a statement.\n\n"
        "\"This merger creates the largest lender in the region,\" Alta Bank chief "
        "executive Maria Gomez told Reuters.\n\n"
        "\"We are cooperating fully with the inquiry,\" the company said in a statement.\n",
        NULL);
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "water"),
                        "a spokeswoman for the fire service");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "missing"), "the regional governor");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "profits"), "Maria Gomez");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "merger"), "Maria Gomez");
    assert_string_equal(speaker_with(s, CLAIMS_KIND_QUOTE, "cooperating"), "the company");
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

/* A title with "of" in it stays one title before the name. */
static void test_speaker_title_with_of(void **state)
{
    (void)state;
    claims_story *s = tu_story1(
        "Secretary of State Jane Roe said: \"We are ready to talk again.\"\n"
        "Speaker of the House Ann Cole said that the vote would wait.",
        NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "ready to talk");
    assert_non_null(q);
    assert_non_null(claims_claim_speaker(q));
    assert_string_equal(claims_claim_speaker(q), "Jane Roe");
    const claims_claim *p = tu_claim(s, CLAIMS_KIND_PARAPHRASE, "vote would wait");
    assert_non_null(p);
    assert_non_null(claims_claim_speaker(p));
    assert_string_equal(claims_claim_speaker(p), "Ann Cole");
    claims_story_free(s);
}

/* ------------------------------------------- bounded names (issue 14) */

/* A run of capitalized words before "said" is capped at its last six
 * words, and a word too long to be a name is none. */
static void test_speaker_name_capped(void **state)
{
    (void)state;
    size_t cap = 64 * 1024, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (int i = 0; i < 2000; i++)
        len += (size_t)snprintf(t + len, cap - len, "Barak ");
    snprintf(t + len, cap - len, "said \"we will buy the drones from them soon\".\n");
    claims_story *s = tu_story1(t, NULL);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "drones");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Barak Barak Barak Barak Barak Barak");
    assert_string_equal(claims_claim_key(q), "quote/barak barak barak barak barak barak");
    claims_story_free(s);

    /* a 100-letter capitalized word is no name word */
    len = (size_t)snprintf(t, cap, "Ana ");
    for (int i = 0; i < 99; i++)
        t[len++] = 'x';
    snprintf(t + len, cap - len, " said \"we will buy the drones from them soon\".\n");
    t[4] = 'X';
    s = tu_story1(t, NULL);
    q = tu_claim(s, CLAIMS_KIND_QUOTE, "drones");
    assert_non_null(q);
    assert_true(claims_claim_speaker(q) == NULL || strlen(claims_claim_speaker(q)) < 64);
    claims_story_free(s);
    free(t);
}

/* Many people of one surname: each speaker is still found by its own
 * full name (the name index stays fast and exact for them). */
static void test_speaker_many_people_one_surname(void **state)
{
    (void)state;
    size_t cap = 256 * 1024, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (int i = 0; i < 2000; i++) {
        char first[8] = {(char)('A' + i % 26), (char)('a' + i / 26 % 26), (char)('a' + i / 676),
                         'o', 0};
        len += (size_t)snprintf(t + len, cap - len, "%s Smith said \"we bought %d boats\". ",
                                first, i);
    }
    claims_story *s = tu_story1(t, NULL);
    assert_int_equal(tu_count(s, CLAIMS_KIND_QUOTE), 2000);
    const claims_claim *q = tu_claim(s, CLAIMS_KIND_QUOTE, "bought 1999 boats");
    assert_non_null(q);
    assert_string_equal(speaker_of(q), "Xyco Smith");
    claims_story_free(s);
    free(t);
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
        cmocka_unit_test(test_people_title_runs_stripped),
        cmocka_unit_test(test_people_title_lowercase_and_name_ending_in_title),
        cmocka_unit_test(test_people_titled_full_and_surname_merge),
        cmocka_unit_test(test_people_surname_article_first),
        cmocka_unit_test(test_people_shared_surname_stays_ambiguous),
        cmocka_unit_test(test_people_unknown_role_merges_with_name),
        cmocka_unit_test(test_people_of_organisation_is_the_person),
        cmocka_unit_test(test_speaker_organisations_are_descriptions),
        cmocka_unit_test(test_speaker_news_agencies_and_spokesman_of),
        cmocka_unit_test(test_speaker_organisation_not_merged_with_person),
        cmocka_unit_test(test_paraphrase_without_that),
        cmocka_unit_test(test_paraphrase_adjunct_before_that),
        cmocka_unit_test(test_paraphrase_not_from_adjuncts_or_clauses),
        cmocka_unit_test(test_paraphrase_trailing_attribution_cut),
        cmocka_unit_test(test_paraphrase_owner_and_title),
        cmocka_unit_test(test_quote_attribution_in_next_sentence),
        cmocka_unit_test(test_quote_he_after_described_speaker),
        cmocka_unit_test(test_quote_appositives_politics_and_crime),
        cmocka_unit_test(test_quote_appositives_disaster_and_business),
        cmocka_unit_test(test_normalize_folds_case_marks_and_punctuation),
        cmocka_unit_test(test_align_replacement_and_truncation),
        cmocka_unit_test(test_speaker_title_with_of),
        cmocka_unit_test(test_speaker_name_capped),
        cmocka_unit_test(test_speaker_many_people_one_surname),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
