"""Round-4 fast path of the phrase folding against its plain definition (property test).

``fold`` maps the apostrophes with C-level replaces instead of a ``translate`` table, and the widget
scan's ``quick_fold`` must still equal it on every text.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules import boilerplate as bp
from newslint.rules._data import fold

# Letters in both cases (with case folds that change the length), digits, white space of every
# kind ``strip`` knows, punctuation, separators, every apostrophe ``fold`` maps, line breaks.
_CHARS = "aZéÉàÀüÜßẞçñÑİΣς0189²Ⅻ \t\xa0\u2028\x1c\u3000.!?:;,…|›•·-'’ʼ‘`´\n\r_"

# The plain definition: one kind of apostrophe by a translate table, then case folding and
# words separated by single spaces.
_REFERENCE_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
_REFERENCE_NON_WORD = regex.compile(r"[^\p{L}\p{N}']+")


def reference_fold(text: str) -> str:
    return _REFERENCE_NON_WORD.sub(" ", text.translate(_REFERENCE_APOSTROPHES).casefold()).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=40))
def test_fold_is_the_plain_definition(text):
    assert fold(text) == reference_fold(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=40))
def test_quick_fold_is_fold(text):
    assert bp.quick_fold(text) == fold(text)
