"""The prepared catalogs hold exactly the messages Sphinx extracts from the sample pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scaffold_projects import new_project

from quizgen.scaffold.catalogs import TRANSLATIONS, load_translation


def _extracted(pot: Path) -> list[str]:
    from babel.messages.pofile import read_po

    with pot.open("rb") as handle:
        return [message.id for message in read_po(handle) if message.id]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """docname -> messages, from ``sphinx-build -b gettext`` on a new English project."""
    project = new_project(tmp_path_factory.mktemp("gettext") / "module", ("en",))
    out = project / "build" / "gettext"
    cmd = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "gettext", "source", str(out)]
    subprocess.run(cmd, cwd=project, check=True, capture_output=True)
    return {pot.stem: _extracted(pot) for pot in out.glob("*.pot") if pot.stem != "sphinx"}


@pytest.mark.parametrize("language", sorted(p.stem for p in TRANSLATIONS.glob("*.yaml")))
def test_translation_covers_exactly_the_extracted_messages(
    extracted: dict[str, list[str]], language: str
) -> None:
    translation = load_translation(language)
    pages = {
        doc: [message.replace("@title@", "Tides") for message in messages]
        for doc, messages in translation.items()
    }
    assert pages == extracted
    untranslated = [
        message
        for messages in translation.values()
        for message, text in messages.items()
        if not text and message != "@title@"
    ]
    assert not untranslated
