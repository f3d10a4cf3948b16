"""The Document views rules share: lines, paragraphs, positions, removal spans, claimable bounds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document, Line, Paragraph, Position


def lines_of(text: str) -> list[tuple[int, int, int, str]]:
    return [(line.start, line.end, line.end_break, line.text) for line in Document(text).lines]


# -- lines ---------------------------------------------------------------------------------------


def test_lines_split_lf_text_and_keep_offsets_of_breaks():
    assert lines_of("ab\n\ncd\n") == [(0, 2, 3, "ab"), (3, 3, 4, ""), (4, 6, 7, "cd")]


def test_lines_exclude_the_carriage_return_of_crlf_breaks():
    assert lines_of("ab\r\ncd\r\n") == [(0, 2, 4, "ab"), (4, 6, 8, "cd")]


def test_lines_last_line_without_break_ends_at_end_of_text():
    assert lines_of("ab\ncd") == [(0, 2, 3, "ab"), (3, 5, 5, "cd")]


def test_lines_of_empty_text_are_empty_and_a_lone_newline_is_one_blank_line():
    assert Document("").lines == ()
    assert lines_of("\n") == [(0, 0, 1, "")]


def test_line_number_is_one_based_and_is_blank_ignores_white_space():
    first, second = Document("x\n \t\u00a0\n").lines
    assert isinstance(first, Line)
    assert (first.index, first.number, first.is_blank) == (0, 1, False)
    assert (second.index, second.number, second.is_blank) == (1, 2, True)


def test_content_lines_skip_blank_lines():
    doc = Document("a\n\n  \nb\n")
    assert [line.text for line in doc.content_lines] == ["a", "b"]


def test_lines_split_only_at_line_feed_not_at_unicode_separators():
    # U+2028 and U+0085 stay inside the line: splitting there would move every later offset.
    doc = Document("a\u2028b\x85c\nd")
    assert [line.text for line in doc.lines] == ["a\u2028b\x85c", "d"]


# -- paragraphs ----------------------------------------------------------------------------------


def test_paragraphs_are_runs_of_non_blank_lines_with_spans_and_line_indexes():
    text = "\nT1\nT2\n\n\nP2\n"
    paragraphs = Document(text).paragraphs
    assert all(isinstance(p, Paragraph) for p in paragraphs)
    assert [(p.index, p.first, p.last, p.text) for p in paragraphs] == [(0, 1, 2, "T1\nT2"), (1, 5, 5, "P2")]
    for paragraph in paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


def test_paragraph_spans_end_before_the_crlf_break():
    doc = Document("a\r\nb\r\n\r\nc")
    assert [(p.start, p.end, p.text) for p in doc.paragraphs] == [(0, 4, "a\r\nb"), (8, 9, "c")]


# Lines built from the characters that decide blankness: white space str.strip() removes
# (including the separators \x1c-\x1f, \x85 and U+2028 that stay inside a line), \r, and text.
_LAYOUT_TEXT = st.text(alphabet=st.sampled_from(["a", "B", " ", "\t", "\xa0", "\x1c", "\x85", "\u2028", "\r", "\n"]))


@settings(max_examples=300, deadline=None)
@given(_LAYOUT_TEXT)
def test_paragraphs_content_lines_and_stripped_lines_follow_the_line_by_line_definition(text):
    doc = Document(text)
    expected: list[tuple[int, int]] = []
    for line in doc.lines:
        if line.is_blank:
            continue
        if expected and expected[-1][1] == line.index - 1:
            expected[-1] = (expected[-1][0], line.index)
        else:
            expected.append((line.index, line.index))
    assert [(p.first, p.last) for p in doc.paragraphs] == expected
    assert [p.index for p in doc.paragraphs] == list(range(len(expected)))
    for paragraph in doc.paragraphs:
        assert paragraph.start == doc.lines[paragraph.first].start
        assert paragraph.text == text[paragraph.start : doc.lines[paragraph.last].end]
    assert doc.content_lines == tuple(line for line in doc.lines if not line.is_blank)
    assert doc.stripped_lines == [line.text.strip() for line in doc.lines]


@settings(max_examples=200, deadline=None)
@given(_LAYOUT_TEXT)
def test_line_at_is_the_line_tuple_before_the_lines_are_built_and_after_they_are_released(text):
    expected = Document(text).lines
    indexes = [*range(len(expected)), *range(-len(expected), 0)]
    unbuilt = Document(text)
    assert [unbuilt.line_at(index) for index in indexes] == [expected[index] for index in indexes]
    assert "lines" not in unbuilt.__dict__  # reading a few lines never builds them all
    released = Document(text)
    released.lines  # noqa: B018
    released.release_views()
    assert [released.line_at(index) for index in indexes] == [expected[index] for index in indexes]


@settings(max_examples=200, deadline=None)
@given(_LAYOUT_TEXT, st.booleans())
def test_line_texts_are_the_lines_texts_whichever_view_is_read_first(text, texts_first):
    doc = Document(text)
    texts = doc.line_texts if texts_first else None
    assert [line.text for line in doc.lines] == doc.line_texts
    assert texts is None or texts is doc.line_texts
    doc.release_views()
    assert "line_texts" not in doc.__dict__  # a released document keeps only what reports read


# -- positions -----------------------------------------------------------------------------------


def test_position_columns_count_code_points_for_accents_and_emoji():
    text = "Café 👉 SPAM\nÉté 🇫🇷 x\n"
    doc = Document(text)
    assert doc.position(text.index("SPAM")) == Position(1, 8)  # C a f é ␠ 👉 ␠ S
    second = text.index("x")
    # 🇫🇷 is two code points (two regional indicators), so "x" is in column 8, not 7.
    assert doc.position(second) == Position(2, 8)


def test_position_counts_a_combining_accent_as_its_own_code_point():
    text = "Cafe\u0301 X"
    assert Document(text).position(text.index("X")) == Position(1, 7)


def test_position_on_crlf_text_counts_lines_at_line_feeds():
    text = "un\r\ndeux\r\ntrois"
    doc = Document(text)
    assert doc.position(0) == Position(1, 1)
    assert doc.position(text.index("deux")) == Position(2, 1)
    assert doc.position(text.index("ux")) == Position(2, 3)
    assert doc.position(text.index("trois")) == Position(3, 1)


def test_position_at_end_of_text_without_final_newline_is_after_the_last_character():
    doc = Document("ab\ncd")
    assert doc.position(5) == Position(2, 3)


def test_position_of_empty_text_is_line_one_column_one():
    assert Document("").position(0) == Position(1, 1)


def test_end_position_of_a_span_ending_with_its_line_break_stays_on_that_line():
    text = "abc\r\ndef\n"
    doc = Document(text)
    assert doc.end_position(0, 5) == Position(1, 4)  # "abc\r\n": ends after "c", not on line 2
    assert doc.end_position(5, 9) == Position(2, 4)
    assert doc.end_position(0, 2) == Position(1, 3)
    assert doc.end_position(3, 3) == Position(1, 4)  # an empty span is a point


def test_line_index_at_maps_offsets_inside_and_at_breaks():
    doc = Document("ab\ncd\n")
    assert [doc.line_index_at(offset) for offset in range(7)] == [0, 0, 0, 1, 1, 1, 1]


# -- removal_span ----------------------------------------------------------------------------------


def removed(text: str, first: int, last: int) -> str:
    start, end = Document(text).removal_span(first, last)
    return text[:start] + text[end:]


@pytest.mark.parametrize(
    ("text", "first", "last", "expected"),
    [
        # A line between two content lines goes with its break.
        ("a\nb\nc\n", 1, 1, "a\nc\n"),
        # A paragraph between blank lines: one blank line stays, not two.
        ("a\n\nb\n\nc\n", 2, 2, "a\n\nc\n"),
        ("a\nb\n\nc\n", 1, 1, "a\n\nc\n"),
        ("a\n\nb\nc\n", 2, 2, "a\n\nc\n"),
        # At the start: no leading blank line is left.
        ("a\n\nb\n", 0, 0, "b\n"),
        # At the end: the last content line keeps its break, trailing blank lines go too.
        ("a\n\nb", 2, 2, "a\n"),
        ("a\n\nb\n\n\n", 2, 2, "a\n"),
        ("a\nb", 1, 1, "a\n"),
        # Several lines at once.
        ("a\n\nb\n\nc\n\nd\n", 2, 4, "a\n\nd\n"),
        # Everything.
        ("a\n\nb\n", 0, 2, ""),
    ],
)
def test_removal_span_deletes_lines_without_leaving_layout_debris(text, first, last, expected):
    assert removed(text, first, last) == expected


def test_removal_span_on_crlf_text_keeps_the_crlf_break_of_the_last_content_line():
    assert removed("a\r\n\r\nb", 2, 2) == "a\r\n"
    assert removed("a\r\nb\r\nc\r\n", 1, 1) == "a\r\nc\r\n"


def _reference_removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """removal_span as first written: the text before a run that reaches the end, copied and stripped."""
    end_break = text.find("\n", end) + 1 or len(text)
    following = next((i for i in range(end_break, len(text)) if not text[i].isspace()), None)
    if following is None:
        if start and not text[:start].isspace():
            content = len(text[:start].rstrip())
            return text.find("\n", content - 1) + 1, len(text)
        return 0, len(text)
    if not start or text[text.rfind("\n", 0, start - 1) + 1 : start].isspace():
        return start, text.rfind("\n", 0, following) + 1
    return start, end_break


@settings(max_examples=300, deadline=None)
@given(_LAYOUT_TEXT, st.data())
def test_removal_span_is_the_copy_and_strip_definition(text, data):
    doc = Document(text)
    if not doc.line_texts:
        return
    first = data.draw(st.integers(0, len(doc.line_texts) - 1))
    last = data.draw(st.integers(first, len(doc.line_texts) - 1))
    start, end = doc.line_starts[first], doc.line_end(last)
    assert doc.removal_span(first, last) == _reference_removal_span(text, start, end)


# -- claimable_bounds -------------------------------------------------------------------------------


def test_claimable_bounds_cover_the_touched_lines_and_the_blank_lines_around_them():
    text = "intro\n\nNOISE here\n\nend\n"
    doc = Document(text)
    start = text.index("NOISE")
    low, high = doc.claimable_bounds(start, start + 5)
    assert low == text.index("\n")  # from the break of the content line before
    assert high == text.index("end")  # through the blank line after


def test_claimable_bounds_at_start_and_end_of_text():
    text = "\nNOISE\n\n"
    assert Document(text).claimable_bounds(1, 6) == (0, len(text))


def test_claimable_bounds_of_a_span_inside_a_line_stop_at_adjacent_content_lines():
    text = "a\nxx yy\nb\n"
    doc = Document(text)
    assert doc.claimable_bounds(text.index("yy"), text.index("yy") + 2) == (1, text.index("b"))


def test_claimable_bounds_of_empty_text():
    assert Document("").claimable_bounds(0, 0) == (0, 0)


def test_claimable_bounds_contain_the_removal_span_of_the_same_lines():
    text = "a\n\nb\nc\n\n\nd\n"
    doc = Document(text)
    for first in range(len(doc.lines)):
        for last in range(first, len(doc.lines)):
            start, end = doc.removal_span(first, last)
            low, high = doc.claimable_bounds(doc.lines[first].start, doc.lines[last].end)
            assert low <= start and end <= high, (first, last)


# -- views and language ------------------------------------------------------------------------------


def test_view_is_computed_once_per_document_and_key():
    doc = Document("a\nb\n")
    calls = []

    def compute(document: Document) -> int:
        calls.append(document)
        return len(document.lines)

    assert doc.view("test.count", compute) == 2
    assert doc.view("test.count", compute) == 2
    assert calls == [doc]


def test_with_text_recomputes_views_and_keeps_source_and_language():
    doc = Document("a\n", path="f.txt", record="r1", meta={"url": "u"}, language="fr")
    doc.view("k", lambda d: d.text)
    other = doc.with_text("b\nc\n")
    assert (other.path, other.record, other.meta, other.language) == ("f.txt", "r1", {"url": "u"}, "fr")
    assert other.view("k", lambda d: d.text) == "b\nc\n"
    assert len(other.lines) == 2


def test_language_is_guessed_unless_forced():
    french = "Le gouvernement a annoncé que les mesures sont dans la loi et pour les entreprises."
    english = "The government said that the measures are in the law and for the companies of the country."
    assert Document(french).language == "fr"
    assert Document(english).language == "en"
    assert Document("Paris Londres Berlin").language == "other"
    assert Document(english, language="de").language == "de"
    assert Document(french, language="auto").language == "fr"


def test_the_offset_after_a_final_line_break_is_the_start_of_the_next_line():
    doc = Document("un\ndeux\n")
    assert doc.position(len(doc.text)) == Position(3, 1)
    assert doc.position(len(doc.text) - 1) == Position(2, 5)


@settings(max_examples=300, deadline=None)
@given(_LAYOUT_TEXT, st.data())
def test_line_runs_and_content_counts_follow_the_line_by_line_definition(text, data):
    doc = Document(text)
    count = len(doc.lines)
    indexes = sorted(set(data.draw(st.lists(st.integers(0, max(count - 1, 0)), max_size=8)))) if count else []
    expected: list[tuple[int, int]] = []
    for index in indexes:
        if expected and all(line.is_blank for line in doc.lines[expected[-1][1] + 1 : index]):
            expected[-1] = (expected[-1][0], index)
        else:
            expected.append((index, index))
    assert doc.line_runs(indexes) == expected
    first, stop = sorted(data.draw(st.tuples(st.integers(0, count), st.integers(0, count))))
    assert doc.count_content_lines(first, stop) == sum(not line.is_blank for line in doc.lines[first:stop])


# -- released views ------------------------------------------------------------------------------


def _reference_position(doc: Document, offset: int) -> Position:
    """The line-by-line definition: the line holding ``offset`` and the column inside it."""
    lines = doc.lines
    if offset and offset == len(doc.text) and doc.text.endswith("\n"):
        return Position(len(lines) + 1, 1)
    for line in reversed(lines):
        if line.start <= offset:
            return Position(line.number, offset - line.start + 1)
    return Position(1, offset + 1)


def _reference_end_position(doc: Document, start: int, end: int) -> Position:
    """Before the release, read off ``lines``: a span ending with its line break ends on that line."""
    if end > start and doc.text[end - 1] == "\n":
        line = doc.lines[doc.line_index_at(end - 1)]
        return Position(line.number, line.end - line.start + 1)
    return _reference_position(doc, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \r\n\u2028", max_size=30))
def test_positions_and_lines_read_after_release_views_match_the_lines_definition(text):
    doc = Document(text)
    lines = doc.lines
    expected_starts = [_reference_position(doc, offset) for offset in range(len(text) + 1)]
    spans = [(start, end) for start in range(len(text) + 1) for end in range(start, len(text) + 1)]
    expected_ends = [_reference_end_position(doc, *span) for span in spans]
    doc.release_views()
    assert "lines" not in doc.__dict__ and "stripped_lines" not in doc.__dict__
    assert [doc.line_at(index) for index in range(len(lines))] == list(lines)
    assert [doc.position(offset) for offset in range(len(text) + 1)] == expected_starts
    assert [doc.end_position(*span) for span in spans] == expected_ends
    assert "lines" not in doc.__dict__  # positions and snippets never rebuild the lines


def test_release_views_drops_family_views_and_keeps_the_language():
    doc = Document("Le texte.\nLa suite.\n")
    language = doc.language
    doc.view("family", lambda d: object())
    assert doc.paragraphs  # computed, so that there is something to release
    doc.release_views()
    assert doc._views == {} and "paragraphs" not in doc.__dict__
    assert doc.__dict__["language"] == language
    assert [p.text for p in doc.paragraphs] == ["Le texte.\nLa suite."]  # computed again on demand
