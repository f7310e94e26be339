"""Polish, Russian, Swedish, Indonesian and Turkish: language detection, genitive names read in the
nominative, and attribution in each language's word order (invented sentences)."""

from __future__ import annotations

import pytest

from service.extract.actors import extract_actors
from service.extract.declension_intl import nominative
from service.extract.lexicon_intl import language
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Minister powiedział, że rząd nie zmieni planu, ale posłowie są przeciw.", "pl"),
        ("Министр заявил, что правительство не изменит план до конца года.", "ru"),
        ("Ministern säger att regeringen inte har något val och att det är för sent.", "sv"),
        ("Menteri mengatakan bahwa pemerintah akan membangun jalan yang baru untuk warga.", "id"),
        (
            "Bakan, yeni planın bu yıl hayata geçirileceğini ve daha çok yatırım için adım atılacağını söyledi.",
            "tr",
        ),
        ("The minister said that the government would not change the plan this year.", "en"),
        ("وقال الوزير إن الحكومة لن تغير الخطة هذا العام.", "ar"),
    ],
)
def test_language_of_new_languages(text: str, code: str):
    assert language(text) == code


@pytest.mark.parametrize(
    ("genitive", "lang", "name"),
    [
        ("Marka Dudy", "pl", "Marek Duda"),
        ("Pawła Czarneckiego", "pl", "Paweł Czarnecki"),
        ("Katarzyny Zielińskiej", "pl", "Katarzyna Zielińska"),
        ("Сергея Орлова", "ru", "Сергей Орлов"),
        ("Марины Лебедевой", "ru", "Марина Лебедева"),
        ("Игоря Белова", "ru", "Игорь Белов"),
        ("Hans Berg", "sv", "Hans Berg"),
    ],
)
def test_genitive_names_read_in_the_nominative(genitive: str, lang: str, name: str):
    assert nominative(genitive, lang) == name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Rada miasta obradowała w czwartek. „Nie ma na to pieniędzy” – powiedziała "
            "skarbnik Joanna Mazur.",
            "Joanna Mazur",
        ),
        (
            "Projekt budzi spory. Według rzecznika urzędu Jacka Malinowskiego plan jest "
            "„w pełni bezpieczny”.",
            "Jacek Malinowski",
        ),
        (
            "Совет собрался в среду. «Денег на это нет», — сказал мэр города Павел Громов.",
            "Павел Громов",
        ),
        (
            "Решение вызвало споры. По словам эксперта Дмитрия Соколова, план «слишком дорогой».",
            "Дмитрий Соколов",
        ),
        (
            "Rådet möttes i går. ”Vi har inga pengar till det”, säger förbundets ordförande "
            "Eva Lindgren.",
            "Eva Lindgren",
        ),
        (
            'Dewan kota bersidang kemarin. "Kami tidak punya dana untuk itu," kata Ketua DPRD '
            "Kota Lestari, Bayu Saputra.",
            "Bayu Saputra",
        ),
        (
            "El pleno votó ayer. En opinión de la concejala, Rosa Pardo, el presupuesto es "
            "«insuficiente para los barrios».",
            "Rosa Pardo",
        ),
        (
            'Meclis toplandı. Ulaştırma Bakanı Levent Çelik, "Bunun için bütçe yok" dedi.',
            "Levent Çelik",
        ),
    ],
)
def test_attribution_in_new_languages(text: str, speaker: str):
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert atts and atts[-1].speaker == speaker
