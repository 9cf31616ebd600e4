"""Hold measurements, print them as a table and write them as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Measurement:
    """One figure, always beside the baseline it is judged against.

    ``baseline`` is the fair one the target is judged against (for a quiz page: the same
    words written as plain MyST); ``old_baseline`` is shown beside it (the same page without
    the quiz). ``target`` says in words what the figure should meet; ``met`` is ``None`` when
    the figure has no target (it is shown for context only). ``value`` is ``None`` when the
    measurement timed out after ``timed_out_after`` seconds; that misses any target.
    ``judged`` is false in quick mode, whose toy sizes say nothing about the targets.
    """

    section: str
    name: str
    value: float | None
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""
    old_baseline: float | None = None
    old_baseline_name: str = ""
    timed_out_after: float | None = None
    judged: bool = True

    @property
    def ratio(self) -> float | None:
        return _ratio(self.value, self.baseline)

    @property
    def old_ratio(self) -> float | None:
        return _ratio(self.value, self.old_baseline)

    @property
    def verdict(self) -> str:
        """``met``, ``missed``, ``missed (timed out after N s)``, ``quick: not judged``, or ``""``
        for a figure without target."""
        timeout = (
            f"timed out after {self.timed_out_after:.0f} s"
            if self.timed_out_after is not None
            else ""
        )
        if not self.target and not timeout:
            return ""
        if not self.judged:
            return f"quick: not judged{f' ({timeout})' if timeout else ''}"
        if timeout:
            return f"missed ({timeout})"
        if self.met is None:
            return ""
        return "met" if self.met else "missed"

    def as_dict(self) -> dict[str, object]:
        return {
            **asdict(self),
            "ratio": self.ratio,
            "old_ratio": self.old_ratio,
            "verdict": self.verdict,
        }


def _ratio(value: float | None, baseline: float | None) -> float | None:
    if value is None or baseline is None or baseline == 0:
        return None
    return value / baseline


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if unit == "bytes":
        if abs(value) >= 1048576:
            return f"{value / 1048576:.2f} MiB"
        if abs(value) >= 1024:
            return f"{value / 1024:.1f} KiB"
        return f"{value:.0f} B"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if abs(value) < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if float(value).is_integer():
        return f"{value:.0f}{' ' + unit if unit else ''}"
    return f"{value:.3g}{' ' + unit if unit else ''}"


def _against(value: float | None, unit: str, name: str) -> str:
    return f"{_number(value, unit)} ({name})" if name else "-"


def _times(ratio: float | None) -> str:
    return f"{ratio:.2f}x" if ratio is not None else "-"


def format_table(measurements: list[Measurement]) -> str:
    """A plain-text table: figure, value, both baselines with ratios, target and verdict."""
    header = (
        "section", "figure", "value", "baseline", "ratio", "old baseline", "old ratio",
        "target", "verdict",
    )  # fmt: skip
    rows = [header]
    rows += [
        (
            m.section,
            m.name,
            "timed out" if m.timed_out_after is not None else _number(m.value, m.unit),
            _against(m.baseline, m.unit, m.baseline_name),
            _times(m.ratio),
            _against(m.old_baseline, m.unit, m.old_baseline_name),
            _times(m.old_ratio),
            m.target,
            m.verdict,
        )
        for m in measurements
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"- {m.section} / {m.name}: {m.note}" for m in measurements if m.note]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(line.rstrip() for line in lines)


def format_machine(info: dict[str, object]) -> str:
    """Machine and versions as ``key: value`` lines."""
    return "\n".join(f"{key}: {value}" for key, value in info.items())


def write_json(
    path: Path, machine: dict[str, object], measurements: list[Measurement], **extra: object
) -> None:
    """Write the machine info and every measurement to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "machine": machine,
        **extra,
        "measurements": [m.as_dict() for m in measurements],
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
