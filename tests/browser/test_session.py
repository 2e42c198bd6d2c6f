"""A team walks through all six steps: the picture, the reflection, the desired situation, actions,
and takes the result out of the browser (SVG that opens again, PNG, a printed poster)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .test_map_flow import fill_three
from .tool import download_menu, go_to_step, node, open_tool, row, the_map, wait_until_ready

Q1 = "Hoe verhoudt de kennis die we als team gebruiken zich tot de vraagstukken waarvoor we staan?"
CLOSING = "En wat zouden we anders willen?"


def test_a_team_session_from_question_to_poster(page: Page, site_url: str, new_context: object, tmp_path: Path) -> None:
    open_tool(page, site_url)
    steps = page.get_by_role("navigation", name="Stappen van de reflectie")
    expect(steps.get_by_role("button")).to_have_count(6)
    expect(page.get_by_role("heading", name="Stap 1 van 6: De verandering")).to_be_visible()
    fill_three(page)  # step 1 (the change) and step 2 (people and rings)

    go_to_step(page, "Wie zijn het?")
    expect(page.get_by_text("Geef bij iedereen aan wie het is")).to_be_visible()
    go_to_step(page, "Welke kennis?")
    expect(page.get_by_text("Geef aan welke kennis je bij elke persoon haalt")).to_be_visible()

    # Step 5: what stands out, the desired situation, the questions.
    go_to_step(page, "Reflecteren")
    expect(page.get_by_role("heading", name="Wat valt op?")).to_be_visible()
    expect(page.get_by_text("Niemand op de kaart brengt")).to_have_count(0)
    expect(page.get_by_text("Wetenschappelijke kennis komt van één persoon: Lector Kansen.")).to_be_visible()
    page.get_by_role("button", name="Teamleider bewerken").click()
    page.get_by_label("Hoe vaak zou je willen overleggen?").select_option(label="wekelijks")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(row(page, "Teamleider")).to_contain_text("minstens maandelijks, gewenst: wekelijks")

    page.get_by_role("button", name="Gewenst contact toevoegen").click()
    expect(page.get_by_role("checkbox", name="Gewenst contact: nog niet in ons netwerk")).to_be_checked()
    page.get_by_label("Naam", exact=True).fill("Werkveld zorg")
    page.get_by_role("radio", name="minstens maandelijks", exact=True).check()
    page.get_by_role("radio", name="buiten de organisatie", exact=True).check()
    page.get_by_label("Wat voor iemand van buiten?").select_option(label="werkveldpartner")
    page.get_by_role("checkbox", name="ervaringskennis").check()
    page.get_by_role("button", name="Toevoegen", exact=True).click()

    expect(page.get_by_role("radio", name="Nu en gewenst")).to_be_checked()
    expect(node(page, "Werkveld")).to_contain_text("gewenst")
    expect(the_map(page).locator(".kk-arrow")).to_have_count(1)
    page.get_by_role("radio", name="Gewenst", exact=True).check()
    expect(node(page, "Teamleider")).to_have_attribute("data-ring", "weekly")
    page.get_by_role("radio", name="Nu", exact=True).check()
    expect(node(page, "Teamleider")).to_have_attribute("data-ring", "monthly")
    expect(node(page, "Werkveld")).to_have_count(0)

    page.get_by_text("Cijfers: nu en gewenst").click()
    figures = page.get_by_role("table", name="Kerncijfers van de kaart nu en in de gewenste situatie")
    expect(figures.get_by_role("row", name=re.compile("Aantal mensen"))).to_contain_text("3")
    expect(figures.get_by_role("row", name=re.compile("Aantal mensen"))).to_contain_text("+1")

    page.get_by_label(f"{Q1} – nu").fill("Vooral ervaringskennis uit het team.")
    page.get_by_label(f"{Q1} – gewenst").fill("Meer onderzoek erbij.")
    page.get_by_label(f"{CLOSING} – gewenst").fill("Vaker naar buiten kijken.")

    # Step 6: adopt a suggestion, edit it, add it, complete it.
    go_to_step(page, "Van inzicht naar actie")
    page.get_by_role("button", name="Overnemen: Plan een gesprek met Werkveld zorg").click()
    expect(page.get_by_label("Wat ga je doen?")).to_have_value("Plan een gesprek met Werkveld zorg")
    expect(page.get_by_role("checkbox", name="Werkveld zorg (gewenst)")).to_be_checked()
    page.get_by_label("Wat ga je doen?").fill("Plan een gesprek met Werkveld zorg over stages")
    page.get_by_label("Wie doet het?").fill("Anna")
    page.get_by_label("Wanneer?").fill("2026-12-01")
    page.get_by_role("button", name="Actie toevoegen").click()
    done = page.get_by_role("checkbox", name="gedaan: Plan een gesprek met Werkveld zorg over stages")
    expect(done).not_to_be_checked()
    expect(page.get_by_text("met Werkveld zorg · door Anna · uiterlijk 1 december 2026")).to_be_visible()
    done.check()
    expect(done).to_be_checked()

    # Close and come back: the desired situation, the answers and the action are all there.
    page.reload()
    wait_until_ready(page)
    go_to_step(page, "Reflecteren")
    expect(page.get_by_label(f"{Q1} – gewenst")).to_have_value("Meer onderzoek erbij.")
    expect(row(page, "Werkveld zorg")).to_contain_text("gewenst contact, minstens maandelijks")
    go_to_step(page, "Van inzicht naar actie")
    expect(page.get_by_role("checkbox", name="gedaan: Plan een gesprek met Werkveld zorg over stages")).to_be_checked()

    # The picture as SVG: it carries the map and opens again in a fresh browser.
    with page.expect_download() as download:
        download_menu(page, "Download als afbeelding (.svg)").click()
    assert download.value.suggested_filename.endswith(".svg")
    svg_file = tmp_path / download.value.suggested_filename
    download.value.save_as(svg_file)
    assert svg_file.read_text(encoding="utf-8").startswith("<svg")
    with page.expect_download() as png:
        download_menu(page, "Download als afbeelding (.png)").click()
    png_file = tmp_path / png.value.suggested_filename
    png.value.save_as(png_file)
    assert png_file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png_file.stat().st_size > 20_000

    other, _ = new_context()  # type: ignore[operator]
    fresh = open_tool(other.new_page(), site_url)
    with fresh.expect_file_chooser() as chooser:
        fresh.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(svg_file)
    expect(fresh.get_by_role("status").filter(has_text="4 mensen")).to_be_visible()
    go_to_step(fresh, "Van inzicht naar actie")
    expect(fresh.get_by_role("checkbox", name="gedaan: Plan een gesprek met Werkveld zorg over stages")).to_be_checked()

    # The poster: printing (as Ctrl+P does) gives A4 landscape pages, the map first, then the rest.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(842, 595)}  # A4 landscape in points
    first = " ".join(pdf.pages[0].extract_text().split())
    assert "Netwerkkaart: Flexibel en hybride leren" in first and "Wat valt op?" in first
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for expected in (
        "Vooral ervaringskennis uit het team.",
        "Plan een gesprek met Werkveld zorg over stages",
        "Wie staan er op de kaart? (4 mensen)",
        "Anna de Vries",
    ):
        assert expected in text, expected
