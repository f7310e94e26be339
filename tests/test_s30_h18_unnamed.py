"""An unnamed speaker before a colon, with a relative clause or a participle after the noun
(articles invented for this test)."""

from __future__ import annotations

import pytest

from schemas.article import Article
from service.engines import get_engine

CASES = [
    (
        "La cosecha fue mala en el pueblo. Una recolectora que prefirió reservar su nombre "
        "contó: “Este año trabajé la mitad de los días”.",
        "recolectora",
    ),
    (
        "Os barcos param no porto. Um armador que pediu anonimato afirmou: "
        '"Se isto continuar, há barcos que não voltam ao mar".',
        "armador",
    ),
    (
        "Il reparto chiude entro giugno. Una giovane madre incontrata davanti all'ospedale ha "
        "raccontato: «Mia figlia è nata qui due mesi fa».",
        "madre",
    ),
    (
        "La protesta siguió en la calle. Un agente de la Guardia Nacional que pidió no ser "
        "identificado comentó: “Mientras no haya violencia, no vamos a retirar a nadie”.",
        "agente",
    ),
]


@pytest.mark.parametrize(("text", "role"), CASES)
def test_unnamed_subject_with_relative_clause(text: str, role: str) -> None:
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert len(digest.quotes) == 1
    assert role in (digest.quotes[0].speaker or "")
    assert "(unnamed)" in (digest.quotes[0].speaker or "")


BODIES = [
    (
        "Im Gemeinderat wurde gestritten. Das Landratsamt erklärte auf Anfrage, man prüfe "
        "„alle eingereichten Unterlagen mit der gebotenen Sorgfalt“. Mehr sagte es nicht.",
        "Landratsamt",
    ),
    (
        "I commercianti sono preoccupati. Secondo l'associazione dei tartufai, «la siccità ha "
        "dimezzato la produzione in tutta la provincia». Il raccolto è scarso.",
        "associazione dei tartufai",
    ),
]


@pytest.mark.parametrize(("text", "body"), BODIES)
def test_body_named_without_its_article(text: str, body: str) -> None:
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert [q.speaker for q in digest.quotes] == [body]


def test_paper_noun_after_preposition_is_no_speech_verb() -> None:
    # 'nota' is a speech verb elsewhere; after 'em' it is the note the body wrote
    text = (
        'O vereador falou na sessão. A prefeitura informou, em nota, que "todas as famílias '
        'serão atendidas pelo programa". O secretário não comentou.'
    )
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert ["prefeitura" in (q.speaker or "") for q in digest.quotes] == [True]


def test_article_before_a_body_word_is_no_name_particle() -> None:
    text = (
        "Il sindaco parla ai cittadini. La Regione ha spiegato, in una nota, che «tutte le "
        "famiglie saranno aiutate». Poi la seduta è finita."
    )
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert [q.speaker for q in digest.quotes] == ["Regione"]


def test_paper_with_no_owner_is_the_body_named_before() -> None:
    text = (
        "Der Laden war alt.\n\nDie Handelskammer Graz bedauert die Schließung. „Solche Geschäfte "
        "prägen die Altstadt“, heißt es in einer Aussendung. Viele andere haben zugesperrt."
    )
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert [q.speaker for q in digest.quotes] == ["Handelskammer Graz"]


def test_subject_after_a_participle_opener_goes_on_speaking() -> None:
    text = (
        "Para la concejal Luz Marina Restrepo, “los créditos no resuelven nada”. Restrepo pidió "
        "al gobernador que visite la zona. Consultada por este medio, la secretaria de "
        "Agricultura, Diana Carolina Vélez, explicó que el gobernador vendrá en marzo. “Vamos a "
        "escuchar a todos”, puntualizó."
    )
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert [q.speaker for q in digest.quotes] == ["Luz Marina Restrepo", "Diana Carolina Vélez"]


def test_unnamed_subject_with_what_they_work_with() -> None:
    text = (
        "El paro terminó ayer. Un cortador de caña que lleva veinte años en el ingenio dijo: "
        "“Con lo que ganamos apenas alcanza”."
    )
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert [q.speaker for q in digest.quotes] == ["cortador de caña (unnamed)"]


def test_a_group_named_by_its_trade_before_a_colon() -> None:
    text = (
        "Il consultorio chiude entro giugno. Le ostetriche del consultorio hanno scritto in una "
        "lettera: «Nessuno ci ha chiesto un parere». Poi la seduta è finita."
    )
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    assert [q.speaker for q in digest.quotes] == ["ostetriche del consultorio (unnamed)"]
