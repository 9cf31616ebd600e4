"""The quizgen Sphinx extension: the ``quiz`` directive, its HTML form and browser runtime."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgen import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    """Register everything the extension adds, one line per concern."""
    from quizgen.sphinx_ext import assets, config, i18n, nodes
    from quizgen.sphinx_ext.directive import QuizDirective, QuizObjectivesDirective
    from quizgen.sphinx_ext.domain import QuizDomain, report_warnings
    from quizgen.sphinx_ext.printed import QuizAnswerKeyTransform, QuizTextLabelsTransform
    from quizgen.sphinx_ext.reference import (
        BankFieldsDirective,
        ConfigDirective,
        LmsTableDirective,
        WarningsDirective,
    )
    from quizgen.sphinx_ext.smartquotes import QuizSmartQuotes, RestoreSmartQuotes
    from quizgen.sphinx_ext.transforms import QuizHtmlTransform

    config.register_config(app)
    app.connect("config-inited", config.validate_config)
    i18n.register_catalog(app)
    app.add_domain(QuizDomain)
    app.connect("env-updated", report_warnings)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("quiz-objectives", QuizObjectivesDirective)
    app.add_directive("quizgen-bank-fields", BankFieldsDirective)
    app.add_directive("quizgen-warnings", WarningsDirective)
    app.add_directive("quizgen-config", ConfigDirective)
    app.add_directive("quizgen-lms-table", LmsTableDirective)
    skip = (nodes.skip_quiz_element, None)
    for node_class in (nodes.quiz_element, nodes.quiz_text_element):
        app.add_node(
            node_class,
            html=(nodes.visit_quiz_element_html, nodes.depart_quiz_element_html),
            latex=skip,
            text=skip,
            man=skip,
            texinfo=skip,
        )
    app.add_transform(QuizSmartQuotes)
    app.add_transform(RestoreSmartQuotes)
    app.add_post_transform(QuizHtmlTransform)
    app.add_post_transform(QuizAnswerKeyTransform)
    app.add_post_transform(QuizTextLabelsTransform)
    app.connect("builder-inited", assets.add_static_dir)
    app.connect("html-page-context", assets.add_page_assets)
    return {
        "version": __version__,
        # 2: worksheet nodes carry quiz_widget and the unit field; 3: the quiz domain keeps
        # each page's warnings and the questions it shows; 4: it keeps neither the question
        # ids of a bank nor, once a page is read, the questions it shows.
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
