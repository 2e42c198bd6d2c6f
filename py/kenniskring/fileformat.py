"""The one data format: what is saved in the browser and what a downloaded ``.json`` file holds.

``{"type": "kenniskring", "version": 1, "source": ..., "map": {...}}``. Reading is strict and
typed: every problem is a ``FileError`` with a code the UI translates, and a location in the file.
Older versions are migrated in sequence (``MIGRATIONS``); newer ones are refused with their own code.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from typing import Any

from . import __version__
from .model import (
    MAX_CHANGE,
    MAX_NAME,
    MAX_NOTE,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Perspective,
    Ring,
)

FILE_TYPE = "kenniskring"
FORMAT_VERSION = 1
MAX_FILE_CHARS = 5_000_000
MAX_CONTACTS = 1000

Where = tuple[str | int, ...]


class FileError(Exception):
    """Why a file or saved map cannot be read. ``code`` is a translation key, ``where`` a path."""

    def __init__(self, code: str, where: Where = (), **params: Any) -> None:
        super().__init__(code, where, params)
        self.code = code
        self.where = where
        self.params = params

    def __repr__(self) -> str:
        return f"FileError({self.code!r}, {self.where!r}, {self.params!r})"


# Version n -> n+1. Empty while there is one version; the loop below already runs them in sequence.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def to_document(m: NetworkMap, exported_at: str | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "type": FILE_TYPE,
        "version": FORMAT_VERSION,
        "source": f"kenniskring {__version__}",
    }
    if exported_at:
        doc["exported_at"] = exported_at
    doc["map"] = {
        "change": m.change,
        "perspective": m.perspective.value,
        "contacts": [_contact_to_dict(c) for c in m.contacts],
    }
    return doc


def _contact_to_dict(c: Contact) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "name": c.name, "ring": c.ring.value, "kind": c.kind.value}
    if c.role is not None:
        d["role"] = c.role.value
    d["knowledge"] = [k.value for k in c.knowledge]
    if c.note:
        d["note"] = c.note
    return d


def dumps(m: NetworkMap, exported_at: str | None = None) -> str:
    return json.dumps(to_document(m, exported_at), ensure_ascii=False, indent=2)


def loads(text: str) -> NetworkMap:
    """Parse, check, migrate and build a map, or raise ``FileError``. Never anything else."""
    if len(text) > MAX_FILE_CHARS:
        raise FileError("too_large", limit=MAX_FILE_CHARS)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise FileError("not_json", line=e.lineno, column=e.colno) from None
    except RecursionError:
        raise FileError("not_json", line=1, column=1) from None
    return from_document(raw)


def from_document(raw: Any) -> NetworkMap:
    if not isinstance(raw, dict) or raw.get("type") != FILE_TYPE:
        raise FileError("not_our_file")
    version = raw.get("version")
    if type(version) is not int or version < 1:
        raise FileError("bad_version", ("version",))
    if version > FORMAT_VERSION:
        raise FileError("too_new", version=version, supported=FORMAT_VERSION)
    doc = raw
    for v in range(version, FORMAT_VERSION):
        try:
            doc = MIGRATIONS[v](doc)
        except Exception:  # a migration must never crash the page; say which step failed
            raise FileError("migration_failed", version=v) from None
    _only_keys(doc, (), required={"type", "version", "map"}, optional={"source", "exported_at"})
    return _map_from_dict(doc["map"], ("map",))


def _map_from_dict(d: Any, where: Where) -> NetworkMap:
    _only_keys(d, where, required={"change", "perspective", "contacts"}, optional=set())
    change = _text(d["change"], where + ("change",), MAX_CHANGE, allow_empty=True)
    perspective = _choice(Perspective, d["perspective"], where + ("perspective",))
    items = d["contacts"]
    if not isinstance(items, list):
        raise FileError("wrong_type", where + ("contacts",), expected="list")
    if len(items) > MAX_CONTACTS:
        raise FileError("too_many_contacts", where + ("contacts",), limit=MAX_CONTACTS)
    contacts: list[Contact] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        c = _contact_from_dict(item, where + ("contacts", i))
        if c.id in seen:
            raise FileError("duplicate_id", where + ("contacts", i, "id"), id=c.id)
        seen.add(c.id)
        contacts.append(c)
    return NetworkMap(change=change, perspective=perspective, contacts=tuple(contacts))


def _contact_from_dict(d: Any, where: Where) -> Contact:
    _only_keys(d, where, required={"id", "name", "ring", "kind", "knowledge"}, optional={"role", "note"})
    cid = d["id"]
    if not isinstance(cid, str) or not (1 <= len(cid) <= 64) or not cid.isascii() or not cid.isprintable():
        raise FileError("bad_id", where + ("id",))
    name = _text(d["name"], where + ("name",), MAX_NAME, allow_empty=False)
    ring = _choice(Ring, d["ring"], where + ("ring",))
    kind = _choice(PersonKind, d["kind"], where + ("kind",))
    role = None
    if "role" in d:
        if kind is not PersonKind.OUTSIDE:
            raise FileError("role_not_outside", where + ("role",))
        role = _choice(OutsideRole, d["role"], where + ("role",))
    forms = d["knowledge"]
    if not isinstance(forms, list):
        raise FileError("wrong_type", where + ("knowledge",), expected="list")
    knowledge = [_choice(KnowledgeForm, f, where + ("knowledge", j)) for j, f in enumerate(forms)]
    if len(set(knowledge)) != len(knowledge):
        raise FileError("duplicate_knowledge", where + ("knowledge",))
    note = _text(d.get("note", ""), where + ("note",), MAX_NOTE, allow_empty=True, multiline=True)
    return Contact(id=cid, name=name, ring=ring, kind=kind, role=role, knowledge=tuple(knowledge), note=note)


def _only_keys(d: Any, where: Where, required: set[str], optional: set[str]) -> None:
    if not isinstance(d, dict):
        raise FileError("wrong_type", where, expected="object")
    for key in sorted(required):
        if key not in d:
            raise FileError("missing_field", where + (key,), field=key)
    for key in d:
        if key not in required and key not in optional:
            raise FileError("unknown_field", where + (str(key),), field=str(key))


def _choice(enum: Any, value: Any, where: Where) -> Any:
    try:
        return enum(value)
    except (ValueError, TypeError):
        raise FileError("bad_value", where, allowed=", ".join(e.value for e in enum)) from None


def _text(value: Any, where: Where, limit: int, allow_empty: bool, multiline: bool = False) -> str:
    if not isinstance(value, str):
        raise FileError("wrong_type", where, expected="text")
    if len(value) > limit:
        raise FileError("too_long", where, limit=limit)
    if not allow_empty and not value.strip():
        raise FileError("empty_text", where)
    allowed = {"\n", "\t"} if multiline else set()
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        raise FileError("control_chars", where)
    return value


def check_text(value: str, limit: int, allow_empty: bool, multiline: bool = False) -> str | None:
    """The FileError code a typed-in text would get, or None: one rule for files and for the form."""
    try:
        _text(value, (), limit, allow_empty, multiline)
    except FileError as e:
        return e.code
    return None


def export_filename(change: str, day: str, extension: str = "json") -> str:
    """``Flexibel & hybride leren`` on 2026-11-24 -> ``flexibel-hybride-leren-2026-11-24.json``."""
    folded = unicodedata.normalize("NFKD", change).encode("ascii", "ignore").decode("ascii").lower()
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())[:60].strip("-")
    return f"{slug or 'kenniskring'}-{day}.{extension}"
