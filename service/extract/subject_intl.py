"""The person a clause names where word order, not a cue verb's place, tells who it is: the subject
opening a Turkish sentence ('Milli Eğitim Bakanı Selim Arslan, "..." dedi'), the genitive after a
Polish or Russian 'according to' ('według rzecznika wykonawcy Marka Dudy', 'по мнению экономиста
Сергея Орлова'), read as the first run of capitalised words that is not a title's complement (a
run followed by a title word, 'Milli Eğitim Bakanı', is the office, not the person).
"""

from __future__ import annotations

from service.extract.declension_intl import nominative
from service.extract.name_gender import gender, noun_before_name
from service.extract.names import ORG_WORDS, QUOTE_CHARS, ROLE_NOUNS, Doc, is_acronym, is_cap, low
from service.extract.noun_phrases import Cue


def _is_title(x: str) -> bool:
    return low(x) in ROLE_NOUNS


def speaker_in(d: Doc, a: int, b: int, rule: str) -> Cue | None:
    """The speaker opening the clause in tokens [a, b): a named person, after any title."""
    w = d.words
    end = a
    while end < b and w[end] not in (",", ":", ";") and w[end] not in QUOTE_CHARS:
        end += 1
    k = a
    while k < end:
        if not is_cap(w[k]) or is_acronym(w[k]) or _is_title(w[k]) or low(w[k]) in ORG_WORDS:
            k += 1
            continue
        e = k
        while e < end and is_cap(w[e]) and not _is_title(w[e]) and not _acronym_end(w, k, e, end):
            e += 1
        if e < end and _is_title(w[e]):
            k = e + 1  # 'Milli Eğitim Bakanı': the office a title names
            continue
        if e + 3 < end and w[e] == "(" and w[e + 2] == ")" and is_cap(w[e + 3]):
            k = e + 3  # 'Kanalizasyon İdaresi (YESKİ) Genel Müdürü': a body, its acronym, a title
            continue
        if k == a and e == k + 1 and e < end and w[e][0].islower() and _name_later(w, k, e, end):
            k = e  # 'Kırk yıldır zeytincilik yapan Hüseyin Kaya': a word capitalised as the first
            continue
        if e - k > 2 and noun_before_name(low(w[k]), w[k + 1], w[k + 2]):
            k += 1  # 'Gönüllülerden Emre Yalçın': the opener is a noun, not the name's start
        role = " ".join(w[a:k]) if k > a and any(_is_title(x) for x in w[a:k]) else None
        name = d.text[d.starts[k] : d.ends[e - 1]]
        return Cue("name", name, d.starts[k], d.ends[e - 1], name=name, role=role, rule=rule)
    return None


def _acronym_end(w: list[str], k: int, e: int, end: int) -> bool:
    """An acronym at token e ends the run from token k, unless capitalised words go on after it
    ('İzmir Metro AŞ Genel Müdürü': a company's legal form inside the office's name)."""
    return is_acronym(w[e]) and not (e > k and e + 1 < end and is_cap(w[e + 1]))


# Turkish case endings (locative, ablative) written straight onto a common noun; a proper noun
# takes them after an apostrophe ('Duruşmada', in the hearing; 'İzmir'de').
_CASE_ENDS = ("da", "de", "ta", "te", "dan", "den", "tan", "ten")


def _name_later(w: list[str], k: int, e: int, end: int) -> bool:
    """The capitalised word k opening the clause is no name when a full name comes later, or
    when it is a noun with a case ending and any capitalised word comes later ('Duruşmada son
    sözleri sorulan Özdemir')."""
    if _full_name_in(w, e, end):
        return True
    cased = w[k].endswith(_CASE_ENDS) and "'" not in w[k] and "’" not in w[k]
    return cased and any(is_cap(x) and not _is_title(x) for x in w[e:end])


def _full_name_in(w: list[str], a: int, b: int) -> bool:
    """Two capitalised words in a row, no title, within tokens [a, b)."""
    return any(
        is_cap(w[k]) and is_cap(w[k + 1]) and not _is_title(w[k]) and not _is_title(w[k + 1])
        for k in range(a, b - 1)
    )


def genitive_speaker(d: Doc, a: int, b: int, lang: str) -> Cue | None:
    """'według Marka Dudy' -> Marek Duda: the named person after a Polish or Russian 'according
    to' (tokens [a, b)), in the nominative."""
    cue = speaker_in(d, a, b, "according-to")
    if cue is None or cue.name is None:
        return None
    name = nominative(cue.name, lang)
    words = cue.name.split()
    if len(words) == 3:
        # 'według trenera Olimpii Jerzego Wróbla': a genitive club or place, then the person,
        # told apart when the two first names read back have opposite genders
        rest = nominative(" ".join(words[1:]), lang)
        g1, g2 = gender(f"{name.split()[0]} x"), gender(f"{rest.split()[0]} x")
        if g1 is not None and g2 is not None and g1 != g2:
            name = rest
    return Cue("name", cue.surface, cue.start, cue.end, name=name, role=cue.role, rule=cue.rule)


def without_opener(d: Doc, cue: Cue) -> Cue:
    """'Ordföranden Bengt Ekdahl' -> 'Bengt Ekdahl': a named cue less a noun opening it."""
    words = (cue.name or "").split()
    if cue.kind != "name" or len(words) < 3 or not noun_before_name(low(words[0]), *words[1:3]):
        return cue
    k = d.tok_at(cue.start) + 1
    name = d.text[d.starts[k] : cue.end]
    return Cue("name", name, d.starts[k], cue.end, name=name, role=words[0], rule=cue.rule)
