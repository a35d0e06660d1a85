"""The Markdown reader: front matter checked, Markdown read back as plain blocks."""

from __future__ import annotations

from pathlib import Path

from digest.readers import read_article

ARTICLE = """---
title: Storm damage put at $1.2 billion
source: Harbor Gazette
author: [A. Writer, B. Writer]
published: 2026-09-14
url: https://example.org/a
---

The storm killed **14 people** and caused [$1.2 billion](https://example.org) in damage.

## Recovery

- The council approved $45 million.
- Repairs take *18 months*.

<script>alert(1)</script>
"""


def test_markdown_article(tmp_path: Path) -> None:
    p = tmp_path / "storm" / "gazette.md"
    p.parent.mkdir()
    p.write_text(ARTICLE, encoding="utf-8")
    a = read_article(p, root=tmp_path, story="storm")
    assert (a.id, a.outlet, a.author, a.published, a.format) == (
        "storm/gazette", "Harbor Gazette", "A. Writer, B. Writer", "2026-09-14", "md")
    assert [(b.kind, b.text) for b in a.body] == [
        ("paragraph", "The storm killed 14 people and caused $1.2 billion in damage."),
        ("heading", "Recovery"),
        ("item", "The council approved $45 million."),
        ("item", "Repairs take 18 months."),
    ]


def test_title_from_first_heading(tmp_path: Path) -> None:
    p = tmp_path / "s" / "a.md"
    p.parent.mkdir()
    p.write_text("# The heading title\n\nBody.\n", encoding="utf-8")
    a = read_article(p, root=tmp_path, story="s")
    assert a.title == "The heading title" and [b.text for b in a.body] == ["Body."]


def test_a_story_title_from_its_folder_keeps_the_folders_capitals(tmp_path: Path) -> None:
    from digest.discover import discover

    (tmp_path / "AI-deal_Databricks").mkdir()
    (tmp_path / "AI-deal_Databricks" / "a.md").write_text("---\ntitle: A\n---\n\nBody.\n", encoding="utf-8")
    errors: list = []
    [story] = discover(tmp_path, errors)
    assert story.title == "AI deal Databricks" and errors == []  # str.capitalize gave "Ai deal databricks"
