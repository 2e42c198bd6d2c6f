"""The translation catalogues: find the message ids the code uses, bring every ``.po`` file up to
date with them, compile the ``.mo`` files. ``make messages`` runs it; the tests use its functions.

- Extraction is Babel's Python extractor over the package and the site's hooks, with this project's
  keywords: ``t(lang, id)``, ``plural(lang, id, n)`` (plural forms), ``N_(id)`` (an id kept in a
  mapping, looked up later) and markup's ``e(id)``.
- A new id is added to every language with an empty text (which the tests refuse until it is
  filled in); an id the code no longer uses is reported and dropped.
- The ``.mo`` files are compiled by Babel and committed, so ``pip install .``, the editable install
  and the app's zip read them without a build step; a test compiles again and compares the bytes.

Usage: python scripts/messages.py              update the .po files and compile
       python scripts/messages.py --check      only say what is out of date (exit code 1)
       python scripts/messages.py --port FILE  first take the new texts of an old-style i18n.py
                                               (its NL and EN dicts: another branch's), then update
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "py" / "kenniskring" / "locale"
DOMAIN = "kenniskring"
SOURCES = (ROOT / "py" / "kenniskring", ROOT / "hooks")
# The argument that is the message id (Babel counts from 1); plural ids are the same key twice.
KEYWORDS: dict[str, tuple[int, ...]] = {"t": (2,), "plural": (2, 3), "N_": (1,), "e": (1,), "_say": (2,)}


def calls(tree: ast.AST, names: Iterable[str]) -> Iterator[tuple[ast.Call, str]]:
    """Every call of a function named one of ``names`` (``t(...)``, ``i18n.t(...)``), also inside f-strings."""
    wanted = set(names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in wanted:
                yield node, name


def extract_ids(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """A Babel extraction method that reads the syntax tree, so ids inside f-strings count too (the
    page's markup is f-strings). A literal argument is an id; anything else is not extracted, which
    is why an id kept for later is marked ``N_("...")`` where it is written. ``plural(lang, id, n)``
    gives the id as singular and plural."""
    for node, name in calls(ast.parse(fileobj.read()), keywords):
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if name == "plural" and len(args) >= 2:
            args = [args[0], args[1], args[1]]
        yield node.lineno, name, tuple(args), []


def source_files() -> list[Path]:
    return sorted(p for folder in SOURCES for p in folder.glob("*.py"))


def used_ids() -> dict[str, bool]:
    """Every message id the code names, with whether it is counted (plural forms)."""
    found: dict[str, bool] = {}
    for path in source_files():
        with path.open("rb") as f:
            for _, message, _, _ in extract(extract_ids, f, keywords=KEYWORDS):  # type: ignore[arg-type]
                key = message[0] if isinstance(message, tuple) else message
                found[key] = found.get(key, False) or isinstance(message, tuple)
    return found


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if po_path(p.name).is_file())


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False, no_location=True, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def updated(catalog: Catalog, used: dict[str, bool]) -> tuple[Catalog, list[str], list[str]]:
    """``catalog`` with an empty entry for each id it lacks and without the ids nobody uses; the
    ids added and dropped. The order of the file stays as it is; new ids go at the end."""
    out = Catalog(locale=catalog.locale, domain=DOMAIN, fuzzy=False, header_comment=catalog.header_comment)
    out.mime_headers = catalog.mime_headers
    out.fuzzy = catalog.fuzzy
    dropped: list[str] = []
    for message in catalog:
        if not message.id:
            continue
        key = str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)
        if key in used:
            out[message.id] = message
        else:
            dropped.append(key)
    have = {m.id[0] if isinstance(m.id, tuple) else m.id for m in out if m.id}
    added = [key for key in used if key not in have]
    for key in added:
        if used[key]:
            out.add((key, key), ("",) * catalog.num_plurals)
        else:
            out.add(key, "")
    return out, added, dropped


def out_of_date() -> list[str]:
    """What ``make messages`` would change, in words; empty when everything is up to date."""
    used, problems = used_ids(), []
    for lang in languages():
        catalog, added, dropped = updated(read(lang), used)
        problems += [f"{lang}: {key} is used in the code but not in {po_path(lang).name}" for key in added]
        problems += [f"{lang}: {key} is in {po_path(lang).name} but not used in the code" for key in dropped]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != mo_bytes(read(lang)):
            problems.append(f"{lang}: {mo.relative_to(ROOT)} is not compiled from the .po file")
    return problems


def old_dicts(path: Path) -> dict[str, dict[str, str]]:
    """The ``NL`` and ``EN`` dicts of an ``i18n.py`` from before the catalogues, by language."""
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target: ast.expr
        value: ast.expr | None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign):
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("NL", "EN") and value is not None:
            found[target.id.lower()] = ast.literal_eval(value)
    return found


def port(path: Path) -> None:
    """Copy into the ``.po`` files the texts of an old-style ``i18n.py`` (another branch's ``NL``
    and ``EN`` dicts) for the ids the catalogues do not have yet; ``key`` with ``key.one`` becomes
    one entry with plural forms. Run ``make messages`` after it: ids no code uses are dropped."""
    texts = old_dicts(path)
    for lang, catalog in ((lang, read(lang)) for lang in languages()):
        have = {str(m.id[0] if isinstance(m.id, (tuple, list)) else m.id) for m in catalog if m.id}
        given = texts.get(lang, {})
        for key, text in given.items():
            if key in have or (key.endswith(".one") and key.removesuffix(".one") in given):
                continue
            if f"{key}.one" in given:
                catalog.add((key, key), (given[f"{key}.one"], text))
            else:
                catalog.add(key, text)
            print(f"{lang}: ported {key}")
        po_path(lang).write_bytes(po_bytes(catalog))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--port"] and len(argv) == 2:
        port(Path(argv[1]))
        argv = []
    if "--check" in argv:
        problems = out_of_date()
        print("\n".join(problems) or "The catalogues are up to date.")
        return 1 if problems else 0
    used = used_ids()
    for lang in languages():
        catalog, added, dropped = updated(read(lang), used)
        for key in added:
            print(f"{lang}: added {key} (empty: fill in its text)")
        for key in dropped:
            print(f"{lang}: dropped {key} (no longer used)")
        data = po_bytes(catalog)
        if data != po_path(lang).read_bytes():
            po_path(lang).write_bytes(data)
        mo = po_path(lang).with_suffix(".mo")
        compiled = mo_bytes(read(lang))
        if not mo.is_file() or mo.read_bytes() != compiled:
            mo.write_bytes(compiled)
            print(f"{lang}: compiled {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
