"""Hold measurements, print them as a table and write them as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Measurement:
    """One figure, always beside the baseline it is judged against.

    ``target`` says in words what the figure should meet; ``met`` is ``None`` when the
    figure has no target (it is shown for context only).
    """

    section: str
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


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


def _verdict(measurement: Measurement) -> str:
    if measurement.met is None:
        return ""
    return "met" if measurement.met else "MISSED"


def format_table(measurements: list[Measurement]) -> str:
    """A plain-text table: figure, value, baseline, ratio, target and verdict."""
    header = ("section", "figure", "value", "baseline", "ratio", "target", "verdict")
    rows = [header]
    for m in measurements:
        ratio = m.ratio
        rows.append(
            (
                m.section,
                m.name,
                _number(m.value, m.unit),
                f"{_number(m.baseline, m.unit)} ({m.baseline_name})" if m.baseline_name else "-",
                f"{ratio:.2f}x" if ratio is not None else "-",
                m.target,
                _verdict(m),
            )
        )
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
