"""The package as a researcher gets it: ``pip install .`` into a fresh venv, then every sub-command.

Installed offline from the wheels ``make setup`` downloads (.cache/package-wheels: the build backend,
svgwrite and the PNG renderer), from a copy of the sources, so the work tree gets no build files.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import venv
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
WHEELS = ROOT / ".cache" / "package-wheels"
EXAMPLE = ROOT / "docs" / "assets" / "examples" / "voorbeeld.json"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with ``pip install '.[png]'`` done in it; its bin folder."""
    assert WHEELS.is_dir(), "run `make setup` first: it downloads what pip install needs into .cache/package-wheels"
    base = tmp_path_factory.mktemp("package")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(ROOT / "py" / "kenniskring", source / "py" / "kenniskring", ignore=shutil.ignore_patterns("__pycache__"))
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index"]
    subprocess.run([*pip, "--find-links", str(WHEELS), f"{source}[png]"], check=True, cwd=base)
    return bin_dir


def kk(bin_dir: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "kenniskring"), *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_the_package_imports_outside_the_project(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import kenniskring, kenniskring.fileformat as f; print(kenniskring.__version__, f.FORMAT_VERSION, kenniskring.__file__)"
    )
    done = subprocess.run([str(installed / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    version, _, where = done.stdout.split()
    assert version == "0.1.0" and str(ROOT) not in where and "site-packages" in where


def test_only_svgwrite_and_the_optional_renderer_are_installed(installed: Path, tmp_path: Path) -> None:
    listed = subprocess.run(
        [str(installed / "python"), "-m", "pip", "list", "--format", "json", "--disable-pip-version-check"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    names = {p["name"].lower().replace("_", "-") for p in json.loads(listed.stdout)}
    assert names - {"pip", "setuptools"} == {"kenniskring", "svgwrite", "resvg-py"}


def test_every_sub_command_works_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "kaart.json")
    assert "usage: kenniskring" in kk(installed, "--help", cwd=tmp_path).stdout
    validated = kk(installed, "validate", "kaart.json", cwd=tmp_path)
    assert validated.returncode == 0 and "kaart.json: ok" in validated.stdout
    measured = kk(installed, "measures", "--csv", "kaart.json", cwd=tmp_path)
    assert next(csv.DictReader(measured.stdout.splitlines()))["people"] == "8"
    assert kk(installed, "export", "kaart.json", "--format", "egor", "-o", "egor", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in (tmp_path / "egor").iterdir()) == ["aaties.csv", "alters.csv", "egos.csv"]
    assert kk(installed, "export", "kaart.json", "--format", "graphml", "-o", "kaart.graphml", cwd=tmp_path).returncode == 0
    assert len(nx.read_graphml(tmp_path / "kaart.graphml")) == 10
    assert kk(installed, "render", "kaart.json", "-o", "kaart.svg", cwd=tmp_path).returncode == 0
    assert kk(installed, "render", "kaart.json", "-o", "kaart.png", cwd=tmp_path).returncode == 0
    assert (tmp_path / "kaart.png").read_bytes()[:4] == b"\x89PNG"


def test_the_installed_package_carries_its_translation_catalogues(installed: Path, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "kaart.json")
    shutil.copy(EXAMPLE, tmp_path / "tweede.json")
    dutch = kk(installed, "--lang", "nl", "validate", "kaart.json", "tweede.json", cwd=tmp_path)
    assert dutch.returncode == 0 and "kaart.json: in orde (mensen op de kaart: 9)" in dutch.stdout
    assert "2 van 2 bestanden gelezen." in dutch.stdout  # a plural form, from the compiled catalogue
    probe = "import kenniskring.i18n as i; print(*i.languages(), i.catalogue('nl') is not None)"
    done = subprocess.run([str(installed / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert done.stdout.split() == ["nl", "en", "True"]


def test_the_installed_export_holds_no_typed_text_and_keeps_pseudonyms_stable(installed: Path, tmp_path: Path) -> None:
    from kenniskring.fileformat import dumps

    from tests.core.test_research import secret_map, typed_texts

    for name in ("geheim-a.json", "geheim-b.json"):
        (tmp_path / name).write_text(dumps(secret_map()), encoding="utf-8")
    assert (
        kk(installed, "export", "geheim-a.json", "geheim-b.json", "--format", "egor", "-o", "egor", cwd=tmp_path).returncode == 0
    )
    assert kk(installed, "export", "geheim-a.json", "--format", "graphml", "-o", "a.graphml", cwd=tmp_path).returncode == 0
    written = [p.read_text(encoding="utf-8") for p in [*(tmp_path / "egor").iterdir(), tmp_path / "a.graphml"]]
    for text in typed_texts(secret_map()) + ["geheim-a", "geheim-b"]:
        assert all(text not in content for content in written), text
    alters = list(csv.DictReader((tmp_path / "egor" / "alters.csv").read_text(encoding="utf-8").splitlines()))
    people = len(secret_map().contacts)
    assert len(alters) == 2 * people
    assert [a["person"] for a in alters[:people]] == [a["person"] for a in alters[people:]]  # one run, one pseudonym


def test_a_bad_file_fails_with_the_message_in_dutch(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "kapot.json").write_text('{"type": "kenniskring", "version": 2', encoding="utf-8")
    done = kk(installed, "validate", "--lang", "nl", "kapot.json", cwd=tmp_path)
    assert done.returncode == 1 and "kapot.json: het is geen geldig JSON-bestand" in done.stderr


def test_the_command_runs_as_a_module_too(installed: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(installed / "python"), "-m", "kenniskring.cli", "--help"], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0 and "validate" in done.stdout
