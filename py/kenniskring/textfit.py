"""Fit a name on a note: wrap it onto lines and shrink its font, measured with the served font.

Pure: widths come from ``fontmetrics`` (Atkinson Hyperlegible's own advance widths, the font the
site serves and the pictures name first), so the same name wraps the same way in every browser,
in the ``kenniskring`` command and in the tests. A character the font does not have (CJK, emoji,
other scripts) is drawn by the browser's fallback font; it is measured wide on purpose, so a
line with it never runs off the note.

``fit_name`` tries the sizes from large to small, each with as many lines as the box holds at that
size; first without breaking inside a word (lines break at spaces and after hyphens and slashes),
then, only if no size fits that way, also inside a word. Only when nothing fits at the smallest
size is the name cut, with "…" at the end of its last line (the note's title and the table under
the map still hold the whole name).
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Sequence

from . import fontmetrics
from .values import frozen

ELLIPSIS = "…"
# Line pitch as a share of the font size, and the part of a line above and below its baseline
# that a name's glyphs use (capitals with accents; descenders and brackets).
LEADING = 1.12
ABOVE = 0.74
BELOW = 0.24
# Characters the font lacks: an East Asian wide letter or an emoji is about an em wide in any
# fallback font; anything else is taken as wide as the font's widest usual letters.
WIDE_FALLBACK = 1.2
FALLBACK = 0.8
BREAK_AFTER = frozenset("-/‐‑–—")


def _parse(pairs: str) -> dict[str, float]:
    table: dict[str, float] = {}
    for pair in pairs.split():
        code, advance = pair.split(":")
        table[chr(int(code, 16))] = int(advance) / fontmetrics.UNITS_PER_EM
    return table


REGULAR = _parse(fontmetrics._REGULAR)
BOLD = _parse(fontmetrics._BOLD)


@frozen
class Fitted:
    """A name as drawn: its lines (without the spaces it was broken at), the font size, and
    whether the name had to be cut (then the last line ends in "…")."""

    lines: tuple[str, ...]
    size: float
    cut: bool


def _fallback(ch: str) -> float:
    if unicodedata.category(ch) in ("Mn", "Me", "Cf") or ch in "\u200d\ufe0e\ufe0f":
        return 0.0  # combining marks, joiners and selectors add no width of their own
    if unicodedata.east_asian_width(ch) in ("W", "F") or ord(ch) >= 0x1F000:
        return WIDE_FALLBACK
    return FALLBACK


@functools.lru_cache(maxsize=2048)
def _fallback_width(ch: str) -> float:
    return _fallback(ch)


def em_width(text: str, bold: bool = True) -> float:
    """The advance of ``text`` in ems (no kerning: kerning only narrows this font's pairs)."""
    table = BOLD if bold else REGULAR
    total = 0.0
    for ch in text:
        w = table.get(ch)
        total += _fallback_width(ch) if w is None else w
    return total


def width(text: str, size: float, bold: bool = True) -> float:
    return em_width(text, bold) * size


def lines_in(height: float, size: float) -> int:
    """How many lines of ``size`` fit in a box ``height`` high."""
    if height == math.inf:
        return 1_000_000
    return max(0, 1 + math.floor((height - (ABOVE + BELOW) * size) / (LEADING * size) + 1e-9))


def block_height(lines: int, size: float) -> float:
    return (ABOVE + BELOW + LEADING * (lines - 1)) * size if lines else 0.0


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The name cut where a line may break: (piece, whether a space follows it). A piece that ends
    in a hyphen or slash may be followed by the next piece on the same line or the next line."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split(" "):
        start = 0
        for i, ch in enumerate(word):
            if ch in BREAK_AFTER and 0 < i < len(word) - 1:
                pieces.append((word[start : i + 1], False))
                start = i + 1
        pieces.append((word[start:], True))
    return pieces


def _clusters(word: str) -> list[str]:
    """A word's characters, a combining mark or joiner kept with the character before it."""
    out: list[str] = []
    join_next = False
    for ch in word:
        if out and (join_next or unicodedata.category(ch) in ("Mn", "Me") or ch in "\u200d\ufe0e\ufe0f"):
            out[-1] += ch
        else:
            out.append(ch)
        join_next = ch == "\u200d"
    return out


def _wrap(pieces: list[tuple[str, float, bool]], limit: float, bold: bool, split_words: bool) -> list[str] | None:
    """Greedy lines of at most ``limit`` ems; None if a piece is too long and words stay whole."""
    lines: list[str] = []
    line = ""
    gap = False  # the line so far ends where the name had a space
    space = em_width(" ", bold)
    line_w = 0.0
    for piece, w, space_after in pieces:
        joined = line_w + (space if gap else 0.0) + w
        if line and joined <= limit:
            line += (" " if gap else "") + piece
            line_w = joined
        elif w <= limit:
            if line:
                lines.append(line)
            line, line_w = piece, w
        elif not split_words:
            return None
        else:
            if line:
                lines.append(line)  # a word too long for any line starts on a line of its own
            line, line_w = "", 0.0
            for cluster in _clusters(piece):
                cw = em_width(cluster, bold)
                if line and line_w + cw > limit:
                    lines.append(line)
                    line, line_w = "", 0.0
                line += cluster
                line_w += cw
        gap = space_after
    if line:
        lines.append(line)
    return lines


def _cut(lines: list[str], count: int, limit: float, bold: bool) -> tuple[str, ...]:
    """The first ``count`` lines, the last ending in "…" within the limit."""
    kept = lines[:count]
    last = kept[-1] if kept else ""
    clusters = _clusters(last)
    while clusters and em_width("".join(clusters).rstrip() + ELLIPSIS, bold) > limit:
        clusters.pop()
    kept[-1:] = ["".join(clusters).rstrip() + ELLIPSIS]
    return tuple(kept)


def fit_name(
    name: str,
    max_width: float,
    max_lines: int,
    sizes: Sequence[float],
    *,
    height: float = math.inf,
    bold: bool = True,
) -> Fitted:
    """The largest size (from ``sizes``) at which ``name`` fits in ``max_lines`` lines of
    ``max_width`` and in ``height``; words are broken only if no size fits without."""
    text = " ".join(name.split())
    ordered = sorted(sizes, reverse=True)
    if not text or not ordered:
        return Fitted((text,) if text else (), ordered[0] if ordered else 0.0, False)
    pieces = [(piece, em_width(piece, bold), space_after) for piece, space_after in _pieces(text)]
    longest = max(w for _, w, _ in pieces)
    total, space = em_width(text, bold), em_width(" ", bold)
    for split_words in (False, True):
        for size in ordered:
            allowed = min(max_lines, lines_in(height, size))
            if allowed < 1 or (not split_words and longest * size > max_width):
                continue
            if (total - (allowed - 1) * space) * size > allowed * max_width:
                continue  # more text than the lines can hold, however it breaks
            lines = _wrap(pieces, max_width / size, bold, split_words)
            if lines is not None and len(lines) <= allowed:
                return Fitted(tuple(lines), size, False)
    smallest = ordered[-1]
    allowed = max(1, min(max_lines, lines_in(height, smallest)))
    lines = _wrap(pieces, max_width / smallest, bold, True) or [text]
    return Fitted(_cut(lines, allowed, max_width / smallest, bold), smallest, True)


def joined(fitted: Fitted, name: str) -> list[str]:
    """Each line as it goes into the picture: a line that ended at a space of the name gets that
    space back, so the picture's text reads as the name (copied, searched) and still measures as
    the line."""
    text = " ".join(name.split())
    out: list[str] = []
    at = 0
    for line in fitted.lines[:-1]:  # the lines before the last are the name's own, cut or not
        at += len(line)
        if text[at : at + 1] == " ":
            out.append(line + " ")
            at += 1
        else:
            out.append(line)
    return [*out, *fitted.lines[-1:]]
