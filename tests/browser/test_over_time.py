"""Over time and together (issue 11): opening a file never costs a map."""

from __future__ import annotations

import re
from pathlib import Path

from kenniskring.fileformat import dumps
from playwright.sync_api import Page, expect

from tests.core.factories import person, sample_map

from .test_accessibility import violations
from .tool import add_person, go_to_step, node, open_tool, row


def open_file(page: Page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(path)


def my_maps(page: Page) -> list[str]:
    page.get_by_text("Mijn kaarten in deze browser", exact=False).first.click()
    return [t.strip() for t in page.locator(".kk-maplist li strong").all_inner_texts()]


def test_two_files_opened_one_after_the_other_are_both_kept(page: Page, site_url: str, tmp_path: Path) -> None:
    from kenniskring.values import replace

    anna, bram = tmp_path / "anna.json", tmp_path / "bram.json"
    anna.write_text(dumps(replace(sample_map(), change="Kaart van Anna")), encoding="utf-8")
    bram.write_text(
        dumps(replace(sample_map(), change="Kaart van Bram", contacts=(person("x", "Stagebedrijf"),))), encoding="utf-8"
    )
    open_tool(page, site_url)
    open_file(page, anna)
    expect(page.get_by_role("status")).to_contain_text("geopend als nieuwe kaart")
    expect(row(page, "Anna de Vries")).to_have_count(1)  # on the step where people are edited
    expect(page.get_by_label("Naam", exact=True)).to_be_visible()
    open_file(page, bram)
    expect(node(page, "Stagebedrijf")).to_have_count(1)
    page.reload()
    open_tool(page, site_url)
    titles = my_maps(page)
    assert "Kaart van Anna" in titles and "Kaart van Bram" in titles


def test_a_file_of_a_map_that_is_here_asks_copy_or_replace(page: Page, site_url: str, tmp_path: Path) -> None:
    first = tmp_path / "kaart.json"
    first.write_text(dumps(sample_map(), map_id="m-school-1"), encoding="utf-8")
    open_tool(page, site_url)
    open_file(page, first)
    expect(row(page, "Teamleider")).to_have_count(1)

    later = tmp_path / "kaart-later.json"
    later.write_text(
        dumps(
            sample_map().__class__(change="Flexibel en hybride leren", contacts=sample_map().contacts[:1]), map_id="m-school-1"
        ),
        encoding="utf-8",
    )
    open_file(page, later)
    dialog = page.get_by_role("dialog", name="Deze kaart staat er al")
    expect(dialog).to_contain_text("‘Flexibel en hybride leren’ staat al in Mijn kaarten")
    assert violations(page) == []
    dialog.get_by_role("button", name="Openen als kopie").click()
    expect(page.get_by_label("Over welke onderwijsverandering gaat deze kaart?")).to_have_value(
        "Flexibel en hybride leren (kopie)"
    )
    expect(row(page, "Teamleider")).to_have_count(0)

    open_file(page, later)
    expect(dialog.get_by_role("button", name="Openen als kopie")).to_be_focused()  # the choice that loses nothing
    page.keyboard.press("Tab")  # by keyboard: from "Openen als kopie" to "Vervangen"
    expect(dialog.get_by_role("button", name="Vervangen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Ongedaan maken kan met Ctrl+Z")
    expect(row(page, "Teamleider")).to_have_count(0)
    expect(page.get_by_label("Over welke onderwijsverandering gaat deze kaart?")).to_have_value("Flexibel en hybride leren")
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(row(page, "Teamleider")).to_have_count(1)  # the version that was here is back

    open_file(page, later)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")  # neither
    expect(dialog).to_be_hidden()
    expect(row(page, "Teamleider")).to_have_count(1)
    assert len(my_maps(page)) == 3  # the first map, its copy, and the map this page started with


def test_record_a_moment_change_the_map_and_see_exactly_what_changed(page: Page, site_url: str, tmp_path: Path) -> None:
    start = tmp_path / "kaart.json"
    start.write_text(dumps(sample_map()), encoding="utf-8")  # Anna weekly, Lector monthly, Teamleider less often
    open_tool(page, site_url)
    open_file(page, start)
    expect(row(page, "Teamleider")).to_have_count(1)
    go_to_step(page, "Van inzicht naar actie")
    page.get_by_label("Naam van dit moment (mag leeg blijven)").fill("Start")
    page.get_by_role("button", name="Leg dit moment vast").click()
    expect(page.get_by_role("status")).to_contain_text("Moment ‘Start, ")
    page.get_by_label("Volgende keer kijken we op").fill("2027-03-01")
    expect(page.get_by_role("status")).to_contain_text("Volgende keer kijken: 1 maart 2027.")

    go_to_step(page, "Mensen en ringen")
    add_person(page, "Coach Bram", "minstens maandelijks", "collega binnen de organisatie", ["professionele kennis"])
    row(page, "Teamleider").get_by_role("button", name="Teamleider bewerken").click()
    page.get_by_role("radio", name="wekelijks", exact=True).check()
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(row(page, "Teamleider")).to_contain_text("wekelijks")

    go_to_step(page, "Van inzicht naar actie")
    page.get_by_role("button", name=re.compile("Moment ‘Start, .*’ vergelijken met nu")).click()
    comparison = page.locator("#kk-comparison")
    expect(comparison.get_by_role("heading", name=re.compile("Vergeleken: Start, .* en Nu"))).to_be_focused()
    changes = [t.strip() for t in comparison.locator(".kk-changes li").all_inner_texts()]
    assert changes == ["Nieuw: Coach Bram", "Dichterbij: Teamleider (minder dan maandelijks → wekelijks)"]
    expect(comparison.locator(".kk-changes")).not_to_contain_text("Anna de Vries")  # nobody who did not change
    # The picture keeps her on her ring for the context, pale and with no mark.
    expect(comparison.locator(".kk-person.kk-unchanged").filter(has_text="Anna de Vri")).to_have_count(1)
    expect(comparison.get_by_role("row", name=re.compile("Aantal mensen 3 4 \\+1"))).to_have_count(1)
    assert violations(page) == []

    page.reload()  # the moment and the next look were saved with the map
    open_tool(page, site_url)
    go_to_step(page, "Van inzicht naar actie")
    expect(page.get_by_role("button", name=re.compile("Moment ‘Start, .*’ vergelijken met nu"))).to_be_visible()
    expect(page.get_by_label("Volgende keer kijken we op")).to_have_value("2027-03-01")


def test_a_team_map_from_three_members_maps_names_each_person_once(page: Page, site_url: str, tmp_path: Path) -> None:
    from tests.core.test_teammap import three_members

    files = []
    for m in three_members():
        path = tmp_path / f"{m.label}.json"
        path.write_text(dumps(m.map), encoding="utf-8")
        files.append(path)
    open_tool(page, site_url)
    for path in files[:2]:  # two members' maps are in this browser, the third comes as a file
        open_file(page, path)
        expect(page.get_by_role("status")).to_contain_text(path.name)
    page.get_by_text("Mijn kaarten in deze browser", exact=False).first.click()
    page.get_by_text("Maak een teamkaart van de kaarten van teamleden").click()
    panel = page.locator("#kk-team")
    boxes = panel.get_by_role("checkbox", name="Hybride leren")
    expect(boxes).to_have_count(2)
    boxes.nth(0).check()
    boxes.nth(1).check()
    with page.expect_file_chooser() as chooser:
        panel.get_by_role("button", name="Kaarten van teamleden toevoegen (.json of .svg)").click()
    chooser.value.set_files(files[2])
    expect(page.get_by_role("status")).to_contain_text("Toegevoegd: Carla.json")
    panel.get_by_role("radio", name="De dichtstbijzijnde ring die iemand noemde").check()
    assert violations(page) == []
    panel.get_by_role("button", name="Maak een teamkaart").click()
    expect(page.get_by_role("status")).to_contain_text("Teamkaart gemaakt van 3 kaarten: 3 mensen; door één teamlid genoemd: 1.")
    expect(page.get_by_role("rowheader")).to_have_count(3)  # each person once
    fatma = page.get_by_role("row").filter(has_text="Fatma Yılmaz")
    expect(fatma).to_contain_text("genoemd door 3 van 3: Hybride leren (1), Hybride leren (2), Carla")
    expect(fatma).to_contain_text("wekelijks")  # the closest ring anyone named
    expect(page.get_by_role("row").filter(has_text="Stagebedrijf Zorg")).to_contain_text(
        "genoemd door 1 van 3: Hybride leren (2)"
    )
    go_to_step(page, "Reflecteren")
    expect(page.get_by_text("1 van de 3 mensen kent alleen één teamlid.")).to_be_visible()


def test_what_changed_in_one_picture_downloaded_and_printed_then_and_now(page: Page, site_url: str, tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    start = tmp_path / "kaart.json"
    start.write_text(dumps(sample_map()), encoding="utf-8")  # Anna weekly, Lector monthly, Teamleider less often
    open_tool(page, site_url)
    open_file(page, start)
    expect(row(page, "Teamleider")).to_have_count(1)
    go_to_step(page, "Van inzicht naar actie")
    page.get_by_label("Naam van dit moment (mag leeg blijven)").fill("Start")
    page.get_by_role("button", name="Leg dit moment vast").click()
    expect(page.get_by_role("status")).to_contain_text("Moment ‘Start, ")
    assert violations(page) == []  # the list of moments

    go_to_step(page, "Mensen en ringen")
    add_person(page, "Coach Bram", "minstens maandelijks", "collega binnen de organisatie", ["professionele kennis"])
    row(page, "Teamleider").get_by_role("button", name="Teamleider bewerken").click()
    page.get_by_role("radio", name="wekelijks", exact=True).check()
    page.get_by_role("checkbox", name="wetenschappelijke kennis").check()
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(row(page, "Teamleider")).to_contain_text("wetenschappelijke kennis")

    go_to_step(page, "Van inzicht naar actie")
    page.get_by_role("button", name=re.compile("Moment ‘Start, .*’ vergelijken met nu")).click()
    comparison = page.locator("#kk-comparison")
    picture = comparison.get_by_role("img", name=re.compile("Wat is er veranderd: Start, .* → Nu"))
    expect(picture).to_be_visible()
    marks = dict(
        zip(
            picture.locator(".kk-person > title").all_text_contents(),
            picture.locator(".kk-person").evaluate_all("els => els.map(e => e.dataset.marks)"),
            strict=True,
        )
    )
    by_name = {title.split(" – ")[0].strip("\u2068\u2069"): m for title, m in marks.items()}
    assert by_name == {"Anna de Vries": "unchanged", "Lector": "unchanged", "Teamleider": "closer gained", "Coach Bram": "new"}
    expect(picture.locator(".kk-move[data-id] .kk-arrow")).to_have_count(1)  # Teamleider, from the outer ring in
    assert violations(page) == []  # the compare panel with its picture

    with page.expect_download() as svg:
        comparison.get_by_role("button", name="Download deze tekening (.svg)").click()
    assert svg.value.suggested_filename.startswith("wat-is-er-veranderd-")
    saved = tmp_path / svg.value.suggested_filename
    svg.value.save_as(saved)
    assert "Coach Bram" in saved.read_text(encoding="utf-8")

    # The browser's dialog, as the user would see it; in a function, or evaluate would call the stub itself.
    page.evaluate("() => { window.print = () => { window.kkPrinted = true; }; }")
    comparison.get_by_role("button", name="Druk af: toen en nu").click()
    page.wait_for_function("window.kkPrinted === true")
    page.emulate_media(media="print")
    sheet = page.locator("#kk-print")
    expect(sheet.get_by_role("heading", name="Toen en nu: Netwerkkaart: Flexibel en hybride leren", level=1)).to_be_visible()
    assert violations(page) == []  # the then-and-now page as it prints
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # the poster does not take its place
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595  # A4 landscape in points
    text = " ".join(pdf.pages[0].extract_text().split())
    for expected in ("Toen en nu", "Nieuw: Coach Bram", "Wie is er veranderd?", "Kerncijfers: Start", "Wat valt op?"):
        assert expected in text, expected
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # after printing, the poster is the poster again
    expect(sheet.locator(".kk-poster")).to_have_count(1)


def test_a_team_map_with_doubts_is_made_and_undone_by_keyboard(page: Page, site_url: str, tmp_path: Path) -> None:
    from kenniskring.values import replace

    anna = replace(sample_map(), change="Hybride leren", contacts=(person("1", "Marieke van Dam"), person("2", "Fatma")))
    bram = replace(sample_map(), change="Hybride leren", contacts=(person("3", "Marieke van Dma"), person("4", "Piet")))
    files = []
    for name, m in (("anna.json", anna), ("bram.json", bram)):
        path = tmp_path / name
        path.write_text(dumps(m), encoding="utf-8")
        files.append(path)
    open_tool(page, site_url)
    for path in files:
        open_file(page, path)
        expect(page.get_by_role("status")).to_contain_text(path.name)
    page.get_by_text("Mijn kaarten in deze browser", exact=False).first.click()
    page.get_by_text("Maak een teamkaart van de kaarten van teamleden").click()
    panel = page.locator("#kk-team")
    boxes = panel.get_by_role("checkbox", name="Hybride leren")
    boxes.nth(0).check()
    boxes.nth(1).check()
    panel.get_by_role("button", name="Maak een teamkaart").click()
    doubt = panel.get_by_role("checkbox", name="‘Marieke van Dam’ en ‘Marieke van Dma’ zijn dezelfde persoon")
    expect(doubt).to_be_focused()
    assert violations(page) == []  # the team panel asking about names that look alike
    page.keyboard.press("Space")
    expect(doubt).to_be_checked()
    panel.get_by_role("button", name="Maak een teamkaart").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Teamkaart gemaakt van 2 kaarten: 3 mensen")
    expect(page.get_by_role("status")).to_contain_text("Ongedaan maken kan met Ctrl+Z.")
    expect(page.get_by_role("row").filter(has_text="Marieke van Dam")).to_contain_text("genoemd door 2 van 2")

    page.keyboard.press("Control+z")  # focus is on a button, not in a text field: the map's undo
    expect(page.get_by_role("status")).to_contain_text("Teamkaart ‘Hybride leren’ weggehaald")
    expect(row(page, "Piet")).to_have_count(1)  # Bram's map, the one that was open, is open again
    expect(page.get_by_role("button", name="Ongedaan maken", exact=True)).to_be_disabled()
    listed = page.locator("#kk-maplist li strong")  # the list is still open
    expect(listed).to_have_count(3)  # the members' maps and the one the page started with: no team map
    assert sorted(listed.all_inner_texts()) == ["Hybride leren", "Hybride leren", "Kaart zonder naam"]
