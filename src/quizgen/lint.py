"""Review rules for valid but weak questions, the ones a careful colleague would flag.

Each finding is a warning with a rule id, so an author can silence a rule they disagree
with (``quizgen lint --ignore RULE``) instead of living with noise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from quizgen.answers import normalise_answer
from quizgen.loader import LoadResult
from quizgen.model import Bank
from quizgen.problems import Problem, ProblemCode
from quizgen.types.choices import MultipleQuestion, SingleQuestion
from quizgen.types.true_false import TrueFalseQuestion

#: Choices this similar (difflib ratio on normalised text) read as the same option.
NEAR_DUPLICATE_RATIO = 0.92
#: Bank-wide patterns need this many questions before they mean anything.
MIN_QUESTIONS_FOR_PATTERN = 4

_ABOVE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|them)\b", re.IGNORECASE)
_ABOVE_FA = re.compile(r"(همه|هیچ‌?\s?یک|هیچکدام|هیچ‌کدام)\s*(از)?\s*(موارد|گزینه‌?\s?های)")


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str


RULES = (
    Rule("duplicate-choice", "two choices of one question say the same thing"),
    Rule("distractor-without-feedback", "a wrong choice gives no feedback on why it is wrong"),
    Rule("no-explanation", "the question has no explanation to show after checking"),
    Rule("no-see-link", "the question does not link to the section that teaches it"),
    Rule("all-or-none-of-the-above", "a choice is 'all/none of the above'"),
    Rule("correct-always-longest", "the right choice is the longest in every choice question"),
    Rule("correct-same-position", "unshuffled questions keep the right choice in one place"),
    Rule("true-false-all-same", "every true/false question has the same answer"),
)
RULE_IDS = frozenset(rule.id for rule in RULES)

Finding = tuple[tuple[str | int, ...], str, str]
"""(location in the bank, rule id, message)."""


def _choice_questions(bank: Bank) -> Iterator[tuple[int, SingleQuestion | MultipleQuestion]]:
    for index, question in enumerate(bank.questions):
        if isinstance(question, SingleQuestion | MultipleQuestion):
            yield index, question


def _per_question(bank: Bank) -> Iterator[Finding]:
    for index, question in enumerate(bank.questions):
        where: tuple[str | int, ...] = ("questions", index)
        if not question.explanation:
            yield (
                where,
                "no-explanation",
                f"{question.id}: add an `explanation:` shown after checking",
            )
        if not question.see:
            yield (
                where,
                "no-see-link",
                f"{question.id}: add `see: page#section` so a learner can review",
            )
    for index, question in _choice_questions(bank):
        seen: list[tuple[int, str]] = []
        for number, choice in enumerate(question.choices):
            where = ("questions", index, "choices", number)
            text = normalise_answer(choice.text)
            for other, earlier in seen:
                if text == earlier or (
                    len(text) >= 8
                    and SequenceMatcher(None, text, earlier).ratio() >= NEAR_DUPLICATE_RATIO
                ):
                    yield (
                        where,
                        "duplicate-choice",
                        f"{question.id}: choice {number} repeats choice {other}; "
                        "make each option distinct",
                    )
                    break
            seen.append((number, text))
            if _ABOVE.search(choice.text) or _ABOVE_FA.search(choice.text):
                yield (
                    where,
                    "all-or-none-of-the-above",
                    f"{question.id}: 'all/none of the above' breaks when choices are shuffled; "
                    "use type: multiple instead",
                )
            if not choice.correct and not choice.feedback:
                yield (
                    where,
                    "distractor-without-feedback",
                    f"{question.id}: wrong choice {number} has no `feedback:` "
                    "saying why it is wrong",
                )


def _bank_patterns(bank: Bank) -> Iterator[Finding]:
    singles = [(i, q) for i, q in _choice_questions(bank) if isinstance(q, SingleQuestion)]
    if len(singles) >= MIN_QUESTIONS_FOR_PATTERN:
        longest = 0
        for _, question in singles:
            lengths = [len(c.text) for c in question.choices]
            right = next(len(c.text) for c in question.choices if c.correct)
            longest += right == max(lengths) and lengths.count(right) == 1
        if longest == len(singles):
            yield (
                ("questions",),
                "correct-always-longest",
                f"the right choice is the longest in all {len(singles)} single-choice questions: "
                "learners can guess by length; lengthen some distractors",
            )
        fixed = [
            (i, q)
            for i, q in singles
            if (q.shuffle if q.shuffle is not None else bank.shuffle) is False
        ]
        positions = {next(n for n, c in enumerate(q.choices) if c.correct) for _, q in fixed}
        if len(fixed) >= MIN_QUESTIONS_FOR_PATTERN and len(positions) == 1:
            yield (
                ("questions",),
                "correct-same-position",
                f"shuffling is off and the right choice is number {positions.pop()} in all "
                f"{len(fixed)} single-choice questions: vary its place",
            )
    answers = [
        (i, q.answer) for i, q in enumerate(bank.questions) if isinstance(q, TrueFalseQuestion)
    ]
    if len(answers) >= MIN_QUESTIONS_FOR_PATTERN and len({a for _, a in answers}) == 1:
        value = "true" if answers[0][1] else "false"
        yield (
            ("questions",),
            "true-false-all-same",
            f"all {len(answers)} true/false questions are {value}: learners can guess the pattern",
        )


CHECKS: tuple[Callable[[Bank], Iterator[Finding]], ...] = (_per_question, _bank_patterns)


def lint_bank(result: LoadResult, *, ignore: frozenset[str] = frozenset()) -> list[Problem]:
    """Warnings for one loaded bank; rules named in ``ignore`` are skipped."""
    if result.bank is None:
        return []
    problems = []
    for check in CHECKS:
        for where, rule, message in check(result.bank):
            if rule in ignore:
                continue
            problem = result.problem(where, ProblemCode.lint, message)
            problems.append(replace(problem, severity="warning", rule=rule))
    return problems
