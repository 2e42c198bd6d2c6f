"""Moments: the map as it was, kept with a label, in the file since format version 3."""

from __future__ import annotations

import json

import pytest
from kenniskring.changes import compare
from kenniskring.edits import (
    AddContact,
    History,
    MoveContact,
    RemoveMoment,
    SetNextLook,
    TakeMoment,
    UnknownMoment,
    apply,
)
from kenniskring.fileformat import FORMAT_VERSION, FileError, dumps, loads, to_document
from kenniskring.merge import merge
from kenniskring.model import MAX_MOMENTS, NetworkMap, Ring
from kenniskring.values import replace

from tests.core.factories import full_map, person, sample_map

T1 = "2026-06-01T09:00:00+00:00"
T2 = "2026-12-01T09:00:00+00:00"


def test_a_moment_keeps_the_map_as_it_was_and_the_map_goes_on() -> None:
    m = apply(full_map(), TakeMoment("m1", T1, "  Start "))
    assert [(x.id, x.taken, x.label) for x in m.moments] == [("m1", T1, "Start")]
    assert m.moments[0].map == full_map()
    later = apply(m, MoveContact("a", Ring.LESS_OFTEN))
    assert later.moments[0].map.contact("a").ring is Ring.WEEKLY  # type: ignore[union-attr]
    assert later.contact("a").ring is Ring.LESS_OFTEN  # type: ignore[union-attr]


def test_a_moment_has_no_moments_of_its_own() -> None:
    m = apply(apply(sample_map(), TakeMoment("m1", T1)), TakeMoment("m2", T2, "Na een half jaar"))
    assert m.moments[1].map.moments == () and m.moments[1].map.next_look == ""


def test_moments_and_the_next_look_travel_in_the_file() -> None:
    m = apply(apply(full_map(), TakeMoment("m1", T1, "Start")), SetNextLook("2027-03-01"))
    text = dumps(m)
    assert json.loads(text)["version"] == FORMAT_VERSION >= 3
    assert loads(text) == m


def test_a_version_2_file_is_migrated_to_3_with_no_moments() -> None:
    doc = to_document(full_map())
    doc["version"] = 2
    del doc["map"]["moments"], doc["map"]["next_look"]
    m = loads(json.dumps(doc))
    assert m == full_map() and m.moments == () and m.next_look == ""


def test_a_version_1_file_goes_through_2_to_3() -> None:
    doc = to_document(sample_map())
    doc["version"] = 1
    for key in ("reflection", "actions", "moments", "next_look"):
        del doc["map"][key]
    assert loads(json.dumps(doc)) == sample_map()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d["map"]["moments"][0].update(taken="gisteren"), "bad_time"),
        (lambda d: d["map"]["moments"][0].update(label="a\nb"), "control_chars"),
        (lambda d: d["map"]["moments"][0]["map"].update(moments=[]), "unknown_field"),
        (lambda d: d["map"].update(next_look="20270301"), "bad_date"),
        (lambda d: d["map"]["moments"].append(dict(d["map"]["moments"][0])), "duplicate_id"),
        (lambda d: d["map"]["moments"][0]["map"]["contacts"][0].update(ring="daily"), "bad_value"),
        (lambda d: d["map"].update(moments={}), "wrong_type"),
    ],
)
def test_a_bad_moment_is_a_typed_error(change: object, code: str) -> None:
    doc = to_document(apply(sample_map(), TakeMoment("m1", T1, "Start")))
    change(doc)  # type: ignore[operator]
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert caught.value.code == code


def test_the_number_of_moments_is_limited_in_the_file_and_in_edits() -> None:
    m = sample_map()
    for i in range(MAX_MOMENTS):
        m = apply(m, TakeMoment(f"m{i}", T1))
    with pytest.raises(FileError) as caught:
        apply(m, TakeMoment("one-more", T2))
    assert caught.value.code == "too_many_moments"
    doc = to_document(m)
    doc["map"]["moments"].append({**doc["map"]["moments"][0], "id": "extra"})
    with pytest.raises(FileError):
        loads(json.dumps(doc))


def test_taking_and_removing_a_moment_is_undoable() -> None:
    h = History(sample_map()).do(TakeMoment("m1", T1, "Start"))
    assert len(h.present.moments) == 1
    assert h.undo().present.moments == ()
    h = h.do(RemoveMoment("m1"))
    assert h.present.moments == () and h.undo().present.moments[0].label == "Start"
    with pytest.raises(UnknownMoment):
        apply(sample_map(), RemoveMoment("nope"))


def test_a_bad_label_or_time_is_refused_as_the_reader_would() -> None:
    with pytest.raises(FileError):
        apply(sample_map(), TakeMoment("m1", "2026-13-01T00:00:00", "Start"))
    with pytest.raises(FileError):
        apply(sample_map(), TakeMoment("m1", T1, "x" * 81))
    with pytest.raises(FileError):
        apply(sample_map(), SetNextLook("1 maart"))


def test_moments_from_two_tabs_are_both_kept_and_a_removal_wins() -> None:
    base = apply(sample_map(), TakeMoment("m0", T1, "Start"))
    mine = apply(base, TakeMoment("m1", T2, "Hier"))
    theirs = apply(apply(base, TakeMoment("m2", "2026-09-01T09:00:00+00:00", "Daar")), RemoveMoment("m0"))
    merged = merge(base, mine, theirs)
    assert [x.id for x in merged.moments] == ["m2", "m1"]  # by time; m0 was removed in the other tab
    assert loads(dumps(merged)) == merged


def test_the_next_look_merges_like_any_field() -> None:
    base = sample_map()
    assert merge(base, apply(base, SetNextLook("2027-03-01")), base).next_look == "2027-03-01"


def test_a_moment_compared_with_now_names_what_changed() -> None:
    m = apply(sample_map(), TakeMoment("m1", T1, "Start"))
    m = apply(apply(m, AddContact(person("n", "Nieuw"))), MoveContact("c", Ring.WEEKLY))
    changes = compare(m.moments[0].map, m)
    assert [c.name for c in changes.new] == ["Nieuw"]
    assert [(x.after.name, x.closer) for x in changes.moved] == [("Teamleider", True)]


def test_a_moment_that_would_make_the_file_too_large_is_refused() -> None:
    big_note = "x" * 2000
    people = tuple(replace(person(f"p{i}", f"Persoon {i}"), note=big_note) for i in range(1000))
    m = NetworkMap(contacts=people)
    with pytest.raises(FileError) as caught:
        for i in range(MAX_MOMENTS):
            m = apply(m, TakeMoment(f"m{i}", T1))
    assert caught.value.code == "too_large"
    assert len(dumps(m)) <= 6_000_000  # what was kept still opens
    assert loads(dumps(m)) == m


def test_a_problem_inside_a_moment_says_which_moment() -> None:
    from kenniskring.messages import file_error_reason

    doc = to_document(apply(sample_map(), TakeMoment("m1", T1, "Start")))
    doc["map"]["moments"][0]["map"]["contacts"][1]["ring"] = "daily"
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert file_error_reason(caught.value, "nl").startswith("het veld ‘ring’ van persoon 2 in momentopname 1 heeft")
    doc["map"]["moments"][0]["taken"] = "nu"
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert file_error_reason(caught.value, "en").startswith("the field ‘taken’ of moment 1 is not a date and time")
