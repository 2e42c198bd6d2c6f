"""How a map prints on A4 and A3: names never under 7 pt, and the advice to take A3."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from kenniskring.model import View
from kenniskring.paper import MIN_PT, MM_PER_PT, Paper, map_side_mm, name_sizes_for, print_plan
from kenniskring.poster import paper_advice, poster_html
from kenniskring.render import NAME_SIZES

from .factories import poster_map, sample_map

SVG = "{http://www.w3.org/2000/svg}"


def printed_name_sizes(poster: str, mm_per_unit: float) -> list[float]:
    """The size in pt of every name on the poster's map, as printed at that scale."""
    svg = poster[poster.index("<svg") : poster.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    return [
        float(el.get("font-size", "0")) * mm_per_unit / MM_PER_PT
        for el in root.iter(f"{SVG}text")
        if el.get("class") == "kk-name"
    ]


@pytest.mark.parametrize("people", [1, 10, 30, 60])
@pytest.mark.parametrize("paper", list(Paper))
def test_every_name_on_the_map_prints_at_7_pt_or_more(people: int, paper: Paper) -> None:
    m = poster_map(people)
    plan = print_plan(m, View.CURRENT, paper)
    sizes = printed_name_sizes(poster_html(m, "nl", "2026-12-03", View.CURRENT, paper), plan.mm_per_unit)
    assert len(sizes) >= people  # a name of two or three lines has a text per line
    assert min(sizes) >= MIN_PT - 0.01
    assert plan.smallest_pt == pytest.approx(min(sizes), abs=0.01)


def test_a3_gives_the_map_more_room_than_a4() -> None:
    assert map_side_mm(Paper.A3) > map_side_mm(Paper.A4)
    for people in (10, 30, 60):
        m = poster_map(people)
        a4, a3 = print_plan(m, View.CURRENT, Paper.A4), print_plan(m, View.CURRENT, Paper.A3)
        assert a3.mm_per_unit > a4.mm_per_unit and a3.cut < a4.cut


def test_on_a_large_scale_names_keep_the_screens_sizes_and_on_a_small_one_none_prints_under_7_pt() -> None:
    assert name_sizes_for(1.0) == NAME_SIZES  # 1 mm a unit: even the smallest screen size is 27 pt
    # 0.2 mm a unit: 7 pt is 12.35 units, so the floor is 12.5 and the screen's sizes above it stay.
    assert name_sizes_for(0.2) == (*(s for s in NAME_SIZES if s > 12.5), 12.5)
    assert min(name_sizes_for(0.2)) * 0.2 / MM_PER_PT >= MIN_PT > 12.0 * 0.2 / MM_PER_PT
    # 0.12 mm a unit: 7 pt is 20.6 units, above every screen size: the floor alone.
    assert name_sizes_for(0.12) == (21.0,)


def test_a3_is_not_offered_when_it_shortens_as_many_names_and_prints_them_at_7_pt_too() -> None:
    from kenniskring.values import replace

    m = poster_map(60)
    m = replace(m, contacts=tuple(replace(c, name=f"{c.name} Oosterhuis-Vandenbroucke") for c in m.contacts))
    a4, a3 = print_plan(m, View.CURRENT, Paper.A4), print_plan(m, View.CURRENT, Paper.A3)
    assert a4.cut == a3.cut == 60 and a4.smallest_pt >= MIN_PT  # no gain: nothing to ask
    assert paper_advice(m, View.CURRENT, Paper.A4, "nl") is None


def test_one_name_is_said_in_the_singular() -> None:
    m = poster_map(1)
    advice = paper_advice(m, View.CURRENT, Paper.A4, "nl")
    assert advice is not None and "Op A4 past 1 naam niet heel" in advice[1]
    assert "is er 1 ingekort" in poster_html(m, "nl", "2026-12-03", View.CURRENT, Paper.A4)
    assert "1 name is shortened" in poster_html(m, "en", "2026-12-03", View.CURRENT, Paper.A4)


def test_a_map_that_reads_better_on_a3_says_why_before_printing_on_a4() -> None:
    m = poster_map(30)
    a4, a3 = print_plan(m, View.CURRENT, Paper.A4), print_plan(m, View.CURRENT, Paper.A3)
    advice = paper_advice(m, View.CURRENT, Paper.A4, "nl")
    assert advice is not None and advice[0] is Paper.A3
    assert f"Op A4 passen {a4.cut} namen niet heel" in advice[1] and f"Op A3 zijn dat er {a3.cut}." in advice[1]
    assert paper_advice(m, View.CURRENT, Paper.A3, "nl") is None  # A3 was chosen: nothing to say
    assert paper_advice(sample_map(), View.CURRENT, Paper.A4, "en") is None  # three short names fit on A4


def test_beyond_60_people_a4_says_its_names_print_smaller_and_offers_a3() -> None:
    m = poster_map(80)
    a4, a3 = print_plan(m, View.CURRENT, Paper.A4), print_plan(m, View.CURRENT, Paper.A3)
    assert a4.smallest_pt < MIN_PT <= a3.smallest_pt
    advice = paper_advice(m, View.CURRENT, Paper.A4, "en")
    assert advice is not None and advice[0] is Paper.A3
    assert "smaller than 7 pt" in advice[1] and f"{a4.smallest_pt:.1f} pt" in advice[1]
