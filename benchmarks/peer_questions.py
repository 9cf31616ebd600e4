"""The ten questions every peer tool is asked to show, written in each tool's own syntax.

Why one list: the comparison is fair only if every tool renders the same questions. Types a
tool lacks are written in its nearest type, and ``UNSUPPORTED`` says which were mapped.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

QUESTIONS: list[dict[str, Any]] = [
    {"id": "p1", "type": "single", "prompt": "Which year saw the Agreed Framework?",
     "choices": ["1994", "2003", "2018"], "correct": 0},
    {"id": "p2", "type": "single", "prompt": "Who coined the term *soft power*?",
     "choices": ["Joseph Nye", "E. H. Carr", "Hans Morgenthau"], "correct": 0},
    {"id": "p3", "type": "single", "prompt": "Where did the 2019 summit break down?",
     "choices": ["Singapore", "Hanoi", "Panmunjom"], "correct": 1},
    {"id": "p4", "type": "single", "prompt": "Which talks included six parties?",
     "choices": ["The Six-Party Talks", "The Leap Day deal", "The Hanoi summit"], "correct": 0},
    {"id": "p5", "type": "multiple", "prompt": "Which are sources of soft power?",
     "choices": ["Culture", "Political values", "Foreign policy", "Tariffs"],
     "correct": [0, 1, 2]},
    {"id": "p6", "type": "multiple", "prompt": "Which were summits between the two leaders?",
     "choices": ["Singapore 2018", "Hanoi 2019", "Geneva 1994"], "correct": [0, 1]},
    {"id": "p7", "type": "true-false", "prompt": "Soft power works through attraction.",
     "answer": True},
    {"id": "p8", "type": "true-false", "prompt": "The Leap Day deal was signed in 2015.",
     "answer": False},
    {"id": "p9", "type": "fill-blank", "prompt": "Soft power is the power to ____.",
     "answers": ["attract"]},
    {"id": "p10", "type": "numeric", "prompt": "In which year was the Singapore summit?",
     "value": 2018, "tolerance": 0},
]  # fmt: skip

#: What each tool lacks, and what the question became.
UNSUPPORTED = {
    "mkdocs-quiz": "true-false as single choice; numeric as fill-in-the-blank",
    "sphinx-yaq": "multiple choice as one true/false per option; numeric as fill-in-the-blank",
    "teachbooks-questions": "true-false as single-select; fill-blank and numeric as short-answer",
    "jupyterquiz": "true-false as multiple_choice; fill-blank as string",
}

PROSE = (
    "The talks moved in steps: a freeze for relief, inspections for trust. Each side read "
    "the other's gestures through its own politics."
)


def _choices(question: dict[str, Any]) -> list[tuple[str, bool]]:
    """(text, correct) pairs for choice and true-false questions."""
    if question["type"] == "true-false":
        return [("True", question["answer"]), ("False", not question["answer"])]
    right = question["correct"]
    right = {right} if isinstance(right, int) else set(right)
    return [(text, index in right) for index, text in enumerate(question["choices"])]


def _answer_text(question: dict[str, Any]) -> str:
    if question["type"] == "numeric":
        return f"{question['value']:g}"
    return str(question["answers"][0])


def quizgen_bank() -> str:
    """The questions as a quizgen bank."""
    bank = {"bank": "peers", "title": "Ten questions", "shuffle": False, "questions": QUESTIONS}
    return yaml.safe_dump(bank, sort_keys=False, allow_unicode=True)


def mkdocs_quiz_markdown() -> str:
    """mkdocs-quiz: ``<quiz>`` blocks with task-list answers and ``[[blank]]`` gaps."""
    blocks = []
    for question in QUESTIONS:
        if question["type"] in {"fill-blank", "numeric"}:
            prompt = question["prompt"].replace("____", "").rstrip(".?")
            blocks.append(f"<quiz>\n{prompt}: [[{_answer_text(question)}]]\n</quiz>")
            continue
        options = "\n".join(
            f"- [{'x' if right else ' '}] {text}" for text, right in _choices(question)
        )
        blocks.append(f"<quiz>\n{question['prompt']}\n{options}\n</quiz>")
    return "\n\n".join(blocks)


def _yaq_json(model: dict[str, Any]) -> str:
    return json.dumps(model, separators=(",", ":"))


def sphinx_yaq_rst() -> str:
    """sphinx-yaq: one ``quiz`` directive holding inline ``:quiz:`` roles."""
    lines = [".. quiz:: peers", "   :title: Ten questions", ""]
    for question in QUESTIONS:
        kind = question["type"]
        if kind == "single":
            values = ",".join(text for text, _ in _choices(question))
            answer = next(text for text, right in _choices(question) if right)
            model = {"type": "SC", "values": values, "answer": answer}
            lines.append(f"   {question['prompt']} :quiz:`{_yaq_json(model)}`")
        elif kind == "multiple":
            lines.append(f"   {question['prompt']}")
            lines.append("")
            for text, right in _choices(question):
                model = {"type": "TF", "answer": "T" if right else "F"}
                lines.append(f"   - {text}: :quiz:`{_yaq_json(model)}`")
        elif kind == "true-false":
            model = {"type": "TF", "answer": "T" if question["answer"] else "F"}
            lines.append(f"   {question['prompt']} :quiz:`{_yaq_json(model)}`")
        else:
            model = {"type": "FB", "answer": _answer_text(question)}
            lines.append(f"   {question['prompt']} :quiz:`{_yaq_json(model)}`")
        lines.append("")
    return "\n".join(lines)


def teachbooks_markdown() -> str:
    """teachbooks-questions: one ``question`` directive per question."""
    blocks = []
    for question in QUESTIONS:
        kind = question["type"]
        if kind in {"fill-blank", "numeric"}:
            head = ":type: short-answer"
            body = f"TI[{_answer_text(question)}] Answer"
        else:
            variant = "multiple-select" if kind == "multiple" else "single-select"
            head = f":type: multiple-choice\n:variant: {variant}"
            body = "\n".join(
                f"[{'x' if right else ' '}] {text}" for text, right in _choices(question)
            )
        blocks.append(f":::{{question}}\n{head}\n\n{question['prompt']}\n---\n{body}\n---\n:::")
    return "\n\n".join(blocks)


def jupyterquiz_questions() -> list[dict[str, Any]]:
    """jupyterquiz: its JSON question list."""
    out: list[dict[str, Any]] = []
    for question in QUESTIONS:
        kind = question["type"]
        if kind == "numeric":
            out.append(
                {
                    "question": question["prompt"],
                    "type": "numeric",
                    "answers": [{"type": "value", "value": question["value"], "correct": True}],
                }
            )
        elif kind == "fill-blank":
            out.append(
                {
                    "question": question["prompt"],
                    "type": "string",
                    "answers": [
                        {"answer": a, "correct": True, "match_case": False}
                        for a in question["answers"]
                    ],
                }
            )
        else:
            out.append(
                {
                    "question": question["prompt"],
                    "type": "many_choice" if kind == "multiple" else "multiple_choice",
                    "answers": [
                        {"answer": text, "correct": right} for text, right in _choices(question)
                    ],
                }
            )
    return out
