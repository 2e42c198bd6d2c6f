"""The storage seam: ``Storage`` is what the library needs from the browser's localStorage.

The shell passes localStorage; tests pass ``DictStorage``, which can also play a full storage.
"""

from __future__ import annotations

from typing import Protocol

KEY_PREFIX = "kenniskring:"


class StorageFull(Exception):
    """The browser refused to store more (QuotaExceededError)."""


class StorageUnavailable(Exception):
    """The browser does not allow storage at all (private mode, policy)."""


class Storage(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def remove(self, key: str) -> None: ...

    def keys(self) -> list[str]: ...


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

    def keys(self) -> list[str]:
        return list(self.items)
