"""DUP: text pasted twice by the extractor or the publisher's template."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from newslint import Applicability, Document, Finding, Rule

_SPACES = regex.compile(r"\s+")
# How many earlier places of one paragraph are tried as the start of a copied block: enough for real
# texts, and it bounds the work on pathological ones (a line repeated thousands of times).
MAX_CANDIDATES = 16


@dataclass(frozen=True, slots=True)
class Unit:
    """A content line of the document, white-space folded: the unit duplicates are made of."""

    line: int  # 0-based line index
    key: str


def units(doc: Document) -> tuple[Unit, ...]:
    """The document's content lines with folded text, shared by every DUP rule."""

    def compute(document: Document) -> tuple[Unit, ...]:
        return tuple(Unit(line.index, _SPACES.sub(" ", line.text).strip()) for line in document.content_lines)

    return doc.view("dup.units", compute)


@dataclass(frozen=True, slots=True)
class Block:
    """``units[copy : copy + size]`` repeat ``units[source : source + size]``."""

    source: int
    copy: int
    size: int


def duplicated_blocks(items: tuple[Unit, ...], min_units: int, min_chars: int, min_single: int) -> list[Block]:
    """Later copies of earlier runs of units, longest first at each place, never overlapping.

    A run qualifies when it has ``min_units`` units and ``min_chars`` characters, or is one unit of
    ``min_single`` characters. The source of a copy ends before the copy starts.
    """
    seen: dict[str, list[int]] = defaultdict(list)
    blocks: list[Block] = []
    position = 0
    count = len(items)
    keys = [unit.key for unit in items]
    while position < count:
        best = 0
        best_source = -1
        for source in seen.get(keys[position], ())[:MAX_CANDIDATES]:
            size = 0
            while (
                position + size < count
                and source + size < position
                and keys[source + size] == keys[position + size]
            ):
                size += 1
            if size > best:
                best, best_source = size, source
        if best:
            chars = sum(len(key) for key in keys[position : position + best])
            if (best >= min_units and chars >= min_chars) or (best == 1 and chars >= min_single):
                blocks.append(Block(best_source, position, best))
                for offset in range(best):
                    seen[keys[position + offset]].append(position + offset)
                position += best
                continue
        seen[keys[position]].append(position)
        position += 1
    return blocks


class DuplicatedSection(Rule):
    """A section of the article repeated verbatim later in the same text.

    ## What it does
    Flags a block of two or more consecutive paragraphs (or a single paragraph of 200 or more
    characters) that repeats, after white-space folding, an earlier block of the same text. The
    finding covers the later copy and names the lines it repeats.

    Short lines that legitimately recur, such as an attribution ("– Kevin Weil, Directeur Produit
    d’OpenAI") after two different quotes, are not sections: a block needs enough text.

    ## Why it matters
    Extractors paste sections twice when a page renders the article in two templates (mobile and
    desktop, or an "amp" copy). Duplicated text skews deduplication, word counts and language
    models, which learn to repeat themselves.

    ## Example
    ```
    Des modèles toujours plus puissants
    Malgré ces défis, OpenAI reste convaincu…
    (…the article goes on…)
    Des modèles toujours plus puissants
    Malgré ces défis, OpenAI reste convaincu…
    ```
    Use instead: the same text with the second copy removed.

    ## Fix safety
    Safe: the fix deletes the later copy and its separating blank line; the first copy, which is
    character for character the same text, stays.
    """

    code = "DUP001"
    name = "duplicated-section"
    fix_applicability = Applicability.SAFE
    default_options = {"min-paragraphs": 2, "min-characters": 120, "min-single-paragraph": 200}
    options_schema = {
        "type": "object",
        "properties": {
            "min-paragraphs": {
                "type": "integer",
                "minimum": 2,
                "description": "Paragraphs a repeated block needs (unless one paragraph is long enough).",
            },
            "min-characters": {
                "type": "integer",
                "minimum": 1,
                "description": "Characters a repeated block of several paragraphs needs.",
            },
            "min-single-paragraph": {
                "type": "integer",
                "minimum": 1,
                "description": "Characters a single repeated paragraph needs to count as a section.",
            },
        },
        "additionalProperties": False,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        items = units(doc)
        blocks = duplicated_blocks(
            items, options["min-paragraphs"], options["min-characters"], options["min-single-paragraph"]
        )
        for block in blocks:
            first, last = items[block.copy].line, items[block.copy + block.size - 1].line
            src_first, src_last = items[block.source].line, items[block.source + block.size - 1].line
            start, end = doc.lines[first].start, doc.lines[last].end
            what = f"{block.size} paragraphs" if block.size > 1 else "a paragraph"
            span = f"lines {first + 1}-{last + 1}" if last > first else f"line {first + 1}"
            source = f"lines {src_first + 1}-{src_last + 1}" if src_last > src_first else f"line {src_first + 1}"
            yield self.finding(
                start,
                end,
                f"Duplicated section: {span} repeat {source} ({what})",
                self.line_deletion(doc, first, last, "Delete the repeated copy", Applicability.SAFE),
                copy_of={"start": doc.lines[src_first].start, "end": doc.lines[src_last].end},
            )


RULES: list[type[Rule]] = [DuplicatedSection]
