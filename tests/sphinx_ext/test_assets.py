"""HTML builds ship the runtime minified, made once per runtime version, never per page."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from quizgen.sphinx_ext import assets
from quizgen.sphinx_ext.assets import CSS_FILE, JS_FILE, MINIFIERS, STATIC_DIR, shipped_runtime


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def _count_calls(monkeypatch: pytest.MonkeyPatch, calls: list[str]) -> None:
    """Make each minifier note its file's name in ``calls`` before it runs."""
    for name, minify in list(MINIFIERS.items()):

        def counted(text: str, name: str = name, minify: Callable[[str], str] = minify) -> str:
            calls.append(name)
            return minify(text)

        monkeypatch.setitem(MINIFIERS, name, counted)


def test_the_shipped_runtime_is_smaller_and_still_parses(tmp_path: Path) -> None:
    folder = shipped_runtime(tmp_path)
    for name in (JS_FILE, CSS_FILE):
        source = (STATIC_DIR / name).read_bytes()
        shipped = (folder / name).read_bytes()
        assert len(shipped) < len(source), name
        assert _gzipped(shipped) < _gzipped(source), name
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is needed to parse the minified script")
    checked = subprocess.run(
        [node, "--check", str(folder / JS_FILE)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr


def test_the_shipped_stylesheet_keeps_every_rule() -> None:
    source = (STATIC_DIR / CSS_FILE).read_text(encoding="utf-8")
    shipped = MINIFIERS[CSS_FILE](source)
    assert shipped.count("{") == shipped.count("}") == source.count("}")
    assert set(re.findall(r"\.qz-[\w-]+", shipped)) == set(re.findall(r"\.qz-[\w-]+", source))
    assert "/*" not in shipped


def test_the_runtime_is_minified_once_then_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    _count_calls(monkeypatch, calls)
    first = shipped_runtime(tmp_path)
    stale = tmp_path / "quizgen-runtime-0000000000000000"
    assert shipped_runtime(tmp_path) == first
    assert sorted(calls) == sorted(MINIFIERS)
    assert sorted(p.name for p in first.iterdir()) == sorted(MINIFIERS)
    stale.mkdir()
    monkeypatch.setattr(assets.rjsmin, "__version__", "0.0-other")
    assert shipped_runtime(tmp_path) != first
    assert not first.exists() and not stale.exists()


def test_html_builds_ship_the_minified_bytes_under_the_source_names(
    make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    _count_calls(monkeypatch, calls)
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-quiz-book", srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert app.warning.getvalue() == ""
    assert sorted(calls) == sorted(MINIFIERS), "minified once for the build, not per page"
    static = Path(app.outdir) / "_static"
    for name in (JS_FILE, CSS_FILE):
        source = (STATIC_DIR / name).read_text(encoding="utf-8")
        assert (static / name).read_bytes() == MINIFIERS[name](source).encode("utf-8")
