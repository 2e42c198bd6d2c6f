"""How much of the browser's storage the maps take, and when that gets tight.

Browsers give one site about five million characters of localStorage (Chrome, Edge, Firefox and
Safari all count keys and values in UTF-16 code units, 5 MiB of them or 5 million characters);
moments make a map grow, so the list of maps says how much is used and warns before it is full.
"""

from __future__ import annotations

from .persistence import KEY_PREFIX, Storage
from .values import frozen

LIMIT_CHARS = 5_000_000  # the smallest of what the common browsers give one site
TIGHT = 0.8  # from here on the list warns


@frozen
class Use:
    chars: int
    limit: int = LIMIT_CHARS

    @property
    def share(self) -> float:
        return self.chars / self.limit

    @property
    def tight(self) -> bool:
        return self.share >= TIGHT


def storage_use(storage: Storage) -> Use:
    """The characters this tool's keys and values take (what the browser counts against its limit)."""
    return Use(sum(len(k) + len(storage.get(k) or "") for k in storage.keys() if k.startswith(KEY_PREFIX)))


def percent_used(use: Use) -> str:
    """The share as a user reads it: "3%", and "<1%" rather than a misleading "0%"."""
    value = round(use.share * 100)
    return "<1%" if value == 0 and use.chars else f"{value}%"
