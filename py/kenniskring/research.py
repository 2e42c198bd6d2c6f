"""Maps as tables for research: one row of figures per map, and egor's ego / alter / alter-alter tables.

egor (R) reads three tables whose columns are named by its defaults: ``egos.csv`` (one row per
map, ``egoID``), ``alters.csv`` (one row per person, ``egoID`` and ``alterID``) and ``aaties.csv``
(ties between people, ``egoID``, ``Source``, ``Target``: a Kenniskring map has none, so it holds
only its header). ``graphml`` writes the same maps as graphs.

Anonymised (the default for every export): a person's name becomes a pseudonym, a keyed hash of
the name (``names.name_key``) with a salt made for the run, so the same person has the same
pseudonym in every map of the run and a list of likely names cannot be hashed to find them again;
the change's name becomes the category the researcher gives (or nothing); notes, reflection
answers, actions and file names (which are made from the change's name) are left out. Nothing a
user typed is in the output. Kept names are guarded against spreadsheet formulas.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from enum import StrEnum

from .analysis import Summary, summarise
from .model import KNOWLEDGE_FORMS, RINGS, Contact, NetworkMap, Ring, View
from .names import name_key
from .values import field, field_names, frozen

SALT_BYTES = 16


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


@frozen
class Source:
    """One map to export, with what names it outside its content: its file (or title) and its date."""

    map: NetworkMap
    label: str = ""  # the file it came from, or its title in the browser: typed text, left out when anonymised
    date: str = ""  # ISO date or moment: when the file was exported, or the map last changed

    @property
    def day(self) -> str:
        """The date as YYYY-MM-DD, or "" when it is not one: a file's own stamp is text it brings along."""
        try:
            return datetime.date.fromisoformat(self.date[:10]).isoformat() if len(self.date) >= 10 else ""
        except ValueError:
            return ""


@frozen
class Options:
    anonymise: bool = True
    salt: bytes = field(default_factory=new_salt, repr=False)
    category: str = ""  # what stands for the change's name when anonymised
    view: View = View.CURRENT


class Format(StrEnum):
    EGOR = "egor"
    GRAPHML = "graphml"


class Pseudonyms:
    """The same name gives the same pseudonym for as long as the salt is the same."""

    def __init__(self, salt: bytes) -> None:
        self._salt = salt
        self._given: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, name: str) -> str:
        key = name_key(name)
        if key not in self._given:
            digest = hashlib.blake2b(key.encode("utf-8"), key=self._salt, digest_size=16).hexdigest()
            size = 8
            while "p-" + digest[:size] in self._taken:  # another name with the same start: take more
                size += 2
            self._given[key] = "p-" + digest[:size]
            self._taken.add(self._given[key])
        return self._given[key]


# The figures of a map, as columns: the names of ``Summary``'s fields.
MEASURE_COLUMNS: tuple[str, ...] = field_names(Summary)


def cell(value: object) -> str:
    """A value as a CSV cell: numbers as numbers (4 decimals at most), none as empty (NA), lists with ';'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return format(round(value, 4), "g")
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def text_cell(text: str) -> str:
    """Typed text as a cell that a spreadsheet shows as text, never runs as a formula (OWASP's advice)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def measure_cells(s: Summary) -> dict[str, str]:
    return {name: cell(getattr(s, name)) for name in MEASURE_COLUMNS}


def ring_number(ring: Ring | None) -> str:
    """1 weekly, 2 at least monthly, 3 less often: the order of the rings, inner to outer."""
    return "" if ring is None else str(RINGS.index(ring) + 1)


def ego_id(n: int) -> str:
    return f"e{n + 1}"


def change_of(m: NetworkMap, options: Options) -> str:
    return options.category if options.anonymise else m.change


def person_of(c: Contact, options: Options, pseudonyms: Pseudonyms) -> str:
    return pseudonyms(c.name) if options.anonymise else c.name


def measures_rows(sources: Sequence[Source], view: View = View.CURRENT) -> list[dict[str, str]]:
    """One row per map: its file, change and perspective, then its figures."""
    return [
        {"file": text_cell(s.label), "change": text_cell(s.map.change), "perspective": s.map.perspective.value}
        | measure_cells(summarise(s.map, view))
        for s in sources
    ]


def ego_columns(options: Options) -> list[str]:
    kept = [] if options.anonymise else ["file"]
    return ["egoID", *kept, "change", "perspective", "date", "view", *MEASURE_COLUMNS, "wished", "to_move"]


def alter_columns(options: Options) -> list[str]:
    forms = [f.value for f in KNOWLEDGE_FORMS]
    kept = [] if options.anonymise else ["note"]
    return ["egoID", "alterID", "person", "ring", "ring_name", "kind", "role", *forms, "desired_ring", "wished", *kept]


AATIE_COLUMNS = ["egoID", "Source", "Target"]


def alter_rows(ego: str, m: NetworkMap, options: Options, pseudonyms: Pseudonyms) -> list[dict[str, str]]:
    rows = []
    for n, c in enumerate(m.contacts, start=1):
        row = {
            "egoID": ego,
            "alterID": str(n),
            "person": text_cell(person_of(c, options, pseudonyms)),
            # A wished-for contact is not in the network now: no current ring, only a desired one.
            "ring": "" if c.wished else ring_number(c.ring),
            "ring_name": "" if c.wished else c.ring.value,
            "kind": c.kind.value if c.kind else "",  # not chosen yet: empty, as any missing value
            "role": c.role.value if c.role else "",
            **{f.value: cell(f in c.knowledge) for f in KNOWLEDGE_FORMS},
            "desired_ring": ring_number(c.planned_ring),
            "wished": cell(c.wished),
        }
        if not options.anonymise:
            row["note"] = text_cell(c.note)
        rows.append(row)
    return rows


def egor_tables(sources: Sequence[Source], options: Options) -> dict[str, str]:
    """``egos.csv``, ``alters.csv`` and ``aaties.csv`` as text, for ``egor::threefiles_to_egor()``."""
    pseudonyms = Pseudonyms(options.salt)
    egos, alters = [], []
    for n, s in enumerate(sources):
        m = s.map
        row = {
            "egoID": ego_id(n),
            "change": text_cell(change_of(m, options)),
            "perspective": m.perspective.value,
            "date": s.day,
            "view": options.view.value,
            **measure_cells(summarise(m, options.view)),
            "wished": str(len(m.wished)),
            "to_move": str(sum(1 for c in m.contacts if c.desired_ring is not None)),
        }
        if not options.anonymise:
            row["file"] = text_cell(s.label)
        egos.append(row)
        alters += alter_rows(ego_id(n), m, options, pseudonyms)
    return {
        "egos.csv": to_csv(egos, ego_columns(options)),
        "alters.csv": to_csv(alters, alter_columns(options)),
        "aaties.csv": to_csv([], AATIE_COLUMNS),
    }


def to_csv(rows: Iterable[dict[str, str]], columns: Sequence[str]) -> str:
    """Comma-separated, a header row, UTF-8 without a byte-order mark (R and pandas read it as it is)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def zip_files(files: dict[str, str]) -> bytes:
    """Text files as one zip; a fixed date inside, so the same tables give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


@frozen
class Download:
    filename: str
    data: bytes
    mime: str


def research_download(sources: Sequence[Source], fmt: Format, options: Options, stem: str) -> Download:
    """What the page's "Download for research" gives: egor's tables as a zip, or GraphML (a zip of
    one file per map when there are several). ``stem`` starts the file's name."""
    from .graphml import graphml  # only when asked for: nothing of this is needed to draw the map

    if fmt is Format.EGOR:
        return Download(f"{stem}-egor.zip", zip_files(egor_tables(sources, options)), "application/zip")
    pseudonyms = Pseudonyms(options.salt)
    graphs = {f"{ego_id(n)}.graphml": graphml(s, ego_id(n), options, pseudonyms) for n, s in enumerate(sources)}
    if len(graphs) == 1:
        return Download(f"{stem}.graphml", next(iter(graphs.values())).encode("utf-8"), "application/graphml+xml")
    return Download(f"{stem}-graphml.zip", zip_files(graphs), "application/zip")
