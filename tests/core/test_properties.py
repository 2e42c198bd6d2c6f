"""Properties over many generated maps and inputs (hypothesis): every valid map survives every
round trip; every invalid input is a FileError, never anything else."""

from __future__ import annotations

import itertools
import json
from typing import Any
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kenniskring.edits import (
    AddAction,
    AddContact,
    Edit,
    History,
    MoveContact,
    RemoveAction,
    RemoveContact,
    SetAnswer,
    SetChange,
    SetDesiredRing,
    UpdateAction,
    UpdateContact,
    apply,
)
from kenniskring.fileformat import FileError, check_text, dumps, from_document, loads, to_document
from kenniskring.layout import GAP, NODE_H, NODE_W, layout
from kenniskring.library import INDEX_KEY, MAP_PREFIX, open_library, restore_backup, save_map, set_aside_keys
from kenniskring.merge import merge
from kenniskring.model import (
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
    View,
)
from kenniskring.persistence import DictStorage
from kenniskring.render import render
from kenniskring.svgfile import embed, read_map_file
from kenniskring.values import replace

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every character a map may hold: non-characters such as U+FFFE are refused by the reader (issue 13).
NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [chr(p << 16 | low) for p in range(17) for low in (0xFFFE, 0xFFFF)]
printable = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=NONCHARACTERS)
name = st.text(printable, min_size=1, max_size=80).filter(lambda s: check_text(s, 80, False) is None)
free_text = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10)] + [chr(c) for c in range(127, 160)] + NONCHARACTERS,
    ),
    max_size=300,
)


@st.composite
def contacts(draw: Any, max_size: int = 25) -> tuple[Contact, ...]:
    n = draw(st.integers(0, max_size))
    out = []
    for i in range(n):
        kind = draw(st.sampled_from(list(PersonKind)))
        wished = draw(st.booleans())
        out.append(
            Contact(
                id=f"c{i}",
                name=draw(name),
                ring=draw(st.sampled_from(list(Ring))),
                kind=kind,
                role=draw(st.none() | st.sampled_from(list(OutsideRole))) if kind is PersonKind.OUTSIDE else None,
                knowledge=tuple(draw(st.sets(st.sampled_from(list(KnowledgeForm))))),
                note=draw(free_text),
                desired_ring=None if wished else draw(st.none() | st.sampled_from(list(Ring))),
                wished=wished,
            )
        )
    return tuple(out)


@st.composite
def maps(draw: Any) -> NetworkMap:
    people = draw(contacts())
    ids = [c.id for c in people]
    answers = tuple(Answer(q, draw(free_text), draw(free_text)) for q in Question if draw(st.booleans()))
    answers = tuple(a for a in answers if a.current or a.desired)
    actions = tuple(
        Action(
            f"a{i}",
            draw(name),
            tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))) if ids else (),
            draw(st.text(printable, max_size=80)),
            draw(st.just("") | st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)),
            draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 5)))
    )
    return NetworkMap(
        change=draw(st.text(printable, max_size=200)),
        perspective=draw(st.sampled_from(list(Perspective))),
        contacts=people,
        answers=answers,
        actions=actions,
    )


@SETTINGS
@given(maps())
def test_every_valid_map_survives_export_and_import(m: NetworkMap) -> None:
    assert loads(dumps(m)) == m


@SETTINGS
@given(maps())
def test_every_valid_map_survives_the_svg_round_trip(m: NetworkMap) -> None:
    assert read_map_file(embed(render(m, "nl", View.BOTH), m)) == m


@SETTINGS
@given(maps())
def test_every_valid_map_survives_save_and_load(m: NetworkMap) -> None:
    storage = DictStorage()
    opened = open_library(storage, "2026-11-24T10:00:00+00:00")
    save_map(storage, opened.map_id, m, "2026-11-24T10:01:00+00:00")
    assert open_library(storage, "2026-11-24T10:02:00+00:00").map == m


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(json_values)
def test_any_json_is_a_map_or_a_file_error(value: Any) -> None:
    try:
        assert isinstance(from_document(value), NetworkMap)
    except FileError:
        pass


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_is_a_map_or_a_file_error(text: str) -> None:
    try:
        read_map_file(text)
    except FileError:
        pass


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [path] + [p for k, v in value.items() for p in _leaves(v, path + (k,))]
    if isinstance(value, list):
        return [path] + [p for i, v in enumerate(value) for p in _leaves(v, path + (i,))]
    return [path]


@SETTINGS
@given(maps(), st.data(), json_values)
def test_a_valid_file_with_any_part_replaced_is_a_map_or_a_file_error(m: NetworkMap, data: Any, junk: Any) -> None:
    doc = json.loads(dumps(m))
    path = data.draw(st.sampled_from(_leaves(doc)[1:] or [("map",)]))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = junk
    try:
        from_document(doc)
    except FileError:
        pass


@SETTINGS
@given(st.lists(st.sampled_from(list(Ring)), max_size=90))
def test_no_two_nodes_overlap_whatever_the_rings(rings: list[Ring]) -> None:
    m = NetworkMap(contacts=tuple(Contact(f"c{i}", "x", r, PersonKind.OWN_TEAM) for i, r in enumerate(rings)))
    spots = layout(m).spots
    for a, b in itertools.combinations(spots, 2):
        assert abs(a.x - b.x) >= NODE_W + GAP - 1e-6 or abs(a.y - b.y) >= NODE_H + GAP - 1e-6


@SETTINGS
@given(maps(), st.text(printable, max_size=50))
def test_merging_with_an_untouched_side_gives_the_other_side(m: NetworkMap, new_change: str) -> None:
    edited = History(present=m).do(SetChange(new_change))
    if m.contacts:
        edited = edited.do(MoveContact(m.contacts[0].id, Ring.LESS_OFTEN))
    assert merge(m, edited.present, m) == edited.present
    assert merge(m, m, edited.present) == edited.present


def test_documents_are_plain_json() -> None:
    assert json.loads(json.dumps(to_document(NetworkMap()))) == to_document(NetworkMap())


# -- issue 13: whatever the text, only FileError leaves the readers ----------------------------
any_char = st.characters(blacklist_categories=())  # surrogates and non-characters included
any_text = st.text(any_char, max_size=300)
json_any = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(any_char, max_size=20)
    | st.sampled_from(["kenniskring", "kenniskring-backup", "kenniskring-index", "weekly", "own_team", "c0"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["type", "version", "map", "maps", "contacts", "id", "name", "title", "current"])
            | st.text(any_char, max_size=10),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)
edge_text = st.one_of(
    any_text,
    json_any.map(lambda v: json.dumps(v, ensure_ascii=False)),
    json_any.map(lambda v: json.dumps(v)),  # surrogates as \\ud800 escapes
    st.integers(1, 6000).map(lambda n: "[" * n),
    st.integers(1, 6000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.integers(4000, 5000).map(lambda n: '{"type": "kenniskring", "version": ' + "9" * n + "}"),
    st.builds(lambda a, b: a + b, st.sampled_from(["<svg>", "<", '{"type": "kenniskring", "version": 2, "map": ']), any_text),
)


def only_file_errors(read: Any, text: str) -> None:
    try:
        read(text)
    except FileError:
        pass


@SETTINGS
@given(edge_text)
def test_loads_and_read_map_file_raise_only_file_errors(text: str) -> None:
    only_file_errors(loads, text)
    only_file_errors(read_map_file, text)


@SETTINGS
@given(json_any)
def test_any_json_with_any_characters_is_a_map_or_a_file_error(value: Any) -> None:
    try:
        m = from_document(value)
    except FileError:
        return
    ElementTree.fromstring(render(m, "nl", View.BOTH))
    assert loads(dumps(m).encode("utf-8").decode("utf-8")) == m


@SETTINGS
@given(edge_text, edge_text)
def test_open_library_never_stops_the_page_and_keeps_every_text(index: str, saved: str) -> None:
    storage = DictStorage({INDEX_KEY: index, MAP_PREFIX + "mx": saved})
    opened = open_library(storage, "2026-11-24T10:00:00+00:00")
    kept = [storage.items[k] for k in set_aside_keys(storage)]
    assert saved in kept or loads(storage.items[MAP_PREFIX + "mx"]) is not None
    assert isinstance(opened.map, NetworkMap)
    open_library(storage, "2026-11-24T10:00:01+00:00")  # a second start sets nothing more aside
    assert len(set_aside_keys(storage)) == len(kept)


@SETTINGS
@given(edge_text | json_any.map(lambda v: json.dumps({"type": "kenniskring-backup", "version": 1, "maps": [v]})))
def test_restore_backup_raises_only_file_errors(text: str) -> None:
    only_file_errors(lambda t: restore_backup(DictStorage(), t, "2026-11-24T10:00:00+00:00"), text)


# -- issue 13: merges of random edit sequences always open again and lose no one-sided field ------
EDIT_KINDS = [
    "add",
    "remove",
    "move",
    "name",
    "note",
    "desired",
    "change",
    "answer",
    "action",
    "tick",
    "owner",
    "links",
    "unaction",
]


def _one_edit(draw: Any, m: NetworkMap, side: str, step: int) -> Edit | None:
    """A random edit of a kind the page makes, or None when the map has nothing it could apply to."""
    kind = draw(st.sampled_from(EDIT_KINDS))
    ids = [c.id for c in m.contacts]
    if kind == "add":
        return AddContact(
            Contact(f"{side}{step}", draw(name), draw(st.sampled_from(list(Ring))), draw(st.sampled_from(list(PersonKind))))
        )
    if kind == "action":
        links = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
        return AddAction(Action(f"{side}a{step}", draw(name), tuple(links)))
    if kind == "change":
        return SetChange(draw(st.text(printable, max_size=40)))
    if kind == "answer":
        return SetAnswer(draw(st.sampled_from(list(Question))), draw(st.booleans()), draw(free_text))
    if kind in {"remove", "move", "name", "note", "desired"}:
        if not m.contacts:
            return None
        c = draw(st.sampled_from(m.contacts))
        if kind == "remove":
            return RemoveContact(c.id)
        if kind == "move":
            return MoveContact(c.id, draw(st.sampled_from(list(Ring))))
        if kind == "desired":
            return SetDesiredRing(c.id, draw(st.none() | st.sampled_from(list(Ring))))
        return UpdateContact(replace(c, name=draw(name)) if kind == "name" else replace(c, note=draw(free_text)))
    if not m.actions:
        return None
    a = draw(st.sampled_from(m.actions))
    if kind == "tick":
        return UpdateAction(replace(a, done=not a.done))
    if kind == "owner":
        return UpdateAction(replace(a, owner=draw(st.text(printable, max_size=20))))
    if kind == "links":
        return UpdateAction(
            replace(a, contact_ids=tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else ()))
        )
    return RemoveAction(a.id)


@st.composite
def edit_sequence(draw: Any, m: NetworkMap, side: str) -> NetworkMap:
    """``m`` after a few random edits (ids new to this side)."""
    for step in range(draw(st.integers(0, 8))):
        edit = _one_edit(draw, m, side, step)
        if edit is not None:
            m = apply(m, edit)
    return m


FIELDS: dict[str, tuple[str, ...]] = {
    "contacts": ("name", "ring", "kind", "knowledge", "note", "wished"),
    "actions": ("text", "owner", "due", "done"),
    "answers": ("current", "desired"),
}


def _one_sided_fields_kept(base: NetworkMap, mine: NetworkMap, theirs: NetworkMap, merged: NetworkMap) -> None:
    for edited, other in ((mine, theirs), (theirs, mine)):
        for attr in ("change", "perspective"):
            if getattr(edited, attr) != getattr(base, attr) and getattr(other, attr) == getattr(base, attr):
                assert getattr(merged, attr) == getattr(edited, attr)
        for group, names in FIELDS.items():
            key = (lambda x: x.question) if group == "answers" else (lambda x: x.id)
            b = {key(x): x for x in getattr(base, group)}
            e = {key(x): x for x in getattr(edited, group)}
            o = {key(x): x for x in getattr(other, group)}
            r = {key(x): x for x in getattr(merged, group)}
            for k, item in e.items():
                if k not in b and group != "answers":
                    assert k in r, f"{group} {k} added on one side is lost"
                if k in b and k in o and k in r:
                    for f in names:
                        if getattr(item, f) != getattr(b[k], f) and getattr(o[k], f) == getattr(b[k], f):
                            assert getattr(r[k], f) == getattr(item, f), f"{group} {k}.{f} edited on one side is lost"


@SETTINGS
@given(st.data())
def test_merging_random_edit_sequences_gives_a_map_that_opens_and_keeps_one_sided_edits(data: Any) -> None:
    base = data.draw(maps())
    mine = data.draw(edit_sequence(base, "m"))
    theirs = data.draw(edit_sequence(base, "t"))
    merged = merge(base, mine, theirs)
    assert loads(dumps(merged)) == merged
    _one_sided_fields_kept(base, mine, theirs, merged)
