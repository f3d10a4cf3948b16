"""LANG: text in another language than the article (template residue, widgets, bylines)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from newslint import Applicability, Document, Finding, Rule
from newslint.rule import integer_option, object_schema

from ._data import family_tables

FAMILY = "lang"

_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese"}

# Quoted speech or titles in another language are legitimate: they are cut out before scoring.
_QUOTED = regex.compile(r"«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]|\"[^\"\n]*\"|‹[^›\n]*›")
# URLs and domain names ("WSJ.com", "www.site.fr/a?b=c") are no language: cut out before scoring.
_URL = regex.compile(r"\S*(?:://|www\.|\p{L}\.\p{L})\S*")
# Word-ish tokens; those holding digits or underscores ("io9", "dp3_1_en") are identifiers.
_TOKEN = regex.compile(r"[\p{L}\p{N}_]+")


@dataclass(frozen=True)
class Lexicon:
    """One language's word lists (data/lang/<lang>.toml), lower-cased."""

    function_words: frozenset[str]
    furniture: frozenset[str]
    words: frozenset[str]  # every listed word, the two lists above included


@cache
def lexicons() -> dict[str, Lexicon]:
    """``{lang: Lexicon}`` for every language with a word list."""
    found: dict[str, Lexicon] = {}
    for lang, tables in family_tables(FAMILY).items():
        table = tables.get("foreign-language-line", {})
        lists = {
            key: frozenset(word.casefold() for word in table.get(key, ()))
            for key in ("function-words", "furniture", "words")
        }
        if any(lists.values()):
            found[lang] = Lexicon(
                lists["function-words"],
                lists["furniture"],
                lists["function-words"] | lists["furniture"] | lists["words"],
            )
    return found


def line_words(text: str) -> list[str] | None:
    """The words of a line that can tell its language, as written; None for a word fragment.

    Left out: tokens with digits or underscores, one-letter words (elisions, initials, "e-mail"),
    and capitals of three letters or less ("DE", "IL", "EST": state, country and time codes). A
    line that starts in lower case with a word no list knows ("ède re", "és de terrains…") is
    the tail of a word the extractor broke, not a line of its own: None.
    """
    tokens = _TOKEN.findall(text)
    if tokens and tokens[0][0].islower() and not _known_anywhere(tokens[0].casefold()):
        return None
    return [
        token for token in tokens if len(token) >= 2 and token.isalpha() and not (len(token) <= 3 and token.isupper())
    ]


@cache
def word_languages() -> dict[str, frozenset[str]]:
    """``{word: languages listing it}``: one look-up per word instead of one per language."""
    found: dict[str, set[str]] = {}
    for lang, lexicon in lexicons().items():
        for word in lexicon.words:
            found.setdefault(word, set()).add(lang)
    return {word: frozenset(langs) for word, langs in found.items()}


def _known_anywhere(word: str) -> bool:
    return word in word_languages()


def line_language(words: list[str], language: str, known: Mapping[str, Lexicon]) -> str | None:
    """The other language a short line's ``words`` are clearly written in, or None.

    For each candidate language L, a word listed for both L and the document's language is
    neutral, a word listed for L only is foreign, a word listed for the document's language only
    vetoes L, and a word listed for neither (a name) is unknown. The line is L when it has no
    vetoing word, at least half as many foreign words as unknown ones, and either a lower-case
    L-only function word among two words or more ("by Sara", "You may also like"; a capitalised
    one is part of a name: "Su Wei", "Sheldon Lo"), or only L-only page furniture and neutral
    words ("Leave a Comment", "Home").
    """
    # Fast path: a word only the document's language lists vetoes every other language, and a
    # line no other language lists a word of cannot be foreign.
    languages_of = word_languages()
    candidates: set[str] = set()
    for token in words:
        langs = languages_of.get(token.casefold())
        if langs is None:
            continue
        if language in langs and len(langs) == 1:
            return None
        candidates.update(langs)
    candidates.discard(language)
    own = known[language].words
    best: tuple[int, str] | None = None
    for other in sorted(candidates):
        lexicon = known[other]
        foreign = function = furniture = not_furniture = shared = unknown = 0
        for token in words:
            word = token.casefold()
            in_other, in_own = word in lexicon.words, word in own
            if in_own:
                if not in_other:
                    break  # a word of the document's language: not a foreign line
                shared += 1
            elif in_other:
                foreign += 1
                is_function = word in lexicon.function_words
                function += is_function and token.islower()
                is_furniture = word in lexicon.furniture
                furniture += is_furniture
                not_furniture += not (is_function or is_furniture)
            else:
                unknown += 1
        else:
            if not foreign or 2 * foreign < unknown or foreign + shared < unknown:
                continue
            by_function = function and len(words) >= 2
            by_furniture = furniture and not not_furniture and not unknown
            if (by_function or by_furniture) and (best is None or foreign > best[0]):
                best = (foreign, other)
    return best[1] if best else None


class ForeignLanguageLine(Rule):
    """A short line in another language than the article ("You may also like" in a French text).

    ## What it does
    Flags a short line (at most `max-line-length` characters) whose words are clearly another
    language than the document's: "by Sara", "You may also like", "Leave a Comment" or "Home" in a
    French article. Each language has lists of frequent words (function words, page furniture,
    other common words; data in `data/lang/<lang>.toml`). A word both languages list is neutral;
    a line is foreign when no word of it is listed for the document's language only, its foreign
    words are at least half as many as its unknown ones (names), and it has either a lower-case
    foreign function word among two words or more ("by Sara"), or only foreign page furniture and
    neutral words ("Leave a Comment", "Home"). The document's language must be known
    (`--language`, the record's `lang`, or the guess); quoted speech (« », “ ”, „ “, "…"), URLs
    and domain names are left out before scoring, and a line starting with the tail of a broken
    word ("ède re") is skipped.

    Off by default: the boilerplate (BP) rules already delete most of these lines by their
    phrases, so this rule mostly reports the same lines twice; and a line in another language can
    be legitimate (a quotation, the title of a work, a bilingual caption). Enable it to find the
    template residue no phrase list knows.

    ## Why it matters
    A French article ending with "You may also like" and "Leave a Comment" came from a site
    template in another language. In a monolingual corpus these lines are noise that skews
    language identification and teaches a model to switch language mid-text.

    ## Example
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé
    by Sara
    Le patron d’OpenAI, Sam Altman, a exprimé des doutes…
    ```
    Use instead:
    ```
    OpenAI face à DeepSeek : un retour à l’open source envisagé
    Le patron d’OpenAI, Sam Altman, a exprimé des doutes…
    ```

    ## Fix safety
    Unsafe: the fix deletes the line. A short line in another language is usually a widget or a
    byline, but it may be a quotation or a title the article cites.
    """

    code = "LANG001"
    name = "foreign-language-line"
    default_enabled = False
    fix_applicability = Applicability.UNSAFE
    default_options = {"max-line-length": 80}
    options_schema = object_schema(
        {
            "max-line-length": integer_option(
                "Longer lines are article text (a quotation, a passage), not residue, and are not checked.", minimum=1
            )
        }
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        known = lexicons()
        language = doc.language
        if language not in known:
            return
        max_length = options["max-line-length"]
        for line in doc.content_lines:
            text = line.text.strip()
            if len(text) > max_length:
                continue
            if "«" in text or "“" in text or "„" in text or '"' in text or "‹" in text:
                text = _QUOTED.sub(" ", text)
            if "." in text or "/" in text:
                text = _URL.sub(" ", text)
            words = line_words(text)
            other = line_language(words, language, known) if words else None
            if other is None:
                continue
            shown = line.text.strip()
            shown = shown if len(shown) <= 50 else shown[:49] + "…"
            yield self.finding(
                line.start,
                line.end,
                f"Line in {_NAMES.get(other, other)} in a {_NAMES.get(language, language)} text: “{shown}”",
                self.line_deletion(
                    doc, line.index, line.index, "Delete the foreign-language line", Applicability.UNSAFE
                ),
                language=other,
            )


RULES: list[type[Rule]] = [ForeignLanguageLine]
