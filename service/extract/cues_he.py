"""Speech cues in Hebrew, which writes no capitals: after a quotation the verb comes first and the
speaker closes the clause ('"...", אמר ראש המועצה אבי כהן.'); before one, 'לדברי X,' (according
to X) or 'X אמר:'. The name is taken as the clause's last two words, which leaves a title before
it ('ראש המועצה') out; a verb with nothing after it is a dropped subject the last speaker fills.

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Hebrew.
"""

from __future__ import annotations

from service.extract.names import Doc
from service.extract.noun_phrases import Cue


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Past and present speech verbs, masculine and feminine.
VERBS = _w(
    """
    אמר אמרה הוסיף הוסיפה ציין ציינה הסביר הסבירה טען טענה מסר מסרה הדגיש הדגישה השיב השיבה
    הבהיר הבהירה כתב כתבה סיפר סיפרה אומר אומרת מוסיף מוסיפה מסביר מסבירה הזהיר הזהירה
    הודיע הודיעה אישר אישרה הודה הודתה הגיב הגיבה קבע קבעה התריע התריעה טוען טוענת מציין מציינת
    אמרו מסרו הוסיפו הודיעו טענו
    שאל שאלה שואל שואלת תקף תקפה תוקף תוקפת קרא קראה ביקר ביקרה מבקר מבקרת הצהיר הצהירה
    הבטיח הבטיחה סיכם סיכמה תיאר תיארה מתאר מתארת מספר מספרת התלונן התלוננה ענה ענתה עונה
    עונה פירט פירטה שיתף שיתפה האשים האשימה מאשים מאשימה דרש דרשה התרעם התרעמה הגיבו הדגישו
    """
)
# The present tense of the causative and reflexive pasts ('הזהיר' -> 'מזהיר', 'מזהירה'; 'התלונן'
# -> 'מתלונן', 'מתלוננת'), built from the masculine past.
VERBS = VERBS | frozenset(
    "מ" + v[1:] + end
    for v in VERBS
    if v[:1] == "ה" and len(v) >= 4 and v[-1] not in "הוית"
    for end in ("", "ה", "ת")
)
# Impersonal passives ('נכתב', 'נמסר'): the body that issued the text is the speaker, named in a
# relative clause before them ('בהודעה שפרסמה ההנהלה נכתב:').
_PASSIVE = _w("נכתב נמסר נאמר")
# Verbs of issuing, after the relative 'ש' ('שפרסמה', 'שהוציא').
_ISSUED = _w("פרסם פרסמה פרסמו הוציא הוציאה הוציאו מסר מסרה מסרו שלח שלחה שלחו הפיץ הפיצה")
ACCORDING = _w("לדברי לטענת לדעת לפי")
# 'according to him/her/them': a dropped subject the last speaker fills.
ACCORDING_PRONOUN = _w("לדבריו לדבריה לדבריהם לטענתו לטענתה לדעתו לדעתה")
# Roles that open a subject with no name after them ('דוברת משטרת המחוז מסרה').
ROLES = _w(
    """
    דובר דוברת דוברי נציג נציגת נציגי מקור מקורות גורם גורמים בכיר בכירה פקיד פקידה עובד עובדת
    מנהל מנהלת תושב תושבת תושבי אחות אחיות רופא רופאה שוטר שוטרת עד עדה נהג נהגת מורה מורים
    תלמיד תלמידה הורה הורים חקלאי מתנדב מתנדבת לקוח לקוחה סוחר סוחרת עובדי שכן שכנה שכנים
    עובר עוברת אורח אורחת צופה
    """
)
# Titles that take a name after them ('ראש המועצה אבי כהן'); with one word after and no name
# ('אמר ראש המועצה') they describe an unnamed holder.
TITLES = ROLES | _w('ראש שר שרת יו"ר מנכ"ל מנכ"לית מפכ"ל ח"כ עו"ד ד"ר פרופ\' מפקד מפקדת')
# Bodies that open a subject ('רשות הטבע והגנים', 'משרד הבריאות', 'עיריית חיפה'): the phrase
# is a body speaking, not a person's name.
_BODIES = _w(
    """
    רשות משרד עיריית מועצת חברת ארגון איגוד עמותת אוניברסיטת משטרת הנהלת ועד בית מפלגת
    התאחדות הסתדרות לשכת מכון קרן
    """
)
# Degrees written as abbreviations ('פרופ\'', 'ד"ר'): a name follows them inside the subject.
# Degrees and ranks written as abbreviations, with either double mark ('ד"ר', 'ד״ר', 'רס״ל').
_DEGREES = _w("פרופ' פרופ׳") | frozenset(
    a + m + b
    for a, b in (
        ("ד", "ר"),
        ("עו", "ד"),
        ("ח", "כ"),
        ("רס", "ן"),
        ("תנ", "צ"),
        ("רס", "ל"),
        ("רס", "ר"),
        ("רס", "מ"),
        ("רס", "ב"),
        ("סמ", "ר"),
        ("רפ", "ק"),
        ("סנ", "צ"),
        ("נצ", "מ"),
        ("סא", "ל"),
        ("אל", "מ"),
        ("תא", "ל"),
        ("רמ", "ד"),
    )  # fmt: skip
    for m in ('"', "״")
)
# 'he', 'she', 'they' as a subject: the last speaker of that person goes on.
_PRONOUNS = _w("הוא היא הם הן")
# Function words that stand before a surname without being a first name.
_FUNCTION = _w("של את עם על אל כי גם אבל או אם לא אצל בין נגד לפני אחרי")
_SUBJECT_START = frozenset((".", "!", "?", ":", ";", '"', "״", "”", "“"))
_CLAUSE_END = frozenset((".", ",", ";", ":", "!", "?"))


def _lettered(x: str) -> bool:
    """A word of letters, a double surname's hyphen allowed ('כהן-רז')."""
    return x.replace("-", "").isalpha() and not x.startswith("-") and not x.endswith("-")


def _name_ending(d: Doc, a: int, b: int, rule: str) -> Cue | None:
    """The last two words of tokens [a, b) as a name."""
    if b - a < 2 or not all(_lettered(x) for x in d.words[b - 2 : b]):
        return None
    name = d.text[d.starts[b - 2] : d.ends[b - 1]]
    return Cue("name", name, d.starts[b - 2], d.ends[b - 1], name=name, rule=rule)


def _surname(d: Doc, k: int, rule: str) -> Cue | None:
    """A subject of one word: a pronoun, or a surname standing for a person named before ('"...",
    אמרה כהן', 'לוי השיב:'); a role word alone is left to the role rules."""
    x = d.words[k]
    if x in _PRONOUNS:
        return Cue("implicit", x, d.starts[k], d.ends[k], rule=rule)
    if not _lettered(x) or x in TITLES or x in VERBS:
        return None
    name = _in_full(d, k) or x
    return Cue("name", name, d.starts[k], d.ends[k], name=name, rule=rule)


def _in_full(d: Doc, k: int) -> str | None:
    """'חברת המועצה רחל כהן ... "...", אמרה כהן': the surname at k with the word before it where
    the text last wrote the two together, when that word can be a first name (no title, role,
    verb or function word). Without capitals the narrative sentence that introduced her names no
    actor, so the surname alone would stand as the speaker's whole name."""
    w = d.words
    for j in range(k - 1, 0, -1):
        if w[j] != w[k]:
            continue
        x = w[j - 1]
        if x.isalpha() and len(x) > 2 and not (x in TITLES or x in VERBS or x in _FUNCTION):
            return f"{x} {w[k]}"
    return None


def after_quote(d: Doc, i: int, hi: int) -> Cue | None:
    """'"...", אמר ראש המועצה אבי כהן.' and '"...", הוסיפה.'"""
    w = d.words
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i + 1 < hi and w[i] in _PRONOUNS and w[i + 1] in VERBS:
        # '"...", הוא אמר': the person the sentence before the quotation was about
        told = _told_before(d, i)
        return told or Cue("implicit", w[i], d.starts[i], d.ends[i], rule="cue-after")
    if i >= hi or w[i] not in VERBS:
        return None
    e = i + 1
    while e < hi and w[e] not in _CLAUSE_END:
        e += 1
    if e == i + 1:
        return Cue("implicit", w[i], d.starts[i], d.ends[i], rule="cue-after")
    if e < hi and w[e] == ",":
        # 'אמר יו"ר ועד העובדים, משה אלמוג.': the name in apposition after the title
        e2 = e + 1
        while e2 < hi and w[e2] not in _CLAUSE_END:
            e2 += 1
        if e2 - e - 1 in (2, 3) and (named := _name_ending(d, e + 1, e2, "cue-after")) is not None:
            return named
    if e == i + 2 or _in_full(d, i + 1) is not None:
        # 'הבהיר ברקוביץ בישיבת המועצה': a surname the story introduced, then where it was said
        return _surname(d, i + 1, "cue-after")
    # 'אמרה אחות בבית החולים', 'אמרה שכנה שעמדה ליד החנות': a role placed or described
    placed = w[i + 1] in ROLES and w[i + 2][:1] in ("ב", "מ", "ש")
    if w[i + 1] in TITLES and e - (i + 1) <= 2 or placed:
        role = d.text[d.starts[i + 1] : d.ends[e - 1]]
        return Cue("role", role, d.starts[i + 1], d.ends[e - 1], role=role, rule="cue-after")
    if (
        e - i > 4
        and w[i + 1][:1] == "ה"
        and w[i + 4][:1] in "מבשל"
        and all(_lettered(x) and x[:1] != "ה" for x in w[i + 2 : i + 4])
    ):
        # 'מזהירה האנליסטית טל גרינברג מבית ההשקעות אופק': a description, the name, then where
        # she works
        return _name_ending(d, i + 2, i + 4, "cue-after")
    return _name_ending(d, i + 1, e, "cue-after")


def _subject(d: Doc, lo: int, v: int) -> Cue | None:
    """The subject before the verb at v: the last two words, past an apposition's closing comma
    ('ראש העירייה, אבי כהן, אמר'); a short phrase opened by a role is an unnamed speaker."""
    w = d.words
    e = v
    while e > lo and w[e - 1] == ",":
        e -= 1
    s = e
    while s > lo and not _opens(d, s - 1):
        s -= 1
    if s < e and w[s] in _BODIES and e - s <= 5 and "," not in w[s:e]:
        body = d.text[d.starts[s] : d.ends[e - 1]]
        return Cue("role", body, d.starts[s], d.ends[e - 1], role=body, rule="cue-before")
    if s < e and w[s] in ROLES and e - s <= 3 and "," not in w[s:e]:
        role = d.text[d.starts[s] : d.ends[e - 1]]
        return Cue("role", role, d.starts[s], d.ends[e - 1], role=role, rule="cue-before")
    if e == s + 1:
        return _surname(d, s, "cue-before")
    c = next((k for k in range(s, e) if w[k] == ","), e)
    deg = _past_degree(d, s, e)
    if c < e and deg > s and c - deg in (2, 3):
        # 'פרופ\' דוד אברהם, מומחה לכלכלה, אמר': the name after the degree, before its apposition
        return _name_ending(d, deg, c, "cue-before")
    # the apposition's words past a degree ('ח״כ רמי אלון' is a name, not a clause)
    n = e - _past_degree(d, c + 1, e) if c < e else 0
    clause = n > 3 or n == 3 and w[c + 1][:1] == "ש"
    if c < e and clause and w[s] not in TITLES and (first := _name_ending(d, s, c, "cue-before")):
        return first  # 'הדוקטורנט עידו פרץ, שמצא את הצפרדע, מספר': a relative clause, not a name
    named = _name_ending(d, s, e, "cue-before")
    if named is None and c < e:
        # 'רונית שגיא, בת 47, השיבה': an apposition that is no name (an age, a post) follows it
        return _name_ending(d, s, c, "cue-before")
    return named


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """'לדברי התושבת מיכל לוי, "..."' and 'ראש המועצה אבי כהן אמר: "..."'."""
    w = d.words
    for v in range(hi - 1, lo - 1, -1):
        if w[v] in ACCORDING:
            e = v + 1
            while e < hi and w[e] not in _CLAUSE_END:
                e += 1
            if e + 1 < hi and w[e] == ",":  # 'לדברי יו״ר המועדון, עו״ד שלומית ברק,'
                e2 = e + 1
                while e2 < hi and w[e2] not in _CLAUSE_END:
                    e2 += 1
                a = _past_degree(d, e + 1, e2)
                if e2 - a in (2, 3) and (named := _name_ending(d, a, e2, "according-to")):
                    return named
            if e > v + 1 and w[v + 1] in ROLES:  # 'לפי גורם במשרד הבריאות,': unnamed
                role = d.text[d.starts[v + 1] : d.ends[e - 1]]
                return Cue("role", role, d.starts[v + 1], d.ends[e - 1], role=role,
                           rule="according-to")  # fmt: skip
            return _name_ending(d, v + 1, e, "according-to")
        if w[v] in _PASSIVE and (body := _issuer(d, lo, v)) is not None:
            return body
        if w[v] in ACCORDING_PRONOUN:
            return Cue("implicit", w[v], d.starts[v], d.ends[v], rule="according-to")
        if w[v] in VERBS and v > lo:
            return _subject(d, lo, v)
    return None


def _issuer(d: Doc, lo: int, v: int) -> Cue | None:
    """'בהודעה שפרסמה ההנהלה נכתב': the words between the issuing verb and the passive."""
    w = d.words
    for k in range(v - 1, lo - 1, -1):
        if w[k][:1] == "ש" and w[k][1:] in _ISSUED and 0 < v - k - 1 <= 3:
            role = d.text[d.starts[k + 1] : d.ends[v - 1]]
            return Cue("role", role, d.starts[k + 1], d.ends[v - 1], role=role, rule="document")
    return None


_MARKS = frozenset(('"', "״", "”", "“", "„"))


def _opens(d: Doc, k: int) -> bool:
    """Whether the subject opens after token k: a stop or a quotation mark (not gershayim)."""
    return d.words[k] in _SUBJECT_START and (d.words[k] not in _MARKS or _mark(d, k))


def _mark(d: Doc, k: int) -> bool:
    """Whether token k is a quotation mark, not the gershayim inside an abbreviation ('מחו״ל')."""
    if d.words[k] not in _MARKS:
        return False
    if not 0 < k < len(d.words) - 1 or not (d.ends[k - 1] == d.starts[k] == d.starts[k + 1] - 1):
        return True
    return not (d.words[k - 1].isalpha() and d.words[k + 1].isalpha())


def _told_before(d: Doc, i: int) -> Cue | None:
    """The named subject of a speech verb in the sentences of the paragraph before the quotation
    that ends just before token i ('פרופ׳ X, מנהל המחלקה, סיפר כי ... "...", הוא אמר'); None
    when another quotation stands between them."""
    w = d.words
    j = i - 1
    while j >= 0 and w[j] in (",", "—", "–", "-"):
        j -= 1
    if j < 0 or not _mark(d, j):
        return None
    j -= 1
    while j >= 0 and not _mark(d, j):  # back over the quotation to its opening mark
        j -= 1
    para = d.para_of(d.starts[i])
    v = j - 1
    while v >= 0 and not _mark(d, v) and d.para_of(d.starts[v]) == para:
        if w[v] in VERBS:
            s = v
            while s > 0 and not _opens(d, s - 1):
                s -= 1
            cue = _subject(d, s, v)
            return cue if cue is not None and cue.kind == "name" else None
        v -= 1
    return None


def _past_degree(d: Doc, k: int, e: int) -> int:
    """The token after a degree at k ('פרופ׳' is read as two tokens, 'ד״ר' as three); k when
    none stands there."""
    w = d.words
    deg = k + 1
    if k + 1 < e and w[k + 1] in ("'", "׳"):
        deg = k + 2
    elif k + 2 < e and w[k + 1] in ('"', "״"):
        deg = k + 3
    return deg if d.text[d.starts[k] : d.ends[deg - 1]] in _DEGREES else k
