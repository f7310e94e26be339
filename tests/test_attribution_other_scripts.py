"""Speaker attribution in scripts and languages outside Europe's Latin-script core: Traditional
Chinese read through the Simplified fold, surname-only follow-ups in Chinese, Japanese and
Korean, Hebrew appositions and 'לדבריו', Hindi adjuncts before the verb, Persian (its own reader),
an Arabic surname alone after its verb, Vietnamese two-syllable verbs, a Russian press office
and a Turkish ministry's written statement. Invented sentences, names and places."""

from __future__ import annotations

import pytest

from schemas.article import Article
from service.engines import get_engine
from service.extract.lexicon_intl import language


def _speakers(text: str) -> list[str | None]:
    digest = get_engine("rules").digest(Article(id="t", title=None, text=text))
    return [q.speaker for q in digest.quotes]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Traditional characters: '議員' and '表示' match the Simplified lists once folded
        (
            "市府明年預算昨天送進議會審查。\n\n台南市議員陳柏宇昨天受訪時表示：「預算必須全部公開。」",
            ["陳柏宇"],
        ),
        # a time word between the name and the verb, then a pronoun with an adverb
        (
            "区长赵永红今天在会上指出：“河道整治已经完成。”\n\n“明年还要继续投入。”她还说。",
            ["赵永红", "赵永红"],
        ),
        # the surname and a title stand for the full name given before
        (
            "川口市の高橋誠一市長は5日、「新しい図書館を建てる」と述べた。\n\n"
            "高橋市長は「住民の声を聞いた」と語っている。",
            ["高橋誠一", "高橋誠一"],
        ),
        (
            '이수진 동해시장은 3일 "관광객이 크게 늘었다"고 말했다.\n\n'
            '이 시장은 "내년에도 축제를 열겠다"고 덧붙였다.',
            ["이수진", "이수진"],
        ),
        # an apposition's closing comma before the verb; 'according to him'
        (
            "מועצת העמק אישרה אתמול את תקציב השנה.\n\nראש המועצה, דני לוין, אמר הבוקר כי "
            '"התקציב מאוזן ואושר ברוב גדול". לדבריו, "העבודות בכביש יתחילו בקיץ".',
            ["דני לוין", "דני לוין"],
        ),
        # a day between 'ने' and the verb; the surname alone later
        (
            'जिला कलेक्टर अनिल शर्मा ने सोमवार को कहा, "सड़कें जल्द बनेंगी।"\n\n'
            'शर्मा ने कहा, "काम शुरू हो गया है।"',
            ["अनिल शर्मा", "अनिल शर्मा"],
        ),
        (
            "شهردار شهر، علی رضایی، روز شنبه در جمع خبرنگاران گفت: «پروژه تا پایان سال تمام می‌شود.»"
            "\n\nاو افزود: «بودجه کافی است.»",
            ["علی رضایی", "علی رضایی"],
        ),
        # a surname carrying the article, alone after its verb, named in full before
        (
            "أعلن وزير المالية الدكتور يوسف الخطيب عن موازنة جديدة. وقال الخطيب في مؤتمر صحفي: "
            '"العجز سينخفض هذا العام".',
            ["يوسف الخطيب"],
        ),
        (
            "Phát biểu tại hội nghị, bà Lê Thu Hà, Phó Giám đốc Sở Y tế, cho biết: "
            '"Dịch bệnh đã được kiểm soát."\n\n"Chúng tôi không chủ quan," bà Hà nhấn mạnh.',
            ["Lê Thu Hà", "Lê Thu Hà"],
        ),
        (
            'Sağlık Bakanlığından yapılan yazılı açıklamada, "Salgın kontrol altında" denildi.',
            ["Sağlık Bakanlığı"],
        ),
    ],
)
def test_named_speakers(text: str, want: list[str]):
    assert _speakers(text) == want


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("谈判昨天再次中断。\n\n一名不愿透露姓名的官员透露：“双方的谈判已经彻底破裂。”", "官员"),
        ("市の担当者は「調査を続けている」と話した。", "担当者"),
        ('조합 관계자는 "협상이 결렬됐다"고 밝혔다.', "관계자"),
        ('דובר המשטרה מסר בתגובה: "החקירה נמשכת".', "דובר"),
        ("سخنگوی وزارت بهداشت نیز گفت که «واکسن به اندازه کافی وجود دارد».", "سخنگوی"),
        ('"Việc sửa chữa sẽ xong trước Tết," đại diện nhà thầu giải thích.', "đại diện"),
        ("В пресс-службе мэрии сообщили, что «ремонт завершится в срок».", "пресс-службе"),
    ],
)
def test_unnamed_speakers_keep_their_role(text: str, role: str):
    (got,) = _speakers(text)
    assert got is not None and role in got and got.endswith("(unnamed)")


def test_persian_is_told_from_arabic():
    assert language("او روز دوشنبه گفت که پروژه تا پایان سال تمام می‌شود و بودجه کافی است.") == "fa"
    assert language("وقال الوزير في مؤتمر صحفي إن المشروع سيكتمل قبل نهاية العام الجاري.") == "ar"


def test_a_new_sentence_after_a_quotation_opened_by_a_colon_gives_no_speaker():
    # '他还说' opens the next sentence: the quotation belongs to the clause before its colon
    text = "城东新区的道路工程进入最后阶段。\n\n局长孙立新表示：“整个工程将在下个月全部完工。”他还说，资金已经到位。"
    assert _speakers(text) == ["孙立新"]
