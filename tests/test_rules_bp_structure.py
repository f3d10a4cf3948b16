"""BP007-BP012: page-structure boilerplate (breadcrumbs, tags, bylines, teasers, menus, credits)."""

from __future__ import annotations

import pytest

from newslint.rules.boilerplate_structure import RULES
from conftest import fix_text, line_of, lint_text, seed_text

CODES = ("BP007", "BP008", "BP009", "BP010", "BP011", "BP012")

ARTICLE = (
    "Le patron d’OpenAI a exprimé des doutes sur la décision de ne pas publier ses modèles.\n\n"
    "Lors d’une séance de questions-réponses, il a reconnu que l’entreprise devait changer de cap.\n"
)


def codes(findings):
    return [finding.code for finding in findings]


def spanned(text, finding):
    return text[finding.start : finding.end]


# -- registration and documentation ---------------------------------------------------------------


def test_family_exports_the_six_rules_enabled_by_default():
    assert sorted(rule.code for rule in RULES) == list(CODES)
    assert all(rule.default_enabled for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_documentation_has_the_four_sections_in_order(rule):
    doc = rule.documentation()
    positions = [doc.find(f"## {section}") for section in ("What it does", "Why it matters", "Example", "Fix safety")]
    assert all(position > 0 for position in positions)
    assert positions == sorted(positions)
    assert rule.options_schema["additionalProperties"] is False
    assert all("description" in prop for prop in rule.options_schema["properties"].values())
    assert set(rule.default_options) == set(rule.options_schema["properties"])


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
