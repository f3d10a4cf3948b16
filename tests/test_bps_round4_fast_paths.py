"""Round-4 fast paths of the bpnav family, each against the plain definition kept here.

BP017 reads a memoised chrome word count of each short line (``_chrome_words``) and compares it
with its limits, instead of running the whole test on every line of every page.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules import boilerplate_structure as bs


def _reference_is_chrome(text: str, max_words: int, max_length: int) -> bool:
    """BP017's per-line test as it stood before the memo."""
    if len(text) > max_length:
        return False
    words = text.split()
    if len(words) > max_words:
        return False
    last = text[-1]
    if last in bs._CHROME_END and text not in bs._SEPARATOR_LINES and len(text) > 1:
        return False
    if last == ":" and len(words) > 3:
        return False
    if "://" in text or "www." in text or "@" in text:
        return False
    head = words[0]
    if len(words) > 1 and head[-1] in ".)" and (head[:-1].isdigit() or head[:-1] in bs._ROMAN):
        return False
    return bs._chrome_verbs().isdisjoint(text.casefold().split())


def _memo_is_chrome(text: str, max_words: int, max_length: int) -> bool:
    return len(text) <= max_length and bs._CHROME_WORDS[text] <= max_words


# What a short line is made of: words in both cases, the verbs the rule knows, numbers and numbered
# headings, addresses, the punctuation and separators the test looks at, odd white space.
_PIECES = (
    "Home home NEWS Legal notice is Is IS est ist said We can't 6. III. IV) 12 x. www. http://a.b a@b 1 of 23 Ⅻ. ²)"
    " . ! ? … ; , : \" ” » ) ' ’ | › > / • · - – — é ß İ K"
).split()
_SPACES = [" ", " ", " ", "\t", "\xa0", "\u2003", "\x1c", "\u3000", ""]
_LINES = (
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SPACES)), min_size=1, max_size=9)
    .map(lambda parts: "".join(piece + space for piece, space in parts).strip())
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.integers(1, 6), st.integers(5, 60))
def test_memoised_chrome_count_agrees_with_the_plain_test(text: str, max_words: int, max_length: int) -> None:
    assert _memo_is_chrome(text, max_words, max_length) == _reference_is_chrome(text, max_words, max_length)


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.sampled_from("aZé.:;,!?…|›•-–@/ \t\xa0\u2003\r10IVX"), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
def test_memoised_chrome_count_agrees_on_any_short_line(text: str) -> None:
    for max_words in (1, 3, 4, 5):
        assert _memo_is_chrome(text, max_words, 50) == _reference_is_chrome(text, max_words, 50)


def test_a_line_seen_again_gets_the_same_answer_from_the_memo() -> None:
    bs._CHROME_WORDS.clear()
    for text in ("Legal notice", "This is a sentence", "6. Démographie", "Search"):
        first = _memo_is_chrome(text, 5, 50)
        assert text in bs._CHROME_WORDS
        assert _memo_is_chrome(text, 5, 50) == first == _reference_is_chrome(text, 5, 50)
