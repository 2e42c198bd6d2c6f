import itertools
import math
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from kenniskring.layout import GAP, MARGIN, NODE_H, NODE_W, PITCH, Layout, layout, track_capacity
from kenniskring.model import RINGS, KnowledgeForm, NetworkMap, PersonKind, Ring

from .factories import crowded_map, sample_map

ROOT = Path(__file__).resolve().parents[2]


def overlaps(layout_: Layout) -> list[tuple[str, str]]:
    """Pairs of nodes whose boxes (with the gap) overlap."""
    found = []
    for a, b in itertools.combinations(layout_.spots, 2):
        if abs(a.x - b.x) < NODE_W + GAP - 1e-6 and abs(a.y - b.y) < NODE_H + GAP - 1e-6:
            found.append((a.contact_id, b.contact_id))
    return found


def test_three_bands_around_the_centre_in_order() -> None:
    g = layout(NetworkMap())
    assert [b.ring for b in g.bands] == list(RINGS)
    for inner, outer in zip(g.bands, g.bands[1:], strict=False):
        assert inner.outer == outer.inner
        assert inner.inner < inner.outer


def test_each_person_sits_in_the_band_of_their_ring() -> None:
    m = sample_map()
    g = layout(m)
    assert len(g.spots) == len(m.contacts)
    bands = {b.ring: b for b in g.bands}
    for c in m.contacts:
        spot = g.spot(c.id)
        assert spot is not None and spot.ring is c.ring
        distance = math.hypot(spot.x, spot.y)
        band = bands[c.ring]
        # the whole box stays inside the band, clear of the label margin
        assert band.inner + MARGIN <= distance - math.hypot(NODE_W, NODE_H) / 2 + 1e-6
        assert distance + math.hypot(NODE_W, NODE_H) / 2 <= band.outer - MARGIN + 1e-6
        assert g.ring_at(distance) is c.ring


@pytest.mark.parametrize("ring", list(Ring))
@pytest.mark.parametrize("count", [1, 2, 5, 7, 8, 13, 20, 33, 40])
def test_no_overlap_up_to_forty_in_one_ring(ring: Ring, count: int) -> None:
    g = layout(crowded_map({ring: count}))
    assert len(g.spots) == count
    assert overlaps(g) == []


def test_no_overlap_with_every_ring_full() -> None:
    g = layout(crowded_map({Ring.WEEKLY: 40, Ring.MONTHLY: 40, Ring.LESS_OFTEN: 40}))
    assert len(g.spots) == 120
    assert overlaps(g) == []


def test_a_crowded_ring_grows_and_pushes_the_others_out() -> None:
    quiet = layout(crowded_map({Ring.WEEKLY: 2}))
    busy = layout(crowded_map({Ring.WEEKLY: 40}))
    assert len(busy.bands[0].tracks) > 1
    assert busy.bands[1].inner > quiet.bands[1].inner


def test_ring_at_for_drops_inside_the_centre_and_beyond_the_edge() -> None:
    g = layout(NetworkMap())
    assert g.ring_at(0) is Ring.WEEKLY
    assert g.ring_at(g.bands[1].inner + 1) is Ring.MONTHLY
    assert g.ring_at(g.radius * 3) is Ring.LESS_OFTEN


def test_track_capacity_keeps_neighbours_a_pitch_apart() -> None:
    for radius in (80, 150, 300, 1000):
        n = track_capacity(radius)
        chord = 2 * radius * math.sin(math.pi / n) if n > 1 else math.inf
        assert chord >= PITCH - 1e-9
        if n > 1:  # and one more would not fit
            assert 2 * radius * math.sin(math.pi / (n + 1)) < PITCH


def test_a_spot_depends_only_on_the_ring_and_the_order_of_people() -> None:
    """Editing who someone is or what they bring never moves anyone on the next redraw."""
    m = crowded_map({Ring.WEEKLY: 9, Ring.MONTHLY: 3})
    edited = replace(
        m,
        change="Iets anders",
        contacts=tuple(
            replace(c, name=c.name + " (nieuw)", kind=PersonKind.OUTSIDE, knowledge=tuple(KnowledgeForm), note="notitie")
            for c in m.contacts
        ),
    )
    assert layout(edited) == layout(m)


def test_layout_is_the_same_in_another_python_process() -> None:
    """No hash order, clock or chance in the geometry: the browser draws what CPython computed."""
    m = crowded_map({Ring.WEEKLY: 9, Ring.MONTHLY: 3, Ring.LESS_OFTEN: 40})
    code = (
        "from kenniskring.layout import layout; from kenniskring.model import Ring; "
        "from tests.core.factories import crowded_map; "
        "print(repr(layout(crowded_map({Ring.WEEKLY: 9, Ring.MONTHLY: 3, Ring.LESS_OFTEN: 40}))))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(ROOT / "py"), str(ROOT)])}
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == repr(layout(m)), seed
