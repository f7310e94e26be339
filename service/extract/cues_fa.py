"""Speech cues in Persian news, which writes in Arabic letters without capitals and puts the verb
last: 'وزیر نیرو، مهدی کاظمیان، روز دوشنبه گفت: «...»', 'او افزود: «...»', 'سخنگوی شرکت آب نیز
گفت که «...»'. A verb is a simple one ('گفت', 'افزود') or a noun and a light verb ('تأکید کرد',
'توضیح داد'); its subject opens the clause, up to its first comma or adjunct word ('روز', 'در',
'نیز'). A subject with an apposition gives the name on whichever side has no title; one that opens
with a title and has no apposition is an unnamed speaker of that role; 'او' and 'وی' (he or she)
are a dropped subject the last speaker fills.

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Persian (by the letters Persian writes and Arabic does not: 'ی', 'ک', 'گ', 'پ', 'چ', 'ژ').
"""

from __future__ import annotations

from service.extract.names import Doc
from service.extract.noun_phrases import Cue
from service.extract.role_phrase_intl import span_text


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


VERBS = _w("گفت گفتند افزود افزودند نوشت پرسید می‌گوید میگوید گفته افزوده")
# Nouns that take a light verb ('کرد', 'داد', 'داشت', 'شد') to say something.
# 'معتقد است' (believes) is an adjective and the copula.
_LIGHT_NOUNS = _w(
    "تأکید تاکید اعلام بیان اظهار خاطرنشان عنوان تصریح توضیح هشدار پاسخ ادامه یادآور اضافه اذعان"
    " معتقد"
)
_LIGHT = _w("کرد کردند داد دادند داشت داشتند شد شدند است بود هستند")
_PRONOUNS = _w("او وی ایشان")
TITLES = _w(
    """
    وزیر سخنگوی سخنگو رئیس رییس مدیر مدیرعامل استاد نماینده استاندار فرماندار شهردار معاون دبیر
    فرمانده دادستان قاضی کارشناس عضو مسئول مشاور سفیر دکتر مهندس خبرنگار پزشک منبع منابع یک
    سرمربی مربی کاپیتان بازیکن سرپرست دبیرکل رئیس‌جمهور وکیل مهاجم مدافع دروازه‌بان هافبک داور
    ورزشکار نویسنده هنرمند بازیگر کارگردان دانشجو معلم کشاورز راننده فروشنده
    مدیرکل رئیس‌کل نایب‌رئیس قائم‌مقام بازپرس رئیس‌جمهوری
    """
)
# Words that end the subject: adjuncts of time, place, manner, and 'also'.
_CONJUNCTIONS = _w("اما ولی و همچنین سپس")
# Degrees and honorifics that open a name and are not part of it.
_HONORIFICS = _w("دکتر مهندس استاد حجت‌الاسلام آیت‌الله سردار سرهنگ")
_STOP = _w(
    "در به با از روز امروز دیروز نیز هم که برای پس پیش ضمن طی بعد صبح عصر شب همچنین همچنان اما ولی"
)
_CLAUSE_START = frozenset((".", "!", "?", "؟", ":", "»", "«", '"'))
_COMMA = frozenset(("،", ","))


def _titled(w: list[str], k: int) -> bool:
    """Whether the word at token k is a title; a compound joined by a zero-width non-joiner
    ('دروازه‌بان', 'رئیس‌جمهور') is read as the tokens it was split into."""
    if w[k] in TITLES:
        return True
    word, j = w[k], k
    while j + 2 < len(w) and w[j + 1] == "\u200c":
        j += 2
        word += "\u200c" + w[j]
    return word in TITLES


def _verb(w: list[str], v: int, lo: int) -> int:
    """The first token of the speech verb ending at v ('تأکید کرد' -> the noun), or -1."""
    if w[v] in VERBS:
        return v
    if w[v] in _LIGHT and v > lo and w[v - 1] in _LIGHT_NOUNS:
        return v - 1
    return -1


def _subject(d: Doc, lo: int, v: int, rule: str) -> Cue | None:
    w = d.words
    s = v
    while s > lo and w[s - 1] not in _CLAUSE_START:
        s -= 1
    if s >= v:
        return None
    rel = next((k for k in range(v - 2, s, -1) if w[k] in _COMMA and w[k + 1] == "که"), -1)
    if rel > s:
        v = rel  # 'آرش قربانی، که هر دو گل را زد، گفت': the relative clause is no subject
    s = _past_opening(w, s, v)
    if w[s] in _PRONOUNS:
        return Cue("implicit", w[s], d.starts[s], d.ends[s], rule=rule)
    named = next((k for k in range(s + 1, v - 2) if w[k] == "نام" and w[k - 1] == "به"), -1)
    if named > 0 and 2 <= v - named - 1 <= 3:
        # 'یکی از مسافران به نام مریم صادقی گفت': a description, 'by the name', the name
        text = span_text(d, named + 1, v)
        return Cue("name", text, d.starts[named + 1], d.ends[v - 1], name=text,
                   role=span_text(d, s, named - 1), rule=rule)  # fmt: skip
    if w[s] == "یکی" and s + 2 < v and w[s + 1] == "از" and _COMMA.isdisjoint(w[s:v]):
        # 'یکی از ساکنان محله گفت': one of a group, unnamed (a name set off by commas speaks)
        e = next((k for k in range(s + 2, v) if w[k] in _STOP), v)
        phrase = span_text(d, s, e)
        return Cue("role", phrase, d.starts[s], d.ends[e - 1], role=phrase, rule=rule)
    c1 = next((k for k in range(s, v) if w[k] in _COMMA), v)
    c2 = next((k for k in range(c1 + 1, v) if w[k] in _COMMA), v)
    first = range(s, c1)
    e = next((k for k in first if w[k] in _STOP and k > s), c1)
    if c1 < v and c2 - c1 - 1 >= 1:
        if (_titled(w, s) or w[s] == "یکی") and 2 <= c2 - c1 - 1 <= 4:  # 'وزیر نیرو، مهدی کاظمیان،'
            name, role = (c1 + 1, c2), (s, c1)
        elif not _titled(w, s) and 2 <= c1 - s <= 4:  # 'فرزانه رحیمی، استاد دانشگاه،'
            name, role = (s, c1), (c1 + 1, c2)
        else:
            name = role = (0, 0)
        if name[1] - name[0] > 2 and w[name[0]] in _HONORIFICS:  # 'دکتر مهدی رضایی'
            name = (name[0] + 1, name[1])
        if name[1] > name[0]:
            text = span_text(d, *name)
            return Cue("name", text, d.starts[name[0]], d.ends[name[1] - 1], name=text,
                       role=span_text(d, *role), rule=rule)  # fmt: skip
    if e <= s:
        return None
    if _titled(w, s):
        phrase = span_text(d, s, e)
        return Cue("role", phrase, d.starts[s], d.ends[e - 1], role=phrase, rule=rule)
    if 1 <= e - s <= 3:  # one word: a surname after the full name ('نوروزی همچنین تأکید کرد')
        text = span_text(d, s, e)
        return Cue("name", text, d.starts[s], d.ends[e - 1], name=text, rule=rule)
    return None


def _past_opening(w: list[str], s: int, v: int) -> int:
    """The subject's first token past what opens the clause before it: an adjunct closed by a
    comma ('در مقابل، رئیس انجمن ... گفت'), a conjunction ('اما مریم صادقی، ...') or a fronted
    object ('این را رضایی گفت')."""
    if w[s] in _CONJUNCTIONS and s + 1 < v:
        s += 1
    if w[s] in _STOP:
        c = next((k for k in range(s + 1, min(v, s + 5)) if w[k] in _COMMA), -1)
        if c > 0 and c + 1 < v:
            s = c + 1
    r = next((k for k in range(s, v) if w[k] == "را"), -1)
    return r + 1 if 0 <= r < v - 1 else s


def _according(d: Doc, k: int, hi: int) -> Cue | None:
    """'به گفته علی محمدی، نماینده مجلس، «...»': the name after 'according to', up to a comma,
    with any apposition after it as its role."""
    w = d.words
    e = next((j for j in range(k, hi) if w[j] in _COMMA or w[j] in _CLAUSE_START), hi)
    if w[k] in _PRONOUNS:  # 'به گفته وی،': the last speaker goes on
        return Cue("implicit", w[k], d.starts[k], d.ends[k], rule="according-to")
    if _titled(w, k) and e - k >= 2:
        phrase = span_text(d, k, e)
        return Cue("role", phrase, d.starts[k], d.ends[e - 1], role=phrase, rule="according-to")
    if not 1 <= e - k <= 4:
        return None
    text = span_text(d, k, e)
    return Cue("name", text, d.starts[k], d.ends[e - 1], name=text, rule="according-to")


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """The subject of the speech verb that introduces the quotation, or the one named after
    'به گفته' (according to)."""
    w = d.words
    for v in range(hi - 1, lo - 1, -1):
        if w[v] == "گفته" and v > lo and w[v - 1] == "به" and v + 1 < hi:
            return _according(d, v + 1, hi)
        if w[v] in _CLAUSE_START and v < hi - 1:
            return None
        k = _verb(w, v, lo)
        if k >= 0:
            return _subject(d, lo, k, "cue-before")
    return None


def after_quote(d: Doc, i: int, hi: int) -> Cue | None:
    """'«...»، وزیر گفت.': a clause after the marks that ends in a speech verb."""
    w = d.words
    while i < hi and w[i] in _COMMA:
        i += 1
    for v in range(i, hi):
        if w[v] in (".", "!", "?", "؟"):
            return None
        k = _verb(w, v, i)
        if k >= 0 and (v + 1 >= hi or w[v + 1] in (".", "!", "?", "؟", "،", ",")):
            return _subject(d, i, k, "cue-after") if k > i else None
    return None
