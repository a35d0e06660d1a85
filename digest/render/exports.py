"""Machine-readable exports published with the site: feeds and W3C Web Annotations.

- `feed.xml` (Atom) and `feed.json` (JSON Feed 1.1): the stories, newest first;
- `disputes.xml` and `disputes.json`: every disputed figure, newest dispute first (dated by the
  newest article that takes part in it, which is when the dispute appeared);
- `<story>/<article>.jsonld`: an article's figures as a W3C Web Annotation collection.

Atom is written with lxml and JSON with the json module: neither escapes by hand. Absolute
URLs start from mkdocs.yml's `site_url` (the Pages workflow sets it through SITE_URL).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import orjson
from lxml import etree
from lxml.builder import ElementMaker

from digest.figures.display import normalised
from digest.model import Article, Claim, Digest, Mention, Story
from digest.render import config as mkdocs_config
from digest.render.annotate import MAX_OTHERS, STATUS_LABELS, source_label
from digest.render.escape import first_upper
from digest.render.values import claim_label, stated_values, status_counts

ATOM = "http://www.w3.org/2005/Atom"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
#: Characters of context kept on each side of a figure in a TextQuoteSelector.
QUOTE_CONTEXT = 32
_EPOCH = "1970-01-01T00:00:00Z"
#: Entries in each feed: the newest stories and disputes (a feed is for what is new, and its size
#: must not grow with the digest; the site's pages list everything).
FEED_ENTRIES = 100


def to_json(data: Any) -> str:
    """JSON as digest writes it: UTF-8 text, two-space indent, keys in insertion order, a final
    newline. orjson, because the standard library's encoder falls back to pure Python when
    indenting, and claims.json and the exports are a fifth of a large build's time with it."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def site_url(config: str | None) -> str:
    """mkdocs.yml's `site_url` (with `!ENV` and `INHERIT` resolved as MkDocs does), ending in `/`."""
    url = str(mkdocs_config.load(config).get("site_url") or DEFAULT_SITE_URL)
    return url if url.endswith("/") else url + "/"


def feeds(digest: Digest, *, base: str) -> dict[str, str]:
    """docs/-relative path -> content of the story and dispute feeds (Atom and JSON Feed)."""
    out: dict[str, str] = {}
    for name, title, entries in (("feed", "News digest: stories", _story_entries(digest, base)),
                                 ("disputes", "News digest: disputed figures", _dispute_entries(digest, base))):
        out[f"{name}.xml"] = atom(entries, title=title, base=base, path=f"{name}.xml")
        out[f"{name}.json"] = json_feed(entries, title=title, base=base, path=f"{name}.json")
    return out


def annotations_path(article_id: str) -> str:
    """Where an article's Web Annotations are, beside its page: `<story>/<slug>.jsonld`."""
    return f"{article_id}.jsonld"


def _timestamp(date: str | None, undated: str = _EPOCH) -> str:
    """An RFC 3339 time for an ISO date, year-month or year (the start of the period); `undated`
    where there is no date."""
    if not date:
        return undated
    parts = (date.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _newest(digest: Digest) -> str:
    """The feed time of an undated story or dispute: the newest date in the digest (never 1970,
    which feed readers show as the story's date), else the epoch where nothing is dated."""
    return max((_timestamp(s.published) for s in digest.stories if s.published), default=_EPOCH)


def _story_entries(digest: Digest, base: str) -> list[dict[str, Any]]:
    entries = []
    undated = _newest(digest)
    for story in digest.stories[:FEED_ENTRIES]:  # newest first already
        counts = status_counts(story)
        articles = {a.id: a for a in story.articles}
        sources = ", ".join(source_label(a) for a in story.articles)
        summary = (f"{counts['disputed']} disputed, {counts['corroborated']} corroborated and "
                   f"{counts['single-source']} single-source figures across {len(story.articles)} sources: {sources}.")
        disputed = [c for c in story.claims if c.status == "disputed"]
        entries.append({
            "id": f"{base}{story.slug}/", "url": f"{base}{story.slug}/", "title": story.title,
            "updated": _timestamp(story.published, undated), "summary": summary,
            "items": [f"{claim_label(c)}: {_values(c, articles)}" for c in disputed],
            "text": " ".join(filter(None, [story.summary, summary])),
        })
    return entries


def _dispute_entries(digest: Digest, base: str) -> list[dict[str, Any]]:
    disputes = []
    undated = _newest(digest)
    for story in digest.stories:
        published = {a.id: a.published for a in story.articles}
        for c in story.claims:
            if c.status == "disputed":
                dates = sorted(d for d in (published[m.article] for m in c.mentions) if d)
                disputes.append((_timestamp(dates[-1] if dates else None, undated), story, c))
    disputes.sort(key=lambda d: d[0], reverse=True)  # stable: stories stay in digest order
    entries: list[dict[str, Any]] = []
    for updated, story, c in disputes[:FEED_ENTRIES]:
        articles = {a.id: a for a in story.articles}
        entries.append({
            "id": f"{base}conflicts/#{c.id}", "url": f"{base}conflicts/#{c.id}",
            "title": f"{claim_label(c)}: {_values(c, articles)} ({story.title})",
            "updated": updated, "summary": c.reason,
            "items": [f"{source_label(articles[m.article])}: {normalised(m.figure)}: “{m.sentence}”"
                      for m in _first_per_value(c.mentions)],
            "text": c.reason,
        })
    return entries


def _first_per_value(mentions: Iterable[Mention]) -> list[Mention]:
    seen: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        seen.setdefault((m.article, normalised(m.figure)), m)
    return list(seen.values())


def _values(c: Claim, articles: Mapping[str, Article]) -> str:
    """The distinct values of a claim, lowest first, qualifiers kept where every source gives
    them: `nearly 95,000 homes vs more than 110,000 homes`."""
    return " vs ".join(v.text for v in stated_values(c, articles))


def atom(entries: list[dict[str, Any]], *, title: str, base: str, path: str) -> str:
    """An Atom feed (RFC 4287)."""
    E = ElementMaker(namespace=ATOM, nsmap={None: ATOM})
    updated = max((e["updated"] for e in entries), default=_EPOCH)
    feed = E.feed(
        E.id(base + path), E.title(title), E.updated(updated),
        E.link(rel="self", href=base + path, type="application/atom+xml"), E.link(rel="alternate", href=base),
        E.generator("digest"),
    )
    for e in entries:
        content = etree.Element("div")
        etree.SubElement(content, "p").text = e["summary"]
        if e["items"]:
            ul = etree.SubElement(content, "ul")
            for item in e["items"]:
                etree.SubElement(ul, "li").text = item
        feed.append(E.entry(
            E.id(e["id"]), E.title(e["title"]), E.updated(e["updated"]), E.link(rel="alternate", href=e["url"]),
            E.author(E.name("digest")), E.summary(e["summary"]),
            E.content(etree.tostring(content, encoding="unicode", method="html"), type="html"),
        ))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode", pretty_print=True)


def json_feed(entries: list[dict[str, Any]], *, title: str, base: str, path: str) -> str:
    """A JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": base,
        "feed_url": base + path,
        "items": [{"id": e["id"], "url": e["url"], "title": e["title"], "date_modified": e["updated"],
                   "summary": e["summary"], "content_text": "\n".join([e["text"], *e["items"]])}
                  for e in entries],
    }
    return to_json(feed)


def article_text(article: Article) -> tuple[str, list[int]]:
    """The article's text as its TextPositionSelectors count it: every block (title, summary,
    body) joined by a blank line; and the offset at which each block starts."""
    offsets, parts, pos = [], [], 0
    for block in article.blocks:
        offsets.append(pos)
        parts.append(block.text)
        pos += len(block.text) + 2
    return "\n\n".join(parts), offsets


def web_annotations(article: Article, story: Story, claims: dict[str, Claim], *, base: str,
                    firsts: dict[str, list[Mention]] | None = None) -> str:
    """An article's figures as a W3C Web Annotation collection (JSON-LD): one annotation per
    figure, anchored by a FragmentSelector (the figure's element id on the page), a
    TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector into `article_text`."""
    text, offsets = article_text(article)
    page = f"{base}{article.id}/"
    doc = f"{base}{annotations_path(article.id)}"
    articles = {a.id: a for a in story.articles}
    items = []
    mentions = sorted((m for m in story.mentions if m.article == article.id), key=lambda m: int(m.anchor[4:]))
    if firsts is None:
        firsts = {}  # per claim, made once: a claim may be stated thousands of times
    for m in mentions:
        claim = claims[m.anchor]
        if claim.id not in firsts:
            firsts[claim.id] = _first_per_value(claim.mentions)
        start = offsets[m.block] + m.figure.start
        end = offsets[m.block] + m.figure.end
        assert text[start:end] == m.figure.text
        describing = (f"{first_upper(claim.measure)}{' · ' + claim.subject if claim.subject else ''}: "
                      f"{normalised(m.figure)}. {STATUS_LABELS[claim.status]}: {claim.reason}")
        elsewhere = [o for o in firsts[claim.id] if o.article != m.article]
        others = [f"{source_label(articles[o.article])} says {normalised(o.figure)}" for o in elsewhere[:MAX_OTHERS]]
        if len(elsewhere) > MAX_OTHERS:  # a story may have a thousand sources
            others.append(f"and {len(elsewhere) - MAX_OTHERS} more sources")
        body: list[dict[str, Any]] = [
            {"type": "TextualBody", "purpose": "describing", "format": "text/plain", "language": "en",
             "value": " ".join([describing, *(o + "." for o in others)])},
            {"type": "TextualBody", "purpose": "tagging", "value": claim.status},
            {"type": "TextualBody", "purpose": "classifying", "value": claim.measure},
        ]
        if claim.note:
            body.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note})
        if m.check:
            body.append({"type": "TextualBody", "purpose": "assessing", "value": f"Arithmetic check: {m.check}"})
        if claim.status == "disputed":
            body.append({"type": "SpecificResource", "purpose": "linking", "source": f"{base}conflicts/#{claim.id}"})
        items.append({
            "id": f"{doc}#{m.anchor}",
            "type": "Annotation",
            "motivation": "assessing" if claim.status == "disputed" else "describing",
            "body": body,
            "target": {
                "source": page,
                "selector": [
                    {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
                     "value": m.anchor},
                    {"type": "TextQuoteSelector", "exact": m.figure.text,
                     "prefix": text[max(0, start - QUOTE_CONTEXT):start], "suffix": text[end:end + QUOTE_CONTEXT]},
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ],
            },
        })
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": doc,
        "type": "AnnotationCollection",
        "label": f"Figures in “{article.title}”",
        "total": len(items),
        "first": {"id": f"{doc}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return to_json(collection)
