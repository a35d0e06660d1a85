"""How a figure's normalised value is written for readers: `$2 billion`, `54%`, `Q3 2025`."""

from __future__ import annotations

import functools

from digest.figures.dates import describe_period
from digest.figures.patterns import ORDINAL_TEXT
from digest.model import Figure

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount(value: float, unit: str | None = None) -> str:
    """`2e9, "USD"` -> `$2 billion`; `1500` -> `1,500`."""
    for size, word in _SCALES:
        if abs(value) >= size:
            text = f"{_trim(value / size)} {word}"
            break
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if unit in _SYMBOLS:
        return f"{_SYMBOLS[unit]}{text}"
    if unit and unit.isupper() and len(unit) == 3:
        return f"{unit} {text}"
    return text


def ordinal(n: float) -> str:
    """`6` -> `6th`, `2292` -> `2,292nd`, `11` -> `11th`."""
    i = int(n)
    suffix = "th" if 10 <= i % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
    return f"{i:,}{suffix}"


def _trim(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".")


@functools.lru_cache(maxsize=1 << 16)
def normalised(f: Figure) -> str:
    """The figure's value as a reader-facing string, qualifier included (made once per figure:
    pages, annotations and exports ask again and again)."""
    if f.kind == "date":
        text = describe_period(f.period) if f.period else _trim(f.value)
    elif f.low is not None and f.high is not None:
        text = f"{_value(f.low, f)}–{_value(f.high, f)}"
    else:
        text = _value(f.value, f)
    if f.per:
        text += f" a {f.per}"
    return f"{f.qualifier} {text}" if f.qualifier else text


def _value(v: float, f: Figure) -> str:
    if f.kind == "money":
        return amount(v, f.unit)
    if f.kind == "percent":
        return f"{_trim(v)}%" if f.unit == "%" else f"{_trim(v)} {f.unit}"
    if f.kind == "count" and f.unit and ORDINAL_TEXT.match(f.text):
        return f"{ordinal(v)} {f.unit}"  # `the sixth round`: 6th round, not 6 round
    if f.kind in ("count", "duration"):
        return f"{amount(v)} {f.unit}" if f.unit else amount(v)
    if f.unit == "x":
        return f"{_trim(v)}×"
    return amount(v)


def exact(f: Figure) -> str:
    """The machine-exact value: `2,000,000,000 USD`, `54 %`, `2023-06`."""
    if f.kind == "date":
        return f.period or _trim(f.value)
    def one(v: float) -> str:
        return f"{v:,.6f}".rstrip("0").rstrip(".")
    core = f"{one(f.low)} to {one(f.high)}" if f.low is not None and f.high is not None else one(f.value)
    core = f"{core} {f.unit}" if f.unit else core
    return f"{core}/{f.per}" if f.per else core
