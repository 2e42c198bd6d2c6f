"""Keeping the map in the browser: decisions about what to read, set aside and write.

``Storage`` is the seam: the shell passes localStorage, tests pass ``DictStorage``. Nothing here
ever overwrites saved data it could not read: that is moved aside first, or saving stays off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .fileformat import FileError, dumps, loads
from .model import NetworkMap

KEY_PREFIX = "kenniskring:"
MAP_KEY = KEY_PREFIX + "map"


class StorageFull(Exception):
    """The browser refused to store more (QuotaExceededError)."""


class StorageUnavailable(Exception):
    """The browser does not allow storage at all (private mode, policy)."""


class Storage(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def remove(self, key: str) -> None: ...


class DictStorage:
    """In-memory storage for tests; ``quota`` (characters) mimics a full localStorage."""

    def __init__(self, items: dict[str, str] | None = None, quota: int | None = None) -> None:
        self.items = dict(items or {})
        self.quota = quota

    def get(self, key: str) -> str | None:
        return self.items.get(key)

    def set(self, key: str, value: str) -> None:
        if self.quota is not None:
            used = sum(len(k) + len(v) for k, v in self.items.items() if k != key)
            if used + len(key) + len(value) > self.quota:
                raise StorageFull(key)
        self.items[key] = value

    def remove(self, key: str) -> None:
        self.items.pop(key, None)


@dataclass(frozen=True)
class Loaded:
    map: NetworkMap
    problem: FileError | None = None  # the saved data could not be read
    set_aside_key: str | None = None  # where the unreadable data now is
    can_save: bool = True  # False: unreadable data is still under MAP_KEY and must not be overwritten


def load(storage: Storage, stamp: str) -> Loaded:
    """The saved map, or an empty one plus what went wrong. ``stamp`` names a set-aside copy."""
    raw = storage.get(MAP_KEY)
    if raw is None:
        return Loaded(NetworkMap())
    try:
        return Loaded(loads(raw))
    except FileError as problem:
        aside = f"{KEY_PREFIX}unreadable:{stamp}"
        try:
            storage.set(aside, raw)
        except (StorageFull, StorageUnavailable):
            return Loaded(NetworkMap(), problem, MAP_KEY, can_save=False)
        storage.remove(MAP_KEY)
        return Loaded(NetworkMap(), problem, aside)


def save(storage: Storage, m: NetworkMap) -> None:
    """Write the map; raises StorageFull or StorageUnavailable for the shell to tell the user."""
    storage.set(MAP_KEY, dumps(m))
