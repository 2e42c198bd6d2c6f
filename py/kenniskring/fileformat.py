"""The map's format: what is saved in the browser and what a downloaded ``.json`` file holds.

``{"type": "kenniskring", "version": 3, "source": ..., "map_id": ..., "map": {...}}``, read through the one
envelope (``envelope``: the type, the version, migrations in sequence, the ``FileError`` family) and
the rules for single values (``validation``, shared with the forms and the JSON Schema). Every
problem is a ``FileError`` with a code the UI translates, and a location in the file.

Reading is strict where a value is wrong and tolerant where that loses nothing: a missing
collection (people, reflection, actions, a person's knowledge forms, an action's people) is empty,
and a field this version does not know is kept on the map (``NetworkMap.kept``), written back by
``to_document`` and reported in ``MapFile.warnings``, never an error. Text that XML 1.0 cannot
carry is refused, not replaced (see ``validation``), in kept fields too.

Version 3 adds what makes the method work over time and together: the map's moments (each the map
as it was, without moments of its own), the date of the next look, a team map's members and who
named each person, and the map's id in the browser it was downloaded from (``map_id``).
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from collections.abc import Collection
from typing import Any

from . import __version__, envelope, validation
from .envelope import MAX_DIGITS, MAX_SHOWN_KEY, FileError, FileWarning, Format, Where, shown_key
from .model import (
    MAX_LABEL,
    MAX_MEMBERS,
    MAX_MOMENTS,
    MAX_NAME,
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
from .validation import MAX_SOURCE, TextRule, visible
from .values import frozen, replace

__all__ = [
    "FILE_TYPE",
    "FORMAT_VERSION",
    "MAX_DIGITS",
    "MAX_SHOWN_KEY",
    "MAX_SOURCE",
    "FileError",
    "FileWarning",
    "Where",
    "shown_key",
    "visible",
]

FILE_TYPE = "kenniskring"
FORMAT_VERSION = 4
# The largest map the reader accepts exports to less than this (tests/core/test_limits.py builds it).
MAX_FILE_CHARS = 6_000_000
MAX_CONTACTS = 1000
MAX_ACTIONS = 500
MAX_ACTION_PEOPLE = 20  # people one action is about: a small step, and a bound on the file's size
MAX_WARNINGS = 20  # a file with a thousand unknown fields says so twenty times, and keeps them all

MAP_FORMAT = envelope.register(Format(FILE_TYPE), FORMAT_VERSION)
# Version n -> n+1, run in sequence from the file's version up to FORMAT_VERSION (the envelope's).
MIGRATIONS = envelope.MIGRATIONS[FILE_TYPE]

_TOP = frozenset({"type", "version", "source", "exported_at", "map_id", "map"})
_BODY = frozenset({"change", "perspective", "contacts", "reflection", "actions", "members", "moments", "next_look"})
_CONTACT = frozenset({"id", "name", "ring", "kind", "knowledge", "role", "note", "desired_ring", "wished", "named_by"})
LABEL = validation.TextRule(MAX_LABEL)  # a moment's label
MEMBER = validation.TextRule(MAX_NAME, required=True)  # a team map's member
_ACTION = frozenset({"id", "text", "contacts", "owner", "due", "done"})
_ANSWER = frozenset({"current", "desired"})


@envelope.migration(FILE_TYPE, 1)
def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the reflection, the actions and the desired situation (all empty in v1).

    A version-1 file that already carries a reflection or actions (written by hand, or labelled
    wrongly) keeps them: they are checked as version 2, never silently emptied."""
    body = doc.get("map")
    if not isinstance(body, dict):
        return {**doc, "version": 2}  # validation of the result says what is wrong
    return {**doc, "version": 2, "map": {"reflection": {}, "actions": [], **body}}


@envelope.migration(FILE_TYPE, 2)
def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds the moments recorded of the map and the date of the next look (none in v2)."""
    body = doc.get("map")
    if not isinstance(body, dict):
        return {**doc, "version": 3}
    return {**doc, "version": 3, "map": {"moments": [], "next_look": "", **body}}


@envelope.migration(FILE_TYPE, 3)
def _v3_to_v4(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 4 lets a person's kind be left open (no "kind": not chosen yet). Every version-3
    file is a version-4 file as it is; the number tells an older Kenniskring not to read it, so a
    person without a kind is never set aside there as damaged."""
    return {**doc, "version": 4}


def to_document(m: NetworkMap, exported_at: str | None = None, map_id: str = "") -> dict[str, Any]:
    """The file of ``m``; ``map_id`` is the map's id in the browser it came from, so that opening
    the file there again can tell it is the same map (and ask: a copy, or replace it)."""
    kept = json.loads(m.kept) if m.kept else {}
    doc = envelope.envelope(MAP_FORMAT, source=f"kenniskring {__version__}")
    if exported_at:
        doc["exported_at"] = exported_at
    if map_id:
        doc["map_id"] = map_id
    doc["map"] = {
        **_body_to_dict(m, kept),
        "moments": [{"id": x.id, "taken": x.taken, "label": x.label, "map": _body_to_dict(x.map, {})} for x in m.moments],
        "next_look": m.next_look,
        **kept.get("map", {}),
    }
    doc.update(kept.get("file", {}))
    return doc


def _body_to_dict(m: NetworkMap, kept: dict[str, Any]) -> dict[str, Any]:
    """The map's own parts (what a moment keeps of it too), with the fields kept for each."""
    people = kept.get("contacts", {})
    steps = kept.get("actions", {})
    answers = kept.get("reflection", {})
    d: dict[str, Any] = {
        "change": m.change,
        "perspective": m.perspective.value,
        "contacts": [{**_contact_to_dict(c), **people.get(c.id, {})} for c in m.contacts],
        "reflection": {
            a.question.value: {"current": a.current, "desired": a.desired, **answers.get(a.question.value, {})} for a in m.answers
        },
        "actions": [{**_action_to_dict(a), **steps.get(a.id, {})} for a in m.actions],
    }
    if m.members:
        d["members"] = list(m.members)
    return d


def _action_to_dict(a: Action) -> dict[str, Any]:
    return {"id": a.id, "text": a.text, "contacts": list(a.contact_ids), "owner": a.owner, "due": a.due, "done": a.done}


def _contact_to_dict(c: Contact) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "name": c.name, "ring": c.ring.value}
    if c.kind is not None:
        d["kind"] = c.kind.value
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


def parse_json(text: str, limit: int = MAX_FILE_CHARS) -> Any:
    """JSON text as Python values, or ``FileError``: never ``ValueError``, ``RecursionError`` or other."""
    return envelope.parse_json(text, limit)


def loads(text: str) -> NetworkMap:
    """Parse, check, migrate and build a map, or raise ``FileError``. Never anything else."""
    return load_file(text).map


@frozen
class MapFile:
    """A map as read from a file, with the moment the file says it was made ("" if it does not say),
    and what the reader kept without knowing it (``warnings``: unknown fields, at most ``MAX_WARNINGS``)."""

    map: NetworkMap
    exported_at: str = ""
    warnings: tuple[FileWarning, ...] = ()
    map_id: str = ""  # the map's id where it was downloaded ("" in files made before version 3)


def load_file(text: str) -> MapFile:
    """``loads``, keeping the file's own ``exported_at``: what a researcher's table dates a map by."""
    try:
        return read_document(parse_json(text))
    except RecursionError:  # values nested just below the parser's limit, met again while checking
        raise FileError("not_our_file") from None


def from_document(raw: Any) -> NetworkMap:
    return read_document(raw).map


class _Kept:
    """What a reader met and did not know, gathered while it reads one document."""

    def __init__(self) -> None:
        self.parts: dict[str, Any] = {}
        self.warnings: list[FileWarning] = []

    def take(self, d: dict[str, Any], known: frozenset[str], where: Where, part: str, key: str | None = None) -> None:
        if len(d) <= len(known) and d.keys() <= known:  # the usual case, at the cost of one set test
            return
        unknown, warnings = envelope.kept_fields(d, known, where)
        if unknown:
            if key is None:
                self.parts[part] = unknown
            else:
                self.parts.setdefault(part, {})[key] = unknown
            self.warnings.extend(warnings[: MAX_WARNINGS - len(self.warnings)])

    def text(self) -> str:
        return json.dumps(self.parts, ensure_ascii=False, separators=(",", ":")) if self.parts else ""


def read_document(raw: Any) -> MapFile:
    """A parsed map document of any version as a ``MapFile``, or ``FileError``."""
    doc = envelope.open_document(raw, MAP_FORMAT)
    kept = _Kept()
    _required(doc, (), {"type", "version", "map"})
    kept.take(doc, _TOP, (), "file")
    for key in ("source", "exported_at"):
        if key in doc:
            _text(doc[key], (key,), validation.SOURCE)
    map_id = _identifier(doc["map_id"], ("map_id",)) if "map_id" in doc else ""
    m = _map_from_dict(doc["map"], ("map",), kept)
    if kept.parts:
        m = replace(m, kept=kept.text())
    stamp = doc.get("exported_at")
    return MapFile(m, stamp if isinstance(stamp, str) else "", tuple(kept.warnings), map_id)


def _map_from_dict(d: Any, where: Where, kept: _Kept) -> NetworkMap:
    _required(d, where, {"change", "perspective"})
    kept.take(d, _BODY, where, "map")
    m = _body_from_dict(d, where, kept)
    moments = _moments_from_list(d.get("moments", []), where + ("moments",))
    next_look = d.get("next_look", "")
    if not isinstance(next_look, str) or (next_look and not validation.check_date(next_look)):
        raise FileError("bad_date", where + ("next_look",))
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
        _required(item, here, {"id", "taken", "label", "map"})
        mid = _identifier(item["id"], here + ("id",))
        if mid in seen:
            raise FileError("duplicate_id", here + ("id",), id=mid)
        seen.add(mid)
        taken = item["taken"]
        if not isinstance(taken, str) or not _is_timestamp(taken):
            raise FileError("bad_time", here + ("taken",))
        label = _text(item["label"], here + ("label",), LABEL)
        body = item["map"]
        _required(body, here + ("map",), {"change", "perspective"})
        if body.keys() & {"moments", "next_look"}:
            raise FileError("unknown_field", here + ("map", "moments"), field="moments")  # no moments in a moment
        moments.append(Moment(mid, taken, label, _body_from_dict(body, here + ("map",), _Kept())))
    return tuple(moments)


def _is_timestamp(value: str) -> bool:
    """An ISO 8601 date and time as ``datetime.isoformat`` writes it (a date alone is a time too)."""
    if not 10 <= len(value) <= 40 or not validation.check_date(value[:10]):
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
    return tuple(_text(x, where + (i,), MEMBER) for i, x in enumerate(items))


def _body_from_dict(d: dict[str, Any], where: Where, kept: _Kept) -> NetworkMap:
    change = _text(d["change"], where + ("change",), validation.CHANGE)
    perspective = _choice(Perspective, d["perspective"], where + ("perspective",))
    members = _members(d["members"], where + ("members",)) if "members" in d else ()
    items = d.get("contacts", [])
    if not isinstance(items, list):
        raise FileError("wrong_type", where + ("contacts",), expected="list")
    if len(items) > MAX_CONTACTS:
        raise FileError("too_many_contacts", where + ("contacts",), limit=MAX_CONTACTS)
    contacts: list[Contact] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        c = _contact_from_dict(item, where + ("contacts", i), kept)
        if c.id in seen:
            raise FileError("duplicate_id", where + ("contacts", i, "id"), id=c.id)
        if c.named_by and c.named_by[-1] >= len(members):
            raise FileError("unknown_member", where + ("contacts", i, "named_by"))
        seen.add(c.id)
        contacts.append(c)
    answers = _answers_from_dict(d.get("reflection", {}), where + ("reflection",), kept)
    actions = _actions_from_list(d.get("actions", []), where + ("actions",), seen, kept)
    return NetworkMap(
        change=change, perspective=perspective, contacts=tuple(contacts), answers=answers, actions=actions, members=members
    )


def _answers_from_dict(d: Any, where: Where, kept: _Kept | None = None) -> tuple[Answer, ...]:
    if not isinstance(d, dict):
        raise FileError("wrong_type", where, expected="object")
    answers = []
    for key, value in d.items():
        question = _choice(Question, key, where + (shown_key(key),))
        _required(value, where + (key,), {"current", "desired"})
        if kept is not None:
            kept.take(value, _ANSWER, where + (key,), "reflection", key)
        current = _text(value["current"], where + (key, "current"), validation.ANSWER)
        desired = _text(value["desired"], where + (key, "desired"), validation.ANSWER)
        if current or desired:
            answers.append(Answer(question, current, desired))
    order = list(Question)
    return tuple(sorted(answers, key=lambda a: order.index(a.question)))


def _actions_from_list(items: Any, where: Where, contact_ids: Collection[str], kept: _Kept | None = None) -> tuple[Action, ...]:
    if not isinstance(items, list):
        raise FileError("wrong_type", where, expected="list")
    if len(items) > MAX_ACTIONS:
        raise FileError("too_many_actions", where, limit=MAX_ACTIONS)
    actions: list[Action] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        here = where + (i,)
        _required(item, here, {"id", "text", "owner", "due", "done"})
        aid = _identifier(item["id"], here + ("id",))
        if aid in seen:
            raise FileError("duplicate_id", here + ("id",), id=aid)
        seen.add(aid)
        if kept is not None:
            kept.take(item, _ACTION, here, "actions", aid)
        text = _text(item["text"], here + ("text",), validation.ACTION_TEXT)
        links = item.get("contacts", [])
        if not isinstance(links, list):
            raise FileError("wrong_type", here + ("contacts",), expected="list")
        if len(links) > MAX_ACTION_PEOPLE:
            raise FileError("too_many_action_people", here + ("contacts",), limit=MAX_ACTION_PEOPLE)
        for j, link in enumerate(links):
            if not isinstance(link, str):
                raise FileError("wrong_type", here + ("contacts", j), expected="text")
            if link not in contact_ids:
                raise FileError("unknown_contact", here + ("contacts", j))
        owner = _text(item["owner"], here + ("owner",), validation.OWNER)
        due = item["due"]
        if not isinstance(due, str) or (due and not validation.check_date(due)):
            raise FileError("bad_date", here + ("due",))
        if type(item["done"]) is not bool:
            raise FileError("wrong_type", here + ("done",), expected="boolean")
        actions.append(Action(aid, text, tuple(dict.fromkeys(links)), owner, due, item["done"]))
    return tuple(actions)


def _identifier(value: Any, where: Where) -> str:
    if not validation.check_identifier(value):
        raise FileError("bad_id", where)
    return str(value)


def _contact_from_dict(d: Any, where: Where, kept: _Kept | None = None) -> Contact:
    _required(d, where, {"id", "name", "ring"})
    cid = _identifier(d["id"], where + ("id",))
    if kept is not None:
        kept.take(d, _CONTACT, where, "contacts", cid)
    name = _text(d["name"], where + ("name",), validation.NAME)
    ring = _choice(Ring, d["ring"], where + ("ring",))
    kind = _choice(PersonKind, d["kind"], where + ("kind",)) if "kind" in d else None
    role = None
    if "role" in d:
        if kind is not PersonKind.OUTSIDE:
            raise FileError("role_not_outside", where + ("role",))
        role = _choice(OutsideRole, d["role"], where + ("role",))
    forms = d.get("knowledge", [])
    if not isinstance(forms, list):
        raise FileError("wrong_type", where + ("knowledge",), expected="list")
    knowledge = [_choice(KnowledgeForm, f, where + ("knowledge", j)) for j, f in enumerate(forms)]
    if len(set(knowledge)) != len(knowledge):
        raise FileError("duplicate_knowledge", where + ("knowledge",))
    note = _text(d.get("note", ""), where + ("note",), validation.NOTE)
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


def _required(d: Any, where: Where, required: set[str]) -> None:
    if not isinstance(d, dict):
        raise FileError("wrong_type", where, expected="object")
    for key in sorted(required):
        if key not in d:
            raise FileError("missing_field", where + (key,), field=key)


def _choice(enum: Any, value: Any, where: Where) -> Any:
    try:
        return enum(value)
    except (ValueError, TypeError):
        raise FileError("bad_value", where, allowed=", ".join(e.value for e in enum)) from None


def _text(value: Any, where: Where, rule: TextRule) -> str:
    code = rule.problem(value)
    if code == "wrong_type":
        raise FileError(code, where, expected="text")
    if code == "too_long":
        raise FileError(code, where, limit=rule.limit)
    if code is not None:
        raise FileError(code, where)
    return str(value)


# -- the reader's rules for values already in memory (edits.apply, merge) -------------------------
def require_text(value: str, where: Where, limit: int, allow_empty: bool, multiline: bool = False) -> str:
    """``value`` if a file could hold it there, else the FileError the reader would raise."""
    return _text(value, where, TextRule(limit, required=not allow_empty, multiline=multiline))


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
    _moments_from_list([{"id": x.id, "taken": x.taken, "label": x.label, "map": _body_to_dict(x.map, {})}], where[:-1])
    return x


def require_date(value: str, where: Where) -> str:
    """An ISO date (YYYY-MM-DD) or empty, as the reader wants a date."""
    if value and not validation.check_date(value):
        raise FileError("bad_date", where)
    return value


def require_map(m: NetworkMap) -> NetworkMap:
    """The map if its file would open again (every rule of the reader, limits included)."""
    from_document(to_document(m))
    return m


def check_text(value: str, limit: int, allow_empty: bool, multiline: bool = False) -> str | None:
    """The FileError code a typed-in text would get, or None: one rule for files and for the form."""
    return TextRule(limit, required=not allow_empty, multiline=multiline).problem(value)


def export_filename(change: str, day: str, extension: str = "json") -> str:
    """``Flexibel & hybride leren`` on 2026-11-24 -> ``flexibel-hybride-leren-2026-11-24.json``."""
    folded = unicodedata.normalize("NFKD", change).encode("ascii", "ignore").decode("ascii").lower()
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())[:60].strip("-")
    return f"{slug or 'kenniskring'}-{day}.{extension}"
