"""A team map from members' maps: everyone each member consults, once, with who named them.

Members often fill in a map alone first ("Met wie overleg ik …"); the team then lays them
together. People are matched by name: ``match_key`` folds case, spacing, accents and punctuation
("Jan-Willem", "jan willem"), so those are the same person without asking. Names that are only
*close* (one letter apart, or a first name against a full name) are a ``Doubt``: the user decides,
and nothing is joined that nobody confirmed. The members' maps are never changed.

Per person: the union of the knowledge forms, the ring by ``RingRule`` (closest anyone named, or
the ring most members named, a tie going to the closer), the kind most members chose, and who
named them. The rule is part of the result, so the page and the command can say which was used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import StrEnum

from .fileformat import MAX_CONTACTS, FileError, check_text, require_map
from .model import MAX_NAME, MAX_NOTE, RINGS, Contact, KnowledgeForm, NetworkMap, Perspective, Ring
from .names import name_key
from .values import field, frozen


class RingRule(StrEnum):
    """Where a person named by several members goes."""

    CLOSEST = "closest"  # the closest ring anyone named: the tie as its strongest member has it
    MOST_NAMED = "most_named"  # the ring most members named; a tie goes to the closer ring


_PUNCTUATION = re.compile(r"[^\w\s]|_")


def match_key(name: str) -> str:
    """The name as ``names.name_key`` folds it, without punctuation: hyphens, dots and brackets
    do not make another person ("Jan-Willem" and "jan willem", "Dr. Bos" and "dr bos")."""
    folded = name_key(name)
    return " ".join(_PUNCTUATION.sub(" ", folded).split()) or folded  # a name of punctuation only stays itself


@frozen
class Member:
    """One member's map, and how to call that member (their name, or the file's name)."""

    label: str
    map: NetworkMap


@frozen
class Mention:
    """One member naming one person."""

    member: int  # index into the members
    contact: Contact


@frozen
class Person:
    """The mentions taken to be one person."""

    key: str
    mentions: tuple[Mention, ...]

    @property
    def members(self) -> tuple[int, ...]:
        return tuple(sorted({m.member for m in self.mentions}))


@frozen
class Doubt:
    """Two names that may be one person; joined only when the user says so."""

    first: str  # match keys, as in ``Person.key``
    second: str
    names: tuple[str, str]  # as typed, for the question


@frozen
class Matching:
    people: tuple[Person, ...]
    doubts: tuple[Doubt, ...]


def _distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance (Levenshtein) of ``a`` and ``b`` is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return False
    return row[-1] <= limit


def close_names(a: str, b: str) -> bool:
    """Two different match keys that a typist could mean as one person: one letter apart in a
    name of five or more letters (two in one of ten or more), or a first name against the same
    first name with a surname ("fatma" and "fatma yilmaz")."""
    if a == b:
        return False
    shorter = min(len(a), len(b))
    if shorter >= 5 and _distance_at_most(a, b, 2 if shorter >= 10 else 1):
        return True
    first_a, first_b = a.split(), b.split()
    if not first_a or not first_b:
        return False
    one_word = len(first_a) == 1 or len(first_b) == 1
    return one_word and first_a[0] == first_b[0] and len(first_a[0]) >= 3


def match(members: Sequence[Member]) -> Matching:
    """People by match key, in the order the members name them, and the doubtful pairs."""
    groups: dict[str, list[Mention]] = {}
    for i, member in enumerate(members):
        for c in member.map.contacts:
            groups.setdefault(match_key(c.name), []).append(Mention(i, c))
    people = tuple(Person(k, tuple(v)) for k, v in groups.items())
    if len(groups) > MAX_CONTACTS:
        raise FileError("too_many_contacts", ("map", "contacts"), limit=MAX_CONTACTS)
    keys = list(groups)
    doubts = tuple(
        Doubt(a, b, (groups[a][0].contact.name, groups[b][0].contact.name))
        for n, a in enumerate(keys)
        for b in keys[n + 1 :]
        if close_names(a, b) and _only_apart(groups[a], groups[b])
    )
    return Matching(people, doubts)


def _only_apart(a: Sequence[Mention], b: Sequence[Mention]) -> bool:
    """Two names one member uses side by side are two people to that member: no doubt to ask."""
    return not ({m.member for m in a} & {m.member for m in b})


def join(matching: Matching, confirmed: Iterable[Doubt]) -> tuple[Person, ...]:
    """The people, with each confirmed doubt's two names as one person (under the first's key)."""
    parent: dict[str, str] = {p.key: p.key for p in matching.people}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for d in confirmed:
        if d.first in parent and d.second in parent:
            a, b = root(d.first), root(d.second)
            if a != b:
                parent[b] = a
    merged: dict[str, list[Mention]] = {}
    for p in matching.people:
        merged.setdefault(root(p.key), []).extend(p.mentions)
    return tuple(Person(k, tuple(v)) for k, v in merged.items())


@frozen
class TeamMap:
    """The team map (who named whom is in it: ``Contact.named_by``, ``NetworkMap.members``), the
    rule its rings follow, and the doubtful names the user joined."""

    map: NetworkMap
    rule: RingRule
    joined: tuple[Doubt, ...] = field(default=())


def different_changes(members: Sequence[Member]) -> bool:
    """Whether the maps are about different changes (empty names left out): ask before merging."""
    return len({match_key(m.map.change) for m in members if m.map.change.strip()}) > 1


def _most(values: Sequence[object]) -> object:
    """The value named most often; a tie goes to the one named first."""
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _ring(rings: Sequence[Ring], rule: RingRule) -> Ring:
    if rule is RingRule.CLOSEST:
        return min(rings, key=RINGS.index)
    counts = Counter(rings)
    top = max(counts.values())
    return min((r for r in rings if counts[r] == top), key=RINGS.index)


def _unique_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted[:60]}-{n}", n + 1
    taken.add(candidate)
    return candidate


def combine(person: Person, rule: RingRule, taken_ids: set[str], note: str) -> Contact:
    """One contact for the mentions of one person."""
    cs = [m.contact for m in person.mentions]
    real = [c for c in cs if not c.wished] or cs  # a wish of one member is a tie of another's
    known = [c.kind for c in real if c.kind is not None]
    kind = _most(known) if known else None  # a member who did not say who it is does not outvote one who did
    roles = [c.role for c in real if c.kind is kind and c.role is not None]
    ring = _ring([c.ring for c in real], rule)
    planned = _ring([c.planned_ring for c in real], rule)
    forms: set[KnowledgeForm] = {f for c in cs for f in c.knowledge}
    return Contact(
        id=_unique_id(cs[0].id, taken_ids),
        name=str(_most([c.name for c in cs])),
        ring=ring,
        kind=kind,  # type: ignore[arg-type]
        role=_most(roles) if roles else None,  # type: ignore[arg-type]
        knowledge=tuple(forms),
        note=note,
        desired_ring=planned,
        wished=all(c.wished for c in cs),
        named_by=person.members,
    )


def team_map(
    members: Sequence[Member],
    rule: RingRule = RingRule.CLOSEST,
    confirmed: Iterable[Doubt] = (),
) -> TeamMap:
    """The team map of ``members``: a new map (``members`` are untouched) that says who named whom
    (``Contact.named_by``, ``NetworkMap.members``); each person's note holds the members' own notes."""
    if len(members) < 2:
        raise ValueError("a team map is made of two maps or more")
    confirmed = tuple(confirmed)
    people = join(match(members), confirmed)
    if len(people) > MAX_CONTACTS:
        raise FileError("too_many_contacts", ("map", "contacts"), limit=MAX_CONTACTS)
    taken: set[str] = set()
    contacts = tuple(combine(p, rule, taken, person_note(p, members)) for p in people)
    change = next((m.map.change for m in members if m.map.change.strip()), "")
    labels = tuple(member_label(m.label, i) for i, m in enumerate(members))
    team = NetworkMap(change=change, perspective=Perspective.TEAM, contacts=contacts, members=labels)
    return TeamMap(require_map(team), rule, confirmed)


def member_label(label: str, index: int) -> str:
    """A member's name as a file can hold it: one line, not too long; their number if nothing is left."""
    kept = " ".join("".join(ch if ch.isprintable() else " " for ch in label).split())[:MAX_NAME]
    return kept if check_text(kept, MAX_NAME, allow_empty=False) is None else str(index + 1)


def person_note(person: Person, members: Sequence[Member]) -> str:
    """The members' own notes about a person, each after its member (within a note's length)."""
    text = "\n".join(f"{members[m.member].label}: {m.contact.note}" for m in person.mentions if m.contact.note.strip())
    return text[:MAX_NOTE].rstrip()
