"""The ENC scan's byte-level gate against the character scan it spares (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.encoding import _CHARS, _CONTINUATION, _INVISIBLE, _may_have_rare_chars


def _expand(ranges: str) -> str:
    chars, index = [], 0
    while index < len(ranges):
        if index + 2 < len(ranges) and ranges[index + 1] == "-":
            chars.extend(map(chr, range(ord(ranges[index]), ord(ranges[index + 2]) + 1)))
            index += 3
        else:
            chars.append(ranges[index])
            index += 1
    return "".join(chars)


# Every character the scan looks at (leads, continuations, invisibles), their neighbours in the
# code space, and ordinary text around them.
_ALPHABET = (
    _expand(_CONTINUATION)
    + _expand(_INVISIBLE)
    + "".join(map(chr, range(0xBE, 0x100)))
    + "aeAZ 09\t\n\r.,’“”«»€™\u0151\u0154\u0193\u02c7\u2012\u2015\u2031\u205f\u2065\ufeff\ufffc\ufffe\u0600\u180f"
    + "\U0001f600\ud800\u00a0"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_the_gate_lets_through_every_text_the_scan_matches(text):
    if _CHARS.search(text) is not None:
        assert _may_have_rare_chars(Document(text).lowered_bytes)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=3))
def test_the_gate_on_short_texts(text):
    assert _may_have_rare_chars(Document(text).lowered_bytes) or _CHARS.search(text) is None


def test_the_gate_stops_common_accented_text():
    assert not _may_have_rare_chars(Document("L’été à São Paulo « vraiment » — Ângela, 3 €.\n").lowered_bytes)
    assert _may_have_rare_chars(Document("Le cafÃ© est prÃªt, câ€™est lâ€™Ã©tÃ©.").lowered_bytes)


def test_the_gate_lets_through_every_single_character_and_every_mojibake_pair():
    leads = "".join(map(chr, range(0xC2, 0xF0)))
    followers = _expand(_CONTINUATION) + " a"
    texts = [chr(code) for code in range(0x10000)]
    texts += [lead + follower for lead in leads for follower in followers]
    texts += [lead + first + second for lead in leads[30:] for first in followers for second in followers[::7]]
    for text in texts:
        if _CHARS.search(text) is not None:
            assert _may_have_rare_chars(Document(text).lowered_bytes), ascii(text)
