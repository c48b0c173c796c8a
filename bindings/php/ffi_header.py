#!/usr/bin/env python3
"""Writes the header PHP's FFI reads, from include/claims.h.

PHP's FFI parser has no preprocessor: it stops at `extern "C"`, at macros
and at glibc's attributes. So claims.h goes through the C preprocessor
with CLAIMS_API defined empty and the system headers replaced by empty
stubs (size_t is built into PHP's FFI; FILE becomes an opaque struct), and
the result gets the two lines FFI::load() and ffi.preload read: the scope
name and the versioned library.

usage: ffi_header.py OUT claims.h SONAME CC [CC ARGS...]
"""
import os
import re
import subprocess
import sys
import tempfile

out, header, soname, cc = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with tempfile.TemporaryDirectory() as stubs:
    for name in ("stddef.h", "stdio.h"):
        open(os.path.join(stubs, name), "w").close()
    r = subprocess.run(cc + ["-E", "-P", "-nostdinc", "-I", stubs, "-DCLAIMS_API=",
                             "-x", "c", header], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f"ffi_header.py: preprocessing {header} failed:\n{r.stderr}")
body = re.sub(r"\n\s*\n+", "\n", r.stdout).strip() + "\n"
for bad in ('extern "C"', "__attribute__", "__declspec", "#"):
    if bad in body:
        sys.exit(f"ffi_header.py: {bad!r} left in the FFI header")
with open(out, "w") as f:
    # FFI::load() reads the two #define lines only at the very start.
    f.write('#define FFI_SCOPE "claims"\n'
            f'#define FFI_LIB "{soname}"\n'
            "/* Generated from include/claims.h by bindings/php/ffi_header.py: do not edit.\n"
            " * For PHP's FFI: FFI::load() this file, or name it in ffi.preload. */\n"
            "typedef struct claims_FILE FILE;\n" + body)
