"""Memos of per-line verdicts that rules keep from one document to the next.

A site's template lines (menus, bylines, footers, "Read more" teasers) repeat on every page of a
crawl, so a rule may remember what it decided for such a line instead of running its patterns
again. Every memo of that kind is a :class:`LineMemo`: capped, and known to this module, so that a
benchmark made of copies of the same texts can empty them all (:func:`clear_memos`) and measure
what the rules cost on lines they have not seen before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_MEMOS: list[LineMemo] = []


class LineMemo(dict[str, Any]):
    """A dict of verdicts keyed by line text that starts over once it holds ``size`` entries.

    ``memo[line]`` runs ``compute(line)`` for a line it has no verdict for and keeps the answer; a
    line it has seen is a C-level look-up (a dict subclass with ``__missing__``). Call :meth:`trim`
    once per document (or per verdict asked), not per line.
    """

    def __init__(self, compute: Callable[[str], Any] | None = None, size: int = 20000) -> None:
        super().__init__()
        self.compute = compute
        self.size = size
        _MEMOS.append(self)

    def __missing__(self, line: str) -> Any:
        if self.compute is None:
            raise KeyError(line)
        verdict = self[line] = self.compute(line)
        return verdict

    def trim(self) -> None:
        if len(self) > self.size:
            self.clear()


def clear_memos() -> None:
    """Empty every :class:`LineMemo` of the process (the answers do not change, only their cost)."""
    for memo in _MEMOS:
        memo.clear()
