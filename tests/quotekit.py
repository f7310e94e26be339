"""Quote spans for invented test texts, shared by the speaker and actor tests."""

from __future__ import annotations

from service.extract.quotes import QuoteSpan

OPEN, CLOSE, SOPEN, SCLOSE = "“", "”", "‘", "’"


def spans_of(text: str) -> list[QuoteSpan]:
    """Curly-quote spans for test texts (independent of the real quote finder).

    A paragraph whose quotation has no closing mark continues into the next paragraph that opens
    with a mark; single curly quotes inside a double quotation are nested in it.
    """
    out: list[QuoteSpan] = []
    i = 0
    carry = False
    while True:
        o = text.find(OPEN, i)
        if o == -1:
            return out
        para_end = text.find("\n", o)
        para_end = len(text) if para_end == -1 else para_end
        c = text.find(CLOSE, o + 1, para_end)
        para_start = text.rfind("\n", 0, o) + 1
        continues = carry and not text[para_start:o].strip()
        end = c if c != -1 else para_end
        words_end = end
        parent = len(out)
        out.append(
            QuoteSpan(o + 1, words_end, "direct", o, c if c != -1 else None, 0, None, continues)
        )
        k = o + 1
        while True:
            so = text.find(SOPEN, k, end)
            if so == -1:
                break
            sc = text.find(SCLOSE, so + 1, end)
            if sc == -1:
                break
            out.append(QuoteSpan(so + 1, sc, "direct", so, sc, 1, parent, False))
            k = sc + 1
        carry = c == -1
        i = end + 1


def quoted_speakers(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker) for each quotation the engine finds, through the real quote finder,
    actor extraction and attribution: the shape most attribution tests assert on."""
    from service.extract.actors import extract_actors
    from service.extract.quotes import find_quotes
    from service.extract.speakers import attribute

    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    return [(text[s.start : s.end], a.speaker) for s, a in zip(spans, atts, strict=True)]


def speakers_in(text: str) -> list[str | None]:
    """The speakers of `quoted_speakers`, in text order."""
    return [speaker for _, speaker in quoted_speakers(text)]


def speaker_by_quote(text: str) -> dict[str, str | None]:
    """`quoted_speakers` keyed by the quotation's words."""
    return dict(quoted_speakers(text))


def speaker_of(text: str, quote: str) -> str | None:
    """The speaker of the first quotation the engine finds that starts with `quote`."""
    return next(s for q, s in quoted_speakers(text) if q.startswith(quote))
