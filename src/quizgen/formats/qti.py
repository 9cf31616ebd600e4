"""IMS QTI 1.2 content packages in the dialect Canvas imports (and exports itself).

Why QTI 1.2 and not 2.x: Canvas's "QTI .zip file" importer reads 1.2 with its own
``question_type`` metadata reliably; that is what its own exports and Respondus produce.
Ordering questions, which Canvas classic quizzes lack, go as matching items to positions.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence

from quizgen.answers import spelling_variants
from quizgen.formats import Export, ExportWriter, plain_number
from quizgen.inline import to_plain
from quizgen.model import Bank, QuestionBase

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_XSD = "https://canvas.instructure.com/xsd/cccv1p0.xsd"
ASSESSMENT_META = "assessment_meta.xml"
LEARNING_APPLICATION = "associatedcontent/imscc_xmlv1p1/learning-application-resource"

#: A true/false item's two choices. Canvas recognises true/false only by these words (any
#: other text makes it multiple choice) and shows its own labels in the learner's language.
TRUE_FALSE_WORDS = ("True", "False")


def ident(*parts: str) -> str:
    """An XML-safe identifier; question ids are slugs already, so this only joins them."""
    return "-".join(re.sub(r"[^A-Za-z0-9_.-]", "_", part) for part in parts)


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _equal(parent: ET.Element, response: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, "varequal", {"respident": response})
    element.text = value
    return element


#: A choice as a type hands it over: (key, text, right, feedback).
ChoiceLabel = tuple[str, str, bool, str | None]
ChoiceLabels = Sequence[ChoiceLabel]


class QtiItem(ExportWriter):
    """One QTI 1.2 ``<item>`` being written; a type fills it through these helpers."""

    def __init__(self, bank: Bank) -> None:
        super().__init__(bank)
        self.canvas_type = ""
        self.general: list[str] = []
        self.item = ET.Element("item")
        self.presentation = ET.Element("presentation")
        self.processing = ET.Element("resprocessing")

    def begin(self, section: ET.Element, question: QuestionBase) -> None:
        """Start the item of ``question`` in ``section``."""
        self.canvas_type = ""
        self.general = []
        self.item = ET.SubElement(
            section, "item", {"ident": ident(self.bank.bank, self.language, question.id),
                              "title": question.id}
        )  # fmt: skip
        self.metadata = ET.SubElement(self.item, "itemmetadata")
        self.presentation = ET.SubElement(self.item, "presentation")
        self.material(self.presentation, question.prompt)
        self.processing = ET.SubElement(self.item, "resprocessing")
        outcomes = ET.SubElement(self.processing, "outcomes")
        ET.SubElement(
            outcomes,
            "decvar",
            {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
        )

    def finish(self) -> None:
        """Write the metadata Canvas reads the question type from."""
        _metadata(self.metadata, {"question_type": self.canvas_type, "points_possible": "1.0"})

    def ident(self, *parts: str) -> str:
        """An identifier unique to this bank, language and question."""
        return ident(self.bank.bank, self.language, self.question_id, *parts)

    def material(self, parent: ET.Element, text: str, *, plain: bool = False) -> None:
        """``<material><mattext>``: HTML like the site's, or plain text where Canvas wants it."""
        material = ET.SubElement(parent, "material")
        if plain:
            mattext = ET.SubElement(material, "mattext", {"texttype": "text/plain"})
            mattext.text = to_plain(text)
        else:
            mattext = ET.SubElement(material, "mattext", {"texttype": "text/html"})
            mattext.text = f"<div>{self.rendered(text)}</div>"

    def feedback(self, feedback_id: str, text: str) -> None:
        """An ``<itemfeedback>`` the conditions can show."""
        feedback = ET.SubElement(self.item, "itemfeedback", {"ident": feedback_id})
        self.material(ET.SubElement(feedback, "flow_mat"), text)

    def condition(
        self, *, score: str | None, feedback_id: str | None, keep_going: bool
    ) -> ET.Element:
        """A ``respcondition``; its ``conditionvar`` is returned for the caller to fill."""
        condition = ET.SubElement(
            self.processing, "respcondition", {"continue": "Yes" if keep_going else "No"}
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

    def true_false_words(self) -> tuple[str, str]:
        """The two choices of a true/false item, as Canvas reads them."""
        return TRUE_FALSE_WORDS

    def spellings(self, answers: list[str]) -> list[str]:
        """The bank's answers as written: Canvas compares each exactly (case aside), and its
        key must be the bank's. Spellings it then rejects are reported for the question."""
        if any(spelling_variants(answer)[1:] for answer in answers):
            self.note(
                "Canvas accepts the listed answers only (case aside): other digits, Arabic "
                "letter forms, a ZWNJ typed as a space or left out, and doubled spaces are "
                "graded wrong, though the site accepts them"
            )
        else:
            self.note(
                "Canvas compares typed answers as listed: doubled spaces and punctuation "
                "around the answer are graded wrong, though the site accepts them"
            )
        return list(answers)

    def unit(self, unit: str) -> None:
        """Show a numeric question's unit after its prompt (Canvas has no unit field)."""
        mattext = self.presentation.find("material/mattext")
        if mattext is not None and mattext.text:
            mattext.text += f"<div>{self.rendered(unit)}</div>"

    def choices(
        self,
        question: QuestionBase,
        labels: ChoiceLabels,
        *,
        multiple: bool,
        wrong_feedback: str | None,
    ) -> None:
        """A single- or multiple-response choice interaction with its scoring."""
        response = ET.SubElement(
            self.presentation,
            "response_lid",
            {"ident": "response1", "rcardinality": "Multiple" if multiple else "Single"},
        )
        shuffle = "Yes" if self.shuffles(question) else "No"
        render = ET.SubElement(response, "render_choice", {"shuffle": shuffle})
        ids = [self.ident(key) for key, *_ in labels]
        for label_id, (_, text, _, _) in zip(ids, labels, strict=True):
            self.material(ET.SubElement(render, "response_label", {"ident": label_id}), text)
        for label_id, (_, _, correct, feedback) in zip(ids, labels, strict=True):
            feedback = feedback or (None if correct else wrong_feedback)
            if feedback:
                feedback_id = f"{label_id}_fb"
                _equal(
                    self.condition(score=None, feedback_id=feedback_id, keep_going=True),
                    "response1",
                    label_id,
                )
                self.feedback(feedback_id, feedback)
        variables = self.condition(score="100", feedback_id=None, keep_going=False)
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

    def _typed_box(self, decimal: bool) -> None:
        response = ET.SubElement(
            self.presentation, "response_str", {"ident": "response1", "rcardinality": "Single"}
        )
        render = ET.SubElement(response, "render_fib", {"fibtype": "Decimal"} if decimal else {})
        ET.SubElement(render, "response_label", {"ident": "answer1", "rshuffle": "No"})

    def _wrong(self, feedback: str | None) -> None:
        if feedback:
            ET.SubElement(
                self.condition(score=None, feedback_id="general_incorrect_fb", keep_going=False),
                "other",
            )
            self.feedback("general_incorrect_fb", feedback)

    def typed_answers(self, answers: list[str], feedback: str | None) -> None:
        """A typed answer right when it equals one of ``answers``."""
        self._typed_box(decimal=False)
        variables = self.condition(score="100", feedback_id=None, keep_going=False)
        either = ET.SubElement(variables, "or")  # siblings in a conditionvar would all be needed
        for accepted in self.spellings(answers):
            _equal(either, "response1", accepted)
        self._wrong(feedback)

    def number(self, value: float, tolerance: float, feedback: str | None) -> None:
        """A typed number right within ``tolerance`` of ``value``."""
        self._typed_box(decimal=True)
        variables = self.condition(score="100", feedback_id=None, keep_going=False)
        either = ET.SubElement(variables, "or")
        _equal(either, "response1", plain_number(value))
        between = ET.SubElement(either, "and")
        low, high = plain_number(value - tolerance), plain_number(value + tolerance)
        ET.SubElement(between, "vargte", {"respident": "response1"}).text = low
        ET.SubElement(between, "varlte", {"respident": "response1"}).text = high
        self._wrong(feedback)

    def matching(
        self, pairs: list[tuple[str, str]], distractors: list[str], feedback: str | None
    ) -> None:
        """One choice interaction per left-hand side; each right match adds its share."""
        rights = [right for _, right in pairs] + distractors
        right_ids = [self.ident(f"r{i}") for i in range(len(rights))]
        share = f"{100 / len(pairs):.4g}"
        for index, (left, _) in enumerate(pairs):
            response_id = ident("response", f"l{index}")
            response = ET.SubElement(self.presentation, "response_lid", {"ident": response_id})
            self.material(response, left)
            render = ET.SubElement(response, "render_choice")
            for right_id, text in zip(right_ids, rights, strict=True):
                label = ET.SubElement(render, "response_label", {"ident": right_id})
                self.material(label, text, plain=True)
            variables = self.condition(score=None, feedback_id=None, keep_going=True)
            _equal(variables, response_id, right_ids[index])
            setvar = ET.SubElement(
                self.processing[-1], "setvar", {"action": "Add", "varname": "SCORE"}
            )
            setvar.text = share
        if feedback:
            self.feedback("general_incorrect_fb", feedback)

    def essay(self, model_answer: str, rubric: list[str]) -> None:
        """A free-text box the teacher grades."""
        self._typed_box(decimal=False)
        ET.SubElement(self.condition(score=None, feedback_id=None, keep_going=False), "other")
        points = "".join(f"\n- {point}" for point in rubric)
        self.general.insert(0, model_answer + points)


def dump(bank: Bank) -> Export:
    """The bank as one QTI 1.2 assessment document; what Canvas cannot hold is reported."""
    root = ET.Element(
        "questestinterop",
        {"xmlns": QTI_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}"},
    )
    assessment = ET.SubElement(
        root, "assessment", {"ident": ident(bank.bank, bank.language), "title": bank.title}
    )
    _metadata(assessment, {"cc_maxattempts": "unlimited"})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    writer = QtiItem(bank)
    for question in bank.questions:
        kind = writer.start(question, "qti")
        if kind is None:
            continue
        writer.begin(section, question)
        kind.to_qti(question, writer)
        if question.hint:
            writer.note("hint dropped: Canvas classic quizzes have no hints")
        writer.finish()
        general = "\n".join([*writer.general, question.explanation or ""]).strip()
        if general:
            writer.feedback("general_fb", general)
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
    return Export(text + "\n", writer.notes)


def assessment_path(bank: Bank) -> str:
    """Where the assessment sits in the package: a folder named after the bank.

    The settings go in the folder Canvas looks in, named after the assessment's identifier
    (bank and language), so both editions of a bank import side by side.
    """
    return f"{ident(bank.bank)}/{ident(bank.bank)}.xml"


def _document(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def manifest(bank: Bank) -> str:
    """The ``imsmanifest.xml`` that makes the zip an IMS content package, as Canvas writes it:
    the assessment, and its Canvas settings as a learning-application resource."""
    assessment_id = ident(bank.bank, bank.language)
    root = ET.Element(
        "manifest",
        {
            "identifier": ident(assessment_id, "manifest"),
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
        resources, "resource", {"identifier": assessment_id, "type": "imsqti_xmlv1p2"}
    )
    ET.SubElement(resource, "file", {"href": assessment_path(bank)})
    ET.SubElement(resource, "dependency", {"identifierref": ident(assessment_id, "meta")})
    meta_href = f"{assessment_id}/{ASSESSMENT_META}"
    settings = ET.SubElement(
        resources,
        "resource",
        {"identifier": ident(assessment_id, "meta"), "type": LEARNING_APPLICATION,
         "href": meta_href},
    )  # fmt: skip
    ET.SubElement(settings, "file", {"href": meta_href})
    return _document(root)


def quiz_settings(bank: Bank) -> str:
    """``assessment_meta.xml``: the quiz's title, description, shuffling, type and points.

    A self-check bank becomes a practice quiz worth a point a question (the drawn number of
    questions when the bank draws), retaken as often as the learner likes.
    """
    writer = ExportWriter(bank)
    root = ET.Element(
        "quiz",
        {
            "identifier": ident(bank.bank, bank.language),
            "xmlns": CANVAS_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{CANVAS_NS} {CANVAS_XSD}",
        },
    )
    points = bank.draw if bank.draw and bank.draw < len(bank.questions) else len(bank.questions)
    description = f"<div>{writer.rendered(bank.description)}</div>" if bank.description else ""
    for tag, value in (
        ("title", to_plain(bank.title)),
        ("description", description),
        ("shuffle_answers", "true" if bank.shuffle else "false"),
        ("scoring_policy", "keep_highest"),
        ("hide_results", ""),
        ("quiz_type", "practice_quiz"),
        ("points_possible", f"{points:.1f}"),
        ("show_correct_answers", "true"),
        ("anonymous_submissions", "false"),
        ("allowed_attempts", "-1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ):
        ET.SubElement(root, tag).text = value
    return _document(root)


def package(bank: Bank, assessment: Export) -> bytes:
    """A zip Canvas imports under *Import course content → QTI .zip file*; same bytes each run."""
    assessment_id = ident(bank.bank, bank.language)
    document = assessment.content
    assert isinstance(document, str), "package() takes the Export of dump()"
    files = (
        ("imsmanifest.xml", manifest(bank)),
        (assessment_path(bank), document),
        (f"{assessment_id}/{ASSESSMENT_META}", quiz_settings(bank)),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def export(bank: Bank) -> Export:
    """The bank as a ready-to-upload package, with what it had to leave out."""
    assessment = dump(bank)
    return Export(package(bank, assessment), assessment.notes)
