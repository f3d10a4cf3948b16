"""SRC: does the text say where it comes from?

Both rules read one shared analysis (:func:`sources`): the attribution lines ("Source : …", "Via …",
"Article en référence : …", "Originally published on …", per-language tables in
``data/src/<lang>.toml``), wire credits ("(AFP)", "WASHINGTON (Reuters) -", "avec AFP") and URLs
anywhere in the text. A source mentioned inside a sentence ("rapporté par CNBC", "selon l'AFP, le
bilan…") is not an attribution: only attribution lines, wire credits and URLs count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import regex

from newslint import Document, Finding, Rule, Severity
from newslint.document import byte_line_indexes
from newslint.rule import integer_option, object_schema

from ._data import family_tables, pattern, trie_pattern

FAMILY = "src"

# A URL body once its start ("http://", "https://", "www.") is found with str.find.
_URL_BODY = re.compile(r"[^\s<>\"'«»\[\]{}|\\^`]+")
_URL_TRAILING = ".,;:!?)’”"
_VALUE_STRIP = " \t\u00a0:.-–—*_•·>"
_LABEL_PREFIX = r"[ \t*_>•·–—-]*"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source the text names: an attribution line, a wire credit, or a URL."""

    kind: str  # "line", "wire" or "url"
    strong: bool  # names a findable article (a URL, a wire credit)
    start: int
    end: int
    value: str  # the source as written (the URL, the name after the label, the credit)
    weak_reason: str = ""  # "media" (only an image / media link) or "bare" (a name, no URL)


@cache
def _label_pattern() -> regex.Pattern[str] | None:
    return pattern(FAMILY, "missing-source", flags=regex.MULTILINE)


@cache
def _wire_pattern() -> re.Pattern[str] | regex.Pattern[str] | None:
    return _stdlib_wire() or pattern(FAMILY, "missing-source", key="wire", flags=regex.MULTILINE)


# regex's \h (horizontal white space), spelled out for the standard `re` engine.
_H = "[\t \xa0\u1680\u2000-\u200a\u202f\u205f\u3000]"


@cache
def _stdlib_wire() -> re.Pattern[str] | None:
    """The wire patterns compiled with `re` (several times faster than `regex` on the lines the
    triggers select) when they use nothing but the syntax both engines read alike; else None."""
    sources = _stdlib_wire_sources()
    if sources is None:
        return None
    try:
        return re.compile("|".join(f"(?:{source})" for source in sources).replace("\\h", _H), _WIRE_FLAGS)
    except re.error:
        return None


_WIRE_FLAGS = re.IGNORECASE | re.MULTILINE


@cache
def _stdlib_wire_sources() -> list[str] | None:
    """The wire patterns if they use nothing but the syntax `re` and `regex` read alike, else None."""
    sources = [source for tables in family_tables(FAMILY).values() for source in _table(tables).get("wire", ())]
    if not sources:
        return None
    body = "|".join(f"(?:{source})" for source in sources)
    if any(marker in body for marker in ("\\p", "\\P", "\\X", "\\N", "[[", "--", "&&", "||", "~~", "(?V", "(?|")):
        return None
    # regex folds case fully ("ß" matches "ss", "ﬁ" matches "fi"), re does not: only patterns
    # without such letter pairs outside their case-sensitive (?-i:…) parts are the same in both.
    folded = re.sub(r"\(\?-i:[^()]*\)", "", body).casefold()
    if any(pair in folded for pair in ("ss", "st", "ff", "fi", "fl", "ʼn", "ǰ", "ẖ", "ẗ", "ẘ", "ẙ", "ẚ")):
        return None
    return sources


@cache
def _stdlib_wire_parts() -> tuple[re.Pattern[str], ...] | None:
    """:func:`_stdlib_wire`'s patterns compiled one by one, in the same order, or None. (The
    union is then never compiled: `re` takes longer to compile these case-blind patterns than
    a short text to lint.)"""
    sources = _stdlib_wire_sources()
    if sources is None or any(re.search(r"\\[1-9]|\(\?P=", source) for source in sources):
        return None  # a numbered back-reference names another group once the union is split
    try:
        return tuple(re.compile(f"(?:{source})".replace("\\h", _H), _WIRE_FLAGS) for source in sources)
    except re.error:
        return None


@cache
def _weak_pattern() -> regex.Pattern[str] | None:
    return pattern(FAMILY, "weak-source")


def _words(key: str) -> list[str]:
    words: dict[str, None] = {}
    for tables in family_tables(FAMILY).values():
        for word in tables.get("missing-source", {}).get(key, ()):
            words.setdefault(word, None)
    return list(words)


def _trie(words: list[str], any_case: bool) -> str:
    """The words as one trie pattern; either apostrophe matches; ``any_case`` also matches the
    upper-case form of each letter."""

    def atom(char: str) -> str:
        if char in "'’":
            return "['’]"
        if any_case and char.lower() != char.upper():
            return f"[{re.escape(char)}{re.escape(char.upper())}]"
        return re.escape(char)

    return trie_pattern((word.lower() for word in words) if any_case else words, atom)


@cache
def _label_triggers() -> re.Pattern[str] | None:
    """Line starts that may be attribution labels: a newline, bullets, a label's first word."""
    words = _words("keywords")
    return re.compile(rf"\n{_LABEL_PREFIX}{_trie(words, True)}") if words else None


def _byte_atom(char: str) -> bytes:
    """``char`` as it stands in ``Document.lowered_bytes`` (ASCII letters lower-cased), in any case."""
    if char in "'’":
        return b"(?:'|\xe2\x80\x99)"
    if char.isascii():
        return re.escape(char.lower().encode())
    forms = sorted({re.escape(form.encode("utf-8")) for form in (char, char.upper()) if len(form) == 1})
    return forms[0] if len(forms) == 1 else b"(?:" + b"|".join(forms) + b")"


@cache
def _label_byte_triggers() -> re.Pattern[bytes] | None:
    """:func:`_label_triggers` as a bytes pattern on ``Document.lowered_bytes``: a line break, the label
    prefix, then a keyword. Same lines, several times faster (the case-blind ``[sS]`` branches of
    the text pattern defeat the engine's quick reject; lower-cased bytes need none)."""
    words = _words("keywords")
    if not words or any(len(char.upper()) != 1 for word in words for char in word):
        return None
    if all(word[:1].isascii() and word[:1].isalpha() for word in words):
        # Keywords start with a letter, which no prefix character is: the prefix may be taken
        # possessively (no backtracking into it), the one-byte characters in a tight loop, and
        # the keywords as a trie. The same line starts, several times faster.
        prefix = b"[ \t*_>-]*+(?:(?:\xe2\x80[\xa2\x93\x94]|\xc2\xb7)[ \t*_>-]*+)*+"
        return re.compile(b"\n" + prefix + b"(?:" + _byte_trie(words) + b")")
    prefix = b"(?:[ \t*_>-]|\xe2\x80[\xa2\x93\x94]|\xc2\xb7)*"
    body = b"|".join(b"".join(_byte_atom(char) for char in word.lower()) for word in sorted(set(words)))
    return re.compile(b"\n" + prefix + b"(?:" + body + b")")


def _byte_trie(words: list[str]) -> bytes:
    """The lower-cased ``words`` as one bytes trie of :func:`_byte_atom` atoms."""
    return trie_pattern((word.lower() for word in words), _byte_atom)


# The characters of _H, for str.rstrip.
_H_CHARS = "\t \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"


# _H in UTF-8 bytes.
_H_BYTES = b"(?:[\t ]|\xc2\xa0|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xaf]|\xe2\x81\x9f|\xe3\x80\x80)"


class _LowerNeed(NamedTuple):
    """A ``lower:`` need: a string in the line's UTF-8 with ASCII letters lower-cased."""

    listed: str  # as the data lists it ("lower:avec\\h")
    stem: bytes  # the part before any \h
    whole: re.Pattern[bytes] | None  # the whole, or None when it is the stem alone


@dataclass(frozen=True, slots=True)
class _WireNeeds:
    """What a line a wire pattern matches must contain (``wire-needs`` in the data): a line with
    none of it is not searched, which spares the (slow) full search on most keyword lines."""

    texts: tuple[str, ...]  # strings as written
    texts_pattern: re.Pattern[str] | None  # ``texts`` as one alternation
    ends: tuple[str, ...]  # at the end of the line, before horizontal white space
    lowers: tuple[_LowerNeed, ...]

    def may_match(self, line: str) -> bool:
        return bool(self.met(line))

    def met(self, line: str) -> list[str]:
        """The needs, as the data lists them ("text:(AFP)", "lower:avec\\h"…), that ``line`` meets."""
        met = []
        if self.texts_pattern is not None and self.texts_pattern.search(line) is not None:
            met += [f"text:{text}" for text in self.texts if text in line]
        if self.ends:
            stripped = line.rstrip(_H_CHARS)
            if stripped.endswith(self.ends):
                met += [f"end:{end}" for end in self.ends if stripped.endswith(end)]
        if self.lowers:
            lowered = line.encode("utf-8", "surrogatepass").lower()
            met += [
                listed
                for listed, stem, whole in self.lowers
                if lowered.find(stem) >= 0 and (whole is None or whole.search(lowered) is not None)
            ]
        return met


def _table(tables: Mapping[str, Any]) -> Mapping[str, Any]:
    return tables.get("missing-source", {})


def _wire_need_lists() -> list[list[str]] | None:
    """Each wire pattern's ``wire-needs``, in the order of :func:`_stdlib_wire`'s union, or None
    unless every pattern has its list."""
    need_lists = []
    for tables in family_tables(FAMILY).values():
        wire, lists = _table(tables).get("wire", ()), _table(tables).get("wire-needs", ())
        if len(lists) != len(wire) or not all(lists):
            return None
        need_lists.extend(lists)
    return need_lists


@cache
def _wire_needs() -> _WireNeeds | None:
    """The wire patterns' ``wire-needs``, or None (search every keyword line) unless every pattern
    has its list and the patterns run on `re`, whose case-blind letters the lists spell out."""
    lists = _wire_need_lists() if _stdlib_wire_sources() is not None else None
    if lists is None:
        return None
    needs: dict[str, dict[str, None]] = {"text": {}, "end": {}, "lower": {}}
    for need in (need for listed in lists for need in listed):
        kind, _, literal = need.partition(":")
        if kind not in needs or not literal:
            return None
        needs[kind][literal] = None
    texts = tuple(needs["text"])
    lowers = []
    for literal in needs["lower"]:
        parts = [re.escape(part.encode("utf-8").lower()) for part in literal.split("\\h")]
        whole = re.compile(_H_BYTES.join(parts)) if len(parts) > 1 else None
        lowers.append(_LowerNeed(f"lower:{literal}", literal.split("\\h")[0].encode("utf-8").lower(), whole))
    texts_pattern = re.compile("|".join(map(re.escape, texts))) if texts else None
    return _WireNeeds(texts, texts_pattern, tuple(needs["end"]), tuple(lowers))


@dataclass(frozen=True, slots=True)
class _WireSearch:
    """The wire credit search on one line: the patterns (or their union), each tried only if the
    line meets one of its needs."""

    patterns: tuple[re.Pattern[str] | regex.Pattern[str], ...]
    listed_needs: tuple[frozenset[str] | None, ...]  # each pattern's (None: no test)
    needs: _WireNeeds | None  # all of them (None: every line is searched)

    def first_match(self, text: str, start: int, end: int) -> re.Match[str] | regex.Match[str] | None:
        """The match the union of the patterns finds in ``text[start:end]``: the leftmost, of the
        earliest pattern among those that match there."""
        met = None
        if self.needs is not None:
            met = self.needs.met(text[start:end])
            if not met:
                return None
        first = None
        for wire, listed in zip(self.patterns, self.listed_needs, strict=True):
            if listed is None or met is None or not listed.isdisjoint(met):
                match = wire.search(text, start, end)
                if match is not None and (first is None or match.start() < first.start()):
                    first = match
        return first


@cache
def _wire_search() -> _WireSearch | None:
    """The patterns one by one with their own needs: a line meets one pattern's needs ("avec ",
    "(AFP)") far more often than several, and the patterns led by ``\\b``, which `re` tries at
    every character, are slow on the long lines of glued pages. Else their union."""
    needs, parts, lists = _wire_needs(), _stdlib_wire_parts(), _wire_need_lists()
    if needs is not None and parts is not None and lists is not None:
        return _WireSearch(parts, tuple(map(frozenset, lists)), needs)
    union = _wire_pattern()
    if union is None:
        return None
    return _WireSearch((union,), (None,), needs if union is _stdlib_wire() else None)


# Stands for every first character of the keywords in :class:`_WireTriggers`' marked bytes.
_LEAD_MARK = b"\x00"


@dataclass(frozen=True, slots=True)
class _WireTriggers:
    """The lines with a wire keyword. The keywords as one pattern would be led by a character
    class, which `re` tests at every character (~15 times the cost of a literal). So they are
    found in the text encoded one byte per character (Latin-1, "?" for the other characters),
    where one `bytes.translate` turns the first character of every keyword into the same mark:
    the keywords, marked alike, become a pattern led by that one literal. The mark makes
    "Beuters" look like "Reuters": each hit is confirmed on the text. Keywords that start with
    a lower-case letter ("dpa", "gences"): running text is full of their first letter, they are
    found one by one with str.find."""

    keywords: tuple[str, ...]  # the keywords of the marked scan, each apostrophe spelling
    marks: bytes  # translate table: the first bytes of the encoded ``keywords`` to _LEAD_MARK
    marked: re.Pattern[bytes] | None  # ``keywords``, encoded and marked
    words: tuple[str, ...]  # found with str.find

    def line_starts(self, text: str, latin1: bytes | None = None) -> list[int]:
        """The start offsets of the lines with a keyword, in text order (``latin1``: the text's
        ``Document.latin1_bytes``, when known)."""
        starts = self._word_line_starts(text)
        if self.marked is not None:
            starts += self._keyword_line_starts(self.marked, text, latin1)
        return sorted(set(starts)) if len(starts) > 1 else starts

    def _keyword_line_starts(
        self, marked_keywords: re.Pattern[bytes], text: str, latin1: bytes | None = None
    ) -> list[int]:
        # One byte per character: offsets in the bytes are offsets in the text.
        if latin1 is None:
            latin1 = text.encode("latin-1", "replace")
        marked = latin1.translate(self.marks)
        search, keywords = marked_keywords.search, self.keywords
        starts = []
        hit = search(marked)
        while hit is not None:
            position = hit.start()
            if text.startswith(keywords, position):
                line_start, line_end = _line_bounds(text, position)
                starts.append(line_start)
                hit = search(marked, line_end)  # one keyword is enough for a line
            else:
                hit = search(marked, position + 1)  # a keyword may start inside a false hit
        return starts

    def _word_line_starts(self, text: str) -> list[int]:
        starts = []
        for word in self.words:
            position = text.find(word)
            while position != -1:
                line_start, line_end = _line_bounds(text, position)
                starts.append(line_start)
                position = text.find(word, line_end)  # one hit is enough for a line
        return starts


def _apostrophe_spellings(word: str) -> list[str]:
    """``word`` with each apostrophe written either way, as the trie's atom matches it."""
    spellings = [""]
    for char in word:
        forms = "'’" if char in "'’" else char
        spellings = [spelling + form for spelling in spellings for form in forms]
    return spellings


@cache
def _wire_triggers() -> _WireTriggers | None:
    words = _words("wire-keywords")
    if not words:
        return None
    by_find = tuple(w for w in words if w[:1].islower() and w[:1].isascii() and not any(c in w for c in "'’"))
    keywords = tuple(spelling for w in words if w not in by_find for spelling in _apostrophe_spellings(w))
    leads = bytes(sorted({word.encode("latin-1", "replace")[0] for word in keywords}))
    marks = bytes.maketrans(leads, _LEAD_MARK * len(leads))
    # A trie of the marked keywords, built as text (one character per byte) and turned into bytes.
    as_text = [word.encode("latin-1", "replace").translate(marks).decode("latin-1") for word in keywords]
    marked = re.compile(trie_pattern(as_text, re.escape).encode("latin-1")) if as_text else None
    return _WireTriggers(keywords, marks, marked, by_find)


def urls_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, url)`` of the http(s) and www. URLs in ``text[start:end]``.

    Found with ``str.find`` (the fastest scan Python has), then extended with one regex."""
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    position = text.find("://", start, end)
    while position != -1:
        head = text[max(position - 5, start) : position].lower()
        begin = position - 5 if head == "https" else position - 4 if head.endswith("http") else -1
        match = _URL_BODY.match(text, position + 3, end)
        if begin >= 0 and match is not None:
            url = text[begin : match.end()].rstrip(_URL_TRAILING)
            if "." in url:
                found.append((begin, begin + len(url), url))
        position = text.find("://", position + 3, end)
    position = text.find("www.", start, end)
    while position != -1:
        before = text[position - 1] if position > start else " "
        if not (before.isalnum() or before in "@./_-") and not any(s <= position < e for s, e, _ in found):
            match = _URL_BODY.match(text, position, end)
            url = match.group(0).rstrip(_URL_TRAILING) if match else ""
            if url.count(".") >= 2:
                found.append((position, position + len(url), url))
        position = text.find("www.", position + 4, end)
    found.sort()
    return found


def _first_article_url(text: str) -> tuple[int, int, str] | None:
    """The first URL of :func:`urls_in` that is not a media link, found without listing the URLs
    after it (pages with hundreds of links are common in scraped text)."""
    end = len(text)
    spans: list[tuple[int, int]] = []
    first = None
    position = text.find("://")
    while position != -1:
        head = text[max(position - 5, 0) : position].lower()
        begin = position - 5 if head == "https" else position - 4 if head.endswith("http") else -1
        match = _URL_BODY.match(text, position + 3, end)
        if begin >= 0 and match is not None:
            url = text[begin : match.end()].rstrip(_URL_TRAILING)
            if "." in url:
                spans.append((begin, begin + len(url)))
                if not is_media_link(url):
                    first = (begin, begin + len(url), url)
                    break
        position = text.find("://", position + 3)
    limit = first[0] if first is not None else end
    position = text.find("www.", 0, limit)
    while position != -1:
        before = text[position - 1] if position > 0 else " "
        if not (before.isalnum() or before in "@./_-") and not any(s <= position < e for s, e in spans):
            match = _URL_BODY.match(text, position, end)
            url = match.group(0).rstrip(_URL_TRAILING) if match else ""
            if url.count(".") >= 2 and not is_media_link(url):
                return position, position + len(url), url
        position = text.find("www.", position + 4, limit)
    return first


def is_media_link(url: str) -> bool:
    """An image, a video file or a social-media media link: what a page shows, not what it cites."""
    weak = _weak_pattern()
    if weak is None:
        return False
    normalized = url if "://" in url else "http://" + url
    return weak.search(normalized) is not None


def sources(doc: Document, max_line_length: int) -> tuple[Attribution, ...]:
    """The attributions SRC001 and SRC002 judge (shared view).

    A strong source (an article URL anywhere, a wire credit) settles the question, so the
    analysis stops at the first one: cheapest scan first (URLs), then wire credits, then the
    attribution lines, which are all returned."""
    key, compute = _sources_view(max_line_length)
    return doc.view(key, compute)


@cache
def _sources_view(max_line_length: int) -> tuple[tuple[str, int], Callable[[Document], tuple[Attribution, ...]]]:
    """The view's key and function, made once: both rules ask for the view on every document, and
    the same key object is found in the views by identity."""
    return ("src.sources", max_line_length), lambda doc: _compute_sources(doc, max_line_length)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    """The line holding ``offset``, up to its "\n": unlike ``document.line_bounds``, a CRLF line
    keeps its "\r"."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


# What every URL of :func:`urls_in` contains, as found in ``Document.lowered_bytes`` (which also holds
# "WWW.", a superset): a bytes search runs at memory speed, str.find on most texts does not.
_URL_MARKS = (b"://", b"www.")


def _may_have_url(lowered: bytes) -> bool:
    """Whether ``lowered`` (``Document.lowered_bytes``) holds one of the :data:`_URL_MARKS`."""
    # ``bytes.find``, not ``in``: ``in`` first tries its operand as an integer and builds a
    # TypeError to learn that it is not one. A one-byte ``find`` runs as ``memchr``, several
    # times faster than the three-byte search: "://" cannot start before the first "/" but one,
    # and many texts have no "/" at all.
    slash = lowered.find(b"/")
    return (slash > 0 and lowered.find(_URL_MARKS[0], slash - 1) >= 0) or lowered.find(_URL_MARKS[1]) >= 0


def _hit_starts(pattern: re.Pattern[bytes], lowered: bytes, first: re.Match[bytes] | None = None) -> list[int]:
    """The start of every match of ``pattern`` in ``lowered``, as ``finditer`` finds them
    (``first``: the first match, when already searched)."""
    if first is None:
        first = pattern.search(lowered)  # most texts have none: no iterator, no list to build
    if first is None:
        return []
    return [first.start(), *[hit.start() for hit in pattern.finditer(lowered, first.end())]]


def wire_credit(text: str, latin1: bytes | None = None) -> re.Match[str] | regex.Match[str] | None:
    """The first wire credit ("(AFP)", "avec Reuters") on a line with a wire keyword, or None
    (``latin1``: the text's ``Document.latin1_bytes``, when known)."""
    wire, triggers = _wire_search(), _wire_triggers()
    if wire is None or triggers is None:
        return None
    for line_start in triggers.line_starts(text, latin1):
        line_end = _line_bounds(text, line_start)[1]  # a CRLF line keeps its "\r"
        match = wire.first_match(text, line_start, line_end)
        if match is not None:
            return match
    return None


def _compute_sources(doc: Document, max_line_length: int) -> tuple[Attribution, ...]:
    text = doc.text
    lowered = doc.lowered_bytes
    article_url = _first_article_url(text) if _may_have_url(lowered) else None
    if article_url is not None:
        start, end, url = article_url
        return (Attribution("url", True, start, end, url),)
    match = wire_credit(text, doc.latin1_bytes)
    if match is not None:
        return (Attribution("wire", True, match.start(), match.end(), match.group(0).strip()),)
    byte_triggers = _label_byte_triggers()
    first_hit = None if byte_triggers is None else byte_triggers.search(lowered)
    if byte_triggers is not None and first_hit is None:
        return ()  # most texts: no line starts like a label
    found: list[Attribution] = []
    labels, triggers = _label_pattern(), _label_triggers()
    if labels is None or triggers is None:
        return ()
    if byte_triggers is not None:
        # The lines the text pattern picks, found on the family's lower-cased bytes (the first
        # line has the view's leading line break before it).
        hits = _hit_starts(byte_triggers, lowered, first_hit)
        line_starts = doc.line_starts
        starts = [line_starts[index] for index in byte_line_indexes(lowered, hits)]
    else:
        first_line = triggers.match("\n" + text[:200])  # the first line has no newline before it
        starts = ([0] if first_line is not None else []) + [hit.start() + 1 for hit in triggers.finditer(text)]
    for line_start in starts:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        match = labels.match(text, line_start, line_end)
        if match is None:
            continue
        attribution = _attribution_line(doc, doc.line_index_at(line_start), match.end(), max_line_length)
        if attribution is not None:
            found.append(attribution)
    return tuple(found)


def _attribution_line(doc: Document, index: int, value_start: int, max_line_length: int) -> Attribution | None:
    line = doc.line_at(index)
    if len(line.text) > max_line_length:
        return None  # a paragraph that starts with "Source:" is running text
    value = doc.text[value_start : line.end].strip(_VALUE_STRIP)
    end = line.end
    if not value:
        # "Source :" / "Via" alone on its line: the source is the next line
        following = index + 1
        if following >= len(doc.line_texts) or not doc.stripped_lines[following]:
            return None
        next_line = doc.line_at(following)
        if len(next_line.text) > max_line_length // 2:
            return None
        value = next_line.text.strip(_VALUE_STRIP)
        end = next_line.end
        if not value:
            return None
    links = [url for _, _, url in urls_in(value)]
    if any(not is_media_link(url) for url in links):
        return Attribution("line", True, line.start, end, value)
    return Attribution("line", False, line.start, end, value, "media" if links else "bare")


def _quote(text: str, width: int = 60) -> str:
    return f"“{text}”" if len(text) <= width else f"“{text[: width - 1].rstrip()}…”"


_LINE_LENGTH_OPTION = integer_option(
    'Longer lines that start like an attribution ("Source: …") are running text, not a source line.', minimum=20
)

_EXAMPLES = {
    "fr": "Source : Le Monde, https://…",
    "en": "Source: The Guardian, https://…",
    "de": "Quelle: Der Spiegel, https://…",
    "es": "Fuente: El País, https://…",
    "it": "Fonte: la Repubblica, https://…",
    "pt": "Fonte: Público, https://…",
}


class MissingSource(Rule):
    """The text names no source: no attribution line, wire credit or article URL.

    ## What it does
    Flags a text that says nowhere where it comes from: no attribution line ("Source :",
    "Sources :", "Via", "Article en référence", "D'après Le Monde", "Originally published on",
    "Quelle:", "Fuente:", "Fonte:"…), no wire credit ("(AFP)", "WASHINGTON (Reuters) -",
    "avec AFP", "— AP", "Reporting by …") and no URL (other than image or media links) anywhere.
    A source named inside a sentence ("a déclaré Altman lors d'un point presse rapporté par CNBC")
    is not an attribution and does not count. The finding is about the whole document: its span is
    empty, at offset 0, so no line is marked as wrong. Severity info: much original reporting
    legitimately has no source line, and article extractors often drop it; the finding is a hint
    for curating rewritten or aggregated news, not an error.

    ## Why it matters
    Rewritten and aggregated news without a source cannot be checked against the original, and a
    corpus cannot be deduplicated against it or licensed by it.

    ## Example
    ```
    Sam Altman a révélé que la décision d’OpenAI… a déclaré Altman lors d’un point presse
    rapporté par CNBC.
    ```
    Use instead:
    ```
    Sam Altman a révélé que la décision d’OpenAI… a déclaré Altman lors d’un point presse
    rapporté par CNBC.

    Source : CNBC, https://www.cnbc.com/…
    ```

    ## Fix safety
    No fix: only the publisher knows the source.
    """

    code = "SRC001"
    name = "missing-source"
    severity = Severity.INFO
    default_options = {"max-line-length": 200, "min-characters": 0}
    options_schema = object_schema(
        {
            "max-line-length": _LINE_LENGTH_OPTION,
            "min-characters": integer_option(
                "Texts shorter than this (snippets, empty records) are not checked.", minimum=0
            ),
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        text = doc.text
        if not text or text.isspace() or len(text) < options["min-characters"]:
            return []
        if sources(doc, options["max-line-length"]):
            return []
        # The record's language, or the guess if another rule already made it: guessing only for a
        # message would cost more than this whole rule.
        language = doc.meta.get("lang") or doc.known_language or "fr"
        example = _EXAMPLES.get(language, _EXAMPLES["fr"])
        return [
            self.finding(
                0,
                0,
                f"No source named: no attribution line, wire credit or article URL; add a line such as `{example}`",
            )
        ]


class WeakSource(Rule):
    """The only source is an image or media link, or a bare name without a URL.

    ## What it does
    Flags the attribution line when the text's only source is weak: a link to an image or a
    social-media media file ("Article en référence: https://i.redd.it/….jpeg": image extensions,
    i.redd.it, pbs.twimg.com, i.imgur.com, Instagram and TikTok media links…) or a name without a
    link ("Source : Techcrunch"). Nothing is flagged when the text also has a real source: an
    article URL anywhere or a wire credit ("(AFP)", "avec Reuters"). The span is the source line
    (and the next line when the label stands alone: "Via" / "The Verge").

    ## Why it matters
    An image is not the article it illustrates, and "Source : Techcrunch" names a site of
    thousands of articles: neither lets a reader or a curator find and check the original.

    ## Example
    ```
    Source : Techcrunch
    ```
    Use instead:
    ```
    Source : TechCrunch, https://techcrunch.com/2025/…
    ```

    ## Fix safety
    No fix: only the publisher knows which article was the source.
    """

    code = "SRC002"
    name = "weak-source"
    severity = Severity.INFO
    default_options = {"max-line-length": 200}
    options_schema = object_schema({"max-line-length": _LINE_LENGTH_OPTION})

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        found = sources(doc, options["max-line-length"])
        if not found or any(attribution.strong for attribution in found):
            return []
        return [self.finding(attribution.start, attribution.end, _weak_message(attribution)) for attribution in found]


def _weak_message(attribution: Attribution) -> str:
    if attribution.weak_reason == "media":
        return (
            f"The only source is a media link ({_quote(attribution.value)}), not an article: "
            "cite the article it comes from"
        )
    return f"The source {_quote(attribution.value)} has no link to the article: add its URL"


RULES: list[type[Rule]] = [MissingSource, WeakSource]
