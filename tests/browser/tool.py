"""How a person uses the tool page, as small steps the tests share."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

READY_TIMEOUT_MS = 60_000


def open_tool(page: Page, site_url: str, path: str = "tool/") -> Page:
    page.goto(site_url + path)
    wait_until_ready(page)
    return page


def wait_until_ready(page: Page) -> None:
    expect(page.get_by_role("button", name="Open een bestand (.json of .svg)")).to_be_enabled(timeout=READY_TIMEOUT_MS)


# The open map as the browser has stored it, and whether its stored first picture is of that save.
SAVED = """([names, change]) => {
  const index = JSON.parse(localStorage.getItem('kenniskring:index') || 'null');
  const text = index && index.current && localStorage.getItem('kenniskring:map:' + index.current);
  if (!text) return false;
  const map = JSON.parse(text).map;
  const people = map.contacts.map(c => c.name);
  if (!names.every(n => people.includes(n)) || (change !== null && map.change !== change)) return false;
  const entry = (index.maps || []).find(e => e.id === index.current);
  const preview = JSON.parse(localStorage.getItem('kenniskring:preview') || 'null');
  return !!entry && !!preview && preview.map === index.current && preview.updated === entry.updated;
}"""


def wait_until_saved(page: Page, *names: str, change: str | None = None) -> None:
    """Wait for the debounced save: the open map in storage holds these people (and this change),
    and the stored first picture belongs to that very save."""
    page.wait_for_function(SAVED, arg=[list(names), change])


def go_to_step(page: Page, title: str) -> None:
    page.get_by_role("navigation", name="Stappen van de reflectie").get_by_role("button", name=title).click()
    expect(page.get_by_role("heading", name=re.compile(f"Stap \\d van 6: {title}"))).to_be_focused()


def the_map(page: Page) -> Locator:
    return page.get_by_role("img", name=re.compile("Netwerkkaart"))


def add_person(
    page: Page, name: str, ring: str, kind: str, knowledge: list[str], role: str | None = None, announced: bool = True
) -> None:
    """Fill in the form and add. ``announced``: wait for the status message; where another tab's
    edit may arrive at the same moment (its message then follows ours), wait for the note instead."""
    page.get_by_label("Naam", exact=True).fill(name)
    page.get_by_role("radio", name=ring, exact=True).check()
    page.get_by_role("radio", name=kind, exact=True).check()
    if role is not None:
        page.get_by_label("Wat voor iemand van buiten?").select_option(label=role)
    for form in knowledge:
        page.get_by_role("checkbox", name=form, exact=True).check()
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    if announced:
        expect(page.get_by_role("status").filter(has_text=f"{name} staat op de kaart.")).to_be_visible()
    else:
        expect(node(page, name)).to_have_count(1)


def row(page: Page, name: str) -> Locator:
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def node(page: Page, name: str) -> Locator:
    return the_map(page).locator(".kk-node").filter(has_text=name)


def download_menu(page: Page, name: str) -> Locator:
    """The item ``name`` of the toolbar's downloads menu, with the menu opened as a person would."""
    page.get_by_text("Downloaden en afdrukken", exact=True).click()
    return page.get_by_role("button", name=name)
