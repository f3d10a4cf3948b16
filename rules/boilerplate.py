"""BP: boilerplate that page templates add around an article."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from newslint import Applicability, Document, Finding, Rule

from ._data import pattern

FAMILY = "bp"


def matching_lines(doc: Document, compiled: regex.Pattern[str] | None, max_length: int) -> list[int]:
    """Indexes of the lines (at most ``max_length`` characters) where ``compiled`` matches.

    One scan of the whole text, not one per line: the pattern is an alternation of every
    language's phrases, compiled once per process.
    """
    if compiled is None:
        return []
    hits: list[int] = []
    for match in compiled.finditer(doc.text):
        index = doc.line_index_at(match.start())
        if (not hits or hits[-1] != index) and len(doc.lines[index].text) <= max_length:
            hits.append(index)
    return hits


def runs(doc: Document, indexes: list[int]) -> list[tuple[int, int]]:
    """Group line indexes into runs, letting blank lines (only) stand between members."""
    grouped: list[tuple[int, int]] = []
    for index in indexes:
        if grouped:
            first, last = grouped[-1]
            if all(line.is_blank for line in doc.lines[last + 1 : index]):
                grouped[-1] = (first, index)
                continue
        grouped.append((index, index))
    return grouped


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
    options_schema = {
        "type": "object",
        "properties": {
            "max-line-length": {
                "type": "integer",
                "minimum": 10,
                "description": "Longer lines are article text that mentions a redirect, not a notice.",
            }
        },
        "additionalProperties": False,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        compiled = pattern(FAMILY, self.name, flags=regex.MULTILINE)
        for first, last in runs(doc, matching_lines(doc, compiled, options["max-line-length"])):
            start, end = doc.lines[first].start, doc.lines[last].end
            count = sum(1 for line in doc.lines[first : last + 1] if not line.is_blank)
            yield self.finding(
                start,
                end,
                f"Redirect notice left by the scraper ({count} line{'s' if count > 1 else ''})",
                self.line_deletion(doc, first, last, "Delete the redirect notice", Applicability.SAFE),
            )


RULES: list[type[Rule]] = [RedirectNotice]
