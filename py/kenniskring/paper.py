"""The poster on paper: how large the map prints on A4 or A3, and so how large its names can be.

Pure arithmetic on the picture's size. The first page of a poster is the map as a square at the
page's full height, with the title, the legend and what stands out beside it; the rest flows onto
the pages after it (``poster.print_html``, the print style in docs/assets/kenniskring.css). So the
scale of the map is the page's height over the picture's width, and a name that must print at
7 pt or more must be at least that many picture units high: the names on paper are fitted with
sizes from there upwards (``name_sizes_for``). A name that does not fit whole at those sizes is cut on
the map; the list of people at the end of the poster always has it whole.
"""

from __future__ import annotations

import math
from enum import Enum

from .layout import picture_layout
from .model import NetworkMap, View, view_map
from .render import NAME_SIZES, note_name_fit, picture_size
from .values import frozen

MM_PER_PT = 25.4 / 72
MIN_PT = 7.0  # the smallest name a poster prints
MARGIN_MM = 10.0  # every page's margin (the @page rules in the print style)
SPARE_MM = 4.0  # left free under the map, so the first page never overflows onto a second
# The largest name size a note holds on one line (its room for a name is 40 units high).
LARGEST_NAME = 24.0


class Paper(Enum):
    A4 = "a4"
    A3 = "a3"


# Landscape: width and height in millimetres.
SHEET_MM: dict[Paper, tuple[float, float]] = {Paper.A4: (297.0, 210.0), Paper.A3: (420.0, 297.0)}


def map_side_mm(paper: Paper) -> float:
    """The map's square on the first page: the page's height inside its margins, less a little
    to spare (the print style's .kk-poster-map)."""
    return SHEET_MM[paper][1] - 2 * MARGIN_MM - SPARE_MM


@frozen
class PrintPlan:
    """How a map prints on one paper: millimetres per picture unit, the name sizes (picture units)
    that print at 7 pt or more, the smallest name as printed (pt), and how many names the map cuts."""

    paper: Paper
    mm_per_unit: float
    name_sizes: tuple[float, ...]
    smallest_pt: float
    cut: int

    @property
    def readable(self) -> bool:
        """Every name on the map prints at 7 pt or more and whole."""
        return self.smallest_pt >= MIN_PT - 1e-9 and self.cut == 0


def name_sizes_for(mm_per_unit: float) -> tuple[float, ...]:
    """The sizes a name may take on paper at this scale: those of the screen that print at 7 pt or
    more, down to the size that prints at 7 pt (rounded up to a half unit); at most the largest
    size a line of the note holds."""
    floor = math.ceil(MIN_PT * MM_PER_PT / mm_per_unit * 2 - 1e-9) / 2
    if floor <= min(NAME_SIZES):
        return NAME_SIZES
    return (*(s for s in NAME_SIZES if s > floor), min(floor, LARGEST_NAME))


def print_plan(m: NetworkMap, view: View, paper: Paper) -> PrintPlan:
    g = picture_layout(m, view)
    width, _ = picture_size(m, view, g, legend=False)
    scale = map_side_mm(paper) / width
    sizes = name_sizes_for(scale)
    fits = [note_name_fit(c, sizes) for c in view_map(m, view).contacts]
    smallest = min((f.size for f in fits), default=max(sizes))
    return PrintPlan(paper, scale, sizes, smallest * scale / MM_PER_PT, sum(1 for f in fits if f.cut))
