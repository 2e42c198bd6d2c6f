"""svgwrite, imported without what our drawings never use.

Two parts of every ``import svgwrite`` took about a third of the app's import on the tool page:
- ``svgwrite.data.svgparser`` compiles the regular expressions that check path data, transform
  lists and animation timing; only a drawing made with ``debug=True`` uses them (ours are made
  with ``debug=False``);
- ``svgwrite.container`` imports ``urllib.request`` (and with it http, email and ssl) for
  ``urlopen``, used only to embed a font fetched from a URL, which we never do.

So stand-ins take their place while svgwrite is imported. Each function of a stand-in imports the
real module the first time it is called and then works exactly as the real one. The grammar's
stand-in stays registered until then; urllib's is removed right after svgwrite's import, so any
other ``import urllib.request`` gets the real module.

Import svgwrite and its elements from here (``from .svglib import Group, svgwrite``), never directly.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any

GRAMMAR = "svgwrite.data.svgparser"
URLLIB = "urllib.request"
STAND_INS = {
    GRAMMAR: ("is_valid_transferlist", "is_valid_pathdata", "is_valid_animation_timing"),
    URLLIB: ("urlopen",),
}


def _real(module_name: str) -> types.ModuleType:
    """The real module, imported the first time one of its stand-in's functions is called."""
    if getattr(sys.modules.get(module_name), "stand_in", False):
        del sys.modules[module_name]
    return importlib.import_module(module_name)


def _deferred(module_name: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real(module_name), name)(*args, **kwargs)

    call.__name__ = name
    return call


def _stand_in(module_name: str) -> types.ModuleType:
    module = types.ModuleType(module_name, f"Stands in for {module_name} until it is used (kenniskring.svglib).")
    module.stand_in = True  # type: ignore[attr-defined]
    module.__all__ = list(STAND_INS[module_name])  # type: ignore[attr-defined]
    for name in STAND_INS[module_name]:
        setattr(module, name, _deferred(module_name, name))
    return module


if "svgwrite" not in sys.modules:
    placed = [name for name in STAND_INS if name not in sys.modules]
    for name in placed:
        sys.modules[name] = _stand_in(name)
    try:
        import svgwrite
    finally:
        if URLLIB in placed and getattr(sys.modules.get(URLLIB), "stand_in", False):
            del sys.modules[URLLIB]

import svgwrite  # noqa: E402
from svgwrite.base import Desc, Title  # noqa: E402
from svgwrite.container import Group  # noqa: E402

__all__ = ["Desc", "Group", "Title", "svgwrite"]
