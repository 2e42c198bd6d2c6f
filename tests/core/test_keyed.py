"""A keyed patch: only what changed is made again, and the page ends up showing the new list."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st
from kenniskring.keyed import FEW, Patch, Piece, keyed_patch


def applied(old: Sequence[Piece], patch: Patch) -> list[str]:
    """What a page shows after the patch, done as the shell does it (shell_patch.patch_children):
    remove at each position, then insert before the piece at each position."""
    shown = [markup for _, markup in old]
    for i in patch.removals:
        del shown[i]
    for j, markup in patch.insertions:
        shown.insert(j, markup)
    return shown


def pieces(*keys: str, changed: str = "") -> list[Piece]:
    return [(k, f"<g>{k}{'*' if k == changed else ''}</g>") for k in keys]


def test_one_person_added_is_one_note_made_and_nothing_removed() -> None:
    old, new = pieces("a", "b", "c"), pieces("a", "x", "b", "c")
    patch = keyed_patch(old, new)
    assert patch == Patch((), ((1, "<g>x</g>"),))
    assert applied(old, patch) == [m for _, m in new]


def test_one_person_changed_is_their_note_made_again_in_its_place() -> None:
    old, new = pieces("a", "b", "c"), pieces("a", "b", "c", changed="b")
    patch = keyed_patch(old, new)
    assert patch == Patch((1,), ((1, "<g>b*</g>"),))


def test_a_person_removed_is_one_note_removed() -> None:
    assert keyed_patch(pieces("a", "b", "c"), pieces("a", "c")) == Patch((1,), ())


def test_a_note_changed_by_hand_is_made_again_though_its_markup_is_the_same() -> None:
    old = pieces("a", "b")
    assert keyed_patch(old, old) == Patch((), ())
    assert keyed_patch(old, old, stale={"a"}) == Patch((0,), ((0, "<g>a</g>"),))


def test_another_order_or_many_changes_or_keys_twice_make_everything_again() -> None:
    assert keyed_patch(pieces("a", "b", "c"), pieces("c", "a", "b")) is None
    many = [f"p{i}" for i in range(100)]
    assert keyed_patch(pieces(*many), [(k, m + " ") for k, m in pieces(*many)]) is None
    assert keyed_patch(pieces("a", "a"), pieces("a")) is None
    assert keyed_patch(pieces("a"), pieces("a", "a")) is None
    # up to FEW changes are patched even on a small list
    small = [f"p{i}" for i in range(FEW)]
    assert keyed_patch(pieces(*small), [(k, m + " ") for k, m in pieces(*small)]) is not None


keys = st.lists(st.sampled_from("abcdefghijklmnop"), unique=True, max_size=16)


@given(keys, keys, st.sets(st.sampled_from("abcdefghijklmnop")), st.sets(st.sampled_from("abcdefghijklmnop")))
def test_the_patched_page_shows_the_new_list_and_keeps_every_unchanged_piece(
    old_keys: list[str], new_keys: list[str], changed: set[str], stale: set[str]
) -> None:
    old = pieces(*old_keys)
    new = [(k, f"<g>{k}{'*' if k in changed else ''}</g>") for k in new_keys]
    patch = keyed_patch(old, new, stale)
    if patch is None:
        return
    assert applied(old, patch) == [m for _, m in new]
    unchanged = {k for k, m in new if (k, m) in old and k not in stale}
    assert len(patch.insertions) == len(new) - len(unchanged)  # nothing unchanged is made again
    assert list(patch.removals) == sorted(patch.removals, reverse=True)
