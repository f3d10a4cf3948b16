"""LAY: layout rules (white space, line ends, flattened or glued text)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import cache
from operator import itemgetter
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule
from newslint.document import line_bounds
from newslint.language import FUNCTION_WORDS
from newslint.rule import integer_option, object_schema

from ._data import fold, phrases
from .encoding import non_ascii_bytes, non_ascii_text

FAMILY = "lay"

_TRAILING_SPACE = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+$")
# The characters of _TRAILING_SPACE, for str.rstrip.
_TRAILING_CHARS = " \t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u3000"
# A line that ends in one of them, found from the rare line break (a literal the `re` engine
# finds fast) with a look-behind, not by trying a character class at every space. The last line,
# without a break, is checked apart.
_TRAILING_GATE = re.compile(
    r"\n(?:(?<=[ \t\u00a0\u2000-\u200a\u202f\u3000]\n)|(?<=[ \t\u00a0\u2000-\u200a\u202f\u3000]\r\n))"
)


@cache
def _blank_run(allowed: int) -> re.Pattern[str]:
    """``allowed + 1`` blank lines in a row, each ended by its line break (blank: only white space,
    as ``str.strip`` sees it; ``[^\\S\\n]`` is that white space but the break)."""
    return re.compile(r"\n(?:[^\S\n]*\n){" + str(allowed + 1) + "}")


# A line break after white space (a "\r", a blank line's break, a trailing space): where either
# gate above can match, and rare in most texts. Tried at every line break with a one-character
# look-behind, it costs a third of trying both gates there.
_SPACE_BEFORE_BREAK = re.compile(r"\n(?<=\s\n)")


def _nothing_stripped(doc: Document) -> bool:
    """Whether no line of a text without "\\r" has white space at its start or end (one C-level
    sum over ``doc.stripped_lines``, no scan of the text): the line texts are the text without its
    line breaks."""
    return sum(map(len, doc.stripped_lines)) == len(doc.text) - doc.line_break_count


class WhitespaceHygiene(Rule):
    """Trailing white space, runs of blank lines, a missing final newline, mixed line ends.

    ## What it does
    Flags white space at the end of a line, more than one blank line in a row (and blank lines at
    the start or end of the text), a file that does not end with a newline (a JSONL record's text
    needs none), and CRLF line ends in a text that mostly uses LF (or the reverse).

    ## Why it matters
    Extractors leave this debris where they dropped markup. It is invisible but breaks
    deduplication by hash, paragraph splitting and diffs, and makes the same article look like
    several different texts.

    ## Example
    ```
    Le patron d’OpenAI a exprimé des doutes.␠␠


    Lors d’une séance de questions-réponses…⏎(missing)
    ```
    Use instead:
    ```
    Le patron d’OpenAI a exprimé des doutes.

    Lors d’une séance de questions-réponses…
    ```

    ## Fix safety
    Safe: only white space is removed or a newline added; no visible character changes.
    """

    code = "LAY003"
    name = "whitespace-hygiene"
    fix_applicability = Applicability.SAFE
    default_options = {"max-blank-lines": 1}
    options_schema = object_schema(
        {"max-blank-lines": integer_option("How many blank lines in a row are allowed between paragraphs.", minimum=0)}
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        if not doc.line_texts:
            return []
        text = doc.text
        # The common path is a few C-level scans of the whole text; the per-line work below runs
        # only on a text where one of them saw something to report. Most texts have no white space
        # at either end of a line (one C-level sum says so): then no trailing space either, and no
        # need for the gates. Otherwise one cheap scan serves both line-break gates: most texts
        # have no break after white space, and then neither.
        allowed = options["max-blank-lines"]
        stripped = doc.stripped_lines
        lowered = doc.lowered_bytes  # "\n" + text: bytes are searched faster than two-byte characters
        if lowered.find(b"\r") == -1 and _nothing_stripped(doc):  # find: ``in`` builds a TypeError first
            # Blank lines are then empty lines: a run of them is a run of line breaks, and a text
            # without an empty line (``all``: a C-level length test per line) has none.
            trailing = False
            blank_run = not all(stripped) and lowered.find(b"\n" * (allowed + 2), 1) != -1
        else:
            maybe = _SPACE_BEFORE_BREAK.search(text) is not None
            trailing = maybe and _TRAILING_GATE.search(text) is not None
            blank_run = maybe and _blank_run(allowed).search(text) is not None
        trailing = trailing or text[-1] in _TRAILING_CHARS
        # A blank line is one that strips to "" (Line.is_blank, without its property call).
        blank_run = blank_run or not stripped[0] or not stripped[-1]
        line_ends = "\r" in text
        # A JSONL record's text is a field value, not a file: it has no final newline to miss.
        final_newline = doc.record is None and not text.endswith("\n") and bool(stripped[-1])
        if not (trailing or blank_run or line_ends or final_newline):
            return []  # a plain list: most texts have nothing to report, and no generator is made
        return self._findings(doc, allowed, trailing, blank_run, line_ends, final_newline)

    def _findings(
        self, doc: Document, allowed: int, trailing: bool, blank_run: bool, line_ends: bool, final_newline: bool
    ) -> Iterator[Finding]:
        if trailing:
            yield from self._trailing_space(doc)
        if blank_run:
            yield from self._blank_runs(doc, allowed)
        if line_ends:
            yield from self._line_ends(doc)
        if final_newline:
            end = len(doc.text)
            yield self.finding(
                end, end, "No newline at end of text", Fix.safe("Add a final newline", Edit.insert(end, "\n"))
            )

    def _trailing_space(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # The line breaks after a trailing white-space character (a C-level scan), then the last
        # line, which has no break; a line's text stops before a CRLF's "\r" (Document.lines).
        ends = [match.start() - (text[match.start() - 1] == "\r") for match in _TRAILING_GATE.finditer(text)]
        if text[-1] in _TRAILING_CHARS:
            ends.append(len(text))
        for line_end in ends:
            line_start = text.rfind("\n", 0, line_end) + 1
            line_text = text[line_start:line_end]
            kept = len(line_text.rstrip(_TRAILING_CHARS))
            start, end = line_start + kept, line_end
            what = "White space on a blank line" if line_text.isspace() else "Trailing white space"
            yield self.finding(start, end, what, Fix.safe("Remove the trailing white space", Edit.delete(start, end)))

    def _blank_runs(self, doc: Document, allowed: int) -> Iterator[Finding]:
        lines = doc.lines
        # One byte per line, 1 for content and 0 for blank: runs of blank lines are found with
        # bytes.find, only where one may be reported (at the start, at the end, longer than allowed).
        flags = bytes(map(bool, doc.stripped_lines))
        count_lines = len(flags)
        surplus = b"\x00" * (allowed + 1)
        index = 0
        while index < count_lines:
            if index == 0 and not flags[0]:
                found = 0
            else:
                found = flags.find(surplus, index)
                if found == -1:
                    if flags[-1]:
                        break
                    found = flags.rfind(1) + 1  # the blank lines at the end of the text
                    if found < index:
                        break
            first = flags.rfind(1, 0, found) + 1
            index = flags.find(1, found)
            if index == -1:
                index = count_lines
            count = index - first
            at_start, at_end = first == 0, index == len(lines)
            keep = 0 if at_start or at_end else allowed
            if count <= keep:
                continue
            # Delete the surplus lines, keeping the first ``keep`` of the run.
            start = lines[first + keep].start
            end = lines[index - 1].end_break
            if at_end:
                # The last content line keeps its own break; only the lines after it go.
                start = lines[first].start
            where = "at the start of the text" if at_start else "at the end of the text" if at_end else "in a row"
            message = f"{count} blank line{'s' if count > 1 else ''} {where}"
            if not (at_start or at_end):
                message += f" (at most {allowed})"
            yield self.finding(start, end, message, Fix.safe("Remove the surplus blank lines", Edit.delete(start, end)))

    def _line_ends(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        crlf = text.count("\r\n")
        if not crlf:
            return
        lf = text.count("\n") - crlf
        if not lf:
            return
        minority_is_crlf = crlf < lf
        for line in doc.lines:
            if line.end_break == line.end:
                continue  # the last line, without a break
            is_crlf = line.end_break - line.end == 2
            if is_crlf != minority_is_crlf:
                continue
            if is_crlf:
                yield self.finding(
                    line.end,
                    line.end_break,
                    "CRLF line end in a text that mostly uses LF",
                    Fix.safe("Use LF", Edit(line.end, line.end_break, "\n")),
                )
            else:
                yield self.finding(
                    line.end,
                    line.end_break,
                    "LF line end in a text that mostly uses CRLF",
                    Fix.safe("Use CRLF", Edit(line.end, line.end_break, "\r\n")),
                )


# -- LAY001 ------------------------------------------------------------------------------------

# A sentence end, then a short capitalised label and a colon, then a capital: "… dans l'IA.
# Évaluation : Des experts…". Horizontal space only (``\h``), so a match never spans lines.
# The colon comes first and the rest is a look-behind: the scan then runs on the rare ":" instead
# of trying the pattern at every sentence end (about seven times faster).
_INLINE_HEADING = regex.compile(
    r"(?<=[.!?…][»”\"’)]?\h+(?P<label>\p{Lu}[\p{L}’'\-]*(?:\h[\p{L}’'\-]+){0,3}?))"
    r"\h?:\h+\p{Lu}"
)
_LABEL_WORD = regex.compile(r"[\p{L}’'\-]+")
# Where _INLINE_HEADING can match: a colon after a label character (maybe one horizontal space
# between) and before horizontal space and a letter. A superset of its matches, in plain `re`
# from the rare ":" (``\\w`` covers \\p{L}, ``[^\\W\\d_]`` covers \\p{Lu}).
_H = "\t \u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000"
_HEADING_COLON = re.compile(rf":(?:(?<=[\w’'\-]:)|(?<=[\w’'\-][{_H}]:))(?=[{_H}]+[^\W\d_])")


def _heading_colons(text: str) -> list[int]:
    """The offsets where :data:`_HEADING_COLON` matches, ascending: what its ``finditer`` finds.

    Colons are rare: ``str.find`` reaches each by ``memchr`` (its low byte is not 0), where the
    ``re`` scan steps through every character; the look-arounds then run at the colons only (a
    ``match`` at an offset still sees the text before it).
    """
    found: list[int] = []
    match = _HEADING_COLON.match
    colon = text.find(":")
    while colon != -1:
        if match(text, colon) is not None:
            found.append(colon)
        colon = text.find(":", colon + 1)
    return found


def _long_lines(doc: Document, length: int) -> list[int]:
    """Indexes of the lines of ``length`` characters or more, ascending.

    A window of ``length`` characters after a line start either holds a line break (``rfind``:
    every line starting before the last one in the window is too short, so the scan jumps past
    it) or starts a long line: about one C-level scan per ``length`` characters of text, instead
    of a look at every line.
    """
    text = doc.text
    size = len(text)
    found: list[int] = []
    start = index = counted = 0
    while start + length <= size:
        newline = text.rfind("\n", start, start + length)
        if newline != -1:
            start = newline + 1
            continue
        line_start, line_end = line_bounds(text, start)
        if line_end - line_start >= length:
            index += text.count("\n", counted, line_start)
            counted = line_start
            found.append(index)
        newline = text.find("\n", start + length)
        if newline == -1:
            break
        start = newline + 1
    return found


@cache
def _not_headings(name: str) -> frozenset[str]:
    """LAY001's caption credits (data), as a set built once."""
    return frozenset(phrases(FAMILY, name, "not-headings"))


def _is_heading_label(label: str) -> bool:
    """A label, not a clause: short, and every word of four letters or more is capitalised
    ("Évaluation", "Chicago Mercantile Association"; not "She added", "Rôle de l'agence")."""
    if len(label) > 40:
        return False
    return all(word[0].isupper() for word in _LABEL_WORD.findall(label) if len(word) >= 4)


class WallOfText(Rule):
    """A paragraph so long, or so full of glued headings, that paragraphs were flattened into it.

    ## What it does
    Flags a line (a paragraph: scraped text puts one paragraph on a line) of `max-length`
    characters or more (2,000 by default), and a line of `heading-min-length` characters or more
    that holds an inline heading glued after a sentence: a sentence end, a short capitalised label
    and a colon, then a capital ("… dans l'IA. Évaluation : Des experts…"). The label must look
    like a heading, not a clause: at most four words, and every word of four letters or more
    capitalised ("She added: This…" is speech, not a heading), and not a caption credit ("Credit:",
    "Photo :", "Source :"; data). One finding per line, spanning it.

    ## Why it matters
    The extractor dropped the paragraph breaks (and the heading markup) and joined the article
    into one block. Paragraph-level tools (deduplication, boilerplate removal, chunking for
    training, summarisation) then see one giant paragraph, and the section headings become
    sentence fragments in the running text.

    ## Example
    ```
    … reflétant une volonté de maintenir une influence démocratique. Évaluation : Des experts comme Yann LeCun saluent cette ouverture…
    ```
    Where the breaks were (not a fix newslint makes):
    ```
    … reflétant une volonté de maintenir une influence démocratique.

    Évaluation

    Des experts comme Yann LeCun saluent cette ouverture…
    ```

    ## Fix safety
    No fix: where the paragraph breaks belong cannot be recovered reliably from the text alone.
    """

    code = "LAY001"
    name = "wall-of-text"
    fix_applicability = None
    default_options = {"max-length": 2000, "heading-min-length": 500}
    options_schema = object_schema(
        {
            "max-length": integer_option(
                "A paragraph (line) of this many characters or more is reported.", minimum=100
            ),
            "heading-min-length": integer_option(
                "A paragraph (line) holding a glued inline heading is reported from this length on.", minimum=0
            ),
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        max_length = options["max-length"]
        heading_min = options["heading-min-length"]
        size = len(doc.text)
        headings = self._headings(doc, heading_min) if size >= heading_min else {}
        # Only the long lines and the lines with a heading (C-level scans, no loop over every line).
        reported = set(_long_lines(doc, max_length)) if size >= max_length else set()
        reported.update(headings)
        # A plain list when nothing is reported (most texts): no generator is made for them.
        return self._findings(doc, max_length, headings, sorted(reported)) if reported else []

    def _headings(self, doc: Document, heading_min: int) -> dict[int, str]:
        """The inline headings on lines of ``heading_min`` characters or more, by line index."""
        text = doc.text
        headings: dict[int, str] = {}
        captions = _not_headings(self.name)
        index = counted = 0
        # Only the colons the heading pattern could match at; the full pattern then runs at
        # each of them where a match would start: on the white space before the colon, else
        # on the colon (what a finditer over the text finds). A heading is recorded only on a
        # line of heading_min characters or more: shorter lines are skipped before the pattern
        # runs (the colon is on the line of the match).
        for colon in _heading_colons(text):
            line_start, line_end = line_bounds(text, colon)
            if line_end - line_start < heading_min:
                continue
            match = _INLINE_HEADING.match(text, colon - 1) if colon else None
            if match is None:
                match = _INLINE_HEADING.match(text, colon)
                if match is None:
                    continue
            label = match.group("label")
            if not _is_heading_label(label) or fold(label) in captions:
                continue
            start = match.start()
            index += text.count("\n", counted, start)  # the line of the match
            counted = start
            if index not in headings:
                headings[index] = text[match.start("label") : colon + 1]
        return headings

    def _findings(
        self, doc: Document, max_length: int, headings: dict[int, str], reported: list[int]
    ) -> Iterator[Finding]:
        for index in reported:
            line = doc.line_at(index)
            length = line.end - line.start
            heading = headings.get(index)
            if heading is not None and length >= max_length:
                message = (
                    f"Paragraph of {length:,} characters on one line, with an inline heading "
                    f"“{heading}” glued into it: paragraphs were flattened"
                )
            elif heading is not None:
                message = f"Inline heading “{heading}” glued into a paragraph: paragraphs were flattened"
            else:
                message = (
                    f"Paragraph of {length:,} characters on one line (limit {max_length:,}): "
                    "paragraphs were probably flattened"
                )
            yield self.finding(line.start, line.end, message, length=length, heading=heading)


# -- LAY002 ------------------------------------------------------------------------------------

# The upper-case letter right after a lower-case one (a look-behind scans ~2x faster than a pair).
# Kept as the definition (and for reference): _glue_points finds the same positions without
# running a Unicode-property scan over every character (~10 ns each, the rule's whole budget).
_GLUE_POINT = regex.compile(r"(?<=\p{Ll})\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_UPPER = regex.compile(r"\p{Lu}")
# One class byte per Latin-1 character, as \p{Lu} and \p{Ll} say: "U" a capital, "l" a small
# letter or the question mark, "a" another letter (ª, º), "." anything else. The text encoded to
# Latin-1 with errors="replace" has one byte per character (a copy for most texts, no UTF-8
# continuation bytes to delete), every character beyond Latin-1 written "?": the one byte that
# needs a closer look. Counting "?" with the small letters lets one "lU" scan find the pairs of
# both; "." is then never a letter, so it bounds a glued word (a run of letters) too.
_GLUE_CLASSES = bytes(
    ord("U")
    if _UPPER.match(char)
    else ord("l")
    if _LOWER.match(char) or char == "?"
    else ord("a")
    if char.isalpha()
    else ord(".")
    for char in map(chr, range(256))
)
_BEYOND_LATIN1_UPPER = regex.compile(r"[\p{Lu}--[\x00-\xff]]", regex.V1)
# Where the UTF-8 of a capital beyond Latin-1 can start, marked "u": the lead bytes of the blocks
# that hold them (Latin Extended, Greek, Cyrillic, Armenian; Georgian, Latin Extended Additional,
# Greek Extended; Cyrillic and Latin extensions; fullwidth forms; the planes beyond the first).
# "\xe2" leads the punctuation of most texts (’, “, –, …): after it only letterlike symbols,
# number forms, Glagolitic, Latin Extended-C and Coptic hold capitals.
_CAPITAL_LEADS = bytes(
    ord("u") if 0xC4 <= byte <= 0xDF or byte in (0xE1, 0xEA, 0xEF) or 0xF0 <= byte <= 0xF4 else ord(".")
    for byte in range(256)
)
_E2_CAPITAL = re.compile(rb"\xe2[\x84-\x86\xb0-\xb3]")
_ASCII_BYTES = bytes(range(128))
_QUESTION_MARK = ord("?")


def _pair_ends(classes: bytes, pair: bytes) -> list[int]:
    """The offset of the second byte of every ``pair`` in ``classes`` (a C-level find loop)."""
    found: list[int] = []
    find = classes.find
    at = find(pair)
    while at != -1:
        found.append(at + 1)
        at = find(pair, at + 2)
    return found


def _may_hold_capital_beyond_latin1(utf8: bytes) -> bool:
    """Whether some character of ``utf8`` may be a capital beyond Latin-1, from its lead bytes."""
    return utf8.translate(_CAPITAL_LEADS).find(b"u") != -1 or _E2_CAPITAL.search(utf8) is not None


def _capital_candidates(doc: Document) -> str:
    """The non-ASCII characters of a non-ASCII text (:func:`non_ascii_text`) when a capital beyond
    Latin-1 may be among them, else "": the lead bytes of their UTF-8 say so for most texts."""
    return non_ascii_text(doc) if _may_hold_capital_beyond_latin1(non_ascii_bytes(doc)) else ""


def _glue_points(
    text: str, non_ascii: str | None = None, latin1: bytes | None = None, classes: bytes | None = None
) -> list[int]:
    """Every offset ``p`` with ``text[p - 1]`` in \\p{Ll} and ``text[p]`` in \\p{Lu}, ascending: what
    ``_GLUE_POINT.finditer`` finds, from C-level scans of the text's Latin-1 class bytes.

    Both letters in Latin-1: a "lU" of the classes. A capital after a character beyond Latin-1 (a
    "?" in the Latin-1 bytes, which the classes count as small): checked with ``_LOWER``. A
    capital beyond Latin-1: the text's non-ASCII characters (``non_ascii``, a few percent of it;
    computed when not given; "" when none can be such a capital) say which occur, and each is found with ``str.find``. ``latin1``:
    the text's ``Document.latin1_bytes``, when known, and ``classes`` its translation by
    :data:`_GLUE_CLASSES`.
    """
    if latin1 is None:
        latin1 = text.encode("latin-1", "replace")
    if classes is None:
        classes = latin1.translate(_GLUE_CLASSES)
    points = _pair_ends(classes, b"lU")
    if points and latin1.find(b"?") != -1:
        # \p{Ll} letters are letters: most characters beyond Latin-1 before a capital are
        # punctuation ("l’Assemblée") and need no regex.
        points = [
            point
            for point in points
            if latin1[point - 1] != _QUESTION_MARK or (text[point - 1].isalpha() and _LOWER.match(text, point - 1))
        ]
    if text.isascii() or non_ascii == "":
        return points
    added: list[int] = []
    if non_ascii is None:
        non_ascii = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    for capital in set(_BEYOND_LATIN1_UPPER.findall(non_ascii)):
        point = text.find(capital, 1)
        while point != -1:
            # \\p{Ll} letters are letters: most capitals follow a space and need no regex.
            if text[point - 1].isalpha() and _LOWER.match(text, point - 1):
                added.append(point)
            point = text.find(capital, point + 1)
    if added:
        points += added
        points.sort()
    return points


def _glued_word(text: str, classes: bytes, point: int) -> tuple[int, int, str]:
    """The run of letters (``str.isalpha``) holding ``text[point - 1]`` and ``text[point]`` (two
    letters). Between the nearest "." of the class bytes (``text`` by :data:`_GLUE_CLASSES`) when
    the characters beyond Latin-1 there are letters too (one C-level test); else walked a
    character at a time (a "’" in "l’iPhone")."""
    start = classes.rfind(b".", 0, point) + 1
    end = classes.find(b".", point)
    if end == -1:
        end = len(text)
    word = text[start:end]
    if word.isalpha():
        return start, end, word
    return _walked_word(text, point)


def _walked_word(text: str, point: int) -> tuple[int, int, str]:
    """The run of letters around ``text[point - 1 : point + 1]``, walked a character at a time (the
    definition :func:`_glued_word` stands for)."""
    start = point - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = point + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end, text[start:end]


_WORDS = regex.compile(r"\p{L}+")
_PLAIN_WORD = regex.compile(r"\p{Lu}?\p{Ll}+")
# Characters that make a chunk a URL, handle, hashtag, file name or code identifier.
_CODE_MARKS = frozenset("/@#_\\=<>{}[]|~$%^*+")
_DOMAIN_DOT = regex.compile(r"\.\p{L}")


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word, written exactly so.

    A targeted search (a literal scan, fast) rather than a vocabulary of the whole text: only a
    few words per document get here.
    """
    start = text.find(word)
    size = len(word)
    while start != -1:
        end = start + size
        if (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        start = text.find(word, end)
    return False


_ITEM_MARKS = ("|", "•", "·")
_TOKEN_WORD = itemgetter(2)


def _repeated(words: list[str]) -> Collection[str]:
    """The words that occur more than once in ``words`` (most documents glue each word once: one
    C-level set says so, and no ``Counter`` is built)."""
    if len(set(words)) == len(words):
        return ()
    return {word for word, count in Counter(words).items() if count > 1}


@cache
def _glue_data(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """LAY002's brand spellings and name particles (data), as sets built once."""
    return frozenset(phrases(FAMILY, name, "brands")), frozenset(phrases(FAMILY, name, "prefixes"))


def _find(text: str, mark: str, start: int, end: int) -> int:
    found = text.find(mark, start, end)
    return end if found == -1 else found


def _chunk(text: str, start: int, end: int) -> str:
    """The run of non-space characters around ``text[start:end]``."""
    low = start
    while low > 0 and not text[low - 1].isspace():
        low -= 1
    high = end
    size = len(text)
    while high < size and not text[high].isspace():
        high += 1
    return text[low:high]


class GluedWords(Rule):
    """Two words joined where markup was dropped ("moreThe", "NoemKristi", "onFacebook").

    ## What it does
    Flags a word with a lower-case letter followed by an upper-case one when both halves are words
    of the same text: the left half is a plain word and the right half a word, and each also
    stands alone elsewhere in the document ("Kristi Noem … NoemKristi"). The document is its own
    dictionary, so a word glued to a word seen nowhere else is not reported (a breadcrumb such as
    "ActualitéOpenAI" usually is not).

    Not glue: known brand and name spellings (data: "OpenAI", "DeepSeek", "iPhone", "YouTube",
    "PayPal", "LinkedIn", "PlayStation"…), a left half of one letter ("eBay", "iPad", "xAI"), a
    name particle as left half ("McDonald", "LeCun", "DeSantis", "DiCaprio", "MacArthur"), an
    all-capitals right half ("ChatGPT", "SpaceX", "leanFIRE"), a spelling the text uses twice or
    more (a consistent spelling is a name: "WeWork", "ExxonMobil"), and anything inside a URL,
    e-mail address, handle, hashtag or identifier.

    ## Why it matters
    Glued words are two tokens a reader sees and a tokenizer does not: search, entity extraction
    and language models learn "NoemKristi" as a word. They also show where the extractor dropped a
    block boundary: a byline or a menu item stuck to the next line.

    ## Example
    ```
    Kristi Noem a répondu aux questions. Photo : Kristi NoemKristi Noem, secrétaire…
    ```
    Use instead:
    ```
    Kristi Noem a répondu aux questions. Photo : Kristi Noem Kristi Noem, secrétaire…
    ```

    ## Fix safety
    Unsafe: the fix inserts a space between the halves. It is always a space, never a line break:
    whether the left half ended a menu, a byline or a heading cannot be told from the word, and a
    space never joins what was separate. A camel-case name missing from the brand list would be
    split wrongly, so review the fix.
    """

    code = "LAY002"
    name = "glued-words"
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        text = doc.text
        non_ascii = None if text.isascii() else _capital_candidates(doc)
        latin1 = doc.latin1_bytes
        classes = latin1.translate(_GLUE_CLASSES)
        points = _glue_points(text, non_ascii, latin1, classes)
        # A plain function, not a generator: most documents have no glue point, and then nothing
        # is created for them.
        return self._findings(doc, points, classes) if points else []

    def _findings(self, doc: Document, points: list[int], classes: bytes) -> Iterator[Finding]:
        text = doc.text
        tokens: list[tuple[int, int, str]] = []
        last_end = -1
        for point in points:
            if point < last_end:
                continue  # another glue point of a word already taken
            token = _glued_word(text, classes, point)
            tokens.append(token)
            last_end = token[1]
        if not tokens:
            return
        brands, prefixes = _glue_data(self.name)
        repeated = _repeated(list(map(_TOKEN_WORD, tokens)))  # only the spellings used once are looked at
        size = len(text)
        for start, end, word in tokens:
            if word in repeated or word.casefold() in brands:
                continue
            before = text[start - 1] if start else " "
            after = text[end] if end < size else " "
            if before.isdigit() or after.isdigit():
                continue  # part of a code or model name ("gpt4Turbo", "3DPrinting")
            # The halves standing alone elsewhere is the rarest condition: tested before the
            # word's line and chunk are cut out.
            split = self._split(doc, word, prefixes)
            if split is None:
                continue
            line_start, line_end = line_bounds(text, start)  # the word's line, as Document.lines cuts it
            low = max(line_start, *(text.rfind(mark, line_start, start) + 1 for mark in _ITEM_MARKS))
            high = min(line_end, *(_find(text, mark, end, line_end) for mark in _ITEM_MARKS))
            if not _WORDS.search(text, low, start) and not _WORDS.search(text, end, high):
                continue  # the word is a whole line or list item: a logo, a menu entry, a name
            chunk = _chunk(text, start, end)
            if any(char in _CODE_MARKS for char in chunk) or _DOMAIN_DOT.search(chunk) or "www" in chunk:
                continue
            left, right = word[:split], word[split:]
            at = start + split
            yield self.finding(
                start,
                end,
                f"Words glued together: “{word}” (missing space between “{left}” and “{right}”)",
                Fix.unsafe(f"Insert a space between “{left}” and “{right}”", Edit.insert(at, " ")),
                left=left,
                right=right,
            )

    @staticmethod
    def _split(doc: Document, word: str, prefixes: frozenset[str]) -> int | None:
        """The first glue point of ``word`` whose halves both stand alone in ``doc``, or None."""
        for index in range(1, len(word)):
            if not (word[index - 1].islower() and word[index].isupper()):
                continue
            left, right = word[:index], word[index:]
            if len(left) < 2 or len(right) < 2 or not _PLAIN_WORD.fullmatch(left):
                continue
            folded_left, folded_right = left.casefold(), right.casefold()
            if folded_left in prefixes or right.upper() == right or folded_left == folded_right:
                continue
            # Both halves stand alone elsewhere, written exactly so: "Noem" and "Kristi", "more"
            # and "The". A brand's halves rarely do ("BlackMagic": "black", "magic").
            if _stands_alone(doc.text, left) and _stands_alone(doc.text, right):
                return index
        return None


# -- LAY004 ------------------------------------------------------------------------------------

# Languages whose headings are written in sentence case: Title Case there is an English habit.
_SENTENCE_CASE_LANGUAGES = {"fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese"}
_HEADING_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*")
_LIST_MARKS = frozenset("|•·/;")
# Function words that also live inside names ("Le Moustoir", "Gloria Gu Yi La", "Dello Zodiaco",
# "Les Echos"): capitalised, they prove nothing, so they never count as the Title Case signal.
_NAME_PARTICLES = frozenset(
    "le la les l de du des d di da del della dello delle dei degli do dos das el los las lo il i e y o a "
    "al au aux".split()
) - {"aux", "au"}


@cache
def _capitalised_function_words(language: str) -> regex.Pattern[str]:
    """One pattern finding a capitalised function word after a space ("… Ses Portes Aux …")."""
    words = sorted(word.capitalize() for word in FUNCTION_WORDS[language] - _NAME_PARTICLES)
    return regex.compile(r"(?<=\h)(?:" + "|".join(map(regex.escape, words)) + r")(?=\h)")


class TitleCaseHeading(Rule):
    """An English-style Title Case heading in a French (Spanish, Italian, Portuguese) text.

    ## What it does
    Flags a short line (a heading: at most `max-length` characters, not ending with a full stop)
    in a French, Spanish, Italian or Portuguese text where every word after the first is
    capitalised, at least three are, and at least two capitalised words are function words of
    the language ("Ses", "Aux", "Un", "Pour"): "OpenAI Ouvre Ses Portes Aux Sources Ouvertes : Un
    Virage Stratégique". Articles and particles that also live in names ("Le Monde", "Les Echos",
    "Di Maio", "Da Silva") do not count as that signal. Acronyms are neutral; lines of tags
    separated by `|` or `•` are skipped.

    ## Why it matters
    These languages write headings in sentence case. Title Case there is a sign of machine
    translation or of an English template, and it makes every common noun look like a proper
    noun to tools that use capitals (named-entity recognition, truecasing).

    ## Example
    ```
    OpenAI Ouvre Ses Portes Aux Sources Ouvertes : Un Virage Stratégique
    ```
    Use instead:
    ```
    OpenAI ouvre ses portes aux sources ouvertes : un virage stratégique
    ```

    ## Fix safety
    No fix: lower-casing would also lower-case proper nouns ("Sam Altman", "Laboratoires
    Nationaux"), which only a person can tell apart. Off by default.
    """

    code = "LAY004"
    name = "title-case-heading"
    default_enabled = False
    fix_applicability = None
    default_options = {"max-length": 150}
    options_schema = object_schema(
        {"max-length": integer_option("Longer lines are not headings and are not checked.", minimum=10)}
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        language = doc.language
        if language not in _SENTENCE_CASE_LANGUAGES:
            return
        function_words = FUNCTION_WORDS[language] - _NAME_PARTICLES
        max_length = options["max-length"]
        candidates: list[int] = []
        for match in _capitalised_function_words(language).finditer(doc.text):
            index = doc.line_index_at(match.start())
            if not candidates or candidates[-1] != index:
                candidates.append(index)
        for index in candidates:
            line = doc.line_at(index)
            stripped = line.text.strip()
            if len(stripped) > max_length or stripped.endswith((".", "…")) or _LIST_MARKS.intersection(stripped):
                continue
            words = _HEADING_WORD.findall(stripped)
            if len(words) < 4:
                continue
            capitalised = 0
            function_hits = 0
            for word in words[1:]:
                first = word[0]
                if first.isdigit():
                    continue
                if first.islower():
                    break
                if len(word) > 1 and word.upper() == word:
                    continue  # an acronym says nothing about the case style
                capitalised += 1
                function_hits += word.casefold() in function_words
            else:
                if capitalised >= 3 and function_hits >= 2:
                    shown = stripped if len(stripped) <= 80 else stripped[:79] + "…"
                    yield self.finding(
                        line.start + line.text.index(stripped[0]),
                        line.end - (len(line.text) - len(line.text.rstrip())),
                        f"Heading in English-style Title Case in a {_SENTENCE_CASE_LANGUAGES[language]} text: “{shown}”",
                    )


RULES = [WallOfText, GluedWords, WhitespaceHygiene, TitleCaseHeading]
