"""One picture of what changed between two moments: who is new, who is gone, who moved closer or
further, and which knowledge a person brings now that they did not (and the reverse).

A pure function, like ``render``: two maps and a language in, SVG text out. Everyone of both
moments is on the rings once: where they are now, or, when gone, where they were. A person who
moved gets an arrow from the ring of then to their note in the ring of now. Every change has a
mark that is not colour alone: a "+" or "−" badge ("~": seen as another kind of person), a dashed
outline for the gone, an arrow for a move, "+W" / "−E" on the knowledge chips; who did not change
is drawn pale, with no mark at all.
The legend says what each mark means; each note's ``<title>`` holds the whole name and the change
in words. The geometry (rings that grow with the people in them, a spot per person) is
``layout``'s, so this picture and the map look alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

from .changes import Changes, compare
from .i18n import N_, isolate, t
from .labels import KNOWLEDGE, KNOWLEDGE_LETTER, RING, kind_label
from .layout import NODE_H, NODE_W, Layout, layout
from .model import KNOWLEDGE_FORMS, Contact, KnowledgeForm, NetworkMap, Perspective, Ring
from .render import (
    CENTRE_FILL,
    FONT,
    INK,
    KNOWLEDGE_COLOUR,
    POSTIT_EDGE,
    POSTIT_FILL,
    RING_FILL,
    RING_LINE,
    fit_note_name,
    name_text,
)
from .svglib import Desc, Group, Title, svgwrite
from .values import frozen, replace

PAD = 16
LEGEND_LINE = 24
LEGEND_WIDTH = 640  # what the legend's longest line takes at scale 1
CHIP_W = 26
CHIP_STEP = 29
BADGE_R = 10
CENTRE_R = 46
MUTED = "#5b6670"  # unchanged: pale note, text still readable (contrast over 4.5:1 on its fill)
MUTED_FILL = "#f7f9fa"
MUTED_EDGE = "#b4bec7"
NEW_BADGE = "#1d6b3a"
GONE_BADGE = "#9b2226"
KIND_BADGE = INK
BADGE_COLOUR = {"+": NEW_BADGE, "−": GONE_BADGE, "~": KIND_BADGE}
ARROW = "#1d4f5c"
GONE_KEY = "gone:"  # a gone person's spot on the picture, apart from any id of now


class Mark(StrEnum):
    """What can be said of a person between two moments (a person can carry several)."""

    NEW = "new"
    GONE = "gone"
    CLOSER = "closer"
    FURTHER = "further"
    GAINED = "gained"
    LOST = "lost"
    KIND = "kind"


@frozen
class Person:
    """One note on the picture: the person as now (or as last seen), and how they were before."""

    key: str  # their spot on the picture
    now: Contact
    before: Contact | None
    marks: tuple[Mark, ...]
    gained: tuple[KnowledgeForm, ...] = ()
    lost: tuple[KnowledgeForm, ...] = ()


def people(changes: Changes, after: NetworkMap) -> tuple[Person, ...]:
    """Everyone of now, in the map's order, with what changed for them; then the gone."""
    moved = {m.after.id: m for m in changes.moved}
    forms = {f.after.id: f for f in changes.forms}
    kinds = {k.after.id: k for k in changes.kinds}
    new = {c.id for c in changes.new}
    before = {m.after.id: m.before for m in changes.moved} | {f.after.id: f.before for f in changes.forms}
    before |= {k.after.id: k.before for k in changes.kinds}
    out: list[Person] = []
    for c in after.current:
        marks: list[Mark] = []
        if c.id in new:
            marks.append(Mark.NEW)
        if c.id in moved:
            marks.append(Mark.CLOSER if moved[c.id].closer else Mark.FURTHER)
        change = forms.get(c.id)
        if change is not None:
            marks += [Mark.GAINED] if change.gained else []
            marks += [Mark.LOST] if change.lost else []
        if c.id in kinds:
            marks.append(Mark.KIND)
        out.append(
            Person(
                c.id,
                c,
                before.get(c.id),
                tuple(marks),
                change.gained if change else (),
                change.lost if change else (),
            )
        )
    out += [Person(f"{GONE_KEY}{i}", c, c, (Mark.GONE,)) for i, c in enumerate(changes.gone)]
    return tuple(out)


def change_picture(
    before: NetworkMap,
    after: NetworkMap,
    lang: str,
    before_label: str = "",
    after_label: str = "",
    prefix: str = "kkc",
    standalone: bool = False,
) -> str:
    """What changed from ``before`` to ``after`` as one SVG document (text). The labels name the two
    moments in the title; ``prefix`` keeps ids unique on a page; ``standalone`` gives the drawing a
    size of its own (a downloaded file) instead of filling its box."""
    changes = compare(before, after)
    shown = people(changes, after)
    placed = NetworkMap(after.change, after.perspective, tuple(replace(p.now, id=p.key, desired_ring=None) for p in shown))
    g = layout(placed)
    r = g.radius
    width = 2 * (r + PAD)
    # The legend grows with the picture, so that it stays as readable as the notes when the whole is
    # shown small (a picture of many people in a narrow panel).
    scale = max(1.0, width / LEGEND_WIDTH)
    height = width + (LEGEND_LINE * 9 + PAD) * scale
    size = (f"{width:.0f}", f"{height:.0f}") if standalone else ("100%", "100%")
    dwg = svgwrite.Drawing(size=size, debug=False)
    dwg.viewbox(-(r + PAD), -(r + PAD), width, height)
    dwg.attribs.update(
        {"role": "img", "aria-labelledby": f"{prefix}-title {prefix}-desc", "font-family": FONT, "class": "kk-change-picture"}
    )
    title = t(lang, "picture.title", before=before_label, after=after_label) if before_label else t(lang, "picture.title.plain")
    dwg.add(_with_id(Title(title), f"{prefix}-title"))
    dwg.add(_with_id(Desc(_description(changes, lang)), f"{prefix}-desc"))
    _marker(dwg, prefix)
    _rings(dwg, g, lang, prefix)
    _centre(dwg, after, lang)
    arrows = dwg.g(class_="kk-moves")
    notes = dwg.g(class_="kk-people")
    for p in shown:
        spot = g.spot(p.key)
        if spot is None:
            continue
        if p.before is not None and p.before.ring is not p.now.ring and Mark.GONE not in p.marks:
            _arrow(dwg, arrows, g, p, spot.x, spot.y, lang, prefix)
        notes.add(_note(dwg, p, spot.x, spot.y, lang))
    dwg.add(notes)
    dwg.add(arrows)  # on top, with a halo, so a head shows where it meets a note
    if not shown:
        dwg.add(dwg.text(t(lang, "map.empty"), insert=(0, CENTRE_R + 40), font_size=14, fill=INK, text_anchor="middle"))
    _legend(dwg, -(r + PAD) + PAD, r + PAD + 4, scale, lang, prefix)
    return str(dwg.tostring())


def _with_id(element: Title, element_id: str) -> Title:
    element.xml.set("id", element_id)
    return element


def _description(changes: Changes, lang: str) -> str:
    counts = {
        "new": len(changes.new),
        "gone": len(changes.gone),
        "moved": len(changes.moved),
        "forms": len(changes.forms),
    }
    return t(lang, "picture.desc", **counts)


def _marker(dwg: svgwrite.Drawing, prefix: str) -> None:
    marker = dwg.marker(insert=(8, 5), size=(4, 4), orient="auto", id=f"{prefix}-arrow", markerUnits="strokeWidth")
    marker.viewbox(0, 0, 10, 10)
    marker.add(dwg.path(d="M 0 0 L 10 5 L 0 10 z", fill=ARROW))
    dwg.defs.add(marker)


def _rings(dwg: svgwrite.Drawing, g: Layout, lang: str, prefix: str) -> None:
    rings = dwg.add(dwg.g(class_="kk-rings"))
    for band, fill in reversed(list(zip(g.bands, RING_FILL, strict=True))):
        rings.add(
            dwg.circle((0, 0), band.outer, fill=fill, stroke=RING_LINE, stroke_width=1.5, class_=f"kk-ring-{band.ring.value}")
        )
    for band, fill in zip(g.bands, RING_FILL, strict=True):
        rr = band.inner + 4
        a1, a2 = math.radians(-160), math.radians(-20)
        pid = f"{prefix}-ring-path-{band.ring.value}"
        path = f"M {rr * math.cos(a1):.1f} {rr * math.sin(a1):.1f} A {rr:.1f} {rr:.1f} 0 0 1 {rr * math.cos(a2):.1f} {rr * math.sin(a2):.1f}"
        rings.add(dwg.path(d=path, id=pid, fill="none", stroke="none"))
        label = dwg.text("", font_size=12, font_weight="bold", fill=INK, stroke=fill, stroke_width=4, paint_order="stroke")
        label.add(dwg.textPath(f"#{pid}", t(lang, RING[band.ring]), startOffset="50%", text_anchor="middle"))
        rings.add(label)


def _centre(dwg: svgwrite.Drawing, m: NetworkMap, lang: str) -> None:
    centre = dwg.add(dwg.g(class_="kk-centre"))
    centre.add(dwg.circle((0, 0), CENTRE_R, fill=CENTRE_FILL))
    who = t(lang, N_("perspective.team") if m.perspective is Perspective.TEAM else N_("perspective.personal"))
    centre.add(dwg.text(who, insert=(0, 5), font_size=15, font_weight="bold", fill="#ffffff", text_anchor="middle"))


def _band_middle(g: Layout, ring: Ring) -> float:
    band = next(b for b in g.bands if b.ring is ring)
    return (band.inner + band.outer) / 2


def _arrow(dwg: svgwrite.Drawing, into: Group, g: Layout, p: Person, x: float, y: float, lang: str, prefix: str) -> None:
    """From the ring of then (a small dashed circle: where they were) to the note in the ring of now."""
    assert p.before is not None
    distance = math.hypot(x, y) or 1.0
    ux, uy = x / distance, y / distance
    start = _band_middle(g, p.before.ring)
    inwards = start > distance
    edge = min(NODE_W / 2 / abs(ux) if ux else math.inf, NODE_H / 2 / abs(uy) if uy else math.inf) + 4
    end = distance + edge if inwards else distance - edge
    move = dwg.g(
        class_="kk-move",
        **{"data-id": p.now.id, "data-from": p.before.ring.value, "data-to": p.now.ring.value},
    )
    was = t(lang, "picture.was_here", name=isolate(p.now.name), ring=t(lang, RING[p.before.ring]))
    ghost = dwg.circle((ux * start, uy * start), 7, fill="#ffffff", stroke=ARROW, stroke_width=2, stroke_dasharray="3 2")
    ghost.add(Title(was))
    move.add(ghost)
    gap = 9 if inwards else -9  # the line leaves the little circle at its edge
    if (end < start - gap) if inwards else (end > start - gap):
        line = ((ux * (start - gap), uy * (start - gap)), (ux * end, uy * end))
        move.add(dwg.line(*line, stroke="#ffffff", stroke_width=7, stroke_linecap="round"))
        move.add(dwg.line(*line, stroke=ARROW, stroke_width=3, marker_end=f"url(#{prefix}-arrow)", class_="kk-arrow"))
    into.add(move)


NAME_LEFT = -NODE_W / 2 + 6
NAME_WIDTH = NODE_W / 2 - BADGE_R - 4 - NAME_LEFT  # clear of the badge in the corner
NAME_MIDDLE = -NODE_H / 2 + 13


def _note(dwg: svgwrite.Drawing, p: Person, x: float, y: float, lang: str) -> Group:
    marks = " ".join(m.value for m in p.marks) or "unchanged"
    note = dwg.g(
        class_="kk-person" + ("" if p.marks else " kk-unchanged"),
        transform=f"translate({x:.1f},{y:.1f})",
        **{"data-id": p.now.id, "data-ring": p.now.ring.value, "data-marks": marks},
    )
    note.add(Title(describe(p, lang)))
    w, h = NODE_W, NODE_H
    gone = Mark.GONE in p.marks
    if not p.marks:
        fill, edge, ink, dash, stroke_w = MUTED_FILL, MUTED_EDGE, MUTED, None, 1.0
    elif gone:
        fill, edge, ink, dash, stroke_w = "#ffffff", INK, INK, "6 4", 1.5
    else:
        fill, edge, ink, dash, stroke_w = POSTIT_FILL, POSTIT_EDGE, INK, None, 2.0 if Mark.NEW in p.marks else 1.0
    box = dwg.rect((-w / 2, -h / 2), (w, h), rx=3, fill=fill, stroke=edge, stroke_width=stroke_w, class_="kk-note")
    if dash:
        box["stroke-dasharray"] = dash
    note.add(box)
    bold = bool(p.marks)
    note.add(
        name_text(
            p.now.name,
            fit_note_name(p.now.name, NAME_WIDTH, bold),
            NAME_LEFT,
            NAME_MIDDLE,
            **{"font-weight": "bold" if bold else "normal", "fill": ink, "text-decoration": "line-through" if gone else "none"},
        )
    )
    if p.marks and not gone:
        _chips(dwg, note, p, -w / 2 + 5, h / 2 - 21, lang)
    badge = "+" if Mark.NEW in p.marks else "−" if gone else "~" if Mark.KIND in p.marks else ""
    if badge:
        note.add(_badge(dwg, badge, w / 2 - 2, -h / 2 + 2, BADGE_COLOUR[badge]))
    return note


def _badge(dwg: svgwrite.Drawing, text: str, cx: float, cy: float, colour: str) -> Group:
    badge = dwg.g(class_="kk-badge")
    badge.add(dwg.circle((cx, cy), BADGE_R, fill=colour, stroke="#ffffff", stroke_width=1.5))
    badge.add(dwg.text(text, insert=(cx, cy + 5), font_size=16, font_weight="bold", fill="#ffffff", text_anchor="middle"))
    return badge


def _chips(dwg: svgwrite.Drawing, into: Group, p: Person, x: float, y: float, lang: str) -> None:
    """The person's knowledge now; what is new has a "+", what they no longer bring a dashed "−" chip."""
    forms = [f for f in KNOWLEDGE_FORMS if f in p.now.knowledge or f in p.lost]
    for i, form in enumerate(forms):
        sign = "+" if form in p.gained else "−" if form in p.lost else ""
        into.add(chip(dwg, form, x + i * CHIP_STEP, y, lang, sign))


def chip(dwg: svgwrite.Drawing, form: KnowledgeForm, x: float, y: float, lang: str, sign: str = "") -> Group:
    """A knowledge form's letter on its colour; one no longer brought: the letter on white, dashed."""
    lost = sign == "−"
    kind = "lost" if lost else "gained" if sign else "kept"
    group = dwg.g(class_=f"kk-chip kk-chip-{kind} kk-knowledge-{form.value}")
    box = dwg.rect((x, y), (CHIP_W, 16), rx=2, fill="#ffffff" if lost else KNOWLEDGE_COLOUR[form])
    if lost:
        box.update({"stroke": KNOWLEDGE_COLOUR[form], "stroke_width": 1.5, "stroke_dasharray": "3 2"})
    group.add(box)
    text = f"{sign}{t(lang, KNOWLEDGE_LETTER[form])}"
    colour = INK if lost else "#ffffff"
    group.add(
        dwg.text(text, insert=(x + CHIP_W / 2, y + 12.5), font_size=12, font_weight="bold", fill=colour, text_anchor="middle")
    )
    return group


def describe(p: Person, lang: str) -> str:
    """A note's title: the whole name, and what changed for this person in words."""
    said: list[str] = []
    for mark in p.marks:
        if mark is Mark.NEW:
            said.append(t(lang, "picture.new", ring=t(lang, RING[p.now.ring])))
        elif mark is Mark.GONE:
            said.append(t(lang, "picture.gone", ring=t(lang, RING[p.now.ring])))
        elif mark in (Mark.CLOSER, Mark.FURTHER) and p.before is not None:
            key = N_("picture.closer") if mark is Mark.CLOSER else N_("picture.further")
            said.append(t(lang, key, before=t(lang, RING[p.before.ring]), after=t(lang, RING[p.now.ring])))
        elif mark is Mark.GAINED:
            said.append(t(lang, "picture.gained", forms=_forms(p.gained, lang)))
        elif mark is Mark.LOST:
            said.append(t(lang, "picture.lost", forms=_forms(p.lost, lang)))
        elif mark is Mark.KIND and p.before is not None:
            said.append(t(lang, "picture.kind", before=t(lang, kind_label(p.before.kind)), after=t(lang, kind_label(p.now.kind))))
    if not said:
        said.append(t(lang, "picture.same", ring=t(lang, RING[p.now.ring])))
    return f"{isolate(p.now.name)} – {'; '.join(said)}"


def _forms(forms: Sequence[KnowledgeForm], lang: str) -> str:
    return ", ".join(t(lang, KNOWLEDGE[f]) for f in forms)


def _legend(dwg: svgwrite.Drawing, left: float, top: float, scale: float, lang: str, prefix: str) -> None:
    """What each mark means, one line each: the mark drawn as on the picture, then its words."""
    legend = dwg.add(dwg.g(class_="kk-legend", transform=f"translate({left:.1f},{top:.1f}) scale({scale:.3f})"))
    x0 = y0 = 0.0
    legend.add(dwg.text(t(lang, "picture.legend"), insert=(x0, y0 + 16), font_size=13, font_weight="bold", fill=INK))
    y = y0 + LEGEND_LINE
    text_x = x0 + 70

    def line(key: str) -> None:
        legend.add(dwg.text(t(lang, key), insert=(text_x, y + 15), font_size=13, fill=INK))

    legend.add(_badge(dwg, "+", x0 + 12, y + 10, NEW_BADGE))
    line(N_("picture.legend.new"))
    y += LEGEND_LINE
    legend.add(_badge(dwg, "−", x0 + 12, y + 10, GONE_BADGE))
    legend.add(dwg.rect((x0 + 28, y + 2), (30, 17), rx=2, fill="#ffffff", stroke=INK, stroke_width=1.5, stroke_dasharray="6 4"))
    line(N_("picture.legend.gone"))
    y += LEGEND_LINE
    legend.add(_badge(dwg, "~", x0 + 12, y + 10, KIND_BADGE))
    line(N_("picture.legend.kind"))
    y += LEGEND_LINE
    legend.add(dwg.circle((x0 + 6, y + 10), 6, fill="#ffffff", stroke=ARROW, stroke_width=2, stroke_dasharray="3 2"))
    legend.add(dwg.line((x0 + 14, y + 10), (x0 + 52, y + 10), stroke=ARROW, stroke_width=3, marker_end=f"url(#{prefix}-arrow)"))
    line(N_("picture.legend.moved"))
    y += LEGEND_LINE
    legend.add(chip(dwg, KnowledgeForm.SCIENTIFIC, x0 + 2, y + 2, lang, "+"))
    line(N_("picture.legend.gained"))
    y += LEGEND_LINE
    legend.add(chip(dwg, KnowledgeForm.EXPERIENTIAL, x0 + 2, y + 2, lang, "−"))
    line(N_("picture.legend.lost"))
    y += LEGEND_LINE
    legend.add(dwg.rect((x0 + 2, y + 2), (54, 17), rx=2, fill=MUTED_FILL, stroke=MUTED_EDGE, stroke_width=1))
    line(N_("picture.legend.same"))
    y += LEGEND_LINE
    letters = " · ".join(f"{t(lang, KNOWLEDGE_LETTER[f])} = {t(lang, KNOWLEDGE[f])}" for f in KNOWLEDGE_FORMS)
    legend.add(dwg.text(letters, insert=(x0 + 2, y + 15), font_size=13, fill=INK))
