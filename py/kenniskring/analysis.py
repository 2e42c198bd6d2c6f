"""Measures of a map: what the paper version leaves to the eye, counted.

Pure arithmetic on a NetworkMap, for one view of it: the network now (the default: wished-for
contacts do not count) or the desired situation. Every share is ``None`` when there is nobody to
divide by, so an empty map never divides by zero. ``summarise`` gives the key figures as one flat
value: the page's table of figures and the researchers' exports are both made from it.

References (see the site's page on the measures):
- E-I index: Krackhardt & Stern (1988), E-I = (E - I) / (E + I), I = own-team contacts.
- Blau's index H = 1 - sum(p_k^2); IQV = K / (K - 1) * H, K the number of possible categories
  (Agresti & Agresti 1978), so 0 = all in one category and 1 = spread evenly over all K.
- Contact frequency as a proxy for tie strength (Granovetter 1973): only a proxy.
"""

from __future__ import annotations

from .model import KNOWLEDGE_FORMS, RINGS, KnowledgeForm, NetworkMap, PersonKind, Ring, View, view_map
from .values import field, frozen

KINDS: tuple[PersonKind, ...] = tuple(PersonKind)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def blau(counts: list[int]) -> float | None:
    """Blau's heterogeneity index over category counts; None without any observation."""
    total = sum(counts)
    if not total:
        return None
    return 1 - sum((c / total) ** 2 for c in counts)


def iqv(counts: list[int]) -> float | None:
    """Blau's index normalised by its maximum for K = len(counts) possible categories."""
    h = blau(counts)
    k = len(counts)
    return None if h is None or k < 2 else h * k / (k - 1)


@frozen
class Measures:
    n: int
    # Table: people per ring and kind, and per ring, kind and knowledge form.
    people: dict[Ring, dict[PersonKind, int]]
    knowledge: dict[Ring, dict[PersonKind, dict[KnowledgeForm, int]]]
    kind_counts: dict[PersonKind, int]
    kind_people: dict[PersonKind, tuple[str, ...]]
    form_people: dict[KnowledgeForm, tuple[str, ...]]
    form_rings: dict[KnowledgeForm, tuple[Ring, ...]]
    kind_rings: dict[PersonKind, tuple[Ring, ...]]
    without_knowledge: tuple[str, ...]
    # People whose kind nobody chose yet: left out of every measure of kinds (never counted as a default).
    kind_open: tuple[str, ...] = ()
    ring_counts: dict[Ring, int] = field(default_factory=dict)

    @property
    def known(self) -> int:
        """The people whose kind is known: what the measures of kinds are of."""
        return self.n - len(self.kind_open)

    @property
    def kind_shares(self) -> dict[PersonKind, float | None]:
        return {k: share(v, self.known) for k, v in self.kind_counts.items()}

    # Bonding and bridging ------------------------------------------------------------------
    @property
    def own_team(self) -> int:
        return self.kind_counts[PersonKind.OWN_TEAM]

    @property
    def own_team_share(self) -> float | None:
        return share(self.own_team, self.known)

    @property
    def outside_team_share(self) -> float | None:
        return share(self.known - self.own_team, self.known)

    @property
    def ei_index(self) -> float | None:
        internal, external = self.own_team, self.known - self.own_team
        return share(external - internal, external + internal)

    # Diversity -----------------------------------------------------------------------------
    @property
    def kind_blau(self) -> float | None:
        return blau([self.kind_counts[k] for k in KINDS])

    @property
    def kind_iqv(self) -> float | None:
        return iqv([self.kind_counts[k] for k in KINDS])

    @property
    def form_mentions(self) -> dict[KnowledgeForm, int]:
        return {f: len(self.form_people[f]) for f in KNOWLEDGE_FORMS}

    @property
    def mentions(self) -> int:
        return sum(self.form_mentions.values())

    @property
    def form_shares(self) -> dict[KnowledgeForm, float | None]:
        return {f: share(c, self.mentions) for f, c in self.form_mentions.items()}

    @property
    def form_blau(self) -> float | None:
        return blau(list(self.form_mentions.values()))

    @property
    def form_iqv(self) -> float | None:
        return iqv(list(self.form_mentions.values()))

    # Strong and weak ties (frequency as a proxy) --------------------------------------------
    def ring_share(self, ring: Ring) -> float | None:
        return share(self.ring_counts.get(ring, 0), self.n)

    @property
    def inner_share(self) -> float | None:
        return self.ring_share(Ring.WEEKLY)

    @property
    def outer_share(self) -> float | None:
        return self.ring_share(Ring.LESS_OFTEN)

    # Range, single sources, blind spots ----------------------------------------------------
    @property
    def forms_reached(self) -> int:
        return sum(1 for f in KNOWLEDGE_FORMS if self.form_people[f])

    @property
    def absent_forms(self) -> tuple[KnowledgeForm, ...]:
        return tuple(f for f in KNOWLEDGE_FORMS if not self.form_people[f])

    @property
    def absent_kinds(self) -> tuple[PersonKind, ...]:
        return tuple(k for k in KINDS if not self.kind_people[k])

    @property
    def single_source_forms(self) -> tuple[KnowledgeForm, ...]:
        return tuple(f for f in KNOWLEDGE_FORMS if len(self.form_people[f]) == 1)

    @property
    def single_source_kinds(self) -> tuple[PersonKind, ...]:
        return tuple(k for k in KINDS if len(self.kind_people[k]) == 1)

    @property
    def outer_only_forms(self) -> tuple[KnowledgeForm, ...]:
        return tuple(f for f in KNOWLEDGE_FORMS if self.form_rings[f] == (Ring.LESS_OFTEN,))

    @property
    def outer_only_kinds(self) -> tuple[PersonKind, ...]:
        return tuple(k for k in KINDS if self.kind_rings[k] == (Ring.LESS_OFTEN,))


def measure(m: NetworkMap, view: View = View.CURRENT) -> Measures:
    """The measures of the network now (``View.CURRENT``) or of the desired situation."""
    if view is View.BOTH:
        raise ValueError("measures are of one situation: View.CURRENT or View.DESIRED")
    m = view_map(m, view)
    people = {r: {k: 0 for k in KINDS} for r in RINGS}
    knowledge = {r: {k: {f: 0 for f in KNOWLEDGE_FORMS} for k in KINDS} for r in RINGS}
    kind_people: dict[PersonKind, list[str]] = {k: [] for k in KINDS}
    form_people: dict[KnowledgeForm, list[str]] = {f: [] for f in KNOWLEDGE_FORMS}
    form_rings: dict[KnowledgeForm, set[Ring]] = {f: set() for f in KNOWLEDGE_FORMS}
    kind_rings: dict[PersonKind, set[Ring]] = {k: set() for k in KINDS}
    without: list[str] = []
    kind_open: list[str] = []
    ring_counts = {r: 0 for r in RINGS}
    for c in m.contacts:
        ring_counts[c.ring] += 1
        if not c.knowledge:
            without.append(c.id)
        for f in c.knowledge:
            form_people[f].append(c.id)
            form_rings[f].add(c.ring)
        if c.kind is None:
            kind_open.append(c.id)
            continue
        people[c.ring][c.kind] += 1
        kind_people[c.kind].append(c.id)
        kind_rings[c.kind].add(c.ring)
        for f in c.knowledge:
            knowledge[c.ring][c.kind][f] += 1

    def ordered(rings: set[Ring]) -> tuple[Ring, ...]:
        return tuple(r for r in RINGS if r in rings)

    return Measures(
        n=len(m.contacts),
        people=people,
        knowledge=knowledge,
        kind_counts={k: len(v) for k, v in kind_people.items()},
        kind_people={k: tuple(v) for k, v in kind_people.items()},
        form_people={f: tuple(v) for f, v in form_people.items()},
        form_rings={f: ordered(v) for f, v in form_rings.items()},
        kind_rings={k: ordered(v) for k, v in kind_rings.items()},
        without_knowledge=tuple(without),
        kind_open=tuple(kind_open),
        ring_counts=ring_counts,
    )


@frozen
class Summary:
    """The key figures of one view of a map: a row of the researchers' table, and the page's figures."""

    people: int
    own_team: int
    organisation: int
    outside: int
    own_team_share: float | None
    ei_index: float | None
    kind_blau: float | None
    kind_iqv: float | None
    form_blau: float | None
    form_iqv: float | None
    weekly_share: float | None
    monthly_share: float | None
    less_often_share: float | None
    forms_reached: int
    single_source_forms: tuple[KnowledgeForm, ...]
    absent_forms: tuple[KnowledgeForm, ...]
    absent_kinds: tuple[PersonKind, ...]
    without_knowledge: int


def summarise(m: NetworkMap, view: View = View.CURRENT) -> Summary:
    ms = measure(m, view)
    return Summary(
        people=ms.n,
        own_team=ms.kind_counts[PersonKind.OWN_TEAM],
        organisation=ms.kind_counts[PersonKind.ORGANISATION],
        outside=ms.kind_counts[PersonKind.OUTSIDE],
        own_team_share=ms.own_team_share,
        ei_index=ms.ei_index,
        kind_blau=ms.kind_blau,
        kind_iqv=ms.kind_iqv,
        form_blau=ms.form_blau,
        form_iqv=ms.form_iqv,
        weekly_share=ms.ring_share(Ring.WEEKLY),
        monthly_share=ms.ring_share(Ring.MONTHLY),
        less_often_share=ms.ring_share(Ring.LESS_OFTEN),
        forms_reached=ms.forms_reached,
        single_source_forms=ms.single_source_forms,
        absent_forms=ms.absent_forms,
        absent_kinds=ms.absent_kinds,
        without_knowledge=len(ms.without_knowledge),
    )
