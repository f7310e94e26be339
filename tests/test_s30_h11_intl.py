"""Who said it in French, Dutch and Turkish, from stop 30's dev21 batch (invented sentences, none
from the set): French object pronouns before an inverted verb ('l'a interrogé', 'lui a demandé',
'nous a confié'), a lawyer written 'Me X' then 'l'avocate', Dutch
'klinkt het bij X' and 'laat een woordvoerder weten', Turkish case endings after a name's
apostrophe ('Demir'e göre') and 'X tarafından yapılan açıklamada ... ifadelerine yer verildi'."""

from __future__ import annotations

import pytest

from tests.quotekit import speaker_of as _speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "want"),
    [
        (
            "Le procès s'est ouvert lundi. « Pourquoi ces virements ? », l'a interrogé la juge, "
            "Hélène Wautier.",
            "Pourquoi",
            "Hélène Wautier",
        ),
        (
            "La mairie de Pontivière ferme la piscine. « Nous n'avions plus le choix », nous a "
            "confié le maire, Gaëtan Roux.",
            "Nous n'avions",
            "Gaëtan Roux",
        ),
        (
            "Le prévenu conteste. « Mon client n'a rien volé », a plaidé Me Agathe Servais. Le "
            "procureur Luc Damien a requis un an. Selon l'avocate, « le dossier est vide ».",
            "le dossier",
            "Agathe Servais",
        ),
        (
            "De winkels in Oudewaard klagen. Burgemeester Piet Hoeks belooft beterschap. "
            '"Er komt geen klant meer", klinkt het bij slager Wim de Bruin.',
            "Er komt",
            "Wim de Bruin",
        ),
        (
            "Het museum sluit in juni. ‘We zoeken een nieuwe plek’, laat een woordvoerder weten.",
            "We zoeken",
            "woordvoerder (unnamed)",
        ),
        (
            "Sel sonrası ilçede çalışmalar sürüyor. Belediye Başkanı Ali Korkmaz açıklama yaptı. "
            'İl Müdürü Selim Ergün\'e göre, "dere yatağı temizlenmedi".',
            "dere yatağı",
            "Selim Ergün",
        ),
        (
            'İlçede elektrik kesildi. Valilik tarafından yapılan açıklamada ise "Çalışmalar '
            'sürüyor, elektrik yarın sabah gelecek" ifadelerine yer verildi.',
            "Çalışmalar",
            "Valilik (unnamed)",
        ),
        (
            "Le procès de l'ancien comptable Marc Dufour s'est ouvert. Me Inès Colard le défend. "
            "Selon Me Colard, « le dossier ne tient pas ».",
            "le dossier",
            "Inès Colard",
        ),
        (
            "À la barre, l'accusé, un ouvrier de Moirans, a parlé longtemps. « Je ne voulais "
            "blesser personne », a-t-il répété.",
            "Je ne voulais",
            "accusé (unnamed)",
        ),
        (
            "Wethouder Sanne de Wit sluit het zwembad. ‘Het kost te veel geld’, zegt De Wit. "
            "Volgens haar is er ‘geen andere verantwoorde keuze’ voor de gemeente Oudewaard.",
            "geen andere",
            "Sanne de Wit",
        ),
        (
            "Trainer Dirk Peeters bracht in de tweede helft Joris Maes. Peeters was tevreden."
            '\n\n"Dit is een droom voor mij, echt waar", lachte Maes na afloop van de wedstrijd.',
            "Dit is een droom",
            "Joris Maes",
        ),
        (
            "İlçede su kesildi. Su ve Kanalizasyon İdaresi (ASKİ) Genel Müdürü Serdar Tekin "
            'yaptığı açıklamada, "Boru hattı tamamen yenilenecek" ifadelerini kullandı.',
            "Boru hattı",
            "Serdar Tekin",
        ),
        (
            "Le FC Brévannes a gagné, grâce à l'entraîneur Paul Mercadier. Le président Alain "
            "Bosc était absent. « On a tenu jusqu'au bout », a salué le technicien.",
            "On a tenu",
            "Paul Mercadier",
        ),
        (
            "Le conseil a voté le plan. L'échevine des Travaux, Nadia Berrada, a montré la carte. "
            "Le bourgmestre Luc Thys a parlé ensuite. « Les travaux dureront six mois », a précisé "
            "l'échevine.",
            "Les travaux",
            "Nadia Berrada",
        ),
        (
            "La Fribourgeoise Léa Jaquet a fini deuxième du slalom. « J'ai manqué une porte en "
            "haut », a reconnu la skieuse de Charmey, qui vise le globe.",
            "J'ai manqué",
            "Léa Jaquet",
        ),
        (
            "Eski Belediye Başkanı Cengiz Tunç hapis cezasına çarptırıldı. Duruşmada son sözleri "
            'sorulan Tunç, "Hiçbir ihalede usulsüzlük yapmadım" dedi.',
            "Hiçbir ihalede",
            "Cengiz Tunç",
        ),
    ],
)
def test_dev21_shapes(text: str, quote: str, want: str) -> None:
    assert _speaker_of(text, quote) == want


def test_answer_to_a_question_put_to_someone() -> None:
    """'« ... ? », lui a demandé la présidente. « ... »': the one asked answers; a question the
    speaker asks themselves keeps its speaker."""
    text = (
        "Le procès de Julien Masset, ancien trésorier du club de Vernay, s'est ouvert mardi. « Je "
        "n'ai jamais rien pris », a affirmé Julien Masset. « Alors pourquoi ces virements ? », "
        "lui a demandé la présidente du tribunal, Claire Dumont. « C'étaient des avances. »"
    )
    assert _speaker_of(text, "C'étaient") == "Julien Masset"
    assert _speaker_of(text, "Alors pourquoi") == "Claire Dumont"
    own = (
        "Le maire de Vernay, Paul Girard, a parlé du budget. L'adjointe Claire Dumont a présenté "
        "les comptes. « Pourquoi attendre encore ? », s'interroge Paul Girard. « Il faut agir "
        "maintenant. »"
    )
    assert _speaker_of(own, "Il faut agir") == "Paul Girard"


def test_answer_in_spanish_and_an_article_that_is_no_clitic() -> None:
    """'le preguntó la jueza' puts the question to someone; 'les habitants' is an article and a
    noun, no object pronoun, so nothing is handed back."""
    es = (
        "El juicio contra Pedro Salas empezó el lunes en Valdemora. « No robé nada », dijo Pedro "
        "Salas. « ¿Y las transferencias? », le preguntó la jueza Ana Ruiz. « Eran anticipos del "
        "club. »"
    )
    assert _speaker_of(es, "Eran anticipos") == "Pedro Salas"
    fr = (
        "Le maire Paul Girard a parlé de l'usine de Vernay. « Nous ferons tout », a dit Paul "
        "Girard. « Pourquoi maintenant ? », a demandé Claire Dumont, une ouvrière. « On ne sait "
        "rien du tout. »"
    )
    assert _speaker_of(fr, "On ne sait") == "Claire Dumont"
