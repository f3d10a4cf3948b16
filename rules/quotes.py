"""QT: quotation marks and apostrophes (unbalanced or mixed quotes, lost or mixed apostrophes,
markdown left in plain text, French quote spacing).

The quote rules share one analysis of the document (:func:`quote_analysis`, a ``doc.view``): every
quotation mark of the text is found in one scan, paired paragraph by paragraph, and the pairs that
stay open are reconciled across paragraphs (a quote that goes on over several paragraphs). QT001
reports what stays unpaired, QT002 compares the styles of the outermost pairs. The apostrophe rules
share :func:`apostrophes` (the apostrophes written between two letters) for the same reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule
from newslint.document import line_bounds
from newslint.rule import object_schema

from ._data import family_tables

FAMILY = "qt"

GUILLEMETS = "guillemets"
CURLY = "curly"
STRAIGHT = "straight"

_OPENING = {"«": GUILLEMETS, "“": CURLY, "„": CURLY}
_CLOSING = {"»": GUILLEMETS, "”": CURLY}
_STYLE_CHARS = {GUILLEMETS: ("«", "»"), CURLY: ("“", "”"), STRAIGHT: ('"', '"')}
_STYLE_NAMES = {GUILLEMETS: "« »", CURLY: "“ ”", STRAIGHT: '" "'}

# Characters after which a straight quote opens, and before which one closes.
_OPEN_CONTEXT = frozenset("([{<«“„‘'—–-/:=")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>…»”’'—–-/")
_SPACES = frozenset(" \t\u00a0\u202f\u2009\u2007")
_DASHES = frozenset("-–—•")
# A multi-paragraph quote may stay open this many lines (blank ones included) before it must close.
MAX_QUOTE_LINES = 50
# Languages that quote with guillemets (elsewhere a lone « or » on a line is an arrow).
_GUILLEMET_LANGUAGES = frozenset({"fr", "it", "es", "pt"})
# Lines at most this long where "»" stands between spaces are navigation ("Accueil » Monde").
SEPARATOR_LINE_LENGTH = 80


def _describe(text: str, start: int, end: int, width: int = 40) -> str:
    snippet = " ".join(text[start:end].split())
    return snippet if len(snippet) <= width else snippet[: width - 1].rstrip() + "…"


# -- the shared quote analysis --------------------------------------------------------------------


@dataclass(slots=True)
class QuotePair:
    open: int
    close: int  # offset of the closing mark
    style: str
    depth: int = 0  # how many pairs enclose this one (0: a primary quote)


@dataclass(slots=True)
class Lone:
    """A quotation mark left without its partner."""

    offset: int
    char: str
    style: str
    opening: bool
    mismatch: int | None = None  # the closing mark of another style that ends this quote instead
    reversed: bool = False  # a “ used as a closing mark, or a ” as an opening one


@dataclass(slots=True)
class QuoteAnalysis:
    pairs: list[QuotePair] = field(default_factory=list)
    lone: list[Lone] = field(default_factory=list)


@dataclass(slots=True)
class _Paragraph:
    index: int
    start: int
    end: int
    pairs: list[QuotePair]
    unclosed: list[Lone]  # opening marks still open at the end, in text order
    strays: list[Lone]  # closing marks without an opening one, in text order
    styles: set[str]  # styles of every mark seen in the paragraph
    flagged: list[Lone]  # marks written the wrong way round


def _straight_role(text: str, offset: int) -> str:
    before = text[offset - 1] if offset > 0 else "\n"
    after = text[offset + 1] if offset + 1 < len(text) else "\n"
    if after == "\n" and before.isspace():
        return "either"  # an extractor put the quoted words on the next line: "⏎Out There⏎"
    if before == "\n" and (after.isspace() or after in _CLOSE_CONTEXT):
        return "close"
    if before.isspace() and after in ".,;:!?)]" and (offset + 2 >= len(text) or not text[offset + 2].isalnum()):
        return "close"  # pollution ". : a closing quote with a space before it
    left = not after.isspace() and (before.isspace() or before in _OPEN_CONTEXT)
    right = not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT)
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _is_separator(doc: Document, offset: int, char: str = "»") -> bool:
    """A "»" or "«" used as an arrow ("Accueil » Monde", "Lire la suite »", "« Retour"), not a
    quotation mark: spaces around it (no no-break space), a short line, no partner on the line."""
    text = doc.text
    before = text[offset - 1] if offset > 0 else "\n"
    after = text[offset + 1] if offset + 1 < len(text) else "\n"
    if not (before in " \t\n" and (after.isspace() or after in "»«<>")) or after in "\u00a0\u202f":
        return False
    line_start, line_end = line_bounds(text, offset)
    line = text[line_start:line_end]
    if char == "«" and after == "\n":
        separator = False  # «⏎Un choc⏎» : an extractor put the quote on its own lines
    elif ("«" if char == "»" else "»") in line:
        separator = False
    else:
        separator = len(line) <= SEPARATOR_LINE_LENGTH or line.count(char) > 1 or after == "\n"
    # "«" alone on a line of an English page: a "back" arrow (the language is only guessed when
    # it decides).
    return separator or (line.strip() == char and doc.language not in _GUILLEMET_LANGUAGES)


def _pair_paragraph(
    doc: Document, index: int, start: int, end: int, marks: list[tuple[int, str]], guillemets: bool
) -> _Paragraph:
    """Pair the quotation marks of one paragraph with a stack (quotes nest: “ ” inside « »).

    ``guillemets`` is False for German, which writes »so« and whose » « are not French guillemets.
    """
    text = doc.text
    length = len(text)
    pairs: list[QuotePair] = []
    unclosed: list[Lone] = []
    strays: list[Lone] = []
    flagged: list[Lone] = []  # marks written the wrong way round, reported even when paired
    styles: set[str] = set()
    stack: list[tuple[int, str, str]] = []  # (offset, char, style)

    def close(position: int, offset: int, style: str) -> None:
        for left in stack[position + 1 :]:
            unclosed.append(Lone(left[0], left[1], left[2], True))
        opened = stack[position]
        del stack[position:]
        pairs.append(QuotePair(opened[0], offset, style))

    def find(style: str) -> int:
        for position in range(len(stack) - 1, -1, -1):
            if stack[position][2] == style:
                return position
        return -1

    for offset, char in marks:
        if not guillemets and (char == "«" or char == "»"):
            continue
        if char == '"':
            styles.add(STRAIGHT)
            role = _straight_role(text, offset)
            position = find(STRAIGHT) if stack else -1
            if position < 0 and role != "open" and offset > 0 and text[offset - 1].isdigit():
                continue  # 22" long, 70"+ TV: an inch sign
            if role == "open" or (role == "either" and (position < 0 or position < len(stack) - 1)):
                stack.append((offset, char, STRAIGHT))
            elif position >= 0:
                close(position, offset, STRAIGHT)
            elif stack and stack[-1][2] != STRAIGHT:
                opened = stack.pop()  # “quote" : opened in one style, closed in another
                unclosed.append(Lone(opened[0], opened[1], opened[2], True, mismatch=offset))
            else:
                strays.append(Lone(offset, char, STRAIGHT, False))
            continue
        if char == "“" and stack and stack[-1][1] == "„":
            opened = stack.pop()
            pairs.append(QuotePair(opened[0], offset, CURLY))
            continue
        style = _OPENING.get(char)
        if style is not None:
            styles.add(style)
            if char == "“" and stack:
                position = find(style)
                after = text[offset + 1] if offset + 1 < length else "\n"
                if position >= 0 and (after.isspace() or after in ",.;:!?)]"):
                    # “ I Cavalieri dello Zodiaco “, : a “ that closes the quote.
                    flagged.append(Lone(offset, char, style, False, reversed=True))
                    close(position, offset, style)
                    continue
            stack.append((offset, char, style))
            continue
        style = _CLOSING[char]
        styles.add(style)
        position = find(style) if stack else -1
        if position >= 0:
            close(position, offset, style)
            continue
        before = text[offset - 1] if offset > 0 else "\n"
        if char == "”" and before.isdigit():
            continue  # 27” is a size in inches
        if char == "”" and before == "=":
            stack.append((offset, "=", style))  # [button link=”…”]: markup attributes, not quotes
            continue
        if char == "»" and _is_separator(doc, offset):
            continue
        after = text[offset + 1] if offset + 1 < length else "\n"
        if char == "”" and (before.isspace() or before in "([") and after.isalnum():
            # said: ”Bird flu… : a ” that opens the quote.
            flagged.append(Lone(offset, char, style, True, reversed=True))
            stack.append((offset, char, style))
            continue
        if stack and stack[-1][2] == STRAIGHT:
            opened = stack.pop()  # "quote” : opened in one style, closed in another
            unclosed.append(Lone(opened[0], opened[1], opened[2], True, mismatch=offset))
            continue
        strays.append(Lone(offset, char, style, False))
    for opened in stack:
        if opened[1] == "=":
            continue
        if opened[1] == "«" and "»" not in text[start:end] and _is_separator(doc, opened[0], "«"):
            continue  # "« Retour", "« Previous": an arrow, not a quotation mark
        unclosed.append(Lone(opened[0], opened[1], opened[2], True))
    if len(unclosed) > 1:
        unclosed.sort(key=lambda lone: lone.offset)
    # An opening mark "closed" by a mark of another style after it: one mistake, reported once.
    if unclosed and strays:
        for lone in unclosed:
            if lone.mismatch is not None:
                continue
            for stray in strays:
                if stray.offset > lone.offset and stray.style != lone.style and stray.mismatch is None:
                    lone.mismatch = stray.offset
                    stray.mismatch = lone.offset
                    break
        strays = [stray for stray in strays if stray.mismatch is None]
    return _Paragraph(index, start, end, pairs, unclosed, strays, styles, flagged)


def _first_mark(text: str, paragraph: _Paragraph) -> str:
    """The quotation mark that opens the paragraph (after white space and a dialogue dash), if any."""
    position = paragraph.start
    while position < paragraph.end and (text[position] in _SPACES or text[position] in _DASHES):
        position += 1
    return text[position] if position < paragraph.end and text[position] in '«»“„"' else ""


def _mark_style(char: str) -> str | None:
    if char == '"':
        return STRAIGHT
    return _OPENING.get(char) or _CLOSING.get(char)


def _set_depths(pairs: list[QuotePair]) -> None:
    pairs.sort(key=lambda pair: pair.open)
    stack: list[int] = []
    for pair in pairs:
        while stack and stack[-1] < pair.open:
            stack.pop()
        pair.depth = len(stack)
        stack.append(pair.close)


_MARK_CHARS = '«»“”„"'


def _find_marks(text: str) -> list[tuple[int, str]]:
    """Every quotation mark of the text, in text order (one C-level find loop per kind present)."""
    marks: list[tuple[int, str]] = []
    append = marks.append
    find = text.find
    kinds = 0
    for char in _MARK_CHARS:
        # ``in`` first: a kind the text lacks (most) then costs no argument-parsing find call.
        if char not in text:
            continue
        kinds += 1
        offset = find(char)
        while offset != -1:
            append((offset, char))
            offset = find(char, offset + 1)
    if kinds > 1:
        marks.sort()
    return marks


def _has_guillemets(text: str) -> bool:
    return "«" in text or "»" in text


_SIMPLE_CLOSERS = {"“": ("”", CURLY), "«": ("»", GUILLEMETS), '"': ('"', STRAIGHT)}


def _simple_document(
    text: str, marks: list[tuple[int, str]], guillemets: bool, one_line: bool = False
) -> list[QuotePair] | None:
    """The pairs of marks that are all side by side, never nested, each pair opened and closed on
    one line (“…” or «…» or "…" with a straight quote that clearly opens and one that clearly
    closes): what the general pairing makes of them (no lone mark, every pair a primary quote),
    or None when they are not that simple. Most texts and most lines are, and this is far cheaper
    than pairing. ``one_line``: the marks are known to stand on one line."""
    if len(marks) % 2:
        return None
    pairs = []
    append = pairs.append
    find = text.find
    for position in range(0, len(marks), 2):
        opened, char = marks[position]
        closed, closer = marks[position + 1]
        simple = _SIMPLE_CLOSERS.get(char)
        if simple is None or closer != simple[0] or (not one_line and find("\n", opened, closed) != -1):
            return None
        style = simple[1]
        if style is STRAIGHT:
            if _straight_role(text, opened) != "open" or _straight_role(text, closed) == "open":
                return None
        elif style is GUILLEMETS and not guillemets:
            continue  # German » « are skipped, and nothing else pairs differently without them
        append(QuotePair(opened, closed, style))
    return pairs


# The analysis of every text without a quotation mark (most short ones): shared, never changed.
_NO_QUOTES = QuoteAnalysis()


def _analyse(doc: Document, guillemets: bool) -> QuoteAnalysis:
    text = doc.text
    marks = _find_marks(text)
    if not marks:
        return _NO_QUOTES
    simple = _simple_document(text, marks, guillemets)
    if simple is not None:
        return QuoteAnalysis(simple, [])
    analysis = QuoteAnalysis()
    # The unit is the line, not the blank-line paragraph: extractors often write one paragraph a
    # line, and a quote that really goes on over a line break is reconciled below. Only the lines
    # holding marks are looked at, found by bisection.
    paragraphs: list[_Paragraph] = []
    texts, starts = doc.line_texts, doc.line_starts
    count = len(marks)
    cursor = 0
    index = 0
    while cursor < count:
        index = doc.line_index_among(marks[cursor][0], index)
        start = starts[index]
        end = start + len(texts[index])
        end_break = doc.line_end_break(index)
        first = cursor
        while cursor < count and marks[cursor][0] < end_break:
            cursor += 1
        segment = marks[first:cursor]
        pairs = _simple_document(text, segment, guillemets, one_line=True)
        if pairs is not None:
            paragraph = _Paragraph(index, start, end, pairs, [], [], {pair.style for pair in pairs}, [])
        else:
            paragraph = _pair_paragraph(doc, index, start, end, segment, guillemets)
        paragraphs.append(paragraph)
    _reconcile(text, paragraphs, analysis)
    return analysis


def _reconcile(text: str, paragraphs: list[_Paragraph], analysis: QuoteAnalysis) -> None:
    """The pairs and lone marks of the whole text from those of its paragraphs."""
    # Reconcile across paragraphs: a quote left open may go on in the next paragraphs, which
    # either reopen it (French and English convention: « or “ again at the start of each paragraph,
    # or » in older French typography) or simply close it later.
    pending: dict[str, tuple[_Paragraph, Lone]] = {}  # style -> (paragraph, the open mark)
    lone_marks = analysis.lone
    for paragraph in paragraphs:
        if pending:
            for style, (where, lone) in list(pending.items()):
                if paragraph.index - where.index > MAX_QUOTE_LINES:
                    lone_marks.append(lone)
                    del pending[style]
        if pending:
            opening_mark = _first_mark(text, paragraph)
            opening_style = _mark_style(opening_mark) if opening_mark else None
            if opening_style is not None and opening_style in pending:
                where, _ = pending[opening_style]
                # Only blank lines between the two paragraphs' lines: only white space between them.
                if opening_mark in '»"' or not text[where.end : paragraph.start].strip():
                    del pending[opening_style]
                    if opening_mark in '»"' and paragraph.strays and paragraph.strays[0].char == opening_mark:
                        # "» suite de la citation" or a straight quote closing it: consumed here.
                        paragraph.strays.pop(0)
            strays = []
            for stray in paragraph.strays:
                if stray.style in pending:
                    del pending[stray.style]
                else:
                    strays.append(stray)
            for style in paragraph.styles:
                if style in pending:  # the paragraph quotes anew: the earlier quote was never closed
                    lone_marks.append(pending.pop(style)[1])
            lone_marks.extend(strays)
        else:
            lone_marks.extend(paragraph.strays)
        lone_marks.extend(paragraph.flagged)
        for lone in paragraph.unclosed:
            if lone.mismatch is not None:
                lone_marks.append(lone)
                continue
            previous = pending.get(lone.style)
            if previous is not None:
                lone_marks.append(previous[1])
            pending[lone.style] = (paragraph, lone)
        analysis.pairs.extend(paragraph.pairs)
    lone_marks.extend(lone for _, lone in pending.values())
    lone_marks.sort(key=lambda lone: lone.offset)

    # Depths over the whole text, so a pair inside a multi-paragraph quote stays nested.
    _set_depths(analysis.pairs)


def _analysis_with_guillemets(doc: Document) -> QuoteAnalysis:
    return _analyse(doc, True)


def _analysis_without_guillemets(doc: Document) -> QuoteAnalysis:
    return _analyse(doc, False)


def _analysis_for(doc: Document, guillemets: bool) -> QuoteAnalysis:
    if guillemets or not _has_guillemets(doc.text):
        # Without « or » in the text, both variants are the same analysis.
        return doc.view("qt.quotes", _analysis_with_guillemets)
    return doc.view("qt.quotes.no-guillemets", _analysis_without_guillemets)


def _lone_marks(doc: Document) -> list[Lone]:
    """The lone marks of :func:`quote_analysis`, guessing the language only when it matters: when
    the text holds « or » and the German reading (» « skipped) leaves other lone marks."""
    if not _has_guillemets(doc.text):
        return _analysis_for(doc, True).lone
    language = doc.known_language
    if language is None:
        lone = _analysis_for(doc, True).lone
        if lone == _analysis_for(doc, False).lone:
            return lone
        language = doc.language
    return _analysis_for(doc, language != "de").lone


def quote_analysis(doc: Document) -> QuoteAnalysis:
    """The quote analysis for the document's language (German » « are not guillemets).

    The language guess is only asked for when the text holds « or » (otherwise it cannot matter).
    """
    if not _has_guillemets(doc.text):
        return _analysis_for(doc, True)
    return _analysis_for(doc, doc.language != "de")


# -- QT001 ----------------------------------------------------------------------------------------


class UnbalancedQuotes(Rule):
    """A quotation mark without its partner in the paragraph.

    ## What it does
    Pairs the quotation marks of each paragraph (« », “ ”, „ “ and straight `"`) and flags a mark
    left alone: an opening « or “ never closed, a closing » or ” never opened, an odd straight
    quote, a quote opened with one style and closed with another. The finding points at the lone
    mark. A quote that goes on over several paragraphs is fine, whether each new paragraph reopens
    it (« at the start of every paragraph, closed only at the end, as French and English
    typography do) or it simply closes in a later paragraph. Inch marks (27", 5'10") and "»" used
    as a navigation arrow ("Accueil » Monde") are not quotes.

    ## Why it matters
    A lone quotation mark usually shows that the extractor cut the text inside a quotation (a
    truncated paragraph, a dropped block) or that two fragments were glued together. Downstream,
    a reader or a model cannot tell where the quoted words end.

    ## Example
    ```
    Il a déclaré : « Nous devons trouver une stratégie différente.

    La suite de l’article…
    ```

    ## Fix safety
    No fix: where the missing mark belongs cannot be known from the text.
    """

    code = "QT001"
    name = "unbalanced-quotes"
    fix_applicability = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        # A plain function, not a generator: most texts have no lone mark, and then nothing is
        # created for them (the same in every rule of the family).
        lone = _lone_marks(doc)
        return self._findings(doc.text, lone) if lone else []

    def _findings(self, text: str, lone_marks: list[Lone]) -> Iterator[Finding]:
        for lone in lone_marks:
            context = (
                _describe(text, lone.offset, min(len(text), lone.offset + 40))
                if lone.opening
                else _describe(text, max(0, lone.offset - 39), lone.offset + 1)
            )
            if lone.reversed:
                role = "closing" if not lone.opening else "opening"
                message = f"{lone.char} used as the {role} quotation mark: {context!r}"
            elif lone.mismatch is not None and lone.opening:
                closer = text[lone.mismatch]
                message = f"Quote opened with {lone.char} is closed with {closer}: {context!r}"
            elif lone.opening:
                partner = "»" if lone.char == "«" else "”" if lone.char in "“„" else '"'
                message = f"Opening {lone.char} without a closing {partner} in the paragraph: {context!r}"
            else:
                partner = "«" if lone.char == "»" else "“" if lone.char == "”" else '"'
                if lone.char == '"':
                    message = f'Odd straight quote " without a partner in the paragraph: {context!r}'
                else:
                    message = f"Closing {lone.char} without an opening {partner} in the paragraph: {context!r}"
            yield self.finding(lone.offset, lone.offset + 1, message)


# -- QT002 ----------------------------------------------------------------------------------------

# Which styles compete as primary quotes, per language, in order of preference on a tie.
_PRIMARY_STYLES = {"fr": (GUILLEMETS, CURLY), "en": (CURLY, STRAIGHT)}


def _inner_space(text: str, pairs: list[QuotePair]) -> str:
    """The space the document puts inside its guillemets ("" when it writes «so»)."""
    spaces: Counter[str] = Counter()
    for pair in pairs:
        after = text[pair.open + 1 : pair.open + 2]
        spaces[after if after in _SPACES else ""] += 1
    return spaces.most_common(1)[0][0] if spaces else "\u00a0"


class MixedQuoteStyles(Rule):
    """Primary quotations written in two styles in one text.

    ## What it does
    Compares the outermost (primary) quotations of the text: in French « » against “ ” (and
    straight `"`), in English “ ” against straight `"`. When both appear, each quotation in the
    less used style is flagged. Quotes nested inside another quote are not compared: “ ” inside
    « » is correct French.

    ## Why it matters
    A text that switches quote style was usually stitched from several sources (an agency
    dispatch, a tweet embed, a template) or half-converted by a tool. Consistent quotes make the
    text easier to normalise and to deduplicate.

    ## Example
    ```
    Il a parlé du « mauvais côté de l’histoire », puis d’une “priorité”.
    ```
    Use instead:
    ```
    Il a parlé du « mauvais côté de l’histoire », puis d’une « priorité ».
    ```

    ## Fix safety
    Unsafe: the fix rewrites the minority quotes in the dominant style (with the document's usual
    space inside guillemets). A quote style can be deliberate (a title, a quoted quote), so review.
    """

    code = "QT002"
    name = "mixed-quote-styles"
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        known = doc.known_language
        if known is not None and known not in _PRIMARY_STYLES:
            return []
        # French and English read « » as guillemets. Both compare “ ” with another style: without
        # a primary “ ” pair and a primary « » or " " pair, nothing to compare (and no language
        # guess needed).
        analysis = _analysis_for(doc, True)
        primary_styles = {pair.style for pair in analysis.pairs if pair.depth == 0}
        if CURLY not in primary_styles or (GUILLEMETS not in primary_styles and STRAIGHT not in primary_styles):
            return []
        styles = _PRIMARY_STYLES.get(doc.language)
        if styles is None:
            return []
        return self._findings(doc.text, analysis, styles)

    def _findings(self, text: str, analysis: QuoteAnalysis, styles: tuple[str, str]) -> Iterator[Finding]:
        primary: dict[str, list[QuotePair]] = {style: [] for style in styles}
        for pair in analysis.pairs:
            if pair.depth == 0 and pair.style in primary:
                primary[pair.style].append(pair)
        used = [style for style in styles if primary[style]]
        if len(used) < 2:
            return
        dominant = max(used, key=lambda style: (len(primary[style]), -styles.index(style)))
        space = (
            _inner_space(text, [p for p in analysis.pairs if p.style == GUILLEMETS]) if dominant == GUILLEMETS else ""
        )
        opener, closer = _STYLE_CHARS[dominant]
        for style in used:
            if style == dominant:
                continue
            for pair in primary[style]:
                yield self.finding(
                    pair.open,
                    pair.close + 1,
                    f"{_STYLE_NAMES[style]} quote in a text that quotes with {_STYLE_NAMES[dominant]} "
                    f"({len(primary[dominant])} against {len(primary[style])}): "
                    f"{_describe(text, pair.open, pair.close + 1)!r}",
                    Fix.unsafe(
                        f"Rewrite as {_STYLE_NAMES[dominant]}",
                        *_restyle(text, pair, opener, closer, space),
                    ),
                )


def _restyle(text: str, pair: QuotePair, opener: str, closer: str, space: str) -> tuple[Edit, Edit]:
    open_end = pair.open + 1
    while open_end < pair.close and text[open_end] in _SPACES:
        open_end += 1
    close_start = pair.close
    while close_start > open_end and text[close_start - 1] in _SPACES:
        close_start -= 1
    return (
        Edit(pair.open, open_end, opener + space),
        Edit(close_start, pair.close + 1, space + closer),
    )


# -- apostrophes ------------------------------------------------------------------------------------


def _between_letters(text: str, char: str) -> list[int]:
    """Offsets of ``char`` written between two letters (an apostrophe, not a quotation mark)."""
    found = []
    find = text.find
    offset = find(char)
    last = len(text) - 1
    while offset != -1:
        if 0 < offset < last and text[offset - 1].isalpha() and text[offset + 1].isalpha():
            found.append(offset)
        offset = find(char, offset + 1)
    return found


@dataclass(slots=True)
class Apostrophes:
    straight: list[int]
    curly: list[int]

    @property
    def dominant(self) -> str:
        """’ unless the document writes ' more often (a tie keeps ’)."""
        return "'" if len(self.straight) > len(self.curly) else "’"


def _find_apostrophes(doc: Document) -> Apostrophes:
    text = doc.text
    return Apostrophes(_between_letters(text, "'"), _between_letters(text, "’"))


def apostrophes(doc: Document) -> Apostrophes:
    return doc.view("qt.apostrophes", _find_apostrophes)


# -- QT003 ----------------------------------------------------------------------------------------

_VOWEL = "aeiouyhàâäéèêëîïôöûùüÿœæAEIOUYHÀÂÄÉÈÊËÎÏÔÖÛÙÜŸŒÆ"


def _table(lang: str) -> dict[str, Any]:
    return family_tables(FAMILY).get(lang, {}).get("missing-apostrophe", {})


@cache
def _french_pattern() -> re.Pattern[str]:
    words: set[str] = set()
    for word in _table("fr").get("elisions", ()):
        words.update((word, word[:1].upper() + word[1:]))
    alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    # The character before the elision comes first in the pattern (a character class lets the
    # regex engine skip ahead fast); the text's very start is tried separately.
    return re.compile(
        rf"(?:^|[\s(«“\"\[—–•,;:!?])(?P<elision>{alternation})(?P<space>[ \t\u00a0])(?P<next>[{_VOWEL}]\w*)"
    )


@cache
def _french_words(key: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _table("fr").get(key, ()))


# English: find the rare suffix after a space first, then look at the word before it.
_NOT_WORD_AFTER = r"(?![\w'’\-])"
_ENGLISH_SUFFIX = re.compile(rf" (?:[tsmd]|re|ve|ll){_NOT_WORD_AFTER}")
_WORD_BEFORE = re.compile(r"[^\W\d_]+\Z")


@cache
def _english_contractions() -> frozenset[tuple[str, str]]:
    """(first part, suffix) pairs; the first part lower-cased except "I"."""
    pairs = set()
    for entry in _table("en").get("contractions", ()):
        head, suffix = entry.split()
        pairs.add((head if head == "I" else head.lower(), suffix))
    return frozenset(pairs)


def _english_matches(text: str, suffixes: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
    """(start, space offset, end) of each contraction written with a space.

    ``suffixes`` are the (space, end) spans of :data:`_ENGLISH_SUFFIX` in the text when already
    found (by :func:`_candidate_scan`).
    """
    found = []
    contractions = _english_contractions()
    if suffixes is None:
        suffixes = [match.span() for match in _ENGLISH_SUFFIX.finditer(text)]
    for space, match_end in suffixes:
        word = _WORD_BEFORE.search(text, max(0, space - 12), space)
        if word is None:
            continue
        head = word.group()
        if head != "I":
            if not (head.islower() or (head[0].isupper() and head[1:].islower())):
                continue
            head = head.lower()
        if (head, text[space + 1 : match_end]) not in contractions:
            continue
        start = word.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'’.-@/#&"):
            continue
        found.append((start, space, match_end))
    return found


# The elision pattern's character before the elision (the text's start aside).
_ELISION_PREFIX = r"[\s(«“\"\[—–•,;:!?]"
_PREFIX_CHAR = re.compile(_ELISION_PREFIX)
_VOWELS = frozenset(_VOWEL)


def _classes(lone_letters: str = "ldjmnstcu", qu: bool = True, apostrophe: bool = True) -> bytes:
    """A byte-to-class table for :attr:`Document.lowered_bytes`: in the translated text, `` L `` marks every
    place where a French elision ("l", "d"… or a "…qu") may stand before a space, and where an
    English one-letter suffix ("t", "s", "m", "d") stands alone; `` RE `` every lone "re" or "ve".

    ``" "`` is every byte that can end a character which is not a word character or ' or -: ASCII
    punctuation and white space, the lead bytes of non-ASCII characters that may be punctuation
    (the Latin letters of U+00C0-U+024F aside: × and ÷ are left to :func:`_candidate_scan`), and
    the last bytes of the non-ASCII characters the elision pattern accepts before an elision (« “
    — – • and the Unicode spaces, but U+2028 and U+2029, whose last bytes are those of "è" and "é":
    :func:`_candidate_scan` handles them apart). "q" is a space
    too, so that "qu", "jusqu", "lorsqu"… look like a lone letter. The table errs towards
    candidates: each one is checked exactly afterwards.

    A table for one language marks only its own lone letters (``lone_letters``; without ``qu``,
    "q" is a word byte). With ``apostrophe`` False, 0xE2, the lead byte of ’ and of every character
    of U+2000-U+2FFF, is a word byte: "l’" is then no lone letter without ’ being rewritten first.
    That suits the French elisions only: a space follows them, and the characters of that block
    that may stand before one still end in a space byte. An English suffix may be followed by "…"
    or "—", whose lead byte must stay a space.
    """
    table = bytearray(b"w" * 256)
    for byte in range(128):
        if not (chr(byte).isalnum() or chr(byte) in "_'-"):
            table[byte] = ord(" ")
    for byte in range(0xC0, 0x100):
        if not 0xC3 <= byte <= 0xC9:
            table[byte] = ord(" ")
    for char in "\u0085\u00a0\u1680\u202f\u205f\u3000«“—–•" + "".join(map(chr, range(0x2000, 0x200B))):
        table[char.encode("utf-8")[-1]] = ord(" ")
    if qu:
        table[ord("q")] = ord(" ")
    for char in lone_letters:
        table[ord(char)] = ord("L")
    for char in "rv":
        table[ord(char)] = ord("R")
    table[ord("e")] = ord("E")
    if not apostrophe:
        table[0xE2] = ord("w")
    return bytes(table)


_CLASSES = _classes()
# For a text whose language is known: the scan then skips rewriting every ’ (a pass over the text),
# and fewer lone letters make bytes.find skip further.
_ENGLISH_CLASSES = _classes("tsmd", qu=False)
_FRENCH_CLASSES = _classes(apostrophe=False)
# After an English suffix: the bytes that cannot start a character outside [\w'’-] (ASCII word
# characters, ' and -). Any other byte may (a non-ASCII byte is checked on the text).
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_'-")
_ASCII_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyz")


@cache
def _english_heads() -> frozenset[tuple[bytes, bytes]]:
    """The contractions as lower-case (first part, suffix) bytes, for the byte-level filter."""
    return frozenset((head.lower().encode(), suffix.encode()) for head, suffix in _english_contractions())


def _char_at(lowered: bytes, offset: int) -> str:
    """The character whose UTF-8 encoding starts at ``offset`` of ``lowered`` ("" if none)."""
    lead = lowered[offset : offset + 1]
    if not lead:
        return ""
    width = 1 if lead[0] < 0xC0 else 2 if lead[0] < 0xE0 else 3 if lead[0] < 0xF0 else 4
    return lowered[offset : offset + width].decode("utf-8", "replace")[:1]


def _char_before(lowered: bytes, offset: int) -> str:
    """The character whose UTF-8 encoding ends just before ``offset`` of ``lowered``."""
    start = offset - 1
    while start > 0 and offset - start < 4 and 0x80 <= lowered[start] < 0xC0:
        start -= 1
    return lowered[start:offset].decode("utf-8", "replace")[-1:]


def _french_candidate(lowered: bytes, space: int, letter: int) -> bool:
    """Whether the lone letter at ``letter`` (before ``space``) may start a match of the elision
    pattern: a space [ \\t\\u00a0] after it, a vowel after that, and before it a character the
    pattern accepts (any for "qu": "jusqu", "lorsqu"… are rare enough)."""
    after = letter + 1
    if lowered[after] in (0x20, 0x09):
        after += 1
    elif lowered[after : after + 2] == b"\xc2\xa0":
        after += 2
    else:
        return False
    if _char_at(lowered, after) not in _VOWELS:
        return False
    if lowered[letter] == ord("u"):
        return lowered[space] == ord("q")
    return _PREFIX_CHAR.match(_char_before(lowered, letter)) is not None


def _english_candidate(lowered: bytes, space: int, end: int) -> bool:
    """Whether the suffix lowered[space + 1:end] after a real space may end a contraction: not
    followed by an ASCII word character, ' or -, and after a contraction's first part."""
    if lowered[space] != 0x20 or (end < len(lowered) and lowered[end] in _WORD_BYTES):
        return False
    start = space
    while start > 0 and space - start <= 8 and lowered[start - 1] in _ASCII_LETTERS:
        start -= 1
    return (lowered[start:space], lowered[space + 1 : end]) in _english_heads()


# " RE " in the classes and " ll" in the lowered bytes, from their rarer first letter (the `re`
# engine runs a literal prefix at memory speed; bytes.find stalls on needles that start and end
# with a space). The match starts one byte after the space.
_LONE_RE = re.compile(rb"RE (?<= RE )")
_LONE_LL = re.compile(rb"ll(?<= ll)")
# "aujourd" before a space, a tab or a no-break space, from its rare "j".
_AUJOURD_SPACE = re.compile(rb"jourd(?<=aujourd)(?:[ \t]|\xc2\xa0)")


def _candidate_scan(
    text: str, lowered: bytes, language: str | None, french_starts: list[int] | None = None
) -> tuple[int | None, list[tuple[int, int]]]:
    """The offset of the text from which the French elision pattern may match, None when it
    cannot (or ``language`` is "en"), and spans of :data:`_ENGLISH_SUFFIX` in the text, at least
    those after a contraction's first part (unless ``language`` is "fr").

    ``french_starts``, when given, receives offsets of the text (unsorted, repeated) that include
    every offset where a match of the elision pattern starts, so that only those are tried
    (:func:`_french_matches`); nothing when a line separator makes any offset possible.

    ``lowered`` is :attr:`Document.lowered_bytes` ("\\n" + the text, ASCII lower-cased, as UTF-8). The
    scan runs on it in C (``bytes.translate`` to classes, then ``bytes.find`` for the rare
    shapes): a pattern anchored on the space would be tried at every space of the text. Only the
    few candidates found are checked in Python.
    """
    want_french = language != "en"
    want_english = language != "fr"
    ascii_text = len(lowered) == len(text) + 1
    record = french_starts is not None
    # A match at the text's start has its letter after the line break that opens ``lowered``: the
    # scan below finds it, and when recording the starts the pattern need not be tried there.
    french = want_french and not record and _french_pattern().match(text) is not None
    french_from = 0 if french else None
    english_bytes: list[tuple[int, int]] = []  # (space, end) in ``lowered``
    elision_ends: list[int] = []  # in ``lowered``: the last letters of possible elisions
    if want_french and ("\u2028" in text or "\u2029" in text):
        french = True  # a line or paragraph separator may stand before an elision: the pattern decides
        french_from = 0
        record = False
    if language == "fr":
        classes = lowered.translate(_FRENCH_CLASSES)
    elif language == "en":
        # Without the rewrite below, "l’" may look like a lone letter: a rare candidate in English.
        classes = lowered.translate(_ENGLISH_CLASSES)
    else:
        # ’ would end a lone letter (the "l’" of every French text): written ''' it is three word bytes.
        classes = lowered.replace("’".encode(), b"'''").translate(_CLASSES)
    find = classes.find
    at = find(b" L ")
    while at != -1:
        letter = at + 1
        if want_english and lowered[letter] in b"tsmd" and _english_candidate(lowered, at, letter + 1):
            english_bytes.append((at, letter + 1))
        if want_french and (record or not french) and _french_candidate(lowered, at, letter):
            elision_ends.append(letter)
            if not french:
                french = True
                # A match starts at most the longest elision's length before its last letter.
                french_from = max(0, _text_offset(text, lowered, letter, ascii_text) - _longest_elision())
            if not (want_english or record):
                break
        at = find(b" L ", letter)
    if want_english:
        for suffix in _LONE_RE.finditer(classes):
            at = suffix.start() - 1
            if _english_candidate(lowered, at, at + 3):
                english_bytes.append((at, at + 3))
        for suffix in _LONE_LL.finditer(lowered):
            at = suffix.start() - 1
            if _english_candidate(lowered, at, at + 3):
                english_bytes.append((at, at + 3))
        # A suffix that ends the text has no byte after it for the shapes above.
        end = len(lowered)
        if classes.endswith(b" L") and lowered[-1] in b"tsmd" and _english_candidate(lowered, end - 2, end):
            english_bytes.append((end - 2, end))
        elif classes.endswith(b" RE") and _english_candidate(lowered, end - 3, end):
            english_bytes.append((end - 3, end))
    if want_french and (record or french_from != 0):
        # "aujourd hui" ("aujourd’hui" is the common, right form), which may come before the first
        # lone letter; the match starts at the character before it.
        # ``search`` first: most texts have none, and then no iterator is built.
        first = _AUJOURD_SPACE.search(lowered)
        for aujourd in () if first is None else _AUJOURD_SPACE.finditer(lowered, first.start()):
            start = max(0, _text_offset(text, lowered, aujourd.start() - 2, ascii_text) - 1)
            french_from = start if french_from is None else min(french_from, start)
            if not record:
                break
            elision_ends.append(aujourd.start() + 4)  # its "d"
    if record and french_from is not None:
        # A match starts at most the longest elision's length before its last letter (one at the
        # text's start too: the line break before the text stands before its letter).
        longest = _longest_elision()
        for end in _text_offsets(lowered, sorted(elision_ends), ascii_text):
            french_starts.extend(range(max(0, end - longest), end + 1))
    english: list[tuple[int, int]] = []
    if want_english and ("×" in text or "÷" in text):
        # A suffix followed by × or ÷ (not word characters) has a letter's lead byte after it.
        return french_from, [match.span() for match in _ENGLISH_SUFFIX.finditer(text)]
    if english_bytes:
        english_bytes.sort()
        for space, _ in english_bytes:
            match = _ENGLISH_SUFFIX.match(text, _text_offset(text, lowered, space, ascii_text))
            if match is not None:
                english.append(match.span())
    return french_from, english


def _text_offset(text: str, lowered: bytes, offset: int, ascii_text: bool) -> int:
    """The offset in ``text`` of the character at byte ``offset`` of ``lowered`` ("\\n" + text)."""
    return offset - 1 if ascii_text else len(lowered[1:offset].decode("utf-8", "surrogatepass"))


def _text_offsets(lowered: bytes, offsets: list[int], ascii_text: bool) -> list[int]:
    """:func:`_text_offset` of ascending byte ``offsets``, decoding each byte once."""
    if ascii_text:
        return [offset - 1 for offset in offsets]
    found = []
    byte, char = 1, 0
    for offset in offsets:
        char += len(lowered[byte:offset].decode("utf-8", "surrogatepass"))
        byte = offset
        found.append(char)
    return found


def _french_matches(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches ``finditer`` yields of the elision pattern, tried only at ``starts`` (which hold
    every offset where one starts: the other offsets would be tried in vain, the whole pattern at
    each)."""
    match_at = _french_pattern().match
    end = 0
    for start in sorted(set(starts)):
        if start >= end:
            match = match_at(text, start)
            if match is not None:
                end = match.end()
                yield match


@cache
def _longest_elision() -> int:
    return max(map(len, _table("fr").get("elisions", ())), default=0)


_SENTENCE_START = regex.compile(r"(?:^|\n|[.!?…:;«“\"(\[—–\-•]|[.!?…]['’”»)])\h*\Z", regex.V1)
_DIGIT_BEFORE = regex.compile(r"\p{N}\h?\Z", regex.V1)
_LETTER_BEFORE = regex.compile(r"(?:^|[^\p{L}\p{N}])(\p{L}+)[,;]?\h+\Z", regex.V1)


def _french_elision_ok(text: str, match: regex.Match[str]) -> bool:
    """Whether a French "l avenir" candidate really is an elision that lost its apostrophe."""
    elision, following = match.group("elision"), match.group("next")
    lower = elision.casefold()
    start = match.start("elision")
    before = text[max(0, start - 40) : start]
    next_lower = following.casefold()
    if lower == "c" and next_lower not in _french_words("c-words"):
        return False
    if lower == "t" and next_lower in _french_words("euphonic-t-words"):
        return False  # "a t il", "va t elle": the euphonic t of "a-t-il" lost its hyphens
    for key in ("quelqu", "presqu", "aujourd"):
        if lower == key and next_lower not in _french_words(f"{key}-words"):
            return False
    if len(following) == 1 and next_lower not in ("a", "à", "y"):
        return False  # "L A Confidential", "i j k"
    if elision.isupper() and len(elision) > 1:
        return False  # all-caps headlines, acronyms
    if elision[0].isupper():
        # A capital letter mid-sentence is a name or a label ("vitamine D", "Plan B"); at a sentence
        # start it elides ("L avenir"), except initials before a name ("J Edgar", "M Pokora").
        if not _SENTENCE_START.search(before):
            return False
        if (
            lower not in ("l", "d", "qu", "jusqu", "lorsqu", "puisqu")
            and following[:1].isupper()
            and following[1:2].islower()
        ):
            return False
    if len(elision) == 1:
        if _DIGIT_BEFORE.search(before):
            return False  # units: "5 l", "100 m", "3 s"
        word = _LETTER_BEFORE.search(before)
        if word is not None:
            previous = word.group(1)
            if (
                previous.casefold() in _french_words("letter-articles")
                and lower != "l"
                or (lower == "l" and previous.casefold() in ("le", "un", "du", "lettre"))
            ):
                return False  # "le s final", "un l de trop"
            if len(previous) == 1 and previous.casefold() not in ("à", "a", "y", "ô"):
                return False  # a list of letters: "b, c, d et e"
    return True


class MissingApostrophe(Rule):
    """An elision or contraction written with a space instead of its apostrophe.

    ## What it does
    In French texts, flags an elided word followed by a space instead of an apostrophe: `l`, `d`,
    `j`, `m`, `n`, `s`, `t`, `c`, `qu`, `jusqu`, `lorsqu`, `puisqu`, `quoiqu` before a word
    starting with a vowel or an h ("qu OpenAI", "l open source", "s impatiente", "L avenir"),
    and `quelqu un`, `presqu île`, `aujourd hui`. In English texts, flags contractions such as
    "don t", "it s", "can t", "I m", "we re". Single letters that are words of their own are left
    alone: a letter named in the text ("le s final"), units after a number ("5 l", "100 m"),
    lists of letters ("a, b, c et d"), "c" other than in "c’est"/"c’était", capitals in the middle
    of a sentence ("vitamine D", "Plan B"), initials ("J Edgar").

    ## Why it matters
    Apostrophes get lost when a scraper or an encoding step drops the character (often the
    typographic ’). The words then no longer tokenise: "l open" is neither "l’" nor "open" to a
    search index or a model.

    ## Example
    ```
    Sam Altman admet qu OpenAI fait fausse route sur l open source.
    ```
    Use instead:
    ```
    Sam Altman admet qu’OpenAI fait fausse route sur l’open source.
    ```

    ## Fix safety
    Safe: the fix replaces the space by the apostrophe the document uses most (’ unless it writes
    ' more often); no letter changes.
    """

    code = "QT003"
    name = "missing-apostrophe"
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        language = doc.known_language
        if language is not None and language not in ("fr", "en"):
            return []
        text = doc.text
        # A cheap scan first: most texts hold no candidate, and then neither the full elision
        # pattern nor the language guess is needed. Both languages' findings are worked out before
        # the language is guessed: a text that has none needs no guess.
        starts: list[int] = []
        french_from, suffixes = _candidate_scan(text, doc.lowered_bytes, language, starts)
        french: list[tuple[int, int, int, str, str]] = []  # start, end, space, written, with_mark
        english: list[tuple[int, int, int, str, str]] = []
        if french_from is not None and language != "en":
            # The scan proves that no match starts before french_from, nor anywhere but at starts
            # when it could list them.
            matches = _french_matches(text, starts) if starts else _french_pattern().finditer(text, french_from)
            for match in matches:
                if _french_elision_ok(text, match):
                    elision, following = match.group("elision"), match.group("next")
                    start = match.start("elision")
                    french.append((start, match.start("space") + 1, match.start("space"), elision, following))
        if suffixes and language != "fr":
            for start, space, end in _english_matches(text, suffixes):
                english.append((start, end, space, text[start:space], text[space + 1 : end]))
        if not french and not english:
            return []
        if language is None:
            language = doc.language
        found = french if language == "fr" else english if language == "en" else []
        return self._findings(found, apostrophes(doc).dominant) if found else []

    def _findings(self, found: list[tuple[int, int, int, str, str]], apostrophe: str) -> Iterator[Finding]:
        for start, end, space, left, right in found:
            written, fixed = f"{left} {right}", f"{left}{apostrophe}{right}"
            yield self.finding(
                start,
                end,
                f"Missing apostrophe: {written!r} should be {fixed!r}",
                Fix.safe(f"Write {fixed!r}", Edit(space, space + 1, apostrophe)),
            )


# -- QT004 ----------------------------------------------------------------------------------------


class InconsistentApostrophes(Rule):
    """Both the straight ' and the typographic ’ used as apostrophes in one text.

    ## What it does
    Counts the apostrophes written between two letters ("d’OpenAI", "don't"). When a text uses
    both ' and ’, each apostrophe of the less used kind is flagged (on a tie, the ' are).
    Quotation marks are not touched: only an apostrophe between letters is.

    ## Why it matters
    Mixed apostrophes show a text assembled from several sources (a title from the page's
    metadata, the body from the article) and break exact matching: "d'OpenAI" and "d’OpenAI" are
    different strings to a search index, a deduplicator or a tokenizer.

    ## Example
    ```
    Le vrai motif derrière les modèles d'OpenAI
    La décision d’OpenAI de publier ses modèles…
    ```
    Use instead:
    ```
    Le vrai motif derrière les modèles d’OpenAI
    La décision d’OpenAI de publier ses modèles…
    ```

    ## Fix safety
    Safe: the fix replaces the apostrophe by the document's dominant one; the two are the same
    character to a reader.
    """

    code = "QT004"
    name = "inconsistent-apostrophes"
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        text = doc.text
        if "'" not in text or "’" not in text:
            return []
        found = apostrophes(doc)
        if not found.straight or not found.curly:
            return []
        return self._findings(text, found)

    def _findings(self, text: str, found: Apostrophes) -> Iterator[Finding]:
        dominant = found.dominant
        minority = found.straight if dominant == "’" else found.curly
        wrong = "'" if dominant == "’" else "’"
        counts = f"{len(found.curly)} ’ against {len(found.straight)} '"
        for offset in minority:
            word_start = offset
            while word_start > 0 and text[word_start - 1].isalpha() and offset - word_start < 20:
                word_start -= 1
            word_end = offset + 1
            while word_end < len(text) and text[word_end].isalpha() and word_end - offset < 20:
                word_end += 1
            yield self.finding(
                offset,
                offset + 1,
                f"Apostrophe {wrong} in {text[word_start:word_end]!r} where the text uses {dominant} ({counts})",
                Fix.safe(f"Use {dominant}", Edit(offset, offset + 1, dominant)),
            )


# -- QT005 ----------------------------------------------------------------------------------------

# One pattern per kind of markup, each starting with its marker character (the regex engine then
# skips ahead fast) and each run only when a cheap substring test says the marker is there. The
# emphasis text cannot hold its marker, so it can only end at the next marker: taken whole in a
# lookahead (an atomic run, which Python 3.10's `re` cannot write otherwise), it is reached in one C
# loop, where a lazy run tried the rest of the pattern at every character.
_EMPHASIS_STAR = re.compile(r"(\*\*?)(?=[^\s*])(?=([^*\n]+))\2(?<=[^\s*])\1(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(__?)(?=[^\s_])(?=([^_\n]+))\2(?<=[^\s_])\1(?![\w_])")
_LINK = re.compile(r"!?\[([^\[\]\n]+)\]\(((?:https?://|www\.|/)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)", re.MULTILINE)
# Dunder identifiers and file names that look like emphasis: __init__, __main__.
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*|\w+\.[a-z0-9]{1,4}")


def _finding_start(finding: Finding) -> int:
    return finding.start


class MarkupResidue(Rule):
    """Markdown emphasis, links or headings left in plain text.

    ## What it does
    Flags markdown syntax that a converter left in the text instead of rendering it:
    emphasis `*« … »*`, `*word*`, `**bold**`, `__bold__`, `_em_`, links `[text](url)` and
    leading `#`/`##` headings. Underscores inside identifiers (snake_case, `__init__`) and
    hashtags (`#IA`) are not markup.

    ## Why it matters
    The asterisks and brackets are not part of the article: they pollute the text for readers,
    search and models, and show that the extraction went through an unrendered markdown step.

    ## Example
    ```
    Il a déclaré : *« Oui, nous en discutons »*. Voir [le billet](https://example.org/a).
    ## Les enjeux
    ```
    Use instead:
    ```
    Il a déclaré : « Oui, nous en discutons ». Voir le billet (https://example.org/a).
    Les enjeux
    ```

    ## Fix safety
    Safe: the fix removes the markup characters and keeps every word. A link keeps its text and
    its address, written "text (url)", because the address is often the source the article cites.
    """

    code = "QT005"
    name = "markup-residue"
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        text = doc.text
        findings: list[Finding] = []
        if "*" in text:
            findings.extend(self._emphasis(text, _EMPHASIS_STAR, "*"))
        if "_" in text:
            findings.extend(self._emphasis(text, _EMPHASIS_UNDERSCORE, "_"))
        if "]" in text and "](" in text:
            for match in _LINK.finditer(text):
                start, end = match.span()
                label, url = match.group(1), match.group(2)
                replacement = f"{label} ({url})" if label.strip() != url else url
                findings.append(
                    self.finding(
                        start,
                        end,
                        f"Markdown link left in the text: {_describe(text, start, end)!r}",
                        Fix.safe("Write the link as “text (url)”", Edit(start, end, replacement)),
                    )
                )
        if "#" in text and ("# " in text or "#\t" in text):
            for match in _HEADING.finditer(text):
                start, end = match.span()
                hashes = match.group(1)
                line = doc.line_at(doc.line_index_at(start))
                findings.append(
                    self.finding(
                        start,
                        line.end,
                        f"Markdown heading marker {hashes!r} left in the text: {_describe(text, end, line.end)!r}",
                        Fix.safe(f"Remove the {hashes!r} marker", Edit.delete(start, end)),
                    )
                )
        if len(findings) > 1:
            findings.sort(key=_finding_start)
        return findings

    def _emphasis(self, text: str, compiled: re.Pattern[str], char: str) -> Iterator[Finding]:
        for match in compiled.finditer(text):
            start, end = match.span()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in (char, "\\", "_")):
                continue  # snake_case, 5*3*2, f*ck, escaped \*
            marker, inner = match.group(1), match.group(2)
            if char == "_" and (_IDENTIFIER.fullmatch(inner) if len(marker) == 2 else "." in inner):
                continue  # __init__, _config.yml_
            label = "Bold" if len(marker) == 2 else "Emphasis"
            yield self.finding(
                start,
                end,
                f"{label} markup {marker}…{marker} left in the text: {_describe(text, start, end)!r}",
                Fix.safe(
                    f"Remove the {marker} markers",
                    Edit.delete(start, start + len(marker)),
                    Edit.delete(end - len(marker), end),
                ),
            )


# -- QT006 ----------------------------------------------------------------------------------------

_FRENCH_SPACING = regex.compile(
    r"""
    (?P<open>«)(?=[^\s\u00a0\u202f\u2009])
    | (?<=[^\s\u00a0\u202f\u2009])(?P<close>»)
    | (?<=[\p{L}\p{N}»)\]”"'’])(?P<punct>[?!;:])(?=[\s»”"')\]]|$)
    """,
    regex.VERBOSE | regex.V1,
)
_SPACE_CHARS = {"narrow": "\u202f", "no-break": "\u00a0"}


class FrenchQuoteSpacing(Rule):
    """French guillemets or ? ! ; : written without their (narrow) no-break space.

    ## What it does
    In French texts, flags « and » with no space inside («ouvert» instead of « ouvert ») and
    ? ! ; : glued to the preceding word ("vraiment?" instead of "vraiment ?"). A mark already
    preceded by a space of any kind (plain, no-break, narrow) is accepted: the rule reports
    missing spaces, not the choice of space. Marks followed by something other than a space or
    the end of the text are not punctuation of the sentence: URLs (https://), times (10:30),
    ratios (3:1), emoticons (:-)), runs such as "?!" or "!!".

    ## Why it matters
    French typography puts a space inside guillemets and before the high punctuation marks; a
    text without them was usually produced by an English-centric tool. It is a matter of style,
    so the rule is off by default.

    ## Example
    ```
    Il parle d’un modèle «ouvert». Vraiment?
    ```
    Use instead (with narrow no-break spaces):
    ```
    Il parle d’un modèle « ouvert ». Vraiment ?
    ```

    ## Fix safety
    Safe: the fix only inserts a narrow no-break space (U+202F, or U+00A0 with
    `space = "no-break"`), which never breaks a line apart from its mark. Existing plain spaces
    are left as they are.
    """

    code = "QT006"
    name = "french-quote-spacing"
    default_enabled = False
    fix_applicability = Applicability.SAFE
    default_options: Mapping[str, Any] = {"space": "narrow"}
    options_schema = object_schema(
        {
            "space": {
                "type": "string",
                "enum": ["narrow", "no-break"],
                "description": "The space to insert: narrow no-break (U+202F) or no-break (U+00A0).",
            }
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if doc.language != "fr":
            return
        text = doc.text
        space = _SPACE_CHARS[options["space"]]
        name = "narrow no-break" if options["space"] == "narrow" else "no-break"
        for match in _FRENCH_SPACING.finditer(text):
            kind = match.lastgroup
            start = match.start()
            if kind == "open":
                message = "No space after «"
                edit = Edit.insert(start + 1, space)
            elif kind == "close":
                message = "No space before »"
                edit = Edit.insert(start, space)
            else:
                mark = match.group()
                if mark == ":" and text[start + 1 : start + 2] == "/":
                    continue
                if text[start - 1 : start] in "\"'’" and mark != "?" and mark != "!":
                    continue
                before = text[max(0, start - 20) : start].split()
                word = before[-1] if before else ""
                if "://" in word or word.startswith("www.") or "@" in word:
                    continue
                message = f"No space before {mark!r} in {word + mark!r}"
                edit = Edit.insert(start, space)
            yield self.finding(start, start + 1, message, Fix.safe(f"Insert a {name} space", edit))


RULES: list[type[Rule]] = [
    UnbalancedQuotes,
    MixedQuoteStyles,
    MissingApostrophe,
    InconsistentApostrophes,
    MarkupResidue,
    FrenchQuoteSpacing,
]
