"""Build-test fixtures: the extension's own small test roots (tests/roots/test-quiz-*)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
