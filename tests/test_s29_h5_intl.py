"""Speaker attribution outside Europe's Latin-script core, stop 29 (dev16, dev16b): the subject of
an earlier verb that is not one of speech (Arabic), openings before a Persian subject, one-word
Hebrew surnames read in full, Japanese '々' and the quotative 'と' with any verb, a Korean body
between name and title, a Chinese pronoun after a sentence opened by a titled name, a Taiwanese
date, Indonesian descriptions closed by 'itu', Malay styles, Hindi 'एक', Turkish 'açıklamasında
bulundu'. Invented sentences, names and places."""

from __future__ import annotations

import pytest

from schemas.article import Article
from service.engines import get_engine


def _speakers(text: str) -> list[str | None]:
    digest = get_engine("rules").digest(Article(id="t", title=None, text=text))
    return [q.speaker for q in digest.quotes]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Arabic: 'وقال' with no subject goes on from the titled name after 'هاجم' (not a
        # speech verb) opening the clause before it
        (
            'قال الوزير عادل الزين إن "الخطة جاهزة".\n\n'
            "من جهته، هاجم النائب سليم الراشد القرار، وقال: «هذا خطأ كبير».",
            ["عادل الزين", "سليم الراشد"],
        ),
        # an unlisted title with a definite adjective, then 'بن' and a surname alone later
        (
            'قال حارس المرمى الدولي نادر بن سالم إن "الفريق قوي".\n\n«سنفوز غداً»، أكد بن سالم.',
            ["نادر بن سالم", "نادر بن سالم"],
        ),
        # Persian: an adjunct closed by a comma opens the clause; 'دکتر' is no part of the name
        (
            "در همین حال، رئیس بیمارستان، دکتر سارا امینی، گفت: «تخت خالی نداریم».",
            ["سارا امینی"],
        ),
        # 'به گفته' (according to) and a fronted object ('این را')
        (
            "به گفته مینا احمدی، کارشناس آب، «سد تا تابستان خالی می‌شود».\n\n"
            "«باید مصرف را کم کنیم»، این را احمدی در پایان گفت.",
            ["مینا احمدی", "مینا احمدی"],
        ),
        # Hebrew: a surname alone after the verb, the full name met in a sentence with no cue
        (
            'השר אבי גולן אמר: "התוכנית תאושר".\n\n'
            'חבר הכנסת יואב שמיר ביקר במקום. "המצב בשטח קשה מאוד", אמר שמיר.',
            ["אבי גולן", "יואב שמיר"],
        ),
        # a degree before the name, an apposition after it
        (
            'פרופ\' מיכל רון, חוקרת אקלים, אמרה: "הקיץ יהיה חם".',
            ["מיכל רון"],
        ),
        # Japanese: the iteration mark inside a name; the quotative 'と' with an unlisted verb
        (
            "大阪市の野々村健太社長は10日の会見で「今年の売上は大きく伸びた」と述べた。\n\n"
            "「今年こそ必ず優勝を勝ち取る」と主将の木村翔太選手は力を込めた。",
            ["野々村健太", "木村翔太"],
        ),
        # Korean: a ministry between the name and the title; 'a (certain) resident'
        (
            '정수진 환경부 장관은 "규제를 강화하겠다"고 말했다.\n\n한 주민은 "밤마다 냄새가 너무 심하다"고 말했다.',
            ["정수진", "주민 (unnamed)"],
        ),
        # Chinese: the pronoun names the titled person who opened the sentence before it
        (
            "市长王刚说：“新桥下月通车。”\n\n教育局局长孙丽对此持不同看法。她表示：“学校周边太拥挤。”",
            ["王刚", "孙丽"],
        ),
        # Taiwanese date: the day in parentheses between the name and the verb
        (
            "立委陳美玲昨（3）日表示：「這項預算應該刪除。」",
            ["陳美玲"],
        ),
        # Indonesian: a description closed by 'itu' after a sentence that brings the speaker in
        (
            '"Kami siap," kata Wali Kota Rina Marlina.\n\n'
            "Anggota DPRD Budi Santosa menilai rencana itu terburu-buru. "
            '"Ini tidak adil bagi warga," tegas politikus itu.',
            ["Rina Marlina", "Budi Santosa"],
        ),
        # Malay: the styles before a name are not part of it
        (
            'Tan Sri Ahmad Kamal berkata, "Projek ini penting untuk negeri."',
            ["Ahmad Kamal"],
        ),
        # Hindi: after 'एक' (a) the word before the name describes it
        (
            'एक दुकानदार मोहन ने कहा, "बाज़ार दो दिन से बंद है।"',
            ["मोहन"],
        ),
        # Turkish: 'açıklamasında bulundu' (said in a statement) closes the sentence
        (
            'Mahalle sakini Emine Aksoy de "Üç gündür su yok" açıklamasında bulundu.',
            ["Emine Aksoy"],
        ),
    ],
)
def test_other_scripts_speakers(text: str, want: list[str]):
    assert _speakers(text) == want
