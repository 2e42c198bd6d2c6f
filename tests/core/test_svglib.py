"""svgwrite comes in without its validation grammar, which still works when a drawing asks for it."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_drawing_a_map_does_not_build_svgwrites_validation_grammar() -> None:
    probe = (
        "import sys; from kenniskring.render import render; from kenniskring.model import NetworkMap; "
        "render(NetworkMap(change='x'), 'nl'); "
        "print(getattr(sys.modules['svgwrite.data.svgparser'], 'stand_in', False))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_a_debug_drawing_still_checks_a_transform_with_the_real_grammar() -> None:
    from kenniskring.svglib import svgwrite

    checked = svgwrite.Drawing(debug=True)
    assert "rotate(30)" in checked.rect(insert=(0, 0), size=(1, 1), transform="rotate(30)").tostring()
    with pytest.raises(TypeError, match="not a valid value for attribute 'transform'"):
        checked.rect(insert=(0, 0), size=(1, 1), transform="rotate(ten)")
    assert not getattr(sys.modules["svgwrite.data.svgparser"], "stand_in", False)  # the real one now


def test_svgwrite_comes_without_urllib_which_stays_the_real_module_for_everyone_else() -> None:
    probe = (
        "import sys; import kenniskring.svglib; "
        "print('urllib.request' in sys.modules); "
        "import urllib.request; print(hasattr(urllib.request, 'Request')); "
        "import svgwrite.container; print(svgwrite.container.urlopen.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "urlopen"]
