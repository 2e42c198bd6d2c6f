"""Whatever opens can be exported and opened again: the largest map the reader accepts (every
limit at its maximum, every character the costliest to write) fits the reader's own limits as
JSON and as SVG, and every panel and the poster are built from it (issue 13)."""

from __future__ import annotations

from html import escape
from xml.etree import ElementTree

import pytest
from kenniskring.fileformat import MAX_ACTION_PEOPLE, MAX_ACTIONS, MAX_CONTACTS, MAX_FILE_CHARS, dumps, loads
from kenniskring.model import (
    MAX_ACTION,
    MAX_ANSWER,
    MAX_CHANGE,
    MAX_NAME,
    MAX_NOTE,
    Action,
    Answer,
    Contact,
    KnowledgeForm,
    NetworkMap,
    OutsideRole,
    PersonKind,
    Question,
    Ring,
    View,
)
from kenniskring.paper import Paper
from kenniskring.poster import poster_html
from kenniskring.render import render
from kenniskring.report import (
    actions_html,
    composition_html,
    contact_rows_html,
    figures_html,
    observations_html,
    people_choices_html,
    suggestions_html,
)
from kenniskring.svgfile import MAX_SVG_CHARS, embed, read_map_file


def largest_map(ch: str) -> NetworkMap:
    """Every limit at its maximum, every text made of ``ch`` (``"`` costs most in JSON, ``&`` in XML)."""
    people = tuple(
        Contact(
            f"{i:04d}".ljust(64, "x"),
            (ch * MAX_NAME)[:-1] + "A",
            Ring.WEEKLY,
            PersonKind.OUTSIDE,
            OutsideRole.EXTERNAL_EXPERT,
            tuple(KnowledgeForm),
            ch * MAX_NOTE,
            Ring.LESS_OFTEN,
        )
        for i in range(MAX_CONTACTS)
    )
    ids = [c.id for c in people]
    actions = tuple(
        Action(
            f"a{i:04d}".ljust(64, "y"),
            ch * MAX_ACTION,
            tuple(ids[(i + j) % len(ids)] for j in range(MAX_ACTION_PEOPLE)),
            ch * MAX_NAME,
            "2026-12-31",
            True,
        )
        for i in range(MAX_ACTIONS)
    )
    answers = tuple(Answer(q, ch * MAX_ANSWER, ch * MAX_ANSWER) for q in Question)
    return NetworkMap(ch * MAX_CHANGE, contacts=people, answers=answers, actions=actions)


@pytest.fixture(scope="module", params=['"', "&", "\\"])
def largest(request: pytest.FixtureRequest) -> NetworkMap:
    return largest_map(request.param)


def test_the_largest_map_exports_within_the_import_limit_and_opens_again(largest: NetworkMap) -> None:
    text = dumps(largest, "2026-11-24T10:00:00+00:00")
    assert len(text) <= MAX_FILE_CHARS
    assert loads(text) == largest
    text.encode("utf-8")


def test_the_largest_map_exports_as_an_svg_within_its_limit_and_opens_again(largest: NetworkMap) -> None:
    svg = embed(render(largest, "nl", View.BOTH, standalone=True), largest, "2026-11-24T10:00:00+00:00")
    assert len(svg) <= MAX_SVG_CHARS
    ElementTree.fromstring(svg)
    assert read_map_file(svg) == largest


def test_every_panel_and_the_poster_build_for_the_largest_map(largest: NetworkMap) -> None:
    for build in (
        observations_html,
        figures_html,
        composition_html,
        suggestions_html,
        actions_html,
        contact_rows_html,
        people_choices_html,
    ):
        assert build(largest, "nl")
    # Now and the wish on A3, now alone on A4 (the wish's ghosts of 1,000 people take half a minute).
    for paper, view in ((Paper.A3, View.BOTH), (Paper.A4, View.CURRENT)):
        poster = poster_html(largest, "nl", "2026-11-24", view, paper)
        # Every name whole in the poster's list of people (the map itself may shorten them).
        assert all(f"<bdi>{escape(c.name)}</bdi>" in poster for c in largest.contacts)
