/* startup_floor.c - a program that does nothing, linked as `claims` is
 * (static-pie where the CLI is): realnews_speed.py times its start beside
 * `claims check`'s, so that a start-up figure can be read against what
 * the machine's exec alone costs. */
int main(void)
{
    return 0;
}
