"""The offline copy: one HTML file, double-clicked (file://), with the network off, and the whole tool works.

The browser profile here is offline from the start and every request is recorded: the only
addresses the page may ask for are the file itself and the blob: URLs it makes of its own
contents. Its Content-Security-Policy allows nothing else either; any violation fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from hooks.offline_copy import OFFLINE_PATH

from .conftest import SITE
from .test_accessibility import violations
from .tool import READY_TIMEOUT_MS, add_person, download_menu, go_to_step, node, wait_until_ready, wait_until_saved

COPY = (SITE / OFFLINE_PATH).resolve()


@dataclass
class Disk:
    context: BrowserContext
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def page(self) -> Page:
        page = self.context.new_page()
        page.goto(COPY.as_uri())
        return page


@contextmanager
def on_disk(browser: Browser, locale: str) -> Iterator[Disk]:
    """The copy opened from disk by a browser whose language is ``locale``, watched for requests."""
    if not COPY.exists():
        pytest.fail(f"{COPY} was not built; `make test` builds the site first")
    context = browser.new_context(offline=True, accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale=locale)
    watch = Disk(context)
    context.on("request", lambda r: watch.requests.append(r.url))
    context.on("weberror", lambda e: watch.problems.append(f"script error: {e.error}"))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    context.on("console", lambda m: watch.problems.append(m.text) if m.text.startswith("CSP-VIOLATION") else None)
    yield watch
    context.close()
    assert watch.problems == []
    others = [u for u in watch.requests if u.split("?")[0] != COPY.as_uri() and not u.startswith("blob:null/")]
    assert others == [], f"the offline copy asked for {others}"


@pytest.fixture
def disk(browser: Browser) -> Iterator[Disk]:
    with on_disk(browser, "nl-NL") as watch:
        yield watch


@pytest.mark.parametrize(
    ("locale", "heading"), [("en-GB", "Kenniskring (offline copy)"), ("de-DE", "Kenniskring (offline versie)")]
)
def test_the_copy_follows_the_browsers_language_until_one_is_chosen(browser: Browser, locale: str, heading: str) -> None:
    with on_disk(browser, locale) as watch:
        page = watch.page()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        if locale != "en-GB":
            wait_until_ready(page)
        else:
            expect(page.get_by_role("button", name="Open a file (.json or .svg)")).to_be_enabled(timeout=READY_TIMEOUT_MS)
            assert page.evaluate("document.documentElement.lang") == "en"
            page.get_by_role("button", name="Overschakelen naar Nederlands").click()  # the switch is visible
            expect(page.get_by_role("heading", name="Kenniskring (offline versie)", level=1)).to_be_visible()
            page.reload()  # a choice wins over the browser's language
            expect(page.get_by_role("heading", name="Kenniskring (offline versie)", level=1)).to_be_visible()


def test_the_copy_opens_from_disk_and_keeps_the_map(disk: Disk) -> None:
    page = disk.page()
    wait_until_ready(page)
    expect(page.get_by_role("heading", name="Kenniskring (offline versie)", level=1)).to_be_visible()
    assert violations(page) == []
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Anna", "wekelijks", "collega eigen team", ["ervaringskennis"])
    add_person(page, "Lector", "minder dan maandelijks", "buiten de organisatie", ["wetenschappelijke kennis"], "onderzoeker")
    expect(node(page, "Anna")).to_have_count(1)
    wait_until_saved(page, "Anna", "Lector")

    page.reload()
    expect(node(page, "Lector")).to_have_count(1, timeout=5_000)  # the saved picture, before Python is up
    wait_until_ready(page)
    expect(node(page, "Anna")).to_have_count(1)
    expect(node(page, "Lector")).to_have_count(1)
    # All local files share one storage in Chromium: the copy keeps to its own keys.
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys and all(k.startswith("kenniskring:") for k in keys), keys

    with page.expect_download() as download:
        download_menu(page, "Download als bestand (.json)").click()
    assert '"Lector"' in download.value.path().read_text(encoding="utf-8")


def test_english_and_the_example_in_the_copy(disk: Disk) -> None:
    page = disk.page()
    wait_until_ready(page)
    page.get_by_role("button", name="Switch to English").click()
    expect(page.get_by_role("heading", name="Kenniskring (offline copy)", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Open a file (.json or .svg)")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert violations(page) == []

    page.get_by_role("link", name="Open the example").click()
    expect(page.get_by_role("button", name="Open a file (.json or .svg)")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect(page.get_by_role("status").filter(has_text="The example was opened as a new map.")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Network map")).locator(".kk-node").first).to_be_visible()

    page.reload()  # the language stays chosen
    expect(page.get_by_role("button", name="Overschakelen naar Nederlands")).to_be_visible()


def test_the_tool_page_offers_the_copy_for_download(page: Page, site_url: str) -> None:
    page.goto(site_url + "tool/")
    link = page.get_by_role("link", name=re.compile(r"Download de offline versie \(één HTML-bestand, \d+ MB\)"))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "kenniskring.html"
    assert download.value.path().read_bytes() == COPY.read_bytes()


def test_a_browser_that_cannot_run_the_copy_says_so(disk: Disk) -> None:
    disk.context.add_init_script("delete window.DecompressionStream")  # as in a browser from before 2023
    page = disk.page()
    expect(page.get_by_role("alert")).to_have_text(
        "Deze browser kan de offline versie niet starten. Open het bestand in een recente Chrome, Edge, Firefox of Safari. "
        "Er is niets van je gegevens verloren gegaan."
    )
