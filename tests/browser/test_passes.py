"""Nothing recorded that nobody chose: a name put on a ring has no kind and no knowledge until the
team says so in step 3 (who is it?) and step 4 (which knowledge?), each a pass over the people."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from .tool import go_to_step, node, open_tool


def row(page: Page, name: str) -> Locator:
    """The person's row in the table of people under the map (the passes have rows of their own)."""
    people = page.get_by_role("region", name="Mensen op de kaart")
    return people.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def test_names_first_then_who_they_are_then_their_knowledge(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    page.get_by_role("button", name="Volgende stap").click()
    name = page.get_by_label("Naam", exact=True)
    # no ring is chosen for the user: the form asks
    name.fill("Sam")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.get_by_text("Kies hoe vaak je met deze persoon over de verandering overlegt.")).to_be_visible()
    expect(page.get_by_role("radio", name="wekelijks", exact=True)).to_be_focused()
    expect(node(page, "Sam")).to_have_count(0)
    page.keyboard.press("Space")  # wekelijks
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(node(page, "Sam")).to_have_attribute("data-kind", "open")
    expect(row(page, "Sam")).to_contain_text("wie: nog niet gekozen")
    expect(page.get_by_role("radio", name="wekelijks", exact=True)).not_to_be_checked()  # the next name: nothing chosen either
    name.fill("Lector")
    page.get_by_role("radio", name="minstens maandelijks", exact=True).check()
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(node(page, "Lector")).to_have_attribute("data-kind", "open")

    go_to_step(page, "Wie zijn het?")
    who = page.get_by_role("combobox", name="Wie is Lector?")
    expect(who).to_have_value("")
    who.focus()
    who.select_option(label="buiten de organisatie: onderzoeker")
    expect(node(page, "Lector")).to_have_attribute("data-kind", "outside")
    expect(row(page, "Lector")).to_contain_text("buiten de organisatie (onderzoeker)")
    expect(page.get_by_role("combobox", name="Wie is Lector?")).to_be_focused()  # the pass is drawn again, focus stays
    # by keyboard: the next person's list, an arrow key chooses
    sam = page.get_by_role("combobox", name="Wie is Sam?")
    sam.focus()
    sam.select_option("own_team")
    expect(node(page, "Sam")).to_have_attribute("data-kind", "own_team")
    page.keyboard.press("Control+z")
    expect(node(page, "Sam")).to_have_attribute("data-kind", "open")
    page.keyboard.press("Control+Shift+z")

    go_to_step(page, "Welke kennis?")
    box = page.get_by_role("checkbox", name="Lector: wetenschappelijke kennis")
    expect(box).not_to_be_checked()
    box.focus()
    page.keyboard.press("Space")
    expect(row(page, "Lector")).to_contain_text("wetenschappelijke kennis")
    expect(page.get_by_role("checkbox", name="Lector: wetenschappelijke kennis")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Lector: wetenschappelijke kennis")).to_be_focused()
    expect(page.get_by_role("checkbox", name="Sam: ervaringskennis")).not_to_be_checked()
