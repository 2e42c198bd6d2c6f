"""Every measure against a value computed by hand."""

import pytest
from kenniskring.analysis import blau, iqv, measure
from kenniskring.model import KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring, current_map, desired_map

from .factories import full_map, person, sample_map

W, P, E = KnowledgeForm.SCIENTIFIC, KnowledgeForm.PROFESSIONAL, KnowledgeForm.EXPERIENTIAL


def lopsided() -> NetworkMap:
    """Three own-team colleagues weekly with professional knowledge; one researcher far out."""
    return NetworkMap(
        contacts=(
            person("t1", ring=Ring.WEEKLY, knowledge=(P,)),
            person("t2", ring=Ring.WEEKLY, knowledge=(P,)),
            person("t3", ring=Ring.WEEKLY, knowledge=(P,)),
            person("r", ring=Ring.LESS_OFTEN, kind=PersonKind.OUTSIDE, role=OutsideRole.RESEARCHER, knowledge=(W,)),
        )
    )


def test_empty_map_has_no_shares_and_no_division_by_zero() -> None:
    m = measure(NetworkMap())
    assert m.n == 0
    assert m.ei_index is None and m.own_team_share is None
    assert m.kind_blau is None and m.kind_iqv is None and m.form_iqv is None
    assert m.inner_share is None and m.outer_share is None
    assert m.forms_reached == 0
    assert m.absent_forms == tuple(KnowledgeForm) and m.absent_kinds == tuple(PersonKind)
    assert m.single_source_forms == () and m.outer_only_forms == ()


def test_one_person() -> None:
    m = measure(NetworkMap(contacts=(person("a", ring=Ring.LESS_OFTEN, knowledge=(E,)),)))
    assert m.ei_index == -1.0  # one own-team contact: all internal
    assert m.kind_blau == 0.0 and m.kind_iqv == 0.0
    assert m.form_iqv == 0.0
    assert m.inner_share == 0.0 and m.outer_share == 1.0
    assert m.single_source_forms == (E,)
    assert m.outer_only_forms == (E,) and m.outer_only_kinds == (PersonKind.OWN_TEAM,)


def test_balanced_sample_by_hand() -> None:
    # a: own team, weekly, P+E; b: outside, monthly, W; c: organisation, less often, no knowledge.
    m = measure(sample_map())
    assert m.n == 3
    assert m.ei_index == pytest.approx(1 / 3)  # E=2, I=1: (2-1)/3
    assert m.own_team_share == pytest.approx(1 / 3) and m.outside_team_share == pytest.approx(2 / 3)
    assert m.kind_blau == pytest.approx(2 / 3)  # 1 - 3 * (1/3)^2
    assert m.kind_iqv == pytest.approx(1.0)  # 3/2 * 2/3
    assert m.form_mentions == {W: 1, P: 1, E: 1}
    assert m.form_iqv == pytest.approx(1.0)
    assert m.inner_share == pytest.approx(1 / 3) and m.outer_share == pytest.approx(1 / 3)
    assert m.forms_reached == 3
    assert m.single_source_forms == (W, P, E)
    assert m.single_source_kinds == tuple(PersonKind)
    assert m.without_knowledge == ("c",)
    assert m.outer_only_forms == () and m.outer_only_kinds == (PersonKind.ORGANISATION,)


def test_lopsided_map_by_hand() -> None:
    m = measure(lopsided())
    assert m.ei_index == pytest.approx(-0.5)  # E=1, I=3: (1-3)/4
    assert m.kind_blau == pytest.approx(0.375)  # 1 - (0.75^2 + 0.25^2)
    assert m.kind_iqv == pytest.approx(0.5625)  # 3/2 * 0.375
    assert m.form_shares == {W: 0.25, P: 0.75, E: 0.0}
    assert m.form_iqv == pytest.approx(0.5625)
    assert m.inner_share == pytest.approx(0.75) and m.outer_share == pytest.approx(0.25)
    assert m.forms_reached == 2
    assert m.absent_forms == (E,) and m.absent_kinds == (PersonKind.ORGANISATION,)
    assert m.single_source_forms == (W,) and m.form_people[W] == ("r",)
    assert m.outer_only_forms == (W,) and m.form_rings[P] == (Ring.WEEKLY,)
    assert m.outer_only_kinds == (PersonKind.OUTSIDE,)


def test_table_ring_by_kind_by_form() -> None:
    m = measure(lopsided())
    assert m.people[Ring.WEEKLY][PersonKind.OWN_TEAM] == 3
    assert m.people[Ring.LESS_OFTEN][PersonKind.OUTSIDE] == 1
    assert m.knowledge[Ring.WEEKLY][PersonKind.OWN_TEAM][P] == 3
    assert m.knowledge[Ring.LESS_OFTEN][PersonKind.OUTSIDE][W] == 1
    assert sum(m.people[r][k] for r in m.people for k in m.people[r]) == 4


def test_current_and_desired_measures_differ_as_the_team_wishes() -> None:
    now = measure(current_map(full_map()))
    wished = measure(desired_map(full_map()))
    assert (now.n, wished.n) == (3, 4)  # the wished-for field partner counts only in the desired map
    assert now.inner_share == pytest.approx(1 / 3)
    assert wished.inner_share == pytest.approx(2 / 4)  # Anna and the researcher, moved closer
    assert wished.ei_index == pytest.approx((3 - 1) / 4)


@pytest.mark.parametrize(
    ("counts", "h", "q"),
    [([1, 1], 0.5, 1.0), ([2, 0, 0], 0.0, 0.0), ([1, 1, 1], 2 / 3, 1.0), ([3, 1], 0.375, 0.75), ([0, 0, 0], None, None)],
)
def test_blau_and_iqv(counts: list[int], h: float | None, q: float | None) -> None:
    assert blau(counts) == (pytest.approx(h) if h is not None else None)
    assert iqv(counts) == (pytest.approx(q) if q is not None else None)
