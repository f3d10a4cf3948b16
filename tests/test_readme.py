"""The README's promises: its plugin example works as written, and CI runs its test command."""

from __future__ import annotations

import importlib.metadata

import regex
from conftest import ROOT

from newslint import Document, Linter
from newslint.config import Settings
from newslint.registry import discover

README = (ROOT / "README.md").read_text("utf-8")


def test_the_readme_plugin_example_is_discovered_through_its_entry_point_and_runs(tmp_path, monkeypatch):
    (code,) = regex.findall(r"~~~python\n(# my_rules\.py\n.*?)~~~", README, flags=regex.S)
    (tmp_path / "my_rules.py").write_text(code, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    ruleset = discover([importlib.metadata.EntryPoint(name="my-rules", value="my_rules:RULES", group="newslint.rules")])
    findings = Linter(ruleset, Settings(select=("XT001",))).lint(Document("OPENAI FACE À DEEPSEEK\nLa suite.\n"))
    assert [(f.code, f.start, f.end) for f in findings] == [("XT001", 0, 22)]


def test_ci_runs_the_readme_test_command():
    commands = regex.findall(r"```bash\n(python3 -m venv [^\n]+)\n```", README)
    test_command = next(command for command in commands if "pytest" in command)
    assert test_command in (ROOT / ".ci" / "run").read_text("utf-8")


def test_the_readme_configuration_example_is_valid(tmp_path):
    from newslint.config import load_settings
    from newslint.registry import default_ruleset

    (toml,) = regex.findall(r"```toml\n(\[tool\.newslint\]\n.*?)```", README, flags=regex.S)
    (tmp_path / "pyproject.toml").write_text(toml, "utf-8")
    settings = load_settings(tmp_path / "pyproject.toml", default_ruleset())
    assert settings.rule_options["DUP001"] == {"min-single-paragraph": 300}
