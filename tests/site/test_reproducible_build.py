"""Two clean builds of the same sources, with SOURCE_DATE_EPOCH set, are byte-identical."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.conftest import build_site


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.slow
def test_a_second_clean_build_is_byte_identical(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Only one extra full build in the suite: the session site is the first."""
    second = build_site(tmp_path_factory.mktemp("second-build") / "html")
    first_files, second_files = _files(built_site), _files(second)
    assert sorted(first_files) == sorted(second_files)
    differ = [name for name, data in first_files.items() if second_files[name] != data]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:10]}"
