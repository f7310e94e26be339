"""Czech, Slovak, Croatian, Ukrainian, Romanian, Hungarian, Greek, Danish, Norwegian, Finnish,
Catalan, Bulgarian, Vietnamese, Chinese, Japanese, Korean, Hindi and Hebrew: language detection,
generated verb forms, and attribution in each language's word order (invented sentences)."""

from __future__ import annotations

import pytest

from service.extract import cues_new_intl, verbs_new_intl
from service.extract.actors import extract_actors
from service.extract.declension_intl import nominative
from service.extract.lexicon_intl import language
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Starosta řekl, že město opravu zaplatí, protože most je v havarijním stavu a také", "cs"),
        (
            "Primár povedal, že nemocnica sa zatvorí, ak sa nenájdu lekári, a aj kraj je proti.",
            "sk",
        ),
        ("Gradonačelnik je rekao da grad nije dobio novac i da su radovi također stali.", "hr"),
        (
            "Primarul a declarat că orașul nu are bani și că lucrările sunt oprite pentru moment.",
            "ro",
        ),
        ("A polgármester azt mondta, hogy a városnak nincs pénze, és a munka már leállt.", "hu"),
        ("Ο δήμαρχος δήλωσε ότι ο δήμος δεν έχει χρήματα και ότι τα έργα θα σταματήσουν.", "el"),
        ("Borgmesteren siger, at kommunen ikke har penge, og at arbejdet også er stoppet.", "da"),
        ("Ordføreren sier at kommunen ikke har penger, og at arbeidet også er stoppet etter", "no"),
        ("Kunnanjohtaja sanoi, että kunnalla ei ole rahaa ja että työt ovat jo pysähtyneet.", "fi"),
        ("L'alcalde va dir que l'Ajuntament no té diners i que les obres també s'aturen.", "ca"),
        ("The mayor said that the council had no money and that the works had stopped.", "en"),
        ("市议会周三开会，市长表示资金不足，工程已经停止。", "zh"),
        ("시의회는 수요일 회의를 열었고 시장은 예산이 부족하다고 말했다.", "ko"),
        ("מועצת העיר התכנסה ביום רביעי וראש העיר אמר שאין כסף לעבודות.", "he"),
        ("नगर परिषद की बैठक बुधवार को हुई और महापौर ने कहा कि पैसा नहीं है।", "hi"),
        ("Hội đồng thành phố đã họp vào thứ Tư và ông chủ tịch cho biết không có tiền.", "vi"),
        ("市議会は水曜日に開かれ、市長は資金が足りないと述べた。", "ja"),
        ("The council met in 北河 on Wednesday and the mayor said there was no money left.", "en"),
    ],
)
def test_language_of_more_languages(text: str, code: str):
    assert language(text) == code


def test_slavic_and_catalan_verb_forms_are_generated():
    v = verbs_new_intl.SPEECH_VERBS
    assert {"řekla", "uvedli", "uviedla", "izjavila", "dodala", "istaknula"} <= v
    assert {"заявила", "додали", "va", "explicat", "afegeix", "dir"} - {"va"} <= v
    assert "va" not in v  # the Catalan auxiliary is read beside the verb, not as one


def test_finnish_genitive_before_mukaan_read_in_the_nominative():
    assert cues_new_intl._finnish_nominative("Liisa Virtasen") == "Liisa Virtanen"
    assert cues_new_intl._finnish_nominative("Rantalan") == "Rantala"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Zastupitelstvo jednalo ve čtvrtek. „Na to nemáme peníze,“ uvedla radní Hana Kolářová.",
            "Hana Kolářová",
        ),
        (
            "Vijeće je zasjedalo u srijedu. „Novca za to nema”, rekla je pročelnica Vesna Kralj.",
            "Vesna Kralj",
        ),
        (
            "Рада зібралася в середу. «Грошей на це немає», – заявила депутатка Ірина Савчук.",
            "Ірина Савчук",
        ),
        (
            "Consiliul s-a întrunit miercuri. „Nu avem bani pentru asta”, a declarat primarul "
            "orașului, Radu Enache.",
            "Radu Enache",
        ),
        (
            "A testület szerdán ülésezett. „Erre nincs pénz” – közölte a hivatal szóvivője, "
            "Kerekes Zsófia.",
            "Kerekes Zsófia",
        ),
        (
            "Το συμβούλιο συνεδρίασε την Τετάρτη. «Δεν υπάρχουν χρήματα», δήλωσε ο αντιδήμαρχος "
            "Πέτρος Βλάχος.",
            "Πέτρος Βλάχος",
        ),
        (
            "Byrådet mødtes onsdag. »Der er ingen penge til det,« siger rådmand Sofie Krogh.",
            "Sofie Krogh",
        ),
        (
            "Kommunestyret møttes onsdag.\n\n– Det finnes ingen penger til dette, sier "
            "varaordfører Ola Rønning.",
            "Ola Rønning",
        ),
        (
            "Valtuusto kokoontui keskiviikkona. ”Rahaa ei ole”, sanoi kaupunginjohtaja Ilkka Vainio.",
            "Ilkka Vainio",
        ),
        (
            "El ple es va reunir dimecres. «No hi ha diners per a això», va dir la regidora, "
            "Marta Soler.",
            "Marta Soler",
        ),
        ("南岭县议会周三开会。“这笔钱根本不够，”县长孙海涛说。", "孙海涛"),
        ("南岭县议会周三开会。交通局发言人周文静表示：“工程将推迟半年。”", "周文静"),
        (
            "南嶺町議会が水曜日に開かれた。町長の小林健一氏は「今年度の予算では工事を続けられない」と述べた。",
            "小林健一",
        ),
        (
            "南嶺町議会が水曜日に開かれた。「工事は半年遅れる」と担当者の中村真理さんは話した。",
            "中村真理",
        ),
        (
            "시의회가 수요일 열렸다. 최영호 시장은 “올해 예산으로는 공사를 마칠 수 없다”고 말했다.",
            "최영호",
        ),
        (
            "नगर परिषद की बैठक हुई। महापौर रमेश यादव ने कहा, “इस साल सड़क का काम पूरा नहीं होगा।”",
            "रमेश यादव",
        ),
        (
            "Hội đồng xã họp chiều qua. “Năm nay chúng tôi không đủ tiền làm đường”, ông Đỗ Văn Nam, "
            "Chủ tịch xã, cho biết.",
            "Đỗ Văn Nam",
        ),
        (
            "Общинският съвет заседава в сряда. „Няма пари за ремонта“, заяви общинският "
            "съветник Петър Илиев.",
            "Петър Илиев",
        ),
        (
            'מועצת העיר התכנסה אתמול. "אין לנו כסף לכביש השנה", אמרה סגנית ראש העיר רונית שגיא.',
            "רונית שגיא",
        ),
        (
            "Rada se sešla ve středu. Podle radní Jany Novákové je rozpočet „příliš optimistický "
            "a nepočítá s inflací“.",
            "Jana Nováková",
        ),
        (
            "Το συμβούλιο συνεδρίασε χθες. Σύμφωνα με τον αντιδήμαρχο Νίκο Αλεξόπουλο, «τα χρήματα "
            "δεν φτάνουν για όλα τα έργα».",
            "Νίκος Αλεξόπουλος",
        ),
        (
            "Zastupitelstvo jednalo v pondělí. „Peníze na opravu školy chybí,“ řekl po jednání "
            "starosta obce Václav Beneš.",
            "Václav Beneš",
        ),
        (
            "Kunnanvaltuusto kokoontui eilen. Liisa Virtasen mukaan hanke on ”liian kallis”.",
            "Liisa Virtanen",
        ),
    ],
)
def test_attribution_in_more_languages(text: str, speaker: str):
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert atts and atts[-1].speaker == speaker


def test_caseless_speakers_become_actors():
    """No capitals mark a Chinese or Hindi name: the cue that names a speaker makes it an actor."""
    text = "南岭县议会周三开会。交通局发言人周文静表示：“工程将推迟半年，费用不变。”"
    actors = extract_actors(text, find_quotes(text))
    assert [a.name for a in actors] == ["周文静"]


@pytest.mark.parametrize(
    ("genitive", "lang", "name"),
    [
        ("Андрія Коваленка", "uk", "Андрій Коваленко"),
        ("Ірини Ковальової", "uk", "Ірина Ковальова"),
        ("Karla Bureše", "cs", "Karel Bureš"),
        ("Jany Novákové", "cs", "Jana Nováková"),
        ("Evy Demjanovej", "sk", "Eva Demjanová"),
    ],
)
def test_ukrainian_czech_slovak_genitives_read_in_the_nominative(genitive, lang, name):
    assert nominative(genitive, lang) == name


def test_ukrainian_told_from_russian_by_its_letters():
    assert (
        language("Міністр заявив, що уряд не змінить план до кінця року, і депутати проти.") == "uk"
    )
    assert language("Министр заявил, что правительство не изменит план до конца года.") == "ru"
