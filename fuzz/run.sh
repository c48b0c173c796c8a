#!/bin/sh
# Builds the libFuzzer target with clang + ASan + UBSan in build-fuzz/ and
# runs it for a bounded time on a scratch copy of fuzz/corpus/.
#
# usage: fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#   SECONDS        total fuzzing time (default 60, or $FUZZ_SECONDS)
#   FUZZ_JOBS      parallel workers (default 1)
#   FUZZ_BUILDDIR  build directory (default build-fuzz)
#   FUZZ_WORKDIR   keep the growing corpus here between runs (default: a
#                  temporary directory, removed at the end)
#
# A failure (crash, leak, timeout, OOM) exits 1 and leaves the input in
# fuzz/artifacts/. Once the bug is fixed, copy it to fuzz/corpus/crash_<what>
# so the replay test runs it in every build. New coverage found during the
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
meson compile -C "$builddir" fuzz/fuzz_story fuzz/fuzz_replay >/dev/null

if [ -n "${FUZZ_WORKDIR:-}" ]; then
    mkdir -p "$FUZZ_WORKDIR"
    work=$(cd "$FUZZ_WORKDIR" && pwd)
    rm -rf "$work/artifacts"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/claims-fuzz.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/corpus" "$work/artifacts"
cp fuzz/corpus/* "$work/corpus/"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

echo "== replaying fuzz/corpus/ under ASan + UBSan"
"$builddir/fuzz/fuzz_replay" fuzz/corpus >/dev/null

echo "== fuzz_story for ${seconds}s (jobs=$jobs)"
# -jobs (even -jobs=1) makes libFuzzer run workers that log to fuzz-N.log in
# the cwd: only pass it for real parallel runs, and run from $work.
par=""
[ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
set +e
(cd "$work" && "$top/$builddir/fuzz/fuzz_story" corpus $par \
    -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix=artifacts/ -dict="$top/fuzz/claims.dict" "$@")
rc=$?
set -e
[ "$jobs" -gt 1 ] && cat "$work"/fuzz-*.log 2>/dev/null | grep -E 'ERROR|SUMMARY|stat::' || true
if [ "$rc" -ne 0 ] || [ -n "$(ls "$work/artifacts")" ]; then
    mkdir -p fuzz/artifacts
    cp "$work"/artifacts/* fuzz/artifacts/ 2>/dev/null || true
    echo "fuzz/run.sh: the fuzzer found a failure (exit $rc); inputs in fuzz/artifacts/" >&2
    exit 1
fi
echo "== fuzz_story: no failure in ${seconds}s"
