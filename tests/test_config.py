"""Configuration: validation errors, discovery of the configuration file, and rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import proof_ruleset

from newslint import Applicability, Rule
from newslint.cli import main
from newslint.config import (
    ConfigError,
    Settings,
    applicability_override,
    enabled_rules,
    find_config,
    is_fixable,
    load_settings,
    settings_from_mapping,
)
from newslint.registry import RuleSet

SELECT = ["--select", "BP001,DUP001,LAY003"]
# Triggers LAY003 (trailing white space) and BP001 (redirect notice) and nothing else of the three.
DIRTY = "Un article sur la politique locale.   \n\nRedirection en cours...\n\nSuite de l'article, sans histoire.\n"


pytestmark = pytest.mark.usefixtures("only_proof_rules")


# -- test rules for the selection semantics ------------------------------------------------------------


def _rule(code: str, name: str, enabled: bool = True, fix: Applicability | None = Applicability.SAFE) -> type[Rule]:
    return type(
        name.title().replace("-", ""),
        (Rule,),
        {
            "__doc__": name,
            "code": code,
            "name": name,
            "default_enabled": enabled,
            "fix_applicability": fix,
            "check": lambda self, doc, options: iter(()),
        },
    )


AAA001 = _rule("AAA001", "alpha-one")
AAA002 = _rule("AAA002", "alpha-two")
AAA003 = _rule("AAA003", "alpha-off", enabled=False)
BBB001 = _rule("BBB001", "beta-one")
RULES = RuleSet.from_classes([AAA001, AAA002, AAA003, BBB001])


def chosen(**settings) -> list[str]:
    path = settings.pop("path", None)
    return [rule.code for rule in enabled_rules(Settings(**settings), RULES, path)]


# -- validation -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"colour": "red"}, "cfg.toml: (top level): Additional properties are not allowed ('colour' was unexpected)"),
        ({"select": "AAA001"}, "cfg.toml: select: 'AAA001' is not of type 'array'"),
        ({"ignore": [1]}, "cfg.toml: ignore[0]: 1 is not of type 'string'"),
        ({"language": "French"}, "cfg.toml: language: 'French' does not match"),
        ({"select": ["AAA001", "ZZZ999"]}, "cfg.toml: select[1]: 'ZZZ999' is not a rule code, prefix, name or ALL"),
        ({"extend-select": ["nope"]}, "cfg.toml: extend-select[0]: 'nope' is not a rule code"),
        ({"ignore": ["ZZZ"]}, "cfg.toml: ignore[0]: 'ZZZ' is not a rule code"),
        ({"unfixable": ["ZZZ"]}, "cfg.toml: unfixable[0]: 'ZZZ' is not a rule code"),
        ({"extend-safe-fixes": ["ZZZ"]}, "cfg.toml: extend-safe-fixes[0]: 'ZZZ' is not a rule code"),
        (
            {"per-file-ignores": {"news/*.txt": ["ZZZ"]}},
            "cfg.toml: per-file-ignores.\"news/*.txt\"[0]: 'ZZZ' is not a rule code",
        ),
        ({"per-file-ignores": {"*.txt": "AAA"}}, "cfg.toml: per-file-ignores.\"*.txt\": 'AAA' is not of type 'array'"),
        ({"rules": {"ZZZ999": {}}}, "cfg.toml: rules.ZZZ999: 'ZZZ999' is not a known rule code or name"),
        ({"rules": {"AAA001": 3}}, "cfg.toml: rules.AAA001: 3 is not of type 'object'"),
    ],
)
def test_invalid_configuration_names_the_file_the_key_path_and_what_was_expected(table, expected):
    with pytest.raises(ConfigError) as error:
        settings_from_mapping(table, RULES, source="cfg.toml")
    assert str(error.value).startswith(expected)


def test_rule_options_are_validated_by_the_rule_options_schema():
    ruleset = proof_ruleset()
    with pytest.raises(ConfigError, match=r"^f.toml: rules\.BP001\.max-line-length: 5 is less than the minimum of 10$"):
        settings_from_mapping({"rules": {"BP001": {"max-line-length": 5}}}, ruleset, source="f.toml")
    with pytest.raises(ConfigError, match=r"rules\.redirect-notice: Additional properties are not allowed \('bogus'"):
        settings_from_mapping({"rules": {"redirect-notice": {"bogus": 1}}}, ruleset, source="f.toml")
    with pytest.raises(ConfigError, match=r"rules\.LAY003\.max-blank-lines: 'two' is not of type 'integer'"):
        settings_from_mapping({"rules": {"LAY003": {"max-blank-lines": "two"}}}, ruleset, source="f.toml")


def test_rule_options_may_name_the_rule_by_code_or_name_and_are_stored_by_code():
    settings = settings_from_mapping(
        {"rules": {"redirect-notice": {"max-line-length": 50}, "LAY003": {"max-blank-lines": 2}}}, proof_ruleset()
    )
    assert settings.rule_options == {"BP001": {"max-line-length": 50}, "LAY003": {"max-blank-lines": 2}}


def test_pyproject_errors_are_prefixed_with_the_tool_newslint_table(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.newslint]\nselect = ["ZZZ999"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool\.newslint\.select\[0\]: 'ZZZ999' is not a rule code"):
        load_settings(config, RULES)


def test_invalid_toml_is_a_config_error_naming_the_file(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"newslint.toml: invalid TOML"):
        load_settings(config, RULES)


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        ("colour = 1\n", ["newslint.toml", "(top level)", "'colour' was unexpected"]),
        ('select = "BP001"\n', ["newslint.toml", "select", "is not of type 'array'"]),
        ('ignore = ["ZZZ999"]\n', ["newslint.toml", "ignore[0]", "'ZZZ999' is not a rule code, prefix, name or ALL"]),
        ('[per-file-ignores]\n"*.txt" = ["ZZZ999"]\n', ["newslint.toml", 'per-file-ignores."*.txt"[0]', "'ZZZ999'"]),
        ("[rules.ZZZ999]\nx = 1\n", ["newslint.toml", "rules.ZZZ999", "not a known rule code or name"]),
        ("[rules.BP001]\nmax-line-length = 5\n", ["newslint.toml", "rules.BP001.max-line-length", "minimum of 10"]),
    ],
)
def test_cli_exits_2_on_a_config_error_with_one_message_naming_file_and_key(tmp_path, content, fragments):
    (tmp_path / "newslint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), *SELECT])
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: error: ")
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_cli_exits_2_on_an_unknown_selector_on_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--isolated", "--select", "BP001,ZZZ999"])
    assert result.exit_code == 2
    assert "--select: 'ZZZ999' is not a rule code, prefix, name or ALL" in result.stderr


# -- discovery ----------------------------------------------------------------------------------------------


def test_find_config_walks_up_to_the_nearest_newslint_toml(tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "x.txt").write_text("x", encoding="utf-8")
    assert find_config(nested / "x.txt") == tmp_path / "newslint.toml"
    assert find_config(nested) == tmp_path / "newslint.toml"


def test_find_config_skips_a_pyproject_without_a_newslint_table(tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert find_config(project) == tmp_path / "newslint.toml"
    (project / "pyproject.toml").write_text("[tool.newslint]\nselect = []\n", encoding="utf-8")
    assert find_config(project) == project / "pyproject.toml"


def test_find_config_prefers_newslint_toml_to_pyproject_in_one_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "newslint.toml"


def test_find_config_returns_a_broken_pyproject_so_that_it_is_reported(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.newslint\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def write_project(root: Path, config_name: str, config: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / config_name).write_text(config, encoding="utf-8")
    articles = root / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(DIRTY, encoding="utf-8")
    return articles / "a.txt"


def codes_reported(result) -> list[str]:
    lines = [line for line in result.stdout.splitlines() if ": " in line and "/" in line]
    return sorted({line.split(": ")[1].split()[0] for line in lines})


def test_cli_uses_the_newslint_toml_found_above_the_input(tmp_path):
    article = write_project(tmp_path / "p", "newslint.toml", 'select = ["LAY003"]\n')
    result = CliRunner().invoke(main, ["check", str(article), "--output-format", "concise"])
    assert result.exit_code == 1
    assert codes_reported(result) == ["LAY003"]


def test_cli_uses_the_tool_newslint_table_of_pyproject(tmp_path):
    config = '[project]\nname = "x"\n[tool.newslint]\nselect = ["BP001"]\n'
    article = write_project(tmp_path / "p", "pyproject.toml", config)
    result = CliRunner().invoke(main, ["check", str(article), "--output-format", "concise"])
    assert codes_reported(result) == ["BP001"]


def test_cli_config_option_overrides_the_discovered_file(tmp_path):
    article = write_project(tmp_path / "p", "newslint.toml", 'select = ["LAY003"]\n')
    other = tmp_path / "other.toml"
    other.write_text('select = ["BP001"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(article), "--config", str(other), "--output-format", "concise"])
    assert codes_reported(result) == ["BP001"]


def test_cli_isolated_ignores_every_configuration_file(tmp_path):
    article = write_project(tmp_path / "p", "newslint.toml", "this is = not valid toml [\n")
    result = CliRunner().invoke(
        main, ["check", str(article), "--isolated", "--select", "BP001", "--output-format", "concise"]
    )
    assert result.exit_code == 1
    assert codes_reported(result) == ["BP001"]


def test_cli_per_file_ignores_are_relative_to_the_configuration_file(tmp_path):
    article = write_project(
        tmp_path / "p",
        "newslint.toml",
        'select = ["BP001", "LAY003"]\n[per-file-ignores]\n"articles/*.txt" = ["LAY"]\n',
    )
    result = CliRunner().invoke(main, ["check", str(article), "--output-format", "concise"])
    assert codes_reported(result) == ["BP001"]


def test_cli_rule_options_from_the_configuration_are_used(tmp_path):
    config = 'select = ["BP001"]\n[rules.redirect-notice]\nmax-line-length = 10\n'
    article = write_project(tmp_path / "p", "newslint.toml", config)
    result = CliRunner().invoke(main, ["check", str(article), "--output-format", "concise"])
    assert result.exit_code == 0  # "Redirection en cours..." is longer than 10 characters
    assert "All checks passed!" in result.stdout


def test_cli_select_replaces_the_configured_selection_and_ignores_still_apply(tmp_path):
    article = write_project(
        tmp_path / "p", "newslint.toml", 'select = ["DUP001"]\nextend-select = ["LAY003"]\nignore = ["BP"]\n'
    )
    only_cli = CliRunner().invoke(main, ["check", str(article), "--select", "LAY003,BP", "--output-format", "concise"])
    assert codes_reported(only_cli) == ["LAY003"]  # BP is ignored by the configuration at equal specificity
    specific = CliRunner().invoke(main, ["check", str(article), "--select", "BP001", "--output-format", "concise"])
    assert codes_reported(specific) == ["BP001"]  # the code is more specific than the ignored prefix
    extended = CliRunner().invoke(
        main, ["check", str(article), "--extend-select", "BP001", "--output-format", "concise"]
    )
    assert codes_reported(extended) == ["BP001", "LAY003"]


def test_cli_directory_walk_uses_include_and_exclude_from_the_configuration(tmp_path):
    root = tmp_path / "p"
    write_project(root, "newslint.toml", 'select = ["BP001"]\ninclude = ["*.news"]\nextend-exclude = ["drafts"]\n')
    (root / "articles" / "b.news").write_text(DIRTY, encoding="utf-8")
    (root / "drafts").mkdir()
    (root / "drafts" / "c.news").write_text(DIRTY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(root), "--output-format", "concise"])
    files = sorted({Path(line.split(":")[0]).name for line in result.stdout.splitlines() if "BP001" in line})
    assert files == ["b.news"]
    explicit = CliRunner().invoke(main, ["check", str(root / "articles" / "a.txt"), "--output-format", "concise"])
    assert "BP001" in explicit.stdout  # a file named explicitly is linted even if not included


# -- selection semantics --------------------------------------------------------------------------------------


def test_without_select_the_default_enabled_rules_run():
    assert chosen() == ["AAA001", "AAA002", "BBB001"]


def test_select_replaces_the_defaults_and_may_enable_default_off_rules():
    assert chosen(select=("AAA",)) == ["AAA001", "AAA002", "AAA003"]
    assert chosen(select=("AAA003",)) == ["AAA003"]
    assert chosen(select=()) == []


def test_select_accepts_all_codes_prefixes_and_names():
    assert chosen(select=("ALL",)) == ["AAA001", "AAA002", "AAA003", "BBB001"]
    assert chosen(select=("AAA00",)) == ["AAA001", "AAA002", "AAA003"]
    assert chosen(select=("alpha-two", "bbb001")) == ["AAA002", "BBB001"]


def test_extend_select_adds_to_the_defaults():
    assert chosen(extend_select=("AAA003",)) == ["AAA001", "AAA002", "AAA003", "BBB001"]


def test_the_more_specific_selector_wins_between_select_and_ignore():
    assert chosen(select=("AAA001",), ignore=("AAA",)) == ["AAA001"]
    assert chosen(select=("AAA",), ignore=("AAA001",)) == ["AAA002", "AAA003"]
    assert chosen(select=("AAA001",), ignore=("ALL",)) == ["AAA001"]
    assert chosen(select=("ALL",), ignore=("AAA",)) == ["BBB001"]
    assert chosen(ignore=("AAA001",)) == ["AAA002", "BBB001"]
    assert chosen(ignore=("ALL",)) == []


def test_on_a_tie_the_ignore_wins():
    assert chosen(select=("AAA001",), ignore=("AAA001",)) == []
    assert chosen(select=("AAA",), ignore=("AAA",)) == []
    assert chosen(select=("alpha-one",), ignore=("AAA001",)) == []


def test_per_file_ignores_apply_only_to_matching_paths(tmp_path):
    settings = dict(
        select=("AAA", "BBB"), per_file_ignores=(("old/*.txt", ("AAA",)), ("*.md", ("BBB001",))), root=tmp_path
    )
    assert chosen(**settings, path=str(tmp_path / "old" / "x.txt")) == ["BBB001"]
    assert chosen(**settings, path=str(tmp_path / "new" / "x.txt")) == ["AAA001", "AAA002", "AAA003", "BBB001"]
    assert chosen(**settings, path=str(tmp_path / "deep" / "notes.md")) == ["AAA001", "AAA002", "AAA003"]


def test_fixable_and_unfixable_choose_which_rules_may_fix():
    def fixable(**settings) -> list[str]:
        return [rule.code for rule in RULES.rules.values() if is_fixable(Settings(**settings), rule, RULES)]

    assert fixable() == ["AAA001", "AAA002", "AAA003", "BBB001"]
    assert fixable(unfixable=("AAA",)) == ["BBB001"]
    assert fixable(fixable=("AAA",)) == ["AAA001", "AAA002", "AAA003"]
    assert fixable(fixable=("AAA001",), unfixable=("AAA",)) == ["AAA001"]
    assert fixable(fixable=("AAA",), unfixable=("AAA002",)) == ["AAA001", "AAA003"]


def test_extend_safe_and_unsafe_fixes_override_applicability_by_specificity():
    def override(rule, **settings):
        return applicability_override(Settings(**settings), rule, RULES)

    assert override(AAA001) is None
    assert override(AAA001, extend_unsafe_fixes=("AAA",)) is Applicability.UNSAFE
    assert override(AAA001, extend_safe_fixes=("AAA001",), extend_unsafe_fixes=("AAA",)) is Applicability.SAFE
    assert override(AAA002, extend_safe_fixes=("AAA001",), extend_unsafe_fixes=("AAA",)) is Applicability.UNSAFE
    assert override(AAA001, extend_safe_fixes=("AAA",), extend_unsafe_fixes=("AAA",)) is Applicability.UNSAFE


def test_with_cli_select_drops_the_configured_extend_select_but_keeps_ignores():
    config = Settings(select=("AAA001",), extend_select=("BBB001",), ignore=("AAA002",))
    assert config.with_cli(select=("AAA",)).extend_select == ()
    assert [r.code for r in enabled_rules(config.with_cli(select=("AAA",)), RULES)] == ["AAA001", "AAA003"]
    extended = config.with_cli(extend_select=("AAA003",))
    assert [r.code for r in enabled_rules(extended, RULES)] == ["AAA001", "AAA003", "BBB001"]


def test_settings_from_a_full_table():
    settings = settings_from_mapping(
        {
            "select": ["AAA"],
            "extend-select": ["BBB001"],
            "ignore": ["AAA003"],
            "per-file-ignores": {"*.md": ["AAA001"]},
            "fixable": ["ALL"],
            "unfixable": ["BBB"],
            "extend-safe-fixes": ["AAA002"],
            "extend-unsafe-fixes": ["AAA001"],
            "language": "fr",
            "include": ["*.txt"],
            "exclude": ["old"],
            "extend-exclude": ["tmp"],
        },
        RULES,
        source="cfg.toml",
        root=Path("/project"),
    )
    assert settings.select == ("AAA",) and settings.extend_select == ("BBB001",)
    assert settings.per_file_ignores == (("*.md", ("AAA001",)),)
    assert (settings.language, settings.include) == ("fr", ("*.txt",))
    assert (settings.exclude, settings.extend_exclude) == (("old",), ("tmp",))
    assert settings.root == Path("/project") and settings.source == "cfg.toml"


def test_per_file_ignores_win_over_a_more_specific_select(tmp_path):
    settings = dict(select=("AAA001", "BBB001"), per_file_ignores=(("old/*", ("AAA",)),), root=tmp_path)
    assert chosen(**settings, path=str(tmp_path / "old" / "x.txt")) == ["BBB001"]
    assert chosen(**settings, path=str(tmp_path / "x.txt")) == ["AAA001", "BBB001"]


def test_folders_above_the_project_never_exclude_its_files(tmp_path, monkeypatch):
    # A CI runner may clone into /builds/…; the default exclude "build(s)" must not match above root.
    project = tmp_path / "build" / "checkout"
    (project / "corpus").mkdir(parents=True)
    monkeypatch.chdir(tmp_path.parent)
    settings = Settings(root=project / "elsewhere")
    assert not settings.is_excluded(project / "corpus" / "a.txt", base=project)
    assert settings.is_excluded(project / "corpus" / ".venv", base=project)
    assert not settings.is_excluded(project / "corpus" / "a.txt")
