"""The offline engine's batched and pre-filtered computations give what their plain forms give.

Each test keeps the straightforward form (one item at a time, no pre-filter) here and compares it
with the module's faster form on invented texts and seeded random strings built from the pieces
that matter (short words, repeats, non-ASCII letters, digits).
"""

from __future__ import annotations

import random
import re
import zlib

import pytest

from service.extract import date_scan, dates, event_places, quotes, shingles
from service.extract.word_scan import word_finder

M64 = (1 << 64) - 1
WORD = re.compile(r"\w+")


def plain_fingerprint(text: str) -> list[int]:
    """The MinHash signature one shingle at a time, as the module's docstring defines it."""
    words = WORD.findall(text.lower())
    if not words:
        return []
    hs = [zlib.crc32(w.encode()) for w in words]
    hs += [0] * max(0, 4 - len(hs))
    bins = [1 << 32] * 64
    for a, b, c, d in zip(hs, hs[1:], hs[2:], hs[3:], strict=False):
        h = (a * shingles._P1 + b * shingles._P2 + c * shingles._P3 + d) & M64
        h = ((h ^ (h >> 31)) * shingles._MIX) & M64
        h ^= h >> 29
        bins[h & 63] = min(bins[h & 63], h >> 32)
    filled = [i for i, v in enumerate(bins) if v != 1 << 32]
    for i in range(64):
        if bins[i] == 1 << 32:
            j = next((k for k in filled if k > i), filled[0])
            bins[i] = (bins[j] + (j - i) % 64 * 0x9E3779B1) & 0xFFFFFFFF
    return bins


def _random_texts(pieces: list[str], n: int, seed: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_the_lane_parallel_fingerprint_is_the_one_shingle_at_a_time_signature() -> None:
    texts = [
        "",
        "one",
        "one two",
        "one two three",
        "one two three four",
        "The council met on Tuesday. The council met on Tuesday, again, in Łódź.",
        " ".join(f"w{i}" for i in range(3000)),  # longer than the first lane masks
    ]
    texts += _random_texts(["a", "b", "c", "d", "ü", "x1", "42", "_", "—"], 400, seed=7, most=60)
    # case folds that change length, combining marks, non-ASCII spaces and marks, control bytes
    odd = ["İ", "ß", "e\u0301", "\u0307", "’", "\u00a0", "Σ", "ΑΣ", "日本", "\x1c", "\t", "a", "B2"]
    texts += _random_texts(odd, 300, seed=8, most=40) + _glued(odd, 300, seed=9)
    # the marks folded by str.replace before the regex, alone and beside other non-ASCII letters
    marks = ["’", "“", "”", "\u00a0", "—", "‘", "–", "―", "…", "a", "b", "é", "x1"]
    texts += _glued(marks, 300, seed=10) + _glued(marks[:-3] + ["a"], 300, seed=11)
    # and before lower-casing, but for a capital sigma, whose lower case reads its neighbours
    texts += _glued(["Σ", "Α", "’", "‘", " ", "a", "İ"], 600, seed=12)
    for text in texts:
        assert shingles.fingerprint(text) == plain_fingerprint(text), text[:40]
    # a short text after a long one reuses the grown masks
    assert shingles.fingerprint("a b c d e") == plain_fingerprint("a b c d e")


def _glued(pieces: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(n)]


# letters around and inside the words, digits, underscores, and case folds that change length
WORD_PIECES = ["may", "mayor", "dis", "day", "days", "é", "_", "5", " ", "-", "’", "ſ", "İ", "x"]


def test_the_word_finder_finds_the_whole_tokens_a_token_loop_finds() -> None:
    words = {"may", "day", "days", "é", "d’", "5"}  # the last two are no letter tokens: never found
    finder = word_finder(words)
    token = re.compile(r"[^\W\d_]+")
    for text in _glued(WORD_PIECES, 3000, seed=11):
        want = [(m.start(), m.group()) for m in token.finditer(text) if m.group() in words]
        assert list(finder.finditer(text)) == want, text
    with pytest.raises(ValueError):
        word_finder(["d’", "42"])


def test_the_hyphenated_word_finder_finds_the_whole_tokens_a_token_loop_finds() -> None:
    words = {"said", "a-t-il", "so", "d'après"}  # the last is no token: never found
    finder = word_finder(words, hyphenated=True)
    token = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
    pieces = ["said", "so", "-", "--", "a-t-il", "a", "t", "il", "x", " ", "9", "_", "é", "'"]
    for text in _glued(pieces, 3000, seed=14):
        want = [(m.start(), m.group()) for m in token.finditer(text) if m.group() in words]
        assert list(finder.finditer(text)) == want, text


def test_the_cue_word_index_is_the_token_loop_s() -> None:
    def plain(text: str) -> list[int]:
        return [
            m.start()
            for m in quotes._CUE_WORD_RE.finditer(text)
            if m.group(0).lower() in quotes._CUE_WORDS
        ]

    # lower-casing the whole text gives each token's lower case: true while no cue ends in a
    # sigma (the only letter whose lower case depends on what follows it: a sigma inside a token
    # has a letter after it, and so is σ either way; the Greek pieces glued to ' check it)
    assert not any(w.endswith(("σ", "ς")) for w in quotes._CUE_WORDS)
    pieces = ["Said", "SAID", "so", "-", "a-t-il", "A-T-IL", "x", " ", "9", "según", "İ", "\n"]
    pieces += ["ΔΉΛΩΣΕ", "δήλωσε", "Σ", "'", "ΣΎΜΦΩΝΑ"]
    for text in _glued(pieces, 3000, seed=15):
        assert quotes._cue_starts(text) == plain(text), text


def test_the_date_anchors_are_the_anchor_words_of_a_loop_over_every_word() -> None:
    pieces = [*WORD_PIECES, "Monday", "MAI", "ago", "week", "sun", "\n", "Σ", "ΣΑ"]
    anchors = dates._MONTH_WORDS | dates._WEEKDAY_WORDS | dates._RELATIVE_WORDS
    for text in _glued(pieces, 3000, seed=12):
        want = [
            (m.start(), m.group().lower())
            for m in re.finditer(r"[^\W\d_]+", text)
            if m.group().lower() in anchors
        ]
        assert list(dates._WINDOWS.anchor_words(text)) == want, text


YEAR_PIECES = ["19", "20", "2024", "1999", "-", ".", "/", " ", "\n", "\t", "of", "OF", "Of", "7"]


@pytest.mark.parametrize("name", sorted(date_scan.NEEDS))
def test_the_year_starts_spare_only_scans_that_find_nothing(name: str) -> None:
    rule = next(r for r in dates._RULES if r.name == name)
    spared = found = 0
    extra = ["end", "summer", "$", "a", "٢", "beginning", "ſpring", "Winter", "x", "  "]
    phrases = ["end of 2024", "Summer  of\t1999", "beginning of 20245", "-end of 2020", "x",
               "ſpring of 2001", "of", "2024", "end  OF 2019x", "mid of 2020", "FALL of 1999."]  # fmt: skip
    texts = _glued(YEAR_PIECES + extra, 4000, seed=13) + _glued(phrases + [" ", ""], 1000, seed=14)
    for text in texts:
        years = date_scan.year_starts(text)
        plain = [m.span() for m in rule.pattern.finditer(text)]
        if not date_scan.needed(name, text, years):
            assert not plain, text
            spared += 1
        # the rule's matches (the year rule's tried at the year starts only) are the scan's
        assert [m.span() for m in dates._matches(rule, text, {}, years)] == plain, text
        found += bool(plain)
        if date_scan.needed(name, text, years):
            assert date_scan.NEEDS[name].search(text), text  # never more than the plain test
    assert spared > 100
    if name == "end_year":  # its matches are looked for near the years only: some must be found
        assert found > 50


def test_the_folded_hint_test_never_spares_a_sentence_the_patterns_match() -> None:
    from service.extract import events

    pieces = [
        "There",
        "THERE",
        "ſ",
        "İ",
        "ı",
        "\u212a",
        "is",
        "was",
        "here",
        "Here.",
        "HERE",
        "read",
    ]
    pieces += ["more", "You", "can", "watch", " ", "  ", "previously", "PREVIOUSLY", "has", "long"]
    pieces += ["ſubſcribe", "sign up", "follow", "us", "In the paſt", "hıstorically", "’", "é", "."]
    matched = 0
    for text in _random_texts(pieces, 6000, seed=16, most=8) + _glued(pieces, 3000, seed=17):
        low = events._folded(text)
        for pattern, may_match in (
            (events._BACKGROUND, events._may_be_background),
            (events._SERVICE, events._may_be_service),
        ):
            if pattern.search(text):
                matched += 1
                assert may_match(low), (text, pattern.pattern)
    assert matched > 1000


def test_an_apostrophe_inside_a_word_is_no_mark_so_skipping_it_early_changes_nothing() -> None:
    from service.extract import quote_marks

    pieces = ["'", "’", "‘", '"', "a", "B", "1", "²", "_", " ", "-", "é", "(", "."]
    seen = 0
    for text in _glued(pieces, 4000, seed=18):
        for i, c in enumerate(text):
            if c in "'’" and text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum():
                seen += 1
                assert quote_marks._role(text, i, c) == 0, (text, i)
    assert seen > 500


def test_anchor_words_with_a_sigma_are_found_word_by_word() -> None:
    # a final sigma's lower case depends on what follows it: "ΑΣ" alone is "ας", in "ΑΣ'Α" "ασ"
    windows = date_scan.AnchorWindows({"greek": frozenset(["ας", "σας"])}, width=10)
    for text in _glued(["ΑΣ", "Α", "ΣΑΣ", "'", " ", "x", "σ"], 2000, seed=19):
        want = [
            (m.start(), m.group().lower())
            for m in re.finditer(r"[^\W\d_]+", text)
            if m.group().lower() in {"ας", "σας"}
        ]
        assert list(windows.anchor_words(text)) == want, text


def test_word_finder_compiles_its_trie_on_first_use():
    # a large set's trie takes milliseconds to compile: the quote finder's cue-word finder, which
    # only cue-dense texts use, costs a one-article run nothing until such a text comes
    from service.extract import quotes
    from service.extract.word_scan import word_finder

    finder = word_finder(["said", "says", "told"])
    assert finder._patterns is None
    assert list(finder.finditer("She said so; they told us.")) == [(4, "said"), (18, "told")]
    assert finder._patterns is not None
    fresh = word_finder(quotes._CUE_WORDS, hyphenated=True)
    assert fresh._patterns is None


@pytest.mark.parametrize(
    "title",
    [
        "Council votes to close the old bridge over the river, say officials",
        "Zürich council votes to close the old bridge – ﬁnally – say Ｏfficials",
    ],
)
def test_the_title_pre_filters_never_spare_a_line_the_key_comparison_matches(title: str) -> None:
    from service.extract import summary
    from service.normalise import name_key

    def plain(line: str, title: str) -> bool:
        a, b = name_key(line), name_key(title)
        return bool(a) and (
            a == b or (len(a) > 20 and (a in b or b in a) and abs(len(a) - len(b)) < 15)
        )

    words = title.split() + ["Council’s", "BRIDGE", "é", "-", "x", "The", "2024", ":"]
    # characters whose decomposition or lower case holds ASCII letters or digits, and others
    words += ["ﬁ", "\u212a", "İ", "²", "Ｂridge", "brid\u0301ge", "…", "\u00a0", "“", "ø", "Ω"]
    rng = random.Random(21)
    lines = [title, title.upper(), title + " (video)", "Officials: " + title, title[5:40]]
    lines += [f"“{title}”", title + " …", title.replace("i", "İ"), title.replace("o", "ö")[3:]]
    for _ in range(4000):
        k = rng.randint(0, len(words))
        start = rng.randint(0, len(words) - k)
        lines.append(" ".join(words[start : start + k]))
    lines += _random_texts(words, 2000, seed=22, most=14)
    same = 0
    for line in lines:
        want = plain(line, title)
        same += want
        assert summary._same_as_title(line, title) == want, line
    assert same > 20


def test_sparing_the_rules_whose_words_a_window_lacks_finds_the_same_dates(monkeypatch) -> None:
    import datetime as dt

    anchors = dates._MONTH_WORDS | dates._WEEKDAY_WORDS | dates._RELATIVE_WORDS
    assert all(words <= anchors for words in dates._RULE_WORDS.values())
    pieces = ["3", "2024", "Yesterday", "MÄRZ", "märz", "de", "ago", "two", "days", "later", " "]
    pieces += ["the", "day", "before", "this", "week", "end", "of", "ſ", "İ", "\u212a", "ı", "-"]
    pieces += ["Monday", "March", "5", "tonight", "aujourd’hui", "hours", "earlier", "month", "."]
    texts = _random_texts(pieces, 1500, seed=23, most=12) + _glued(pieces, 1500, seed=24)
    # "yeſterday" matches case-insensitively, but its token is no anchor word: no rule is spared
    texts += ["It rained yeſterday, two days ago.", "It rained on the day before yeſterday."]
    # two texts far enough apart for their anchor words to fall in windows of their own
    texts += [
        a + " and so on" * 10 + " " + b for a, b in zip(texts[:1500], texts[1500:3000], strict=True)
    ]
    pub = dt.date(2024, 3, 20)
    fast = [dates.find_dates(t, pub) for t in texts]
    assert sum(map(len, fast)) > 1000
    # the path is taken: a rule spared in one window of a text that holds its words in another
    spared = 0
    for t in texts:
        held = dates._WINDOWS.windows_and_words(t)[1]["relative"]
        spared += dates._exact_case(t) and any(
            need.isdisjoint(words) and not need.isdisjoint(set().union(*held))
            for need in dates._RULE_WORDS.values()
            for words in held
        )
    assert spared > 30
    monkeypatch.setattr(dates, "_exact_case", lambda text: False)  # every rule, every window
    assert [dates.find_dates(t, pub) for t in texts] == fast


def test_the_place_pattern_s_look_behinds_are_its_word_boundary() -> None:

    fast = event_places.PLACE.pattern
    head = r"(?:i(?<!\wi)n|a(?<!\wa)t|n(?<!\wn)ear|o(?<!\wo)utside|i(?<!\wi)nside)"
    assert fast.startswith(head)
    plain = re.compile(r"\b(?:in|at|near|outside|inside)" + fast[len(head) :])
    pieces = ["in", "at", "near", "inside", "outside", "xin", "_in", "9at", "the", "Paris", " "]
    pieces += ["é", "ain", "’s", "Baghdad's", "north", "province", "and", "Syria", ".", "İ", "-"]
    found = 0
    for text in _random_texts(pieces, 4000, seed=25, most=14) + _glued(pieces, 4000, seed=26):
        want = [(m.span(), m.span("place")) for m in plain.finditer(text)]
        found += len(want)
        assert [(m.span(), m.span("place")) for m in event_places.PLACE.finditer(text)] == want, (
            text
        )
    assert found > 500


def test_one_pass_finds_the_determiners_and_the_tokens_that_lower_case_to_a_pronoun() -> None:
    from service.extract import speaker_words
    from service.extract.names import Doc
    from service.extract.speaker_descriptions import DET_FORMS

    pronouns = speaker_words.PRONOUNS

    def plain(word: str) -> bool:
        return word.lower().replace(".", "") in pronouns

    # random texts of pronoun letters, dots and look-alikes, cut by the real tokeniser: every
    # token it makes that lower-cases (less its dots) to a pronoun must be found, and no other
    letters = sorted({c for p in pronouns for c in p + p.upper()})
    pieces = [*letters, *".....", "İ", "ı", "ſ", "\u212a", "x", "é", "'", "’", "-", "1", " ", " "]
    rng = random.Random(31)
    chunks = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(30000)]
    chunks += ["He", "she.", "T.H.E.Y.", "iT", ".we", "İt", "ıt", "Hes", "the", "The", "tHe"]
    chunks += ["h.e", "S.he", "W.E..", "a", "A"]
    rng.shuffle(chunks)
    found = dotted = 0
    for k in range(0, len(chunks), 500):
        words = Doc(" ".join(chunks[k : k + 500])).words
        dets, prons = speaker_words.determiners_and_pronouns(words)
        assert dets == [t for t, w in enumerate(words) if w in DET_FORMS]
        want = [(t, w.lower().replace(".", "")) for t, w in enumerate(words) if plain(w)]
        assert prons == want
        found += len(prons)
        dotted += sum("." in words[t] for t, _ in prons)
    assert found > 100 and dotted > 20


def _plain_split_sentences(text: str) -> list[tuple[int, int, int, int]]:
    """Sentences as the per-line scan finds them: _END on each line, then the next character."""
    from service.extract import summary

    out, para = [], -1
    for line in re.finditer(r"[^\n]+", text):
        ls, le = line.span()
        if not line.group(0).strip():
            continue
        para += 1
        starts = [ls]
        for m in summary._END.finditer(text, ls, le):
            nxt = re.compile(r"\s+(\S)").match(text, m.end(), le)
            if not nxt:
                continue
            first = nxt.group(1)
            if not (first.isupper() or first.isdigit() or first in summary._OPENERS):
                continue
            if not summary._no_break_before(text, ls, m.start(), m.group(0)):
                starts.append(m.end())
        starts.append(le)
        idx = 0
        for a, b in zip(starts, starts[1:], strict=False):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b, para, idx))
                idx += 1
    return out


def test_one_scan_for_sentence_ends_splits_as_the_per_line_scan() -> None:
    from service.extract import summary

    pieces = [".", "!", "?", "…", '"', "”", ")", " ", "  ", "\n", "\r", "\u2028", "Mr", "U.S",
              "a", "B", "É", "é", "1", "“", "(", "x.", "J", "ſ"]  # fmt: skip
    texts = _glued(pieces, 4000, seed=44)
    texts.append("He left. She came! Did he? Mr. Smith met U.S. officials... Then “Go.” (Yes.)")
    breaks = 0
    for text in texts:
        got = [(s.start, s.end, s.paragraph, s.index_in_paragraph) for s in summary.split_sentences(text)]  # fmt: skip
        assert got == _plain_split_sentences(text), text
        breaks += sum(1 for s in got if s[3] > 0)
    assert breaks > 400
