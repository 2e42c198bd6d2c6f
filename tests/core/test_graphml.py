"""GraphML as networkx reads it: one node per person and the ego, typed attributes, edges from the ego."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
from hypothesis import given
from kenniskring.graphml import GRAPHML_NS, graphml
from kenniskring.model import NetworkMap
from kenniskring.research import Options, Pseudonyms, Source

from tests.core.factories import full_map
from tests.core.test_properties import SETTINGS, maps
from tests.core.test_research import SALT, secret_map, typed_texts


def read(text: str) -> nx.DiGraph:
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")))


def test_a_map_is_a_directed_graph_from_the_ego_to_each_person() -> None:
    m = full_map()
    g = read(graphml(Source(m, "kaart.json", "2026-11-30"), "e1", Options(anonymise=False), Pseudonyms(SALT)))
    assert isinstance(g, nx.DiGraph)
    assert len(g) == len(m.contacts) + 1
    assert sorted(g.successors("ego")) == [str(n) for n in range(1, len(m.contacts) + 1)]
    assert g.graph["egoID"] == "e1" and g.graph["date"] == "2026-11-30" and g.graph["people"] == 3
    assert g.nodes["ego"]["type"] == "ego" and g.nodes["ego"]["label"] == m.change


def test_attributes_come_back_typed() -> None:
    g = read(graphml(Source(full_map()), "e1", Options(anonymise=False), Pseudonyms(SALT)))
    lector = g.nodes["2"]
    assert (lector["label"], lector["kind"], lector["role"]) == ("Lector", "outside", "researcher")
    assert lector["scientific"] is True and lector["professional"] is False and lector["wished"] is False
    assert g.edges["ego", "2"] == {"ring": 2, "ring_name": "monthly", "desired_ring": 1}
    wish = g.nodes["4"]
    assert wish["wished"] is True and "ring" not in g.edges["ego", "4"] and g.edges["ego", "4"]["desired_ring"] == 2
    assert isinstance(g.graph["ei_index"], float)


def test_every_key_is_declared_with_a_type() -> None:
    root = ET.fromstring(graphml(Source(full_map()), "e1", Options(salt=SALT), Pseudonyms(SALT)))
    keys = root.findall(f"{{{GRAPHML_NS}}}key")
    assert keys and all(k.get("attr.type") in {"string", "int", "double", "boolean"} for k in keys)
    used = {d.get("key") for d in root.iter(f"{{{GRAPHML_NS}}}data")}
    assert used <= {k.get("id") for k in keys}


def test_anonymised_graph_holds_no_typed_text() -> None:
    m = secret_map()
    text = graphml(Source(m, "geheim.json"), "e1", Options(salt=SALT), Pseudonyms(SALT))
    for typed in typed_texts(m):
        assert typed not in text, typed
    assert all(g.startswith("p-") for n, g in read(text).nodes(data="label") if n != "ego")


@SETTINGS
@given(maps())
def test_any_map_reads_back_with_one_node_per_person(m: NetworkMap) -> None:
    g = read(graphml(Source(m), "e1", Options(anonymise=False), Pseudonyms(SALT)))
    assert len(g) == len(m.contacts) + 1 and g.number_of_edges() == len(m.contacts)
    assert [g.nodes[str(n)]["label"] for n in range(1, len(m.contacts) + 1)] == [c.name for c in m.contacts]


def test_igraph_reads_the_same_graph(tmp_path: Path) -> None:
    m = full_map()
    file = tmp_path / "map.graphml"
    file.write_text(graphml(Source(m), "e1", Options(anonymise=False), Pseudonyms(SALT)), encoding="utf-8")
    g = igraph.Graph.Read_GraphML(str(file))
    assert g.is_directed() and (g.vcount(), g.ecount()) == (len(m.contacts) + 1, len(m.contacts))
    assert [v["label"] for v in g.vs][1:] == [c.name for c in m.contacts]
    lector = g.vs.find(id="2")
    assert (lector["kind"], lector["role"], lector["scientific"]) == ("outside", "researcher", True)
    assert g.es[g.get_eid(g.vs.find(id="ego").index, lector.index)]["ring"] == 2
