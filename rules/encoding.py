"""ENC: encoding debris: mojibake, HTML entities and tags, invisible and replacement characters.

Every ENC rule reads one shared scan of the text (:func:`scan`): a single character-class regex for
the rare characters (mojibake lead bytes followed by continuation bytes, control, zero-width, bidi
and replacement characters) plus two literal-led regexes for ``&…;`` and ``<tag>``. Those scans run
at hundreds of MB/s, so a clean document costs almost nothing. ftfy, the expensive part, runs only
on the lines where the scan saw a mojibake signature (:func:`mojibake_repairs`).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, partial
from html.entities import html5 as _HTML5_ENTITIES
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity
from newslint.rule import object_schema

# -- the shared scan -------------------------------------------------------------------------------

# Bytes 0x80-0xBF (UTF-8 continuation bytes) as Latin-1 or Windows-1252 shows them.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
# C0 controls but tab/LF/CR, DEL, C1 controls, soft hyphen, Arabic letter mark, zero-width and bidi
# characters, word joiner and invisible operators, BOM / ZWNBSP, interlinear annotation, U+FFFD.
_INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufffd"
)
# One character class for every rare character; a mojibake lead (Â..ï, the Latin-1 view of UTF-8
# lead bytes C2..EF) only counts when continuation characters follow it (or a space after Ã/Â,
# the 0xA0 byte turned into a space). Accented letters of real text ("é", "São", "Ângela") cost
# one failed look-ahead. Plain `re`: ~200 MB/s on the corpus, ten times the `regex` module.
_CHARS = re.compile(
    rf"[{_INVISIBLE}\u00c2-\u00ef]"
    rf"(?:(?<=[\u00c2-\u00df])(?=[{_CONTINUATION}])"
    rf"|(?<=[\u00e0-\u00ef])(?=[{_CONTINUATION}]{{2}})"
    r"|(?<=[\u00c2\u00c3])(?= )"
    r"|(?<![\u00c2-\u00ef]))"
)
# One invisible character: the first class of _CHARS without the mojibake leads.
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLE}]")
_LEADS = frozenset(chr(c) for c in range(0xC2, 0xF0))
_C1 = frozenset(chr(c) for c in range(0x80, 0xA0))
# C1 controls Windows-1252 leaves undefined: no repair can give them meaning, ENC004 deletes them.
_C1_UNDEFINED = frozenset("\x81\x8d\x8f\x90\x9d")

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_TAG_NAMES = (
    "a abbr acronym address amp-ad amp-iframe amp-img amp-video area article aside audio b base big "
    "blockquote body br button canvas caption center cite code col colgroup dd del details dfn dialog "
    "div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr "
    "html i iframe img input ins kbd label legend li link main map mark meta nav nobr noscript object "
    "ol optgroup option p param picture pre q s samp script section select small source span strike "
    "strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr "
    "track tt u ul var video wbr"
).split()
_BOOLEAN_ATTRIBUTES = frozenset(
    "allowfullscreen async autofocus autoplay checked controls default defer disabled hidden ismap "
    "itemscope loop multiple muted nomodule novalidate nowrap open playsinline readonly required "
    "reversed selected".split()
)
_ATTRIBUTE = r"""[^\s"'<>/=`]+(?:\s*=\s*(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}'|[^\s"'=<>`]{1,2000}))?"""
_TAG = re.compile(
    r"<!--.{0,5000}?-->"
    rf"|<(/?)({'|'.join(sorted(_TAG_NAMES, key=len, reverse=True))})((?:\s+{_ATTRIBUTE})*)\s*/?>",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE_PARTS = re.compile(r"""([^\s"'<>/=`]+)(\s*=)?""")
_ATTRIBUTE_VALUES = re.compile(r"""=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'=<>`]+)""")
_BLOCK_CLOSE = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
_PARAGRAPH_TAGS = frozenset(
    "address article aside blockquote body div figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr html main nav p pre section table".split()
)
_LINE_TAGS = frozenset("br dd dl dt li ol tr ul tbody thead tfoot caption details summary title".split())

_ANSI = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])")
_RTL = regex.compile(r"[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]")
_LATIN = regex.compile(r"\p{Script=Latin}")


@dataclass(slots=True)
class Scan:
    """What the one pass over the text found, by kind (offsets into ``doc.text``)."""

    mojibake_lines: list[int] = field(default_factory=list)  # 0-based line indexes to give to ftfy
    invisible: list[int] = field(default_factory=list)  # control / zero-width / bidi characters
    replacement: list[int] = field(default_factory=list)  # U+FFFD
    entities: list[tuple[int, int]] = field(default_factory=list)
    tags: list[tuple[int, int, str, bool]] = field(default_factory=list)  # start, end, name, closing


def scan(doc: Document) -> Scan:
    """The shared scan of the ENC family (computed once per document)."""
    return doc.view("enc.scan", _compute_scan)


# A gate for _CHARS on ``Document.lowered_bytes`` (UTF-8, where lower-casing changes none of these
# bytes): every character _CHARS can match, in the UTF-8 form it must have there. A character
# class scan of the text costs ~4 ns a character in `re`; these literal-led byte scans run at
# memory speed, and the exact scan below runs only on the few texts they let through. The
# accented letters of real text (lead "\xc3") fail on the byte after them, in C.
_CONTINUATION_BYTES = (
    rb"(?:\xc2[\x80-\xbf]|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c]"
    rb"|\xe2\x80[\x93\x94\x98-\x9a\x9c-\x9e\xa0-\xa2\xa6\xb0\xb9\xba]|\xe2\x82\xac|\xe2\x84\xa2)"
)
# Each scan with the byte all its matches start with: a text without that byte (English text
# has no "\xc3", much text no "\xc2") skips the scan for one memchr.
# After "\xc3": the second byte of a mojibake lead (U+00C2-U+00DF, U+00E0-U+00EF) and its
# continuation characters.
_MOJIBAKE_LEAD = rb"[\x82-\x9f]" + _CONTINUATION_BYTES + rb"|[\xa0-\xaf]" + _CONTINUATION_BYTES * 2
_GATE_SCANS = (
    # a mojibake lead and its continuation characters, or Â/Ã + space
    (b"\xc3", re.compile(rb"\xc3(?:" + _MOJIBAKE_LEAD + rb"|[\x82\x83] )")),
    (b"\xc2", re.compile(rb"\xc2[\x80-\x9f\xad]")),  # C1 controls, soft hyphen
    # zero-width, bidi, U+2028/9, U+206x
    (b"\xe2", re.compile(rb"\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0-\xa4\xa6-\xa9]")),
)
# The bytes of the rarer invisible characters (C0 controls, DEL, and the lead bytes of U+061C,
# U+180E, U+FEFF, U+FFF9-U+FFFD): any of them sends the text to the exact scan.
_RARE_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xD8, 0xE1, 0xEF])
# _RARE_BYTES as "r", every other byte as ".": a table translate builds nothing per call, where a
# deletion of every other byte builds its 256-entry table first (most of the cost on a short text).
_RARE_MARKS = bytes(ord("r") if byte in _RARE_BYTES else ord(".") for byte in range(256))
# The ASCII bytes no gate needs. Deleted, they leave the rare ones and the non-ASCII bytes (a few
# percent of most texts; nothing of an English text without curly quotes) for the gates to scan.
# Every character stays whole, so a gate that looks inside one character finds there what it
# finds in the whole text. A mojibake lead and its continuation characters are two or three
# characters, which the deletion may bring together ("É" and a "’" a few words after it): that
# gate is a superset there (and Â/Ã match alone, the space after them being deleted), and runs on
# the whole text when it lets a text through.
_PLAIN_ASCII_BYTES = bytes(byte for byte in range(128) if byte not in _RARE_BYTES)


def _mojibake_class(char: str) -> bytes:
    if char in "\u00c2\u00c3":
        return b"X"  # Â, Ã: the gate takes them alone here (the space after them deleted)
    if "\u00c4" <= char <= "\u00df":
        return b"B"  # a lead that one continuation character follows
    if "\u00e0" <= char <= "\u00ef":
        return b"N"  # a lead that two continuation characters follow
    if "\u0080" <= char <= "\u00bf" or char == "?":
        return b"k"  # a continuation character, or (beyond Latin-1) maybe one
    return b"."


# The mojibake gate's leads and continuation characters as one class byte per character of the
# text's non-ASCII characters encoded to Latin-1 ("?" for every character beyond it).
_MOJIBAKE_CLASSES = b"".join(map(_mojibake_class, map(chr, range(256))))


def _may_have_mojibake_lead(rest_text: str) -> bool:
    """False only when the mojibake gate (``_GATE_SCANS[0]``, Â/Ã then taken alone) cannot match
    the UTF-8 of ``rest_text``, the non-ASCII characters of a text (:func:`non_ascii_text`).

    The `re` gate enters its pattern at every "\\xc3" (every accented letter of a French text);
    in the class bytes a lead and its continuation characters are an "X", a "Bk" or an "Nkk":
    three ``bytes.find``.
    """
    classes = rest_text.encode("latin-1", "replace").translate(_MOJIBAKE_CLASSES)
    return classes.find(b"X") != -1 or classes.find(b"Bk") != -1 or classes.find(b"Nkk") != -1


def non_ascii_bytes(doc: Document) -> bytes:
    """``Document.lowered_bytes`` without its plain ASCII bytes (the rare control characters kept):
    the text's non-ASCII characters, whole, in UTF-8. Shared with LAY002, which looks there for
    the capitals beyond Latin-1 the text holds."""
    return doc.view("enc.non-ascii", _compute_non_ascii_bytes)


def _compute_non_ascii_bytes(doc: Document) -> bytes:
    return _without_plain_ascii(doc.lowered_bytes)


def non_ascii_text(doc: Document) -> str:
    """:func:`non_ascii_bytes` decoded (lone surrogates kept): shared with LAY002."""
    return doc.view("enc.non-ascii-text", _compute_non_ascii_text)


def _compute_non_ascii_text(doc: Document) -> str:
    return non_ascii_bytes(doc).decode("utf-8", "surrogatepass")


def _without_plain_ascii(lowered: bytes) -> bytes:
    return lowered.translate(None, _PLAIN_ASCII_BYTES)


def _may_have_rare_chars(lowered: bytes, rest: bytes | None = None, rest_text: str | None = None) -> bool:
    """False only when :data:`_CHARS` cannot match the text whose ``Document.lowered_bytes`` this is
    (``rest``: those bytes without the plain ASCII ones, ``rest_text`` the same decoded, when
    already known)."""
    if rest is None:
        rest = _without_plain_ascii(lowered)
    if not rest:
        return False  # ASCII text without control characters
    if rest.translate(_RARE_MARKS).find(b"r") != -1:
        return True
    # ``bytes.find``, not ``in``: ``in`` first tries its operand as an integer and builds a
    # TypeError to learn that it is not one.
    # _compute_scan decodes ``rest_text`` only for a "\xc3", so it skips the second find (a text
    # without one has no lead in its class bytes: the answer is the same either way).
    if rest_text is not None or rest.find(b"\xc3") >= 0:
        if rest_text is None:
            rest_text = rest.decode("utf-8", "surrogatepass")
        if _may_have_mojibake_lead(rest_text) and _GATE_SCANS[0][1].search(lowered) is not None:
            return True
    # The other two gates written out: a generator over them costs more than both finds.
    if rest.find(b"\xc2") >= 0 and _GATE_SCANS[1][1].search(rest) is not None:
        return True
    return rest.find(b"\xe2") >= 0 and _GATE_SCANS[2][1].search(rest) is not None


# What the scan finds in most texts: shared by them, never changed.
_NOTHING = Scan()


def _compute_scan(doc: Document) -> Scan:
    text = doc.text
    rest = non_ascii_bytes(doc)
    # Decoded only when the mojibake gate needs it (a text with a "\xc3" lead byte); LAY002 reuses it.
    rest_text = non_ascii_text(doc) if rest.find(b"\xc3") >= 0 else None
    may_have_rare_chars = _may_have_rare_chars(doc.lowered_bytes, rest, rest_text)
    if not may_have_rare_chars and "<" not in text and "&" not in text:
        return _NOTHING
    result = Scan()
    last_line = -1
    candidates: Iterable[int] = ()
    if may_have_rare_chars:
        if rest_text is not None and _mojibake_lead_matches(doc.lowered_bytes, rest_text):
            candidates = map(re.Match.start, _CHARS.finditer(text))
        else:
            candidates = _invisible_offsets(text, non_ascii_text(doc))
    for offset in candidates:
        char = text[offset]
        if char == "\ufffd":
            result.replacement.append(offset)
            continue
        if char in _LEADS or char in _C1:
            line = doc.line_index_at(offset)
            if line != last_line:
                result.mojibake_lines.append(line)
                last_line = line
            if char in _LEADS:
                continue
        result.invisible.append(offset)
    if "<" in text:
        result.tags = _tags(text)
    if "&" in text:
        tag_starts = [tag[0] for tag in result.tags]
        for match in _ENTITY.finditer(text):
            start, end = match.span()
            if text[start + 1] != "#" and text[start + 1 : end] not in _HTML5_ENTITIES:
                continue
            index = bisect.bisect_right(tag_starts, start) - 1
            if index >= 0 and start < result.tags[index][1]:
                continue  # an attribute value: the tag is ENC003's
            result.entities.append((start, end))
    return result


def _mojibake_lead_matches(lowered: bytes, rest_text: str) -> bool:
    """Whether a mojibake lead of the text matches :data:`_CHARS` (its gate, ``_GATE_SCANS[0]``,
    matches ``lowered``): ``rest_text`` is the text's :func:`non_ascii_text`."""
    return _may_have_mojibake_lead(rest_text) and _GATE_SCANS[0][1].search(lowered) is not None


def _invisible_offsets(text: str, rest_text: str) -> list[int]:
    """The offsets of the invisible characters of ``text``, ascending: what :data:`_CHARS` finds
    where no mojibake lead matches. ``rest_text`` (:func:`non_ascii_text`) holds every one of them:
    each that occurs is found with ``str.find`` (``memchr``), where the class scan stepped through
    every character and entered its look-arounds at every accented letter."""
    offsets: list[int] = []
    for char in filter(_INVISIBLE_CHAR.match, set(rest_text)):
        offset = text.find(char)
        while offset != -1:
            offsets.append(offset)
            offset = text.find(char, offset + 1)
    offsets.sort()
    return offsets


def _tags(text: str) -> list[tuple[int, int, str, bool]]:
    found: list[tuple[int, int, str, bool]] = []
    position = 0
    while True:
        match = _TAG.search(text, position)
        if match is None:
            return found
        start, end = match.span()
        position = end
        if match.group(2) is None:  # a comment
            found.append((start, end, "!--", False))
            continue
        closing, name, attributes = match.group(1) == "/", match.group(2), match.group(3)
        if not (name.islower() or name.isupper()):
            position = start + 1
            continue  # "<Time>", "<Main>": a word in angle brackets, not markup
        if attributes and not _plausible_attributes(attributes):
            position = start + 1
            continue  # "x<a and b>y"
        name = name.lower()
        if name in _BLOCK_CLOSE and not closing and not text[end - 2 : end] == "/>":
            close = _BLOCK_CLOSE[name].search(text, end, end + 200_000)
            if close is not None:
                end = position = close.end()
        found.append((start, end, name, closing))


def _plausible_attributes(attributes: str) -> bool:
    """Attributes of real markup: each has a value, or is a known boolean attribute."""
    stripped = _ATTRIBUTE_VALUES.sub("=", attributes)
    for name, equals in _ATTRIBUTE_PARTS.findall(stripped):
        if not equals and name.lower() not in _BOOLEAN_ATTRIBUTES and not name.lower().startswith("data-"):
            return False
    return True


# -- mojibake repairs (ftfy, behind the gate) --------------------------------------------------------


@cache
def _ftfy_fix() -> Callable[[str], str]:
    """ftfy's ``fix_text`` with our configuration, imported on first use: most runs (a pre-commit
    hook on clean files) never reach it, and importing ftfy is a tenth of the start-up."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # ENC002's job
        remove_terminal_escapes=False,  # ENC004's job
        fix_encoding=True,
        restore_byte_a0=True,  # "Ã " is "à" whose 0xA0 byte became a space: common in French mojibake
        replace_lossy_sequences=False,  # would write U+FFFD: never make data loss ourselves
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,  # "\x92" is the Windows-1252 apostrophe decoded as Latin-1
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return partial(ftfy.fix_text, config=config)


@dataclass(frozen=True, slots=True)
class Repair:
    start: int
    end: int
    replacement: str


def mojibake_repairs(doc: Document) -> tuple[Repair, ...]:
    """ftfy's repairs on the gated lines, as minimal segments (shared by ENC001 and ENC004)."""
    return doc.view("enc.mojibake", _compute_repairs)


def _compute_repairs(doc: Document) -> tuple[Repair, ...]:
    repairs: list[Repair] = []
    for index in scan(doc).mojibake_lines:
        line = doc.line_at(index)
        fixed = _ftfy_fix()(line.text)
        if fixed != line.text:
            repairs.extend(_segments(line.text, fixed, line.start))
    return tuple(repairs)


def _segments(before: str, after: str, base: int) -> list[Repair]:
    """The changed regions of one line; regions only a few non-space characters apart merge, so
    "ÃƒÂ©tÃƒÂ©" is one repair ("été"), not two."""
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    groups: list[list[int]] = []  # [i1, i2, j1, j2]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if groups:
            last = groups[-1]
            gap = before[last[1] : i1]
            if len(gap) <= 3 and not any(ch.isspace() for ch in gap):
                last[1], last[3] = i2, j2
                continue
        groups.append([i1, i2, j1, j2])
    return [Repair(base + i1, base + i2, after[j1:j2]) for i1, i2, j1, j2 in groups]


def _quote(text: str, width: int = 40) -> str:
    shown = text if len(text) <= width else text[: width - 1] + "…"
    return "“" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown) + "”"


# -- ENC001 ------------------------------------------------------------------------------------------


class Mojibake(Rule):
    """Mojibake: text decoded with the wrong encoding ("Ã©" for "é", "â€™" for "’").

    ## What it does
    Flags character sequences that are UTF-8 bytes read as Windows-1252 or Latin-1 (and doubly
    encoded variants), such as "Ã©", "Ã¨", "Ã " (à), "â€™", "â€œ", and Windows-1252 punctuation
    left as C1 control characters ("\\x92"). A cheap scan finds lines with a mojibake signature; ftfy
    then decides, line by line, what is really mojibake, so real letters such as "São Paulo",
    "Ângela" or "À bientôt" are never flagged. One finding per repaired segment.

    ## Why it matters
    Mojibake makes words unsearchable and untokenizable ("cafÃ©" is not "café"), and a model
    trained on it learns to produce it.

    ## Example
    ```
    Le cafÃ© est prÃªt, câ€™est lâ€™Ã©tÃ©.
    ```
    Use instead:
    ```
    Le café est prêt, c’est l’été.
    ```

    ## Fix safety
    Safe: the fix is ftfy's re-decoding of the segment, configured to change nothing else: it
    never straightens curly quotes, expands ligatures, changes character widths, normalizes
    Unicode, unescapes HTML, or writes U+FFFD.
    """

    code = "ENC001"
    name = "mojibake"
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        # A plain function, not a generator: most documents have nothing to report, and then
        # nothing is created for them (the same in every rule of the family).
        return self._findings(doc) if scan(doc).mojibake_lines else []

    def _findings(self, doc: Document) -> Iterator[Finding]:
        for repair in mojibake_repairs(doc):
            original = doc.text[repair.start : repair.end]
            yield self.finding(
                repair.start,
                repair.end,
                f"Mojibake {_quote(original)} should read {_quote(repair.replacement)}",
                Fix.safe("Re-decode the mojibake", Edit(repair.start, repair.end, repair.replacement)),
            )


# -- ENC002 ------------------------------------------------------------------------------------------


class HtmlEntity(Rule):
    """An HTML entity left in the text ("&amp;", "&nbsp;", "&#8217;", "&eacute;").

    ## What it does
    Flags complete HTML character references: named ones that HTML5 defines, with their
    semicolon (`&amp;`, `&eacute;`, `&nbsp;`), and numeric ones (`&#8217;`, `&#x2019;`). "AT&T",
    "R&D" or "&co" without a semicolon are not references and are left alone, as are references
    inside a leftover tag (ENC003 handles the tag). Adjacent references are one finding.

    ## Why it matters
    The extractor forgot to decode the page: readers see "Tom &amp; Jerry", search for "l’été"
    misses "l&#8217;&eacute;t&eacute;", and models learn entity soup.

    ## Example
    ```
    Tom &amp; Jerry, l&#8217;&eacute;t&eacute;
    ```
    Use instead:
    ```
    Tom & Jerry, l’été
    ```

    ## Fix safety
    Safe: each reference is replaced by the character it stands for (`html.unescape`), `&nbsp;` by
    a no-break space U+00A0. A doubly escaped "&amp;amp;" takes two passes of the fixer.
    """

    code = "ENC002"
    name = "html-entity"
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        entities = scan(doc).entities
        return self._findings(doc, entities) if entities else []

    def _findings(self, doc: Document, entities: list[tuple[int, int]]) -> Iterator[Finding]:
        runs: list[list[int]] = []
        for start, end in entities:
            if runs and runs[-1][1] == start:
                runs[-1][1] = end
            else:
                runs.append([start, end])
        for start, end in runs:
            original = doc.text[start:end]
            decoded = html.unescape(original)
            if decoded == original:
                continue
            kind = "HTML entity" if original.count("&") == 1 else "HTML entities"
            yield self.finding(
                start,
                end,
                f"{kind} {_quote(original)} should be decoded to {_quote(decoded)}",
                Fix.safe("Decode the HTML entity", Edit(start, end, decoded)),
            )


# -- ENC003 ------------------------------------------------------------------------------------------


class HtmlMarkup(Rule):
    """Leftover HTML markup: tags ("<br>", "</p>", "<div class=…>"), comments, script blocks.

    ## What it does
    Flags HTML tags of known HTML elements (`<br>`, `</p>`, `<div class="x">`, `<img src=…>`),
    HTML comments, and `<script>`/`<style>` blocks with their content. Tags only white space
    apart are one finding. Angle brackets that are not markup are left alone: "a < b > c", "<3",
    "<john@example.com>", "<https://…>", "<Time>" (mixed case), "x<a and b>y" (attributes without
    values).

    ## Why it matters
    Markup in the text is noise for every reader and model, and a script block can be thousands of
    characters of code in the middle of an article.

    ## Example
    ```
    Le patron d’OpenAI a exprimé des doutes.<br><script>track();</script>
    Lors d’une <b>séance</b> de questions-réponses…</p>
    ```
    Use instead:
    ```
    Le patron d’OpenAI a exprimé des doutes.
    Lors d’une séance de questions-réponses…
    ```

    ## Fix safety
    Unsafe: the fix removes the tags (a line holding only tags goes whole), keeps the text between
    them, turns `<br>` into a line break and block tags between words into a paragraph break, and
    deletes script and style blocks with their content. Text that only looked like markup (a
    discussion of HTML, say) would lose its example.
    """

    code = "ENC003"
    name = "html-markup"
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        tags = scan(doc).tags
        return self._findings(doc, tags) if tags else []

    def _findings(self, doc: Document, tags: list[tuple[int, int, str, bool]]) -> Iterator[Finding]:
        text = doc.text
        runs: list[list[Any]] = []
        for start, end, name, _closing in tags:
            if runs and not text[runs[-1][1] : start].strip():
                runs[-1][1] = end
                runs[-1][2].append(name)
            else:
                runs.append([start, end, [name]])
        for start, end, names in runs:
            yield self.finding(start, end, self._message(text[start:end], names), self._fix(doc, start, end, names))

    @staticmethod
    def _message(original: str, names: list[str]) -> str:
        if names == ["script"] or names == ["style"]:
            return f"Leftover <{names[0]}> block ({len(original)} characters): {_quote(original)}"
        if len(names) == 1:
            what = "HTML comment" if names[0] == "!--" else "HTML tag"
            return f"Leftover {what} {_quote(original)}"
        return f"Leftover HTML markup ({len(names)} tags): {_quote(original)}"

    def _fix(self, doc: Document, start: int, end: int, names: list[str]) -> Fix:
        text = doc.text
        first, last = doc.line_index_at(start), doc.line_index_at(max(end - 1, start))
        if not text[doc.line_starts[first] : start].strip() and not text[end : doc.line_end(last)].strip():
            return self.line_deletion(doc, first, last, "Delete the markup lines", Applicability.UNSAFE)
        if any(name in _PARAGRAPH_TAGS for name in names) or names.count("br") >= 2:
            separator = "\n\n"
        elif any(name in _LINE_TAGS for name in names):
            separator = "\n"
        else:
            separator = ""
        if separator:
            # A break between two words: it replaces the tags and the spaces around them; at a line
            # edge the break is already there.
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            while end < len(text) and text[end] in " \t":
                end += 1
            at_edge = start == 0 or end == len(text) or text[start - 1] in "\r\n" or text[end] in "\r\n"
            return Fix.unsafe("Remove the HTML markup", Edit(start, end, "" if at_edge else separator))
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        glued = not before.isspace() and not after.isspace()
        inline_only = all(name not in ("script", "style", "!--") for name in names)
        space = glued and (not inline_only or any(ch.isspace() for ch in text[start:end]))
        return Fix.unsafe("Remove the HTML markup", Edit(start, end, " " if space else ""))


# -- ENC004 ------------------------------------------------------------------------------------------

_LINE_BREAKING = frozenset("\x0b\x0c\x1c\x1d\x1e\u2028")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")


def _char_name(char: str) -> str:
    names = {
        "\ufeff": "BYTE ORDER MARK",
        "\u00ad": "SOFT HYPHEN",
        "\x1b": "ESCAPE (terminal escape sequence)",
    }
    if char in names:
        return names[char]
    return unicodedata.name(char, "") or f"control character {ord(char):#04x}"


def _legitimate_joiner(text: str, offset: int) -> bool:
    """ZWJ/ZWNJ next to an emoji, a combining mark or a letter of a script that needs joiners
    (Persian, Arabic, Indic…) is part of the writing; between Latin letters or at a word edge it
    is debris."""
    for neighbour in (text[offset - 1] if offset > 0 else "", text[offset + 1] if offset + 1 < len(text) else ""):
        if not neighbour or neighbour in _JOINERS:
            continue
        category = unicodedata.category(neighbour)
        if category[0] == "M" or category in ("So", "Sk"):
            return True
        if category[0] == "L" and not _LATIN.match(neighbour):
            return True
    return False


class InvisibleCharacter(Rule):
    """Invisible characters: control characters, zero-width spaces, soft hyphens, BOMs, bidi controls.

    ## What it does
    Flags characters that do not show but change the text: C0/C1 control characters (not tab,
    line feed or carriage return) and terminal escape sequences, zero-width space U+200B, word
    joiner U+2060, soft hyphen U+00AD, byte order mark U+FEFF (anywhere, also at the start), line
    and paragraph separators U+2028/U+2029, and bidi controls (U+200E/F, U+202A–E, U+2066–9) in
    text without right-to-left script. Zero-width joiners and non-joiners are flagged only between
    Latin letters or at word edges: in emoji sequences (👨‍👩‍👧) and in Persian or Indic words
    they are part of the writing. Consecutive characters are one finding. C1 controls that stand
    for Windows-1252 punctuation ("\\x92" for "’") are mojibake, reported by ENC001.

    ## Why it matters
    Invisible characters split words for search and tokenizers ("Ma\\u200bcron" is not "Macron"),
    defeat deduplication by hash, and can reorder displayed text (bidi controls).

    ## Example
    ```
    \\ufeffEmmanuel Ma\\u200bcron a an\\u00adnoncé…
    ```
    Use instead:
    ```
    Emmanuel Macron a annoncé…
    ```

    ## Fix safety
    Safe: the characters are deleted, which changes nothing visible; a line or paragraph
    separator (U+2028/U+2029, vertical tab, form feed) between two words becomes a line break so
    the words stay apart.
    """

    code = "ENC004"
    name = "invisible-character"
    fix_applicability = Applicability.SAFE
    default_options = {"allow": []}
    options_schema = object_schema(
        {
            "allow": {
                "type": "array",
                "items": {"type": "string", "pattern": "^U\\+[0-9A-Fa-f]{4,6}$"},
                "description": 'Code points ("U+00AD") a corpus uses on purpose, never flagged (soft '
                "hyphens some German publishers author, say).",
            }
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        offsets = scan(doc).invisible
        return self._findings(doc, options, offsets) if offsets else []

    def _findings(self, doc: Document, options: Mapping[str, Any], offsets: list[int]) -> Iterator[Finding]:
        text = doc.text
        allowed = {chr(int(code[2:], 16)) for code in options.get("allow", ())}
        repaired: tuple[Repair, ...] = ()
        if any(text[o] in _C1 or text[o] == "\u00ad" for o in offsets):
            repaired = mojibake_repairs(doc)
        rtl_lines: dict[int, bool] = {}
        runs: list[list[int]] = []
        for offset in offsets:
            char = text[offset]
            if char in allowed:
                continue
            if repaired and any(r.start <= offset < r.end for r in repaired):
                continue  # part of a mojibake segment: ENC001 re-decodes it
            if char in _C1 and char not in _C1_UNDEFINED:
                continue  # Windows-1252 punctuation decoded as Latin-1: ENC001's
            if char in _JOINERS and _legitimate_joiner(text, offset):
                continue
            if char in _BIDI:
                line = doc.line_index_at(offset)
                if line not in rtl_lines:
                    rtl_lines[line] = _RTL.search(doc.line_texts[line]) is not None
                if rtl_lines[line]:
                    continue
            end = offset + 1
            if char == "\x1b":
                ansi = _ANSI.match(text, offset)
                if ansi is not None:
                    end = ansi.end()
            if runs and runs[-1][1] >= offset:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([offset, end])
        for start, end in runs:
            yield self._finding(text, start, end)

    def _finding(self, text: str, start: int, end: int) -> Finding:
        chars = text[start:end]
        distinct = list(dict.fromkeys(c for c in chars if c == "\x1b" or not ("\x20" <= c <= "\x7e")))
        described = ", ".join(f"U+{ord(c):04X} {_char_name(c)}" for c in distinct[:3])
        if len(distinct) > 3:
            described += ", …"
        count = len(chars)
        what = "Invisible character" if count == 1 else f"{count} invisible characters"
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        replacement = ""
        if not before.isspace() and not after.isspace():
            if "\u2029" in chars:
                replacement = "\n\n"
            elif any(c in _LINE_BREAKING for c in chars):
                replacement = "\n"
        description = "Delete the invisible characters" if not replacement else "Replace the separator by a line break"
        return self.finding(start, end, f"{what} ({described})", Fix.safe(description, Edit(start, end, replacement)))


# -- ENC005 ------------------------------------------------------------------------------------------


class ReplacementCharacter(Rule):
    """U+FFFD replacement characters: bytes lost when the text was decoded.

    ## What it does
    Flags every run of U+FFFD REPLACEMENT CHARACTER ("�"), which a decoder writes where it met
    bytes it could not decode.

    ## Why it matters
    The original characters are gone: "Fran�ois", "l�Europe". No fix can bring them back from
    this text; the page has to be fetched or decoded again. That is data loss, hence severity
    error.

    ## Example
    ```
    Le pr�sident fran�ais a annonc� …
    ```
    Use instead (decode the source again):
    ```
    Le président français a annoncé …
    ```

    ## Fix safety
    No fix: guessing the lost letters would invent text.
    """

    code = "ENC005"
    name = "replacement-character"
    severity = Severity.ERROR

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        offsets = scan(doc).replacement
        return self._findings(doc, offsets) if offsets else []

    def _findings(self, doc: Document, offsets: list[int]) -> Iterator[Finding]:
        text = doc.text
        runs: list[list[int]] = []
        for offset in offsets:
            if runs and runs[-1][1] == offset:
                runs[-1][1] += 1
            else:
                runs.append([offset, offset + 1])
        for start, end in runs:
            context_start, context_end = max(start - 12, 0), min(end + 12, len(text))
            context = text[context_start:context_end].replace("\n", " ").strip()
            count = end - start
            yield self.finding(
                start,
                end,
                f"{'Replacement character' if count == 1 else f'{count} replacement characters'} U+FFFD: "
                f"text lost in decoding ({_quote(context)})",
            )


RULES: list[type[Rule]] = [Mojibake, HtmlEntity, HtmlMarkup, InvisibleCharacter, ReplacementCharacter]
