"""Shared fixtures: lint or fix a text with chosen rules, and read the seed articles."""

from __future__ import annotations

import functools
import importlib.metadata
from pathlib import Path

import pytest
from hypothesis import settings

from newslint import Applicability, Document, Finding, Linter, cli
from newslint.config import Settings
from newslint.registry import RuleSet, default_ruleset, discover

# Property tests draw the same examples on every run (seeded from each test), and keep no example
# database between runs: the suite must pass or fail the same way on every machine. To hunt for
# new counter-examples by hand: pytest --hypothesis-profile=explore --hypothesis-seed=N
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", max_examples=2_000, database=None)
settings.load_profile("deterministic")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_linter(select: tuple[str, ...] | None = None, **rule_options: dict) -> Linter:
    """A linter with ``select`` (None: the default rules) and per-rule options by code."""
    settings = Settings(select=select, rule_options=rule_options)
    return Linter(default_ruleset(), settings)


def lint_text(text: str, *select: str, language: str | None = None, **rule_options: dict) -> list[Finding]:
    linter = make_linter(tuple(select) or None, **rule_options)
    return linter.lint(Document(text, "test.txt", language=language))


def fix_text(text: str, *select: str, unsafe: bool = False, language: str | None = None, **rule_options: dict) -> str:
    linter = make_linter(tuple(select) or None, **rule_options)
    applicable = [Applicability.SAFE] + ([Applicability.UNSAFE] if unsafe else [])
    return linter.fix(Document(text, "test.txt", language=language), applicable).document.text


def seed_text(prefix: str) -> str:
    """The seed whose file name starts with ``prefix`` (e.g. "000")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8")


def line_of(text: str, offset: int) -> int:
    """1-based line number of an offset."""
    return text.count("\n", 0, offset) + 1


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@functools.cache
def proof_ruleset() -> RuleSet:
    """BP001, DUP001 and LAY003 only, whatever other families are installed: engine and CLI tests
    pin their output on these three so that new rules never change them."""
    families = discover(
        [
            importlib.metadata.EntryPoint(name=name, value=f"newslint.rules.{module}:RULES", group="newslint.rules")
            for name, module in (("bp", "boilerplate"), ("dup", "duplication"), ("lay", "layout"))
        ]
    )
    return RuleSet.from_classes(families.rules[code] for code in ("BP001", "DUP001", "LAY003"))


@pytest.fixture
def only_proof_rules(monkeypatch):
    """Make the CLI see only the three proof rules (use with ``pytest.mark.usefixtures``)."""
    monkeypatch.setattr(cli, "default_ruleset", proof_ruleset)
