"""SRC's URL gate against the URL scan it spares (property test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Document
from newslint.rules.sources import _URL_MARKS, _first_article_url, urls_in

_PIECES = ["http", "https", "://", "www.", "WWW.", "Www.", "a", ".fr", "/x", " ", "\n", "é", "’", "photo.jpg", "@"]
texts = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_a_text_with_a_url_passes_the_gate(text):
    lowered = Document(text).lowered_bytes
    if urls_in(text) or _first_article_url(text) is not None:
        assert any(mark in lowered for mark in _URL_MARKS)
