"""A map as a GraphML graph, for networkx, igraph, Gephi and the like.

One directed graph per map: the ego (the team, or the one person whose map it is) and one node per
person, an edge from the ego to each person. Every attribute is declared with its type
(``attr.type``), so a reader gets numbers and booleans back, not text. What is left out when
anonymised is said in ``research``.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .analysis import summarise
from .model import KNOWLEDGE_FORMS
from .research import Options, Pseudonyms, Source, change_of, measure_cells, person_of, ring_number

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

# (id, for, type): the graph's, the nodes' and the edges' attributes.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("egoID", "graph", "string"),
    ("change", "graph", "string"),
    ("perspective", "graph", "string"),
    ("date", "graph", "string"),
    ("people", "graph", "int"),
    ("ei_index", "graph", "double"),
    ("label", "node", "string"),
    ("type", "node", "string"),
    ("kind", "node", "string"),
    ("role", "node", "string"),
    *((f.value, "node", "boolean") for f in KNOWLEDGE_FORMS),
    ("wished", "node", "boolean"),
    ("note", "node", "string"),
    ("ring", "edge", "int"),
    ("ring_name", "edge", "string"),
    ("desired_ring", "edge", "int"),
)


def _data(key: str, value: str | bool | int | None) -> str:
    """One attribute value; nothing at all for a value that is not there (GraphML's missing value)."""
    if value is None or value == "":
        return ""
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f'<data key="{key}">{escape(xml_text(text))}</data>'


def xml_text(text: str) -> str:
    """Only what XML 1.0 can carry (the reader refuses the rest already; this keeps the file well-formed
    whatever comes in)."""
    return "".join(ch for ch in text if _xml_char(ord(ch)))


def _xml_char(c: int) -> bool:
    return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF


def graphml(source: Source, ego: str, options: Options, pseudonyms: Pseudonyms) -> str:
    m = source.map
    figures = measure_cells(summarise(m, options.view))
    graph_data = (
        _data("egoID", ego)
        + _data("change", change_of(m, options))
        + _data("perspective", m.perspective.value)
        + _data("date", source.day)
        + _data("people", figures["people"])
        + _data("ei_index", figures["ei_index"])
    )
    nodes = [f'<node id="ego">{_data("label", change_of(m, options))}{_data("type", "ego")}</node>']
    edges = []
    for n, c in enumerate(m.contacts, start=1):
        attributes = (
            _data("label", person_of(c, options, pseudonyms))
            + _data("type", "alter")
            + _data("kind", c.kind.value if c.kind else None)
            + _data("role", c.role.value if c.role else None)
            + "".join(_data(f.value, f in c.knowledge) for f in KNOWLEDGE_FORMS)
            + _data("wished", c.wished)
            + ("" if options.anonymise else _data("note", c.note))
        )
        nodes.append(f'<node id="{n}">{attributes}</node>')
        ring = "" if c.wished else _data("ring", ring_number(c.ring)) + _data("ring_name", c.ring.value)
        edges.append(f'<edge source="ego" target="{n}">{ring}{_data("desired_ring", ring_number(c.planned_ring))}</edge>')
    keys = "".join(f'<key id="{key}" for="{where}" attr.name="{key}" attr.type="{kind}"/>' for key, where, kind in KEYS)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<graphml xmlns="{GRAPHML_NS}">{keys}'
        f'<graph id={quoteattr(ego)} edgedefault="directed">{graph_data}'
        f"{''.join(nodes)}{''.join(edges)}</graph></graphml>\n"
    )
