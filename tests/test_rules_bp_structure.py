"""BP007-BP012: page-structure boilerplate (breadcrumbs, tags, bylines, teasers, menus, credits)."""

from __future__ import annotations

import pytest
from conftest import fix_text, line_of, lint_text, seed_text

from newslint.rules.boilerplate_structure import RULES

CODES = ("BP007", "BP008", "BP009", "BP010", "BP011", "BP012", "BP017")

ARTICLE = (
    "Le patron d’OpenAI a exprimé des doutes sur la décision de ne pas publier ses modèles.\n\n"
    "Lors d’une séance de questions-réponses, il a reconnu que l’entreprise devait changer de cap.\n"
)


def codes(findings):
    return [finding.code for finding in findings]


def spanned(text, finding):
    return text[finding.start : finding.end]


# -- registration and documentation ---------------------------------------------------------------


def test_family_exports_the_seven_rules_enabled_by_default():
    assert sorted(rule.code for rule in RULES) == list(CODES)
    assert all(rule.default_enabled for rule in RULES)


# -- seeds ------------------------------------------------------------------------------------------


def test_seed_002_breadcrumb_byline_and_tags_on_their_lines():
    text = seed_text("002")
    found = [(f.code, line_of(text, f.start), line_of(text, max(f.end - 1, f.start))) for f in lint_text(text, *CODES)]
    assert sorted(found) == [("BP007", 1, 1), ("BP008", 36, 36), ("BP009", 5, 6)]


def test_seed_000_social_teaser_on_line_1_only():
    text = seed_text("000")
    found = lint_text(text, *CODES)
    assert [(f.code, line_of(text, f.start)) for f in found] == [("BP010", 1)]


@pytest.mark.parametrize("seed", ["001", "003", "004"])
def test_seeds_without_page_structure_boilerplate_are_clean(seed):
    assert lint_text(seed_text(seed), *CODES) == []


def test_seed_002_fix_keeps_the_title_and_removes_the_trail():
    fixed = fix_text(seed_text("002"), "BP007")
    assert fixed.splitlines()[0] == "OpenAI face à DeepSeek : un retour à l’open source envisagé"


def test_seed_001_bullet_items_are_not_a_tag_list():
    text = seed_text("001")
    assert "  • Le prochain modèle" in text
    assert lint_text(text, "BP008") == []


# -- BP007 breadcrumb -------------------------------------------------------------------------------


def test_breadcrumb_glued_to_title_spans_only_the_trail():
    text = "Home ActualitéOpenAI face à DeepSeek : un retour envisagé\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP007")
    assert spanned(text, finding) == "Home Actualité"
    assert "Home Actualité" in finding.message


@pytest.mark.parametrize(
    ("line", "trail"),
    [
        (
            "Accueil > Actualités > Monde > OpenAI face à DeepSeek : un retour envisagé",
            "Accueil > Actualités > Monde > ",
        ),
        ("Accueil » Tech » Les géants de l’IA changent de stratégie face à la Chine", "Accueil » Tech » "),
        ("Home / News / World", "Home / News / World"),
    ],
)
def test_breadcrumb_with_separators(line, trail):
    text = line + "\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP007")
    assert spanned(text, finding) == trail


def test_breadcrumb_fix_is_safe_and_keeps_the_title():
    text = "Accueil > Actualités > Monde > OpenAI face à DeepSeek : un retour envisagé\n\n" + ARTICLE
    fixed = fix_text(text, "BP007")
    assert fixed == "OpenAI face à DeepSeek : un retour envisagé\n\n" + ARTICLE


def test_breadcrumb_line_alone_is_deleted_whole():
    text = "Home / News / World\n\n" + ARTICLE
    assert fix_text(text, "BP007") == ARTICLE


@pytest.mark.parametrize(
    "first_line",
    [
        "TechCrunch reports that OpenAI will open its models",  # one nav word glued: a brand
        "HomeKit support arrives on the new devices this week",
        "HOME NEWSOpenAI face à DeepSeek",  # no lower-to-upper boundary
        "Home News OpenAI face à DeepSeek : un retour envisagé",  # no glue, no separator
        "News of the deal spread quickly across the industry.",
        "World leaders / climate summit opens in Paris today and tomorrow",
        "Sam Altman > Elon Musk ? Le duel continue",  # no navigation word first
    ],
)
def test_breadcrumb_near_misses(first_line):
    assert lint_text(first_line + "\n\n" + ARTICLE, "BP007") == []


def test_breadcrumb_only_at_the_start_of_the_text():
    text = ARTICLE + "\n" + "Accueil > Actualités > Monde\n"
    assert lint_text(text, "BP007") == []


# -- BP008 tag-list ---------------------------------------------------------------------------------


def test_tag_list_with_pipes_near_the_end():
    line = "Open Source | OpenAI | DeepSeek | Intelligence Artificielle"
    text = ARTICLE + "\n" + line + "\n"
    (finding,) = lint_text(text, "BP008")
    assert spanned(text, finding) == line
    assert fix_text(text, "BP008", unsafe=True) == ARTICLE


def test_tag_list_is_not_fixed_without_unsafe_fixes():
    text = ARTICLE + "\nOpen Source | OpenAI | DeepSeek\n"
    assert fix_text(text, "BP008") == text


@pytest.mark.parametrize(
    "line", ["Tags: OpenAI, DeepSeek, Sam Altman", "Mots-clés : IA, open source", "Schlagwörter: KI, Open Source"]
)
def test_labelled_tag_lines_anywhere(line):
    text = line + "\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP008")
    assert spanned(text, finding) == line


def test_comma_tag_list_near_the_end():
    text = ARTICLE + "\nintelligence artificielle, openai, deepseek, open source\n"
    assert codes(lint_text(text, "BP008")) == ["BP008"]


@pytest.mark.parametrize(
    "line",
    [
        "  • Le prochain modèle sera publié",  # a bullet item, even with separators inside
        "Paris, Londres et Berlin",  # enumeration with a conjunction
        "Voir, par exemple, le communiqué",  # a sentence broken by the extractor
        "2   Dialogue event, Tullamore, Ireland",  # a row of a table
        "OpenAI | DeepSeek",  # two items only
        "Le modèle est ouvert | il est gratuit | il est rapide",  # verbs
        "Open Source | OpenAI | DeepSeek.",  # final punctuation
    ],
)
def test_tag_list_near_misses(line):
    text = ARTICLE + "\n" + line + "\n"
    assert lint_text(text, "BP008") == []


def test_unlabelled_tag_line_in_the_first_half_is_left_alone():
    text = "Open Source | OpenAI | DeepSeek\n\n" + ARTICLE * 3
    assert lint_text(text, "BP008") == []
    assert codes(lint_text(text, "BP008", BP008={"min-position": 0})) == ["BP008"]


# -- BP009 byline-residue ---------------------------------------------------------------------------


def test_byline_takes_the_place_line_below_it():
    text = "Un titre\n\nby Sara\nFrance\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP009")
    assert spanned(text, finding) == "by Sara\nFrance"
    assert fix_text(text, "BP009", unsafe=True) == "Un titre\n\n" + ARTICLE


@pytest.mark.parametrize(
    "line",
    [
        "Par Jean Dupont",
        "By Jane Doe, Reuters",
        "By LISA MASCARO and ERIC TUCKER",
        "Von Moritz Bachmann",
        "Publié le 3 mars 2025 à 10h12",
        "Mis à jour le 04/03/2025 à 08:15",
        "Updated 2 hours ago",
        "Published 11:11 PM EST Nov 19, 2019",
        "5 min read",
        "Temps de lecture : 3 min",
    ],
)
def test_byline_lines(line):
    text = "Un titre\n\n" + line + "\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP009")
    assert spanned(text, finding) == line


def test_bare_by_line_takes_the_name_and_the_date():
    text = "Un titre\nBy\nMeg James\nStaff Writer\nNov. 19, 2019\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP009")
    assert spanned(text, finding) == "By\nMeg James\nStaff Writer\nNov. 19, 2019"


def test_byline_does_not_take_menu_entries_below_it():
    text = "Un titre\nPublished 7:07 PM EST Nov 19, 2019\nTerms of Service\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP009")
    assert spanned(text, finding) == "Published 7:07 PM EST Nov 19, 2019"


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, OpenAI will publish a model.",
        "Par le protocole d'accord, les parties renoncent à leurs créances",
        "par M. Rasbash et M. Oller.",
        "PAR LES TEMPS QUI COURENT",
        "Updated March 3 to include comments from the company",
        "Publié au Journal officiel, le décret entre en vigueur",
        "(Reporting by Will Dunham; Editing by Tom Brown)",
    ],
)
def test_byline_near_misses(line):
    text = "Un titre\n\n" + line + "\n\n" + ARTICLE
    assert lint_text(text, "BP009") == []


# -- BP010 social-teaser ----------------------------------------------------------------------------


def test_social_teaser_with_emoji_and_hashtags():
    teaser = "L’avenir de l’IA sera-t-il vraiment démocratique? 🤖 #IA"
    text = teaser + "\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP010")
    assert spanned(text, finding) == teaser
    assert "#IA" in finding.message
    assert fix_text(text, "BP010", unsafe=True) == ARTICLE


def test_social_teaser_with_several_hashtags_and_no_emoji():
    text = "OpenAI change de cap #IA #OpenSource\n\n" + ARTICLE
    assert codes(lint_text(text, "BP010")) == ["BP010"]


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI change de cap #IA\n\n" + ARTICLE,  # one hashtag, no emoji
        "Le mouvement #MeToo et #BalanceTonPorc a changé le débat en France.\n\n" + ARTICLE,  # mid-sentence
        ARTICLE + "\nÀ suivre 🤖 #IA #OpenSource\n" + ARTICLE,  # not at the start
        "OpenAI change de cap 🤖 #IA #OpenSource\n",  # nothing after it: the text itself
    ],
)
def test_social_teaser_near_misses(text):
    assert lint_text(text, "BP010") == []


# -- BP011 navigation-run ---------------------------------------------------------------------------


def test_navigation_run_of_menu_labels():
    menu = "News\nWorld\nPolitics\nBusiness"
    text = menu + "\nOpenAI face à DeepSeek : un retour à l’open source envisagé\n" + ARTICLE
    (finding,) = lint_text(text, "BP011")
    assert spanned(text, finding) == menu
    assert "4 menu labels" in finding.message
    assert fix_text(text, "BP011", unsafe=True).startswith("OpenAI face à DeepSeek")


def test_navigation_run_allows_separator_lines_between_labels():
    text = "Accueil\n›\nÉconomie\n›\nSport\n" + ARTICLE
    (finding,) = lint_text(text, "BP011")
    assert spanned(text, finding) == "Accueil\n›\nÉconomie\n›\nSport"


def test_blank_separated_run_needs_a_menu_word():
    assert codes(lint_text("Accueil\n\nÉconomie\n\nSport\n\n" + ARTICLE, "BP011")) == ["BP011"]
    assert lint_text(ARTICLE + "\nBulgarie\n\nEstonie\n\nHongrie\n\n" + ARTICLE, "BP011") == []


@pytest.mark.parametrize(
    "block",
    [
        "Un changement de cap nécessaire",  # one heading between paragraphs
        "Bugs fixed\nChallenges coming soon\nBetter Android support",  # a list, not capitalised as a menu
        "Bulgarie\nEstonie\nHongrie\nTotal\n52,124\n22,063",  # a table column
        "Ticketing\nVIP : 60,000₩\nR : 50,000₩",  # prices
        "Paris.\nLondres.\nBerlin.",  # sentence punctuation
        "News\nWorld",  # two labels only
    ],
)
def test_navigation_run_near_misses(block):
    text = ARTICLE + "\n" + block + "\n\n" + ARTICLE
    assert lint_text(text, "BP011") == []


# -- BP012 photo-credit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Photo : AFP",
        "© Getty Images",
        "Crédit photo : Reuters",
        "Photo by Jane Doe on Unsplash",
        "(Photo: Reuters)",
        "Image: Hanwha Q cells",
        "Illustration : Jean Dupont",
        "Justin Sullivan/Getty Images",
        "Foto: dpa",
    ],
)
def test_photo_credit_lines(line):
    text = ARTICLE + "\n" + line + "\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP012")
    assert spanned(text, finding) == line


def test_photo_credit_fix_deletes_the_line_and_its_spacing():
    text = ARTICLE + "\nPhoto : AFP\n\n" + ARTICLE
    assert fix_text(text, "BP012", unsafe=True) == ARTICLE + "\n" + ARTICLE


@pytest.mark.parametrize(
    "line",
    [
        "© 2019 Guardian News & Media Limited. All rights reserved.",  # copyright footer
        "Photos by the hundreds were posted online after the storm hit the coast yesterday.",
        "Source : Techcrunch",
        "Imagine a recipe that everyone could share",
    ],
)
def test_photo_credit_near_misses(line):
    text = ARTICLE + "\n" + line + "\n\n" + ARTICLE
    assert lint_text(text, "BP012") == []


def test_copyright_line_closing_the_text_is_not_a_photo_credit():
    assert lint_text(ARTICLE + "\n© Reuters\n", "BP012") == []


# -- BP017 page chrome --------------------------------------------------------------------------------

BODY = (
    "The company announced on Tuesday that it would open a new office in Paris next year, its third in Europe after London and Dublin.\n"
    "Its chief executive said the move would bring the team closer to European customers, regulators and research labs in the region.\n"
    "The office will first host about fifty engineers and researchers, and the company plans to double that number by the end of 2026.\n"
)
HEADER = "Accessibility tools\nService tools\nLegal notice\nLanguage selector\n"
FOOTER = "Privacy Policy\nTerms of Use\nSide Bar\nFooter\n"


def test_page_chrome_above_the_article_is_one_finding_spanning_the_run():
    text = HEADER + "Anthropic opens an office in Paris\n" + BODY
    (finding,) = lint_text(text, "BP017")
    assert spanned(text, finding) == HEADER.rstrip("\n")
    assert "above the article" in finding.message and "Accessibility tools" in finding.message


def test_page_chrome_below_the_article_is_flagged():
    text = BODY + "\n" + FOOTER
    (finding,) = lint_text(text, "BP017")
    assert spanned(text, finding) == FOOTER.rstrip("\n")
    assert "below the article" in finding.message


def test_page_chrome_fix_keeps_the_title_and_every_paragraph():
    text = HEADER + "Anthropic opens an office in Paris\n" + BODY + FOOTER
    assert fix_text(text, "BP017", unsafe=True) == "Anthropic opens an office in Paris\n" + BODY


def test_page_chrome_fix_is_unsafe_only():
    text = HEADER + "Anthropic opens an office in Paris\n" + BODY
    assert fix_text(text, "BP017") == text


def test_page_chrome_keeps_a_short_title_ending_the_run_above_the_body():
    # The title (three words or more) nearest above the first paragraph is not chrome, even when
    # it is as short as a label; a lone date line below it is no run either.
    text = HEADER + "Paris office opens\n20 November 2019\n" + BODY
    fixed = fix_text(text, "BP017", unsafe=True)
    assert fixed == "Paris office opens\n20 November 2019\n" + BODY


def test_page_chrome_keeps_a_title_cut_in_pieces_at_the_end_of_the_run():
    text = (
        HEADER + "Structural Funds: Commission agrees\n€ 747 million education and training package for Sweden\n" + BODY
    )
    fixed = fix_text(text, "BP017", unsafe=True)
    assert fixed.startswith("Structural Funds: Commission agrees\n€ 747 million")


def test_section_headings_between_paragraphs_are_not_page_chrome():
    paragraphs = BODY.splitlines()
    text = (
        "\n\n".join([paragraphs[0], "Background", "Reactions", "What comes next", paragraphs[1], paragraphs[2]]) + "\n"
    )
    assert lint_text(text, "BP017") == []


def test_two_short_lines_above_the_article_are_not_a_run():
    text = "by Jane Doe\nLondon\n" + BODY
    assert lint_text(text, "BP017") == []


def test_page_chrome_needs_article_paragraphs():
    text = HEADER + "A short note.\nAnother short note.\n"
    assert lint_text(text, "BP017") == []


def test_lines_with_a_verb_or_final_punctuation_are_not_chrome():
    text = "This is new\nPrices have risen\nIt was late.\nWhy it matters?\n" + BODY
    assert lint_text(text, "BP017") == []


def test_a_cut_paragraph_starts_the_body_and_is_never_chrome():
    # A paragraph cut at its links: its pieces (lower case) are article text, so the body starts
    # at the first of them and nothing below the menu is flagged.
    text = "Home\nNews\nWorld\nThe Steelers spent Monday\ntrying to distance themselves\nfrom the fight\n" + BODY
    (finding,) = lint_text(text, "BP017")
    assert spanned(text, finding) == "Home\nNews\nWorld"


def test_a_table_of_figures_closing_the_article_is_not_a_footer():
    text = BODY + "Total\n3.858.542\n-69.495\n3.789.047\n"
    assert lint_text(text, "BP017") == []


def test_numbered_headings_and_addresses_below_the_article_are_not_chrome():
    text = BODY + "6. Demographics\n7. E-commerce\nhttp://ec.europa.eu/competition\n8. Registrations\n"
    assert lint_text(text, "BP017") == []


def test_page_chrome_options_change_the_run_length():
    text = "Search\nMenu\n" + BODY
    assert lint_text(text, "BP017") == []
    assert codes(lint_text(text, "BP017", BP017={"min-lines": 2})) == ["BP017"]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_page_chrome_never_fires_on_the_seeds(seed):
    assert lint_text(seed_text(seed), "BP017") == []
