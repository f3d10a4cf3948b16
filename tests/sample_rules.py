"""Test rules for the engine and CLI tests: each exercises one engine behaviour (conflicts,
refusals, convergence, crashes, corpus rules), so the behaviour pinned is the engine's."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from newslint import Applicability, CorpusRule, Document, Edit, Finding, Fix, Rule


class _PatternRule(Rule):
    """Test rule: flags ``pattern`` matches and replaces each with ``replacement(match)``."""

    pattern: str = ""
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def replacement(self, match: regex.Match[str]) -> str | None:
        return None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        for match in regex.finditer(self.pattern, doc.text):
            new = self.replacement(match)
            fix = (
                None
                if new is None
                else Fix("Replace", self.fix_applicability, (Edit(match.start(), match.end(), new),))
            )
            yield self.finding(match.start(), match.end(), f"Found {match.group()!r}", fix)


class UpperAB(_PatternRule):
    """Upper-cases "ab"."""

    code = "TST001"
    name = "upper-ab"
    pattern = r"(?i)ab"

    def replacement(self, match):
        return None if match.group() == "AB" else "AB"

    def check(self, doc, options):
        for finding in super().check(doc, options):
            if doc.text[finding.start : finding.end] != "AB":
                yield finding


class UpperBC(UpperAB):
    """Upper-cases "bc"."""

    code = "TST002"
    name = "upper-bc"
    pattern = r"(?i)bc"

    def check(self, doc, options):
        for finding in _PatternRule.check(self, doc, options):
            if doc.text[finding.start : finding.end] != "BC":
                yield finding

    def replacement(self, match):
        return "BC"


class DeleteXX(_PatternRule):
    """Deletes "XX"."""

    code = "TST003"
    name = "delete-xx"
    pattern = r"XX"

    def replacement(self, match):
        return ""


class FinalPeriod(Rule):
    """Inserts a period at the end of every content line that lacks one."""

    code = "TST004"
    name = "final-period"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        for line in doc.content_lines:
            stripped = line.text.rstrip()
            if not stripped.endswith("."):
                at = line.start + len(stripped)
                yield self.finding(at, at, "No final period", Fix.safe("Add a period", Edit.insert(at, ".")))


class GreedyFix(Rule):
    """Flags "SPAM" but its fix also deletes the word before it (outside its span)."""

    code = "TST005"
    name = "greedy-fix"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        for match in regex.finditer(r"(\w+) (SPAM)", doc.text):
            yield self.finding(
                match.start(2), match.end(2), "Spam", Fix.safe("Delete", Edit.delete(match.start(1), match.end(2)))
            )


class WipeOut(Rule):
    """Flags the line "NOISE" and fixes it by deleting the whole text."""

    code = "TST006"
    name = "wipe-out"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        for line in doc.lines:
            if line.text == "NOISE":
                yield self.finding(0, len(doc.text), "Noise", Fix.safe("Delete all", Edit.delete(0, len(doc.text))))


class NoiseLine(Rule):
    """Flags lines made of "NOISE" words and deletes them."""

    code = "TST007"
    name = "noise-line"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        for line in doc.lines:
            if line.text and set(line.text.split()) == {"NOISE"}:
                yield self.finding(
                    line.start,
                    line.end,
                    "Noise",
                    self.line_deletion(doc, line.index, line.index, "Delete", Applicability.SAFE),
                )


class Exclaim(Rule):
    """Never satisfied: always inserts one more "!" at the end of the text."""

    code = "TST008"
    name = "exclaim"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        end = len(doc.text)
        yield self.finding(end, end, "Not enough enthusiasm", Fix.safe("Add !", Edit.insert(end, "!")))


class Crashing(Rule):
    """Crashes on every text."""

    code = "TST009"
    name = "crashing"
    default_enabled = False

    def check(self, doc, options):
        yield self.finding(0, 0, "first")
        raise RuntimeError("boom")


class UnsafeUpper(_PatternRule):
    """Upper-cases "zz", unsafely."""

    code = "TST010"
    name = "unsafe-upper"
    pattern = r"zz"
    fix_applicability = Applicability.UNSAFE

    def replacement(self, match):
        return "ZZ"


class DisplayOnly(_PatternRule):
    """Suggests upper-casing "yy", never applied."""

    code = "TST011"
    name = "display-only"
    pattern = r"yy"
    fix_applicability = Applicability.DISPLAY_ONLY

    def replacement(self, match):
        return "YY"


class NoOpFix(_PatternRule):
    """Flags "same" and "fixes" it by writing the same text."""

    code = "TST012"
    name = "no-op-fix"
    pattern = r"same"

    def replacement(self, match):
        return match.group()


class PastTheEnd(Rule):
    """Yields a finding whose span reaches past the end of the text (a rule bug)."""

    code = "TST016"
    name = "past-the-end"
    default_enabled = False

    def check(self, doc, options):
        yield self.finding(0, len(doc.text) + 5, "Too far")


class ListRule(Rule):
    """Returns a list, not a generator, with one finding per "ab"."""

    code = "TST902"
    name = "list-rule"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        return [
            self.finding(i, i + 2, "ab", Fix.safe("Upper", Edit(i, i + 2, "AB")))
            for i in range(len(doc.text))
            if doc.text.startswith("ab", i)
        ]


class LaterPastTheEnd(Rule):
    """Its second finding reaches past the end: the crash names that one."""

    code = "TST903"
    name = "later-past-the-end"
    default_enabled = False

    def check(self, doc, options):
        return (self.finding(0, 1, "ok"), self.finding(1, len(doc.text) + 2, "far"), self.finding(0, 99, "farther"))


class Nothing(Rule):
    """Returns an empty tuple."""

    code = "TST904"
    name = "nothing"
    default_enabled = False

    def check(self, doc, options):
        return ()


class WordCount(CorpusRule):
    """Corpus rule: flags words seen in more than one document of the run."""

    code = "TST013"
    name = "shared-word"
    default_enabled = False

    def collect(self, doc, options):
        return set(doc.text.split())

    def combine(self, summaries, options):
        seen: dict[str, int] = {}
        for words in summaries:
            for word in words:
                seen[word] = seen.get(word, 0) + 1
        return {word for word, count in seen.items() if count > 1}

    def check(self, doc, options, corpus=None):
        for match in regex.finditer(r"\S+", doc.text):
            if corpus and match.group() in corpus:
                yield self.finding(match.start(), match.end(), f"{match.group()!r} is in several documents")


class CrashingCorpus(WordCount):
    """Corpus rule whose collect crashes."""

    code = "TST014"
    name = "crashing-corpus"

    def collect(self, doc, options):
        raise ValueError("cannot collect")


class OptionRule(Rule):
    """Reports its options."""

    code = "TST015"
    name = "option-rule"
    default_enabled = False
    default_options = {"limit": 3, "word": "x"}
    options_schema = {
        "type": "object",
        "properties": {
            "limit": {"type": "integer", "description": "d"},
            "word": {"type": "string", "description": "d"},
        },
        "additionalProperties": False,
    }

    def check(self, doc, options):
        yield self.finding(0, 0, f"limit={options['limit']} word={options['word']}")


TEST_RULES = [
    UpperAB,
    UpperBC,
    DeleteXX,
    FinalPeriod,
    GreedyFix,
    WipeOut,
    NoiseLine,
    Exclaim,
    Crashing,
    UnsafeUpper,
    DisplayOnly,
    NoOpFix,
    WordCount,
    CrashingCorpus,
    OptionRule,
    PastTheEnd,
]
