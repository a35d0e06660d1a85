"""`make serve`: the live preview rebuilds the pages when an article under content/ changes
(`digest watch` beside the engine's own server: no MkDocs hooks)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BIN, ROOT

pytestmark = pytest.mark.slow


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 40) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


class Preview:
    """`make serve`'s two processes: `digest watch` rebuilding docs/, `mkdocs serve` on them."""

    def __init__(self, watch: list[str], serve: list[str], env: dict[str, str]) -> None:
        self.watch = subprocess.Popen(watch, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.serve = subprocess.Popen(serve, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> bytes:
        """Stop both; what `digest watch` said on stderr."""
        self.serve.terminate()
        self.serve.wait(timeout=10)
        self.watch.terminate()
        return self.watch.communicate(timeout=10)[1]


def start_preview(tmp_path: Path) -> tuple[Callable[[], Preview], Path, str]:
    """Built docs/ of one story; a function that starts the preview as `make serve` does
    (`digest watch` beside a plain `mkdocs serve`: no hooks), the article to edit, and its
    page's address."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "port-avery-storm", content / "port-avery-storm")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {tmp_path / 'docs'}\nsite_dir: {tmp_path / 'site'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n",
        encoding="utf-8")
    assert "hooks" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    docs = str(tmp_path / "docs")
    subprocess.run([str(BIN / "digest"), "build", str(content), "--out", docs, "-q"], check=True, cwd=ROOT, env=env)
    watch = [str(BIN / "digest"), "watch", str(content), "--out", docs, "--config", str(config), "--interval", "0.5",
             "--cache", str(tmp_path / "cache")]
    serve = [str(BIN / "mkdocs"), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    return (lambda: Preview(watch, serve, env)), content / "port-avery-storm" / "coastal-wire.md", \
        f"http://127.0.0.1:{port}/port-avery-storm/coastal-wire/"


def test_serve_rebuilds_when_an_article_changes(tmp_path: Path) -> None:
    serve, article, url = start_preview(tmp_path)
    server = serve()
    try:
        assert wait_for(url, "about $850 million"), "the preview did not come up"
        article.write_text(article.read_text(encoding="utf-8").replace("about $850 million", "about $870 million"),
                           encoding="utf-8")
        assert wait_for(url, "about $870 million"), "the preview did not rebuild after the article changed"
        # a broken article: the error is reported, the previous pages stay up and answer
        good = article.read_text(encoding="utf-8")
        article.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
        time.sleep(4)
        assert "about $870 million" in fetch(url), "the preview stopped answering after a build error"
        # and it rebuilds once the article is fixed
        article.write_text(good.replace("about $870 million", "about $880 million"), encoding="utf-8")
        assert wait_for(url, "about $880 million"), "the preview did not rebuild after the article was fixed"
    finally:
        server.stop()


def test_serve_starts_with_a_broken_article(tmp_path: Path) -> None:
    # a broken article when the preview starts: MkDocs' strict mode once counted digest's error
    # and the preview never came up; the previous pages are served, the error is reported
    serve, article, url = start_preview(tmp_path)
    good = article.read_text(encoding="utf-8")
    article.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    server = serve()
    try:
        assert wait_for(url, "about $850 million"), "the preview did not come up with a broken article"
        article.write_text(good.replace("about $850 million", "about $860 million"), encoding="utf-8")
        assert wait_for(url, "about $860 million"), "the preview did not rebuild after the article was fixed"
    finally:
        err = server.stop()
    assert b"coastal-wire.md:2: front matter is not valid YAML" in err
