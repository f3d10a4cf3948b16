"""BP: boilerplate that page templates add around an article."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule
from newslint.document import byte_line_indexes, line_bounds, removal_span
from newslint.memo import LineMemo
from newslint.rule import integer_option, object_schema

from ._data import family_tables, fold, pattern, phrases

FAMILY = "bp"


@cache
def _redirect_gate() -> tuple[bytes, ...]:
    """The ``gate`` words of every language as lower-case UTF-8 (searched in ``Document.lowered_bytes``),
    minus the words that contain another gate word (any text holding them holds the shorter one)."""
    words = set()
    for word in phrases(FAMILY, "redirect-notice", "gate"):
        # bytes.lower leaves non-ASCII letters alone: look for their capitalised forms too.
        words |= {word, word.capitalize(), word.upper()} if not word.isascii() else {word}
    encoded = {word.encode("utf-8") for word in words if word}
    return tuple(sorted(word for word in encoded if not any(other in word for other in encoded if other != word)))


def _gate_offsets(lowered: bytes, words: tuple[bytes, ...]) -> list[int]:
    """Where any of ``words`` occurs (``bytes.find`` runs at memory speed, unlike a case-blind regex)."""
    offsets = []
    for word in words:
        at = lowered.find(word)
        while at != -1:
            offsets.append(at)
            at = lowered.find(word, at + 1)
    return sorted(offsets)


class RedirectNotice(Rule):
    """A redirect notice ("Redirection en cours…", "You are being redirected") in the text.

    ## What it does
    Flags the lines a scraper captured from a redirect page or interstitial: "Redirection en
    cours…", "Si vous n'êtes pas redirigé automatiquement, cliquez ici", "You are being
    redirected", "If you are not redirected automatically, click here", and their German, Spanish,
    Italian and Portuguese equivalents. Consecutive notice lines (blank lines between them
    allowed) are one finding.

    ## Why it matters
    The notice is not article text. In a training corpus it teaches a model to end articles with
    "click here"; in an archive it shows the page was caught mid-redirect, so the text may be
    incomplete.

    ## Example
    ```
    …tout en maintenant le statu quo lucratif le plus longtemps possible.

    Redirection en cours...

    Si vous n'êtes pas redirigé automatiquement, 👉 cliquez ici 👈
    ```
    Use instead:
    ```
    …tout en maintenant le statu quo lucratif le plus longtemps possible.
    ```

    ## Fix safety
    Safe: the fix deletes only the notice lines (and the blank lines around them), which carry no
    article content.
    """

    code = "BP001"
    name = "redirect-notice"
    fix_applicability = Applicability.SAFE
    default_options = {"max-line-length": 200}
    options_schema = object_schema(
        {
            "max-line-length": integer_option(
                "Longer lines are article text that mentions a redirect, not a notice.", minimum=10
            )
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        # A list, not a generator: 9 documents of 649 hold a redirect word.
        gate = _redirect_gate()
        if not gate:
            return []
        offsets = _gate_offsets(doc.lowered_bytes, gate)
        if not offsets:
            return []
        # The full pattern runs only on the short lines that hold a redirect word.
        compiled = pattern(FAMILY, self.name, flags=regex.MULTILINE)
        hits: list[int] = []
        tested = -1
        for index in byte_line_indexes(doc.lowered_bytes, offsets):
            if index == tested or compiled is None:
                continue
            tested = index
            text = doc.line_texts[index]
            if len(text) <= options["max-line-length"] and compiled.search(text):
                hits.append(index)
        findings = []
        for first, last in doc.line_runs(hits):
            start, end = doc.line_starts[first], doc.line_end(last)
            count = doc.count_content_lines(first, last + 1)
            findings.append(
                self.finding(
                    start,
                    end,
                    f"Redirect notice left by the scraper ({count} line{'s' if count > 1 else ''})",
                    self.line_deletion(doc, first, last, "Delete the redirect notice", Applicability.SAFE),
                )
            )
        return findings


# -- BP002-BP006: whole-line widgets ----------------------------------------------------------------
#
# The five widget rules share ONE scan of the text (a Document view). A trie-shaped regex of the
# first characters of every phrase and pattern finds the few lines that could be widgets: it runs
# on the ASCII-lower-cased UTF-8 bytes of the text (``Document.lowered_bytes``) and is
# anchored on the line break, so the regex engine only tries it at line starts. Only those lines
# are folded and classified (folded phrase -> dict lookup, then the folded-line patterns, then the
# raw "Label: title" teaser patterns, then the share-label segmentation).

# The rules of the scan, in the order a line is given to the first that claims it.
WIDGET_RULES = (
    "related-content",
    "comments-widget",
    "share-widget",
    "subscription-prompt",
    "cookie-consent",
    "legal-footer",
    "ad-label",
    "skip-link",
)
# A line starting with this sign is a copyright notice when its folded text, read as "copyright …",
# matches a legal-footer pattern (fold drops the sign itself).
COPYRIGHT_SIGN = "©"
# Lines longer than this are never scanned; a rule option above it gets a view of its own.
VIEW_MAX_LENGTH = 400
_APOSTROPHE_CLASS = "['’ʼ‘`´]"
_LEADING_JUNK = regex.compile(r"^[^\p{L}\p{N}]+")
MAIN, COMPANION, NETWORK = "main", "companion", "network"


def _group_end(source: str, start: int) -> int:
    """Index of the parenthesis closing the group opened at ``source[start]``."""
    depth, index = 0, start
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(source, index)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"unbalanced pattern {source!r}")


def _class_end(source: str, start: int) -> int:
    """Index of the "]" closing the character class opened at ``source[start]`` (a "]" first in
    the class, after an optional "^", is a member, as ``re`` reads it)."""
    index = start + 2 if source.startswith("[^", start) else start + 1
    index += 1
    while source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index


def _split_alternatives(inner: str) -> list[str]:
    """The top-level alternatives of ``inner``: a "|" or a parenthesis inside a character class
    (``[:|–]``, ``[(]``) is a member of the class, not an alternation or a group."""
    parts, depth, current, index = [], 0, [], 0
    while index < len(inner):
        char = inner[index]
        if char == "\\":
            current.append(inner[index : index + 2])
            index += 2
            continue
        if char == "[":
            end = _class_end(inner, index)
            current.append(inner[index : end + 1])
            index = end + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            index += 1
            continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


DIGITS = "\x00"  # in a head: one or more digits
_LITERAL_CHAR = regex.compile(r"[\p{L}\p{N}' -]")
_MAX_HEADS = 256


def _expand(source: str, limit: int = 1 << 30) -> list[tuple[str, bool]]:
    """The literal prefixes a pattern can start with, as ``(prefix, complete)`` pairs.

    ``complete`` is False once something non-literal stopped the prefix (a class, ``.``, a
    quantified character, a lookaround): such a prefix is not extended by what follows. Prefixes
    stop growing at ``limit`` characters (and are then not complete either).
    """
    results: list[tuple[str, bool]] = [("", True)]
    index = 0
    while index < len(source) and any(complete and len(prefix) < limit for prefix, complete in results):
        char = source[index]
        quantifier = ""
        if char == "^" or source.startswith(r"\b", index):
            index += 1 if char == "^" else 2
            continue
        if source.startswith("(?:", index):
            end = _group_end(source, index)
            quantifier = source[end + 1 : end + 2]
            options: list[tuple[str, bool]] = []
            for alternative in _split_alternatives(source[index + 3 : end]):
                options.extend(_expand(alternative, limit))
            index = end + 1
            if quantifier == "?":
                options.append(("", True))
                index += 1
            elif quantifier in ("*", "+", "{"):  # repeated: the prefix stops after one round
                optional = quantifier == "*" or source.startswith(("{0,", "{,"), end + 1)
                options = [(option, False) for option, _ in options] + ([("", False)] if optional else [])
                index = source.index("}", end) + 1 if quantifier == "{" else index + 1
        elif source.startswith(r"\d", index):
            quantifier = source[index + 2 : index + 3]
            options = [(DIGITS, quantifier in ("+", "{"))] if quantifier not in ("?", "*") else [("", False)]
            index += 2
            if quantifier == "+":
                index += 1
            elif quantifier == "{":
                index = source.index("}", index) + 1
        elif _LITERAL_CHAR.match(char):
            quantifier = source[index + 1 : index + 2]
            options = [("", False)] if quantifier in ("?", "*", "{") else [(char, quantifier != "+")]
            index += 1
        else:
            options = [("", False)]
        extended = []
        for prefix, complete in results:
            if not complete or len(prefix) >= limit:
                extended.append((prefix, False))
                continue
            for option, option_complete in options:
                extended.append((prefix + option, option_complete))
        if len(extended) > _MAX_HEADS:  # too many branches: stop here
            return [(prefix, False) for prefix, _ in results]
        results = extended
    return [(prefix, complete and len(prefix) < limit) for prefix, complete in results]


def pattern_heads(source: str, limit: int = 1 << 30) -> set[str]:
    """The literal prefixes a pattern's match starts with (at most ``limit`` characters), for the
    line scan.

    Raises when a branch has no literal start (the scan could never find its lines).
    """
    heads = set()
    for prefix, _ in _expand(source, limit):
        prefix = prefix.strip()
        if not prefix.replace(DIGITS, "").strip() and DIGITS not in prefix:
            raise ValueError(f"bp pattern {source!r} does not start with a literal word or digits")
        heads.add(prefix)
    return heads


def _literal_starts(heads: set[str]) -> tuple[str, ...]:
    """What a text must start with to match a source with these heads (``pattern_heads``): each
    head up to its first digit run; empty when a head starts with digits (no literal start)."""
    starts = {head.partition(DIGITS)[0] for head in heads}
    return () if "" in starts else tuple(sorted(starts))


def _fold_head(head: str) -> str:
    """``fold`` for a head, keeping its digit-run marker (and the spaces around it)."""
    return fold(head.replace(DIGITS, " qqdigitsqq ")).replace("qqdigitsqq", DIGITS)


# The scan looks at the first HEAD_LIMIT characters of a head: enough to leave few lines to classify,
# few enough for a small trie (``re`` compiles a big one slowly).
HEAD_LIMIT = 12


def _ascii_fold_table() -> bytes:
    """ASCII text folds byte by byte: letters lower-cased, digits kept, "`" read as "'", every other
    byte a word separator (a space, which ``bytes.split`` then drops)."""
    table = bytearray(b" " * 256)
    for byte in range(128):
        char = chr(byte)
        if char.isalnum():
            table[byte] = ord(char.lower())
        elif char in "'`":
            table[byte] = ord("'")
    return bytes(table)


_ASCII_FOLD = _ascii_fold_table()


def quick_fold(text: str) -> str:
    """``fold(text)``, with a fast path for ASCII text: one ``bytes.translate`` and a split, where
    ``re.sub`` pays for every run of separators it replaces."""
    if text.isascii():
        return b" ".join(text.encode().translate(_ASCII_FOLD).split()).decode()
    return fold(text)


def _byte_atom(char: str, leading: bool = True) -> bytes:
    """The bytes regex for one character of a folded head, in ASCII-lower-cased UTF-8 text.

    A repeated class that starts an alternative (``leading``) is written ``[…][…]*``, not ``[…]+``:
    an alternative that starts with a class (or a literal) is skipped at once by ``re`` when the
    byte does not fit, where one that starts with a repeat is entered for every line, and the top
    of the trie is tried at every line start. Inside a branch both run alike, and ``[…]+`` is one
    class less for ``re`` to parse and compile at start-up.
    """
    if char == " ":  # non-ASCII bytes are "non-word" too: a superset of the text's separators
        return rb"[^\w\n][^\w\n]*" if leading else rb"[^\w\n]+"
    if char == "-":
        return rb"[^\w\n][^\w\n]{0,3}" if leading else rb"[^\w\n]{1,4}"
    if char == "'":
        return b"(?:" + b"|".join(re.escape(c.encode("utf-8")) for c in "'’ʼ‘`´") + b")"
    if char == DIGITS:
        return rb"[0-9][0-9]*"  # a count in other digits than 0-9 is not looked for
    if char.isascii():
        return re.escape(char.encode("ascii"))
    # bytes.lower leaves non-ASCII letters alone: accept every character that lower-cases to this one.
    variants = {char} | {c for c in (char.upper(), char.title()) if len(c) == 1 and c.lower() == char}
    return b"(?:" + b"|".join(re.escape(c.encode("utf-8")) for c in sorted(variants)) + b")"


def _trie_regex(heads: set[str]) -> bytes:
    """A bytes regex matching any of ``heads`` at the scan point, factored as a trie (fast in ``re``).

    A head that is a prefix of another ends the branch: the scan only needs to know a line may match.
    """
    trie: dict = {}
    for head in sorted(heads, key=len):
        node = trie
        for char in head:
            if "" in node:
                break
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = {}

    def emit(node: dict, leading: bool = True) -> bytes:
        leading = leading or len(node) > 1  # a lone child goes on the branch it is in ("" is alone)
        branches = [
            _byte_atom(char, leading) + emit(child, False) for char, child in sorted(node.items()) if char != ""
        ]
        if not branches:
            return b""
        return branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"

    return emit(trie) if trie else b"(?!)"


# The sources a text tries, for one first character: ``(gate, entries)``; ``entries`` are
# ``(source number, literal starts)`` in file order, ``gate`` every literal start of the entries
# (None when one of them has none, so a text must always try them).
_Tried = tuple[tuple[str, ...] | None, tuple[tuple[int, tuple[str, ...]], ...]]


class WidgetData:
    """Everything the widget scan needs, built once per process from ``data/bp/*.toml``.

    The line scan is compiled here; the ``patterns`` and ``teasers`` regexes are compiled one by
    one, when a line that starts like one of them first needs it.
    """

    def __init__(self) -> None:
        self.lookup: dict[str, tuple[str, str]] = {}  # folded phrase -> (rule name, kind)
        self.memo = LineMemo(self.classify, _MEMO_SIZE)  # line text -> ``classify`` of it
        self.share_labels: dict[str, str] = {}  # folded label -> MAIN (action) / NETWORK
        heads: set[str] = set()
        kinds = ((MAIN, "phrases"), (COMPANION, "companions"))
        for kind, key in kinds:  # a main phrase of any rule wins over a companion
            for rule in WIDGET_RULES:
                for phrase in phrases(FAMILY, rule, key):
                    if phrase and phrase not in self.lookup:
                        self.lookup[phrase] = (rule, kind)
                        heads.add(phrase)
        for label in phrases(FAMILY, "share-widget"):
            self.share_labels[label] = MAIN
        for label in phrases(FAMILY, "share-widget", "networks"):
            self.share_labels.setdefault(label, NETWORK)
            heads.add(label)
        self.longest_label = max((len(label.split()) for label in self.share_labels), default=1)
        self.label_starts = frozenset(label.split()[0] for label in self.share_labels)
        self.longest_phrase = max(map(len, [*self.lookup, *self.share_labels]), default=0)
        # ``patterns`` must match the whole folded line, ``teasers`` the start of the raw line (lower
        # case). Each source is filed under the first character of its heads; a line tries, in file
        # order (rule order, then language order), only the sources filed under its first character.
        self.sources: list[tuple[str, str]] = []  # (rule name, source)
        # Per source, the literal starts every match begins with (empty: not known, always try): a
        # ``str.startswith`` costs a tenth of a failing ``regex`` match, and most candidate lines
        # start like some source of their bucket but not like the others.
        self.literal_starts: list[tuple[str, ...]] = []
        self._compiled: dict[int, regex.Pattern[str]] = {}
        self._tried: dict[str, dict[str, _Tried]] = {}
        self.buckets: dict[str, dict[str, tuple[int, ...]]] = {}
        self.anywhere: dict[str, tuple[int, ...]] = {}
        for key in ("patterns", "teasers"):
            filed: dict[str, list[int]] = {}
            anywhere: list[int] = []
            for rule in WIDGET_RULES:
                for tables in family_tables(FAMILY).values():
                    for source in tables.get(rule, {}).get(key, ()):
                        number = len(self.sources)
                        self.sources.append((rule, source))
                        raw_heads = pattern_heads(source, HEAD_LIMIT)
                        heads |= {_fold_head(head) for head in raw_heads}
                        firsts = {head[0] for head in raw_heads}
                        if "(?" in source.replace("(?:", "").replace("(?!", "").replace("(?=", "") or not all(
                            first == DIGITS or first.isalnum() for first in firsts
                        ):
                            anywhere.append(number)  # inline flags or an odd start: tried on every line
                            self.literal_starts.append(())
                        else:
                            for first in firsts:
                                filed.setdefault(first, []).append(number)
                            self.literal_starts.append(_literal_starts(raw_heads))
            self.anywhere[key] = tuple(anywhere)
            self._tried[key] = {}
            self.buckets[key] = {first: tuple(sorted({*numbers, *anywhere})) for first, numbers in filed.items()}
        heads.add(COPYRIGHT_SIGN)
        truncated = {head[:HEAD_LIMIT].rstrip(" '-") for head in heads}
        truncated.discard("")
        # Anchored on the line break: the engine skips to each "\n" and tries the trie there. Up to 8
        # leading non-word characters (bullets, brackets, emoji: up to 32 bytes) are skipped.
        self.scanner = re.compile(rb"\n[^\w\n]{0,32}" + _trie_regex(truncated))

    def may_be_widget(self, text: str) -> bool:
        """Whether the scan picks ``text`` (one line) for classification."""
        return self.scanner.match(("\n" + text).encode("utf-8", "surrogatepass").lower()) is not None

    def _numbers(self, key: str, first: str) -> tuple[int, ...]:
        table = self.buckets[key]
        if first.isdecimal():
            return tuple(sorted({*table.get(first, ()), *table.get(DIGITS, ()), *self.anywhere[key]}))
        return table.get(first, self.anywhere[key])

    def _sources_for(self, key: str, first: str) -> _Tried:
        """The ``key`` sources a text starting with ``first`` tries (see ``_Tried``)."""
        tried = self._tried[key]
        found = tried.get(first)
        if found is None:
            entries = tuple((number, self.literal_starts[number]) for number in self._numbers(key, first))
            starts = {start for _, literal in entries for start in literal}
            always = any(not literal for _, literal in entries)
            found = tried[first] = (None if always else tuple(sorted(starts)), entries)
        return found

    def _first_match(self, key: str, text: str, full: bool) -> str | None:
        """The rule of the first ``key`` source (file order) that matches ``text``, or None."""
        gate, entries = self._sources_for(key, text[0])
        if gate is not None and not text.startswith(gate):
            return None  # one C-level test for the many lines that start like no source at all
        for number, starts in entries:
            if starts and not text.startswith(starts):
                continue
            compiled = self._compiled.get(number)
            if compiled is None:
                compiled = self._compiled[number] = regex.compile(self.sources[number][1], regex.V1)
            if (compiled.fullmatch(text) if full else compiled.match(text)) is not None:
                return self.sources[number][0]
        return None

    def share_segments(self, words: list[str]) -> tuple[int, bool] | None:
        """``(labels, has_action)`` when the folded words are only share labels, else None."""
        if not words or words[0] not in self.label_starts:
            return None
        position, count, action = 0, 0, False
        while position < len(words):
            for size in range(min(self.longest_label, len(words) - position), 0, -1):
                kind = self.share_labels.get(" ".join(words[position : position + size]))
                if kind is not None:
                    count += 1
                    action = action or kind == MAIN
                    position += size
                    break
            else:
                return None
        return count, action

    def classify(self, text: str) -> tuple[str, str, int] | None:
        """``(rule name, kind, weight)`` of a candidate line, or None."""
        folded = quick_fold(text)
        if not folded:
            return None
        if len(folded) <= self.longest_phrase:
            hit = self.lookup.get(folded)
            if hit is not None and hit[0] != "share-widget":
                return hit[0], hit[1], 1
            segments = self.share_segments(folded.split())
            if segments is not None:
                return "share-widget", MAIN if segments[1] else NETWORK, segments[0]
            if hit is not None:
                return hit[0], hit[1], 1
        rule = self._first_match("patterns", folded, full=True)
        if rule is not None:
            return rule, MAIN, 1
        lowered = (text if text[:1].isalnum() else _LEADING_JUNK.sub("", text)).lower()
        rule = self._first_match("teasers", lowered, full=False) if lowered else None
        if rule is not None:
            return rule, MAIN, 1
        if (
            text.lstrip()[:1] == COPYRIGHT_SIGN
            and self._first_match("patterns", "copyright " + folded, True) == "legal-footer"
        ):
            return "legal-footer", MAIN, 1
        return None


@cache
def widget_data() -> WidgetData:
    return WidgetData()


# A widget line found by the scan: (line index, kind, weight, length, start offset, text); the line's
# text is ``doc.text[start : start + length]`` (without its line break).
Hit = tuple[int, str, int, int, int, str]


def _scan_widgets(doc: Document, max_length: int) -> dict[str, list[Hit]]:
    """``{rule name: [hit, …]}`` for every widget line of ``doc`` (see ``Hit``).

    The scan runs on ``Document.lowered_bytes``; a candidate's line index is counted from the bytes
    and its text and offset are read from ``doc.line_texts`` and ``doc.line_starts`` (which the other
    families read for every document anyway), so no candidate is cut out of the bytes or decoded.
    Classifications are memoised per line: widget lines are the lines a site repeats on every page.
    """
    data = widget_data()
    found: dict[str, list[Hit]] = {rule: [] for rule in WIDGET_RULES}
    if not doc.text:
        return found
    lowered = doc.lowered_bytes
    offsets = [match.start() for match in data.scanner.finditer(lowered)]
    if not offsets:
        return found
    memo = data.memo
    memo.trim()
    texts, starts, count = doc.line_texts, doc.line_starts, lowered.count
    total, last = -1, 0  # line index and where the line breaks were counted up to
    for offset in offsets:
        start = offset + 1
        total += count(b"\n", last, start)  # the index of the line that starts at ``start``
        last = start
        text = texts[total]
        if len(text) > max_length:
            continue
        result = memo[text]
        if result is not None:
            found[result[0]].append((total, result[1], result[2], len(text), starts[total], text))
    return found


# How many candidate lines ``_scan_widgets`` remembers before it starts over.
_MEMO_SIZE = 20000


def widget_lines(doc: Document, rule: str, max_length: int) -> list[Hit]:
    """The widget lines ``rule`` claims in ``doc`` (from the family's shared scan), as ``Hit``s."""
    if max_length <= VIEW_MAX_LENGTH:
        found = doc.view(_DEFAULT_VIEW, _scan_default)[rule]
        if max_length == VIEW_MAX_LENGTH or not found:
            return found
    else:
        scan = _SCANS[max_length] if max_length in _SCANS else _scan_for(max_length)
        return doc.view((FAMILY, "widgets", max_length), scan)[rule]
    return [hit for hit in found if hit[3] <= max_length]


def _scan_default(doc: Document) -> dict[str, list[Hit]]:
    return _scan_widgets(doc, VIEW_MAX_LENGTH)


_DEFAULT_VIEW = (FAMILY, "widgets", VIEW_MAX_LENGTH)


def _scan_for(view_length: int) -> Callable[[Document], dict[str, list[Hit]]]:
    scan = _SCANS[view_length] = lambda doc: _scan_widgets(doc, view_length)
    return scan


_SCANS: dict[int, Callable[[Document], dict[str, list[Hit]]]] = {}
_NO_FINDINGS: tuple[Finding, ...] = ()
# Module constants: an enum member read through its class costs a metaclass look-up per finding.
_SAFE, _UNSAFE = Applicability.SAFE, Applicability.UNSAFE
_NON_SPACE = re.compile(r"\S")  # ``re``'s \s is ``str.isspace``'s whitespace


def _quote(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1].rstrip()}…”"


# ``_quote(line, 40)`` of widget lines, remembered: widget lines repeat on every page of a site.
_QUOTED_LINES = LineMemo(lambda text: _quote(text, 40), _MEMO_SIZE)


def _max_length_schema(description: str) -> dict[str, Any]:
    return object_schema({"max-line-length": integer_option(description, minimum=10, maximum=2000)})


class _WidgetRule(Rule):
    """Shared check of BP002-BP006: runs of widget lines, each run one finding with a line deletion."""

    fix_applicability = Applicability.SAFE
    what = "widget"  # "<what> left by the scraper"
    fix_description = "Delete the widget"
    default_options = {"max-line-length": 200}

    def qualifies(self, members: list[Hit]) -> bool:
        for member in members:  # a loop, not any(genexpr): most runs are one line long
            if member[1] == MAIN:
                return True
        return False

    def excluded(self, doc: Document) -> set[int]:
        return set()

    def applicability(self, text: str, members: list[Hit]) -> Applicability:
        return _SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Sequence[Finding]:  # type: ignore[override]
        # A list, not a generator: most documents have no widget, and the empty answer is the hot path.
        hits = widget_lines(doc, self.name, options["max-line-length"])
        if not hits:
            return _NO_FINDINGS
        excluded = self.excluded(doc)
        if excluded:
            hits = [hit for hit in hits if hit[0] not in excluded]
            if not hits:
                return _NO_FINDINGS
        text = doc.text
        findings = []
        members = [hits[0]]
        for hit in hits[1:]:
            previous = members[-1]
            # Only blank lines between them (the next line needs no look: a line break is white space).
            if hit[0] == previous[0] + 1 or text[previous[4] + previous[3] : hit[4]].isspace():
                members.append(hit)
                continue
            if self.qualifies(members):
                findings.append(self._finding(text, members))
            members = [hit]
        if self.qualifies(members):
            findings.append(self._finding(text, members))
        return findings

    def _finding(self, text: str, members: list[Hit]) -> Finding:
        """One finding for a run of widget lines, with the fix deleting the run's lines."""
        last = members[-1]
        start, end = members[0][4], last[4] + last[3]
        quoted_lines = _QUOTED_LINES
        quoted_lines.trim()
        if len(members) == 1:
            quoted = quoted_lines[last[5]]
        else:
            quoted = ", ".join([quoted_lines[member[5]] for member in members[:3]])
            if len(members) > 3:
                quoted += f" (+{len(members) - 3} more lines)"
        removed = removal_span(text, start, end)
        # Built positionally, not through ``Rule.finding``: one frame and one ``**data`` dict less per finding.
        return Finding(
            self.code,
            self.name,
            f"{self.what} left by the scraper: {quoted}",
            start,
            end,
            self.severity,
            Fix(self.fix_description, self.applicability(text, members), (Edit(*removed),)),
        )


# -- BP013: the text ends with a truncation marker ---------------------------------------------------

_BRACKET_MARKER = r"[\[(]\h*(?:…|\.{3})\h*[\])]"
# What may stand before a worded marker that ends a paragraph ("…said. Read more »").
_MARKER_AFTER = set('.!?…»"”’)]|:;–—-')


@cache
def _truncation_patterns() -> tuple[frozenset[str], regex.Pattern[str] | None, regex.Pattern[str], tuple[str, ...]]:
    words = frozenset(phrases(FAMILY, "truncation-marker"))
    lines = pattern(FAMILY, "truncation-marker", "lines")
    tables = family_tables(FAMILY).values()
    sources = [source for table in tables for source in table.get("truncation-marker", {}).get("trailing", ())]
    worded = "|".join(f"(?:{source})" for source in sources) or r"(?!)"
    trailing = regex.compile(
        rf"(?:(?P<bracket>{_BRACKET_MARKER})|(?P<worded>[\[(]?\h*(?:{worded})[\h»›→>…\.:)\]]*))\s*\Z",
        regex.V1,  # matched on lower-cased text
    )
    endings: list[str] = []
    for source in sources:
        expanded = _expand(source)
        endings.extend(prefix for prefix, complete in expanded if complete)
        if not all(complete for _, complete in expanded):
            endings.append("")  # not all literal: always try the regex
    return words, lines, trailing, tuple(endings)


def _is_marker_line(stripped: str) -> bool:
    """Whether a last line is a marker (remembered: a site ends every page with the same line)."""
    _MARKER_LINES.trim()
    return _MARKER_LINES[stripped]


def _marker_verdict(stripped: str) -> bool:
    words, lines, _, _ = _truncation_patterns()
    return quick_fold(stripped) in words or (lines is not None and lines.fullmatch(stripped) is not None)


_MARKER_LINES = LineMemo(_marker_verdict, _MEMO_SIZE)


def _find_truncation(doc: Document) -> tuple[int, int, int | None, str] | None:
    """``(start, end, line index or None, marker)``: a whole last line (index) or a trailing marker."""
    # The last non-blank line, found with string scans (no ``doc.lines`` for the many texts
    # without a marker): it holds the last non-whitespace character.
    full = doc.text
    window = full[-200:]
    content_end = len(window.rstrip())  # most texts end with a few blank characters: no copy of all
    content_end = len(full) - len(window) + content_end if content_end else len(full.rstrip())
    if not content_end:
        return None
    line_start, line_end = line_bounds(full, content_end)
    text = full[line_start:line_end]
    stripped = text.strip()
    if len(stripped) > 5000 or len(stripped) < 100 and _NON_SPACE.search(full, 0, line_start) is None:
        return None  # a text that is only a marker is not an article cut short
    if len(stripped) <= 60 and _is_marker_line(stripped):
        return line_start, line_end, full.count("\n", 0, line_start), stripped
    _, _, trailing, endings = _truncation_patterns()
    offset = max(0, len(text) - 120)
    tail = text[offset:].lower()
    if len(tail) != len(text) - offset:
        return None  # lower() changed the length: offsets would be wrong (and no marker has such letters)
    core = tail.rstrip()
    if not core.endswith(("]", ")")) and not core.rstrip(" \t»›→>….:)]").endswith(endings):
        return None  # cheap test before the regex
    match = trailing.search(tail)
    if match is None:
        return None
    before = text[: offset + match.start()].rstrip()
    if not before.strip():  # the marker is the whole line
        return line_start, line_end, full.count("\n", 0, line_start), stripped
    if match.group("worded") is not None and before[-1] not in _MARKER_AFTER:
        return None  # "…we want to read more": a sentence, not a link
    marker = text[len(before) : offset + match.end()].rstrip()
    return line_start + len(before), line_start + len(before) + len(marker), None, marker.strip()


def truncation(doc: Document) -> tuple[int, int, int | None, str] | None:
    return doc.view((FAMILY, "truncation"), _find_truncation)


# -- the rules ------------------------------------------------------------------------------------


class RelatedContent(_WidgetRule):
    """A related-content heading or teaser ("À lire également", "You may also like", "Read more: …").

    ## What it does
    Flags short lines that are the heading of a related-content or recommendation widget ("À lire
    également", "Lire aussi", "Sur le même sujet", "You may also like", "Related articles",
    "Recommended for you", "More from …", "Most read", "Read more", "Continue reading the main
    story") and teaser lines that link to another article ("Lire aussi : <title>", "READ MORE:
    <title>", "Related: <title>"), in French, English, German, Spanish, Italian and Portuguese.
    Only whole lines are matched: an article sentence that says "read more" is never flagged.
    A marker that ends the text ("Read more", "Lire la suite") is left to BP013.

    ## Why it matters
    The heading is page chrome, and a teaser is the title of another article: both end up glued
    to the article in a corpus, and a teaser title reads as a non sequitur in the middle of it.

    ## Example
    ```
    …pour le bénéfice de tous.

    À lire également
    ```
    Use instead:
    ```
    …pour le bénéfice de tous.
    ```

    ## Fix safety
    Safe: the fix deletes the widget line (and the blank line it leaves); the line is a heading or
    a link title, never article prose.
    """

    code = "BP002"
    name = "related-content"
    what = "Related-content widget"
    fix_description = "Delete the related-content line"
    default_options = {"max-line-length": 200}
    options_schema = _max_length_schema("Longer lines are article text, never a widget heading or teaser.")

    def excluded(self, doc: Document) -> set[int]:
        marker = truncation(doc)
        return {marker[2]} if marker is not None and marker[2] is not None else set()


class CommentsWidget(_WidgetRule):
    """A comments widget ("Leave a Comment", "12 comments", "Comments are closed").

    ## What it does
    Flags short lines of a comment section's chrome: "Leave a Comment", "Laisser un commentaire",
    "0 commentaire", "12 comments", "Post a comment", "Comments are closed", "Ajouter un
    commentaire", the "Your email address will not be published" form text, Disqus and WordPress
    notices, and their German, Spanish, Italian and Portuguese equivalents. Consecutive widget
    lines are one finding.

    ## Why it matters
    The comment form is not part of the article; a model trained on it learns to end news with
    "Leave a Comment", and a comment count dates the page, not the story.

    ## Example
    ```
    …et d'autres inquiétudes concernant la sécurité des informations ».

    Leave a Comment
    ```
    Use instead:
    ```
    …et d'autres inquiétudes concernant la sécurité des informations ».
    ```

    ## Fix safety
    Safe: only whole lines that are widget labels are deleted.
    """

    code = "BP003"
    name = "comments-widget"
    what = "Comments widget"
    fix_description = "Delete the comments widget"
    default_options = {"max-line-length": 200}
    options_schema = _max_length_schema("Longer lines are article text, never a comment-form label.")


class ShareWidget(_WidgetRule):
    """Share buttons ("Partager", "Share on Facebook", "Tweet", "Email", "Print").

    ## What it does
    Flags lines made only of share or social labels: "Partager", "Share on Facebook", "Tweet",
    "WhatsApp", "Email", "Print", "Copy link", "Facebook Twitter LinkedIn", "12 shares". A network
    name alone ("Facebook") counts only next to another label, since it may be a lone follow link.
    Consecutive label lines are one finding.

    ## Why it matters
    The labels of share buttons are scattered through scraped text by the dozen; they are noise
    for any model or search index, and they break paragraphs apart.

    ## Example
    ```
    Partager
    Facebook
    Twitter
    Le patron d'OpenAI a exprimé des doutes.
    ```
    Use instead:
    ```
    Le patron d'OpenAI a exprimé des doutes.
    ```

    ## Fix safety
    Safe: a line is deleted only when every word on it is a share label.
    """

    code = "BP004"
    name = "share-widget"
    what = "Share/social buttons"
    fix_description = "Delete the share buttons"
    default_options = {"max-line-length": 120}
    options_schema = _max_length_schema("Longer lines are never a row of share buttons.")

    def qualifies(self, members: list[Hit]) -> bool:
        return any(member[1] == MAIN for member in members) or sum(member[2] for member in members) >= 2


class SubscriptionPrompt(_WidgetRule):
    """A subscription, newsletter or paywall prompt ("Abonnez-vous", "Sign up for our newsletter").

    ## What it does
    Flags whole lines that ask the reader to subscribe or sign up, or that announce a paywall:
    "Abonnez-vous", "Cet article est réservé aux abonnés", "Il vous reste 80 % de cet article à
    lire", "Sign up for our newsletter", "Subscribe now", "Already a subscriber? Log in", account
    links ("Log in", "Sign out", "My account", "Mon compte", "Iniciar sesión"), and their German,
    Spanish, Italian and Portuguese equivalents. Paywall form lines next to a prompt ("Créez votre
    compte") go with it, and so do single words that could also be a heading ("Login",
    "Connexion", "Anmelden"): alone they are not flagged. An article sentence that mentions a
    newsletter is not flagged: the line must be a prompt from start to end.

    ## Why it matters
    Prompts are not article text; a paywall notice also means the article was cut where it starts.

    ## Example
    ```
    …les fondements de l'IA générative.
    Cet article est réservé aux abonnés
    Abonnez-vous
    ```
    Use instead:
    ```
    …les fondements de l'IA générative.
    ```

    ## Fix safety
    Safe: only whole prompt lines are deleted.
    """

    code = "BP005"
    name = "subscription-prompt"
    what = "Subscription prompt"
    fix_description = "Delete the subscription prompt"
    default_options = {"max-line-length": 200}
    options_schema = _max_length_schema("Longer lines are article text, never a subscription prompt.")


class CookieConsent(_WidgetRule):
    """Cookie or consent banner text ("We use cookies…", "Accept all cookies", "Gérer mes préférences").

    ## What it does
    Flags the text of cookie and consent banners: "We use cookies…", "This website uses cookies…",
    "Nous utilisons des cookies…", "En poursuivant votre navigation…", "Accept all cookies",
    "Cookie settings", "Gérer mes préférences". Button labels next to a banner ("Accept", "OK",
    "Cookie Policy") go with it.

    ## Why it matters
    Consent banners are the most repeated text of the web: left in a corpus they are memorised
    verbatim, and in an article they have nothing to do with the story.

    ## Example
    ```
    We use cookies to improve your experience on our website.
    Accept
    The company reported a record quarter.
    ```
    Use instead:
    ```
    The company reported a record quarter.
    ```

    ## Fix safety
    Safe: only whole banner lines are deleted; an article sentence about cookies does not start
    like a banner and is not matched.
    """

    code = "BP006"
    name = "cookie-consent"
    what = "Cookie-consent banner"
    fix_description = "Delete the cookie banner"
    default_options = {"max-line-length": 400}
    options_schema = _max_length_schema("Longer lines are never taken for banner text.")


class TruncationMarker(Rule):
    """The text ends with a truncation marker ("Lire la suite", "Continue reading", "[…]").

    ## What it does
    Flags a text whose last line is a "read the rest" marker ("Lire la suite", "Continue
    reading", "Read more", "Weiterlesen"), an elision mark ("[…]", "[...]", "(…)") or a lone word
    cut by an ellipsis ("All..."), and a last paragraph that ends with such a marker ("…the
    company said. Continue reading »", "…des opérations illicites [...]"). Only the very end of
    the text is examined.

    ## Why it matters
    The article was cut: the scraper saw a teaser or a paywalled page. The text is incomplete,
    which matters more than the marker itself (filter it out or fetch the full article); the
    marker is also noise at the end of the text.

    ## Example
    ```
    Now we spend money over and over on virtual perks.

    All...
    ```
    Use instead:
    ```
    Now we spend money over and over on virtual perks.
    ```

    ## Fix safety
    Safe: the fix deletes only the marker: the marker line, or the marker characters at the end of
    the last paragraph. The text stays truncated; the finding says so.
    """

    code = "BP013"
    name = "truncation-marker"
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        # A list, not a generator: few texts end with a marker.
        found = truncation(doc)
        if found is None:
            return []
        start, end, index, marker = found
        if index is not None:
            message = f"Article looks truncated: the text ends with the marker {_quote(marker)}"
            fix = self.line_deletion(doc, index, index, "Delete the truncation marker", Applicability.SAFE)
        else:
            message = f"Article looks truncated: its last paragraph ends with the marker {_quote(marker)}"
            fix = Fix.safe("Delete the truncation marker", Edit.delete(start, end))
        return [self.finding(start, end, message, fix)]


# A copyright notice names the publisher: the words that make a footer run's fix unsafe.
_COPYRIGHT_WORDS = (
    "copyright",
    "all rights reserved",
    "droits réservés",
    "rechte vorbehalten",
    "derechos reservados",
    "diritti riservati",
    "direitos reservados",
)


class LegalFooter(_WidgetRule):
    """A legal footer line ("Privacy Policy", "© 2024 X. All rights reserved", "Mentions légales").

    ## What it does
    Flags whole lines of a page's legal footer: "Privacy Policy", "Terms of Use", "Legal notice",
    "Your California Privacy Rights", "Sitemap", "Mentions légales", "Politique de confidentialité",
    "CGU", "Impressum", "Datenschutz", "Aviso legal", and copyright notices ("© 2019 Hearst
    Communications, Inc.", "Copyright 2019 X. All rights reserved", "Tous droits réservés").
    Footer links next to such a line ("Contact us", "About us", "Careers", "RSS", "Contact") go
    with it; alone they are not flagged. Consecutive footer lines are one finding.

    ## Why it matters
    The footer is repeated on every page of a site: left in a corpus it is memorised verbatim,
    and it ends the article with text that is not part of it.

    ## Example
    ```
    …the company said in a statement.
    Privacy Policy
    Terms of Use
    © 2019 Example Media, Inc. All rights reserved.
    ```
    Use instead:
    ```
    …the company said in a statement.
    ```

    ## Fix safety
    Safe for footer links: only whole lines that are footer links are deleted; a sentence that
    mentions a privacy policy is longer than the footer shapes and is not matched. Unsafe when the
    run holds a copyright notice: "Copyright 2019 Hawaii News Now. All rights reserved." ends
    many syndicated articles and names their publisher, so it may be the text's only source line.
    """

    code = "BP014"
    name = "legal-footer"
    what = "Legal footer"
    fix_description = "Delete the legal footer"
    default_options = {"max-line-length": 200}
    options_schema = _max_length_schema("Longer lines are article text, never a footer link or copyright notice.")

    def applicability(self, text: str, members: list[Hit]) -> Applicability:
        for member in members:  # the blank lines between them hold no copyright
            if _names_copyright(member[5]):
                return _UNSAFE
        return _SAFE


def _names_copyright(line: str) -> bool:
    """Whether a footer line is a copyright notice (remembered: footers repeat on every page)."""
    _COPYRIGHT_LINES.trim()
    return _COPYRIGHT_LINES[line]


def _copyright_verdict(line: str) -> bool:
    lowered = line.casefold()
    return "©" in lowered or any(word in lowered for word in _COPYRIGHT_WORDS)


_COPYRIGHT_LINES = LineMemo(_copyright_verdict, _MEMO_SIZE)


class AdLabel(_WidgetRule):
    """An advertising label ("Advertisement", "Publicité", "Sponsored", "Anzeige").

    ## What it does
    Flags whole lines that label an ad slot or sponsored block: "Advertisement", "ADVERTISEMENT",
    "Ad", "Sponsored", "Sponsored by <brand>", "Story continues below advertisement",
    "Publicité", "La suite après la publicité", "Contenu sponsorisé", "Anzeige", "Werbung",
    "Publicidad", "Pubblicità". Consecutive label lines are one finding.

    ## Why it matters
    The label is what is left of an ad the scraper could not see: it sits in the middle of the
    article, often between two sentences of one paragraph, and carries no content.

    ## Example
    ```
    The vote is expected next week.
    Advertisement
    Lawmakers from both parties said…
    ```
    Use instead:
    ```
    The vote is expected next week.
    Lawmakers from both parties said…
    ```

    ## Fix safety
    Safe: a line is deleted only when it is nothing but an ad label.
    """

    code = "BP015"
    name = "ad-label"
    what = "Ad label"
    fix_description = "Delete the ad label"
    default_options = {"max-line-length": 120}
    options_schema = _max_length_schema("Longer lines are never an ad label.")


class SkipLink(_WidgetRule):
    """An accessibility skip link ("Skip to content", "Aller au contenu", "Zum Inhalt springen").

    ## What it does
    Flags whole lines that are the hidden "skip" links at the top of a page: "Skip to content",
    "Skip to main content", "Skip navigation", "Go to content", "Accessibility links", "Aller au
    contenu", "Aller à la navigation", "Passer au contenu", "Zum Inhalt springen", "Ir al
    contenido", "Vai al contenuto", "Ir para o conteúdo". Consecutive skip links are one finding.

    ## Why it matters
    Screen-reader links are invisible on the page but scraped as text; they usually open the
    extracted text, before the headline.

    ## Example
    ```
    Skip to main content
    OpenAI names a new chief executive
    ```
    Use instead:
    ```
    OpenAI names a new chief executive
    ```

    ## Fix safety
    Safe: only whole lines that are skip links are deleted.
    """

    code = "BP016"
    name = "skip-link"
    what = "Accessibility skip link"
    fix_description = "Delete the skip link"
    default_options = {"max-line-length": 80}
    options_schema = _max_length_schema("Longer lines are never a skip link.")


RULES: list[type[Rule]] = [
    RedirectNotice,
    RelatedContent,
    CommentsWidget,
    ShareWidget,
    SubscriptionPrompt,
    CookieConsent,
    TruncationMarker,
    LegalFooter,
    AdLabel,
    SkipLink,
]
