"""QT003's fast paths of the fourth speed round against the definitions they stand for (property
tests). The ENC gate of that round is pinned with the other ENC gate test, in
test_src_enc_speed_fast_paths.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.quotes import _ENGLISH_SUFFIX, _candidate_scan, _english_matches, _french_pattern

# -- QT003: the candidate scan with one language known --------------------------------------------

_QT_TOKENS = [
    "l", "L", "d", "D", "j", "m", "n", "s", "S", "t", "T", "c", "C", "qu", "Qu", "jusqu", "lorsqu",
    "presqu", "quelqu", "aujourd", "hui", "un", "île", "avenir", "OpenAI", "est", "a", "à", "y", "é",
    "Été", "h", "re", "ve", "ll", "Ll", "don", "Don", "it", "I", "we", "you", "x", "5", "’", "'", "-", "q",
]  # fmt: skip
_QT_SEPARATORS = [" ", " ", " ", "  ", "\t", "\u00a0", "\n", "\r\n", "", "(", "«", "“", "”", '"', "[", "—"]
_QT_SEPARATORS += ["–", "•", ",", ";", ":", "!", "?", ".", "…", "’", "‘", "'", "\u2028", "\u2029", "\u202f"]
_QT_SEPARATORS += ["\u2003", "×", "ℓ", "€", "_"]
# Whole candidates too: an elision or a contraction's first part, a space (or not), the next word,
# what follows it.
_GAPS = [" ", " ", "\t", "\u00a0", "  ", "’", "\u202f", ""]
_TAILS = ["", " ", ".", ",", "…", "—", "”", "’", "'", "-", "x", "é", "×", "\n"]
_FRENCH_FIRST = ["l", "L", "d", "j", "m", "n", "s", "t", "c", "C", "qu", "jusqu", "quelqu", "aujourd", "Aujourd"]
_FRENCH_NEXT = ["avenir", "un", "hui", "est", "OpenAI", "île", "a", "à", "y", "il", "Edgar", "x"]
_ENGLISH_FIRST = ["I", "he", "He", "it", "IT", "don", "Don", "can", "we", "you", "they", "what", "x", "x5"]
_ENGLISH_NEXT = ["d", "t", "s", "m", "re", "ve", "ll", "Re", "LL", "x", "st"]


def _texts(first: list[str], following: list[str]) -> st.SearchStrategy[str]:
    candidate = st.tuples(
        st.sampled_from(first), st.sampled_from(_GAPS), st.sampled_from(following), st.sampled_from(_TAILS)
    ).map("".join)
    piece = st.tuples(st.sampled_from(_QT_SEPARATORS), st.sampled_from(_QT_TOKENS) | candidate).map("".join)
    return st.lists(piece, max_size=20).map("".join)


french_texts = _texts(_FRENCH_FIRST, _FRENCH_NEXT)
english_texts = _texts(_ENGLISH_FIRST, _ENGLISH_NEXT)


@settings(max_examples=300, deadline=None)
@given(french_texts)
def test_french_scan_finds_where_the_elision_pattern_may_start(text):
    french_from, english = _candidate_scan(text, Document(text).lowered_bytes, "fr")
    everywhere = [match.span() for match in _french_pattern().finditer(text)]
    assert english == []
    if french_from is None:
        assert everywhere == []
    else:
        assert [match.span() for match in _french_pattern().finditer(text, french_from)] == everywhere


@settings(max_examples=300, deadline=None)
@given(english_texts)
def test_english_scan_keeps_every_contraction(text):
    french_from, suffixes = _candidate_scan(text, Document(text).lowered_bytes, "en")
    assert french_from is None
    assert set(suffixes) <= {match.span() for match in _ENGLISH_SUFFIX.finditer(text)}
    assert _english_matches(text, suffixes) == _english_matches(text)
