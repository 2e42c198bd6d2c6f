"""Fitting a name on a note (textfit): wrap, shrink, and cut only beyond the smallest size."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kenniskring import textfit
from kenniskring.model import MAX_NAME
from kenniskring.textfit import ELLIPSIS, Fitted, fit_name, joined, lines_in, width

SIZES = (13.5, 13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5)
WIDTH = 93.0
HEIGHT = 24.0
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fit(name: str, lines: int = 2) -> Fitted:
    return fit_name(name, WIDTH, lines, SIZES, height=HEIGHT)


def letters(name: str) -> str:
    return "".join(name.split())


def generated_names() -> list[str]:
    """Names of 1 to 80 characters of every shape: single long words, many short words, accents,
    hyphens and slashes, CJK and emoji (drawn by a fallback font)."""
    rng = random.Random(14)
    alphabets = [
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "éèëêüöïçñøåßÉÖŁŚŽőűąę",
        "数据科学家王小明教授",
        "😀🎓👩‍🔬🧑🏽‍🏫",
        "()-/.,'",
        "WMWMwmwm",
        "iljIl1.",
    ]
    names = []
    for length in range(1, MAX_NAME + 1):
        for shape in range(6):
            chars = "".join(rng.choice(alphabets)[0:] for _ in range(3))
            if shape == 0:  # one long word
                name = "".join(rng.choice(chars) for _ in range(length))
            elif shape == 1:  # many short words
                name = " ".join("".join(rng.choice(chars) for _ in range(rng.randint(1, 3))) for _ in range(length))
            elif shape == 2:
                name = "-".join("".join(rng.choice(chars) for _ in range(rng.randint(2, 8))) for _ in range(length))
            elif shape == 3:
                name = " ".join(
                    rng.choice(["Marieke", "van", "der", "Berg", "(docent)", "ICT-coördinator", "lector/onderzoeker"])
                    for _ in range(length)
                )
            elif shape == 4:
                name = "W" * length
            else:
                name = "".join(rng.choice("".join(alphabets)) for _ in range(length))
            names.append(" ".join(name.split())[:length] or "x")
    return names


NAMES = generated_names()


@pytest.mark.parametrize("name", NAMES[::3] + NAMES[1::3] + NAMES[2::3])
def test_every_character_is_there_unless_cut_and_every_line_fits(name: str) -> None:
    f = fit(name)
    assert 1 <= len(f.lines) <= 2
    assert min(SIZES) <= f.size <= max(SIZES)
    for line in f.lines:
        assert width(line, f.size) <= WIDTH + 1e-9, (name, f)
    if f.cut:
        assert f.size == min(SIZES) and f.lines[-1].endswith(ELLIPSIS)
        shown = letters("".join(f.lines))[:-1]
        assert letters(name).startswith(shown) and len(shown) < len(letters(name))
    else:
        assert letters("".join(f.lines)) == letters(name)
        assert "".join(joined(f, name)) == " ".join(name.split())


def test_a_name_is_cut_only_when_it_does_not_fit_at_the_smallest_size() -> None:
    for name in NAMES:
        f = fit(name)
        if f.cut:
            # At the smallest size, with all the lines it wants, it takes more than two.
            free = fit_name(name, WIDTH, 99, (min(SIZES),))
            assert not free.cut and len(free.lines) > 2, name


def test_short_names_stay_large_on_one_line() -> None:
    assert fit("Anna") == Fitted(("Anna",), 13.5, False)
    assert fit("Fatma (docent)").lines == ("Fatma (docent)",)
    assert fit("ICT-coördinator").lines == ("ICT-coördinator",)


def test_longer_names_wrap_at_spaces_and_hyphens_before_breaking_a_word() -> None:
    assert fit("Marieke van der Berg").lines == ("Marieke van der", "Berg")
    two = fit("Jan-Willem Oranje-Nassau-Vredenburg")
    assert not two.cut and len(two.lines) == 2 and two.lines[0].endswith("-")
    word = fit("Onderwijskundigeadviseurvanhetcollege")  # no space, no hyphen: broken by characters
    assert not word.cut and len(word.lines) == 2 and word.size == min(SIZES)


def test_shrinking_comes_before_wrapping_a_word() -> None:
    long_word = "Onderwijskundige"
    f = fit(long_word)
    assert f.lines == (long_word,) and f.size < 13.5


def test_a_combining_accent_stays_with_its_letter() -> None:
    name = "e\u0301" * 30
    f = fit(name)
    for line in f.lines:
        assert not line.startswith("\u0301")


def test_the_height_limits_the_lines() -> None:
    assert lines_in(HEIGHT, 13.5) == 1
    assert lines_in(HEIGHT, 11.5) == 1 and lines_in(HEIGHT, 11.0) == 2
    assert lines_in(math.inf, 9.5) > 80
    tall = fit_name("Marieke van der Berg", WIDTH, 3, SIZES)  # no height limit: two lines at 13.5
    assert tall.size == 13.5 and len(tall.lines) == 2


def test_characters_the_font_lacks_are_measured_wide() -> None:
    assert textfit.em_width("数") >= 1.0
    assert textfit.em_width("😀") >= 1.0
    assert textfit.em_width("\u0301") == 0.0
    assert textfit.em_width("W") == textfit.BOLD["W"] and textfit.BOLD["W"] > textfit.REGULAR["W"]


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=MAX_NAME))
@SETTINGS
def test_any_text_fits_or_is_cut(name: str) -> None:
    f = fit(name)
    for line in f.lines:
        assert width(line, f.size) <= WIDTH + 1e-9
    if not f.cut:
        assert letters("".join(f.lines)) == letters(name)
