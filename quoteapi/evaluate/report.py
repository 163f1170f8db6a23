"""Small score containers shared by the evaluations, printable with their counts."""

from dataclasses import dataclass


@dataclass
class Ratio:
    """``hits`` out of ``total``; ``value`` is None when there is nothing to count."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += bool(hit)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        value = "  n/a" if self.value is None else f"{self.value:.3f}"
        return f"{value}  ({self.hits}/{self.total})"

    def to_dict(self) -> dict[str, float | int | None]:
        return {"value": self.value, "hits": self.hits, "total": self.total}


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean of two ratios (None if either is missing, 0 if both are 0)."""
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def format_rows(rows: list[tuple[str, object]]) -> str:
    """Label/value rows as an aligned plain-text table."""
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)
