from kenniskring.fileformat import MAX_CONTACTS
from kenniskring.forms import FormProblem, PersonForm, contact_from_form
from kenniskring.model import Contact, KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring

from .factories import crowded_map, sample_map


def form(**overrides: object) -> PersonForm:
    values: dict[str, object] = {"name": "Anna", "ring": "weekly", "kind": "own_team", "role": "", "knowledge": (), "note": ""}
    values.update(overrides)
    return PersonForm(**values)  # type: ignore[arg-type]


def test_a_filled_in_form_gives_a_contact() -> None:
    result = contact_from_form(
        form(
            name="  Lector   Kansen ",
            ring="monthly",
            kind="outside",
            role="researcher",
            knowledge=("scientific",),
            note=" via HU ",
        ),
        "c1",
        NetworkMap(),
    )
    assert result == Contact(
        "c1", "Lector Kansen", Ring.MONTHLY, PersonKind.OUTSIDE, OutsideRole.RESEARCHER, (KnowledgeForm.SCIENTIFIC,), "via HU"
    )


def test_role_is_dropped_for_colleagues_and_optional_for_outsiders() -> None:
    inside = contact_from_form(form(kind="organisation", role="researcher"), "c1", NetworkMap())
    outside = contact_from_form(form(kind="outside", role=""), "c2", NetworkMap())
    assert isinstance(inside, Contact) and inside.role is None
    assert isinstance(outside, Contact) and outside.role is None


def test_every_problem_is_reported_per_field() -> None:
    result = contact_from_form(form(name="   ", note="x" * 2001), "c1", NetworkMap())
    assert result == [
        FormProblem("name", "form.error.name_empty", {"limit": 80}),
        FormProblem("note", "form.error.note_too_long", {"limit": 2000}),
    ]


def test_names_with_control_characters_are_refused() -> None:
    result = contact_from_form(form(name="An\x00na"), "c1", NetworkMap())
    assert isinstance(result, list) and result[0].key == "form.error.control_chars"


def test_a_full_map_refuses_new_people_but_still_edits() -> None:
    full = crowded_map({Ring.WEEKLY: MAX_CONTACTS})
    refused = contact_from_form(form(), "new", full)
    assert isinstance(refused, list) and refused[0].key == "form.error.too_many"
    edited = contact_from_form(form(name="Nieuw"), full.contacts[0].id, full)
    assert isinstance(edited, Contact)


def test_editing_keeps_the_id() -> None:
    m = sample_map()
    result = contact_from_form(form(name="Anna B."), "a", m)
    assert isinstance(result, Contact) and result.id == "a"


def test_a_new_person_gets_a_fresh_id_and_an_edited_one_keeps_theirs() -> None:
    m = sample_map()
    new = contact_from_form(form(name="Nieuw", ring="monthly"), None, m)
    assert isinstance(new, Contact) and new.id.startswith("c") and m.contact(new.id) is None
    kept = contact_from_form(form(name="Anders"), m.contacts[0].id, m)
    assert isinstance(kept, Contact) and kept.id == m.contacts[0].id
