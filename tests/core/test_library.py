import json

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

from .factories import full_map, sample_map

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
        ('{"type": "kenniskring-backup", "version": 9, "maps": []}', "bad_version"),
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
