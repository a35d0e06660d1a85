"""Every pattern the figure extractor uses: named, compiled, built from commented token groups.

Patterns anchored with `\\G`-style `.match(text, pos)` read forwards from a number; the ones
ending in `$` read backwards over the text before it.
"""

from __future__ import annotations

import re

from digest.figures.numbers import CURRENCY_WORDS, FRACTIONS, QUALIFIER_CLASS, WORD_NUMBERS

# --- token groups ------------------------------------------------------------------------

# A numeral: grouped thousands (`1,200`, `1,200.5`) or plain digits with an optional decimal part.
_DIGITS = (r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\d|\.\d)|\d{1,3}(?:\.\d{3})+,\d+(?!\d|\.\d)"  # 1.200.000, €1.234,5
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![^\s(])\.\d+")  # ... and `.38-caliber`

# Number words that can start a count or duration (`three years`, `a dozen engineers`);
# "one", "a", "an" are left out: they are articles far more often than figures.
_WORD_NUMBER = "|".join(
    sorted(
        (re.escape(w) for w in WORD_NUMBERS if w not in ("one", "a", "an")),
        key=len,
        reverse=True,
    )
)
#: Numbers written out with a multiplier: `three hundred and forty two`, `fifteen hundred`,
#: `one and a half million`, `half a million` (parse_number reads them).
_SMALL_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
_MULTIPLIER = r"(?:hundred|thousand|million|billion)"
_LONG_WORDS = (
    rf"(?:half\s+a\s+{_MULTIPLIER}"
    rf"|{_SMALL_WORD}(?:-{_SMALL_WORD})?(?:\s+and\s+a\s+half)?\s+{_MULTIPLIER}"
    rf"(?:(?:\s+and|,)?\s+{_SMALL_WORD}(?:[\s-]{_SMALL_WORD})?(?:\s+{_MULTIPLIER})?)*)"
)
_TENS_ONES = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(?:one|two|three|four|five|six|seven|eight|nine)"
)

# Scale words; single letters only when glued to the numeral (`$800M`, `€72m`, `$2B`).
_SCALE_WORD = r"trillion|billion|million|thousand|bn|mn|mln|bln|tn|trn"
_SCALE_GLUED = r"bn|mn|tn|[kKmMbBtT]"

# Currency before the numeral: symbols, prefixed dollars, ISO codes.
_CURRENCY_PREFIX = r"\$US|US\$|(?<![A-Za-z])euro|A\$|C\$|HK\$|S\$|NZ\$|\$|€|£|¥|₹|(?:USD|EUR|GBP|JPY|CHF|CNY|INR|AUD|CAD)\s?"
_CURRENCY_CODE = r"USD|EUR|GBP|JPY|CHF|CNY|INR|AUD|CAD"
_CURRENCY_WORD = "|".join(sorted(map(re.escape, CURRENCY_WORDS), key=len, reverse=True))

_QUALIFIER = "|".join(
    sorted((re.escape(q) for q in QUALIFIER_CLASS if q not in ("or more", "plus")), key=len, reverse=True)
)

_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_ORDINAL = r"first|second|third|fourth|1st|2nd|3rd|4th"
_TIME_UNIT = r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?"

# --- forward patterns, matched at a numeral --------------------------------------------

#: A numeral or number word at a word boundary: where every figure but a date starts.
NUMBER_START = re.compile(
    rf"(?<![\w.,/:])(?:{_DIGITS}|(?i:{_TENS_ONES}|{_WORD_NUMBER})\b)(?!\.\d)",
)
#: A number written out with a multiplier, read in a pass before NUMBER_START (in it, the
#: alternative would be tried at every word of every text).
LONG_NUMBER = re.compile(rf"\b(?i:{_LONG_WORDS})\b(?!\.\d)")
#: A multiplier word, where a LONG_NUMBER may end its first part.
MULTIPLIER_WORD = re.compile(rf"\b(?i:{_MULTIPLIER})\b")
#: The words before a multiplier that start a LONG_NUMBER (read backwards from the multiplier).
LONG_NUMBER_LEAD = re.compile(rf"\b(?i:half\s+a|{_SMALL_WORD}(?:-{_SMALL_WORD})?(?:\s+and\s+a\s+half)?)\s+$")
#: A numeral glued to a currency written as letters (`$US1`, `USD115`, `euro110`, `RM10,099`):
#: NUMBER_START's look-behind leaves these out (a letter before them), so they are found apart.
GLUED_CURRENCY_NUMBER = re.compile(rf"(?:\$US|USD|EUR|GBP|euro|RM|Rs)(?P<n>{_DIGITS})(?!\.\d)")
#: The numeral itself, as used by NUMBER_START (for the second half of a range).
NUMBER = re.compile(rf"{_DIGITS}|(?i:{_LONG_WORDS}|{_TENS_ONES}|{_WORD_NUMBER})\b")
#: A scale after the numeral: spelled out (`2 billion`) or glued (`$2B`).
SCALE = re.compile(rf"(?:\s?(?P<word>{_SCALE_WORD})\b|(?P<glued>{_SCALE_GLUED})\b)", re.IGNORECASE)
#: The joint of a range: `12 to 18`, `15-20`, `between 1,000 and 1,200`.
RANGE_JOINT = re.compile(r"\s?(?:-|–|—)\s?|\s(?:to|and)\s")
#: A currency prefix at the second half of a range (`$5 million to $10 million`).
CURRENCY_AT = re.compile(rf"(?:{_CURRENCY_PREFIX})")
#: Percent after a number: `54%`, `12 percent`, `3 percentage points`.
PERCENT = re.compile(r"\s?(?:%|(?:\s|-)?(?P<points>percentage points?)|\s?percent\b|\sper\s?cent\b|\spct\b)")
#: A currency after the number: `1.2 billion dollars`, `200 USD`.
CURRENCY_AFTER = re.compile(rf"\s(?P<word>{_CURRENCY_WORD})\b|\s?(?P<code>{_CURRENCY_CODE})\b|\s?(?P<sym>[€£])")
#: A scale's noun after or before its number: `a 7.6 magnitude quake`, `magnitude 6.1`.
SCALE_NOUN = re.compile(r"\s+(?P<n>magnitude)\b", re.IGNORECASE)
SCALE_NOUN_BEFORE = re.compile(r"\b(?P<n>magnitude)\s+(?:of\s+)?$", re.IGNORECASE)
#: A unit glued to a number: `2,000ft`, `320GB`, `2.5cm`, `2.99kg`, `2.66GHz`.
GLUED_UNIT = re.compile(r"(?P<u>ft|km/h|km|cm|mm|kg|lbs?|GB|TB|MB|KB|GHz|MHz|mph|kph|kmh|sq ?ft|mAh|Wh|m)\b(?!/)")
#: A unit symbol or a storage or frequency unit's name after a space: `120 mph`, `2.66 GHz`, `2.5
#: kg`, `70 km/h`, `320 gigabyte` (not `m`, which may be
#: a million, nor `in`, a preposition, nor `ft`, whose `5 ft 8 in` the feet-and-inches reading
#: does not take yet).
SPACED_UNIT = re.compile(r"[ \u00a0](?P<u>km/h|km|cm|mm|kg|lbs?|GB|TB|MB|KB|GHz|MHz|mph|kph|kmh|mAh|Wh|"
                         r"(?:giga|mega|tera|kilo)(?:bytes?|hertz))(?![\w/])")
#: After a bare number word, what makes it a figure: `three of them`, `killing four.`
WORD_NUMBER_END = re.compile(r"\s+of\s+(?:them|whom|those|these|us)\b|\s*[,.;:)!?]")
#: A time unit after the number: `18 months`, `a five-year plan`.
TIME_UNIT = re.compile(rf"(?:\s|-)(?P<unit>{_TIME_UNIT})\b", re.IGNORECASE)
#: A number joined to a lowercase noun by a hyphen: `15-year`, `35-year-old`, `12-gauge`,
#: `three-story`, `6.1-magnitude`. The noun may be followed by `-old` (an age).
#: The inches of a height after its feet: `5-foot-8`, `5-feet-8-inch`, `6 feet 2 inches`.
AND_INCHES = re.compile(r"-(?P<h>\d{1,2})(?:-inch(?:es)?)?(?![\w-])|\s+(?P<s>\d{1,2})\s*(?:inch(?:es)?|in\.)(?!\w)")
COMPOUND = re.compile(r"-(?P<noun>[a-z]{2,})(?P<old>-old)?\b(?!-[a-z])|-(?P<noun2>years?)-(?P<old2>old)\b")
#: A score's halves: `91-73` (a range would go up: `15-20`).
SCORE_AFTER = re.compile(r"[-–](?P<n>\d{1,3})\b(?![.,/]\d|%|-)")
SCORE_BEFORE = re.compile(r"\b\d{1,3}[-–]$")
#: "old" after an age: `85 years old`, `48-years-old`.
OLD = re.compile(r"[\s-]old\b")
#: A time of day after a number: `3 p.m.`, `11pm`, `6:41`, `10 o'clock`. Not a figure.
CLOCK = re.compile(r"(?::[0-5]\d)|\s?(?:[ap]\.\s?m\.|[ap]m\b|o'clock\b)|\s(?:GMT|UTC|[ECMP][SD]T|BST|CET)\b",
                   re.IGNORECASE)
#: `N times` as a count of occasions (`married three times`), not a multiple (`three times the`).
TIMES = re.compile(r"\s+times\b(?!\s+(?:the|as|more|less|higher|lower|larger|bigger|smaller|greater|faster|"
                   r"that|what|its|their|his|her|over)\b)", re.IGNORECASE)
#: After "twice", words that make it a multiple (`twice as many`, `twice the size`), not a count.
MULTIPLE_AFTER_TWICE = re.compile(r"\s+(?:as|the|that|what|its|their|his|her|a|an|more|over)\b", re.IGNORECASE)
#: "minus" (or the minus sign) before a number makes it negative: `minus five percent`, `−3%`.
MINUS_BEFORE = re.compile(r"(?:\bminus[\s-]+|−)$", re.IGNORECASE)
#: A game clock: `with 7:42 left`, `7:41 remaining` (a duration, not a time of day).
GAME_CLOCK = re.compile(r":(?P<s>[0-5]\d)(?=\s+(?:left|remaining|to go|to play|on the clock|"
                        r"(?:into|of)\s+(?:the\s+)?(?:\w+\s+)?(?:round|quarter|half|period|inning|set|overtime|game|fight|bout)s?)\b)")
#: Seconds after minutes: `7 minutes 41 seconds`, `2 minutes and 5 seconds`.
AND_SECONDS = re.compile(r"\s+(?:and\s+)?(?P<s>[0-5]?\d)\s+seconds?\b")
#: "one" as a count: before a noun for one person (`One person`, `one officer`), or after what
#: befell them (`killing one`). Elsewhere "one" is an article far more often than a figure.
ONE_WORD = re.compile(r"\b[Oo]ne\b")
ONE_PERSON_AFTER = re.compile(r"\s+(?:person|man|woman|child|boy|girl|teen|teenager|officer|deputy|worker|"
                              r"employee|student|victim|suspect|resident|soldier|civilian|passenger|climber|"
                              r"firefighter|protester)\b")
#: "one" hyphenated to a unit of time: `a one-year extension`, `a one-game ban` is no time.
ONE_SPAN_AFTER = re.compile(rf"-(?:{_TIME_UNIT})\b(?!-old)")
ONE_BEFELL_BEFORE = re.compile(r"\b(?:killing|killed|injuring|injured|wounding|wounded|leaving)\s+$")
ONE_NOT_AFTER = re.compile(r"\s+of\b|-")
#: `dozen` after a number word: `two dozen`, `three dozen`.
DOZEN = re.compile(r"\s+dozen\b", re.IGNORECASE)
#: A fraction after a whole number: `2 1/2`, `2-1/2`.
MIXED_FRACTION = re.compile(r"[\s-](?P<n>[1-9])/(?P<d>[2-9])\b")
#: "ago" after a duration makes it a date relative to the article's own date.
AGO = re.compile(r"\s+ago\b")
#: A multiple: `2.5x`, `3x`.
MULTIPLE = re.compile(r"x\b")
#: Up to three words after a number, one of which may be the counted noun.
NOUN_WORDS = re.compile(r"(?:\s+(?:of\s+(?:the|his|her|their|its|our)\s+[A-Za-z]|[A-Za-z])[A-Za-z0-9'\-]*){1,3}")
#: Not a group that counts what follows (`call 120 witnesses`, `0800 1234 567 24 hours a day`).
_NOT_COUNTED = r"(?!\s+(?:[a-z]{3,}s|hours?|days?|minutes?)\b)"
#: A telephone number or code: digit groups that start with a 0 (`0800 555 111`, `020 7946
#: 0018`, `02134`) or with `+` and a country code, the North American `(555) 123-4567` and
#: `555-123-4567`, or any number right after `call`, `dial`, `phone` or `ring` (`call 101`).
PHONE_NUMBER = re.compile(r"(?<![\w.,])(?:\+\d{1,3}(?:\s?\(0\)\d+|[\s-]\(?\d+\)?" + _NOT_COUNTED + r")(?:[\s-]\(?\d+\)?" + _NOT_COUNTED + r")*|"
                          r"0\d{2,}(?:[\s-]\d+" + _NOT_COUNTED + r")*|\(\d{3}\)\s?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|"
                          r"(?:(?<=\b[Cc]all )|(?<=\b[Dd]ial )|(?<=\b[Pp]hone )|(?<=\b[Rr]ing ))\d{3,}" + _NOT_COUNTED
                          + r"(?:[\s-]\d{3,}" + _NOT_COUNTED + r")*)(?![\w.,]?\d)")
#: Ordinals from the second on, as words (`first` is rarely a count).
ORDINAL_WORDS = {w: i for i, w in enumerate([
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth"], start=2)}
#: An ordinal and the noun it counts: `the sixth round`, `his 58th victory`, `an eighth straight
#: win`, `his 16th straight fight`, `his 2,292nd point`.
ORDINAL_COUNT = re.compile(r"(?<![\d,])\b(?P<o>(?i:\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r"))"
                           r"(?:\s+(?P<streak>(?:straight|consecutive|successive|career)\s+)?|(?P<joined>-))"
                           r"(?P<n>[a-z][a-z]{2,})\b(?!-)")
#: After `sixth-round`: the noun it is joined to (`a sixth-round stoppage`); `a` before it is that
#: noun's, so the ordinal still says which round.
COMPOUND_AFTER = re.compile(r"\s+[a-z]{3,}\b")
#: A figure's text that starts with an ordinal (`sixth round`, `sixth-round`, `58th victory`).
ORDINAL_TEXT = re.compile(r"(?i:\d[\d,]*(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")[\s-]")
#: `a` or `an` right before an ordinal: `a second mother` is another one (`a third straight win` is
#: still the third).
ANOTHER_BEFORE = re.compile(r"\b[Aa]n?\s+$")
#: Nouns after an ordinal that name a place in a series, not a count: `the 21st century`, `the
#: second half`, `Fifth Avenue`, `the third quarter`.
NOT_ORDINAL_NOUNS = frozenset([
    "quarter", "quarters", "half", "century", "centuries", "anniversary", "street", "avenue", "floor",
    "grade", "amendment", "place", "party", "largest", "biggest", "best", "most", "highest", "lowest",
    "generation", "degree", "hand", "class", "division", "district", "precinct", "ward", "annual", "day",
    "week", "month", "year", "hour", "minute", "overall", "pick", "time", "rate", "tier", "string", "world",
    "guess", "seeded", "ranked", "leading", "ever",
    # function words the extractor's stop words (extract.py, which it checks too) leave out: `to
    # start the third but the bell had not rung` counts no `but`
    "but", "nor", "yet", "then", "these", "those", "there", "will", "would", "could", "should", "through",
    "against", "during", "not", "all", "also", "because", "about", "one"])
#: Anonymous sourcing after a count of people: `two people familiar with the matter`.
ANONYMOUS_SOURCES = re.compile(r"\s+(?:familiar with|close to|with (?:direct )?knowledge|briefed on|"
                               r"who (?:asked|spoke|declined)|speaking on condition)")
#: `-plus` between a number and its noun: `20-plus years`, `three-plus seasons` (more than).
PLUS_BEFORE_NOUN = re.compile(r"-plus(?=\s+[a-z])")
#: A qualifier after the figure: `$2 billion or more`, `$2 billion-plus`.
TRAILING_QUALIFIER = re.compile(r"\s(?P<q>or more)\b|-(?P<p>plus)\b")

# --- backward patterns, matched against the text before a numeral -------------------------

#: Currency immediately before the numeral.
CURRENCY_BEFORE = re.compile(rf"(?P<cur>(?:{_CURRENCY_PREFIX}|RM|Rs\.?|R\$)\s?)$")
#: A qualifier before the figure (and before its currency).
QUALIFIER_BEFORE = re.compile(rf"(?:^|(?<=[\s(\"“‘'—–-]))(?P<q>{_QUALIFIER})\s+$", re.IGNORECASE)
#: "between" before the first half of a range.
BETWEEN_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<between>between)\s+$", re.IGNORECASE)
#: "from" before a number: `from 5% to 10%` is a change, not a range.
FROM_BEFORE = re.compile(r"(?:^|\s)from\s+$", re.IGNORECASE)
#: A capitalised name right before a numeral (`Llama 3`, `Windows 11`): a name, not a figure.
NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][A-Za-z]*[a-z][A-Za-z]*\s$")
#: A letter or a letter and hyphen right before a numeral (`GPT-4`, `COVID-19`).
IDENTIFIER_BEFORE = re.compile(r"[A-Za-z]-?$")
#: A letter glued after a numeral (`4th`, `3D`), or a hyphenated word (`4-class`).
IDENTIFIER_AFTER = re.compile(r"[A-Za-z]|-[A-Za-z]")

# --- dates: searched over the whole text before numbers are read ------------------------

#: A year's four digits anywhere: most date patterns need one.
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 2025-06-12
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    # the first quarter of 2026, Q3 2025, third-quarter 2024
    ("quarter", re.compile(
        rf"\b(?:(?:the\s+)?(?P<ord>{_ORDINAL})[\s-]quarter(?:\s+of)?(?:\s+fiscal)?|Q(?P<q>[1-4]))"
        rf"\s*(?:FY\s?)?(?P<y>{_YEAR})\b", re.IGNORECASE)),
    # the third quarter, third-quarter (revenue): the article's own year
    ("quarter_only", re.compile(
        rf"\b(?:(?:the\s+)?(?P<ord>{_ORDINAL})[\s-]quarter\b(?!\s+of\s+(?:19|20)\d{{2}}|\s*(?:19|20)\d{{2}}|\s+of\s+the)"
        rf"|Q(?P<q>[1-4])\b(?!\s*(?:FY\s?)?(?:19|20)\d{{2}}))", re.IGNORECASE)),
    # the three months to September: the quarter that month ends
    ("quarter_to", re.compile(
        rf"\b(?:the\s+)?three months (?:to|ended|ending|through|until)\s+(?:the end of\s+)?(?P<mon>{_MONTH})"
        rf"(?:\s+(?P<y>{_YEAR}))?\b", re.IGNORECASE)),
    # the first half of 2025, H2 2024
    ("half", re.compile(
        rf"\b(?:(?:the\s+)?(?P<ord>first|second)\s+half\s+of|H(?P<h>[12]))\s*(?P<y>{_YEAR})\b")),
    # September 12, 2025 / Sept. 12
    ("month_day", re.compile(
        rf"\b(?P<mon>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent))"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?")),
    # 12 September 2025
    ("day_month", re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    # June 2023
    ("month_year", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    # late 2024, mid-2024, early 2025, the end of 2025
    ("part", re.compile(
        rf"\b(?P<part>early|mid|late|end of|start of|beginning of)[\s-](?P<y>{_YEAR})\b",
        re.IGNORECASE)),
    # fiscal 2025, FY2025, FY25
    ("fiscal", re.compile(rf"\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<y>{_YEAR}|\d{{2}})\b")),
    # 2025-26, 2012/13: a season or fiscal year, not a range
    ("season", re.compile(rf"\b(?P<y>{_YEAR})[-–/](?P<y2>\d{{2}})\b(?![-–/]\d)")),
    # 2023
    ("year", re.compile(
        rf"(?<![\d$€£¥.,\-–/])\b(?P<y>{_YEAR})\b(?![,.]\d|%|\s?(?:{_SCALE_WORD})\b|[-–/]\d)")),
)

#: The percent fractions news prose spells out: `two-thirds of`, `three-quarters`.
FRACTION = re.compile(
    r"\b(?P<f>" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

#: What makes a fraction word a fraction: "of" after it, or a change or qualifier before it.
FRACTION_OF = re.compile(r"\s+of\b|\s*(?:[.,;:)!?]|$)")
FRACTION_LEAD = re.compile(r"\b(?:by|nearly|almost|about|roughly|around|more than|over|under|than|some|cut|"
                           r"lost|lose|shed|gained?|is|was|were|are|just)\s+$", re.IGNORECASE)
#: A basis after an amount: `£104 a year`, `$52 a share`, `£2 per week`, `$40/month`.
PER = re.compile(r"(?:(?:\s+|-)(?:a|an|per|each)(?:\s+|-)|\s?/\s?)(?P<per>share|year|week|month|day|hour|head|person|"
                 r"household|home|capita)\b|\s+(?P<adv>annually|yearly|weekly|monthly|daily)\b", re.IGNORECASE)

#: Sentence boundaries: a stop, optional closing quotes, space, then a capital or a quote.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9$€£])")
#: Words before a stop that do not end a sentence.
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|approx|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|e\.g|i\.e|etc)|\b[A-Z])\.$"
)


#: Time and distance units a half can go with, singular and plural, with the unit each is read in.
HALF_UNITS: dict[str, tuple[str, str]] = {
    **{u: ("duration", u + "s") for u in ("second", "minute", "hour", "day", "week", "month", "year", "decade")},
    **{u + "s": ("duration", u + "s") for u in ("second", "minute", "hour", "day", "week", "month", "year", "decade")},
    "century": ("duration", "centuries"), "centuries": ("duration", "centuries"),
    **{u: ("count", u + "s") for u in ("mile", "kilometre", "kilometer", "metre", "meter", "foot", "inch", "pound", "ton")},
    **{u + "s": ("count", u + "s") for u in ("mile", "kilometre", "kilometer", "metre", "meter", "pound", "ton")},
    "feet": ("count", "feet"), "inches": ("count", "inches"), "foots": ("count", "feet"),
}
_HALF_UNIT = "|".join(sorted(map(re.escape, HALF_UNITS), key=len, reverse=True))
_HALF_COUNT = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
#: A half in words: `four and a half months`, `a mile and a half`, `half an hour`, `a quarter-century`.
HALF = re.compile(
    rf"\b(?:(?P<n>{_HALF_COUNT})\s+and\s+a\s+half\s+(?P<u>{_HALF_UNIT})"
    rf"|(?P<n2>{_HALF_COUNT}|an?)\s+(?P<u2>{_HALF_UNIT})\s+and\s+a\s+half"
    rf"|half\s+(?:a|an)\s+(?P<u3>{_HALF_UNIT})"
    r"|(?:a\s+)?(?P<c>quarter|half)[- ]century)\b", re.IGNORECASE)
