"""Same content, same bytes: docs/, claims.json and site/ do not depend on time or file order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.slow


def copy_in_order(src: Path, dst: Path, *, reverse: bool) -> None:
    """Copy a content tree creating files in the given order (directory listings follow it)."""
    for path in sorted(src.rglob("*"), reverse=reverse):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    builds = []
    for i, reverse in enumerate((False, True)):
        content = tmp_path / f"content{i}"
        copy_in_order(ROOT / "content", content, reverse=reverse)
        work = tmp_path / f"build{i}"
        work.mkdir()
        builds.append(build_site(content, work))
    (docs_a, site_a), (docs_b, site_b) = builds
    assert tree(docs_a) == tree(docs_b)
    a, b = tree(site_a), tree(site_b)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert b"<lastmod>2026-01-01</lastmod>" in a["sitemap.xml"]  # from SOURCE_DATE_EPOCH, not the clock
