"""Errors that name the input file (and line) they come from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: Characters a terminal acts on rather than shows: C0/C1 controls (ESC starts the sequences
#: that retitle or clear a terminal) and the bidi controls that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def printable(text: str) -> str:
    """`text` with every control character shown as its escape (`\\x1b`, `\\u202e`): messages
    quote file names, keys and values from the input."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, slots=True)
class InputError(Exception):
    """Bad input: the message names the file and, where known, the line."""

    path: Path | str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return printable(f"{where}: {self.message}")


class BuildFailed(Exception):
    """One or more input errors; the build wrote nothing."""

    def __init__(self, errors: list[InputError]):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors
