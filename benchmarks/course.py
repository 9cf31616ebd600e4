"""A real course at scale: 60 pages, 3,000 questions, English and Persian, built with ``-j auto``.

Each page has prose and one quiz of 50 questions from its own bank, ``unit-NN.yaml``, with its
Persian translation ``unit-NN.fa.yaml`` beside it (picked up by ``-D language=fa``). The
section reports the full build of each edition, and an incremental English rebuild after one
prompt of one bank is edited, which must re-read exactly the one page that uses that bank.
"""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.bank_generator import bank_yaml, generate_bank_data
from benchmarks.report import Measurement
from benchmarks.sphinx_project import BuildRun, build_env, check_clean, conf_py, run_measured
from benchmarks.sphinx_project import sphinx_command as _sphinx_command
from benchmarks.timing import quick, repeats

PAGES, QUESTIONS = 60, 50
QUICK_PAGES, QUICK_QUESTIONS = 6, 10
LANGUAGES = ("en", "fa")
#: The page whose bank is edited for the incremental rebuild.
EDITED = 1

CONF = conf_py("Generated course", "../quizzes")

UNIT = """\
# Unit {number}: {topic}

Unit {number} follows the talks on {topic} from the first offer to the last inspection. Each
step was small on purpose: a freeze answered by relief, a visit answered by a report, so that
neither side had to trust more than the last step had earned.

Read the sources for this unit before the quiz. They show how *sequencing* turned single
gestures into a process, and why a process survives a bad week when a single deal does not.

```{{quiz}} unit-{number:02d}
```
"""

_TOPICS = ("sanctions", "inspections", "summits", "envoys", "verification", "mediation")
_CHANGED = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed")
_READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (.+)")


def course_size() -> tuple[int, int]:
    """Pages, and questions a page; small under ``BENCH_QUICK``."""
    return (QUICK_PAGES, QUICK_QUESTIONS) if quick() else (PAGES, QUESTIONS)


def _bank(number: int, questions: int, language: str) -> dict[str, Any]:
    return generate_bank_data(
        questions,
        seed=number,
        bank_id=f"unit-{number:02d}",
        language=language,
        first=(number - 1) * questions + 1,
    )


def bank_path(root: Path, number: int, language: str = "en") -> Path:
    suffix = "" if language == "en" else f".{language}"
    return root / "quizzes" / f"unit-{number:02d}{suffix}.yaml"


def write_course(root: Path, pages: int, questions: int) -> Path:
    """Write the course under ``root`` (``source/`` and ``quizzes/``); returns ``source/``."""
    if root.exists():
        shutil.rmtree(root)
    source = root / "source"
    source.mkdir(parents=True)
    (root / "quizzes").mkdir()
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    units = [f"unit-{n:02d}" for n in range(1, pages + 1)]
    (source / "index.md").write_text(
        "# Generated course\n\n```{toctree}\n:maxdepth: 1\n\n" + "\n".join(units) + "\n```\n",
        encoding="utf-8",
    )
    for number in range(1, pages + 1):
        topic = _TOPICS[number % len(_TOPICS)]
        (source / f"unit-{number:02d}.md").write_text(
            UNIT.format(number=number, topic=topic), encoding="utf-8"
        )
        for language in LANGUAGES:
            bank_path(root, number, language).write_text(
                bank_yaml(_bank(number, questions, language)), encoding="utf-8"
            )
    return source


def edit_one_prompt(root: Path, questions: int, revision: int) -> Path:
    """Change the first prompt of the edited unit's English bank; returns the bank's path."""
    bank = _bank(EDITED, questions, "en")
    first = bank["questions"][0]
    first["prompt"] = f"{first['prompt']} (revision {revision})"
    path = bank_path(root, EDITED)
    path.write_text(bank_yaml(bank), encoding="utf-8")
    return path


def _build(root: Path, work: Path, language: str, *options: str) -> BuildRun:
    command = _sphinx_command(
        root / "source",
        work / "html" / language,
        work / "doctrees" / language,
        options=("-j", "auto", "-D", f"language={language}", *options),
    )
    return check_clean(run_measured(command, env=build_env(), sample_tree=True), command)


def _full_build(root: Path, work: Path, language: str) -> BuildRun:
    for folder in (work / "html" / language, work / "doctrees" / language):
        if folder.exists():
            shutil.rmtree(folder)
    return _build(root, work, language, "-q")


def reread_documents(output: str) -> tuple[int, list[str]]:
    """How many documents Sphinx read (its "N added, M changed" line) and their names.

    :raises RuntimeError: when the output has no such line (Sphinx's wording changed).
    """
    found = _CHANGED.search(output)
    if not found:
        raise RuntimeError(f"no 'N added, N changed' line in Sphinx's output:\n{output[-2000:]}")
    names = [match.group(1).strip() for match in _READING.finditer(output)]
    return int(found.group(1)) + int(found.group(2)), names


def measure_course(work: Path) -> list[Measurement]:
    """Full builds of both editions, then incremental English rebuilds after one bank edit."""
    pages, questions = course_size()
    root = work / "project"
    write_course(root, pages, questions)
    what = f"{pages} pages, {pages * questions:,} questions"
    full: dict[str, list[BuildRun]] = {language: [] for language in LANGUAGES}
    for _ in range(repeats(2, 1)):
        for language in LANGUAGES:
            full[language].append(_full_build(root, work, language))
    results = []
    for language in LANGUAGES:
        runs = full[language]
        results.append(
            Measurement(
                "course",
                f"full build ({language}), {what}",
                statistics.median(r.seconds for r in runs),
                "s",
                note="sphinx-build -j auto from nothing",
            )
        )
    peak = max(r.tree_rss_bytes for runs in full.values() for r in runs)
    largest = max(r.max_rss_bytes for runs in full.values() for r in runs)
    results.append(
        Measurement(
            "course",
            "full build peak RSS, sphinx and its workers",
            peak,
            "bytes",
            note=f"summed over the process tree, sampled every 100 ms; the largest single "
            f"process peaked at {largest / 1048576:,.0f} MiB (ru_maxrss)",
        )
    )
    results.append(_incremental(root, work, questions, full["en"]))
    return results


def pages_using(source: Path, bank_id: str) -> int:
    """How many pages name ``bank_id`` in a quiz block: the ones an edit must re-read."""
    block = f"```{{quiz}} {bank_id}\n"
    return sum(block in page.read_text(encoding="utf-8") for page in source.glob("*.md"))


def _incremental(root: Path, work: Path, questions: int, full: list[BuildRun]) -> Measurement:
    """Edit one prompt, rebuild English in place; the full English build (left in place by
    the last full run) is the baseline."""
    seconds, counts, names = [], [], []
    for revision in range(1, repeats(3, 1) + 1):
        edited = edit_one_prompt(root, questions, revision)
        run = _build(root, work, "en")
        seconds.append(run.seconds)
        count, found = reread_documents(run.output)
        counts.append(count)
        names = found
    expected = pages_using(root / "source", edited.stem)
    met = all(count == expected for count in counts)
    return Measurement(
        "course",
        "incremental rebuild (en) after editing one prompt",
        statistics.median(seconds),
        "s",
        statistics.median(r.seconds for r in full),
        "full en build",
        target=f"re-reads only the pages using the bank ({expected})",
        met=met,
        note=f"edited quizzes/{edited.name}; Sphinx re-read {counts} document(s) "
        f"({', '.join(names) or 'none listed'}); pages using that bank: {expected}",
    )


def run(work: Path) -> list[Measurement]:
    """Every course measurement, working in ``work``."""
    return measure_course(work)
