"""Shared helpers for format tests: the reference bank and the bank strategy."""

from __future__ import annotations

import sys
from pathlib import Path

ROBUSTNESS = Path(__file__).resolve().parents[1] / "robustness"
if str(ROBUSTNESS) not in sys.path:
    sys.path.insert(0, str(ROBUSTNESS))
