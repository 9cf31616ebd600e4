"""The quiz directive: worksheet doctree, HTML form fragment, and options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import question_id, quiz_doctree, quiz_fragments, spec, stable_pformat, warnings_of


@pytest.mark.sphinx("html", testroot="quiz-basic")
def test_worksheet_doctree_before_the_html_transform(app, file_regression) -> None:
    app.build()
    assert warnings_of(app.warning.getvalue()) == []
    doctree = app.env.get_doctree("index")
    file_regression.check(quiz_doctree(doctree, Path(app.srcdir)), extension=".xml")


@pytest.mark.sphinx("html", testroot="quiz-basic")
def test_quiz_html_fragment(app, file_regression) -> None:
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    fragments = quiz_fragments(html)
    assert len(fragments) == 1
    file_regression.check(fragments[0], extension=".html")


@pytest.mark.sphinx("html", testroot="quiz-basic")
def test_every_question_is_a_form_with_its_words_and_its_answer(app) -> None:
    """The page carries each question's own words and answer; the runtime adds the controls
    (tests/browser checks them, with axe)."""
    app.build()
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    forms = soup.select("form.qz-question")
    assert [spec(f)["t"] for f in forms] == [
        "single", "multiple", "true-false", "fill-blank",
        "numeric", "ordering", "matching", "short-answer",
    ]  # fmt: skip
    for form in forms:
        assert form.fieldset.legend.get_text(strip=True)
        assert form.select_one("fieldset > details.qz-answer > summary")
        assert not form.select("input, select, textarea, button")
    lists = [len(f.select(".qz-choices > li, .qz-order > li, .qz-match > li")) for f in forms]
    assert lists == [3, 3, 2, 0, 0, 3, 2, 0]
    assert len(forms[6].select(".qz-rights > li")) == 3


@pytest.mark.sphinx("text", testroot="quiz-basic", srcdir="quiz-text")
def test_text_builder_prints_the_worksheet_with_answer_key(app) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    for expected in (
        "Which year was the treaty *signed*?",
        "a) 1994",
        "Answer key",
        "Agreed Framework",
        "Model answer",
        "**Hint:** Think of the mid-nineties.",
    ):
        assert expected in text, expected  # fmt: skip
    assert "<input" not in text


@pytest.mark.sphinx("latex", testroot="quiz-basic", srcdir="quiz-latex")
def test_latex_builder_prints_the_worksheet_without_static_files(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Which year was the treaty" in tex
    assert "Answer key" in tex
    assert not list(Path(app.outdir).rglob("quizgen.js"))


@pytest.mark.sphinx(
    "html",
    testroot="quiz-basic",
    srcdir="quiz-options",
    confoverrides={"quizgen_storage_prefix": "course-a"},
)
def test_options_select_and_configure(app) -> None:
    index = Path(app.srcdir) / "index.md"
    index.write_text(
        "# Options\n\n```{toctree}\nother\nreading\n```\n\n"
        "```{quiz} demo\n:questions: year pick\n:title: Two *picked*\n:shuffle: false\n"
        ":summary: false\n:answer-key:\n:seed: 7\n```\n\n"
        "```{quiz} demo\n:types: ordering matching\n:draw: 1\n```\n",
        encoding="utf-8",
    )
    app.build()
    assert warnings_of(app.warning.getvalue()) == []
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    first, second = soup.select("div.qz-quiz")
    assert [question_id(f) for f in first.select("form")] == ["year", "pick"]
    assert first.select_one(".qz-title").decode_contents() == "Two <em>picked</em>"
    assert not any(spec(f).get("s") for f in first.select("form"))
    assert all(spec(f).get("s") for f in second.select("form"))
    assert first["data-qz-seed"] == "7"
    assert "data-qz-answer-key" in first.attrs
    assert first["data-qz-store"] == "course-a"
    assert not first.select(".qz-summary")
    assert [spec(f)["t"] for f in second.select("form")] == ["ordering", "matching"]
    assert second["data-qz-draw"] == "1"
    assert first["id"] != second["id"]


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-bad-options")
def test_options_that_select_nothing_warn_at_the_directive(app) -> None:
    (Path(app.srcdir) / "other.md").write_text(
        "# Other\n\n```{quiz} demo\n:questions: nope\n```\n\n"
        "```{quiz} demo\n:difficulty: brutal\n```\n\n```{quiz} missing-bank\n```\n",
        encoding="utf-8",
    )
    app.build()
    warnings = "\n".join(warnings_of(app.warning.getvalue()))
    assert "other.md:3: WARNING: question id(s) nope are not in bank 'demo'" in warnings
    assert "unknown difficulty(s) brutal: use easy, hard, medium" in warnings
    assert "quizzes/missing-bank.yaml: no such file: check the path" in warnings
    assert "[quizgen.directive_option]" in warnings
    assert "Traceback" not in warnings


@pytest.mark.sphinx("html", testroot="quiz-fa")
def test_persian_build_uses_the_translation_and_persian_labels(app) -> None:
    app.build()
    assert warnings_of(app.warning.getvalue()) == []
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    fragment = quiz_fragments(html)[0]
    assert "توافق در چه سالی" in fragment
    assert "بررسی" in fragment  # Check
    assert "نمایش پاسخ" in fragment  # Show answer
    assert "۱." in fragment  # questions numbered in Persian digits
    assert '"correct":"درست است"' in fragment


@pytest.mark.sphinx("gettext", testroot="quiz-basic", srcdir="quiz-gettext")
def test_bank_text_never_enters_the_message_catalogs(app) -> None:
    app.build()
    catalogs = "".join(p.read_text("utf-8") for p in Path(app.outdir).glob("*.pot"))
    assert "Quiz basics" in catalogs
    assert "Which year was the treaty" not in catalogs
    assert "Answer key" not in catalogs


@pytest.mark.sphinx("html", testroot="quiz-fa", srcdir="quiz-fa-drift")
def test_a_translation_that_drifts_from_its_original_warns(app) -> None:
    bank = Path(app.srcdir) / "quizzes" / "demo.fa.yaml"
    bank.write_text(bank.read_text("utf-8").replace("answer: false", "answer: true"), "utf-8")
    app.build()
    warnings = "\n".join(warnings_of(app.warning.getvalue()))
    assert "demo.fa.yaml:" in warnings
    assert "question 'judge' differs from the original" in warnings
    assert "[quizgen.translation]" in warnings


@pytest.mark.sphinx("html", testroot="quiz-rst")
def test_works_in_a_restructuredtext_project_without_myst(app) -> None:
    app.build()
    assert warnings_of(app.warning.getvalue()) == []
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    fragment = quiz_fragments(html)[0]
    assert fragment.count('<form class="qz-question"') == 2
    assert "<em>" in fragment and "signed" in fragment  # bank text is still MyST inline markup
    assert 'href="reading.html#reading-treaty"' in fragment


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-after-transform")
def test_doctree_after_the_html_transform(app, file_regression) -> None:
    app.build()
    doctree = app.env.get_and_resolve_doctree("index", app.builder)
    from quizgen.sphinx_ext.nodes import quiz_element

    roots = [n for n in doctree.findall(quiz_element) if "qz-quiz" in n["classes"]]
    assert len(roots) == 1
    file_regression.check(stable_pformat(roots[0]), extension=".xml")


@pytest.mark.parametrize(
    "argument",
    [
        "../../outside.yaml",
        "/../outside.yaml",
        "../outside",
        "quizzes/../../outside.yaml",
        "quizzes/escape.yaml",  # a link inside the bank folder that leads out of it
    ],
)
def test_a_bank_outside_the_bank_folder_is_refused_unread(
    make_app, rootdir: Path, tmp_path: Path, argument: str
) -> None:
    import shutil

    srcdir = tmp_path / "project" / "src"
    shutil.copytree(rootdir / "test-quiz-basic", srcdir)
    secret = tmp_path / "project" / "outside.yaml"
    secret.write_text("bank: secret\ntitle: SECRET-TITLE\nquestions: [1]\n", encoding="utf-8")
    (srcdir / "quizzes" / "escape.yaml").symlink_to(secret)
    (srcdir / "other.md").write_text(f"# Other\n\n```{{quiz}} {argument}\n```\n", "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = "\n".join(warnings_of(app.warning.getvalue()))
    assert f"other.md:3: WARNING: bank {argument!r} is outside the bank folder" in warnings
    assert "[quizgen.bank_read]" in warnings
    assert "SECRET" not in warnings
    assert "SECRET" not in (Path(app.outdir) / "other.html").read_text("utf-8")
    app.cleanup()


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-folder-bank")
def test_a_folder_named_as_a_bank_is_worded_as_the_cli_words_it(
    app, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizgen.cli import main

    folder = Path(app.srcdir) / "quizzes" / "folder.yaml"
    folder.mkdir()
    (Path(app.srcdir) / "other.md").write_text("# Other\n\n```{quiz} folder\n```\n", "utf-8")
    app.build()
    warnings = "\n".join(warnings_of(app.warning.getvalue()))
    message = "this is a folder, not a bank file: name a .yaml file"
    assert f"quizzes/folder.yaml: {message}" in warnings
    assert main(["validate", str(folder)]) == 1
    assert f"error[bank_read]: {message}" in capsys.readouterr().out


@pytest.mark.sphinx("html", testroot="quiz-basic", srcdir="quiz-twice")
def test_a_question_is_shown_once_per_page(app) -> None:
    (Path(app.srcdir) / "other.md").write_text(
        "# Other\n\n```{quiz} demo\n:questions: pick judge\n```\n\n"
        "```{quiz} demo\n:questions: year\n```\n\n"
        "```{quiz} demo\n:questions: judge order\n```\n",
        encoding="utf-8",
    )
    app.build()
    warnings = warnings_of(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert re.search(
        r"other\.md:11: WARNING: question\(s\) judge of bank 'demo' are already on this page "
        r"\(the quiz at .*other\.md:3\).*\[quizgen\.directive_option\]",
        warnings[0],
    )
    html = (Path(app.outdir) / "other.html").read_text("utf-8")
    ids = re.findall(r'id="qz\d+-demo-([^"]+)" data-qz=', html)
    assert sorted(ids) == ["judge", "order", "pick", "year"]


@pytest.mark.sphinx("text", testroot="quiz-basic")
def test_the_printed_worksheet_and_the_markdown_export_agree(app) -> None:
    """Both come from one layout: the same shuffled order, the same key, never the key order."""
    from quizgen.formats import worksheet
    from quizgen.loader import load_bank

    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    bank = load_bank(Path(app.srcdir) / "quizzes" / "demo.yaml").bank
    assert bank is not None
    sheet, _ = worksheet.dump(bank)

    def order(document: str, words: list[str]) -> list[str]:
        return sorted(words, key=document.index)

    items = ["Agreed Framework", "Six-Party Talks", "Singapore summit"]
    shown = order(text.split("Put the events in order.")[1], items)
    assert shown == order(sheet.split("Put the events in order.")[1], items)
    assert shown != items, "a worksheet never prints the ordering key"
    options = ["2018", "2019", "2005"]
    printed = order(text.split("Match each summit to its year.")[1], options)
    assert printed == order(sheet.split("Match each summit to its year.")[1], options)
