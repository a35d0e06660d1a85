"""Claims: which figures state the same quantity, and the status of each claim."""

from digest.claims.align import align

__all__ = ["align"]
