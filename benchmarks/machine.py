"""Describe the machine and tool versions, so every figure says where it came from."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))

_PACKAGES = ("quizgen", "sphinx", "docutils", "myst-parser", "furo", "PyYAML", "pydantic")


def _cpu_model() -> str:
    try:
        lines = subprocess.run(
            ["lscpu"], capture_output=True, text=True, check=False, timeout=10
        ).stdout.splitlines()
    except OSError:
        lines = []
    for line in lines:
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _chromium_version() -> str:
    if not CHROMIUM.exists():
        return "not installed"
    try:
        out = subprocess.run(
            [str(CHROMIUM), "--version"], capture_output=True, text=True, check=False, timeout=30
        ).stdout
    except OSError:
        return "unknown"
    return out.strip() or "unknown"


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                kib = int(line.split()[1])
                return f"{kib / 1048576:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


def machine_info() -> dict[str, object]:
    """Cores (as ``nproc`` counts them), CPU model, memory and the versions that matter."""
    return {
        "cpus": _cpus(),
        "cpu_model": _cpu_model(),
        "memory": _memory_total(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "libyaml": _libyaml(),
        "chromium": _chromium_version(),
        **{package: _version(package) for package in _PACKAGES},
        "playwright": _version("playwright"),
    }
