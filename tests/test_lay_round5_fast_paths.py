"""LAY's fast paths of the fifth speed round against the definitions they stand for (property
tests): LAY002's glue points from Latin-1 class bytes and the non-ASCII bytes ENC shares, LAY003's
gate from the stripped line lengths."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.encoding import _may_have_rare_chars, non_ascii_bytes
from newslint.rules.layout import _GLUE_POINT, _TRAILING_GATE, _blank_run, _glue_points, _nothing_stripped

# -- LAY002: glue points --------------------------------------------------------------------------

# Small and capital letters inside and beyond Latin-1 (µ, ß and ÿ are small letters without a
# Latin-1 capital; ª and º are no small letters; × and ÷ sit among the Latin-1 letters), titlecase
# and letter-like symbols, astral letters, the "?" that stands for every character beyond Latin-1.
_GLUE_CHARS = [
    "a", "z", "A", "Z", "e", "T", "é", "É", "à", "À", "µ", "ß", "ÿ", "Þ", "þ", "ª", "º", "×", "÷",
    "Œ", "œ", "Č", "č", "Σ", "σ", "ǅ", "ẞ", "ℓ", "Ⓐ", "ⓐ", "Ａ", "ａ", "𝐀", "𝑎", "日", "?", "’", "'",
    " ", "\u00a0", "\u202f", "\t", "\n", "\r", "5", ".", ",", "!", ":", "«", "»", "|", "•", "-", "\x85",
]  # fmt: skip
_WORDS = ["more", "The", "Noem", "Kristi", "été", "Été", "ŒUVRE", "œuvre", "Čapek", "σΣ", "iPhone", "De"]
glue_texts = st.lists(st.sampled_from(_GLUE_CHARS) | st.sampled_from(_WORDS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(glue_texts)
def test_glue_points_are_the_unicode_property_matches(text):
    expected = [match.start() for match in _GLUE_POINT.finditer(text)]
    assert _glue_points(text) == expected
    # What LAY002 passes: the non-ASCII characters from the bytes the ENC scan shares.
    shared = non_ascii_bytes(Document(text)).decode("utf-8", "surrogatepass")
    assert _glue_points(text, None if text.isascii() else shared) == expected


def test_glue_points_with_a_lone_surrogate_and_a_real_question_mark():
    for text in ("a\ud83dB", "why?Then", "œA?B", "x\ud800\udc00Y"):
        shared = non_ascii_bytes(Document(text)).decode("utf-8", "surrogatepass")
        assert _glue_points(text, shared) == [match.start() for match in _GLUE_POINT.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(glue_texts)
def test_shared_non_ascii_bytes_leave_the_enc_gate_unchanged(text):
    doc = Document(text)
    assert _may_have_rare_chars(doc.lowered_bytes, non_ascii_bytes(doc)) == _may_have_rare_chars(doc.lowered_bytes)


# -- LAY003: the gate from the stripped lines -----------------------------------------------------

# Every kind of white space str.strip() removes, the ones _TRAILING_GATE looks for among them.
_SPACE_CHARS = [" ", "\t", "\u00a0", "\u2003", "\u202f", "\u3000", "\x1c", "\x85", "\u2028", "\u205f", "\u1680"]
layout_texts = st.lists(
    st.sampled_from(["Un mot", "x", ".", "…", "|", "•", "\n", "\n", "\n\n", "\n\n\n", "\r\n", "\r"] + _SPACE_CHARS),
    max_size=30,
).map("".join)


def _plain_nothing_stripped(doc: Document) -> bool:
    return all(line.text == line.text.strip() for line in doc.lines)


@settings(max_examples=300, deadline=None)
@given(layout_texts, st.integers(min_value=0, max_value=3))
def test_nothing_stripped_gate_decides_both_scans(text, allowed):
    doc = Document(text)
    if "\r" in text or not doc.lines:
        return
    nothing_stripped = _nothing_stripped(doc)
    assert nothing_stripped == _plain_nothing_stripped(doc)
    if nothing_stripped:
        assert _TRAILING_GATE.search(text) is None
        breaks = doc.lowered_bytes.find(b"\n" * (allowed + 2), 1) != -1  # after the "\n" put before the text
        assert (_blank_run(allowed).search(text) is not None) == breaks
