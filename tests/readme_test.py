#!/usr/bin/env python3
"""Runs the README's tested snippets: every fenced block after a
`<!-- readme-test: NAME -->` line, from the source root, as `sh -e`.

Blocks that install (`meson install -C build && ldconfig`) are run against
a private DESTDIR instead of /usr/local: the install line becomes
`meson install --destdir`, and pkg-config, the loader, Python and PHP are
pointed into that tree. The C snippet of "The C API in five lines" is also
compiled and run inside a main().

usage: readme_test.py SOURCE_ROOT BUILD_DIR [NAME...]   (TAP output)
"""
import os
import re
import subprocess
import sys
import sysconfig
import tempfile

ROOT, BUILD = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ONLY = sys.argv[3:]
README = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
INSTALL_LINE = "meson install -C build && ldconfig"


def blocks():
    for m in re.finditer(r"<!-- readme-test: ([\w-]+) -->\n```\w*\n(.*?)```", README, re.S):
        yield m.group(1), m.group(2)


def installed_env(destdir):
    """The environment that finds what `meson install --destdir` put there."""
    prefix = "/usr/local"
    env = dict(os.environ)
    libdirs, pcdirs, pydirs = [], [], []
    for dirpath, dirnames, filenames in os.walk(destdir):
        if any(f.startswith("libclaims.so") for f in filenames):
            libdirs.append(dirpath)
        if "libclaims.pc" in filenames:
            pcdirs.append(dirpath)
        if "libclaims" in dirnames and "__init__.py" in os.listdir(os.path.join(dirpath, "libclaims")):
            pydirs.append(dirpath)
    env["PKG_CONFIG_SYSROOT_DIR"] = destdir
    env["PKG_CONFIG_PATH"] = ":".join(pcdirs)
    env["LD_LIBRARY_PATH"] = ":".join(libdirs)
    env["PYTHONPATH"] = ":".join(pydirs)
    env["PATH"] = os.path.join(destdir, prefix.lstrip("/"), "bin") + ":" + env["PATH"]
    return env


def run(name, script):
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if INSTALL_LINE in script:
            destdir = os.path.join(tmp, "dest")
            subprocess.run(["meson", "install", "-C", BUILD, "--destdir", destdir,
                            "--no-rebuild", "--quiet"], check=True, stdout=subprocess.DEVNULL)
            env = installed_env(destdir)
            script = script.replace(INSTALL_LINE, ": installed above into " + destdir)
            script = script.replace("/usr/local/", destdir + "/usr/local/")
        # Debian's python3 (with python3-dask...) before any other in PATH
        if os.path.exists("/usr/bin/python3"):
            env["PATH"] = "/usr/bin:" + env["PATH"]
        r = subprocess.run(["sh", "-ec", script], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=600)
    return r


def five_lines():
    m = re.search(r"## The C API in five lines\n\n```c\n(.*?)```", README, re.S)
    body = m.group(1)
    program = ("#include <claims.h>\n#include <string.h>\nint main(void)\n{\n"
               "    const char *text = \"Rescuers pulled 14 people from the river.\";\n"
               "    size_t text_len = strlen(text);\n" + body + "    return 0;\n}\n")
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "five.c"), os.path.join(tmp, "five")
        open(src, "w").write(program)
        script = (f"cc -std=c11 -Wall -Wextra -Wpedantic -Werror -o {exe} {src} "
                  f"$(pkg-config --cflags --libs libclaims) && {exe}")
        r = subprocess.run(["meson", "devenv", "-C", BUILD, "sh", "-ec", script],
                           capture_output=True, text=True, timeout=300)
    return r


# What each block's output must contain.
EXPECT = {
    "c-uninstalled": '"schema":"claims-report/1"',
    "c-installed": '"schema":"claims-report/1"',
    "python": "contradicts",
    "dask": '"story": "drone-deal"',
    "php": "contradicts",
    "installed": "{0}\n{0}".format(re.search(
        r'CLAIMS_VERSION_STRING "([^"]+)"',
        open(os.path.join(ROOT, "include", "claims.h")).read()).group(1)),
}

cases = [(n, s) for n, s in blocks() if not ONLY or n in ONLY]
checks = len(cases) + (0 if ONLY else 1)
print(f"1..{checks}")
failed = 0
n = 0
for name, script in cases:
    n += 1
    r = run(name, script)
    ok = r.returncode == 0 and EXPECT.get(name, "") in r.stdout
    print(f"{'ok' if ok else 'not ok'} {n} - README block {name}")
    if not ok:
        failed += 1
        sys.stdout.write("# " + (r.stdout + r.stderr).replace("\n", "\n# ") + "\n")
if not ONLY:
    n += 1
    r = five_lines()
    ok = r.returncode == 0 and '"schema":"claims-report/1"' in r.stdout
    print(f"{'ok' if ok else 'not ok'} {n} - the five-line C API snippet compiles and runs")
    if not ok:
        failed += 1
        sys.stdout.write("# " + (r.stdout + r.stderr).replace("\n", "\n# ") + "\n")
sys.exit(1 if failed else 0)
