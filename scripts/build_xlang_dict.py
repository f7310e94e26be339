"""Write the word-pair table quote_gloss reads: each word of a language and the English words a
bilingual dictionary gives for it, from Debian's FreeDict packages (dictd format).

    apt-get install dict-freedict-deu-eng dict-freedict-eng-deu ...   # see the README
    python scripts/build_xlang_dict.py                   # -> service/merge/xlang_dict.tsv
    python scripts/build_xlang_dict.py --dictd DIR --out FILE

The dictionaries are GPL or CC-BY-SA (their copyright files are in /usr/share/doc/dict-freedict-*),
the project is MIT: the table is built on the user's machine and git-ignored, never committed.
Without it the merger matches translations by numbers, dates, names and cognates only.

Both directions are read: "xx-eng" gives a word and its English senses, "eng-xx" an English word
and the words that render it (read backwards). A sense is kept when it is one word, or two with a
leading "to"/"the"/"a" (English infinitives and nouns as the dictionaries print them). Words and
senses are stored by quote_gloss.stem, which the matcher uses on a quote's words, so an inflected
word finds its dictionary form ("owce" / "owca", "vargarna" / "varg" stay apart: stems are
crude). An English sense given for very many words of one language ("make", "get", "thing")
links nothing in particular: one given for more than MAX_SHARE of a language's words is dropped.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.merge.common import fast_fold  # noqa: E402
from service.merge.quote_gloss import DICT_FILE, LANGS, content_stem  # noqa: E402

_B64 = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}
_LEAD = ("to ", "the ", "a ", "an ")
MAX_SHARE = 0.002


def _number(text: str) -> int:
    n = 0
    for c in text:
        n = n * 64 + _B64[c]
    return n


def read_dictd(index: Path, data: Path) -> list[tuple[str, list[str]]]:
    """(headword, its senses) for each entry of a dictd pair of files: the entry's first line is
    the headword (with a pronunciation and part of speech), the lines after it its senses, one
    or more a line, split by commas and semicolons; notes, cross references and numbered
    definitions' prose are skipped."""
    with gzip.open(data) as fh:
        blob = fh.read()
    out = []
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database"):
            continue
        off, size = _number(parts[1]), _number(parts[2])
        lines = blob[off : off + size].decode("utf-8", "replace").splitlines()
        senses = []
        for sense_line in lines[1:]:
            text = sense_line.strip()
            if not text or sense_line.startswith((" ", "\t")) and not text[0].isdigit():
                continue  # notes, "see:", synonyms: indented
            if text[0].isdigit():
                text = text.partition(".")[2]
            text = text.split("<")[0]
            senses.extend(s.strip() for s in text.replace(";", ",").split(","))
        out.append((parts[0], [s for s in senses if s]))
    return out


def _one_word(phrase: str) -> str | None:
    """The folded word a sense or headword is, after a leading "to" or article; None for a
    phrase."""
    phrase = fast_fold(phrase.strip())
    for lead in _LEAD:
        if phrase.startswith(lead):
            phrase = phrase[len(lead) :]
            break
    return phrase if phrase.isalpha() else None


def build(dictd: Path, langs: tuple[str, ...] = LANGS) -> dict[str, dict[str, set[str]]]:
    """lang -> stem of a word -> stems of its English senses, for the languages with a
    dictionary in `dictd` (either direction)."""
    table: dict[str, dict[str, set[str]]] = {}
    for lang, code in langs:
        pairs: list[tuple[str, str]] = []
        for name, backwards in ((f"freedict-{code}-eng", False), (f"freedict-eng-{code}", True)):
            index = dictd / f"{name}.index"
            if not index.exists():
                continue
            for head, senses in read_dictd(index, dictd / f"{name}.dict.dz"):
                hw = _one_word(head)
                if hw is None:
                    continue
                for sense in senses:
                    word = _one_word(sense)
                    if word is not None:
                        pairs.append((word, hw) if backwards else (hw, word))
        if not pairs:
            continue
        got: dict[str, set[str]] = {}
        for word, english in pairs:
            a, b = content_stem(word), content_stem(english)
            if a and b:
                got.setdefault(a, set()).add(b)
        uses = Counter(e for es in got.values() for e in es)
        cap = max(3, int(MAX_SHARE * len(got)))
        table[lang] = {w: {e for e in es if uses[e] <= cap} for w, es in got.items()}
        table[lang] = {w: es for w, es in table[lang].items() if es}
    return table


def write(table: dict[str, dict[str, set[str]]], out: Path) -> int:
    """One line a word: its language, its stem, a tab, its English stems (sorted); returns the
    number of lines."""
    lines = [
        f"{lang}\t{w}\t{' '.join(sorted(es))}"
        for lang in sorted(table)
        for w, es in sorted(table[lang].items())
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictd", type=Path, default=Path("/usr/share/dictd"))
    ap.add_argument("--out", type=Path, default=DICT_FILE)
    args = ap.parse_args()
    table = build(args.dictd)
    if not table:
        print(f"build_xlang_dict: no FreeDict dictionary in {args.dictd}; nothing written")
        return
    n = write(table, args.out)
    print(f"build_xlang_dict: {n} words in {', '.join(sorted(table))} -> {args.out}")


if __name__ == "__main__":
    main()
