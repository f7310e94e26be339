"""Speaker readers that need no listed word (service.extract.clause_intl, resolve_intl.full_form,
the paragraph-subject reading of a description, dash speech inside a paragraph, short quotations
with a conjugated verb): each case is an invented sentence in the construction it covers."""

from __future__ import annotations

import pytest

from service.extract.name_gender import gender, noun_before_name
from tests.quotekit import quoted_speakers as _speakers


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an inverted verb no list holds, before a full name
        (
            "Skolan i Norrbacka stänger. ”Vart ska barnen ta vägen nu?” grubblar mamman Lina "
            "Holmgren.",
            "Vart ska barnen ta vägen nu?",
            "Lina Holmgren",
        ),
        (
            'A padaria fechou. "Perdi o meu ganha-pão", lamenta-se Joaquim Ferraz, de 66 anos.',
            "Perdi o meu ganha-pão",
            "Joaquim Ferraz",
        ),
        # the named subject of a sentence whose quotation has no cue
        (
            "Sjukhuset i Byholm flyttar och det är inte bra för de som bor på landet. Ordföranden "
            "Gustav Rehnberg kallar flytten ”ett svek mot byn”.",
            "ett svek mot byn",
            "Gustav Rehnberg",
        ),
        (
            "El consistorio, según la oposición, calla. La concejala, Remedios Ballester, tachó "
            "el plan de “una chapuza sin remedio”.",
            "una chapuza sin remedio",
            "Remedios Ballester",
        ),
        # a definite body noun with its name in apposition opens the sentence
        (
            "Los autobuses no salen desde el lunes. La empresa, Transportes Ribereños, se "
            "limitó a decir en una nota que la huelga es “totalmente ilegal”.",
            "totalmente ilegal",
            "Transportes Ribereños",
        ),
        # a body's name runs through its 'of' and 'and'
        (
            "A seca continua no sul do país. Segundo o Instituto Nacional da Água e do Clima, "
            "«as reservas estão a metade do normal».",
            "as reservas estão a metade do normal",
            "Instituto Nacional da Água e do Clima",
        ),
        # a time adjunct after the verb leaves the dropped subject to the sentence before
        (
            "El museo de Villaseca cerrará en verano. La directora, Amparo Lucena, asegura que "
            "la colección se quedará en el pueblo. «No nos vamos a ir», dijo el jueves.",
            "No nos vamos a ir",
            "Amparo Lucena",
        ),
        # a short quotation opening its sentence before a comma and a verb no list holds, with
        # no subject after it: the subject of the sentence before speaks
        (
            "Doña Rosario vive sola en la aldea desde 2019.\n\nSu sobrina, Nieves Carrasco, "
            "la visita los domingos. «Aquí no queda nadie», suspira mientras recoge la mesa.",
            "Aquí no queda nadie",
            "Nieves Carrasco",
        ),
        # a German description no one holds: the person opening a sentence of the paragraph
        (
            "Der Klinikchef Dr. Konrad Weißhaupt lobt den Umbau. Die alten Säle seien „längst "
            "überholt“, meint der Mediziner.",
            "längst überholt",
            "Konrad Weißhaupt",
        ),
        # one later word of a name stands for the full name
        (
            "Banjir yang melanda desa itu belum surut dan warga masih di pengungsian. Kepala Dinas "
            "Sosial Kabupaten Lembah Hijau Ratna Wulandari meninjau lokasi pada hari Senin. "
            '"Kami kirim bantuan hari ini," ujar Ratna.',
            "Kami kirim bantuan hari ini,",
            "Ratna Wulandari",
        ),
        # a pronoun after an 'according to X' sentence of its paragraph stands for X
        (
            "Мэр Тимур Гаврилов открыл школу.\n\nПо словам директора школы Аллы Сорокиной, "
            "ремонт шёл два года. «Дети ждали этого очень долго», — добавила она.",
            "Дети ждали этого очень долго",
            "Алла Сорокина",
        ),
        # dash speech opened after a sentence inside a paragraph
        (
            "Mieszkańcy Lipowca od lat czekają na nowy most, bo stary się sypie i nie jest "
            "bezpieczny. Wójt Ryszard Kaczmarczyk obiecuje, że to się zmieni. "
            "– Most będzie gotowy jesienią – zapewnił.",
            "Most będzie gotowy jesienią",
            "Ryszard Kaczmarczyk",
        ),
    ],
)
def test_clause_shapes_name_the_speaker(text: str, quote: str, speaker: str) -> None:
    got = dict(_speakers(text))
    assert quote in got, got
    assert got[quote] == speaker


def test_short_quotation_with_a_conjugated_verb_is_speech() -> None:
    """A two-word quotation counts as speech when its sentence holds a speech verb the
    conjugation tables give, in a text that is not in English."""
    text = (
        "De gemeente Waterdam sluit het zwembad. ‘Wij hebben geen keus’, zegt wethouder Pim "
        "Dekker. „Het water is te duur”, voegde hij toe.\n\nOppositieleider Sanne Vermeulen "
        "verklaarde dat het besluit ‘volstrekt onbegrijpelijk’ is."
    )
    got = dict(_speakers(text))
    assert got.get("volstrekt onbegrijpelijk") == "Sanne Vermeulen", got


def test_an_opening_noun_before_a_known_first_name_is_not_the_name() -> None:
    assert noun_before_name("ordföranden", "Bengt", "Ekdahl")
    assert not noun_before_name("ministerin", "Anna", "Berg")  # a title: the run reads it
    assert not noun_before_name("maria", "Luisa", "Ferri")  # a first name itself


def test_slavic_surname_endings_give_a_gender() -> None:
    assert gender("Алла Сорокина") == "f"
    assert gender("Тимур Гаврилов") == "m"
    assert gender("Zofia Wróblewska") == "f"
    assert gender("Qzx Park") is None
