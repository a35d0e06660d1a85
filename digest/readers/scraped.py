"""Scraped text as in the seeds: a marker line, the title, a page-metadata line, a summary line,
then one paragraph, heading or `•` bullet per line. YAML front matter on top is optional."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.model import Block
from digest.readers.meta import parse_date, split_front_matter
from digest.readers.spaces import flat

#: The scraper's first line ("📑 Table of Contents"): page furniture.
MARKER = re.compile(r"^\W*\s*table of contents\s*$", re.IGNORECASE)
#: The page-metadata line: "📅 <date> · 📁 <category> · 👁 10 views · ⏱️ 12 min read".
#: View counts and read times describe the web page, never the story: they are dropped here.
META_LINE = re.compile(r"^\s*📅(?P<date>[^·]*)·\s*(?:📁(?P<category>[^·]*))?(?:·.*)?$")
SUMMARY_LINE = re.compile(r"^\s*💡\s*(?P<summary>.+)$")
BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙]|[-*+](?=\s))\s*(?P<text>.+)$")
#: Headings are short lines without closing punctuation.
_CLOSING = tuple(".!?:;,\"'”’)…")


def parse(text: str, path: Path) -> tuple[dict[str, Any], list[Block]]:
    """Metadata and body blocks of a scraped-text article."""
    meta, body, first_line = split_front_matter(text, path)
    lines = body.split("\n")
    numbered = [(first_line + i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if numbered and MARKER.match(numbered[0][1]):
        numbered = numbered[1:]
    if not numbered:
        raise InputError(path, "article has no text after its front matter")
    found: dict[str, Any] = {}
    if not meta.get("title"):
        found["title"] = numbered[0][1]
        numbered = numbered[1:]
    if numbered and (m := META_LINE.match(numbered[0][1])):
        line_no = numbered[0][0]
        date = m["date"].strip()
        if date and not meta.get("published"):
            found["published"] = parse_date(date, path=path, key="date in the page-metadata line", line=line_no)
        if m["category"] and m["category"].strip():
            found["category"] = m["category"].strip()
        numbered = numbered[1:]
    if numbered and (m := SUMMARY_LINE.match(numbered[0][1])):
        found["summary"] = m["summary"].strip()
        numbered = numbered[1:]
    blocks: list[Block] = []
    for line_no, line in numbered:
        bullet = BULLET.match(line)
        if bullet:
            blocks.append(Block("item", flat(bullet["text"]), line_no))
        elif _is_heading(line):
            blocks.append(Block("heading", flat(line), line_no))  # a tab or NBSP is a space
        elif blocks and blocks[-1].kind == "paragraph" and line[:1].islower() and not blocks[-1].text.endswith(_CLOSING):
            prev = blocks.pop()  # a paragraph wrapped over two lines
            blocks.append(Block("paragraph", flat(f"{prev.text} {line}"), prev.line))
        else:
            blocks.append(Block("paragraph", flat(line), line_no))
    return {**found, **meta}, blocks


def _is_heading(line: str) -> bool:
    words = line.split()
    return len(line) <= 90 and len(words) <= 12 and not line.endswith(_CLOSING) and line[:1].isupper()
