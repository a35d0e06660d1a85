"""Site benchmark: synthetic digests of 100, 1,000 and 10,000 articles, through digest and MkDocs.

    python -m tests.bench.site [--sizes 100,1000,10000] [--repeat 3] [--out FILE] [--no-browser]
    (make bench runs it with the defaults; the test suite runs a 100-article smoke run)

For each size, on a digest from tests/bench/synth.py (stories of three to seven reports, four in
ten scraped text, four Markdown, two saved web pages, with disputes), each command run in its own
process as a user runs it, with its wall time and peak memory (the largest process's resident
set; os.wait4):
- digest, one core: `digest build --no-cache -j 1` of the .txt/.md articles only (the target is
  1,000 articles per second), with its stages (`--timings`): alignment per article shows whether
  it grows with the digest;
- digest, all formats: `digest build -j <cpus>` into an empty cache (a first build), and the saved
  pages alone read by digest against trafilatura's own speed on the same pages;
- mkdocs build --strict of the same docs, and the ratios digest / mkdocs and (digest + mkdocs) /
  mkdocs, the whole `make` against a bare `mkdocs build` of the same Markdown;
- incremental: `digest build` again with nothing changed, and after one article changed, with the
  number of output files whose bytes changed (the others keep their inode and mtime);
- site size, average and largest article page, search index size;
- search in Chromium (Playwright): from opening the home page to the first result of a query,
  and a second query once the index is built.
Sizes of 10,000 and more run each command once (a median of one); smaller sizes `--repeat` times.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.synth import generate

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RESULTS = Path(__file__).parent / "results" / "site.md"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as users run it: .pyc kept
ENV.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stderr: str = ""


def run(cmd: list[str], *, cwd: Path = ROOT) -> Run:
    """Run a command to the end; its wall time and the peak resident memory of its largest process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr}")
    return Run(seconds, usage.ru_maxrss / 1024, stderr)


def median(runs: list[Run]) -> Run:
    """The run with the median time (the lower middle of an even count)."""
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[(len(ordered) - 1) // 2]


def timings(stderr: str) -> dict[str, float]:
    """The stages `digest build --timings` printed."""
    line = next(ln for ln in stderr.splitlines() if ln.startswith("digest: timings:"))
    out = {}
    for part in line.split(":", 2)[2].split("·"):
        name, value, _ = part.split()
        out[name] = float(value)
    return out


def digest_cmd(content: Path, docs: Path, *extra: str) -> list[str]:
    return [str(BIN / "digest"), "build", str(content), "--out", str(docs), "-q", "--timings",
            "--config", str(ROOT / "mkdocs.yml"), "--overrides", str(ROOT / "overrides" / "digest"), *extra]


def mkdocs_cmd(work: Path, docs: Path, site: Path) -> list[str]:
    config = work / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\nsite_dir: {site}\n"
                      f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n", encoding="utf-8")
    return [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", str(config)]


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """path -> (inode, mtime) of every file: what a rebuild left alone keeps both."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_file():
            st = p.stat()
            out[p.relative_to(folder).as_posix()] = (st.st_ino, st.st_mtime_ns)
    return out


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


@dataclass
class Size:
    articles: int
    formats: dict[str, int] = field(default_factory=dict)
    rows: dict[str, object] = field(default_factory=dict)


def html_speed(content: Path, limit: int = 100) -> tuple[float, float]:
    """Saved pages per second: digest's reader (trafilatura, then blocks and metadata) and
    trafilatura's extract alone with the same options, on the same pages, in this process."""
    from digest.readers import read_article
    from digest.readers.html import extract_xml

    pages = sorted(content.glob("*/*.html"))[:limit]
    texts = [p.read_text(encoding="utf-8") for p in pages]
    read_article(pages[0], root=content, story=pages[0].parent.name)  # warm-up: imports
    t0 = time.perf_counter()
    for p in pages:
        read_article(p, root=content, story=p.parent.name)
    t1 = time.perf_counter()
    for text in texts:
        extract_xml(text)
    t2 = time.perf_counter()
    return len(pages) / (t1 - t0), len(pages) / (t2 - t1)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def search_times(site: Path, query: str) -> tuple[float, float, float, float]:
    """As a reader searches: open the home page, type `query` into the header's box (60 ms a key)
    and press Enter. Milliseconds from opening the page to the first result, from Enter to the
    first result, for a second query in the results' own box; and the kilobytes of index the
    first query fetched."""
    from playwright.sync_api import sync_playwright

    with serving(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        fetched: list[int] = []
        # the size the server sent (reading bodies would outlive the browser for late responses)
        page.on("response", lambda r: "/pagefind/" in r.url and fetched.append(int(r.headers.get("content-length", 0))))
        start = time.perf_counter()
        page.goto(url)
        page.click("#digest-search-q")
        page.keyboard.type(query, delay=60)
        submitted = time.perf_counter()
        page.press("#digest-search-q", "Enter")
        page.wait_for_selector(".pagefind-ui__result", timeout=600_000)
        first = time.perf_counter() - start
        after_enter = time.perf_counter() - submitted
        kb = sum(fetched) / 1000
        start = time.perf_counter()
        page.fill(".pagefind-ui__search-input", "disputed")
        page.wait_for_function("() => [...document.querySelectorAll('.pagefind-ui__result-excerpt')]"
                               ".some(e => /disputed/i.test(e.textContent))", timeout=600_000)
        second = time.perf_counter() - start
        browser.close()
    return first * 1000, after_enter * 1000, second * 1000, kb


def bench(n: int, *, repeat: int, browser: bool, cpus: int) -> Size:
    result = Size(n)
    rows = result.rows
    reps = 1 if n >= 10_000 else repeat
    with tempfile.TemporaryDirectory(prefix=f"digest-bench-{n}-") as tmp:
        work = Path(tmp)
        content = work / "content"
        counts = generate(content, n)
        result.formats = counts
        plain = work / "plain"  # the same digest without its saved web pages
        shutil.copytree(content, plain, ignore=shutil.ignore_patterns("*.html"), copy_function=os.link)
        for folder in list(plain.iterdir()):
            if not any(p.suffix in (".txt", ".md") for p in folder.iterdir()):
                shutil.rmtree(folder)  # a story told only by saved web pages
        plain_n = len(list(plain.glob("*/*.txt"))) + len(list(plain.glob("*/*.md")))

        # digest on one core, .txt/.md only, no cache
        one = [run(digest_cmd(plain, work / f"docs-plain-{i}", "--no-cache", "-j", "1")) for i in range(reps)]
        m = median(one)
        stages = timings(m.stderr)
        rows["one core: txt/md articles"] = plain_n
        rows["one core: seconds"] = m.seconds
        rows["one core: articles/s"] = plain_n / m.seconds
        rows["one core: peak MB"] = m.peak_mb
        rows["one core: align ms per article"] = 1000 * stages["align"] / plain_n
        rows["one core: read+extract ms per article"] = 1000 * (stages["read"] + stages["extract"]) / plain_n
        rows["one core: render+write ms per article"] = 1000 * (stages["render"] + stages["write"]) / plain_n

        # digest, all formats, every core, into an empty cache: a first build
        docs, cache = work / "docs", work / "cache"
        firsts = []
        for _ in range(reps):
            shutil.rmtree(docs, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
            firsts.append(run(digest_cmd(content, docs, "--cache", str(cache), "-j", str(cpus))))
        first = median(firsts)
        rows[f"all formats, {cpus} processes: seconds"] = first.seconds
        rows[f"all formats, {cpus} processes: articles/s"] = n / first.seconds
        rows[f"all formats, {cpus} processes: peak MB"] = first.peak_mb
        ours, theirs = html_speed(content)
        rows["saved pages/s: digest's reader"] = ours
        rows["saved pages/s: trafilatura alone"] = theirs

        # mkdocs on the same docs
        site = work / "site"
        builds = []
        for _ in range(reps):
            shutil.rmtree(site, ignore_errors=True)
            builds.append(run(mkdocs_cmd(work, docs, site)))
        mk = median(builds)
        rows["mkdocs build: seconds"] = mk.seconds
        rows["mkdocs build: peak MB"] = mk.peak_mb
        rows["digest / mkdocs"] = first.seconds / mk.seconds

        # incremental: nothing changed, then one article changed
        warm = median([run(digest_cmd(content, docs, "--cache", str(cache), "-j", str(cpus))) for _ in range(reps)])
        rows["rebuild, nothing changed: seconds"] = warm.seconds
        rows["make (first build) / bare mkdocs"] = (first.seconds + mk.seconds) / mk.seconds
        rows["make (cached build) / bare mkdocs"] = (warm.seconds + mk.seconds) / mk.seconds
        articles = sorted(content.glob("*/*.md"))
        changed_runs, rewritten = [], []
        for i in range(reps):
            before = snapshot(docs)
            article = articles[(i * 7919) % len(articles)]
            text = article.read_text(encoding="utf-8")
            article.write_text(text + f"\nA later update put the number of sites at {40 + i}.\n", encoding="utf-8")
            changed_runs.append(run(digest_cmd(content, docs, "--cache", str(cache), "-j", str(cpus))))
            after = snapshot(docs)
            rewritten.append(sum(1 for k, v in after.items() if before.get(k) != v))
            total_files = len(after)
        changed = median(changed_runs)
        rows["rebuild, one article changed: seconds"] = changed.seconds
        rows["rebuild, one article changed: peak MB"] = changed.peak_mb
        rows["rebuild, one article changed: files rewritten"] = f"{statistics.median(rewritten):.0f} of {total_files}"

        # the site
        pages = [p.stat().st_size for p in site.glob("*/*/index.html")]
        rows["site MB"] = size_mb(site)
        rows["article page KB: average"] = statistics.mean(pages) / 1000
        rows["article page KB: largest"] = max(pages) / 1000
        indexed = run([str(BIN / "digest"), "search-index", str(site)])
        rows["search index (Pagefind): seconds"] = indexed.seconds
        rows["search index MB, all fragments"] = size_mb(site / "pagefind")
        if browser and Path(CHROMIUM).exists():
            first_ms, enter_ms, second_ms, kb = search_times(site, "billion")
            rows["search: open page to first result, ms"] = first_ms
            rows["search: Enter to first result, ms"] = enter_ms
            rows["search: index fetched by the first query, KB"] = kb
            rows["search: next query, ms"] = second_ms
    return result


def cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def report(sizes: list[Size], *, cpus: int, repeat: int, took: float) -> str:
    keys = list(dict.fromkeys(k for s in sizes for k in s.rows))
    lines = [
        f"Site benchmark: {platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{cpus} CPUs, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; medians of "
        f"{repeat} run{'s' if repeat > 1 else ''} (1 run at 10,000 articles and more); the whole benchmark took {took / 60:.1f} minutes.",
        "",
        "| | " + " | ".join(f"{s.articles:,} articles" for s in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
        "| stories · txt/md/html | " + " | ".join(
            f"{s.formats['stories']} · {s.formats['txt']}/{s.formats['md']}/{s.formats['html']}" for s in sizes) + " |",
    ]
    for k in keys:
        lines.append(f"| {k} | " + " | ".join(cell(s.rows.get(k, "—")) for s in sizes) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    args = parser.parse_args(argv)
    cpus = len(os.sched_getaffinity(0))
    start = time.perf_counter()
    sizes = []
    for n in (int(s) for s in args.sizes.split(",")):
        t0 = time.perf_counter()
        sizes.append(bench(n, repeat=args.repeat, browser=args.browser, cpus=cpus))
        print(f"bench: {n:,} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    text = report(sizes, cpus=cpus, repeat=args.repeat, took=time.perf_counter() - start)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
