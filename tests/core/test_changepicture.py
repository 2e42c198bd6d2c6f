"""The picture of what changed: each change kind with its mark that is not colour alone, arrows from
the ring of then to the ring of now, and nobody unchanged marked."""

from __future__ import annotations

import math
from xml.etree import ElementTree

from kenniskring.changepicture import change_picture
from kenniskring.layout import layout
from kenniskring.model import KnowledgeForm, NetworkMap, PersonKind, Ring
from kenniskring.values import replace

from tests.core.factories import person, sample_map

SVG = "{http://www.w3.org/2000/svg}"
W, P, E = KnowledgeForm.SCIENTIFIC, KnowledgeForm.PROFESSIONAL, KnowledgeForm.EXPERIENTIAL


def two_moments() -> tuple[NetworkMap, NetworkMap]:
    """Then: Anna (weekly, E+P), Lector (monthly), Teamleider (less often). Now: Anna brings W and
    P (not E), Teamleider is weekly, Lector is gone, Coach Bram is new, Dirk did not change."""
    m = sample_map()
    anna, _lector, leader = m.contacts
    dirk = person("e", "Dirk Jansen", Ring.MONTHLY)
    before = replace(m, contacts=m.contacts + (dirk,))
    coach = person("d", "Coach Bram", Ring.MONTHLY, PersonKind.ORGANISATION)
    after = replace(m, contacts=(replace(anna, knowledge=(W, P)), replace(leader, ring=Ring.WEEKLY), coach, dirk))
    return before, after


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def notes(root: ElementTree.Element) -> dict[str, ElementTree.Element]:
    """Each person's note by the whole name its title starts with."""
    found = {}
    for g in root.iter(f"{SVG}g"):
        if "kk-person" in g.get("class", "").split():
            title = g.find(f"{SVG}title")
            assert title is not None and title.text
            found[title.text.split(" – ")[0].strip("\u2068\u2069")] = g
    return found


def texts(g: ElementTree.Element) -> list[str]:
    return ["".join(el.itertext()) for el in g.iter(f"{SVG}text")]


def test_every_kind_of_change_has_its_own_mark_in_text_not_only_colour() -> None:
    before, after = two_moments()
    people = notes(parse(change_picture(before, after, "nl", "Start", "Nu")))
    assert set(people) == {"Anna de Vries", "Lector", "Teamleider", "Coach Bram", "Dirk Jansen"}
    assert "+" in texts(people["Coach Bram"]) and people["Coach Bram"].get("data-marks") == "new"
    lector = people["Lector"]
    assert "−" in texts(lector) and lector.get("data-marks") == "gone"
    assert lector.find(f"{SVG}rect").get("stroke-dasharray")  # type: ignore[union-attr]  # dashed: gone
    anna = texts(people["Anna de Vries"])
    assert "+W" in anna and "−E" in anna and "P" in anna  # gained, lost, kept
    assert people["Teamleider"].get("data-marks") == "closer"
    # The whole name and the change in words, for a screen reader and a pointer's tooltip.
    title = people["Teamleider"].find(f"{SVG}title").text  # type: ignore[union-attr]
    assert "dichterbij: van minder dan maandelijks naar wekelijks" in title
    assert "brengt nu ook wetenschappelijke kennis" in people["Anna de Vries"].find(f"{SVG}title").text  # type: ignore[union-attr]


def test_a_person_seen_as_another_kind_has_a_mark_and_says_so() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts
    after = replace(m, contacts=(anna, lector, replace(leader, kind=PersonKind.OUTSIDE)))
    leader_note = notes(parse(change_picture(m, after, "nl")))["Teamleider"]
    assert leader_note.get("data-marks") == "kind" and "~" in texts(leader_note)
    assert "eerst collega binnen de organisatie, nu buiten de organisatie" in leader_note.find(f"{SVG}title").text  # type: ignore[union-attr]


def test_nobody_who_did_not_change_is_marked() -> None:
    before, after = two_moments()
    dirk = notes(parse(change_picture(before, after, "en")))["Dirk Jansen"]
    assert dirk.get("data-marks") == "unchanged" and "kk-unchanged" in dirk.get("class", "")
    assert texts(dirk) == ["Dirk Jansen"]  # no badge, no chip, no sign
    assert dirk.find(f"{SVG}title").text.endswith("unchanged (at least monthly)")  # type: ignore[union-attr]


def test_a_map_compared_with_itself_marks_nobody_and_draws_no_arrow() -> None:
    m = sample_map()
    root = parse(change_picture(m, m, "nl"))
    assert all(g.get("data-marks") == "unchanged" for g in notes(root).values())
    assert not [g for g in root.iter(f"{SVG}g") if g.get("class") == "kk-move"]


def test_arrows_go_from_the_ring_of_then_to_the_ring_of_now() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts
    after = replace(m, contacts=(replace(anna, ring=Ring.LESS_OFTEN), lector, replace(leader, ring=Ring.WEEKLY)))
    root = parse(change_picture(m, after, "nl"))
    bands = {b.ring.value: b for b in layout(after).bands}
    moves = {g.get("data-id"): g for g in root.iter(f"{SVG}g") if g.get("class") == "kk-move"}
    assert set(moves) == {anna.id, leader.id}  # Lector stayed: no arrow
    for cid, was, now in ((anna.id, "weekly", "less_often"), (leader.id, "less_often", "weekly")):
        move = moves[cid]
        assert (move.get("data-from"), move.get("data-to")) == (was, now)
        line = move.find(f"{SVG}line[@class='kk-arrow']")
        assert line is not None and line.get("marker-end")
        start = math.hypot(float(line.get("x1", 0)), float(line.get("y1", 0)))
        end = math.hypot(float(line.get("x2", 0)), float(line.get("y2", 0)))
        assert bands[was].inner < start < bands[was].outer
        assert bands[now].inner < end < bands[now].outer


def test_the_legend_names_every_mark_and_the_picture_says_what_it_shows() -> None:
    before, after = two_moments()
    root = parse(change_picture(before, after, "en", "Start", "Now"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "What changed: Start → Now"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text.startswith("New: 1. No longer on the map: 1. Moved: 1. With other knowledge: 1.")  # type: ignore[union-attr]
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "kk-legend")
    words = " ".join(texts(legend))
    for expected in (
        "new on the map",
        "another kind of person",
        "no longer on the map",
        "arrow from the ring of then",
        "brings this knowledge now",
        "no longer brings this knowledge",
        "unchanged",
        "S = scientific knowledge",
    ):
        assert expected in words, expected


def test_user_text_is_text_in_the_picture_never_markup() -> None:
    m = NetworkMap(change="x", contacts=(person("a", "<b>Anna</b> & co"),))
    after = replace(m, contacts=())
    svg = change_picture(m, after, "nl", "<i>toen</i>", "nu", standalone=True)
    root = parse(svg)
    assert "<b>" not in svg and root.get("width")
    assert "<b>Anna</b> & co" in notes(root)


def test_long_names_are_whole_on_the_notes_of_then_and_now() -> None:
    """New, gone, moved and unchanged notes alike: wrapped and shrunk, never cut while they fit."""
    from kenniskring.changepicture import NAME_LEFT, NAME_WIDTH
    from kenniskring.textfit import width

    names = ["Wilhelmina van Oranje-Nassau", "Marieke van der Berg", "ICT-coördinator", "Onderwijskundige"]
    before = NetworkMap(contacts=(person("a", names[0]), person("b", names[1]), person("c", names[2], Ring.MONTHLY)))
    after = NetworkMap(contacts=(person("b", names[1]), person("c", names[2]), person("d", names[3])))
    people = notes(parse(change_picture(before, after, "nl", "Start", "Nu")))
    assert set(people) == set(names)
    for name, g in people.items():
        text = next(el for el in g.iter(f"{SVG}text") if el.get("class") == "kk-name")
        assert "".join(text.itertext()) == name and text.get("unicode-bidi") == "isolate"
        size = float(text.get("font-size", "0"))
        assert size >= 9.5
        bold = text.get("font-weight") == "bold"
        for line in [s.text or "" for s in text.findall(f"{SVG}tspan")] or [text.text or ""]:
            assert NAME_LEFT + width(line.rstrip(), size, bold) <= NAME_LEFT + NAME_WIDTH + 1e-6
