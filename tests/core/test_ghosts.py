"""The ghosts and arrows of the desired moves: every ghost has its own room in the desired ring,
and every arrow ends inside its own ghost without crossing anyone else."""

from __future__ import annotations

import itertools
import random

import pytest
from kenniskring.ghosts import box_at, plan_moves, route_points, segment_hits_box
from kenniskring.layout import GAP, NODE_H, NODE_W, Layout, layout
from kenniskring.model import RINGS, NetworkMap
from kenniskring.values import replace

from .factories import full_map, person


def generated(rng: random.Random, count: int, movers: float) -> NetworkMap:
    people = []
    for i in range(count):
        c = person(f"c{rng.getrandbits(48):012x}", f"p{i}", rng.choice(RINGS))
        if rng.random() < movers:
            c = replace(c, desired_ring=rng.choice([r for r in RINGS if r is not c.ring]))
        people.append(c)
    return NetworkMap(contacts=tuple(people))


def inside(point: tuple[float, float], x: float, y: float) -> bool:
    return abs(point[0] - x) < NODE_W / 2 and abs(point[1] - y) < NODE_H / 2


def maps(seed: str, sizes: tuple[int, int], movers: float, count: int = 60) -> list[tuple[NetworkMap, Layout]]:
    rng = random.Random(seed)
    made = [generated(rng, rng.randint(*sizes), movers) for _ in range(count)]
    return [(m, layout(m, with_ghosts=True)) for m in made]


def test_every_desired_move_has_a_ghost_in_its_desired_ring_clear_of_every_note() -> None:
    for m, g in maps("ghost-room", (2, 80), 0.3):
        for c in m.contacts:
            ghost = g.ghost(c.id)
            assert (ghost is not None) is (c.desired_ring is not None), c
            if ghost is not None:
                assert ghost.ring is c.desired_ring and g.spot(c.id).ring is c.ring  # type: ignore[union-attr]
        for a, b in itertools.combinations(g.spots, 2):
            assert not (abs(a.x - b.x) < NODE_W + GAP - 1e-6 and abs(a.y - b.y) < NODE_H + GAP - 1e-6), (a, b)


@pytest.mark.parametrize(("sizes", "movers"), [((2, 15), 0.3), ((16, 30), 0.1), ((31, 80), 0.3)])
def test_an_arrow_ends_inside_its_own_ghost_and_crosses_no_other_note(sizes: tuple[int, int], movers: float) -> None:
    for m, g in maps(f"arrows-{sizes}", sizes, movers):
        for move in plan_moves(m, g):
            if not move.route:
                continue
            spot = g.spot(move.contact_id)
            assert spot is not None
            points = route_points(move.route)
            assert inside(points[-1], move.ghost_x, move.ghost_y)
            assert not inside(points[0], spot.x, spot.y)  # it starts at the note's edge, outside it
            others = [
                box_at(s.x, s.y)
                for s in g.spots
                if s.contact_id != move.contact_id  # neither the note itself nor its own ghost
            ]
            for p, q in itertools.pairwise(points):
                assert not any(segment_hits_box(p, q, box) for box in others), (move.contact_id, p, q)


@pytest.mark.parametrize(("sizes", "movers", "least"), [((2, 15), 0.3, 0.98), ((16, 30), 0.1, 0.95), ((31, 80), 0.3, 0.8)])
def test_almost_every_move_finds_a_clear_way(sizes: tuple[int, int], movers: float, least: float) -> None:
    """Straight, or round the free lane at a ring's edge; in a crowded map a few find none (and get
    their ghost without an arrow) rather than an arrow across someone else."""
    moves = [move for m, g in maps(f"ways-{sizes}", sizes, movers) for move in plan_moves(m, g)]
    assert len(moves) > 50
    assert sum(bool(move.route) for move in moves) / len(moves) >= least


def test_the_worked_example_moves_go_straight_into_their_ghosts() -> None:
    m = full_map()
    moves = plan_moves(m, layout(m, with_ghosts=True))
    assert [(move.contact_id, len(move.route)) for move in moves] == [("b", 1)]


def test_a_wished_for_contact_or_a_move_to_the_same_ring_has_no_ghost() -> None:
    wished = replace(person("w", ring=RINGS[1]), wished=True, desired_ring=RINGS[0])
    m = NetworkMap(contacts=(wished, person("a")))
    g = layout(m, with_ghosts=True)
    assert g.ghost("w") is None and g.ghost("a") is None and plan_moves(m, g) == ()
    assert layout(m) == layout(replace(m, contacts=(replace(wished, desired_ring=None), person("a"))))
