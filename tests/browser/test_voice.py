"""'Ons team' or 'Ik': every text the page shows, in every step, speaks as the map's author does."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .test_map_flow import fill_three
from .tool import go_to_step, open_tool

STEPS = ("De verandering", "Mensen en ringen", "Wie zijn het?", "Welke kennis?", "Reflecteren", "Van inzicht naar actie")
WE = re.compile(r"\b(we|wij|ons|onze|jullie)\b", re.IGNORECASE)
ME = re.compile(r"\b(ik|mijn|mij)\b", re.IGNORECASE)

# Every text a person sees or hears in the tool: visible text and accessible labels. Left out: the
# map (its centre is the perspective's own name), the list 'Mijn kaarten' (the user's own browser)
# and the two choices 'Ons team' / 'Ik' themselves; quoted names of those choices too.
SHOWN = """() => {
  const app = document.getElementById('kk-app');
  const skip = el => el.closest('#kk-map, #kk-maps') || el.closest('fieldset')?.querySelector('input[name="kk-perspective"]');
  const texts = [];
  const walk = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (n.textContent.trim() && el.checkVisibility() && !skip(el)) texts.push(n.textContent.trim());
  }
  for (const el of app.querySelectorAll('[aria-label]')) if (el.checkVisibility() && !skip(el)) texts.push(el.getAttribute('aria-label'));
  return texts.join(' | ').replace(/‘[^’]*’/g, '‘…’');
}"""


def spoken(page: Page) -> str:
    return str(page.evaluate(SHOWN))


def test_ik_and_wij_wording_follows_the_perspective_in_every_step(page: Page, site_url: str) -> None:
    open_tool(page, site_url)
    fill_three(page)  # a team map (the default) with three people, now on step 2
    go_to_step(page, "De verandering")
    page.get_by_role("radio", name="Ik", exact=True).check()
    expect(page.get_by_role("heading", name="Met wie overleg ik over deze onderwijsverandering?")).to_be_visible()
    expect(page.locator("#kk-step-text")).to_contain_text("met wie overleg ik over deze onderwijsverandering?")
    for title in STEPS:
        go_to_step(page, title)
        text = spoken(page)
        assert not WE.search(text), (title, WE.findall(text), text[:300])
        if title in ("De verandering", "Reflecteren", "Van inzicht naar actie"):
            assert ME.search(text), title  # these steps' texts speak in the first person
    expect(page.get_by_role("heading", name="Wat kan ik morgen anders doen?")).to_be_visible()
    go_to_step(page, "Reflecteren")
    expect(page.get_by_label("En wat zou ik anders willen? – gewenst")).to_be_visible()

    go_to_step(page, "De verandering")  # and back to the team: every text says "we" again
    page.get_by_role("radio", name="Ons team", exact=True).check()
    expect(page.get_by_role("heading", name="Met wie overleggen wij als team over deze onderwijsverandering?")).to_be_visible()
    for title in STEPS:
        go_to_step(page, title)
        text = spoken(page)
        assert not ME.search(text), (title, ME.findall(text), text[:300])
        if title in ("De verandering", "Reflecteren", "Van inzicht naar actie"):
            assert WE.search(text), title
    expect(page.get_by_role("heading", name="Wat kunnen we morgen anders doen?")).to_be_visible()
    go_to_step(page, "Reflecteren")
    expect(page.get_by_label("En wat zouden we anders willen? – gewenst")).to_be_visible()
