"""The command's compiled-pattern cache (service.cli.regex_cache) gives back what `re` would
compile, ignores any file it cannot trust, never fails a run, and leaves digests as they were."""

from __future__ import annotations

import atexit
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]

import pytest

from service.cli import regex_cache

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = [
    (r"(?<![\w-])(?P<month>jan(?:uary)?|feb(?:ruary)?)\s+(\d{1,2})(?:st|nd|rd|th)?\b", 0),
    (r"[A-ZÀ-Þ][a-zà-ÿ]+(?:\s+[A-ZÀ-Þ][a-zà-ÿ]+)*", 0),
    (r"\bsaid\b|\btold\b", re.IGNORECASE),
    (r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE),
    (r"[\u0600-\u06ff\u4e00-\u9fff]+", 0),
    (r"(?i:straße|strasse)", 0),
    (rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE),
    (r"(a)(b)?(?(2)c|d)", re.VERBOSE),
]
TEXTS = ["On Jan 3rd Ilse Varga said: STRASSE", "## Heading ##\nbody", "abd abc", "مرحبا 你好"]


def _same_behaviour(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    if isinstance(a.pattern, bytes):
        texts: list[str] | list[bytes] = [t.encode() for t in TEXTS]
    else:
        texts = TEXTS
    return all(
        [m.span() + m.groups() for m in a.finditer(t)]  # type: ignore[arg-type]
        == [m.span() + m.groups() for m in b.finditer(t)]  # type: ignore[arg-type]
        for t in texts
    )


def test_cached_patterns_are_what_re_compiles(tmp_path):
    path = str(tmp_path / "rx.marshal")
    cold = regex_cache.RegexCache(path)
    made = [cold.compile(p, f) for p, f in PATTERNS]
    assert (cold.hits, cold.added) == (0, len(PATTERNS))
    cold.save()
    warm = regex_cache.RegexCache(path)
    for (p, f), first in zip(PATTERNS, made, strict=True):
        again = warm.compile(p, f)
        fresh = re._compiler.compile(p, f)  # type: ignore[attr-defined]
        assert again == fresh == first  # flags, opcodes and pattern text
        assert (again.groups, again.groupindex, again.flags) == (
            fresh.groups,
            fresh.groupindex,
            fresh.flags,
        )
        assert _same_behaviour(again, fresh)
    assert (warm.hits, warm.added) == (len(PATTERNS), 0)


def test_a_pattern_whose_parse_warns_is_compiled_afresh_every_time(tmp_path):
    cache = regex_cache.RegexCache(str(tmp_path / "rx.marshal"))
    for _ in range(2):
        with pytest.warns(FutureWarning):  # 'Possible nested set'
            cache.compile("[[a]", 0)
    assert (cache.hits, cache.added) == (0, 0)


def _write(path: Path, header: object, body: bytes, crc: int | None = None) -> None:
    path.write_bytes(marshal.dumps((header, zlib.crc32(body) if crc is None else crc, body)))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "checksum", "other_python", "shape"])
def test_a_file_that_cannot_be_trusted_is_not_used(tmp_path, damage):
    good = tmp_path / "good.marshal"
    first = regex_cache.RegexCache(str(good))
    first.compile(PATTERNS[0][0], 0)
    first.save()
    path = tmp_path / "rx.marshal"
    blob = good.read_bytes()
    header, crc, body = marshal.loads(blob)
    if damage == "garbage":
        path.write_bytes(b"\x00not a cache")
    elif damage == "truncated":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "checksum":
        _write(path, header, body, crc ^ 1)
    elif damage == "other_python":
        _write(path, (*header[:2], header[2] + 1, *header[3:]), body)
    else:  # a readable file whose entry is no engine input
        _write(path, header, marshal.dumps({(PATTERNS[0][0], 0): (0, [1, 2, 3], 0, {}, ())}))
    cache = regex_cache.RegexCache(str(path))
    got = cache.compile(PATTERNS[0][0], 0)
    assert got == re._compiler.compile(PATTERNS[0][0], 0)  # type: ignore[attr-defined]
    assert (cache.hits, cache.added) == (0, 1)


def test_a_folder_that_cannot_be_written_means_no_cache_and_no_error(tmp_path):
    (tmp_path / "a_file").write_text("x")
    cache = regex_cache.RegexCache(str(tmp_path / "a_file" / "rx.marshal"))
    got = cache.compile(PATTERNS[1][0], 0)
    assert got == re._compiler.compile(PATTERNS[1][0], 0)  # type: ignore[attr-defined]
    assert (cache.writable, cache.added) == (False, 0)  # nothing made that could not be kept
    cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"]
    deep = regex_cache.RegexCache(str(tmp_path / "new" / "folders" / "rx.marshal"))
    deep.compile(PATTERNS[1][0], 0)
    deep.save()  # folders that do not exist yet are made
    assert deep.writable and list(regex_cache._read(deep.path)) == [(PATTERNS[1][0], 0)]


def test_save_keeps_this_run_s_entries_first_and_at_most_max(tmp_path, monkeypatch):
    path = str(tmp_path / "rx.marshal")
    old = regex_cache.RegexCache(path)
    for p, f in PATTERNS[:4]:
        old.compile(p, f)
    old.save()
    monkeypatch.setattr(regex_cache.RegexCache, "MAX_ENTRIES", 6)
    run = regex_cache.RegexCache(path)
    for p, f in [PATTERNS[3], *PATTERNS[4:]]:  # one the file has, four it lacks
        run.compile(p, f)
    run.save()
    kept = list(regex_cache._read(path))
    assert kept == [(p, int(f)) for p, f in [PATTERNS[3], *PATTERNS[4:], PATTERNS[0]]]
    before = os.stat(path).st_mtime_ns
    again = regex_cache.RegexCache(path)
    again.compile(*PATTERNS[4])
    again.save()  # nothing new: the file is left alone
    assert os.stat(path).st_mtime_ns == before


def test_install_routes_re_through_the_cache_once(tmp_path, monkeypatch):
    monkeypatch.setattr(_compiler, "compile", _compiler.compile)  # put back after the test
    monkeypatch.setenv(regex_cache.ENV, "off")
    assert regex_cache.install() is None and not hasattr(_compiler.compile, "__self__")
    cache = regex_cache.install(str(tmp_path / "rx.marshal"))
    assert cache is not None
    atexit.unregister(cache.save)
    assert regex_cache.install(str(tmp_path / "other.marshal")) is None
    pattern = r"(?P<x>Brackenford)\s+\d+ unlikely to be compiled elsewhere"
    assert re.compile(pattern).groupindex == {"x": 1}
    assert cache.added == 1


def test_default_path_is_per_python_and_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(regex_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = regex_cache.default_path()
    assert path == str(tmp_path / "newsdigest" / f"regex-{sys.implementation.cache_tag}.marshal")
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path / "mine"))
    assert regex_cache.default_path() == str(tmp_path / "mine")


GERMAN = (
    "Brückenöffnung in Altweiler\n\n"
    '„Die Brücke wird im Mai eröffnet", sagte Bürgermeisterin Ilse Varga am Montag in Altweiler. '
    "Der Stadtrat hatte den Bau am 3. März 2024 beschlossen.\n"
)
CHINESE = "新桥开放\n\n市长林晓梅周一表示：“新桥将于五月开放。”她说，市议会于2024年3月3日批准了这一项目。\n"


def test_the_command_s_digests_are_the_same_cached_cold_warm_and_uncached(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "zh.txt").write_text(CHINESE, encoding="utf-8")
    cache = tmp_path / "cache" / "rx.marshal"
    outs = []
    for setting in ["off", str(cache), str(cache)]:  # uncached, cold (writes the file), warm
        env = {**os.environ, "PYTHONPATH": str(ROOT), regex_cache.ENV: setting}
        run = subprocess.run(
            [sys.executable, "-m", "service", str(folder), "-f", "json", "-q", "--no-store"],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            check=True,
        )
        outs.append(run.stdout)
        if setting == "off":
            assert not cache.exists()
    assert outs[0] == outs[1] == outs[2] and b'"quotes"' in outs[0]
    entries = regex_cache._read(str(cache))
    assert len(entries) > 100  # the extractors' and the merger's patterns
