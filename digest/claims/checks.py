"""Arithmetic checks: where a sentence gives the parts, does the stated figure follow from them?

- a premium against the two prices it compares (`$52 a share, a 30% premium to $40`);
- a percentage change against its before and after (`a 20% cut, from £5m to £4.5m`).

Each check compares intervals (rounding and qualifiers included), so `roughly 54%` passes for
$2 billion against $1.3 billion; a mismatch gives the mention a note a reader can verify.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from digest.figures.display import normalised
from digest.figures.numbers import overlaps
from digest.model import Figure, Mention


def arithmetic_checks(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions, each percentage whose parts its sentence gives and which does not follow
    from them carrying a `check` note."""
    by_sentence: dict[tuple[str, int, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.article, m.block, m.sentence)].append(m)
    out = []
    for m in mentions:
        if m.figure.kind == "percent" and m.figure.unit == "%":
            around = by_sentence[(m.article, m.block, m.sentence)]
            note = _premium(m, around) if (m.label or "").startswith("premium") else _change(m, around)
            if note:
                m = replace(m, check=note)
        out.append(m)
    return out


def _premium(m: Mention, around: list[Mention]) -> str | None:
    offer = next((o for o in around if o.label == "offer per share"), None)
    base = next((o for o in around if o.label == "share price"), None)
    # a share price is per share whether or not the text says so
    if offer is None or base is None or not _same_scale(offer.figure, replace(base.figure, per=offer.figure.per)):
        return None
    (o_lo, o_hi), (b_lo, b_hi) = offer.figure.bounds(), base.figure.bounds()
    if b_lo <= 0:
        return None
    implied = ((o_lo / b_hi - 1) * 100, (o_hi / b_lo - 1) * 100)
    if overlaps(implied, m.figure.bounds()):
        return None
    actual = (offer.figure.value / base.figure.value - 1) * 100
    return (f"{normalised(offer.figure)} against {normalised(base.figure)} is a premium of {actual:.0f}%, "
            f"not {normalised(m.figure)}.")


def _change(m: Mention, around: list[Mention]) -> str | None:
    later = sorted((o for o in around if o.figure.start > m.figure.start and o.figure.kind in ("money", "count")),
                   key=lambda o: o.figure.start)
    pair = next(((x, y) for x, y in zip(later, later[1:], strict=False)
                 if f"from {x.figure.text} to {y.figure.text}" in m.sentence), None)
    if pair is None:
        return None
    a, b = pair[0].figure, pair[1].figure
    if not _same_scale(a, b) or a.value == 0:
        return None
    (a_lo, a_hi), (b_lo, b_hi) = a.bounds(), b.bounds()
    if a_lo <= 0:
        return None
    lo, hi = sorted((abs(b_lo / a_hi - 1) * 100, abs(b_hi / a_lo - 1) * 100))
    if overlaps((lo, hi), m.figure.bounds()):
        return None
    actual = abs(b.value / a.value - 1) * 100
    word = "fall" if b.value < a.value else "rise"
    return f"From {normalised(a)} to {normalised(b)} is a {actual:.0f}% {word}, not {normalised(m.figure)}."


def _same_scale(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.per == b.per
