"""Round-5 fast paths of the BP widget scan against their plain definitions (property tests).

``quick_fold`` folds ASCII text with one ``bytes.translate`` and a split instead of ``re.sub``;
``_first_match`` skips the sources a text does not start like (``str.startswith`` on their literal
starts) before any ``regex`` runs; the scan's trie writes a repeated separator class inside a
branch as ``[…]+``, which parses faster than ``[…][…]*`` and matches the same lines.
"""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from test_bp_fast_paths import widget_texts  # the generator, kept once

from newslint import Document
from newslint.rules import boilerplate as bp

_DATA = bp.widget_data()

# Every ASCII character: letters of both cases, digits, white space of every kind ``strip`` and
# ``split`` know, the control characters ``str.isspace`` also calls space, all punctuation.
_ASCII = "".join(map(chr, range(128)))

# The plain definition of the ASCII fold (the one the fast path replaced).
_ASCII_NON_WORD = re.compile(r"[^a-z0-9']+")


def reference_ascii_fold(text: str) -> str:
    return _ASCII_NON_WORD.sub(" ", text.lower().replace("`", "'")).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ASCII, max_size=40))
def test_quick_fold_of_ascii_text_is_the_plain_definition(text):
    assert bp.quick_fold(text) == reference_ascii_fold(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09 \t\x0b\x0c\x1c\x1f'`_-.,:;!?|", max_size=30))
def test_quick_fold_of_separator_heavy_ascii_text_is_the_plain_definition(text):
    assert bp.quick_fold(text) == reference_ascii_fold(text)


def reference_first_match(key: str, text: str, full: bool) -> str | None:
    """Every source filed under the text's first character, in file order, through ``regex``."""
    for number in _DATA._numbers(key, text[0]):
        compiled = regex.compile(_DATA.sources[number][1], regex.V1)
        if (compiled.fullmatch(text) if full else compiled.match(text)) is not None:
            return _DATA.sources[number][0]
    return None


# The literal starts of the sources (cut short and whole), words that start like them and go on
# otherwise, digits, separators: texts that reach the patterns, and near misses.
_STARTS = sorted({start for starts in _DATA.literal_starts for start in starts})
_PIECES = _STARTS[::3] + [
    "more",
    "more from",
    "read more",
    "related",
    "comments",
    "comment",
    "follow us on twitter",
    "sign up for our newsletter",
    "copyright",
    "all rights reserved",
    "shares",
    "à lire aussi",
    "lire aussi",
    "12",
    "2019",
    "٣",
    "read more: ",
    "see also: ",
    "lire aussi : ",
    "related: ",
    "more: ",
]
_GLUE = [" ", "", ":", " : ", " - ", " – ", "|", "…", "'", "s", "x", "the", " news", " today", " comments", ": a title"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(_PIECES))
    parts = draw(st.lists(st.one_of(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=5))
    return first + "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_first_match_of_patterns_is_the_plain_loop(text):
    folded = bp.quick_fold(text)
    if folded:
        assert _DATA._first_match("patterns", folded, True) == reference_first_match("patterns", folded, True)


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_first_match_of_teasers_is_the_plain_loop(text):
    lowered = text.lower().lstrip(" :-–|…'")
    if lowered:
        assert _DATA._first_match("teasers", lowered, False) == reference_first_match("teasers", lowered, False)


def test_every_literal_start_reaches_its_source():
    # A text made of a source's literal start alone passes its gate: the gate only skips sources.
    for key in ("patterns", "teasers"):
        for number, starts in enumerate(_DATA.literal_starts):
            for start in starts:
                gate, entries = _DATA._sources_for(key, start[0])
                if number in dict(entries):
                    assert gate is None or start.startswith(gate)


def _leading_scanner() -> re.Pattern[bytes]:
    """The scan with every repeated separator class written ``[…][…]*`` (the round-4 form)."""
    source = _DATA.scanner.pattern
    source = source.replace(rb"[^\w\n]+", rb"[^\w\n][^\w\n]*").replace(rb"[^\w\n]{1,4}", rb"[^\w\n][^\w\n]{0,3}")
    return re.compile(source)


_LEADING = _leading_scanner()


@settings(max_examples=300, deadline=None)
@given(widget_texts(4))
def test_the_scan_finds_the_lines_of_its_leading_form(text):
    lowered = Document(text).lowered_bytes
    assert [m.start() for m in _DATA.scanner.finditer(lowered)] == [m.start() for m in _LEADING.finditer(lowered)]


def test_the_scan_writes_inner_separators_as_plain_repeats():
    assert _LEADING.pattern != _DATA.scanner.pattern
    assert len(_DATA.scanner.pattern) < len(_LEADING.pattern)
