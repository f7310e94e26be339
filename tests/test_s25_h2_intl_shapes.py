"""Speaker phrases outside English that the stop-25 work reads (service.extract.name_span_intl and
its callers): one of a group, a title whose complement ends in a place or a capitalised domain, a
dropped subject before a manner word, a body's name in quotation marks, the clause after a colon,
Slavic possessives and impersonal plurals, Arabic titles no list holds, a personal name after a
number. Each case is an invented sentence in the construction it covers."""

from __future__ import annotations

import pytest

from service.extract.actors import extract_actors
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute
from tests.quotekit import speaker_by_quote as _speakers


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # one of a group, then the name after a comma (the group is no listed title)
        (
            'Los taxistas cortaron la avenida. "Así no se puede trabajar", se quejó uno de los '
            "conductores, Rigoberto Salcedo, frente al ayuntamiento.",
            "Así no se puede trabajar",
            "Rigoberto Salcedo",
        ),
        (
            "Le marché a fermé. « Je perds tout », soupire une des commerçantes, Odile Ferrand.",
            "Je perds tout",
            "Odile Ferrand",
        ),
        (
            "Sklep zamknięto. – Nie mamy gdzie kupić chleba – mówi jedna z klientek, Irena Wójcik.",
            "Nie mamy gdzie kupić chleba",
            "Irena Wójcik",
        ),
        (
            'Pasar itu sepi. "Dagangan tidak laku," keluh salah satu pedagang, Wati Suryani.',
            "Dagangan tidak laku,",
            "Wati Suryani",
        ),
        # ... and with no comma before a name a known surname ending marks
        (
            "Рынок закрыли. «Нам некуда идти», — говорит одна из продавщиц Галина Морозова.",
            "Нам некуда идти",
            "Галина Морозова",
        ),
        # a title's complement ending in a place before the name
        (
            "Szkoła zostanie zamknięta. – Nie mamy pieniędzy – przyznał wójt Rokitnicy Janusz "
            "Cieślak.",
            "Nie mamy pieniędzy",
            "Janusz Cieślak",
        ),
        # ... or in a capitalised domain
        (
            'A escola fechou. "Os alunos ficam sem aulas", disse a diretora de Português Lúcia '
            "Barros.",
            "Os alunos ficam sem aulas",
            "Lúcia Barros",
        ),
        # a body's name in quotation marks inside the title's complement: no quotation itself
        (
            "Цены выросли. «Мы работаем в минус», — сказал директор завода «Северный Металл» "
            "Павел Зуев.",
            "Мы работаем в минус",
            "Павел Зуев",
        ),
        # an unlisted first word, capitalised only as the sentence's first, before a full name
        (
            'Otuz yıldır balıkçılık yapan Ahmet Çelik, "Denizde balık kalmadı" dedi.',
            "Denizde balık kalmadı",
            "Ahmet Çelik",
        ),
        # Arabic: a title no list holds, with its complement; a description 'called' a name
        (
            'وقال عميد الكلية منير الخطيب: "الامتحانات ستجري في موعدها".',
            "الامتحانات ستجري في موعدها",
            "منير الخطيب",
        ),
        (
            'وقال رجل يدعى سامر النجار: "لم ندرس منذ شهر".',
            "لم ندرس منذ شهر",
            "سامر النجار",
        ),
        # the subject after a verb-second verb, an adverbial first
        (
            "Tåget ställdes in. I ett pressmeddelande skriver trafikchefen Maria Lindqvist att "
            "”vi beklagar förseningen”.",
            "vi beklagar förseningen",
            "Maria Lindqvist",
        ),
        # an outlet's name after the dative, then the titled speaker
        (
            'A fábrica parou. "Não recebemos há três meses", disse à agência Lusa o operário '
            "Rui Fontes.",
            "Não recebemos há três meses",
            "Rui Fontes",
        ),
        # a noun and its name in apposition; a place adjunct between a title's complement and
        # its name
        (
            "Il treno è fermo da ore. «Non ci dicono niente», protesta un pendolare, Sergio Conti.",
            "Non ci dicono niente",
            "Sergio Conti",
        ),
        (
            'El agua no llega. "Los pozos están secos", advierte el alcalde de Villatoro en la '
            "sierra, Eusebio Marín.",
            "Los pozos están secos",
            "Eusebio Marín",
        ),
        # a company's legal form inside the office's name before the person
        (
            'Ankara Gaz AŞ Genel Müdürü Levent Koç, "Kesinti yarın sona erecek" dedi.',
            "Kesinti yarın sona erecek",
            "Levent Koç",
        ),
        # the verb's reflexive and particle after an inverted subject
        (
            'De brug blijft dicht. "Hoe moeten we nu naar school?", vraagt scholier Femke de '
            "Wit zich af.",
            "Hoe moeten we nu naar school?",
            "Femke de Wit",
        ),
    ],
)
def test_speaker_shapes(text: str, quote: str, speaker: str):
    assert _speakers(text)[quote] == speaker


def test_one_of_a_group_without_a_name_is_an_unnamed_member():
    text = "La gare est bloquée. « On ne partira pas », lance l'une des grévistes."
    got = _speakers(text)["On ne partira pas"]
    assert got is not None and "grévistes" in got


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a dropped subject before a manner word: the person the sentence before made its subject
        (
            'O comandante Luís Prata falou primeiro. "Foi muito rápido", disse. A vizinha, Rosa '
            'Lemos, perdeu a casa. "Não tenho para onde ir", disse, emocionada.',
            "Não tenho para onde ir",
            "Rosa Lemos",
        ),
        # the clause after a colon: the sentence before it names the speaker
        (
            "„Das ist zu teuer“, sagte eine Anwohnerin. Bürgermeister Frank Seidel (FDP) "
            "wandte sich an den Stadtrat: Man werde „alle Zahlen sofort offenlegen“.",
            "alle Zahlen sofort offenlegen",
            "Frank Seidel",
        ),
        # 'according to his words': the last subject
        (
            "Директор школы Иван Кротов подтвердил закрытие. По его словам, «денег на ремонт нет».",
            "денег на ремонт нет",
            "Иван Кротов",
        ),
        # a dropped subject after an 'according to' sentence takes its person
        (
            "Burmistrz Jan Nowak chce budować nową drogę przez park. Zdaniem urbanisty Tomasza "
            "Lisa to jest błąd. – Miasto się po prostu zakorkuje – ocenia.",
            "Miasto się po prostu zakorkuje",
            "Tomasz Lis",
        ),
        # a German age for a noun: the person just written of
        (
            "Schlosser Bernd Vogt arbeitet seit 1990 im Werk. „Ich weiß nicht, wie es "
            "weitergeht“, sagt der 61-Jährige.",
            "Ich weiß nicht, wie es weitergeht",
            "Bernd Vogt",
        ),
        # a Slavic impersonal plural: the office at the place spoke
        (
            "Автобусы не ходят. «Рейсы вернут в понедельник», — сообщили в пресс-службе мэрии.",
            "Рейсы вернут в понедельник",
            "пресс-службе мэрии (unnamed)",
        ),
        # a lower-case word the article writes twice after a one-word name belongs to it
        (
            "Il ministro per la Protezione civile ha parlato. «Restate a casa», ha fatto sapere "
            "la Protezione civile in una nota.",
            "Restate a casa",
            "Protezione civile",
        ),
    ],
)
def test_continuity_and_bodies(text: str, quote: str, speaker: str):
    assert _speakers(text)[quote] == speaker


def test_a_personal_name_after_a_number_is_a_person():
    text = "Директор завода №3 Ольга Сафонова объяснила ситуацию. «Мы держимся», — сказала она."
    spans = find_quotes(text)
    names = [a.name for a in extract_actors(text, spans)]
    assert "Ольга Сафонова" in names
    assert _speakers(text)["Мы держимся"] == "Ольга Сафонова"


def test_title_before_subject_name_resolves_to_the_actor_and_keeps_the_role() -> None:
    """The actor is found without its title ('Olaf Brenninger'), so the cue's phrase with the
    title still names that actor, and the title becomes the role."""
    text = (
        "Der Konzern will das Werk in Aurich schließen.\n\n"
        "Bremens Bürgermeister Olaf Brenninger forderte das Unternehmen auf, „mit den "
        "Beschäftigten und nicht gegen sie“ zu planen."
    )
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert [(a.speaker, a.role) for a in atts] == [("Olaf Brenninger", "Bremens Bürgermeister")]
