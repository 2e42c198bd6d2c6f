from html.parser import HTMLParser
from pathlib import Path

import pytest
from kenniskring.markup import tool_markup
from kenniskring.render import KNOWLEDGE_COLOUR

CSS = (Path(__file__).parents[2] / "docs" / "assets" / "kenniskring.css").read_text()


class Controls(HTMLParser):
    """Collects form controls, labels and ids, to check that every control has a label."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.ids: list[str] = []
        self.in_label = 0
        self.wrapped: set[int] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(a["for"] or "")
        if tag in ("input", "select", "textarea", "button"):
            self.controls.append(a | {"tag": tag})
            if self.in_label:
                self.wrapped.add(len(self.controls) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_control_has_a_label_and_ids_are_unique(lang: str) -> None:
    parser = Controls()
    parser.feed(tool_markup(lang))
    assert len(parser.ids) == len(set(parser.ids))
    for i, control in enumerate(parser.controls):
        if control["tag"] == "button" or (control.get("type") == "file" and "hidden" in control):
            continue  # buttons are named by their text; the hidden file input is opened by a labelled button
        assert i in parser.wrapped or control.get("id") in parser.label_for, control


def test_markup_is_translated() -> None:
    assert "Persoon toevoegen" in tool_markup("nl") and "Add a person" in tool_markup("en")
    assert "Persoon toevoegen" not in tool_markup("en")


def test_no_inline_styles_or_scripts() -> None:
    html = tool_markup("nl")
    assert "style=" not in html and "<script" not in html and "onclick" not in html


def test_the_stylesheet_uses_the_same_knowledge_colours_as_the_map() -> None:
    for form, colour in KNOWLEDGE_COLOUR.items():
        assert f".kk-chip-{form.value} {{ background: {colour}; }}" in CSS


def test_the_offline_copy_says_what_it_is_and_offers_the_other_language() -> None:
    from kenniskring.markup import offline_download_link, offline_header

    nl = offline_header("nl", "en")
    assert "<h1>Kenniskring (offline versie)</h1>" in nl
    assert "deze browser op deze computer" in nl
    assert 'href="?voorbeeld"' in nl
    assert 'data-language="en" lang="en" aria-label="Switch to English">English</button>' in nl
    en = offline_header("en", "nl")
    assert 'href="?example"' in en and 'aria-label="Overschakelen naar Nederlands">Nederlands</button>' in en
    link = offline_download_link("nl", "../download/kenniskring.html", "9")
    assert link == (
        '<p><a class="md-button kk-download" href="../download/kenniskring.html" download>'
        "Download de offline versie (één HTML-bestand, 9 MB)</a></p>"
    )
