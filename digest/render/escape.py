"""The one place where article text becomes safe Markdown.

Article text is data: it must never become HTML, JavaScript, Markdown structure, an annotation
marker or template code. `escape_md` HTML-escapes, backslash-escapes exactly the characters
the site's Markdown extensions treat as escapable, breaks Material's `(1)` annotation markers
and folds line breaks, so the text renders as the same visible characters and nothing else.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from digest.render import config as mkdocs_config

#: The extensions digest's own mkdocs.yml enables; used when no mkdocs.yml is found.
DEFAULT_EXTENSIONS: tuple[str, ...] = (
    "abbr", "admonition", "attr_list", "md_in_html", "tables", "toc",
    "pymdownx.superfences", "pymdownx.details",
)
#: Material's annotation script turns "(1)" in text into a marker; a word joiner after "("
#: keeps it literal (Markdown escaping does not).
_MARKER = re.compile(r"\((\\?)(?=\d+\\?\))")
_WORD_JOINER = "\u2060"
#: Any run of white space, line breaks included: text never starts a new Markdown block.
_SPACE = re.compile(r"\s+")


@functools.cache
def escapable_chars(config: str | None = None) -> frozenset[str]:
    """The characters Python-Markdown treats as backslash-escapable with mkdocs.yml's extensions."""
    names: list[str] = list(DEFAULT_EXTENSIONS)
    configs: dict[str, Any] = {}
    if config and Path(config).is_file():
        data = mkdocs_config.load(config)  # INHERIT resolved, no tag runs
        names, configs = [], {}
        for entry in data.get("markdown_extensions") or []:
            if isinstance(entry, dict):
                for name, options in entry.items():
                    names.append(name)
                    configs[name] = options or {}
            else:
                names.append(str(entry))
    md = markdown.Markdown(extensions=names, extension_configs={k: v for k, v in configs.items() if v})
    # "<", ">" and "&" are HTML-escaped instead (an entity is never Markdown syntax)
    return frozenset(md.ESCAPED_CHARS) - {"<", ">", "&"}


@functools.cache
def _escape_table(config: str | None) -> dict[int, str]:
    """str.translate table: each escapable character -> itself after a backslash."""
    return {ord(ch): "\\" + ch for ch in escapable_chars(config)}


@functools.lru_cache(maxsize=1 << 16)  # a measure, a source or a sentence is escaped on several pages
def escape_md(text: str, *, config: str | None = None) -> str:
    """Article text as Markdown that renders to exactly that text."""
    flat = _SPACE.sub(" ", str(text))
    escaped = flat.translate(_escape_table(config))
    escaped = _MARKER.sub(lambda m: "(" + _WORD_JOINER + m.group(1), escaped)
    # after the backslashes, so the "#" of an entity is never escaped
    return html.escape(escaped, quote=False)


def escape_attr(text: str) -> str:
    """Text for an HTML attribute value written by digest itself. Markdown still reads raw
    HTML's attribute values (`title="![x onfocus=...](z)"` became an image tag inside the
    attribute), so every character Markdown acts on is a character reference too."""
    return " ".join(str(text).split()).translate(_ATTR)


#: HTML's attribute escapes, and every character Markdown or its extensions act on inside a line
#: as a numeric character reference (which Markdown leaves alone and browsers read back); the
#: value is one line, so line-start syntax (`#`, `-`, `1.`) cannot apply.
_ATTR = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;",
         **{ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()!|~^="}}


def trusted(fragment: str) -> Markup:
    """Mark a fragment that digest built itself (from escaped pieces) as safe to emit."""
    return Markup(fragment)


def first_upper(text: str) -> str:
    """`IPO timing` stays `IPO timing`, `deal value` becomes `Deal value` (str.capitalize would
    lower every other letter: `Ipo timing`)."""
    return text[:1].upper() + text[1:]
