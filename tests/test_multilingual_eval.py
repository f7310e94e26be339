"""The invented multilingual evaluation set (tests/data/multilingual/) scored by
scripts/eval_multilingual.py, with floors; and attribution cases of the languages' grammar: titles,
affiliations and asides kept out of names, unnamed sources, bodies named by their kind, epithets."""

from __future__ import annotations

import pytest

from service.extract.actors import extract_actors
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute


def _eval_script():
    import importlib.util
    import sys
    from pathlib import Path

    if "eval_multilingual" in sys.modules:
        return sys.modules["eval_multilingual"]
    path = Path(__file__).resolve().parent.parent / "scripts" / "eval_multilingual.py"
    spec = importlib.util.spec_from_file_location("eval_multilingual", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_multilingual"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


# Floors a little under what the engine reaches (scripts/eval_multilingual.py prints the figures);
# 'dev' is the half the rules were developed against; 'test' and 'holdout' were written afterwards
# and read after their first scores; 'holdout2' was written last and never tuned on (see
# tests/data/multilingual/README.md).
_FLOORS = {
    "dev": (95.0, 90.0, 80.0),
    "test": (95.0, 88.0, 75.0),
    "holdout": (95.0, 90.0, 75.0),
    "holdout2": (95.0, 82.0, 0.0),
    # Polish, Russian, Swedish, Indonesian, Turkish and more Dutch: 'dev2' tuned on; 'holdout3'
    # written before any rule for them (50.0% then), scored once after the dev2 work (66.7%), then
    # read and general gaps closed (90.0%); dialogue dashes then took its recall 88.2 -> 94.1
    "dev2": (88.0, 80.0, 50.0),
    "holdout3": (90.0, 85.0, 0.0),
    # Czech, Slovak, Croatian, Ukrainian, Romanian, Hungarian, Greek, Danish, Norwegian, Finnish,
    # Catalan, Chinese, Japanese, Korean, Hindi, Vietnamese, Hebrew and probes: tuned on (36.0% -> 93.4%)
    "dev-new": (95.0, 90.0, 50.0),
    # all thirteen languages in varied house styles, developed against in stop 24 (70.8% before)
    "dev3": (95.0, 88.0, 60.0),
    # all thirteen languages again, developed against in stop 25 (59.6% on its first 47 quotes
    # before; English, left to the English rules, is the per-language low)
    "dev5": (95.0, 88.0, 40.0),
    # English from Kenyan, Nigerian, Indian, British, Australian and South African papers,
    # developed against in stop 25 (72.7% before)
    "dev-en": (95.0, 95.0, 0.0),
    # English from Irish, Scottish, South African, Nigerian, Kenyan, Indian, Pakistani,
    # Australian, New Zealand, Canadian and UK papers, developed against in stop 27 (71.0% before;
    # with its third-round Welsh, Zimbabwean, Ghanaian, Ugandan and Singaporean batches 89.9%)
    "dev-en2": (95.0, 94.0, 0.0),
    # sixteen languages in varied styles, developed against in stop 26 (75.0% before)
    "dev6": (95.0, 92.0, 70.0),
    # Danish, Norwegian, Slovak, Portuguese, French, Catalan: the stop-26 leftovers (78.9% before)
    "dev7": (95.0, 94.0, 60.0),
    # eighteen languages (Latvian, Estonian, Lithuanian among them), developed against in stop 27
    # (76.6% before; its second batch 73.9% at its first reading)
    "dev8": (95.0, 95.0, 60.0),
    # a sixth dev8 batch (ten languages, wire, regional, court, sport, liveblog, interview),
    # written in the stop-27 third round before its rules were read (63.6% before)
    "dev8b": (97.0, 90.0, 30.0),
    # twelve European languages in liveblog, court, sports and interview styles, developed
    # against in stop 27 (72.2% on the unchanged code for all three batches)
    "dev9": (97.0, 90.0, 65.0),
    # a fresh European batch heavy in unnamed and institutional sources, developed against in
    # stop 27's third round (70.7% on the unchanged code)
    "dev9b": (97.0, 82.0, 60.0),
    # seventeen languages outside Europe's Latin-script core (Chinese in both scripts, Persian,
    # Malay, Swahili, Tagalog among them), developed against in stop 28 (41.5% before); Bulgarian
    # (read as Russian) and Tagalog (no rules) are the per-language lows
    "dev11": (95.0, 90.0, 30.0),
    # a second batch in the same languages, written after the dev11 work (65.9% at its first
    # reading), developed against in a last round
    "dev11b": (95.0, 85.0, 45.0),
    # eight European languages and Turkish, two or three people quoted in turn (pronoun and
    # surname follow-ups, a person named in the quoting sentence who is not the speaker), written
    # in stop 28's second round: 92.0% (dev12) and 77.3% (dev12b) at first reading, then read
    "dev12": (97.0, 95.0, 80.0),
    "dev12b": (97.0, 82.0, 35.0),
    # eight languages whose speakers appear in declined forms, behind titles and degrees, with a
    # place or body after the name and by surname or patronymic later, written in stop 28's third
    # round: 61.8% at first reading, then developed against
    "dev13": (97.0, 90.0, 70.0),
    # eighteen European languages, written at the start of stop 28 before its rules were read
    # (78.6% on the unchanged code) and developed against
    "dev10": (97.0, 94.0, 60.0),
    # fourteen European languages, written after the stop-28 changes (80.0% at its first
    # reading, 74.3% on the code before them), then read
    "dev10b": (95.0, 88.0, 40.0),
    # eight European languages, speakers written beside a quotation with no speech verb (a
    # heading line ending in a colon, the subject of the sentence after it), written in stop
    # 28's third round: 58.8% at first reading (20 of 21 misses left with no speaker), 100% after
    "dev14": (97.0, 92.0, 85.0),
    # eight European languages and Russian, two to four people quoted in turn (pronoun, title
    # and surname follow-ups, a liveblog, a court report, a quotation run on), written at the start
    # of stop 29: 73.0% at first reading, then developed against; dev15b, written after those
    # changes, 82.1% at its first reading (74.4% on the code before them), then read
    "dev15": (97.0, 86.0, 50.0),
    "dev15b": (97.0, 90.0, 60.0),
    # Arabic, Persian, Hebrew, Turkish, Indonesian, Japanese, Chinese and Korean, several people
    # quoted in turn, written at the start of stop 29 (69.4% on the unchanged code); and a second
    # batch in twelve languages written after that work (67.4% at its first reading); both then
    # developed against
    "dev16": (97.0, 95.0, 80.0),
    "dev16b": (97.0, 92.0, 75.0),
    # a third batch in the same twelve languages, written after the second round (62.2% at its
    # first reading, as on the code before stop 29), then developed against
    "dev16c": (97.0, 85.0, 30.0),
}


@pytest.mark.parametrize("half", list(_FLOORS))
def test_multilingual_set_floors(half: str):
    ev = _eval_script()
    folder = ev.ROOT / "tests" / "data" / "multilingual" / half
    tallies = ev.score_set(folder)
    recall, speaker, per_language = _FLOORS[half]
    overall = tallies["all"].figures()
    assert overall["quote_recall"] >= recall, overall
    assert overall["speaker_accuracy"] >= speaker, overall
    for lang, t in tallies.items():
        assert t.figures()["speaker_accuracy"] >= per_language, (lang, t.figures(), t.errors)


def test_eval_scoring_counts_misses_wrong_speakers_and_roles():
    ev = _eval_script()
    gold = {"speaker": None, "role": ["source", "fonte"]}
    assert ev.speaker_right(gold, "fonte do ministério (unnamed)")
    assert not ev.speaker_right(gold, None)
    assert ev.speaker_right({"speaker": "Hélène Castagné"}, "helene  castagne")
    assert not ev.speaker_right({"speaker": "Hélène Castagné"}, "Castagné")
    assert ev.speaker_right({"speaker": None}, None)
    article = {
        "id": "x",
        "lang": "fr",
        "text": "« Nous partirons », a dit Paul Girard. Il a parlé d'un « plan ».",
        "quotes": [{"text": "Nous partirons", "speaker": "Marc Roux"}],
    }
    t = ev.score_article(article)
    assert (t.gold, t.found, t.right, t.named) == (1, 1, 0, 1)
    assert t.pred >= 1 and any("want Marc Roux, got Paul Girard" in e for e in t.errors)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Le conseil a voté. « Nous ferons appel », a lancé l'échevin de l'opposition Jean "
            "Lambert.",
            "Jean Lambert",
            "échevin de l'opposition",
        ),
        (
            "Der Landtag tagte. »Das ist zu wenig«, kritisierte der Ökonom Peter Lindner vom "
            "Institut für Wirtschaft.",
            "Peter Lindner",
            "Ökonom",
        ),
        (
            "Die Debatte war lang. »Wir stimmen zu«, erklärte Klubobfrau Eva Moser.",
            "Eva Moser",
            None,
        ),
        (
            "La manovra è pronta. «Non basta», ha detto il ministro dell'Economia Paolo Rinaldi.",
            "Paolo Rinaldi",
            "ministro dell'Economia",
        ),
        (
            'El debate sigue. "Llega tarde", señaló en la red social X la diputada Ana Quiroga.',
            "Ana Quiroga",
            "diputada",
        ),
        (
            "Selon la ministre de la Culture, Léa Martin, le projet est « exemplaire ».",
            "Léa Martin",
            "ministre de la Culture",
        ),
        (
            "O vereador Paulo Lemos, do PSB, criticou a decisão: “Ninguém sabe quanto custa”.",
            "Paulo Lemos",
            None,
        ),
        (
            "«Il ponte sarà pronto a giugno». A dirlo è stato il presidente della Regione, "
            "Marco Fabbri.",
            "Marco Fabbri",
            "presidente della Regione",
        ),
        (
            "La direction du club a démenti les rumeurs dans la soirée. « Rien n'est décidé pour "
            "le moment », a affirmé son président, Luc Perrin.",
            "Luc Perrin",
            "président",
        ),
        (
            "Die Koalition streitet. „Das ist falsch“, sagte Maria Kranz (SPD) am Montag.",
            "Maria Kranz",
            None,
        ),
        (
            "ونفى المتحدث باسم الوزارة سامر الخطيب وجود أزمة، مؤكداً أن «الوضع مستقر في كل المحافظات».",
            "سامر الخطيب",
            "المتحدث باسم الوزارة",
        ),
    ],
)
def test_titles_affiliations_and_asides_stay_out_of_names(
    text: str, speaker: str, role: str | None
):
    spans = find_quotes(text)
    actors = extract_actors(text, spans)
    (att,) = attribute(text, spans, actors)
    assert att.speaker == speaker
    if role is not None:
        assert att.role == role


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an unnamed source stays unnamed, a relative clause does not hide it
        (
            "Uma estudante, que pediu para não ser identificada, confessou: «Não sei se fico.»",
            "estudante (unnamed)",
        ),
        (
            "ونقلت وكالة الأنباء عن مسؤول في برنامج الأغذية العالمي قوله إن «المخازن فارغة منذ أسابيع».",
            "مسؤول في برنامج الأغذية العالمي (unnamed)",
        ),
        (
            "„Die Zahlen stimmen nicht“, hieß es aus Kreisen der Landesregierung.",
            "Kreisen der Landesregierung (unnamed)",
        ),
        # a body named by its kind: the body of that kind named before, else an unnamed one
        (
            "Le ministère a indiqué dans un communiqué que « les renforts arriveront lundi ».",
            "ministère (unnamed)",
        ),
        # an epithet stands for the person the story is about, not for an unnamed title holder
        (
            "La presidenta Marta Ocaña visitó la zona. «No habrá recortes», afirmó la mandataria.",
            "Marta Ocaña",
        ),
        (
            "El alcalde de Lorca, Juan Soler, pidió calma. «Todo está bajo control», dijo el regidor.",
            "Juan Soler",
        ),
    ],
)
def test_unnamed_sources_bodies_and_epithets(text: str, speaker: str):
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert [a.speaker for a in atts][-1] == speaker
