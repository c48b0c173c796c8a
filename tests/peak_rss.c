/* peak_rss.c - runs a command and prints its peak resident memory in KiB
 * (its own ru_maxrss), for tests/memory_test.py. A child forked from a
 * Python test would carry the interpreter's resident memory into its
 * ru_maxrss, which exec does not reset; forked from this small program,
 * the figure is the command's.
 *
 * usage: peak_rss COMMAND [ARG...]
 * Prints "KIB EXIT_CODE" on stdout; the command's stdout goes to
 * /dev/null, its stderr stays. Exits 2 when the command cannot be run. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: peak_rss COMMAND [ARG...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak_rss: fork");
        return 2;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 1);
        execvp(argv[1], argv + 1);
        perror("peak_rss: exec");
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("peak_rss: wait4");
        return 2;
    }
    if (!WIFEXITED(status)) {
        fprintf(stderr, "peak_rss: %s did not exit normally\n", argv[1]);
        return 2;
    }
    printf("%ld %d\n", ru.ru_maxrss, WEXITSTATUS(status));
    return 0;
}
