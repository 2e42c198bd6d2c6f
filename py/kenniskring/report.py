"""HTML fragments the page shows after each edit: observations, figures, suggestions, actions and
the printable poster. Pure string building from the core's results; every text is escaped here,
so the shell may put these fragments into the page as they are.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from html import escape
from typing import TYPE_CHECKING

from .analysis import KINDS, measure
from .forms import KIND_CHOICES, kind_choice_value
from .i18n import N_, long_date, plural, t
from .labels import KIND, KIND_OPEN, KNOWLEDGE, KNOWLEDGE_LETTER, RING, ROLE, kind_label, voiced
from .library import Entry, Index
from .model import (
    KNOWLEDGE_FORMS,
    RINGS,
    Contact,
    Moment,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Perspective,
    current_map,
)
from .observations import (
    FIGURE_LABEL,
    Figure,
    Observation,
    compare,
    describe_actions,
    describe_changes,
    figure_rows,
    observe,
    observe_changes,
    say,
    suggest,
)
from .render import contact_facts

if TYPE_CHECKING:
    from .changes import Changes


def observations_html(m: NetworkMap, lang: str) -> str:
    return _observation_list(observe(m, lang), lang, m.perspective)


def _observation_list(found: Sequence[Observation], lang: str, perspective: Perspective) -> str:
    """Observations as the page lists them: each sentence with its question under it."""
    items = "".join(
        f'<li><p>{escape(sentence)}</p><p class="kk-question">{escape(question)}</p></li>'
        for sentence, question in (say(o, lang, perspective) for o in found)
    )
    return f'<ul class="kk-observations">{items}</ul>'


# Where on the measures page each figure is explained (the headings' ids, the same in both languages).
FIGURE_SECTIONS = {
    "people": "tabel",
    "own_team_share": "bonding-bridging",
    "ei_index": "bonding-bridging",
    "kind_iqv": "spreiding",
    "form_iqv": "spreiding",
    "inner_share": "banden",
    "outer_share": "banden",
    "forms_reached": "bereik",
}


def figures_html(m: NetworkMap, lang: str, measures_url: str = "") -> str:
    """The figures of now and desired; with ``measures_url`` each figure's name links to its explanation."""
    columns = (t(lang, "fig.measure"), t(lang, "fig.now"), t(lang, "fig.desired"), t(lang, "fig.difference"))
    return _figures_table(t(lang, "fig.caption"), columns, compare(m, lang), lang, measures_url)


def _figures_table(caption: str, columns: Sequence[str], figures: Sequence[Figure], lang: str, measures_url: str = "") -> str:
    """Figures of two situations side by side, with the difference; the names link to the measures
    page when there is one."""

    def name(key: str) -> str:
        text = escape(t(lang, FIGURE_LABEL[key]))
        return f'<a href="{escape(measures_url)}#{FIGURE_SECTIONS[key]}">{text}</a>' if measures_url else text

    head = "".join(f'<th scope="col">{escape(text)}</th>' for text in columns)
    rows = "".join(
        f'<tr><th scope="row">{name(f.key)}</th><td>{escape(f.now)}</td>'
        f"<td>{escape(f.desired)}</td><td>{escape(f.difference)}</td></tr>"
        for f in figures
    )
    return f'<table class="kk-figures"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def composition_html(m: NetworkMap, lang: str) -> str:
    """People per ring and kind, with how often each knowledge form is brought (letters, not colour)."""
    ms = measure(current_map(m))
    head = "".join(f'<th scope="col">{escape(t(lang, KIND[k]))}</th>' for k in KINDS)
    if ms.kind_open:  # people nobody has said who they are yet: a column of their own, never a default
        head += f'<th scope="col">{escape(t(lang, KIND_OPEN))}</th>'
    body = []
    for ring in RINGS:
        cells = []
        for kind in KINDS:
            count = ms.people[ring][kind]
            forms = ", ".join(f"{t(lang, KNOWLEDGE_LETTER[f])} {n}" for f, n in ms.knowledge[ring][kind].items() if n)
            cells.append(f"<td>{count}{escape(f' ({forms})') if forms else ''}</td>")
        if ms.kind_open:
            cells.append(f"<td>{ms.ring_counts[ring] - sum(ms.people[ring].values())}</td>")
        body.append(f'<tr><th scope="row">{escape(t(lang, RING[ring]))}</th>{"".join(cells)}</tr>')
    caption = escape(t(lang, "fig.composition"))
    return (
        f'<table class="kk-figures"><caption>{caption}</caption><thead><tr><td></td>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def suggestions_html(m: NetworkMap, lang: str) -> str:
    found = suggest(m, lang)
    if not found:
        return f'<p class="kk-hint">{escape(t(lang, "actions.no_suggestions"))}</p>'
    items = "".join(
        f'<li><span>{escape(s.text)}</span> <button type="button" class="md-button kk-small" data-adopt="{i}" '
        f'aria-label="{escape(t(lang, "actions.adopt.label", text=s.text))}">{escape(t(lang, "actions.adopt"))}</button></li>'
        for i, s in enumerate(found)
    )
    return f'<ul class="kk-suggestions">{items}</ul>'


def _filled(lang: str, key: str, name: str, value: str) -> str:
    """The sentence ``key`` as HTML, with ``value`` (HTML already) where its ``{name}`` is."""
    return escape(t(lang, key, **{name: "\x00"})).replace("\x00", value)


def action_meta(m: NetworkMap, index: int, lang: str) -> list[str]:
    """With whom, by whom and by when, as HTML; names and owner in ``<bdi>``, isolated for text direction."""
    a = m.actions[index]
    people = m.contacts_by_id
    names = [f"<bdi>{escape(people[i].name)}</bdi>" for i in a.contact_ids if i in people]
    meta = []
    if names:
        meta.append(_filled(lang, N_("actions.meta.people"), "names", ", ".join(names)))
    if a.owner:
        meta.append(_filled(lang, N_("actions.meta.owner"), "owner", f"<bdi>{escape(a.owner)}</bdi>"))
    if a.due:
        meta.append(escape(t(lang, "actions.meta.due", date=long_date(a.due, lang))))
    return meta


def actions_html(m: NetworkMap, lang: str) -> str:
    if not m.actions:
        return f'<p class="kk-hint">{escape(t(lang, "actions.none"))}</p>'
    items = []
    for i, a in enumerate(m.actions):
        meta = " · ".join(action_meta(m, i, lang))
        aid = escape(a.id)
        items.append(
            f'<li class="kk-action{" kk-done" if a.done else ""}">'
            f'<label class="kk-choice"><input type="checkbox" data-done="{aid}"{" checked" if a.done else ""}> '
            f'<span class="kk-visually-hidden">{escape(t(lang, "actions.done"))}: </span><bdi>{escape(a.text)}</bdi></label>'
            f"{f'<p class=kk-hint>{meta}</p>' if meta else ''}"
            f'<button type="button" class="md-button kk-small" data-edit-action="{aid}" '
            f'aria-label="{escape(t(lang, "actions.edit.label", text=a.text))}">{escape(t(lang, "list.edit"))}</button> '
            f'<button type="button" class="md-button kk-small kk-danger" data-remove-action="{aid}" '
            f'aria-label="{escape(t(lang, "actions.remove.label", text=a.text))}">{escape(t(lang, "form.delete"))}</button>'
            "</li>"
        )
    return f'<ul class="kk-actions">{"".join(items)}</ul>'


def contact_rows_html(m: NetworkMap, lang: str) -> str:
    """The rows of the table under the map: each person's ring, kind and knowledge in words, and a
    button to edit them (the table says what the map shows by colour and shape). On a team map the
    name says who named the person."""
    return "".join(row for _, row in contact_rows(m, lang))


def contact_rows(m: NetworkMap, lang: str) -> tuple[tuple[str, str], ...]:
    """The same rows, each with the person's id: the page patches the table with them (``keyed``)."""
    return tuple((c.id, _contact_row(c, lang, m.members)) for c in m.contacts)


@functools.lru_cache(maxsize=2048)
def _contact_row(c: Contact, lang: str, members: tuple[str, ...]) -> str:
    """One person's row, kept: after an edit the table is made again from the kept rows of everyone
    who did not change (a person is a frozen value): 0.4 ms instead of 6 ms for 1,000 people."""
    named = ""
    if members:
        who = ", ".join(members[i] for i in c.named_by if i < len(members))
        text = t(lang, "team.named_by", count=len(c.named_by), total=len(members), members=who)
        named = f'<br><span class="kk-hint">{escape(text)}</span>'
    facts = "".join(f"<td>{escape(fact)}</td>" for fact in contact_facts(c, lang))
    return (
        f'<tr><th scope="row">{escape(c.name)}{named}</th>{facts}'
        f'<td><button type="button" class="md-button kk-small" data-id="{escape(c.id)}" '
        f'aria-label="{escape(t(lang, "list.edit.label", name=c.name))}">{escape(t(lang, "list.edit"))}</button></td></tr>'
    )


def team_maps_html(entries: Sequence[Entry], lang: str, chosen: Collection[str]) -> str:
    """The maps of this browser to make a team map of, each with a box to tick."""
    return "".join(
        f'<label class="kk-choice"><input type="checkbox" name="kk-team-map" value="{escape(e.id)}"'
        f"{' checked' if e.id in chosen else ''}> <bdi>{escape(map_label(e.title, lang))}</bdi></label>"
        for e in entries
    )


def team_check_html(changes: Sequence[str], doubts: Sequence[tuple[str, str]], lang: str) -> str:
    """What to settle before a team map is made: maps of different changes, names that look alike."""
    html = ""
    if changes:
        listed = ", ".join(f"‘{c}’" for c in changes)
        html += (
            f'<p class="kk-error">{escape(t(lang, "team.mixed", changes=listed))}</p>'
            f'<label class="kk-choice"><input type="checkbox" id="kk-team-mixed"> {escape(t(lang, "team.mixed.ok"))}</label>'
        )
    if doubts:
        boxes = "".join(
            f'<label class="kk-choice"><input type="checkbox" name="kk-team-doubt" value="{i}"> '
            f"{escape(t(lang, 'team.doubt', first=a, second=b))}</label>"
            for i, (a, b) in enumerate(doubts)
        )
        html += f'<fieldset class="kk-group"><legend>{escape(t(lang, "team.doubts"))}</legend>{boxes}</fieldset>'
    return html


def people_choices_html(m: NetworkMap, lang: str, chosen: tuple[str, ...] = ()) -> str:
    if not m.contacts:
        return f'<p class="kk-hint">{escape(t(lang, "list.empty"))}</p>'
    return "".join(
        f'<label class="kk-choice"><input type="checkbox" name="kk-action-person" value="{escape(c.id)}"'
        f"{' checked' if c.id in chosen else ''}> <bdi>{escape(c.name)}</bdi>"
        f"{escape(' (' + t(lang, 'map.wished') + ')') if c.wished else ''}</label>"
        for c in m.contacts
    )


def changes_html(changes: Changes, lang: str, before: str, after: str) -> str:
    """What changed from the moment ``before`` to ``after`` (their labels): who is new, gone or
    moved, the figures side by side, what stands out (each with its question), and what became of
    the earlier actions ("Wat hebben we gedaan?")."""
    voice = changes.perspective
    lines = "".join(f"<li>{_bdi(line)}</li>" for line in describe_changes(changes, lang))
    columns = (t(lang, "fig.measure"), before, after, t(lang, "fig.difference"))
    figures = figure_rows(changes.before, changes.after, lang)
    html = (
        f'<h3>{escape(t(lang, "compare.who"))}</h3><ul class="kk-changes">{lines}</ul>'
        + _figures_table(t(lang, "compare.figures", before=before, after=after), columns, figures, lang)
        + f"<h3>{escape(t(lang, 'reflect.observations'))}</h3>{_observation_list(observe_changes(changes), lang, voice)}"
    )
    if changes.actions:
        done = "".join(f"<li>{_bdi(line)}</li>" for line in describe_actions(changes, lang))
        html += f'<h3>{escape(t(lang, voiced("change.actions", voice)))}</h3><ul class="kk-changes">{done}</ul>'
    return html


NOW = "now"  # the value of "the map as it is now" among the moments to compare


def moment_title(x: Moment, lang: str) -> str:
    """A moment as the page names it: its label and day ("Start, 1 juni 2026"), or the day alone."""
    day = long_date(x.taken[:10], lang)
    return t(lang, "moments.named", label=x.label, date=day) if x.label else day


def moments_html(m: NetworkMap, lang: str) -> str:
    """The moments recorded of the map, newest first, each to look at (compared with now) or remove."""
    if not m.moments:
        return f'<p class="kk-hint">{escape(t(lang, "moments.none"))}</p>'
    items = []
    for x in reversed(m.moments):
        title = moment_title(x, lang)
        mid = escape(x.id)
        people = plural(lang, "count.people", len(x.map.contacts))
        items.append(
            f"<li><strong><bdi>{escape(title)}</bdi></strong> <span class='kk-hint'>{escape(people)}</span> "
            f'<button type="button" class="md-button kk-small" data-compare-moment="{mid}" '
            f'aria-label="{escape(t(lang, "moments.with_now.label", title=title))}">{escape(t(lang, "moments.with_now"))}</button> '
            f'<button type="button" class="md-button kk-small kk-danger" data-remove-moment="{mid}" '
            f'aria-label="{escape(t(lang, "moments.remove.label", title=title))}">{escape(t(lang, "form.delete"))}</button></li>'
        )
    return f'<ul class="kk-maplist">{"".join(items)}</ul>'


def compare_options_html(m: NetworkMap, lang: str, chosen: str) -> str:
    """The choices for one side of a comparison: every moment, oldest first, and the map now."""
    options = [(x.id, moment_title(x, lang)) for x in m.moments] + [(NOW, t(lang, "moments.now"))]
    return "".join(
        f'<option value="{escape(value)}"{" selected" if value == chosen else ""}>{escape(text)}</option>'
        for value, text in options
    )


def _bdi(line: str) -> str:
    """A line whose user text is isolated (FSI … PDI, from ``i18n.isolate``) as HTML: each in ``<bdi>``."""
    return escape(line).replace("\u2068", "<bdi>").replace("\u2069", "</bdi>")


def map_label(title: str, lang: str) -> str:
    """How a map is named in the list, in messages and in a copy's title: its change, or "untitled"."""
    return title.strip() or t(lang, "maps.untitled")


def maps_html(index: Index, current: str, lang: str, set_aside: list[str]) -> str:
    """The maps kept in this browser, newest change first, with what can be done to each."""
    items = []
    for entry in sorted(index.entries, key=lambda e: e.updated, reverse=True):
        title = map_label(entry.title, lang)
        mid = escape(entry.id)
        facts = [plural(lang, "count.people", entry.people)] if entry.people >= 0 else []
        if entry.updated:
            facts.append(t(lang, "maps.updated", date=long_date(entry.updated[:10], lang)))
        if entry.moments:
            facts.append(plural(lang, "maps.moments", entry.moments))
        if entry.next_look:
            facts.append(t(lang, "maps.next_look", date=long_date(entry.next_look, lang)))
        when = escape(" · ".join(facts))
        is_current = entry.id == current
        marker = ' aria-current="true"' if is_current else ""
        open_button = (
            f'<span class="kk-hint">{escape(t(lang, "maps.is_open"))}</span>'
            if is_current
            else f'<button type="button" class="md-button kk-small" data-open-map="{mid}" '
            f'aria-label="{escape(t(lang, "maps.open.label", title=title))}">{escape(t(lang, "maps.open"))}</button>'
        )
        items.append(
            f"<li{marker}><strong>{escape(title)}</strong> "
            f'<span class="kk-hint">{when}</span> {open_button} '
            f'<button type="button" class="md-button kk-small" data-duplicate-map="{mid}" '
            f'aria-label="{escape(t(lang, "maps.duplicate.label", title=title))}">{escape(t(lang, "maps.duplicate"))}</button> '
            f'<button type="button" class="md-button kk-small kk-danger" data-delete-map="{mid}" '
            f'aria-label="{escape(t(lang, "maps.delete.label", title=title))}">{escape(t(lang, "form.delete"))}</button></li>'
        )
    html = f'<ul class="kk-maplist">{"".join(items)}</ul>'
    if set_aside:
        rows = "".join(
            f'<li><span>{escape(key)}</span> <button type="button" class="md-button kk-small" data-raw="{escape(key)}" '
            f'aria-label="{escape(t(lang, "maps.raw.label", key=key))}">{escape(t(lang, "maps.raw"))}</button></li>'
            for key in set_aside
        )
        html += f'<h3>{escape(t(lang, "maps.aside"))}</h3><p class="kk-hint">{escape(t(lang, "maps.aside.hint"))}</p><ul class="kk-maplist">{rows}</ul>'
    return html


def kinds_pass_html(m: NetworkMap, lang: str) -> str:
    """Step 3, a pass over the people: for each, one list to say who they are (kind and role in one),
    "nog niet gekozen" until someone chooses."""
    if not m.contacts:
        return f'<p class="kk-hint">{escape(t(lang, "list.empty"))}</p>'
    rows = "".join(_kind_row(c, lang) for c in m.contacts)
    head = f'<tr><th scope="col">{escape(t(lang, "table.name"))}</th><th scope="col">{escape(t(lang, "table.kind"))}</th></tr>'
    caption = f'<caption class="kk-visually-hidden">{escape(t(lang, "pass.kinds.caption"))}</caption>'
    return f'<table class="kk-table kk-pass">{caption}<thead>{head}</thead><tbody>{rows}</tbody></table>'


@functools.lru_cache(maxsize=2048)
def _kind_row(c: Contact, lang: str) -> str:
    chosen = kind_choice_value(c.kind, c.role)
    options = "".join(
        f'<option value="{value}"{" selected" if value == chosen else ""}>{escape(_kind_choice_text(kind, role, lang))}</option>'
        for kind, role in KIND_CHOICES
        for value in (kind_choice_value(kind, role),)
    )
    label = escape(t(lang, "pass.kinds.label", name=c.name))
    return (
        f'<tr><th scope="row"><bdi>{escape(c.name)}</bdi></th>'
        f'<td><select class="kk-pass-kind" data-id="{escape(c.id)}" aria-label="{label}">{options}</select></td></tr>'
    )


def _kind_choice_text(kind: PersonKind | None, role: OutsideRole | None, lang: str) -> str:
    if role is not None:
        return t(lang, "pass.kinds.outside_role", role=t(lang, ROLE[role]))
    return t(lang, kind_label(kind))


def knowledge_pass_html(m: NetworkMap, lang: str) -> str:
    """Step 4, a pass over the people: a grid of boxes, one row per person, one column per form."""
    if not m.contacts:
        return f'<p class="kk-hint">{escape(t(lang, "list.empty"))}</p>'
    # A column per form under its letter (the names are in the key above the grid and in each box's label).
    head = "".join(
        f'<th scope="col"><span class="kk-chip kk-chip-{f.value}" aria-hidden="true">{escape(t(lang, KNOWLEDGE_LETTER[f]))}</span>'
        f'<span class="kk-visually-hidden">{escape(t(lang, KNOWLEDGE[f]))}</span></th>'
        for f in KNOWLEDGE_FORMS
    )
    key = " ".join(
        f'<span class="kk-nowrap"><span class="kk-chip kk-chip-{f.value}">{escape(t(lang, KNOWLEDGE_LETTER[f]))}</span> '
        f"{escape(t(lang, KNOWLEDGE[f]))}</span>"
        for f in KNOWLEDGE_FORMS
    )
    rows = "".join(_knowledge_row(c, lang) for c in m.contacts)
    caption = f'<caption class="kk-visually-hidden">{escape(t(lang, "pass.knowledge.caption"))}</caption>'
    return (
        f'<p class="kk-hint kk-pass-key" aria-hidden="true">{key}</p>'
        f'<table class="kk-table kk-pass">{caption}<thead><tr><th scope="col">{escape(t(lang, "table.name"))}</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


@functools.lru_cache(maxsize=2048)
def _knowledge_row(c: Contact, lang: str) -> str:
    boxes = "".join(
        f'<td><input type="checkbox" class="kk-pass-form" data-id="{escape(c.id)}" value="{f.value}"'
        f"{' checked' if f in c.knowledge else ''} "
        f'aria-label="{escape(t(lang, "pass.knowledge.label", name=c.name, form=t(lang, KNOWLEDGE[f])))}"></td>'
        for f in KNOWLEDGE_FORMS
    )
    return f'<tr><th scope="row"><bdi>{escape(c.name)}</bdi></th>{boxes}</tr>'
