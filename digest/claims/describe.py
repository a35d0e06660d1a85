"""What the text says about each figure: the evidence that two figures state one quantity.

For every mention this gathers, from its sentence and never from a list of beats:
- its **dimension**: what sort of quantity it is (an amount of money, a percentage, an age, a
  length, a weight, a time span, a date, a count of some noun, a bare number), with its value
  in that dimension's base unit (metres, kilograms, days, years of age);
- its **words**: the content words of its sentence, stemmed, each weighted by how near it is to
  the figure (the words that govern a figure stand next to it: `killed`, `weighing`, `married`);
- its **names**: the names in its sentence, and the one that owns the figure (`Ortiz, 35`,
  `36-year-old Duncan Rait`, `Gray's autopsy ... seven bullets`);
- its **noun**: what a count counts (`shops`, `bullets`), stemmed.

`group.py` weighs this evidence across a story's articles.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import simplemma  # lemmas from a dictionary shipped in the package: `fell` -> `fall`
import Stemmer  # PyStemmer: Snowball's stemmers, compiled

from digest.claims import context as C
from digest.claims import subjects as S
from digest.claims.status import PER_YEAR
from digest.figures.numbers import DURATION_DAYS, QUALIFIER_CLASS, WORD_NUMBERS
from digest.figures.patterns import ORDINAL_TEXT
from digest.model import Figure

_STEMMER = Stemmer.Stemmer("english")

#: Function words, reporting verbs and words every news sentence has: never evidence.
STOP_WORDS = frozenset(["a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near", "nearly", "neither", "never", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "onto", "or", "other", "others", "our", "ours", "out", "over", "own", "per", "perhaps", "rather", "same", "several", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "mr", "mrs", "ms", "dr", "said", "says", "say", "saying", "told", "tell", "according", "reported", "report", "reports", "reporting", "added", "adding", "stated", "statement", "asked", "noted", "news", "also", "including", "include", "includes", "new", "just", "still", "well", "even", "later", "earlier", "first", "last", "next", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "week", "weeks", "year", "years", "day", "days", "month", "months", "time", "times", "hour", "hours", "minute", "minutes", "percent", "cent", "per", "number", "numbers", "total", "least", "most", "approximately", "roughly", "estimated", "around", "nearly", "almost"])

#: Count nouns for people: a count of workers, women or co-workers is a count of people.
PEOPLE_NOUNS = frozenset(["people", "persons", "person", "men", "women", "children", "kids", "boys", "girls", "adults", "teens", "teenagers", "youths", "victims", "others", "workers", "employees", "staff", "co-workers", "coworkers", "colleagues", "officers", "deputies", "police", "policemen", "troopers", "agents", "soldiers", "troops", "protesters", "demonstrators", "marchers", "rioters", "students", "pupils", "residents", "neighbours", "neighbors", "families", "members", "fans", "players", "climbers", "companions", "passengers", "patients", "survivors", "suspects", "inmates", "prisoners", "civilians", "individuals", "friends", "relatives", "guests", "customers", "visitors", "firefighters", "volunteers", "journalists", "reporters", "doctors", "nurses", "teachers", "witnesses", "gunmen", "attackers", "hostages", "migrants", "refugees", "voters", "supporters", "engineers", "researchers", "scientists", "developers", "personnel", "specialists", "experts", "hires", "recruits", "americans"])

#: Length, weight and speed units, in metres, kilograms and km/h.
UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("m", "metres", "meters", "metre", "meter"), ("length", 1.0)),
    **dict.fromkeys(("ft", "feet", "foot"), ("length", 0.3048)),
    **dict.fromkeys(("km", "kilometres", "kilometers"), ("length", 1000.0)),
    **dict.fromkeys(("miles", "mile", "mi"), ("length", 1609.344)),
    **dict.fromkeys(("inches", "inch", "in"), ("length", 0.0254)),
    **dict.fromkeys(("cm", "centimetres", "centimeters"), ("length", 0.01)),
    **dict.fromkeys(("mm", "millimetres", "millimeters"), ("length", 0.001)),
    **dict.fromkeys(("yards", "yard", "yds"), ("length", 0.9144)),
    **dict.fromkeys(("kg", "kilograms", "kilos"), ("mass", 1.0)),
    **dict.fromkeys(("pounds", "lb", "lbs"), ("mass", 0.45359237)),
    **dict.fromkeys(("grams", "g"), ("mass", 0.001)),
    **dict.fromkeys(("ounces", "oz"), ("mass", 0.028349523)),
    **dict.fromkeys(("tonnes", "tons"), ("mass", 1000.0)),
    "mph": ("speed", 1.609344), "kph": ("speed", 1.0), "kmh": ("speed", 1.0), "km/h": ("speed", 1.0),
    **dict.fromkeys(("GB", "gigabytes", "gigabyte"), ("storage", 1.0)),
    **dict.fromkeys(("TB", "terabytes", "terabyte"), ("storage", 1000.0)),
    **dict.fromkeys(("MB", "megabytes", "megabyte"), ("storage", 0.001)),
    **dict.fromkeys(("KB", "kilobytes", "kilobyte"), ("storage", 1e-6)),
    **dict.fromkeys(("GHz", "gigahertz"), ("frequency", 1.0)), **dict.fromkeys(("MHz", "megahertz"), ("frequency", 0.001)),
    "kilohertz": ("frequency", 1e-6), "terahertz": ("frequency", 1000.0),
}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
#: Words before a number that make it an age: `aged 85`, `ages 6 and 16`, `age of 34`.
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age of|at the age of)\s+(?:\d{1,3}\s+and\s+)?$", re.IGNORECASE)
#: Someone's death at an age: `dies at 77`, `has died at 75`, `died in prison at 77`.
_DIED_AT_BEFORE = re.compile(r"(?<!\bwho )\b(?:die[sd]?|dying)\b(?:\s+(?!(?:stood|stands|was|were|is|put|rose|reached|"
                             r"climbed|at)\b)(?:[\w'’]+|(?:[A-Z]\.){2,})){0,4}?\s+at\s+$", re.IGNORECASE)
#: What may not follow an age after `died at`: a name or a street (`at 12 Elm Street`), a time.
_NOT_AN_AGE_AFTER = re.compile(r"\s*(?:[A-Z]|[ap]\.?m\b|o'clock|:\d)")
#: An appositive age: `Ortiz, 35,` / `Jenkin, 23 and` / `Smith (45)`: a name, then the number alone.
_APPOSITIVE_BEFORE = re.compile(r"[A-Z][\w'’\-\".]*\s*(?:,|\()\s*$")
_APPOSITIVE_AFTER = re.compile(r"\s*(?:,|\)|;|\.(?!\d)|\s+and\s+(?!\d)|\s*[—–-]\s)")
#: After the first of two ages that share their `years old` (`two men -- 71 and 44-years-old`,
#: `who were 19 and 23 years old`).
_AGE_PAIR_AFTER = re.compile(r"\s+(?:and|or)\s+\d{1,3}[\s-]+years?[\s-]+old\b", re.IGNORECASE)
#: Right after `61-year`: the rest of an age typed without its second hyphen (`61-year old`).
_OLD_AFTER = re.compile(r"[\s-]old\b")
#: `She was 85.`: a pronoun or name, was/is, the number, the end of the sentence.
_WAS_AGE = re.compile(r"\b(?:[Hh]e|[Ss]he|(?!It\b)[A-Z][a-z]+)\s+(?:was|is|turned|turns)\s+$")
#: After `She was 85`: the sentence ends, goes on with a conjunction, or credits a source (`LaRue
#: was 75, the Biloxi Sun Herald reported`); not `Turnout was 55, down from 60`.
_SENTENCE_END_AFTER = re.compile(r"\s*(?:[.;!?]|,\s+(?:and|but|had|was|has)\b|"
                                 r",\s+(?:[\w.'’\-]+\s+){0,5}?(?:said|says|reported|reports|according)\b|$)")
#: How many content words either side of a figure are its context.
WINDOW = 8


@functools.lru_cache(maxsize=1 << 16)
def word_keys(word: str) -> tuple[str, ...]:
    """What a lower-case content word is compared by: the stem of its lemma (`fell`, `falling`,
    `fallen` -> `fall`; simplemma's English dictionary), and, where WordNet's commonest sense
    of the verb or its lemma is one other verbs share, that sense (`wed`, `married` -> one
    sense of marrying; `wounded`, `injured`)."""
    lemma = simplemma.lemmatize(word, lang="en").lower() if word.isalpha() else word
    keys = [stem(lemma)]
    senses = _senses()
    for form in dict.fromkeys((lemma, word)):
        keys += [f"~{sense}" for sense in senses.get(form, ())]
    return tuple(dict.fromkeys(keys))


@functools.cache
def _senses() -> dict[str, list[str]]:
    """Verb -> its commonest WordNet sense, where other verbs share it (`make
    lexicon` builds the table from WordNet 3.1; read once, on first use)."""
    data = json.loads(gzip.decompress(SYNONYMS.read_bytes()))
    return {w: list(s) for w, s in data["senses"].items()}


#: The synonym table: WordNet's commonest senses (`make lexicon`; licence in WORDNET-LICENSE).
SYNONYMS = Path(__file__).with_name("synonyms.json.gz")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """`killed` -> `kill`, `shops` -> `shop` (Snowball's English stemmer)."""
    return str(_STEMMER.stemWord(word.lower().replace("’", "'")))


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a mention's text says about its figure."""

    dimension: str
    """`money:USD`, `percent`, `age`, `length`, `mass`, `duration`, `date`, `count:<noun>`, `number`."""
    interval: tuple[float, float]
    """The values the figure admits, in the dimension's base unit."""
    words: dict[str, float]
    """Stem -> weight: the sentence's content words, nearer ones weighing more."""
    near: frozenset[str]
    """Stems of the content words right next to the figure (three words either side)."""
    names: tuple[str, ...]
    """The names in the sentence, nearest to the figure first."""
    owner: str | None
    """The name the figure belongs to, where the grammar says so: `Ortiz, 35`, `36-year-old
    Duncan Rait`, `Gray's ... seven bullets`."""
    agent: str | None
    """The nearest name before the figure in its clause (`McDermott scored 23 points`): often,
    not always, whose quantity it is."""
    noun: str | None
    """What a count counts, stemmed (`shop`), or `person` for any noun for people."""
    headline: bool = False
    """It stands in the article's title or summary (which may contradict the article's text)."""
    mates: tuple[tuple[str, float], ...] = ()
    """The other figures of its sentence, as (kind and unit, value): two sentences that share one
    (`5-foot-8, 135 pounds` and `5-feet-8 inches tall, weighing 130 pounds`) describe one thing."""
    earlier: bool = False
    """Its sentence dates it before the story's events (`Earlier this year, ... killed three`,
    `the previous record of 2,290 points`): another event's quantity, or this one's as it was."""
    share: str | None = None
    """Which part of a count the figure is, where its words say: `part` (`29 of 34 passes`: the
    29), `whole` (the 34), `first` (`his first 17 passes`: a run, not a total) or `difference`
    (`five rounds sooner than`, `three more than`), `some` (`200,000 of the comments`: some of
    a group whose whole count another figure may give); None for the count itself."""
    place: str | None = None
    """Where, as the figure's clause says before it (`In Patras, 2,000 students marched`): a
    city, country or state, or a name after `in` or `at`."""
    running: bool = False
    """A tally of an event still going on when the report was written (`after eight days of
    riots`): reports filed on other days give other counts, and none is wrong."""
    span: str | None = None
    """For a time span, how the sentence uses it: `offset` (the time between two events: `nine
    days earlier`, `two weeks ago`, `a week after`) or `stretch` (how long a state lasted: `in
    hospital for three weeks`, `a four year spell`); None where it does not say."""
    to_date: bool = False
    """The Nth of a series still going on, which is as many as there have been so far: one's
    tenure (`in his 14th season with the club`) or a streak (`his ninth straight fight`); so it
    may agree with a count of N of them (`14 seasons with the club`), where another place in a
    series (`his 11th point of the night`) says nothing of how many there were in all."""
    borrowed: frozenset[str] = frozenset()
    """Those of `near` that stand nearer another figure of the sentence than this one: that
    figure's words (`cache` in `2.4GHz ... with 3MB L2 cache`), no evidence of a dispute alone."""
    names_one: bool = False
    """It says which of several things is meant, not how much of one: a compound measure before a
    name or `model` (`the 17-inch MacBook Pro`, `the 32-bit version`), or a person's place in a
    series (`the third woman to lead the Academy`: the series differ from one sentence to the
    next). Two such values are two things, never a dispute."""
    listed: bool = False
    """Its sentence gives another value of the same kind and unit (`five hours of battery life
    and four hours with the 9600M`): one of several things, each told apart by words a pair
    score does not weigh."""


def dimension(f: Figure, age: bool) -> tuple[str, tuple[float, float]]:
    """The figure's dimension and its interval in that dimension's base unit."""
    low, high = f.bounds()
    if age:
        if f.kind == "duration":  # bounds() of a duration are in days
            return "age", (low / DURATION_DAYS["years"], high / DURATION_DAYS["years"])
        return "age", (low, high)
    if f.kind == "money":
        if f.per in PER_YEAR:  # `£2 a week` is `£104 a year`
            factor = PER_YEAR[f.per]
            return f"money:{f.unit}/year", (low * factor, high * factor)
        return f"money:{f.unit}" + (f"/{f.per}" if f.per else ""), (low, high)
    if f.kind == "count" and f.unit and ORDINAL_TEXT.match(f.text):
        # `the sixth round`, `his 2,292nd point`: a place in a series, compared only with places
        return f"rank:{noun_of(f.unit)}", (low, high)
    if f.kind == "count" and f.unit:
        if f.unit in UNITS:
            dim, factor = UNITS[f.unit]
            return dim, (low * factor, high * factor)
        return f"count:{noun_of(f.unit)}", (low, high)
    if f.kind == "date":
        return "date", (low, high - 1e-4)  # periods are half-open: 2005 ends where 2006 starts
    if f.kind == "percent":
        return ("points" if f.unit == "percentage points" else "percent"), (low, high)
    return f.kind, (low, high)


def noun_of(unit: str) -> str:
    """The counted noun's class: `person` for any noun for people, else the stem of its lemma
    (`mice` and `mouse` are one noun, as the sentence's words are)."""
    lower = unit.lower()
    return "person" if lower in PEOPLE_NOUNS else word_keys(lower)[0]


def is_age(f: Figure, text: str) -> bool:
    """Whether the figure is someone's age: `35-year-old`, `85 years old`, `aged 85`, `Ortiz, 35,`,
    `She was 85.`"""
    if f.kind == "duration":
        # `35-year-old`, `85 years old`; and `61-year old`, written without its second hyphen
        return f.unit == "years" and (f.text.lower().endswith("old") or bool(_OLD_AFTER.match(text, f.end)))
    if f.kind != "number" or f.low is not None or not 0 < f.value < 120 or f.value != int(f.value):
        return False
    before = text[max(0, f.start - 40):f.start]
    after = text[f.end:f.end + 60]
    if _AGE_BEFORE.search(before) or _AGE_PAIR_AFTER.match(after) or (
            _DIED_AT_BEFORE.search(before) and not _NOT_AN_AGE_AFTER.match(text, f.end)):
        return True
    if _APPOSITIVE_BEFORE.search(before) and _APPOSITIVE_AFTER.match(after):
        return True
    return bool(_WAS_AGE.search(before) and _SENTENCE_END_AFTER.match(after))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of `text`."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def describe(f: Figure, sentence: str, offset: int, block_text: str, names: Counter[str],
             canonical: dict[str, str], figures: Sequence[Figure], naming: str | None = None) -> Evidence:
    """The evidence for figure `f`, whose sentence starts at `offset` in `block_text`; names are
    read from `naming`, the sentence with its credits blanked out (`subjects.naming_text`)."""
    age = is_age(f, block_text)
    dim, interval = dimension(f, age)
    if dim == "length" and _PER_HOUR.match(block_text, f.end):
        # "up to 120 miles per hour": a speed, in km/h as `120 mph` is (the length was in metres)
        dim, interval = "speed", (interval[0] / 1000.0, interval[1] / 1000.0)
    elif dim == "number" and f.low is None and _PEOPLE_AFTER.match(block_text, f.end):
        dim = "count:person"  # "2 dead, 1 wounded"
    elif dim == "number" and (of := _NOUN_OF.search(block_text, max(0, f.start - 30), f.start)):
        dim = f"count:{stem(of['noun'])}-of"  # "a mother of 12": what the number counts is named before it
    at0, at1 = f.start - offset, f.end - offset
    # the block's figures that stand in this sentence (`figures` are in reading order)
    here = figures[bisect.bisect_left(figures, offset, key=operator.attrgetter("start")):bisect.bisect_left(
        figures, offset + len(sentence), key=operator.attrgetter("start"))]
    # other figures' text is no evidence about this one ("killing two and wounding three")
    masked = [(g.start - offset, g.end - offset) for g in here if g is not f]
    found = [clean for e in C.entities(naming or sentence, names) if (clean := S.clean_name(e))]
    name_spans = [(s, e) for s, e, _ in found]
    words: dict[str, float] = {}
    near: set[str] = set()
    borrowed: set[str] = set()
    noun = noun_of(f.unit) if f.kind == "count" and f.unit and f.unit not in UNITS else None
    toks = tokens(sentence)
    before = [t for t in toks if t[1] <= at0]
    after = [t for t in toks if t[0] >= at1]
    # the words between a number and its noun describe it (`355 damaged shops`: "damaged");
    # the number, its unit and its qualifier do not
    unit_stem = stem(f.unit) if f.unit else None
    inside = [t for t in toks if at0 <= t[0] and t[1] <= at1 and not _FIGURE_WORD.match(t[2])
              and stem(t[2]) != unit_stem and t[2].lower() not in QUALIFIER_CLASS] if f.kind == "count" else []
    for side in (inside, list(reversed(before)), after):
        # distance is counted in content words: "was wed about three weeks ago" has `wed` next
        # to its figure as much as "married two weeks ago" has `married`
        distance = 0
        for s, _, w in side:
            if distance >= WINDOW:
                break
            if any(a <= s < b for a, b in masked) or any(a <= s < b for a, b in name_spans) or (
                    side is inside and noun and stem(w) == noun):
                continue
            lw = w.lower()
            if lw in STOP_WORDS or len(lw) < 3:
                continue
            weight = 1.0 / (1.0 + distance / 4.0)
            # a word nearer another figure of the sentence is that figure's more than this one's
            # (`with 3MB L2 cache` beside a clock speed; "killing two and wounding three")
            theirs = distance < 3 and side is not inside and _nearer_another(s, s + len(w), at0, at1, masked)
            for key in word_keys(lw):
                words[key] = max(words.get(key, 0.0), weight)
                if distance < 3:
                    near.add(key)
                if theirs:
                    borrowed.add(key)
            if side is not inside:
                distance += 1
    if noun and noun != "person":
        words.pop(noun, None)  # the noun is compared on its own
    if f.unit and f.unit in UNITS:
        words.pop(stem(f.unit), None)  # "miles" says nothing about which distance
    listed = any(g is not f and g.kind == f.kind
                 and g.unit == f.unit and g.bounds() != f.bounds() and _LIST_JOINT.search(
                     block_text[min(f.end, g.end):max(f.start, g.start)]) for g in here)
    ranked = sorted(found, key=lambda e: min(abs(e[0] - at0), abs(e[1] - at1)))
    resolved = tuple(dict.fromkeys(canonical.get(n, n) for _, _, n in ranked))
    c0, c1 = C.clause_bounds(sentence, at0)
    # the one who did or said it: a name that can be the clause's subject, not where it
    # happened (`at a Los Angeles hospital`, `in Brooklyn`) nor a word of one letter
    places = [e for e in found if c0 <= e[0] and e[1] <= at0 and (
        S.is_place(e[2]) or _IN_BEFORE.search(sentence, max(0, e[0] - 4), e[0]))]
    agents = [e for e in found if c0 <= e[0] and e[1] <= at0 and len(e[2]) > 1 and e not in places
              and not _PLACE_BEFORE.search(sentence, max(0, e[0] - 12), e[0])]
    agent = canonical.get(agents[-1][2], agents[-1][2]) if agents else None
    place = canonical.get(places[-1][2], places[-1][2]) if places else None
    mates = tuple(sorted({(f"{g.kind}:{g.unit or ''}", g.value) for g in here
                          if g is not f and g.kind != "date" and math.isfinite(g.value)}))
    running, span = False, None
    if dim == "duration":
        after_text, before_text = block_text[f.end:f.end + 40], block_text[max(0, f.start - 30):f.start]
        running = bool(_RUNNING_AFTER.match(after_text))
        # "for three weeks before she died" is how long a state lasted, whatever follows it
        if _STRETCH_BEFORE.search(before_text) or running:
            span = "stretch"
        elif _OFFSET_AFTER.match(after_text) or re.search(r"\bago$", f.text, re.IGNORECASE):
            span = "offset"
        elif _STRETCH_AFTER.match(after_text):
            span = "stretch"
    return Evidence(dim, interval, words, frozenset(near), resolved,
                    S.owner(found, sentence, at0, at1, age, canonical), agent, noun, listed=listed, mates=mates,
                    running=running, span=span, place=place, share=_share(f, block_text, here),
                    borrowed=frozenset(borrowed), to_date=dim.startswith("rank:") and bool(
                        _TENURE_BEFORE.search(block_text, max(0, f.start - 16), f.start) or _STREAK.search(f.text)),
                    names_one=dim != "age" and bool(_COMPOUND.match(f.text) and _NAMED_AFTER.match(block_text, f.end)
                                                    or _ordinal_person(f)))










#: Words of a figure's own text that are the figure, not what it describes.
_FIGURE_WORD = re.compile(
    r"(?i)^(?:" + "|".join(sorted((re.escape(w) for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))
    + r"|hundred|thousand|million|billion|trillion|dozen|half|year-old|years-old|old|ago|more|than|some|"
      r"[\w-]*(?:year|month|week|day|hour|minute)s?(?:-old)?)$")
#: What joins the items of a list of values: `five hours ... and four hours`, `ages 6 and 16`.
_LIST_JOINT = re.compile(r"^.{0,40}?(?:\band\b|\bor\b|,|;|\bwhile\b|\bvs\.?\b).{0,40}$")
#: "per hour" after a length: a speed.
_PER_HOUR = re.compile(r"\s+(?:per|an|a)\s+hour\b", re.IGNORECASE)
#: A noun and "of" right before a bare number: `a mother of 12`, `a total of 13`.
_NOUN_OF = re.compile(r"\b(?P<noun>[a-z]{3,})\s+of\s+$")


#: A compound measure (`17-inch`, `32-bit`, `2.66-GHz`) and what follows it when it says which
#: thing is meant: a product's name, with a capital or a digit inside it (`MacBook`, `iPad`,
#: `PS5`; not `Remington shotgun` or `Dayton man`), or `model`, `version`, `edition`.
_COMPOUND = re.compile(r"^[\d.,/]+-[A-Za-z]+$")
_NAMED_AFTER = re.compile(r"\s+(?:[A-Za-z]*[a-z][A-Z][\w\-]*|[A-Z][A-Za-z\-]*\d[\w\-]*|models?\b|versions?\b|"
                          r"editions?\b|variants?\b)")
#: Before an ordinal, a stretch one is in (`in his 14th season`, `in her third term`).
_TENURE_BEFORE = re.compile(r"\bin\s+(?:his|her|their|its)\s+$", re.IGNORECASE)
#: In an ordinal's own text, a streak (`ninth straight fight`, `eighth consecutive win`).
_STREAK = re.compile(r"\s(?:straight|consecutive|successive)\s", re.IGNORECASE)


def _ordinal_person(f: Figure) -> bool:
    """Whether the figure is a person's place in a series: `the third woman`, `the 12th player`."""
    if not (f.kind == "count" and f.unit and ORDINAL_TEXT.match(f.text)):
        return False
    one = f.unit.lower()
    many = {one + "s", one + "es", one[:-1] + "ies", {"person": "people", "child": "children"}.get(one, one)}
    if one.endswith("man"):
        many.add(one[:-3] + "men")  # `woman`, `policeman`
    return bool(many & PEOPLE_NOUNS)


def _nearer_another(s: int, e: int, at0: int, at1: int, others: Sequence[tuple[int, int]]) -> bool:
    """Whether the word at `s`-`e` stands nearer (in characters) one of `others` than the figure
    at `at0`-`at1`."""
    own = at0 - e if e <= at0 else s - at1
    return any((a - e if e <= a else s - b) < own for a, b in others)


def _share(f: Figure, text: str, figures: Sequence[Figure]) -> str | None:
    """Which part of a count `f` is (see `Evidence.share`); `figures` are its sentence's."""
    after, before = text[f.end:f.end + 60], text[max(0, f.start - 30):f.start]
    if _DIFFERENCE_AFTER.match(after) or _INCREMENT_BEFORE.search(before) or (
            _ADD_BEFORE.search(before) and _TO_AFTER.match(after)):
        return "difference"
    if _FIRST_BEFORE.search(before):
        return "first"
    if _OF_BEFORE.search(before):
        return "whole"
    if (m := _OF_AFTER.match(after)) and any(g.start == f.end + m.end() for g in figures):
        return "part"
    if f.kind in ("count", "number") and _MANNER_AFTER.match(after):
        return "part"
    if f.kind in ("count", "number") and (f.unit is None and _PARTITIVE_AFTER.match(after)
                                          or _PARTITIVE_AFTER.search(f.text)):
        return "some"  # not `12 members of the gang`, whose noun comes before `of the`
    return None


#: `29 of 34`: the number before `of` and another number.
#: A possessive name between them: `10 of the Saints' 16 games`, `three of Smith's five goals`.
_OF_WHOSE = r"(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}(?:['’]s?|s['’])\s+)?"
_OF_AFTER = re.compile(r"\s+(?:out\s+)?of\s+" + _OF_WHOSE)
_OF_BEFORE = re.compile(r"(?:\b\d[\d,.]*|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
                        r"\s+(?:out\s+)?of\s+" + _OF_WHOSE + "$")
#: `200,000 of the comments`, `three of them` (after the figure or inside its text, where the
#: counted noun is read past `of the`): some of a group, not the group's count (a share
#: of money or a percentage of the vote is still the quantity itself). Not after a possessive:
#: `four of her co-workers`, `11 of his points` most often count the people or points themselves.
_PARTITIVE_AFTER = re.compile(r"\s+(?:out\s+)?of\s+(?:the|these|those|them|us)\b", re.IGNORECASE)
#: `adding three years to his sentence`, `an additional $5 million`, `another 200 jobs`: what was
#: added, not the total.
_INCREMENT_BEFORE = re.compile(r"\b(?:an\s+additional|additional|an\s+extra|extra|another|a\s+further|further)\s+$",
                               re.IGNORECASE)
#: `adding three years to his sentence`: an `add` verb counts an increment where `to` follows
#: (`added 24 points` is scored; `adds up to $40 million` is a total).
_ADD_BEFORE = re.compile(r"\badd(?:s|ed|ing)?\s+(?:another\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\b")
#: `51 wins by knockout`, `51 by KO`, `51 wins coming by way of knockout`: the ones won, scored or
#: made one way, a part of the count: one word for a way (not `by Smith` or `by police`, who did
#: it, nor `by the end of March`, `by noon`, `by next year`, when).
_MANNER_AFTER = re.compile(r"(?:\s+[a-z]+(?:ing|ed))?\s+(?:by|via)\s+(?:an?\s+|way\s+of\s+)?"
                           r"(?!(?:the|this|that|these|those|his|her|its|their|our|next|last|then|now|noon|midnight|"
                           r"early|late|mid|end|police|officers|deputies|troopers|agents|far|wide|narrow|margin|more|less|about|"
                           r"around|some|up)\b)"
                           r"(?:[a-z]{3,}(?<!s)|[A-Z]{2,4})\b(?![’'])")
#: `his first 17 passes`, `the last three games`, `the next 10 days`: a run of them.
_FIRST_BEFORE = re.compile(r"\b(?:the|his|her|its|their|our|my|your)\s+(?:first|last|final|next|previous|past)\s+$",
                           re.IGNORECASE)
#: `five rounds sooner than`, `three more than`, `10 points fewer`: a difference of two counts.
_DIFFERENCE_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:sooner|later|earlier|more|fewer|less|longer|shorter|higher|"
                               r"lower|faster|slower|bigger|smaller|larger|greater|better|worse)\s+than\b",
                               re.IGNORECASE)


#: `in` or `at` right before a name: where it happened (`In Patras`). Not after `the`: "at the
#: Kraft plant" names the plant's owner as often as a place (measured on the tuning events).
_IN_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+$")
#: A preposition before a name: the name is a place or a thing, not the clause's subject.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|on|to|into|of|across|outside|inside)\s+$", re.IGNORECASE)
#: A tally of an event under way: `eight days of riots`, `a third week of protests`.
_RUNNING_AFTER = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}?(?:riots?|rioting|unrest|protests?|"
                            r"demonstrations?|clashes|fighting|violence|strikes?|searching|search|talks|"
                            r"negotiations|deliberations?|siege|standoff|war|conflict|campaign|trial|testimony|"
                            r"hearings?|shelling|bombing|airstrikes|raids|curfew|lockdown|outage|blackout)\b",
                            re.IGNORECASE)
#: A time span between two events: `nine days earlier`, `two weeks after`, `a month before`.
_OFFSET_AFTER = re.compile(r"\s*(?:ago|earlier|later|after|before|prior|previously|beforehand|afterwards?|"
                           r"since|into)\b", re.IGNORECASE)
#: How long a state lasted: `for three weeks`, `spent two years`, `the past three years`.
_STRETCH_BEFORE = re.compile(r"\b(?:for|spent|spending|lasted|lasting|past|last|over|during|throughout|served|"
                             r"serving)\s+(?:the\s+|a\s+|about\s+|nearly\s+|almost\s+|some\s+|around\s+)?$",
                             re.IGNORECASE)
_STRETCH_AFTER = re.compile(r"[\s-]*(?:spell|stint|stay|stretch|period|term|sentence|-long|long|of)\b", re.IGNORECASE)


#: A bare number followed by what befell people: `2 dead`, `three injured`, `1 wounded`.
_PEOPLE_AFTER = re.compile(r"\s+(?:dead|killed|wounded|injured|hurt|missing|arrested|detained|rescued|"
                           r"hospitali[sz]ed)\b", re.IGNORECASE)


def story_words(blocks: Iterable[str]) -> tuple[dict[str, float], float, dict[str, str]]:
    """One pass over a story's blocks: stem -> inverse block frequency, the weight of a stem the
    story never uses, and stem -> the commonest word the story writes for it (`kill` ->
    `killed`, for reasons). Words every report of the event repeats (`shooting`, `police`) say
    little about which quantity a figure is; rarer ones (`married`, `weighing`) say much."""
    df: Counter[str] = Counter()
    seen: dict[str, Counter[str]] = {}
    n = 0
    for block in blocks:
        n += 1
        stems = set()
        for _, _, w in tokens(block):
            lw = w.lower()
            if lw in STOP_WORDS:
                continue
            for key in word_keys(lw):
                stems.add(key)
                seen.setdefault(key, Counter())[lw] += 1
        df.update(stems)
    table = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    surface = {st: min(c, key=lambda w: (-c[w], w)) for st, c in seen.items()}
    return table, math.log(n + 1), surface
