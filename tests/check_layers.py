#!/usr/bin/env python3
"""Checks that the library's folders follow the pipeline.

Layers, bottom to top: base/ -> extract/ -> compare/ -> report/ -> the top
(story.c, internal.h). A file may include only headers of its own layer or
of layers below it, and may call only functions defined in its own layer or
below. No two files call each other.

usage: check_layers.py SOURCE_DIR [STATIC_LIBRARY]
The include check reads SOURCE_DIR/libclaims; the call check reads the
symbols of STATIC_LIBRARY (the objects of libclaims/) with `nm`.
"""
import os
import re
import subprocess
import sys

RANK = {"base": 0, "extract": 1, "compare": 2, "report": 3, "": 4}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(relpath):
    """The layer of a path relative to libclaims/ ("base/lexicon.c" -> base)."""
    head = relpath.split("/")[0] if "/" in relpath else ""
    if head not in RANK:
        raise SystemExit("check_layers: %s is in no known layer" % relpath)
    return head


def check_includes(root):
    errors = []
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            mine = layer_of(rel)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for inc in INCLUDE.findall(text):
                if inc == "claims.h":
                    continue
                target = inc if os.path.exists(os.path.join(root, inc)) else None
                if target is None:
                    errors.append("%s includes \"%s\", which is not a header of libclaims/" % (rel, inc))
                    continue
                theirs = layer_of(target)
                if RANK[theirs] > RANK[mine]:
                    errors.append("%s (layer %s) includes %s (layer %s, above it)"
                                  % (rel, mine or "top", inc, theirs or "top"))
    return errors


def object_file(member):
    """'libclaims_extract_numbers.c.o' -> 'extract/numbers.c'."""
    m = re.match(r"libclaims_(?:(base|extract|compare|report)_)?(.+\.c)\.o$", member)
    if not m:
        return None
    return (m.group(1) + "/" if m.group(1) else "") + m.group(2)


def check_calls(archive):
    out = subprocess.run(["nm", "-A", archive], check=True, capture_output=True,
                         text=True).stdout
    defined, used = {}, {}
    for line in out.splitlines():
        # archive:member:  U symbol   or   archive:member:0000 T symbol
        parts = line.split(":")
        if len(parts) < 3:
            continue
        src = object_file(os.path.basename(parts[1]))
        if src is None:
            continue
        fields = parts[-1].split()
        if len(fields) < 2:
            continue
        kind, sym = fields[-2], fields[-1]
        if kind == "U":
            used.setdefault(src, set()).add(sym)
        elif kind in "TDRBG":
            defined[sym] = src
    if not defined:
        return ["no library object found in %s" % archive]
    edges = set()
    errors = []
    for src, syms in sorted(used.items()):
        for sym in sorted(syms):
            dst = defined.get(sym)
            if dst is None or dst == src:
                continue
            edges.add((src, dst))
            a, b = layer_of(src), layer_of(dst)
            if RANK[b] > RANK[a]:
                errors.append("%s (layer %s) calls %s of %s (layer %s, above it)"
                              % (src, a or "top", sym, dst, b or "top"))
    for a, b in sorted(edges):
        if a < b and (b, a) in edges:
            errors.append("%s and %s call each other" % (a, b))
    return errors


def self_test():
    """The check must fail on a tree where a lower file includes an upper
    header, and pass on the same tree without that include."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        for sub in ("base", "report"):
            os.makedirs(os.path.join(d, "libclaims", sub))
        with open(os.path.join(d, "libclaims", "report", "report.h"), "w") as f:
            f.write('#include "base/base.h"\n')
        with open(os.path.join(d, "libclaims", "base", "base.h"), "w") as f:
            f.write("/* bottom */\n")
        clean = check_includes(os.path.join(d, "libclaims"))
        with open(os.path.join(d, "libclaims", "base", "lexicon.c"), "w") as f:
            f.write('#include "base/base.h"\n#include "report/report.h"\n')
        upward = check_includes(os.path.join(d, "libclaims"))
    ok = not clean and len(upward) == 1 and "base/lexicon.c" in upward[0]
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    errors = check_includes(os.path.join(sys.argv[1], "libclaims"))
    if len(sys.argv) == 3:
        errors += check_calls(sys.argv[2])
    for e in errors:
        print("FAIL: " + e)
    print("%d passed, %d failed" % (0 if errors else 1, 1 if errors else 0))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
