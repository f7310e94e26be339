"""Stop 28's engine-speed shortcut gives what the plain code gives.

* `lexicon_intl.language` counts the one-language letters (Polish 'ł', Turkish 'ğ', ...) only for
  the languages whose letters a regex finds in the head; the plain form counts every language's.

Heads are invented (hypothesis draws them from a word list that holds every case the test
reads).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import lexicon_intl as intl
from service.extract import lexicon_new_intl as new


def _language_plain(text: str) -> str:
    """lexicon_intl.language as it was: every language's own letters counted in every word that
    is not plain ASCII."""
    head = text[:2000]
    if (lettered := new.script_language(head)) is not None:
        return lettered
    script = intl._SCRIPT_CHARS.findall(head)
    if script and len(script) > (letters := sum(map(str.isalpha, head))) // 2 and letters:
        return "ar" if sum(c >= "\u0600" for c in script) > len(script) // 2 else new.cyrillic(head)
    counts = dict.fromkeys(intl._MARKERS, 0)
    for w, k in Counter(filter(intl._MARKER_OF.__contains__, head.lower().split())).items():
        for code in intl._MARKER_OF[w]:
            counts[code] += k
    marked = [] if head.isascii() else [w for w in head.split() if not w.isascii()]
    for code, own in intl._OWN_LETTERS if marked else ():
        counts[code] += sum(1 for w in marked if not own.isdisjoint(w))
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] > counts["en"] else "en"


_HEAD_WORDS = [
    "the",
    "and",
    "of",
    "said",
    "się",
    "że",
    "jest",
    "łódź",
    "ağır",
    "değil",
    "çok",
    "və",
    "ve",
    "şəhər",
    "københavn",
    "søren",
    "æble",
    "cea",
    "și",
    "țară",
    "ñandú",
    "año",
    "señor",
    "não",
    "são",
    "pão",
    "több",
    "győr",
    "őr",
    "řeka",
    "být",
    "čas",
    "„quoted“",
    "’tis",
    "—",
    "–",
    "naïve",
    "café",
    "der",
    "die",
    "und",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_WORDS), max_size=40))
def test_language_is_the_plain_count(words: list[str]) -> None:
    head = " ".join(words)
    assert intl.language.__wrapped__(head) == _language_plain(head)


def test_language_reads_own_letters() -> None:
    # the marker words tie; the one-language letters decide
    assert intl.language.__wrapped__("Łódź Wrocław Gdańsk") == _language_plain(
        "Łódź Wrocław Gdańsk"
    )
    assert intl.language.__wrapped__("Günter says ğğ ığ") == _language_plain("Günter says ğğ ığ")
