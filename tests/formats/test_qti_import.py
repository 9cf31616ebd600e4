"""QTI 1.2 import: quizgen's packages read back, located problems for what cannot be read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from roundtrip import as_shown, carried

from quizgen.cli import main
from quizgen.formats import qti, qti_import
from quizgen.loader import load_bank
from quizgen.model import Bank

GOOD = Path(__file__).resolve().parents[1] / "banks" / "good"
#: What Canvas has no field for.
QTI_DROPS = {"fill-blank": ("patterns",), "short-answer": ("rubric",)}
ALL_TYPES = {
    "single", "multiple", "true-false", "fill-blank", "numeric", "ordering", "matching",
    "short-answer",
}  # fmt: skip


def _round_trip(bank: Bank) -> tuple[Bank | None, list]:
    return qti_import.load(qti.export(bank).content, "bank.qti.zip")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["every-type.yaml", "every-type.fa.yaml"])
def test_quizgen_packages_read_back(name: str) -> None:
    bank = load_bank(GOOD / name).bank
    assert bank is not None
    loaded, problems = _round_trip(bank)
    assert loaded is not None, [p.format() for p in problems]
    assert not [p for p in problems if p.severity == "error"]
    expected = carried(bank, types=ALL_TYPES, extra_drops=QTI_DROPS)
    shown, wanted = as_shown(loaded), as_shown(expected)
    assert isinstance(shown, dict) and isinstance(wanted, dict)
    for got, want in zip(shown["questions"], wanted["questions"], strict=True):
        if want["type"] == "short-answer":
            # Canvas keeps an essay's model answer, rubric and explanation as general feedback.
            assert got["model_answer"].startswith(want["model_answer"])
            continue
        assert got == want, want["id"]


def test_a_file_that_is_not_a_package_is_a_located_problem() -> None:
    bank, problems = qti_import.load(b"not a zip at all", "quiz.zip")
    assert bank is None
    assert [(p.path, p.line, p.severity) for p in problems] == [("quiz.zip", 1, "error")]
    assert "not a zip file" in problems[0].message


def _package(items: str) -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">\n'
        '<assessment ident="a" title="Hand made"><section ident="s">\n'
        f"{items}\n</section></assessment></questestinterop>\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a/a.xml", document)
    return buffer.getvalue()


def test_unknown_item_types_are_left_out_with_a_warning_at_their_line() -> None:
    items = """<item ident="i1" title="drop">
<itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type</fieldlabel>
<fieldentry>file_upload_question</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
</item>
<item ident="i2" title="kept">
<itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type</fieldlabel>
<fieldentry>short_answer_question</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
<presentation><material><mattext texttype="text/plain">Reactor site?</mattext></material>
<response_str ident="response1"><render_fib/></response_str></presentation>
<resprocessing><respcondition continue="No"><conditionvar>
<varequal respident="response1">Yongbyon</varequal></conditionvar>
<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>
</item>"""
    bank, problems = qti_import.load(_package(items), "hand.zip")
    assert bank is not None, [p.format() for p in problems]
    assert [q.id for q in bank.questions] == ["kept"]
    assert bank.title == "Hand made"
    (warning,) = problems
    assert (warning.path, warning.line, warning.severity) == ("hand.zip/a/a.xml", 4, "warning")
    assert "'file_upload_question' cannot be converted: left out" in warning.message


def test_malformed_xml_in_a_package_is_located() -> None:
    bank, problems = qti_import.load(_package("<item ident='x'>\n<oops></item>"), "bad.zip")
    assert bank is None
    assert problems[0].path == "bad.zip/a/a.xml"
    assert problems[0].line == 5
    assert "not well-formed XML" in problems[0].message


def test_import_command_reads_a_canvas_package(tmp_path: Path) -> None:
    bank = load_bank(GOOD / "every-type.yaml").bank
    assert bank is not None
    package = tmp_path / "every-type.qti.zip"
    package.write_bytes(qti.export(bank).content)  # type: ignore[arg-type]
    out = tmp_path / "back.yaml"
    assert main(["import", "-q", str(package), "-o", str(out)]) == 0
    result = load_bank(out)
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank is not None
    assert [q.type for q in result.bank.questions] == [q.type for q in bank.questions]
