"""mkdocs.yml read without MkDocs: INHERIT and !ENV as MkDocs reads them, no tag runs, and a
build imports nothing from mkdocs (the engine may change)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digest.render import config
from digest.render.exports import site_url
from tests.conftest import ROOT


def test_inherit_and_env_are_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "base.yml").write_text("site_name: Base\nsite_url: https://base.example/\n"
                                       "theme:\n  name: material\n  palette: {scheme: slate}\n"
                                       "markdown_extensions:\n  - toc:\n      permalink: true\n", encoding="utf-8")
    child = tmp_path / "mkdocs.yml"
    child.write_text("INHERIT: base.yml\nsite_url: !ENV [DIGEST_TEST_URL, 'https://fallback.example/x']\n"
                     "theme:\n  custom_dir: overrides\nhook: !!python/name:os.system\n", encoding="utf-8")
    monkeypatch.delenv("DIGEST_TEST_URL", raising=False)
    data = config.load(child)
    assert data["site_name"] == "Base" and data["theme"] == {"name": "material", "palette": {"scheme": "slate"},
                                                             "custom_dir": "overrides"}
    assert data["hook"] is None  # a python tag reads as nothing: no code runs
    assert site_url(str(child)) == "https://fallback.example/x/"
    monkeypatch.setenv("DIGEST_TEST_URL", "https://example.org/digest/")
    assert site_url(str(child)) == "https://example.org/digest/"


def test_a_build_imports_nothing_from_mkdocs(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from digest.pipeline import build; "
            f"build(Path({str(ROOT / 'content')!r}), out=Path({str(tmp_path / 'docs')!r}), "
            f"config={str(ROOT / 'mkdocs.yml')!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
