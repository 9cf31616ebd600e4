"""QTI export for Canvas: the package's structure, and every item graded as an LMS would."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bank_strategies import banks
from hypothesis import HealthCheck, given, settings
from qti_scorer import NS, read_items

from quizgen.cli import main
from quizgen.formats import qti
from quizgen.loader import load_bank
from quizgen.model import Bank

GOOD = Path(__file__).resolve().parents[1] / "banks" / "good" / "every-type.yaml"
CP = {"cp": qti.CP_NS}


@pytest.fixture(scope="module")
def bank() -> Bank:
    result = load_bank(GOOD)
    assert result.bank is not None
    return result.bank


@pytest.fixture(scope="module")
def items(bank: Bank) -> dict[str, object]:
    return {item.ident: item for item in read_items(qti.dump(bank).content)}


def _item(items: dict[str, object], question_id: str):
    return items[f"every-type-en-{question_id}"]


def test_every_type_becomes_a_canvas_item(bank: Bank, items: dict) -> None:
    export = qti.dump(bank)
    kinds = {
        item.ident.removeprefix("every-type-en-"): item.question_type for item in items.values()
    }
    assert kinds == {
        "single-q": "multiple_choice_question",
        "multi-q": "multiple_answers_question",
        "tf-q": "true_false_question",
        "fill-q": "short_answer_question",
        "num-q": "numerical_question",
        "range-q": "numerical_question",
        "order-q": "matching_question",
        "match-q": "matching_question",
        "short-q": "essay_question",
    }
    said = {(qid, message.split(":")[0]) for qid, message in export.skipped}
    assert said == {
        ("fill-q", "Canvas compares typed answers as listed"),
        ("num-q", "Persian and Arabic-Indic digits are graded wrong"),
        ("range-q", "Persian and Arabic-Indic digits are graded wrong"),
        ("range-q", "unit shown after the prompt"),
        ("order-q", "ordering sent as matching each item to its position (no ordering type here)"),
    }


def test_single_choice_scores_the_key_and_shows_choice_feedback(items: dict) -> None:
    item = _item(items, "single-q")
    assert item.prompt == "In which year was the Agreed Framework signed?"
    right, wrong = item.labels["response1"]
    assert item.labels["response1"][right] == "1994"
    assert item.grade({"response1": [right]}) == (100, [])
    score, shown = item.grade({"response1": [wrong]})
    assert score == 0
    assert shown == ["That is the Six-Party {Joint} Statement: ~ = # not."]
    assert item.feedback("general_fb") == "Signed in Geneva."


def test_multiple_answers_need_every_right_choice_and_no_wrong_one(items: dict) -> None:
    item = _item(items, "multi-q")
    china, japan, india = item.labels["response1"]
    assert item.grade({"response1": [china, japan]})[0] == 100
    assert item.grade({"response1": [china]})[0] == 0
    assert item.grade({"response1": [china, japan, india]})[0] == 0


def test_true_false_and_its_wrong_answer_feedback(items: dict) -> None:
    item = _item(items, "tf-q")
    labels = {text: ident for ident, text in item.labels["response1"].items()}
    assert item.grade({"response1": [labels["True"]]}) == (100, [])
    assert item.grade({"response1": [labels["False"]]}) == (
        0,
        ["It ended early, with no joint text."],
    )


def test_fill_blank_accepts_every_spelling(items: dict) -> None:
    item = _item(items, "fill-q")
    assert item.grade({"response1": ["Yongbyon"]})[0] == 100
    assert item.grade({"response1": ["nyongbyon"]})[0] == 100
    assert item.grade({"response1": ["Pyongyang"]})[0] == 0


def test_numeric_uses_the_tolerance_as_a_range() -> None:
    bank = Bank.model_validate(
        {
            "bank": "n",
            "title": "N",
            "questions": [
                {"id": "q", "type": "numeric", "prompt": "How many?", "value": 6, "tolerance": 0.5,
                 "feedback": "Count the parties again."},
            ],
        }
    )  # fmt: skip
    (item,) = read_items(qti.dump(bank).content)
    assert item.grade({"response1": ["6.4"]})[0] == 100
    assert item.grade({"response1": ["5.5"]})[0] == 100
    assert item.grade({"response1": ["7"]}) == (0, ["Count the parties again."])


def test_matching_scores_each_pair_and_offers_distractors(items: dict) -> None:
    item = _item(items, "match-q")
    assert len(item.labels) == 2
    answers = {}
    for response, labels in item.labels.items():
        assert sorted(labels.values()) == ["1994", "2001", "2012"]
        answers[response] = {text: ident for ident, text in labels.items()}
    first, second = item.labels
    right = {first: [answers[first]["1994"]], second: [answers[second]["2012"]]}
    assert item.grade(right)[0] == pytest.approx(100)
    half = {first: [answers[first]["1994"]], second: [answers[second]["2001"]]}
    assert item.grade(half)[0] == pytest.approx(50)


def test_essay_carries_model_answer_and_rubric_as_general_feedback(items: dict) -> None:
    feedback = _item(items, "short-q").feedback("general_fb")
    assert "The sides disagreed on sanctions relief for Yongbyon." in feedback
    assert "Names sanctions relief" in feedback
    assert "Names Yongbyon" in feedback


def test_bank_text_is_escaped_html_never_markup() -> None:
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    bank = Bank.model_validate(
        {
            "bank": "h",
            "title": payload,
            "questions": [
                {"id": "q", "type": "single", "prompt": f"**Bold** {payload}",
                 "choices": [{"text": payload, "correct": True}, "No"]},
            ],
        }
    )  # fmt: skip
    root = ET.fromstring(qti.dump(bank).content)
    for mattext in root.iterfind(".//q:mattext", NS):
        html_text = mattext.text or ""
        assert "<script" not in html_text
        assert "<img" not in html_text
    prompt = root.find(".//q:presentation/q:material/q:mattext", NS)
    assert prompt is not None
    assert prompt.text is not None
    assert prompt.text.startswith("<div><strong>Bold</strong> &lt;script&gt;")


def test_links_and_markup_go_as_the_site_renders_them() -> None:
    bank = Bank.model_validate(
        {"bank": "l", "title": "L", "questions": [
            {"id": "q", "type": "single",
             "prompt": "See [the text](https://example.org/a) and `code` *here*",
             "choices": [{"text": "[bad](javascript:alert(1))", "correct": True}, "No"]},
        ]}
    )  # fmt: skip
    root = ET.fromstring(qti.dump(bank).content)
    texts = [m.text or "" for m in root.iterfind(".//q:mattext", NS)]
    assert texts[0] == (
        '<div>See <a href="https://example.org/a">the text</a> and <code>code</code> '
        "<em>here</em></div>"
    )
    assert 'href="javascript' not in "".join(texts)


def test_package_is_a_content_package_whose_manifest_names_the_assessment(bank: Bank) -> None:
    export = qti.dump(bank)
    data = qti.package(bank, export)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        resource, settings = manifest.iterfind("cp:resources/cp:resource", CP)
        assert resource.get("type") == "imsqti_xmlv1p2"
        href = resource.find("cp:file", CP).get("href")  # type: ignore[union-attr]
        assert href in names
        assert archive.read(href).decode("utf-8") == export.content
        # Canvas reads the quiz settings from the resource the assessment depends on.
        dependency = resource.find("cp:dependency", CP)
        assert dependency is not None
        assert dependency.get("identifierref") == settings.get("identifier")
        assert settings.get("type") == qti.LEARNING_APPLICATION
        meta = ET.fromstring(archive.read(settings.get("href", "")))
        fields = {child.tag.rsplit("}", 1)[-1]: child.text for child in meta}
        assert fields["title"] == bank.title.replace("#{test}", "#{test}")
        assert (fields["quiz_type"], fields["points_possible"]) == (
            "practice_quiz",
            f"{len(bank.questions)}.0",
        )
        assert fields["shuffle_answers"] == "true"
    assert qti.package(bank, export) == data, "the same bank must give the same bytes"


def test_persian_bank_keeps_its_text(tmp_path: Path) -> None:
    bank = Bank.model_validate(
        {
            "bank": "fa",
            "title": "آزمونک تاریخ",
            "language": "fa",
            "questions": [
                {"id": "q", "type": "fill-blank", "prompt": "رآکتور اصلی کجاست؟",
                 "answers": ["یونگ‌بیون", "Yongbyon"]},
            ],
        }
    )  # fmt: skip
    (item,) = read_items(qti.dump(bank).content)
    assert item.prompt == "رآکتور اصلی کجاست؟"
    assert item.grade({"response1": ["یونگ‌بیون"]})[0] == 100


def test_persian_true_false_stays_true_false_in_canvas() -> None:
    """Canvas makes an item true/false only when its choices read True and False."""
    result = load_bank(Path(__file__).resolve().parents[2] / "quizzes" / "history.fa.yaml")
    assert result.bank is not None
    items = read_items(qti.dump(result.bank).content)
    judged = [i for i in items if i.question_type == "true_false_question"]
    assert judged
    for item in judged:
        assert sorted(item.labels["response1"].values()) == ["False", "True"]
        assert all(ident.endswith(("-true", "-false")) for ident in item.labels["response1"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=banks())
def test_generated_banks_give_well_formed_items_whose_key_scores_full_marks(data: dict) -> None:
    bank = Bank.model_validate(data)
    export = qti.dump(bank)
    items = {item.ident: item for item in read_items(export.content)}
    kept = list(bank.questions)
    assert len(items) == len(kept)
    for question in kept:
        item = items[qti.ident(bank.bank, bank.language, question.id)]
        labels = item.labels.get("response1", {})
        if question.type in {"single", "multiple"}:
            right = [i for i, c in zip(labels, question.choices, strict=True) if c.correct]
            assert item.grade({"response1": right})[0] == 100
        elif question.type == "fill-blank":
            assert item.grade({"response1": [question.answers[0]]})[0] == 100
        elif question.type == "numeric":
            assert item.grade({"response1": [repr(question.value)]})[0] == 100


def test_cli_writes_one_package_per_bank(tmp_path: Path) -> None:
    assert main(["export", "-q", "--to", "qti", "-o", str(tmp_path), str(GOOD)]) == 0
    (package,) = tmp_path.iterdir()
    assert package.name == "every-type.qti.zip"
    assert zipfile.ZipFile(package).testzip() is None
