"""build(): discover -> read -> extract -> align -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digest.claims import align
from digest.claims.editor import apply_edits, load_edits
from digest.claims.entities import story_entities
from digest.discover import StorySource, discover
from digest.errors import BuildFailed, InputError
from digest.figures import extract_figures
from digest.model import Article, Digest, Figure, Story
from digest.readers import read_article
from digest.render import environment, render
from digest.write import check_output, write_tree


@dataclass(frozen=True, slots=True)
class BuildReport:
    stories: int
    articles: int
    figures: int
    disputed: int
    corroborated: int


def build(content: Path, /, *, out: Path, config: str | None = "mkdocs.yml", overrides: Path | None = None) -> BuildReport:
    """Build the docs/ folder from a content folder; raise BuildFailed with every input error."""
    check_output(out, content=content)
    errors: list[InputError] = []
    sources = discover(content, errors)
    read = [(source, read_story(source, content, errors)) for source in sources]
    _check_unique_pages(read, errors)
    if not errors:
        # every story is aligned (and edited) before anything is rendered
        stories = []
        for source, articles in read:
            try:
                stories.append(make_story(source, articles, content=content))
            except InputError as exc:
                errors.append(exc)
    if errors:
        raise BuildFailed(sorted(errors, key=lambda e: (str(e.path), e.line or 0)))
    digest = Digest(stories=order_stories(stories))
    env = environment(overrides=overrides, config=config)
    write_tree(render(digest, env=env, config=config), out)
    claims = [c for s in digest.stories for c in s.claims if c.mentions[0].measure]
    return BuildReport(
        stories=len(digest.stories),
        articles=sum(len(s.articles) for s in digest.stories),
        figures=sum(len(s.mentions) for s in digest.stories),
        disputed=sum(c.status == "disputed" for c in claims),
        corroborated=sum(c.status == "corroborated" for c in claims),
    )


def read_story(source: StorySource, content: Path, errors: list[InputError]) -> list[Article]:
    """Every readable article of a story; problems go to `errors`."""
    articles = []
    for path in source.files:
        try:
            articles.append(read_article(path, root=content, story=source.slug))
        except InputError as exc:
            errors.append(exc)
    return articles


def _check_unique_pages(read: list[tuple[StorySource, list[Article]]], errors: list[InputError]) -> None:
    for _, articles in read:
        seen: dict[str, Article] = {}
        for a in articles:
            if a.slug in seen or a.slug == "index":
                other = seen.get(a.slug)
                clash = f"the same page as {other.source}" if other else "the story page's name"
                errors.append(InputError(a.source, f"article would get {clash} ({a.id}/); give one a 'slug:'"))
            seen[a.slug] = a


def extract_article(article: Article, /) -> list[list[Figure]]:
    """The figures of each block of an article (a pure function of the article)."""
    year = int(article.published[:4]) if article.published else None
    return [extract_figures(block.text, year=year) for block in article.blocks]


def make_story(source: StorySource, articles: list[Article], /, *, content: Path | None = None) -> Story:
    """A Story with its figures extracted and aligned into claims, and the editor's edits applied."""
    figures = [extract_article(a) for a in articles]
    mentions, claims = align(articles, figures, story=source.slug)
    if source.edits is not None:
        rel = source.edits.relative_to(content).as_posix() if content else source.edits.name
        order = {a.id: i for i, a in enumerate(articles)}
        claims = apply_edits(claims, load_edits(source.edits, rel), story=source.slug, rel=rel, order=order)
    dates = sorted(a.published for a in articles if a.published)
    return Story(slug=source.slug, title=source.title, summary=source.summary, articles=tuple(articles),
                 mentions=tuple(mentions), claims=tuple(claims), published=dates[-1] if dates else None,
                 entities=tuple(story_entities(articles, mentions, story=source.slug)))


def order_stories(stories: list[Story]) -> tuple[Story, ...]:
    """Newest first (by the latest article date); undated stories last; then by name."""
    dated = sorted((s for s in stories if s.published), key=lambda s: (s.published or "", s.slug), reverse=True)
    undated = sorted((s for s in stories if not s.published), key=lambda s: s.slug)
    return tuple(dated + undated)
