"""MkDocs hook for `make serve`: rebuild docs/ from the content folder when an article changes.

Only `mkdocs.serve.yml` loads it; `make` and CI build with the plain mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from digest.cache import DEFAULT as DEFAULT_CACHE
from digest.errors import BuildFailed
from digest.pipeline import build
from digest.write import UnsafeOutput

#: Not under MkDocs' own logger: strict mode counts every warning and error logged there, and
#: one broken article would then abort each rebuild and leave the preview hanging. A broken
#: article is digest's news for the editor, not a failure of the site.
log = logging.getLogger("digest.serve")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False
_last: tuple[Any, ...] | None = None


def _fingerprint(content: Path) -> tuple[Any, ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in content.rglob("*") if p.is_file()))


def _content() -> Path:
    return Path(os.environ.get("DIGEST_CONTENT", "content"))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Watch the content folder (whichever `make serve CONTENT=DIR` names) for changes."""
    server.watch(str(_content().resolve()))
    return server


def on_pre_build(config: Any) -> None:
    """Re-run `digest build` if anything under the content folder changed since the last run.

    Writing docs/ triggers MkDocs' own watcher; the fingerprint stops that from looping.
    A broken article is logged and the previous pages stay up.
    """
    global _last
    content = _content()
    docs = Path(os.environ.get("DIGEST_DOCS", config["docs_dir"]))
    now = _fingerprint(content)
    if now == _last:
        return
    try:
        build(content, out=docs, config=config.config_file_path, cache=DEFAULT_CACHE)
        log.info("digest: rebuilt %s from %s", docs, content)
    except BuildFailed as exc:
        for err in exc.errors:
            log.error("digest: %s", err)
        log.error("digest: the previous pages stay up until the content builds again")
    except UnsafeOutput as exc:
        log.error("digest: %s", exc)
    except Exception:  # a bug in digest: reported, and the preview goes on serving the last pages
        log.exception("digest: the build failed; the previous pages stay up")
    _last = now
