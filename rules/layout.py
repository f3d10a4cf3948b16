"""LAY: layout rules (white space, line ends, flattened or glued text)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule

_TRAILING_SPACE = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+$")


class WhitespaceHygiene(Rule):
    """Trailing white space, runs of blank lines, a missing final newline, mixed line ends.

    ## What it does
    Flags white space at the end of a line, more than one blank line in a row (and blank lines at
    the start or end of the text), a text that does not end with a newline, and CRLF line ends in a
    text that mostly uses LF (or the reverse).

    ## Why it matters
    Extractors leave this debris where they dropped markup. It is invisible but breaks
    deduplication by hash, paragraph splitting and diffs, and makes the same article look like
    several different texts.

    ## Example
    ```
    Le patron d’OpenAI a exprimé des doutes.␠␠


    Lors d’une séance de questions-réponses…⏎(missing)
    ```
    Use instead:
    ```
    Le patron d’OpenAI a exprimé des doutes.

    Lors d’une séance de questions-réponses…
    ```

    ## Fix safety
    Safe: only white space is removed or a newline added; no visible character changes.
    """

    code = "LAY003"
    name = "whitespace-hygiene"
    fix_applicability = Applicability.SAFE
    default_options = {"max-blank-lines": 1}
    options_schema = {
        "type": "object",
        "properties": {
            "max-blank-lines": {
                "type": "integer",
                "minimum": 0,
                "description": "How many blank lines in a row are allowed between paragraphs.",
            }
        },
        "additionalProperties": False,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        lines = doc.lines
        if not lines:
            return
        yield from self._trailing_space(doc)
        yield from self._blank_runs(doc, options["max-blank-lines"])
        yield from self._line_ends(doc)
        text = doc.text
        if not text.endswith("\n") and not lines[-1].is_blank:
            end = len(text)
            yield self.finding(end, end, "No newline at end of text", Fix.safe("Add a final newline", Edit.insert(end, "\n")))

    def _trailing_space(self, doc: Document) -> Iterator[Finding]:
        for line in doc.lines:
            if not line.text or line.text[-1] not in " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000":
                continue
            match = _TRAILING_SPACE.search(line.text)
            if match is None:
                continue
            start, end = line.start + match.start(), line.start + match.end()
            what = "White space on a blank line" if line.is_blank else "Trailing white space"
            yield self.finding(start, end, what, Fix.safe("Remove the trailing white space", Edit.delete(start, end)))

    def _blank_runs(self, doc: Document, allowed: int) -> Iterator[Finding]:
        lines = doc.lines
        index = 0
        while index < len(lines):
            if not lines[index].is_blank:
                index += 1
                continue
            first = index
            while index < len(lines) and lines[index].is_blank:
                index += 1
            count = index - first
            at_start, at_end = first == 0, index == len(lines)
            keep = 0 if at_start or at_end else allowed
            if count <= keep:
                continue
            # Delete the surplus lines, keeping the first ``keep`` of the run.
            start = lines[first + keep].start
            end = lines[index - 1].end_break
            if at_end:
                # The last content line keeps its own break; only the lines after it go.
                start = lines[first].start
            where = "at the start of the text" if at_start else "at the end of the text" if at_end else "in a row"
            message = f"{count} blank line{'s' if count > 1 else ''} {where}"
            if not (at_start or at_end):
                message += f" (at most {allowed})"
            yield self.finding(start, end, message, Fix.safe("Remove the surplus blank lines", Edit.delete(start, end)))

    def _line_ends(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        crlf = text.count("\r\n")
        if not crlf:
            return
        lf = text.count("\n") - crlf
        if not lf:
            return
        minority_is_crlf = crlf < lf
        for line in doc.lines:
            if line.end_break == line.end:
                continue  # the last line, without a break
            is_crlf = line.end_break - line.end == 2
            if is_crlf != minority_is_crlf:
                continue
            if is_crlf:
                yield self.finding(
                    line.end, line.end_break, "CRLF line end in a text that mostly uses LF",
                    Fix.safe("Use LF", Edit(line.end, line.end_break, "\n")),
                )
            else:
                yield self.finding(
                    line.end, line.end_break, "LF line end in a text that mostly uses CRLF",
                    Fix.safe("Use CRLF", Edit(line.end, line.end_break, "\r\n")),
                )


RULES = [WhitespaceHygiene]
