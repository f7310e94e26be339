"""The HTML report opened in a real headless Chromium (Debian's `chromium`; `make test` installs
it): every quote of every digest is in the page, highlighted at its offsets; no console errors; no
request leaves the page; the keyboard reaches the quotes and focus shows their speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import Article
from service.api import resolve_engine
from service.cli.main import main
from service.merge import merge
from service.report import render_report
from service.report.browser import Browser, find_chromium

pytest.importorskip("websockets", reason="the browser driver needs websockets (the dev extra)")
if find_chromium() is None:
    pytest.skip(
        "no Chromium: `make test` installs Debian's chromium package", allow_module_level=True
    )

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTEFACTS = Path(__file__).resolve().parents[1] / "out" / "test-artefacts"

# invented articles: two outlets report one briefing with different wording, numbers and markup
INVENTED = [
    Article(
        id="harbour-a",
        outlet="Coastal Ledger",
        title="Harbour board approves <new> pier & ferry terminal",
        text=(
            "The harbour board on Tuesday approved a new pier, its chair said. "
            '"We will open the pier in 2026 and it will carry 4,000 passengers a day," said '
            'Marta Lindqvist, the board\'s chair. Lindqvist said the plan was "ready to go". '
            "Critics from the Fishermen's Union said the 30 million euro cost was too high. "
            '"This <script>alert(1)</script> is not what the town needs," the union\'s '
            "secretary Jonas Berg said."
        ),
    ),
    Article(
        id="harbour-b",
        outlet="Valley Courier",
        title="New pier for the harbour",
        text=(
            "A new pier was approved by the harbour board on Tuesday. "
            '"We will open the new pier in 2026 and it will carry 4,000 people a day," said '
            "Marta Lindqvist, the board's chair. The Fishermen's Union criticised the "
            "35 million euro price. \u201cThis is not what the town needs,\u201d said Jonas Berg, "
            "the union's secretary. Caf\u00e9 owners \U0001f600 welcomed the decision."
        ),
    ),
]

_QUOTES_JS = """
(() => {
  const out = {articles: {}, marks: []};
  for (const art of document.querySelectorAll('article.source')) {
    const box = art.querySelector('.text');
    if (!box) continue;
    out.articles[art.dataset.article] = box.textContent;
    for (const m of box.querySelectorAll('mark.hl')) {
      const r = document.createRange();
      r.setStart(box, 0);
      r.setEndBefore(m);
      const bg = getComputedStyle(m).backgroundColor;
      out.marks.push({article: art.dataset.article, layer: m.dataset.layer, ref: m.dataset.ref,
        part: m.dataset.part || null, start: Array.from(r.toString()).length,
        text: m.textContent, dataStart: +m.dataset.start, dataEnd: +m.dataset.end,
        speaker: m.dataset.speaker || null, tip: m.dataset.tip, bg: bg,
        tabindex: m.getAttribute('tabindex')});
    }
  }
  return out;
})()
"""


@pytest.fixture(scope="module")
def browser():
    with Browser() as b:
        yield b


def _digests(articles):
    engine = resolve_engine("rules")
    return [engine.digest(a) for a in articles]


def _check_page(page, digests, texts):
    assert page.errors == [], page.errors
    assert page.failed == [], page.failed
    assert all(u.startswith("file://") for u in page.requests), page.requests
    assert len(page.requests) == 1, page.requests  # the page itself, nothing else
    got = page.evaluate(_QUOTES_JS)
    checked = 0
    for d in digests:
        text = texts[d.article.id]
        assert got["articles"][d.article.id] == text, "the page must show the whole text"
        marks = [m for m in got["marks"] if m["article"] == d.article.id and m["layer"] == "quote"]
        assert len(marks) == len(d.quotes)
        by_ref = {m["ref"]: m for m in marks}
        for q in d.quotes:
            m = by_ref[q.id]
            assert m["part"] is None, f"quote {q.id} was cut"
            assert (m["start"], m["text"]) == (q.start, q.text)
            assert (m["dataStart"], m["dataEnd"]) == (q.start, q.end)
            assert m["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), "quote not highlighted"
            assert m["tabindex"] == "0"
            assert (q.speaker or "speaker not stated") in m["tip"]
            assert q.kind.value in m["tip"] and q.fidelity.value in m["tip"]
            checked += 1
        for m in got["marks"]:  # every other highlight sits at its offsets too
            if m["article"] == d.article.id:
                assert text[m["start"] : m["start"] + len(m["text"])] == m["text"]
    return checked


def test_invented_story_in_chromium(browser, tmp_path):
    digests = _digests(INVENTED)
    assert sum(len(d.quotes) for d in digests) >= 5
    story = merge(digests)
    path = tmp_path / "report.html"
    texts = {a.id: a.text for a in INVENTED}
    path.write_text(render_report(digests, [story], texts), encoding="utf-8")
    page = browser.open(path)
    assert _check_page(page, digests, texts) == sum(len(d.quotes) for d in digests)
    # markup in titles and text is shown, never run
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    assert page.evaluate("document.body.innerText.includes('<script>alert(1)</script>')")
    assert "<new>" in page.evaluate("document.querySelector('article.source h4').textContent")
    # word-level differences of the chair's two wordings are marked
    diffs = page.evaluate(
        "Array.from(document.querySelectorAll('ins.diff, del.diff')).map(e => e.textContent)"
    )
    assert "people" in diffs and "passengers" in diffs


def test_keyboard_focus_shows_speaker(browser, tmp_path):
    digests = _digests(INVENTED[:1])
    path = tmp_path / "one.html"
    path.write_text(render_report(digests, [], {a.id: a.text for a in INVENTED}), "utf-8")
    page = browser.open(path)
    q = next(q for q in digests[0].quotes if q.speaker)
    tip = page.evaluate(
        f"(() => {{ document.getElementById('a1-{q.id}').focus(); "
        "const t = document.getElementById('tip'); return [t.hidden, t.textContent]; })()"
    )
    assert tip[0] is False and q.speaker in tip[1]
    # the layer switches are keyboard-reachable checkboxes that hide a highlight layer
    off = page.evaluate(
        "(() => { const b = document.querySelector('input[data-layer=quote]'); b.click(); "
        "return [document.body.classList.contains('hide-quote'), "
        "getComputedStyle(document.querySelector('mark.quote')).backgroundColor]; })()"
    )
    assert off == [True, "rgba(0, 0, 0, 0)"]
    assert page.pdf()[:4] == b"%PDF"


def test_seeds_site_in_chromium(browser, tmp_path):
    out = tmp_path / "site"
    assert main([str(SEEDS), "-f", "html", "--out", str(out), "--no-store", "-q"]) == 0
    pages = sorted(p.name for p in out.iterdir())
    assert "index.html" in pages and len(pages) == 2
    from service.ingest import files as ingest

    articles = [a for p in sorted(SEEDS.iterdir()) for a in ingest.load_articles(p)]
    digests = _digests(articles)
    texts = {a.id: a.text for a in articles}
    index = browser.open(out / "index.html")
    assert index.errors == [] and len(index.requests) == 1
    story_page = next(p for p in pages if p != "index.html")
    href = index.evaluate("document.querySelector('ol.story-links a').getAttribute('href')")
    assert href == story_page
    page = browser.open(out / story_page)
    assert _check_page(page, digests, texts) == sum(len(d.quotes) for d in digests) > 0
    # kept as a test artefact (out/ is git-ignored); docs/report.png is made by
    # scripts/report_screenshot.py
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = page.screenshot(ARTEFACTS / "report-seeds.png", width=1200, height=1500)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_story_from_json_renders_without_texts(browser, tmp_path, capsys):
    digests = _digests(INVENTED)
    story = merge(digests)
    src = tmp_path / "digests.json"
    src.write_text(json.dumps([d.model_dump(mode="json") for d in digests]), "utf-8")
    assert main(["merge", str(src), "-f", "html"]) == 0
    page_path = tmp_path / "merged.html"
    page_path.write_text(capsys.readouterr().out, "utf-8")
    page = browser.open(page_path)
    assert page.errors == [] and len(page.requests) == 1
    n = page.evaluate("document.querySelectorAll('section.cluster').length")
    assert n == len(story.quotes)
    listed = page.evaluate("document.querySelectorAll('article.source li[id]').length")
    assert listed == sum(len(d.quotes) for d in digests)
