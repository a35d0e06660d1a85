"""align(): decide which figures, across a story's articles, state the same quantity.

The claims package answers one question per module; `align` runs them in order:

1. **subjects.py**: the story's names (credits blanked out), and for each figure whose
   quantity it is (`subject`, for the lexicon's measures);
2. here: each figure's measure from the lexicon (`measures.py`), its role in a change
   (`before`/`after`/`earlier`) and its period: a `Mention`;
3. **sources.py**: copies of one wire report, and conversions a text states;
   **checks.py**: arithmetic the text itself gets wrong;
4. **describe.py**: the evidence about each figure (dimension, value in base units, words,
   owner, counted noun);
5. **group.py**: pairs across articles scored on that evidence, joined into claims;
6. **status.py**: whether a claim's values agree (`make_claim`).

A figure the evidence ties to nothing stays a claim of its own article: it is never set
against another source.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from digest.claims import context as C
from digest.claims import describe as D
from digest.claims import group as G
from digest.claims import subjects as S
from digest.claims.checks import arithmetic_checks
from digest.claims.describe import Evidence, describe
from digest.claims.measures import (
    BY_NAME,
    CHANGE_VERB,
    MEASURES,
    PEOPLE,
    SAME_AS,
    Measure,
    measure_for_label,
    same_measure,
    unit_class,
)
from digest.claims.sources import conversions, syndicated
from digest.claims.status import Sources, make_claim
from digest.model import Article, Claim, Figure, HeldBack, Mention, Role

#: Deal words before "valued at": the value is the deal's, not a company's valuation.
_DEAL_BEFORE = re.compile(r"\b(?:deal|acquisition|transaction|purchase|takeover|merger|investment|offer|bid)\b[^.]*$",
                          re.IGNORECASE)
#: Words before a date that make it something other than the figure's period.
_NOT_A_PERIOD = re.compile(r"\b(?:since|after|before|until|till|ever)\s+$", re.IGNORECASE)
#: What may stand between a figure and a cue after it: `$2 billion deal`, `€8m in add-ons`,
#: `12% of its workforce`, `£1.2bn budget`.
_ADJACENT = re.compile(r"^(?:\s?|\s+(?:in|of|for|on|as)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
                       r"|\s+(?:were|was|are|is|have|has|had)(?:\s+been)?\s+)$")
#: A figure-like token: a digit, or a currency sign.
_FIGURE_BETWEEN = re.compile(r"[\d$€£¥]")
#: "to" that does not end a change: `amount to 12%`, `up to $8m`, `according to`.
_NOT_A_CHANGE = re.compile(r"\b(?:amount(?:s|ed|ing)?|equal(?:s|led|ling)?|comes?|came|up|close|according|"
                           r"due|rated)\s+to$")
#: Words that date a value before the story's own events: another quantity than today's.
_EARLIER_WORDS = (r"a year ago|years ago|a year earlier|last (?:year|summer|spring|autumn|fall|winter|season)|"
                  r"previous(?:ly)?|prior to")
_EARLIER = re.compile(rf"\b(?:{_EARLIER_WORDS})\b", re.IGNORECASE)
#: The same, or another event of its kind, before a figure in its sentence: `Earlier this year, ...`,
#: `in a separate attack`, `the previous record`.
_EARLIER_BEFORE = re.compile(rf"\b(?:{_EARLIER_WORDS}|earlier this (?:year|month|week)|in (?:a|an) (?:earlier|previous|"
                             r"separate|similar) \w+|the (?:previous|last|old|former) \w+)\b", re.IGNORECASE)
#: A record broken, the figure right after it: the old value, not the new one (`broke Moreau's
#: record of 212 goals`, `surpassing the mark of 2,290 points`, `beat the best of 9.58`); not
#: `passing` (`a passing record of 4,374 yards` is a record set) nor `a better record of`.
_BROKEN_RECORD = re.compile(r"\b(?:br(?:eak|eaks|eaking|oke|oken)|surpass(?:es|ed|ing)?|eclips(?:e|es|ed|ing)|"
                            r"beat(?:s|ing|en)?|top(?:s|ped|ping)|smash(?:es|ed|ing)?|"
                            r"shatter(?:s|ed|ing)?|better(?:s|ed|ing)|exceed(?:s|ed|ing)?)\s+"
                            r"(?:[\w.'’-]+\s+){0,5}?(?:record|mark|best)\s+(?:of|at)\s+$", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[A-Z][\w'’ \-]{1,40}):\s")


#: A figure's start, the key its block's figures are sorted by (reading order).
_START = operator.attrgetter("start")


@dataclass(frozen=True, slots=True)
class Located:
    """A figure with its article, block and the offsets of its sentence in the block."""

    article: Article
    block: int
    figure: Figure
    anchor: str
    sentence: tuple[int, int]


def align(articles: Sequence[Article], figures: Sequence[Sequence[Sequence[Figure]]], /, *, story: str) -> tuple[
        list[Mention], list[Claim], list[HeldBack]]:
    """Mentions (every figure in context), claims for one story's articles, and the pairs held
    back from being a dispute (see `group.cluster`).

    `figures[i][b]` are the figures of block `b` of article `i`, in reading order.
    """
    # the texts names are read from: bylines, datelines and credits blanked out
    naming = {a.id: S.naming_texts(a) for a in articles}
    names = C.proper_nouns(
        naming[a.id][i] for a in articles for i, b in enumerate(a.blocks) if b.kind in ("paragraph", "item", "summary")
    )
    runs = S.name_runs((t for a in articles for t in naming[a.id]), names)
    full = C.canonical_names(runs)
    default = S.main_entity(runs, full)
    mentions: list[Mention] = []
    implicit: set[tuple[str, str]] = set()
    named_targets: Counter[str] = Counter()
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for article, blocks in zip(articles, figures, strict=True):
        n = 0
        for b, block_figures in enumerate(blocks):
            text = article.blocks[b].text
            sentences = C.split_sentences(text)
            starts = [s for s, _ in sentences]
            for figure in block_figures:
                n += 1
                sentence = _sentence_of(figure, sentences, starts, text)
                spans[(article.id, f"fig-{n}")] = sentence
                located = Located(article, b, figure, f"fig-{n}", sentence)
                mention, how = _describe(located, naming[article.id][b], block_figures, names, default)
                if mention.subject in full:
                    mention = replace(mention, subject=full[mention.subject])
                mentions.append(mention)
                if how == "target" and article.blocks[b].kind == "title":
                    named_targets[mention.subject or ""] += 1
                if how == "default":
                    implicit.add((mention.article, mention.anchor))
    mentions = S.attach_to_main_target(mentions, named_targets, default)
    mentions = S.settle_implicit_subjects(mentions, implicit, _quantity_key)
    mentions, rates = conversions(mentions, articles)
    mentions = arithmetic_checks(mentions)
    origins = syndicated(articles)
    evidence = _evidence(articles, naming, spans, mentions, names, full, rates)
    sources = Sources(origins=origins, rates=rates, names={a.id: a.outlet or a.title for a in articles},
                      intervals={(m.article, m.anchor): (e.dimension, e.interval)
                                 for m, e in zip(mentions, evidence, strict=True)})
    claims, held = _group(mentions, evidence, articles, story=story, sources=sources)
    return mentions, claims, held


def _evidence(articles: Sequence[Article], naming: dict[str, list[str]], spans: dict[tuple[str, str], tuple[int, int]],
              mentions: Sequence[Mention], names: Counter[str], full: dict[str, str],
              rates: dict[tuple[str, str], float]) -> list[Evidence]:
    """What each mention's sentence says about its figure (describe.py); amounts in another
    currency are put in the story's main currency where the text states a rate."""
    blocks = {(a.id, i): b.text for a in articles for i, b in enumerate(a.blocks)}
    heads = {(a.id, i) for a in articles for i, b in enumerate(a.blocks) if b.kind in ("title", "summary")}
    by_block: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for m in mentions:
        by_block[(m.article, m.block)].append(m.figure)
    years = Counter(m.figure.period[:4] for m in mentions
                    if m.figure.kind == "date" and m.figure.period and m.figure.period[:4].isdigit())
    year = int(min(years, key=lambda y: (-years[y], y))) if years else None
    # the year the story gives each day of the year it dates in full: "July 24" is the "July 24,
    # 2004" of another report, even in a story whose commonest year is 1973
    day_years: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        period = m.figure.period or ""
        if m.figure.kind == "date" and len(period) == 10 and period[:4].isdigit():
            day_years[period[4:]][period[:4]] += 1
    currencies = Counter(m.figure.unit for m in mentions if m.figure.kind == "money")
    main = min(currencies, key=lambda c: (-currencies[c], c or "")) if currencies else None
    out = []
    for m in mentions:
        key = (m.article, m.block)
        text = blocks[key]
        s0, s1 = spans[(m.article, m.anchor)]
        e = describe(m.figure, text[s0:s1], s0, text, names, full, by_block[key],
                     naming=naming[m.article][m.block][s0:s1])
        if key in heads:
            e = replace(e, headline=True)
        if m.figure.kind == "date" and (m.figure.period or "").startswith("--") and year is not None:
            # "April 21" with no year (and no article date to take it from) is a day of the year
            # the story gives it in full (most often; else nearest the story's commonest year),
            # else of the year the story's dated figures are in: it fits "April 21, 2018"
            named = day_years.get((m.figure.period or "")[1:])
            y = int(min(named, key=lambda k: (-named[k], abs(int(k) - year), k))) if named else year
            e = replace(e, interval=(e.interval[0] + y, e.interval[1] + y))
        if _EARLIER_BEFORE.search(text, s0, m.figure.start) or _BROKEN_RECORD.search(text, s0, m.figure.start) or (
                year is not None and m.figure.kind != "date" and _year_of(m.period) is not None
                and _year_of(m.period) < year):  # type: ignore[operator]
            # dated before the story's events: "Earlier this year", or "In 2008, the bout went
            # 11 rounds" in a story of 2013
            e = replace(e, earlier=True)
        if m.figure.kind == "money" and main and m.figure.unit != main and (m.figure.unit or "", main) in rates:
            rate = rates[(m.figure.unit or "", main)]
            e = replace(e, dimension=f"money:{main}" + e.dimension[len(f"money:{m.figure.unit}"):],
                        interval=(e.interval[0] * rate, e.interval[1] * rate))
        out.append(e)
    return out






def _year_of(period: str | None) -> int | None:
    """The year a period starts in (`2008`, `2008-06`, `2025-Q3`, `2025/26`), or None."""
    return int(period[:4]) if period and period[:4].isdigit() else None


#: How much of a sentence is read around a figure, either side: a scraped line without full
#: stops (60 KB, a thousand amounts) is read, and quoted, as the stretch around each figure, so
#: that every step stays linear in the text.
SENTENCE_WINDOW = 500


def _sentence_of(figure: Figure, sentences: list[tuple[int, int]], starts: list[int], text: str) -> tuple[int, int]:
    """(start, end) in `text` of the sentence that holds `figure`, clipped to `SENTENCE_WINDOW`
    characters either side of it (at spaces)."""
    i = bisect.bisect_right(starts, figure.start) - 1
    s0, s1 = sentences[i] if i >= 0 and figure.start < sentences[i][1] else (0, len(text))
    if s1 - s0 > 2 * SENTENCE_WINDOW + len(figure.text):
        lo, hi = max(s0, figure.start - SENTENCE_WINDOW), min(s1, figure.end + SENTENCE_WINDOW)
        if lo > s0 and (space := text.find(" ", lo, figure.start)) >= 0:
            lo = space + 1
        if hi < s1 and (space := text.rfind(" ", figure.end, hi)) >= 0:
            hi = space
        s0, s1 = lo, hi
    return s0, s1


def _quantity_key(m: Mention) -> tuple[str, ...]:
    """What a mention measures, without whose: measure (one name for synonyms), kind, unit class."""
    return (same_measure(m.label or ""), m.figure.kind, unit_class(m.figure))






def _describe(loc: Located, naming: str, block_figures: Sequence[Figure], names: Counter[str],
              default: str | None) -> tuple[Mention, str]:
    """A Mention: the figure with its measure, subject and period read from its clause (names
    from `naming`, the block without its credits); and how the text gives the subject (see
    `subjects.subject`)."""
    block = loc.article.blocks[loc.block]
    text = block.text
    s0, s1 = loc.sentence
    sentence = text[s0:s1]
    f = loc.figure
    at = f.start - s0
    c0, c1 = C.clause_bounds(sentence, at)
    clause = sentence[c0:c1]
    measure, cue = _measure(f, block.kind, text, sentence, c0, clause, at - c0)
    role = _role(clause, at - c0, dated=measure.target != "object") if measure else None
    named = naming[s0:s1]
    subject, how = S.subject(measure, cue, f, named, c0, named[c0:c1], at - c0, names, default) if measure \
        else (None, "default")
    period = _period(f, block_figures, text, s0 + c0, s0 + c1)
    return Mention(
        article=loc.article.id, block=loc.block, figure=f, sentence=" ".join(sentence.split()),
        anchor=loc.anchor, measure=measure.name if measure else None, role=role, subject=subject, period=period,
    ), how


def _measure(f: Figure, kind: str, text: str, sentence: str, c0: int, clause: str, at: int
             ) -> tuple[Measure | None, tuple[int, int] | None]:
    """The measure a figure states, and where its cue is in the clause (None if not said)."""
    if kind == "item" and (label := _LABEL.match(text)) and f.start > label.end() - 2:
        named = measure_for_label(label["label"])
        if named and f.kind in BY_NAME[named].kinds:
            return BY_NAME[named], None
    best: tuple[int, int, Measure, tuple[int, int] | None] | None = None
    for rank, measure in enumerate(MEASURES):
        if f.kind not in measure.kinds or (measure.units is not None and f.unit not in measure.units):
            continue
        if f.kind == "money" and (f.per not in measure.per if measure.per is not None else f.per == "share"):
            continue
        # the counted noun names the measure ("400 employees"), unless a cue is nearer
        if f.kind == "count" and f.unit and measure.cues.fullmatch(f.unit) and (
                best is None or (10, rank) < (best[0], best[1])):
            best = (10, rank, measure, None)
        for m in measure.cues.finditer(clause):
            if m.start() < at + len(f.text) and m.end() > at:
                continue  # the cue is inside the figure itself
            if m.end() <= at:
                distance = at - m.end()
                if measure.name == "release date" and _FIGURE_BETWEEN.search(clause, m.end(), at) and \
                        re.search(r"\b(?:in|by|during)\s+$", clause[:at]):
                    continue  # "ship 8 million units in 2027": 2027 dates the units, it is no launch
            else:
                # a cue after the figure counts when it is right there ("$2 billion deal",
                # "€8m in add-ons", "12% of its workforce"); further on, it usually belongs to
                # the next thought ("..., the deal was")
                gap = clause[at + len(f.text):m.start()]
                distance = 1 if _ADJACENT.match(gap) else len(gap) + 40
            if best is None or (distance, rank) < (best[0], best[1]):
                best = (distance, rank, measure, m.span())
    if best is None:
        if f.kind == "count" and f.unit in PEOPLE:
            return BY_NAME["headcount"], None
        return None, None
    measure, span = best[2], best[3]
    if span is not None and measure.name == "valuation" and \
            clause[span[0]:span[1]].lower().startswith(("valued", "worth", "valuing", "values")) and \
            _DEAL_BEFORE.search(sentence[:c0 + span[0]]):
        measure = BY_NAME["deal value"]
    return measure, span


def _role(clause: str, at: int, *, dated: bool) -> Role | None:
    """`before` or `after` where the figure is one end of a change (`from $5m`, `to $3m`);
    `earlier` where the clause dates it before the story's events (`a year ago`) and `dated`
    (a deal is told apart by what was bought, not by when)."""
    if dated and (earlier := _EARLIER.search(clause)) and not re.search(r"\b(?:on|than|from|with|over)\s+$",
                                                               clause[:earlier.start()]):
        return "earlier"
    if not CHANGE_VERB.search(clause):
        return None
    lead = clause[:at].rstrip().lower()
    if re.search(r"\bto$", lead) and not _NOT_A_CHANGE.search(lead):
        return "after"
    if re.search(r"\b(?:up|down)? ?from$", lead):
        return "before"
    return None






def _period(f: Figure, block_figures: Sequence[Figure], text: str, c0: int, c1: int) -> str | None:
    """The date in the same clause that the figure is tied to (nearest one), if any.

    A date after "since", "after", "before" or "until" dates something else ("the strongest
    storm since 2011"), not the figure.
    """
    if f.kind == "date":
        return None
    # the clause's dates (`block_figures` are in reading order)
    inside = block_figures[bisect.bisect_left(block_figures, c0, key=_START):bisect.bisect_left(
        block_figures, c1, key=_START)]
    dates = [d for d in inside if d.kind == "date" and d.period
             and not _NOT_A_PERIOD.search(text, max(0, d.start - 20), d.start)]
    if not dates:
        return None
    nearest = min(dates, key=lambda d: (abs(d.start - f.start), d.start))
    return nearest.period


def _group(mentions: list[Mention], evidence: list[Evidence], articles: Sequence[Article], *, story: str,
           sources: Sources) -> tuple[list[Claim], list[HeldBack]]:
    """Claims: mentions joined on the evidence that they state one quantity (group.py); and the
    pairs held back from being a dispute."""
    idf, unseen, surface = D.story_words(b.text for a in articles for b in a.blocks)
    origin = [sources.origins.get(m.article, m.article) for m in mentions]
    order = {a.id: i for i, a in enumerate(articles)}
    claims: list[Claim] = []
    groups, held = G.cluster(mentions, evidence, origin, idf, unseen, surface)
    for members, links in groups:
        group = [mentions[i] for i in members]
        ev = [evidence[i] for i in members]
        across = len({origin[i] for i in members}) > 1
        if across:
            label = _label(group, ev, links)
            # whose quantity: the lexicon's reading where it names the measure (the thing bought,
            # for a deal), else the names the grammar ties to the figures
            lexicon = Counter(m.subject for m in group if m.subject and m.measure == label)
            owners = lexicon or Counter(e.owner for e in ev if e.owner)
            subject = min(owners, key=lambda k: (-owners[k], k)) if owners else None
            # one label for the claim: the commonest reading of it (a mention's own measure where
            # it is this one, with its role: `deal value (after)`)
            labels: Counter[tuple[str, Role | None]] = Counter(
                (label, m.role if m.measure == label else None) for m in group)
            label, role = min(labels, key=lambda k: (-labels[k], k[0], k[1] or ""))
            group = [replace(m, measure=label, role=role, subject=subject) for m in group]
        claim = make_claim(group, story=story, order=order, sources=sources)
        if across:
            claim = _with_evidence(claim, links)
        claims.append(claim)
    held_back = [HeldBack(f"{mentions[i].article}#{mentions[i].anchor}", f"{mentions[j].article}#{mentions[j].anchor}",
                          round(p, 2)) for i, j, p in held]
    return _unique_ids(claims), held_back


_KIND_NOUNS = {"money": "amount", "percent": "percentage", "date": "date", "duration": "time",
               "number": "number", "count": "number"}


def _label(group: Sequence[Mention], evidence: Sequence[Evidence], links: Sequence[G.Link]) -> str:
    """What the claim measures: the lexicon's measure where its mentions name one, else a label
    from the evidence (`age`, `bullets (hit)`, `time (heart attack)`)."""
    dim = evidence[0].dimension
    if dim == "age":
        return "age"
    measures = Counter(SAME_AS.get(m.measure, m.measure) for m in group if m.measure)
    if measures:
        return min(measures, key=lambda k: (-measures[k], k))
    words = Counter(w for link in links for w in link.shared)
    word = min(words, key=lambda k: (-words[k], k)) if words else None
    f = group[0].figure
    if f.kind == "count" and f.unit:
        noun = "people" if evidence[0].noun == "person" else f.unit
        return f"{noun} ({word})" if word else noun
    noun = {"length": "distance", "mass": "weight", "speed": "speed"}.get(dim, _KIND_NOUNS.get(f.kind, "figure"))
    return f"{noun} ({word})" if word else noun


def _with_evidence(claim: Claim, links: Sequence[G.Link]) -> Claim:
    """The claim with its confidence (its weakest link) and the evidence in its reason."""
    if not links:
        return claim
    confidence = round(min(1.0, min(link.score for link in links)), 2)
    words = list(dict.fromkeys(w for link in sorted(links, key=lambda k: -k.score) for w in link.shared))[:3]
    said = " and ".join(f"'{w}'" for w in words)
    about = f", about {claim.subject}" if claim.subject else ""
    sources = len({m.article for m in claim.mentions})
    who = "Both reports" if sources == 2 else "The reports"
    evidence = f" {who} write {said} beside the figure{about}." if words else \
        f" {who} state it in similar sentences{about}."
    return replace(claim, reason=claim.reason + evidence, confidence=confidence, evidence=tuple(words))


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    """Claims in a stable order with ids that are unique within the digest."""
    claims.sort(key=lambda c: (c.id, c.mentions[0].article, c.mentions[0].anchor))
    taken = {c.id for c in claims}
    seen: Counter[str] = Counter()
    out = []
    for claim in claims:
        seen[claim.id] += 1
        if seen[claim.id] == 1:
            out.append(claim)
            continue
        # the second `deal-value` is `deal-value-2`, unless a claim is called that already
        n = seen[claim.id]
        while f"{claim.id}-{n}" in taken:
            n += 1
        seen[claim.id] = n
        taken.add(f"{claim.id}-{n}")
        out.append(replace(claim, id=f"{claim.id}-{n}"))
    return out
