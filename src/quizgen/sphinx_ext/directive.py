"""The ``quiz`` and ``quiz-objectives`` directives: bank in, printable worksheet nodes out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from quizgen.model import Bank, Question
from quizgen.problems import Problem, ProblemCode
from quizgen.sphinx_ext.banks import (
    BankPathError,
    BankSource,
    load_cached,
    resolve_bank,
)
from quizgen.sphinx_ext.config import QuizConfig
from quizgen.sphinx_ext.domain import QuizDomain
from quizgen.sphinx_ext.inline import paragraph
from quizgen.sphinx_ext.labels import build_labels
from quizgen.sphinx_ext.selection import select_questions
from quizgen.sphinx_ext.worksheet import WorksheetBuilder
from quizgen.translation import compare_banks, is_translation_file

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec


def _words(argument: str | None) -> list[str]:
    return (argument or "").replace(",", " ").split()


def _true_false(argument: str | None) -> bool:
    return directives.choice((argument or "").strip().lower(), ("true", "false")) == "true"


def keep_verbatim(tree: nodes.Element) -> None:
    """Bank text is shown as written and translated in ``*.fa.yaml`` files.

    So no smart quotes (an answer key must show what the learner types) and no gettext
    extraction from the page.
    """
    tree["support_smartquotes"] = False
    for node in tree.findall(nodes.TextElement):
        # Not on inline nodes: Sphinx unwraps any inline with this attribute, moving its text
        # to the end of the paragraph (RemoveTranslatableInline).
        if not isinstance(node, nodes.inline):
            node["translatable"] = False


class _BankDirective(SphinxDirective):
    """Shared bank lookup: resolve, note the dependency, load, keep problems for the report."""

    required_arguments = 1

    @property
    def quiz_domain(self) -> QuizDomain:
        domain = self.env.domains["quiz"]
        assert isinstance(domain, QuizDomain)
        return domain

    def warn(self, code: ProblemCode, message: str) -> None:
        """A warning located at this directive, repeated on every build until fixed."""
        self.quiz_domain.note_warning(self.env.docname, code, message, self.get_location())

    def warn_problems(self, problems: Iterable[Problem]) -> None:
        """Bank problems, repeated on every build until the bank is fixed."""
        self.quiz_domain.note_problems(self.env.docname, problems)

    def load(self) -> tuple[BankSource | None, Bank | None]:
        config = QuizConfig.from_sphinx(self.config)
        docname_dir = Path(self.env.doc2path(self.env.docname)).parent
        try:
            source = resolve_bank(
                self.arguments[0],
                docname_dir=docname_dir,
                srcdir=Path(self.env.srcdir),
                bank_dir=config.bank_dir,
                language=self.config.language,
            )
        except BankPathError as exc:
            self.warn(ProblemCode.bank_read, str(exc))
            return None, None
        # Editing the bank then re-reads exactly the pages that use it.
        self.env.note_dependency(str(source.path))
        result = load_cached(source)
        if not source.path.is_file():
            # The loader's own words ("no such file", "a folder"), as the CLI prints them.
            self.warn(
                ProblemCode.bank_read,
                f"bank {self.arguments[0]!r}: {source.shown}: {result.problems[0].message} "
                f"(quizgen_bank_dir = {config.bank_dir!r})",
            )
            return source, None
        self.warn_problems(result.problems)
        if result.bank is not None and is_translation_file(source.path):
            original = resolve_bank(
                self.arguments[0],
                docname_dir=docname_dir,
                srcdir=Path(self.env.srcdir),
                bank_dir=config.bank_dir,
                language=None,
            )
            untranslated = load_cached(original).bank if original.path != source.path else None
            if untranslated is not None:
                self.env.note_dependency(str(original.path))
                self.warn_problems(compare_banks(untranslated, result))
        bank = result.bank or result.salvaged
        if bank is not None:
            self.quiz_domain.note_bank_use(self.env.docname, source, bank)
        return source, bank


class QuizDirective(_BankDirective):
    """Render a bank (or part of it) as a quiz.

    Emits the worksheet tree of :class:`~quizgen.sphinx_ext.worksheet.WorksheetBuilder`;
    HTML builders turn it into forms in :class:`~quizgen.sphinx_ext.transforms.QuizHtmlTransform`.
    """

    option_spec: ClassVar[OptionSpec] = {
        "questions": directives.unchanged,
        "objectives": directives.unchanged,
        "tags": directives.unchanged,
        "difficulty": directives.unchanged,
        "types": directives.unchanged,
        "draw": directives.positive_int,
        "shuffle": _true_false,
        "title": directives.unchanged,
        "summary": _true_false,
        "answer-key": directives.flag,
        "seed": directives.nonnegative_int,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        _, bank = self.load()
        if bank is None:
            return []  # the located bank problems are already reported
        selection = select_questions(
            bank,
            ids=_words(self.options.get("questions")),
            objectives=_words(self.options.get("objectives")),
            tags=_words(self.options.get("tags")),
            difficulty=_words(self.options.get("difficulty")),
            types=_words(self.options.get("types")),
        )
        for message in selection.messages:
            self.warn(ProblemCode.directive_option, message)
        questions = self.once_per_page(bank, selection.questions)
        if not questions:
            return []
        config = QuizConfig.from_sphinx(self.config)
        used = {q.objective for q in questions}
        objectives = [o for o in bank.objectives if o.id in used]
        draw = self.options.get("draw", bank.draw)
        forced = self.options.get("shuffle")
        shuffle = {
            q.id: config.shuffle
            and (
                forced
                if forced is not None
                else q.shuffle
                if q.shuffle is not None
                else bank.shuffle
            )
            for q in questions
        }
        options = {
            "draw": draw if draw and draw < len(questions) else None,
            "summary": self.options.get("summary", config.summary),
            "answer_key": "answer-key" in self.options,
            "seed": self.options.get("seed", config.seed),
        }
        serial = self.env.new_serialno("quiz")
        uid = f"qz{serial}-{bank.bank}"
        builder = WorksheetBuilder(bank, uid, build_labels())
        quiz = builder.build(
            questions,
            title=self.options.get("title") or bank.title,
            objectives=objectives,
            options=options,
            shuffle=shuffle,
        )
        keep_verbatim(quiz)
        quiz["classes"] += self.options.get("class", [])
        quiz["ids"].append(uid)
        self.set_source_info(quiz)
        return [quiz]

    def once_per_page(self, bank: Bank, questions: list[Question]) -> list[Question]:
        """The questions not yet shown on this page; a located warning names the others."""
        keys = {f"{bank.language}:{bank.bank}:{q.id}": q for q in questions}
        before = self.quiz_domain.note_shown(self.env.docname, keys, self.get_location())
        if before:
            ids = ", ".join(keys[key].id for key in before)
            self.warn(
                ProblemCode.directive_option,
                f"question(s) {ids} of bank {bank.bank!r} are already on this page (the quiz "
                f"at {next(iter(before.values()))}): a page shows each question once, since "
                "saved answers are kept per question; pick others with `:questions:`",
            )
        return [q for key, q in keys.items() if key not in before]


class QuizObjectivesDirective(_BankDirective):
    """The bank's objectives as a bullet list, so a unit page and its quiz share one source.

    ::

        <bullet_list classes="qz-objectives">
            <list_item> <paragraph> objective text
    """

    def run(self) -> list[nodes.Node]:
        _, bank = self.load()
        if bank is None:
            return []
        listing = nodes.bullet_list(classes=["qz-objectives"])
        for objective in bank.objectives:
            listing += nodes.list_item("", paragraph(objective.text))
        if not bank.objectives:
            self.warn(ProblemCode.directive_option, f"bank {bank.bank!r} declares no objectives")
        keep_verbatim(listing)
        return [listing]
