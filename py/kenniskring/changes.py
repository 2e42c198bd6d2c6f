"""What changed between two moments of a map: who is new, who is gone, who moved, which knowledge.

``compare`` looks at the network as it was then and as it is now (wished-for contacts are not yet
in a network, so a wish that came true counts as new). People are matched by id first (a moment
keeps the ids of its map) and then, for those left over, by name (``teammap.match_key``), so that two
files of one team made separately still line up. Nobody who did not change is named.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .analysis import Summary, summarise
from .model import RINGS, Action, Contact, KnowledgeForm, NetworkMap, Perspective, current_map
from .teammap import match_key
from .values import frozen


@frozen
class Moved:
    """A person who is consulted more or less often than before."""

    before: Contact
    after: Contact

    @property
    def closer(self) -> bool:
        return RINGS.index(self.after.ring) < RINGS.index(self.before.ring)


@frozen
class FormsChanged:
    """A person who brings knowledge forms now that they did not, or no longer brings some."""

    before: Contact
    after: Contact
    gained: tuple[KnowledgeForm, ...]
    lost: tuple[KnowledgeForm, ...]


@frozen
class KindChanged:
    """A person seen differently: another kind (own team, organisation, outside)."""

    before: Contact
    after: Contact


@frozen
class ActionOutcome:
    """An action of the earlier moment, and what became of it: done, open, or no longer listed."""

    action: Action
    done: bool
    kept: bool


@frozen
class Changes:
    new: tuple[Contact, ...]
    gone: tuple[Contact, ...]
    moved: tuple[Moved, ...]
    forms: tuple[FormsChanged, ...]
    kinds: tuple[KindChanged, ...]
    before: Summary
    after: Summary
    actions: tuple[ActionOutcome, ...]
    perspective: Perspective = Perspective.TEAM  # the later map's: who speaks in what is said of it

    @property
    def people_changed(self) -> bool:
        return bool(self.new or self.gone or self.moved or self.forms or self.kinds)

    @property
    def closer(self) -> tuple[Moved, ...]:
        return tuple(m for m in self.moved if m.closer)

    @property
    def further(self) -> tuple[Moved, ...]:
        return tuple(m for m in self.moved if not m.closer)


def pair_people(
    before: Sequence[Contact], after: Sequence[Contact]
) -> tuple[list[tuple[Contact, Contact]], list[Contact], list[Contact]]:
    """Pairs of the same person, then the people only in ``before`` and those only in ``after``:
    by id, and for the rest by name (in order, when a name occurs more than once)."""
    after_ids = {c.id: c for c in after}
    pairs: list[tuple[Contact, Contact]] = []
    left: list[Contact] = []
    taken: set[str] = set()
    for c in before:
        twin = after_ids.get(c.id)
        if twin is not None and twin.id not in taken:
            pairs.append((c, twin))
            taken.add(twin.id)
        else:
            left.append(c)
    by_name: dict[str, list[Contact]] = defaultdict(list)
    for c in after:
        if c.id not in taken:
            by_name[match_key(c.name)].append(c)
    gone: list[Contact] = []
    for c in left:
        same = by_name.get(match_key(c.name))
        if same:
            twin = same.pop(0)
            pairs.append((c, twin))
            taken.add(twin.id)
        else:
            gone.append(c)
    new = [c for c in after if c.id not in taken]
    return pairs, gone, new


def compare(before: NetworkMap, after: NetworkMap) -> Changes:
    """What changed in the network from ``before`` to ``after`` (two moments, or a moment and now)."""
    then, now = current_map(before), current_map(after)
    pairs, gone, new = pair_people(then.contacts, now.contacts)
    moved = tuple(Moved(a, b) for a, b in pairs if a.ring is not b.ring)
    forms = tuple(
        FormsChanged(
            a, b, tuple(f for f in b.knowledge if f not in a.knowledge), tuple(f for f in a.knowledge if f not in b.knowledge)
        )
        for a, b in pairs
        if a.knowledge != b.knowledge
    )
    kinds = tuple(KindChanged(a, b) for a, b in pairs if a.kind is not b.kind)
    later = after.actions_by_id
    outcomes = tuple(
        ActionOutcome(a, done=bool(later[a.id].done) if a.id in later else a.done, kept=a.id in later) for a in before.actions
    )
    return Changes(
        new=tuple(new),
        gone=tuple(gone),
        moved=moved,
        forms=forms,
        kinds=kinds,
        before=summarise(before),
        after=summarise(after),
        perspective=after.perspective,
        actions=outcomes,
    )
