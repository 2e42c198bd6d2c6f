"""A long page session: many edits through the page's own controls, and what they cost over time.

One tool page, one map of ``--people`` people, then ``--edits`` edits the way a person makes them,
in cycles of seven: add a person (form), move them to another ring (drag on the map), rename them
(edit in the table), go to another step, and undo the three edits (button), so the map keeps its
size and each redraw does the same work. After a first warm-up cycle and at the end, garbage is
collected in both worlds (``HeapProfiler.collectGarbage`` via CDP, and Python's ``gc.collect()``
runs inside Pyodide on its own schedule; the wasm memory only ever grows, so its size is the high
water mark) and measured:

- JS heap: ``Performance.getMetrics`` → ``JSHeapUsedSize``;
- Python's memory: the byte length of the page's ``WebAssembly.Memory`` (found with CDP's
  ``Runtime.queryObjects``, so the page needs no hook for it);
- redraw: the page's own ``kk-redraw`` measure after each edit; median of the first hundred redraws
  against the last hundred.

``make bench`` runs it with 1,000 edits; tests/browser/test_soak.py with 200 and generous limits.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, ViewportSize, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from kenniskring.fileformat import dumps  # noqa: E402
from kenniskring.model import Contact, KnowledgeForm, NetworkMap, PersonKind, Ring  # noqa: E402

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.serve import start  # noqa: E402

TIMEOUT_MS = 60_000
RINGS = ("wekelijks", "minstens maandelijks", "minder dan maandelijks")
RING_CLASSES = ("kk-ring-weekly", "kk-ring-monthly", "kk-ring-less_often")
VIEWPORT: ViewportSize = {"width": 1400, "height": 1400}  # the whole map in view, so a drag lands where it aims
STEPS = ("Mensen en ringen", "Wie zijn het?", "Welke kennis?", "Reflecteren")


@dataclass(frozen=True)
class Soak:
    edits: int
    seconds: float
    heap_before: float  # bytes, after the warm-up cycle and a collection
    heap_after: float
    wasm_before: float
    wasm_after: float
    redraws: tuple[float, ...]  # ms, in order
    listeners: tuple[int, int]  # before, after
    nodes: tuple[int, int]

    @property
    def heap_growth_mb(self) -> float:
        return (self.heap_after - self.heap_before) / 2**20

    @property
    def wasm_growth_mb(self) -> float:
        return (self.wasm_after - self.wasm_before) / 2**20

    def window(self, first: bool, size: int = 100) -> float:
        part = self.redraws[:size] if first else self.redraws[-size:]
        return statistics.median(part)

    @property
    def redraw_ratio(self) -> float:
        """Median of the last hundred redraws over the first hundred (1.0: as fast)."""
        size = min(100, len(self.redraws) // 2)
        return self.window(False, size) / self.window(True, size)

    def line(self) -> str:
        size = min(100, len(self.redraws) // 2)
        return (
            f"soak: {self.edits} edits in {self.seconds:.0f} s; JS heap {self.heap_before / 2**20:.1f} → "
            f"{self.heap_after / 2**20:.1f} MB ({self.heap_growth_mb:+.1f} MB, limit +20); wasm memory "
            f"{self.wasm_before / 2**20:.1f} → {self.wasm_after / 2**20:.1f} MB ({self.wasm_growth_mb:+.1f} MB, "
            f"limit +32); redraw first {size} {self.window(True, size):.1f} ms, last {size} "
            f"{self.window(False, size):.1f} ms (×{self.redraw_ratio:.2f}, limit 1.20); event listeners "
            f"{self.listeners[0]} → {self.listeners[1]}, DOM nodes {self.nodes[0]} → {self.nodes[1]}"
        )


def people(n: int) -> NetworkMap:
    rings, kinds, forms = list(Ring), list(PersonKind), list(KnowledgeForm)
    contacts = tuple(
        Contact(f"c{i}", f"Persoon {i}", rings[i % 3], kinds[(i // 3) % 3], None, (forms[i % 3],), "") for i in range(n)
    )
    return NetworkMap(change="Lange sessie", contacts=contacts)


class Meter:
    """JS heap and wasm memory of one page, through the DevTools protocol."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Performance.enable")

    def collect(self) -> None:
        for _ in range(2):
            self.cdp.send("HeapProfiler.collectGarbage")

    def metric(self, name: str) -> float:
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return float(next(m["value"] for m in metrics if m["name"] == name))

    def heap(self) -> float:
        return self.metric("JSHeapUsedSize")

    def listeners(self) -> int:
        """Event listeners alive on the page: one made per redraw would add up here."""
        return int(self.metric("JSEventListeners"))

    def nodes(self) -> int:
        """DOM nodes alive (those are not in the JS heap): a kept old picture would add up here."""
        return int(self.metric("Nodes"))

    def wasm(self) -> float:
        return float(self.page.evaluate("Math.max(0, ...(globalThis.__kkMemories || []).map(m => m.buffer.byteLength))"))


# Before any page script: remember every WebAssembly.Memory made or exported, so the wasm memory can
# be read without a hook in the page (CDP's Runtime.queryObjects stalls on a heap this size).
WATCH_MEMORY = """(() => {
  const seen = globalThis.__kkMemories = [];
  const keep = (instance) => {
    for (const value of Object.values(instance.exports || {})) if (value instanceof WebAssembly.Memory) seen.push(value);
  };
  const Memory = WebAssembly.Memory;
  WebAssembly.Memory = function (...args) { const m = new Memory(...args); seen.push(m); return m; };
  WebAssembly.Memory.prototype = Memory.prototype;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      keep(result.instance || result);
      return result;
    };
  }
})();"""


def drag_sideways(page: Page, note: Any, outer: Any, inner: Any, steps: int = 4) -> None:
    """Drag a note with the mouse into the middle of the band between the circles ``inner`` and
    ``outer``, sideways towards the left at the note's own height (where the band reaches it; else
    at the height of the centre). The note may sit anywhere (its id places it): it is scrolled
    into view first. The browser tests drag the same way."""
    note.scroll_into_view_if_needed()
    source, out, into = note.bounding_box(), outer.bounding_box(), inner.bounding_box()
    assert source and out and into
    x, y = source["x"] + source["width"] / 2, source["y"] + source["height"] / 2
    cx, cy = out["x"] + out["width"] / 2, out["y"] + out["height"] / 2
    middle = (out["width"] + into["width"]) / 4  # the middle of the band, from the centre
    dy = y - cy if abs(y - cy) < middle else 0.0
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(cx - math.sqrt(middle**2 - dy**2), cy + dy, steps=steps)
    page.mouse.up()


class Session:
    """The page's controls, found by role and label as a person finds them."""

    def __init__(self, page: Page, base_people: int) -> None:
        self.page = page
        self.n = base_people
        self.redraws: list[float] = []
        self.done = 0
        self.step = 0
        self.progress = False

    def nodes(self) -> Any:
        return self.page.get_by_role("img", name=re.compile("Netwerkkaart")).locator(".kk-node")

    def node(self, name: str) -> Any:
        return self.nodes().filter(has=self.page.get_by_text(name, exact=True))

    def redrawn(self) -> None:
        self.redraws.append(float(self.page.evaluate("performance.getEntriesByName('kk-redraw').at(-1).duration")))
        self.done += 1
        if self.progress and self.done % 50 == 0:
            print(f"soak: {self.done} edits", file=sys.stderr, flush=True)

    def add(self, name: str) -> None:
        page = self.page
        page.get_by_label("Naam", exact=True).fill(name)
        page.get_by_role("radio", name=RINGS[0], exact=True).check()
        page.get_by_role("radio", name="collega eigen team", exact=True).check()
        page.get_by_role("checkbox", name="ervaringskennis", exact=True).check()
        page.get_by_role("button", name="Toevoegen", exact=True).click()
        expect(self.nodes()).to_have_count(self.n + 1, timeout=TIMEOUT_MS)
        self.redrawn()

    def move(self, name: str) -> None:
        """Drag the person from the inner ring sideways into the middle band (a person sits wherever
        their id puts them: the note is scrolled into view first, the drop is at its own height)."""
        picture = self.page.get_by_role("img", name=re.compile("Netwerkkaart"))
        drag_sideways(
            self.page, self.node(name), picture.locator(f"circle.{RING_CLASSES[1]}"), picture.locator(f"circle.{RING_CLASSES[0]}")
        )
        expect(self.node(name)).to_have_attribute("data-ring", "monthly", timeout=TIMEOUT_MS)
        self.redrawn()

    def rename(self, name: str, new: str) -> None:
        page = self.page
        page.get_by_role("button", name=f"{name} bewerken").click()
        page.get_by_label("Naam", exact=True).fill(new)
        page.get_by_role("button", name="Wijzigingen opslaan").click()
        expect(self.node(new)).to_have_count(1, timeout=TIMEOUT_MS)
        self.redrawn()

    def next_step(self) -> None:
        self.step = (self.step + 1) % len(STEPS)
        title = STEPS[self.step]
        self.page.get_by_role("navigation", name="Stappen van de reflectie").get_by_role("button", name=title).click()
        expect(self.page.get_by_role("heading", name=re.compile(f"Stap \\d van 6: {title}"))).to_be_focused()
        self.done += 1

    def visit_every_step(self) -> None:
        """Each step once, then back to where the session is: what a step draws the first time is
        then in the page before the first measure, so only growth after that counts."""
        steps = self.page.get_by_role("navigation", name="Stappen van de reflectie")
        for title in (*STEPS, STEPS[self.step]):
            steps.get_by_role("button", name=title).click()
            expect(self.page.get_by_role("heading", name=re.compile(f"Stap \\d van 6: {title}"))).to_be_focused()

    def undo(self, check: Any) -> None:
        self.page.get_by_role("button", name="Ongedaan maken").click()
        check()
        self.redrawn()

    def cycle(self, i: int, limit: int) -> None:
        name, new = f"Soak {i}", f"Soak {i} b"
        acts: list[Callable[[], None]] = [
            lambda: self.add(name),
            lambda: self.move(name),
            lambda: self.rename(name, new),
            self.next_step,
            lambda: self.undo(lambda: expect(self.node(name)).to_have_count(1, timeout=TIMEOUT_MS)),
            lambda: self.undo(lambda: expect(self.node(name)).to_have_attribute("data-ring", "weekly", timeout=TIMEOUT_MS)),
            lambda: self.undo(lambda: expect(self.nodes()).to_have_count(self.n, timeout=TIMEOUT_MS)),
        ]
        for act in acts:
            if self.done >= limit:
                return
            act()


def soak(page: Page, tool_url: str, map_file: Path, base_people: int, edits: int, progress: bool = False) -> Soak:
    """Open the tool, open the map, make ``edits`` edits; the figures (the page stays open)."""
    page.add_init_script(WATCH_MEMORY)
    page.set_viewport_size(VIEWPORT)
    page.goto(tool_url)
    expect(page.get_by_role("button", name="Open een bestand (.json of .svg)")).to_be_enabled(timeout=TIMEOUT_MS)
    page.locator("#kk-import").set_input_files(str(map_file))
    session = Session(page, base_people)
    session.progress = progress
    expect(session.nodes()).to_have_count(base_people, timeout=TIMEOUT_MS)
    page.get_by_role("navigation", name="Stappen van de reflectie").get_by_role("button", name=STEPS[0]).click()
    meter = Meter(page)
    session.cycle(-1, 7)  # warm-up: every path run once before the first measure
    session.visit_every_step()  # and every step's panels drawn once (the passes of steps 3 and 4 stay in the page)
    session.redraws.clear()
    session.done = 0
    meter.collect()
    heap_before, wasm_before = meter.heap(), meter.wasm()
    listeners, nodes = meter.listeners(), meter.nodes()
    started = time.perf_counter()
    i = 0
    while session.done < edits:
        session.cycle(i, edits)
        i += 1
    seconds = time.perf_counter() - started
    meter.collect()
    return Soak(
        edits,
        seconds,
        heap_before,
        meter.heap(),
        wasm_before,
        meter.wasm(),
        tuple(session.redraws),
        (listeners, meter.listeners()),
        (nodes, meter.nodes()),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--people", type=int, default=50)
    args = parser.parse_args()
    if not (ROOT / "site" / "runtime").is_dir():
        raise SystemExit("site/ is not built: run `make build` first (make bench does)")
    work = Path(tempfile.mkdtemp(prefix="kenniskring-soak-"))
    try:
        map_file = work / "map.json"
        map_file.write_text(dumps(people(args.people)), encoding="utf-8")
        server = start(ROOT / "site")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport=VIEWPORT, service_workers="block")
            result = soak(ctx.new_page(), f"http://127.0.0.1:{server.server_port}/tool/", map_file, args.people, args.edits, True)
            browser.close()
        server.shutdown()
        print(result.line())
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
