"""The third speed round's fast paths of SRC and ENC against the plain definitions they replace
(property tests): the wire-keyword lines found through marked Latin-1 bytes and str.find, and the
ENC gate's memchr pre-checks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from text_pieces import texts_of

from newslint import Document
from newslint.rules.encoding import _GATE_SCANS, _RARE_BYTES, _may_have_rare_chars
from newslint.rules.sources import _compute_sources, _trie, _wire_triggers, _words


def _keyword_lines_by_trie(text: str) -> list[int]:
    """The reference: the start of every line on which the keyword trie (one pattern, either
    apostrophe for one) finds a keyword."""
    trie = re.compile(_trie(_words("wire-keywords"), False))
    starts, start = [], 0
    for line in text.split("\n"):
        if trie.search(line) is not None:
            starts.append(start)
        start += len(line) + 1
    return starts


# Keywords and their pieces (a false hit of the marked scan may hide a keyword that starts inside
# it: "AAP", "EEFE"), other capitals the mark confuses with the leads, lower-case-led keywords,
# characters Latin-1 cannot encode (one "?" each), apostrophes, line breaks.
_PIECES = [
    *_words("wire-keywords"),
    "A",
    "P",
    "E",
    "F",
    "S",
    "D",
    "(",
    "Ag",
    "ência",
    "Br",
    "x",
    " ",
    "\n",
    "\r\n",
    "\t",
    "é",
    "’",
    "'",
    "—",
    "日",
    "\x00",
    "?",
    "ge",
    "nces",
    "dp",
    "a",
]
texts = texts_of(_PIECES)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_wire_keyword_lines_are_the_lines_the_trie_finds(text):
    triggers = _wire_triggers()
    assert triggers is not None
    assert triggers.line_starts(text) == _keyword_lines_by_trie(text)


def test_wire_keyword_lines_on_edge_cases():
    triggers = _wire_triggers()
    assert triggers is not None
    for text in ("AAP", "x\nEEFE\n", "BReuters", "(dpa", "ADPA\nagences", "Agência\u00a0Brasil", "(AP)\r\nx", ""):
        assert triggers.line_starts(text) == _keyword_lines_by_trie(text), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["(AFP)", "— AP", "avec l’AFP", "avec ", "Reporting by X", "x"]), max_size=6))
def test_wire_credits_are_found_on_any_line(parts):
    text = "Un texte.\n" + "\n".join(parts)
    found = _compute_sources(Document(text), 200)
    line_has_credit = any(p in ("(AFP)", "— AP", "avec l’AFP", "Reporting by X") for p in parts)
    assert bool(found) == line_has_credit


NOT_RARE_BYTES = bytes(byte for byte in range(256) if byte not in _RARE_BYTES)


def plain_enc_gate(lowered: bytes) -> bool:
    """The definition of ENC's whole gate, kept once for every round's test: a rare byte, or a byte
    gate matching anywhere in the text."""
    return bool(lowered.translate(None, NOT_RARE_BYTES)) or any(
        gate.search(lowered) is not None for _, gate in _GATE_SCANS
    )


# Mojibake leads and continuation characters with ASCII between them (which the gate deletes, so
# that characters from different words meet), controls, and the invisible characters.
_ENC_ALPHABET = "aZ .\t\nÃÂâäÉéà€™’“”«»\u00a0\x80\x92\xad\x01\x7f\u0153\u02c6\u200b\u200e\u2028\u2060\u2066\ufeff\ufffd"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ENC_ALPHABET, max_size=20))
def test_enc_gate_pre_checks_change_nothing(text):
    lowered = Document(text).lowered_bytes
    assert _may_have_rare_chars(lowered) == plain_enc_gate(lowered)
