"""Plain-language sentences for things that went wrong, in the user's language."""

from __future__ import annotations

from .fileformat import FileError, FileWarning
from .i18n import isolate, t

KEPT_FIELDS_SHOWN = 3  # a message names this many of the fields a file holds that we do not know


def where_text(where: tuple[str | int, ...], lang: str) -> str:
    """``("map", "contacts", 2, "ring")`` -> "het veld ‘ring’ van persoon 3"."""
    parts = list(where)
    if parts[:1] == ["map"]:
        parts = parts[1:]
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


def file_error_reason(err: FileError, lang: str) -> str:
    params = dict(err.params)
    if "expected" in params:
        params["expected"] = t(lang, f"file.expected.{params['expected']}")
    return t(lang, f"file.error.{err.code}", where=where_text(err.where, lang), **params)


def file_error_message(err: FileError, filename: str, lang: str) -> str:
    return t(lang, "file.error", file=filename, reason=file_error_reason(err, lang))


def kept_fields_message(warnings: tuple[FileWarning, ...], lang: str) -> str:
    """What a reader kept without knowing it, named by field: "" when it kept nothing."""
    names = list(dict.fromkeys(str(w.where[-1]) for w in warnings if w.code == "unknown_field" and w.where))
    if not names:
        return ""
    shown = ", ".join(f"‘{isolate(n)}’" for n in names[:KEPT_FIELDS_SHOWN]) + (" …" if len(names) > KEPT_FIELDS_SHOWN else "")
    return t(lang, "msg.kept_fields", fields=shown)
