"""The pictures in the user guide are made here, from the real page.

In ``make test`` they go to a temporary folder: the walk through the example is checked and the
pictures are proved to be made, but no tracked file changes. ``make screenshots`` runs this same
test with ``KENNISKRING_SCREENSHOTS=docs/assets/screenshots``, the only thing that writes the
guide's committed ``{nl,en}/*.png``; the next build publishes them. The worked example opens with
the site's own one-click link, in both languages, so this is also the test that the link works.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import Watch

ROOT = Path(__file__).resolve().parents[2]
# Where `make screenshots` asks for the pictures (the guide's folder); unset, a temporary one.
SHOTS_VARIABLE = "KENNISKRING_SCREENSHOTS"
WIDTH, HEIGHT = 1280, 1000

# What a person reads on the page, per language: enough to walk to each step and view.
UI = {
    "nl": {
        "example_page": "voorbeeld/",
        "example_button": "Open dit voorbeeld in de tool",
        "opened": "Het voorbeeld is geopend als nieuwe kaart.",
        "steps": "Stappen van de reflectie",
        "heading": "Stap {n} van 6: ",
        "map": "Netwerkkaart",
        "views": "Toon op de kaart",
        "now": "Nu",
        "both": "Nu en gewenst",
        "step": {2: "Mensen en ringen", 5: "Reflecteren", 6: "Van inzicht naar actie"},
        "moment_name": "Naam van dit moment (mag leeg blijven)",
        "record": "Leg dit moment vast",
        "moment_label": "Start",
        "edit": "{name} bewerken",
        "weekly": "wekelijks",
        "save": "Wijzigingen opslaan",
        "compare": "Moment ‘Start, .*’ vergelijken met nu",
        "compared": "Vergeleken: Start, .* en Nu",
        "open": "Open een bestand (.json of .svg)",
        "maps": "Mijn kaarten in deze browser",
        "team": "Maak een teamkaart van de kaarten van teamleden",
        "team_files": "Kaarten van teamleden toevoegen (.json of .svg)",
        "team_closest": "De dichtstbijzijnde ring die iemand noemde",
        "team_make": "Maak een teamkaart",
        "team_made": "Teamkaart gemaakt van 3 kaarten",
        "named_by": "genoemd door 3 van 3",
    },
    "en": {
        "example_page": "en/voorbeeld/",
        "example_button": "Open this example in the tool",
        "opened": "The example was opened as a new map.",
        "steps": "Steps of the reflection",
        "heading": "Step {n} of 6: ",
        "map": "Network map",
        "views": "Show on the map",
        "now": "Now",
        "both": "Now and desired",
        "step": {2: "People and rings", 5: "Reflect", 6: "From insight to action"},
        "moment_name": "Name of this moment (may stay empty)",
        "record": "Record this moment",
        "moment_label": "Start",
        "edit": "Edit {name}",
        "weekly": "weekly",
        "save": "Save changes",
        "compare": "Compare moment ‘Start, .*’ with now",
        "compared": "Compared: Start, .* and Now",
        "open": "Open a file (.json or .svg)",
        "maps": "My maps in this browser",
        "team": "Make a team map from team members' maps",
        "team_files": "Add team members' maps (.json or .svg)",
        "team_closest": "The closest ring anyone named",
        "team_make": "Make a team map",
        "team_made": "Team map made of 3 maps",
        "named_by": "named by 3 of 3",
    },
}


def shoot_from(page: Page, top_selector: str, path: Path) -> None:
    """What is on screen from the top of an element down, just below the site's sticky header."""
    header = page.locator(".md-header").bounding_box()
    assert header is not None
    below = header["y"] + header["height"]
    page.locator(top_selector).evaluate("(el, below) => window.scrollBy(0, el.getBoundingClientRect().top - below - 8)", below)
    page.screenshot(path=path, clip={"x": 0, "y": below, "width": WIDTH, "height": HEIGHT - below})


def go_to(page: Page, ui: dict, n: int) -> None:  # type: ignore[type-arg]
    title = ui["step"][n]
    page.get_by_role("navigation", name=ui["steps"]).get_by_role("button", name=title).click()
    expect(page.get_by_role("heading", name=ui["heading"].format(n=n) + title)).to_be_focused()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_guide_screenshots_from_the_real_page(new_context: object, site_url: str, lang: str, tmp_path: Path) -> None:
    ui = UI[lang]
    asked = os.environ.get(SHOTS_VARIABLE)
    out = (ROOT / asked if asked else tmp_path) / lang
    ctx, _watch = new_context()  # type: ignore[operator]
    assert isinstance(ctx, BrowserContext) and isinstance(_watch, Watch)
    page = ctx.new_page()
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    out.mkdir(parents=True, exist_ok=True)

    page.goto(site_url + ui["example_page"])
    page.get_by_role("link", name=ui["example_button"]).click()
    expect(page.get_by_role("status").filter(has_text=ui["opened"])).to_be_visible(timeout=60_000)
    the_map = page.get_by_role("img", name=re.compile(ui["map"]))
    expect(the_map.locator(".kk-node")).to_have_count(9)
    page.evaluate("document.fonts.ready")

    views = page.get_by_role("group", name=ui["views"])
    expect(views.get_by_role("radio", name=ui["both"], exact=True)).to_be_checked()
    the_map.screenshot(path=out / "voorbeeld.png")

    views.get_by_role("radio", name=ui["now"], exact=True).check()
    expect(the_map.locator(".kk-node")).to_have_count(8)  # the wished-for contact is only desired
    the_map.screenshot(path=out / "kaart.png")

    go_to(page, ui, 2)
    shoot_from(page, "#kk-step-title", out / "stap-2.png")

    go_to(page, ui, 5)
    views.get_by_role("radio", name=ui["both"], exact=True).check()
    shoot_from(page, "#kk-step-title", out / "stap-5.png")

    go_to(page, ui, 6)
    shoot_from(page, "#kk-step-title", out / "stap-6.png")

    # Coming back after some months: a moment, one person closer, and the comparison with now.
    page.get_by_label(ui["moment_name"]).fill(ui["moment_label"])
    page.get_by_role("button", name=ui["record"]).click()
    go_to(page, ui, 2)
    further = page.get_by_role("row").filter(has=page.get_by_role("rowheader")).filter(has_not_text=ui["weekly"])
    first = further.first.get_by_role("rowheader").inner_text().strip()
    page.get_by_role("button", name=ui["edit"].format(name=first), exact=True).click()
    page.get_by_role("radio", name=ui["weekly"], exact=True).check()
    page.get_by_role("button", name=ui["save"]).click()
    go_to(page, ui, 6)
    page.get_by_role("button", name=re.compile(ui["compare"])).click()
    comparison = page.locator("#kk-comparison")
    expect(comparison.get_by_role("heading", name=re.compile(ui["compared"]))).to_be_focused()
    expect(comparison.locator(".kk-changes li").filter(has_text=first)).to_have_count(1)
    box = comparison.bounding_box()
    assert box is not None
    top = box["y"] + page.evaluate("window.scrollY")  # the picture and who changed, without the sticky header
    hide_header = "visible => { document.querySelector('.md-header').style.visibility = visible ? '' : 'hidden'; }"
    page.evaluate(hide_header, False)
    page.screenshot(
        path=out / "vergelijken.png",
        full_page=True,
        clip={"x": box["x"], "y": top, "width": box["width"], "height": min(box["height"], 1000)},
    )
    page.evaluate(hide_header, True)

    # Alone first, then together: three members' maps (two opened here, one added as a file) make a team map.
    from kenniskring.fileformat import dumps

    from tests.core.test_teammap import three_members

    files = []
    for member in three_members():
        path = tmp_path / f"{member.label}.json"
        path.write_text(dumps(member.map), encoding="utf-8")
        files.append(path)
    for path in files[:2]:
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=ui["open"]).click()
        chooser.value.set_files(path)
        expect(page.get_by_role("status")).to_contain_text(path.name)
    page.get_by_text(ui["maps"], exact=False).first.click()
    page.get_by_text(ui["team"]).click()
    panel = page.locator("#kk-team")
    boxes = panel.get_by_role("checkbox", name="Hybride leren", exact=True)
    expect(boxes).to_have_count(2)
    for box in boxes.all():
        box.check()
    with page.expect_file_chooser() as chooser:
        panel.get_by_role("button", name=ui["team_files"]).click()
    chooser.value.set_files(files[2])
    panel.get_by_role("radio", name=ui["team_closest"]).check()
    panel.get_by_role("button", name=ui["team_make"]).click()
    expect(page.get_by_role("status")).to_contain_text(ui["team_made"])
    expect(page.get_by_role("row").filter(has_text=ui["named_by"]).first).to_be_visible()
    page.get_by_text(ui["maps"], exact=False).first.click()  # the list closed again: the map and its table
    page.evaluate(hide_header, False)
    page.locator(".kk-map-column").screenshot(path=out / "teamkaart.png")
    page.evaluate(hide_header, True)

    for name in ("voorbeeld", "kaart", "stap-2", "stap-5", "stap-6", "vergelijken", "teamkaart"):
        png = (out / f"{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 10_000, name
