"""Loading libclaims through ctypes: the versioned library, its signatures,
and the version check. Internal; use the classes in `libclaims`."""
from __future__ import annotations

import ctypes
import os
from typing import Any, Optional

#: The library version this package was written for. The soname changes with
#: every release that may break the ABI (each 0.x minor), so the package
#: loads that name and refuses a library of another MAJOR.MINOR.
ABI_VERSION = (0, 1)
SONAME = "libclaims.so.%d.%d" % ABI_VERSION if ABI_VERSION[0] == 0 else "libclaims.so.%d" % ABI_VERSION[0]

P, S, I, D, C = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_double, ctypes.c_char_p


class Error(ctypes.Structure):
    """struct claims_error of claims.h."""
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p),
                ("article", ctypes.c_char * 64), ("offset", ctypes.c_size_t),
                ("has_offset", ctypes.c_int)]


_E = ctypes.POINTER(Error)
_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "claims_version": (I, []),
    "claims_version_string": (C, []),
    "claims_status_message": (C, [I]),
    "claims_format_name": (C, [I]),
    "claims_format_from_name": (I, [C, ctypes.POINTER(I)]),
    "claims_story_new": (I, [P, ctypes.POINTER(P)]),
    "claims_story_free": (None, [P]),
    "claims_story_set_option": (I, [P, I, I]),
    "claims_story_add_lexicon": (I, [P, C, S, _E]),
    "claims_story_add_article": (I, [P, C, C, C, C, S, _E]),
    "claims_story_add_file": (I, [P, C, C, S, _E]),
    "claims_story_add_text": (I, [P, C, C, S, _E]),
    "claims_story_article_count": (S, [P]),
    "claims_story_rejected_count": (S, [P]),
    "claims_story_reject": (I, [P, C, I, C, ctypes.c_longlong]),
    "claims_story_check": (I, [P, _E]),
    "claims_story_failure_count": (S, [P]),
    "claims_story_report_alloc": (I, [P, I, ctypes.POINTER(ctypes.POINTER(ctypes.c_char)),
                                      ctypes.POINTER(S), _E]),
    "claims_report_free": (None, [ctypes.POINTER(ctypes.c_char)]),
}


class LibraryVersionError(ImportError):
    """The loaded libclaims is not the MAJOR.MINOR this package was made for."""


def load(path: Optional[str] = None) -> ctypes.CDLL:
    """Loads libclaims: `path`, else $LIBCLAIMS_LIBRARY, else the versioned
    soname through the system's loader; then checks its version."""
    name = path or os.environ.get("LIBCLAIMS_LIBRARY") or SONAME
    try:
        lib = ctypes.CDLL(name)
    except OSError as e:
        raise ImportError(
            f"cannot load {name} ({e}); install libclaims (meson install -C build && ldconfig) "
            f"or set LIBCLAIMS_LIBRARY to the path of {SONAME}") from None
    for fn_name, (res, args) in _SIGNATURES.items():
        fn = getattr(lib, fn_name)
        fn.restype, fn.argtypes = res, args
    v = lib.claims_version()
    got = (v // 10000, v // 100 % 100)
    if got != ABI_VERSION:
        raise LibraryVersionError(
            f"{name} is libclaims {lib.claims_version_string().decode()}, this package needs "
            f"{ABI_VERSION[0]}.{ABI_VERSION[1]}.x")
    return lib


_lib: Optional[ctypes.CDLL] = None


def lib() -> ctypes.CDLL:
    """The library, loaded on first use (once per process)."""
    global _lib
    if _lib is None:
        _lib = load()
    return _lib
