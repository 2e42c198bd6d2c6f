"""``make bench`` (second part): the ``kenniskring`` command on many files, as a researcher runs it.

Writes ``--files`` generated maps (``--people`` people each, with knowledge, roles and a desired
situation) into a temporary folder, then times each sub-command over all of them as a fresh process
(Python's start included, as in a terminal), ``--rounds`` times. Prints the median and the spread.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kenniskring.fileformat import dumps
from kenniskring.model import Contact, KnowledgeForm, NetworkMap, OutsideRole, PersonKind, Ring


def generated(n: int, people: int, rng: random.Random) -> NetworkMap:
    contacts = []
    for i in range(people):
        kind = rng.choice(list(PersonKind))
        contacts.append(
            Contact(
                f"c{i}",
                f"Persoon {rng.randrange(5 * people)}",
                rng.choice(list(Ring)),
                kind,
                rng.choice(list(OutsideRole)) if kind is PersonKind.OUTSIDE else None,
                tuple(f for f in KnowledgeForm if rng.random() < 0.5),
                desired_ring=rng.choice([None, *Ring]),
                wished=rng.random() < 0.1,
            )
        )
    return NetworkMap(change=f"Verandering {n}", contacts=tuple(contacts))


def timed(command: list[str], rounds: int) -> list[float]:
    seconds = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--files", type=int, default=1000)
    options.add_argument("--people", type=int, default=25)
    options.add_argument("--rounds", type=int, default=3)
    args = options.parse_args()
    rng = random.Random(2026)
    command = [sys.executable, "-m", "kenniskring.cli"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = []
        for n in range(args.files):
            path = root / f"kaart-{n:04d}.json"
            path.write_text(dumps(generated(n, args.people, rng)), encoding="utf-8")
            files.append(str(path))
        runs = {
            "validate": [*command, "validate", *files],
            "measures --csv": [*command, "measures", "--csv", *files],
            "export --format egor": [*command, "export", *files, "--format", "egor", "-o", str(root / "egor")],
            "export --format graphml": [*command, "export", *files, "--format", "graphml", "-o", str(root / "graphml")],
        }
        print(f"kenniskring on {args.files} files of {args.people} people, {args.rounds} rounds (median, min–max):")
        for name, run in runs.items():
            seconds = timed(run, args.rounds)
            print(f"  {name:<24} {statistics.median(seconds):6.2f} s  ({min(seconds):.2f}–{max(seconds):.2f})")


if __name__ == "__main__":
    main()
