"""Several maps in one browser: each under a key of its own, plus an index that lists them.

Every function reads what it needs from storage, decides, writes, and returns the new index:
the index in memory is only what the page shows. Nothing here ever overwrites saved data it
could not read: that is moved aside first, under a key of its own, and stays downloadable.
A damaged map is set aside on its own; the others open as usual. A damaged index is set aside
too (once, byte for byte) and rebuilt from the maps themselves. Every text is parsed by
``fileformat.parse_json``, so no damage (nesting, huge numbers, wrong types) raises anything but
``FileError`` here, which these functions turn into a set-aside key.

The index and the back-up are documents of the one envelope (``envelope``) like the map: a type,
a version, migrations per type. Fields of the index this version does not know (written by a
newer tab) are kept and written back with it; a missing list of maps is an empty one.
"""

from __future__ import annotations

import json
from typing import Any

from . import envelope
from .envelope import FileWarning, Format
from .fileformat import (
    MAX_CONTACTS,
    MAX_FILE_CHARS,
    MAX_WARNINGS,
    FileError,
    MapFile,
    dumps,
    loads,
    parse_json,
    read_document,
    to_document,
)
from .model import NetworkMap, random_hex
from .persistence import KEY_PREFIX, Storage, StorageFull, StorageUnavailable
from .values import field, frozen, replace

INDEX_KEY = KEY_PREFIX + "index"
MAP_PREFIX = KEY_PREFIX + "map:"
ASIDE_PREFIX = KEY_PREFIX + "unreadable:"
TRASH_PREFIX = KEY_PREFIX + "deleted:"
LEGACY_KEY = KEY_PREFIX + "map"  # version 0.1 kept its one map here
INDEX_TYPE = "kenniskring-index"
BACKUP_TYPE = "kenniskring-backup"
INDEX_FORMAT = envelope.register(Format(INDEX_TYPE), 1)
BACKUP_FORMAT = envelope.register(Format(BACKUP_TYPE, not_ours="not_a_backup"), 1)
_INDEX_FIELDS = frozenset({"type", "version", "current", "maps"})
_ENTRY_FIELDS = frozenset({"id", "title", "created", "updated", "people", "moments", "next_look"})
_BACKUP_FIELDS = frozenset({"type", "version", "created", "maps"})
MAX_BACKUP_CHARS = 200_000_000  # far beyond any browser's storage; the maps inside have their own limit


def new_map_id() -> str:
    return "m" + random_hex(6)


@frozen
class Entry:
    id: str
    title: str
    created: str
    updated: str
    kept: str = field(default="", repr=False)  # unknown fields of this entry, as JSON text
    # What the list shows of the map without reading it: its people and moments (-1: not known yet,
    # an index written before version 3 of the format), and the date of the next look.
    people: int = -1
    moments: int = 0
    next_look: str = ""


@frozen
class Index:
    entries: tuple[Entry, ...] = ()
    current: str | None = None
    kept: str = field(default="", repr=False)  # unknown fields of the index, as JSON text

    def entry(self, map_id: str) -> Entry | None:
        for e in self.entries:
            if e.id == map_id:
                return e
        return None


@frozen
class SetAside:
    key: str
    problem: FileError


@frozen
class Opened:
    index: Index
    map_id: str
    map: NetworkMap
    set_aside: tuple[SetAside, ...] = ()
    newer: tuple[str, ...] = ()  # maps written by a newer version of Kenniskring: left where they are


# -- the index -----------------------------------------------------------------------------------
def _kept_text(d: dict[str, Any], known: frozenset[str], where: envelope.Where) -> str:
    unknown, _ = envelope.kept_fields(d, known, where)
    return json.dumps(unknown, ensure_ascii=False, separators=(",", ":")) if unknown else ""


def _index_to_text(index: Index) -> str:
    maps = [
        {
            "id": e.id,
            "title": e.title,
            "created": e.created,
            "updated": e.updated,
            **({"people": e.people, "moments": e.moments, "next_look": e.next_look} if e.people >= 0 else {}),
            **(json.loads(e.kept) if e.kept else {}),
        }
        for e in index.entries
    ]
    doc = envelope.envelope(INDEX_FORMAT, current=index.current, maps=maps)
    return json.dumps({**doc, **(json.loads(index.kept) if index.kept else {})}, ensure_ascii=False)


def _index_from_text(text: str | None) -> Index | None:
    """The saved index, or None when there is none or it cannot be trusted (then it is rebuilt).

    Every field is checked for its type: a null title is "no title", never the text "None"; an
    entry that names a map twice counts once."""
    if text is None:
        return None
    try:
        raw = envelope.read(text, INDEX_FORMAT, MAX_FILE_CHARS)
        kept = _kept_text(raw, _INDEX_FIELDS, ())
    except FileError:
        return None
    maps = raw.get("maps", [])
    if not isinstance(maps, list):
        return None
    current = raw.get("current")
    if not (current is None or isinstance(current, str)):
        return None
    entries: dict[str, Entry] = {}
    for e in maps:
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            return None
        fields = [e.get(k) for k in ("title", "created", "updated")]
        if not all(f is None or isinstance(f, str) for f in fields):
            return None
        try:
            entry_kept = _kept_text(e, _ENTRY_FIELDS, ("maps",))
        except FileError:
            return None
        title, created, updated = (f or "" for f in fields)
        people, moments, look = e.get("people", -1), e.get("moments", 0), e.get("next_look", "")
        if type(people) is not int or type(moments) is not int or not isinstance(look, str):
            people, moments, look = -1, 0, ""  # what the list shows of a map is re-learnt on its next save
        entry = Entry(
            e["id"],
            title,
            created,
            updated,
            entry_kept,
            people=max(-1, min(people, MAX_CONTACTS)),
            moments=max(0, moments),
            next_look=look[:10],
        )
        entries.setdefault(e["id"], entry)
    return Index(tuple(entries.values()), current, kept)


def _index_is_damaged(text: str | None) -> bool:
    return text is not None and _index_from_text(text) is None


def read_index(storage: Storage) -> Index:
    """The index as it is in storage, made to agree with the maps that are really there."""
    saved = _index_from_text(storage.get(INDEX_KEY)) or Index()
    present = {k.removeprefix(MAP_PREFIX): None for k in storage.keys() if k.startswith(MAP_PREFIX)}  # in order
    entries = [e for e in saved.entries if e.id in present]
    known = {e.id for e in entries}
    for map_id in present:
        if map_id not in known:  # a map without an entry: the index was damaged or written by an older tab
            entries.append(Entry(map_id, _title_of(storage.get(MAP_PREFIX + map_id)), "", ""))
    current = saved.current if saved.current in present else None
    return Index(tuple(entries), current, saved.kept)


def _title_of(text: str | None) -> str:
    try:
        raw = parse_json(text or "")
    except FileError:
        return ""
    body = raw.get("map") if isinstance(raw, dict) else None
    change = body.get("change") if isinstance(body, dict) else None
    return change if isinstance(change, str) else ""


def _write_index(storage: Storage, index: Index) -> Index:
    storage.set(INDEX_KEY, _index_to_text(index))
    return index


def _with_entry(index: Index, entry: Entry) -> Index:
    others = tuple(e for e in index.entries if e.id != entry.id)
    position = next((i for i, e in enumerate(index.entries) if e.id == entry.id), len(others))
    return replace(index, entries=others[:position] + (entry,) + others[position:])


# -- opening -------------------------------------------------------------------------------------
def _migrate_legacy(storage: Storage, now: str) -> None:
    raw = storage.get(LEGACY_KEY)
    if raw is None:
        return
    map_id = new_map_id()
    storage.set(MAP_PREFIX + map_id, raw)
    storage.remove(LEGACY_KEY)
    index = read_index(storage)
    _write_index(storage, _with_entry(index, Entry(map_id, _title_of(raw), now, now)))


def _keep_aside(storage: Storage, name: str, stamp: str, raw: str) -> str:
    """Write ``raw`` under a new set-aside key (never over an earlier one); returns that key."""
    aside = f"{ASIDE_PREFIX}{name}:{stamp}"
    n = 1
    while storage.get(aside) is not None and storage.get(aside) != raw:
        n += 1
        aside = f"{ASIDE_PREFIX}{name}:{stamp}-{n}"
    storage.set(aside, raw)
    return aside


def set_aside(storage: Storage, map_id: str, stamp: str) -> str | None:
    """Move a map's saved text to a key of its own, byte for byte; returns that key, or None when
    there is no text to keep (the map was deleted meanwhile, or already set aside)."""
    raw = storage.get(MAP_PREFIX + map_id)
    if raw is None:
        return None
    aside = _keep_aside(storage, map_id, stamp, raw)
    storage.remove(MAP_PREFIX + map_id)
    return aside


def open_library(storage: Storage, now: str) -> Opened:
    """Open the current map (or the most recent one, or a new empty one), setting aside what is unreadable."""
    _migrate_legacy(storage, now)
    asides: list[SetAside] = []
    saved_index = storage.get(INDEX_KEY)
    if saved_index is not None and _index_is_damaged(saved_index):  # rebuilt below: keep what it said
        index_aside = _keep_aside(storage, "index", now.replace(":", ""), saved_index)
        asides.append(SetAside(index_aside, FileError("damaged_index")))
        storage.remove(INDEX_KEY)
    index = read_index(storage)
    # The current map first, then the others from the most recently changed.
    order = [e for e in index.entries if e.id == index.current] + sorted(
        (e for e in index.entries if e.id != index.current), key=lambda e: e.updated, reverse=True
    )
    newer: list[str] = []
    for entry in order:
        try:
            m = loads(storage.get(MAP_PREFIX + entry.id) or "")
        except FileError as problem:
            if problem.code == "too_new":  # not damaged: a newer version reads it; never write over it
                newer.append(entry.id)
                continue
            aside = set_aside(storage, entry.id, now.replace(":", ""))
            if aside is not None:
                asides.append(SetAside(aside, problem))
            index = replace(index, entries=tuple(e for e in index.entries if e.id != entry.id))
            continue
        index = _write_index(storage, replace(index, current=entry.id))
        return Opened(index, entry.id, m, tuple(asides), tuple(newer))
    index, map_id = create_map(storage, now)
    return Opened(index, map_id, NetworkMap(), tuple(asides), tuple(newer))


def load_map(storage: Storage, map_id: str, now: str) -> tuple[Index, NetworkMap | None, SetAside | None]:
    """Switch to another map: it becomes the current one, or is set aside when it cannot be read.
    A map another tab has just deleted is not there: nothing is set aside, the list is brought up to date.
    A map in a newer format than this version reads is left where it is, untouched."""
    raw = storage.get(MAP_PREFIX + map_id)
    if raw is None:
        return _write_index(storage, read_index(storage)), None, None
    try:
        m = loads(raw)
    except FileError as problem:
        if problem.code == "too_new":  # a newer version's map stays where it is (its own key is returned)
            return read_index(storage), None, SetAside(MAP_PREFIX + map_id, problem)
        key = set_aside(storage, map_id, now.replace(":", ""))
        aside = SetAside(key, problem) if key is not None else None
        return _write_index(storage, read_index(storage)), None, aside
    index = _write_index(storage, replace(read_index(storage), current=map_id))
    return index, m, None


# -- changing ------------------------------------------------------------------------------------
def save_map(storage: Storage, map_id: str, m: NetworkMap, now: str) -> Index:
    """Write the map and its line in the index. Raises StorageFull or StorageUnavailable."""
    storage.set(MAP_PREFIX + map_id, dumps(m))
    return _write_index(storage, _entered(read_index(storage), map_id, m, now))


def _entered(index: Index, map_id: str, m: NetworkMap, now: str) -> Index:
    old = index.entry(map_id)
    entry = Entry(
        map_id,
        m.change,
        old.created if old and old.created else now,
        now,
        old.kept if old else "",
        people=len(m.contacts),
        moments=len(m.moments),
        next_look=m.next_look,
    )
    return replace(_with_entry(index, entry), current=map_id)


def create_map(storage: Storage, now: str, m: NetworkMap | None = None, map_id: str | None = None) -> tuple[Index, str]:
    """A new map in the list: with a new id, or with ``map_id`` (a file's own) when no map has it yet."""
    if map_id is None or storage.get(MAP_PREFIX + map_id) is not None:
        map_id = new_map_id()
    return save_map(storage, map_id, m or NetworkMap(), now), map_id


def copy_to_trash(storage: Storage, map_id: str) -> Index:
    """The stored version of a map, kept in the trash before something replaces it (as a delete
    keeps it), so it can still be had back after the tab is closed."""
    raw = storage.get(MAP_PREFIX + map_id)
    if raw is not None:
        storage.set(TRASH_PREFIX + map_id, raw)
    return read_index(storage)


def delete_map(storage: Storage, map_id: str) -> Index:
    """Remove a map from the list; its text goes to the trash until another delete of it, so it can come back."""
    raw = storage.get(MAP_PREFIX + map_id)
    if raw is not None:
        storage.set(TRASH_PREFIX + map_id, raw)
        storage.remove(MAP_PREFIX + map_id)
    index = read_index(storage)
    return _write_index(storage, replace(index, current=None if index.current == map_id else index.current))


def undelete_map(storage: Storage, map_id: str, now: str) -> Index:
    raw = storage.get(TRASH_PREFIX + map_id)
    if raw is None:
        return read_index(storage)
    storage.set(MAP_PREFIX + map_id, raw)
    storage.remove(TRASH_PREFIX + map_id)
    index = read_index(storage)
    entry = index.entry(map_id)
    if entry is not None:
        index = _with_entry(index, replace(entry, updated=now, created=entry.created or now))
    return _write_index(storage, index)


def set_aside_keys(storage: Storage) -> list[str]:
    return sorted(k for k in storage.keys() if k.startswith(ASIDE_PREFIX))


# -- backup --------------------------------------------------------------------------------------
def backup_text(storage: Storage, now: str) -> str:
    """Every readable map in one file; unreadable ones stay where they are (and downloadable)."""
    maps: list[dict[str, Any]] = []
    for entry in read_index(storage).entries:
        try:
            maps.append(to_document(loads(storage.get(MAP_PREFIX + entry.id) or "")))
        except FileError:
            continue
    return json.dumps(envelope.envelope(BACKUP_FORMAT, created=now, maps=maps), ensure_ascii=False, indent=2)


@frozen
class Restored:
    index: Index
    added: tuple[str, ...]
    problems: tuple[tuple[int, FileError], ...]  # (1-based position in the backup, what is wrong)
    # What was kept without being understood: (0 for the back-up itself, else the map's position, what).
    warnings: tuple[tuple[int, FileWarning], ...] = ()


def restore_backup(storage: Storage, text: str, now: str) -> Restored:
    """Add every map of a backup as a new map; never replaces one that is already there.

    Linear in the number of maps: the index is read once, each map is written once, and the index
    is written once at the end (also when storage fills up halfway, so the maps written are listed)."""
    raw = envelope.read(text, BACKUP_FORMAT, MAX_BACKUP_CHARS)
    docs = raw.get("maps", [])
    if not isinstance(docs, list):
        raise FileError("wrong_type", ("maps",), expected="list")
    # The back-up itself is not written back: its unknown fields are only said, never refused.
    unknown = [k for k in raw if k not in _BACKUP_FIELDS][:MAX_WARNINGS]
    warnings = [(0, FileWarning("unknown_field", (envelope.shown_key(k),))) for k in unknown]
    added: list[str] = []
    problems: list[tuple[int, FileError]] = []
    index = read_index(storage)
    entries = {e.id: e for e in index.entries}
    for i, doc in enumerate(docs, start=1):
        try:
            opened: MapFile = read_document(doc)
        except FileError as problem:
            problems.append((i, problem))
            continue
        except RecursionError:  # a map nested just below the parser's limit
            problems.append((i, FileError("not_our_file")))
            continue
        m = opened.map
        warnings.extend((i, w) for w in opened.warnings)
        map_id = new_map_id()
        while map_id in entries:
            map_id = new_map_id()
        try:
            storage.set(MAP_PREFIX + map_id, dumps(m))
        except (StorageFull, StorageUnavailable):
            problems.append((i, FileError("storage_full")))
            break
        entries[map_id] = Entry(map_id, m.change, now, now)
        added.append(map_id)
    index = Index(tuple(entries.values()), added[-1] if added else index.current, index.kept)
    try:
        index = _write_index(storage, index)
    except (StorageFull, StorageUnavailable):
        pass  # the maps are there; the next read of the index finds them again
    return Restored(index, tuple(added), tuple(problems), tuple(warnings))


def readable_maps(storage: Storage) -> tuple[list[tuple[Entry, NetworkMap]], list[Entry]]:
    """Every map in this browser that can be read, and the entries of those that cannot. Only
    reads: which map is open, and what is set aside, stay as they are."""
    readable: list[tuple[Entry, NetworkMap]] = []
    unreadable: list[Entry] = []
    for entry in read_index(storage).entries:
        try:
            readable.append((entry, loads(storage.get(MAP_PREFIX + entry.id) or "")))
        except FileError:
            unreadable.append(entry)
    return readable, unreadable


def same_map_here(index: Index, m: NetworkMap) -> str | None:
    """The id of a map in this browser that is ``m`` as it came (the same change and as many people),
    e.g. the site's example opened before; None when there is none. The newest such map if several."""
    same = [e for e in index.entries if e.title == m.change and e.people in (len(m.contacts), -1)]
    return max(same, key=lambda e: e.updated).id if same else None
