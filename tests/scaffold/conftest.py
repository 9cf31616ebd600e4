"""Projects made by ``quizgen new``, built once per session with this environment's Sphinx."""

from __future__ import annotations

from pathlib import Path

import pytest
from scaffold_projects import build_project, new_project

LANGUAGE_SETS = {"en": ("en",), "en-fa": ("en", "fa"), "en-ar": ("en", "ar")}


@pytest.fixture(scope="session", params=list(LANGUAGE_SETS), ids=list(LANGUAGE_SETS))
def built_project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new project in one language set, built: the folder holding one folder per edition."""
    languages = LANGUAGE_SETS[request.param]
    project = new_project(tmp_path_factory.mktemp(f"new-{request.param}") / "module", languages)
    return build_project(project, languages)
