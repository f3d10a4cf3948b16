"""QT's checks of the eighth speed round return a plain list when they report nothing (no generator
is made for most texts): what they report is unchanged, and is what the engine reports."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document, Linter
from newslint.config import Settings
from newslint.registry import default_ruleset
from newslint.rules import quotes

_PIECES = ["Il a dit", "l", "d", "qu", "avenir", "don", "t", "it", "s", "we", "re", "aujourd", "hui", "é", "5"]
_PIECES += [" ", " ", "\t", "\u00a0", "\n", "\n\n", "\r", ".", ",", "!", "?", ":", "…", "|", "•", "-"]
_PIECES += ['"', "«", "»", "“", "”", "„", "'", "’", "*", "**", "_", "[a](https://x.org)", "# "]

_RULES = [
    quotes.UnbalancedQuotes,
    quotes.MixedQuoteStyles,
    quotes.MissingApostrophe,
    quotes.InconsistentApostrophes,
    quotes.MarkupResidue,
]
_LINTER = Linter(default_ruleset(), Settings(select=tuple(rule.code for rule in _RULES)))
_PLAN = _LINTER.plan("c.jsonl")


@settings(max_examples=250, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
    st.sampled_from([None, "fr", "en", "de"]),
)
@pytest.mark.parametrize("rule_class", _RULES, ids=[rule.code for rule in _RULES])
def test_checks_return_a_plain_list_when_nothing_is_found(rule_class, text, language):
    rule = rule_class()
    found = rule.check(Document(text, "c.jsonl", "1", language=language), rule.default_options)
    reported = list(found)
    if not reported:
        assert type(found) is list
    engine = [f for f in _LINTER.lint(Document(text, "c.jsonl", "1", language=language), _PLAN) if f.code == rule.code]
    assert [(f.start, f.end, f.message, f.fix) for f in reported] == [
        (f.start, f.end, f.message, f.fix) for f in engine
    ]
