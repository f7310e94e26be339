"""Speech cues in Arabic news: 'وقال وزير الخارجية أحمد منصور: «...»', '«...»، بحسب المتحدث باسم
الوزارة', 'وأضاف: «...»' (a dropped subject), 'وفقاً لـ...', with the clitics و / ف / ب / ل fused to
the verb or preposition.

Arabic has no capital letters, so a speaker is read from its place after the cue verb: a title
with its definite complements ('وزير التربية', 'المتحدث باسم الحكومة'), then a name of words
without the article (a surname may carry it: 'سامي الحداد'), up to a stop word ('إن', 'أن', 'في').
Returns the same Cue records as the other languages.
"""

from __future__ import annotations

from service.extract import lexicon_intl as intl
from service.extract.names import Doc
from service.extract.noun_phrases import Cue


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Speech verbs, masculine and feminine, past and present, without their clitics.
SPEECH_VERBS = _w(
    """
    قال قالت يقول تقول أكد أكدت يؤكد تؤكد أضاف أضافت يضيف تضيف صرح صرحت صرّح صرّحت أوضح أوضحت
    تابع تابعت أشار أشارت ذكر ذكرت أعلن أعلنت شدد شددت شدّد شدّدت اعتبر اعتبرت كتب كتبت رأى رأت
    أردف أردفت استطرد لفت لفتت ردّ رد ردت ردّت علق علقت علّق علّقت حذر حذرت حذّر حذّرت قالوا أكدوا
    أضافوا اختتم اختتمت دعا دعت يدعو تدعو طالب طالبت وصف وصفت أعرب أعربت نفى نفت تساءل تساءلت
    اعترف اعترفت أفاد أفادت أبلغ أبلغت نوه نوهت أعلنوا قالتا يرى ترى يعتبر تعتبر يعتقد تعتقد
    """
)
# Participles that follow the main verb ('ردّ قائلاً: «...»'): the speaker sits before them.
PARTICIPLES = _w("قائلا قائلاً قائلة قائلةً مضيفا مضيفاً مضيفة مؤكدا مؤكداً مؤكدة مشيرا مشيراً مشيرة")
SPEECH_VERBS = SPEECH_VERBS | PARTICIPLES
# 'his/her/their saying' after 'نقل عن X' (quoted X as saying).
_SAYING = _w("قوله قولها قولهم")
# Documents that speak for whoever issued them ('بيان صادر عن الوزارة').
_DOCUMENTS = _w("بيان البيان تقرير التقرير رسالة الرسالة")
# Bodies that speak ('الوزارة', 'وزارة الصحة'); with the article they stand for a body named before.
_ORGS = _w(
    """
    وزارة الوزارة الحكومة حكومة الشرطة الجيش الرئاسة المنظمة منظمة الهيئة هيئة الشركة شركة
    البنك الجامعة المجلس مجلس اللجنة لجنة الحزب حزب السفارة سفارة البلدية بلدية المحكمة محكمة
    النيابة نيابة الادعاء النقابة الاتحاد الجمعية المؤسسة المديرية مديرية الإدارة القيادة
    """
)
# Places without the article that may close a title ('ممثلة المنظمة في مصر نعمة سعيد').
_PLACES = _w(
    """
    مصر لبنان سوريا سورية العراق الأردن فلسطين غزة السودان ليبيا تونس الجزائر المغرب اليمن قطر
    الكويت البحرين عمان السعودية الإمارات إيران تركيا بيروت دمشق بغداد القاهرة الرياض الدوحة
    طرابلس الخرطوم صنعاء الرباط أنقرة طهران باريس لندن واشنطن موسكو
    """
)
# 'according to': the speaker follows ('بحسب', 'وفق', 'وفقاً لـ', 'حسب', 'طبقاً لـ').
ACCORDING = _w("بحسب حسب وفق وفقا وفقاً طبقا طبقاً نقلا نقلاً حسبما")
TITLES = intl.AR_TITLES
PLURAL_TITLES = _w("مصادر مسؤولون خبراء")
# Titles of people left unnamed, who take an adjective, not a name ('مصدر مطلع').
_UNNAMED = _w("مسؤول مسؤولة مسؤولون مصدر مصادر خبير خبراء محلل شاهد")
# Nouns that take a genitive inside a title ('المتحدث باسم الحكومة', 'رئيس هيئة الأركان').
_CONSTRUCT = _w(
    """
    باسم شؤون هيئة مجلس لجنة حركة حزب جامعة منظمة وزارة دائرة مكتب مركز قسم بلدية برنامج صندوق
    مؤسسة شركة وكالة جمعية نقابة اتحاد
    """
)
# Words after which no name follows: conjunctions, prepositions, times.
_STOP = _w(
    """
    إن أن بأن إنه إنها أنه أنها في خلال يوم أمس اليوم عن على من مع إلى الى الذي التي الذين لـ ل
    حول بعد قبل عند لدى أثناء مساء صباح الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت لكن
    لقد قد كما بينما ثم حيث طلب نفسه نفسها نفسهم لنا لي له لها لهم اسمه اسمها
    """
)
# Honorifics that open a name set off after a title ('رئيس البلدية، المهندس طارق بن يوسف،').
_HONORIFICS = _w(
    """
    المهندس المهندسة الدكتور الدكتورة الأستاذ الأستاذة الشيخ السيد السيدة الحاج الحاجة المحامي
    المحامية العميد اللواء العقيد الأديب
    """
)
# Nouns of manner after 'ب' that close a name ('قالت ليلى منصور بصوت مرتجف').
_MANNER = _w("صوت لهجة نبرة حزن غضب فخر حماس مرارة أسى ثقة حسرة هدوء انفعال ابتسامة")
# 'it said' of a document issued earlier in the sentence ('أصدرت النقابة بيانا جاء فيه:').
_IN_IT = _w("فيه فيها")
_CAME = _w("جاء ورد وجاء وورد")
# Verbs of issuing a document, without their clitics.
_ISSUED = _w("أصدر أصدرت أصدروا نشر نشرت نشروا وزع وزعت وزّع وزّعت")
# 'as for' that fronts the subject of a verb carrying 'ف' ('أما المتحدث ...، فقال:').
_AS_FOR = _w("أما وأما")
# The second word of a compound given name ('حسام الدين', 'نور الهدى'): the surname follows.
_COMPOUND_END = _w("الدين الهدى الإسلام")
# 'not', 'without' before a verbal noun that reads as a verb ('فضلت عدم ذكر اسمها').
_NEGATED = _w("عدم بعدم دون")
# 'called' between a description and a name ('مواطن يدعى أحمد', 'ولية أمر تدعى سعاد').
_CALLED = _w("يدعى تدعى يُدعى تُدعى")
# Words that join a name: 'عبد الله', 'أبو بكر', 'محمد بن سلمان'.
_NAME_JOIN = _w("عبد أبو أبي بن بنت ابن آل")
_PUNCT = frozenset([",", "،", ".", ":", ";", "؛", "!", "?", "؟", "«", "»", '"', "“", "”", "(", ")"])
_MAX_NAME = 4
# Whom a statement was made to ('لوكالة الأنباء', 'للصحفيين'): the name ends before it.
_OUTLETS = _w("وكالة صحيفة قناة موقع تلفزيون إذاعة وسائل الصحفيين صحفيين")


# 'thus' between a quotation and its verb ('«...»، هكذا صرّح X').
_THUS = _w("هكذا وهكذا بهذا")


def _addressee(word: str) -> bool:
    return word.startswith("لل") or word.startswith("ل") and word[1:] in _OUTLETS


def _strip(word: str, clitics: str = "وف") -> str:
    """The word without a fused conjunction ('وقال' -> 'قال', 'فأضاف' -> 'أضاف')."""
    if len(word) > 3 and word[0] in clitics:
        return word[1:]
    return word


def is_verb(word: str) -> bool:
    return word in SPEECH_VERBS or word[:1] in "وف" and word[1:] in SPEECH_VERBS


def is_according(word: str) -> bool:
    return word in ACCORDING or _strip(word) in ACCORDING


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل", "بال", "وال"))


def _text(d: Doc, a: int, b: int) -> str:
    return d.text[d.starts[a] : d.ends[b - 1]]


def speaker_at(d: Doc, k: int, hi: int, rule: str) -> Cue | None:
    """The speaker phrase from token k: '[title + complements] [name]', or None."""
    w = d.words
    if k < hi and w[k] in ("ل", "لـ"):
        k += 1  # 'وفقاً لـ الوزير'
    if k >= hi or w[k] in _PUNCT or w[k] in _STOP:
        return None
    if w[k] in _DOCUMENTS:
        # 'بيان صادر عن الوزارة': the issuer speaks
        j = k + 1
        while j < hi and j - k < 3 and w[j] not in ("عن", "من"):
            j += 1
        return speaker_at(d, j + 1, hi, rule) if j + 1 < hi and w[j] in ("عن", "من") else None
    if w[k] in _ORGS:
        e = k + 1
        while (
            e < hi and e - k < 5 and (_definite(w[e]) or w[e] in _CONSTRUCT) and w[e] not in _STOP
        ):
            e += 1
        body = _text(d, k, e)
        if e == k + 1 and _definite(w[k]):
            return Cue("definite", body, d.starts[k], d.ends[k], role=body, rule=rule)
        return Cue("name", body, d.starts[k], d.ends[e - 1], name=body, rule=rule)
    start = k
    role_end = k
    first = w[k][1:] if w[k].startswith("ل") and w[k][1:] in TITLES else w[k]
    lead = len(w[k]) - len(first)  # 'لوزيرة': the fused preposition is not the title
    if first in TITLES:
        role_end = k + 1
        plural = first in PLURAL_TITLES
        # complements: definite words, construct nouns, one adjective, 'في/من الوزارة'
        while role_end < hi and role_end - k < 6:
            x = w[role_end]
            nxt = w[role_end + 1] if role_end + 1 < hi else ""
            if x in _PUNCT or x in _STOP and x not in ("في", "من", "عن"):
                break
            if (
                _definite(x)
                and x not in _STOP
                or x in _CONSTRUCT
                and (_definite(nxt) or nxt in _CONSTRUCT)
            ):
                role_end += 1
            elif x[:1] == "ل" and x[1:] in _CONSTRUCT and _definite(nxt):
                role_end += 1  # 'الكاتب العام لنقابة التعليم': a fused 'of' before a body
            elif x in ("في", "من", "عن") and (
                _definite(nxt) or nxt in _CONSTRUCT or nxt in _ORGS or nxt in _PLACES
            ):
                role_end += 2
            elif (
                role_end == k + 1 and not _definite(first) and first in _UNNAMED and x not in _STOP
            ):
                role_end += 1  # 'مسؤول أمريكي', 'مصدر مطلع': one adjective
            elif role_end == k + 1 and not _definite(first) and _definite(nxt):
                role_end += 2  # 'مدير جمعية ...': an indefinite title takes a genitive
            elif (
                role_end == k + 1
                and not _definite(first)
                and role_end + 2 < hi
                and _definite(w[role_end + 2])
                and nxt not in _PUNCT
            ):
                role_end += 3  # 'مدير جمعية حماية المستهلك'
                while role_end < hi and _definite(w[role_end]):
                    role_end += 1
            else:
                break
    else:
        plural = False
    # the name: words without the article; a surname may carry it ('سامي الحداد')
    e = _name_end(w, role_end, hi)
    if e < hi and w[e] in _CALLED and e > start:
        role_end = e + 1  # 'ولية أمر تدعى سعاد الكبيسي': a description, 'called', the name
        e = _name_end(w, role_end, hi)
    elif role_end == k and e == k + 2 and _definite(w[k + 1]):
        # 'نقيب المعلمين فؤاد السعدي': an unlisted title and its complement first; definite
        # adjectives may follow before a name of two words ('مدرب المنتخب الوطني جمال بن علي')
        r = e
        while r < hi and r - e < 2 and _definite(w[r]) and w[r] not in _STOP:
            r += 1
        if _name_end(w, r, hi) - r >= (1 if r == e else 2):
            role_end = r
            e = _name_end(w, r, hi)
    elif role_end == k and e == k and _definite(w[k]):
        # 'الموظف المتقاعد يوسف الحسن': an unlisted definite noun and its adjectives, then a
        # name of two words or more
        r = k
        while r < hi and r - k < 3 and _definite(w[r]) and w[r] not in _STOP:
            r += 1
        if _name_end(w, r, hi) - r >= 2:
            role_end = r
            e = _name_end(w, r, hi)
    if role_end == k == e and (full := _surname_again(d, k, hi)) is not None:
        # 'وقال الحلبي في مؤتمر صحفي': a surname alone, named in full earlier in the text,
        # where no cue may have found it (a script without capitals shows names through cues)
        return Cue("name", w[k], d.starts[k], d.ends[k], name=full, rule=rule)
    if (
        role_end == k
        and e == k + 2
        and w[k] in _NAME_JOIN
        and (full := _surname_again(d, k, hi, 2))
    ):
        return Cue("name", _text(d, k, e), d.starts[k], d.ends[k + 1], name=full, rule=rule)
    if e == role_end > start and role_end + 1 < hi and w[role_end] in ("،", ","):
        # 'المديرة العامة لشركة المطاحن، سلمى القاسم، أن': the name set off after the title,
        # an honorific before it left out ('، المهندس طارق بن يوسف،')
        # or a one-word description ('، الفنانة رنا الصباغ:')
        a = role_end + 1 + (w[role_end + 1] in _HONORIFICS or _definite(w[role_end + 1]))
        n = _name_end(w, a, hi)
        c = next((k for k in range(a, min(hi, a + 5)) if w[k] in ("،", ",", ":")), -1)
        if n - a >= 2 and c > n and all(x not in _STOP and not is_verb(x) for x in w[n:c]):
            n = c  # 'رئيس الجمعية، محمد الأمين بوزيد،': the whole name set off by commas
        if n - a >= 2 and (n >= hi or w[n] in ("،", ",", ":", ".")):
            name = _text(d, a, n)
            return Cue("name", name, d.starts[a], d.ends[n - 1], name=name,
                       role=_text(d, start, role_end)[lead:], rule=rule)  # fmt: skip
    role = _text(d, start, role_end)[lead:] if role_end > start else None
    if e > role_end:
        name = _text(d, role_end, e)
        if role_end == k and w[k].startswith("ل") and len(w[k]) > 3 and rule == "according-to":
            name = name[1:]  # 'وفقاً لمنصور'
        a = d.starts[start] + lead
        return Cue("name", d.text[a : d.ends[e - 1]], a, d.ends[e - 1], name=name, role=role,
                   rule=rule)  # fmt: skip
    if role is None:
        return None
    kind = "definite" if _definite(first) else "role"
    return Cue(kind, role, d.starts[start] + lead, d.ends[role_end - 1], role=role, rule=rule,
               plural=plural)  # fmt: skip


def _surname_again(d: Doc, k: int, hi: int, n: int = 1) -> str | None:
    """The full name ('سامر الحلبي', 'جمال بن علي') that the surname of n words at k (a definite
    word, or 'بن' and a word), alone before a stop word or a mark ('وقال الحلبي في', 'اعترف بن
    علي.'), closed earlier in the text after a bare given name; else None."""
    w = d.words
    if not _definite(w[k]) and n == 1 or k + n < hi and w[k + n] not in _PUNCT | _STOP:
        return None
    surname = _text(d, k, k + n)
    at = d.starts[k]
    # the last earlier mention after a bare given name ('رجل الأعمال فادي القاسم', not 'في شركة
    # القاسم', a body named after him)
    while (at := d.text.rfind(" " + surname, 0, at)) > 0:
        prev = d.text[:at].rsplit(None, 1)[-1:]
        if not prev or not prev[0].isalpha() or _definite(prev[0]) or prev[0] in _STOP:
            continue
        if prev[0] in TITLES or is_verb(prev[0]) or prev[0] in _ORGS or prev[0] in _CONSTRUCT:
            continue
        return f"{prev[0]} {surname}"
    return None


def _name_end(w: list[str], a: int, hi: int) -> int:
    """End (exclusive) of the name from token a: words without the article, up to one that
    carries it ('سامي الحداد'), at most _MAX_NAME; a when none."""
    e = a
    while e < hi and e - a < _MAX_NAME:
        x = w[e]
        if x in _PUNCT or x in _STOP or x in _CALLED or is_verb(x) or is_according(x):
            break
        if _addressee(x) or _definite(x) and e == a or x[:1] == "ب" and x[1:] in _MANNER:
            break  # a name opens with a bare word; a later one may carry the article
        e += 1
        if _definite(x) and not (x in _COMPOUND_END and e - a == 2):
            break  # a surname with the article closes it ('خالد الطيب وجود مجاعة')
    while e > a and w[e - 1] in _NAME_JOIN:
        e -= 1
    return e


def _implicit(d: Doc, v: int, rule: str) -> Cue:
    return Cue("implicit", d.words[v], d.starts[v], d.ends[v], rule=rule)


def after_quote(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """'«...»، قال X', '«...»، بحسب X', '«...»، أضاف' (the last speaker goes on)."""
    w = d.words
    while i < hi and w[i] in (",", "،", "—", "–", "-"):
        i += 1
    if i + 1 < hi and w[i] in _THUS:
        i += 1
    if i >= hi or mask[i]:
        return None
    if is_according(w[i]):
        return speaker_at(d, i + 1, hi, "according-to")
    if is_verb(w[i]):
        cue = speaker_at(d, i + 1, hi, "cue-after")
        if cue is None and w[i] in PARTICIPLES:
            return None  # '«...»، مؤكداً أن': the participle's subject is the sentence's, before
        return cue if cue is not None else _implicit(d, i, "cue-after")
    return None


def before_quote(d: Doc, lo: int, hi: int, mask: list[bool]) -> Cue | None:
    """'وقال X: «...»', 'وأكدت X أن «...»', 'وأضاف: «...»', 'بحسب X، «...»'."""
    w = d.words
    for v in range(hi - 1, lo - 1, -1):
        if mask[v]:
            continue
        if is_according(w[v]):
            return speaker_at(d, v + 1, hi, "according-to")
        if w[v] in _SAYING:
            # 'ونقلت وكالة رويترز عن مسؤول ... قوله إن': the one quoted follows 'عن'
            for u in range(v - 1, lo - 1, -1):
                if w[u] == "عن":
                    return speaker_at(d, u + 1, v, "cue-before")
        if w[v] == "بالقول" and v > lo:
            # 'واكتفى الوزير بالقول:', 'أما القاسم فاكتفى بالقول:': the subject of the verb
            # before it speaks
            if w[v - 1][:1] == "ف" and (fronted := _fronted(d, lo, v - 1)) is not None:
                return fronted
            u = max((k for k in range(lo, v) if is_verb(w[k]) or _strip(w[k]) != w[k]), default=-1)
            if u >= 0 and (cue := speaker_at(d, u + 1, v, "cue-before")) is not None:
                return cue
        if w[v] in PARTICIPLES and v > lo:
            continue  # 'ورد النائب ... قائلاً:': the main verb before it names the speaker
        issued = w[v] in _CAME and v + 1 < hi and w[v + 1] in _IN_IT
        if issued and (body := _issuer(d, lo, v)) is not None:
            return body
        if is_verb(w[v]) and not (v > lo and w[v - 1] in _NEGATED):
            cue = speaker_at(d, v + 1, hi, "cue-before")
            if cue is None and w[v][:1] == "ف" and (fronted := _fronted(d, lo, v)) is not None:
                return fronted
            if cue is None and (named := _subject_first(d, lo, v)) is not None:
                return named
            return (
                cue
                if cue is not None
                else _earlier_subject(d, lo, v) or _implicit(d, v, "cue-before")
            )
    return None


def _earlier_subject(d: Doc, lo: int, v: int) -> Cue | None:
    """'أكد مدير الشركة خالد العمري أن ...، وأضاف: «...»': a verb with no subject of its own
    goes on from the titled, named subject of an earlier verb in its sentence. That verb need not
    be one of speech ('انتقد النائب فهد الدوسري المشروع، وقال:'): Arabic puts the verb first, so
    the word opening a clause (after a comma or the sentence start) before a titled name is one."""
    w = d.words
    for u in range(v - 1, lo - 1, -1):
        if d.sent_start[u + 1]:
            return None  # only within the verb's own sentence
        opens = (d.sent_start[u] or u > lo and w[u - 1] in ("،", ",")) and w[u] not in _STOP
        if is_verb(w[u]) or opens and w[u] not in _PUNCT:
            cue = speaker_at(d, u + 1, v, "cue-before")
            # a titled name only: a bare surname ('وأشارت عبد الله') is resolved as the dropped
            # subject is, to the person it stands for
            return cue if cue is not None and cue.kind == "name" and cue.role else None
    return None


def _issuer(d: Doc, lo: int, v: int) -> Cue | None:
    """'أصدرت نقابة المعلمين ... بيانا ...، جاء فيه': the subject of the verb of issuing, up to
    the document it issued."""
    w = d.words
    for u in range(v - 1, lo - 1, -1):
        if d.sent_start[u + 1]:
            return None
        if _strip(w[u]) in _ISSUED:
            doc_at = next((k for k in range(u + 1, v) if w[k].rstrip("اً") in _DOCUMENTS), v)
            return speaker_at(d, u + 1, doc_at, "document")
    return None


def _fronted(d: Doc, lo: int, v: int) -> Cue | None:
    """'أما المتحدث باسم الحكومة، كريم الزين، فقال': the subject fronted by 'as for'."""
    w = d.words
    for u in range(v - 1, lo - 1, -1):
        if w[u] in _AS_FOR:
            return speaker_at(d, u + 1, v, "cue-before")
        if d.sent_start[u]:
            return None
    return None


def _subject_first(d: Doc, lo: int, v: int) -> Cue | None:
    """'المخرجة الشابة دينا يوسف، التي ...، قالت:': a sentence that opens with a titled name
    before its verb (subject first); the name up to the first comma."""
    w = d.words
    s = v
    while s > lo and not d.sent_start[s]:
        s -= 1
    if s >= v or is_verb(w[s]) or w[s] in _STOP or w[s] in _PUNCT:
        return None
    c = next((k for k in range(s, v) if w[k] in ("،", ",")), v)
    cue = speaker_at(d, s, c, "cue-before")
    return cue if cue is not None and cue.kind == "name" and c < v else None
