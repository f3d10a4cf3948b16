"""The engine: linting, the fixer (conflicts, passes, refusals, convergence) and rule isolation.

The rules here are test rules defined in this module, so the behaviour pinned is the engine's, not a
built-in rule's. The built-in BP001/DUP001/LAY003 appear only where the seeds are the point.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import Any

import pytest
from sample_rules import TEST_RULES

from newslint import Applicability, Document, Edit, Finding, Fix, FixResult, Linter
from newslint.config import Settings
from newslint.engine import MAX_PASSES, refusal_reason
from newslint.model import apply_edits
from newslint.registry import RuleSet, discover

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SAFE = (Applicability.SAFE,)
ALL_FIXES = (Applicability.SAFE, Applicability.UNSAFE)


RULESET = RuleSet.from_classes(TEST_RULES)


def linter(*select: str, **settings: Any) -> Linter:
    return Linter(RULESET, Settings(select=select, **settings))


def fix(text: str, *select: str, applicable=SAFE, **kwargs: Any) -> FixResult:
    return linter(*select).fix(Document(text, "t.txt"), applicable, **kwargs)


# -- model values ------------------------------------------------------------------------------------


def test_edit_rejects_a_reversed_or_negative_range():
    with pytest.raises(ValueError):
        Edit(3, 2)
    with pytest.raises(ValueError):
        Edit(-1, 2)


def test_fix_orders_its_edits_and_rejects_overlapping_ones():
    fixed = Fix.safe("two", Edit.delete(5, 6), Edit.insert(0, "a"))
    assert [(e.start, e.end) for e in fixed.edits] == [(0, 0), (5, 6)]
    assert (fixed.start, fixed.end) == (0, 6)
    with pytest.raises(ValueError):
        Fix.safe("overlap", Edit.delete(0, 3), Edit.delete(2, 4))
    with pytest.raises(ValueError):
        Fix.safe("nothing")


def test_finding_rejects_an_invalid_span():
    with pytest.raises(ValueError):
        Finding("TST001", "upper-ab", "m", 4, 2)


def test_apply_edits_applies_all_edits_against_the_original_offsets():
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit.delete(0, 1), Edit.insert(3, "-")]) == "bc-dEf"


# -- linting -------------------------------------------------------------------------------------------


def test_findings_on_multibyte_text_have_code_point_spans():
    text = "Été 👉 ab, naïve ab\n"
    findings = linter("TST001").lint(Document(text))
    assert [(f.start, f.end) for f in findings] == [(6, 8), (text.rindex("ab"), text.rindex("ab") + 2)]
    assert all(text[f.start : f.end] == "ab" for f in findings)
    assert Document(text).position(findings[1].start).column == findings[1].start + 1


def test_findings_on_crlf_text_have_spans_into_the_original_text():
    text = "un ab\r\ndeux ab\r\n"
    doc = Document(text)
    findings = linter("TST001").lint(doc)
    assert [doc.position(f.start) for f in findings] == [doc.position(3), doc.position(12)]
    assert [(doc.position(f.start).line, doc.position(f.start).column) for f in findings] == [(1, 4), (2, 6)]


def test_findings_are_sorted_by_position_then_code():
    findings = linter("TST001", "TST003").lint(Document("XX ab XX\n"))
    assert [(f.start, f.code) for f in findings] == [(0, "TST003"), (3, "TST001"), (6, "TST003")]


def test_a_crashing_rule_does_not_stop_the_other_rules_and_is_recorded():
    lint = linter("TST001", "TST009")
    doc = Document("ab\n", "t.txt")
    findings = lint.lint(doc)
    assert [f.code for f in findings if f.code == "TST001"] == ["TST001"]
    assert [(d, c.code) for d, c in lint.crashes] == [(doc, "TST009")]
    assert "RuntimeError: boom" in lint.crashes[0][1].error


def test_a_finding_reaching_past_the_end_of_the_text_is_a_rule_crash_not_a_finding():
    lint = linter("TST001", "TST016")
    findings = lint.lint(Document("ab\n", "t.txt"))
    assert [f.code for f in findings] == ["TST001"]
    ((_, crash),) = lint.crashes
    assert crash.code == "TST016"
    assert crash.error == "ValueError: finding span [0, 8) reaches past the end of the text (3 characters)"


def test_rule_options_merge_defaults_with_configured_values():
    lint = Linter(RULESET, Settings(select=("TST015",), rule_options={"TST015": {"limit": 7}}))
    (finding,) = lint.lint(Document("x"))
    assert finding.message == "limit=7 word=x"


def test_plan_honours_per_file_ignores_per_path(tmp_path):
    lint = Linter(
        RULESET,
        Settings(select=("TST001", "TST003"), per_file_ignores=(("legacy/*.txt", ("TST003",)),), root=tmp_path),
    )
    assert [a.rule.code for a in lint.plan(str(tmp_path / "legacy" / "a.txt")).rules] == ["TST001"]
    assert [a.rule.code for a in lint.plan(str(tmp_path / "new" / "a.txt")).rules] == ["TST001", "TST003"]
    assert lint.plan(str(tmp_path / "legacy" / "b.txt")) is lint.plan(str(tmp_path / "legacy" / "a.txt"))


def test_corpus_rule_sees_the_whole_run_through_collect_and_combine():
    lint = linter("TST013")
    docs = [Document("alpha shared\n", "a.txt"), Document("beta shared\n", "b.txt")]
    corpus = lint.collect_corpus(docs)
    assert corpus == {"TST013": {"shared"}}
    assert [f.message for f in lint.lint(docs[0], corpus=corpus)] == ["'shared' is in several documents"]


def test_a_crashing_corpus_rule_is_recorded_and_does_not_stop_the_run():
    lint = linter("TST013", "TST014")
    docs = [Document("alpha shared\n", "a.txt"), Document("beta shared\n", "b.txt")]
    corpus = lint.collect_corpus(docs)
    assert corpus == {"TST013": {"shared"}}
    assert [crash.code for _, crash in lint.crashes] == ["TST014"]
    assert "ValueError: cannot collect" in lint.crashes[0][1].error


# -- fixing: conflicts and passes ------------------------------------------------------------------------


def test_independent_fixes_are_applied_in_one_pass():
    result = fix("ab XX\n", "TST001", "TST003")
    assert result.document.text == "AB \n"
    assert result.passes == 1
    assert sorted(f.code for f in result.applied) == ["TST001", "TST003"]


def test_overlapping_fixes_apply_one_and_the_other_on_the_next_pass():
    # "ab" and "bc" overlap on "b": the first fix wins the pass, the second waits for the re-lint.
    one_pass = fix("abc\n", "TST001", "TST002", max_passes=1)
    assert one_pass.document.text == "ABc\n"
    assert [f.code for f in one_pass.applied] == ["TST001"]
    assert one_pass.unstable == ["TST002"]  # still had a fix to apply when the passes ran out

    result = fix("abc\n", "TST001", "TST002")
    assert result.document.text == "ABC\n"
    assert [f.code for f in result.applied] == ["TST001", "TST002"]
    assert result.passes == 2
    assert result.unstable == []


def test_an_insertion_touching_a_deletion_waits_for_the_next_pass():
    # DeleteXX removes [3, 5) and FinalPeriod inserts at 5: the order would be a guess.
    one_pass = fix("ab XX\n", "TST003", "TST004", max_passes=1)
    assert one_pass.document.text == "ab \n"
    assert [f.code for f in one_pass.applied] == ["TST003"]

    result = fix("ab XX\n", "TST003", "TST004")
    assert result.document.text == "ab. \n"  # the period goes after "ab", where the re-lint puts it
    assert [f.code for f in result.applied] == ["TST003", "TST004"]
    assert result.passes == 2


def test_fixing_the_fixed_text_changes_nothing():
    text = "abc XX\nxx ab\n"
    first = fix(text, "TST001", "TST002", "TST003", "TST004")
    again = fix(first.document.text, "TST001", "TST002", "TST003", "TST004")
    assert again.document.text == first.document.text
    assert again.applied == [] and again.passes == 0 and not again.changed


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_fixing_a_fixed_seed_changes_nothing(seed):
    builtin = discover(
        [
            importlib.metadata.EntryPoint(name=name, value=f"newslint.rules.{module}:RULES", group="newslint.rules")
            for name, module in (("bp", "boilerplate"), ("dup", "duplication"), ("lay", "layout"))
        ]
    )
    lint = Linter(builtin, Settings(select=("BP001", "DUP001", "LAY003")))
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    first = lint.fix(Document(path.read_text("utf-8"), path.name), SAFE)
    assert first.unstable == [] and first.refused == []
    again = lint.fix(first.document.with_text(first.document.text), SAFE)
    assert again.document.text == first.document.text
    assert not again.changed
    assert lint.lint(first.document) == []


def test_a_fix_that_changes_nothing_is_not_counted_as_applied():
    result = fix("same\n", "TST012")
    assert result.document.text == "same\n"
    assert result.applied == [] and not result.changed and result.unstable == []


# -- fixing: refusals ---------------------------------------------------------------------------------------


def test_a_fix_deleting_non_white_space_outside_its_span_is_refused_and_reported():
    text = "Un article SPAM\n"
    result = fix(text, "TST005")
    assert result.document.text == text
    assert result.applied == []
    (refused,) = result.refused
    assert refused.finding.code == "TST005"
    assert refused.reason == "it deletes text outside the span of its finding"
    assert refused.document is not None and refused.document.text == text


def test_a_refused_fix_is_reported_once_even_over_several_passes():
    # TST001 keeps the fixer busy for a second pass on which TST005 is refused again.
    result = fix("abc word SPAM\n", "TST001", "TST002", "TST005")
    assert result.passes == 2
    assert [r.finding.code for r in result.refused] == ["TST005"]


def test_a_fix_deleting_more_than_half_of_the_document_is_refused():
    text = "court\nNOISE\n"
    result = fix(text, "TST006")
    assert result.document.text == text
    assert [r.reason for r in result.refused] == ["it would delete more than half of the document"]


def test_a_line_deletion_may_take_the_white_space_around_its_span():
    text = "Un long paragraphe d'article qui reste.\n\nNOISE NOISE\n\nLa suite de l'article, elle aussi.\n"
    result = fix(text, "TST007")
    assert result.refused == []
    assert result.document.text == "Un long paragraphe d'article qui reste.\n\nLa suite de l'article, elle aussi.\n"


def test_refusal_reason_rules_on_inserts_outside_the_span_and_edits_past_the_end():
    doc = Document("abc def\n")
    outside = Finding("TST001", "upper-ab", "m", 0, 3, fix=Fix.safe("x", Edit.insert(5, "!")))
    assert refusal_reason(doc, outside) == "it inserts text outside the span of its finding"
    past = Finding("TST001", "upper-ab", "m", 0, 3, fix=Fix.safe("x", Edit.delete(0, 20)))
    assert refusal_reason(doc, past) == "its edits reach past the end of the text"
    inside = Finding("TST001", "upper-ab", "m", 0, 3, fix=Fix.safe("x", Edit(0, 3, "ABC")))
    assert refusal_reason(doc, inside) is None
    # White space just outside the span, on the same line, may go with it.
    spaces = Finding("TST001", "upper-ab", "m", 4, 7, fix=Fix.safe("x", Edit.delete(3, 7)))
    assert refusal_reason(doc, spaces) is None


def test_fixes_never_run_forever_and_report_the_rule_that_does_not_converge():
    result = fix("texte\n", "TST008")
    assert result.passes == MAX_PASSES == 10
    assert result.document.text == "texte\n" + "!" * 10
    assert result.unstable == ["TST008"]


# -- fixing: applicability ------------------------------------------------------------------------------------


def test_unsafe_fixes_apply_only_when_requested_and_display_only_never():
    text = "zz yy\n"
    assert fix(text, "TST010", "TST011").document.text == text
    assert fix(text, "TST010", "TST011", applicable=ALL_FIXES).document.text == "ZZ yy\n"


def test_unfixable_rules_report_findings_without_fixes():
    lint = Linter(RULESET, Settings(select=("TST001", "TST003"), unfixable=("TST003",)))
    findings = lint.lint(Document("ab XX\n"))
    assert {f.code: f.fix is not None for f in findings} == {"TST001": True, "TST003": False}
    assert lint.fix(Document("ab XX\n"), SAFE).document.text == "AB XX\n"


def test_extend_unsafe_and_extend_safe_fixes_override_the_applicability():
    demoted = Linter(RULESET, Settings(select=("TST001", "TST010"), extend_unsafe_fixes=("TST001",)))
    assert demoted.fix(Document("ab zz\n"), SAFE).document.text == "ab zz\n"
    promoted = Linter(RULESET, Settings(select=("TST001", "TST010"), extend_safe_fixes=("TST010",)))
    assert promoted.fix(Document("ab zz\n"), SAFE).document.text == "AB ZZ\n"
    display = Linter(RULESET, Settings(select=("TST011",), extend_safe_fixes=("TST011",)))
    (finding,) = display.lint(Document("yy"))
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY


def test_a_crashing_rule_during_fix_leaves_the_other_fixes_applied():
    lint = linter("TST001", "TST009")
    result = lint.fix(Document("ab\n", "t.txt"), SAFE)
    assert result.document.text == "AB\n"
    assert {crash.code for _, crash in lint.crashes} == {"TST009"}


def test_many_small_deletions_are_each_judged_alone_so_fixing_stays_idempotent():
    # A page that is mostly boilerplate loses it all in one run, and a second run changes nothing;
    # a budget shared by all fixes would delete half of what is left on every run instead.
    text = "Une vraie phrase d'article.\n" + "NOISE\n" * 12
    first = fix(text, "TST007")
    assert first.document.text == "Une vraie phrase d'article.\n"
    assert fix(first.document.text, "TST007").applied == []


def test_a_replacement_writing_text_outside_the_span_is_refused():
    doc = Document("abc  def\n")
    finding = Finding("TST001", "upper-ab", "m", 0, 3, fix=Fix.safe("x", Edit(2, 5, "c!!")))
    assert refusal_reason(doc, finding) == "it writes text outside the span of its finding"
