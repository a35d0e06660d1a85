"""Where the sources come from and what they say of each other's amounts: copies of one wire
report (counted as one source), and conversions the text itself states (`£62.5m (€72m)`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from digest.model import Article, Mention

#: Scale words, left out of the texts compared for copies.
_SCALE_WORDS = frozenset({"bn", "m", "mn", "b", "k", "billion", "million", "thousand", "trillion", "tn"})


def syndicated(articles: Sequence[Article], *, threshold: float = 0.7) -> dict[str, str]:
    """article id -> the article it copies, for near-identical texts (one wire report run by
    several outlets): most of the shorter text's five-word runs are in the other. Numbers and
    scale words are left out, since copies restyle them (`$4.2 billion`, `$4.2bn`)."""
    shingles = []
    for a in articles:
        words = [w for w in re.findall(r"[a-z]+", " ".join(b.text for b in a.body).lower()) if w not in _SCALE_WORDS]
        shingles.append({" ".join(words[i:i + 5]) for i in range(max(0, len(words) - 4))})
    # the first published of a group of copies is the original
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "9999", i))
    origin: dict[str, str] = {}
    for jj, j in enumerate(order):
        for i in order[:jj]:
            sa, sb = shingles[i], shingles[j]
            if min(len(sa), len(sb)) >= 20 and len(sa & sb) / min(len(sa), len(sb)) >= threshold:
                origin[articles[j].id] = origin.get(articles[i].id, articles[i].id)
                break
    return origin


#: A second amount in brackets right after the first: `£62.5m (€72m)`.
_CONVERSION_GAP = re.compile(r"^\s*\(\s*(?:about |roughly |around |approximately |or )?$")


def conversions(mentions: list[Mention], articles: Sequence[Article]
                 ) -> tuple[list[Mention], dict[tuple[str, str], float]]:
    """Amounts the text converts in brackets (`£62.5m (€72m)`) are the same quantity as the
    amount before them; and the rates they state, both ways."""
    text = {(a.id, i): b.text for a in articles for i, b in enumerate(a.blocks)}
    rates: dict[tuple[str, str], float] = {}
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        f = m.figure
        if (prev is not None and prev.article == m.article and prev.block == m.block and f.kind == "money"
                and prev.figure.kind == "money" and f.unit != prev.figure.unit and prev.figure.value
                and _CONVERSION_GAP.match(text[(m.article, m.block)][prev.figure.end:f.start])):
            rate = f.value / prev.figure.value
            rates.setdefault((prev.figure.unit or "", f.unit or ""), rate)
            rates.setdefault((f.unit or "", prev.figure.unit or ""), 1 / rate)
            m = replace(m, measure=prev.measure, role=prev.role, subject=prev.subject, period=prev.period)
        out.append(m)
    return out, rates
