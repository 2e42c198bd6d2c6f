import pytest
from kenniskring.edits import (
    UNDO_LIMIT,
    AddAction,
    AddContact,
    Edit,
    History,
    MoveContact,
    RemoveContact,
    ReplaceMap,
    SetAnswer,
    SetChange,
    SetPerspective,
    UnknownContact,
    UpdateAction,
    UpdateContact,
    apply,
)
from kenniskring.fileformat import MAX_ACTIONS, MAX_CONTACTS, FileError
from kenniskring.model import Action, Contact, NetworkMap, PersonKind, Perspective, Question, Ring
from kenniskring.values import replace

from .factories import full_map, person, sample_map


def test_add_update_move_remove() -> None:
    m = apply(NetworkMap(), AddContact(person("a", "Anna")))
    assert [c.name for c in m.contacts] == ["Anna"]
    m = apply(m, UpdateContact(person("a", "Anna B.")))
    assert m.contacts[0].name == "Anna B."
    m = apply(m, MoveContact("a", Ring.LESS_OFTEN))
    assert m.contacts[0].ring is Ring.LESS_OFTEN
    assert m.contacts[0].name == "Anna B."
    m = apply(m, RemoveContact("a"))
    assert m.contacts == ()


def test_edits_never_change_the_map_they_are_given() -> None:
    before = sample_map()
    snapshot = repr(before)
    apply(before, MoveContact("a", Ring.LESS_OFTEN))
    apply(before, RemoveContact("b"))
    assert repr(before) == snapshot


def test_set_change_and_perspective() -> None:
    m = apply(NetworkMap(), SetChange("Curriculum"))
    m = apply(m, SetPerspective(Perspective.PERSONAL))
    assert (m.change, m.perspective) == ("Curriculum", Perspective.PERSONAL)


def test_an_edit_that_changes_nothing_returns_the_same_map() -> None:
    m = sample_map()
    assert apply(m, MoveContact("a", Ring.WEEKLY)) is m
    assert apply(m, SetChange(m.change)) is m
    assert apply(m, SetPerspective(m.perspective)) is m


@pytest.mark.parametrize("edit", [MoveContact("nobody", Ring.WEEKLY), RemoveContact("nobody"), UpdateContact(person("nobody"))])
def test_edits_on_unknown_people_fail_loudly(edit: object) -> None:
    with pytest.raises(UnknownContact):
        apply(sample_map(), edit)  # type: ignore[arg-type]


def test_adding_a_duplicate_id_fails() -> None:
    with pytest.raises(ValueError):
        apply(sample_map(), AddContact(person("a")))


def test_undo_and_redo_walk_back_and_forth() -> None:
    h = History()
    h = h.do(AddContact(person("a", "Anna")))
    h = h.do(MoveContact("a", Ring.MONTHLY))
    h = h.do(SetChange("Hybride leren"))
    assert h.present.change == "Hybride leren"
    h = h.undo()
    assert h.present.change == "" and h.present.contacts[0].ring is Ring.MONTHLY
    h = h.undo()
    assert h.present.contacts[0].ring is Ring.WEEKLY
    assert h.can_redo
    h = h.redo().redo()
    assert h.present.change == "Hybride leren" and not h.can_redo
    h = h.undo().undo().undo()
    assert h.present == NetworkMap() and not h.can_undo
    assert h.undo() is h


def test_a_new_edit_clears_redo() -> None:
    h = History().do(AddContact(person("a"))).do(AddContact(person("b"))).undo()
    h = h.do(AddContact(person("c")))
    assert not h.can_redo
    assert [c.id for c in h.present.contacts] == ["a", "c"]


def test_no_op_edits_add_no_undo_step() -> None:
    h = History().do(AddContact(person("a")))
    assert h.do(MoveContact("a", Ring.WEEKLY)) is h


def test_amend_folds_keystrokes_into_one_undo_step() -> None:
    h = History().do(AddContact(person("a")))
    h = h.do(SetChange("H"))
    for text in ("Hy", "Hyb", "Hybride"):
        h = h.amend(SetChange(text))
    assert h.present.change == "Hybride"
    assert h.undo().present.change == ""


def test_replace_map_is_undoable() -> None:
    h = History().do(AddContact(person("a")))
    h = h.do(ReplaceMap(sample_map()))
    assert len(h.present.contacts) == 3
    assert [c.id for c in h.undo().present.contacts] == ["a"]


def test_undo_history_is_bounded() -> None:
    h = History()
    for i in range(UNDO_LIMIT + 50):
        h = h.do(SetChange(str(i)))
    assert len(h.past) == UNDO_LIMIT


def test_desired_ring_is_set_and_cleared() -> None:
    from kenniskring.edits import SetDesiredRing

    m = apply(sample_map(), SetDesiredRing("c", Ring.WEEKLY))
    assert m.contact("c").desired_ring is Ring.WEEKLY  # type: ignore[union-attr]
    m = apply(m, SetDesiredRing("c", None))
    assert m.contact("c").desired_ring is None  # type: ignore[union-attr]


def test_answers_are_kept_per_question_and_side() -> None:
    from kenniskring.edits import SetAnswer
    from kenniskring.model import Question

    m = apply(NetworkMap(), SetAnswer(Question.TALK_MORE, False, "Vaak dezelfde mensen."))
    m = apply(m, SetAnswer(Question.KNOWLEDGE_FIT, True, "Meer onderzoek."))
    m = apply(m, SetAnswer(Question.TALK_MORE, True, "De lector."))
    assert [a.question for a in m.answers] == [Question.KNOWLEDGE_FIT, Question.TALK_MORE]  # the article's order
    assert m.answer(Question.TALK_MORE).current == "Vaak dezelfde mensen."
    assert m.answer(Question.TALK_MORE).desired == "De lector."
    m = apply(apply(m, SetAnswer(Question.KNOWLEDGE_FIT, True, "")), SetAnswer(Question.KNOWLEDGE_FIT, False, ""))
    assert [a.question for a in m.answers] == [Question.TALK_MORE]  # an empty answer leaves no trace


def test_actions_add_update_remove() -> None:
    from kenniskring.edits import AddAction, RemoveAction, UnknownAction, UpdateAction
    from kenniskring.model import Action
    from kenniskring.values import replace

    m = apply(sample_map(), AddAction(Action("x", "Bel de lector", ("b",))))
    m = apply(m, UpdateAction(replace(m.actions[0], done=True)))
    assert m.actions[0].done
    with pytest.raises(ValueError):
        apply(m, AddAction(Action("x", "dubbel")))
    with pytest.raises(UnknownAction):
        apply(m, RemoveAction("nope"))
    assert apply(m, RemoveAction("x")).actions == ()


def test_removing_a_person_unlinks_their_actions() -> None:
    from .factories import full_map

    m = apply(full_map(), RemoveContact("b"))
    assert m.actions[0].contact_ids == () and m.actions[0].text.startswith("Plan een gesprek")


# -- issue 13: apply refuses what the file reader would refuse -----------------------------------
def test_apply_refuses_an_action_about_someone_not_on_the_map() -> None:
    m = full_map()
    with pytest.raises(FileError) as caught:
        apply(m, UpdateAction(replace(m.actions[0], contact_ids=("nobody",))))
    assert caught.value.code == "unknown_contact"
    with pytest.raises(FileError):
        apply(m, AddAction(Action("x9", "Bellen", ("nobody",))))


@pytest.mark.parametrize(
    "edit",
    [
        AddContact(Contact("n1", "\u200b", Ring.WEEKLY, PersonKind.OWN_TEAM)),
        AddContact(Contact("n1", "Anna\ud800", Ring.WEEKLY, PersonKind.OWN_TEAM)),
        AddContact(Contact("n 1", "Anna", Ring.WEEKLY, PersonKind.OWN_TEAM)),
        UpdateContact(Contact("a", "x" * 81, Ring.WEEKLY, PersonKind.OWN_TEAM)),
        SetChange("x\x1b"),
        SetAnswer(Question.STRENGTHEN, True, "\uffff"),
        AddAction(Action("x9", "")),
        AddAction(Action("x9", "Bellen", due="morgen")),
        ReplaceMap(NetworkMap(contacts=(Contact("a", "", Ring.WEEKLY, PersonKind.OWN_TEAM),))),
    ],
)
def test_apply_refuses_what_a_file_could_not_hold(edit: Edit) -> None:
    with pytest.raises(FileError):
        apply(full_map(), edit)


def test_apply_keeps_the_people_and_action_limits() -> None:
    full = NetworkMap(contacts=tuple(person(f"p{i}") for i in range(MAX_CONTACTS)))
    with pytest.raises(FileError) as caught:
        apply(full, AddContact(person("one-more")))
    assert caught.value.code == "too_many_contacts"
    busy = NetworkMap(actions=tuple(Action(f"a{i}", "x") for i in range(MAX_ACTIONS)))
    with pytest.raises(FileError) as caught:
        apply(busy, AddAction(Action("one-more", "x")))
    assert caught.value.code == "too_many_actions"
