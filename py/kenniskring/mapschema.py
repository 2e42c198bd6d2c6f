"""The published JSON Schema of the map file (``schema/kenniskring-map.schema.json``), made here.

Made from the reader's own sources: the rules for single values (``validation``), the model's
choices and the file's limits, so that the schema and the reader cannot drift apart. A test
(tests/core/test_schema.py) checks that the committed file is this function's output and tries both
with the same good and bad files. After a change: ``python -m kenniskring.mapschema``.

What JSON Schema cannot say, the reader checks on its own: ids unique in a map, an action naming
people who are on it, text of only invisible characters, and the non-characters XML cannot carry.
Like the reader, the schema lets fields it does not know through (readers keep them and write them
back) and takes a missing collection as empty.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from . import fileformat, validation
from .fileformat import FILE_TYPE, FORMAT_VERSION, MAX_ACTION_PEOPLE, MAX_ACTIONS, MAX_CONTACTS
from .model import MAX_MEMBERS, MAX_MOMENTS, KnowledgeForm, OutsideRole, PersonKind, Perspective, Question, Ring

SCHEMA_FILE = "kenniskring-map.schema.json"


def _choice(enum: type[StrEnum], description: str = "") -> dict[str, Any]:
    d: dict[str, Any] = {"enum": [e.value for e in enum]}
    return {**d, "description": description} if description else d


def _described(fragment: dict[str, Any], description: str) -> dict[str, Any]:
    return {**fragment, "description": description}


def map_schema() -> dict[str, Any]:
    contact = {
        "type": "object",
        "required": ["id", "name", "ring"],
        "properties": {
            "id": _described(validation.identifier_schema(), "Unique within the map (readers check this; JSON Schema cannot)."),
            "name": _described(validation.NAME.schema(), "Name, initials or role."),
            "ring": _choice(Ring, "How often the team consults this person about the change."),
            "kind": _choice(PersonKind, "Who the person is, seen from the team. Absent: not chosen yet."),
            "role": _choice(OutsideRole, "Only for kind 'outside'."),
            "knowledge": {"type": "array", "uniqueItems": True, "items": _choice(KnowledgeForm), "description": "Absent: none."},
            "note": validation.NOTE.schema(),
            "desired_ring": _choice(
                Ring, "Desired situation: how often the team would like to consult this person. Absent: as now."
            ),
            "wished": {
                "const": True,
                "description": "A wished-for contact, not in the network yet; only on the desired map, in 'ring'.",
            },
            "named_by": {
                "type": "array",
                "uniqueItems": True,
                "maxItems": MAX_MEMBERS,
                "items": {"type": "integer", "minimum": 0, "maximum": MAX_MEMBERS - 1},
                "description": "On a team map: which members named this person (indexes into 'members'). Absent: none.",
            },
        },
        "allOf": [
            {"if": {"properties": {"kind": {"not": {"const": "outside"}}}}, "then": {"not": {"required": ["role"]}}},
            {"if": {"required": ["wished"]}, "then": {"not": {"required": ["desired_ring"]}}},
        ],
    }
    action = {
        "type": "object",
        "required": ["id", "text", "owner", "due", "done"],
        "properties": {
            "id": validation.identifier_schema(),
            "text": validation.ACTION_TEXT.schema(),
            "contacts": {
                "type": "array",
                "maxItems": MAX_ACTION_PEOPLE,
                "items": {"type": "string"},
                "description": "Ids of contacts on the map this action concerns. Absent: none.",
            },
            "owner": validation.OWNER.schema(),
            "due": _described(validation.date_schema(optional=True), "A calendar date, YYYY-MM-DD, or empty."),
            "done": {"type": "boolean"},
        },
    }
    answer = {
        "type": "object",
        "required": ["current", "desired"],
        "properties": {"current": validation.ANSWER.schema(), "desired": validation.ANSWER.schema()},
    }
    body: dict[str, Any] = {
        "type": "object",
        "required": ["change", "perspective"],
        "properties": {
            "change": _described(validation.CHANGE.schema(), "The educational change the map is about."),
            "perspective": _choice(Perspective, "Filled in by a team together, or by one person."),
            "contacts": {
                "type": "array",
                "maxItems": MAX_CONTACTS,
                "items": {"$ref": "#/$defs/contact"},
                "description": "Absent: none.",
            },
            "reflection": {
                "type": "object",
                "description": "Answers to the reflection questions, about the current and the desired situation. Absent: none.",
                "propertyNames": _choice(Question),
                "additionalProperties": answer,
            },
            "actions": {
                "type": "array",
                "maxItems": MAX_ACTIONS,
                "items": {"$ref": "#/$defs/action"},
                "description": "Absent: none.",
            },
            "members": {
                "type": "array",
                "maxItems": MAX_MEMBERS,
                "items": fileformat.MEMBER.schema(),
                "description": "A team map: the members whose maps it was made of. Absent: not a team map.",
            },
        },
    }
    moment = {
        "type": "object",
        "required": ["id", "taken", "label", "map"],
        "description": "A moment: the map as it was at one time, to look at and compare; never edited.",
        "properties": {
            "id": validation.identifier_schema(),
            "taken": {"type": "string", "description": "When it was recorded: ISO 8601 date and time (UTC)."},
            "label": _described(fileformat.LABEL.schema(), "e.g. 'Start', 'Na een half jaar'; may be empty."),
            "map": {
                **body,
                "description": "The map as it was: the same parts as the map, without moments or next look.",
                "not": {"anyOf": [{"required": ["moments"]}, {"required": ["next_look"]}]},
            },
        },
    }
    body = {
        **body,
        "properties": {
            **body["properties"],
            "moments": {
                "type": "array",
                "maxItems": MAX_MOMENTS,
                "items": {"$ref": "#/$defs/moment"},
                "description": "Moments recorded of the map, oldest first. Absent: none.",
            },
            "next_look": _described(
                validation.date_schema(optional=True), "The date the team means to look at the map again, or empty."
            ),
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "title": f"Kenniskring map file, format version {FORMAT_VERSION}",
        "description": (
            "A network map: the people a team (or one person) consults about an educational change, how often, who they"
            " are and which knowledge forms they bring. Written by kenniskring.fileformat.dumps; made from the reader's"
            " rules by kenniskring.mapschema. Fields not named here are allowed: readers keep them and write them back."
        ),
        "type": "object",
        "required": ["type", "version", "map"],
        "properties": {
            "type": {"const": FILE_TYPE},
            "version": {
                "const": FORMAT_VERSION,
                "description": "Format version; readers migrate older versions in sequence (1 -> 2 -> 3) and refuse newer ones.",
            },
            "source": _described(validation.SOURCE.schema(), "The program and version that wrote the file."),
            "exported_at": _described(validation.SOURCE.schema(), "ISO 8601 time of the download (UTC)."),
            "map_id": _described(
                validation.identifier_schema(),
                "The map's id in the browser it was downloaded from: opening the file there again offers a copy or to replace it.",
            ),
            "map": body,
        },
        "$defs": {"contact": contact, "action": action, "moment": moment},
    }


def schema_text() -> str:
    return json.dumps(map_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m kenniskring.mapschema [folder]: writes the schema file
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schema")
    (folder / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
