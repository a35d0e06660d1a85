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

import bisect
import heapq
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest.claims.describe import Evidence
from digest.claims.measures import MEASURES, same_measure
from digest.claims.subjects import same_names
from digest.figures.dates import period_bounds
from digest.figures.numbers import overlaps
from digest.model import Mention

#: The pair model: weights fitted by `make model` on annotated pairs of the dev set.
MODEL_FILE = Path(__file__).with_name("pair_model.json")
#: Probability at which two mentions with compatible values are one quantity.
AGREE = 0.3
#: The least the sentences alone must say for agreeing values to be joined: equal values with
#: nothing else in common are two quantities as often as one.
AGREE_CONTEXT = 0.15
#: Probability (of the `differ` model, fitted on pairs whose values cannot both be right) at which
#: two such mentions are one quantity in dispute. Few differing pairs are one quantity (about one
#: in fourteen of the annotated ones), so the model's probabilities are low: at 0.3 a pair is
#: several times likelier one quantity than a differing pair is on average (0.25 found one more
#: dispute of the dev set and showed two false ones: precision first).
DISPUTE = 0.3
#: The same for values more than four times apart (more often two quantities than one disputed).
DISPUTE_FAR = 0.9
#: How specific (idf, relative to the rarest word's) a shared word must be to govern a dispute.
SPECIFIC = 0.3
#: Probability at which a mention joins a disputed claim that already holds its value.
AGREE_TWIN = 0.3
#: Probability from the words alone at which a pair whose values differ, not strong enough for a
#: dispute, is listed for the editor (`digest check`).
HELD_BACK = 0.5
#: How many candidate partners of each mention are scored (the rest share no telling word).
CANDIDATES = 40
#: A word beside more figures than this is no candidate key (a story of a thousand reports, a line
#: restating one sentence thousands of times); a story of a few reports has a few hundred figures.
MAX_POSTINGS = 500


@dataclass(frozen=True, slots=True)
class Link:
    """Why two mentions are one quantity: the score and the words both sentences use."""

    score: float
    shared: tuple[str, ...]
    """Surface words both sentences use near the figure, most telling first."""
    strong: bool
    """Evidence enough to call a difference in value a dispute."""
    context: float = 0.0
    """The probability from the sentences alone, whatever the values."""


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
    """(article, dimension) -> how many different values of that dimension the article states."""
    vectors: dict[int, tuple[dict[str, float], float]] = field(default_factory=dict)
    """id(evidence) -> its words weighted by idf, and the vector's length (made once)."""

    def vector(self, e: Evidence) -> tuple[dict[str, float], float]:
        made = self.vectors.get(id(e))
        if made is None:
            v = {w: x * self.idf.get(w, self.unseen) for w, x in e.words.items()}
            made = self.vectors[id(e)] = (v, math.sqrt(sum(x * x for x in v.values())))
        return made


#: Lexicon measures of a stock as of a date (a valuation): two dates give one quantity, reported
#: as dated differently; a flow (revenue, a budget) of two periods is two quantities.
STOCK_MEASURES = frozenset(m.name for m in MEASURES if not m.flow)
#: Features of the values, not the words: the `context` model (the words alone, which lists
#: pairs for the editor) leaves them out (whether values agree, how telling the agreement is,
#: how often figures of a dimension are one quantity).
VALUE_FEATURES = ("agree", "telling", "far apart", "age", "one person's age", "duration", "date", "year", "people", "bare number")
#: Dimensions too loose for "each article states one such figure" to say they are one quantity.
_LOOSE = frozenset({"number", "count:time", "date", "duration"})


def features(a: Mention, ea: Evidence, b: Mention, eb: Evidence, story: Story) -> dict[str, float] | None:
    """The evidence that `a` and `b` state one quantity, as named numbers; None where they
    cannot (other dimensions, two people's ages, two periods)."""
    idf, unseen = story.idf, story.unseen
    loose = ea.dimension != eb.dimension and _bare_and_counted(ea, eb)
    if ea.dimension != eb.dimension and not _convertible(ea, eb) and not (loose and compatible(ea, eb)):
        return None
    owners_differ = bool(ea.owner and eb.owner and not same_names(ea.owner, eb.owner))
    if owners_differ and ea.dimension == "age":
        return None  # two people's ages
    if a.period and b.period and not _same_period(a.period, b.period) and not (
            a.label and b.label and _one_measure(a.label, b.label) and a.label in STOCK_MEASURES):
        return None  # Q2 revenue is not Q3 revenue (a valuation dated differently is one, in dispute)
    if ea.span and eb.span and ea.span != eb.span:
        return None  # the time since an event is not how long a state lasted ("in hospital
        # for three weeks" beside "a heart attack suffered three weeks ago")
    va, na = story.vector(ea)
    vb, nb = story.vector(eb)
    if len(vb) < len(va):
        va, vb = vb, va
    dot = sum(x * vb[w] for w, x in va.items() if w in vb)
    norm = na * nb
    near = sum(idf.get(w, unseen) for w in sorted(ea.near & eb.near))
    agents_differ = bool(not (ea.owner and eb.owner) and ea.agent and eb.agent
                         and not same_names(ea.agent, eb.agent))
    agree = compatible(ea, eb)
    alone = story.per_article.get((a.article, ea.dimension)) == story.per_article.get((b.article, eb.dimension)) == 1
    dim = _family(ea.dimension, bare=True)
    year_only = dim == "date" and ea.interval[1] - ea.interval[0] > 0.5
    return {
        "cosine": dot / norm if norm else 0.0,
        "near": near / (1.0 + near),
        "same noun": float(bool(ea.noun and ea.noun == eb.noun and ea.noun != "person")),
        "people": float(ea.noun == eb.noun == "person"),
        "same owner": float(bool(ea.owner and eb.owner and not owners_differ)),
        "other owner": float(owners_differ),
        "other agent": float(agents_differ),
        # where: marchers in Patras are not marchers in Thessaloniki (Salonika is)
        "other place": float(bool(ea.place and eb.place and not same_names(ea.place, eb.place))),
        # whose quantity, as the lexicon reads it (the thing bought, a possessive, the story's
        # main name where the sentence names none): two subjects, two quantities
        "other subject": float(bool(a.subject and b.subject and not same_names(a.subject, b.subject))),
        "same names": float(bool(ea.names and eb.names and any(
            same_names(x, y) for x in ea.names[:2] for y in eb.names[:2]))),
        "same measure": float(bool(a.label and b.label and _one_measure(a.label, b.label)
                                   and _informative(a.label))),
        "other measure": float(bool(a.label and b.label and not _one_measure(a.label, b.label)
                                    and _informative(a.label) and _informative(b.label))),
        "agree": float(agree),
        "telling": telling(ea) if agree else 0.0,
        "far apart": float(_ratio(ea, eb) > 4),
        "age": float(ea.dimension == "age"),
        # ages of two people mostly differ; one person's age, given twice, is one quantity
        "one person's age": float(ea.dimension == "age" and bool(ea.owner and eb.owner and not owners_differ)),
        "alone": float(alone and ea.dimension not in _LOOSE),
        "bare number": float(loose or dim == "number" and ea.dimension == "number"),
        "listed": float(ea.listed or eb.listed),
        "same mate": float(_share_a_mate(ea, eb)),
        "date": float(dim == "date" and not year_only),
        "year": float(year_only),
        "duration": float(dim == "duration"),
        # both sentences use the time span alike: the time between two events (`married two
        # weeks ago`) or how long a state lasted (`served five months`)
        "same span": float(bool(ea.span and ea.span == eb.span)),
    }


def score(a: Mention, ea: Evidence, b: Mention, eb: Evidence, story: Story) -> Link | None:
    """How likely `a` and `b` state one quantity (the pair model's probability), or None."""
    x = features(a, ea, b, eb, story)
    if x is None:
        return None
    # how likely the sentences state one quantity, judged on the words alone (the disputed pairs
    # are too few to weigh context on their own; all pairs together are not)
    context = _probability(x, "context")
    p = _probability(x, "agree") if x["agree"] else _probability(x, "differ")
    shared = tuple(sorted(ea.near & eb.near, key=lambda w: (-story.idf.get(w, story.unseen), w)))
    # a dispute needs evidence of its own kind: one person's age named in both, or a governing
    # word, counted noun or measure in common, or the one such figure of each article
    if ea.dimension == "age":
        kind = bool(x["same owner"])
    else:
        # a word nearer another figure of either sentence is that figure's (`3MB L2 cache`
        # beside a clock speed): it cannot make a dispute of this one
        specific = [w for w in shared if story.idf.get(w, story.unseen) >= SPECIFIC * story.unseen
                    and w not in ea.borrowed | eb.borrowed]
        # a counted noun in common says "one quantity" when the story rarely counts it
        # (`pre-orders`); in a boxing story every other figure counts rounds
        noun_specific = bool(x["same noun"]) and story.idf.get(ea.noun or "", story.unseen) >= SPECIFIC * story.unseen
        kind = bool(specific or x["same measure"] or noun_specific or x["alone"] and x["cosine"] > 0)
    # a figure its sentence dates before the story's events is another event's, or this one's as
    # it was: it may agree (restating a background fact), never dispute
    strong = kind and not (x["other owner"] or x["other agent"] or x["other place"] or x["listed"] or x["year"] or x["other subject"]) \
        and ea.earlier == eb.earlier and not (ea.running and eb.running) and ea.share == eb.share \
        and not (ea.names_one or eb.names_one) \
        and not (ea.dimension != eb.dimension and not _convertible(ea, eb)) \
        and p >= (DISPUTE_FAR if x["far apart"] else DISPUTE)
    # a word and its WordNet sense show as one word ("married"), the sense's own key never
    words = tuple(dict.fromkeys(story.surface.get(w, w) for w in shared))
    return Link(round(p, 4), words, strong, round(context, 4))


def _probability(x: dict[str, float], part: str) -> float:
    weights, bias = MODEL[part]
    return 1.0 / (1.0 + math.exp(-(bias + sum(weights.get(k, 0.0) * v for k, v in x.items()))))


def load_model(path: Path = MODEL_FILE) -> dict[str, tuple[dict[str, float], float]]:
    """The pair model's weights and bias for pairs whose values agree and for pairs whose values
    differ (`make model` fits them on the annotated dev set)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {part: (dict(data[part]["weights"]), float(data[part]["bias"])) for part in ("agree", "differ", "context")}


MODEL = load_model()


def _share_a_mate(a: Evidence, b: Evidence) -> bool:
    """Whether the two sentences give another figure of one kind, unit and value (the same
    description: a height beside a weight, the dead beside the wounded)."""
    return any(ka == kb and (va == vb or abs(va - vb) <= 0.01 * max(abs(va), abs(vb)))
               for ka, va in a.mates for kb, vb in b.mates)


def _one_measure(a: str, b: str) -> bool:
    """Whether two lexicon measures are one (`transfer fee` is a `deal value`)."""
    return same_measure(a) == same_measure(b)


def _informative(measure: str) -> bool:
    """Whether the lexicon's measure says more than the figure's kind: every count of people is
    a `headcount` to it, whatever the people did."""
    return measure.split(" (")[0] not in _GENERIC_MEASURES


_GENERIC_MEASURES = frozenset({"headcount"})


def _middle(iv: tuple[float, float]) -> float:
    low, high = iv
    if not math.isfinite(high):
        return low
    return (low + high) / 2 if low > 0 else high


def _bare_and_counted(a: Evidence, b: Evidence) -> bool:
    """A bare number beside a count: `2,117` beside `2,117 points`; or the Nth of a series beside
    a count of N of it (`his 14th season with the club`, `14 seasons with the club`: the same
    number, said two ways, where the series is still going: `Evidence.to_date`; they may agree,
    never dispute)."""
    dims = {a.dimension, b.dimension}
    if "number" in dims and any(d.startswith("count:") for d in dims):
        return True
    rank, count = (a, b) if a.dimension.startswith("rank:") else (b, a)
    return rank.to_date and count.dimension == "count:" + rank.dimension.partition(":")[2]


def _ratio(a: Evidence, b: Evidence) -> float:
    """How many times larger one stated value is than the other (open ends left out)."""
    xa, xb = (_middle(a.interval), _middle(b.interval))
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
    kinds: dict[tuple[object, ...], int] = field(default_factory=dict)
    """One member for each different (article, source, dimension, value, period, headline):
    what joining is checked on, so a claim stated 4,000 times is checked as one value."""
    by_article: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_origin: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    values: dict[tuple[str, tuple[float, float]], int] = field(default_factory=dict)
    periods: dict[tuple[str, bool], int] = field(default_factory=dict)
    """The kinds' members by article, by source, by value and by period: each rule of joining
    looks only where it can fail (one article, one source), so a story of 1,000 sources joins
    in time near its size."""

    def add(self, kind: tuple[object, ...], k: int, mentions: Sequence[Mention], evidence: Sequence[Evidence],
            origin: Sequence[str]) -> None:
        if kind in self.kinds:
            return
        self.kinds[kind] = k
        self.by_article[mentions[k].article].append(k)
        self.by_origin[origin[k]].append(k)
        self.values.setdefault((evidence[k].dimension, evidence[k].interval), k)
        if period := mentions[k].period:
            self.periods.setdefault((period, bool(kind[6])), k)


def cluster(mentions: Sequence[Mention], evidence: Sequence[Evidence], origin: Sequence[str],
            idf: dict[str, float], unseen: float, surface: dict[str, str]
            ) -> tuple[list[tuple[list[int], list[Link]]], list[tuple[int, int, float]]]:
    """Groups of mention indexes that state one quantity, with the links that joined them; and
    the pairs held back: values that differ, in sentences that make one quantity likely
    (probability at least `HELD_BACK`) but not surely, which are never shown as a dispute.

    `origin[i]` is the source of mention i (copies of one wire report share one)."""
    distinct: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    # each article's finite values by family, sorted by size: "does it state this value?" is a
    # look-up, not a scan of the article (a line of 1,000 amounts)
    by_size: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for n, (m, e) in enumerate(zip(mentions, evidence, strict=True)):
        distinct[(m.article, e.dimension)].add(e.interval)
        if math.isfinite(e.interval[1]):
            by_size[(m.article, _family(e.dimension, bare=True))].append((abs(_middle(e.interval)), n))
    for found in by_size.values():
        found.sort()
    story = Story(idf, unseen, surface, {k: len(v) for k, v in distinct.items()})

    def states(article: str, e: Evidence, pair: tuple[int, int]) -> bool:
        """Whether the article states the value of `e` (in its dimension, or as a bare number):
        the same number, not merely one its qualifiers make compatible."""
        if not math.isfinite(e.interval[1]):
            return False
        found = by_size.get((article, _family(e.dimension, bare=True)), [])
        size = abs(_middle(e.interval))
        near = found if size == 0 else [
            *found[:bisect.bisect_right(found, (0.0, len(evidence)))],  # a zero is "as large" as any value
            *found[bisect.bisect_left(found, (size / 1.02 - 1e-9, -1)):bisect.bisect_right(found, (size * 1.02 + 1e-9, len(evidence)))]]
        # any count or bare number of that value: "58-3, 51 KO" gives 51 for knockouts beside
        # a report's "51 wins ... by knockout"
        return any(n not in pair and _ratio(evidence[n], e) <= 1.02 for _, n in near)

    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(evidence):
        keys = set(e.words) | ({f"#{e.noun}"} if e.noun else set()) | {"*"}
        families = _families(e.dimension)
        for k in keys:
            for fam in families:
                index[(fam, k)].append(i)
    def _pairable(i: int, j: int) -> bool:
        """Two articles' figures; or one article's two statements of one quantity (`$2B` in the
        headline, `$2 billion` in the text; or a headline that contradicts its text)."""
        return mentions[j].article != mentions[i].article or evidence[i].dimension == evidence[j].dimension

    edges: list[tuple[float, int, int, Link]] = []
    doubtful: list[tuple[int, int, float]] = []
    for i, e in enumerate(evidence):
        # candidates: mentions of the same dimension sharing the most telling words
        ranked: dict[int, float] = defaultdict(float)
        families = _families(e.dimension)
        for k in sorted(set(e.words) | ({f"#{e.noun}"} if e.noun else set()), key=lambda w: (-idf.get(w, unseen), w))[:12]:
            for fam in families:
                postings = index.get((fam, k), [])
                if len(postings) > MAX_POSTINGS:
                    continue  # a word beside thousands of figures tells none of them apart
                for j in postings[bisect.bisect_right(postings, i):]:
                    if _pairable(i, j):
                        ranked[j] += idf.get(k, unseen)
        if len(ranked) < CANDIDATES:
            # the nearest others, in reading order, fill the rest (the first few suffice)
            postings = index.get((_family(e.dimension), "*"), [])
            for j in postings[bisect.bisect_right(postings, i):]:
                if len(ranked) >= CANDIDATES:
                    break
                if _pairable(i, j) and j not in ranked:
                    ranked[j] = 0.0
        for j in heapq.nsmallest(CANDIDATES, ranked, key=lambda j: (-ranked[j], j)):
            link = score(mentions[i], e, mentions[j], evidence[j], story)
            if link and link.strong and not compatible(e, evidence[j]) and (
                    states(mentions[i].article, evidence[j], (i, j)) or states(mentions[j].article, e, (i, j))):
                # each source also gives the other's value, for something else ("ages 6 and 16";
                # a headline's $800M that the text gives for another deal)
                link = Link(link.score, link.shared, False, link.context)
            if link and not link.strong and link.context >= HELD_BACK and not compatible(e, evidence[j]) \
                    and mentions[i].article != mentions[j].article:
                doubtful.append((i, j, link.context))
            if link and ((link.score >= AGREE and (link.context >= AGREE_CONTEXT or _same_day(e, evidence[j]))
                          and not _loose(e, evidence[j]) and not _some_of(e, evidence[j])) or link.strong):
                # values that agree only through an open end ("up to eight hours" and "five
                # hours", "at least two" and "about 100") need the evidence a dispute needs
                edges.append((-link.score, i, j, link))
    edges.sort(key=lambda t: (t[0], t[1], t[2]))
    of = list(range(len(mentions)))
    kinds = [_kind_of(k, mentions, evidence, origin) for k in range(len(mentions))]  # made once
    clusters = {i: _Cluster([i], []) for i in range(len(mentions))}
    for i, c in clusters.items():
        c.add(kinds[i], i, mentions, evidence, origin)

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
        if not _may_join(x, y, mentions, evidence, kinds, link, i, j):
            continue
        of[rj] = ri
        x.members += y.members
        x.links += [*y.links, link]
        for what, rep in y.kinds.items():
            x.add(what, rep, mentions, evidence, origin)
        del clusters[rj]
    groups = [(sorted(c.members), c.links) for _, c in sorted(clusters.items())]
    # pairs whose values differ that the sentences make likely one quantity, but not surely:
    # never a dispute; listed for the editor (`digest check`)
    held = sorted({(i, j, c) for i, j, c in doubtful if find(i) != find(j)}, key=lambda t: (-t[2], t[0], t[1]))
    return groups, held


def _families(dimension: str) -> list[str]:
    """The candidate keys a figure is filed and looked up under: its family, counts also with
    bare numbers, and a place in a series also with the count of its noun (`his 14th season`
    beside `14 seasons`)."""
    found = {_family(dimension), _family(dimension, bare=True)}
    if dimension.startswith("rank:"):
        found.add("count:" + dimension.partition(":")[2])
    return sorted(found)


def _family(dimension: str, bare: bool = False) -> str:
    """The candidates' key: amounts in any currency together; with `bare`, counts together with
    bare numbers."""
    if dimension.startswith("money:"):
        return "money"
    if bare and (dimension == "number" or dimension.startswith("count:")):
        return "number"
    return dimension


def _may_join(x: _Cluster, y: _Cluster, mentions: Sequence[Mention], evidence: Sequence[Evidence],
              kinds: Sequence[tuple[object, ...]], link: Link, i: int, j: int) -> bool:
    agree = compatible(evidence[i], evidence[j]) or evidence[i].dimension != evidence[j].dimension
    if not agree and not link.strong:
        return False
    link_kinds = {kinds[i], kinds[j]}
    # an article gives one value per claim, unless its headline contradicts its text
    for article in x.by_article.keys() & y.by_article.keys():
        for a in x.by_article[article]:
            for b in y.by_article[article]:
                ea, eb = evidence[a], evidence[b]
                if not (ea.dimension == eb.dimension and compatible(ea, eb)) and not (
                        link.strong and ea.headline != eb.headline and {kinds[a], kinds[b]} == link_kinds):
                    return False
    # copies of one report do not dispute each other
    for source in x.by_origin.keys() & y.by_origin.keys():
        for a in x.by_origin[source]:
            for b in y.by_origin[source]:
                ea, eb = evidence[a], evidence[b]
                if mentions[a].article != mentions[b].article and not (ea.dimension == eb.dimension and compatible(ea, eb)):
                    return False
    # Q2 revenue is not Q3 revenue, the 2025-26 budget not the 2026-27 one (a stock as of two dates is one)
    for (pa, stock), _ in x.periods.items():
        if not stock and any(not _same_period(pa, pb) for pb, _ in y.periods):
            return False
    # joining would set values against each other on weak evidence (unless the claim already
    # holds that value: one more source siding with it)
    if not link.strong:
        for b in y.values.values():
            eb = evidence[b]
            sided = link.context >= AGREE_TWIN and _has_twin(x.values.values(), eb, evidence)
            for a in x.values.values():
                ea = evidence[a]
                if ea.dimension == eb.dimension and not compatible(ea, eb) and not (
                        sided or link.context >= AGREE_TWIN and _has_twin(y.values.values(), ea, evidence)):
                    return False
    return True


def _kind_of(k: int, mentions: Sequence[Mention], evidence: Sequence[Evidence], origin: Sequence[str]) -> tuple[object, ...]:
    """What joining checks of mention `k` (see `_Cluster.kinds`)."""
    e = evidence[k]
    return (mentions[k].article, origin[k], e.dimension, e.interval, mentions[k].period, e.headline,
            bool(mentions[k].label and mentions[k].label in STOCK_MEASURES))


def _has_twin(members: Iterable[int], e: Evidence, evidence: Sequence[Evidence]) -> bool:
    """Whether one of `members` states `e`'s value, in its dimension (compatible, close, and not
    merely through an open end: "at least two" is no twin of "about 100", "up to eight hours"
    none of "eight hours")."""
    return any(evidence[c].dimension == e.dimension and compatible(evidence[c], e) and _ratio(evidence[c], e) <= 1.5
               and _closed(evidence[c]) and _closed(e) for c in members)


def _loose(a: Evidence, b: Evidence) -> bool:
    """Whether two values agree only through an open end: `up to eight hours` and `five
    hours` (compatible, but the numbers the sources give are far apart)."""
    return compatible(a, b) and not (_closed(a) and _closed(b)) and _ratio(a, b) > 1.5


def _same_day(a: Evidence, b: Evidence) -> bool:
    """Whether both give one and the same day (`June 17, 1972` in two reports, or `June 17` in
    a story that dates it in 1972): a day that two sources name alike is one date, whatever the
    words around it."""
    return a.dimension == b.dimension == "date" and a.interval == b.interval and \
        a.interval[1] - a.interval[0] < 1.5 / 365


def _some_of(a: Evidence, b: Evidence) -> bool:
    """Whether one figure counts some of a group and the other, larger, may count the group
    (`more than 200,000 of the comments` beside `235,000 comments`): values that fit, of two
    quantities. `Two of the victims` beside `two victims` may be one count."""
    if (a.share == "some") == (b.share == "some"):
        return False
    some, other = (a, b) if a.share == "some" else (b, a)
    return other.interval[0] > some.interval[0]


def _closed(e: Evidence) -> bool:
    """Whether a value has both ends: not `at least 14`, not `up to eight hours`."""
    low, high = e.interval
    return math.isfinite(high) and (low > 0 or low == high)
