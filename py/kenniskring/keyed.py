"""How a list of keyed pieces of markup on the page (a person's note, a table row) becomes the next
list with the fewest changes: the pieces whose markup is unchanged stay where they are, the others
are removed and made again. After one edit on a map of 1,000 people the page so parses one note and
one row instead of 1,000 of each (a person is a frozen value, so an unchanged person has unchanged
markup).

Decisions only: the shell (``shell_draw``) carries a ``Patch`` out on the page.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .values import frozen

Piece = tuple[str, str]  # (key, markup)

# Beyond this many pieces to make (and a quarter of all) one parse of everything is cheaper than
# patching piece by piece: a new language, another view, a map opened.
FEW = 8


@frozen
class Patch:
    """Remove the old pieces at ``removals`` (positions in the old list, highest first, so each
    position is still right when its turn comes), then insert each of ``insertions`` (position in
    the new list, markup; lowest first) before the piece now at that position, or at the end."""

    removals: tuple[int, ...]
    insertions: tuple[tuple[int, str], ...]


def keyed_patch(old: Sequence[Piece], new: Sequence[Piece], stale: Collection[str] = ()) -> Patch | None:
    """The patch from ``old`` (what the page shows) to ``new``; ``stale``: keys whose piece on the
    page was changed by hand (a note being dragged) and must be made again whatever its markup.
    None when it is simpler to make everything again: keys not unique, the kept pieces in another
    order than before, or many pieces to make."""
    at = {key: i for i, (key, _) in enumerate(old)}
    if len(at) != len(old) or len({key for key, _ in new}) != len(new):
        return None
    kept: list[int] = []
    insertions: list[tuple[int, str]] = []
    for j, (key, markup) in enumerate(new):
        i = at.get(key)
        if i is not None and old[i][1] == markup and key not in stale:
            kept.append(i)
        else:
            insertions.append((j, markup))
    if kept != sorted(kept):
        return None
    staying = set(kept)
    removals = tuple(i for i in range(len(old) - 1, -1, -1) if i not in staying)
    if len(insertions) > max(FEW, len(new) // 4):
        return None
    return Patch(removals, tuple(insertions))
