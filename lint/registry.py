"""Rule discovery through the ``newslint.rules`` entry-point group, and rule selection.

The engine knows no rule by name: built-in rules are registered by this distribution's own
entry points exactly as a third-party plugin registers its rules. An entry point may load a rule
class, a module, or an iterable of rule classes (a family's ``RULES``).
"""

from __future__ import annotations

import importlib.metadata
import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from .rule import Rule, is_rule_class

ENTRY_POINT_GROUP = "newslint.rules"


class PluginError(Exception):
    pass


@dataclass(frozen=True)
class RuleSet:
    """Every known rule, by code, with lookups for selectors."""

    rules: dict[str, type[Rule]]

    @classmethod
    def from_classes(cls, classes: Iterable[type[Rule]]) -> RuleSet:
        rules: dict[str, type[Rule]] = {}
        names: dict[str, str] = {}
        for rule in classes:
            known = rules.get(rule.code)
            if known is not None and known is not rule:
                raise PluginError(f"rule code {rule.code} is registered twice: by {_where(known)} and {_where(rule)}")
            if rule.name in names and names[rule.name] != rule.code:
                raise PluginError(f"rule name {rule.name!r} is used by {names[rule.name]} and {rule.code}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
        return cls(dict(sorted(rules.items())))

    def by_name(self, name: str) -> type[Rule] | None:
        for rule in self.rules.values():
            if rule.name == name:
                return rule
        return None

    def lookup(self, code_or_name: str) -> type[Rule] | None:
        return self.rules.get(code_or_name.upper()) or self.by_name(code_or_name.lower())

    def matching(self, selector: str) -> list[type[Rule]]:
        """Rules a selector names: ``ALL``, a code, a code prefix (``BP``, ``BP00``) or a name."""
        if selector == "ALL":
            return list(self.rules.values())
        rule = self.lookup(selector)
        if rule is not None:
            return [rule]
        prefix = selector.upper()
        return [rule for code, rule in self.rules.items() if code.startswith(prefix)]


def _where(rule: type[Rule]) -> str:
    return f"{rule.__module__}.{rule.__qualname__}"


def rules_from_object(obj: object) -> list[type[Rule]]:
    if is_rule_class(obj):
        return [obj]  # type: ignore[list-item]
    if isinstance(obj, ModuleType):
        exported = getattr(obj, "RULES", None)
        if exported is not None:
            return rules_from_object(exported)
        return [value for _, value in inspect.getmembers(obj, is_rule_class) if value.__module__ == obj.__name__]
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        found = []
        for item in obj:
            found.extend(rules_from_object(item))
        return found
    raise PluginError(f"{obj!r} is neither a rule class, a module nor an iterable of rule classes")


def discover(entry_points: Sequence[importlib.metadata.EntryPoint] | None = None) -> RuleSet:
    """Load every rule registered under the ``newslint.rules`` entry-point group."""
    if entry_points is None:
        entry_points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    classes: list[type[Rule]] = []
    for entry_point in sorted(entry_points, key=lambda ep: (ep.name, ep.value)):
        try:
            loaded = entry_point.load()
        except Exception as error:  # a broken plugin must be named, not crash with a traceback
            raise PluginError(f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: {error}") from error
        try:
            classes.extend(rules_from_object(loaded))
        except PluginError as error:
            raise PluginError(f"plugin {entry_point.name!r} ({entry_point.value}): {error}") from error
    return RuleSet.from_classes(classes)


_DEFAULT: RuleSet | None = None


def default_ruleset() -> RuleSet:
    """The installed rules, discovered once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = discover()
    return _DEFAULT
