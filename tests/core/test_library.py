import json
from typing import Any

import pytest
from kenniskring.fileformat import FileError, dumps, loads
from kenniskring.library import (
    ASIDE_PREFIX,
    INDEX_KEY,
    LEGACY_KEY,
    MAP_PREFIX,
    TRASH_PREFIX,
    backup_text,
    create_map,
    delete_map,
    load_map,
    open_library,
    read_index,
    restore_backup,
    save_map,
    set_aside_keys,
    undelete_map,
)
from kenniskring.model import NetworkMap
from kenniskring.persistence import DictStorage, StorageFull
from kenniskring.values import replace

from .factories import full_map, person, sample_map

NOW = "2026-11-24T10:00:00+00:00"
LATER = "2026-11-25T09:00:00+00:00"


def test_a_fresh_browser_gets_one_empty_map() -> None:
    storage = DictStorage()
    opened = open_library(storage, NOW)
    assert opened.map == NetworkMap() and opened.set_aside == ()
    assert [e.id for e in opened.index.entries] == [opened.map_id]
    assert read_index(storage).current == opened.map_id


def test_maps_save_on_their_own_and_reopen() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, sample_map(), NOW)
    index, second = create_map(storage, LATER, full_map())
    assert [e.title for e in index.entries] == ["Flexibel en hybride leren", "Flexibel en hybride leren"]
    assert index.current == second
    reopened = open_library(storage, LATER)
    assert reopened.map_id == second and reopened.map == full_map()
    index, m, problem = load_map(storage, first.map_id, LATER)
    assert m == sample_map() and problem is None and index.current == first.map_id


def test_one_damaged_map_never_takes_the_others_with_it() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, sample_map(), NOW)
    _, broken = create_map(storage, LATER, full_map())
    storage.items[MAP_PREFIX + broken] = '{"type": "kenniskring", "version": 2, "map": {'  # damaged, and current
    opened = open_library(storage, LATER)
    assert opened.map_id == first.map_id and opened.map == sample_map()
    assert len(opened.set_aside) == 1 and opened.set_aside[0].problem.code == "not_json"
    aside = opened.set_aside[0].key
    assert aside.startswith(ASIDE_PREFIX + broken)
    assert storage.items[aside].endswith('"map": {')  # untouched, downloadable
    assert set_aside_keys(storage) == [aside]
    assert [e.id for e in opened.index.entries] == [first.map_id]


def test_a_damaged_index_is_rebuilt_from_the_maps() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, full_map(), NOW)
    storage.items[INDEX_KEY] = "{not json"
    opened = open_library(storage, LATER)
    assert opened.map == full_map()
    assert [e.title for e in opened.index.entries] == ["Flexibel en hybride leren"]
    json.loads(storage.items[INDEX_KEY])


def test_a_map_missing_from_the_index_is_found_again() -> None:
    storage = DictStorage()
    open_library(storage, NOW)
    storage.items[MAP_PREFIX + "mlost"] = dumps(sample_map())
    assert "mlost" in [e.id for e in read_index(storage).entries]


def test_the_single_map_of_version_0_1_is_migrated() -> None:
    storage = DictStorage({LEGACY_KEY: dumps(sample_map())})
    opened = open_library(storage, NOW)
    assert opened.map == sample_map()
    assert LEGACY_KEY not in storage.items


def test_delete_and_undelete() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, sample_map(), NOW)
    index = delete_map(storage, first.map_id)
    assert index.entries == () and index.current is None
    assert TRASH_PREFIX + first.map_id in storage.items
    index = undelete_map(storage, first.map_id, LATER)
    assert [e.id for e in index.entries] == [first.map_id]
    assert loads(storage.items[MAP_PREFIX + first.map_id]) == sample_map()


def test_a_full_storage_raises_and_keeps_the_saved_copy() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, NetworkMap(change="klein"), NOW)
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items()) + 10
    with pytest.raises(StorageFull):
        save_map(storage, first.map_id, full_map(), LATER)
    assert loads(storage.items[MAP_PREFIX + first.map_id]).change == "klein"


def test_when_there_is_no_room_to_set_aside_the_damaged_map_stays_put() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    storage.items[MAP_PREFIX + first.map_id] = "x" * 50
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items()) + 5
    with pytest.raises(StorageFull):
        open_library(storage, LATER)
    assert storage.items[MAP_PREFIX + first.map_id] == "x" * 50


def test_backup_and_restore_add_maps_and_replace_nothing() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, sample_map(), NOW)
    create_map(storage, NOW, full_map())
    backup = backup_text(storage, LATER)
    other = DictStorage()
    mine = open_library(other, NOW)
    save_map(other, mine.map_id, NetworkMap(change="Mijn eigen kaart"), NOW)
    restored = restore_backup(other, backup, LATER)
    assert len(restored.added) == 2 and restored.problems == ()
    titles = sorted(e.title for e in restored.index.entries)
    assert titles == ["Flexibel en hybride leren", "Flexibel en hybride leren", "Mijn eigen kaart"]


def test_restore_reports_bad_maps_and_keeps_the_good_ones() -> None:
    storage = DictStorage()
    open_library(storage, NOW)
    doc = json.loads(backup_text(storage, NOW))
    doc["maps"] = [json.loads(dumps(sample_map())), {"type": "kenniskring", "version": 2}, json.loads(dumps(full_map()))]
    restored = restore_backup(storage, json.dumps(doc), LATER)
    assert len(restored.added) == 2
    assert [(n, p.code) for n, p in restored.problems] == [(2, "missing_field")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nope", "not_json"),
        (dumps(sample_map()), "not_a_backup"),
        ('{"type": "kenniskring-backup", "version": 9, "maps": []}', "too_new"),
        ('{"type": "kenniskring-backup", "version": 0, "maps": []}', "bad_version"),
        ('{"type": "kenniskring-backup", "version": 1, "maps": {}}', "wrong_type"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(text: str, code: str) -> None:
    with pytest.raises(FileError) as caught:
        restore_backup(DictStorage(), text, NOW)
    assert caught.value.code == code


def test_readable_maps_reads_every_map_and_changes_nothing() -> None:
    from kenniskring.library import MAP_PREFIX, create_map, readable_maps

    storage = DictStorage()
    index, first = create_map(storage, "2026-12-01T10:00:00+00:00", NetworkMap(change="Eerste"))
    index, second = create_map(storage, "2026-12-01T11:00:00+00:00", NetworkMap(change="Tweede"))
    storage.set(MAP_PREFIX + first, "{kapot")
    before = dict(storage.items)
    readable, unreadable = readable_maps(storage)
    assert [(entry.id, m.change) for entry, m in readable] == [(second, "Tweede")]
    assert [entry.id for entry in unreadable] == [first]
    assert storage.items == before  # nothing set aside, no other map made current


# -- issue 13: damaged storage never stops the page and never loses text -------------------------
@pytest.mark.parametrize("damage", ["[" * 5000, '{"a":' * 5000, "[" + "9" * 5000 + "]", "\ud800", '{"type": 1}'])
def test_a_damaged_index_is_set_aside_once_and_the_page_starts(damage: str) -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, sample_map(), NOW)
    storage.items[INDEX_KEY] = damage
    opened = open_library(storage, LATER)
    assert opened.map == sample_map()
    asides = set_aside_keys(storage)
    assert len(asides) == 1 and storage.items[asides[0]] == damage  # byte for byte, downloadable
    assert [a.key for a in opened.set_aside] == asides
    open_library(storage, LATER)
    assert set_aside_keys(storage) == asides  # once


@pytest.mark.parametrize("damage", ["[" * 5000, '{"a":' * 5000, "[" + "9" * 5000 + "]", '{"map": {"change": null}}'])
def test_a_deeply_damaged_map_outside_the_index_is_set_aside_and_kept(damage: str) -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    save_map(storage, first.map_id, sample_map(), NOW)
    storage.items[MAP_PREFIX + "mbroken"] = damage
    assert "mbroken" in [e.id for e in read_index(storage).entries]
    opened = open_library(storage, LATER)
    assert opened.map == sample_map()
    _, m, aside = load_map(storage, "mbroken", LATER)
    assert m is None and aside is not None and storage.items[aside.key] == damage


def test_a_map_listed_twice_in_the_index_is_set_aside_once_with_its_text() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    storage.items[MAP_PREFIX + first.map_id] = "kapot"
    doc = json.loads(storage.items[INDEX_KEY])
    doc["maps"] = doc["maps"] * 2
    storage.items[INDEX_KEY] = json.dumps(doc)
    opened = open_library(storage, LATER)
    assert len(opened.set_aside) == 1
    assert [storage.items[k] for k in set_aside_keys(storage)] == ["kapot"]


def test_a_map_set_aside_twice_in_one_second_keeps_both_texts() -> None:
    storage = DictStorage()
    open_library(storage, NOW)
    storage.items[MAP_PREFIX + "mx"] = "eerste"
    load_map(storage, "mx", NOW)
    storage.items[MAP_PREFIX + "mx"] = "tweede"
    load_map(storage, "mx", NOW)
    assert sorted(storage.items[k] for k in set_aside_keys(storage)) == ["eerste", "tweede"]


def test_opening_a_map_another_tab_just_deleted_sets_nothing_aside() -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    index, m, aside = load_map(storage, "mgone", LATER)
    assert m is None and aside is None and set_aside_keys(storage) == []
    assert [e.id for e in index.entries] == [first.map_id]


@pytest.mark.parametrize("title", [None, 5, ["x"]])
def test_a_title_that_is_not_text_never_shows_as_none(title: Any) -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    doc = json.loads(storage.items[INDEX_KEY])
    doc["maps"][0]["title"] = title
    storage.items[INDEX_KEY] = json.dumps(doc)
    assert "None" not in [e.title for e in read_index(storage).entries]
    assert [e.id for e in read_index(storage).entries] == [first.map_id]


@pytest.mark.parametrize(
    "text", ["[" * 5000, '{"type": "kenniskring-backup", "version": true, "maps": []}', "[" + "9" * 5000 + "]", "\ud800"]
)
def test_restore_of_damaged_text_is_a_file_error(text: str) -> None:
    with pytest.raises(FileError):
        restore_backup(DictStorage(), text, NOW)


def test_restore_of_a_map_nested_deep_inside_a_backup_reports_it() -> None:
    deep = "[" * 900 + "]" * 900
    text = '{"type": "kenniskring-backup", "version": 1, "maps": [' + deep + "," + dumps(sample_map()) + "]}"
    restored = restore_backup(DictStorage(), text, NOW)
    assert len(restored.added) == 1 and [n for n, _ in restored.problems] == [1]


def test_restore_reads_and_writes_the_index_once_whatever_the_number_of_maps() -> None:
    class Counting(DictStorage):
        reads = writes = 0

        def get(self, key: str) -> str | None:
            self.reads += key == INDEX_KEY
            return super().get(key)

        def set(self, key: str, value: str) -> None:
            self.writes += key == INDEX_KEY
            super().set(key, value)

    storage = Counting()
    open_library(storage, NOW)
    doc = {"type": "kenniskring-backup", "version": 1, "maps": [json.loads(dumps(sample_map()))] * 300}
    storage.reads = storage.writes = 0
    restored = restore_backup(storage, json.dumps(doc), LATER)
    assert (storage.reads, storage.writes) == (1, 1)
    assert len(restored.added) == 300 and len(read_index(storage).entries) == 301


def test_a_backup_that_fills_the_storage_keeps_what_was_written_listed() -> None:
    storage = DictStorage()
    open_library(storage, NOW)
    one = dumps(full_map())
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items()) + 3 * (len(one) + 40) + 2000
    doc = {"type": "kenniskring-backup", "version": 1, "maps": [json.loads(one)] * 10}
    restored = restore_backup(storage, json.dumps(doc), LATER)
    assert restored.problems and restored.problems[-1][1].code == "storage_full"
    assert {e.id for e in read_index(storage).entries} >= set(restored.added)


# -- issue 10: the index and the back-up are documents of the one envelope -----------------------
def test_an_index_written_by_a_newer_tab_keeps_its_unknown_fields_through_our_saves() -> None:
    storage = DictStorage()
    opened = open_library(storage, NOW)
    doc = json.loads(storage.items[INDEX_KEY])
    doc["sort"] = "title"
    doc["maps"][0]["pinned"] = True
    storage.items[INDEX_KEY] = json.dumps(doc)
    save_map(storage, opened.map_id, sample_map(), LATER)
    create_map(storage, LATER, full_map())
    again = json.loads(storage.items[INDEX_KEY])
    assert again["sort"] == "title"
    assert [e.get("pinned") for e in again["maps"]] == [True, None]
    assert [e["id"] for e in again["maps"]][0] == opened.map_id


def test_an_index_without_a_list_of_maps_is_rebuilt_from_the_maps_without_setting_it_aside() -> None:
    storage = DictStorage()
    opened = open_library(storage, NOW)
    storage.items[INDEX_KEY] = json.dumps({"type": "kenniskring-index", "version": 1, "current": opened.map_id})
    again = open_library(storage, LATER)
    assert again.map_id == opened.map_id and again.set_aside == ()


@pytest.mark.parametrize(
    "index",
    [
        {"type": "kenniskring-index", "version": 2, "current": None, "maps": []},  # a newer version
        {"type": "kenniskring", "version": 1, "current": None, "maps": []},
        {"type": "kenniskring-index", "version": 1, "current": None, "maps": [], "x": "\ud800"},
    ],
)
def test_an_index_this_version_cannot_take_is_set_aside_and_rebuilt(index: dict[str, Any]) -> None:
    storage = DictStorage()
    first = open_library(storage, NOW)
    storage.items[INDEX_KEY] = json.dumps(index)
    again = open_library(storage, LATER)
    assert again.map_id == first.map_id
    assert [a.problem.code for a in again.set_aside] == ["damaged_index"]


def test_a_backup_of_today_and_its_maps_unknown_fields_come_back() -> None:
    storage = DictStorage()
    open_library(storage, NOW)
    doc = json.loads(backup_text(storage, NOW))
    assert (doc["type"], doc["version"]) == ("kenniskring-backup", 1)
    one = json.loads(dumps(full_map()))
    one["map"]["contacts"][0]["email"] = "anna@school.nl"
    doc["maps"] = [one]
    doc["note"] = "made by hand"
    restored = restore_backup(DictStorage(), json.dumps(doc), LATER)
    assert [(n, w.code, w.where) for n, w in restored.warnings] == [
        (0, "unknown_field", ("note",)),
        (1, "unknown_field", ("map", "contacts", 0, "email")),
    ]
    target = DictStorage()
    restored = restore_backup(target, json.dumps(doc), LATER)
    written = json.loads(target.items[MAP_PREFIX + restored.added[0]])
    assert written["map"]["contacts"][0]["email"] == "anna@school.nl"


def test_a_backup_without_maps_adds_nothing_and_loses_nothing() -> None:
    storage = DictStorage()
    open_library(storage, NOW)
    before = dict(storage.items)
    restored = restore_backup(storage, '{"type": "kenniskring-backup", "version": 1}', LATER)
    assert restored.added == () and restored.problems == ()
    assert {k: v for k, v in storage.items.items() if k != INDEX_KEY} == {k: v for k, v in before.items() if k != INDEX_KEY}


def test_a_map_opened_again_as_it_came_is_found_and_an_edited_one_is_not() -> None:
    from kenniskring.library import same_map_here

    storage = DictStorage()
    example = sample_map()
    assert same_map_here(read_index(storage), example) is None
    _, first = create_map(storage, "2026-12-01T10:00:00+00:00", example)
    assert same_map_here(read_index(storage), example) == first
    grown = replace(example, contacts=(*example.contacts, person("new", "Nieuw")))
    assert same_map_here(read_index(storage), grown) is None  # the user's own map now, not the example
    assert same_map_here(read_index(storage), replace(example, change="Iets anders")) is None
