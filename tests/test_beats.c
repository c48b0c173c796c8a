#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

static void test_placeholder_builds(void **state)
{
    (void)state;
    claims_story *s = tu_story1("Nothing to see here.", NULL);
    assert_non_null(s);
    claims_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholder_builds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
