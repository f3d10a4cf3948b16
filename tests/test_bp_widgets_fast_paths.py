"""The BP widget rules' fast paths against their plain line-by-line definitions (property tests).

The scan reads candidate lines from ``doc.lines`` and memoises per line text; findings are built
positionally with remembered quotes and copyright tests; the truncation test remembers last lines.
Each is compared here with the plain definition it replaces.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Applicability, Document, Edit, Rule
from newslint.document import removal_span
from newslint.rules import boilerplate as bp
from newslint.rules.boilerplate import _COPYRIGHT_WORDS, _quote, _scan_widgets, widget_data

_DATA = widget_data()
_PHRASES = sorted(_DATA.lookup)[::5] + [
    "12 comments",
    "© 2024 Example Media, Inc. All rights reserved.",
    "Copyright 2019 X",
    "À lire également",
    "Lire aussi : un titre",
    "READ MORE: Stocks fall",
    "Facebook",
    "Twitter",
    "Partager",
    "Privacy Policy",
    "Über uns",
    "l'article",
    "Continue reading",
    "All...",
    "[…]",
    "The company said on Monday that sales rose",
]
_PIECES = [" ", "\t", "\xa0", " - ", "|", "›", "•", "·", ":", ";", ",", ".", "!", "?", "…", "'", "’", "3"]
_BREAKS = ["\n", "\n\n", "\r\n", "\n \n", "\r"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        line = draw(st.sampled_from(_PHRASES))
        if draw(st.booleans()):
            line = draw(st.sampled_from(_PIECES)) + line
        if draw(st.booleans()):
            line += draw(st.sampled_from(_PIECES))
        case = draw(st.sampled_from((str, str.upper, str.title)))
        lines.append(case(line) + draw(st.sampled_from(_BREAKS)))
    return "".join(lines)


def _plain_hits(doc: Document, max_length: int) -> dict[str, list[tuple]]:
    """Every line of ``doc`` the scan picks and ``classify`` claims, one line at a time."""
    found: dict[str, list[tuple]] = {rule: [] for rule in bp.WIDGET_RULES}
    for line in doc.lines:
        if len(line.text) > max_length or not _DATA.may_be_widget(line.text):
            continue
        result = _DATA.classify(line.text)
        if result is not None:
            found[result[0]].append((line.index, result[1], result[2], len(line.text), line.start, line.text))
    return found


@settings(max_examples=300, deadline=None)
@given(_texts(), st.sampled_from((400, 200, 20)))
def test_the_scan_finds_the_widget_lines_of_the_plain_definition(text, max_length):
    expected = _plain_hits(Document(text), max_length)
    assert _scan_widgets(Document(text), max_length) == expected
    assert _scan_widgets(Document(text), max_length) == expected  # again, from the memo


@settings(max_examples=200, deadline=None)
@given(_texts())
def test_classify_ignores_ascii_case(text):
    # The memo is keyed by the line as written: upper and lower case must get the same answer.
    for line in text.splitlines():
        lowered = line.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
        assert _DATA.classify(line) == _DATA.classify(lowered)


def _plain_copyright(members: list[tuple]) -> Applicability:
    for member in members:
        lowered = member[5].casefold()
        if "©" in lowered or any(word in lowered for word in _COPYRIGHT_WORDS):
            return Applicability.UNSAFE
    return Applicability.SAFE


def _plain_findings(rule: bp._WidgetRule, doc: Document) -> list[tuple]:
    """The widget rule's findings as the plain definition builds them: runs with only blank lines
    between their members, quoted by slicing the text, with ``Rule.finding`` and ``Edit.delete``."""
    text = doc.text
    hits = _plain_hits(doc, bp.VIEW_MAX_LENGTH)[rule.name]
    hits = [hit for hit in hits if hit[3] <= rule.default_options["max-line-length"]]
    excluded = rule.excluded(doc)
    hits = [hit for hit in hits if hit[0] not in excluded]
    runs: list[list[tuple]] = []
    for hit in hits:
        if runs and text[runs[-1][-1][4] + runs[-1][-1][3] : hit[4]].isspace():
            runs[-1].append(hit)
        else:
            runs.append([hit])
    findings = []
    for members in runs:
        if not rule.qualifies(members):
            continue
        start, end = members[0][4], members[-1][4] + members[-1][3]
        quoted = ", ".join(_quote(text[m[4] : m[4] + m[3]], 40) for m in members[:3])
        more = f" (+{len(members) - 3} more lines)" if len(members) > 3 else ""
        applicability = _plain_copyright(members) if rule.code == "BP014" else Applicability.SAFE
        edit = Edit.delete(*removal_span(text, start, end))
        finding = Rule.finding(rule, start, end, f"{rule.what} left by the scraper: {quoted}{more}")
        findings.append(
            (
                finding.code,
                finding.name,
                finding.message,
                start,
                end,
                finding.severity,
                finding.data,
                rule.fix_description,
                applicability,
                [(edit.start, edit.end, edit.replacement)],
            )
        )
    return findings


def _as_tuples(findings) -> list[tuple]:
    return [
        (
            f.code,
            f.name,
            f.message,
            f.start,
            f.end,
            f.severity,
            f.data,
            f.fix.description,
            f.fix.applicability,
            [(e.start, e.end, e.replacement) for e in f.fix.edits],
        )
        for f in findings
    ]


_WIDGET_RULES = [rule() for rule in bp.RULES if issubclass(rule, bp._WidgetRule)]


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_widget_findings_match_the_plain_definition(text):
    for rule in _WIDGET_RULES:
        expected = _plain_findings(rule, Document(text))
        assert _as_tuples(rule.check(Document(text), rule.options_with_defaults())) == expected
        assert _as_tuples(rule.check(Document(text), rule.options_with_defaults())) == expected


def test_a_long_run_quotes_three_lines_and_counts_the_rest():
    text = "Article text that is long enough to be prose, not chrome.\n" + "Facebook\nTwitter\nEmail\nPrint\nShare\n"
    (finding,) = bp.ShareWidget().check(Document(text), bp.ShareWidget.options_with_defaults())
    assert finding.message.endswith("“Email” (+2 more lines)")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_PHRASES + ["All...", "Read more »", "(...)", "...", "Weiterlesen", "Lire la suite"]),
    st.sampled_from((str, str.upper)),
)
def test_a_remembered_marker_line_gets_the_plain_answer(line, case):
    words, lines, _, _ = bp._truncation_patterns()
    stripped = case(line).strip()
    plain = bp.quick_fold(stripped) in words or (lines is not None and lines.fullmatch(stripped) is not None)
    assert bp._is_marker_line(stripped) == plain
    assert bp._is_marker_line(stripped) == plain
