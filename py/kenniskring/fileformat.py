"""The one data format: what is saved in the browser and what a downloaded ``.json`` file holds.

``{"type": "kenniskring", "version": 3, "source": ..., "map": {...}}``; since version 3 the map
carries its moments (each the map as it was, without moments of its own) and the next look's date. Reading is strict and
typed: every problem is a ``FileError`` with a code the UI translates, and a location in the file.
Older versions are migrated in sequence (``MIGRATIONS``); newer ones are refused with their own code.

The edge is ``parse_json``: every text the package reads (a file, a saved map, the index, a
back-up) is parsed there, and no exception but ``FileError`` leaves it, whatever the text: nesting
beyond reason, numbers too long for Python's int, duplicate keys (refused, not "last one wins").

Text that XML 1.0 cannot carry is **refused, not replaced**: lone surrogates (U+D800–U+DFFF, which
only a ``\\ud800`` escape can produce), the non-characters U+FFFE/U+FFFF and the other
non-characters (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF), and control characters (tab and newline are
allowed where a text may have lines). Refusing keeps one rule for files and for the form
(``check_text``), never changes a person's text behind the user's back, and means every map that
opens draws as well-formed SVG and encodes as UTF-8. A browser that reads a file replaces bytes that
are not UTF-8 with U+FFFD itself, so only a program writing escapes meets this refusal.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from . import __version__
from .model import (
    MAX_ACTION,
    MAX_ANSWER,
    MAX_CHANGE,
    MAX_LABEL,
    MAX_MEMBERS,
    MAX_MOMENTS,
    MAX_NAME,
    MAX_NOTE,
    Action,
    Answer,
    Contact,
    KnowledgeForm,
    Moment,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Perspective,
    Question,
    Ring,
)

FILE_TYPE = "kenniskring"
FORMAT_VERSION = 3
# The largest map the reader accepts exports to less than this (tests/core/test_limits.py builds it).
MAX_FILE_CHARS = 6_000_000
MAX_CONTACTS = 1000
MAX_ACTIONS = 500
MAX_ACTION_PEOPLE = 20  # people one action is about: a small step, and a bound on the file's size
MAX_SOURCE = 200
MAX_DIGITS = 30  # no number in a map is longer; Python refuses ints over 4,300 digits with ValueError
MAX_SHOWN_KEY = 40  # an unknown key is named in a message up to this many characters

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


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the reflection, the actions and the desired situation (all empty in v1).

    A version-1 file that already carries a reflection or actions (written by hand, or labelled
    wrongly) keeps them: they are checked as version 2, never silently emptied."""
    body = doc.get("map")
    if not isinstance(body, dict):
        return {**doc, "version": 2}  # validation of the result says what is wrong
    return {**doc, "version": 2, "map": {"reflection": {}, "actions": [], **body}}


def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds the moments recorded of the map and the date of the next look (none in v2)."""
    body = doc.get("map")
    if not isinstance(body, dict):
        return {**doc, "version": 3}
    return {**doc, "version": 3, "map": {"moments": [], "next_look": "", **body}}


# Version n -> n+1, run in sequence from the file's version up to FORMAT_VERSION.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}


def to_document(m: NetworkMap, exported_at: str | None = None, map_id: str = "") -> dict[str, Any]:
    """The file of ``m``; ``map_id`` is the map's id in the browser it came from, so that opening
    the file there again can tell it is the same map (and ask: a copy, or replace it)."""
    doc: dict[str, Any] = {
        "type": FILE_TYPE,
        "version": FORMAT_VERSION,
        "source": f"kenniskring {__version__}",
    }
    if exported_at:
        doc["exported_at"] = exported_at
    if map_id:
        doc["map_id"] = map_id
    doc["map"] = {
        **_map_to_dict(m),
        "moments": [{"id": x.id, "taken": x.taken, "label": x.label, "map": _map_to_dict(x.map)} for x in m.moments],
        "next_look": m.next_look,
    }
    return doc


def _map_to_dict(m: NetworkMap) -> dict[str, Any]:
    """The map's own parts: what a moment keeps of it too."""
    d: dict[str, Any] = {
        "change": m.change,
        "perspective": m.perspective.value,
        "contacts": [_contact_to_dict(c) for c in m.contacts],
        "reflection": {a.question.value: {"current": a.current, "desired": a.desired} for a in m.answers},
        "actions": [_action_to_dict(a) for a in m.actions],
    }
    if m.members:
        d["members"] = list(m.members)
    return d


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
    if c.named_by:
        d["named_by"] = list(c.named_by)
    return d


def dumps(m: NetworkMap, exported_at: str | None = None, map_id: str = "") -> str:
    return json.dumps(to_document(m, exported_at, map_id), ensure_ascii=False, indent=2)


class _Refused(Exception):
    """Raised inside the JSON parser's hooks; becomes a FileError once the parser has unwound."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


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


def parse_json(text: str, limit: int = MAX_FILE_CHARS) -> Any:
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
    except RecursionError:  # valid JSON nested beyond reason: no map of ours looks like that
        raise FileError("not_our_file") from None
    except (ValueError, MemoryError):  # anything else the parser cannot turn into values
        raise FileError("not_json", line=1, column=1) from None


def loads(text: str) -> NetworkMap:
    """Parse, check, migrate and build a map, or raise ``FileError``. Never anything else."""
    return load_file(text).map


@dataclass(frozen=True)
class MapFile:
    """A map as read from a file, with the moment the file says it was made ("" if it does not say)."""

    map: NetworkMap
    exported_at: str = ""
    map_id: str = ""  # the map's id where it was downloaded ("" in files made before version 3)


def load_file(text: str) -> MapFile:
    """``loads``, keeping the file's own ``exported_at``: what a researcher's table dates a map by."""
    try:
        raw = parse_json(text)
        m = from_document(raw)
    except RecursionError:  # values nested just below the parser's limit, met again while checking
        raise FileError("not_our_file") from None
    stamp = raw.get("exported_at")
    return MapFile(m, stamp if isinstance(stamp, str) else "", raw.get("map_id", ""))


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
    _only_keys(doc, (), required={"type", "version", "map"}, optional={"source", "exported_at", "map_id"})
    for key in ("source", "exported_at"):
        if key in doc:
            _text(doc[key], (key,), MAX_SOURCE, allow_empty=True)
    if "map_id" in doc:
        _identifier(doc["map_id"], ("map_id",))
    return _map_from_dict(doc["map"], ("map",))


MAP_KEYS = {"change", "perspective", "contacts", "reflection", "actions"}


def _map_from_dict(d: Any, where: Where) -> NetworkMap:
    _only_keys(d, where, required=MAP_KEYS | {"moments", "next_look"}, optional={"members"})
    moments = _moments_from_list(d["moments"], where + ("moments",))
    next_look = d["next_look"]
    if not isinstance(next_look, str) or (next_look and not _is_iso_date(next_look)):
        raise FileError("bad_date", where + ("next_look",))
    m = _map_body(d, where)
    return replace(m, moments=moments, next_look=next_look) if moments or next_look else m


def _moments_from_list(items: Any, where: Where) -> tuple[Moment, ...]:
    if not isinstance(items, list):
        raise FileError("wrong_type", where, expected="list")
    if len(items) > MAX_MOMENTS:
        raise FileError("too_many_moments", where, limit=MAX_MOMENTS)
    moments: list[Moment] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        here = where + (i,)
        _only_keys(item, here, required={"id", "taken", "label", "map"}, optional=set())
        mid = _identifier(item["id"], here + ("id",))
        if mid in seen:
            raise FileError("duplicate_id", here + ("id",), id=mid)
        seen.add(mid)
        taken = item["taken"]
        if not isinstance(taken, str) or not _is_timestamp(taken):
            raise FileError("bad_time", here + ("taken",))
        label = _text(item["label"], here + ("label",), MAX_LABEL, allow_empty=True)
        _only_keys(item["map"], here + ("map",), required=MAP_KEYS, optional={"members"})  # a moment has no moments
        moments.append(Moment(mid, taken, label, _map_body(item["map"], here + ("map",))))
    return tuple(moments)


def _is_timestamp(value: str) -> bool:
    """An ISO 8601 date and time as ``datetime.isoformat`` writes it (a date alone is a time too)."""
    if not 10 <= len(value) <= 40 or not _is_iso_date(value[:10]):
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _members(items: Any, where: Where) -> tuple[str, ...]:
    """The members a team map was made of: their names (as the member files were called)."""
    if not isinstance(items, list):
        raise FileError("wrong_type", where, expected="list")
    if len(items) > MAX_MEMBERS:
        raise FileError("too_many_members", where, limit=MAX_MEMBERS)
    return tuple(_text(x, where + (i,), MAX_NAME, allow_empty=False) for i, x in enumerate(items))


def _map_body(d: dict[str, Any], where: Where) -> NetworkMap:
    change = _text(d["change"], where + ("change",), MAX_CHANGE, allow_empty=True)
    perspective = _choice(Perspective, d["perspective"], where + ("perspective",))
    members = _members(d["members"], where + ("members",)) if "members" in d else ()
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
        if c.named_by and c.named_by[-1] >= len(members):
            raise FileError("unknown_member", where + ("contacts", i, "named_by"))
        seen.add(c.id)
        contacts.append(c)
    answers = _answers_from_dict(d["reflection"], where + ("reflection",))
    actions = _actions_from_list(d["actions"], where + ("actions",), seen)
    return NetworkMap(
        change=change, perspective=perspective, contacts=tuple(contacts), answers=answers, actions=actions, members=members
    )


def _answers_from_dict(d: Any, where: Where) -> tuple[Answer, ...]:
    if not isinstance(d, dict):
        raise FileError("wrong_type", where, expected="object")
    answers = []
    for key, value in d.items():
        question = _choice(Question, key, where + (shown_key(key),))
        _only_keys(value, where + (key,), required={"current", "desired"}, optional=set())
        current = _text(value["current"], where + (key, "current"), MAX_ANSWER, allow_empty=True, multiline=True)
        desired = _text(value["desired"], where + (key, "desired"), MAX_ANSWER, allow_empty=True, multiline=True)
        if current or desired:
            answers.append(Answer(question, current, desired))
    order = list(Question)
    return tuple(sorted(answers, key=lambda a: order.index(a.question)))


def _actions_from_list(items: Any, where: Where, contact_ids: Collection[str]) -> tuple[Action, ...]:
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
        if len(links) > MAX_ACTION_PEOPLE:
            raise FileError("too_many_action_people", here + ("contacts",), limit=MAX_ACTION_PEOPLE)
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


# Letters, digits and a few marks: safe unescaped in JSON, HTML attributes and CSS selectors.
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


def _identifier(value: Any, where: Where) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise FileError("bad_id", where)
    return value


def _contact_from_dict(d: Any, where: Where) -> Contact:
    _only_keys(
        d,
        where,
        required={"id", "name", "ring", "kind", "knowledge"},
        optional={"role", "note", "desired_ring", "wished", "named_by"},
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
    named_by = d.get("named_by", [])
    if not isinstance(named_by, list) or len(named_by) > MAX_MEMBERS:
        raise FileError("wrong_type", where + ("named_by",), expected="list")
    for j, member in enumerate(named_by):
        if type(member) is not int or not 0 <= member < MAX_MEMBERS:
            raise FileError("unknown_member", where + ("named_by", j))
    if len(set(named_by)) != len(named_by):
        raise FileError("unknown_member", where + ("named_by",))
    return Contact(cid, name, ring, kind, role, tuple(knowledge), note, desired, wished, tuple(named_by))


def _only_keys(d: Any, where: Where, required: set[str], optional: set[str]) -> None:
    if not isinstance(d, dict):
        raise FileError("wrong_type", where, expected="object")
    for key in sorted(required):
        if key not in d:
            raise FileError("missing_field", where + (key,), field=key)
    for key in d:
        if key not in required and key not in optional:
            raise FileError("unknown_field", where + (shown_key(key),), field=shown_key(key))


def shown_key(key: Any) -> str:
    """A key from a file as a message may name it: a megabyte-long key is cut short."""
    text = str(key) if isinstance(key, str) else type(key).__name__
    return text if len(text) <= MAX_SHOWN_KEY else text[: MAX_SHOWN_KEY - 1] + "…"


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
    if _NOT_XML.search(value):
        raise FileError("not_xml_chars", where)
    if (_CONTROL if multiline else _CONTROL_OR_LINE).search(value):
        raise FileError("control_chars", where)
    if not allow_empty and not visible(value):
        raise FileError("empty_text", where)
    return value


# What XML 1.0 cannot carry besides control characters: surrogates, and the non-characters.
_NOT_XML = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p << 16 | 0xFFFE)}{chr(p << 16 | 0xFFFF)}" for p in range(1, 17))
    + "]"
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc, except tab and newline
_CONTROL_OR_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
# Blanks that are not whitespace to str.strip: format characters (zero-width space and joiners,
# bidi controls, BOM) are found by category; these letters and symbols draw nothing either.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def visible(value: str) -> bool:
    """Whether a text shows anything: a name of only zero-width characters is an invisible person."""
    return any(
        not ch.isspace() and ch not in _BLANK_LETTERS and unicodedata.category(ch) not in ("Cf", "Cc", "Mn", "Me") for ch in value
    )


# -- the reader's rules for values already in memory (edits.apply, merge) -------------------------
def require_text(value: str, where: Where, limit: int, allow_empty: bool, multiline: bool = False) -> str:
    """``value`` if a file could hold it there, else the FileError the reader would raise."""
    return _text(value, where, limit, allow_empty, multiline)


def require_contact(c: Contact, where: Where = ("map", "contacts")) -> Contact:
    """The contact if the reader would accept it, checked by the reader's own code on its file form."""
    _contact_from_dict(_contact_to_dict(c), where)
    return c


def require_action(a: Action, contact_ids: Collection[str], where: Where = ("map", "actions")) -> Action:
    """The action if the reader would accept it on a map with these people."""
    _actions_from_list([_action_to_dict(a)], where, contact_ids)
    return a


def require_moment(x: Moment, where: Where = ("map", "moments", 0)) -> Moment:
    """The moment if the reader would accept it (its label and time, and its map as a moment's)."""
    _moments_from_list([{"id": x.id, "taken": x.taken, "label": x.label, "map": _map_to_dict(x.map)}], where[:-1])
    return x


def require_date(value: str, where: Where) -> str:
    """An ISO date (YYYY-MM-DD) or empty, as the reader wants a date."""
    if value and not _is_iso_date(value):
        raise FileError("bad_date", where)
    return value


def require_map(m: NetworkMap) -> NetworkMap:
    """The map if its file would open again (every rule of the reader, limits included)."""
    from_document(to_document(m))
    return m


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
