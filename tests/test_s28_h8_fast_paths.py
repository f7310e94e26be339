"""Stop 28's engine-speed shortcuts give what the plain code gives.

* `events._has_action` tests the -ed words it picks in C and the auxiliaries only where the
  sentence holds one; the plain form walks every word once, testing both.
* `lexicon_intl.language` counts the one-language letters (Polish 'ł', Turkish 'ğ', ...) only for
  the languages whose letters a regex finds in the head; the plain form counts every language's.

Sentences and heads are invented (hypothesis draws them from word lists that hold every case the
tests read); PolNeAR train texts are used too where ../shared/polnear is here.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import events
from service.extract import lexicon_intl as intl
from service.extract import lexicon_new_intl as new
from service.extract.summary import split_sentences
from tests.conftest import POLNEAR as SHARED_POLNEAR

POLNEAR = SHARED_POLNEAR / "train"


def _has_action_plain(sentence: str) -> bool:
    """events._has_action as it was: one pass over the words, both tests on each."""
    words = events._WORD.findall(sentence)
    lws = [w.lower() for w in words]
    if not events._PAST_OR_REPORTING.isdisjoint(lws):
        return True
    for i, w in enumerate(words):
        lw = lws[i]
        if lw.endswith("ed") and len(lw) >= 5 and w[0].islower():
            return True
        if lw in events._AUXILIARIES:
            nxt = [x for x in words[i + 1 : i + 3] if not x.lower().endswith("ly")]
            if nxt and (lw in events._MODALS or events._is_verb_form(nxt[0])):
                return True
    return False


_WORDS = [
    "the",
    "harbour",
    "council",
    "Varn",
    "Bridgeton",
    "in",
    "on",
    "boat",
    "quickly",
    "rebuild",
    "storm",
    "wall",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "won't",
    "won’t",
    "didn't",
    "didn’t",
    "walked",
    "Walked",
    "WALKED",
    "bed",
    "red",
    "aimed",
    "vowed",
    "rebuilt",
    "broken",
    "going",
    "been",
    "be",
    "not",
    "said",
    "told",
    "quietly",
    "finally",
    "Ölçed",
    "İnspected",
    "ed",
    "fed.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_has_action_is_the_plain_pass(words: list[str]) -> None:
    sentence = " ".join(words)
    assert events._has_action(sentence) == _has_action_plain(sentence)


def test_has_action_answers_both_ways() -> None:
    assert events._has_action("The council voted to rebuild it.")  # -ed
    assert events._has_action("The council will rebuild it.")  # a modal
    assert events._has_action("The wall has been rebuilt.")  # perfect
    assert not events._has_action("The council has quickly no plan.")
    assert not events._has_action("Varn Walked home.")  # a capital: no verb read


def test_has_action_is_the_plain_pass_on_real_texts() -> None:
    files = sorted((POLNEAR / "articles").glob("*.json"))[:120]
    if not files:
        pytest.skip(f"no PolNeAR texts at {POLNEAR}")
    from service.ingest.files import load_articles

    n = 0
    for f in files:
        for a in load_articles(f):
            for s in split_sentences(a.text):
                n += 1
                assert events._has_action(s.text) == _has_action_plain(s.text), s.text
    assert n > 1000


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
