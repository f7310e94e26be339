"""Quotations given to another person named in the article, outside English (stop 28, dev12 and
dev12b batches): a Turkish subject put after the verb, a pronoun after an unlisted verb, a person
named in the sentence after its acting subject, a name set off before the colon of a sentence
with a speech verb, a pronoun's antecedent met as an honorific and a surname (invented sentences,
none from the sets)."""

from __future__ import annotations

import pytest

from tests.quotekit import quoted_speakers as _speakers


def _speaker_of(text: str, quote: str) -> str | None:
    return next(s for q, s in _speakers(text) if q.startswith(quote))


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Sarıyaka Belediye Başkanı Kemal Arslan ile meclis üyesi Zehra Aydın tartıştı.\n\n"
            'Aydın ise bu görüşe katılmadı: "Köprünün parası yok."\n\n'
            '"Zehra Aydın yanılıyor," dedi Arslan.',
            "Zehra Aydın yanılıyor",
            "Kemal Arslan",
        ),
        (
            "Sarıyaka Belediye Başkanı Kemal Arslan ile meclis üyesi Zehra Aydın tartıştı.\n\n"
            'Esnaf odası başkanı Hakan Öztürk de söz aldı: "Esnaf zor durumda."\n\n'
            '"Öztürk Bey haklı," dedi Aydın.',
            "Öztürk Bey",
            "Zehra Aydın",
        ),
    ],
)
def test_a_turkish_subject_after_the_verb_speaks(text, quote, speaker):
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "A vereadora Sílvia Moura criticou o presidente da câmara, Henrique Baptista. "
            "“Ninguém foi ouvido”, disse Sílvia Moura.\n\nBaptista negou. “Houve duas "
            "reuniões”, afirmou.\n\n“Saí de lá sem respostas”, ripostou ela.",
            "Saí de lá",
            "Sílvia Moura",
        ),
        (
            "El concejal Andrés Molina criticó a la alcaldesa, Beatriz Campos. «No hay "
            "presupuesto», dijo Molina.\n\n«Lo hay», contestó Campos.\n\n«Enséñenlo», "
            "replicó él.",
            "Enséñenlo",
            "Andrés Molina",
        ),
    ],
)
def test_a_pronoun_after_an_unlisted_verb_is_the_cue(text, quote, speaker):
    assert _speaker_of(text, quote) == speaker


@pytest.mark.xfail(
    strict=True,
    reason="the acting-subject rule (stop 28) won this on dev12b but lost one quote on a kept-apart"
    " set, so it was taken back: the last person named still opens the dropped subject's search",
)
def test_a_person_named_after_the_acting_subject_is_no_subject():
    text = (
        "Wójt Marian Kubiak odpowiedział w poniedziałek na pytania radnej Ewy Sowy. "
        "„Droga będzie gotowa w maju” – zapewnił."
    )
    assert _speaker_of(text, "Droga będzie") == "Marian Kubiak"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Le maire Antoine Berthier a répondu lundi à la préfète du département, Sophie "
            "Garnier : « Nous ne fermerons pas l'école. »",
            "Nous ne fermerons",
            "Antoine Berthier",
        ),
        (
            "Die Trainerin Jana Kowalczyk widersprach dem Präsidenten des Vereins, Martin "
            "Hofer: „Wir haben nie darüber gesprochen.“",
            "Wir haben nie",
            "Jana Kowalczyk",
        ),
    ],
)
def test_a_name_before_the_colon_of_a_speech_verb_sentence_is_its_object(text, quote, speaker):
    assert _speaker_of(text, quote) == speaker


def test_a_pronoun_antecedent_with_an_honorific_reads_in_full():
    text = (
        "La maire de Pontrieux, Nadine Lefort, s'oppose au conseiller Marc Tessier.\n\n"
        "« Le projet est prêt », a déclaré Mme Lefort.\n\n"
        "« Rien n'est prêt », a répliqué Tessier.\n\n"
        "« Marc Tessier n'a pas lu le dossier », a-t-elle rétorqué."
    )
    assert _speaker_of(text, "Marc Tessier n'a") == "Nadine Lefort"


def test_a_title_after_an_unlisted_verb_closing_the_sentence_speaks():
    text = (
        "Wójt Marian Kubiak spotkał się z radną Ewą Sową.\n\n"
        "„Nie ma pieniędzy” – powiedziała Sowa.\n\n"
        "„Pani radna się myli” – odparł wójt."
    )
    assert _speaker_of(text, "Pani radna") == "Marian Kubiak"
