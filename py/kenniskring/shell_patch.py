"""Carrying out a keyed patch on the page: the map's notes and parts, the table's rows (``keyed``
decides what changes; this only touches the DOM)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from pyscript import document, window

from .keyed import Piece, keyed_patch

SVG_NS = "http://www.w3.org/2000/svg"


def parsed(markups: Sequence[str], svg: bool) -> list[Any]:
    """The elements of these pieces of markup, made in one parse (SVG inside an ``<svg>``, so the
    parser makes SVG elements; table rows as they are: a template takes them)."""
    template = document.createElement("template")
    joined = "".join(markups)
    template.innerHTML = f'<svg xmlns="{SVG_NS}">{joined}</svg>' if svg else joined
    holder = template.content.firstElementChild if svg else template.content
    return list(holder.children)


def patch_children(holder: Any, old: Sequence[Piece], new: Sequence[Piece], svg: bool, stale: Collection[str] = ()) -> bool:
    """Make the children of ``holder`` (which shows ``old``) the pieces of ``new``; False, with
    nothing done, when making it all again is the better way (then the caller does)."""
    if not holder or int(holder.childElementCount) != len(old):  # not holder: JavaScript's null (jsnull)
        return False
    patch = keyed_patch(old, new, stale)
    if patch is None:
        return False
    children = holder.children
    for i in patch.removals:
        children.item(i).remove()
    made = parsed([markup for _, markup in patch.insertions], svg) if patch.insertions else []
    for (j, _), element in zip(patch.insertions, made, strict=True):
        holder.insertBefore(element, children.item(j))  # at the end when there is no j-th child
    return True


def focused_control(holder: Any, same_value: bool = False) -> str | None:
    """A selector that finds the control in ``holder`` that has the focus (a note, a row's button,
    a box of step 4) again once it is made anew: by its ``data-id``, and by its value too if
    ``same_value``; None when nothing in ``holder`` with a ``data-id`` has the focus."""
    focused = document.activeElement
    key = focused.getAttribute("data-id") if focused and holder.contains(focused) else None
    if not key:  # a missing attribute is jsnull, which is falsy
        return None
    selector = f'[data-id="{window.CSS.escape(str(key))}"]'
    value = focused.getAttribute("value") if same_value else None
    return selector + f'[value="{window.CSS.escape(str(value))}"]' if value else selector


def focus_again(holder: Any, selector: str | None) -> None:
    """Give the focus back to the control ``focused_control`` found (made again while it had the
    focus); nothing when it is gone (its person was removed) or the focus is still in ``holder``."""
    if selector is None or holder.contains(document.activeElement):
        return
    again = holder.querySelector(selector)
    if again:  # querySelector's "none" is jsnull, not None
        again.focus()


def fill_keeping_focus(holder: Any, html: str, same_value: bool = False) -> None:
    """Replace what ``holder`` shows; a control in it that had the focus keeps it (``focused_control``)."""
    selector = focused_control(holder, same_value)
    holder.innerHTML = html
    focus_again(holder, selector)


def patch_keeping_focus(
    holder: Any, old: Sequence[Piece] | None, new: Sequence[Piece], svg: bool, stale: Collection[str] = ()
) -> None:
    """Show ``new`` in ``holder``: patched from ``old`` where that works (``patch_children``), made
    whole otherwise (also when ``old`` is None: nothing drawn yet); the control that had the focus
    keeps it either way."""
    selector = focused_control(holder)
    if old is None or not patch_children(holder, old, new, svg, stale):
        holder.innerHTML = "".join(markup for _, markup in new)
    focus_again(holder, selector)
