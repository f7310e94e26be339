"""Translated quotes matched through a bilingual word table (service.merge.quote_gloss, built by
scripts/build_xlang_dict.py from dictd files): the table is read from a tiny dictd pair written
here, and a translation that shares no number, name or cognate joins its source only with it.
Every word and quote written for these tests."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.merge import quote_gloss
from service.merge.quote_keys import quote_segments
from service.merge.quote_xlang import score_pairs, translations, xlang_pairs
from tests.test_quote_xlang import _F

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_xlang_dict import build, read_dictd, write  # noqa: E402

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _translations(forms: list) -> list:
    return translations(forms, score_pairs(forms, xlang_pairs(forms)))


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def _dictd(folder: Path, name: str, entries: list[str]) -> None:
    """A dictd pair: the entries' text gzipped, and an index of headword, offset, length."""
    blob, index = b"", []
    for entry in entries:
        data = entry.encode("utf-8")
        index.append(f"{entry.split(' ')[0].splitlines()[0]}\t{_b64(len(blob))}\t{_b64(len(data))}")
        blob += data
    (folder / f"{name}.index").write_text("\n".join(sorted(index)) + "\n", encoding="utf-8")
    with gzip.open(folder / f"{name}.dict.dz", "wb") as f:
        f.write(blob)


@pytest.fixture
def dictd(tmp_path: Path) -> Path:
    _dictd(
        tmp_path,
        "freedict-pol-eng",
        [
            "gniew /ɡɲɛf/ <n>\nanger, wrath\n         Note: a feeling\n",
            "kotwica /x/ <n>\n1. anchor\n2. the stay of a ship\n",
            "rzeka /x/ <n>\nriver\n",
        ],
    )
    _dictd(tmp_path, "freedict-eng-pol", ["understand /x/\nrozumieć\n", "simply /x/\npo prostu\n"])
    return tmp_path


@pytest.fixture
def use_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "xlang_dict.tsv"
    monkeypatch.setattr(quote_gloss, "DICT_FILE", path)
    quote_gloss.reset()
    yield path
    quote_gloss.reset()


def _f(text: str, lang: str, speaker: str | None = "s1") -> _F:
    return _F(speaker, tuple(w for s in quote_segments(text) for w in s), lang, text)


def test_stems_meet_across_inflections() -> None:
    assert quote_gloss.stem("zmeczone") == quote_gloss.stem("zmeczony")
    assert quote_gloss.stem("animals") == quote_gloss.stem("animal")
    assert quote_gloss.content_stem("that") is None and quote_gloss.content_stem("to") is None


def test_the_table_is_read_from_dictd_files_both_ways(dictd: Path, tmp_path: Path) -> None:
    entries = dict(read_dictd(dictd / "freedict-pol-eng.index", dictd / "freedict-pol-eng.dict.dz"))
    assert entries["gniew"] == ["anger", "wrath"]  # the note is no sense
    assert entries["kotwica"] == ["anchor", "the stay of a ship"]
    table = build(dictd, (("pl", "pol"), ("de", "deu")))
    assert set(table) == {"pl"}  # no German dictionary here
    pl = table["pl"]
    assert pl[quote_gloss.stem("gniew")] == {quote_gloss.stem("anger"), quote_gloss.stem("wrath")}
    assert pl[quote_gloss.stem("rozumiec")] == {quote_gloss.stem("understand")}  # read backwards
    assert not any("prostu" in w for w in pl)  # a phrase is no word
    out = tmp_path / "t.tsv"
    assert write(table, out) == len(pl)
    assert out.read_text(encoding="utf-8").startswith("pl\t")


PL = "Rozumiem ich gniew, ale nic nie obiecam"
EN = "I understand their anger, but I can promise nothing"


def test_a_translation_without_anchors_joins_only_with_the_table(
    dictd: Path, use_table: Path
) -> None:
    pl, en = _f(PL, "pl"), _f(EN, "en")
    assert _translations([pl, en]) == []  # no file: no anchor
    write(build(dictd), use_table)
    quote_gloss.reset()
    pl, en = _f(PL, "pl"), _f(EN, "en")
    assert xlang_pairs([pl, en]) == [(0, 1)]
    [(_, _, lean, hint)] = _translations([pl, en])
    assert lean and "2 shared" in hint
    # across speakers too: two words tie them
    other = _f(EN, "en", "s2")
    [(_, _, lean, _)] = _translations([pl, other])
    assert lean


def test_one_dictionary_word_is_any_two_quotes_on_one_subject(dictd: Path, use_table: Path) -> None:
    write(build(dictd), use_table)
    quote_gloss.reset()
    pl = _f("Ten gniew nie minie szybko", "pl")
    en = _f("Their anger is about the river, not about us", "en")
    assert (
        quote_gloss.gloss_score(
            quote_gloss.glosses(pl.lang, pl.words), quote_gloss.glosses(en.lang, en.words)
        )
        == 1
    )
    assert _translations([pl, en]) == []


def test_a_missing_or_broken_table_is_no_table(use_table: Path) -> None:
    assert quote_gloss.table() == {} and quote_gloss.glosses("pl", ("gniew",)) == ()
    use_table.write_text("pl\tgniew anger\nbroken line\n", encoding="utf-8")
    quote_gloss.reset()
    assert quote_gloss.table() == {}


def test_across_speakers_the_dictionary_must_tie_half_the_words(
    dictd: Path, use_table: Path
) -> None:
    write(build(dictd), use_table)
    quote_gloss.reset()
    text_pl = "Gniew rośnie, rzeka wylała, ludzie uciekają z domów nad brzegiem"
    text_en = "Their anger about the river is something the council should have seen coming"
    pl, en = _f(text_pl, "pl", "s1"), _f(text_en, "en", "s2")
    assert quote_gloss.content_words(pl.words) >= 6 and quote_gloss.content_words(en.words) >= 6
    assert _translations([pl, en]) == []  # two of six or more: a subject
    en = _f(text_en, "en", "s1")  # one speaker: two tied words are enough for the best match
    [(_, _, lean, _)] = _translations([pl, en])
    assert lean


def test_an_installed_wheel_reads_the_table_named_by_the_environment(tmp_path: Path) -> None:
    import os
    import subprocess

    where = tmp_path / "elsewhere.tsv"
    code = "from service.merge import quote_gloss as g; print(g.DICT_FILE)"
    env = {**os.environ, "NEWSDIGEST_XLANG_DICT": str(where)}
    got = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert got.stdout.strip() == str(where), got.stderr
    env.pop("NEWSDIGEST_XLANG_DICT")
    got = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert got.stdout.strip() == str(Path(quote_gloss.__file__).with_name("xlang_dict.tsv"))
