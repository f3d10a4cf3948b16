"""Round-7 fast paths of the bpnav family, each against the plain definition kept here.

The BP kind scan (BP008's labelled tags, BP009, BP012) tests a cheap necessary condition of each
kind (``_may_be_kind``) before running the kind's pattern on a line the gate picked: most such
lines are of no kind, and the byline and credit patterns are the family's costliest.
"""

from __future__ import annotations

import string
import sys

import regex
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules import boilerplate_structure as bs


def _reference_line_kind(line: str) -> tuple[str, int, int] | None:
    """The kind scan's classification as it stood: every kind's pattern tried in order."""
    return bs._line_kind(line, may_be=lambda kind, line: True)


def _assert_pretests_keep(line: str) -> None:
    for kind, rule in bs._LINE_KINDS:
        if bs._kind_pattern(rule).match(line) is not None:
            assert bs._may_be_kind(kind, line), (kind, line)
    assert bs._line_kind(line) == _reference_line_kind(line)


# What the kinds' patterns look at: their words in every casing (and with characters that fold to
# theirs: "ſ", "K", "ß", "İ"), names, dates and reading times, the signs of credits and tag lines,
# separators and odd white space (\h and not).
_HEADS = (
    "by By BY par Par PAR von Von por di Di d\u0130 publi\u00e9 Published POSTED updated Updated Last updated"
    " Mis \u00e0 jour mise a jour Ver\u00f6ffentlicht aktualisiert Zuletzt aktualisiert Publicado publicado"
    " Pubblicato aggiornato Atualizado Reading time Estimated reading time Lesezeit Lecture Temps de lecture"
    " Tiempo de lectura Tempo di lettura Tempo de leitura Photo photos PHOTO Photograph Picture Image Images"
    " image source Credit Cr\u00e9dit Cr\u00e9dits photo Illustration Foto Bild Bildquelle Quelle Imagen"
    " Immagine Imagem Tags Tag Topics Keywords Mots-cl\u00e9s \u00c9tiquettes Th\u00e8mes Schlagw\u00f6rter"
    " Etiquetas Argomenti Palavras-chave Filed under Getty Images Shutter\u017ftock i\u017ftoc\u212a Unsplash"
    " ALAMY \u0130STOCK \u0130mage \u00a9 ( [ 5 12 \U00010d45"
).split(" ")
_PIECES = (
    "Jean Dupont Marie-Claire DELAIRE M. Oller Sara X \u00c9lodie O\u2019Neil de la van Reuters AFP CNN Staff"
    " and et y & , : ; . - | / \u2013 \u2014 ( ) [ ] \u00a9 on at le il y a am um el Nov. novembre 19"
    " 20th 2019 2019-11-20 10:12 10h12 a.m. ET 3 5 min mins minutes minuti read de lectura lettura ago"
    " hours Tue., Monday courtesy of via for Getty Images getty images Unsplash Shutterstock iStock Alamy"
    " All rights reserved Copyright is the protocole d\u2019accord \u0662 \u00b2 \u2167 \u0345 \u00df"
).split(" ")
_SPACES = ["", " ", " ", " ", "\t", "\xa0", "\u2003", "\u202f", "\u3000", "\x1c", "\r", "  "]
_LINES = st.tuples(
    st.sampled_from(_SPACES),
    st.sampled_from(["", "", "", "(", "["]),
    st.sampled_from(_HEADS),
    st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_PIECES)), max_size=8),
    st.sampled_from(_SPACES),
).map(lambda parts: "".join(parts[:3]) + "".join(space + piece for space, piece in parts[3]) + parts[4])


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_kind_pretests_never_reject_a_line_of_the_kind(line: str) -> None:
    _assert_pretests_keep(line)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbByYpPrR0\u0662\U00010d45 \t\xa0\r:,.\u00a9-|/&'\u2019\u0345\u017f\u0130", max_size=40))
def test_kind_pretests_on_arbitrary_text(line: str) -> None:
    _assert_pretests_keep(line)


def test_kind_pretests_keep_every_line_of_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").split("\n"):
            _assert_pretests_keep(line)


def test_kind_pretests_keep_every_form_the_patterns_take() -> None:
    # One line for each pattern of the data (the property tests draw from the same words).
    lines = {
        "tags": ["Tags: OpenAI, DeepSeek", " Mots-cl\u00e9s : IA", "Schlagw\u00f6rter:", "Filed under: AI"],
        "byline": [
            "By Jane Doe, Reuters",
            "by X",
            "by:",
            "By :  ",
            "Par Jean Dupont",
            "Von Moritz Bachmann",
            "By Jean DUPONT | AFP.  ",
            "Published Nov 18, 2019",
            "Publi\u00e9 le 3 mars 2025 \u00e0 10h12",
            "Updated 2 hours ago",
            "5 min read",
            "3 Min. Lesezeit",
            "Temps de lecture : 3 min",
            "12 minutos de lectura",
            "\U00010d45 min read",  # a digit newer than this Python's Unicode tables
        ],
        "credit": [
            "Photo : AFP",
            "Cr\u00e9dit photo : Reuters",
            "\u00a9 Getty Images",
            "Photo by Jane Doe on Unsplash",
            "(Photo: Reuters)",
            "Illustration de Jean Dupont",
            "Image source, Getty Images",
            "John Doe/Getty Images",
            "GETTY IMAGES",
            "Shutter\u017ftock",
            "Foto: dpa",
            "\u0130STOCK",  # "İ" taken for "i"
            "\u0130mage by Jean Dupont",
            "i\ufb06ock",  # "ﬆ" taken for "st"
        ],
    }
    for kind, examples in lines.items():
        for line in examples:
            assert bs._line_kind(line) is not None and bs._line_kind(line)[0] == kind, line
            _assert_pretests_keep(line)


def test_pretest_character_tests_cover_the_patterns_characters() -> None:
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    # ``str.lstrip`` takes every \h (so it never stops before the patterns' first word) ...
    assert all(char.isspace() for char in regex.findall(r"\h", everything))
    # ... a pattern's first character, a letter of its words (in any case) or a digit, is alnum
    # or a digit of the patterns' ``\d`` ...
    first = regex.compile(r"[a-z\d]", bs._FLAGS)
    assert all(char.isalnum() or bs._DIGIT.match(char) for char in first.findall(everything))
    # ... and the ASCII digit test and the \d search agree on every character.
    for char in everything:
        assert bs._has_digit(char) == (bs._DIGIT.search(char) is not None), repr(char)
    # A character the patterns' case-blind letters take folds to that letter ("İ" included).
    for letter in string.ascii_lowercase:
        for char in regex.findall(letter, everything, flags=bs._FLAGS):
            assert bs._case_folded(char) == letter, repr(char)


def _without_group_syntax(source: str) -> str:
    """A pattern source without its group openers ("(?:", "(?-i:"), whose colons match nothing."""
    return regex.sub(r"\(\?[-a-zA-Z]*:", "(", source)


def test_every_kind_pattern_of_the_data_has_a_form_the_pretests_know() -> None:
    # The pre-tests are read off data/bpnav/*.toml by hand: a pattern added there in another form
    # (a byline without a date, a credit without a colon) would never run. This makes such an
    # addition fail here, so that its pre-test is written with it.
    words = "|".join(bs._BYLINE_NAME_WORDS)
    name_byline = regex.compile(rf"\^\\h\*(?:(?:{words})|\(\?:(?:{words})(?:\|(?:{words}))*\))\\h")
    credit_start = regex.compile(rf"\^\\h\*(?:\[\(\\\[\]\?\\h\*)?(?:\(\?:)?(?:{'|'.join(bs._CREDIT_WORDS)})")
    for kind, rule in bs._LINE_KINDS:
        sources = bs._raw(rule, "patterns")
        assert sources, rule
        for source in sources:
            bare = _without_group_syntax(source)
            if kind == "tags":
                assert source.endswith(":"), source
            elif kind == "byline":
                dated = "\\d" in source or "{DATE}" in source or "{TIME}" in source
                assert dated or name_byline.match(source), source
            else:
                assert (
                    ":" in bare
                    or "©" in bare
                    or credit_start.match(source)
                    or any(agency in source for agency in bs._CREDIT_AGENCIES)
                ), source
