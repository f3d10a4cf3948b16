"""Configuration: discovery, validation and rule selection.

Settings come from ``newslint.toml`` or the ``[tool.newslint]`` table of ``pyproject.toml``, the
nearest one walking up from an input, or from ``--config``. Everything is validated against the
schema we ship before it is used, and each error names the file, the key path and what was expected.
"""

from __future__ import annotations

import fnmatch
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from .model import Applicability
from .registry import RuleSet
from .rule import Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "__pycache__",
    "node_modules",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
    "site-packages",
)


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("newslint").joinpath("schemas", name).read_text("utf-8"))


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: the rules that are on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fixable: tuple[str, ...] = ("ALL",)
    unfixable: tuple[str, ...] = ()
    extend_safe_fixes: tuple[str, ...] = ()
    extend_unsafe_fixes: tuple[str, ...] = ()
    language: str = "auto"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)  # per-file-ignores and excludes are relative to it
    source: str | None = None  # the configuration file, for messages

    def with_cli(
        self,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> Settings:
        # As in ruff, a command-line select replaces the configured selection, extend-select
        # included; the configured ignores still apply (the more specific selector wins).
        return replace(
            self,
            select=tuple(select) if select is not None else self.select,
            extend_select=(self.extend_select if select is None else ()) + tuple(extend_select),
            ignore=self.ignore + tuple(ignore),
        )

    # -- file matching ------------------------------------------------------------------------

    def relative(self, path: Path, base: Path | None = None) -> str:
        """The path relative to the configuration's folder, else to ``base`` (the directory being
        walked), else its name alone: the folders above a checkout (a CI runner's ``/builds/…``)
        must never decide what is excluded."""
        resolved = path.resolve()
        for folder in (self.root, base):
            if folder is None:
                continue
            try:
                return PurePosixPath(resolved.relative_to(folder.resolve())).as_posix()
            except ValueError:
                continue
        return path.name

    def is_excluded(self, path: Path, base: Path | None = None) -> bool:
        patterns = self.exclude + self.extend_exclude
        relative = self.relative(path, base)
        parts = PurePosixPath(relative).parts
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts for pattern in patterns) or any(
            fnmatch.fnmatchcase(relative, pattern) for pattern in patterns
        )

    def is_included(self, path: Path) -> bool:
        return any(fnmatch.fnmatchcase(path.name, pattern) for pattern in self.include)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        relative = self.relative(Path(path))
        ignored: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(Path(path).name, pattern):
                ignored.extend(selectors)
        return tuple(ignored)


# -- loading -----------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest newslint.toml, or pyproject.toml with a [tool.newslint] table, from ``start`` up."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "newslint.toml":
                return candidate
            try:
                if "newslint" in _read_toml(candidate).get("tool", {}):
                    return candidate
            except ConfigError:
                return candidate  # a broken pyproject near the inputs must be reported, not skipped
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error


def load_settings(path: Path, ruleset: RuleSet) -> Settings:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newslint", {})
        prefix = "tool.newslint"
    else:
        table, prefix = data, ""
    return settings_from_mapping(table, ruleset, source=str(path), root=path.parent, key_prefix=prefix)


def _key_path(prefix: str, parts: Iterable[Any]) -> str:
    path = prefix
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            # A key that is not a bare TOML key (a glob such as "*.txt") is quoted, as in TOML.
            key = str(part) if _BARE_KEY.match(str(part)) else json.dumps(str(part), ensure_ascii=False)
            path += f".{key}" if path else key
    return path or "(top level)"


def _validate(instance: Any, schema: Mapping[str, Any], source: str, prefix: str) -> None:
    # Imported here: jsonschema costs ~0.1 s to import and a run without a config never needs it.
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: (list(e.absolute_path), e.message))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        where = _key_path(prefix, error.absolute_path)
        raise ConfigError(f"{source}: {where}: {error.message}")


def settings_from_mapping(
    table: Mapping[str, Any],
    ruleset: RuleSet,
    source: str = "<config>",
    root: Path | None = None,
    key_prefix: str = "",
) -> Settings:
    _validate(table, load_schema("config.schema.json"), source, key_prefix)

    def selectors(key: str) -> tuple[str, ...]:
        values = tuple(table.get(key, ()))
        for index, selector in enumerate(values):
            if not ruleset.matching(selector):
                where = _key_path(key_prefix, [key, index])
                raise ConfigError(f"{source}: {where}: {selector!r} is not a rule code, prefix, name or ALL")
        return values

    per_file: list[tuple[str, tuple[str, ...]]] = []
    for pattern, values in table.get("per-file-ignores", {}).items():
        for index, selector in enumerate(values):
            if not ruleset.matching(selector):
                where = _key_path(key_prefix, ["per-file-ignores", pattern, index])
                raise ConfigError(f"{source}: {where}: {selector!r} is not a rule code, prefix, name or ALL")
        per_file.append((pattern, tuple(values)))

    options: dict[str, dict[str, Any]] = {}
    for key, value in table.get("rules", {}).items():
        rule = ruleset.lookup(key)
        where = _key_path(key_prefix, ["rules", key])
        if rule is None:
            raise ConfigError(f"{source}: {where}: {key!r} is not a known rule code or name")
        _validate(value, rule.options_schema, source, where)
        options.setdefault(rule.code, {}).update(value)

    settings = Settings(
        select=selectors("select") if "select" in table else None,
        extend_select=selectors("extend-select"),
        ignore=selectors("ignore"),
        per_file_ignores=tuple(per_file),
        fixable=selectors("fixable") if "fixable" in table else ("ALL",),
        unfixable=selectors("unfixable"),
        extend_safe_fixes=selectors("extend-safe-fixes"),
        extend_unsafe_fixes=selectors("extend-unsafe-fixes"),
        language=table.get("language", "auto"),
        include=tuple(table.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(table.get("exclude", DEFAULT_EXCLUDE)),
        extend_exclude=tuple(table.get("extend-exclude", ())),
        rule_options=options,
        root=root or Path.cwd(),
        source=source,
    )
    return settings


def check_selectors(selectors: Iterable[str], ruleset: RuleSet, option: str) -> None:
    for selector in selectors:
        if not ruleset.matching(selector):
            raise ConfigError(f"{option}: {selector!r} is not a rule code, prefix, name or ALL")


# -- selection ---------------------------------------------------------------------------------


def _specificity(selector: str, rule: type[Rule]) -> int:
    if selector == "ALL":
        return 0
    if selector.upper() == rule.code or selector.lower() == rule.name:
        return 100
    return len(selector)


def _best(selectors: Iterable[str], rule: type[Rule], ruleset: RuleSet) -> int:
    """The specificity of the most specific selector naming ``rule``, or -1."""
    best = -1
    for selector in selectors:
        if rule in ruleset.matching(selector):
            best = max(best, _specificity(selector, rule))
    return best


def _chosen(on: Iterable[str], off: Iterable[str], rule: type[Rule], ruleset: RuleSet) -> bool:
    # As in ruff: the more specific selector wins, and on a tie the exclusion does.
    return _best(on, rule, ruleset) > _best(off, rule, ruleset)


def enabled_rules(settings: Settings, ruleset: RuleSet, path: str | None = None) -> list[type[Rule]]:
    # As in ruff, per-file-ignores filter the selection afterwards: `select = ["BP001"]` with
    # `"old/*" = ["BP"]` turns BP001 off in old/, whatever the specificity of the selector.
    per_file = settings.ignored_for(path) if path else ()
    chosen = []
    for rule in ruleset.rules.values():
        on = _best(settings.extend_select + (settings.select or ()), rule, ruleset)
        if settings.select is None and rule.default_enabled:
            # The implicit default selection is the least specific: any ignore beats it.
            on = max(on, 0)
        if on > _best(settings.ignore, rule, ruleset) and _best(per_file, rule, ruleset) < 0:
            chosen.append(rule)
    return chosen


def is_fixable(settings: Settings, rule: type[Rule], ruleset: RuleSet) -> bool:
    return _chosen(settings.fixable, settings.unfixable, rule, ruleset)


def applicability_override(settings: Settings, rule: type[Rule], ruleset: RuleSet) -> Applicability | None:
    """SAFE or UNSAFE when extend-safe-fixes / extend-unsafe-fixes name ``rule``, else None."""
    safe = _best(settings.extend_safe_fixes, rule, ruleset)
    unsafe = _best(settings.extend_unsafe_fixes, rule, ruleset)
    if safe < 0 and unsafe < 0:
        return None
    return Applicability.SAFE if safe > unsafe else Applicability.UNSAFE
