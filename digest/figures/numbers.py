"""Number parsing and the interval of values a stated figure admits."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digest.model import Figure

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a dozen": 12, "dozen": 12, "half a dozen": 6, "a couple of": 2, "a couple": 2,
    "one": 1, "a": 1, "an": 1, "twice": 2,
}

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
}

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "$us": "USD", "euro": "EUR", "rm": "MYR", "rs": "INR", "rs.": "INR", "r$": "BRL", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "chf": "CHF", "fr.": "CHF",
}

CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "francs": "CHF", "won": "KRW",
}

FRACTIONS = {
    "two-thirds": 200 / 3, "two thirds": 200 / 3, "one-third": 100 / 3, "a third": 100 / 3,
    "one third": 100 / 3, "three-quarters": 75.0, "three quarters": 75.0,
    "one-quarter": 25.0, "a quarter of": 25.0, "one-half": 50.0, "half of": 50.0,
}

DURATION_DAYS = {
    "seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1, "weeks": 7, "months": 30.4375,
    "quarters": 91.3125, "years": 365.25, "decades": 3652.5,
}

#: How a qualifier widens a figure: (factor for the low end, factor for the high end).
QUALIFIER_BOUNDS = {
    "approx": (0.9, 1.1),
    "below": (0.0, 1.0),
    "nearly": (0.9, 1.0),
    "above": (1.0, math.inf),
    "just above": (1.0, 1.1),
}

QUALIFIER_CLASS = {
    "approximately": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "approx.": "approx", "c.": "approx", "an approximate": "approx", "a reported": "approx",
    "close to": "nearly", "nearly": "nearly", "almost": "nearly", "just under": "nearly",
    "just shy of": "nearly", "just below": "nearly", "up to": "below", "as much as": "below",
    "as many as": "below", "at most": "below", "no more than": "below", "less than": "below",
    "under": "below", "below": "below", "fewer than": "below", "south of": "below",
    "more than": "above", "over": "above", "above": "above", "exceeding": "above",
    "in excess of": "above", "upwards of": "above", "north of": "above", "at least": "above",
    "or more": "above", "plus": "above", "no less than": "above", "well over": "above",
    "well above": "above", "just over": "just above", "a little over": "just above",
    "just above": "just above", "slightly more than": "just above",
}


def parse_number(token: str) -> float:
    """`1,200.5` -> 1200.5; `twenty-five` -> 25.0; `a dozen` -> 12.0."""
    if _OTHER_LOCALE.match(token):
        from babel.numbers import parse_decimal

        return float(parse_decimal(token, locale="de"))  # `1.234,5`, `1.200.000`: Babel reads them
    cleaned = token.replace(",", "").replace("\u202f", "").replace("\u00a0", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        pass
    words = " ".join(token.lower().split())
    if words in WORD_NUMBERS:
        return float(WORD_NUMBERS[words])
    if any(m in words for m in _MULTIPLIERS):
        return _long_words(words)
    if "-" in words:
        tens, _, ones = words.partition("-")
        if tens in WORD_NUMBERS and ones in WORD_NUMBERS:
            return float(WORD_NUMBERS[tens] + WORD_NUMBERS[ones])
    raise ValueError(f"not a number: {token!r}")


#: A numeral written with another locale's separators (dots for thousands, a comma for the
#: decimal), which patterns._DIGITS admits only where the writing is unambiguous.
_OTHER_LOCALE = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}(?:\.\d{3})+,\d+$")
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _long_words(words: str) -> float:
    """`three hundred and forty two` -> 342; `fifteen hundred` -> 1500; `one and a half
    million` -> 1.5e6; `half a million` -> 5e5."""
    total, current = 0.0, 0.0
    tokens = words.replace(",", " ").replace("-", " ").split()
    i = 0
    while i < len(tokens):
        word = tokens[i]
        if word == "and" and tokens[i + 1:i + 3] == ["a", "half"]:
            current += 0.5
            i += 3
            continue
        if word == "half" and tokens[i + 1:i + 2] == ["a"]:
            current += 0.5
            i += 2
            continue
        if word in ("and", "a"):
            i += 1
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0.0
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        else:
            raise ValueError(f"not a number: {words!r}")
        i += 1
    return total + current


def rounding_step(token: str) -> float:
    """The unit of the last stated digit: `2` -> 1, `1.35` -> 0.01, `1,200` -> 100."""
    digits = token.replace(",", "")
    if not digits or not digits[0].isdigit():
        return 1.0
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


def rounding_margin(value: float, step: float) -> float:
    """Half the last digit's unit, but never more than 5% of the value: `$2 billion` is
    taken as 1.9-2.1 billion, not 1.5-2.5."""
    # a hair under half: `£1.2bn` and `£1.3bn` do not meet at £1.25bn
    return min(step / 2 * 0.999, abs(value) * 0.05)


def admitted_interval(figure: Figure) -> tuple[float, float]:
    """The closed interval of true values a figure is consistent with."""
    if figure.kind == "date":
        from digest.figures.dates import period_bounds

        return period_bounds(figure.period, figure.value)
    low = figure.low if figure.low is not None else figure.value
    high = figure.high if figure.high is not None else figure.value
    step = _step_of(figure)
    low -= rounding_margin(low, step)
    high += rounding_margin(high, step)
    cls = QUALIFIER_CLASS.get(figure.qualifier or "")
    if cls:
        lo_factor, hi_factor = QUALIFIER_BOUNDS[cls]
        # an open upper end stays open even for zero ("more than 0"): 0 * inf is not a number
        low, high = low * lo_factor, (math.inf if math.isinf(hi_factor) else high * hi_factor)
    if figure.kind == "duration":
        # durations compare in days, so "18 months" fits "1.5 years"
        days = DURATION_DAYS.get(figure.unit or "", 1.0)
        low, high = low * days, high * days
    return low, high


def _step_of(figure: Figure) -> float:
    """The rounding step of the figure's value, in value units."""
    import re

    numerals = re.findall(r"\d[\d,]*(?:\.\d+)?", figure.text)
    if not numerals:
        return abs(figure.value) * 0.1 or 1.0
    stated = parse_number(numerals[-1])
    scale = figure.value / stated if stated and figure.low is None else 1.0
    if figure.low is not None and stated:
        scale = (figure.high or figure.value) / stated
    if scale == 1.0 and "." not in numerals[-1] and not numerals[-1].endswith("0"):
        return 0.0  # `2,301 points` and `7 bullets` are exact: they do not round `2,302` or `8`
    return rounding_step(numerals[-1]) * abs(scale)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals share a point (with a relative epsilon)."""
    # the epsilon scales with the finite ends only: an open end ("at least 14") is infinite, and
    # an infinite epsilon would make every pair overlap
    eps = 1e-9 * max([1.0, *(abs(x) for x in (*a, *b) if math.isfinite(x))])
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps
