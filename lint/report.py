"""Output formats: full, concise, json, jsonl, sarif, github, and the statistics table.

Every reporter takes the same list of :class:`Diagnostic` (a finding plus the document its offsets
refer to) and returns text, so the CLI decides where it goes.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import quote

from .document import Document
from .model import Applicability, Finding
from .rule import Rule

FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SNIPPET_WIDTH = 100  # characters of a long line shown around a span
SNIPPET_LINES = 6


@dataclass(frozen=True)
class Diagnostic:
    document: Document
    finding: Finding

    @property
    def where(self) -> str:
        doc = self.document
        return f"{doc.path}:{doc.record}" if doc.record is not None else doc.path


def newslint_version() -> str:
    try:
        return version("newslint")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _position(doc: Document, offset: int, end_of: int | None = None) -> dict[str, int]:
    pos = doc.end_position(end_of, offset) if end_of is not None else doc.position(offset)
    return {"line": pos.line, "column": pos.column, "offset": offset}


def _marker(fix_applicability: Applicability | None) -> str:
    return {Applicability.SAFE: "[*] ", Applicability.UNSAFE: "[-] "}.get(fix_applicability, "")  # type: ignore[arg-type]


# -- text formats ------------------------------------------------------------------------------


def _one_line(message: str) -> str:
    """A message on one line: a rule's line break must not split a text report's line."""
    return " ".join(message.split("\n")).replace("\r", "") if "\n" in message or "\r" in message else message


def format_concise(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for diagnostic in diagnostics:
        finding, doc = diagnostic.finding, diagnostic.document
        pos = doc.position(finding.start)
        marker = _marker(finding.fix.applicability if finding.fix else None)
        message = _one_line(finding.message)
        lines.append(f"{diagnostic.where}:{pos.line}:{pos.column}: {finding.code} {marker}{message}")
    return "\n".join(lines) + ("\n" if lines else "")


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: 2 for wide and full-width characters, 0 for combining marks
    and zero-width characters, 1 otherwise."""
    cells = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200c\u200d\u2060\ufeff" or "\ufe00" <= char <= "\ufe0f":
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


def _snippet(doc: Document, start: int, end: int, code: str) -> list[str]:
    """The source lines of a span with carets under it, windowed for long or many lines."""
    first = doc.line_index_at(start)
    last = doc.line_index_at(max(end - 1, start))
    indexes = list(range(first, last + 1))
    if len(indexes) > SNIPPET_LINES:
        indexes = indexes[: SNIPPET_LINES // 2] + [-1] + indexes[-(SNIPPET_LINES // 2) :]
    gutter = len(str(last + 1))
    out = [f"{' ' * gutter} |"]
    for index in indexes:
        if index == -1:
            out.append(f"{'.' * gutter} | …")
            continue
        line = doc.line_at(index) if doc.text else None
        text = line.text if line else ""
        line_start = line.start if line else 0
        mark_from = max(start, line_start) - line_start
        mark_to = min(end, line.end if line else 0) - line_start
        window_start = 0
        if len(text) > SNIPPET_WIDTH:
            window_start = max(0, min(mark_from - 20, len(text) - SNIPPET_WIDTH))
            shown = text[window_start : window_start + SNIPPET_WIDTH]
            shown = ("…" if window_start else "") + shown + ("…" if window_start + SNIPPET_WIDTH < len(text) else "")
            offset = 1 if window_start else 0
        else:
            shown, offset = text, 0
        out.append(f"{index + 1:>{gutter}} | {shown}")
        if index in (first, last) or len(indexes) == 1:
            lo = max(mark_from - window_start + offset, 0)
            hi = min(mark_to - window_start + offset, len(shown))
            # Carets line up in a terminal: wide characters (emoji, CJK) take two cells and
            # combining accents none, in the line above as under it.
            width = max(display_width(shown[lo:hi]), 1)
            label = f" {code}" if index == last else ""
            out.append(f"{' ' * gutter} | {' ' * display_width(shown[:lo])}{'^' * width}{label}")
    return out


def format_full(diagnostics: Sequence[Diagnostic]) -> str:
    blocks = []
    for diagnostic in diagnostics:
        finding, doc = diagnostic.finding, diagnostic.document
        pos = doc.position(finding.start)
        marker = _marker(finding.fix.applicability if finding.fix else None)
        message = _one_line(finding.message)
        block = [f"{diagnostic.where}:{pos.line}:{pos.column}: {finding.code} {marker}{message}"]
        if doc.text:  # a text has lines exactly when it is not empty
            block.extend(_snippet(doc, finding.start, finding.end, finding.code))
        if finding.fix is not None:
            gutter = len(str(doc.line_index_at(max(finding.end - 1, finding.start)) + 1))
            block.append(f"{' ' * gutter} = help: {finding.fix.description} ({finding.fix.applicability.value} fix)")
        blocks.append("\n".join(block))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def summary(remaining: Sequence[Diagnostic], fixed: int, unsafe_enabled: bool) -> str:
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.")
    if not remaining:
        parts.append("All checks passed!" if not fixed else "No findings remain.")
        return " ".join(parts)
    safe = sum(1 for d in remaining if d.finding.fix and d.finding.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for d in remaining if d.finding.fix and d.finding.fix.applicability is Applicability.UNSAFE)
    count = len(remaining)
    line = f"Found {count} finding{'s' if count != 1 else ''}"
    hints = []
    if safe:
        hints.append(f"{safe} fixable with `--fix`")
    if unsafe and not unsafe_enabled:
        hints.append(f"{unsafe} more with `--unsafe-fixes`")
    elif unsafe:
        hints.append(f"{unsafe} fixable with `--fix --unsafe-fixes`")
    parts.append(line + (f" ({', '.join(hints)})." if hints else "."))
    return " ".join(parts)


# -- machine formats ---------------------------------------------------------------------------


def finding_to_json(diagnostic: Diagnostic) -> dict[str, Any]:
    finding, doc = diagnostic.finding, diagnostic.document
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "description": finding.fix.description,
            "edits": [
                {
                    "start": _position(doc, edit.start),
                    "end": _position(doc, edit.end, end_of=edit.start),
                    "replacement": edit.replacement,
                }
                for edit in finding.fix.edits
            ],
        }
    return {
        "path": doc.path,
        "record": doc.record,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "start": _position(doc, finding.start),
        "end": _position(doc, finding.end, end_of=finding.start),
        "fix": fix,
    }


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    # One finding per line: readable and diffable, and unlike ``indent=`` it keeps json's C encoder
    # (ten times faster on a corpus with a hundred thousand findings).
    if not diagnostics:
        return "[]\n"
    items = ",\n  ".join(json.dumps(finding_to_json(d), ensure_ascii=False) for d in diagnostics)
    return f"[\n  {items}\n]\n"


def format_jsonl(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(json.dumps(finding_to_json(d), ensure_ascii=False) + "\n" for d in diagnostics)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A path as the URI reference SARIF requires: ``/`` separators, spaces and non-ASCII
    percent-encoded (``Mon article.txt`` -> ``Mon%20article.txt``), Windows drives as file URIs."""
    posix = path.replace("\\", "/")
    if len(posix) > 2 and posix[1] == ":" and posix[2] == "/" and posix[0].isalpha():
        return "file:///" + quote(posix, safe="/:")
    return quote(posix, safe="/")


def _sarif_rule(rule: type[Rule]) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title()},
        "fullDescription": {"text": rule.documentation() or rule.title()},
        "help": {"text": rule.documentation() or rule.title()},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity.value], "enabled": rule.default_enabled},
        "properties": {"family": rule.family(), "fixable": rule.is_fixable()},
    }


def format_sarif(diagnostics: Sequence[Diagnostic], rules: Iterable[type[Rule]]) -> str:
    rule_list = sorted({rule.code: rule for rule in rules}.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rule_list)}
    results = []
    for diagnostic in diagnostics:
        finding, doc = diagnostic.finding, diagnostic.document
        start = doc.position(finding.start)
        end = doc.end_position(finding.start, finding.end)
        location: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(doc.path)},
                "region": {
                    "startLine": start.line,
                    "startColumn": start.column,
                    "endLine": end.line,
                    "endColumn": end.column,
                    "charOffset": finding.start,
                    "charLength": finding.end - finding.start,
                },
            }
        }
        if doc.record is not None:
            location["logicalLocations"] = [{"name": doc.record, "kind": "record"}]
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _SARIF_LEVEL[finding.severity.value],
            "message": {"text": finding.message},
            "locations": [location],
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": finding.fix.description},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": artifact_uri(doc.path)},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                    "insertedContent": {"text": e.replacement},
                                }
                                for e in finding.fix.edits
                            ],
                        }
                    ],
                    "properties": {"applicability": finding.fix.applicability.value},
                }
            ]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": newslint_version(),
                        "informationUri": "https://pypi.org/project/newslint/",
                        "rules": [_sarif_rule(rule) for rule in rule_list],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for diagnostic in diagnostics:
        finding, doc = diagnostic.finding, diagnostic.document
        start = doc.position(finding.start)
        end = doc.end_position(finding.start, finding.end)
        level = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        props = (
            f"file={_escape_property(doc.path)},line={start.line},col={start.column},"
            f"endLine={end.line},endColumn={end.column},title={_escape_property(f'{finding.code} {finding.name}')}"
        )
        record = f"[{doc.record}] " if doc.record is not None else ""
        lines.append(f"::{level} {props}::{_escape_data(record + finding.code + ' ' + finding.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render(fmt: str, diagnostics: Sequence[Diagnostic], rules: Iterable[type[Rule]]) -> str:
    if fmt == "full":
        return format_full(diagnostics)
    if fmt == "concise":
        return format_concise(diagnostics)
    if fmt == "json":
        return format_json(diagnostics)
    if fmt == "jsonl":
        return format_jsonl(diagnostics)
    if fmt == "sarif":
        return format_sarif(diagnostics, rules)
    if fmt == "github":
        return format_github(diagnostics)
    raise ValueError(f"unknown output format {fmt!r}")


# -- statistics --------------------------------------------------------------------------------


def statistics(diagnostics: Sequence[Diagnostic], unsafe_fixes: bool = False) -> list[dict[str, Any]]:
    """Findings per code; ``fixable`` counts what ``--fix`` would apply (unsafe fixes too when
    ``unsafe_fixes``), as ruff's statistics do."""
    applicable = {Applicability.SAFE, Applicability.UNSAFE} if unsafe_fixes else {Applicability.SAFE}
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    names: dict[str, str] = {}
    for diagnostic in diagnostics:
        finding = diagnostic.finding
        counts[finding.code] += 1
        names[finding.code] = finding.name
        if finding.fix is not None and finding.fix.applicability in applicable:
            fixable[finding.code] += 1
    return [
        {"code": code, "name": names[code], "count": count, "fixable": fixable[code]}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def format_statistics(diagnostics: Sequence[Diagnostic], as_json: bool, unsafe_fixes: bool = False) -> str:
    rows = statistics(diagnostics, unsafe_fixes)
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(row["count"])) for row in rows)
    code_width = max(len(row["code"]) for row in rows)
    out = []
    for row in rows:
        fixable = f"[{row['fixable']} fixable]" if row["fixable"] else ""
        out.append(f"{row['count']:>{width}}\t{row['code']:<{code_width}}\t{row['name']}\t{fixable}".rstrip())
    return "\n".join(out) + "\n"
