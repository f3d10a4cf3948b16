"""Output formats: json/jsonl against the report schema, SARIF 2.1.0, GitHub annotations, full and
concise text, statistics."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity
from newslint.cli import main
from newslint.config import load_schema
from newslint.report import (
    Diagnostic,
    artifact_uri,
    display_width,
    format_concise,
    format_full,
    format_github,
    format_json,
    format_jsonl,
    format_sarif,
    format_statistics,
    render,
    summary,
)

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SELECT = ["--select", "BP001,DUP001,LAY003"]
# Characters allowed in a URI reference (RFC 3986): unreserved, reserved and percent escapes.
URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


pytestmark = pytest.mark.usefixtures("only_proof_rules")


class SpamWord(Rule):
    """Flags "SPAM" (test rule)."""

    code = "TST001"
    name = "spam-word"
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        return iter(())


class AbWord(Rule):
    """Flags "ab" (test rule)."""

    code = "TST002"
    name = "ab-word"
    severity = Severity.INFO

    def check(self, doc, options):
        return iter(())


TEXT = "Café 👉 SPAM\r\nligne 2 ab\r\n"
SPAM = TEXT.index("SPAM")


def sample() -> list[Diagnostic]:
    """A safe fix, an unsafe fix, no fix, an info finding, CRLF, emoji, a span ending on a break, a record."""
    doc = Document(TEXT, "dir/Mon article é.txt")
    record = Document("Texte  \n", "corpus.jsonl", record="rec-1", meta={"url": "u"})
    return [
        Diagnostic(
            doc,
            Finding(
                "TST001",
                "spam-word",
                'Spam "SPAM", 100%\nnext',
                SPAM,
                SPAM + 4,
                fix=Fix.safe("Delete it", Edit.delete(SPAM - 1, SPAM + 4)),
            ),
        ),
        Diagnostic(doc, Finding("TST002", "ab-word", "ab: a, b", TEXT.index("ab"), len(TEXT), severity=Severity.INFO)),
        Diagnostic(
            doc,
            Finding(
                "TST001",
                "spam-word",
                "Unsafe one",
                0,
                4,
                fix=Fix.unsafe("Upper", Edit(0, 4, "CAFÉ"), Edit.insert(len(TEXT), "\n")),
            ),
        ),
        Diagnostic(
            record,
            Finding(
                "TST002",
                "ab-word",
                "Trailing",
                5,
                7,
                severity=Severity.ERROR,
                fix=Fix("Show", Applicability.DISPLAY_ONLY, (Edit.delete(5, 7),)),
            ),
        ),
    ]


# -- json and jsonl ---------------------------------------------------------------------------------------


def test_json_output_validates_against_the_report_schema():
    report = json.loads(format_json(sample()))
    jsonschema.Draft202012Validator(load_schema("report.schema.json")).validate(report)
    first = report[0]
    assert (first["path"], first["record"]) == ("dir/Mon article é.txt", None)
    assert (first["code"], first["name"]) == ("TST001", "spam-word")
    assert first["start"] == {"line": 1, "column": 8, "offset": SPAM}  # the emoji is one code point
    assert first["end"] == {"line": 1, "column": 12, "offset": SPAM + 4}
    assert first["fix"]["edits"][0]["start"]["offset"] == SPAM - 1
    assert report[1]["fix"] is None and report[1]["severity"] == "info"
    # A span ending with its CRLF break ends on its own line, after the last character.
    assert report[1]["end"] == {"line": 2, "column": 11, "offset": len(TEXT)}
    assert report[3]["record"] == "rec-1"
    assert report[3]["fix"]["applicability"] == "display-only"


def test_jsonl_output_is_one_schema_valid_finding_per_line():
    lines = format_jsonl(sample()).splitlines()
    assert len(lines) == 4
    schema = load_schema("report.schema.json")
    findings = [json.loads(line) for line in lines]
    jsonschema.Draft202012Validator(schema).validate(findings)
    assert findings == json.loads(format_json(sample()))


def test_json_of_no_findings_is_an_empty_array():
    assert json.loads(format_json([])) == []
    assert format_jsonl([]) == ""


def test_report_schema_rejects_what_it_should():
    validator = jsonschema.Draft202012Validator(load_schema("report.schema.json"))
    finding = json.loads(format_json(sample()))[0]
    assert validator.is_valid([finding])
    assert not validator.is_valid([{**finding, "extra": 1}])
    assert not validator.is_valid([{**finding, "start": {"line": 0, "column": 1, "offset": 0}}])


def test_cli_json_output_on_the_seeds_validates_against_the_schema():
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--isolated", *SELECT, "--output-format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("report.schema.json")).validate(report)
    assert {finding["code"] for finding in report} == {"BP001", "DUP001", "LAY003"}


def test_cli_jsonl_output_on_the_seeds_validates_line_by_line():
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--isolated", *SELECT, "--output-format", "jsonl"])
    findings = [json.loads(line) for line in result.stdout.splitlines()]
    jsonschema.Draft202012Validator(load_schema("report.schema.json")).validate(findings)
    assert len(findings) == 7


# -- SARIF ---------------------------------------------------------------------------------------------------


def sarif_log(diagnostics=None) -> dict:
    return json.loads(format_sarif(sample() if diagnostics is None else diagnostics, [SpamWord, AbWord]))


def test_sarif_validates_against_the_sarif_2_1_0_schema():
    schema = json.loads((FIXTURES / "sarif-2.1.0-subset.schema.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif_log())
    jsonschema.Draft7Validator(schema).validate(sarif_log([]))


def test_sarif_has_the_required_properties():
    log = sarif_log()
    assert log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint"
    assert [rule["id"] for rule in driver["rules"]] == ["TST001", "TST002"]
    assert all(rule["shortDescription"]["text"] for rule in driver["rules"])
    assert run["columnKind"] == "unicodeCodePoints"
    first = run["results"][0]
    assert first["ruleId"] == "TST001"
    assert driver["rules"][first["ruleIndex"]]["id"] == "TST001"
    assert first["message"]["text"] == 'Spam "SPAM", 100%\nnext'
    assert first["level"] == "warning"
    (location,) = first["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "dir/Mon%20article%20%C3%A9.txt"
    assert location["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 8,
        "endLine": 1,
        "endColumn": 12,
        "charOffset": SPAM,
        "charLength": 4,
    }
    (change,) = first["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [
        {"deletedRegion": {"charOffset": SPAM - 1, "charLength": 5}, "insertedContent": {"text": ""}}
    ]
    assert [r["level"] for r in run["results"]] == ["warning", "note", "warning", "error"]
    assert run["results"][3]["locations"][0]["logicalLocations"] == [{"name": "rec-1", "kind": "record"}]


def test_sarif_uris_are_valid_uri_references():
    for path in ("seeds/000.txt", "dir/Mon article é.txt", "/abs/path (1)/a%b.txt", "C:\\news\\a b.txt", "-"):
        uri = artifact_uri(path)
        assert URI_REFERENCE.match(uri), (path, uri)
    assert artifact_uri("/abs/a b.txt") == "/abs/a%20b.txt"
    assert artifact_uri("C:\\news\\a b.txt") == "file:///C:/news/a%20b.txt"


def test_cli_sarif_output_on_the_seeds_validates():
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--isolated", *SELECT, "--output-format", "sarif"])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads((FIXTURES / "sarif-2.1.0-subset.schema.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {"BP001", "DUP001", "LAY003"} <= {rule["id"] for rule in rules}
    assert len(log["runs"][0]["results"]) == 7


# -- GitHub annotations ----------------------------------------------------------------------------------------


def test_github_annotations_escape_data_and_properties():
    doc = Document("x\n", "a,b:c%d.txt")
    finding = Finding("TST001", "spam-word", "100% sure\r\nline two: a, b", 0, 1)
    (line,) = format_github([Diagnostic(doc, finding)]).splitlines()
    assert line == (
        "::warning file=a%2Cb%3Ac%25d.txt,line=1,col=1,endLine=1,endColumn=2,title=TST001 spam-word"
        "::TST001 100%25 sure%0D%0Aline two: a, b"
    )


def test_github_annotations_use_the_severity_and_name_the_record():
    lines = format_github(sample()).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::notice", "::warning", "::error"]
    assert lines[3].endswith("::[rec-1] TST002 Trailing")
    assert "line=1,col=8,endLine=1,endColumn=12" in lines[0]


# -- text formats ----------------------------------------------------------------------------------------------


def test_concise_is_one_line_per_finding_with_fix_markers():
    assert format_concise(sample()).splitlines() == [
        'dir/Mon article é.txt:1:8: TST001 [*] Spam "SPAM", 100% next',  # a break in a message is flattened
        "dir/Mon article é.txt:2:9: TST002 ab: a, b",
        "dir/Mon article é.txt:1:1: TST001 [-] Unsafe one",
        "corpus.jsonl:rec-1:1:6: TST002 Trailing",
    ]


def test_full_shows_the_source_line_carets_under_the_span_and_the_fix():
    text = format_full(sample()[:2])
    blocks = text.split("\n\n")
    assert blocks[0].splitlines() == [
        'dir/Mon article é.txt:1:8: TST001 [*] Spam "SPAM", 100% next',
        "  |",
        "1 | Café 👉 SPAM",
        "  |         ^^^^ TST001",  # the emoji takes two terminal cells
        "  = help: Delete it (safe fix)",
    ]
    assert blocks[1].splitlines() == [
        "dir/Mon article é.txt:2:9: TST002 ab: a, b",
        "  |",
        "2 | ligne 2 ab",
        "  |         ^^ TST002",
    ]
    assert text.endswith("\n")


def test_full_windows_long_lines_and_elides_long_spans():
    long_line = "x" * 150 + " SPAM " + "y" * 150
    doc = Document(long_line + "\n" + "\n".join(f"line {i}" for i in range(10)) + "\n", "a.txt")
    start = long_line.index("SPAM")
    (block,) = format_full([Diagnostic(doc, Finding("TST001", "spam-word", "m", start, start + 4))]).split("\n\n")
    source_line = block.splitlines()[2]
    assert source_line.startswith("1 | …") and source_line.endswith("…")
    assert "SPAM" in source_line
    carets = block.splitlines()[3]
    assert carets.index("^") == source_line.index("SPAM")
    many = format_full([Diagnostic(doc, Finding("TST001", "spam-word", "m", 0, len(doc.text)))])
    assert " | …" in many  # 11 lines are shown as the first and last three


def test_display_width_counts_terminal_cells():
    assert display_width("abc") == 3
    assert display_width("👉") == 2
    assert display_width("e\u0301") == 1
    assert display_width("漢字") == 4


def test_summary_counts_findings_and_fixable_ones():
    diagnostics = sample()
    assert summary([], 0, False) == "All checks passed!"
    assert summary([], 2, False) == "Fixed 2 findings. No findings remain."
    assert summary(diagnostics, 0, False) == "Found 4 findings (1 fixable with `--fix`, 1 more with `--unsafe-fixes`)."
    assert summary(diagnostics, 1, True) == (
        "Fixed 1 finding. Found 4 findings (1 fixable with `--fix`, 1 fixable with `--fix --unsafe-fixes`)."
    )


def test_render_dispatches_every_format_and_rejects_unknown_ones():
    for fmt in ("full", "concise", "json", "jsonl", "sarif", "github"):
        assert render(fmt, sample(), [SpamWord, AbWord])
    with pytest.raises(ValueError):
        render("xml", sample(), [])


# -- statistics -----------------------------------------------------------------------------------------------


def test_statistics_text_counts_per_rule_most_frequent_first():
    assert format_statistics(sample(), as_json=False).splitlines() == [
        "2\tTST001\tspam-word\t[1 fixable]",
        "2\tTST002\tab-word",
    ]
    assert format_statistics([], as_json=False) == ""


def test_statistics_count_unsafe_fixes_as_fixable_only_with_unsafe_fixes():
    assert format_statistics(sample(), as_json=False, unsafe_fixes=True).splitlines()[0] == (
        "2\tTST001\tspam-word\t[2 fixable]"
    )


def test_statistics_json_lists_code_name_count_and_fixable():
    assert json.loads(format_statistics(sample(), as_json=True)) == [
        {"code": "TST001", "name": "spam-word", "count": 2, "fixable": 1},
        {"code": "TST002", "name": "ab-word", "count": 2, "fixable": 0},
    ]


def test_cli_statistics_on_the_seeds_in_text_and_json():
    text = CliRunner().invoke(main, ["check", str(SEEDS), "--isolated", *SELECT, "--statistics"])
    assert text.exit_code == 1
    assert text.stdout.splitlines() == [
        "5\tLAY003\twhitespace-hygiene\t[5 fixable]",
        "1\tBP001 \tredirect-notice\t[1 fixable]",
        "1\tDUP001\tduplicated-section\t[1 fixable]",
    ]
    as_json = CliRunner().invoke(
        main, ["check", str(SEEDS), "--isolated", *SELECT, "--statistics", "--output-format", "json"]
    )
    assert json.loads(as_json.stdout) == [
        {"code": "LAY003", "name": "whitespace-hygiene", "count": 5, "fixable": 5},
        {"code": "BP001", "name": "redirect-notice", "count": 1, "fixable": 1},
        {"code": "DUP001", "name": "duplicated-section", "count": 1, "fixable": 1},
    ]


def test_cli_output_file_receives_the_report(tmp_path):
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["check", str(SEEDS), "--isolated", *SELECT, "--output-format", "json", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(json.loads(out.read_text("utf-8"))) == 7
    assert out.stat().st_mode & 0o044  # readable like any new file, not mkstemp's 0600
