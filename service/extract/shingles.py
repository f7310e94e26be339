"""The text fingerprint stored with every digest: one-permutation MinHash of 4-word shingles.

Every 4-word shingle is hashed once (stable across processes: crc32 of the words, mixed with 64-bit
arithmetic); its low 6 bits pick one of 64 bins and the bin keeps the minimum of the high 32 bits;
empty bins borrow the next non-empty bin (densification). The grouping of near-duplicates that
reads these signatures is service.merge.syndication; this module is kept apart (and light) so the
offline engine can fingerprint a text without importing the merger.

The 64-bit arithmetic runs on all shingles at once: the word hashes sit in 128-bit lanes of one
big integer, so each step (multiply, shift, xor, mask) is one big-integer operation in C rather
than one per shingle in Python. A lane holds a value below 2**64 between steps; a product with a
64-bit constant stays below 2**128, inside its lane, and the bits a right shift carries in from
the next lane land above bit 64, where the next mask drops them. Per shingle the hash is
h = (a*P1 + b*P2 + c*P3 + d) mod 2**64; h = ((h ^ h >> 31) * MIX) mod 2**64; h ^= h >> 29
(tests/test_extract_fast_scans.py keeps that one-at-a-time form and compares the two).
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array

SIGNATURE_SIZE = 64
SHINGLE = 4

# The words are the \w+ runs of the lower-cased text, taken as UTF-8 bytes (crc32 reads bytes):
# every character that is neither a word character nor ASCII becomes a space (the common ones,
# the curly quotes, dashes and no-break space news text is full of, by one str.replace each; a
# regex pass only for the texts with others), then one byte-table pass turns the ASCII non-word
# bytes into spaces and bytes.split() cuts the runs, each already the word's UTF-8 (a word's
# non-ASCII bytes, all >= 0x80, are left alone). tests/test_rules_fast_paths.py compares this
# with \w+ findall.
_NON_ASCII_NON_WORD = re.compile(r"[^\w\x00-\x7f]")
# the non-word, non-ASCII characters of most texts (none is a word character: folding them to
# spaces first leaves the regex nothing else to do on most texts)
_MARKS = ("\u2019", "\u201c", "\u201d", "\xa0", "\u2014", "\u2018", "\u2013", "\u2015", "\u2026")
_ASCII_NON_WORD = bytes(
    b if b >= 0x80 or chr(b).isalnum() or b == 0x5F else 0x20 for b in range(256)
)
_P1, _P2, _P3 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
_MIX = 0xFF51AFD7ED558CCD
_EMPTY = 1 << 32
_LANE_BYTES = 16  # 128-bit lanes, each holding one 64-bit value
_SWAP = sys.byteorder != "little"  # array("Q") is native-endian; the lanes are little-endian
_LOW6 = bytes(b & 0x3F for b in range(256))  # a byte's low 6 bits: a lane's bin, by translate


class _Masks:
    """Lane masks (a byte pattern repeated per lane), grown on demand: AND with a longer mask is
    the same as with one of the exact length, so one mask serves every shorter text."""

    def __init__(self) -> None:
        self.lanes = 0
        self.low64 = 0

    def ensure(self, lanes: int) -> None:
        if lanes <= self.lanes:
            return
        lanes = max(lanes, 2 * self.lanes, 1024)

        def mask(lane: bytes) -> int:
            return int.from_bytes(lane * lanes, "little")

        self.low64 = mask(b"\xff" * 8 + bytes(8))
        self.lanes = lanes


_MASKS = _Masks()


def _hashes(hs: array[int]) -> bytes:
    """The mixed 64-bit hash h of every shingle of the word hashes `hs` (len(hs) >= SHINGLE), as
    the little-endian bytes of 128-bit lanes (lane k: the shingle at word k; its bytes 0-7 hold h,
    bytes 8-15 whatever the last shift carried in). A lane's first byte holds the bin (its low 6
    bits) and its bytes 4-7 the value (h >> 32): read off the bytes, so the keys need no further
    operations on the whole big integer."""
    n = len(hs)
    _MASKS.ensure(n)
    m = _MASKS
    lanes = array("Q", bytes(_LANE_BYTES * n))
    lanes[::2] = hs
    if _SWAP:
        lanes.byteswap()
    w = int.from_bytes(lanes, "little")  # lane k: hs[k]; w >> 128*j: lane k holds hs[k + j]
    h = (w * _P1 + (w >> 128) * _P2 + (w >> 256) * _P3 + (w >> 384)) & m.low64
    h = (((h ^ (h >> 31)) & m.low64) * _MIX) & m.low64
    h ^= h >> 29  # bits carried in from the next lane sit above bit 64: never read
    return h.to_bytes(_LANE_BYTES * n, "little")


def fingerprint(text: str) -> list[int]:
    """MinHash signature (64 values < 2**32) of the text's 4-word shingles; [] when it has no words."""
    if text.isascii():
        low = text.lower()
    else:
        # the marks folded before lower-casing, which is then most often of an ASCII string (the
        # two commute, but for a capital sigma, whose lower case depends on what follows it)
        sigma = "Σ" in text
        low = text.lower() if sigma else text
        for mark in _MARKS:
            low = low.replace(mark, " ")
        if not sigma:
            low = low.lower()
        if not low.isascii():
            low = _NON_ASCII_NON_WORD.sub(" ", low)
    words = low.encode().translate(_ASCII_NON_WORD).split()
    if not words:
        return []
    hs = array("Q", map(zlib.crc32, words))
    if len(hs) < SHINGLE:
        hs.extend([0] * (SHINGLE - len(hs)))
    hb = _hashes(hs)
    # the lanes past the last whole shingle hold partial sums: only the first len - 3 are shingles;
    # each one's bin is its first byte's low 6 bits (a bytes object yields small ints, which are
    # cached) and its value the 32-bit word at bytes 4-7, so no per-shingle shift is needed
    whole = len(hs) - SHINGLE + 1
    values = array("I", hb)  # 32-bit words on the platforms CPython builds for (tests compare)
    if _SWAP:
        values.byteswap()
    bins = [_EMPTY] * SIGNATURE_SIZE  # above every 32-bit value: a bin's "nothing yet"
    lane_bins = hb[0 : _LANE_BYTES * whole : _LANE_BYTES].translate(_LOW6)
    for b, v in zip(lane_bins, values[1 : 4 * whole : 4], strict=True):
        if v < bins[b]:
            bins[b] = v
    # densify: an empty bin takes the value of the next filled bin (cyclically), offset by the
    # distance so that two signatures agree on it only when they agree on the donor bin
    filled = [i for i, v in enumerate(bins) if v != _EMPTY]
    for i in range(SIGNATURE_SIZE):
        if bins[i] == _EMPTY:
            j = next((k for k in filled if k > i), filled[0])
            bins[i] = (bins[j] + (j - i) % SIGNATURE_SIZE * 0x9E3779B1) & 0xFFFFFFFF
    return bins
