"""From measures to words: observations that end in a question, never a verdict or a score.

``observe`` decides *what* to say (keys and values); ``say`` turns that into a sentence in the
user's language. ``compare`` lines up the key figures of now and the desired situation, and
``suggest`` proposes small actions a team can adopt and edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .analysis import Measures, measure, summarise
from .i18n import N_, t
from .labels import KIND, KNOWLEDGE, RING
from .model import KNOWLEDGE_FORMS, Contact, KnowledgeForm, NetworkMap, PersonKind, Ring, View, current_map, desired_map

Value = str | int | float | KnowledgeForm | PersonKind | Ring
ObservationKey = Literal[
    "empty",
    "one_person",
    "bonding_bridging_inside",
    "bonding_bridging_outside",
    "bonding_bridging_mixed",
    "form_absent",
    "form_single_outer",
    "form_single",
    "form_outer_only",
    "form_dominant",
    "kind_absent_own_team",
    "kind_absent_organisation",
    "kind_absent_outside",
    "kind_single",
    "kind_outer_only",
    "frequency",
    "knowledge_unknown",
]

# What each observation says: its sentence and its question.
SAYS: dict[ObservationKey, tuple[str, str]] = {
    "empty": (N_("obs.empty"), N_("obs.empty.q")),
    "one_person": (N_("obs.one_person"), N_("obs.one_person.q")),
    "bonding_bridging_inside": (N_("obs.bonding_bridging_inside"), N_("obs.bonding_bridging_inside.q")),
    "bonding_bridging_outside": (N_("obs.bonding_bridging_outside"), N_("obs.bonding_bridging_outside.q")),
    "bonding_bridging_mixed": (N_("obs.bonding_bridging_mixed"), N_("obs.bonding_bridging_mixed.q")),
    "form_absent": (N_("obs.form_absent"), N_("obs.form_absent.q")),
    "form_single_outer": (N_("obs.form_single_outer"), N_("obs.form_single_outer.q")),
    "form_single": (N_("obs.form_single"), N_("obs.form_single.q")),
    "form_outer_only": (N_("obs.form_outer_only"), N_("obs.form_outer_only.q")),
    "form_dominant": (N_("obs.form_dominant"), N_("obs.form_dominant.q")),
    "kind_absent_own_team": (N_("obs.kind_absent_own_team"), N_("obs.kind_absent_own_team.q")),
    "kind_absent_organisation": (N_("obs.kind_absent_organisation"), N_("obs.kind_absent_organisation.q")),
    "kind_absent_outside": (N_("obs.kind_absent_outside"), N_("obs.kind_absent_outside.q")),
    "kind_single": (N_("obs.kind_single"), N_("obs.kind_single.q")),
    "kind_outer_only": (N_("obs.kind_outer_only"), N_("obs.kind_outer_only.q")),
    "frequency": (N_("obs.frequency"), N_("obs.frequency.q")),
    "knowledge_unknown": (N_("obs.knowledge_unknown"), N_("obs.knowledge_unknown.q")),
}
KIND_ABSENT: dict[PersonKind, ObservationKey] = {
    PersonKind.OWN_TEAM: "kind_absent_own_team",
    PersonKind.ORGANISATION: "kind_absent_organisation",
    PersonKind.OUTSIDE: "kind_absent_outside",
}


@dataclass(frozen=True)
class Observation:
    key: ObservationKey  # SAYS[key]: its sentence and its question
    params: dict[str, Value] = field(default_factory=dict)


def number(value: float, lang: str, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def percent(value: float, lang: str) -> str:
    return f"{round(value * 100)}%"


def signed(value: float, lang: str, digits: int = 2) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "±") + number(abs(value), lang, digits)


def _word(value: Value, lang: str) -> str:
    if isinstance(value, KnowledgeForm):
        return t(lang, KNOWLEDGE[value])
    if isinstance(value, PersonKind):
        return t(lang, KIND[value])
    if isinstance(value, Ring):
        return t(lang, RING[value])
    if isinstance(value, float):
        return number(value, lang)
    return str(value)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def say(obs: Observation, lang: str) -> tuple[str, str]:
    """The observation and its question, as sentences."""
    # Whole numbers stay numbers: a counted sentence takes its plural form from its ``count``.
    words = {k: v if type(v) is int else _word(v, lang) for k, v in obs.params.items()}
    sentence, question = SAYS[obs.key]
    return _capital(t(lang, sentence, **words)), _capital(t(lang, question, **words))


def observe(m: NetworkMap, lang: str) -> list[Observation]:
    """What stands out on the current map, in the order a team would read it."""
    now = current_map(m)
    ms = measure(now)
    names = {c.id: c.name for c in now.contacts}
    if ms.n == 0:
        return [Observation("empty")]
    found: list[Observation] = []
    if ms.n == 1:
        found.append(Observation("one_person", {"name": now.contacts[0].name}))
    found.append(_bonding_bridging(ms, lang))
    for form in KNOWLEDGE_FORMS:
        people = ms.form_people[form]
        if not people:
            found.append(Observation("form_absent", {"form": form}))
        elif len(people) == 1 and form in ms.outer_only_forms:
            found.append(Observation("form_single_outer", {"form": form, "name": names[people[0]]}))
        elif len(people) == 1:
            found.append(Observation("form_single", {"form": form, "name": names[people[0]]}))
        elif form in ms.outer_only_forms:
            found.append(Observation("form_outer_only", {"form": form, "count": len(people)}))
    if ms.mentions >= 2:
        top = max(KNOWLEDGE_FORMS, key=lambda f: ms.form_mentions[f])
        top_share = ms.form_shares[top] or 0.0
        if top_share > 0.5:
            found.append(Observation("form_dominant", {"form": top, "pct": percent(top_share, lang)}))
    for kind in PersonKind:
        people = ms.kind_people[kind]
        if not people:
            found.append(Observation(KIND_ABSENT[kind], {"kind": kind}))
        elif len(people) == 1 and ms.n > 1:
            found.append(Observation("kind_single", {"kind": kind, "name": names[people[0]]}))
        if people and kind in ms.outer_only_kinds and len(people) > 1:
            found.append(Observation("kind_outer_only", {"kind": kind}))
    found.append(
        Observation(
            "frequency",
            {"inner_pct": percent(ms.inner_share or 0.0, lang), "outer_pct": percent(ms.outer_share or 0.0, lang)},
        )
    )
    if ms.without_knowledge:
        found.append(Observation("knowledge_unknown", {"missing": len(ms.without_knowledge), "count": ms.n}))
    return found


def _bonding_bridging(ms: Measures, lang: str) -> Observation:
    ei = ms.ei_index or 0.0
    leaning: ObservationKey = (
        "bonding_bridging_inside" if ei < -1 / 3 else "bonding_bridging_outside" if ei > 1 / 3 else "bonding_bridging_mixed"
    )
    return Observation(
        leaning,
        {
            "own": ms.own_team,
            "count": ms.n,
            "other": ms.n - ms.own_team,
            "own_pct": percent(ms.own_team_share or 0.0, lang),
            "ei": signed(ei, lang) if ei else number(0.0, lang),
        },
    )


@dataclass(frozen=True)
class Figure:
    """One line of the now-versus-desired table."""

    key: str
    now: str
    desired: str
    difference: str


# The figures the page lines up, by the name of the ``Summary`` field each one shows.
FIGURES: tuple[tuple[str, str], ...] = (
    ("people", "whole"),
    ("own_team_share", "percent"),
    ("ei_index", "number"),
    ("kind_iqv", "number"),
    ("form_iqv", "number"),
    ("weekly_share", "percent"),
    ("less_often_share", "percent"),
    ("forms_reached", "whole"),
)
# The page's own names for two of them (their texts are fig.inner_share and fig.outer_share).
FIGURE_KEYS = {"weekly_share": "inner_share", "less_often_share": "outer_share"}
# The words for each line of the table, by ``Figure.key``.
FIGURE_LABEL: dict[str, str] = {
    "people": N_("fig.people"),
    "own_team_share": N_("fig.own_team_share"),
    "ei_index": N_("fig.ei_index"),
    "kind_iqv": N_("fig.kind_iqv"),
    "form_iqv": N_("fig.form_iqv"),
    "inner_share": N_("fig.inner_share"),
    "outer_share": N_("fig.outer_share"),
    "forms_reached": N_("fig.forms_reached"),
}


def compare(m: NetworkMap, lang: str) -> list[Figure]:
    now, wished = summarise(m, View.CURRENT), summarise(m, View.DESIRED)
    rows: list[Figure] = []

    def add(key: str, a: float | None, b: float | None, as_percent: bool = False, whole: bool = False) -> None:
        def show(v: float | None) -> str:
            if v is None:
                return "–"
            if whole:
                return str(int(v))
            return percent(v, lang) if as_percent else number(v, lang)

        if a is None or b is None:
            diff = "–"
        elif whole:
            diff = signed(b - a, lang, 0)
        elif as_percent:
            points = round(b * 100) - round(a * 100)
            diff = t(lang, "fig.points", value=("+" if points > 0 else "−" if points < 0 else "±") + str(abs(points)))
        else:
            diff = signed(b - a, lang)
        rows.append(Figure(key, show(a), show(b), diff))

    for name, shape in FIGURES:
        a, b = getattr(now, name), getattr(wished, name)
        add(FIGURE_KEYS.get(name, name), a, b, as_percent=shape == "percent", whole=shape == "whole")
    return rows


@dataclass(frozen=True)
class Suggestion:
    text: str
    contact_ids: tuple[str, ...] = ()


def suggest(m: NetworkMap, lang: str) -> list[Suggestion]:
    """Small, concrete actions that follow from the map and the desired situation."""
    found: list[Suggestion] = []
    for c in m.wished:
        found.append(Suggestion(t(lang, "suggest.meet_wished", name=c.name), (c.id,)))
    for c in m.current:
        if c.desired_ring is not None and _closer(c):
            found.append(Suggestion(t(lang, "suggest.more_often", name=c.name), (c.id,)))
    desired = measure(desired_map(m))
    for form in desired.absent_forms:
        found.append(Suggestion(t(lang, "suggest.find_form", form=t(lang, KNOWLEDGE[form]))))
    if not desired.kind_people[PersonKind.OUTSIDE]:
        found.append(Suggestion(t(lang, "suggest.involve_outside")))
    if not desired.kind_people[PersonKind.ORGANISATION]:
        found.append(Suggestion(t(lang, "suggest.involve_organisation")))
    now = measure(current_map(m))
    by_id = {c.id: c for c in m.contacts}
    for form in now.single_source_forms:
        person = by_id[now.form_people[form][0]]
        found.append(Suggestion(t(lang, "suggest.share_single", name=person.name, form=t(lang, KNOWLEDGE[form])), (person.id,)))
    taken = {a.text for a in m.actions}
    return [s for s in found if s.text not in taken]


def _closer(c: Contact) -> bool:
    order = list(Ring)
    return c.desired_ring is not None and order.index(c.desired_ring) < order.index(c.ring)
