"""The context each page template gets: article text is escaped here, once, or in templates by
the environment's `finalize`; fragments built from escaped pieces are marked trusted."""

from __future__ import annotations

import html
import re
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace
from itertools import groupby
from typing import Any

import yaml
from markupsafe import Markup

from digest.claims.context import split_sentences
from digest.figures.dates import describe_period
from digest.figures.display import normalised
from digest.model import Article, Claim, Digest, Mention, Story
from digest.render.annotate import (
    LEGEND_IDS,
    STATUS_ICONS,
    STATUS_LABELS,
    annotated,
    annotation,
    first_per_article,
    link,
    marked,
    mention_ref,
    numbered_list,
    page_path,
    source_label,
    story_path,
)
from digest.render.config import FULL, Publishing
from digest.render.escape import escape_md, trusted
from digest.render.exports import annotations_path
from digest.render.values import (
    LowerWords,
    Value,
    attribution,
    claim_label,
    disputes_in_order,
    offset_in_sentence,
    place,
    stated_values,
    status_counts,
    story_labels,
)

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
STATUS_ORDER = {"disputed": 0, "corroborated": 1, "single-source": 2}


def front_matter(data: Mapping[str, Any]) -> str:
    """YAML front matter written by a YAML library, never by string formatting.

    Material's templates print `title` unescaped (in <title>, the header, the footer and the
    navigation), so it is HTML-escaped here: every one of those places then shows it as text.
    """
    data = dict(data)
    if "title" in data:
        data["title"] = html.escape(str(data["title"]), quote=True)
    # libyaml's emitter (shipped in PyYAML's wheels) when present: same output, ~10x faster
    body = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def claims_by_anchor(story: Story) -> dict[str, dict[str, Claim]]:
    """article id -> anchor -> the claim its figure belongs to."""
    out: dict[str, dict[str, Claim]] = defaultdict(dict)
    for claim in story.claims:
        for m in claim.mentions:
            out[m.article][m.anchor] = claim
    return out


def article_context(article: Article, story: Story, *, claims: Mapping[str, Claim],
                    config: str | None, publish: Publishing = FULL, labels: Mapping[str, str] | None = None,
                    values: dict[str, list[Value]] | None = None) -> dict[str, Any]:
    """Everything article.md.j2 needs; `claims` maps this article's anchors to their claims;
    `labels` and `values` (claim id -> its label, its stated values) are made once per story and
    shared by its articles (made here where not given). With `publish.mode == "excerpts"` the page keeps, of the article's text, its title and the
    sentences that give figures (each block's, joined by an ellipsis)."""
    page = page_path(article.id)
    articles = {a.id: a for a in story.articles}
    by_block: dict[int, list[Mention]] = defaultdict(list)
    for m in story.mentions:
        if m.article == article.id:
            by_block[m.block].append(m)
    # with excerpts, `story` is already `excerpted`: its articles cut, their mentions moved
    excerpts = publish.mode == "excerpts"

    firsts: dict[str, dict[str, Mention]] = {}  # per claim, made once

    def first(claim: Claim) -> dict[str, Mention]:
        if claim.id not in firsts:
            firsts[claim.id] = first_per_article(claim)
        return firsts[claim.id]

    def notes(mentions: list[Mention]) -> str:
        return numbered_list([annotation(m, claims[m.anchor], page=page, articles=articles, config=config,
                                         firsts=first(claims[m.anchor]))
                              # a list's items share one numbering: in item order, then in text order
                              for m in sorted(mentions, key=lambda m: (m.block, m.figure.start))
                              if annotated(claims[m.anchor])])

    def any_note(mentions: list[Mention]) -> bool:
        return any(annotated(claims[m.anchor]) for m in mentions)

    title_md = ""
    headings = 0
    blocks: list[str] = []
    numbered = list(enumerate(article.blocks))
    for is_item, run in groupby(numbered, key=lambda ib: ib[1].kind == "item"):
        if is_item:
            # a list is one annotated block: its items share one numbering of markers
            items: list[str] = []
            list_mentions: list[Mention] = []
            for i, block in run:
                if excerpts and not block.text:
                    continue
                mentions = sorted(by_block.get(i, []), key=lambda m: m.figure.start)
                so_far = sum(1 for m in list_mentions if annotated(claims[m.anchor]))
                items.append("- " + marked(block.text, mentions, claims, markers=True, config=config,
                                           first=so_far + 1))
                list_mentions += mentions
            if not items:
                continue
            body = "\n".join(items)
            blocks.append(f'<div class="annotate" markdown>\n\n{body}\n\n</div>\n\n{notes(list_mentions)}'
                          if any_note(list_mentions) else body)
            continue
        for i, block in run:
            mentions = by_block.get(i, [])
            if excerpts and block.kind != "title" and not block.text:
                continue
            if block.kind == "title":
                title_md = marked(block.text, mentions, claims, markers=False, config=config, body=False)
            elif block.kind == "heading" and not mentions and i == _first_body(article) \
                    and _same_words(block.text, article.title):
                # a body that opens with its own title as a heading: shown once (one that states
                # figures stays, its marks are linked to)
                continue
            elif block.kind == "heading":
                # annotations in headings leak "(1)" into the table of contents: mark only. The
                # id is digest's own: one made from the text ("Fig 1" -> `fig-1`) would take the
                # links meant for figure 1
                headings += 1
                blocks.append("## " + marked(block.text, mentions, claims, markers=False, config=config, body=False)
                              + f" {{ #section-{headings} }}")
            else:
                text = marked(block.text, mentions, claims, markers=any_note(mentions), config=config)
                cls = " .digest-summary" if block.kind == "summary" else ""
                if any_note(mentions):
                    blocks.append(f"{text}\n{{ .annotate{cls} }}\n\n{notes(mentions)}")
                else:
                    blocks.append(f"{text}\n{{ {cls.strip()} }}" if cls else text)
    rows = []
    for m in sorted((m for m in story.mentions if m.article == article.id), key=lambda m: int(m.anchor[4:])):
        claim = claims[m.anchor]
        subject = f" ({escape_md(claim.subject, config=config)})" if claim.subject else ""
        row = (f"[{escape_md(m.figure.text, config=config)}](#{m.anchor}): "
               f"{escape_md(claim.measure, config=config)}{subject}, {escape_md(normalised(m.figure), config=config)}"
               f" · {STATUS_ICONS[claim.status]} {STATUS_LABELS[claim.status]}")
        if claim.status == "disputed":
            row += f" · [conflict]({link(page, 'conflicts.md', claim.id)})"
        if m.check:
            row += f" · ⚠ arithmetic check: {escape_md(m.check, config=config)}"
        rows.append(trusted(row))
    byline = [f"**{escape_md(source_label(article), config=config)}**"]
    byline += [escape_md(x, config=config) for x in (article.author, article.published) if x]
    if (original := _original(article.url)) is not None:
        byline.append(f'[Original article]({original}){{ rel="noopener nofollow" .digest-original }}')
    meta: dict[str, Any] = {
        "title": article.title,
        "digest": {
            "kind": "article",
            "story": story.slug,
            "outlet": article.outlet,
            "author": article.author,
            "published": article.published,
            "url": article.url,
            "source": article.source,
            "annotations": annotations_path(article.id),
        },
    }
    if excerpts:
        meta["digest"]["excerpts"] = True
    if publish.noindex:
        meta["robots"] = "noindex"
    return {
        "front_matter": trusted(front_matter(meta)),
        "title_md": trusted(title_md),
        "blocks": [trusted(b) for b in blocks],
        "figure_rows": rows,
        "story": story,
        "story_link": trusted(link(page, story_path(story.slug))),
        "article": article,
        "annotations_link": trusted(link(page, annotations_path(article.id))),
        "excerpts": excerpts,
        "original": original,
        "byline": trusted(" · ".join(byline)),
        "standing": [trusted(line) for line in _standing(
            article, [m for ms in by_block.values() for m in ms], claims, articles=articles, page=page, config=config,
            labels=labels if labels is not None else story_labels(story),
            values=values if values is not None else {})],
        "legend": trusted(" ".join(f'<span class="digest-key digest-key--{status}" id="{LEGEND_IDS[status]}">'
                                   f"{STATUS_ICONS[status]} {STATUS_LABELS[status].lower()}</span>"
                                   for status in STATUS_ORDER)),
    }


#: The most quantities the line "agrees with other sources on ..." names.
MAX_NAMED = 5


def _standing(article: Article, mentions: list[Mention], claims: Mapping[str, Claim], *,
              articles: Mapping[str, Article], page: str, config: str | None, labels: Mapping[str, str],
              values: dict[str, list[Value]]) -> list[str]:
    """Under an article's byline, where it stands: the quantities on which it disagrees with
    other sources (its value against theirs, linked to the conflicts page), and those on which
    it agrees (at most MAX_NAMED of each named, the rest counted)."""
    by_id = {c.id: c for c in (claims[m.anchor] for m in sorted(mentions, key=lambda m: (m.block, m.figure.start)))}
    disputed = [c for c in by_id.values() if c.status == "disputed"]
    agreed = [c for c in by_id.values() if c.status == "corroborated"]
    lines = []
    parts = []
    for claim in disputed:
        if claim.id not in values:
            values[claim.id] = stated_values(claim, articles)
        mine = [v.text for v in values[claim.id] if any(m.article == article.id for m in v.mentions)]
        others = [v.text for v in values[claim.id] if v.text not in mine]
        if not mine:  # the editor deprecated this article's values
            continue
        said = (f"this report: {_few(mine)}; others: {_few(others)}" if others
                else f"this report gives {_few(mine)}")
        parts.append(f"[{escape_md(labels.get(claim.id, claim_label(claim)), config=config)}]"
                     f"({link(page, 'conflicts.md', claim.id)}) ({escape_md(said, config=config)})")
    if parts:
        more = f" · and {len(parts) - MAX_NAMED} more" if len(parts) > MAX_NAMED else ""
        lines.append("≠ **Disagrees with other sources on** " + " · ".join(parts[:MAX_NAMED]) + more)
    if agreed:
        named = ", ".join(escape_md(labels.get(c.id, claim_label(c)), config=config) for c in agreed[:MAX_NAMED])
        more = f" and {len(agreed) - MAX_NAMED} more" if len(agreed) > MAX_NAMED else ""
        lines.append(f"= **Agrees with other sources on** {named}{more}")
    return lines


def _few(texts: list[str]) -> str:
    """`$850 million`, `$1.2 billion and $1.3 billion`, `95,000 homes, … and 4 more`."""
    if len(texts) <= MAX_VALUES:
        return " and ".join(texts) if len(texts) == 2 else ", ".join(texts)
    return f"{', '.join(texts[:MAX_VALUES - 1])} and {len(texts) - MAX_VALUES + 1} more"


def _first_body(article: Article) -> int:
    """The index of the article's first block after its title and summary."""
    return next((i for i, b in enumerate(article.blocks) if b.kind not in ("title", "summary")), -1)


def _same_words(a: str, b: str) -> bool:
    """`Storm Hollis: the damage` and `storm hollis - the damage`: the same words."""
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _original(url: str | None) -> Markup | None:
    """The article's own address as a Markdown link target: http(s) only, with every character
    Markdown or HTML could read as structure percent-encoded (`(`, `)`, `<`, `>`, quotes,
    spaces)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return trusted(urllib.parse.quote(url, safe=":/?#@!$&*+,;=%~-._[]"))


def excerpted(story: Story) -> Story:
    """The story as excerpts publish it (`extra.digest.publish: excerpts`): each article's text
    blocks cut to the sentences that give figures, the mentions moved to match (pages and Web
    Annotations are made from it; claims.json and the story page from the story itself)."""
    by_article: dict[str, dict[int, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in story.mentions:
        by_article[m.article][m.block].append(m)
    articles, mentions = [], []
    for article in story.articles:
        cut, moved = _excerpts(article, by_article[article.id])
        articles.append(cut)
        mentions += [m for i in sorted(moved) for m in moved[i]]
    order = {(m.article, m.anchor): n for n, m in enumerate(story.mentions)}
    return replace(story, articles=tuple(articles),
                   mentions=tuple(sorted(mentions, key=lambda m: order[(m.article, m.anchor)])))


def _excerpts(article: Article, by_block: Mapping[int, list[Mention]]) -> tuple[Article, dict[int, list[Mention]]]:
    """The article with each text block cut to the sentences that give figures (joined by
    " … "), and its mentions moved to match; blocks without a figure are left empty. The title
    stays whole (it names the page)."""
    blocks = []
    moved: dict[int, list[Mention]] = defaultdict(list)
    for i, block in enumerate(article.blocks):
        mentions = sorted(by_block.get(i, []), key=lambda m: m.figure.start)
        if block.kind == "title":
            blocks.append(block)
            moved[i] = mentions
            continue
        if not mentions:
            blocks.append(replace(block, text=""))
            continue
        pieces: list[str] = []
        length = 0
        taken = 0  # where the text already kept ends: a figure that runs past a sentence break
        for s0, s1 in split_sentences(block.text):
            start = max(s0, taken)
            inside = [m for m in mentions if start <= m.figure.start < s1]
            if not inside:
                continue
            if pieces and start > taken:
                pieces.append(" … ")
                length += 3
            shift = length - start
            end = max(s1, *(m.figure.end for m in inside))  # a figure is never cut
            for m in inside:
                f = m.figure
                moved[i].append(replace(m, figure=replace(f, start=f.start + shift, end=f.end + shift)))
            pieces.append(block.text[start:end])
            length += end - start
            taken = end
        blocks.append(replace(block, text="".join(pieces)))
    return replace(article, blocks=tuple(blocks)), moved


#: The most sources a story's table shows as columns of their own.
MAX_COLUMNS = 8


def story_context(story: Story, *, config: str | None) -> dict[str, Any]:
    """Everything story.md.j2 needs: sources, and a row per measured quantity."""
    page = story_path(story.slug)
    figures = Counter(m.article for m in story.mentions)
    compared = Counter(m.article for c in story.claims if c.compared and len({x.article for x in c.mentions}) > 1
                       for m in c.mentions)
    # a column per source, up to MAX_COLUMNS: the sources that state the most compared figures
    # (a story of 1,000 short reports stays a readable table; the rest share one column)
    ranked = sorted(story.articles, key=lambda a: (-compared[a.id], -figures[a.id], a.id))
    shown = {a.id for a in ranked[:MAX_COLUMNS]}
    columns = [a for a in story.articles if a.id in shown]
    rows: list[dict[str, Any]] = []
    names = story_labels(story)
    for claim in sorted((c for c in story.claims if c.compared),
                        key=lambda c: (STATUS_ORDER[c.status], -(c.spread or 0), c.measure, c.id)):
        by_article: dict[str, dict[str, Mention]] = defaultdict(dict)
        for m in claim.mentions:
            by_article[m.article].setdefault(normalised(m.figure), m)
        cells = [trusted("; ".join(
            f"[{escape_md(text, config=config)}]({link(page, page_path(m.article), m.anchor)})"
            for text, m in by_article.get(article.id, {}).items()) or "—") for article in columns]
        if len(columns) < len(story.articles):
            said = Counter(text for article, values in by_article.items() if article not in shown for text in values)
            cells.append(trusted("; ".join(f"{escape_md(text, config=config)} ({n} {'source' if n == 1 else 'sources'})"
                                           for text, n in sorted(said.items(), key=lambda kv: (-kv[1], kv[0])))
                                 or "—"))
        rows.append({"claim": claim, "cells": cells, "label": trusted(escape_md(names[claim.id], config=config)),
                     "conflict_link": trusted(link(page, "conflicts.md", claim.id)) if claim.status == "disputed" else None})
    sources = [{"article": a, "link": trusted(link(page, page_path(a.id))), "label": source_label(a),
                "figures": figures[a.id]} for a in story.articles]
    labels = [source_label(a) for a in columns]
    if len(columns) < len(story.articles):
        labels.append(f"{len(story.articles) - len(columns)} other sources")
    articles = {a.id: a for a in story.articles}
    disagreements = [trusted(line) for c in disputes_in_order(story.claims)
                     if (line := disagreement(c, articles, page=page, config=config, linked=True,
                                              label=names[c.id])) is not None]
    return {
        "front_matter": trusted(front_matter({"title": story.title, "digest": {"kind": "story"}})),
        "story": story, "disagreements": disagreements,
        "rows": [r for r in rows if r["claim"].status != "single-source"],
        "single": [trusted(single(r["claim"], articles, page=page, config=config, label=names[r["claim"].id]))
                   for r in rows if r["claim"].status == "single-source"], "sources": sources, "columns": [trusted(escape_md(x, config=config)) for x in labels],
        "counts": status_counts(story),
        "conflicts_link": trusted(link(page, "conflicts.md", f"story-{story.slug}")),
        "status_icons": STATUS_ICONS, "status_labels": STATUS_LABELS,
    }


#: The most values, and the most sources per value, a one-line disagreement names.
MAX_VALUES = 4
MAX_SOURCES = 3


def disagreement(claim: Claim, articles: Mapping[str, Article], *, page: str, config: str | None,
                 linked: bool, label: str) -> str | None:
    """One disputed claim on one line, as Markdown: `[Damage · Hollis](conflicts): **about $850
    million** (Coastal Wire) vs **$1.2 billion** (Bay Herald, Harbor Gazette)`; with `linked`,
    each source links to the place where it says so."""
    values = stated_values(claim, articles)
    if len(values) < 2:  # the editor deprecated all but one value
        return None
    shown = values if len(values) <= MAX_VALUES else [values[0], values[-1]]

    def who(v: Value) -> str:
        firsts = dict(reversed(list(zip(v.sources, v.mentions, strict=True))))  # an outlet once
        ordered = [(name, firsts[name]) for name in dict.fromkeys(v.sources)]
        names = []
        for name, m in ordered[:MAX_SOURCES]:
            text = escape_md(name, config=config)
            names.append(f"[{text}]({link(page, page_path(m.article), m.anchor)})" if linked else text)
        if len(ordered) > MAX_SOURCES:
            names.append(f"{len(ordered) - MAX_SOURCES} more")
        return ", ".join(names)

    said = " vs ".join(f"**{escape_md(v.text, config=config)}** ({who(v)})" for v in shown)
    if len(shown) < len(values):
        said += f" ({len(values)} values in all)"
    return f"[{escape_md(label, config=config)}]({link(page, 'conflicts.md', claim.id)}): {said}"


def single(claim: Claim, articles: Mapping[str, Article], *, page: str, config: str | None, label: str) -> str:
    """A figure one source alone states, on one line: `Shelter stays: **3,000 residents**
    ([Harbor Gazette](...))`."""
    said = "; ".join(f"**{escape_md(v.text, config=config)}** ("
                     + ", ".join(f"[{escape_md(name, config=config)}]({link(page, page_path(m.article), m.anchor)})"
                                 for name, m in zip(v.sources, v.mentions, strict=True)) + ")"
                     for v in stated_values(claim, articles))
    return f"{escape_md(label, config=config)}: {said}"


def conflicts_context(digest: Digest, *, config: str | None) -> dict[str, Any]:
    """Everything conflicts.md.j2 needs: an overview (each dispute's lowest and highest value,
    who gives each), then every disputed claim with one row per source, the surest first."""
    page = "conflicts.md"
    stories = []
    overview = []
    for story in digest.stories:
        articles = {a.id: a for a in story.articles}
        entries = []
        disputes = disputes_in_order(story.claims)
        lower = LowerWords(story.articles)
        names = story_labels(story) if disputes else {}
        for claim in disputes:
            values = stated_values(claim, articles)
            rows: dict[str, dict[str, Any]] = {}
            for m in claim.mentions:
                article = articles[m.article]
                row = rows.setdefault(m.article, {"source": source_label(article), "values": {}, "where": [],
                                                  "sentence": m.sentence})
                value = normalised(m.figure)
                if value not in row["values"]:
                    notes = []
                    if m.period:
                        notes.append(describe_period(m.period))
                    if (who := attribution(m.sentence, _at(m, article), lower)) is not None:
                        notes.append(f"according to {who}")
                    flag = ("★ preferred" if mention_ref(m) in claim.preferred else
                            "✗ deprecated" if mention_ref(m) in claim.deprecated else None)
                    text = f"**{escape_md(value, config=config)}**"
                    if notes:
                        text += f" ({escape_md('; '.join(notes), config=config)})"
                    if flag:
                        text += f" {flag}"
                    if m.check:
                        text += f" ⚠ {escape_md(m.check, config=config)}"
                    row["values"][value] = text
                row["where"].append(f"[{escape_md(place(article, m.block), config=config)}]"
                                    f"({link(page, page_path(m.article), m.anchor)})")
            entries.append({"claim": claim, "label": trusted(escape_md(names[claim.id], config=config)),
                            "rows": [{"source": r["source"], "sentence": r["sentence"],
                                      "says": trusted("<br>".join(r["values"].values())),
                                      "where": trusted(", ".join(dict.fromkeys(r["where"])))}
                                     for r in rows.values()],
                            "spread": spread_text(claim.spread),
                            "confidence": f"{claim.confidence:.2f}" if claim.confidence is not None else None})
            if len(values) < 2:  # every mention but one value deprecated by the editor
                continue
            low, high = values[0], values[-1]
            overview.append({"label": trusted(f"[{escape_md(names[claim.id], config=config)}](#{claim.id})"),
                             "story": story.title, "low": _said_by(low, articles, config, lower), "high": _said_by(high, articles, config, lower),
                             "spread": spread_text(claim.spread) or "—"})
        if entries:
            stories.append({"story": story, "entries": entries, "link": trusted(link(page, story_path(story.slug)))})
    return {"front_matter": trusted(front_matter({"title": "Conflicts", "digest": {"kind": "conflicts"}})),
            "stories": stories, "overview": overview}


def _at(m: Mention, article: Article) -> int | str:
    """The figure's offset in its sentence, else its text (for `attribution`)."""
    at = offset_in_sentence(m, article)
    return m.figure.text if at is None else at


def _said_by(v: Value, articles: Mapping[str, Article], config: str | None, lower: LowerWords) -> Markup:
    """`**$850 million** (Coastal Wire, according to insurers)`."""
    whose = []
    for name, m in zip(v.sources, v.mentions, strict=True):
        who = attribution(m.sentence, _at(m, articles[m.article]), lower)
        whose.append(f"{name}, according to {who}" if who else name)
    return trusted(f"**{escape_md(v.text, config=config)}** ({escape_md(' · '.join(dict.fromkeys(whose)), config=config)})")


def spread_text(spread: float | None) -> str | None:
    """How far apart a dispute's values are, for readers: `2.5×`, `170×`, `1.5% apart`."""
    if not spread:
        return None
    if spread < 1.1:
        return f"{(spread - 1) * 100:.2g}% apart"
    return f"{spread:.2g}×" if spread < 10 else f"{spread:,.0f}×"


#: The most disagreements the home page shows under a story (the rest are on the conflicts page).
HOME_DISPUTES = 3


def home_context(digest: Digest, *, config: str | None) -> dict[str, Any]:
    """Everything index.md.j2 needs: the stories, newest first."""
    counts = [status_counts(s) for s in digest.stories]
    rows = []
    for story, c in zip(digest.stories, counts, strict=True):
        articles = {a.id: a for a in story.articles}
        names = story_labels(story)
        lines = [trusted(line) for claim in disputes_in_order(story.claims)
                 if (line := disagreement(claim, articles, page="index.md", config=config, linked=False,
                                          label=names[claim.id])) is not None]
        rows.append({"story": story, "link": trusted(story_path(story.slug)), "counts": c,
                     "sources": [source_label(a) for a in story.articles],
                     "disagreements": lines[:HOME_DISPUTES],
                     "more": max(0, len(lines) - HOME_DISPUTES),
                     "conflicts_link": trusted(link("index.md", "conflicts.md", f"story-{story.slug}"))})
    total = {k: sum(c[k] for c in counts) for k in ("disputed", "corroborated", "single-source")}
    return {"front_matter": trusted(front_matter({"title": "Home", "digest": {"kind": "home"}})),
            "rows": rows, "total": total}
