"""BP: boilerplate of page structure (navigation, bylines, tags, credits) around an article.

The phrase lists and patterns live in ``data/bpnav/<lang>.toml``. Patterns there may use the macros
``{NAME}``, ``{NAMES}``, ``{ORG}``, ``{DATE}``, ``{MONTH}``, ``{TIME}`` and ``{TAIL}``; they are
expanded here (month and weekday names come from the ``[dates]`` tables) and every pattern is
compiled once per process into one alternation scanned once over the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from itertools import compress
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule
from newslint.document import line_bounds
from newslint.memo import LineMemo
from newslint.rule import integer_option, object_schema

from ._data import family_tables, fold, phrases, trie_pattern

FAMILY = "bpnav"
_FLAGS = regex.IGNORECASE | regex.V1 | regex.MULTILINE

# -- shared building blocks ------------------------------------------------------------------------

_UPPER = r"(?-i:\p{Lu})"
# A name word never gives letters back (``*+``): a case-blind connector ("e", "y", "et") could
# otherwise split inside a capitalised word ("DELAIR|E|…"), a runaway backtracking on long lines.
_NAME_WORD = rf"{_UPPER}[\p{{L}}'’.-]*+"
_PARTICLE = r"(?:de|du|des|van|von|der|da|das|do|dos|del|della|di|le|la|bin|al|el|y)"
# A name never starts with an article ("Par les temps qui courent" is a title, not a byline).
_NOT_ARTICLE = r"(?!(?:the|an?|les?|la|des|une?|der|die|das|el|los|las|il|lo|gli|os?|as)\b)"
_NAME = rf"{_NOT_ARTICLE}{_NAME_WORD}(?:\h+(?:{_NAME_WORD}|{_PARTICLE}(?=\h+{_UPPER}))){{0,3}}"
# Word connectors stand between spaces ("Jean et Marie"), signs may be glued ("Smith & Jones").
_NAMES = rf"{_NAME}(?:(?:\h*[,&]|\h+(?:and|et|und|e|y)\h)\h*{_NAME}){{0,3}}"
_ORG = rf"{_UPPER}[\p{{L}}\p{{N}}&.'’ -]{{0,40}}"
_TIME = r"\d{1,2}(?:[:h.]\d{2}\h*(?:am|pm|a\.m\.|p\.m\.|h|uhr)?|\h*(?:am|pm|a\.m\.|p\.m\.|uhr))"
_UNITS = (
    r"(?:s|secs?|seconds?|mins?|minutes?|minuten|minutos?|minuti|h|hrs?|hours?|heures?|stunden?|horas?|ore|"
    r"d|days?|jours?|tagen?|d[íi]as?|giorni|weeks?|semaines?|wochen?|semanas?|settimane|months?|mois|"
    r"monaten?|meses|mesi|years?|ans|jahren?|a[ñn]os|anni)"
)
# After a date: at most four short words ("2025 à 10h12", ", 2019 10:12 a.m. ET"), never a sentence.
_TAIL = r"[\h\p{N}:.,/|–—()-]*(?:\p{L}{1,5}[\h\p{N}:.,/|–—()'-]*){0,4}$"


def _alternation(words: tuple[str, ...]) -> str:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\h+") for w in ordered) + ")"


@cache
def _macros() -> dict[str, str]:
    months = _alternation(phrases(FAMILY, "dates", "months"))
    weekdays = _alternation(phrases(FAMILY, "dates", "weekdays"))
    ago = _alternation(phrases(FAMILY, "dates", "ago"))
    month = rf"\b{months}\b\.?"
    date = (
        rf"(?:{weekdays}\b,?\h+)?"
        rf"(?:{month}\h+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th|er|\.|º)?\h+(?:de\h+)?{month}"
        rf"|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|(?:{ago}\h+)?\d{{1,3}}\h*{_UNITS}\b\.?(?:\h+{ago})?"
        rf"|{_TIME}\b)"
    )
    return {
        "{NAMES}": _NAMES,
        "{NAME}": _NAME,
        "{ORG}": _ORG,
        "{DATE}": date + _TAIL,
        "{MONTH}": month,
        "{TIME}": _TIME,
        "{TAIL}": _TAIL,
    }


def _sources(rule: str, key: str = "patterns") -> str | None:
    """Every language's ``key`` patterns of ``rule`` as one alternation, or None.

    Each macro a pattern uses is defined once, in a ``(?(DEFINE)…)`` block, and called by name
    (``(?&date)``): expanding the date macro (hundreds of month names) into every language's
    patterns made the compiled pattern many times larger and slow to compile.
    """
    macros = _macros()
    used: dict[str, str] = {}
    expanded = []
    for tables in family_tables(FAMILY).values():
        for source in tables.get(rule, {}).get(key, ()):
            for macro, value in macros.items():
                if macro in source:
                    name = macro.strip("{}").lower()
                    used[name] = value
                    source = source.replace(macro, f"(?&{name})")
            expanded.append(f"(?:{source})")
    if not expanded:
        return None
    define = "".join(f"(?P<{name}>{value})" for name, value in used.items())
    return (f"(?(DEFINE){define})" if define else "") + "|".join(expanded)


def _raw(rule: str, key: str) -> list[str]:
    """Every language's ``key`` list of ``rule`` as written (not folded: "©" must survive)."""
    values: list[str] = []
    for tables in family_tables(FAMILY).values():
        values.extend(tables.get(rule, {}).get(key, ()))
    return values


def _case_variants(word: str) -> set[str]:
    return {word, word.lower(), word[:1].upper() + word[1:], word.title(), word.upper()}


# The rules that look for one kind of line (BP008 labelled tags, BP009, BP012) share ONE cheap scan
# of the text: a case-sensitive gate on the words such a line starts with (``starts`` in the data,
# in their usual casings) and literal searches for words it contains (``contains``). Only the lines
# the gate picks are matched against the rules' full patterns.
_LINE_KINDS = (("tags", "tag-list"), ("byline", "byline-residue"), ("credit", "photo-credit"))


@cache
def _gate() -> tuple[re.Pattern[str], tuple[str, ...]]:
    words: set[str] = set()
    contains: set[str] = set()
    for _, rule in _LINE_KINDS:
        for word in _raw(rule, "starts"):
            words.update(_case_variants(word))
        contains.update(_raw(rule, "contains"))  # as written: str.find is far cheaper than a regex
    # Reading times ("5 min read", "3 Min. Lesezeit") start with a number of minutes.
    head = _first_char_branches(words) + r"|\d\d{0,2}[ \t]*[-–]?[ \t]*(?:min|Min|MIN)"
    # One flat branch whose every alternative starts with one character or class: ``re`` skips
    # such an alternative in a few instructions, but enters every repeat or nested group it meets
    # (a careless extraction has tens of thousands of lines). The lead-in a line may have before
    # its word (``[ \t]*[(\[]?[ \t]*``) is matched loosely here and checked by ``_lead_in_fits``.
    return re.compile(rf"\n(?:{head}|[ \t(\[][ \t(\[]*(?:{head}))"), tuple(sorted(contains))


_LEAD_IN = re.compile(r"[ \t]*[(\[]?[ \t]*")
_LEAD_CHARS = " \t(["


def _lead_in_fits(matched: str) -> bool:
    """Whether what stands before the word in ``matched`` (a gate match without its line break) is
    a lead-in a kind of line may have: no word starts with a lead-in character, so the lead-in
    the gate matched is all of them, and no shorter one could do."""
    return _LEAD_IN.fullmatch(matched, 0, len(matched) - len(matched.lstrip(_LEAD_CHARS))) is not None


def _first_char_branches(words: set[str]) -> str:
    """``words`` as one alternation whose every branch starts with a literal character."""
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word)
    return "|".join(trie_pattern(group, re.escape) for _, group in sorted(by_first.items()))


@cache
def _kind_pattern(rule: str) -> regex.Pattern[str] | None:
    """The full pattern of one kind of line, compiled on first use: most texts have no line the
    gate picks, and these patterns are the family's costliest to compile."""
    source = _sources(rule)
    return regex.compile(source, _FLAGS) if source else None


# The scan's answer for a text without a candidate line, shared: its readers never change it.
_NO_LINES: dict[str, list[tuple[int, int]]] = {kind: [] for kind, _ in _LINE_KINDS}


def _compute_lines(doc: Document) -> dict[str, list[tuple[int, int]]]:
    text = doc.text
    gate, contains = _gate()
    starts: set[int] = set()
    # The gate starts on a line break: one put before the text lets the first line be tried like
    # the others, and a match at offset ``start`` there is the line starting at ``start`` here.
    for match in gate.finditer("\n" + text):
        start = match.start()
        if text[start] not in _LEAD_CHARS or _lead_in_fits(match.group()[1:]):
            starts.add(start)
    for literal in contains:
        if literal not in text:  # ``in`` parses no arguments: most texts name no agency
            continue
        at = text.find(literal)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(literal, at + len(literal))
    if not starts:
        return _NO_LINES  # most texts: no dict, memo trim or sort to pay for
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind, _ in _LINE_KINDS}
    memo = _KIND_MEMO
    memo.trim()
    for start in sorted(starts):
        end = line_bounds(text, start)[1]
        known = memo[text[start:end]]
        if known is not None:
            kind, match_start, match_end = known
            found[kind].append((start + match_start, start + match_end))
    return found


# What a line of each kind must hold, whatever its language (see the patterns of
# ``data/bpnav/*.toml``): most lines the gate picks are of no kind ("Posted in", "Par le protocole
# d'accord…"), and the byline and credit patterns cost tens of thousands of instructions each on
# such a line, against a few hundred for these tests. Every tag-list pattern ends with a colon.
# Every byline pattern holds a digit (a date, a time, a reading time) except the two that start
# with "by" (or "par", "von"…): then come nothing (or a colon), or white space and capitalised
# names, never ending with a comma or a separator (a comma ending the line is a sentence cut
# there: "Par Thierry Boutin,"). Tested in Python: compiling a ``regex`` for it cost ~6 M
# instructions at start-up.
_BYLINE_NAME_WORDS = ("by", "par", "von", "por", "di")
_NAMES_NEVER_END = ",|/–—"
# Signs that are none of the characters names, their separators and their organisation are made of
# (letters, numbers, white space, ' ’ . - , & | / – — :): "par Mme Levy (DG Élargissement)" is no
# byline, and the name pattern backtracks for milliseconds on such a line before it says so.
_NOT_IN_NAMES = re.compile(r'[()\[\]{}<>"“”«»„!?;*#@%+=_~^…]')
_ASCII_DIGITS = b"0123456789"
# A credit holds a colon or "©", or starts with one of these words ("Photo by/de/par…", "Image
# source, …"), or names an agency.
_CREDIT_WORDS = ("photo", "picture", "image", "illustration")
_CREDIT_AGENCIES = ("getty images", "shutterstock", "istock", "unsplash", "alamy")


def _may_be_name_byline(line: str) -> bool:
    """Whether ``line`` may be "By <names>" or a bare "By" (without a digit)."""
    stripped = line.lstrip()
    # Three characters fold to three or more: enough to compare with the longest word. Each
    # character the patterns take for a letter of these words is one character.
    head = stripped[:3].casefold()
    for word in _BYLINE_NAME_WORDS:
        if head.startswith(word):
            rest = stripped[len(word) :]
            names = rest.strip()
            if names in ("", ":"):
                return True
            return (
                rest[:1].isspace()
                and not ("a" <= names[0] <= "z")
                and names[-1] not in _NAMES_NEVER_END
                and _NOT_IN_NAMES.search(names) is None
            )
    return False


def _has_digit(line: str) -> bool:
    """Whether ``line`` holds a character the patterns' ``\\d`` takes."""
    if line.isascii():
        return len(line.encode().translate(None, _ASCII_DIGITS)) != len(line)
    return _DIGIT.search(line) is not None


def _case_folded(line: str) -> str:
    """``line`` case-folded so that every character the patterns' case-blind letters take becomes
    that letter (``str.lower`` is faster on ASCII). "İ", which the patterns take for "i", folds to
    "i" and a combining dot: the dot goes."""
    return line.lower() if line.isascii() else line.casefold().replace("\u0307", "")


@cache
def _dated_heads() -> dict[str, tuple[str, ...]]:
    """What a line of each kind that is no "By <names>" starts with (case-folded, after its
    lead-in), read off the data's ``starts``: a byline's date or reading-time word ("published",
    "mis", "lesezeit"…: the name words are left out, ``_may_be_name_byline`` knows those lines),
    a credit's word or "©". First words only: the patterns join the others with any white space."""
    heads = {}
    for kind, rule in _LINE_KINDS:
        words = {fold_word for word in _raw(rule, "starts") if (fold_word := _case_folded(word.split()[0]))}
        heads[kind] = tuple(sorted(words.difference(_BYLINE_NAME_WORDS) if kind == "byline" else words))
    return heads


def _may_be_kind(kind: str, line: str) -> bool:
    """A necessary condition of ``kind``'s pattern: False only for a line the pattern rejects."""
    if kind == "tags":
        return ":" in line
    if kind == "byline":
        stripped = line.lstrip()
        head = stripped[:1]
        if head.isalpha():
            folded = _case_folded(stripped[:40])
            if folded.startswith(_BYLINE_NAME_WORDS) and _may_be_name_byline(stripped):
                return True
            # Dated bylines start with their word ("Part de l'emploi : 2 %" and "Directive 91/630"
            # are none, though they hold a digit and start like "par", "di").
            return folded.startswith(_dated_heads()["byline"]) and _has_digit(line)
        # Reading times start with their number (``regex`` knows digits of scripts newer than this
        # Python's Unicode tables; a letter is none). "© 2019 …" starts with no word or number.
        return ("0" <= head <= "9" or (head != "" and _DIGIT.match(head) is not None)) and _has_digit(line)
    folded = _case_folded(line)
    for agency in _CREDIT_AGENCIES:
        if agency in folded:
            return True
    # Without an agency, a credit starts with its word or "©" ("Posted:", "Disclaimer: …" do not).
    lead_stripped = folded.lstrip().lstrip("([").lstrip()
    if not lead_stripped.startswith(_dated_heads()["credit"]):
        return False
    return ":" in line or "©" in line or lead_stripped.startswith(_CREDIT_WORDS)


def _line_kind(line: str, may_be: Callable[[str, str], bool] = _may_be_kind) -> tuple[str, int, int] | None:
    """The first kind whose pattern matches ``line`` (a whole line, without its break), with the
    span of the match, or None. The patterns look neither behind the line's start nor past its
    end, so the answer is the same wherever the line stands in a text. A kind's pattern runs only
    on a line that ``may_be`` of that kind (the tests switch the pre-tests off with it)."""
    for kind, rule in _LINE_KINDS:
        if not may_be(kind, line):
            continue
        compiled = _kind_pattern(rule)
        if compiled is None:
            continue
        match = compiled.match(line)
        if match is not None:
            return kind, *match.span()
    return None


# Classifications of candidate lines, memoised: the lines a site's template repeats on every page
# (bylines, credits, "Tags:" lines) are most of them, and the patterns cost tens of microseconds.
_KIND_MEMO = LineMemo(_line_kind, size=20000)  # lines remembered before the memo starts over


def _lines_of_kind(doc: Document, kind: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` matches of one kind of line in ``doc`` (from the family's shared scan)."""
    return doc.view(("bpnav", "lines"), _compute_lines)[kind]


def _short_line_indexes(doc: Document, spans: list[tuple[int, int]], max_length: int) -> list[int]:
    indexes = []
    for start, _ in spans:
        index = doc.line_index_at(start)
        if len(doc.line_texts[index]) <= max_length and (not indexes or indexes[-1] != index):
            indexes.append(index)
    return indexes


_DIGIT = regex.compile(r"\d")  # the same digits as the date pattern's \d


@cache
def _dateline() -> regex.Pattern[str]:
    """A line that is only a date ("20 novembre 2019", "Nov. 20, 2019 10:12 a.m. ET")."""
    return regex.compile(r"^\h*" + _macros()["{DATE}"], _FLAGS)


# A short label: one to four words, the first capitalised, no sentence punctuation at the end.
_LABEL = regex.compile(rf"\h*{_UPPER}[\p{{L}}\p{{N}}'’&.-]*(?:\h+[\p{{L}}\p{{N}}'’&.-]+){{0,3}}\h*", regex.V1)
_SENTENCE_END = ".!?:;,…"


def _is_label(text: str, max_length: int = 40) -> bool:
    return len(text) <= max_length and _LABEL.fullmatch(text) is not None and text.rstrip()[-1:] not in _SENTENCE_END


def _is_prose(text: str) -> bool:
    """A sentence of the article (long, ending like a sentence), not a title or a widget."""
    text = text.rstrip()
    return len(text) > 80 and text[-1] in '.!?…»”"'


def _head_lines(text: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines of ``text`` (as ``doc.content_lines`` would give them),
    found with ``str.find`` so that rules looking at the top of the text never split all of it."""
    found: list[str] = []
    start = 0
    length = len(text)
    while start < length and len(found) < count:
        newline = text.find("\n", start)
        end = length if newline == -1 else newline
        line = text[start:end]
        if line.strip():
            found.append(line)
        start = end + 1
    return found


def _line_span(doc: Document, first: int, last: int) -> tuple[int, int]:
    return doc.line_starts[first], doc.line_end(last)


def _lines_finding(rule: Rule, doc: Document, first: int, last: int, what: str, count: int, fix: str) -> Finding:
    """``what`` (a byline, a credit) on lines ``first..last`` (``count`` of them not blank), shown
    by its first line, with the unsafe deletion of the lines (described by ``fix``)."""
    start, end = _line_span(doc, first, last)
    message = f'{what} "{_quote(doc.line_texts[first])}"' + (f" ({count} lines)" if count > 1 else "")
    return rule.finding(start, end, message, rule.line_deletion(doc, first, last, fix, Applicability.UNSAFE))


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- BP007 ---------------------------------------------------------------------------------------

_TRAIL_SEPARATOR = regex.compile(r"\h*(?:[>»›→|]|::|\h/)\h*", regex.V1)


@cache
def _nav_start() -> regex.Pattern[str]:
    nav = _alternation(phrases(FAMILY, "breadcrumb"))
    # ``glued`` is the nav words of a trail whose last word runs into the title ("Home ActualitéOpenAI").
    return regex.compile(
        rf"\h*(?:(?P<glued>{nav}(?:\h+{nav})*\h+{nav}(?<=(?-i:\p{{Ll}}))(?=(?-i:\p{{Lu}})))"
        rf"|(?P<nav>{nav})(?=\h*(?:[>»›→|]|::|/\h)))",
        regex.IGNORECASE | regex.V1,
    )


@cache
def _nav_heads() -> dict[str, tuple[str, ...]]:
    """The first words of the navigation phrases, by their first character: a line is compared
    only with the words that can start it (``str.startswith`` tries a tuple member by member)."""
    heads: dict[str, set[str]] = {}
    for phrase in phrases(FAMILY, "breadcrumb"):
        words = phrase.split()
        if words:
            heads.setdefault(words[0][0], set()).add(words[0])
    return {first: tuple(sorted(group)) for first, group in heads.items()}


def _may_start_trail(line: str) -> bool:
    """Whether ``line`` starts (case-folded, as the full pattern compares) with the first word of a
    navigation phrase: the cheap gate before the trail pattern."""
    folded = line.lstrip()[:40].casefold()
    candidates = _nav_heads().get(folded[:1])
    return candidates is not None and folded.startswith(candidates)


class Breadcrumb(Rule):
    """A navigation trail ("Accueil > Actualités > Monde") at the start of the text.

    ## What it does
    Flags a breadcrumb trail a scraper kept at the start of the text: navigation words joined by
    separators (`>`, `»`, `›`, `/`, `|`), such as "Accueil > Actualités > Monde" or "Home / News /
    World", or navigation words glued to the title with no separator at all ("Home
    ActualitéOpenAI face à DeepSeek…"). The trail must start with a navigation word (Home, Accueil,
    Actualités, News, Startseite, Inicio…), in the first few lines of the text, before the first
    sentence of the article. The finding covers the trail only, not the title that follows it.

    ## Why it matters
    The trail is page navigation, not article text. Left in front of the title it corrupts the
    title (a model learns that titles start with "Home Actualité"), breaks title matching and
    deduplication, and glues words together.

    ## Example
    ```
    Home ActualitéOpenAI face à DeepSeek : un retour à l’open source envisagé
    ```
    Use instead:
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé
    ```

    ## Fix safety
    Safe: the fix deletes the trail and keeps the title; a line that is nothing but a trail is
    deleted whole.
    """

    code = "BP007"
    name = "breadcrumb"
    fix_applicability = Applicability.SAFE
    default_options = {"max-lines": 3}
    options_schema = object_schema(
        {
            "max-lines": integer_option(
                "How many non-blank lines at the start of the text may hold the trail.", minimum=1
            )
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        # Cheap gate: a trail starts with a navigation word, so one of the first lines must start
        # with the first word of one (case-folded, as the full pattern compares).
        if not any(map(_may_start_trail, _head_lines(doc.text, options["max-lines"]))):
            return []
        start_re = _nav_start()
        for line in doc.content_head(options["max-lines"]):
            match = start_re.match(line.text)
            if match is None:
                if _is_prose(line.text):
                    return []  # the article has started
                continue
            if match.group("glued"):
                trail_end = match.end()
                title = line.text[trail_end:]
                if len(title.split()) < 3:
                    continue
                return [self._finding(doc, line, trail_end, title)]
            trail_end = self._separated_trail_end(line.text, match.end("nav"))
            if trail_end is not None:
                return [self._finding(doc, line, trail_end, line.text[trail_end:])]
        return []

    @staticmethod
    def _separated_trail_end(text: str, first_end: int) -> int | None:
        """Where the trail ends: before a long last item (the title) or at the end of the line."""
        position = first_end
        items = 1
        while True:
            separator = _TRAIL_SEPARATOR.match(text, position)
            if separator is None or separator.end() == len(text):
                break
            following = _TRAIL_SEPARATOR.search(text, separator.end())
            item_end = following.start() if following else len(text)
            item = text[separator.end() : item_end]
            if following is None and (len(item.split()) > 5 or len(item) > 40):
                # The last item is the title: the trail ends with the separator before it.
                return separator.end() if items >= 1 else None
            if len(item.split()) > 5 or len(item) > 40 or not item.strip():
                return None
            items += 1
            position = item_end
            if following is None:
                break
        if items < 2:
            return None
        return len(text.rstrip())

    def _finding(self, doc: Document, line: Any, trail_end: int, title: str) -> Finding:
        lead = len(line.text) - len(line.text.lstrip())
        start, end = line.start + lead, line.start + trail_end
        trail = doc.text[start:end].strip()
        if not title.strip():
            fix = self.line_deletion(doc, line.index, line.index, "Delete the breadcrumb line", Applicability.SAFE)
            return self.finding(start, line.end, f'Breadcrumb trail "{_quote(trail)}" at the start of the text', fix)
        fix = Fix.safe("Delete the breadcrumb trail and keep the title", Edit.delete(start, end))
        return self.finding(start, end, f'Breadcrumb trail "{_quote(trail)}" glued before the title', fix)


# -- BP008 ---------------------------------------------------------------------------------------

# Lines of three or more short items: ``\n`` first so the scan jumps from line to line, and
# ``(?=(x))\1`` is an atomic ``x`` (no backtracking into an item; Python 3.10 has no ``x++``).
_PIPE_LIST = re.compile(r"\n[ \t]*(?=([^\n|•·]{1,48}))\1(?:[|•·](?=([^\n|•·]{1,48}))\2){2,}(?=\n|$)")
_COMMA_LIST = re.compile(r"\n[ \t]*(?=([^\n,.!?;:|•·]{1,32}))\1(?:,(?=([^\n,.!?;:|•·]{1,32}))\2){2,}[ \t]*(?=\n|$)")


# Two separators with one short item between them: every line the list patterns match holds
# this, and ``re`` finds it far faster than the full patterns try every line.
_PIPE_ITEM = r"[^\n|•·]{1,48}[|•·]"
_PIPE_GATE = re.compile(r"[|•·]" + _PIPE_ITEM)
_COMMA_GATE = re.compile(r",[^\n,.!?;:|•·]{1,32},")


@cache
def _pipe_gate(separators: str) -> re.Pattern[str]:
    """``_PIPE_GATE`` for a text holding only these ``separators``: led by the literal when there is
    one (most texts), so ``re`` jumps from one to the next instead of testing every character
    against the class."""
    return re.compile(re.escape(separators) + _PIPE_ITEM) if len(separators) == 1 else _PIPE_GATE


def _line_matches(
    compiled: re.Pattern[str], gate: re.Pattern[str], text: str, newline: int
) -> Iterator[tuple[int, int]]:
    """Spans (line break excluded) of the lines after offset ``newline`` (a line break, or -1
    for the whole text) that ``compiled``, a pattern starting with a line break, matches; only the
    lines ``gate`` finds something in are tried."""
    position = max(newline, 0)
    length = len(text)
    while True:
        hit = gate.search(text, position)
        if hit is None:
            return
        line_break = text.rfind("\n", 0, hit.start())
        line_end = text.find("\n", hit.end())
        if line_end == -1:
            line_end = length
        if line_break == -1:
            if newline < 0:
                first = compiled.match("\n" + text[:line_end])
                if first is not None:
                    yield 0, first.end() - 1
        elif line_break >= newline:
            match = compiled.match(text, line_break)
            if match is not None:
                yield match.start() + 1, match.end()
        position = line_end


_LIST_ITEM = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’&+#./()-]*(?:\h+[\p{L}\p{N}'’&+#./()-]+){0,4}", regex.V1)
_BULLET_START = regex.compile(r"\h*[•·|]")


@cache
def _list_stopwords() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(phrases(FAMILY, "tag-list", "verbs")), frozenset(phrases(FAMILY, "tag-list", "conjunctions"))


class TagList(Rule):
    """A line of tags or keywords ("Open Source | OpenAI | DeepSeek") near the end of the text.

    ## What it does
    Flags a line of three or more short items separated by `|`, `•`, `·` or `,`, with no verb and
    no final punctuation, in the second half of the text: the tag cloud or topic list a page shows
    under its article. Lines introduced by "Tags:", "Mots-clés :", "Topics:", "Schlagwörter:"…
    are flagged wherever they stand. Bulleted list items (a `•` at the start of a line) and comma
    enumerations ending in "and"/"et" are prose, not tags.

    ## Why it matters
    The tags are page navigation. Appended to the article they add a run of keywords that no
    writer wrote, which skews keyword statistics and teaches a model to end articles with
    keyword lists.

    ## Example
    ```
    …invoquant des préoccupations liées à la sécurité nationale.

    Open Source | Openai | Deepseek | Intelligence Artificielle | Sam Altman
    ```
    Use instead:
    ```
    …invoquant des préoccupations liées à la sécurité nationale.
    ```

    ## Fix safety
    Unsafe: the fix deletes the whole line; a terse list that belongs to the article (a line of
    names, a list of countries) can look like tags.
    """

    code = "BP008"
    name = "tag-list"
    fix_applicability = Applicability.UNSAFE
    default_options = {"min-items": 3, "min-position": 0.5, "max-line-length": 300}
    options_schema = object_schema(
        {
            "min-items": {"type": "integer", "minimum": 2, "description": "Fewest separated items a tag line has."},
            "min-position": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "How far into the text (fraction of its length) an unlabelled tag line must start.",
            },
            "max-line-length": {"type": "integer", "minimum": 20, "description": "Longer lines are never tag lines."},
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        max_length = options["max-line-length"]
        found: dict[int, str] = {}
        for start, end in _lines_of_kind(doc, "tags"):
            line = doc.line_at(doc.line_index_at(start))
            if len(line.text) <= max_length and doc.text[end : line.end].strip():
                found.setdefault(line.index, "Tag line")
        text = doc.text
        begin = text.rfind("\n", 0, int(len(text) * options["min-position"]))
        lists = [(_COMMA_LIST, _COMMA_GATE, ",")]
        separators = "".join(filter(text.__contains__, "|•·"))
        if separators:
            lists.insert(0, (_PIPE_LIST, _pipe_gate(separators), None))
        for compiled, gate, separator in lists:
            for start, end in _line_matches(compiled, gate, text, begin):
                if end - start > max_length:
                    continue
                index = doc.line_index_at(start)
                if index not in found and self._is_tag_line(text[start:end], separator, options["min-items"]):
                    found[index] = "Line of tags"
        findings = []
        for index in sorted(found):
            line = doc.line_at(index)
            findings.append(
                self.finding(
                    line.start,
                    line.end,
                    f'{found[index]} "{_quote(line.text)}" left by the page template',
                    self.line_deletion(doc, index, index, "Delete the tag line", Applicability.UNSAFE),
                )
            )
        return findings

    @staticmethod
    def _is_tag_line(text: str, separator: str | None, min_items: int) -> bool:
        if _BULLET_START.match(text) or text.rstrip()[-1:] in _SENTENCE_END:
            return False
        if separator is None:
            separator = max("|•·", key=text.count)
        items = [item.strip() for item in text.split(separator)]
        if len(items) < min_items or not all(items):
            return False
        verbs, conjunctions = _list_stopwords()
        for item in items:
            if _LIST_ITEM.fullmatch(item) is None or item[-1] in _SENTENCE_END:
                return False
            words = item.casefold().split()
            if verbs.intersection(words):
                return False
        if separator == ",":
            # "apples, pears and plums" is an enumeration in a sentence, not a tag list; tags are
            # cased alike ("Voir, par exemple, le…" is a broken sentence) and start with a letter.
            if conjunctions.intersection(items[-1].casefold().split()[:1]) or any(
                len(item.split()) > 3 or not item[0].isalpha() or "  " in item or item.count("(") != item.count(")")
                for item in items
            ):
                return False
            capitalised = sum(1 for item in items if item[0].isupper())
            if 0 < capitalised < len(items):
                return False
        return True


# -- BP009 ---------------------------------------------------------------------------------------


_BARE_BY = regex.compile(r"\h*\p{L}{1,3}\h*:?\h*$", regex.V1)


class BylineResidue(Rule):
    """A stray byline or dateline line ("by Sara", "Publié le 3 mars 2025 à 10h12").

    ## What it does
    Flags short lines a page template puts around an article's author and date: "By Jane Doe,
    Reuters", "Par Jean Dupont", "Von Moritz Bachmann", "Publié le 3 mars 2025 à 10h12", "Mis à
    jour le…", "Updated 2 hours ago", "5 min read", "Temps de lecture : 3 min". Short lines right
    below such a line (the author's place or role, a bare date) are part of the same finding.

    ## Why it matters
    The byline is metadata, not article text. Left in the text it splits the title from the
    article, and names and dates that no sentence carries end up in training data and summaries.

    ## Example
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé

    by Sara
    France

    Le patron d’OpenAI, Sam Altman, a exprimé des doutes…
    ```
    Use instead:
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé

    Le patron d’OpenAI, Sam Altman, a exprimé des doutes…
    ```

    ## Fix safety
    Unsafe: the fix deletes the lines; the author and date are metadata some users want to keep
    (store them in a field before deleting them).
    """

    code = "BP009"
    name = "byline-residue"
    fix_applicability = Applicability.UNSAFE
    default_options = {"max-line-length": 100, "max-extra-lines": 3}
    options_schema = object_schema(
        {
            "max-line-length": integer_option("Longer lines are article text, not bylines.", minimum=10),
            "max-extra-lines": integer_option(
                "How many short lines right below a byline (place, role, date) the finding takes along.", minimum=0
            ),
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        hits = _short_line_indexes(doc, _lines_of_kind(doc, "byline"), options["max-line-length"])
        if not hits:
            return []
        findings = []
        texts = doc.line_texts
        hit_set = set(hits)
        dateline = _dateline()
        consumed = -1
        for index in hits:
            if index <= consumed:
                continue
            last = index
            extra = 0
            # The author's name (after a bare "By"), then one place or role ("France", "Staff
            # Writer"); dates and further byline lines in any number.
            names = 2 if _BARE_BY.match(texts[index]) else 1
            while last + 1 < len(texts) and extra < options["max-extra-lines"]:
                following = texts[last + 1]
                if last + 1 in hit_set or (len(following) <= 60 and dateline.match(following)):
                    last += 1
                elif names and _is_label(following) and fold(following) not in _menu_words():
                    names -= 1
                    last += 1
                else:
                    break
                extra += last not in hit_set
            consumed = last
            findings.append(
                _lines_finding(self, doc, index, last, "Byline residue", last - index + 1, "Delete the byline lines")
            )
        return findings


# -- BP010 ---------------------------------------------------------------------------------------

_HASHTAG = r"(?<![\p{L}\p{N}_&/#])#(?-i:\p{L})[\p{L}\p{N}_]+"
_EMOJI = r"[\p{Extended_Pictographic}\U0001F1E6-\U0001F1FF]"
_TEASER_TAIL = regex.compile(rf"(?:\h*(?:{_HASHTAG}|{_EMOJI}|\uFE0F|\u200D))+\h*$", regex.V1)
_HASHTAGS = regex.compile(_HASHTAG, regex.V1)
_EMOJIS = regex.compile(_EMOJI, regex.V1)


class SocialTeaser(Rule):
    """A social-media teaser with hashtags and emoji before the article.

    ## What it does
    Flags a line in the first lines of the text that ends with hashtags (and emoji), like the
    post a site writes to share the article: "L'avenir de l'IA sera-t-il vraiment démocratique? 🤖
    #IA #OpenSource". The line must end with a run of hashtags and emoji holding at least one
    hashtag, and carry either an emoji or several hashtags; it must stand before the first
    sentence of the article, and article text must follow it.

    ## Why it matters
    The teaser is a promotional summary, not the article. It repeats the article in another
    register (with hashtags and emoji) and pollutes the opening a summariser or a model reads
    first.

    ## Example
    ```
    OpenAI reste fermée. L'avenir de l'IA sera-t-il démocratique? 🤖 #IA #OpenSource

    Sam Altman, PDG d’OpenAI, a récemment fait des déclarations…
    ```
    Use instead:
    ```
    Sam Altman, PDG d’OpenAI, a récemment fait des déclarations…
    ```

    ## Fix safety
    Unsafe: the fix deletes the whole line, and a teaser may hold the only copy of a sentence
    (the standfirst) of the article.
    """

    code = "BP010"
    name = "social-teaser"
    fix_applicability = Applicability.UNSAFE
    default_options = {"max-lines": 3}
    options_schema = object_schema(
        {
            "max-lines": integer_option(
                "How many non-blank lines at the start of the text are searched for a teaser.", minimum=1
            )
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        if "#" not in doc.text or not any("#" in line for line in _head_lines(doc.text, options["max-lines"])):
            return []  # a teaser ends with hashtags
        content_count = doc.count_content_lines(0, len(doc.line_texts))
        for line in doc.content_head(min(options["max-lines"], content_count - 1)):
            if "#" not in line.text:
                if _is_prose(line.text):
                    return []  # the article has started
                continue
            tail = _TEASER_TAIL.search(line.text)
            if tail is None or not _HASHTAGS.search(tail.group()):
                continue
            tags = _HASHTAGS.findall(line.text)
            if len(tags) < 2 and not _EMOJIS.search(line.text):
                continue
            return [
                self.finding(
                    line.start,
                    line.end,
                    f"Social-media teaser with {', '.join(tags[:3])}{'…' if len(tags) > 3 else ''} before the article",
                    self.line_deletion(doc, line.index, line.index, "Delete the teaser line", Applicability.UNSAFE),
                )
            ]
        return []


# -- BP011 ---------------------------------------------------------------------------------------

_FIGURES = regex.compile(r"\h*[+−–-]?\h*\p{N}[\p{N}\h.,%€$£¥₩()/+−–-]*$", regex.V1)
_SEPARATOR_LINES = frozenset("|›»>/•·-–—")
_MAX_LABEL = 30  # characters: a longer line is no menu label


def _enough_title_like(labels: list[str], needed: float) -> bool:
    """Whether at least ``needed`` of the ``labels`` are capitalised like menu entries:
    "Politics", "US & Canada", "Contact Me" (not "Bugs fixed"): every word after the first that
    has four characters or more and starts with a letter starts with a capital. The test is
    written in the loop (a call per label cost more than the test), which stops as soon as the
    answer is known."""
    count = 0
    reachable = len(labels)  # the count if every label not yet tested passed
    for text in labels:
        if text[0].isupper():
            if " " not in text:
                count += 1
                if count >= needed:
                    return True
                continue
            for word in text.split()[1:]:
                if len(word) > 3 and not word[0].isupper() and word[0].isalpha():
                    break
            else:
                count += 1
                if count >= needed:
                    return True
                continue
        reachable -= 1
        if reachable < needed:
            return False
    return count >= needed


# A line of figures starts (after white space) with a sign or a digit: a stripped line starting
# with any other ASCII character never matches ``_FIGURES``, so the regex runs on few lines.
_FIGURE_STARTS = frozenset("+-0123456789")


def _is_figures_line(doc: Document, index: int) -> bool:
    head = doc.stripped_lines[index][0]
    return (head in _FIGURE_STARTS or not head.isascii()) and _FIGURES.match(doc.line_texts[index]) is not None


@cache
def _menu_words() -> frozenset[str]:
    return frozenset(phrases(FAMILY, "navigation-run"))


class NavigationRun(Rule):
    """A run of menu labels ("News", "World", "Politics"), one per line.

    ## What it does
    Flags three or more consecutive very short lines that read as menu entries: one to three
    words, at most 30 characters, starting with a letter, none ending with sentence punctuation
    or holding a colon, and mostly capitalised like menu entries ("Accueil", "Économie", "US &
    Canada"). Bare separators ("|", "›") may stand between them. A single heading between
    paragraphs is never a run. When blank lines separate the labels, or figures stand next to
    them (a table's column), the run must also hold a menu word (Home, Accueil, Contact,
    Politique…) to count.

    ## Why it matters
    A careless extraction keeps the site's menus, one entry per line. They are not article text,
    and they repeat on every page of the site, so they dominate n-gram statistics of a corpus.

    ## Example
    ```
    Accueil
    Économie
    Sport
    OpenAI face à DeepSeek : un retour à l’open source envisagé
    ```
    Use instead:
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé
    ```

    ## Fix safety
    Unsafe: the fix deletes the lines, and a short list in an article (names, places, a
    table's column) can look like a menu.
    """

    code = "BP011"
    name = "navigation-run"
    fix_applicability = Applicability.UNSAFE
    default_options = {"min-lines": 3, "min-capitalised": 0.67}
    options_schema = object_schema(
        {
            "min-lines": {"type": "integer", "minimum": 2, "description": "Fewest menu labels in a run."},
            "min-capitalised": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": (
                    "Smallest share of the labels capitalised like menu entries (every word of four letters or more)."
                ),
            },
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        # One pass with cheap string tests (much faster than a regex here) over the short lines
        # only: a line of more than 30 characters is never a label, a blank or a separator, so
        # all it does is end the current run, and a gap between two short lines says that.
        min_lines = options["min-lines"]
        end_marks = _SENTENCE_END
        texts = doc.stripped_lines
        runs: list[tuple[list[int], bool]] = []
        labels: list[int] = []
        blank = False  # a blank line since the last label
        spaced = False  # blank lines stand between the labels of the current run
        previous = -2
        for index in compress(range(len(texts)), map(_MAX_LABEL.__ge__, map(len, texts))):
            if index != previous + 1:
                if len(labels) >= min_lines:
                    runs.append((labels, spaced))
                labels, blank, spaced = [], False, False
            previous = index
            text = texts[index]
            if not text:
                blank = bool(labels)
                continue
            # A menu label: one to three words, starting with a letter, no punctuation at the end
            # and no colon ("VIP : 60,000₩" is a price, not a label).
            if (
                text[0].isalpha()
                and text[-1] not in end_marks
                and ":" not in text
                and (" " not in text or text.count(" ") <= 2 or len(text.split()) <= 3)
            ):
                if blank:
                    spaced, blank = True, False
                labels.append(index)
                continue
            if labels and text in _SEPARATOR_LINES:
                continue
            if len(labels) >= min_lines:
                runs.append((labels, spaced))
            labels, blank, spaced = [], False, False
        if len(labels) >= min_lines:
            runs.append((labels, spaced))
        found = []
        for labels, spaced in runs:
            finding = self._run(doc, labels, spaced, options)
            if finding is not None:
                found.append(finding)
        return found

    @staticmethod
    def _next_to_figures(doc: Document, first: int, last: int) -> bool:
        """The nearest non-blank line above or below (within three lines) is a line of figures."""
        # Plain loops: ranges bounded with ``min``/``max`` cost more than the one or two lines
        # looked at (a menu has no blank line around it in most texts).
        texts = doc.stripped_lines
        index = first - 1
        stop = first - 4
        while index > stop and index >= 0:
            if texts[index]:
                if _is_figures_line(doc, index):
                    return True
                break
            index -= 1
        index = last + 1
        stop = min(last + 4, len(texts))
        while index < stop:
            if texts[index]:
                return _is_figures_line(doc, index)
            index += 1
        return False

    def _run(self, doc: Document, indexes: list[int], spaced: bool, options: Mapping[str, Any]) -> Finding | None:
        labels = list(map(doc.stripped_lines.__getitem__, indexes))
        if not _enough_title_like(labels, options["min-capitalised"] * len(labels)):
            return None
        if (spaced or self._next_to_figures(doc, indexes[0], indexes[-1])) and not _menu_words().intersection(
            map(fold, labels)
        ):
            # Without a menu word, short lines between blank lines are as often a list of the
            # article, and short lines next to lines of figures are the column of a table.
            return None
        first, last = indexes[0], indexes[-1]
        start, end = _line_span(doc, first, last)
        shown = " / ".join(labels[:4]) + (" / …" if len(labels) > 4 else "")
        return self.finding(
            start,
            end,
            f'Run of {len(labels)} menu labels ("{_quote(shown, 60)}") left by the page template',
            self.line_deletion(doc, first, last, "Delete the menu lines", Applicability.UNSAFE),
        )


# -- BP012 ---------------------------------------------------------------------------------------


_COPYRIGHT = regex.compile(r"\h*©", regex.V1)


class PhotoCredit(Rule):
    """A photo caption or credit line ("Photo : AFP", "© Getty Images").

    ## What it does
    Flags short lines that credit or caption a picture: "Photo : AFP", "Crédit photo : Reuters",
    "© Getty Images", "Photo by Jane Doe on Unsplash", "(Photo: Reuters)", "Image: …",
    "Illustration : …", "John Doe/Getty Images", "Foto: dpa". A copyright footer ("© 2019 Le
    Monde, tous droits réservés") is not a photo credit. Consecutive credit lines are one finding.

    ## Why it matters
    The credit belongs to an image the text no longer has. It interrupts the article between two
    paragraphs and adds agency names that no sentence carries.

    ## Example
    ```
    Le patron d’OpenAI a exprimé des doutes.

    Photo : AFP

    Lors d’une séance de questions-réponses…
    ```
    Use instead:
    ```
    Le patron d’OpenAI a exprimé des doutes.

    Lors d’une séance de questions-réponses…
    ```

    ## Fix safety
    Unsafe: the fix deletes the lines, and a caption may describe the picture in words worth
    keeping.
    """

    code = "BP012"
    name = "photo-credit"
    fix_applicability = Applicability.UNSAFE
    default_options = {"max-line-length": 150}
    options_schema = object_schema(
        {"max-line-length": integer_option("Longer lines are article text, not credits.", minimum=10)}
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> list[Finding]:
        hits = _short_line_indexes(doc, _lines_of_kind(doc, "credit"), options["max-line-length"])
        if hits and hits[-1] == doc.last_content_index() and _COPYRIGHT.match(doc.line_texts[hits[-1]]):
            hits.pop()  # "© Reuters" closing the text is the copyright notice, not a photo's credit
        findings = []
        for first, last in doc.line_runs(hits):
            count = doc.count_content_lines(first, last + 1)
            findings.append(_lines_finding(self, doc, first, last, "Photo credit", count, "Delete the photo credit"))
        return findings


# -- BP017 ---------------------------------------------------------------------------------------

_PROSE_END = frozenset(".!?…\"”»)'’")
_CHROME_END = frozenset('.!?…;,"”»')
_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII".split())
_CURRENCY_MARKS = frozenset("€$£¥₩%")
_TITLE_SKIP = ("by ", "par ", "von ", "por ", "di ", "updated", "published", "posted", "publié", "mis à jour")


@cache
def _chrome_verbs() -> frozenset[str]:
    return frozenset(phrases(FAMILY, "page-chrome", "verbs"))


def _is_paragraph(text: str, min_length: int) -> bool:
    """An article paragraph: a long line that ends like a sentence or holds a sentence break."""
    if len(text) < min_length:
        return False
    text = text.rstrip()
    return text[-1] in _PROSE_END or ". " in text


def _is_figure(text: str) -> bool:
    """A number, an amount or a price ("3.858.542", "VIP : 60,000₩")."""
    return _FIGURES.match(text) is not None or (
        not _CURRENCY_MARKS.isdisjoint(text) and any(char.isdigit() for char in text)
    )


def _is_fragment(text: str) -> bool:
    """A piece of a sentence cut at a link: two words or more starting in lower case ("trying to
    distance themselves", "éenne a adopté") or with the punctuation that continues a sentence."""
    text = text.lstrip()
    if not text or " " not in text:
        return False
    first = text[0]
    if first.islower():
        return len(text) < 2 or not text[1].isupper()  # "iPhone deals" is a label
    return first in ",;'’" or (first in ")]" and len(text.split()) > 2)


# Where a line that may be a fragment starts: after its white space, a character that may be a
# lower-case letter or a mark continuing a sentence. The class leaves out only characters that are
# neither (``_is_fragment`` decides for the rest), so ``re`` skips menu lines without Python.
_FRAGMENT_HEAD = re.compile(r"\n[^\S\n]*[^\sA-Z0-9\"“”«»(\[{*•·|#&@%$€£+=<>/\\!?.:…–—-]")


def _fragments(doc: Document, first: int, stop: int) -> Iterator[int]:
    """Indexes of the lines ``first`` to ``stop - 1`` that ``_is_fragment`` holds, in order."""
    if first >= stop:
        return
    texts = doc.line_texts
    if _is_fragment(texts[first]):
        yield first
    for match in _FRAGMENT_HEAD.finditer(doc.text, doc.line_end(first), doc.line_end(stop - 1)):
        index = doc.line_index_among(match.start() + 1, first, stop)  # the line after the break
        if _is_fragment(texts[index]):
            yield index


# A line that is never page chrome, whatever the rule's word limit.
_NEVER_CHROME = 1 << 30


def _chrome_words(text: str) -> int:
    """How many words ``text`` (a stripped, non-blank line) has when it may be page chrome (the
    rule then compares the count with its word limit), or ``_NEVER_CHROME``."""
    words = text.split()
    count = len(words)
    last = text[-1]
    if last in _CHROME_END and text not in _SEPARATOR_LINES and len(text) > 1:
        return _NEVER_CHROME
    if last == ":" and count > 3:
        return _NEVER_CHROME
    if "://" in text or "www." in text or "@" in text:
        return _NEVER_CHROME  # an address the article gives, not a label
    head = words[0]
    if count > 1 and head[-1] in ".)" and (head[:-1].isdigit() or head[:-1] in _ROMAN):
        return _NEVER_CHROME  # a numbered section heading ("6. Démographie", "III. Réforme")
    if not _chrome_verbs().isdisjoint(text.casefold().split()):
        return _NEVER_CHROME
    return count


# Chrome word counts of short lines, memoised: menus and footers repeat on every page of a site,
# and this rule classifies every short line above and below the article.
_CHROME_WORDS = LineMemo(_chrome_words, size=20000)


class PageChrome(Rule):
    """Short page-template lines (menus, widgets, labels) above or below the article.

    ## What it does
    Finds the article body, its paragraphs being long lines that read like sentences (at least
    120 characters, ending with sentence punctuation or holding a sentence break), and flags runs
    of short non-sentence lines in the header zone (before the first paragraph) and in the footer
    zone (after the last one): lines of a few words, with no final punctuation and no verb-like
    function word ("is", "est", "ist"…), such as "Search", "Legal notice", "Language selector",
    "EN", "Image", "1", "of", "23", "Close", "Side Bar". A run needs at least three such lines;
    lines between two paragraphs (section headings) are never flagged, and the line most like a
    title right above the first paragraph is kept.

    ## Why it matters
    A careless extraction keeps everything the page template shows around the article: menus,
    tool bars, gallery counters, footers. They are not article text, they repeat on every page of
    a site and dominate the n-gram statistics of a corpus.

    ## Example
    ```
    Accessibility tools
    Service tools
    Legal notice
    Language selector
    Anthropic opens an office in Paris
    The company announced on Tuesday that it would open an office in Paris next year, its third in Europe.
    ```
    Use instead:
    ```
    Anthropic opens an office in Paris
    The company announced on Tuesday that it would open an office in Paris next year, its third in Europe.
    ```

    ## Fix safety
    Unsafe: the fix deletes the lines, and a short list closing an article (names, a table's
    column) or a short title can look like page chrome.
    """

    code = "BP017"
    name = "page-chrome"
    fix_applicability = Applicability.UNSAFE
    default_options = {
        "min-lines": 3,
        "max-words": 5,
        "max-words-below": 4,
        "max-line-length": 50,
        "min-paragraph-length": 120,
        "min-paragraphs": 2,
    }
    options_schema = object_schema(
        {
            "min-lines": {"type": "integer", "minimum": 1, "description": "Fewest chrome lines in a flagged run."},
            "max-words": {"type": "integer", "minimum": 1, "description": "Lines with more words are never chrome."},
            "max-words-below": integer_option(
                "Below the article, lines with more words are never chrome (a list closing an article is wordier than a footer).",
                minimum=1,
            ),
            "max-line-length": integer_option("Longer lines (characters) are never chrome.", minimum=5),
            "min-paragraph-length": integer_option(
                "Shortest line (characters) counted as an article paragraph.", minimum=40
            ),
            "min-paragraphs": integer_option(
                "Fewest article paragraphs the text needs before any line is flagged.", minimum=1
            ),
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        min_length = options["min-paragraph-length"]
        text = doc.text
        if len(text) < min_length * options["min-paragraphs"]:
            return
        if doc.line_break_count < options["min-lines"] + 1:
            return
        texts = doc.line_texts
        # The lines long enough to be a paragraph, picked in C; the first and the last paragraph
        # are then each found from its end of the text.
        long_lines = list(compress(range(len(texts)), map(min_length.__le__, map(len, texts))))
        first_body = next((index for index in long_lines if _is_paragraph(texts[index], min_length)), -1)
        if first_body < 0:
            return
        last_body = next(index for index in reversed(long_lines) if _is_paragraph(texts[index], min_length))
        needed = options["min-paragraphs"]
        if needed > 1 and (
            last_body == first_body
            or needed > 2
            and sum(
                1
                for index in long_lines
                if first_body <= index <= last_body and _is_paragraph(texts[index], min_length)
            )
            < needed
        ):
            return
        # A paragraph cut into pieces (at its links) starts the body where its first piece stands:
        # a piece that starts in lower case ("trying to distance themselves") is article text.
        first_body = next(_fragments(doc, 0, first_body), first_body)
        footer_fragments = list(_fragments(doc, last_body + 1, len(texts)))
        if footer_fragments:
            last_body = footer_fragments[-1]
        title = self._title(texts, first_body)
        header = list(range(first_body))
        if title >= 0:
            del header[title]
        footer = range(last_body + 1, len(texts))
        min_lines = options["min-lines"]
        stripped = doc.stripped_lines
        runs = self._runs(doc, header, options["max-words"], options)
        for run in runs:
            # A title cut into pieces ("Structural Funds: Commission agrees" / "€ 747 million
            # package for Sweden") starts at the end of a run close above the body: the run's last
            # lines of three words or more, up to a date or a byline, stay.
            if run and doc.count_content_lines(run[-1] + 1, first_body) > 3:
                continue
            while run and len(texts[run[-1]].split()) >= 3 and not self._is_meta(texts[run[-1]]):
                run.pop()
        for zone, found in (("above", runs), ("below", self._runs(doc, footer, options["max-words-below"], options))):
            for run in found:
                if len(run) < min_lines or (zone == "below" and self._is_table(texts, run)):
                    continue
                first, last_index = run[0], run[-1]
                start, end = _line_span(doc, first, last_index)
                shown = " / ".join(map(stripped.__getitem__, run[:4])) + (" / …" if len(run) > 4 else "")
                yield self.finding(
                    start,
                    end,
                    f'{len(run)} lines of page chrome ("{_quote(shown, 60)}") {zone} the article',
                    self.line_deletion(doc, first, last_index, "Delete the page-chrome lines", Applicability.UNSAFE),
                )

    @staticmethod
    def _title(texts: list[str], first_body: int) -> int:
        """The line kept as the title: the nearest line of three words or more above the body that
        is not a byline or a date (``texts``: the line texts)."""
        for index in range(first_body - 1, max(first_body - 8, -1), -1):
            text = texts[index].strip()
            if len(text.split()) < 3 or PageChrome._is_meta(text):
                continue
            return index
        return -1

    @staticmethod
    def _is_meta(text: str) -> bool:
        """A byline or a date line (not a title)."""
        text = text.strip()
        # Every date form has a digit: the date pattern (slow to compile) is only needed then.
        return text.casefold().startswith(_TITLE_SKIP) or (
            _DIGIT.search(text) is not None and _dateline().match(text) is not None
        )

    @staticmethod
    def _is_table(texts: list[str], run: list[int]) -> bool:
        """Figures on many lines: the cells of a table closing the article, not a footer."""
        figures = sum(1 for index in run if _is_figure(texts[index]))
        return figures * 4 >= len(run)

    def _runs(self, doc: Document, indexes: Any, max_words: int, options: Mapping[str, Any]) -> list[list[int]]:
        """Runs of chrome lines among ``indexes`` (blank lines may stand between them)."""
        texts = doc.stripped_lines
        max_length = options["max-line-length"]
        chrome_words = _CHROME_WORDS
        chrome_words.trim()
        runs: list[list[int]] = []
        run: list[int] = []
        previous = -1
        for index in indexes:
            text = texts[index]
            if not text:
                continue
            if len(text) <= max_length and chrome_words[text] <= max_words:
                if run and index != previous + 1 and doc.count_content_lines(previous + 1, index):
                    runs.append(run)
                    run = []
                run.append(index)
            elif run:
                runs.append(run)
                run = []
            previous = index
        if run:
            runs.append(run)
        return runs


RULES: list[type[Rule]] = [Breadcrumb, TagList, BylineResidue, SocialTeaser, NavigationRun, PhotoCredit, PageChrome]
