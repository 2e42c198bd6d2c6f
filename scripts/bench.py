"""``make bench``: how fast the tool opens and redraws, next to the bare Pyodide floor.

Serves a copy of the built ``site/`` on localhost, plus a floor page that only does
``loadPyodide()`` from the Pyodide release the site vendors, exactly as published, and runs ``1+1``.
In one run, alternating floor and tool, ``--rounds`` times each, in real headless Chromium (service
workers blocked, as the floor page has none: the offline cache would add its own downloads to
"cold" and serve "warm"):

- cold: a fresh browser profile, time until ready (the floor: Python answered; the tool: the page's
  ``kk-ready`` mark, set when the map is interactive), and the bytes transferred, by file;
- warm: a reload of the same profile, with a saved map of 50 people; for the tool also the first
  picture (``kk-first-picture``: the saved map on screen before Python is up);
- the same floor page with the site's own Pyodide files: the standard library as the site serves it
  (what Python imports at start as bytecode, unused modules left out: hooks/python_stdlib.py),
  to show how much of the gain is that, and what the tool adds to it;
- PyScript alone (a page that only runs PyScript with the site's Pyodide, no site and no app):
  cold and warm, to show what the fixed stack adds before any of the tool's own work;
- the offline copy (one HTML file, opened from disk): cold and warm, time until ready;
- redraw: edit → map redrawn (``kk-redraw``, measured in the page) for 10 … 1000 people.

Prints medians with the spread (min–max), and writes the tables to ``bench/bench.{nl,en}.md``,
which the performance page of the site includes.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from kenniskring.fileformat import dumps  # noqa: E402
from kenniskring.model import Contact, KnowledgeForm, NetworkMap, PersonKind, Ring  # noqa: E402

from hooks.offline_copy import OFFLINE_PATH  # noqa: E402
from hooks.sources import PYODIDE_DIR, PYODIDE_FILES  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.serve import start  # noqa: E402

SIZES = (10, 50, 200, 500, 1000)
TIMEOUT_MS = 180_000
FLOOR = """<!doctype html><meta charset="utf-8"><title>Pyodide floor</title>
<script type="module">
import { loadPyodide } from "./__DIR__/pyodide.mjs";
const py = await loadPyodide({ indexURL: "./__DIR__/" });
py.runPython("1+1");
performance.mark("kk-ready");
</script>"""
PUBLISHED = "pyodide-as-published"  # the release's own files, next to the site's runtime/pyodide/
# The same with PyScript in between (no site, no app): what the fixed stack itself adds to the floor.
PYSCRIPT_FLOOR = """<!doctype html><meta charset="utf-8"><title>PyScript floor</title>
<script type="module" src="./runtime/pyscript/core.js"></script>
<script type="py" config='{"interpreter": "./runtime/pyodide/pyodide.mjs"}'>
from js import performance
performance.mark("kk-ready")
</script>"""
OUT = ROOT / "bench"  # outside docs/, so MkDocs does not make pages of them; the site includes them


def people(n: int) -> NetworkMap:
    rings, kinds, forms = list(Ring), list(PersonKind), list(KnowledgeForm)
    contacts = tuple(
        Contact(f"c{i}", f"Persoon {i}", rings[i % 3], kinds[(i // 3) % 3], None, (forms[i % 3],), "") for i in range(n)
    )
    return NetworkMap(change=f"Benchmark {n}", contacts=contacts)


def mark(page: Page, name: str) -> float:
    page.wait_for_function(f"performance.getEntriesByName('{name}').length > 0", timeout=TIMEOUT_MS)
    return float(page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime")) / 1000


def import_map(page: Page, path: Path, n: int) -> None:
    page.set_input_files("#kk-import", str(path))
    page.wait_for_function(f"document.querySelectorAll('#kk-map .kk-node').length === {n}", timeout=TIMEOUT_MS)


def one_round(
    browser: Browser, base: str, url: str, kind: str, files: dict[int, Path], into: dict[str, list[float]], sizes: dict[str, int]
) -> None:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    got: dict[str, int] = {}

    def count(request: Any) -> None:
        s = request.sizes()
        got[request.url.removeprefix(base)] = s["responseBodySize"] + s["responseHeadersSize"]

    ctx.on("requestfinished", count)
    page = ctx.new_page()
    page.goto(url)
    into[f"{kind} cold"].append(mark(page, "kk-ready"))
    sizes.update({f"{kind}:{k}": v for k, v in got.items()})
    into[f"{kind} cold bytes"].append(sum(got.values()))
    if kind == "tool":
        import_map(page, files[50], 50)
        page.wait_for_timeout(800)  # the debounced save, then the reload below flushes anyway
    page.reload()
    into[f"{kind} warm"].append(mark(page, "kk-ready"))
    if kind == "tool":
        into["tool first picture (return visit)"].append(mark(page, "kk-first-picture"))
    ctx.close()


def redraws(browser: Browser, base: str, files: dict[int, Path], rounds: int) -> dict[int, list[float]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    page = ctx.new_page()
    page.goto(base + "tool/")
    mark(page, "kk-ready")
    out: dict[int, list[float]] = {}
    for n in SIZES:
        import_map(page, files[n - 1], n - 1)
        # An opened file is a map of its own with no history yet: one edit (the n-th person) to undo and redo.
        page.get_by_label("Naam", exact=True).fill("Nog een")
        page.get_by_role("radio", name="wekelijks", exact=True).check()
        page.get_by_role("button", name="Toevoegen", exact=True).click()
        page.evaluate("document.activeElement.blur()")  # the shortcuts below are for the map, not a field
        page.wait_for_function(f"document.querySelectorAll('#kk-map .kk-node').length === {n}")
        times = []
        for _ in range(rounds):
            page.keyboard.press("Control+z")
            page.wait_for_function(f"document.querySelectorAll('#kk-map .kk-node').length !== {n}")
            page.evaluate("performance.clearMeasures('kk-redraw')")
            page.keyboard.press("Control+Shift+z")
            page.wait_for_function(f"document.querySelectorAll('#kk-map .kk-node').length === {n}")
            times.append(float(page.evaluate("performance.getEntriesByName('kk-redraw').at(-1).duration")))
        out[n] = times
    ctx.close()
    return out


def spread(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    v = [x * scale for x in values]
    digits = 2 if unit == "s" else 1
    return f"{statistics.median(v):.{digits}f} {unit} ({min(v):.{digits}f}–{max(v):.{digits}f})"


def tables(t: dict[str, list[float]], redraw: dict[int, list[float]], sizes: dict[str, int], rounds: int) -> dict[str, str]:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Chromium headless, localhost"
    when = datetime.date.today().isoformat()
    heaviest = sorted(((v, k.split(":", 1)[1]) for k, v in sizes.items() if k.startswith("tool:")), reverse=True)[:8]
    words = {
        "nl": {
            "head": f"Gemeten op {when} ({machine}), {rounds} keer per meting, afwisselend; mediaan met (kleinste–grootste).",
            "what": "Meting",
            "value": "Waarde",
            "ratio": "t.o.v. de ondergrens",
            "floor": "Ondergrens: alleen Pyodide, zoals uitgebracht",
            "lib": "Alleen Pyodide, met de standaardbibliotheek van de site",
            "pyscript": "Alleen PyScript met Pyodide (geen site, geen tool)",
            "tool": "Tool klaar voor gebruik",
            "copy": "Offline versie (één bestand, van schijf) klaar",
            "cold": "koud",
            "warm": "warm",
            "first": "Eerste beeld van de bewaarde kaart (terugkerend bezoek)",
            "b_floor": "Overgedragen, koud: ondergrens",
            "b_lib": "Overgedragen, koud: Pyodide met de standaardbibliotheek van de site",
            "b_tool": "Overgedragen, koud: tool",
            "people": "Mensen op de kaart",
            "redraw": "Wijziging → kaart opnieuw getekend",
            "file": "Grootste bestanden (tool, koud)",
            "size": "Grootte",
        },
        "en": {
            "head": f"Measured on {when} ({machine}), {rounds} times each, alternating; median with (min–max).",
            "what": "Measure",
            "value": "Value",
            "ratio": "vs the floor",
            "floor": "Floor: Pyodide only, as published",
            "lib": "Pyodide only, with the site's standard library",
            "pyscript": "PyScript with Pyodide only (no site, no tool)",
            "tool": "Tool ready to use",
            "copy": "Offline copy (one file, from disk) ready",
            "cold": "cold",
            "warm": "warm",
            "first": "First picture of the saved map (return visit)",
            "b_floor": "Transferred, cold: floor",
            "b_lib": "Transferred, cold: Pyodide with the site's standard library",
            "b_tool": "Transferred, cold: tool",
            "people": "People on the map",
            "redraw": "Edit → map redrawn",
            "file": "Largest files (tool, cold)",
            "size": "Size",
        },
    }
    out = {}
    for lang, w in words.items():
        times = [
            f"| {w[kind]}, {w[when_]} | {spread(t[f'{kind} {when_}'])} | "
            f"{statistics.median(t[f'{kind} {when_}']) / statistics.median(t[f'floor {when_}']):.2f} |"
            for when_ in ("cold", "warm")
            for kind in ("floor", "lib", "pyscript", "tool", "copy")
        ]
        transferred = [
            f"| {w[f'b_{kind}']} | {statistics.median(t[f'{kind} cold bytes']) / 1e6:.2f} MB | "
            f"{statistics.median(t[f'{kind} cold bytes']) / statistics.median(t['floor cold bytes']):.2f} |"
            for kind in ("floor", "lib", "tool")
        ]
        rows = [
            w["head"],
            "",
            f"| {w['what']} | {w['value']} | {w['ratio']} |",
            "|---|---|---|",
            *times,
            f"| {w['first']} | {spread(t['tool first picture (return visit)'])} | |",
            *transferred,
            "",
            f"| {w['people']} | {w['redraw']} |",
            "|---|---|",
            *(f"| {n} | {spread(redraw[n], 'ms')} |" for n in SIZES),
            "",
            f"| {w['file']} | {w['size']} |",
            "|---|---|",
            *(f"| `{name}` | {size / 1e6:.2f} MB |" for size, name in heaviest),
        ]
        out[lang] = "\n".join(rows) + "\n"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/ alone")
    args = parser.parse_args()
    if not (ROOT / "site" / "runtime").is_dir():
        raise SystemExit("site/ is not built: run `make build` first (make bench does)")
    work = Path(tempfile.mkdtemp(prefix="kenniskring-bench-"))
    try:
        shutil.copytree(ROOT / "site", work / "site")
        (work / "site" / PUBLISHED).mkdir()
        for name in PYODIDE_FILES:
            shutil.copy2(PYODIDE_DIR / name, work / "site" / PUBLISHED / name)
        (work / "site" / "floor.html").write_text(FLOOR.replace("__DIR__", PUBLISHED), encoding="utf-8")
        (work / "site" / "floor-site.html").write_text(FLOOR.replace("__DIR__", "runtime/pyodide"), encoding="utf-8")
        (work / "site" / "pyscript.html").write_text(PYSCRIPT_FLOOR, encoding="utf-8")
        files = {}
        for n in sorted({*SIZES, *(size - 1 for size in SIZES)}):
            files[n] = work / f"people-{n}.json"
            files[n].write_text(dumps(people(n)), encoding="utf-8")
        server = start(work / "site")
        base = f"http://127.0.0.1:{server.server_port}/"
        timings: dict[str, list[float]] = defaultdict(list)
        sizes: dict[str, int] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            urls = {
                "floor": base + "floor.html",
                "lib": base + "floor-site.html",
                "pyscript": base + "pyscript.html",
                "tool": base + "tool/",
                "copy": (work / "site" / OFFLINE_PATH).as_uri(),
            }
            for r in range(args.rounds):
                kinds = ("floor", "lib", "pyscript", "tool", "copy")
                for kind in kinds if r % 2 == 0 else kinds[::-1]:
                    one_round(browser, base, urls[kind], kind, files, timings, sizes)
                print(f"round {r + 1}/{args.rounds} done", file=sys.stderr, flush=True)
            redraw = redraws(browser, base, files, args.rounds)
            browser.close()
        server.shutdown()
        out = tables(timings, redraw, sizes, args.rounds)
        print(out["en"])
        print(json.dumps({k: [round(x, 4) for x in v] for k, v in timings.items()}), file=sys.stderr)
        if not args.no_write:
            OUT.mkdir(parents=True, exist_ok=True)
            for lang, text in out.items():
                (OUT / f"bench.{lang}.md").write_text(text, encoding="utf-8")
            print(f"written: {OUT.relative_to(ROOT)}/bench.{{nl,en}}.md", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
