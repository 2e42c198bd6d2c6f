"""The network map: who the team consults about a change, how often, and which knowledge they bring.

Values are frozen dataclasses; every edit makes a new map (see ``edits``), which keeps undo cheap
and lets the shell compare old and new without copying.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from enum import StrEnum


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


class Perspective(StrEnum):
    """Whether a team fills in the map together or one person alone."""

    TEAM = "team"
    PERSONAL = "personal"


RINGS: tuple[Ring, ...] = tuple(Ring)
KNOWLEDGE_FORMS: tuple[KnowledgeForm, ...] = tuple(KnowledgeForm)

MAX_NAME = 80
MAX_NOTE = 2000
MAX_CHANGE = 200


def new_contact_id() -> str:
    """A short random id; unique enough for a map of people, and never derived from a name."""
    return "c" + secrets.token_hex(6)


def canonical_knowledge(forms: object) -> tuple[KnowledgeForm, ...]:
    """Knowledge forms without duplicates, always in the method's order (W, P, E)."""
    chosen = {KnowledgeForm(f) for f in forms}  # type: ignore[attr-defined]
    return tuple(f for f in KNOWLEDGE_FORMS if f in chosen)


@dataclass(frozen=True)
class Contact:
    """One person on the map."""

    id: str
    name: str
    ring: Ring
    kind: PersonKind
    role: OutsideRole | None = None
    knowledge: tuple[KnowledgeForm, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        # A role only means something for people outside the organisation.
        if self.kind is not PersonKind.OUTSIDE and self.role is not None:
            object.__setattr__(self, "role", None)
        object.__setattr__(self, "knowledge", canonical_knowledge(self.knowledge))


@dataclass(frozen=True)
class NetworkMap:
    """The whole picture: the change it is about, whose view it is, and the people on it."""

    change: str = ""
    perspective: Perspective = Perspective.TEAM
    contacts: tuple[Contact, ...] = field(default_factory=tuple)

    def contact(self, contact_id: str) -> Contact | None:
        for c in self.contacts:
            if c.id == contact_id:
                return c
        return None

    def in_ring(self, ring: Ring) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.ring is ring)
