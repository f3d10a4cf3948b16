"""Round-8 fast paths of BP011 and BP017, each against the plain definition kept here.

- BP011 counts its title-like labels in one loop that stops once the run's verdict is known
  (``_enough_title_like``) instead of summing ``_is_title_like`` over every label.
- BP011 looks for a line of figures next to a run with plain loops instead of bounded ranges.
"""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_bps_round6_fast_paths import _LABEL_WORDS, _reference_is_title_like  # kept once

from newslint import Document
from newslint.rules import boilerplate_structure as bs

_SPACES = ["", " ", " ", "\t", "\xa0", "  "]
_LABEL = st.lists(st.tuples(st.sampled_from(_LABEL_WORDS), st.sampled_from(_SPACES)), min_size=1, max_size=4).map(
    lambda parts: "".join(word + space for word, space in parts).strip()
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_LABEL.filter(bool), min_size=1, max_size=12),
    st.sampled_from([0.0, 0.2, 0.5, 0.67, 0.75, 1.0]) | st.floats(0, 1),
)
def test_title_count_stops_with_the_verdict_of_the_full_count(labels: list[str], share: float) -> None:
    needed = share * len(labels)
    assert bs._enough_title_like(labels, needed) == (sum(map(_reference_is_title_like, labels)) >= needed)


def _reference_next_to_figures(doc: Document, first: int, last: int) -> bool:
    """BP011's figures test as it stood: bounded ranges each side, the nearest non-blank line."""
    texts = doc.stripped_lines
    for around in (range(first - 1, max(first - 4, -1), -1), range(last + 1, min(last + 4, len(texts)))):
        for index in around:
            head = texts[index][:1]
            if head:
                if (head in bs._FIGURE_STARTS or not head.isascii()) and bs._FIGURES.match(doc.lines[index].text):
                    return True
                break
    return False


# Lines that are blank, figures (ASCII or not), menu labels or prose, with odd white space.
_LINE = st.sampled_from(
    ["", " ", "\t", "\xa0", "\u3000", "12", " 3,5 %", "+4", "−7", "٣", "© AFP", "Home", "News", "é", "x 1", "1 a"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=14), st.data())
def test_figures_loops_find_what_the_ranges_found(lines: list[str], data: st.DataObject) -> None:
    doc = Document("\n".join(lines), "t.txt")
    count = len(doc.lines)
    assume(count)
    first = data.draw(st.integers(0, count - 1))
    last = data.draw(st.integers(first, count - 1))
    assert bs.NavigationRun._next_to_figures(doc, first, last) == _reference_next_to_figures(doc, first, last)
