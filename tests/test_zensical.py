"""The engine exit: Zensical (Material's maintained successor) builds digest's docs/ into a site
whose figure ids, anchors and conflicts links are the ones MkDocs makes. Runs where Zensical is
installed (`make zensical-check`, which CI runs: `$ZENSICAL` names its binary)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from digest.render import config as mkdocs_config
from tests.conftest import ROOT, build_site

ZENSICAL = os.environ.get("ZENSICAL") or shutil.which("zensical")
if ZENSICAL and os.sep in ZENSICAL:
    ZENSICAL = str(Path(ZENSICAL).resolve())  # run from the project folder below
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not ZENSICAL, reason="Zensical is not installed (make zensical-check)")]


def zensical_site(docs: Path, work: Path) -> Path:
    """`zensical build` of `docs` with the repository's mkdocs.yml (`theme.variant: classic`);
    Zensical reads the project from the config's folder and has no --site-dir, so the project
    is laid out in `work`."""
    config = mkdocs_config.load(ROOT / "mkdocs.yml")  # !ENV read as MkDocs reads it
    shutil.copytree(docs, work / "docs")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    config.update(docs_dir="docs", site_dir="site")
    config["theme"].update(variant="classic", custom_dir="overrides")
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=work, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return work / "site"


def figures(site: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Page -> (id, class, text) of every figure mark on it."""
    out = {}
    for page in sorted(site.rglob("index.html")):
        root = lxml_html.parse(str(page)).getroot()
        marks = [(m.get("id"), m.get("class"), m.text_content()) for m in root.iter("mark") if m.get("id")]
        if marks:
            out[page.relative_to(site).as_posix()] = marks
    return out


def conflict_links(site: Path) -> list[str]:
    root = lxml_html.parse(str(site / "conflicts" / "index.html")).getroot()
    return sorted(a.get("href") for a in root.iter("a") if "#fig-" in (a.get("href") or ""))


def test_zensical_builds_the_same_figures_anchors_and_conflicts_links(tmp_path: Path) -> None:
    docs, mkdocs_site = build_site(ROOT / "content", tmp_path / "mkdocs")
    site = zensical_site(docs, tmp_path / "zensical")
    assert figures(site) == figures(mkdocs_site) and figures(site)
    links = conflict_links(site)
    assert links and links == conflict_links(mkdocs_site)
    for href in links:  # every conflicts link lands on its figure in Zensical's site too
        path, _, anchor = href.partition("#")
        target = (site / "conflicts" / path / "index.html").resolve()
        root = lxml_html.parse(str(target)).getroot()
        assert root.get_element_by_id(anchor).tag == "mark"
    claims = (site / "claims.json").read_text(encoding="utf-8")
    assert claims == (mkdocs_site / "claims.json").read_text(encoding="utf-8")
    assert re.search(r'id="[a-z0-9-]+-deal-value-', (site / "conflicts" / "index.html").read_text(encoding="utf-8"))
