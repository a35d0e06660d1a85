"""The held-out events: real news from `../shared/corpora/real-news-dev/raw/`, annotated before
any rule was changed for them and never tuned on.

Each `tests/fixtures/heldout/<story>.yaml` names the raw ECB+ documents of one event and holds a
careful reader's truth in the format of the dev set's `truth.yaml` (its sides name figures by
their surface text and value; no article sentence is copied into this repository). The article
text is read from `../shared` at evaluation time:

    python -m tests.eval.heldout OUT             writes OUT/content/<story>/<doc>.md and OUT/truth.yaml
    python -m tests.eval.heldout --tuning OUT    the same for the tuning events
    python -m tests.eval.heldout --train OUT     the same for the training events

The tuning events (`tests/fixtures/tuning/`, same format) were annotated the same way, blind,
to judge changes on besides the dev set: the pair model is not fitted on them, so they show how
a change does on events the weights have not seen.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpora" / "real-news-dev"
RAW = SHARED / "raw"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
TUNING = ROOT / "tests" / "fixtures" / "tuning"
#: Events annotated blind to fit the pair model on, besides the dev set (`tests/eval/fit.py`).
TRAIN = ROOT / "tests" / "fixtures" / "train"

#: A sentence end: a stop (and a closing quote), space, then a capital or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“])")


def paragraphs(text: str, per: int = 3) -> list[str]:
    """Raw ECB+ text (one line) as paragraphs of `per` sentences, as the dev set lays it out."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
        sentences = [line[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if line[a:b].strip()]
        out += [" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per)]
    return out


def article(folder: str, doc: str) -> str:
    """One raw document as a Markdown article with the dev set's front matter."""
    raw = (RAW / folder / f"{doc}.txt").read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    front = yaml.safe_dump({"title": title.strip(), "source": f"ECB+ {doc}"}, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n\n" + "\n\n".join(paragraphs(body)) + "\n"


def events(folder: Path = HELDOUT) -> dict[str, dict]:
    """story -> its event file's contents, in name order."""
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["story"]] = data
    return out


def materialize(out: Path, folder: Path = HELDOUT) -> Path:
    """Write the events' content and truth (held-out ones by default) under `out`; returns the
    truth file."""
    stories = {}
    for story, data in events(folder).items():
        folder = out / "content" / story
        folder.mkdir(parents=True, exist_ok=True)
        for doc in data["articles"]:
            (folder / f"{doc}.md").write_text(article(data["folder"], doc), encoding="utf-8")
        stories[story] = {
            "domain": data.get("domain", ""),
            "articles": {f"{story}/{doc}.md": {"format": "md"} for doc in data["articles"]},
            "metadata": {},
            **{k: data.get(k) or [] for k in ("disputes", "corroborations", "not_disputes", "ambiguous")},
        }
    truth = out / "truth.yaml"
    truth.write_text(yaml.safe_dump({"version": 1, "tolerance": 1e-6, "stories": stories}, sort_keys=False,
                                    allow_unicode=True), encoding="utf-8")
    return truth


if __name__ == "__main__":
    args = sys.argv[1:]
    which = {"--tuning": TUNING, "--train": TRAIN}.get(args[0] if args else "", HELDOUT)
    args = args[1:] if which is not HELDOUT else args
    if len(args) != 1 or args[0].startswith("-"):
        sys.exit(__doc__)
    print(materialize(Path(args[0]), which))
