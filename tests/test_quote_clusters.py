"""Quote clusters on invented digests: the comparison words (contractions, possessives), which
quotes join whatever the outlets call the speaker, and a long quotation listed in every cluster
whose utterance it holds."""

from __future__ import annotations

from schemas import ArticleDigest
from schemas.story import QuoteCluster
from service.merge import merge
from service.merge.quote_keys import content_words, quote_segments
from tests.test_merge import actor, digest, quote


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for seg in quote_segments(text) for w in seg)


def test_contractions_and_possessives_have_one_spelling() -> None:
    assert _words("We’ve got to go, and we don't stop") == _words(
        "We have got to go, and we do not stop"
    )
    assert _words("I can’t and I won't, I cannot") == (
        *("i", "can", "not", "and", "i", "will", "not", "i", "can", "not"),
    )
    assert _words("He’s here; let's see; they're in; I'm out; she'll call; you'd know") == (
        *("he", "is", "here", "let", "us", "see", "they", "are", "in", "i", "am", "out"),
        *("she", "will", "call", "you", "would", "know"),
    )
    # a possessive 's and a lone trailing apostrophe are dropped: one word in three spellings
    assert _words("the Guild’s best recruiter") == _words("the Guild' best recruiter")
    assert _words("the Guild' best recruiter") == ("the", "guild", "best", "recruiter")
    # other apostrophes split the word as before; ellipses still cut segments; brackets open
    assert quote_segments("O’Neill said … it [is] rock'n'roll") == (
        ("o", "neill", "said"),
        ("it", "is", "rock", "n", "roll"),
    )
    # spelled-out function words carry no content
    assert content_words(_words("this is not who we are")) == 0
    assert content_words(_words("I'm not leaving the harbour")) == 2


def _texts(c: QuoteCluster) -> list[tuple[str, str, str]]:
    return [(v.article, v.quote.id, v.relation.value) for v in c.variants]


def _cluster_of(story, article: str, qid: str) -> list[QuoteCluster]:
    return [
        c
        for c in story.quotes
        if any(v.article == article and v.quote.id == qid for v in c.variants)
    ]


def test_a_contracted_copy_joins_the_spelled_out_quote() -> None:
    ds = [
        digest(
            "a",
            actors=[actor("a1", "Ines Varga")],
            quotes=[
                quote("q1", "We've got to finish the harbour wall before the storms", "Ines Varga")
            ],
        ),
        digest(
            "b",
            actors=[actor("a1", "Mayor Ines Varga")],
            quotes=[quote("q1", "We have got to finish the harbour wall", "Mayor Ines Varga")],
        ),
        digest(
            "c",
            actors=[actor("a1", "Tomas Rell")],
            quotes=[quote("q1", "Marcus’s harbour wall money", "Tomas Rell")],
        ),
        digest(
            "d",
            actors=[actor("a1", "Tomas Rell")],
            quotes=[quote("q1", "It is Marcus' harbour wall money, all of it", "Tomas Rell")],
        ),
    ]
    story = merge(ds)
    assert sorted(sorted(v.article for v in c.variants) for c in story.quotes) == [
        ["a", "b"],
        ["c", "d"],
    ]


def test_short_words_credited_to_two_people_are_two_utterances() -> None:
    def pair(text_a: str, text_b: str, speaker_b: str) -> list[ArticleDigest]:
        return [
            digest("a", actors=[actor("a1", "Ann Lee")], quotes=[quote("q1", text_a, "Ann Lee")]),
            digest("b", actors=[actor("a1", speaker_b)], quotes=[quote("q1", text_b, speaker_b)]),
        ]

    # a chant or slogan: identical words, two named speakers, too few words to be one utterance
    assert len(merge(pair("Build the road!", "Build the road.", "Bo Chen")).quotes) == 2
    # the same speaker: one cluster
    assert len(merge(pair("Build the road!", "Build the road.", "Ann Lee")).quotes) == 1
    # five words with two content words, both attributed: one utterance, the speakers disputed
    story = merge(
        pair("keep the ferry running late", "We must keep the ferry running late", "Bo Chen")
    )
    [c] = story.quotes
    assert [d.field for d in c.disagreements] == ["speaker"]
    assert sorted(v.value for v in c.disagreements[0].values) == ["Ann Lee", "Bo Chen"]
    # six words of function words only still say enough ("this is not who we are")
    story = merge(
        pair("this is not who we are", "Look, this is not who we are, and we know it", "Bo Chen")
    )
    assert len(story.quotes) == 1


def test_a_rewording_is_listed_twice_only_by_a_quotation_holding_more() -> None:
    a = digest(
        "a",
        actors=[actor("a1", "Ann Lee")],
        quotes=[
            quote("q1", "The ferry runs every hour from the north pier", "Ann Lee"),
            quote("q2", "every hour from the south pier today", "Ann Lee", 300),
        ],
    )

    def other(text: str) -> ArticleDigest:
        return digest("b", actors=[actor("a1", "Ann Lee")], quotes=[quote("q1", text, "Ann Lee")])

    # b holds a2 verbatim and rewords a1 with hardly a word more: a rewording, listed once
    story = merge([a, other("The ferry runs every hour from the south pier today")])
    [c] = _cluster_of(story, "b", "q1")
    assert sorted((v.article, v.quote.id) for v in c.variants) == [("a", "q2"), ("b", "q1")]
    [alone] = _cluster_of(story, "a", "q1")
    assert [(v.article, v.quote.id) for v in alone.variants] == [("a", "q1")]
    # a quotation holding a1's rewording and a sentence more is listed with a1 as well
    story = merge(
        [
            a,
            other(
                "The ferry runs every hour from the south pier today, and we will add a night "
                "boat in the summer"
            ),
        ]
    )
    [c1] = _cluster_of(story, "a", "q1")
    assert [(v.article, v.quote.id, v.relation.value) for v in c1.variants] == [
        ("a", "q1", "canonical"),
        ("b", "q1", "contains"),
    ]


LONG = (
    "How long must the valley wait? In Marlow, a bus full of children slid off the road in the "
    "rain. I mean, this is just unbearable, and it needs to end now, so we will fix that road."
)


def test_a_long_quotation_is_listed_in_each_cluster_it_holds() -> None:
    a = digest(
        "a",
        actors=[actor("a1", "Ann Lee"), actor("a2", "Bo Chen")],
        quotes=[
            quote("q1", "How long must the valley wait?", "Ann Lee"),
            # reported with a word left out: a rewording, not a verbatim part, of the long quote
            quote(
                "q2",
                "In Marlow, a bus full of children slid off the road in the rain. This is just "
                "unbearable, and it needs to end now.",
                "Ann Lee",
                200,
            ),
            # Bo Chen's words as article a reports them: a fragment of the long quote below
            quote("q3", "fix that road", "Bo Chen", 400),
        ],
    )
    # another outlet quotes the whole passage and names the wrong person
    b = digest("b", actors=[actor("a1", "Bo Chen")], quotes=[quote("q1", LONG, "Bo Chen")])
    story = merge([a, b])
    [c1] = _cluster_of(story, "a", "q1")
    [c2] = _cluster_of(story, "a", "q2")
    assert c1.id != c2.id
    assert {(v.article, v.quote.id) for v in c1.variants} >= {("a", "q1"), ("b", "q1")}
    assert {(v.article, v.quote.id) for v in c2.variants} == {("a", "q2"), ("b", "q1")}
    # where the long quote is the extra listing, it is labelled as holding the utterance
    extra = [c for c in (c1, c2) if c.canonical_from.article == "a"]
    assert extra and all(
        v.relation.value == "contains" for c in extra for v in c.variants if v.article == "b"
    )
    # a 3-word fragment is no utterance of its own: the long quote is not listed with it a
    # third time
    frag = _cluster_of(story, "a", "q3")
    assert len(frag) == 1 and all(v.article == "a" for v in frag[0].variants)


def _ann(aid: str, *quotes_: tuple[str, str]) -> ArticleDigest:
    return digest(
        aid,
        actors=[actor("a1", "Ann Lee")],
        quotes=[quote(qid, text, "Ann Lee", 200 * k) for k, (qid, text) in enumerate(quotes_)],
    )


def test_a_phrase_the_speaker_repeats_joins_one_utterance_not_two() -> None:
    # "the night ferry service" is in two different things Ann Lee said (a: q2, b: q1); a's
    # fragment of it joins one of them, and the two utterances stay apart
    a = _ann(
        "a",
        ("q1", "the night ferry service"),
        ("q2", "On the islands they have rules. We lost the night ferry service, and the bus too."),
    )
    b = _ann("b", ("q1", "I do. It was the night ferry service. It was the first thing to go."))
    story = merge([a, b])
    [c2] = _cluster_of(story, "a", "q2")
    [cb] = _cluster_of(story, "b", "q1")
    assert c2.id != cb.id  # two utterances, not chained through the shared phrase
    [frag] = _cluster_of(story, "a", "q1")
    assert frag.id in (c2.id, cb.id)
    assert cb.id in c2.related and c2.id in cb.related
    # without the fragment the two utterances were never one either
    a_only = _ann("a", ("q2", a.quotes[1].text))
    assert len(merge([a_only, b]).quotes) == 2
    # a fragment whose utterance is quoted twice still joins the two copies' cluster
    c = _ann("c", ("q1", "I do. It was the night ferry service. It was the first thing to go."))
    story = merge([a, b, c])
    [cb] = _cluster_of(story, "b", "q1")
    assert {v.article for v in cb.variants} >= {"b", "c"}
    assert _cluster_of(story, "a", "q2")[0].id != cb.id


def test_a_quotation_holding_an_utterance_is_listed_beside_its_own_fragment() -> None:
    # a reports two sentences separately; b quotes them as one, and also a fragment of the first
    a = _ann(
        "a",
        ("q1", "She is becoming the Guild's best recruiter,"),
        ("q2", "They are going to people, showing videos of her insulting the dock workers."),
    )
    b = _ann(
        "b",
        ("q1", "the Guild' best recruiter."),
        (
            "q2",
            "She is becoming the Guild' best recruiter. They are going to people, showing "
            "videos of her insulting the dock workers.",
        ),
    )
    story = merge([a, b])
    [c1] = _cluster_of(story, "a", "q1")
    [c2] = _cluster_of(story, "a", "q2")
    assert c1.id != c2.id
    # b's fragment of the first sentence and b's whole quotation are both listed with it: the
    # two are directly related, so one article may have both there
    assert {(v.article, v.quote.id) for v in c1.variants} == {
        ("a", "q1"),
        ("b", "q1"),
        ("b", "q2"),
    }
    assert {(v.article, v.quote.id) for v in c2.variants} == {("a", "q2"), ("b", "q2")}


def test_a_rewording_that_flips_a_negation_is_another_utterance() -> None:
    def two(text_a: str, text_b: str) -> int:
        return len(merge([_ann("a", ("q1", text_a)), _ann("b", ("q1", text_b))]).quotes)

    # a word dropped or changed across outlets: one utterance
    assert (
        two("This has everything to do with the harbour", "This has all to do with the harbour")
        == 1
    )
    # a negation added or dropped says the opposite: two
    assert (
        two("This has nothing to do with the harbour", "This has everything to do with the harbour")
        == 2
    )
    assert (
        two(
            "If she wins, she wants to keep the ferry going",
            "If she does not win, she wants to keep the ferry going",
        )
        == 2
    )
    # a negation in words the longer quote holds besides the shared stretch changes nothing
    assert (
        two(
            "We will keep the night ferry going",
            "We will keep the night ferry going all year, no doubt",
        )
        == 1
    )


def test_one_articles_quotes_differing_in_a_content_word_are_two_utterances() -> None:
    # one article quoting the speaker twice with a content word changed reports two things said
    a = _ann(
        "a",
        ("q1", "We are the best port in the world"),
        ("q2", "We are the best port in the north"),
    )
    assert len(merge([a]).quotes) == 2
    # across two articles the same rewording is one utterance reported two ways
    b = _ann("b", ("q1", "We are the best port in the north"))
    assert len(merge([_ann("a", ("q1", "We are the best port in the world")), b]).quotes) == 1
    # a function word dropped within one article still joins (a quote repeated, trimmed)
    c = _ann("c", ("q1", "a work horse, not a show horse"), ("q2", "work horse, not show horse"))
    assert len(merge([c]).quotes) == 1
    # an editorial bracket glued to a word is part of that word
    assert _words("[T]he ferry pick[ing] up") == ("the", "ferry", "picking", "up")


def test_one_articles_two_sayings_sharing_a_run_stay_apart_but_two_excerpts_join() -> None:
    # the speaker repeats a line in other words around it: two things said, in one article
    a = _ann(
        "a",
        ("q1", "Let us drop this idea that the harbour board does not know what it is doing"),
        ("q2", "This notion that the harbour board does not know what it is doing is not true"),
    )
    assert len(merge([a]).quotes) == 2
    # the same two quotes in two articles are one utterance reported two ways
    b = _ann("b", ("q1", a.quotes[1].text))
    a1 = _ann("a", ("q1", a.quotes[0].text))
    assert len(merge([a1, b]).quotes) == 1
    # two excerpts of one sentence (the end of one is the start of the other) join
    c = _ann(
        "c",
        ("q1", "This young pilot, I do not know what she was thinking about the harbour"),
        ("q2", "I do not know what she was thinking about the harbour but I am troubled"),
    )
    assert len(merge([c]).quotes) == 1


def test_excerpts_is_a_suffix_equal_to_a_prefix() -> None:
    from random import Random

    from service.merge.quote_keys import excerpts
    from service.merge.quotes import OVERLAP_RUN

    def plain(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return any(
            x[-k:] == y[:k]
            for x, y in ((a, b), (b, a))
            for k in range(OVERLAP_RUN, min(len(x), len(y)))
        )

    rng = Random(7)
    hits = 0
    for _ in range(5000):
        a = tuple(rng.choice("ab") for _ in range(rng.randint(1, 20)))
        b = tuple(rng.choice("ab") for _ in range(rng.randint(1, 20)))
        if rng.random() < 0.5:  # b goes on from a stretch of a's end
            b = (a[rng.randint(0, len(a) - 1) :] + b)[:20]
        assert excerpts(a, b, OVERLAP_RUN) == plain(a, b), (a, b)
        hits += plain(a, b)
    assert hits > 100


def test_negations_differ_is_the_count_over_the_shared_stretch() -> None:
    from random import Random

    from rapidfuzz.distance import LCSseq

    from service.merge.quote_keys import NEGATIONS, negations_differ

    def plain(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
        eq = [op for op in LCSseq.opcodes(short, long_) if op.tag == "equal"]
        if not eq:
            return False
        stretch = long_[eq[0].dest_start : eq[-1].dest_end]
        return sum(w in NEGATIONS for w in short) != sum(w in NEGATIONS for w in stretch)

    rng = Random(3)
    for _ in range(3000):
        short = tuple(rng.choice(("we", "not", "go", "never")) for _ in range(rng.randint(1, 8)))
        long_ = tuple(rng.choice(("we", "not", "go", "home")) for _ in range(rng.randint(1, 12)))
        assert negations_differ(short, long_) == plain(short, long_), (short, long_)


def test_a_named_speaker_heads_the_cluster_over_a_role_more_pages_give() -> None:
    # two pages of one wire story credit the words to "the minister" (a role-only actor), one
    # outlet names him: the name heads the cluster and the role stays listed as a disagreement
    words = "We are making forty million euros available to growers who lost their harvest"
    wire = " ".join(
        f"Growers in the Vellmar valley lost vines in frost number {i}." for i in range(40)
    )
    role = "minister (unnamed)"
    ds = [
        digest(
            aid,
            actors=[actor("a1", role, anonymous=True)],
            quotes=[quote("q1", words, role)],
            text=wire,
        )
        for aid in ("a", "b")
    ]
    ds.append(
        digest(
            "c",
            actors=[actor("a1", "Henrik Dalsgaard")],
            quotes=[quote("q1", words, "Henrik Dalsgaard")],
        )
    )
    [c] = merge(ds).quotes
    assert c.speaker == "Henrik Dalsgaard"
    [d] = c.disagreements
    assert [v.value for v in d.values] == ["Henrik Dalsgaard", role]
    assert d.values[1].support.pages == 2 and d.values[1].support.sources == 1
