"""The ``newslint`` command line.

Exit codes: 0 no findings (or all fixed), 1 findings remain (or ``--diff`` would change something),
2 a usage, configuration or input error (the other inputs are still linted).
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from .config import ConfigError, Settings, check_selectors, find_config, load_settings
from .engine import Linter
from .model import Applicability
from .registry import PluginError, RuleSet, default_ruleset
from .report import FORMATS, Diagnostic, format_statistics, render, summary
from .rule import Rule
from .sources import InputError, Source, discover_files, read_source, read_stdin, render_source, write_atomic

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split_selectors(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _ruleset() -> RuleSet:
    try:
        return default_ruleset()
    except PluginError as error:
        _fail(str(error))
        raise AssertionError from error  # unreachable: _fail exits


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newslint", prog_name="newslint")
def main() -> None:
    """newslint: find and fix scraping artifacts in news text.

    Run `newslint check PATH...` to lint files, `newslint rule CODE` to read what a rule does.
    """


# -- check -------------------------------------------------------------------------------------


@dataclass
class Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stdout_text: str | None = None


class SettingsResolver:
    """One Settings (and one Linter) per configuration file, found once per directory."""

    def __init__(self, ruleset: RuleSet, config: Path | None, isolated: bool, cli: dict) -> None:
        self.ruleset = ruleset
        self.config = config
        self.isolated = isolated
        self.cli = cli
        self._linters: dict[Path | None, Linter] = {}

    def linter_for(self, path: Path) -> Linter:
        if self.isolated:
            found = None
        elif self.config is not None:
            found = self.config
        else:
            found = find_config(path)
        if found not in self._linters:
            settings = load_settings(found, self.ruleset) if found is not None else Settings()
            if self.cli.get("language"):
                settings = Settings(**{**settings.__dict__, "language": self.cli["language"]})
            settings = settings.with_cli(self.cli["select"], self.cli["extend_select"], self.cli["ignore"])
            self._linters[found] = Linter(self.ruleset, settings)
        return self._linters[found]


def _sources(paths: Sequence[str], resolver: SettingsResolver, stdin_filename: str | None, outcome: Outcome):
    """Yield (linter, source) for every input, recording unreadable ones in ``outcome``."""
    seen: set[Path] = set()  # a file named twice (or inside a directory also given) is linted once
    for raw in paths:
        if raw == "-":
            name = stdin_filename or "-"
            linter = resolver.linter_for(Path(name).parent if stdin_filename else Path.cwd())
            yield linter, read_source(name, linter.settings, data=read_stdin())
            continue
        path = Path(raw)
        linter = resolver.linter_for(path if path.exists() else Path.cwd())
        for item in discover_files([path], linter.settings):
            if isinstance(item, InputError):
                outcome.errors.append(str(item))
            elif item.resolve() not in seen:
                seen.add(item.resolve())
                yield linter, read_source(item, linter.settings)


def _diff(path: str, before: str, after: str) -> str:
    lines = []
    for line in difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    ):
        # As diff(1) does, so that patch(1) and a reader see the missing final newline.
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _process(source: Source, linter: Linter, options: dict, outcome: Outcome, corpus: dict) -> None:
    for error in source.errors:
        outcome.errors.append(str(error))
    if not source.documents:
        return
    fixing = options["fix"] or options["diff"] or options["fix_only"]
    applicable = [Applicability.SAFE] + ([Applicability.UNSAFE] if options["unsafe_fixes"] else [])
    new_texts = []
    for document in source.documents:
        plan = linter.plan(document.path)
        if not fixing:
            new_texts.append(document.text)
            findings = linter.lint(document, plan, corpus)
            outcome.diagnostics.extend(Diagnostic(document, f) for f in findings)
            document.release_views()
            continue
        result = linter.fix(document, applicable, plan, corpus)
        new_texts.append(result.document.text)
        outcome.fixed.extend(Diagnostic(document, f) for f in result.applied)
        where = f"{document.path}:{document.record}" if document.record is not None else document.path
        for refused in result.refused:
            # The finding's offsets refer to the text of the pass that refused it, not the final text.
            pos = (refused.document or result.document).position(refused.finding.start)
            outcome.warnings.append(
                f"{where}:{pos.line}:{pos.column}: {refused.finding.code} fix refused: {refused.reason}"
            )
        if result.unstable:
            outcome.warnings.append(
                f"{where}: fixes did not converge after the maximum passes for {', '.join(result.unstable)}"
            )
        if not options["fix_only"]:
            remaining = linter.lint(result.document, plan, corpus)
            outcome.diagnostics.extend(Diagnostic(result.document, f) for f in remaining)
        document.release_views()
        result.document.release_views()
    # A rule that crashes on a text crashes again on every fixer pass: report it once per document.
    reported: set[tuple[str, str | None, str]] = set()
    for document, crash in linter.crashes:
        key = (document.path, document.record, crash.code)
        if key in reported:
            continue
        reported.add(key)
        where = f"{document.path}:{document.record}" if document.record is not None else document.path
        outcome.errors.append(f"{where}: rule {crash.code} crashed: {crash.error} (please report this bug)")
    linter.crashes.clear()
    if not fixing:
        return
    before = render_source(source, [d.text for d in source.documents])
    after = render_source(source, new_texts)
    is_stdin = options["from_stdin"] and source.path == (options["stdin_filename"] or "-")
    if is_stdin and not options["diff"]:
        outcome.stdout_text = after  # a fixed stdin text goes to stdout, as formatters do
        return
    if before == after:
        return
    if options["diff"]:
        outcome.diffs.append(_diff(source.path, before, after))
        return
    try:
        write_atomic(source.path, after)
    except OSError as error:
        outcome.errors.append(f"{source.path}: cannot write the fixed file: {error.strerror or error}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--fix/--no-fix", default=False, help="Apply fixes (safe ones; add --unsafe-fixes for the rest).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply (and count as fixable) fixes marked unsafe.")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; write nothing.")
@click.option("--fix-only", is_flag=True, help="Apply fixes and report nothing about what remains.")
@click.option("--show-fixes", is_flag=True, help="List the fixes that were applied, per file.")
@click.option(
    "--select",
    "select",
    multiple=True,
    metavar="SELECTORS",
    help="Replace the selected rules (codes, prefixes, names or ALL; comma-separated, repeatable).",
)
@click.option(
    "--extend-select", multiple=True, metavar="SELECTORS", help="Select these rules in addition to the configured ones."
)
@click.option("--ignore", multiple=True, metavar="SELECTORS", help="Disable these rules (codes, prefixes or names).")
@click.option(
    "--language", metavar="LANG", help="Force the text language (fr, en, …) instead of guessing it per document."
)
@click.option(
    "--output-format", type=click.Choice(FORMATS), default="full", show_default=True, help="How findings are printed."
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the report to this file instead of stdout.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print a count per rule instead of the findings (JSON with --output-format json).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain (errors still exit 2).")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when a fix was applied, even if nothing remains.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary line.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this newslint.toml or pyproject.toml instead of searching for one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The name of the text read from `-` (for messages, config and per-file-ignores).",
)
def check(paths: tuple[str, ...], **options) -> None:
    """Lint PATHS (files and directories; `-` reads stdin) and optionally fix them.

    Directories are searched recursively for *.txt and *.md files; files named explicitly are always
    linted, and JSONL files (.jsonl) are read as one document per record (field `text`).
    """
    ruleset = _ruleset()
    cli = {
        "select": _split_selectors(options["select"]) or None,
        "extend_select": _split_selectors(options["extend_select"]),
        "ignore": _split_selectors(options["ignore"]),
        "language": options["language"],
    }
    try:
        for flag, values in (
            ("--select", cli["select"] or ()),
            ("--extend-select", cli["extend_select"]),
            ("--ignore", cli["ignore"]),
        ):
            check_selectors(values, ruleset, flag)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    options["from_stdin"] = "-" in paths
    if options["fix_only"]:
        options["fix"] = True
    if not paths:
        paths = ("-",) if options["stdin_filename"] else (".",)
    resolver = SettingsResolver(ruleset, options["config_path"], options["isolated"], cli)
    outcome = Outcome()
    try:
        inputs = list(_sources(paths, resolver, options["stdin_filename"], outcome))
    except ConfigError as error:
        _fail(str(error))
        return
    corpora = {}
    for linter in {id(linter): linter for linter, _ in inputs}.values():
        documents = [doc for owner, source in inputs if owner is linter for doc in source.documents]
        corpora[id(linter)] = linter.collect_corpus(documents)
    for linter, source in inputs:
        _process(source, linter, options, outcome, corpora[id(linter)])

    _emit(outcome, options, ruleset)
    sys.exit(_exit_code(outcome, options))


def _emit(outcome: Outcome, options: dict, ruleset: RuleSet) -> None:
    for line in outcome.errors:
        click.echo(f"newslint: error: {line}", err=True)
    for line in outcome.warnings:
        click.echo(f"newslint: warning: {line}", err=True)
    if outcome.stdout_text is not None:
        click.echo(outcome.stdout_text, nl=False)
    report_to_stderr = outcome.stdout_text is not None  # stdout carries the fixed text
    # Files by path; the records of a JSONL file in file order (the order they were linted in).
    record_order: dict[tuple[str, str | None], int] = {}
    for diagnostic in outcome.diagnostics:
        record_order.setdefault((diagnostic.document.path, diagnostic.document.record), len(record_order))
    diagnostics = sorted(
        outcome.diagnostics,
        key=lambda d: (
            d.document.path,
            record_order[(d.document.path, d.document.record)],
            d.finding.start,
            d.finding.code,
        ),
    )
    chunks: list[str] = []
    fmt = options["output_format"]
    if options["diff"]:
        chunks.extend(outcome.diffs)
    elif options["statistics"]:
        chunks.append(format_statistics(diagnostics, as_json=fmt == "json", unsafe_fixes=options["unsafe_fixes"]))
    elif not options["fix_only"]:
        chunks.append(render(fmt, diagnostics, ruleset.rules.values()))
    if options["show_fixes"] and outcome.fixed and fmt in ("full", "concise"):
        chunks.append(_fixes_summary(outcome.fixed))
    if fmt in ("full", "concise") and not options["quiet"] and not options["statistics"]:
        if options["diff"]:
            count = len(outcome.diffs)
            chunks.append(
                f"Would fix {len(outcome.fixed)} finding{'s' if len(outcome.fixed) != 1 else ''} in {count} file{'s' if count != 1 else ''}.\n"
            )
        else:
            chunks.append(summary(diagnostics, len(outcome.fixed), options["unsafe_fixes"]) + "\n")
    text = ("\n" if fmt in ("full",) and diagnostics else "").join(c for c in chunks if c)
    if options["output_file"] is not None:
        try:
            write_atomic(options["output_file"], text)
        except OSError as error:
            _fail(f"{options['output_file']}: cannot write the report: {error.strerror or error}")
    else:
        click.echo(text, nl=False, err=report_to_stderr)


def _fixes_summary(fixed: list[Diagnostic]) -> str:
    per_file: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for diagnostic in fixed:
        counts = per_file.setdefault(diagnostic.where, {})
        counts[diagnostic.finding.code] = counts.get(diagnostic.finding.code, 0) + 1
        names[diagnostic.finding.code] = diagnostic.finding.name
    lines = [f"Fixed {len(fixed)} finding{'s' if len(fixed) != 1 else ''}:"]
    for where in sorted(per_file):
        lines.append(f"- {where}:")
        for code, count in sorted(per_file[where].items()):
            lines.append(f"    {count} × {code} ({names[code]})")
    return "\n".join(lines) + "\n"


def _exit_code(outcome: Outcome, options: dict) -> int:
    if outcome.errors:
        return EXIT_ERROR
    if options["exit_zero"]:
        return EXIT_OK
    if options["diff"]:
        return EXIT_FINDINGS if outcome.diffs else EXIT_OK
    if options["exit_non_zero_on_fix"] and outcome.fixed:
        return EXIT_FINDINGS
    if options["fix_only"]:
        return EXIT_OK
    return EXIT_FINDINGS if outcome.diagnostics else EXIT_OK


# -- rule --------------------------------------------------------------------------------------


def _rule_row(rule: type[Rule]) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family(),
        "summary": rule.title(),
        "default": rule.default_enabled,
        "severity": rule.severity.value,
        "fixable": rule.is_fixable(),
        "fix_applicability": rule.fix_applicability.value if rule.fix_applicability else None,
        "options": dict(rule.default_options),
    }


def rule_page(rule: type[Rule]) -> str:
    fix = {
        None: "No fix is available.",
        Applicability.SAFE: "A safe fix is available (applied by --fix).",
        Applicability.UNSAFE: "An unsafe fix is available (applied by --fix --unsafe-fixes).",
        Applicability.DISPLAY_ONLY: "A fix is shown but never applied.",
    }[rule.fix_applicability]
    lines = [
        f"# {rule.name} ({rule.code})",
        "",
        f"Family: {rule.family()}. Severity: {rule.severity.value}. "
        f"{'On' if rule.default_enabled else 'Off'} by default. {fix}",
        "",
        rule.documentation(),
    ]
    if rule.default_options:
        lines += ["", "## Options", ""]
        for key, value in rule.default_options.items():
            description = rule.options_schema.get("properties", {}).get(key, {}).get("description", "")
            lines.append(
                f"- `{key}` (default {json.dumps(value, ensure_ascii=False)}){': ' + description if description else ''}"
            )
    return "\n".join(lines).rstrip() + "\n"


@main.command("rule")
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule: code, name, family, default, fixable.")
@click.option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Print text or JSON.",
)
def rule_command(code: str | None, show_all: bool, output_format: str) -> None:
    """Print the documentation of rule CODE (a code such as BP001 or a name such as redirect-notice)."""
    ruleset = _ruleset()
    if show_all or code is None:
        if code is not None:
            raise click.UsageError("give a rule CODE or --all, not both")
        if not show_all:
            raise click.UsageError("give a rule CODE or NAME, or --all")
        rows = [_rule_row(rule) for rule in ruleset.rules.values()]
        if output_format == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            click.echo(
                f"{row['code']:<8} {row['name']:<30} {row['family']:<5} "
                f"{'on ' if row['default'] else 'off'}  {row['fix_applicability'] or '-':<7} {row['summary']}"
            )
        return
    rule = ruleset.lookup(code)
    if rule is None:
        _fail(f"unknown rule {code!r} (see `newslint rule --all`)")
        return
    if output_format == "json":
        click.echo(json.dumps({**_rule_row(rule), "documentation": rule.documentation()}, ensure_ascii=False, indent=2))
    else:
        click.echo(rule_page(rule), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
