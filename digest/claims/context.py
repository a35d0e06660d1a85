"""A figure's context: its sentence, its clause, and the named entities around it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from digest.figures.patterns import ABBREVIATION, SENTENCE_END

#: Clause boundaries inside a sentence: semicolons, dashes, brackets, and ", with"-style joints.
CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|—|\(|\)|,\s(?=(?:with|while|but|whereas|although|though|up from|down from|"
    r"compared|growing|making|marking|which|according|beating|missing|ahead of|and|below|above)\b)"
)
#: A capitalised word (or an acronym), allowing inner capitals and hyphens: `MosaicML`, `Spin-Off`.
_CAP_WORD = re.compile(r"\b[A-Z][\w&.\-]*[\w&]|\b[A-Z]\b")
#: Generic acronyms that are never the subject of a figure.
GENERIC = frozenset(
    ["AI", "ML", "IPO", "CEO", "CFO", "CTO", "LLM", "LLMs", "GPU", "GPUs", "US", "EU", "UK", "API", "APIs", "ARR", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "GPT", "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "For", "As", "But", "And", "Now", "When", "While", "Compared", "Meanwhile", "Beyond", "Several", "First", "Second", "Third", "Fourth", "Rather", "Following", "Adding", "Following", "Industry", "Enterprise", "According", "Despite", "After", "Before", "Since", "Under", "Over", "Why", "How", "What",
     "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
     "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
     "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]*\b")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a block of text."""
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        # an abbreviation is at most 8 characters ("approx."); searching from `pos`, not in a
        # slice, `\b` still sees the character before ("GreenCo." is no "Co.")
        if ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def clause_bounds(sentence: str, at: int) -> tuple[int, int]:
    """(start, end) of the clause of `sentence` that holds offset `at`."""
    start, end = 0, len(sentence)
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


def proper_nouns(texts: Iterable[str]) -> Counter[str]:
    """Words seen capitalised away from a sentence's start, with how often: evidence that they
    are names. Titles and headings are left out by the caller (title case capitalises all)."""
    seen: Counter[str] = Counter()
    lower: set[str] = set()
    initial: Counter[str] = Counter()
    pairs: list[tuple[str, str]] = []
    for text in texts:
        lower.update(_LOWER_WORD.findall(text))  # all lower case already
        for s, e in split_sentences(text):
            sentence = text[s:e]
            for m in _CAP_WORD.finditer(sentence):
                word = _POSSESSIVE.sub("", m.group())
                if m.start() == 0 or sentence[:m.start()].rstrip()[-1:] in "\"“‘'(:":
                    initial[word] += 1
                    nxt = _CAP_WORD.match(sentence, m.end() + 1)
                    if sentence[m.end():m.end() + 1] == " " and nxt:
                        pairs.append((word, _POSSESSIVE.sub("", nxt.group())))
                    continue
                seen[word] += 1
    # a sentence-initial word is a name too where it leads a name ("Northwind Logistics said")
    for first, second in pairs:
        if second in seen and first not in GENERIC:
            seen[first] += initial[first]
    # a word also written in lower case ("Approximately" after a colon) is not a name
    return Counter({w: n for w, n in seen.items() if w.lower() not in lower})


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Short forms of a story's names mapped to their full form: `Lumen` -> `Lumen Health`,
    `Marlowe` -> `Hurricane Marlowe`, `Ricci` -> `Luca Ricci`. A short form with two
    possible full forms (`MosaicML Rival`, `MosaicML Spin-Off`) is left alone."""
    names = set(names)
    full: dict[str, set[str]] = {}
    for long in names:
        words = long.split()
        if len(words) < 2:
            continue
        # a company and its full name, an event and its kind, a person and their surname, a
        # company and its product: every whole-word beginning or end of the name
        shorts = [" ".join(words[:i]) for i in range(1, len(words))] + \
                 [" ".join(words[i:]) for i in range(1, len(words))]
        for short in shorts:
            if short in names:
                full.setdefault(short, set()).add(long)
    return {short: next(iter(longs)) for short, longs in full.items() if len(longs) == 1}


def entities(text: str, names: Counter[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of known names in `text` (`Inflection AI`, `MosaicML`)."""
    runs: list[tuple[int, int, str]] = []
    for m in _CAP_WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group().rstrip("."))
        if word not in names or word in GENERIC and not runs_continue(runs, m.start(), text):
            continue
        if runs and runs_continue(runs, m.start(), text) and not _POSSESSIVE.search(text[runs[-1][0]:runs[-1][1]]):
            s, _, name = runs[-1]
            runs[-1] = (s, m.start() + len(word), f"{name} {word}")
        else:
            runs.append((m.start(), m.start() + len(word), word))
    return [r for r in runs if r[2] not in GENERIC]


def runs_continue(runs: list[tuple[int, int, str]], at: int, text: str) -> bool:
    """Whether a name at `at` continues the last run (only a space between them)."""
    return bool(runs) and text[runs[-1][1]:at] == " "


def is_possessive(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by 's or '."""
    return bool(re.match(r"(?:'s|’s|'|’)(?=\s)", text[end:end + 3]))
