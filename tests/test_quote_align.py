"""A speaker's one quote left unmatched in each of two articles in two languages
(service.merge.quote_align); every quote written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

from service.merge.quote_align import leftover_pairs
from service.merge.quote_keys import quote_segments


@dataclass
class _F:
    speaker: str | None
    words: tuple[str, ...]
    lang: str | None
    text: str
    xkeys: tuple[str, ...] | None = None


@dataclass
class _I:
    article: str
    speaker: str | None
    lang: str | None
    form: int
    quote: object = None


def _story(quotes: list[tuple[str, str, str, str]]) -> tuple[list[_I], list[_F]]:
    """(article, language, speaker, text) -> items and forms, one form a quote."""
    items, forms = [], []
    for art, lang, speaker, text in quotes:
        words = tuple(w for s in quote_segments(text) for w in s)
        forms.append(_F(speaker, words, lang, text))
        items.append(_I(art, speaker, lang, len(forms) - 1))
    return items, forms


STRIKE = [
    ("wire", "en", "caldera", "We will not go back to work until the company listens to us"),
    ("wire", "en", "caldera", "Our 300 members are tired, but they have never been so united"),
    ("faro", "es", "caldera", "No volveremos al trabajo hasta que la empresa nos escuche"),
    ("faro", "es", "caldera", "Nuestros 300 afiliados están cansados, pero nunca tan unidos"),
]


def test_the_one_quote_left_in_each_article_is_paired() -> None:
    items, forms = _story(STRIKE)
    # the words tied the second quotes (300); the first ones are what is left on each side
    got = leftover_pairs(items, forms, [(1, 3)])
    assert [(i, j) for i, j, _ in got] == [(0, 2)]
    assert "1 of the speaker's 2" in got[0][2]


def test_nothing_anchored_or_two_left_is_no_pair() -> None:
    items, forms = _story(STRIKE)
    assert leftover_pairs(items, forms, []) == []  # two leftovers each: each outlet's own pick
    one = [q for q in STRIKE if "300" not in q[3]]
    items, forms = _story(one)
    assert leftover_pairs(items, forms, []) == []  # the speaker's only quote: nothing anchors it


def test_leftovers_in_one_language_or_by_two_speakers_are_no_pair() -> None:
    items, forms = _story([(a, "en", s, t) for a, _, s, t in STRIKE])
    assert leftover_pairs(items, forms, [(1, 3)]) == []
    other = [(a, lg, "mol" if a == "faro" else s, t) for a, lg, s, t in STRIKE]
    items, forms = _story(other)
    assert leftover_pairs(items, forms, [(1, 3)]) == []


def test_a_leftover_with_a_number_or_date_the_other_lacks_is_no_translation() -> None:
    quotes = [*STRIKE[:3], ("faro", "es", "caldera", "Nuestros 300 afiliados están cansados")]
    quotes[2] = ("faro", "es", "caldera", "Volveremos a hablar con la empresa en septiembre")
    items, forms = _story(quotes)
    assert leftover_pairs(items, forms, [(1, 3)]) == []
    # and one far longer than the other is no rendering of it
    quotes[2] = ("faro", "es", "caldera", "No")
    items, forms = _story(quotes)
    assert leftover_pairs(items, forms, [(1, 3)]) == []
