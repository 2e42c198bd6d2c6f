"""The one envelope: every JSON text the package stores or writes is ``{"type": ..., "version": ...}``.

Four types: the map (``kenniskring``), the index of maps, the back-up and the first-picture preview.
Each registers its current version and its migrations (version n -> n+1) here; ``open_document``
checks the type, migrates in sequence and refuses newer versions, for all four alike. A record
written before it carried a type (the preview's ``{"v": 1}``) is given one by its type's ``untyped``
step, so an old record still opens.

The edge is ``parse_json``: every text the package reads is parsed there, and no exception but
``FileError`` leaves it, whatever the text: nesting beyond reason, numbers too long for Python's int,
duplicate keys (refused, not "last one wins").

Errors are one family: ``FileError`` with a ``code`` the UI translates and a place (``where``);
``FileError(code)`` gives the subclass for the code (``UnreadableText``, ``NotOurFile``,
``VersionError``, ``InvalidContent``), so callers may catch a kind of problem or all of them.
Unknown fields are not errors: readers keep them, and say so in a ``FileWarning``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, ClassVar

from .validation import xml_safe
from .values import frozen

MAX_DIGITS = 30  # no number in our files is longer; Python refuses ints over 4,300 digits with ValueError
MAX_SHOWN_KEY = 40  # an unknown key is named in a message up to this many characters

Where = tuple[str | int, ...]
Migration = Callable[[dict[str, Any]], dict[str, Any]]


class FileError(Exception):
    """Why a text cannot be read. ``code`` is a translation key, ``where`` a path in the document.

    ``FileError("too_new", ...)`` is a ``VersionError``: the class follows the code, so the family
    stays one whoever raises it."""

    codes: ClassVar[frozenset[str]] = frozenset()

    def __new__(cls, code: str, where: Where = (), **params: Any) -> FileError:
        if cls is FileError:
            cls = _FAMILY.get(code, InvalidContent)
        return super().__new__(cls)

    def __init__(self, code: str, where: Where = (), **params: Any) -> None:
        super().__init__(code, where, params)
        self.code = code
        self.where = where
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.where!r}, {self.params!r})"


class UnreadableText(FileError):
    """Not JSON we can take in at all: too large, malformed, or built to trip the parser."""

    codes = frozenset({"not_text", "too_large", "not_json", "number_too_long", "duplicate_key"})


class NotOurFile(FileError):
    """JSON, but not of the type asked for."""

    codes = frozenset({"not_our_file", "not_a_backup"})


class VersionError(FileError):
    """Our type, in a version this program cannot take: missing, newer, or a migration failed."""

    codes = frozenset({"bad_version", "too_new", "migration_failed"})


class InvalidContent(FileError):
    """Our type and version, with a value that breaks a rule (``where`` says which): every code
    not of another kind."""


_FAMILY: dict[str, type[FileError]] = {code: kind for kind in (UnreadableText, NotOurFile, VersionError) for code in kind.codes}
# Not about a file's content: what the library reports when storage refuses, or an index it rebuilt.
_FAMILY.update(storage_full=FileError, damaged_index=FileError)


@frozen
class FileWarning:
    """Something a reader kept without understanding it (an unknown field): the file still opens."""

    code: str
    where: Where = ()


# -- parsing -------------------------------------------------------------------------------------
class _Refused(Exception):
    """Raised inside the JSON parser's hooks; becomes a FileError once the parser has unwound."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def shown_key(key: Any) -> str:
    """A key from a file as a message may name it: a megabyte-long key is cut short."""
    text = str(key) if isinstance(key, str) else type(key).__name__
    return text if len(text) <= MAX_SHOWN_KEY else text[: MAX_SHOWN_KEY - 1] + "…"


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused("duplicate_key", field=shown_key(key))
            seen.add(key)
    return d


def _bounded_int(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise _Refused("number_too_long")
    return int(digits)


def parse_json(text: str, limit: int) -> Any:
    """JSON text as Python values, or ``FileError``: never ``ValueError``, ``RecursionError`` or other."""
    if not isinstance(text, str):
        raise FileError("not_text")
    if len(text) > limit:
        raise FileError("too_large", limit=limit)
    try:
        # A BOM, as some Windows editors write it, is not part of the JSON.
        return json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_no_duplicate_keys, parse_int=_bounded_int)
    except _Refused as refused:
        raise FileError(refused.code, **refused.params) from None
    except json.JSONDecodeError as e:
        raise FileError("not_json", line=e.lineno, column=e.colno) from None
    except RecursionError:  # valid JSON nested beyond reason: no file of ours looks like that
        raise FileError("not_our_file") from None
    except (ValueError, MemoryError):  # anything else the parser cannot turn into values
        raise FileError("not_json", line=1, column=1) from None


# -- the registry --------------------------------------------------------------------------------
@frozen
class Format:
    """One type of document: its name in the ``type`` field, and what a wrong type is called."""

    type: str
    not_ours: str = "not_our_file"  # the FileError code for JSON of another type
    # For a document without a ``type``: the same document with one (and a version), or None when
    # it is not an old record of this type. The type-less preview record ``{"v": 1}`` is one.
    untyped: Callable[[dict[str, Any]], dict[str, Any] | None] | None = None


FORMATS: dict[str, Format] = {}
VERSIONS: dict[str, int] = {}  # the version each type is written in today
MIGRATIONS: dict[str, dict[int, Migration]] = {}  # per type: version n -> a function to n + 1


def register(fmt: Format, version: int) -> Format:
    FORMATS[fmt.type] = fmt
    VERSIONS[fmt.type] = version
    MIGRATIONS.setdefault(fmt.type, {})
    return fmt


def migration(type_name: str, from_version: int) -> Callable[[Migration], Migration]:
    """Register ``function`` as the step from ``from_version`` to the next, for ``type_name``."""

    def add(function: Migration) -> Migration:
        MIGRATIONS.setdefault(type_name, {})[from_version] = function
        return function

    return add


def envelope(fmt: Format, **fields: Any) -> dict[str, Any]:
    """A new document of this type in today's version: ``type`` and ``version`` first."""
    return {"type": fmt.type, "version": VERSIONS[fmt.type], **fields}


def open_document(raw: Any, fmt: Format) -> dict[str, Any]:
    """The document in today's version of its type, or ``FileError`` (``NotOurFile``, ``VersionError``).

    Only the envelope is checked here; each type's reader checks what is inside."""
    if isinstance(raw, dict) and "type" not in raw and fmt.untyped is not None:
        raw = fmt.untyped(raw) or raw
    if not isinstance(raw, dict) or raw.get("type") != fmt.type:
        raise FileError(fmt.not_ours)
    version = raw.get("version")
    current = VERSIONS[fmt.type]
    if type(version) is not int or version < 1:
        raise FileError("bad_version", ("version",))
    if version > current:
        raise FileError("too_new", version=version, supported=current)
    doc = raw
    steps = MIGRATIONS[fmt.type]
    for v in range(version, current):
        try:
            doc = steps[v](doc)
        except Exception:  # a migration must never crash the page; say which step failed
            raise FileError("migration_failed", version=v) from None
        if not isinstance(doc, dict) or doc.get("version") != v + 1:
            raise FileError("migration_failed", version=v)
    return doc


def read(text: str, fmt: Format, limit: int) -> dict[str, Any]:
    """Parse and open: the document in today's version, or ``FileError``. Never anything else."""
    try:
        return open_document(parse_json(text, limit), fmt)
    except RecursionError:  # values nested just below the parser's limit, met again while checking
        raise FileError("not_our_file") from None


# -- unknown fields ------------------------------------------------------------------------------
MAX_KEPT_DEPTH = 32  # an unknown value nested deeper is refused: we could not promise to write it back


def kept_fields(d: dict[str, Any], known: frozenset[str] | set[str], where: Where) -> tuple[dict[str, Any], list[FileWarning]]:
    """The fields of ``d`` a reader does not know, to keep and write back, and a warning for each.

    They are checked as far as writing them back needs: text XML and UTF-8 can carry (an SVG
    export carries the whole file), and nesting a writer can follow."""
    unknown = {k: v for k, v in d.items() if k not in known}
    warnings = []
    for key, value in unknown.items():
        here = where + (shown_key(key),)
        if not _writable(key, 0) or not _writable(value, 0):
            raise FileError("unknown_field", here, field=shown_key(key))
        warnings.append(FileWarning("unknown_field", here))
    return unknown, warnings


def _writable(value: Any, depth: int) -> bool:
    if depth > MAX_KEPT_DEPTH:
        return False
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return all(_writable(k, depth + 1) and _writable(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_writable(v, depth + 1) for v in value)
    return (
        value is None or isinstance(value, bool | int | float) and value == value and value not in (float("inf"), -float("inf"))
    )
