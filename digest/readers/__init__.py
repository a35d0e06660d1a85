"""Readers: one module per input format, registered by file suffix (Pelican's `file_extensions`)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.model import Article, Block
from digest.readers import html, markdown, scraped
from digest.readers.meta import ARTICLE_KEYS, check, drop_controls
from digest.readers.spaces import flat

#: The largest article file read, in bytes; a larger one is refused with a clear error.
MAX_BYTES = 10 * 1024 * 1024

#: A parsed article: (front matter / page metadata, blocks without title and summary).
Parsed = tuple[dict[str, Any], list[Block]]

#: suffix -> function(text, path) -> Parsed
READERS: dict[str, Callable[[str, Path], Parsed]] = {
    ".txt": scraped.parse,
    ".md": markdown.parse,
    ".markdown": markdown.parse,
    ".html": html.parse,
    ".htm": html.parse,
}
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def read_article(path: Path, /, *, root: Path, story: str) -> Article:
    """Read one article file into an Article; raise InputError naming the file on bad input."""
    rel = path.relative_to(root).as_posix()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(rel, f"unknown file type '{path.suffix}'; articles are {', '.join(sorted(READERS))}")
    text = decode(path.read_bytes(), rel, html=path.suffix.lower() in (".html", ".htm"))
    meta, blocks = reader(text, Path(rel))
    meta = check(meta, Path(rel), schema=ARTICLE_KEYS)
    return make_article(meta, blocks, rel=rel, story=story, stem=path.stem, fmt=FORMATS[path.suffix.lower()])


def prepare(paths: Iterable[Path]) -> None:
    """Import what the readers of these files load on first use, once, before worker processes
    are forked (each would otherwise import it again)."""
    if any(p.suffix.lower() in (".html", ".htm") for p in paths):
        html.prepare()


def read_text(text: str, /, *, name: str = "<stdin>") -> Article:
    """An Article from plain text (for `digest figures -`): every paragraph is body."""
    blocks = [Block("paragraph", flat(p)) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Article(id=name, story="", slug=name, source=name, format="text", title="", blocks=tuple(blocks))


def decode(data: bytes, rel: str, *, html: bool = False) -> str:
    """Bytes to text: UTF-8 (a BOM is dropped), newlines normalised; a clear error otherwise."""
    if not data.strip():
        raise InputError(rel, "file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(rel, f"file is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB per article")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(rel, "binary file (it contains NUL bytes): not an article")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            data, forced = data[len(bom):], codec
            break
    else:
        forced = None
    if html and forced is None:
        forced = _declared_charset(data)
    try:
        text = data.decode(forced or "utf-8")
    except (UnicodeDecodeError, LookupError) as exc:
        start = getattr(exc, "start", 0)
        line = data[:start].count(b"\n") + 1
        raise InputError(
            rel, f"not valid {forced or 'UTF-8'} text (byte {start}); save the file as UTF-8", line
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(rel, "binary file (it contains NUL characters): not an article")
    return drop_controls(text)


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.IGNORECASE)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return "utf-8"  # a label no browser knows: read as UTF-8, as browsers fall back
    # what browsers do (WHATWG Encoding): a page declaring UTF-16 without a BOM is UTF-8; a
    # codec that is no character set of the web (unicode_escape, punycode, rot13) is not used
    if codec.startswith(("utf-16", "utf-32")) or codec not in _WEB_CODECS:
        return "utf-8"
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec  # as browsers read those labels


#: The character sets of the web (WHATWG Encoding) Python reads, by Python's codec names.
_WEB_CODECS = frozenset({
    "utf-8", "ascii", "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7",
    "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u",
    "mac-roman", "mac-cyrillic", "cp866", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "cp1258", "gbk", "gb18030", "gb2312", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis",
    "cp932", "euc_kr", "cp949"})


def slugify(text: str) -> str:
    """`Databricks & MosaicML` -> `databricks-mosaicml`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].strip("-") or "article"


def make_article(meta: dict[str, Any], blocks: list[Block], *, rel: str, story: str, stem: str, fmt: str) -> Article:
    """An Article from checked metadata and body blocks: title and summary become blocks too."""
    title = meta.get("title") or ""
    if not title:
        first_heading = next((b for b in blocks if b.kind == "heading"), None)
        if first_heading is None:
            raise InputError(rel, "article has no title: add 'title:' to its front matter")
        title = first_heading.text
        blocks = [b for b in blocks if b is not first_heading]
    if not any(b.text for b in blocks):
        raise InputError(rel, "article has no body text")
    summary = meta.get("summary") or meta.get("description")
    head = [Block("title", title)]
    if summary:
        head.append(Block("summary", summary))
    slug = meta.get("slug") or slugify(stem)
    return Article(
        id=f"{story}/{slug}",
        story=story,
        slug=slug,
        source=rel,
        format=fmt,
        title=title,
        blocks=tuple(head + blocks),
        outlet=meta.get("source") or meta.get("outlet"),
        url=meta.get("url"),
        published=meta.get("published") or meta.get("date"),
        author=meta.get("author"),
        summary=summary,
        category=meta.get("category"),
    )
