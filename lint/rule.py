"""The rule API: what a built-in or third-party rule implements.

A rule is a class with a stable ``code`` (family prefix + 3 digits), a kebab-case ``name``, options
with defaults and a JSON Schema, and a ``check`` that yields findings for one document. Its docstring
is its user documentation, in four sections: *What it does*, *Why it matters*, *Example*,
*Fix safety* (``newslint rule CODE`` prints it).

A :class:`CorpusRule` also sees the whole run, map-reduce style, so it can learn what repeats across
documents (a site's boilerplate) and still run in parallel: ``collect`` summarises one document,
``combine`` merges summaries (associative, so workers can merge partial results), and ``check``
receives the merged model.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

import regex

from .document import Document
from .model import Applicability, Edit, Finding, Fix, Severity

CODE_PATTERN = regex.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_PATTERN = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix safety")


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str] = ""  # one line, shown in listings; defaults to the docstring's first line
    default_enabled: ClassVar[bool] = True
    severity: ClassVar[Severity] = Severity.WARNING
    # The best applicability its fixes have, or None when it never fixes (for listings).
    fix_applicability: ClassVar[Applicability | None] = None
    default_options: ClassVar[Mapping[str, Any]] = {}
    # JSON Schema of the options object; the engine validates user options against it. The default
    # admits no option, so a typo in a rule without options is an error, not silently ignored.
    options_schema: ClassVar[Mapping[str, Any]] = {"type": "object", "properties": {}, "additionalProperties": False}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if inspect.isabstract(cls) or "code" not in cls.__dict__:
            return
        if not CODE_PATTERN.match(cls.code):
            raise TypeError(f"{cls.__qualname__}: rule code {cls.code!r} is not PREFIX + 3 digits")
        if not NAME_PATTERN.match(cls.name):
            raise TypeError(f"{cls.__qualname__}: rule name {cls.name!r} is not kebab-case")

    @classmethod
    def family(cls) -> str:
        return cls.code.rstrip("0123456789")

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def title(cls) -> str:
        if cls.summary:
            return cls.summary
        doc = cls.documentation()
        for line in doc.splitlines():
            line = line.strip().strip("#").strip()
            if line and line.rstrip(":") not in DOC_SECTIONS:
                return line
        return cls.name.replace("-", " ")

    @classmethod
    def is_fixable(cls) -> bool:
        return cls.fix_applicability not in (None, Applicability.DISPLAY_ONLY)

    @classmethod
    def options_with_defaults(cls, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        merged = dict(cls.default_options)
        merged.update(options or {})
        return merged

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers for subclasses ----------------------------------------------------------------

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
        **data: Any,
    ) -> Finding:
        # Positional: a dataclass takes keyword arguments several times slower.
        return Finding(self.code, self.name, message, start, end, severity or self.severity, fix, data)

    def line_deletion(
        self, doc: Document, first: int, last: int, description: str, applicability: Applicability
    ) -> Fix:
        """A fix deleting lines ``first..last`` (0-based, inclusive) with their spacing."""
        start, end = doc.removal_span(first, last)
        return Fix(description, applicability, (Edit(start, end, ""),))


class CorpusRule(Rule):
    """A rule that needs the whole run: ``collect`` per document, ``combine``, then ``check``."""

    def collect(self, doc: Document, options: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def combine(self, summaries: Iterable[Any], options: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def check(self, doc: Document, options: Mapping[str, Any], corpus: Any = None) -> Iterator[Finding]:
        raise NotImplementedError


def object_schema(properties: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON Schema of a rule's options object: these properties and no others."""
    return {"type": "object", "properties": dict(properties), "additionalProperties": False}


def integer_option(description: str, minimum: int = 0, maximum: int | None = None) -> dict[str, Any]:
    """The JSON Schema of one integer option, with the description users read in ``newslint rule``."""
    schema: dict[str, Any] = {"type": "integer", "minimum": minimum}
    if maximum is not None:
        schema["maximum"] = maximum
    schema["description"] = description
    return schema


def is_rule_class(obj: object) -> bool:
    return inspect.isclass(obj) and issubclass(obj, Rule) and "code" in obj.__dict__
