"""Speech cues in Vietnamese, whose words are written syllable by syllable ('cho biết', 'khẳng
định', 'giải thích'): the engine's tokens are syllables, so a verb is read as one or two of them.
The subject stands before the verb, past adverbs ('cũng', 'đã'): a person is an honorific
('ông', 'bà') and a capitalised name, written in full or by its last syllable after a first
mention ('ông Khải'); a lower-case phrase with no name ('đại diện chủ đầu tư') is an unnamed
speaker of that role; 'theo' (according to) puts the speaker after it.

- '..., ông Trần Văn Khải, Giám đốc Sở, cho biết: “...”' (a title in apposition)
- 'Phát biểu tại buổi họp báo, ông X cho biết:' (an opening phrase before the subject)
- '“...”, đại diện chủ đầu tư giải thích.'

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Vietnamese.
"""

from __future__ import annotations

from service.extract.names import Doc, is_cap, low
from service.extract.noun_phrases import Cue
from service.extract.role_phrase_intl import span_text


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


VERBS_ONE = _w("nói hỏi kể viết đáp")
# Two-syllable verbs, written with '_' between their syllables here.
VERBS_TWO = frozenset(
    tuple(p.split("_"))
    for p in _w(
        """
        cho_biết cho_hay cho_rằng khẳng_định chia_sẻ giải_thích nhấn_mạnh phát_biểu tuyên_bố
        thông_tin bày_tỏ trả_lời nhận_định lưu_ý cảnh_báo thừa_nhận đề_nghị kêu_gọi phản_ánh
        tiết_lộ xác_nhận bổ_sung nói_thêm thông_báo nhận_xét phân_trần than_thở tâm_sự
        giãi_bày trấn_an hứa_hẹn cam_kết
        """
    )
)
# Adverbs between a subject and its verb.
_ADVERBS = _w("cũng đã vẫn còn thì lại mới sẽ đều vừa từng thêm đã từng liền bèn")
HONORIFICS = _w("ông bà anh chị cô chú bác em cụ")
_END = frozenset((".", "!", "?", ";", ":", "“", "”", '"'))


def _verb_start(w: list[str], v: int) -> int:
    """The first token of a speech verb whose last token is v, or -1."""
    lv = low(w[v])
    if v > 0 and (low(w[v - 1]), lv) in VERBS_TWO:
        return v - 1
    return v if lv in VERBS_ONE else -1


def _name_at_end(d: Doc, a: int, e: int, rule: str, role: str | None = None) -> Cue | None:
    """The capitalised run ending at token e (exclusive) within [a, e): a name, its honorific
    left off; or, with no capital, the phrase as an unnamed speaker's role."""
    w = d.words
    s = e
    while s > a and is_cap(w[s - 1]) and w[s - 1].isalpha():
        s -= 1
    if s < e and low(w[s]) in HONORIFICS:
        s += 1  # 'Ông Khải' opening a sentence
    if s < e:
        name = span_text(d, s, e)
        lead = s - 1 if s > a and low(w[s - 1]) in HONORIFICS else s
        return Cue("name", span_text(d, lead, e), d.starts[lead], d.ends[e - 1], name=name,
                   role=role, rule=rule)  # fmt: skip
    if e - a > 5 or not all(x.isalpha() and x.islower() for x in w[a:e]):
        return None
    phrase = span_text(d, a, e)
    return Cue("role", phrase, d.starts[a], d.ends[e - 1], role=phrase, rule=rule)


def _subject(d: Doc, lo: int, v: int, rule: str) -> Cue | None:
    """The subject of the verb starting at token v, back to the clause's start."""
    w = d.words
    j = v
    while j > lo and low(w[j - 1]) in _ADVERBS:
        j -= 1
    if j > lo and w[j - 1] == ",":
        # an apposition: 'ông X, Giám đốc Sở ..., cho biết'
        k = j - 2
        while k >= lo and w[k] != "," and w[k] not in _END:
            k -= 1
        if k >= lo and w[k] == ",":
            a = k
            while a > lo and w[a - 1] not in _END and w[a - 1] != ",":
                a -= 1
            return _name_at_end(d, a, k, rule, role=span_text(d, k + 1, j - 1))
        return None
    a = j
    while a > lo and w[a - 1] not in _END and w[a - 1] != ",":
        a -= 1
    return _name_at_end(d, a, j, rule) if a < j else None


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """'ông X cho biết: “...”', 'Theo ông X, “...”'."""
    w = d.words
    for v in range(hi - 1, lo - 1, -1):
        if low(w[v]) == "theo" and v + 1 < hi:
            e = v + 1
            while e < hi and w[e] not in _END and w[e] != ",":
                e += 1
            return _name_at_end(d, v + 1, e, "according-to")
        k = _verb_start(w, v)
        if k > lo:
            return _subject(d, lo, k, "cue-before")
    return None


def after_quote(d: Doc, i: int, hi: int) -> Cue | None:
    """'“...”, ông X, Chủ tịch huyện, cho biết.', '“...”, đại diện chủ đầu tư giải thích.'"""
    w = d.words
    while i < hi and w[i] == ",":
        i += 1
    for v in range(i + 1, min(hi, i + 20)):
        if w[v] in _END:
            return None
        k = _verb_start(w, v)
        if k > i and (v + 1 >= hi or w[v + 1] in _END or w[v + 1] == ","):
            return _subject(d, i, k, "cue-after")
    return None
