#!/bin/sh
# Renders the HTML report of the example story in headless Chromium and
# checks what a reader would see: the DOM holds the findings and the
# evidence, and a screenshot (PNG) is produced. Exits 77 (skip) when no
# Chromium is installed.
#
# usage: tests/browser_check.sh [CLAIMS_BINARY] [STORY_DIR]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
claims=${1:-${CLAIMS:-$here/../build/claims}}
story=${2:-$here/../examples/drone-deal}

browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
        browser=$b
        break
    fi
done
if [ -z "$browser" ]; then
    echo "SKIP: no chromium installed"
    exit 77
fi
if [ ! -x "$claims" ]; then
    echo "FAIL: claims binary not found at $claims" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT INT TERM

# exit 1 only means "a contradiction was found"; 2 is an error
set +e
"$claims" check --format html --output "$work/report.html" "$story"/*.txt 2>"$work/err" ||
    rc=$?
set -e
if [ "${rc:-0}" -gt 1 ]; then
    # older CLIs without --output: fall back to stdout
    set +e
    "$claims" check --format html "$story"/*.txt >"$work/report.html" 2>"$work/err"
    rc=$?
    set -e
    if [ "$rc" -gt 1 ]; then
        echo "FAIL: claims exited $rc" >&2
        cat "$work/err" >&2
        exit 1
    fi
fi

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
 --disable-background-networking --disable-component-update --disable-sync
 --user-data-dir=$profile"

# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$work/report.html" \
    >"$work/dom.html" 2>"$work/chromium.log" || {
    echo "FAIL: chromium --dump-dom failed" >&2
    tail -20 "$work/chromium.log" >&2
    exit 1
}

fail=0
check() {
    if grep -q -- "$1" "$work/dom.html"; then
        echo "ok: $2"
    else
        echo "FAIL: $2 (no '$1' in the rendered DOM)" >&2
        fail=1
    fi
}
check '<h1>Claims report</h1>' "the page has its heading"
check 'name="viewport"' "the page has a viewport for phones"
check 'class="finding agreement"' "an agreement is rendered"
check 'class="finding variant"' "a quote variant is rendered"
check '<mark>' "evidence words are highlighted"
check 'class="evidence"' "sources are shown side by side"
check 'Bayraktar' "the sources' sentences are shown"
if grep -qiE '<(script|link)[ >]|https?://' "$work/dom.html"; then
    echo "FAIL: the page refers to scripts or the network" >&2
    fail=1
else
    echo "ok: the page is self-contained"
fi

# shellcheck disable=SC2086
timeout 120 "$browser" $flags --hide-scrollbars --window-size=412,900 \
    --screenshot="$work/phone.png" "file://$work/report.html" \
    >>"$work/chromium.log" 2>&1 || true
if [ -s "$work/phone.png" ] &&
    [ "$(head -c 8 "$work/phone.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
    echo "ok: a PNG screenshot was produced ($(wc -c <"$work/phone.png") bytes)"
    if [ -n "${BROWSER_CHECK_KEEP:-}" ]; then
        cp "$work/phone.png" "$work/report.html" "$BROWSER_CHECK_KEEP"/
    fi
else
    echo "FAIL: no PNG screenshot" >&2
    tail -20 "$work/chromium.log" >&2
    fail=1
fi
exit $fail
