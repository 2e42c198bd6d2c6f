"""The map itself by keyboard: each note is a stop, keys move a person a ring, Ctrl+Z always undoes
the map when the focused field has nothing of its own to undo, and a reload keeps the step."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .test_accessibility import violations
from .test_map_flow import fill_three
from .tool import add_person, go_to_step, node, open_tool, the_map, wait_until_saved


def test_a_note_by_keyboard_moves_in_and_out_undoes_and_opens(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)
    anna = the_map(page).get_by_label(re.compile(r"^\W*Anna de Vries\W*, collega eigen team, wekelijks, "))
    expect(anna).to_have_count(1)
    status = page.get_by_role("status")

    anna.focus()
    page.keyboard.press("ArrowDown")
    expect(status).to_have_text("Anna de Vries staat nu in de ring ‘minstens maandelijks’.")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "monthly")
    expect(node(page, "Anna de Vries")).to_be_focused()  # the redrawn note keeps the focus
    page.keyboard.press("ArrowDown")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "less_often")
    page.keyboard.press("ArrowDown")
    expect(status).to_have_text("Anna de Vries staat al in de buitenste ring (‘minder dan maandelijks’).")
    page.keyboard.press("+")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "monthly")
    page.keyboard.press("Control+z")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "less_often")
    expect(node(page, "Anna de Vries")).to_be_focused()
    page.keyboard.press("Control+Shift+z")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "monthly")
    # axe with a note focused, from the page's top: where the focus scrolled to depends on where the
    # note happens to sit, and a radio scrolled under the sticky header counts as "partially obscured".
    page.evaluate("() => window.scrollTo(0, 0)")
    expect(node(page, "Anna de Vries")).to_be_focused()
    assert violations(page) == []
    # the site's own one-key shortcuts (n: next page) do not take keys from a note
    url = page.url
    page.keyboard.press("n")
    expect(page).to_have_url(url)
    expect(node(page, "Anna de Vries")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Naam", exact=True)).to_have_value("Anna de Vries")
    expect(page.get_by_role("radio", name="minstens maandelijks", exact=True)).to_be_checked()


def test_tab_goes_through_the_notes_ring_by_ring(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)  # Anna weekly; Lector and Teamleider monthly
    order = the_map(page).locator(".kk-node").evaluate_all("notes => notes.map(n => n.dataset.ring)")
    assert order == ["weekly", "monthly", "monthly"]
    first = the_map(page).locator(".kk-node").first
    first.focus()
    page.keyboard.press("Tab")
    expect(the_map(page).locator(".kk-node").nth(1)).to_be_focused()


def test_ctrl_z_right_after_adding_a_person_takes_them_off_the_map(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    page.get_by_role("button", name="Volgende stap").click()
    add_person(page, "Sam", "wekelijks", "collega eigen team", [])
    name = page.get_by_label("Naam", exact=True)
    expect(name).to_be_focused()  # ready for the next name
    page.keyboard.press("Control+z")
    expect(node(page, "Sam")).to_have_count(0)
    page.keyboard.press("Control+Shift+z")
    expect(node(page, "Sam")).to_have_count(1)
    # typing in the field: Ctrl+Z is the field's own again, the map stays
    name.press_sequentially("Ti")
    page.keyboard.press("Control+z")
    expect(node(page, "Sam")).to_have_count(1)


def test_a_reload_comes_back_to_the_step_the_user_was_on(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    page.get_by_role("button", name="Volgende stap").click()
    add_person(page, "Sam", "wekelijks", "collega eigen team", ["professionele kennis"])
    go_to_step(page, "Reflecteren")
    wait_until_saved(page, "Sam")
    page.reload()
    expect(page.get_by_role("heading", name="Stap 5 van 6: Reflecteren")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Open een bestand (.json of .svg)")).to_be_enabled(timeout=60_000)
    expect(page.get_by_role("heading", name="Stap 5 van 6: Reflecteren")).to_be_visible()
