"""SRC: missing and weak sources."""

from __future__ import annotations

import pytest
from conftest import fix_text, line_of, lint_text, seed_text

from newslint import Severity

BODY = (
    "Sam Altman a reconnu que l’entreprise avait été « du mauvais côté de l’histoire », a déclaré "
    "le patron lors d’un point presse rapporté par CNBC.\n\n"
    "Selon lui, OpenAI doit revoir sa stratégie en matière de sources ouvertes.\n"
)


def codes(findings):
    return [finding.code for finding in findings]


# -- seeds -----------------------------------------------------------------------------------------


def test_seed_000_image_link_is_a_weak_source_on_line_3_and_not_a_missing_one():
    text = seed_text("000")
    findings = lint_text(text, "SRC001", "SRC002")
    assert codes(findings) == ["SRC002"]
    assert line_of(text, findings[0].start) == 3
    assert "i.redd.it" in findings[0].message


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_seeds_without_attribution_have_a_missing_source(prefix):
    findings = lint_text(seed_text(prefix), "SRC001", "SRC002")
    assert codes(findings) == ["SRC001"]
    assert (findings[0].start, findings[0].end) == (0, 0)


def test_seed_003_bare_source_name_is_weak_on_line_9_only():
    text = seed_text("003")
    findings = lint_text(text, "SRC001", "SRC002")
    assert codes(findings) == ["SRC002"]
    assert line_of(text, findings[0].start) == 9
    assert text[findings[0].start : findings[0].end] == "Source : Techcrunch"


# -- SRC001 missing-source --------------------------------------------------------------------------


def test_missing_source_is_info_at_offset_zero_and_shows_a_source_line():
    (finding,) = lint_text(BODY, "SRC001")
    assert finding.severity is Severity.INFO
    assert (finding.start, finding.end) == (0, 0)
    assert "Source : Le Monde, https://" in finding.message
    assert finding.fix is None
    assert fix_text(BODY, "SRC001", unsafe=True) == BODY


def test_mention_inside_a_sentence_is_not_a_source():
    assert codes(
        lint_text("L’annonce a été rapportée par Reuters et selon l’AFP, le bilan est lourd.\n", "SRC001")
    ) == ["SRC001"]


@pytest.mark.parametrize(
    "credit",
    [
        "Source : Le Monde, https://www.lemonde.fr/pixels/article/2025/01/31/openai.html",
        "Sources : https://techcrunch.com/2025/01/31/sam-altman/",
        "Article en référence : https://www.reddit.com/r/OpenAI/comments/1ieonxv/",
        "Lire l'article original : https://example.org/a/1",
        "Via https://www.theverge.com/2025/1/31/openai",
        "Le Figaro avec AFP",
        "(avec Reuters)",
        "PARIS (AFP) - Le gouvernement a annoncé des mesures.",
        "WASHINGTON (Reuters) — Scientists unveiled a map.",
        "Reporting by Will Dunham; Editing by Tom Brown",
        "— AP",
        "Quelle: https://www.spiegel.de/netzwelt/openai-a-123.html",
        "Fuente: https://elpais.com/tecnologia/2025-01-31/openai.html",
        "Fonte: https://www.publico.pt/2025/01/31/tecnologia/openai",
        "Plus d’informations sur www.europa.eu/competition",
    ],
)
def test_attribution_lines_wire_credits_and_urls_count_as_sources(credit):
    assert lint_text(BODY + "\n" + credit + "\n", "SRC001") == []


def test_url_anywhere_in_the_text_counts_as_a_source():
    text = BODY + "Le document est disponible sur http://ec.europa.eu/competition/antitrust/others/ depuis lundi.\n"
    assert lint_text(text, "SRC001", "SRC002") == []


def test_agency_in_brackets_inside_a_sentence_is_not_a_dateline():
    assert codes(lint_text("The Associated Press (AP) said the vote was close, not final.\n", "SRC001")) == ["SRC001"]


def test_first_published_followed_by_a_date_is_not_a_source():
    assert codes(lint_text(BODY + "\nFirst Published on Nov 20, 2019 01:38 pm\n", "SRC001")) == ["SRC001"]


def test_long_paragraph_starting_with_source_is_running_text():
    paragraph = "Source: " + "a person familiar with the matter said the talks were going well, " * 5 + "\n"
    assert codes(lint_text(paragraph, "SRC001", "SRC002")) == ["SRC001"]


def test_empty_text_has_no_missing_source():
    assert lint_text("\n\n", "SRC001") == []


def test_min_characters_option_skips_short_snippets():
    assert lint_text("Une brève.\n", "SRC001", SRC001={"min-characters": 100}) == []


# -- SRC002 weak-source -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        "https://i.redd.it/pxn7isirrege1.jpeg",
        "https://pbs.twimg.com/media/GI1aX3kWcAA.jpg?format=jpg&name=large",
        "https://i.imgur.com/abc123",
        "https://www.instagram.com/p/C2xyz/",
        "https://www.tiktok.com/@openai/video/7321",
        "https://example.com/photos/chart.PNG",
    ],
)
def test_media_link_as_only_source_is_weak(link):
    text = BODY + "\nArticle en référence: " + link + "\n"
    findings = lint_text(text, "SRC001", "SRC002")
    assert codes(findings) == ["SRC002"]
    assert text[findings[0].start : findings[0].end] == "Article en référence: " + link
    assert findings[0].severity is Severity.INFO and findings[0].fix is None


def test_bare_name_label_alone_on_its_line_takes_the_next_line():
    text = BODY + "\nSOURCE:\nAl Jazeera News\n"
    findings = lint_text(text, "SRC002")
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == "SOURCE:\nAl Jazeera News"


def test_weak_source_is_not_reported_when_a_wire_credit_or_article_url_exists():
    assert lint_text(BODY + "\nSource : Techcrunch\n(avec AFP)\n", "SRC002") == []
    text = BODY + "\nSource : https://i.redd.it/x.jpeg\nLien : https://www.lemonde.fr/a.html\n"
    assert lint_text(text, "SRC002") == []


def test_media_link_outside_an_attribution_line_is_neither_weak_nor_a_source():
    text = BODY + "\nhttps://pbs.twimg.com/media/GI1aX3kWcAA.jpg\n"
    assert codes(lint_text(text, "SRC001", "SRC002")) == ["SRC001"]


def test_source_with_article_url_is_not_weak():
    assert lint_text(BODY + "\nSource : Techcrunch, https://techcrunch.com/2025/01/31/openai/\n", "SRC002") == []


def test_wire_patterns_run_on_the_standard_re_engine_with_the_same_matches():
    import regex

    from newslint.rules._data import pattern
    from newslint.rules.sources import _stdlib_wire

    fast = _stdlib_wire()
    assert fast is not None
    slow = pattern("src", "missing-source", key="wire", flags=regex.MULTILINE)
    lines = [
        "PARIS (AFP) — Le gouvernement a annoncé",
        "Texte final\u00a0— AP",
        "(Additional\u2009reporting by Jane Doe)",
        "Un texte avec l’AFP",
        "Un texte avec ap en minuscules",
        "mit Material von dpa",
        "(AP) is mentioned in a sentence here",
    ]
    for line in lines:
        expected = slow.search(line)
        found = fast.search(line)
        assert (found and found.span()) == (expected and expected.span()), line


# -- wire-needs: the pre-filter of the wire-credit search must never hide a credit -------------

_WIRE_AGENCIES = (
    "AFP",
    "AP",
    "Reuters",
    "Bloomberg",
    "Xinhua",
    "UPI",
    "dpa",
    "dpa-AFX",
    "EFE",
    "ANSA",
    "Lusa",
    "Belga",
    "ATS",
    "Kyodo",
    "Yonhap",
    "KNA",
    "epd",
    "APA",
    "SDA",
    "Europa Press",
    "Adnkronos",
    "AGI",
    "LaPresse",
    "Askanews",
    "Agência Brasil",
    "Estadão Conteúdo",
    "Folhapress",
    "agencias",
    "agences",
    "agências",
)
_WIRE_SPACES = (" ", "\t", "\xa0", "\u2009", "\u202f", "\u3000", "  ")


def _case_forms(word: str) -> set[str]:
    forms = {word, word.lower(), word.upper(), word.title(), word.swapcase()}
    for letter, others in (("i", "İı"), ("s", "ſ"), ("k", "\u212a")):
        for form in list(forms):
            for other in others:
                forms.add(form.replace(letter, other).replace(letter.upper(), other))
    return forms


def _generated_wire_lines() -> list[str]:
    """Every agency in every context a wire pattern knows, with every kind of space and case."""
    contexts = []
    for word in ("mit", "mit Material von", "con", "con información de", "com", "avec", "avec l'", "avec l’"):
        for form in _case_forms(word):
            for space in _WIRE_SPACES:
                contexts.append(form.replace(" ", space) + ("" if form.endswith(("'", "’")) else space))
    for word in ("source", "sources"):
        for form in _case_forms(word):
            contexts += [form, form + ":", form + " : ", form + "\xa0:\t"]
    for dash in ("-", "–", "—"):
        for space in ("", " ", "\xa0"):
            contexts.append(dash + space)
    lines = []
    for agency in _WIRE_AGENCIES:
        credits = [context + agency for context in contexts] + [f"({agency})", f"({agency}) —", f"({agency})\t- "]
        for credit in credits:
            for before, after in (("", ""), ("BERLIN ", " "), ("Text, ", " Text"), ("x", ""), ("", "x"), ("", " \xa0")):
                lines.append(before + credit + after)
    for word in ("reporting by", "additional reporting by", "Reporting by", "ADDITIONAL REPORTING BY"):
        for form in _case_forms(word) | {word}:
            for space in _WIRE_SPACES:
                for head in ("", " ", "(", "\t("):
                    lines.append(head + form.replace(" ", space) + " Jane Doe; Editing by AP")
    return lines


def test_wire_needs_accept_every_line_a_wire_pattern_matches():
    from newslint.rules.sources import _wire_needs, _wire_pattern

    needs, wire = _wire_needs(), _wire_pattern()
    assert needs is not None  # the shipped data lists needs for every wire pattern
    lines = _generated_wire_lines()
    matched = [line for line in lines if wire.search(line)]
    assert len(matched) > 2000  # the generator does build credits
    missed = [line for line in matched if not needs.may_match(line)]
    assert missed == []


def test_wire_needs_reject_running_text_without_a_credit():
    from newslint.rules.sources import _wire_needs

    needs = _wire_needs()
    for line in (
        "According to AP staff, the Reuters building (a landmark) was sold.",
        "The committee met in Washington on Tuesday to discuss the AFP story.",
        "Bloomberg and Xinhua both covered the meeting at length last week.",
    ):
        assert not needs.may_match(line)


@pytest.mark.parametrize(
    "line",
    [
        "BERLIN mit\u2009Reuters",
        "Text — MIT Material von AFP",
        "Paris (avec l’AFP)",
        "Lisboa, com\xa0Lusa",
        "Madrid, con\tEFE",
        "SOURCE:AFP",
        "ſource : Reuters",
        "Par notre envoyé — AFP \xa0",
        "\t(Additional\xa0REPORTING by Jane Doe)",
        "(dpa-AFX) - Der Kurs",
        # Credits whose agency word is in lower case: the scan for wire keywords must see them.
        "(avec agences)",
        "Paris, avec\xa0agences",
        "mit dpa",
    ],
)
def test_unusual_spellings_of_wire_credits_still_count_as_sources(line):
    text = "Un paragraphe d'article sans autre source, avec assez de mots pour être un texte.\n" + line + "\n"
    assert lint_text(text, "SRC001") == []


def test_label_line_scan_finds_the_same_lines_as_the_plain_alternation():
    import re

    from newslint.rules.sources import _byte_atom, _label_byte_triggers, _words

    words = sorted(set(_words("keywords")))
    prefix = b"(?:[ \t*_>-]|\xe2\x80[\xa2\x93\x94]|\xc2\xb7)*"
    body = b"|".join(b"".join(_byte_atom(char) for char in word.lower()) for word in words)
    plain = re.compile(b"\n" + prefix + b"(?:" + body + b")")
    lines = []
    for word in words + ["sourc", "lir", "articl", "d'apr", "viaduct", "publiée", "readme", "Firsthand"]:
        for head in ("", " ", "* ", "- ", "• ", "\t> ", "–— ", "·", " x ", "\xa0", "«"):
            for form in (word, word.upper(), word.title()):
                lines.append(head + form + " : suite")
    lowered = ("\n" + "\n".join(lines)).encode("utf-8").lower()
    assert [m.start() for m in _label_byte_triggers().finditer(lowered)] == [m.start() for m in plain.finditer(lowered)]
