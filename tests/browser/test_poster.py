"""The printed poster, as the browser makes the PDF: A4 and A3 for 10, 30 and 60 people, with long
answers and many actions. Text sizes, page sizes and texts are read from the PDF itself."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from kenniskring.fileformat import dumps
from kenniskring.model import NetworkMap
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.core.factories import poster_map

from .tool import download_menu, open_tool

SHEETS = {"A4": (842, 595), "A3": (1191, 842)}  # landscape, in points


def open_map(page: Page, m: NetworkMap, tmp_path: Path) -> None:
    path = tmp_path / "kaart.json"
    path.write_text(dumps(m), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(path)
    expect(page.get_by_role("status").filter(has_text=f"{len(m.contacts)} mensen")).to_be_visible()


def count_prints(page: Page) -> None:
    """The browser's print dialog, counted instead of opened. (A function, so that evaluate runs
    it: a string whose value is a function would be called too, and count a print.)"""
    page.evaluate("() => { window.kkPrints = 0; window.print = () => { window.kkPrints += 1; }; }")


def printed(page: Page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))


def text_sizes(reader: PdfReader, page_number: int) -> list[tuple[str, float]]:
    """Every piece of text on a page with the size it prints at, in pt (font size times scale)."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            # The text matrix times the current transformation: its second row's length is the vertical scale.
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            found.append((text.strip(), size * math.hypot(c, d)))

    reader.pages[page_number].extract_text(visitor_text=visit)
    return found


def all_text(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.mark.parametrize("people", [10, 30, 60])
def test_the_poster_on_a4_and_a3_keeps_every_answer_action_and_name(
    page: Page, site_url: str, tmp_path: Path, people: int
) -> None:
    m = poster_map(people)
    open_tool(page, site_url)
    open_map(page, m, tmp_path)
    count_prints(page)
    for prints, paper in enumerate(("A4", "A3"), start=1):
        download_menu(page, f"Poster afdrukken ({paper})").click()
        if paper == "A4":  # these names do not all fit whole on A4 at 7 pt: the tool says so first
            dialog = page.get_by_role("dialog", name="Liever op A3?")
            expect(dialog).to_contain_text("niet heel op de kaart")
            expect(dialog.get_by_role("button", name="Op A3 afdrukken")).to_be_focused()
            dialog.get_by_role("button", name="Toch op A4").click()
            expect(dialog).to_be_hidden()
        page.wait_for_function(f"window.kkPrints === {prints}")
        pdf = printed(page)

        assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages} == {SHEETS[paper]}
        # On the map (page 1), every piece of a name prints at 7 pt or more; the text beside it too.
        first = text_sizes(pdf, 0)
        names = [c.name for c in m.contacts]
        pieces = [(text, size) for text, size in first if len(text) > 2 and any(text.rstrip("…") in n for n in names)]
        assert len(pieces) >= people
        assert min(size for _, size in pieces) >= 6.95, sorted(pieces, key=lambda p: p[1])[:3]
        text = all_text(pdf)
        assert "Netwerkkaart: Flexibel en hybride leren" in text
        # Nothing is dropped: every answer, every action and, in the list at the end, every whole name.
        for answer in m.answers:
            for part in (answer.current, answer.desired):
                assert " ".join(part.split()) in text, part[:40]
        for action in m.actions:
            assert action.text in text, action.text
        assert f"Wie staan er op de kaart? ({people} mensen)" in text
        missing = [n for n in names if n not in text]
        assert missing == []
        # The pages after the map are body text, none of it smaller than 7 pt.
        assert min(size for i in range(1, len(pdf.pages)) for _, size in text_sizes(pdf, i)) >= 6.95


def test_the_paper_question_can_be_answered_with_a3_or_by_not_printing(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tool(page, site_url)
    open_map(page, poster_map(30, actions=2), tmp_path)
    count_prints(page)
    dialog = page.get_by_role("dialog", name="Liever op A3?")
    download_menu(page, "Poster afdrukken (A4)").click()
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")  # no print at all
    expect(dialog).to_be_hidden()
    download_menu(page, "Poster afdrukken (A4)").click()
    dialog.get_by_role("button", name="Niet afdrukken").click()
    expect(dialog).to_be_hidden()
    assert page.evaluate("window.kkPrints") == 0

    download_menu(page, "Poster afdrukken (A4)").click()
    page.keyboard.press("Enter")  # the first choice, which has the focus: A3
    page.wait_for_function("window.kkPrints === 1")
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in printed(page).pages} == {SHEETS["A3"]}
    # Ctrl+P afterwards prints the poster on the paper chosen last (made again: the page is emptied first).
    page.evaluate("() => { document.getElementById('kk-print').replaceChildren(); }")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("#kk-print .kk-poster[data-paper='a3']")).to_have_count(1)
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in printed(page).pages} == {SHEETS["A3"]}
    assert page.evaluate("window.kkPrints") == 1  # neither Esc nor "Niet afdrukken" printed, later either
