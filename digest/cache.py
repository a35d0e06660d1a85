"""The build cache: stories already read and aligned, and the pages rendered from them.

An entry's key is a hash of everything its value is computed from: the bytes of the story's
files, digest's own code and templates, and (for pages) the template overrides, the escaping
rules read from mkdocs.yml and the site URL. A changed input is a new key, never a stale hit, so
nothing is ever invalidated by hand; entries no build used last time are removed (`prune`).
Values are pickles written by this program into a folder it owns (like `__pycache__`), each
signed with a key kept outside that folder (`signing_key`): an entry someone else wrote or
changed is a miss, never loaded, so write access to the cache folder is no way to run code. The
cache is optional: a folder that cannot be written is left alone, with a warning.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import pickle
import secrets
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
    """A hash of digest's source files, templates and data (the pair model, the synonym table),
    and its version: new code or a refitted model, new keys."""
    package = Path(digest.__file__).parent
    files = package_files()
    return fingerprint(digest.__version__, *(f"{p.relative_to(package).as_posix()}" for p in files),
                       *(p.read_bytes() for p in files))


def package_files() -> list[Path]:
    """Every file of the installed package a build reads: code, templates and data (compiled
    bytecode left out)."""
    package = Path(digest.__file__).parent
    return sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix not in (".pyc", ".pyo"))


def tree_version(folder: Path | None) -> str:
    """A hash of every file under `folder` (the template overrides); empty if there is none."""
    if folder is None or not folder.is_dir():
        return ""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return fingerprint(*(p.relative_to(folder).as_posix() for p in files), *(p.read_bytes() for p in files))


def key_path() -> Path:
    """Where the signing key lives, unless $DIGEST_CACHE_KEY names a file: beside the user's
    other settings, never in the cache folder (which may be shared or writable by others)."""
    named = os.environ.get("DIGEST_CACHE_KEY")
    if named:
        return Path(named)
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "digest" / "cache-key"


def signing_key() -> bytes:
    """The key cache entries are signed with: made (readable by this user only) on first use."""
    path = key_path()
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key := secrets.token_bytes(32))
    return key


#: Bytes of the signature that starts every entry.
_MAC = 32


class Cache:
    """Signed, pickled values in `folder/<kind>/<key>.pickle`; `Cache(None)` caches nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: dict[str, set[str]] = {}
        self.problem: str | None = None
        """Why the cache was left alone during this build (it cannot be written), if it was."""
        self._key = b""
        if folder is not None:
            try:
                self._key = signing_key()
            except OSError as exc:
                self._give_up(f"no signing key for the cache ({key_path()}: {exc.strerror or exc})")

    def _give_up(self, why: str) -> None:
        self.folder, self.problem = None, why

    def _mac(self, data: bytes) -> bytes:
        return hashlib.blake2b(data, key=self._key, digest_size=_MAC).digest()

    def get(self, kind: str, key: str) -> Any | None:
        self.used.setdefault(kind, set()).add(key)
        if self.folder is None:
            return None
        try:
            data = (self.folder / kind / f"{key}.pickle").read_bytes()
            if not hmac.compare_digest(data[:_MAC], self._mac(data[_MAC:])):
                return None  # not written by this user's digest: never unpickled
            return pickle.loads(data[_MAC:])
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
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(self._mac(data) + data)
            os.replace(tmp, folder / f"{key}.pickle")
        except OSError as exc:  # read-only, full, gone: the build goes on without a cache
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            self._give_up(f"cannot write the cache folder {self.folder} ({exc.strerror or exc}); built without it")
        except BaseException:
            if tmp is not None:
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
            if not folder.is_dir() or not os.access(folder, os.W_OK):
                continue  # a read-only cache keeps its old entries
            for entry in folder.iterdir():
                if entry.suffix == ".pickle" and entry.stem not in keep:
                    try:
                        entry.unlink(missing_ok=True)
                    except OSError:
                        continue
                    removed += 1
        return removed
