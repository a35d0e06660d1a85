"""`pip install .` gives a working `digest`: the wheel, installed into a fresh virtual
environment with nothing but its declared dependencies, builds a digest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from digest import __version__
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


def test_the_wheel_installs_and_builds_in_a_fresh_environment(tmp_path: Path) -> None:
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = wheels.glob("digest-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # the wheel's own dependency list only (no requirements file): a missing one fails here
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(wheel)], check=True, capture_output=True)
    digest = str(venv / "bin" / "digest")
    version = subprocess.run([digest, "--version"], check=True, capture_output=True, text=True).stdout
    assert version.strip() == f"digest {__version__}"
    out = tmp_path / "docs"
    subprocess.run([digest, "build", str(FIXTURES / "golden_content"), "--out", str(out), "-q", "--no-cache"],
                   check=True, capture_output=True, cwd=tmp_path)
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    assert claims["claims"] and (out / "index.md").is_file()
    # the data files ship too: the schemas, the pair model and the synonym table
    schema = subprocess.run([digest, "schema", "claims"], check=True, capture_output=True, text=True).stdout
    assert json.loads(schema)["title"] == "digest claims.json"
