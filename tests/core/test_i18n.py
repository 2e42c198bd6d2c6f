"""The catalogues (kenniskring/locale/<lang>/LC_MESSAGES/kenniskring.po) against the code that uses them."""

import ast
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from kenniskring import labels
from kenniskring.i18n import COUNTERS, DEFAULT_LANGUAGE, language, languages, long_date, plural, t
from kenniskring.messages import EXPECTED, FILE_ERROR
from kenniskring.model import KnowledgeForm, OutsideRole, PersonKind, Question, Ring, View
from kenniskring.observations import FIGURE_KEYS, FIGURE_LABEL, FIGURES, SAYS

from scripts.messages import KEYWORDS, LOCALE, calls, mo_bytes, po_path, read, source_files, used_ids

LANGS = languages()
CATALOGUES: dict[str, Catalog] = {lang: read(lang) for lang in LANGS}


def entries(lang: str) -> dict[str, Message]:
    return {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in CATALOGUES[lang] if m.id}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


def test_the_languages_are_the_po_files_and_dutch_comes_first() -> None:
    assert LANGS[0] == DEFAULT_LANGUAGE == "nl"
    assert set(LANGS) == {p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/kenniskring.po")} >= {"nl", "en"}


def test_every_message_id_the_code_uses_is_in_every_language() -> None:
    used = used_ids()
    assert len(used) > 300, "the extraction found too few ids: it is broken, not the catalogue"
    for lang in LANGS:
        assert set(used) - set(entries(lang)) == set(), lang


def test_no_catalogue_entry_is_unused() -> None:
    used = used_ids()
    for lang in LANGS:
        assert set(entries(lang)) - set(used) == set(), lang
        assert not CATALOGUES[lang].obsolete, f"{lang}: obsolete (#~) entries: remove them"


def test_every_language_has_the_same_ids() -> None:
    first = entries(LANGS[0])
    for lang in LANGS[1:]:
        assert set(entries(lang)) == set(first), lang


@pytest.mark.parametrize("lang", LANGS)
def test_no_entry_is_fuzzy_or_empty(lang: str) -> None:
    assert not CATALOGUES[lang].fuzzy, f"{lang}: the header is marked fuzzy"
    fuzzy = [key for key, m in entries(lang).items() if m.fuzzy]
    empty = [key for key, m in entries(lang).items() if not all(f.strip() for f in forms(m))]
    assert (fuzzy, empty) == ([], [])


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_are_there_for_every_counted_text(lang: str) -> None:
    catalogue = CATALOGUES[lang]
    if lang in ("nl", "en"):
        assert catalogue.num_plurals == 2 and catalogue.plural_expr == "(n != 1)"
    found = entries(lang)
    counted_in_code = [key for key, counted in used_ids().items() if counted]
    assert {"count.people", "msg.backup_saved", "cli.read"} <= set(counted_in_code)
    for key in counted_in_code:
        assert isinstance(found[key].id, tuple), f"{lang}: {key} is counted in the code (plural) but has one form"
    for key, message in found.items():
        if isinstance(message.id, tuple):
            assert len(forms(message)) == catalogue.num_plurals, key
            assert fields(forms(message)[-1]) & set(COUNTERS), f"{key}: its plural form names no number"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_match_the_default_language(lang: str) -> None:
    default = entries(DEFAULT_LANGUAGE)
    for key, message in entries(lang).items():
        theirs = set().union(*(fields(f) for f in forms(message)))
        ours = set().union(*(fields(f) for f in forms(default[key])))
        assert theirs <= ours and (theirs | set(COUNTERS)) >= ours, key


def test_the_compiled_catalogues_are_compiled_from_the_po_files() -> None:
    for lang in LANGS:
        mo = po_path(lang).with_suffix(".mo")
        assert mo.read_bytes() == mo_bytes(read(lang)), f"{mo} is out of date: run `make messages`"


def test_no_message_id_is_built_at_run_time() -> None:
    """The id given to t/plural/e/N_ is a literal or a name holding one (a table marked with N_),
    never an f-string, a sum or a format: those ids extraction cannot see."""
    built = (ast.JoinedStr, ast.BinOp)
    found = []
    for path in source_files():
        for node, name in calls(ast.parse(path.read_text(encoding="utf-8")), KEYWORDS):
            (index,) = KEYWORDS[name][:1]
            if len(node.args) >= index:
                arg = node.args[index - 1]
                parts = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
                bad = [
                    p
                    for p in parts
                    if isinstance(p, built) or (isinstance(p, ast.Call) and getattr(p.func, "attr", "") == "format")
                ]
                found += [f"{path.name}:{node.lineno}" for _ in bad]
    assert found == []


def test_every_enum_value_has_words() -> None:
    tables = [
        (labels.RING, Ring),
        (labels.KIND, PersonKind),
        (labels.ROLE, OutsideRole),
        (labels.KNOWLEDGE, KnowledgeForm),
        (labels.KNOWLEDGE_LETTER, KnowledgeForm),
        (labels.VIEW, View),
        (labels.MAP_DESCRIPTION, View),
        (labels.QUESTION, Question),
    ]
    for table, enum in tables:
        assert set(table) == set(enum), enum
    for lang in LANGS:
        for table, _ in tables:
            assert all(t(lang, key, people="", centre="", weekly=0, monthly=0, less_often=0) for key in table.values())
        assert all(len(t(lang, key)) == 1 for key in labels.KNOWLEDGE_LETTER.values())


def test_every_figure_and_file_error_has_words() -> None:
    assert {FIGURE_KEYS.get(name, name) for name, _ in FIGURES} == set(FIGURE_LABEL)
    assert set(EXPECTED) == {"list", "object", "text", "boolean"}
    raised = set()
    for path in source_files():
        for node, _ in calls(ast.parse(path.read_text(encoding="utf-8")), ("FileError", "_Refused", "Refused")):
            if node.args and isinstance(node.args[0], ast.Constant):
                raised.add(node.args[0].value)
    assert raised and raised <= set(FILE_ERROR)
    assert set(SAYS) >= {"empty", "kind_absent_outside", "bonding_bridging_mixed"}


def test_dutch_letters_are_the_methods_w_p_e() -> None:
    assert [t("nl", labels.KNOWLEDGE_LETTER[k]) for k in KnowledgeForm] == ["W", "P", "E"]


def test_counted_texts_take_the_form_for_their_number() -> None:
    assert [plural("nl", "count.people", n) for n in (0, 1, 2)] == ["0 mensen", "1 persoon", "2 mensen"]
    assert [plural("en", "count.wished", n) for n in (1, 5)] == ["1 wished-for contact", "5 wished-for contacts"]
    assert t("en", "form.error.too_many", limit=1) == "The map already holds 1 person; no more fit."
    assert t("nl", "form.error.too_many", limit=200) == "Er staan al 200 mensen op de kaart; meer kan niet."
    with pytest.raises(TypeError):
        t("nl", "count.people")  # a counted text without its number is a bug, not a text


def test_an_unknown_id_is_an_error_not_a_text() -> None:
    with pytest.raises(KeyError):
        t("nl", "no.such.id")


def test_dates_in_words() -> None:
    assert long_date("2026-11-24", "nl") == "24 november 2026"
    assert long_date("2026-03-01", "en") == "1 March 2026"
    assert long_date("2026-13-01", "nl") == "2026-13-01" and long_date("soon", "en") == "soon"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nl", "nl"), ("en-GB", "en"), ("EN", "en"), ("fr", "nl"), (None, "nl"), ("", "nl"), ("../nl", "nl"), ("e/n", "nl")],
)
def test_language_from_page(code: str | None, expected: str) -> None:
    assert language(code) == expected


def test_the_catalogues_are_read_from_a_zip_as_the_page_does(tmp_path: Path) -> None:
    """The page imports the package from a zip (zipimport): i18n reads its .mo files through the
    package's loader, not from the file system."""
    import subprocess
    import sys
    import zipfile

    package = Path(labels.__file__).parent
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".mo"):
                z.write(path, f"kenniskring/{path.relative_to(package).as_posix()}")
    probe = (
        f"import sys; sys.path.insert(0, {str(archive)!r}); from kenniskring.i18n import t, language; "
        "import kenniskring; assert kenniskring.__file__.startswith(sys.path[0]), kenniskring.__file__; "
        "print(language('en-GB'), t('en', 'count.people', count=1), t('nl', 'step.2.title'))"
    )
    done = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "en 1 person Mensen en ringen"
