"""The values that flow through the pipeline: edits, fixes and findings.

Every offset is a 0-based code-point index into the text the finding was made on, and every span is
half-open ``[start, end)``. Rules build these values; the engine alone applies them.

They are values: never mutate one. They are not ``frozen`` dataclasses only because a large corpus
builds millions of them and a frozen dataclass is four times slower to create. For the same reason
each writes its own ``__init__`` that checks its arguments in the same frame: the generated one
plus a ``__post_init__`` is two Python calls per value (~1,200 instructions more, three values per
finding).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

_EDIT_ORDER = attrgetter("start", "end")


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, enum.Enum):
    """How much a fix can be trusted, in the order of trust (as in ruff)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


# Module constants: an enum member read through its class costs ~70 ns (EnumType.__getattr__), and
# rules build thousands of fixes per megabyte of careless extraction.
_SAFE = Applicability.SAFE
_UNSAFE = Applicability.UNSAFE
_WARNING = Severity.WARNING


@dataclass(slots=True, init=False)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; an insertion has ``start == end``."""

    start: int
    end: int
    replacement: str = ""

    def __init__(self, start: int, end: int, replacement: str = "") -> None:
        if not 0 <= start <= end:
            raise ValueError(f"invalid edit range [{start}, {end})")
        self.start = start
        self.end = end
        self.replacement = replacement

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")

    @classmethod
    def insert(cls, at: int, text: str) -> Edit:
        return cls(at, at, text)

    @property
    def deleted(self) -> int:
        return self.end - self.start


@dataclass(slots=True, init=False)
class Fix:
    description: str
    applicability: Applicability
    edits: tuple[Edit, ...]

    def __init__(self, description: str, applicability: Applicability, edits: Iterable[Edit]) -> None:
        self.description = description
        self.applicability = applicability
        # Nearly every fix has one edit, already in a tuple: nothing to order or check.
        self.edits = edits if edits.__class__ is tuple and len(edits) == 1 else _ordered_edits(edits)  # type: ignore[assignment]

    @classmethod
    def safe(cls, description: str, *edits: Edit) -> Fix:
        return cls(description, _SAFE, edits)

    @classmethod
    def unsafe(cls, description: str, *edits: Edit) -> Fix:
        return cls(description, _UNSAFE, edits)

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return self.edits[-1].end

    def with_applicability(self, applicability: Applicability) -> Fix:
        return Fix(self.description, applicability, self.edits)


def _ordered_edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    ordered = tuple(sorted(edits, key=_EDIT_ORDER))
    if not ordered:
        raise ValueError("a fix needs at least one edit")
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.start < before.end:
            raise ValueError("the edits of one fix overlap")
    return ordered


@dataclass(slots=True, init=False)
class Finding:
    code: str
    name: str
    message: str
    start: int
    end: int
    severity: Severity = _WARNING
    fix: Fix | None = None
    # Free-form, JSON-serialisable details a reporter may show (e.g. the span a duplicate copies).
    data: dict = field(default_factory=dict, compare=False, hash=False)

    def __init__(
        self,
        code: str,
        name: str,
        message: str,
        start: int,
        end: int,
        severity: Severity = _WARNING,
        fix: Fix | None = None,
        data: dict | None = None,
    ) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"{code}: invalid span [{start}, {end})")
        self.code = code
        self.name = name
        self.message = message
        self.start = start
        self.end = end
        self.severity = severity
        self.fix = fix
        self.data = {} if data is None else data


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits in one sweep (callers guarantee they do not overlap)."""
    pieces: list[str] = []
    cursor = 0
    for edit in sorted(edits, key=_EDIT_ORDER):
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)
