"""Small text helpers shared by the digest renderer (service.cli.render) and the story renderer
(service.cli.render_story). Both import this module, so neither needs the other at import time."""

from __future__ import annotations


def short(s: str, n: int = 160) -> str:
    """`s` on one line, cut to `n` characters with an ellipsis."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def md_cell(s: str) -> str:
    """`s` as one Markdown table cell: one line, pipes escaped."""
    return " ".join(s.split()).replace("|", "\\|")


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 mention', '2 mentions', '1 independent source', '0 pages'."""
    return f"{n} {word if n == 1 else many or word + 's'}"
