"""The types that flow between the pipeline's stages.

Every type is a frozen, slotted dataclass: a stage returns new values, it never edits the
ones it was given. The field names of `Figure` are the keys of `digest figures --json`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

#: Block kinds, in the order a reader meets them on the page.
BLOCK_KINDS = ("title", "summary", "heading", "paragraph", "item")

#: Figure kinds, as in `digest figures --json`.
FIGURE_KINDS = ("money", "percent", "count", "date", "duration", "number")

#: A claim's status: two sources give values that cannot both be right; two or more agree; one.
Status = Literal["disputed", "corroborated", "single-source"]
#: A figure's part in a change or in time: the value before or after a change (`from $5m`, `to
#: $3m`), or a value the clause dates before the story's events (`a year ago`).
Role = Literal["before", "after", "earlier"]
#: Claim statuses, most severe first.
STATUSES: tuple[Status, ...] = ("disputed", "corroborated", "single-source")


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of article text: the title, the summary, a heading, a paragraph or a list item."""

    kind: str
    text: str
    line: int | None = None
    """1-based line in the source file where the block starts, where the format has lines."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article as its reader found it, before any figure is extracted."""

    id: str
    """`<story>/<slug>`: unique in the digest, and the article page's path without `.md`."""
    story: str
    slug: str
    source: str
    """Path of the file relative to the content folder, with `/` separators."""
    format: str
    """The reader that read it: `txt`, `md` or `html`."""
    title: str
    blocks: tuple[Block, ...]
    """Title and summary blocks first (where present), then the body in reading order."""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO date (`2025-06-12`), or a year-month or year where that is all the source says."""
    author: str | None = None
    summary: str | None = None
    category: str | None = None

    @property
    def body(self) -> tuple[Block, ...]:
        """The blocks after the title and summary."""
        return tuple(b for b in self.blocks if b.kind not in ("title", "summary"))


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a piece of text: its exact span and its normalised value."""

    text: str
    """The exact surface string, equal to `source[start:end]`."""
    kind: str
    value: float
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    start: int
    end: int
    period: str | None = None
    """For dates: a normalised label (`2023`, `2023-06`, `2025-Q3`, `2024-H2`, `2025/26`)."""
    per: str | None = None
    """For amounts stated on a basis: `share`, `year`, `week`, `month`, `day`... (`£104 a year`)."""

    def bounds(self) -> tuple[float, float]:
        """The interval of values the figure admits, widened by its qualifier and rounding."""
        from digest.figures.numbers import admitted_interval

        return admitted_interval(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure in context: where in which article, in which sentence, with which anchor."""

    article: str
    block: int
    """Index into `Article.blocks`."""
    figure: Figure
    sentence: str
    anchor: str
    """The id of the element wrapping the figure on the article page (`fig-3`)."""
    measure: str | None = None
    """What the figure measures (`deal value`), or None where the context does not say."""
    role: Role | None = None
    """Its part in a change or in time, where the clause gives one (see `Role`)."""
    subject: str | None = None
    """Who or what is measured (`Databricks`), or None."""
    period: str | None = None
    """The period or as-of date the text ties the figure to (`2023`, `late 2024`), or None."""
    check: str | None = None
    """Where the sentence gives the parts and the figure does not follow from them: why."""

    @property
    def label(self) -> str | None:
        """The measure with its role, as claims are keyed and labelled: `deal value (after)`."""
        if self.measure and self.role:
            return f"{self.measure} ({self.role})"
        return self.measure


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantity in the world, and every place where the articles state it."""

    id: str
    story: str
    measure: str
    subject: str | None
    status: Status
    reason: str
    """Why the claim has its status, in words a reader can check."""
    mentions: tuple[Mention, ...]
    spread: float | None = None
    """For disputed claims: largest value / smallest value (e.g. 2.5)."""
    note: str | None = None
    """An editor's note (claims.yml), shown wherever the claim is."""
    preferred: tuple[str, ...] = ()
    """`<article id>#<anchor>` of mentions an editor marked preferred."""
    deprecated: tuple[str, ...] = ()
    """`<article id>#<anchor>` of mentions an editor marked deprecated (kept, but not counted)."""
    edited: bool = False
    """True where an editor set the status."""
    confidence: float | None = None
    """For claims across sources: how strong the evidence is that every mention states this one
    quantity (0-1: the score of the weakest link that joined them)."""
    evidence: tuple[str, ...] = ()
    """The words the sources' sentences share near the figure (`killed`, `weighing`)."""
    compared: bool = False
    """True where the text says what the figure measures, so that it is compared across
    sources; False for a figure digest cannot place (its claim is the figure alone)."""


@dataclass(frozen=True, slots=True)
class HeldBack:
    """Two figures whose values differ, in sentences that make one quantity likely but not
    surely: never shown as a dispute, listed for the editor by `digest check`."""

    a: str
    """`<article id>#<anchor>` of one figure."""
    b: str
    """The other figure, in another article."""
    probability: float
    """The pair model's probability from the words alone that they state one quantity."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A name and where a story's articles state figures about it."""

    name: str
    kind: str
    story: str
    articles: tuple[str, ...]
    """Ids of the articles that name it, in story order."""
    mentions: tuple[Mention, ...]
    """Figures stated in a sentence that names it."""


@dataclass(frozen=True, slots=True)
class Story:
    """A folder of articles about one event, with the claims aligned across them."""

    slug: str
    title: str
    summary: str | None
    articles: tuple[Article, ...]
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    published: str | None = None
    """The newest article date, used to order stories."""
    entities: tuple[Entity, ...] = ()
    """The companies, people and places the articles name, most named first."""
    held_back: tuple[HeldBack, ...] = ()
    """Pairs held back from being a dispute on weak evidence (`digest check`)."""


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the render stage needs."""

    stories: tuple[Story, ...]


def _pickle_by_position(cls: type) -> None:
    """Pickle `cls` as (class, field values): the build cache loads tens of thousands of these,
    and this is several times faster than the dataclass default (a setstate call per field)."""
    names = tuple(f.name for f in fields(cls))

    def reduce(self: object) -> tuple[type, tuple[object, ...]]:
        return cls, tuple(getattr(self, n) for n in names)

    cls.__reduce__ = reduce  # type: ignore[assignment, method-assign]


for _cls in (Block, Article, Figure, Mention, Claim, HeldBack, Entity, Story, Digest):
    _pickle_by_position(_cls)
