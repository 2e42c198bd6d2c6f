"""The network map: who the team consults about a change, how often, and which knowledge they bring.

Values are frozen value classes (``values``); every edit makes a new map (see ``edits``), which keeps undo cheap
and lets the shell compare old and new without copying.
"""

from __future__ import annotations

import os
from enum import StrEnum
from functools import cached_property

from .values import field, frozen, replace


class Ring(StrEnum):
    """How often the team talks with this person about the change; inner to outer."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    LESS_OFTEN = "less_often"


class PersonKind(StrEnum):
    """Who the person is, seen from the team."""

    OWN_TEAM = "own_team"
    ORGANISATION = "organisation"
    OUTSIDE = "outside"


class OutsideRole(StrEnum):
    """For someone outside the organisation: what kind of outsider."""

    FIELD_PARTNER = "field_partner"
    RESEARCHER = "researcher"
    EXTERNAL_EXPERT = "external_expert"
    OTHER = "other"


class KnowledgeForm(StrEnum):
    """The three equally valuable forms of knowledge of the method."""

    SCIENTIFIC = "scientific"
    PROFESSIONAL = "professional"
    EXPERIENTIAL = "experiential"


class View(StrEnum):
    """Which situation a picture or a measure is about."""

    CURRENT = "current"  # the network now: wished-for contacts left out
    DESIRED = "desired"  # everyone in their desired ring, wishes made real
    BOTH = "both"  # now, with the wished-for contacts and the desired moves drawn on top


class Perspective(StrEnum):
    """Whether a team fills in the map together or one person alone."""

    TEAM = "team"
    PERSONAL = "personal"


class Question(StrEnum):
    """The article's reflection questions (six) and its closing questions (three)."""

    KNOWLEDGE_FIT = "knowledge_fit"
    DOMINANT_FORMS = "dominant_forms"
    WORK_CLOSELY = "work_closely"
    MISSING_PERSPECTIVES = "missing_perspectives"
    STRENGTHEN = "strengthen"
    TALK_MORE = "talk_more"
    CONSULT_NOT_YET = "consult_not_yet"
    KNOWLEDGE_UNUSED = "knowledge_unused"
    WANT_DIFFERENT = "want_different"


RINGS: tuple[Ring, ...] = tuple(Ring)
REFLECTION_QUESTIONS: tuple[Question, ...] = tuple(Question)[:6]
CLOSING_QUESTIONS: tuple[Question, ...] = tuple(Question)[6:]
KNOWLEDGE_FORMS: tuple[KnowledgeForm, ...] = tuple(KnowledgeForm)

MAX_NAME = 80
MAX_NOTE = 2000
MAX_CHANGE = 200
MAX_ANSWER = 4000
MAX_ACTION = 300
MAX_LABEL = 80  # a moment's label: "Start", "Na een half jaar"
MAX_MOMENTS = 12  # a map recorded every few months, for some years
MAX_MEMBERS = 50  # the members a team map is made of


def random_hex(n: int) -> str:
    """``n`` random bytes as hex, from the system's source of randomness: what ``secrets.token_hex``
    does, without importing ``secrets`` (which loads ``hmac``: a tenth of a second of the browser's start)."""
    return os.urandom(n).hex()


def new_contact_id() -> str:
    """A short random id; unique enough for a map of people, and never derived from a name."""
    return "c" + random_hex(6)


def canonical_knowledge(forms: object) -> tuple[KnowledgeForm, ...]:
    """Knowledge forms without duplicates, always in the method's order (W, P, E)."""
    chosen = {KnowledgeForm(f) for f in forms}  # type: ignore[attr-defined]
    return tuple(f for f in KNOWLEDGE_FORMS if f in chosen)


@frozen
class Contact:
    """One person on the map."""

    id: str
    name: str
    ring: Ring
    kind: PersonKind | None  # None: not chosen yet (a name put on a ring, who they are still to say)
    role: OutsideRole | None = None
    knowledge: tuple[KnowledgeForm, ...] = ()
    note: str = ""
    # The desired situation: how often the team would like to consult this person (None: as now).
    desired_ring: Ring | None = None
    # Wished for, not yet in the network: only on the desired map, in ``ring``.
    wished: bool = False
    # On a team map: which members named this person (indexes into ``NetworkMap.members``).
    named_by: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        # A role only means something for people outside the organisation.
        if self.kind is not PersonKind.OUTSIDE and self.role is not None:
            object.__setattr__(self, "role", None)
        object.__setattr__(self, "knowledge", canonical_knowledge(self.knowledge))
        object.__setattr__(self, "named_by", tuple(sorted(set(self.named_by))))
        # "Desired" is the same as "as now" when it names the current ring, and meaningless for a wish.
        if self.desired_ring is self.ring or self.wished:
            object.__setattr__(self, "desired_ring", None)

    @property
    def planned_ring(self) -> Ring:
        """Where this person is in the desired situation."""
        return self.desired_ring or self.ring


@frozen
class Answer:
    """A team's answer to one reflection question, for now and for the desired situation."""

    question: Question
    current: str = ""
    desired: str = ""


@frozen
class Action:
    """A small step for tomorrow: what, with whom, who does it, by when, and whether it is done."""

    id: str
    text: str
    contact_ids: tuple[str, ...] = ()
    owner: str = ""
    due: str = ""  # ISO date (YYYY-MM-DD) or empty
    done: bool = False


@frozen
class Moment:
    """The map as it was at one moment ("Start", "Na een half jaar"): looked at and compared, never
    edited. Its ``map`` has no moments and no next look of its own."""

    id: str
    taken: str  # when it was recorded: ISO 8601 date and time, UTC
    label: str
    map: NetworkMap


@frozen
class NetworkMap:
    """The whole picture: the change it is about, whose view it is, and the people on it; and, over
    time, the moments recorded of it and when the team means to look again."""

    change: str = ""
    perspective: Perspective = Perspective.TEAM
    contacts: tuple[Contact, ...] = field(default_factory=tuple)
    answers: tuple[Answer, ...] = ()
    actions: tuple[Action, ...] = ()
    moments: tuple[Moment, ...] = ()  # oldest first
    next_look: str = ""  # ISO date of the next look ("Volgende keer kijken we op …"), or empty
    members: tuple[str, ...] = ()  # a team map: the members whose maps it was made of
    # What the file this map was read from holds that this version does not know (another
    # program's or a newer version's fields), as JSON text: ``fileformat`` keeps it and writes it
    # back, so opening and saving a map never drops a field. Empty for a map made here.
    kept: str = field(default="", repr=False)

    @cached_property
    def contacts_by_id(self) -> dict[str, Contact]:
        """Every person by id, made once per map: lookups by id never scan the list."""
        return {c.id: c for c in reversed(self.contacts)}  # the first of a duplicate id, as a scan found it

    @cached_property
    def actions_by_id(self) -> dict[str, Action]:
        return {a.id: a for a in reversed(self.actions)}

    def contact(self, contact_id: str) -> Contact | None:
        return self.contacts_by_id.get(contact_id)

    def in_ring(self, ring: Ring) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.ring is ring)

    @property
    def current(self) -> tuple[Contact, ...]:
        """The network as it is now: everyone except the wished-for contacts."""
        return tuple(c for c in self.contacts if not c.wished)

    @property
    def wished(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.wished)

    @property
    def has_desired(self) -> bool:
        return any(c.wished or c.desired_ring is not None for c in self.contacts)

    def answer(self, question: Question) -> Answer:
        for a in self.answers:
            if a.question is question:
                return a
        return Answer(question)

    def action(self, action_id: str) -> Action | None:
        return self.actions_by_id.get(action_id)

    @property
    def named_by_one(self) -> tuple[Contact, ...]:
        """On a team map: the people whose tie to the team hangs on one colleague."""
        return tuple(c for c in self.contacts if len(c.named_by) == 1) if self.members else ()

    def moment(self, moment_id: str) -> Moment | None:
        return next((x for x in self.moments if x.id == moment_id), None)

    @property
    def as_it_is(self) -> NetworkMap:
        """The map itself, without its moments and next look: what a moment keeps of it."""
        if not self.moments and not self.next_look:
            return self
        return NetworkMap(self.change, self.perspective, self.contacts, self.answers, self.actions, members=self.members)


def new_action_id() -> str:
    return "a" + random_hex(6)


def new_moment_id() -> str:
    return "m" + random_hex(6)


def current_map(m: NetworkMap) -> NetworkMap:
    """Only the people in the network now, in their current rings, without the desired situation."""
    # Most people have no desired ring: they are kept as they are (a redraw makes this map every time).
    people = tuple(c if c.desired_ring is None else replace(c, desired_ring=None) for c in m.current)
    return NetworkMap(m.change, m.perspective, people, members=m.members)


def desired_map(m: NetworkMap) -> NetworkMap:
    """The desired situation as a map of its own: everyone in their desired ring, wishes made real."""
    people = tuple(
        c if c.desired_ring is None and not c.wished else replace(c, ring=c.planned_ring, desired_ring=None, wished=False)
        for c in m.contacts
    )
    return NetworkMap(m.change, m.perspective, people, members=m.members)


def view_map(m: NetworkMap, view: View) -> NetworkMap:
    """The people the view shows, each in the ring where the view places them."""
    if view is View.CURRENT:
        return current_map(m)
    if view is View.DESIRED:
        return desired_map(m)
    return m  # now, plus the wished-for contacts in their ring
