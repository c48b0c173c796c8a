#!/usr/bin/env python3
"""Checks that no function of the library is longer than a page.

A function's length is counted in lines from the line of its name to the
line of its closing brace, both included. Any function in SOURCE_DIR/
libclaims/**/*.c over LIMIT lines (120) fails the check: cut it into named
steps.

The scan is a plain brace matcher, not a C parser: comments, string and
character literals are blanked first; a '{' at file level whose text since
the previous ';', '}' or preprocessor line ends in ')' opens a function
(an initializer has '=', a struct or enum no ')').

usage: check_function_length.py SOURCE_DIR [LIMIT]
       check_function_length.py --self-test
"""
import os
import re
import sys
import tempfile

LIMIT = 120


def blank(text):
    """The text with comments, strings and char literals replaced by spaces
    (newlines kept, so line numbers stay) and preprocessor lines emptied."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            # a directive, with its continuation lines
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append(" \n")
                    i += 2
                    continue
                out.append(" ")
                i += 1
            continue
        if c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j - 1]) + c)
            i = j
            continue
        if c == "\n":
            at_line_start = True
        elif not c.isspace():
            at_line_start = False
        out.append(c)
        i += 1
    return "".join(out)


NAME = re.compile(r"([A-Za-z_]\w*)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.S)


def functions(text):
    """(name, first line, last line) of each function defined in C text."""
    src = blank(text)
    found = []
    depth = 0
    head_start = 0  # where the text before the next file-level '{' begins
    open_at = None
    name = None
    for i, c in enumerate(src):
        if c == "{":
            if depth == 0:
                head = src[head_start:i]
                m = NAME.search(head)
                if m and "=" not in head:
                    name = m.group(1)
                    open_at = head_start + m.start(1)
                else:
                    name = None
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                if name is not None:
                    first = src.count("\n", 0, open_at) + 1
                    last = src.count("\n", 0, i) + 1
                    found.append((name, first, last))
                name = None
                head_start = i + 1
            if depth < 0:
                depth = 0
        elif c == ";" and depth == 0:
            head_start = i + 1
    return found


def check(root, limit=LIMIT):
    errors = []
    lib = os.path.join(root, "libclaims")
    for dirpath, _, files in os.walk(lib):
        for fname in sorted(files):
            if not fname.endswith(".c"):
                continue
            path = os.path.join(dirpath, fname)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for name, first, last in functions(text):
                length = last - first + 1
                if length > limit:
                    errors.append("%s:%d: %s is %d lines (at most %d): cut it into named steps"
                                  % (os.path.relpath(path, root), first, name, length, limit))
    return errors


def self_test():
    """The check passes a short function and fails a generated long one,
    and is not fooled by braces in strings, comments or initializers."""
    short = ('static const int t[] = {1, 2};\n'
             'struct s { int a; };\n'
             '/* { not code */\n'
             'static int f(int x)\n{\n    const char *s = "}{";\n'
             '    if (x) {\n        return 1;\n    }\n    return s[0] == \'{\';\n}\n')
    long_body = "".join("    x += %d;\n" % k for k in range(LIMIT))
    long_fn = "int g(int x)\n{\n" + long_body + "    return x;\n}\n"
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "libclaims", "base"))
        path = os.path.join(tmp, "libclaims", "base", "a.c")
        with open(path, "w", encoding="utf-8") as f:
            f.write(short)
        errs = check(tmp)
        if errs:
            print("self-test: short functions flagged: %s" % errs)
            return 1
        got = functions(short)
        if [g[0] for g in got] != ["f"]:
            print("self-test: expected one function f, found %s" % got)
            return 1
        with open(path, "w", encoding="utf-8") as f:
            f.write(short + long_fn)
        errs = check(tmp)
        if len(errs) != 1 or " g is " not in errs[0]:
            print("self-test: the %d-line function was not flagged: %s"
                  % (LIMIT + 4, errs))
            return 1
    print("self-test: ok")
    return 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    limit = int(argv[2]) if len(argv) == 3 else LIMIT
    errors = check(argv[1], limit)
    for e in errors:
        print(e)
    if errors:
        print("check_function_length: %d function(s) over %d lines" % (len(errors), limit))
        return 1
    print("check_function_length: every function in libclaims/ is at most %d lines" % limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
