from kenniskring.fileformat import dumps, loads
from kenniskring.model import NetworkMap
from kenniskring.persistence import MAP_KEY, DictStorage, StorageFull, load, save

from .factories import sample_map


def test_nothing_saved_gives_an_empty_map() -> None:
    loaded = load(DictStorage(), "t1")
    assert loaded.map == NetworkMap() and loaded.problem is None and loaded.can_save


def test_save_then_load() -> None:
    storage = DictStorage()
    save(storage, sample_map())
    assert load(storage, "t1").map == sample_map()


def test_unreadable_saved_data_is_set_aside_not_overwritten() -> None:
    storage = DictStorage({MAP_KEY: '{"type": "kenniskring", "version": 1, "map": {"broken'})
    loaded = load(storage, "20261124T101500")
    assert loaded.map == NetworkMap()
    assert loaded.problem is not None and loaded.problem.code == "not_json"
    assert loaded.set_aside_key == "kenniskring:unreadable:20261124T101500"
    assert storage.items[loaded.set_aside_key].endswith('"broken')
    assert MAP_KEY not in storage.items
    assert loaded.can_save


def test_when_there_is_no_room_to_set_it_aside_saving_stays_off() -> None:
    raw = "x" * 100
    storage = DictStorage({MAP_KEY: raw}, quota=150)
    loaded = load(storage, "t1")
    assert not loaded.can_save
    assert storage.items[MAP_KEY] == raw  # untouched


def test_a_full_storage_raises_and_keeps_the_old_copy() -> None:
    storage = DictStorage(quota=len(MAP_KEY) + len(dumps(NetworkMap())) + 10)
    save(storage, NetworkMap())
    try:
        save(storage, sample_map())
    except StorageFull:
        pass
    else:
        raise AssertionError("expected StorageFull")
    assert loads(storage.items[MAP_KEY]) == NetworkMap()
