"""MkDocs hook: put the tool on its page and copy the self-hosted runtime into the built site.

The tool page holds a marker; this hook swaps it for the markup (from the translation catalogue)
and the PyScript tags, with paths relative to the page so the site works from any sub-folder.
After the build, PyScript, Pyodide (with the standard library as the page needs it:
``python_stdlib``) and the app's Python with svgwrite (one zip with ready bytecode, named by its
content hash so a new version is never half-cached; ``python_zip``) are copied under
``site/runtime/``; the offline copy (``offline_copy``) and the service worker are written last.
``assets/preview.js`` gets the storage keys and the record type and version it reads from the Python that
writes them (``preview_script``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kenniskring.i18n import language  # noqa: E402
from kenniskring.library import INDEX_KEY  # noqa: E402
from kenniskring.markup import offline_download_link, tool_markup, update_banner  # noqa: E402
from kenniskring.preview import PREVIEW_KEY, PREVIEW_TYPE, PREVIEW_VERSION  # noqa: E402

from hooks.offline_copy import OFFLINE_PATH, offline_html  # noqa: E402
from hooks.python_stdlib import pyodide_file  # noqa: E402
from hooks.python_zip import WHEEL_PATH, app_zip  # noqa: E402
from hooks.sources import (  # noqa: E402
    EXAMPLES,
    FONT_FILES,
    FONT_LICENCE,
    FONT_PACKAGE,
    FONTS_DIR,
    PYODIDE_DIR,
    PYODIDE_FILES,
    PYSCRIPT_DIST,
)

MARKER = "<!-- kenniskring:tool -->"
DOWNLOAD_MARKER = "<!-- kenniskring:offline-download -->"
SIZE_PLACEHOLDER = "__KENNISKRING_OFFLINE_SIZE__"  # known once the offline copy is written
PYTHON_ZIP = "kenniskring.zip"  # the name main.py puts on sys.path
PREVIEW_SCRIPT = "assets/preview.js"
PREVIEW_CONTRACT = "__KENNISKRING_PREVIEW_CONTRACT__"


def python_config(runtime: str, zip_name: str) -> dict[str, Any]:
    """What PyScript loads besides Pyodide: the app's zip, saved where main.py looks for it."""
    return {"files": {f"{runtime}{zip_name}": f"./{PYTHON_ZIP}"}}


PYSCRIPT_START = (
    "core-*.js",
    "deprecations-manager-*.js",
    "donkey-*.js",
    "error-*.js",
    "py-editor-*.js",
    "py-game-*.js",
    "py-terminal-*.js",
)


def preload_tags(prefix: str, zip_name: str) -> str:
    """Start every download Python's start needs at once, instead of one after the other as
    PyScript and Pyodide discover them (each module is only found when the one before it has run)."""
    runtime = f"{prefix}runtime/"
    # PyScript's core, and the plugins it imports before it starts Pyodide (it loads them all).
    core = sorted(p.name for pattern in PYSCRIPT_START for p in PYSCRIPT_DIST.glob(pattern))
    modules = [f"{runtime}pyscript/{name}" for name in core] + [
        f"{runtime}pyodide/pyodide.mjs",
        f"{runtime}pyodide/pyodide.asm.mjs",
    ]
    # The WebAssembly and the standard library too: without these, Pyodide asks for them only once
    # PyScript's core has run (a profile of the start: the wasm request at 0.51 s, with them 0.11 s;
    # the floor page 0.08 s). On localhost that does not make "ready" sooner (compiling the wasm and
    # starting Python, on the main thread, is what waits); on a slow network the download is what
    # waits, and then it starts 0.4 s sooner. Each file is still downloaded once (Pyodide's fetch
    # takes the preloaded response).
    fetched = [
        f"{runtime}pyodide/pyodide-lock.json",
        f"{runtime}pyodide/pyodide.asm.wasm",
        f"{runtime}pyodide/python_stdlib.zip",
        f"{runtime}{zip_name}",
    ]
    return "".join(f'<link rel="modulepreload" href="{url}">' for url in modules) + "".join(
        f'<link rel="preload" href="{url}" as="fetch" crossorigin>' for url in fetched
    )


def runtime_tags(prefix: str, zip_name: str) -> str:
    runtime = f"{prefix}runtime/"
    config = {"interpreter": f"{runtime}pyodide/pyodide.mjs", **python_config(runtime, zip_name)}
    return (
        # First the last saved picture (a few lines, no Python), then the runtime that takes over.
        f'<script src="{prefix}assets/preview.js"></script>'
        f'<script type="module" src="{runtime}pyscript/core.js"></script>'
        f'<script type="py" src="{runtime}main.py" config=\'{json.dumps(config)}\'></script>'
    )


def preview_script(template: str) -> str:
    """preview.js with what it reads taken from the Python that writes it: the preview's and the
    index's storage keys and the preview record's type and version, so the two can never disagree."""
    if template.count(PREVIEW_CONTRACT) != 1:
        raise SystemExit(f"{PREVIEW_SCRIPT} must hold {PREVIEW_CONTRACT} exactly once")
    contract = {"previewKey": PREVIEW_KEY, "indexKey": INDEX_KEY, "type": PREVIEW_TYPE, "version": PREVIEW_VERSION}
    return template.replace(PREVIEW_CONTRACT, json.dumps(contract))


# The page that explains the figures, from the tool page of either language (both are one folder deep).
MEASURES_PAGE = "../maten/"


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    lang = language(page.meta.get("lang") or config["theme"]["language"])
    html = update_banner(lang) + html
    prefix = "../" * page.url.count("/")
    html = html.replace(DOWNLOAD_MARKER, offline_download(lang, prefix))
    if MARKER not in html:
        return html
    zip_name, _ = app_zip()
    example = f"{prefix}assets/examples/{EXAMPLES[lang]}"
    return html.replace(
        MARKER, preload_tags(prefix, zip_name) + tool_markup(lang, example, MEASURES_PAGE) + runtime_tags(prefix, zip_name)
    )


def offline_download(lang: str, prefix: str) -> str:
    return offline_download_link(lang, f"{prefix}{OFFLINE_PATH}", SIZE_PLACEHOLDER)


INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")


def content_security_policy(html: str) -> str:
    """Allow this site's own files and nothing else; inline scripts only by the hash of their text."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        kind = re.search(r'type="([^"]*)"', attrs)
        if "src=" in attrs or not body.strip() or (kind and kind.group(1) not in EXECUTABLE_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return "; ".join(
        [
            "default-src 'self'",
            # PyScript 0.7 evaluates code and Pyodide compiles WebAssembly: both need 'unsafe-eval'.
            " ".join(["script-src 'self' 'unsafe-eval'", *hashes]),
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def add_csp(html: str) -> str:
    # The i18n plugin runs a second build whose hook pass sees pages the first one already did:
    # one policy per page, however often this runs.
    html = CSP_META.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    # Right after the charset, before any script or style it must govern.
    if '<meta charset="utf-8">' in html:
        return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + meta, 1)
    return html.replace("<head>", "<head>" + meta, 1)


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]+)"')


def name_search_dialog(html: str) -> str:
    """Material's search overlay is a dialog without a name; give it the name of its own input."""
    label = SEARCH_LABEL.search(html)
    if not label or SEARCH_DIALOG not in html:
        return html
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)


ROOT_LANGUAGE_LINK = re.compile(r'(<a href=")/([^"]*)(" hreflang=)')
ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def relative_language_links(html: str, prefix: str) -> str:
    """The i18n plugin writes a home page's language switch as "/" and "/en/"; that only holds at a
    server's root. Relative, it holds in any sub-folder too."""
    return ROOT_LANGUAGE_LINK.sub(lambda m: m.group(1) + ((prefix + m.group(2)) or "./") + m.group(3), html)


def without_alternates(html: str) -> str:
    """Material fetches "sitemap.xml" next to every <link rel="alternate"> (404s on every page, noise
    in a privacy officer's network tab). Without a site_url there is no absolute address to put in
    them anyway; the language switch links straight to the page's counterpart and needs neither."""
    return ALTERNATE_LINK.sub("", html)


def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    # MkDocs writes 404.html with root-absolute links for the server's error page: broken (unstyled)
    # whenever the site lives in a sub-folder, as it does on most intranets. Servers show their own.
    (site / "404.html").unlink(missing_ok=True)
    # Sitemaps need the site's absolute address, which a folder copied to any server cannot know.
    for sitemap in ("sitemap.xml", "sitemap.xml.gz"):
        (site / sitemap).unlink(missing_ok=True)
    # From docs/ each time: the i18n plugin's second pass must not find it already filled in.
    template = (Path(config["docs_dir"]) / PREVIEW_SCRIPT).read_text(encoding="utf-8")
    (site / PREVIEW_SCRIPT).write_text(preview_script(template), encoding="utf-8")
    copy_runtime(config)
    copy_fonts(site)
    size = write_offline_copy(site)  # it carries preview.js: filled in first
    for page in site.rglob("*.html"):
        if page == site / OFFLINE_PATH:
            continue
        prefix = "../" * (len(page.relative_to(site).parts) - 1)
        html = without_alternates(relative_language_links(page.read_text(encoding="utf-8"), prefix))
        html = html.replace(SIZE_PLACEHOLDER, f"{size / 1_000_000:.0f}")
        page.write_text(add_csp(name_search_dialog(html)), encoding="utf-8")
    write_service_worker(site)


def write_offline_copy(site: Path) -> int:
    """The whole tool in one HTML file (hooks/offline_copy.py); returns its size in bytes."""
    zip_name, data = app_zip()
    target = site / OFFLINE_PATH
    target.parent.mkdir(exist_ok=True)
    text = offline_html(site, zip_name, data, python_config("runtime/", zip_name), ROOT / "py" / "main.py").encode("utf-8")
    target.write_bytes(text)
    return len(text)


def write_service_worker(site: Path) -> None:
    """sw.js with the list of every file of this build and a version that changes with any of them."""
    # Not the offline copy: it is the same tool again in one large file, for downloading.
    offline = site / OFFLINE_PATH
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name != "sw.js" and p != offline)
    digest = hashlib.sha256()
    addresses = []
    for path in files:
        relative = path.relative_to(site).as_posix()
        digest.update(relative.encode() + b"\0" + path.read_bytes())
        if relative == "index.html":
            addresses.append("./")
        elif relative.endswith("/index.html"):
            addresses.append(relative.removesuffix("index.html"))  # pages are asked for by folder
        else:
            addresses.append(relative)
    template = (ROOT / "hooks" / "sw.js").read_text(encoding="utf-8")
    script = template.replace("__VERSION__", digest.hexdigest()[:16]).replace("__FILES__", json.dumps(addresses))
    (site / "sw.js").write_text(script, encoding="utf-8")


def copy_fonts(site: Path) -> None:
    """The site's font from the pinned package, with its licence (OFL 1.1) beside it."""
    fonts = site / FONTS_DIR
    fonts.mkdir(parents=True, exist_ok=True)
    for name in FONT_FILES:
        source = FONT_PACKAGE / "files" / name
        if not source.exists():
            raise SystemExit(f"The font {source} is missing; run `make setup` first.")
        shutil.copy2(source, fonts / name)
    shutil.copy2(FONT_PACKAGE / "LICENSE", fonts / FONT_LICENCE)


def copy_runtime(config: Any) -> None:
    missing = [p for p in (PYSCRIPT_DIST, PYODIDE_DIR, WHEEL_PATH) if not p.exists()]
    if missing:
        raise SystemExit(f"Runtime files are missing ({', '.join(map(str, missing))}); run `make setup` first.")
    runtime = Path(config["site_dir"]) / "runtime"
    if runtime.exists():
        shutil.rmtree(runtime)
    (runtime / "pyscript").mkdir(parents=True)
    (runtime / "pyodide").mkdir()
    for path in PYSCRIPT_DIST.iterdir():
        if path.suffix in (".js", ".css"):
            shutil.copy2(path, runtime / "pyscript" / path.name)
    for name in PYODIDE_FILES:
        (runtime / "pyodide" / name).write_bytes(pyodide_file(name))
    zip_name, data = app_zip()
    (runtime / zip_name).write_bytes(data)
    shutil.copy2(ROOT / "py" / "main.py", runtime / "main.py")
