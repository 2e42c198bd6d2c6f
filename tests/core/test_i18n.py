import re
import string
from pathlib import Path

import pytest
from kenniskring.i18n import CATALOGUE, EN, NL, language, t
from kenniskring.model import KnowledgeForm, OutsideRole, PersonKind, Ring

SOURCE = Path(__file__).parents[2] / "py" / "kenniskring"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys() -> None:
    assert set(NL) == set(EN)


@pytest.mark.parametrize("key", sorted(NL))
def test_placeholders_match_between_languages(key: str) -> None:
    assert fields(NL[key]) == fields(EN[key]), key


def test_every_literal_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for path in SOURCE.glob("*.py"):
        text = path.read_text()
        used |= set(re.findall(r"""\bt\(\s*(?:\w+\.)?lang\s*,\s*"([a-z_.]+)"\s*[,)]""", text))
        used |= set(re.findall(r"""\be\("([a-z_.]+)"\)""", text))
        # A counted text needs its form for any number and its form for exactly one.
        for key in re.findall(r"""\bplural\(\s*(?:\w+\.)?lang\s*,\s*"([a-z_.]+)"\s*,""", text):
            used |= {key, f"{key}.one"}
    assert used, "the pattern found no keys: the test itself is broken"
    assert used - set(NL) == set()


def test_every_enum_value_has_words() -> None:
    for lang in CATALOGUE:
        for ring in Ring:
            assert t(lang, f"ring.{ring.value}")
        for kind in PersonKind:
            assert t(lang, f"kind.{kind.value}")
        for role in OutsideRole:
            assert t(lang, f"role.{role.value}")
        for form in KnowledgeForm:
            assert t(lang, f"knowledge.{form.value}") and len(t(lang, f"knowledge.{form.value}.letter")) == 1


def test_dutch_letters_are_the_methods_w_p_e() -> None:
    assert [t("nl", f"knowledge.{k.value}.letter") for k in KnowledgeForm] == ["W", "P", "E"]


@pytest.mark.parametrize(
    ("code", "expected"), [("nl", "nl"), ("en-GB", "en"), ("EN", "en"), ("fr", "nl"), (None, "nl"), ("", "nl")]
)
def test_language_from_page(code: str | None, expected: str) -> None:
    assert language(code) == expected
