"""BP011 and BP017 fast paths against the plain definitions they replace (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.boilerplate_structure import _FIGURES, NavigationRun


def _reference_next_to_figures(doc: Document, first: int, last: int) -> bool:
    """The nearest non-blank line within three lines above or below the run is a line of figures."""
    lines = doc.lines
    before = next((line.text for line in reversed(lines[max(first - 3, 0) : first]) if not line.is_blank), "")
    after = next((line.text for line in lines[last + 1 : last + 4] if not line.is_blank), "")
    return any(_FIGURES.match(text) for text in (before, after) if text)


# Figures with signs and digits of several scripts, white space that ``_FIGURES``'s ``\h`` takes
# and white space it does not (``\x0b``, ``\x1c``, ``\x85``, ``\u2028``), letters, punctuation.
_PIECES = [
    "1", "42", "-1", "+ 2", "−3", "–4", "٣", "²", "½", "Ⅻ", "+", "-", "−", "–", "€", "%", ".", ",", "(", ")", "/",
    "a", "Home", "é", "News", ":", "|", "›", "•",
    " ", "\t", "\u00a0", "\u2003", "\u3000", "\x0b", "\x1c", "\x85", "\u2028", "\u180e",
    "\r",
]  # fmt: skip
# Text built line by line, so that most runs have short lines next to them.
_FIGURE_LINES = ["-1", " - 42", "9", "0,5", "+3 %", "–4,5", "\u00a0−6", "\x0b7", "(8)", "-", "x9"]
lines = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), st.sampled_from(_FIGURE_LINES))
texts = st.lists(lines, max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_next_to_figures_is_the_nearest_lines_test(text, data):
    doc = Document(text)
    count = len(doc.lines)
    if not count:
        return
    first = data.draw(st.integers(min_value=0, max_value=count - 1))
    last = data.draw(st.integers(min_value=first, max_value=count - 1))
    assert NavigationRun._next_to_figures(doc, first, last) == _reference_next_to_figures(doc, first, last)
