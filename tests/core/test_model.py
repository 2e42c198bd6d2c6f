from kenniskring.model import Contact, KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring, new_contact_id


def test_role_only_kept_for_people_outside_the_organisation() -> None:
    inside = Contact("x", "Jan", Ring.WEEKLY, PersonKind.OWN_TEAM, OutsideRole.RESEARCHER)
    outside = Contact("y", "Lector", Ring.WEEKLY, PersonKind.OUTSIDE, OutsideRole.RESEARCHER)
    assert inside.role is None
    assert outside.role is OutsideRole.RESEARCHER


def test_knowledge_is_deduplicated_and_in_the_methods_order() -> None:
    c = Contact("x", "Jan", Ring.WEEKLY, PersonKind.OWN_TEAM, knowledge=("experiential", "scientific", "experiential"))  # type: ignore[arg-type]
    assert c.knowledge == (KnowledgeForm.SCIENTIFIC, KnowledgeForm.EXPERIENTIAL)


def test_lookup_by_id_and_ring() -> None:
    a = Contact("a", "A", Ring.WEEKLY, PersonKind.OWN_TEAM)
    b = Contact("b", "B", Ring.MONTHLY, PersonKind.OWN_TEAM)
    m = NetworkMap(contacts=(a, b))
    assert m.contact("b") is b
    assert m.contact("zzz") is None
    assert m.in_ring(Ring.MONTHLY) == (b,)
    assert m.in_ring(Ring.LESS_OFTEN) == ()


def test_new_ids_are_unique() -> None:
    ids = {new_contact_id() for _ in range(1000)}
    assert len(ids) == 1000


def test_desired_ring_equal_to_the_current_one_means_as_now() -> None:
    c = Contact("x", "Jan", Ring.MONTHLY, PersonKind.OWN_TEAM, desired_ring=Ring.MONTHLY)
    assert c.desired_ring is None and c.planned_ring is Ring.MONTHLY
    moved = Contact("x", "Jan", Ring.MONTHLY, PersonKind.OWN_TEAM, desired_ring=Ring.WEEKLY)
    assert moved.planned_ring is Ring.WEEKLY


def test_current_and_desired_maps() -> None:
    from kenniskring.model import current_map, desired_map

    from .factories import full_map

    m = full_map()
    assert [c.id for c in current_map(m).contacts] == ["a", "b", "c"]
    desired = desired_map(m)
    assert {c.id: c.ring for c in desired.contacts} == {
        "a": Ring.WEEKLY,
        "b": Ring.WEEKLY,
        "c": Ring.LESS_OFTEN,
        "w": Ring.MONTHLY,
    }
    assert not any(c.wished or c.desired_ring for c in desired.contacts)
    assert m.has_desired and not current_map(m).has_desired
