"""Persian catalogs: one per page, and every page declared translated is complete.

`locales/fa/translated.txt` lists the pages whose Persian translation is finished. For those,
any untranslated or fuzzy message (for instance after the English page changed) fails the
suite; pages not yet listed are built in English inside the right-to-left layout.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

PROJECT = Path(__file__).resolve().parents[2]
CATALOGS = PROJECT / "locales" / "fa" / "LC_MESSAGES"
DECLARED = PROJECT / "locales" / "fa" / "translated.txt"


def declared_pages() -> list[str]:
    """Pages the Persian edition claims to translate completely."""
    lines = DECLARED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Message templates extracted from the current sources, as `make gettext` does."""
    out = tmp_path_factory.mktemp("gettext")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "gettext", str(PROJECT / "source"), str(out)],
        check=True,
        capture_output=True,
    )
    return {str(p.relative_to(out).with_suffix("")): p for p in out.rglob("*.pot")}


def _messages(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id: m for m in catalog if m.id}


def test_every_page_has_a_catalog(templates: dict[str, Path]) -> None:
    missing = [name for name in templates if not (CATALOGS / f"{name}.po").exists()]
    assert not missing, f"no Persian catalog for: {missing} (run `make update-po`)"


def test_declared_pages_exist(templates: dict[str, Path]) -> None:
    unknown = [name for name in declared_pages() if name not in templates]
    assert not unknown, f"translated.txt names pages that do not exist: {unknown}"


def test_declared_pages_fully_translated_and_not_fuzzy(templates: dict[str, Path]) -> None:
    untranslated: list[str] = []
    for name in declared_pages():
        pot = templates[name]
        po = CATALOGS / f"{name}.po"
        translated = _messages(po)
        for msgid in _messages(pot):
            message = translated.get(msgid)
            if message is None or not message.string or message.fuzzy:  # type: ignore[attr-defined]
                state = "missing" if message is None else "fuzzy or empty"
                untranslated.append(f"{name}.po: {state}: {msgid[:70]!r}")
    assert not untranslated, f"{len(untranslated)} untranslated:\n" + "\n".join(untranslated[:40])
