from dataclasses import replace

from kenniskring.edits import AddContact, MoveContact, RemoveContact, SetAnswer, SetChange, UpdateAction, apply
from kenniskring.merge import merge
from kenniskring.model import NetworkMap, Question, Ring

from .factories import full_map, person


def test_edits_on_both_sides_are_kept() -> None:
    base = full_map()
    mine = apply(apply(base, AddContact(person("m", "Mijn nieuwe"))), MoveContact("a", Ring.LESS_OFTEN))
    theirs = apply(apply(base, AddContact(person("t", "Hun nieuwe"))), SetChange("Nieuwe naam"))
    merged = merge(base, mine, theirs)
    assert {c.id for c in merged.contacts} == {"a", "b", "c", "w", "m", "t"}
    assert merged.contact("a").ring is Ring.LESS_OFTEN  # type: ignore[union-attr]
    assert merged.change == "Nieuwe naam"


def test_nothing_changed_here_means_theirs() -> None:
    base = full_map()
    theirs = apply(base, RemoveContact("c"))
    assert merge(base, base, theirs) == theirs


def test_nothing_changed_there_means_mine() -> None:
    base = full_map()
    mine = apply(base, SetAnswer(Question.STRENGTHEN, False, "Samen lunchen"))
    assert merge(base, mine, base) == mine


def test_deleted_here_and_untouched_there_is_gone() -> None:
    base = full_map()
    mine = apply(base, RemoveContact("c"))
    assert merge(base, mine, base).contact("c") is None


def test_an_edit_beats_a_delete_on_either_side() -> None:
    base = full_map()
    mine = apply(base, MoveContact("c", Ring.WEEKLY))
    theirs = apply(base, RemoveContact("c"))
    assert merge(base, mine, theirs).contact("c").ring is Ring.WEEKLY  # type: ignore[union-attr]
    assert merge(base, theirs, mine).contact("c").ring is Ring.WEEKLY  # type: ignore[union-attr]


def test_same_item_changed_on_both_sides_keeps_the_saved_one() -> None:
    base = full_map()
    mine = apply(base, UpdateAction(replace(base.actions[0], done=True)))
    theirs = apply(base, UpdateAction(replace(base.actions[0], owner="Bo")))
    assert merge(base, mine, theirs).actions[0].owner == "Bo"


def test_empty_maps() -> None:
    assert merge(NetworkMap(), NetworkMap(), NetworkMap()) == NetworkMap()
