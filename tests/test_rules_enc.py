"""ENC: mojibake, HTML entities and markup, invisible and replacement characters."""

from __future__ import annotations

import pytest
from conftest import fix_text, lint_text, seed_text

from newslint import Applicability, Severity

CODES = ("ENC001", "ENC002", "ENC003", "ENC004", "ENC005")


def codes(findings):
    return [finding.code for finding in findings]


# -- seeds -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_encoding_finding_on_any_seed(prefix):
    assert lint_text(seed_text(prefix), *CODES) == []


# -- ENC001 mojibake --------------------------------------------------------------------------------


def test_mojibake_segment_is_reported_with_its_repair():
    text = "Le cafÃ© est prÃªt.\n"
    findings = lint_text(text, "ENC001")
    assert [text[f.start : f.end] for f in findings] == ["Ã©", "Ãª"]
    assert findings[0].fix.applicability is Applicability.SAFE
    assert "“é”" in findings[0].message


def test_mojibake_fix_repairs_only_the_mojibake_and_keeps_curly_quotes_and_ligatures():
    text = "Câ€™est lâ€™Ã©tÃ© « vraiment » “chaud” ﬁn ＡＢ.\n"
    assert fix_text(text, "ENC001") == "C’est l’été « vraiment » “chaud” ﬁn ＡＢ.\n"


def test_mojibake_of_a_letter_and_a_space_is_repaired():
    assert fix_text("Rendez-vous Ã  la gare.\n", "ENC001") == "Rendez-vous à la gare.\n"


def test_doubly_encoded_mojibake_is_one_finding():
    text = "Un ÃƒÂ©tÃƒÂ© chaud.\n"
    findings = lint_text(text, "ENC001")
    assert len(findings) == 1
    assert fix_text(text, "ENC001") == "Un été chaud.\n"


def test_windows_1252_punctuation_left_as_c1_control_is_mojibake_not_invisible():
    text = "They don\x92t know.\n"
    assert codes(lint_text(text, "ENC001", "ENC004")) == ["ENC001"]
    assert fix_text(text, "ENC001", "ENC004") == "They don’t know.\n"


@pytest.mark.parametrize(
    "text",
    [
        "São Paulo e Ângela, À bientôt, Ça va, Öl und Äpfel.\n",
        "AMANHÃ É FERIADO EM SÃO PAULO.\n",
        "Crème brûlée, naïve, Zürich, «Élysée» — 20 °C.\n",
        "Le prix : 5 £, soit ½ € de plus.\n",
    ],
)
def test_correct_accented_text_is_not_mojibake(text):
    assert lint_text(text, "ENC001") == []


# -- ENC002 html-entity -----------------------------------------------------------------------------


def test_named_and_numeric_entities_are_flagged_with_exact_spans():
    text = "Tom &amp; Jerry, l&#8217;été et l&#x2019;hiver.\n"
    findings = lint_text(text, "ENC002")
    assert [text[f.start : f.end] for f in findings] == ["&amp;", "&#8217;", "&#x2019;"]


def test_entity_fix_unescapes_and_nbsp_becomes_no_break_space():
    text = "Prix&nbsp;: 5 &euro;, l&#8217;&eacute;t&eacute;.\n"
    assert fix_text(text, "ENC002") == "Prix\u00a0: 5 €, l’été.\n"


def test_adjacent_entities_are_one_finding():
    findings = lint_text("Bonjour&nbsp;&nbsp;&nbsp;tout le monde.\n", "ENC002")
    assert len(findings) == 1


def test_doubly_escaped_entity_is_decoded_completely_by_the_fixer():
    assert fix_text("Tom &amp;amp; Jerry.\n", "ENC002") == "Tom & Jerry.\n"


@pytest.mark.parametrize("text", ["AT&T et R&D.\n", "Fish &chips; &co.\n", "Un &nosuchentity; ici.\n", "A & B.\n"])
def test_ampersands_that_are_not_complete_entities_are_not_flagged(text):
    assert lint_text(text, "ENC002") == []


# -- ENC003 html-markup -----------------------------------------------------------------------------


def test_leftover_tags_are_flagged_and_adjacent_tags_are_one_finding():
    text = "Premier paragraphe.</p><p>Second paragraphe.\n"
    findings = lint_text(text, "ENC003")
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == "</p><p>"
    assert findings[0].fix.applicability is Applicability.UNSAFE


def test_markup_fix_is_unsafe_only():
    text = "Un mot en <b>gras</b> ici.\n"
    assert fix_text(text, "ENC003") == text
    assert fix_text(text, "ENC003", unsafe=True) == "Un mot en gras ici.\n"


def test_br_becomes_a_line_break_and_paragraph_tags_a_paragraph_break():
    text = "Ligne un.<br>Ligne deux.</p><p>Autre paragraphe.\n"
    assert fix_text(text, "ENC003", unsafe=True) == "Ligne un.\nLigne deux.\n\nAutre paragraphe.\n"


def test_script_block_is_removed_with_its_content_and_its_line():
    article = "Le patron d’OpenAI a exprimé des doutes sur la stratégie de l’entreprise.\n"
    text = article + '<script type="text/javascript">var x = 1 < 2;</script>\n' + article
    findings = lint_text(text, "ENC003")
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end].endswith("</script>")
    assert fix_text(text, "ENC003", unsafe=True) == article + article


def test_div_with_attributes_and_comment_are_markup():
    text = 'Texte <div class="ad-slot" data-id=3>pub</div> <!-- tracking --> fin.\n'
    findings = lint_text(text, "ENC003")
    assert [text[f.start : f.end] for f in findings] == ['<div class="ad-slot" data-id=3>', "</div> <!-- tracking -->"]


@pytest.mark.parametrize(
    "text",
    [
        "Si a < b > c alors rien.\n",
        "Je t'aime <3 beaucoup.\n",
        "Écrivez à <john@example.com> ou <https://example.com>.\n",
        "La rubrique <Time> du journal.\n",
        "Si x<a and b>y, on continue.\n",
    ],
)
def test_angle_brackets_that_are_not_markup_are_not_flagged(text):
    assert lint_text(text, "ENC003") == []


def test_entity_inside_a_tag_attribute_is_left_to_the_markup_rule():
    text = '<img src="x.php?a=1&amp;b=2" alt="">\n'
    assert codes(lint_text(text, "ENC002", "ENC003")) == ["ENC003"]


# -- ENC004 invisible-character ---------------------------------------------------------------------


def test_zero_width_space_soft_hyphen_and_bom_are_flagged_and_deleted():
    text = "\ufeffEmmanuel Ma\u200bcron a an\u00adnoncé.\n"
    findings = lint_text(text, "ENC004")
    expected = [text.index(c) for c in "\ufeff\u200b\u00ad"]
    assert [(f.start, f.end) for f in findings] == [(o, o + 1) for o in expected]
    assert fix_text(text, "ENC004") == "Emmanuel Macron a annoncé.\n"


def test_run_of_invisible_characters_is_one_finding():
    findings = lint_text("Bonjour\u200b\u200b\u2060 monde.\n", "ENC004")
    assert len(findings) == 1
    assert "3 invisible characters" in findings[0].message


def test_control_characters_are_flagged_but_tab_newline_and_cr_are_not():
    assert lint_text("Col1\tCol2\r\nLigne.\n", "ENC004") == []
    assert codes(lint_text("Texte\x07 ici.\n", "ENC004")) == ["ENC004"]


def test_terminal_escape_sequence_is_removed_whole():
    assert fix_text("Alerte \x1b[31mrouge\x1b[0m ici.\n", "ENC004") == "Alerte rouge ici.\n"


def test_line_separator_between_words_becomes_a_newline():
    assert fix_text("Première ligne.\u2028Deuxième ligne.\n", "ENC004") == "Première ligne.\nDeuxième ligne.\n"


def test_joiners_in_emoji_and_persian_are_legitimate():
    assert lint_text("La famille 👨\u200d👩\u200d👧 est là.\n", "ENC004") == []
    assert lint_text("می\u200cخواهم بروم.\n", "ENC004") == []


def test_joiner_between_latin_letters_is_flagged():
    text = "Le mot Ma\u200dcron.\n"
    findings = lint_text(text, "ENC004")
    assert [(f.start, f.end) for f in findings] == [(9, 10)]


def test_bidi_controls_flagged_in_latin_text_but_not_in_arabic_or_hebrew():
    assert codes(lint_text("Prix \u202e123\u202c euros.\n", "ENC004")) == ["ENC004", "ENC004"]
    assert lint_text("שלום \u200fworld\u200f עולם.\n", "ENC004") == []


def test_allow_option_keeps_soft_hyphens():
    text = "Not\u00adfall\u00addaten.\n"
    assert len(lint_text(text, "ENC004")) == 2
    assert lint_text(text, "ENC004", ENC004={"allow": ["U+00AD"]}) == []


# -- ENC005 replacement-character -------------------------------------------------------------------


def test_replacement_characters_are_errors_without_fix():
    text = "Le pr\ufffdsident fran\ufffd\ufffdais.\n"
    findings = lint_text(text, "ENC005")
    first, second = text.index("\ufffd"), text.index("\ufffd\ufffd")
    assert [(f.start, f.end) for f in findings] == [(first, first + 1), (second, second + 2)]
    assert all(f.severity is Severity.ERROR and f.fix is None for f in findings)
    assert fix_text(text, "ENC005", unsafe=True) == text


# -- all together ---------------------------------------------------------------------------------


def test_clean_multilingual_text_has_no_encoding_finding():
    text = (
        "Olá, São Paulo! Ângela disse: “até já”.\n"
        "Größe & Gewicht: 5 kg — AT&T, R&D.\n"
        "Il a dit « bonjour » à 20 h, l’été dernier.\n"
        "👍🏽 et 🇫🇷 et 👩‍💻.\n"
    )
    assert lint_text(text, *CODES) == []
