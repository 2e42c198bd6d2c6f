"""Three-way merge of maps: what this tab changed since ``base``, laid over what another tab saved.

Used when two tabs have the same map open: neither tab's edits are lost. Per contact, action and
answer (by id or question): a side that changed it wins over a side that did not; when both
changed the same item, the other tab's version (already saved) is kept; an item one side deleted
and the other changed is kept, with the change, because losing an edit is worse than keeping an item.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TypeVar

from .model import NetworkMap, Question

QUESTIONS = list(Question)

T = TypeVar("T")


def _pick(base: T, mine: T, theirs: T) -> T:
    return mine if mine != base and theirs == base else theirs


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
        out.append(_pick(b[k], m[k], item) if k in b and k in m else item)
    theirs_keys = {key(x) for x in theirs}
    for item in mine:
        k = key(item)
        if k in theirs_keys:
            continue
        if k not in b or item != b[k]:  # I added it, or changed what they deleted
            out.append(item)
    return tuple(out)


def merge(base: NetworkMap, mine: NetworkMap, theirs: NetworkMap) -> NetworkMap:
    return replace(
        theirs,
        change=_pick(base.change, mine.change, theirs.change),
        perspective=_pick(base.perspective, mine.perspective, theirs.perspective),
        contacts=_merge_items(base.contacts, mine.contacts, theirs.contacts, lambda c: c.id),
        answers=tuple(
            sorted(
                _merge_items(base.answers, mine.answers, theirs.answers, lambda a: a.question),
                key=lambda a: QUESTIONS.index(a.question),
            )
        ),
        actions=_merge_items(base.actions, mine.actions, theirs.actions, lambda a: a.id),
    )
