"""The arrows of the desired moves in the picture of now and the wish: from each person the team
would like closer or further away into their ghost, the place ``layout`` gives them in the desired
ring (``with_ghosts``: laid out like a person, with the same home angle, so it has room of its own
and lies in about the same direction).

Geometry, not drawing (``render`` draws it). An arrow runs straight from the note's edge into the
ghost where that way crosses nobody. Else it leaves the note for the free lane just inside a ring's
edge (the margin no note uses), runs round the lane and comes in to the ghost, crossing a band in
between where a spoke is clear. A move with no clear way at all gets no arrow; its ghost (with the
name), the note's own words and the table still say it: an arrow is never drawn across someone else.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from .layout import MARGIN, NODE_H, NODE_W, TAU, Layout, Spot
from .model import NetworkMap
from .values import frozen

# How far apart two candidate places round a ring are, along the track.
STEP = 10.0
# How far inside its ghost an arrow's line ends (its head reaches a little further, still inside).
INSIDE = 4.0
# Room an arrow keeps from other boxes.
CLEARANCE = 3.0

Box = tuple[float, float, float, float]  # left, top, right, bottom


Point = tuple[float, float]


@frozen
class Line:
    start: Point
    end: Point


@frozen
class Arc:
    """Along a circle round the centre, the short way from one angle to another."""

    radius: float
    start: float
    end: float


Route = tuple[Line | Arc, ...]


@frozen
class Move:
    """One desired move: the ghost's centre, and the arrow's way from the note's edge into the
    ghost (empty: no clear way)."""

    contact_id: str
    ghost_x: float
    ghost_y: float
    route: Route


def box_at(x: float, y: float, pad: float = 0.0) -> Box:
    return (x - NODE_W / 2 - pad, y - NODE_H / 2 - pad, x + NODE_W / 2 + pad, y + NODE_H / 2 + pad)


def boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def segment_hits_box(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment from ``p`` to ``q`` meets the box (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for step, start, low, high in ((dx, x0, box[0], box[2]), (dy, y0, box[1], box[3])):
        if step == 0:
            if not low <= start <= high:
                return False
            continue
        t0, t1 = (low - start) / step, (high - start) / step
        if t0 > t1:
            t0, t1 = t1, t0
        lo, hi = max(lo, t0), min(hi, t1)
        if lo > hi:
            return False
    return True


def edge_point(cx: float, cy: float, towards: tuple[float, float], inset: float) -> tuple[float, float]:
    """The point where the ray from a box's centre towards ``towards`` leaves the box, moved
    ``inset`` back inside (negative: outside)."""
    dx, dy = towards[0] - cx, towards[1] - cy
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    reach = min(NODE_W / 2 / abs(ux) if ux else math.inf, NODE_H / 2 / abs(uy) if uy else math.inf)
    return cx + ux * (reach - inset), cy + uy * (reach - inset)


class _Grid:
    """Boxes in square cells, so a test looks at the boxes near a place, not at all of them."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.cells: dict[tuple[int, int], list[tuple[str, Box]]] = {}

    def _cells(self, box: Box) -> Iterator[tuple[int, int]]:
        s = self.size
        for i in range(math.floor(box[0] / s), math.floor(box[2] / s) + 1):
            for j in range(math.floor(box[1] / s), math.floor(box[3] / s) + 1):
                yield i, j

    def add(self, owner: str, box: Box) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append((owner, box))

    def near(self, area: Box) -> Iterator[tuple[str, Box]]:
        seen: set[int] = set()
        for cell in self._cells(area):
            for owner, box in self.cells.get(cell, ()):
                if id(box) not in seen:
                    seen.add(id(box))
                    yield owner, box


def plan_moves(m: NetworkMap, g: Layout) -> tuple[Move, ...]:
    """The arrow of every desired move on the picture of now and the wish (``g``: that picture's
    layout, made ``with_ghosts``), in the map's order. Straight from the note into its ghost where
    that way is clear; else out of the note along its own direction to the free lane at the ring's
    edge, round the lane, and in along the ghost's direction (a band in between is crossed where it
    is clear); a move with no clear way gets no arrow (its ghost and its words still say it)."""
    grid = _Grid(NODE_W)
    for placed in g.spots:
        grid.add(("ghost:" if placed.ghost else "") + placed.contact_id, box_at(placed.x, placed.y))
    moves: list[Move] = []
    for c in m.contacts:
        spot, ghost = g.spot(c.id), g.ghost(c.id)
        if spot is None or ghost is None:
            continue
        own = {c.id, "ghost:" + c.id}
        route = _straight(spot, ghost, grid, own) or _round(spot, ghost, g, grid, own)
        moves.append(Move(c.id, ghost.x, ghost.y, route or ()))
    return tuple(moves)


def _clear(p: Point, q: Point, grid: _Grid, own: set[str]) -> bool:
    area = (min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]))
    return not any(segment_hits_box(p, q, box_pad(box, CLEARANCE)) for owner, box in grid.near(area) if owner not in own)


def _straight(spot: Spot, ghost: Spot, grid: _Grid, own: set[str]) -> Route | None:
    start = edge_point(spot.x, spot.y, (ghost.x, ghost.y), -CLEARANCE)
    end = edge_point(ghost.x, ghost.y, (spot.x, spot.y), INSIDE)
    return (Line(start, end),) if _clear(start, end, grid, own) else None


def _polar(radius: float, angle: float) -> Point:
    return radius * math.cos(angle), radius * math.sin(angle)


def _round(spot: Spot, ghost: Spot, g: Layout, grid: _Grid, own: set[str]) -> Route | None:
    rings = [b.ring for b in g.bands]
    here, there = rings.index(spot.ring), rings.index(ghost.ring)
    outwards = there > here
    # The lanes: just inside each boundary crossed, in the margin no note uses (clear of the labels,
    # which sit just outside a boundary).
    crossed = g.bands[here:there] if outwards else g.bands[there:here][::-1]
    lanes = [(b.outer if outwards else b.inner) - MARGIN / 2 for b in crossed]
    a, b = math.atan2(spot.y, spot.x), math.atan2(ghost.y, ghost.x)
    out = _way_to_lane(spot, lanes[0], a, -CLEARANCE, grid, own)
    into = _way_to_lane(ghost, lanes[-1], b, INSIDE, grid, own)
    if out is None or into is None:
        return None
    angle, start = out
    route: list[Line | Arc] = [Line(start, _polar(lanes[0], angle))]
    for lane, following in zip(lanes, lanes[1:], strict=False):
        # Across the band between two lanes, at the angle nearest the ghost's where the way is clear.
        crossing = _clear_spoke(lane, following, angle, b, grid, own)
        if crossing is None:
            return None
        route += [Arc(lane, angle, crossing), Line(_polar(lane, crossing), _polar(following, crossing))]
        angle = crossing
    last, (b, end) = lanes[-1], into
    return (*route, Arc(last, angle, b), Line(_polar(last, b), end))


def _way_to_lane(at: Spot, lane: float, towards: float, inset: float, grid: _Grid, own: set[str]) -> tuple[float, Point] | None:
    """The angle on the lane, nearest ``towards``, that a straight line reaches from the box at
    ``at`` without crossing anyone, and where that line leaves the box (``inset`` inside it)."""
    step = STEP / lane
    for k in range(int(math.pi / 2 / step) + 1):
        for sign in (1, -1) if k else (1,):
            angle = towards + sign * k * step
            point = _polar(lane, angle)
            edge = edge_point(at.x, at.y, point, inset)
            if _clear(edge, point, grid, own):
                return angle, edge
    return None


def _clear_spoke(r0: float, r1: float, start: float, goal: float, grid: _Grid, own: set[str]) -> float | None:
    """The angle nearest ``goal`` (going from ``start``) where a radial line from ``r0`` to ``r1``
    is clear, or None."""
    step = STEP / max(r0, r1)
    turns = int(math.pi / step)
    for k in range(turns + 1):
        for sign in (1, -1) if k else (1,):
            angle = goal + sign * k * step
            if _clear(_polar(r0, angle), _polar(r1, angle), grid, own):
                return angle
    return None


def route_points(route: Route, every: float = STEP) -> list[Point]:
    """The route as points no more than ``every`` apart (arcs sampled): for checks and tests."""
    points: list[Point] = []
    for leg in route:
        if isinstance(leg, Line):
            points += [leg.start, leg.end]
        else:
            turn = _turn(leg)
            n = max(1, math.ceil(abs(turn) * leg.radius / every))
            points += [_polar(leg.radius, leg.start + turn * i / n) for i in range(n + 1)]
    return points


def route_path(route: Route) -> str:
    """The route as an SVG path's ``d``: lines, and arcs the short way round."""
    parts: list[str] = []
    for leg in route:
        if isinstance(leg, Line):
            (px, py), (qx, qy) = leg.start, leg.end
            if not parts:
                parts.append(f"M {px:.1f} {py:.1f}")
            parts.append(f"L {qx:.1f} {qy:.1f}")
        elif abs(turn := _turn(leg)) > 1e-6:
            x, y = _polar(leg.radius, leg.start + turn)
            parts.append(f"A {leg.radius:.1f} {leg.radius:.1f} 0 0 {1 if turn > 0 else 0} {x:.1f} {y:.1f}")
    return " ".join(parts)


def _turn(arc: Arc) -> float:
    """The arc's angle, the short way round (-pi to pi)."""
    return (arc.end - arc.start + math.pi) % TAU - math.pi


def box_pad(box: Box, pad: float) -> Box:
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
