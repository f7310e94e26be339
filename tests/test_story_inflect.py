"""One form per name across languages (service.merge.story_inflect): declined names (Polish,
Russian, German genitive), Cyrillic transliterated, and what is left alone."""

from __future__ import annotations

import math

from service.merge import story_inflect as infl


def _raw(names: dict[str, float], lang: str | None) -> tuple:
    return (dict(names), frozenset(), frozenset(names), lang)


def test_cyrillic_names_read_as_english_news_writes_them() -> None:
    assert infl.latin("воронихин") == "voronikhin"
    assert infl.latin("аркадии") == "arkady"  # "Аркадий", its breve folded away
    assert infl.latin("щукин") == "shchukin"
    assert infl.latin("зернотранс") == "zernotran"  # as _term writes "Zernotrans"
    assert infl.latin("łodz") == "lodz"
    assert infl.latin("krasnobor") == "krasnobor"


def test_a_case_ending_is_stripped_only_in_a_declining_language_and_leaves_a_stem() -> None:
    assert "zurawski" in infl.stems("zurawskiego", "pl")
    assert "krasnobor" in infl.stems("krasnoborze", "pl")
    assert "kalmyk" in infl.stems("kalmyke", "ru")
    assert "brevatec" in infl.stems("brevatecs", "de")
    assert infl.stems("roberts", "en") == {"roberts"}
    assert infl.stems("jana", "pl") == {"jana"}  # "jan" is shorter than MIN_STEM


def test_declined_and_transliterated_names_meet_the_english_form() -> None:
    raws = [
        _raw({"zurawski": 1.0, "@p:zurawski": 2.0, "medivent": 1.0}, "en"),
        _raw({"zurawskiego": 1.0, "@p:zurawskiego": 2.0, "krasnoborze": 1.0}, "pl"),
        _raw({"krasnobor": 1.0, "@p:voronikhin": 2.0}, "en"),
        _raw({"@p:воронихин": 2.0, "усть": 1.0}, "ru"),
    ]
    out = infl.unify(raws)
    assert out[0] is raws[0]  # nothing of the English report changes
    assert out[1][2] == frozenset({"zurawski", "@p:zurawski", "krasnobor"})
    assert set(out[1][0]) == {"zurawski", "@p:zurawski", "krasnobor"}
    assert out[3][2] == frozenset({"@p:voronikhin", "ust"})


def test_two_forms_in_one_article_add_their_counts() -> None:
    out = infl.unify([_raw({"krasnobor": 1.0, "krasnoborze": 1.0}, "pl"), _raw({}, "en")])
    assert out[0][0] == {"krasnobor": 1.0 + math.log(2.0)}


def test_the_forms_do_not_depend_on_the_order_of_the_articles() -> None:
    raws = [
        _raw({"kowalskiego": 1.0}, "pl"),
        _raw({"kowalski": 1.0}, "en"),
        _raw({"kowalskim": 1.0}, "pl"),
    ]
    a = infl.unify(raws)
    b = infl.unify(raws[::-1])[::-1]
    assert [r[2] for r in a] == [r[2] for r in b] == [frozenset({"kowalski"})] * 3


def test_an_english_batch_is_returned_as_given() -> None:
    raws = [_raw({"roberts": 1.0}, "en"), _raw({"robert": 1.0}, "en")]
    assert infl.unify(raws) is raws


def test_a_word_that_starts_with_a_lower_case_extended_latin_letter_is_no_name() -> None:
    from service.merge.story_link import capitalised_words

    text = "Według śledczych burmistrz Łodzi przyjął łapówki od firmy Żerań, mówi Čapek."
    # "ś" and "ł" lie in the same Unicode block as "Ś" and "Ł": only the capitals start a name
    assert capitalised_words(text) == ["według", "łodzi", "zeran", "capek"]
