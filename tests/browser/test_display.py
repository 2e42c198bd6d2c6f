"""What reaches the screen: hostile names stay text, bad files get their message, and the tool
works on a phone, at 200% zoom and in the large projector view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from .conftest import Watch
from .tool import add_person, go_to_step, node, open_tool, row, the_map, wait_until_saved

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_a_hostile_name_shows_as_text_and_runs_nothing(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_tool(page, site_url)
    go_to_step(page, "Mensen en ringen")
    hostile = "<img src=x onerror=alert(1)>"
    add_person(page, hostile, "wekelijks", "collega eigen team", [])
    expect(row(page, hostile)).to_have_count(1)  # shown literally in the table
    expect(the_map(page).locator("title").filter(has_text=hostile)).to_have_count(1)
    assert page.locator("#kk-app img").count() == 0  # no element was made from it
    wait_until_saved(page, hostile)  # saved and drawn again for the stored picture: time for any handler to run
    assert dialogs == [] and page.evaluate("typeof window.__pwned") == "undefined"


SAMPLE = [
    "name-script.json",
    "name-svg-cdata.json",
    "version-newer.json",
    "png-bytes.json",
    "duplicate-ids.json",
    "svg-entity-bomb.svg",
    "name-with-nul.json",
]


@pytest.mark.parametrize("name", SAMPLE)
def test_a_sample_of_the_corpus_through_the_page(page: Page, site_url: str, name: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_tool(page, site_url)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Blijft staan", "wekelijks", "collega eigen team", [])
    before = the_map(page).inner_html()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(CORPUS / name)
    if EXPECTED[name] == "ok":
        expect(page.get_by_role("status").filter(has_text=f"‘{name}’ geopend")).to_be_visible()
        assert page.locator("#kk-app script, #kk-app img, #kk-app foreignObject").count() == 0
    else:
        expect(page.get_by_role("alert")).to_contain_text(f"‘{name}’ kon niet worden geopend")
        expect(page.get_by_role("alert")).to_contain_text("De kaart op het scherm is niet veranderd.")
        assert the_map(page).inner_html() == before
    assert dialogs == []


def no_sideways_scrolling(page: Page) -> None:
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1


@pytest.mark.parametrize(
    ("label", "viewport"), [("phone 360 px", {"width": 360, "height": 740}), ("200% zoom", {"width": 640, "height": 400})]
)
def test_narrow_screens(watched: tuple[BrowserContext, Watch], site_url: str, label: str, viewport: dict[str, int]) -> None:
    context, _ = watched
    page = context.new_page()
    page.set_viewport_size(viewport)
    open_tool(page, site_url)
    no_sideways_scrolling(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Op een klein scherm", "minstens maandelijks", "buiten de organisatie", ["ervaringskennis"])
    expect(node(page, "Op een klein")).to_have_count(1)
    go_to_step(page, "Reflecteren")
    no_sideways_scrolling(page)


def test_the_projector_view_is_large_and_remembered(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    go_to_step(page, "Mensen en ringen")
    map_width = the_map(page).bounding_box()["width"]  # type: ignore[index]
    toggle = page.get_by_role("button", name="Grote weergave (projector)")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert the_map(page).bounding_box()["width"] > map_width * 1.3  # type: ignore[index]
    page.reload()
    expect(page.get_by_role("button", name="Grote weergave (projector)")).to_have_attribute(
        "aria-pressed", "true", timeout=60_000
    )


def test_the_toolbar_fits_a_phone_with_the_downloads_in_one_menu(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_tool(page, site_url)
    toolbar = page.get_by_role("toolbar")
    menu = toolbar.get_by_text("Downloaden en afdrukken", exact=True)
    json_item = page.get_by_role("button", name="Download als bestand (.json)")
    expect(json_item).to_be_hidden()  # inside the closed menu
    assert toolbar.bounding_box()["height"] <= 0.3 * 740  # type: ignore[index]  # eight buttons in a row took 0.4

    menu.focus()  # by keyboard: Enter opens, Esc closes and gives the focus back
    page.keyboard.press("Enter")
    expect(json_item).to_be_visible()
    expect(page.get_by_role("button", name="Poster afdrukken (A4)")).to_be_visible()
    expect(page.get_by_role("button", name="Poster afdrukken (A3)")).to_be_visible()
    page.keyboard.press("Tab")
    expect(json_item).to_be_focused()
    page.keyboard.press("Escape")
    expect(json_item).to_be_hidden()
    expect(menu).to_be_focused()

    menu.click()
    with page.expect_download():
        json_item.click()
    expect(json_item).to_be_hidden()  # a choice closes the menu


def top(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"]


def test_a_chosen_step_and_a_focused_note_stop_below_the_header_and_messages_move_nothing(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_tool(page, site_url)
    header = page.get_by_role("banner")
    header_box = header.bounding_box()
    assert header_box is not None
    below_header = header_box["y"] + header_box["height"]

    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    go_to_step(page, "Mensen en ringen")  # the focused heading is scrolled to, not hidden under the header
    assert top(page.get_by_role("heading", name=re.compile("Stap 2 van 6"))) >= below_header

    # A message (ours, or another tab's) shows in the status line, which keeps its place: the form
    # does not move under the pointer.
    name_field = page.get_by_label("Naam", exact=True)
    in_page = "el => el.getBoundingClientRect().top + window.scrollY"
    before = name_field.evaluate(in_page)
    add_person(page, "Iemand van ver", "wekelijks", "collega eigen team", ["ervaringskennis"])
    assert name_field.evaluate(in_page) == pytest.approx(before, abs=0.5)

    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    note = node(page, "Iemand van ver")
    note.focus()
    expect(note).to_be_focused()
    assert top(note) >= below_header
