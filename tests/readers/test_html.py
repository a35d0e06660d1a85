"""The saved-page reader: the article only, measured on the public extraction benchmark."""

from __future__ import annotations

import collections
import gzip
import json
from pathlib import Path

import pytest

from digest.readers import read_article
from digest.readers.html import blocks_from_xml, extract_xml
from tests.conftest import CORPUS, ROOT, require


def test_saved_page_reads_the_article_only() -> None:
    content = ROOT / "content"
    a = read_article(content / "port-avery-storm" / "bay-herald.html", root=content, story="port-avery-storm")
    text = "\n".join(b.text for b in a.body)
    assert (a.outlet, a.author, a.published) == ("Bay Herald", "Sam Whitaker", "2026-09-15")
    assert "14 inches of rain" in text and "Paying for the repairs" in text
    for furniture in ("Advertisement", "cookies", "Related stories", "Comments", "All rights reserved",
                      "trackPageView", "loadAds", "Sport"):
        assert furniture not in text


def _f1(pred: str, gold: str) -> float:
    p, g = collections.Counter(pred.split()), collections.Counter(gold.split())
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_token_f1_on_the_extraction_benchmark() -> None:
    """Issue 2: token F1 of the extracted body against the human-made body, at least 0.95."""
    truth = json.loads(require(CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for page_id, gold in sorted(truth.items()):
        page = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        xml = extract_xml(page)
        text = ""
        if xml:
            from lxml import etree

            root = etree.fromstring(xml.encode("utf-8"))
            main = root.find("main")
            text = "\n\n".join(b.text for b in blocks_from_xml(main if main is not None else root))
        scores.append(_f1(text, gold["articleBody"]))
    mean = sum(scores) / len(scores)
    print(f"token F1 on {len(scores)} pages: {mean:.4f}")
    assert len(scores) == 181
    assert mean >= 0.95


def test_charset_declared_in_the_page(tmp_path: Path) -> None:
    p = tmp_path / "s" / "latin.html"
    p.parent.mkdir()
    body = "<p>" + "Le café a coûté 5 millions d'euros au total, selon la mairie. " * 4 + "</p>"
    p.write_bytes(f'<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><article>'
                  f"<h1>Le café</h1>{body}</article></body></html>".encode("iso-8859-1"))
    a = read_article(p, root=tmp_path, story="s")
    assert "café a coûté" in a.body[-1].text


@pytest.mark.parametrize(("declared", "encoded"), [
    # a codec that is no character set of the web is not used: the page is read as UTF-8
    ("unicode_escape", "utf-8"),
    # browsers read a page that declares UTF-16 but has no BOM as UTF-8 (WHATWG Encoding)
    ("utf-16", "utf-8"),
    # and ISO-8859-1 as windows-1252 (curly quotes and the euro sign live in 0x80-0x9f)
    ("iso-8859-1", "cp1252"),
])
def test_a_declared_charset_is_read_as_browsers_read_it(tmp_path: Path, declared: str, encoded: str) -> None:
    p = tmp_path / "s" / "page.html"
    p.parent.mkdir()
    body = "<p>" + "The café’s repairs cost €5 million in total, the council said. " * 4 + "</p>"
    p.write_bytes(f'<html><head><meta charset="{declared}"><title>Repairs</title></head><body><article>'
                  f"<h1>Repairs</h1>{body}</article></body></html>".encode(encoded))
    a = read_article(p, root=tmp_path, story="s")
    assert "The café’s repairs cost €5 million in total" in a.body[-1].text
