"""The BP widget scan's regex against its plain form (property tests)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.boilerplate import widget_data


def _plain_scanner() -> re.Pattern[bytes]:
    """The scan with its repeated classes written ``[…]+`` / ``[…]{1,4}`` (the definition)."""
    source = widget_data().scanner.pattern
    for fast, plain in (
        (rb"[^\w\n][^\w\n]{0,3}", rb"[^\w\n]{1,4}"),
        (rb"[^\w\n][^\w\n]*", rb"[^\w\n]+"),
        (rb"[0-9][0-9]*", rb"[0-9]+"),
    ):
        source = source.replace(fast, plain)
    return re.compile(source)


_PLAIN = _plain_scanner()
_EXTRA_PHRASES = ["12 comments", "© 2024", "l'article", "à lire", "Über uns"]
_SEPARATORS = [" ", "  ", "\t", "\xa0", " - ", " – ", "|", "›", "•", "·", ":", "…", "'", "’", "\r", "\n", "\n\n", "3"]


def widget_texts(step: int) -> st.SearchStrategy[str]:
    """Texts of widget phrases (every ``step``-th of the data, and a few odd ones) and separators,
    in lower or upper case: the lines the widget scan must find."""
    phrases = sorted(widget_data().lookup)[::step] + _EXTRA_PHRASES

    @st.composite
    def texts(draw: st.DrawFn) -> str:
        text = "".join(draw(st.lists(st.sampled_from(phrases + _SEPARATORS), max_size=10)))
        return text.upper() if draw(st.booleans()) else text

    return texts()


@settings(max_examples=300, deadline=None)
@given(widget_texts(7))
def test_the_scan_finds_the_lines_of_its_plain_form(text):
    lowered = Document(text).lowered_bytes
    scanner = widget_data().scanner
    assert [m.start() for m in scanner.finditer(lowered)] == [m.start() for m in _PLAIN.finditer(lowered)]


def test_the_plain_form_differs_from_the_scan():
    assert _PLAIN.pattern != widget_data().scanner.pattern
