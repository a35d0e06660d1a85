"""What each source says about one claim, for the pages that answer "where do the reports
disagree?": its distinct values, low to high, with the sources that give each, where in their
text they say so and on whose word."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from digest.figures.dates import describe_period
from digest.figures.display import normalised
from digest.model import Article, Claim, Mention, Story
from digest.render.annotate import mention_ref, source_label
from digest.render.escape import first_upper


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a claim as the sources state it (qualifier included: `about $850 million`; forms that differ only in the qualifier are one value)."""

    text: str
    sources: tuple[str, ...]
    """The label of each article that gives it, in story order (two articles of one outlet
    repeat its name)."""
    mentions: tuple[Mention, ...]
    """The first mention of this value in each of those articles."""


def stated_values(claim: Claim, articles: Mapping[str, Article]) -> list[Value]:
    """The claim's distinct values, lowest first, each with its sources; mentions an editor
    deprecated are left out (they are kept on the page but not counted)."""
    firsts: dict[str, dict[str, Mention]] = {}
    forms: dict[str, set[str]] = {}
    for m in claim.mentions:
        if mention_ref(m) in claim.deprecated:
            continue
        bare = normalised(replace(m.figure, qualifier=None))
        firsts.setdefault(bare, {}).setdefault(m.article, m)
        forms.setdefault(bare, set()).add(normalised(m.figure))
    # `about $850 million` where every source gives it so; `$850 million` where one says "about"
    # and another does not (the conflicts page lists every form)
    values = [Value(next(iter(forms[bare])) if len(forms[bare]) == 1 else bare,
                    tuple(source_label(articles[a]) for a in by_article), tuple(by_article.values()))
              for bare, by_article in firsts.items()]
    return sorted(values, key=lambda v: (v.mentions[0].figure.bounds(), v.text))


def spread_of(values: Sequence[Value]) -> tuple[Value, Value] | None:
    """The lowest and the highest value, where there are two."""
    return (values[0], values[-1]) if len(values) > 1 else None


def place(article: Article, block: int) -> str:
    """Where in an article a block is, as a reader finds it: `headline`, `summary`,
    `paragraph 3`, `list item 2` (paragraphs and list items counted apart), `heading 1`."""
    kind = article.blocks[block].kind
    if kind == "title":
        return "headline"
    if kind == "summary":
        return "summary"
    n = sum(1 for b in article.blocks[:block + 1] if b.kind == kind)
    return {"item": "list item", "heading": "heading"}.get(kind, "paragraph") + f" {n}"


_WHO = r"((?:the |The )?(?:[A-Za-z][\w'’.-]* ){0,3}?[A-Za-z][\w'’-]*)"
_VERBS = r"(?:said|says|say|estimated|estimates|estimate|told|reported|reports|announced|put|puts|counted|counts)"
#: `according to the city`, `..., city officials said`, `Insurers estimate that ...`
_ACCORDING = re.compile(r"\baccording to " + _WHO + r"(?=[,.;:)]|$)")
_SAID = re.compile(r"(?:^|[,;:]\s+|\.\s+)(?:(?:while|whereas|and|but|though|although|as|yet) )?"
                   + _WHO + r" " + _VERBS + r"\b(?!:)")
#: Words that refer back or stand for no one in particular: never a credit on their own or first.
_NOT_WHO = frozenset(["it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "which",
                      "who", "there", "its", "our", "their", "his", "her", "my"])
_CLAUSE_BREAK = re.compile(r"[,;:]")


class LowerWords:
    """The words the articles write in lower case somewhere (`insurers`, never `reuters`),
    gathered on the first question (most credits never ask)."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = articles
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(w for a in self._articles for b in a.blocks
                                    for w in _WORD.findall(b.text) if w.islower())
        return word in self._words


_WORD = re.compile(r"[A-Za-z][a-z'’-]*")


def offset_in_sentence(m: Mention, article: Article) -> int | None:
    """Where the mention's figure starts in its sentence (None where the sentence is not found
    in its block as written): by offsets, never by searching the figure's text, which a
    sentence may hold twice (`1,850 damaged homes ... only 850`)."""
    text = article.blocks[m.block].text
    start = text.find(m.sentence)
    while start != -1 and start + len(m.sentence) <= m.figure.start:
        start = text.find(m.sentence, start + 1)
    if start < 0 or start > m.figure.start:
        return None
    return m.figure.start - start


def attribution(sentence: str, figure: str | int | None = None,
                lower: LowerWords | frozenset[str] = frozenset()) -> str | None:
    """On whose word the sentence gives `figure` (its offset in the sentence, or its text; the
    first figure where None), where it says so: `according to the city`, `city officials said`
    -> `city officials`, `Insurers estimate that` -> `insurers` (where the story writes
    `insurers` in lower case elsewhere: `lower`). Where a sentence credits several (`officials
    put it at $1.2 billion, while insurers estimate $850 million`), the credit in the figure's
    own clause, then the nearest; None where it names no one (a pronoun is no one)."""
    at = figure if isinstance(figure, int) else sentence.find(figure) if figure else -1
    found: list[tuple[int, int, str]] = []
    for pattern in (_ACCORDING, _SAID):
        for m in pattern.finditer(sentence):
            who = m.group(1).strip()
            if who.split(" ")[0].lower() in _NOT_WHO or any(ch.isdigit() for ch in who):
                continue
            # a sentence's first word is capitalised as such: `Insurers` is `insurers`, where
            # the story writes it so elsewhere and the words after it are not names (`Mayor
            # Ines Okafor`)
            first, _, rest = who.partition(" ")
            if m.start(1) == 0 and first[1:].islower() and rest == rest.lower() and first.lower() in lower:
                who = first.lower() + (f" {rest}" if rest else "")
            if at < 0:
                found.append((0, 0, who))
                continue
            # the credit in the figure's own clause first, then the nearest
            lo, hi = sorted((at, m.start(1) if m.start(1) > at else m.end()))
            found.append((len(_CLAUSE_BREAK.findall(sentence, lo, hi)), hi - lo, who))
    return min(found, key=lambda d: (d[0], d[1]))[2] if found else None


def disputes_in_order(claims: Sequence[Claim]) -> list[Claim]:
    """A story's disputed claims, the surest first: by the confidence that the values state one
    quantity, then by how far apart they are."""
    return sorted((c for c in claims if c.status == "disputed"),
                  key=lambda c: (-(c.confidence or 0), -(c.spread or 0), c.measure, c.id))


def claim_label(claim: Claim) -> str:
    """`Damage · Hollis`: the measure, capitalised as a label, and whose quantity it is."""
    label = first_upper(claim.measure)
    return f"{label} · {claim.subject}" if claim.subject else label


def story_labels(story: Story) -> dict[str, str]:
    """The labels of a story's compared claims, told apart (`distinct_labels`): every page
    names a claim by these."""
    return distinct_labels([c for c in story.claims if c.compared])


def status_counts(story: Story) -> dict[str, int]:
    """How many of the story's compared claims have each status."""
    counts = {"disputed": 0, "corroborated": 0, "single-source": 0}
    for c in story.claims:
        if c.compared:
            counts[c.status] += 1
    return counts


def distinct_labels(claims: Sequence[Claim]) -> dict[str, str]:
    """claim id -> its label, told apart where two claims of one page would read alike: by the
    period they are stated for (`Market size (2027)`), else by the kind of figure
    (`IPO timing · Databricks (a date)`); any still alike are numbered (`#2`)."""
    labels = {c.id: claim_label(c) for c in claims}
    alike: dict[str, list[Claim]] = {}
    for c in claims:
        alike.setdefault(labels[c.id], []).append(c)
    for label, group in alike.items():
        if len(group) < 2:
            continue
        kinds = {c.id: {m.figure.kind for m in c.mentions} for c in group}
        differ = len({frozenset(k) for k in kinds.values()}) > 1
        for c in group:
            periods = {m.period for m in c.mentions if m.period}
            if len(periods) == 1:
                labels[c.id] = f"{label} ({describe_period(periods.pop())})"
            elif differ and len(kinds[c.id]) == 1:
                labels[c.id] = f"{label} ({_KIND_WORDS.get(next(iter(kinds[c.id])), 'a figure')})"
        counts: dict[str, int] = {}
        for c in group:
            counts[labels[c.id]] = counts.get(labels[c.id], 0) + 1
        for n, c in enumerate(group, start=1):
            if counts[labels[c.id]] > 1:
                labels[c.id] = f"{labels[c.id]} #{n}"
    return labels


_KIND_WORDS = {"money": "an amount", "percent": "a share", "count": "a count", "date": "a date",
               "duration": "a duration", "number": "a number", "range": "a range"}
