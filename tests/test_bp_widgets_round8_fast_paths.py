"""Round-8 fast paths of the BP widget rules against their plain definitions (property tests).

A widget check reads the family's default scan view itself (no ``widget_lines`` frame), builds its
``Finding`` positionally (no ``Rule.finding`` frame) and reads the quoted lines from their memo
directly; BP001 and BP013 return lists. The findings must be those of the plain definition: the
lines ``widget_lines`` gives, cut into runs at anything but white space, one ``Rule.finding`` per
run that qualifies, quoting its first three lines with ``_quote(line, 40)``.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_bp_fast_paths import widget_texts  # the generator, kept once

from newslint import Document, Edit, Fix
from newslint.document import removal_span
from newslint.rules import boilerplate as bp

_WIDGET_RULES = [rule() for rule in bp.RULES if issubclass(rule, bp._WidgetRule)]
# Below, at and above the length of the shared scan view, and each rule's default.
_LENGTHS = [10, 40, 80, 120, 200, bp.VIEW_MAX_LENGTH - 1, bp.VIEW_MAX_LENGTH, bp.VIEW_MAX_LENGTH + 1, 2000]
_LONG_LINES = ["Share on Facebook " * 8, "Privacy Policy" + " and terms" * 30, "Advertisement"]


def plain_findings(rule: bp._WidgetRule, doc: Document, max_length: int) -> list:
    text = doc.text
    hits = [hit for hit in bp.widget_lines(doc, rule.name, max_length) if hit[0] not in rule.excluded(doc)]
    runs: list[list[bp.Hit]] = []
    for hit in hits:
        if runs and not text[runs[-1][-1][4] + runs[-1][-1][3] : hit[4]].strip():
            runs[-1].append(hit)
        else:
            runs.append([hit])
    findings = []
    for members in filter(rule.qualifies, runs):
        quoted = ", ".join(bp._quote(member[5], 40) for member in members[:3])
        if len(members) > 3:
            quoted += f" (+{len(members) - 3} more lines)"
        start, end = members[0][4], members[-1][4] + members[-1][3]
        fix = Fix(
            rule.fix_description, rule.applicability(text, members), (Edit.delete(*removal_span(text, start, end)),)
        )
        findings.append(rule.finding(start, end, f"{rule.what} left by the scraper: {quoted}", fix))
    return findings


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(widget_texts(5), st.sampled_from(_LONG_LINES)), min_size=1, max_size=6))
    return draw(st.sampled_from(["\n", "\n\n", "\nSome article text.\n"])).join(lines)


@settings(max_examples=250, deadline=None)
@given(documents(), st.sampled_from(_LENGTHS))
def test_widget_checks_give_the_findings_of_the_plain_definition(text, max_length):
    doc = Document(text)
    for rule in _WIDGET_RULES:
        found = rule.check(doc, {"max-line-length": max_length})
        assert list(found) == plain_findings(rule, doc, max_length), rule.code
        assert [finding.message for finding in found] == [f.message for f in plain_findings(rule, doc, max_length)]


def test_a_widget_finding_keeps_the_rule_severity_and_no_data():
    rule = bp.AdLabel()
    (finding,) = rule.check(Document("Text.\nAdvertisement\nMore text."), rule.default_options)
    assert (finding.code, finding.name, finding.severity, finding.data) == (rule.code, rule.name, rule.severity, {})


def test_redirect_and_truncation_checks_return_lists():
    redirect, truncation = bp.RedirectNotice(), bp.TruncationMarker()
    quiet = Document("A plain article line that ends well.")
    assert redirect.check(quiet, redirect.default_options) == []
    assert truncation.check(quiet, truncation.default_options) == []
    doc = Document("Body of the article, long enough to be one.\n\nRedirection en cours...\n\nContinue reading")
    assert [f.code for f in redirect.check(doc, redirect.default_options)] == ["BP001"]
    assert [f.code for f in truncation.check(doc, truncation.default_options)] == ["BP013"]
