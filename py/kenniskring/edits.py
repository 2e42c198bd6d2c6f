"""Edits are values; ``apply`` turns a map and an edit into a new map; ``History`` gives undo/redo.

The shell never mutates a map: it builds an edit from what the user did and hands it here.
``apply`` refuses (with the reader's ``FileError``) what the file reader would refuse, using the
reader's own checks (``fileformat.require_*``): a map made by edits always opens again.
"""

from __future__ import annotations

from collections.abc import Callable

from .fileformat import (
    MAX_ACTIONS,
    MAX_CONTACTS,
    MAX_FILE_CHARS,
    FileError,
    dumps,
    require_action,
    require_contact,
    require_date,
    require_map,
    require_moment,
    require_text,
)
from .model import (
    MAX_ANSWER,
    MAX_CHANGE,
    MAX_MOMENTS,
    Action,
    Contact,
    Moment,
    NetworkMap,
    Perspective,
    Question,
    Ring,
)
from .values import field, frozen, replace


@frozen
class AddContact:
    contact: Contact


@frozen
class UpdateContact:
    contact: Contact  # replaces the contact with the same id


@frozen
class RemoveContact:
    contact_id: str


@frozen
class MoveContact:
    contact_id: str
    ring: Ring


@frozen
class SetChange:
    change: str


@frozen
class SetPerspective:
    perspective: Perspective


@frozen
class SetDesiredRing:
    contact_id: str
    ring: Ring | None  # None: as now


@frozen
class SetAnswer:
    question: Question
    desired: bool  # False: the answer about the current situation
    text: str


@frozen
class AddAction:
    action: Action


@frozen
class UpdateAction:
    action: Action  # replaces the action with the same id


@frozen
class RemoveAction:
    action_id: str


@frozen
class TakeMoment:
    """ "Leg dit moment vast": the map as it is now, kept with a label; the map itself goes on."""

    moment_id: str
    taken: str  # ISO date and time, UTC
    label: str = ""


@frozen
class RemoveMoment:
    moment_id: str


@frozen
class SetNextLook:
    """The date the team means to look at the map again ("" for none)."""

    date: str


@frozen
class ReplaceMap:
    """Opening a file: the whole map at once, undoable like any other edit."""

    new_map: NetworkMap


Edit = (
    AddContact
    | UpdateContact
    | RemoveContact
    | MoveContact
    | SetChange
    | SetPerspective
    | SetDesiredRing
    | SetAnswer
    | AddAction
    | UpdateAction
    | RemoveAction
    | TakeMoment
    | RemoveMoment
    | SetNextLook
    | ReplaceMap
)


class UnknownContact(KeyError):
    """An edit names a contact that is not on the map."""


class UnknownAction(KeyError):
    """An edit names an action that is not on the list."""


class UnknownMoment(KeyError):
    """An edit names a moment the map does not have."""


def apply(m: NetworkMap, edit: Edit) -> NetworkMap:
    """The map after ``edit``; the same object when the edit changes nothing. Raises ``FileError``
    for an edit whose result the file reader would refuse, ``UnknownContact``/``UnknownAction``
    for one that names what is not there."""
    if isinstance(edit, AddContact):
        if m.contact(edit.contact.id) is not None:
            raise ValueError(f"duplicate contact id {edit.contact.id!r}")
        if len(m.contacts) >= MAX_CONTACTS:
            raise FileError("too_many_contacts", ("map", "contacts"), limit=MAX_CONTACTS)
        return replace(m, contacts=m.contacts + (require_contact(edit.contact),))
    if isinstance(edit, UpdateContact):
        return _replace_contact(m, edit.contact.id, lambda _old: require_contact(edit.contact))
    if isinstance(edit, MoveContact):
        return _replace_contact(m, edit.contact_id, lambda old: replace(old, ring=edit.ring))
    if isinstance(edit, RemoveContact):
        if m.contact(edit.contact_id) is None:
            raise UnknownContact(edit.contact_id)
        # Actions keep their text but no longer point at someone who is gone.
        actions = tuple(
            replace(a, contact_ids=tuple(i for i in a.contact_ids if i != edit.contact_id))
            if edit.contact_id in a.contact_ids
            else a
            for a in m.actions
        )
        return replace(m, contacts=tuple(c for c in m.contacts if c.id != edit.contact_id), actions=actions)
    if isinstance(edit, SetDesiredRing):
        return _replace_contact(m, edit.contact_id, lambda old: replace(old, desired_ring=edit.ring))
    if isinstance(edit, SetAnswer):
        require_text(edit.text, ("map", "reflection", edit.question.value), MAX_ANSWER, allow_empty=True, multiline=True)
        old = m.answer(edit.question)
        new_answer = replace(old, desired=edit.text) if edit.desired else replace(old, current=edit.text)
        if new_answer == old:
            return m
        others = tuple(a for a in m.answers if a.question is not edit.question)
        kept = (new_answer,) if (new_answer.current or new_answer.desired) else ()
        return replace(m, answers=tuple(sorted(others + kept, key=lambda a: list(Question).index(a.question))))
    if isinstance(edit, AddAction):
        if m.action(edit.action.id) is not None:
            raise ValueError(f"duplicate action id {edit.action.id!r}")
        if len(m.actions) >= MAX_ACTIONS:
            raise FileError("too_many_actions", ("map", "actions"), limit=MAX_ACTIONS)
        return replace(m, actions=m.actions + (require_action(edit.action, m.contacts_by_id),))
    if isinstance(edit, UpdateAction):
        if m.action(edit.action.id) is None:
            raise UnknownAction(edit.action.id)
        require_action(edit.action, m.contacts_by_id)
        new_actions = tuple(edit.action if a.id == edit.action.id else a for a in m.actions)
        return m if new_actions == m.actions else replace(m, actions=new_actions)
    if isinstance(edit, RemoveAction):
        if m.action(edit.action_id) is None:
            raise UnknownAction(edit.action_id)
        return replace(m, actions=tuple(a for a in m.actions if a.id != edit.action_id))
    if isinstance(edit, SetChange):
        require_text(edit.change, ("map", "change"), MAX_CHANGE, allow_empty=True)
        return m if m.change == edit.change else replace(m, change=edit.change)
    if isinstance(edit, SetPerspective):
        return m if m.perspective is edit.perspective else replace(m, perspective=edit.perspective)
    if isinstance(edit, TakeMoment):
        if m.moment(edit.moment_id) is not None:
            raise ValueError(f"duplicate moment id {edit.moment_id!r}")
        if len(m.moments) >= MAX_MOMENTS:
            raise FileError("too_many_moments", ("map", "moments"), limit=MAX_MOMENTS)
        moment = Moment(edit.moment_id, edit.taken, edit.label.strip(), m.as_it_is)
        taken = replace(m, moments=m.moments + (moment,))
        require_moment(moment, ("map", "moments", len(m.moments)))
        if len(dumps(taken)) > MAX_FILE_CHARS:  # the file must open again, moments and all
            raise FileError("too_large", ("map", "moments"), limit=MAX_FILE_CHARS)
        return taken
    if isinstance(edit, RemoveMoment):
        if m.moment(edit.moment_id) is None:
            raise UnknownMoment(edit.moment_id)
        return replace(m, moments=tuple(x for x in m.moments if x.id != edit.moment_id))
    if isinstance(edit, SetNextLook):
        require_date(edit.date, ("map", "next_look"))
        return m if m.next_look == edit.date else replace(m, next_look=edit.date)
    if isinstance(edit, ReplaceMap):
        return require_map(edit.new_map)
    raise TypeError(f"not an edit: {edit!r}")


def _replace_contact(m: NetworkMap, contact_id: str, change: Callable[[Contact], Contact]) -> NetworkMap:
    old = m.contact(contact_id)
    if old is None:
        raise UnknownContact(contact_id)
    changed = change(old)
    new = tuple(changed if c.id == contact_id else c for c in m.contacts)
    return m if new == m.contacts else replace(m, contacts=new)


UNDO_LIMIT = 200


@frozen
class History:
    """The current map plus what undo and redo lead to. Immutable, so a snapshot costs nothing."""

    present: NetworkMap = field(default_factory=NetworkMap)
    past: tuple[NetworkMap, ...] = ()
    future: tuple[NetworkMap, ...] = ()

    @property
    def can_undo(self) -> bool:
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        return bool(self.future)

    def do(self, edit: Edit) -> History:
        new = apply(self.present, edit)
        if new is self.present:
            return self
        past = (self.past + (self.present,))[-UNDO_LIMIT:]
        return History(present=new, past=past, future=())

    def amend(self, edit: Edit) -> History:
        """Apply without a new undo step: the next keystroke in a field that is already one step."""
        if not self.past:
            return self.do(edit)
        new = apply(self.present, edit)
        return self if new is self.present else History(present=new, past=self.past, future=())

    def rebase(self, change: Callable[[NetworkMap], NetworkMap], present: NetworkMap | None = None) -> History:
        """Every state, past and future too, seen through ``change`` (another tab's edits merged in),
        so that undo never takes back what someone else did. ``present``: the present already
        changed (the caller merged it once and kept what the merge reported)."""
        now = change(self.present) if present is None else present
        return History(now, tuple(change(p) for p in self.past), tuple(change(f) for f in self.future))

    def undo(self) -> History:
        if not self.past:
            return self
        return History(present=self.past[-1], past=self.past[:-1], future=(self.present,) + self.future)

    def redo(self) -> History:
        if not self.future:
            return self
        return History(present=self.future[0], past=self.past + (self.present,), future=self.future[1:])
