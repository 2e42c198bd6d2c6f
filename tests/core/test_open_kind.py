"""Nothing recorded that nobody chose: a person's kind stays open until someone says who they are,
and every part of the tool says "open" instead of counting a default."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from kenniskring.analysis import measure
from kenniskring.fileformat import FORMAT_VERSION, FileError, dumps, loads
from kenniskring.forms import KIND_CHOICES, PersonForm, contact_from_form, kind_choice_value, with_kind_choice, with_knowledge
from kenniskring.model import Contact, KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring
from kenniskring.observations import observe, say
from kenniskring.render import render
from kenniskring.report import composition_html, kinds_pass_html, knowledge_pass_html

from .factories import person

NS = {"svg": "http://www.w3.org/2000/svg"}


def open_person(cid: str, name: str, ring: Ring = Ring.WEEKLY) -> Contact:
    return Contact(cid, name, ring, None)


def test_a_new_person_from_the_form_has_no_kind_until_one_is_chosen() -> None:
    c = contact_from_form(PersonForm(name="Sam", ring="monthly", kind=""), None, NetworkMap())
    assert isinstance(c, Contact) and c.kind is None and c.role is None and c.knowledge == ()
    chosen = contact_from_form(PersonForm(name="Sam", ring="monthly", kind="outside", role="researcher"), None, NetworkMap())
    assert isinstance(chosen, Contact) and chosen.kind is PersonKind.OUTSIDE and chosen.role is OutsideRole.RESEARCHER


def test_the_form_asks_for_a_ring_instead_of_choosing_one() -> None:
    problems = contact_from_form(PersonForm(name="Sam", ring="", kind=""), None, NetworkMap())
    assert isinstance(problems, list) and [p.field for p in problems] == ["ring"]
    assert problems[0].key == "form.error.ring"


def test_an_open_kind_travels_in_the_file_as_no_kind_at_all() -> None:
    m = NetworkMap(change="Open", contacts=(open_person("a", "Sam"), person("b", "Bo")))
    doc = json.loads(dumps(m))
    assert doc["version"] == FORMAT_VERSION == 4
    assert "kind" not in doc["map"]["contacts"][0] and doc["map"]["contacts"][1]["kind"] == "own_team"
    assert loads(dumps(m)).contacts == m.contacts


def test_a_version_3_file_opens_as_it_was_and_a_role_needs_an_outsider() -> None:
    doc = json.loads(dumps(NetworkMap(contacts=(person("b", "Bo"),))))
    doc["version"] = 3
    assert loads(json.dumps(doc)).contacts[0].kind is PersonKind.OWN_TEAM
    doc["version"] = 4
    del doc["map"]["contacts"][0]["kind"]
    doc["map"]["contacts"][0]["role"] = "researcher"
    with pytest.raises(FileError) as found:
        loads(json.dumps(doc))
    assert found.value.code == "role_not_outside"


def test_the_measures_of_kinds_leave_the_open_ones_out_and_the_rings_count_everyone() -> None:
    m = NetworkMap(
        contacts=(
            person("a", "Anna"),  # own team, weekly
            person("b", "Bo", Ring.MONTHLY, PersonKind.OUTSIDE),
            open_person("c", "Cem"),
            open_person("d", "Dirk", Ring.LESS_OFTEN),
        )
    )
    ms = measure(m)
    assert ms.n == 4 and ms.known == 2 and ms.kind_open == ("c", "d")
    assert ms.ei_index == 0.0  # one in, one out: the open two are neither
    assert ms.own_team_share == 0.5 and ms.outside_team_share == 0.5
    assert ms.inner_share == 0.5 and ms.outer_share == 0.25  # how often: everyone counts


def test_the_observations_say_how_many_are_open_and_claim_no_missing_kind() -> None:
    m = NetworkMap(contacts=(person("a", "Anna"), open_person("c", "Cem"), open_person("d", "Dirk")))
    said = [say(o, "nl") for o in observe(m, "nl")]
    keys = [o.key for o in observe(m, "nl")]
    assert ("Bij 2 van de 3 mensen is nog niet gekozen wie het is.") in [s for s, _ in said]
    assert not any(k.startswith("kind_absent") or k == "kind_single" for k in keys)
    bonding = next(s for s, _ in said if s.startswith("Uit het eigen team"))
    assert "1 van de 1 persoon" in bonding and "van daarbuiten: 0" in bonding
    one = [say(o, "en") for o in observe(NetworkMap(contacts=(open_person("c", "Cem"),)), "en")]
    assert "For 1 of the 1 person, who they are is not chosen yet." in [s for s, _ in one]
    everyone = [o.key for o in observe(NetworkMap(contacts=(person("a", "Anna"), person("b", "Bo"))), "nl")]
    assert "kind_open" not in everyone and "kind_absent_outside" in everyone


def test_an_open_kind_is_drawn_as_a_question_mark_and_said_in_words() -> None:
    root = ET.fromstring(render(NetworkMap(contacts=(open_person("c", "Cem"),)), "nl"))
    note = root.find(".//svg:g[@class='kk-node']", NS)
    assert note is not None and note.get("data-kind") == "open"
    icon = note.find(".//svg:g[@class='kk-icon kk-icon-open']", NS)
    assert icon is not None and "".join(icon.itertext()) == "?"
    assert note.get("aria-label", "").split(", ")[1] == "wie: nog niet gekozen"
    legend = root.find(".//svg:g[@class='kk-legend']", NS)
    assert legend is not None and "wie: nog niet gekozen" in list(legend.itertext())


def test_the_composition_table_has_a_column_for_the_open_ones_only_when_there_are() -> None:
    m = NetworkMap(contacts=(person("a", "Anna"), open_person("c", "Cem", Ring.MONTHLY)))
    assert "wie: nog niet gekozen" in composition_html(m, "nl")
    assert "nog niet gekozen" not in composition_html(NetworkMap(contacts=(person("a", "Anna"),)), "nl")


def test_step_3s_list_offers_every_kind_and_role_and_shows_what_is_chosen() -> None:
    m = NetworkMap(
        contacts=(open_person("c", "Cem"), person("b", "Lector", Ring.MONTHLY, PersonKind.OUTSIDE, OutsideRole.RESEARCHER))
    )
    html = kinds_pass_html(m, "nl")
    assert html.count("<select") == 2 and 'aria-label="Wie is Cem?"' in html
    assert html.count("<option") == 2 * len(KIND_CHOICES)
    assert '<option value="outside:researcher" selected>buiten de organisatie: onderzoeker</option>' in html
    assert '<option value="" selected>wie: nog niet gekozen</option>' in html


def test_a_choice_in_step_3_sets_kind_and_role_and_nonsense_changes_nothing() -> None:
    c = open_person("c", "Cem")
    for kind, role in KIND_CHOICES:
        chosen = with_kind_choice(c, kind_choice_value(kind, role))
        assert chosen is not None and (chosen.kind, chosen.role) == (kind, role)
    assert with_kind_choice(c, "student") is None


def test_step_4s_grid_ticks_forms_on_and_off() -> None:
    c = open_person("c", "Cem")
    on = with_knowledge(c, "scientific", True)
    assert on is not None and on.knowledge == (KnowledgeForm.SCIENTIFIC,)
    both = with_knowledge(on, "experiential", True)
    assert both is not None and both.knowledge == (KnowledgeForm.SCIENTIFIC, KnowledgeForm.EXPERIENTIAL)
    off = with_knowledge(both, "scientific", False)
    assert off is not None and off.knowledge == (KnowledgeForm.EXPERIENTIAL,)
    assert with_knowledge(c, "magic", True) is None
    html = knowledge_pass_html(NetworkMap(contacts=(both,)), "en")
    assert html.count('type="checkbox"') == 3 and html.count(" checked") == 2
    assert 'aria-label="Cem: scientific knowledge"' in html
