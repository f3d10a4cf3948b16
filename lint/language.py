"""A cheap language guess from function-word rates.

Scraped news needs only a coarse answer (is this French, English, or something else?) and needs it
fast, so this counts hits of the most frequent function words of each language instead of running a
statistical model. Rules reuse :func:`language_scores` on single lines to spot foreign-language
residue ("You may also like" in a French article).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import filterfalse

# The most frequent function words; words shared by several languages ("a", "de", "la") are kept
# because the rates, not single hits, decide.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        "le la les un une des du de et est sont dans pour sur avec par pas que qui ne se ce cette "
        "ces il elle ils elles nous vous au aux en plus mais ou où son sa ses leur leurs été être "
        "fait comme aussi tout très sans entre dont lors après avant chez".split()
    ),
    "en": frozenset(
        "the a an and of to in is are was were for on with that this these those it its by from "
        "as at be been has have had not but or which who will would can could their they he she "
        "we you your our more about after into than also".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine einen dem den des mit von zu auf für sich auch es im "
        "wird werden sind wie bei aus nach noch oder aber wenn nur über durch".split()
    ),
    "es": frozenset(
        "el la los las un una unos y es son en de del por para con que se no su sus al lo como "
        "más pero este esta fue ha han sobre entre también muy sin".split()
    ),
    "it": frozenset(
        "il lo la gli le un una uno e è sono di del della dei delle per con che non si in al alla "
        "come più ma questo questa anche nel nella dal dalla".split()
    ),
    "pt": frozenset(
        "o a os as um uma e é são de do da dos das em no na por para com que não se seu sua ao "
        "como mais mas este esta foi também pelo pela".split()
    ),
}

LANGUAGES = tuple(FUNCTION_WORDS)

# Each function word once, with every language that has it: one dictionary look-up per
# distinct word instead of one set test per word and language.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)

# Letters only ([^\W\d_] is \p{L} for the stdlib engine, which is faster here than `regex`).
_WORD = re.compile(r"[^\W\d_]+")

# Below this many function-word hits the guess is "other": a list of names is no language.
MIN_HITS = 3


def language_scores(text: str) -> Counter[str]:
    """Count, per language, the words of ``text`` that are among its function words.

    Words are the runs of letters of ``_WORD``. Splitting at white space first is exact for the
    tokens that are all letters (most of them) and much faster; only the others (with punctuation,
    apostrophes or digits) go through the regex, and only function words are looked up.
    """
    tokens = text.lower().split()
    counts = Counter(tokens)
    mixed = " ".join(filterfalse(str.isalpha, tokens))
    if mixed:
        counts.update(_WORD.findall(mixed))
    scores: Counter[str] = Counter()
    for word in counts.keys() & _LANGUAGES_OF.keys():
        for lang in _LANGUAGES_OF[word]:
            scores[lang] += counts[word]
    return scores


def guess_language(text: str, sample: int = 3_000) -> str:
    """Return an ISO 639-1 code among :data:`LANGUAGES`, or ``"other"``.

    Only the first ``sample`` characters are read: a language does not change mid-article and the
    guess must stay cheap on long documents.
    """
    scores = language_scores(text[:sample])
    if not scores:
        return "other"
    (best, hits), *rest = scores.most_common(2) + [("", 0)]
    runner_up = rest[0][1]
    if hits < MIN_HITS or hits < 1.2 * runner_up:
        return "other"
    return best
