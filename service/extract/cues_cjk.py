"""Speech cues in Chinese, Japanese and Korean, which write no capitals (and Chinese and Japanese
no spaces): the rules engine's tokens there are whole clauses ('乘客陈晓梅说'), so the cue is read
from the clause's characters instead.

- Chinese: '“...”乘客陈晓梅说。', '市长刘建华在仪式上表示：“...”', '发言人赵立强指出，“...”': a
  speech verb, and before it the speaker, a title ('市长', '发言人') then the name.
- Japanese: '市長の山田浩二氏は「...」と述べた', '「...」と会社員の佐藤美咲さんは話した': the
  name before an honorific ('氏', 'さん') or before the topic particle 'は'/'が'.
- Korean: '김민수 시장은 “...”라고 말했다', '“...”고 주민 박지영 씨는 말했다': the name before a
  title or '씨' and the topic particle.

Chinese in Traditional characters ('發言人張雅婷則批評：') is read through a one-to-one fold to
Simplified (scripts/build_zh_folding.py, from OpenCC's table), so offsets and the names cut from
the text stay as written. A title with no name after it ('一位不愿透露姓名的官员称', 'ある担当者は',
'조합 관계자는') is an unnamed speaker of that role.

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Chinese, Japanese or Korean.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from service.extract.names import Doc
from service.extract.noun_phrases import Cue

_HAN = "\u3400-\u9fff"
# Chinese speech verbs, longest first so '说道' wins over '说'.
_ZH_VERB = (
    "说道|表示|分析称|分析指出|指出|强调|介绍|透露|坦言|补充|解释|认为|回应|告诉记者|告诉|批评"
    "|宣布|承认|呼吁|提醒"
    "|警告|直言|坦承|质疑|反驳|重申|回答|答道|问道|写道|质问|反问|追问|感叹|抱怨|感慨|预计|预测"
    "|称|说"
)
# Words that end the speaker before the verb: a time ('昨日'), a place or addressee phrase
# ('在新闻发布会上', '对记者'), an adverb ('还', '则', '也'): the name is what stands before them.
_ZH_CUT = re.compile(
    "昨日|昨天|今天|今日|日前|近日|当天|当日|前天|明天|上午|下午|晚间|晚上|周[一二三四五六日]"
    "|星期[一二三四五六日天]|受访|接受|在|对|向|于|则|也|还|又|并|更|再|亦|就|同时"
    # issuing a statement ('商会发表声明称', '公司发布公告说'): the issuer stands before it
    "|发表|发布|通过"
)
# Titles and descriptions that stand before a Chinese name ('市长刘建华', '乘客陈晓梅').
_ZH_TITLE = (
    "发言人|新闻发言人|市长|区长|县长|省长|镇长|村长|馆长|校长|院长|局长|部长|厅长|处长|主任|主席"
    "|总统|总理|经理|总经理|董事长|负责人|书记|教授|专家|研究员|乘客|读者|居民|村民|市民|记者|老板娘"
    "|医生|律师|警官|司机|店主|老板|工人|学生|家长|游客|官员|代表|队长|主管|会长|委员|立委"
)
_ZH_PRONOUN = {"他": "他", "她": "她", "他们": "他们", "她们": "她们"}
_ZH_TITLE_END = re.compile(rf"(?:{_ZH_TITLE})$")
# The endings of an organisation's name (an association, a company, a court, a government).
_ZH_BODY_END = re.compile(
    "(?:协会|委员会|联合会|工会|商会|学会|基金会|联盟|公司|集团|政府|法院|检察院|医院|银行"
    "|研究所|研究院|中心|部门)$"
)
# After the quotation: the clause up to the verb ('乘客陈晓梅说').
_ZH_AFTER = re.compile(rf"[，,]?\s*([{_HAN}]{{1,16}}?)(?:{_ZH_VERB})")
# An adverb in '地' before the verb ('无奈地表示').
_ZH_MANNER = f"[{_HAN}]{{2}}地"
# A verb of response or explanation may take 'say' after it ('回应说', '解释称').
_ZH_SAY = "(?:说|称|道)?"
# Before the quotation: the clause's subject, cut at a place or time phrase ('在开通仪式上'),
# then the verb and a colon or comma.
_ZH_BEFORE = re.compile(
    rf"([{_HAN}]{{1,16}}?)(?:在[^，。：]*?|对[^，。：]*?|{_ZH_MANNER}|)(?:{_ZH_VERB}){_ZH_SAY}"
    # the one addressed before a colon ('提醒市民：'), or a partial quotation inside the reported
    # clause ('发言人表示，相关调查结果“...”')
    rf"(?:[{_HAN}]{{1,4}}[：:]|[：:，,]?\s*(?:[^，。：:“”「」]{{1,12}})?)\s*$"
)
# A title may also be any word ending in a title character ('里长', '组员', '志愿者').
_ZH_NAME = re.compile(rf"(?:{_ZH_TITLE}|[长员者师官农工生手人])([{_HAN}]{{2,3}})$")
# Japanese: a name before an honorific or title, or before the topic particle.
# Japanese speech verbs by their stems, in any tense ('述べた', '話している', '語る').
_JA_VERB = (
    "述べ|話し|話す|語っ|語る|語り|説明し|強調し|明らかにし|指摘し|言っ|言う|答え|訴え|批判し"
    "|主張し|発表し|明かし|コメントし|強調する|述べる|反論し|呼びかけ|振り返っ|打ち明け"
)
_JA_TITLE = (
    "氏|さん|副市長|市長|町長|村長|区長|知事|首相|大臣|社長|会長|教授|准教授|議員|議長|委員長"
    "|部長|課長|所長|署長|校長|院長|理事長|代表|監督|選手|弁護士|医師|容疑者|被告"
    "|組合長|研究員|事務局長|事務次官|支配人|支店長|本部長|室長|副会長|副社長|局長|館長|店長"
    "|園長|主任|会頭|頭取|船長|機長"
)
# Names take the iteration mark '々' ('佐々木') besides Han and katakana.
_JA_CHAR = f"{_HAN}\u3005\u30a0-\u30ff"
# An age in parentheses may stand between the title and the particle ('組合長（63）は'), and
# 'according to' ('研究員によると') marks the source as the particle does.
_JA_AGE = r"(?:[（(]\d{1,3}[）)])?"
# A given name may be written in hiragana after a surname in Han ('岡本さくらさん').
_JA_NAME = re.compile(
    rf"([{_JA_CHAR}]{{2,8}}?|[{_HAN}\u3005]{{1,3}}[\u3041-\u3096]{{2,4}}(?=さん|氏))"
    rf"(?:{_JA_TITLE}){_JA_AGE}(?:は|が|も|によると)"
)
# Unnamed speakers: '担当者は', '関係者によると' (a role word before the topic particle).
_JA_ROLE = re.compile("(担当者|関係者|広報担当|幹部|捜査関係者)(?:は|が|も|によると)")
_JA_TOPIC = re.compile(rf"([{_JA_CHAR}]{{2,8}}){_JA_AGE}(?:は|が)")
_JA_AFTER = re.compile(rf"^\s*と(.{{0,30}}?)(?:{_JA_VERB})")
_JA_QUOTATIVE = re.compile(r"^\s*と([^。「」]{0,30})")
# '「...」。X さんはそう訴える': the next sentence's 'so' ('そう', 'こう') points back at the
# quotation, whose speaker is that sentence's titled topic.
_JA_SO = re.compile(rf"^\s*。\s*([^。「」]{{0,30}}?)(?:そう|こう)(?:{_JA_VERB})")
# Korean: a name of two to four syllables, an optional title, then the topic or subject particle
# ('김민수 시장은', '주민 박지영 씨는', '대변인 이준호 씨는'); after the quotation, '(이)라고' or '고'
# then the verb ('말했다', '밝혔다').
_KO_TITLE = (
    "씨|시장|대변인|장관|교수|대표|회장|의원|대통령|총리|위원장|국장|청장|사장|이사장|원장"
    "|소장|지사|구청장|군수|변호사|부장|실장|팀장|단장|감독|선수|차관|연구위원|위원|판사|검사"
    "|총장|교육감|비서관|대사|기자"
)
# The commonest Korean surnames (each one syllable; together they cover nearly everyone): a
# three-syllable word opening with one, then a word with the topic particle, is a name and a
# title no list holds ('윤서연 연구위원은').
_KO_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민진나지엄채"
    "원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어류"
)
_KO_FULL = re.compile(
    rf"(?:^|(?<=\s))([{_KO_SURNAMES}][가-힣]{{2}})\s+(?:[가-힣]+\s+)?[가-힣]{{2,6}}?(?:은|는)(?=\s|$)"
)
# A body between the name and the title ('최영희 보건복지부 장관은', '이성호 한국대 교수는'), by the
# suffix of a ministry, office, university, hospital, institute, party or district.
_KO_BODY_WORD = (
    "[가-힣]{1,8}(?:부|처|청|대|대학교|병원|연구원|연구소|당|시|도|군|구|협회|재단|공사)"
)
# The title may be glued to a place ('한빛시장은'); a one-syllable name is a surname ('김 시장은').
_KO_NAME = re.compile(
    rf"(?:^|(?<=\s))([가-힣]{{1,4}})(?:[（(]\d{{1,3}}[）)])?\s+(?:{_KO_BODY_WORD}\s+)?"
    rf"[가-힣]{{0,6}}?(?:{_KO_TITLE})"
    r"(?:은|는|이|가)(?=\s|$)"
)
_KO_ROLE = re.compile(
    r"(관계자|대변인|[가-힣A-Za-z]+\s측|측)(?:은|는|이|가)(?=\s|$)"
    # 'a (certain) ...': '한 버스 기사는', '한 주민은' is someone left unnamed
    r"|(?:^|(?<=\s))한\s+(?:[가-힣]+\s+)?([가-힣]+?)(?:은|는|이|가)(?=\s|$)"
)
# '"..." 대학생 이준호(21) 씨의 말이다': the quotation is someone's words (말, 설명, 주장 ...),
# the sentence after it says whose.
_KO_WHOSE = re.compile(
    r"^\s*(.{1,30}?)의\s+(?:말|설명|주장|지적|얘기|이야기|전언|분석|답변|평가|하소연)"
    r"(?:이다|이었다|이었다고|입니다)"
)
_KO_OWNER = re.compile(
    rf"([가-힣]{{1,4}})(?:[（(]\d{{1,3}}[）)])?\s*(?:{_KO_TITLE})$|([{_KO_SURNAMES}][가-힣]{{2}})$"
)
# A title or occupation before a full name that carries the particle ('공격수 배준서는',
# '화가 임도현 씨는' is read by _KO_NAME): occupations end in 수, 원, 사, 자, 생 or 가.
_KO_TITLED = re.compile(
    rf"(?:^|(?<=\s))[가-힣]*(?:{_KO_TITLE}|수|원|사|자|생|가)\s+([{_KO_SURNAMES}][가-힣]{{2}})"
    r"(?:은|는|이|가)(?=\s|$)"
)
# The sentence after the quotation says who spoke it 'thus' ('이렇게', '그렇게').
_KO_THUS = re.compile(
    r"^\s*(.{0,40}?)(?:이렇게|그렇게)\s*(?:말했|밝혔|강조했|설명했|전했|주장했|호소했|했)"
)
_KO_AFTER = re.compile(
    r"^(?:이라고|라고|고)\s*(.{0,40}?)(?:말했|밝혔|강조했|설명했|덧붙였|전했|지적했|주장했"
    r"|비판했|호소했|당부했|답했|토로했|했)"
)


_T2S: dict[int, str] = {
    ord(k): v
    for k, v in json.loads(
        (Path(__file__).with_name("data") / "zh_t2s.json").read_text("utf-8")
    ).items()
}


# A Taiwanese date, the day in parentheses after 'today' or 'yesterday' ('今（5）日').
_ZH_DAY = re.compile(r"[（(]\d{1,2}[）)]")
# An age in parentheses after a name ('孙梅（42岁）'), and an adverb in '地' before the verb
# ('激动地说'): both stand between the name and the verb.
_ZH_AGE = re.compile(r"[（(]\d{1,3}[岁歲][）)]")


def _fold(seg: str) -> str:
    """The segment in Simplified characters, of the same length, with a day in parentheses read
    as the time word around it ('林志明今（5）日在' as '林志明今日日日在', which the cut list ends)
    and an age in parentheses as a cut ('孙梅（42岁）说' as '孙梅于于于于于说')."""
    seg = _ZH_AGE.sub(lambda m: "于" * len(m.group()), seg.translate(_T2S))
    return _ZH_DAY.sub(lambda m: "日" * len(m.group()), seg)


def _subject(phrase: str) -> str:
    """The phrase up to its first time word, place phrase or adverb ('王建明昨日在' -> 王建明)."""
    for m in _ZH_CUT.finditer(phrase):
        if m.start() >= 1:
            return phrase[: m.start()]
    return phrase


def _zh_name(phrase: str) -> str | None:
    """'乘客陈晓梅' -> 陈晓梅; '陈晓梅' -> 陈晓梅; a long phrase with no title -> None."""
    m = _ZH_NAME.search(phrase)
    if m is not None:
        return m.group(1)
    if phrase in _ZH_PRONOUN:
        return phrase
    return phrase if 2 <= len(phrase) <= 3 and not _ZH_TITLE_END.search(phrase) else None


def _zh_cue(phrase: str, start: int, text: str, rule: str) -> Cue | None:
    """The cue of a (folded) subject phrase that starts at offset `start` of the text: a name, a
    pronoun, or a title with no name ('官员') as an unnamed speaker of that role."""
    phrase = _subject(phrase)
    if len(phrase) > 2 and _ZH_BODY_END.search(phrase):
        # '消费者协会在声明中指出': an organisation speaks, not a person named '协会'
        return Cue(
            "role",
            text[start : start + len(phrase)],
            start,
            start + len(phrase),
            role=text[start : start + len(phrase)],
            rule=rule,
        )
    name = _zh_name(phrase)
    if name is not None:
        s = start + phrase.rindex(name)
        return _cue(text[s : s + len(name)], s, rule)
    t = _ZH_TITLE_END.search(phrase)
    if t is None:
        return None
    role = text[start + t.start() : start + len(phrase)]
    return Cue("role", role, start + t.start(), start + len(phrase), role=role, rule=rule)


def _cue(name: str, start: int, rule: str) -> Cue:
    if name in _ZH_PRONOUN:
        return Cue("pronoun", name, start, start + len(name), rule=rule)
    return Cue("name", name, start, start + len(name), name=name, rule=rule)


def _role(m: re.Match[str], a: int, rule: str) -> Cue:
    g = 1 if m.group(1) else m.lastindex or 1
    role = m.group(g)
    return Cue("role", role, a + m.start(g), a + m.end(g), role=role, rule=rule)


def after_quote(d: Doc, i: int, hi: int, lang: str) -> Cue | None:
    """The speaker named right after the closing mark, up to the verb."""
    if i >= hi:
        return None
    a, b = d.starts[i], d.ends[hi - 1]
    seg = d.text[a:b]
    if lang == "ja":
        m = _JA_AFTER.match(seg)
        n = _JA_NAME.search(m.group(1) + "は") if m is not None else None
        if m is None and (q := _JA_QUOTATIVE.match(seg)) is not None:
            # '「...」と監督の松本誠氏は意気込んだ': the quotative 'と' and a titled topic mark a
            # speaker whatever the verb that closes the sentence
            m, n = q, _JA_NAME.search(q.group(1))
        if m is None and (so := _JA_SO.match(seg)) is not None:
            m, n = so, _JA_NAME.search(so.group(1))
        return _cue(n.group(1), a + m.start(1) + n.start(1), "cue-after") if m and n else None
    if lang == "ko":
        m = _KO_AFTER.match(seg)
        if m is None:
            m = _KO_THUS.match(seg)  # '"..." 어민 윤상철 씨는 이렇게 말했다'
        if m is None and (w := _KO_WHOSE.match(seg)) is not None:
            o = _KO_OWNER.search(w.group(1).rstrip())
            g = 1 if o and o.group(1) else 2
            return _cue(o.group(g), a + w.start(1) + o.start(g), "cue-after") if o else None
        if m is None:
            return None
        n = _KO_NAME.search(m.group(1)) or _KO_FULL.search(m.group(1))
        if n is not None:
            return _cue(n.group(1), a + m.start(1) + n.start(1), "cue-after")
        r = _KO_ROLE.search(m.group(1))
        return _role(r, a + m.start(1), "cue-after") if r else None
    m = _ZH_AFTER.match(_fold(seg))
    cue = _zh_cue(m.group(1), a + m.start(1), d.text, "cue-after") if m else None
    if cue is not None and cue.kind == "pronoun":
        # '环保局长陈建宏指出，……。“……。”他说。': the one who spoke in the sentence before
        opened = max(d.text.rfind(c, 0, a) for c in "“「")
        return _zh_said(d.text, opened) or cue
    return cue


def before_quote(d: Doc, lo: int, hi: int, lang: str) -> Cue | None:
    """The speaker of the clause that introduces the quotation (from the last full stop on)."""
    if lo >= hi:
        return None
    a, b = d.starts[lo], d.ends[hi - 1]
    seg = d.text[a:b]
    cut = max(seg.rfind("。"), seg.rfind("」"), seg.rfind("”"))
    a, seg = a + cut + 1, seg[cut + 1 :]
    if lang == "ja":
        m = _JA_NAME.search(seg)
        if m is None and (r := _JA_ROLE.search(seg)) is not None:
            return _role(r, a, "cue-before")
        m = m or _JA_TOPIC.search(seg)
        return _cue(m.group(1), a + m.start(1), "cue-before") if m else None
    if lang == "ko":
        names = (
            list(_KO_TITLED.finditer(seg))
            or list(_KO_NAME.finditer(seg))
            or list(_KO_FULL.finditer(seg))
        )
        if names:
            return _cue(names[-1].group(1), a + names[-1].start(1), "cue-before")
        roles = list(_KO_ROLE.finditer(seg))
        return _role(roles[-1], a, "cue-before") if roles else None
    m = _ZH_BEFORE.search(_fold(seg))
    cue = _zh_cue(m.group(1), a + m.start(1), d.text, "cue-before") if m else None
    if cue is not None and cue.kind == "pronoun":
        return _zh_lead(d.text, a) or cue
    return cue


def _zh_lead(text: str, at: int) -> Cue | None:
    """'负责人赵雪梅对此持保留态度。她表示，“...”': a pronoun opening the sentence at offset `at`
    names the titled person who opened the sentence before it, when that one opened with a
    title and a name (the person the story has just turned to, not the last one quoted)."""
    end = text.rfind("。", 0, at)
    if end < 0:
        return None
    start = max(text.rfind(x, 0, end) for x in "。\n”」") + 1
    phrase = _subject(_fold(text[start:end]))
    if phrase == text[start:end] or len(phrase) > 24:
        return None  # no time, place or adverb closes the subject
    m = _ZH_NAME.search(phrase)
    return (
        _cue(text[start + m.start(1) : start + m.end(1)], start + m.start(1), "cue-before")
        if m
        else None
    )


def _zh_said(text: str, at: int) -> Cue | None:
    """The titled name that opens the sentence before offset `at` with a speech verb ('环保局长
    陈建宏指出，……。'), or None."""
    end = text.rfind("。", 0, at)
    if end < 0 or text[end + 1 : at].strip():
        return None
    start = max(text.rfind(x, 0, end) for x in "。\n”」") + 1
    m = _ZH_SAYS_AT_START.match(_fold(text[start:end]))
    n = _ZH_NAME.search(_subject(m.group(1))) if m else None
    return (
        _cue(text[start + n.start(1) : start + n.end(1)], start + n.start(1), "cue-after")
        if n
        else None
    )


_ZH_SAYS_AT_START = re.compile(rf"\s*([{_HAN}]{{1,16}}?)(?:{_ZH_VERB})")
_ZH_SAID_BEFORE = re.compile(rf"(?:{_ZH_VERB})[^。！？“”「」]{{0,12}}$")


def said_before(text: str, at: int) -> bool:
    """A Chinese speech verb in the clause before offset `at` ('他还说，票价“...”', '他強調，「...」'):
    a short quotation there is the speaker's words, not the writer's term."""
    return _ZH_SAID_BEFORE.search(text[max(0, at - 24) : at].translate(_T2S)) is not None
