"""The rendered Markdown and claims.json of a small story match the reviewed golden files."""

from __future__ import annotations

from pathlib import Path

from tests.golden import GOLDEN, diff, render_golden


def test_output_matches_golden_files(tmp_path: Path) -> None:
    actual = render_golden(tmp_path / "docs")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert expected, "no golden files: run `make golden` and review the result"
    changes = diff(expected, actual)
    assert not changes, f"output differs from tests/golden (if intended: `make golden`, then review):\n{changes}"
