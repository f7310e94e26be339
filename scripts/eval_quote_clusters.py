"""Score cross-article quote clustering on real news: PolNeAR story pairs against gold quotes.

    python scripts/eval_quote_clusters.py ../shared/polnear                 # train and dev pairs
    python scripts/eval_quote_clusters.py ../shared/polnear --split dev --show 20
    python scripts/eval_quote_clusters.py ../shared/polnear --json

For each pair labelled `same` in tests/data/story_pairs/polnear_{train,dev}.tsv (one story from
two publishers), both articles are digested with the engine (default rules) and merged as ONE
story with service.merge.merge; the quote clusters are then scored pairwise over cross-article
pairs of GOLD quotes against a silver reference built from the gold quotations alone:

  silver rule: gold quote a (article A) and gold quote b (article B) are one utterance when their
  folded word sequences (case, accents, quote marks folded; punctuation, ellipses and editorial
  brackets dropped) share a run of RUN (6) consecutive words, or the shorter one, of at least
  CONTAINED (5) words, occurs whole and contiguous in the longer; or when the gold gives both one
  speaker and the shorter, of at least SAME_SPEAKER_CONTAINED (2) words, occurs whole in the
  longer. A speaker is the key word of a source name (speaker_key: the last capitalised word
  that is no title, before any apposition or bracket, so "Paul Ryan (R-Wis.)" is ryan, not wis;
  when that head names nobody, the first apposition that does, so "the presumptive GOP
  nominee, Donald Trump," is trump).
  Name sources given by the annotators count; the corpus's automatic coreference name of a
  pronoun or nominal source (wrong about one time in five) counts only where it agrees with an
  annotators' name on the other side, never two coreference names together.

A predicted quote stands for every gold quote of its article whose characters it overlaps. A
cross-article gold pair is predicted one utterance when some cluster holds a predicted quote
standing for a and one standing for b. Figures:
  * all:       every cross-article gold pair (a quote the engine did not extract counts as missed);
  * extracted: only pairs whose two gold quotes both have a predicted quote (the merger's share).
--show N prints up to N missed and N false pairs with their words, to the terminal only.

What remains on train (P 0.907 R 0.951 F1 0.929, tp 39 fp 4 fn 2), pair by pair:
  * two false pairs are the silver rule's: a 4-word stretch of one speaker ("make America great
    again" within Clinton's longer quote, a tweet cut as "Her mind is shot!") whose other quote's
    source the annotators gave as a pronoun or a nominal with no name, so the silver rule cannot
    know the speaker is one; the merger (which resolves both speakers) is right;
  * the two missed and the other two false pairs are one 3-word phrase ("radical Islamic
    terrorism", quoted alone by two articles, each paired with a third) that the speaker used in
    two utterances the third article quotes; the phrase joins one cluster (the tighter quote
    holding it), the silver rule pairs it with every quote holding it, and the gold source of
    the quote the merger chose is a pronoun without a name.

Dev labels may name train articles: each id is looked up in the split's folder, then train's.
Exit code 1 when a labelled article is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from storyeval import LABELS, prf_text, read_pairs  # noqa: E402

FOLDERS = {"train": ("train",), "dev": ("dev", "train")}
RUN = 6
CONTAINED = 5
SAME_SPEAKER_CONTAINED = 2


def default_polnear() -> Path:
    """../shared/polnear beside the project (a worktree keeps it one level further up)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared" / "polnear"
    return ROOT.parent / "shared" / "polnear"


_MARKS = str.maketrans({c: "'" for c in "‘’‚‛`´"} | {c: '"' for c in "“”„‟«»"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_POSSESSIVE = re.compile(r"'s\b|(?<=\w)'(?!\w)")


def fold_words(text: str) -> tuple[str, ...]:
    """Word sequence for the silver rule: accents, case and quote marks folded; punctuation,
    ellipses and square brackets dropped; a final 's or a trailing ' dropped (ISIS's = ISIS'); another
    apostrophe inside a word is kept ("don't" is one word)."""
    s = unicodedata.normalize("NFKD", text.translate(_MARKS).lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(_WORD.findall(_POSSESSIVE.sub("", s)))


_TITLES = frozenset(
    """mr mrs ms miss dr sen senator gov governor rep representative president vice former gen
    general secretary speaker leader chairman judge justice rev gop sir the prime minister
    attorney mayor jr sr""".split()  # noqa: SIM905
)
_NAME_END = re.compile(r"[,(]")
_BRACKETED = re.compile(r"\([^)]*\)?")
_APPOSITION = re.compile(r"[,:]")


def _name_word(part: str) -> str | None:
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", part) if w[0].isupper()]
    folded = [fold_words(w) for w in words]
    keys = [k[-1] for k in folded if k and k[-1] not in _TITLES]
    return keys[-1] if keys else None


def speaker_key(name: str | None) -> str | None:
    """The word that names a gold source: the last capitalised word before any apposition or
    bracket that is not a title ("Sen. Paul Ryan (R-Wis.)" and "Paul Ryan, the speaker," -> ryan;
    "himself" -> None). When that head names nobody, the name is in an apposition after it ("the
    presumptive GOP presidential nominee, Donald Trump," -> trump): the first later part, between
    commas or colons and without bracketed text, that names someone."""
    head, *rest = _NAME_END.split(name or "", maxsplit=1)
    key = _name_word(head)
    if key is not None or not rest:
        return key
    for part in _APPOSITION.split(_BRACKETED.sub(" ", name or ""))[1:]:
        key = _name_word(part)
        if key is not None:
            return key
    return None


def _runs(w: tuple[str, ...], n: int) -> set[tuple[str, ...]]:
    return {w[i : i + n] for i in range(len(w) - n + 1)}


def one_utterance(a: tuple[str, ...], b: tuple[str, ...], same_speaker: bool = False) -> bool:
    """The silver rule (see the module docstring)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    least = SAME_SPEAKER_CONTAINED if same_speaker else CONTAINED
    if len(short) >= least and short in _runs(long_, len(short)):
        return True
    return len(short) >= RUN and bool(_runs(short, RUN) & _runs(long_, RUN))


@dataclass(frozen=True, slots=True)
class Gold:
    article: str
    start: int
    end: int
    text: str
    words: tuple[str, ...]
    speaker: str | None  # speaker_key of the source name the annotators gave
    coref: str | None = None  # speaker_key of an automatic coreference name (pronoun, nominal)


def same_speaker(x: Gold, y: Gold) -> bool:
    """One named speaker: both annotators' names agree, or one annotators' name agrees with the
    other quote's coreference name (an error would have to land on that very name)."""
    if x.speaker is not None and y.speaker is not None:
        return x.speaker == y.speaker
    if x.speaker is not None:
        return x.speaker == y.coref
    return y.speaker is not None and y.speaker == x.coref


def _find(polnear: Path, split: str, aid: str, kind: str) -> Path:
    for part in FOLDERS[split]:
        p = polnear / part / kind / f"{aid}.json"
        if p.exists():
            return p
    raise KeyError(f"{split}: article {aid} not under {polnear} ({kind})")


def gold_quotes(polnear: Path, split: str, aid: str) -> list[Gold]:
    data = json.loads(_find(polnear, split, aid, "gold").read_text(encoding="utf-8"))
    out = []
    for q in data["quotes"]:
        auto = q.get("source_name_auto") or q.get("source_kind") != "name"
        out.append(
            Gold(
                aid,
                q["start"],
                q["end"],
                q["text"],
                fold_words(q["text"]),
                None if auto else speaker_key(q.get("source_name")),
                speaker_key(q.get("source_name")) if auto else None,
            )
        )
    return out


def score_pair(story, golds: dict[str, list[Gold]], a: str, b: str) -> dict:
    """Cross-article gold pairs of one merged story: the silver pairs, the predicted pairs, and
    which gold quotes the engine extracted."""
    stands: dict[tuple[str, str], list[int]] = {}  # (article, quote id) -> gold indices
    extracted: dict[str, set[int]] = {a: set(), b: set()}
    clusters: list[dict[str, set[int]]] = []
    for qc in story.quotes:
        members: dict[str, set[int]] = {a: set(), b: set()}
        for v in qc.variants:
            key = (v.article, v.quote.id)
            if key not in stands:
                gl = golds[v.article]
                stands[key] = [
                    i
                    for i, g in enumerate(gl)
                    if min(g.end, v.quote.end) > max(g.start, v.quote.start)
                ]
                extracted[v.article].update(stands[key])
            members[v.article].update(stands[key])
        clusters.append(members)
    predicted = {(i, j) for c in clusters for i in c[a] for j in c[b]}
    ga, gb = golds[a], golds[b]
    silver = {
        (i, j)
        for i, x in enumerate(ga)
        for j, y in enumerate(gb)
        if one_utterance(x.words, y.words, same_speaker(x, y))
    }
    return {"silver": silver, "predicted": predicted, "extracted": extracted}


def evaluate(polnear: Path, split: str, engine: str = "rules", labels: Path = LABELS) -> dict:
    """Figures for one split's `same` pairs, plus the missed and false pairs (with their words)."""
    from service.api import summarise
    from service.evaluation.pairs import PairPRF
    from service.merge import merge

    pairs = [(p.a, p.b) for p in read_pairs(labels / f"polnear_{split}.tsv") if p.label == "same"]
    ids = sorted({x for p in pairs for x in p})
    digests = {aid: summarise(_find(polnear, split, aid, "articles"), engine=engine) for aid in ids}
    golds = {aid: gold_quotes(polnear, split, aid) for aid in ids}
    counts = {"all": [0, 0, 0], "extracted": [0, 0, 0]}  # tp, fp, fn
    missed: list[tuple[Gold, Gold, bool]] = []
    false: list[tuple[Gold, Gold]] = []
    for a, b in pairs:
        got = score_pair(merge([digests[a], digests[b]]), golds, a, b)
        s, p, ex = got["silver"], got["predicted"], got["extracted"]
        both = {x for x in s | p if x[0] in ex[a] and x[1] in ex[b]}
        for name, pool in (("all", s | p), ("extracted", both)):
            c = counts[name]
            c[0] += len(s & p & pool)
            c[1] += len((p - s) & pool)
            c[2] += len((s - p) & pool)
        missed += [(golds[a][i], golds[b][j], i in ex[a] and j in ex[b]) for i, j in sorted(s - p)]
        false += [(golds[a][i], golds[b][j]) for i, j in sorted(p - s)]
    return {
        "pairs": len(pairs),
        "articles": len(ids),
        "gold_quotes": sum(len(g) for g in golds.values()),
        "silver_pairs": counts["all"][0] + counts["all"][2],
        "all": PairPRF(*counts["all"]).figures(),
        "extracted": PairPRF(*counts["extracted"]).figures(),
        "_missed": missed,
        "_false": false,
    }


def _words(g: Gold, width: int = 110) -> str:
    t = " ".join(g.text.split())
    return t if len(t) <= width else t[: width - 3] + "..."


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "polnear",
        type=Path,
        nargs="?",
        default=default_polnear(),
        help="PolNeAR folder (train/, dev/)",
    )
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--split", choices=sorted(FOLDERS), action="append")
    ap.add_argument("--show", type=int, default=0, help="print N missed and N false pairs")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    figures = {}
    for split in args.split or ["train", "dev"]:
        try:
            f = evaluate(args.polnear, split, args.engine, args.labels)
        except KeyError as e:
            print(e.args[0], file=sys.stderr)
            return 1
        missed, false = f.pop("_missed"), f.pop("_false")
        figures[split] = f
        if args.json:
            continue
        print(
            f"{split}: {f['pairs']} same pairs, {f['articles']} articles, {f['gold_quotes']} gold "
            f"quotes, {f['silver_pairs']} cross-article utterance pairs (silver)"
        )
        for key in ("all", "extracted"):
            print(f"  {key:9}  {prf_text(f[key])}")
        if args.show:
            print(f"  missed pairs ({len(missed)}; '-' = a quote not extracted):")
            for x, y, both in missed[: args.show]:
                print(f"    {'+' if both else '-'} A: {_words(x)}\n      B: {_words(y)}")
            print(f"  false pairs ({len(false)}):")
            for x, y in false[: args.show]:
                print(f"      A: {_words(x)}\n      B: {_words(y)}")
    if args.json:
        print(json.dumps(figures, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
