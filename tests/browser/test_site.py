"""The site as teachers and IT staff meet it: search, the language switch, the one-click example,
the tool in English, and the whole thing served from a sub-folder of an intranet.

(Every page of both languages is also opened in test_accessibility.py; the fixture fails any test
that requests something from another origin, hits a script error or breaks the CSP.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from scripts.serve import start

from .conftest import SITE
from .tool import READY_TIMEOUT_MS, add_person, go_to_step, node, the_map, wait_until_ready

PREFIX = "/tools/kenniskring/"


@pytest.mark.parametrize(
    ("path", "label", "ready", "query", "result"),
    [
        ("", "Zoeken", "Typ om te beginnen met zoeken", "blinde vlek", "Wat de maten betekenen"),
        ("en/", "Search", "Type to start searching", "blind spot", "What the measures mean"),
    ],
)
def test_search_finds_a_page_and_opens_it(
    page: Page, site_url: str, path: str, label: str, ready: str, query: str, result: str
) -> None:
    page.goto(site_url + path)
    page.get_by_role("textbox", name=label).click()
    expect(page.get_by_role("dialog", name=label).get_by_text(ready)).to_be_visible(timeout=15_000)  # index loaded
    page.get_by_role("textbox", name=label).press_sequentially(query)  # Material searches on key-up, as a person types
    results = page.get_by_role("dialog", name=label).get_by_role("list")
    hit = results.get_by_role("link").filter(has=page.get_by_role("heading", level=1, name=result))
    expect(hit).to_be_visible(timeout=15_000)
    hit.click()
    expect(page.get_by_role("heading", level=1, name=result)).to_be_visible()


def test_language_switch_keeps_the_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "privacy/")
    page.get_by_role("button", name="Selecteer taal").click()
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1, name="Privacy")).to_be_visible()
    assert page.url == site_url + "en/privacy/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Select language").click()
    page.get_by_role("link", name="Nederlands").click()
    assert page.url == site_url + "privacy/"


def test_the_example_opens_in_one_click_next_to_the_users_own_map(page: Page, site_url: str) -> None:
    page.goto(site_url + "tool/")
    wait_until_ready(page)
    page.get_by_label("Over welke onderwijsverandering gaat deze kaart?").fill("Onze eigen verandering")
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Mijn collega", "wekelijks", "collega eigen team", ["professionele kennis"])

    page.goto(site_url + "voorbeeld/")
    page.get_by_role("link", name="Open dit voorbeeld in de tool").click()
    expect(page.get_by_role("status").filter(has_text="Het voorbeeld is geopend als nieuwe kaart.")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    expect(the_map(page)).to_have_accessible_name(re.compile("Flexibel en hybride leren"))
    expect(node(page, "Lector")).to_have_count(1)
    assert "voorbeeld" not in page.url  # a reload must not open a second copy

    page.reload()
    wait_until_ready(page)
    page.get_by_text(re.compile(r"Mijn kaarten in deze browser \(2\)")).click()
    page.get_by_role("button", name="Kaart ‘Onze eigen verandering’ openen").click()
    expect(node(page, "Mijn collega")).to_have_count(1)

    # The example once more: the tool goes to the one that is there instead of making a second.
    page.goto(site_url + "voorbeeld/")
    page.get_by_role("link", name="Open dit voorbeeld in de tool").click()
    expect(page.get_by_role("status").filter(has_text="Het voorbeeld stond al in Mijn kaarten")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    expect(node(page, "Lector")).to_have_count(1)
    expect(page.get_by_text(re.compile(r"Mijn kaarten in deze browser \(2\)"))).to_be_visible()


def test_an_example_that_cannot_be_fetched_changes_nothing(page: Page, site_url: str) -> None:
    page.goto(site_url + "tool/")
    wait_until_ready(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Mijn collega", "wekelijks", "collega eigen team", ["professionele kennis"])
    page.route(re.compile(r"/assets/examples/voorbeeld\.json$"), lambda route: route.abort("internetdisconnected"))
    page.goto(site_url + "tool/?voorbeeld")
    expect(page.get_by_role("alert")).to_contain_text("Het voorbeeld kon niet worden geladen.", timeout=READY_TIMEOUT_MS)
    expect(node(page, "Mijn collega")).to_have_count(1)
    expect(page.get_by_text(re.compile(r"Mijn kaarten in deze browser \(1\)"))).to_be_visible()


def test_the_tool_speaks_english_on_the_english_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/tool/")
    expect(page.get_by_role("button", name="Open a file (.json or .svg)")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    page.get_by_label("Which educational change is this map about?").fill("Hybrid learning")
    page.get_by_role("navigation", name="Steps of the reflection").get_by_role("button", name="People and rings").click()
    page.get_by_label("Name", exact=True).fill("Professor")
    page.get_by_role("radio", name="less than monthly", exact=True).check()
    page.get_by_role("radio", name="outside the organisation", exact=True).check()
    page.get_by_label("What kind of outsider?").select_option(label="researcher")
    page.get_by_role("checkbox", name="scientific").check()
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Professor is on the map.")).to_be_visible()
    the_map_en = page.get_by_role("img", name="Network map: Hybrid learning")
    expect(the_map_en.locator(".kk-node").filter(has_text="Professor")).to_contain_text("S")
    expect(page.get_by_role("row").filter(has_text="Professor")).to_contain_text("less than monthly")


@pytest.fixture
def intranet_url() -> Iterator[str]:
    server = start(SITE, prefix=PREFIX)
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()


def test_the_whole_site_works_from_a_sub_folder(new_context: object, intranet_url: str) -> None:
    ctx, watch = new_context()  # type: ignore[operator]
    assert isinstance(ctx, BrowserContext)
    watch.origin = intranet_url  # the fixture then also fails on any request outside this origin
    outside: list[str] = []
    ctx.on("requestfinished", lambda r: outside.append(r.url) if PREFIX not in r.url else None)
    page = ctx.new_page()
    page.goto(intranet_url)
    expect(page.get_by_role("heading", level=1, name="Kenniskring")).to_be_visible()
    page.get_by_role("link", name="Begin met de kaart").click()
    wait_until_ready(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "AB", "minstens maandelijks", "buiten de organisatie", ["wetenschappelijke kennis"], role="onderzoeker")
    expect(node(page, "AB")).to_have_count(1)

    page.get_by_role("button", name="Selecteer taal").click()
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("button", name="Open a file (.json or .svg)")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    assert page.url == intranet_url + "en/tool/"
    expect(page.get_by_role("img", name=re.compile("Network map")).locator(".kk-node").filter(has_text="AB")).to_have_count(1)

    page.goto(intranet_url + "en/voorbeeld/")
    page.get_by_role("link", name="Open this example in the tool").click()
    expect(page.get_by_role("status").filter(has_text="The example was opened as a new map.")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    assert outside == [], f"requests outside {PREFIX}: {outside}"
