"""Build many realistic article digests from the dev corpus, for benchmarking the merger.

Each synthetic story copies one dev story (its articles' digests) and rewrites every word of four
or more letters through a story-specific substitution (consistent inside the story, so its
articles still share names and quotations, and different across stories, so stories do not
collide), shifts its dates, and varies each article: items dropped, quotes cut short or one word
changed, names reduced to surnames, and some articles syndicated (a near-identical copy).

    python scripts/make_digests.py ../shared/dev-corpus 10000 --out /tmp/digests.jsonl [--engine gold]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas import ArticleDigest  # noqa: E402
from service.merge.syndication import fingerprint  # noqa: E402

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_CONSONANTS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiou"


def _synthetic(seed: str, word: str) -> str:
    """A pronounceable stand-in word, stable per (story, word); its first six letters vary as much
    as a real vocabulary's, so unrelated stories rarely share a word stem."""
    h = int.from_bytes(
        hashlib.blake2b(f"{seed}\x1f{word.lower()}".encode(), digest_size=8).digest(), "big"
    )
    out = []
    for i in range(6 + h % 3):
        alphabet = _VOWELS if i % 3 == 1 else _CONSONANTS
        h, r = divmod(h, len(alphabet))
        out.append(alphabet[r])
    w = "".join(out)
    return w.capitalize() if word[:1].isupper() else w


class Story:
    """One synthetic story: a word substitution and a date shift, shared by all its articles."""

    def __init__(self, index: int, rng: random.Random) -> None:
        self.seed = f"story{index}"
        self.shift = dt.timedelta(days=rng.randint(-900, 900))
        self._cache: dict[str, str] = {}

    def word(self, m: re.Match[str]) -> str:
        w = m.group(0)
        got = self._cache.get(w)
        if got is None:
            got = _synthetic(self.seed, w)
            self._cache[w] = got
        return got

    def text(self, s: str | None) -> str | None:
        return None if s is None else _WORD.sub(self.word, s)

    def date(self, d: str | None) -> str | None:
        if not d:
            return d
        parts = d.split("-")
        base = dt.date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
        return (base + self.shift).isoformat()[: len(d)]


def vary(
    d: ArticleDigest, story: Story, new_id: str, rng: random.Random, text: str
) -> ArticleDigest:
    t = story.text
    quotes = []
    for q in d.quotes:
        if rng.random() < 0.08:
            continue
        body = t(q.text) or ""
        words = body.split()
        r = rng.random()
        if r < 0.1 and len(words) > 8:
            body = " ".join(words[: len(words) * 2 // 3])  # cut short: 'contains'
        elif r < 0.2 and len(words) > 8:
            words[len(words) // 2] = "indeed"  # one word changed: 'reworded'
            body = " ".join(words)
        quotes.append(
            q.model_copy(
                update={
                    "text": body,
                    "end": q.start + len(body),
                    "speaker": t(q.speaker),
                    "speaker_mention": t(q.speaker_mention),
                    "speaker_role": t(q.speaker_role),
                    "speaker_span": None,
                }
            )
        )
    actors = []
    for a in d.actors:
        if rng.random() < 0.08:
            continue
        name = t(a.name) or a.name
        aliases = [x for x in (t(x) for x in a.aliases) if x][:30]
        if a.type.value == "person" and len(name.split()) > 1 and rng.random() < 0.1:
            name = name.split()[-1]  # only the surname in this article
        actors.append(
            a.model_copy(
                update={"name": name, "aliases": aliases, "role": t(a.role), "mentions": []}
            )
        )
    events = []
    for e in d.events:
        if rng.random() < 0.08:
            continue
        events.append(
            e.model_copy(
                update={
                    "summary": t(e.summary),
                    "date": story.date(e.date),
                    "date_text": t(e.date_text),
                    "location": t(e.location),
                    "participants": [t(p) for p in e.participants],
                    "evidence": [s.model_copy(update={"text": t(s.text)}) for s in e.evidence],
                }
            )
        )
    meta = d.article.model_copy(
        update={
            "id": new_id,
            "title": t(d.article.title),
            "content_hash": hashlib.sha256(f"{new_id}{text}".encode()).hexdigest(),
            "fingerprint": fingerprint(text),
            "published": (d.article.published + story.shift) if d.article.published else None,
        }
    )
    return d.model_copy(
        update={"article": meta, "quotes": quotes, "actors": actors, "events": events}
    )


def make(
    base: list[tuple[ArticleDigest, str]], groups: list[list[int]], n: int, seed: int = 7
) -> list[ArticleDigest]:
    """`base`: (digest, article text) pairs; `groups`: indices of the base digests forming a story."""
    rng = random.Random(seed)
    out: list[ArticleDigest] = []
    s = 0
    while len(out) < n:
        story = Story(s, rng)
        for i in groups[s % len(groups)]:
            d, text = base[i]
            body = story.text(text) or ""
            new_id = f"s{s:06d}-{d.article.id}"
            out.append(vary(d, story, new_id, rng, body))
            if rng.random() < 0.1 and len(out) < n:
                # a syndicated copy: the same wire text with its last paragraph dropped
                copy_text = body.rsplit("\n", 1)[0]
                out.append(vary(d, story, new_id + "-wire", rng, copy_text))
            if len(out) >= n:
                break
        s += 1
    return out


def base_digests(
    corpus: Path, engine: str
) -> tuple[list[tuple[ArticleDigest, str]], list[list[int]]]:
    from service.evaluation.articles import load_corpus_articles, load_gold
    from service.evaluation.merge import engine_digests, gold_digest, load_clusters

    gold = load_gold(corpus)
    arts = sorted((a for a in load_corpus_articles(corpus) if a.id in gold), key=lambda a: a.id)
    if engine == "gold":
        ds = [gold_digest(a, gold[a.id]) for a in arts]
    else:
        ds = engine_digests(arts, engine)
    index = {a.id: i for i, a in enumerate(arts)}
    groups = [[index[x] for x in c.articles if x in index] for c in load_clusters(corpus)]
    grouped = {i for g in groups for i in g}
    groups += [[i] for i in range(len(arts)) if i not in grouped]
    return [(d, a.text) for d, a in zip(ds, arts, strict=True)], [g for g in groups if g]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--out", type=Path, required=True, help="JSON Lines file, one digest a line")
    ap.add_argument("--engine", default="rules", help="engine for the base digests, or 'gold'")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    base, groups = base_digests(args.corpus, args.engine)
    digests = make(base, groups, args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for d in digests:
            fh.write(d.model_dump_json() + "\n")
    print(f"wrote {len(digests)} digests from {len(base)} base articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
