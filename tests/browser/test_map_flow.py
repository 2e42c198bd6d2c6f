"""The ring map as a person uses it: add, find, drag, move, undo, reload, download and open."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kenniskring.fileformat import FORMAT_VERSION
from playwright.sync_api import BrowserContext, Page, expect

from scripts.bench_soak import drag_sideways

from .conftest import Watch
from .tool import READY_TIMEOUT_MS, add_person, download_menu, go_to_step, node, open_tool, row, the_map, wait_until_ready

THREE = [
    ("Anna de Vries", "wekelijks", "collega eigen team", ["ervaringskennis", "professionele kennis"], None),
    ("Lector Kansen", "minstens maandelijks", "buiten de organisatie", ["wetenschappelijke kennis"], "onderzoeker"),
    ("Teamleider", "minstens maandelijks", "collega binnen de organisatie", ["professionele kennis"], None),
]


def fill_three(page: Page) -> None:
    page.get_by_label("Over welke onderwijsverandering gaat deze kaart?").fill("Flexibel en hybride leren")
    page.get_by_role("button", name="Volgende stap").click()
    for name, ring, kind, knowledge, role in THREE:
        add_person(page, name, ring, kind, knowledge, role)


def drag_to_ring(page: Page, name: str, ring_class: str, inner_ring_class: str) -> None:
    """Drag a node with the mouse, sideways towards the left, to the middle of a band."""
    picture = the_map(page)
    drag_sideways(
        page, node(page, name), picture.locator(f"circle.{ring_class}"), picture.locator(f"circle.{inner_ring_class}"), 12
    )


def test_add_find_move_undo_reload(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)

    # Everyone is on the map, in their ring, with their knowledge letters; and in the table.
    for name, ring, kind, _knowledge, _role in THREE:
        expect(node(page, name)).to_have_count(1)
        expect(row(page, name)).to_contain_text(ring)
        expect(row(page, name)).to_contain_text(kind)
    expect(node(page, "Anna de Vries")).to_contain_text("P")
    expect(node(page, "Anna de Vries")).to_contain_text("E")
    expect(node(page, "Lector Kansen")).to_contain_text("W")
    expect(row(page, "Lector Kansen")).to_contain_text("onderzoeker")
    expect(node(page, "Anna de Vries")).to_have_attribute("data-ring", "weekly")
    expect(the_map(page)).to_contain_text("Flexibel en")

    # Drag the team leader to the outer ring.
    drag_to_ring(page, "Teamleider", "kk-ring-less_often", "kk-ring-monthly")
    expect(node(page, "Teamleider")).to_have_attribute("data-ring", "less_often")
    expect(row(page, "Teamleider")).to_contain_text("minder dan maandelijks")
    expect(page.get_by_role("status").filter(has_text="Teamleider staat nu in de ring")).to_be_visible()

    # Move the researcher without dragging: edit, choose the ring, save.
    page.get_by_role("button", name="Lector Kansen bewerken").click()
    expect(page.get_by_role("heading", name="Persoon bewerken")).to_be_visible()
    expect(page.get_by_label("Naam", exact=True)).to_have_value("Lector Kansen")
    page.get_by_role("radio", name="wekelijks", exact=True).check()
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(node(page, "Lector Kansen")).to_have_attribute("data-ring", "weekly")
    expect(row(page, "Lector Kansen")).to_contain_text("wekelijks")

    # Undo with the button, then with Ctrl+Z; redo with Ctrl+Shift+Z.
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(node(page, "Lector Kansen")).to_have_attribute("data-ring", "monthly")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("Control+z")
    expect(node(page, "Teamleider")).to_have_attribute("data-ring", "monthly")
    page.keyboard.press("Control+Shift+z")
    expect(node(page, "Teamleider")).to_have_attribute("data-ring", "less_often")
    page.get_by_role("button", name="Opnieuw").click()
    expect(node(page, "Lector Kansen")).to_have_attribute("data-ring", "weekly")

    # Close and come back: everything is still there.
    page.reload()
    wait_until_ready(page)
    expect(page.get_by_label("Over welke onderwijsverandering gaat deze kaart?")).to_have_value("Flexibel en hybride leren")
    expect(node(page, "Lector Kansen")).to_have_attribute("data-ring", "weekly")
    expect(node(page, "Teamleider")).to_have_attribute("data-ring", "less_often")
    expect(row(page, "Anna de Vries")).to_contain_text("ervaringskennis")
    expect(the_map(page).locator(".kk-node")).to_have_count(3)


def test_edit_and_delete_a_person(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    go_to_step(page, "Mensen en ringen")
    add_person(page, "Bo", "wekelijks", "collega eigen team", [])
    expect(node(page, "Bo")).to_contain_text("?")  # no knowledge form chosen yet
    node(page, "Bo").click()  # a click on the map opens the person
    expect(page.get_by_role("heading", name="Persoon bewerken")).to_be_visible()
    page.get_by_label("Naam", exact=True).fill("Bo Jansen")
    page.get_by_role("checkbox", name="ervaringskennis").check()
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(node(page, "Bo Jansen")).to_contain_text("E")
    page.get_by_role("button", name="Bo Jansen bewerken").click()
    page.get_by_role("button", name="Verwijderen").click()
    expect(the_map(page).locator(".kk-node")).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Bo Jansen is verwijderd")).to_be_visible()
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(node(page, "Bo Jansen")).to_have_count(1)


def test_the_form_says_what_is_missing(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    go_to_step(page, "Mensen en ringen")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.get_by_text("Vul een naam, initialen of rol in.")).to_be_visible()
    expect(page.get_by_label("Naam", exact=True)).to_be_focused()
    expect(the_map(page).locator(".kk-node")).to_have_count(0)


def test_download_and_open_in_a_fresh_profile(page: Page, site_url: str, new_context: object, tmp_path: Path) -> None:
    open_tool(page, site_url)
    fill_three(page)
    with page.expect_download() as download:
        download_menu(page, "Download als bestand (.json)").click()
    assert download.value.suggested_filename.startswith("flexibel-en-hybride-leren-")
    assert download.value.suggested_filename.endswith(".json")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["type"] == "kenniskring" and doc["version"] == FORMAT_VERSION
    assert doc["map_id"]  # so that opening it here again is noticed
    assert [c["name"] for c in doc["map"]["contacts"]] == [p[0] for p in THREE]

    other, _ = new_context()  # type: ignore[operator]
    fresh = open_tool(other.new_page(), site_url)
    expect(fresh.get_by_role("img", name="Netwerkkaart")).to_contain_text("Nog niemand op de kaart")
    with fresh.expect_file_chooser() as chooser:
        fresh.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(saved)
    expect(fresh.get_by_role("status").filter(has_text="3 mensen")).to_be_visible()
    for name, ring, *_ in THREE:
        expect(row(fresh, name)).to_contain_text(ring)
    expect(fresh.get_by_label("Over welke onderwijsverandering gaat deze kaart?")).to_have_value("Flexibel en hybride leren")


def test_a_broken_file_is_refused_and_the_map_stays(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tool(page, site_url)
    fill_three(page)
    before = the_map(page).inner_html()
    broken = tmp_path / "kapot.json"
    broken.write_text(
        '{"type": "kenniskring", "version": 1, "map": {"change": "", "perspective": "team", "contacts": [{"id": "a"}]}}'
    )
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(broken)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("‘kapot.json’ kon niet worden geopend")
    expect(alert).to_contain_text("het veld ‘name’ van persoon 1 ontbreekt")
    expect(alert).to_contain_text("De kaart op het scherm is niet veranderd.")
    assert the_map(page).inner_html() == before
    expect(page.get_by_role("row")).to_have_count(4)  # header + three people

    not_json = tmp_path / "foto.json"
    not_json.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(not_json)
    expect(alert).to_contain_text("het is geen geldig JSON-bestand")
    assert the_map(page).inner_html() == before


def test_loading_is_shown_while_python_starts(watched: tuple[BrowserContext, Watch], site_url: str) -> None:
    context, _ = watched
    page = context.new_page()
    release: list[object] = []
    # Hold the interpreter back until the notice has been seen, as on a slow school network.
    page.route("**/pyodide.asm.wasm", lambda route: release.append(route))
    with page.expect_request("**/pyodide.asm.wasm", timeout=READY_TIMEOUT_MS):
        page.goto(site_url + "tool/")
    page.evaluate("0")  # one round trip: the held request's route arrives right after the request itself
    assert len(release) == 1, "the interpreter's download is not being held"
    loading = page.get_by_role("status").filter(has_text="Python wordt geladen")
    expect(loading).to_be_visible()
    expect(page.get_by_role("button", name="Volgende stap")).to_be_disabled()
    for route in release:
        route.continue_()  # type: ignore[attr-defined]
    page.unroute("**/pyodide.asm.wasm")
    wait_until_ready(page)
    expect(loading).to_be_hidden()


def test_team_or_individual_map(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    expect(page.get_by_role("heading", name="Met wie overleggen wij als team over deze onderwijsverandering?")).to_be_visible()
    expect(the_map(page)).to_contain_text("Ons team")
    page.get_by_role("radio", name="Ik", exact=True).check()
    expect(page.get_by_role("heading", name="Met wie overleg ik over deze onderwijsverandering?")).to_be_visible()
    expect(the_map(page).locator(".kk-centre")).to_contain_text("Ik")
    page.get_by_label("Over welke onderwijsverandering gaat deze kaart?").fill("Kansengelijkheid")
    expect(the_map(page).locator(".kk-centre")).to_contain_text("Kansengelijkheid")
    page.reload()
    wait_until_ready(page)
    expect(page.get_by_role("radio", name="Ik", exact=True)).to_be_checked()
    expect(the_map(page).locator(".kk-centre")).to_contain_text("Kansengelijkheid")


def test_a_hand_made_file_opens_and_keeps_what_this_version_does_not_know(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tool(page, site_url)
    hand_made = tmp_path / "met-de-hand.json"
    person = {"id": "p1", "name": "Anna de Vries", "ring": "weekly", "kind": "own_team", "email": "anna@school.nl"}
    doc = {"type": "kenniskring", "version": 2, "map": {"change": "Hybride leren", "perspective": "team", "contacts": [person]}}
    hand_made.write_text(json.dumps(doc), encoding="utf-8")  # no actions, no reflection, no knowledge forms
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open een bestand (.json of .svg)").click()
    chooser.value.set_files(hand_made)
    status = page.get_by_role("status").filter(has_text="1 persoon")
    expect(status).to_be_visible()
    expect(status).to_contain_text("velden die deze versie niet kent")
    expect(status).to_contain_text("email")
    expect(row(page, "Anna de Vries")).to_contain_text("wekelijks")
    with page.expect_download() as download:
        download_menu(page, "Download als bestand (.json)").click()
    saved = tmp_path / "terug.json"
    download.value.save_as(saved)
    written = json.loads(saved.read_text(encoding="utf-8"))
    assert written["map"]["contacts"][0]["email"] == "anna@school.nl"
    assert written["map"]["actions"] == [] and written["map"]["reflection"] == {}


def test_an_edit_makes_again_only_what_it_changes_and_a_note_dropped_on_its_own_ring_goes_back(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)
    anna = node(page, "Anna de Vries")
    note, table_row = anna.element_handle(), row(page, "Teamleider").element_handle()
    add_person(page, "Nieuw en ver", "minder dan maandelijks", "collega eigen team", ["ervaringskennis"])
    expect(the_map(page)).to_have_accessible_name(re.compile("4 mensen op drie ringen"))
    expect(page.get_by_role("rowheader")).to_have_text(["Anna de Vries", "Lector Kansen", "Teamleider", "Nieuw en ver"])
    # the notes and rows of the people who did not change are the same elements: not made again
    assert note.evaluate("el => el.isConnected") and table_row.evaluate("el => el.isConnected")

    spot = anna.get_attribute("transform")
    anna.scroll_into_view_if_needed()  # where the note sits depends on its random id
    box = anna.bounding_box()
    assert box is not None and spot is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 24, y + 12, steps=4)  # a little: still on the ring 'wekelijks'
    expect(anna).not_to_have_attribute("transform", spot)  # the note follows the pointer
    page.mouse.up()
    expect(anna).to_have_attribute("transform", spot)  # dropped on its own ring: back to its spot
    expect(anna).to_have_attribute("data-ring", "weekly")
    expect(the_map(page).locator(".kk-dragging")).to_have_count(0)

    # The note of the person just added has the focus when that add is undone: it goes, the rest follows.
    added = node(page, "Nieuw en ver")
    added.focus()
    page.keyboard.press("Control+z")
    expect(added).to_have_count(0)
    expect(the_map(page)).to_have_accessible_name(re.compile("3 mensen op drie ringen"))
    expect(page.get_by_role("rowheader")).to_have_count(3)
    page.keyboard.press("Control+Shift+z")
    expect(node(page, "Nieuw en ver")).to_have_count(1)
    expect(the_map(page)).to_have_accessible_name(re.compile("4 mensen op drie ringen"))
    # What the patches made is the picture drawn whole (presenting and back draws it whole).
    patched = the_map(page).evaluate("svg => svg.outerHTML")
    page.get_by_role("button", name="Presenteren (P)").click()
    expect(page.get_by_role("button", name="Stoppen (Esc)")).to_be_visible()
    page.keyboard.press("Escape")
    expect(the_map(page).locator(".kk-legend")).to_have_count(1)
    assert the_map(page).evaluate("svg => svg.outerHTML") == patched
