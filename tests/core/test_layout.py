import itertools
import math
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from kenniskring.layout import (
    GAP,
    MARGIN,
    NODE_H,
    NODE_W,
    PITCH,
    Layout,
    home_angle,
    layout,
    roomy_id,
    spread,
    track_capacity,
)
from kenniskring.model import RINGS, KnowledgeForm, NetworkMap, PersonKind, Ring
from kenniskring.values import replace

from .factories import crowded_map, person, sample_map

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


def generated_map(rng: random.Random, count: int) -> NetworkMap:
    people = tuple(person(f"c{rng.getrandbits(48):012x}", f"p{i}", rng.choice(RINGS)) for i in range(count))
    return NetworkMap(change="Gegenereerd", contacts=people)


def edited(rng: random.Random, m: NetworkMap, edit: str) -> tuple[NetworkMap, str, set[Ring]]:
    """The map after one edit of the given kind, the id of the person edited, and the rings it touched."""
    if edit == "add":
        new = person(f"c{rng.getrandbits(48):012x}", "Nieuw", rng.choice(RINGS))
        return replace(m, contacts=(*m.contacts, new)), new.id, {new.ring}
    i = rng.randrange(len(m.contacts))
    c = m.contacts[i]
    if edit == "delete":
        return replace(m, contacts=m.contacts[:i] + m.contacts[i + 1 :]), c.id, {c.ring}
    ring = rng.choice([r for r in RINGS if r is not c.ring])
    return replace(m, contacts=(*m.contacts[:i], replace(c, ring=ring), *m.contacts[i + 1 :])), c.id, {c.ring, ring}


@pytest.mark.parametrize("edit", ["add", "delete", "move"])
def test_one_edit_moves_the_others_a_little_if_at_all(edit: str) -> None:
    """While a team talks, adding, deleting or moving one person on maps of 1-80 people: nobody in
    another ring moves, most people do not move at all, and those pushed aside move less than half a
    note on the whole; a push of more than a note's diagonal is rare (someone who changes track in a
    crowded ring). Only a ring that needs a track more or less moves what lies outside it."""
    rng = random.Random(f"stable-{edit}")
    moves: list[float] = []
    for _ in range(300):
        before = generated_map(rng, rng.randint(1, 80))
        after, edited_id, touched = edited(rng, before, edit)
        a, b = layout(before), layout(after)
        if [band.tracks for band in a.bands] != [band.tracks for band in b.bands]:
            continue
        for spot in a.spots:
            if spot.contact_id == edited_id:
                continue
            now = b.spot(spot.contact_id)
            assert now is not None
            moved = math.hypot(spot.x - now.x, spot.y - now.y)
            if spot.ring not in touched:
                assert moved == 0, (edit, spot)
            moves.append(moved)
    assert len(moves) > 3000  # enough maps kept their tracks to say something
    pushed = sorted(d for d in moves if d > 1e-9)
    assert len(pushed) / len(moves) < 0.35
    assert pushed[len(pushed) // 2] < NODE_W / 2
    assert sum(d > PITCH for d in moves) / len(moves) < 0.01


def test_a_person_alone_on_a_ring_sits_at_their_home_angle() -> None:
    m = crowded_map({Ring.MONTHLY: 1})
    spot = layout(m).spots[0]
    assert math.atan2(spot.y, spot.x) % (2 * math.pi) == pytest.approx(home_angle(m.contacts[0].id))


def test_spread_leaves_far_apart_homes_alone_and_parts_close_ones_evenly() -> None:
    assert spread([0.5, 2.0, 4.0], 0.3) == pytest.approx([0.5, 2.0, 4.0])
    a, b = spread([1.0, 1.0], 0.4)
    assert sorted([a, b]) == pytest.approx([0.8, 1.2])
    # across the top of the circle (2*pi and 0 are neighbours)
    a, b = (x % (2 * math.pi) for x in spread([2 * math.pi - 0.05, 0.05], 0.4))
    assert (b - a) % (2 * math.pi) == pytest.approx(0.4)


def test_spread_keeps_the_gap_for_any_homes() -> None:
    rng = random.Random(3)
    for count in (2, 5, 17, 40):
        gap = 2 * math.pi / count * rng.uniform(0.5, 1.0)
        angles = sorted(a % (2 * math.pi) for a in spread([rng.uniform(0, 7) for _ in range(count)], gap))
        steps = [b - a for a, b in zip(angles, angles[1:], strict=False)] + [angles[0] + 2 * math.pi - angles[-1]]
        assert min(steps) >= gap - 1e-9


@pytest.mark.parametrize("seed", range(5))
def test_someone_new_gets_an_id_whose_home_is_where_the_ring_has_room(seed: int) -> None:
    rng = random.Random(seed)
    m = NetworkMap()
    for i in range(6):
        new_id = roomy_id(m, Ring.MONTHLY, lambda: f"c{rng.getrandbits(48):012x}")
        m = replace(m, contacts=(*m.contacts, person(new_id, f"p{i}", Ring.MONTHLY)))
    homes = sorted(home_angle(c.id) for c in m.contacts)
    gaps = [b - a for a, b in zip(homes, homes[1:], strict=False)] + [homes[0] + 2 * math.pi - homes[-1]]
    # six homes drawn at random leave a gap under a twentieth of the circle more often than not
    assert min(gaps) > 2 * math.pi / 6 / 3


def test_an_id_for_the_first_person_on_a_ring_is_the_first_one_made() -> None:
    made = iter(["c-first", "c-second"])
    assert roomy_id(crowded_map({Ring.WEEKLY: 3}), Ring.MONTHLY, lambda: next(made)) == "c-first"
