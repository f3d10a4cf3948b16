"""QT: quotation marks and apostrophes (QT001-QT006)."""

from __future__ import annotations

import pytest
from conftest import fix_text, line_of, lint_text, seed_text

QT_CODES = ("QT001", "QT002", "QT003", "QT004", "QT005", "QT006")
DEFAULT_QT = ("QT001", "QT002", "QT003", "QT004", "QT005")

FR = "Le ministre a parlé de la réforme et des retraites dans une interview pour la presse. "


def spans(findings, text):
    return [text[f.start : f.end] for f in findings]


# -- seeds --------------------------------------------------------------------------------------


def test_seed_000_has_exactly_the_five_missing_apostrophes_on_line_1():
    text = seed_text("000")
    findings = lint_text(text, "QT003")
    assert [line_of(text, f.start) for f in findings] == [1] * 5
    assert spans(findings, text) == ["qu ", "l ", "s ", "L ", "l "]
    assert text[findings[0].start : findings[0].end + 6] == "qu OpenAI"


def test_seed_000_fix_inserts_the_typographic_apostrophe():
    fixed = fix_text(seed_text("000"), "QT003")
    first = fixed.splitlines()[0]
    for expected in ("qu’OpenAI", "l’open source", "s’impatiente", "L’avenir", "l’IA"):
        assert expected in first
    assert "qu OpenAI" not in first


def test_seed_000_redirect_notice_apostrophe_is_the_only_qt004():
    text = seed_text("000")
    findings = lint_text(text, "QT004")
    assert [line_of(text, f.start) for f in findings] == [47]
    assert text[findings[0].start - 1 : findings[0].end + 4] == "n'êtes"


def test_seed_004_title_apostrophe_is_the_only_qt004_and_fixes_to_curly():
    text = seed_text("004")
    findings = lint_text(text, "QT004")
    assert len(findings) == 1
    assert line_of(text, findings[0].start) == 1
    assert "d’OpenAI" in fix_text(text, "QT004").splitlines()[0]


def test_seed_002_every_emphasised_quote_is_a_qt005_finding():
    text = seed_text("002")
    findings = lint_text(text, "QT005")
    assert [line_of(text, f.start) for f in findings] == [8, 22, 24, 34, 34]
    assert all(text[f.start : f.start + 2] == "*«" and text[f.end - 2 : f.end] == "»*" for f in findings)


def test_seed_002_fix_removes_asterisks_and_keeps_the_quotes():
    fixed = fix_text(seed_text("002"), "QT005")
    assert "*«" not in fixed and "»*" not in fixed
    assert "déclaré : « Personnellement, je pense" in fixed
    assert "d’open source »." in fixed


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_seeds_001_and_003_have_no_qt_finding(prefix):
    assert lint_text(seed_text(prefix), *QT_CODES) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_seed_has_unbalanced_or_mixed_quotes(prefix):
    assert lint_text(seed_text(prefix), "QT001", "QT002") == []


def test_seed_findings_with_default_rules():
    counts = {}
    for prefix in ("000", "001", "002", "003", "004"):
        for finding in lint_text(seed_text(prefix), *DEFAULT_QT):
            counts[(prefix, finding.code)] = counts.get((prefix, finding.code), 0) + 1
    assert counts == {("000", "QT003"): 5, ("000", "QT004"): 1, ("002", "QT005"): 5, ("004", "QT004"): 1}


# -- QT001 unbalanced-quotes ------------------------------------------------------------------------


def test_unclosed_guillemet_points_at_the_lone_mark():
    text = FR + "Il a déclaré : « Nous devons changer de cap.\n\nLa suite de l’article.\n"
    (finding,) = lint_text(text, "QT001")
    assert text[finding.start : finding.end] == "«"
    assert finding.end - finding.start == 1


def test_closing_curly_quote_without_opening_one():
    text = "The minister said the reform was over” and left the room.\n"
    (finding,) = lint_text(text, "QT001")
    assert text[finding.start] == "”"


def test_odd_straight_quote_is_reported():
    text = 'She said "we will not stop and walked away.\n\nThe next paragraph.\n'
    (finding,) = lint_text(text, "QT001")
    assert text[finding.start] == '"'


def test_multi_paragraph_quote_reopened_with_guillemets_is_fine():
    text = (
        "Il a déclaré : « Nous devons trouver une autre stratégie.\n\n"
        "« Ce n’est pas notre priorité actuelle, mais nous y travaillons.\n\n"
        "« Cela arrivera très bientôt. »\n"
    )
    assert lint_text(text, "QT001") == []


def test_multi_paragraph_quote_closed_in_a_later_paragraph_is_fine():
    text = "He said: “We will win this.\n\nAnd we will win it together.”\n"
    assert lint_text(text, "QT001") == []


def test_quote_split_over_lines_by_the_extractor_is_fine():
    text = "Il a parlé d’un «\nchoc\n», selon lui.\n"
    assert lint_text(text, "QT001") == []


def test_nested_quotes_are_balanced():
    text = "Il a dit : « Le “modèle ouvert” est notre avenir. »\n"
    assert lint_text(text, "QT001") == []


def test_inch_marks_are_not_quotes():
    text = 'The set measures 22" long and 22" wide, and the 70"+ TV costs less. A 27” screen too.\n'
    assert lint_text(text, "QT001") == []


def test_navigation_arrows_are_not_quotes():
    text = "Accueil » Monde » Europe\nLire la suite »\n« Retour\n"
    assert lint_text(text, "QT001", language="fr") == []


def test_german_low_high_quotes_are_balanced():
    text = "Er sagte: „Wir werden das schaffen“ und ging.\n"
    assert lint_text(text, "QT001", language="de") == []


def test_quote_closed_with_another_style_is_one_finding_at_the_opening_mark():
    text = 'He called it “a disaster" and left.\n'
    (finding,) = lint_text(text, "QT001")
    assert text[finding.start] == "“"
    assert "closed with" in finding.message


def test_reversed_closing_quote_is_reported_once():
    text = "Another said: ”Bird flu is coming.”\n"
    (finding,) = lint_text(text, "QT001")
    assert finding.start == text.index("”")
    assert "opening" in finding.message


def test_qt001_has_no_fix():
    text = "Il a déclaré : « Nous devons changer.\n"
    assert fix_text(text, "QT001", unsafe=True) == text


# -- QT002 mixed-quote-styles ---------------------------------------------------------------------


def test_nested_curly_inside_guillemets_is_correct_french():
    text = FR + "Il a dit : « Le “modèle ouvert” est notre avenir » et « rien d’autre ».\n"
    assert lint_text(text, "QT002", language="fr") == []


def test_french_text_with_two_primary_styles_flags_the_minority():
    text = FR + "Il parle du « mauvais côté », de la « priorité » et d’une “erreur”.\n"
    (finding,) = lint_text(text, "QT002", language="fr")
    assert text[finding.start : finding.end] == "“erreur”"


def test_french_mixed_styles_fix_uses_the_document_guillemet_spacing():
    text = FR + "Il parle du « mauvais côté », de la « priorité » et d’une “erreur”.\n"
    fixed = fix_text(text, "QT002", unsafe=True, language="fr")
    assert "d’une « erreur »." in fixed


def test_qt002_fix_is_unsafe_only():
    text = FR + "Il parle du « mauvais côté », de la « priorité » et d’une “erreur”.\n"
    assert fix_text(text, "QT002", language="fr") == text


def test_english_text_mixing_curly_and_straight_quotes():
    text = 'He said “yes” and “no”, then "maybe".\n'
    (finding,) = lint_text(text, "QT002", language="en")
    assert text[finding.start : finding.end] == '"maybe"'
    assert "“maybe”" in fix_text(text, "QT002", unsafe=True, language="en")


def test_single_style_text_is_not_mixed():
    text = 'He said "yes" and "no", then "maybe".\n'
    assert lint_text(text, "QT002", language="en") == []


# -- QT003 missing-apostrophe ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Il pense qu il faut agir.", "qu "),
        ("Elle attend jusqu au soir.", "jusqu "),
        ("Le prix de l essence monte.", "l "),
        ("C est une bonne nouvelle.", "C "),
        ("Il n y a plus rien.", "n "),
        ("Le gouvernement s est engagé.", "s "),
        ("Le chef d orchestre arrive.", "d "),
        ("Le prix de l huile monte.", "l "),
        ("Il a vu quelqu un dehors.", "quelqu "),
        ("Nous en parlerons aujourd hui.", "aujourd "),
    ],
)
def test_french_elision_without_apostrophe(sentence, expected):
    text = FR + sentence + "\n"
    (finding,) = lint_text(text, "QT003", language="fr")
    assert text[finding.start : finding.end] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Les options a, b, c et d sont possibles.",  # a list of letters
        "On prononce le s à la fin du mot.",  # a letter named in the text
        "Il faut 5 l essence et 100 m au moins.",  # units after a number
        "La vitamine D est essentielle au Plan A.",  # capitals mid-sentence are labels
        "J Edgar Hoover dirigeait le FBI.",  # an initial before a name
        "Que va-t-il faire ? A-t-elle répondu ?",  # hyphenated euphonic t
        "Voir https://exemple.fr/l/index et c/o.",  # URL parts
        "Les auteurs J. K. Rowling et J. R. R. Tolkien.",  # initials with periods
    ],
)
def test_french_single_letters_that_are_not_elisions(sentence):
    text = FR + sentence + "\n"
    assert lint_text(text, "QT003", language="fr") == []


def test_euphonic_t_is_not_an_elision_but_n_is():
    text = FR + "Pourquoi le journal n a t il rien dit ?\n"
    assert spans(lint_text(text, "QT003", language="fr"), text) == ["n "]


def test_french_elisions_are_ignored_in_english_documents():
    text = "The river flows past l avenue and the d exit.\n"
    assert lint_text(text, "QT003", language="en") == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("I don t think so.", "don t"),
        ("It s over now.", "It s"),
        ("You can t stop it.", "can t"),
        ("I m here.", "I m"),
        ("We re ready.", "We re"),
        ("They ve left.", "They ve"),
    ],
)
def test_english_contraction_without_apostrophe(sentence, expected):
    text = "The team met on Monday and the coach said this to the players. " + sentence + "\n"
    (finding,) = lint_text(text, "QT003", language="en")
    assert text[finding.start : finding.end] == expected


def test_english_near_misses_do_not_fire():
    text = "Plan B and type A are fine. The word it s-shaped, Vitamin D and the letter s are fine.\n"
    assert lint_text(text, "QT003", language="en") == []


def test_missing_apostrophe_fix_uses_the_straight_apostrophe_when_dominant():
    text = FR + "L'équipe d'Alice pense qu il faut l'aider.\n"
    fixed = fix_text(text, "QT003", language="fr")
    assert "qu'il" in fixed


def test_missing_apostrophe_fix_uses_the_curly_apostrophe_when_dominant():
    text = FR + "L’équipe pense qu il faut l’aider.\n"
    assert "qu’il" in fix_text(text, "QT003", language="fr")


# -- QT004 inconsistent-apostrophes -----------------------------------------------------------------


def test_minority_straight_apostrophe_is_flagged_and_fixed():
    text = "L’équipe d’Alice et l’avis d'Paul.\n"
    findings = lint_text(text, "QT004")
    assert spans(findings, text) == ["'"]
    assert fix_text(text, "QT004") == "L’équipe d’Alice et l’avis d’Paul.\n"


def test_minority_curly_apostrophe_follows_the_majority():
    text = "Don't say it's John's car, it’s Mary's.\n"
    findings = lint_text(text, "QT004")
    assert spans(findings, text) == ["’"]
    assert fix_text(text, "QT004") == "Don't say it's John's car, it's Mary's.\n"


def test_tie_keeps_the_typographic_apostrophe():
    text = "It's here and it’s there.\n"
    assert fix_text(text, "QT004") == "It’s here and it’s there.\n"


def test_single_quotes_used_as_quotation_marks_are_not_apostrophes():
    text = "He called it ‘a disaster’ and the ‘plan’ failed, but it’s fine. 'Quoted' words.\n"
    assert lint_text(text, "QT004") == []


# -- QT005 markup-residue --------------------------------------------------------------------------


def test_bold_and_underscore_markup():
    text = "This is **very important** and __also bold__ and _emphasis_ here.\n"
    findings = lint_text(text, "QT005")
    assert spans(findings, text) == ["**very important**", "__also bold__", "_emphasis_"]
    assert fix_text(text, "QT005") == "This is very important and also bold and emphasis here.\n"


def test_snake_case_and_dunder_names_are_not_markup():
    text = "Call my_var_name or __init__ and read some_file.txt, then 5*3*2 and f*ck.\n"
    assert lint_text(text, "QT005") == []


def test_markdown_link_keeps_text_and_url():
    text = "Voir [le rapport](https://example.org/rapport) pour les détails.\n"
    (finding,) = lint_text(text, "QT005")
    assert text[finding.start : finding.end] == "[le rapport](https://example.org/rapport)"
    assert fix_text(text, "QT005") == "Voir le rapport (https://example.org/rapport) pour les détails.\n"


def test_markdown_heading_marker_is_removed():
    text = "## Les enjeux\n\nLe texte suit.\n"
    (finding,) = lint_text(text, "QT005")
    assert finding.start == 0
    assert fix_text(text, "QT005") == "Les enjeux\n\nLe texte suit.\n"


def test_hashtags_are_not_headings():
    text = "Un message #IA #OpenSource sur le réseau.\n#IA en tête de ligne.\n"
    assert lint_text(text, "QT005") == []


# -- QT006 french-quote-spacing -------------------------------------------------------------------


def test_french_spacing_is_off_by_default():
    text = FR + "Il parle d’un modèle «ouvert». Vraiment?\n"
    assert [f for f in lint_text(text, language="fr") if f.code == "QT006"] == []


def test_french_spacing_flags_and_inserts_narrow_no_break_spaces():
    text = FR + "Il parle d’un modèle «ouvert». Vraiment?\n"
    findings = lint_text(text, "QT006", language="fr")
    assert len(findings) == 3
    fixed = fix_text(text, "QT006", language="fr")
    assert "«\u202fouvert\u202f». Vraiment\u202f?" in fixed


def test_french_spacing_option_uses_no_break_space():
    text = FR + "Vraiment?\n"
    fixed = fix_text(text, "QT006", language="fr", QT006={"space": "no-break"})
    assert "Vraiment\u00a0?" in fixed


def test_french_spacing_leaves_urls_times_ratios_and_emoticons_alone():
    text = FR + "Voir https://exemple.fr/a?b=1 à 10:30, un ratio 3:1 :-) et « déjà espacé » ?\n"
    assert lint_text(text, "QT006", language="fr") == []


def test_french_spacing_ignores_english_documents():
    text = "Is it true? Yes: it is.\n"
    assert lint_text(text, "QT006", language="en") == []


# -- documentation ----------------------------------------------------------------------------------


def test_qt_family_exports_its_six_rules():
    from newslint.rules.quotes import RULES

    assert [rule.code for rule in RULES] == list(QT_CODES)


# -- speed gates: the cheap pre-scans must not change what is found ---------------------------------

GUESSED_FR = FR * 3  # French enough for the language guess


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("L avenir de la presse est incertain. ", "L "),  # at the very start of the text
        ("Il admet qu\u00a0OpenAI a tort. ", "qu\u00a0"),  # a no-break space instead of the apostrophe
        ("Le prix de l\tor monte encore. ", "l\t"),  # a tab instead of the apostrophe
        ("Il a dit : «l avenir est à nous». ", "l "),  # after a guillemet
        ("Le débat—l enjeu de la semaine—continue. ", "l "),  # after a dash
        ("Nous en parlerons aujourd hui même. ", "aujourd "),
    ],
)
def test_french_elision_found_wherever_the_prescan_must_look_with_guessed_language(sentence, expected):
    text = sentence + GUESSED_FR if sentence.startswith("L ") else GUESSED_FR + sentence
    (finding,) = lint_text(text, "QT003")  # language guessed, not forced
    assert text[finding.start : finding.end] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The team said that the players were tired and the coach was not happy. We can t", "can t"),
        ("The team said that the players were tired and the coach was not happy. I don t.", "don t"),
        ("The team said that the players were tired and the coach was not happy. It s (sadly) over.", "It s"),
    ],
)
def test_english_contraction_found_with_guessed_language(text, expected):
    (finding,) = lint_text(text, "QT003")
    assert text[finding.start : finding.end] == expected


def test_french_candidate_in_an_english_text_is_not_reported_with_guessed_language():
    text = "The team said that the players were tired and the coach was not happy with l avenue.\n"
    assert lint_text(text, "QT003") == []


def test_qt_rules_do_not_guess_the_language_of_a_text_with_nothing_to_report():
    from newslint import Document
    from newslint.rules.quotes import RULES

    document = Document("The team met on Monday. “Fine”, said the coach, and it’s over.\n" * 3)
    for rule in RULES[:5]:  # the default-on rules
        assert list(rule().check(document, dict(rule.default_options))) == []
    assert "language" not in document.__dict__


def test_guillemets_pair_or_not_depending_on_the_guessed_language():
    german = "Der Minister sagte, dass die Reform nicht mit den Plänen der Regierung übereinstimmt. "
    text = german * 2 + "»Wir werden das prüfen«, sagte er.\n"
    assert lint_text(text, "QT001") == []  # German »…«: not French guillemets, nothing unbalanced
    text = german * 2 + "Er sagte „Nein« und ging.\n"
    assert [text[f.start] for f in lint_text(text, "QT001")] == ["„"]
    french = FR * 2 + "Il a dit « non » puis « peut-être.\n"
    assert [french[f.start] for f in lint_text(french, "QT001")] == ["«"]


def test_mixed_quote_styles_with_guessed_language():
    text = FR * 2 + "Il parle du « mauvais côté », de la « priorité » et d’une “erreur”.\n"
    (finding,) = lint_text(text, "QT002")
    assert text[finding.start : finding.end] == "“erreur”"
    english = 'The coach said that the team was “ready” and the players were "tired" and "sad".\n'
    (finding,) = lint_text(english, "QT002")
    assert english[finding.start : finding.end] == "“ready”"


def test_quote_pairing_over_several_lines_with_crlf_and_blank_lines():
    text = FR + "« Premier paragraphe de la citation.\r\n\r\n« Suite de la citation. »\r\nFin.\r\n"
    assert lint_text(text, "QT001", language="fr") == []
    text = FR + "« Premier paragraphe de la citation.\r\nAutre ligne.\r\n« Suite de la citation. »\r\n"
    assert [text[f.start] for f in lint_text(text, "QT001", language="fr")] == ["«"]


# -- fast paths (document-level simple pairing, byte-level QT003 scan) ------------------------------


def test_simple_document_analysis_equals_the_general_pairing():
    from newslint import Document
    from newslint.rules import quotes

    text = 'Il a dit « oui » puis “non” et "peut-être" hier.\nLe "porte-parole" a dit « bien ».\n'
    marks = quotes._find_marks(text)
    simple = quotes._simple_document(text, marks, True)
    assert simple is not None
    expected = [
        ("«", "»", "guillemets"),
        ("“", "”", "curly"),
        ('"', '"', "straight"),
        ('"', '"', "straight"),
        ("«", "»", "guillemets"),
    ]
    found, at = [], 0
    for opener, closer, style in expected:
        start = text.index(opener, at)
        at = text.index(closer, start + 1) + 1
        found.append((start, at - 1, style, 0))
    assert [(p.open, p.close, p.style, p.depth) for p in simple] == found
    assert [p.style for p in quotes._simple_document(text, marks, False)] == ["curly", "straight", "straight"]
    # Nested, spread over two lines, or an inch sign: the general pairing decides.
    for other in ("« il a dit “non” »\n", "“une ligne\nune autre”\n", 'Un écran de 27" et "plus"\n'):
        assert quotes._simple_document(other, quotes._find_marks(other), True) is None
    assert quotes.quote_analysis(Document(text)).lone == []


def test_mixed_styles_found_in_a_text_whose_quotes_are_all_simple_pairs():
    english = 'The coach said the team was “ready” and "tired" and "sad" and "done".\n'
    (finding,) = lint_text(english, "QT002", language="en")
    assert english[finding.start : finding.end] == "“ready”"
    assert lint_text(english, "QT001", language="en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FR + "Il a parlé de l\u00a0avenir du pays.\n", "l\u00a0"),
        (FR + "Il ne sait pas jusqu où ira la crise.\n", "jusqu "),
        (FR + "Il a répondu «l avenir est sombre».\n", "l "),
        (FR + "Ce n est pas aujourd hui qu il partira.\n", "n "),
        (FR + "Rien de neuf.\u2028d abord, ceci.\n", "d "),
    ],
)
def test_missing_french_elision_found_by_the_byte_scan(text, expected):
    findings = lint_text(text, "QT003", language="fr")
    assert text[findings[0].start : findings[0].end] == expected


def test_aujourd_hui_with_a_space_is_found_but_not_with_its_apostrophe():
    text = FR + "Le texte sera voté aujourd hui par les députés.\n"
    assert spans(lint_text(text, "QT003", language="fr"), text) == ["aujourd "]
    assert lint_text(FR + "Le texte sera voté aujourd’hui et l’avenir le dira.\n", "QT003", language="fr") == []


def test_english_contraction_found_after_accents_and_before_unusual_punctuation():
    base = "The players were tired and the coach was not happy with the result of the game. "
    text = "Café owners said they don t care.\n" + base
    assert spans(lint_text(text, "QT003", language="en"), text) == ["don t"]
    text = base + "We re here, I ll stay, they ve won and it s “done”—don t×2.\n"
    assert spans(lint_text(text, "QT003", language="en"), text) == ["We re", "I ll", "they ve", "it s", "don t"]
    assert lint_text(base + "The U.S. team and Mr. T said s’il vous plaît.\n", "QT003", language="en") == []
