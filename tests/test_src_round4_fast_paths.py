"""The fourth speed round's SRC fast paths against the plain definitions they replace (property
tests): the label-line hits found by one search before any iterator, and the wire-keyword lines
collected in lists instead of a set of generators."""

from __future__ import annotations

from hypothesis import given, settings
from text_pieces import SPACING, texts_of

from newslint import Document
from newslint.rules.sources import _hit_starts, _label_byte_triggers, _wire_triggers, _words

# Label keywords in both cases, the prefix characters, wire keywords, line breaks and the white
# space around them: the characters the label and wire scans look at.
_PIECES = [
    "Source",
    "source :",
    "VIA ",
    "D’après",
    "d'après",
    "Lire",
    "AFP",
    "(AFP)",
    "Reuters",
    "dpa",
    "agences",
    "a",
    "x",
    "É",
    "-",
    "•",
    "·",
    "—",
    "–",
    "*",
    "_",
    ">",
    "|",
    "›",
    ".",
    ":",
    *SPACING,
]
texts = texts_of(_PIECES)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_label_hits_are_the_hits_finditer_finds(text):
    pattern = _label_byte_triggers()
    assert pattern is not None
    lowered = Document(text).lowered_bytes
    assert _hit_starts(pattern, lowered) == [hit.start() for hit in pattern.finditer(lowered)]
    # Round 7: the first match, already searched, given instead of searched again.
    assert _hit_starts(pattern, lowered, pattern.search(lowered)) == _hit_starts(pattern, lowered)


def _wire_line_starts_by_set(text: str) -> list[int]:
    """The reference: the previous ``line_starts``, one set of every line any scan found."""
    triggers = _wire_triggers()
    assert triggers is not None
    starts = set(triggers._word_line_starts(text))
    if triggers.marked is not None:
        starts.update(triggers._keyword_line_starts(triggers.marked, text))
    return sorted(starts)


@settings(max_examples=300, deadline=None)
@given(texts_of([*_words("wire-keywords"), *_PIECES]))
def test_wire_keyword_lines_are_the_set_of_every_scan(text):
    triggers = _wire_triggers()
    assert triggers is not None
    assert triggers.line_starts(text) == _wire_line_starts_by_set(text)
