"""Key values to keep out of every message: whichever environment variable holds the key.

The client registers the value it resolved (from `api_key_env`, the provider's own variable, or an
`OPENAI_API_KEY` for an OpenAI-compatible endpoint). `redact()` then masks those exact values and
common credential shapes in any text before it becomes an error message, a stored failure, a
judge reason or a log line, so a server that echoes the key in its errors cannot leak it.
"""

from __future__ import annotations

import re
import threading

MASK = "[redacted]"
_SHAPES = re.compile(
    r"(sk-[A-Za-z0-9_\-*]{3,}|Bearer\s+\S+|(?i:api[_-]?key|key)[\"']?\s*[=:]\s*[\"']?[^\s\"',}]+)",
    re.I,
)
_MIN_SECRET = 4  # shorter values would mask ordinary words
_lock = threading.Lock()
_values: set[str] = set()


def register(value: str | None) -> None:
    """Remember a key value so that `redact` masks it (and its obvious variants) from now on."""
    if not value or len(value) < _MIN_SECRET:
        return
    with _lock:
        _values.add(value)


def redact(text: str) -> str:
    """`text` with every registered key value and credential-shaped run masked."""
    with _lock:
        values = sorted(_values, key=len, reverse=True)
    for value in values:
        if value in text:
            text = text.replace(value, MASK)
    return _SHAPES.sub(MASK, text)


def forget_all() -> None:
    """For tests: drop every registered value."""
    with _lock:
        _values.clear()
