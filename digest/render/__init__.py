"""render(): the Digest as Markdown pages and claims.json, through Jinja2 templates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from digest.cache import Cache, code_version, fingerprint
from digest.model import Digest, Mention, Story
from digest.render import indexes, pages
from digest.render.annotate import story_path
from digest.render.config import FULL, Publishing, publishing
from digest.render.escape import escapable_chars, escape_md, first_upper
from digest.render.exports import annotations_path, feeds, site_url, to_json, web_annotations
from digest.render.values import Value, story_labels

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
    env.filters["first_upper"] = first_upper
    return env


def html_id(value: str) -> Markup:
    """An element id digest generated (`[a-z0-9-]`), emitted as is."""
    if not _ID.match(value):
        raise ValueError(f"not a safe id: {value!r}")
    return Markup(value)


def render(digest: Digest, /, *, env: jinja2.Environment, config: str | None = None, cache: Cache | None = None,
           keys: Mapping[str, str] | None = None, setting: str = "") -> dict[str, str]:
    """docs/-relative path -> file content, for every page, claims.json, the feeds and the
    Web Annotation exports.

    A story's own files (its page, its articles' pages and exports) depend on that story alone
    and on how its entities are linked: with a `cache` and the stories' cache `keys`, they are
    rendered once and reused until the story, its links, digest's code, the template overrides
    (`setting`), the escaping rules or the site URL change. The digest-wide pages are always
    rendered.
    """
    out: dict[str, str] = {}
    ids = indexes.entity_ids(digest)
    base = site_url(config)
    out["index.md"] = env.get_template("index.md.j2").render(pages.home_context(digest, config=config))
    out["search.md"] = env.get_template("search.md.j2").render(
        {"front_matter": Markup(pages.front_matter({"title": "Search", "digest": {"kind": "search"}}))})
    out["conflicts.md"] = env.get_template("conflicts.md.j2").render(pages.conflicts_context(digest, config=config))
    out["timeline.md"] = env.get_template("timeline.md.j2").render(indexes.timeline_context(digest, config=config))
    out["entities.md"] = env.get_template("entities.md.j2").render(indexes.entities_context(digest, config=config))
    publish = publishing(config)
    rendering = fingerprint(code_version(), setting, "".join(sorted(escapable_chars(config))), base,
                            publish.mode, str(publish.noindex))
    parts: dict[str, StoryClaims] = {}
    for story in digest.stories:
        entities = indexes.story_entity_links(story, ids, page=story_path(story.slug))
        key = None
        if cache is not None and keys is not None:
            key = fingerprint(rendering, keys[story.slug], *(f"{e['name']}\0{e['link']}" for e in entities))
            hit = cache.get("pages", key)
            if isinstance(hit, tuple) and len(hit) == 2:
                out.update(hit[0])
                parts[story.slug] = hit[1]
                continue
        files = story_files(story, entities, env=env, config=config, base=base, publish=publish)
        parts[story.slug] = claims_parts(story)
        if cache is not None and key is not None:
            cache.put("pages", key, (files, parts[story.slug]))
        out.update(files)
    out["claims.json"] = claims_json(digest, parts)
    out.update(feeds(digest, base=base))
    return out


def story_files(story: Story, entities: list[dict[str, Any]], /, *, env: jinja2.Environment, config: str | None,
                base: str, publish: Publishing = FULL) -> dict[str, str]:
    """The story's page, and each of its articles' page and Web Annotations."""
    context = pages.story_context(story, config=config)
    context["entities"] = entities
    out = {story_path(story.slug): env.get_template("story.md.j2").render(context)}
    article_t = env.get_template("article.md.j2")
    claims = pages.claims_by_anchor(story)  # once per story, not once per article
    if publish.mode == "excerpts":
        # the article pages and their Web Annotations quote the excerpts only (a quote's
        # prefix and suffix would otherwise carry the text the page leaves out)
        story = pages.excerpted(story)
    firsts: dict[str, list[Mention]] = {}  # each claim's first mention per source, made once per story
    labels = story_labels(story)  # once per story, as are the values
    values: dict[str, list[Value]] = {}
    for article in story.articles:
        out[f"{article.id}.md"] = article_t.render(
            pages.article_context(article, story, claims=claims[article.id], config=config, publish=publish,
                                  labels=labels, values=values))
        out[annotations_path(article.id)] = web_annotations(article, story, claims[article.id], base=base,
                                                            firsts=firsts)
    return out


def claims_json(digest: Digest, parts: Mapping[str, StoryClaims] | None = None) -> str:
    """claims.json as in INTERFACE.md (plus `story`, `reason`, `spread`, `confidence`, `evidence`, `anchor`,
    `qualifier`, `period`),
    assembled from each story's pieces (`parts`, by story slug, where already made)."""
    made = [parts[s.slug] if parts and s.slug in parts else claims_parts(s) for s in digest.stories]
    articles = [a for p in made for a in p.articles]
    claims = [c for p in made for c in p.claims]
    return (f'{{\n  "articles": {_array(articles)},\n  "claims": {_array(claims)}\n}}\n')


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """One story's entries of claims.json's two arrays, each already JSON at the depth it goes."""

    articles: tuple[str, ...]
    claims: tuple[str, ...]


def claims_parts(story: Story) -> StoryClaims:
    """The story's articles and claims as claims.json writes them (what `to_json` of the whole
    file would write: JSON strings hold no raw line breaks, so indenting each line is exact)."""
    def entry(data: dict[str, Any]) -> str:
        return to_json(data).rstrip("\n").replace("\n", "\n    ")

    articles = tuple(entry({"id": a.id, "source": a.source, "title": a.title, "url": f"{a.id}/",
                            "story": story.slug, "outlet": a.outlet, "published": a.published})
                     for a in story.articles)
    claims = tuple(entry({
        "id": c.id, "story": c.story, "measure": c.measure, "subject": c.subject,
        "status": c.status, "reason": c.reason, "spread": c.spread, "note": c.note, "edited": c.edited,
        "confidence": c.confidence, "evidence": list(c.evidence),
        "mentions": [{
            "article": m.article, "text": m.figure.text, "kind": m.figure.kind,
            "value": m.figure.value, "low": m.figure.low, "high": m.figure.high,
            "unit": m.figure.unit, "qualifier": m.figure.qualifier, "period": m.period,
            "sentence": m.sentence, "anchor": m.anchor, "url": f"{m.article}/#{m.anchor}",
            "per": m.figure.per, "check": m.check,
            "preferred": f"{m.article}#{m.anchor}" in c.preferred,
            "deprecated": f"{m.article}#{m.anchor}" in c.deprecated,
        } for m in c.mentions],
    }) for c in story.claims)
    return StoryClaims(articles, claims)


def _array(entries: list[str]) -> str:
    return "[\n    " + ",\n    ".join(entries) + "\n  ]" if entries else "[]"
