import json

import pytest
from kenniskring.fileformat import FileError, dumps, loads
from kenniskring.i18n import languages
from kenniskring.messages import FILE_ERROR, file_error_message, file_error_reason, where_text


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ((), "het bestand"),
        (("version",), "het veld ‘version’"),
        (("map", "contacts"), "het veld ‘contacts’"),
        (("map", "contacts", 2), "persoon 3"),
        (("map", "contacts", 0, "ring"), "het veld ‘ring’ van persoon 1"),
        (("map", "contacts", 4, "knowledge", 1), "kennisvorm 2 van persoon 5"),
    ],
)
def test_where_in_plain_dutch(where: tuple[str | int, ...], expected: str) -> None:
    assert where_text(where, "nl") == expected


def test_a_bad_ring_reads_as_a_dutch_sentence() -> None:
    doc = {
        "type": "kenniskring",
        "version": 1,
        "map": {
            "change": "",
            "perspective": "team",
            "contacts": [{"id": "a", "name": "Anna", "ring": "daily", "kind": "own_team", "knowledge": []}],
        },
    }
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert file_error_message(caught.value, "kaart.json", "nl") == (
        "‘kaart.json’ kon niet worden geopend: het veld ‘ring’ van persoon 1 heeft een ongeldige waarde "
        "(toegestaan: ‘weekly’ (wekelijks), ‘monthly’ (minstens maandelijks), ‘less_often’ (minder dan maandelijks)). De kaart op het scherm is niet veranderd."
    )


def test_not_json_in_english() -> None:
    with pytest.raises(FileError) as caught:
        loads("{oops")
    assert file_error_message(caught.value, "map.json", "en") == (
        "‘map.json’ could not be opened: it is not a valid JSON file (error at line 1, column 2). The map on screen has not changed."
    )


CODES = sorted(FILE_ERROR)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("lang", languages())
def test_every_error_code_has_a_message_in_every_language(code: str, lang: str) -> None:
    params = {
        "limit": 10,
        "line": 1,
        "column": 2,
        "version": 3,
        "supported": 1,
        "field": "x",
        "id": "a",
        "allowed": "a, b",
        "expected": "list",
    }
    text = file_error_reason(FileError(code, ("map", "contacts", 0, "name"), **params), lang)
    assert text and "{" not in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "(toegestaan: ‘weekly’ (wekelijks), ‘monthly’ (minstens maandelijks), ‘less_often’ (minder dan maandelijks))"),
        ("en", "(allowed: ‘weekly’ (weekly), ‘monthly’ (at least monthly), ‘less_often’ (less than monthly))"),
    ],
)
def test_allowed_values_are_said_in_the_users_language(lang: str, expected: str) -> None:
    from kenniskring.fileformat import loads

    from tests.core.factories import sample_map

    text = dumps(sample_map()).replace('"ring": "weekly"', '"ring": "daily"', 1)
    with pytest.raises(FileError) as problem:
        loads(text)
    assert expected in file_error_reason(problem.value, lang)


def test_every_value_a_file_may_hold_has_words() -> None:
    from kenniskring.messages import VALUE_WORDS
    from kenniskring.model import KnowledgeForm, OutsideRole, PersonKind, Perspective, Ring

    for enum in (Ring, PersonKind, OutsideRole, KnowledgeForm, Perspective):
        assert {e.value for e in enum} <= set(VALUE_WORDS), enum


def test_kept_fields_are_named_in_both_languages() -> None:
    from kenniskring.envelope import FileWarning
    from kenniskring.messages import kept_fields_message

    warnings = tuple(FileWarning("unknown_field", ("map", "contacts", i, f"f{i}")) for i in range(5))
    for lang in ("nl", "en"):
        text = kept_fields_message(warnings, lang)
        assert "f0" in text and "f2" in text and "f3" not in text and "…" in text
        assert "{" not in text
        assert kept_fields_message((), lang) == ""
    assert kept_fields_message(warnings, "nl") != kept_fields_message(warnings, "en")
