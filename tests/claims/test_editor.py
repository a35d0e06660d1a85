"""claims.yml: editors merge, split, set statuses, mark values and add notes; typos are errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from digest.errors import BuildFailed
from digest.pipeline import build
from tests.conftest import ROOT


@pytest.fixture
def storm(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "port-avery-storm", content / "port-avery-storm")
    return content


def run(content: Path, edits: str) -> dict:
    (content / "port-avery-storm" / "claims.yml").write_text(edits, encoding="utf-8")
    out = content.parent / "docs"
    build(content, out=out, config=None)
    return {c["id"].removeprefix("port-avery-storm-"): c
            for c in json.loads((out / "claims.json").read_text(encoding="utf-8"))["claims"]}


def errors(content: Path, edits: str) -> list[str]:
    (content / "port-avery-storm" / "claims.yml").write_text(edits, encoding="utf-8")
    with pytest.raises(BuildFailed) as exc:
        build(content, out=content.parent / "docs", config=None)
    return [str(e) for e in exc.value.errors]


def test_status_reason_note_and_marks(storm: Path) -> None:
    claims = run(storm, "- claim: damage-hollis\n  status: corroborated\n  reason: Insured and total losses differ.\n"
                        "  note: Insurers count insured losses only.\n  measure: storm damage\n"
                        "  preferred: harbor-gazette#fig-1\n")
    c = claims["damage-hollis"]
    assert (c["status"], c["reason"], c["note"], c["measure"], c["edited"]) == (
        "corroborated", "Editor: Insured and total losses differ.", "Insurers count insured losses only.",
        "storm damage", True)
    assert [m["anchor"] for m in c["mentions"] if m["preferred"]] == ["fig-1"]


def test_deprecated_value_is_kept_but_not_counted(storm: Path) -> None:
    base = run(storm, "[]\n")["homes-without-power-hollis"]
    low = [f"{m['article'].split('/')[1]}#{m['anchor']}" for m in base["mentions"] if m["value"] < 100000]
    claims = run(storm, f"- claim: homes-without-power-hollis\n  deprecated: {low}\n")
    c = claims["homes-without-power-hollis"]
    assert c["status"] == "corroborated" and len(c["mentions"]) == len(base["mentions"])
    assert sum(m["deprecated"] for m in c["mentions"]) == len(low) == 1


def test_merge_and_split(storm: Path) -> None:
    claims = run(storm, "- merge: [deaths-hollis, rainfall-hollis]\n  measure: deaths and rain\n")
    assert "rainfall-hollis" not in claims and claims["deaths-hollis"]["measure"] == "deaths and rain"
    damage = run(storm, "[]\n")["damage-hollis"]
    coastal = [f"coastal-wire#{m['anchor']}" for m in damage["mentions"] if "coastal" in m["article"]]
    claims = run(storm, f"- split: damage-hollis\n  mentions: {coastal}\n  measure: insured losses\n")
    assert claims["damage-hollis"]["status"] == "corroborated"  # the city's figure, from two outlets
    assert claims["damage-hollis-split"]["measure"] == "insured losses"
    assert claims["damage-hollis-split"]["status"] == "single-source"


@pytest.mark.parametrize(("edits", "message"), [
    ("- claim: damage-hollis\n  notes: typo\n", "claims.yml:2: unknown key 'notes' (did you mean 'note'?)"),
    ("- claim: damage-hollos\n", "claims.yml:1: unknown claim 'damage-hollos' (did you mean 'damage-hollis'?)"),
    ("- claim: damage-hollis\n  preferred: bay-herald#fig-99\n", "claims.yml:2: unknown figure 'bay-herald#fig-99'"),
    ("- claim: damage-hollis\n  status: wrong\n  reason: x\n", "claims.yml:2: status must be one of"),
    ("- claim: damage-hollis\n  status: disputed\n", "claims.yml:2: a status set by an editor needs a 'reason:'"),
    ("- merge: [damage-hollis]\n", "claims.yml:1: expected a list of two or more claim ids"),
    ("claim: damage-hollis\n", "claims.yml:1: must be a list of edits"),
    ("- claim: [unclosed\n", "claims.yml:1: not valid YAML"),
])
def test_typos_are_errors_with_file_and_line(storm: Path, edits: str, message: str) -> None:
    [error] = errors(storm, edits)
    assert error.startswith("port-avery-storm/" + message), error
