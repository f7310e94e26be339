"""Ingest: every format, every input error, folder walking, stdin and the seed articles."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

from schemas.article import content_hash
from service.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MissingTextError,
    UnsupportedFormatError,
)
from service.ingest.files import (
    SUPPORTED_SUFFIXES,
    article_from_text,
    articles_from_text,
    iter_articles,
    iter_sources,
    load_articles,
    parse_date,
    read_stdin,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "dev-corpus"

BODY = (
    "The harbour council voted on Monday to approve a new ferry line between the two islands.\n\n"
    "\u201cThis is a good day for everyone who commutes,\u201d said council chair Mira Talvik.\n\n"
    "The service is expected to start in the spring, with three crossings a day."
)


def meta(article) -> dict:
    """Everything but the text-derived fields, for whole-object comparison."""
    return article.model_dump(exclude={"text", "content_hash", "length", "fingerprint"})


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- seeds ----------------------------------------------------------------------------------------


def test_seed_with_date_outlet_and_widget_lines():
    path = SEEDS / "000_abb5d20fce3071d5.txt"
    [article] = load_articles(path)
    assert meta(article) == {
        "id": "000_abb5d20fce3071d5",
        "title": "Pentagon calls on Baghdad to protect American troops in Iraq, Syria",
        "outlet": "Rudaw",
        "url": None,
        "published": dt.date(2024, 4, 24),
        "source": str(path),
        "language": None,
    }
    raw = path.read_text(encoding="utf-8")
    start = raw.index("ERBIL, Kurdistan Region")
    assert article.text == raw[start:].rstrip()  # the body byte for byte, header cut off
    assert article.content_hash == content_hash(article.text)


def test_seed_with_standfirst_and_no_date():
    path = SEEDS / "001_098af35beed32b2d.txt"
    [article] = load_articles(path)
    raw = path.read_text(encoding="utf-8")
    first, _, rest = raw.partition("\n")
    assert meta(article) == {
        "id": "001_098af35beed32b2d",
        "title": first,
        "outlet": None,
        "url": None,
        "published": None,
        "source": str(path),
        "language": None,
    }
    # the standfirst line is body, not a date or outlet
    assert article.text == rest.rstrip()
    assert article.text.startswith("\u2018If these attacks continue")


@pytest.mark.skipif(
    not (CORPUS / "articles").exists(), reason="dev corpus not present at ../shared/dev-corpus"
)
def test_dev_corpus_json_round_trip():
    paths = sorted((CORPUS / "articles").glob("*.json"))
    assert paths
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        [article] = load_articles(path)
        published = dt.date.fromisoformat(raw["published"][:10]) if raw["published"] else None
        assert (article.id, article.title, article.outlet, article.url, article.published) == (
            raw["id"],
            raw["title"],
            raw["outlet"],
            raw["url"],
            published,
        )
        assert article.text == raw["text"].replace("\r\n", "\n").rstrip()


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24-04-2024", dt.date(2024, 4, 24)),
        ("2024-04-24", dt.date(2024, 4, 24)),
        ("24/04/2024", dt.date(2024, 4, 24)),
        ("24.04.2024", dt.date(2024, 4, 24)),
        ("04-05-2024", dt.date(2024, 5, 4)),  # ambiguous: day-first
        ("05-13-2024", dt.date(2024, 5, 13)),  # only month-first is valid
        ("April 24, 2024", dt.date(2024, 4, 24)),
        ("Apr. 24, 2024", dt.date(2024, 4, 24)),
        ("24 April 2024", dt.date(2024, 4, 24)),
        ("24th April 2024", dt.date(2024, 4, 24)),
        ("Tuesday, April 23, 2024", dt.date(2024, 4, 23)),
        ("Published: 24 April 2024 | 10:32 GMT", dt.date(2024, 4, 24)),
        ("Updated April 2, 2024, 5:01 p.m. ET", dt.date(2024, 4, 2)),
        ("2024-04-24T10:00:00Z", dt.date(2024, 4, 24)),
        ("2024-04-24 10:00:00+02:00", dt.date(2024, 4, 24)),
        ("24. März 2024", dt.date(2024, 3, 24)),
        ("le 3 février 2024", dt.date(2024, 2, 3)),
        ("24 de abril de 2024", dt.date(2024, 4, 24)),
        ("23 Nisan 2024 Salı", dt.date(2024, 4, 23)),
        ("On 24 April 2024 the council voted.", None),  # a sentence, not a date line
        ("31-02-2024", None),
        ("Rudaw", None),
        ("", None),
    ],
)
def test_parse_date(line, expected):
    assert parse_date(line) == expected


# --- plain text and Markdown ----------------------------------------------------------------------


def test_plain_text_header_forms(tmp_path):
    path = write(
        tmp_path / "ferry.txt", f"Council backs ferry line\n\nTuesday, April 23, 2024\n\n{BODY}\n"
    )
    [article] = load_articles(path)
    assert meta(article) == {
        "id": "ferry",
        "title": "Council backs ferry line",
        "outlet": None,
        "url": None,
        "published": dt.date(2024, 4, 23),
        "source": str(path),
        "language": None,
    }
    assert article.text == BODY


def test_outlet_line_before_date_and_widget_after(tmp_path):
    path = write(
        tmp_path / "a.txt", f"Council backs ferry line\nIsland Gazette\n2024-04-23\nA+ A-\n{BODY}"
    )
    [article] = load_articles(path)
    assert (article.title, article.outlet, article.published) == (
        "Council backs ferry line",
        "Island Gazette",
        dt.date(2024, 4, 23),
    )
    assert article.text == BODY


def test_short_line_without_a_date_stays_in_the_body(tmp_path):
    text = f"Council backs ferry line\nIsland Gazette\n{BODY}"
    [article] = load_articles(write(tmp_path / "a.txt", text))
    assert (article.title, article.outlet, article.published) == (
        "Council backs ferry line",
        None,
        None,
    )
    assert article.text == f"Island Gazette\n{BODY}"


@pytest.mark.parametrize(
    ("header", "published", "kept"),
    [
        ("By Jane Roe\nApril 2, 2024", dt.date(2024, 4, 2), ""),
        ("By Jane Roe | April 2, 2024", dt.date(2024, 4, 2), ""),
        ("Von Anna Schmidt, 2. April 2024", dt.date(2024, 4, 2), ""),
        ("By Jane Roe", None, "By Jane Roe\n"),  # no date vouches for it
        (
            "By the time the ferry came, it was late.",
            None,
            "By the time the ferry came, it was late.\n",
        ),
    ],
)
def test_bylines(header, published, kept):
    article = article_from_text(f"Ferry vote\n{header}\n{BODY}")
    assert (article.title, article.published, article.outlet) == ("Ferry vote", published, None)
    assert article.text == kept + BODY


def test_sentence_with_a_date_is_body_not_header(tmp_path):
    second = "On 24 April 2024 the council voted to approve the ferry."
    [article] = load_articles(write(tmp_path / "a.txt", f"Ferry vote\n{second}\n{BODY}"))
    assert article.published is None
    assert article.text == f"{second}\n{BODY}"


def test_only_line_endings_bom_and_trailing_space_change(tmp_path):
    body = "First\u00a0paragraph  with  odd   spacing. \n\n\tIndented second line.\nThird."
    raw = "\ufeffA title\r\n12-03-2024\r\n" + body.replace("\n", "\r\n") + "  \r\n\r\n"
    [article] = load_articles(write(tmp_path / "a.txt", raw.encode("utf-8")))
    assert article.title == "A title"
    assert article.published == dt.date(2024, 3, 12)
    assert article.text == body


def test_single_line_file_is_body_not_title(tmp_path):
    [article] = load_articles(write(tmp_path / "one.txt", "Just one line of news text.\n"))
    assert (article.title, article.text) == (None, "Just one line of news text.")


def test_markdown_front_matter_and_heading(tmp_path):
    raw = (
        '---\ntitle: "Ferry line approved"\ndate: 2024-04-23\nurl: https://gazette.example/ferry\n'
        "outlet: Island Gazette\nlang: en-GB\n---\n\n# Ferry line approved\n\n"
        + BODY
        + "\n\n## Background\n\nMore.\n"
    )
    path = write(tmp_path / "ferry.md", raw)
    [article] = load_articles(path)
    assert meta(article) == {
        "id": "ferry",
        "title": "Ferry line approved",
        "outlet": "Island Gazette",
        "url": "https://gazette.example/ferry",
        "published": dt.date(2024, 4, 23),
        "source": str(path),
        "language": "en",
    }
    assert article.text == BODY + "\n\n## Background\n\nMore."


def test_markdown_heading_then_date_and_setext(tmp_path):
    [a] = load_articles(
        write(tmp_path / "a.markdown", f"# Ferry line approved\n\nApril 23, 2024\n\n{BODY}")
    )
    assert (a.title, a.published, a.text) == ("Ferry line approved", dt.date(2024, 4, 23), BODY)
    [b] = load_articles(
        write(tmp_path / "b.md", f"Ferry line approved\n===================\n{BODY}")
    )
    assert (b.title, b.published, b.text) == ("Ferry line approved", None, BODY)


# --- HTML -----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>Ferry line approved | Island Gazette</title>
<meta property="og:site_name" content="Island Gazette">
<meta property="og:title" content="Ferry line approved">
<meta property="article:published_time" content="2024-04-23T09:00:00Z">
<link rel="canonical" href="https://gazette.example/ferry"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry line approved</h1>
<p>The harbour council voted on Monday to approve a new ferry line between the two islands.</p>
<p>"This is a good day for everyone who commutes," said council chair Mira Talvik.</p>
<p>The service is expected to start in the spring, with three crossings a day.</p>
</article><footer>Copyright 2024 Island Gazette</footer></body></html>"""


def test_html_page(tmp_path):
    path = write(tmp_path / "ferry.html", PAGE)
    [article] = load_articles(path)
    assert meta(article) == {
        "id": "ferry",
        "title": "Ferry line approved",
        "outlet": "Island Gazette",
        "url": "https://gazette.example/ferry",
        "published": dt.date(2024, 4, 23),
        "source": str(path),
        "language": "en",
    }
    assert article.text.split("\n") == [
        "The harbour council voted on Monday to approve a new ferry line between the two islands.",
        '"This is a good day for everyone who commutes," said council chair Mira Talvik.',
        "The service is expected to start in the spring, with three crossings a day.",
    ]


def test_html_without_article_names_the_file(tmp_path):
    path = write(tmp_path / "menu.htm", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(MissingTextError) as info:
        load_articles(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value) and "no article text" in str(info.value)


def test_html_declared_charset_is_honoured(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace(
        "Mira Talvik", "Мира Тальвик"
    )
    [article] = load_articles(write(tmp_path / "cyr.html", page.encode("windows-1251")))
    assert "said council chair Мира Тальвик." in article.text


# --- JSON and JSON Lines --------------------------------------------------------------------------


def test_json_object(tmp_path):
    obj = {
        "id": "ferry-1",
        "title": "Ferry line approved",
        "text": BODY,
        "url": "https://gazette.example/ferry",
        "outlet": "Island Gazette",
        "published": "2024-04-23T09:00:00+02:00",
        "note": "ignored",
    }
    path = write(tmp_path / "f.json", json.dumps(obj))
    [article] = load_articles(path)
    assert meta(article) == {
        "id": "ferry-1",
        "title": "Ferry line approved",
        "outlet": "Island Gazette",
        "url": "https://gazette.example/ferry",
        "published": dt.date(2024, 4, 23),
        "source": str(path),
        "language": None,
    }
    assert article.text == BODY


def test_json_list_ids_and_null_fields(tmp_path):
    items = [
        {"text": "First story body."},
        {"id": "b", "text": "Second story body.", "published": None},
    ]
    articles = load_articles(write(tmp_path / "batch.json", json.dumps(items)))
    assert [(a.id, a.text, a.published, a.title) for a in articles] == [
        ("batch:1", "First story body.", None, None),
        ("b", "Second story body.", None, None),
    ]


def test_json_object_without_id_uses_stem(tmp_path):
    [article] = load_articles(write(tmp_path / "lonely.json", json.dumps({"text": BODY})))
    assert article.id == "lonely"


@pytest.mark.parametrize(
    ("content", "error", "phrase"),
    [
        ({"title": "No body"}, MissingTextError, "no `text` field"),
        ({"text": "   \n "}, MissingTextError, "empty `text`"),
        ({"text": 42}, MissingTextError, "not a string"),
        ("just a string", UnsupportedFormatError, "expected a JSON object"),
        ([], EmptyInputError, "empty JSON list"),
    ],
)
def test_json_errors(tmp_path, content, error, phrase):
    path = write(tmp_path / "bad.json", json.dumps(content))
    with pytest.raises(error) as info:
        load_articles(path)
    assert info.value.path == str(path) and phrase in str(info.value)


def test_invalid_json_syntax(tmp_path):
    path = write(tmp_path / "broken.json", '{"text": "unterminated')
    with pytest.raises(UnsupportedFormatError, match=r"broken\.json: is not valid JSON"):
        load_articles(path)


def test_jsonl_with_one_bad_line_goes_on(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Alpha body."}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Delta body.", "published": "2024-01-26"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    errors: list[InputError] = []
    articles = load_articles(path, on_error=errors.append)
    assert [(a.id, a.text, a.published, a.source) for a in articles] == [
        ("a", "Alpha body.", None, str(path)),
        ("feed:5", "Delta body.", dt.date(2024, 1, 26), str(path)),
    ]
    assert [(type(e), e.path) for e in errors] == [
        (UnsupportedFormatError, f"{path}:3"),
        (MissingTextError, f"{path}:4"),
    ]
    with pytest.raises(UnsupportedFormatError, match=r"feed\.jsonl:3"):
        load_articles(path)


def test_ndjson_and_jsonl_content_in_json_file(tmp_path):
    two = json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n"
    for name in ("x.ndjson", "y.json"):
        stem = name.split(".")[0]
        articles = load_articles(write(tmp_path / name, two))
        assert [(a.id, a.text) for a in articles] == [(f"{stem}:1", "One."), (f"{stem}:2", "Two.")]


# --- input errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t\n", EmptyInputError),
        (b"\xef\xbb\xbf \n", EmptyInputError),
        (b"PK\x03\x04\x00\x00binary", BinaryInputError),
        (bytes(range(1, 32)) * 20 + b"\xff\xfe\xfd", BinaryInputError),
        ("Title\n\n" + "x\x01y\x02 " * 50, BinaryInputError),
        (b"Title\n\n\x81\x8d\x8f\x90\x9d text", EncodingError),  # undefined even in cp1252
        ("Заголовок\n\nтекст статьи".encode("koi8-r"), EncodingError),  # not clearly cp1252
        (b"\xff\xfeT\x00i\xd8", EncodingError),  # UTF-16 BOM, broken surrogate
    ],
)
def test_unreadable_content(tmp_path, content, error):
    path = write(tmp_path / "bad.txt", content)
    with pytest.raises(error) as info:
        load_articles(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")


def test_utf16_with_bom_and_cp1252_text_are_read(tmp_path, caplog):
    text = f"Caf\u00e9 reopens\n\n{BODY}"
    [a] = load_articles(write(tmp_path / "u16.txt", text.encode("utf-16")))
    assert (a.title, a.text) == ("Caf\u00e9 reopens", BODY)
    with caplog.at_level("WARNING", logger="service.ingest.files"):
        [b] = load_articles(write(tmp_path / "legacy.txt", text.encode("cp1252")))
    assert (b.title, b.text) == ("Caf\u00e9 reopens", BODY)
    assert "Windows-1252" in caplog.text
    with pytest.raises(EncodingError):
        load_articles(tmp_path / "legacy.txt", allow_cp1252=False)


def test_unsupported_suffix_and_missing_file(tmp_path):
    path = write(tmp_path / "report.pdf", "%PDF-1.4")
    with pytest.raises(UnsupportedFormatError, match=r"report\.pdf: unsupported file type '\.pdf'"):
        load_articles(path)
    with pytest.raises(UnsupportedFormatError):
        list(iter_sources([path]))
    with pytest.raises(InputError, match="does not exist"):
        list(iter_sources([tmp_path / "nope.txt"]))
    with pytest.raises(InputError, match="no such file"):
        load_articles(tmp_path / "nope.txt")


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", f"Title\n{BODY}")
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    # patched rather than chmod: tests may run as root, which ignores file modes
    monkeypatch.setattr(builtins, "open", deny)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied"):
        load_articles(path)


def test_size_limit(tmp_path):
    path = write(tmp_path / "big.txt", "Title\n\n" + "word " * 400)
    with pytest.raises(
        InputError, match="is 2 KiB, over the 1,000 bytes limit for one file"
    ) as info:
        load_articles(path, max_bytes=1000)
    assert type(info.value) is InputError and info.value.path == str(path)
    assert load_articles(path, max_bytes=5000)[0].title == "Title"


def test_unknown_fmt(tmp_path):
    with pytest.raises(UnsupportedFormatError, match="unknown format 'pdf'"):
        load_articles(write(tmp_path / "a.txt", "Title\nBody."), fmt="pdf")


# --- folders, symlinks, duplicates ----------------------------------------------------------------


def make_tree(root: Path) -> None:
    write(root / "b.txt", f"B story\n{BODY}")
    write(root / "a" / "z.md", f"# Z story\n{BODY}")
    write(root / "a" / "deep" / "y.json", json.dumps({"id": "y", "text": BODY}))
    write(root / "a" / "deep" / "skip.pdf", "%PDF")
    write(root / "a" / "README", "no suffix: skipped inside folders")
    write(root / ".hidden" / "h.txt", f"Hidden\n{BODY}")
    write(root / ".dot.txt", f"Hidden\n{BODY}")
    write(root / "c.HTML", PAGE)


def test_folder_recursion_is_sorted_and_skips_hidden(tmp_path):
    make_tree(tmp_path / "in")
    found = [p.relative_to(tmp_path / "in").as_posix() for p in iter_sources([tmp_path / "in"])]
    assert found == ["a/deep/y.json", "a/z.md", "b.txt", "c.HTML"]
    assert [a.id for a in iter_articles([tmp_path / "in"])] == ["y", "z", "b", "c"]


def test_symlink_loop_and_file_links(tmp_path):
    root = tmp_path / "in"
    make_tree(root)
    os.symlink(root, root / "a" / "deep" / "loop")  # cycle back to the top
    os.symlink(root / "a", root / "also_a")  # second route to the same folder
    os.symlink(tmp_path / "outside.txt", root / "broken.txt")
    write(tmp_path / "elsewhere" / "linked.txt", f"Linked story\n{BODY}")
    os.symlink(tmp_path / "elsewhere" / "linked.txt", root / "link.txt")
    errors: list[InputError] = []
    skipped: list[tuple[Path, str]] = []
    found = [
        p.relative_to(root).as_posix()
        for p in iter_sources(
            [root], on_error=errors.append, on_skip=lambda p, r: skipped.append((p, r))
        )
    ]
    # a link leading out of the folder is not followed (issue 11, repro 9), but named as skipped
    assert found == ["a/deep/y.json", "a/z.md", "b.txt", "c.HTML"]
    assert [(p.name, "leading out" in r) for p, r in skipped if p.name == "link.txt"] == [
        ("link.txt", True)
    ]
    assert [(e.path, "broken" in str(e)) for e in errors] == [(str(root / "broken.txt"), True)]
    errors.clear()
    followed = [
        p.relative_to(root).as_posix()
        for p in iter_sources([root], on_error=errors.append, follow_links=True)
    ]
    assert followed == ["a/deep/y.json", "a/z.md", "b.txt", "c.HTML", "link.txt"]
    # naming a file and its folder yields it once
    assert [p.name for p in iter_sources([root / "b.txt", root], on_error=errors.append)][:2] == [
        "b.txt",
        "y.json",
    ]


def test_duplicate_files_under_different_names(tmp_path):
    text = f"Same story\n2024-04-23\n{BODY}"
    write(tmp_path / "one.txt", text)
    write(tmp_path / "two.txt", text)
    first, second = iter_articles([tmp_path])
    assert (first.id, second.id) == ("one", "two")
    assert first.content_hash == second.content_hash == content_hash(BODY)


def test_iter_articles_reports_bad_files_and_goes_on(tmp_path):
    write(tmp_path / "1.txt", f"Good one\n{BODY}")
    write(tmp_path / "2.txt", b"")
    write(tmp_path / "3.jsonl", '{"text": "Fine."}\n[1, 2]\n')
    write(tmp_path / "4.html", "<html><body><p>Hi</p></body></html>")
    write(tmp_path / "5.txt", f"Good two\n{BODY}")
    errors: list[InputError] = []
    articles = list(iter_articles([tmp_path, tmp_path / "missing.txt"], on_error=errors.append))
    assert [a.id for a in articles] == ["1", "3:1", "5"]
    assert [(type(e), Path(e.path).name) for e in errors] == [
        (EmptyInputError, "2.txt"),
        (UnsupportedFormatError, "3.jsonl:2"),
        (MissingTextError, "4.html"),
        (InputError, "missing.txt"),
    ]
    with pytest.raises(EmptyInputError):
        list(iter_articles([tmp_path]))


# --- stdin and strings ----------------------------------------------------------------------------


def test_stdin_text_stream(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"Ferry line approved\n23 April 2024\n{BODY}\n"))
    [article] = list(iter_articles(["-"]))
    assert meta(article) == {
        "id": "stdin",
        "title": "Ferry line approved",
        "outlet": None,
        "url": None,
        "published": dt.date(2024, 4, 23),
        "source": "-",
        "language": None,
    }
    assert article.text == BODY


def test_stdin_bytes_json_lines_and_html(monkeypatch):
    feed = json.dumps({"text": "One."}) + "\n" + json.dumps({"id": "x", "text": "Two."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed.encode("utf-8"))))
    assert [(a.id, a.text) for a in read_stdin()] == [("stdin:1", "One."), ("x", "Two.")]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    [page] = read_stdin()
    assert (page.title, page.outlet, page.source) == ("Ferry line approved", "Island Gazette", "-")


def test_stdin_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  \n"))
    errors: list[InputError] = []
    assert list(iter_articles(["-"], on_error=errors.append)) == []
    assert [(type(e), e.path) for e in errors] == [(EmptyInputError, "-")]


def test_article_from_text_sniffs_formats():
    plain = article_from_text(f"Ferry line approved\n2024-04-23\n{BODY}", source="memo")
    assert (plain.title, plain.published, plain.text, plain.source) == (
        "Ferry line approved",
        dt.date(2024, 4, 23),
        BODY,
        "memo",
    )
    assert plain.id == f"text-{content_hash(BODY)[:12]}"
    from_json = article_from_text(json.dumps({"id": "j", "text": BODY, "title": "T"}))
    assert (from_json.id, from_json.title, from_json.text) == ("j", "T", BODY)
    page = article_from_text(PAGE, id="mine")
    assert (page.id, page.outlet) == ("mine", "Island Gazette")
    forced = article_from_text(json.dumps({"text": "x"}), fmt="text", id="raw")
    assert forced.text == json.dumps({"text": "x"})


def test_text_api_errors():
    with pytest.raises(EmptyInputError, match="<text>: is empty"):
        article_from_text(" \n ")
    two = json.dumps([{"text": "a"}, {"text": "b"}])
    with pytest.raises(UnsupportedFormatError, match="holds 2 articles"):
        article_from_text(two)
    assert [a.text for a in articles_from_text(two)] == ["a", "b"]


def test_supported_suffixes():
    assert (
        frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"})
        == SUPPORTED_SUFFIXES
    )
