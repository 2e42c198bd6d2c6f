"""What a key means on the tool page: on a note of the map, and for Ctrl+Z in a field.

The shell passes what the browser tells it (the key's name, the focused element's tag, type and
value); these functions say what that means, so the rules are tested without a browser.
"""

from __future__ import annotations

from typing import Literal

NoteKey = Literal["open", "inwards", "outwards"]

# Keys on a focused note: Enter or Space opens the person's form; up or + moves them one ring in
# (closer to the team), down or - one ring out. Left and right are left to the browser.
NOTE_KEYS: dict[str, NoteKey] = {
    "Enter": "open",
    " ": "open",
    "ArrowUp": "inwards",
    "+": "inwards",
    "=": "inwards",  # + without shift on most keyboards
    "ArrowDown": "outwards",
    "-": "outwards",
    "_": "outwards",
}

# Inputs whose text the browser can undo itself; any other control (a checkbox, a radio button, a
# list, a button) has no undo of its own.
TEXT_INPUTS = frozenset({"text", "search", "url", "tel", "email", "password", "number", "date"})


def note_key(key: str, ctrl: bool = False, alt: bool = False) -> NoteKey | None:
    """What ``key`` does on a focused note, or None (the browser's own)."""
    if ctrl or alt:
        return None
    return NOTE_KEYS.get(key)


def field_has_own_undo(tag: str, input_type: str, value: str, value_at_focus: str | None) -> bool:
    """Whether Ctrl+Z belongs to the focused field (its own typing) rather than to the map: only a
    text field that was typed in since it got focus has something of its own to undo. So right
    after adding a person (the name field focused and empty again) Ctrl+Z undoes the addition."""
    tag = tag.lower()
    if tag == "textarea" or (tag == "input" and input_type.lower() in TEXT_INPUTS):
        return value_at_focus is None or value != value_at_focus
    return False


PageKey = Literal["present", "leave", "previous", "next"]


def page_key(key: str, ctrl: bool, alt: bool, in_field: bool, presenting: bool) -> PageKey | None:
    """What a key pressed anywhere on the tool page does, or None: "P" starts presenting the map
    (not while typing in a field), Esc leaves it; while presenting, left/right and Page Up/Down go
    to the previous or next step. Ctrl+Z is ``field_has_own_undo``'s."""
    if ctrl or alt:
        return None
    if presenting and key == "Escape":
        return "leave"
    if in_field:
        return None
    if key in ("p", "P"):
        return "leave" if presenting else "present"
    if presenting and key in ("ArrowLeft", "PageUp"):
        return "previous"
    if presenting and key in ("ArrowRight", "PageDown"):
        return "next"
    return None


# The site's own single-key shortcuts (MkDocs Material: p and , previous page, n and . next page,
# s, f and / search), which it takes from any element that is not a text field: a map note too.
SITE_SHORTCUTS = frozenset({"p", "P", ",", "n", "N", ".", "s", "S", "f", "F", "/"})


def kept_from_site(key: str, ctrl: bool, alt: bool, in_tool: bool, ours: bool = False) -> bool:
    """Whether a key must not reach the site's shortcuts: pressed inside the tool (on a note, "n"
    is not "next page"), or ``ours``, a key the tool page itself uses (``page_key``): "p" with
    nothing focused presents the map instead of going to the previous page."""
    return ours or (in_tool and not ctrl and not alt and key in SITE_SHORTCUTS)
