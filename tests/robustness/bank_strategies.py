"""Hypothesis strategies that draw valid banks, as plain data ready to dump as YAML."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from quizgen.answers import normalise_answer

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ابپتسشیکگ"
#: Characters that mean something to YAML, Markdown, HTML or GIFT, mixed into words.
SPECIALS = "<>&\"'~=#{}:*_`[]()!?.,;-"

word = st.text(alphabet=LETTERS, min_size=1, max_size=8)
spiced = st.text(alphabet=LETTERS + SPECIALS, min_size=1, max_size=8).filter(
    lambda w: any(c in LETTERS for c in w)
)
text = st.lists(word | spiced, min_size=1, max_size=6).map(" ".join)
slug = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,11}", fullmatch=True)
optional_text = st.none() | text


def distinct(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    """Texts a learner can tell apart (the loader refuses two that read the same)."""
    return st.lists(text, min_size=min_size, max_size=max_size, unique_by=normalise_answer)


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


@st.composite
def _common(draw: st.DrawFn, qid: str, kind: str, objectives: list[str]) -> dict[str, Any]:
    return _drop_none(
        {
            "id": qid,
            "type": kind,
            "prompt": draw(text),
            "explanation": draw(optional_text),
            "hint": draw(optional_text),
            "objective": draw(st.none() | st.sampled_from(objectives)) if objectives else None,
            "difficulty": draw(st.none() | st.sampled_from(["easy", "medium", "hard"])),
            "tags": draw(st.lists(slug, max_size=2, unique=True)) or None,
        }
    )


@st.composite
def question(draw: st.DrawFn, qid: str, objectives: list[str]) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            ["single", "multiple", "true-false", "fill-blank", "numeric", "ordering", "matching",
             "short-answer"]
        )
    )  # fmt: skip
    data = draw(_common(qid, kind, objectives))
    if kind in {"single", "multiple"}:
        texts = draw(distinct(2, 5))
        if kind == "single":
            right = {draw(st.integers(0, len(texts) - 1))}
        else:
            right = set(draw(st.lists(st.integers(0, len(texts) - 1), min_size=1, unique=True)))
        data["choices"] = [
            _drop_none({"text": t, "correct": i in right, "feedback": draw(optional_text)})
            for i, t in enumerate(texts)
        ]
    elif kind == "true-false":
        data["answer"] = draw(st.booleans())
        data.update(_drop_none({"feedback": draw(optional_text)}))
    elif kind == "fill-blank":
        data["answers"] = draw(st.lists(text, min_size=1, max_size=3))
        data.update(_drop_none({"feedback": draw(optional_text)}))
    elif kind == "numeric":
        data["value"] = draw(
            st.integers(-5000, 5000) | st.floats(-1e6, 1e6).map(lambda v: round(v, 3))
        )
        data["tolerance"] = draw(st.sampled_from([0, 0.5, 1, 10]))
        data.update(_drop_none({"unit": draw(st.none() | word), "feedback": draw(optional_text)}))
    elif kind == "ordering":
        data["items"] = draw(distinct(2, 5))
        data.update(_drop_none({"feedback": draw(optional_text)}))
    elif kind == "matching":
        lefts = draw(distinct(2, 4))
        options = draw(distinct(len(lefts), len(lefts) + 2))
        rights, data["distractors"] = options[: len(lefts)], options[len(lefts) :]
        data["pairs"] = [{"left": a, "right": b} for a, b in zip(lefts, rights, strict=True)]
        data.update(_drop_none({"feedback": draw(optional_text)}))
    else:
        data["model_answer"] = draw(text)
        data["rubric"] = draw(st.lists(text, max_size=3))
    return data


@st.composite
def banks(draw: st.DrawFn, max_questions: int = 8) -> dict[str, Any]:
    """A bank that the model accepts: unique ids, declared objectives, every type possible."""
    objective_ids = draw(st.lists(slug, max_size=3, unique=True))
    question_ids = draw(st.lists(slug, min_size=1, max_size=max_questions, unique=True))
    return _drop_none(
        {
            "bank": draw(slug),
            "title": draw(text),
            "language": draw(st.sampled_from(["en", "fa"])),
            "description": draw(optional_text),
            "shuffle": draw(st.booleans()),
            "objectives": [{"id": oid, "text": draw(text)} for oid in objective_ids] or None,
            "questions": [draw(question(qid, objective_ids)) for qid in question_ids],
        }
    )
