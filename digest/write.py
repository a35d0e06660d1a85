"""The one place that touches the output folder: write everything, then swap it in whole."""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

#: A file digest leaves in every folder it writes, so it never replaces a folder it did not make.
MARKER = ".digest-output"


class UnsafeOutput(Exception):
    """The output folder is one digest must not replace."""


def check_output(out: Path, /, *, content: Path) -> None:
    """Refuse an output folder that holds the content, or that digest did not create."""
    out_r, content_r = out.resolve(), content.resolve()
    if out_r == content_r or content_r.is_relative_to(out_r) or out_r.is_relative_to(content_r):
        raise UnsafeOutput(f"{out}: the output folder must not contain or be inside the content folder")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise UnsafeOutput(
            f"{out}: exists and was not written by digest; choose another --out or remove it yourself")


def write_tree(files: dict[str, str], out: Path, /) -> None:
    """Write `files` (relative path -> text) as the new `out`, replacing the old one only once
    every file is written. Unchanged files keep their bytes and modification times. Two builds
    into one folder take turns (a lock file beside it): the second waits for the first."""
    out = out.absolute()
    if out.is_symlink():
        out = out.resolve()  # a link to the real folder (`docs -> /srv/www/docs`) stays a link
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        lock = open(out.with_name(f".{out.name}.tmp-lock"), "a+b")  # noqa: SIM115 (held until the swap is done)
    except OSError as exc:
        raise UnsafeOutput(f"{out}: cannot write the output folder ({exc.strerror or exc}); nothing was written") from None
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # logged, not printed: the command line prints; without a handler this is stderr
            log.warning("digest: waiting for another build writing %s", out)
            fcntl.flock(lock, fcntl.LOCK_EX)
        _write_locked(files, out)


def _write_locked(files: dict[str, str], out: Path) -> None:
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as exc:
        raise UnsafeOutput(f"{out}: cannot write the output folder ({exc.strerror or exc}); nothing was written") from None
    try:
        folders: set[Path] = set()
        marker = {MARKER: "written by digest build; replaced whole on every build\n"}
        for rel, text in sorted({**files, **marker}.items()):
            target = tmp / rel
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            data = text.encode("utf-8")
            previous = out / rel
            if previous.is_file() and previous.stat().st_size == len(data) and previous.read_bytes() == data:
                _keep(previous, target)  # same bytes: keep the mtime, so live reload skips it
            else:
                target.write_bytes(data)
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            os.replace(out, old)
        try:
            os.replace(tmp, out)
        except OSError:
            if old.exists() and not out.exists():
                os.replace(old, out)  # put the previous output back
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:  # a full disk, a folder turned read-only: the previous output stays
        shutil.rmtree(tmp, ignore_errors=True)
        raise UnsafeOutput(f"{out}: cannot write the output folder ({exc.strerror or exc}); "
                           "the previous one is unchanged") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _keep(previous: Path, target: Path) -> None:
    """The unchanged file into the new tree: a hard link (no copy; the old tree's name for it is
    removed with the old tree, and nothing writes into a file in place), else a copy."""
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)
