"""``make bench-core``: the core's own figures under this machine's CPython (no browser).

- restoring a back-up of 1,000 maps into an empty storage (linear: the index is read and written once);
- every panel and the poster for the largest map the reader accepts (tests/core/test_limits.py),
  with plain text and with every character one that must be escaped (``&``);
- fitting 1,000 names on their notes (textfit), the layout of a 1,000-person map (first and after
  one person more), and the desired moves' ghosts and arrows for a 500-person map.

Prints the median of ``--rounds`` runs in milliseconds.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from kenniskring import fontmetrics, report  # noqa: E402
from kenniskring import layout as layout_module  # noqa: E402
from kenniskring.ghosts import plan_moves  # noqa: E402
from kenniskring.layout import layout  # noqa: E402
from kenniskring.library import backup_text, create_map, restore_backup  # noqa: E402
from kenniskring.model import Ring, View  # noqa: E402
from kenniskring.paper import Paper  # noqa: E402
from kenniskring.persistence import DictStorage  # noqa: E402
from kenniskring.poster import poster_html  # noqa: E402
from kenniskring.render import NAME_WIDTH, fit_note_name  # noqa: E402
from kenniskring.values import replace  # noqa: E402

from tests.core.factories import crowded_map, full_map, person  # noqa: E402
from tests.core.test_limits import largest_map  # noqa: E402
from tests.core.test_textfit import NAMES  # noqa: E402

NOW = "2026-11-24T10:00:00+00:00"
PANELS = (
    "observations_html",
    "figures_html",
    "composition_html",
    "suggestions_html",
    "actions_html",
    "contact_rows_html",
    "people_choices_html",
)


def median_ms(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--maps", type=int, default=1000)
    args = parser.parse_args()

    source = DictStorage()
    for _ in range(args.maps):
        create_map(source, NOW, full_map())
    backup = backup_text(source, NOW)
    restore = median_ms(lambda: restore_backup(DictStorage(), backup, NOW), args.rounds)
    print(f"restore a back-up of {args.maps} maps: {restore:.0f} ms")

    for label, ch in (("plain text", "x"), ("every character '&'", "&")):
        m = largest_map(ch)
        print(f"largest accepted map, {label}:")
        for name in PANELS:
            print(f"  {name}: {median_ms(functools.partial(getattr(report, name), m, 'nl'), args.rounds):.0f} ms")
        for paper in Paper:
            made = median_ms(functools.partial(poster_html, m, "nl", "2026-11-24", View.BOTH, paper), args.rounds)
            print(f"  poster ({paper.value}, map drawn for it): {made:.0f} ms")

    names = [f"{n} {i}" for i, n in enumerate(NAMES * 3)][:1000]
    fitting = median_ms(lambda: [fit_note_name(n, NAME_WIDTH) for n in names], args.rounds)
    print(f"fit 1,000 names on their notes: {fitting:.0f} ms ({fontmetrics.FAMILY} {fontmetrics.PACKAGE_VERSION})")
    crowd = crowded_map({Ring.WEEKLY: 333, Ring.MONTHLY: 333, Ring.LESS_OFTEN: 334})

    def fresh_layout() -> object:
        layout_module._track_spots.cache_clear()  # as when a map is opened: no track kept yet
        return layout(crowd)

    first = median_ms(fresh_layout, args.rounds)
    more = replace(crowd, contacts=(*crowd.contacts, person("new", "Nieuw", Ring.MONTHLY)))
    layout(crowd)
    after = median_ms(lambda: layout(more), args.rounds)
    print(f"layout of 1,000 people: {first:.1f} ms; after one person more: {after:.1f} ms")
    movers = replace(
        crowd,
        contacts=tuple(
            replace(c, desired_ring=Ring.WEEKLY) if i % 10 == 0 and c.ring is not Ring.WEEKLY else c
            for i, c in enumerate(crowd.contacts[::2])
        ),
    )
    g = layout(movers, with_ghosts=True)
    ghosts = median_ms(lambda: plan_moves(movers, g), args.rounds)
    print(f"ghosts and arrows of {sum(1 for c in movers.contacts if c.desired_ring)} moves on a 500-person map: {ghosts:.0f} ms")


if __name__ == "__main__":
    main()
