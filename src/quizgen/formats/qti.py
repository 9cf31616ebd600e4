"""IMS QTI 1.2 content packages in the dialect Canvas imports (and exports itself).

Why QTI 1.2 and not 2.x: Canvas's "QTI .zip file" importer reads 1.2 with its own
``question_type`` metadata reliably; that is what its own exports and Respondus produce.
Ordering questions have no Canvas classic-quiz equivalent and are reported, not dropped.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

from quizgen.formats import Export, plain_number
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

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"

#: Canvas's names for the question types it can import from QTI.
CANVAS_TYPE = {
    SingleQuestion: "multiple_choice_question",
    MultipleQuestion: "multiple_answers_question",
    TrueFalseQuestion: "true_false_question",
    FillBlankQuestion: "short_answer_question",
    NumericQuestion: "numerical_question",
    MatchingQuestion: "matching_question",
    ShortAnswerQuestion: "essay_question",
}

#: What a true/false item's two choices say, by bank language (English otherwise).
TRUE_FALSE_WORDS = {"fa": ("درست", "نادرست")}

_ROLE = re.compile(r"\{[\w:.-]+\}`([^`<]*?)\s*(?:<[^`>]*>)?`")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)")
_CODE = re.compile(r"`([^`]+)`")


def inline_html(text: str) -> str:
    """MyST inline markup to the small, escaped HTML an LMS shows (roles keep their text)."""
    escaped = html.escape(_ROLE.sub(r"\1", text), quote=False)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    return _EMPHASIS.sub(r"<em>\1</em>", escaped)


def ident(*parts: str) -> str:
    """An XML-safe identifier; question ids are slugs already, so this only joins them."""
    return "-".join(re.sub(r"[^A-Za-z0-9_.-]", "_", part) for part in parts)


def _material(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    mattext = ET.SubElement(material, "mattext", {"texttype": "text/html"})
    mattext.text = f"<p>{inline_html(text)}</p>"


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _feedback(item: ET.Element, feedback_id: str, text: str) -> None:
    feedback = ET.SubElement(item, "itemfeedback", {"ident": feedback_id})
    _material(ET.SubElement(feedback, "flow_mat"), text)


def _condition(
    processing: ET.Element, *, score: str | None, feedback_id: str | None, keep_going: bool
) -> ET.Element:
    """A ``respcondition``; its ``conditionvar`` is returned for the caller to fill."""
    condition = ET.SubElement(
        processing, "respcondition", {"continue": "Yes" if keep_going else "No"}
    )
    variables = ET.SubElement(condition, "conditionvar")
    if score is not None:
        setvar = ET.SubElement(condition, "setvar", {"action": "Set", "varname": "SCORE"})
        setvar.text = score
    if feedback_id:
        ET.SubElement(
            condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": feedback_id}
        )
    return variables


def _equal(parent: ET.Element, response: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, "varequal", {"respident": response})
    element.text = value
    return element


def _choices(
    item: ET.Element,
    presentation: ET.Element,
    processing: ET.Element,
    question: SingleQuestion | MultipleQuestion | TrueFalseQuestion,
    language: str,
) -> None:
    if isinstance(question, TrueFalseQuestion):
        true, false = TRUE_FALSE_WORDS.get(language.split("-")[0], ("True", "False"))
        labels = [
            ("true", true, question.answer, None),
            ("false", false, not question.answer, None),
        ]
        wrong_feedback = question.feedback
    else:
        labels = [
            (f"c{i}", choice.text, choice.correct, choice.feedback)
            for i, choice in enumerate(question.choices)
        ]
        wrong_feedback = None
    multiple = isinstance(question, MultipleQuestion)
    response = ET.SubElement(
        presentation,
        "response_lid",
        {"ident": "response1", "rcardinality": "Multiple" if multiple else "Single"},
    )
    render = ET.SubElement(
        response, "render_choice", {"shuffle": "No" if question.shuffle is False else "Yes"}
    )
    ids = [ident(question.id, key) for key, *_ in labels]
    for label_id, (_, text, _, _) in zip(ids, labels, strict=True):
        _material(ET.SubElement(render, "response_label", {"ident": label_id}), text)
    for label_id, (_, _, correct, feedback) in zip(ids, labels, strict=True):
        feedback = feedback or (None if correct else wrong_feedback)
        if feedback:
            feedback_id = f"{label_id}_fb"
            _equal(
                _condition(processing, score=None, feedback_id=feedback_id, keep_going=True),
                "response1",
                label_id,
            )
            _feedback(item, feedback_id, feedback)
    variables = _condition(processing, score="100", feedback_id=None, keep_going=False)
    if multiple:
        every = ET.SubElement(variables, "and")
        for label_id, (_, _, correct, _) in zip(ids, labels, strict=True):
            if correct:
                _equal(every, "response1", label_id)
            else:
                _equal(ET.SubElement(every, "not"), "response1", label_id)
    else:
        right = next(label_id for label_id, label in zip(ids, labels, strict=True) if label[2])
        _equal(variables, "response1", right)


def _typed(
    item: ET.Element,
    presentation: ET.Element,
    processing: ET.Element,
    question: FillBlankQuestion | NumericQuestion | ShortAnswerQuestion,
) -> None:
    response = ET.SubElement(
        presentation, "response_str", {"ident": "response1", "rcardinality": "Single"}
    )
    fib = {"fibtype": "Decimal"} if isinstance(question, NumericQuestion) else {}
    render = ET.SubElement(response, "render_fib", fib)
    ET.SubElement(render, "response_label", {"ident": "answer1", "rshuffle": "No"})
    if isinstance(question, ShortAnswerQuestion):
        ET.SubElement(
            _condition(processing, score=None, feedback_id=None, keep_going=False), "other"
        )
        return
    variables = _condition(processing, score="100", feedback_id=None, keep_going=False)
    if isinstance(question, FillBlankQuestion):
        either = ET.SubElement(variables, "or")  # siblings in a conditionvar would all be needed
        for accepted in question.answers:
            _equal(either, "response1", accepted)
    else:
        either = ET.SubElement(variables, "or")
        _equal(either, "response1", plain_number(question.value))
        between = ET.SubElement(either, "and")
        low = question.value - question.tolerance
        ET.SubElement(between, "vargte", {"respident": "response1"}).text = plain_number(low)
        high = question.value + question.tolerance
        ET.SubElement(between, "varlte", {"respident": "response1"}).text = plain_number(high)
    if question.feedback:
        ET.SubElement(
            _condition(
                processing, score=None, feedback_id="general_incorrect_fb", keep_going=False
            ),
            "other",
        )
        _feedback(item, "general_incorrect_fb", question.feedback)


def _matching(
    item: ET.Element, presentation: ET.Element, processing: ET.Element, question: MatchingQuestion
) -> None:
    rights = [pair.right for pair in question.pairs] + list(question.distractors)
    right_ids = [ident(question.id, f"r{i}") for i in range(len(rights))]
    share = f"{100 / len(question.pairs):.4g}"
    for index, pair in enumerate(question.pairs):
        response_id = ident("response", f"l{index}")
        response = ET.SubElement(presentation, "response_lid", {"ident": response_id})
        _material(response, pair.left)
        render = ET.SubElement(response, "render_choice")
        for right_id, text in zip(right_ids, rights, strict=True):
            label = ET.SubElement(render, "response_label", {"ident": right_id})
            _material(label, text)
        variables = _condition(processing, score=None, feedback_id=None, keep_going=True)
        _equal(variables, response_id, right_ids[index])
        condition = processing[-1]
        setvar = ET.SubElement(condition, "setvar", {"action": "Add", "varname": "SCORE"})
        setvar.text = share
    if question.feedback:
        _feedback(item, "general_incorrect_fb", question.feedback)


def _item(section: ET.Element, question: object, bank: Bank) -> None:
    item = ET.SubElement(
        section, "item", {"ident": ident(bank.bank, question.id), "title": question.id}
    )  # type: ignore[attr-defined]
    _metadata(
        ET.SubElement(item, "itemmetadata"),
        {"question_type": CANVAS_TYPE[type(question)], "points_possible": "1.0"},
    )
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, question.prompt)  # type: ignore[attr-defined]
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes,
        "decvar",
        {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
    )
    if isinstance(question, SingleQuestion | MultipleQuestion | TrueFalseQuestion):
        _choices(item, presentation, processing, question, bank.language)
    elif isinstance(question, MatchingQuestion):
        _matching(item, presentation, processing, question)
    else:
        _typed(item, presentation, processing, question)  # type: ignore[arg-type]
    general = question.explanation or ""  # type: ignore[attr-defined]
    if isinstance(question, ShortAnswerQuestion):
        points = "".join(f"\n- {point}" for point in question.rubric)
        general = "\n".join(p for p in (question.model_answer + points, general) if p.strip())
    if general:
        _feedback(item, "general_fb", general)


def dump(bank: Bank) -> Export:
    """The bank as one QTI 1.2 assessment document; ordering questions are reported."""
    root = ET.Element(
        "questestinterop",
        {"xmlns": QTI_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}"},
    )
    assessment = ET.SubElement(root, "assessment", {"ident": ident(bank.bank), "title": bank.title})
    _metadata(assessment, {"cc_maxattempts": "unlimited"})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    skipped: list[tuple[str, str]] = []
    for question in bank.questions:
        if isinstance(question, OrderingQuestion):
            skipped.append((question.id, "Canvas has no ordering question in QTI: left out"))
            continue
        if isinstance(question, FillBlankQuestion) and question.patterns:
            skipped.append((question.id, "patterns dropped: Canvas short answer has no regex"))
        _item(section, question, bank)
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
    return Export(text + "\n", skipped)


def manifest(bank: Bank, href: str) -> str:
    """The ``imsmanifest.xml`` that makes the zip an IMS content package."""
    root = ET.Element(
        "manifest",
        {
            "identifier": ident(bank.bank, "manifest"),
            "xmlns": CP_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{CP_NS} {CP_XSD}",
        },
    )
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(
        resources, "resource", {"identifier": ident(bank.bank), "type": "imsqti_xmlv1p2"}
    )
    ET.SubElement(resource, "file", {"href": href})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def package(bank: Bank, assessment: Export) -> bytes:
    """A zip Canvas imports under *Import course content → QTI .zip file*; same bytes each run."""
    href = f"{ident(bank.bank)}/{ident(bank.bank)}.xml"
    document = assessment.content
    assert isinstance(document, str), "package() takes the Export of dump()"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("imsmanifest.xml", manifest(bank, href)), (href, document)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def export(bank: Bank) -> Export:
    """The bank as a ready-to-upload package, with what it had to leave out."""
    assessment = dump(bank)
    return Export(package(bank, assessment), assessment.skipped)
