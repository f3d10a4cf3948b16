"""LAY and QT fast paths of the third speed round against the definitions they stand for
(property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.layout import _SPACE_BEFORE_BREAK, _TRAILING_GATE, _blank_run

# Line breaks (LF, CRLF, lone CR), blank and white-space-only lines, every kind of white space.
_LAYOUT_PIECES = ["a", "B c", "x" * 5, ".", " ", "\t", "\u00a0", "\u2003", "\u202f", "\u3000", "\u205f", "\x1c"]
_LAYOUT_PIECES += ["\x85", "\u2028", "\u1680", "\x0b", "\r", "\n", "\r\n", "\n\n", "\n \n"]
layout_texts = st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(layout_texts, st.integers(min_value=0, max_value=2))
def test_no_break_after_white_space_means_neither_layout_gate_matches(text, allowed):
    if _SPACE_BEFORE_BREAK.search(text) is None:
        assert _TRAILING_GATE.search(text) is None
        assert _blank_run(allowed).search(text) is None
