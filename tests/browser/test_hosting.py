"""The configuration snippets on the IT page, run for real: nginx and Apache serve a copy of site/
from /tools/kenniskring/ with exactly the files in hosting/, and the tool works behind them.

Each server runs as a plain foreground process on a free port, with a minimal main configuration
around the snippet. (IIS's web.config is only checked for being well-formed XML, in tests/site.)
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .conftest import ROOT, SITE
from .tool import READY_TIMEOUT_MS, add_person, go_to_step, node, wait_until_ready

PREFIX = "/tools/kenniskring/"
HOSTING = ROOT / "hosting"
AS_ROOT = os.geteuid() == 0
SBIN = os.environ.get("PATH", "") + os.pathsep + "/usr/sbin"  # where Debian puts both servers


def program(name: str) -> str:
    found = shutil.which(name, path=SBIN)
    if found is None:
        pytest.fail(f"{name} is not installed; `make test` installs it")
    return found


# What the server must send for each kind of file the tool needs.
EXPECTED_TYPES = {
    "index.html": "text/html",
    "tool/index.html": "text/html",
    "runtime/pyodide/pyodide.asm.wasm": "application/wasm",
    "runtime/pyodide/pyodide.mjs": "text/javascript",
    "runtime/pyodide/python_stdlib.zip": "application/zip",
    "runtime/pyodide/pyodide-lock.json": "application/json",
    "runtime/main.py": "text/plain",
    "assets/fonts/atkinson-hyperlegible-latin-700-normal.woff2": "font/woff2",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def public_copy() -> Iterator[Path]:
    """A copy of site/ that the servers' unprivileged workers may read (pytest's tmp is private)."""
    base = Path(tempfile.mkdtemp(prefix="kenniskring-hosting-"))
    base.chmod(0o755)
    copy = base / "site"
    shutil.copytree(SITE, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield copy
    shutil.rmtree(base)


def wait_for(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text(errors='replace') if log.exists() else ''}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"the server did not answer at {url}")


@pytest.fixture(scope="module")
def nginx(public_copy: Path) -> Iterator[str]:
    work = public_copy.parent / "nginx"
    work.mkdir()
    port = free_port()
    snippet = (HOSTING / "nginx.conf").read_text().replace("/var/www/kenniskring/", f"{public_copy}/")
    temp = "\n".join(f"    {kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"""{"user nobody nogroup;" if AS_ROOT else ""}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    access_log off;
{temp}
    server {{
        listen 127.0.0.1:{port};
{snippet}
    }}
}}
"""
    )
    log = work / "error.log"
    process = subprocess.Popen([program("nginx"), "-c", str(work / "nginx.conf"), "-p", str(work)])
    url = f"http://127.0.0.1:{port}{PREFIX}"
    wait_for(url, process, log)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def apache(public_copy: Path) -> Iterator[str]:
    work = public_copy.parent / "apache"
    work.mkdir()
    shutil.copy2(HOSTING / "htaccess", public_copy / ".htaccess")
    (public_copy / ".htaccess").chmod(0o644)
    port = free_port()
    modules = "/usr/lib/apache2/modules"
    load = "\n".join(
        f"LoadModule {name}_module {modules}/mod_{name}.so"
        for name in ("mpm_event", "authz_core", "mime", "dir", "alias", "headers")
    )
    (work / "httpd.conf").write_text(
        f"""{load}
ServerName localhost
Listen 127.0.0.1:{port}
PidFile {work}/httpd.pid
ErrorLog {work}/error.log
Mutex file:{work} default
DefaultRuntimeDir {work}
TypesConfig /etc/mime.types
{"User nobody" if AS_ROOT else ""}
{"Group nogroup" if AS_ROOT else ""}
Alias {PREFIX} {public_copy}/
<Directory {public_copy}>
    AllowOverride FileInfo Indexes
    Require all granted
</Directory>
"""
    )
    log = work / "error.log"
    process = subprocess.Popen([program("apache2"), "-f", str(work / "httpd.conf"), "-DFOREGROUND"])
    url = f"http://127.0.0.1:{port}{PREFIX}"
    wait_for(url, process, log)
    yield url
    process.terminate()
    process.wait(timeout=10)


SERVERS = ["nginx", "apache"]


@pytest.mark.parametrize("server", SERVERS)
def test_types_and_cache_headers(server: str, request: pytest.FixtureRequest) -> None:
    base: str = request.getfixturevalue(server)
    for path, expected in EXPECTED_TYPES.items():
        with urllib.request.urlopen(base + path) as response:
            assert response.headers.get_content_type() == expected, path
            assert response.headers["Cache-Control"] == "no-cache", path
            validator = {"If-None-Match": response.headers["ETag"]} if response.headers["ETag"] else {}
        # Asked again with what the browser kept: "not modified", nothing downloaded twice.
        with pytest.raises(urllib.error.HTTPError) as again:
            urllib.request.urlopen(urllib.request.Request(base + path, headers=validator))
        assert again.value.code == 304, path
    # The folder itself gives the home page.
    with urllib.request.urlopen(base) as response:
        assert b"Kenniskring" in response.read()


@pytest.mark.parametrize("server", SERVERS)
def test_the_tool_works_behind_the_server(server: str, request: pytest.FixtureRequest, new_context: object) -> None:
    base: str = request.getfixturevalue(server)
    ctx, watch = new_context()  # type: ignore[operator]
    assert isinstance(ctx, BrowserContext)
    watch.origin = base
    page = ctx.new_page()
    page.goto(base)
    page.get_by_role("link", name="Begin met de kaart").click()
    wait_until_ready(page)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "AB", "wekelijks", "collega eigen team", ["ervaringskennis"])
    expect(node(page, "AB")).to_have_count(1)
    page.reload()
    expect(node(page, "AB")).to_have_count(1, timeout=READY_TIMEOUT_MS)
    assert all(PREFIX in url for url in watch.requests), "every request stays inside the sub-folder"
