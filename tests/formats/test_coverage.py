"""The docs' table of type x LMS target comes from real exports of every registered type."""

from __future__ import annotations

from quizgen.formats.coverage import TARGETS, lms_table
from quizgen.types import all_types


def test_every_type_has_a_cell_for_every_target() -> None:
    table = dict(lms_table())
    assert list(table) == [kind.name for kind in all_types()]
    for name, cells in table.items():
        assert len(cells) == len(TARGETS), name
        assert all(cell.becomes for cell in cells), name


def test_the_cells_say_what_the_clients_receive() -> None:
    table = {name: [cell.becomes for cell in cells] for name, cells in lms_table()}
    assert table["ordering"] == ["matching", "ordering", "matching_question"]
    assert table["true-false"] == ["truefalse", "truefalse", "true_false_question"]
    assert table["short-answer"] == ["essay", "essay", "essay_question"]


def test_what_changes_is_said_in_the_cell() -> None:
    cells = dict(lms_table())
    gift, xml, qti = cells["ordering"]
    assert any("ordering sent as matching" in note for note in gift.notes)
    assert not xml.notes
    assert any("ordering sent as matching" in note for note in qti.notes)
    assert any("hint dropped" in note for note in cells["single"][0].notes)
