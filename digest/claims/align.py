"""align(): decide which figures, across a story's articles, state the same quantity.

Each figure gets a measure (what it measures), a subject (whose quantity) and a period from
its clause; figures with the same (measure, subject, role) form one claim, split by period
where the measure covers a period. Figures whose measure the text does not make clear stay
claims of their own article: they are never set against another source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from digest.claims import context as C
from digest.claims.measures import BY_NAME, CHANGE_VERB, MEASURES, PEOPLE, Measure, measure_for_label
from digest.claims.status import make_claim
from digest.figures.dates import period_bounds
from digest.model import Article, Claim, Figure, Mention

#: Words after a name that end the noun phrase it heads (`acquired MosaicML in 2023`).
_NP_END = re.compile(
    r"^(?:$|[,.;:)!?]|\s(?:for|in|at|on|by|with|from|to|itself|himself|herself|last|this|"
    r"and|as|after|before|since|back|outright|earlier|later|of)\b)"
)
#: A noun phrase after an acquisition cue: `acquire X`, `acquisition of X`, `purchase of X`.
_TARGET_AFTER = re.compile(r"^(?:\s+(?:of|on))?\s+(?:the\s+)?(?P<np>\S)", re.IGNORECASE)
#: "for <name>" right after a price: `pay $2.2 billion for Widgets Inc`.
_FOR = re.compile(r"^\s+for\s+(?:the\s+)?(?P<np>\S)")
#: Deal words before "valued at": the value is the deal's, not a company's valuation.
_DEAL_BEFORE = re.compile(r"\b(?:deal|acquisition|transaction|purchase|takeover|merger|investment)\b[^.]*$",
                          re.IGNORECASE)
#: Words before a date that make it something other than the figure's period.
_NOT_A_PERIOD = re.compile(r"\b(?:since|after|before|until|till|ever)\s+$", re.IGNORECASE)
#: Measures whose subject is the thing bought, not the buyer.
_OBJECT_MEASURES = frozenset({"deal value", "acquisition date"})
_LABEL = re.compile(r"^(?P<label>[A-Z][\w'’ \-]{1,40}):\s")


@dataclass(frozen=True, slots=True)
class Located:
    """A figure with its article, block and the offsets of its sentence in the block."""

    article: Article
    block: int
    figure: Figure
    anchor: str
    sentence: tuple[int, int]


def align(articles: Sequence[Article], figures: Sequence[Sequence[Sequence[Figure]]], /, *, story: str) -> tuple[
        list[Mention], list[Claim]]:
    """Mentions (every figure in context) and claims for one story's articles.

    `figures[i][b]` are the figures of block `b` of article `i`, in reading order.
    """
    names = C.proper_nouns(
        b.text for a in articles for b in a.blocks if b.kind in ("paragraph", "item", "summary")
    )
    default = _main_entity(articles, names)
    mentions: list[Mention] = []
    named_targets: Counter[str] = Counter()
    for article, blocks in zip(articles, figures, strict=True):
        n = 0
        for b, block_figures in enumerate(blocks):
            text = article.blocks[b].text
            sentences = C.split_sentences(text)
            for figure in block_figures:
                n += 1
                sentence = next((s for s in sentences if s[0] <= figure.start < s[1]), (0, len(text)))
                located = Located(article, b, figure, f"fig-{n}", sentence)
                mention, named = _describe(located, block_figures, names, default)
                mentions.append(mention)
                if named and article.blocks[b].kind == "title":
                    named_targets[mention.subject or ""] += 1
    mentions = _attach_to_main_target(mentions, named_targets, default)
    return mentions, _group(mentions, articles, story=story)


def _attach_to_main_target(mentions: list[Mention], named: Counter[str], default: str | None) -> list[Mention]:
    """A deal whose target the clause leaves unnamed ("the acquisition", "the deal") is the deal
    the headlines name, when they name one: "Acme buys Widgets Inc" makes Widgets Inc the
    subject of "Acme agreed to the $3 billion deal"."""
    if not named or default is None:
        return mentions
    target = min(named.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return [replace(m, subject=target) if m.measure in _OBJECT_MEASURES and m.subject == default else m
            for m in mentions]


def _main_entity(articles: Sequence[Article], names: Counter[str]) -> str | None:
    """The name the story's articles mention most: the default subject of its figures."""
    counts: Counter[str] = Counter()
    for article in articles:
        for block in article.blocks:
            for _, _, name in C.entities(block.text, names):
                counts[name] += 1
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _describe(loc: Located, block_figures: Sequence[Figure], names: Counter[str], default: str | None
              ) -> tuple[Mention, bool]:
    """A Mention: the figure with its measure, subject and period read from its clause; and
    whether the subject is a target the clause names (`acquire Widgets Inc`)."""
    block = loc.article.blocks[loc.block]
    text = block.text
    s0, s1 = loc.sentence
    sentence = text[s0:s1]
    f = loc.figure
    at = f.start - s0
    c0, c1 = C.clause_bounds(sentence, at)
    clause = sentence[c0:c1]
    measure, cue = _measure(f, block.kind, text, sentence, c0, clause, at - c0)
    role = _role(clause, at - c0) if measure else None
    subject, named = _subject(measure, cue, f, sentence, c0, clause, at - c0, names, default) if measure \
        else (None, False)
    period = _period(f, block_figures, text, s0 + c0, s0 + c1)
    name = measure.name if measure else None
    if name and role:
        name = f"{name} ({role})"
    return Mention(
        article=loc.article.id, block=loc.block, figure=f, sentence=" ".join(sentence.split()),
        anchor=loc.anchor, measure=name, subject=subject, period=period,
    ), named


def _measure(f: Figure, kind: str, text: str, sentence: str, c0: int, clause: str, at: int
             ) -> tuple[Measure | None, tuple[int, int] | None]:
    """The measure a figure states, and where its cue is in the clause (None if not said)."""
    if kind == "item" and (label := _LABEL.match(text)) and f.start > label.end() - 2:
        named = measure_for_label(label["label"])
        if named and f.kind in BY_NAME[named].kinds:
            return BY_NAME[named], None
    best: tuple[int, int, Measure, tuple[int, int]] | None = None
    for rank, measure in enumerate(MEASURES):
        if f.kind not in measure.kinds or (measure.units is not None and f.unit not in measure.units):
            continue
        for m in measure.cues.finditer(clause):
            if m.start() < at + len(f.text) and m.end() > at:
                continue  # the cue is inside the figure itself
            if m.end() <= at:
                distance = at - m.end()
            else:
                # a cue after the figure counts when it is right there ("$2 billion deal");
                # further on, it usually belongs to the next thought ("..., the deal was")
                distance = m.start() - (at + len(f.text))
                distance = distance if distance <= 3 else distance + 40
            if best is None or (distance, rank) < (best[0], best[1]):
                best = (distance, rank, measure, m.span())
    if best is None:
        if f.kind == "count" and f.unit in PEOPLE:
            return BY_NAME["headcount"], None
        return None, None
    measure, span = best[2], best[3]
    if measure.name == "valuation" and clause[span[0]:span[1]].lower().startswith("valued") and \
            _DEAL_BEFORE.search(sentence[:c0 + span[0]]):
        measure = BY_NAME["deal value"]
    return measure, span


def _role(clause: str, at: int) -> str | None:
    """`before` or `after` where the figure is one end of a change (`from $5m`, `to $3m`)."""
    if not CHANGE_VERB.search(clause):
        return None
    lead = clause[:at].rstrip().lower()
    if lead.endswith((" to", "to")) and re.search(r"\bto$", lead):
        return "after"
    if re.search(r"\b(?:up|down)? ?from$", lead):
        return "before"
    return None


def _subject(measure: Measure, cue: tuple[int, int] | None, f: Figure, sentence: str, c0: int, clause: str,
             at: int, names: Counter[str], default: str | None) -> tuple[str | None, bool]:
    """Whose quantity the figure is (a named target, a possessive, the clause's subject), and
    whether it is a target the clause names."""
    if measure.target == "none":
        return None, False
    found = C.entities(clause, names)
    if measure.target == "object":
        target = _named_target(clause, cue[1], found) if cue is not None else None
        # "... to pay $2.2 billion for Widgets Inc"
        target = target or _named_target(clause, at + len(f.text), found, after=_FOR)
        if target:
            return target, True
    # a possessive name before the figure: "MosaicML's $1.3 billion acquisition price"
    before = [e for e in found if e[1] <= at and C.is_possessive(clause, e[1])]
    if before:
        return before[-1][2], False
    sentence_found = C.entities(sentence, names)
    heads = [e for e in sentence_found if e[0] <= c0 + at]
    if heads:
        return heads[0][2], False
    return default, False


def _named_target(clause: str, cue_end: int, found: list[tuple[int, int, str]],
                  after: re.Pattern[str] | None = None) -> str | None:
    """The name right after an acquisition cue, if the noun phrase is that name and no more."""
    m = (after or _TARGET_AFTER).match(clause[cue_end:])
    if not m:
        return None
    np_start = cue_end + m.start("np")
    for start, end, name in found:
        if start == np_start:
            rest = clause[end:]
            if C.is_possessive(clause, end):
                return None
            return name if _NP_END.match(rest) else None
    return None


def _period(f: Figure, block_figures: Sequence[Figure], text: str, c0: int, c1: int) -> str | None:
    """The date in the same clause that the figure is tied to (nearest one), if any.

    A date after "since", "after", "before" or "until" dates something else ("the strongest
    storm since 2011"), not the figure.
    """
    if f.kind == "date":
        return None
    dates = [d for d in block_figures if d.kind == "date" and d.period and c0 <= d.start < c1
             and not _NOT_A_PERIOD.search(text, 0, d.start)]
    if not dates:
        return None
    nearest = min(dates, key=lambda d: (abs(d.start - f.start), d.start))
    return nearest.period


def _group(mentions: list[Mention], articles: Sequence[Article], *, story: str) -> list[Claim]:
    """Claims: mentions with the same quantity, split by period where the measure needs it."""
    groups: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.measure:
            groups[("measure", m.measure, m.subject or "", m.figure.kind, _unit_class(m.figure))].append(m)
        else:
            # the text does not say what this measures: a claim of its own article only
            f = m.figure
            groups[("own", m.article, f.kind, f.unit or "", f"{f.value:.6g}", f.period or "")].append(m)
    claims: list[Claim] = []
    order = {a.id: i for i, a in enumerate(articles)}
    for key, members in groups.items():
        if key[0] == "measure":
            base = BY_NAME[key[1].split(" (")[0]]
            parts = _split_by_period(members) if base.flow else [members]
        else:
            parts = [members]
        for part in parts:
            claims.append(make_claim(part, story=story, order=order))
    return _unique_ids(claims)


def _unit_class(f: Figure) -> str:
    """Counts of different things are different quantities, but engineers and researchers
    joining a team are both people."""
    if f.kind != "count":
        return ""
    return "people" if f.unit in PEOPLE else (f.unit or "")


def _split_by_period(members: list[Mention]) -> list[list[Mention]]:
    """Flow quantities of different periods are different quantities (Q2 vs Q3 revenue).
    A mention with no period joins the only period there is, or stands with the other
    undated mentions."""
    dated: dict[str, list[Mention]] = {}
    undated: list[Mention] = []
    for m in members:
        if m.period:
            for label in dated:
                if _same_period(label, m.period):
                    dated[label].append(m)
                    break
            else:
                dated[m.period] = [m]
        else:
            undated.append(m)
    if len(dated) == 1 and undated:
        only = next(iter(dated))
        dated[only] = dated[only] + undated
        undated = []
    parts = list(dated.values())
    if undated:
        parts.append(undated)
    return parts


def _same_period(a: str, b: str) -> bool:
    """Whether two period labels share time (periods are half-open: 2027 ends where 2028 starts)."""
    a0, a1 = period_bounds(a, 0)
    b0, b1 = period_bounds(b, 0)
    return a0 < b1 and b0 < a1


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    """Claims in a stable order with ids that are unique within the digest."""
    claims.sort(key=lambda c: (c.id, c.mentions[0].article, c.mentions[0].anchor))
    seen: Counter[str] = Counter()
    out = []
    for claim in claims:
        seen[claim.id] += 1
        out.append(claim if seen[claim.id] == 1 else replace(claim, id=f"{claim.id}-{seen[claim.id]}"))
    return out
