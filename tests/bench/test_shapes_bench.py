"""The hostile shapes benchmark's smoke run (`make bench` at a small size), as part of `make test`.

It checks that every shape is built and measured, never how fast (speed is for `make bench`).
"""

from __future__ import annotations

from pathlib import Path

from tests.bench.shapes import SHAPES, main


def test_the_shapes_benchmark_measures_every_shape(tmp_path: Path) -> None:
    out = tmp_path / "shapes.md"
    assert main(["--scale", "20", "--out", str(out)]) == 0
    rows = [line.split("|")[1:-1] for line in out.read_text(encoding="utf-8").splitlines()[4:] if line.startswith("| ")]
    assert [r[0].split(":")[0].strip() for r in rows] == list(SHAPES)
    for row in rows:
        assert all(float(cell.strip().replace(",", "").rstrip("x")) >= 0 for cell in row[1:]), row
