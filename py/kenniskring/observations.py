"""From measures to words: observations that end in a question, never a verdict or a score.

``observe`` decides *what* to say (keys and values); ``say`` turns that into a sentence in the
user's language. ``compare`` lines up the key figures of now and the desired situation, and
``suggest`` proposes small actions a team can adopt and edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .analysis import Measures, Summary, measure, summarise
from .i18n import has, isolate, t
from .model import KNOWLEDGE_FORMS, Contact, KnowledgeForm, NetworkMap, PersonKind, Ring, View, current_map, desired_map

if TYPE_CHECKING:  # for the types only: the page loads them when a comparison or team map is made
    from .changes import Changes

Value = str | int | float | KnowledgeForm | PersonKind | Ring


@dataclass(frozen=True)
class Observation:
    key: str  # obs.<key> is the sentence, obs.<key>.q the question
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
        return t(lang, f"knowledge.{value.value}")
    if isinstance(value, PersonKind):
        return t(lang, f"kind.{value.value}")
    if isinstance(value, Ring):
        return t(lang, f"ring.{value.value}")
    if isinstance(value, float):
        return number(value, lang)
    return str(value)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def say(obs: Observation, lang: str) -> tuple[str, str]:
    """The observation and its question, as sentences."""
    words = {k: _word(v, lang) for k, v in obs.params.items()}
    sentence = f"obs.{obs.key}.one" if obs.params.get("count") == 1 and has(lang, f"obs.{obs.key}.one") else f"obs.{obs.key}"
    return _capital(t(lang, sentence, **words)), _capital(t(lang, f"obs.{obs.key}.q", **words))


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
            found.append(Observation(f"kind_absent_{kind.value}", {"kind": kind}))
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
        found.append(Observation("knowledge_unknown", {"count": len(ms.without_knowledge), "n": ms.n}))
    return found + observe_team(now)


def _bonding_bridging(ms: Measures, lang: str) -> Observation:
    ei = ms.ei_index or 0.0
    leaning = "inside" if ei < -1 / 3 else "outside" if ei > 1 / 3 else "mixed"
    return Observation(
        f"bonding_bridging_{leaning}",
        {
            "own": ms.own_team,
            "n": ms.n,
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
        key = "change.closer" if moved.closer else "change.further"
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
            "change.action_done" if o.done else "change.action_open" if o.kept else "change.action_dropped",
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
        found.append(Suggestion(t(lang, "suggest.find_form", form=t(lang, f"knowledge.{form.value}"))))
    if not desired.kind_people[PersonKind.OUTSIDE]:
        found.append(Suggestion(t(lang, "suggest.involve_outside")))
    if not desired.kind_people[PersonKind.ORGANISATION]:
        found.append(Suggestion(t(lang, "suggest.involve_organisation")))
    now = measure(current_map(m))
    by_id = {c.id: c for c in m.contacts}
    for form in now.single_source_forms:
        person = by_id[now.form_people[form][0]]
        found.append(
            Suggestion(t(lang, "suggest.share_single", name=person.name, form=t(lang, f"knowledge.{form.value}")), (person.id,))
        )
    taken = {a.text for a in m.actions}
    return [s for s in found if s.text not in taken]


def _closer(c: Contact) -> bool:
    order = list(Ring)
    return c.desired_ring is not None and order.index(c.desired_ring) < order.index(c.ring)
