"""The build cache and the process pool: same output as a build from scratch, never stale."""

from __future__ import annotations

import filecmp
import hashlib
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

from digest.cache import Cache
from digest.pipeline import build
from tests.bench.synth import generate
from tests.conftest import BIN, ROOT

CONFIG = str(ROOT / "mkdocs.yml")


def same_tree(a: Path, b: Path) -> None:
    """Two folders hold the same files with the same bytes."""
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    _, mismatch, errors = filecmp.cmpfiles(a, b, files_a, shallow=False)
    assert not mismatch and not errors, mismatch[:5]


def state(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    return root


def test_a_cached_build_is_the_build_from_scratch(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build(content, out=tmp_path / "a", config=CONFIG, cache=cache)
    assert first.reused == 0 and any((cache / "stories").iterdir()) and any((cache / "pages").iterdir())
    again = build(content, out=tmp_path / "b", config=CONFIG, cache=cache)
    assert again.reused == first.stories
    same_tree(tmp_path / "a", tmp_path / "b")


def test_a_changed_article_is_read_again_and_nothing_stale_is_kept(content: Path, tmp_path: Path) -> None:
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    build(content, out=docs, config=CONFIG, cache=cache)
    before = state(docs)
    article = content / "port-avery-storm" / "coastal-wire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("about $850 million", "about $870 million"),
                       encoding="utf-8")
    report = build(content, out=docs, config=CONFIG, cache=cache)
    assert report.reused == report.stories - 1
    build(content, out=tmp_path / "scratch", config=CONFIG, cache=None)
    same_tree(docs, tmp_path / "scratch")
    assert "about $870 million" in (docs / "port-avery-storm" / "coastal-wire.md").read_text(encoding="utf-8")
    after = state(docs)
    changed = {k for k, v in after.items() if before.get(k) != v}
    # the article, its exports, its story page and the digest-wide pages that show the figure
    assert {"port-avery-storm/coastal-wire.md", "port-avery-storm/coastal-wire.jsonld", "claims.json",
            "conflicts.md"} <= changed
    # the other story's pages keep their bytes and modification times (this story's other
    # articles change too: their annotations quote what coastal-wire says)
    assert not any(k.startswith("databricks-mosaicml-spinout") for k in changed)
    assert ".digest-output" not in changed


@pytest.mark.parametrize("change", ["story.yml", "claims.yml", "rename"])
def test_story_files_and_names_are_part_of_the_key(content: Path, tmp_path: Path, change: str) -> None:
    cache = tmp_path / "cache"
    build(content, out=tmp_path / "docs", config=CONFIG, cache=cache)
    story = content / "port-avery-storm"
    if change == "story.yml":
        (story / "story.yml").write_text("title: Storm Hollis, revised\n", encoding="utf-8")
    elif change == "claims.yml":
        (story / "claims.yml").write_text("- claim: damage-hollis\n  note: checked with the city\n",
                                          encoding="utf-8")
    else:
        (story / "coastal-wire.md").rename(story / "coastal-wire-2.md")
    cached = build(content, out=tmp_path / "docs", config=CONFIG, cache=cache)
    assert cached.reused == cached.stories - 1
    build(content, out=tmp_path / "scratch", config=CONFIG, cache=None)
    same_tree(tmp_path / "docs", tmp_path / "scratch")


def test_a_damaged_cache_entry_is_a_miss(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(content, out=tmp_path / "a", config=CONFIG, cache=cache)
    for entry in (cache / "stories").iterdir():
        entry.write_bytes(b"not a pickle")
    for entry in (cache / "pages").iterdir():
        entry.write_bytes(pickle.dumps("a value of the wrong type"))
    report = build(content, out=tmp_path / "b", config=CONFIG, cache=cache)
    assert report.reused == 0
    same_tree(tmp_path / "a", tmp_path / "b")


class _Planted:
    """A pickle that runs code when loaded: what someone who can write the cache folder plants."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("signed_by", [None, b"k" * 32])
def test_an_entry_this_user_did_not_write_is_never_unpickled(content: Path, tmp_path: Path,
                                                             signed_by: bytes | None) -> None:
    cache = tmp_path / "cache"
    build(content, out=tmp_path / "a", config=CONFIG, cache=cache)
    marker = tmp_path / "code-ran"
    planted = pickle.dumps(_Planted(marker))
    for entry in [*(cache / "stories").iterdir(), *(cache / "articles").iterdir()]:
        # unsigned (a plain pickle, as entries once were), or signed with another key
        mac = hashlib.blake2b(planted, key=signed_by, digest_size=32).digest() if signed_by else b""
        entry.write_bytes(mac + planted)
    report = build(content, out=tmp_path / "b", config=CONFIG, cache=cache)
    assert not marker.exists() and report.reused == 0
    same_tree(tmp_path / "a", tmp_path / "b")


def test_a_cache_folder_that_cannot_be_written_is_a_warning(content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = subprocess.run([BIN / "digest", "build", content, "--out", tmp_path / "docs", "--cache", blocked, "-q"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and (tmp_path / "docs" / "claims.json").is_file()
    assert result.stderr.startswith(f"digest: warning: cannot write the cache folder {blocked}")


def test_an_output_folder_that_cannot_be_written_is_exit_2(content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file", encoding="utf-8")
    result = subprocess.run([BIN / "digest", "build", content, "--out", blocked / "docs", "--no-cache"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"digest: error: {blocked / 'docs'}: cannot write the output folder (File exists); nothing was written"


def test_entries_no_build_uses_are_pruned(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(content, out=tmp_path / "docs", config=CONFIG, cache=cache)
    old = {p.name for p in (cache / "stories").iterdir()}
    (content / "port-avery-storm" / "bay-herald.html").unlink()
    build(content, out=tmp_path / "docs", config=CONFIG, cache=cache)
    new = {p.name for p in (cache / "stories").iterdir()}
    assert len(new) == len(old) and len(new - old) == 1  # the changed story's old entry is gone
    unused = Cache(cache)
    assert unused.prune(["stories"]) == len(new)


def test_the_process_pool_gives_the_same_output(tmp_path: Path) -> None:
    generate(tmp_path / "content", 100)  # enough articles for the pool
    one = build(tmp_path / "content", out=tmp_path / "one", config=CONFIG, jobs=1)
    two = build(tmp_path / "content", out=tmp_path / "two", config=CONFIG, jobs=2)
    assert (one.articles, one.figures, one.disputed) == (two.articles, two.figures, two.disputed)
    assert one.articles == 100
    same_tree(tmp_path / "one", tmp_path / "two")


def test_errors_found_in_worker_processes_name_their_files(tmp_path: Path) -> None:
    content = tmp_path / "content"
    generate(content, 100)
    broken = sorted(content.glob("*/*.md"))[5]
    broken.write_bytes(b"---\ntitle: [unclosed\n---\nText.\n")
    empty = sorted(content.glob("*/*.txt"))[30]
    empty.write_bytes(b"")
    result = subprocess.run([str(BIN / "digest"), "build", str(content), "--out", str(tmp_path / "docs"),
                             "-j", "2", "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert f"{broken.relative_to(content).as_posix()}:" in result.stderr
    assert f"{empty.relative_to(content).as_posix()}: file is empty" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_timings_and_jobs_on_the_command_line(tmp_path: Path) -> None:
    digest = str(BIN / "digest")
    result = subprocess.run([digest, "build", "content", "--out", str(tmp_path / "docs"), "-q", "--timings",
                             "--cache", str(tmp_path / "cache")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout == ""
    stages = result.stderr.removeprefix("digest: timings: ").split(" · ")
    assert [s.split()[0] for s in stages] == ["discover", "cache", "read", "extract", "align", "render", "write",
                                              "total"]
    again = subprocess.run([digest, "build", "content", "--out", str(tmp_path / "docs"),
                            "--cache", str(tmp_path / "cache")], capture_output=True, text=True, cwd=ROOT)
    assert "2 unchanged, from the cache" in again.stdout
    bad = subprocess.run([digest, "build", "content", "--out", str(tmp_path / "docs"), "-j", "0"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "--jobs: must be 1 or more" in bad.stderr


def test_a_map_over_articles_and_a_group_by_story_give_the_same_digest(tmp_path: Path) -> None:
    """What doc/scale-out.md relies on: reading and extraction are a pure function of one
    file, alignment of one story's articles and figures; a map and a group-by (here a thread pool
    and a dict, on Dask or Spark a bag or an RDD) give the same stories as `build`."""
    from concurrent.futures import ThreadPoolExecutor

    from digest.discover import discover
    from digest.pipeline import extract_article, make_story, process_story
    from digest.readers import read_article

    content = tmp_path / "content"
    generate(content, 30)
    sources = discover(content, [])

    def read_and_extract(item: tuple[str, Path]) -> tuple[str, object, object]:
        slug, path = item
        article = read_article(path, root=content, story=slug)
        return slug, article, extract_article(article)

    with ThreadPoolExecutor(4) as pool:
        mapped = list(pool.map(read_and_extract, [(s.slug, p) for s in sources for p in reversed(s.files)]))
    grouped: dict[str, list[tuple[object, object]]] = {}
    for slug, article, figures in mapped:
        grouped.setdefault(slug, []).append((article, figures))
    for source in sources:
        # the group-by gives no order: put the articles back in the story's file order
        order = {p.relative_to(content).as_posix(): i for i, p in enumerate(source.files)}
        pairs = sorted(grouped[source.slug], key=lambda af: order[af[0].source])  # type: ignore[attr-defined]
        story = make_story(source, [a for a, _ in pairs], content=content,  # type: ignore[misc]
                           figures=[f for _, f in pairs])  # type: ignore[misc]
        assert story == process_story(source, content)[0]


def test_a_changed_story_reads_only_its_changed_files(content: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import digest.pipeline

    cache = tmp_path / "cache"
    build(content, out=tmp_path / "docs", config=CONFIG, cache=cache)
    read: list[str] = []
    real = digest.pipeline.read_article

    def counting(path: Path, **kwargs: object) -> object:
        read.append(path.name)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.pipeline, "read_article", counting)
    article = content / "port-avery-storm" / "harbor-gazette.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nThe port reopened after 9 days.\n", encoding="utf-8")
    report = build(content, out=tmp_path / "docs", config=CONFIG, cache=cache)
    assert read == ["harbor-gazette.md"] and report.reused == report.stories - 1
    build(content, out=tmp_path / "scratch", config=CONFIG, cache=None)
    same_tree(tmp_path / "docs", tmp_path / "scratch")


def test_the_cache_key_covers_the_model_and_the_lexicon() -> None:
    # a refitted pair model or a rebuilt synonym table changes claims: cached stories built
    # with the old ones must miss (only .py and .j2 files were hashed: a refit kept stale claims)
    from digest.cache import package_files

    names = {p.name for p in package_files()}
    assert {"pair_model.json", "synonyms.json.gz", "cli.py"} <= names
    assert not any(p.suffix == ".pyc" for p in package_files())
