"""Characters that change how a number reads but not what it says, in every reader: each case
read through a scraped .txt file, a Markdown file and a saved page (the team's own sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.figures import extract_figures
from digest.readers import read_article

#: [text with the character, the figure's text as read, kind, value]
CASES = [
    ("The firm has 1\u00a0200 engineers.", "1,200 engineers", "count", 1200.0),  # no-break space groups
    ("It serves 12\u202f500\u202f000 users.", "12,500,000 users", "count", 12_500_000.0),  # narrow no-break
    ("The levy raised 4\u2009500 euros.", "4,500 euros", "money", 4500.0),  # thin space
    ("It cost $1,\u200b200 million.", "$1,200 million", "money", 1.2e9),  # a zero-width space inside
    ("Sales rose \uff13\uff05 to \uff045 million.", "3%", "percent", 3.0),  # fullwidth forms
    ("Sales rose 3% to \uff045 million.", "$5 million", "money", 5e6),
    ("In \u0662\u0660\u0661\u0669 the firm grew.", "2019", "date", 2019.0),  # Arabic-Indic digits
    ("Profits fell \u22125% last year.", "\u22125%", "percent", -5.0),  # the minus sign
    ("The\tbudget is $5\u00a0million.", "$5 million", "money", 5e6),  # tab, and a space that is no group
]


def _write(folder: Path, fmt: str, text: str) -> Path:
    if fmt == "txt":
        path, data = folder / "a.txt", f"A report\n\n{text}\n"
    elif fmt == "md":
        path, data = folder / "a.md", f"---\ntitle: A report\n---\n{text}\n"
    else:
        body = text.replace("&", "&amp;").replace("<", "&lt;")
        path, data = folder / "a.html", (f"<html><head><title>A report</title></head><body><article><h1>A report</h1>"
                                         f"<p>{body} {'More words of the report follow here. ' * 6}</p></article></body></html>")
    path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
@pytest.mark.parametrize(("text", "figure", "kind", "value"), CASES, ids=[c[1] for c in CASES])
def test_a_number_reads_the_same_whatever_characters_write_it(tmp_path: Path, fmt: str, text: str, figure: str,
                                                              kind: str, value: float) -> None:
    article = read_article(_write(tmp_path, fmt, text), root=tmp_path, story="s")
    found = [(f.text, f.kind, f.value) for b in article.body for f in extract_figures(b.text)]
    assert (figure, kind, value) in found, found
    # what claims.json quotes is what the page marks: one text, no tab or no-break space left
    assert all("\t" not in b.text and "\u00a0" not in b.text for b in article.blocks)
