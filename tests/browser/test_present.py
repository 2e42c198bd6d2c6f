"""Presenting the map: one button or P, the map alone on the screen at its full height, the step's
question beside it, the steps and undo by keyboard, Esc to leave."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_accessibility import violations
from .test_map_flow import fill_three
from .tool import add_person, node, open_tool, the_map

HIDDEN_WHILE_PRESENTING = (
    ("navigation", "Stappen van de reflectie"),
    ("toolbar", "Kaart bewerken en bewaren"),
    ("button", "Toevoegen"),
    ("table", None),
)


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080), (3840, 2160)])
def test_presenting_fills_the_screen_with_the_map_and_the_question(page: Page, site_url: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_tool(page, site_url)
    fill_three(page)
    others = [
        page.get_by_role(role, name=name, exact=True) if name else page.get_by_role(role)
        for role, name in HIDDEN_WHILE_PRESENTING
    ]  # type: ignore[arg-type]
    others.append(page.get_by_text("Mijn kaarten in deze browser"))
    for target in others:
        expect(target).to_be_visible()
    page.get_by_role("button", name="Presenteren (P)").click()
    caption = page.get_by_role("heading", name="Stap 2 van 6: Mensen en ringen")
    expect(caption).to_be_focused()
    box = the_map(page).bounding_box()
    assert box is not None
    assert box["height"] >= 0.9 * height and box["y"] >= 0 and box["y"] + box["height"] <= height + 1
    # the map's three rings, every person and the legend beside it are there; the rest of the page is not
    expect(the_map(page).locator(".kk-node")).to_have_count(3)
    expect(page.get_by_role("list", name="Legenda")).to_be_visible()
    for target in others:
        expect(target).to_be_hidden()
    # the question is large: bigger than the page's body text
    body = float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))
    caption_size = float(caption.evaluate("h => parseFloat(getComputedStyle(h).fontSize)"))
    assert caption_size >= 1.5 * body


def test_presenting_by_keyboard_steps_undo_and_esc(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_tool(page, site_url)
    fill_three(page)
    the_map(page).locator(".kk-node").first.focus()  # a person on the map, reached by Tab
    page.keyboard.press("p")
    expect(page.get_by_role("heading", name="Stap 2 van 6: Mensen en ringen")).to_be_focused()
    assert violations(page) == []  # axe in presentation mode
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="Stap 3 van 6: Wie zijn het?")).to_be_visible()
    page.keyboard.press("PageUp")
    expect(page.get_by_role("heading", name="Stap 2 van 6: Mensen en ringen")).to_be_visible()
    # a note by keyboard while presenting: one ring out, then undo with the bar's button
    lector = the_map(page).get_by_label(re.compile(r"^\W*Lector Kansen\W*, "))
    lector.focus()
    page.keyboard.press("ArrowDown")
    expect(node(page, "Lector Kansen")).to_have_attribute("data-ring", "less_often")
    expect(page.get_by_role("status")).to_have_text("Lector Kansen staat nu in de ring ‘minder dan maandelijks’.")
    page.get_by_role("button", name="Ongedaan maken").filter(visible=True).click()
    expect(node(page, "Lector Kansen")).to_have_attribute("data-ring", "monthly")
    page.get_by_role("button", name="Volgende stap").filter(visible=True).click()
    expect(page.get_by_role("heading", name="Stap 3 van 6: Wie zijn het?")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Presenteren (P)")).to_be_focused()
    expect(page.get_by_role("navigation", name="Stappen van de reflectie")).to_be_visible()
    assert not page.evaluate("!!document.fullscreenElement")
    # the legend is under the rings again
    expect(the_map(page).locator(".kk-legend")).to_have_count(1)


def test_typing_a_p_in_a_field_is_typing(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    field = page.get_by_label("Over welke onderwijsverandering gaat deze kaart?")
    field.press_sequentially("Project")
    expect(field).to_have_value("Project")
    expect(page.get_by_role("navigation", name="Stappen van de reflectie")).to_be_visible()


# A name's size on the screen, in CSS pixels: its font size times the picture's scale.
NAME_PX = "el => parseFloat(el.getAttribute('font-size')) * el.getScreenCTM().a"


def test_presenting_at_1920_by_1080_a_short_name_is_as_large_as_body_text(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_tool(page, site_url)
    body = float(page.locator("#kk-step-text").evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))
    fill_three(page)
    add_person(page, "Sam", "wekelijks", "collega eigen team", ["ervaringskennis"])
    page.get_by_role("button", name="Presenteren (P)").click()
    expect(page.get_by_role("heading", name="Stap 2 van 6: Mensen en ringen")).to_be_focused()
    names = {n: node(page, n).locator("text.kk-name") for n in ("Sam", "Anna de Vries", "Teamleider")}
    expect(names["Sam"]).to_have_attribute("font-size", "21")
    presented = {n: float(name.evaluate(NAME_PX)) for n, name in names.items()}
    assert presented["Sam"] >= body
    # a name on two lines, or one long word: at least 85 % of body text
    assert all(presented[n] >= 0.85 * body for n in names), (presented, body)


def test_p_with_nothing_focused_presents_and_stays_on_the_tool_page(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    url = page.url
    page.evaluate("() => document.activeElement.blur()")  # as after a click on an empty part of the page
    page.keyboard.press("p")  # not the site's "previous page"
    expect(page.get_by_role("button", name="Stoppen (Esc)")).to_be_visible()
    expect(page).to_have_url(url)
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Presenteren (P)")).to_be_focused()
