"""Plain-language sentences for things that went wrong, in the user's language."""

from __future__ import annotations

from .fileformat import FileError
from .i18n import t


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
    "weekly": "ring.weekly",
    "monthly": "ring.monthly",
    "less_often": "ring.less_often",
    "own_team": "kind.own_team",
    "organisation": "kind.organisation",
    "outside": "kind.outside",
    "field_partner": "role.field_partner",
    "researcher": "role.researcher",
    "external_expert": "role.external_expert",
    "other": "role.other",
    "scientific": "knowledge.scientific",
    "professional": "knowledge.professional",
    "experiential": "knowledge.experiential",
    "team": "perspective.team",
    "personal": "perspective.personal",
}


def allowed_values(allowed: str, lang: str) -> str:
    """``"weekly, monthly"`` -> "‘weekly’ (wekelijks), ‘monthly’ (minstens maandelijks)"."""
    values = [v.strip() for v in allowed.split(",") if v.strip()]
    return ", ".join(f"‘{v}’ ({t(lang, VALUE_WORDS[v])})" if v in VALUE_WORDS else f"‘{v}’" for v in values)


def file_error_reason(err: FileError, lang: str) -> str:
    params = dict(err.params)
    if "expected" in params:
        params["expected"] = t(lang, f"file.expected.{params['expected']}")
    if "allowed" in params:
        params["allowed"] = allowed_values(str(params["allowed"]), lang)
    return t(lang, f"file.error.{err.code}", where=where_text(err.where, lang), **params)


def file_error_message(err: FileError, filename: str, lang: str) -> str:
    return t(lang, "file.error", file=filename, reason=file_error_reason(err, lang))
