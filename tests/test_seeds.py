"""The seed articles are the reference corpus: their findings and fixed texts are pinned here.

The line numbers are the seeds' own (seed 001's copied section is lines 45-73, a copy of 15-43).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from conftest import SEEDS, fix_text, lint_text, seed_text

from newslint.cli import main

GOLDEN = Path(__file__).parent / "golden"

EXPECTED = {
    "000": [
        ("BP010", 1, 1),
        ("QT003", 1, 1),
        ("QT003", 1, 1),
        ("QT003", 1, 1),
        ("QT003", 1, 1),
        ("QT003", 1, 1),
        ("SRC002", 3, 3),
        ("BP001", 45, 47),
        ("QT004", 47, 47),
        ("LAY003", 47, 47),
    ],
    "001": [("SRC001", 1, 1), ("DUP001", 45, 73), ("BP002", 75, 75), ("LAY003", 75, 75)],
    "002": [
        ("BP007", 1, 1),
        ("DUP003", 1, 3),
        ("SRC001", 1, 1),
        ("BP009", 5, 6),
        ("QT005", 8, 8),
        ("QT005", 22, 22),
        ("QT005", 24, 24),
        ("QT005", 34, 34),
        ("QT005", 34, 34),
        ("BP008", 36, 36),
        ("BP002", 38, 38),
        ("BP003", 40, 40),
        ("LAY003", 40, 40),
    ],
    "003": [("SRC002", 9, 9), ("LAY003", 9, 9)],
    "004": [("SRC001", 1, 1), ("QT004", 1, 1), ("LAY001", 2, 2), ("LAY003", 2, 2)],
}

# Lines (1-based) that are artifacts a fix may remove; every other line is article text.
ARTIFACT_LINES = {
    "000": {1, 45, 46, 47},
    "001": set(range(45, 74)) | {75},
    "002": {1, 5, 6, 36, 38, 40},
    "003": set(),
    "004": set(),
}
QT003_SNIPPETS = ["qu OpenAI", "l open", "s impatiente", "L avenir", "l IA"]


def _lines(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.count("\n", 0, start) + 1
    last = text.count("\n", 0, max(end - 1, start)) + 1
    return first, last


def _normalised(text: str) -> str:
    # What the in-line fixes may change (apostrophes inserted or unified, emphasis removed) is
    # folded away, so the comparison asks only "is the sentence still there?".
    return regex.sub(r"\s+", " ", regex.sub(r"[’']", " ", text.replace("*", ""))).strip()


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_default_rules_report_exactly_the_seed_artifacts(seed):
    text = seed_text(seed)
    found = sorted((f.code, *_lines(text, f.start, f.end)) for f in lint_text(text))
    assert found == sorted(EXPECTED[seed])


def test_missing_apostrophes_of_seed_000_are_each_reported_on_their_own_span():
    text = seed_text("000")
    spans = [text[f.start : f.end] for f in lint_text(text, "QT003")]
    assert len(spans) == 5
    for snippet, span in zip(QT003_SNIPPETS, spans, strict=False):
        assert snippet.startswith(span.rstrip()) or span.startswith(snippet)


def test_no_seed_has_unbalanced_quotes():
    for seed in EXPECTED:
        assert lint_text(seed_text(seed), "QT001") == []


@pytest.mark.parametrize("mode", ["safe", "unsafe"])
@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_fixed_seed_matches_its_golden_file(seed, mode):
    text = seed_text(seed)
    (golden,) = GOLDEN.glob(f"{seed}_*.{mode}.txt")
    assert fix_text(text, unsafe=mode == "unsafe") == golden.read_text("utf-8")


@pytest.mark.parametrize("mode", ["safe", "unsafe"])
@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_fixing_a_seed_keeps_every_article_line(seed, mode):
    text = seed_text(seed)
    fixed = _normalised(fix_text(text, unsafe=mode == "unsafe"))
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() and number not in ARTIFACT_LINES[seed]:
            assert _normalised(line) in fixed, f"line {number} of seed {seed} was lost"


def test_seed_002_keeps_one_clean_title_after_fixing():
    fixed = fix_text(seed_text("002"))
    assert fixed.startswith("OpenAI face à DeepSeek : un retour à l’open source envisagé\n")
    assert fixed.count("OpenAI face à DeepSeek : un retour") == 1


def test_cli_fix_unsafe_on_the_seeds_leaves_only_findings_without_a_fix(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(copy), "--fix", "--unsafe-fixes", "--output-format", "json"])
    assert first.exit_code == 1  # SRC001/SRC002/LAY001 have no fix and remain
    for path in copy.iterdir():
        (golden,) = GOLDEN.glob(f"{path.stem}.unsafe.txt")
        assert path.read_text("utf-8") == golden.read_text("utf-8")
    before = {path.name: path.read_bytes() for path in copy.iterdir()}
    second = runner.invoke(main, ["check", str(copy), "--fix", "--unsafe-fixes", "--output-format", "json"])
    assert {path.name: path.read_bytes() for path in copy.iterdir()} == before
    remaining = json.loads(second.stdout)
    assert remaining and all(finding["fix"] is None for finding in remaining)
    assert {finding["code"] for finding in remaining} <= {"SRC001", "SRC002", "LAY001"}
