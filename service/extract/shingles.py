"""The text fingerprint stored with every digest: one-permutation MinHash of 4-word shingles.

Every 4-word shingle is hashed once (stable across processes: crc32 of the words, mixed with 64-bit
arithmetic); its low 6 bits pick one of 64 bins and the bin keeps the minimum of the high 32 bits;
empty bins borrow the next non-empty bin (densification). The grouping of near-duplicates that
reads these signatures is service.merge.syndication; this module is kept apart (and light) so the
offline engine can fingerprint a text without importing the merger.
"""

from __future__ import annotations

import re
import zlib

SIGNATURE_SIZE = 64
SHINGLE = 4

_WORD = re.compile(r"\w+", re.UNICODE)
_M64 = (1 << 64) - 1
_P1, _P2, _P3 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
_MIX = 0xFF51AFD7ED558CCD
_EMPTY = 1 << 32


def fingerprint(text: str) -> list[int]:
    """MinHash signature (64 values < 2**32) of the text's 4-word shingles; [] when it has no words."""
    words = _WORD.findall(text.lower())
    if not words:
        return []
    hs = list(map(zlib.crc32, map(str.encode, words)))  # str.encode: UTF-8
    if len(hs) < SHINGLE:
        hs.extend([0] * (SHINGLE - len(hs)))
    bins = [_EMPTY] * SIGNATURE_SIZE
    for a, b, c, d in zip(hs, hs[1:], hs[2:], hs[3:], strict=False):
        h = (a * _P1 + b * _P2 + c * _P3 + d) & _M64
        h = ((h ^ (h >> 31)) * _MIX) & _M64
        h ^= h >> 29
        v = h >> 32
        i = h & 63
        if v < bins[i]:
            bins[i] = v
    # densify: an empty bin takes the value of the next filled bin (cyclically), offset by the
    # distance so that two signatures agree on it only when they agree on the donor bin
    filled = [i for i, v in enumerate(bins) if v != _EMPTY]
    for i in range(SIGNATURE_SIZE):
        if bins[i] == _EMPTY:
            j = next((k for k in filled if k > i), filled[0])
            bins[i] = (bins[j] + (j - i) % SIGNATURE_SIZE * 0x9E3779B1) & 0xFFFFFFFF
    return bins
