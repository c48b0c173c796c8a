#!/bin/sh
# Compares libclaims' extraction time with the `compromise` NLP library's
# number and quotation extraction (nlp(text).numbers(), .quotations()) on
# the same synthetic news text.
#
# usage: bench/compare_compromise.sh [BUILDDIR] [ARTICLES]
#   BUILDDIR  a configured libclaims build (default: build)
#   ARTICLES  articles in the text (default 1000, about 0.35 MB)
# Needs node (/usr/bin/node or on PATH) and npm; installs compromise into
# bench/node_modules on first use.
set -eu
cd "$(dirname "$0")/.."
builddir=${1:-build}
n=${2:-1000}
node=$(command -v node || echo /usr/bin/node)
[ -x "$node" ] || { echo "compare_compromise.sh: node not found" >&2; exit 1; }

if [ ! -d bench/node_modules/compromise ]; then
    echo "== installing compromise into bench/node_modules"
    npm install --prefix bench --no-audit --no-fund --no-save compromise >/dev/null
fi
meson compile -C "$builddir" bench/bench >/dev/null

text=$(mktemp "${TMPDIR:-/tmp}/claims-compromise.XXXXXX")
trap 'rm -f "$text"' EXIT
python3 bench/gen_story.py --articles "$n" --seed 3 --format plain --out "$text"

echo "== compromise $(cd bench && "$node" -e "console.log(require('compromise').version || '')" 2>/dev/null)"
line=$("$node" bench/compromise_bench.mjs "$text" 5 | tee /dev/stderr | tail -n 1)
c_s=$(echo "$line" | sed 's/.*compromise_median_s=\([0-9.]*\).*/\1/')

echo "== libclaims"
out=$("$builddir/bench/bench" --extract-only "$text")
echo "$out"
l_s=$(echo "$out" | sed -n 's/.*segment + extractors: *\([0-9.]*\) s.*/\1/p' | head -n 1)

python3 - "$c_s" "$l_s" "$line" <<'PY'
import sys
c, l = float(sys.argv[1]), float(sys.argv[2])
print(f"== extraction time on the same text: compromise {c:.3f} s, libclaims {l:.3f} s"
      f" -> libclaims is {c / l:.1f}x faster" if l > 0 else "libclaims time missing")
PY
