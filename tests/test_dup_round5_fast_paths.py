"""Round 5's DUP fast paths against the plain definitions they replace (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_dup_fast_paths import _reference_units  # the definition, kept once

from newslint import Document
from newslint.rules.duplication import _ODD_SPACES, DuplicatedParagraph, DuplicatedSection, _long_firsts, units

# Letters in both cases, digits, punctuation and separators, every odd space the units fold (the
# ideographic one and a CJK letter sharing its UTF-8 lead byte among them), other white space
# ``str.split`` knows (tabs, no-break spaces, \x1c, \x85, \u2028...), "\r" and blank lines.
_ALPHABET = (
    "aAbBéÉz09 .!?:;,…|›•·-–—«»’\u3042"
    + "".join(_ODD_SPACES)
    + "\x1c\x1f\x85\u1680\u2000\u200a\u2028\u2029\u205f\u200b\xad\r"
)
_LINES = st.lists(st.text(alphabet=_ALPHABET, max_size=14), max_size=9)


def _texts() -> st.SearchStrategy[str]:
    """Texts with and without repeated lines, "\\n" or "\\r\\n" breaks, with or without a last one."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        lines = draw(_LINES)
        lines += lines[: draw(st.integers(0, 3))]
        return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))

    return build()


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_units_found_from_the_places_of_odd_spaces_are_the_plain_definition(text):
    # The odd spaces are now found by searching the text from line to line (and the repeats by
    # object identity), instead of testing every key for every odd space of the text.
    items = units(Document(text))
    assert (items.lines, items.keys, items.firsts, items.repeats) == _reference_units(text)


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_first_of_holds_each_text_once_with_its_first_unit_in_order(text):
    items = units(Document(text))
    _, keys, firsts, _ = _reference_units(text)
    expected = {key: first for key, first in zip(keys, firsts, strict=True)}
    assert items.first_of == expected
    assert list(items.first_of.values()) == sorted(set(firsts))


@settings(max_examples=300, deadline=None)
@given(_texts(), st.integers(1, 12))
def test_long_firsts_are_the_long_units_met_for_the_first_time(text, min_chars):
    items = units(Document(text))
    _, keys, firsts, _ = _reference_units(text)
    expected = [position for position, key in enumerate(keys) if len(key) >= min_chars and firsts[position] == position]
    assert _long_firsts(items, min_chars) == expected


def test_a_space_only_in_the_stripped_margin_or_the_line_break_folds_nothing():
    text = "a b  \r\n  x\xa0\n\u3000y z\n\tb\u3000c\n"
    assert units(Document(text)).keys == ["a b", "x", "y z", "b c"]


def test_checks_return_lists_whether_or_not_they_find_something():
    # Without a generator: the engine takes a list as it is.
    doc = Document("Un titre\n\nUne ligne.\n")
    for rule in (DuplicatedSection(), DuplicatedParagraph()):
        assert rule.check(doc, rule.options_with_defaults()) == []
    paragraph = "Le conseil municipal a adopté mardi soir le budget de la nouvelle médiathèque, après débat."
    doc = Document(f"{paragraph}\n\nAutre chose.\n\n{paragraph}\n")
    findings = DuplicatedParagraph().check(doc, DuplicatedParagraph.options_with_defaults())
    assert isinstance(findings, list) and len(findings) == 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["Menu", "Accueil", "Sport", "Une longue ligne de texte."]), min_size=1, max_size=4))
def test_repeats_past_the_small_int_cache_are_found_by_identity(menu):
    # Positions above 256 are distinct int objects: a repeat there must still be told from a
    # new text (``is_not`` compares the position objects ``setdefault`` hands back).
    text = "\n".join([f"Ligne {number}" for number in range(300)] + menu + menu)
    items = units(Document(text))
    assert (items.lines, items.keys, items.firsts, items.repeats) == _reference_units(text)
