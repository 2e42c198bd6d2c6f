"""Writes the fictional worked example (like the article's Figure 1) in Dutch and English.

``python scripts/make_example.py`` -> docs/assets/examples/voorbeeld.json and example.json. Made
with the core itself, so the example is always a valid file of the current format.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "py"))

from kenniskring.fileformat import dumps  # noqa: E402
from kenniskring.layout import roomy_id  # noqa: E402
from kenniskring.model import (  # noqa: E402
    Action,
    Answer,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Question,
    Ring,
)

W, P, E = KnowledgeForm.SCIENTIFIC, KnowledgeForm.PROFESSIONAL, KnowledgeForm.EXPERIENTIAL
OWN, ORG, OUT = PersonKind.OWN_TEAM, PersonKind.ORGANISATION, PersonKind.OUTSIDE

PEOPLE = [
    # id, Dutch name, English name, ring, kind, role, knowledge, desired ring, wished
    ("c1", "Sanne (docent)", "Sanne (teacher)", Ring.WEEKLY, OWN, None, (P, E), None, False),
    ("c2", "Joris (docent)", "Joris (teacher)", Ring.WEEKLY, OWN, None, (E,), None, False),
    ("c3", "Fatma (docent)", "Fatma (teacher)", Ring.MONTHLY, OWN, None, (P,), Ring.WEEKLY, False),
    ("c4", "Teamleider", "Team leader", Ring.MONTHLY, ORG, None, (P,), None, False),
    ("c5", "Onderwijskundige", "Educational advisor", Ring.MONTHLY, ORG, None, (W, P), None, False),
    ("c6", "ICT-coördinator", "IT coordinator", Ring.LESS_OFTEN, ORG, None, (P,), None, False),
    ("c7", "Zorginstelling", "Care organisation", Ring.MONTHLY, OUT, OutsideRole.FIELD_PARTNER, (E, P), None, False),
    ("c8", "Lector", "Professor", Ring.LESS_OFTEN, OUT, OutsideRole.RESEARCHER, (W,), Ring.MONTHLY, False),
    ("c9", "Studentenpanel", "Student panel", Ring.LESS_OFTEN, OUT, OutsideRole.OTHER, (E,), None, True),
]

TEXTS: dict[str, dict[str, Any]] = {
    "nl": {
        "change": "Flexibel en hybride leren",
        "answers": [
            (
                Question.KNOWLEDGE_FIT,
                "We leunen vooral op onze eigen ervaring in de les.",
                "Ook weten wat onderzoek zegt over hybride leren.",
            ),
            (
                Question.DOMINANT_FORMS,
                "Ervarings- en professionele kennis domineren.",
                "Wetenschappelijke kennis structureel erbij.",
            ),
            (Question.TALK_MORE, "De lector spreken we bijna nooit.", "De lector elke maand; studenten vaker horen."),
        ],
        "actions": [
            ("a1", "Plan een gesprek met de lector over hybride leren", ("c8",), "Sanne", "2026-12-04"),
            ("a2", "Vraag het studentenpanel om feedback op één hybride les", ("c9",), "Joris", "2026-12-11"),
        ],
    },
    "en": {
        "change": "Flexible and hybrid learning",
        "answers": [
            (
                Question.KNOWLEDGE_FIT,
                "We mostly lean on our own classroom experience.",
                "Also know what research says about hybrid learning.",
            ),
            (
                Question.DOMINANT_FORMS,
                "Experiential and professional knowledge dominate.",
                "Scientific knowledge as a regular part.",
            ),
            (Question.TALK_MORE, "We hardly ever talk to the professor.", "The professor every month; hear students more often."),
        ],
        "actions": [
            ("a1", "Plan a conversation with the professor about hybrid learning", ("c8",), "Sanne", "2026-12-04"),
            ("a2", "Ask the student panel for feedback on one hybrid lesson", ("c9",), "Joris", "2026-12-11"),
        ],
    },
}


def roomy_ids() -> dict[str, str]:
    """The people's ids, picked one by one as the tool picks them for someone new (layout.roomy_id:
    where their ring has room), but from a counter instead of chance, so the example is the same
    file every time it is made and its picture is balanced."""
    counter = iter(range(10, 10_000))
    m = NetworkMap()
    chosen: dict[str, str] = {}
    for cid, nl, _en, ring, kind, role, knowledge, desired, wished in PEOPLE:
        chosen[cid] = roomy_id(m, ring, lambda: f"c{next(counter)}")
        contact = Contact(chosen[cid], nl, ring, kind, role, knowledge, "", desired, wished)
        m = NetworkMap(contacts=(*m.contacts, contact))
    return chosen


def example(lang: str) -> NetworkMap:
    text = TEXTS[lang]
    ids = roomy_ids()
    contacts = tuple(
        Contact(ids[cid], nl if lang == "nl" else en, ring, kind, role, knowledge, "", desired, wished)
        for cid, nl, en, ring, kind, role, knowledge, desired, wished in PEOPLE
    )
    return NetworkMap(
        change=text["change"],
        contacts=contacts,
        answers=tuple(Answer(q, now, wish) for q, now, wish in text["answers"]),
        actions=tuple(Action(aid, t, tuple(ids[i] for i in who), owner, due) for aid, t, who, owner, due in text["actions"]),
    )


def main() -> None:
    out = ROOT / "docs" / "assets" / "examples"
    out.mkdir(parents=True, exist_ok=True)
    (out / "voorbeeld.json").write_text(dumps(example("nl")) + "\n", encoding="utf-8")
    (out / "example.json").write_text(dumps(example("en")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
