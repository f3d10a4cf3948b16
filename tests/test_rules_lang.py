"""LANG: LANG001 foreign-language-line."""

from __future__ import annotations

import pytest
from conftest import fix_text, line_of, lint_text, seed_text

from newslint.rules.language import ForeignLanguageLine, lexicons, line_language, line_words

FRENCH = (
    "Le patron de la société a exprimé des doutes sur la décision de ne pas publier ses modèles.\n"
    "\n"
    "{line}\n"
    "\n"
    "Il estime que l’entreprise doit revoir sa stratégie dans les prochains mois.\n"
)


def french_with(line: str) -> str:
    return FRENCH.format(line=line)


def test_foreign_line_is_off_by_default():
    assert ForeignLanguageLine.default_enabled is False
    assert "LANG001" not in [f.code for f in lint_text(seed_text("002"))]


@pytest.mark.parametrize(
    "line", ["by Sara", "You may also like", "Leave a Comment", "Home", "Skip to content", "Read more"]
)
def test_foreign_line_flags_english_residue_in_a_french_text(line):
    text = french_with(line)
    (finding,) = lint_text(text, "LANG001", language="fr")
    start = text.index(line)
    assert (finding.start, finding.end) == (start, start + len(line))
    assert finding.message == f"Line in English in a French text: “{line}”"
    assert finding.data["language"] == "en"


def test_foreign_line_unsafe_fix_deletes_the_line_and_its_spacing():
    text = french_with("You may also like")
    fixed = fix_text(text, "LANG001", unsafe=True, language="fr")
    assert fixed == french_with("").replace("\n\n\n\n", "\n\n")
    assert "You may also like" not in fixed
    assert fix_text(text, "LANG001", language="fr") == text  # unsafe: not applied by default


@pytest.mark.parametrize(
    "line",
    [
        "France",  # a name
        "Sam Altman",
        "Source : Techcrunch",  # shared words and a name
        "Photo : Reuters",
        "Open Source",  # loan words
        "« You may also like this, he said »",  # quoted speech
        "“Leave a comment”, a-t-il écrit.",
        "Un modèle d’IA en open source",  # French
        "Su Wei",  # a capitalised function word is part of a name
        "for",  # one function word alone is not a line of its own
        "ède re",  # the tail of a broken word
        "WSJ.com",  # a domain
    ],
)
def test_foreign_line_near_misses_in_a_french_text(line):
    assert lint_text(french_with(line), "LANG001", language="fr") == []


def test_foreign_line_url_is_ignored_but_the_words_around_it_count():
    (finding,) = lint_text(french_with("Read more on www.example.com/read-more"), "LANG001", language="fr")
    assert "Read more" in finding.message


def test_foreign_line_long_lines_are_not_checked():
    line = "You may also like these stories about the company and its founders, and more to come."
    assert len(line) > 80
    assert lint_text(french_with(line), "LANG001", language="fr") == []
    assert len(lint_text(french_with(line), "LANG001", language="fr", LANG001={"max-line-length": 120})) == 1


def test_foreign_line_needs_a_known_document_language():
    text = "Sam Altman\nElon Musk\nby Sara\n"
    assert lint_text(text, "LANG001", language="other") == []


def test_foreign_line_german_residue_in_an_english_text():
    text = (
        "The company said on Monday that it would publish the weights of two models.\n"
        "Der Artikel wurde versandt.\n"
        "Impressum\n"
        "It was the first release of its kind since 2019.\n"
    )
    findings = lint_text(text, "LANG001", language="en")
    assert [line_of(text, f.start) for f in findings] == [2, 3]
    assert all(f.data["language"] == "de" for f in findings)


@pytest.mark.parametrize(
    "line", ["War", "Die Hard", "Come Together", "Car Deals", "Mon 18 Nov 2019", "9:24 pm ET", "al-Tanf"]
)
def test_foreign_line_english_homographs_stay_english(line):
    text = f"The company said on Monday that it would publish its models.\n{line}\nIt was the first release.\n"
    assert lint_text(text, "LANG001", language="en") == []


def test_line_language_scoring_helpers():
    known = lexicons()
    assert {"en", "fr", "de", "es", "it", "pt"} <= set(known)
    assert line_language(line_words("by Sara"), "fr", known) == "en"
    assert line_language(line_words("par Sara"), "fr", known) is None
    assert line_words("ède re") is None
    assert line_words("DE io9 dp3_1_en l'IA Sara Home") == ["Sara", "Home"]


def test_foreign_line_seed_002_flags_lines_5_38_40_only():
    text = seed_text("002")
    findings = lint_text(text, "LANG001")
    assert [line_of(text, f.start) for f in findings] == [5, 38, 40]


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_foreign_line_quiet_on_the_other_seeds(seed):
    assert lint_text(seed_text(seed), "LANG001") == []


def test_foreign_line_documents_why_it_is_off():
    doc = ForeignLanguageLine.documentation()
    assert "Off by default" in doc
    assert ForeignLanguageLine.options_schema["properties"]["max-line-length"]["description"]
