"""A long session does not leak: 200 edits through the page's own controls (add, drag to another
ring, rename, step change, undo) leave the JS heap, Python's wasm memory, the event listeners and DOM nodes alive, and the redraw time where
they were after the first cycle. The limits are wide (a loaded 2-core machine must not make this
flaky); a leak of a rendered picture or a DOM tree per edit (tens of kB each) passes them all the
same. ``make bench`` runs the full 1,000 edits (scripts/bench_soak.py) and prints the figures."""

from __future__ import annotations

from pathlib import Path

from kenniskring.fileformat import dumps
from playwright.sync_api import Page

from scripts.bench_soak import people, soak

EDITS = 200
HEAP_LIMIT_MB = 6.0  # 30 kB an edit
WASM_LIMIT_MB = 12.0  # two of Pyodide's growth steps at this size
LISTENERS_LIMIT = 20  # event listeners more than after the first cycle: a handler made per edit adds 200
NODES_LIMIT = 2_000  # DOM nodes alive: one kept picture of 50 people is about 900
REDRAW_LIMIT = 2.0  # last redraws against the first; a per-edit growth of the picture doubles it


def test_two_hundred_edits_leak_nothing(page: Page, site_url: str, tmp_path: Path) -> None:
    map_file = tmp_path / "map.json"
    map_file.write_text(dumps(people(50)), encoding="utf-8")
    result = soak(page, site_url + "tool/", map_file, 50, EDITS)
    print(result.line())
    assert result.edits == EDITS
    assert len(result.redraws) > EDITS // 2  # add, drag, rename and undo all redraw; step changes do not
    assert result.heap_growth_mb < HEAP_LIMIT_MB, result.line()
    assert result.wasm_growth_mb < WASM_LIMIT_MB, result.line()
    assert result.listeners[1] - result.listeners[0] < LISTENERS_LIMIT, result.line()
    assert result.nodes[1] - result.nodes[0] < NODES_LIMIT, result.line()
    assert result.redraw_ratio < REDRAW_LIMIT, result.line()
