"""Cross-document quiz state: which pages hold quizzes, which banks and ``see:`` links they use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain
from sphinx.domains.std import StandardDomain
from sphinx.util.nodes import make_refnode

from quizgen.loader import check_across_banks
from quizgen.problems import Problem, ProblemCode
from quizgen.sphinx_ext.banks import BankSource, load_cached
from quizgen.sphinx_ext.logging_ import problem_location, warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def is_quiz(node: nodes.Node) -> bool:
    """The generic quiz container the directive emits."""
    return isinstance(node, nodes.container) and node.get("quiz_component") == "quiz"


class QuizDomain(Domain):
    """Holds, per document, the banks its quizzes use and the links they must resolve."""

    name = "quiz"
    label = "Quiz"
    data_version = 3
    initial_data: ClassVar[dict[str, Any]] = {
        "uses": {},
        "quiz_docs": {},
        "warnings": {},
        "shown": {},
    }

    @property
    def uses(self) -> dict[str, list[dict[str, Any]]]:
        """docname -> records noted by the directives of that document."""
        return cast("dict[str, list[dict[str, Any]]]", self.data.setdefault("uses", {}))

    @property
    def quiz_docs(self) -> dict[str, int]:
        """docname -> number of quizzes on the page (pages that need the runtime)."""
        return cast("dict[str, int]", self.data.setdefault("quiz_docs", {}))

    @property
    def warnings(self) -> dict[str, list[tuple[str, str, str]]]:
        """docname -> (location, subtype, message) of every warning its directives raised.

        Why keep them: Sphinx re-reads only changed pages, so a warning given while reading
        would be given once; :meth:`report` repeats them on every build while the bank is
        broken, and a ``-W`` build keeps failing until it is fixed.
        """
        return cast("dict[str, list[tuple[str, str, str]]]", self.data.setdefault("warnings", {}))

    @property
    def shown(self) -> dict[str, dict[str, str]]:
        """docname -> ``language:bank:question`` -> where on the page that question is shown.

        Filled while the page is read, dropped once it is (:meth:`process_doc`).
        """
        return cast("dict[str, dict[str, str]]", self.data.setdefault("shown", {}))

    def note_shown(self, docname: str, keys: Iterable[str], location: str) -> dict[str, str]:
        """Record questions shown on ``docname``; return those already shown there, and where.

        Why: saved answers are kept per question, so one question twice on a page would share
        its answer between two forms that show it differently.
        """
        page = self.shown.setdefault(docname, {})
        before = {key: page[key] for key in keys if key in page}
        for key in keys:
            page.setdefault(key, location)
        return before

    def note_warning(self, docname: str, code: ProblemCode, message: str, location: str) -> None:
        """Keep a warning about ``docname`` for :meth:`report`."""
        self.warnings.setdefault(docname, []).append((location, code.value, message))

    def note_problems(self, docname: str, problems: Iterable[Problem]) -> None:
        """Keep located bank problems met while reading ``docname``."""
        for problem in problems:
            self.note_warning(docname, problem.code, problem.message, problem_location(problem))

    def note_bank_use(self, docname: str, source: BankSource, bank: Any) -> None:
        """Remember that ``docname`` shows ``bank`` (a loaded Bank) from ``source``."""
        see: list[tuple[str, tuple[str | int, ...]]] = [
            (o.see, ("objectives", i, "see")) for i, o in enumerate(bank.objectives) if o.see
        ]
        see += [(q.see, ("questions", i, "see")) for i, q in enumerate(bank.questions) if q.see]
        self.uses.setdefault(docname, []).append(
            {
                "bank": bank.bank,
                "language": bank.language,
                "source": (source.rel, str(source.path), source.shown),
                "see": see,
            }
        )

    def clear_doc(self, docname: str) -> None:
        self.uses.pop(docname, None)
        self.quiz_docs.pop(docname, None)
        self.warnings.pop(docname, None)
        self.shown.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("uses", "quiz_docs", "warnings", "shown"):
                if docname in otherdata.get(key, {}):
                    self.data.setdefault(key, {})[docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        # By class first: a Python condition on every node of a long quiz page costs more.
        count = sum(1 for node in document.findall(nodes.container) if is_quiz(node))
        if count:
            self.quiz_docs[docname] = count
        # Only needed while the page is read; kept, it would grow the pickled environment by
        # a key a question.
        self.shown.pop(docname, None)

    def sources(self) -> Iterator[BankSource]:
        """Every bank file in use, once."""
        seen: set[str] = set()
        for docname in sorted(self.uses):
            for record in self.uses[docname]:
                rel, path, shown = record["source"]
                if path not in seen:
                    seen.add(path)
                    yield BankSource(rel, Path(path), shown)

    def lookup_see(self, target: str) -> tuple[str, str, str] | str:
        """``doc#label`` -> (docname, anchor id, section title), or why it does not resolve."""
        docname, _, label = target.partition("#")
        if docname not in self.env.all_docs:
            return f"`see: {target}`: there is no page {docname!r} in this site"
        if not label:
            return (
                docname,
                "",
                self.env.titles[docname].astext() if docname in self.env.titles else docname,
            )
        std = self.env.domains["std"]  # ``domains.standard_domain`` only exists from 8.1
        assert isinstance(std, StandardDomain)
        if label in std.labels:
            where, anchor, title = std.labels[label]
        elif label in std.anonlabels:
            where, anchor = std.anonlabels[label]
            title = label
        else:
            return f"`see: {target}`: page {docname!r} has no label {label!r}"
        if where != docname:
            return f"`see: {target}`: label {label!r} is on page {where!r}, not {docname!r}"
        return docname, anchor, title or label

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self.lookup_see(target)
        if isinstance(found, str):
            return None  # the text stays, unlinked; reported once, in the bank, by report()
        docname, anchor, title = found
        return make_refnode(builder, fromdocname, docname, anchor, nodes.inline(title, title))

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []  # `see:` links are resolved by their own role only

    def report(self) -> None:
        """Give every quizgen warning of the site, once each, on every build.

        Covers the warnings kept while reading pages (bank problems, directive options), each
        ``see:`` that leads nowhere and each id shared by two banks. Called on ``env-updated``,
        which Sphinx emits on every build, even when no page was re-read.
        """
        by_path: dict[str, list[tuple[str, tuple[str | int, ...]]]] = {}
        for docname in sorted(self.uses):
            for record in self.uses[docname]:
                by_path.setdefault(record["source"][1], []).extend(record["see"])
        results = {str(s.path): load_cached(s) for s in self.sources()}
        problems: list[Problem] = []
        for path, links in by_path.items():
            result = results[path]
            for target, loc in dict.fromkeys(links):
                found = self.lookup_see(target)
                if isinstance(found, str):
                    problems.append(result.problem(loc, ProblemCode.unknown_target, found))
        problems += check_across_banks(results.values())
        kept = {warning for docname in sorted(self.warnings) for warning in self.warnings[docname]}
        kept.update((problem_location(p), p.code.value, p.message) for p in problems)
        for location, subtype, message in sorted(kept, key=_reading_order):
            warn(ProblemCode(subtype), message, location)


def _reading_order(warning: tuple[str, str, str]) -> tuple[str, int, int, str]:
    """Sort ``path:line:col`` locations by path, then numerically by line and column."""
    location, _, message = warning
    path, *numbers = location.split(":")
    line, column = ([int(n) for n in numbers if n.isdigit()] + [0, 0])[:2]
    return path, line, column, message


def report_warnings(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated`` handler: see :meth:`QuizDomain.report`."""
    domain = env.domains["quiz"]
    assert isinstance(domain, QuizDomain)
    domain.report()
