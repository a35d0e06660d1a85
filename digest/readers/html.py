"""Saved web pages: only the article itself, read with trafilatura (which scores 0.96 token F1
on the 181-page article-extraction benchmark here), metadata from the page's own tags."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any

from lxml import etree

from digest.errors import InputError
from digest.model import Block
from digest.readers.spaces import flat, grouped_html

_XML_BLOCKS = {"head": "heading", "p": "paragraph", "item": "item", "cell": "paragraph", "quote": "paragraph"}
_META_KEYS = {"title": "title", "author": "author", "date": "published", "sitename": "source",
              "url": "url", "description": "summary", "categories": "category"}


def parse(text: str, path: Path) -> tuple[dict[str, Any], list[Block]]:
    """Metadata and body blocks of a saved web page."""
    xml = extract_xml(grouped_html(text))
    if xml is None:
        raise InputError(path, "no article text found in this web page")
    root = etree.fromstring(xml.encode("utf-8"))
    meta: dict[str, Any] = {}
    for attr, key in _META_KEYS.items():
        value = " ".join((root.get(attr) or "").split())
        if value:
            meta[key] = value.split(",")[0].strip() if key == "category" else value
    if "url" in meta:
        # the page's own address, not an editor's: spaces and quotes percent-encoded, as browsers
        # send them; a relative or non-web address is left out (never an error about the page)
        meta["url"] = urllib.parse.quote(meta["url"], safe=":/?#[]@!$&()*+,;=%~")
        if not meta["url"].startswith(("http://", "https://")):
            del meta["url"]
    main = root.find("main")
    return meta, blocks_from_xml(main if main is not None else root)


def prepare() -> None:
    """Import trafilatura now (it takes a fifth of a second; builds without web pages skip it)."""
    import trafilatura  # noqa: F401


def extract_xml(page: str) -> str | None:
    """trafilatura's XML for a page: the article body and the page's metadata."""
    import trafilatura

    return trafilatura.extract(
        page,
        output_format="xml",
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        # the page's own date tags only: a page that states no date has none (a year guessed
        # from its text would date every "two years ago" in it wrongly)
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def blocks_from_xml(main: Any) -> list[Block]:
    """Blocks from trafilatura's XML body (`head`, `p`, `list/item`, `table/cell`, `quote`)."""
    blocks: list[Block] = []
    for el in main.iter(*_XML_BLOCKS):
        parent = el.getparent()
        if el.tag == "p" and parent is not None and parent.tag in ("quote", "cell", "item"):
            continue
        text = flat("".join(el.itertext()))
        if text:
            blocks.append(Block(_XML_BLOCKS[el.tag], text))
    return blocks
