"""Shapes whose cost once grew faster than the input, generated here: each test counts the work
done (characters scanned, pairs compared), never time (`make bench` times them)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from digest.claims import group as G
from digest.claims import status as S
from digest.figures import extract_figures
from digest.figures import patterns as P
from tests.claims.test_align import story_of

A = importlib.import_module("digest.claims.align")  # the module (the package exports its function)


class Scanned:
    """A compiled pattern that counts the characters its searches cover."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.chars = pattern, 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        self.chars += max(0, end - pos)
        return self.pattern.search(text, pos, end)


def one_story(tmp_path: Path, text: str, other: str = "The council paid $4 million.") -> Path:
    story = tmp_path / "s"
    story.mkdir()
    (story / "a.md").write_text(f"---\ntitle: A\nsource: A\n---\n\n{text}\n", encoding="utf-8")
    (story / "b.md").write_text(f"---\ntitle: B\nsource: B\n---\n\n{other}\n", encoding="utf-8")
    return tmp_path


def test_fraction_lead_ins_are_looked_for_beside_each_fraction(monkeypatch: pytest.MonkeyPatch) -> None:
    lead = Scanned(P.FRACTION_LEAD)
    monkeypatch.setattr(P, "FRACTION_LEAD", lead)
    text = "cut by a third x " * 2000
    assert len(extract_figures(text)) == 2000
    assert lead.chars <= 40 * 2000  # was the whole text before each fraction: 20,000,000


def test_a_clause_of_dated_figures_is_read_near_each_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_period = Scanned(A._NOT_A_PERIOD)
    monkeypatch.setattr(A, "_NOT_A_PERIOD", not_a_period)
    story = story_of(one_story(tmp_path, "In 2000 revenue rose to $1 million, " * 300))
    assert len(story.mentions) == 601
    assert not_a_period.chars <= 30 * 600 * 40  # was each date's whole lead-in, for every figure


def test_a_run_on_line_is_read_and_quoted_around_each_figure(tmp_path: Path) -> None:
    line = ", and ".join(f"the fund paid ${i + 1},{i % 1000:03d} to vendor {i}" for i in range(1000))
    story = story_of(one_story(tmp_path, line))
    assert len(story.mentions) >= 1000
    # each mention quotes the stretch around its figure, not the 45,000-character "sentence"
    assert max(len(m.sentence) for m in story.mentions) <= 2 * A.SENTENCE_WINDOW + 40


def test_a_claim_stated_thousands_of_times_is_checked_as_its_values(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    compared = {"status": 0, "pairs": 0}
    comparable, score = S.comparable, G.score

    def counting_comparable(*args: object, **kwargs: object) -> object:
        compared["status"] += 1
        return comparable(*args, **kwargs)  # type: ignore[arg-type]

    def counting_score(*args: object, **kwargs: object) -> object:
        compared["pairs"] += 1
        return score(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(S, "comparable", counting_comparable)
    monkeypatch.setattr(G, "score", counting_score)
    sentence = "The council paid $5 million for the bridge."
    story = story_of(one_story(tmp_path, " ".join([sentence] * 2000), other=sentence))
    assert len(story.mentions) == 2001
    assert [len(c.mentions) for c in story.claims if c.status == "corroborated"] == [2001]
    assert compared["pairs"] <= G.CANDIDATES * 2001
    assert compared["status"] <= 3 * 2001  # all pairs of 2,000 mentions were 2,000,000
