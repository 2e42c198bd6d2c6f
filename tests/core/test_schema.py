"""One source for the reader, the forms and the published JSON Schema (issue 10, item 3).

The schema file is ``mapschema.map_schema()``'s output; the rules in ``validation`` give the reader's
codes, the forms' problems and the schema's fragments; here they are tried against each other with
the same values, both ways.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kenniskring import validation
from kenniskring.fileformat import FileError, loads, require_action, to_document
from kenniskring.forms import ActionForm, action_from_form, text_problem
from kenniskring.mapschema import SCHEMA_FILE, schema_text
from kenniskring.model import Action, NetworkMap

from .factories import full_map

ROOT = Path(__file__).parents[2]
SCHEMA = json.loads((ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_the_published_schema_is_made_from_the_readers_rules() -> None:
    assert (ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(), (
        "schema/ is out of date: python -m kenniskring.mapschema"
    )


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


# -- dates: the reader, the form and the schema take the same ones ------------------------------
def _every_day(year: int) -> list[str]:
    day = datetime.date(year, 1, 1)
    days = []
    while day.year == year:
        days.append(day.isoformat())
        if day == datetime.date.max:
            break
        day += datetime.timedelta(days=1)
    return days


NOT_DATES = [
    "20261201",  # fromisoformat takes it (3.11+), an <input type="date"> never gives it
    "2026-W48-1",
    "2026W481",
    "2026-335",
    "2026-12-1",
    "2026-12-01T10:00",
    "2026-12-01\n",
    " 2026-12-01",
    "0000-01-01",
    "2026-00-10",
    "2026-13-01",
    "2026-04-31",
    "2026-02-29",
    "1900-02-29",
    "2100-02-29",
    "2026-02-30",
    "\u0662\u0660\u0662\u0666-\u0661\u0662-\u0660\u0661",  # Arabic-Indic digits: \d would take them
    "",
]
LEAP_DAYS = ["2000-02-29", "2024-02-29", "1600-02-29", "0004-02-29", "0400-02-29", "9996-02-29"]
DATES = _every_day(2026) + _every_day(2024) + _every_day(1) + _every_day(9999) + LEAP_DAYS


def _due_is_read(due: str) -> bool:
    try:
        require_action(Action("a1", "Bellen", due=due), ())
    except FileError as e:
        assert e.code == "bad_date"
        return False
    return True


def _due_in_form(due: str) -> bool:
    result = action_from_form(ActionForm("Bellen", due=due), "a1", NetworkMap())
    return isinstance(result, Action)


def _due_in_schema(due: str) -> bool:
    doc = to_document(full_map())
    doc["map"]["actions"][0]["due"] = due
    return VALIDATOR.is_valid(doc)


@pytest.mark.parametrize("due", NOT_DATES)
def test_what_is_no_date_is_refused_by_the_reader_the_form_and_the_schema(due: str) -> None:
    if due == "":  # no date: allowed everywhere, and no date at all to check_date
        assert _due_is_read(due) and _due_in_form(due) and _due_in_schema(due)
        return
    assert not validation.check_date(due)
    assert (_due_is_read(due), _due_in_form(due), _due_in_schema(due)) == (False, False, False)


def test_every_day_of_the_calendar_is_taken_by_the_reader_the_form_and_the_schema() -> None:
    pattern = re.compile(validation.DATE_PATTERN)
    for due in DATES:
        assert validation.check_date(due) and pattern.search(due), due
    for due in DATES[::37] + LEAP_DAYS:
        assert (_due_is_read(due), _due_in_form(due), _due_in_schema(due)) == (True, True, True), due


@given(st.text(alphabet="0123456789-W:T ", min_size=8, max_size=12))
def test_the_date_pattern_is_check_date(value: str) -> None:
    assert validation.check_date(value) == (re.search(validation.DATE_PATTERN, value) is not None)


# -- texts ---------------------------------------------------------------------------------------
# What JSON Schema cannot say: the non-characters XML cannot carry, and text of only invisible
# characters (the schema asks for one non-blank character, the reader for one that shows).
NOT_IN_SCHEMA = {"not_xml_chars"}
FIELDS = {
    "name": lambda doc: doc["map"]["contacts"][0],
    "note": lambda doc: doc["map"]["contacts"][0],
    "owner": lambda doc: doc["map"]["actions"][0],
    "action_text": lambda doc: doc["map"]["actions"][0],
    "change": lambda doc: doc["map"],
}
KEYS = {"action_text": "text"}
texts = st.text(
    alphabet=st.sampled_from(list("ab \t\n\r\x00\x1b\x7f\x85\u200b\u3164\u0301\ufeff\ud800\uffffé🌱")), max_size=8
) | st.sampled_from(["", " ", "x" * 80, "x" * 81, "x" * 200, "x" * 201, "x" * 300, "x" * 301, "Anna\n"])


@given(st.sampled_from(sorted(FIELDS)), texts)
def test_a_text_is_taken_by_the_reader_exactly_when_by_the_form(field: str, value: str) -> None:
    rule = validation.TEXT_RULES[field]
    code = rule.problem(value)
    form = text_problem(field, value)
    assert (code is None) == (form is None)
    doc = copy.deepcopy(to_document(full_map()))
    FIELDS[field](doc)[KEYS.get(field, field)] = value
    try:
        loads(json.dumps(doc))
        read = None
    except FileError as e:
        read = e.code
    assert read == code


@given(st.sampled_from(sorted(FIELDS)), texts)
def test_a_text_is_taken_by_the_schema_exactly_when_by_the_reader_save_what_the_schema_cannot_say(field: str, value: str) -> None:
    code = validation.TEXT_RULES[field].problem(value)
    doc = copy.deepcopy(to_document(full_map()))
    FIELDS[field](doc)[KEYS.get(field, field)] = value
    in_schema = VALIDATOR.is_valid(doc)
    if code is None:
        assert in_schema  # the reader is never stricter than the schema says, except below
    elif code in NOT_IN_SCHEMA or (code == "empty_text" and value.strip()):
        pass  # a rule the schema cannot carry: the reader's alone (see mapschema's docstring)
    else:
        assert not in_schema, (code, value)


@pytest.mark.parametrize("value", ["a\n", "a b", "é", "", "x" * 65, "a" * 64, "c-1.x:y_z"])
def test_an_id_is_taken_by_the_schema_exactly_when_by_the_reader(value: str) -> None:
    doc = to_document(full_map())
    doc["map"]["contacts"][0]["id"] = value
    doc["map"]["actions"] = []  # they name the person by the old id
    assert VALIDATOR.is_valid(doc) == validation.check_identifier(value)


# -- the whole file, both ways -------------------------------------------------------------------
def _without(path: list[Any]) -> dict[str, Any]:
    doc = copy.deepcopy(to_document(full_map()))
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return doc


@pytest.mark.parametrize(
    "doc",
    [
        _without(["map", "reflection"]),
        _without(["map", "actions"]),
        _without(["map", "contacts", 0, "knowledge"]),
        _without(["map", "actions", 0, "contacts"]),
        {**to_document(full_map()), "written_by": {"tool": "a script", "at": [2026, 12, 1]}},
    ],
    ids=["no reflection", "no actions", "no knowledge", "no people on an action", "an unknown field"],
)
def test_what_the_reader_opens_tolerantly_the_schema_takes_too(doc: dict[str, Any]) -> None:
    loads(json.dumps(doc))
    assert VALIDATOR.is_valid(doc)
