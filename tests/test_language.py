"""The function-word language guess: scores and the guess itself."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.language import FUNCTION_WORDS, guess_language, language_scores

_LETTERS = re.compile(r"[^\W\d_]+")


def reference_scores(text: str) -> Counter[str]:
    """The definition: every run of letters of the lower-cased text that is a function word."""
    scores: Counter[str] = Counter()
    for word in _LETTERS.findall(text.lower()):
        for lang, words in FUNCTION_WORDS.items():
            if word in words:
                scores[lang] += 1
    return scores


# Function words glued to punctuation, apostrophes, digits and odd spaces, the cases where
# white-space splitting alone would cut words differently from the runs of letters.
_PIECES = st.sampled_from(
    ["le", "la", "the", "and", "der", "é", "è", "où", "L’", "l'", "d’", "qu'", "2", "_", ",", ".", "«", "»", "-"]
    + [" ", "\n", "\t", "\xa0", "\u2028", "\x1c", "İ", "ß", "A", "Der", "THE"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_scores_count_the_function_words_among_the_runs_of_letters(text):
    assert language_scores(text) == reference_scores(text)


def test_guess_reads_the_dominant_function_words():
    assert guess_language("Le chat est sur la table et il dort dans la cuisine.") == "fr"
    assert guess_language("The cat is on the table and it sleeps in the kitchen.") == "en"
    assert guess_language("Die Katze ist auf dem Tisch und sie schläft in der Küche.") == "de"
    assert guess_language("Apple Microsoft Google Amazon") == "other"


def test_scores_see_words_glued_to_punctuation_and_apostrophes():
    assert language_scores("«Le» l’État (the) et,")["fr"] == 2
    assert language_scores("«Le» l’État (the) et,")["en"] == 1
