"""Cross-document quiz state: which pages hold quizzes, which banks and ``see:`` links they use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.domains.std import StandardDomain
from sphinx.util.nodes import make_refnode

from quizgen.loader import check_across_banks
from quizgen.problems import Problem, ProblemCode
from quizgen.sphinx_ext.banks import BankSource, load_cached
from quizgen.sphinx_ext.logging_ import warn_problems

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def is_quiz(node: nodes.Node) -> bool:
    """The generic quiz container the directive emits."""
    return isinstance(node, nodes.container) and node.get("quiz_component") == "quiz"


class QuizDomain(Domain):
    """Holds, per document, the banks its quizzes use and the links they must resolve."""

    name = "quiz"
    label = "Quiz"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"uses": {}, "quiz_docs": {}}

    @property
    def uses(self) -> dict[str, list[dict[str, Any]]]:
        """docname -> records noted by the directives of that document."""
        return self.data.setdefault("uses", {})

    @property
    def quiz_docs(self) -> dict[str, int]:
        """docname -> number of quizzes on the page (pages that need the runtime)."""
        return self.data.setdefault("quiz_docs", {})

    def note_bank_use(
        self, docname: str, source: BankSource, bank: Any, questions: Iterable[str]
    ) -> None:
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
                "questions": list(questions),
                "see": see,
            }
        )

    def clear_doc(self, docname: str) -> None:
        self.uses.pop(docname, None)
        self.quiz_docs.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata.get("uses", {}):
                self.uses[docname] = otherdata["uses"][docname]
            if docname in otherdata.get("quiz_docs", {}):
                self.quiz_docs[docname] = otherdata["quiz_docs"][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        count = sum(1 for _ in document.findall(is_quiz))
        if count:
            self.quiz_docs[docname] = count

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
    ) -> nodes.Element | None:
        found = self.lookup_see(target)
        if isinstance(found, str):
            return contnode  # reported once, located in the bank, by check_consistency
        docname, anchor, title = found
        return make_refnode(builder, fromdocname, docname, anchor, nodes.inline(title, title))

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.Element]]:
        return []

    def check_consistency(self) -> None:
        """Warn, at the bank line, for each ``see:`` that leads nowhere and each shared id."""
        by_path: dict[str, list[tuple[str, tuple[str | int, ...]]]] = {}
        for docname in sorted(self.uses):
            for record in self.uses[docname]:
                by_path.setdefault(record["source"][1], []).extend(record["see"])
        results = {str(s.path): load_cached(s) for s in self.sources()}
        problems: list[Problem] = []
        for path, links in by_path.items():
            result = results[path]
            for target, loc in dict.fromkeys(map(tuple, links)):
                found = self.lookup_see(target)
                if isinstance(found, str):
                    problems.append(result.problem(loc, ProblemCode.unknown_target, found))
        problems += check_across_banks(results.values())
        warn_problems(sorted(problems))
