"""The DUP units' fast paths against their plain line-by-line definition (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.duplication import _ODD_SPACES, fold_spaces, units

# Letters in both cases, digits, punctuation, every odd space the units fold, other white space
# that ``str.split`` knows but the units do not fold alone, and invisible non-printables.
_ALPHABET = (
    "aBéÉz09 .!?:;,…|›•·-«»’" + "".join(_ODD_SPACES) + "\x1c\x1f\x85\u1680\u2000\u200a\u2028\u2029\u205f\u200b\xad"
)


def _reference_units(text: str) -> tuple[list[int], list[str], list[int], list[int]]:
    """The definition: every non-blank line of ``text.split("\\n")`` (a CRLF break's "\\r" is not
    text), stripped, folded when it holds an odd space; a repeat is a key met before."""
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    lines, keys = [], []
    for index, part in enumerate(parts):
        if part.endswith("\r") and (index < len(parts) - 1 or text.endswith("\n")):
            part = part[:-1]
        key = part.strip()
        if not key:
            continue
        if any(space in key for space in _ODD_SPACES):
            key = " ".join(key.split())
        lines.append(index)
        keys.append(key)
    firsts = [keys.index(key) for key in keys]
    repeats = [position for position, first in enumerate(firsts) if first != position]
    return lines, keys, firsts, repeats


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=30), st.sampled_from(_ODD_SPACES))
def test_fold_spaces_is_the_plain_fold(word, space):
    key = (word + space + word).strip()
    if space in key:
        assert fold_spaces(key, space) == " ".join(key.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET + "\r", max_size=12), max_size=8), st.integers(0, 3))
def test_units_are_the_plain_definition(lines, copies):
    # Repeat some lines so that texts with and without repeats are both generated.
    text = "\n".join(lines + lines[:copies])
    items = units(Document(text))
    assert (items.lines, items.keys, items.firsts, items.repeats) == _reference_units(text)


def test_fold_spaces_takes_the_plain_fold_when_other_white_space_is_left():
    assert fold_spaces("a\xa0 b", "\xa0") == "a b"
    assert fold_spaces("a\xa0b\u2028c", "\xa0") == "a b c"
    assert fold_spaces("a\xa0b\xadc", "\xa0") == "a b\xadc"
    assert fold_spaces("a  b\tc", "  ") == "a b c"
