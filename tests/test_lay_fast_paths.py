"""LAY001 and LAY003 fast paths against the line-by-line definitions they replace (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules._data import fold, phrases
from newslint.rules.layout import (
    _HEADING_COLON,
    _INLINE_HEADING,
    FAMILY,
    WallOfText,
    _is_heading_label,
    _long_lines,
)

# Short and long lines, CRLF and lone CR, blank and white-space-only lines, glued headings.
_PIECES = ["a", "ab c", "x" * 7, "Ab. Évaluation : Des", "Prix: Le", " ", "\t", "\u00a0", "\u2003", "\r", "\n", "\r\n"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=1, max_value=30))
def test_long_lines_are_the_lines_of_that_length(text, length):
    doc = Document(text)
    assert _long_lines(doc, length) == [line.index for line in doc.lines if len(line.text) >= length]


def _reference_wall_of_text(doc: Document, max_length: int, heading_min: int) -> list[tuple[int, str | None]]:
    """LAY001's reported lines and headings from every line's length (the definition)."""
    lengths = [len(line.text) for line in doc.lines]
    headings: dict[int, str] = {}
    text = doc.text
    if max(lengths, default=0) >= heading_min:
        captions = frozenset(phrases(FAMILY, WallOfText.name, "not-headings"))
        for candidate in _HEADING_COLON.finditer(text):
            colon = candidate.start()
            match = _INLINE_HEADING.match(text, colon - 1) if colon else None
            if match is None:
                match = _INLINE_HEADING.match(text, colon)
                if match is None:
                    continue
            label = match.group("label")
            if not _is_heading_label(label) or fold(label) in captions:
                continue
            index = text.count("\n", 0, match.start())
            if index not in headings and lengths[index] >= heading_min:
                headings[index] = text[match.start("label") : colon + 1]
    reported = {index for index, length in enumerate(lengths) if length >= max_length} | set(headings)
    return [(index, headings.get(index)) for index in sorted(reported)]


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=40))
def test_wall_of_text_reports_the_lines_its_definition_reports(text, max_length, heading_min):
    doc = Document(text)
    options = {"max-length": max_length, "heading-min-length": heading_min}
    found = [(doc.line_index_at(f.start), f.data["heading"]) for f in WallOfText().check(doc, options)]
    assert found == _reference_wall_of_text(doc, max_length, heading_min)
