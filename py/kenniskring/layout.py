"""Where everything sits on the picture: ring bands, tracks inside them, and one spot per person.

Geometry, not drawing. Nodes are axis-aligned boxes (so their text stays horizontal). Two boxes
whose centres are at least a box diagonal apart can never overlap, whatever their direction; so
every track keeps neighbours one diagonal apart (by chord) and tracks one diagonal apart (by
radius). A ring that holds more people than one track can take gets more tracks and grows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import RINGS, NetworkMap, Ring

NODE_W = 120.0
NODE_H = 48.0
GAP = 6.0
# The spacing that keeps any two boxes apart, whatever the angle between them.
PITCH = math.hypot(NODE_W + GAP, NODE_H + GAP)
CENTRE_RADIUS = 62.0
# Free space on either side of a ring boundary: room for the ring's label, never a node.
MARGIN = 15.0


@dataclass(frozen=True)
class Band:
    ring: Ring
    inner: float
    outer: float
    tracks: tuple[float, ...]


@dataclass(frozen=True)
class Spot:
    contact_id: str
    ring: Ring
    x: float
    y: float


@dataclass(frozen=True)
class Layout:
    bands: tuple[Band, ...]
    spots: tuple[Spot, ...]

    @property
    def radius(self) -> float:
        return self.bands[-1].outer

    def spot(self, contact_id: str) -> Spot | None:
        for s in self.spots:
            if s.contact_id == contact_id:
                return s
        return None

    def ring_at(self, distance: float) -> Ring:
        """The ring a point at this distance from the centre falls in (used when a node is dropped)."""
        for band in self.bands:
            if distance < band.outer:
                return band.ring
        return self.bands[-1].ring


def track_capacity(radius: float) -> int:
    """How many nodes fit on a circle of this radius with a chord of at least PITCH between them."""
    half = PITCH / (2 * radius)
    if half >= 1:
        return 1
    return max(1, int(math.pi / math.asin(half) + 1e-9))


def _tracks_for(first_radius: float, count: int) -> list[tuple[float, int]]:
    """Track radii from ``first_radius`` outwards, each with how many nodes it gets."""
    radii = [first_radius]
    caps = [track_capacity(first_radius)]
    while sum(caps) < count:
        radii.append(radii[-1] + PITCH)
        caps.append(track_capacity(radii[-1]))
    return list(zip(radii, _share(count, caps), strict=True))


def _share(count: int, caps: list[int]) -> list[int]:
    """Spread ``count`` over tracks in proportion to their capacity (largest remainder), never over."""
    total = sum(caps)
    if count == 0:
        return [0] * len(caps)
    exact = [count * c / total for c in caps]
    shares = [min(int(e), c) for e, c in zip(exact, caps, strict=True)]
    order = sorted(range(len(caps)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    left = count - sum(shares)
    while left:
        for i in order:
            if left and shares[i] < caps[i]:
                shares[i] += 1
                left -= 1
    return shares


def layout(m: NetworkMap) -> Layout:
    bands: list[Band] = []
    spots: list[Spot] = []
    inner = CENTRE_RADIUS
    for ring_index, ring in enumerate(RINGS):
        people = m.in_ring(ring)
        tracks = _tracks_for(inner + MARGIN + PITCH / 2, len(people))
        queue = iter(people)
        for track_index, (radius, n) in enumerate(tracks):
            if n == 0:
                continue
            step = 2 * math.pi / n
            # Start at the top; stagger rings and tracks so people do not line up along one spoke.
            offset = -math.pi / 2 + step * (0.5 if (ring_index + track_index) % 2 else 0.0)
            for i in range(n):
                c = next(queue)
                angle = offset + i * step
                spots.append(Spot(c.id, ring, radius * math.cos(angle), radius * math.sin(angle)))
        outer = tracks[-1][0] + PITCH / 2 + MARGIN
        bands.append(Band(ring, inner, outer, tuple(r for r, _ in tracks)))
        inner = outer
    return Layout(tuple(bands), tuple(spots))
