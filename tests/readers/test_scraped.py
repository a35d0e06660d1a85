"""The scraped-text reader, on the real seed format."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.readers import read_article
from tests.conftest import SEEDS, require


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    path = sorted(require(SEEDS).glob("*.txt"))[0]
    return read_article(path, root=SEEDS, story="s")


def test_title_summary_and_body(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.title.startswith("Databricks Acquires")
    assert seed.summary and seed.summary.startswith("Databricks deepens")
    assert [b.kind for b in seed.blocks[:3]] == ["title", "summary", "paragraph"]
    assert seed.category == "Industry"


def test_page_furniture_is_not_article_text(seed) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(b.text for b in seed.blocks)
    for furniture in ("Table of Contents", "10 views", "12 min read", "📅", "💡", "👁", "⏱"):
        assert furniture not in text


def test_headings_and_bullets(seed) -> None:  # type: ignore[no-untyped-def]
    headings = [b.text for b in seed.blocks if b.kind == "heading"]
    items = [b for b in seed.blocks if b.kind == "item"]
    assert "Key Takeaways at a Glance" in headings
    assert items[0].text.startswith("Deal value: Approximately $2 billion")
    assert not any(b.text.startswith("•") for b in items)
    assert all(b.line for b in seed.body)


def test_front_matter_on_top(tmp_path: Path) -> None:
    p = tmp_path / "s" / "a.txt"
    p.parent.mkdir()
    p.write_text("---\nsource: Wire\npublished: 2025-06-01\n---\nA title here\n\nBody with $5 million.\n", encoding="utf-8")
    a = read_article(p, root=tmp_path, story="s")
    assert (a.title, a.outlet, a.published, a.body[0].line) == ("A title here", "Wire", "2025-06-01", 7)


@pytest.mark.parametrize(("content", "message", "line"), [
    (b"", "file is empty", None),
    (b"Title\n\n\xff\xfe bad bytes\n", "not valid UTF-8", 3),
    (b"\x00\x01\x02binary", "binary file", None),
    (b"---\ntitle: [unclosed\n---\nBody\n", "front matter is not valid YAML", 2),
    (b"---\ntitle: [a, b]\n---\nBody text.\n", "'title' must be text, not a list", 2),
    (b"---\ntitel: A\n---\nBody text.\n", "unknown front matter key 'titel' (did you mean 'title'?)", 2),
    (b"---\nslug: ../../etc\n---\nT\n\nBody.\n", "front matter key 'slug' must be lowercase", 2),
    (b"---\ntitle: A\n", "never closed", 1),
])
def test_bad_input_names_file_and_line(tmp_path: Path, content: bytes, message: str, line: int | None) -> None:
    p = tmp_path / "s" / "bad.txt"
    p.parent.mkdir()
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_article(p, root=tmp_path, story="s")
    assert message in err.value.message
    assert err.value.line == line
    assert str(err.value).startswith("s/bad.txt")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    p = tmp_path / "s" / "a.txt"
    p.parent.mkdir()
    p.write_bytes("\ufeffA title\r\n\r\nIt cost $5 million.\r\n".encode())
    a = read_article(p, root=tmp_path, story="s")
    assert (a.title, a.body[0].text) == ("A title", "It cost $5 million.")
