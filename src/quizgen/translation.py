"""Check that a translated bank still asks the same questions as its original.

Why: progress, exports and the site's two editions key on question ids, and a translation
that drifts (a dropped question, a moved correct answer) would grade learners wrongly.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.loader import LoadResult
from quizgen.model import Bank, QuestionBase
from quizgen.problems import Problem, ProblemCode
from quizgen.types.registry import of


def translation_path(original: Path, language: str) -> Path:
    """``quizzes/history.yaml`` -> ``quizzes/history.fa.yaml``."""
    return original.with_name(f"{original.stem}.{language}{original.suffix}")


def is_translation_file(path: Path) -> bool:
    """True for ``name.<lang>.yaml`` files, which translate ``name.yaml``."""
    parts = path.name.split(".")
    return len(parts) == 3 and 2 <= len(parts[1]) <= 3 and parts[1].isalpha()


def _shape(question: QuestionBase) -> tuple[object, ...]:
    """What must not change in translation: type, objective, link and the key of the answer."""
    return (question.type, question.objective, question.see, *of(question).shape(question))


def compare_banks(original: Bank, translated: LoadResult) -> list[Problem]:
    """Problems that make ``translated`` diverge from ``original``, located in the translation."""
    bank = translated.bank
    if bank is None:
        return []
    problems: list[Problem] = []

    def report(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(translated.problem(loc, ProblemCode.translation, message))

    if bank.bank != original.bank:
        report(("bank",), f"bank id {bank.bank!r} differs from the original {original.bank!r}")
    if bank.language == original.language:
        report(("language",), f"a translation needs its own `language:`, not {bank.language!r}")
    if [o.id for o in bank.objectives] != [o.id for o in original.objectives]:
        report(("objectives",), "objective ids differ from the original: keep them identical")
    original_ids = [q.id for q in original.questions]
    translated_ids = [q.id for q in bank.questions]
    missing = [i for i in original_ids if i not in translated_ids]
    extra = [i for i in translated_ids if i not in original_ids]
    if missing:
        report(("questions",), f"questions missing from the translation: {', '.join(missing)}")
    for index, qid in enumerate(translated_ids):
        if qid in extra:
            report(("questions", index, "id"), f"question {qid!r} is not in the original bank")
    if not missing and not extra and original_ids != translated_ids:
        report(("questions",), "questions are in a different order from the original")
    by_id = {q.id: q for q in original.questions}
    for index, question in enumerate(bank.questions):
        source = by_id.get(question.id)
        if source is not None and _shape(source) != _shape(question):
            report(
                ("questions", index),
                f"question {question.id!r} differs from the original in type, objective, "
                "`see:` or its answer key: translate the text only",
            )
    return problems
