"""BP001-BP006 and BP013: redirect notices, widgets and truncation markers (rules/boilerplate.py)."""

from __future__ import annotations

import pytest
from conftest import fix_text, line_of, lint_text, seed_text

from newslint.rules._data import phrases
from newslint.rules.boilerplate import (
    WIDGET_RULES,
    CommentsWidget,
    _split_alternatives,
    pattern_heads,
    widget_data,
)

WIDGET_CODES = ("BP002", "BP003", "BP004", "BP005", "BP006", "BP013")
ARTICLE = (
    "Le patron d’OpenAI a exprimé des doutes sur la stratégie de l’entreprise.\n"
    "\n"
    "Lors d’une séance de questions-réponses, il a reconnu une erreur historique.\n"
)


def codes(text: str, *select: str) -> list[tuple[str, int]]:
    """(code, 1-based line) of every finding."""
    return [(f.code, line_of(text, f.start)) for f in lint_text(text, *(select or WIDGET_CODES))]


# -- BP001 redirect-notice -----------------------------------------------------------------------


def test_redirect_notice_seed_000_is_one_finding_on_lines_45_to_47():
    text = seed_text("000")
    findings = lint_text(text, "BP001")
    assert len(findings) == 1
    finding = findings[0]
    assert line_of(text, finding.start) == 45
    assert line_of(text, finding.end) == 47
    assert text[finding.start : finding.end].startswith("Redirection en cours")


def test_redirect_notice_fix_deletes_notice_and_blank_line_before():
    text = seed_text("000")
    fixed = fix_text(text, "BP001")
    assert fixed.endswith("le plus longtemps possible.\n")
    assert "Redirection" not in fixed and "redirigé" not in fixed
    assert fixed == text[: text.index("Redirection en cours")].rstrip("\n") + "\n"


def test_redirect_notice_ignores_article_sentence_about_redirection():
    text = ARTICLE + "Le ministère a annoncé la redirection des crédits vers la recherche publique.\n"
    assert lint_text(text, "BP001") == []


# -- seeds ---------------------------------------------------------------------------------------


def test_seed_001_last_line_is_related_content_heading():
    text = seed_text("001")
    assert codes(text) == [("BP002", 75)]


def test_seed_001_fix_removes_the_heading_and_keeps_the_article():
    text = seed_text("001")
    fixed = fix_text(text, "BP002")
    assert fixed.endswith("pour le bénéfice de tous.\n")
    assert "À lire également" not in fixed


def test_seed_002_related_heading_and_comment_widget():
    text = seed_text("002")
    assert codes(text) == [("BP002", 38), ("BP003", 40)]


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_seeds_without_widgets_stay_clean(prefix):
    assert codes(seed_text(prefix)) == []


# -- BP002 related-content -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "À lire également",
        "A lire aussi :",
        "Sur le même sujet",
        "You may also like",
        "Related articles",
        "Recommended for you",
        "More from Jason Cipriani",
        "MOST READ",
        "Read more",
        "Lire aussi : Les clés pour comprendre la réforme",
        "READ MORE: China plague outbreak confirmed in Beijing",
        "[Related: Salesforce keynote and protesters]",
    ],
)
def test_related_content_flags_whole_widget_lines(line):
    text = ARTICLE + "\n" + line + "\n\n" + ARTICLE
    assert codes(text) == [("BP002", 5)]


@pytest.mark.parametrize(
    "line",
    [
        "Readers who want to read more about the case can consult the court's ruling online.",
        "Read more books, the minister told the students.",
        "UP NEXT",  # an AP game story's own section
        "Related to the case, three people were arrested.",
    ],
)
def test_related_content_ignores_article_lines(line):
    assert codes(ARTICLE + line + "\n") == []


def test_related_content_span_is_the_line_and_fix_keeps_article():
    text = ARTICLE + "\nYou may also like\n\n" + ARTICLE
    (finding,) = lint_text(text, "BP002")
    assert text[finding.start : finding.end] == "You may also like"
    assert "“You may also like”" in finding.message
    assert fix_text(text, "BP002") == ARTICLE + "\n" + ARTICLE


# -- BP003 comments-widget -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Comment",
        "Laisser un commentaire",
        "0 commentaire",
        "12 comments",
        "Post a comment",
        "Comments are closed.",
        "Ajouter un commentaire",
        "(42) Comments",
    ],
)
def test_comments_widget_flags_widget_lines(line):
    assert codes(ARTICLE + line + "\nSuite de l’article, bien entendu.\n") == [("BP003", 4)]


def test_comments_widget_ignores_declined_to_comment():
    text = ARTICLE + "A spokeswoman for Neumann declined to comment.\nComment ne pas y voir un tournant ?\n"
    assert codes(text) == []


def test_comments_widget_consecutive_lines_are_one_finding_and_fix_deletes_them():
    text = ARTICLE + "\n3 comments\n\nLeave a Reply\nYour email address will not be published.\n"
    findings = lint_text(text, "BP003")
    assert len(findings) == 1
    assert "(+" not in findings[0].message and "“3 comments”" in findings[0].message
    assert fix_text(text, "BP003") == ARTICLE


# -- BP004 share-widget ----------------------------------------------------------------------------


def test_share_widget_run_of_labels_is_one_finding():
    text = "Partager\nFacebook\nTwitter\nE-mail\n" + ARTICLE
    findings = lint_text(text, "BP004")
    assert [(line_of(text, f.start), line_of(text, f.end)) for f in findings] == [(1, 4)]
    assert fix_text(text, "BP004") == ARTICLE


@pytest.mark.parametrize("line", ["Facebook Twitter LinkedIn", "Share on Facebook", "Tweet", "Copy link", "12 shares"])
def test_share_widget_flags_label_lines(line):
    assert codes(ARTICLE + line + "\n" + ARTICLE) == [("BP004", 4)]


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE + "Facebook\n" + ARTICLE,  # a lone network name may be a follow link: not enough
        ARTICLE + "1. Facebook\n2. Apple\n",  # a ranking, not buttons
        ARTICLE + "DONNEZ, PARTAGEZ, INVESTISSEZ DANS LA LUTTE !\n",
        ARTICLE + "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.\n",
        ARTICLE + "Share prices fell 3% on Tuesday.\n",
    ],
)
def test_share_widget_ignores_article_lines(text):
    assert codes(text, "BP004") == []


# -- BP005 subscription-prompt ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Abonnez-vous",
        "Cet article est réservé aux abonnés",
        "Sign up for our newsletter",
        "Subscribe now",
        "Il vous reste 80 % de cet article à lire.",
        "Subscribe to the Morning Review newsletter",
    ],
)
def test_subscription_prompt_flags_prompt_lines(line):
    assert codes(ARTICLE + line + "\n" + ARTICLE) == [("BP005", 4)]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for a Hulu ad-free account for $11.99 a month",
        "Sign up for the Disney+ bundle using the same email as your Hulu account",
        "The newsletter, launched in 2019, now reaches two million readers every week.",
        "Abonnez-vous à la réalité, disait-il souvent à ses étudiants en riant beaucoup trop fort.",
    ],
)
def test_subscription_prompt_ignores_article_sentences(line):
    assert codes(ARTICLE + line + "\n", "BP005") == []


def test_subscription_prompt_paywall_form_lines_go_with_the_prompt():
    text = ARTICLE + "Pour lire la suite\ncréez votre compte\nOu si vous avez déjà un compte,\nconnectez-vous ici\n"
    (finding,) = lint_text(text, "BP005")
    assert (line_of(text, finding.start), line_of(text, finding.end)) == (4, 7)
    assert fix_text(text, "BP005") == ARTICLE


def test_subscription_prompt_companion_alone_is_not_flagged():
    assert codes(ARTICLE + "Connexion\n" + ARTICLE, "BP005") == []


@pytest.mark.parametrize("line", ["Log in", "Sign out", "My account", "Mon compte", "Iniciar sesión", "Mein Konto"])
def test_subscription_prompt_flags_account_links_on_their_own_line(line):
    text = ARTICLE + line + "\n" + ARTICLE
    assert codes(text, "BP005") == [("BP005", 4)]
    assert fix_text(text, "BP005") == ARTICLE + ARTICLE


def test_subscription_prompt_single_word_account_link_counts_only_next_to_a_prompt():
    assert codes(ARTICLE + "Login\n" + ARTICLE, "BP005") == []
    text = ARTICLE + "Subscribe now\nLogin\n" + ARTICLE
    (finding,) = lint_text(text, "BP005")
    assert (line_of(text, finding.start), line_of(text, finding.end)) == (4, 5)


# -- BP006 cookie-consent --------------------------------------------------------------------------


def test_cookie_banner_and_its_button_are_one_finding():
    text = "We use cookies to improve your experience on our website.\nAccept\n" + ARTICLE
    (finding,) = lint_text(text, "BP006")
    assert (finding.start, finding.end) == (0, text.index("Accept") + len("Accept"))
    assert fix_text(text, "BP006") == ARTICLE


@pytest.mark.parametrize(
    "line",
    [
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Accept all cookies",
        "Gérer mes préférences",
        "En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies.",
    ],
)
def test_cookie_consent_flags_banner_lines(line):
    assert codes(ARTICLE + line + "\n" + ARTICLE) == [("BP006", 4)]


@pytest.mark.parametrize(
    "line",
    [
        "Accept",
        "Cookies",
        "The story behind the first batch of cookies baked in space.",
        "It is mandatory, the regulator said, to obtain consent before cookies are stored.",
    ],
)
def test_cookie_consent_ignores_lone_buttons_and_article_lines(line):
    assert codes(ARTICLE + line + "\n" + ARTICLE, "BP006") == []


# -- BP013 truncation-marker -----------------------------------------------------------------------


def test_truncation_marker_last_line_word_with_ellipsis():
    text = "Gaming used to be so simple.\n\nNow we spend money over and over on virtual perks.\n\nAll...\n"
    (finding,) = lint_text(text, "BP013")
    assert text[finding.start : finding.end] == "All..."
    assert "truncated" in finding.message
    assert fix_text(text, "BP013") == text[: text.index("\n\nAll...")] + "\n"


@pytest.mark.parametrize("marker", ["Lire la suite", "Continue reading", "[…]", "[...]", "Read more »"])
def test_truncation_marker_on_its_own_last_line(marker):
    text = ARTICLE + "\n" + marker + "\n"
    assert codes(text) == [("BP013", 5)]
    assert fix_text(text, *WIDGET_CODES) == ARTICLE


def test_truncation_marker_at_end_of_last_paragraph_deletes_only_the_marker():
    text = ARTICLE + "Il accepte des opérations souvent illicites [...]\n"
    (finding,) = lint_text(text, "BP013")
    assert text[finding.start : finding.end] == " [...]"
    assert fix_text(text, "BP013") == ARTICLE + "Il accepte des opérations souvent illicites\n"


def test_truncation_marker_worded_marker_after_a_sentence():
    text = ARTICLE + "The company said it would appeal. Continue reading →\n"
    (finding,) = lint_text(text, "BP013")
    assert text[finding.start : finding.end] == " Continue reading →"


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE + "Many readers told us they want to read more\n",  # a sentence, not a link
        ARTICLE + "Continue reading\n" + ARTICLE,  # not at the end: BP002's business
        ARTICLE + "Et puis… plus rien.\n",
        ARTICLE + "« Nous avons [...] décidé d’agir », a-t-il dit.\n",
        "All...\n",  # a text that is only a marker is not an article cut short
    ],
)
def test_truncation_marker_ignores_non_final_or_sentence_markers(text):
    assert lint_text(text, "BP013") == []


def test_read_more_at_the_end_is_truncation_not_related_content():
    assert codes(ARTICLE + "\nRead more\n") == [("BP013", 5)]


# -- data and documentation ------------------------------------------------------------------------


def test_main_phrases_belong_to_one_rule_only():
    owners: dict[str, str] = {}
    for rule in WIDGET_RULES:
        for phrase in phrases("bp", rule):
            assert owners.setdefault(phrase, rule) == rule, f"{phrase!r} is in {owners[phrase]} and {rule}"


def test_pattern_heads_expand_literal_prefixes():
    assert pattern_heads(r"(?:à |a )?lire (?:aussi|également)\b") == {
        "à lire aussi",
        "à lire également",
        "a lire aussi",
        "a lire également",
        "lire aussi",
        "lire également",
    }
    assert pattern_heads(r"\d+ (?:comments?|replies)") == {"\x00 comment", "\x00 replies"}
    with pytest.raises(ValueError):
        pattern_heads(r"[\w']+ newsletter")


def test_pattern_heads_read_character_classes_as_one_member():
    # A "|" or "(" inside a class is a member: it neither splits nor opens an alternative, so the
    # heads are those of the real alternatives only.
    assert pattern_heads(r"(?:read more[:|–]|more news)") == {"read more", "more news"}
    assert _split_alternatives(r"[(]see also|related") == ["[(]see also", "related"]
    assert _split_alternatives(r"a[^]|]b|c") == ["a[^]|]b", "c"]


def test_every_widget_pattern_line_is_found_by_the_scan():
    # The scan must reach the lines the patterns describe: one sample per pattern family.
    data = widget_data()
    samples = [
        "10 comments",
        "More from the Los Angeles Times",
        "This website uses cookies to improve things.",
        "Sign up for our daily newsletter",
        "Follow us on Twitter",
    ]
    for sample in samples:
        assert data.may_be_widget(sample), sample
        assert data.classify(sample) is not None, sample


def test_max_line_length_option_limits_matches():
    text = ARTICLE + "Recommended for you\n" + ARTICLE
    assert lint_text(text, "BP002", BP002={"max-line-length": 10}) == []


def test_comments_widget_is_default_enabled_and_safe():
    assert CommentsWidget.default_enabled and CommentsWidget.fix_applicability.value == "safe"


# -- BP014-BP016 ---------------------------------------------------------------------------------

FOOTER_ARTICLE = "Le conseil municipal a voté le budget mardi soir après un long débat.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Privacy Policy",
        "Mentions légales",
        "© 2019 Example Media, Inc.",
        "Copyright 2019 X. All rights reserved.",
        "Tous droits réservés",
        "Impressum",
    ],
)
def test_legal_footer_flags_footer_lines(line):
    findings = lint_text(FOOTER_ARTICLE + line + "\n", "BP014")
    assert [f.code for f in findings] == ["BP014"]
    assert findings[0].start == len(FOOTER_ARTICLE)


def test_legal_footer_companion_goes_with_footer_but_not_alone():
    text = FOOTER_ARTICLE + "Privacy Policy\nContact us\n"
    findings = lint_text(text, "BP014")
    assert len(findings) == 1 and findings[0].end == len(text) - 1
    assert lint_text(FOOTER_ARTICLE + "Contact us\n", "BP014") == []


def test_legal_footer_ignores_sentences_about_privacy_and_copyright():
    text = (
        FOOTER_ARTICLE + "The privacy policy of the app was changed last year, critics said.\n"
        "Copyright law protects the work of journalists.\n© Reuters\n"
    )
    assert lint_text(text, "BP014") == []


def test_legal_footer_fix_deletes_footer_and_keeps_article():
    article = FOOTER_ARTICLE * 3
    text = article + "\nPrivacy Policy\nTerms of Use\n"
    assert fix_text(text, "BP014") == article


def test_legal_footer_with_a_copyright_notice_is_deleted_only_by_unsafe_fixes():
    # The notice names the publisher: it may be the only source line a text has.
    article = FOOTER_ARTICLE * 3
    text = article + "\nPrivacy Policy\nTerms of Use\n© 2019 Example Media, Inc. All rights reserved.\n"
    assert fix_text(text, "BP014") == text
    assert fix_text(text, "BP014", unsafe=True) == article


@pytest.mark.parametrize("line", ["Advertisement", "ADVERTISEMENT", "Publicité", "Sponsored", "Anzeige"])
def test_ad_label_flags_label_lines(line):
    text = FOOTER_ARTICLE + line + "\n" + FOOTER_ARTICLE
    assert fix_text(text, "BP015") == FOOTER_ARTICLE + FOOTER_ARTICLE


def test_ad_label_ignores_sentences_mentioning_ads():
    text = FOOTER_ARTICLE + "Advertisement revenue fell by 12% in the third quarter.\nLa publicité a reculé.\n"
    assert lint_text(text, "BP015") == []


@pytest.mark.parametrize("line", ["Skip to main content", "Aller au contenu", "Zum Inhalt springen", "Go to content"])
def test_skip_link_fix_deletes_the_link(line):
    assert fix_text(line + "\n" + FOOTER_ARTICLE, "BP016") == FOOTER_ARTICLE


def test_skip_link_ignores_article_sentence():
    assert lint_text(FOOTER_ARTICLE + "Skip to content was the first link users heard.\n", "BP016") == []


def test_new_widget_rules_say_nothing_on_seeds():
    for seed in ("000", "001", "002", "003", "004"):
        assert (
            lint_text(seed_text(seed), "BP014")
            == lint_text(seed_text(seed), "BP015")
            == lint_text(seed_text(seed), "BP016")
            == []
        )


# -- the scan works on bytes and string scans, not doc.lines: spans must still be the lines' ------


def _line_span(text: str, line: str) -> tuple[int, int]:
    start = text.index(line)
    return start, start + len(line)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_widget_spans_are_exact_after_non_ascii_text_and_crlf(newline):
    article = "Le patron d’OpenAI — « un modèle » 🚀 a exprimé des doutes.\n\nÉtude publiée à Zürich.\n"
    text = (article + "Partager\nFacebook\n" + article + "Leave a Comment\n").replace("\n", newline)
    found = {f.code: (f.start, f.end) for f in lint_text(text, "BP003", "BP004")}
    share_start = text.index("Partager")
    assert found["BP004"] == (share_start, text.index("Facebook") + len("Facebook"))
    assert found["BP003"] == _line_span(text, "Leave a Comment")
    assert text[found["BP003"][0] : found["BP003"][1]] == "Leave a Comment"


def test_widget_run_spans_blank_lines_and_whitespace_only_lines_between_members():
    text = FOOTER_ARTICLE + "Privacy Policy\n\n \t\nTerms of Use\n" + FOOTER_ARTICLE
    (finding,) = lint_text(text, "BP014")
    assert (finding.start, finding.end) == (text.index("Privacy"), text.index("Terms of Use") + len("Terms of Use"))


def test_widget_lines_separated_by_article_text_are_two_findings():
    text = "Privacy Policy\n" + FOOTER_ARTICLE + "Terms of Use\n" + FOOTER_ARTICLE
    assert [f.code for f in lint_text(text, "BP014")] == ["BP014", "BP014"]


@pytest.mark.parametrize(
    "text",
    [
        "Skip to main content\n" + "Body text of the article, long enough.\n",
        "\n\nSkip to main content\n\n\nBody text of the article, long enough.\n",
        "Body text of the article, long enough.\n\nAdvertisement\n\nMore body text here.\n",
        "Body text of the article, long enough.\nAdvertisement\nMore body text here.\n",
        "Body text of the article, long enough.\n\n\nAdvertisement\n\n\n",
        "Body text of the article, long enough.\nAdvertisement",
        "Body text of the article, long enough.\r\n\r\nAdvertisement\r\n\r\nMore body text here.\r\n",
        "Body text of the article, long enough.\r\nAdvertisement\r",
        " \n\t\nAdvertisement\n \nBody text of the article, long enough.\n",
    ],
)
def test_widget_fix_span_matches_document_removal_span(text):
    from newslint import Document

    doc = Document(text)
    (finding,) = lint_text(text, "BP015", "BP016")
    first, last = doc.line_index_at(finding.start), doc.line_index_at(finding.end - 1)
    (edit,) = finding.fix.edits
    assert (edit.start, edit.end) == doc.removal_span(first, last)


def test_widget_line_length_limit_counts_code_points_not_bytes():
    # "À lire également" is 16 characters but 18 bytes of UTF-8.
    text = ARTICLE + "À lire également\n" + ARTICLE
    assert [f.code for f in lint_text(text, "BP002", BP002={"max-line-length": 16})] == ["BP002"]
    assert lint_text(text, "BP002", BP002={"max-line-length": 15}) == []


def test_repeated_widget_lines_get_the_same_findings_in_every_document():
    # Classifications are memoised per line: the second document must be judged like the first.
    text = FOOTER_ARTICLE + "Privacy Policy\n" + FOOTER_ARTICLE
    first = [(f.code, f.start, f.end, f.message) for f in lint_text(text, "BP014")]
    assert first and first == [(f.code, f.start, f.end, f.message) for f in lint_text(text, "BP014")]
    shifted = "Intro line.\n" + text
    (moved,) = lint_text(shifted, "BP014")
    assert moved.start == first[0][1] + len("Intro line.\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_truncation_marker_span_with_crlf_and_trailing_blank_lines(newline):
    body = "A first paragraph of the article that is long enough to count as text.\n\nNow we spend money.\n\n"
    text = (body + "Continue reading\n \n\n").replace("\n", newline)
    (finding,) = lint_text(text, "BP013")
    assert (finding.start, finding.end) == _line_span(text, "Continue reading")


def test_truncation_marker_on_a_last_line_without_line_break():
    text = "A first paragraph of the article that is long enough to count as text.\n\nAll..."
    (finding,) = lint_text(text, "BP013")
    assert text[finding.start : finding.end] == "All..."


def test_truncation_marker_alone_after_whitespace_only_lines_is_not_flagged():
    assert lint_text(" \n\t\n\nContinue reading\n", "BP013") == []
