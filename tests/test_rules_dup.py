"""DUP rules: duplicated sections, paragraphs, titles and near-duplicates."""

from __future__ import annotations

import json
from difflib import SequenceMatcher

import pytest
from click.testing import CliRunner
from conftest import fix_text, line_of, lint_text, make_linter, seed_text

from newslint import Applicability, Document
from newslint.cli import main
from newslint.rules import duplication
from newslint.rules.duplication import (
    DuplicatedParagraph,
    DuplicatedSection,
    NearDuplicateParagraph,
    RepeatedTitle,
    near_duplicates,
    units,
)

DUP_RULES = (DuplicatedSection, DuplicatedParagraph, RepeatedTitle, NearDuplicateParagraph)

# Fixture paragraphs, written for these tests.
P1 = "Le conseil municipal a voté mardi soir le budget de la nouvelle médiathèque, après trois heures de débat."
P2 = "Les travaux doivent commencer au printemps et durer dix-huit mois, selon le calendrier présenté par la mairie."
P3 = "L’opposition dénonce un coût trop élevé et demande un référendum local avant le premier coup de pioche."
P4 = "Le maire assure que les subventions régionales couvriront près de la moitié de la dépense totale prévue."
QUOTE = "« Nous avons besoin d’un lieu ouvert à tous, tous les jours de la semaine », a déclaré la maire."
TITLE = "La médiathèque de Villeneuve verra le jour en 2026"


def doc(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def codes(findings) -> list[str]:
    return [finding.code for finding in findings]


def lines_of(text: str, finding) -> tuple[int, int]:
    return line_of(text, finding.start), line_of(text, finding.end)


# -- rule metadata -----------------------------------------------------------------------------


@pytest.mark.parametrize("rule", DUP_RULES)
def test_dup_rules_are_default_enabled(rule):
    assert rule.default_enabled


def test_dup_fix_applicabilities():
    assert DuplicatedSection.fix_applicability is Applicability.SAFE
    assert DuplicatedParagraph.fix_applicability is Applicability.UNSAFE
    assert RepeatedTitle.fix_applicability is Applicability.SAFE
    assert NearDuplicateParagraph.fix_applicability is None


def test_family_exports_its_five_rules():
    assert [rule.code for rule in duplication.RULES] == ["DUP001", "DUP002", "DUP003", "DUP004", "DUP005"]


# -- shared units ----------------------------------------------------------------------------


def test_units_fold_inner_white_space_and_skip_blank_lines():
    text = "  Un\u00a0titre  à\tplat  \n\n \t\nUn titre à plat\r\nfin"
    items = units(Document(text))
    assert items.lines == [0, 3, 4]
    assert items.keys == ["Un titre à plat", "Un titre à plat", "fin"]
    assert items.firsts == [0, 0, 2]
    assert items.repeats == [1]


# -- DUP001 duplicated-section -------------------------------------------------------------------


def test_seed_001_has_one_duplicated_section_lines_45_to_73():
    text = seed_text("001")
    findings = lint_text(text, "DUP001")
    assert len(findings) == 1
    assert lines_of(text, findings[0]) == (45, 73)
    assert "repeat lines 15-43" in findings[0].message
    assert findings[0].fix.applicability is Applicability.SAFE


def test_seed_001_fix_deletes_the_copy_and_its_blank_line_and_keeps_a_lire_egalement():
    text = seed_text("001")
    lines = text.split("\n")
    fixed = fix_text(text, "DUP001")
    assert fixed == "\n".join(lines[:44] + lines[74:])
    assert fixed.rstrip("\n").endswith("\n\nÀ lire également")
    assert fixed.count("Des modèles toujours plus puissants") == 1


def test_seed_001_recurring_attribution_is_not_reported_by_any_dup_rule():
    text = seed_text("001")
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP001"]
    for number in (19, 33):
        assert text.split("\n")[number - 1] == "– Kevin Weil, Directeur Produit d’OpenAI"
        assert all(not line_of(text, f.start) <= number <= line_of(text, f.end) for f in findings)


def test_duplicated_section_fix_keeps_first_copy():
    text = doc(TITLE, P1, P2, P3, P1, P2, P4)
    findings = lint_text(text, "DUP001")
    assert len(findings) == 1
    assert lines_of(text, findings[0]) == (9, 11)
    assert fix_text(text, "DUP001") == doc(TITLE, P1, P2, P3, P4)


def test_short_repeated_lines_are_not_a_section():
    attribution = "– Jeanne Martin, adjointe à la culture"
    text = doc(QUOTE, attribution, P1, P2.replace("mois", "semaines"), attribution, P3)
    assert lint_text(text, "DUP") == []


# -- DUP002 duplicated-paragraph --------------------------------------------------------------


def test_repeated_paragraph_is_reported_on_the_later_copy():
    text = doc(TITLE, QUOTE, P1, P2, QUOTE, P3)
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP002"]
    assert lines_of(text, findings[0]) == (9, 9)
    assert findings[0].message.startswith("Paragraph repeats line 3: “« Nous avons besoin")
    assert findings[0].fix.applicability is Applicability.UNSAFE


def test_repeated_paragraph_fix_is_unsafe_and_deletes_only_the_repeat():
    text = doc(TITLE, QUOTE, P1, P2, QUOTE, P3)
    assert fix_text(text, "DUP002") == text
    assert fix_text(text, "DUP002", unsafe=True) == doc(TITLE, QUOTE, P1, P2, P3)


def test_repeated_paragraph_matches_across_white_space_differences():
    spaced = QUOTE.replace(" ", "  ", 3).replace("tous les", "tous\u00a0les")
    text = doc(QUOTE, P1, "  " + spaced + " ")
    findings = lint_text(text, "DUP002")
    assert len(findings) == 1 and line_of(text, findings[0].start) == 5


def test_paragraph_below_sixty_characters_is_not_reported():
    short = "Le vote aura lieu le 12 mars à la salle des fêtes."
    assert len(short) < 60
    assert lint_text(doc(short, P1, short, P2), "DUP") == []


def test_repeated_paragraph_min_characters_option():
    short = "Le vote aura lieu le 12 mars à la salle des fêtes."
    findings = lint_text(doc(short, P1, short, P2), "DUP002", DUP002={"min-characters": 40})
    assert codes(findings) == ["DUP002"]


def test_paragraphs_of_a_duplicated_section_are_left_to_dup001():
    text = doc(TITLE, P1, P2, P3, P1, P2, P4)
    assert codes(lint_text(text, "DUP")) == ["DUP001"]
    assert lint_text(seed_text("001"), "DUP002") == []


def test_repeat_too_short_for_a_section_still_reports_its_long_paragraph():
    caption = "Photo : mairie"
    text = doc(QUOTE, caption, P1, QUOTE, caption, P2)
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP002"]
    assert line_of(text, findings[0].start) == 7


def test_paragraph_repeated_three_times_reports_both_repeats():
    text = doc(QUOTE, P1, QUOTE, P2, QUOTE)
    findings = lint_text(text, "DUP002")
    assert [line_of(text, f.start) for f in findings] == [5, 9]
    assert fix_text(text, "DUP002", unsafe=True) == doc(QUOTE, P1, P2)


# -- DUP003 repeated-title -------------------------------------------------------------------


def test_seed_002_title_with_glued_breadcrumb_is_reported_on_lines_1_to_3():
    text = seed_text("002")
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP003"]
    assert lines_of(text, findings[0]) == (1, 3)
    assert "“Home Actualité”" in findings[0].message
    assert findings[0].fix.applicability is Applicability.SAFE


def test_seed_002_fix_keeps_the_clean_title_and_drops_the_breadcrumb_line():
    text = seed_text("002")
    fixed = fix_text(text, "DUP003")
    assert fixed == text.split("\n", 2)[2]
    assert fixed.startswith("OpenAI face à DeepSeek : un retour à l’open source envisagé\n\nby Sara\n")
    assert "Home" not in fixed.split("\n")[0]


def test_identical_title_repeated_keeps_one_copy():
    text = doc(TITLE, TITLE, P1, P2)
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP003"]
    assert lines_of(text, findings[0]) == (1, 3)
    assert fix_text(text, "DUP") == doc(TITLE, P1, P2)


def test_title_with_separated_breadcrumb_prefix():
    text = doc("Accueil › Culture et loisirs › " + TITLE, TITLE, P1)
    findings = lint_text(text, "DUP003")
    assert len(findings) == 1 and "“Accueil › Culture et loisirs ›”" in findings[0].message
    assert fix_text(text, "DUP003") == doc(TITLE, P1)


def test_long_prefixed_title_is_not_also_a_near_duplicate():
    long_title = TITLE + ", malgré l’opposition et un budget revu à la hausse en commission"
    assert len(long_title) >= 100
    text = doc("Home Actualité" + long_title, long_title, P1, P2)
    assert codes(lint_text(text, "DUP")) == ["DUP003"]


def test_long_exact_title_is_not_also_a_repeated_paragraph():
    long_title = TITLE + ", malgré l’opposition"
    assert len(long_title) >= 60
    assert codes(lint_text(doc(long_title, long_title, P1), "DUP")) == ["DUP003"]


def test_prefix_of_too_many_words_is_not_a_breadcrumb():
    text = doc("Le conseil a longuement débattu hier soir : " + TITLE, TITLE, P1)
    assert lint_text(text, "DUP") == []


def test_first_line_ending_inside_a_word_is_not_a_title_copy():
    text = doc("Superbe médiathèque de Villeneuve", "rbe médiathèque de Villeneuve", P1)
    assert lint_text(text, "DUP003") == []
    glued_lowercase = doc("Le projet de la médiathèque de Villeneuve", "médiathèque de Villeneuve", P1)
    assert lint_text(glued_lowercase, "DUP003") == []


def test_site_name_after_a_title_is_not_taken_for_the_repeated_title():
    assert lint_text(doc("Les marchés reculent | Le Journal du Soir", "Le Journal du Soir", P1), "DUP") == []
    assert lint_text(doc("Marchés : recul - Le Journal du Soir", "Le Journal du Soir", P1), "DUP") == []


@pytest.mark.parametrize("site", ["– TechCrunch", "| Le Journal du Soir", "- lemonde.fr"])
def test_title_copy_ending_with_the_site_name_is_reported_with_an_unsafe_fix(site):
    text = doc(f"{TITLE} {site}", TITLE, P1)
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP003"]
    assert f"“{site}”" in findings[0].message
    assert findings[0].fix.applicability is Applicability.UNSAFE
    assert fix_text(text, "DUP003") == text  # the site name may be the only source: not a safe fix
    assert fix_text(text, "DUP003", unsafe=True) == doc(TITLE, P1)


@pytest.mark.parametrize(
    "first",
    [
        TITLE + " – et la ville applaudit",  # the title goes on in lower case
        TITLE + " : le maire répond",  # a colon continues the title
        TITLE + " – Le Journal du Soir de la Région Sud",  # too many words for a site name
        TITLE + "-Le Journal",  # no space before the separator: a hyphenated word
    ],
)
def test_title_copy_followed_by_more_than_a_site_name_is_not_a_repeat(first):
    assert lint_text(doc(first, TITLE, P1), "DUP003") == []


def test_prefix_longer_than_the_title_is_not_a_breadcrumb():
    assert lint_text(doc("Les marchés reculent fortement Le Journal du Soir", "Le Journal du Soir", P1), "DUP003") == []


def test_second_line_that_differs_from_the_title_end_is_not_reported():
    text = doc("Home Actualité" + TITLE, TITLE + " !", P1)
    assert lint_text(text, "DUP003") == []


def test_short_repeated_first_line_is_not_a_title():
    assert lint_text(doc("Actualités", "Actualités", P1), "DUP003") == []


def test_title_repeated_later_is_not_a_repeated_title():
    assert lint_text(doc(TITLE, P1, TITLE, P2), "DUP003") == []


# -- DUP004 near-duplicate-paragraph --------------------------------------------------------------


TEASER = (
    "Après trois heures de débat, le conseil municipal de Villeneuve a adopté mardi soir le budget "
    "de la nouvelle médiathèque, dont les travaux commenceront au printemps."
)


def test_near_duplicate_with_glued_site_name_is_reported_without_fix():
    text = doc(TEASER, P1, P2, TEASER + " - Le Courrier")
    findings = lint_text(text, "DUP")
    assert codes(findings) == ["DUP004"]
    finding = findings[0]
    assert lines_of(text, finding) == (7, 7)
    assert finding.fix is None
    assert "similar to line 1" in finding.message
    assert finding.data["similarity"] >= 0.9


def test_near_duplicate_with_small_edits_is_reported():
    edited = TEASER.replace("mardi soir", "mardi").replace("commenceront", "débuteront")
    findings = lint_text(doc(TEASER, P1, edited), "DUP004")
    assert len(findings) == 1


def test_near_duplicate_with_heading_glued_before_is_reported():
    findings = lint_text(doc(TEASER, P3, "Budget voté" + TEASER), "DUP004")
    assert len(findings) == 1


def test_identical_paragraphs_are_not_near_duplicates():
    assert codes(lint_text(doc(TEASER, P1, TEASER), "DUP")) == ["DUP002"]


def test_rows_that_differ_in_figures_are_not_near_duplicates():
    row = (
        "Au titre de l’année {}, une aide à la réduction d’activité à concurrence de {} millions d’euros est accordée."
    )
    text = doc(row.format(1998, "2,533"), row.format(1999, "2,324"), row.format(2000, "2,556"))
    assert lint_text(text, "DUP004") == []


def test_sentences_that_differ_by_a_name_are_not_near_duplicates():
    row = "Suggestions de {} (comité de suivi) en vue d’élargir la discussion sur la base des constats spécifiques."
    text = doc(row.format("Marie Durand"), P1, row.format("Paul Lemaire"))
    assert lint_text(text, "DUP004") == []


def test_parallel_sentences_with_other_content_words_are_not_near_duplicates():
    tail = " de saisir la Cour de justice européenne vise la France, l’Italie, l’Espagne et la Grèce depuis mars."
    a = "Pour la directive Oiseaux, la décision" + tail
    b = "Pour la directive Habitats, les décisions" + tail.replace("vise", "visent")
    assert lint_text(doc(a, P1, b), "DUP004") == []
    # Same name slot with everything else equal: still parallel text.
    assert lint_text(doc(a, P1, a.replace("Oiseaux", "Habitats")), "DUP004") == []


def test_short_paragraphs_are_not_compared():
    a = "Le conseil municipal a voté le budget de la médiathèque mardi."
    assert lint_text(doc(a, P1, a.replace("mardi", "lundi")), "DUP004") == []


def test_near_duplicate_comparisons_are_capped():
    variants = [TEASER.replace("mardi soir", when) for when in ("mardi soir", "mardi", "hier soir")]
    text = doc(variants[0], variants[1], variants[2])
    assert len(lint_text(text, "DUP004")) == 2
    assert len(lint_text(text, "DUP004", DUP004={"max-comparisons": 1})) == 1


def test_near_duplicates_on_thousands_of_templated_paragraphs_compare_at_most_the_cap(monkeypatch):
    # Same start and end everywhere: every paragraph is a candidate of every other one, so only
    # the comparison cap keeps the work bounded (counted, not timed: speed is bench/'s business).
    paragraphs = [P1[:50] + f" (séance {index}) " + P1[50:] for index in range(3000)]
    document = Document(doc(*paragraphs))
    matchers = []

    def counting_matcher(*args, **kwargs):
        matchers.append(args)
        return SequenceMatcher(*args, **kwargs)

    monkeypatch.setattr(duplication, "SequenceMatcher", counting_matcher)
    assert near_duplicates(document, 100, 0.9, 200) == []  # every pair differs by a figure
    assert 0 < len(matchers) <= 2 * 200  # a word matcher and a character matcher per comparison


# -- seeds -------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_dup_rules_are_silent_on_clean_seeds(prefix):
    assert lint_text(seed_text(prefix), "DUP") == []


def test_default_rules_report_only_expected_dup_findings_on_seeds():
    expected = {"000": [], "001": ["DUP001"], "002": ["DUP003"], "003": [], "004": []}
    for prefix, wanted in expected.items():
        found = [f.code for f in lint_text(seed_text(prefix)) if f.code.startswith("DUP")]
        assert found == wanted, prefix


def test_title_after_space_separated_breadcrumb_is_reported():
    text = doc("Accueil Culture " + TITLE, TITLE, P1)
    findings = lint_text(text, "DUP003")
    assert len(findings) == 1 and "“Accueil Culture”" in findings[0].message


def test_dup004_documented_example_is_reported():
    first = (
        "Le conseil municipal a adopté mardi soir le budget de la nouvelle médiathèque, après trois heures de débat."
    )
    later = "Le conseil municipal a adopté mardi le budget de la nouvelle médiathèque, après trois heures de débat."
    assert first in NearDuplicateParagraph.documentation() and later in NearDuplicateParagraph.documentation()
    findings = lint_text(doc(first, P2, later), "DUP")
    assert codes(findings) == ["DUP004"]


def test_long_paragraph_repeated_between_short_recurring_lines_is_one_section_copy():
    long = "Une phrase assez longue pour former une section à elle seule, " * 4
    text = f"Partager\n{long.strip()}\nPartager\nTexte entre les deux copies.\nPartager\n{long.strip()}\nPartager\n"
    findings = lint_text(text, "DUP001", "DUP002")
    assert [(f.code, f.message) for f in findings] == [
        ("DUP001", "Duplicated section: lines 5-7 repeat lines 1-3 (3 paragraphs)")
    ]


def test_glued_chunk_similarity_is_exactly_difflibs_ratio():
    from difflib import SequenceMatcher

    for copy in (TEASER + " - Le Courrier", "Budget voté" + TEASER, "Mis à jour : " + TEASER):
        (finding,) = lint_text(doc(TEASER, P1, copy), "DUP004")
        expected = SequenceMatcher(None, TEASER, copy, autojunk=False).ratio()
        assert finding.data["similarity"] == round(expected, 3)
        assert f"is {int(expected * 100)}% similar to line 1" in finding.message


def test_anchors_that_match_only_once_casefolded_still_pair_paragraphs():
    # "STRASSE" and "Straße" are one anchor only after casefolding ("ß" folds to "ss").
    first = (
        "STRASSE DER EINHEIT: Der Gemeinderat hat am Dienstagabend nach langer Debatte den Umbau beschlossen, sagte er."
    )
    second = (
        "Straße der Einheit: der Gemeinderat hat am Dienstagabend nach langer Debatte den Umbau beschlossen, sagte er."
    )
    assert first.casefold()[:24] == second.casefold()[:24] and first[:24] != second[:24]
    pairs = near_duplicates(Document(doc(first, P1, second)), 100, 0.5, 200)
    assert [(pair.source, pair.copy) for pair in pairs] == [(0, 2)]


def test_long_paragraphs_without_shared_anchor_or_only_one_long_paragraph_are_never_compared(monkeypatch):
    def no_matcher(*args, **kwargs):
        raise AssertionError("no comparison expected")

    monkeypatch.setattr(duplication, "SequenceMatcher", no_matcher)
    assert near_duplicates(Document(doc(TEASER, P1, P3)), 100, 0.9, 200) == []
    assert near_duplicates(Document(doc(TEASER, "Court.", "Aussi court.")), 100, 0.9, 200) == []


# -- DUP005 template-line ------------------------------------------------------------------------

FOOTER = ("Back to the search results", "Other available languages:")


def crawl(count: int, *footer: str) -> list[Document]:
    """``count`` pages of one site: a different article each, the same footer lines."""
    body = " ".join([P1, P2])
    return [
        Document(f"Article {index}\n\n{body} ({index})\n\n" + "\n\n".join(footer) + "\n", "crawl.jsonl", str(index))
        for index in range(count)
    ]


def lint_run(documents: list[Document], **rule_options: dict) -> list[list]:
    linter = make_linter(("DUP005",), **rule_options)
    corpus = linter.collect_corpus(documents)
    return [linter.lint(document, None, corpus) for document in documents]


def test_lines_shared_by_enough_documents_of_the_run_are_one_template_finding():
    results = lint_run(crawl(5, *FOOTER))
    for document, findings in zip(crawl(5, *FOOTER), results, strict=True):
        assert codes(findings) == ["DUP005"]
        (finding,) = findings
        assert document.text[finding.start : finding.end] == "\n\n".join(FOOTER)
        assert "“Back to the search results” and 1 more, found in 5 documents" in finding.message
        assert finding.fix.applicability is Applicability.UNSAFE


def test_lines_shared_by_fewer_documents_than_the_minimum_are_not_template():
    assert lint_run(crawl(4, *FOOTER)) == [[]] * 4
    assert [codes(f) for f in lint_run(crawl(4, *FOOTER), DUP005={"min-documents": 4})] == [["DUP005"]] * 4


def test_long_shared_lines_are_quoted_text_not_template():
    shared = "A paragraph an agency wrote, that five articles of the run quote in full, word for word."
    assert len(shared) > 60
    assert lint_run(crawl(5, shared), DUP005={"max-line-length": 60}) == [[]] * 5
    assert codes(lint_run(crawl(5, shared))[0]) == ["DUP005"]


def test_template_lines_match_across_white_space_variants():
    documents = crawl(4, *FOOTER) + crawl(1, "Back to the  search results\t", "Other available\xa0languages:")
    assert [len(findings) for findings in lint_run(documents)] == [1] * 5


def test_template_line_rule_is_off_by_default_and_silent_without_a_run():
    assert "DUP005" not in [active.rule.code for active in make_linter().plan().rules]
    assert lint_text(crawl(1, *FOOTER)[0].text, "DUP005") == []


def test_template_line_fix_deletes_the_footer_and_keeps_the_article():
    documents = crawl(6, *FOOTER)
    linter = make_linter(("DUP005",))
    corpus = linter.collect_corpus(documents)
    fixed = linter.fix(documents[0], (Applicability.SAFE, Applicability.UNSAFE), None, corpus).document.text
    assert fixed == documents[0].text.split("\n\nBack to")[0] + "\n"


def test_check_learns_template_lines_from_every_record_of_a_jsonl_run(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text(
        "".join(json.dumps({"id": document.record, "text": document.text}) + "\n" for document in crawl(6, *FOOTER)),
        "utf-8",
    )
    args = [str(path), "--isolated", "--select", "DUP005", "--output-format", "concise"]
    reported = CliRunner().invoke(main, ["check", *args])
    assert reported.exit_code == 1
    assert reported.output.count("DUP005") == 6
    fixed = CliRunner().invoke(main, ["check", *args, "--fix", "--unsafe-fixes"])
    assert fixed.exit_code == 0, fixed.output
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    assert not any("search results" in text for text in texts)
    assert all(text.startswith(f"Article {index}\n") for index, text in enumerate(texts))
