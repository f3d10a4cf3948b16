"""LAY's and ENC's fast paths of the eighth speed round against the definitions they stand for
(property tests): LAY002's glued word between the "." of its class bytes and its repeated
spellings without a Counter, LAY003's blank edge lines read off ``stripped_lines``, and ENC's
invisible characters found with ``str.find`` where no mojibake lead matches."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from test_lay_enc_round7_fast_paths import _ENC_ALPHABET, _GLUE_PIECES, line_texts

from newslint import Document
from newslint.rules.encoding import (
    _CHARS,
    _LEADS,
    _invisible_offsets,
    _mojibake_lead_matches,
    non_ascii_text,
)
from newslint.rules.layout import _GLUE_CLASSES, _GLUE_POINT, _glued_word, _repeated, _walked_word

# -- LAY002: the glued word around a glue point ----------------------------------------------------


# Letters beyond Latin-1 inside words, punctuation beyond Latin-1 between them ("l’iPhone"), the
# Latin-1 letters that are neither capital nor small (ª, º), digits and marks next to words.
_WORD_PIECES = _GLUE_PIECES + ["º", "µ", "ß", "l’", "’", "\u0301", "²", "_", "iPhone", "NoemKristi", "日本"]
word_texts = st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(word_texts)
def test_glued_word_is_the_run_of_letters_walked_a_character_at_a_time(text):
    classes = text.encode("latin-1", "replace").translate(_GLUE_CLASSES)
    for match in _GLUE_POINT.finditer(text):
        assert _glued_word(text, classes, match.start()) == _walked_word(text, match.start())


def test_the_other_class_is_never_a_letter():
    # "." bounds a glued word: every Latin-1 letter has another class byte.
    assert [chr(byte) for byte in range(256) if _GLUE_CLASSES[byte] == ord(".") and chr(byte).isalpha()] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["MacBook", "WeWork", "iPhone", "NoemKristi", "moreThe"]), max_size=12))
def test_repeated_words_are_those_counted_more_than_once(words):
    assert set(_repeated(words)) == {word for word, count in Counter(words).items() if count > 1}


# -- LAY003: blank lines at the edges --------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(line_texts)
def test_a_line_stripped_to_nothing_is_blank(text):
    doc = Document(text)
    assert [not stripped for stripped in doc.stripped_lines] == [line.is_blank for line in doc.lines]


# -- ENC: invisible characters without the class scan ----------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ENC_ALPHABET + "\x0b\x1c\u202a\u2060\ufff9", max_size=20))
def test_invisible_offsets_are_what_the_scan_finds_without_a_mojibake_lead(text):
    doc = Document(text)
    matches = [match.start() for match in _CHARS.finditer(text)]
    lead_matches = any(text[offset] in _LEADS for offset in matches)
    assert _mojibake_lead_matches(doc.lowered_bytes, non_ascii_text(doc)) == lead_matches
    if not lead_matches:
        assert _invisible_offsets(text, non_ascii_text(doc)) == matches
