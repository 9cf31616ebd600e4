"""Question banks in YAML, rendered as self-check quizzes in Sphinx and exported to LMSs."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Let ``extensions = ["quizgen"]`` work; Sphinx is imported only when a build asks."""
    from quizgen.sphinx_ext import setup_extension

    return setup_extension(app)
