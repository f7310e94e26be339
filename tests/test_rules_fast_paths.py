"""The offline engine's batched and pre-filtered computations give what their plain forms give.

Each test keeps the straightforward form (one item at a time, no pre-filter) here and compares it
with the module's faster form on invented texts and seeded random strings built from the pieces
that matter (short words, repeats, non-ASCII letters, digits).
"""

from __future__ import annotations

import random
import re
import zlib

from service.extract import shingles

M64 = (1 << 64) - 1
WORD = re.compile(r"\w+")


def plain_fingerprint(text: str) -> list[int]:
    """The MinHash signature one shingle at a time, as the module's docstring defines it."""
    words = WORD.findall(text.lower())
    if not words:
        return []
    hs = [zlib.crc32(w.encode()) for w in words]
    hs += [0] * max(0, 4 - len(hs))
    bins = [1 << 32] * 64
    for a, b, c, d in zip(hs, hs[1:], hs[2:], hs[3:], strict=False):
        h = (a * shingles._P1 + b * shingles._P2 + c * shingles._P3 + d) & M64
        h = ((h ^ (h >> 31)) * shingles._MIX) & M64
        h ^= h >> 29
        bins[h & 63] = min(bins[h & 63], h >> 32)
    filled = [i for i, v in enumerate(bins) if v != 1 << 32]
    for i in range(64):
        if bins[i] == 1 << 32:
            j = next((k for k in filled if k > i), filled[0])
            bins[i] = (bins[j] + (j - i) % 64 * 0x9E3779B1) & 0xFFFFFFFF
    return bins


def _random_texts(pieces: list[str], n: int, seed: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_the_lane_parallel_fingerprint_is_the_one_shingle_at_a_time_signature() -> None:
    texts = [
        "",
        "one",
        "one two",
        "one two three",
        "one two three four",
        "The council met on Tuesday. The council met on Tuesday, again, in Łódź.",
        " ".join(f"w{i}" for i in range(3000)),  # longer than the first lane masks
    ]
    texts += _random_texts(["a", "b", "c", "d", "ü", "x1", "42", "_", "—"], 400, seed=7, most=60)
    for text in texts:
        assert shingles.fingerprint(text) == plain_fingerprint(text), text[:40]
    # a short text after a long one reuses the grown masks
    assert shingles.fingerprint("a b c d e") == plain_fingerprint("a b c d e")
