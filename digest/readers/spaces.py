"""Article text as digest reads it: one line per block, with the characters that change how a
number reads (but not what it says) made plain."""

from __future__ import annotations

import re

#: Invisible inside words and numbers: zero-width space and joiners, word joiner, BOM, soft
#: hyphen (a zero-width space inside `1,200` split it in two).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: A thousands group after a no-break or thin space (`1 200 engineers`, French and SI style):
#: unambiguous, unlike a plain space.
_SPACE_GROUP = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
#: Fullwidth ASCII (`＄5`, `３％`) and the digits of Arabic, Persian and Devanagari text, as ASCII.
_FOLD = {
    **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},
    **{0x0660 + i: ord("0") + i for i in range(10)},
    **{0x06F0 + i: ord("0") + i for i in range(10)},
    **{0x0966 + i: ord("0") + i for i in range(10)},
}


def flat(text: str) -> str:
    """`text` as one line: invisible characters dropped, fullwidth forms and other scripts'
    digits as ASCII, a thousands group after a no-break or thin space joined with a comma, and
    every run of whitespace (tabs, no-break and other Unicode spaces) one plain space."""
    text = _SPACE_GROUP.sub(",", _INVISIBLE.sub("", text).translate(_FOLD))
    return " ".join(text.split())


#: The same group separators as a saved page writes them (characters or references), which the
#: page's text extraction would turn into plain spaces.
_HTML_SPACE_GROUP = re.compile(r"(?<=\d)(?:[\u00a0\u202f\u2009]|&(?:nbsp|thinsp|#160|#xa0|#8239|#x202f|#8201|#x2009);)"
                               r"(?=\d{3}(?!\d))", re.IGNORECASE)


def grouped_html(page: str) -> str:
    """A saved page with its no-break and thin space thousands groups (`1&nbsp;200`) joined with
    a comma, before its text is extracted."""
    return _HTML_SPACE_GROUP.sub(",", page)
