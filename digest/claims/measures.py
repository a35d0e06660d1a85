"""What a figure measures: a lexicon of measures, each with the cue words that name it.

A cue is searched in the figure's clause; the nearest cue whose measure fits the figure's kind
wins. `FLOW` measures cover a period (Q2 revenue is not Q3 revenue), so their period is part of
the quantity's identity; `STOCK` measures are as of a date (a valuation), so differing dates
are reported, not split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Figure


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    kinds: frozenset[str]
    cues: re.Pattern[str]
    flow: bool = False
    """True where the period is part of the quantity's identity (revenue, budget, market size)."""
    comparable: bool = True
    """False where two sources' values are never set against each other (vague measures)."""
    target: str = "company"
    """Whose quantity it is: `company` (the actor), `object` (the thing bought), `none`."""
    units: frozenset[str] | None = None
    """For counts: the counted nouns this measure can count (None: any)."""
    per: frozenset[str | None] | None = None
    """For amounts: the bases it takes (`share`: a price per share); None: any but per share."""


def _cues(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


#: Nouns for people: a count of these can be a headcount, a death toll, jobs cut.
PEOPLE = frozenset(
    ["engineers", "researchers", "employees", "staff", "workers", "people", "scientists", "developers", "personnel", "members", "specialists", "experts", "jobs", "positions", "roles", "hires", "recruits"]
)
_MONEY = frozenset({"money"})
_PERCENT = frozenset({"percent"})
_COUNT = frozenset({"count"})
_DATE = frozenset({"date"})
_DURATION = frozenset({"duration"})

#: Measures in priority order: where two cues are equally near, the earlier measure wins.
MEASURES: tuple[Measure, ...] = (
    Measure("offer per share", _MONEY, _cues(
        r"pay(?:s|ing)?", r"paid", r"offer(?:s|ed|ing)?", r"receive", r"bid", r"buy", r"deal", r"agreed",
        r"acquire"), target="object", per=frozenset({"share"})),
    Measure("share price", _MONEY, _cues(
        r"closing price", r"closed", r"close of", r"share price", r"stock price", r"trading at", r"traded at",
        r"premium to", r"shares (?:closed|ended|finished)"), per=frozenset({"share", None})),
    Measure("buyback", _MONEY, _cues(r"buy(?:ing)? back", r"buybacks?", r"repurchases?", r"repurchasing")),
    Measure("add-ons", _MONEY, _cues(r"add-ons?", r"bonus(?:es)?", r"performance-related", r"incentives?")),
    Measure("wages", _MONEY, _cues(r"wages?", r"salary", r"salaries", r"pay packet", r"contract worth",
                                   r"earn(?:s|ing)?")),
    Measure("council tax rise", _MONEY, _cues(r"council tax", r"tax rise", r"tax bills?", r"precept")),
    Measure("charges", _MONEY, _cues(r"charges?", r"severance", r"write-?downs?", r"impairments?",
                                     r"restructuring costs?")),
    Measure("savings", _MONEY, _cues(r"savings", r"save[sd]?", r"synerg(?:y|ies)", r"cost cuts"), flow=True),
    Measure("analysts' forecast", _MONEY | _PERCENT, _cues(
        r"analysts?(?: had)? (?:expected|forecast|predicted|estimated)", r"expected by analysts", r"consensus",
        r"analysts' (?:forecasts?|estimates?)")),
    Measure("target valuation", _MONEY, _cues(
        r"(?:exploring|seeking|targeting|eyeing|aiming for|hoping for|seek)\s+(?:an?\s+)?(?:\w+\s+)?valuation",
        r"ipo valuation", r"valuation (?:target|goal)")),
    Measure("pre-money valuation", _MONEY, _cues(
        r"pre-money(?: valuation)?", r"before the (?:new )?(?:money|investment|funding|round)")),
    Measure("post-money valuation", _MONEY, _cues(
        r"post-money(?: valuation)?", r"after the (?:new )?(?:money|investment|funding|round)",
        r"including the (?:new )?(?:money|investment|funding)")),
    Measure("valuation", _MONEY, _cues(
        r"valuation", r"valued at", r"valuing", r"valued", r"values", r"market (?:cap|capitali[sz]ation)",
        r"worth")),
    Measure("total funding", _MONEY, _cues(r"total funding", r"in total", r"to date", r"altogether",
                                           r"total raised")),
    Measure("funding raised", _MONEY, _cues(
        r"raised", r"raising", r"raises?", r"funding", r"round", r"financing", r"series [a-k]",
        r"venture capital", r"new capital")),
    Measure("transfer fee", _MONEY, _cues(r"transfer fee", r"fee", r"signed", r"signing", r"transfer", r"move"),
            target="object"),
    Measure("deal value", _MONEY, _cues(
        r"acquisitions?", r"acquire[sd]?", r"acquiring", r"buy(?:s|ing)?", r"bought", r"purchase[sd]?",
        r"takeover", r"merger", r"deal", r"price tag", r"price", r"transaction", r"buyout", r"sale", r"sold",
        r"sell(?:s|ing)?",
        r"agreed to pay", r"pay(?:s|ing)?", r"paid", r"offer"), target="object"),
    Measure("investment", _MONEY, _cues(r"investment", r"invest(?:s|ed|ing)?", r"stake"), target="company"),
    Measure("revenue", _MONEY, _cues(
        r"revenues?", r"sales", r"turnover", r"arr", r"annual recurring revenue", r"run[- ]rate",
        r"bookings"), flow=True),
    Measure("profit", _MONEY, _cues(r"profits?", r"net income", r"earnings", r"ebitda", r"operating income"),
            flow=True),
    Measure("loss", _MONEY, _cues(r"net loss", r"losses", r"lost"), flow=True),
    Measure("damage", _MONEY, _cues(r"damage", r"insured losses", r"economic losses", r"destruction"), flow=True),
    Measure("budget", _MONEY, _cues(r"budget", r"spending plan", r"appropriation"), flow=True),
    Measure("market size", _MONEY, _cues(r"market"), flow=True, target="none"),
    Measure("spending", _MONEY, _cues(r"spending", r"spend", r"spent", r"expenditure", r"set aside",
                                      r"allocated?", r"approved", r"relief", r"aid"), target="object"),
    Measure("cost", _MONEY, _cues(r"costs?", r"priced", r"bill", r"sell(?:s|ing)? for", r"retails? (?:for|at)")),
    Measure("premium", _PERCENT, _cues(r"premium")),
    Measure("growth rate", _PERCENT, _cues(
        r"growth", r"growing", r"grew", r"grow", r"year-over-year", r"year-on-year", r"increase[sd]?",
        r"rose", r"jump(?:ed)?", r"up"), flow=True),
    Measure("share of workforce", _PERCENT, _cues(
        r"workforce", r"of (?:its |the company's |their )?(?:staff|employees|workers|headcount)")),
    Measure("cost reduction", _PERCENT, _cues(r"reduce[sd]?", r"reduction", r"cut(?:s|ting)?", r"lower(?:s|ed)?",
                                              r"savings?", r"decline[sd]?", r"fell", r"fall(?:s|ing)?",
                                              r"drop(?:ped)?")),
    Measure("sell-on clause", _PERCENT, _cues(r"sell-on")),
    Measure("stake", _PERCENT, _cues(r"stake", r"ownership", r"owns")),
    Measure("market share", _PERCENT, _cues(r"market share", r"share of the market")),
    Measure("jobs cut", _COUNT, _cues(
        r"lay(?:ing)? off", r"laid off", r"layoffs?", r"job cuts", r"cut(?:ting)?", r"eliminat\w+",
        r"redundanc\w+", r"let go"), units=PEOPLE),
    Measure("deaths", _COUNT, _cues(r"killed", r"dead", r"deaths?", r"died", r"fatalities", r"lives", r"toll"),
            units=PEOPLE | {"deaths", "fatalities", "lives", "victims", "residents"}),
    Measure("homes without power", _COUNT, _cues(r"without power", r"lost power", r"outages?", r"power cuts?",
                                                 r"blackouts?", r"without electricity"),
            units=frozenset({"homes", "households", "customers", "properties", "residents", "people",
                             "businesses", "buildings"})),
    Measure("people in shelters", _COUNT, _cues(r"shelters?", r"homeless"),
            units=PEOPLE | {"residents", "families"}),
    Measure("people evacuated", _COUNT, _cues(r"evacuated", r"evacuations?", r"displaced", r"fled"),
            units=PEOPLE | {"residents", "families"}),
    Measure("pre-orders", _COUNT, _cues(r"pre-?orders?", r"reservations?"),
            units=frozenset({"pre-orders", "preorders", "orders", "reservations"})),
    Measure("units sold", _COUNT, _cues(r"ship(?:s|ped|ping)?", r"sold", r"sell(?:s|ing)?", r"deliver\w*"),
            units=frozenset({"units", "phones", "devices", "vehicles", "cars", "copies", "handsets"})),
    Measure("weight", _COUNT, _cues(r"weigh\w*", r"heav\w*", r"light\w*"),
            units=frozenset({"grams", "kilograms", "kg", "pounds", "ounces", "tonnes", "tons"})),
    Measure("screen size", _COUNT, _cues(r"screen", r"display", r"unfolds?"),
            units=frozenset({"inches", "centimetres", "centimeters"})),
    Measure("rainfall", _COUNT, _cues(r"rain", r"rainfall", r"precipitation"),
            units=frozenset({"inches", "millimetres", "millimeters", "centimetres", "centimeters", "mm", "cm"})),
    Measure("hires", _COUNT, _cues(r"hir(?:e|es|ed|ing)", r"recruit\w*", r"new (?:\w+ )?hires"),
            units=PEOPLE | {"hires", "recruits"}),
    Measure("headcount", _COUNT, _cues(
        r"engineers", r"researchers", r"employees", r"staff", r"workers", r"headcount", r"team",
        r"people", r"workforce", r"talent"), units=PEOPLE),
    Measure("closing date", _DATE, _cues(r"close", r"closing", r"completion", r"complete")),
    Measure("release date", _DATE, _cues(r"on sale", r"in stores", r"reach(?:es)? stores", r"release[sd]?",
                                         r"launch(?:es|ed)?", r"ship(?:s|ping)?", r"available",
                                         r"sell(?:s|ing)?")),
    Measure("acquisition date", _DATE, _cues(r"acquired", r"acquisition", r"purchased?", r"bought"),
            target="object"),
    Measure("IPO timing", _DATE | _DURATION, _cues(r"ipo", r"public offering", r"go public", r"listing")),
    Measure("integration time", _DURATION, _cues(r"integration", r"integrate")),
    Measure("battery life", _DURATION, _cues(r"battery", r"on a (?:single )?charge", r"charge")),
    Measure("contract length", _DURATION, _cues(r"contract", r"deal", r"signs?", r"signed", r"agreement")),
)

BY_NAME = {m.name: m for m in MEASURES}

#: Measures that are one quantity under two names: grouped together, shown by the commoner name.
SAME_AS = {"transfer fee": "deal value"}


def same_measure(name: str) -> str:
    """`transfer fee (after)` -> `deal value (after)`: synonyms share one key."""
    base, _, role = name.partition(" (")
    base = SAME_AS.get(base, base)
    return f"{base} ({role}" if role else base

#: Bullet labels ("Deal value: ...", "Headcount: ...") name the measure outright.
LABELS: dict[str, str] = {
    "deal value": "deal value", "price": "deal value", "deal size": "deal value",
    "purchase price": "deal value", "valuation": "valuation", "revenue": "revenue",
    "headcount": "headcount", "talent acquisition": "headcount", "expected close": "closing date",
    "closing": "closing date", "funding": "funding raised", "fee": "transfer fee",
    "transfer fee": "transfer fee", "job cuts": "jobs cut", "layoffs": "jobs cut", "budget": "budget",
    "damage": "damage", "deaths": "deaths", "death toll": "deaths",
}

#: Words that turn a value into the "before" or "after" of a change (`reduce those costs to $3m`).
CHANGE_VERB = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|rais\w*|increas\w*|grow\w*|grew|fell|f[ao]ll\w*|drop\w*|ris\w*|rose|"
    r"climb\w*|decreas\w*|shr[iu]nk\w*|up|down|jump\w*)\b",
    re.IGNORECASE,
)


def unit_class(f: Figure) -> str:
    """What a count counts, for telling quantities apart: engineers and researchers joining a
    team are both people, inches are not deaths. Empty for other kinds."""
    if f.kind != "count":
        return ""
    return "people" if f.unit in PEOPLE else (f.unit or "")


def measure_for_label(label: str) -> str | None:
    """The measure a bullet label names, if any."""
    return LABELS.get(" ".join(label.lower().split()))
