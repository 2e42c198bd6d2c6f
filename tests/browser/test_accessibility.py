"""WCAG 2.2 AA as far as a machine can tell (axe-core, shipped inside axe-playwright-python, run
offline) on every page and on the tool in each step and state; plus the whole method by keyboard."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .test_map_flow import fill_three
from .tool import go_to_step, open_tool, the_map

AXE = Axe()
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
SITE = Path(__file__).resolve().parents[2] / "site"


def violations(page: Page) -> list[str]:
    result: Any = AXE.run(page, options=OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:4])
        for v in result.response["violations"]
    ]


def pages() -> list[str]:
    return sorted(str(p.relative_to(SITE).parent).replace(".", "") for p in SITE.rglob("index.html") if "runtime" not in p.parts)


@pytest.mark.parametrize("path", pages())
def test_every_site_page(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + (path + "/" if path else ""))
    if page.locator("#kk-app").count():
        expect(page.get_by_role("button", name=re.compile(r"^Open (een bestand|a file) "))).to_be_enabled(timeout=60_000)
    assert violations(page) == []


def test_the_tool_in_every_step_and_state(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tool(page, site_url)
    found: dict[str, list[str]] = {"empty, step 1": violations(page)}
    fill_three(page)
    found["full, step 2"] = violations(page)
    page.get_by_role("button", name="Toevoegen", exact=True).click()  # a form error
    found["form error"] = violations(page)
    for title in ("Wie zijn het?", "Welke kennis?", "Reflecteren", "Van inzicht naar actie"):
        go_to_step(page, title)
        found[title] = violations(page)
    page.get_by_role("radio", name="Nu en gewenst").check()
    found["view both"] = violations(page)
    broken = tmp_path / "kapot.json"
    broken.write_text("{")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(broken)
    expect(page.get_by_role("alert")).to_contain_text("kon niet worden geopend")
    found["file error"] = violations(page)
    page.get_by_text("Mijn kaarten in deze browser").click()
    page.get_by_role("button", name=re.compile("^Kaart .* verwijderen$")).first.click()
    expect(page.get_by_role("dialog", name="Kaart verwijderen?")).to_be_visible()
    found["dialog open"] = violations(page)
    assert {state: v for state, v in found.items() if v} == {}


def test_the_whole_method_by_keyboard_alone(page: Page, site_url: str) -> None:
    """Tab, type, Space and Enter only: the mouse is never used."""
    open_tool(page, site_url)
    kb = page.keyboard

    def tab_to(name: str, role: str = "button", limit: int = 120) -> None:
        target = page.get_by_role(role, name=name, exact=True)  # type: ignore[arg-type]
        for _ in range(limit):
            if target.evaluate("el => el === document.activeElement"):
                return
            kb.press("Tab")
        raise AssertionError(f"could not reach {role} {name!r} with Tab")

    tab_to("Over welke onderwijsverandering gaat deze kaart?", "textbox")
    kb.type("Hybride leren")
    tab_to("Volgende stap")
    kb.press("Enter")
    expect(page.get_by_role("heading", name="Stap 2 van 6: Mensen en ringen")).to_be_focused()
    tab_to("Naam", "textbox")
    kb.type("Sam")
    # A radio group is one Tab stop; the arrow keys choose within it.
    tab_to("wekelijks", "radio")
    kb.press("ArrowDown")
    expect(page.get_by_role("radio", name="minstens maandelijks", exact=True)).to_be_checked()
    tab_to("collega eigen team", "radio")
    kb.press("ArrowDown")
    kb.press("ArrowDown")
    expect(page.get_by_role("radio", name="buiten de organisatie", exact=True)).to_be_checked()
    tab_to("wetenschappelijke kennis", "checkbox")
    kb.press("Space")
    kb.press("Enter")  # submits the form
    expect(the_map(page).locator(".kk-node")).to_have_count(1)
    expect(page.get_by_role("row", name=re.compile("Sam"))).to_contain_text("wetenschappelijke kennis")

    # Move Sam to another ring without dragging: Edit, choose the ring with arrow keys, save.
    tab_to("Sam bewerken")
    kb.press("Enter")
    expect(page.get_by_label("Naam", exact=True)).to_be_focused()
    tab_to("minstens maandelijks", "radio")
    kb.press("ArrowDown")
    expect(page.get_by_role("radio", name="minder dan maandelijks", exact=True)).to_be_checked()
    tab_to("Wijzigingen opslaan")
    kb.press("Enter")
    expect(page.get_by_role("row", name=re.compile("Sam"))).to_contain_text("minder dan maandelijks")

    # Reflect and act.
    tab_to("Reflecteren")
    kb.press("Enter")
    tab_to("Hoe verhoudt de kennis die we als team gebruiken zich tot de vraagstukken waarvoor we staan? – nu", "textbox")
    kb.type("Weinig ervaringskennis.")
    tab_to("Van inzicht naar actie")
    kb.press("Enter")
    tab_to("Wat ga je doen?", "textbox")
    kb.type("Bel Sam")
    tab_to("Actie toevoegen")
    kb.press("Enter")
    tab_to("gedaan: Bel Sam", "checkbox")
    kb.press("Space")
    expect(page.get_by_role("checkbox", name="gedaan: Bel Sam")).to_be_checked()
