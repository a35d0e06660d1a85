"""What `digest watch` compares to see that the content changed: every file's path,
modification time and size (cheap enough to take every second for thousands of files)."""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG


def fingerprint_tree(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime in ns, size) of every file under `folder`, sorted; empty if it is missing."""
    out = []
    # os.walk skips a folder removed while it walks (rglob raises on Python 3.11)
    for top, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(top, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue  # removed while we looked
            if S_ISREG(stat.st_mode):
                out.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(out))
