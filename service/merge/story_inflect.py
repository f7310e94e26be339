"""Story detection across languages: one name, however the languages write it.

    raws = unify(raws)     # service.merge.stories.profiles, before the TF-IDF weights

A report in Polish writes the town of Krasnobór as "Krasnoborze" (in Krasnobór) and the minister
Marek Żurawski as "Żurawskiego" (of Żurawski); a German one writes the company Brevatec's plant as
"Brevatecs Werk"; a Russian one writes Arkady Voronikhin as "Аркадий Воронихин" and the town of
Ust-Kalmyk as "Усть-Калмыке". The English report of the same happening writes the base form in
Latin letters, so the name dimensions of the link model (service.merge.story_link) and the
specific names of the follow-up link (service.merge.story_followup) found nothing shared but the
odd number.

unify() rewrites, over the whole batch, the name words of each article (its `names`: words
written only capitalised and the named-actor keys' words) to one form per name:
  * Cyrillic letters are transliterated the way English-language news writes Russian and
    Ukrainian names ("х" -> "kh", "ж" -> "zh", a final "ий"/"ый" -> "y": "Воронихин" ->
    "voronikhin", "Аркадий" -> "arkady"); a few Latin letters that the accent fold keeps are
    folded too ("ł" -> "l", "ß" -> "ss");
  * in an article written in a language that declines names (INFLECTING: Slavic, Baltic, Finnic,
    Hungarian; and the genitive -s of German, Dutch and the Scandinavian languages) a name word
    is linked to every name word of the batch (in any article, any language) that shares one
    of its stems: the word itself or the word less one case ending of that language that leaves
    at least MIN_STEM letters ("krasnoborze" -> "krasnobor", "zurawskiego" -> "zurawski",
    "kalmyke" -> "kalmyk"; the other word's own ending stripped the same way, so the nominative
    "Tobolyanka" and the locative "Тоболянке" meet at "tobolyank");
  * each linked group of words takes one form (the shortest, then the first in alphabetical
    order), and every article's vector and names are rewritten to it (two words of one article
    that become one form add their counts: the damped weights, 1 + log n, are undamped, added
    and damped again).

Only name words are touched (a common word's case endings are no evidence of one happening), and
only batches holding an article in an inflecting or Cyrillic-script language pay anything: an
English-only batch is returned as given. The result depends on the set of articles, never on
their order (the groups are a union over the whole batch; the form chosen is the least one).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from service.merge.story_xlang import NOUN_CAPS

MIN_STEM = 4

# case endings (folded, Cyrillic already transliterated), per language; a pair is (ending,
# what replaces it): the Polish locative "-rze" of a stem in "-r" ("Krasnoborze")
_SLAVIC_PL = (
    "ego emu owi ach ami iem imi ymi ich ych im ym ow om em ej ie a u e y i o".split()  # noqa: SIM905
)
_SLAVIC_RU = [
    "ogo",
    "ego",
    "omu",
    "emu",
    "akh",
    "yakh",
    "ami",
    "yami",
    "oy",
    "ey",
    "ym",
    "im",
    "om",
    "em",
    "oyu",
    "eyu",
    "aya",
    "yaya",
    "uyu",
    "yuyu",
    "a",
    "ya",
    "u",
    "yu",
    "e",
    "y",
    "i",
    "o",
]  # noqa: SIM905
_SLAVIC_CS = "eho emu ovi ech ach ami ou em ym a u e y i o".split()  # noqa: SIM905
_SLAVIC_SOUTH = "oga ega omu emu ima ama om em a u e i".split()  # noqa: SIM905
_GENITIVE_S = ("s", "es")
# language -> {ending: what may replace it}; the longest ending's length
_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {}
_LONGEST = 4


def _register(
    langs: Iterable[str], endings: Iterable[str], extra: Iterable[tuple[str, str]] = ()
) -> None:
    table: dict[str, tuple[str, ...]] = {}
    for ending, repl in sorted({(e, "") for e in endings} | set(extra)):
        assert len(ending) <= _LONGEST
        table[ending] = (*table.get(ending, ()), repl)
    for lang in langs:
        _ENDINGS[lang] = table


_register(("pl",), _SLAVIC_PL, (("rze", "r"), ("ce", "k"), ("dze", "g")))
_register(("ru", "uk", "be", "bg", "mk"), _SLAVIC_RU)
_register(("cs", "sk"), _SLAVIC_CS)
_register(("sl", "hr", "sr", "bs"), _SLAVIC_SOUTH)
_register(("lt", "lv"), "as is ys us o ui ai a e i u".split())  # noqa: SIM905
_register(("fi", "et"), "ssa ssa sta lla lta lle ksi n".split())  # noqa: SIM905
_register(("hu",), "ban ben bol rol nak nek val vel hoz ba be t".split())  # noqa: SIM905
_register(("de", "lb", "nl", "sv", "da", "no", "nb", "nn", "is"), _GENITIVE_S)

INFLECTING = frozenset(_ENDINGS)
# the Slavic languages whose "-ek" and "-ec" lose their "e" before an ending ("Kubíček",
# "Kubíčka"; "Marek", "Marka")
_FLEETING_E = frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "bs", "ru", "uk", "be"})

# folded Cyrillic -> Latin, as English-language news writes it (a breve and a diaeresis are
# dropped by the accent fold first: "й" is "и", "ё" is "е" by then)
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "i", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "ђ": "dj", "џ": "dz", "ѓ": "g", "ќ": "k", "ѕ": "dz",
}  # fmt: skip
_LATIN = {"ł": "l", "ß": "ss", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d",
          "þ": "th"}  # fmt: skip
_TABLE = str.maketrans({**_CYRILLIC, **_LATIN})


def latin(word: str) -> str:
    """A folded name word in Latin letters ("воронихин" -> "voronikhin", "аркадии" -> "arkady":
    the "ий" of a name, folded to "ии", is written "y"; a final "s" dropped, as from a Latin
    feature)."""
    if word.isascii():
        return word
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    out = word.translate(_TABLE)
    if cyrillic and len(out) > 4:
        if out[-2:] in ("ii", "yi"):
            out = out[:-2] + "y"
        elif out[-1] == "s" and out[-2] != "s":
            # the light plural strip service.merge.stories._term gives a Latin word, which a
            # Cyrillic one missed ("Зернотранс" -> "zernotran", as "Zernotrans" is)
            out = out[:-1]
    return out


_VOWELS = frozenset("aeiouy")


def stems(word: str, lang: str) -> set[str]:
    """The word and the word less each of `lang`'s case endings that leaves MIN_STEM letters;
    in a Slavic language a stem that ends in a consonant and "k" or "c" also with the fleeting
    "e" put back ("kubick" of "Kubíčka" -> "kubicek", "hradc" of "Hradci" -> "hradec")."""
    out = {word}
    table = _ENDINGS.get(lang)
    if not table:
        return out
    fleeting = lang in _FLEETING_E
    for k in range(1, min(_LONGEST, len(word) - 1) + 1):
        for repl in table.get(word[-k:], ()):
            if len(word) - k + len(repl) < MIN_STEM:
                continue
            stem = word[:-k] + repl
            out.add(stem)
            if fleeting and stem[-1] in "kc" and stem[-2] not in _VOWELS:
                out.add(stem[:-1] + "e" + stem[-1])
    return out


class _Union:
    def __init__(self) -> None:
        self.up: dict[str, str] = {}

    def find(self, x: str) -> str:
        up = self.up
        root = x
        while (nxt := up.get(root, root)) != root:
            root = nxt
        while x != root:
            up[x], x = root, up.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the least form (shortest, then alphabetical) is the root
            if (len(rb), rb) < (len(ra), ra):
                ra, rb = rb, ra
            self.up[rb] = ra


def _tokens(key: str) -> tuple[str, list[str]]:
    """A name feature's prefix and words: "@p:zurawskiego" -> ("@p:", ["zurawskiego"])."""
    if key.startswith("@") and key[2:3] == ":":
        return key[:3], key[3:].split(" ")
    return "", [key]


# a raw profile of service.merge.stories._raw: vector, quotation runs, names, language
Raw = tuple[dict[str, float], frozenset[int], frozenset[str], str | None]


def _needed(langs: list[str | None], names: list[frozenset[str]]) -> bool:
    if any(lang in INFLECTING for lang in langs):
        return True
    return any(not k.isascii() for ns in names for k in ns)


def unify(raws: list[Raw]) -> list[Raw]:
    """Each raw profile (vec, shingles, names, lang, ...) with its name words in one form across
    the batch (see the module docstring); the input list is returned when nothing need change."""
    langs = [r[3] for r in raws]
    names = [r[2] for r in raws]
    if not _needed(langs, names):
        return raws
    names = _noun_caps_names(raws)
    # every distinct name feature of the batch, with the languages that write it, and every
    # name word (in Latin letters) with the same
    keys: dict[str, set[str | None]] = {}
    for ns, lang in zip(names, langs, strict=True):
        for k in ns:
            keys.setdefault(k, set()).add(lang)
    words: dict[str, set[str | None]] = {}
    for k, ls in keys.items():
        for t in _tokens(k)[1]:
            words.setdefault(latin(t), set()).update(ls)
    uf = _Union()
    # the languages present that decline alike, as one pass each (the batch's words stemmed
    # once per distinct ending table); the words that share a stem are one name where one of
    # them is written in such a language
    alike: dict[tuple[int, bool], list[str]] = {}
    for lang in sorted(filter(None, set(langs) & INFLECTING)):
        alike.setdefault((id(_ENDINGS[lang]), lang in _FLEETING_E), []).append(lang)
    for group in alike.values():
        index: dict[str, list[str]] = {}
        for w in words:
            for st in stems(w, group[0]):
                index.setdefault(st, []).append(w)
        for bucket in index.values():
            if len(bucket) > 1 and any(not words[w].isdisjoint(group) for w in bucket):
                for w in bucket[1:]:
                    uf.union(bucket[0], w)
    form = {w: uf.find(w) for w in words}
    renamed: dict[str, str] = {}
    for k in keys:
        prefix, toks = _tokens(k)
        new = prefix + " ".join(form[latin(t)] for t in toks)
        if new != k:
            renamed[k] = new
    out: list[Raw] = []
    for r, ns in zip(raws, names, strict=True):
        vec = r[0]
        rename = {k: renamed[k] for k in ns if k in renamed}
        if not rename:
            out.append(r if ns is r[2] else (vec, r[1], ns, r[3]))
            continue
        vec = dict(vec)
        for old, new in sorted(rename.items()):
            if (v := vec.pop(old, None)) is None:
                continue
            had = vec.get(new)
            vec[new] = v if had is None else _add(v, had)
        new_names = frozenset(rename.get(k, k) for k in ns)
        out.append((vec, r[1], new_names, r[3]))
    return out


def _noun_caps_names(raws: list[Raw]) -> list[frozenset[str]]:
    """Each article's names; those of an article in a language that capitalises every noun
    (story_xlang.NOUN_CAPS, whose names are cut to its actors' words) widened by the words of
    its vector that an article in another language writes as a name ("Kienberg" in a German
    report and in an English one)."""
    elsewhere: set[str] = set()
    for r in raws:
        if r[3] not in NOUN_CAPS:
            elsewhere.update(k for k in r[2] if not k.startswith("@"))
    out = []
    for r in raws:
        ns = r[2]
        if r[3] in NOUN_CAPS and elsewhere:
            extra = elsewhere.intersection(r[0]).difference(ns)
            if extra:
                ns = ns | extra
        out.append(ns)
    return out


def _add(a: float, b: float) -> float:
    """Two damped weights (1 + log n, or n below 1) of one feature added as counts."""
    n = sum(math.exp(x - 1.0) if x >= 1.0 else x for x in (a, b))
    return 1.0 + math.log(n) if n >= 1.0 else n
