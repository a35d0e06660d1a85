"""`make eval`: how well figures and claims hold up, per set, against a careful reader's truth.

    python -m tests.eval.run              print the scores of every set
    python -m tests.eval.run --update     also write them to tests/eval/baseline.json (review the diff)

Sets:
- `team`: the team's eight test stories (`tests/fixtures/unseen/`, `unseen.yml`). The pair
  model is fitted on them too: a training set, not a test.
- `dev`: the real-news dev set (`../shared/corpora/real-news-dev/`, 15 events): the tuning set;
  the pair model is fitted on it.
- `tuning`: more real news from the corpus's `raw/` (`tests/fixtures/tuning/`, 10 events),
  annotated blind like the held-out events, to judge changes on; the pair model is not fitted
  on them.
- `heldout`: real news from the same corpus's `raw/` (`tests/fixtures/heldout/`, 8 events),
  annotated before anything was changed for them and never tuned or fitted on.

For the two real-news sets: dispute recall and precision, corroboration recall and page
furniture in claims, as `../shared/corpora/real-news-dev/score.py` counts them (its own code,
run in this process on a `digest build` of the set); and figure recall: the share of the truth's
figures that digest extracts with the right value. `tests/eval/test_eval.py` fails when any
score falls below the baseline.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from digest.discover import discover
from digest.pipeline import build, read_story
from tests.claims import unseen
from tests.eval import heldout

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "corpora" / "real-news-dev"
BASELINE = Path(__file__).with_name("baseline.json")
#: Scores are rounded to this many places: a change smaller than that is not a change.
PLACES = 3


def scorer() -> ModuleType:
    """The dev set's own scorer, `score.py`, imported from `../shared`."""
    spec = importlib.util.spec_from_file_location("real_news_score", DEV / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_news(content: Path, truth_path: Path) -> dict[str, float]:
    """Scores of one real-news set: build it, then score claims.json as score.py does."""
    score = scorer()
    truth = score.load_truth(str(truth_path))
    with tempfile.TemporaryDirectory() as tmp:
        build(content, out=Path(tmp) / "docs", config=None, cache=None)
        sources = {src for story in truth["stories"].values() for src in story["articles"]}
        _, claims = score.load_claims(str(Path(tmp) / "docs" / "claims.json"), sources, str(content))
    rows, _ = score.score(truth, claims)
    total = {k: sum(r[k] for r in rows.values()) for k in ("d_found", "d_total", "d_out", "tp", "c_found",
                                                           "c_total", "meta")}
    return {
        "disputes recall": _ratio(total["d_found"], total["d_total"]),
        "disputes precision": _ratio(total["tp"], total["d_out"]),
        "disputed claims": float(total["d_out"]),
        "corroborations recall": _ratio(total["c_found"], total["c_total"]),
        "furniture in claims": float(total["meta"]),
        "figure recall": figure_recall(content, truth),
    }


def figure_recall(content: Path, truth: dict) -> float:
    """The share of the truth's figures (every side of every item) that digest extracts from
    their article with the value the truth gives (dates: the surface text)."""
    from digest.pipeline import extract_article

    errors: list = []
    figures: dict[str, list] = {}
    for source in discover(content, errors):
        for article in read_story(source, content, errors):
            figures[article.source] = [f for block in extract_article(article) for f in block]
    sides = []
    for story in truth["stories"].values():
        for kind in ("disputes", "corroborations", "ambiguous"):
            sides += [s for item in story.get(kind) or [] for s in item["sides"]]
        sides += [s for item in story.get("not_disputes") or [] for s in item["left"] + item["right"]]
    unique = {(s["source"], s["text"], str(s.get("value")), str(s.get("date")), str(s.get("low"))): s for s in sides}
    found = sum(1 for s in unique.values() if any(_matches(f, s) for f in figures.get(s["source"], [])))
    return _ratio(found, len(unique))


def _matches(f, side: dict) -> bool:  # type: ignore[no-untyped-def]
    if "date" in side:
        return f.kind == "date" and (side["text"].lower() in f.text.lower() or f.text.lower() in side["text"].lower())
    if side.get("low") is not None:
        return f.low is not None and math.isclose(f.low, side["low"]) and math.isclose(f.high or 0.0, side["high"])
    values = [side.get("value"), *(side.get("alts") or [])]
    return any(v is not None and math.isclose(f.value, float(v), rel_tol=1e-6) for v in values)


def team() -> dict[str, float]:
    s = unseen.evaluate()
    return {
        "disputes recall": round(s.recall("disputed"), PLACES),
        "disputes precision": round(s.precision(), PLACES),
        "corroborations recall": round(s.recall("corroborated"), PLACES),
        "quantities kept apart": float(not s.violations),
    }


def _ratio(a: float, b: float) -> float:
    return round(a / b, PLACES) if b else 0.0


def evaluate() -> dict[str, dict[str, float]]:
    out = {"team": team(), "dev": real_news(DEV / "content", DEV / "truth.yaml")}
    with tempfile.TemporaryDirectory() as tmp:
        truth = heldout.materialize(Path(tmp), heldout.TUNING)
        out["tuning"] = real_news(Path(tmp) / "content", truth)
    with tempfile.TemporaryDirectory() as tmp:
        truth = heldout.materialize(Path(tmp))
        out["heldout"] = real_news(Path(tmp) / "content", truth)
    return out


#: Scores where less is better.
LOWER_IS_BETTER = frozenset({"furniture in claims"})
#: Counts that are reported, not pinned.
REPORTED = frozenset({"disputed claims"})


def regressions(now: dict[str, dict[str, float]], base: dict[str, dict[str, float]]) -> list[str]:
    """Every score that got worse than the baseline."""
    out = []
    for set_name, scores in base.items():
        for name, value in scores.items():
            if name in REPORTED:
                continue
            got = now.get(set_name, {}).get(name)
            if got is None:
                out.append(f"{set_name}: {name} is no longer measured")
            elif (got > value) if name in LOWER_IS_BETTER else (got < value):
                out.append(f"{set_name}: {name} went from {value} to {got}")
    return out


def main(argv: list[str]) -> int:
    now = evaluate()
    for set_name, scores in now.items():
        print(f"{set_name:8} " + " · ".join(f"{k} {v:g}" for k, v in scores.items()))
    if "--update" in argv:
        BASELINE.write_text(json.dumps(now, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
        return 0
    if BASELINE.exists():
        worse = regressions(now, json.loads(BASELINE.read_text(encoding="utf-8")))
        for line in worse:
            print("worse than the baseline: " + line)
        return 1 if worse else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
