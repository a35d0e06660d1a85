"""Fit the pair model (`digest/claims/pair_model.json`) on the annotated dev set: `make model`.

    python -m tests.eval.fit [--check]

Each story of `../shared/corpora/real-news-dev/` is read and described as `digest build` does;
every pair of mentions in two articles that the pair model may compare becomes one example:
- positive where both are sides of one truth dispute or corroboration (matched as the scorer
  matches: article and value);
- negative where they are the two halves of a truth look-alike (`not_disputes`), or where
  neither is a side of any truth item of the story (the annotators recorded every quantity
  two or more reports state, so an unrecorded pair is, nearly always, two quantities).

The training events (`tests/fixtures/train/`: more real news from the corpus's `raw/`, annotated
blind in the dev truth's format) add pairs the dev set's 15 events are too few to give. The
team's own stories (`tests/fixtures/unseen/`, with `unseen.yml`) add the beats the dev set
lacks (deals, funding, earnings, budgets). A logistic regression (L2; scipy's L-BFGS-B, with
each evidence feature's weight kept to its sign) gives one weight per feature, separately for
pairs whose values agree, pairs whose values differ (the `differ` model, which decides
disputes), and all pairs on the words alone (the `context` model, which lists doubtful pairs for
the editor). The differ model leaves the training events out: they hold few disputes, and with
them its probabilities fell so that fewer dev disputes passed its threshold. The held-out and
tuning events are never fitted on.
`--check` refits and fails if the result differs from the committed file.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

from digest.claims import group as G
from digest.discover import discover
from digest.pipeline import make_story, read_story
from tests.eval import heldout

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "corpora" / "real-news-dev"
TEAM = ROOT / "tests" / "fixtures" / "unseen"
TEAM_TRUTH = ROOT / "tests" / "fixtures" / "unseen.yml"
#: The sign each weight must have: evidence of one quantity (+), of two (-); others are free.
SIGNS = {"cosine": 1, "near": 1, "same noun": 1, "same owner": 1, "same names": 1, "same measure": 1,
         "alone": 1, "telling": 1, "other owner": -1, "other agent": -1, "other subject": -1, "other place": -1, "other measure": -1,
         "far apart": -1, "listed": -1, "same mate": 1, "one person's age": 1, "same span": 1}


def examples() -> tuple[list[dict[str, float]], list[int]]:
    """Feature dicts and labels of the annotated pairs: the dev set's, the training events' (marked
    `train`) and the team's stories' (marked `team`)."""
    truth = yaml.safe_load((DEV / "truth.yaml").read_text(encoding="utf-8"))
    team = yaml.safe_load(TEAM_TRUTH.read_text(encoding="utf-8"))
    captured: dict = {}
    cluster = G.cluster

    def spy(mentions, evidence, origin, idf, unseen, surface):  # type: ignore[no-untyped-def]
        captured.update(mentions=mentions, evidence=evidence, idf=idf, unseen=unseen, surface=surface)
        return cluster(mentions, evidence, origin, idf, unseen, surface)

    xs: list[dict[str, float]] = []
    ys: list[int] = []
    G.cluster = spy
    tmp = tempfile.TemporaryDirectory()
    try:
        train = yaml.safe_load(heldout.materialize(Path(tmp.name), heldout.TRAIN).read_text(encoding="utf-8"))
        # the team's stories teach what amounts look like in the beats the dev set lacks (a
        # lexicon measure in common); the words-alone model is learnt from real news only, and
        # the differ model leaves the training events out (see the module's docstring)
        for content, items, mark in ((DEV / "content", lambda slug: truth["stories"][slug], None),
                                     (Path(tmp.name) / "content", lambda slug: train["stories"][slug], "train"),
                                     (TEAM, lambda slug: _team_items(slug, team[slug]), "team")):
            errors: list = []
            for source in discover(content, errors):
                story = make_story(source, read_story(source, content, errors), content=content)
                x, y = _story_examples(story, items(source.slug), captured)
                if mark:
                    for r in x:
                        r[mark] = 1.0
                xs += x
                ys += y
    finally:
        G.cluster = cluster
        tmp.cleanup()
    return xs, ys


def _team_items(slug: str, want: dict) -> dict:
    """The team's expectations (`tests/fixtures/unseen.yml`) in the dev truth's form: sides
    named by article and exact text."""
    def side(article: str, text: str) -> dict:
        return {"source": f"{slug}/{article}", "text": text, "exact": True}

    out: dict = {"disputes": [], "corroborations": [], "not_disputes": []}
    for status, kind in (("disputed", "disputes"), ("corroborated", "corroborations")):
        for figures in want.get(status) or []:
            out[kind].append({"sides": [side(a, t) for a, t in figures.items()]})
    for pair in want.get("apart") or []:
        (a, ta), (b, tb) = (next(iter(p.items())) for p in pair)
        out["not_disputes"].append({"left": [side(a, ta)], "right": [side(b, tb)]})
    return out


def _story_examples(story, truth: dict, captured: dict) -> tuple[list[dict[str, float]], list[int]]:  # type: ignore[no-untyped-def]
    mentions, evidence = captured["mentions"], captured["evidence"]
    counts: dict[tuple[str, str], set] = defaultdict(set)
    for m, e in zip(mentions, evidence, strict=True):
        counts[(m.article, e.dimension)].add(e.interval)
    ctx = G.Story(captured["idf"], captured["unseen"], captured["surface"], {k: len(v) for k, v in counts.items()})
    article_of = {a.source: a.id for a in story.articles} | {a.id: a.id for a in story.articles}

    def matches(side: dict) -> list[int]:
        aid = article_of[side["source"]]
        if side.get("exact"):
            return [i for i, m in enumerate(mentions) if m.article == aid and m.figure.text == side["text"]]
        values = [side.get("value"), *(side.get("alts") or [])]
        out = []
        for i, m in enumerate(mentions):
            if m.article != aid:
                continue
            f = m.figure
            if "date" in side:
                ok = side["text"].lower() in f.text.lower()
            elif side.get("low") is not None:
                ok = f.low is not None and math.isclose(f.low, side["low"]) and math.isclose(f.high or 0, side["high"])
            else:
                ok = any(v is not None and math.isclose(f.value, float(v), rel_tol=1e-6) for v in values)
            if ok:
                out.append(i)
        return out

    label: dict[tuple[int, int], int] = {}
    sided: set[int] = set()
    for kind in ("disputes", "corroborations"):
        for item in truth.get(kind) or []:
            groups = [matches(s) for s in item["sides"]]
            for g in groups:
                sided.update(g)
            for x in range(len(groups)):
                for y in range(x + 1, len(groups)):
                    for i in groups[x]:
                        for j in groups[y]:
                            label[(min(i, j), max(i, j))] = 1
    for item in truth.get("ambiguous") or []:
        for s in item["sides"]:
            sided.update(matches(s))
    for item in truth.get("not_disputes") or []:
        left = [i for s in item["left"] for i in matches(s)]
        right = [j for s in item["right"] for j in matches(s)]
        sided.update(left + right)
        for i in left:
            for j in right:
                label.setdefault((min(i, j), max(i, j)), 0)
    xs, ys = [], []
    for i in range(len(mentions)):
        for j in range(i + 1, len(mentions)):
            if mentions[i].article == mentions[j].article:
                continue
            y = label.get((i, j))
            if y is None and (i in sided or j in sided):
                continue  # a side of some item, paired with a figure the truth does not name
            if y is None and any(_year_only(evidence[k]) for k in (i, j)):
                continue  # the annotators leave years on their own out: unlabelled, not two quantities
            x = G.features(mentions[i], evidence[i], mentions[j], evidence[j], ctx)
            if x is None:
                continue
            xs.append(x)
            ys.append(0 if y is None else y)
    return xs, ys


def _year_only(e) -> bool:  # type: ignore[no-untyped-def]
    return e.dimension == "date" and e.interval[1] - e.interval[0] > 0.5


def fit() -> dict:
    """Two regressions: for pairs whose values agree, and for pairs whose values differ (the
    evidence that two differing values are one quantity in dispute is weighed apart: values that
    agree are themselves evidence, values that differ are not)."""
    xs, ys = examples()
    out: dict = {"about": "Pair model of digest/claims/group.py, fitted by `make model` (tests/eval/fit.py) on "
                          "pairs of mentions of the real-news dev set and the team's stories, and (agree and "
                          "context) of the training events."}
    for part, agree in (("agree", 1.0), ("differ", 0.0), ("context", None)):
        rows = [(x, y) for x, y in zip(xs, ys, strict=True) if (not x.get("team") if agree is None else
                                                                 x["agree"] == agree and not (x.get("train") and not agree))]
        drop = {"agree", "team", "train", "telling" if not agree else ""} | (set(G.VALUE_FEATURES) if agree is None else set())
        names = sorted({k for x, _ in rows for k in x} - drop)
        bias, weights = _logistic([[x.get(k, 0.0) for k in names] for x, _ in rows], [y for _, y in rows],
                                  [SIGNS.get(k, 0) for k in names])
        out[part] = {
            "pairs": len(rows), "of one quantity": sum(y for _, y in rows), "bias": round(bias, 4),
            "weights": {k: round(w, 4) for k, w in zip(names, weights, strict=True)},
        }
    return out


def _logistic(x: list[list[float]], y: list[int], signs: list[int], l2: float = 1.0) -> tuple[float, list[float]]:
    """An L2-regularised logistic regression whose weights keep the sign domain knowledge gives
    them (a shared governing word never counts against one quantity): scipy's L-BFGS-B."""
    import numpy as np
    from scipy.optimize import minimize

    a, t = np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = a @ w[1:] + w[0]
        p = 1.0 / (1.0 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0.0, z) - t * z) + l2 / 2 * np.sum(w[1:] ** 2))
        grad = np.concatenate([[np.sum(p - t)], a.T @ (p - t) + l2 * w[1:]])
        return value, grad

    bounds = [(None, None)] + [(0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in signs]
    result = minimize(loss, np.zeros(a.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    return float(result.x[0]), [float(v) for v in result.x[1:]]


def main() -> int:
    model = fit()
    text = json.dumps(model, indent=2, sort_keys=True) + "\n"
    if "--check" in sys.argv:
        if G.MODEL_FILE.read_text(encoding="utf-8") != text:
            print("digest/claims/pair_model.json is not what `make model` fits today", file=sys.stderr)
            return 1
        return 0
    G.MODEL_FILE.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
