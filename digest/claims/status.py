"""The status of a claim, with a reason a reader can check."""

from __future__ import annotations

import re
from collections.abc import Mapping

from digest.figures.dates import describe_period
from digest.figures.display import normalised
from digest.figures.numbers import overlaps
from digest.model import Claim, Mention

_KIND_LABELS = {"money": "amount", "percent": "percentage", "date": "date", "duration": "duration",
                "number": "number"}


def make_claim(members: list[Mention], /, *, story: str, order: Mapping[str, int]) -> Claim:
    """A Claim for mentions of one quantity: status `disputed`, `corroborated` or `single-source`."""
    members = sorted(members, key=lambda m: (order[m.article], m.block, m.figure.start))
    first = members[0]
    measure = first.measure or _generic_measure(first)
    sources = list(dict.fromkeys(m.article for m in members))
    clash = _clash(members)
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
    elif len(sources) > 1:
        status = "corroborated"
        reason = f"{len(sources)} sources give compatible values."
    else:
        status = "single-source"
        reason = "Only one source states this figure." if first.measure else \
            "The text does not say what this figure measures, so it is not compared across sources."
    spread = _spread(members) if status == "disputed" else None
    if first.measure:
        parts = [story, measure, first.subject or "", first.period if measure_is_periodic(members) else ""]
        cid = _slug("-".join(p for p in parts if p))
    else:
        cid = _slug(f"{first.article}-{first.anchor}")
    return Claim(id=cid, story=story, measure=measure, subject=first.subject, status=status, reason=reason,
                 mentions=tuple(members), spread=spread)


def _clash(members: list[Mention]) -> tuple[Mention, Mention] | None:
    """Two mentions whose values cannot both be right, or None."""
    for i, a in enumerate(members):
        ia = a.figure.bounds()
        for b in members[i + 1:]:
            if a.figure.kind != b.figure.kind or (a.figure.unit != b.figure.unit and a.figure.kind != "duration"):
                continue
            if not overlaps(ia, b.figure.bounds()):
                return a, b
    return None


def _spread(members: list[Mention]) -> float | None:
    values = [abs(m.figure.value) for m in members if m.figure.value]
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
