"""Located warnings, assets per page, incremental rebuilds and parallel builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import quiz_fragments, warnings_of

from quizgen.sphinx_ext.assets import CSS_FILE, JS_FILE


@pytest.mark.sphinx("html", testroot="quiz-problems")
def test_bank_problems_are_located_warnings_and_the_page_still_builds(app) -> None:
    app.build()
    warnings = warnings_of(app.warning.getvalue())
    expected = [
        r"quizzes/broken\.yaml:9:19: WARNING: questions\[0\]\.choices\[1\]\.corect: unknown field "
        r"`corect`: did you mean `correct`\? \[quizgen\.bank_schema\]",
        r"quizzes/links\.yaml:6:10: WARNING: `see: nowhere#nothing`: there is no page 'nowhere' "
        r"in this site \[quizgen\.unknown_target\]",
        r"quizzes/links\.yaml:17:10: WARNING: `see: links#no-such-label`: page 'links' has no "
        r"label 'no-such-label' \[quizgen\.unknown_target\]",
        r"quizzes/second\.yaml:4:9: WARNING: question id 'shared' is also used in .*first\.yaml: "
        r"ids must be unique across banks \[quizgen\.duplicate_id\]",
    ]
    assert len(warnings) == len(expected), warnings
    for pattern, line in zip(expected, warnings, strict=True):
        assert re.search(pattern, line), line
    broken = (Path(app.outdir) / "broken.html").read_text(encoding="utf-8")
    assert "Text before the quiz." in broken
    assert "Text after the quiz." in broken
    assert "This valid question is still shown." in broken  # the bad question is left out
    assert "Which?" not in broken
    links = (Path(app.outdir) / "links.html").read_text(encoding="utf-8")
    assert 'href="#links-here"' in links


@pytest.mark.sphinx(
    "html",
    testroot="quiz-problems",
    srcdir="quiz-problems-suppressed",
    confoverrides={"suppress_warnings": ["quizgen.unknown_target", "quizgen.duplicate_id"]},
)
def test_warnings_can_be_suppressed_by_subtype(app) -> None:
    app.build()
    warnings = warnings_of(app.warning.getvalue())
    assert len(warnings) == 1
    assert "[quizgen.bank_schema]" in warnings[0]


def test_warning_is_error_fails_the_build_with_the_located_message(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-quiz-problems", srcdir)
    app = make_app("html", srcdir=srcdir, warningiserror=True, keep_going=True)  # 7.4 needs it
    app.build()
    assert app.statuscode == 1
    assert "broken.yaml:9:19: WARNING: questions[0].choices[1].corect" in app.warning.getvalue()


@pytest.mark.sphinx(
    "html", testroot="quiz-basic", confoverrides={"quizgen_storage_prefix": "two words!"}
)
def test_invalid_config_value_warns_and_uses_the_default(app) -> None:
    app.build()
    warnings = "\n".join(warnings_of(app.warning.getvalue()))
    assert "quizgen_storage_prefix = 'two words!' is not valid" in warnings
    assert "[quizgen.config]" in warnings
    assert app.config.quizgen_storage_prefix == "quizgen"


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-assets")
def test_assets_only_on_pages_with_a_quiz(app) -> None:
    app.build()
    out = Path(app.outdir)
    with_quiz = (out / "index.html").read_text(encoding="utf-8")
    without = (out / "other.html").read_text(encoding="utf-8")
    assert re.search(rf'<script defer="defer" src="_static/{JS_FILE}\?v=[0-9a-f]+"', with_quiz)
    assert re.search(rf'href="_static/{CSS_FILE}\?v=[0-9a-f]+"', with_quiz)
    assert JS_FILE not in without
    assert CSS_FILE not in without
    assert (out / "_static" / JS_FILE).is_file()
    assert "cdn" not in with_quiz.lower()


def test_runtime_is_small(tmp_path: Path) -> None:
    """JS and CSS together stay under 9 KB once gzipped, as a phone on a slow link gets them.

    Pages get the runtime minified (:func:`~quizgen.sphinx_ext.assets.shipped_runtime`): the
    readable source with its JSDoc types is about 11.6 KB gzipped, the shipped files 8.4 KB.
    """
    import gzip

    from quizgen.sphinx_ext.assets import shipped_runtime

    shipped = shipped_runtime(tmp_path)
    size = sum(len(gzip.compress((shipped / n).read_bytes(), 9)) for n in (JS_FILE, CSS_FILE))
    assert size <= 9216, f"runtime is {size} bytes gzipped"


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-incremental")
def test_editing_a_bank_rereads_only_the_pages_that_use_it(app) -> None:
    app.build()
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    bank = Path(app.srcdir) / "quizzes" / "demo.yaml"
    bank.write_text(
        bank.read_text("utf-8").replace("Every question type once.", "Edited."), "utf-8"
    )
    app.build()
    assert read == ["index"]
    assert "Edited." in (Path(app.outdir) / "index.html").read_text("utf-8")
    read.clear()
    app.build()
    assert read == []


@pytest.mark.sphinx("html", testroot="quiz-parallel", srcdir="quiz-serial")
def test_serial_build(app) -> None:
    app.build()
    assert warnings_of(app.warning.getvalue()) == []


def test_parallel_build_gives_the_same_html(make_app, rootdir: Path, tmp_path: Path) -> None:
    import shutil

    pages: dict[int, dict[str, list[str]]] = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f"j{jobs}"
        shutil.copytree(rootdir / "test-quiz-parallel", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=jobs)
        merged: list[int] = []
        app.connect("env-merge-info", lambda *_args, seen=merged: seen.append(1))
        app.build()
        assert warnings_of(app.warning.getvalue()) == []
        assert bool(merged) == (jobs == 2), "the -j 2 build did not read in parallel"
        pages[jobs] = {
            path.stem: quiz_fragments(path.read_text("utf-8"))
            for path in sorted(Path(app.outdir).glob("page*.html"))
        }
        app.cleanup()  # unregister this app's nodes before the next app registers them
    assert len(pages[1]) == 7
    assert pages[1] == pages[2]


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-objectives")
def test_quiz_objectives_directive_lists_the_bank_objectives(app) -> None:
    (Path(app.srcdir) / "other.md").write_text(
        "# Other\n\n```{quiz-objectives} demo\n```\n", encoding="utf-8"
    )
    app.build()
    assert warnings_of(app.warning.getvalue()) == []
    html = (Path(app.outdir) / "other.html").read_text("utf-8")
    assert '<ul class="qz-objectives simple">' in html
    assert "Recall when the treaty was signed." in html
    assert JS_FILE not in html


def test_a_second_build_in_a_new_process_reads_and_writes_nothing(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    """Registering the runtime must not look like a config change (that rewrites every page)."""
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-quiz-basic", srcdir)
    make_app("html", srcdir=srcdir).build()
    again = make_app("html", srcdir=srcdir)
    read: list[str] = []
    again.connect("env-before-read-docs", lambda _app, _env, names: read.extend(names))
    again.build()
    assert read == []
    assert "The configuration has changed" not in again.status.getvalue()
    assert "writing output... [" not in again.status.getvalue()


def test_a_broken_bank_is_reported_on_every_build_not_only_the_first(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    """Sphinx re-reads only changed pages; the bank's problems must still fail the rerun."""
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-quiz-problems", srcdir)
    runs = []
    for _ in range(3):
        app = make_app("html", srcdir=srcdir, warningiserror=True, keep_going=True)  # 7.4 needs it
        app.build()
        runs.append((app.statuscode, warnings_of(app.warning.getvalue())))
        app.cleanup()  # unregister this app's nodes before the next app registers them
    assert runs[0][0] == 1
    assert any("broken.yaml:9:19" in line for line in runs[0][1])
    assert runs[1] == runs[0], runs[1][1]
    assert runs[2] == runs[0]


@pytest.mark.sphinx("html", testroot="quiz-problems", srcdir="quiz-problems-once")
def test_a_bank_used_on_two_pages_is_reported_once(app) -> None:
    (Path(app.srcdir) / "again.md").write_text(
        "# Again\n\n```{quiz} broken\n```\n", encoding="utf-8"
    )
    app.build()
    warnings = warnings_of(app.warning.getvalue())
    assert sum("broken.yaml:9:19" in line for line in warnings) == 1, warnings


@pytest.mark.sphinx("html", testroot="quiz-custom-type")
def test_a_project_registers_its_own_question_type(app) -> None:
    """A type from conf.py renders as a working form through one of the runtime's widgets."""
    from quizgen.types import unregister

    try:
        app.build()
    finally:
        unregister("year")
    assert not app.warning.getvalue().strip()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert """data-qz='{"t":"year","k":{"v":1994,"t":0},"w":"numeric",""" in html
