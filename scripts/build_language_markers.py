"""Write service/extract/data/language_markers.json: the common words and the letters that tell
Latvian, Estonian and Lithuanian apart, taken from jusText's stop-word lists (dev tool only; the
engine reads the file and never imports justext).

    python scripts/build_language_markers.py [--out PATH]

jusText lists each language's words most frequent first. A language's marker words are its first
words found in none of the other languages' first words (every language
service.extract.lexicon_intl.language() reads, English included): 'un', 'ir', 'ar' for Latvian,
'ja', 'on' for Estonian would otherwise vote for a neighbour, and no English word at all
('see') may vote against English. Its first words that another language's hand-picked markers
hold ('ja', 'ei': Finnish) are listed too, to vote for both. Its own letters are those its first
words write and no other language's first words do (Latvian 'ā', 'ļ'; Estonian 'õ'; Lithuanian
'ė', 'ų'). Without them these three were read as English, Finnish or Polish, and their speech
verbs and titles went unread.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import justext

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from service.extract.lexicon_intl import _MARKERS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "service/extract/data/language_markers.json"
NEW = {"lv": "Latvian", "et": "Estonian", "lt": "Lithuanian"}
# the languages the engine already tells apart, by jusText's names
KNOWN = [
    *("English", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Polish"),
    *("Swedish", "Indonesian", "Turkish", "Czech", "Slovak", "Croatian", "Serbian", "Slovenian"),
    *("Romanian", "Hungarian", "Danish", "Norwegian_Bokmal", "Finnish", "Catalan", "Vietnamese"),
]
CYRILLIC = ("Russian", "Ukrainian", "Bulgarian")
TOP = 30  # marker words per language (about as many as the hand-picked lists hold)
OTHERS_TOP = 300  # how far down the lists a word or letter counts as a language's own
SHARED_TOP = 30  # how far down a language's own list a neighbour's marker also votes for it


def _ordered(name: str) -> list[str]:
    path = Path(justext.__file__).parent / "stoplists" / f"{name}.txt"
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]


def build() -> dict[str, dict[str, list[str]] | list[str]]:
    cased = {name: _ordered(name) for name in (*KNOWN, *NEW.values(), *CYRILLIC)}
    ordered = {name: [w.lower() for w in ws] for name, ws in cased.items()}
    hand = {w for code, ws in _MARKERS.items() if code not in (*NEW, "en") for w in ws}
    words: dict[str, list[str]] = {}
    letters: dict[str, list[str]] = {}
    for code, name in NEW.items():
        others = [
            ws[:OTHERS_TOP]
            for other, ws in ordered.items()
            if other != name and other not in CYRILLIC
        ]
        # the whole English list too: English is what the engine reads by default ('see')
        other_words = {w for ws in others for w in ws} | set(ordered["English"])
        other_letters = {c for ws in others for w in ws for c in w}
        # lower-case words only: a capitalised one is a name ('Latvijas', 'Eesti')
        own = [w for w in cased[name] if w not in other_words and w.isalpha() and w.islower()]
        # and its first words that a neighbour's hand-picked markers hold ('ja', 'ei' for
        # Estonian, as Finnish's): they vote for both, so they no longer outvote its own
        shared = [
            w for w in ordered[name][:SHARED_TOP] if w in hand and w not in ordered["English"]
        ]
        words[code] = list(dict.fromkeys(own))[:TOP] + shared
        letters[code] = sorted(
            {c for w in ordered[name][:OTHERS_TOP] for c in w if c.isalpha()} - other_letters
        )
    # Serbian in Cyrillic: the letters its first words write that Russian's, Ukrainian's and
    # Bulgarian's do not ('ђ', 'ћ', 'ј'): its text is read with the Croatian rules, as its Latin is
    serbian = {c for w in ordered["Serbian"][:OTHERS_TOP] for c in w if c.isalpha()}
    for other in ("Russian", "Ukrainian", "Bulgarian"):
        serbian -= {c for w in ordered[other][:OTHERS_TOP] for c in w}
    cyrillic = sorted(c for c in serbian if "\u0400" <= c <= "\u04ff")
    return {"words": words, "letters": letters, "serbian_cyrillic": cyrillic}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.out.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
