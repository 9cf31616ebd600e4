"""The Markdown worksheet: never the key order, words in the bank's language, numbers as written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.formats import worksheet
from quizgen.model import Bank


def _bank(questions: list[dict], language: str = "en") -> Bank:
    return Bank.model_validate(
        {"bank": "w", "title": "W", "language": language, "questions": questions}
    )


@settings(max_examples=50, deadline=None)
@given(
    ids=st.lists(
        st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True), min_size=1, max_size=8, unique=True
    )
)
def test_two_item_ordering_never_prints_its_key(ids: list[str]) -> None:
    questions = [
        {"id": qid, "type": "ordering", "prompt": "Order", "items": ["First", "Second"]}
        for qid in ids
    ]
    sheet, _ = worksheet.dump(_bank(questions))
    for block in sheet.split("Order")[1:]:
        assert block.index("Second") < block.index("First")


def test_numbers_are_printed_as_the_author_wrote_them() -> None:
    numeric = {"id": "n", "type": "numeric", "prompt": "How many?", "value": 123456789,
               "tolerance": 0.5}  # fmt: skip
    _, key = worksheet.dump(_bank([numeric]))
    assert "123456789 ± 0.5" in key
    assert "e+08" not in key


def test_a_persian_worksheet_speaks_persian() -> None:
    judged = {"id": "t", "type": "true-false", "prompt": "درست است؟", "answer": True}
    sheet, key = worksheet.dump(_bank([judged], language="fa"))
    assert "درست / نادرست" in sheet
    assert "True" not in sheet + key and "False" not in sheet + key
    assert "نام:" in sheet
    assert "۱. درست است؟" in sheet
    assert "کلید پاسخ‌ها" in key
