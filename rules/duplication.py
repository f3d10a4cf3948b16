"""DUP: text pasted twice by the extractor or the publisher's template.

Every DUP rule works on the same units, the document's content lines with white space folded
(:func:`units`), and the rules share their analyses through ``doc.view`` so that they agree on who
reports what: DUP001 reports copied sections, DUP002 a single repeated paragraph that is not inside
a DUP001 copy, DUP003 the title repeated at the top (and DUP002/DUP004 leave those lines alone),
DUP004 near-duplicates that none of the exact rules can see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from itertools import compress, repeat
from operator import is_not, itemgetter, ne
from typing import Any

import regex

from newslint import Applicability, CorpusRule, Document, Finding, Rule
from newslint.rule import integer_option, object_schema

# How many earlier places of one paragraph are tried as the start of a copied block: enough for real
# texts, and it bounds the work on pathological ones (a line repeated thousands of times).
MAX_CANDIDATES = 16


class Units:
    """The document's content lines, white-space folded: the units duplicates are made of.

    Unit ``p`` is line ``lines[p]`` (0-based) with text ``keys[p]``; ``firsts[p]`` is the first
    unit with the same text (``p`` itself when the text is new) and ``repeats`` lists, in order,
    the units that are not new. Rules walk ``repeats``, which is short, not every line.
    ``first_of`` maps each text to its first unit, in the order the texts first come.
    """

    __slots__ = ("keys", "repeats", "first_of", "_stripped", "_lines")

    def __init__(self, stripped: list[str], keys: list[str], repeats: list[int], first_of: dict[str, int]) -> None:
        self.keys = keys
        self.repeats = repeats
        self.first_of = first_of
        self._stripped = stripped
        self._lines: list[int] | None = None

    @property
    def lines(self) -> list[int]:
        # Only findings need the line of a unit, and most documents have none: not built up front.
        if self._lines is None:
            stripped = self._stripped
            self._lines = list(compress(range(len(stripped)), stripped))
        return self._lines

    @property
    def firsts(self) -> list[int]:
        # Built on demand only: the rules ask ``first_of`` about the few units they report.
        return list(map(self.first_of.__getitem__, self.keys))

    def __len__(self) -> int:
        return len(self.keys)


# White space a copy of a line may carry inside it instead of one plain space. Only the lines
# holding one (found with C-level ``map``, and only when the text has one at all) are folded: a
# regex per line would cost more than the whole rule family is allowed.
_ODD_SPACES = (
    "  ",
    "\t",
    "\r",
    "\xa0",
    "\u202f",
    "\u2009",
    "\u2007",
    "\u2002",
    "\u2003",
    "\u2005",
    "\u3000",
    "\x0b",
    "\x0c",
)
_IDEOGRAPHIC_SPACE = "\u3000"
_NARROW_ODD_SPACES = tuple(space for space in _ODD_SPACES if space != _IDEOGRAPHIC_SPACE)


def fold_spaces(key: str, space: str) -> str:
    """``" ".join(key.split())`` for a stripped ``key`` that holds ``space`` (one of ``_ODD_SPACES``).

    Splitting a long paragraph into words is the cost of folding it (one string per word). When
    the key has no other white space than plain spaces once ``space`` is replaced (``isprintable``
    is False for every white space but " "), halving its runs of plain spaces until none is left
    gives the folded text: both strings have one plain space where the key has a run of white
    space, and the key, stripped, has none at either end.
    """
    folded = key.replace(space, " ")
    while "  " in folded:
        folded = folded.replace("  ", " ")
    if folded.isprintable():
        return folded
    return " ".join(key.split())


def units(doc: Document) -> Units:
    """The document's units, computed once per document and shared by every DUP rule."""
    return doc.view("dup.units", _compute_units)


def _compute_units(document: Document) -> Units:
    # The lines of Document.lines (split on "\n" only, the view every family shares),
    # stripped (a shared view too): blank ones are empty.
    stripped = document.stripped_lines
    lines = stripped  # copied before the first fold: the shared view stays as it is
    text = document.text
    for space in _NARROW_ODD_SPACES:
        if space in text:  # ``in`` first: a ``find`` per odd space costs a short text more
            if lines is stripped:
                lines = list(stripped)
            _fold_lines(document, lines, space, text.find(space))
    # The ideographic space is looked for by its UTF-8 lead byte first (rare outside CJK text;
    # other families build ``lowered_bytes`` anyway): ``str`` finds a character by ``memchr`` on
    # its low byte, and this one's is 0, so its search in a text of two-byte characters is a
    # plain loop that costs as much as every other odd space together. (``bytes.find``, not
    # ``in``: ``in`` tries the byte as an integer first and builds a TypeError to find out.)
    if document.lowered_bytes.find(b"\xe3") >= 0 and _IDEOGRAPHIC_SPACE in text:
        if lines is stripped:
            lines = list(stripped)
        _fold_lines(document, lines, _IDEOGRAPHIC_SPACE, text.find(_IDEOGRAPHIC_SPACE))
    keys = list(filter(None, lines))  # a fold never empties a line: it has more than white space
    # The dictionary of firsts tells whether any text repeats: no set of the keys to find out
    # first, since nearly every text with many lines has a repeat (a recurring menu label).
    # ``setdefault`` returns the very position object of the text's first unit, so a repeat is
    # a unit whose first is not its own object: ``is_not`` compares no values, and no list of
    # firsts is built (the rules ask ``first_of`` for the few they need).
    positions = list(range(len(keys)))
    first_of: dict[str, int] = {}
    repeats = list(compress(positions, map(is_not, map(first_of.setdefault, keys, positions), positions)))
    return Units(stripped, keys, repeats, first_of)


# Up to this many characters from a known line start, a place's line is found by counting line
# breaks (a C-level loop over every character); further, by bisecting the lines' starts, whose
# cost does not grow with the distance.
_COUNT_SPAN = 512


def _fold_lines(document: Document, lines: list[str], space: str, place: int) -> None:
    """Fold, in place, the stripped ``lines`` that hold ``space`` (one of ``_ODD_SPACES``), the
    first of its places in the text being ``place``.

    The text is searched from line to line (``str.find``, C-level), so only the few lines that
    hold the space are looked at, not every line. A place's line is counted on from the previous
    place's, or bisected among the lines after it when the place is far (C-level either way).
    """
    text = document.text
    starts = document.line_starts
    last = len(document.line_texts) - 1
    index = text.count("\n", 0, place) if place < _COUNT_SPAN else document.line_index_among(place)
    while True:
        line = lines[index]
        if space in line:  # not when it was only in the white space the strip took away
            lines[index] = fold_spaces(line, space)
        if index == last:
            return
        start = starts[index + 1]
        place = text.find(space, start)
        if place < 0:
            return
        if place - start < _COUNT_SPAN:
            index += 1 + text.count("\n", start, place)
        else:
            index = document.line_index_among(place, index + 1)


def _quote(text: str, width: int = 50) -> str:
    return f"“{text}”" if len(text) <= width else f"“{text[: width - 1].rstrip()}…”"


# -- DUP001: copied sections -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """``units[copy : copy + size]`` repeat ``units[source : source + size]``."""

    source: int
    copy: int
    size: int


def duplicated_blocks(items: Units, min_units: int, min_chars: int, min_single: int) -> list[Block]:
    """Later copies of earlier runs of units, longest first at each place, never overlapping.

    A run qualifies when it has ``min_units`` units and ``min_chars`` characters, or is one unit of
    ``min_single`` characters. The source of a copy ends before the copy starts. A copy is made of
    repeated units, so only ``items.repeats`` are tried as the start of one.
    """
    keys, first_of, repeats = items.keys, items.first_of, items.repeats
    if not repeats:
        return []
    count = len(keys)
    # A copy is made of repeated units, so it lies inside a run of consecutive repeats: a repeat
    # can start a block only if it is long enough alone, or if the run from it holds enough units
    # and characters. The others (short recurring lines such as "Share", menus) are never tried,
    # and their texts need no list of places.
    starts: list[int] = []
    run_units = run_chars = 0
    after = -1
    for position in reversed(repeats):
        size = len(keys[position])
        if position + 1 == after:
            run_units += 1
            run_chars += size
        else:
            run_units, run_chars = 1, size
        after = position
        if size >= min_single or (run_units >= min_units and run_chars >= min_chars):
            starts.append(position)
    if not starts:
        return []
    starts.reverse()
    wanted = set(map(keys.__getitem__, starts))
    places: dict[str, list[int]] = {}  # every position of each repeated text, in order
    for position in compress(repeats, map(wanted.__contains__, map(keys.__getitem__, repeats))):
        places.setdefault(keys[position], [first_of[keys[position]]]).append(position)
    blocks: list[Block] = []
    free = 0  # positions before this one are inside a copy already found
    for position in starts:
        if position < free:
            continue
        best = 0
        best_source = -1
        for source in places[keys[position]][:MAX_CANDIDATES]:
            if source >= position:
                break
            size = 0
            while position + size < count and source + size < position and keys[source + size] == keys[position + size]:
                size += 1
            if size > best:
                best, best_source = size, source
        chars = sum(map(len, keys[position : position + best]))
        if (best >= min_units and chars >= min_chars) or (best == 1 and chars >= min_single):
            blocks.append(Block(best_source, position, best))
            free = position + best
    return blocks


def section_blocks(doc: Document, min_units: int, min_chars: int, min_single: int) -> list[Block]:
    """DUP001's blocks, computed once per document and options (DUP002 asks for the defaults)."""
    return doc.view(
        ("dup.blocks", min_units, min_chars, min_single),
        lambda d: duplicated_blocks(units(d), min_units, min_chars, min_single),
    )


def _section_copies(doc: Document) -> frozenset[int]:
    """Unit positions inside the copies DUP001 reports with its default options."""

    def compute(document: Document) -> frozenset[int]:
        defaults = DuplicatedSection.default_options
        blocks = section_blocks(
            document, defaults["min-paragraphs"], defaults["min-characters"], defaults["min-single-paragraph"]
        )
        return frozenset(position for block in blocks for position in range(block.copy, block.copy + block.size))

    return doc.view("dup.section-copies", compute)


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
    options_schema = object_schema(
        {
            "min-paragraphs": integer_option(
                "Paragraphs a repeated block needs (unless one paragraph is long enough).", minimum=2
            ),
            "min-characters": integer_option("Characters a repeated block of several paragraphs needs.", minimum=1),
            "min-single-paragraph": integer_option(
                "Characters a single repeated paragraph needs to count as a section.", minimum=1
            ),
        }
    )

    # The checks of this family return lists: most documents have no finding, and an empty list
    # costs them less than a generator the engine turns into one.
    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        items = units(doc)
        if not items.repeats:
            return []  # a copy is made of repeated units (most texts have none)
        blocks = section_blocks(
            doc, options["min-paragraphs"], options["min-characters"], options["min-single-paragraph"]
        )
        return [self._copy_finding(doc, items, block) for block in blocks]

    def _copy_finding(self, doc: Document, items: Units, block: Block) -> Finding:
        first, last = items.lines[block.copy], items.lines[block.copy + block.size - 1]
        src_first, src_last = items.lines[block.source], items.lines[block.source + block.size - 1]
        start, end = doc.line_starts[first], doc.line_end(last)
        what = f"{block.size} paragraphs" if block.size > 1 else "a paragraph"
        span = f"lines {first + 1}-{last + 1}" if last > first else f"line {first + 1}"
        source = f"lines {src_first + 1}-{src_last + 1}" if src_last > src_first else f"line {src_first + 1}"
        return self.finding(
            start,
            end,
            f"Duplicated section: {span} repeat {source} ({what})",
            self.line_deletion(doc, first, last, "Delete the repeated copy", Applicability.SAFE),
            copy_of={"start": doc.line_starts[src_first], "end": doc.line_end(src_last)},
        )


# -- DUP003: the title repeated at the top ---------------------------------------------------------


# What separates a page title from the site's name ("Title | Site", "Title – Site").
_SITE_SEPARATORS = frozenset("|–—-")


@dataclass(frozen=True, slots=True)
class TitleRepeat:
    """``units[1]`` repeats the title ``units[0]``; ``prefix`` is what is glued before the first copy,
    ``suffix`` the site name after it ("– TechCrunch")."""

    prefix: str  # "" when the two copies are the same text
    suffix: str = ""


def repeated_title(doc: Document, min_chars: int, max_chars: int, max_prefix_words: int) -> TitleRepeat | None:
    """Whether the first content line comes again as the next one (shared view, keyed by options)."""
    keys = units(doc).keys
    if len(keys) < 2 or keys[1] not in keys[0]:
        return None  # every repeat below is the second line equal to the first, or one end of it
    return doc.view(
        ("dup.title", min_chars, max_chars, max_prefix_words),
        lambda _: _title_relation(keys[0], keys[1], min_chars, max_chars, max_prefix_words),
    )


def _title_relation(
    first: str, second: str, min_chars: int, max_chars: int, max_prefix_words: int
) -> TitleRepeat | None:
    """How the second content line ``second`` repeats the title ``first``, or None: the same text,
    the title's copy after a glued prefix (breadcrumb), or the title followed by the site's name."""
    if not min_chars <= len(second) <= max_chars or len(second.split()) < 2:
        return None
    if first == second:
        # A long enough single paragraph is a section: DUP001 reports that copy.
        if len(second) >= DuplicatedSection.default_options["min-single-paragraph"]:
            return None
        return TitleRepeat("")
    if len(first) <= len(second):
        return None
    if first.startswith(second):
        return _site_suffix(first[len(second) :], max_prefix_words)
    if not first.endswith(second):
        return None
    prefix = first[: len(first) - len(second)]
    words = [word for word in prefix.split() if any(char.isalnum() for char in word)]  # not "›"
    if not words or len(words) > max_prefix_words or len(prefix) > 12 * max_prefix_words:
        return None
    if len(prefix.strip()) > len(second) or prefix.rstrip()[-1] in _SITE_SEPARATORS:
        # "Stocks fall | The New York Times" + "The New York Times": the next line is the
        # site's name after the real title, which must stay.
        return None
    if prefix[-1].isalnum():
        # Glued with no space ("Home ActualitéOpenAI face à…"): only a case change can mark
        # where the breadcrumb ends, otherwise the "title" is the tail of a word.
        if not (prefix[-1].islower() or prefix[-1].isdigit()) or not (second[0].isupper() or second[0].isdigit()):
            return None
    elif second[0].islower() and prefix.rstrip()[-1].isalnum():
        # "Le projet de la" + "médiathèque…": the end of a sentence, not a title after a crumb.
        return None
    return TitleRepeat(prefix.strip())


def _site_suffix(suffix: str, max_words: int) -> TitleRepeat | None:
    """The title's copy followed by the site's name ("Stocks fall – TechCrunch"): a separator
    between spaces, then a few words (a colon or a comma would continue the title instead)."""
    if len(suffix) < 3 or not suffix[0].isspace() or suffix[1:].lstrip()[:1] not in _SITE_SEPARATORS:
        return None
    name = suffix.strip()[1:]
    if not name[:1].isspace() or not name.strip():
        return None
    words = name.split()
    if len(words) > max_words or len(name.strip()) > 12 * max_words:
        return None
    if words[0][0].islower() and "." not in name:
        return None  # "– and bonds too": the title goes on (a site in lower case is a domain)
    return TitleRepeat("", suffix.strip())


def _title_units(doc: Document) -> frozenset[int]:
    """Unit positions DUP003 reports with its default options (the two title copies)."""
    defaults = RepeatedTitle.default_options
    title = repeated_title(
        doc, defaults["min-title-characters"], defaults["max-title-characters"], defaults["max-prefix-words"]
    )
    return frozenset((0, 1)) if title is not None else frozenset()


class RepeatedTitle(Rule):
    """The title repeated as the next line, possibly after a glued breadcrumb.

    ## What it does
    Flags a text whose first line comes again as the next non-empty line: the page's title
    captured twice (the browser title or a breadcrumb trail, then the headline). The first copy
    may carry a short glued prefix, a breadcrumb such as "Home Actualité", as long as the next
    line is exactly the end of the first one, or end with the site's name after a separator
    ("Stocks fall – TechCrunch", then "Stocks fall"). The finding covers both copies.

    ## Why it matters
    A doubled headline is the most common artifact at the top of a scraped article. It adds a
    fake paragraph, makes titles unusable as written (with a breadcrumb glued in front), and
    teaches a language model to repeat its first sentence.

    ## Example
    ```
    Home ActualitéOpenAI face à DeepSeek : un retour à l’open source envisagé

    OpenAI face à DeepSeek : un retour à l’open source envisagé
    ```
    Use instead:
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé
    ```

    ## Fix safety
    Safe: the fix deletes one copy of the title. With a prefix, it deletes the prefixed first
    line, so the only text lost is the breadcrumb, a few words at most (`max-prefix-words`); the
    clean title stays, character for character. Unsafe when the first copy ends with the site's
    name: deleting it keeps the clean title but loses the name, which may be the text's only
    mention of where it comes from.
    """

    code = "DUP003"
    name = "repeated-title"
    fix_applicability = Applicability.SAFE
    default_options = {"min-title-characters": 15, "max-title-characters": 180, "max-prefix-words": 4}
    options_schema = object_schema(
        {
            "min-title-characters": {
                "type": "integer",
                "minimum": 1,
                "description": 'Shorter repeated first lines ("Home", "News") are not reported as titles.',
            },
            "max-title-characters": integer_option(
                "Longer repeated first lines are paragraphs, left to the other DUP rules.", minimum=1
            ),
            "max-prefix-words": integer_option(
                "Most words a prefix glued before the first copy, or a site name after it, may have (the fix deletes it).",
                minimum=1,
                maximum=8,
            ),
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        title = repeated_title(
            doc, options["min-title-characters"], options["max-title-characters"], options["max-prefix-words"]
        )
        if title is None:
            return []
        items = units(doc)
        first, second = doc.line_at(items.lines[0]), doc.line_at(items.lines[1])
        if title.prefix:
            message = f"Title repeated on line {second.number} after a glued prefix {_quote(title.prefix)}"
            fix = self.line_deletion(
                doc, first.index, first.index, "Delete the prefixed copy of the title", Applicability.SAFE
            )
        elif title.suffix:
            message = f"Title repeated on line {second.number}, first with the site name {_quote(title.suffix)}"
            # Unsafe: the site's name may be the only word of the text that says where it is from.
            fix = self.line_deletion(
                doc, first.index, first.index, "Delete the copy with the site name", Applicability.UNSAFE
            )
        else:
            message = f"Title repeated on line {second.number}: {_quote(items.keys[1])}"
            fix = self.line_deletion(doc, second.index, second.index, "Delete the repeated title", Applicability.SAFE)
        return [self.finding(first.start, second.end, message, fix, prefix=title.prefix, suffix=title.suffix)]


# -- DUP002: one repeated paragraph ----------------------------------------------------------------


class DuplicatedParagraph(Rule):
    """A paragraph repeated verbatim elsewhere in the text.

    ## What it does
    Flags a paragraph of 60 or more characters that repeats, after white-space folding, an earlier
    paragraph of the same text, when the repeat is not part of a duplicated section (DUP001) or a
    repeated title (DUP003). The finding covers the later copy and names the line it repeats.

    ## Why it matters
    A lone repeated paragraph is usually a pull quote, a teaser or a caption the extractor took
    from the page twice. It inflates the text and over-weights one sentence for anything trained
    or counted on it.

    ## Example
    ```
    « Nous devons trouver une stratégie différente en matière de sources ouvertes. »
    Altman admet que DeepSeek a réduit l’avance d’OpenAI…
    « Nous devons trouver une stratégie différente en matière de sources ouvertes. »
    ```
    Use instead:
    ```
    « Nous devons trouver une stratégie différente en matière de sources ouvertes. »
    Altman admet que DeepSeek a réduit l’avance d’OpenAI…
    ```

    ## Fix safety
    Unsafe: the fix deletes the later copy. The text itself survives in the first copy, but a
    writer may repeat a paragraph on purpose (a refrain, a pull quote the layout needs), and the
    order of the text changes if the later copy was the one in the right place.
    """

    code = "DUP002"
    name = "duplicated-paragraph"
    fix_applicability = Applicability.UNSAFE
    default_options = {"min-characters": 60}
    options_schema = object_schema(
        {"min-characters": integer_option("Characters a paragraph needs before its repeat is reported.", minimum=1)}
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        items = units(doc)
        minimum = options["min-characters"]
        claimed: frozenset[int] | None = None
        findings: list[Finding] = []
        for position in items.repeats:
            key = items.keys[position]
            if len(key) < minimum:
                continue
            if claimed is None:
                claimed = _section_copies(doc) | _title_units(doc)
            if position in claimed:
                continue
            line = doc.line_at(items.lines[position])
            source = doc.line_at(items.lines[items.first_of[key]])
            findings.append(
                self.finding(
                    line.start,
                    line.end,
                    f"Paragraph repeats line {source.number}: {_quote(key)}",
                    self.line_deletion(
                        doc, line.index, line.index, "Delete the repeated paragraph", Applicability.UNSAFE
                    ),
                    copy_of={"start": source.start, "end": source.end},
                )
            )
        return findings


# -- DUP004: near-duplicate paragraphs -------------------------------------------------------------

# Near-duplicate candidates share the first or last characters of their text (see near_duplicates);
# each paragraph is compared with the last few paragraphs sharing one, not with all of them.
_ANCHOR = 24
_BUCKET = 4
_HEAD = itemgetter(slice(None, _ANCHOR))
_TAIL = itemgetter(slice(-_ANCHOR, None))
# Outer punctuation stripped from a paragraph before its anchors are taken.
_OUTER = "".join(chr(c) for c in range(0x2000, 0x2070)) + " \"'«»‹›“”‘’„‚()[]{}<>|-–—_.,;:!?¡¿…*#•·/\\"
# A word that is a figure or a numbered label ("1998", "2:", "(3)"); a capitalised word (a name).
_NUMBER = regex.compile(r"[^\p{L}\p{N}]*\p{N}")
_CAPITALISED = regex.compile(r"[^\p{L}\p{N}]*\p{Lu}")


@dataclass(frozen=True, slots=True)
class NearPair:
    source: int  # unit positions, source < copy
    copy: int
    ratio: float


def near_duplicates(doc: Document, min_chars: int, threshold: float, max_comparisons: int) -> list[NearPair]:
    """Later paragraphs similar to an earlier one (each later one once, with its first match).

    Never all pairs, and no work per word on paragraphs that have no candidate: each long
    paragraph is filed under its first and its last ``_ANCHOR`` characters (casefolded, outer
    punctuation stripped), and only paragraphs sharing one are candidates. A copy with a chunk
    glued before or after it, or edited in the middle, keeps one of them. A candidate pair must
    pass the length bound of the ratio, then a word-level comparison, then ``quick_ratio``,
    before difflib's character ``ratio``; at most ``max_comparisons`` pairs are compared.
    """
    items = units(doc)
    keys = items.keys
    long = _long_firsts(items, min_chars)
    if len(long) < 2:
        return []
    if long[0] <= 1:  # only the first two units can be the title DUP003 reports
        excluded = _title_units(doc)
        if excluded:
            long = [position for position in long if position not in excluded]
    count = len(long)
    if count < 2:
        return []
    # Each paragraph's core, outer punctuation stripped (str.strip returns the key itself when
    # there is none), and its head and tail anchors, casefolded one by one: an ASCII anchor takes
    # casefold's fast path, which one accented letter would deny to a joined string.
    cores = list(map(str.strip, map(keys.__getitem__, long), repeat(_OUTER)))
    heads = list(map(str.casefold, map(_HEAD, cores)))
    tails = list(map(str.casefold, map(_TAIL, cores)))
    if len(set(heads)) == count and len(set(tails)) == count:
        return []  # no two paragraphs share an anchor (most texts): no candidate pair
    pairs: set[tuple[int, int]] = set()
    for anchors in (heads, tails):
        first_of: dict[str, int] = {}
        shared = list(map(first_of.setdefault, anchors, range(count)))
        members: dict[str, list[int]] = {}
        for index in compress(range(count), map(ne, shared, range(count))):
            earlier = members.setdefault(anchors[index], [long[shared[index]]])
            pairs.update((long[index], source) for source in earlier[-_BUCKET:])
            earlier.append(long[index])
    if not pairs:
        return []
    bound = threshold / (2 - threshold)  # ratio = 2M/(a+b) <= 2*min/(a+b): the shorter's share
    word_threshold = threshold - 0.1
    found: dict[int, NearPair] = {}
    comparisons = 0
    for copy, source in sorted(pairs):
        if copy in found or comparisons >= max_comparisons:
            continue
        a, b = keys[source], keys[copy]
        if min(len(a), len(b)) < bound * max(len(a), len(b)):
            continue
        comparisons += 1
        words_a, words_b = a.split(), b.split()
        size_a, size_b = len(words_a), len(words_b)
        if 2.0 * min(size_a, size_b) / (size_a + size_b) < word_threshold:
            continue  # the word ratio's length bound (real_quick_ratio) already fails: no matcher
        folded_a, folded_b = a.casefold().split(), b.casefold().split()
        if _shared_words_ratio(folded_a, folded_b) < word_threshold:
            continue  # content words differ: parallel sentences, not one text twice
        words = SequenceMatcher(None, folded_a, folded_b, autojunk=False)
        if words.ratio() < word_threshold:
            continue
        if _parallel(words_a, words_b, words):
            continue
        if a in b or b in a:
            # One text inside the other (a chunk glued before or after it): difflib's longest
            # match is the whole shorter text and nothing is left on either side, so its ratio
            # is exactly this, without the character matcher.
            ratio = 2.0 * min(len(a), len(b)) / (len(a) + len(b))
        else:
            if _quick_ratio(a, b) < threshold:
                continue
            ratio = _StringMatcher(None, a, b, autojunk=False).ratio()
        if ratio >= threshold:
            found[copy] = NearPair(source, copy, ratio)
    return [found[copy] for copy in sorted(found)]


class _StringMatcher(SequenceMatcher):
    """difflib's matcher for two strings and no junk, whose longest-match search runs C-level
    ``str.find`` instead of difflib's Python loop over every place of every character of ``a`` in
    ``b`` (most of a character ratio's cost): the same blocks, so the same ratio."""

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None) -> Match:
        """The longest block of ``a[alo:ahi]`` found in ``b[blo:bhi]``, the earliest in ``a``, then
        the earliest in ``b`` (``(alo, blo, 0)`` when there is none), as difflib's without junk.

        ``a`` is walked once. At each start the block grows while ``b`` holds it: a block longer
        than the best so far starts with a block one longer, so only that one is searched for,
        and the first place of a longer block is never before the first place of its head.
        """
        a, b = self.a, self.b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        find = b.find
        best_i, best_j, size = alo, blo, 0
        i = alo
        while i + size < ahi:  # a longer block must still fit in a[i:ahi]
            j = find(a[i : i + size + 1], blo, bhi)
            while j >= 0:
                best_i, best_j = i, j
                size += 1
                if i + size == ahi:
                    return Match(best_i, best_j, size)
                j = find(a[i : i + size + 1], j, bhi)
            i += 1
        return Match(best_i, best_j, size)


def _long_firsts(items: Units, min_chars: int) -> list[int]:
    """The units of ``min_chars`` characters or more met for the first time, in order.

    Read from ``first_of``, which holds each text once, in the order the texts first come: fewer
    texts than units, and no repeat to drop after. A plain loop: mapping the comparison costs
    more per text.
    """
    return [position for key, position in items.first_of.items() if len(key) >= min_chars]


def _shared_words_ratio(words_a: list[str], words_b: list[str]) -> float:
    """An upper bound of ``SequenceMatcher(None, words_a, words_b).ratio()`` in C-level steps.

    The ratio counts matched words, at most the multiset intersection ``quick_ratio`` counts,
    which is at most the words of either list found in the other's set. Rejecting on this bound
    rejects what ``quick_ratio`` rejects on the corpus, without building a matcher.
    """
    in_b = sum(map(set(words_b).__contains__, words_a))
    in_a = sum(map(set(words_a).__contains__, words_b))
    return 2.0 * min(in_a, in_b) / (len(words_a) + len(words_b))


def _quick_ratio(a: str, b: str) -> float:
    """``SequenceMatcher(None, a, b).quick_ratio()``, counted by C-level ``Counter``s instead of
    difflib's loops over every character (and without building the matcher's index of ``b``)."""
    return 2.0 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def _parallel(words_a: list[str], words_b: list[str], matcher: SequenceMatcher) -> bool:
    """Whether two similar paragraphs are parallel text rather than one text twice.

    Tables, lists and legal texts repeat a template with another figure, label or name in a slot
    ("Aid for 1998: 2 533 million", "Aid for 1999: 2 324 million"; "Suggestions by Ann Lee…",
    "Suggestions by Tom Ray…"), while one text twice differs by a glued chunk (a site name after a
    title, a heading before a paragraph, quote marks) or a few small edits. So the pair is
    parallel when a differing word is a number (or starts with one), or when capitalised words are
    put for other capitalised words (a name slot: "Wild Birds Directive", "Habitats Directive").
    ``matcher`` compares the two casefolded word lists, whose words are the paragraphs' words.
    """
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if any(_NUMBER.match(word) for word in words_a[i1:i2] + words_b[j1:j2]):
            return True
        if tag == "replace":
            old, new = " ".join(words_a[i1:i2]), " ".join(words_b[j1:j2])
            if old in new or new in old:
                continue  # a chunk glued to a word ("Budget votéAprès"), not a word swapped
            names_a = {word.casefold() for word in words_a[i1:i2] if _CAPITALISED.match(word)}
            names_b = {word.casefold() for word in words_b[j1:j2] if _CAPITALISED.match(word)}
            if names_a and names_b and names_a != names_b:
                return True
    return False


class NearDuplicateParagraph(Rule):
    """Two long paragraphs that are almost, but not exactly, the same.

    ## What it does
    Flags a paragraph of 100 or more characters whose text is at least 90% similar (difflib's
    ratio on white-space folded text) to an earlier paragraph without being identical to it. The
    finding covers the later paragraph and names the earlier one. Exact repeats are left to
    DUP001 and DUP002, the title at the top to DUP003.

    Parallel text is not a near-duplicate: rows of a table or list that differ by a figure or a
    numbered label ("Aid for 1998: …", "Aid for 1999: …"), or sentences that put one name for
    another ("the Birds Directive…", "the Habitats Directive…"), are left alone.

    ## Why it matters
    Near-duplicates are what exact deduplication misses: a headline repeated with the site's
    name glued to it, a teaser next to the lede it was cut from, a paragraph with a heading
    glued in front. They repeat content while looking like new text.

    ## Example
    ```
    Le conseil municipal a adopté mardi soir le budget de la nouvelle médiathèque, après trois heures de débat.
    (…)
    Le conseil municipal a adopté mardi le budget de la nouvelle médiathèque, après trois heures de débat.
    ```

    ## Fix safety
    No fix: which version is right (the older or the updated one, the teaser or the lede) is a
    reading decision, and the two texts differ, so deleting either loses something.
    """

    code = "DUP004"
    name = "near-duplicate-paragraph"
    fix_applicability = None
    default_options = {"min-characters": 100, "min-similarity": 0.9, "max-comparisons": 200}
    options_schema = object_schema(
        {
            "min-characters": integer_option("Characters both paragraphs need before they are compared.", minimum=20),
            "min-similarity": {
                "type": "number",
                "exclusiveMinimum": 0.5,
                "maximum": 1,
                "description": "Similarity (0-1, difflib ratio) from which two paragraphs are near-duplicates.",
            },
            "max-comparisons": integer_option(
                "Most exact similarity computations per document (bounds the time on huge texts).", minimum=1
            ),
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        pairs = near_duplicates(doc, options["min-characters"], options["min-similarity"], options["max-comparisons"])
        if not pairs:
            return []
        items = units(doc)
        return [self._similar_finding(doc, items, pair) for pair in pairs]

    def _similar_finding(self, doc: Document, items: Units, pair: NearPair) -> Finding:
        line = doc.line_at(items.lines[pair.copy])
        source = doc.line_at(items.lines[pair.source])
        percent = int(pair.ratio * 100)
        return self.finding(
            line.start,
            line.end,
            f"Paragraph is {percent}% similar to line {source.number}: {_quote(items.keys[pair.copy])}",
            similar_to={"start": source.start, "end": source.end},
            similarity=round(pair.ratio, 3),
        )


# -- DUP005: lines of the site's template, found in many documents of the run ---------------------


class TemplateLine(CorpusRule):
    """A line that many documents of the run share: the page template, not the article.

    ## What it does
    Counts, over every document of the run (the files or JSONL records of one `newslint check`),
    in how many documents each line occurs, and flags the lines of a document found in at least
    `min-documents` documents, consecutive ones as one finding. Lines are compared after white
    space folding, case kept; lines longer than `max-line-length` are never flagged, so a
    syndicated paragraph that several articles quote stays. Off by default: it only means
    something on a crawl of many pages, and the pages a pre-commit hook is given change from
    one commit to the next.

    ## Why it matters
    Menus, footers, language selectors and "Back to the search results" links repeat on every
    page of a site in words no phrase list can know in advance. In a crawl they are the most
    frequent lines of all, and a model trained on them learns the template instead of the news.
    This is the line-frequency filter of C4 and datatrove, kept at line level, with the span and
    a fix instead of a silent drop.

    ## Example
    In a run where twenty pages of one site carry the same footer:
    ```
    La Commission adopte un plan pour l’eau potable.
    Latest press releases from all EU institutions
    Back to the search results
    ```
    Use instead:
    ```
    La Commission adopte un plan pour l’eau potable.
    ```

    ## Fix safety
    Unsafe: the fix deletes the lines, and a run holding copies of one text (mirrors, reposts)
    makes every line of it look like template: deduplicate documents before using this rule.
    """

    code = "DUP005"
    name = "template-line"
    default_enabled = False
    fix_applicability = Applicability.UNSAFE
    default_options = {"min-documents": 5, "max-line-length": 120}
    options_schema = object_schema(
        {
            "min-documents": integer_option(
                "Fewest documents of the run a line must occur in to be part of the template.", minimum=2
            ),
            "max-line-length": integer_option(
                "Longer lines (characters) are never template lines: a shared paragraph is quoted text.", minimum=1
            ),
        }
    )

    def collect(self, doc: Document, options: Mapping[str, Any]) -> frozenset[str]:
        """The document's distinct short lines (white space folded): each counts once per document."""
        limit = options["max-line-length"]
        keys = units(doc).keys
        return frozenset(compress(keys, map(limit.__ge__, map(len, keys))))

    def combine(self, summaries: Iterable[frozenset[str]], options: Mapping[str, Any]) -> dict[str, int]:
        """Each line found in ``min-documents`` documents or more, with its number of documents."""
        counts: Counter[str] = Counter()
        for lines in summaries:
            counts.update(lines)
        least = options["min-documents"]
        return {line: count for line, count in counts.items() if count >= least}

    def check(self, doc: Document, options: Mapping[str, Any], corpus: Any = None) -> Iterator[Finding]:
        if not corpus:
            return
        items = units(doc)
        positions = list(compress(range(len(items)), map(corpus.__contains__, items.keys)))
        if not positions:
            return
        key_of_line = {items.lines[position]: items.keys[position] for position in positions}
        for first, last in doc.line_runs(key_of_line):
            members = [index for index in range(first, last + 1) if index in key_of_line]
            shared = min(corpus[key_of_line[index]] for index in members)
            shown = _quote(key_of_line[first]) + (f" and {len(members) - 1} more" if len(members) > 1 else "")
            yield self.finding(
                doc.line_starts[first],
                doc.line_end(last),
                f"Template line{'s' if len(members) > 1 else ''} {shown}, found in {shared} documents of this run",
                self.line_deletion(doc, first, last, "Delete the template lines", Applicability.UNSAFE),
                documents=shared,
            )


RULES: list[type[Rule]] = [DuplicatedSection, DuplicatedParagraph, RepeatedTitle, NearDuplicateParagraph, TemplateLine]
