"""The HTML report without a browser: span nesting, word diffs, conflicts, escaping, the CLI."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Article
from service.api import resolve_engine
from service.cli.main import main
from service.merge import merge
from service.report import render_report, render_site
from service.report.spans import LAYERS, Mark, flatten, layout
from service.report.view import _one_person, word_diff


def _spans_of(events, text):
    """Rebuild (layer, ref, start, end) pieces and the text from the flat event list."""
    pos, stack, pieces, out = 0, [], [], []
    for kind, x in events:
        if kind == "text":
            out.append(x)
            pos += len(x)
        elif kind == "open":
            stack.append((x, pos))
        else:
            node, start = stack.pop()
            assert node is x
            pieces.append((node.mark.layer, node.mark.ref, start, pos))
    assert not stack
    return "".join(out), pieces


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 60).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(
                st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(LAYERS)),
                max_size=12,
            ),
        )
    )
)
def test_layout_keeps_text_and_covers_each_span_exactly(case):
    n, raw = case
    text = "".join(chr(ord("a") + i % 26) for i in range(n))
    marks = [
        Mark(min(a, b), max(a, b), layer, f"{layer}{i}", "") for i, (a, b, layer) in enumerate(raw)
    ]
    rebuilt, pieces = _spans_of(flatten(layout(n, marks), text), text)
    assert rebuilt == text
    for m in marks:
        mine = sorted((s, e) for layer, ref, s, e in pieces if ref == m.ref)
        if m.start == m.end:
            assert mine == []
            continue
        # the pieces tile the span: contiguous, no gaps, no overlap
        assert mine[0][0] == m.start and mine[-1][1] == m.end
        assert all(a[1] == b[0] for a, b in zip(mine, mine[1:], strict=False))


def test_quotes_are_never_cut_and_nest_inside_evidence():
    marks = [
        Mark(5, 30, "evidence", "e1", ""),
        Mark(10, 40, "quote", "q1", ""),  # crosses the evidence border
        Mark(12, 16, "actor", "a1", ""),
    ]
    text = "x" * 50
    _, pieces = _spans_of(flatten(layout(50, marks), text), text)
    assert [p for p in pieces if p[0] == "quote"] == [("quote", "q1", 10, 40)]
    assert sorted(p[2:] for p in pieces if p[0] == "evidence") == [(5, 10), (10, 30)]
    assert [p for p in pieces if p[0] == "actor"] == [("actor", "a1", 12, 16)]


def test_word_diff_marks_only_real_wording_changes():
    canonical = "We will open the pier in 2026, he said."
    assert word_diff(canonical, "We will open the Pier in 2026 he said") == [
        ("same", "We will open the Pier in 2026 he said")
    ]
    assert word_diff(canonical, "We will open the pier in 2027, he said.") == [
        ("same", "We will open the pier in"),
        ("missing", "2026,"),
        ("added", "2027,"),
        ("same", "he said."),
    ]


def test_same_person_is_no_speaker_conflict():
    assert _one_person(["Pat Ryder", "Patrick Ryder"])
    assert not _one_person(["Pat Ryder", "Lloyd Austin"])
    assert not _one_person(["Anna Berg", "Jonas Berg"])


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.srcs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.srcs += [v for k, v in attrs if k in ("src", "href") and v and tag != "a"]

    def handle_data(self, data):
        self.text.append(data)


def _digest(text, aid="t1", outlet="Test Outlet"):
    return resolve_engine("rules").digest(Article(id=aid, text=text, outlet=outlet))


TEXT = (
    'The mayor spoke on Monday. "We will <b>rebuild</b> the bridge & the road," said Mayor '
    'Ana Costa. Costa added that the work was "urgent".'
)


def test_page_is_self_contained_and_escaped():
    d = _digest(TEXT)
    html = render_report([d], [], {d.article.id: TEXT})
    p = _Collect()
    p.feed(html)
    assert p.srcs == [], "the page links or loads nothing"
    assert "b" not in p.tags, "markup in the article text is escaped, not rendered"
    assert "&lt;b&gt;rebuild&lt;/b&gt; the bridge &amp; the road" in html
    assert p.tags.count("script") == 1 and p.tags.count("style") == 1
    assert "http://" not in html and "https://" not in html
    for q in d.quotes:
        assert f'data-ref="{q.id}" data-start="{q.start}" data-end="{q.end}"' in html


def test_site_has_index_and_a_page_per_story():
    a = _digest(TEXT, "t1")
    b = _digest(TEXT.replace("Monday", "Tuesday"), "t2", "Other Outlet")
    c = _digest("An unrelated note about weather in the hills.", "t3")
    story = merge([a, b])
    pages = render_site([a, b, c], [story], {})
    assert set(pages) == {"index.html", f"{story.id}.html"}
    assert f'href="{story.id}.html"' in pages["index.html"]
    assert 'data-article="t3"' in pages["index.html"]  # in no story: on the index
    assert 'data-article="t3"' not in pages[f"{story.id}.html"]
    assert pages[f"{story.id}.html"].count('class="source"') == 2


def test_cli_html_out_and_stdout(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text(TEXT, "utf-8")
    (src / "two.txt").write_text(TEXT.replace("Monday", "Tuesday"), "utf-8")
    (src / "bad.json").write_text("{not json", "utf-8")
    assert main([str(src / "one.txt"), "-f", "html", "--no-store", "-q"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and 'data-layer="quote"' in page
    out = tmp_path / "site"
    code = main([str(src), "-f", "html", "--out", str(out), "--store", str(tmp_path / "s.db")])
    assert code == 1, "a bad file is reported and the exit code says so"
    assert "bad.json" in capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir())
    assert "index.html" in names and any(re.match(r"story-.*\.html$", n) for n in names)


def test_core_path_imports_no_llm_stack_or_service(tmp_path):
    """A run with the offline engine and the HTML report loads none of the extras' packages."""
    import subprocess
    import sys

    from tests.conftest import ROOT, SEEDS

    code = (
        "import sys; from service.cli.main import main; "
        f"rc = main([{str(SEEDS)!r}, '-f', 'html', '--out', {str(tmp_path)!r}, '--no-store', '-q']); "
        "bad = sorted(m for m in ('yaml', 'openai', 'litellm', 'instructor', 'xllamacpp', "
        "'tenacity', 'httpx', 'fastapi', 'uvicorn', 'websockets') if m in sys.modules); "
        "print(rc, bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert out.stdout.split() == ["0", "[]"], out.stdout + out.stderr
    assert (tmp_path / "index.html").is_file()


def test_conflicts_are_flagged_with_each_outlets_value():
    engine = resolve_engine("rules")
    a = Article(
        id="fire-a",
        outlet="Lund Daily",
        published="2025-03-05",
        text="A fire at the Lund paper mill killed four workers on March 3, the fire service "
        'said. "The blaze spread very fast," said fire chief Karin Holm.',
    )
    b = Article(
        id="fire-b",
        outlet="Skane Wire",
        published="2025-03-05",
        text="A fire at the Lund paper mill killed five workers on March 4, the fire service "
        'said. "The blaze spread very fast," said Karin Holm, the fire chief.',
    )
    digests = [engine.digest(a), engine.digest(b)]
    story = merge(digests)
    html = render_report(digests, [story], {"fire-a": a.text, "fire-b": b.text})
    section = html[html.index('id="s1-conflicts"') : html.index('id="s1-quotes"')]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    flat = [" ".join(re.sub(r"<[^>]+>", " ", i).split()) for i in items]
    assert any(
        f.startswith("date") and "2025-03-03 (Lund Daily)" in f and "2025-03-04 (Skane Wire)" in f
        for f in flat
    ), flat
    assert any(f.startswith("number") and "4 (Lund Daily); 5 (Skane Wire)" in f for f in flat), flat
    assert "sources disagree: date, count:worker" in html
    # the two wordings of Holm's quote are one cluster, shown side by side, with no speaker conflict
    cluster = next(qc for qc in story.quotes if len(qc.variants) == 2)
    assert cluster.speaker == "Karin Holm"
    assert not any(f.startswith("speaker") for f in flat)
