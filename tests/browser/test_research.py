"""'Download voor onderzoek' in the list of maps: egor's tables or GraphML, anonymised by default."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
from playwright.sync_api import Page, expect

from .test_map_flow import THREE, fill_three
from .tool import open_tool

EXAMPLE_NAMES = ["Sanne (docent)", "Joris (docent)", "Fatma (docent)", "Teamleider", "Lector"]


def table(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


def test_research_tables_of_every_map_anonymised_then_graphml_with_names(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tool(page, site_url)
    fill_three(page)
    page.goto(site_url + "tool/?voorbeeld")
    expect(page.get_by_role("status").filter(has_text="Het voorbeeld is geopend als nieuwe kaart.")).to_be_visible(timeout=60_000)
    page.get_by_text("Mijn kaarten in deze browser (2)").click()
    page.get_by_text("Download voor onderzoek", exact=True).click()
    research = page.get_by_role("group", name="Download voor onderzoek")
    expect(research.get_by_role("checkbox", name="Anonimiseren (aanbevolen)")).to_be_checked()
    research.get_by_role("radio", name="Alle kaarten in deze browser").check()
    with page.expect_download() as download:
        research.get_by_role("button", name="Downloaden").click()
    assert download.value.suggested_filename.startswith("kenniskring-onderzoek-")
    assert download.value.suggested_filename.endswith("-egor.zip")
    expect(page.get_by_role("status")).to_contain_text("geanonimiseerd. Aantal kaarten: 2.")
    saved = tmp_path / "egor.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert sorted(archive.namelist()) == ["aaties.csv", "alters.csv", "egos.csv"]
        egos, alters = table(archive, "egos.csv"), table(archive, "alters.csv")
        everything = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    assert sorted(e["people"] for e in egos) == ["3", "8"]
    assert len(alters) == 3 + 9
    for name in [person[0] for person in THREE] + EXAMPLE_NAMES + ["Flexibel en hybride leren"]:
        assert name not in everything, name

    # Names kept, this map only (the example, open now), as GraphML.
    research.get_by_role("radio", name="Deze kaart").check()
    research.get_by_role("radio", name="GraphML (networkx, igraph, Gephi)").check()
    research.get_by_role("checkbox", name="Anonimiseren (aanbevolen)").uncheck()
    with page.expect_download() as graph:
        research.get_by_role("button", name="Downloaden").press("Enter")  # by keyboard too
    expect(page.get_by_role("status")).to_contain_text("mét namen en notities")
    graph.value.save_as(tmp_path / "map.graphml")
    g = nx.read_graphml(tmp_path / "map.graphml")
    labels = {label for node, label in g.nodes(data="label") if node != "ego"}
    assert len(g) == 10 and set(EXAMPLE_NAMES) <= labels
