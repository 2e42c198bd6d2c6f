"""Real headless Chromium (Debian's) against the built site, served on localhost.

Every test's browser context records all requests and page errors; a test fails if anything was
requested from another origin, a request failed (4xx/5xx), the Content-Security-Policy was
violated or a script error happened, whatever the test itself checked.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.serve import start

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


@dataclass
class Watch:
    """What a browser context did: every URL it asked for and every uncaught page error."""

    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        own = urlsplit(self.origin)
        return [u for u in self.requests if urlsplit(u).scheme not in ("blob", "data") and urlsplit(u)[:2] != own[:2]]


# Chromium's own messages (its stderr, via Playwright's debug log): where a crashed renderer's
# last words end up.
BROWSER_LOG = Path(tempfile.gettempdir()) / f"kenniskring-browser-{os.getpid()}.log"


def report_crash(url: str) -> None:
    """A renderer that dies takes its reason with it; say what the machine had left at that moment,
    and the last things Chromium said.

    A test whose page crashed is run once more (``--only-rerun`` in pyproject.toml): a crash that
    comes back fails the test, a one-off one is reported here and in pytest's summary.
    """
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines() if ":" in line)
    disks = {d: shutil.disk_usage(d).free // 2**20 for d in ("/tmp", "/dev/shm") if os.path.isdir(d)}
    said = BROWSER_LOG.read_text(errors="replace").splitlines() if BROWSER_LOG.exists() else []
    last = [line for line in said if "dbus" not in line][-12:]
    print(
        f"\nBROWSER PAGE CRASHED at {url}: MemAvailable {meminfo.get('MemAvailable', '?').strip()}, "
        f"free MiB {disks}, load {os.getloadavg()}\nChromium's last messages:\n" + "\n".join(last),
        file=sys.stderr,
    )


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    if not (SITE / "runtime").is_dir():
        pytest.fail("site/ is not built; `make test` builds it before running the tests")
    server = start(SITE)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    os.environ |= {"DEBUG": "pw:browser", "DEBUG_FILE": str(BROWSER_LOG)}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
    BROWSER_LOG.unlink(missing_ok=True)


@pytest.fixture
def new_context(browser: Browser, site_url: str) -> Iterator[object]:
    """Make fresh browser profiles (own storage, own downloads); each one is watched."""
    made: list[tuple[BrowserContext, Watch]] = []

    def make(service_workers: str = "block") -> tuple[BrowserContext, Watch]:
        # Service workers (offline use) are allowed only where a test is about them: elsewhere the
        # background precache of the runtime would only make the other tests slower.
        ctx = browser.new_context(
            accept_downloads=True,
            viewport={"width": 1400, "height": 1000},
            locale="nl-NL",
            service_workers=service_workers,  # type: ignore[arg-type]
        )
        watch = Watch(site_url)
        ctx.on("request", lambda r: watch.requests.append(r.url))
        ctx.on("weberror", lambda e: watch.errors.append(str(e.error)))
        ctx.on("response", lambda r: watch.missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        # Every Content-Security-Policy violation on any page of this profile is reported and counted.
        ctx.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI))"
        )
        ctx.on("console", lambda m: watch.csp.append(m.text) if m.text.startswith("CSP-VIOLATION") else None)
        ctx.on("page", lambda p: p.on("crash", lambda crashed: report_crash(crashed.url)))
        made.append((ctx, watch))
        return ctx, watch

    yield make
    for ctx, watch in made:
        ctx.close()
        assert watch.foreign() == [], f"requests to another origin: {watch.foreign()}"
        assert watch.errors == [], f"script errors on the page: {watch.errors}"
        assert watch.csp == [], f"Content-Security-Policy violations: {watch.csp}"
        assert watch.missing == [], f"requests that failed: {watch.missing}"


@pytest.fixture
def watched(new_context: object) -> tuple[BrowserContext, Watch]:
    return new_context()  # type: ignore[operator, no-any-return]


@pytest.fixture
def page(watched: tuple[BrowserContext, Watch]) -> Page:
    return watched[0].new_page()
