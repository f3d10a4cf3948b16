"""Phrase lists and patterns, kept as data: ``data/<family>/<lang>.toml``, one table per rule name.

A table may hold ``phrases`` (literal strings, compared case-insensitively on folded text) and
``patterns`` (regular expressions, ``regex`` module syntax, matched case-insensitively). Every
language's entries apply to every document: a French page scraped from a template carries English
widgets too. Files are read once per process.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_APOSTROPHES = "’ʼ‘`´"  # each read as "'"
_NON_WORD = regex.compile(r"[^\p{L}\p{N}']+")


def _latin1_fold_table() -> tuple[bytes, re.Pattern[str]]:
    """For a case-folded text of Latin-1 characters and general punctuation (U+2000-U+206F) only:
    a byte table that keeps the Latin-1 word characters of ``_NON_WORD`` and turns every other byte
    into a space (the general punctuation, encoded as "?", too), and the ``re`` class that finds a
    character outside that range. Both are read off ``_NON_WORD`` itself, so they agree with it."""
    table = bytes(byte if _NON_WORD.fullmatch(chr(byte)) is None else 0x20 for byte in range(256))
    # A punctuation character that is a word character after all is left to the regex.
    punctuation = "".join(chr(code) for code in range(0x2000, 0x2070) if _NON_WORD.fullmatch(chr(code)))
    return table, re.compile(f"[^\x00-\xff{re.escape(punctuation)}]")


_LATIN1_FOLD, _BEYOND_LATIN1 = _latin1_fold_table()


def fold(text: str) -> str:
    """Lower-case, one kind of apostrophe, words separated by single spaces, no punctuation or emoji."""
    # Five C-level replaces cost less than a translate table's dict look-up per character.
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "'")
    text = text.casefold()
    if _BEYOND_LATIN1.search(text) is None:
        # ``regex`` pays a property look-up per character: one byte table does the same job.
        return b" ".join(text.encode("latin-1", "replace").translate(_LATIN1_FOLD).split()).decode("latin-1")
    return _NON_WORD.sub(" ", text).strip()


@cache
def family_tables(family: str) -> dict[str, dict[str, Any]]:
    """``{lang: {rule-name: table}}`` for one family."""
    tables: dict[str, dict[str, Any]] = {}
    folder = resources.files("newslint.rules").joinpath("data", family)
    if not folder.is_dir():
        return tables
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            tables[entry.name[: -len(".toml")]] = tomllib.loads(entry.read_text("utf-8"))
    return tables


@cache
def phrases(family: str, rule: str, key: str = "phrases", languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Every language's ``key`` list for ``rule``, folded, deduplicated, in file order."""
    seen: dict[str, None] = {}
    for lang, tables in family_tables(family).items():
        if languages is not None and lang not in languages:
            continue
        for phrase in tables.get(rule, {}).get(key, ()):
            seen.setdefault(fold(phrase), None)
    return tuple(seen)


@cache
def pattern(family: str, rule: str, key: str = "patterns", flags: int = 0) -> regex.Pattern[str] | None:
    """One compiled alternation of every language's ``key`` patterns for ``rule`` (or None)."""
    sources = []
    for tables in family_tables(family).values():
        sources.extend(tables.get(rule, {}).get(key, ()))
    if not sources:
        return None
    return regex.compile("|".join(f"(?:{source})" for source in sources), regex.IGNORECASE | regex.V1 | flags)


def trie_pattern(words: Iterable[str], atom: Callable[[str], Any]) -> Any:
    """One regex source (str or bytes, as ``atom`` returns) matching any of ``words``, factored as
    a trie: the stdlib engine tries the branches of a plain alternation one by one at every
    position, a trie's in one step. ``atom`` turns one character into its pattern (an escape, a
    case-blind class…); a word ending where another goes on makes the rest optional."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    empty = atom("a")[:0]
    group, alternation, optional = (b"(?:", b"|", b")?") if isinstance(empty, bytes) else ("(?:", "|", ")?")
    close = optional[:1]

    def emit(node: dict[str, dict]) -> Any:
        branches = [atom(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return empty
        body = branches[0] if len(branches) == 1 else group + alternation.join(branches) + close
        return group + body + optional if "" in node else body

    return emit(root)
