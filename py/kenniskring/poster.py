"""The poster to print, on A4 or A3: pure HTML from the map, laid out by the print style.

The first page is the map as a square at the page's full height (its scale and name sizes from
``paper.print_plan``), with the title, the question, the legend and what stands out beside it.
Then the reflection and the actions flow over as many pages as they need, each question's heading
kept with its answer; the last part lists every person (name, ring, kind, knowledge), so a name the
map had to shorten is on paper whole. Nothing of the map is ever left out.
"""

from __future__ import annotations

from html import escape

from .i18n import N_, long_date, plural, t
from .labels import QUESTION, voiced
from .layout import picture_layout
from .model import CLOSING_QUESTIONS, REFLECTION_QUESTIONS, NetworkMap, Perspective, View, view_map
from .observations import number, observe, say
from .paper import MIN_PT, Paper, PrintPlan, print_plan
from .render import contact_facts, legend_html, map_title, reading_order, render, shows_desired
from .report import action_meta


def poster_html(m: NetworkMap, lang: str, today: str, view: View, paper: Paper) -> str:
    """The whole poster of ``view`` on ``paper``: the map drawn for it and everything with it."""
    plan = print_plan(m, view, paper)
    svg = render(m, lang, view, prefix="kkp", legend=False, name_sizes=plan.name_sizes)
    return print_html(m, lang, today, svg, view, plan)


def paper_advice(m: NetworkMap, view: View, paper: Paper, lang: str) -> tuple[Paper, str] | None:
    """When the map reads better on A3 than on the chosen A4: A3, and why, in the user's words."""
    if paper is not Paper.A4:
        return None
    here, there = print_plan(m, view, Paper.A4), print_plan(m, view, Paper.A3)
    # A3 is better when it shortens fewer names, or when names on A4 would print under 7 pt.
    if here.readable or not (there.cut < here.cut or (here.smallest_pt < MIN_PT and there.smallest_pt > here.smallest_pt)):
        return None
    if here.smallest_pt < MIN_PT:
        text = t(lang, "paper.advice.small", here=number(here.smallest_pt, lang, 1), there=number(there.smallest_pt, lang, 1))
    elif there.cut == 0:
        text = plural(lang, "paper.advice.all", here.cut)
    else:
        text = plural(lang, "paper.advice.fewer", here.cut, fewer=there.cut)
    return Paper.A3, text


def print_html(m: NetworkMap, lang: str, today: str, svg: str, view: View, plan: PrintPlan) -> str:
    question = t(lang, N_("question.team") if m.perspective is Perspective.TEAM else N_("question.personal"))
    observations = "".join(f"<li>{escape(' '.join(say(o, lang, m.perspective)))}</li>" for o in observe(m, lang))
    cut = f'<p class="kk-poster-cut">{escape(plural(lang, "poster.cut", plan.cut))}</p>'
    first = (
        '<section class="kk-poster-first">'
        f'<div class="kk-poster-map">{svg}</div>'
        '<div class="kk-poster-side">'
        f"<header><h1>{escape(map_title(m, lang))}</h1>"
        f"<p>{escape(question)} · {escape(long_date(today, lang))}</p></header>"
        f"{legend_html(lang, shows_desired(m, view), ghosts=view is View.BOTH)}"
        f"{cut if plan.cut else ''}"
        f"<h2>{escape(t(lang, 'reflect.observations'))}</h2><ul>{observations}</ul>"
        "</div></section>"
    )
    return (
        f'<article class="kk-poster" data-paper="{plan.paper.value}">'
        + first
        + f'<section class="kk-poster-more">{_reflection(m, lang)}{_actions(m, lang)}</section>'
        + _people(m, lang, view)
        + "</article>"
    )


def _reflection(m: NetworkMap, lang: str) -> str:
    answers = []
    for q in REFLECTION_QUESTIONS + CLOSING_QUESTIONS:
        a = m.answer(q)
        if not (a.current or a.desired):
            continue
        parts = "".join(
            f"<p><strong>{escape(t(lang, key))}:</strong> {escape(text)}</p>"
            for key, text in ((N_("reflection.now"), a.current), (N_("reflection.desired"), a.desired))
            if text
        )
        answers.append(
            f'<div class="kk-poster-answer"><h3>{escape(t(lang, voiced(QUESTION[q], m.perspective)))}</h3>{parts}</div>'
        )
    return f"<h2>{escape(t(lang, 'reflect.title'))}</h2>{''.join(answers)}" if answers else ""


def _actions(m: NetworkMap, lang: str) -> str:
    items = []
    for i, action in enumerate(m.actions):
        meta = action_meta(m, i, lang)
        items.append(
            f"<li>{'☑' if action.done else '☐'} <bdi>{escape(action.text)}</bdi>{' — ' + ' · '.join(meta) if meta else ''}</li>"
        )
    if not items:
        return ""
    return f"<h2>{escape(t(lang, 'actions.title'))}</h2><ul class='kk-poster-actions'>{''.join(items)}</ul>"


def _people(m: NetworkMap, lang: str, view: View) -> str:
    """Everyone on the printed map, ring by ring and clockwise as the map reads, in words."""
    shown = view_map(m, view)
    if not shown.contacts:
        return ""
    by_id = shown.contacts_by_id
    rows = "".join(
        f'<tr><th scope="row"><bdi>{escape(by_id[s.contact_id].name)}</bdi></th>'
        + "".join(f"<td>{escape(fact)}</td>" for fact in contact_facts(by_id[s.contact_id], lang))
        + "</tr>"
        for s in reading_order(picture_layout(m, view))
        if s.contact_id in by_id
    )
    head = "".join(f'<th scope="col">{escape(t(lang, key))}</th>' for key in _PEOPLE_COLUMNS)
    return (
        '<section class="kk-poster-people">'
        f"<h2>{escape(t(lang, 'poster.people', people=plural(lang, 'count.people', len(shown.contacts))))}</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


_PEOPLE_COLUMNS = (N_("table.name"), N_("table.ring"), N_("table.kind"), N_("table.knowledge"))
