"""Speakers the quote rules read as one person (service.merge.quote_speakers): a family name an
outlet prints with a title, and a role a translation ties to a named speaker; every name
invented for these tests."""

from __future__ import annotations

from dataclasses import dataclass

from service.merge.quote_speakers import family_aliases, linked_aliases


@dataclass
class _It:
    article: str
    speaker: str | None


def test_a_family_name_with_a_title_is_the_person_with_a_first_name() -> None:
    label = {
        "A1": "Jadwiga Orlik",
        "A2": "Gewerkschafterin Orlik",
        "A3": "Geschäftsführer Stobbe (unnamed)",
        "A4": "Henrik Stobbe",
    }
    items = [_It("en", "A1"), _It("de", "A2"), _It("de", "A3"), _It("en", "A4")]
    assert family_aliases(items, label) == {"A2": "A1", "A3": "A4"}


def test_two_first_names_two_roles_or_one_article_keep_speakers_apart() -> None:
    # two people of one family; two roles ending in one word; no first name at all
    label = {
        "A1": "Donald Brask",
        "A2": "Ivanka Brask",
        "A3": "Prime Minister",
        "A4": "Foreign Minister",
    }
    items = [_It("a", "A1"), _It("b", "A2"), _It("c", "A3"), _It("d", "A4")]
    assert family_aliases(items, label) == {}
    # "Jadwiga Orlik" and "Gewerkschafterin Orlik" quoted side by side in one article: two people
    label = {"A1": "Jadwiga Orlik", "A2": "Gewerkschafterin Orlik"}
    items = [_It("a", "A1"), _It("a", "A2"), _It("b", "A2")]
    assert family_aliases(items, label) == {}


def test_a_role_a_translation_ties_to_one_named_speaker_is_that_speaker_there() -> None:
    named = {"A1", "A2"}
    links = [("fr", "name:nouvelle deputee", "en", "A1")]
    assert linked_aliases(links, named) == {("fr", "name:nouvelle deputee"): "A1"}
    # tied to two named speakers: no reading; two named speakers are never read as one
    links += [("fr", "name:nouvelle deputee", "de", "A2"), ("it", "A2", "en", "A1")]
    assert linked_aliases(links, named) == {}


def test_a_rewording_joins_when_one_outlet_names_no_speaker() -> None:
    from service.merge.quote_keys import _text_keys
    from service.merge.quotes import Form, relate

    def form(i: int, text: str, speaker: str | None) -> Form:
        segs, words, _ = _text_keys(text)
        return Form(i, speaker, words, segs, " " + " ".join(words) + " ", -1, "en", None, [], text)

    said = "The water is safe to drink again, but we advise boiling it for two more days"
    edited = "the water is safe to drink again, but people should boil it for two more days"
    assert relate(form(0, said, "A1"), form(1, edited, None))[0] == "reworded"
    # under 8 words across speakers (or none): a short phrase many people say
    assert (
        relate(
            form(0, "Tonight the people have chosen change", "A1"),
            form(1, "Tonight the people chose change", None),
        )
        is None
    )


def test_a_role_whose_quote_joins_a_named_speakers_is_that_speaker_for_its_fragments() -> None:
    from service.merge import merge
    from tests.test_merge import actor, digest, quote

    full = "We found cracks in two of the main supports, and we cannot take any risk with lives"
    ds = [
        digest(
            "a",
            actors=[actor("a1", "Ruth Abelard")],
            quotes=[
                quote("q1", full, "Ruth Abelard"),
                quote("q2", "The repairs will take at least four months", "Ruth Abelard", 100),
            ],
        ),
        digest(
            "b",
            actors=[actor("b1", "county engineer (unnamed)", anonymous=True)],
            quotes=[
                quote("q1", full, "county engineer (unnamed)"),
                quote("q2", "at least four months", "county engineer (unnamed)", 100),
            ],
        ),
    ]
    story = merge(ds)
    held = [sorted((v.article, v.quote.id) for v in c.variants) for c in story.quotes]
    # the role's 4-word fragment joins the engineer's sentence, as one speaker's words would
    assert [("a", "q2"), ("b", "q2")] in held
    assert [("a", "q1"), ("b", "q1")] in held
