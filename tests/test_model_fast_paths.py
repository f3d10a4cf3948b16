"""The fast paths of the engine and the model values, against the plain definitions they replace.

``Linter.lint`` runs from per-plan steps, ``Fix`` skips its checks for the usual one-edit tuple,
``Rule.finding`` builds its finding positionally and ``Rule.line_deletion`` inlines
``Document.removal_span``: each must behave exactly as the straightforward code did.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sample_rules import LaterPastTheEnd, ListRule, Nothing

from newslint import Applicability, Document, Edit, Finding, Fix, Linter, Rule, Severity
from newslint.config import Settings
from newslint.registry import RuleSet

# -- Fix -------------------------------------------------------------------------------------------


def reference_fix_edits(edits: Any) -> tuple[Edit, ...]:
    """The edits a Fix keeps, as its original definition computed them (ValueError when invalid)."""
    if not edits:
        raise ValueError("a fix needs at least one edit")
    if len(edits) == 1:
        return tuple(edits)
    ordered = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.start < before.end:
            raise ValueError("the edits of one fix overlap")
    return ordered


spans = st.tuples(st.integers(0, 12), st.integers(0, 4)).map(lambda s: Edit(s[0], s[0] + s[1], "x" * (s[1] % 2)))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=4), st.sampled_from([tuple, list]))
def test_fix_keeps_orders_or_rejects_edits_as_its_plain_definition(edits, container):
    try:
        expected = reference_fix_edits(container(edits))
    except ValueError as error:
        with pytest.raises(ValueError, match=str(error)):
            Fix("d", Applicability.SAFE, container(edits))
        return
    fix = Fix("d", Applicability.SAFE, container(edits))
    assert type(fix.edits) is tuple and fix.edits == expected


def test_safe_and_unsafe_fixes_keep_their_applicability_and_edits():
    edit = Edit.delete(1, 2)
    assert Fix.safe("d", edit) == Fix("d", Applicability.SAFE, (edit,))
    assert Fix.unsafe("d", edit) == Fix("d", Applicability.UNSAFE, (edit,))
    with pytest.raises(ValueError):
        Fix.unsafe("nothing")
    with pytest.raises(ValueError):
        Fix("nothing", Applicability.SAFE, [])


# -- Rule.finding and Rule.line_deletion --------------------------------------------------------------


class Sample(Rule):
    """Test rule for the helpers."""

    code = "TST901"
    name = "sample"


def test_rule_finding_matches_keyword_construction_with_a_fresh_data_dict():
    rule = Sample()
    fix = Fix.safe("d", Edit.delete(0, 1))
    plain = rule.finding(0, 1, "m", fix)
    assert plain == Finding(code="TST901", name="sample", message="m", start=0, end=1, fix=fix, data={})
    assert plain.severity is Sample.severity and plain.data == {}
    assert plain.data is not rule.finding(0, 1, "m").data  # a reader may fill one finding's data
    detailed = rule.finding(2, 3, "m", severity=Severity.ERROR, left="a", right=1)
    assert detailed.data == {"left": "a", "right": 1} and detailed.fix is None
    assert detailed.severity is Severity.ERROR
    with pytest.raises(ValueError):
        rule.finding(3, 2, "m")


line_texts = st.lists(st.sampled_from(["", " ", "\t", "a", "b c", " x ", "\r", "a\r", "\xa0"]), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(line_texts, st.booleans(), st.data())
def test_line_deletion_is_the_fix_of_document_removal_span(lines, final_break, data):
    doc = Document("\n".join(lines) + ("\n" if final_break else ""))
    count = len(doc.lines)
    assume(count)  # the empty text has no line to delete
    first = data.draw(st.integers(0, count - 1))
    last = data.draw(st.integers(first, count - 1))
    fix = Sample().line_deletion(doc, first, last, "Delete", Applicability.UNSAFE)
    assert fix == Fix("Delete", Applicability.UNSAFE, (Edit.delete(*doc.removal_span(first, last)),))


# -- Linter.lint ----------------------------------------------------------------------------------------


RULESET = RuleSet.from_classes([ListRule, LaterPastTheEnd, Nothing])


def test_lint_takes_lists_and_tuples_and_names_the_first_finding_past_the_end():
    lint = Linter(RULESET, Settings(select=("TST902", "TST903", "TST904")))
    findings = lint.lint(Document("xab ab\n"))
    assert [(f.code, f.start) for f in findings] == [("TST902", 1), ("TST902", 4)]
    ((_, crash),) = lint.crashes
    assert crash.code == "TST903"
    assert crash.error == "ValueError: finding span [1, 9) reaches past the end of the text (7 characters)"


def test_lint_adjusts_the_fixes_of_unfixable_and_overridden_rules_from_the_plan():
    doc = Document("ab\n")
    (unfixable,) = Linter(RULESET, Settings(select=("TST902",), unfixable=("TST902",))).lint(doc)
    assert unfixable.fix is None
    (unsafe,) = Linter(RULESET, Settings(select=("TST902",), extend_unsafe_fixes=("TST902",))).lint(doc)
    assert unsafe.fix.applicability is Applicability.UNSAFE
    (kept,) = Linter(RULESET, Settings(select=("TST902",))).lint(doc)
    assert kept.fix.applicability is Applicability.SAFE


def test_a_check_wrapped_on_the_instance_after_planning_is_the_one_called():
    # Profilers (bench/profile_rules.py, pervar.py) wrap rule.check once the plan exists.
    lint = Linter(RULESET, Settings(select=("TST902",)))
    plan = lint.plan()
    (active,) = plan.rules
    calls = []
    original = active.rule.check

    def wrapped(doc, options):
        calls.append(doc)
        return original(doc, options)

    active.rule.check = wrapped
    try:
        doc = Document("ab\n")
        assert len(lint.lint(doc, plan)) == 1 and calls == [doc]
    finally:
        del active.rule.check
