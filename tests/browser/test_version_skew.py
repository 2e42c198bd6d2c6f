"""Two builds of the site open at once in one browser (the service worker can keep an old one
running beside a new one): the older tab never writes over what the newer one saved.

The "newer build" is a copy of the built site (every file a link to site/, nothing in the tree is
written) whose app zip carries a ``fileformat`` one format version ahead. Both are served by one
server, at two paths: one origin, so one localStorage, as two tabs of one site.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from kenniskring.fileformat import FORMAT_VERSION
from playwright.sync_api import Browser, BrowserContext, Page, expect

from scripts.serve import start

from .conftest import ROOT, SITE, Watch
from .tool import add_person, open_tool, wait_until_ready, wait_until_saved

CURRENT_MAP = "() => localStorage.getItem('kenniskring:map:' + JSON.parse(localStorage.getItem('kenniskring:index')).current)"
NEWER_BANNER = "Er is een nieuwere versie van Kenniskring geopend — vernieuw deze pagina"


def newer_fileformat() -> str:
    """The package's fileformat with FORMAT_VERSION one higher and a migration to it."""
    source = (ROOT / "py" / "kenniskring" / "fileformat.py").read_text(encoding="utf-8")
    found = re.findall(r"^FORMAT_VERSION = (\d+)$", source, flags=re.MULTILINE)
    assert len(found) == 1, "fileformat.FORMAT_VERSION is no longer one plain line: update this test"
    version = int(found[0])
    source = source.replace(f"FORMAT_VERSION = {version}\n", f"FORMAT_VERSION = {version + 1}\n")
    return source + f'\nMIGRATIONS[{version}] = lambda doc: {{**doc, "version": {version + 1}}}\n'


def newer_zip(data: bytes) -> bytes:
    """The app zip with fileformat as source (imported from the zip like the bytecode it replaces)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        assert "kenniskring/fileformat.pyc" in names
        for name in names:
            if name != "kenniskring/fileformat.pyc":
                new.writestr(old.getinfo(name), old.read(name))
        new.writestr("kenniskring/fileformat.py", newer_fileformat())
    return out.getvalue()


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (SITE / "runtime").is_dir():
        pytest.fail("site/ is not built; `make test` builds it before running the tests")
    root = tmp_path_factory.mktemp("two-builds")
    (root / "old").symlink_to(SITE, target_is_directory=True)
    shutil.copytree(SITE, root / "new", copy_function=os.symlink)
    [app_zip] = (root / "new" / "runtime").glob("kenniskring-*.zip")
    data = Path(os.readlink(app_zip)).read_bytes()
    app_zip.unlink()
    app_zip.write_bytes(newer_zip(data))
    server = start(root)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def context(browser: Browser, two_builds: str) -> Iterator[BrowserContext]:
    """One browser profile for both builds, watched as ``conftest.new_context`` watches (its origin is theirs)."""
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 1000}, service_workers="block")
    watch = Watch(two_builds)
    ctx.on("request", lambda r: watch.requests.append(r.url))
    ctx.on("weberror", lambda e: watch.errors.append(str(e.error)))
    ctx.on("response", lambda r: watch.missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield ctx
    ctx.close()
    assert watch.foreign() == [], f"requests to another origin: {watch.foreign()}"
    assert watch.errors == [], f"script errors on the page: {watch.errors}"
    assert watch.missing == [], f"requests that failed: {watch.missing}"


def test_an_older_tab_never_writes_over_a_newer_versions_map(context: BrowserContext, two_builds: str) -> None:
    old: Page = open_tool(context.new_page(), two_builds, "old/tool/")
    old.get_by_role("button", name="Volgende stap").click()
    add_person(old, "Anna", "wekelijks", "collega eigen team", ["ervaringskennis"])
    wait_until_saved(old, "Anna")

    new: Page = open_tool(context.new_page(), two_builds, "new/tool/")
    add_person(new, "Bram", "minstens maandelijks", "collega eigen team", ["professionele kennis"])
    wait_until_saved(new, "Anna", "Bram")
    written = new.evaluate(CURRENT_MAP)
    assert f'"version": {FORMAT_VERSION + 1}' in written

    # The older tab hears of the write, says so and offers the reload; the map stays as it was.
    banner = old.get_by_role("alert").filter(has_text=NEWER_BANNER)
    expect(banner).to_be_visible()
    expect(banner.get_by_role("button", name="Vernieuw deze pagina")).to_be_visible()
    add_person(old, "Cas", "wekelijks", "collega eigen team", ["ervaringskennis"])
    old.evaluate("window.dispatchEvent(new Event('pagehide'))")  # the save a leaving page makes, now
    assert old.evaluate(CURRENT_MAP) == written
    assert new.evaluate(CURRENT_MAP) == written

    # Reloaded, the older build still finds the newer map: it leaves it where it is, untouched.
    with old.expect_navigation():
        banner.get_by_role("button", name="Vernieuw deze pagina").click()
    wait_until_ready(old)
    expect(old.get_by_role("alert").filter(has_text=NEWER_BANNER)).to_be_visible()
    kept = old.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('kenniskring:map:')).map(k => localStorage.getItem(k))"
    )
    assert written in kept
    assert old.evaluate("() => Object.keys(localStorage).filter(k => k.includes('unreadable'))") == []
