"""Escaping: hostile article text renders as the same visible text and nothing else."""

from __future__ import annotations

import markdown
import pytest
from lxml import html as lxml_html

from digest.render.escape import escape_md
from tests.conftest import ROOT

CONFIG = str(ROOT / "mkdocs.yml")
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences"]

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "<b>raw</b> &amp; &lt;",
    '--8<-- "mkdocs.yml"',
    "$x^2$ and $2bn/$3bn",
    "{{ config.site_name }} {% if x %}",
    "{ .annotate } and { #id .cls }",
    "==marked== text",
    "5*3*2 and __init__ and _under_",
    "# not a heading",
    "1984. A year",
    "- not a list",
    "> not a quote",
    "<!-- comment -->",
    "| a | b |",
    "`code` and ``more``",
    "back\\slash \\* \\\\",
    "![img](http://example.org/x.png)",
    "<http://example.org>",
    "*[HTML]: Hyper",
    "line\nbreak\n\n# heading",
    "x" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_renders_as_itself(text: str) -> None:
    rendered = markdown.markdown(escape_md(text, config=CONFIG), extensions=EXTENSIONS)
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    assert [el.tag for el in root.iter()] == ["div", "p"]  # one paragraph, no other element
    visible = root.text_content().replace("\u2060", "")
    assert visible == " ".join(text.split())


def test_annotation_markers_are_broken() -> None:
    escaped = escape_md("see (1) and (23)", config=CONFIG)
    assert "(1)" not in escaped.replace("\\", "") and "\u2060" in escaped


def test_labels_keep_their_capitals() -> None:
    from digest.render.escape import first_upper

    assert first_upper("IPO timing") == "IPO timing"  # str.capitalize gave "Ipo timing"
    assert first_upper("deal value") == "Deal value"
    assert first_upper("") == ""
