"""Figure extraction: compact input / expected pairs (text, kind, value, low, high, unit, qualifier)."""

from __future__ import annotations

import pytest

from digest.figures import extract_figures

B, M = 1e9, 1e6

CASES = [
    # money: symbols, codes, scale words, glued scales
    ("for approximately $2 billion.", [("approximately $2 billion", "money", 2 * B, None, None, "USD", "approximately")]),
    ("Acquires Rival for $2B", [("$2B", "money", 2 * B, None, None, "USD", None)]),
    ("an $800M deal", [("$800M", "money", 800 * M, None, None, "USD", None)]),
    ("paid $1.3 billion", [("$1.3 billion", "money", 1.3 * B, None, None, "USD", None)]),
    ("a fee of €72m", [("€72m", "money", 72 * M, None, None, "EUR", None)]),
    ("£62.5 million", [("£62.5 million", "money", 62.5 * M, None, None, "GBP", None)]),
    ("priced at USD 200", [("USD 200", "money", 200, None, None, "USD", None)]),
    ("1.2 billion dollars", [("1.2 billion dollars", "money", 1.2 * B, None, None, "USD", None)]),
    ("$1,200 million", [("$1,200 million", "money", 1.2 * B, None, None, "USD", None)]),
    ("raised $3.5B", [("$3.5B", "money", 3.5 * B, None, None, "USD", None)]),
    ("a $2 billion acquisition", [("$2 billion", "money", 2 * B, None, None, "USD", None)]),
    # ranges
    ("spend $5 million to $10 million", [("$5 million to $10 million", "money", 7.5 * M, 5 * M, 10 * M, "USD", None)]),
    ("$5-10 million", [("$5-10 million", "money", 7.5 * M, 5 * M, 10 * M, "USD", None)]),
    ("between 1,000 and 1,200 jobs", [("between 1,000 and 1,200 jobs", "count", 1100, 1000, 1200, "jobs", None)]),
    ("a 15-20% cut", [("15-20%", "percent", 17.5, 15, 20, "%", None)]),
    ("within 12 to 18 months", [("12 to 18 months", "duration", 15, 12, 18, "months", None)]),
    # percentages
    ("a roughly 54% premium", [("roughly 54%", "percent", 54, None, None, "%", "roughly")]),
    ("12 percent of staff", [("12 percent", "percent", 12, None, None, "%", None)]),
    ("two-thirds of voters", [("two-thirds", "percent", 200 / 3, None, None, "%", None)]),
    ("by up to 40%", [("up to 40%", "percent", 40, None, None, "%", "up to")]),
    # counts and durations
    ("Approximately 120 engineers and researchers", [("Approximately 120 engineers", "count", 120, None, None, "engineers", "approximately")]),
    ("120 specialized AI researchers", [("120 specialized AI researchers", "count", 120, None, None, "researchers", None)]),
    ("a dozen stores", [("a dozen stores", "count", 12, None, None, "stores", None)]),
    ("for three years", [("three years", "duration", 3, None, None, "years", None)]),
    ("a five-year contract", [("five-year", "duration", 5, None, None, "years", None)]),
    # qualifiers
    ("more than 300 stores", [("more than 300 stores", "count", 300, None, None, "stores", "more than")]),
    ("north of $60 billion", [("north of $60 billion", "money", 60 * B, None, None, "USD", "north of")]),
    ("exceeding $2.4 billion", [("exceeding $2.4 billion", "money", 2.4 * B, None, None, "USD", "exceeding")]),
    ("nearly $5 billion", [("nearly $5 billion", "money", 5 * B, None, None, "USD", "nearly")]),
    # not figures: names and identifiers
    ("GPT-4-class models and Llama 3", []),
    ("one of the largest deals", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_figure(text: str, expected: list[tuple]) -> None:
    got = [(f.text, f.kind, f.value, f.low, f.high, f.unit, f.qualifier) for f in extract_figures(text)]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[:2] == e[:2] and g[5:] == e[5:], g
        for a, b in zip(g[2:5], e[2:5], strict=True):
            assert (a is None and b is None) or a == pytest.approx(b), g


DATES = [
    ("in 2023", "2023", "2023"),
    ("in June 2023", "June 2023", "2023-06"),
    ("close in Q3 2025", "Q3 2025", "2025-Q3"),
    ("the first quarter of 2026", "the first quarter of 2026", "2026-Q1"),
    ("in late 2024", "late 2024", "2024-late"),
    ("by mid-2024", "mid-2024", "2024-mid"),
    ("the 2025-26 budget", "2025-26", "2025/26"),
    ("the 2012-13 season", "2012-13", "2012/13"),
    ("on September 12, 2025", "September 12, 2025", "2025-09-12"),
    ("on 2025-06-12", "2025-06-12", "2025-06-12"),
]


@pytest.mark.parametrize(("text", "surface", "period"), DATES, ids=[d[0] for d in DATES])
def test_date(text: str, surface: str, period: str) -> None:
    [f] = extract_figures(text)
    assert (f.text, f.kind, f.period) == (surface, "date", period)


def test_month_day_takes_the_article_year() -> None:
    [f] = extract_figures("on Sept. 12", year=2026)
    assert (f.text, f.period) == ("Sept. 12", "2026-09-12")


def test_relative_time_is_resolved_against_the_article_date() -> None:
    [f] = extract_figures("two years ago", year=2025)
    assert (f.kind, f.period) == ("date", "2023")
    [g] = extract_figures("two years ago")
    assert (g.kind, g.unit) == ("duration", "years")


def test_a_year_is_a_date_not_a_count() -> None:
    kinds = [(f.text, f.kind) for f in extract_figures("In 2000 the firm had 2000 employees.")]
    assert kinds == [("2000", "date"), ("2000 employees", "count")]


def test_from_to_is_a_change_not_a_range() -> None:
    texts = [f.text for f in extract_figures("it rose from 5% to 10%")]
    assert texts == ["5%", "10%"]


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ("nearly $5 billion", "$4.9 billion", True),
    ("about 1,100 jobs", "between 1,000 and 1,200 jobs", True),
    ("approximately $2 billion", "$800 million", False),
    ("approximately $62 billion", "approximately $43 billion", False),
    ("exceeding $2.4 billion", "$2.4 billion", True),
    ("above 50%", "roughly 50%", True),
    ("June 2023", "2023", True),
    ("late 2024", "late 2023", False),
    ("18 months", "1.5 years", True),
    ("12 to 18 months", "three years", False),
])
def test_intervals(a: str, b: str, compatible: bool) -> None:
    from digest.figures.numbers import overlaps

    [fa], [fb] = extract_figures(a), extract_figures(b)
    assert overlaps(fa.bounds(), fb.bounds()) is compatible


@pytest.mark.parametrize(("text", "surface", "period"), [
    ("reported third-quarter revenue", "third-quarter", "2026-Q3"),
    ("in the second quarter.", "the second quarter", "2026-Q2"),
    ("Q3 Revenue Rises", "Q3", "2026-Q3"),
    ("revenue in the three months to September", "the three months to September", "2026-Q3"),
])
def test_quarters_without_a_year_take_the_article_year(text: str, surface: str, period: str) -> None:
    [f] = extract_figures(text, year=2026)
    assert (f.text, f.kind, f.period) == (surface, "date", period)
    assert all(g.kind != "date" for g in extract_figures(text))  # no article date: no guess


@pytest.mark.parametrize(("text", "surface", "per"), [
    ("council tax rises by £104 a year", "£104 a year", "year"),
    ("about £2 a week", "about £2 a week", "week"),
    ("$52 per share in cash", "$52 per share", "share"),
    ("savings of $150 million annually", "$150 million annually", "year"),
    ("$40/month", "$40/month", "month"),
])
def test_amounts_keep_their_basis(text: str, surface: str, per: str) -> None:
    [f] = extract_figures(text)
    assert (f.text, f.kind, f.per) == (surface, "money", per)


@pytest.mark.parametrize("text", ["volumes fell for a third straight quarter", "crews cleared debris for a third day",
                                  "Orbit unveiled the Halo 3 on Tuesday", "the Pixel 11 costs less"])
def test_ordinals_and_product_names_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_fractions_are_still_figures() -> None:
    assert [f.text for f in extract_figures("cut a third of its staff, a quarter of its budget, by a third, two-thirds")] \
        == ["a third", "a quarter", "by a third"[3:], "two-thirds"]
