"""Markdown with YAML front matter: the body is rendered with Python-Markdown and read back as
blocks, so every Markdown construct an editor uses comes out as plain text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown as md
from lxml import html as lxml_html

from digest.errors import InputError
from digest.model import Block
from digest.readers.meta import split_front_matter
from digest.readers.spaces import flat

_BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
               "h6": "heading", "p": "paragraph", "li": "item", "td": "paragraph", "th": "paragraph",
               "dt": "paragraph", "dd": "paragraph"}
#: Elements whose text is never article text.
_SKIP = {"script", "style", "template", "noscript", "iframe", "object", "svg", "pre", "code"}


#: How deep lists and quotes may nest: Python-Markdown recurses per level, and past about 150
#: levels drops the text that follows (or raises RecursionError) instead of failing.
MAX_NESTING = 24
#: A line's quote markers and list-item indent: `> > text`, `      - item`.
_NESTING = re.compile(r"^(?P<quotes>(?:[ \t]{0,3}>)*)(?P<indent>[ \t]*)(?P<item>[-*+]|\d{1,9}[.)])?(?=[ \t]|$)",
                      re.MULTILINE)


def parse(text: str, path: Path) -> tuple[dict[str, Any], list[Block]]:
    """Metadata and body blocks of a Markdown article."""
    meta, body, first = split_front_matter(text, path)
    _check_nesting(body, path, first)
    rendered = md.markdown(body, extensions=["tables", "def_list"], output_format="html")
    return meta, blocks_from_html(rendered)


def _check_nesting(body: str, path: Path, first: int) -> None:
    """A clear error where lists or quotes nest deeper than `MAX_NESTING` (never lost text)."""
    for m in _NESTING.finditer(body):
        depth = m["quotes"].count(">")
        if m["item"]:
            depth += len(m["indent"].expandtabs(4)) // 2 + 1
        if depth > MAX_NESTING:
            line = first + body.count("\n", 0, m.start())
            raise InputError(path, f"lists or quotes nested {depth} levels deep; digest reads at most {MAX_NESTING}: "
                             "flatten them", line)


def blocks_from_html(fragment: str) -> list[Block]:
    """Headings, paragraphs and list items of an HTML fragment, as plain text."""
    if not fragment.strip():
        return []
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    blocks: list[Block] = []
    for el in root.iter(*_BLOCK_TAGS):
        if _inside_block(el) or any(a.tag in _SKIP for a in el.iterancestors()):
            continue
        text = flat(block_text(el))
        if text:
            blocks.append(Block(_BLOCK_TAGS[el.tag], text))
    return blocks


def block_text(el: Any) -> str:
    """The text of one block element, without nested lists, scripts or comments."""
    parts: list[str] = []

    def walk(node: Any, top: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if top or (tag and tag not in _SKIP and tag not in _NESTED_BLOCKS):
            if tag and node.text:
                parts.append(node.text)
            for child in node:
                walk(child, False)
        if not top and node.tail:
            parts.append(node.tail)

    walk(el, True)
    return "".join(parts)


#: Elements read as blocks of their own, not as part of the block around them.
_NESTED_BLOCKS = {"ul", "ol", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def _inside_block(el: Any) -> bool:
    """A paragraph inside a list item or table cell is read with it."""
    return el.tag == "p" and any(a.tag in ("li", "td", "th", "dd") for a in el.iterancestors())
