"""Shared fixtures: the seeds (from ../shared, as CI has them), and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpora" / "article-extraction"
FIXTURES = Path(__file__).parent / "fixtures"
BIN = Path(sys.executable).parent
# the cache's signing key of the tests' builds (and their child processes): never the user's own
os.environ.setdefault("DIGEST_CACHE_KEY", str(Path(tempfile.mkdtemp(prefix="digest-test-key-")) / "cache-key"))


def require(path: Path) -> Path:
    """A file from ../shared; its absence is a setup error, not a reason to skip."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: tests read the shared folder beside the repository")
    return path


@pytest.fixture(scope="session")
def seeds_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder with the two seed reports as one story."""
    root = tmp_path_factory.mktemp("seeds-content")
    story = root / "databricks"
    story.mkdir()
    for p in sorted(require(SEEDS).glob("*.txt")):
        shutil.copy(p, story / p.name)
    return root


def write_story(content: Path, articles: dict[str, str], *, story: str = "s") -> Path:
    """A story folder `content/<story>/` of Markdown articles: file name -> whole file text.
    Returns the content folder."""
    folder = content / story
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return content


def build_site(content: Path, work: Path, *, site_url: str | None = None, extra: str = "") -> tuple[Path, Path]:
    """`digest build` then `mkdocs build --strict`, as `make` does; returns (docs, site).
    `extra` is more mkdocs.yml (`extra:\n  digest: ...`), read by both."""
    docs, site = work / "docs", work / "site"
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    if site_url:
        env["SITE_URL"] = site_url
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\nsite_dir: {site}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n{extra}",
        encoding="utf-8",
    )
    subprocess.run([str(BIN / "digest"), "build", str(content), "--out", str(docs), "-q", "--cache", str(work / "cache"),
                    "--config", str(config if extra else ROOT / "mkdocs.yml"),
                    "--overrides", str(ROOT / "overrides" / "digest")],
                   check=True, cwd=ROOT, env=env)
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{result.stderr}")
    subprocess.run([str(BIN / "digest"), "search-index", str(site)], check=True, cwd=ROOT, env=env)
    return docs, site


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped content/ built into a site."""
    return build_site(ROOT / "content", tmp_path_factory.mktemp("default-site"))


@pytest.fixture(scope="session")
def seeds_site(seeds_content: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed reports built into a site."""
    return build_site(seeds_content, tmp_path_factory.mktemp("seeds-site"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Record how many hypothesis examples the fuzz tests ran."""
    from tests import test_fuzz

    if test_fuzz.RUN:
        counts = ", ".join(f"{name}: {n}" for name, n in sorted(test_fuzz.RUN.items()))
        terminalreporter.write_line(f"hypothesis examples run: {counts}")
