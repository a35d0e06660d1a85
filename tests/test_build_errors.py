"""Broken input: each case gets a correct page or a clear error naming the file (and line)."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digest.errors import BuildFailed
from digest.pipeline import build


def write(root: Path, rel: str, data: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def errors_of(content: Path, out: Path) -> list[str]:
    with pytest.raises(BuildFailed) as exc:
        build(content, out=out, config=None)
    assert not out.exists()
    return [str(e) for e in exc.value.errors]


GOOD = "---\ntitle: A good article\n---\nThe council spent $5 million.\n"


def test_a_20_mb_file(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/huge.txt", b"Title\n\n" + b"word " * 4_200_000)
    assert errors_of(tmp_path / "c", tmp_path / "out") == ["s/huge.txt: file is 21.0 MB; the limit is 10 MB per article"]


def test_two_articles_that_would_share_a_page(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/report.md", GOOD)
    write(tmp_path / "c", "s/report.txt", "Other title\n\nIt cost $2 million.\n")
    write(tmp_path / "c", "s/other.md", GOOD.replace("---\ntitle", "---\nslug: report\ntitle"))
    assert errors_of(tmp_path / "c", tmp_path / "out") == [
        "s/report.md: article would get the same page as s/other.md (s/report/); give one a 'slug:'",
        "s/report.txt: article would get the same page as s/report.md (s/report/); give one a 'slug:'",
    ]


def test_a_slug_cannot_leave_the_output_folder(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/a.md", "---\ntitle: T\nslug: ../../escape\n---\nBody.\n")
    [error] = errors_of(tmp_path / "c", tmp_path / "out")
    assert error.startswith("s/a.md:3: front matter key 'slug' must be lowercase letters")


def test_symlinks_out_of_content_are_not_followed(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.md", GOOD)
    write(tmp_path / "c", "s/a.md", GOOD)
    os.symlink(secret, tmp_path / "c" / "s" / "linked.md")
    os.symlink(tmp_path, tmp_path / "c" / "outside")
    errors = errors_of(tmp_path / "c", tmp_path / "out")
    assert errors == ["outside: is a link to somewhere outside the content folder; not followed",
                      "s/linked.md: is a link to somewhere outside the content folder; not followed"]


def test_wrong_types_and_unknown_extensions_are_all_reported(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/a.md", "---\ntitle: T\npublished: [2025]\n---\nBody.\n")
    write(tmp_path / "c", "s/b.pdf", b"%PDF-1.4")
    write(tmp_path / "c", "s/c.txt", "Title\n\n\xe9t\xe9".encode("latin-1"))
    write(tmp_path / "c", "loose.md", GOOD)
    errors = errors_of(tmp_path / "c", tmp_path / "out")
    assert errors == [
        "loose.md: articles go in a story folder: content/<story>/<article file>",
        "s/a.md:3: 'published' is not a date I can read: '[2025]' (write it as YYYY-MM-DD)",
        "s/b.pdf: unknown file type '.pdf'; articles are .htm, .html, .markdown, .md, .txt "
        "(story files: index.md, story.yml, claims.yml)",
        "s/c.txt:3: not valid UTF-8 text (byte 7); save the file as UTF-8",
    ]


def test_one_article_story_and_an_article_without_figures_build(tmp_path: Path) -> None:
    write(tmp_path / "c", "solo/only.md", GOOD)
    write(tmp_path / "c", "quiet/a.md", "---\ntitle: Nothing to count\n---\nThe council met again.\n")
    write(tmp_path / "c", "quiet/b.md", GOOD)
    out = tmp_path / "out"
    report = build(tmp_path / "c", out=out, config=None)
    assert (report.stories, report.articles) == (2, 3)
    assert "No figures were found in this article." in (out / "quiet" / "a.md").read_text(encoding="utf-8")
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))["claims"]
    assert {c["status"] for c in claims} == {"single-source"}


@pytest.mark.parametrize("name", ["timeline", "entities", "conflicts"])
def test_a_story_cannot_take_a_digest_wide_page(tmp_path: Path, name: str) -> None:
    write(tmp_path / "c", f"{name}/a.md", GOOD)
    assert errors_of(tmp_path / "c", tmp_path / "out") == [
        f"{name}: story folder name '{name}' is reserved for a site page; rename it"]


def test_a_pipe_in_a_story_is_reported_not_opened(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/a.md", GOOD)
    os.mkfifo(tmp_path / "c" / "s" / "b.txt")  # opening it would wait for a writer forever
    assert errors_of(tmp_path / "c", tmp_path / "out") == [
        "s/b.txt: not a regular file (a pipe, socket or device): not an article"]


def test_control_characters_are_dropped_from_text_and_escaped_in_messages(tmp_path: Path) -> None:
    # scraped text carries such bytes: they are invalid in the feeds' XML and unsafe in a terminal
    write(tmp_path / "c", "s/a.md", "---\ntitle: \"Title\\x01 with ESC\\x1b[2J\"\nsource: \"Out\\uFFFEsider\"\n---\n"
          "The council spent $5 million.\x07\n")
    out = tmp_path / "out"
    build(tmp_path / "c", out=out, config=None)
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    claims = (out / "claims.json").read_text(encoding="utf-8")
    assert "Outsider" in feed and "Title with ESC[2J" in claims
    assert not [p for p in out.rglob("*") if p.is_file() and any(c in p.read_text(encoding="utf-8")
                                                                  for c in "\x01\x07\x1b\ufffe")]
    write(tmp_path / "d", "s/a.md", "---\ntitle: T\n\x1b]0;owned\x07: 1\n---\nBody.\n")
    [error] = errors_of(tmp_path / "d", tmp_path / "out2")
    assert "\x1b" not in error and "\x07" not in error


def test_a_huge_number_of_years_ago_is_a_span_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/a.md", "---\ntitle: T\ndate: 2024-05-01\n---\n"
          f"It happened {'9' * 30} years ago, and the rocks formed 99999 years ago.\n")
    build(tmp_path / "c", out=tmp_path / "out", config=None)
    claims = json.loads((tmp_path / "out" / "claims.json").read_text(encoding="utf-8"))
    kinds = {m["kind"] for c in claims["claims"] for m in c["mentions"]}
    assert kinds == {"duration"}


def test_an_output_folder_that_is_a_link_stays_a_link(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/a.md", GOOD)
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "out")
    for _ in range(2):  # the second build once failed: "Cannot call rmtree on a symbolic link"
        build(tmp_path / "c", out=tmp_path / "out", config=None)
        assert (tmp_path / "out").is_symlink() and (tmp_path / "real" / "claims.json").is_file()


BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))


@pytest.mark.parametrize(("rel", "text", "line"), [
    # a 400-byte alias bomb: billions of values once built, then expanded into the message
    ("s/a.md", f"---\ntitle: T\nl0: &l0 [lol]\n{BOMB}date: *l8\n---\nBody.\n", 4),
    ("s/story.yml", f"title: T\nl0: &l0 [lol]\n{BOMB}summary: *l8\n", 3),
    ("s/claims.yml", f"- claim: x\n  l0: &l0 [lol]\n  {BOMB.replace(chr(10), chr(10) + '  ')}status: *l8\n", 3),
    # nesting the C parser recursed into until it crashed (30,000 levels: a segfault)
    ("s/a.md", f"---\ntitle: T\nx: {'[' * 30000}{']' * 30000}\n---\nBody.\n", 3),
    ("s/story.yml", f"title: T\nx: {'[' * 30000}{']' * 30000}\n", 2),
    ("s/claims.yml", f"- claim: x\n  x: {'[' * 1000}{']' * 1000}\n", 2),
])
def test_yaml_that_costs_more_than_its_size_is_refused(tmp_path: Path, rel: str, text: str, line: int) -> None:
    write(tmp_path / "c", "s/b.md", GOOD)
    write(tmp_path / "c", rel, text)
    # in a child process: before the fix these grew memory without limit or crashed the interpreter
    result = subprocess.run([sys.executable, "-m", "digest", "build", str(tmp_path / "c"), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr[-500:]
    assert f"{rel}:{line}: " in result.stderr and ("aliases" in result.stderr or "nested more than" in result.stderr)
    assert len(result.stderr) < 2000


def test_deep_lists_and_quotes_are_an_error_not_lost_text(tmp_path: Path) -> None:
    lists = "\n".join("  " * i + f"- item {i}" for i in range(250))
    write(tmp_path / "c", "s/a.md", f"---\ntitle: A\n---\nThe council paid $5 million.\n\n{lists}\n\nLast: $7 million.\n")
    write(tmp_path / "c", "s/b.md", f"---\ntitle: B\n---\nFirst: $9 million.\n\n{'>' * 260} quote\n\nAfter: $8 million.\n")
    assert errors_of(tmp_path / "c", tmp_path / "out") == [
        "s/a.md:30: lists or quotes nested 25 levels deep; digest reads at most 24: flatten them",
        "s/b.md:6: lists or quotes nested 260 levels deep; digest reads at most 24: flatten them",
    ]


def test_lists_and_quotes_as_deep_as_allowed_lose_nothing(tmp_path: Path) -> None:
    lists = "\n".join("  " * i + f"- item {i}" for i in range(24))
    write(tmp_path / "c", "s/a.md", f"---\ntitle: A\n---\n{lists}\n\n{'> ' * 24}quoted $3 million\n\nLast: $7 million.\n")
    build(tmp_path / "c", out=tmp_path / "out", config=None)
    claims = json.loads((tmp_path / "out" / "claims.json").read_text(encoding="utf-8"))
    texts = {m["text"] for c in claims["claims"] for m in c["mentions"]}
    assert {"0", "23", "$3 million", "$7 million"} <= texts


def test_two_builds_into_one_folder_take_turns(tmp_path: Path) -> None:
    write(tmp_path / "c", "s/a.md", GOOD)
    out = tmp_path / "out"
    with open(tmp_path / ".out.tmp-lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another build is writing `out`
        second = subprocess.Popen([sys.executable, "-m", "digest", "build", str(tmp_path / "c"), "--out", str(out)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert second.stderr is not None
        assert second.stderr.readline() == f"digest: waiting for another build writing {out}\n"
        assert second.poll() is None and not out.exists()
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert (out / "claims.json").is_file()


def test_a_storys_slug_names_its_pages(tmp_path: Path) -> None:
    write(tmp_path / "c", "old-name/a.md", GOOD)
    write(tmp_path / "c", "old-name/story.yml", "title: Bridge\nslug: bridge-repairs\n")
    build(tmp_path / "c", out=tmp_path / "out", config=None)
    assert (tmp_path / "out" / "bridge-repairs.md").is_file() and (tmp_path / "out" / "bridge-repairs" / "a.md").is_file()
    assert not (tmp_path / "out" / "old-name.md").exists()
    write(tmp_path / "d", "s/a.md", GOOD)
    write(tmp_path / "d", "s/story.yml", "title: T\nslug: timeline\n")
    assert errors_of(tmp_path / "d", tmp_path / "out2") == ["s: story slug 'timeline' is reserved for a site page; rename it"]


def test_a_saved_pages_address_with_a_space_is_encoded_not_an_error(tmp_path: Path) -> None:
    body = "The council paid $5 million for the bridge repairs, officials said. " * 5
    write(tmp_path / "c", "s/a.html", '<html><head><title>Repairs</title><meta property="og:url" '
          f'content="https://example.com/news/bridge repairs.html"></head><body><article><h1>Repairs</h1><p>{body}</p>'
          "</article></body></html>")
    build(tmp_path / "c", out=tmp_path / "out", config=None)
    page = (tmp_path / "out" / "s" / "a.md").read_text(encoding="utf-8")
    assert "url: https://example.com/news/bridge%20repairs.html" in page
