"""QT's fast paths of the sixth speed round against the definitions they stand for (property
tests): the quote analysis, which pairs side-by-side quotes without the general pairing and finds
the lines of the marks by bisection, against every line paired by :func:`_pair_paragraph`."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.document import line_bounds
from newslint.rules import quotes

# -- the quote analysis ---------------------------------------------------------------------------

_MARKS = ["«", "»", "“", "”", "„", '"', '"', '"', "“", "”", "«", "»"]
# Whole quotes too, so that many lines hold only side-by-side pairs (the fast path).
_MARKS += ['"mot"', '"mot"', "“mot”", "“mot”", "« mot »", "«mot»", "„mot“", '" mot "', "“mot “", '"', "”mot"]
_WORDS = ["mot", "Il", "dit", "oui", "a", "5", "27", "x", "’", "'", "é", "OK"]
_GLUE = [" ", " ", " ", "", "", "\t", "\u00a0", "\u202f", "\n", "\n", "\n", "\n\n", "\r\n", "\r", "\n" * 30]
_GLUE += [".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "=", "-", "–", "—", "•", "/", "<", ">", "…"]


def _plain_marks(text: str) -> list[tuple[int, str]]:
    return [(offset, char) for offset, char in enumerate(text) if char in quotes._MARK_CHARS]


def _plain_analysis(doc: Document, guillemets: bool) -> quotes.QuoteAnalysis:
    """Every line holding marks paired by the general pairing, then reconciled."""
    text = doc.text
    analysis = quotes.QuoteAnalysis()
    by_line: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for offset, char in _plain_marks(text):
        by_line.setdefault(line_bounds(text, offset), []).append((offset, char))
    if not by_line:
        return analysis
    paragraphs = [
        quotes._pair_paragraph(doc, text.count("\n", 0, start), start, end, marks, guillemets)
        for (start, end), marks in by_line.items()
    ]
    quotes._reconcile(text, paragraphs, analysis)
    return analysis


texts = st.lists(st.sampled_from(_MARKS) | st.sampled_from(_WORDS) | st.sampled_from(_GLUE), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["fr", "en", "de"]), st.booleans())
def test_quote_analysis_equals_the_general_pairing_of_every_line(text, language, guillemets):
    assert quotes._find_marks(text) == _plain_marks(text)
    fast = quotes._analyse(Document(text, language=language), guillemets)
    plain = _plain_analysis(Document(text, language=language), guillemets)
    assert fast.pairs == plain.pairs
    assert fast.lone == plain.lone


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "«", "»"]) | st.sampled_from(_WORDS + [" ", " ", "\n"]), max_size=30))
def test_side_by_side_quotes_on_one_line_are_paired_as_the_general_pairing_pairs_them(pieces):
    text = "".join(pieces).replace("\n", " ")
    marks = quotes._find_marks(text)
    if not marks:
        return
    for guillemets in (True, False):
        pairs = quotes._simple_document(text, marks, guillemets, one_line=True)
        if pairs is None:
            continue
        paragraph = quotes._pair_paragraph(Document(text), 0, 0, len(text), marks, guillemets)
        assert (paragraph.pairs, paragraph.unclosed, paragraph.strays, paragraph.flagged) == (pairs, [], [], [])
        assert paragraph.styles == {pair.style for pair in pairs}


# -- QT003: the elision pattern tried only where the candidate scan says a match may start ---------

_FRENCH_WORDS = ["l", "L", "d", "D", "j", "s", "t", "c", "n", "qu", "Qu", "jusqu", "quelqu", "aujourd", "Aujourd"]
_FRENCH_WORDS += ["avenir", "un", "hui", "est", "île", "a", "à", "y", "il", "Été", "OpenAI", "x", "5", "’", "'"]
_FRENCH_GLUE = [" ", " ", " ", "\t", "\u00a0", "\u202f", "", "\n", "\r\n", "(", "«", "“", '"', "[", "—", "•"]
_FRENCH_GLUE += [",", ";", ":", "!", "?", ".", "…", "’", "\u2028", "\u2003", "é", "ℓ"]
# Whole candidates too: a character before, an elision, a space (or not), the next word.
_ELISIONS = ["l", "L", "d", "j", "s", "t", "c", "C", "qu", "Qu", "jusqu", "lorsqu", "quelqu", "presqu", "aujourd"]
_candidates = st.tuples(
    st.sampled_from(_FRENCH_GLUE),
    st.sampled_from(_ELISIONS),
    st.sampled_from([" ", " ", "\t", "\u00a0", "’", ""]),
    st.sampled_from(["avenir", "un", "hui", "île", "a", "il", "Edgar", "OpenAI", "x"]),
).map("".join)
french_texts = st.lists(st.sampled_from(_FRENCH_WORDS) | st.sampled_from(_FRENCH_GLUE) | _candidates, max_size=40).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(french_texts, st.sampled_from([None, "fr"]))
def test_elision_matches_tried_at_the_scan_starts_are_those_of_the_whole_text(text, language):
    starts: list[int] = []
    french_from, _ = quotes._candidate_scan(text, Document(text).lowered_bytes, language, starts)
    everywhere = [match.span() for match in quotes._french_pattern().finditer(text)]
    if french_from is None:
        assert everywhere == []
    elif starts:
        assert [match.span() for match in quotes._french_matches(text, starts)] == everywhere
    else:
        assert "\u2028" in text or "\u2029" in text
        assert [match.span() for match in quotes._french_pattern().finditer(text, french_from)] == everywhere
    # Recording the starts changes nothing else the scan finds.
    assert quotes._candidate_scan(text, Document(text).lowered_bytes, language) == (french_from, _)
