"""Turkish writes a proper noun's case and possessive endings after an apostrophe ('Demir'e göre',
'Şahin'in performansı', 'Yıldırım'ı eleştirdi'): the name a mention stands for ends before it."""

from __future__ import annotations

import re

# an apostrophe and a lower-case ending (the longest, 'lerinden', is eight letters)
_ENDING = re.compile(r"['’][a-zçğıöşü]{1,8}$")


def ending_len(word: str) -> int:
    """How many characters of `word` are a Turkish case ending after an apostrophe (0 if none)."""
    if "'" not in word and "’" not in word:
        return 0
    m = _ENDING.search(word)
    return len(m.group()) if m and m.start() > 1 else 0
