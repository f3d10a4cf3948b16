"""The bpnav family's shared scan for kinds of lines (BP008 labelled tags, BP009 bylines, BP012
photo credits): the flat line-break gate and the memoised classification give the same lines as
the plain definition kept here as the reference (one regex gate, every kind pattern matched at
the line's place in the text)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.document import line_bounds
from newslint.rules import boilerplate_structure as bs
from newslint.rules._data import trie_pattern


def _reference_gate() -> re.Pattern[str]:
    words: set[str] = set()
    for _, rule in bs._LINE_KINDS:
        for word in bs._raw(rule, "starts"):
            words.update(bs._case_variants(word))
    return re.compile(
        rf"[ \t]*[(\[]?[ \t]*(?:{trie_pattern(words, re.escape)}|\d{{1,3}}[ \t]*[-–]?[ \t]*(?:min|Min|MIN))"
    )


_GATE = _reference_gate()
_CONTAINS = tuple(sorted({word for _, rule in bs._LINE_KINDS for word in bs._raw(rule, "contains")}))


def _reference_lines(text: str) -> dict[str, list[tuple[int, int]]]:
    starts = {0} if _GATE.match(text) else set()
    starts.update(match.start() + 1 for match in re.finditer("\n", text) if _GATE.match(text, match.start() + 1))
    for literal in _CONTAINS:
        starts.update(text.rfind("\n", 0, match.start()) + 1 for match in re.finditer(re.escape(literal), text))
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind, _ in bs._LINE_KINDS}
    for start in sorted(starts):
        end = line_bounds(text, start)[1]
        for kind, rule in bs._LINE_KINDS:
            match = bs._kind_pattern(rule).match(text, start, end)
            if match is not None:
                found[kind].append(match.span())
                break
    return found


# What a candidate line is made of: the words the kinds start with, in several casings (and near
# misses), what stands before them, names, dates, reading times, agencies, separators.
_LEADS = ["", "", " ", "\t", "  ", "(", "[", "( ", "\t[", "((", "\xa0", "\u2003", "-", "•"]
_HEADS = [
    "By", "by", "BY", "bY", "Par", "par", "PAR", "Von", "Di", "di", "Por",
    "Photo", "photo", "PHOTO", "pHOTO", "Photos", "Image", "Crédit photo", "Illustration", "Foto", "Bild",
    "Tags", "tags", "TAGS", "Tag", "Mots-clés", "Mots clés", "Themen", "Schlagwörter", "Topics", "Filed under",
    "Updated", "UPDATED", "Published", "Publié le", "Mis à jour le", "Mise à jour", "Veröffentlicht am", "Posted",
    "Lecture", "Temps de lecture", "Lesezeit", "Reading time", "Estimated reading time",
    "©", "© ", "5 min read", "12 min", "3 Min. Lesezeit", "4-min", "٣ min", "5 minutes de lecture", "1000 min",
    "Parenting", "Digital", "Disclaimer", "Update", "Bylines", "Photographer", "Tagging", "Le", "The",
]  # fmt: skip
_BODY = [
    " ", "", ": ", ":", " : ", "\t", "\xa0", ", ", " | ", " • ", " - ", " / ", ".", "…", "!", "?", ";",
    "Jane Doe", "Sara", "Jean Dupont et Marie Curie", "JEAN DUPONT", "AFP", "Reuters", "Getty Images", "getty images",
    "Shutterstock", "iStock", "Unsplash", "Alamy", "John Doe/Getty Images", "via", "courtesy of",
    "3 mars 2025", "Nov. 20, 2019 10:12 a.m. ET", "2 hours ago", "10h12", "2019", "il y a 3 heures",
    "Open Source", "OpenAI", "tous droits réservés", "Copyright", "le", "the", "und", "a", "1",
]  # fmt: skip
_BREAKS = ["\n", "\n", "\n\n", "\r\n", "\r", "\n \n", "\n\t\n"]

# Whole lines of each kind, so that the generated texts hold many.
_KINDS = [
    "By Jane Doe, Reuters", "Par Jean Dupont", "by", "Photo : AFP", "(Photo: Reuters)", "© Getty Images",
    "John Doe/Getty Images", "Image courtesy of Jane Doe", "Tags: OpenAI, Open Source", "Mots-clés : IA",
    "Publié le 3 mars 2025 à 10h12", "Updated 2 hours ago", "5 min read", "Temps de lecture : 3 min",
]  # fmt: skip
_LINE = st.one_of(
    st.builds(lambda lead, line, tail: lead + line + tail, st.sampled_from(_LEADS), st.sampled_from(_KINDS),
              st.sampled_from(["", "", " ", ".", ",", " | Le Monde", "\xa0"])),
    st.builds(
        lambda lead, head, body: lead + head + "".join(body),
        st.sampled_from(_LEADS),
        st.sampled_from(_HEADS + _BODY),
        st.lists(st.sampled_from(_BODY), max_size=6),
    ),
)  # fmt: skip
_TEXT = st.builds(
    lambda parts, last: "".join(line + brk for line, brk in parts) + last,
    st.lists(st.tuples(_LINE, st.sampled_from(_BREAKS)), max_size=10),
    st.sampled_from(["", "\n", "\r", "Body text."]),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_scan_finds_the_lines_of_the_plain_definition(text):
    assert bs._compute_lines(Document(text)) == _reference_lines(text)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["", "x", "\n", "Article.\n", "Le titre\r\n\n"]))
def test_the_memo_answers_as_the_line_s_place_in_the_text(text, before):
    # Warm the memo on the text alone, then find the same lines after other text: the memoised
    # answers (first line of a text, or after a line break) must be those of the patterns there.
    bs._compute_lines(Document(text))
    assert bs._compute_lines(Document(before + text)) == _reference_lines(before + text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t([\xa0Bby©5٣mMiInN:-–\n\rPhoto", max_size=40))
def test_the_line_break_gate_picks_the_lines_of_the_plain_gate(text):
    assert bs._compute_lines(Document(text)) == _reference_lines(text)


def test_no_word_a_line_starts_with_starts_with_a_lead_in_character():
    # ``_lead_in_fits`` takes the whole run of lead-in characters for the lead-in.
    for _, rule in bs._LINE_KINDS:
        for word in bs._raw(rule, "starts"):
            assert word[:1] not in bs._LEAD_CHARS, word


def test_lead_ins():
    text = "( By\n((By\n( (By\n\t[ \tBy\n [By\n  \t (  5 min\n(\n[\n"
    assert _reference_lines(text) == bs._compute_lines(Document(text))
    gate, _ = bs._gate()
    starts = {m.start() + 1 for m in gate.finditer("\n" + text) if bs._lead_in_fits(m.group()[1:])}
    assert {m.start() + 1 for m in re.finditer("\n", "\n" + text) if _GATE.match("\n" + text, m.start() + 1)} == starts


def test_the_memo_starts_over_when_full(monkeypatch):
    monkeypatch.setattr(bs._KIND_MEMO, "size", 2)
    bs._KIND_MEMO.clear()
    text = "By Jane Doe\nPhoto : AFP\nTags: a, b\nParenting\n"
    assert bs._compute_lines(Document(text)) == _reference_lines(text)
    assert len(bs._KIND_MEMO) == 4
    assert bs._compute_lines(Document(text)) == _reference_lines(text)
    assert len(bs._KIND_MEMO) == 4  # cleared, then filled again
