"""Property-based tests (hypothesis) over the figure extractor and the readers.

The number of examples run is printed at the end of the test session ("hypothesis examples").
Set DIGEST_FUZZ_EXAMPLES to run more (CI uses the default below).
"""

from __future__ import annotations

import math
import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.errors import InputError
from digest.figures import extract_figures
from digest.readers import READERS, decode

EXAMPLES = int(os.environ.get("DIGEST_FUZZ_EXAMPLES", "1500"))
RUN: Counter[str] = Counter()

# news-like fragments, so that generated text is dense with near-figures
FRAGMENTS = [
    "$", "€", "£", "US$", "USD ", "2", "1.3", "1,200", "800", "0", "99.5", " billion", " million", "bn", "m", "M",
    "B", "%", " percent", " to ", "-", "–", " and ", "between ", "about ", "nearly ", "up to ", "more than ",
    "north of ", " engineers", " people", " years", " months", " ago", "Q3 ", "2025", "2012-13", "late ",
    "mid-", "June ", "Sept. 12", "the first quarter of ", "two-thirds", "a dozen ", "five-year", "x", " ",
    ".", ",", "(", ")", "GPT-4", "Llama 3", "\n", "é", "\u2060", "9" * 40, "e308", "1e400",
]
news_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.one_of(news_text, st.text(max_size=300))


def check_figures(text: str, year: int | None) -> None:
    figures = extract_figures(text, year=year)
    end = 0
    for f in figures:
        assert f.text == text[f.start:f.end] and f.text
        assert f.start >= end, "figures overlap or are out of order"
        end = f.end
        for v in (f.value, f.low, f.high):
            assert v is None or math.isfinite(v)
        if f.low is not None and f.high is not None:
            assert f.low <= f.value <= f.high
        lo, hi = f.bounds()
        assert lo <= hi


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, year=st.one_of(st.none(), st.integers(1900, 2100)))
def test_extractor_never_crashes_and_spans_are_exact(text: str, year: int | None) -> None:
    RUN["figure extractor"] += 1
    check_figures(text, year)


@settings(max_examples=max(EXAMPLES // 5, 50), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda t: t.encode("utf-8"))),
       suffix=st.sampled_from(sorted(READERS)),
       front=st.sampled_from(["", "---\n", "---\ntitle: x\n---\n", "---\ntitle: [\n---\n", "\ufeff"]))
def test_readers_never_crash(data: bytes, suffix: str, front: str) -> None:
    """Any bytes give either an Article-ready parse or an InputError naming the file."""
    RUN["readers"] += 1
    raw = front.encode("utf-8") + data
    name = f"s/fuzz{suffix}"
    try:
        text = decode(raw, name, html=suffix in (".html", ".htm"))
        meta, blocks = READERS[suffix](text, Path(name))
    except InputError as exc:
        assert str(exc).startswith(name)
        return
    for block in blocks:
        assert block.text == " ".join(block.text.split()) or block.kind == "paragraph"
        check_figures(block.text, None)
