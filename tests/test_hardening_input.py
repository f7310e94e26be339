"""Issue 11, input side: nothing lost, nothing leaked, no traceback. One test (or more) per repro,
each failing before its fix. Every article here is invented."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli.main import main
from service.errors import InputError
from service.ingest.files import article_from_text, iter_sources, load_articles

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    "The harbour board of Velmora voted on Tuesday to reopen the north pier. "
    "\u201cWe will sail again by spring,\u201d said Odile Brann, the board chair."
)


# 3. nothing lost to the title ---------------------------------------------------------------------


SHORT_PARA = "\u201cWe sail by spring,\u201d said Odile Brann. The board agreed."


def test_front_matter_title_keeps_the_first_paragraph(tmp_path: Path) -> None:
    md = tmp_path / "pier.md"
    md.write_text(f"---\ntitle: Pier to reopen\n---\nThe pier reopens in May.\n\n{BODY}\n")
    (a,) = load_articles(md)
    assert a.title == "Pier to reopen"
    assert a.text.startswith("The pier reopens in May.")


def test_front_matter_title_still_drops_a_repeated_heading(tmp_path: Path) -> None:
    md = tmp_path / "pier.md"
    md.write_text(f"---\ntitle: Pier to reopen\n---\n# Pier to reopen\n\n{BODY}\n")
    (a,) = load_articles(md)
    assert a.title == "Pier to reopen" and a.text.startswith("The harbour board")


def test_a_txt_opening_with_a_paragraph_keeps_it_and_its_quotes() -> None:
    a = article_from_text(f"{SHORT_PARA}\n\n{BODY}", fmt="text")
    assert a.title is None
    assert a.text.startswith(SHORT_PARA)


def test_a_txt_headline_is_still_a_title() -> None:
    a = article_from_text(f"Velmora pier to reopen by spring\n\n{BODY}", fmt="text")
    assert a.title == "Velmora pier to reopen by spring" and a.text.startswith("The harbour")


# 8. pipes, deep JSON, UTF-16 without a BOM ------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_in_the_folder_does_not_hang_the_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(f"Pier news\n\n{BODY}\n")
    os.mkfifo(src / "pipe.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "service", str(src), "--no-store", "-f", "json"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "pipe.txt: not a regular file" in proc.stderr
    (digest,) = json.loads(proc.stdout)["digests"]
    assert digest["article"]["id"] == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_named_fifo_is_refused_without_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="not a regular file"):
        load_articles(tmp_path / "pipe.txt")


def test_deeply_nested_json_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert main([str(deep), "--no-store", "-f", "json"]) == 1
    err = capsys.readouterr().err
    assert "deep.json: is nested too deeply" in err and "Traceback" not in err


def test_deeply_nested_json_lines_fail_one_record(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": BODY})
    path = tmp_path / "mixed.jsonl"
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n")
    errors: list[InputError] = []
    assert [a.id for a in load_articles(path, on_error=errors.append)] == ["ok"]
    assert len(errors) == 1 and "nested too deeply" in str(errors[0])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "pier.txt"
    path.write_bytes(f"Pier news\n\n{BODY}\n".encode(encoding))
    (a,) = load_articles(path)
    assert a.title == "Pier news" and a.text.startswith("The harbour board")


def test_size_limit_message_is_plain(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "word " * 5000)
    with pytest.raises(InputError) as info:
        load_articles(path, max_bytes=20 * 1024)
    msg = str(info.value)
    assert "is 24.4 KiB, over the 20 KiB limit for one file" in msg and "max_bytes" not in msg


# 9. links out of the folder -----------------------------------------------------------------------


def _folder_with_a_link_out(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:SECRETHASH:19000\n\nThe harbour board met and nothing else was said.\n")
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(f"Pier news\n\n{BODY}\n")
    os.symlink(secret, src / "shadow.txt")
    return src


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    src = _folder_with_a_link_out(tmp_path)
    skipped: list[tuple[Path, str]] = []
    found = list(iter_sources([src], on_skip=lambda p, r: skipped.append((p, r))))
    assert [p.name for p in found] == ["ok.txt"]
    assert [(p.name, "--follow-links" in r) for p, r in skipped] == [("shadow.txt", True)]
    assert [p.name for p in iter_sources([src], follow_links=True)] == ["ok.txt", "shadow.txt"]


def test_a_link_out_never_reaches_the_store_or_outputs(tmp_path: Path) -> None:
    from service.batch.runner import run_batch
    from service.batch.store import Store

    src = _folder_with_a_link_out(tmp_path)
    with Store(tmp_path / "s.sqlite") as st:
        r = run_batch([src], engine="rules", store=st, out_dir=tmp_path / "out")
        blob = json.dumps([d.model_dump(mode="json") for d in st.iter_digests()])
    assert "SECRETHASH" not in blob
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert written and all("SECRETHASH" not in p.read_text() for p in written)
    assert [o.status.value for o in r.outcomes if Path(o.source).name == "shadow.txt"] == [
        "skipped"
    ]


# 12. the Python API: text or path, never a guess -----------------------------------------------


def test_a_mistyped_path_raises_instead_of_being_digested(tmp_path: Path) -> None:
    from service.api import summarise

    with pytest.raises(InputError, match="no such file"):
        summarise(str(tmp_path / "001_typo.txt"))
    with pytest.raises(InputError, match="no such file"):
        summarise("seeds/001_typo.txt")


def test_text_is_passed_unambiguously() -> None:
    from service.api import summarise

    d = summarise(text="seeds/001_typo.txt")  # with text= even a path-shaped string is text
    assert d.article.length == len("seeds/001_typo.txt")
    assert summarise(BODY).article.length == len(BODY)  # prose stays text, as before
    with pytest.raises(TypeError):
        summarise(BODY, text=BODY)
    with pytest.raises(TypeError):
        summarise()


def test_summarise_many_reports_a_mistyped_path() -> None:
    from service.api import summarise_many

    errors: list[Exception] = []
    got = list(summarise_many(["no/such/file.md", BODY], on_error=errors.append))
    assert len(got) == 1 and len(errors) == 1 and "no such file" in str(errors[0])


# 13. plurals ------------------------------------------------------------------------------------


def test_no_one_with_a_plural() -> None:
    from service.cli import render
    from service.engines import get_engine
    from service.merge import merge

    eng = get_engine("rules")
    one = eng.digest(article_from_text(f"Pier news\n\n{BODY}", fmt="text", id="one"))
    other = (
        "Gale warning\n\nA gale warning was issued for Kestrel Bay on Monday by the coast office."
    )
    two = eng.digest(article_from_text(other, fmt="text", id="two"))
    story = merge([one, two])
    shown = "".join(render.render(x, f) for x in (one, two, story) for f in ("text", "md"))
    assert re.search(r"\b1 mention\b", shown)
    assert not re.search(r"\b1 (mentions|independent sources|sources|pages|articles)\b", shown)
