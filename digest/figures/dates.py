"""Dates and periods: a label such as `2025-Q3` and the span of years it covers.

A date's `value` is the decimal year at which its period starts (`June 2023` -> 2023.4167);
its `period` label says how long the period is, so `June 2023` fits inside `2023`.
"""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
#: Where in the year "early", "mid" and "late" fall, as (start, end) fractions.
PARTS = {
    "early": (0.0, 5 / 12), "start of": (0.0, 3 / 12), "beginning of": (0.0, 3 / 12),
    "mid": (3 / 12, 9 / 12), "late": (7 / 12, 1.0), "end of": (9 / 12, 1.0),
}
_LABEL = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?|-Q(?P<q>[1-4])|-H(?P<h>[12])"
    r"|-(?P<part>early|mid|late|start of|beginning of|end of)|/(?P<y2>\d{2}))?"
    r"|--(?P<om>\d{2})-(?P<od>\d{2}))$"
)


def month_number(name: str) -> int:
    """`Sept.` -> 9."""
    return MONTHS[name.lower().rstrip(".")[:3]]


def date_from_match(kind: str, groups: dict[str, str | None], *, year: int | None) -> tuple[str, float] | None:
    """A (period label, decimal-year value) for a DATE_PATTERNS match, or None if not a date.

    `year` is the article's own year, used where the text gives a month and day only.
    """
    y = int(groups["y"] or 0) if groups.get("y") else None
    if y is not None and groups.get("y") and len(groups["y"] or "") == 2:
        y = 2000 + y
    if kind == "iso" or (kind in ("month_day", "day_month") and groups.get("d")):
        month = int(groups["m"] or 0) if kind == "iso" else month_number(groups["mon"] or "")
        day = int(groups["d"] or 0)
        if not 1 <= day <= 31:
            return None
        if y is None:
            if year is None:
                return f"--{month:02d}-{day:02d}", (month - 1) / 12 + (day - 1) / 365
            y = year
        return f"{y}-{month:02d}-{day:02d}", y + (month - 1) / 12 + (day - 1) / 365
    if kind == "quarter_to":  # "the three months to September": the third quarter
        q = (month_number(groups["mon"] or "") - 1) // 3 + 1
        y = y if y is not None else year
        return (f"{y}-Q{q}", y + (q - 1) / 4) if y is not None else None
    if kind == "quarter_only":  # "the third quarter": of the article's own year
        if year is None:
            return None
        q = int(groups["q"] or 0) if groups.get("q") else ORDINALS[(groups["ord"] or "").lower()]
        return f"{year}-Q{q}", year + (q - 1) / 4
    if y is None:
        return None
    if kind == "quarter":
        q = int(groups["q"] or 0) if groups.get("q") else ORDINALS[(groups["ord"] or "").lower()]
        return f"{y}-Q{q}", y + (q - 1) / 4
    if kind == "half":
        h = int(groups["h"] or 0) if groups.get("h") else ORDINALS[(groups["ord"] or "").lower()]
        return f"{y}-H{h}", y + (h - 1) / 2
    if kind == "month_year":
        month = month_number(groups["mon"] or "")
        return f"{y}-{month:02d}", y + (month - 1) / 12
    if kind == "part":
        part = " ".join((groups["part"] or "").lower().split())
        return f"{y}-{part}", y + PARTS[part][0]
    if kind == "season":
        y2 = int(groups["y2"] or 0)
        if (y + 1) % 100 != y2:
            return None
        return f"{y}/{y2:02d}", y + 0.5
    return str(y), float(y)


def period_bounds(label: str | None, value: float) -> tuple[float, float]:
    """The span of decimal years a period label covers (`value` is used where the label has no
    year: `--09-12`)."""
    m = _LABEL.match(label or "")
    if not m:
        return value, value
    if m["om"]:
        return value, value + 1 / 365
    y = int(m["y"])
    if m["d"]:
        start = y + (int(m["m"]) - 1) / 12 + (int(m["d"]) - 1) / 365
        return start, start + 1 / 365
    if m["m"]:
        start = y + (int(m["m"]) - 1) / 12
        return start, start + 1 / 12
    if m["q"]:
        start = y + (int(m["q"]) - 1) / 4
        return start, start + 0.25
    if m["h"]:
        start = y + (int(m["h"]) - 1) / 2
        return start, start + 0.5
    if m["part"]:
        start, end = PARTS[m["part"]]
        return y + start, y + end
    if m["y2"]:
        return y + 0.5, y + 1.5
    return float(y), y + 1.0


def describe_period(label: str) -> str:
    """A reader-facing form of a period label: `2025-Q3` -> `Q3 2025`."""
    m = _LABEL.match(label)
    if not m:
        return label
    if m["om"]:
        return f"{_MONTH_NAMES[int(m['om'])]} {int(m['od'])}"
    y = m["y"]
    if m["d"]:
        return f"{_MONTH_NAMES[int(m['m'])]} {int(m['d'])}, {y}"
    if m["m"]:
        return f"{_MONTH_NAMES[int(m['m'])]} {y}"
    if m["q"]:
        return f"Q{m['q']} {y}"
    if m["h"]:
        return f"H{m['h']} {y}"
    if m["part"]:
        return f"{m['part']} {y}"
    if m["y2"]:
        return f"{y}/{m['y2']}"
    return y


_MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
