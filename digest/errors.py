"""Errors that name the input file (and line) they come from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class InputError(Exception):
    """Bad input: the message names the file and, where known, the line."""

    path: Path | str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class BuildFailed(Exception):
    """One or more input errors; the build wrote nothing."""

    def __init__(self, errors: list[InputError]):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors
