"""Score cross-article quote clustering (and story grouping) on an invented set with gold utterances.

    python scripts/eval_invented_quotes.py                            # check2, quote figures
    python scripts/eval_invented_quotes.py --show                     # and the missed/false pairs
    python scripts/eval_invented_quotes.py --stories --polnear ../shared/polnear --cache /tmp/pn

The set (default tests/data/invented_stories/check2; every text written for the tests) holds
articles/, clusters.json (the gold stories) and quotes.json: a list of utterances, each
{"story", "utterance", "speaker", "variants": {article id: the quoted words exactly as that
article prints them}}, listing only utterances that two or more articles print. A variant's span
is where its string occurs in the article text (once: tests/test_invented_quotes_data.py checks).

Quote clustering. The articles are digested with the engine (default rules); each GOLD story's
digests are merged as ONE story with service.merge.merge (so story grouping errors do not reach
these figures). Items: every gold variant, plus every quote the digests found that overlaps no
gold variant (an outlet's own quotation: it belongs with nothing in another article).
  * A predicted quote stands for each gold variant of its article whose characters it overlaps;
    a predicted quote overlapping none stands for itself.
  * A pair of items from two different articles is predicted together when one merged quote
    cluster holds a quote standing for each; it is gold when both are variants of one utterance.
  * Pairwise P/R/F1 (service.evaluation.pairs.PairPRF) over those cross-article pairs:
      all        every pair (a gold variant the engine did not extract makes its pairs missed);
      extracted  only pairs whose gold variants both have a predicted quote (the merger's share);
      same-lang / cross-lang   `all` split by whether the two articles share a language.
    A predicted pair with an item that is no gold variant is a false pair (an outlet's own
    quotation joined to another's), as is a pair of variants of two different utterances.
Also printed: how many gold variants have a predicted quote (extraction recall).

--stories also runs scripts/eval_invented_stories.py (unchanged) on the set, alone and, with
--polnear, mixed with PolNeAR (--mix dev by default): its --set choices are tune/check, so it is
given a temporary --root holding a symlink named `check` to the set.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from storyeval import digest_folder, prf_text  # noqa: E402

DEFAULT_SET = ROOT / "tests" / "data" / "invented_stories" / "check2"


@dataclass(frozen=True, slots=True, order=True)
class Item:
    """A gold variant (utterance set) or a predicted quote matching none (utterance None)."""

    article: str
    start: int
    end: int
    utterance: str | None  # "<story>/<utterance>" for a gold variant
    text: str


def read_set(folder: Path) -> tuple[dict[str, dict], list[list[str]], list[dict]]:
    """The articles (id -> JSON), the gold stories and the gold utterances of a set."""
    arts = {}
    for p in sorted((folder / "articles").glob("*.json")):
        arts[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    clusters = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))["clusters"]
    quotes = json.loads((folder / "quotes.json").read_text(encoding="utf-8"))
    return arts, [list(c["articles"]) for c in clusters], quotes


def gold_items(arts: Mapping[str, dict], quotes: Sequence[dict]) -> list[Item]:
    """Each utterance's variants with their spans (the first occurrence in the article text)."""
    out = []
    for u in quotes:
        key = f"{u['story']}/{u['utterance']}"
        for aid, words in u["variants"].items():
            at = arts[aid]["text"].find(words)
            if at < 0:
                raise ValueError(f"quotes.json: {key}: {words!r} is not in article {aid}")
            out.append(Item(aid, at, at + len(words), key, words))
    return out


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return min(a1, b1) > max(a0, b0)


def score_story(story, golds: Sequence[Item]) -> tuple[set, set, set[Item]]:
    """The predicted cross-article pairs, the gold ones, and the gold items extracted, for one
    merged story (its clusters) and the gold variants of its articles."""
    by_article: dict[str, list[Item]] = {}
    for g in golds:
        by_article.setdefault(g.article, []).append(g)
    extracted: set[Item] = set()
    predicted: set[tuple[Item, Item]] = set()
    for qc in story.quotes:
        members: set[Item] = set()
        for v in qc.variants:
            q = v.quote
            hits = [
                g
                for g in by_article.get(v.article, ())
                if _overlaps(g.start, g.end, q.start, q.end)
            ]
            extracted.update(hits)
            members.update(hits or [Item(v.article, q.start, q.end, None, q.text)])
        predicted |= {
            (x, y) for x, y in itertools.combinations(sorted(members), 2) if x.article != y.article
        }
    want = {
        (x, y)
        for x, y in itertools.combinations(sorted(golds), 2)
        if x.utterance == y.utterance and x.article != y.article
    }
    return predicted, want, extracted


def evaluate(folder: Path, engine: str = "rules") -> dict:
    """Quote clustering figures of a set (see the module docstring), with the missed and false
    pairs under `_missed` and `_false`."""
    from service.evaluation.pairs import PairPRF
    from service.merge import merge

    arts, stories, quotes = read_set(folder)
    golds = gold_items(arts, quotes)
    digests = {d.article.id: d for d in digest_folder(folder / "articles", engine)}
    pred: set[tuple[Item, Item]] = set()
    want: set[tuple[Item, Item]] = set()
    extracted: set[Item] = set()
    for members in stories:
        if len(members) < 2:
            continue
        inside = set(members)
        p, w, e = score_story(
            merge([digests[a] for a in members]), [g for g in golds if g.article in inside]
        )
        pred |= p
        want |= w
        extracted |= e
    lang = {aid: a.get("language") for aid, a in arts.items()}
    # both sides found: a gold variant with a predicted quote, or a predicted quote itself
    both = {x for x in pred | want if all(i.utterance is None or i in extracted for i in x)}
    same = {x for x in pred | want if lang[x[0].article] == lang[x[1].article]}
    out: dict[str, Any] = {
        "articles": len(arts),
        "stories": len(stories),
        "utterances": len(quotes),
        "gold_variants": len(golds),
        "extracted_variants": len(extracted),
        "gold_pairs": len(want),
    }
    pools = {"all": pred | want, "extracted": both, "same-lang": same}
    pools["cross-lang"] = (pred | want) - same
    for name, pool in pools.items():
        out[name] = PairPRF.of(pred & pool, want & pool).figures()
    out["_missed"] = sorted(want - pred)
    out["_false"] = sorted(pred - want)
    out["_extracted"] = extracted
    return out


def _short(i: Item, width: int = 90) -> str:
    t = " ".join(i.text.split())
    t = t if len(t) <= width else t[: width - 3] + "..."
    return f"{i.article} [{i.utterance or 'not gold'}] {t!r}"


def run_stories(folder: Path, polnear: Path | None, mix: str, cache: Path | None) -> int:
    """scripts/eval_invented_stories.py on the set, through a temporary root where it is `check`."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "check").symlink_to(folder.resolve(), target_is_directory=True)
        cmd = [sys.executable, str(ROOT / "scripts" / "eval_invented_stories.py")]
        cmd += ["--root", tmp, "--set", "check"]
        if polnear is not None:
            cmd += ["--polnear", str(polnear), "--mix", mix]
        if cache is not None:
            cmd += ["--cache", str(cache)]
        print("$ " + " ".join(cmd[1:]).replace(tmp, "<tmp root>"), flush=True)
        return subprocess.run(cmd, check=False).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET, help="the set's folder")
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--show", action="store_true", help="print the missed and false pairs")
    ap.add_argument("--json", action="store_true", help="print the quote figures as JSON")
    ap.add_argument("--stories", action="store_true", help="also the story grouping figures")
    ap.add_argument("--polnear", type=Path, help="with --stories: also mixed with PolNeAR")
    ap.add_argument("--mix", choices=("dev", "all"), default="dev")
    ap.add_argument("--cache", type=Path, help="PolNeAR digests cache (see storyeval.digests)")
    args = ap.parse_args()
    try:
        f = evaluate(args.set, args.engine)
    except (OSError, ValueError, KeyError) as e:
        print(f"{args.set}: {e}", file=sys.stderr)
        return 1
    missed, false, extracted = f.pop("_missed"), f.pop("_false"), f.pop("_extracted")
    if args.json:
        print(json.dumps(f, indent=1, sort_keys=True))
    else:
        print(
            f"{args.set.name}: {f['articles']} articles, {f['stories']} gold stories, "
            f"{f['utterances']} utterances, {f['gold_variants']} gold variants "
            f"({f['extracted_variants']} extracted), {f['gold_pairs']} cross-article gold pairs"
        )
        for key in ("all", "extracted", "same-lang", "cross-lang"):
            print(f"  {key:10} {prf_text(f[key])}")
    if args.show:
        print(f"  missed pairs ({len(missed)}; '-' = a variant not extracted):")
        for x, y in missed:
            mark = "+" if x in extracted and y in extracted else "-"
            print(f"    {mark} {_short(x)}\n      {_short(y)}")
        print(f"  false pairs ({len(false)}):")
        for x, y in false:
            print(f"      {_short(x)}\n      {_short(y)}")
    if args.stories:
        return run_stories(args.set, args.polnear, args.mix, args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
