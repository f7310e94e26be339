"""Speech cues in Thai, which writes no capitals and no spaces between words: a space closes a
phrase instead, so the cue is read from the text's characters, as for Chinese.

- A person is named by a title glued to the given name, then the family name after a space
  ('นายสมชาย ใจดี', 'ดร.มาลี ศรีสุข', 'พ.ต.อ.วิชัย ทองคำ'); later by the title and the given name
  alone ('นายสมชายกล่าว'), which is resolved to the full name the text wrote before.
- Before a quotation the speaker, an apposition (the post) and the verb with its 'that' ('ว่า'):
  'นายสมชาย ใจดี ผู้ว่าราชการจังหวัด กล่าวว่า "..."'; after it the speaker and the verb:
  '"..." นางมาลีกล่าว', or the verb alone ('"..." กล่าวเพิ่มเติม') for the last speaker.
- A body ('กระทรวงสาธารณสุข ออกแถลงการณ์ระบุว่า') or a post with no name ('โฆษกตำรวจ',
  'แหล่งข่าวจากกระทรวง') speaks unnamed; 'เขา' and 'เธอ' (he, she) go on from the last speaker.

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Thai.
"""

from __future__ import annotations

import re

from service.extract.names import Doc
from service.extract.noun_phrases import Cue

_TH = "\u0e00-\u0e7f"


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Titles glued to the given name, longest first ('นางสาว' before 'นาง'; 'ศ.ดร.' before 'ศ.').
_PREFIXES = sorted(
    _w(
        """
    นาย นาง นางสาว น.ส. ด.ช. ด.ญ. ดร. ศ.ดร. รศ.ดร. ผศ.ดร. ศ. รศ. ผศ. นพ. พญ. ทพ. ภก. พล.อ.
    พล.ต.อ. พล.ต.ท. พล.ต.ต. พ.ต.อ. พ.ต.ท. พ.ต.ต. ร.ต.อ. พ.อ. พ.ท. พ.ต. ร.อ. จ.ส.ต. ส.ต.อ.
    ว่าที่ร้อยตรี
    """
    ),
    key=len,
    reverse=True,
)
_PREFIX = "(?:" + "|".join(re.escape(p) for p in _PREFIXES) + ")"
# Words that open with a title's letters and are no name: 'นายกรัฐมนตรี' (prime minister),
# 'นายกเทศมนตรี' (mayor), 'นายอำเภอ' (district chief), 'นายจ้าง' (employer), 'นางพยาบาล' (nurse).
_NOT_GIVEN = "(?!กรัฐ|กเทศ|กสมาคม|กองค์|กอบ|กฯ|อำเภอ|ทหาร|ตำรวจ|จ้าง|หน้า|ช่าง|ด่าน|พล|ทุน|พยาบาล|งาม)"
# Speech verbs; 'ว่า' (that) may follow, glued or not, and 'เพิ่มเติม' (further) may come between.
_VERBS = (
    "กล่าว|เปิดเผย|ระบุ|เผย|บอก|แถลง|ชี้แจง|ยืนยัน|ให้สัมภาษณ์|อธิบาย|เตือน|ย้ำ|เสริม|ตอบ|ถาม"
    "|โพสต์|ตั้งข้อสังเกต|วิจารณ์|ยอมรับ|เล่า|คาดการณ์|แสดงความเห็น|ประกาศ|เรียกร้อง|ร้องเรียน"
    "|โต้|ปฏิเสธ|ยืนกราน|ชี้|สรุป|ทิ้งท้าย"
)
# Verbs of opinion speak only with their 'that' ('มองว่า', 'เชื่อว่า').
_OPINION = "มอง|เชื่อ|คิด|เห็น"
# Between the verb and its 'that' may stand a manner or an addressee ('เล่าทั้งน้ำตาว่า', 'กล่าว
# กับผู้สื่อข่าวว่า').
_VERB = re.compile(rf"(?:{_VERBS})(?:[{_TH}]{{0,20}}?\s*ว่า|เพิ่มเติม|อีก|ด้วย)?|(?:{_OPINION})\s*ว่า")
# Adverbs between a given name and its verb ('นายสมชายยังระบุว่า').
_ADVERBS = "ยัง|ก็|จึง|ได้|เคย"
# A given name (glued to its title) up to a verb glued after it, then perhaps the family name.
_NAME = re.compile(
    rf"({_PREFIX}){_NOT_GIVEN}([{_TH}]+?)(?=\s|$|(?:{_ADVERBS})?(?:{_VERBS})|[,.\"“”'(])(?:\s([{_TH}]+))?"
)
# Words that open a post, an age or a clause, not a family name.
_NOT_SURNAME = re.compile(
    "^(?:ผู้|รอง|ประธาน|นายก|อธิบดี|รัฐมนตรี|เลขาธิการ|โฆษก|หัวหน้า|อาจารย์|ชาวบ้าน|เจ้าหน้าที่"
    "|เจ้าของ|ผอ|ส\\.ส|แพทย์|นัก|ตัวแทน|อายุ|ซึ่ง|ที่|ได้|ก็|ยัง|จึง|และ|แต่|ขณะ|ด้าน|ส่วน|ทั้งนี้"
    "|กรรมการ|สมาชิก|ครู|พนักงาน|ลูกจ้าง|คนขับ|ชาว|เกษตรกร|ผู้ว่า|นายอำเภอ|ปลัด|กำนัน|ทนาย"
    f"|{_VERBS})"
)
# Posts and descriptions that speak unnamed ('โฆษกตำรวจ', 'แหล่งข่าว', 'ชาวบ้านรายหนึ่ง').
_ROLE = re.compile(
    "(?:โฆษก|แหล่งข่าว|เจ้าหน้าที่|ชาวบ้าน|ผู้สื่อข่าว|ผู้บริหาร|ผู้เชี่ยวชาญ|ผู้อำนวยการ|ตัวแทน"
    "|พนักงาน|ผู้ประกอบการ|นักวิชาการ|ผู้ปกครอง|ผู้ใหญ่บ้าน|ผู้ว่าราชการ|ผู้ว่าฯ|ประธาน"
    f")[{_TH}]*"
)
# Bodies: ministries, departments, offices, companies, associations, unions, courts, parties.
_BODY = re.compile(
    "(?:กระทรวง|กรม|สำนักงาน|บริษัท|สมาคม|สหภาพ|มหาวิทยาลัย|โรงพยาบาล|พรรค|ศาล|เทศบาล|องค์การ"
    f"|มูลนิธิ|สภา|คณะกรรมการ|ธนาคาร|ตำรวจ|สถานทูต)[{_TH}]*"
)
_PRONOUN = re.compile("^(?:เขา|เธอ|ท่าน|พวกเขา)")
# Words that open a clause before its subject: 'as for', 'while', 'meanwhile'.
_OPENER = re.compile("^(?:ด้าน|ทางด้าน|ขณะที่|ส่วน|ทั้งนี้|โดย|อย่างไรก็ตาม|ต่อมา|นอกจากนี้)\\s*")
_CLOSERS = '"”'
_OPENERS = '"“'


def _name_cue(text: str, m: re.Match[str], rule: str) -> Cue:
    """The cue of a titled name match: given and family name, the title left off; a given name
    alone is completed from where the text wrote it with a family name."""
    given, family = m.group(2), m.group(3)
    if family is not None and _NOT_SURNAME.match(family):
        family = None
    if family is None:
        family = _family_before(text, given, m.start())
    name = f"{given} {family}" if family else given
    end = m.end(3) if m.group(3) and family == m.group(3) else m.end(2)
    return Cue("name", name, m.start(2), end, name=name, rule=rule)


def _family_before(text: str, given: str, at: int) -> str | None:
    for m in re.finditer(rf"{re.escape(given)}\s([{_TH}]+)", text[:at]):
        if not _NOT_SURNAME.match(m.group(1)):
            return m.group(1)
    return None


def _subject(text: str, a: int, b: int, rule: str) -> Cue | None:
    """The speaker in text[a:b], the clause before its verb: the last titled name, else a
    pronoun, a body or a post opening the clause."""
    while a < b and text[a].isspace():
        a += 1
    if (adv := re.search(f"(?:{_ADVERBS})$", text[a:b])) is not None:
        b -= len(adv.group())  # 'นายวีระพงษ์ยัง|ระบุว่า': the adverb is not the name's
    seg = text[a:b]
    names = list(_NAME.finditer(text, a, b))
    if names:
        return _name_cue(text, names[-1], rule)
    o = _OPENER.match(seg)
    k = a + (o.end() if o else 0)
    rest = text[k:b]
    if (p := _PRONOUN.match(rest)) is not None:  # resolved as a dropped subject is
        return Cue("implicit", p.group(), k, k + p.end(), rule=rule)
    for pat in (_BODY, _ROLE):
        if (r := pat.match(rest)) is not None:
            # the phrase up to the verb, less a verb of issuing ('ออกแถลงการณ์')
            phrase = re.split(r"\s|ออก", rest, maxsplit=1)[0] or r.group()
            return Cue("role", phrase, k, k + len(phrase), role=phrase, rule=rule)
    return None


def _clause_start(text: str, end: int) -> int:
    """Where the clause ending at `end` opens: after the last line break or closing mark."""
    return max(text.rfind("\n", 0, end), *(text.rfind(c, 0, end) for c in _CLOSERS)) + 1


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """'นายสมชาย ใจดี ผู้ว่าราชการจังหวัด กล่าวว่า "..."': the subject of the last verb."""
    if lo >= hi:
        return None
    text = d.text
    b = d.ends[hi - 1]
    a = _clause_start(text, b)
    verbs = list(_VERB.finditer(text, a, b))
    if not verbs:
        return None
    v = verbs[-1]
    if text[v.end() : b].strip(" :") != "":
        return None  # the verb must lead into the quotation
    return _subject(text, a, v.start(), "cue-before")


def after_quote(d: Doc, i: int, hi: int) -> Cue | None:
    """'"..." นางมาลีกล่าว', '"..." เขากล่าว', '"..." กล่าวเพิ่มเติม'."""
    if i >= hi:
        return None
    text = d.text
    a = d.starts[i]
    b = min(d.ends[hi - 1], *(k for c in _OPENERS if (k := text.find(c, a)) >= 0), a + 80)
    nl = text.find("\n", a, b)
    b = nl if nl >= 0 else b
    v = _VERB.search(text, a, b)
    if v is None:
        return None
    if v.group().endswith("ว่า") and text[v.end() : b].strip() == "":
        return None  # '"..." เธอกล่าวอีกว่า "..."': the clause leads into the next quotation
    if text[a : v.start()].strip(" ,") == "":
        return Cue("implicit", v.group(), v.start(), v.end(), rule="cue-after")
    return _subject(text, a, v.start(), "cue-after")
