"""Moodle GIFT in both directions, with GIFT's special characters escaped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from quizgen.formats import Export, ExportWriter
from quizgen.formats.importing import (
    NO_MODEL_ANSWER,
    Draft,
    as_ordering,
    collapse_spellings,
    finish,
    html_to_text,
    literal_markdown,
    typed_answer,
)
from quizgen.inline import to_plain
from quizgen.model import Bank
from quizgen.problems import Problem

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Escape GIFT's control characters and fold newlines, so any text survives import."""
    out = "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


class GiftWriter(ExportWriter):
    """What a type writes GIFT with: escaped HTML text, typed answers, feedback, numbers."""

    def html(self, text: str) -> str:
        """Bank text as safe HTML (the question is marked ``[html]``), GIFT-escaped."""
        return escape(self.rendered(text))

    def plain(self, text: str) -> str:
        """Bank text as plain text (matching's right-hand side, which Moodle shows as is)."""
        return escape(to_plain(text))

    def typed(self, answer: str) -> str:
        """An accepted typed answer: ``*`` is literal (Moodle reads a bare one as a wildcard)."""
        return escape(answer.replace("*", "\\*"))

    def feedback(self, text: str | None) -> str:
        """``#feedback`` after an answer, or nothing."""
        return f"#{self.html(text)}" if text else ""

    def number(self, value: float) -> str:
        """A weight or number with at most five decimals, as Moodle's grade list writes them."""
        return f"{value:.5f}".rstrip("0").rstrip(".")


def dump(bank: Bank) -> Export:
    """The bank as a GIFT file; what GIFT cannot hold is reported per question."""
    writer = GiftWriter(bank)
    lines = [f"// {bank.title}".replace("\n", " "), f"$CATEGORY: $course$/{bank.bank}", ""]
    for question in bank.questions:
        kind = writer.start(question, "gift")
        if kind is None:
            continue
        answers = kind.to_gift(question, writer)
        if question.hint:
            writer.note("hint dropped: GIFT has no hints")
        tags = "".join(f" [tag:{escape(tag)}]" for tag in question.tags)
        general = f"####{writer.html(question.explanation)}" if question.explanation else ""
        lines.append(f"// [id:{question.id}]{tags}".rstrip())
        lines.append(
            f"::{escape(question.id)}::[html]{writer.html(question.prompt)} {{{answers}{general}}}"
        )
        lines.append("")
    return Export("\n".join(lines), writer.notes)


# --- import -------------------------------------------------------------------------------

#: Escaped characters are swapped for private-use stand-ins while the structure is parsed.
_STAND_IN = {ch: chr(0xE000 + i) for i, ch in enumerate("\\~=#{}:")}
_RESTORE = {v: k for k, v in _STAND_IN.items()}
_FORMAT = re.compile(r"^\s*\[(html|plain|markdown|moodle)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
#: Moodle's own export comments (``// question: 3  name: ...``) are not titles.
_MOODLE_COMMENT = re.compile(r"^// question: \d+")
_TF = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _hide_escapes(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _STAND_IN.get(m[1], "\n" if m[1] == "n" else m[0]), text)


def _restore(text: str) -> str:
    return "".join(_RESTORE.get(ch, ch) for ch in text)


def _text(raw: str, inherited: str = "markdown") -> tuple[str, str]:
    """Strip a format marker and escapes; HTML becomes plain text. Returns (text, format)."""
    fmt = inherited
    marker = _FORMAT.match(raw)
    if marker:
        fmt, raw = marker[1].lower(), raw[marker.end() :]
    text = _restore(raw).strip()
    return (html_to_text(text) if fmt == "html" else text), fmt


def _blocks(text: str) -> list[tuple[int, str]]:
    """Question blocks (separated by blank lines, comments removed) with their first line."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _split_answers(body: str) -> list[tuple[str, str]]:
    """``=a#f ~b`` -> ``[("=", "a#f"), ("~", "b")]``; escapes are already hidden."""
    parts = re.split(r"([=~])", body)
    out: list[tuple[str, str]] = []
    for marker, chunk in zip(parts[1::2], parts[2::2], strict=True):
        out.append((marker, chunk))
    return out


def _with_feedback(chunk: str, fmt: str) -> tuple[str, str | None]:
    answer, _, feedback = chunk.partition("#")
    text_fb = _text(feedback, fmt)[0] if feedback.strip() else None
    return answer, text_fb


def _number(text: str) -> float:
    return float(_restore(text).strip())


def _numeric(body: str, fmt: str) -> dict[str, Any]:
    body = body.strip()[1:]  # the leading '#'
    feedback: str | None = None
    first = re.search(r"[=~]", body)
    if first is None:
        answers = [("=", body)]
    elif body[: first.start()].strip():
        answers = [("=", body[: first.start()]), *_split_answers(body[first.start() :])]
    else:
        answers = _split_answers(body)
    value: dict[str, Any] | None = None
    for marker, chunk in answers:
        weight = _WEIGHT.match(chunk.strip())
        spec, fb = _with_feedback(chunk.strip()[weight.end() :] if weight else chunk, fmt)
        if marker == "~" or (weight and float(weight[1]) < 100) or not spec.strip():
            feedback = feedback or fb
            continue
        if value is None:
            spec = spec.strip().lstrip("#")
            if ".." in spec:
                low, high = (_number(s) for s in spec.split("..", 1))
                value = {"value": (low + high) / 2, "tolerance": abs(high - low) / 2}
            else:
                number, _, tolerance = spec.partition(":")
                value = {"value": _number(number), "tolerance": _number(tolerance or "0")}
            feedback = feedback or None
            if fb:
                value["_right_feedback"] = fb
    if value is None:
        raise ValueError("a numeric answer needs a right value, e.g. {#42:1}")
    value.pop("_right_feedback", None)
    return {"type": "numeric", **value, "feedback": feedback}


def _question(body: str, fmt: str, draft: Draft, line: int) -> dict[str, Any] | None:
    """The answer part of one question as model fields, or None when it is reported instead."""
    stripped = body.strip()
    if not stripped:
        return {"type": "short-answer"}
    if stripped.startswith("#"):
        return _numeric(stripped, fmt)
    head, _, feedback_part = stripped.partition("#")
    if head.strip().upper() in _TF:
        feedbacks = feedback_part.split("#") if feedback_part else []
        wrong = _text(feedbacks[0], fmt)[0] if feedbacks and feedbacks[0].strip() else None
        return {"type": "true-false", "answer": _TF[head.strip().upper()], "feedback": wrong}
    answers = _split_answers(stripped)
    if not answers or stripped[0] not in "=~":
        draft.problem(line, f"cannot read the answers {_restore(stripped)[:40]!r}")
        return None
    if all(marker == "=" for marker, _ in answers) and any("->" in c for _, c in answers):
        pairs, distractors = [], []
        for _, chunk in answers:
            left, arrow, right = chunk.partition("->")
            if not arrow:
                draft.problem(line, "a matching answer needs `left -> right`")
                return None
            # Moodle shows the right-hand side as is (GiftWriter.plain), so it is read as text,
            # as the Moodle XML reader reads it, never as HTML.
            left_text = _text(left, fmt)[0]
            right_text = literal_markdown(_text(right, "plain")[0]).strip()
            if left_text:
                pairs.append({"left": left_text, "right": right_text})
            else:
                distractors.append(right_text)
        return as_ordering(pairs, distractors) or {
            "type": "matching",
            "pairs": pairs,
            "distractors": distractors,
        }
    choices = []
    typed: list[str] = []
    weighted = False
    for marker, chunk in answers:
        weight = _WEIGHT.match(chunk.strip())
        if weight:
            chunk = chunk.strip()[weight.end() :]
            weighted = weighted or marker == "~"
        answer, fb = _with_feedback(chunk, fmt)
        fraction = float(weight[1]) if weight else (100.0 if marker == "=" else 0.0)
        choices.append((marker, _text(answer, fmt)[0], fb, fraction))
        typed.append(_restore(_FORMAT.sub("", answer)).strip())
    if all(marker == "=" for marker, *_ in choices):
        # A short answer's accepted answers are compared as typed: plain text, never HTML.
        accepted = [
            typed_answer(raw)
            for raw, (_, _, _, fraction) in zip(typed, choices, strict=True)
            if fraction >= 100 and raw != "*"
        ]
        for _, text, _, fraction in choices:
            if 0 < fraction < 100:
                draft.problem(
                    line, f"partial credit has no equivalent: {text!r} ({fraction:g}%) dropped",
                    warning=True,
                )  # fmt: skip
        # Feedback on a 0% answer (often the `*` catch-all) is what a wrong answer shows.
        on_wrong = [fb for *_, fb, fraction in choices if fb and fraction == 0]
        shown = next(iter(on_wrong), None) or next((fb for *_, fb, _ in choices if fb), None)
        return {**collapse_spellings(accepted), "feedback": shown}
    items = [
        {"text": text, "correct": fraction > 0, "feedback": fb} for _, text, fb, fraction in choices
    ]
    single = not weighted and sum(fraction > 0 for *_, fraction in choices) == 1
    return {"type": "single" if single else "multiple", "choices": items}


def _find_braces(text: str) -> tuple[int, int] | None:
    opening = text.find("{")
    closing = text.rfind("}")
    if opening < 0 or closing < opening:
        return None
    return opening, closing


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def load(text: str, path: str) -> tuple[Bank | None, list[Problem]]:
    """Read a GIFT file into a Bank; what GIFT says that a bank cannot is a located problem."""
    draft = Draft(path)
    lines = text.splitlines()
    if (
        len(lines) > 1
        and lines[0].startswith("// ")
        and lines[1].startswith("$CATEGORY:")
        and not _MOODLE_COMMENT.match(lines[0])
    ):
        draft.title = lines[0][3:].strip() or None  # the title line that dump() writes
    for line, block in _blocks(text):
        hidden = _hide_escapes(block)
        if hidden.lstrip().startswith("$CATEGORY:"):
            draft.category = _restore(hidden.split(":", 1)[1]).strip()
            continue
        title = None
        if hidden.startswith("::"):
            end = hidden.find("::", 2)
            if end < 0:
                draft.problem(line, "the title opened with `::` is not closed with `::`")
                continue
            title, hidden = _restore(hidden[2:end]).strip(), hidden[end + 2 :]
        braces = _find_braces(hidden)
        if braces is None:
            draft.problem(line, "no answer part `{...}`: a GIFT question ends with `{answers}`")
            continue
        opening, closing = braces
        prompt, fmt = _text(hidden[:opening])
        after = _restore(hidden[closing + 1 :]).strip()
        body, _, general = hidden[opening + 1 : closing].partition("####")
        if after and not re.search(r"\w", after):
            draft.problem(line, f"ignored {after!r} after the closing `}}`", warning=True)
        elif after:
            prompt = f"{prompt} _____ {_text(after, fmt)[0]}"
        try:
            question = _question(body, fmt, draft, line)
        except ValueError:
            # float() says "could not convert string to float"; the author needs the GIFT form.
            draft.problem(
                line,
                f"{title or 'question'}: a numeric answer is a number, a number and its "
                "tolerance or a range, as in {#42}, {#42:1} or {#41..43}",
            )
            continue
        if question is None:
            continue
        explanation = _text(general, fmt)[0] if general.strip() else None
        if question["type"] == "short-answer":
            question["model_answer"] = NO_MODEL_ANSWER
            draft.problem(
                line, "a GIFT essay carries no model answer: write one in the bank", warning=True
            )
        fields = _drop_none({**question, "prompt": prompt, "explanation": explanation})
        draft.add(fields, line, title)
    stem = Path(path).name.split(".", 1)[0]
    return finish(draft, None, stem)
