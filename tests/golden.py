"""Golden files: the rendered Markdown and claims.json of a small story.

    python -m tests.golden --update    (or `make golden`) rewrites tests/golden/ from the
    current output; review `git diff tests/golden` before committing it.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from digest.pipeline import build

HERE = Path(__file__).parent
CONTENT = HERE / "fixtures" / "golden_content"
GOLDEN = HERE / "golden"
CONFIG = str(HERE.parent / "mkdocs.yml")


#: The site_url the golden feeds and annotations are written for: a project site's sub-path.
SITE_URL = "https://example.org/digest/"


def render_golden(out: Path) -> dict[str, str]:
    """Build the golden fixture into `out`; return relative path -> text of every file."""
    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = SITE_URL  # mkdocs.yml reads it with !ENV
    try:
        build(CONTENT, out=out, config=CONFIG, overrides=None)
    finally:
        if saved is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = saved
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def diff(expected: dict[str, str], actual: dict[str, str]) -> str:
    """A unified diff of two file sets ('' when identical)."""
    out = []
    for name in sorted(set(expected) | set(actual)):
        a, b = expected.get(name, ""), actual.get(name, "")
        if a != b:
            out.extend(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                            f"golden/{name}", f"output/{name}"))
    return "".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite tests/golden/ from the current output")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        actual = render_golden(Path(tmp) / "docs")
    if args.update:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in actual.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"rewrote {len(actual)} golden files in {GOLDEN}; review them with `git diff tests/golden`")
        return 0
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    changes = diff(expected, actual)
    print(changes or "golden files match")
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main())
