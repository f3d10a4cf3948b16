"""QT's fast paths of the seventh speed round against the definitions they stand for (property
tests): QT005's emphasis patterns, whose text is taken whole in a lookahead, against the lazy
patterns they replace; the one analysis shared by every text without a quotation mark (the scan
that finds a French elision at the text's start is pinned in test_qt_round6_fast_paths)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules import quotes

# The plain definitions: the emphasis text as a lazy run, tried at every character.
_PLAIN_STAR = re.compile(r"(\*\*?)(?=[^\s*])([^*\n]+?)(?<=[^\s*])\1(?![\w*])")
_PLAIN_UNDERSCORE = re.compile(r"(__?)(?=[^\s_])([^_\n]+?)(?<=[^\s_])\1(?![\w_])")

_PIECES = ["*", "**", "***", "_", "__", "___", "mot", "Il", "é", "x", "5", "init", "a.b", "\\"]
_PIECES += [" ", " ", "\t", "\u00a0", "\u2003", "\n", "\n\n", "\r", ".", ",", "!", "?", "«", "»", "’", "-"]
# Whole and half-written emphases, so that many texts hold a match or a near miss.
_PIECES += ["*mot*", "**mot**", "*mot *", "* mot*", "_mot_", "__mot__", "__init__", "_a b_", "**a", "b__", "_x."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@pytest.mark.parametrize(
    ("fast", "plain"),
    [(quotes._EMPHASIS_STAR, _PLAIN_STAR), (quotes._EMPHASIS_UNDERSCORE, _PLAIN_UNDERSCORE)],
    ids=["star", "underscore"],
)
def test_emphasis_patterns_match_as_the_lazy_ones(fast, plain, text):
    def matches(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str, str]]:
        return [(match.span(), match.group(1), match.group(2)) for match in pattern.finditer(text)]

    assert matches(fast) == matches(plain)


# -- the shared analysis of texts without a quotation mark --------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ['"', "“", "”", "„", "Il a dit", "de"]), max_size=30).map("".join))
def test_texts_without_marks_share_an_analysis_that_stays_empty(text):
    doc = Document(text, language="fr")
    findings = [f for rule in (quotes.UnbalancedQuotes(), quotes.MixedQuoteStyles()) for f in rule.check(doc, {})]
    analysis = quotes.quote_analysis(doc)
    if not quotes._find_marks(text):
        assert analysis is quotes._NO_QUOTES
        assert findings == []
    assert quotes._NO_QUOTES == quotes.QuoteAnalysis()
