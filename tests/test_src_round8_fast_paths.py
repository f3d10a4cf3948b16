"""The eighth speed round's SRC change against the plain definitions it replaces (property test):
both checks return lists (the engine runs a list faster than a generator) holding exactly the
findings the generators yielded."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from test_src_round7_fast_paths import texts

from newslint import Document, Finding
from newslint.rules.sources import _EXAMPLES, MissingSource, WeakSource, _quote, sources

_MISSING_OPTIONS = {"max-line-length": 200, "min-characters": 0}
_WEAK_OPTIONS = {"max-line-length": 200}


def _missing_plain(rule: MissingSource, doc: Document) -> Iterator[Finding]:
    """The reference: SRC001's check as the generator it was."""
    if not doc.text or doc.text.isspace() or len(doc.text) < _MISSING_OPTIONS["min-characters"]:
        return
    if sources(doc, _MISSING_OPTIONS["max-line-length"]):
        return
    language = doc.meta.get("lang") or doc.known_language or "fr"
    example = _EXAMPLES.get(language, _EXAMPLES["fr"])
    yield rule.finding(
        0, 0, f"No source named: no attribution line, wire credit or article URL; add a line such as `{example}`"
    )


def _weak_plain(rule: WeakSource, doc: Document) -> Iterator[Finding]:
    """The reference: SRC002's check as the generator it was."""
    found = sources(doc, _WEAK_OPTIONS["max-line-length"])
    if not found or any(attribution.strong for attribution in found):
        return
    for attribution in found:
        if attribution.weak_reason == "media":
            message = (
                f"The only source is a media link ({_quote(attribution.value)}), not an article: "
                "cite the article it comes from"
            )
        else:
            message = f"The source {_quote(attribution.value)} has no link to the article: add its URL"
        yield rule.finding(attribution.start, attribution.end, message)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_checks_return_the_findings_the_generators_yielded(text):
    doc = Document(text)
    missing, weak = MissingSource(), WeakSource()
    found_missing = missing.check(doc, _MISSING_OPTIONS)
    found_weak = weak.check(doc, _WEAK_OPTIONS)
    assert type(found_missing) is list and type(found_weak) is list
    assert found_missing == list(_missing_plain(missing, doc))
    assert found_weak == list(_weak_plain(weak, doc))


def test_weak_sources_are_reported_from_the_list():
    doc = Document("Un texte.\nSource : Techcrunch\nVia\nhttps://i.redd.it/abc.jpeg\n")
    weak = WeakSource()
    assert weak.check(doc, _WEAK_OPTIONS) == list(_weak_plain(weak, doc))
    assert [finding.message for finding in weak.check(doc, _WEAK_OPTIONS)]
