"""render(): the Digest as Markdown pages and claims.json, through Jinja2 templates."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from digest.model import Digest
from digest.render import indexes, pages
from digest.render.annotate import story_path
from digest.render.escape import escape_md
from digest.render.exports import exports, site_url

TEMPLATES = Path(__file__).parent / "templates"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def environment(*, overrides: Path | None = None, config: str | None = None) -> jinja2.Environment:
    """Jinja2 with the user's `overrides/digest/` first, then digest's own templates.

    Every `{{ … }}` is escaped by `finalize` unless it is a fragment digest marked trusted.
    """
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None and overrides.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))

    def finalize(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        return escape_md(str(value), config=config)

    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
    )
    env.filters["html_id"] = html_id
    return env


def html_id(value: str) -> Markup:
    """An element id digest generated (`[a-z0-9-]`), emitted as is."""
    if not _ID.match(value):
        raise ValueError(f"not a safe id: {value!r}")
    return Markup(value)


def render(digest: Digest, /, *, env: jinja2.Environment, config: str | None = None) -> dict[str, str]:
    """docs/-relative path -> file content, for every page, claims.json, the feeds and the
    Web Annotation exports."""
    out: dict[str, str] = {}
    ids = indexes.entity_ids(digest)
    out["index.md"] = env.get_template("index.md.j2").render(pages.home_context(digest, config=config))
    out["conflicts.md"] = env.get_template("conflicts.md.j2").render(pages.conflicts_context(digest, config=config))
    out["timeline.md"] = env.get_template("timeline.md.j2").render(indexes.timeline_context(digest, config=config))
    out["entities.md"] = env.get_template("entities.md.j2").render(indexes.entities_context(digest, config=config))
    story_t = env.get_template("story.md.j2")
    article_t = env.get_template("article.md.j2")
    for story in digest.stories:
        context = pages.story_context(story, config=config)
        context["entities"] = indexes.story_entity_links(story, ids, page=story_path(story.slug))
        out[story_path(story.slug)] = story_t.render(context)
        claims = pages.claims_by_anchor(story)  # once per story, not once per article
        for article in story.articles:
            out[f"{article.id}.md"] = article_t.render(
                pages.article_context(article, story, claims=claims[article.id], config=config))
    out["claims.json"] = claims_json(digest)
    out.update(exports(digest, base=site_url(config)))
    return out


def claims_json(digest: Digest) -> str:
    """claims.json as in INTERFACE.md (plus `story`, `reason`, `spread`, `anchor`, `qualifier`, `period`)."""
    articles = []
    claims = []
    for story in digest.stories:
        for a in story.articles:
            articles.append({"id": a.id, "source": a.source, "title": a.title, "url": f"{a.id}/",
                             "story": story.slug, "outlet": a.outlet, "published": a.published})
        for c in story.claims:
            claims.append({
                "id": c.id, "story": c.story, "measure": c.measure, "subject": c.subject,
                "status": c.status, "reason": c.reason, "spread": c.spread, "note": c.note, "edited": c.edited,
                "mentions": [{
                    "article": m.article, "text": m.figure.text, "kind": m.figure.kind,
                    "value": m.figure.value, "low": m.figure.low, "high": m.figure.high,
                    "unit": m.figure.unit, "qualifier": m.figure.qualifier, "period": m.period,
                    "sentence": m.sentence, "anchor": m.anchor, "url": f"{m.article}/#{m.anchor}",
                    "per": m.figure.per, "check": m.check,
                    "preferred": f"{m.article}#{m.anchor}" in c.preferred,
                    "deprecated": f"{m.article}#{m.anchor}" in c.deprecated,
                } for m in c.mentions],
            })
    return json.dumps({"articles": articles, "claims": claims}, ensure_ascii=False, indent=2) + "\n"
