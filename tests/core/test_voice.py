"""'Wij' or 'ik': every text that speaks as the team has the words of one person filling in the map
alone, and the map's perspective chooses (labels.voiced); the page, the poster and the comparison
all take it from there."""

from __future__ import annotations

import re
from html import escape

import pytest
from kenniskring.changes import compare
from kenniskring.i18n import t
from kenniskring.labels import PERSONAL, QUESTION, STEPS, voiced
from kenniskring.markup import tool_markup
from kenniskring.model import Perspective, Ring, View
from kenniskring.observations import observe_changes, say
from kenniskring.paper import Paper
from kenniskring.poster import poster_html
from kenniskring.report import changes_html
from kenniskring.values import replace

from .factories import full_map

TEAM, ALONE = Perspective.TEAM, Perspective.PERSONAL
# The words that give away who speaks, in Dutch (English "you" is one word for both).
WE = re.compile(r"\b(we|wij|ons|onze|jullie)\b", re.IGNORECASE)
ME = re.compile(r"\b(ik|mijn|mij)\b", re.IGNORECASE)

# Every parameter a text may have; str.format leaves out those it does not use.
PARAMS = {"count": 2, "after": "2", "before": "1"}


def said(lang: str, key: str) -> str:
    """The text, without the names of the two choices in quotes (‘Ik’, ‘Ons team’), which are names."""
    return re.sub(r"‘[^’]*’", "‘…’", t(lang, key, **PARAMS))


SPOKEN = sorted({*PERSONAL, *QUESTION.values(), *(text for _, text in STEPS)})


@pytest.mark.parametrize("key", SPOKEN)
def test_each_text_says_we_for_a_team_and_ik_for_one_person(key: str) -> None:
    team, alone = said("nl", voiced(key, TEAM)), said("nl", voiced(key, ALONE))
    assert not ME.search(team), team
    assert not WE.search(alone), alone


@pytest.mark.parametrize("key", sorted(PERSONAL))
def test_the_english_for_one_person_says_i_where_the_teams_says_we(key: str) -> None:
    team, alone = said("en", key), said("en", PERSONAL[key])
    assert not re.search(r"\b(I|my|me)\b", team), team
    assert not re.search(r"\b(we|our|us)\b", alone, re.IGNORECASE), alone
    if re.search(r"\b(we|our|us)\b", team, re.IGNORECASE):
        assert re.search(r"\b(I|my|me)\b", alone), alone  # "we" becomes "I", not "you"


def test_the_page_holds_both_wordings_of_every_text_it_shows() -> None:
    page = tool_markup("nl")
    for key in ("form.ring", "map.drag.hint", "form.wished", "actions.question", "moments.next_look", "step.1.text"):
        for p in (TEAM, ALONE):
            assert escape(t("nl", voiced(key, p))) in page, (key, p)
    assert 'data-text-personal="Wat kan ik morgen anders doen?' in page
    assert 'data-label-personal="En wat zou ik anders willen? – gewenst"' in page


def test_the_poster_and_the_comparison_speak_as_the_map_does() -> None:
    m = replace(full_map(), perspective=ALONE)
    poster = poster_html(m, "nl", "2026-12-03", View.CURRENT, Paper.A4)
    headings = re.findall(r"<h3>([^<]*)</h3>", poster)
    assert "Hoe verhoudt de kennis die ik gebruik zich tot de vraagstukken waarvoor ik sta?" in headings
    assert headings and not any(WE.search(h) for h in headings)
    later = replace(m, contacts=tuple(replace(c, ring=Ring.WEEKLY) for c in m.contacts))
    changes = compare(m, later)
    alone = " ".join(" ".join(say(o, "nl", ALONE)) for o in observe_changes(changes))
    team = " ".join(" ".join(say(o, "nl", TEAM)) for o in observe_changes(changes))
    assert "overleg je nu vaker" in alone and not WE.search(alone)
    assert "overleggen jullie nu vaker" in team
    html = changes_html(changes, "nl", "toen", "nu")
    assert "Wat heb ik gedaan?" in html and "jullie" not in html
