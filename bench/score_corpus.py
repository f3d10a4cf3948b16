#!/usr/bin/env python3
"""Score newslint's fixer against gold article text.

Usage::

    .venv/bin/python bench/score_corpus.py /work/shared/corpus [--out scores.json] [--select BP,DUP] [--extend-select DUP005]

CORPUS_DIR holds ``naive.jsonl``, ``trafilatura.jsonl`` and ``gold.jsonl`` (fields id, url, lang,
source, text). For every naive and trafilatura record that has a gold text, the installed rules fix
the text twice (safe fixes only, then safe + unsafe), exactly as ``newslint check --fix
[--unsafe-fixes] --isolated FILE.jsonl`` would (the record's ``lang`` is the document language, the
corpus rules learn from the whole file). Every character the fixer removes is traced back to the
original text and to the rule whose edit removed it, and each line of the extraction is labelled
gold (article) or not (boilerplate) by comparing it with the gold text.

Definitions (all character counts are VISIBLE characters: white space and invisible control/format
characters such as U+200B or U+00AD are never counted, so layout hygiene never counts):

* A line of the extraction is **gold** when its white-space-folded text is a line of the gold text,
  or is at least ``FRAGMENT_MIN`` characters long and occurs inside the folded gold text (naive
  extractions cut paragraphs at links, so their lines are often fragments of a gold paragraph).
  When a gold line occurs more often in the extraction than in the gold text, the extra copies are
  boilerplate (duplicates), and removed copies are counted as the extra ones first.
  Every other non-blank line is **boilerplate** (to a first approximation: gold text is not perfectly
  clean either).
* A character is **removed** when a fix edit deletes it (an edit whose replacement has no visible
  character). An edit that replaces visible text by other visible text (mojibake repair, quote repair)
  **rewrites** it: rewritten characters are reported apart and do not count as removed.
* **deletion precision** = removed boilerplate characters / all removed characters.
* **content loss** = removed gold characters / gold characters in the extraction.
* **boilerplate recall** (lines) = boilerplate lines fully removed / boilerplate lines; the character
  recall (removed boilerplate characters / boilerplate characters) is printed too.

Attribution is exact: the engine's own ``Linter.fix`` runs once per document and mode; a Linter
subclass records what each pass selected (``_select_fixes``), so each applied finding's edits are
mapped back to offsets of the original text, pass after pass. The replay is checked against the
fixed text; a document it cannot trace is reported and left out of the counts.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import json
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from newslint import Applicability, Document, Linter
from newslint.config import Settings
from newslint.engine import MAX_PASSES
from newslint.model import apply_edits
from newslint.registry import ENTRY_POINT_GROUP, PluginError, RuleSet, rules_from_object

VARIANTS = ("naive", "trafilatura")
MODES = {
    "safe": (Applicability.SAFE,),
    "unsafe": (Applicability.SAFE, Applicability.UNSAFE),
}
FRAGMENT_MIN = 20  # a line this long (folded) that occurs inside the gold text is gold

TARGETS = {
    # (mode, metric): (comparison, value, variants it applies to)
    ("safe", "precision"): (">=", 0.99, VARIANTS),
    ("safe", "content_loss"): ("<=", 0.001, VARIANTS),
    ("unsafe", "precision"): (">=", 0.95, VARIANTS),
    ("unsafe", "line_recall"): (">=", 0.50, ("naive",)),
}


def fold(text: str) -> str:
    return " ".join(text.split())


_INVISIBLE = regex.compile(r"[\s\p{Cc}\p{Cf}]+")


def nonws(text: str) -> int:
    """Visible characters: neither white space nor control or format characters (ZWSP, soft hyphen…)."""
    return len(_INVISIBLE.sub("", text))


def visible(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
    return records


def load_ruleset(strict: bool = False) -> tuple[RuleSet, list[str]]:
    """The installed rules; a family that fails to load is skipped with a warning unless ``strict``
    (rules are written while the benchmark runs: one half-saved module must not stop it)."""
    import importlib.metadata

    classes = []
    problems = []
    entry_points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    for entry_point in sorted(entry_points, key=lambda ep: (ep.name, ep.value)):
        try:
            classes.extend(rules_from_object(entry_point.load()))
        except Exception as error:  # noqa: BLE001 - reported, and fatal with --strict
            problems.append(
                f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: {type(error).__name__}: {error}"
            )
    if problems and strict:
        raise PluginError("; ".join(problems))
    for problem in problems:
        print(f"WARNING: {problem} (its rules are left out)", file=sys.stderr)
    return RuleSet.from_classes(classes), problems


def make_document(record: dict[str, Any], path: str) -> Document:
    meta = {key: value for key, value in record.items() if key != "text"}
    lang = record.get("lang") if isinstance(record.get("lang"), str) else None
    return Document(record["text"], path, str(record.get("id")), meta, lang)


# -- labelling lines -------------------------------------------------------------------------------


@dataclass
class LineInfo:
    start: int
    end: int
    text: str
    key: str  # folded text
    size: int  # non-white-space characters
    gold_key: bool  # the whole folded line occurs in the gold text (before the duplicate accounting)
    # For a line that is not gold as a whole: the raw offsets of the gold lines it contains (an
    # extractor that glues a page into one line, as trafilatura does with table layouts).
    gold_ranges: list[tuple[int, int]] = field(default_factory=list)


def folded_with_offsets(body: str, base: int) -> tuple[str, list[int]]:
    """``fold(body)`` and, for each of its characters, the offset of the raw character it comes from."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(body):
        if char.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            offsets.append(base + index - 1)
            pending_space = False
        chars.append(char)
        offsets.append(base + index)
    return "".join(chars), offsets


def contained_gold(body: str, base: int, long_gold_keys: list[str]) -> list[tuple[int, int]]:
    folded, offsets = folded_with_offsets(body, base)
    ranges = []
    for key in long_gold_keys:
        if len(key) > len(folded):
            continue
        at = folded.find(key)
        while at != -1:
            ranges.append((offsets[at], offsets[at + len(key) - 1] + 1))
            at = folded.find(key, at + len(key))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def split_lines(text: str, gold_lines: set[str], gold_folded: str) -> list[LineInfo]:
    long_gold_keys = sorted((key for key in gold_lines if len(key) >= FRAGMENT_MIN), key=len, reverse=True)
    shortest = len(long_gold_keys[-1]) if long_gold_keys else 0
    infos = []
    start = 0
    for body in text.split("\n"):
        key = fold(body)
        if key:
            gold = key in gold_lines or (len(key) >= FRAGMENT_MIN and key in gold_folded)
            info = LineInfo(start, start + len(body), body, key, nonws(body), gold)
            if not gold and long_gold_keys and len(key) > shortest:
                info.gold_ranges = contained_gold(body, start, long_gold_keys)
            infos.append(info)
        start += len(body) + 1
    return infos


def gold_allowance(infos: list[LineInfo], gold_lines: Counter, gold_folded: str) -> dict[str, int]:
    """How many copies of each gold key the gold text holds."""
    allowance: dict[str, int] = {}
    for info in infos:
        if info.gold_key and info.key not in allowance:
            allowance[info.key] = max(gold_lines.get(info.key, 0), gold_folded.count(info.key), 1)
    return allowance


# -- tracing fixes back to the original text --------------------------------------------------------


@dataclass
class Trace:
    text: str
    removed_by: dict[int, str] = field(default_factory=dict)  # original offset -> rule code
    rewritten_by: dict[int, str] = field(default_factory=dict)
    applied: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)
    passes: int = 0
    unstable: bool = False
    traced: bool = True  # False: the passes could not be reconstructed (engine changed?)


class TracingLinter(Linter):
    """A Linter that records, for each fix pass, the text it selected fixes on and the fixes it
    accepted, so that every applied edit can be mapped back to the original text. The fixing itself
    is the engine's own ``Linter.fix``, untouched."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.selections: list[tuple[str, list]] = []

    def _select_fixes(self, *args: Any, **kwargs: Any):  # type: ignore[override]
        accepted = super()._select_fixes(*args, **kwargs)
        document = args[0] if args else kwargs["document"]
        self.selections.append((document.text, list(accepted)))
        return accepted


def traced_fix(linter: TracingLinter, document: Document, applicable, corpus) -> Trace:
    linter.selections = []
    result = linter.fix(document, applicable, None, corpus)
    trace = Trace(result.document.text)
    trace.unstable = bool(result.unstable)
    for refused in result.refused:
        trace.refused[refused.finding.code] += 1
    for finding in result.applied:
        trace.applied[finding.code] += 1

    # Replay: a selection is a pass when it was made on the current text and its fixes are the next
    # ones in result.applied (the engine drops a pass whose edits change nothing, and selects once
    # more on the final text when it gives up).
    origin = list(range(len(document.text)))  # current offset -> original offset (-1: inserted)
    current = document.text
    consumed = 0
    for text, accepted in linter.selections:
        if not accepted or text != current:
            continue
        if any(a is not b for a, b in zip(accepted, result.applied[consumed : consumed + len(accepted)], strict=False)):
            continue
        if consumed + len(accepted) > len(result.applied):
            continue
        consumed += len(accepted)
        trace.passes += 1
        edits = sorted(
            ((edit, finding.code) for finding in accepted for edit in finding.fix.edits),
            key=lambda item: (item[0].start, item[0].end),
        )
        new_origin: list[int] = []
        cursor = 0
        for edit, code in edits:
            new_origin.extend(origin[cursor : edit.start])
            target = trace.rewritten_by if nonws(edit.replacement) else trace.removed_by
            for offset in origin[edit.start : edit.end]:
                if offset >= 0 and visible(document.text[offset]):
                    target.setdefault(offset, code)
            new_origin.extend([-1] * len(edit.replacement))
            cursor = edit.end
        new_origin.extend(origin[cursor:])
        origin = new_origin
        current = apply_edits(current, [edit for edit, _ in edits])
    trace.traced = consumed == len(result.applied) and current == result.document.text
    return trace


# -- counting ---------------------------------------------------------------------------------------


def empty_stats() -> dict[str, float]:
    return {
        "docs": 0,
        "chars": 0,
        "gold_chars": 0,
        "bp_chars": 0,
        "bp_lines": 0,
        "removed": 0,
        "removed_gold": 0,
        "removed_bp": 0,
        "removed_bp_lines": 0,
        "rewritten": 0,
        "rewritten_gold": 0,
        "changed_docs": 0,
        "unstable_docs": 0,
    }


def finish(stats: dict[str, float]) -> dict[str, float]:
    def ratio(a: float, b: float) -> float | None:
        return a / b if b else None

    stats["precision"] = ratio(stats["removed_bp"], stats["removed"])
    stats["content_loss"] = ratio(stats["removed_gold"], stats["gold_chars"])
    stats["line_recall"] = ratio(stats["removed_bp_lines"], stats["bp_lines"])
    stats["char_recall"] = ratio(stats["removed_bp"], stats["bp_chars"])
    return stats


def in_ranges(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def score_document(record, gold_record, trace: Trace, stats_targets, rule_stats, losses, variant, mode):
    text = record["text"]
    gold_text = gold_record["text"]
    gold_lines = Counter(fold(line) for line in gold_text.split("\n") if line.strip())
    gold_folded = fold(gold_text)
    infos = split_lines(text, set(gold_lines), gold_folded)
    allowance = gold_allowance(infos, gold_lines, gold_folded)
    starts = [info.start for info in infos]

    # Per line: the removed (and rewritten) original offsets, with the rule that removed them.
    per_line_removed: list[list[tuple[int, str]]] = [[] for _ in infos]
    per_line_rewritten: list[list[tuple[int, str]]] = [[] for _ in infos]
    for offsets, target in ((trace.removed_by, per_line_removed), (trace.rewritten_by, per_line_rewritten)):
        for offset, code in offsets.items():
            index = bisect.bisect_right(starts, offset) - 1
            if index >= 0 and infos[index].start <= offset < infos[index].end:
                target[index].append((offset, code))

    # Whole gold lines: surplus copies (more than the gold text holds) are boilerplate, removed ones first.
    fully_removed = [len(per_line_removed[i]) >= info.size for i, info in enumerate(infos)]
    copies: dict[str, list[int]] = defaultdict(list)
    for index, info in enumerate(infos):
        if info.gold_key:
            copies[info.key].append(index)
    is_gold = [False] * len(infos)
    for key, indexes in copies.items():
        surplus = max(len(indexes) - allowance[key], 0)
        ordered = sorted(indexes, key=lambda i: (not fully_removed[i], i))
        for position, index in enumerate(ordered):
            is_gold[index] = position >= surplus

    doc = empty_stats()
    doc["docs"] = 1
    doc["changed_docs"] = int(trace.text != text)
    doc["unstable_docs"] = int(trace.unstable)
    for index, info in enumerate(infos):
        ranges = info.gold_ranges
        if is_gold[index]:
            gold_size = info.size
        elif ranges:
            gold_size = sum(nonws(text[start:end]) for start, end in ranges)
        else:
            gold_size = 0

        def gold_at(offset: int, index: int = index, ranges=ranges) -> bool:
            return is_gold[index] or (bool(ranges) and in_ranges(offset, ranges))

        doc["chars"] += info.size
        doc["gold_chars"] += gold_size
        doc["bp_chars"] += info.size - gold_size
        if gold_size == 0:
            doc["bp_lines"] += 1
            doc["removed_bp_lines"] += int(fully_removed[index])
        lost_by: Counter = Counter()
        for offset, code in per_line_removed[index]:
            gold = gold_at(offset)
            doc["removed"] += 1
            row = rule_stats[code]
            row["removed"] += 1
            if gold:
                doc["removed_gold"] += 1
                row["removed_gold"] += 1
                lost_by[code] += 1
            else:
                doc["removed_bp"] += 1
        for offset, code in per_line_rewritten[index]:
            gold = gold_at(offset)
            doc["rewritten"] += 1
            rule_stats[code]["rewritten"] += 1
            if gold:
                doc["rewritten_gold"] += 1
                rule_stats[code]["rewritten_gold"] += 1
        for code, count in lost_by.items():
            losses.append(
                {
                    "variant": variant,
                    "mode": mode,
                    "id": record.get("id"),
                    "lang": record.get("lang"),
                    "rule": code,
                    "gold_chars_removed": count,
                    "line_number": text.count("\n", 0, info.start) + 1,
                    "line": info.text.strip()[:100],
                }
            )
    for code, count in trace.applied.items():
        rule_stats[code]["applied"] += count
        rule_stats[code]["docs"] += 1
    for code, count in trace.refused.items():
        rule_stats[code]["refused"] += count
    for stats in stats_targets:
        for key, value in doc.items():
            stats[key] += value


# -- printing ---------------------------------------------------------------------------------------


def pct(value: float | None, digits: int = 2) -> str:
    return "   n/a" if value is None else f"{100 * value:6.{digits}f}%"


def verdict(mode: str, metric: str, variant: str, value: float | None) -> str:
    target = TARGETS.get((mode, metric))
    if target is None or variant not in target[2]:
        return ""
    op, bound, _ = target
    shown = f"{op} {100 * bound:g}%"
    if value is None:
        return f"[target {shown}: n/a]"
    ok = value >= bound if op == ">=" else value <= bound
    return f"[target {shown}: {'ok' if ok else 'MISS'}]"


def print_summary(results: dict[str, Any], langs_order: list[str]) -> None:
    header = (
        f"  {'scope':<10} {'docs':>4} {'chars':>9} {'removed':>8} {'precision':>9} {'content loss':>12} "
        f"{'bp recall (lines)':>17} {'bp recall (chars)':>17} {'rewritten':>9}"
    )
    for variant in VARIANTS:
        for mode in MODES:
            block = results["scores"][variant][mode]
            print(f"\n== {variant} / {mode} fixes " + "=" * 60)
            print(header)
            rows = [("overall", block["overall"])] + [
                (lang, block["by_lang"][lang]) for lang in langs_order if lang in block["by_lang"]
            ]
            for name, stats in rows:
                print(
                    f"  {name:<10} {stats['docs']:>4} {stats['chars']:>9} {stats['removed']:>8} "
                    f"{pct(stats['precision']):>9} {pct(stats['content_loss'], 3):>12} "
                    f"{pct(stats['line_recall']):>17} {pct(stats['char_recall']):>17} {stats['rewritten']:>9}"
                )
            overall = block["overall"]
            notes = [
                f"precision {pct(overall['precision']).strip()} {verdict(mode, 'precision', variant, overall['precision'])}",
                f"content loss {pct(overall['content_loss'], 3).strip()} {verdict(mode, 'content_loss', variant, overall['content_loss'])}",
                f"boilerplate line recall {pct(overall['line_recall']).strip()} {verdict(mode, 'line_recall', variant, overall['line_recall'])}",
            ]
            for note in notes:
                print("  " + note.rstrip())
            if overall["unstable_docs"]:
                print(f"  {overall['unstable_docs']} document(s) did not converge in {MAX_PASSES} passes")


def print_rules(results: dict[str, Any]) -> None:
    print("\n== Removed characters by rule (visible characters; gold = content loss) " + "=" * 24)
    print(
        f"  {'variant':<11} {'mode':<6} {'rule':<8} {'docs':>4} {'fixes':>6} {'removed':>8} {'gold':>7} "
        f"{'precision':>9} {'rewritten':>9} {'rw gold':>7} {'refused':>7}"
    )
    for variant in VARIANTS:
        for mode in MODES:
            table = results["scores"][variant][mode]["by_rule"]
            for code in sorted(table):
                row = table[code]
                print(
                    f"  {variant:<11} {mode:<6} {code:<8} {row['docs']:>4} {row['applied']:>6} {row['removed']:>8} "
                    f"{row['removed_gold']:>7} {pct(row['precision']):>9} {row['rewritten']:>9} "
                    f"{row['rewritten_gold']:>7} {row['refused']:>7}"
                )


def print_losses(losses: list[dict[str, Any]], limit: int) -> None:
    print(f"\n== Worst content loss (removed gold text, top {limit} per mode) " + "=" * 30)
    if not losses:
        print("  none: no fix removed gold text")
        return
    safe_keys = {(x["variant"], x["id"], x["rule"], x["line_number"]) for x in losses if x["mode"] == "safe"}
    for mode, title in (("safe", "safe fixes"), ("unsafe", "unsafe fixes only (not already lost by safe fixes)")):
        rows = [
            loss
            for loss in sorted(losses, key=lambda x: (-x["gold_chars_removed"], x["variant"], x["id"]))
            if loss["mode"] == mode
            and (mode == "safe" or (loss["variant"], loss["id"], loss["rule"], loss["line_number"]) not in safe_keys)
        ]
        print(f"  -- {title}: {len(rows)} line(s)")
        print(f"  {'variant':<11} {'record id':<24} {'line':>5} {'rule':<8} {'chars':>5}  removed gold line")
        for loss in rows[:limit]:
            print(
                f"  {loss['variant']:<11} {loss['id']:<24} {loss['line_number']:>5} {loss['rule']:<8} "
                f"{loss['gold_chars_removed']:>5}  {loss['line']!r}"
            )


def print_gold_lint(gold_lint: dict[str, Any]) -> None:
    print("\n== Gold lint (the active rules, no fix, on gold.jsonl) " + "=" * 37)
    print(f"  {gold_lint['docs']} gold documents, {gold_lint['docs_with_findings']} with findings")
    expected = {"SRC001", "SRC002", "LAY003"}
    counts = gold_lint["by_code"]
    if not counts:
        print("  no findings")
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        note = "" if code in expected else "  <- unexpected on gold text"
        print(f"  {code:<8} {count:>6} findings in {gold_lint['docs_by_code'][code]:>4} docs{note}")
    print("  target: almost nothing besides SRC001/SRC002/LAY003")
    if gold_lint["examples"]:
        print("  examples of unexpected findings:")
        for example in gold_lint["examples"]:
            print(f"    {example['id']:<24} {example['code']:<8} {example['message'][:60]!r}  {example['text']!r}")


# -- main -------------------------------------------------------------------------------------------


def split_selectors(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--out", type=Path, help="write every number (and the loss examples) as JSON here")
    parser.add_argument(
        "--select",
        action="append",
        metavar="SELECTORS",
        help="rules to run instead of the defaults (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--extend-select",
        action="append",
        metavar="SELECTORS",
        help="rules to run besides the defaults or --select, e.g. DUP005 (comma-separated, repeatable)",
    )
    parser.add_argument("--ignore", action="append", metavar="SELECTORS", help="rules to leave out")
    parser.add_argument("--examples", type=int, default=25, help="how many content-loss examples to print")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail when a rule family cannot be loaded (default: skip it with a warning)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    ruleset, problems = load_ruleset(args.strict)
    select = split_selectors(args.select)
    extend = split_selectors(args.extend_select) or ()
    ignore = split_selectors(args.ignore) or ()
    for selector in (select or ()) + extend + ignore:
        if not ruleset.matching(selector):
            parser.error(f"{selector!r} is not a rule code, prefix, name or ALL")
    settings = Settings(select=select, extend_select=extend, ignore=ignore)
    linter = TracingLinter(ruleset, settings)
    active = [a.rule.code for a in linter.plan().rules]

    gold = {str(r["id"]): r for r in load_jsonl(args.corpus_dir / "gold.jsonl")}
    results: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "corpus": str(args.corpus_dir),
        "rules_installed": sorted(ruleset.rules),
        "rules_active": active,
        "plugin_problems": problems,
        "fragment_min": FRAGMENT_MIN,
        "scores": {},
    }
    print(f"newslint corpus score, {results['date']}: {len(active)} active rules: {' '.join(active)}")

    all_losses: list[dict[str, Any]] = []
    mismatches = []
    langs = Counter()
    crashes = Counter()
    for variant in VARIANTS:
        path = args.corpus_dir / f"{variant}.jsonl"
        records = load_jsonl(path)
        documents = [make_document(record, path.name) for record in records]
        corpus = linter.collect_corpus(documents)  # as `newslint check FILE.jsonl` does
        results["scores"][variant] = {}
        for mode, applicable in MODES.items():
            overall = empty_stats()
            by_lang: dict[str, dict] = defaultdict(empty_stats)
            by_rule: dict[str, Counter] = defaultdict(Counter)
            for record, document in zip(records, documents, strict=False):
                gold_record = gold.get(str(record.get("id")))
                if gold_record is None:
                    continue
                lang = str(record.get("lang") or "?")
                if variant == VARIANTS[0] and mode == "safe":
                    langs[lang] += 1
                trace = traced_fix(linter, document, applicable, corpus)
                if not trace.traced:
                    mismatches.append((variant, mode, record.get("id")))
                    continue
                score_document(record, gold_record, trace, (overall, by_lang[lang]), by_rule, all_losses, variant, mode)
            rules_table = {}
            for code, row in by_rule.items():
                row = dict(row)
                for key in ("docs", "applied", "removed", "removed_gold", "rewritten", "rewritten_gold", "refused"):
                    row.setdefault(key, 0)
                row["precision"] = (row["removed"] - row["removed_gold"]) / row["removed"] if row["removed"] else None
                rules_table[code] = row
            results["scores"][variant][mode] = {
                "overall": finish(overall),
                "by_lang": {lang: finish(stats) for lang, stats in sorted(by_lang.items())},
                "by_rule": rules_table,
            }
        for _document, crash in linter.crashes:
            crashes[crash.code] += 1
        linter.crashes.clear()

    # Gold lint: the default (or selected) rules on gold text, no fix.
    gold_records = list(gold.values())
    gold_documents = [make_document(record, "gold.jsonl") for record in gold_records]
    gold_corpus = linter.collect_corpus(gold_documents)
    by_code: Counter = Counter()
    docs_by_code: Counter = Counter()
    docs_with_findings = 0
    examples = []
    for document in gold_documents:
        findings = linter.lint(document, None, gold_corpus)
        docs_with_findings += bool(findings)
        for code in {f.code for f in findings}:
            docs_by_code[code] += 1
        for finding in findings:
            by_code[finding.code] += 1
            if finding.code not in {"SRC001", "SRC002", "LAY003"} and len(examples) < 15:
                examples.append(
                    {
                        "id": document.record,
                        "code": finding.code,
                        "message": finding.message,
                        "text": document.text[finding.start : finding.end][:80],
                    }
                )
    for _document, crash in linter.crashes:
        crashes[crash.code] += 1
    linter.crashes.clear()
    results["gold_lint"] = {
        "docs": len(gold_documents),
        "docs_with_findings": docs_with_findings,
        "by_code": dict(by_code),
        "docs_by_code": dict(docs_by_code),
        "examples": examples,
    }
    results["crashes"] = dict(crashes)
    results["untraced_documents"] = [list(m) for m in mismatches]
    results["content_loss_examples"] = sorted(all_losses, key=lambda x: -x["gold_chars_removed"])
    results["seconds"] = round(time.perf_counter() - started, 2)

    langs_order = [lang for lang, _ in langs.most_common()]
    print(
        f"scored records with gold text: {sum(langs.values())} ({', '.join(f'{lang} {n}' for lang, n in langs.most_common())})"
    )
    print(f"line labels: gold = folded line is a gold line, or >= {FRAGMENT_MIN} chars and inside the gold text")
    print_summary(results, langs_order)
    print_rules(results)
    print_losses(all_losses, args.examples)
    print_gold_lint(results["gold_lint"])
    if crashes:
        print(f"\nRULE CRASHES: {dict(crashes)}")
    if mismatches:
        print(
            f"\nWARNING: the fix passes of {len(mismatches)} document(s) could not be traced back to the original "
            f"text (has the engine's fix loop changed?); their removals are not counted: {mismatches[:5]}"
        )
    print(f"\n{results['seconds']} s")
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
