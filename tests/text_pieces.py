"""Strategies the fast-path property tests share: texts made of chosen pieces."""

from __future__ import annotations

from hypothesis import strategies as st

# White space and line breaks a line scan must handle: a tab, a no-break space, CRLF, a blank line.
SPACING = [" ", "\t", "\u00a0", "\n", "\r\n", "\n\n"]


def texts_of(pieces: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    """Texts made of up to ``max_size`` of ``pieces``, joined."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)
