"""The shortcuts of the merger's actor stage give what the plain forms they stand for give.

Each is compared with the general path it skips, on invented names and on seeded random strings
built from the characters the code cares about (capitals, particles, titles, apostrophes, dots,
hyphens, digits, accented letters); the actor stage itself is checked against a fresh run.
"""

from __future__ import annotations

import random

from schemas import ArticleDigest
from service.merge import merge
from service.merge import names as nm
from service.merge.actors import _variant_pairs, cluster_actors
from service.merge.common import block_pairs
from service.merge.judge import Decider
from tests.test_merge import actor, digest

_WORDS = [
    "Pat", "Ryder", "Patrick", "al-Sudani", "bin", "Salman", "van", "Gaal", "Major", "General",
    "President", "Jr.", "III", "Dr", "the", "The", "of", "Iraqi", "Ukrainian", "Boeing's",
    "O'Brien", "ÉLise", "Zoë", "mr", "J.", "U.S.", "spokesman", "Kestrian", "de", "la", "Ali",
    "CEO", "Smith-Jones", "1st", "Army", "army", "government", "Government", "groups", "militia",
    "Iran-aligned", "(PMF)", "Forces", "Popular", "people", "Police", "staff", "s", "A", "Q",
]  # fmt: skip


def _forms(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = rng.choices(_WORDS, k=rng.randint(0, 5))
        sep = rng.choice([" ", " ", " ", "  ", ", ", " - "])
        out.append(sep.join(words) + rng.choice(["", "", " ", ".", ","]))
    return out


def test_person_name_shortcut_gives_the_word_by_word_answer() -> None:
    names = [
        "Pat Ryder", "Major General Pat Ryder", "John Major", "Martin Luther King Jr.",
        "Ukrainian Volodymyr Zelensky", "Jezvan Ditbezni", "Mohammed Shia al-Sudani", "The Pope",
        "Sr.", "Boeing's chief executive Dave Calhoun", "Kensifr Bemdif III",
    ] + _forms(1, 4000)  # fmt: skip
    for form in names:
        s = form.split(",", 1)[0]
        words = nm._PAREN.sub(" ", s).split()
        if not words or words[0].lower() in nm.DETERMINERS:
            want = None
        else:
            want = nm._name_part(words, [nm._word_key(w) for w in words])
        assert nm.person_name(form) == want, form


def test_collective_and_institution_shortcuts_give_the_full_answer() -> None:
    forms = [
        "Iranian militia groups", "Iran malign militia groups", "the Iraqi government",
        "Government of Iraq", "Iraq's government", "Government Accountability Office", "  ",
        "US larfikso", "Kestrian army", "Iran-aligned groups", "Cekjaws togsibti (duwgojne)",
    ] + _forms(2, 4000)  # fmt: skip
    keyed = 0
    for form in forms:
        assert nm.collective_key(form) == nm._collective(form), form
        assert nm.institution_key(form) == nm._institution(form), form
        keyed += nm.collective_key(form) is not None or nm.institution_key(form) is not None
    assert keyed > 50  # the random forms reach the full answers too


def _variants(rng: random.Random, word: str) -> str:
    """The word with a vowel changed, a letter doubled or a digraph spelled out: often the same
    skeleton ("baqir", "baqer", "bakkir", "phil"/"fil")."""
    i = rng.randrange(len(word))
    pick = rng.randrange(4)
    if pick == 0 and word[i] in "aeiou":
        return word[:i] + rng.choice("aeiouy") + word[i + 1 :]
    if pick == 1:
        return word[:i] + word[i] + word[i:]
    if pick == 2:
        return word.replace("f", "ph").replace("k", "q")
    return word


def test_variant_pairs_are_the_pairs_of_equal_skeletons() -> None:
    rng = random.Random(4)
    letters = "aeiouywhbcdfgjklmnpqrstvxz019éß"
    found = 0
    for _ in range(60):
        base = [
            tuple(
                "".join(rng.choices(letters, k=rng.randint(1, 7))) for _ in range(rng.randint(1, 3))
            )
            for _ in range(rng.randint(0, 40))
        ]
        base += [tuple(_variants(rng, w) for w in f) for f in base[: len(base) // 2]]
        base += [("baqir",), ("baqer",), ("bakr",), ("phil", "ckay"), ("fil", "kay")]
        forms = sorted({(rng.choice("OL"), f) for f in base})
        want = block_pairs([((fam, tuple(map(nm.skeleton, f))),) for fam, f in forms])
        assert _variant_pairs(forms) == want
        found += len(want)
        sets = nm.skeleton_consonants([f for _, f in forms])
        for i, j in want:
            assert forms[i][0] == forms[j][0] and sets[i] == sets[j]
    assert found > 100
    assert _variant_pairs([]) == [] and nm.skeleton_consonants([]) == []


def _story() -> list[ArticleDigest]:
    people = [
        actor("a1", "Major General Pat Ryder", aliases=("Ryder",)),
        actor("a2", "Masoud Barzani"),
        actor("a3", "Popular Mobilization Forces", "group", aliases=("PMF",)),
        actor("a4", "Iraqi government", "organization"),
        actor("a5", "a senior official", anonymous=True),
    ]
    others = [
        actor("a1", "Patrick Ryder"),
        actor("a2", "Barzani"),
        actor("a3", "PMF", "group"),
        actor("a4", "Government of Iraq", "organization"),
        actor("a5", "Nechirvan Barzani"),
        actor("a6", "Ain al-Asad air base", "location"),
    ]
    return [digest("x", actors=people), digest("y", actors=others), digest("z", actors=others[:3])]


def test_the_actor_stage_gives_the_same_answer_run_twice() -> None:
    ds = _story()
    group_of = {d.article.id: d.article.id for d in ds}
    cold = cluster_actors(ds, group_of, Decider(None, 0))
    warm = cluster_actors(ds, group_of, Decider(None, 0))
    assert [a.model_dump_json() for a in cold.actors] == [a.model_dump_json() for a in warm.actors]
    assert cold.pairs == warm.pairs
    # Ryder in all three articles is one actor
    ryder = [a for a in cold.actors if a.name == "Patrick Ryder"]
    assert len(ryder) == 1 and len(ryder[0].members) == 3
    assert merge(ds).model_dump_json() == merge(ds).model_dump_json()


def test_resolver_tables_built_early_or_late_resolve_alike() -> None:
    ds = _story()
    group_of = {d.article.id: d.article.id for d in ds}
    asks = [
        (art, name)
        for art in ("x", "y", "z", "w")
        for name in (
            "Ryder", "Pat Ryder", "P. Ryder", "Barzani", "Masoud Barzani", "PMF", "Iraqi army",
            "the government of Iraq", "Ain al-Asad", "a senior official", "", "  ", "Nobody",
        )
    ]  # fmt: skip
    late = cluster_actors(ds, group_of, Decider(None, 0)).resolver
    early = cluster_actors(ds, group_of, Decider(None, 0)).resolver
    early._tables()
    got = [late.resolve(a, n) for a, n in asks]
    assert got == [early.resolve(a, n) for a, n in asks]
    assert sum(g is not None for g in got) > 10
