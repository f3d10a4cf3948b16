"""Round-5 fast paths outside the rule families' own files, each against the plain definition.

- ``Document`` views are ``view_property`` descriptors (``cached_property`` without its lock):
  computed once, stored in the instance, dropped by ``release_views`` and computed again after.
- BP007's gate compares a line's start with the navigation words of its first character only.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.document import view_property
from newslint.rules import boilerplate_structure as bs


def test_a_view_is_computed_once_and_then_read_from_the_instance():
    calls = []

    class Counted:
        @view_property
        def value(self):
            """The doc a reader of the class sees."""
            calls.append(1)
            return object()

    counted = Counted()
    first = counted.value
    assert counted.value is first
    assert calls == [1]
    assert "value" in vars(counted)
    assert Counted.value.__doc__ == "The doc a reader of the class sees."


def test_released_views_are_computed_again_from_the_text():
    doc = Document("Titre\n\nUn paragraphe.\n")
    lines, paragraphs = doc.lines, doc.paragraphs
    doc.release_views()
    assert "lines" not in vars(doc) and "paragraphs" not in vars(doc)
    assert doc.lines == lines and doc.lines is not lines
    assert doc.paragraphs == paragraphs


def test_document_view_computes_each_key_once():
    doc = Document("a\nb\n")
    calls = []

    def compute(document):
        calls.append(document)
        return len(calls)

    assert doc.view("key", compute) == 1
    assert doc.view("key", compute) == 1
    assert doc.view("other", compute) == 2
    assert calls == [doc, doc]


def _reference_may_start_trail(line: str) -> bool:
    every_head = tuple(head for group in bs._nav_heads().values() for head in group)
    return line.lstrip()[:40].casefold().startswith(every_head)


_HEAD_WORDS = sorted({head for group in bs._nav_heads().values() for head in group})
_LINE_PIECES = st.one_of(
    st.sampled_from(_HEAD_WORDS),
    st.sampled_from([word.upper() for word in _HEAD_WORDS[:20]] + [word.title() for word in _HEAD_WORDS[:20]]),
    st.text(alphabet="aAhHnNéÉ \t\u00a0>/|İß", max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=4).map("".join))
def test_breadcrumb_gate_matches_the_plain_prefix_test(line):
    assert bs._may_start_trail(line) == _reference_may_start_trail(line)
