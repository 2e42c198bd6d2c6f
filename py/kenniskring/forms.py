"""Turning what was typed in the person form into a Contact, or into per-field problems.

Every value is checked by the file reader's own rules (``validation``): what the form accepts, a
file holds and opens again, and the other way round."""

from __future__ import annotations

from .fileformat import MAX_ACTION_PEOPLE, MAX_ACTIONS, MAX_CONTACTS
from .i18n import N_
from .layout import roomy_id
from .model import (
    Action,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Ring,
    new_contact_id,
)
from .validation import TEXT_RULES, check_date
from .values import field as value_field
from .values import frozen, replace

# FileError codes for text, mapped to the form's own messages.
_TEXT_PROBLEM = {
    "name": {
        "empty_text": N_("form.error.name_empty"),
        "too_long": N_("form.error.name_too_long"),
        "control_chars": N_("form.error.control_chars"),
    },
    "note": {"too_long": N_("form.error.note_too_long"), "control_chars": N_("form.error.control_chars")},
    "change": {"too_long": N_("form.error.change_too_long"), "control_chars": N_("form.error.control_chars")},
    "answer": {"too_long": N_("form.error.answer_too_long"), "control_chars": N_("form.error.control_chars")},
    "action_text": {
        "empty_text": N_("form.error.action_empty"),
        "too_long": N_("form.error.action_too_long"),
        "control_chars": N_("form.error.control_chars"),
    },
    "owner": {"too_long": N_("form.error.name_too_long"), "control_chars": N_("form.error.control_chars")},
}
for _codes in _TEXT_PROBLEM.values():  # the same for every field
    _codes["not_xml_chars"] = N_("form.error.not_xml_chars")


RING_VALUES = frozenset(r.value for r in Ring)


@frozen
class PersonForm:
    """The form's values as the browser gives them: strings and lists of strings."""

    name: str
    ring: str
    kind: str
    role: str = ""
    knowledge: tuple[str, ...] = ()
    note: str = ""
    desired: str = ""  # a ring value, or empty for "as now"
    wished: bool = False


@frozen
class FormProblem:
    field: str
    key: str  # translation key
    params: dict[str, int] = value_field(default_factory=dict)  # "field" is a field here


def text_problem(field_name: str, value: str) -> FormProblem | None:
    rule = TEXT_RULES[field_name]
    code = rule.problem(value)
    if code is None:
        return None
    return FormProblem(field_name, _TEXT_PROBLEM[field_name][code], {"limit": rule.limit})


def contact_from_form(form: PersonForm, contact_id: str | None, current: NetworkMap) -> Contact | list[FormProblem]:
    """A Contact with ``contact_id`` built from the form, or every problem the form has. A new person
    (``contact_id`` None) gets an id that places them where their ring has room (layout.roomy_id)."""
    problems = [p for p in (text_problem("name", form.name.strip()), text_problem("note", form.note)) if p]
    if (contact_id is None or current.contact(contact_id) is None) and len(current.contacts) >= MAX_CONTACTS:
        problems.append(FormProblem("name", N_("form.error.too_many"), {"limit": MAX_CONTACTS}))
    if form.ring not in RING_VALUES:
        problems.append(FormProblem("ring", N_("form.error.ring")))
    if problems:
        return problems
    # Who the person is may stay open (chosen in step 3): never a default nobody chose.
    kind = PersonKind(form.kind) if form.kind else None
    role = OutsideRole(form.role) if kind is PersonKind.OUTSIDE and form.role else None
    ring = Ring(form.ring)
    if contact_id is None:
        contact_id = roomy_id(current, ring, new_contact_id)
    return Contact(
        id=contact_id,
        name=" ".join(form.name.split()),
        ring=ring,
        kind=kind,
        role=role,
        knowledge=tuple(KnowledgeForm(k) for k in form.knowledge),
        note=form.note.strip(),
        desired_ring=Ring(form.desired) if form.desired and not form.wished else None,
        wished=form.wished,
        named_by=old.named_by if (old := current.contact(contact_id)) else (),  # the form does not show it: kept
    )


@frozen
class ActionForm:
    text: str
    contact_ids: tuple[str, ...] = ()
    owner: str = ""
    due: str = ""  # as an <input type="date"> gives it: YYYY-MM-DD or empty
    done: bool = False


def action_from_form(form: ActionForm, action_id: str, current: NetworkMap) -> Action | list[FormProblem]:
    problems = [p for p in (text_problem("action_text", form.text.strip()), text_problem("owner", form.owner.strip())) if p]
    if form.due and not check_date(form.due):
        problems.append(FormProblem("due", N_("form.error.bad_date")))
    if current.action(action_id) is None and len(current.actions) >= MAX_ACTIONS:
        problems.append(FormProblem("action_text", N_("form.error.too_many_actions"), {"limit": MAX_ACTIONS}))
    known = tuple(i for i in dict.fromkeys(form.contact_ids) if current.contact(i) is not None)
    if len(known) > MAX_ACTION_PEOPLE:
        problems.append(FormProblem("action_text", N_("form.error.too_many_action_people"), {"limit": MAX_ACTION_PEOPLE}))
    if problems:
        return problems
    return Action(action_id, " ".join(form.text.split()), known, " ".join(form.owner.split()), form.due, form.done)


# -- the passes over the people in steps 3 and 4 ----------------------------------------------------
# One list per person in step 3: who they are, the kind and (outside the organisation) the role in one.
KIND_CHOICES: tuple[tuple[PersonKind | None, OutsideRole | None], ...] = (
    (None, None),
    (PersonKind.OWN_TEAM, None),
    (PersonKind.ORGANISATION, None),
    (PersonKind.OUTSIDE, None),
    *((PersonKind.OUTSIDE, role) for role in OutsideRole),
)


def kind_choice_value(kind: PersonKind | None, role: OutsideRole | None) -> str:
    """The value of a choice in step 3's list: "" (open), "own_team", ..., "outside:researcher"."""
    if kind is None:
        return ""
    return f"{kind.value}:{role.value}" if role is not None else kind.value


def with_kind_choice(c: Contact, value: str) -> Contact | None:
    """The person with the kind (and role) of a choice in step 3's list, or None for a value that is
    not one of the choices (the page was changed by hand: nothing happens)."""
    for kind, role in KIND_CHOICES:
        if kind_choice_value(kind, role) == value:
            return replace(c, kind=kind, role=role)
    return None


def with_knowledge(c: Contact, value: str, on: bool) -> Contact | None:
    """The person with a knowledge form ticked on or off in step 4's grid, or None for a value that
    is not a form."""
    if value not in {f.value for f in KnowledgeForm}:
        return None
    form = KnowledgeForm(value)
    forms = set(c.knowledge) | {form} if on else set(c.knowledge) - {form}
    return replace(c, knowledge=tuple(forms))
