"""The one shape reader of the clause after a quotation outside English
(service.extract.clause_intl.inverted_any): its three readings, the word-list readers' unknown cue
that only the last may replace, and the engine reaching it. Invented sentences."""

from __future__ import annotations

from service.extract.actors import extract_actors
from service.extract.clause_intl import inverted_any
from service.extract.names import QUOTE_CHARS, Doc
from service.extract.noun_phrases import Cue
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute


def _after(text: str, verb_known: bool = False) -> Cue | None:
    """inverted_any on the clause after the text's one quotation."""
    d = Doc(text)
    marks = [k for k, x in enumerate(d.words) if x in QUOTE_CHARS]
    a, b = marks[0], marks[-1]
    mask = [a <= k <= b for k in range(len(d.words))]
    return inverted_any(d, b + 1, len(d.words), mask, verb_known=verb_known)


def _read(cue: Cue | None) -> tuple[str, str | None, str | None] | None:
    return None if cue is None else (cue.kind, cue.name or cue.surface, cue.role)


SV = "Badhuset stänger. ”Var ska barnen simma nu?” grubblar mamman Lina Holmgren."
PT = 'A padaria fechou. "Perdi o meu ganha-pão", lamenta-se Joaquim Ferraz, de 66 anos.'
ES = "El mercado cierra. «Nos sentimos abandonados», resume mientras carga la compra."
BG = "Пътят е готов. „Струва три милиона“, заяви областният управител Вяра Стоева."


def test_full_name_after_one_word_keeps_its_title() -> None:
    assert _read(_after(SV)) == ("name", "Lina Holmgren", "mamman")
    assert _read(_after(PT)) == ("name", "Joaquim Ferraz", None)  # a comma may close it


def test_no_subject_after_the_word_is_a_dropped_one() -> None:
    assert _read(_after(ES)) == ("implicit", "resume", None)


def test_bare_name_closing_the_sentence_after_a_few_lower_case_words() -> None:
    text = "Според нея „пътят е готов“, смята областният управител Вяра Стоева."
    # the words between are a title with its suffixed article (stop 27), kept as the role
    assert _read(_after(text)) == ("name", "Вяра Стоева", "областният управител")
    assert _after(text.replace("Стоева.", "Стоева пред журналисти.")) is None


def test_a_known_verb_without_speaker_lets_only_the_bare_name_replace_it() -> None:
    assert _read(_after(BG, verb_known=True)) == ("name", "Вяра Стоева", None)
    assert _read(_after(SV, verb_known=True)) == ("name", "Lina Holmgren", None)
    assert _after(PT, verb_known=True) is None
    assert _after(ES, verb_known=True) is None


def test_engine_reads_the_name_after_a_listed_verb_and_an_unlisted_title() -> None:
    text = "Пътят край Равнец е ремонтиран. " + BG.split(". ", 1)[1]
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert [a.speaker for a in atts] == ["Вяра Стоева"]
