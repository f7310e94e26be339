"""Attribution in Hebrew, Arabic, Persian, Chinese, Japanese, Korean and Thai: the constructions
added in stop 30 (invented sentences, not those of the dev18 set)."""

from __future__ import annotations

import pytest

from service.extract.lexicon_intl import language
from tests.quotekit import speakers_in as _speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            # a pronoun subject after the quotation: the person the sentence before was about,
            # named behind a degree written with a geresh and with a double surname
            "ד״ר רות לנדאו-שמיר, חוקרת ים, סיפרה כי הצוללים מצאו שונית חדשה. "
            '"לא ראינו דבר כזה עשרים שנה", היא אמרה.',
            ["רות לנדאו-שמיר"],
        ),
        (
            # an impersonal passive after a notice issued by a body
            'בהודעה שפרסם מועדון השחמט נכתב: "התחרות תידחה בשבוע".',
            ["מועדון השחמט (unnamed)"],
        ),
        (
            # 'according to a source in ...': unnamed, not the place
            'לפי מקור בעיריית חולון, "הכביש ייסגר בלילה".',
            ["מקור בעיריית חולון (unnamed)"],
        ),
    ],
)
def test_hebrew(text: str, speakers: list[str | None]):
    assert language(text) == "he"
    assert _speakers(text) == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "أصدرت رابطة الصيادين بيانا صباح الخميس جاء فيه: «البحر لم يعد آمنا».",
            "رابطة الصيادين",
        ),
        (
            "وقال مدير المستشفى، الدكتور وليد السقا، للصحفيين: «الأسرة ممتلئة».",
            "وليد السقا",
        ),
        ("«خسرنا الموسم كله»، قال المزارع جميل حداد بلهجة حزينة.", "جميل حداد"),
        (
            "وقالت الوزيرة سلمى عيد إن المشروع تأخر. أما رئيس اللجنة، فارس الخوري، فقال: "
            "«سنراجع العقود»",
            "فارس الخوري",
        ),
    ],
)
def test_arabic(text: str, speaker: str):
    assert language(text) == "ar"
    assert _speakers(text)[-1] == speaker


def test_persian_compound_title_then_honorific_and_name():
    text = "مدیرکل بنادر استان، دکتر مینا صالحی، گفت: «کشتی‌ها فردا حرکت می‌کنند»."
    assert language(text) == "fa"
    assert _speakers(text) == ["مینا صالحی"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Japanese: 'so says' in the sentence after the quotation
        ("「この橋はもう古くて本当に危ない」。近所に住む田村花子さんはそう話す。", "田村花子"),
        # Korean: 'is the words of'
        ('"시장이 너무 멀어요." 주부 한미영(45) 씨의 말이다.', "한미영"),
        # Chinese: a body issuing a statement; a verb of response with 'say' after it
        ("全国渔业商会发表声明称：“今年的捕捞量下降了一半。”", "全国渔业商会 (unnamed)"),
        ("厂长马志远回应说，工厂将“按期交货”。", "马志远"),
    ],
)
def test_cjk(text: str, speaker: str):
    assert _speakers(text)[-1] == speaker


def test_thai_is_told_by_its_letters():
    assert language("นายกเทศมนตรีกล่าวว่าเมืองจะสร้างสะพานใหม่ในปีหน้า") == "th"


def test_thai_titled_names_posts_and_pronouns():
    text = (
        'นางสาวกานดา รุ่งเรือง ประธานชมรมผู้ปลูกลำไย กล่าวว่า "ราคาลำไยตกลงครึ่งหนึ่ง"\n\n'
        'นางสาวกานดายังระบุว่า "เกษตรกรขาดทุนทุกคน"\n\n'
        '"ทางจังหวัดจะรับซื้อผลผลิตส่วนเกิน" นายปรีชา ทองมา เกษตรจังหวัด กล่าว\n\n'
        'เขาเล่าด้วยว่า "ปีหน้าจะมีตลาดกลางแห่งใหม่"\n\n'
        'ด้านโฆษกกระทรวงพาณิชย์ เปิดเผยว่า "จะมีมาตรการช่วยเหลือเร็วๆ นี้"'
    )
    got = _speakers(text)
    assert got[:4] == ["กานดา รุ่งเรือง", "กานดา รุ่งเรือง", "ปรีชา ทองมา", "ปรีชา ทองมา"]
    assert got[4] is not None and got[4].startswith("โฆษก")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Hebrew: a name in apposition after 'according to' a title
        ('לדברי מנכ״ל החברה, ד״ר יונתן גל, "המפעל לא ייסגר".', "יונתן גל"),
        # Hebrew: a relative clause in apposition is no name
        ('המורה דנה שחר, שלימדה בבית הספר שלושים שנה, מספרת: "הילדים השתנו".', "דנה שחר"),
        # Arabic: a subject before its verb, past a relative clause
        (
            "الطبيبة الشابة هالة منير، التي تعمل في القرية منذ عامين، قالت لنا: «نحتاج أدوية».",
            "هالة منير",
        ),
        # Persian: 'one of the residents' speaks unnamed
        (
            "«ما آب آشامیدنی سالم برای بچه‌ها نداریم»، یکی از اهالی روستا گفت.",
            "یکی از اهالی روستا (unnamed)",
        ),
        # Korean: 'X said thus' after the quotation, an age between name and title
        ('"이 길은 밤에 너무 어둡다." 주민 정하늘(52) 씨는 이렇게 말했다.', "정하늘"),
        # Chinese: an adverb in '地' before the verb, a title ending in '农'
        ("果农刘春生高兴地说：“今年的苹果卖了好价钱。”", "刘春生"),
        # Romanian: a dative clitic on the auxiliary ('ne-a spus')
        (
            "„Nu mai avem apă de trei zile”, ne-a spus Elena Dobre, vânzătoare în piață.",
            "Elena Dobre",
        ),
    ],
)
def test_round_two_constructions(text: str, speaker: str):
    assert _speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Hebrew: a rank in gershayim before a name in apposition
        ('לדברי דובר המשטרה, רס״ר עמית לביא, "הנהג נמלט מהמקום".', "עמית לביא"),
        # Hebrew: a hyphenated surname alone after the verb, named in full before
        (
            'חברת המועצה נועה בר-לב התנגדה. "זו טעות חמורה שהעיר עוד תשלם עליה", אמרה בר-לב.',
            "נועה בר-לב",
        ),
        # Arabic: a compound given name ('نور الدين') before the surname
        ("وقال المدرب نور الدين حمامي: «الفريق جاهز للمباراة».", "نور الدين حمامي"),
        # Arabic: a verbal noun after 'not' is no verb ('فضل عدم ذكر اسمه')
        (
            "وقال موظف في البلدية، فضل عدم ذكر اسمه: «الرواتب لم تصرف بعد».",
            "موظف",
        ),
        # Persian: a relative clause with 'که' between the name and the verb
        (
            "دروازه‌بان تیم، بهرام صفری، که دو پنالتی را گرفت، گفت: «امشب شب ما بود».",
            "بهرام صفری",
        ),
        # Chinese: 'he said' after a quotation follows the one who spoke the sentence before
        (
            "市长王立新表示支持。局长赵明指出，经费已经到位。“工程下个月就会正式开工。”他说。",
            "赵明",
        ),
        # Romanian: a relative clause between the subject and 'ne-a spus'
        (
            "Un polițist, care a cerut să nu fie numit, ne-a spus că „ancheta abia a început”.",
            "polițist",
        ),
    ],
)
def test_round_three_constructions(text: str, speaker: str):
    got = _speakers(text)[-1]
    assert got is not None and got.startswith(speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Hebrew: a present tense built from the causative past ('הדגיש' -> 'מדגישה'), and a
        # description, the name, then where she works
        (
            '"המחירים לא ירדו השנה", מדגישה הכלכלנית רונה אדלר מבנק הצפון.',
            "רונה אדלר",
        ),
        # Korean: an occupation before a full name that carries the particle
        ('수비수 한지훈은 "다음 경기는 반드시 이기겠다"고 말했다.', "한지훈"),
    ],
)
def test_round_four_constructions(text: str, speaker: str):
    assert _speakers(text)[-1] == speaker
