#!/usr/bin/env python3
"""Builds `claims-musl`: the claims tool linked statically against musl
instead of glibc, for a process that starts in about half the CPU time.

A program linked against glibc runs glibc's start-up code, which asks the
processor about itself (CPUID) about forty times; under a hypervisor each
of these traps, and on the machine the benchmark runs on they are most of
the 0.5-0.7 ms a do-nothing program costs. musl's start-up asks nothing.
See bench/README.md ("Start-up").

meson cannot give one target a compiler of its own, so this script is the
target's recipe (meson.build: custom_target 'claims-musl'): it compiles
the sources meson gives it with musl-gcc, a few at a time, and links them
static-pie (Debian's musl-gcc specs link only plain static or dynamic
programs, so the start files are named here) with the static libraries
of utf8proc, jansson and yajl that Debian builds against glibc. They call
only what musl has, but for glibc's checked string functions, which
tools/libc_compat.c gives them.

usage: musl_cli.py --cc MUSL_GCC --native-cc CC --out OUTPUT
                   [--cflag F ...] [--lib NAME ...] -- SOURCE...
  --cc         musl-gcc
  --native-cc  the build's own C compiler: it finds the static libraries
               (CC -print-file-name=libNAME.a)
  --cflag      a compiler flag (repeat): -I, -D, -idirafter, -O...
  --lib        a static library by name (repeat), in link order
Objects go to OUTPUT.p/. Exits non-zero, naming the step, on any failure.
"""
import argparse
import concurrent.futures
import os
import shlex
import subprocess
import sys


def run(cmd, what):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0 or p.stderr.strip():
        sys.stderr.write(f"musl_cli: {what}:\n{shlex.join(cmd)}\n{p.stderr}")
    if p.returncode != 0:
        raise SystemExit(1)


def static_lib(native_cc, name):
    """The path of libNAME.a where the build's compiler finds it."""
    out = subprocess.run([native_cc, f"-print-file-name=lib{name}.a"], capture_output=True,
                         text=True).stdout.strip()
    if not os.path.isabs(out) or not os.path.exists(out):
        raise SystemExit(f"musl_cli: no static lib{name}.a for {native_cc}")
    return os.path.normpath(out)


def musl_libdir(cc):
    """musl's own library folder (its start files and libc.a): where
    musl-gcc's specs file is. (Not -print-file-name: that searches gcc's
    folders first, where glibc's start files are.)"""
    err = subprocess.run([cc, "-v"], capture_output=True, text=True).stderr
    for line in err.splitlines():
        if line.startswith("Reading specs from "):
            d = os.path.dirname(line[len("Reading specs from "):].strip())
            if all(os.path.exists(os.path.join(d, f)) for f in ("rcrt1.o", "libc.a")):
                return d
    raise SystemExit(f"musl_cli: found no rcrt1.o and libc.a beside {cc}'s specs file")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", required=True)
    ap.add_argument("--native-cc", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cflag", action="append", default=[])
    ap.add_argument("--lib", action="append", default=[])
    ap.add_argument("sources", nargs="+")
    a = ap.parse_args()

    objdir = a.out + ".p"
    os.makedirs(objdir, exist_ok=True)
    cflags = ["-fPIE", "-pthread"] + a.cflag
    jobs = []
    for src in a.sources:
        # (the path, not the base name: two folders may hold one name)
        name = os.path.normpath(src).replace("..", "").strip(os.sep).replace(os.sep, "_")
        obj = os.path.join(objdir, name + ".o")
        jobs.append(([a.cc, *cflags, "-c", src, "-o", obj], f"compiling {src}"))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        for f in [pool.submit(run, cmd, what) for cmd, what in jobs]:
            f.result()

    m = musl_libdir(a.cc)
    crt = lambda name: subprocess.run([a.native_cc, f"-print-file-name={name}"],
                                      capture_output=True, text=True).stdout.strip()
    libs = [static_lib(a.native_cc, n) for n in a.lib]
    link = [a.cc, "-nostartfiles", "-Wl,-static", "-Wl,-pie", "-Wl,--no-dynamic-linker",
            "-Wl,-z,text", "-o", a.out,
            os.path.join(m, "rcrt1.o"), os.path.join(m, "crti.o"), crt("crtbeginS.o"),
            *[cmd[-1] for cmd, _ in jobs], *libs, os.path.join(m, "libc.a"),
            crt("crtendS.o"), os.path.join(m, "crtn.o")]
    run(link, "linking")


if __name__ == "__main__":
    main()
