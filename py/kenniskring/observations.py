"""From measures to words: observations that end in a question, never a verdict or a score.

``observe`` decides *what* to say (keys and values); ``say`` turns that into a sentence in the
user's language. ``compare`` lines up the key figures of now and the desired situation, and
``suggest`` proposes small actions a team can adopt and edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from .analysis import Measures, Summary, measure, summarise
from .i18n import N_, isolate, t
from .labels import KNOWLEDGE, RING, kind_label, voiced
from .model import (
    KNOWLEDGE_FORMS,
    Contact,
    KnowledgeForm,
    NetworkMap,
    PersonKind,
    Perspective,
    Ring,
    View,
    current_map,
    desired_map,
)
from .values import field, frozen

if TYPE_CHECKING:  # for the types only: the page loads them when a comparison or team map is made
    from .changes import Changes

Value = str | int | float | KnowledgeForm | PersonKind | Ring | None
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
    "kind_open",
    "kind_absent_own_team",
    "kind_absent_organisation",
    "kind_absent_outside",
    "kind_single",
    "kind_outer_only",
    "frequency",
    "knowledge_unknown",
    "change_none",
    "change_new",
    "change_gone",
    "change_closer",
    "change_further",
    "change_forms",
    "change_ei",
    "team_single",
    "team_everyone",
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
    "kind_open": (N_("obs.kind_open"), N_("obs.kind_open.q")),
    "kind_absent_own_team": (N_("obs.kind_absent_own_team"), N_("obs.kind_absent_own_team.q")),
    "kind_absent_organisation": (N_("obs.kind_absent_organisation"), N_("obs.kind_absent_organisation.q")),
    "kind_absent_outside": (N_("obs.kind_absent_outside"), N_("obs.kind_absent_outside.q")),
    "kind_single": (N_("obs.kind_single"), N_("obs.kind_single.q")),
    "kind_outer_only": (N_("obs.kind_outer_only"), N_("obs.kind_outer_only.q")),
    "frequency": (N_("obs.frequency"), N_("obs.frequency.q")),
    "knowledge_unknown": (N_("obs.knowledge_unknown"), N_("obs.knowledge_unknown.q")),
    "change_none": (N_("obs.change_none"), N_("obs.change_none.q")),
    "change_new": (N_("obs.change_new"), N_("obs.change_new.q")),
    "change_gone": (N_("obs.change_gone"), N_("obs.change_gone.q")),
    "change_closer": (N_("obs.change_closer"), N_("obs.change_closer.q")),
    "change_further": (N_("obs.change_further"), N_("obs.change_further.q")),
    "change_forms": (N_("obs.change_forms"), N_("obs.change_forms.q")),
    "change_ei": (N_("obs.change_ei"), N_("obs.change_ei.q")),
    "team_single": (N_("obs.team_single"), N_("obs.team_single.q")),
    "team_everyone": (N_("obs.team_everyone"), N_("obs.team_everyone.q")),
}
KIND_ABSENT: dict[PersonKind, ObservationKey] = {
    PersonKind.OWN_TEAM: "kind_absent_own_team",
    PersonKind.ORGANISATION: "kind_absent_organisation",
    PersonKind.OUTSIDE: "kind_absent_outside",
}


@frozen
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
    if isinstance(value, PersonKind) or value is None:
        return t(lang, kind_label(value))
    if isinstance(value, Ring):
        return t(lang, RING[value])
    if isinstance(value, float):
        return number(value, lang)
    return str(value)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def say(obs: Observation, lang: str, perspective: Perspective = Perspective.TEAM) -> tuple[str, str]:
    """The observation and its question, as sentences, in the words of the map's author (a team's
    "jullie" is one person's "je")."""
    # Whole numbers stay numbers: a counted sentence takes its plural form from its ``count``.
    words = {k: v if type(v) is int else _word(v, lang) for k, v in obs.params.items()}
    sentence, question = (voiced(key, perspective) for key in SAYS[obs.key])
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
    if ms.known:
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
    if ms.kind_open:  # said as open, never counted as a default; who is missing cannot be said yet
        found.append(Observation("kind_open", {"missing": len(ms.kind_open), "count": ms.n}))
    for kind in PersonKind:
        people = ms.kind_people[kind]
        if not people and not ms.kind_open:
            found.append(Observation(KIND_ABSENT[kind], {"kind": kind}))
        elif len(people) == 1 and ms.n > 1 and not ms.kind_open:
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
    return found + observe_team(now)


def _bonding_bridging(ms: Measures, lang: str) -> Observation:
    ei = ms.ei_index or 0.0
    leaning: ObservationKey = (
        "bonding_bridging_inside" if ei < -1 / 3 else "bonding_bridging_outside" if ei > 1 / 3 else "bonding_bridging_mixed"
    )
    return Observation(
        leaning,
        {
            "own": ms.own_team,
            "count": ms.known,  # of the people whose kind is chosen: an open one is neither
            "other": ms.known - ms.own_team,
            "own_pct": percent(ms.own_team_share or 0.0, lang),
            "ei": signed(ei, lang) if ei else number(0.0, lang),
        },
    )


@frozen
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
    """The key figures of now next to those of the desired situation."""
    return figure_rows(summarise(m, View.CURRENT), summarise(m, View.DESIRED), lang)


def figure_rows(before: Summary, after: Summary, lang: str) -> list[Figure]:
    """The key figures of two situations side by side, with the difference (now and desired, or
    an earlier moment and a later one)."""
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
        a, b = getattr(before, name), getattr(after, name)
        add(FIGURE_KEYS.get(name, name), a, b, as_percent=shape == "percent", whole=shape == "whole")
    return rows


def observe_changes(changes: Changes) -> list[Observation]:
    """What stands out in the change from one moment to the next, each to be said with a question."""
    found: list[Observation] = []
    if not changes.people_changed:
        found.append(Observation("change_none"))
    if changes.new:
        found.append(Observation("change_new", {"count": len(changes.new)}))
    if changes.gone:
        found.append(Observation("change_gone", {"count": len(changes.gone)}))
    if changes.closer:
        found.append(Observation("change_closer", {"count": len(changes.closer)}))
    if changes.further:
        found.append(Observation("change_further", {"count": len(changes.further)}))
    a, b = changes.before, changes.after
    if a.forms_reached != b.forms_reached:
        found.append(Observation("change_forms", {"before": a.forms_reached, "after": b.forms_reached}))
    if a.ei_index is not None and b.ei_index is not None and round(a.ei_index, 2) != round(b.ei_index, 2):
        found.append(Observation("change_ei", {"before": a.ei_index, "after": b.ei_index}))
    return found


def observe_team(m: NetworkMap) -> list[Observation]:
    """Team-level lines of a team map (one made of members' maps): whose tie to the team hangs on
    one colleague, and whom everyone named."""
    n = len(m.contacts)
    if not m.members or not n:
        return []
    found: list[Observation] = []
    single = len(m.named_by_one)
    if single:
        found.append(Observation("team_single", {"count": single, "n": n}))
    everyone = sum(1 for c in m.contacts if len(c.named_by) == len(m.members))
    if everyone and len(m.members) > 1:
        found.append(Observation("team_everyone", {"count": everyone, "n": n}))
    return found


def describe_changes(changes: Changes, lang: str) -> list[str]:
    """The changes as plain lines, one per kind of change, naming only the people who changed."""

    def names(people: Sequence[Contact]) -> str:
        return ", ".join(isolate(c.name) for c in people)

    lines: list[str] = []
    if changes.new:
        lines.append(t(lang, "change.new", names=names(changes.new)))
    if changes.gone:
        lines.append(t(lang, "change.gone", names=names(changes.gone)))
    for moved in changes.moved:
        key = N_("change.closer") if moved.closer else N_("change.further")
        lines.append(
            t(
                lang,
                key,
                name=isolate(moved.after.name),
                before=_word(moved.before.ring, lang),
                after=_word(moved.after.ring, lang),
            )
        )
    for f in changes.forms:
        if f.gained:
            lines.append(t(lang, "change.gained", name=isolate(f.after.name), forms=_words(f.gained, lang)))
        if f.lost:
            lines.append(t(lang, "change.lost", name=isolate(f.after.name), forms=_words(f.lost, lang)))
    for k in changes.kinds:
        lines.append(
            t(lang, "change.kind", name=isolate(k.after.name), before=_word(k.before.kind, lang), after=_word(k.after.kind, lang))
        )
    if not lines:
        lines.append(t(lang, "change.none"))
    return lines


def describe_actions(changes: Changes, lang: str) -> list[str]:
    """The earlier moment's actions, each with what became of it: "Wat hebben we gedaan?"."""
    return [
        t(
            lang,
            N_("change.action_done") if o.done else N_("change.action_open") if o.kept else N_("change.action_dropped"),
            text=isolate(o.action.text),
        )
        for o in changes.actions
    ]


def _words(values: Sequence[Value], lang: str) -> str:
    return (
        t(lang, "words.and", items=", ".join(_word(v, lang) for v in values[:-1]), last=_word(values[-1], lang))
        if len(values) > 1
        else _word(values[0], lang)
    )


@frozen
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
