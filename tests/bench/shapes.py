"""Hostile shapes benchmark: inputs whose cost once grew faster than their size.

    python -m tests.bench.shapes [--scale N] [--out FILE]      (make bench)

Each shape is built at size n and at 2n in the same run; the report gives both times and their
ratio (about 2 is linear, about 4 quadratic), the output size, and the same for a baseline
measured in the same run: ordinary report text of the same length (the seed reports' sentences
repeated), built the same way. Writes tests/bench/results/shapes.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from digest.figures import extract_figures
from digest.pipeline import build
from digest.readers import read_article

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RESULTS = Path(__file__).parent / "results" / "shapes.md"


def _amounts(n: int) -> str:
    rng = random.Random(n)
    return ", and ".join(f"the fund paid ${rng.randint(1, 999)},{rng.randint(0, 999):03d} to vendor {i}"
                         for i in range(n))


def _reports(n: int) -> list[str]:
    return [f"The council paid ${5 if i % 10 else 6} million for the bridge repairs, officials said."
            for i in range(n // 4)]


#: name -> (what it is, the input at size n: one article's text, or the texts of many reports;
#: how it runs: "extract" (the extractor only), "article" (one article and a short second
#: report), "reports" (one story of many reports))
SHAPES: dict[str, tuple[str, Callable[[int], Any], str]] = {
    "fractions": ("`a third x` repeated: fraction lead-ins (extractor)", lambda n: "a third x " * (40 * n), "extract"),
    "dated clause": ("`In 2000 revenue rose to $1 million,` repeated in one clause",
                     lambda n: "In 2000 revenue rose to $1 million, " * n, "article"),
    "run-on line": ("one line without full stops holding n amounts", _amounts, "article"),
    "one claim": ("one sentence with one figure, stated n times", lambda n: " ".join(
        ["The council paid $5 million for the bridge."] * (4 * n)), "article"),
    "many sources": ("n/4 one-sentence reports of one story", _reports, "reports"),
}


def _baseline(chars: int, reports: int = 0) -> str | list[str]:
    """Ordinary report text of about `chars` characters: the seed reports' paragraphs, repeated
    (as that many one-paragraph reports, if `reports`)."""
    paragraphs = [b.text for p in sorted(SEEDS.glob("*.txt")) for b in read_article(p, root=SEEDS, story="s").body]
    out: list[str] = []
    size = 0
    while size < chars:
        for text in paragraphs:
            out.append(text)
            size += len(text) + 2
            if size >= chars:
                break
    return out if reports else "\n\n".join(out)


def _time(text: str | list[str], *, mode: str) -> tuple[float, int]:
    """Seconds to extract (or to build the story), and the bytes written."""
    if mode == "extract":
        t0 = time.perf_counter()
        extract_figures(text if isinstance(text, str) else "\n\n".join(text))
        return time.perf_counter() - t0, 0
    texts = [text, "The council paid $4 million."] if isinstance(text, str) else text
    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp, "content", "s")
        story.mkdir(parents=True)
        for i, body in enumerate(texts):
            story.joinpath(f"r{i:05d}.md").write_text(f"---\ntitle: Report {i}\nsource: Outlet {i}\n---\n\n{body}\n",
                                                      encoding="utf-8")
        out = Path(tmp, "docs")
        t0 = time.perf_counter()
        build(Path(tmp, "content"), out=out, config=None)
        seconds = time.perf_counter() - t0
        written = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        shutil.rmtree(out)
        return seconds, written


def _size(text: str | list[str]) -> int:
    return len(text) if isinstance(text, str) else sum(map(len, text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1000, help="n: amounts, repetitions (default 1000)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    lines = [
        f"Hostile shapes benchmark ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, n = {args.scale:,})",
        "",
        "| shape | characters at n | n: s | 2n: s | 2n / n | baseline 2n / n | s per MB / baseline's | docs at 2n, MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    _time(_baseline(2000), mode="article")  # warm-up: imports, compiled patterns, the place names
    for name, (what, make, mode) in SHAPES.items():
        small, large = make(args.scale), make(2 * args.scale)
        many = 0 if isinstance(small, str) else len(small)
        t1, _ = _time(small, mode=mode)
        t2, written = _time(large, mode=mode)
        b1, _ = _time(_baseline(_size(small), many), mode=mode)
        b2, _ = _time(_baseline(_size(large), 2 * many), mode=mode)
        relative = t2 / b2 if b2 else float("nan")
        lines.append(f"| {name}: {what} | {_size(small):,} | {t1:.2f} | {t2:.2f} | {t2 / t1:.1f} | {b2 / b1:.1f} "
                     f"| {relative:.1f}x | {written / 1e6:.1f} |")
    lines += ["", "2n / n near 2 is linear growth (near 4 would be quadratic); the baseline is the seed reports' "
              "text at the same sizes, built the same way in the same run."]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
