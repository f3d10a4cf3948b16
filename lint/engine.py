"""Running rules on documents, and the fixer.

``Linter.plan`` decides once per path which rules run with which options; ``Linter.lint`` runs them
on a Document; ``Linter.fix`` applies fixes pass after pass until the text is stable. Rules only
describe edits: the fixer here is the one place that changes text, and it refuses any fix that
overlaps another (it waits for the next pass), reaches beyond what its finding claims, or would
delete more than half of the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from .config import Settings, applicability_override, enabled_rules, is_fixable
from .document import Document
from .model import Applicability, Finding, Fix, apply_edits
from .registry import RuleSet
from .rule import CorpusRule, Rule

MAX_PASSES = 10


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    options: Mapping[str, Any]
    fixable: bool  # False: the settings make it unfixable, its fixes are dropped
    # SAFE / UNSAFE from extend-safe-fixes / extend-unsafe-fixes, or None to keep the rule's own.
    override: Applicability | None


@dataclass(frozen=True)
class Plan:
    rules: tuple[ActiveRule, ...]
    # What lint needs of each rule, worked out once per plan rather than once per document and rule.
    steps: tuple[tuple[Rule, Mapping[str, Any], str, bool, ActiveRule | None], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(map(_lint_step, self.rules)))

    @property
    def corpus_rules(self) -> tuple[ActiveRule, ...]:
        return tuple(active for active in self.rules if isinstance(active.rule, CorpusRule))


def _lint_step(active: ActiveRule) -> tuple[Rule, Mapping[str, Any], str, bool, ActiveRule | None]:
    """``(rule, options, code, is a corpus rule, active rule if its fixes need adjusting else None)``.

    The rule's ``check`` is looked up per document, not bound here: profilers (bench/profile_rules.py)
    wrap an instance's ``check`` after the plan is made.
    """
    rule = active.rule
    adjusts = not active.fixable or active.override is not None
    return rule, active.options, rule.code, isinstance(rule, CorpusRule), active if adjusts else None


@dataclass(frozen=True)
class RuleCrash:
    code: str
    error: str


@dataclass(frozen=True)
class RefusedFix:
    finding: Finding
    reason: str
    # The text the finding's offsets refer to (the pass it was refused in), for its line and column.
    document: Document | None = None


@dataclass
class FixResult:
    document: Document  # the fixed text
    applied: list[Finding] = field(default_factory=list)
    refused: list[RefusedFix] = field(default_factory=list)
    unstable: list[str] = field(default_factory=list)  # codes still fixing after MAX_PASSES
    passes: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.applied)


class Linter:
    def __init__(self, ruleset: RuleSet, settings: Settings) -> None:
        self.ruleset = ruleset
        self.settings = settings
        self._instances: dict[str, Rule] = {}
        self._plans: dict[tuple[str, ...], Plan] = {}
        self._ignored_by_path: dict[str | None, tuple[str, ...]] = {}
        self.crashes: list[tuple[Document, RuleCrash]] = []

    def _instance(self, rule: type[Rule]) -> Rule:
        if rule.code not in self._instances:
            self._instances[rule.code] = rule()
        return self._instances[rule.code]

    def plan(self, path: str | None = None) -> Plan:
        # Every record of a JSONL file shares its path: resolve the path's ignores once.
        if path not in self._ignored_by_path:
            self._ignored_by_path[path] = self.settings.ignored_for(path) if path else ()
        ignored = self._ignored_by_path[path]
        if ignored not in self._plans:
            active = []
            for rule in enabled_rules(self.settings, self.ruleset, path):
                options = rule.options_with_defaults(self.settings.rule_options.get(rule.code))
                active.append(
                    ActiveRule(
                        self._instance(rule),
                        options,
                        is_fixable(self.settings, rule, self.ruleset),
                        applicability_override(self.settings, rule, self.ruleset),
                    )
                )
            self._plans[ignored] = Plan(tuple(active))
        return self._plans[ignored]

    # -- linting ---------------------------------------------------------------------------------

    def collect_corpus(self, documents: Iterable[Document]) -> dict[str, Any]:
        """Run the corpus rules' map-reduce over ``documents``; returns each rule's model by code."""
        plan = self.plan()
        corpus_rules = plan.corpus_rules
        if not corpus_rules:
            return {}
        summaries: dict[str, list[Any]] = {active.rule.code: [] for active in corpus_rules}
        broken: set[str] = set()
        for document in documents:
            for active in corpus_rules:
                code = active.rule.code
                if code in broken:
                    continue
                try:
                    summaries[code].append(active.rule.collect(document, active.options))  # type: ignore[attr-defined]
                except Exception as error:  # as in lint: one broken rule must not stop the run
                    broken.add(code)
                    self.crashes.append((document, RuleCrash(code, f"{type(error).__name__}: {error}")))
        models: dict[str, Any] = {}
        for active in corpus_rules:
            code = active.rule.code
            if code in broken:
                continue
            try:
                models[code] = active.rule.combine(summaries[code], active.options)  # type: ignore[attr-defined]
            except Exception as error:
                self.crashes.append((Document("", "<corpus>"), RuleCrash(code, f"{type(error).__name__}: {error}")))
        return models

    def lint(
        self, document: Document, plan: Plan | None = None, corpus: Mapping[str, Any] | None = None
    ) -> list[Finding]:
        plan = plan or self.plan(document.path)
        findings: list[Finding] = []
        length = len(document.text)
        for rule, options, code, corpus_rule, adjusting in plan.steps:
            try:
                if corpus_rule:
                    produced = rule.check(document, options, (corpus or {}).get(code))
                else:
                    produced = rule.check(document, options)
                # Most rules find nothing in most documents: keep that path free of per-finding work.
                if produced.__class__ is not list:
                    produced = list(produced)
                if not produced:
                    continue
                if max(map(_END, produced)) > length:
                    _raise_past_the_end(produced, length)
                if adjusting is not None:
                    findings.extend(_adjust_fix(finding, adjusting) for finding in produced)
                else:
                    findings.extend(produced)
            except Exception as error:  # one broken rule must not hide every other finding
                self.crashes.append((document, RuleCrash(code, f"{type(error).__name__}: {error}")))
        findings.sort(key=_ORDER)
        return findings

    # -- fixing ----------------------------------------------------------------------------------

    def fix(
        self,
        document: Document,
        applicable: Sequence[Applicability] = (Applicability.SAFE,),
        plan: Plan | None = None,
        corpus: Mapping[str, Any] | None = None,
        max_passes: int = MAX_PASSES,
    ) -> FixResult:
        plan = plan or self.plan(document.path)
        result = FixResult(document)
        refused_seen: set[tuple[str, str, str]] = set()
        for _ in range(max_passes):
            findings = self.lint(result.document, plan, corpus)
            accepted = self._select_fixes(result.document, findings, applicable, result, refused_seen)
            if not accepted:
                return result
            edits = [edit for finding in accepted for edit in finding.fix.edits]  # type: ignore[union-attr]
            new_text = apply_edits(result.document.text, edits)
            if new_text == result.document.text:
                return result  # fixes that change nothing are not applied fixes (and would loop)
            result.passes += 1
            result.applied.extend(accepted)
            result.document = result.document.with_text(new_text)
        leftover = self._select_fixes(
            result.document, self.lint(result.document, plan, corpus), applicable, FixResult(result.document), set()
        )
        result.unstable = sorted({finding.code for finding in leftover})
        return result

    def _select_fixes(
        self,
        document: Document,
        findings: list[Finding],
        applicable: Sequence[Applicability],
        result: FixResult,
        refused_seen: set[tuple[str, str, str]],
    ) -> list[Finding]:
        """The fixes to apply in this pass.

        The half-document guard is per fix, not a budget shared by all fixes: a budget would make
        each ``--fix`` run delete up to half of what the last one left, and fixing would never be
        idempotent on a page that is mostly boilerplate.
        """
        accepted: list[Finding] = []
        taken: list[tuple[int, int]] = []
        candidates = [f for f in findings if f.fix is not None and f.fix.applicability in applicable]
        for finding in sorted(candidates, key=lambda f: (f.fix.start, f.fix.end, f.code)):  # type: ignore[union-attr]
            reason = refusal_reason(document, finding)
            if reason is not None:
                key = (finding.code, reason, document.text[finding.start : finding.end])
                if key not in refused_seen:
                    refused_seen.add(key)
                    result.refused.append(RefusedFix(finding, reason, document))
                continue
            ranges = [(edit.start, edit.end) for edit in finding.fix.edits]  # type: ignore[union-attr]
            if any(_overlaps(a, b) for a in ranges for b in taken):
                continue  # a conflicting fix waits for the next pass, on the re-linted text
            taken.extend(ranges)
            accepted.append(finding)
        return accepted


_END = attrgetter("end")
_ORDER = attrgetter("start", "end", "code")


def _raise_past_the_end(findings: list[Finding], length: int) -> None:
    # A rule bug: no reporter can place it, and a fix would read past the text.
    finding = next(finding for finding in findings if finding.end > length)
    raise ValueError(
        f"finding span [{finding.start}, {finding.end}) reaches past the end of the text ({length} characters)"
    )


def _adjust_fix(finding: Finding, active: ActiveRule) -> Finding:
    if finding.fix is None:
        return finding
    if not active.fixable:
        return _replace_fix(finding, None)
    if active.override is not None and finding.fix.applicability is not Applicability.DISPLAY_ONLY:
        return _replace_fix(finding, finding.fix.with_applicability(active.override))
    return finding


def _replace_fix(finding: Finding, fix: Fix | None) -> Finding:
    return Finding(
        finding.code, finding.name, finding.message, finding.start, finding.end, finding.severity, fix, finding.data
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:
        # An insertion conflicts with any edit touching its point: the order of the two would be
        # a guess (a final newline inserted where a trailing block is deleted, say).
        point, other = (a, b) if a[0] == a[1] else (b, a)
        return other[0] <= point[0] <= other[1]
    return a[0] < b[1] and b[0] < a[1]


def deleted_characters(fix: Fix) -> int:
    """Characters a fix takes out of the text: its deletions, not its rewrites.

    Decoding ``&eacute;`` to ``é`` shortens the text but deletes nothing a reader would miss, so
    only edits that leave at most white space behind count toward the half-document guard.
    """
    return sum(max(edit.deleted - len(edit.replacement), 0) for edit in fix.edits if not edit.replacement.strip())


def refusal_reason(document: Document, finding: Finding) -> str | None:
    """Why the engine will not apply this finding's fix, or None when it may."""
    fix = finding.fix
    assert fix is not None
    text = document.text
    if fix.end > len(text):
        return "its edits reach past the end of the text"
    low, high = document.claimable_bounds(finding.start, finding.end)
    for edit in fix.edits:
        if edit.start == edit.end:
            if not finding.start <= edit.start <= finding.end:
                return "it inserts text outside the span of its finding"
            continue
        outside = []
        reaches_out = edit.start < finding.start or edit.end > finding.end
        if reaches_out and edit.replacement.strip():
            return "it writes text outside the span of its finding"
        if edit.start < finding.start:
            outside.append((edit.start, min(edit.end, finding.start)))
        if edit.end > finding.end:
            outside.append((max(edit.start, finding.end), edit.end))
        for start, end in outside:
            if start < low or end > high or text[start:end].strip():
                return "it deletes text outside the span of its finding"
    if deleted_characters(fix) * 2 > len(text):
        return "it would delete more than half of the document"
    return None
