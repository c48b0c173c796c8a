"""Python binding of libclaims through ctypes (no compiled extension).

    import claims
    with claims.Story() as story:
        story.add_article("wire", text, title="...", published="2021-05-24")
        story.check()
        for c in story.claims():
            print(c["kind"], c["key"], c["value"], c["text"])
        print(story.report("json"))

The shared library is found through $CLAIMS_LIBRARY, else as "libclaims.so"
through the system's loader (ldconfig paths, LD_LIBRARY_PATH).
"""
import ctypes
import os

__all__ = ["Story", "ClaimsError", "KINDS", "FINDING_TYPES", "FORMATS"]

KINDS = ["count", "money", "percent", "measure", "year", "date", "quote", "paraphrase"]
FINDING_TYPES = ["agreement", "contradiction", "variant", "compatible"]
FORMATS = {"text": 0, "json": 1, "markdown": 2, "html": 3, "tap": 4, "junit": 5}
FAIL_ON = {"none": 0, "contradiction": 1, "variant": 2}
OPT_FAIL_ON, OPT_MIN_CONFIDENCE, OPT_COLOR = 0, 1, 2


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p),
                ("article", ctypes.c_char * 64), ("offset", ctypes.c_size_t),
                ("has_offset", ctypes.c_int)]


class ClaimsError(Exception):
    """A libclaims error: .code (claims_status), .article, .offset (or None)."""

    def __init__(self, code, message, article="", offset=None):
        where = f" in {article!r}" if article else ""
        at = f" at byte {offset}" if offset is not None else ""
        super().__init__(f"{message}{where}{at}")
        self.code, self.article, self.offset = code, article, offset


_WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char),
                             ctypes.c_size_t)


def _load():
    lib = ctypes.CDLL(os.environ.get("CLAIMS_LIBRARY") or "libclaims.so")
    P, S, I, D = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_double
    C = ctypes.c_char_p
    sig = {
        "claims_version_string": (C, []),
        "claims_status_message": (C, [I]),
        "claims_story_new": (I, [P, ctypes.POINTER(P)]),
        "claims_story_free": (None, [P]),
        "claims_story_set_option": (I, [P, I, I]),
        "claims_story_add_lexicon": (I, [P, C, S, ctypes.POINTER(_Error)]),
        "claims_story_add_article": (I, [P, C, C, C, C, S, ctypes.POINTER(_Error)]),
        "claims_story_check": (I, [P, ctypes.POINTER(_Error)]),
        "claims_story_article_count": (S, [P]),
        "claims_story_article_id": (C, [P, S]),
        "claims_story_article_title": (C, [P, S]),
        "claims_story_article_published": (C, [P, S]),
        "claims_story_article_bytes": (S, [P, S]),
        "claims_story_rejected_count": (S, [P]),
        "claims_story_rejected_id": (C, [P, S]),
        "claims_story_rejected_message": (C, [P, S]),
        "claims_story_rejected_offset": (ctypes.c_longlong, [P, S]),
        "claims_story_claim_count": (S, [P]),
        "claims_story_claim": (P, [P, S]),
        "claims_claim_id": (C, [P]),
        "claims_claim_article": (S, [P]),
        "claims_claim_kind": (I, [P]),
        "claims_claim_key": (C, [P]),
        "claims_claim_value": (I, [P, ctypes.POINTER(D)]),
        "claims_claim_low": (I, [P, ctypes.POINTER(D)]),
        "claims_claim_high": (I, [P, ctypes.POINTER(D)]),
        "claims_claim_unit": (C, [P]),
        "claims_claim_string_value": (C, [P]),
        "claims_claim_span": (None, [P, ctypes.POINTER(S), ctypes.POINTER(S)]),
        "claims_claim_sentence_span": (None, [P, ctypes.POINTER(S), ctypes.POINTER(S)]),
        "claims_claim_speaker": (C, [P]),
        "claims_story_finding_count": (S, [P]),
        "claims_story_finding": (P, [P, S]),
        "claims_finding_id": (C, [P]),
        "claims_finding_type_of": (I, [P]),
        "claims_finding_key": (C, [P]),
        "claims_finding_confidence": (D, [P]),
        "claims_finding_summary": (C, [P]),
        "claims_finding_claim_count": (S, [P]),
        "claims_finding_claim": (S, [P, S]),
        "claims_story_failure_count": (S, [P]),
        "claims_story_write_report": (I, [P, I, _WRITE_FN, P, ctypes.POINTER(_Error)]),
    }
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    return lib


_lib = None


def _api():
    global _lib
    if _lib is None:
        _lib = _load()
    return _lib


def version():
    return _api().claims_version_string().decode()


def _s(b):
    return b.decode("utf-8") if b is not None else None


class Story:
    """One story: add articles, check() once, then read claims and findings."""

    def __init__(self):
        self._lib = _api()
        self._h = ctypes.c_void_p()
        self._raise(self._lib.claims_story_new(None, ctypes.byref(self._h)), None)
        self._texts = {}

    def close(self):
        if self._h:
            self._lib.claims_story_free(self._h)
            self._h = ctypes.c_void_p()

    __del__ = close

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _raise(self, status, err):
        if status == 0:
            return
        if err is not None and err.message:
            raise ClaimsError(status, err.message.decode(), err.article.decode("utf-8", "replace"),
                              err.offset if err.has_offset else None)
        raise ClaimsError(status, self._lib.claims_status_message(status).decode())

    def set_option(self, fail_on=None, min_confidence=None):
        if fail_on is not None:
            self._raise(self._lib.claims_story_set_option(self._h, OPT_FAIL_ON, FAIL_ON[fail_on]), None)
        if min_confidence is not None:
            self._raise(self._lib.claims_story_set_option(self._h, OPT_MIN_CONFIDENCE,
                                                          int(min_confidence)), None)

    def add_lexicon(self, text):
        data = text.encode() if isinstance(text, str) else bytes(text)
        err = _Error()
        self._raise(self._lib.claims_story_add_lexicon(self._h, data, len(data), ctypes.byref(err)), err)

    def add_article(self, id, text, title=None, published=None):
        """Adds an article; raises ClaimsError when it is rejected (the story
        records the rejection and goes on)."""
        data = text.encode() if isinstance(text, str) else bytes(text)
        err = _Error()
        st = self._lib.claims_story_add_article(
            self._h, id.encode(), title.encode() if title else None,
            published.encode() if published else None, data, len(data), ctypes.byref(err))
        if st == 0:
            self._texts[id] = data
        self._raise(st, err)

    def check(self):
        err = _Error()
        self._raise(self._lib.claims_story_check(self._h, ctypes.byref(err)), err)

    def articles(self):
        L, h = self._lib, self._h
        return [{"id": _s(L.claims_story_article_id(h, i)),
                 "title": _s(L.claims_story_article_title(h, i)),
                 "published": _s(L.claims_story_article_published(h, i)),
                 "bytes": L.claims_story_article_bytes(h, i)}
                for i in range(L.claims_story_article_count(h))]

    def rejected(self):
        L, h = self._lib, self._h
        out = []
        for i in range(L.claims_story_rejected_count(h)):
            off = L.claims_story_rejected_offset(h, i)
            out.append({"id": _s(L.claims_story_rejected_id(h, i)),
                        "error": _s(L.claims_story_rejected_message(h, i)),
                        "offset": off if off >= 0 else None})
        return out

    def claims(self):
        L, h = self._lib, self._h
        arts = self.articles()
        out = []
        for i in range(L.claims_story_claim_count(h)):
            c = L.claims_story_claim(h, i)
            d = ctypes.c_double()
            start, end = ctypes.c_size_t(), ctypes.c_size_t()
            L.claims_claim_span(c, ctypes.byref(start), ctypes.byref(end))
            art = arts[L.claims_claim_article(c)]["id"]
            kind = KINDS[L.claims_claim_kind(c)]
            value = d.value if L.claims_claim_value(c, ctypes.byref(d)) else _s(L.claims_claim_string_value(c))
            item = {"id": _s(L.claims_claim_id(c)), "article": art, "kind": kind,
                    "key": _s(L.claims_claim_key(c)), "value": value,
                    "unit": _s(L.claims_claim_unit(c)),
                    "text": self._texts[art][start.value:end.value].decode(),
                    "start": start.value, "end": end.value,
                    "speaker": _s(L.claims_claim_speaker(c))}
            if L.claims_claim_low(c, ctypes.byref(d)):
                item["low"] = d.value
            if L.claims_claim_high(c, ctypes.byref(d)):
                item["high"] = d.value
            out.append(item)
        return out

    def findings(self):
        L, h = self._lib, self._h
        ids = [_s(L.claims_claim_id(L.claims_story_claim(h, i)))
               for i in range(L.claims_story_claim_count(h))]
        out = []
        for i in range(L.claims_story_finding_count(h)):
            f = L.claims_story_finding(h, i)
            out.append({"id": _s(L.claims_finding_id(f)),
                        "type": FINDING_TYPES[L.claims_finding_type_of(f)],
                        "key": _s(L.claims_finding_key(f)),
                        "confidence": L.claims_finding_confidence(f),
                        "summary": _s(L.claims_finding_summary(f)),
                        "claims": [ids[L.claims_finding_claim(f, j)]
                                   for j in range(L.claims_finding_claim_count(f))]})
        return out

    def failures(self):
        return self._lib.claims_story_failure_count(self._h)

    def report(self, format="text"):
        chunks = []

        def write(_ud, data, n):
            chunks.append(ctypes.string_at(data, n))
            return 0

        cb = _WRITE_FN(write)
        err = _Error()
        self._raise(self._lib.claims_story_write_report(self._h, FORMATS[format], cb, None,
                                                        ctypes.byref(err)), err)
        return b"".join(chunks).decode("utf-8")
