"""LAY: layout rules (LAY001 wall-of-text, LAY002 glued-words, LAY003 whitespace-hygiene,
LAY004 title-case-heading)."""

from __future__ import annotations

import pytest
from conftest import fix_text, line_of, lint_text, seed_text

from newslint.rules.layout import TitleCaseHeading

SEEDS = ("000", "001", "002", "003", "004")


def codes(findings):
    return [finding.code for finding in findings]


# -- LAY001 wall-of-text -----------------------------------------------------------------------

SENTENCE = "Le marché des modèles ouverts progresse vite et les entreprises suivent le mouvement. "


def test_wall_of_text_reports_a_paragraph_of_2000_characters_with_the_line_as_span():
    wall = (SENTENCE * 30).strip()
    assert len(wall) >= 2000
    text = "Titre court\n\n" + wall + "\n\nFin.\n"
    (finding,) = lint_text(text, "LAY001")
    start = text.index(wall)
    assert (finding.start, finding.end) == (start, start + len(wall))
    assert f"{len(wall):,} characters" in finding.message
    assert finding.fix is None


def test_wall_of_text_is_quiet_below_the_limit_and_counts_lines_not_blank_line_paragraphs():
    # Three long lines without blank lines between them: one Document paragraph, three
    # paragraphs of scraped text. None reaches 2,000 characters on its own.
    line = (SENTENCE * 12).strip()
    text = "\n".join([line, line, line]) + "\n"
    assert len(text) > 2000 > len(line)
    assert lint_text(text, "LAY001") == []


def test_wall_of_text_max_length_option():
    line = (SENTENCE * 5).strip()
    assert lint_text(line + "\n", "LAY001") == []
    assert codes(lint_text(line + "\n", "LAY001", LAY001={"max-length": 300})) == ["LAY001"]


def test_wall_of_text_reports_a_glued_inline_heading_in_a_long_paragraph():
    body = (SENTENCE * 8) + "Évaluation : Des experts saluent cette ouverture. " + (SENTENCE * 2)
    (finding,) = lint_text(body.strip() + "\n", "LAY001")
    assert "“Évaluation :”" in finding.message
    assert "glued" in finding.message


def test_wall_of_text_ignores_speech_and_clauses_that_look_like_headings():
    body = (SENTENCE * 8) + "She added: This is a unique opportunity. " + (SENTENCE * 2)
    assert lint_text(body.strip() + "\n", "LAY001") == []
    body = (SENTENCE * 8) + "Rôle de l'agence : Elle aura pour objet notamment. " + (SENTENCE * 2)
    assert lint_text(body.strip() + "\n", "LAY001") == []


def test_wall_of_text_ignores_a_caption_credit():
    body = (SENTENCE * 8) + "Crédit : AFP. " + (SENTENCE * 2)
    assert lint_text(body.strip() + "\n", "LAY001") == []


def test_wall_of_text_ignores_a_label_in_a_short_paragraph():
    text = "Le rapport est publié. Source : Des experts européens.\n"
    assert lint_text(text, "LAY001") == []


def test_wall_of_text_seed_004_has_one_finding_on_line_2_naming_the_glued_heading():
    text = seed_text("004")
    (finding,) = lint_text(text, "LAY001")
    assert line_of(text, finding.start) == 2
    assert "Évaluation :" in finding.message
    second = text.split("\n")[1]
    assert text[finding.start : finding.end] == second  # the whole paragraph


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_wall_of_text_is_quiet_on_the_other_seeds(seed):
    assert lint_text(seed_text(seed), "LAY001") == []


# -- LAY002 glued-words ------------------------------------------------------------------------

GLUED = "Kristi Noem a répondu. South Dakota garde le cap.\nLe portrait de Kristi NoemSouth Dakota, publié hier.\n"


def test_glued_words_reports_two_words_that_stand_alone_elsewhere_with_exact_span():
    (finding,) = lint_text(GLUED, "LAY002")
    start = GLUED.index("NoemSouth")
    assert (finding.start, finding.end) == (start, start + len("NoemSouth"))
    assert "“Noem”" in finding.message and "“South”" in finding.message
    assert finding.data["left"] == "Noem" and finding.data["right"] == "South"


def test_glued_words_unsafe_fix_inserts_a_space():
    fixed = fix_text(GLUED, "LAY002", unsafe=True)
    assert "Kristi Noem South Dakota, publié hier." in fixed
    assert fix_text(GLUED, "LAY002") == GLUED  # unsafe: not applied by default


def test_glued_words_reports_lower_case_left_half():
    text = "Share this on Facebook and on Twitter today.\nFollow us onFacebook for more news.\n"
    (finding,) = lint_text(text, "LAY002")
    assert text[finding.start : finding.end] == "onFacebook"


@pytest.mark.parametrize(
    "word",
    ["OpenAI", "DeepSeek", "YouTube", "PayPal", "LinkedIn", "PlayStation", "WordPress", "JavaScript", "MacBook"],
)
def test_glued_words_ignores_known_brand_spellings_even_when_both_halves_stand_alone(word):
    # Split the brand at its inner capital and make both halves appear alone.
    cut = next(i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper())
    left, right = word[:cut], word[cut:]
    text = f"{left} and {right} are words here. {left.lower()} {right}.\nThe launch by {word} was watched.\n"
    assert lint_text(text, "LAY002") == []


@pytest.mark.parametrize(
    "text",
    [
        "I bought an iPhone. The phone is an i and a Phone.\n",  # one-letter left half
        "Sold on eBay. Bay area, e commerce.\n",
        "McDonald opened. Mc and Donald were there.\n",  # name particle
        "Yann LeCun spoke. Le chercheur Cun.\n",
        "ChatGPT and GPT: chat about it.\n",  # all-capitals right half
        "Write to @NoemSouth or visit www.NoemSouth.com about Noem South.\n",  # handle, domain
        "gpt4Turbo gpt Turbo.\n",  # digits
    ],
)
def test_glued_words_near_misses_do_not_fire(text):
    assert lint_text(text, "LAY002") == []


def test_glued_words_ignores_a_spelling_used_twice():
    text = "WeWork grew fast. We work here; the Work is done. WeWork fell.\n"
    assert lint_text(text, "LAY002") == []


def test_glued_words_ignores_camel_case_whose_halves_do_not_both_stand_alone():
    text = "The BlackRock fund, run from a black tower, grew.\n"
    assert lint_text(text, "LAY002") == []


def test_glued_words_ignores_a_word_that_is_a_whole_line_or_list_item():
    text = "More news and Stuff here.\nMoreStuff\nNASCAR | Indy | MoreStuff\n"
    assert lint_text(text, "LAY002") == []


def test_glued_words_does_not_fire_on_the_seed_002_breadcrumb():
    # "ActualitéOpenAI": "Actualité" stands nowhere else alone, so the document cannot tell it
    # from a name; the breadcrumb line is BP007's business.
    assert lint_text(seed_text("002"), "LAY002") == []


@pytest.mark.parametrize("seed", SEEDS)
def test_glued_words_is_quiet_on_every_seed(seed):
    assert lint_text(seed_text(seed), "LAY002") == []


# -- LAY003 whitespace-hygiene -----------------------------------------------------------------


def test_whitespace_trailing_space_span_and_fix():
    text = "Premier paragraphe.  \nSecond.\n"
    (finding,) = lint_text(text, "LAY003")
    assert (finding.start, finding.end) == (19, 21)
    assert finding.message == "Trailing white space"
    assert fix_text(text, "LAY003") == "Premier paragraphe.\nSecond.\n"


def test_whitespace_on_a_blank_line():
    text = "Un.\n \t\nDeux.\n"
    (finding,) = lint_text(text, "LAY003")
    assert (finding.start, finding.end) == (4, 6)
    assert finding.message == "White space on a blank line"
    assert fix_text(text, "LAY003") == "Un.\n\nDeux.\n"


def test_whitespace_blank_line_run_keeps_one_blank_line():
    text = "Un.\n\n\n\nDeux.\n"
    (finding,) = lint_text(text, "LAY003")
    assert (finding.start, finding.end) == (5, 7)
    assert finding.message == "3 blank lines in a row (at most 1)"
    assert fix_text(text, "LAY003") == "Un.\n\nDeux.\n"


def test_whitespace_blank_line_run_option():
    text = "Un.\n\n\nDeux.\n"
    assert lint_text(text, "LAY003", LAY003={"max-blank-lines": 2}) == []
    assert fix_text(text, "LAY003") == "Un.\n\nDeux.\n"


def test_whitespace_blank_lines_at_start_and_end():
    text = "\n\nUn.\n\n\n"
    findings = lint_text(text, "LAY003")
    messages = {(f.start, f.end): f.message for f in findings}
    assert messages == {
        (0, 2): "2 blank lines at the start of the text",
        (6, 8): "2 blank lines at the end of the text",
    }
    assert fix_text(text, "LAY003") == "Un.\n"


def test_whitespace_missing_final_newline():
    text = "Un.\nDeux."
    (finding,) = lint_text(text, "LAY003")
    assert (finding.start, finding.end) == (9, 9)
    assert finding.message == "No newline at end of text"
    assert fix_text(text, "LAY003") == "Un.\nDeux.\n"


def test_whitespace_mixed_line_ends_minority_crlf():
    text = "Un.\r\nDeux.\nTrois.\n"
    (finding,) = lint_text(text, "LAY003")
    assert (finding.start, finding.end) == (3, 5)
    assert finding.message == "CRLF line end in a text that mostly uses LF"
    assert fix_text(text, "LAY003") == "Un.\nDeux.\nTrois.\n"


def test_whitespace_mixed_line_ends_minority_lf():
    text = "Un.\r\nDeux.\r\nTrois.\n"
    (finding,) = lint_text(text, "LAY003")
    assert (finding.start, finding.end) == (18, 19)
    assert finding.message == "LF line end in a text that mostly uses CRLF"
    assert fix_text(text, "LAY003") == "Un.\r\nDeux.\r\nTrois.\r\n"


def test_whitespace_clean_text_is_quiet():
    assert lint_text("Un.\n\nDeux.\n", "LAY003") == []
    assert lint_text("Un.\r\n\r\nDeux.\r\n", "LAY003") == []


# -- LAY004 title-case-heading -----------------------------------------------------------------


def test_title_case_heading_is_off_by_default():
    assert TitleCaseHeading.default_enabled is False
    assert "LAY004" not in codes(lint_text(seed_text("001")))


def test_title_case_heading_seed_001_line_1_span_and_no_fix():
    text = seed_text("001")
    (finding,) = lint_text(text, "LAY004")
    heading = text.splitlines()[0]
    assert (finding.start, finding.end) == (0, len(heading))
    assert "French" in finding.message
    assert finding.fix is None


@pytest.mark.parametrize(
    "line",
    [
        "Les prochaines étapes pour OpenAI",  # sentence case
        "Dossier Les Echos Week-end",  # a name: "Les" proves nothing
        "Stade Yves Allainmat - Le Moustoir",
        "Open Source | Openai | Deepseek | Intelligence Artificielle | Sam Altman",  # tags
        "Un Changement De Cap Pour Le Groupe.",  # ends as a sentence
    ],
)
def test_title_case_heading_near_misses(line):
    text = line + "\n\nLe patron de la société a expliqué sa stratégie dans un entretien avec la presse.\n"
    assert lint_text(text, "LAY004", language="fr") == []


def test_title_case_heading_not_checked_in_english_or_german():
    text = "OpenAI Opens Its Doors To Open Source: A Strategic Turn\n\nThe company said so.\n"
    assert lint_text(text, "LAY004", language="en") == []


@pytest.mark.parametrize("seed", ["000", "002", "003", "004"])
def test_title_case_heading_quiet_on_other_seeds(seed):
    assert lint_text(seed_text(seed), "LAY004") == []


# -- registration and documentation ----------------------------------------------------------


# -- fast paths (performance round): same findings as the per-line walk ------------------------


def test_blank_runs_count_white_space_only_lines_and_report_each_surplus_run():
    text = "Un.\n\n \n\t\nDeux.\n\nTrois.\n\n\n\nQuatre.\n \n"
    messages = [
        (f.message, text[f.start : f.end]) for f in lint_text(text, "LAY003") if not f.message.startswith("White")
    ]
    assert messages == [
        ("3 blank lines in a row (at most 1)", " \n\t\n"),
        ("3 blank lines in a row (at most 1)", "\n\n"),
        ("1 blank line at the end of the text", " \n"),
    ]


def test_trailing_space_before_crlf_is_found_but_a_lone_carriage_return_hides_it():
    text = "Un mot \r\nDeux\u3000\u2002\r\nTrois \r\rQuatre"
    spans = [(f.start, f.end) for f in lint_text(text, "LAY003") if "white space" in f.message]
    assert spans == [(6, 7), (13, 15)]


def test_glue_points_match_the_unicode_property_definition_on_mixed_scripts():
    from newslint.rules.layout import _GLUE_POINT, _glue_points

    samples = [
        "moreThe onFacebook",  # ASCII
        "publiéLe débutÉté",  # a non-ASCII small letter before a capital, a non-ASCII capital
        "“The” ’S «Le» \xa0A",  # punctuation before a capital is no glue point
        "σΣ ßẞ ǆǄ ǅa ⓐⒶ ªB",  # Greek, sharp s, digraphs, circled letters, ordinal indicator
        "😀aB x𝐀 a\ud83dB",  # astral characters and a lone surrogate shift byte offsets
        "",
        "A",
    ]
    for text in samples:
        assert _glue_points(text) == [match.start() for match in _GLUE_POINT.finditer(text)], text


def test_glued_words_found_after_non_ascii_text_keep_code_point_spans():
    text = "Émile Zoé était là.\n\nSuivez-nous surFacebook et sur Facebook, dit Zoé sur le site.\n"
    findings = lint_text(text, "LAY002")
    assert [text[f.start : f.end] for f in findings] == ["surFacebook"]


def test_glue_points_scan_finds_exactly_what_the_unicode_pattern_finds():
    from newslint.rules.layout import _GLUE_POINT, _glue_points

    samples = [
        "µA xµB moreThe",  # µ is the one small letter of U+0080-U+00BF
        "l’Europe d’OpenAI «\u00a0Nous » a\u00a0B",  # punctuation and NBSP before capitals: no glue
        "ⴀA ℓB ǅA éA ÉtatÉcole ŀA 日本A 𝑎A",  # small letters outside Latin-1, astral, titlecase
        "plain ascii textWith glueHere",
    ]
    for text in samples:
        assert _glue_points(text) == [match.start() for match in _GLUE_POINT.finditer(text)], text


def test_trailing_space_before_crlf_and_at_the_end_without_break_are_found():
    text = "Une ligne. \r\nUne autre ligne.\r\n\u00a0\r\nFin.\t"
    spans = sorted((f.start, f.end) for f in lint_text(text, "LAY003") if "hite space" in f.message)
    assert spans == [(10, 11), (31, 32), (38, 39)]
