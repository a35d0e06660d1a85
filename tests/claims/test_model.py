"""The pair model (digest/claims/pair_model.json, fitted by `make model`) fits the features
group.py computes today, and its weights keep the signs the evidence gives them."""

from __future__ import annotations

from digest.claims import group as G
from digest.claims.describe import Evidence
from digest.model import Figure, Mention
from tests.eval.fit import SIGNS


def _pair_features() -> set[str]:
    f = Figure("5 shops", "count", 5.0, None, None, "shops", None, 0, 7)
    e = Evidence("count:shop", (5.0, 5.0), {"damag": 1.0}, frozenset({"damag"}), (), None, None, "shop")
    m = Mention("s/a", 0, f, "5 shops", "fig-1")
    story = G.Story({}, 1.0, {}, {})
    x = G.features(m, e, Mention("s/b", 0, f, "5 shops", "fig-1"), e, story)
    assert x is not None
    return set(x)


def test_the_model_has_a_weight_for_every_feature_and_no_other() -> None:
    names = _pair_features()
    assert set(G.MODEL["agree"][0]) == names - {"agree"}
    assert set(G.MODEL["differ"][0]) == names - {"agree", "telling"}
    assert set(G.MODEL["context"][0]) == names - set(G.VALUE_FEATURES)


def test_weights_keep_their_signs() -> None:
    for part, (weights, _) in G.MODEL.items():
        for name, sign in SIGNS.items():
            if name in weights:
                assert weights[name] * sign >= 0, (part, name, weights[name])


def test_words_in_common_make_one_quantity_likelier() -> None:
    f = Figure("41 homes", "count", 41.0, None, None, "homes", None, 0, 8)
    near = Evidence("count:home", (41.0, 41.0), {"destroy": 1.0, "valley": 0.5}, frozenset({"destroy"}), (), None,
                    None, "home")
    far = Evidence("count:home", (41.0, 41.0), {"insur": 1.0, "sold": 0.5}, frozenset({"sold"}), (), None, None,
                   "home")
    story = G.Story({"destroy": 2.0, "valley": 2.0, "insur": 2.0, "sold": 2.0}, 2.0, {}, {})
    a, b = Mention("s/a", 0, f, "", "fig-1"), Mention("s/b", 0, f, "", "fig-1")
    alike, unlike = G.score(a, near, b, near, story), G.score(a, near, b, far, story)
    assert alike is not None and unlike is not None and alike.score > unlike.score
