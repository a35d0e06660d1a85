"""The timeline's events: dated things that happened, forecasts marked, span bounds left out."""

from __future__ import annotations

from pathlib import Path

from digest.pipeline import build
from tests.conftest import ROOT


def test_timeline_leaves_out_span_bounds_and_marks_forecasts(tmp_path: Path) -> None:
    build(ROOT / "content", out=tmp_path, config=None, cache=None)
    rows = [r for r in (tmp_path / "timeline.md").read_text(encoding="utf-8").splitlines() if r.startswith("| **")]
    whens = [r.split("|")[1].strip() for r in rows]
    # "the strongest storm to reach the coast since 2011" dates no event of this story
    assert not any("2011" in w for w in whens)
    # "industry estimates put the market ... by 2028": a forecast, shown as one
    assert "**2028 \\(expected\\)**" in whens
    # a date the reports give as a fact is not marked
    assert "**June 2023**" in whens


def test_a_past_event_with_by_is_no_forecast(tmp_path: Path) -> None:
    from tests.conftest import write_story

    content = write_story(tmp_path / "content", {
        "a.md": "---\ntitle: A\nsource: A\n---\n\nThe startup, founded by two students in 2011, was acquired "
                "by Google in June 2019. Revenue is expected to double in 2027. It aims to hire 50 people by 2030.\n"})
    build(content, out=tmp_path / "docs", config=None, cache=None)
    rows = [r.split("|")[1].strip() for r in (tmp_path / "docs" / "timeline.md").read_text(encoding="utf-8").splitlines()
            if r.startswith("| **")]
    assert rows == ["**2011**", "**June 2019**", "**2027 \\(expected\\)**", "**2030 \\(expected\\)**"]
