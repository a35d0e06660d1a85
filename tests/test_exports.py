"""The timeline, the entities page, the feeds and the Web Annotation exports, on built sites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from digest.discover import discover
from digest.pipeline import make_story, read_story
from digest.render.exports import article_text
from tests.test_site import page, resolve

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url when SITE_URL is not set


def _lands_on(site: Path, base: str, href: str) -> etree._Element:
    target, fragment = resolve(base, href)
    return page(site, target).get_element_by_id(fragment)


def test_timeline_lists_dated_events_oldest_first_and_links_to_them(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    root = page(site, "timeline")
    years = [int(h.text_content().strip().rstrip("¶")) for h in root.xpath("//article//h2")]
    # "since 2011" bounds a span: no event of 2011
    assert years == sorted(years) and 2011 not in years and 2023 in years and 2026 in years
    rows = root.xpath("//article//table/tbody/tr")
    assert rows
    for row in rows:
        links = row.xpath("./td[4]//a/@href")
        assert links
        for href in links:
            mark = _lands_on(site, "timeline/", href)
            assert mark.tag == "mark" and "fig--date" in mark.get("class")
    # three sources dating the storm's peak to Sept. 12 share one row
    sept12 = [r for r in rows if r.xpath("./td[1]")[0].text_content() == "September 12, 2026"]
    assert len(sept12) == 1 and len(sept12[0].xpath("./td[4]//a")) == 3


def test_entities_page_lists_companies_people_and_places(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    root = page(site, "entities")
    sections = {h.get("id"): h for h in root.xpath("//article//h2")}
    assert {"kind-company", "kind-person", "kind-place"} <= set(sections)

    def kind_of(entity_id: str) -> str:
        h3 = root.get_element_by_id(entity_id)
        return h3.xpath("preceding::h2[1]")[0].get("id")

    assert kind_of("entity-databricks") == "kind-company"
    assert kind_of("entity-mosaicml") == "kind-company"
    assert kind_of("entity-ines-okafor") == "kind-person"  # "Mayor Ines Okafor": the title is not the name
    assert kind_of("entity-port-avery") == "kind-place"
    for href in root.xpath("//article//li/a[contains(@href, '#fig-')]/@href"):
        assert _lands_on(site, "entities/", href).tag == "mark"
    # the story page links each of its names to its entry
    story = page(site, "port-avery-storm")
    assert any(_lands_on(site, "port-avery-storm/", h).get("id") == "entity-port-avery"
               for h in story.xpath("//a[contains(@href, 'entities/#')]/@href"))


def test_feeds_are_valid_and_link_into_the_site(default_site: tuple[Path, Path]) -> None:
    _, site = default_site
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    disputed = [c for c in claims["claims"] if c["status"] == "disputed"]
    stories = etree.parse(str(site / "feed.xml")).getroot()
    assert stories.tag == f"{ATOM}feed" and stories.findtext(f"{ATOM}id") == BASE + "feed.xml"
    entries = stories.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Storm Hollis hits Port Avery",
                                                             "Databricks buys an AI training startup"]
    for e in entries:
        assert e.findtext(f"{ATOM}updated") and e.find(f"{ATOM}link").get("href").startswith(BASE)
    disputes = etree.parse(str(site / "disputes.xml")).getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in disputes.findall(f"{ATOM}entry")]
    assert sorted(links) == sorted(f"{BASE}conflicts/#{c['id']}" for c in disputed)
    for href in links:
        assert page(site, "conflicts").get_element_by_id(href.split("#")[1]).tag == "h3"
    updated = [e.findtext(f"{ATOM}updated") for e in disputes.findall(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True)  # newest dispute first
    for name, atom in (("feed.json", stories), ("disputes.json", disputes)):
        feed = json.loads((site / name).read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["feed_url"] == BASE + name
        assert [i["url"] for i in feed["items"]] == [e.find(f"{ATOM}link").get("href")
                                                     for e in atom.findall(f"{ATOM}entry")]
    # every page tells feed readers where the feeds are
    head = page(site, "").xpath("//head/link[@rel='alternate']/@href")
    assert {"feed.xml", "feed.json", "disputes.xml", "disputes.json"} <= set(head)


def test_web_annotations_anchor_every_figure(default_site: tuple[Path, Path]) -> None:
    docs, site = default_site
    content = Path(__file__).parent.parent / "content"
    errors: list = []
    articles = {a.id: a for s in discover(content, errors) for a in read_story(s, content, errors)}
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    for entry in claims["articles"]:
        url = entry["url"]
        root = page(site, url.rstrip("/"))
        # linked from the page, for people and for annotation clients
        link = root.xpath("//head/link[@type='application/ld+json']/@href")
        visible = root.xpath("//article//a[contains(@class, 'digest-export')]/@href")
        assert link and visible and link[0] == visible[0] == f"../{entry['id'].split('/')[1]}.jsonld"
        data = json.loads((site / f"{entry['id']}.jsonld").read_text(encoding="utf-8"))
        assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
        items = data["first"]["items"]
        marks = root.xpath("//article//mark[contains(@class, 'fig')][@id]")
        assert data["total"] == len(items) == len(marks) > 0
        text, _ = article_text(articles[entry["id"]])
        for item in items:
            assert item["type"] == "Annotation" and item["target"]["source"] == BASE + url
            sel = {s["type"]: s for s in item["target"]["selector"]}
            quote, pos = sel["TextQuoteSelector"], sel["TextPositionSelector"]
            assert text[pos["start"]:pos["end"]] == quote["exact"]
            assert text[:pos["start"]].endswith(quote["prefix"]) and text[pos["end"]:].startswith(quote["suffix"])
            assert len(quote["prefix"]) == min(32, pos["start"])
            # the fragment names the element that wraps exactly the quoted figure on the page
            assert root.get_element_by_id(sel["FragmentSelector"]["value"]).text_content() == quote["exact"]
            tags = [b["value"] for b in item["body"] if b.get("purpose") == "tagging"]
            mark = root.get_element_by_id(sel["FragmentSelector"]["value"])
            assert f"fig--{tags[0]}" in mark.get("class")


def test_entities_are_a_pure_function_of_one_story() -> None:
    content = Path(__file__).parent / "fixtures" / "golden_content"
    errors: list = []
    (source,) = discover(content, errors)
    a = make_story(source, read_story(source, content, errors), content=content)
    b = make_story(source, read_story(source, content, errors), content=content)
    assert a.entities == b.entities and [e.name for e in a.entities] == ["Acme", "Widgets Inc", "Gadgets Ltd"]
    assert {e.kind for e in a.entities} == {"company"}
