"""How much storage the maps take, said before it is full."""

from __future__ import annotations

from kenniskring.library import create_map
from kenniskring.persistence import DictStorage
from kenniskring.quota import LIMIT_CHARS, Use, percent_used, storage_use

from tests.core.factories import sample_map


def test_only_this_tools_keys_are_counted() -> None:
    storage = DictStorage({"other-app": "x" * 1000})
    create_map(storage, "2026-12-02T10:00:00+00:00", sample_map())
    use = storage_use(storage)
    expected = sum(len(k) + len(v) for k, v in storage.items.items() if k.startswith("kenniskring:"))
    assert use.chars == expected and 0 < use.chars < 5000


def test_tight_from_four_fifths_of_the_limit() -> None:
    assert not Use(int(LIMIT_CHARS * 0.79)).tight
    assert Use(int(LIMIT_CHARS * 0.8)).tight


def test_the_share_as_a_user_reads_it() -> None:
    assert percent_used(Use(150_000)) == "3%"
    assert percent_used(Use(10)) == "<1%"
    assert percent_used(Use(0)) == "0%"
