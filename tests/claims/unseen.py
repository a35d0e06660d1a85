"""Precision and recall of claims on tests/fixtures/unseen/, against tests/fixtures/unseen.yml.

    python -m tests.claims.unseen     prints the scores and every miss

A predicted claim matches an expected one when it holds every figure the expectation names
(by article and exact text) and has the expected status.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from digest.discover import discover
from digest.model import Claim, Story
from digest.pipeline import make_story, read_story

HERE = Path(__file__).resolve().parent.parent / "fixtures"
CONTENT = HERE / "unseen"
EXPECTED = HERE / "unseen.yml"


@dataclass
class Score:
    expected: dict[str, int] = field(default_factory=lambda: {"disputed": 0, "corroborated": 0})
    found: dict[str, int] = field(default_factory=lambda: {"disputed": 0, "corroborated": 0})
    predicted_disputed: int = 0
    true_disputed: int = 0
    misses: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    """`apart` figures that share a claim, `single` claims that are not single-source."""

    def recall(self, status: str) -> float:
        return self.found[status] / self.expected[status]

    def precision(self) -> float:
        return self.true_disputed / self.predicted_disputed if self.predicted_disputed else 1.0


def stories() -> dict[str, Story]:
    errors: list = []
    out = {}
    for source in discover(CONTENT, errors):
        out[source.slug] = make_story(source, read_story(source, CONTENT, errors), content=CONTENT)
    assert not errors, errors
    return out


def holds(claim: Claim, story: str, figures: dict[str, str]) -> bool:
    texts = {(m.article, m.figure.text) for m in claim.mentions}
    return all((f"{story}/{article}", text) in texts for article, text in figures.items())


def evaluate(built: dict[str, Story] | None = None) -> Score:
    built = built or stories()
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    score = Score()
    for slug, want in expected.items():
        story = built[slug]
        claims = [c for c in story.claims if c.compared]
        for status in ("disputed", "corroborated"):
            for figures in want.get(status, []):
                score.expected[status] += 1
                if any(c.status == status and holds(c, slug, figures) for c in claims):
                    score.found[status] += 1
                else:
                    score.misses.append(f"{slug}: missed {status} {figures}")
        for pair in want.get("apart", []):
            a, b = (next(iter(p.items())) for p in pair)
            for c in claims:
                texts = {(m.article, m.figure.text) for m in c.mentions}
                if (f"{slug}/{a[0]}", a[1]) in texts and (f"{slug}/{b[0]}", b[1]) in texts:
                    score.violations.append(f"{slug}: {a} and {b} share claim {c.id}")
        for figures in want.get("single", []):
            for c in claims:
                if holds(c, slug, figures) and c.status != "single-source":
                    score.violations.append(f"{slug}: {figures} is {c.status}, not single-source")
        for c in claims:
            if c.status == "disputed":
                score.predicted_disputed += 1
                if any(holds(c, slug, f) for f in want.get("disputed", [])):
                    score.true_disputed += 1
                else:
                    score.misses.append(f"{slug}: false dispute {c.measure} / {c.subject}: "
                                        + "; ".join(f"{m.article.split('/')[1]}: {m.figure.text}" for m in c.mentions))
    return score


def main() -> int:
    s = evaluate()
    print(f"disputed:     recall {s.recall('disputed'):.2f} ({s.found['disputed']}/{s.expected['disputed']}), "
          f"precision {s.precision():.2f} ({s.true_disputed}/{s.predicted_disputed})")
    print(f"corroborated: recall {s.recall('corroborated'):.2f} ({s.found['corroborated']}/{s.expected['corroborated']})")
    for miss in s.misses + s.violations:
        print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
