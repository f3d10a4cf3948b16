"""LAY's and ENC's fast paths of the seventh speed round against the definitions they stand for
(property tests): LAY002's gate on the lead bytes of capitals beyond Latin-1 and its letter test
before a "?", LAY003's empty-line test before the blank-run search, ENC's rare bytes by a table
translate and the gate's order of tests."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lay_enc_round6_fast_paths import _ENC_ALPHABET as ROUND6_ENC_ALPHABET
from test_src_enc_speed_fast_paths import NOT_RARE_BYTES, plain_enc_gate  # the definition, kept once

from newslint import Document
from newslint.rules.encoding import (
    _RARE_MARKS,
    _may_have_rare_chars,
    non_ascii_bytes,
    non_ascii_text,
)
from newslint.rules.layout import (
    _BEYOND_LATIN1_UPPER,
    _GLUE_POINT,
    _capital_candidates,
    _glue_points,
    _may_hold_capital_beyond_latin1,
    _nothing_stripped,
)

# -- LAY002: capitals beyond Latin-1 -------------------------------------------------------------


def test_every_capital_beyond_latin1_has_a_capital_lead():
    # Every code point, against the `regex` property the glue points are defined by.
    text = "".join(chr(code) for code in range(0x100, 0x110000) if not 0xD800 <= code < 0xE000)
    capitals = _BEYOND_LATIN1_UPPER.findall(text)
    assert len(capitals) > 1800
    assert [char for char in capitals if not _may_hold_capital_beyond_latin1(char.encode("utf-8"))] == []


def test_the_punctuation_of_most_texts_has_no_capital_lead():
    assert not _may_hold_capital_beyond_latin1("’‘“”–—…•€«»éàÉÀç\u00a0\u202f".encode())


# Capitals and small letters beyond Latin-1 in the blocks the lead bytes name and next to them,
# punctuation beyond Latin-1 before capitals (where the letter test replaces the `regex` match),
# real question marks, ASCII and Latin-1 letters.
_GLUE_PIECES = [
    "?", "a", "é", "ÿ", "A", "É", "’", "“", "–", "…", "œ", "Œ", "σ", "Σ", "ж", "Ж", "ǅ", "ℂ", "ℓ",
    "Ⰰ", "ⰰ", "Ḁ", "ḁ", "Ａ", "ａ", "𝐀", "𝑎", "日", "ʰ", "ª", " ", "\n", "5", "\u2183", "\u2184",
]  # fmt: skip
glue_texts = st.lists(st.sampled_from(_GLUE_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(glue_texts)
def test_glue_points_behind_the_capital_gate_are_the_unicode_property_matches(text):
    expected = [match.start() for match in _GLUE_POINT.finditer(text)]
    doc = Document(text)
    non_ascii = None if text.isascii() else _capital_candidates(doc)
    assert _glue_points(text, non_ascii, doc.latin1_bytes) == expected
    if non_ascii == "":
        assert _BEYOND_LATIN1_UPPER.search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_GLUE_PIECES + [chr(code) for code in range(0x100, 0x2100, 7)]))
def test_the_letter_test_before_a_capital_is_the_property_test(char):
    # \p{Ll} is a part of str.isalpha: the letter test rejects nothing the regex accepts.
    if regex.match(r"\p{Ll}", char):
        assert char.isalpha()


# -- LAY003: a run of blank lines ----------------------------------------------------------------

_LINE_PIECES = ["a", "Le mot", " ", "\t", "\u00a0", "\n", "\n", "\n", "\n\n", "\n\n\n", "\r\n", "é"]
line_texts = st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(line_texts, st.integers(min_value=0, max_value=3))
def test_blank_run_search_behind_the_empty_line_test(text, allowed):
    doc = Document(text)
    lowered = doc.lowered_bytes
    if lowered.find(b"\r") != -1 or not _nothing_stripped(doc):
        return
    plain = lowered.find(b"\n" * (allowed + 2), 1) != -1
    assert (not all(doc.stripped_lines) and plain) == plain


# -- ENC: the gate --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=20))
def test_rare_marks_are_the_deletion_of_the_other_bytes(data):
    assert (data.translate(_RARE_MARKS).find(b"r") != -1) == bool(data.translate(None, NOT_RARE_BYTES))


# Round 6's alphabet, with the format and replacement characters and the scripts the rare-mark
# table must tell apart from the mojibake leads.
_ENC_ALPHABET = ROUND6_ENC_ALPHABET + "\u061c\u180e\ufffd\u0600\u1000"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ENC_ALPHABET, max_size=20))
def test_enc_gate_as_the_scan_calls_it_is_its_plain_definition(text):
    doc = Document(text)
    lowered = doc.lowered_bytes
    rest = non_ascii_bytes(doc)
    # _compute_scan decodes the non-ASCII characters only when a "\xc3" is among them.
    rest_text = non_ascii_text(doc) if rest.find(b"\xc3") >= 0 else None
    assert (bool(rest) and _may_have_rare_chars(lowered, rest, rest_text)) == plain_enc_gate(lowered)
    assert (bool(rest) and _may_have_rare_chars(lowered, rest, non_ascii_text(doc))) == plain_enc_gate(lowered)
