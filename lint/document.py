"""The Document: one text to lint, with the views rules share.

Views (lines, paragraphs, the language guess, offset-to-position mapping) are computed on first use
and cached, so twenty rules that walk the lines split the text once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, compress, islice, repeat
from operator import add, not_
from typing import Any, NamedTuple

from .language import guess_language


class Line(NamedTuple):
    """One line: ``text`` is ``doc.text[start:end]`` without its line break, which ends at ``end_break``.

    A named tuple, not a dataclass: a large corpus has millions of lines. Even so, building them
    costs more than splitting the text: rules that need only the texts or the starts read
    :attr:`Document.line_texts` and :attr:`Document.line_starts`, and :attr:`Document.lines` is
    built for the rules that ask for it.
    """

    index: int  # 0-based
    start: int
    end: int
    end_break: int
    text: str

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def is_blank(self) -> bool:
        return not self.text or self.text.isspace()


class Paragraph(NamedTuple):
    """A maximal run of non-blank lines (``first``/``last`` are 0-based line indexes).

    A named tuple like :class:`Line`: a frozen dataclass costs several times more to build.
    """

    index: int
    first: int
    last: int
    start: int
    end: int
    text: str


class view_property:
    """A view computed on first use and stored in the instance's ``__dict__``, where later reads
    find it without calling the descriptor (``functools.cached_property`` without its lock:
    Python 3.11 takes an ``RLock`` on every first read, and a document has a dozen views)."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in code points


_NON_SPACE = re.compile(r"\S")
_MISSING = object()


def removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """:meth:`Document.removal_span` for the lines from the one starting at ``start`` to the one
    whose text ends at ``end``, with string scans only: a rule that found its lines by scanning
    the text needs no line view to delete them."""
    end_break = text.find("\n", end) + 1 or len(text)
    following = _NON_SPACE.search(text, end_break)  # in the first non-blank line after the run
    if following is None:  # deleting up to the end: take the blank lines before the run too
        content = start  # where the text before the run ends without its white space
        while content and text[content - 1].isspace():  # a few blank lines: no copy of the text
            content -= 1
        if content:
            return text.find("\n", content - 1) + 1, len(text)
        return 0, len(text)
    if not start or text[text.rfind("\n", 0, start - 1) + 1 : start].isspace():
        return start, text.rfind("\n", 0, following.start()) + 1  # the line before is blank
    return start, end_break


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the line holding ``offset`` as :attr:`Document.lines` cuts them (the "\\r"
    of a CRLF break is not text; the last line, without a break, keeps its "\\r"), without building
    the lines of the whole document."""
    start = text.rfind("\n", 0, offset) + 1
    newline = text.find("\n", offset)
    if newline == -1:
        return start, len(text)
    return start, newline - 1 if newline > start and text[newline - 1] == "\r" else newline


def byte_line_indexes(lowered: bytes, offsets: list[int]) -> list[int]:
    """The line index of each byte offset of :attr:`Document.lowered_bytes` (sorted offsets)."""
    indexes, total, last = [], 0, 0
    for offset in offsets:
        total += lowered.count(b"\n", last, offset + 1)
        last = offset + 1
        indexes.append(total - 1)
    return indexes


class Document:
    """A text plus where it came from.

    ``path`` is the file (or ``"-"``), ``record`` the record id inside a JSONL file, ``meta`` the
    record's other fields (url, lang, source…), ``language`` a forced language or ``None`` to guess.
    """

    def __init__(
        self,
        text: str,
        path: str = "-",
        record: str | None = None,
        meta: dict[str, Any] | None = None,
        language: str | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.record = record
        self.meta = meta or {}
        self._forced_language = language if language not in (None, "auto") else None
        self._views: dict[Any, Any] = {}

    def __repr__(self) -> str:
        where = f"{self.path}:{self.record}" if self.record is not None else self.path
        return f"Document({where!r}, {len(self.text)} chars)"

    def with_text(self, text: str) -> Document:
        """The same source with another text (the fixer's next pass): views are recomputed."""
        language = self._forced_language or (self.language if "language" in self.__dict__ else None)
        return Document(text, self.path, self.record, self.meta, language)

    # -- views -------------------------------------------------------------------------------

    def view(self, key: Any, compute: Callable[[Document], Any]) -> Any:
        """A view a rule family derives and shares (computed once per document and key).

        The engine knows none of these views: a family names its own key (e.g. the folded
        paragraphs duplicate rules compare), and every rule asking for it gets the same object.
        """
        views = self._views
        value = views.get(key, _MISSING)
        if value is _MISSING:  # once per view and document: no exception raised for it
            value = views[key] = compute(self)
        return value

    def _split_lines(self) -> None:
        """Compute :attr:`line_texts` and :attr:`line_starts` together: one C-level split and
        C-level arithmetic, the first cost of every document (a large corpus has millions of lines).
        Most documents never need the :class:`Line` tuples, which cost more than both lists."""
        text = self.text
        parts = text.split("\n")
        if parts[-1] == "":
            parts.pop()  # no line after a final line break (nor in an empty text)
        starts = list(accumulate(map(add, map(len, parts), repeat(1)), initial=0))
        starts.pop()  # where a line after the last would start
        if "\r" in text:
            last = len(parts) - 1
            ends_with_break = text.endswith("\n")
            for index, part in enumerate(parts):
                # A "\r" before the "\n" belongs to the break; one ending the last line is text.
                if part.endswith("\r") and (index < last or ends_with_break):
                    parts[index] = part[:-1]
        cached = self.__dict__
        cached["line_texts"] = parts
        cached["line_starts"] = starts or [0]

    @view_property
    def line_texts(self) -> list[str]:
        """Each line's text (``lines[i].text``: without its line break), by index."""
        self._split_lines()
        return self.__dict__["line_texts"]  # type: ignore[no-any-return]

    @view_property
    def line_starts(self) -> list[int]:
        """Where each line starts (``lines[i].start``), by index; ``[0]`` for an empty text."""
        self._split_lines()
        return self.__dict__["line_starts"]  # type: ignore[no-any-return]

    @view_property
    def lines(self) -> tuple[Line, ...]:
        texts, starts = self.line_texts, self.line_starts
        if not texts:
            return ()  # an empty text, whose line_starts is [0]
        ends = list(map(add, starts, map(len, texts)))
        breaks = starts[1:]
        breaks.append(len(self.text))  # the last line ends the text, with or without its break
        return tuple(map(tuple.__new__, repeat(Line), zip(range(len(texts)), starts, ends, breaks, texts, strict=True)))

    def line_end(self, index: int) -> int:
        """``lines[index].end`` without the :class:`Line` tuples."""
        return self.line_starts[index] + len(self.line_texts[index])

    def line_end_break(self, index: int) -> int:
        """``lines[index].end_break`` (``index`` not negative) without the :class:`Line` tuples: the
        next line's start, or the end of the text for the last line."""
        starts = self.line_starts
        return starts[index + 1] if index + 1 < len(starts) else len(self.text)

    @property
    def line_break_count(self) -> int:
        """``text.count("\\n")`` read off :attr:`line_texts` instead of a scan of the text: every
        line break ends a line, and the last line has one only when the text ends with it."""
        return len(self.line_texts) - (not self.text.endswith("\n"))

    @view_property
    def stripped_lines(self) -> list[str]:
        """Each line's text without its surrounding white space (``""`` for a blank line), by index.

        Several families classify lines by their stripped text; stripping them all is one C-level
        ``map``, done once here rather than once per rule.
        """
        return list(map(str.strip, self.line_texts))

    @view_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        # Paragraphs are the gaps between blank lines: the loop runs once per blank line, not per
        # line (a careless extraction has tens of thousands of short lines and few blank ones).
        texts, starts = self.line_texts, self.line_starts
        blanks = compress(range(len(texts)), map(not_, self.stripped_lines))
        text = self.text
        paragraphs: list[Paragraph] = []
        before = -1
        for after in (*blanks, len(texts)):
            if after - before > 1:
                start, end = starts[before + 1], starts[after - 1] + len(texts[after - 1])
                paragraphs.append(Paragraph(len(paragraphs), before + 1, after - 1, start, end, text[start:end]))
            before = after
        return tuple(paragraphs)

    @view_property
    def content_lines(self) -> tuple[Line, ...]:
        # str.strip() leaves nothing of exactly the lines Line.is_blank calls blank; compress()
        # keeps the per-line loop in C.
        return tuple(compress(self.lines, self.stripped_lines))

    def content_head(self, count: int) -> list[Line]:
        """``content_lines[:count]`` without building the tuples of every line (rules that look at
        the first lines of a text need only those)."""
        stripped = self.stripped_lines
        return list(map(self.line_at, islice(compress(range(len(stripped)), stripped), count)))

    def last_content_index(self) -> int:
        """``content_lines[-1].index`` (-1 when every line is blank) without building the lines."""
        stripped = self.stripped_lines
        index = len(stripped) - 1
        while index >= 0 and not stripped[index]:
            index -= 1
        return index

    @view_property
    def lowered_bytes(self) -> bytes:
        """``"\n" + text`` as UTF-8 with ASCII letters lower-cased, for fast case-blind scans.

        ``bytes.lower`` runs at memory speed where ``str.lower`` does not, and ``re`` scans bytes
        several times faster than text. The leading line break lets a scan anchored on ``\n`` see
        the first line too; offsets are byte offsets, so hits are mapped to lines by counting line
        breaks (:func:`byte_line_indexes`).
        """
        return ("\n" + self.text).encode("utf-8", "surrogatepass").lower()

    @view_property
    def latin1_bytes(self) -> bytes:
        """The text with one byte per character (Latin-1, ``?`` for the characters beyond it), so
        that byte offsets are text offsets: C-level ``bytes.translate`` and ``bytes.find`` scans
        (LAY002's glue points, SRC's wire keywords) share one encoding of the text."""
        return self.text.encode("latin-1", "replace")

    @property
    def known_language(self) -> str | None:
        """The language if it is forced or already guessed, else None, without guessing it.

        Rules that need the language for only a few documents check this first so that the
        guess is paid for only where it decides something.
        """
        return self._forced_language or self.__dict__.get("language")

    @view_property
    def language(self) -> str:
        return self._forced_language or guess_language(self.text)

    # -- positions -----------------------------------------------------------------------------

    def line_index_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self.line_starts, offset) - 1, 0)

    def line_index_among(self, offset: int, lo: int = 0, hi: int | None = None) -> int:
        """:meth:`line_index_at` for an offset at or after line ``lo``'s start, searched among lines
        ``lo`` to ``hi`` (exclusive) only."""
        return bisect.bisect_right(self.line_starts, offset, lo, len(self.line_texts) if hi is None else hi) - 1

    def position(self, offset: int) -> Position:
        # Positions read only ``line_starts`` (and the text), never ``lines``: a report is written
        # after ``release_views`` has dropped the lines of every document.
        starts = self.line_starts
        if offset and offset == len(self.text) and self.text.endswith("\n"):
            return Position(len(starts) + 1, 1)  # after the final line break: the empty last line
        index = self.line_index_at(offset)
        return Position(index + 1, offset - starts[index] + 1)

    def end_position(self, start: int, end: int) -> Position:
        """Position of an exclusive span end; a span ending in a line break ends on that line."""
        if end > start and self.text[end - 1] == "\n":
            line_start, line_end = line_bounds(self.text, end - 1)
            return Position(self.line_index_at(end - 1) + 1, line_end - line_start + 1)
        return self.position(end)

    def line_at(self, index: int) -> Line:
        """``lines[index]`` without building the tuples of every line: a rule that reads a few lines
        (a finding's span, its message) needs only those. After :meth:`release_views` the line is
        cut out of the text (a report's snippet)."""
        cached = self.__dict__
        if "lines" in cached:
            return cached["lines"][index]  # type: ignore[no-any-return]
        text = self.text
        starts = self.line_starts
        index = range(len(starts))[index]  # a negative index counts from the end, as on the tuple
        texts = cached.get("line_texts")
        if texts is None:
            start, end = line_bounds(text, starts[index])
            line_text = text[start:end]
        else:
            start = starts[index]
            line_text = texts[index]
            end = start + len(line_text)
        return tuple.__new__(Line, (index, start, end, self.line_end_break(index), line_text))

    def release_views(self) -> None:
        """Drop every derived view but the line starts and the language; a view asked for again is
        computed again.

        A run keeps each document until its report is written, and a report needs only positions.
        The lines, paragraphs and family views of thousands of documents would otherwise hold most
        of the process's memory, and every garbage collection would walk their objects again.
        """
        starts = self.line_starts  # computed now, from the lines about to go
        cached = self.__dict__
        for name in _RELEASABLE_VIEWS:
            cached.pop(name, None)
        cached["line_starts"] = starts
        self._views = {}

    # -- runs of lines ---------------------------------------------------------------------------

    def line_runs(self, indexes: Iterable[int]) -> list[tuple[int, int]]:
        """Ascending line ``indexes`` grouped into ``(first, last)`` runs: only blank lines may
        stand between the members of a run."""
        texts = self.stripped_lines
        grouped: list[tuple[int, int]] = []
        for index in indexes:
            if grouped and not any(texts[grouped[-1][1] + 1 : index]):
                grouped[-1] = (grouped[-1][0], index)
            else:
                grouped.append((index, index))
        return grouped

    def count_content_lines(self, first: int, stop: int) -> int:
        """How many of the lines ``first`` to ``stop - 1`` are not blank (counted in C)."""
        between = self.stripped_lines[first:stop]
        return len(between) - between.count("")

    # -- spans for fixes -------------------------------------------------------------------------

    def removal_span(self, first: int, last: int) -> tuple[int, int]:
        """The span that deletes lines ``first..last`` (0-based, inclusive) without leaving a gap.

        The lines go with their line breaks; a blank line that would be left doubled (or leading,
        or trailing) goes too, so a deletion never leaves layout debris for another rule to fix.
        """
        starts = self.line_starts  # line_end(last), inlined: every line deletion of every rule comes here
        return removal_span(self.text, starts[first], starts[last] + len(self.line_texts[last]))

    def claimable_bounds(self, start: int, end: int) -> tuple[int, int]:
        """How far a fix of a finding on ``[start, end)`` may reach: the whole lines the span
        touches and the blank lines around them (a line deletion takes its breaks and spacing)."""
        lines = self.lines
        if not lines:
            return 0, len(self.text)
        first = self.line_index_at(start)
        last = self.line_index_at(max(end - 1, start))
        while first > 0 and lines[first - 1].is_blank:
            first -= 1
        while last + 1 < len(lines) and lines[last + 1].is_blank:
            last += 1
        low = lines[first - 1].end if first > 0 else 0
        return low, lines[last].end_break


# The cached views ``Document.release_views`` drops: every one but those a report reads.
_RELEASABLE_VIEWS = tuple(
    name
    for name, value in vars(Document).items()
    if isinstance(value, view_property) and name not in ("line_starts", "language")
)
