"""A small QTI 1.2 response processor, written from the specification, to grade exports.

It reads a ``questestinterop`` document the way an LMS does (presentation, resprocessing,
itemfeedback) so the tests can answer each exported item and check the score and the
feedback shown, instead of trusting the shape of the XML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def mattext(element: ET.Element | None) -> str:
    """The plain text of an element's first ``mattext`` (its HTML unescaped and untagged)."""
    if element is None:
        return ""
    node = element.find(".//q:mattext", NS)
    raw = node.text or "" if node is not None else ""
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


@dataclass
class Item:
    ident: str
    question_type: str
    prompt: str
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """response ident -> {label ident: label text}."""
    element: ET.Element | None = None

    def grade(self, responses: dict[str, list[str]]) -> tuple[float, list[str]]:
        """Score (0-100) and the texts of the feedback the responses trigger."""
        assert self.element is not None
        score = 0.0
        shown: list[str] = []
        for condition in self.element.findall("q:resprocessing/q:respcondition", NS):
            variables = condition.find("q:conditionvar", NS)
            assert variables is not None
            if not all(_holds(child, responses) for child in variables):
                continue
            for setvar in condition.findall("q:setvar", NS):
                value = float(setvar.text or 0)
                score = value if setvar.get("action") == "Set" else score + value
            shown += [
                self.feedback(display.get("linkrefid", ""))
                for display in condition.findall("q:displayfeedback", NS)
            ]
            if condition.get("continue") == "No":
                break
        return score, shown

    def feedback(self, ident: str) -> str:
        assert self.element is not None
        for feedback in self.element.findall("q:itemfeedback", NS):
            if feedback.get("ident") == ident:
                return mattext(feedback)
        raise AssertionError(f"{self.ident}: displayfeedback names missing itemfeedback {ident}")


def _holds(test: ET.Element, responses: dict[str, list[str]]) -> bool:
    kind = _local(test)
    if kind == "and":
        return all(_holds(child, responses) for child in test)
    if kind == "or":
        return any(_holds(child, responses) for child in test)
    if kind == "not":
        return not all(_holds(child, responses) for child in test)
    if kind == "other":
        return True
    given = responses.get(test.get("respident", ""), [])
    expected = (test.text or "").strip()
    if kind == "varequal":
        return any(value.strip().casefold() == expected.casefold() for value in given)
    numbers = []
    for value in given:
        try:
            numbers.append(float(value))
        except ValueError:
            continue
    if kind == "vargte":
        return any(number >= float(expected) for number in numbers)
    if kind == "varlte":
        return any(number <= float(expected) for number in numbers)
    raise AssertionError(f"condition <{kind}> is not QTI 1.2 response processing")


def read_items(text: str) -> list[Item]:
    """Every ``item`` of an assessment, with its Canvas type, prompt and response labels."""
    root = ET.fromstring(text)
    assert _local(root) == "questestinterop"
    items = []
    for element in root.iterfind(".//q:item", NS):
        fields = {
            (f.findtext("q:fieldlabel", "", NS)): f.findtext("q:fieldentry", "", NS)
            for f in element.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)
        }
        presentation = element.find("q:presentation", NS)
        assert presentation is not None
        item = Item(
            ident=element.get("ident", ""),
            question_type=fields.get("question_type", ""),
            prompt=mattext(presentation.find("q:material", NS)),
            element=element,
        )
        for response in presentation:
            if _local(response) in {"response_lid", "response_str"}:
                item.labels[response.get("ident", "")] = {
                    label.get("ident", ""): mattext(label)
                    for label in response.iterfind(".//q:response_label", NS)
                }
        items.append(item)
    return items
