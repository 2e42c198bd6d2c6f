"""The "then and now" page to print (A4 or A3, landscape): what changed between two moments of a
map, for the wall next to the poster of one map.

Pure string building, like ``report``: the picture of what changed (``changepicture``), who changed
in words, the figures side by side with the difference, the observations of the change (each with
its question) and the actions of the earlier moment, done or not ("Wat hebben we gedaan?"). Its
own class (``kk-then-now``) and its own block in the stylesheet, apart from the one-map poster.
"""

from __future__ import annotations

from html import escape

from .changes import Changes
from .i18n import long_date, t
from .labels import voiced
from .model import NetworkMap
from .observations import describe_actions, describe_changes, figure_rows, observe_changes
from .render import map_title
from .report import _bdi, _figures_table, _observation_list


def then_and_now_html(
    after: NetworkMap, changes: Changes, lang: str, before_label: str, after_label: str, today: str, picture: str
) -> str:
    """The printable page; ``picture`` is the SVG of ``changepicture.change_picture`` (markup, put in as it is)."""
    sub = t(lang, "thennow.sub", before=before_label, after=after_label, date=long_date(today, lang))
    lines = "".join(f"<li>{_bdi(line)}</li>" for line in describe_changes(changes, lang))
    columns = (t(lang, "fig.measure"), before_label, after_label, t(lang, "fig.difference"))
    figures = _figures_table(
        t(lang, "compare.figures", before=before_label, after=after_label),
        columns,
        figure_rows(changes.before, changes.after, lang),
        lang,
    )
    done = "".join(f"<li>{_bdi(line)}</li>" for line in describe_actions(changes, lang))
    return (
        '<article class="kk-then-now">'
        f"<header><h1>{escape(t(lang, 'thennow.title', title=map_title(after, lang)))}</h1><p>{escape(sub)}</p></header>"
        f'<div class="kk-then-now-picture">{picture}</div>'
        '<div class="kk-then-now-text">'
        f'<h2>{escape(t(lang, "compare.who"))}</h2><ul class="kk-changes">{lines}</ul>'
        f"{figures}"
        f"<h2>{escape(t(lang, 'reflect.observations'))}</h2>{_observation_list(observe_changes(changes), lang, changes.perspective)}"
        + (
            f'<h2>{escape(t(lang, voiced("change.actions", changes.perspective)))}</h2><ul class="kk-changes">{done}</ul>'
            if done
            else ""
        )
        + "</div></article>"
    )
