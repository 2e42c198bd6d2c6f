"""Research exports: egor's three tables, the figures per map, and what anonymising leaves out."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from hypothesis import given
from kenniskring.analysis import measure, summarise
from kenniskring.model import RINGS, Action, Answer, NetworkMap, PersonKind, Question, View
from kenniskring.observations import FIGURE_KEYS, FIGURES, compare, number, percent
from kenniskring.research import (
    MEASURE_COLUMNS,
    Format,
    Options,
    Pseudonyms,
    Source,
    egor_tables,
    measures_rows,
    research_download,
    text_cell,
)
from kenniskring.values import replace

from tests.core.factories import full_map, person, sample_map
from tests.core.test_properties import SETTINGS, maps

SALT = b"0123456789abcdef"


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def secret_map() -> NetworkMap:
    """A map whose every typed text is distinctive, so finding any of it in an output means it leaked."""
    base = full_map()
    people = tuple(
        replace(c, name=f"Geheimnaam{i} Ørsted", note=f"geheime notitie {i} over de lector") for i, c in enumerate(base.contacts)
    )
    return replace(
        base,
        change="Geheime verandering bij opleiding X",
        contacts=people,
        answers=(Answer(Question.KNOWLEDGE_FIT, "antwoord-nu-geheim", "antwoord-gewenst-geheim"),),
        actions=(Action("x1", "geheime actietekst", (people[0].id,), "geheime eigenaar", "2026-12-01"),),
    )


def typed_texts(m: NetworkMap) -> list[str]:
    texts = [m.change, *(c.name for c in m.contacts), *(c.note for c in m.contacts)]
    texts += [a.current for a in m.answers] + [a.desired for a in m.answers]
    texts += [a.text for a in m.actions] + [a.owner for a in m.actions]
    return [text for text in texts if text.strip()]


def test_wished_for_contacts_are_counted_only_in_the_desired_view() -> None:
    m = full_map()  # three people now, and one wished for
    now, desired = measure(m), measure(m, View.DESIRED)
    assert (now.n, now.ei_index) == (3, pytest.approx(1 / 3))
    assert (desired.n, desired.ei_index) == (4, pytest.approx(0.5))


def test_measures_are_of_one_situation() -> None:
    with pytest.raises(ValueError):
        measure(full_map(), View.BOTH)


def test_egor_tables_have_egors_default_columns_and_a_row_per_map_and_person() -> None:
    maps_ = [full_map(), sample_map()]
    tables = egor_tables(
        [Source(m, f"kaart{i}.json", "2026-11-30T10:00:00+00:00") for i, m in enumerate(maps_)], Options(salt=SALT)
    )
    assert set(tables) == {"egos.csv", "alters.csv", "aaties.csv"}
    egos, alters = table(tables["egos.csv"]), table(tables["alters.csv"])
    assert header(tables["egos.csv"])[:5] == ["egoID", "change", "perspective", "date", "view"]
    assert header(tables["alters.csv"]) == [
        "egoID", "alterID", "person", "ring", "ring_name", "kind", "role",
        "scientific", "professional", "experiential", "desired_ring", "wished",
    ]  # fmt: skip
    assert tables["aaties.csv"] == "egoID,Source,Target\n"  # a map has no ties between people: the header only
    assert [e["egoID"] for e in egos] == ["e1", "e2"]
    assert [e["date"] for e in egos] == ["2026-11-30", "2026-11-30"]
    assert len(alters) == sum(len(m.contacts) for m in maps_)
    assert {a["egoID"] for a in alters} == {"e1", "e2"}
    assert [a["alterID"] for a in alters if a["egoID"] == "e1"] == ["1", "2", "3", "4"]


def test_an_alter_row_says_ring_kind_role_and_knowledge_as_values() -> None:
    alters = table(egor_tables([Source(full_map())], Options(salt=SALT))["alters.csv"])
    lector, wish = alters[1], alters[3]
    assert (lector["ring"], lector["ring_name"], lector["desired_ring"]) == ("2", "monthly", "1")
    assert (lector["kind"], lector["role"], lector["scientific"], lector["professional"]) == ("outside", "researcher", "1", "0")
    # Wished for: not in the network now (no current ring), in the desired ring.
    assert (wish["ring"], wish["ring_name"], wish["desired_ring"], wish["wished"]) == ("", "", "2", "1")


def test_anonymised_tables_hold_no_typed_text() -> None:
    m = secret_map()
    tables = egor_tables([Source(m, "geheime-verandering-bij-opleiding-x.json", "")], Options(salt=SALT))
    output = "".join(tables.values())
    for text in typed_texts(m) + ["geheime-verandering"]:
        assert text not in output, text
    assert table(tables["egos.csv"])[0]["change"] == ""


def test_the_category_given_stands_for_the_change() -> None:
    tables = egor_tables([Source(secret_map())], Options(salt=SALT, category="opleiding A"))
    assert table(tables["egos.csv"])[0]["change"] == "opleiding A"


def test_kept_names_are_there_and_cannot_run_as_a_formula() -> None:
    m = replace(sample_map(), contacts=(person("a", '=HYPERLINK("http://x")'), person("b", "Anna")))
    tables = egor_tables([Source(m, "kaart.json")], Options(anonymise=False))
    alters = table(tables["alters.csv"])
    assert [a["person"] for a in alters] == ['\'=HYPERLINK("http://x")', "Anna"]
    assert table(tables["egos.csv"])[0]["file"] == "kaart.json"
    assert "note" in header(tables["alters.csv"])


@pytest.mark.parametrize("text", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx"])
def test_text_that_a_spreadsheet_would_run_is_marked_as_text(text: str) -> None:
    assert text_cell(text) == "'" + text


def test_pseudonyms_are_stable_within_a_run_and_differ_between_runs() -> None:
    one, other = Pseudonyms(SALT), Pseudonyms(b"another salt....")
    assert one("Fatma Yilmaz") == one("fatma  yılmaz")
    assert one("Fatma Yilmaz") != one("Anna de Vries")
    assert one("Fatma Yilmaz") != other("Fatma Yilmaz")
    assert "fatma" not in one("Fatma Yilmaz").lower()


def test_the_same_person_in_two_maps_has_one_pseudonym() -> None:
    a = replace(sample_map(), contacts=(person("a", "Fatma Yilmaz"), person("b", "Lector")))
    b = replace(sample_map(), contacts=(person("x", "fatma yilmaz"),))
    alters = table(egor_tables([Source(a), Source(b)], Options(salt=SALT))["alters.csv"])
    assert alters[0]["person"] == alters[2]["person"] != alters[1]["person"]


def test_every_export_gets_a_salt_of_its_own() -> None:
    assert Options().salt != Options().salt


def test_the_figures_in_the_table_are_the_figures_the_page_shows() -> None:
    m = full_map()
    page = {f.key: f for f in compare(m, "nl")}
    for view, column in ((View.CURRENT, "now"), (View.DESIRED, "desired")):
        row = measures_rows([Source(m, "kaart.json")], view)[0]
        for name, shape in FIGURES:
            value = float(row[name])
            shown = str(int(value)) if shape == "whole" else percent(value, "nl") if shape == "percent" else number(value, "nl")
            assert getattr(page[FIGURE_KEYS.get(name, name)], column) == shown, (view, name)


def test_a_measures_row_has_every_figure_of_the_summary() -> None:
    row = measures_rows([Source(full_map(), "kaart.json")])[0]
    assert list(row) == ["file", "change", "perspective", *MEASURE_COLUMNS]
    s = summarise(full_map())
    assert (row["people"], row["own_team"], row["outside"], row["ei_index"]) == ("3", "1", "1", "0.3333")
    assert row["absent_forms"] == ""  # all three forms are there
    assert s.single_source_forms and row["single_source_forms"] == ";".join(f.value for f in s.single_source_forms)


def test_an_empty_map_gives_empty_cells_not_zero() -> None:
    row = measures_rows([Source(NetworkMap())])[0]
    assert (row["people"], row["ei_index"], row["kind_iqv"], row["weekly_share"]) == ("0", "", "", "")
    assert row["absent_kinds"] == ";".join(k.value for k in PersonKind)


def test_the_browsers_download_is_egors_tables_in_a_zip_or_graphml() -> None:
    sources = [Source(full_map()), Source(sample_map())]
    egor = research_download(sources, Format.EGOR, Options(salt=SALT), "kenniskring-onderzoek-2026-12-02")
    assert egor.filename == "kenniskring-onderzoek-2026-12-02-egor.zip"
    with zipfile.ZipFile(io.BytesIO(egor.data)) as archive:
        assert sorted(archive.namelist()) == ["aaties.csv", "alters.csv", "egos.csv"]
        assert len(table(archive.read("egos.csv").decode())) == 2
    one = research_download(sources[:1], Format.GRAPHML, Options(salt=SALT), "stem")
    assert (one.filename, one.mime) == ("stem.graphml", "application/graphml+xml")
    many = research_download(sources, Format.GRAPHML, Options(salt=SALT), "stem")
    with zipfile.ZipFile(io.BytesIO(many.data)) as archive:
        assert sorted(archive.namelist()) == ["e1.graphml", "e2.graphml"]


def test_the_same_tables_give_the_same_zip() -> None:
    sources = [Source(full_map())]
    first = research_download(sources, Format.EGOR, Options(salt=SALT), "s").data
    assert research_download(sources, Format.EGOR, Options(salt=SALT), "s").data == first


@SETTINGS
@given(maps())
def test_any_map_anonymised_keeps_its_people_and_none_of_their_text(m: NetworkMap) -> None:
    tables = egor_tables([Source(m)], Options(salt=SALT))
    alters = table(tables["alters.csv"])
    assert len(alters) == len(m.contacts)
    assert [a["wished"] == "1" for a in alters] == [c.wished for c in m.contacts]
    assert all(a["person"].startswith("p-") for a in alters)
    kept = egor_tables([Source(m)], Options(anonymise=False))
    assert [a["person"] for a in table(kept["alters.csv"])] == [text_cell(c.name) for c in m.contacts]
    assert [a["ring"] for a in alters] == ["" if c.wished else str(RINGS.index(c.ring) + 1) for c in m.contacts]
