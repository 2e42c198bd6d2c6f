"""What changed between two moments: each kind of change, and none."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from kenniskring.changes import compare, pair_people
from kenniskring.model import Action, KnowledgeForm, NetworkMap, PersonKind, Ring
from kenniskring.observations import describe_actions, describe_changes, figure_rows, observe_changes, say
from kenniskring.values import replace

from tests.core.factories import person, sample_map

W, P, E = KnowledgeForm.SCIENTIFIC, KnowledgeForm.PROFESSIONAL, KnowledgeForm.EXPERIENTIAL


def later(m: NetworkMap, *contacts: object, actions: tuple[Action, ...] | None = None) -> NetworkMap:
    return replace(m, contacts=tuple(contacts), actions=m.actions if actions is None else actions)  # type: ignore[arg-type]


def test_a_map_compared_with_itself_reports_nothing() -> None:
    m = sample_map()
    changes = compare(m, m)
    assert not changes.people_changed
    assert describe_changes(changes, "nl") == ["Niemand is nieuw, weg of verschoven, en ieders kennis is dezelfde."]
    assert [o.key for o in observe_changes(changes)] == ["change_none"]


def test_new_and_gone_people_are_named_and_nobody_else() -> None:
    m = sample_map()
    anna, lector, _leader = m.contacts
    coach = person("d", "Coach Bram", Ring.MONTHLY, PersonKind.ORGANISATION)
    changes = compare(m, later(m, anna, lector, coach))
    assert [c.name for c in changes.new] == ["Coach Bram"]
    assert [c.name for c in changes.gone] == ["Teamleider"]
    text = "\n".join(describe_changes(changes, "en"))
    assert "Coach Bram" in text and "Teamleider" in text
    assert "Anna de Vries" not in text and "Lector" not in text  # unchanged: never named


def test_moves_closer_and_further_say_from_which_ring_to_which() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts
    changes = compare(m, later(m, replace(anna, ring=Ring.LESS_OFTEN), replace(lector, ring=Ring.WEEKLY), leader))
    assert [(x.after.name, x.closer) for x in changes.moved] == [("Anna de Vries", False), ("Lector", True)]
    lines = describe_changes(changes, "nl")
    assert "Verder weg: \u2068Anna de Vries\u2069 (wekelijks → minder dan maandelijks)" in lines
    assert "Dichterbij: \u2068Lector\u2069 (minstens maandelijks → wekelijks)" in lines
    keys = {o.key for o in observe_changes(changes)}
    assert {"change_closer", "change_further"} <= keys


def test_knowledge_gained_and_lost_per_person() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts  # Anna: P + E; leader: none
    changes = compare(m, later(m, replace(anna, knowledge=(W, P)), lector, replace(leader, knowledge=(E,))))
    by_name = {f.after.name: (f.gained, f.lost) for f in changes.forms}
    assert by_name == {"Anna de Vries": ((W,), (E,)), "Teamleider": ((E,), ())}
    lines = describe_changes(changes, "en")
    assert "\u2068Anna de Vries\u2069 now also brings scientific knowledge" in lines
    assert "\u2068Anna de Vries\u2069 no longer brings experiential knowledge" in lines


def test_a_different_kind_is_a_change() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts
    changes = compare(m, later(m, anna, lector, replace(leader, kind=PersonKind.OWN_TEAM)))
    assert [(k.before.kind, k.after.kind) for k in changes.kinds] == [(PersonKind.ORGANISATION, PersonKind.OWN_TEAM)]
    assert changes.people_changed


def test_people_of_separately_made_files_are_matched_by_name() -> None:
    before = (person("x1", "Fatma Yılmaz"), person("x2", "Jan-Willem Bos"))
    after = (person("y1", "fatma yilmaz"), person("y2", "Jan Willem Bos"), person("y3", "Nieuw"))
    pairs, gone, new = pair_people(before, after)
    assert [(a.id, b.id) for a, b in pairs] == [("x1", "y1"), ("x2", "y2")]
    assert gone == [] and [c.id for c in new] == ["y3"]


def test_a_wish_that_came_true_is_new_in_the_network() -> None:
    m = sample_map()
    wish = replace(person("w", "Werkveld"), wished=True)
    before = replace(m, contacts=(*m.contacts, wish))
    after = replace(m, contacts=(*m.contacts, replace(wish, wished=False)))
    assert [c.name for c in compare(before, after).new] == ["Werkveld"]


def test_figures_side_by_side_with_the_difference() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts
    extra = person("d", "Buurschool", Ring.LESS_OFTEN, PersonKind.OUTSIDE)
    changes = compare(m, later(m, anna, lector, leader, extra))
    rows = {r.key: r for r in figure_rows(changes.before, changes.after, "en")}
    assert (rows["people"].now, rows["people"].desired, rows["people"].difference) == ("3", "4", "+1")
    assert rows["ei_index"].now == "0.33" and rows["ei_index"].desired == "0.50"
    assert {o.key for o in observe_changes(changes)} >= {"change_new", "change_ei"}


def test_every_change_observation_ends_in_a_question_in_both_languages() -> None:
    m = sample_map()
    anna, lector, leader = m.contacts
    changes = compare(m, later(m, replace(anna, ring=Ring.MONTHLY, knowledge=(W,)), person("n", "Nieuw")))
    for lang in ("nl", "en"):
        for obs in observe_changes(changes):
            sentence, question = say(obs, lang)
            assert sentence and question.endswith("?"), (obs, lang)


def test_one_person_gets_the_singular() -> None:
    m = sample_map()
    changes = compare(m, later(m, *m.contacts, person("n", "Nieuw")))
    new = next(o for o in observe_changes(changes) if o.key == "change_new")
    assert say(new, "nl")[0] == "Er is 1 persoon bijgekomen."
    assert say(new, "en")[0] == "1 person is new."


def test_the_earlier_actions_with_done_open_and_dropped() -> None:
    m = replace(
        sample_map(),
        actions=(Action("a1", "Lector uitnodigen"), Action("a2", "Stage bezoeken"), Action("a3", "Mail sturen")),
    )
    after = replace(m, actions=(replace(m.actions[0], done=True), m.actions[1]))
    changes = compare(m, after)
    assert [(o.done, o.kept) for o in changes.actions] == [(True, True), (False, True), (False, False)]
    assert describe_actions(changes, "nl") == [
        "Gedaan: \u2068Lector uitnodigen\u2069",
        "Nog niet gedaan: \u2068Stage bezoeken\u2069",
        "Niet meer op de lijst: \u2068Mail sturen\u2069",
    ]


names = st.text(alphabet="abcdeé -", min_size=1, max_size=8).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, st.sampled_from(list(Ring)), st.sampled_from(list(PersonKind))), max_size=12))
def test_property_compare_of_a_map_with_itself_reports_nothing(people: list[tuple[str, Ring, PersonKind]]) -> None:
    m = NetworkMap(contacts=tuple(person(f"p{i}", n, r, k) for i, (n, r, k) in enumerate(people)))
    changes = compare(m, m)
    assert not changes.people_changed and not changes.new and not changes.gone
