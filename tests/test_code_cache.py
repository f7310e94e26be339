"""The command's cache of generated code (service.cli.code_cache) gives back what `compile` makes
of the text, ignores any file it cannot trust, never fails a run, and leaves digests as they were."""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import os
import subprocess
import sys
import typing
import zlib
from pathlib import Path

import pytest

from service.cli import code_cache, regex_cache

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    (
        "def __create_fn__(x):\n def __init__(self, a, b=x):\n  self.a = a\n  self.b = b\n return __init__",
        "exec",
    ),
    ("list[dict[str, 'Brackenford']] | None", "eval"),
    ("(lambda q: q * 3)(14)", "eval"),
]


def test_cached_code_is_what_compile_makes(tmp_path):
    path = str(tmp_path / "code.marshal")
    cold = code_cache.CodeCache(path)
    made = [cold.code(t, m) for t, m in TEXTS]
    assert (cold.hits, cold.added) == (0, len(TEXTS))
    cold.save()
    warm = code_cache.CodeCache(path)
    for (text, mode), first in zip(TEXTS, made, strict=True):
        again = warm.code(text, mode)
        assert again == compile(text, "<string>", mode, dont_inherit=True) == first
    assert (warm.hits, warm.added) == (len(TEXTS), 0)
    assert eval(warm.code(*TEXTS[2])) == 42


def test_errors_are_compile_s_and_nothing_is_stored(tmp_path):
    cache = code_cache.CodeCache(str(tmp_path / "code.marshal"))
    with pytest.raises(SyntaxError):
        cache.code("def (:", "exec")
    assert cache.added == 0


def _write(path: Path, header: object, body: bytes, crc: int | None = None) -> None:
    path.write_bytes(marshal.dumps((header, zlib.crc32(body) if crc is None else crc, body)))


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "checksum", "other_python", "not_code", "others_may_write", "a_link"],
)
def test_a_file_that_cannot_be_trusted_is_not_used(tmp_path, damage):
    good = tmp_path / "good.marshal"
    first = code_cache.CodeCache(str(good))
    first.code(*TEXTS[2])
    first.save()
    path = tmp_path / "code.marshal"
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
    elif damage == "not_code":
        _write(path, header, marshal.dumps({TEXTS[2]: marshal.dumps(7)}))
    elif damage == "others_may_write":
        path.write_bytes(blob)
        path.chmod(0o666)
    else:  # a link to a good file: read through no link, whoever could change where it points
        path.symlink_to(good)
    cache = code_cache.CodeCache(str(path))
    assert eval(cache.code(*TEXTS[2])) == 42
    assert (cache.hits, cache.added) == (0, 1)


def test_a_folder_that_cannot_be_written_means_no_cache_and_no_error(tmp_path):
    (tmp_path / "a_file").write_text("x")
    cache = code_cache.CodeCache(str(tmp_path / "a_file" / "code.marshal"))
    assert eval(cache.code(*TEXTS[2])) == 42
    assert (cache.writable, cache.added) == (False, 0)
    cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"]


def test_install_serves_dataclasses_and_typing_once(tmp_path, monkeypatch):
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)  # removed after the test
    monkeypatch.setattr(typing, "compile", compile, raising=False)
    monkeypatch.delattr(dataclasses, "exec")
    monkeypatch.delattr(typing, "compile")
    monkeypatch.setenv(code_cache.ENV, "off")
    assert code_cache.install() is None and "exec" not in vars(dataclasses)
    cache = code_cache.install(str(tmp_path / "code.marshal"))
    assert cache is not None
    atexit.unregister(cache.save)
    assert code_cache.install(str(tmp_path / "other.marshal")) is None

    @dataclasses.dataclass(frozen=True)
    class Bridge:
        town: str = "Brackenford"
        spans: int = 3

    ref = typing.ForwardRef("list[Bridge] | None")
    assert Bridge() == Bridge("Brackenford", 3) and repr(Bridge()) == (
        "test_install_serves_dataclasses_and_typing_once.<locals>.Bridge(town='Brackenford', spans=3)"
    )
    assert eval(ref.__forward_code__, {"Bridge": Bridge}) == (list[Bridge] | None)
    assert cache.added >= 4  # __init__, __repr__, __eq__, __hash__, ... and the annotation


def test_default_path_is_per_python_and_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(code_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = code_cache.default_path()
    assert path == str(tmp_path / "newsdigest" / f"code-{sys.implementation.cache_tag}.marshal")
    monkeypatch.setenv(code_cache.ENV, str(tmp_path / "mine"))
    assert code_cache.default_path() == str(tmp_path / "mine")


def test_the_command_s_output_is_the_same_cached_cold_warm_and_uncached(tmp_path):
    cache = tmp_path / "cache" / "code.marshal"
    outs = []
    for setting in ["off", str(cache), str(cache)]:  # uncached, cold (writes the file), warm
        env = {**os.environ, "PYTHONPATH": str(ROOT), code_cache.ENV: setting}
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "service",
                str(ROOT / "seeds"),
                "-f",
                "json",
                "-q",
                "--no-store",
            ],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            check=True,
        )
        outs.append(run.stdout)
        if setting == "off":
            assert not cache.exists()
    assert outs[0] == outs[1] == outs[2] and b'"stories"' in outs[0]
    assert (
        len(regex_cache._read(str(cache), code_cache.HEADER, own_only=True)) > 500
    )  # pydantic's, ours


def test_the_file_is_written_for_this_user_alone(tmp_path):
    old = os.umask(0o002)  # a group-writable default would make the file one never trusted
    try:
        cache = code_cache.CodeCache(str(tmp_path / "code.marshal"))
        cache.code(*TEXTS[2])
        cache.save()
    finally:
        os.umask(old)
    assert (tmp_path / "code.marshal").stat().st_mode & 0o077 == 0
    assert code_cache.CodeCache(cache.path).code(*TEXTS[2])
    assert regex_cache._owned(os.lstat(cache.path))


def test_a_text_that_warns_warns_every_time_and_is_not_kept(tmp_path):
    import warnings

    source = "'\\d'"  # an invalid escape: compile warns
    cache = code_cache.CodeCache(str(tmp_path / "code.marshal"))
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            code = cache.code(source, "eval")
        assert [w.category for w in caught] == [DeprecationWarning]
        assert eval(code) == "\\d"
    assert cache.added == 0 and cache.hits == 0
