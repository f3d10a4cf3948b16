"""Round-8 fast paths of the bpnav kind scan and its rules, each against the plain definition.

The kind pre-tests (``_may_be_kind``) now also ask where a line starts: a dated byline or a reading
time starts with its word or number, a credit without an agency with its word or "©", and a
"By <names>" line holds no sign that names are never made of. The scan returns one shared empty
answer for a text without a candidate line; the rules return lists.
"""

from __future__ import annotations

import string
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from test_bps_round7_fast_paths import _LINES, _assert_pretests_keep

from newslint import Document
from newslint.rules import boilerplate_structure as bs


def _compiled(source: str) -> regex.Pattern[str]:
    """One pattern of the data alone, its macros defined as the family's alternation defines them."""
    used = {}
    for macro, value in bs._macros().items():
        if macro in source:
            name = macro.strip("{}").lower()
            used[name] = value
            source = source.replace(macro, f"(?&{name})")
    define = "".join(f"(?P<{name}>{value})" for name, value in used.items())
    return regex.compile((f"(?(DEFINE){define})" if define else "") + source, bs._FLAGS)


def _is_name_byline_source(source: str) -> bool:
    words = "|".join(bs._BYLINE_NAME_WORDS)
    return regex.match(rf"\^\\h\*(?:(?:{words})|\(\?:(?:{words})(?:\|(?:{words}))*\))\\h", source) is not None


# Letters as the pre-tests fold them, and characters folding to them; digits; lead-ins; signs.
_ALPHABET = string.ascii_lowercase + "àéèöüíñç\u017f\u212a\ufb01\u0130ß" + "0\u0663" + " \t\xa0([:,./-'’©"


def _first_unexplained_start(compiled: regex.Pattern[str], heads: tuple[str, ...], lead: str) -> str | None:
    """A start of a line ``compiled`` may match that neither starts with one of ``heads`` nor can
    grow into such a line (case-folded, after white space and ``lead``), or None: every line the
    pattern matches then starts with a head. ``regex``'s partial matches tell which starts can
    still grow into a match."""
    frontier = [""]
    while frontier:
        grown = []
        for prefix in frontier:
            for char in _ALPHABET:
                start = prefix + char
                body = start.lstrip().lstrip(lead).lstrip()
                if len(start) - len(body) > 3 and not body:
                    continue  # longer runs of white space and lead-ins lead to the same bodies
                if compiled.match(start, partial=True) is None:
                    continue
                folded = bs._case_folded(body)
                if folded.startswith(heads):
                    continue
                if not any(head.startswith(folded) for head in heads):
                    return start
                grown.append(start)
        frontier = grown
    return None


def test_dated_bylines_and_reading_times_start_with_a_head_or_a_number():
    heads = (*bs._dated_heads()["byline"], "0", "\u0663")
    for source in bs._raw("byline-residue", "patterns"):
        if not _is_name_byline_source(source):
            assert _first_unexplained_start(_compiled(source), heads, "") is None, source


def test_credits_without_an_agency_start_with_a_head():
    heads = bs._dated_heads()["credit"]
    for source in bs._raw("photo-credit", "patterns"):
        if not any(agency in source for agency in bs._CREDIT_AGENCIES):
            assert _first_unexplained_start(_compiled(source), heads, "([") is None, source


def test_the_name_bylines_have_no_sign_that_names_are_never_made_of():
    # Names, their separators and organisations are letters, numbers, \h and ' ’ . - , & | / – — :.
    taken = regex.compile(r"[\p{L}\p{N}\h'’.,&|/–—:-]", regex.V1 | regex.IGNORECASE)
    signs = bs._NOT_IN_NAMES.pattern[1:-1].replace("\\", "")
    for sign in signs:
        assert taken.match(sign) is None, sign
    # What the name patterns write as characters, once their macros are written in and their
    # syntax (groups, classes, quantifiers, escapes) is taken out, holds none of the signs.
    syntax = r"\\[hpPbdN](?:\{[^}]*\})?|\{\d*,?\d*\}|\(\?(?:[:!=]|<[!=]|-i:)|[()|*+?^$\[\]]"
    for source in bs._raw("byline-residue", "patterns"):
        if _is_name_byline_source(source):
            for macro, value in bs._macros().items():
                source = source.replace(macro, value)
            written = regex.sub(syntax, "", source)
            assert not set(written) & set(signs), source


def test_a_letter_is_never_a_digit_and_what_folds_to_a_letter_is_a_letter():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert not [char for char in regex.findall(r"\d", everything) if char.isalpha()]
    assert all(char.isalpha() for char in regex.findall(r"[a-z]", everything, flags=bs._FLAGS))


_NEAR_MISSES = [
    "Part de l'agriculture dans l'emploi : 2 %",
    "par Mme Fabienne Levy (DG Élargissement)",
    "By Jane Doe (AFP)",
    "By Jane Doe [Reuters]",
    "Directive 91/630/CEE",
    "Did Pelosi Divert $2.4 Billion?",
    "Posted: 3 hours ago",
    "Disclaimer: the views",
    "© 2019 Newsweek",
    "© Getty Images",
    "(Photo : AFP)",
    " \u2003[Photo by Jane Doe]",
    "58 min",
    "\u0663 min read",
    "By\u00a0Jane Doe!",
    "PAR LES TEMPS QUI COURENT",
]


def test_near_misses_are_classified_as_the_patterns_say():
    for line in _NEAR_MISSES:
        _assert_pretests_keep(line)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.sampled_from(["", " (AFP)", " [x]", "!", " «a»", '"', ";", " 2019", ": 12"]))
def test_kind_pretests_with_signs_never_reject_a_line_of_the_kind(line, tail):
    _assert_pretests_keep(line + tail)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbByYpPrRdDiI0\u0663 \t\xa0:,.\u00a9-|/&()[]!\"«'\u017f\u0130", max_size=30))
def test_kind_pretests_on_arbitrary_text_with_brackets(line):
    _assert_pretests_keep(line)


def test_a_text_without_candidates_shares_the_empty_answer_and_never_changes_it():
    from newslint import Linter
    from newslint.config import Settings
    from newslint.registry import default_ruleset

    doc = Document("Le gouvernement a annoncé une réforme.\nRien d'autre.")
    assert bs._compute_lines(doc) is bs._NO_LINES
    linter = Linter(default_ruleset(), Settings())
    linter.lint(doc, linter.plan("c.jsonl"))
    assert bs._NO_LINES == {kind: [] for kind, _ in bs._LINE_KINDS}


def test_the_rules_return_lists():
    doc = Document("Home > News > World\nBy Jane Doe\nPhoto : AFP\n\nArticle text here.\n\nTags: a, b\n")
    for rule in (bs.Breadcrumb(), bs.TagList(), bs.BylineResidue(), bs.SocialTeaser(), bs.PhotoCredit()):
        assert isinstance(rule.check(doc, rule.default_options), list)
