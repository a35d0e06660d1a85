"""The Pages workflow: valid, building with `make`, on action versions that run on the Node
runtime GitHub's runners provide (Node 20 actions were dropped)."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

#: The oldest major of each action that runs on Node 24 (checked 2026-12).
NODE_24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/configure-pages": 6,
           "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


def test_the_pages_workflow_uses_current_actions_and_make() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    used = {m["name"]: int(m["major"]) for s in steps if "uses" in s
            for m in [re.match(r"(?P<name>[\w-]+/[\w-]+)@v(?P<major>\d+)$", s["uses"])] if m}
    assert set(used) == set(NODE_24)
    assert all(used[name] >= major for name, major in NODE_24.items()), used
    assert any(s.get("run") == "make" for s in steps)
