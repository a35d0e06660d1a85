"""build(): discover -> (cache or: read -> extract -> align) -> render -> write."""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from digest.cache import Cache, code_version, fingerprint, tree_version
from digest.discover import StorySource, discover
from digest.errors import BuildFailed, InputError
from digest.model import Article, Digest, Figure, Story
from digest.readers import MAX_BYTES, prepare, read_article
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
    held_back: int = 0
    """Pairs held back from being a dispute on weak evidence (`digest check` lists them)."""
    warnings: tuple[str, ...] = ()
    """What went wrong without stopping the build (a cache folder that cannot be written)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Seconds per stage: discover, cache, read, extract, align, render, write, and the total.
    read, extract and align are summed over the stories, whichever process did them."""
    dask_workers: int | None = None
    """With `dask`: how many Dask workers read, extracted and aligned the stories."""
    unnamed: tuple[str, ...] = ()
    """Articles (content-relative paths) that name no outlet: readers see their site or file
    name, marked "(outlet unknown)"."""


def build(content: Path, /, *, out: Path, config: str | None = "mkdocs.yml", overrides: Path | None = None,
          cache: Path | None = None, jobs: int = 1, progress: bool = False, dask: str | None = None) -> BuildReport:
    """Build the docs/ folder from a content folder; raise BuildFailed with every input error.

    Stories whose files, story metadata and edits are unchanged since the last build come from
    the `cache` folder (None: no cache); the others are read, extracted and aligned, on `jobs`
    processes when there are enough of them to be worth it, or as tasks on the Dask cluster at
    `dask` (a scheduler address, or `local`: see engine.py).
    """
    start = time.perf_counter()
    if dask:  # workers elsewhere read the files by absolute paths
        content, cache = content.resolve(), cache.resolve() if cache else None
    seconds = dict.fromkeys(("discover", "cache", "read", "extract", "align", "render", "write"), 0.0)
    check_output(out, content=content)
    errors: list[InputError] = []
    with timed(seconds, "discover"):
        sources = discover(content, errors)
    with timed(seconds, "cache"):
        store = Cache(cache)
        article_keys = {source.slug: article_keys_of(source, content) for source in sources}
        keys = {source.slug: story_key(source, content, article_keys[source.slug]) for source in sources}
        # every article entry of this digest stays, whether its story is read again or not
        store.keep("articles", (k for ks in article_keys.values() for k in ks))
        stories: dict[str, Story] = {}
        todo = []
        for source in sources:
            hit = store.get("stories", keys[source.slug])
            if isinstance(hit, Story):
                stories[source.slug] = hit
            else:
                todo.append(source)
    reused = len(stories)
    dask_workers = None
    with ExitStack() as engine:
        if dask:
            from digest.engine import run_on_dask

            results, dask_workers, stack = run_on_dask(
                dask, process_story, todo, [content] * len(todo), [cache] * len(todo),
                [article_keys[source.slug] for source in todo], workers=max(2, jobs))
            engine.enter_context(stack)
        else:
            results = _process_all(todo, content, jobs=jobs, progress=progress, cache=cache,
                                   article_keys=[article_keys[source.slug] for source in todo])
        done = list(results)
    for source, (story, problems, took) in zip(todo, done, strict=True):
        errors += problems
        for stage, s in took.items():
            seconds[stage] = seconds.get(stage, 0.0) + s
        if story is not None:
            stories[source.slug] = story
            store.put("stories", keys[source.slug], story)
    if errors:
        raise BuildFailed(sorted(errors, key=lambda e: (str(e.path), e.line or 0)))
    digest = Digest(stories=order_stories([stories[source.slug] for source in sources]))
    with timed(seconds, "render"):
        env = environment(overrides=overrides, config=config)
        files = render(digest, env=env, config=config, cache=store, keys=keys, setting=tree_version(overrides))
    with timed(seconds, "write"):
        write_tree(files, out)
        store.prune()
    seconds["total"] = time.perf_counter() - start
    claims = [c for s in digest.stories for c in s.claims if c.compared]
    return BuildReport(
        stories=len(digest.stories),
        articles=sum(len(s.articles) for s in digest.stories),
        figures=sum(len(s.mentions) for s in digest.stories),
        disputed=sum(c.status == "disputed" for c in claims),
        corroborated=sum(c.status == "corroborated" for c in claims),
        held_back=sum(len(s.held_back) for s in digest.stories),
        reused=reused,
        warnings=(store.problem,) if store.problem else (),
        seconds=seconds,
        dask_workers=dask_workers,
        unnamed=tuple(a.source for s in digest.stories for a in s.articles if not a.outlet),
    )


def article_keys_of(source: StorySource, content: Path) -> tuple[str, ...]:
    """The cache key of each article file of a story: digest's code, the story, the file's name
    and bytes (a file too large to read is keyed by its size: it fails to read anyway)."""
    keys = []
    for path in source.files:
        parts: list[str | bytes] = [code_version(), source.slug, path.relative_to(content).as_posix()]
        try:
            size = path.stat().st_size
            parts.append(path.read_bytes() if size <= MAX_BYTES else f"{size} bytes")
        except OSError as exc:
            parts.append(f"unreadable: {exc}")
        keys.append(fingerprint(*parts))
    return tuple(keys)


def story_key(source: StorySource, content: Path, article_keys: tuple[str, ...]) -> str:
    """The cache key of a story: its articles' keys, its title and summary, and its edits."""
    parts: list[str | bytes] = [code_version(), source.slug, source.title, source.summary or "", *article_keys]
    if source.edits is not None:
        parts.append(source.edits.relative_to(content).as_posix())
        try:
            parts.append(source.edits.read_bytes())
        except OSError as exc:
            parts.append(f"unreadable: {exc}")
    return fingerprint(*parts)


#: Fewer new articles than this are read in this process: starting workers would cost more.
POOL_THRESHOLD = 64


def _process_all(todo: list[StorySource], content: Path, *, jobs: int, progress: bool, cache: Path | None,
                 article_keys: list[tuple[str, ...]]) -> Iterator[tuple[Story | None, list[InputError], dict[str, float]]]:
    """`process_story` for each source, in order; on a process pool when `jobs` > 1 and there is
    enough to do; a progress bar on stderr when `progress` and the work takes over a second."""
    articles = sum(len(source.files) for source in todo)
    bar = None
    if progress:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the pool below forks
    with ExitStack() as stack:
        if jobs > 1 and len(todo) > 1 and articles >= POOL_THRESHOLD:
            prepare(path for source in todo for path in source.files)
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs, mp_context=context))
            chunk = max(1, len(todo) // (jobs * 16))
            results = pool.map(process_story, todo, repeat(content), repeat(cache), article_keys, chunksize=chunk)
        else:
            results = map(process_story, todo, repeat(content), repeat(cache), article_keys)
        if progress:  # after the pool started: no thread of tqdm's exists when it forks
            bar = stack.enter_context(tqdm(total=articles, unit="article", delay=1.0, leave=False, file=sys.stderr))
        for source, result in zip(todo, results, strict=True):
            yield result
            if bar is not None:
                bar.update(len(source.files))


def process_story(source: StorySource, content: Path, cache: Path | None = None,
                  article_keys: tuple[str, ...] = ()) -> tuple[Story | None, list[InputError], dict[str, float]]:
    """Read, extract and align one story (a pure function of its files): the Story, or the
    input errors that stop it; and the seconds each stage took. An article whose key
    (`article_keys`) is in the `cache` folder is not read again: its Article and figures are
    taken from there (a changed story re-reads only its changed files)."""
    errors: list[InputError] = []
    seconds: dict[str, float] = {}
    store = Cache(cache if article_keys else None)
    articles: list[Article] = []
    figures: list[list[list[Figure]]] = []
    for i, path in enumerate(source.files):
        key = article_keys[i] if article_keys else ""
        hit = store.get("articles", key) if key else None
        if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], Article):
            articles.append(hit[0])
            figures.append(hit[1])
            continue
        with timed(seconds, "read"):
            article = _read(path, source, content, errors)
        if article is None:
            continue
        with timed(seconds, "extract"):
            found = extract_article(article)
        articles.append(article)
        figures.append(found)
        if key:
            store.put("articles", key, (article, found))
    _check_unique_pages(articles, errors)
    if errors:
        return None, errors, seconds
    try:
        return make_story(source, articles, content=content, figures=figures, seconds=seconds), [], seconds
    except InputError as exc:
        return None, [exc], seconds


class timed:  # noqa: N801 (used as a function: `with timed(seconds, "read"):`)
    """Add the time a block takes to `seconds[stage]`. A class, not @contextmanager: that sets
    `__traceback__` on an exception passing through, which a frozen InputError refuses."""

    def __init__(self, seconds: dict[str, float], stage: str) -> None:
        self.seconds, self.stage = seconds, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.seconds[self.stage] = self.seconds.get(self.stage, 0.0) + time.perf_counter() - self.start


def read_story(source: StorySource, content: Path, errors: list[InputError]) -> list[Article]:
    """Every readable article of a story; problems go to `errors`."""
    return [a for a in (_read(path, source, content, errors) for path in source.files) if a is not None]


def _read(path: Path, source: StorySource, content: Path, errors: list[InputError]) -> Article | None:
    try:
        return read_article(path, root=content, story=source.slug)
    except InputError as exc:
        errors.append(exc)
        return None


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


def make_story(source: StorySource, articles: list[Article], /, *, content: Path | None = None,
               figures: list[list[list[Figure]]] | None = None, seconds: dict[str, float] | None = None) -> Story:
    """A Story with its figures extracted and aligned into claims, and the editor's edits applied.

    `figures`: each article's `extract_article`, where already made (by a map over articles on
    another machine, say); `seconds`: where to add the time extraction and alignment took."""
    from digest.claims import align  # here, not on top: a build from the cache never needs them
    from digest.claims.editor import apply_edits, load_edits
    from digest.claims.entities import story_entities

    seconds = {} if seconds is None else seconds
    if figures is None:
        with timed(seconds, "extract"):
            figures = [extract_article(a) for a in articles]
    with timed(seconds, "align"):
        mentions, claims, held = align(articles, figures, story=source.slug)
        if source.edits is not None:
            rel = source.edits.relative_to(content).as_posix() if content else source.edits.name
            order = {a.id: i for i, a in enumerate(articles)}
            claims = apply_edits(claims, load_edits(source.edits, rel), story=source.slug, rel=rel, order=order)
        entities = story_entities(articles, mentions, story=source.slug)
    dates = sorted(a.published for a in articles if a.published)
    return Story(slug=source.slug, title=source.title, summary=source.summary, articles=tuple(articles),
                 mentions=tuple(mentions), claims=tuple(claims), published=dates[-1] if dates else None,
                 entities=tuple(entities), held_back=tuple(held))


def order_stories(stories: list[Story]) -> tuple[Story, ...]:
    """Newest first (by the latest article date); undated stories last; then by name."""
    dated = sorted((s for s in stories if s.published), key=lambda s: (s.published or "", s.slug), reverse=True)
    undated = sorted((s for s in stories if not s.published), key=lambda s: s.slug)
    return tuple(dated + undated)
