"""The evaluation scores (`make eval`) never fall below the reviewed baseline."""

from __future__ import annotations

import json

from tests.conftest import require
from tests.eval import run


def test_no_score_falls_below_the_baseline() -> None:
    require(run.DEV)
    now = run.evaluate()
    base = json.loads(run.BASELINE.read_text(encoding="utf-8"))
    assert set(now) == {"team", "dev", "tuning", "heldout"}
    assert run.regressions(now, base) == []


def test_a_drop_is_caught() -> None:
    base = {"dev": {"disputes recall": 0.5, "furniture in claims": 0.0, "disputed claims": 3.0}}
    assert run.regressions({"dev": {"disputes recall": 0.5, "furniture in claims": 0.0, "disputed claims": 9.0}},
                           base) == []
    assert run.regressions({"dev": {"disputes recall": 0.4, "furniture in claims": 1.0}}, base) == [
        "dev: disputes recall went from 0.5 to 0.4", "dev: furniture in claims went from 0.0 to 1.0"]
