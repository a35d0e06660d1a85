"""`make` on a scratch copy of the repository: a failed build loses nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The tracked files of this repository, with its .venv linked in."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for rel in files:
        if (ROOT / rel).is_file():
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, tmp_path / rel)
    os.symlink(ROOT / ".venv", tmp_path / ".venv")
    return tmp_path


def make(repo: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    # make would reinstall if requirements looked newer than the stamp: the copy's are not
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run(["make", "-o", ".venv/.installed", *targets], cwd=repo, env=env,
                          capture_output=True, text=True)


def test_a_failed_build_keeps_docs_and_site_and_content(repo: Path) -> None:
    assert make(repo).returncode == 0
    docs, site, content = tree(repo / "docs"), tree(repo / "site"), tree(repo / "content")
    assert "claims.json" in site and "index.html" in site
    # an article changes, but a broken theme override makes mkdocs fail after digest succeeded
    article = repo / "content" / "port-avery-storm" / "coastal-wire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("$45 million", "$46 million"), encoding="utf-8")
    (repo / "overrides" / "main.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ no_such_function() }}{% endblock %}", encoding="utf-8")
    result = make(repo)
    assert result.returncode != 0 and "no_such_function" in result.stderr
    assert tree(repo / "docs") == docs and tree(repo / "site") == site
    assert not [p.name for p in repo.iterdir() if p.name.startswith((".docs", ".site", ".mkdocs"))]
    # make clean removes the outputs (and what a killed build leaves: `kill -9` while writing
    # leaves digest's temporary folder beside the output), never the articles
    (repo / "..docs.tmp.tmp-x1y2").mkdir()
    (repo / ".docs.tmp-x1y2").mkdir()
    assert make(repo, "clean").returncode == 0
    assert not (repo / "docs").exists() and not (repo / "site").exists()
    assert not [p.name for p in repo.iterdir() if ".tmp" in p.name]
    content["port-avery-storm/coastal-wire.md"] = article.read_bytes()
    assert tree(repo / "content") == content
