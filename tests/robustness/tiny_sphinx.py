"""Tiny Sphinx projects for robustness tests, built in a temp dir with one app per case."""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"

CONF = """\
project = "Robustness"
extensions = ["myst_parser", "quizgen"]
quizgen_bank_dir = "banks"
html_theme = "basic"
"""


def extension_available() -> bool:
    """Whether the quizgen Sphinx extension is in this tree (not just its static folder)."""
    try:
        module = importlib.import_module("quizgen.sphinx_ext")
    except ImportError:
        return False
    return hasattr(module, "setup_extension")


requires_extension = pytest.mark.skipif(
    not extension_available(),
    reason="needs the quizgen Sphinx extension (src/quizgen/sphinx_ext), not in this tree yet",
)


@dataclass
class TinyBuild:
    """What a tiny project build left behind."""

    srcdir: Path
    outdir: Path
    warnings: str
    status: str

    def page(self, docname: str = "index") -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")


def build_tiny_project(
    root: Path,
    pages: dict[str, str],
    banks: dict[str, bytes | str],
    *,
    conf: str = CONF,
    buildername: str = "html",
) -> TinyBuild:
    """Write ``pages`` (docname -> MyST) and ``banks`` (file name -> content), then build once.

    Runs one in-process Sphinx app with warnings collected, never turned into errors, so a
    test can assert on their text.
    """
    from sphinx.testing.util import SphinxTestApp

    srcdir = root / "src"
    (srcdir / "banks").mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    for docname, text in pages.items():
        path = srcdir / f"{docname}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, content in banks.items():
        target = srcdir / "banks" / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=root / "_build",
        status=status,
        warning=warning,
        freshenv=True,
    )
    with warnings.catch_warnings():
        # myst-parser 5 still reads ``.app`` that Sphinx 9 deprecates; that is not ours to fix.
        warnings.filterwarnings("ignore", message=r"'myst_parser\..*' is deprecated")
        try:
            app.build()
        finally:
            app.cleanup()
    return TinyBuild(srcdir, Path(app.outdir), warning.getvalue(), status.getvalue())
