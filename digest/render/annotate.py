"""Article text with every figure wrapped in an anchored `<mark>` and a Material annotation."""

from __future__ import annotations

import functools
import posixpath
import re
import urllib.parse
from collections.abc import Mapping, Sequence

from digest.figures.display import exact, normalised
from digest.model import Article, Claim, Mention
from digest.render.escape import escape_attr, escape_md, first_upper

STATUS_LABELS = {"disputed": "Disputed", "corroborated": "Corroborated", "single-source": "Single source"}
STATUS_ICONS = {"disputed": "≠", "corroborated": "=", "single-source": "○"}
#: The ids of the article page's legend entries, which name each status in words.
LEGEND_IDS = {s: f"legend-{s}" for s in STATUS_LABELS}


def mention_ref(m: Mention) -> str:
    """How an editor names a mention: `<article id>#<anchor>`."""
    return f"{m.article}#{m.anchor}"


def page_path(article_id: str) -> str:
    """The article page's Markdown path in docs/: `<story>/<slug>.md`."""
    return f"{article_id}.md"


def story_path(slug: str) -> str:
    """The story page's Markdown path: `<story>.md`, beside the `<story>/` folder of its
    articles, so the sidebar shows the story's title and the URL is still `<story>/`."""
    return f"{slug}.md"


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two docs/ Markdown pages (MkDocs validates these)."""
    rel = _relative(to_page, posixpath.dirname(from_page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=65536)
def _relative(to_page: str, from_dir: str) -> str:
    return posixpath.relpath(to_page, from_dir)


def source_label(article: Article) -> str:
    """How a source is named to readers: its outlet; else the site its address is on, or its
    file's name, marked `(outlet unknown)` (a headline is no outlet: "<headline> says ...")."""
    if article.outlet:
        return article.outlet
    host = urllib.parse.urlsplit(article.url).hostname if article.url else None
    name = host.removeprefix("www.") if host else article.slug
    return f"{name} (outlet unknown)"


def marked(text: str, mentions: Sequence[Mention], claims: Mapping[str, Claim], *, markers: bool,
           config: str | None, first: int = 1, body: bool = True) -> str:
    """`text` as Markdown with each figure in `<mark id=… class=…>` and, if `markers`, ` (n)`
    after each figure other sources state too (`annotated`), numbered from `first` (a list's
    items share one numbering); a figure one source alone states is marked, never annotated.
    `body` is False for the headline and headings (no search form: it would show in titles)."""
    out: list[str] = []
    pos = 0
    n = first
    for m in sorted(mentions, key=lambda m: m.figure.start):
        f = m.figure
        claim = claims[m.anchor]
        out.append(escape_md(text[pos:f.start], config=config))
        cls = f"fig fig--{claim.status} fig--{f.kind}"
        if mention_ref(m) in claim.deprecated:
            cls += " fig--deprecated"
        if m.check:
            cls += " fig--check-failed"
        title = f"{claim.measure}: {STATUS_LABELS[claim.status].lower()}"
        # the status in words a screen reader reads (the page's legend), not in `title` alone
        out.append(
            f'<mark id="{m.anchor}" class="{cls}" data-claim="{escape_attr(claim.id)}" '
            f'title="{escape_attr(title)}" aria-describedby="{LEGEND_IDS[claim.status]}"{_searchable(f.text) if body else ""}>'
            f'{escape_md(f.text, config=config)}</mark>'
        )
        if markers and annotated(claim):
            # Material's script turns the "(n)" into the annotation's button; search skips it
            out.append(f" <span data-pagefind-ignore>({n})</span>")
            n += 1
        pos = f.end
    out.append(escape_md(text[pos:], config=config))
    return "".join(out).strip()


#: A currency symbol before a decimal (`$1.2bn`): Pagefind indexes it whole, so `1.2bn` alone
#: would not find it.
_SYMBOL_DECIMAL = re.compile(r"^[$€£¥]\s?(\d[\d,]*\.\d\S*)")


def _searchable(text: str) -> str:
    """For a figure search would miss as written, the form it finds, in an attribute Pagefind
    indexes (`data-pagefind-index-attrs`): `$1.2bn` is also found as `1.2bn`. Body text only:
    a headline's would show in the result's title."""
    m = _SYMBOL_DECIMAL.match(text)
    return f' data-pagefind-index-attrs="data-figure" data-figure="{escape_attr(m.group(1))}"' if m else ""


def annotated(claim: Claim) -> bool:
    """Whether a figure gets an annotation: where other sources state its quantity too (agree
    or dispute); a single-source figure is only underlined, its details in the figure list."""
    return claim.status != "single-source"


#: The most other sources an annotation names (a story may have a thousand).
MAX_OTHERS = 8


def annotation(m: Mention, claim: Claim, *, page: str, articles: Mapping[str, Article], config: str | None,
               firsts: Mapping[str, Mention] | None = None) -> str:
    """The annotation of one figure: what it measures, its value, what other sources say."""
    f = m.figure
    subject = f" · {escape_md(claim.subject, config=config)}" if claim.subject else ""
    lines = [
        f"**{escape_md(first_upper(claim.measure), config=config)}**{subject}",
        # exact() is digits, a decimal point and a unit word: safe in a code span
        f"Value: {escape_md(normalised(f), config=config)} (`{exact(f)}`)",
        f"{STATUS_ICONS[claim.status]} **{STATUS_LABELS[claim.status]}**: {escape_md(claim.reason, config=config)}",
    ]
    if m.check:
        lines.append(f"⚠ **Arithmetic check**: {escape_md(m.check, config=config)}")
    if mention_ref(m) in claim.preferred:
        lines.append("★ The editor marks this value as **preferred**.")
    if mention_ref(m) in claim.deprecated:
        lines.append("✗ The editor marks this value as **deprecated**: it is kept here but not counted.")
    if claim.note:
        lines.append(f"✎ **Editor's note**: {escape_md(claim.note, config=config)}")
    others = _other_sources(m, claim, first_per_article(claim) if firsts is None else firsts)
    for other in others[:MAX_OTHERS]:
        who = escape_md(source_label(articles[other.article]), config=config)
        target = link(page, page_path(other.article), other.anchor)
        lines.append(f"[{who}]({target}) says {escape_md(normalised(other.figure), config=config)}")
    if len(others) > MAX_OTHERS:
        more = len(others) - MAX_OTHERS
        story = m.article.split("/")[0]
        lines.append(f"… and {more} more {'source' if more == 1 else 'sources'}: "
                     f"[every source's value]({link(page, story_path(story))})")
    if claim.status == "disputed":
        lines.append(f"[All values on the conflicts page]({link(page, 'conflicts.md', claim.id)})")
    return "\n\n".join(line for line in lines if line)


def first_per_article(claim: Claim) -> dict[str, Mention]:
    """The first mention of the claim in each article (made once per claim: a claim may be
    stated thousands of times)."""
    seen: dict[str, Mention] = {}
    for other in claim.mentions:
        seen.setdefault(other.article, other)
    return seen


def _other_sources(m: Mention, claim: Claim, firsts: Mapping[str, Mention]) -> list[Mention]:
    """The first mention of the claim in each other article (or elsewhere in this one, if disputed)."""
    seen = [o for article, o in firsts.items() if article != m.article]
    if claim.status == "disputed" and not seen:
        own = []
        for o in claim.mentions:
            if o.anchor != m.anchor and o.figure.bounds() != m.figure.bounds():
                own.append(o)
                if len(own) == 3:
                    break
        return own
    return seen


def numbered_list(items: Sequence[str]) -> str:
    """A Markdown ordered list whose items may span several paragraphs."""
    out = []
    for i, item in enumerate(items, start=1):
        body = "\n".join(("    " + line) if line else "" for line in item.split("\n")).lstrip()
        out.append(f"{i}.  {body}")
    return "\n\n".join(out)
