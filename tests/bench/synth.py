"""Synthetic digests for the site benchmark: N articles in stories of three to seven reports.

    python -m tests.bench.synth OUT --articles 1000 [--seed 0]

Every story is one event (a takeover, a storm, a funding round, job cuts, quarterly results)
with its own invented names and facts; each report of it states most of those facts, in its
own order and words, among sentences with no figures, and some reports give a different value
for one or two of them (the disputes). About 4,000 to 6,000 characters and 15 to 25 figures per
article, as in the seeds. Formats rotate: scraped text with its page furniture, Markdown with
front matter, and a saved web page with navigation, ads, related links and scripts around the
article. The same (articles, seed) always gives the same files.
"""

from __future__ import annotations

import argparse
import html
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = ("var", "tel", "quin", "bor", "ax", "mer", "lo", "den", "cor", "ith", "pal", "ros", "ven", "tra",
             "sol", "mir", "ka", "zen", "dra", "nel", "fi", "gar", "hol", "on", "ri", "us", "bel", "tor")
SUFFIXES = ("Systems", "Labs", "Group", "Holdings", "Technologies", "Networks", "Foods", "Energy", "Bank")
FIRST = ("Ana", "Ben", "Chidi", "Dana", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jon", "Kaya", "Lena",
         "Marco", "Nadia", "Omar", "Priya", "Rui", "Sara", "Tomas", "Uma", "Viktor", "Wen", "Yara", "Zoe")
LAST = ("Abara", "Brandt", "Castillo", "Dube", "Eriksen", "Fontaine", "Grummet", "Haddad", "Ivers", "Jovic",
        "Kowal", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rahman", "Sato", "Tamm")
OUTLETS = ("Harbor Gazette", "Coastal Wire", "Bay Herald", "Ledger Daily", "Circuit Weekly", "Metro Tribune",
           "Northern Post", "Market Signal", "Civic Record", "Valley Courier", "Daily Compass", "Wire Desk")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

#: Sentences with no figures, as in every report: context, quotes, background.
FILLER = (
    "{a} did not respond to a request for comment on Tuesday.",
    "Analysts said the move reflected a broader shift in how companies in the sector plan for the coming years.",
    "\"We are confident this is the right decision for our customers and our people,\" {p} said in a statement.",
    "People familiar with the matter, who asked not to be named because the talks were private, said the "
    "discussions had been going on for several months.",
    "The announcement came after a week of speculation in trade publications and on social media.",
    "Critics questioned whether the plan went far enough, while supporters described it as overdue.",
    "{b} has faced pressure from investors to show that its strategy can deliver steady growth.",
    "Regulators are expected to review the details before anything is finalised.",
    "Local officials said they would publish a fuller account once the review is complete.",
    "The decision was welcomed by some industry groups and criticised by others, who called it rushed.",
    "{p}, who took over the role last spring, has made the issue a central part of the agenda.",
    "Neither side disclosed how the remaining questions would be settled.",
    "It was not immediately clear how the change would affect existing contracts.",
    "Shares in rival firms moved sharply in early trading as investors weighed the news.",
    "A spokesperson for {a} declined to say when further details would be made public.",
    "The two sides are expected to meet again before the end of the month.",
    "Observers noted that similar efforts elsewhere had produced mixed results.",
    "{p} told reporters that the priority was to keep disruption to a minimum.",
    "Several employees said they had learned of the news from the press rather than from management.",
    "The plan still needs the approval of a majority of shareholders at a meeting later this year.",
)


@dataclass(frozen=True)
class Fact:
    """One quantity of the event: how to state it, its true value, and a disputed value."""

    sentences: tuple[str, ...]
    value: Callable[[float], str]
    true: float
    other: float


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _money(v: float) -> str:
    return f"${v / 1e9:.1f} billion" if v >= 1e9 else f"${v / 1e6:,.0f} million"


def _count(v: float) -> str:
    return f"{v:,.0f}"


def _pct(v: float) -> str:
    return f"{v:g}%"


def _event(kind: str, rng: random.Random, names: dict[str, str], year: int) -> list[Fact]:
    a, b, _p, city = names["a"], names["b"], names["p"], names["city"]
    month = rng.choice(MONTHS)
    if kind == "takeover":
        price = rng.choice((1.2, 1.5, 2.0, 2.4, 3.1, 4.5)) * 1e9
        return [
            Fact((f"{a} agreed to buy {b} for {{v}} in cash and stock.",
                  f"The deal values {b} at {{v}}, including debt.",
                  f"{a} will pay about {{v}} for {b}, according to a filing."), _money, price, price * 0.8),
            Fact((f"The offer is a {{v}} premium to {b}'s closing price on Friday.",
                  f"Investors in {b} will receive a premium of {{v}} over the last close."), _pct,
                 float(rng.randint(20, 45)), float(rng.randint(50, 60))),
            Fact((f"{b} employs {{v}} people, most of them in {city}.",
                  "The company has a workforce of {v} employees."), _count,
                 float(rng.randint(8, 40) * 100), float(rng.randint(41, 60) * 100)),
            Fact((f"The deal is expected to close in {month} {year + 1}.",), lambda v: "", 0, 0),
            Fact((f"{b} reported revenue of {{v}} last year.",), _money, rng.randint(80, 400) * 1e6,
                 rng.randint(401, 600) * 1e6),
        ]
    if kind == "storm":
        damage = rng.choice((450, 850, 1200, 2300)) * 1e6
        return [
            Fact((f"The storm caused an estimated {{v}} in damage across {city}.",
                  f"Officials put the cost of the damage in {city} at {{v}}."), _money, damage, damage * 1.4),
            Fact(("The storm killed {v} people.", "At least {v} people died in the storm."), _count,
                 float(rng.randint(3, 30)), float(rng.randint(31, 40))),
            Fact(("About {v} homes lost power at the height of the storm.",
                  "Nearly {v} households were left without electricity."), _count,
                 float(rng.randint(20, 150) * 1000), float(rng.randint(151, 200) * 1000)),
            Fact((f"The council approved {{v}} in emergency spending on {month} {rng.randint(1, 28)}.",),
                 _money, rng.randint(10, 90) * 1e6, rng.randint(91, 120) * 1e6),
            Fact(("Repairs to the sea wall are expected to take {v} months.",), _count,
                 float(rng.randint(6, 18)), float(rng.randint(19, 30))),
        ]
    if kind == "funding":
        raised = rng.choice((40, 75, 120, 250, 400)) * 1e6
        return [
            Fact((f"{a} raised {{v}} in a funding round led by {b}.",
                  f"The new round brings {{v}} into {a}."), _money, raised, raised * 1.25),
            Fact((f"The round values {a} at {{v}}.", "Investors valued the start-up at {v}."), _money,
                 raised * 12, raised * 15),
            Fact((f"{a} has {{v}} employees and plans to double that by {year + 2}.",), _count,
                 float(rng.randint(50, 400)), float(rng.randint(401, 600))),
            Fact(("Revenue grew {v} last year, the company said.",), _pct, float(rng.randint(40, 200)),
                 float(rng.randint(201, 300))),
        ]
    if kind == "layoffs":
        cut = rng.randint(5, 60) * 100
        return [
            Fact((f"{a} will cut {{v}} jobs over the next year.", f"About {{v}} roles will go at {a}."),
                 _count, float(cut), float(cut * 1.5)),
            Fact(("The cuts amount to {v} of the workforce.", "That is roughly {v} of all staff."), _pct,
                 float(rng.randint(5, 15)), float(rng.randint(16, 25))),
            Fact((f"{a} expects the plan to save {{v}} a year.",), _money, rng.randint(100, 900) * 1e6,
                 rng.randint(901, 1500) * 1e6),
            Fact((f"The company will take a charge of {{v}} in the {month} quarter.",), _money,
                 rng.randint(50, 300) * 1e6, rng.randint(301, 500) * 1e6),
        ]
    revenue = rng.randint(2, 40) * 1e9
    return [
        Fact((f"{a} reported quarterly revenue of {{v}}.", f"Sales at {a} reached {{v}} in the quarter."),
             _money, revenue, revenue * 1.1),
        Fact(("Net profit rose {v} from a year earlier.", "Profit was up {v} on the same quarter last year."),
             _pct, float(rng.randint(3, 30)), float(rng.randint(31, 45))),
        Fact((f"{a} ended the quarter with {{v}} in cash.",), _money, revenue * 0.3, revenue * 0.5),
        Fact(("The company now has {v} customers.",), _count, float(rng.randint(100, 900) * 1000),
             float(rng.randint(901, 1500) * 1000)),
        Fact((f"{a} expects full-year sales of up to {{v}}.",), _money, revenue * 4.2, revenue * 4.8),
    ]


KINDS = ("takeover", "storm", "funding", "layoffs", "earnings")


def _background(rng: random.Random, names: dict[str, str]) -> list[str]:
    """Dates, durations and counts of the story's background, which reports repeat or leave out."""
    year = int(names["year"])
    return [
        f"{names['b']} was founded in {rng.randint(1990, 2018)} and is based in {names['city']}.",
        f"{names['p']} has led the company for {rng.randint(2, 12)} years.",
        f"The company opened its first office in {names['city']} in {rng.choice(MONTHS)} {year - rng.randint(2, 9)}.",
        f"It runs {rng.randint(3, 40)} sites in {rng.randint(2, 12)} countries.",
        f"The sector grew by about {rng.randint(2, 15)}% in {year - 1}, according to industry estimates.",
        f"A similar plan in {year - rng.randint(3, 8)} took {rng.randint(2, 9)} months to complete.",
    ]


def _article_text(rng: random.Random, facts: list[Fact], disputed: set[int], names: dict[str, str],
                  background: list[str]) -> list[str]:
    """About 20 paragraphs: every fact stated (some twice), some background, figure-free sentences."""
    sentences: list[str] = []
    for i, fact in enumerate(facts):
        value = fact.other if i in disputed else fact.true
        for _ in range(rng.choice((1, 1, 2))):
            sentences.append(rng.choice(fact.sentences).format(v=fact.value(value)))
    sentences += rng.sample(background, rng.randint(3, len(background)))
    rng.shuffle(sentences)
    filler = [s.format(**names) for s in FILLER]
    paragraphs = []
    while sentences:
        para = [sentences.pop()]
        para += rng.sample(filler, rng.randint(2, 4))
        rng.shuffle(para)
        paragraphs.append(" ".join(para))
    return paragraphs


def _txt(title: str, summary: str, paragraphs: list[str], meta: dict[str, str]) -> str:
    """The scraped-text format of the seeds: furniture lines, title, teaser, body, footer."""
    body = "\n\n".join(paragraphs)
    return (f"📑 Table of Contents\n\n{title}\n\n📅 · 📁 Business · 👁 {len(body) % 97} views · ⏱️ 6 min read\n"
            f"💡 {summary}\n\n{body}\n\nShare this article\n\nRelated Articles\n\n"
            f"More from {meta['source']}\n")


def _md(title: str, summary: str, paragraphs: list[str], meta: dict[str, str]) -> str:
    front = "\n".join([f'title: "{title}"', f"source: {meta['source']}", f"author: {meta['author']}",
                       f"published: {meta['published']}", f"url: {meta['url']}", f'summary: "{summary}"'])
    parts = []
    for i, p in enumerate(paragraphs):
        if i and i % 8 == 0:
            parts.append("## What happens next" if i == 8 else "## Background")
        parts.append(p)
    return f"---\n{front}\n---\n\n" + "\n\n".join(parts) + "\n"


def _html(title: str, summary: str, paragraphs: list[str], meta: dict[str, str]) -> str:
    e = html.escape
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/r/{i}">Five things to know about {i + 3} markets</a></li>' for i in range(6))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)} | {e(meta['source'])}</title>
<meta property="og:site_name" content="{e(meta['source'])}"><meta name="author" content="{e(meta['author'])}">
<meta property="article:published_time" content="{meta['published']}T07:00:00Z">
<meta name="description" content="{e(summary)}"><link rel="canonical" href="{e(meta['url'])}">
<script>window.dataLayer = window.dataLayer || []; track("{e(meta['url'])}");</script>
<style>.ad {{ display: block; }} .nav a {{ margin: 0 4px; }}</style></head>
<body><header><nav class="nav"><a href="/">Home</a><a href="/business">Business</a><a href="/world">World</a>
<a href="/sport">Sport</a></nav><div class="cookie">We use 3 kinds of cookies. Accept all?</div></header>
<div class="ad">Advertisement: subscribe for $1 a week for 12 weeks</div>
<main><article><h1>{e(title)}</h1><p class="byline">By {e(meta['author'])}</p>
{body}
</article><aside class="related"><h3>Related</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments (14)</h3><p>Reader: seen this 2 times already</p></section></main>
<footer><p>© {meta['published'][:4]} {e(meta['source'])}. All rights reserved.</p></footer>
<script>loadAds({{slots: 4}});</script></body></html>
"""


WRITERS = {"txt": _txt, "md": _md, "html": _html}
#: Of every ten articles: four scraped text, four Markdown, two saved web pages.
FORMATS = ("txt", "md", "txt", "md", "html", "txt", "md", "txt", "md", "html")


def generate(out: Path, articles: int, *, seed: int = 0) -> dict[str, int]:
    """Write `articles` articles under `out` (a new folder); returns counts by format."""
    rng = random.Random(seed)
    out.mkdir(parents=True)
    counts = {"txt": 0, "md": 0, "html": 0, "stories": 0}
    n = 0
    while n < articles:
        size = min(rng.randint(3, 7), articles - n)
        kind = KINDS[counts["stories"] % len(KINDS)]
        year = rng.randint(2019, 2026)
        names = {"a": f"{_name(rng)} {rng.choice(SUFFIXES)}", "b": f"{_name(rng)} {rng.choice(SUFFIXES)}",
                 "p": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "city": _name(rng), "year": str(year)}
        facts = [f for f in _event(kind, rng, names, year) if f.true]
        background = _background(rng, names)
        folder = out / f"{counts['stories']:05d}-{kind}-{names['a'].split()[0].lower()}"
        folder.mkdir()
        (folder / "story.yml").write_text(
            f'title: "{names["a"]}: {kind}"\nsummary: "Reports on the {kind} at {names["a"]}."\n', encoding="utf-8")
        disputed_by = {rng.randrange(size): {rng.randrange(len(facts))} for _ in range(rng.randint(1, 2))}
        for i in range(size):
            fmt = FORMATS[n % len(FORMATS)]
            outlet = OUTLETS[(n + i) % len(OUTLETS)]
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            meta = {"source": outlet, "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "published": day,
                    "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{folder.name}-{i}"}
            paragraphs = _article_text(rng, facts, disputed_by.get(i, set()), names, background)
            title = f"{names['a']} {rng.choice(('faces questions after', 'moves ahead with', 'confirms'))} {kind}"
            summary = f"What {outlet} learned about the {kind} at {names['a']}."
            text = WRITERS[fmt](title, summary, paragraphs, meta)
            (folder / f"{outlet.lower().replace(' ', '-')}-{i}.{fmt}").write_text(text, encoding="utf-8")
            counts[fmt] += 1
            n += 1
        counts["stories"] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(generate(args.out, args.articles, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
