"""Precision and recall counts shared by the evaluation commands in tools/."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None


def ratio(value: float | None) -> str:
    """A score for a table: three decimals, or a dash where nothing was counted."""
    return "—" if value is None else f"{value:.3f}"
