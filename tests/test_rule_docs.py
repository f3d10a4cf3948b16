"""Every installed rule, built-in or plugin, documents itself the same way: `newslint rule CODE`
prints four sections in order, an example with its correction when there is a fix, and a described,
closed options schema whose properties are exactly the rule's default options."""

from __future__ import annotations

import pytest

from newslint.cli import rule_page
from newslint.model import Applicability
from newslint.registry import default_ruleset

SECTIONS = ("What it does", "Why it matters", "Example", "Fix safety")
RULES = list(default_ruleset().rules.values())


def _headings_outside_code(doc: str) -> list[str]:
    """The ``## `` headings of a docstring, not counting those inside its fenced examples."""
    headings, in_code = [], False
    for line in doc.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("## "):
            headings.append(line[3:])
    return headings


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_documentation_has_the_four_sections_in_order(rule):
    doc = rule.documentation()
    positions = [doc.find(f"## {section}") for section in SECTIONS]
    assert all(position > 0 for position in positions), rule.code
    assert positions == sorted(positions), rule.code
    assert _headings_outside_code(doc) == list(SECTIONS), rule.code
    assert rule.title() and doc in rule_page(rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_a_fixable_rule_shows_the_corrected_example(rule):
    if rule.fix_applicability in (Applicability.SAFE, Applicability.UNSAFE):
        assert "Use instead" in rule.documentation(), rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_options_schema_is_closed_described_and_matches_the_defaults(rule):
    schema = rule.options_schema
    assert schema["additionalProperties"] is False
    assert all(spec.get("description") for spec in schema["properties"].values())
    assert set(rule.default_options) == set(schema["properties"])
