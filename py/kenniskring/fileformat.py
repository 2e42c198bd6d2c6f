"""The one data format: what is saved in the browser and what a downloaded ``.json`` file holds.

``{"type": "kenniskring", "version": 1, "source": ..., "map": {...}}``. Reading is strict and
typed: every problem is a ``FileError`` with a code the UI translates, and a location in the file.
Older versions are migrated in sequence (``MIGRATIONS``); newer ones are refused with their own code.
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import __version__
from .model import (
    MAX_ACTION,
    MAX_ANSWER,
    MAX_CHANGE,
    MAX_NAME,
    MAX_NOTE,
    Action,
    Answer,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Perspective,
    Question,
    Ring,
)

FILE_TYPE = "kenniskring"
FORMAT_VERSION = 2
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


MAX_ACTIONS = 500


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the reflection, the actions and the desired situation (all empty in v1)."""
    body = doc.get("map")
    if not isinstance(body, dict):
        return {**doc, "version": 2}  # validation of the result says what is wrong
    return {**doc, "version": 2, "map": {**body, "reflection": {}, "actions": []}}


# Version n -> n+1, run in sequence from the file's version up to FORMAT_VERSION.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


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
        "reflection": {a.question.value: {"current": a.current, "desired": a.desired} for a in m.answers},
        "actions": [_action_to_dict(a) for a in m.actions],
    }
    return doc


def _action_to_dict(a: Action) -> dict[str, Any]:
    return {"id": a.id, "text": a.text, "contacts": list(a.contact_ids), "owner": a.owner, "due": a.due, "done": a.done}


def _contact_to_dict(c: Contact) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "name": c.name, "ring": c.ring.value, "kind": c.kind.value}
    if c.role is not None:
        d["role"] = c.role.value
    d["knowledge"] = [k.value for k in c.knowledge]
    if c.note:
        d["note"] = c.note
    if c.desired_ring is not None:
        d["desired_ring"] = c.desired_ring.value
    if c.wished:
        d["wished"] = True
    return d


def dumps(m: NetworkMap, exported_at: str | None = None) -> str:
    return json.dumps(to_document(m, exported_at), ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class MapFile:
    """A map as read from a file, with the moment the file says it was made ("" if it does not say)."""

    map: NetworkMap
    exported_at: str = ""


def load_file(text: str) -> MapFile:
    """``loads``, keeping the file's own ``exported_at``: what a researcher's table dates a map by."""
    raw = _parse(text)
    m = from_document(raw)
    stamp = raw.get("exported_at")
    return MapFile(m, stamp if isinstance(stamp, str) else "")


def loads(text: str) -> NetworkMap:
    """Parse, check, migrate and build a map, or raise ``FileError``. Never anything else."""
    return from_document(_parse(text))


def _parse(text: str) -> Any:
    if len(text) > MAX_FILE_CHARS:
        raise FileError("too_large", limit=MAX_FILE_CHARS)
    try:
        raw = json.loads(text.removeprefix("\ufeff"))  # a BOM, as some Windows editors write it
    except json.JSONDecodeError as e:
        raise FileError("not_json", line=e.lineno, column=e.colno) from None
    except RecursionError:  # valid JSON nested beyond reason: no map of ours looks like that
        raise FileError("not_our_file") from None
    return raw


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
    _only_keys(d, where, required={"change", "perspective", "contacts", "reflection", "actions"}, optional=set())
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
    answers = _answers_from_dict(d["reflection"], where + ("reflection",))
    actions = _actions_from_list(d["actions"], where + ("actions",), seen)
    return NetworkMap(change=change, perspective=perspective, contacts=tuple(contacts), answers=answers, actions=actions)


def _answers_from_dict(d: Any, where: Where) -> tuple[Answer, ...]:
    if not isinstance(d, dict):
        raise FileError("wrong_type", where, expected="object")
    answers = []
    for key, value in d.items():
        question = _choice(Question, key, where + (str(key),))
        _only_keys(value, where + (key,), required={"current", "desired"}, optional=set())
        current = _text(value["current"], where + (key, "current"), MAX_ANSWER, allow_empty=True, multiline=True)
        desired = _text(value["desired"], where + (key, "desired"), MAX_ANSWER, allow_empty=True, multiline=True)
        if current or desired:
            answers.append(Answer(question, current, desired))
    order = list(Question)
    return tuple(sorted(answers, key=lambda a: order.index(a.question)))


def _actions_from_list(items: Any, where: Where, contact_ids: set[str]) -> tuple[Action, ...]:
    if not isinstance(items, list):
        raise FileError("wrong_type", where, expected="list")
    if len(items) > MAX_ACTIONS:
        raise FileError("too_many_actions", where, limit=MAX_ACTIONS)
    actions: list[Action] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        here = where + (i,)
        _only_keys(item, here, required={"id", "text", "contacts", "owner", "due", "done"}, optional=set())
        aid = _identifier(item["id"], here + ("id",))
        if aid in seen:
            raise FileError("duplicate_id", here + ("id",), id=aid)
        seen.add(aid)
        text = _text(item["text"], here + ("text",), MAX_ACTION, allow_empty=False, multiline=True)
        links = item["contacts"]
        if not isinstance(links, list):
            raise FileError("wrong_type", here + ("contacts",), expected="list")
        for j, link in enumerate(links):
            if not isinstance(link, str):
                raise FileError("wrong_type", here + ("contacts", j), expected="text")
            if link not in contact_ids:
                raise FileError("unknown_contact", here + ("contacts", j))
        owner = _text(item["owner"], here + ("owner",), MAX_NAME, allow_empty=True)
        due = item["due"]
        if not isinstance(due, str) or (due and not _is_iso_date(due)):
            raise FileError("bad_date", here + ("due",))
        if type(item["done"]) is not bool:
            raise FileError("wrong_type", here + ("done",), expected="boolean")
        actions.append(Action(aid, text, tuple(dict.fromkeys(links)), owner, due, item["done"]))
    return tuple(actions)


def _is_iso_date(value: str) -> bool:
    if len(value) != 10:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _identifier(value: Any, where: Where) -> str:
    if not isinstance(value, str) or not (1 <= len(value) <= 64) or not value.isascii() or not value.isprintable():
        raise FileError("bad_id", where)
    return value


def _contact_from_dict(d: Any, where: Where) -> Contact:
    _only_keys(
        d, where, required={"id", "name", "ring", "kind", "knowledge"}, optional={"role", "note", "desired_ring", "wished"}
    )
    cid = _identifier(d["id"], where + ("id",))
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
    desired = _choice(Ring, d["desired_ring"], where + ("desired_ring",)) if "desired_ring" in d else None
    wished = d.get("wished", False)
    if type(wished) is not bool:
        raise FileError("wrong_type", where + ("wished",), expected="boolean")
    if wished and desired is not None:
        raise FileError("desired_for_wished", where + ("desired_ring",))
    return Contact(cid, name, ring, kind, role, tuple(knowledge), note, desired, wished)


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
