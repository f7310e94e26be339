"""Who said it in French, Dutch and Turkish, from stop 30's dev21 batch (invented sentences, none
from the set): French object pronouns before an inverted verb ('l'a interrogé', 'lui a demandé',
'nous a confié'), a lawyer written 'Me X' then 'l'avocate', Dutch
'klinkt het bij X' and 'laat een woordvoerder weten', Turkish case endings after a name's
apostrophe ('Demir'e göre') and 'X tarafından yapılan açıklamada ... ifadelerine yer verildi'."""

from __future__ import annotations

import pytest

from tests.quotekit import quoted_speakers as _speakers


def _speaker_of(text: str, quote: str) -> str | None:
    return next(s for q, s in _speakers(text) if q.startswith(quote))


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
    ],
)
def test_dev21_shapes(text: str, quote: str, want: str) -> None:
    assert _speaker_of(text, quote) == want
