"""How the pages that answer "where do the reports disagree?" name values, places and credits."""

from __future__ import annotations

import pytest

from digest.model import Article, Block
from digest.render.pages import spread_text
from digest.render.values import attribution, place


@pytest.mark.parametrize(("sentence", "figure", "who"), [
    ("Insurers estimate that the storm caused about $850 million in damage.", "$850 million", "insurers"),
    ("The storm caused $1.2 billion in damage, city officials said on Sunday.", "$1.2 billion", "city officials"),
    ("Damage estimate: $1.2bn, according to the city.", "$1.2bn", "the city"),
    # two credits in one sentence: each figure's own
    ("City officials put the damage at $1.2 billion, while insurers estimate about $850 million.",
     "$1.2 billion", "City officials".lower()),
    ("City officials put the damage at $1.2 billion, while insurers estimate about $850 million.",
     "$850 million", "insurers"),
    ("Mayor Ines Okafor said the bill could reach $2 billion.", "$2 billion", "Mayor Ines Okafor"),
    ("Reuters reported 12 deaths.", "12 deaths", "Reuters"),
    # a headline's noun before a colon is not a credit; a pronoun or "this report" names no one
    ("Hollis damage estimate: $850 million", "$850 million", None),
    ("He said 12 people died.", "12 people", None),
    ("The deal is worth $2 billion, according to this report.", "$2 billion", None),
    ("The storm killed 14 people.", "14 people", None),
])
def test_attribution(sentence: str, figure: str, who: str | None) -> None:
    # the story writes these in lower case elsewhere ("the insurers' estimate"): not names
    assert attribution(sentence, figure, frozenset(["insurers", "city"])) == who


def test_place_names_the_block_as_a_reader_counts() -> None:
    blocks = (Block("title", "T"), Block("summary", "S"), Block("paragraph", "a"), Block("heading", "h"),
              Block("paragraph", "b"), Block("item", "c"), Block("item", "d"))
    article = Article(id="s/a", story="s", slug="a", source="s/a.md", format="md", title="T", blocks=blocks)
    assert [place(article, i) for i in range(len(blocks))] == [
        "headline", "summary", "paragraph 1", "heading 1", "paragraph 2", "list item 1", "list item 2"]


@pytest.mark.parametrize(("spread", "text"), [
    (1.015, "1.5% apart"), (1.3, "1.3×"), (2.5, "2.5×"), (9.96, "10×"),
    (170.0, "170×"), (1e6, "1,000,000×"), (None, None),
])
def test_spreads_are_never_in_scientific_notation(spread: float | None, text: str | None) -> None:
    assert spread_text(spread) == text
    assert "e+" not in (text or "")


def test_feeds_keep_qualifiers_and_never_date_a_story_1970(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from digest.pipeline import build
    from tests.conftest import ROOT

    build(ROOT / "content", out=tmp_path, config=None, cache=None)
    disputes = json.loads((tmp_path / "disputes.json").read_text(encoding="utf-8"))
    titles = [item["title"] for item in disputes["items"]]
    assert any("nearly 95,000 homes vs about 120,000 homes vs more than 110,000 homes" in t for t in titles), titles
    # the Databricks articles give no date: their story is dated with the digest's newest, not 1970
    for name in ("feed.xml", "disputes.xml", "feed.json", "disputes.json"):
        assert "1970-01-01" not in (tmp_path / name).read_text(encoding="utf-8"), name


def test_no_two_rows_of_a_story_page_read_alike(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    from digest.pipeline import build
    from tests.conftest import ROOT

    build(ROOT / "content", out=tmp_path, config=None, cache=None)
    page = (tmp_path / "databricks-mosaicml-spinout.md").read_text(encoding="utf-8")
    table = page.split("## What the sources say")[1].split("## Sources")[0]
    labels = [r.split(" | ")[0].lstrip("| ") for r in table.splitlines() if r.startswith("| ") and "---" not in r][1:]
    labels += [m.group(1) for m in re.finditer(r"^    - (.+?): \*\*", table, re.MULTILINE)]
    assert len(labels) == len(set(labels)) > 10, labels
    # told apart by what differs: the period, else the kind of figure
    assert "Market size \\(\u20602027\\)" in labels and "IPO timing · Databricks \\(a date\\)" in labels


def test_a_dispute_whose_values_the_editor_deprecated_builds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from digest.pipeline import build
    from tests.conftest import ROOT

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "port-avery-storm" / "claims.yml").write_text(
        "- claim: homes-without-power-hollis\n"
        "  deprecated: [bay-herald#fig-7, coastal-wire#fig-5, harbor-gazette#fig-9]\n", encoding="utf-8")
    build(content, out=tmp_path / "docs", config=None, cache=None)
    conflicts = (tmp_path / "docs" / "conflicts.md").read_text(encoding="utf-8")
    overview = conflicts.split("## Overview")[1].split("\n## ")[0]
    assert "Homes without power" not in overview and "Damage · Hollis" in overview
    wire = (tmp_path / "docs" / "port-avery-storm" / "coastal-wire.md").read_text(encoding="utf-8")
    assert "this report: ;" not in wire and "Homes without power · Hollis (this report" not in wire


def test_the_credit_is_found_by_the_figures_offset() -> None:
    sentence = "The city counted 1,850 damaged homes, while insurers said only 850 were damaged."
    assert attribution(sentence, sentence.index(" 850") + 1) == "insurers"


def test_a_lists_notes_follow_its_items(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    from digest.pipeline import build
    from tests.conftest import write_story

    body = ("- Acme Inc now employs 3,000 workers at the plant.\n"
            "- $40 million was spent on the new plant by Acme Inc.\n")
    content = write_story(tmp_path / "content", {
        "a.md": f"---\ntitle: A\nsource: A\n---\n\nAcme Inc opened a plant.\n\n{body}",
        "b.md": f"---\ntitle: B\nsource: B\n---\n\nAcme Inc opened a plant.\n\n{body}"})
    build(content, out=tmp_path / "docs", config=None, cache=None)
    page = (tmp_path / "docs" / "s" / "a.md").read_text(encoding="utf-8")
    marks = re.findall(r'data-claim="([^"]+)"[^>]*>([^<]+)</mark> <span data-pagefind-ignore>\((\d)\)', page)
    notes = re.findall(r"^(\d)\.  \*\*(.+?)\*\*", page, re.MULTILINE)
    assert [n for _, _, n in marks] == ["1", "2"] and len(notes) == 2
    # the note numbered as a figure's marker is that figure's (the list's items share one numbering)
    by_number = dict(notes)
    for _claim, text, n in marks:
        assert ("workers" in text) == ("employ" in by_number[n].lower() or "headcount" in by_number[n].lower()), \
            (text, by_number[n])


def test_a_first_heading_that_repeats_the_title_is_shown_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from digest.pipeline import build
    from tests.conftest import write_story

    content = write_story(tmp_path / "content", {
        "a.md": "---\ntitle: 'Storm damage: the bill'\nsource: A\n---\n\n# Storm damage - the Bill\n\n"
                "The storm cost $5 million.\n\n## Storm damage: the bill\n\nMore.\n",
        "b.md": "---\ntitle: 'Damage put at $5 million'\nsource: B\n---\n\n# Damage put at $5 million\n\n"
                "The storm cost $5 million.\n"})
    build(content, out=tmp_path / "docs", config=None, cache=None)
    a = (tmp_path / "docs" / "s" / "a.md").read_text(encoding="utf-8")
    # the repeat is not shown; a later heading of the same words is the article's own
    assert "Storm damage \\- the Bill" not in a and a.count("## Storm damage: the bill") == 1
    # a repeat that states figures stays (its marks are linked to from the other pages)
    b = (tmp_path / "docs" / "s" / "b.md").read_text(encoding="utf-8")
    assert b.count("## Damage put at") == 1
