"""Hostile article text, in every input format and in front matter, stays text in the built site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from digest.pipeline import build
from tests.conftest import FIXTURES, build_site

pytestmark = pytest.mark.slow
HOSTILE = FIXTURES / "hostile_content"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(HOSTILE, tmp_path_factory.mktemp("hostile"))[1]


def pages(site: Path) -> list[Path]:
    return sorted((site / "hostile").rglob("index.html"))


def test_no_script_element_or_handler_is_injected(hostile_site: Path) -> None:
    assert len(pages(hostile_site)) == 4  # story page + three articles
    for path in [*pages(hostile_site), hostile_site / "index.html", hostile_site / "conflicts" / "index.html"]:
        root = lxml_html.parse(str(path)).getroot()
        for script in root.iter("script"):
            # only the theme's own scripts: files, or its JSON config
            assert script.get("src") or script.get("type") == "application/json" or "alert" not in (script.text or "")
        for el in root.iter():
            for name, value in el.attrib.items():
                assert not name.lower().startswith("on"), (path, el.tag, name)
                assert not value.strip().lower().startswith("javascript:"), (path, el.tag, value)
        assert not root.xpath("//img[@src='x'] | //svg[@onload] | //b[@onmouseover]"), path
        assert "alert(" not in "".join(root.xpath("//script/text()")), path


def article_text(site: Path, slug: str) -> tuple[str, lxml_html.HtmlElement]:
    """The article's visible text without digest's own additions (markers, notes, byline)."""
    root = lxml_html.parse(str(site / "hostile" / slug / "index.html")).getroot()
    article = lxml_html.fromstring(lxml_html.tostring(root.xpath("//article")[0]))
    for marker in article.xpath(".//span[@data-pagefind-ignore]"):  # " (1)" after a figure
        previous = marker.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "").removesuffix(" ") + (marker.tail or "")
        marker.getparent().remove(marker)
    for extra in article.xpath(".//*[contains(@class,'annotate')]/following-sibling::*[1][self::ol]"
                               " | .//p[@class='digest-byline' or @class='digest-standing' or @class='digest-legend']"):
        extra.getparent().remove(extra)
    return article.text_content().replace("\u2060", ""), root


@pytest.mark.parametrize(("slug", "title", "literals"), [
    ("scraped", "<script>alert(8)</script> Title with $3 million and (1)", [
        "bullet <script>alert(10)</script> with 12% and (3)",
        "# tag line with $2 million and { .annotate }",
        "1984. A year when $1 million was spent.",
        "5*3*2 and __init__ and *stars* _under_ [x](javascript:alert(16)) <!-- comment --> ==x== $x^2$ and $2bn/$3bn.",
        '{{ 7*7 }} {% include "x" %} --8<-- "mkdocs.yml" very long line',
        "Summary <img src=x onerror=alert(9)> $4 million",
    ]),
    ("saved-page", "<script>alert(11)</script> Saved page title", [
        "Escaped markup in a real page: <script>alert(13)</script> and <img src=x onerror=alert(14)> for $15 million",
        '--8<-- "mkdocs.yml" and $x^2$ math and # not a heading',
    ]),
    ("front-matter", "<script>alert('title')</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} (1) ==mark==", [
        "Summary with <svg onload=alert(3)> and $4 million",
        "$x^2$ and $2bn/$3bn, {{ 7*7 }}, {% if true %}yes{% endif %}, { .annotate }, ==x==, (1) and (2).",
        '--8<-- "mkdocs.yml"',
    ]),
])
def test_hostile_text_is_shown_literally(hostile_site: Path, slug: str, title: str, literals: list[str]) -> None:
    text, root = article_text(hostile_site, slug)
    assert root.findtext(".//title") == f"{title} - News digest"
    assert root.xpath("string(//article//h1)").rstrip("¶").replace("\u2060", "") == title
    for literal in literals:
        assert literal in text, literal
    # no structure from the text: no emphasis, code, quote or heading beyond the page's own
    # (the annotations' notes, the byline and the lines under it are digest's own bold)
    own = "not(ancestor::ol) and not(ancestor::p[@class='digest-byline' or @class='digest-standing'])"
    assert not root.xpath(f"//article//em | //article//strong[{own}] | //article//code[not(ancestor::ol)]"
                          " | //article//pre | //article//blockquote")
    assert len(root.xpath("//article//h1")) == 1


def test_front_matter_values_stay_text(hostile_site: Path) -> None:
    _, root = article_text(hostile_site, "front-matter")
    byline = root.xpath("string(//p[@class='digest-byline'])").replace("\u2060", "")  # "(2)" kept no marker
    assert "<b onmouseover=alert(2)>Outlet</b>" in byline and "Eve <i>x</i> {{ config }}" in byline


def test_markers_in_text_add_no_annotation(hostile_site: Path) -> None:
    for path in pages(hostile_site):
        root = lxml_html.parse(str(path)).getroot()
        for block in root.xpath("//article//*[contains(@class,'annotate')]"):
            markers = len(re.findall(r"\((\d+)\)", block.text_content()))
            # a figure other sources state has a marker; one no other source states has none
            marks = len(block.xpath(".//mark[@id][not(contains(@class, 'fig--single-source'))]"))
            assert markers == marks, (path, block.text_content()[:80])


def test_an_editors_measure_stays_text_in_every_attribute(tmp_path: Path) -> None:
    # claims.yml `measure:` reaches each figure's <mark title="...">: Markdown read inside the
    # attribute once made `![...](z)` an image tag whose onfocus ran on page load
    payload = "![x tabindex=1 autofocus onfocus=alert(1) y](z) `code` [l](javascript:alert(2)) *em*"
    content = tmp_path / "content"
    story = content / "s"
    story.mkdir(parents=True)
    for name, value in (("a", "$2 million"), ("b", "$3 million")):
        (story / f"{name}.md").write_text(f"---\ntitle: Report {name}\nsource: Outlet {name}\n---\n\n"
                                          f"The council agreed to pay {value} for the bridge repairs.\n",
                                          encoding="utf-8")
    build(content, out=tmp_path / "probe", config=None)
    claims = json.loads((tmp_path / "probe" / "claims.json").read_text(encoding="utf-8"))
    [claim] = [c for c in claims["claims"] if len(c["mentions"]) == 2]
    (story / "claims.yml").write_text(f"- claim: {claim['id']}\n  measure: {json.dumps(payload)}\n", encoding="utf-8")
    site = build_site(content, tmp_path / "work")[1]
    titles = []
    for path in sorted(site.rglob("index.html")):
        root = lxml_html.parse(str(path)).getroot()
        assert not root.xpath("//img[@src='z'] | //*[@onfocus] | //a[starts-with(@href, 'javascript')]"), path
        titles += [m.get("title") for m in root.xpath("//mark[@title]") if "alert" in m.get("title")]
    assert titles and all(title.startswith(payload) for title in titles), titles


def test_a_heading_named_like_a_figure_takes_no_figure_link(tmp_path: Path) -> None:
    # "Fig 1" once got the id `fig-1`, and every link meant for figure 1 landed on the heading
    story = tmp_path / "content" / "s"
    story.mkdir(parents=True)
    for name, value in (("a", "$2 million"), ("b", "$3 million")):
        (story / f"{name}.md").write_text(f"---\ntitle: Fig 1\nsource: Outlet {name}\n---\n\n"
                                          f"The council paid {value} for the bridge repairs.\n\n## Fig 2\n\n"
                                          "Work took 14 days.\n", encoding="utf-8")
    site = build_site(tmp_path / "content", tmp_path / "work")[1]
    root = lxml_html.parse(str(site / "s" / "a" / "index.html")).getroot()
    for anchor in ("fig-1", "fig-2"):
        [element] = root.xpath(f"//*[@id='{anchor}']")
        assert element.tag == "mark", anchor
