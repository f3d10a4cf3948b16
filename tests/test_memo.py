"""Line memos: capped, and all emptied at once so that a benchmark can measure cold rules."""

from __future__ import annotations

from newslint import Document, Linter
from newslint.config import Settings
from newslint.memo import LineMemo, clear_memos
from newslint.registry import default_ruleset


def test_a_line_memo_starts_over_once_it_holds_more_than_its_size():
    memo = LineMemo(size=2)
    memo.update(a=1, b=2)
    memo.trim()
    assert memo == {"a": 1, "b": 2}
    memo["c"] = 3
    memo.trim()
    assert memo == {}


def test_clear_memos_empties_every_line_memo_and_findings_do_not_change():
    text = (
        "Accueil\nPolitique\nSport\nPar Jean Dupont\nPhoto : AFP\n\nUn article de fond, assez long pour"
        " être un paragraphe.\n\nLire aussi\nPartager\nTags : IA | OpenAI | France\n"
    )
    linter = Linter(default_ruleset(), Settings())

    def findings() -> list[tuple[str, int, int, str]]:
        return [(f.code, f.start, f.end, f.message) for f in linter.lint(Document(text, language="fr"))]

    cold = findings()
    warm = findings()  # the memos now hold this text's candidate lines
    memo = LineMemo()
    memo["line"] = "verdict"
    clear_memos()
    assert memo == {}
    assert cold == warm == findings()


def test_a_line_memo_computes_a_missing_verdict_once_and_keeps_it():
    asked: list[str] = []
    memo = LineMemo(lambda line: asked.append(line) or len(line))
    assert (memo["abc"], memo["abc"], memo["de"]) == (3, 3, 2)
    assert asked == ["abc", "de"]
