"""Nothing lost: several maps, deleting with confirmation and undo, two tabs on one map, damaged
saved data set aside, a full storage, and a backup of everything."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from .conftest import Watch
from .test_map_flow import THREE, fill_three
from .tool import add_person, go_to_step, node, open_tool, row, the_map, wait_until_ready, wait_until_saved


def my_maps(page: Page) -> None:
    summary = page.get_by_text("Mijn kaarten in deze browser")
    if page.locator("#kk-maps").get_attribute("open") is None:
        summary.click()


def test_several_maps_create_switch_duplicate_delete_undo(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)
    my_maps(page)
    page.get_by_role("button", name="Nieuwe kaart").click()
    expect(page.get_by_role("status").filter(has_text="Nieuwe, lege kaart geopend.")).to_be_visible()
    expect(the_map(page).locator(".kk-node")).to_have_count(0)
    page.get_by_label("Over welke onderwijsverandering gaat deze kaart?").fill("Kansengelijkheid")
    page.get_by_role("button", name="Volgende stap").click()
    add_person(page, "Mo", "wekelijks", "collega eigen team", [])
    expect(page.get_by_text("Mijn kaarten in deze browser (2)")).to_be_visible()

    page.get_by_role("button", name="Kaart ‘Flexibel en hybride leren’ openen").click()
    expect(node(page, "Anna de Vries")).to_have_count(1)
    page.get_by_role("button", name="Kopie maken van ‘Flexibel en hybride leren’").click()
    expect(page.get_by_label("Over welke onderwijsverandering gaat deze kaart?")).to_have_value(
        "Flexibel en hybride leren (kopie)"
    )
    expect(the_map(page).locator(".kk-node")).to_have_count(3)
    expect(page.get_by_text("Mijn kaarten in deze browser (3)")).to_be_visible()

    # Delete asks first; "no" keeps the map.
    page.get_by_role("button", name="Kaart ‘Kansengelijkheid’ verwijderen").click()
    dialog = page.get_by_role("dialog", name="Kaart verwijderen?")
    expect(dialog).to_contain_text("Kansengelijkheid")
    expect(dialog.get_by_role("button", name="Nee, bewaren")).to_be_focused()
    dialog.get_by_role("button", name="Nee, bewaren").click()
    expect(page.get_by_text("Mijn kaarten in deze browser (3)")).to_be_visible()
    # "Yes" deletes, and it can be put back.
    page.get_by_role("button", name="Kaart ‘Kansengelijkheid’ verwijderen").click()
    dialog.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.get_by_text("Mijn kaarten in deze browser (2)")).to_be_visible()
    expect(page.get_by_text("Kaart ‘Kansengelijkheid’ is verwijderd.")).to_be_visible()
    page.get_by_role("button", name="Terugzetten", exact=True).click()
    expect(page.get_by_text("Mijn kaarten in deze browser (3)")).to_be_visible()
    page.get_by_role("button", name="Kaart ‘Kansengelijkheid’ openen").click()
    expect(node(page, "Mo")).to_have_count(1)

    page.reload()
    wait_until_ready(page)
    expect(node(page, "Mo")).to_have_count(1)  # the last opened map opens again
    my_maps(page)
    expect(page.get_by_text("Mijn kaarten in deze browser (3)")).to_be_visible()


def test_two_tabs_on_one_map_keep_each_others_edits(watched: tuple[BrowserContext, Watch], site_url: str) -> None:
    context, _ = watched
    first = open_tool(context.new_page(), site_url)
    fill_three(first)
    second = open_tool(context.new_page(), site_url)
    expect(node(second, "Anna de Vries")).to_have_count(1)

    add_person(first, "Uit tab een", "wekelijks", "collega eigen team", [])
    go_to_step(second, "Mensen en ringen")
    add_person(second, "Uit tab twee", "minder dan maandelijks", "buiten de organisatie", [], announced=False)
    second.get_by_role("button", name="Teamleider bewerken").click()
    second.get_by_role("radio", name="wekelijks", exact=True).check()
    second.get_by_role("button", name="Wijzigingen opslaan").click()

    for page in (first, second):
        expect(node(page, "Uit tab een")).to_have_count(1)
        expect(node(page, "Uit tab twee")).to_have_count(1)
        expect(node(page, "Teamleider")).to_have_attribute("data-ring", "weekly")
    wait_until_saved(first, "Uit tab een", "Uit tab twee")  # both tabs' edits in storage
    third = open_tool(context.new_page(), site_url)
    expect(the_map(third).locator(".kk-node")).to_have_count(5)


def test_a_damaged_saved_map_is_set_aside_and_can_be_downloaded(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tool(page, site_url)
    fill_three(page)
    wait_until_saved(page, *(name for name, *_ in THREE))
    page.evaluate(
        """() => { for (let i = 0; i < localStorage.length; i++) {
             const k = localStorage.key(i);
             if (k.startsWith('kenniskring:map:')) localStorage.setItem(k, '{"type": "kenniskring", "version": 2, "map": {"change": "kapot');
           } }"""
    )
    page.reload()
    wait_until_ready(page)
    expect(page.get_by_role("alert")).to_contain_text("Een bewaarde kaart kon niet worden gelezen")
    expect(page.get_by_role("alert")).to_contain_text("geen geldig JSON-bestand")
    my_maps(page)
    expect(page.get_by_role("heading", name="Apart gezet: niet te lezen")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Ruwe gegevens downloaden").first.click()
    raw = tmp_path / "raw.txt"
    download.value.save_as(raw)
    assert raw.read_text(encoding="utf-8").endswith('"change": "kapot')


def test_a_full_storage_keeps_working_and_offers_the_download(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)
    wait_until_saved(page, *(name for name, *_ in THREE))
    # Fill this origin's storage to the brim, as years of other use might.
    page.evaluate(
        """() => { let i = 0;
             for (const size of [512 * 1024, 1024, 32, 1]) {
               const chunk = 'x'.repeat(size);
               try { while (true) localStorage.setItem('o' + i++, chunk); } catch (e) {}
             } }"""
    )
    add_person(page, "Na de volle opslag", "wekelijks", "collega eigen team", [])
    banner = page.get_by_text("De opslag van deze browser is vol")
    expect(banner).to_be_visible()
    expect(node(page, "Na de volle opslag")).to_have_count(1)  # still on screen, still editable
    with page.expect_download() as download:
        page.get_by_role("button", name="Download de kaart als bestand").click()
    doc = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert "Na de volle opslag" in [c["name"] for c in doc["map"]["contacts"]]
    page.evaluate("() => { for (const k of Object.keys(localStorage)) if (/^o\\d+$/.test(k)) localStorage.removeItem(k); }")
    add_person(page, "Weer ruimte", "wekelijks", "collega eigen team", [])
    expect(banner).to_be_hidden()


def test_backup_of_everything_and_restore_in_a_fresh_browser(
    page: Page, site_url: str, new_context: object, tmp_path: Path
) -> None:
    open_tool(page, site_url)
    fill_three(page)
    my_maps(page)
    page.get_by_role("button", name="Nieuwe kaart").click()
    page.get_by_label("Over welke onderwijsverandering gaat deze kaart?").fill("Tweede kaart")
    wait_until_saved(page, change="Tweede kaart")
    with page.expect_download() as download:
        page.get_by_role("button", name="Alles downloaden (back-up)").click()
    backup = tmp_path / download.value.suggested_filename
    download.value.save_as(backup)
    assert json.loads(backup.read_text(encoding="utf-8"))["type"] == "kenniskring-backup"

    other, _ = new_context()  # type: ignore[operator]
    fresh = open_tool(other.new_page(), site_url)
    my_maps(fresh)
    with fresh.expect_file_chooser() as chooser:
        fresh.get_by_role("button", name="Back-up terugzetten").click()
    chooser.value.set_files(backup)
    expect(fresh.get_by_role("status").filter(has_text="2 kaarten uit")).to_be_visible()
    expect(fresh.get_by_text("Mijn kaarten in deze browser (3)")).to_be_visible()  # its own empty map stays too
    expect(fresh.get_by_text("(geopend)")).to_be_visible()  # the first restored map is opened
    expect(row(fresh, "Lector Kansen")).to_contain_text("minstens maandelijks")
    fresh.get_by_role("button", name="Kaart ‘Tweede kaart’ openen").click()
    expect(fresh.get_by_label("Over welke onderwijsverandering gaat deze kaart?")).to_have_value("Tweede kaart")
