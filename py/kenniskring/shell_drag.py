"""The browser shell's moving on the map: a person picked up and dropped on another ring, or moved
one ring by a key on their focused note.

Part of the shell (see ``shell``): it follows the pointer and says where the drop landed
(``session.Dropped``), or which key was pressed on which note (``keys.note_key``,
``session.Nudged``); what that means in each view is the session's rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from . import session
from .browser import element
from .keys import note_key
from .shell_draw import Drawing
from .shell_host import Host

DRAG_THRESHOLD_PX = 4


@dataclass
class Drag:
    contact_id: str
    node: Any
    start_x: float
    start_y: float
    grab_dx: float
    grab_dy: float
    moved: bool = False


class MapDrag:
    def __init__(self, app: Host, drawing: Drawing) -> None:
        self.app = app
        self.drawing = drawing
        self.drag: Drag | None = None

    def wire(self) -> None:
        on = self.app.events.on
        holder = element("kk-map")
        on(holder, "pointerdown", self.on_pointerdown)
        on(holder, "pointermove", self.on_pointermove)
        on(holder, "pointerup", self.on_pointerup)
        on(holder, "pointercancel", lambda _e: self.cancel_drag())
        on(holder, "keydown", self.on_keydown)

    def on_keydown(self, event: Any) -> None:
        node = event.target.closest(".kk-node") if event.target.closest else None
        if not node:
            return
        meaning = note_key(str(event.key), bool(event.ctrlKey or event.metaKey), bool(event.altKey))
        if meaning is None:
            return
        event.preventDefault()
        contact_id = str(node.dataset.id)
        if meaning == "open":
            self.app.dispatch(session.PersonChosen(contact_id))
        else:
            self.app.dispatch(session.Nudged(contact_id, inwards=meaning == "inwards"))

    def svg_point(self, event: Any) -> tuple[float, float]:
        svg = element("kk-map").querySelector("svg")
        point = svg.createSVGPoint()
        point.x, point.y = event.clientX, event.clientY
        p = point.matrixTransform(svg.getScreenCTM().inverse())
        return float(p.x), float(p.y)

    def on_pointerdown(self, event: Any) -> None:
        node = event.target.closest(".kk-node")
        if not node or event.button != 0:
            return
        spot = self.drawing.geometry.spot(str(node.dataset.id))
        if spot is None:
            return
        event.preventDefault()
        x, y = self.svg_point(event)
        self.drawing.dragging = True
        self.drawing.stale.add(str(node.dataset.id))  # changed by hand from here on: made again when drawn
        self.drag = Drag(str(node.dataset.id), node, float(event.clientX), float(event.clientY), spot.x - x, spot.y - y)
        element("kk-map").setPointerCapture(event.pointerId)
        node.classList.add("kk-dragging")

    def on_pointermove(self, event: Any) -> None:
        d = self.drag
        if d is None:
            return
        if not d.moved and math.hypot(event.clientX - d.start_x, event.clientY - d.start_y) < DRAG_THRESHOLD_PX:
            return
        d.moved = True
        x, y = self.svg_point(event)
        d.node.setAttribute("transform", f"translate({x + d.grab_dx:.1f},{y + d.grab_dy:.1f})")

    def on_pointerup(self, event: Any) -> None:
        d = self.drag
        if d is None:
            return
        self.drag = None
        self.drawing.dragging = False
        if not d.moved:
            self.app.dispatch(session.PersonChosen(d.contact_id))
            return
        x, y = self.svg_point(event)
        ring = self.drawing.geometry.ring_at(math.hypot(x + d.grab_dx, y + d.grab_dy))
        spot = self.drawing.geometry.spot(d.contact_id)
        self.app.dispatch(session.Dropped(d.contact_id, spot.ring if spot else None, ring))

    def cancel_drag(self) -> None:
        if self.drag is not None:
            self.drag = None
            self.drawing.dragging = False
            self.drawing.draw_map()
