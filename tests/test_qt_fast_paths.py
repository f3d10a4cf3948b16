"""QT003's candidate scan against the whole-text patterns it spares (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.quotes import _CLASSES, _LONE_LL, _LONE_RE, _candidate_scan, _french_pattern

_TOKENS = [
    "l", "L", "d", "D", "j", "m", "n", "s", "t", "c", "C", "qu", "Qu", "jusqu", "lorsqu", "presqu",
    "quelqu", "aujourd", "Aujourd", "hui", "un", "île", "avenir", "OpenAI", "est", "a", "à", "y",
    "é", "Été", "h", "re", "ve", "ll", "don", "it", "I", "we", "x", "5", "’", "'", "-",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", "  ", "\t", "\u00a0", "\n", "\r\n", "\n\n", "", "(", "«", "“", '"', "[", "—", "–", "•"]
_SEPARATORS += [",", ";", ":", "!", "?", ".", "…", "’", "'", "\u2028", "\u202f", "×"]

# Mostly words between separators (so that elisions stand where the pattern looks for them), some
# of them glued.
_PIECE = st.tuples(st.sampled_from(_SEPARATORS), st.sampled_from(_TOKENS)).map("".join)
texts = st.lists(_PIECE | st.sampled_from(_TOKENS), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([None, "fr"]))
def test_no_french_elision_starts_before_the_scan_says(text, language):
    french_from, _ = _candidate_scan(text, Document(text).lowered_bytes, language)
    everywhere = [match.span() for match in _french_pattern().finditer(text)]
    if french_from is None:
        assert everywhere == []
    else:
        assert [match.span() for match in _french_pattern().finditer(text, french_from)] == everywhere


def _find_all(data: bytes, needle: bytes) -> list[int]:
    found, at = [], data.find(needle)
    while at != -1:
        found.append(at)
        at = data.find(needle, at + len(needle) - 1)
    return found


@settings(max_examples=200, deadline=None)
@given(texts)
def test_lone_suffix_scans_find_what_a_find_loop_finds(text):
    lowered = Document(text).lowered_bytes
    classes = lowered.replace("’".encode(), b"'''").translate(_CLASSES)
    assert [match.start() - 1 for match in _LONE_RE.finditer(classes)] == _find_all(classes, b" RE ")
    assert [match.start() - 1 for match in _LONE_LL.finditer(lowered)] == _find_all(lowered, b" ll")
