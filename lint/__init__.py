"""newslint: a linter for scraping artifacts in news text.

The public API for rule plugins is re-exported here: subclass :class:`Rule`, yield :class:`Finding`
values (``self.finding(...)``) with optional :class:`Fix` values made of :class:`Edit` values, and
register the class under the ``newslint.rules`` entry-point group.
"""

from .document import Document, Line, Paragraph, Position
from .engine import FixResult, Linter
from .model import Applicability, Edit, Finding, Fix, Severity
from .rule import CorpusRule, Rule

__all__ = [
    "Applicability",
    "CorpusRule",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "FixResult",
    "Line",
    "Linter",
    "Paragraph",
    "Position",
    "Rule",
    "Severity",
]
