"""The rules for single values, one source for the file reader, the forms and the JSON Schema.

A text field is a ``TextRule`` (its limit, whether it must show something, whether it may have
lines); a date is ``check_date``; an id is ``check_identifier``. The reader (``fileformat``) raises
the code a rule gives, the forms (``forms``) show the message for the same code, and the schema's
fragments (``schema/``) are the rules' own ``schema()`` (tests/core/test_schema.py checks both ways).

Text that XML 1.0 cannot carry is **refused, not replaced**: lone surrogates (U+D800–U+DFFF, which
only a ``\\ud800`` escape can produce), the non-characters U+FFFE/U+FFFF and the other
non-characters (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF), and control characters (tab and newline are
allowed where a text may have lines). Refusing keeps one rule for files and for the form, never
changes a person's text behind the user's back, and means every map that opens draws as
well-formed SVG and encodes as UTF-8.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from .model import MAX_ACTION, MAX_ANSWER, MAX_CHANGE, MAX_NAME, MAX_NOTE
from .values import frozen

MAX_SOURCE = 200

# What XML 1.0 cannot carry besides control characters: surrogates, and the non-characters.
_NOT_XML = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p << 16 | 0xFFFE)}{chr(p << 16 | 0xFFFF)}" for p in range(1, 17))
    + "]"
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc, except tab and newline
_CONTROL_OR_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
# Blanks that are not whitespace to str.strip: format characters (zero-width space and joiners,
# bidi controls, BOM) are found by category; these letters and symbols draw nothing either.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")

# The same character classes as JSON Schema patterns (ECMA-262 regular expressions). A pattern
# ends in ``(?![\s\S])``, "no character follows", not in ``$``: Python's ``$`` (which the jsonschema
# package uses) also matches before a final newline, and would let ``"a\n"`` through as an id.
END = "(?![\\s\\S])"
_SCHEMA_ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F]*" + END
_SCHEMA_LINES = "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*" + END


def xml_safe(value: str) -> bool:
    """Whether XML 1.0 and UTF-8 can carry the text (control characters aside)."""
    return not _NOT_XML.search(value)


def visible(value: str) -> bool:
    """Whether a text shows anything: a name of only zero-width characters is an invisible person."""
    return any(
        not ch.isspace() and ch not in _BLANK_LETTERS and unicodedata.category(ch) not in ("Cf", "Cc", "Mn", "Me") for ch in value
    )


@frozen
class TextRule:
    """What a text field may hold."""

    limit: int
    required: bool = False  # must show at least one visible character
    multiline: bool = False  # tab and newline allowed

    def problem(self, value: Any) -> str | None:
        """The FileError code for ``value`` in this field, or None when it may stand there."""
        if not isinstance(value, str):
            return "wrong_type"
        if len(value) > self.limit:
            return "too_long"
        if _NOT_XML.search(value):
            return "not_xml_chars"
        if (_CONTROL if self.multiline else _CONTROL_OR_LINE).search(value):
            return "control_chars"
        if self.required and not visible(value):
            return "empty_text"
        return None

    def schema(self) -> dict[str, Any]:
        """This rule as far as JSON Schema can say it (not: XML's non-characters, invisible-only text)."""
        pattern = _SCHEMA_LINES if self.multiline else _SCHEMA_ONE_LINE
        if self.required:
            return {
                "type": "string",
                "minLength": 1,
                "maxLength": self.limit,
                "allOf": [{"pattern": "\\S"}, {"pattern": pattern}],
            }
        return {"type": "string", "maxLength": self.limit, "pattern": pattern}


NAME = TextRule(MAX_NAME, required=True)
OWNER = TextRule(MAX_NAME)
NOTE = TextRule(MAX_NOTE, multiline=True)
CHANGE = TextRule(MAX_CHANGE)
ANSWER = TextRule(MAX_ANSWER, multiline=True)
ACTION_TEXT = TextRule(MAX_ACTION, required=True, multiline=True)
SOURCE = TextRule(MAX_SOURCE)
TEXT_RULES: dict[str, TextRule] = {
    "name": NAME,
    "owner": OWNER,
    "note": NOTE,
    "change": CHANGE,
    "answer": ANSWER,
    "action_text": ACTION_TEXT,
}


# -- dates ---------------------------------------------------------------------------------------
# YYYY-MM-DD and a day the calendar has, as one regular expression JSON Schema can hold: 30 days
# hath September..., February 29 in leap years only (every 4th, not the 100th, but the 400th), no
# year 0000. Exactly ``check_date`` (tests/core/test_schema.py compares them day by day).
_MONTH_DAY = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
DATE_PATTERN = f"^(?!0000)(?:[0-9]{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29){END}"
_DATE_SHAPE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_date(value: Any) -> bool:
    """Whether ``value`` is a calendar date written YYYY-MM-DD, as ``<input type="date">`` gives it.

    ``date.fromisoformat`` alone would also take ``20261201`` and ``2026-W48-1`` (Python 3.11+)."""
    if not isinstance(value, str) or not _DATE_SHAPE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def date_schema(optional: bool) -> dict[str, Any]:
    """A date as JSON Schema, or the empty text when ``optional`` (an action without a date)."""
    if optional:
        return {"type": "string", "anyOf": [{"const": ""}, {"pattern": DATE_PATTERN}]}
    return {"type": "string", "pattern": DATE_PATTERN}


# -- ids -----------------------------------------------------------------------------------------
# Letters, digits and a few marks: safe unescaped in JSON, HTML attributes and CSS selectors.
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


def check_identifier(value: Any) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def identifier_schema() -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9_.:-]+" + END}
