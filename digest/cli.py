"""Command line: argument parsing and printing only."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from digest import __version__
from digest.cache import DEFAULT as DEFAULT_CACHE
from digest.errors import BuildFailed, InputError, printable
from digest.model import Article
from digest.write import UnsafeOutput

EXIT_BAD_INPUT = 2
#: The JSON Schemas of the files users and scripts read or write, shipped in the package.
SCHEMAS = {name: Path(__file__).with_name("schemas") / f"{name}.schema.json"
           for name in ("claims", "front-matter", "claims-yml")}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="digest", description="Annotated news digests: build, figures, text.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="write the Markdown pages and claims.json")
    b.add_argument("content", type=Path, help="content folder: <story>/<article files>")
    b.add_argument("--out", type=Path, required=True, help="docs folder to write (replaced whole)")
    b.add_argument("--config", default="mkdocs.yml",
                   help="mkdocs.yml whose Markdown extensions decide what is escaped (default: mkdocs.yml)")
    b.add_argument("--overrides", type=Path, default=Path("overrides/digest"),
                   help="folder of template overrides (default: overrides/digest)")
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors (no progress bar)")
    b.add_argument("-j", "--jobs", type=int, default=_cpus(), metavar="N",
                   help="processes that read and align new or changed stories (default: the CPUs available, "
                        f"{_cpus()} here)")
    b.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="DIR",
                   help=f"reuse unchanged stories and pages from DIR (default: {DEFAULT_CACHE})")
    b.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                   help="read and render everything, and keep no cache")
    b.add_argument("--timings", action="store_true", help="print the seconds each stage took (on stderr)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="read, extract and align the stories as tasks on the Dask cluster at ADDRESS "
                        "(tcp://HOST:8786), or 'local' for worker processes on this machine (pip install 'digest[dask]')")

    c = sub.add_parser("check", help="list the pairs of figures held back from being a dispute")
    c.add_argument("content", type=Path, help="content folder: <story>/<article files>")
    c.add_argument("--min", type=float, default=0.0, metavar="P",
                   help="only pairs at least this likely to be one quantity (0-1; default: all listed)")

    f = sub.add_parser("figures", help="print the figures of one article")
    f.add_argument("path", help="an article file, or - for plain text on stdin")
    f.add_argument("--json", action="store_true", help="a JSON array (the default is a table)")

    t = sub.add_parser("text", help="print the article body the reader extracted")
    t.add_argument("path", help="an article file, or - for plain text on stdin")

    w = sub.add_parser("watch", help="rebuild DOCS whenever something under CONTENT changes (beside a server)")
    w.add_argument("content", type=Path, help="content folder: <story>/<article files>")
    w.add_argument("--out", type=Path, required=True, help="docs folder to write (replaced whole on each build)")
    w.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml (default: mkdocs.yml)")
    w.add_argument("--overrides", type=Path, default=Path("overrides/digest"),
                   help="folder of template overrides (default: overrides/digest)")
    w.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="DIR",
                   help=f"reuse unchanged stories and pages from DIR (default: {DEFAULT_CACHE})")
    w.add_argument("--interval", type=float, default=1.0, metavar="S",
                   help="seconds between looks at the content folder (default: 1)")

    x = sub.add_parser("search-index", help="index a built site for search (Pagefind), into SITE/pagefind/")
    x.add_argument("site", type=Path, help="the built site (mkdocs build's site_dir)")

    s = sub.add_parser("schema", help="print the JSON Schema of claims.json, front matter or claims.yml")
    s.add_argument("name", choices=sorted(SCHEMAS), help="which file's schema")

    args = parser.parse_args(argv)
    try:
        if args.command == "schema":
            print(SCHEMAS[args.name].read_text(encoding="utf-8"), end="")
            return 0
        if args.command == "build":
            return _build(args)
        if args.command == "watch":
            return _watch(args)
        if args.command == "figures":
            return _figures(args)
        if args.command == "check":
            return _check(args)
        if args.command == "search-index":
            from digest.search import index_site

            index_site(args.site)
            return 0
        return _text(args)
    except InputError as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BuildFailed as exc:
        for err in exc.errors:
            print(f"digest: error: {err}", file=sys.stderr)
        print(f"digest: {len(exc.errors)} error(s); nothing was written", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnsafeOutput as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _build(args: argparse.Namespace) -> int:
    from digest.pipeline import build

    if args.jobs < 1:
        raise InputError("--jobs", "must be 1 or more")
    config = args.config if Path(args.config).is_file() else None
    report = build(args.content, out=args.out, config=config, overrides=args.overrides, cache=args.cache,
                   jobs=args.jobs, progress=not args.quiet and sys.stderr.isatty() and not args.dask, dask=args.dask)
    for warning in report.warnings:  # even with -q: the build went on without something
        print(f"digest: warning: {printable(warning)}", file=sys.stderr)
    if not args.quiet:
        reused = f"; {report.reused} unchanged, from the cache" if report.reused else ""
        where = f" on {report.dask_workers} Dask workers" if report.dask_workers is not None else ""
        print(f"digest: {report.stories} stories, {report.articles} articles, {report.figures} figures "
              f"({report.disputed} disputed, {report.corroborated} corroborated){reused} -> {args.out}{where}")
        if report.unnamed:
            shown = ", ".join(report.unnamed[:5]) + (f" and {len(report.unnamed) - 5} more" if len(report.unnamed) > 5 else "")
            print(f"digest: {len(report.unnamed)} article(s) name no outlet, shown by site or file name as "
                  f"'(outlet unknown)'; add `source:` to their front matter: {safe(shown)}")
        if report.held_back:
            print(f"digest: {report.held_back} pair(s) of figures may be one quantity in dispute but the evidence "
                  f"is weak: not shown as disputes (`digest check {args.content}` lists them)")
    if args.timings:
        stages = " · ".join(f"{stage} {s:.3f} s" for stage, s in report.seconds.items())
        print(f"digest: timings: {stages}", file=sys.stderr)
    return 0


def _watch(args: argparse.Namespace) -> int:
    """Build, then build again whenever a file under the content folder changes, until
    interrupted. A broken article is reported and the previous pages stay up; the engine's
    own server (`mkdocs serve`, `zensical serve`) sees the new docs/ and reloads the browser."""
    import time

    from digest.pipeline import build
    from digest.watch import fingerprint_tree

    if args.interval <= 0:
        raise InputError("--interval", "must be more than 0")
    config = args.config if Path(args.config).is_file() else None
    last = None
    try:
        while True:
            try:
                now = fingerprint_tree(args.content)
            except OSError as exc:  # the folder went away under us: look again next time
                print(f"digest: warning: cannot read {args.content}: {exc}", file=sys.stderr, flush=True)
                time.sleep(args.interval)
                continue
            if now != last:
                last = now
                try:
                    report = build(args.content, out=args.out, config=config, overrides=args.overrides,
                                   cache=args.cache)
                    print(f"digest: rebuilt {args.out}: {report.stories} stories, {report.articles} articles "
                          f"({report.disputed} disputed)", flush=True)
                except (BuildFailed, InputError, UnsafeOutput) as exc:
                    errors = exc.errors if isinstance(exc, BuildFailed) else [exc]
                    for err in errors:
                        print(f"digest: error: {err}", file=sys.stderr, flush=True)
                    print("digest: the previous pages stay up until the content builds again", file=sys.stderr,
                          flush=True)
                except Exception:  # a bug in digest: reported, and the watcher goes on
                    import traceback

                    traceback.print_exc()
                    print("digest: the build failed; the previous pages stay up", file=sys.stderr, flush=True)
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0


def safe(text: str) -> str:
    """Text for a terminal: control characters and bidi overrides shown as escapes."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _check(args: argparse.Namespace) -> int:
    """Every pair held back from being a dispute, surest first, with both sentences."""
    from digest.discover import discover
    from digest.pipeline import process_story

    errors: list[InputError] = []
    sources = discover(args.content, errors)
    if errors:
        raise BuildFailed(errors)
    listed = 0
    for source in sources:
        story, problems, _ = process_story(source, args.content)
        if story is None:
            raise BuildFailed(problems)
        where = {f"{m.article}#{m.anchor}": m for m in story.mentions}
        outlets = {a.id: a.outlet or a.slug for a in story.articles}
        for pair in story.held_back:
            if pair.probability < args.min:
                continue
            a, b = where[pair.a], where[pair.b]
            listed += 1
            print(f"{story.slug}: {pair.probability:.2f} likely one quantity, values differ:")
            for ref, m in ((pair.a, a), (pair.b, b)):
                print(f"  {outlets[m.article]} ({ref}): {safe(m.figure.text)!r}: {safe(m.sentence)}")
    print(f"digest: {listed} pair(s) held back from being a dispute; claims.yml can make any of them one "
          "(merge, then status: disputed)")
    return 0


def _cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _load(path: str) -> Article:
    from digest.readers import read_article, read_text

    if path == "-":
        data = sys.stdin.buffer.read()
        from digest.readers import decode

        return read_text(decode(data, "<stdin>"))
    p = Path(path)
    if not p.is_file():
        raise InputError(path, "no such file")
    return read_article(p, root=p.parent, story=p.parent.name or "story")


def _figures(args: argparse.Namespace) -> int:
    from digest.figures import extract_figures
    from digest.figures.display import normalised

    article = _load(args.path)
    year = int(article.published[:4]) if article.published else None
    rows = []
    offset = 0
    for block in article.body:
        for fig in extract_figures(block.text, year=year):
            row = {k: v for k, v in asdict(fig).items() if k not in ("start", "end", "period")}
            row.update(start=offset + fig.start, end=offset + fig.end, period=fig.period)
            rows.append((row, fig))
        offset += len(block.text) + 2
    if args.json:
        print(json.dumps([r for r, _ in rows], ensure_ascii=False, indent=1))
    else:
        for row, fig in rows:
            print(f"{row['kind']:9} {normalised(fig):32} {fig.text}")
    return 0


def _text(args: argparse.Namespace) -> int:
    article = _load(args.path)
    print("\n\n".join(block.text for block in article.body))
    return 0
