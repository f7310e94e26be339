"""Articles in: files and folders of text, Markdown, HTML, JSON and JSON Lines, and their decoding.

    files  reading files, folders and stdin into `Article`s (the rules a user may need are there)
    text   decoding bytes, date lines, plain-text and Markdown headers

The reading functions are re-exported here: `from service.ingest import load_articles`.
"""

from service.ingest.files import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    iter_articles,
    load_articles,
)

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "iter_articles", "load_articles"]
