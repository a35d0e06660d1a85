"""End to end: content -> digest build -> mkdocs build --strict, inspected with lxml."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from digest.pipeline import build
from tests.bench.synth import generate
from tests.conftest import BIN, ROOT, build_site

pytestmark = pytest.mark.slow


def page(site: Path, url_path: str) -> lxml_html.HtmlElement:
    path = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    return lxml_html.parse(str(path)).getroot()


def resolve(base: str, href: str) -> tuple[str, str]:
    """(site-relative directory URL, fragment) of a relative link on page `base`."""
    parts = urlsplit(href)
    stack = [p for p in base.strip("/").split("/") if p]
    for piece in parts.path.split("/"):
        if piece == "..":
            stack.pop()
        elif piece and piece != ".":
            stack.append(piece)
    return "/".join(stack), parts.fragment


@pytest.mark.parametrize("which", ["default_site", "seeds_site"])
def test_every_conflicts_link_lands_on_the_figure(which: str, request: pytest.FixtureRequest) -> None:
    docs, site = request.getfixturevalue(which)
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    text_of = {m["url"]: m["text"] for c in claims["claims"] for m in c["mentions"]}
    disputed = [c for c in claims["claims"] if c["status"] == "disputed"]
    assert disputed
    conflicts = page(site, "conflicts")
    links = [a.get("href") for a in conflicts.iter("a") if "#fig-" in (a.get("href") or "")]
    assert len(links) == sum(len(c["mentions"]) for c in disputed)
    for href in links:
        target, fragment = resolve("conflicts/", href)
        el = page(site, target).get_element_by_id(fragment)
        assert el.tag == "mark" and "fig--disputed" in el.get("class")
        assert el.text_content() == text_of[f"{target}/#{fragment}"]
    # each disputed claim is its own section with a heading (and so a permalink)
    for claim in disputed:
        heading = conflicts.get_element_by_id(claim["id"])
        assert heading.tag == "h3" and heading.find(".//a[@class='headerlink']") is not None


def test_annotations_and_back_links(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    for article in claims["articles"]:
        root = page(site, article["url"].rstrip("/"))
        marks = root.xpath("//article//mark[contains(@class, 'fig')][@id]")
        mentions = [m for c in claims["claims"] for m in c["mentions"] if m["article"] == article["id"]]
        assert len(marks) == len(mentions) > 0
        for mark in marks:
            claim_id = mark.get("data-claim")
            status = next(c["status"] for c in claims["claims"] if c["id"] == claim_id)
            assert f"fig--{status}" in mark.get("class")
        # annotated blocks carry Material's annotate class and a list of notes
        assert root.xpath("//article//*[contains(@class, 'annotate')]")
        # a disputed figure's note links back to the conflicts page entry
        for mark in root.xpath("//article//mark[contains(@class, 'fig--disputed')][@id]"):
            assert root.xpath(f"//a[contains(@href, 'conflicts/#{mark.get('data-claim')}')]")


def test_the_sidebar_holds_only_the_digest_wide_pages(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    home = page(site, "")
    nav = {resolve("", a.get("href"))[0] for a in home.xpath("//nav[contains(@class,'md-nav--primary')]//a[@href]")}
    assert nav == {"", "conflicts", "timeline", "entities"}
    # stories are reached from the home page, articles from their story's page
    assert home.xpath("//article//a[contains(@href, 'port-avery-storm/')]")
    story = page(site, "port-avery-storm")
    assert story.xpath("//article//a[contains(@href, 'bay-herald/')]")


def test_story_and_article_pages_do_not_grow_with_the_digest(default_site: tuple[Path, Path],
                                                             tmp_path: Path) -> None:
    """The same story's pages are the same bytes in a digest with two dozen more stories."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    generate(tmp_path / "more", 120)
    for story in sorted((tmp_path / "more").iterdir()):
        shutil.move(story, content / story.name)
    _, bigger = build_site(content, tmp_path / "work")
    _, site = default_site
    for rel in ("port-avery-storm", "port-avery-storm/bay-herald", "port-avery-storm/coastal-wire",
                "databricks-mosaicml-spinout/ledger-2b"):
        assert (bigger / rel / "index.html").read_bytes() == (site / rel / "index.html").read_bytes(), rel
    assert len(list(bigger.glob("*/*/index.html"))) > 120


def test_search_index_is_pagefinds(default_site: tuple[Path, Path], tmp_path: Path) -> None:
    """Every page but the search page and the 404 is indexed by Pagefind, keeping `$` and `%` in
    words; Material's single-file index is gone. (The browser tests search it.)"""
    _, site = default_site
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [p for p in site.rglob("index.html") if p.parent.name not in ("search", "pagefind")]
    assert entry["languages"]["en"]["page_count"] == len(pages)
    assert {"$", "%", "€", "£"} <= set(entry["include_characters"])
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "search" / "index.html").is_file()
    # an article's notes, markers and figure list are kept out of the index
    article = (site / "port-avery-storm" / "coastal-wire" / "index.html").read_text(encoding="utf-8")
    assert "<div data-pagefind-body>" in article and "<span data-pagefind-ignore>(1)</span>" in article
    result = subprocess.run([str(BIN / "digest"), "search-index", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 2 and "not a built site" in result.stderr


def test_claims_json_is_published_as_written(default_site: tuple[Path, Path]) -> None:
    docs, site = default_site
    assert (site / "claims.json").read_bytes() == (docs / "claims.json").read_bytes()
    data = json.loads((docs / "claims.json").read_text(encoding="utf-8"))
    assert set(data) == {"articles", "claims"}
    mention_keys = {"article", "text", "kind", "value", "low", "high", "unit", "sentence", "url"}
    for claim in data["claims"]:
        assert {"id", "measure", "subject", "status", "mentions"} <= set(claim)
        for m in claim["mentions"]:
            assert mention_keys <= set(m)


def test_article_header(default_site: tuple[Path, Path]) -> None:
    """Under the headline: the byline, where the article stands against the other sources, the
    legend; the figure list folded at the end; never the content file's path."""
    _, site = default_site
    root = page(site, "port-avery-storm/harbor-gazette")
    h1 = root.xpath("//article//h1")[0]
    byline = h1.getnext()
    assert byline.get("class") == "digest-byline"
    assert "Harbor Gazette" in byline.text_content() and "Mara Lindqvist" in byline.text_content()
    assert byline.xpath(".//a/@href") == ["https://example.org/harbor-gazette/storm-hollis-damage"]
    standing = byline.getnext()
    assert standing.get("class") == "digest-standing"
    assert "Disagrees with other sources on" in standing.text_content()
    assert "Damage · Hollis (this report: $1.2 billion; others: $850 million)" in standing.text_content()
    assert standing.xpath(".//a[contains(@href, 'conflicts/#port-avery-storm-damage-hollis')]")
    legend = root.xpath("//article//p[@class='digest-legend']")[0]
    assert [e.get("id") for e in legend.iter("span")] == ["legend-disputed", "legend-corroborated",
                                                          "legend-single-source"]
    assert legend.getprevious().get("class") == "digest-standing"
    # every mark names its status through the legend, which a screen reader reads
    for mark in root.xpath("//article//mark[@id]"):
        status = next(c[5:] for c in mark.get("class").split() if c[5:] in ("disputed", "corroborated",
                                                                           "single-source"))
        assert mark.get("aria-describedby") == f"legend-{status}"
    figures = root.xpath("//article//details[.//a[@href='#fig-1']]")
    assert figures and figures[0].get("open") is None
    assert "harbor-gazette.md" not in root.xpath("string(//article)")


def test_only_figures_other_sources_state_are_annotated(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    root = page(site, "port-avery-storm/coastal-wire")
    single = root.xpath("//article//mark[contains(@class, 'fig--single-source')]")
    assert single
    for mark in single:  # no marker "(n)" follows: the next thing is article text
        assert not (mark.tail or "").lstrip().startswith("(")
        assert mark.getnext() is None or "md-annotation" not in (mark.getnext().get("class") or "")
    compared = root.xpath("//article//mark[contains(@class, 'fig--disputed') or contains(@class, 'fig--corroborated')]")
    notes = root.xpath("//article//*[contains(@class, 'annotate')]/following-sibling::ol[1]/li")
    assert len(compared) - 1 == len(notes)  # the headline's figure is marked, never annotated


def test_home_and_story_pages_give_the_disagreements_values(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    home = page(site, "")
    section = home.xpath("//article//h2[@id='story-port-avery-storm']")[0]
    items = [li.text_content() for li in section.xpath("following-sibling::ul[1]/li")]
    assert "Damage · Hollis: $850 million (Coastal Wire) vs $1.2 billion (Bay Herald, Harbor Gazette)" in items
    story = page(site, "port-avery-storm")
    box = story.xpath("//article//div[contains(@class, 'admonition')]")[0]
    assert box.xpath("string(p[@class='admonition-title'])") == "Where the reports disagree"
    assert box.getprevious().tag == "h1"  # at the top, before the summary and the tables
    line = next(li for li in box.iter("li") if li.text_content().startswith("Damage"))
    assert line.xpath(".//a[text()='Coastal Wire']/@href") == ["coastal-wire/#fig-1"]  # its headline
    # single-source figures are folded away below the table of compared ones
    folded = story.xpath("//article//details[contains(., 'stated by one source only')]")
    assert folded and folded[0].get("open") is None
    table = story.xpath("//article//h2[@id='what-the-sources-say']/following-sibling::table[1]")[0]
    assert "Single source" not in table.text_content()


def test_a_story_of_many_sources_stays_readable(tmp_path: Path) -> None:
    # 30 short reports: the table shows the 8 sources with the most compared figures and one
    # column for the rest; each annotation names 8 other sources, then links to the rest
    story = tmp_path / "content" / "s"
    story.mkdir(parents=True)
    for i in range(30):
        value = 6 if i % 10 == 9 else 5
        (story / f"r{i:02d}.md").write_text(f"---\ntitle: Report {i}\nsource: Outlet {i}\n---\n\n"
                                            f"The council paid ${value} million for the bridge repairs, officials said.\n",
                                            encoding="utf-8")
    build(tmp_path / "content", out=tmp_path / "docs", config=None)
    page = (tmp_path / "docs" / "s.md").read_text(encoding="utf-8")
    [header] = [line for line in page.splitlines() if line.startswith("| Quantity |")]
    assert header.count("|") == 1 + 1 + 8 + 1 + 1 and "22 other sources" in header
    [row] = [line for line in page.splitlines() if line.startswith("| Deal value") or line.startswith("| Spending")
             or "million (" in line]
    assert "$5 million (" in row and "sources)" in row
    article = (tmp_path / "docs" / "s" / "r00.md").read_text(encoding="utf-8")
    assert article.count(" says ") == 8 and "… and 21 more sources: [every source's value](../s.md)" in article


def test_excerpts_site_keeps_every_conflicts_link_and_asks_not_to_be_indexed(tmp_path: Path) -> None:
    _, site = build_site(ROOT / "content", tmp_path, extra="extra:\n  digest:\n    publish: excerpts\n    noindex: true\n")
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    for claim in claims["claims"]:
        for m in claim["mentions"]:
            target, fragment = resolve("", m["url"])
            article = page(site, target)
            assert article.get_element_by_id(fragment).text_content() == m["text"]
            assert article.xpath("//meta[@name='robots']/@content") == ["noindex"]
    story = page(site, "port-avery-storm")
    assert not story.xpath("//meta[@name='robots']")  # only the articles carry the outlets' text
    gazette = page(site, "port-avery-storm/harbor-gazette")
    assert "Mayor Ines Okafor" not in gazette.text_content()
    assert gazette.xpath("//a[@href='https://example.org/harbor-gazette/storm-hollis-damage'][@rel='nofollow']")
