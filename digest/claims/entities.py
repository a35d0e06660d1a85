"""Named entities of a story: the companies, people and places its articles name.

Names are the runs of capitalised words the story's own text writes capitalised away from a
sentence's start (see `context.proper_nouns`); each is given a kind by the words around it
("chief executive X", "X said" -> person; "X Inc", "X acquired" -> company; "in X" -> place).
A pure function of one story's articles and mentions, like alignment.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from digest.claims import context as C
from digest.claims.subjects import TITLE, is_place, naming_texts
from digest.model import Article, Entity, Mention

KINDS = ("company", "person", "place", "other")

#: Words that are never a name on their own: months, weekdays, titles (and context's list).
_NOT_NAMES = C.GENERIC | frozenset(["Mr", "Ms", "Mrs", "Dr", "St"])
_COMPANY_WORDS = re.compile(
    r"\b(?:Inc|Corp|Corporation|Ltd|LLC|plc|PLC|Group|Holdings|Bank|Capital|Partners|Ventures|"
    r"Technologies|Labs|Systems|AG|SA|GmbH|FC|AI|Airlines|Motors|Energy|Media|Pharma|Co|Company|"
    r"Club|United|Athletic|Insurance|Authority|Council|Agency|Ministry|Department|Office|Service|"
    r"Fund|Foundation|University|Institute|Association|Union|League)\b\.?$"
)
_PLACE_WORDS = re.compile(r"\b(?:County|Bay|River|Island|Islands|Province|Coast|Harbor|Harbour|Valley|"
                          r"Street|Avenue|Port|Lake|Mount|Beach|Heights|Peninsula|District|State)\b")
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:chief executive|chief financial officer|chief technology officer|CEO|CFO|CTO|founder|"
    r"co-founder|president|mayor|governor|minister|chancellor|spokesperson|spokesman|spokeswoman|"
    r"manager|coach|director|chair|chairman|chairwoman|analyst|economist|striker|midfielder|"
    r"defender|forward|goalkeeper|winger|player|senator|secretary|treasurer|official|head|"
    r"Mr|Ms|Mrs|Dr|Sir|Dame)\.?,?\s+)$",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(r"^(?:,\s+(?:the|a|an|who)\b|\s+(?:said|says|told|added|wrote|explained)\b(?!\s+it\b))")
_COMPANY_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:acquired|bought|agreed|announced|reported|raised|posted|plans|shares|stock|"
    r"said it|says it|signed|paid|sold|cut|laid off|employs|valued)\b"
)
_COMPANY_BEFORE = re.compile(
    r"\b(?:acquired|acquire|acquiring|acquisition of|bought|buy|buying|purchase of|takeover of|rival|"
    r"start-?up|firm|company|maker|lender|retailer|insurer|carrier|club|side|investors? in|stake in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Names that are labels, not entities ("Series B", a funding round).
_NOT_ENTITY = re.compile(r"^(?:Series|Round|Phase|Category|Class|Figure|Table|Section|Chapter)\b")
#: The endings of the words for a people (`American`, `Israeli`, `Chinese`, `British`, `French`)
#: and, after such a word, a plural noun: it is used as an adjective (`American officials`).
_DEMONYM = re.compile(r"(?:an|ese|ish|i|ch)$")
_ATTRIBUTIVE = re.compile(r"^\s+(?!(?:is|was|has|says|does|plans|wants|needs)\b)[a-z]+s\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|across|around|outside|north of|south of|east of|west of)\s+(?:the\s+)?$")


def story_entities(articles: Sequence[Article], mentions: Sequence[Mention], *, story: str) -> list[Entity]:
    """The entities of one story, most named first."""
    naming = {a.id: naming_texts(a) for a in articles}  # bylines and datelines name no entity of the story
    names = C.proper_nouns(naming[a.id][i] for a in articles for i, b in enumerate(a.blocks)
                           if b.kind in ("paragraph", "item", "summary"))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    seen_in: dict[str, list[str]] = defaultdict(list)
    count: Counter[str] = Counter()
    for a in articles:
        for i, block in enumerate(a.blocks):
            if block.kind not in ("paragraph", "item", "summary"):
                continue
            text = naming[a.id][i]
            for start, end, name in C.entities(text, names):
                title = TITLE.match(name)
                if title:
                    start, name = start + title.end(), name[title.end():]
                if not _is_name(name):
                    continue
                count[name] += 1
                kind = "person" if title else _kind_here(name, text[max(0, start - 60):start], text[end:end + 40])
                votes[name][kind] += 1
                if a.id not in seen_in[name]:
                    seen_in[name].append(a.id)
    aliases: dict[str, list[str]] = defaultdict(list)
    for name in [n for n in count if " " not in n]:
        # `Okafor` after `Ines Okafor`: one person, listed once under the full name (where the
        # story names one such person only)
        fuller = [n for n in count if " " in n and n.split()[-1] == name]
        if len(fuller) == 1:
            full = fuller[0]
            count[full] += count.pop(name)
            votes[full].update(votes.pop(name))
            seen_in[full] += [a for a in seen_in.pop(name) if a not in seen_in[full]]
            aliases[full].append(name)  # its sentences' figures are the full name's
            continue
        # `American officials`, `British insurers`: a word for a people before a plural noun is
        # an adjective, not a name (a place, `Japan says`, is never one)
        if _DEMONYM.search(name) and not is_place(name) and all(_ATTRIBUTIVE.match(naming[a.id][i][end:])
                                         for a in articles for i, b in enumerate(a.blocks)
                                         if b.kind in ("paragraph", "item", "summary")
                                         for _, end, n in C.entities(naming[a.id][i], names) if n == name):
            del count[name]
    by_sentence: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        for name in count:
            if _names(m.sentence, name) or any(_names(m.sentence, alias) for alias in aliases.get(name, ())):
                by_sentence[name].append(m)
    out = []
    for name, n in count.items():
        if n < 2 and " " not in name:
            continue  # one capitalised word, once: too weak to be listed as a name
        kind = _decide(votes[name])
        out.append(Entity(name=name, kind=kind, story=story, articles=tuple(seen_in[name]),
                          mentions=tuple(by_sentence.get(name, ()))))
    return sorted(out, key=lambda e: (-count[e.name], e.name))


def _is_name(name: str) -> bool:
    words = name.split()
    return not (len(name) < 2 or _NOT_ENTITY.match(name) is not None or all(w in _NOT_NAMES for w in words) or words[0] in _NOT_NAMES and len(words) == 1
                or any(ch.isdigit() for ch in name))


def _names(sentence: str, name: str) -> bool:
    i = sentence.find(name)
    while i >= 0:
        end = i + len(name)
        if (i == 0 or not sentence[i - 1].isalnum()) and (end == len(sentence) or not sentence[end].isalnum()):
            return True
        i = sentence.find(name, i + 1)
    return False


def _kind_here(name: str, before: str, after: str) -> str:
    if _COMPANY_WORDS.search(name):
        return "company"
    if _PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after):
        return "person"
    if _COMPANY_AFTER.match(after) or _COMPANY_BEFORE.search(before):
        return "company"
    if _PLACE_WORDS.search(name) or _PLACE_BEFORE.search(before):
        return "place"
    return "other"


def _decide(votes: Counter[str]) -> str:
    """The kind most contexts suggest; "other" only where no context suggests any."""
    named = {k: n for k, n in votes.items() if k != "other"}
    if not named:
        return "other"
    return min(named.items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))[0]
