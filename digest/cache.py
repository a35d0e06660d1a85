"""The build cache: stories already read and aligned, and the pages rendered from them.

An entry's key is a hash of everything its value is computed from: the bytes of the story's
files, digest's own code and templates, and (for pages) the template overrides, the escaping
rules read from mkdocs.yml and the site URL. A changed input is a new key, never a stale hit, so
nothing is ever invalidated by hand; entries no build used last time are removed (`prune`).
Values are pickles written by this program into a folder it owns (like `__pycache__`).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import digest

#: The default cache folder, relative to the current directory (git-ignored).
DEFAULT = Path(".digest-cache")


def fingerprint(*parts: str | bytes) -> str:
    """A hex key for a sequence of strings and byte strings (lengths included: no ambiguity)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.cache
def code_version() -> str:
    """A hash of digest's source files and templates, and its version: new code, new keys."""
    package = Path(digest.__file__).parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".j2"))
    return fingerprint(digest.__version__, *(f"{p.relative_to(package).as_posix()}" for p in files),
                       *(p.read_bytes() for p in files))


def tree_version(folder: Path | None) -> str:
    """A hash of every file under `folder` (the template overrides); empty if there is none."""
    if folder is None or not folder.is_dir():
        return ""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return fingerprint(*(p.relative_to(folder).as_posix() for p in files), *(p.read_bytes() for p in files))


class Cache:
    """Pickled values in `folder/<kind>/<key>.pickle`; `Cache(None)` caches nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: dict[str, set[str]] = {}

    def get(self, kind: str, key: str) -> Any | None:
        self.used.setdefault(kind, set()).add(key)
        if self.folder is None:
            return None
        try:
            with open(self.folder / kind / f"{key}.pickle", "rb") as f:
                return pickle.load(f)
        except Exception:  # absent, damaged or foreign: a miss, and the caller writes it anew
            return None

    def keep(self, kind: str, keys: Iterable[str]) -> None:
        """Count these entries as used by this build (so `prune` keeps them) without reading them."""
        self.used.setdefault(kind, set()).update(keys)

    def put(self, kind: str, key: str, value: Any) -> None:
        self.used.setdefault(kind, set()).add(key)
        if self.folder is None:
            return
        folder = self.folder / kind
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{key}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, kinds: Iterable[str] | None = None) -> int:
        """Remove the entries of `kinds` (default: every kind used) that this build did not use."""
        if self.folder is None:
            return 0
        removed = 0
        for kind in kinds if kinds is not None else list(self.used):
            keep = self.used.get(kind, set())
            folder = self.folder / kind
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if entry.suffix == ".pickle" and entry.stem not in keep:
                    entry.unlink(missing_ok=True)
                    removed += 1
        return removed
