"""Plugin discovery: rules registered under the ``newslint.rules`` entry-point group, no install needed."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import Applicability, Document, Edit, Fix, Linter, Rule, registry
from newslint.cli import main
from newslint.config import Settings
from newslint.registry import ENTRY_POINT_GROUP, PluginError, RuleSet, discover, rules_from_object

FIXTURES = Path(__file__).parent / "fixtures"
MODULE = __name__  # the import name of this module, whatever pytest's import mode


class ShoutedWord(Rule):
    """A word written in capitals for emphasis ("URGENT").

    ## What it does
    Flags "URGENT".

    ## Why it matters
    Test plugin.

    ## Example
    ```
    URGENT
    ```

    ## Fix safety
    Safe.
    """

    code = "PLG001"
    name = "shouted-word"
    default_enabled = False
    fix_applicability = Applicability.SAFE

    def check(self, doc, options):
        start = doc.text.find("URGENT")
        if start >= 0:
            end = start + len("URGENT")
            yield self.finding(start, end, "Shouted word", Fix.safe("Lower-case it", Edit(start, end, "urgent")))


class RedirectClone(Rule):
    """Claims the code of a built-in rule."""

    code = "BP001"
    name = "redirect-clone"

    def check(self, doc, options):
        return iter(())


class SameName(Rule):
    """Claims the name of a built-in rule."""

    code = "PLG002"
    name = "redirect-notice"

    def check(self, doc, options):
        return iter(())


RULES = [ShoutedWord]
DUPLICATE_CODE = [RedirectClone]
DUPLICATE_NAME = [SameName]
NOT_RULES = [42]


def entry_point(name: str, value: str) -> importlib.metadata.EntryPoint:
    return importlib.metadata.EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)


def builtin_entry_points() -> list[importlib.metadata.EntryPoint]:
    return [
        entry_point("bp", "newslint.rules.boilerplate:RULES"),
        entry_point("dup", "newslint.rules.duplication:RULES"),
        entry_point("lay", "newslint.rules.layout:RULES"),
    ]


def test_a_plugin_rules_list_is_discovered_and_run():
    ruleset = discover([entry_point("shout", f"{MODULE}:RULES")])
    assert list(ruleset.rules) == ["PLG001"]
    assert ruleset.rules["PLG001"] is ShoutedWord
    linter = Linter(ruleset, Settings(select=("PLG001",)))
    (finding,) = linter.lint(Document("C'est URGENT.\n"))
    assert (finding.code, finding.start, finding.end) == ("PLG001", 6, 12)
    assert linter.fix(Document("C'est URGENT.\n")).document.text == "C'est urgent.\n"


def test_a_plugin_may_register_a_class_a_module_or_a_list():
    by_class = discover([entry_point("one", f"{MODULE}:ShoutedWord")])
    by_module = discover([entry_point("module", MODULE)])  # the module's RULES
    assert list(by_class.rules) == list(by_module.rules) == ["PLG001"]


def test_plugin_rules_live_beside_the_builtin_rules():
    ruleset = discover([*builtin_entry_points(), entry_point("shout", f"{MODULE}:RULES")])
    assert {"BP001", "DUP001", "LAY003", "PLG001"} <= set(ruleset.rules)
    assert ruleset.lookup("shouted-word") is ShoutedWord
    assert ruleset.matching("PLG") == [ShoutedWord]


def test_the_installed_builtin_rules_come_through_the_entry_point_group():
    names = {ep.value for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    families = ("boilerplate", "duplication", "layout")
    assert {f"newslint.rules.{family}:RULES" for family in families} <= names
    assert {"BP001", "DUP001", "LAY003"} <= set(registry.default_ruleset().rules)


def test_the_cli_runs_a_plugin_found_through_entry_points(monkeypatch, tmp_path):
    real = importlib.metadata.entry_points

    def entry_points(**kwargs):
        if kwargs.get("group") == ENTRY_POINT_GROUP:
            return [*builtin_entry_points(), entry_point("shout", f"{MODULE}:RULES")]
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.setattr(registry, "_DEFAULT", None)
    (tmp_path / "a.txt").write_text("C'est URGENT.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", str(tmp_path / "a.txt"), "--isolated", "--select", "PLG001", "--output-format", "concise"]
    )
    assert result.exit_code == 1, result.output
    assert "a.txt:1:7: PLG001 [*] Shouted word" in result.stdout
    page = CliRunner().invoke(main, ["rule", "shouted-word"])
    assert page.exit_code == 0 and "# shouted-word (PLG001)" in page.stdout


def test_two_rules_with_one_code_are_an_error_naming_both():
    with pytest.raises(PluginError) as error:
        discover([*builtin_entry_points(), entry_point("clone", f"{MODULE}:DUPLICATE_CODE")])
    message = str(error.value)
    assert "BP001 is registered twice" in message
    assert "RedirectNotice" in message and "RedirectClone" in message


def test_two_rules_with_one_name_are_an_error():
    with pytest.raises(PluginError, match="'redirect-notice' is used by BP001 and PLG002"):
        discover([*builtin_entry_points(), entry_point("same", f"{MODULE}:DUPLICATE_NAME")])


def test_the_same_class_registered_twice_is_not_a_conflict():
    ruleset = discover([entry_point("a", f"{MODULE}:RULES"), entry_point("b", f"{MODULE}:ShoutedWord")])
    assert list(ruleset.rules) == ["PLG001"]


def test_a_plugin_that_fails_to_import_gives_a_plugin_error_naming_it(monkeypatch):
    monkeypatch.syspath_prepend(str(FIXTURES))
    with pytest.raises(PluginError) as error:
        discover([*builtin_entry_points(), entry_point("broken", "broken_plugin:RULES")])
    message = str(error.value)
    assert "plugin 'broken' (broken_plugin:RULES) failed to load" in message
    assert "newslint_missing_dependency" in message


def test_a_plugin_naming_a_missing_module_or_attribute_gives_a_plugin_error():
    with pytest.raises(PluginError, match="plugin 'ghost'"):
        discover([entry_point("ghost", "newslint_no_such_plugin_module:RULES")])
    with pytest.raises(PluginError, match="plugin 'typo'"):
        discover([entry_point("typo", f"{MODULE}:NO_SUCH_LIST")])


def test_a_plugin_exporting_something_else_than_rules_gives_a_plugin_error_naming_it():
    with pytest.raises(PluginError) as error:
        discover([entry_point("numbers", f"{MODULE}:NOT_RULES")])
    assert "plugin 'numbers'" in str(error.value)
    assert "neither a rule class" in str(error.value)


def test_the_cli_reports_a_broken_plugin_and_exits_2(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(FIXTURES))
    monkeypatch.setattr(
        importlib.metadata, "entry_points", lambda **kwargs: [entry_point("broken", "broken_plugin:RULES")]
    )
    monkeypatch.setattr(registry, "_DEFAULT", None)
    (tmp_path / "a.txt").write_text("Texte.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--isolated"])
    assert result.exit_code == 2
    assert "plugin 'broken'" in result.stderr
    assert "Traceback" not in result.output


def test_rule_classes_check_their_code_and_name_when_defined():
    with pytest.raises(TypeError, match="PREFIX"):
        type("BadCode", (Rule,), {"code": "bp1", "name": "bad-code"})
    with pytest.raises(TypeError, match="kebab-case"):
        type("BadName", (Rule,), {"code": "BAD001", "name": "Bad_Name"})


def test_rules_from_object_ignores_imported_rule_classes_of_a_module_without_rules():
    import types

    module = types.ModuleType("plugin_without_rules_list")
    module.Imported = ShoutedWord  # defined elsewhere: not this module's rule
    assert rules_from_object(module) == []


def test_ruleset_selectors_match_all_codes_prefixes_and_names():
    ruleset = RuleSet.from_classes([ShoutedWord, SameName])
    assert ruleset.matching("ALL") == [ShoutedWord, SameName]
    assert ruleset.matching("PLG00") == [ShoutedWord, SameName]
    assert ruleset.matching("plg001") == [ShoutedWord]
    assert ruleset.matching("shouted-word") == [ShoutedWord]
    assert ruleset.matching("XYZ") == []
