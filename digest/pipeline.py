"""build(): discover -> (cache or: read -> extract -> align) -> render -> write."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from digest.cache import Cache, code_version, fingerprint, tree_version
from digest.discover import StorySource, discover
from digest.errors import BuildFailed, InputError
from digest.model import Article, Digest, Figure, Story
from digest.readers import MAX_BYTES, read_article
from digest.render import environment, render
from digest.write import check_output, write_tree


@dataclass(frozen=True, slots=True)
class BuildReport:
    stories: int
    articles: int
    figures: int
    disputed: int
    corroborated: int
    reused: int = 0
    """Stories taken from the cache, unchanged since a build that used it."""


def build(content: Path, /, *, out: Path, config: str | None = "mkdocs.yml", overrides: Path | None = None,
          cache: Path | None = None, jobs: int = 1, progress: bool = False) -> BuildReport:
    """Build the docs/ folder from a content folder; raise BuildFailed with every input error.

    Stories whose files, story metadata and edits are unchanged since the last build come from
    the `cache` folder (None: no cache); the others are read, extracted and aligned, on `jobs`
    processes when there are enough of them to be worth it.
    """
    check_output(out, content=content)
    errors: list[InputError] = []
    sources = discover(content, errors)
    store = Cache(cache)
    keys = {source.slug: story_key(source, content) for source in sources}
    stories: dict[str, Story] = {}
    todo = []
    for source in sources:
        hit = store.get("stories", keys[source.slug])
        if isinstance(hit, Story):
            stories[source.slug] = hit
        else:
            todo.append(source)
    reused = len(stories)
    for source, (story, problems) in zip(todo, _process_all(todo, content, jobs=jobs, progress=progress),
                                         strict=True):
        errors += problems
        if story is not None:
            stories[source.slug] = story
            store.put("stories", keys[source.slug], story)
    if errors:
        raise BuildFailed(sorted(errors, key=lambda e: (str(e.path), e.line or 0)))
    digest = Digest(stories=order_stories([stories[source.slug] for source in sources]))
    env = environment(overrides=overrides, config=config)
    write_tree(render(digest, env=env, config=config, cache=store, keys=keys,
                      setting=tree_version(overrides)), out)
    store.prune()
    claims = [c for s in digest.stories for c in s.claims if c.mentions[0].measure]
    return BuildReport(
        stories=len(digest.stories),
        articles=sum(len(s.articles) for s in digest.stories),
        figures=sum(len(s.mentions) for s in digest.stories),
        disputed=sum(c.status == "disputed" for c in claims),
        corroborated=sum(c.status == "corroborated" for c in claims),
        reused=reused,
    )


def story_key(source: StorySource, content: Path) -> str:
    """The cache key of a story: digest's code, the story's metadata, and the name and bytes of
    each of its files (a file too large to read is keyed by its size: it fails to read anyway)."""
    parts: list[str | bytes] = [code_version(), source.slug, source.title, source.summary or ""]
    for path in (*source.files, *((source.edits,) if source.edits else ())):
        parts.append(path.relative_to(content).as_posix())
        try:
            size = path.stat().st_size
            parts.append(path.read_bytes() if size <= MAX_BYTES else f"{size} bytes")
        except OSError as exc:
            parts.append(f"unreadable: {exc}")
    return fingerprint(*parts)


#: Fewer new articles than this are read in this process: starting workers would cost more.
POOL_THRESHOLD = 64


def _process_all(todo: list[StorySource], content: Path, *, jobs: int,
                 progress: bool) -> Iterator[tuple[Story | None, list[InputError]]]:
    """`process_story` for each source, in order; on a process pool when `jobs` > 1 and there is
    enough to do; a progress bar on stderr when `progress` and the work takes over a second."""
    articles = sum(len(source.files) for source in todo)
    bar = None
    if progress:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the pool below forks
    if jobs > 1 and len(todo) > 1 and articles >= POOL_THRESHOLD:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        chunk = max(1, len(todo) // (jobs * 16))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            results = pool.map(process_story, todo, repeat(content), chunksize=chunk)
            if progress:
                bar = tqdm(total=articles, unit="article", delay=1.0, leave=False, file=sys.stderr)
            for source, result in zip(todo, results, strict=True):
                if bar is not None:
                    bar.update(len(source.files))
                yield result
    else:
        if progress:
            bar = tqdm(total=articles, unit="article", delay=1.0, leave=False, file=sys.stderr)
        for source in todo:
            yield process_story(source, content)
            if bar is not None:
                bar.update(len(source.files))
    if bar is not None:
        bar.close()


def process_story(source: StorySource, content: Path) -> tuple[Story | None, list[InputError]]:
    """Read, extract and align one story (a pure function of its files): the Story, or the
    input errors that stop it."""
    errors: list[InputError] = []
    articles = read_story(source, content, errors)
    _check_unique_pages(articles, errors)
    if errors:
        return None, errors
    try:
        return make_story(source, articles, content=content), []
    except InputError as exc:
        return None, [exc]


def read_story(source: StorySource, content: Path, errors: list[InputError]) -> list[Article]:
    """Every readable article of a story; problems go to `errors`."""
    articles = []
    for path in source.files:
        try:
            articles.append(read_article(path, root=content, story=source.slug))
        except InputError as exc:
            errors.append(exc)
    return articles


def _check_unique_pages(articles: list[Article], errors: list[InputError]) -> None:
    seen: dict[str, Article] = {}
    for a in articles:
        if a.slug in seen or a.slug == "index":
            other = seen.get(a.slug)
            clash = f"the same page as {other.source}" if other else "the story page's name"
            errors.append(InputError(a.source, f"article would get {clash} ({a.id}/); give one a 'slug:'"))
        seen[a.slug] = a


def extract_article(article: Article, /) -> list[list[Figure]]:
    """The figures of each block of an article (a pure function of the article)."""
    from digest.figures import extract_figures  # here, not on top: a build from the cache never needs it

    year = int(article.published[:4]) if article.published else None
    return [extract_figures(block.text, year=year) for block in article.blocks]


def make_story(source: StorySource, articles: list[Article], /, *, content: Path | None = None) -> Story:
    """A Story with its figures extracted and aligned into claims, and the editor's edits applied."""
    from digest.claims import align  # here, not on top: a build from the cache never needs them
    from digest.claims.editor import apply_edits, load_edits
    from digest.claims.entities import story_entities

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
