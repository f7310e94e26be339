"""The faster paths of the actor stage give exactly what the plain forms they replace give.

Each is compared with the straightforward form it stands for, on invented sentences and on seeded
random strings built from the characters the code cares about (marks, dots, apostrophes, digits,
spaces and line breaks, accented and Arabic letters).
"""

from __future__ import annotations

import random
import re

import pytest

from schemas import ActorType
from service.extract import actor_mentions, actor_rules, names, word_scan
from service.extract import lexicon_intl as intl
from service.extract.memo import Memo

# the plain tokeniser: one Match per token
PLAIN_TOKENS = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_](?:[\w\u0300-\u036f\u064b-\u065f\u0670]+|[’'.\-](?=[^\W_]))*"
    r"|\d(?:[\d,.:]*\d)?(?:-[^\W\d_]+)*"
    r"|\S"
)

SENTENCES = [
    "",
    "   ",
    "Maj. Gen. Pat Ryder said the U.S. envoy met al-Sudani’s aide O'Neill.\n\n  “We won't,” he said.",
    "Jürgen Müller, 56-year-old CEO of Acme Corp., paid $1,200.50 at 10:30 on 3.4.2024 —\tthen left…",
    "قال المتحدث الرسمي إنّ الوزارة ستعلن ذلك.\r\nSt. Brigid's Hospital in Dublin; Dr.Hale _x_ e.g. A.B.C.",
]
PIECES = [
    "a", "Ab", "U", ".", "'", "’", "-", "1", ",", ":", " ", "  ", "\n", "\t", "\u00a0", "é",
    "e\u0301", "_", "“", "”", "ّ", "ب", "Mr", "Gen", "s", "—",
]  # fmt: skip


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def _plain_tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """The plain scan's tokens, a title abbreviation's dot folded into it ('Gen.')."""
    out: list[tuple[int, int, str]] = []
    for m in PLAIN_TOKENS.finditer(text):
        if (
            m.group() == "."
            and out
            and out[-1][1] == m.start()
            and out[-1][2][0].isupper()
            and names.low(out[-1][2]) in names.ABBREVIATIONS
        ):
            out[-1] = (out[-1][0], m.end(), out[-1][2] + ".")
        else:
            out.append((m.start(), m.end(), m.group()))
    return [x[0] for x in out], [x[1] for x in out], [x[2] for x in out]


@pytest.mark.parametrize("text", SENTENCES)
def test_doc_tokens_are_the_plain_scan_tokens(text: str) -> None:
    d = names.Doc(text)
    assert (d.starts, d.ends, d.words) == _plain_tokens(text)


def test_doc_tokens_match_the_plain_scan_on_random_text() -> None:
    texts = _random_texts(500, seed=11)
    for text in texts:
        d = names.Doc(text)
        assert (d.starts, d.ends, d.words) == _plain_tokens(text), text
    # the soup does hold tokens, and titles whose dot folds in
    assert sum(len(names.Doc(t).words) for t in texts) > 2000
    assert any(w in ("Mr.", "Gen.") for t in texts for w in names.Doc(t).words)


LOWER_PIECES = [
    "ab", "well", "-", "’", "'", "known", " ", "X", "é", "1", "_", "s", ".", "the", "re", "\n", "a",
]  # fmt: skip


def test_lower_word_look_up_agrees_with_the_whole_text_set() -> None:
    rng = random.Random(5)
    asked = found = 0
    for _ in range(600):
        text = "".join(rng.choice(LOWER_PIECES) for _ in range(rng.randint(0, 20)))
        whole = set(word_scan._LOWER_WORD.findall(text))  # the plain form
        # every word the set holds, every piece of them, and words the text only nearly holds
        queries = {w[a:b] for w in whole for a in range(len(w)) for b in range(a + 1, len(w) + 1)}
        queries |= {"well", "known", "well-known", "ab-", "re's", "i", "", "Ab"}
        for q in queries:
            got = actor_mentions.is_lower_word(text, q)
            assert got == (q in whole), (text, q)
            asked += 1
            found += got
    assert asked > 5000 and found > 300  # the soup holds many words and even more non-words


def _plain_context_type(text: str, m: actor_mentions.Mention) -> ActorType | None:
    """actor_rules._context_type as first written: whole splits, a helper per quote-mark test."""

    def marked(x: str) -> bool:
        return "“" in x or "”" in x or '"' in x

    after = text[m.end : m.end + 30].lower().split()
    before = text[max(0, m.start - 40) : m.start].lower().split()
    before = [x for x in before[-3:] if not marked(x)] if before else before
    after = after[:2]
    if after and marked(after[0]):
        after = []
    return actor_rules.type_from_context(before, after)


CONTEXT_PIECES = [
    "Name", " ", "  ", "\n", "“", "”", '"', "'", ".", ",", "of", "town", "city", "militia", "rebels",
    "province", "state", "said", "the", "village", "’",
]  # fmt: skip


def test_context_type_agrees_with_the_plain_form() -> None:
    rng = random.Random(7)
    kinds: set[ActorType | None] = set()
    for _ in range(3000):
        text = "".join(rng.choice(CONTEXT_PIECES) for _ in range(rng.randint(0, 30)))
        for at in [i for i in range(len(text)) if text.startswith("Name", i)]:
            m = actor_mentions.Mention(at, at + 4, "Name", "Name")
            want = _plain_context_type(text, m)
            assert actor_rules._context_type(text, m) == want, text
            kinds.add(want)
    assert kinds == {None, ActorType.group, ActorType.location}  # every answer was asked for


def test_honorific_test_agrees_with_the_plain_search() -> None:
    rng = random.Random(9)
    pieces = ["Mr", "Mrs", "Dr", "Srta", "Prof", "Frau", "Herr", ".", " ", "X", "s", "N", "\n"]
    hits = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for at in range(len(text) + 1):
            plain = actor_rules._HONORIFIC.search(text, max(0, at - 8), at) is not None
            assert actor_rules._honorific_before(text, at) == plain, (text, at)
            hits += plain
    assert hits > 200


def test_memo_gives_the_function_s_values_and_empties_itself_past_its_bound() -> None:
    asked: list[str] = []

    def shout(x: str) -> str:
        asked.append(x)
        return x.upper()

    memo = Memo(shout, 3)
    assert [memo[x] for x in ("a", "b", "a", "c", "b")] == ["A", "B", "A", "C", "B"]
    assert asked == ["a", "b", "c"]  # a hit is not computed again
    assert memo["d"] == "D" and len(memo) == 1  # the fourth key found it full: emptied first
    assert list(map(memo.__getitem__, ["d", "e"])) == ["D", "E"]


RUN_WORDS = [
    "of", "Of", "and", "&", "in", "at", "for", "de", "la", "President", "president", "minister",
    "Minister", "former", "deputy", "January", "Monday", "Montag", "Acme", "al-Sudani", "l'Élysée",
    "Verkehrsminister", "gesundheitsministerium", "U.S.", "the", "Bundesminister", "then", "’s",
]  # fmt: skip


def test_run_word_facts_are_the_plain_tests_of_the_word() -> None:
    am = actor_mentions
    rng = random.Random(3)
    words = RUN_WORDS + ["".join(rng.choice(PIECES) for _ in range(3)) or "x" for _ in range(300)]
    kinds = set()
    for x in words:
        lx = names.low(x)
        plain = (
            lx,
            names.is_cap(x) and lx not in names.MONTHS and lx not in names.WEEKDAYS,
            lx in names.CONNECTORS,
            lx in names.CONNECTORS and lx not in ("and", "&") or lx in am._ROLE_JOIN,
            lx in am._ROLE_JOIN,
        )
        assert am._RUN_WORDS[x] == am._run_word(x) == plain, x
        kinds.add(plain[1:])
    assert len(kinds) >= 5  # capitalised words, connectors, titles, title words joining runs


def test_a_name_particle_is_always_one_of_the_surname_particles() -> None:
    # find_candidates asks _name_particle only of a word in SURNAME_PARTICLES: it says no to any other
    texts = _random_texts(300, seed=13) + [
        "Pieter de Groot and Ursula von der Leyen met Lula da Silva and Lula Da Silva.",
        "Anna van den Berg, Ana de la Cruz and Omar bin Laden.",
    ]
    yes = 0
    for text in texts:
        d = names.Doc(text)
        for i in range(len(d.words)):
            for j in range(i + 1, min(len(d.words), i + 6)):
                got = actor_mentions._name_particle(d, i, j)
                assert not got or d.words[j] in actor_mentions.intl.SURNAME_PARTICLES
                yes += got
    assert yes >= 3


def test_cached_name_tests_are_the_plain_ones() -> None:
    for name in (
        "Popular Mobilization Forces", "Acme Corp", "Labour Party", "Dave Calhoun", "iPhone Maker",
        "U.S. Army", "Ministry of Defence", "X", "al-Sudani Group", "Verkehrsministerium Berlin",
    ):  # fmt: skip
        initials = "".join(x[0] for x in name.split() if x[0].isupper())
        assert actor_rules._initials_key(name) == (
            names.name_key(initials) if len(initials) >= 2 else None
        )
        plain = any(names.low(x) in names.ORG_WORDS for x in name.split())
        assert actor_rules._org_named(name) == plain, name
    assert actor_rules._org_named("Acme Corp") and not actor_rules._org_named("Dave Calhoun")
    assert actor_rules._initials_key("Popular Mobilization Forces") == "pmf"


def test_indices_are_the_positions_a_comparison_loop_finds() -> None:
    rng = random.Random(17)
    for _ in range(500):
        items = [rng.choice([".", "a", "..", "Mr", "", ". "]) for _ in range(rng.randint(0, 12))]
        for item in (".", "a", "x"):
            assert names._indices(items, item) == [i for i, x in enumerate(items) if x == item]
    assert names._indices([".", "a", "."], ".") == [0, 2]


def _plain_language(text: str) -> str:
    """lexicon_intl.language as first written: every letter counted, every word looked up."""
    head = text[:2000]
    letters = sum(map(str.isalpha, head))
    script = intl._SCRIPT_CHARS.findall(head)
    if letters and len(script) > letters // 2:
        return "ar" if sum(c >= "\u0600" for c in script) > len(script) // 2 else "ru"
    counts = dict.fromkeys(intl._MARKERS, 0)
    for w in head.lower().split():
        for code in intl._MARKER_OF.get(w, ()):
            counts[code] += 1
    for w in head.split():
        for code, own in intl._OWN_LETTERS:
            counts[code] += any(c in own for c in w)
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] > counts["en"] else "en"


LANGUAGE_TEXTS = [
    "",
    "The minister said that the plan was ready and that it has the support of the party.",
    "Le ministre a dit que les mesures sont prêtes et qu'elles ont été annoncées dans la soirée.",
    "Der Minister sagte, dass die Pläne nicht mit dem Haushalt auf eine Linie gebracht wird.",
    "El ministro dijo que los planes están listos, según fuentes, pero sus críticos dudan.",
    "Il ministro ha detto che gli accordi della settimana sono per ora anche sospesi.",
    "O ministro disse que os planos não foram aprovados pela comissão ao fim do dia.",
    "De minister zei dat het plan niet op tijd klaar is en dat er ook kritiek komt.",
    "Министр заявил, что план готов. The minister",
    "قال الوزير إن الخطة جاهزة. said the minister",
    "\u0483\u0484\u0485 \u0486",  # Cyrillic marks that are no letters: no letters at all
    "the le der el il o het się och yang ve " * 3,  # ties between languages
]
LANGUAGE_PIECES = [
    "the ", "le ", "der ", "el ", "il ", "de ", "o ", "и ", "ب", "я", "\u0483", "a", " ", "The ",
    "and\n", "é", "1", "said ", "sagte ", "dijo ", "ł", "ñ ", "ř",
]  # fmt: skip


def test_language_is_the_plain_count() -> None:
    rng = random.Random(17)
    texts = LANGUAGE_TEXTS + [
        "".join(rng.choice(LANGUAGE_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(800)
    ]
    seen = set()
    for text in texts:
        got = intl.language.__wrapped__(text)
        assert got == _plain_language(text), text
        seen.add(got)
    assert {"en", "fr", "de", "es", "ru", "ar"} <= seen  # the soup reaches several answers


def test_quoted_mentions_are_those_inside_a_quotation() -> None:
    text = (
        "Maria Lopez said “Acme Corp will hire, and Jon Reyes agrees” before Tom Hale left.\n\n"
        "“Pat Ryder knows,” said Ana Ruiz of the Health Ministry. Later “Nora Fisk” spoke and "
        "Ian Cole “Ed Park” replied, with “Lia Moss, Kim Yu” and Omar Diaz last."
    )
    regions = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]
    merged = actor_mentions.union(regions)
    found = actor_mentions.find_candidates(names.Doc(text), regions)
    assert {m.quoted for m in found} == {True, False}
    for m in found:
        assert m.quoted == actor_mentions.in_regions(m.start, merged), m


START_PIECES = [
    "al", "-", "’", "'", "Sudani", "d", "O", "x", " ", "é", "É", ".", "\n", "bin", "Ab", "1", "the",
    "Nell", "ash", "“",
]  # fmt: skip


def test_start_tokens_hold_every_token_that_can_start_a_name() -> None:
    texts = SENTENCES + _random_texts(300, seed=3)
    rng = random.Random(8)
    texts += [
        "".join(rng.choice(START_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(600)
    ]
    lower_starts = 0
    for text in texts:
        d = names.Doc(text)
        plain = [i for i, y in enumerate(d.words) if actor_mentions._start_word(y) is not None]
        fast = word_scan.start_tokens(text, d.words, d.starts)
        assert fast == sorted(set(fast)), text  # in order, each once
        assert [i for i in fast if actor_mentions._start_word(d.words[i]) is not None] == plain
        lower_starts += sum(not d.words[i][0].isupper() for i in plain)
    assert lower_starts >= 10  # particle-joined names ('al-Sudani') do start names in the soup


def test_capitalised_inside_is_the_set_of_mid_sentence_capitals() -> None:
    rng = random.Random(4)
    hits = 0
    for _ in range(400):
        text = "".join(rng.choice(START_PIECES + ["Going", "going", "Sadly"]) for _ in range(20))
        d = names.Doc(text)
        plain = {
            y
            for y, first in zip(d.words, d.sent_start, strict=True)
            if not first and y[0].isupper()
        }
        for x in {*d.words, "Going", "Sadly", "Nowhere"}:
            got = word_scan.capitalised_inside(d.words, d.sent_start, x)
            assert got == (x in plain), (text, x)
            hits += got
    assert hits > 200


def _plain_title_word(word: str) -> bool:
    lw = names.low(word)
    return (
        lw in names.RANKS
        or lw in names.ROLE_NOUNS
        or lw in ("prime", "foreign", "defence", "defense")
    )


TITLE_PIECES = [
    "Pat", "Ryder", "General", "Maj.", "spokesman", "Prime", "Minister", "of", "Defence", "St.",
    "Hospital", " ", "  ", "\u00a0", "\u2003", "\x1c", "\x85", "\u200b", "\t", "Acme", "Corp",
]  # fmt: skip


def test_split_titled_words_and_untitled_runs_are_the_plain_ones() -> None:
    rng = random.Random(12)
    untitled = 0
    for _ in range(3000):
        run = "".join(rng.choice(TITLE_PIECES) for _ in range(rng.randint(1, 8)))
        words = names._TOKEN_RE.findall(run)
        assert run.split() == words, repr(run)  # the words the fast path reads are \S+'s
        if not any(_plain_title_word(w) for w in words[:-1]):
            untitled += 1
            assert names.split_titled(run) == names.Titled(None, run, 0), repr(run)
    assert 300 < untitled < 2700  # both kinds of run are met


def test_one_language_letters_lie_outside_ascii() -> None:
    # language() looks for these letters only in the words that are not plain ASCII
    ascii_letters = [c for _, own in intl._OWN_LETTERS for c in own if c.isascii()]
    assert ascii_letters == []
    assert intl.language.__wrapped__("Mówił, że będzie. Powiedział też, że przyjdzie.") == "pl"
