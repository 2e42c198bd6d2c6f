"""Small builders for test maps."""

from __future__ import annotations

from kenniskring.model import Contact, KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring


def person(
    cid: str,
    name: str = "",
    ring: Ring = Ring.WEEKLY,
    kind: PersonKind = PersonKind.OWN_TEAM,
    role: OutsideRole | None = None,
    knowledge: tuple[KnowledgeForm, ...] = (KnowledgeForm.PROFESSIONAL,),
    note: str = "",
) -> Contact:
    return Contact(cid, name or f"Persoon {cid}", ring, kind, role, knowledge, note)


def sample_map() -> NetworkMap:
    return NetworkMap(
        change="Flexibel en hybride leren",
        contacts=(
            person(
                "a",
                "Anna de Vries",
                Ring.WEEKLY,
                PersonKind.OWN_TEAM,
                knowledge=(KnowledgeForm.EXPERIENTIAL, KnowledgeForm.PROFESSIONAL),
            ),
            person(
                "b", "Lector", Ring.MONTHLY, PersonKind.OUTSIDE, OutsideRole.RESEARCHER, (KnowledgeForm.SCIENTIFIC,), "via HU"
            ),
            person("c", "Teamleider", Ring.LESS_OFTEN, PersonKind.ORGANISATION, knowledge=()),
        ),
    )


def crowded_map(per_ring: dict[Ring, int]) -> NetworkMap:
    contacts = tuple(person(f"{ring.value}-{i}", f"{ring.value} {i}", ring) for ring, n in per_ring.items() for i in range(n))
    return NetworkMap(change="Veel mensen", contacts=contacts)


def full_map() -> NetworkMap:
    """A map with every part of the method filled in: desired rings, a wish, answers and actions."""
    from dataclasses import replace

    from kenniskring.model import Action, Answer, Question

    base = sample_map()
    lector = replace(base.contacts[1], desired_ring=Ring.WEEKLY)
    wish = person(
        "w", "Werkveld zorg", Ring.MONTHLY, PersonKind.OUTSIDE, OutsideRole.FIELD_PARTNER, (KnowledgeForm.EXPERIENTIAL,)
    )
    wish = replace(wish, wished=True)
    return replace(
        base,
        contacts=(base.contacts[0], lector, base.contacts[2], wish),
        answers=(
            Answer(Question.KNOWLEDGE_FIT, "Vooral ervaringskennis.", "Meer onderzoek erbij."),
            Answer(Question.TALK_MORE, "", "De lector."),
        ),
        actions=(
            Action("x1", "Plan een gesprek met de lector", ("b",), "Anna", "2026-12-01"),
            Action("x2", "Vraag uitzetten in de teamapp", (), "", "", True),
        ),
    )
