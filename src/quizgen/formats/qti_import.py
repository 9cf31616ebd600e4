"""Read a QTI 1.2 package (Canvas's export, text2qti, quizgen's own) into a bank.

Canvas's dialect names each item's type in ``question_type`` metadata; the keys are read
from its response conditions, as Canvas itself reads them. What a bank cannot hold is a
located problem; nothing is guessed silently.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import PurePosixPath
from typing import Any

from quizgen.formats.importing import (
    NO_MODEL_ANSWER,
    Draft,
    as_ordering,
    finish,
    html_to_text,
    literal_markdown,
)
from quizgen.formats.moodle_xml import parse_located
from quizgen.model import Bank
from quizgen.problems import Problem

#: Largest package read; QTI packages of a few hundred questions are well under this.
MAX_PACKAGE_BYTES = 20 * 1024 * 1024

_TYPES = {
    "multiple_choice_question": "single",
    "true_false_question": "true-false",
    "multiple_answers_question": "multiple",
    "short_answer_question": "fill-blank",
    "numerical_question": "numeric",
    "matching_question": "matching",
    "essay_question": "short-answer",
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element.iter() if _local(child.tag) == name]


def _first(element: ET.Element, name: str) -> ET.Element | None:
    return next(iter(_children(element, name)), None)


def _material(element: ET.Element | None) -> str:
    """The text of the first ``mattext`` under ``element``, as bank text."""
    mattext = _first(element, "mattext") if element is not None else None
    if mattext is None:
        return ""
    raw = mattext.text or ""
    if mattext.get("texttype", "text/plain") == "text/html":
        return html_to_text(raw)
    return literal_markdown(raw).strip()


def _metadata(item: ET.Element) -> dict[str, str]:
    fields = {}
    for field in _children(item, "qtimetadatafield"):
        label = _first(field, "fieldlabel")
        entry = _first(field, "fieldentry")
        if label is not None and entry is not None:
            fields[(label.text or "").strip()] = (entry.text or "").strip()
    return fields


class _Item:
    """One ``<item>``: its labels, its conditions and its feedback, read once."""

    def __init__(self, item: ET.Element) -> None:
        self.item = item
        self.labels = {
            label.get("ident", ""): _material(label) for label in _children(item, "response_label")
        }
        self.feedback = {
            fb.get("ident", ""): _material(fb) for fb in _children(item, "itemfeedback")
        }
        self.conditions = _children(item, "respcondition")

    def scored(self, condition: ET.Element) -> float | None:
        setvar = _first(condition, "setvar")
        if setvar is None:
            return None
        try:
            return float((setvar.text or "0").strip())
        except ValueError:
            return None

    def shown(self, condition: ET.Element) -> str | None:
        display = _first(condition, "displayfeedback")
        return self.feedback.get(display.get("linkrefid", "")) if display is not None else None

    def equals(self, condition: ET.Element, *, negated: bool = False) -> list[str]:
        """Values the condition requires (or, with ``negated``, forbids)."""
        out = []
        for parent in condition.iter():
            for child in parent:
                if _local(child.tag) != "varequal":
                    continue
                inside_not = _local(parent.tag) == "not"
                if inside_not == negated:
                    out.append((child.text or "").strip())
        return out

    def full_marks(self) -> list[ET.Element]:
        return [c for c in self.conditions if (self.scored(c) or 0) >= 100]

    def general(self) -> str | None:
        for key in ("general_fb", "general_feedback"):
            if self.feedback.get(key):
                return self.feedback[key]
        return None

    def wrong(self) -> str | None:
        return self.feedback.get("general_incorrect_fb") or None


def _choices(item: _Item, single: bool) -> dict[str, Any]:
    right: set[str] = set()
    for condition in item.full_marks():
        right |= set(item.equals(condition))
    feedback = {}
    for condition in item.conditions:
        text = item.shown(condition)
        for ident in item.equals(condition):
            if text and ident in item.labels:
                feedback[ident] = text
    choices = [
        {"text": text, "correct": ident in right, "feedback": feedback.get(ident)}
        for ident, text in item.labels.items()
    ]
    return {"type": "single" if single else "multiple", "choices": choices}


def _convert(kind: str, item: _Item, draft: Draft, line: int) -> dict[str, Any] | None:
    if kind in {"single", "multiple"}:
        return _choices(item, kind == "single")
    if kind == "true-false":
        right = [i for c in item.full_marks() for i in item.equals(c)]
        if not right:
            draft.problem(line, "a true/false item with no answer worth full marks")
            return None
        wrong_feedback = next(
            (item.shown(c) for c in item.conditions if item.shown(c)
             and right[0] not in item.equals(c)), None,
        )  # fmt: skip
        return {"type": "true-false", "answer": right[0].lower().endswith("true"),
                "feedback": wrong_feedback}  # fmt: skip
    if kind == "fill-blank":
        answers = [a for c in item.full_marks() for a in item.equals(c) if a]
        return {"type": "fill-blank", "answers": answers, "feedback": item.wrong()}
    if kind == "numeric":
        return _number(item, draft, line)
    if kind == "matching":
        return _matching(item, draft, line)
    general = item.general()
    if not general:
        draft.problem(line, "a QTI essay carries no model answer: write one in the bank",
                      warning=True)  # fmt: skip
    return {"type": "short-answer", "model_answer": general or NO_MODEL_ANSWER, "_general": True}


def _number(item: _Item, draft: Draft, line: int) -> dict[str, Any] | None:
    for condition in item.full_marks():
        low = _first(condition, "vargte")
        high = _first(condition, "varlte")
        try:
            if low is not None and high is not None:
                start, end = float(low.text or ""), float(high.text or "")
                return {"type": "numeric", "value": (start + end) / 2,
                        "tolerance": abs(end - start) / 2, "feedback": item.wrong()}  # fmt: skip
            exact = item.equals(condition)
            if exact:
                return {"type": "numeric", "value": float(exact[0]), "feedback": item.wrong()}
        except ValueError:
            draft.problem(line, "a numerical answer that is not a number, e.g. 42 or 41.5")
            return None
    draft.problem(line, "a numerical item with no answer worth full marks")
    return None


def _matching(item: _Item, draft: Draft, line: int) -> dict[str, Any] | None:
    pairs = []
    used: set[str] = set()
    for response in _children(item.item, "response_lid"):
        ident = response.get("ident", "")
        left = _material(next((c for c in response if _local(c.tag) == "material"), None))
        match = next(
            (value for c in item.conditions for value in item.equals(c)
             if any(v.get("respident") == ident for v in _children(c, "varequal"))), None,
        )  # fmt: skip
        if match is None or match not in item.labels:
            draft.problem(line, f"matching item {left[:40]!r} has no right answer")
            return None
        used.add(match)
        pairs.append({"left": left, "right": item.labels[match]})
    distractors = [text for ident, text in item.labels.items() if ident not in used]
    distractors = list(
        dict.fromkeys(d for d in distractors if d not in {p["right"] for p in pairs})
    )
    fields = as_ordering(pairs, distractors) or {
        "type": "matching", "pairs": pairs, "distractors": distractors
    }  # fmt: skip
    return {**fields, "feedback": item.wrong()}


def _prompt_and_unit(presentation: ET.Element | None, prompt: str) -> tuple[str, str | None]:
    """quizgen shows a number's unit in a second block after the prompt (Canvas has no unit
    field); read it back as the unit."""
    mattext = _first(presentation, "mattext") if presentation is not None else None
    blocks = (
        re.fullmatch(r"\s*<div>(.*?)</div>\s*<div>(.*?)</div>\s*", mattext.text or "", re.S)
        if (mattext is not None)
        else None
    )
    if blocks is None:
        return prompt, None
    return html_to_text(blocks[1]), html_to_text(blocks[2]) or None


def _documents(data: bytes, path: str, draft: Draft) -> list[tuple[str, str]]:
    """(name, text) of the package's QTI assessment files, as its manifest lists them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        draft.problem(1, "not a zip file: a QTI package is the .zip Canvas or quizgen exports")
        return []
    with archive:
        names = set(archive.namelist())
        wanted: list[str] = []
        if "imsmanifest.xml" in names:
            manifest = archive.read("imsmanifest.xml").decode("utf-8", "replace")
            for resource in re.finditer(r"<resource\b[^>]*>.*?</resource>", manifest, re.S):
                if "imsqti_xmlv1p2" in resource[0] or "assessment" in resource[0].lower():
                    wanted += re.findall(r'<file\s+href="([^"]+)"', resource[0])
        wanted = [name for name in dict.fromkeys(wanted) if name in names]
        if not wanted:
            wanted = sorted(n for n in names if n.endswith(".xml") and n != "imsmanifest.xml")
        out = []
        for name in wanted:
            info = archive.getinfo(name)
            if info.file_size > MAX_PACKAGE_BYTES:
                draft.problem(1, f"{name} is larger than {MAX_PACKAGE_BYTES // 1048576} MB")
                continue
            try:
                out.append((name, archive.read(name).decode("utf-8-sig")))
            except UnicodeDecodeError:
                draft.problem(1, f"{name} is not UTF-8 text")
        return out


def load(data: bytes, path: str) -> tuple[Bank | None, list[Problem]]:
    """Read a QTI 1.2 package into a Bank; what cannot be converted is a located problem."""
    draft = Draft(path)
    if len(data) > MAX_PACKAGE_BYTES:
        draft.problem(1, f"the package is larger than {MAX_PACKAGE_BYTES // 1048576} MB")
        return None, draft.problems
    documents = _documents(data, path, draft)
    if not documents:
        if not draft.problems:
            draft.problem(1, "the package holds no QTI assessment (no .xml file)")
        return None, draft.problems
    for name, text in documents:
        inner = Draft(f"{path}/{name}")
        root, lines = parse_located(text, inner, "QTI")
        draft.problems += inner.problems
        if root is None:
            continue
        assessment = _first(root, "assessment")
        if assessment is not None and not draft.title:
            draft.title = assessment.get("title") or None
        for element in _children(root, "item"):
            line = lines.get(id(element), 1)
            meta = _metadata(element)
            kind = _TYPES.get(meta.get("question_type", ""))
            if kind is None:
                inner.problem(
                    line,
                    f"item type {meta.get('question_type') or 'without question_type'!r} "
                    "cannot be converted: left out",
                    warning=True,
                )
                draft.problems += inner.problems[-1:]
                continue
            item = _Item(element)
            fields = _convert(kind, item, inner, line)
            draft.problems += [p for p in inner.problems if p not in draft.problems]
            if fields is None:
                continue
            prompt = _material(_first(element, "presentation"))
            if kind == "numeric":
                prompt, unit = _prompt_and_unit(_first(element, "presentation"), prompt)
                fields["unit"] = unit
            essay = fields.pop("_general", False)
            explanation = None if essay else item.general()
            data_fields = {**fields, "prompt": prompt, "explanation": explanation}
            draft.add({k: v for k, v in data_fields.items() if v is not None}, line,
                      element.get("title"))  # fmt: skip
    return finish(draft, None, PurePosixPath(path).name.split(".", 1)[0])
