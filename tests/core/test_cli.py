"""The ``kenniskring`` command, run in-process against files in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import networkx as nx
import pytest
from kenniskring.cli import main
from kenniskring.fileformat import FileError, dumps
from kenniskring.research import MEASURE_COLUMNS
from kenniskring.svgfile import read_map_file

from tests.core.factories import full_map
from tests.core.test_research import secret_map, typed_texts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "docs" / "assets" / "examples").glob("*.json"))
CORPUS = ROOT / "tests" / "data" / "corpus"


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def maps(tmp_path: Path) -> list[Path]:
    files = []
    for i, m in enumerate([full_map(), secret_map()]):
        path = tmp_path / f"kaart{i}.json"
        path.write_text(dumps(m, exported_at="2026-11-30T09:00:00+00:00"), encoding="utf-8")
        files.append(path)
    return files


def test_validate_says_ok_per_file_and_exits_0(maps: list[Path]) -> None:
    code, out, err = run("validate", *maps)
    assert code == 0 and err == ""
    assert f"{maps[0]}: ok (people on the map: 4)" in out and "2 of 2 files read." in out


def test_validate_names_each_bad_file_with_the_pages_reason_and_goes_on(maps: list[Path]) -> None:
    code, out, err = run("validate", CORPUS / "ring-daily.json", maps[0], "missing.json", CORPUS / "png-bytes.json")
    assert code == 1
    assert "ring-daily.json: the field ‘ring’ of person 1 has an invalid value" in err
    assert "missing.json: there is no such file." in err
    assert "png-bytes.json: it is not a text file." in err
    assert "kaart0.json: ok" in out and "1 of 4 files read." in out


def test_messages_in_dutch_with_lang_nl(maps: list[Path]) -> None:
    code, out, err = run("validate", "--lang", "nl", maps[0], CORPUS / "ring-daily.json")
    assert code == 1
    assert "kaart0.json: in orde" in out
    assert "heeft een ongeldige waarde" in err


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*") if p.suffix in (".json", ".svg")))
def test_every_corpus_file_is_validated_without_a_crash(name: str) -> None:
    path = CORPUS / name
    try:
        read_map_file(path.read_bytes().decode("utf-8"))
        expected = 0
    except (UnicodeDecodeError, FileError):  # whatever the core refuses, the command must say so and exit 1
        expected = 1
    code, out, err = run("validate", path)
    assert code == expected
    assert (err if expected else out).startswith(f"{path}: " if expected else f"{path}: ok")


def test_measures_as_csv_one_row_per_map(maps: list[Path]) -> None:
    code, out, _ = run("measures", "--csv", *maps)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2
    assert list(rows[0]) == ["file", "change", "perspective", *MEASURE_COLUMNS]
    assert (rows[0]["file"], rows[0]["people"], rows[0]["ei_index"]) == (str(maps[0]), "3", "0.3333")


def test_measures_desired_view_counts_the_wished_for(maps: list[Path]) -> None:
    _, out, _ = run("measures", "--csv", "--view", "desired", maps[0])
    assert next(csv.DictReader(io.StringIO(out)))["people"] == "4"


def test_measures_as_a_table_for_the_terminal(maps: list[Path]) -> None:
    code, out, _ = run("measures", *maps)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["file", str(maps[0]), str(maps[1])]
    assert lines[MEASURE_COLUMNS.index("ei_index") + 3].split() == ["ei_index", "0.3333", "0.3333"]


def test_measures_of_a_bad_file_still_measure_the_others(maps: list[Path]) -> None:
    code, out, err = run("measures", "--csv", CORPUS / "truncated.json", maps[0])
    assert code == 1 and "truncated.json: it is not a valid JSON file" in err
    assert len(list(csv.DictReader(io.StringIO(out)))) == 1


def test_export_egor_writes_three_tables_without_typed_text(maps: list[Path], tmp_path: Path) -> None:
    code, out, _ = run("export", *maps, "--format", "egor", "-o", tmp_path / "egor")
    assert code == 0 and "Anonymised" in out
    assert f"e1 = {maps[0]}" in out and f"e2 = {maps[1]}" in out  # the key, on the terminal only
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "egor").iterdir()}
    assert set(written) == {"egos.csv", "alters.csv", "aaties.csv"}
    assert len(list(csv.DictReader(io.StringIO(written["alters.csv"])))) == 8
    for text in typed_texts(secret_map()) + ["kaart0", "kaart1"]:
        assert all(text not in content for content in written.values()), text


def test_export_keep_names_keeps_them(maps: list[Path], tmp_path: Path) -> None:
    run("export", *maps, "--format", "egor", "-o", tmp_path / "egor", "--keep-names")
    alters = (tmp_path / "egor" / "alters.csv").read_text(encoding="utf-8")
    assert "Geheimnaam0 Ørsted" in alters and "geheime notitie 0" in alters


def test_export_graphml_one_file_or_a_folder(maps: list[Path], tmp_path: Path) -> None:
    assert run("export", maps[0], "--format", "graphml", "-o", tmp_path / "one.graphml")[0] == 0
    assert len(nx.read_graphml(tmp_path / "one.graphml")) == 5
    assert run("export", *maps, "--format", "graphml", "-o", tmp_path / "graphs")[0] == 0
    graphs = sorted((tmp_path / "graphs").iterdir())
    assert [p.name for p in graphs] == ["e1.graphml", "e2.graphml"]
    for text in typed_texts(secret_map()) + ["kaart1"]:
        assert text not in graphs[1].read_text(encoding="utf-8"), text
    code, _, err = run("export", *maps, "--format", "graphml", "-o", tmp_path / "two.graphml")
    assert code == 1 and "give a folder" in err and not (tmp_path / "two.graphml").exists()


def test_export_into_a_file_that_is_not_a_folder_says_so(maps: list[Path], tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("mine", encoding="utf-8")
    code, _, err = run("export", maps[0], "--format", "egor", "-o", tmp_path / "taken")
    assert code == 1 and "is a file" in err
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"


def test_export_with_no_readable_file_writes_nothing(tmp_path: Path) -> None:
    code, _, err = run("export", CORPUS / "truncated.json", "--format", "egor", "-o", tmp_path / "egor")
    assert code == 1 and "nothing was written" in err and not (tmp_path / "egor").exists()


def test_render_svg_is_the_pages_picture_and_opens_again(maps: list[Path], tmp_path: Path) -> None:
    code, _, _ = run("render", maps[0], "-o", tmp_path / "map.svg", "--view", "both")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert code == 0 and svg.startswith("<svg") and 'data-view="both"' in svg
    assert read_map_file(svg) == full_map()


def test_render_png_is_twice_the_pictures_size(maps: list[Path], tmp_path: Path) -> None:
    from kenniskring.layout import layout
    from kenniskring.model import View, view_map
    from kenniskring.render import picture_size

    code, _, _ = run("render", maps[0], "-o", tmp_path / "map.png")
    data = (tmp_path / "map.png").read_bytes()
    assert code == 0 and data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    expected, _ = picture_size(full_map(), View.CURRENT, layout(view_map(full_map(), View.CURRENT)))
    assert width == round(expected * 2)


def test_render_png_without_the_renderer_says_how_to_get_it(
    maps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "resvg_py", None)  # as after `pip install kenniskring` without [png]
    code, _, err = run("render", maps[0], "-o", tmp_path / "map.png")
    assert code == 1 and "pip install 'kenniskring[png]'" in err and not (tmp_path / "map.png").exists()


def test_render_refuses_another_kind_of_picture(maps: list[Path], tmp_path: Path) -> None:
    code, _, err = run("render", maps[0], "-o", tmp_path / "map.jpg")
    assert code == 1 and "must end in .svg or .png" in err


def test_help_is_english_and_dutch_with_lang_nl(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    english = " ".join(capsys.readouterr().out.split())  # as one line: argparse wraps to the terminal
    assert "no text the user typed is in the output" in english
    with pytest.raises(SystemExit):
        main(["--lang", "nl", "export", "--help"])
    assert "geen getypte tekst van de gebruiker" in " ".join(capsys.readouterr().out.split())


def test_the_examples_validate(tmp_path: Path) -> None:
    for example in EXAMPLES:
        shutil.copy(example, tmp_path)
    assert run("validate", *sorted(tmp_path.iterdir()))[0] == 0


def test_measures_over_the_whole_corpus_names_every_bad_file_and_measures_the_rest() -> None:
    files = sorted(CORPUS.glob("*.json"))
    code, out, err = run("measures", "--csv", *files)
    readable = run("validate", *files)[1].count(": ok (")
    assert code == 1
    assert len(list(csv.DictReader(io.StringIO(out)))) == readable
    assert len(err.splitlines()) == len(files) - readable
    assert all(line.startswith(str(CORPUS)) for line in err.splitlines())


def test_graphml_files_with_names_keep_maps_of_the_same_file_name_apart(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "kaart.json").write_text(dumps(full_map()), encoding="utf-8")
    code, _, _ = run("export", tmp_path / "a" / "kaart.json", tmp_path / "b" / "kaart.json", "--format", "graphml",
                     "-o", tmp_path / "out", "--keep-names")  # fmt: skip
    assert code == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["e1-kaart.graphml", "e2-kaart.graphml"]


def test_a_files_own_stamp_is_only_a_date_when_it_is_one(tmp_path: Path) -> None:
    document = json.loads(dumps(full_map()))
    for n, stamp in enumerate(["FatmaYilmaz geheim", "2026-13-45 nee", "2026-11-30T09:00:00+00:00"]):
        (tmp_path / f"k{n}.json").write_text(json.dumps({**document, "exported_at": stamp}), encoding="utf-8")
    run("export", *sorted(tmp_path.glob("k*.json")), "--format", "egor", "-o", tmp_path / "egor")
    egos = list(csv.DictReader(io.StringIO((tmp_path / "egor" / "egos.csv").read_text(encoding="utf-8"))))
    assert [e["date"] for e in egos] == ["", "", "2026-11-30"]


def test_a_device_or_folder_is_refused_without_reading_it(tmp_path: Path) -> None:
    code, _, err = run("validate", "/dev/zero", tmp_path)
    assert code == 1
    assert "/dev/zero: the file cannot be read" in err and f"{tmp_path}: the file cannot be read" in err


def test_a_picture_that_fails_leaves_no_file(maps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kenniskring.cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(kenniskring.cli.os, "replace", broken)
    code, _, err = run("render", maps[0], "-o", tmp_path / "map.svg")
    assert code == 1 and "cannot be written" in err and list(tmp_path.glob("map.svg*")) == []


def write_map(path: Path, m: object) -> Path:
    path.write_text(dumps(m), encoding="utf-8")  # type: ignore[arg-type]
    return path


def test_compare_names_who_is_new_gone_and_moved_and_nobody_else(tmp_path: Path) -> None:
    from kenniskring.model import Action, Ring
    from kenniskring.values import replace

    from tests.core.factories import person, sample_map

    old = replace(sample_map(), actions=(Action("a1", "Lector uitnodigen"),))
    anna, lector, _leader = old.contacts
    new = replace(
        old,
        contacts=(anna, replace(lector, ring=Ring.WEEKLY), person("n", "Coach Bram")),
        actions=(replace(old.actions[0], done=True),),
    )
    code, out, err = run("compare", write_map(tmp_path / "start.json", old), write_map(tmp_path / "later.json", new))
    assert code == 0 and err == ""
    assert "- New: \u2068Coach Bram\u2069" in out
    assert "- No longer on the map: \u2068Teamleider\u2069" in out
    assert "- Closer: \u2068Lector\u2069 (at least monthly → weekly)" in out
    assert "Anna de Vries" not in out  # did not change: not named
    assert "- Done: \u2068Lector uitnodigen\u2069" in out
    assert "What stands out:" in out and out.count("?") >= 3


def test_compare_in_dutch_and_of_a_map_with_itself(tmp_path: Path) -> None:
    from tests.core.factories import sample_map

    same = write_map(tmp_path / "a.json", sample_map())
    code, out, _ = run("compare", same, same, "--lang", "nl")
    assert code == 0
    assert "- Niemand is nieuw, weg of verschoven, en ieders kennis is dezelfde." in out
    assert "Anna de Vries" not in out


def test_compare_draws_the_picture_of_what_changed_when_asked(tmp_path: Path) -> None:
    from kenniskring.values import replace

    from tests.core.factories import person, sample_map

    old = sample_map()
    new = replace(old, contacts=old.contacts + (person("n", "Coach Bram"),))
    picture = tmp_path / "veranderd.svg"
    code, out, err = run("compare", write_map(tmp_path / "a.json", old), write_map(tmp_path / "b.json", new), "--svg", picture)
    assert code == 0 and err == "" and f"Drawn: {picture}." in out
    svg = picture.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'data-marks="new"' in svg and "Coach Bram" in svg


def test_compare_with_a_bad_file_says_why(tmp_path: Path) -> None:
    from tests.core.factories import sample_map

    bad = tmp_path / "kapot.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run("compare", write_map(tmp_path / "a.json", sample_map()), bad)
    assert code == 1 and out == "" and "kapot.json" in err


def test_merge_writes_a_team_map_that_opens_with_each_person_once(tmp_path: Path) -> None:
    from tests.core.test_teammap import three_members

    files = [write_map(tmp_path / f"{m.label}.json", m.map) for m in three_members()]
    out_file = tmp_path / "team.json"
    code, out, err = run("merge", *files, "-o", out_file)
    assert code == 0 and err == ""
    team = read_map_file(out_file.read_text(encoding="utf-8"))
    assert sorted(c.name for c in team.contacts) == ["Fatma Yılmaz", "Lector HU", "Stagebedrijf Zorg"]
    assert team.members == ("Anna", "Bob", "Carla") and sorted(c.named_by for c in team.contacts) == [(0, 1, 2), (0, 2), (1,)]
    assert "3 people from 3 maps; named by one member only: 1" in out
    assert "closest ring anyone named" in out


def test_merge_asks_before_joining_maps_of_different_changes(tmp_path: Path) -> None:
    from kenniskring.model import NetworkMap

    from tests.core.factories import person

    a = write_map(tmp_path / "a.json", NetworkMap(change="Hybride leren", contacts=(person("1", "Kees"),)))
    b = write_map(tmp_path / "b.json", NetworkMap(change="Nieuw curriculum", contacts=(person("2", "Kees"),)))
    out_file = tmp_path / "team.json"
    code, _, err = run("merge", a, b, "-o", out_file, "--lang", "nl")
    assert code == 1 and "verschillende veranderingen" in err and not out_file.exists()
    code, _, _ = run("merge", a, b, "-o", out_file, "--mixed-changes")
    assert code == 0 and len(read_map_file(out_file.read_text(encoding="utf-8")).contacts) == 1


def test_merge_lists_doubts_and_joins_them_only_when_asked(tmp_path: Path) -> None:
    from kenniskring.model import NetworkMap

    from tests.core.factories import person

    a = write_map(tmp_path / "a.json", NetworkMap(contacts=(person("1", "Marieke van Dam"),)))
    b = write_map(tmp_path / "b.json", NetworkMap(contacts=(person("2", "Marieke van Dma"),)))
    out_file = tmp_path / "team.json"
    code, out, _ = run("merge", a, b, "-o", out_file)
    assert code == 0 and "In doubt: ‘Marieke van Dam’ and ‘Marieke van Dma’" in out
    assert len(read_map_file(out_file.read_text(encoding="utf-8")).contacts) == 2
    code, out, _ = run("merge", a, b, "-o", out_file, "--join-doubtful", "--rule", "most_named")
    assert code == 0 and "Joined as one person" in out and "named most often" in out
    assert len(read_map_file(out_file.read_text(encoding="utf-8")).contacts) == 1


def test_merge_of_an_unreadable_member_writes_nothing(tmp_path: Path) -> None:
    from tests.core.factories import sample_map

    bad = tmp_path / "kapot.json"
    bad.write_text("[", encoding="utf-8")
    out_file = tmp_path / "team.json"
    code, _, err = run("merge", write_map(tmp_path / "a.json", sample_map()), bad, "-o", out_file)
    assert code == 1 and "No team map was made" in err and not out_file.exists()
