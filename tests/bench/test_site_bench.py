"""The site benchmark's smoke run: `make bench` at 100 articles, as part of `make test`.

It checks that every measurement is made and is sane, never how fast anything is (speed is for
`make bench` to report, not for a test to assert).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.site import main

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_the_site_benchmark_runs_at_100_articles(tmp_path: Path) -> None:
    out = tmp_path / "site.md"
    assert main(["--sizes", "100", "--repeat", "1", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Site benchmark: CPython")
    rows = {cells[1].strip(): cells[2].strip() for cells in (ln.split("|") for ln in lines[4:] if ln.startswith("| "))}
    assert rows["stories · txt/md/html"] == "20 · 40/40/20"
    numbers = {k: float(v.replace(",", "")) for k, v in rows.items() if k != "stories · txt/md/html"
               and " of " not in v}
    for name in ("one core: articles/s", "mkdocs build: seconds", "search index MB, all fragments",
                 "search: index fetched by the first query, KB", "search: Enter to first result, ms",
                 "article page KB: average",
                 "rebuild, one article changed: seconds", "search: open page to first result, ms"):
        assert numbers[name] > 0, name
    assert numbers["one core: txt/md articles"] == 80
    assert numbers["article page KB: average"] <= numbers["article page KB: largest"] < 100
    # one changed article rewrites its page, its exports, its story page and the digest-wide files
    rewritten, total = (int(x) for x in rows["rebuild, one article changed: files rewritten"].split(" of "))
    assert 2 <= rewritten <= 12 < total
