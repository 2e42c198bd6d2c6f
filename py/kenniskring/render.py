"""Draw a map as SVG text with svgwrite: a pure function, the same in CPython and in the browser.

Three views: the network now, the desired situation, or both (now, with arrows towards the
desired ring and wished-for contacts drawn dashed). Everything visual is a presentation attribute
(no stylesheet needed), so a downloaded SVG looks the same as the page. User text only ever
becomes SVG text nodes or attribute values, which svgwrite escapes; it is never markup.
"""

from __future__ import annotations

import functools
import math
from html import escape
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from . import fontmetrics
from .i18n import N_, isolate, plural, t
from .labels import KNOWLEDGE, KNOWLEDGE_LETTER, MAP_DESCRIPTION, RING, ROLE, ROLE_LETTER, kind_label
from .layout import CENTRE_RADIUS, NODE_H, NODE_W, Layout, Spot, picture_layout
from .model import (
    KNOWLEDGE_FORMS,
    RINGS,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Perspective,
    View,
    view_map,
)
from .svglib import Desc, Group, Title, svgwrite
from .textfit import ABOVE, LEADING, Fitted, block_height, fit_name, joined
from .values import frozen

# The served font first (docs/assets/kenniskring.css loads it from the site itself); then fonts of
# nearly the same widths (Arial's bold is within a few per cent of it), for a downloaded picture
# opened where the font is not installed, so a name measured for it still fits its note.
if TYPE_CHECKING:
    from .ghosts import Move

FONT = "'Atkinson Hyperlegible', Arial, Helvetica, 'Liberation Sans', Arimo, sans-serif"
INK = "#1f2933"
RING_LINE = "#5f6b78"
RING_FILL = ("#dfe8f0", "#eaf0f5", "#f5f8fa")  # inner to outer
CENTRE_FILL = "#1d4f5c"
POSTIT_FILL = "#fff4b8"
POSTIT_EDGE = "#8a7420"
WISHED_FILL = "#ffffff"
ARROW = "#1d4f5c"
KNOWLEDGE_COLOUR: dict[KnowledgeForm, str] = {
    KnowledgeForm.SCIENTIFIC: "#6b3fa0",  # purple
    KnowledgeForm.PROFESSIONAL: "#1f5fae",  # blue
    KnowledgeForm.EXPERIENTIAL: "#a84a00",  # orange, dark enough for a white letter
}
NO_KNOWLEDGE_FILL = "#ffffff"
# A name on a note: beside the kind's shape and above the knowledge chips, on one line at up to
# 16 px or on two or three, shrinking to 9.5 px before anything is cut (textfit). On paper the
# smallest sizes are left out where they would print under 7 pt (paper.name_sizes_for).
NAME_SIZES = (16.0, 15.5, 15.0, 14.5, 14.0, 13.5, 13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5)
# Presenting, the rings fill the screen's height (1,200 units in 1,080 px at 1920x1080): a name on
# one line may then take up to 21 units, as large as the page's body text; a name that needs more
# lines gets the size it has on screen, or a little more. Only the text grows: nobody moves.
PRESENTING_NAME_SIZES = (21.0, 20.5, 20.0, 19.5, 19.0, 18.5, 18.0, 17.5, 17.0, 16.5, *NAME_SIZES)
NAME_LINES = 3  # as many as the room holds at the size (textfit.lines_in)
NAME_LEFT = -NODE_W / 2 + 23
NAME_WIDTH = NODE_W / 2 - 4 - NAME_LEFT
NAME_TOP = -NODE_H / 2 + 3
NAME_BOTTOM = NODE_H / 2 - 21  # a point above the chips
ICON_Y = -NODE_H / 2 + 13
CHIP_W = 23
ROLE_MARK_W = 11  # what the role's letter takes on the name's line
CHIP_STEP = 26
LEGEND_ROW = 40
PAD = 16


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def centre_label(m: NetworkMap, lang: str) -> str:
    return t(lang, N_("perspective.team") if m.perspective is Perspective.TEAM else N_("perspective.personal"))


def contact_facts(c: Contact, lang: str) -> tuple[str, str, str]:
    """Ring, kind (with role) and knowledge of a person, in words: the map's meaning without colour."""
    kind = t(lang, kind_label(c.kind))
    if c.role is not None:
        kind += f" ({t(lang, ROLE[c.role])})"
    knowledge = ", ".join(t(lang, KNOWLEDGE[k]) for k in c.knowledge) or t(lang, "knowledge.none")
    ring = t(lang, RING[c.ring])
    if c.wished:
        ring = t(lang, "ring.wished", ring=ring)
    elif c.desired_ring is not None:
        ring = t(lang, "ring.desired", ring=ring, desired=t(lang, RING[c.desired_ring]))
    return ring, kind, knowledge


def describe_contact(c: Contact, lang: str) -> str:
    return "; ".join(contact_facts(c, lang))


def map_title(m: NetworkMap, lang: str) -> str:
    return t(lang, "map.title", change=m.change.strip()) if m.change.strip() else t(lang, "map.title.unnamed")


def map_description(m: NetworkMap, lang: str, view: View = View.CURRENT) -> str:
    shown = view_map(m, view)
    counts = {r.value: len(shown.in_ring(r)) for r in RINGS}
    people = plural(lang, "count.people", len(shown.contacts))
    text = t(lang, MAP_DESCRIPTION[view], people=people, centre=centre_label(m, lang), **counts)
    if view is not View.CURRENT and m.has_desired:
        moved = plural(lang, "count.people", sum(1 for c in m.contacts if c.desired_ring is not None))
        text += " " + t(lang, "map.desc.changes", moved=moved, wished=plural(lang, "count.wished", len(m.wished)))
    return text


def picture_size(m: NetworkMap, view: View, g: Layout, legend: bool = True) -> tuple[float, float]:
    """Width and height of the drawing in SVG units (pixels when downloaded)."""
    width = 2 * (g.radius + PAD)
    if not legend:
        return width, width
    return width, width + LEGEND_ROW * (4 if shows_desired(m, view) else 3) + 16


def shows_desired(m: NetworkMap, view: View) -> bool:
    """Whether a picture of this view has the desired situation's marks (and their legend)."""
    return view is not View.CURRENT and m.has_desired


def render(
    m: NetworkMap,
    lang: str,
    view: View = View.CURRENT,
    geometry: Layout | None = None,
    prefix: str = "kk",
    standalone: bool = False,
    legend: bool = True,
    name_sizes: tuple[float, ...] = NAME_SIZES,
) -> str:
    """The map as an SVG document (text). ``prefix`` keeps ids unique when a page holds two;
    ``standalone`` gives it a size of its own (for a downloaded file) instead of filling its box;
    without ``legend`` it is the rings alone (presenting and on paper: the legend is then
    ``legend_html``, beside it); ``name_sizes`` are the sizes a name may take (paper: none that
    would print too small)."""
    return picture(m, lang, view, geometry, prefix, standalone, legend, name_sizes).svg


@frozen
class Picture:
    """The map's SVG in the pieces the page patches after an edit (``keyed``): the ``<svg>`` start
    tag, its parts (rings, centre, legend, … each keyed by its id or class; the notes' group is
    the empty ``NODES_PLACEHOLDER``) and the notes (keyed by the person's id), in reading order."""

    start: str
    parts: tuple[tuple[str, str], ...]
    notes: tuple[tuple[str, str], ...]

    @functools.cached_property
    def svg(self) -> str:
        """The whole SVG, made once (the page's first drawing and the stored first picture share it)."""
        nodes = f'<g class="kk-nodes">{"".join(note for _, note in self.notes)}</g>'
        return self.start + "".join(nodes if part == NODES_PLACEHOLDER else part for _, part in self.parts) + "</svg>"


def picture(
    m: NetworkMap,
    lang: str,
    view: View = View.CURRENT,
    geometry: Layout | None = None,
    prefix: str = "kk",
    standalone: bool = False,
    legend: bool = True,
    name_sizes: tuple[float, ...] = NAME_SIZES,
) -> Picture:
    """The map as ``render`` draws it, in pieces."""
    shown = view_map(m, view)
    g = geometry or picture_layout(m, view)
    r = g.radius
    width, height = picture_size(m, view, g, legend)
    with_desired = shows_desired(m, view)
    size = (f"{width:.0f}", f"{height:.0f}") if standalone else ("100%", "100%")
    dwg = svgwrite.Drawing(size=size, debug=False)
    dwg.viewbox(-(r + PAD), -(r + PAD), width, height)
    dwg.attribs.update(
        {
            # A picture made of parts a keyboard and a screen reader can reach (WAI-ARIA Graphics).
            "role": "graphics-document",
            "aria-roledescription": t(lang, "map.roledescription"),
            "aria-labelledby": f"{prefix}-map-title {prefix}-map-desc",
            "font-family": FONT,
            "class": "kk-map",
            "data-view": view.value,
        }
    )
    dwg.add(_with_id(Title(map_title(m, lang)), f"{prefix}-map-title"))
    dwg.add(_with_id(Desc(map_description(m, lang, view)), f"{prefix}-map-desc"))
    if with_desired:
        _arrow_marker(dwg, prefix)
    _draw_rings(dwg, g, lang, prefix, ring_label_size(name_sizes))
    _draw_centre(dwg, m, lang)
    dwg.add(dwg.g(class_="kk-nodes"))  # filled in below, from notes drawn once per person
    if view is View.BOTH:
        from .ghosts import plan_moves  # only this view has ghosts: not part of the page's start

        moves = plan_moves(m, g)
        _draw_ghosts(dwg, m, moves, name_sizes)
        _draw_arrows(dwg, moves, m, prefix)  # on top, with a halo: a head must show where it enters its ghost
    if not shown.contacts:
        dwg.add(_halo_text(dwg, t(lang, "map.empty"), (0, CENTRE_RADIUS + 60), size=15, fill=INK, halo=RING_FILL[0]))
    if legend:
        _draw_legend(dwg, -(r + PAD) + PAD, r + PAD + 8, width, lang, with_desired, prefix, view is View.BOTH)
    originals = {c.id: c for c in m.contacts}
    notes = tuple(
        (
            spot.contact_id,
            _node(originals[spot.contact_id], spot.x, spot.y, lang, view is not View.CURRENT, spot.ring.value, name_sizes),
        )
        for spot in reading_order(g)
    )
    parts = []
    for element in dwg.elements:
        xml = element.get_xml()
        parts.append((str(xml.get("id") or xml.get("class") or xml.tag), ElementTree.tostring(xml, encoding="unicode")))
    dwg.elements = []
    start = str(dwg.tostring()).removesuffix(" />") + ">"
    return Picture(start, tuple(parts), notes)


NODES_PLACEHOLDER = '<g class="kk-nodes" />'


def _with_id(element: Title, element_id: str) -> Title:
    element.xml.set("id", element_id)
    return element


def _halo_text(dwg: svgwrite.Drawing, text: str, at: tuple[float, float], size: float, fill: str, halo: str) -> object:
    return dwg.text(
        text, insert=at, font_size=size, fill=fill, text_anchor="middle", stroke=halo, stroke_width=4, paint_order="stroke"
    )


def _arrow_marker(dwg: svgwrite.Drawing, prefix: str) -> None:
    marker = dwg.marker(insert=(8, 5), size=(4, 4), orient="auto", id=f"{prefix}-arrow", markerUnits="strokeWidth")
    marker.viewbox(0, 0, 10, 10)
    marker.add(dwg.path(d="M 0 0 L 10 5 L 0 10 z", fill=ARROW))
    dwg.defs.add(marker)


def ring_label_size(name_sizes: tuple[float, ...]) -> float:
    """A ring's label: 12 units, or on paper as large as the smallest name allowed there, but at
    most 18 units (more would reach into the notes on the ring's first track): on a full map on A4
    a ring's label can so print a little under 7 pt."""
    return min(RING_LABEL_MAX, max(RING_LABEL, min(name_sizes)))


RING_LABEL = 12.0
RING_LABEL_MAX = 18.0


def _draw_rings(dwg: svgwrite.Drawing, g: Layout, lang: str, prefix: str, label_size: float) -> None:
    rings = dwg.add(dwg.g(class_="kk-rings"))
    for band, fill in reversed(list(zip(g.bands, RING_FILL, strict=True))):
        rings.add(
            dwg.circle(
                (0, 0), band.outer, fill=fill, stroke=RING_LINE, stroke_width=1.5, class_=f"kk-ring kk-ring-{band.ring.value}"
            )
        )
    for band, fill in zip(g.bands, RING_FILL, strict=True):
        # The label runs along the top of the band, just inside its inner edge: in the margin no node uses.
        rr = band.inner + 4
        a1, a2 = math.radians(-160), math.radians(-20)
        pid = f"{prefix}-ring-path-{band.ring.value}"
        path = f"M {rr * math.cos(a1):.1f} {rr * math.sin(a1):.1f} A {rr:.1f} {rr:.1f} 0 0 1 {rr * math.cos(a2):.1f} {rr * math.sin(a2):.1f}"
        rings.add(dwg.path(d=path, id=pid, fill="none", stroke="none"))
        label = dwg.text(
            "",
            font_size=_number(label_size),
            font_weight="bold",
            fill=INK,
            stroke=fill,
            stroke_width=4,
            paint_order="stroke",
            class_="kk-ring-label",
        )
        label.add(dwg.textPath(f"#{pid}", t(lang, RING[band.ring]), startOffset="50%", text_anchor="middle"))
        rings.add(label)


def _draw_centre(dwg: svgwrite.Drawing, m: NetworkMap, lang: str) -> None:
    centre = dwg.add(dwg.g(class_="kk-centre"))
    centre.add(dwg.circle((0, 0), CENTRE_RADIUS, fill=CENTRE_FILL))
    lines = _wrap(m.change, 16, 2)
    top = -8 * len(lines)
    centre.add(
        dwg.text(centre_label(m, lang), insert=(0, top), font_size=17, font_weight="bold", fill="#ffffff", text_anchor="middle")
    )
    for i, line in enumerate(lines):
        centre.add(dwg.text(line, insert=(0, top + 20 + 16 * i), font_size=13, fill="#ffffff", text_anchor="middle"))


def _draw_arrows(dwg: svgwrite.Drawing, moves: tuple[Move, ...], m: NetworkMap, prefix: str) -> None:
    """From a person now into their ghost in the ring where the team would like them (see ``ghosts``)."""
    from . import ghosts

    arrows = dwg.add(dwg.g(class_="kk-arrows"))
    for move in moves:
        c = m.contact(move.contact_id)
        if not move.route or c is None or c.desired_ring is None:
            continue  # no clear way: the ghost, the note's words and the table still say it
        d = ghosts.route_path(move.route)
        arrows.add(dwg.path(d=d, fill="none", stroke="#ffffff", stroke_width=7, stroke_linecap="round"))
        arrows.add(
            dwg.path(
                d=d,
                fill="none",
                stroke=ARROW,
                stroke_width=3,
                marker_end=f"url(#{prefix}-arrow)",
                class_="kk-arrow",
                **{"data-id": c.id, "data-desired": c.desired_ring.value},
            )
        )


def _draw_ghosts(dwg: svgwrite.Drawing, m: NetworkMap, moves: tuple[Move, ...], sizes: tuple[float, ...]) -> None:
    """Where each person the team wants closer or further away would sit: a dotted outline with
    their name in grey. Hidden from screen readers: the person's own note says the wish."""
    ghosts = dwg.add(dwg.g(class_="kk-ghosts", **{"aria-hidden": "true"}))
    w, h = NODE_W, NODE_H
    for move in moves:
        c = m.contact(move.contact_id)
        if c is None:
            continue
        ghost = dwg.g(class_="kk-ghost", transform=f"translate({move.ghost_x:.1f},{move.ghost_y:.1f})", **{"data-id": c.id})
        ghost.add(
            dwg.rect(
                (-w / 2, -h / 2),
                (w, h),
                rx=3,
                fill="#ffffff",
                fill_opacity=0.6,
                stroke=ARROW,
                stroke_width=1.5,
                stroke_dasharray="2 3",
            )
        )
        fitted = fit_note_name(c.name, NODE_W - 16, sizes=sizes)
        ghost.add(name_text(c.name, fitted, -w / 2 + 8, -h / 2 + 13, **{"fill": RING_LINE, "font-style": "italic"}))
        ghosts.add(ghost)


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    for w in words:
        if current and len(current) + 1 + len(w) > width:
            lines.append(current)
            current = w
        else:
            current = f"{current} {w}".strip()
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1] + " …", width)
    return [shorten(line, width) for line in lines]


def kind_icon(dwg: svgwrite.Drawing, kind: PersonKind | None, cx: float, cy: float, size: float = 14) -> object:
    """A shape per kind of person, so kinds differ by more than colour: circle, square, triangle;
    a dashed circle with "?" while nobody has said who the person is."""
    h = size / 2
    if kind is None:
        mark = dwg.g(class_="kk-icon kk-icon-open")
        mark.add(dwg.circle((cx, cy), h - 0.5, fill="#ffffff", stroke=INK, stroke_width=1.2, stroke_dasharray="2 1.5"))
        mark.add(
            dwg.text("?", insert=(cx, cy + h * 0.62), font_size=size * 0.8, font_weight="bold", fill=INK, text_anchor="middle")
        )
        return mark
    if kind is PersonKind.OWN_TEAM:
        return dwg.circle((cx, cy), h, fill=INK, class_="kk-icon kk-icon-own_team")
    if kind is PersonKind.ORGANISATION:
        return dwg.rect((cx - h + 0.5, cy - h + 0.5), (size - 1, size - 1), fill=INK, class_="kk-icon kk-icon-organisation")
    points = [(cx, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
    return dwg.polygon(points, fill=INK, class_="kk-icon kk-icon-outside")


def role_mark(dwg: svgwrite.Drawing, role: OutsideRole, x: float, y: float, lang: str, size: float = 12) -> object:
    """The letter for an outsider's role, set right after their triangle: field partner, researcher,
    external expert or other tell apart in greyscale and for every eye."""
    return dwg.text(
        t(lang, ROLE_LETTER[role]),
        insert=(x, y),
        font_size=size,
        font_weight="bold",
        fill=INK,
        class_=f"kk-role-mark kk-role-{role.value}",
    )


def knowledge_chip(dwg: svgwrite.Drawing, form: KnowledgeForm | None, x: float, y: float, lang: str) -> Group:
    """A coloured segment with its letter (W/P/E): colour and letter together, never colour alone."""
    chip = dwg.g(class_=f"kk-knowledge kk-knowledge-{form.value if form else 'none'}")
    if form is None:
        chip.add(dwg.rect((x, y), (CHIP_W, 16), rx=2, fill=NO_KNOWLEDGE_FILL, stroke=RING_LINE, stroke_dasharray="3 2"))
        letter, colour = t(lang, "knowledge.none.letter"), INK
    else:
        chip.add(dwg.rect((x, y), (CHIP_W, 16), rx=2, fill=KNOWLEDGE_COLOUR[form]))
        letter, colour = t(lang, KNOWLEDGE_LETTER[form]), "#ffffff"
    chip.add(
        dwg.text(letter, insert=(x + CHIP_W / 2, y + 12.5), font_size=12, font_weight="bold", fill=colour, text_anchor="middle")
    )
    return chip


def reading_order(g: Layout) -> list[Spot]:
    """The order a keyboard goes through the notes: ring by ring from the centre, each ring clockwise
    from the top (on screen, where y grows downwards)."""
    rings = {ring: i for i, ring in enumerate(RINGS)}
    people = [s for s in g.spots if not s.ghost]
    return sorted(people, key=lambda s: (rings[s.ring], math.atan2(s.x, -s.y) % math.tau, math.hypot(s.x, s.y)))


def note_label(c: Contact, lang: str) -> str:
    """What a screen reader says on a note: "Fatma (docent), collega eigen team, wekelijks, professionele kennis"."""
    ring, kind, knowledge = contact_facts(c, lang)
    return t(lang, "map.note.label", name=isolate(c.name), kind=kind, ring=ring, knowledge=knowledge)


def _node(c: Contact, x: float, y: float, lang: str, desired_view: bool, ring: str, sizes: tuple[float, ...]) -> str:
    """A person's note at its place on the map, reachable by keyboard (Enter opens it, arrow keys move
    it: the shell); what is on the note is drawn once per person (see below)."""
    wished = c.wished and desired_view
    return (
        f'<g class="{"kk-node kk-wished" if wished else "kk-node"}" transform="translate({x:.1f},{y:.1f})" '
        f'data-id="{escape(c.id)}" data-ring="{ring}" data-kind="{c.kind.value if c.kind else "open"}" '
        f'tabindex="0" role="graphics-symbol" aria-label="{_note_label(c, lang)}">{_note(c, lang, wished, sizes)}</g>'
    )


@functools.lru_cache(maxsize=4096)
def _note_label(c: Contact, lang: str) -> str:
    return escape(note_label(c, lang))


ELEMENTS = svgwrite.Drawing(debug=False)  # makes elements only; nothing is ever added to it


@functools.lru_cache(maxsize=4096)
def _note(c: Contact, lang: str, wished: bool, sizes: tuple[float, ...] = NAME_SIZES) -> str:
    """What is on a person's note: its title, the note itself, a shape for the kind, the name and the
    knowledge chips. A map of 500 people redraws after one change by reusing the other 499 notes, so
    an edit costs about as much at 500 people as at 50 (people are values: same person, same note)."""
    dwg = ELEMENTS
    parts: list[Any] = [Title(f"{isolate(c.name)} – {describe_contact(c, lang)}")]
    w, h = NODE_W, NODE_H
    if wished:
        parts.append(
            dwg.rect(
                (-w / 2, -h / 2),
                (w, h),
                rx=3,
                fill=WISHED_FILL,
                stroke=INK,
                stroke_width=1.5,
                stroke_dasharray="6 4",
                class_="kk-postit",
            )
        )
        # The tag sits at the end of the knowledge row, which three narrow chips leave free.
        parts.append(
            dwg.text(
                t(lang, "map.wished"),
                insert=(w / 2 - 4, h / 2 - 7.5),
                font_size=9,
                font_style="italic",
                fill=INK,
                text_anchor="end",
                class_="kk-wished-tag",
            )
        )
    else:
        parts.append(
            dwg.rect((-w / 2, -h / 2), (w, h), rx=3, fill=POSTIT_FILL, stroke=POSTIT_EDGE, stroke_width=1, class_="kk-postit")
        )
    parts.append(kind_icon(dwg, c.kind, -w / 2 + 12, ICON_Y))
    if c.role is not None:  # the role's letter right after the triangle; the name after that
        parts.append(role_mark(dwg, c.role, NAME_LEFT - 2, ICON_Y + 5, lang))
    left, _ = name_room(c)
    parts.append(name_text(c.name, note_name_fit(c, sizes), left, ICON_Y, **{"font-weight": "bold", "fill": INK}))
    forms: list[KnowledgeForm | None] = list(c.knowledge) or [None]
    for i, form in enumerate(forms):
        parts.append(knowledge_chip(dwg, form, -w / 2 + 4 + i * CHIP_STEP, h / 2 - 20, lang))
    return "".join(ElementTree.tostring(part.get_xml(), encoding="unicode") for part in parts)


def name_room(c: Contact) -> tuple[float, float]:
    """Where a person's name starts on the note and how wide it may be: after the kind's shape,
    and after the role's letter for someone from outside with a role."""
    if c.role is None:
        return NAME_LEFT, NAME_WIDTH
    return NAME_LEFT + ROLE_MARK_W, NAME_WIDTH - ROLE_MARK_W


def note_name_fit(c: Contact, sizes: tuple[float, ...] = NAME_SIZES) -> Fitted:
    """The person's name as their note shows it."""
    return fit_note_name(c.name, name_room(c)[1], sizes=sizes)


def fit_note_name(name: str, max_width: float, bold: bool = True, sizes: tuple[float, ...] = NAME_SIZES) -> Fitted:
    return fit_name(name, max_width, NAME_LINES, sizes, height=NAME_BOTTOM - NAME_TOP, bold=bold)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class NameText:
    """A name's ``<text>``, made with ElementTree itself (svgwrite's elements cost several times
    more, and a 1,000-person map makes a thousand of these at once); svgwrite holds it as a child."""

    def __init__(self, xml: ElementTree.Element) -> None:
        self.xml = xml
        self.elementname = "text"

    def get_xml(self) -> ElementTree.Element:
        return self.xml


def name_text(name: str, fitted: Fitted, x: float, middle: float, **attrs: str) -> NameText:
    """The name's ``<text class="kk-name">``: one line with its capitals centred on ``middle`` (the
    kind's shape), or a ``<tspan>`` per line, the lines centred in the note's room for a name.
    ``attrs`` are further SVG attributes, by their SVG names."""
    size = fitted.size
    lines = joined(fitted, name)
    text = ElementTree.Element("text", {"class": "kk-name", "font-size": _number(size), **attrs, "unicode-bidi": "isolate"})
    if len(lines) <= 1:
        baseline = middle + fontmetrics.CAP_HEIGHT / fontmetrics.UNITS_PER_EM / 2 * size
        text.set("x", _number(x))
        text.set("y", _number(baseline))
        text.text = lines[0] if lines else ""
    else:
        first = NAME_TOP + (NAME_BOTTOM - NAME_TOP - block_height(len(lines), size)) / 2 + ABOVE * size
        for i, line in enumerate(lines):
            span = ElementTree.SubElement(text, "tspan", {"x": _number(x), "y": _number(first + i * LEADING * size)})
            span.text = line
    return NameText(text)


def _draw_legend(
    dwg: svgwrite.Drawing, x0: float, y0: float, width: float, lang: str, with_desired: bool, prefix: str, ghosts: bool = False
) -> None:
    legend = dwg.add(dwg.g(class_="kk-legend"))
    column = (width - 2 * PAD - 110) / 3
    quarter = (width - 2 * PAD - 110) / 4
    legend.add(dwg.text(t(lang, "map.legend.kinds"), insert=(x0, y0 + 18), font_size=13, font_weight="bold", fill=INK))
    for i, kind in enumerate((*PersonKind, None)):
        x = x0 + 110 + i * quarter
        legend.add(kind_icon(dwg, kind, x + 7, y0 + 13))
        legend.add(dwg.text(t(lang, kind_label(kind)), insert=(x + 22, y0 + 18), font_size=13, fill=INK))
    y_roles = y0 + LEGEND_ROW
    legend.add(dwg.text(t(lang, "map.legend.roles"), insert=(x0, y_roles + 18), font_size=13, font_weight="bold", fill=INK))
    for i, role in enumerate(OutsideRole):
        x = x0 + 110 + i * quarter
        legend.add(kind_icon(dwg, PersonKind.OUTSIDE, x + 7, y_roles + 13))
        legend.add(role_mark(dwg, role, x + 15, y_roles + 18, lang, size=13))
        legend.add(dwg.text(t(lang, ROLE[role]), insert=(x + 32, y_roles + 18), font_size=13, fill=INK))
    y1 = y_roles + LEGEND_ROW
    legend.add(dwg.text(t(lang, "map.legend.knowledge"), insert=(x0, y1 + 18), font_size=13, font_weight="bold", fill=INK))
    for i, form in enumerate(KNOWLEDGE_FORMS):
        x = x0 + 110 + i * column
        legend.add(knowledge_chip(dwg, form, x, y1 + 5, lang))
        legend.add(dwg.text(t(lang, KNOWLEDGE[form]), insert=(x + 32, y1 + 18), font_size=13, fill=INK))
    if not with_desired:
        return
    y2 = y1 + LEGEND_ROW
    legend.add(dwg.text(t(lang, "map.legend.desired"), insert=(x0, y2 + 18), font_size=13, font_weight="bold", fill=INK))
    x = x0 + 110
    legend.add(dwg.rect((x, y2 + 4), (CHIP_W, 18), rx=2, fill=WISHED_FILL, stroke=INK, stroke_width=1.5, stroke_dasharray="6 4"))
    legend.add(dwg.text(t(lang, "map.legend.wished"), insert=(x + 32, y2 + 18), font_size=13, fill=INK))
    x += column
    legend.add(dwg.line((x, y2 + 13), (x + 30, y2 + 13), stroke=ARROW, stroke_width=3, marker_end=f"url(#{prefix}-arrow)"))
    legend.add(dwg.text(t(lang, "map.legend.arrow"), insert=(x + 40, y2 + 18), font_size=13, fill=INK))
    if ghosts:
        x += column
        legend.add(ghost_mark(dwg, x, y2 + 4))
        legend.add(dwg.text(t(lang, "map.legend.ghost"), insert=(x + 32, y2 + 18), font_size=13, fill=INK))


def ghost_mark(dwg: svgwrite.Drawing, x: float, y: float) -> object:
    """A ghost in small, for the legend: the dotted outline of a note."""
    return dwg.rect((x, y), (CHIP_W, 18), rx=2, fill="#ffffff", stroke=ARROW, stroke_width=1.5, stroke_dasharray="2 3")


def legend_html(lang: str, with_desired: bool, ghosts: bool = False) -> str:
    """The legend as a list, one mark per line (each a small SVG of its own, hidden from screen
    readers: the words say it): for beside the map when it is presented, where a legend under the
    rings would make them smaller."""
    dwg = ELEMENTS

    def mark(*parts: Any, width: float = 30) -> str:
        inner = "".join(ElementTree.tostring(p.get_xml(), encoding="unicode") for p in parts)
        return (
            f'<svg class="kk-legend-mark" viewBox="0 0 {width:.0f} 18" width="{width / 18:.2f}em" height="1em" '
            f'aria-hidden="true" focusable="false" font-family="{escape(FONT)}">{inner}</svg>'
        )

    rows: list[tuple[str, str]] = [(mark(kind_icon(dwg, kind, 9, 9)), t(lang, kind_label(kind))) for kind in (*PersonKind, None)]
    rows += [
        (mark(kind_icon(dwg, PersonKind.OUTSIDE, 7, 9), role_mark(dwg, role, 15, 14, lang, size=13)), t(lang, ROLE[role]))
        for role in OutsideRole
    ]
    rows += [(mark(knowledge_chip(dwg, form, 1, 1, lang)), t(lang, KNOWLEDGE[form])) for form in KNOWLEDGE_FORMS]
    if with_desired:
        dashed = dwg.rect((1, 1), (CHIP_W, 16), rx=2, fill=WISHED_FILL, stroke=INK, stroke_width=1.5, stroke_dasharray="6 4")
        arrow = dwg.path(d="M 1 9 L 20 9 M 15 4 L 22 9 L 15 14 z", stroke=ARROW, stroke_width=3, fill=ARROW)
        rows += [(mark(dashed), t(lang, "map.legend.wished")), (mark(arrow), t(lang, "map.legend.arrow"))]
        if ghosts:
            rows.append((mark(ghost_mark(dwg, 1, 0)), t(lang, "map.legend.ghost")))
    items = "".join(f"<li>{m}<span>{escape(text)}</span></li>" for m, text in rows)
    return f'<ul class="kk-legend-list" aria-label="{escape(t(lang, "map.legend"))}">{items}</ul>'
