"""The command line, as users and scripts call it (INTERFACE.md)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from digest.cli import main
from tests.conftest import BIN, ROOT, SEEDS, require, write_story


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "digest"), *args], input=stdin, capture_output=True, text=True, cwd=cwd)


def test_figures_json_on_a_seed() -> None:
    seed = sorted(require(SEEDS).glob("*.txt"))[0]
    result = run("figures", str(seed), "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    first = figures[0]
    assert {k: first[k] for k in ("text", "kind", "value", "low", "high", "unit", "qualifier")} == {
        "text": "approximately $2 billion", "kind": "money", "value": 2e9, "low": None, "high": None,
        "unit": "USD", "qualifier": "approximately"}
    body = run("text", str(seed)).stdout
    for f in figures:
        assert body[f["start"]:f["end"]] == f["text"]
    assert not any("views" in f["text"] for f in figures)


def test_figures_from_stdin() -> None:
    result = run("figures", "-", "--json", stdin="Costs fell from $5 million to $10 million to 15-20%.")
    texts = [f["text"] for f in json.loads(result.stdout)]
    assert texts == ["$5 million", "$10 million", "15-20%"]


def test_text_of_a_saved_page() -> None:
    result = run("text", "content/port-avery-storm/bay-herald.html")
    assert result.returncode == 0
    assert result.stdout.startswith("Port Avery counts the cost")
    assert "Advertisement" not in result.stdout and "Related stories" not in result.stdout


def test_bad_input_exits_2_and_reports_every_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "one").mkdir(parents=True)
    (content / "one" / "a.txt").write_bytes(b"")
    (content / "one" / "b.docx").write_bytes(b"PK")
    (content / "one" / "c.md").write_text("---\ntitle: [x\n---\nBody\n", encoding="utf-8")
    result = run("build", str(content), "--out", str(tmp_path / "docs"))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("digest: error:")]
    assert [e.split(": ")[2] for e in errors] == ["one/a.txt", "one/b.docx", "one/c.md:2"]
    assert not (tmp_path / "docs").exists()


def test_failed_build_keeps_previous_output(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "s").mkdir(parents=True)
    (content / "s" / "a.md").write_text("---\ntitle: T\n---\nIt cost $5 million.\n", encoding="utf-8")
    out = tmp_path / "docs"
    assert run("build", str(content), "--out", str(out), "-q").returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (content / "s" / "b.md").write_text("---\ntitle: [broken\n---\n", encoding="utf-8")
    assert run("build", str(content), "--out", str(out)).returncode == 2
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run("build", "content", "--out", str(tmp_path / "mine"))
    assert result.returncode == 2 and "was not written by digest" in result.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"
    result = run("build", "content", "--out", "content/sub")
    assert result.returncode == 2 and "inside the content folder" in result.stderr


def test_check_lists_pairs_held_back_from_being_a_dispute(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "content" / "s"
    story.mkdir(parents=True)
    (story / "a.md").write_text("---\ntitle: A\nsource: Outlet A\n---\n\nHe leaves two sons, ages 8 and 14.\n",
                                encoding="utf-8")
    (story / "b.md").write_text("---\ntitle: B\nsource: Outlet B\n---\n\nHe leaves two sons, ages 14 and 8.\n",
                                encoding="utf-8")
    assert main(["check", str(tmp_path / "content")]) == 0
    out = capsys.readouterr().out
    assert "s: " in out and "likely one quantity, values differ" in out
    assert "Outlet A (s/a#fig-2): '8'" in out or "Outlet A (s/a#fig-3): '14'" in out
    assert out.strip().splitlines()[-1].startswith("digest: ")
    assert main(["build", str(tmp_path / "content"), "--out", str(tmp_path / "docs"), "--no-cache"]) == 0
    built = capsys.readouterr().out
    assert "0 disputed" in built and "digest check" in built


def test_the_watchers_look_at_the_content_survives_a_missing_folder(tmp_path: Path) -> None:
    from digest.watch import fingerprint_tree

    assert fingerprint_tree(tmp_path / "missing") == ()
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.md").write_text("x", encoding="utf-8")
    [(path, _, size)] = fingerprint_tree(tmp_path)
    assert path.endswith("a.md") and size == 1


def test_articles_without_an_outlet_are_named_by_site_or_file_and_listed(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    write_story(tmp_path / "content", {
        "with-url.md": "---\ntitle: Storm kills 14\nurl: https://www.example.org/storm\n---\n\nThe storm killed 14 people.\n",
        "bare.md": "---\ntitle: Storm toll rises\n---\n\nThe storm killed 11 people.\n"})
    assert main(["build", str(tmp_path / "content"), "--out", str(tmp_path / "docs"), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "2 article(s) name no outlet" in out and "s/bare.md" in out and "s/with-url.md" in out
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md")).replace("\\", "")
    # a headline is never shown as the outlet ("Storm toll rises says ...")
    assert "example.org (outlet unknown)" in pages and "bare (outlet unknown)" in pages
    assert "Storm toll rises says" not in pages and "Storm kills 14 says" not in pages
