"""The Pages workflow: valid, building with `make`, on action versions that run on the Node
runtime GitHub's runners provide (Node 20 actions were dropped)."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

#: The oldest major of each action that runs on Node 24 (checked 2026-12).
NODE_24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/configure-pages": 6,
           "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5, "actions/cache": 5}


def test_the_pages_workflow_uses_current_actions_and_make() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    used = {m["name"]: int(m["major"]) for s in steps if "uses" in s
            for m in [re.match(r"(?P<name>[\w-]+/[\w-]+)@v(?P<major>\d+)$", s["uses"])] if m}
    assert set(used) == set(NODE_24)
    assert all(used[name] >= major for name, major in NODE_24.items()), used
    assert any(s.get("run") == "make" for s in steps)


def test_the_pages_workflow_caches_pip_and_digests_cache() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.txt"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    paths = cache["with"]["path"].split()
    # the cache folder `make` builds with, and the key its entries are signed with
    assert ".digest-cache" in paths and "~/.config/digest" in paths
    assert "hashFiles('content/**')" in cache["with"]["key"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    build = next(i for i, s in enumerate(steps) if s.get("run") == "make")
    assert steps.index(cache) < build  # restored before the build
