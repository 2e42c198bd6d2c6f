import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kenniskring.i18n import t
from kenniskring.labels import RING
from kenniskring.layout import NODE_W, layout
from kenniskring.model import (
    MAX_NAME,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Perspective,
    Ring,
    View,
    view_map,
)
from kenniskring.render import KNOWLEDGE_COLOUR, NAME_LINES, NAME_SIZES, PRESENTING_NAME_SIZES, render
from kenniskring.svgfile import read_map_file
from kenniskring.textfit import width

from .factories import crowded_map, person, sample_map

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def nodes(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{{{NS['svg']}}}g") if "kk-node" in (g.get("class") or "").split()]


def node_texts(node: ET.Element) -> list[str]:
    """The name and the knowledge letters on a note (an outsider's role letter: ``role_marks``)."""
    return ["".join(t.itertext()) for t in node.findall(".//svg:text", NS) if "kk-role-mark" not in t.get("class", "")]


def role_marks(node: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in node.findall(".//svg:text", NS) if "kk-role-mark" in t.get("class", "")]


def translate(node: ET.Element) -> tuple[float, float]:
    x, y = re.match(r"translate\(([-\d.]+),([-\d.]+)\)", node.get("transform", "")).groups()  # type: ignore[union-attr]
    return float(x), float(y)


def test_three_labelled_rings_and_a_centre() -> None:
    root = parse(render(NetworkMap(), "nl"))
    rings = root.findall(".//svg:circle", NS)
    ring_classes = [c.get("class") for c in rings if "kk-ring" in (c.get("class") or "")]
    assert len(ring_classes) == 3
    labels = ["".join(t.itertext()) for t in root.findall(".//svg:text[@class='kk-ring-label']", NS)]
    assert labels == ["wekelijks", "minstens maandelijks", "minder dan maandelijks"]
    centre = "".join(root.find(".//svg:g[@class='kk-centre']", NS).itertext())  # type: ignore[union-attr]
    assert "Ons team" in centre


def test_the_centre_says_whose_map_it_is() -> None:
    root = parse(render(NetworkMap(change="Hybride leren", perspective=Perspective.PERSONAL), "nl"))
    centre = "".join(root.find(".//svg:g[@class='kk-centre']", NS).itertext())  # type: ignore[union-attr]
    assert "Ik" in centre and "Hybride leren" in centre


def test_one_node_per_person_in_the_right_ring() -> None:
    m = sample_map()
    svg = render(m, "nl")
    root = parse(svg)
    found = {n.get("data-id"): n for n in nodes(root)}
    assert set(found) == {c.id for c in m.contacts}
    g = layout(m)
    for c in m.contacts:
        node = found[c.id]
        assert node.get("data-ring") == c.ring.value
        x, y = translate(node)
        assert g.ring_at(math.hypot(x, y)) is c.ring


def test_knowledge_shown_by_colour_and_letter() -> None:
    m = NetworkMap(contacts=(person("a", "Anna", knowledge=tuple(KnowledgeForm)), person("b", "Bo", knowledge=())))
    root = parse(render(m, "nl"))
    anna, bo = nodes(root)
    assert node_texts(anna)[1:] == ["W", "P", "E"]
    fills = [r.get("fill") for r in anna.findall(".//svg:g/svg:rect", NS)]
    assert fills == [KNOWLEDGE_COLOUR[k] for k in KnowledgeForm]
    assert node_texts(bo)[1:] == ["?"]
    # English letters
    anna_en = nodes(parse(render(m, "en")))[0]
    assert node_texts(anna_en)[1:] == ["S", "P", "E"]


def test_kinds_have_different_shapes() -> None:
    m = NetworkMap(contacts=tuple(person(k.value, k.value, kind=k) for k in PersonKind))
    shapes = {}
    for node in nodes(parse(render(m, "nl"))):
        icon = next(el for el in node.iter() if "kk-icon" in (el.get("class") or ""))
        shapes[node.get("data-kind")] = icon.tag.split("}")[1]
    assert shapes == {"own_team": "circle", "organisation": "rect", "outside": "polygon"}


@pytest.mark.parametrize(
    "name",
    ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "&amp; &lt;", "]]><!ENTITY x>", "A\u202eB"],
)
def test_names_are_text_never_markup(name: str) -> None:
    m = NetworkMap(change=name, contacts=(Contact("a", name[:80], Ring.WEEKLY, PersonKind.OWN_TEAM),))
    root = parse(render(m, "nl"))
    tags = {el.tag.split("}")[1] for el in root.iter()}
    assert not tags & {"script", "img", "foreignObject"}
    assert not any(attr.startswith("on") for el in root.iter() for attr in el.attrib)
    title = root.find(".//svg:g[@class='kk-node']/svg:title", NS)
    assert title is not None and title.text is not None and title.text.startswith("\u2068" + name[:80])  # isolated (issue 13)


def name_element(node: ET.Element) -> ET.Element:
    found = [el for el in node.iter(f"{{{NS['svg']}}}text") if el.get("class") == "kk-name"]
    assert len(found) == 1
    return found[0]


def name_lines(node: ET.Element) -> list[tuple[float, float, str]]:
    """Each line of a note's name: its x, its font size and its text."""
    text = name_element(node)
    size = float(text.get("font-size", "0"))
    spans = text.findall("svg:tspan", NS)
    if not spans:
        return [(float(text.get("x", "nan")), size, text.text or "")]
    return [(float(span.get("x", "nan")), size, span.text or "") for span in spans]


def test_a_long_name_is_whole_on_two_lines_and_in_the_tooltip() -> None:
    long = "Wilhelmina van Oranje-Nassau"
    root = parse(render(NetworkMap(contacts=(person("a", long),)), "nl"))
    node = nodes(root)[0]
    lines = name_lines(node)
    assert len(lines) == 2 and "".join(text for _, _, text in lines) == long
    assert "…" not in node_texts(node)[0]
    assert node.find("svg:title", NS).text.startswith("\u2068" + long)  # type: ignore[union-attr]


def test_a_name_beyond_two_lines_at_the_smallest_size_is_cut_but_whole_in_the_tooltip() -> None:
    long = "Professor Doctor Wilhelmina Maria Antonia van Oranje-Nassau tot Vredenburg"
    root = parse(render(NetworkMap(contacts=(person("a", long),)), "nl"))
    node = nodes(root)[0]
    lines = name_lines(node)
    assert lines[-1][2].endswith("…") and {size for _, size, _ in lines} == {min(NAME_SIZES)}
    assert node.find("svg:title", NS).text.startswith("\u2068" + long)  # type: ignore[union-attr]


@pytest.mark.parametrize("role", [None, OutsideRole.EXTERNAL_EXPERT])
@pytest.mark.parametrize("shape", ["word", "words", "accents", "cjk", "emoji"])
def test_names_of_1_to_80_characters_fit_their_note(shape: str, role: OutsideRole | None) -> None:
    """With an outsider's role letter too, which takes the start of the name's room."""
    pieces = {
        "word": "Onderwijskundige",
        "words": "Jan de Wit en ",
        "accents": "Émilie Dupont-Lefèvre ",
        "cjk": "数据科学家王小明 ",
        "emoji": "👩‍🔬 Dr. Noor ",
    }[shape]
    names = [(pieces * 80)[:n].strip() or "x" for n in range(1, MAX_NAME + 1)]
    kind = PersonKind.OWN_TEAM if role is None else PersonKind.OUTSIDE
    m = NetworkMap(contacts=tuple(person(f"p{i}", name, Ring.WEEKLY, kind, role) for i, name in enumerate(names)))
    root = parse(render(m, "nl"))
    left = -NODE_W / 2 + 23 + (0 if role is None else 11)
    cut = 0
    by_id = {node.get("data-id"): node for node in nodes(root)}
    for i, name in enumerate(names):
        lines = name_lines(by_id[f"p{i}"])
        size = lines[0][1]
        assert size >= min(NAME_SIZES) and len(lines) <= NAME_LINES
        for x, line_size, text in lines:
            assert line_size == size
            # Measured with the served font's widths, the line ends inside the note, clear of its edge.
            assert x >= left - 1e-6 and x + width(text.rstrip(), size) <= NODE_W / 2 - 4 + 1e-6
        shown = "".join(text for _, _, text in lines)
        if shown.endswith("…"):
            cut += 1
            assert size == min(NAME_SIZES) and name.startswith(shown[:-1].rstrip())
        else:
            assert shown == " ".join(name.split())  # every character of the name is on the note
    assert cut < len(names)


def test_presenting_a_short_name_takes_21_units_and_no_name_is_smaller_or_more_cut_than_on_screen() -> None:
    names = [
        "Sam",
        "Docent",
        "Teamleider",
        "Anna de Vries",
        *(("Jan de Wit en " * 6)[:n].strip() for n in range(1, MAX_NAME + 1)),
    ]
    m = NetworkMap(contacts=tuple(person(f"p{i}", name) for i, name in enumerate(names)))
    g = layout(m)
    screen = {n.get("data-id"): name_lines(n) for n in nodes(parse(render(m, "nl", geometry=g)))}
    shown = {n.get("data-id"): name_lines(n) for n in nodes(parse(render(m, "nl", geometry=g, name_sizes=PRESENTING_NAME_SIZES)))}
    assert shown["p0"][0][1] == 21.0 and screen["p0"][0][1] == 16.0
    assert shown["p3"][0][1] > 16.0 and len(shown["p3"]) == 2  # two lines, larger than on screen
    for key, lines in shown.items():
        assert lines[0][1] >= screen[key][0][1]
        for x, size, text in lines:  # inside the note as on screen
            assert x + width(text.rstrip(), size) <= NODE_W / 2 - 4 + 1e-6
        assert lines[-1][2].endswith("…") <= screen[key][-1][2].endswith("…")


def test_the_example_maps_show_every_name_whole() -> None:
    for example in ("voorbeeld.json", "example.json"):
        text = (Path(__file__).resolve().parents[2] / "docs" / "assets" / "examples" / example).read_text(encoding="utf-8")
        m = read_map_file(text)
        for view in View:
            root = parse(render(m, "nl", view))
            found = {n.get("data-id"): "".join(t for _, _, t in name_lines(n)) for n in nodes(root)}
            assert found and "…" not in "".join(found.values())
            for c in view_map(m, view).contacts:
                assert found[c.id] == " ".join(c.name.split())


def test_the_pictures_name_the_served_font_first() -> None:
    root = parse(render(sample_map(), "nl"))
    assert root.get("font-family", "").startswith("'Atkinson Hyperlegible',")


def test_title_and_description_for_screen_readers() -> None:
    root = parse(render(sample_map(), "nl"))
    assert root.get("role") == "graphics-document" and root.get("aria-roledescription") == "kaart"
    assert root.get("aria-labelledby") == "kk-map-title kk-map-desc"
    assert root.find("svg:title", NS).text == "Netwerkkaart: Flexibel en hybride leren"  # type: ignore[union-attr]
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc == "3 mensen op drie ringen rond Ons team: 1 wekelijks, 1 minstens maandelijks, 1 minder dan maandelijks."


def test_empty_map_invites_to_add_someone() -> None:
    assert "Nog niemand op de kaart" in render(NetworkMap(), "nl")
    assert "Nog niemand" not in render(sample_map(), "nl")


def test_legend_explains_shapes_and_colours() -> None:
    legend = parse(render(NetworkMap(), "nl")).find(".//svg:g[@class='kk-legend']", NS)
    text = " ".join(legend.itertext())  # type: ignore[union-attr]
    for words in ("collega eigen team", "buiten de organisatie", "wetenschappelijke kennis", "ervaringskennis"):
        assert words in text


def test_the_picture_grows_with_a_crowded_ring_and_stays_in_view() -> None:
    root = parse(render(crowded_map({Ring.WEEKLY: 40}), "nl"))
    x, y, w, h = map(float, root.get("viewBox").replace(",", " ").split())  # type: ignore[union-attr]
    for node in nodes(root):
        nx, ny = translate(node)
        assert x < nx - 60 and nx + 60 < x + w and y < ny - 24 and ny + 24 < y + h


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("form", list(KnowledgeForm))
def test_white_letters_on_knowledge_colours_are_readable(form: KnowledgeForm) -> None:
    contrast = (1.05) / (relative_luminance(KNOWLEDGE_COLOUR[form]) + 0.05)
    assert contrast >= 4.5


def test_views_show_now_desired_or_both() -> None:
    from kenniskring.render import View

    from .factories import full_map

    m = full_map()  # the researcher "b" should move to weekly; "w" is a wished-for field partner
    now = {n.get("data-id"): n for n in nodes(parse(render(m, "nl", View.CURRENT)))}
    assert set(now) == {"a", "b", "c"} and now["b"].get("data-ring") == "monthly"
    desired = {n.get("data-id"): n for n in nodes(parse(render(m, "nl", View.DESIRED)))}
    assert set(desired) == {"a", "b", "c", "w"} and desired["b"].get("data-ring") == "weekly"
    both_root = parse(render(m, "nl", View.BOTH))
    both = {n.get("data-id"): n for n in nodes(both_root)}
    assert both["b"].get("data-ring") == "monthly"
    arrows = both_root.findall(".//svg:path[@class='kk-arrow']", NS)
    assert [(a.get("data-id"), a.get("data-desired")) for a in arrows] == [("b", "weekly")]
    ghosts = both_root.findall(".//svg:g[@class='kk-ghost']", NS)
    assert [g.get("data-id") for g in ghosts] == ["b"]
    assert [n.get("data-id") for n in nodes(parse(render(m, "nl", View.DESIRED)))].count("b") == 1
    assert desired["w"].get("class") == "kk-node kk-wished" and "gewenst" in node_texts(desired["w"])


def test_an_arrow_runs_from_the_person_into_their_ghost_in_the_desired_ring() -> None:
    from kenniskring.layout import picture_layout
    from kenniskring.render import View

    from .factories import full_map

    m = full_map()
    root = parse(render(m, "nl", View.BOTH))
    arrow = root.find(".//svg:path[@class='kk-arrow']", NS)
    ghost = root.find(".//svg:g[@class='kk-ghost']", NS)
    assert arrow is not None and ghost is not None
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", arrow.get("d", ""))]
    (x0, y0), (x1, y1) = numbers[:2], numbers[-2:]
    gx, gy = translate(ghost)
    assert abs(x1 - gx) < NODE_W / 2 and abs(y1 - gy) < 24  # ends inside the ghost
    assert picture_layout(m, View.BOTH).ring_at(math.hypot(gx, gy)) is Ring.WEEKLY
    assert math.hypot(x1, y1) < math.hypot(x0, y0)  # inwards: weekly is closer than monthly
    assert "Lector" in "".join(ghost.itertext()) and ghost.get("aria-hidden") is None
    assert root.find(".//svg:g[@class='kk-ghosts']", NS).get("aria-hidden") == "true"  # type: ignore[union-attr]


def test_the_description_says_what_is_desired() -> None:
    from kenniskring.render import View

    from .factories import full_map

    desc = parse(render(full_map(), "nl", View.BOTH)).find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc is not None and desc.endswith("Gewenst: 1 persoon in een andere ring, 1 gewenst contact."), desc
    desc = parse(render(full_map(), "en", View.BOTH)).find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc is not None and desc.endswith("Desired: 1 person in another ring, 1 wished-for contact."), desc


def test_the_description_counts_one_person_in_the_singular() -> None:
    one = NetworkMap(contacts=(person("a", "Anna"),))
    for lang, start in (("nl", "1 persoon op drie ringen"), ("en", "1 person on three rings")):
        desc = parse(render(one, lang)).find("svg:desc", NS).text  # type: ignore[union-attr]
        assert desc is not None and desc.startswith(start), desc


def test_two_maps_on_one_page_have_their_own_ids() -> None:
    a, b = parse(render(sample_map(), "nl", prefix="kk")), parse(render(sample_map(), "nl", prefix="kkp"))
    ids_a = {el.get("id") for el in a.iter() if el.get("id")}
    ids_b = {el.get("id") for el in b.iter() if el.get("id")}
    assert ids_a and not ids_a & ids_b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_graphics_stand_out_from_what_they_are_drawn_on() -> None:
    """WCAG 1.4.11: shapes that carry meaning need 3:1 against their background; text 4.5:1."""
    from kenniskring.render import ARROW, CENTRE_FILL, INK, POSTIT_EDGE, POSTIT_FILL, RING_FILL, RING_LINE, WISHED_FILL

    for fill in RING_FILL:
        assert contrast(RING_LINE, fill) >= 3, fill  # the ring boundaries
        assert contrast(ARROW, fill) >= 3, fill  # arrows to the desired ring
        assert contrast(INK, fill) >= 4.5, fill  # ring labels
        assert contrast(POSTIT_EDGE, fill) >= 3 or contrast(POSTIT_FILL, fill) >= 3, fill  # a note's outline
    assert contrast(INK, POSTIT_FILL) >= 4.5 and contrast(INK, WISHED_FILL) >= 4.5  # names and icons
    assert contrast("#ffffff", CENTRE_FILL) >= 4.5  # the centre's text


def test_a_redraw_reuses_the_notes_of_people_who_did_not_change() -> None:
    from kenniskring.render import _note
    from kenniskring.values import replace

    m = sample_map()
    render(m, "nl")
    before = _note.cache_info()
    anna = m.contacts[0]
    changed = replace(m, contacts=(replace(anna, name="Anna"), *m.contacts[1:]))
    reused = render(changed, "nl")
    after = _note.cache_info()
    assert after.misses - before.misses == 1  # only Anna's note is drawn again
    assert after.hits - before.hits == len(m.contacts) - 1
    # ...and the picture is the one a fresh drawing gives: the name changed, the rest did not.
    _note.cache_clear()
    assert render(changed, "nl") == reused
    root = parse(reused)
    texts = {n.get("data-id"): node_texts(n) for n in nodes(root)}
    assert texts["a"][0] == "Anna"
    assert texts["b"][0] == "Lector"


def test_a_note_is_the_same_drawn_fresh_or_reused() -> None:
    from kenniskring.render import _note

    m = sample_map()
    _note.cache_clear()
    fresh = render(m, "nl")
    assert render(m, "nl") == fresh
    assert render(m, "en") != fresh  # the language is part of a note (its tooltip, its letters)


def test_a_right_to_left_override_in_a_name_stays_inside_the_name() -> None:
    m = NetworkMap(contacts=(Contact("a", "\u202eevil", Ring.WEEKLY, PersonKind.OWN_TEAM),))
    root = ET.fromstring(render(m, "nl"))
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(t.startswith("\u2068\u202eevil\u2069 – ") for t in titles)
    names = [el for el in root.iter("{http://www.w3.org/2000/svg}text") if el.get("class") == "kk-name"]
    assert names and all(el.get("unicode-bidi") == "isolate" for el in names)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_kind_of_outsider_has_a_letter_of_its_own_on_the_map_and_in_the_legend(lang: str) -> None:
    from kenniskring.labels import KNOWLEDGE_LETTER, ROLE, ROLE_LETTER

    people = tuple(
        person(f"r{i}", f"Buiten {i}", Ring.MONTHLY, PersonKind.OUTSIDE, role) for i, role in enumerate(OutsideRole)
    ) + (person("n", "Zonder rol", Ring.MONTHLY, PersonKind.OUTSIDE), person("t", "Collega", Ring.WEEKLY))
    root = parse(render(NetworkMap(change="Rollen", contacts=people), lang))
    marks = {n.get("data-id"): role_marks(n) for n in nodes(root)}
    letters = [t(lang, ROLE_LETTER[role]) for role in OutsideRole]
    assert [marks[f"r{i}"] for i in range(len(OutsideRole))] == [[letter] for letter in letters]
    assert marks["n"] == [] and marks["t"] == []
    # four different letters, none of them a knowledge form's letter: nothing to mix up
    assert len(set(letters)) == 4
    assert not set(letters) & {t(lang, KNOWLEDGE_LETTER[f]) for f in KnowledgeForm}
    legend = root.find(".//svg:g[@class='kk-legend']", NS)
    assert legend is not None
    legend_text = ["".join(x.itertext()) for x in legend.iter(f"{{{NS['svg']}}}text")]
    for role, letter in zip(OutsideRole, letters, strict=True):
        assert t(lang, ROLE[role]) in legend_text
        assert legend_text.count(letter) >= 1


def test_each_note_is_a_keyboard_stop_with_a_spoken_name_in_ring_by_ring_clockwise_order() -> None:
    m = crowded_map({Ring.WEEKLY: 5, Ring.MONTHLY: 9, Ring.LESS_OFTEN: 14})
    root = parse(render(m, "nl"))
    order: list[tuple[int, float]] = []
    for node in nodes(root):
        assert node.get("tabindex") == "0" and node.get("role") == "graphics-symbol"
        c = m.contact(node.get("data-id", ""))
        assert c is not None
        label = node.get("aria-label", "")
        assert label == f"\u2068{c.name}\u2069, collega eigen team, {t('nl', RING[c.ring])}, professionele kennis"
        x, y = translate(node)
        order.append(([r.value for r in Ring].index(node.get("data-ring", "")), math.atan2(x, -y) % math.tau))
    assert order == sorted(order)  # inner ring first; within a ring clockwise from the top


def test_a_note_of_an_outsider_says_their_role_and_every_form() -> None:
    c = person("a", "Lector", Ring.MONTHLY, PersonKind.OUTSIDE, OutsideRole.RESEARCHER, tuple(KnowledgeForm))
    node = nodes(parse(render(NetworkMap(contacts=(c,)), "en")))[0]
    assert node.get("aria-label") == (
        "\u2068Lector\u2069, outside the organisation (researcher), at least monthly, "
        "scientific knowledge, professional knowledge, experiential knowledge"
    )
