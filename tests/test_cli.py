"""The command line: exit codes, input errors, --fix/--diff on the seeds, atomic writes, stdin,
JSONL inputs, the rule command and the help of every option."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import proof_ruleset
from sample_rules import Crashing, Exclaim, GreedyFix

from newslint import Rule, cli, sources
from newslint.cli import main
from newslint.registry import RuleSet

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SELECT = ["--select", "BP001,DUP001,LAY003"]
CLEAN = "Un article propre, sans rien à redire.\n\nUn second paragraphe, lui aussi sans défaut.\n"
DIRTY = "Un article sur la politique locale.   \n\nLa suite de l'article, sans histoire.\n"


pytestmark = pytest.mark.usefixtures("only_proof_rules")


def with_rules(monkeypatch, *classes: type[Rule]) -> None:
    ruleset = RuleSet.from_classes([*proof_ruleset().rules.values(), *classes])
    monkeypatch.setattr(cli, "default_ruleset", lambda: ruleset)


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def seed_path(folder: Path, prefix: str) -> Path:
    (path,) = folder.glob(f"{prefix}_*.txt")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# -- test rules ---------------------------------------------------------------------------------------


class Unfixable(Rule):
    """Flags "Moustique" with no fix (test rule)."""

    code = "TST016"
    name = "unfixable"
    default_enabled = False

    def check(self, doc, options):
        at = doc.text.find("Moustique")
        if at >= 0:
            yield self.finding(at, at + 9, "Moustique")


# -- exit codes ------------------------------------------------------------------------------------------


def test_exit_0_and_all_checks_passed_on_a_clean_file(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT)
    assert result.exit_code == 0
    assert result.stdout == "All checks passed!\n"
    assert result.stderr == ""


def test_exit_1_when_findings_remain(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--output-format", "concise")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'a.txt'}:1:36: LAY003 [*] Trailing white space",
        "Found 1 finding (1 fixable with `--fix`).",
    ]


def test_quiet_drops_the_summary_line(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--output-format", "concise", "-q")
    assert result.stdout.splitlines() == [f"{tmp_path / 'a.txt'}:1:36: LAY003 [*] Trailing white space"]


def test_exit_zero_turns_findings_into_exit_0_but_not_errors(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    assert run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--exit-zero").exit_code == 0
    result = run("check", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "--isolated", *SELECT, "--exit-zero")
    assert result.exit_code == 2


def test_exit_non_zero_on_fix_reports_applied_fixes(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--fix", "--exit-non-zero-on-fix")
    assert result.exit_code == 1
    assert "Fixed 1 finding. No findings remain." in result.stdout
    again = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--fix", "--exit-non-zero-on-fix")
    assert again.exit_code == 0


def test_fix_exits_0_when_everything_was_fixed(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--fix")
    assert result.exit_code == 0
    assert (tmp_path / "a.txt").read_text("utf-8") == DIRTY.replace(".   \n", ".\n")


def test_fix_only_fixes_reports_nothing_and_exits_0_even_with_unfixable_findings(tmp_path, monkeypatch):
    with_rules(monkeypatch, Unfixable)
    (tmp_path / "a.txt").write_text(DIRTY + "Moustique.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", "--select", "LAY003,TST016", "--fix-only")
    assert result.exit_code == 0
    assert "Moustique" not in result.stdout and "TST016" not in result.stdout
    assert (tmp_path / "a.txt").read_text("utf-8") == DIRTY.replace(".   \n", ".\n") + "Moustique.\n"
    plain_fix = run("check", str(tmp_path / "a.txt"), "--isolated", "--select", "LAY003,TST016", "--fix")
    assert plain_fix.exit_code == 1  # --fix still reports what remains


def test_show_fixes_lists_the_applied_fixes_per_file(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--fix", "--show-fixes")
    assert f"- {tmp_path / 'a.txt'}:\n    1 × LAY003 (whitespace-hygiene)" in result.stdout


# -- input errors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("latin1.txt", "Café crème\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at line 1, offset 3)"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "file holds only white space"),
    ],
)
def test_an_unreadable_input_is_one_error_line_and_the_others_are_still_linted(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    result = run(
        "check", str(tmp_path / name), str(tmp_path / "good.txt"), "--isolated", *SELECT, "--output-format", "concise"
    )
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {tmp_path / name}: {message}\n"
    assert f"{tmp_path / 'good.txt'}:1:36: LAY003" in result.stdout


def test_a_missing_path_is_one_error_line_and_the_others_are_still_linted(tmp_path):
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "nope.txt"), str(tmp_path / "good.txt"), "--isolated", *SELECT)
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {tmp_path / 'nope.txt'}: no such file or directory\n"
    assert "LAY003" in result.stdout


def test_a_file_named_twice_is_linted_once(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), str(tmp_path), "--isolated", *SELECT, "--output-format", "concise")
    assert result.stdout.count("LAY003") == 1


def test_an_unknown_output_format_is_a_usage_error():
    result = run("check", "--output-format", "xml")
    assert result.exit_code == 2


# -- --fix and --diff on the seeds --------------------------------------------------------------------------------


def test_fix_on_the_seeds_changes_exactly_the_expected_lines(tmp_path):
    folder = seed_copy(tmp_path)
    before = {name: data.decode("utf-8") for name, data in snapshot(folder).items()}
    result = run("check", str(folder), "--isolated", *SELECT, "--fix")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Fixed 6 findings. No findings remain.\n"
    after = {name: data.decode("utf-8") for name, data in snapshot(folder).items()}

    seed0 = seed_path(folder, "000").name
    lines = before[seed0].splitlines(keepends=True)
    assert lines[44].startswith("Redirection en cours")
    assert after[seed0] == "".join(lines[:43])  # lines 44-47 (blank, notice, blank, notice) are gone
    assert after[seed0].endswith("\n") and not after[seed0].endswith("\n\n")

    seed1 = seed_path(folder, "001").name
    lines = before[seed1].splitlines(keepends=True)
    assert lines[44:73] == lines[14:43]  # the copy of lines 15-43
    assert after[seed1] == "".join(lines[:44]) + lines[74] + "\n"  # the copy goes, a final newline comes

    for prefix in ("002", "003", "004"):
        name = seed_path(folder, prefix).name
        assert not before[name].endswith("\n")
        assert after[name] == before[name] + "\n"


def test_a_second_fix_run_on_the_seeds_changes_nothing(tmp_path):
    folder = seed_copy(tmp_path)
    run("check", str(folder), "--isolated", *SELECT, "--fix")
    fixed = snapshot(folder)
    again = run("check", str(folder), "--isolated", *SELECT, "--fix")
    assert again.exit_code == 0
    assert again.stdout == "All checks passed!\n"
    assert snapshot(folder) == fixed


def test_fix_keeps_file_permissions_and_leaves_no_temporary_file(tmp_path):
    folder = seed_copy(tmp_path)
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()}
    os.chmod(seed_path(folder, "002"), 0o640)
    modes[seed_path(folder, "002").name] = 0o640
    names = sorted(modes)
    run("check", str(folder), "--isolated", *SELECT, "--fix")
    assert sorted(path.name for path in folder.iterdir()) == names
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()} == modes


def test_diff_writes_nothing_and_prints_a_unified_diff(tmp_path):
    folder = seed_copy(tmp_path)
    before = snapshot(folder)
    result = run("check", str(folder), "--isolated", *SELECT, "--diff")
    assert result.exit_code == 1
    assert snapshot(folder) == before
    seed0 = seed_path(folder, "000")
    assert f"--- a/{seed0}\n+++ b/{seed0}\n@@ -41,7 +41,3 @@\n" in result.stdout
    assert "\n-Redirection en cours...\n" in result.stdout
    assert "\\ No newline at end of file\n" in result.stdout
    assert result.stdout.count("\n+++ ") + result.stdout.startswith("+++ ") == 5
    assert result.stdout.endswith("Would fix 6 findings in 5 files.\n")


def test_diff_on_clean_files_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", *SELECT, "--diff")
    assert result.exit_code == 0
    assert result.stdout == "Would fix 0 findings in 0 files.\n"


def test_fix_writes_through_a_symbolic_link(tmp_path):
    (tmp_path / "real.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    run("check", str(tmp_path / "link.txt"), "--isolated", *SELECT, "--fix")
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text("utf-8") == DIRTY.replace(".   \n", ".\n")


# -- atomic writes ----------------------------------------------------------------------------------------------


def test_a_failing_replace_keeps_the_original_and_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text(DIRTY, encoding="utf-8")

    def failing_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sources.os, "replace", failing_replace)
    with pytest.raises(OSError):
        sources.write_atomic(target, "new content")
    assert target.read_text("utf-8") == DIRTY
    assert [path.name for path in tmp_path.iterdir()] == ["a.txt"]


def test_a_failure_while_writing_keeps_the_original_and_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text(DIRTY, encoding="utf-8")
    monkeypatch.setattr(sources.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises(OSError):
        sources.write_atomic(target, "new content")
    assert target.read_text("utf-8") == DIRTY
    assert [path.name for path in tmp_path.iterdir()] == ["a.txt"]


def test_cli_reports_a_failed_write_and_exits_2_with_the_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text(DIRTY, encoding="utf-8")

    def failing_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sources.os, "replace", failing_replace)
    result = run("check", str(target), "--isolated", *SELECT, "--fix")
    assert result.exit_code == 2
    assert f"newslint: error: {target}: cannot write the fixed file: No space left on device" in result.stderr
    assert target.read_text("utf-8") == DIRTY
    assert [path.name for path in tmp_path.iterdir()] == ["a.txt"]


def test_write_atomic_replaces_the_content_in_one_step(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o600)
    sources.write_atomic(target, "new\r\nline")
    assert target.read_bytes() == b"new\r\nline"  # no newline translation
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# -- stdin ------------------------------------------------------------------------------------------------------


def test_stdin_is_linted_under_the_stdin_filename(tmp_path):
    result = run(
        "check", "-", "--stdin-filename", "x.txt", "--isolated", *SELECT, "--output-format", "concise", input=DIRTY
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "x.txt:1:36: LAY003 [*] Trailing white space"


def test_stdin_without_a_filename_is_named_dash():
    result = run("check", "-", "--isolated", *SELECT, "--output-format", "concise", input=DIRTY)
    assert result.stdout.splitlines()[0] == "-:1:36: LAY003 [*] Trailing white space"


def test_stdin_with_fix_prints_the_fixed_text_on_stdout_and_the_report_on_stderr():
    result = run("check", "-", "--stdin-filename", "x.txt", "--isolated", *SELECT, "--fix", input=DIRTY)
    assert result.exit_code == 0
    assert result.stdout == DIRTY.replace(".   \n", ".\n")
    assert "Fixed 1 finding." in result.stderr


def test_stdin_with_diff_prints_the_diff():
    result = run("check", "-", "--stdin-filename", "x.txt", "--isolated", *SELECT, "--diff", input=DIRTY)
    assert result.exit_code == 1
    assert "-Un article sur la politique locale.   \n+Un article sur la politique locale.\n" in result.stdout


def test_stdin_filename_alone_reads_stdin():
    result = run("check", "--stdin-filename", "x.txt", "--isolated", *SELECT, "--output-format", "concise", input=DIRTY)
    assert result.stdout.startswith("x.txt:1:36: LAY003")


# -- JSONL inputs -----------------------------------------------------------------------------------------------


def write_jsonl(path: Path) -> list[str]:
    lines = [
        json.dumps({"id": "rec-1", "url": "https://example.invalid/é", "text": "Texte propre.\n"}, ensure_ascii=False)
        + "\n",
        '{"id":"rec-2",  "lang":"fr", "text":"Caf\\u00e9 du matin.   \\n\\nSuite.\\n", "n": 1.50}\n',
        "{not json\n",
        json.dumps({"id": "rec-3", "text": "Ligne\u2028même ligne.  \n"}, ensure_ascii=False) + "\r\n",
        '{"id": "rec-4", "body": "no text field"}\n',
        "\n",
        json.dumps({"text": "Sans identifiant.  \n"}) + "\n",
    ]
    path.write_text("".join(lines), encoding="utf-8")
    return lines


def test_jsonl_records_are_linted_with_their_ids_and_bad_lines_are_reported(tmp_path):
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path)
    result = run("check", str(path), "--isolated", *SELECT, "--output-format", "concise")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"newslint: error: {path}:line 3: invalid JSON: Expecting property name enclosed in double quotes",
        f"newslint: error: {path}:line 5: record has no string field 'text'",
    ]
    assert result.stdout.splitlines()[:-1] == [
        f"{path}:rec-2:1:15: LAY003 [*] Trailing white space",
        f"{path}:rec-3:1:18: LAY003 [*] Trailing white space",  # U+2028 is inside the line
        f"{path}:line 7:1:18: LAY003 [*] Trailing white space",
    ]


def test_jsonl_fix_rewrites_only_the_text_fields_of_changed_records(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = write_jsonl(path)
    result = run("check", str(path), "--isolated", *SELECT, "--fix")
    assert result.exit_code == 2  # the bad lines are still errors
    after = path.read_bytes().decode("utf-8").split("\n")
    after = [line + "\n" for line in after[:-1]] + ([after[-1]] if after[-1] else [])
    assert len(after) == len(lines)
    assert after[0] == lines[0]  # unchanged record: byte for byte
    assert after[1] == '{"id":"rec-2",  "lang":"fr", "text":"Caf\\u00e9 du matin.\\n\\nSuite.\\n", "n": 1.50}\n'
    assert after[2] == lines[2] and after[4] == lines[4] and after[5] == lines[5]
    assert after[3] == json.dumps({"id": "rec-3", "text": "Ligne\u2028même ligne.\n"}, ensure_ascii=False) + "\r\n"
    assert after[6] == json.dumps({"text": "Sans identifiant.\n"}) + "\n"
    assert json.loads(after[3])["text"] == "Ligne\u2028même ligne.\n"


def test_jsonl_diff_shows_the_changed_records(tmp_path):
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path)
    before = path.read_bytes()
    result = run("check", str(path), "--isolated", *SELECT, "--diff")
    assert path.read_bytes() == before
    assert '+{"id":"rec-2",  "lang":"fr", "text":"Caf\\u00e9 du matin.\\n\\nSuite.\\n", "n": 1.50}' in result.stdout


# -- engine problems surfaced by the CLI -------------------------------------------------------------------------


def test_a_crashing_rule_is_reported_once_exits_2_and_the_other_rules_still_run(tmp_path, monkeypatch):
    with_rules(monkeypatch, Crashing)
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    for extra in ([], ["--fix"]):
        result = run(
            "check",
            str(tmp_path / "a.txt"),
            "--isolated",
            "--select",
            "LAY003,TST009",
            "--output-format",
            "concise",
            *extra,
        )
        assert result.exit_code == 2
        assert result.stderr == (
            f"newslint: error: {tmp_path / 'a.txt'}: rule TST009 crashed: RuntimeError: boom (please report this bug)\n"
        )
    lint_only = run(
        "check", str(tmp_path / "a.txt"), "--isolated", "--select", "LAY003,TST009", "--output-format", "concise"
    )
    assert "All checks passed!" in lint_only.stdout  # the --fix run above fixed LAY003


def test_a_refused_fix_is_reported_and_the_file_is_left_alone(tmp_path, monkeypatch):
    with_rules(monkeypatch, GreedyFix)
    text = "Un article propre.\nIci du SPAM\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", "--select", "LAY003,TST005", "--fix")
    assert result.exit_code == 1
    assert (
        f"newslint: warning: {tmp_path / 'a.txt'}:2:8: TST005 fix refused: "
        "it deletes text outside the span of its finding" in result.stderr
    )
    assert (tmp_path / "a.txt").read_text("utf-8") == text


def test_a_refused_fix_is_located_in_the_text_it_was_refused_in(tmp_path, monkeypatch):
    # LAY003 removes blank lines above the SPAM line in the same pass: the position reported is
    # the one in the text the refusal was made on (line 4), not an offset read in the final text.
    with_rules(monkeypatch, GreedyFix)
    text = "\n\n\nIci du SPAM\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", "--select", "LAY003,TST005", "--fix")
    assert f"{tmp_path / 'a.txt'}:4:8: TST005 fix refused" in result.stderr
    assert (tmp_path / "a.txt").read_text("utf-8") == "Ici du SPAM\n"


def test_fixes_that_do_not_converge_are_reported(tmp_path, monkeypatch):
    with_rules(monkeypatch, Exclaim)
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--isolated", "--select", "TST008", "--fix")
    assert result.exit_code == 1
    expected = f"newslint: warning: {tmp_path / 'a.txt'}: fixes did not converge after the maximum passes for TST008"
    assert expected in result.stderr
    assert (tmp_path / "a.txt").read_text("utf-8") == CLEAN + "!" * 10


# -- the rule command -----------------------------------------------------------------------------------------------


def test_rule_code_prints_the_rule_page():
    result = run("rule", "BP001")
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith("# redirect-notice (BP001)\n")
    assert "Family: BP. Severity: warning. On by default. A safe fix is available" in page
    positions = [page.index(f"## {section}") for section in ("What it does", "Why it matters", "Example", "Fix safety")]
    assert positions == sorted(positions)
    assert "## Options" in page and "- `max-line-length` (default " in page


def test_rule_name_prints_the_same_page_as_the_code():
    assert run("rule", "redirect-notice").stdout == run("rule", "BP001").stdout
    assert run("rule", "bp001").stdout == run("rule", "BP001").stdout


def test_rule_code_as_json_includes_the_documentation():
    data = json.loads(run("rule", "DUP001", "--output-format", "json").stdout)
    assert data["code"] == "DUP001" and data["name"] == "duplicated-section"
    assert "## What it does" in data["documentation"]


def test_rule_all_lists_every_rule():
    result = run("rule", "--all")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["BP001", "DUP001", "LAY003"]  # sorted by code
    assert lines[0].split()[1:5] == ["redirect-notice", "BP", "on", "safe"]


def test_rule_all_as_json():
    rows = json.loads(run("rule", "--all", "--output-format", "json").stdout)
    assert [row["code"] for row in rows] == ["BP001", "DUP001", "LAY003"]
    assert set(rows[2]) == {
        "code",
        "name",
        "family",
        "summary",
        "default",
        "severity",
        "fixable",
        "fix_applicability",
        "options",
    }
    assert {key: rows[2][key] for key in ("code", "name", "family", "default", "fixable", "fix_applicability")} == {
        "code": "LAY003",
        "name": "whitespace-hygiene",
        "family": "LAY",
        "default": True,
        "fixable": True,
        "fix_applicability": "safe",
    }
    assert rows[2]["summary"] and "max-blank-lines" in rows[2]["options"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rule", "ZZZ999"], "unknown rule 'ZZZ999'"),
        (["rule"], "give a rule CODE or NAME, or --all"),
        (["rule", "BP001", "--all"], "give a rule CODE or --all, not both"),
    ],
)
def test_rule_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


# -- help ------------------------------------------------------------------------------------------------------------


def test_every_option_of_every_command_has_help_text():
    commands = {"newslint": main, **{f"newslint {name}": command for name, command in main.commands.items()}}
    assert {"newslint check", "newslint rule"} <= set(commands)
    for label, command in commands.items():
        assert command.help, label
        with click.Context(command, info_name=label) as context:
            for param in command.get_params(context):
                if isinstance(param, click.Option):
                    assert param.help and param.help.strip(), f"{label} {param.opts} has no help"


def test_help_and_version_exit_0():
    assert run("--help").exit_code == 0
    assert "check" in run("--help").stdout
    assert run("check", "--help").exit_code == 0
    assert run("rule", "-h").exit_code == 0
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("newslint, version ")


# -- end to end -------------------------------------------------------------------------------------------


def test_end_to_end_check_of_the_seeds_in_a_subprocess_with_the_installed_rules():
    completed = subprocess.run(
        [sys.executable, "-m", "newslint", "check", str(SEEDS), "--isolated", *SELECT, "--output-format", "concise"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1, completed.stderr
    lines = completed.stdout.splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == [
        "BP001",
        "LAY003",
        "DUP001",
        "LAY003",
        "LAY003",
        "LAY003",
        "LAY003",
    ]
    assert lines[-1] == "Found 7 findings (7 fixable with `--fix`)."


def test_end_to_end_stdin_fix_in_a_subprocess():
    completed = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "-", "--stdin-filename", "x.txt", "--isolated", *SELECT, "--fix"],
        input=DIRTY.encode("utf-8"),
        capture_output=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.decode("utf-8") == DIRTY.replace(".   \n", ".\n")
