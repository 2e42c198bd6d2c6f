"""Every text a user sees, in Dutch (first) and English. Code asks for message ids, never writes words.

The texts live in gettext catalogues, one per language: ``locale/<lang>/LC_MESSAGES/kenniskring.po``
(what a translator edits, in Poedit or Weblate) compiled to ``kenniskring.mo`` beside it (what
Python's own ``gettext`` reads, here and in the browser from the app's zip). The message ids are
keys such as ``step.2.title``, not English sentences: the code stays short and stable, and Dutch
and English are both translations of the same key. ``make messages`` finds the ids the code uses
(Babel), adds new ones to every ``.po`` file and compiles them; README.md, "Translations", says how.

A language is a ``.po`` file: ``languages()`` finds them, ``language()`` picks the page's.
The same catalogue feeds the page markup at build time and the messages at run time.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from collections.abc import Callable
from typing import Any

DEFAULT_LANGUAGE = "nl"
DOMAIN = "kenniskring"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
# A counted text (plural forms in the catalogue) takes its form from the number in one of these.
COUNTERS = ("count", "limit")


def N_(message_id: str) -> str:
    """Marks a message id that is looked up later (``gettext_noop``): ``make messages`` finds it."""
    return message_id


class _Missing(gettext.NullTranslations):
    """The last fallback: an id no catalogue has is a bug, not a text to show."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


class Catalogue(gettext.GNUTranslations):
    """One language's compiled catalogue, with its single texts in one dict for ``t``'s fast path."""

    def __init__(self, fp: io.BytesIO) -> None:
        super().__init__(fp)
        entries: dict[str | tuple[str, int], str] = self._catalog  # type: ignore[attr-defined]
        self.texts = {key: text for key, text in entries.items() if isinstance(key, str) and key}
        self.counted_ids = frozenset(key[0] for key in entries if isinstance(key, tuple))

    def counted(self, message_id: str) -> bool:
        """Whether the id has plural forms (``ngettext``) rather than one text."""
        return message_id in self.counted_ids


def _path(lang: str) -> str:
    return os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def _read(path: str) -> bytes | None:
    # Through the package's own loader: a file on disk under CPython, an entry of the app's zip in
    # the browser (zipimport), without importing importlib.resources or zipfile at start.
    get_data: Callable[[str], bytes] | None = getattr(__spec__.loader, "get_data", None)
    try:
        return get_data(path) if get_data else None
    except OSError:
        return None


@functools.cache
def catalogue(lang: str) -> Catalogue | None:
    """The compiled catalogue of ``lang`` (a code such as ``nl``), or None if there is none."""
    if not (lang.isascii() and lang.isalpha()):
        return None
    data = _read(_path(lang))
    if data is None:
        return None
    found = Catalogue(io.BytesIO(data))
    found.add_fallback(_Missing())
    return found


def languages() -> tuple[str, ...]:
    """The languages there are catalogues for, the default first (from the files, under CPython)."""
    found = sorted(name for name in os.listdir(LOCALE_DIR) if os.path.isfile(_path(name)))
    return tuple(sorted(found, key=lambda code: code != DEFAULT_LANGUAGE))


def language(code: str | None) -> str:
    """A supported language for a page's ``lang`` attribute such as ``nl`` or ``en-GB``."""
    base = (code or "").split("-")[0].lower()
    return base if catalogue(base) is not None else DEFAULT_LANGUAGE


def _counter(message_id: str, params: dict[str, Any]) -> int:
    for name in COUNTERS:
        if isinstance(params.get(name), int):
            return int(params[name])
    raise TypeError(f"{message_id} is counted: give its number as one of {COUNTERS}")


@functools.cache
def _for_page(lang: str) -> Catalogue:
    found = catalogue(language(lang))
    assert found is not None, "the default language has no compiled catalogue: run `make messages`"
    return found


def t(lang: str, key: str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in. A counted text (plural forms)
    takes the form for its ``count`` (or ``limit``): "1 persoon", "3 mensen"."""
    found = _for_page(lang)
    text = found.texts.get(key)
    if text is None:
        text = found.ngettext(key, key, _counter(key, params)) if found.counted(key) else found.gettext(key)
    return text.format(**params) if params else text


def plural(lang: str, key: str, count: int, /, **params: Any) -> str:
    """A text with a number in it, in the form for ``count`` (gettext's ``ngettext``)."""
    return t(lang, key, count=count, **params)


def isolate(text: str) -> str:
    """User text inside a sentence, isolated for text direction (FSI … PDI): an unterminated
    right-to-left override in a name can never reverse the words drawn after it."""
    return f"\u2068{text}\u2069"


MONTHS = (
    N_("month.1"),
    N_("month.2"),
    N_("month.3"),
    N_("month.4"),
    N_("month.5"),
    N_("month.6"),
    N_("month.7"),
    N_("month.8"),
    N_("month.9"),
    N_("month.10"),
    N_("month.11"),
    N_("month.12"),
)


def long_date(iso: str, lang: str) -> str:
    """``2026-11-24`` -> ``24 november 2026``; anything else is shown as it is."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        if not 1 <= month <= 12:
            return iso
        return t(lang, "date.long", day=day, month=t(lang, MONTHS[month - 1]), year=year)
    except ValueError:
        return iso
