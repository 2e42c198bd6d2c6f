"""Plain-language sentences for things that went wrong, in the user's language."""

from __future__ import annotations

from .fileformat import FileError, FileWarning
from .i18n import N_, isolate, t

KEPT_FIELDS_SHOWN = 3  # a message names this many of the fields a file holds that we do not know

# The sentence for each ``FileError`` code (the code is the reader's; the words are the catalogue's).
FILE_ERROR: dict[str, str] = {
    "too_large": N_("file.error.too_large"),
    "not_json": N_("file.error.not_json"),
    "not_text": N_("file.error.not_text"),
    "not_our_file": N_("file.error.not_our_file"),
    "bad_version": N_("file.error.bad_version"),
    "too_new": N_("file.error.too_new"),
    "migration_failed": N_("file.error.migration_failed"),
    "missing_field": N_("file.error.missing_field"),
    "unknown_field": N_("file.error.unknown_field"),
    "wrong_type": N_("file.error.wrong_type"),
    "bad_value": N_("file.error.bad_value"),
    "too_long": N_("file.error.too_long"),
    "empty_text": N_("file.error.empty_text"),
    "control_chars": N_("file.error.control_chars"),
    "bad_id": N_("file.error.bad_id"),
    "duplicate_id": N_("file.error.duplicate_id"),
    "duplicate_knowledge": N_("file.error.duplicate_knowledge"),
    "role_not_outside": N_("file.error.role_not_outside"),
    "too_many_contacts": N_("file.error.too_many_contacts"),
    "too_many_actions": N_("file.error.too_many_actions"),
    "unknown_contact": N_("file.error.unknown_contact"),
    "bad_date": N_("file.error.bad_date"),
    "desired_for_wished": N_("file.error.desired_for_wished"),
    "not_in_svg": N_("file.error.not_in_svg"),
    "not_a_backup": N_("file.error.not_a_backup"),
    "storage_full": N_("file.error.storage_full"),
    "duplicate_key": N_("file.error.duplicate_key"),
    "number_too_long": N_("file.error.number_too_long"),
    "not_xml_chars": N_("file.error.not_xml_chars"),
    "too_many_action_people": N_("file.error.too_many_action_people"),
    "damaged_index": N_("file.error.damaged_index"),
    "too_many_moments": N_("file.error.too_many_moments"),
    "bad_time": N_("file.error.bad_time"),
    "too_many_members": N_("file.error.too_many_members"),
    "unknown_member": N_("file.error.unknown_member"),
}
# The kinds of value a field can expect, in words.
EXPECTED: dict[str, str] = {
    "list": N_("file.expected.list"),
    "object": N_("file.expected.object"),
    "text": N_("file.expected.text"),
    "boolean": N_("file.expected.boolean"),
}


def where_text(where: tuple[str | int, ...], lang: str) -> str:
    """``("map", "contacts", 2, "ring")`` -> "het veld ‘ring’ van persoon 3"."""
    parts = list(where)
    if parts[:1] == ["map"]:
        parts = parts[1:]
    if len(parts) >= 2 and parts[0] == "moments" and isinstance(parts[1], int):
        n = parts[1] + 1
        if len(parts) == 2:
            return t(lang, "file.where.moment", n=n)
        if parts[2] == "map" and len(parts) > 3:
            return t(lang, "file.where.in_moment", where=where_text(tuple(parts[3:]), lang), n=n)
        return t(lang, "file.where.moment_field", n=n, field=parts[2])
    if len(parts) >= 2 and parts[0] == "contacts" and isinstance(parts[1], int):
        n = parts[1] + 1
        rest = parts[2:]
        if not rest:
            return t(lang, "file.where.person", n=n)
        if rest[0] == "knowledge" and len(rest) > 1 and isinstance(rest[1], int):
            return t(lang, "file.where.knowledge_item", n=n, k=rest[1] + 1)
        return t(lang, "file.where.person_field", n=n, field=rest[0])
    if len(parts) >= 2 and parts[0] == "actions" and isinstance(parts[1], int):
        if len(parts) == 2:
            return t(lang, "file.where.action", n=parts[1] + 1)
        return t(lang, "file.where.action_field", n=parts[1] + 1, field=parts[2])
    if len(parts) >= 2 and parts[0] == "reflection":
        return t(lang, "file.where.answer", field=parts[1])
    if parts:
        return t(lang, "file.where.field", field=parts[-1])
    return t(lang, "file.where.root")


# The words for the values a file may hold, so that "allowed: weekly, monthly" says in the user's
# language what each value means (the value itself stays: it is what the file must contain).
VALUE_WORDS: dict[str, str] = {
    "weekly": N_("ring.weekly"),
    "monthly": N_("ring.monthly"),
    "less_often": N_("ring.less_often"),
    "own_team": N_("kind.own_team"),
    "organisation": N_("kind.organisation"),
    "outside": N_("kind.outside"),
    "field_partner": N_("role.field_partner"),
    "researcher": N_("role.researcher"),
    "external_expert": N_("role.external_expert"),
    "other": N_("role.other"),
    "scientific": N_("knowledge.scientific"),
    "professional": N_("knowledge.professional"),
    "experiential": N_("knowledge.experiential"),
    "team": N_("perspective.team"),
    "personal": N_("perspective.personal"),
}


def allowed_values(allowed: str, lang: str) -> str:
    """``"weekly, monthly"`` -> "‘weekly’ (wekelijks), ‘monthly’ (minstens maandelijks)"."""
    values = [v.strip() for v in allowed.split(",") if v.strip()]
    return ", ".join(f"‘{v}’ ({t(lang, VALUE_WORDS[v])})" if v in VALUE_WORDS else f"‘{v}’" for v in values)


def file_error_reason(err: FileError, lang: str) -> str:
    params = dict(err.params)
    if "expected" in params:
        expected = EXPECTED[params.pop("expected")]
        params["expected"] = t(lang, expected)
    if "allowed" in params:
        params["allowed"] = allowed_values(str(params["allowed"]), lang)
    return t(lang, FILE_ERROR[err.code], where=where_text(err.where, lang), **params)


def file_error_message(err: FileError, filename: str, lang: str) -> str:
    return t(lang, "file.error", file=filename, reason=file_error_reason(err, lang))


def kept_fields_message(warnings: tuple[FileWarning, ...], lang: str) -> str:
    """What a reader kept without knowing it, named by field: "" when it kept nothing."""
    names = list(dict.fromkeys(str(w.where[-1]) for w in warnings if w.code == "unknown_field" and w.where))
    if not names:
        return ""
    shown = ", ".join(f"‘{isolate(n)}’" for n in names[:KEPT_FIELDS_SHOWN]) + (" …" if len(names) > KEPT_FIELDS_SHOWN else "")
    return t(lang, "msg.kept_fields", fields=shown)
