#!/bin/sh
# Builds the libFuzzer targets with clang + ASan + UBSan in build-fuzz/ and
# runs each for a bounded time on a scratch copy of its corpus:
#   fuzz_story  the library's public pipeline   fuzz/corpus/
#   fuzz_jsonl  the CLI's JSON readers          fuzz/corpus_jsonl/
#
# usage: fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#   SECONDS        fuzzing time of each target (default 60, or $FUZZ_SECONDS)
#   FUZZ_TARGETS   which targets (default "fuzz_story fuzz_jsonl")
#   FUZZ_JOBS      parallel workers (default 1)
#   FUZZ_BUILDDIR  build directory (default build-fuzz)
#   FUZZ_WORKDIR   keep the growing corpus here between runs (default: a
#                  temporary directory, removed at the end)
#
# A failure (crash, leak, timeout, OOM) exits 1 and leaves the input in
# fuzz/artifacts/TARGET-*. Once the bug is fixed, copy it to the target's
# corpus as crash_<what> so the replay test runs it in every build. New coverage found during the
# run stays in the scratch corpus and is not committed.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)

seconds=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
jobs=${FUZZ_JOBS:-1}
builddir=${FUZZ_BUILDDIR:-build-fuzz}

if [ ! -f "$builddir/build.ninja" ]; then
    # -fsanitize=fuzzer-no-link on every C file gives libFuzzer coverage
    # inside the library too; b_lundef=false is needed with sanitizers.
    CC=clang meson setup "$builddir" -Dfuzzing=true \
        -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debugoptimized \
        -Dc_args=-fsanitize=fuzzer-no-link -Dcli=disabled -Dtests=disabled >/dev/null
fi
targets=${FUZZ_TARGETS:-fuzz_story fuzz_jsonl}
ninja -C "$builddir" build.ninja >/dev/null  # regenerated when a meson.build changed
meson compile -C "$builddir" fuzz/fuzz_story fuzz/fuzz_replay fuzz/fuzz_jsonl \
    fuzz/fuzz_jsonl_replay >/dev/null

if [ -n "${FUZZ_WORKDIR:-}" ]; then
    mkdir -p "$FUZZ_WORKDIR"
    work=$(cd "$FUZZ_WORKDIR" && pwd)
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/claims-fuzz.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# -jobs (even -jobs=1) makes libFuzzer run workers that log to fuzz-N.log in
# the cwd: only pass it for real parallel runs, and run from the work dir.
par=""
[ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
failed=0
for target in $targets; do
    case $target in
    fuzz_story) corpus=corpus; replay=fuzz_replay; dict=claims.dict; extra="" ;;
    # the JSON readers say what is wrong with each line on stderr: keep
    # libFuzzer's and the sanitizers' reports, drop the rest
    fuzz_jsonl) corpus=corpus_jsonl; replay=fuzz_jsonl_replay; dict=jsonl.dict
        extra="-close_fd_mask=2" ;;
    *) echo "fuzz/run.sh: unknown target $target" >&2; exit 2 ;;
    esac
    echo "== replaying fuzz/$corpus/ under ASan + UBSan"
    "$builddir/fuzz/$replay" "fuzz/$corpus" >/dev/null 2>"$work/replay.err" ||
        { cat "$work/replay.err" >&2; exit 1; }
    tw="$work/$target"
    rm -rf "$tw/artifacts"
    mkdir -p "$tw/corpus" "$tw/artifacts"
    cp "fuzz/$corpus"/* "$tw/corpus/"
    echo "== $target for ${seconds}s (jobs=$jobs)"
    set +e
    (cd "$tw" && "$top/$builddir/fuzz/$target" corpus $par $extra \
        -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 \
        -artifact_prefix=artifacts/ -dict="$top/fuzz/$dict" "$@")
    rc=$?
    set -e
    [ "$jobs" -gt 1 ] && cat "$tw"/fuzz-*.log 2>/dev/null | grep -E 'ERROR|SUMMARY|stat::' || true
    if [ "$rc" -ne 0 ] || [ -n "$(ls "$tw/artifacts")" ]; then
        mkdir -p fuzz/artifacts
        for f in "$tw"/artifacts/*; do
            [ -e "$f" ] && cp "$f" "fuzz/artifacts/${target}-$(basename "$f")"
        done
        echo "fuzz/run.sh: $target found a failure (exit $rc); inputs in fuzz/artifacts/" >&2
        failed=1
    else
        echo "== $target: no failure in ${seconds}s"
    fi
done
exit $failed
