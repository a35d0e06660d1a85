"""What `digest watch` and the serve hook compare to see that the content changed: every file's
path, modification time and size (cheap enough to take every second for thousands of files)."""

from __future__ import annotations

from pathlib import Path


def fingerprint_tree(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime in ns, size) of every file under `folder`, sorted; empty if it is missing."""
    out = []
    for path in folder.rglob("*") if folder.is_dir() else ():
        try:
            if path.is_file():
                stat = path.stat()
                out.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            continue  # removed while we looked
    return tuple(sorted(out))
