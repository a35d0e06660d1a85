"""Figures benchmark: digest's extractor against quantulum3 on the seed articles.

    python -m tests.bench.figures [--repeat N]      (make bench)

For each seed article: the body text the reader extracts, the median time of `extract_figures`
over it, and the median time of quantulum3's `parser.parse` over the same text (after one
warm-up call each), measured in the same run. Reports characters per second and the speed-up;
writes the table to tests/bench/results/figures.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from digest.figures import extract_figures
from digest.readers import read_article

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RESULTS = Path(__file__).parent / "results" / "figures.md"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up: imports, compiled patterns, caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # quantulum3 warns that its optional classifier is absent
    from quantulum3 import parser as quantulum

    rows = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path, root=SEEDS, story="seeds")
        blocks = [b.text for b in article.body]
        text = "\n\n".join(blocks)
        ours = median_time(lambda blocks=blocks: [extract_figures(b, year=None) for b in blocks], args.repeat)
        theirs = median_time(lambda text=text: quantulum.parse(text), max(3, args.repeat // 2))
        figures = sum(len(extract_figures(b)) for b in blocks)
        rows.append((path.name, len(text), figures, ours, theirs))
    lines = [
        f"Figures benchmark ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, median of {args.repeat} runs)",
        "",
        "| seed article | characters | figures | digest s | digest chars/s | quantulum3 s | speed-up |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, chars, figures, ours, theirs in rows:
        lines.append(f"| {name} | {chars:,} | {figures} | {ours:.4f} | {chars / ours:,.0f} | {theirs:.3f} | "
                     f"{theirs / ours:.0f}x |")
    total_chars = sum(r[1] for r in rows)
    ours_total, theirs_total = sum(r[3] for r in rows), sum(r[4] for r in rows)
    lines += ["", f"All seeds: {total_chars / ours_total:,.0f} characters per second; "
              f"{theirs_total / ours_total:.0f}x quantulum3's speed on the same text (target: 100x)."]
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
