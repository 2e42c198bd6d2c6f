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
    from kenniskring.model import Action, Answer, Question
    from kenniskring.values import replace

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


FIRST_NAMES = ("Fatma", "Marieke", "Jan", "Noor", "Sven", "Aisha", "Pieter", "Lotte", "Mohammed", "Eva", "Daan", "Sanne")
SURNAMES = ("Yilmaz", "van der Berg", "de Wit", "Bakker", "Jansen", "El Amrani", "Visser", "de Jong", "Smit", "Mulder")
ROLES = ("docent", "teamleider", "ICT-coördinator", "stagebegeleider", "lector", "onderwijskundige", "student")
LONG_ANSWER = (
    "Wij merken dat de kennis die we gebruiken vooral uit het eigen team komt, en dat we onderzoek en "
    "het werkveld te weinig betrekken bij de keuzes die we maken. "
) * 9  # about 1,400 characters


def poster_map(people: int, actions: int = 15) -> NetworkMap:
    """A map as a large team fills it in: ``people`` with names of 15 to 40 characters on all rings,
    every kind and knowledge form, an answer of ~1,400 characters to every question (now and desired,
    each starting with its own marker), and many actions."""
    from kenniskring.model import CLOSING_QUESTIONS, REFLECTION_QUESTIONS, Action, Answer

    rings, kinds, forms, roles = list(Ring), list(PersonKind), list(KnowledgeForm), list(OutsideRole)
    contacts = tuple(
        person(
            f"p{i}",
            f"{FIRST_NAMES[i % 12]} {SURNAMES[i * 7 % 10]} ({ROLES[i * 3 % 7]})",
            rings[i % 3],
            kinds[i % 3],
            roles[i % 4] if kinds[i % 3] is PersonKind.OUTSIDE else None,
            (forms[i % 3],) if i % 5 else (forms[0], forms[2]),
        )
        for i in range(people)
    )
    return NetworkMap(
        change="Flexibel en hybride leren",
        contacts=contacts,
        answers=tuple(
            Answer(q, f"[{q.value} nu] {LONG_ANSWER}", f"[{q.value} gewenst] {LONG_ANSWER}")
            for q in REFLECTION_QUESTIONS + CLOSING_QUESTIONS
        ),
        actions=tuple(
            Action(
                f"x{i}",
                f"Actie {i + 1}: een gesprek met {contacts[i % people].name} over de stages",
                (contacts[i % people].id,),
                "Anna",
                "2026-12-01",
                i % 4 == 0,
            )
            for i in range(actions)
        ),
    )
