"""Fast to open and working offline: the saved picture before Python is up, the service worker that
keeps the whole site for offline use, and a new version announced rather than half-loaded."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from scripts.serve import start

from .conftest import SITE
from .tool import READY_TIMEOUT_MS, add_person, go_to_step, node, the_map, wait_until_ready, wait_until_saved


def offline_ready(page: Page) -> None:
    """The service worker controls the page, and its install (the whole precache) has finished."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=READY_TIMEOUT_MS)
    page.evaluate("navigator.serviceWorker.ready")


def first_visit_with_anna(new_context: object, url: str) -> tuple[BrowserContext, Page]:
    """A first visit with service workers allowed: the offline copy is complete, Anna is on the map."""
    ctx, watch = new_context(service_workers="allow")  # type: ignore[operator]
    assert isinstance(ctx, BrowserContext)
    watch.origin = url
    page = ctx.new_page()
    page.goto(url + "tool/")
    wait_until_ready(page)
    offline_ready(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Anna", "wekelijks", "collega eigen team", ["ervaringskennis"])
    return ctx, page


def test_the_saved_map_shows_before_python_is_up(page: Page, site_url: str) -> None:
    page.goto(site_url + "tool/")
    wait_until_ready(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Anna", "wekelijks", "collega eigen team", ["ervaringskennis"])
    add_person(page, "Lector", "minder dan maandelijks", "buiten de organisatie", ["wetenschappelijke kennis"], "onderzoeker")
    wait_until_saved(page, "Anna", "Lector")

    # Hold Python back: the picture must come from the stored preview alone.
    page.route(re.compile(r"/runtime/main\.py$"), lambda route: None)
    page.reload()
    expect(the_map(page)).to_be_visible(timeout=5_000)
    expect(node(page, "Anna")).to_have_count(1)
    expect(node(page, "Lector")).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="Python wordt geladen in je browser.")).to_be_visible()  # still loading
    assert page.evaluate("performance.getEntriesByName('kk-first-picture').length") == 1
    page.unroute(re.compile(r"/runtime/main\.py$"))


def test_a_preview_of_another_map_or_language_is_never_shown(page: Page, site_url: str) -> None:
    page.goto(site_url + "tool/")
    wait_until_ready(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Anna", "wekelijks", "collega eigen team", [])
    wait_until_saved(page, "Anna")
    page.route(re.compile(r"/runtime/main\.py$"), lambda route: None)
    page.goto(site_url + "en/tool/")  # the stored picture is Dutch: the English page shows none
    expect(page.locator("#kk-map svg")).to_have_count(0)
    # The index now says another map is open: the picture is not of that map, so none is shown.
    page.goto(site_url + "tool/")
    expect(node(page, "Anna")).to_have_count(1)
    page.evaluate(
        "(() => { const i = JSON.parse(localStorage.getItem('kenniskring:index'));"
        " i.current = 'another'; localStorage.setItem('kenniskring:index', JSON.stringify(i)); })()"
    )
    page.reload()
    expect(page.get_by_role("status").filter(has_text="Python wordt geladen in je browser.")).to_be_visible()
    expect(page.locator("#kk-map svg")).to_have_count(0)


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[str, Path, object]]:
    """A copy of the site on a server of its own, that a test may change or stop."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    server = start(root)
    yield f"http://127.0.0.1:{server.server_port}/", root, server
    server.shutdown()
    server.server_close()


def test_after_one_visit_the_tool_works_with_the_server_gone(new_context: object, own_server: tuple[str, Path, object]) -> None:
    url, _root, server = own_server
    ctx, page = first_visit_with_anna(new_context, url)

    server.shutdown()  # type: ignore[attr-defined]
    server.server_close()  # type: ignore[attr-defined]
    ctx.set_offline(True)
    page.reload()
    wait_until_ready(page)
    expect(node(page, "Anna")).to_have_count(1)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Bram", "minstens maandelijks", "collega binnen de organisatie", ["professionele kennis"])
    expect(node(page, "Bram")).to_have_count(1)
    page.goto(url + "aanpak/")  # the rest of the site too
    expect(page.get_by_role("heading", level=1, name="De aanpak")).to_be_visible()


def test_a_new_version_is_announced_and_taken_only_when_chosen(new_context: object, own_server: tuple[str, Path, object]) -> None:
    url, root, _server = own_server
    _ctx, page = first_visit_with_anna(new_context, url)
    expect(page.get_by_text("Er is een nieuwe versie van Kenniskring beschikbaar.")).to_be_hidden()

    # A new build is put on the server: another version, and a page that says so.
    sw = root / "sw.js"
    sw.write_text(re.sub(r'const VERSION = "[0-9a-f]+"', 'const VERSION = "0000000000000000"', sw.read_text()))
    page_file = root / "tool" / "index.html"
    page_file.write_text(page_file.read_text().replace("<h1", '<h1 data-version="new"', 1))

    page.reload()  # still the old version, from its own cache; the new one installs meanwhile
    wait_until_ready(page)
    expect(page.locator("h1[data-version]")).to_have_count(0)
    notice = page.get_by_role("status").filter(has_text="Er is een nieuwe versie van Kenniskring beschikbaar.")
    expect(notice).to_be_visible(timeout=READY_TIMEOUT_MS)
    notice.get_by_role("button", name="Nu vernieuwen").click()
    expect(page.locator("h1[data-version='new']")).to_have_count(1, timeout=READY_TIMEOUT_MS)
    wait_until_ready(page)
    expect(node(page, "Anna")).to_have_count(1)
