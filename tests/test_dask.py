"""`digest build --dask ADDRESS`: reading, extraction and alignment as tasks on a Dask cluster
(a scheduler and two worker processes on 127.0.0.1); the output is the bytes a plain build
writes, the summary says where the work ran, and errors from workers name their files."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from digest.cli import main
from tests.conftest import ROOT

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


def same_tree(a: Path, b: Path) -> None:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert filecmp.cmp(a / rel, b / rel, shallow=False), rel


@pytest.fixture(scope="module")
def scheduler() -> object:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_a_build_on_two_dask_workers_writes_the_same_bytes(scheduler: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert scheduler.startswith("tcp://127.0.0.1:")
    args = ["--config", str(ROOT / "mkdocs.yml"), "--overrides", str(ROOT / "overrides" / "digest"), "--no-cache"]
    assert main(["build", str(ROOT / "content"), "--out", str(tmp_path / "plain"), "-q", *args]) == 0
    assert main(["build", str(ROOT / "content"), "--out", str(tmp_path / "dask"), "--dask", scheduler, *args]) == 0
    out = capsys.readouterr().out
    assert "-> " in out and out.splitlines()[0].endswith(f"{tmp_path / 'dask'} on 2 Dask workers")
    same_tree(tmp_path / "plain", tmp_path / "dask")


def test_errors_from_workers_name_their_files(scheduler: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "port-avery-storm", content / "port-avery-storm")
    (content / "port-avery-storm" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    assert main(["build", str(content), "--out", str(tmp_path / "docs"), "--dask", scheduler, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "port-avery-storm/broken.md" in err and "nothing was written" in err
    assert not (tmp_path / "docs").exists()


def test_an_unreachable_scheduler_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(ROOT / "content"), "--out", str(tmp_path / "docs"), "--dask", "tcp://127.0.0.1:9",
                 "--no-cache"]) == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_dask_local_starts_worker_processes_here(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = ROOT / "tests" / "fixtures" / "golden_content"
    assert main(["build", str(content), "--out", str(tmp_path / "plain"), "-q", "--no-cache"]) == 0
    assert main(["build", str(content), "--out", str(tmp_path / "local"), "--dask", "local", "--no-cache"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("on 2 Dask workers")
    same_tree(tmp_path / "plain", tmp_path / "local")


def test_a_scheduler_without_workers_or_a_bad_address_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from digest import engine

    monkeypatch.setattr(engine, "WAIT_FOR_WORKERS", 1)
    args = ["build", str(ROOT / "tests" / "fixtures" / "golden_content"), "--out", str(tmp_path / "docs"), "--no-cache"]
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=":0") as empty:
        assert main([*args, "--dask", empty.scheduler_address]) == 2  # it waited forever before
    assert "has no workers" in capsys.readouterr().err
    assert main([*args, "--dask", "tcp://127.0.0.1:notaport"]) == 2  # a traceback before
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()
