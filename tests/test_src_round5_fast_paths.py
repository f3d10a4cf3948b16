"""The fifth speed round's SRC fast path against the plain definition it replaces (property tests):
the wire patterns searched one by one, each only on the lines that meet its own ``wire-needs``,
must find the match the union finds on the lines that meet any need."""

from __future__ import annotations

from hypothesis import given, settings
from text_pieces import texts_of

from newslint.rules.sources import (
    _H_CHARS,
    _line_bounds,
    _stdlib_wire_parts,
    _wire_needs,
    _wire_pattern,
    _wire_search,
    _wire_triggers,
    wire_credit,
)

# The words and characters the wire patterns and their needs look at: contexts in several cases
# (with the letters whose case forms differ: İ, ı, ſ), agencies, brackets, dashes, every kind of
# horizontal space, line breaks.
_PIECES = [
    "mit ",
    "MIT",
    "mİt",
    "Material von ",
    "avec ",
    "Avec",
    "l’",
    "l'",
    "con ",
    "información de ",
    "com ",
    "source",
    "Sources",
    "ſource",
    " : ",
    "reporting by ",
    "Additional ",
    "REPORTING",
    "AFP",
    "AP",
    "Reuters",
    "dpa",
    "dpa-AFX",
    "agences",
    "agências",
    "EFE",
    "Lusa",
    "ANSA",
    "(",
    ")",
    "(AFP)",
    "(AP) — ",
    " — ",
    "-",
    "–",
    ",",
    ".",
    "x",
    "é",
    " ",
    "\t",
    "\xa0",
    "\u2009",
    "\u3000",
    "\n",
    "\r\n",
    "\n\n",
]
texts = texts_of(_PIECES, max_size=20)


def _may_match_plain(line: str) -> bool:
    """The reference: the fourth round's ``may_match``, any need of any pattern."""
    needs = _wire_needs()
    assert needs is not None
    if needs.texts_pattern is not None and needs.texts_pattern.search(line) is not None:
        return True
    if needs.ends and line.rstrip(_H_CHARS).endswith(needs.ends):
        return True
    lowered = line.encode("utf-8", "surrogatepass").lower()
    return any(
        need.stem in lowered and (need.whole is None or need.whole.search(lowered) is not None) for need in needs.lowers
    )


def _wire_credit_plain(text: str) -> tuple[int, int, str] | None:
    """The reference: every keyword line that meets any need, searched with the union."""
    triggers, union = _wire_triggers(), _wire_pattern()
    assert triggers is not None and union is not None
    for line_start in triggers.line_starts(text):
        line_end = _line_bounds(text, line_start)[1]
        if _may_match_plain(text[line_start:line_end]):
            match = union.search(text, line_start, line_end)
            if match is not None:
                return match.start(), match.end(), match.group(0)
    return None


def _wire_credit_fast(text: str) -> tuple[int, int, str] | None:
    match = wire_credit(text)
    return None if match is None else (match.start(), match.end(), match.group(0))


def test_the_shipped_data_splits_the_patterns_with_their_own_needs():
    wire = _wire_search()
    assert wire is not None and wire.patterns == _stdlib_wire_parts() and None not in wire.listed_needs


@settings(max_examples=300, deadline=None)
@given(texts)
def test_wire_needs_met_are_the_plain_needs(line):
    needs = _wire_needs()
    assert needs is not None
    assert needs.may_match(line) == _may_match_plain(line)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_patterns_one_by_one_find_the_union_match(text):
    union, parts = _wire_pattern(), _stdlib_wire_parts()
    assert union is not None and parts is not None
    for start in (0, len(text) // 2):
        expected = union.search(text, start)
        found = None
        for part in parts:
            match = part.search(text, start)
            if match is not None and (found is None or match.start() < found.start()):
                found = match
        assert (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0)))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_wire_credit_is_the_one_the_union_finds_on_lines_with_any_need(text):
    assert _wire_credit_fast(text) == _wire_credit_plain(text)
