"""A team map from members' maps: matching by name, doubts asked, the rules for ring and knowledge."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kenniskring.fileformat import FileError, dumps, loads
from kenniskring.model import KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring
from kenniskring.observations import observe_team, say
from kenniskring.teammap import Member, RingRule, close_names, different_changes, match, match_key, team_map
from kenniskring.values import replace

from tests.core.factories import person

W, P, E = KnowledgeForm.SCIENTIFIC, KnowledgeForm.PROFESSIONAL, KnowledgeForm.EXPERIENTIAL


def member(label: str, *contacts: object, change: str = "Hybride leren") -> Member:
    return Member(label, NetworkMap(change=change, contacts=tuple(contacts)))  # type: ignore[arg-type]


def three_members() -> list[Member]:
    return [
        member(
            "Anna",
            person("a1", "Fatma Yılmaz", Ring.MONTHLY, knowledge=(P,)),
            person("a2", "Lector HU", Ring.LESS_OFTEN, PersonKind.OUTSIDE, OutsideRole.RESEARCHER, (W,)),
        ),
        member(
            "Bob",
            person("b1", "fatma  yilmaz", Ring.WEEKLY, knowledge=(E,)),
            person("b2", "Stagebedrijf Zorg", Ring.MONTHLY, PersonKind.OUTSIDE, OutsideRole.FIELD_PARTNER, (E,)),
        ),
        member(
            "Carla",
            person("c1", "Fátma Yilmaz", Ring.MONTHLY, knowledge=(P,), note="mentor"),
            person("c2", "lector hu", Ring.LESS_OFTEN, PersonKind.OUTSIDE, OutsideRole.RESEARCHER, (W, P)),
        ),
    ]


def by_name(team_contacts: object) -> dict[str, object]:
    return {match_key(c.name): c for c in team_contacts}  # type: ignore[attr-defined]


def test_case_spaces_and_accents_are_one_person_named_once() -> None:
    team = team_map(three_members())
    keys = [match_key(c.name) for c in team.map.contacts]
    assert sorted(keys) == ["fatma yilmaz", "lector hu", "stagebedrijf zorg"]
    fatma = by_name(team.map.contacts)["fatma yilmaz"]
    assert fatma.named_by == (0, 1, 2) and team.map.members == ("Anna", "Bob", "Carla")  # type: ignore[attr-defined]


def test_union_of_knowledge_and_the_closest_ring_by_default() -> None:
    team = team_map(three_members())
    fatma = by_name(team.map.contacts)["fatma yilmaz"]
    assert fatma.knowledge == (P, E)  # type: ignore[attr-defined]
    assert fatma.ring is Ring.WEEKLY  # type: ignore[attr-defined]  # Bob sees her weekly
    lector = by_name(team.map.contacts)["lector hu"]
    assert lector.knowledge == (W, P) and lector.role is OutsideRole.RESEARCHER  # type: ignore[attr-defined]


def test_most_named_ring_when_that_rule_is_chosen() -> None:
    team = team_map(three_members(), RingRule.MOST_NAMED)
    assert by_name(team.map.contacts)["fatma yilmaz"].ring is Ring.MONTHLY  # type: ignore[attr-defined]
    assert team.rule is RingRule.MOST_NAMED


def test_a_tie_in_most_named_goes_to_the_closer_ring() -> None:
    members = [member("A", person("1", "Kees", Ring.LESS_OFTEN)), member("B", person("2", "Kees", Ring.MONTHLY))]
    assert team_map(members, RingRule.MOST_NAMED).map.contacts[0].ring is Ring.MONTHLY


def test_the_note_keeps_each_members_own_note() -> None:
    team = team_map(three_members())
    assert by_name(team.map.contacts)["fatma yilmaz"].note == "Carla: mentor"  # type: ignore[attr-defined]
    assert by_name(team.map.contacts)["stagebedrijf zorg"].note == ""  # type: ignore[attr-defined]


def test_people_named_by_one_member_are_marked_and_observed() -> None:
    team = team_map(three_members())
    assert [c.name for c in team.map.named_by_one] == ["Stagebedrijf Zorg"]
    lines = [say(o, "nl") for o in observe_team(team.map)]
    assert (
        "1 van de 3 mensen kent alleen één teamlid.",
        "Hoe kan de rest van het team ook bij hen terecht, als die collega er niet is?",
    ) in lines
    assert any(s.startswith("1 van de 3 mensen zijn door iedereen genoemd") for s, _ in lines)


def test_the_members_maps_are_untouched_and_the_team_map_is_a_valid_file() -> None:
    members = three_members()
    before = [dumps(m.map) for m in members]
    team = team_map(members)
    assert [dumps(m.map) for m in members] == before
    assert loads(dumps(team.map)) == team.map


def test_close_spellings_are_a_doubt_and_not_joined_unless_confirmed() -> None:
    members = [
        member("A", person("1", "Marieke van Dam"), person("2", "Fatma")),
        member("B", person("3", "Marieke van Dma"), person("4", "Fatma Yilmaz")),
    ]
    matching = match(members)
    assert {d.names for d in matching.doubts} == {("Marieke van Dam", "Marieke van Dma"), ("Fatma", "Fatma Yilmaz")}
    assert len(team_map(members).map.contacts) == 4  # nothing joined that nobody confirmed
    joined = team_map(members, confirmed=matching.doubts)
    assert len(joined.map.contacts) == 2
    assert all(len(c.named_by) == 2 for c in joined.map.contacts)


def test_two_close_names_on_one_members_map_are_two_people_no_doubt() -> None:
    members = [member("A", person("1", "Jan Bos"), person("2", "Jan Bes")), member("B", person("3", "Jan Bos"))]
    assert match(members).doubts == ()


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("marieke", "mariek", True),
        ("jan", "jon", False),  # too short to call a typo
        ("fatma", "fatma yilmaz", True),
        ("fatma yilmaz", "fatma bos", False),  # two full names: two people
        ("lector hogeschool utrecht", "lector hogeschool utrech", True),
        ("anna", "anna", False),
    ],
)
def test_close_names(a: str, b: str, close: bool) -> None:
    assert close_names(a, b) is close


def test_punctuation_does_not_make_another_person() -> None:
    assert match_key("Jan-Willem") == match_key("jan willem")
    assert match_key("Dr. Bos (lector)") == match_key("dr bos lector")


def test_maps_of_different_changes_are_noticed() -> None:
    assert different_changes([member("A", change="Hybride leren"), member("B", change="Nieuw curriculum")])
    assert not different_changes(
        [member("A", change="Hybride leren"), member("B", change="hybride  leren"), member("C", change="")]
    )


def test_ids_stay_unique_when_members_used_the_same_ids() -> None:
    members = [member("A", person("p1", "Anna")), member("B", person("p1", "Bram"))]
    ids = [c.id for c in team_map(members).map.contacts]
    assert len(set(ids)) == 2 and loads(dumps(team_map(members).map))


def test_too_many_people_together_is_a_typed_error() -> None:
    members = [member(str(i), *(person(f"{i}-{n}", f"Persoon {i} {n}") for n in range(600))) for i in range(2)]
    with pytest.raises(FileError) as problem:
        team_map(members)
    assert problem.value.code == "too_many_contacts"


def test_a_wish_of_one_member_is_a_tie_of_another() -> None:
    members = [
        member("A", replace(person("1", "Kees", Ring.WEEKLY), wished=True)),
        member("B", person("2", "Kees", Ring.MONTHLY)),
    ]
    kees = team_map(members).map.contacts[0]
    assert not kees.wished and kees.ring is Ring.MONTHLY


names = st.text(alphabet="abcdeé -", min_size=1, max_size=8).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, st.sampled_from(list(Ring)), st.sets(st.sampled_from(list(KnowledgeForm)))), max_size=10))
def test_property_merging_a_map_with_itself_changes_nothing(people: list[tuple[str, Ring, set[KnowledgeForm]]]) -> None:
    unique = {match_key(n): (n, r, k) for n, r, k in people}
    m = NetworkMap(contacts=tuple(person(f"p{i}", n, r, knowledge=tuple(k)) for i, (n, r, k) in enumerate(unique.values())))
    team = team_map([Member("A", m), Member("B", m)])
    assert [(c.name, c.ring, c.knowledge, c.kind) for c in team.map.contacts] == [
        (c.name, c.ring, c.knowledge, c.kind) for c in m.contacts
    ]


def test_the_team_lines_are_part_of_the_maps_observations_after_it_is_saved() -> None:
    from kenniskring.observations import observe

    reopened = loads(dumps(team_map(three_members()).map))
    assert [c.named_by for c in reopened.contacts] == [(0, 1, 2), (0, 2), (1,)]
    assert "team_single" in {o.key for o in observe(reopened, "nl")}
    assert "team_single" not in {o.key for o in observe(three_members()[0].map, "nl")}  # not a team map


def test_a_member_named_in_a_contact_must_be_in_the_list() -> None:
    import json

    doc = json.loads(dumps(team_map(three_members()).map))
    doc["map"]["contacts"][0]["named_by"] = [0, 7]
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert caught.value.code == "unknown_member"


def test_a_members_label_becomes_a_name_a_file_can_hold() -> None:
    members = [member("kaart\u0007van\nAnna", person("1", "Kees")), member("   ", person("2", "Kees"))]
    assert team_map(members).map.members == ("kaart van Anna", "2")
