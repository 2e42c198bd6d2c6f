from kenniskring.edits import (
    AddAction,
    AddContact,
    MoveContact,
    RemoveContact,
    SetAnswer,
    SetChange,
    UpdateAction,
    UpdateContact,
    apply,
)
from kenniskring.fileformat import MAX_ACTIONS, MAX_CONTACTS, dumps, loads
from kenniskring.merge import merge, merge_maps
from kenniskring.model import Action, NetworkMap, Question, Ring
from kenniskring.values import replace

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


# -- issue 13: a merge never produces a map that fails validation, and keeps both sides' fields ----
def test_an_action_ticked_here_for_a_person_removed_there_opens_again() -> None:
    base = full_map()
    mine = apply(base, UpdateAction(replace(base.actions[0], done=True)))
    theirs = apply(base, RemoveContact("b"))
    merged = merge(base, mine, theirs)
    assert merged.contact("b") is None and merged.actions[0].done and merged.actions[0].contact_ids == ()
    assert loads(dumps(merged)) == merged


def test_a_new_action_here_linking_a_person_removed_there_drops_the_link() -> None:
    base = full_map()
    mine = apply(base, AddAction(Action("x3", "Bellen", ("b", "a"))))
    theirs = apply(base, RemoveContact("b"))
    merged = merge(base, mine, theirs)
    assert merged.action("x3").contact_ids == ("a",)  # type: ignore[union-attr]
    assert loads(dumps(merged)) == merged


def test_both_tabs_adding_many_people_stay_within_the_limit_and_say_so() -> None:
    base = NetworkMap()
    mine = NetworkMap(contacts=tuple(person(f"m{i}") for i in range(600)))
    theirs = NetworkMap(contacts=tuple(person(f"t{i}") for i in range(600)))
    result = merge_maps(base, mine, theirs)
    assert len(result.map.contacts) == MAX_CONTACTS
    assert all(c in result.map.contacts for c in theirs.contacts)  # what was saved stays
    assert result.people_left_out == 200 and result.left_out
    assert loads(dumps(result.map)) == result.map


def test_both_tabs_adding_many_actions_stay_within_the_limit() -> None:
    mine = NetworkMap(actions=tuple(Action(f"m{i}", "x") for i in range(300)))
    theirs = NetworkMap(actions=tuple(Action(f"t{i}", "y") for i in range(300)))
    result = merge_maps(NetworkMap(), mine, theirs)
    assert len(result.map.actions) == MAX_ACTIONS and result.actions_left_out == 100


def test_ring_here_and_name_there_are_both_kept() -> None:
    base = full_map()
    mine = apply(base, MoveContact("a", Ring.LESS_OFTEN))
    theirs = apply(base, UpdateContact(replace(base.contacts[0], name="Anna V.")))
    merged = merge(base, mine, theirs).contact("a")
    assert merged is not None and (merged.ring, merged.name) == (Ring.LESS_OFTEN, "Anna V.")


def test_the_two_halves_of_one_answer_are_both_kept() -> None:
    base = full_map()
    mine = apply(base, SetAnswer(Question.KNOWLEDGE_FIT, False, "Nu: vooral praktijk."))
    theirs = apply(base, SetAnswer(Question.KNOWLEDGE_FIT, True, "Straks: meer onderzoek."))
    answer = merge(base, mine, theirs).answer(Question.KNOWLEDGE_FIT)
    assert (answer.current, answer.desired) == ("Nu: vooral praktijk.", "Straks: meer onderzoek.")


def test_done_here_and_owner_there_are_both_kept() -> None:
    base = full_map()
    mine = apply(base, UpdateAction(replace(base.actions[0], done=True)))
    theirs = apply(base, UpdateAction(replace(base.actions[0], owner="Bo")))
    merged = merge(base, mine, theirs).actions[0]
    assert merged.done and merged.owner == "Bo"


def test_people_added_to_one_action_on_both_sides_are_all_kept() -> None:
    base = full_map()
    mine = apply(base, UpdateAction(replace(base.actions[0], contact_ids=("b", "a"))))
    theirs = apply(base, UpdateAction(replace(base.actions[0], contact_ids=("b", "c"))))
    assert set(merge(base, mine, theirs).actions[0].contact_ids) == {"a", "b", "c"}
