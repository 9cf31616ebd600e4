"""Least-squares fits that tell whether a cost grows linearly with bank size."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """``y = intercept + slope * x``, fitted by ordinary least squares."""

    slope: float
    intercept: float

    def describe(self, x_name: str, y_name: str) -> str:
        return f"{y_name} = {self.intercept:.4g} + {self.slope:.4g} * {x_name}"


def least_squares(xs: list[float], ys: list[float]) -> Line:
    """Fit a straight line through at least two points."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("a fit needs at least two (x, y) pairs")
    count = len(xs)
    mean_x = sum(xs) / count
    mean_y = sum(ys) / count
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        raise ValueError("a fit needs at least two different x values")
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return Line(slope, mean_y - slope * mean_x)


def log_log_exponent(xs: list[float], ys: list[float]) -> float | None:
    """Exponent k in ``y ~ x**k``: 1 means linear growth, 2 quadratic.

    Points with a non-positive ``y`` (a cost lost in noise) are dropped; ``None`` when fewer
    than two remain.
    """
    points = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(points) < 2:
        return None
    return least_squares([p[0] for p in points], [p[1] for p in points]).slope
