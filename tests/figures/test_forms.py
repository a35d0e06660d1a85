"""Figure forms news prose uses, one YAML file per phenomenon in tests/figures/forms/: each case
is a sentence and the figures expected in it, as [text, kind, value, unit] (the sentences are the
team's own; facts and forms follow public suites and the real-news corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.figures import extract_figures

FORMS = Path(__file__).with_name("forms")
CASES = [(path.stem, case) for path in sorted(FORMS.glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("phenomenon", "case"), CASES, ids=[f"{p}: {c[0]}" for p, c in CASES])
def test_form(phenomenon: str, case: list) -> None:
    text, expected = case
    got = [(f.text, f.kind, f.value, f.unit) for f in extract_figures(text)]
    assert len(got) == len(expected), got
    for g, (e_text, e_kind, e_value, e_unit) in zip(got, expected, strict=True):
        assert (g[0], g[1], g[3]) == (e_text, e_kind, e_unit), g
        if e_kind != "date":  # a date's value is a decimal year; its text is what is checked
            assert g[2] == pytest.approx(float(e_value)), g


def test_every_phenomenon_has_cases() -> None:
    assert {p for p, _ in CASES} >= {"compounds", "counts_in_words", "money", "units", "spans", "not_figures", "dates"}
