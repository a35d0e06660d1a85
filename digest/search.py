"""The site's search index: Pagefind run over the built site (`digest search-index SITE`).

Pagefind splits the index into fragments fetched as a query needs them, so a reader downloads a
few hundred kilobytes at any size of digest, where Material's lunr index is one file that grows
with it (10.8 MB at 1,000 articles, 108 MB at 10,000). It indexes the text of each page's
`[data-pagefind-body]` (overrides/main.html), never the annotations' notes, the "(1)" markers,
the legend or the figure lists.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digest.errors import InputError

#: Kept in words, so that `$800`, `€1.2bn`, `54%` and `£104` are searched as written.
INCLUDE_CHARACTERS = "$€£¥%"
#: What a page shows beside its text and must not be found by, nor be in result snippets: the
#: annotations' notes (every ordered list of a page: article lists are bulleted), the markers,
#: headings' permalinks, the article's "disagrees with other sources" lines (they name other
#: reports' values), the legend, the back link, the folded figure list, the exports' links.
EXCLUDE = ("ol", "[data-pagefind-ignore]", ".headerlink", ".digest-standing", ".digest-legend", ".digest-back",
           "details", ".digest-export", ".md-annotation")


def index_site(site: Path, *, quiet: bool = True) -> None:
    """Write the Pagefind index into `site`/pagefind/; InputError where the site is missing or
    Pagefind fails (its own message included)."""
    if not (site / "index.html").is_file():
        raise InputError(site, "not a built site (no index.html): run mkdocs build first")
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--include-characters", INCLUDE_CHARACTERS,
               "--exclude-selectors", ", ".join(EXCLUDE), "--force-language", "en"]
    if quiet:
        command.append("--silent")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InputError(site, f"Pagefind failed: {(result.stderr or result.stdout).strip()}")
