"""Moodle GIFT export, with GIFT's special characters escaped."""

from __future__ import annotations

from quizgen.formats import Export
from quizgen.model import (
    Bank,
    FillBlankQuestion,
    MatchingQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderingQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Escape GIFT's control characters and fold newlines, so any text survives import."""
    out = "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _feedback(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _general(text: str | None) -> str:
    return f"####{escape(text)}" if text else ""


def _weight(count: int) -> str:
    value = 100 / count
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _answers(question: object) -> str | None:
    if isinstance(question, SingleQuestion):
        return " ".join(
            f"{'=' if c.correct else '~'}{escape(c.text)}{_feedback(c.feedback)}"
            for c in question.choices
        )
    if isinstance(question, MultipleQuestion):
        right = sum(c.correct for c in question.choices)
        wrong = len(question.choices) - right
        return " ".join(
            f"~%{_weight(right) if c.correct else '-' + _weight(wrong)}%"
            f"{escape(c.text)}{_feedback(c.feedback)}"
            for c in question.choices
        )
    if isinstance(question, TrueFalseQuestion):
        return f"{'TRUE' if question.answer else 'FALSE'}{_feedback(question.feedback)}"
    if isinstance(question, FillBlankQuestion):
        return " ".join(f"={escape(a)}" for a in question.answers) + _feedback(question.feedback)
    if isinstance(question, NumericQuestion):
        return f"#{question.value:g}:{question.tolerance:g}{_feedback(question.feedback)}"
    if isinstance(question, MatchingQuestion):
        return " ".join(f"={escape(p.left)} -> {escape(p.right)}" for p in question.pairs)
    if isinstance(question, ShortAnswerQuestion):
        return ""
    return None


def dump(bank: Bank) -> Export:
    """The bank as a GIFT file; ordering questions have no GIFT form and are reported."""
    lines = [f"// {bank.title}", f"$CATEGORY: $course$/{bank.bank}", ""]
    skipped: list[tuple[str, str]] = []
    for question in bank.questions:
        answers = _answers(question)
        if answers is None or isinstance(question, OrderingQuestion):
            skipped.append((question.id, f"GIFT has no {question.type} question type"))
            continue
        if isinstance(question, FillBlankQuestion) and question.patterns:
            skipped.append((question.id, "patterns dropped: GIFT accepts exact answers only"))
        if isinstance(question, MatchingQuestion) and question.distractors:
            skipped.append((question.id, "distractors dropped: GIFT matching has none"))
        general = question.explanation
        if isinstance(question, ShortAnswerQuestion):
            general = question.model_answer
        lines.append(
            f"::{escape(question.id)}::[markdown]{escape(question.prompt)} "
            f"{{{answers}{_general(general)}}}"
        )
        lines.append("")
    return Export("\n".join(lines), skipped)
