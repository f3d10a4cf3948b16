"""Round 4's DUP fast paths against the plain definitions they replace (property tests)."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.duplication import (
    _ODD_SPACES,
    TitleRepeat,
    _quick_ratio,
    _shared_words_ratio,
    _title_relation,
    repeated_title,
    units,
)

# Letters in both cases, digits, white space (the odd spaces, the ideographic one among them, and
# a CJK letter that shares its UTF-8 lead byte), punctuation and the separators titles carry.
_ALPHABET = "aAbBéÉz09 .!?:;,…|›•·-–—«»’\t\xa0\u3000\u3042\u2009" + "".join(_ODD_SPACES)
_WORDS = st.lists(st.sampled_from(["le", "Le", "LE", "budget", "1998", "vote", "ß", "ss", "a"]), max_size=12)


def _reference_title(doc: Document, min_chars: int, max_chars: int, max_prefix_words: int) -> TitleRepeat | None:
    """DUP003's definition without its ``second in first`` gate: the first two units compared."""
    items = units(doc)
    if len(items) < 2:
        return None
    return _title_relation(items.keys[0], items.keys[1], min_chars, max_chars, max_prefix_words)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.just(""), st.sampled_from(["Home Actualité", "Home ›", "le "]), st.text(alphabet=_ALPHABET, max_size=12)
    ),
    st.one_of(
        st.sampled_from(["Stocks fall", "OpenAI face à DeepSeek", "a b"]),
        st.text(alphabet=_ALPHABET, min_size=1, max_size=30),
    ),
    st.one_of(
        st.just(""), st.sampled_from([" – TechCrunch", " | site.fr", ", et"]), st.text(alphabet=_ALPHABET, max_size=12)
    ),
    st.booleans(),
)
def test_repeated_title_gate_keeps_the_definition(before, title, after, same):
    # The second line is built as the first one's start, end or whole, or not, so that every
    # branch of the definition is reached.
    first = before + title + after
    second = title if same else title[::-1]
    doc = Document(f"{first}\n\n{second}\nLa suite du texte.\n")
    assert repeated_title(doc, 2, 180, 4) == _reference_title(Document(doc.text), 2, 180, 4)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "\n", max_size=40))
def test_ideographic_space_gate_never_misses_one(text):
    # The units look for the ideographic space only where its UTF-8 lead byte is.
    doc = Document(text)
    assert "\u3000" not in text or b"\xe3" in doc.lowered_bytes
    assert units(doc).keys == [
        " ".join(line.split()) if any(space in line for space in _ODD_SPACES) else line
        for line in doc.stripped_lines
        if line
    ]


@settings(max_examples=300, deadline=None)
@given(_WORDS, _WORDS)
def test_shared_words_ratio_bounds_difflibs_ratios(words_a, words_b):
    if not words_a and not words_b:
        return
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    assert _shared_words_ratio(words_a, words_b) >= matcher.quick_ratio() >= matcher.ratio()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=40), st.text(alphabet=_ALPHABET, max_size=40))
def test_quick_ratio_is_difflibs(a, b):
    assert _quick_ratio(a, b) == SequenceMatcher(None, a, b, autojunk=False).quick_ratio()
