"""The session's rules, without a browser: one ``DictStorage`` shared by "tabs", a fixed clock.

A tab is a ``Session``; another tab's write reaches it as the browser would deliver it, a
``StorageChanged`` with the key's new text and the index as storage now has it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from kenniskring import session as ks
from kenniskring.edits import AddContact, History, RemoveContact, ReplaceMap, SetChange, TakeMoment, UpdateContact
from kenniskring.fileformat import FORMAT_VERSION, dumps, loads
from kenniskring.i18n import t
from kenniskring.library import MAP_PREFIX, create_map, load_map, open_library, read_index
from kenniskring.merge import merge
from kenniskring.model import NetworkMap, Ring, View
from kenniskring.persistence import DictStorage
from kenniskring.values import replace

from .factories import person, sample_map


def clock() -> Callable[[], str]:
    ticks = iter(range(10_000))
    return lambda: f"2026-12-02T10:{next(ticks) // 60:02d}:{next(ticks) % 60:02d}+00:00"


NOW = clock()


def opened(storage: DictStorage, lang: str = "nl") -> ks.Session:
    o = open_library(storage, NOW())
    return ks.start(lang, o.map_id, o.index, o.map, newer=bool(o.newer))


def run(s: ks.Session, *events: ks.Event, storage: DictStorage) -> tuple[ks.Session, list[ks.Effect]]:
    effects: list[ks.Effect] = []
    for event in events:
        s, done = ks.run(s, event, storage, NOW)
        effects += done
    return s, effects


def deliver(s: ks.Session, storage: DictStorage) -> tuple[ks.Session, list[ks.Effect]]:
    """What the browser tells this tab after another tab wrote its map."""
    key = MAP_PREFIX + s.map_id
    return run(s, ks.StorageChanged(key, storage.get(key), read_index(storage)), storage=storage)


def texts(effects: list[ks.Effect], error: bool | None = None) -> list[str]:
    return [e.text for e in effects if isinstance(e, ks.Announce) and (error is None or e.error is error)]


def newer_text(m: NetworkMap) -> str:
    doc = json.loads(dumps(m))
    doc["version"] = FORMAT_VERSION + 1
    doc["map"]["something_new"] = True
    return json.dumps(doc)


@pytest.fixture
def storage() -> DictStorage:
    return DictStorage()


# -- when to save ---------------------------------------------------------------------------------
def test_an_edit_is_saved_when_the_save_is_due_and_not_before(storage: DictStorage) -> None:
    s = opened(storage)
    s, effects = run(s, ks.Edited(SetChange("Hybride leren")), storage=storage)
    assert ks.ScheduleSave() in effects
    assert loads(storage.get(MAP_PREFIX + s.map_id) or "").change == ""  # debounced: nothing written yet
    s, effects = run(s, ks.SaveDue(), storage=storage)
    assert loads(storage.get(MAP_PREFIX + s.map_id) or "").change == "Hybride leren"
    assert ks.StorageBanner(None) in effects and ks.StorePreview() in effects
    assert not s.unsaved


def test_nothing_is_written_when_nothing_changed(storage: DictStorage) -> None:
    s = opened(storage)
    before = dict(storage.items)
    s, effects = run(s, ks.SaveDue(), storage=storage)
    assert storage.items == before and effects == []


def test_a_full_storage_shows_the_banner_and_keeps_the_map_in_memory(storage: DictStorage) -> None:
    s = opened(storage)
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items())
    s, effects = run(s, ks.Edited(SetChange("x" * 200)), ks.SaveDue(), storage=storage)
    assert ks.StorageBanner("msg.storage_full") in effects
    assert s.map.change == "x" * 200 and s.unsaved
    storage.quota = None
    s, effects = run(s, ks.SaveDue(), storage=storage)
    assert ks.StorageBanner(None) in effects and s.storage_problem is None and not s.unsaved


def test_a_moment_that_storage_cannot_hold_stays_in_memory_and_downloads(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s = opened(storage)
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items())
    s, effects = run(s, ks.Edited(TakeMoment("m1", "2026-12-02T10:00:00+00:00", "Start")), ks.SaveDue(), storage=storage)
    assert ks.StorageBanner("msg.storage_full") in effects
    assert [m.label for m in s.map.moments] == ["Start"] and s.unsaved
    _, effects = run(s, ks.ExportWanted("json", "2026-12-02", "2026-12-02T10:01:00+00:00"), storage=storage)
    download = next(e for e in effects if isinstance(e, ks.Download))
    assert [m.label for m in loads(download.text).moments] == ["Start"]
    assert loads(storage.get(MAP_PREFIX + s.map_id) or "").moments == ()  # storage still holds it without


def test_typing_in_one_field_is_one_undo_step_and_focus_starts_a_new_one(storage: DictStorage) -> None:
    s = opened(storage)
    s, _ = run(s, ks.Edited(SetChange("H"), "change"), ks.Edited(SetChange("Hy"), "change"), storage=storage)
    s, _ = run(s, ks.FieldFocused(), ks.Edited(SetChange("Hyb"), "change"), storage=storage)
    assert len(s.history.past) == 2
    s, effects = run(s, ks.Undo(), storage=storage)
    assert s.map.change == "Hy"
    assert ks.ResetForms() in effects and ks.ScheduleSave() in effects and texts(effects) == ["Ongedaan gemaakt."]
    s, _ = run(s, ks.Redo(), storage=storage)
    assert s.map.change == "Hyb"
    s, effects = run(s, ks.Redo(), storage=storage)
    assert effects == []  # nothing to redo: nothing happens


# -- steps and views -----------------------------------------------------------------------------
def test_steps_stay_between_one_and_six(storage: DictStorage) -> None:
    s = opened(storage)
    assert s.step == 1  # an empty map starts at the question
    s, effects = run(s, ks.StepChosen(9), storage=storage)
    assert s.step == 6 and effects == [ks.ShowStep(focus=True)]
    s, _ = run(s, ks.StepChosen(0), storage=storage)
    assert s.step == 1


def test_a_map_with_a_wish_shows_now_and_the_wish_from_the_reflection_on(storage: DictStorage) -> None:
    wished = replace(person("w", "Gewenst"), wished=True)
    _, map_id = create_map(storage, NOW(), replace(sample_map(), contacts=sample_map().contacts + (wished,)))
    s = opened(storage)
    assert s.step == 2 and s.view is View.CURRENT
    s, _ = run(s, ks.StepChosen(4), storage=storage)
    assert s.view is View.CURRENT
    s, effects = run(s, ks.StepChosen(5), storage=storage)
    assert s.view is View.BOTH and ks.DrawMap() in effects
    s, _ = run(s, ks.ViewChosen(View.DESIRED), storage=storage)
    assert s.view is View.DESIRED and ks.export_view(s) is View.DESIRED and ks.print_view(s) is View.BOTH


def test_a_map_without_a_wish_exports_and_prints_how_things_are_now(storage: DictStorage) -> None:
    s, _ = run(opened(storage), ks.ViewChosen(View.DESIRED), storage=storage)
    assert ks.export_view(s) is View.CURRENT and ks.print_view(s) is View.CURRENT


def test_adding_a_wished_person_shows_the_wish(storage: DictStorage) -> None:
    s = opened(storage)
    s, _ = run(s, ks.Edited(AddContact(replace(person("w"), wished=True))), storage=storage)
    assert s.view is View.BOTH


@pytest.mark.parametrize(("before", "after"), [(1, 3), (2, 2), (5, 5), (6, 5)])
def test_choosing_a_person_goes_to_a_step_that_shows_the_form(storage: DictStorage, before: int, after: int) -> None:
    create_map(storage, NOW(), sample_map())
    s, _ = run(opened(storage), ks.StepChosen(before), storage=storage)
    s, effects = run(s, ks.PersonChosen("a"), storage=storage)
    assert s.step == after and s.editing == "a" and effects[-1] == ks.OpenForm("a")
    assert (ks.ShowStep() in effects) is (before != after)


# -- what a drag means ---------------------------------------------------------------------------
def test_a_drag_moves_the_person_now_in_the_current_view(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s, effects = run(opened(storage), ks.Dropped("a", Ring.WEEKLY, Ring.LESS_OFTEN), storage=storage)
    a = s.map.contact("a")
    assert a is not None and a.ring is Ring.LESS_OFTEN and a.desired_ring is None
    assert len(texts(effects)) == 1 and "Anna de Vries" in texts(effects)[0] and "minder dan maandelijks" in texts(effects)[0]


def test_a_drag_in_the_desired_view_changes_the_wish_not_now(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s, _ = run(opened(storage), ks.ViewChosen(View.DESIRED), ks.Dropped("a", Ring.WEEKLY, Ring.MONTHLY), storage=storage)
    a = s.map.contact("a")
    assert a is not None and a.ring is Ring.WEEKLY and a.desired_ring is Ring.MONTHLY


def test_a_wished_person_dragged_in_the_desired_view_moves_itself(storage: DictStorage) -> None:
    wished = replace(person("w", ring=Ring.MONTHLY), wished=True)
    create_map(storage, NOW(), NetworkMap(contacts=(wished,)))
    s, _ = run(opened(storage), ks.ViewChosen(View.DESIRED), ks.Dropped("w", Ring.MONTHLY, Ring.WEEKLY), storage=storage)
    w = s.map.contact("w")
    assert w is not None and w.ring is Ring.WEEKLY


def test_a_drop_on_its_own_ring_goes_back_to_its_spot(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s = opened(storage)
    after, effects = run(s, ks.Dropped("a", Ring.WEEKLY, Ring.WEEKLY), storage=storage)
    assert effects == [ks.DrawMap()] and after.history is s.history


# -- moving a person by keyboard ------------------------------------------------------------------
def test_a_key_on_a_note_moves_the_person_one_ring_out_and_in_and_undo_takes_it_back(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())  # Anna is weekly
    s, effects = run(opened(storage), ks.Nudged("a", inwards=False), storage=storage)
    assert s.map.contact("a").ring is Ring.MONTHLY  # type: ignore[union-attr]
    assert texts(effects) == [t("nl", "msg.moved", name="Anna de Vries", ring="minstens maandelijks")]
    assert ks.Redraw() in effects and ks.ScheduleSave() in effects
    s, _ = run(s, ks.Nudged("a", inwards=False), storage=storage)
    assert s.map.contact("a").ring is Ring.LESS_OFTEN  # type: ignore[union-attr]
    s, _ = run(s, ks.Nudged("a", inwards=True), ks.Undo(), ks.Undo(), storage=storage)
    assert s.map.contact("a").ring is Ring.MONTHLY  # type: ignore[union-attr]


def test_a_key_at_the_inner_or_outer_ring_says_so_and_changes_nothing(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s = opened(storage)
    after, effects = run(s, ks.Nudged("a", inwards=True), storage=storage)
    assert after == s and texts(effects) == [t("nl", "msg.nudge.innermost", name="Anna de Vries", ring="wekelijks")]
    far = replace(s, history=History(present=replace(s.map, contacts=(replace(s.map.contacts[0], ring=Ring.LESS_OFTEN),))))
    after, effects = run(far, ks.Nudged("a", inwards=False), storage=storage)
    assert after == far and "buitenste" in texts(effects)[0]


def test_a_key_in_the_desired_view_moves_the_wish(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s, _ = run(opened(storage), ks.ViewChosen(View.DESIRED), ks.Nudged("a", inwards=False), storage=storage)
    s, _ = run(s, ks.Nudged("a", inwards=False), storage=storage)
    a = s.map.contact("a")
    assert a is not None and a.ring is Ring.WEEKLY and a.desired_ring is Ring.LESS_OFTEN


# -- other tabs ----------------------------------------------------------------------------------
def two_tabs(storage: DictStorage, m: NetworkMap) -> tuple[ks.Session, ks.Session]:
    create_map(storage, NOW(), m)
    return opened(storage), opened(storage)


def test_two_tabs_editing_the_same_person_keep_both_edits(storage: DictStorage) -> None:
    here, there = two_tabs(storage, sample_map())
    a = sample_map().contacts[0]
    there, _ = run(there, ks.Edited(UpdateContact(replace(a, name="Anna V."))), ks.SaveDue(), storage=storage)
    here, _ = run(here, ks.Edited(UpdateContact(replace(a, ring=Ring.MONTHLY))), storage=storage)
    here, effects = deliver(here, storage)
    merged = here.map.contact("a")
    assert merged is not None and merged.name == "Anna V." and merged.ring is Ring.MONTHLY
    assert ks.ScheduleSave() in effects and texts(effects, error=False)
    here, _ = run(here, ks.SaveDue(), storage=storage)
    saved = loads(storage.get(MAP_PREFIX + here.map_id) or "").contact("a")
    assert saved == merged


def test_undo_after_a_merge_never_takes_back_the_other_tabs_edit(storage: DictStorage) -> None:
    here, there = two_tabs(storage, sample_map())
    here, _ = run(here, ks.Edited(SetChange("Hier")), storage=storage)
    there, _ = run(there, ks.Edited(RemoveContact("c")), ks.SaveDue(), storage=storage)
    here, _ = deliver(here, storage)
    assert here.map.change == "Hier" and here.map.contact("c") is None
    here, _ = run(here, ks.Undo(), storage=storage)
    assert here.map.change == sample_map().change and here.map.contact("c") is None


def test_history_rebase_changes_every_state_and_takes_a_present_merged_once() -> None:
    base = sample_map()
    h = History(present=base).do(SetChange("een")).do(SetChange("twee")).undo()
    theirs = replace(base, contacts=base.contacts[:2])
    rebased = h.rebase(lambda state: merge(base, state, theirs))
    assert [len(m.contacts) for m in (*rebased.past, rebased.present, *rebased.future)] == [2, 2, 2]
    assert [m.change for m in (*rebased.past, rebased.present, *rebased.future)] == [base.change, "een", "twee"]
    given = replace(theirs, change="al samengevoegd")
    calls: list[NetworkMap] = []
    kept = h.rebase(lambda state: calls.append(state) or state, present=given)
    assert kept.present is given and h.present not in calls  # the present is not merged a second time


def test_a_merge_that_leaves_people_out_says_so_once(storage: DictStorage) -> None:
    base = NetworkMap(contacts=tuple(person(f"x{i}") for i in range(600)))
    here, there = two_tabs(storage, NetworkMap())
    there, _ = run(there, ks.Edited(SetChange("daar")), storage=storage)
    for i in range(0, 600, 200):
        chunk = NetworkMap(contacts=base.contacts[i : i + 200])
        here, _ = run(here, *(ks.Edited(AddContact(c)) for c in chunk.contacts), storage=storage)
    many = NetworkMap(contacts=tuple(person(f"y{i}") for i in range(600)))
    there, _ = run(there, ks.Edited(ReplaceMap(many)), ks.SaveDue(), storage=storage)
    here, effects = deliver(here, storage)
    errors = texts(effects, error=True)
    assert len(errors) == 1 and "200" in errors[0]
    assert len(here.map.contacts) == 1000


def test_a_map_deleted_in_another_tab_is_not_written_again(storage: DictStorage) -> None:
    here, _ = two_tabs(storage, sample_map())
    storage.remove(MAP_PREFIX + here.map_id)
    here, effects = deliver(here, storage)
    assert not here.can_save and texts(effects, error=True)
    here, effects = run(here, ks.Edited(SetChange("toch")), ks.SaveDue(), storage=storage)
    assert storage.get(MAP_PREFIX + here.map_id) is None


def test_a_damaged_write_by_another_tab_is_ignored_and_ours_saves_over_it(storage: DictStorage) -> None:
    here, _ = two_tabs(storage, sample_map())
    storage.set(MAP_PREFIX + here.map_id, '{"type": "kenniskring", "version": 2, "map": [')
    here, effects = deliver(here, storage)
    assert here.map == sample_map() and here.can_save and ks.Redraw() not in effects
    here, _ = run(here, ks.Edited(SetChange("verder")), ks.SaveDue(), storage=storage)
    assert loads(storage.get(MAP_PREFIX + here.map_id) or "").change == "verder"


def test_a_newer_version_in_another_tab_is_never_written_over(storage: DictStorage) -> None:
    here, _ = two_tabs(storage, sample_map())
    newer = newer_text(replace(sample_map(), change="nieuw"))
    storage.set(MAP_PREFIX + here.map_id, newer)
    here, effects = deliver(here, storage)
    assert ks.NewerBanner() in effects and here.newer and not here.can_save
    here, effects = run(here, ks.Edited(SetChange("oud")), ks.SaveDue(), ks.StepChosen(3), storage=storage)
    assert storage.get(MAP_PREFIX + here.map_id) == newer  # byte for byte
    assert here.map.change == "oud"  # still on screen, to download


def test_a_save_meets_a_newer_version_that_no_event_announced(storage: DictStorage) -> None:
    here, _ = two_tabs(storage, sample_map())
    newer = newer_text(sample_map())
    storage.set(MAP_PREFIX + here.map_id, newer)  # e.g. written while this tab was asleep
    here, effects = run(here, ks.Edited(SetChange("oud")), ks.SaveDue(), storage=storage)
    assert ks.NewerBanner() in effects and storage.get(MAP_PREFIX + here.map_id) == newer


def test_a_newer_map_in_storage_is_left_where_it_is_at_start(storage: DictStorage) -> None:
    _, old_id = create_map(storage, "2026-01-01T00:00:00+00:00", sample_map())
    _, new_id = create_map(storage, "2026-06-01T00:00:00+00:00", sample_map())
    newer = newer_text(sample_map())
    storage.set(MAP_PREFIX + new_id, newer)
    s = opened(storage)
    assert s.newer and s.map_id == old_id
    assert storage.get(MAP_PREFIX + new_id) == newer
    assert not [k for k in storage.keys() if "unreadable" in k]
    assert read_index(storage).entry(new_id) is not None  # still listed
    s, effects = run(s, ks.MapChosen(new_id), storage=storage)
    assert s.map_id == old_id and ks.NewerBanner() in effects
    assert storage.get(MAP_PREFIX + new_id) == newer and not [k for k in storage.keys() if "unreadable" in k]
    _, m, kept = load_map(storage, new_id, NOW())
    assert m is None and kept is not None and kept.key == MAP_PREFIX + new_id and kept.problem.code == "too_new"


# -- several maps --------------------------------------------------------------------------------
def test_choosing_another_map_saves_this_one_first(storage: DictStorage) -> None:
    _, other = create_map(storage, NOW(), sample_map())
    s = opened(storage)
    first = s.map_id
    s, _ = run(s, ks.MapChosen(other), storage=storage)  # the most recent is open; go to the other
    s, _ = run(s, ks.Edited(SetChange("onbewaard")), ks.MapChosen(first), storage=storage)
    assert loads(storage.get(MAP_PREFIX + other) or "").change == "onbewaard"
    assert s.map_id == first and s.step == 2


def test_after_a_delete_the_most_recently_changed_map_opens(storage: DictStorage) -> None:
    from kenniskring.library import delete_map

    _, old = create_map(storage, "2026-01-01T00:00:00+00:00", replace(sample_map(), change="oud"))
    _, recent = create_map(storage, "2026-06-01T00:00:00+00:00", replace(sample_map(), change="recent"))
    _, third = create_map(storage, "2026-09-01T00:00:00+00:00", replace(sample_map(), change="open"))
    s = opened(storage)
    assert s.map_id == third
    s, _ = run(s, ks.MapDeleted(third, delete_map(storage, third)), storage=storage)
    assert s.map_id == recent and s.map.change == "recent" and s.can_save
    assert old in {e.id for e in s.index.entries}


def test_after_deleting_the_last_map_a_new_empty_one_opens(storage: DictStorage) -> None:
    from kenniskring.library import delete_map

    s = opened(storage)
    gone = s.map_id
    s, effects = run(s, ks.MapDeleted(gone, delete_map(storage, gone)), storage=storage)
    assert s.map_id != gone and s.map == NetworkMap() and [e.id for e in s.index.entries] == [s.map_id]
    assert storage.get(MAP_PREFIX + gone) is None


def test_a_file_opens_as_a_map_of_its_own_and_never_over_the_open_map(storage: DictStorage) -> None:
    s = opened(storage)
    s, _ = run(s, ks.Edited(SetChange("Mijn eigen kaart")), ks.SaveDue(), storage=storage)
    mine = s.map_id
    s, effects = run(s, ks.FileOpened("anna.json", dumps(sample_map())), storage=storage)
    assert s.map == sample_map() and s.map_id != mine and s.step == 2  # where people can be edited
    assert texts(effects, error=False)[-1].startswith("Bestand ‘anna.json’ geopend als nieuwe kaart in Mijn kaarten: 3 mensen.")
    s, _ = run(s, ks.FileOpened("bram.json", dumps(replace(sample_map(), change="Bram"))), storage=storage)
    titles = sorted(e.title for e in read_index(storage).entries)
    assert titles == ["Bram", "Flexibel en hybride leren", "Mijn eigen kaart"]
    assert loads(storage.get(MAP_PREFIX + mine) or "").change == "Mijn eigen kaart"  # untouched


def test_a_file_keeps_its_map_id_so_opening_it_again_is_noticed(storage: DictStorage) -> None:
    s = opened(storage)
    s, _ = run(s, ks.FileOpened("kaart.json", dumps(sample_map(), map_id="m-from-school")), storage=storage)
    assert s.map_id == "m-from-school"
    s, effects = run(s, ks.FileOpened("kaart.json", dumps(sample_map(), map_id="m-from-school")), storage=storage)
    assert effects == [ks.AskHowToOpen("Flexibel en hybride leren")] and s.waiting is not None
    assert len(read_index(storage).entries) == 2  # nothing made or changed while asking


def asked(storage: DictStorage, new_version: NetworkMap) -> ks.Session:
    """A map that is here, and a file of it (a newer version) waiting for the user's choice."""
    s = opened(storage)
    s, _ = run(s, ks.FileOpened("kaart.json", dumps(sample_map(), map_id="m1")), ks.NewMapWanted(), storage=storage)
    s, _ = run(s, ks.FileOpened("kaart.json", dumps(new_version, map_id="m1")), storage=storage)
    assert s.waiting is not None
    return s


def test_open_as_a_copy_makes_a_map_next_to_it(storage: DictStorage) -> None:
    later = replace(sample_map(), contacts=sample_map().contacts[:1])
    s, effects = run(asked(storage, later), ks.FileChoice(ks.OpenChoice.COPY), storage=storage)
    assert s.map_id != "m1" and s.map.contacts == later.contacts and s.map.change == "Flexibel en hybride leren (kopie)"
    assert loads(storage.get(MAP_PREFIX + "m1") or "") == sample_map()
    assert s.waiting is None and texts(effects, error=False)


def test_replace_is_undoable_and_keeps_the_old_version_in_the_trash(storage: DictStorage) -> None:
    from kenniskring.library import TRASH_PREFIX

    later = replace(sample_map(), contacts=sample_map().contacts[:1])
    s, _ = run(asked(storage, later), ks.FileChoice(ks.OpenChoice.REPLACE), ks.SaveDue(), storage=storage)
    assert s.map_id == "m1" and s.map == later and loads(storage.get(MAP_PREFIX + "m1") or "") == later
    assert loads(storage.get(TRASH_PREFIX + "m1") or "") == sample_map()
    s, _ = run(s, ks.Undo(), ks.SaveDue(), storage=storage)
    assert s.map == sample_map() and loads(storage.get(MAP_PREFIX + "m1") or "") == sample_map()


def test_not_opening_changes_nothing(storage: DictStorage) -> None:
    s = asked(storage, NetworkMap(change="anders"))
    before = dict(storage.items)
    s, effects = run(s, ks.FileChoice(ks.OpenChoice.CANCEL), storage=storage)
    assert s.waiting is None and effects == [] and storage.items == before


def test_a_copys_title_stays_within_what_a_file_holds() -> None:
    from kenniskring.model import MAX_CHANGE

    title = ks.copy_title("x" * MAX_CHANGE, "nl")
    assert len(title) == MAX_CHANGE and title.endswith(" (kopie)")
    assert ks.copy_title("", "en") == "Untitled map (copy)"


def test_a_file_that_does_not_open_changes_nothing(storage: DictStorage) -> None:
    s = opened(storage)
    after, effects = run(s, ks.FileOpened("kapot.json", "{"), storage=storage)
    assert after == s and "kapot.json" in texts(effects, error=True)[0]


def test_a_write_to_another_key_only_brings_the_list_up_to_date(storage: DictStorage) -> None:
    s = opened(storage)
    _, other = create_map(storage, NOW(), sample_map())
    s, effects = run(
        s, ks.StorageChanged(MAP_PREFIX + other, storage.get(MAP_PREFIX + other), read_index(storage)), storage=storage
    )
    assert effects == [ks.ListMaps()] and s.map == NetworkMap() and other in {e.id for e in s.index.entries}


def test_a_new_map_that_storage_refuses_says_so_and_keeps_the_open_one(storage: DictStorage) -> None:
    s, _ = run(opened(storage), ks.Edited(SetChange("open")), ks.SaveDue(), storage=storage)
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items())
    after, effects = run(s, ks.NewMapWanted(), storage=storage)
    assert after.map_id == s.map_id and after.map.change == "open"
    assert texts(effects, error=True) == [t("nl", "msg.storage_full")]


def test_a_map_that_cannot_be_read_is_set_aside_when_chosen(storage: DictStorage) -> None:
    s = opened(storage)
    _, broken = create_map(storage, NOW(), sample_map())
    storage.set(MAP_PREFIX + broken, '{"type": "kenniskring", "version": 2, "map": {}}')
    s, effects = run(s, ks.MapChosen(broken), storage=storage)
    assert s.map_id != broken and texts(effects, error=True)
    assert [k for k in storage.keys() if "unreadable" in k]  # kept, byte for byte, under a key of its own


def test_the_example_opens_with_its_wish_in_view(storage: DictStorage) -> None:
    wished = replace(person("w"), wished=True)
    example = NetworkMap(contacts=(wished,))
    index, map_id = create_map(storage, NOW(), example)
    s, effects = run(opened(storage), ks.MapShown(map_id, index, example, show_wish=True), storage=storage)
    assert s.view is View.BOTH and s.map_id == map_id and ks.Redraw() in effects


def test_the_map_downloads_as_data_that_opens_again(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s = opened(storage)
    _, effects = run(s, ks.ExportWanted("json", "2026-12-02", "2026-12-02T10:00:00+00:00"), storage=storage)
    download = effects[0]
    assert isinstance(download, ks.Download) and download.mime == "application/json"
    assert download.filename.endswith("2026-12-02.json") and loads(download.text) == sample_map()
    assert texts(effects) == [t("nl", "msg.exported", file=download.filename)]


def test_the_picture_downloads_in_the_view_on_screen_when_the_map_has_a_wish(storage: DictStorage) -> None:
    from kenniskring.svgfile import read_map_file

    wished = replace(person("w", "Gewenste Willem"), wished=True)
    m = replace(sample_map(), contacts=sample_map().contacts + (wished,))
    create_map(storage, NOW(), m)
    s, _ = run(opened(storage), ks.ViewChosen(View.CURRENT), storage=storage)
    _, now_only = run(s, ks.ExportWanted("svg", "2026-12-02", "2026-12-02T10:00:00+00:00"), storage=storage)
    s, _ = run(s, ks.ViewChosen(View.BOTH), storage=storage)
    _, both = run(s, ks.ExportWanted("svg", "2026-12-02", "2026-12-02T10:00:00+00:00"), storage=storage)
    first, second = now_only[0], both[0]
    assert isinstance(first, ks.Download) and isinstance(second, ks.Download)
    assert read_map_file(first.text) == m and read_map_file(second.text) == m  # the data inside, whatever is drawn
    assert 'class="kk-map" data-view="current"' in first.text and 'class="kk-map" data-view="both"' in second.text
    _, png = run(s, ks.ExportWanted("png", "2026-12-02", "2026-12-02T10:00:00+00:00"), storage=storage)
    picture = png[0]
    assert isinstance(picture, ks.DownloadPicture) and picture.filename.endswith(".png") and picture.width > 0


def test_making_a_team_map_is_undone_like_an_edit_and_the_map_that_was_open_comes_back(storage: DictStorage) -> None:
    from kenniskring.library import undelete_map

    _, first = create_map(storage, "2026-01-01T00:00:00+00:00", replace(sample_map(), change="Kaart van Anna"))
    _, second = create_map(storage, "2026-06-01T00:00:00+00:00", replace(sample_map(), change="Kaart van Bram"))
    s = opened(storage)
    s, _ = run(s, ks.MapChosen(first), storage=storage)  # Anna's map is open, not the latest
    members = {k: v for k, v in storage.items.items() if k in (MAP_PREFIX + first, MAP_PREFIX + second)}
    team = replace(sample_map(), change="Teamkaart")
    index, team_id = create_map(storage, NOW(), team)
    s, _ = run(s, ks.MapShown(team_id, index, team, made_from=first), storage=storage)
    assert s.map_id == team_id and s.can_undo and not s.history.can_undo
    s, _ = run(s, ks.Edited(SetChange("Ons team")), storage=storage)
    s, effects = run(s, ks.Undo(), storage=storage)  # first the edit on the team map
    assert s.map_id == team_id and s.map.change == "Teamkaart" and s.can_undo
    s, effects = run(s, ks.Undo(), storage=storage)  # then its making
    assert s.map_id == first and s.map.change == "Kaart van Anna"  # the map that was open, not the latest
    assert team_id not in {e.id for e in s.index.entries} and not s.can_undo
    assert texts(effects, error=False) == [
        "Teamkaart ‘Teamkaart’ weggehaald; de kaart die open was, is weer open. De kaarten van de teamleden zijn niet veranderd."
    ]
    assert {k: storage.get(k) for k in members} == members  # the members' maps are untouched
    s, effects = run(s, ks.Undo(), storage=storage)
    assert s.map_id == first and effects == []  # nothing more to undo
    assert team_id in {e.id for e in undelete_map(storage, team_id, NOW()).entries}  # in the trash, as a delete


def test_a_map_that_was_not_made_here_has_no_making_to_undo(storage: DictStorage) -> None:
    s = opened(storage)
    index, other = create_map(storage, NOW(), sample_map())
    s, _ = run(s, ks.MapShown(other, index, sample_map()), storage=storage)
    assert not s.can_undo
    s, effects = run(s, ks.Undo(), storage=storage)
    assert s.map_id == other and effects == []


# -- where the user was ----------------------------------------------------------------------------
def test_a_reload_comes_back_to_the_step_the_user_was_on_for_that_map(storage: DictStorage) -> None:
    create_map(storage, NOW(), sample_map())
    s, effects = run(opened(storage), ks.StepChosen(5), storage=storage)
    assert ks.ShowStep(focus=True) in effects
    kept = ks.step_memory(s)
    o = open_library(storage, NOW())
    assert ks.start("nl", o.map_id, o.index, o.map, remembered=kept).step == 5
    # another map, nothing kept, or text that is not ours: the map's own first step
    assert ks.start("nl", "other", o.index, o.map, remembered=kept).step == 2
    for junk in (None, "", f"{o.map_id} 9", f"{o.map_id} x", f"{o.map_id}", "5"):
        assert ks.start("nl", o.map_id, o.index, o.map, remembered=junk).step == 2, junk


# -- printing -------------------------------------------------------------------------------------
def test_printing_asks_about_a3_once_and_ctrl_p_prints_on_the_paper_chosen_last(storage: DictStorage) -> None:
    from kenniskring.paper import Paper

    from .factories import poster_map

    create_map(storage, NOW(), poster_map(30))
    s = opened(storage)

    def printed(effects: list[ks.Effect]) -> tuple[str, bool] | None:
        posters = [e for e in effects if isinstance(e, ks.FillPoster)]
        assert len(posters) <= 1
        return (posters[0].html.split('data-paper="')[1].split('"')[0], posters[0].show_dialog) if posters else None

    assert s.paper is Paper.A4
    s, effects = run(s, ks.PrintWanted("2026-12-02", Paper.A4), storage=storage)  # the menu's A4
    assert printed(effects) is None and len([e for e in effects if isinstance(e, ks.AskPaper)]) == 1
    asked = next(e for e in effects if isinstance(e, ks.AskPaper))
    assert "Op A4 passen" in asked.text and s.paper is Paper.A4

    s, effects = run(s, ks.PrintWanted("2026-12-02", Paper.A3, sure=True), storage=storage)  # "A3" in the question
    assert printed(effects) == ("a3", True) and s.paper is Paper.A3
    s, effects = run(s, ks.PrintWanted("2026-12-02"), storage=storage)  # Ctrl+P: the paper chosen last, no dialog
    assert printed(effects) == ("a3", False)

    s, effects = run(s, ks.PrintWanted("2026-12-02", Paper.A4, sure=True), storage=storage)  # "A4 all the same"
    assert printed(effects) == ("a4", True) and not [e for e in effects if isinstance(e, ks.AskPaper)]
    s, effects = run(s, ks.PrintWanted("2026-12-02"), storage=storage)
    assert printed(effects) == ("a4", False)
