"""extract_figures(): find every figure in a piece of text, with its exact span and value."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from digest.figures import patterns as P
from digest.figures.dates import date_from_match
from digest.figures.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTIONS,
    SCALES,
    WORD_NUMBERS,
    parse_number,
)
from digest.model import Figure

#: Words that end a noun search after a number: `5 of the`, `3 to`, `10 per`.
_STOP_WORDS = frozenset(
    ["of", "the", "and", "to", "in", "on", "at", "by", "for", "with", "from", "a", "an", "or", "per", "than", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "its", "their", "this", "that", "which", "who", "whom", "whose", "it", "he", "she", "they", "we", "you", "his", "her", "our", "your", "into", "onto", "over", "under", "after", "before", "since", "until", "while", "when", "where", "year-over-year", "percent", "times"]
)
#: What follows a dash typed as a hyphen after a plural (`yards-breaking`, `defeats-and`): a
#: word that does not make a compound with a plural before it.
_GLUED_DASH_TAIL = re.compile(r"(?:and|but|or|the|a|an|which|who|that|his|her|its|their|[a-z]{3,}ing)$")
#: Plural-looking words that are not counted nouns.
_NOT_NOUNS = frozenset(
    ["this", "was", "has", "does", "is", "its", "plus", "across", "always", "perhaps", "whereas", "less", "thus", "yes", "us", "as", "his", "hers", "ours", "yours", "theirs", "news", "series", "various", "previous", "famous", "serious", "analysis", "basis", "crisis", "means", "focus", "bonus", "status", "campus", "virus"]
)
#: Nouns counted without a plural -s.
_IRREGULAR_PLURALS = frozenset(
    ["people", "staff", "personnel", "children", "men", "women", "police", "cattle", "sheep", "fish", "aircraft", "workforce", "employees",
     "feet"]
)
_TIME_UNITS = {"second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
               "month": "months", "year": "years", "decade": "decades"}
_ADVERB_BASIS = {"annually": "year", "yearly": "year", "weekly": "week", "monthly": "month", "daily": "day"}
#: Modifier words allowed between a number and its noun (`120 specialized AI researchers`).
_MODIFIER = re.compile(r"^(?:[A-Z]{2,}[\w\-]*|[A-Z]+-\d+\w*|[A-Z][a-z]+(?:an|ic|ish|ese|i)|[a-z]+(?:ed|al|ic|ful|ive|ous|ary|ing|ior|ime|ew|ull|ll|rd|th)|"
                       r"other|more|young|old|new|small|large|big|top|senior|junior|local|former|elderly|adult|"
                       r"unarmed|armed|teenage|male|female|biology|police|fire|news|hospital|school|state|city|"
                       r"front|key|major|minor|extra|live|dead|missing|injured|wounded|[a-z]+-[a-z]+|[a-z]{3,}ly)$")


#: A numeral with one dot and three digits after it: thousands in some locales (`1.200`).
_DOT_THOUSANDS = re.compile(r"^\d{1,3}\.\d{3}$")


@dataclass(slots=True)
class _Span:
    """A figure's span while it is being read (mutable; becomes a frozen Figure)."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None


def extract_figures(text: str, /, *, year: int | None = None) -> list[Figure]:
    """Every figure in `text`, in reading order, with spans that are slices of `text`.

    `year` is the year the text was published: it resolves `Sept. 12` and `two years ago`.
    """
    found: list[Figure] = []
    taken = bytearray(len(text))

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def keep(figure: Figure) -> None:
        found.append(figure)
        taken[figure.start:figure.end] = b"\x01" * (figure.end - figure.start)

    # a pattern runs only on text holding what it needs (a year's digits, a month, "quarter"):
    # one cheap look per block instead of a scan per pattern
    low = text.lower()
    for m in P.PHONE_NUMBER.finditer(text):
        # `call police on 0845 125 2222`, `dial 911`: a number to call, not a quantity
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    has_year = P.YEAR_DIGITS.search(text) is not None
    has_month = any(month in low for month in _MONTH_STEMS)
    for kind, pattern in P.DATE_PATTERNS:
        if not _may_match(kind, low, has_year, has_month):
            continue
        for m in pattern.finditer(text):
            if not free(*m.span()) or (kind == "year" and _year_is_a_count(text, m)):
                continue
            dated = date_from_match(kind, m.groupdict(), year=year)
            if dated:
                label, value = dated
                keep(Figure(m.group(), "date", value, None, None, None, None, m.start(), m.end(), label))
    for m in P.FRACTION.finditer(text) if ("quarter" in low or "third" in low or "half" in low) else ():
        if free(*m.span()) and (m.group().lower().endswith(" of") or P.FRACTION_OF.match(text, m.end())
                                or P.FRACTION_LEAD.search(text, max(0, m.start() - 20), m.start())
                                or not m.group().lower().startswith(("a ", "one "))):
            start, end = m.start("f"), m.end("f")
            value = FRACTIONS[" ".join(m["f"].lower().split())]
            matched = text[start:end]
            if matched.lower().endswith(" of"):
                end -= 3
            keep(Figure(text[start:end], "percent", value, None, None, "%", None, start, end))
    for m in P.HALF.finditer(text) if ("half" in low or "century" in low) else ():
        if free(*m.span()):
            keep(_half(text, m))
    for multiplier in P.MULTIPLIER_WORD.finditer(text) if any(w in low for w in _MULTIPLIERS) else ():
        # found from its multiplier: searching every word of a text for one costs more
        lead = P.LONG_NUMBER_LEAD.search(text, max(0, multiplier.start() - 40), multiplier.start())
        long = P.LONG_NUMBER.match(text, lead.start()) if lead else None
        if long and not taken[long.start()] and (figure := _read_number(text, long, year=year)) \
                and free(figure.start, figure.end):
            keep(figure)
    for m in P.NUMBER_START.finditer(text):
        if taken[m.start()]:
            continue
        figure = _read_number(text, m, year=year)
        if figure and free(figure.start, figure.end):
            keep(figure)
    for m in P.ORDINAL_COUNT.finditer(text):
        # `the sixth round`, `his 58th victory`, `an eighth straight win`: the Nth of a count
        joined = m["joined"] is not None
        if joined and not P.COMPOUND_AFTER.match(text, m.end()):
            continue  # `sixth-` joined to nothing after it is no count
        noun = m["n"].lower()
        if free(m.start(), m.end()) and noun not in P.NOT_ORDINAL_NOUNS and noun not in _STOP_WORDS and (
                m["streak"] or joined or not P.ANOTHER_BEFORE.search(text, max(0, m.start() - 4), m.start())):
            word = m["o"].lower()
            value = parse_number(word[:-2]) if word[0].isdigit() else float(P.ORDINAL_WORDS[word])
            keep(Figure(m.group(), "count", value, None, None, m["n"], None, m.start(), m.end()))
    for number in P.ONE_WORD.finditer(text) if "one" in low else ():
        person = P.ONE_PERSON_AFTER.match(text, number.end())
        if taken[number.start()] or not (person or P.ONE_SPAN_AFTER.match(text, number.end()) or (
                P.ONE_BEFELL_BEFORE.search(text, max(0, number.start() - 12), number.start())
                and not P.ONE_NOT_AFTER.match(text, number.end()))):
            continue
        figure = _read_number(text, number, year=year, one=True)
        if figure and free(figure.start, figure.end):
            if person:  # "One person": a count of one
                end = person.end()
                figure = replace(figure, text=text[figure.start:end], kind="count", unit=person.group().strip(), end=end)
            keep(figure)
    for glued in P.GLUED_CURRENCY_NUMBER.finditer(text):
        digits = P.NUMBER.match(text, glued.start("n"))
        if digits and not taken[digits.start()] and (figure := _read_number(text, digits, year=year)) \
                and free(figure.start, figure.end):
            keep(figure)
    found.sort(key=lambda f: f.start)
    return found


#: Date patterns that need a year's four digits (19xx, 20xx) somewhere in the text, and those
#: that need a month's name.
_NEEDS_YEAR = frozenset({"iso", "quarter", "half", "month_year", "part", "season", "year"})
_NEEDS_MONTH = frozenset({"month_day", "day_month", "month_year", "quarter_to"})
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MULTIPLIERS = ("hundred", "thousand", "million", "billion")


def _half(text: str, m: re.Match[str]) -> Figure:
    """A half in words (`P.HALF`): `four and a half months` is 4.5 months, `a mile and a half`
    1.5 miles, `half an hour` 0.5 hours, `a quarter-century` 25 years; with the qualifier
    before it (`nearly a quarter-century`)."""
    if m["c"]:
        kind, unit, value = "duration", "years", 25.0 if m["c"].lower() == "quarter" else 50.0
    else:
        word = (m["u"] or m["u2"] or m["u3"]).lower()
        kind, unit = P.HALF_UNITS[word]
        count = m["n"] or m["n2"]
        whole = 0.0 if count is None else 1.0 if count.lower() in ("a", "an") else float(
            count if count.isdigit() else WORD_NUMBERS[count.lower()])
        value = whole + 0.5
        if unit == "centuries":  # read in years, as durations are compared
            unit, value = "years", value * 100
    qual = P.QUALIFIER_BEFORE.search(text[max(0, m.start() - 40):m.start()])
    start = m.start() - len(qual.group()) if qual else m.start()
    qualifier = " ".join(qual["q"].lower().split()) if qual else None
    return Figure(text[start:m.end()], kind, value, None, None, unit, qualifier, start, m.end())


def _may_match(kind: str, low: str, has_year: bool, has_month: bool) -> bool:
    """Whether date pattern `kind` can match a text (lower-cased `low`): false only where the
    text lacks something every match of it holds."""
    if kind in _NEEDS_MONTH and not has_month:
        return False
    if kind in _NEEDS_YEAR:
        return has_year
    if kind == "quarter_only":
        return "quarter" in low or any(f"q{i}" in low for i in "1234")
    if kind == "quarter_to":
        return "three months" in low
    if kind == "fiscal":
        return "fy" in low or "fiscal" in low
    return True


def _year_is_a_count(text: str, m: re.Match[str]) -> bool:
    """`2000 employees` is a count, `in 2000` is a year."""
    noun = _count_noun(text, m.end())
    if noun is None:
        return False
    before = text[max(0, m.start() - 12):m.start()].lower().split()
    return not before or before[-1] not in ("in", "since", "by", "of", "from", "until", "during")


def _read_number(text: str, m: re.Match[str], *, year: int | None, one: bool = False) -> Figure | None:
    """Read the figure that starts at numeral `m`, or None where it is part of a name."""
    token = m.group()
    is_word = token[0].isalpha()
    start, pos = m.start(), m.end()
    before = text[max(0, start - 40):start]

    currency = None
    cur = P.CURRENCY_BEFORE.search(before)
    if cur and not is_word:
        currency = CURRENCY_SYMBOLS.get(cur["cur"].strip().lower(), cur["cur"].strip().upper())
        start -= len(cur["cur"])
    elif (not is_word and ((P.IDENTIFIER_BEFORE.search(before) and not P.MINUS_BEFORE.search(before)) or (
            P.IDENTIFIER_AFTER.match(text, pos) and not _compound(text, pos) and not P.PLUS_BEFORE_NOUN.match(text, pos)
            and not P.GLUED_UNIT.match(
                text, pos + (text[pos:pos + 1] == "-"))))
          and not P.SCALE.match(text, pos) and not P.MULTIPLE.match(text, pos)):
        return None  # part of a name or code: GPT-4, COVID-19, 4th
    if not is_word and (clock := P.GAME_CLOCK.match(text, pos)):
        seconds = parse_number(token) * 60 + int(clock["s"])  # "with 7:42 left": a game clock
        return Figure(text[m.start():clock.end()], "duration", seconds, None, None, "seconds", None, m.start(),
                      clock.end())
    if P.CLOCK.match(text, pos):
        return None  # a time of day: 3 p.m., 6:41
    if not is_word and (P.SCORE_BEFORE.search(text, max(0, start - 8), start) or _is_score(text, token, pos)):
        return None  # a game's score or a record: 91-73, 20-2, 52-3
    value = parse_number(token)
    if is_word and (dozen := P.DOZEN.match(text, pos)):
        value, pos = value * 12, dozen.end()
    elif not is_word and (frac := P.MIXED_FRACTION.match(text, pos)):
        value, pos = value + int(frac["n"]) / int(frac["d"]), frac.end()
    plus = P.PLUS_BEFORE_NOUN.match(text, pos)
    if plus:
        pos = plus.end()  # `20-plus years`: more than 20 years (the qualifier is set below)
    span = _Span(start, pos, value)
    figure_start = start
    between = P.BETWEEN_BEFORE.search(text[max(0, start - 40):start])
    lead = start - len(between.group()) if between else start
    qual = P.QUALIFIER_BEFORE.search(text[max(0, lead - 40):lead])
    if qual:
        span.qualifier = " ".join(qual["q"].lower().split())
    elif plus:
        span.qualifier = "plus"

    scaled = _scale(text, span, currency is not None)
    percent = P.PERCENT.match(text, span.end)
    if percent:
        span.end = percent.end()
    after_from = bool(P.FROM_BEFORE.search(text[max(0, start - 6):start]))
    ranged = _range(text, span, currency, scaled, allow_and=bool(between), after_from=after_from)
    if between and not ranged:
        # "between" and a qualifier before it belong to some other phrase
        qual, span.qualifier = None, None
    else:
        figure_start = lead
    if qual:
        figure_start -= len(qual.group())
    if not qual and not between and (minus := P.MINUS_BEFORE.search(text, max(0, figure_start - 6), figure_start)):
        span.value = -span.value  # "minus five percent", "−3%"
        figure_start = minus.start()
    span.start = figure_start
    if not percent:
        percent = P.PERCENT.match(text, span.end)
        if percent:
            span.end = percent.end()

    kind: str
    unit: str | None
    period = None
    if percent:
        kind, unit = "percent", ("percentage points" if percent["points"] else "%")
    elif currency:
        kind, unit = "money", currency
    elif (after := P.CURRENCY_AFTER.match(text, span.end)) and (
        after["code"] or after["sym"] or scaled or (after["word"] or "").lower() not in ("pounds", "won")
    ):
        kind = "money"
        unit = after["code"] or CURRENCY_SYMBOLS.get(after["sym"] or "") or CURRENCY_WORDS[(after["word"] or "").lower()]
        span.end = after.end()
        if scaled is None:
            _scale(text, span, True)  # `75 USD million`
    elif span.low is None and (compound := _compound(text, span.end)):
        joined, end, _ = compound
        if joined.rstrip("s") in _TIME_UNITS:
            kind, unit = "duration", _TIME_UNITS[joined.rstrip("s")]
            if unit == "decades":  # "a three-decades-old record" is 30 years old
                unit, span.value = "years", span.value * 10
        elif not is_word and P.NAME_BEFORE.search(text[max(0, start - 30):start]):
            return None  # a name and its number: "Route 66-style"
        else:
            kind, unit = "count", _plural(joined)
        span.end = end
        _inches(text, span, unit)
    elif time := P.TIME_UNIT.match(text, span.end):
        kind, unit = "duration", _TIME_UNITS.get(time["unit"].lower().rstrip("s"), time["unit"])
        span.end = time.end()
        if unit == "minutes" and span.low is None and (secs := P.AND_SECONDS.match(text, span.end)):
            unit, span.value = "seconds", span.value * 60 + int(secs["s"])  # "7 minutes 41 seconds"
            span.end = secs.end()
        if unit == "decades":  # "more than six decades" is 60 years, beside "over 60 years"
            unit, span.value = "years", span.value * 10
            span.low, span.high = (None if span.low is None else span.low * 10,
                                   None if span.high is None else span.high * 10)
        if aged := P.OLD.match(text, span.end):
            span.end = aged.end()  # an age: "85 years old"
        if (ago := P.AGO.match(text, span.end)) and span.low is None:
            span.end = ago.end()
            years_back = span.value if unit == "years" else span.value / 12
            if year is not None and unit in ("years", "months") and 0 <= years_back < year:
                # a year of the common era; "99999 years ago" (or a 400-digit N) stays a span
                kind, unit = "date", None
                span.value = float(int(year - years_back))
                period = str(int(span.value))
    elif token.lower() == "twice":
        if P.MULTIPLE_AFTER_TWICE.match(text, span.end):
            return None  # "twice as many", "twice the size": a multiple
        kind, unit = "count", "times"
    elif times := P.TIMES.match(text, span.end):
        kind, unit = "count", "times"
        span.end = times.end()
    elif P.MULTIPLE.match(text, span.end) and not is_word:
        kind, unit = "number", "x"
        span.end += 1
    elif not is_word and not scaled and not span.qualifier and span.low is None and \
            P.NAME_BEFORE.search(text[max(0, start - 30):start]):
        return None  # a name and its number: "Halo 3", "Pixel 11"
    elif not is_word and (spaced := P.SPACED_UNIT.match(text, span.end)):
        kind, unit = "count", spaced["u"]  # `120 mph`, `2.66 GHz`
        span.end = spaced.end()
    elif (noun := _count_noun(text, span.end)) is not None:
        if P.ANONYMOUS_SOURCES.match(text, noun[1]):
            return None  # "two people familiar with the matter" are sources, not a figure
        kind, unit = "count", noun[0]
        span.end = noun[1]
        _inches(text, span, unit)
        if not scaled and _DOT_THOUSANDS.match(token):
            # "1.200 Mitarbeiter": no one counts 1.2 workers; the dot groups thousands
            span.value = parse_number(token.replace(".", ""))
    elif not is_word and (scale := P.SCALE_NOUN.match(text, span.end)):
        kind, unit = "count", scale["n"].lower()  # "a 7.6 magnitude quake"
        span.end = scale.end()
    elif not is_word and (scale := P.SCALE_NOUN_BEFORE.search(text, max(0, start - 12), start)):
        kind, unit = "count", scale["n"].lower()  # "magnitude 6.1"
    elif not is_word and (glued := P.GLUED_UNIT.match(text, span.end + (text[span.end:span.end + 1] == "-"))):
        kind, unit = "count", glued["u"]  # `2,000ft`, `2.66-GHz`
        span.end = glued.end()
    elif is_word and span.low is None and (one or P.WORD_NUMBER_END.match(text, span.end)):
        kind, unit = "number", None  # "three of them", "killing four."
    elif is_word or P.NAME_BEFORE.search(text[max(0, start - 30):start]) or (
            text[start - 1:start] == "(" and text[span.end:span.end + 1] == ")" and span.value < 100):
        return None  # a name ("Llama 3"), or a reference marker "(1)"
    elif _DOT_THOUSANDS.match(token) and token.endswith("0") and not scaled and not span.qualifier:
        return None  # "1.200 Mitarbeiter": 1.2 or 1,200? Left out rather than read wrong
    else:
        kind, unit = "number", None

    per = None
    if kind == "money" and (basis := P.PER.match(text, span.end)):
        per = (basis["per"] or _ADVERB_BASIS.get((basis["adv"] or "").lower(), "")).lower() or None
        span.end = basis.end()
    if span.qualifier is None and (trail := P.TRAILING_QUALIFIER.match(text, span.end)):
        span.qualifier = trail["q"] or trail["p"]
        span.end = trail.end()
    if not all(math.isfinite(v) for v in (span.value, span.low or 0.0, span.high or 0.0)):
        return None
    return Figure(text[span.start:span.end], kind, span.value, span.low, span.high, unit,
                  span.qualifier, span.start, span.end, period, per)


def _scale(text: str, span: _Span, has_currency: bool) -> float | None:
    """Apply a scale word after the number (`2 billion`, `$800M`); return the scale used."""
    sm = P.SCALE.match(text, span.end)
    if not sm:
        return None
    word = (sm["word"] or sm["glued"]).lower()
    if sm["glued"] and len(word) == 1 and not has_currency and not (
            _count_noun(text, sm.end()) or P.CURRENCY_AFTER.match(text, sm.end())):
        return None  # `2m` is two metres, but `2m users` and `2m euros` are millions
    scale = SCALES[word]
    span.value *= scale
    span.end = sm.end()
    return scale


def _range(
    text: str, span: _Span, currency: str | None, scale: float | None, *, allow_and: bool, after_from: bool
) -> bool:
    """Extend `span` over a range's second half (`to $10 million`); True if it was a range."""
    joint = P.RANGE_JOINT.match(text, span.end)
    if not joint or after_from:
        return False
    word = joint.group().strip()
    if word == "and" and not allow_and:
        return False
    pos = joint.end()
    cur2 = P.CURRENCY_AT.match(text, pos)
    if cur2:
        if currency is None:
            return False
        pos = cur2.end()
    m2 = P.NUMBER.match(text, pos)
    if not m2 or (m2.group()[0].isdigit() and P.IDENTIFIER_AFTER.match(text, m2.end())
                  and not P.SCALE.match(text, m2.end())):
        return False
    high = _Span(m2.start(), m2.end(), parse_number(m2.group()))
    scale2 = _scale(text, high, currency is not None)
    low = span.value
    if scale is None and scale2 is not None:
        low *= scale2
    if not low < high.value:
        return False
    span.low, span.high, span.value = low, high.value, (low + high.value) / 2
    span.end = high.end
    return True


#: Words after a hyphen that make no counted noun: `30-odd`, `three-fold`, `5,000-strong`.
_NOT_COMPOUND_NOUNS = frozenset(["plus", "odd", "fold", "something", "like", "long", "wide", "strong", "point",
                                 "percent", "per", "and", "or", "to", "the", "of", "in", "for", "time", "times"])


def _is_score(text: str, token: str, pos: int) -> bool:
    """Whether the numeral is the first half of a score (`91-73`, `12-12`): a second numeral,
    after a hyphen, that is not larger (a range goes up)."""
    m = P.SCORE_AFTER.match(text, pos)
    return m is not None and parse_number(m["n"]) <= parse_number(token)


def _compound(text: str, pos: int) -> tuple[str, int, bool] | None:
    """The noun a number is hyphenated to (`15-year`, `12-gauge`, `35-year-old`): the noun, where
    the compound ends, and whether it is an age (`-old`)."""
    m = P.COMPOUND.match(text, pos)
    if not m:
        return None
    noun = m["noun"] or m["noun2"]
    if noun in _NOT_COMPOUND_NOUNS or noun.endswith(("ed", "ing", "ly")):
        return None
    old = bool(m["old"] or m["old2"])
    if old and noun.rstrip("s") not in _TIME_UNITS:
        return None
    return noun, m.end(), old


#: Nouns of a scale, not a count: `6.1-magnitude`, `12-gauge`, `.38-caliber` keep them singular.
_SCALE_NOUNS = frozenset({"magnitude", "gauge", "caliber", "calibre", "category", "grade", "level"})


def _inches(text: str, span: _Span, unit: str | None) -> None:
    """A height in feet and inches (`5-foot-8`, `6 feet 2 inches`): the inches join the feet
    (`5-foot-8` is 5.67 feet; "5-foot" alone was a count of "foots")."""
    if unit != "feet" or span.low is not None:
        return
    m = P.AND_INCHES.match(text, span.end)
    if m and int(inches := m["h"] or m["s"]) < 12:
        span.value += int(inches) / 12
        span.end = m.end()


def _plural(noun: str) -> str:
    """`mile` -> `miles`, `story` -> `stories`, `inch` -> `inches`, `foot` -> `feet` (a counted
    noun's plural)."""
    if noun == "foot":
        return "feet"
    if noun.endswith("s") or noun in _IRREGULAR_PLURALS or noun in _SCALE_NOUNS:
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "x")):
        return noun + "es"
    return noun + "s"


def _plural_like(lw: str) -> bool:
    """Whether a lower-case word looks like a plural noun (`engineers`, not `class` or `status`)."""
    return lw.endswith("s") and len(lw) > 3 and not lw.endswith(("ss", "us", "is", "'s")) and lw not in _NOT_NOUNS


def _count_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The counted noun after a number (`120 engineers` -> `engineers`) and where it ends."""
    m = P.NOUN_WORDS.match(text, pos)
    if not m:
        return None
    for i, word in enumerate(re.finditer(r"\s+(?:of\s+(?:the|his|her|their|its|our)\s+)?([A-Za-z][A-Za-z0-9'\-]*)",
                                         m.group())):
        w = word.group(1)
        end = pos + word.end()
        head, dash, tail = w.partition("-")
        if dash and _GLUED_DASH_TAIL.match(tail) and _plural_like(head.lower()) and head[0].islower():
            # a dash typed as a hyphen: `4,051 yards-breaking the record`, `three defeats-and`
            w, end = head, pos + word.start(1) + len(head)
        lw = w.lower()
        if lw in _STOP_WORDS:
            return None
        if lw in _IRREGULAR_PLURALS or (_plural_like(lw) and w[0].islower()):
            return lw, end
        if i == 2 or not _MODIFIER.match(w):
            return None
    return None
