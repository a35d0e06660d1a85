"""Which mentions, across a story's articles, state one quantity: pairs weighed on their evidence.

Two mentions in different articles are scored on what their sentences say (`describe.py`):
the words around each figure, weighted by how specific they are within the story and by how near
they stand to it; the counted noun; whose quantity it is; its period; the measure the lexicon
reads, where it reads one; and, for values that agree, how telling that agreement is (two
reports giving 2,290 points is evidence; two giving "two" is little). Pairs are then joined,
strongest first, into claims under three rules:

- an article gives one value per claim (it may restate it);
- a claim may hold values that cannot both be right (a dispute) only where a pair of those
  values has strong evidence of one quantity: the same governing word or counted noun, no
  clash of names or periods, and a high score. Weaker pairs are never set against each other;
- every claim keeps the evidence and the confidence of its weakest needed link.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from digest.claims.describe import Evidence, same_names
from digest.figures.dates import period_bounds
from digest.figures.numbers import overlaps
from digest.model import Mention

#: Score at which two mentions with compatible values are one quantity.
AGREE = 0.34
#: Score at which two mentions whose values cannot both be right are one quantity in dispute.
DISPUTE = 0.5
#: How many candidate partners of each mention are scored (the rest share no telling word).
CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class Link:
    """Why two mentions are one quantity: the score and the words both sentences use."""

    score: float
    shared: tuple[str, ...]
    """Surface words both sentences use near the figure, most telling first."""
    strong: bool
    """Evidence enough to call a difference in value a dispute."""


def compatible(a: Evidence, b: Evidence) -> bool:
    return overlaps(a.interval, b.interval)


def telling(e: Evidence) -> float:
    """How much two equal values say by themselves: a small count (`two`) is common, a precise
    number (`2,290`, `$380,600`, `0.07%`) rarely repeats by chance."""
    low, high = e.interval
    if e.dimension == "date":
        return 0.25
    if not math.isfinite(high) or high <= 0:
        return 0.0
    value = (low + high) / 2
    if e.dimension.startswith(("count:", "number", "age")):
        if value <= 10:
            return 0.0
        return 0.1 if value < 100 else 0.2
    return 0.15


@dataclass(frozen=True, slots=True)
class Story:
    """What the pair score needs to know about the whole story."""

    idf: dict[str, float]
    unseen: float
    """The idf of a stem the story never uses (its largest)."""
    surface: dict[str, str]
    """Stem -> the word the story writes for it."""
    per_article: dict[tuple[str, str], int]
    """(article, dimension) -> how many of the article's figures have that dimension."""


#: Dimensions too loose for "each article states one such figure" to say they are one quantity.
_LOOSE = frozenset({"number", "count:time", "date", "duration"})


def score(a: Mention, ea: Evidence, b: Mention, eb: Evidence, story: Story) -> Link | None:
    """The evidence that mentions `a` and `b` state one quantity, or None where they cannot."""
    idf, unseen, surface = story.idf, story.unseen, story.surface
    if ea.dimension != eb.dimension and not _convertible(ea, eb):
        return None
    owners_differ = bool(ea.owner and eb.owner and not same_names(ea.owner, eb.owner))
    if owners_differ and ea.dimension == "age":
        return None  # two people's ages
    if a.period and b.period and not _same_period(a.period, b.period):
        return None
    va = {w: x * idf.get(w, unseen) for w, x in ea.words.items()}
    vb = {w: x * idf.get(w, unseen) for w, x in eb.words.items()}
    dot = sum(x * vb[w] for w, x in va.items() if w in vb)
    norm = math.sqrt(sum(x * x for x in va.values()) * sum(x * x for x in vb.values()))
    s = dot / norm if norm else 0.0
    shared_near = ea.near & eb.near
    if ea.noun and ea.noun == eb.noun and ea.noun != "person":
        s += 0.2
    agents_differ = bool(not (ea.owner and eb.owner) and ea.agent and eb.agent and not same_names(ea.agent, eb.agent))
    if owners_differ:
        s -= 0.25
    elif agents_differ:
        s -= 0.15
    elif ea.owner and eb.owner:
        s += 0.15
    elif ea.names and eb.names and any(same_names(x, y) for x in ea.names[:2] for y in eb.names[:2]):
        s += 0.05
    if a.measure and b.measure:
        s += 0.15 if a.measure == b.measure else -0.15
    agree = compatible(ea, eb)
    if agree:
        s += telling(ea)
    if ea.dimension == "age":
        s += 0.2 if ea.owner and eb.owner else 0.15  # an age is seldom another age of the same person
    alone = story.per_article.get((a.article, ea.dimension)) == story.per_article.get((b.article, eb.dimension)) == 1
    if alone and ea.dimension not in _LOOSE:
        s += 0.15  # each article states one such figure (one weight, one count of shops)
    shared = tuple(sorted(shared_near, key=lambda w: -idf.get(w, unseen)))
    if ea.dimension == "age":
        strong = bool(ea.owner and eb.owner)  # one person's age, named in both
    else:
        strong = bool(shared or (ea.noun and ea.noun == eb.noun and ea.noun != "person")
                      or (a.measure and a.measure == b.measure) or (alone and ea.dimension not in _LOOSE))
    strong = strong and not owners_differ
    # a difference of orders of magnitude is more often two quantities than one disputed
    ratio = _ratio(ea, eb)
    strong = strong and not agents_differ and s >= DISPUTE + (0.0 if ratio <= 4 else 0.3)
    return Link(s, tuple(surface.get(w, w) for w in shared), strong)


def _ratio(a: Evidence, b: Evidence) -> float:
    xa, xb = (sum(a.interval) / 2, sum(b.interval) / 2)
    if not (math.isfinite(xa) and math.isfinite(xb)) or min(abs(xa), abs(xb)) == 0:
        return 1.0
    return max(abs(xa), abs(xb)) / min(abs(xa), abs(xb))


def _convertible(a: Evidence, b: Evidence) -> bool:
    """Money in two currencies can be compared where the text gives a rate (status.py)."""
    return a.dimension.startswith("money:") and b.dimension.startswith("money:") and \
        a.dimension.partition("/")[2] == b.dimension.partition("/")[2]


def _same_period(a: str, b: str) -> bool:
    a0, a1 = period_bounds(a, 0)
    b0, b1 = period_bounds(b, 0)
    return a0 < b1 and b0 < a1


@dataclass
class _Cluster:
    members: list[int]
    links: list[Link]


def cluster(mentions: Sequence[Mention], evidence: Sequence[Evidence], origin: Sequence[str],
            idf: dict[str, float], unseen: float, surface: dict[str, str]) -> list[tuple[list[int], list[Link]]]:
    """Groups of mention indexes that state one quantity, with the links that joined them.

    `origin[i]` is the source of mention i (copies of one wire report share one)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    values: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for m, e in zip(mentions, evidence, strict=True):
        counts[(m.article, e.dimension)] += 1
        values[(m.article, e.dimension)].append(e.interval)
    story = Story(idf, unseen, surface, dict(counts))

    def states(article: str, e: Evidence) -> bool:
        """Whether the article states the value of `e` (in its dimension) somewhere."""
        return any(overlaps(iv, e.interval) for iv in values.get((article, e.dimension), ()))

    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(evidence):
        keys = set(e.words) | ({f"#{e.noun}"} if e.noun else set()) | {"*"}
        for k in keys:
            index[(_family(e.dimension), k)].append(i)
    edges: list[tuple[float, int, int, Link]] = []
    for i, e in enumerate(evidence):
        # candidates: mentions of the same dimension sharing the most telling words
        ranked: dict[int, float] = defaultdict(float)
        for k in sorted(set(e.words) | ({f"#{e.noun}"} if e.noun else set()), key=lambda w: -idf.get(w, unseen))[:12]:
            for j in index.get((_family(e.dimension), k), ()):
                if j > i and mentions[j].article != mentions[i].article:
                    ranked[j] += idf.get(k, unseen)
        if len(ranked) < CANDIDATES:
            for j in index.get((_family(e.dimension), "*"), ()):
                if j > i and mentions[j].article != mentions[i].article and j not in ranked:
                    ranked[j] = 0.0
        for j in sorted(ranked, key=lambda j: (-ranked[j], j))[:CANDIDATES]:
            link = score(mentions[i], e, mentions[j], evidence[j], story)
            if link and link.strong and not compatible(e, evidence[j]) and (
                    states(mentions[i].article, evidence[j]) or states(mentions[j].article, e)):
                # each source also gives the other's value, for something else ("ages 6 and 16")
                link = Link(link.score, link.shared, False)
            if link and (link.score >= AGREE or link.strong):
                edges.append((-link.score, i, j, link))
    edges.sort(key=lambda t: (t[0], t[1], t[2]))
    of = list(range(len(mentions)))
    clusters = {i: _Cluster([i], []) for i in range(len(mentions))}

    def find(i: int) -> int:
        while of[i] != i:
            of[i] = of[of[i]]
            i = of[i]
        return i

    for _, i, j, link in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        x, y = clusters[ri], clusters[rj]
        if not _may_join(x, y, mentions, evidence, origin, link, i, j):
            continue
        of[rj] = ri
        x.members += y.members
        x.links += [*y.links, link]
        del clusters[rj]
    return [(sorted(c.members), c.links) for _, c in sorted(clusters.items())]


def _family(dimension: str) -> str:
    return "money" if dimension.startswith("money:") else dimension


def _may_join(x: _Cluster, y: _Cluster, mentions: Sequence[Mention], evidence: Sequence[Evidence],
              origin: Sequence[str], link: Link, i: int, j: int) -> bool:
    agree = compatible(evidence[i], evidence[j]) or evidence[i].dimension != evidence[j].dimension
    if not agree and not link.strong:
        return False
    for a in x.members:
        for b in y.members:
            ea, eb = evidence[a], evidence[b]
            same_dim = ea.dimension == eb.dimension
            if mentions[a].article == mentions[b].article and not (same_dim and compatible(ea, eb)):
                return False  # an article gives one value per claim
            if origin[a] == origin[b] and not (same_dim and compatible(ea, eb)):
                return False  # copies of one report do not dispute each other
            if same_dim and not compatible(ea, eb) and not link.strong:
                return False  # joining would set values against each other on weak evidence
    return True
