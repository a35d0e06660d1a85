"""The status of a claim, with a reason a reader can check."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from digest.claims.measures import unit_class
from digest.figures.dates import describe_period
from digest.figures.display import normalised
from digest.figures.numbers import overlaps
from digest.model import Claim, Figure, Mention, Status

_KIND_LABELS = {"money": "amount", "percent": "percentage", "date": "date", "duration": "duration",
                "number": "number"}


#: Amounts a year on each basis, for comparing `£104 a year` with `£2 a week`.
PER_YEAR = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 365.0}
#: Qualifiers that state a cap: two caps are compared as stated (`up to €8m` vs `up to €10m`).
CAPS = frozenset({"up to", "as much as", "as many as", "at most", "no more than"})


@dataclass(frozen=True, slots=True)
class Sources:
    """What the story knows about its sources and amounts, for comparing mentions."""

    origins: Mapping[str, str] = field(default_factory=dict)
    """article id -> the article it is a copy of (syndicated copies count as one source)."""
    rates: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """(from currency, to currency) -> rate, from conversions the text states (`£62.5m (€72m)`)."""
    names: Mapping[str, str] = field(default_factory=dict)
    """article id -> how readers know the source (for reasons)."""
    intervals: Mapping[tuple[str, str], tuple[str, tuple[float, float]]] = field(default_factory=dict)
    """(article id, anchor) -> the mention's dimension and its values in that dimension's base
    unit (describe.py): metres and feet, ages in any form, counts of people by any noun."""


def make_claim(members: list[Mention], /, *, story: str, order: Mapping[str, int],
               sources: Sources | None = None) -> Claim:
    """A Claim for mentions of one quantity: status `disputed`, `corroborated` or `single-source`."""
    ctx = sources or Sources()
    members = sorted(members, key=lambda m: (order[m.article], m.block, m.figure.start))
    first = members[0]
    labels = Counter(m.label for m in members if m.label)
    measure = max(labels, key=lambda k: labels[k]) if labels else _generic_measure(first)
    articles = list(dict.fromkeys(m.article for m in members))
    origins = list(dict.fromkeys(ctx.origins.get(a, a) for a in articles))
    copies = [a for a in articles if ctx.origins.get(a, a) != a]
    notes: list[str] = []
    clash = _clash(members, ctx, notes)
    status: Status
    if clash:
        status = "disputed"
        a, b = clash
        if a.article == b.article:
            reason = f"This article gives two values: {normalised(a.figure)} and {normalised(b.figure)}."
        else:
            reason = f"The sources give incompatible values: {normalised(a.figure)} and {normalised(b.figure)}."
        dates = list(dict.fromkeys(m.period for m in members if m.period))
        if len(dates) > 1:
            reason += (" They date it differently (" + "; ".join(describe_period(d) for d in dates)
                       + "), so one figure may be out of date.")
    elif len(origins) > 1:
        status = "corroborated"
        reason = f"{len(origins)} sources give compatible values."
    else:
        status = "single-source"
        reason = "Only one source states this figure." if first.measure else \
            "The text does not say what this figure measures, so it is not compared across sources."
    if notes:
        reason += " " + " ".join(dict.fromkeys(notes))
    if copies:
        named = ", ".join(ctx.names.get(a, a) for a in copies)
        reason += f" {named} {'carries' if len(copies) == 1 else 'carry'} a copy of another source's report," \
                  " counted once."
    spread = _spread(members, ctx) if status == "disputed" else None
    if first.measure:
        parts = [story, measure, first.subject or "", first.period if measure_is_periodic(members) else ""]
        cid = _slug("-".join(p for p in parts if p))
    else:
        cid = _slug(f"{first.article}-{first.anchor}")
    return Claim(id=cid, story=story, measure=measure, subject=first.subject, status=status, reason=reason,
                 mentions=tuple(members), spread=spread, compared=bool(first.measure))


Comparison = tuple[tuple[float, float], tuple[float, float], "str | None", float]


def comparable(a: Figure, b: Figure, ctx: Sources) -> Comparison | None:
    """The intervals of two figures on `a`'s scale (currency, basis), a note on how `b` was put
    on it, and the factor it took; None where they cannot be compared."""
    if a.kind != b.kind:
        return None
    ia, ib = a.bounds(), b.bounds()
    note, scale = None, 1.0
    if a.qualifier in CAPS and b.qualifier in CAPS:
        ia, ib = replace(a, qualifier=None).bounds(), replace(b, qualifier=None).bounds()
    if a.kind == "money" and a.unit != b.unit:
        rate = ctx.rates.get((b.unit or "", a.unit or ""))
        if rate is None:
            return None
        ib, scale = (ib[0] * rate, ib[1] * rate), rate
        note = f"{normalised(b)} is {normalised(_scaled(b, rate, a.unit))} at the exchange rate the text itself states."
    elif a.unit != b.unit and a.kind != "duration" and not (a.kind == "count" and unit_class(a) == unit_class(b)):
        return None
    if a.per != b.per and a.per and b.per:
        if a.per not in PER_YEAR or b.per not in PER_YEAR:
            return None
        factor = PER_YEAR[b.per] / PER_YEAR[a.per]
        ib, scale = (ib[0] * factor, ib[1] * factor), scale * factor
        note = f"{normalised(replace(b, qualifier=None))} is {normalised(_scaled(b, factor, b.unit, per=a.per))} (the same amount on another basis)."
    return ia, ib, note, scale


def _scaled(f: Figure, factor: float, unit: str | None, per: str | None = None) -> Figure:
    return replace(f, value=f.value * factor, low=None if f.low is None else f.low * factor,
                   high=None if f.high is None else f.high * factor, unit=unit, per=per or f.per, qualifier=None)


def _clash(members: list[Mention], ctx: Sources, notes: list[str]) -> tuple[Mention, Mention] | None:
    """Two mentions whose values cannot both be right, or None. Notes say how values in other
    currencies or on another basis were compared."""
    # one member per different value: a claim stated 4,000 times is checked as the few values it has
    values: dict[tuple[object, ...], Mention] = {}
    for m in members:
        f = m.figure
        values.setdefault((ctx.intervals.get((m.article, m.anchor)), f.kind, f.unit, f.per, f.value, f.low, f.high,
                           f.qualifier, f.period), m)
    distinct = list(values.values())
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            da, db = ctx.intervals.get((a.article, a.anchor)), ctx.intervals.get((b.article, b.anchor))
            pair = comparable(a.figure, b.figure, ctx)
            if da and db and da[0] == db[0] and (pair is None or a.figure.kind == "date"):
                # one dimension, in its base unit: feet and metres, ages in any form, a day with
                # and without its year
                pair = (da[1], db[1], None, 1.0)
            if pair is None:
                continue
            ia, ib, note, _ = pair
            if not overlaps(ia, ib):
                if note:
                    notes.append(note)
                return a, b
            if note:
                notes.append(note)
    return None


def _spread(members: list[Mention], ctx: Sources) -> float | None:
    first = members[0].figure
    values = []
    for m in members:
        pair = comparable(first, m.figure, ctx)
        if pair and m.figure.value:
            values.append(abs(m.figure.value) * pair[3])
    if len(values) < 2 or members[0].figure.kind == "date":
        return None
    return round(max(values) / min(values), 2)


def measure_is_periodic(members: list[Mention]) -> bool:
    return bool(members[0].period) and len({m.period for m in members}) == 1


def _generic_measure(m: Mention) -> str:
    f = m.figure
    if f.kind == "count":
        return f"number of {f.unit}"
    return _KIND_LABELS.get(f.kind, "figure")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
