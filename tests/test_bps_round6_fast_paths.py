"""Round-6 fast paths of the bpnav family, each against the plain definition kept here.

- BP017 finds the fragments of a sentence above and below the article with one ``re`` scan of the
  zone (``_fragments``) instead of testing every line, and reads the count of line breaks off the
  lines instead of scanning the text.
- BP008 scans a text holding a single kind of list separator with a gate led by that literal.
- BP011's title test is a loop instead of ``all()`` over a generator.
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules import boilerplate_structure as bs

# The characters the fast paths look at: letters in both cases (ASCII and not), digits, the
# punctuation that starts or continues a sentence, list separators, odd white space, line breaks.
_ALPHABET = "aAbBzZéÉßİıǅ09 \t\xa0\u2003\u3000\x1c\x85\r\n.,;:!?…'’\"“”«»()[]|•·›-–—#©"
_TEXTS = st.text(alphabet=_ALPHABET, max_size=120)
# Lines made of a lead-in of white space, a first word and more words: what decides a fragment.
_FIRST_WORDS = [
    "trying",
    "éenne",
    "iPhone",
    "ǅx",
    "ßa",
    "Home",
    "É",
    "1",
    ",",
    ";",
    "'",
    "’",
    ")",
    "]",
    "(",
    "«",
    "-",
    "|",
]
_LINE = st.tuples(
    st.sampled_from(["", " ", "\t", "\xa0", "\u3000", "\x1c", "\r"]),
    st.sampled_from(_FIRST_WORDS),
    st.sampled_from([" ", " ", "", "\t", "\xa0"]),
    st.text(alphabet=_ALPHABET.replace("\n", ""), max_size=12),
).map("".join)
_LINE_TEXTS = st.lists(_LINE | st.text(alphabet=_ALPHABET.replace("\n", ""), max_size=8), max_size=12).map("\n".join)


def _reference_fragments(doc: Document, first: int, stop: int) -> list[int]:
    """BP017's loops as they stood: every line of the zone tested."""
    return [index for index in range(first, stop) if bs._is_fragment(doc.lines[index].text)]


@settings(max_examples=300, deadline=None)
@given(_LINE_TEXTS | _LINE_TEXTS | _TEXTS, st.data())
def test_fragment_scan_finds_the_lines_the_plain_test_finds(text: str, data: st.DataObject) -> None:
    doc = Document(text, "t.txt")
    count = len(doc.lines)
    first = data.draw(st.integers(0, min(count, 2)))
    stop = data.draw(st.just(count) | st.integers(first, count))
    assert list(bs._fragments(doc, first, stop)) == _reference_fragments(doc, first, stop)


def test_fragment_head_leaves_out_only_characters_that_cannot_start_a_fragment() -> None:
    # Every code point: the class may leave out a character only when it is white space (which
    # ``str.lstrip`` takes away, as ``[^\S\n]*`` does) or can neither be a lower-case start nor
    # a mark that continues a sentence.
    head = bs._FRAGMENT_HEAD
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        picked = head.match("\n" + char) is not None
        skipped = not picked and head.match("\n" + char + "a") is not None
        assert skipped == (char.isspace() and char != "\n"), repr(char)
        assert picked or char.isspace() or not (char.islower() or char in ",;'’)]"), repr(char)


@settings(max_examples=300, deadline=None)
@given(_TEXTS.filter(bool))
def test_line_break_count_read_off_the_lines(text: str) -> None:
    doc = Document(text, "t.txt")
    assert doc.line_break_count == text.count("\n")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from("|•·"),
    st.text(alphabet="ab Z1.,\n\t", max_size=30),
    # Items around the gate's 48-character limit too.
    st.lists(st.text(alphabet="ab Z1.,\n\t", max_size=60) | st.integers(46, 50).map("x".__mul__), max_size=6),
    st.integers(0, 40),
)
def test_literal_led_pipe_gate_finds_what_the_class_gate_finds(sep: str, head: str, items: list[str], pos: int) -> None:
    text = head + sep.join(items)
    gate = bs._pipe_gate(sep)
    assert [m.span() for m in gate.finditer(text, pos)] == [m.span() for m in bs._PIPE_GATE.finditer(text, pos)]


def test_pipe_gate_keeps_the_class_for_several_separators() -> None:
    assert bs._pipe_gate("|•") is bs._PIPE_GATE
    assert bs._pipe_gate("|").pattern.startswith(r"\|")


def _reference_is_title_like(text: str) -> bool:
    if not text[0].isupper():
        return False
    if " " not in text:
        return True
    return all(word[0].isupper() or len(word) <= 3 or not word[0].isalpha() for word in text.split()[1:])


_LABEL_WORDS = ["US", "Canada", "canada", "&", "of", "the", "news", "Éco", "économie", "1st", "9am", "iPhone", "(Beta)"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_LABEL_WORDS), st.sampled_from([" ", " ", "\t", "\xa0", "  "])),
        min_size=1,
        max_size=4,
    )
)
def test_title_test_loop_agrees_with_the_generator(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in parts).strip()
    assert bs._enough_title_like([text], 1) == _reference_is_title_like(text)
