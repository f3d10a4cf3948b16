"""LAY's and ENC's fast paths of the sixth speed round against the definitions they stand for
(property tests): LAY001's colons reached by ``str.find``, LAY002's one "lU" scan for the pairs
after a question mark too, ENC's mojibake gate behind class bytes of the non-ASCII characters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_src_enc_speed_fast_paths import plain_enc_gate  # the definition, kept once

from newslint import Document
from newslint.rules.encoding import (
    _MOJIBAKE_LEAD,
    _may_have_mojibake_lead,
    _may_have_rare_chars,
    non_ascii_bytes,
    non_ascii_text,
)
from newslint.rules.layout import _GLUE_POINT, _HEADING_COLON, _glue_points, _heading_colons

# -- LAY001: the colons ---------------------------------------------------------------------------

# Colons before and after letters, digits, apostrophes, dashes and every horizontal space the
# pattern knows (and some it does not), at the start and the end of the text.
_COLON_PIECES = [
    ":", ":", "a", "Z", "é", "É", "5", "’", "'", "-", "_", " ", "\t", "\u00a0", "\u2003", "\u202f",
    "\u3000", "\u1680", "\u180e", "\u205f", "\n", "\r", ".", "http://x", "Prix : Le", "10:30", "σ",
]  # fmt: skip
colon_texts = st.lists(st.sampled_from(_COLON_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(colon_texts)
def test_heading_colons_are_what_the_pattern_finds(text):
    assert _heading_colons(text) == [match.start() for match in _HEADING_COLON.finditer(text)]


# -- LAY002: glue points after a question mark ----------------------------------------------------

# Question marks (real, and the "?" every character beyond Latin-1 is written as) before capitals
# inside and beyond Latin-1, small letters on both sides of the Latin-1 border.
_GLUE_PIECES = ["?", "?", "a", "é", "ÿ", "œ", "σ", "𝑎", "’", "日", "A", "É", "Œ", "Σ", "𝐀", "ǅ", " ", "\n", "5"]
glue_texts = st.lists(st.sampled_from(_GLUE_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(glue_texts)
def test_glue_points_after_question_marks_are_the_unicode_property_matches(text):
    expected = [match.start() for match in _GLUE_POINT.finditer(text)]
    assert _glue_points(text) == expected
    doc = Document(text)
    assert _glue_points(text, None if text.isascii() else non_ascii_text(doc), doc.latin1_bytes) == expected


# -- ENC: the gate --------------------------------------------------------------------------------


# The old superset of the mojibake gate on the non-ASCII bytes, which the class bytes replace.
_MOJIBAKE_LEAD_SUPERSET = re.compile(rb"\xc3(?:" + _MOJIBAKE_LEAD + rb"|[\x82\x83])")

# Mojibake leads (Â, Ã, the two- and three-byte ranges and their edges), continuation
# characters (Latin-1 and Windows-1252 ones beyond it), other characters beyond Latin-1, and the
# ASCII the gate deletes between them.
_ENC_ALPHABET = (
    "a Z.?\n\tÁÂÃÄÉßàéïðñ\u0080\u0092\u009f\u00a0«»\u00ad\u00bf\u00c0\u00c1"
    "\u0152\u0153\u0178\u0192\u02c6\u02dc–—‘’“”•…€™\u2030\u2039Œσ日\u200b\u2028\u2066\ufeff\x01\x7f"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ENC_ALPHABET, max_size=20))
def test_mojibake_class_bytes_cover_the_superset(text):
    doc = Document(text)
    rest = non_ascii_bytes(doc)
    if _MOJIBAKE_LEAD_SUPERSET.search(rest) is not None:
        assert _may_have_mojibake_lead(non_ascii_text(doc))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_ENC_ALPHABET + "\u0600\u061c\u063f\u0640\u0fff\u1000\u180e\u1fff\u2000\uefff\uf000", max_size=20)
)
def test_enc_gate_is_its_plain_definition(text):
    doc = Document(text)
    lowered = doc.lowered_bytes
    expected = plain_enc_gate(lowered)
    assert _may_have_rare_chars(lowered) == expected
    rest = non_ascii_bytes(doc)
    assert (bool(rest) and _may_have_rare_chars(lowered, rest, non_ascii_text(doc))) == expected
