"""Speech cues in Turkish news, where the verb closes the sentence and the speaker opens it:
'Arslan, "..." dedi', 'Esnaf Hüseyin Kaya, "..." diye konuştu', 'Başkan Aydın ise "..."
ifadelerini kullandı', 'CHP il başkanı Zeynep Demir de belediyeyi eleştirdi: "..."'.

The speaker is the first run of capitalised words in the sentence that is not a title's complement
(service.extract.subject_intl). Returns the same Cue records as the other languages.
"""

from __future__ import annotations

from service.extract.names import QUOTE_CHARS, ROLE_NOUNS, Doc, low
from service.extract.noun_phrases import Cue
from service.extract.subject_intl import speaker_in
from service.extract.verbs_more_intl import TR


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VERBS = frozenset(TR)
# 'diye konuştu' (spoke saying), 'ifadelerini kullandı' (used the words), 'ifade etti' (stated),
# 'dile getirdi' (voiced), 'iddia etti' (claimed), 'diyerek' (saying), 'açıklamasını yaptı'
# (made the statement), 'açıklamasında bulundu' (said in a statement), 'sözleriyle tepki
# gösterdi' (reacted with the words): the cue's first word.
_LEADS = _w(
    "diye diyerek ifadelerini ifadesini sözlerini şeklinde ifade dile iddia açıklamasını"
    " açıklamasında açıklamalarında sözleriyle ifadeleriyle"
)
# Particles after the subject: 'Aydın ise' (as for), 'Demir de' (too), 'ayrıca' (also).
_PARTICLES = _w("ise de da ayrıca")


# Passive speech verbs ('belirtildi', it was stated): the speaker, if any, is the body of
# 'Belediyeden yapılan açıklamada' (in the statement made by the municipality).
_PASSIVE = _w("belirtildi açıklandı bildirildi kaydedildi vurgulandı duyuruldu denildi")
_ABLATIVE = (
    "'den",
    "'dan",
    "'ten",
    "'tan",
    "’den",
    "’dan",
    "’ten",
    "’tan",
    "nden",  # after a possessive ('Bakanlığından': Bakanlığı)
    "ndan",
    "den",
    "dan",
    "ten",
    "tan",
)


def _statement_by(d: Doc, a: int, j: int) -> Cue | None:
    """'Belediyeden yapılan açıklamada ... belirtildi': the body the statement came from (an
    adjective may stand before the noun: 'yapılan yazılı açıklamada')."""
    w = d.words
    for x in range(a + 2, j + 1):
        if not low(w[x]).startswith("açıklama"):
            continue
        y = next((y for y in (x - 1, x - 2) if y > a and low(w[y]) == "yapılan"), -1)
        if y < 0:
            continue
        by = low(w[y - 1]) == "tarafından" and y - 2 >= a
        if by:
            y -= 1  # 'Valilik tarafından yapılan açıklamada': by the governor's office
            src = w[y - 1]
            end = next((e for e in _ABLATIVE[:8] if src.endswith(e)), "")
        else:
            src = w[y - 1]
            end = next((e for e in _ABLATIVE if src.endswith(e)), "")
        if (end or by) and src[:1].isupper() and len(src) > len(end) + 2:
            s = y - 1
            while s > a and w[s - 1][:1].isupper() and w[s - 1].isalpha():
                s -= 1  # 'Ulaştırma Bakanlığından': the body's full name
            if s < y - 1:
                name = d.text[d.starts[s] : d.ends[y - 1] - len(end)]
                return Cue("name", name, d.starts[s], d.ends[y - 1] - len(end), name=name,
                           rule="cue-after")  # fmt: skip
            return Cue("role", src, d.starts[y - 1], d.ends[y - 1] - len(end),
                       role=src[: len(src) - len(end)], rule="cue-after")  # fmt: skip
    return None


# 'ifade edildi' (it was stated), 'ifadelerine yer verildi' (its words were given room)
_PAIRS = {"ifade": ("edildi",), "ifadelerine": ("yer", "verildi"), "ifadesine": ("yer", "verildi"),
          "sözlerine": ("yer", "verildi")}  # fmt: skip


def _passive_pair(d: Doc, v: int, hi: int) -> bool:
    rest = _PAIRS.get(low(d.words[v]))
    return rest is not None and tuple(low(x) for x in d.words[v + 1 : v + 1 + len(rest)]) == rest


def _clause_start(d: Doc, j: int, mask: list[bool]) -> int:
    a = j
    while a > 0 and not d.sent_start[a] and not mask[a - 1] and d.words[a - 1] not in QUOTE_CHARS:
        a -= 1
    return a


def after_quote(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """'X, "..." dedi': a speech verb after the quotation whose subject stands before it."""
    w = d.words
    v = i
    while v < hi and w[v] == ",":
        v += 1
    if v >= hi:
        return None
    lv = low(w[v])
    if lv in _PASSIVE or _passive_pair(d, v, hi):
        j = i - 1
        while j >= 0 and (mask[j] or w[j] in QUOTE_CHARS):
            j -= 1
        return _statement_by(d, _clause_start(d, j, mask), j) if j >= 0 else None
    if not (lv in _VERBS or lv in _LEADS and v + 1 < hi):
        return None
    if (late := _subject_after(d, v, hi)) is not None:
        return late
    j = i - 1
    while j >= 0 and (mask[j] or w[j] in QUOTE_CHARS):
        j -= 1
    if j < 0 or d.para[j] != d.para[i]:
        return Cue("implicit", w[v], d.starts[v], d.ends[v], rule="cue-after")
    a = _clause_start(d, j, mask)
    cue = speaker_in(d, a, j + 1, "cue-after")
    return cue or Cue("implicit", w[v], d.starts[v], d.ends[v], rule="cue-after")


def _subject_after(d: Doc, v: int, hi: int) -> Cue | None:
    """'"...," dedi Kaya.', '"...," diye konuştu Başkan.': the subject put after the verb (the
    wire style of quoting) when capitalised words close the sentence right after the cue; it
    names the speaker before any person named earlier or inside the quotation."""
    w = d.words
    k = v + 1
    if low(w[v]) in _LEADS:
        k += 1  # 'diye konuştu', 'ifade etti': the cue's second word
    e = k
    while e < hi and e - k < 4 and w[e][:1].isupper() and w[e].isalpha():
        e += 1
    if e == k or e - k > 3 or e < hi and w[e] not in (".", "!", "?"):
        return None
    if e - k == 1 and low(w[k]) in ROLE_NOUNS:
        return Cue("definite", w[k], d.starts[k], d.ends[k], role=w[k], rule="cue-after")
    return speaker_in(d, k, e, "cue-after")


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """'CHP il başkanı Zeynep Demir de belediyeyi eleştirdi: "..."': the sentence's subject."""
    if hi - 1 > lo and d.words[hi - 1] == ":":
        return speaker_in(d, lo, hi - 1, "cue-before")
    return None
