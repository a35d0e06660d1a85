"""Figure extraction: named, compiled patterns and number parsing."""

from digest.figures.extract import extract_figures

__all__ = ["extract_figures"]
