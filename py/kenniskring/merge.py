"""Three-way merge of maps: what this tab changed since ``base``, laid over what another tab saved.

Used when two tabs have the same map open: neither tab's edits are lost. Per contact, action and
answer (by id or question) and then per field: a side that changed a field wins over a side that
did not, so a ring moved here and a name changed there are both kept; when both changed the same
field, the other tab's value (already saved) is kept. The people an action is about merge as a set.
An item one side deleted and the other changed is kept, with the change, because losing an edit is
worse than keeping an item.

The result always opens again: links to people who are gone are dropped, and the limits of the
format are kept. What did not fit (this tab's additions beyond the limits) is counted in
``Merged`` so the shell can say so.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from .fileformat import MAX_ACTION_PEOPLE, MAX_ACTIONS, MAX_CONTACTS
from .model import MAX_MOMENTS, Action, NetworkMap, Question
from .values import field_names, frozen, replace

QUESTIONS = list(Question)

T = TypeVar("T")


@frozen
class Merged:
    map: NetworkMap
    people_left_out: int = 0  # this tab's new people beyond the limit of the format
    actions_left_out: int = 0
    links_left_out: int = 0  # people of an action beyond the limit per action

    @property
    def left_out(self) -> bool:
        return bool(self.people_left_out or self.actions_left_out or self.links_left_out)


def _pick(base: T, mine: T, theirs: T) -> T:
    return mine if mine != base and theirs == base else theirs


def _merge_ids(base: tuple[str, ...], mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """A set merge, in their order: what either side added is in, what either side removed is out."""
    removed = (set(base) - set(mine)) | (set(base) - set(theirs))
    return tuple(i for i in dict.fromkeys(theirs + mine) if i not in removed)


def _merge_fields(base: Any, mine: Any, theirs: Any) -> Any:
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    changed = {}
    for name in field_names(theirs):
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        changed[name] = _merge_ids(b, m, t) if name == "contact_ids" else _pick(b, m, t)
    return replace(theirs, **changed)


def _merge_items(base: tuple[T, ...], mine: tuple[T, ...], theirs: tuple[T, ...], key: Callable[[T], Hashable]) -> tuple[T, ...]:
    b = {key(x): x for x in base}
    m = {key(x): x for x in mine}
    out: list[T] = []
    for item in theirs:
        k = key(item)
        if k in b and k not in m:  # I deleted it: gone, unless they changed it meanwhile
            if item != b[k]:
                out.append(item)
            continue
        out.append(_merge_fields(b[k], m[k], item) if k in b and k in m else item)
    theirs_keys = {key(x) for x in theirs}
    for item in mine:
        k = key(item)
        if k in theirs_keys:
            continue
        if k not in b or item != b[k]:  # I added it, or changed what they deleted
            out.append(item)
    return tuple(out)


def _within(
    items: tuple[T, ...], theirs_keys: set[Hashable], key: Callable[[T], Hashable], limit: int
) -> tuple[tuple[T, ...], int]:
    """At most ``limit`` items: theirs (already saved) first, then as many of this tab's as fit."""
    if len(items) <= limit:
        return items, 0
    room = limit - sum(1 for x in items if key(x) in theirs_keys)
    kept = []
    for x in items:
        if key(x) in theirs_keys:
            kept.append(x)
        elif room > 0:
            kept.append(x)
            room -= 1
    return tuple(kept), len(items) - len(kept)


def merge_maps(base: NetworkMap, mine: NetworkMap, theirs: NetworkMap) -> Merged:
    contacts, people_out = _within(
        _merge_items(base.contacts, mine.contacts, theirs.contacts, lambda c: c.id),
        set(theirs.contacts_by_id),
        lambda c: c.id,
        MAX_CONTACTS,
    )
    actions, actions_out = _within(
        _merge_items(base.actions, mine.actions, theirs.actions, lambda a: a.id),
        set(theirs.actions_by_id),
        lambda a: a.id,
        MAX_ACTIONS,
    )
    present = {c.id for c in contacts}
    links_out = 0
    linked: list[Action] = []
    for a in actions:
        links = tuple(i for i in a.contact_ids if i in present)  # nobody who is gone
        links_out += max(0, len(links) - MAX_ACTION_PEOPLE)
        links = links[:MAX_ACTION_PEOPLE]
        linked.append(a if links == a.contact_ids else replace(a, contact_ids=links))
    answers = tuple(
        sorted(
            (a for a in _merge_items(base.answers, mine.answers, theirs.answers, lambda a: a.question) if a.current or a.desired),
            key=lambda a: QUESTIONS.index(a.question),
        )
    )
    # Moments are never edited: one recorded in either tab is kept, one removed in either is gone.
    moments = _merge_items(base.moments, mine.moments, theirs.moments, lambda x: x.id)[:MAX_MOMENTS]
    merged = replace(
        theirs,
        change=_pick(base.change, mine.change, theirs.change),
        perspective=_pick(base.perspective, mine.perspective, theirs.perspective),
        contacts=contacts,
        answers=answers,
        actions=tuple(linked),
        moments=tuple(sorted(moments, key=lambda x: x.taken)),
        next_look=_pick(base.next_look, mine.next_look, theirs.next_look),
    )
    return Merged(merged, people_out, actions_out, links_out)


def merge(base: NetworkMap, mine: NetworkMap, theirs: NetworkMap) -> NetworkMap:
    return merge_maps(base, mine, theirs).map
