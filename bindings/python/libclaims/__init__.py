"""libclaims: checks whether news articles about one story agree.

A Python binding of the libclaims C library (through ctypes, no compiled
extension)::

    import libclaims

    with libclaims.Story() as story:
        story.add_article("wire", "Rescuers pulled 14 people from the river.",
                          published="2024-04-12")
        story.add_file("daily.txt", b"Flood\\nFire crews rescued 15 people.")
        story.check()
        for finding in story.contradictions():
            print(finding.summary)
        print(story.report("markdown"))

Claims and findings are typed dataclasses holding every field of the
`claims-report/1` JSON report (doc/claims-report.schema.json): they are read
from the report the library writes, so Python, PHP and the CLI give the same
results. Byte offsets (``start``, ``end``, ``offset``...) count bytes of the
UTF-8 text as given.

The library is loaded as ``libclaims.so.MAJOR.MINOR`` (``$LIBCLAIMS_LIBRARY``
overrides the path) and its version is checked on first use.
"""
from __future__ import annotations

import ctypes
import dataclasses
import enum
import json
import os
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Union

from . import _ffi
from ._ffi import ABI_VERSION, SONAME, LibraryVersionError

__version__ = "0.1.0"
__all__ = [
    "Story", "Article", "Rejected", "Claim", "Event", "Finding", "Status", "Format", "FailOn",
    "ClaimsError", "RejectedError", "StateError", "InvalidArgumentError",
    "LibraryVersionError", "library_version", "check_files", "ABI_VERSION", "SONAME",
    "__version__",
]

Text = Union[str, bytes]


class Status(enum.IntEnum):
    """claims_status of claims.h; values are pinned."""
    OK = 0
    NOMEM = 1
    INVALID_ARGUMENT = 2
    INVALID_UTF8 = 3
    NUL_BYTE = 4
    EMPTY_TEXT = 5
    DUPLICATE_ID = 6
    BAD_DATE = 7
    IO = 8
    LEXICON = 9
    STATE = 10
    TOO_LARGE = 11
    EMPTY_ID = 12
    INVALID_ID = 13


class Format(enum.IntEnum):
    """Report formats (claims_format)."""
    TEXT = 0
    JSON = 1
    MARKDOWN = 2
    HTML = 3
    TAP = 4
    JUNIT = 5


class FailOn(enum.IntEnum):
    """Which findings fail (claims_fail_on)."""
    NONE = 0
    CONTRADICTION = 1
    VARIANT = 2


_OPT_FAIL_ON, _OPT_MIN_CONFIDENCE, _OPT_COLOR, _OPT_FAIL_CONFIDENCE = 0, 1, 2, 3


# ------------------------------------------------------------------ errors

class ClaimsError(Exception):
    """An error from libclaims.

    Attributes: ``code`` (a :class:`Status`), ``message`` (English),
    ``article`` (the article id concerned, or None) and ``offset`` (the
    byte offset in that article's text, or None).
    """

    def __init__(self, code: int, message: str, article: Optional[str] = None,
                 offset: Optional[int] = None) -> None:
        try:
            self.code: Union[Status, int] = Status(code)
        except ValueError:
            self.code = code
        self.message = message
        self.article = article or None
        self.offset = offset
        where = f" in article {article!r}" if article else ""
        at = f" at byte {offset}" if offset is not None else ""
        super().__init__(f"{message}{where}{at}")


class RejectedError(ClaimsError):
    """An article was rejected (bad UTF-8, NUL byte, empty text, duplicate
    id...). The story records it under :meth:`Story.rejected` and goes on."""


class StateError(ClaimsError, RuntimeError):
    """A call not allowed now: reading claims before :meth:`Story.check`,
    adding articles after it, checking twice, using a closed story."""


class InvalidArgumentError(ClaimsError, ValueError):
    """A bad argument: unknown format or option value, bad id."""


_REJECTIONS = {Status.INVALID_UTF8, Status.NUL_BYTE, Status.EMPTY_TEXT, Status.DUPLICATE_ID,
               Status.BAD_DATE, Status.TOO_LARGE, Status.EMPTY_ID}


def _error(status: int, err: Optional[_ffi.Error] = None) -> ClaimsError:
    if err is not None and err.message:
        message = err.message.decode()
        article = err.article.decode("utf-8", "replace") or None
        offset = err.offset if err.has_offset else None
    else:
        message = _ffi.lib().claims_status_message(status).decode()
        article, offset = None, None
    cls = (RejectedError if status in _REJECTIONS else StateError if status == Status.STATE
           else InvalidArgumentError if status in (Status.INVALID_ARGUMENT, Status.INVALID_ID)
           else ClaimsError)
    return cls(status, message, article, offset)


# ------------------------------------------------------------------ results

def _from_json(cls: Any, d: dict) -> Any:
    """A result dataclass from a report entry; fields it does not know (a
    later library's) are left out."""
    names = {f.name for f in dataclasses.fields(cls)}
    args = {k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items() if k in names}
    if cls is Claim and isinstance(args.get("event"), dict):
        args["event"] = _from_json(Event, args["event"])
    return cls(**args)


@dataclass(frozen=True)
class Article:
    """An accepted article (the report's ``articles``)."""
    id: str
    title: Optional[str]
    #: "YYYY-MM-DD": given, or read from a dateline; None when unknown.
    published: Optional[str]
    #: "given", "dateline", or None when there is no date.
    published_source: Optional[str]
    #: length of the text in bytes
    bytes: int


@dataclass(frozen=True)
class Rejected:
    """A rejected input (the report's ``rejected``)."""
    id: str
    error: str
    #: the claims_status code (see :class:`Status`)
    code: int
    #: byte offset of the problem, or None
    offset: Optional[int]


@dataclass(frozen=True)
class Event:
    """The event a figure speaks of (a claim's ``event``)."""
    #: "e1", "e2"... in the story
    id: str
    #: "the story's event", or the other event's words ("the 2004 tsunami")
    label: str
    #: True for an earlier or other event than the story's own
    background: bool


@dataclass(frozen=True)
class Claim:
    """One claim (the report's ``claims``; doc/claims-report.schema.json
    describes each field)."""
    id: str
    article: str
    #: count, money, percent, measure, year, date, quote, paraphrase
    kind: str
    #: slot key: claims with equal keys speak of the same thing
    key: Optional[str]
    #: a number (count, money, percent, measure, year), an ISO date string,
    #: the normalized words of a quote or paraphrase, or None
    value: Union[float, str, None]
    #: the exact source text, bytes [start, end) of the article's text
    text: str
    start: int
    end: int
    #: the sentence the claim stands in (a very long one is shortened)
    sentence: str
    sentence_start: int
    sentence_end: int
    speaker: Optional[str]
    low: Optional[float] = None
    high: Optional[float] = None
    low_exclusive: Optional[bool] = None
    high_exclusive: Optional[bool] = None
    unit: Optional[str] = None
    #: dates: "year", "month" or "day"
    precision: Optional[str] = None
    #: dates: worked out from the article's date ("Monday")
    inferred: Optional[bool] = None
    #: a weaker second slot (a year sharing a sentence with an event)
    weak_key: Optional[str] = None
    #: id of the claim this one restates (a currency conversion)
    linked: Optional[str] = None
    #: figures: the event it speaks of
    event: Optional[Event] = None
    #: a place or group that qualifies the figure
    scope: Optional[str] = None
    #: whose age, sentence, price or distance it is
    holder: Optional[str] = None
    #: "subset" or "increment" of a total
    part: Optional[str] = None
    #: the words that named the speaker
    speaker_text: Optional[str] = None
    #: "title" when start, end, text and the sentence are in the article's
    #: title given apart from its text; None: in the text
    within: Optional[str] = None


@dataclass(frozen=True)
class Finding:
    """One finding (the report's ``findings``)."""
    id: str
    #: agreement, contradiction, variant, compatible, update
    type: str
    key: Optional[str]
    #: ids of the claims it is about
    claims: tuple[str, ...]
    #: 0..1
    confidence: float
    #: "low" (below 0.5) or "high"
    level: str
    summary: Optional[str]
    #: fails under the story's fail-on setting
    fails: bool
    #: the heading in words ("people killed")
    label: Optional[str] = None
    #: why its claims were compared, in words
    basis: Optional[str] = None
    #: quote variants: the word-level difference
    diff: Optional[str] = None


# ------------------------------------------------------------------ story

def _bytes(text: Text) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def _cstr(s: Optional[str]) -> Optional[bytes]:
    return None if s is None else s.encode("utf-8")


def _stem(name: str) -> str:
    """A file's id: its name without the last extension, folders kept."""
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return name[:len(name) - len(base) + dot] if dot > 0 else name


def _real_date(s: str) -> bool:
    """YYYY-MM-DD naming a real day (the CLI keeps an article with another
    "published" value, undated)."""
    import datetime
    import re
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        return False
    try:
        return datetime.date.fromisoformat(s).year > 0
    except ValueError:
        return False


def library_version() -> str:
    """The version of the loaded C library, e.g. "0.1.0"."""
    return _ffi.lib().claims_version_string().decode()


class Story:
    """One story: add articles, :meth:`check` once, then read claims,
    findings and reports.

    ``fail_on`` ("contradiction", "variant", "none"), ``fail_confidence``
    (0..1; only findings at or above it fail; the library's default is 0.7)
    and ``min_confidence`` (0..1; findings below it are left out of reports,
    findings and failure counts) may also be set later with
    :meth:`set_options`. ``lexicons`` are
    extra lexicon texts (the format of data/*.lex).

    A story holds C memory: close it (or use ``with``); it is also freed when
    garbage-collected. A story is not thread-safe; distinct stories are.
    """

    def __init__(self, *, fail_on: Union[str, FailOn, None] = None,
                 min_confidence: Optional[float] = None,
                 fail_confidence: Optional[float] = None,
                 lexicons: Iterable[Text] = ()) -> None:
        self._lib = _ffi.lib()
        self._h = ctypes.c_void_p()
        st = self._lib.claims_story_new(None, ctypes.byref(self._h))
        if st != Status.OK:
            raise _error(st)
        self._checked = False
        self._report_cache: Optional[dict] = None
        self.set_options(fail_on=fail_on, min_confidence=min_confidence,
                         fail_confidence=fail_confidence)
        for lex in lexicons:
            self.add_lexicon(lex)

    # lifecycle
    def close(self) -> None:
        """Frees the story's C memory. Further calls raise StateError."""
        h = getattr(self, "_h", None)
        if h:
            self._lib.claims_story_free(h)
            self._h = ctypes.c_void_p()

    def __del__(self) -> None:
        self.close()

    def __enter__(self) -> "Story":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _handle(self) -> ctypes.c_void_p:
        if not self._h:
            raise StateError(Status.STATE, "the story is closed")
        return self._h

    def _call(self, fn: str, *args: Any) -> None:
        err = _ffi.Error()
        st = getattr(self._lib, fn)(self._handle(), *args, ctypes.byref(err))
        if st != Status.OK:
            raise _error(st, err)

    def _require_checked(self, what: str) -> None:
        self._handle()
        if not self._checked:
            raise StateError(Status.STATE, f"{what}() needs check() first")

    # setup
    def set_options(self, *, fail_on: Union[str, FailOn, None] = None,
                    min_confidence: Optional[float] = None,
                    fail_confidence: Optional[float] = None,
                    color: Optional[bool] = None) -> None:
        """Sets report options; they take effect at the next report.
        ``fail_on``: which finding types fail; ``fail_confidence`` (0..1,
        library default 0.7): only findings at or above it fail;
        ``min_confidence`` (0..1): findings below it are left out."""
        h = self._handle()
        opts = []
        if fail_on is not None:
            try:
                value = fail_on if isinstance(fail_on, FailOn) else FailOn[str(fail_on).upper()]
            except KeyError:
                raise InvalidArgumentError(Status.INVALID_ARGUMENT,
                                           f"fail_on must be one of none, contradiction, "
                                           f"variant, not {fail_on!r}") from None
            opts.append((_OPT_FAIL_ON, int(value)))
        if min_confidence is not None:
            if not 0 <= min_confidence <= 1:
                raise InvalidArgumentError(Status.INVALID_ARGUMENT,
                                           f"min_confidence must be in 0..1, not {min_confidence}")
            opts.append((_OPT_MIN_CONFIDENCE, int(round(min_confidence * 100))))
        if fail_confidence is not None:
            if not 0 <= fail_confidence <= 1:
                raise InvalidArgumentError(Status.INVALID_ARGUMENT,
                                           f"fail_confidence must be in 0..1, not {fail_confidence}")
            opts.append((_OPT_FAIL_CONFIDENCE, int(round(fail_confidence * 100))))
        if color is not None:
            opts.append((_OPT_COLOR, int(bool(color))))
        for opt, value in opts:
            st = self._lib.claims_story_set_option(h, opt, value)
            if st != Status.OK:
                raise _error(st)
        self._report_cache = None

    def add_lexicon(self, text: Text) -> None:
        """Adds lexicon entries (data/*.lex format) before :meth:`check`.
        A bad line raises ClaimsError with ``offset`` at that line."""
        data = _bytes(text)
        self._call("claims_story_add_lexicon", data, len(data))

    def add_article(self, id: str, text: Text, *, title: Optional[str] = None,
                    published: Optional[str] = None) -> None:
        """Adds an article; ``text`` is str or UTF-8 bytes, ``published``
        "YYYY-MM-DD" or None. A bad article raises :class:`RejectedError`
        (with ``article`` and ``offset``); the story records the rejection
        and goes on with the others."""
        data = _bytes(text)
        self._call("claims_story_add_article", _cstr(id), _cstr(title), _cstr(published),
                   data, len(data))

    def add_text(self, id: str, data: Text) -> None:
        """Adds a plain-text article by the CLI's rules for a text file: the
        first line is the title when it is short and more text follows, a
        BOM is skipped; offsets count from the first byte of ``data``."""
        raw = _bytes(data)
        self._call("claims_story_add_text", _cstr(id), raw, len(raw))

    def add_file(self, name: Union[str, os.PathLike], data: Optional[bytes] = None) -> None:
        """Adds a plain-text file as ``claims check FILE`` does: the id is
        the file's base name without extension ("stories/wire.txt" is
        "wire"), then :meth:`add_text`'s rules. ``data`` is the file's bytes;
        when None the file ``name`` is read."""
        path = os.fspath(name)
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
        raw = bytes(data)
        self._call("claims_story_add_file", _cstr(os.path.basename(path)), raw, len(raw))

    def add_path(self, path: Union[str, os.PathLike]) -> None:
        """Adds a file or a folder as ``claims check PATH`` reads it.

        A folder is read recursively in byte order of the names: ``*.txt``
        and ``*.text`` as plain text, ``*.jsonl`` and ``*.ndjson`` as JSON
        Lines (any case), with ids relative to the folder ("2024/05/a");
        hidden names, ``*.json`` and other files are skipped. A file given
        by path has its base name as id; ``*.json`` holds an object, an
        array of them or JSON Lines. Rejected inputs are recorded, not
        raised, as in the CLI; so is a path that yields nothing."""
        path = os.fspath(path)
        before = self._counts()
        if os.path.isdir(path):
            self._add_dir(path, "", {os.path.realpath(path)})
            what = "nothing read: no .txt, .text, .jsonl or .ndjson file in the folder"
            id = path
        else:
            id = _stem(os.path.basename(path))
            self._add_source(path, id, by_name=True)
            what = "nothing read: no article in the file"
        if self._counts() == before:
            self._reject(id, what, -1, Status.EMPTY_TEXT)

    def _counts(self) -> tuple[int, int]:
        h = self._handle()
        return (self._lib.claims_story_article_count(h), self._lib.claims_story_rejected_count(h))

    def _add_dir(self, path: str, rel: str, seen: set) -> None:
        try:
            names = sorted(os.listdir(path), key=os.fsencode)
        except OSError as e:
            self._reject(rel or path, f"cannot read the folder {path}: {e.strerror}", -1)
            return
        for name in names:
            full, r = os.path.join(path, name), f"{rel}/{name}" if rel else name
            low = name.lower()
            if name.startswith("."):
                continue
            if os.path.isdir(full):
                real = os.path.realpath(full)
                if real not in seen:
                    self._add_dir(full, r, seen | {real})
            elif os.path.isfile(full) and low.endswith((".txt", ".text", ".jsonl", ".ndjson")):
                self._add_source(full, _stem(r), by_name=False)

    def _add_source(self, path: str, id: str, by_name: bool) -> None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            self._reject(id, f"cannot read {path}: {e.strerror}", -1)
            return
        self._add_data(path, id, data, by_name)

    def _add_data(self, name: str, id: str, data: bytes, by_name: bool) -> None:
        """An input file's bytes, by its name's extension."""
        low = name.lower()
        if low.endswith((".jsonl", ".ndjson")):
            self._add_jsonl(id, data)
        elif by_name and low.endswith(".json"):
            self._add_json_file(id, data)
        else:
            try:
                self.add_text(id, data)
            except RejectedError:
                pass  # recorded in the story, as the CLI does

    def _reject(self, id: str, message: str, offset: int, code: int = Status.IO) -> None:
        st = self._lib.claims_story_reject(self._handle(), _cstr(id), int(code), _cstr(message),
                                           offset)
        if st != Status.OK:
            raise _error(st)

    def _add_object(self, obj: dict, fallback: str, offset: int) -> None:
        jid = obj.get("id")
        if isinstance(jid, bool) or not isinstance(jid, (str, int, type(None))):
            self._reject(fallback, '"id" must be a string or an integer', offset,
                         Status.INVALID_ID)
            return
        id = jid if isinstance(jid, str) else fallback if jid is None else str(jid)
        if "\0" in id:
            self._reject(id, "the id contains a NUL character (\\u0000)", offset,
                         Status.INVALID_ID)
            return
        text, title, pub = obj.get("text"), obj.get("title"), obj.get("published")
        if not isinstance(text, str):
            self._reject(id, 'no "text" string', offset, Status.EMPTY_TEXT)
        elif not isinstance(title, (str, type(None))) or not isinstance(pub, (str, type(None))):
            self._reject(id, '"title" and "published" must be strings or null', offset,
                         Status.INVALID_ARGUMENT)
        elif title is not None and "\0" in title:
            self._reject(id, "the title contains a NUL character (\\u0000)", offset,
                         Status.NUL_BYTE)
        else:
            try:
                self.add_article(id, text, title=title,
                                 published=pub if pub is not None and _real_date(pub) else None)
            except RejectedError:
                pass

    def _add_jsonl(self, name: str, data: bytes) -> None:
        pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        line_no = 0
        while pos < len(data):
            eol = data.find(b"\n", pos)
            eol = len(data) if eol < 0 else eol
            start, line = pos, data[pos:eol]
            pos = eol + 1
            line_no += 1
            if not line.strip(b" \t\r"):
                continue
            fallback = f"{name}:{line_no}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                self._reject(fallback, f"line {line_no}: {e}", start)
                continue
            if not isinstance(obj, dict):
                self._reject(fallback, f"line {line_no}: not a JSON object", start)
                continue
            self._add_object(obj, fallback, start)

    def _add_json_file(self, name: str, data: bytes) -> None:
        k = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        while k < len(data) and data[k:k + 1] in (b" ", b"\t", b"\n", b"\r"):
            k += 1
        if data[k:k + 1] not in (b"{", b"["):
            self._reject(name, "not JSON (a .json file holds one JSON object, an array of "
                         "them or JSON Lines)", k if k < len(data) else -1)
            return
        try:
            doc = json.loads(data[k:])
        except ValueError as e:
            if data[k:k + 1] == b"{":
                self._add_jsonl(name, data)
            else:
                self._reject(name, f"not JSON: {e}", -1)
            return
        if isinstance(doc, dict):
            self._add_object(doc, name, k)
        elif isinstance(doc, list):
            for i, item in enumerate(doc, 1):
                if isinstance(item, dict):
                    self._add_object(item, f"{name}:{i}", -1)
                else:
                    self._reject(f"{name}:{i}", "not a JSON object", -1)
        else:
            self._reject(name, "not JSON: not an array of objects", k)

    def check(self) -> None:
        """Extracts claims and compares them. Call once, after adding the
        articles."""
        self._call("claims_story_check")
        self._checked = True
        self._report_cache = None

    # results
    def report(self, format: Union[str, Format] = "text") -> str:
        """The report in ``format`` (text, json, markdown, html, tap, junit)."""
        self._require_checked("report")
        if isinstance(format, Format):
            fmt = int(format)
        else:
            # the library's one table of formats decides the names
            code = ctypes.c_int()
            if self._lib.claims_format_from_name(str(format).encode(), ctypes.byref(code)) != 0:
                raise InvalidArgumentError(Status.INVALID_ARGUMENT,
                                           f"unknown report format {format!r}")
            fmt = code.value
        out = ctypes.POINTER(ctypes.c_char)()
        n = ctypes.c_size_t()
        self._call("claims_story_report_alloc", fmt, ctypes.byref(out), ctypes.byref(n))
        try:
            return ctypes.string_at(out, n.value).decode("utf-8")
        finally:
            self._lib.claims_report_free(out)

    def _report(self) -> dict:
        if self._report_cache is None:
            self._report_cache = json.loads(self.report(Format.JSON))
        return self._report_cache

    def articles(self) -> list[Article]:
        """The accepted articles, in the order added (after :meth:`check`)."""
        self._require_checked("articles")
        return [_from_json(Article, a) for a in self._report()["articles"]]

    def rejected(self) -> list[Rejected]:
        """The rejected inputs, in the order rejected (after :meth:`check`)."""
        self._require_checked("rejected")
        return [_from_json(Rejected, r) for r in self._report()["rejected"]]

    def claims(self) -> list[Claim]:
        """Every claim, by article then position (after :meth:`check`)."""
        self._require_checked("claims")
        return [_from_json(Claim, c) for c in self._report()["claims"]]

    def findings(self, type: Optional[str] = None) -> list[Finding]:
        """The findings at or above ``min_confidence``, optionally of one
        ``type`` (after :meth:`check`)."""
        self._require_checked("findings")
        found = [_from_json(Finding, f) for f in self._report()["findings"]]
        return [f for f in found if type is None or f.type == type]

    def contradictions(self) -> list[Finding]:
        """The contradictions (after :meth:`check`)."""
        return self.findings("contradiction")

    def failures(self) -> int:
        """How many findings fail under ``fail_on`` and ``min_confidence``."""
        self._require_checked("failures")
        return int(self._lib.claims_story_failure_count(self._handle()))

    def claim(self, id: str) -> Claim:
        """The claim with this id (findings name claims by id)."""
        for c in self.claims():
            if c.id == id:
                return c
        raise KeyError(id)


def check_files(paths: Iterable[Union[str, os.PathLike]], **options: Any) -> Story:
    """A checked story of files and directories, as ``claims check PATH...``
    reads them. ``options`` go to :class:`Story`. The caller closes it."""
    story = Story(**options)
    try:
        for p in paths:
            story.add_path(p)
        story.check()
    except BaseException:
        story.close()
        raise
    return story
