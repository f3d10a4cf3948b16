"""``fold``'s byte-table path against its plain definition (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules import _data
from newslint.rules._data import fold

# Letters in both cases (ASCII, Latin-1, beyond it), Latin-1 signs that are or are not word
# characters (ª µ º ² ¼ × ÷: µ folds to a Greek letter), apostrophes, general punctuation and the
# white space ``str.strip`` knows, "?" (what the Latin-1 encoding writes for the rest), emoji, CJK.
_CHARS = (
    "aZeÉéàÀßÿŸœŒİıΣσς"
    "0189²¼ªµº×÷¡¿«»·"
    "'’ʼ‘`´\"“”„"
    " \t\xa0\u2009\u202f\u200b\u2060\u2028\u2029\x85\x1c\r\n"
    ".,;:!?…–—-|›•_©€™"
    "😀中あ\u0301"
)


def plain_fold(text: str) -> str:
    """The definition: apostrophes read as "'", case-folded, runs of non-word characters (the
    ``regex`` class) replaced by one space, stripped."""
    for apostrophe in _data._APOSTROPHES:
        text = text.replace(apostrophe, "'")
    return _data._NON_WORD.sub(" ", text.casefold()).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=40))
def test_fold_is_the_plain_fold(text):
    assert fold(text) == plain_fold(text)


def test_every_latin1_and_punctuation_character_folds_as_the_regex_says():
    for code in [*range(256), *range(0x2000, 0x2070)]:
        char = chr(code)
        for text in (char, f"a{char}b", f"{char}{char}"):
            assert fold(text) == plain_fold(text), repr(text)


def test_the_byte_table_path_is_taken_for_accented_text():
    # The fast path must actually run on the text it is for (a French line with typographic marks).
    line = "À lire également : « l’économie » – 3 commentaires…"
    assert _data._BEYOND_LATIN1.search(line.casefold()) is None
    assert _data._BEYOND_LATIN1.search("cœur") is not None
