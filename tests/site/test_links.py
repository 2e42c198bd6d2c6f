"""Every link and every file a built page refers to exists in site/, and nothing points elsewhere.

Reads the HTML that ``mkdocs build`` wrote (``make test`` builds first). A link is followed the way a
browser resolves it against the page's address, so a link that only works at the site root (and
breaks when a school hosts the folder in a sub-folder) fails here too: an absolute path is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

SITE = Path(__file__).resolve().parents[2] / "site"
BASE = "http://site.invalid/"


@dataclass(frozen=True)
class Ref:
    tag: str
    attr: str
    url: str


class Refs(HTMLParser):
    """The URLs a page refers to, and the ids it offers as anchors."""

    ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[Ref] = []
        self.ids: set[str] = set()
        self.languages: dict[str, str] = {}  # hreflang -> href of the language switch

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        if tag == "a" and values.get("hreflang") and values.get("href"):
            self.languages[str(values["hreflang"])] = str(values["href"])
        attr = self.ATTRS.get(tag)
        if attr and values.get(attr):
            self.refs.append(Ref(tag, attr, str(values[attr])))


def pages() -> list[Path]:
    # Not the runtime, nor the offline copy (one file with nothing to link to; test_offline_copy.py).
    return sorted(p for p in SITE.rglob("*.html") if not {"runtime", "download"} & set(p.relative_to(SITE).parts))


def parse(page: Path) -> Refs:
    refs = Refs()
    refs.feed(page.read_text(encoding="utf-8"))
    return refs


def target_file(url: str) -> Path | None:
    """The file in site/ a same-site URL is served from (a folder serves its index.html)."""
    path = unquote(urlsplit(url).path)
    relative = PurePosixPath(path).relative_to("/")
    candidate = SITE / relative
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def page_url(page: Path) -> str:
    return BASE + page.relative_to(SITE).as_posix()


def test_the_site_is_built_in_both_languages() -> None:
    names = {p.relative_to(SITE).as_posix() for p in pages()}
    for dutch in ("index.html", "tool/index.html", "aanpak/index.html", "it/index.html", "voorbeeld/index.html"):
        assert dutch in names
        assert "en/" + dutch in names


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_reference_resolves_inside_the_site(page: Path) -> None:
    problems: list[str] = []
    anchors: dict[Path, set[str]] = {}
    for ref in parse(page).refs:
        parts = urlsplit(ref.url)
        if parts.scheme in ("mailto", "data", "blob"):
            continue
        if parts.scheme or parts.netloc:
            problems.append(f"{ref.tag} {ref.attr}={ref.url}: points to another site")
            continue
        if ref.url.startswith("/"):
            problems.append(f"{ref.tag} {ref.attr}={ref.url}: absolute path, breaks in a sub-folder")
            continue
        absolute, fragment = urldefrag(urljoin(page_url(page), ref.url))
        target = target_file(absolute)
        if target is None:
            problems.append(f"{ref.tag} {ref.attr}={ref.url}: no such file")
            continue
        if fragment and target.suffix == ".html":
            if target not in anchors:
                anchors[target] = parse(target).ids
            if unquote(fragment) not in anchors[target]:
                problems.append(f"{ref.tag} {ref.attr}={ref.url}: no anchor #{fragment}")
    assert problems == []


def content_pages() -> list[Path]:
    return [p for p in pages() if p.name != "404.html"]  # the error page has no address to switch from


@pytest.mark.parametrize("page", content_pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_page_switches_language_to_its_own_counterpart(page: Path) -> None:
    relative = page.relative_to(SITE).as_posix()
    dutch = relative.removeprefix("en/")
    languages = parse(page).languages
    assert set(languages) == {"nl", "en"}
    assert target_file(urljoin(page_url(page), languages["nl"])) == SITE / dutch
    assert target_file(urljoin(page_url(page), languages["en"])) == SITE / "en" / dutch


@pytest.mark.parametrize("tool", ["tool/index.html", "en/tool/index.html"])
def test_every_figure_of_the_tool_links_to_a_heading_of_the_measures_page(tool: str) -> None:
    """The figures table is made in the browser; its links are the measures page the build names
    in the tool's markup, with the sections ``report.FIGURE_SECTIONS`` names."""
    from kenniskring.report import FIGURE_SECTIONS

    page = SITE / tool
    html = page.read_text(encoding="utf-8")
    base = html.split('id="kk-figures" data-measures="', 1)[1].split('"', 1)[0]
    assert base, "the tool page names no measures page"
    target = target_file(urljoin(page_url(page), base))
    assert target is not None and target.exists()
    assert set(FIGURE_SECTIONS.values()) <= parse(target).ids
    assert ("/en/" in str(target)) == tool.startswith("en/")  # each language its own page
