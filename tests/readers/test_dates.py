"""Page dates: the forms news sites print are read; a page that states no date has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.readers import read_article
from digest.readers.meta import parse_date

FORMS = [
    ("Sept. 14, 2026", "2026-09-14"), ("Sep 14, 2026", "2026-09-14"), ("14 September 2026", "2026-09-14"),
    ("Monday, September 14, 2026", "2026-09-14"), ("2026-09-14T08:30:00Z", "2026-09-14"), ("2026-09", "2026-09"),
]


@pytest.mark.parametrize(("text", "iso"), FORMS)
def test_news_date_forms(text: str, iso: str) -> None:
    assert parse_date(text, path=Path("a.md")) == iso


def test_a_date_without_its_day_or_year_is_an_error_naming_the_file() -> None:
    with pytest.raises(InputError, match="not a date I can read"):
        parse_date("Sept. 14", path=Path("a.md"))


def test_scraped_metadata_line_with_a_news_date(tmp_path: Path) -> None:
    story = tmp_path / "s"
    story.mkdir()
    (story / "a.txt").write_text("📑 Table of Contents\nHarbour storm\n📅 Sept. 14, 2026 · 📁 Weather · 👁 12 views"
                                 " · ⏱️ 3 min read\n💡 A storm hit.\nA storm hit the harbour on Sunday.\n",
                                 encoding="utf-8")
    assert read_article(story / "a.txt", root=tmp_path, story="s").published == "2026-09-14"


def test_a_saved_page_that_states_no_date_has_none(tmp_path: Path) -> None:
    story = tmp_path / "s"
    story.mkdir()
    body = " ".join(["The mill closed in 1998 after a long decline, and the town has waited since."] * 6)
    (story / "a.html").write_text(f"<!doctype html><html><head><title>Mill town</title></head><body><article>"
                                  f"<h1>Mill town</h1><p>{body}</p><p>It reopened in 2016.</p></article></body></html>",
                                  encoding="utf-8")
    assert read_article(story / "a.html", root=tmp_path, story="s").published is None
