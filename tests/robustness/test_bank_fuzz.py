"""Valid banks mutated every way an attacker or a careless author would, through every door.

Each example starts from a valid bank and changes its bytes, its structure, the types of its
values, its sizes or its Unicode (bidi controls, lone surrogates, ZWNJ, combining marks). Then
the loader, ``quizgen export`` and a Sphinx build must each give a result or located problems,
never a traceback; an invalid bank must exit non-zero, write no file, and cost memory in
proportion to its size.

``make test`` runs a short profile; ``make fuzz`` a long one (``QUIZGEN_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

from bank_strategies import banks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tiny_sphinx import build_tiny_project

from quizgen.cli import main
from quizgen.loader import LoadResult, load_bank_bytes
from quizgen.yaml_reader import dump

EXAMPLES = int(os.environ.get("QUIZGEN_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: Sphinx builds cost about a second each; they get a tenth of the examples.
BUILDS = settings(FUZZ, max_examples=max(3, EXAMPLES // 10))

#: Characters that change how text reads or breaks readers: bidi overrides and isolates,
#: ZWNJ and ZWJ, combining marks, a lone surrogate, controls, a BOM and YAML's own signs.
HOSTILE_CHARS = [
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u200c", "\u200d",
    "\u0301", "\u0651", "\u064b", "\ud800", "\udfff", "\x00", "\x07", "\x1b", "\x85",
    "\u2028", "\ufeff", "\ufffe", ":", "- ", "{", "[", "&a ", "*a", "!!binary ", "<<: ",
    "010", "1:30", "no", "~", "'", '"', "\t", "\r\n", "#",
]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(HOSTILE_CHARS)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the bank data a value sits."""
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replace(data[head], tuple(rest), value)
    return copy


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def structural(draw: st.DrawFn, data: dict[str, Any]) -> bytes:
    """Replace, retype, grow or garble one value of the bank, then write it as YAML."""
    path = draw(st.sampled_from(_paths(data)))
    old = _get(data, path)
    how = draw(st.sampled_from(["replace", "retype", "grow", "unicode", "drop"]))
    if how == "replace":
        new = draw(VALUES)
    elif how == "retype":
        new = draw(st.sampled_from([None, True, 0, -1, 1.5, "", "x", [], {}, [old], {"x": old}]))
    elif how == "grow":
        times = draw(st.sampled_from([2, 50, 3000]))
        new = old * times if isinstance(old, str | list) else [old] * times
    elif how == "unicode" and isinstance(old, str):
        at = draw(st.integers(0, len(old)))
        new = old[:at] + draw(st.sampled_from(HOSTILE_CHARS)) + old[at:]
    elif how == "drop" and path and isinstance(_get(data, path[:-1]), dict):
        parent = dict(_get(data, path[:-1]))
        parent.pop(path[-1])
        return dump(_replace(data, path[:-1], parent)).encode("utf-8", "surrogatepass")
    else:
        new = draw(VALUES)
    return dump(_replace(data, path, new)).encode("utf-8", "surrogatepass")


@st.composite
def textual(draw: st.DrawFn, data: dict[str, Any]) -> bytes:
    """Insert, delete or overwrite bytes or hostile characters in the written bank."""
    raw = dump(data).encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        cut = draw(st.integers(0, 8))
        piece = draw(
            st.binary(max_size=6)
            | st.sampled_from(HOSTILE_CHARS).map(lambda c: c.encode("utf-8", "surrogatepass"))
        )
        raw = raw[:at] + piece + raw[at + cut :]
    return raw


def mutated() -> st.SearchStrategy[bytes]:
    return banks(max_questions=4).flatmap(lambda data: structural(data) | textual(data))


def _load_measured(data: bytes) -> tuple[LoadResult, int]:
    tracemalloc.start()
    try:
        result = load_bank_bytes(data, "fuzz.yaml")
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _assert_located(result: LoadResult) -> None:
    assert result.problems, "an invalid bank must say why"
    for problem in result.problems:
        assert problem.path == "fuzz.yaml"
        assert problem.line >= 1 and problem.column >= 1, problem.format()
        assert problem.message.strip()


@FUZZ
@given(mutated())
def test_loader_and_cli_survive_any_mutation(data: bytes) -> None:
    result, peak = _load_measured(data)
    assert peak < 32 * 1024 * 1024 + 60 * len(data), f"{peak // 1024} KB for {len(data)} bytes"
    if not result.ok:
        _assert_located(result)
    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "fuzz.yaml"
        bank.write_bytes(data)
        out = Path(tmp) / "out"
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["export", "--to", "gift", "-q", "-o", str(out), str(bank)])
        said = stdout.getvalue() + stderr.getvalue()
        assert "Traceback" not in said
        if result.ok:
            assert code == 0, said
        else:
            assert code == 1, said
            assert "fuzz.yaml:" in said, said
            assert not out.exists(), "an invalid bank must write nothing"


@BUILDS
@given(mutated())
def test_a_sphinx_build_survives_any_mutation(data: bytes) -> None:
    result = load_bank_bytes(data, "fuzz.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        built = build_tiny_project(
            Path(tmp), {"index": "# Fuzz\n\n```{quiz} fuzz\n```\n"}, {"fuzz.yaml": data}
        )
    assert "Traceback" not in built.warnings
    assert "Exception occurred" not in built.warnings
    if not result.ok:
        assert "fuzz.yaml:" in built.warnings
        assert "[quizgen." in built.warnings
