"""The seventh speed round's SRC fast paths against the plain definitions they replace (property
tests): the URL gate that looks for "://" only from the first "/", and the shared view reached
through one key made once (the label hits that reuse the first search: in the round-4 test)."""

from __future__ import annotations

from hypothesis import given, settings
from text_pieces import SPACING, texts_of

from newslint import Document
from newslint.rules.sources import (
    _URL_MARKS,
    _compute_sources,
    _may_have_url,
    sources,
)

# The characters of the URL marks and their near misses, in both cases, with the label and wire
# words and the white space and separators around them.
_PIECES = [
    "://",
    ":/",
    ":",
    "/",
    "//",
    "http",
    "HTTPS",
    "www.",
    "WWW.",
    "ww",
    "w",
    "W",
    ".",
    ".com",
    "Source :",
    "via ",
    "AFP",
    "(Reuters)",
    "avec agences",
    "a",
    "É",
    "’",
    "-",
    "•",
    "|",
    "›",
    "…",
    "!",
    "?",
    ";",
    ",",
    *SPACING,
]
texts = texts_of(_PIECES)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_url_gate_is_a_search_for_either_mark(text):
    lowered = Document(text).lowered_bytes
    assert _may_have_url(lowered) == any(lowered.find(mark) >= 0 for mark in _URL_MARKS)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_the_shared_view_is_the_analysis_of_the_text(text):
    doc = Document(text)
    found = sources(doc, 200)
    assert found == _compute_sources(Document(text), 200)
    assert sources(doc, 200) is found  # computed once per document


def test_each_line_length_has_its_own_view():
    text = "Corps de l’article.\n\nSource : " + "x" * 40
    doc = Document(text)
    assert sources(doc, 200) and not sources(doc, 30)
