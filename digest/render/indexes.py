"""The digest-wide pages: the timeline of dated events and the index of entities."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from digest.figures.dates import describe_period, period_bounds
from digest.figures.display import normalised
from digest.model import Article, Digest, Mention, Story
from digest.render.annotate import STATUS_ICONS, link, page_path, source_label, story_path
from digest.render.escape import escape_md, trusted
from digest.render.pages import claims_by_anchor, front_matter
from digest.render.values import offset_in_sentence

ENTITY_HEADINGS = {"company": "Companies and organisations", "person": "People", "place": "Places",
                   "other": "Other names"}
#: At most this many figures are listed under one entity of one story (the rest are counted).
ENTITY_FIGURES = 12


#: A date that only bounds a span is no event: `since 2011`, `until 2030`, `before 2019`.
_BOUND_BEFORE = re.compile(r"\b(?:since|until|till|before|through|prior to)\s+(?:(?:the\s+)?(?:start|end|middle)\s+of\s+)?$",
                           re.IGNORECASE)
#: Words in a date's clause that make it a forecast or a plan, not an event: `is expected to
#: close in Q3 2025`, `will open in 2027`, `by 2030` (right before the date: `acquired by
#: Google in 2019` is past).
_FUTURE_BEFORE = re.compile(r"(?:\b(?:will|shall|expected|expects?|forecast(?:s|ed)?|projected|plans?|planned|"
                            r"scheduled|set to|aims?|targets?|targeted|intends?)\b[^,;.]*|"
                            r"\bby\s+(?:the\s+(?:end|middle|start)\s+of\s+)?)$", re.IGNORECASE)


def _before(m: Mention, article: Article) -> str:
    """The sentence's text before the date (the clause it stands in), found by offset."""
    at = offset_in_sentence(m, article)
    return m.sentence[:at] if at is not None else ""


def _reference(m: Mention, article: Article) -> bool:
    return _BOUND_BEFORE.search(_before(m, article)) is not None


def _expected(m: Mention, article: Article) -> bool:
    return _FUTURE_BEFORE.search(_before(m, article)[-80:]) is not None


def timeline_context(digest: Digest, *, config: str | None) -> dict[str, Any]:
    """Every dated event, oldest first: a date figure and the sentences that state it.

    One event per story and period: two sources dating the same thing to June 2023 are one
    row with both sources' sentences. Day-and-month dates with no year are left out, and so are
    dates that only bound a span (`since 2011`); a date every source gives as a forecast or a
    plan (`expected to close in Q3 2025`) is marked `(expected)`.
    """
    page = "timeline.md"
    events: list[dict[str, Any]] = []
    for story in digest.stories:
        articles = {a.id: a for a in story.articles}
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for m in story.mentions:
            label = m.figure.period
            if m.figure.kind == "date" and label and not label.startswith("--") and not _reference(m, articles[m.article]):
                grouped[label].append(m)
        for label, mentions in grouped.items():
            start, _ = period_bounds(label, mentions[0].figure.value)
            sources: list[dict[str, Any]] = []
            for m in mentions:
                if all(s["article"] != m.article for s in sources):
                    sources.append({"article": m.article, "label": source_label(articles[m.article]),
                                    "link": trusted(link(page, page_path(m.article), m.anchor))})
            expected = all(_expected(m, articles[m.article]) for m in mentions)
            when = describe_period(label) + (" (expected)" if expected else "")
            events.append({"start": start, "label": label, "when": when, "story": story,
                           "story_link": trusted(link(page, story_path(story.slug))),
                           "sentence": mentions[0].sentence, "sources": sources})
    events.sort(key=lambda e: (e["start"], e["label"], e["story"].slug))
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        years[int(e["start"])].append(e)
    return {"front_matter": trusted(front_matter({"title": "Timeline", "digest": {"kind": "timeline"}})),
            "years": sorted(years.items())}


def entities_context(digest: Digest, *, config: str | None) -> dict[str, Any]:
    """Every entity the stories name, by kind, with its stories and the figures stated about it."""
    page = "entities.md"
    merged: dict[str, dict[str, Any]] = {}
    for story in digest.stories:
        claims = claims_by_anchor(story)
        articles = {a.id: a for a in story.articles}
        for e in story.entities:
            entry = merged.setdefault(e.name, {"name": e.name, "kinds": defaultdict(int), "stories": []})
            entry["kinds"][e.kind] += len(e.articles)
            figures = []
            for m in e.mentions[:ENTITY_FIGURES]:
                claim = claims[m.article][m.anchor]
                figures.append(trusted(
                    f"[{escape_md(m.figure.text, config=config)}]({link(page, page_path(m.article), m.anchor)})"
                    f" {escape_md(claim.measure, config=config)}, {escape_md(normalised(m.figure), config=config)}"
                    f" · {STATUS_ICONS[claim.status]} {claim.status} · {escape_md(source_label(articles[m.article]), config=config)}"))
            entry["stories"].append({"story": story, "link": trusted(link(page, story_path(story.slug))),
                                     "articles": len(e.articles), "figures": figures,
                                     "more": max(0, len(e.mentions) - ENTITY_FIGURES)})
    sections: dict[str, list[dict[str, Any]]] = {k: [] for k in ENTITY_HEADINGS}
    ids = entity_ids(digest)
    for entry in merged.values():
        kinds = entry["kinds"]
        kind = min(kinds, key=lambda k: (-kinds[k], list(ENTITY_HEADINGS).index(k)))
        entry["id"] = ids[entry["name"]]
        sections[kind].append(entry)
    for entries in sections.values():
        entries.sort(key=lambda e: (-sum(s["articles"] for s in e["stories"]), e["name"]))
    return {"front_matter": trusted(front_matter({"title": "Entities", "digest": {"kind": "entities"}})),
            "sections": [{"heading": ENTITY_HEADINGS[k], "kind": k, "entries": v} for k, v in sections.items() if v]}


def entity_ids(digest: Digest) -> dict[str, str]:
    """Entity name -> its element id on the entities page (`Inflection AI` -> `entity-inflection-ai`),
    unique even where two names slugify alike."""
    from digest.readers import slugify

    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted({e.name for s in digest.stories for e in s.entities}):
        base = "entity-" + slugify(name)
        new, n = base, 2
        while new in taken:
            new, n = f"{base}-{n}", n + 1
        ids[name] = new
        taken.add(new)
    return ids


def story_entity_links(story: Story, ids: dict[str, str], *, page: str) -> list[dict[str, Any]]:
    """The story's entities, linked to their entries on the entities page."""
    return [{"name": e.name, "kind": e.kind, "link": trusted(link(page, "entities.md", ids[e.name]))}
            for e in story.entities]
