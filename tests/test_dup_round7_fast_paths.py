"""Round 7's DUP fast paths against the plain definitions they replace (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_dup_fast_paths import _reference_units  # the definition, kept once

from newslint import Document
from newslint.rules.duplication import _ODD_SPACES, _fold_lines, units

# Letters in both cases, digits, punctuation and separators, every odd space the units fold, other
# white space ``str.split`` knows, "\r" and blank lines: odd spaces at line ends (stripped away),
# inside lines, on the first and the last line, with or without a final line break.
_ALPHABET = "aAbBéÉz09 .!?:;,…|›•·-–—«»’\u3042" + "".join(_ODD_SPACES) + "\x1c\x85\u2028\r\n"


def _plain_fold(document: Document, space: str) -> list[str]:
    """Every stripped line that holds ``space``, folded: the definition the search from place to
    place must give."""
    return [" ".join(line.split()) if space in line else line for line in document.stripped_lines]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.sampled_from(_ODD_SPACES))
def test_lines_of_the_places_counted_by_line_breaks_are_the_lines_folded(text, space):
    # A place's line is now the count of line breaks before it, counted on from the previous
    # place, instead of a bisection of the ``line_starts`` view.
    document = Document(text)
    place = text.find(space)
    lines = list(document.stripped_lines)
    if place >= 0:
        _fold_lines(document, lines, space, place)
    assert lines == _plain_fold(document, space)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_units_are_the_plain_definition_and_build_no_line_tuples(text):
    document = Document(text)
    items = units(document)
    assert (items.lines, items.keys, items.firsts, items.repeats) == _reference_units(text)
    assert "lines" not in document.__dict__  # the line texts and starts are enough
