"""The generated reference lists cover every bank field, warning subtype and option."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.problems import ProblemCode
from quizgen.sphinx_ext.config import option_help
from quizgen.sphinx_ext.reference import MODELS, warning_codes
from quizgen.types import names as question_type_names


def test_every_warning_code_has_its_one_line_description() -> None:
    codes = dict(warning_codes())
    assert set(codes) == {code.value for code in ProblemCode}
    assert all(text.strip() for text in codes.values())


@pytest.mark.sphinx("text", testroot="quiz-basic", srcdir="quiz-reference")
def test_reference_directives_render_every_item(app) -> None:
    (Path(app.srcdir) / "other.md").write_text(
        "# Reference\n\n```{quizgen-bank-fields}\n```\n\n```{quizgen-warnings}\n```\n\n"
        "```{quizgen-config}\n```\n",
        encoding="utf-8",
    )
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    text = (Path(app.outdir) / "other.txt").read_text("utf-8")
    for _, model_class in MODELS:
        for name in model_class.model_fields:
            assert f'"{name}" (' in text, name
    for kind in question_type_names():
        assert f"type: {kind}" in text
    for code in ProblemCode:
        assert f'"quizgen.{code.value}"' in text
    for name, _, _ in option_help():
        assert f'"{name}"' in text
    assert '"choices" (list of Choice, required)' in text


@pytest.mark.sphinx("gettext", testroot="quiz-basic", srcdir="quiz-reference-gettext")
def test_generated_reference_is_extracted_for_translation(app) -> None:
    (Path(app.srcdir) / "other.md").write_text(
        "# Reference\n\n```{quizgen-bank-fields}\n```\n\n```{quizgen-warnings}\n```\n",
        encoding="utf-8",
    )
    app.build()
    pot = (Path(app.outdir) / "other.pot").read_text("utf-8")
    assert 'msgid "Bank (top level)"' in pot
    assert 'msgid "`prompt` (text, required): The question. MyST inline markup allowed."' in pot
    assert "`quizgen.unknown_target` (warning): " in pot
