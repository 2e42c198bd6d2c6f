"""Where everything sits on the picture: ring bands, tracks inside them, and one spot per person.

Geometry, not drawing. Nodes are axis-aligned boxes (so their text stays horizontal). Two boxes
whose centres are at least a box diagonal apart can never overlap, whatever their direction; so
every track keeps neighbours one diagonal apart (by chord) and tracks one diagonal apart (by
radius). A ring that holds more people than one track can take gets more tracks and grows.

Where a person sits comes from their own id, not from who else is on the map: each has a home angle
and sits as near it as the neighbours on their track allow. So while a team talks and adds, edits or
moves people, the others stay put or shift a little; nobody jumps to the other side of a ring.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Callable
from functools import cached_property

from .model import RINGS, NetworkMap, Ring, View, view_map
from .values import frozen

NODE_W = 120.0
NODE_H = 64.0
GAP = 6.0
# The spacing that keeps any two boxes apart, whatever the angle between them.
PITCH = math.hypot(NODE_W + GAP, NODE_H + GAP)
CENTRE_RADIUS = 62.0
# Free space on either side of a ring boundary: room for the ring's label, never a node.
MARGIN = 15.0
# Neighbours keep this much more than the minimum angle between them while their track has room.
COMFORT = 1.25
TAU = 2 * math.pi


@frozen
class Band:
    ring: Ring
    inner: float
    outer: float
    tracks: tuple[float, ...]


@frozen
class Spot:
    contact_id: str
    ring: Ring
    x: float
    y: float
    ghost: bool = False  # where a person the team wants closer or further away would sit (see ``layout``)


@frozen
class Layout:
    bands: tuple[Band, ...]
    spots: tuple[Spot, ...]

    @property
    def radius(self) -> float:
        return self.bands[-1].outer

    def spot(self, contact_id: str) -> Spot | None:
        return self._by_id.get(contact_id)

    def ghost(self, contact_id: str) -> Spot | None:
        """Where the person's ghost sits, in their desired ring (a layout ``with_ghosts``)."""
        return self._ghosts.get(contact_id)

    @cached_property
    def _by_id(self) -> dict[str, Spot]:
        return {s.contact_id: s for s in self.spots if not s.ghost}

    @cached_property
    def _ghosts(self) -> dict[str, Spot]:
        return {s.contact_id: s for s in self.spots if s.ghost}

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
    """Track radii from ``first_radius`` outwards, each with how many nodes it can take: as few
    tracks as hold ``count`` people."""
    tracks = [(first_radius, track_capacity(first_radius))]
    while sum(cap for _, cap in tracks) < count:
        radius = tracks[-1][0] + PITCH
        tracks.append((radius, track_capacity(radius)))
    return tracks


@functools.lru_cache(maxsize=8192)
def home_angle(contact_id: str) -> float:
    """Where on a ring a person would sit if they were alone there: an angle made from their id, the
    same in every Python and every browser, so it never depends on who else is on the map."""
    return _hash(contact_id, 0x811C9DC5) / 2**32 * TAU


def _hash(text: str, seed: int) -> int:
    """FNV-1a over the text's bytes, then murmur3's finaliser, so ids that differ in one last
    character ("c1", "c2") still land far apart."""
    h = seed
    for byte in text.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def roomy_id(m: NetworkMap, ring: Ring, make_id: Callable[[], str], tries: int = 24) -> str:
    """An id for someone new on ``ring`` whose home angle lies in the widest open arc among the
    people there: so a new person lands where there is room, and the picture stays balanced
    without anyone else moving. ``make_id`` makes a random candidate (model.new_contact_id)."""
    homes = sorted(home_angle(c.id) for c in m.in_ring(ring))
    candidates = [make_id() for _ in range(tries if homes else 1)]
    if not homes:
        return candidates[0]

    def room(contact_id: str) -> float:
        a = home_angle(contact_id)
        return min(abs((a - h + math.pi) % TAU - math.pi) for h in homes)

    return max(candidates, key=room)


def min_gap(radius: float) -> float:
    """The smallest angle between two neighbours on a track of this radius (a chord of PITCH)."""
    return 2 * math.asin(min(1.0, PITCH / (2 * radius)))


def spread(homes: list[float], gap: float) -> list[float]:
    """Angles as close to ``homes`` as they can be (least squares) with at least ``gap`` between
    neighbours, keeping their order round the circle. Someone who joins or leaves only moves the
    group of neighbours they are packed with; everybody else stays exactly where they were.

    The circle is cut open in the widest empty arc; on the line that leaves, the closest angles
    with the gaps kept are an isotonic regression (pool adjacent violators) of ``home - i * gap``.
    """
    n = len(homes)
    if n < 2:
        return list(homes)
    order = sorted(range(n), key=lambda i: (homes[i], i))
    ring = [homes[i] % TAU for i in order]
    empty = [(ring[(k + 1) % n] - ring[k]) % TAU if k < n - 1 else ring[0] + TAU - ring[k] for k in range(n)]
    first = (max(range(n), key=lambda k: (empty[k], -k)) + 1) % n
    line = [ring[(first + j) % n] + (TAU if first + j >= n else 0.0) for j in range(n)]
    fitted = _isotonic([a - j * gap for j, a in enumerate(line)])
    angles = [u + j * gap for j, u in enumerate(fitted)]
    if angles[-1] - angles[0] > TAU - gap + 1e-9:
        # No room left to follow the homes: evenly spaced, turned to sit as near them as it can.
        step = TAU / n
        turn = sum(a - j * step for j, a in enumerate(line)) / n
        angles = [turn + j * step for j in range(n)]
    placed = [0.0] * n
    for j, a in enumerate(angles):
        placed[order[(first + j) % n]] = a
    return placed


def _isotonic(values: list[float]) -> list[float]:
    """The non-decreasing sequence closest to ``values`` (least squares): pool adjacent violators."""
    blocks: list[list[float]] = []  # [sum, count]
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    fitted: list[float] = []
    for total, count in blocks:
        fitted.extend([total / count] * int(count))
    return fitted


def picture_layout(m: NetworkMap, view: View) -> Layout:
    """Where everything sits on the picture of one view: the view's people, and in the picture of
    now and the wish, the ghosts of the desired moves."""
    return layout(view_map(m, view), with_ghosts=view is View.BOTH)


GHOST = "\x00"  # marks a ghost's key among the ids on a track (an id never holds it)


def layout(m: NetworkMap, with_ghosts: bool = False) -> Layout:
    """Each person sits as near their home angle as the neighbours on their track allow. Which
    track of a ring a person is on also comes from their id. So adding, editing or moving one person
    leaves everybody who is not packed next to them where they were, and those it does push move
    less than a note (until a ring needs a track more or less).

    ``with_ghosts`` (the picture of now and the wish): a person the team wants in another ring also
    gets a place there, a ghost, laid out like a person with the same home angle, so it has room of
    its own and lies in about the same direction as the person."""
    bands: list[Band] = []
    spots: list[Spot] = []
    inner = CENTRE_RADIUS
    for ring in RINGS:
        keys = [c.id for c in m.in_ring(ring)]
        if with_ghosts:
            keys += [GHOST + c.id for c in m.contacts if c.desired_ring is ring and not c.wished and c.ring is not ring]
        tracks = _tracks_for(inner + MARGIN + PITCH / 2, len(keys))
        for (radius, _), here in zip(tracks, _on_tracks(keys, [cap for _, cap in tracks]), strict=True):
            if not here:
                continue
            spots.extend(_track_spots(ring, radius, tuple(here)))
        outer = tracks[-1][0] + PITCH / 2 + MARGIN
        bands.append(Band(ring, inner, outer, tuple(r for r, _ in tracks)))
        inner = outer
    return Layout(tuple(bands), tuple(spots))


@functools.lru_cache(maxsize=64)
def _track_spots(ring: Ring, radius: float, ids: tuple[str, ...]) -> tuple[Spot, ...]:
    """The people on one track, spread round it: kept, so a redraw after an edit that leaves a
    track's people as they were costs nothing for that track."""
    # A little more air than the minimum while the track has room for it.
    gap = min(min_gap(radius) * COMFORT, TAU / len(ids))
    angles = spread([home_angle(i.removeprefix(GHOST)) for i in ids], gap)
    return tuple(
        Spot(i.removeprefix(GHOST), ring, radius * math.cos(a), radius * math.sin(a), i.startswith(GHOST))
        for i, a in zip(ids, angles, strict=True)
    )


def _on_tracks(people: list[str], caps: list[int]) -> list[list[str]]:
    """Who is on which track: each person's id picks a track (wider tracks more often); a track that
    gets more than it holds passes its last-added people to the next track with room."""
    total = sum(caps)
    on: list[list[str]] = [[] for _ in caps]
    over: list[str] = []
    ends = list(itertools.accumulate(caps))
    for c in people:
        i = bisect.bisect_right(ends, _track_hash(c.removeprefix(GHOST)) % total)
        (on[i] if len(on[i]) < caps[i] else over).append(c)
    for c in over:
        i = next(i for i, cap in enumerate(caps) if len(on[i]) < cap)
        on[i].append(c)
    return on


@functools.lru_cache(maxsize=8192)
def _track_hash(contact_id: str) -> int:
    return _hash(contact_id, 0x01000193)
