"""Round 8's DUP fast paths against the plain definitions they replace (property tests)."""

from __future__ import annotations

from difflib import SequenceMatcher
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from test_dup_round7_fast_paths import _ALPHABET, _plain_fold  # the definition, kept once

from newslint import Document
from newslint.rules import duplication
from newslint.rules.duplication import _ODD_SPACES, _fold_lines, _StringMatcher, fold_spaces

# Few letters, so that blocks repeat and tie (the earliest in ``a``, then in ``b``, must win),
# with an accented one, spaces and punctuation, as in the paragraphs DUP004 compares.
_SIMILAR = st.text(alphabet="aAbé .,’", max_size=40)
_DENSE = st.text(alphabet="ab ", max_size=30)  # long blocks at many places: ranges cut them


@settings(max_examples=300, deadline=None)
@given(_SIMILAR, _SIMILAR, st.data())
def test_string_matcher_finds_difflibs_blocks(a, b, data):
    # The longest-match search is now a walk of ``a`` with ``str.find`` in ``b`` instead of
    # difflib's loop over the places of every character: same blocks, so same ratio.
    plain = SequenceMatcher(None, a, b, autojunk=False)
    fast = _StringMatcher(None, a, b, autojunk=False)
    assert fast.get_matching_blocks() == plain.get_matching_blocks()
    assert fast.ratio() == plain.ratio()


@settings(max_examples=300, deadline=None)
@given(_DENSE, _DENSE, st.data())
def test_string_matcher_keeps_a_block_inside_the_ranges(a, b, data):
    # Ranges as difflib's recursion passes them: a block found must not run past ``ahi`` or ``bhi``.
    fast = _StringMatcher(None, a, b, autojunk=False)
    plain = SequenceMatcher(None, a, b, autojunk=False)
    for _ in range(4):
        alo = data.draw(st.integers(0, len(a)))
        ahi = data.draw(st.integers(alo, len(a)))
        blo = data.draw(st.integers(0, len(b)))
        bhi = data.draw(st.integers(blo, len(b)))
        assert fast.find_longest_match(alo, ahi, blo, bhi) == plain.find_longest_match(alo, ahi, blo, bhi)


def test_string_matcher_stops_a_block_at_the_end_of_the_range_of_b():
    a, b = "abcabc", "xabcabcx"
    for blo, bhi in ((0, 3), (1, 4), (1, 5), (2, 8), (4, 7)):
        plain = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, 6, blo, bhi)
        assert _StringMatcher(None, a, b, autojunk=False).find_longest_match(0, 6, blo, bhi) == plain


@settings(max_examples=200, deadline=None)
@given(_SIMILAR, st.integers(0, 40), st.integers(1, 3))
def test_string_matcher_on_a_copy_with_a_chunk_glued_or_cut(text, cut, copies):
    # Near-duplicates: one long block, then the search goes on after it (and its extension must
    # stop at ``ahi``, the end of ``a`` or of the range, not at the end of the string).
    for a, b in ((text, text[:cut] + "x" + text[cut:]), (text * copies, text[cut:] * copies)):
        assert _StringMatcher(None, a, b, autojunk=False).ratio() == SequenceMatcher(None, a, b, autojunk=False).ratio()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aBé.«’", min_size=1, max_size=6), min_size=1, max_size=6), st.data())
def test_fold_spaces_halving_runs_is_the_plain_fold(words, data):
    # Runs of white space of any length between words (plain spaces, the odd space folded and the
    # other white space and invisible characters ``isprintable`` must send to the plain fold).
    space = data.draw(st.sampled_from(_ODD_SPACES))
    gaps = st.text(alphabet=" " + space + "\x85\u2028\xad", min_size=1, max_size=9)
    key = words[0] + "".join(data.draw(gaps) + word for word in words[1:])
    if space in key:
        assert fold_spaces(key, space) == " ".join(key.split())


def test_fold_spaces_halves_runs_of_every_length():
    for space in _ODD_SPACES:
        for run in range(1, 12):
            for key in (f"a{space}{' ' * run}b", f"a{' ' * run}{space}b c", f"a{space * run}b{' ' * run}c"):
                assert fold_spaces(key, space) == " ".join(key.split()), (space, run)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.sampled_from(_ODD_SPACES), st.integers(0, 12))
def test_lines_of_places_bisected_or_counted_are_the_lines_folded(text, space, span):
    # A far place's line is bisected among the lines, a near one's counted: small spans make the
    # short texts take both ways (and the first place either way too).
    document = Document(text)
    place = text.find(space)
    lines = list(document.stripped_lines)
    with mock.patch.object(duplication, "_COUNT_SPAN", span):
        if place >= 0:
            _fold_lines(document, lines, space, place)
    assert lines == _plain_fold(document, space)


def test_lines_of_places_far_apart_in_long_lines_are_folded():
    line = "Une ligne assez longue pour que la place suivante soit loin. " * 12
    text = f"{line}\n\n{line}a\xa0b {line}\n{line}\n  c\xa0d  \n{line}e\xa0\xa0f\n"
    document = Document(text)
    lines = list(document.stripped_lines)
    _fold_lines(document, lines, "\xa0", text.find("\xa0"))
    assert lines == _plain_fold(document, "\xa0")
    assert [line for line in lines if "\xa0" in line] == []
